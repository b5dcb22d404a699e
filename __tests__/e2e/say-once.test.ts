/**
 * Each failure is said once: dist/index.js runs as a runner runs it (testbed/runner.ts) against the
 * real registry and TSA, and the Entra mock for the identity cases; the test counts how often each
 * message appears in what the step printed. A verification failure appears in its report row and
 * in the step's one `::error` (the annotation shown on the run page), nowhere else.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushTestImage, type PushedImage } from '../../testbed/image.js'
import { startAzureMocks, type AzureMocks } from '../../testbed/mocks/index.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../testbed/pki.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { runAction, type ActionRun } from '../../testbed/runner.js'
import { testbed } from '../helpers/testbed.js'

const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))
let work: string
let pki: CodeSigningPki
let mocks: AzureMocks
let image: PushedImage

const registry = (): RegistryHandle =>
  ({ ...testbed().registries.plain, stateDir: '', stop: async () => {} }) as RegistryHandle

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'e2e-say-once-'))
  pki = await createCodeSigningPki({
    keyKind: 'ec256',
    leafSubject: 'C=US, ST=WA, O=Once, CN=once',
  })
  await writeFile(join(work, 'chain.pem'), pki.chainPem)
  await writeFile(join(work, 'root.pem'), pki.root.pem)
  await writeFile(join(work, 'tsa-root.pem'), testbed().tsa.rootPem)
  await writeFile(join(work, 'wrong-tsa-root.pem'), testbed().tsa.untrustedRootPem)
  mocks = await startAzureMocks({ retryAfterSeconds: 0 })
  image = await pushTestImage(registry(), 'e2e/say-once', 'v1', 'say once')
}, 120_000)
afterAll(async () => {
  await mocks?.stop()
  await rm(work, { recursive: true, force: true })
})

/** What a person sees in the log: mask commands are consumed by the runner, debug lines hidden. */
function shown(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('::debug::'))
    .join('\n')
}
const count = (text: string, needle: string): number => text.split(needle).length - 1

function signAndVerify(level: string, identity: string, tsaRoot: string): Promise<ActionRun> {
  return runAction(dist('index.js'), {
    images: `${registry().host}/e2e/say-once@${image.digest}`,
    'signing-key': pki.leaf.privateKeyPem,
    'signing-certificate-chain': join(work, 'chain.pem'),
    'timestamp-url': testbed().tsa.url,
    'timestamp-root-certificate': join(work, 'tsa-root.pem'),
    'trust-policy': JSON.stringify({
      version: '1.0',
      trustPolicies: [
        {
          name: 'once',
          registryScopes: ['*'],
          signatureVerification: { level },
          trustStores: ['ca:once', 'tsa:once'],
          trustedIdentities: [identity],
        },
      ],
    }),
    'trust-store': `ca:once: [${join(work, 'root.pem')}]\ntsa:once: [${join(work, tsaRoot)}]`,
  })
}

describe('each failure is said once', () => {
  it('a wrong TSA root in the trust store: each message once in the log, once in the ::error', async () => {
    const run = await signAndVerify('strict', '*', 'wrong-tsa-root.pem')
    expect(run.exitCode).toBe(1)
    const log = shown(run)
    expect(count(log, '::error::')).toBe(1)
    expect(count(log, 'no path from TSA certificate')).toBe(2)
    expect(count(log, 'failed to verify the timestamp countersignature')).toBe(2)
    expect(count(log, 'authenticTimestamp validation failed')).toBe(1)
    expect(count(log, 'signature verification failed for all the signatures')).toBe(1)
    expect(log).toMatch(/::error::\[NOT_VERIFIED\] .*no path from TSA certificate/)
  })

  it('an audit-level failure is one warning', async () => {
    const run = await signAndVerify(
      'audit',
      'x509.subject: C=US, ST=WA, O=Somebody Else',
      'tsa-root.pem',
    )
    expect(run.exitCode).toBe(0)
    const log = shown(run)
    expect(count(log, 'validation failed with validation action set to "logged"')).toBe(1)
    expect(log).toMatch(/::warning::authenticity validation failed with validation action/)
  })

  function signWithArtifactSigning(env: Record<string, string>): Promise<ActionRun> {
    const profile = mocks.profile()
    return runAction(
      dist('index.js'),
      {
        images: `${registry().host}/e2e/say-once@${image.digest}`,
        'artifact-signing-endpoint': mocks.dataPlaneUrl,
        'artifact-signing-account': profile.account,
        'artifact-signing-certificate-profile': profile.config.name,
        'timestamp-url': testbed().tsa.url,
      },
      { ...mocks.childEnv(), NODE_EXTRA_CA_CERTS: testbed().tlsCaPath, ...env },
    )
  }

  it("a wrong client id: Entra's sentence and its ids once", async () => {
    const run = await signWithArtifactSigning({
      AZURE_CLIENT_ID: '99999999-0000-0000-0000-000000000000',
    })
    expect(run.exitCode).toBe(1)
    const log = shown(run)
    expect(count(log, 'was not found in the directory')).toBe(1)
    expect(count(log, 'AADSTS700016')).toBe(1)
    const trace = /trace ID ([0-9a-f-]{36})/.exec(log)?.[1]
    expect(trace).toBeDefined()
    expect(count(log, trace as string)).toBe(1)
    expect(run.summary).toContain('[AZURE_APP_NOT_FOUND]')
  })

  it('a wrong tenant: "tenant not found" with the remedy, not only MSAL’s endpoints_resolution_error', async () => {
    const run = await signWithArtifactSigning({ AZURE_TENANT_ID: 'no-such-tenant' })
    expect(run.exitCode).toBe(1)
    const log = shown(run)
    expect(log).toContain(
      '::error::[AZURE_TENANT_NOT_FOUND] Entra tenant "no-such-tenant" was not found (AADSTS90002)',
    )
    expect(log).toContain('remedy: set azure-tenant-id to the Directory (tenant) ID')
    expect(run.summary).toContain('❌ nothing signed: [AZURE_TENANT_NOT_FOUND]')
  })
})
