/**
 * Start-up figure: time from spawning `node dist/<entry>.js` (as a GitHub runner does: INPUT_*
 * variables, GITHUB_OUTPUT and friends, RUNNER_TEMP) to the first connection it opens to the
 * registry, which is a local TCP server that only notes when a connection arrives (the first
 * request of a run is the registry's; whether it starts as TLS or plain HTTP does not matter, the
 * connection is what is timed). The child is killed once it has connected. Median of N runs after
 * one unmeasured warm-up (which fills the OS file cache, as a runner's checkout of the action has).
 *
 * On a shared machine the wall time mostly measures the other work; so each run also reads the
 * CPU time the child had used when it connected (Linux /proc/<pid>/task/<tid>/schedstat, ns, all
 * threads): on an idle machine the two are close, under load the CPU time stays comparable.
 *
 * Used by bench/run.ts; also runs alone against any built dist/ (`npx tsx bench/startup.ts [dist]`),
 * which is how the "before" figure was taken on the base commit.
 */
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createCodeSigningPki } from '../testbed/pki.js'

/** The issue's goal for the time to the first request. */
export const FIRST_REQUEST_GOAL_MS = 150

export interface StartupVariant {
  label: string
  /** dist entry file name: index.js (sign, then verify) or verify.js. */
  entry: 'index.js' | 'verify.js'
  inputs: (registryHost: string) => Record<string, string>
}

/** The environment a GitHub runner gives a JavaScript action (as testbed/runner.ts sets it). */
export async function runnerEnv(
  dir: string,
  inputs: Record<string, string>,
): Promise<Record<string, string>> {
  for (const f of ['output', 'summary', 'env']) await writeFile(join(dir, f), '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return env
}

/** CPU time (ms) process `pid` has used, all threads; undefined where /proc does not say. */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  try {
    let ns = 0
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
    }
    return Number.isFinite(ns) ? ns / 1e6 : undefined
  } catch {
    return undefined
  }
}

interface FirstConnection {
  /** Wall time, spawn to the first connection. */
  wallMs: number
  /** The child's CPU time at that moment. */
  cpuMs: number | undefined
}

/** One run: from spawn to the first connection at the registry. */
async function firstConnection(
  entryPath: string,
  variant: StartupVariant,
  work: string,
): Promise<FirstConnection> {
  let connected: ((at: { at: number; cpuMs: number | undefined }) => void) | undefined
  const firstConnection = new Promise<{ at: number; cpuMs: number | undefined }>(
    (r) => (connected = r),
  )
  const sockets = new Set<Socket>()
  const spawned: { pid?: number } = {} // set once the child exists; the server reads it
  const server = createServer((socket) => {
    connected?.({ at: performance.now(), cpuMs: cpuMsOf(spawned.pid) })
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.destroy()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  const dir = await mkdtemp(join(work, 'start-'))
  const env = await runnerEnv(dir, variant.inputs(host))
  let output = ''
  const t0 = performance.now()
  const child = spawn(process.execPath, [entryPath], {
    env,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  spawned.pid = child.pid
  child.stdout.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<number>((r) => child.on('close', (code) => r(code ?? 1)))
  try {
    const winner = await Promise.race([firstConnection, exited.then((code) => ({ code }))])
    if ('code' in winner) {
      const error = /::error[^:]*::(.*)/.exec(output)?.[1] ?? output.slice(0, 200)
      throw new Error(`${variant.entry} exited ${winner.code} before any request: ${error}`)
    }
    return { wallMs: winner.at - t0, cpuMs: winner.cpuMs }
  } finally {
    child.kill('SIGKILL')
    await exited
    for (const s of sockets) s.destroy()
    await new Promise((r) => server.close(r))
    await rm(dir, { recursive: true, force: true })
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** Three runner-like runs: sign with a local key, sign + read-back verify, verify only. */
export async function startupVariants(work: string): Promise<StartupVariant[]> {
  const pki = await createCodeSigningPki({ keyKind: 'rsa3072' })
  const chainPath = join(work, 'startup-chain.pem')
  const rootPath = join(work, 'startup-root.pem')
  await writeFile(chainPath, pki.chainPem)
  await writeFile(rootPath, pki.root.pem)
  const policy = JSON.stringify({
    version: '1.0',
    trustPolicies: [
      {
        name: 'bench',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:bench'],
        trustedIdentities: ['*'],
      },
    ],
  })
  const verifyInputs = {
    'trust-policy': policy,
    'trust-store': JSON.stringify({ 'ca:bench': [rootPath] }),
  }
  const image = (host: string): string => `${host}/bench/startup:v1`
  const keyInputs = {
    'signing-key': pki.leaf.privateKeyPem,
    'signing-certificate-chain': chainPath,
  }
  return [
    {
      label: 'sign, local RSA-3072 key',
      entry: 'index.js',
      inputs: (host) => ({ images: image(host), ...keyInputs }),
    },
    {
      label: 'sign + read-back verify (JSON trust-policy and trust-store)',
      entry: 'index.js',
      inputs: (host) => ({ images: image(host), ...keyInputs, ...verifyInputs }),
    },
    {
      label: 'verify only, dist/verify.js (JSON trust-policy and trust-store)',
      entry: 'verify.js',
      inputs: (host) => ({ images: image(host), ...verifyInputs }),
    },
    {
      label: 'verify only, dist/verify.js (YAML trust-store)',
      entry: 'verify.js',
      inputs: (host) => ({
        images: image(host),
        'trust-policy': policy,
        'trust-store': `ca:bench: [${rootPath}]\n`,
      }),
    },
  ]
}

export type RecordRow = (measure: string, value: string, note: string) => void

const ms = (v: number): string => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`)

/** Median wall and CPU time of `runs` runs (after one warm-up) of each build, runs alternating. */
async function measure(
  distDirs: readonly string[],
  variant: StartupVariant,
  work: string,
  runs: number,
): Promise<{ wall: number[]; cpu: (number | undefined)[]; minWall: number[] }> {
  const samples: FirstConnection[][] = distDirs.map(() => [])
  for (const dir of distDirs) await firstConnection(join(dir, variant.entry), variant, work)
  for (let i = 0; i < runs; i++) {
    for (const [k, dir] of distDirs.entries())
      samples[k]?.push(await firstConnection(join(dir, variant.entry), variant, work))
  }
  return {
    wall: samples.map((runs) => median(runs.map((r) => r.wallMs))),
    cpu: samples.map((runs) =>
      runs.every((r) => r.cpuMs !== undefined)
        ? median(runs.map((r) => r.cpuMs as number))
        : undefined,
    ),
    minWall: samples.map((runs) => Math.min(...runs.map((r) => r.wallMs))),
  }
}

/** The bench rows: time to first request per variant, median of `runs`. */
export async function benchTimeToFirstRequest(
  distDir: string,
  work: string,
  runs: number,
  record: RecordRow,
): Promise<void> {
  for (const variant of await startupVariants(work)) {
    const m = await measure([distDir], variant, work, runs)
    const wall = m.wall[0] as number
    const cpu = m.cpu[0]
    record(
      `time to first request: ${variant.label}: median`,
      ms(wall),
      `n=${runs}, min ${ms(m.minWall[0] as number)}${cpu === undefined ? '' : `; CPU time used by then ${ms(cpu)}`}; spawn → first registry connection; goal ≤ ${FIRST_REQUEST_GOAL_MS} ms: ${wall <= FIRST_REQUEST_GOAL_MS ? 'met' : 'NOT met'}`,
    )
  }
}

// Alone: `npx tsx bench/startup.ts [distDir …]`; with several builds, runs alternate between them
// so that load from other work falls on each alike.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const distDirs = (process.argv.length > 2 ? process.argv.slice(2) : ['dist']).map((d) =>
    resolve(d),
  )
  const work = await mkdtemp(join(tmpdir(), 'oci-notary-startup-'))
  const runs = Number(process.env.BENCH_RUNS ?? 9)
  try {
    console.log(
      `time to first request, median of ${runs}: wall / CPU time; builds: ${distDirs.join(' | ')}`,
    )
    for (const variant of await startupVariants(work)) {
      const m = await measure(distDirs, variant, work, runs)
      const cells = m.wall.map(
        (w, k) => `${ms(w)} / ${m.cpu[k] === undefined ? 'n/a' : ms(m.cpu[k] as number)}`,
      )
      console.log(`${variant.label}: ${cells.join(' | ')}`)
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
