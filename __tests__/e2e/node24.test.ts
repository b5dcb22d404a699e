/**
 * The committed bundles on Node 24, the runtime GitHub runs the action on (`runs.using: node24`),
 * while the rest of the suite runs on the machine's Node 20. The binary is fetched and pinned by
 * testbed/ensure-node24.sh. Covered: the main job through the Azure mocks (the unmodified
 * @azure/identity and @actions/core on Node 24), a local RSA-PSS key with the TSA, the verify-only
 * action passing and failing closed, and the CLI's offline verification of a notation vector.
 * None of it may print a runtime warning (a deprecation on Node 24 would show in every user's log).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeEnvelope } from '../../src/envelope/decode.js'
import { parsePayload } from '../../src/notary/payload.js'
import { pushTestImage } from '../../testbed/image.js'
import { startAzureMocks, type AzureMocks } from '../../testbed/mocks/index.js'
import { node24 } from '../../testbed/node24.js'
import { createCodeSigningPki } from '../../testbed/pki.js'
import { runAction, type ActionRun } from '../../testbed/runner.js'
import {
  artifactSigningScenario,
  visibleText,
  type ScenarioResult,
} from '../../testbed/scenario.js'
import { startTestbed, type Testbed } from '../../testbed/stack.js'
import { policyJson, statement } from '../helpers/verify-policy.js'

const execFileAsync = promisify(execFile)
const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))
const VECTORS = fileURLToPath(new URL('../fixtures/notation/', import.meta.url))

let testbed: Testbed
let mocks: AzureMocks
let work: string
let scenario: ScenarioResult

/** Node prints runtime warnings to stderr as `(node:PID) [CODE] XxxWarning: ...`. */
function expectNoRuntimeWarning(run: { stderr: string }): void {
  expect(run.stderr).not.toMatch(/\(node:\d+\)|Warning:/)
}

beforeAll(async () => {
  testbed = await startTestbed(['token'])
  mocks = await startAzureMocks({ retryAfterSeconds: 0 })
  work = await mkdtemp(join(tmpdir(), 'e2e-node24-'))
  scenario = await artifactSigningScenario(testbed, mocks, work, 'e2e/node24', { node: node24() })
}, 240_000)
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
  await mocks?.stop()
  await testbed?.stop()
})

it('runs on Node 24', async () => {
  const { stdout } = await execFileAsync(node24(), ['--version'])
  expect(stdout.trim()).toMatch(/^v24\.\d+\.\d+$/)
})

describe('the main job on Node 24 (Artifact Signing through the mocks)', () => {
  it('dist/index.js signs by tag, timestamps, pushes and verifies', () => {
    const { sign, image } = scenario
    expect(sign.stdout).not.toContain('::error::')
    expect(sign.exitCode).toBe(0)
    expect(sign.outputs.digest).toBe(image.digest)
    expect(sign.outputs.verified).toBe('true')
    const [entry] = JSON.parse(sign.outputs.signatures as string)
    expect(entry).toMatchObject({ digest: image.digest, referrersMode: 'tag' })
    expect(entry.timestamp).toMatch(/^\d{4}-/)
    expect(mocks.profile().signCount).toBeGreaterThanOrEqual(1)
  })

  it('dist/verify.js passes by digest and fails for a wrong identity', () => {
    expect(scenario.verify.exitCode).toBe(0)
    expect(scenario.verify.outputs.verified).toBe('true')
    expect(scenario.wrongIdentity.exitCode).toBe(1)
    expect(scenario.wrongIdentity.stdout).toContain('UNTRUSTED_IDENTITY')
  })

  it('prints no runtime warning and no secret', () => {
    const runs = [scenario.sign, scenario.verify, scenario.wrongIdentity]
    for (const run of runs) expectNoRuntimeWarning(run)
    const visible = runs.map(visibleText).join('\n')
    for (const secret of scenario.secrets) expect(visible).not.toContain(secret)
  })
})

it('signs with a local RSA-3072 key (PSS) and the TSA, and dist/verify.js accepts it', async () => {
  const registry = testbed.registries.token
  const pki = await createCodeSigningPki({ keyKind: 'rsa3072' })
  await writeFile(join(work, 'rsa-chain.pem'), pki.chainPem)
  await writeFile(join(work, 'rsa-root.pem'), pki.root.pem)
  const image = await pushTestImage(registry, 'e2e/node24-rsa', 'v1', 'node 24 local key')
  const credentials = {
    'registry-username': registry.username as string,
    'registry-password': registry.password as string,
  }
  const env = { NODE_EXTRA_CA_CERTS: testbed.info.tlsCaPath }
  const trust = {
    'trust-policy': policyJson(
      statement({
        name: 'node24',
        registryScopes: ['*'],
        trustStores: ['ca:local', 'tsa:tsa'],
        trustedIdentities: ['*'],
      }),
    ),
    'trust-store': `ca:local: [${join(work, 'rsa-root.pem')}]\ntsa:tsa: [${join(work, 'tsa-root.pem')}]\n`,
  }
  const sign: ActionRun = await runAction(
    dist('index.js'),
    {
      images: `${registry.host}/e2e/node24-rsa@${image.digest}`,
      'signing-key': pki.leaf.privateKeyPem,
      'signing-certificate-chain': join(work, 'rsa-chain.pem'),
      'timestamp-url': testbed.tsa.url,
      'timestamp-root-certificate': join(work, 'tsa-root.pem'),
      ...trust,
      ...credentials,
    },
    env,
    { node: node24() },
  )
  expect(sign.stdout).not.toContain('::error::')
  expect(sign.exitCode).toBe(0)
  expect(sign.outputs.verified).toBe('true')
  expectNoRuntimeWarning(sign)
  const verify = await runAction(
    dist('verify.js'),
    { images: `${registry.host}/e2e/node24-rsa@${image.digest}`, ...trust, ...credentials },
    env,
    { node: node24() },
  )
  expect(verify.exitCode).toBe(0)
  expect(verify.outputs.verified).toBe('true')
  const report = JSON.parse(verify.outputs.verification as string)
  expect(
    report.images[0].signatures[0].checks.map((c: { status: string }) => c.status),
  ).not.toContain('failed')
  expectNoRuntimeWarning(verify)
})

it('dist/cli.js verify-signature gives a notation vector its verdict', async () => {
  const signature = join(VECTORS, 'cose_signature.sig')
  const envelope = decodeEnvelope('application/cose', new Uint8Array(await readFile(signature)))
  const { targetArtifact } = parsePayload(envelope.payload)
  const args = [
    dist('cli.js'),
    'verify-signature',
    '--signature',
    signature,
    '--subject',
    JSON.stringify({
      mediaType: targetArtifact.mediaType,
      digest: targetArtifact.digest,
      size: targetArtifact.size,
    }),
    '--trust-policy',
    policyJson(
      statement({
        name: 'vector',
        registryScopes: ['*'],
        trustStores: ['ca:valid'],
        trustedIdentities: ['*'],
      }),
    ),
    '--trust-store',
    `ca:valid: [${join(VECTORS, 'cose_signature.leaf.pem')}]\n`,
    '--json',
  ]
  const { stdout, stderr } = await execFileAsync(node24(), args)
  expect(JSON.parse(stdout)).toMatchObject({ verified: true })
  expectNoRuntimeWarning({ stderr })
  // The same envelope with one payload byte changed must fail, on Node 24 too.
  const tampered = new Uint8Array(await readFile(signature))
  const at = Buffer.from(tampered).indexOf('targetArtifact')
  tampered[at] = 'T'.charCodeAt(0)
  await writeFile(join(work, 'tampered.sig'), tampered)
  const failed = await execFileAsync(
    node24(),
    args.map((a) => (a === signature ? join(work, 'tampered.sig') : a)),
  ).then(
    () => undefined,
    (err: { code: number; stdout: string }) => err,
  )
  expect(failed?.code).toBe(1)
  expect(JSON.parse(failed?.stdout ?? '{}')).toMatchObject({ verified: false })
})

it('dist/cli.js cert generate-test writes a chain that dist/index.js signs with (local key)', async () => {
  const out = join(work, 'generated')
  const generated = await execFileAsync(node24(), [
    dist('cli.js'),
    'cert',
    'generate-test',
    '--key-type',
    'rsa-3072',
    '--out',
    out,
    'node24',
  ])
  expect(generated.stdout).toContain('TEST ONLY')
  expectNoRuntimeWarning(generated)
  const registry = testbed.registries.token
  const image = await pushTestImage(registry, 'e2e/node24-generated', 'v1', 'generate-test')
  const run = await runAction(
    dist('index.js'),
    {
      images: `${registry.host}/e2e/node24-generated@${image.digest}`,
      'signing-key': join(out, 'node24.key'),
      'signing-certificate-chain': join(out, 'node24-chain.pem'),
      'trust-policy': policyJson(
        statement({
          name: 'generated',
          registryScopes: ['*'],
          trustStores: ['ca:node24'],
          trustedIdentities: ['x509.subject: C=US, ST=WA, O=Notary Test (TEST ONLY), CN=node24'],
        }),
      ),
      'trust-store': join(out, 'truststore'),
      'registry-username': registry.username as string,
      'registry-password': registry.password as string,
    },
    { NODE_EXTRA_CA_CERTS: testbed.info.tlsCaPath },
    { node: node24() },
  )
  expect(run.exitCode, run.stdout + run.stderr).toBe(0)
  expect(run.outputs.verified).toBe('true')
})
