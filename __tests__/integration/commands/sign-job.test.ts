/**
 * The sign job in-process (config parser → runSignJob, the production registry client and local-key
 * signer) against the real testbed registry (distribution 2.8, plain HTTP on loopback):
 *
 * - issue 11 item 1: the read-back verifies the signature manifest this run pushed. An image with an
 *   older valid signature and a newly pushed one from an untrusted signer fails, and the summary row
 *   of the new signature says so (before: the older signature vouched for it);
 * - issue 11 item 2: a trust-store name in the policy that the trust store lacks (`ca:mock_as` vs
 *   `ca:mock-as`) fails before anything is signed, naming the missing store and listing those that
 *   exist, and the registry has no referrer afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RuntimeEnv } from '../../../src/commands/deps.js'
import { runSignJob } from '../../../src/commands/jobs.js'
import type { VerifyReport } from '../../../src/commands/verify.js'
import { parseSignConfig } from '../../../src/config/config.js'
import { SIGN_INPUTS, readRawInputs } from '../../../src/config/inputs.js'
import { recordingLogger } from '../../../src/log.js'
import { referrersTag } from '../../../src/oci/manifest.js'
import { renderSummary, signSummaryView } from '../../../src/report/summary.js'
import { TrustStoreError } from '../../../src/verify/errors.js'
import { pushTestImage, type PushedImage } from '../../../testbed/image.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../../testbed/pki.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { testbed } from '../../helpers/testbed.js'
import { uniqueRepo } from '../oci/fixtures.js'

let work: string
let trusted: CodeSigningPki
let untrusted: CodeSigningPki

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sign-job-'))
  trusted = await createCodeSigningPki({ keyKind: 'ec256', leafSubject: 'CN=trusted signer' })
  untrusted = await createCodeSigningPki({ keyKind: 'ec256', leafSubject: 'CN=untrusted signer' })
  for (const [name, pki] of [
    ['trusted', trusted],
    ['untrusted', untrusted],
  ] as const) {
    await writeFile(join(work, `${name}-key.pem`), pki.leaf.privateKeyPem)
    await writeFile(join(work, `${name}-chain.pem`), pki.chainPem)
  }
  await writeFile(join(work, 'trusted-root.pem'), trusted.root.pem)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const registry = () => testbed().registries.plain

function runtime(): RuntimeEnv & { logger: ReturnType<typeof recordingLogger> } {
  // No HOME / DOCKER_CONFIG: the plain registry needs no credentials.
  return { logger: recordingLogger(), env: {}, mask: () => undefined }
}

function policy(stores: string[]): string {
  return JSON.stringify({
    version: '1.0',
    trustPolicies: [
      {
        name: 'release',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict' },
        trustStores: stores,
        trustedIdentities: ['*'],
      },
    ],
  })
}

function signInputs(
  image: PushedImage,
  signer: 'trusted' | 'untrusted',
  verify?: { policy: string; store: string },
) {
  const values: Record<string, string> = {
    images: `${registry().host}/${image.repository}@${image.digest}`,
    'signing-key': join(work, `${signer}-key.pem`),
    'signing-certificate-chain': join(work, `${signer}-chain.pem`),
    referrers: 'tag',
    ...(verify ? { 'trust-policy': verify.policy, 'trust-store': verify.store } : {}),
  }
  return parseSignConfig(readRawInputs(SIGN_INPUTS, (n) => values[n] ?? ''))
}

async function pushImage(prefix: string): Promise<PushedImage> {
  const handle = { ...registry(), stateDir: '', stop: async () => {} } as RegistryHandle
  return pushTestImage(handle, uniqueRepo(prefix), 'v1', prefix)
}

/** The repository's tags, read with plain fetch (an independent reader). */
async function tags(repository: string): Promise<string[]> {
  const res = await fetch(`${registry().url}/v2/${repository}/tags/list`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { tags: string[] | null }).tags ?? []
}

describe('read-back verifies the signature this run pushed (issue 11 item 1)', () => {
  it('an older valid signature does not vouch for a newly pushed untrusted one', async () => {
    const image = await pushImage('readback')
    const store = `ca:release: [${join(work, 'trusted-root.pem')}]`
    const verify = { policy: policy(['ca:release']), store }

    // First run: the trusted signer; its read-back passes.
    const first = await runSignJob(signInputs(image, 'trusted', verify), runtime())
    expect(first.verification?.verified).toBe(true)
    const older = first.signed[0]?.signatureDigest as string
    expect(first.verification?.images[0]?.signatureDigest).toBe(older)

    // Second run: a signer the policy does not trust. The image now has two signatures, one valid.
    const second = await runSignJob(signInputs(image, 'untrusted', verify), runtime())
    const pushed = second.signed[0]?.signatureDigest as string
    expect(pushed).not.toBe(older)
    const report = second.verification
    expect(report?.verified).toBe(false)
    expect(report?.images).toHaveLength(1)
    const readBack = report?.images[0]
    expect(readBack?.signatureDigest).toBe(pushed)
    // Only the pushed signature was checked, and it failed on authenticity.
    expect(readBack?.signatures.map((s) => s.digest)).toEqual([pushed])
    expect(readBack?.signatures[0]?.verdict).toBe('failed')
    expect(readBack?.error).toMatch(/AUTHENTICITY|not produced by a trusted signer/)

    // The summary row of the pushed signature shows its own (failed) read-back.
    const summary = renderSummary(
      signSummaryView({ signed: second.signed, verification: report as VerifyReport }),
    )
    const row = summary
      .split('\n')
      .find((l) => l.startsWith('| ') && l.includes(image.digest)) as string
    expect(row).toContain('❌')
    expect(row).toContain('signed, but not verified')
    expect(summary).toContain(`<code>${pushed}</code>`)
    expect(summary).not.toContain(older)
  })

  it('a fresh trusted signature passes, reported under its own signature digest', async () => {
    const image = await pushImage('readback-ok')
    const store = `ca:release: [${join(work, 'trusted-root.pem')}]`
    const result = await runSignJob(
      signInputs(image, 'trusted', { policy: policy(['ca:release']), store }),
      runtime(),
    )
    const pushed = result.signed[0]?.signatureDigest as string
    expect(result.verification?.verified).toBe(true)
    expect(result.verification?.images[0]?.signatures.map((s) => s.digest)).toEqual([pushed])
    const summary = renderSummary(
      signSummaryView({ signed: result.signed, verification: result.verification as VerifyReport }),
    )
    expect(summary).toContain(
      `| ✅ | ${registry().host}/${image.repository}<br><code>${image.digest}</code> |`,
    )
    expect(summary).toContain(`#1 <code>${pushed}</code> by <code>CN=trusted signer</code>, passed`)
  })
})

describe('policy and store names are checked before signing (issue 11 item 2)', () => {
  it('a store the policy names but the trust store lacks fails before anything is pushed', async () => {
    const image = await pushImage('preflight')
    const store = `ca:mock-as: [${join(work, 'trusted-root.pem')}]`
    const job = runSignJob(
      signInputs(image, 'trusted', { policy: policy(['ca:mock_as']), store }),
      runtime(),
    )
    const err = await job.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(TrustStoreError)
    expect(err).toMatchObject({ code: 'TRUST_STORE_NOT_FOUND' })
    const message = (err as Error).message
    expect(message).toContain('the trust store "mock_as" of type "ca" does not exist')
    expect(message).toContain('did you mean ca:mock-as?')
    expect(message).toContain('the trust-store input has ca:mock-as')
    expect(message).toContain('nothing was signed')
    // Nothing reached the registry: no referrers tag, the image's tag only.
    expect(await tags(image.repository)).toEqual(['v1'])
    expect(await tags(image.repository)).not.toContain(referrersTag(image.digest))
  })

  it('a policy with no statement for the image fails before anything is pushed', async () => {
    const image = await pushImage('preflight-scope')
    const text = JSON.stringify({
      version: '1.0',
      trustPolicies: [
        {
          name: 'other',
          registryScopes: ['other.example/app'],
          signatureVerification: { level: 'strict' },
          trustStores: ['ca:release'],
          trustedIdentities: ['*'],
        },
      ],
    })
    const store = `ca:release: [${join(work, 'trusted-root.pem')}]`
    await expect(
      runSignJob(signInputs(image, 'trusted', { policy: text, store }), runtime()),
    ).rejects.toMatchObject({ code: 'POLICY_NOT_APPLICABLE' })
    expect(await tags(image.repository)).toEqual(['v1'])
  })

  it('every store the statement names is checked, also a tsa store a fresh signature does not read yet', async () => {
    const image = await pushImage('preflight-empty')
    const store = `ca:release: [${join(work, 'trusted-root.pem')}]`
    await expect(
      runSignJob(
        signInputs(image, 'trusted', { policy: policy(['ca:release', 'tsa:stamp']), store }),
        runtime(),
      ),
    ).rejects.toMatchObject({
      code: 'TRUST_STORE_NOT_FOUND',
      message: expect.stringContaining('the trust store "stamp" of type "tsa" does not exist'),
    })
    expect(await tags(image.repository)).toEqual(['v1'])
  })
})
