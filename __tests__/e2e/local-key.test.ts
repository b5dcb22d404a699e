/**
 * The committed bundles, run as a GitHub runner runs them (fresh node, INPUT_* variables, output
 * and summary files, no node_modules), against the real local stack: Debian's registry in every
 * auth mode and the openssl TSA, signing with a local key. Then dist/verify.js accepts the
 * signature and fails closed for a wrong trust store, an identity mismatch and an unsigned image.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushTestImage } from '../../testbed/image.js'
import { createCodeSigningPki, createRootCa, type CodeSigningPki } from '../../testbed/pki.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { runAction, type ActionRun } from '../../testbed/runner.js'
import { testbed } from '../helpers/testbed.js'

const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))
let work: string
let pki: CodeSigningPki
const LEAF_SUBJECT = 'C=US, ST=WA, L=Seattle, O=Octo Org, CN=release signer'

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'e2e-local-key-'))
  pki = await createCodeSigningPki({ keyKind: 'ec384', leafSubject: LEAF_SUBJECT })
  await writeFile(join(work, 'chain.pem'), pki.chainPem)
  await writeFile(join(work, 'root.pem'), pki.root.pem)
  await writeFile(join(work, 'other-root.pem'), (await createRootCa('Unrelated Root')).pem)
  await writeFile(join(work, 'tsa-root.pem'), testbed().tsa.rootPem)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function registry(mode: 'plain' | 'basic' | 'token'): RegistryHandle {
  return { ...testbed().registries[mode], stateDir: '', stop: async () => {} } as RegistryHandle
}

function policy(identity = '*', stores = ['ca:release', 'tsa:tsa']): string {
  return JSON.stringify({
    version: '1.0',
    trustPolicies: [
      {
        name: 'release',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict' },
        trustStores: stores,
        trustedIdentities: [identity],
      },
    ],
  })
}

const trustStore = (root = 'root.pem'): string =>
  `ca:release: [${join(work, root)}]\ntsa:tsa: [${join(work, 'tsa-root.pem')}]\n`

function expectNoSecrets(run: ActionRun, secrets: string[]): void {
  // ::add-mask:: lines are commands the runner consumes; they are never displayed.
  const shown = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  const everything = [shown, run.stderr, JSON.stringify(run.outputs), run.summary].join('\n')
  for (const secret of secrets) {
    for (const line of secret.split('\n').filter((l) => l.length >= 8 && !l.startsWith('-----'))) {
      expect(everything).not.toContain(line)
    }
  }
}

describe.each(['plain', 'basic', 'token'] as const)(
  'dist/index.js with a local key, %s registry',
  (mode) => {
    it('signs a tag, outputs the digest, and the read-back verification passes', async () => {
      const reg = registry(mode)
      const image = await pushTestImage(reg, `e2e/${mode}`, 'v1', `e2e ${mode}`)
      const run = await runAction(dist('index.js'), {
        images: image.reference,
        'signing-key': pki.leaf.privateKeyPem,
        'signing-certificate-chain': join(work, 'chain.pem'),
        'timestamp-url': testbed().tsa.url,
        'timestamp-root-certificate': join(work, 'tsa-root.pem'),
        'user-metadata': 'pipeline=e2e',
        'trust-policy': policy('x509.subject: C=US, ST=WA, O=Octo Org'),
        'trust-store': trustStore(),
        ...(reg.username
          ? { 'registry-username': reg.username, 'registry-password': reg.password as string }
          : {}),
      })
      expect(run.stdout).not.toContain('::error::')
      expect(run.exitCode).toBe(0)
      expect(run.outputs.digest).toBe(image.digest)
      expect(run.outputs['signature-digest']).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(run.outputs.verified).toBe('true')
      const signatures = JSON.parse(run.outputs.signatures as string)
      expect(signatures).toEqual([
        expect.objectContaining({
          digest: image.digest,
          referrersMode: 'tag',
          signer: LEAF_SUBJECT,
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        }),
      ])
      const report = JSON.parse(run.outputs.verification as string)
      expect(
        report.images[0].signatures[0].checks.map((c: { status: string }) => c.status),
      ).not.toContain('failed')
      expect(run.summary).toContain('✅ 1 image signed and verified')
      expect(run.summary).toContain(
        `| ✅ | ${reg.host}/e2e/${mode}<br><code>${image.digest}</code> | signed, timestamped, verified`,
      )
      expect(run.summary).toContain(`signer <code>${LEAF_SUBJECT}</code>`)
      expect(run.outputs['verification-hint']).toContain(
        `notation verify ${reg.host}/e2e/${mode}@${image.digest}`,
      )
      expect(run.outputs['verification-hint']).toContain(`"x509.subject: ${LEAF_SUBJECT}"`)
      // The test TSA's tokens carry no root: the hint embeds timestamp-root-certificate's.
      const tsaRootLine = testbed().tsa.rootPem.trim().split('\n')[1] as string
      expect(run.outputs['verification-hint']).toContain(tsaRootLine)
      expect(run.stdout).toContain('::warning title=Signing by tag::')
      expectNoSecrets(run, [pki.leaf.privateKeyPem, reg.password ?? 'no-password-in-plain-mode'])

      // The verify-only action finds the signature by digest and passes…
      const verified = await runAction(dist('verify.js'), {
        images: `${reg.host}/e2e/${mode}@${image.digest}`,
        'trust-policy': policy(),
        'trust-store': trustStore(),
        'user-metadata': 'pipeline=e2e',
        ...(reg.username
          ? { 'registry-username': reg.username, 'registry-password': reg.password as string }
          : {}),
      })
      expect(verified.exitCode).toBe(0)
      expect(verified.outputs.verified).toBe('true')
      expectNoSecrets(verified, [reg.password ?? 'no-password-in-plain-mode'])
    })
  },
)

describe('dist/verify.js fails closed', () => {
  let reference: string
  beforeAll(async () => {
    const reg = registry('plain')
    const image = await pushTestImage(reg, 'e2e/negative', 'v1', 'negative cases')
    const run = await runAction(dist('index.js'), {
      images: image.reference,
      'signing-key': pki.leaf.privateKeyPem,
      'signing-certificate-chain': join(work, 'chain.pem'),
    })
    expect(run.exitCode).toBe(0)
    reference = `${reg.host}/e2e/negative@${image.digest}`
  })

  it('for a wrong trust store', async () => {
    const run = await runAction(dist('verify.js'), {
      images: reference,
      'trust-policy': policy('*', ['ca:release']),
      'trust-store': `ca:release: [${join(work, 'other-root.pem')}]`,
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.verified).toBe('false')
    expect(run.stdout).toMatch(/::error::\[NOT_VERIFIED\] 1 of 1 image not verified/)
    const report = JSON.parse(run.outputs.verification as string)
    const authenticity = report.images[0].signatures[0].checks.find(
      (c: { type: string }) => c.type === 'authenticity',
    )
    expect(authenticity.status).toBe('failed')
  })

  it('for an identity mismatch', async () => {
    const run = await runAction(dist('verify.js'), {
      images: reference,
      'trust-policy': policy('x509.subject: C=US, ST=WA, O=Someone Else', ['ca:release']),
      'trust-store': `ca:release: [${join(work, 'root.pem')}]`,
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.verified).toBe('false')
    expect(run.stdout).toContain('Someone Else')
  })

  it('for an unsigned image', async () => {
    const reg = registry('plain')
    const unsigned = await pushTestImage(reg, 'e2e/unsigned', 'v1', 'never signed')
    const run = await runAction(dist('verify.js'), {
      images: unsigned.reference,
      'trust-policy': policy('*', ['ca:release']),
      'trust-store': `ca:release: [${join(work, 'root.pem')}]`,
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('NO_SIGNATURE')
  })
})

describe('a failed sign loses nothing', () => {
  it('a timestamp failure pushes no envelope, manifest or referrers index, and names the TSA', async () => {
    const reg = registry('plain')
    const image = await pushTestImage(reg, 'e2e/failed-sign', 'v1', 'failed sign')
    const tagsBefore = await (await fetch(`${reg.url}/v2/e2e/failed-sign/tags/list`)).json()
    const run = await runAction(dist('index.js'), {
      images: image.reference,
      'signing-key': pki.leaf.privateKeyPem,
      'signing-certificate-chain': join(work, 'chain.pem'),
      'timestamp-url': `${testbed().tsa.url}http500`,
      'timestamp-root-certificate': join(work, 'tsa-root.pem'),
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::.*TSA_HTTP/)
    expect(run.stdout).toContain('/http500')
    expect(run.outputs.digest).toBeUndefined()
    const tagsAfter = await (await fetch(`${reg.url}/v2/e2e/failed-sign/tags/list`)).json()
    expect(tagsAfter).toEqual(tagsBefore)
    const index = await fetch(
      `${reg.url}/v2/e2e/failed-sign/manifests/sha256-${image.digest.slice(7)}`,
      {
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      },
    )
    expect(index.status).toBe(404)
  })
})
