/**
 * The non-Debian path, end to end, with nothing but Node: `oci-notary cert generate-test` makes a
 * TEST-ONLY chain, dist/index.js signs an image in an in-process registry with it (run as a
 * runner runs it), and dist/cli.js verifies it with the trust policy and the notation-layout
 * trust store that generate-test printed and wrote. A chain from another generate-test run is
 * refused. No docker-registry, no openssl, no network: this runs in the Windows, macOS and arm64
 * CI matrix (`npm run test:portable`).
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../../testbed/runner.js'
import { startFakeRegistry, type FakeRegistry } from '../helpers/fake-registry.js'

const execFileAsync = promisify(execFile)
const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

async function cli(args: string[], cwd: string): Promise<CliRun> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [dist('cli.js'), ...args], {
      cwd,
      env: { ...process.env, NO_PROXY: '*' },
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

const sha256 = (b: Uint8Array): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** Pushes a one-layer image over the registry's HTTP API (POST + PUT uploads); returns its digest. */
async function pushImage(registry: FakeRegistry, repo: string, tag: string): Promise<string> {
  const blob = async (bytes: Uint8Array, mediaType: string): Promise<object> => {
    const start = await fetch(`${registry.url}/v2/${repo}/blobs/uploads/`, { method: 'POST' })
    const location = new URL(start.headers.get('location') as string, registry.url)
    location.searchParams.set('digest', sha256(bytes))
    const put = await fetch(location, { method: 'PUT', body: bytes })
    expect(put.status).toBe(201)
    return { mediaType, digest: sha256(bytes), size: bytes.length }
  }
  const config = await blob(
    new TextEncoder().encode('{"architecture":"amd64","os":"linux"}'),
    'application/vnd.oci.image.config.v1+json',
  )
  const layer = await blob(
    new TextEncoder().encode(`portable ${repo}`),
    'application/vnd.oci.image.layer.v1.tar',
  )
  const manifest = new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config,
      layers: [layer],
    }),
  )
  const put = await fetch(`${registry.url}/v2/${repo}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    body: manifest,
  })
  expect(put.status).toBe(201)
  return sha256(manifest)
}

/** The JSON trust policy generate-test printed (the indented block after "trust-policy:"). */
function printedPolicy(stdout: string): string {
  const block = stdout.slice(stdout.indexOf('trust-policy:\n') + 'trust-policy:\n'.length)
  return JSON.stringify(JSON.parse(block))
}

let work: string
let registry: FakeRegistry
let generated: CliRun
let other: CliRun

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'portable-'))
  registry = await startFakeRegistry({ referrersApi: false })
  generated = await cli(
    ['cert', 'generate-test', '--key-type', 'ec-p256', '--out', 'certs', 'portable'],
    work,
  )
  other = await cli(
    ['cert', 'generate-test', '--key-type', 'ec-p384', '--out', 'other', 'intruder'],
    work,
  )
})
afterAll(async () => {
  await registry?.close()
  await rm(work, { recursive: true, force: true })
})

describe('cert generate-test → sign (dist/index.js) → verify (dist/cli.js), in-process registry', () => {
  it('generate-test writes the key and chain and says TEST ONLY', async () => {
    expect(generated.code, generated.stderr).toBe(0)
    expect(generated.stdout).toContain('TEST ONLY')
    const chain = await readFile(join(work, 'certs', 'portable-chain.pem'), 'utf8')
    expect(chain.match(/BEGIN CERTIFICATE/g)).toHaveLength(2)
    expect(await readFile(join(work, 'certs', 'portable.key'), 'utf8')).toMatch(/BEGIN PRIVATE KEY/)
  })

  it('the generated chain signs; the printed policy and the written trust store verify it', async () => {
    const digest = await pushImage(registry, 'portable/app', 'v1')
    const policy = printedPolicy(generated.stdout)
    const sign = await runAction(dist('index.js'), {
      images: `${registry.host}/portable/app@${digest}`,
      'signing-key': join(work, 'certs', 'portable.key'),
      'signing-certificate-chain': join(work, 'certs', 'portable-chain.pem'),
      'trust-policy': policy,
      // The inline mapping generate-test printed, with this platform's absolute path.
      'trust-store': `ca:portable: [${JSON.stringify(join(work, 'certs', 'portable-root.crt'))}]`,
    })
    expect(sign.exitCode, sign.stdout + sign.stderr).toBe(0)
    expect(sign.outputs.digest).toBe(digest)
    expect(sign.outputs.verified).toBe('true')
    expect(sign.outputs['signature-digest']).toMatch(/^sha256:[0-9a-f]{64}$/)

    await writeFile(join(work, 'policy.json'), policy)
    const verify = await cli(
      [
        'verify',
        '--images',
        `${registry.host}/portable/app@${digest}`,
        '--trust-policy',
        join(work, 'policy.json'),
        '--trust-store',
        join(work, 'certs', 'truststore'),
      ],
      work,
    )
    expect(verify.code, verify.stderr).toBe(0)
  })

  it('a chain from another generate-test run does not verify (exit 1)', async () => {
    expect(other.code, other.stderr).toBe(0)
    const digest = await pushImage(registry, 'portable/intruder', 'v1')
    const sign = await runAction(dist('index.js'), {
      images: `${registry.host}/portable/intruder@${digest}`,
      'signing-key': join(work, 'other', 'intruder.key'),
      'signing-certificate-chain': join(work, 'other', 'intruder-chain.pem'),
    })
    expect(sign.exitCode, sign.stdout + sign.stderr).toBe(0)
    await writeFile(join(work, 'policy.json'), printedPolicy(generated.stdout))
    const verify = await cli(
      [
        'verify',
        '--images',
        `${registry.host}/portable/intruder@${digest}`,
        '--trust-policy',
        join(work, 'policy.json'),
        '--trust-store',
        join(work, 'certs', 'truststore'),
      ],
      work,
    )
    expect(verify.code).toBe(1)
  })
})
