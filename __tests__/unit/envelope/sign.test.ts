import { execFileSync } from 'node:child_process'
import { constants, sign as nodeSign, type KeyObject } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decode as cborxDecode, encode as cborxEncode, Tag } from 'cbor-x'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { decodeEnvelope } from '../../../src/envelope/decode.js'
import { createSignatureEnvelope } from '../../../src/envelope/sign.js'
import { verifyEnvelopeSignature } from '../../../src/envelope/signature.js'
import { SigningError } from '../../../src/signer/errors.js'
import { createLocalKeySigner } from '../../../src/signer/local-key.js'
import type { HashAlgorithm, SignatureAlgorithm, Signer } from '../../../src/signer/signer.js'
import { derToPem } from '../../../src/x509/pem.js'
import { signRaw } from '../../../src/x509/raw-signature.js'
import {
  ALL_KEY_KINDS,
  createCodeSigningPki,
  createSelfSignedSigner,
  testKey,
  type CodeSigningPki,
  type KeyKind,
} from '../../../testbed/pki.js'
import { expectRejectCode } from '../../helpers/signing-core-expect.js'

const T = new Date('2030-05-06T07:08:09.999Z')
const PAYLOAD = new Uint8Array(
  Buffer.from(
    '{"targetArtifact":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:aa","size":1}}',
  ),
)

const ALG: Record<KeyKind, SignatureAlgorithm> = {
  rsa2048: 'PS256',
  rsa3072: 'PS384',
  rsa4096: 'PS512',
  ec256: 'ES256',
  ec384: 'ES384',
  ec521: 'ES512',
}
const DIGEST: Record<SignatureAlgorithm, string> = {
  PS256: 'sha256',
  PS384: 'sha384',
  PS512: 'sha512',
  ES256: 'sha256',
  ES384: 'sha384',
  ES512: 'sha512',
}

const pkis = new Map<KeyKind, CodeSigningPki>()
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'signing-core-'))
  for (const kind of ALL_KEY_KINDS) pkis.set(kind, await createCodeSigningPki({ keyKind: kind }))
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function pki(kind: KeyKind): CodeSigningPki {
  const p = pkis.get(kind)
  if (!p) throw new Error(`no pki ${kind}`)
  return p
}

function localSigner(kind: KeyKind): Signer {
  return createLocalKeySigner({
    keyPem: pki(kind).leaf.privateKeyPem,
    chainPem: pki(kind).chainPem,
    now: T,
  })
}

/** DER ECDSA-Sig-Value from raw r||s (for openssl). */
function p1363ToDer(sig: Uint8Array): Buffer {
  const half = sig.length / 2
  const int = (b: Uint8Array): Buffer => {
    let i = 0
    while (i < b.length - 1 && b[i] === 0) i++
    let v = Buffer.from(b.subarray(i))
    if ((v[0] ?? 0) & 0x80) v = Buffer.concat([Buffer.of(0), v])
    return Buffer.concat([Buffer.of(0x02), len(v.length), v])
  }
  const len = (n: number): Buffer => (n < 0x80 ? Buffer.of(n) : Buffer.of(0x81, n))
  const body = Buffer.concat([int(sig.subarray(0, half)), int(sig.subarray(half))])
  return Buffer.concat([Buffer.of(0x30), len(body.length), body])
}

/** Verifies with the openssl CLI, independent of our code: digest by openssl, key from the leaf PEM. */
function opensslVerify(
  alg: SignatureAlgorithm,
  leafDer: Uint8Array,
  tbs: Uint8Array,
  sig: Uint8Array,
): boolean {
  const name = `${alg}-${Math.random().toString(16).slice(2)}`
  const files = {
    cert: join(dir, `${name}.crt`),
    tbs: join(dir, `${name}.tbs`),
    hash: join(dir, `${name}.hash`),
    sig: join(dir, `${name}.sig`),
  }
  writeFileSync(files.cert, derToPem(leafDer))
  writeFileSync(files.tbs, tbs)
  execFileSync('openssl', ['dgst', `-${DIGEST[alg]}`, '-binary', '-out', files.hash, files.tbs])
  const pss = alg.startsWith('PS')
  writeFileSync(files.sig, pss ? sig : p1363ToDer(sig))
  const args = [
    'pkeyutl',
    '-verify',
    '-certin',
    '-inkey',
    files.cert,
    '-in',
    files.hash,
    '-sigfile',
    files.sig,
  ]
  if (pss) {
    args.push('-pkeyopt', 'rsa_padding_mode:pss', '-pkeyopt', 'rsa_pss_saltlen:digest')
  }
  args.push('-pkeyopt', `digest:${DIGEST[alg]}`)
  try {
    return execFileSync('openssl', args, { stdio: 'pipe' })
      .toString()
      .includes('Signature Verified Successfully')
  } catch {
    return false
  }
}

describe.each(ALL_KEY_KINDS)('round trip with %s', (kind) => {
  test('COSE: sign, decode, verify (ours and openssl over an independently rebuilt Sig_structure)', async () => {
    const created = await createSignatureEnvelope({
      format: 'cose',
      payload: PAYLOAD,
      signer: localSigner(kind),
      signingTime: T,
      signingAgent: 'oci-notary-action/test',
    })
    expect(created.mediaType).toBe('application/cose')
    expect(created.signingTime.toISOString()).toBe('2030-05-06T07:08:09.000Z')
    expect(created.certificateChain).toEqual(pki(kind).chainDer)
    const bytes = created.envelope
    expect(Buffer.from(bytes.subarray(0, 2)).toString('hex')).toBe('d284')

    const parsed = decodeEnvelope('application/cose', bytes)
    expect(parsed.algorithm).toBe(ALG[kind])
    expect(parsed.signingTime?.toISOString()).toBe('2030-05-06T07:08:09.000Z')
    expect(parsed.payload).toEqual(PAYLOAD)
    expect(parsed.signingAgent).toBe('oci-notary-action/test')
    expect(parsed.certificateChain).toEqual(pki(kind).chainDer)
    expect(verifyEnvelopeSignature(parsed)).toBe(true)

    // Independent: cbor-x splits the envelope, we rebuild Sig_structure from the raw protected bytes.
    const outer = cborxDecode(Buffer.from(bytes)) as Tag
    expect(outer.tag).toBe(18)
    const [protectedRaw, unprotected, payload, signature] = outer.value as [
      Buffer,
      Map<unknown, unknown> | Record<string, unknown>,
      Buffer,
      Buffer,
    ]
    const x5chain =
      unprotected instanceof Map
        ? unprotected.get(33)
        : (unprotected as Record<string, unknown>)['33']
    expect(Array.isArray(x5chain)).toBe(true)
    const tbs = cborxEncode([
      'Signature1',
      Buffer.from(protectedRaw),
      Buffer.alloc(0),
      Buffer.from(payload),
    ])
    expect(Buffer.from(tbs).equals(Buffer.from(parsed.toBeSigned))).toBe(true)
    expect(opensslVerify(ALG[kind], pki(kind).leaf.der, tbs, signature)).toBe(true)
    const flipped = Buffer.from(tbs)
    flipped[flipped.length - 2]! ^= 1
    expect(opensslVerify(ALG[kind], pki(kind).leaf.der, flipped, signature)).toBe(false)
  })

  test('JWS: sign, decode, verify (ours and openssl)', async () => {
    const created = await createSignatureEnvelope({
      format: 'jws',
      payload: PAYLOAD,
      signer: localSigner(kind),
      signingTime: T,
      expiry: new Date('2031-01-01T00:00:00Z'),
      signingAgent: 'oci-notary-action/test',
    })
    expect(created.mediaType).toBe('application/jose+json')
    const parsed = decodeEnvelope('application/jose+json', created.envelope)
    expect(parsed.algorithm).toBe(ALG[kind])
    expect(parsed.expiry?.toISOString()).toBe('2031-01-01T00:00:00.000Z')
    expect(parsed.critical).toEqual(['io.cncf.notary.signingScheme', 'io.cncf.notary.expiry'])
    // golang-jwt sorts payload keys
    expect(Buffer.from(parsed.payload).toString()).toBe(
      '{"targetArtifact":{"digest":"sha256:aa","mediaType":"application/vnd.oci.image.manifest.v1+json","size":1}}',
    )
    expect(verifyEnvelopeSignature(parsed)).toBe(true)
    expect(opensslVerify(ALG[kind], pki(kind).leaf.der, parsed.toBeSigned, parsed.signature)).toBe(
      true,
    )
  })
})

describe('createSignatureEnvelope: what it refuses', () => {
  function fakeSigner(
    over: Partial<Signer> & { chain?: Uint8Array[]; signWith?: (tbs: Uint8Array) => Uint8Array },
  ): Signer {
    const p = pki('ec256')
    const key = testKey('ec256', 'leaf')
    return {
      keySpec: 'EC-256',
      algorithm: 'ES256',
      description: 'fake signer',
      sign: (tbs) =>
        Promise.resolve({
          signature: over.signWith ? over.signWith(tbs) : signRaw('ES256', key, tbs),
          certificateChain: over.chain ?? p.chainDer,
        }),
      ...over,
    }
  }

  const request = (signer: Signer, extra: object = {}) => ({
    format: 'cose' as const,
    payload: PAYLOAD,
    signer,
    signingTime: T,
    signingAgent: 'test',
    ...extra,
  })

  test('a chain that is invalid at the signing time → SIGNER_CHAIN_INVALID (cause: CertificateError)', async () => {
    const expired = await createCodeSigningPki({ keyKind: 'ec256', variant: 'expired', now: T })
    const err = await expectRejectCode(
      createSignatureEnvelope(
        request(
          fakeSigner({
            chain: expired.chainDer,
            signWith: (t) => signRaw('ES256', expired.leaf.privateKey, t),
          }),
        ),
      ),
      SigningError,
      'SIGNER_CHAIN_INVALID',
    )
    expect((err.cause as { code?: string }).code).toBe('CERT_EXPIRED')
  })

  test('a chain without its root → SIGNER_CHAIN_INVALID', async () => {
    const err = await expectRejectCode(
      createSignatureEnvelope(request(fakeSigner({ chain: pki('ec256').chainDer.slice(0, 2) }))),
      SigningError,
      'SIGNER_CHAIN_INVALID',
    )
    expect((err.cause as { code?: string }).code).toBe('CERT_NOT_SELF_SIGNED_ROOT')
  })

  test('announced algorithm differs from the leaf key → SIGNER_ALGORITHM_MISMATCH', async () => {
    await expectRejectCode(
      createSignatureEnvelope(request(fakeSigner({ algorithm: 'ES384', keySpec: 'EC-384' }))),
      SigningError,
      'SIGNER_ALGORITHM_MISMATCH',
    )
  })

  test('signature from another key → SIGNER_LEAF_MISMATCH', async () => {
    const other = testKey('ec256', 'someone-else')
    await expectRejectCode(
      createSignatureEnvelope(request(fakeSigner({ signWith: (t) => signRaw('ES256', other, t) }))),
      SigningError,
      'SIGNER_LEAF_MISMATCH',
    )
  })

  test('DER-encoded ECDSA (what KMS APIs return by default) → SIGNER_LEAF_MISMATCH', async () => {
    const key = testKey('ec256', 'leaf')
    await expectRejectCode(
      createSignatureEnvelope(
        request(fakeSigner({ signWith: (t) => new Uint8Array(nodeSign('sha256', t, key)) })),
      ),
      SigningError,
      'SIGNER_LEAF_MISMATCH',
    )
  })

  test('RSA-PSS with node default (max) salt → SIGNER_LEAF_MISMATCH', async () => {
    const p = pki('rsa3072')
    const key: KeyObject = p.leaf.privateKey
    const signer: Signer = {
      keySpec: 'RSA-3072',
      algorithm: 'PS384',
      description: 'max-salt signer',
      sign: (tbs) =>
        Promise.resolve({
          signature: new Uint8Array(
            nodeSign('sha384', tbs, {
              key,
              padding: constants.RSA_PKCS1_PSS_PADDING,
              saltLength: constants.RSA_PSS_SALTLEN_MAX_SIGN,
            }),
          ),
          certificateChain: p.chainDer,
        }),
    }
    await expectRejectCode(
      createSignatureEnvelope(request(signer)),
      SigningError,
      'SIGNER_LEAF_MISMATCH',
    )
  })

  test('a signer that throws → SIGNER_FAILED with the cause', async () => {
    const boom = new Error('HSM offline')
    const err = await expectRejectCode(
      createSignatureEnvelope(request(fakeSigner({ sign: () => Promise.reject(boom) }))),
      SigningError,
      'SIGNER_FAILED',
    )
    expect(err.cause).toBe(boom)
  })

  test('expiry not after the signing time, or a non-JSON JWS payload → SIGNER_REQUEST_INVALID', async () => {
    await expectRejectCode(
      createSignatureEnvelope(request(fakeSigner({}), { expiry: new Date(T.getTime() - 1) })),
      SigningError,
      'SIGNER_REQUEST_INVALID',
    )
    await expectRejectCode(
      createSignatureEnvelope(
        request(fakeSigner({}), { format: 'jws', payload: new Uint8Array([1]) }),
      ),
      SigningError,
      'SIGNER_REQUEST_INVALID',
    )
  })

  test('timestamper gets the raw signature and the algorithm hash; the token is embedded', async () => {
    const seen: { message?: Uint8Array; hash?: HashAlgorithm } = {}
    const token = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])
    for (const format of ['cose', 'jws'] as const) {
      const created = await createSignatureEnvelope({
        ...request(localSigner('rsa3072')),
        format,
        timestamper: {
          timestamp: (message, hash) => {
            seen.message = message
            seen.hash = hash
            return Promise.resolve(token)
          },
        },
      })
      const parsed = decodeEnvelope(created.mediaType, created.envelope)
      expect(seen.hash).toBe('SHA-384')
      expect(seen.message).toEqual(parsed.signature)
      expect(parsed.timestampToken).toEqual(token)
      expect(created.timestampToken).toEqual(token)
      expect(verifyEnvelopeSignature(parsed)).toBe(true)
    }
  })

  test('a failing timestamper → SIGNER_TIMESTAMP and no envelope', async () => {
    const err = await expectRejectCode(
      createSignatureEnvelope({
        ...request(localSigner('ec256')),
        timestamper: { timestamp: () => Promise.reject(new Error('TSA 503')) },
      }),
      SigningError,
      'SIGNER_TIMESTAMP',
    )
    expect((err.cause as Error).message).toBe('TSA 503')
  })

  test('a self-signed single certificate signs (validated as a leaf)', async () => {
    const self = await createSelfSignedSigner('ec384')
    const signer = createLocalKeySigner({ keyPem: self.privateKeyPem, chainPem: self.pem, now: T })
    const created = await createSignatureEnvelope(request(signer))
    expect(created.certificateChain).toHaveLength(1)
    expect(verifyEnvelopeSignature(decodeEnvelope(created.mediaType, created.envelope))).toBe(true)
  })
})
