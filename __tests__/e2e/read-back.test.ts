/**
 * dist/index.js as a runner runs it, against the real registry (issue 11 items 1 and 2):
 *
 * - the read-back checks the signature the run pushed: an image that already has a valid signature,
 *   signed again by an untrusted signer, fails the step; the `verification` output and the summary
 *   row are about the new signature, not the old one;
 * - a store name in the policy the trust store lacks fails the step before anything is pushed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushTestImage, type PushedImage } from '../../testbed/image.js'
import { createCodeSigningPki } from '../../testbed/pki.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { runAction } from '../../testbed/runner.js'
import { testbed } from '../helpers/testbed.js'

const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'e2e-read-back-'))
  for (const name of ['trusted', 'untrusted']) {
    const pki = await createCodeSigningPki({ keyKind: 'ec256', leafSubject: `CN=${name} signer` })
    await writeFile(join(work, `${name}-key.pem`), pki.leaf.privateKeyPem)
    await writeFile(join(work, `${name}-chain.pem`), pki.chainPem)
    if (name === 'trusted') await writeFile(join(work, 'root.pem'), pki.root.pem)
  }
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const registry = () => testbed().registries.plain
const policy = (store: string): string =>
  JSON.stringify({
    version: '1.0',
    trustPolicies: [
      {
        name: 'release',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict' },
        trustStores: [store],
        trustedIdentities: ['*'],
      },
    ],
  })

async function image(name: string): Promise<PushedImage> {
  const handle = { ...registry(), stateDir: '', stop: async () => {} } as RegistryHandle
  return pushTestImage(handle, `e2e/${name}-${Date.now()}`, 'v1', name)
}

function sign(target: PushedImage, signer: string, policyStore: string, storeName = 'release') {
  return runAction(dist('index.js'), {
    images: `${registry().host}/${target.repository}@${target.digest}`,
    'signing-key': join(work, `${signer}-key.pem`),
    'signing-certificate-chain': join(work, `${signer}-chain.pem`),
    'trust-policy': policy(policyStore),
    'trust-store': `ca:${storeName}: [${join(work, 'root.pem')}]`,
  })
}

async function tags(repository: string): Promise<string[]> {
  const res = await fetch(`${registry().url}/v2/${repository}/tags/list`)
  return ((await res.json()) as { tags: string[] | null }).tags ?? []
}

describe('the read-back verifies the signature the run pushed', () => {
  it('a valid older signature does not make a new untrusted one pass', async () => {
    const target = await image('read-back')
    const first = await sign(target, 'trusted', 'ca:release')
    expect(first.exitCode).toBe(0)
    expect(first.outputs.verified).toBe('true')
    const older = first.outputs['signature-digest'] as string

    const second = await sign(target, 'untrusted', 'ca:release')
    const pushed = second.outputs['signature-digest'] as string
    expect(pushed).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(pushed).not.toBe(older)
    expect(second.exitCode).toBe(1)
    expect(second.outputs.verified).toBe('false')
    expect(second.stdout).toContain('::error::[NOT_VERIFIED]')
    const report = JSON.parse(second.outputs.verification as string)
    expect(report.images).toHaveLength(1)
    expect(report.images[0].signatureDigest).toBe(pushed)
    expect(report.images[0].signatures.map((s: { digest: string }) => s.digest)).toEqual([pushed])
    // The summary row of the image shows the failed read-back of the signature this run pushed;
    // the older valid signature is not what answers for it.
    const row = second.summary
      .split('\n')
      .find((l) => l.startsWith('| ') && l.includes(`<code>${target.digest}</code>`))
    expect(row?.startsWith('| ❌ |')).toBe(true)
    expect(second.summary).toContain(`#1 <code>${pushed}</code>`)
    expect(second.summary).not.toContain(older)
  })
})

describe('policy and store names are matched before signing', () => {
  it('ca:mock_as in the policy and ca:mock-as in the store: the step fails and nothing is pushed', async () => {
    const target = await image('store-typo')
    const run = await sign(target, 'trusted', 'ca:mock_as', 'mock-as')
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::[TRUST_STORE_NOT_FOUND] nothing was signed: trust policy statement "release"',
    )
    expect(run.stdout).toContain('did you mean ca:mock-as?')
    expect(run.stdout).toContain('the trust-store input has ca:mock-as')
    expect(run.outputs['signature-digest']).toBeUndefined()
    expect(await tags(target.repository)).toEqual(['v1'])
  })
})
