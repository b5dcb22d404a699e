/**
 * Real RFC 3161 tokens from the Notary Project (tspclient-go and notation-go test data) get the
 * verdicts and messages those projects' own tests expect (fixtures/README.md has the provenance).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decode as cborDecode, Tag } from 'cbor-x'
import { TimestampError } from '../../../src/timestamp/errors.js'
import {
  parseTimestampResponse,
  parseTimestampToken,
  parseTstInfo,
  timestampTokenFromResponse,
} from '../../../src/timestamp/token.js'
import { tokenSigningCertificate, verifyTimestampToken } from '../../../src/timestamp/verify.js'
import { pemToCertificates } from '../../../src/x509/pem.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures/timestamp')
const tsp = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FIXTURES, 'tspclient-go', name)))
const ngo = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FIXTURES, 'notation-go', name)))
// notation-go envelopes and trust-store certificates live with the other notation vectors.
const notation = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FIXTURES, '../notation', name)))

const MESSAGE = tsp('message.txt') // "notation"
const GLOBALSIGN_R3 = pemToCertificates(
  readFileSync(join(FIXTURES, 'tspclient-go', 'GlobalSignRootCA.crt'), 'utf8'),
)
const GEN_TIME = new Date('2021-09-17T14:09:10Z')

function verifyError(token: Uint8Array, message = MESSAGE, roots = GLOBALSIGN_R3): TimestampError {
  try {
    verifyTimestampToken({ token, message, roots })
  } catch (err) {
    expect(err).toBeInstanceOf(TimestampError)
    return err as TimestampError
  }
  throw new Error('expected verification to fail')
}

describe('tspclient-go vectors', () => {
  it('message.txt is "notation"', () => {
    expect(Buffer.from(MESSAGE).toString()).toBe('notation')
  })

  it.each(['TimeStampToken.p7s', 'TimeStampTokenWithValidAndInvalidSignerInfos.p7s'])(
    '%s verifies with GlobalSignRootCA.crt at its genTime',
    (name) => {
      const info = verifyTimestampToken({
        token: tsp(name),
        message: MESSAGE,
        roots: GLOBALSIGN_R3,
      })
      expect(info.genTime).toEqual(GEN_TIME)
      expect(info.accuracyMs).toBe(1000)
      expect(info.hashAlgorithm).toBe('SHA-256')
      expect(info.policy).toBe('1.3.6.1.4.1.4146.2.3')
      expect(info.serialNumber).toBe('59060eee873c26672a9400f24da094747988980e')
      // leaf → GlobalSign Timestamping CA G4 → R6 (cross-signed by R3) → R3, the given root
      expect(info.tsaChain).toHaveLength(4)
      expect(Buffer.from(info.tsaChain[3] as Uint8Array)).toEqual(
        Buffer.from(GLOBALSIGN_R3[0] as Uint8Array),
      )
    },
  )

  it('TimeStampTokenWithValidAndInvalidSignerInfos.p7s really has a failing SignerInfo first', () => {
    const token = parseTimestampToken(tsp('TimeStampTokenWithValidAndInvalidSignerInfos.p7s'))
    expect(token.signerInfos.length).toBeGreaterThan(1)
  })

  it.each([
    [
      'TimeStampTokenWithInvalidSignature.p7s',
      'TSA_SIGNATURE_INVALID',
      'failed to verify signed token: cms verification failure: crypto/rsa: verification error',
    ],
    [
      'TimeStampTokenWithoutCertificate.p7s',
      'TSA_SIGNER_NOT_FOUND',
      'failed to verify signed token: signing certificate not found in the timestamp token',
    ],
    [
      'TimeStampTokenWithMismatchCertHash.p7s',
      'TSA_SIGNATURE_INVALID',
      'failed to verify signed token: signing certificate hash does not match CertHash in signed attribute',
    ],
    [
      'TimeStampTokenWithSHA1CertHash.p7s',
      'TSA_SIGNATURE_INVALID',
      'failed to verify signed token: unsupported certificate hash algorithm in SigningCertificateV2 attribute',
    ],
    [
      'TimeStampTokenWithoutSigningCertificate.p7s',
      'TSA_SIGNATURE_INVALID',
      'failed to verify signed token: failed to get SigningCertificateV2 from signed attributes: attribute not found',
    ],
    [
      'TimeStampTokenWithTSTInfoVersion2.p7s',
      'TSA_RESPONSE_INVALID',
      'invalid TSTInfo: timestamp token info version must be 1, but got 2',
    ],
    [
      'SHA1TimeStampToken.p7s',
      'TSA_RESPONSE_INVALID',
      'invalid TSTInfo: unrecognized hash algorithm: 1.2.840.113549.1.1.5',
    ],
    [
      'TimeStampTokenWithInvalideContentType.p7s',
      'TSA_RESPONSE_INVALID',
      'unexpected content type: 1.2.840.113549.1.7.1. Expected to be id-ct-TSTInfo (1.2.840.113549.1.9.16.1.4)',
    ],
  ])('%s fails with %s', (name, code, message) => {
    const err = verifyError(tsp(name))
    expect(err.code).toBe(code)
    expect(err.message).toBe(message)
  })

  it('TimeStampTokenWithSigningCertificateV1.p7s: only ESSCertID v1, v2 is required', () => {
    // tspclient-go tests this one through SignedToken.SigningCertificate (its imprint is over
    // another message), and so do we.
    const token = parseTimestampToken(tsp('TimeStampTokenWithSigningCertificateV1.p7s'))
    let caught: unknown
    try {
      tokenSigningCertificate(token)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(TimestampError)
    expect((caught as TimestampError).code).toBe('TSA_SIGNATURE_INVALID')
    expect((caught as TimestampError).message).toMatch(
      /^failed to verify signed token: failed to get SigningCertificateV2 from signed attributes: attribute not found \(the token has only the v1 signingCertificate attribute/,
    )
    // and the whole verification refuses it too
    expect(verifyError(tsp('TimeStampTokenWithSigningCertificateV1.p7s')).code).toBeDefined()
  })

  it('TimeStampToken.p7s over another message: invalid TSTInfo: mismatched message', () => {
    const err = verifyError(tsp('TimeStampToken.p7s'), new TextEncoder().encode('invalid'))
    expect(err.code).toBe('TSA_IMPRINT_MISMATCH')
    expect(err.message).toBe('invalid TSTInfo: mismatched message')
  })

  it('TimeStampToken.p7s with an empty root list is untrusted', () => {
    expect(verifyError(tsp('TimeStampToken.p7s'), MESSAGE, []).code).toBe('TSA_UNTRUSTED')
  })

  it('granted.tsq is a granted TimeStampResp whose token verifies (genTime 2021-09-18T11:54:34Z)', () => {
    const resp = parseTimestampResponse(tsp('granted.tsq'))
    expect(resp.status).toBe(0)
    expect(resp.failInfo).toEqual([])
    const token = timestampTokenFromResponse(tsp('granted.tsq'))
    const parsed = parseTimestampToken(token)
    expect(parsed.certificates).toHaveLength(4)
    const info = parseTstInfo(parsed.eContent)
    expect(info.genTime).toEqual(new Date('2021-09-18T11:54:34Z'))
    const leaf = tokenSigningCertificate(parsed)
    expect(leaf.sha256).toMatch(/^13d6e9c4.*c6f9$/)
    // its imprint is SHA-256("notation"), so the whole token verifies
    const verified = verifyTimestampToken({ token, message: MESSAGE, roots: GLOBALSIGN_R3 })
    expect(verified.genTime).toEqual(new Date('2021-09-18T11:54:34Z'))
    expect(Buffer.from(verified.tsaChain[0] as Uint8Array)).toEqual(Buffer.from(leaf.der))
  })

  it('rejection.tsq is a rejected TimeStampResp: TSA_STATUS with status code 2', () => {
    const resp = parseTimestampResponse(tsp('rejection.tsq'))
    expect(resp.status).toBe(2)
    expect(resp.statusStrings).toEqual(['request contains unknown algorithm'])
    expect(resp.failInfo).toEqual([0])
    expect(resp.token).toBeUndefined()
    let caught: unknown
    try {
      timestampTokenFromResponse(tsp('rejection.tsq'))
    } catch (err) {
      caught = err
    }
    expect((caught as TimestampError).code).toBe('TSA_STATUS')
    expect((caught as TimestampError).message).toMatch(
      /^invalid response with status code 2: rejected/,
    )
    expect((caught as TimestampError).message).toContain(
      'Failure info: unrecognized or unsupported Algorithm Identifier',
    )
    expect((caught as TimestampError).message).toContain('request contains unknown algorithm')
  })
})

describe('notation-go countersignature vectors', () => {
  it('TimeStampToken.p7s over "mismatch": invalid TSTInfo: mismatched message', () => {
    const err = verifyError(ngo('TimeStampToken.p7s'), new TextEncoder().encode('mismatch'))
    expect(err.code).toBe('TSA_IMPRINT_MISMATCH')
    expect(err.message).toBe('invalid TSTInfo: mismatched message')
  })

  it('TimeStampToken.p7s over "notation" verifies', () => {
    const info = verifyTimestampToken({
      token: ngo('TimeStampToken.p7s'),
      message: MESSAGE,
      roots: GLOBALSIGN_R3,
    })
    expect(info.genTime).toEqual(GEN_TIME)
  })

  it('TimeStampTokenWithInvalidTSTInfo.p7s: cannot unmarshal TSTInfo from timestamp token', () => {
    const err = verifyError(ngo('TimeStampTokenWithInvalidTSTInfo.p7s'))
    expect(err.code).toBe('TSA_RESPONSE_INVALID')
    expect(err.message).toMatch(/^cannot unmarshal TSTInfo from timestamp token: /)
  })

  it('TimeStampTokenWithInvalideContentType.p7s: unexpected content type', () => {
    const err = verifyError(ngo('TimeStampTokenWithInvalideContentType.p7s'))
    expect(err.code).toBe('TSA_RESPONSE_INVALID')
    expect(err.message).toBe(
      'unexpected content type: 1.2.840.113549.1.7.1. Expected to be id-ct-TSTInfo (1.2.840.113549.1.9.16.1.4)',
    )
  })

  it('TimeStampTokenWithoutCertificate.p7s: signing certificate not found in the timestamp token', () => {
    const err = verifyError(ngo('TimeStampTokenWithoutCertificate.p7s'))
    expect(err.code).toBe('TSA_SIGNER_NOT_FOUND')
    expect(err.message).toBe(
      'failed to verify signed token: signing certificate not found in the timestamp token',
    )
  })
})

describe('notation-go coseWithTimestamp.sig (token inside a real COSE envelope)', () => {
  const envelope = cborDecode(notation('coseWithTimestamp.sig')) as Tag | unknown[]
  const sign1 = (envelope instanceof Tag ? envelope.value : envelope) as unknown[]
  const unprotected = sign1[1] as Map<unknown, unknown> | Record<string, unknown>
  const token = new Uint8Array(
    (unprotected instanceof Map
      ? unprotected.get('io.cncf.notary.timestampSignature')
      : unprotected['io.cncf.notary.timestampSignature']) as Uint8Array,
  )
  const signature = new Uint8Array(sign1[3] as Uint8Array)
  const r6 = [notation('globalsignRoot.cer')]

  it('verifies over the signature bytes with GlobalSign Root CA - R6 (genTime 2024-06-18T06:27:16Z)', () => {
    const info = verifyTimestampToken({ token, message: signature, roots: r6 })
    expect(info.genTime.toISOString()).toBe('2024-06-18T06:27:16.000Z')
    expect(info.hashAlgorithm).toBe('SHA-256')
    expect(Buffer.from(info.tsaChain.at(-1) as Uint8Array)).toEqual(
      Buffer.from(r6[0] as Uint8Array),
    )
  })

  it('is untrusted with the wrong TSA root (DigiCert): certificate signed by unknown authority', () => {
    const err = verifyError(token, signature, [notation('DigiCertTSARootSHA384.cer')])
    expect(err.code).toBe('TSA_UNTRUSTED')
    expect(err.message).toMatch(
      /^failed to verify signed token: cms verification failure: x509: certificate signed by unknown authority/,
    )
  })
})
