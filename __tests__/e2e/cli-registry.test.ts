/**
 * The bundled CLI against the real registry: notation's own OCI layout (a JWS signature and its
 * referrers tag index) pushed as-is is found and verified; images signed by us (COSE and JWS, several
 * at once, an index with `--recursive`) are listed by `inspect` and pass `verify`.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeEnvelope } from '../../src/envelope/decode.js'
import { pushLayoutRaw, pushTestImage, pushTestIndex } from '../../testbed/image.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../testbed/pki.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { testbed } from '../helpers/testbed.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const LAYOUT = fileURLToPath(
  new URL('../fixtures/notation/oci_layout/e2e-valid-signature', import.meta.url),
)
let work: string
let pki: CodeSigningPki

function registry(): RegistryHandle {
  return { ...testbed().registries.plain, stateDir: '', stop: async () => {} } as RegistryHandle
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: work })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as {
      code: number
      stdout: string
      stderr: string
      signal?: string
      message?: string
    }
    if (typeof e.code !== 'number') throw err
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const POLICY = JSON.stringify({
  version: '1.0',
  trustPolicies: [
    {
      name: 'all',
      registryScopes: ['*'],
      signatureVerification: { level: 'strict' },
      trustStores: ['ca:ours'],
      trustedIdentities: ['*'],
    },
  ],
})

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-registry-'))
  pki = await createCodeSigningPki({ keyKind: 'rsa2048' })
  await writeFile(join(work, 'key.pem'), pki.leaf.privateKeyPem)
  await writeFile(join(work, 'chain.pem'), pki.chainPem)
  await writeFile(join(work, 'root.pem'), pki.root.pem)
  await writeFile(join(work, 'store.yaml'), `ca:ours: [${join(work, 'root.pem')}]\n`)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe("notation's OCI layout pushed as-is", () => {
  it('is discovered through the referrers tag index and its JWS signature verifies with its trust material', async () => {
    const reg = registry()
    await pushLayoutRaw(reg, 'notation/e2e', LAYOUT)
    const inspect = await cli(['inspect', `${reg.host}/notation/e2e:v1`, '--json'])
    expect(inspect.code).toBe(0)
    const inspection = JSON.parse(inspect.stdout)
    expect(inspection.digest).toBe(
      'sha256:b8479de3f88fb259a0a9ea82a5b2a052a1ef3c4ebbcfc61482d5ae4c831f8af9',
    )
    expect(inspection.discovery).toBe('tag')
    expect(inspection.signatures).toHaveLength(1)
    expect(inspection.signatures[0]).toMatchObject({
      digest: 'sha256:90ceaff260d657d797c408ac73564a9c7bb9d86055877c2a811f0e63b8c6524f',
      envelope: { mediaType: 'application/jose+json' },
    })
    // Its trust material: the leaf the envelope carries (self-signed notation test certificate).
    const jws = await import('node:fs/promises').then((fs) =>
      fs.readFile(
        join(
          LAYOUT,
          'blobs/sha256/c9af07e038b2b1a463e648986ad7273157511ffeba0b689f33e5472bae471f50',
        ),
      ),
    )
    const chain = decodeEnvelope('application/jose+json', new Uint8Array(jws)).certificateChain
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(chain[chain.length - 1] as Uint8Array).toString('base64')}\n-----END CERTIFICATE-----\n`
    await writeFile(join(work, 'notation-e2e.pem'), pem)
    const verify = await cli([
      'verify',
      '--images',
      `${reg.host}/notation/e2e:v1`,
      '--json',
      '--trust-policy',
      POLICY.replace('ca:ours', 'ca:e2e'),
      '--trust-store',
      `ca:e2e: [${join(work, 'notation-e2e.pem')}]\n`,
    ])
    const report = JSON.parse(verify.stdout)
    const [signature] = report.images[0].signatures
    expect(signature.envelopeMediaType).toBe('application/jose+json')
    expect(signature.checks.find((c: { type: string }) => c.type === 'integrity').status).toBe(
      'passed',
    )
    expect(signature.checks.find((c: { type: string }) => c.type === 'authenticity').status).toBe(
      'passed',
    )
    if (verify.code === 0) expect(report.verified).toBe(true)
    else expect(report.images[0].error).toMatch(/expired|validity|revocation/)
  })
})

describe('our signatures through the CLI', () => {
  it('signs several images at once (COSE and JWS), inspect lists them, verify passes', async () => {
    const reg = registry()
    const a = await pushTestImage(reg, 'cli/many', 'a', 'image a')
    const b = await pushTestImage(reg, 'cli/many', 'b', 'image b')
    for (const format of ['cose', 'jws']) {
      const signed = await cli([
        'sign',
        '--images',
        a.reference,
        '--images',
        b.reference,
        '--signing-key',
        join(work, 'key.pem'),
        '--signing-certificate-chain',
        join(work, 'chain.pem'),
        '--signature-format',
        format,
        '--concurrency',
        '2',
        '--json',
      ])
      expect(signed.stderr).not.toContain('oci-notary sign:')
      expect(signed.code).toBe(0)
      const out = JSON.parse(signed.stdout)
      expect(out.signatures.map((s: { digest: string }) => s.digest)).toEqual([a.digest, b.digest])
    }
    const inspect = JSON.parse(
      (await cli(['inspect', `${reg.host}/cli/many@${a.digest}`, '--json'])).stdout,
    )
    expect(
      inspect.signatures
        .map((s: { envelope: { mediaType: string } }) => s.envelope.mediaType)
        .sort(),
    ).toEqual(['application/cose', 'application/jose+json'])
    const verify = await cli([
      'verify',
      '--images',
      a.reference,
      '--images',
      b.reference,
      '--trust-policy',
      POLICY,
      '--trust-store',
      join(work, 'store.yaml'),
    ])
    expect(verify.code).toBe(0)
    expect(verify.stdout.match(/^VERIFIED: /gm)).toHaveLength(2)
  })

  it('with --recursive signs an index and each platform manifest; each verifies', async () => {
    const reg = registry()
    // With a buildx-style provenance entry (unknown/unknown attestation-manifest), which is skipped.
    const index = await pushTestIndex(reg, 'cli/multi', 'multi', 'hello multi-arch', {
      withAttestation: true,
    })
    expect(index.attestationDigest).toMatch(/^sha256:/)
    const signed = await cli([
      'sign',
      '--images',
      index.reference,
      '--recursive',
      '--signing-key',
      join(work, 'key.pem'),
      '--signing-certificate-chain',
      join(work, 'chain.pem'),
      '--json',
    ])
    expect(signed.code).toBe(0)
    const entries = JSON.parse(signed.stdout).signatures as {
      digest: string
      platform?: string
      parentDigest?: string
    }[]
    expect(entries.map((e) => e.digest)).toEqual([
      index.digest,
      ...(index.children ?? []).map((c) => c.digest),
    ])
    expect(entries.slice(1).map((e) => e.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    expect(entries.slice(1).every((e) => e.parentDigest === index.digest)).toBe(true)
    expect(entries.map((e) => e.digest)).not.toContain(index.attestationDigest)
    expect(signed.stderr).toContain(`skipping attestation manifest ${index.attestationDigest}`)
    for (const child of index.children ?? []) {
      const verify = await cli([
        'verify',
        '--images',
        `${reg.host}/cli/multi@${child.digest}`,
        '--trust-policy',
        POLICY,
        '--trust-store',
        join(work, 'store.yaml'),
      ])
      expect(verify.code).toBe(0)
    }
  })

  it('verify exits 1 for an image with no signature, 2 for a bad flag', async () => {
    const reg = registry()
    const unsigned = await pushTestImage(reg, 'cli/unsigned', 'v1', 'unsigned')
    const verify = await cli([
      'verify',
      '--images',
      unsigned.reference,
      '--trust-policy',
      POLICY,
      '--trust-store',
      join(work, 'store.yaml'),
    ])
    expect(verify.code).toBe(1)
    expect(verify.stdout + verify.stderr).toContain('NO_SIGNATURE')
    expect((await cli(['verify', '--images', unsigned.reference, '--referrers', 'x'])).code).toBe(2)
  })
})
