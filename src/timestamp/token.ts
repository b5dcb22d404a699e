/**
 * RFC 3161 response and token parsing (pure, no verification):
 *
 * - `parseTimestampResponse`: TimeStampResp → PKIStatusInfo and the TimeStampToken's bytes exactly
 *   as they came (what notation embeds in `io.cncf.notary.timestampSignature`);
 * - `timestampTokenFromResponse`: the token of a granted response, else a TSA_STATUS error;
 * - `parseTimestampToken`: ContentInfo → SignedData (version 3) with eContentType id-ct-TSTInfo,
 *   its certificates (DER, as encoded) and SignerInfos (with the raw signed attributes);
 * - `parseTstInfo`: TSTInfo, version 1 and a SHA-256/384/512 imprint only.
 *
 * BER is accepted (tspclient-go converts BER to DER first). Messages follow tspclient-go's.
 */
import * as asn1js from 'asn1js'
import type { HashAlgorithm } from '../signer/signer.js'
import {
  Asn1ShapeError,
  asn1FailureText,
  OID,
  algorithmIdentifier,
  boolean,
  children,
  generalizedTime,
  hashFromOid,
  implicitInteger,
  integer,
  isContext,
  isUniversal,
  octets,
  oid,
  parseOne,
  rawOf,
  sequence,
  set,
  smallInteger,
  type AlgorithmIdentifier,
} from './der.js'
import { TimestampError } from './errors.js'
import { splitCertificates } from './token-split.js'

// ---------------------------------------------------------------------------------------------
// TimeStampResp

/** PKIStatus values (RFC 3161 §2.4.2, RFC 4210). */
export const PKI_STATUS_TEXT: Readonly<Record<number, string>> = {
  0: 'granted',
  1: 'granted with modifications',
  2: 'rejected',
  3: 'the request body part has not yet been processed, expect to hear more later',
  4: 'warning: a revocation is imminent',
  5: 'a revocation has occurred',
}

/** PKIFailureInfo bits RFC 3161 defines, with tspclient-go's wording. */
export const PKI_FAILURE_INFO: Readonly<Record<number, string>> = {
  0: 'unrecognized or unsupported Algorithm Identifier',
  2: 'transaction not permitted or supported',
  5: 'the data submitted has the wrong format',
  14: "the TSA's time source is not available",
  15: 'the requested TSA policy is not supported by the TSA',
  16: 'the requested extension is not supported by the TSA',
  17: 'the additional information requested could not be understood or is not available',
  25: 'the request cannot be handled due to system failure',
}

export interface TimestampResponse {
  /** PKIStatus: 0 granted, 1 grantedWithMods, 2 rejection, ... */
  status: number
  /** PKIFreeText strings from the TSA (untrusted text). */
  statusStrings: string[]
  /** Set PKIFailureInfo bit numbers. */
  failInfo: number[]
  /** The TimeStampToken (ContentInfo) bytes exactly as they were in the response. */
  token?: Uint8Array
}

function invalid(message: string, cause?: unknown): TimestampError {
  return new TimestampError(
    'TSA_RESPONSE_INVALID',
    message,
    cause === undefined ? undefined : { cause },
  )
}

function wrapShape<T>(what: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof TimestampError) throw err
    throw invalid(`${what}: ${asn1FailureText(err)}`, err)
  }
}

function freeText(block: asn1js.AsnType): string {
  if (!(block instanceof asn1js.Utf8String))
    throw new Asn1ShapeError('PKIFreeText entry is not a UTF8String')
  return block.valueBlock.value
}

/** Parses a DER/BER TimeStampResp. Throws TSA_RESPONSE_INVALID when it is not one. */
export function parseTimestampResponse(der: Uint8Array): TimestampResponse {
  return wrapShape('invalid timestamping response', () => {
    const top = sequence(parseOne(der, 'TimeStampResp'), 'TimeStampResp')
    if (top.length < 1 || top.length > 2) {
      throw new Asn1ShapeError(`TimeStampResp has ${top.length} fields, expected 1 or 2`)
    }
    const statusInfo = sequence(top[0], 'PKIStatusInfo')
    const status = smallInteger(statusInfo[0], 'PKIStatus')
    let statusStrings: string[] = []
    const failInfo: number[] = []
    for (const field of statusInfo.slice(1)) {
      if (field instanceof asn1js.Sequence) {
        statusStrings = field.valueBlock.value.map(freeText)
      } else if (field instanceof asn1js.BitString) {
        const bytes = field.valueBlock.valueHexView
        const unused = field.valueBlock.unusedBits
        const bits = bytes.length * 8 - unused
        for (let i = 0; i < bits; i++) {
          if ((((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) === 1) failInfo.push(i)
        }
      } else {
        throw new Asn1ShapeError('PKIStatusInfo has an unexpected field')
      }
    }
    const token = top[1] === undefined ? undefined : rawOf(top[1])
    return { status, statusStrings, failInfo, ...(token ? { token } : {}) }
  })
}

/** Control characters and overlong text from a TSA never reach logs or messages. */
function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean
}

/** The error tspclient-go reports for a non-granted status, plus the TSA's own status text. */
export function statusError(resp: TimestampResponse): TimestampError {
  const statusName = PKI_STATUS_TEXT[resp.status] ?? `unknown PKIStatus ${resp.status}`
  let message = `invalid response with status code ${resp.status}: ${statusName}`
  const failures = resp.failInfo.map(
    (bit) => PKI_FAILURE_INFO[bit] ?? `unknown PKIFailureInfo ${bit}`,
  )
  if (failures.length > 0) message += `. Failure info: ${failures.join('; ')}`
  if (resp.statusStrings.length > 0) {
    message += ` (TSA status text: "${sanitize(resp.statusStrings.join('; '))}")`
  }
  return new TimestampError('TSA_STATUS', message)
}

/**
 * The TimeStampToken of a response: its status must be granted (0) or grantedWithMods (1), else
 * TSA_STATUS; a granted response without a token is TSA_RESPONSE_INVALID.
 */
export function timestampTokenFromResponse(der: Uint8Array): Uint8Array {
  const resp = parseTimestampResponse(der)
  if (resp.status !== 0 && resp.status !== 1) throw statusError(resp)
  if (resp.token === undefined) {
    throw invalid(
      'invalid timestamping response: status is granted but no TimeStampToken is present',
    )
  }
  return resp.token
}

// ---------------------------------------------------------------------------------------------
// TimeStampToken (CMS SignedData)

export interface Attribute {
  type: string
  /** DER/BER of each value in the attribute's SET. */
  values: Uint8Array[]
}

export type SignerIdentifier =
  | { kind: 'issuerAndSerialNumber'; issuer: Uint8Array; serialNumber: bigint }
  | { kind: 'subjectKeyIdentifier'; keyIdentifier: Uint8Array }

export interface SignerInfo {
  version: number
  sid: SignerIdentifier
  digestAlgorithm: AlgorithmIdentifier
  /** Signed attributes, in order, when present. */
  signedAttributes?: Attribute[]
  /** The bytes the signature covers: the signed attributes re-tagged as a SET OF (RFC 5652 §5.4). */
  signedAttributesDer?: Uint8Array
  signatureAlgorithm: AlgorithmIdentifier
  signature: Uint8Array
}

export interface TimestampToken {
  /** The token as given. */
  der: Uint8Array
  signedDataVersion: number
  eContentType: string
  /** The encapsulated TSTInfo bytes (what messageDigest covers). */
  eContent: Uint8Array
  /** Certificates from SignedData.certificates, DER as encoded, in order. */
  certificates: Uint8Array[]
  signerInfos: SignerInfo[]
}

function attributes(block: asn1js.AsnType, what: string): Attribute[] {
  return children(block, what).map((attr, i) => {
    const parts = sequence(attr, `${what} attribute ${i}`)
    if (parts.length !== 2) throw new Asn1ShapeError(`${what} attribute ${i} is not {type, values}`)
    return {
      type: oid(parts[0], `${what} attribute ${i} type`),
      values: set(parts[1], `${what} attribute ${i} values`).map(rawOf),
    }
  })
}

/** The signed attributes as the SET OF the signature covers: [0] IMPLICIT → universal SET. */
function signedAttributesAsSet(block: asn1js.AsnType): Uint8Array {
  if (!block.lenBlock.isIndefiniteForm) {
    const raw = rawOf(block)
    const out = new Uint8Array(raw)
    out[0] = 0x31
    return out
  }
  // BER indefinite length: re-encode the attributes as a definite-length SET.
  const items = children(block, 'signedAttrs')
  return new Uint8Array(new asn1js.Set({ value: items }).toBER())
}

function signerInfo(block: asn1js.AsnType, index: number): SignerInfo {
  const what = `signerInfo ${index}`
  const parts = sequence(block, what)
  let i = 0
  const version = smallInteger(parts[i++], `${what} version`)
  const sidBlock = parts[i++]
  let sid: SignerIdentifier
  if (sidBlock instanceof asn1js.Sequence) {
    const ias = sidBlock.valueBlock.value
    const issuer = ias[0]
    if (ias.length !== 2 || !(issuer instanceof asn1js.Sequence)) {
      throw new Asn1ShapeError(`${what} issuerAndSerialNumber is malformed`)
    }
    sid = {
      kind: 'issuerAndSerialNumber',
      issuer: rawOf(issuer),
      serialNumber: integer(ias[1], `${what} serialNumber`),
    }
  } else if (sidBlock !== undefined && isContext(sidBlock, 0) && !sidBlock.idBlock.isConstructed) {
    sid = {
      kind: 'subjectKeyIdentifier',
      keyIdentifier: new Uint8Array(
        (sidBlock.valueBlock as { valueHexView?: Uint8Array }).valueHexView ?? new Uint8Array(0),
      ),
    }
  } else {
    throw new Asn1ShapeError(`${what} has an invalid signer identifier`)
  }
  const digestAlgorithm = algorithmIdentifier(parts[i++], `${what} digestAlgorithm`)
  let signedAttributes: Attribute[] | undefined
  let signedAttributesDer: Uint8Array | undefined
  const maybeAttrs = parts[i]
  if (maybeAttrs !== undefined && isContext(maybeAttrs, 0)) {
    signedAttributes = attributes(maybeAttrs, `${what} signedAttrs`)
    signedAttributesDer = signedAttributesAsSet(maybeAttrs)
    i++
  }
  const signatureAlgorithm = algorithmIdentifier(parts[i++], `${what} signatureAlgorithm`)
  const signature = octets(parts[i++], `${what} signature`)
  if (parts[i] !== undefined && isContext(parts[i], 1)) i++
  if (i !== parts.length) throw new Asn1ShapeError(`${what} has unexpected trailing fields`)
  return {
    version,
    sid,
    digestAlgorithm,
    ...(signedAttributes ? { signedAttributes, signedAttributesDer } : {}),
    signatureAlgorithm,
    signature,
  }
}

/**
 * Parses a TimeStampToken (ContentInfo with SignedData). Throws TSA_RESPONSE_INVALID for anything
 * that is not SignedData v3 with an id-ct-TSTInfo eContent; the message names the content type.
 */
export function parseTimestampToken(der: Uint8Array): TimestampToken {
  // The certificates' bytes are taken out first, so asn1js does not build their trees (see
  // token-split.ts); a token it does not recognise is parsed whole, with the same errors.
  const split = splitCertificates(der)
  const token = wrapShape('cms: syntax error: invalid signed data', () => {
    const contentInfo = sequence(parseOne(split?.reduced ?? der, 'ContentInfo'), 'ContentInfo')
    const contentType = oid(contentInfo[0], 'ContentInfo contentType')
    if (contentType !== OID.signedData) {
      throw invalid(`cms: content type is not signed-data: got ${contentType}`)
    }
    const explicit = contentInfo[1]
    if (contentInfo.length !== 2 || explicit === undefined || !isContext(explicit, 0)) {
      throw new Asn1ShapeError('ContentInfo content is not [0] EXPLICIT')
    }
    const [sdBlock] = children(explicit, 'ContentInfo content')
    const sd = sequence(sdBlock, 'SignedData')
    let i = 0
    const version = smallInteger(sd[i++], 'SignedData version')
    if (version !== 3) {
      throw invalid(`cms: syntax error: unsupported signed data version: got ${version}, want 3`)
    }
    set(sd[i++], 'SignedData digestAlgorithms')
    const encap = sequence(sd[i++], 'encapContentInfo')
    const eContentType = oid(encap[0], 'eContentType')
    let eContent: Uint8Array = new Uint8Array(0)
    const wrapped = encap[1]
    if (wrapped !== undefined) {
      if (!isContext(wrapped, 0)) throw new Asn1ShapeError('eContent is not [0] EXPLICIT')
      const [inner] = children(wrapped, 'eContent')
      eContent = octets(inner, 'eContent')
    }
    const certificates: Uint8Array[] = []
    if (sd[i] !== undefined && isContext(sd[i], 0)) {
      if (split !== undefined) certificates.push(...split.certificates)
      for (const cert of children(sd[i] as asn1js.AsnType, 'certificates')) {
        if (!(cert instanceof asn1js.Sequence)) {
          throw invalid(
            'cms: syntax error: failed to parse X.509 certificates from signed data. Only X.509 certificates are supported',
          )
        }
        certificates.push(rawOf(cert))
      }
      i++
    }
    if (sd[i] !== undefined && isContext(sd[i], 1)) i++ // crls: not used
    const signerInfos = set(sd[i++], 'SignedData signerInfos').map(signerInfo)
    if (i !== sd.length) throw new Asn1ShapeError('SignedData has unexpected trailing fields')
    return { der, signedDataVersion: version, eContentType, eContent, certificates, signerInfos }
  })
  if (token.eContentType !== OID.tstInfo) {
    throw invalid(
      `unexpected content type: ${token.eContentType}. Expected to be id-ct-TSTInfo (${OID.tstInfo})`,
    )
  }
  return token
}

// ---------------------------------------------------------------------------------------------
// TSTInfo

export interface Accuracy {
  seconds: number
  millis: number
  micros: number
}

export interface TstInfo {
  version: number
  /** TSA policy OID. */
  policy: string
  hashAlgorithm: HashAlgorithm
  hashedMessage: Uint8Array
  serialNumber: bigint
  genTime: Date
  /** genTime as encoded, e.g. `20210917140910Z`. */
  genTimeText: string
  /** genTime ended in `Z`. */
  genTimeUtc: boolean
  /** Absent parts are 0. */
  accuracy: Accuracy
  ordering: boolean
  nonce?: bigint
}

function accuracy(block: asn1js.AsnType): Accuracy {
  const result: Accuracy = { seconds: 0, millis: 0, micros: 0 }
  for (const part of sequence(block, 'accuracy')) {
    if (part instanceof asn1js.Integer) result.seconds = smallInteger(part, 'accuracy seconds')
    else if (isContext(part, 0)) result.millis = implicitInteger(part, 'accuracy millis')
    else if (isContext(part, 1)) result.micros = implicitInteger(part, 'accuracy micros')
    else throw new Asn1ShapeError('accuracy has an unexpected field')
  }
  return result
}

/**
 * Parses the TSTInfo of a token and checks what tspclient-go's `TSTInfo.validate` checks before
 * the imprint: version 1 and a SHA-256/384/512 hash. Errors are TSA_RESPONSE_INVALID.
 */
export function parseTstInfo(eContent: Uint8Array): TstInfo {
  const info = wrapShape('cannot unmarshal TSTInfo from timestamp token', () => {
    const parts = sequence(parseOne(eContent, 'TSTInfo'), 'TSTInfo')
    let i = 0
    const version = smallInteger(parts[i++], 'TSTInfo version')
    const policy = oid(parts[i++], 'TSTInfo policy')
    const imprint = sequence(parts[i++], 'TSTInfo messageImprint')
    if (imprint.length !== 2)
      throw new Asn1ShapeError('messageImprint is not {hashAlgorithm, hashedMessage}')
    const hashAlgorithmOid = algorithmIdentifier(imprint[0], 'messageImprint hashAlgorithm').oid
    const hashedMessage = octets(imprint[1], 'messageImprint hashedMessage')
    const serialNumber = integer(parts[i++], 'TSTInfo serialNumber')
    const genTime = generalizedTime(parts[i++], 'TSTInfo genTime')
    let acc: Accuracy = { seconds: 0, millis: 0, micros: 0 }
    if (parts[i] instanceof asn1js.Sequence) acc = accuracy(parts[i++] as asn1js.AsnType)
    let ordering = false
    if (isUniversal(parts[i], 1)) ordering = boolean(parts[i++], 'TSTInfo ordering')
    let nonce: bigint | undefined
    if (parts[i] instanceof asn1js.Integer) nonce = integer(parts[i++], 'TSTInfo nonce')
    if (isContext(parts[i], 0)) i++ // tsa name
    if (isContext(parts[i], 1)) i++ // extensions
    if (i !== parts.length) throw new Asn1ShapeError('TSTInfo has unexpected trailing fields')
    return {
      version,
      policy,
      hashAlgorithmOid,
      hashedMessage,
      serialNumber,
      genTime,
      accuracy: acc,
      ordering,
      nonce,
    }
  })
  if (info.version !== 1) {
    throw invalid(
      `invalid TSTInfo: timestamp token info version must be 1, but got ${info.version}`,
    )
  }
  const hashAlgorithm = hashFromOid(info.hashAlgorithmOid)
  if (hashAlgorithm === undefined) {
    throw invalid(`invalid TSTInfo: unrecognized hash algorithm: ${info.hashAlgorithmOid}`)
  }
  return {
    version: info.version,
    policy: info.policy,
    hashAlgorithm,
    hashedMessage: info.hashedMessage,
    serialNumber: info.serialNumber,
    genTime: info.genTime.date,
    genTimeText: info.genTime.text,
    genTimeUtc: info.genTime.utc,
    accuracy: info.accuracy,
    ordering: info.ordering,
    ...(info.nonce !== undefined ? { nonce: info.nonce } : {}),
  }
}

/**
 * Accuracy in milliseconds per notary-spec.md §4.3 step 4: the stated accuracy if any part is
 * non-zero, else 1 s under the RFC 3628 baseline policy, else 0.
 */
export function accuracyMs(info: Pick<TstInfo, 'accuracy' | 'policy'>): number {
  const { seconds, millis, micros } = info.accuracy
  if (seconds === 0 && millis === 0 && micros === 0) {
    return info.policy === OID.baselineTimestampPolicy ? 1000 : 0
  }
  return seconds * 1000 + millis + micros / 1000
}
