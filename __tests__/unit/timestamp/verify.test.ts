/**
 * verifyTimestampToken rule by rule, on tokens minted at test time (helpers/mint.ts) with a throwaway
 * TSA PKI, so each check of notary-spec.md §4.3 / §3.3 is broken on purpose exactly once.
 */
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import { beforeAll, describe, expect, it } from 'vitest'
import { TimestampError } from '../../../src/timestamp/errors.js'
import { accuracyMs, parseTstInfo } from '../../../src/timestamp/token.js'
import { verifyTimestampToken, type VerifyTimestampOptions } from '../../../src/timestamp/verify.js'
import { createTsaPki, type IssuedCert, type KeyKind, type TsaPki } from '../../../testbed/pki.js'
import {
  issueTsaLeaf,
  mintToken,
  tstInfoDer,
  type MintOptions,
  type SignerOptions,
} from './helpers/mint.js'

const MESSAGE = new TextEncoder().encode('the raw signature bytes')
const GEN_TIME = new Date('2024-05-01T10:00:00Z')
const EKU_TS = '1.3.6.1.5.5.7.3.8'
const EKU_CODE = '1.3.6.1.5.5.7.3.3'

let pki: TsaPki
let root: IssuedCert & { kind: KeyKind }
let ecPki: TsaPki
let otherPki: TsaPki

beforeAll(async () => {
  pki = await createTsaPki({ name: 'Verify Unit TSA' })
  root = { ...pki.root, kind: 'ec384' }
  ecPki = await createTsaPki({ name: 'Verify Unit EC TSA', keyKind: 'ec256' })
  otherPki = await createTsaPki({ name: 'Verify Unit Other TSA' })
})

function signer(extra: Partial<SignerOptions> = {}, leaf: IssuedCert = pki.leaf): SignerOptions {
  return { key: leaf.privateKey, cert: leaf.der, ...extra }
}

function mint(extra: Partial<MintOptions> = {}): Uint8Array {
  return mintToken({ message: MESSAGE, genTime: GEN_TIME, signers: [signer()], ...extra })
}

function verify(token: Uint8Array, extra: Partial<VerifyTimestampOptions> = {}) {
  return verifyTimestampToken({ token, message: MESSAGE, roots: [pki.root.der], ...extra })
}

function failure(token: Uint8Array, extra: Partial<VerifyTimestampOptions> = {}): TimestampError {
  try {
    verify(token, extra)
  } catch (err) {
    expect(err).toBeInstanceOf(TimestampError)
    return err as TimestampError
  }
  throw new Error('expected verification to fail')
}

describe('valid tokens', () => {
  it('PKCS#1 v1.5 (sha256WithRSAEncryption): TimestampInfo with genTime, accuracy, chain', () => {
    const info = verify(mint({ serial: 0xabcdefn, policy: '1.2.3.4' }))
    expect(info.genTime).toEqual(GEN_TIME)
    expect(info.accuracyMs).toBe(1000)
    expect(info.hashAlgorithm).toBe('SHA-256')
    expect(info.policy).toBe('1.2.3.4')
    expect(info.serialNumber).toBe('abcdef')
    expect(info.tsaChain.map((c) => Buffer.from(c))).toEqual([
      Buffer.from(pki.leaf.der),
      Buffer.from(pki.root.der),
    ])
  })

  it.each(['SHA-256', 'SHA-384', 'SHA-512'] as const)('imprint over %s', (hash) => {
    const info = verify(mint({ hash }), { expectedHash: hash })
    expect(info.hashAlgorithm).toBe(hash)
  })

  it('rsaEncryption signature OID with the SignerInfo digest algorithm (SHA-384)', () => {
    verify(mint({ signers: [signer({ signature: 'pkcs1-rsaEncryption', digest: 'SHA-384' })] }))
  })

  it.each(['SHA-256', 'SHA-384', 'SHA-512'] as const)('RSA-PSS with %s', (digest) => {
    verify(mint({ signers: [signer({ signature: 'pss', digest })] }))
  })

  it.each(['SHA-256', 'SHA-384'] as const)('ECDSA P-256 TSA with %s', (digest) => {
    const token = mint({ signers: [signer({ digest }, ecPki.leaf)] })
    const info = verify(token, { roots: [ecPki.root.der] })
    expect(info.tsaChain).toHaveLength(2)
  })

  it('ESSCertIDv2 with an explicit SHA-384 / SHA-512 hash', () => {
    verify(mint({ signers: [signer({ essV2: { hash: 'SHA-384' } })] }))
    verify(mint({ signers: [signer({ essV2: { hash: 'SHA-512' } })] }))
  })

  it('ESSCertIDv2 without issuerSerial: the sid names the certificate', () => {
    verify(mint({ signers: [signer({ essV2: { issuerSerial: false } })] }))
  })

  it('the token may carry the root as well; a TSA root among several roots is found', () => {
    const token = mint({ certs: [pki.leaf.der, pki.root.der] })
    const info = verify(token, { roots: [otherPki.root.der, pki.root.der] })
    expect(info.tsaChain).toHaveLength(2)
  })

  it('nonce given as bigint or bytes must match', () => {
    const token = mint({ nonce: 0x0102030405n })
    verify(token, { nonce: 0x0102030405n })
    verify(token, { nonce: Uint8Array.from([1, 2, 3, 4, 5]) })
  })

  it('a TSA certificate expired now but valid at genTime still verifies (time = genTime)', async () => {
    const leaf = await issueTsaLeaf({
      issuer: root,
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    })
    const token = mint({
      genTime: new Date('2020-06-01T00:00:00Z'),
      signers: [signer({}, leaf)],
    })
    expect(verify(token).genTime).toEqual(new Date('2020-06-01T00:00:00Z'))
  })

  it('root → intermediate → TSA leaf, the intermediate from the token', async () => {
    const intermediate = await issueTsaLeaf({
      issuer: root,
      keyKind: 'ec256',
      keySlot: 'mint-intermediate',
      ca: true,
      ekus: [],
      keyUsage: x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
      subject: 'C=US, O=Notary Testbed, CN=Mint TSA Intermediate',
    })
    const leaf = await issueTsaLeaf({ issuer: intermediate })
    const token = mint({ certs: [leaf.der, intermediate.der], signers: [signer({}, leaf)] })
    expect(verify(token).tsaChain).toHaveLength(3)
    // without the intermediate there is no path
    const bare = mint({ certs: [leaf.der], signers: [signer({}, leaf)] })
    expect(failure(bare).code).toBe('TSA_UNTRUSTED')
  })

  it('several SignerInfos: one valid one is enough, in any position', () => {
    const bad = signer({ corruptSignature: true })
    verify(mint({ signers: [bad, signer()] }))
    verify(mint({ signers: [signer(), bad] }))
  })

  it('GeneralizedTime with fractional seconds keeps the milliseconds', () => {
    const info = verify(mint({ genTimeText: '20240501100000.123Z' }))
    expect(info.genTime.toISOString()).toBe('2024-05-01T10:00:00.123Z')
  })
})

describe('accuracy (notary-spec.md §4.3 step 4)', () => {
  it.each([
    ['stated seconds', { seconds: 2 }, '1.2.3', 2000],
    ['millis and micros', { millis: 250, micros: 500 }, '1.2.3', 250.5],
    ['none, baseline policy 0.4.0.2023.1.1', null, '0.4.0.2023.1.1', 1000],
    ['none, other policy', null, '1.2.3', 0],
    ['all zero, baseline policy', { seconds: 0 }, '0.4.0.2023.1.1', 1000],
  ] as const)('%s', (_name, accuracy, policy, expected) => {
    const info = parseTstInfo(tstInfoDer({ message: MESSAGE, accuracy, policy }))
    expect(accuracyMs(info)).toBe(expected)
    expect(verify(mint({ accuracy, policy })).accuracyMs).toBe(expected)
  })
})

describe('failures, one per rule', () => {
  it('imprint over other bytes: TSA_IMPRINT_MISMATCH', () => {
    const err = failure(mint(), { message: new TextEncoder().encode('other') })
    expect(err.code).toBe('TSA_IMPRINT_MISMATCH')
    expect(err.message).toBe('invalid TSTInfo: mismatched message')
  })

  it('hash other than the expected one: TSA_IMPRINT_MISMATCH', () => {
    const err = failure(mint({ hash: 'SHA-512' }), { expectedHash: 'SHA-256' })
    expect(err.code).toBe('TSA_IMPRINT_MISMATCH')
    expect(err.message).toMatch(/SHA-512, expected SHA-256/)
  })

  it('SHA-1 imprint: TSA_RESPONSE_INVALID (unrecognized hash algorithm)', () => {
    const err = failure(mint({ imprintOid: '1.3.14.3.2.26', imprintDigest: new Uint8Array(20) }))
    expect(err.code).toBe('TSA_RESPONSE_INVALID')
    expect(err.message).toBe('invalid TSTInfo: unrecognized hash algorithm: 1.3.14.3.2.26')
  })

  it('TSTInfo version 2: TSA_RESPONSE_INVALID', () => {
    expect(failure(mint({ version: 2 })).code).toBe('TSA_RESPONSE_INVALID')
  })

  it('nonce differs or is missing: TSA_NONCE_MISMATCH', () => {
    const err = failure(mint({ nonce: 5n }), { nonce: 6n })
    expect(err.code).toBe('TSA_NONCE_MISMATCH')
    expect(err.message).toBe('nonce in response 5 does not match nonce in request 6')
    expect(failure(mint(), { nonce: 6n }).code).toBe('TSA_NONCE_MISMATCH')
  })

  it('not a token: TSA_RESPONSE_INVALID', () => {
    expect(failure(new TextEncoder().encode('not a token')).code).toBe('TSA_RESPONSE_INVALID')
    expect(failure(new Uint8Array([...mint(), 0])).code).toBe('TSA_RESPONSE_INVALID')
  })

  it('eContentType id-data: TSA_RESPONSE_INVALID naming the OID', () => {
    const err = failure(mint({ eContentType: '1.2.840.113549.1.7.1' }))
    expect(err.code).toBe('TSA_RESPONSE_INVALID')
    expect(err.message).toMatch(/^unexpected content type: 1\.2\.840\.113549\.1\.7\.1\./)
  })

  it('a TSA that does not chain to the given roots: TSA_UNTRUSTED', () => {
    const err = failure(mint(), { roots: [otherPki.root.der] })
    expect(err.code).toBe('TSA_UNTRUSTED')
    expect(err.message).toMatch(/certificate signed by unknown authority/)
  })

  it('no roots at all: TSA_UNTRUSTED', () => {
    expect(failure(mint(), { roots: [] }).code).toBe('TSA_UNTRUSTED')
  })

  it('SignerInfo version 3: TSA_SIGNATURE_INVALID', () => {
    const err = failure(mint({ signers: [signer({ version: 3 })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toBe(
      'failed to verify signed token: cms verification failure: invalid signer info version: only version 1 is supported; got 3',
    )
  })

  it('no SigningCertificateV2: TSA_SIGNATURE_INVALID; with only v1 the message says so', () => {
    expect(failure(mint({ signers: [signer({ essV2: null })] })).message).toBe(
      'failed to verify signed token: failed to get SigningCertificateV2 from signed attributes: attribute not found',
    )
    const err = failure(mint({ signers: [signer({ essV2: null, essV1: true })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toMatch(/only the v1 signingCertificate attribute/)
  })

  it('no signed attributes at all: TSA_SIGNATURE_INVALID', () => {
    expect(failure(mint({ signers: [signer({ signedAttributes: false })] })).code).toBe(
      'TSA_SIGNATURE_INVALID',
    )
  })

  it('ESSCertIDv2 hash algorithm SHA-1: unsupported', () => {
    const err = failure(mint({ signers: [signer({ essV2: { hashOid: '1.3.14.3.2.26' } })] }))
    expect(err.message).toBe(
      'failed to verify signed token: unsupported certificate hash algorithm in SigningCertificateV2 attribute',
    )
  })

  it('ESSCertIDv2 cert hash mismatch', () => {
    const err = failure(mint({ signers: [signer({ essV2: { certHash: new Uint8Array(32) } })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toMatch(/signing certificate hash does not match CertHash/)
  })

  it('ESSCertIDv2 names a certificate that is not in the token: TSA_SIGNER_NOT_FOUND', () => {
    const err = failure(
      mint({ signers: [signer({ essV2: { issuerSerialOf: otherPki.leaf.der } })] }),
    )
    expect(err.code).toBe('TSA_SIGNER_NOT_FOUND')
  })

  it('corrupted RSA signature: crypto/rsa: verification error', () => {
    const err = failure(mint({ signers: [signer({ corruptSignature: true })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toBe(
      'failed to verify signed token: cms verification failure: crypto/rsa: verification error',
    )
  })

  it('corrupted PSS signature', () => {
    const err = failure(mint({ signers: [signer({ signature: 'pss', corruptSignature: true })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
  })

  it('corrupted ECDSA signature: ECDSA verification failure', () => {
    const token = mint({ signers: [signer({ corruptSignature: true }, ecPki.leaf)] })
    const err = failure(token, { roots: [ecPki.root.der] })
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toMatch(/ECDSA verification failure$/)
  })

  it('unknown signature algorithm', () => {
    const err = failure(mint({ signers: [signer({ signatureOid: '1.2.840.113549.1.1.5' })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toMatch(/unknown signature algorithm/)
  })

  it('ECDSA algorithm with an RSA key', () => {
    const err = failure(mint({ signers: [signer({ signatureOid: '1.2.840.10045.4.3.2' })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
  })

  it('contentType attribute missing or not TSTInfo', () => {
    expect(failure(mint({ signers: [signer({ contentTypeAttr: null })] })).message).toMatch(
      /invalid content type: attribute not found$/,
    )
    const err = failure(mint({ signers: [signer({ contentTypeAttr: '1.2.840.113549.1.7.1' })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toMatch(/mismatch content type/)
  })

  it('messageDigest attribute missing or wrong', () => {
    expect(failure(mint({ signers: [signer({ messageDigestAttr: null })] })).message).toMatch(
      /invalid message digest: attribute not found$/,
    )
    const err = failure(mint({ signers: [signer({ messageDigestAttr: new Uint8Array(32) })] }))
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toMatch(/mismatch message digest$/)
  })

  it('signingTime attribute outside the TSA chain validity', () => {
    const err = failure(
      mint({ signers: [signer({ signingTime: new Date('1990-01-01T00:00:00Z') })] }),
    )
    expect(err.code).toBe('TSA_SIGNATURE_INVALID')
    expect(err.message).toMatch(/is outside certificate's validity period/)
    verify(mint({ signers: [signer({ signingTime: GEN_TIME })] }))
  })

  it('every SignerInfo invalid: the last failure is reported', () => {
    const err = failure(
      mint({
        signers: [
          signer({ corruptSignature: true }),
          signer({ messageDigestAttr: new Uint8Array(32) }),
        ],
      }),
    )
    expect(err.message).toMatch(/mismatch message digest$/)
  })

  it('TSA leaf EKU not critical: TSA_CERT_INVALID', async () => {
    const leaf = await issueTsaLeaf({ issuer: root, ekuCritical: false })
    const err = failure(mint({ signers: [signer({}, leaf)] }))
    expect(err.code).toBe('TSA_CERT_INVALID')
    expect(err.message).toMatch(/extendedKeyUsage extension critical/)
  })

  it('TSA leaf EKU codeSigning, or timeStamping plus another: TSA_CERT_INVALID', async () => {
    for (const ekus of [[EKU_CODE], [EKU_TS, EKU_CODE]]) {
      const leaf = await issueTsaLeaf({ issuer: root, ekus })
      const err = failure(mint({ signers: [signer({}, leaf)] }))
      expect(err.code).toBe('TSA_CERT_INVALID')
      expect(err.message).toMatch(
        /timeStamping \(1\.3\.6\.1\.5\.5\.7\.3\.8\) as its only extended key usage/,
      )
    }
  })

  it('TSA leaf without EKU: TSA_CERT_INVALID', async () => {
    const leaf = await issueTsaLeaf({ issuer: root, ekus: [] })
    expect(failure(mint({ signers: [signer({}, leaf)] })).code).toBe('TSA_CERT_INVALID')
  })

  it('TSA leaf key usage with keyEncipherment: TSA_CERT_INVALID', async () => {
    const leaf = await issueTsaLeaf({
      issuer: root,
      keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
    })
    expect(failure(mint({ signers: [signer({}, leaf)] })).code).toBe('TSA_CERT_INVALID')
  })

  it('TSA certificate not valid at genTime: TSA_CERT_INVALID', async () => {
    const leaf = await issueTsaLeaf({
      issuer: root,
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    })
    const err = failure(mint({ signers: [signer({}, leaf)] }))
    expect(err.code).toBe('TSA_CERT_INVALID')
    expect(err.message).toMatch(/at genTime 2024-05-01T10:00:00\.000Z/)
  })

  it('a CA in the path whose EKU excludes timeStamping: TSA_CERT_INVALID', async () => {
    const intermediate = await issueTsaLeaf({
      issuer: root,
      keyKind: 'ec256',
      keySlot: 'mint-intermediate-eku',
      ca: true,
      ekus: ['1.3.6.1.5.5.7.3.1'],
      ekuCritical: false,
      keyUsage: x509.KeyUsageFlags.keyCertSign,
      subject: 'C=US, O=Notary Testbed, CN=Mint TLS-only Intermediate',
    })
    const leaf = await issueTsaLeaf({ issuer: intermediate })
    const err = failure(mint({ certs: [leaf.der, intermediate.der], signers: [signer({}, leaf)] }))
    expect(err.code).toBe('TSA_CERT_INVALID')
    expect(err.message).toMatch(/incompatible key usage/)
  })
})

describe('genTime against the local clock (at signing)', () => {
  it('within maxClockSkewMs (plus accuracy) passes', () => {
    verify(mint(), { now: new Date(GEN_TIME.getTime() + 60_000), maxClockSkewMs: 60_000 })
  })

  it('too far behind or ahead: TSA_TIME', () => {
    const behind = failure(mint(), {
      now: new Date(GEN_TIME.getTime() + 3_600_000),
      maxClockSkewMs: 300_000,
    })
    expect(behind.code).toBe('TSA_TIME')
    expect(behind.message).toMatch(/behind the local clock/)
    const ahead = failure(mint(), {
      now: new Date(GEN_TIME.getTime() - 3_600_000),
      maxClockSkewMs: 300_000,
    })
    expect(ahead.code).toBe('TSA_TIME')
  })

  it('without maxClockSkewMs the clock is not consulted (verification years later)', () => {
    verify(mint(), { now: new Date('2040-01-01T00:00:00Z') })
  })

  it('maxClockSkewMs without now is a programming error: TSA_REQUEST', () => {
    expect(failure(mint(), { maxClockSkewMs: 1000 }).code).toBe('TSA_REQUEST')
  })
})
