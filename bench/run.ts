/**
 * `npm run bench`: how fast the product is on this machine, with nothing from the internet.
 *
 * In-process figures call src/ directly (tsx, no build); the last section runs the committed
 * dist/index.js as a GitHub runner would. The network figures use the local test stack on loopback
 * (Debian's docker-registry in plain-HTTP mode, the openssl TSA, the Artifact Signing mock), so
 * they show client overhead and round trips, not internet latency. See bench/README.md.
 *
 * Each section is independent: a failure prints an ERROR row and the run goes on; every server is
 * stopped at the end, even on error.
 */
import { spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createArtifactSigningSigner } from '../src/azure/artifact-signing.js'
import { signImages, type SignOptions } from '../src/commands/sign.js'
import { verifyImages, type VerifyOptions } from '../src/commands/verify.js'
import { decodeEnvelope } from '../src/envelope/decode.js'
import { createSignatureEnvelope, type CreatedEnvelope } from '../src/envelope/sign.js'
import { verifyEnvelopeSignature } from '../src/envelope/signature.js'
import { silentLogger } from '../src/log.js'
import { createTransport, type RequestEvent, type Transport } from '../src/net/transport.js'
import { MEDIA_TYPE } from '../src/notary/constants.js'
import { buildPayload } from '../src/notary/payload.js'
import { createRegistryClient } from '../src/oci/client.js'
import type { Descriptor } from '../src/oci/descriptor.js'
import { createLocalKeySigner, type LocalKeySigner } from '../src/signer/local-key.js'
import type { Signer } from '../src/signer/signer.js'
import { createTimestamper } from '../src/timestamp/client.js'
import type { Timestamper } from '../src/timestamp/types.js'
import { parseTrustPolicy, selectPolicy, type TrustPolicyDocument } from '../src/verify/policy.js'
import { noRevocationChecker } from '../src/verify/revocation.js'
import { buildTrustStore, type TrustStore } from '../src/verify/trust-store.js'
import { verifySignature } from '../src/verify/verifier.js'
import { signRaw } from '../src/x509/raw-signature.js'
import { pushTestImage } from '../testbed/image.js'
import { runLatencyBench } from './latency.js'
import { tagIndexFigures } from './tag-index.js'
import {
  MOCK_ACCOUNT,
  MOCK_PROFILE,
  startAzureMocks,
  type AzureMocks,
} from '../testbed/mocks/index.js'
import { createCodeSigningPki, type CodeSigningPki, type KeyKind } from '../testbed/pki.js'
import type { RegistryHandle } from '../testbed/registry.js'
import { staticImportClosure } from '../testbed/dist-closure.js'
import { runAction } from '../testbed/runner.js'
import { startTestbed, type Testbed } from '../testbed/stack.js'
import { benchTimeToFirstRequest, runnerEnv } from './startup.js'
import { benchVerifyThroughput } from './verify-throughput.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist')
const SIGNING_AGENT = 'oci-notary-action/bench'
const quick = process.argv.includes('--quick')
/** `--latency` / `--rtt=<ms>`: only the latency mode (bench/latency.ts), default RTT 50 ms. */
const rttArg = process.argv.find((a) => a.startsWith('--rtt='))
const latencyRtt =
  rttArg !== undefined
    ? Number(rttArg.slice('--rtt='.length))
    : process.argv.includes('--latency')
      ? 50
      : undefined

// ---- results --------------------------------------------------------------------------------

interface Row {
  id: string
  measure: string
  value: string
  note: string
}
const rows: Row[] = []
/** Stops servers and removes temp files; run at the end, on error, and on Ctrl-C. */
const cleanups: (() => Promise<unknown>)[] = []
let cleaning: Promise<void> | undefined
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    progress('stopping servers…')
    for (const cleanup of cleanups)
      await cleanup().catch((err: unknown) => progress(`cleanup failed: ${String(err)}`))
  })()
  return cleaning
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // docker-registry runs detached: stop it before leaving.
    void cleanUp().finally(() => process.exit(130))
  })
}

function record(id: string, measure: string, value: string, note = ''): void {
  rows.push({ id, measure, value, note })
  progress(`  ${id} ${measure}: ${value}${note ? `  (${note})` : ''}`)
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`)
}

async function section(id: string, title: string, fn: () => Promise<void>): Promise<void> {
  if (cleaning !== undefined) return // interrupted: skip what is left
  progress(`[${id}] ${title}…`)
  try {
    await fn()
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    record(id, `${title}: ERROR`, '—', message.split('\n')[0]?.slice(0, 160) ?? '')
    if (process.env.BENCH_DEBUG) console.error(err)
  }
}

// ---- statistics -----------------------------------------------------------------------------

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b)
}
function median(values: number[]): number {
  const s = sorted(values)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const s = sorted(values)
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number
}
const ms = (v: number): string => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`)
const perSec = (v: number): string => `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} /s`
const kib = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(2)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`

/** Calls `fn` for `warmupMs`, then for at least `minMs`; returns operations per second. */
async function throughput(
  fn: () => Promise<unknown> | unknown,
  minMs: number,
  warmupMs = 300,
): Promise<{ rate: number; ops: number; elapsedMs: number }> {
  const warmEnd = performance.now() + warmupMs
  while (performance.now() < warmEnd) await fn()
  let ops = 0
  const start = performance.now()
  let now = start
  while (now - start < minMs) {
    await fn()
    ops++
    now = performance.now()
  }
  const elapsedMs = now - start
  return { rate: (ops * 1000) / elapsedMs, ops, elapsedMs }
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns each run's wall time (ms). */
async function timed<T>(
  runs: number,
  warmup: number,
  fn: (i: number) => Promise<T>,
): Promise<{ times: number[]; results: T[] }> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i)
  const times: number[] = []
  const results: T[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    results.push(await fn(i))
    times.push(performance.now() - t0)
  }
  return { times, results }
}

/** A transport that counts round trips (one per attempt, as the transport reports them). */
function countingTransport(): { transport: Transport; events: RequestEvent[] } {
  const events: RequestEvent[] = []
  return { transport: createTransport({ onRequest: (e) => events.push(e) }), events }
}

/** "HEAD×3 GET×4 …" in the order methods first appear. */
function breakdown(events: RequestEvent[]): string {
  const counts = new Map<string, number>()
  for (const e of events) {
    const key = e.status === 'error' ? `${e.method}(failed)` : e.method
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([k, n]) => `${k}×${n}`).join(' ')
}

// ---- fixtures -------------------------------------------------------------------------------

interface KeyFixture {
  label: string
  kind: KeyKind
  pki: CodeSigningPki
  signer: LocalKeySigner
}

async function keyFixture(kind: KeyKind, label: string): Promise<KeyFixture> {
  const pki = await createCodeSigningPki({ keyKind: kind })
  const signer = createLocalKeySigner({
    keyPem: pki.leaf.privateKeyPem,
    chainPem: pki.chainPem,
    now: new Date(),
  })
  return { label, kind, pki, signer }
}

const sampleSubject: Descriptor = {
  mediaType: MEDIA_TYPE.ociManifest,
  digest: `sha256:${createHash('sha256').update('bench subject').digest('hex')}`,
  size: 528,
}

function envelopeOf(
  signer: Signer,
  format: 'cose' | 'jws',
  timestamper?: Timestamper,
): Promise<CreatedEnvelope> {
  return createSignatureEnvelope({
    format,
    payload: buildPayload(sampleSubject),
    signer,
    signingTime: new Date(),
    signingAgent: SIGNING_AGENT,
    ...(timestamper ? { timestamper } : {}),
  })
}

/**
 * Distinct images without a skopeo run each: one real image is pushed with skopeo, then variants
 * of its manifest (an annotation differs, so the digest does) are PUT under new tags.
 */
class ImageFactory {
  private base: Record<string, unknown> | undefined
  private n = 0
  constructor(
    private readonly registry: RegistryHandle,
    readonly repository: string,
  ) {}

  async init(): Promise<void> {
    const image = await pushTestImage(
      this.registry,
      this.repository,
      'base',
      'hello from the notary bench',
    )
    const res = await fetch(
      `${this.registry.url}/v2/${this.repository}/manifests/${image.digest}`,
      {
        headers: { accept: MEDIA_TYPE.ociManifest },
      },
    )
    if (res.status !== 200) throw new Error(`reading the base manifest: HTTP ${res.status}`)
    this.base = (await res.json()) as Record<string, unknown>
  }

  /** Pushes a new distinct image; returns `host/repo:tag`. */
  async next(): Promise<string> {
    if (this.base === undefined) throw new Error('ImageFactory.init() first')
    const tag = `img-${++this.n}`
    const bytes = JSON.stringify({
      ...this.base,
      annotations: { 'org.example.bench': `${tag}-${randomUUID()}` },
    })
    const res = await fetch(`${this.registry.url}/v2/${this.repository}/manifests/${tag}`, {
      method: 'PUT',
      headers: { 'content-type': MEDIA_TYPE.ociManifest },
      body: bytes,
    })
    if (res.status !== 201)
      throw new Error(`pushing ${tag}: HTTP ${res.status} ${await res.text()}`)
    return `${this.registry.host}/${this.repository}:${tag}`
  }

  async many(count: number): Promise<string[]> {
    const out: string[] = []
    for (let i = 0; i < count; i++) out.push(await this.next())
    return out
  }
}

const signOptions = (concurrency: number): SignOptions => ({
  format: 'cose',
  manifestForm: 'image-manifest-legacy',
  userMetadata: new Map(),
  referrers: 'tag',
  recursive: false,
  concurrency,
})

function policyDocument(stores: string[]): TrustPolicyDocument {
  return parseTrustPolicy(
    JSON.stringify({
      version: '1.0',
      trustPolicies: [
        {
          name: 'bench',
          registryScopes: ['*'],
          signatureVerification: { level: 'strict' },
          trustStores: stores,
          trustedIdentities: ['*'],
        },
      ],
    }),
    { source: 'bench policy' },
  )
}

// ---- child processes ------------------------------------------------------------------------

interface ChildRun {
  exitCode: number
  wallMs: number
  /** Peak resident set size of the node process, KiB (from /usr/bin/time -f %M). */
  maxRssKiB: number | undefined
  stdout: string
}

/** Runs `node args…` under /usr/bin/time; `env` replaces the environment. */
async function runNode(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<ChildRun> {
  const timeFile = join(cwd, `time-${randomUUID()}.txt`)
  const haveTime = await stat('/usr/bin/time').then(
    () => true,
    () => false,
  )
  const [cmd, argv] = haveTime
    ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, args]
  const t0 = performance.now()
  const child = spawn(cmd, argv as string[], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.resume()
  const exitCode = await new Promise<number>((resolve) =>
    child.on('close', (code) => resolve(code ?? 1)),
  )
  const wallMs = performance.now() - t0
  let maxRssKiB: number | undefined
  if (haveTime) {
    const text = await readFile(timeFile, 'utf8').catch(() => '')
    const last = text.trim().split('\n').pop() ?? ''
    maxRssKiB = /^\d+$/.test(last) ? Number(last) : undefined
    await rm(timeFile, { force: true })
  }
  return { exitCode, wallMs, maxRssKiB, stdout }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await walk(p)))
    else if (entry.isFile()) out.push(p)
  }
  return out
}

/**
 * Bytes per npm package (or src/ directory) in bundled files, from the `// node_modules/<pkg>/…`
 * and `// src/…` comments esbuild writes before each module. Largest first.
 */
async function bytesByPackage(files: string[]): Promise<[string, number][]> {
  const totals = new Map<string, number>()
  for (const file of files) {
    let current = '(glue)'
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      // `// node_modules/…`, or `// ../../x/node_modules/…` when node_modules is a symlink.
      const m = /^\/\/ (?:\S*?node_modules\/((?:@[^/]+\/)?[^/]+)\/|(src\/[^/]+)\/)/.exec(line)
      if (m) current = m[1] ?? m[2] ?? current
      totals.set(current, (totals.get(current) ?? 0) + Buffer.byteLength(line) + 1)
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1])
}

// ---- the run --------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log('oci-notary-action benchmark')
  console.log(
    `machine: ${cpu.trim()}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM`,
  )
  console.log(
    `node ${process.version} (${process.platform}/${process.arch}), started ${new Date().toISOString()}`,
  )
  console.log('')
  const wallStart = performance.now()
  const MEASURE_MS = quick ? 500 : 2000

  if (latencyRtt !== undefined) {
    if (!Number.isFinite(latencyRtt) || latencyRtt < 0) throw new Error(`bad ${rttArg ?? ''}`)
    try {
      await section('L', `sign job with ${latencyRtt} ms RTT on every service`, () =>
        runLatencyBench({ rttMs: latencyRtt, quick, record, progress, cleanups }),
      )
    } finally {
      await cleanUp()
    }
    printTable()
    if (rows.some((r) => r.measure.endsWith('ERROR'))) process.exitCode = 1
    return
  }
  const work = await mkdtemp(join(tmpdir(), 'oci-notary-bench-'))
  cleanups.push(() => rm(work, { recursive: true, force: true }))
  try {
    progress('starting the local stack (plain registry, TSA) and making test keys…')
    const testbed: Testbed = await startTestbed(['plain'])
    cleanups.unshift(() => testbed.stop())
    const registry = testbed.registries.plain
    const tsaRootDer = testbed.tsa.pki.root.der

    const rsa3072 = await keyFixture('rsa3072', 'RSA-3072 (PS384)')
    let rsa3072RawMs: number | undefined
    const keys: { fixture: KeyFixture; format: 'cose' | 'jws' }[] = [
      { fixture: rsa3072, format: 'cose' },
      { fixture: await keyFixture('ec256', 'EC P-256 (ES256)'), format: 'cose' },
      { fixture: await keyFixture('rsa2048', 'RSA-2048 (PS256)'), format: 'cose' },
      { fixture: rsa3072, format: 'jws' },
    ]

    // 1 ------------------------------------------------------------------------------------------
    await section('1', 'envelope signing, local key, in-process', async () => {
      for (const { fixture, format } of keys) {
        const r = await throughput(() => envelopeOf(fixture.signer, format), MEASURE_MS)
        record(
          '1',
          `${format.toUpperCase()} envelopes signed, ${fixture.label}`,
          perSec(r.rate),
          `${(1000 / r.rate).toFixed(2)} ms each; ${r.ops} in ${(r.elapsedMs / 1000).toFixed(1)} s; incl. chain check, leaf verify, self-check decode+verify`,
        )
      }
      for (const fixture of [rsa3072, keys[1]?.fixture, keys[2]?.fixture]) {
        if (fixture === undefined) continue
        const tbs = new Uint8Array(300)
        const key = fixture.pki.leaf.privateKey
        const r = await throughput(
          () => signRaw(fixture.signer.algorithm, key, tbs),
          MEASURE_MS / 2,
          100,
        )
        if (fixture === rsa3072) rsa3072RawMs = 1000 / r.rate
        record(
          '1',
          `raw node:crypto sign only, ${fixture.label} (floor)`,
          perSec(r.rate),
          `${(1000 / r.rate).toFixed(2)} ms each`,
        )
      }
    })

    // 2 ------------------------------------------------------------------------------------------
    await section('2', 'envelope verification, in-process', async () => {
      const created = await envelopeOf(rsa3072.signer, 'cose')
      const r = await throughput(() => {
        if (!verifyEnvelopeSignature(decodeEnvelope(created.mediaType, created.envelope)))
          throw new Error('does not verify')
      }, MEASURE_MS)
      record(
        '2',
        'COSE envelopes verified (decode + signature), RSA-3072',
        perSec(r.rate),
        `${(1000 / r.rate).toFixed(2)} ms each`,
      )

      const policy = policyDocument(['ca:bench'])
      const trustStore = buildTrustStore([
        {
          type: 'ca',
          name: 'bench',
          certificates: [{ der: rsa3072.pki.root.der, source: 'bench root' }],
        },
      ])
      const statement = selectPolicy(policy, `${registry.host}/bench/x@${sampleSubject.digest}`)
      const full = await throughput(async () => {
        const outcome = await verifySignature({
          envelope: created.envelope,
          mediaType: created.mediaType,
          subject: sampleSubject,
          statement,
          trustStore,
          now: new Date(),
          revocation: noRevocationChecker,
          logger: silentLogger,
        })
        if (outcome.verdict !== 'passed')
          throw new Error(`verifySignature: ${outcome.error?.message ?? outcome.verdict}`)
      }, MEASURE_MS / 2)
      record(
        '2',
        'full signature verification (verifySignature, strict, no network)',
        perSec(full.rate),
        `${(1000 / full.rate).toFixed(2)} ms each; integrity + chain + trust store + identity + expiry`,
      )
    })

    // 3 ------------------------------------------------------------------------------------------
    await section('3', 'sign with an RFC 3161 timestamp (local openssl TSA)', async () => {
      const { transport, events } = countingTransport()
      const timestamper = createTimestamper({
        urls: [testbed.tsa.url],
        roots: [tsaRootDer],
        transport,
      })
      const runs = quick ? 8 : 24
      const { times, results } = await timed(runs, 2, () =>
        envelopeOf(rsa3072.signer, 'cose', timestamper),
      )
      if (results.some((r) => r.timestampToken === undefined))
        throw new Error('no timestamp token embedded')
      const tsaMs = events.slice(-runs).map((e) => e.durationMs)
      record(
        '3',
        'COSE sign + timestamp, RSA-3072: median',
        ms(median(times)),
        `p95 ${ms(percentile(times, 95))}, n=${runs}; payload → envelope → token verified`,
      )
      record(
        '3',
        '  of which the TSA HTTP round trip: median',
        ms(median(tsaMs)),
        'the test TSA forks `openssl ts -reply` per request',
      )
      const client = times.map((t, i) => t - (tsaMs[i] ?? 0))
      record(
        '3',
        '  client-side work (total − TSA round trip): median',
        ms(median(client)),
        `p95 ${ms(percentile(client, 95))}; sign + token parse/verify + encode`,
      )
    })

    // 4 ------------------------------------------------------------------------------------------
    const images = new ImageFactory(registry, 'bench/sign')
    const signedForVerify: { untimestamped?: string; timestamped?: string } = {}
    await section('4', 'signImages against the plain registry (tag mode)', async () => {
      await images.init()
      const single = quick ? 4 : 10
      // One fresh client per image: the cost of a job that signs one image.
      const perImage = async (settleMs?: number) => {
        const refs = await images.many(single + 1)
        const counts: number[] = []
        let lastEvents: RequestEvent[] = []
        const { times } = await timed(single, 1, async (i) => {
          const { transport, events } = countingTransport()
          const client = createRegistryClient({
            transport,
            logger: silentLogger,
            ...(settleMs === undefined ? {} : { tagIndexSettleMs: settleMs }),
          })
          const ref = refs[i < 0 ? single : i] as string
          await signImages([ref], signOptions(1), {
            registry: client,
            signer: rsa3072.signer,
            logger: silentLogger,
            now: () => new Date(),
            signingAgent: SIGNING_AGENT,
          })
          if (i >= 0) counts.push(events.length)
          lastEvents = events
        })
        signedForVerify.untimestamped ??= refs[0]
        return { times, counts, lastEvents }
      }
      const prod = await perImage()
      record(
        '4',
        'sign + push 1 image (fresh client, RSA-3072, no TSA): median',
        ms(median(prod.times)),
        `p95 ${ms(percentile(prod.times, 95))}, n=${single}; includes the tag-index settle wait (≥150 ms, src/oci/referrers-index.ts)`,
      )
      record('4', '  round trips per image', `${median(prod.counts)}`, breakdown(prod.lastEvents))
      const fast = await perImage(0)
      record(
        '4',
        '  same with tagIndexSettleMs 0 (diagnostic, not the default)',
        ms(median(fast.times)),
        `p95 ${ms(percentile(fast.times, 95))}; shows the settle wait's share`,
      )

      for (const concurrency of [1, 4]) {
        const refs = await images.many(10)
        const { transport, events } = countingTransport()
        const client = createRegistryClient({ transport, logger: silentLogger })
        const t0 = performance.now()
        const signed = await signImages(refs, signOptions(concurrency), {
          registry: client,
          signer: rsa3072.signer,
          logger: silentLogger,
          now: () => new Date(),
          signingAgent: SIGNING_AGENT,
        })
        const total = performance.now() - t0
        if (signed.length !== 10) throw new Error(`signed ${signed.length} of 10`)
        record(
          '4',
          `10 images in one signImages call, concurrency ${concurrency}: total`,
          ms(total),
          `${((10 * 1000) / total).toFixed(1)} images/s; ${(events.length / 10).toFixed(1)} round trips per image (one shared client)`,
        )
      }

      // A timestamped signature for section 5.
      const ref = await images.next()
      const { transport } = countingTransport()
      await signImages([ref], signOptions(1), {
        registry: createRegistryClient({ transport, logger: silentLogger }),
        signer: rsa3072.signer,
        timestamper: createTimestamper({ urls: [testbed.tsa.url], roots: [tsaRootDer], transport }),
        logger: silentLogger,
        now: () => new Date(),
        signingAgent: SIGNING_AGENT,
      })
      signedForVerify.timestamped = ref
    })

    // 5 ------------------------------------------------------------------------------------------
    await section(
      '4t',
      'referrers tag index write, single writer, added round-trip time',
      async () => {
        for (const f of await tagIndexFigures(registry, [0, 50], quick ? 3 : 7)) {
          record(
            '4t',
            `tag index, ${f.case}, +${f.rttMs} ms RTT: wall (median)`,
            ms(f.wallMs),
            `${f.requests} requests (${f.methods}), ${f.sequential} sequential; settle ${ms(f.settleMs)}`,
          )
        }
      },
    )

    await section('5', 'verifyImages from the registry (noRevocationChecker)', async () => {
      const trustStore: TrustStore = buildTrustStore([
        {
          type: 'ca',
          name: 'bench',
          certificates: [{ der: rsa3072.pki.root.der, source: 'bench root' }],
        },
        { type: 'tsa', name: 'bench', certificates: [{ der: tsaRootDer, source: 'tsa root' }] },
      ])
      const cases: [string, string | undefined, string[]][] = [
        ['signature without timestamp', signedForVerify.untimestamped, ['ca:bench']],
        ['timestamped signature', signedForVerify.timestamped, ['ca:bench', 'tsa:bench']],
      ]
      for (const [label, ref, stores] of cases) {
        if (ref === undefined) throw new Error(`no ${label} to verify (section 4 failed)`)
        const options: VerifyOptions = {
          policy: policyDocument(stores),
          trustStore,
          userMetadata: new Map(),
          maxSignatures: 100,
          concurrency: 1,
        }
        const runs = quick ? 4 : 10
        const counts: number[] = []
        let lastEvents: RequestEvent[] = []
        const { times } = await timed(runs, 1, async (i) => {
          const { transport, events } = countingTransport()
          const report = await verifyImages([ref], options, {
            registry: createRegistryClient({ transport, logger: silentLogger }),
            revocation: noRevocationChecker,
            logger: silentLogger,
            now: () => new Date(),
          })
          if (!report.verified) {
            const img = report.images[0]
            throw new Error(
              `not verified: ${img?.error ?? img?.signatures.map((s) => s.error).join('; ') ?? ''}`,
            )
          }
          if (i >= 0) counts.push(events.length)
          lastEvents = events
        })
        record(
          '5',
          `verify 1 image, ${label} (fresh client): median`,
          ms(median(times)),
          `p95 ${ms(percentile(times, 95))}, n=${runs}`,
        )
        record('5', '  round trips per image', `${median(counts)}`, breakdown(lastEvents))
      }
    })

    // 6 ------------------------------------------------------------------------------------------
    let mocks: AzureMocks | undefined
    await section('6', 'Artifact Signing client against the local mock', async () => {
      mocks = await startAzureMocks({ dataPlaneProtocol: 'http', retryAfterSeconds: 0 })
      const m = mocks
      cleanups.unshift(() => m.stop())
      const { transport, events } = countingTransport()
      const signer = createArtifactSigningSigner({
        endpoint: m.dataPlaneUrl,
        accountName: MOCK_ACCOUNT,
        certificateProfile: MOCK_PROFILE,
        credential: m.stubCredential(),
        transport,
        logger: silentLogger,
      })
      const runs = quick ? 5 : 15
      const counts: number[] = []
      const { times } = await timed(runs, 2, async (i) => {
        const before = events.length
        await envelopeOf(signer, 'cose')
        if (i >= 0) counts.push(events.length - before)
      })
      record(
        '6',
        'COSE sign via Artifact Signing mock (no TSA, no push): median',
        ms(median(times)),
        `p95 ${ms(percentile(times, 95))}, n=${runs}; http loopback, Retry-After 0, in-process token`,
      )
      record(
        '6',
        '  round trips per signature',
        `${median(counts)}`,
        breakdown(events.slice(-(counts.at(-1) ?? 0))),
      )
      if (rsa3072RawMs !== undefined) {
        record(
          '6',
          '  (compare: one raw RSA-3072 PSS sign, section 1)',
          ms(rsa3072RawMs),
          'the mock signs the digest with its own RSA-3072 key, in this process',
        )
      }

      const signRefs = await images.many((quick ? 3 : 5) + 1)
      const full = await timed(signRefs.length - 1, 1, async (i) => {
        const t = countingTransport()
        await signImages([signRefs[i < 0 ? signRefs.length - 1 : i] as string], signOptions(1), {
          registry: createRegistryClient({ transport: t.transport, logger: silentLogger }),
          signer: createArtifactSigningSigner({
            endpoint: m.dataPlaneUrl,
            accountName: MOCK_ACCOUNT,
            certificateProfile: MOCK_PROFILE,
            credential: m.stubCredential(),
            transport: t.transport,
            logger: silentLogger,
          }),
          logger: silentLogger,
          now: () => new Date(),
          signingAgent: SIGNING_AGENT,
        })
      })
      record(
        '6',
        'sign + push 1 image via Artifact Signing mock (as 4): median',
        ms(median(full.times)),
        `p95 ${ms(percentile(full.times, 95))}, n=${full.times.length}`,
      )
    })

    // 7 ------------------------------------------------------------------------------------------
    await section('7', 'the bundled action (dist/), as a runner runs it', async () => {
      const files = await walk(DIST)
      const sizes = await Promise.all(files.map(async (f) => ({ f, size: (await stat(f)).size })))
      const total = sizes.reduce((a, b) => a + b.size, 0)
      const js = sizes.filter((s) => s.f.endsWith('.js')).reduce((a, b) => a + b.size, 0)
      const eager = await staticImportClosure(join(DIST, 'index.js'))
      const eagerBytes = sizes.filter((s) => eager.includes(s.f)).reduce((a, b) => a + b.size, 0)
      record(
        '7',
        'size of dist/',
        kib(total),
        `${files.length} files; JS ${kib(js)}; licenses.txt and package.json the rest`,
      )
      const biggest = sizes
        .filter((s) => eager.includes(s.f))
        .sort((a, b) => b.size - a.size)
        .slice(0, 3)
      record(
        '7',
        'JS that dist/index.js loads before running (static imports)',
        kib(eagerBytes),
        `${eager.length} files; largest ${biggest.map((b) => `${relative(DIST, b.f)} ${kib(b.size)}`).join(', ')}`,
      )

      const packages = await bytesByPackage(eager)
      record(
        '7',
        '  of which third-party (largest packages)',
        kib(
          [...packages]
            .filter(([k]) => !k.startsWith('src/') && k !== '(glue)')
            .reduce((a, [, v]) => a + v, 0),
        ),
        [...packages]
          .filter(([k]) => !k.startsWith('src/') && k !== '(glue)')
          .slice(0, 5)
          .map(([k, v]) => `${k} ${kib(v)}`)
          .join(', '),
      )

      const coldRuns = 5
      const baseline: ChildRun[] = []
      for (let i = 0; i < coldRuns + 1; i++)
        baseline.push(await runNode(['-e', '0'], { PATH: process.env.PATH ?? '' }, work))
      const coldBase = baseline.slice(1)
      record(
        '7',
        'node -e 0 (baseline process start): median',
        ms(median(coldBase.map((r) => r.wallMs))),
        `peak RSS ${kib(median(coldBase.map((r) => r.maxRssKiB ?? 0)) * 1024)}`,
      )

      const cold: ChildRun[] = []
      for (let i = 0; i < coldRuns + 1; i++) {
        const dir = await mkdtemp(join(work, 'cold-'))
        cold.push(await runNode([join(DIST, 'index.js')], await runnerEnv(dir, {}), dir))
      }
      const coldMeasured = cold.slice(1)
      if (coldMeasured.some((r) => r.exitCode === 0))
        throw new Error('dist/index.js with no inputs did not fail')
      const coldMessage = /::error[^:]*::(.*)/.exec(coldMeasured[0]?.stdout ?? '')?.[1] ?? ''
      record(
        '7',
        'cold start: node dist/index.js, no inputs (fails fast): median',
        ms(median(coldMeasured.map((r) => r.wallMs))),
        `n=${coldRuns}, exit ${coldMeasured[0]?.exitCode}; peak RSS ${kib(median(coldMeasured.map((r) => r.maxRssKiB ?? 0)) * 1024)}; "${coldMessage.slice(0, 60)}"`,
      )

      const chainPath = join(work, 'chain.pem')
      const rootPath = join(work, 'root.pem')
      const tsaRootPath = join(work, 'tsa-root.pem')
      await writeFile(chainPath, rsa3072.pki.chainPem)
      await writeFile(rootPath, rsa3072.pki.root.pem)
      await writeFile(tsaRootPath, testbed.tsa.rootPem)
      const keyInputs = {
        'signing-key': rsa3072.pki.leaf.privateKeyPem,
        'signing-certificate-chain': chainPath,
      }
      const fullInputs = (image: string): Record<string, string> => ({
        images: image,
        ...keyInputs,
        'timestamp-url': testbed.tsa.url,
        'timestamp-root-certificate': tsaRootPath,
        'trust-policy': JSON.stringify({
          version: '1.0',
          trustPolicies: [
            {
              name: 'bench',
              registryScopes: ['*'],
              signatureVerification: { level: 'strict' },
              trustStores: ['ca:bench', 'tsa:bench'],
              trustedIdentities: ['*'],
            },
          ],
        }),
        'trust-store': `ca:bench: [${rootPath}]\ntsa:bench: [${tsaRootPath}]\n`,
      })

      const variants: [string, (image: string) => Record<string, string>][] = [
        [
          'sign 1 image, local RSA-3072 key (no TSA, no verify)',
          (image) => ({ images: image, ...keyInputs }),
        ],
        ['sign 1 image + TSA + read-back verify', fullInputs],
      ]
      for (const [label, inputs] of variants) {
        const runs = 3
        const refs = await images.many(runs)
        const times: number[] = []
        for (const ref of refs) {
          const t0 = performance.now()
          const run = await runAction(join(DIST, 'index.js'), inputs(ref))
          times.push(performance.now() - t0)
          if (run.exitCode !== 0) {
            const error = /::error[^:]*::(.*)/.exec(run.stdout)?.[1] ?? run.stderr.slice(0, 200)
            throw new Error(`dist/index.js exited ${run.exitCode}: ${error}`)
          }
        }
        const rssDir = await mkdtemp(join(work, 'rss-'))
        const rss = await runNode(
          [join(DIST, 'index.js')],
          await runnerEnv(rssDir, inputs(await images.next())),
          rssDir,
        )
        if (rss.exitCode !== 0) throw new Error(`dist/index.js (RSS run) exited ${rss.exitCode}`)
        record(
          '7',
          `runAction(dist/index.js): ${label}: median`,
          ms(median(times)),
          `n=${runs} (${times.map((t) => t.toFixed(0)).join(', ')} ms); peak RSS ${rss.maxRssKiB === undefined ? 'n/a' : kib(rss.maxRssKiB * 1024)} (one extra run under /usr/bin/time)`,
        )
      }
    })

    // 8 ------------------------------------------------------------------------------------------
    await section('8', 'verifier throughput, Artifact Signing-shaped envelope', () =>
      benchVerifyThroughput({ url: testbed.tsa.url, rootDer: tsaRootDer }, MEASURE_MS, (m, v, n) =>
        record('8', m, v, n),
      ),
    )

    // 9 ------------------------------------------------------------------------------------------
    await section('9', 'time to first request (dist/, runner-like)', () =>
      benchTimeToFirstRequest(DIST, work, quick ? 5 : 9, (m, v, n) => record('9', m, v, n)),
    )
  } finally {
    await cleanUp()
  }

  printTable()
  console.log(
    `\nbench finished in ${((performance.now() - wallStart) / 1000).toFixed(1)} s${quick ? ' (--quick: shorter runs)' : ''}`,
  )
  if (rows.some((r) => r.measure.endsWith('ERROR'))) process.exitCode = 1
}

function printTable(): void {
  const header: Row = { id: '#', measure: 'Measure', value: 'Value', note: 'Notes' }
  const all = [header, ...rows]
  const w = {
    id: Math.max(...all.map((r) => r.id.length)),
    measure: Math.max(...all.map((r) => r.measure.length)),
    value: Math.max(...all.map((r) => r.value.length)),
  }
  const line = (r: Row): string =>
    `${r.id.padEnd(w.id)} | ${r.measure.padEnd(w.measure)} | ${r.value.padStart(w.value)} | ${r.note}`
  console.log(line(header))
  console.log(
    `${'-'.repeat(w.id)}-+-${'-'.repeat(w.measure)}-+-${'-'.repeat(w.value)}-+-${'-'.repeat(40)}`,
  )
  let last = ''
  for (const r of rows) {
    if (last !== '' && r.id !== last)
      console.log(`${' '.repeat(w.id)} | ${' '.repeat(w.measure)} | ${' '.repeat(w.value)} |`)
    last = r.id
    console.log(line(r))
  }
}

await main()
