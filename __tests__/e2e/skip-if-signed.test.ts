/**
 * `skip-if-signed` through dist/index.js as a runner runs it, against Debian's registry: a re-run
 * pushes nothing for an image that already has a signature that counts (under the trust policy,
 * or without one made by this signer), and signs again when the existing signature does not count
 * (another signer, another Artifact Signing profile, other user-metadata, a policy it fails).
 * Artifact Signing runs through the GitHub OIDC → Entra → data-plane mocks, including the daily
 * renewal of the profile's key and leaf.
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
let otherPki: CodeSigningPki
let mocks: AzureMocks
const SUBJECT = 'C=US, ST=WA, L=Seattle, O=Octo Org, CN=release signer'

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'e2e-skip-if-signed-'))
  pki = await createCodeSigningPki({ keyKind: 'ec256', leafSubject: SUBJECT })
  otherPki = await createCodeSigningPki({
    keyKind: 'ec256',
    leafSubject: 'C=US, ST=WA, L=Seattle, O=Octo Org, CN=someone else',
  })
  await writeFile(join(work, 'chain.pem'), pki.chainPem)
  await writeFile(join(work, 'root.pem'), pki.root.pem)
  await writeFile(join(work, 'other-chain.pem'), otherPki.chainPem)
  mocks = await startAzureMocks({
    retryAfterSeconds: 0,
    accounts: [
      {
        name: 'mock-account',
        profiles: [
          { name: 'mock-profile', subject: 'C=US, ST=WA, O=Mock Publisher, CN=Mock Publisher' },
          // Same organisation and subject, another profile: another profile EKU.
          { name: 'other-profile', subject: 'C=US, ST=WA, O=Mock Publisher, CN=Mock Publisher' },
        ],
      },
    ],
  })
}, 120_000)
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
  await mocks?.stop()
})

function registry(): RegistryHandle {
  return { ...testbed().registries.plain, stateDir: '', stop: async () => {} } as RegistryHandle
}

const policy = (identity: string): string =>
  JSON.stringify({
    version: '1.0',
    trustPolicies: [
      {
        name: 'release',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:release'],
        trustedIdentities: [identity],
      },
    ],
  })

function signLocal(image: PushedImage, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(dist('index.js'), {
    images: image.reference,
    'signing-key': pki.leaf.privateKeyPem,
    'signing-certificate-chain': join(work, 'chain.pem'),
    ...inputs,
  })
}

function signAzure(image: PushedImage, profile: string, inputs: Record<string, string> = {}) {
  return runAction(
    dist('index.js'),
    {
      images: image.reference,
      'artifact-signing-endpoint': mocks.dataPlaneUrl,
      'artifact-signing-account': 'mock-account',
      'artifact-signing-certificate-profile': profile,
      'timestamp-url': testbed().tsa.url,
      ...inputs,
    },
    { ...mocks.childEnv(), NODE_EXTRA_CA_CERTS: testbed().tlsCaPath },
  )
}

/** The signature manifests the referrers tag index lists for the image. */
async function listed(image: PushedImage): Promise<string[]> {
  const res = await fetch(
    `${registry().url}/v2/${image.repository}/manifests/sha256-${image.digest.slice(7)}`,
    { headers: { accept: 'application/vnd.oci.image.index.v1+json' } },
  )
  if (res.status === 404) return []
  const index = (await res.json()) as { manifests: { digest: string }[] }
  return index.manifests.map((m) => m.digest).sort()
}

interface Entry {
  digest: string
  signatureDigest: string
  skipped?: boolean
  skipReason?: string
}
const entries = (run: ActionRun): Entry[] => JSON.parse(run.outputs.signatures ?? '[]') as Entry[]

function expectOk(run: ActionRun): void {
  expect(run.stdout).not.toContain('::error::')
  expect(run.exitCode).toBe(0)
}

describe('with a trust policy', () => {
  const trust = (): Record<string, string> => ({
    'trust-policy': policy(`x509.subject: ${SUBJECT}`),
    'trust-store': `ca:release: [${join(work, 'root.pem')}]`,
  })

  it('a re-run skips the image: nothing is pushed, the entry names the existing signature', async () => {
    const image = await pushTestImage(registry(), 'e2e/skip-policy', 'v1', 'skip with policy')
    const first = await signLocal(image, { ...trust(), 'skip-if-signed': 'true' })
    expectOk(first)
    expect(entries(first)[0]?.skipped).toBeUndefined()
    expect(first.stdout).toContain('skip-if-signed: no existing signature; signing')
    const afterFirst = await listed(image)
    expect(afterFirst).toHaveLength(1)

    const again = await signLocal(image, { ...trust(), 'skip-if-signed': 'true' })
    expectOk(again)
    const [entry] = entries(again)
    expect(entry).toMatchObject({
      digest: image.digest,
      signatureDigest: afterFirst[0],
      skipped: true,
      skipReason: expect.stringContaining('verifies under trust policy "release"'),
    })
    expect(again.outputs['signature-digest']).toBe(afterFirst[0])
    expect(await listed(image)).toEqual(afterFirst)
    expect(again.summary).toContain('skip-if-signed')
    expect(again.summary).toContain('nothing was pushed')
  })

  it('signs again when the existing signature does not verify under the policy', async () => {
    const image = await pushTestImage(registry(), 'e2e/skip-policy-miss', 'v1', 'policy miss')
    // An existing signature by another signer, which the policy does not trust.
    expectOk(
      await runAction(dist('index.js'), {
        images: image.reference,
        'signing-key': otherPki.leaf.privateKeyPem,
        'signing-certificate-chain': join(work, 'other-chain.pem'),
      }),
    )
    expect(await listed(image)).toHaveLength(1)
    const run = await signLocal(image, { ...trust(), 'skip-if-signed': 'true' })
    expectOk(run)
    expect(entries(run)[0]?.skipped).toBeUndefined()
    expect(run.stdout).toMatch(/none of 1 existing signature\(s\) counts/)
    expect(await listed(image)).toHaveLength(2)
    expect(run.outputs.verified).toBe('true')
  })

  it('without skip-if-signed a re-run adds a signature (the default is unchanged)', async () => {
    const image = await pushTestImage(registry(), 'e2e/skip-default', 'v1', 'default')
    expectOk(await signLocal(image, trust()))
    expectOk(await signLocal(image, trust()))
    expect(await listed(image)).toHaveLength(2)
  })
})

describe('without a trust policy: made by this signer', () => {
  it('skips a signature of the same key and chain, not one of another signer, nor other user-metadata', async () => {
    const image = await pushTestImage(registry(), 'e2e/skip-signer', 'v1', 'skip by signer')
    expectOk(await signLocal(image, { 'user-metadata': 'pipeline=release' }))
    const afterFirst = await listed(image)

    const same = await signLocal(image, {
      'skip-if-signed': 'true',
      'user-metadata': 'pipeline=release',
    })
    expectOk(same)
    expect(entries(same)[0]).toMatchObject({ skipped: true, signatureDigest: afterFirst[0] })
    expect(entries(same)[0]?.skipReason).toContain('was made by this signer')
    expect(await listed(image)).toEqual(afterFirst)

    // Other user-metadata: the existing signature does not carry it, so sign.
    const metadata = await signLocal(image, {
      'skip-if-signed': 'true',
      'user-metadata': 'pipeline=hotfix',
    })
    expectOk(metadata)
    expect(entries(metadata)[0]?.skipped).toBeUndefined()
    expect(await listed(image)).toHaveLength(2)

    // Another signer (other subject, other root): neither existing signature is its own.
    const other = await runAction(dist('index.js'), {
      images: image.reference,
      'signing-key': otherPki.leaf.privateKeyPem,
      'signing-certificate-chain': join(work, 'other-chain.pem'),
      'skip-if-signed': 'true',
    })
    expectOk(other)
    expect(entries(other)[0]?.skipped).toBeUndefined()
    expect(await listed(image)).toHaveLength(3)
  })
})

describe('Artifact Signing, without a trust policy', () => {
  it('the profile identity survives the daily renewal; another profile of the same subject does not count', async () => {
    const image = await pushTestImage(registry(), 'e2e/skip-azure', 'v1', 'skip azure')
    expectOk(await signAzure(image, 'mock-profile'))
    const afterFirst = await listed(image)
    expect(afterFirst).toHaveLength(1)

    // The service renews the profile's key and leaf; the subject and profile EKU stay.
    await mocks.artifactSigning.rotate('mock-account', 'mock-profile')
    const signsBefore = mocks.profile('mock-account', 'mock-profile').signCount
    const again = await signAzure(image, 'mock-profile', { 'skip-if-signed': 'true' })
    expectOk(again)
    expect(entries(again)[0]).toMatchObject({ skipped: true, signatureDigest: afterFirst[0] })
    expect(mocks.profile('mock-account', 'mock-profile').signCount).toBe(signsBefore)
    expect(
      mocks.requests.some(
        (r) => r.service === 'artifact-signing' && r.path.endsWith('/sign/certchain'),
      ),
    ).toBe(true)
    expect(await listed(image)).toEqual(afterFirst)

    const otherProfile = await signAzure(image, 'other-profile', { 'skip-if-signed': 'true' })
    expectOk(otherProfile)
    expect(entries(otherProfile)[0]?.skipped).toBeUndefined()
    expect(otherProfile.stdout).toContain('another certificate profile')
    expect(await listed(image)).toHaveLength(2)
  })
})
