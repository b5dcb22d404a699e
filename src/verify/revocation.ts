/**
 * Certificate revocation (notary-spec.md §7.3; notation-core-go revocation/revocation.go,
 * internal/ocsp/ocsp.go, internal/crl/crl.go; notation-go verifier.go `revocationFinalResult`).
 *
 * - Every certificate but the root (always "non-revocable"): OCSP when it has AIA OCSP URLs, with
 *   a CRL fallback when OCSP says "unknown" and it has a CDP; else CRL; else non-revocable.
 * - OCSP: SHA-1 CertID, no nonce; GET `<url>/<urlescaped base64>` when that is shorter than 255
 *   characters, else POST; http URLs only; 2 s per URL; URLs tried in order until one answers.
 *   The response must be signed by the issuer or by a responder certificate the issuer signed that
 *   carries the OCSPSigning EKU, must have nextUpdate, not passed.
 * - CRL: http GET, 5 s, at most 32 MiB; signed by the issuer (a CA allowed to sign CRLs),
 *   nextUpdate present and not passed, no unknown critical extension; delta CRLs from the base
 *   CRL's freshestCRL; a certificate with its own freshestCRL but no delta is "unknown"; a listed
 *   serial is revoked (certificateHold / removeFromCRL handled as Go does). The first failing
 *   distribution point makes the result "unknown".
 * - invalidityDate is honoured only with an authentic signing time (signingAuthority scheme).
 *
 * The `RevocationChecker` port is what the pure verifier calls; `createRevocationChecker` is the
 * real one over the Transport. Two make no network access: `offlineRevocationChecker` (the CLI's
 * `--offline`) is never called, the verifier reports revocation as skipped; `noRevocationChecker`
 * answers without the network, "unknown" for any certificate that names an OCSP or CRL endpoint.
 */
import { constants, createHash, verify as nodeVerify, type KeyObject } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { Logger } from '../log.js'
import type { HttpResponse, HttpRequest, Transport } from '../net/transport.js'
import {
  EKU_OID,
  parseCertificate,
  type CertificateExtension,
  type CertificateInfo,
} from '../x509/certificate.js'
import { certificateVersion } from './trust-store.js'

import {
  NON_REVOCABLE,
  type CertRevocationResult,
  type RevocationCheckOptions,
  type RevocationChecker,
  type ServerResult,
} from './revocation-port.js'

export type {
  CertRevocationResult,
  RevocationCheckOptions,
  RevocationChecker,
  RevocationMethod,
  RevocationResult,
  RevocationSummary,
  ServerResult,
} from './revocation-port.js'
export { offlineRevocationChecker, summarizeRevocation } from './revocation-port.js'

export const OCSP_TIMEOUT_MS = 2_000
export const CRL_TIMEOUT_MS = 5_000
export const OCSP_MAX_RESPONSE_BYTES = 20_480
export const CRL_MAX_BYTES = 32 * 1024 * 1024
/** Tolerated clock skew for an OCSP thisUpdate in the future. */
export const OCSP_THIS_UPDATE_SKEW_MS = 5 * 60_000

const OID = {
  aia: '1.3.6.1.5.5.7.1.1',
  ocspAccess: '1.3.6.1.5.5.7.48.1',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  cdp: '2.5.29.31',
  freshestCrl: '2.5.29.46',
  crlNumber: '2.5.29.20',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  crlReason: '2.5.29.21',
  invalidityDate: '2.5.29.24',
  sha1: '1.3.14.3.2.26',
} as const

const REASON_CERTIFICATE_HOLD = 6
const REASON_REMOVE_FROM_CRL = 8

// ---------------------------------------------------------------------------------------------
// Certificate revocation metadata

export interface RevocationEndpoints {
  /** AIA OCSP URIs (Go `cert.OCSPServer`). */
  ocsp: string[]
  /** CDP fullName URIs (Go `cert.CRLDistributionPoints`). */
  crl: string[]
  /** The certificate has a freshestCRL (delta CRL) extension. */
  hasFreshestCrl: boolean
}

function uris(generalNames: readonly pkijs.GeneralName[] | undefined): string[] {
  return (generalNames ?? []).filter((g) => g.type === 6).map((g) => String(g.value))
}

function extensionValue(ext: pkijs.Extension): Uint8Array {
  return ext.extnValue.valueBlock.valueHexView
}

/** CRLDistributionPoints syntax → fullName URIs. */
function distributionPointUris(value: Uint8Array): string[] {
  const dps = new pkijs.CRLDistributionPoints({ schema: asn1js.fromBER(value).result })
  const out: string[] = []
  for (const dp of dps.distributionPoints) {
    const name = dp.distributionPoint
    if (Array.isArray(name)) out.push(...uris(name))
  }
  return out
}

function endpointsOf(extensions: readonly CertificateExtension[]): RevocationEndpoints {
  const result: RevocationEndpoints = { ocsp: [], crl: [], hasFreshestCrl: false }
  for (const ext of extensions) {
    if (ext.oid === OID.aia) {
      const aia = new pkijs.InfoAccess({ schema: asn1js.fromBER(ext.value).result })
      for (const ad of aia.accessDescriptions) {
        if (ad.accessMethod === OID.ocspAccess && ad.accessLocation.type === 6) {
          result.ocsp.push(String(ad.accessLocation.value))
        }
      }
    } else if (ext.oid === OID.cdp) {
      result.crl.push(...distributionPointUris(ext.value))
    } else if (ext.oid === OID.freshestCrl) {
      result.hasFreshestCrl = true
    }
  }
  return result
}

// Every verification asks for the endpoints of every chain certificate. They are decoded from the
// extensions the parsed certificate already holds (no second parse of the certificate), once per
// parsed certificate: parseCertificate hands out one frozen object per DER, so a WeakMap on that
// object is a per-bytes memo. A decoding failure is remembered too and thrown again, as before.
const endpointsMemo = new WeakMap<CertificateInfo, RevocationEndpoints | { failed: unknown }>()

/** The OCSP and CRL endpoints a certificate names (DER, or the parsed certificate). */
export function revocationEndpoints(cert: CertificateInfo | Uint8Array): RevocationEndpoints {
  if (cert instanceof Uint8Array) {
    const parsed = pkijs.Certificate.fromBER(cert)
    return endpointsOf(
      (parsed.extensions ?? []).map((ext) => ({
        oid: ext.extnID,
        critical: ext.critical,
        value: extensionValue(ext),
      })),
    )
  }
  let memo = endpointsMemo.get(cert)
  if (memo === undefined) {
    try {
      memo = Object.freeze(endpointsOf(cert.extensions))
    } catch (err) {
      memo = { failed: err }
    }
    endpointsMemo.set(cert, memo)
  }
  if ('failed' in memo) throw memo.failed
  return memo
}

// ---------------------------------------------------------------------------------------------
// Signatures over OCSP responses and CRLs (Go `CheckSignature`: SHA-1 allowed, MD5 not)

const SIGNATURE_ALGORITHMS: Readonly<
  Record<string, { hash: string; kind: 'rsa' | 'ecdsa' | 'eddsa' }>
> = {
  '1.2.840.113549.1.1.5': { hash: 'sha1', kind: 'rsa' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', kind: 'rsa' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', kind: 'rsa' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', kind: 'rsa' },
  '1.2.840.10045.4.1': { hash: 'sha1', kind: 'ecdsa' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', kind: 'ecdsa' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', kind: 'ecdsa' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', kind: 'ecdsa' },
  '1.3.101.112': { hash: '', kind: 'eddsa' },
}
const HASH_BY_OID: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}

function verifySigned(
  tbs: Uint8Array,
  algorithm: pkijs.AlgorithmIdentifier,
  signature: Uint8Array,
  key: KeyObject,
): boolean {
  try {
    if (algorithm.algorithmId === '1.2.840.113549.1.1.10') {
      const params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams })
      const hash = HASH_BY_OID[params.hashAlgorithm.algorithmId]
      if (hash === undefined) return false
      return nodeVerify(
        hash,
        tbs,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength },
        signature,
      )
    }
    const alg = SIGNATURE_ALGORITHMS[algorithm.algorithmId]
    if (alg === undefined) return false
    if (alg.kind === 'eddsa') return nodeVerify(null, tbs, key, signature)
    return nodeVerify(
      alg.hash,
      tbs,
      alg.kind === 'ecdsa' ? { key, dsaEncoding: 'der' } : key,
      signature,
    )
  } catch {
    return false
  }
}

/** Go `x509.RevocationList.CheckSignatureFrom`: the issuer must be a CA allowed to sign CRLs. */
function crlSignerProblem(issuer: CertificateInfo): string | undefined {
  const v3 = certificateVersion(issuer.der) === 3
  if (
    (v3 && !issuer.basicConstraints.present) ||
    (issuer.basicConstraints.present && !issuer.basicConstraints.cA)
  ) {
    return `CRL is not signed by CA ${issuer.subject}: x509: invalid signature: parent certificate cannot sign this kind of certificate`
  }
  if (issuer.keyUsage.flags.length > 0 && !issuer.keyUsage.flags.includes('cRLSign')) {
    return `CRL is not signed by CA ${issuer.subject}: the issuer's key usage does not allow cRLSign`
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// OCSP

function bigintOf(int: asn1js.Integer): bigint {
  const bytes = int.valueBlock.valueHexView
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  if (bytes.length > 0 && ((bytes[0] ?? 0) & 0x80) !== 0) v -= 1n << BigInt(bytes.length * 8)
  return v
}

function sha1(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(bytes).digest())
}

/** DER INTEGER contents of a positive serial given as hex. */
function serialContents(hex: string): Uint8Array {
  let h = hex.length % 2 === 1 ? `0${hex}` : hex
  if (/^[89a-f]/i.test(h)) h = `00${h}`
  return new Uint8Array(Buffer.from(h, 'hex'))
}

/** An OCSPRequest for one certificate with a SHA-1 CertID and no extensions (Go x/crypto/ocsp). */
export function createOcspRequest(cert: CertificateInfo, issuer: CertificateInfo): Uint8Array {
  const certId = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: OID.sha1 }), new asn1js.Null()],
      }),
      new asn1js.OctetString({ valueHex: sha1(issuer.rawSubject) }),
      new asn1js.OctetString({ valueHex: sha1(issuer.publicKeyBits) }),
      new asn1js.Integer({ valueHex: serialContents(cert.serialNumber) }),
    ],
  })
  const request = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] })],
      }),
    ],
  })
  return new Uint8Array(request.toBER())
}

/** notation's GET-or-POST choice: GET when the URL-escaped base64 request is under 255 chars. */
export function ocspGetUrl(server: string, request: Uint8Array): string | undefined {
  const b64 = Buffer.from(request).toString('base64')
  if (b64.length >= 255) return undefined
  const escaped = encodeURIComponent(b64)
  if (escaped.length >= 255) return undefined
  return `${server.replace(/\/+$/, '')}/${escaped}`
}

class OcspUnknownStatus extends Error {}

interface OcspAnswer {
  result: 'ok' | 'revoked' | 'unknown'
  error?: string
}

const OCSP_ERROR_STATUS: Readonly<Record<number, string>> = {
  1: 'OCSP malformed',
  2: 'OCSP internal error',
  3: 'OCSP try later',
  5: 'OCSP signature required',
  6: 'OCSP unauthorized',
}

/**
 * pkijs/asn1js report malformed input in their own words ("Data is not correct for
 * 'OCSPResponse'", "Wrong input string for conversion"); the reason a user reads names the
 * structure and the RFC instead.
 */
function parseOcspStructure<T>(what: string, parse: () => T): T {
  try {
    return parse()
  } catch (err) {
    throw new Error(`malformed OCSP response: not a valid DER ${what} (RFC 6960 §4.2.1)`, {
      cause: err,
    })
  }
}

/** Parses and checks an OCSP response for `cert` (x/crypto/ocsp ParseResponseForCert + notation). */
export function evaluateOcspResponse(
  body: Uint8Array,
  cert: CertificateInfo,
  issuer: CertificateInfo,
  options: RevocationCheckOptions,
): OcspAnswer {
  const response = parseOcspStructure('OCSPResponse', () => pkijs.OCSPResponse.fromBER(body))
  const status = response.responseStatus.valueBlock.valueDec
  if (status !== 0) throw new Error(OCSP_ERROR_STATUS[status] ?? `OCSP response status ${status}`)
  if (
    response.responseBytes === undefined ||
    response.responseBytes.responseType !== OID.ocspBasic
  ) {
    throw new Error('OCSP response is not a basic OCSP response')
  }
  const responseBytes = response.responseBytes.response.valueBlock.valueHexView
  const basic = parseOcspStructure('BasicOCSPResponse', () =>
    pkijs.BasicOCSPResponse.fromBER(responseBytes),
  )
  const tbs = basic.tbsResponseData.tbsView
  const signature = basic.signature.valueBlock.valueHexView
  const responderDer = basic.certs?.[0]
    ? new Uint8Array(basic.certs[0].toSchema().toBER())
    : undefined
  if (responderDer === undefined || Buffer.from(responderDer).equals(Buffer.from(issuer.der))) {
    if (!verifySigned(tbs, basic.signatureAlgorithm, signature, issuer.publicKey)) {
      throw new Error('bad OCSP signature: not signed by the issuer')
    }
  } else {
    const responder = parseCertificate(responderDer)
    if (!verifySigned(tbs, basic.signatureAlgorithm, signature, responder.publicKey)) {
      throw new Error('bad signature on embedded certificate')
    }
    if (!responder.x509.verify(issuer.publicKey)) {
      throw new Error('bad OCSP signature: the responder certificate is not signed by the issuer')
    }
    if (!responder.extendedKeyUsage.oids.includes(EKU_OID.ocspSigning)) {
      throw new Error(
        'the delegated OCSP responder certificate lacks the OCSPSigning extended key usage',
      )
    }
    checkResponderValidity(responder, basic.tbsResponseData.producedAt, options.now)
  }
  const serial = BigInt(`0x${cert.serialNumber}`)
  const single = basic.tbsResponseData.responses.find(
    (r) => bigintOf(r.certID.serialNumber) === serial,
  )
  if (single === undefined) throw new Error('no response matching the supplied certificate')
  const id = single.certID
  const hashName = HASH_BY_OID[id.hashAlgorithm.algorithmId]
  if (hashName !== undefined) {
    const h = (b: Uint8Array): Buffer => createHash(hashName).update(b).digest()
    if (
      !h(issuer.rawSubject).equals(Buffer.from(id.issuerNameHash.valueBlock.valueHexView)) ||
      !h(issuer.publicKeyBits).equals(Buffer.from(id.issuerKeyHash.valueBlock.valueHexView))
    ) {
      throw new Error('the OCSP response is for a certificate of another issuer')
    }
  }
  const now = options.now.getTime()
  // An Invalid Date compares false with everything, so a malformed time would never expire.
  for (const t of [single.thisUpdate, single.nextUpdate, basic.tbsResponseData.producedAt]) {
    if (t !== undefined && !Number.isFinite(t.getTime())) throw new Error('malformed OCSP time')
  }
  if (single.nextUpdate === undefined || now > single.nextUpdate.getTime()) {
    throw new Error('expired OCSP response')
  }
  if (single.thisUpdate.getTime() > now + OCSP_THIS_UPDATE_SKEW_MS) {
    throw new Error('OCSP response thisUpdate is in the future')
  }
  const statusBlock = single.certStatus as asn1js.AsnType
  const tag = statusBlock.idBlock.tagNumber
  if (tag === 0) return { result: 'ok' }
  if (tag === 1) {
    const signingTime = options.authenticSigningTime
    if (signingTime !== undefined) {
      const invalidity = invalidityDate(single.singleExtensions)
      if (invalidity !== undefined && signingTime.getTime() < invalidity.getTime())
        return { result: 'ok' }
    }
    return { result: 'revoked', error: 'certificate is revoked via OCSP' }
  }
  throw new OcspUnknownStatus('certificate has unknown status via OCSP')
}

/**
 * RFC 6960 §4.2.2.2: a delegated responder is authorised only through its certificate, so the
 * certificate must be valid (RFC 5280 §4.1.2.5) when it signed: at producedAt, which RFC 6960
 * §4.2.2.1 defines as the time the responder signed the response. Not thisUpdate: that is when
 * the status was known to be correct, and a pre-produced response may carry a thisUpdate from
 * before the responder's current certificate was issued. The certificate must also still be
 * valid at the verification time, since producedAt is written by whoever holds the key, and the
 * key of an expired responder certificate is no longer vouched for by the CA. notation-core-go
 * (via x/crypto/ocsp ParseResponseForCert) checks neither; we follow the RFC.
 */
function checkResponderValidity(responder: CertificateInfo, producedAt: Date, now: Date): void {
  const valid = (t: number): boolean =>
    t >= responder.notBefore.getTime() && t <= responder.notAfter.getTime()
  const window = `${responder.notBefore.toISOString()} to ${responder.notAfter.toISOString()}`
  if (!valid(producedAt.getTime())) {
    throw new Error(
      `the delegated OCSP responder certificate was not valid when it signed the response (producedAt ${producedAt.toISOString()}, valid ${window})`,
    )
  }
  if (!valid(now.getTime())) {
    throw new Error(
      `the delegated OCSP responder certificate is not valid at ${now.toISOString()} (valid ${window})`,
    )
  }
}

function invalidityDate(extensions: readonly pkijs.Extension[] | undefined): Date | undefined {
  const ext = extensions?.find((e) => e.extnID === OID.invalidityDate)
  if (ext === undefined) return undefined
  const parsed = asn1js.fromBER(extensionValue(ext)).result
  return parsed instanceof asn1js.GeneralizedTime ? parsed.toDate() : undefined
}

// ---------------------------------------------------------------------------------------------
// CRL

interface CrlExtension {
  id: string
  critical: boolean
  value: Uint8Array
}

interface CrlEntry {
  serial: bigint
  revocationDate: Date
  extensions: CrlExtension[]
}

/**
 * A CRL as Go's x509.ParseRevocationList reads it. Parsed here with asn1js rather than pkijs,
 * which refuses CRLs whose entries carry an empty extension list (Go accepts them).
 */
interface ParsedCrl {
  tbs: Uint8Array
  signatureAlgorithm: pkijs.AlgorithmIdentifier
  signature: Uint8Array
  thisUpdate: Date
  nextUpdate?: Date
  entries: CrlEntry[]
  extensions: CrlExtension[]
  number?: bigint
}

function asnTime(block: asn1js.AsnType | undefined): Date | undefined {
  if (!(block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime))
    return undefined
  const date = block.toDate()
  // An Invalid Date compares false with everything: a CRL would never expire. Fail closed.
  if (!Number.isFinite(date.getTime())) throw new Error('malformed CRL time')
  return date
}

function parseExtensions(block: asn1js.AsnType | undefined, what: string): CrlExtension[] {
  if (!(block instanceof asn1js.Sequence)) throw new Error(`${what} is not a SEQUENCE`)
  return block.valueBlock.value.map((ext) => {
    const parts = ext instanceof asn1js.Sequence ? ext.valueBlock.value : []
    const [id, second, third] = parts
    const critical = second instanceof asn1js.Boolean ? second.getValue() : false
    const value = second instanceof asn1js.Boolean ? third : second
    if (!(id instanceof asn1js.ObjectIdentifier) || !(value instanceof asn1js.OctetString)) {
      throw new Error(`${what}: malformed extension`)
    }
    return { id: id.valueBlock.toString(), critical, value: value.valueBlock.valueHexView }
  })
}

function parseCrl(bytes: Uint8Array): ParsedCrl {
  const top = asn1js.fromBER(bytes)
  if (top.offset !== bytes.length || !(top.result instanceof asn1js.Sequence)) {
    throw new Error('not a DER CertificateList')
  }
  const [tbsBlock, algBlock, sigBlock] = top.result.valueBlock.value
  if (
    !(tbsBlock instanceof asn1js.Sequence) ||
    !(sigBlock instanceof asn1js.BitString) ||
    !algBlock
  ) {
    throw new Error('malformed CertificateList')
  }
  const tbs = tbsBlock.valueBlock.value
  let i = 0
  if (tbs[i] instanceof asn1js.Integer) i++ // version
  i++ // signature AlgorithmIdentifier
  i++ // issuer Name
  const thisUpdate = asnTime(tbs[i++])
  if (thisUpdate === undefined) throw new Error('malformed CRL thisUpdate')
  const nextUpdate = asnTime(tbs[i])
  if (nextUpdate !== undefined) i++
  const entries: CrlEntry[] = []
  const revoked = tbs[i]
  if (revoked instanceof asn1js.Sequence) {
    i++
    for (const entry of revoked.valueBlock.value) {
      const parts = entry instanceof asn1js.Sequence ? entry.valueBlock.value : []
      const [serial, date, exts] = parts
      const revocationDate = asnTime(date)
      if (!(serial instanceof asn1js.Integer) || revocationDate === undefined) {
        throw new Error('malformed CRL entry')
      }
      entries.push({
        serial: bigintOf(serial),
        revocationDate,
        extensions: exts === undefined ? [] : parseExtensions(exts, 'CRL entry extensions'),
      })
    }
  }
  let extensions: CrlExtension[] = []
  const explicit = tbs[i]
  if (
    explicit !== undefined &&
    explicit.idBlock.tagClass === 3 &&
    explicit.idBlock.tagNumber === 0
  ) {
    extensions = parseExtensions(
      (explicit as asn1js.Constructed).valueBlock.value[0],
      'CRL extensions',
    )
    i++
  }
  if (i !== tbs.length) throw new Error('malformed TBSCertList: unexpected fields')
  const numberExt = extensions.find((e) => e.id === OID.crlNumber)
  const number = numberExt ? asn1js.fromBER(numberExt.value).result : undefined
  return {
    tbs: tbsBlock.valueBeforeDecodeView,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ schema: algBlock }),
    signature: sigBlock.valueBlock.valueHexView,
    thisUpdate,
    ...(nextUpdate ? { nextUpdate } : {}),
    entries,
    extensions,
    ...(number instanceof asn1js.Integer ? { number: bigintOf(number) } : {}),
  }
}

function validateCrl(crl: ParsedCrl, issuer: CertificateInfo, now: Date): void {
  const signerProblem = crlSignerProblem(issuer)
  if (signerProblem !== undefined) throw new Error(signerProblem)
  if (!verifySigned(crl.tbs, crl.signatureAlgorithm, crl.signature, issuer.publicKey)) {
    throw new Error(`CRL is not signed by CA ${issuer.subject}`)
  }
  if (crl.nextUpdate === undefined) throw new Error('CRL NextUpdate is not set')
  if (now.getTime() > crl.nextUpdate.getTime()) {
    throw new Error(
      `expired CRL. Current time ${now.toISOString()} is after CRL NextUpdate ${crl.nextUpdate.toISOString()}`,
    )
  }
  for (const ext of crl.extensions) {
    if (ext.id === OID.issuingDistributionPoint || ext.id === OID.deltaCrlIndicator) continue
    if (ext.critical) throw new Error(`unsupported critical extension found in CRL: ${ext.id}`)
  }
}

function reasonCode(entry: CrlEntry): number | undefined {
  const ext = entry.extensions.find((e) => e.id === OID.crlReason)
  if (ext === undefined) return undefined
  const parsed = asn1js.fromBER(ext.value).result
  return parsed instanceof asn1js.Enumerated ? parsed.valueBlock.valueDec : undefined
}

function entryInvalidityDate(entry: CrlEntry): Date | undefined {
  const ext = entry.extensions.find((e) => e.id === OID.invalidityDate)
  if (ext === undefined) return undefined
  const parsed = asn1js.fromBER(ext.value).result
  if (!(parsed instanceof asn1js.GeneralizedTime)) {
    throw new Error('failed to parse invalidity date')
  }
  return parsed.toDate()
}

/** notation-core-go `checkRevocation` over the base and delta CRL entries. */
function crlStatus(
  cert: CertificateInfo,
  crls: readonly ParsedCrl[],
  signingTime: Date | undefined,
): 'ok' | 'revoked' {
  const serial = BigInt(`0x${cert.serialNumber}`)
  let latestTemporary: { reason: number; time: number } | undefined
  for (const crl of crls) {
    for (const entry of crl.entries) {
      if (entry.serial !== serial) continue
      for (const ext of entry.extensions) {
        if (ext.id !== OID.invalidityDate && ext.critical) {
          throw new Error(`unsupported critical extension found in CRL: ${ext.id}`)
        }
      }
      const invalidity = entryInvalidityDate(entry)
      if (
        signingTime !== undefined &&
        invalidity !== undefined &&
        signingTime.getTime() < invalidity.getTime()
      ) {
        return 'ok'
      }
      const reason = reasonCode(entry)
      if (reason === REASON_CERTIFICATE_HOLD || reason === REASON_REMOVE_FROM_CRL) {
        const time = entry.revocationDate.getTime()
        if (latestTemporary === undefined || latestTemporary.time < time)
          latestTemporary = { reason, time }
      } else {
        return 'revoked'
      }
    }
  }
  return latestTemporary?.reason === REASON_CERTIFICATE_HOLD ? 'revoked' : 'ok'
}

// ---------------------------------------------------------------------------------------------
// The real checker (the final result, notation-go revocationFinalResult, is in revocation-port.ts)

function httpOnly(url: string): string | undefined {
  try {
    const u = new URL(url)
    return u.protocol === 'http:'
      ? undefined
      : `${u.protocol.replace(/:$/, '')} is not supported; only http`
  } catch {
    return 'invalid URL'
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

export interface RevocationCheckerOptions {
  transport: Transport
  ocspTimeoutMs?: number
  crlTimeoutMs?: number
  logger?: Logger
}

/** The real checker: OCSP and CRL over the Transport (the only network access it makes). */
export function createRevocationChecker(opts: RevocationCheckerOptions): RevocationChecker {
  const ocspTimeoutMs = opts.ocspTimeoutMs ?? OCSP_TIMEOUT_MS
  const crlTimeoutMs = opts.crlTimeoutMs ?? CRL_TIMEOUT_MS

  // A run verifies many images signed with one chain: each CRL and each OCSP answer is fetched
  // once per checker (requests carry no nonce, so they are identical), concurrent checks share
  // the request in flight. Only 200 responses are kept; a failure is fetched again next time.
  // What is kept is the response, not a verdict: every check still validates it at its own time.
  const responses = new Map<string, Promise<HttpResponse>>()
  function requestShared(req: HttpRequest): Promise<HttpResponse> {
    const body = req.body === undefined ? '' : Buffer.from(req.body).toString('base64')
    const key = `${req.method} ${String(req.url)} ${body}`
    let pending = responses.get(key)
    if (pending === undefined) {
      pending = opts.transport.request(req).then(
        (res) => {
          if (res.status !== 200) responses.delete(key)
          return res
        },
        (err: unknown) => {
          responses.delete(key)
          throw err
        },
      )
      responses.set(key, pending)
    }
    return pending
  }
  // A shared response is one object: its CRL is parsed once (a CRL can be megabytes), and each
  // check still validates the parsed CRL at its own time.
  const parsedCrls = new WeakMap<HttpResponse, ParsedCrl>()

  /** One OCSP server; `definitive` when it gave a real answer (good, revoked or unknown status). */
  async function ocspFromServer(
    server: string,
    cert: CertificateInfo,
    issuer: CertificateInfo,
    options: RevocationCheckOptions,
  ): Promise<{ result: ServerResult; definitive: boolean }> {
    const base = { url: server, method: 'ocsp' as const }
    const schemeProblem = httpOnly(server)
    if (schemeProblem !== undefined) {
      return {
        result: { ...base, result: 'unknown', error: `OCSPServer protocol ${schemeProblem}` },
        definitive: false,
      }
    }
    try {
      const request = createOcspRequest(cert, issuer)
      const getUrl = ocspGetUrl(server, request)
      const common = { timeoutMs: ocspTimeoutMs, maxBytes: OCSP_MAX_RESPONSE_BYTES, retry: false }
      const res =
        getUrl !== undefined
          ? await requestShared({ method: 'GET', url: getUrl, ...common })
          : await requestShared({
              method: 'POST',
              url: server,
              body: request,
              headers: { 'content-type': 'application/ocsp-request' },
              ...common,
            })
      if (res.status !== 200) {
        throw new Error(`failed to retrieve OCSP: response had status code ${res.status}`)
      }
      const answer = evaluateOcspResponse(res.body, cert, issuer, options)
      return {
        result: {
          ...base,
          result: answer.result,
          ...(answer.error ? { error: answer.error } : {}),
        },
        definitive: true,
      }
    } catch (err) {
      return {
        result: { ...base, result: 'unknown', error: message(err) },
        definitive: err instanceof OcspUnknownStatus,
      }
    }
  }

  async function ocspCheck(
    cert: CertificateInfo,
    issuer: CertificateInfo,
    urls: readonly string[],
    options: RevocationCheckOptions,
  ): Promise<CertRevocationResult> {
    const servers: ServerResult[] = []
    for (const url of urls) {
      const { result, definitive } = await ocspFromServer(url, cert, issuer, options)
      // A real answer decides alone; errors from other servers do not matter then.
      if (definitive) return { result: result.result, method: 'ocsp', servers: [result] }
      servers.push(result)
    }
    return { result: servers[servers.length - 1]?.result ?? 'unknown', method: 'ocsp', servers }
  }

  async function fetchCrl(url: string): Promise<ParsedCrl> {
    const schemeProblem = httpOnly(url)
    if (schemeProblem !== undefined) throw new Error(`unsupported scheme: ${schemeProblem}`)
    const res = await requestShared({
      method: 'GET',
      url,
      timeoutMs: crlTimeoutMs,
      maxBytes: CRL_MAX_BYTES,
      retry: false,
    })
    if (res.status !== 200) throw new Error(`failed to download with status code: ${res.status}`)
    const known = parsedCrls.get(res)
    if (known !== undefined) return known
    let crl: ParsedCrl
    try {
      crl = parseCrl(res.body)
    } catch (err) {
      throw new Error(`failed to parse CRL: ${message(err)}`)
    }
    parsedCrls.set(res, crl)
    return crl
  }

  /** Base CRL plus the delta CRL its freshestCRL names, if any. */
  async function fetchBundle(url: string): Promise<{ base: ParsedCrl; delta?: ParsedCrl }> {
    const base = await fetchCrl(url)
    const freshest = base.extensions.find((e) => e.id === OID.freshestCrl)
    if (freshest === undefined) return { base }
    const deltaUrls = distributionPointUris(freshest.value)
    let lastError: unknown
    for (const deltaUrl of deltaUrls) {
      try {
        return { base, delta: await fetchCrl(deltaUrl) }
      } catch (err) {
        lastError = err
      }
    }
    if (deltaUrls.length === 0) return { base }
    throw new Error(`failed to retrieve the delta CRL: ${message(lastError)}`)
  }

  async function crlCheck(
    cert: CertificateInfo,
    issuer: CertificateInfo,
    endpoints: RevocationEndpoints,
    options: RevocationCheckOptions,
  ): Promise<CertRevocationResult> {
    const servers: ServerResult[] = []
    for (const url of endpoints.crl) {
      try {
        let bundle: { base: ParsedCrl; delta?: ParsedCrl }
        try {
          bundle = await fetchBundle(url)
        } catch (err) {
          throw new Error(`failed to download CRL from ${url}: ${message(err)}`)
        }
        if (endpoints.hasFreshestCrl && bundle.delta === undefined) {
          throw new Error('freshest CRL from certificate extension is not supported')
        }
        try {
          validateCrl(bundle.base, issuer, options.now)
          if (bundle.delta !== undefined) {
            validateCrl(bundle.delta, issuer, options.now)
            const baseNumber = bundle.base.number ?? 0n
            const deltaNumber = bundle.delta.number ?? 0n
            if (deltaNumber <= baseNumber) {
              throw new Error(
                `delta CRL number ${deltaNumber} is not greater than the base CRL number ${baseNumber}`,
              )
            }
            const indicator = bundle.delta.extensions.find((e) => e.id === OID.deltaCrlIndicator)
            if (indicator === undefined) {
              throw new Error('delta CRL indicator extension is not found')
            }
            const minBase = asn1js.fromBER(indicator.value).result
            if (!(minBase instanceof asn1js.Integer) || bigintOf(minBase) > baseNumber) {
              throw new Error(
                'delta CRL indicator is not less than or equal to the base CRL number',
              )
            }
          }
        } catch (err) {
          throw new Error(`failed to validate CRL from ${url}: ${message(err)}`)
        }
        const crls = bundle.delta ? [bundle.base, bundle.delta] : [bundle.base]
        let status: 'ok' | 'revoked'
        try {
          status = crlStatus(cert, crls, options.authenticSigningTime)
        } catch (err) {
          throw new Error(`failed to check revocation status from ${url}: ${message(err)}`)
        }
        if (status === 'revoked') {
          return {
            result: 'revoked',
            method: 'crl',
            servers: [{ url, method: 'crl', result: 'revoked' }],
          }
        }
        servers.push({ url, method: 'crl', result: 'ok' })
      } catch (err) {
        return {
          result: 'unknown',
          method: 'crl',
          servers: [{ url, method: 'crl', result: 'unknown', error: message(err) }],
        }
      }
    }
    return { result: 'ok', method: 'crl', servers }
  }

  async function checkOne(
    cert: CertificateInfo,
    issuer: CertificateInfo,
    options: RevocationCheckOptions,
  ): Promise<CertRevocationResult> {
    const endpoints = revocationEndpoints(cert)
    if (endpoints.ocsp.length > 0) {
      const ocsp = await ocspCheck(cert, issuer, endpoints.ocsp, options)
      if (ocsp.result === 'unknown' && endpoints.crl.length > 0) {
        const crl = await crlCheck(cert, issuer, endpoints, options)
        return {
          result: crl.result,
          method: 'ocspFallbackCrl',
          servers: [...ocsp.servers, ...crl.servers],
        }
      }
      return ocsp
    }
    if (endpoints.crl.length > 0) return crlCheck(cert, issuer, endpoints, options)
    return NON_REVOCABLE
  }

  return {
    async check(chain, options) {
      if (chain.length === 0) throw new Error('chain does not contain any certificates')
      const certs = chain.map((der) => parseCertificate(der))
      const results = await Promise.all(
        certs.map((cert, i) =>
          i === certs.length - 1
            ? Promise.resolve(NON_REVOCABLE)
            : checkOne(cert, certs[i + 1] as CertificateInfo, options).catch(
                (err): CertRevocationResult => ({
                  result: 'unknown',
                  method: 'none',
                  servers: [{ url: '', method: 'ocsp', result: 'unknown', error: message(err) }],
                }),
              ),
        ),
      )
      for (const [i, r] of results.entries()) {
        opts.logger?.debug(
          `revocation (${options.purpose}) certificate #${i + 1}: ${r.result} via ${r.method}`,
        )
      }
      return results
    },
  }
}

/**
 * A checker that makes no network access but is called like the real one (tests, library
 * callers). A certificate that names no OCSP or CRL endpoint is non-revocable (as notation would
 * find); one that does is "unknown" (its status cannot be learnt offline), which then follows the
 * policy's revocation action.
 */
export const noRevocationChecker: RevocationChecker = {
  async check(chain) {
    return chain.map((der, i) => {
      if (i === chain.length - 1) return NON_REVOCABLE
      const e = revocationEndpoints(parseCertificate(der))
      if (e.ocsp.length === 0 && e.crl.length === 0) return NON_REVOCABLE
      return {
        result: 'unknown',
        method: 'none',
        servers: [
          {
            url: [...e.ocsp, ...e.crl][0] ?? '',
            method: e.ocsp.length > 0 ? 'ocsp' : 'crl',
            result: 'unknown',
            error: 'revocation checking is disabled (offline)',
          },
        ],
      } satisfies CertRevocationResult
    })
  },
}
