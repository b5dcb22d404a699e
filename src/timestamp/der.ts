/**
 * Small ASN.1 helpers over asn1js for the RFC 3161 / CMS structures: OIDs, strict shape checks
 * that throw a plain `Asn1ShapeError` (callers wrap it in a coded TimestampError), integer and
 * time decoding. Pure.
 */
import { createHash } from 'node:crypto'
import * as asn1js from 'asn1js'
import { ActionError } from '../errors.js'
import type { HashAlgorithm } from '../signer/signer.js'

export const OID = {
  // RFC 5652
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  // RFC 3161 / RFC 2634 / RFC 5035
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  // RFC 3628 baseline time-stamp policy
  baselineTimestampPolicy: '0.4.0.2023.1.1',
  // hashes (RFC 8017 B.1)
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  // signature algorithms
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  sha384WithRSA: '1.2.840.113549.1.1.12',
  sha512WithRSA: '1.2.840.113549.1.1.13',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  // RFC 5280
  extKeyUsage: '2.5.29.37',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const

const HASH_BY_OID: Readonly<Record<string, HashAlgorithm>> = {
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
}

const OID_BY_HASH: Readonly<Record<HashAlgorithm, string>> = {
  'SHA-256': OID.sha256,
  'SHA-384': OID.sha384,
  'SHA-512': OID.sha512,
}

/** The hash named by an OID, when it is SHA-256/384/512 (the only ones Notary accepts). */
export function hashFromOid(oid: string): HashAlgorithm | undefined {
  return Object.hasOwn(HASH_BY_OID, oid) ? HASH_BY_OID[oid] : undefined
}

export function oidOfHash(hash: HashAlgorithm): string {
  return OID_BY_HASH[hash]
}

/** node:crypto name of a hash. */
export function nodeHashName(hash: HashAlgorithm): 'sha256' | 'sha384' | 'sha512' {
  return hash === 'SHA-256' ? 'sha256' : hash === 'SHA-384' ? 'sha384' : 'sha512'
}

export function digest(hash: HashAlgorithm, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(nodeHashName(hash)).update(data).digest())
}

export function hashLength(hash: HashAlgorithm): number {
  return hash === 'SHA-256' ? 32 : hash === 'SHA-384' ? 48 : 64
}

/** A structural problem in ASN.1 input; always wrapped by the caller. */
export class Asn1ShapeError extends Error {
  override readonly name = 'Asn1ShapeError'
}

/**
 * The words for a parse failure inside a coded message: ours (Asn1ShapeError, coded errors) say
 * what is wrong; anything else is a library failing on malformed input (asn1js once threw
 * "Offset is outside the bounds of the DataView"), which means nothing to a user, so the
 * message names the rule instead (the error stays attached as the cause).
 */
export function asn1FailureText(err: unknown): string {
  if (err instanceof Asn1ShapeError || err instanceof ActionError) return err.message
  return 'not a valid DER encoding of the structure (RFC 3161 §2.4, RFC 5652 §5, X.690 DER)'
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b))
}

/** Nesting deeper than this is refused before asn1js recurses into it. */
const MAX_DER_DEPTH = 64

/** Universal types that DER encodes as primitives only (X.690 §10.2; BER allows constructed). */
const PRIMITIVE_ONLY_UNIVERSAL = new Set([
  1, 2, 3, 4, 5, 6, 10, 12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30,
])

/**
 * Checks that `bytes` is exactly one strict-DER element, before asn1js (a BER parser) reads it.
 * This matches what notation accepts: tspclient-go rejects indefinite lengths, children that
 * overrun their parent and trailing data in its BER pass (internal/encoding/asn1/ber), then
 * decodes with Go's encoding/asn1, which also refuses non-minimal lengths, non-minimal INTEGERs,
 * BOOLEANs other than 00/ff and constructed (BER chunked) strings. tspclient-go would normalise
 * a non-minimal length instead of refusing it; we refuse it, since we hash the bytes as they are
 * and a TSA's DER never has one.
 */
export function checkStrictDer(bytes: Uint8Array, what: string): void {
  const end = checkElement(bytes, 0, bytes.length, 0, what)
  if (end !== bytes.length) {
    throw new Asn1ShapeError(`${what}: ${bytes.length - end} trailing bytes after the DER element`)
  }
}

// A module function, not a closure made on every element: checkElement runs once per TLV of
// every token, and the closure showed in profiles of verification.
function notDer(what: string, message: string, at: number): Asn1ShapeError {
  return new Asn1ShapeError(`${what}: not DER: ${message} (at byte ${at})`)
}

/** Checks one TLV at `start` that must end by `limit`; returns the offset after it. */
function checkElement(
  bytes: Uint8Array,
  start: number,
  limit: number,
  depth: number,
  what: string,
): number {
  if (depth > MAX_DER_DEPTH) throw notDer(what, `nested deeper than ${MAX_DER_DEPTH}`, start)
  let i = start
  if (i >= limit) throw notDer(what, 'missing identifier octet', i)
  const first = bytes[i++] as number
  const constructed = (first & 0x20) !== 0
  const tagClass = first >> 6
  let tag = first & 0x1f
  if (tag === 0x1f) {
    // High-tag-number form: base-128, no leading 0x80 octet, and only for tags >= 31.
    if (i >= limit) throw notDer(what, 'truncated high tag number', i)
    if (bytes[i] === 0x80) throw notDer(what, 'high tag number with a leading zero octet', i)
    tag = 0
    for (;;) {
      if (i >= limit) throw notDer(what, 'truncated high tag number', i)
      const b = bytes[i++] as number
      if (tag > 0x00ffffff) throw notDer(what, 'tag number too large', i)
      tag = tag * 128 + (b & 0x7f)
      if ((b & 0x80) === 0) break
    }
    if (tag < 31) throw notDer(what, 'high-tag-number form for a tag below 31', i)
  }
  if (i >= limit) throw notDer(what, 'missing length octets', i)
  const lengthByte = bytes[i++] as number
  let length = lengthByte
  if (lengthByte === 0x80) throw notDer(what, 'indefinite length', i - 1)
  if (lengthByte > 0x80) {
    const n = lengthByte & 0x7f
    if (n > 4) throw notDer(what, `length of ${n} octets`, i - 1)
    if (i + n > limit) throw notDer(what, 'truncated length octets', i)
    if (bytes[i] === 0) throw notDer(what, 'non-minimal length (leading zero octet)', i)
    length = 0
    for (let k = 0; k < n; k++) length = length * 256 + (bytes[i++] as number)
    if (length < 0x80)
      throw notDer(what, 'non-minimal length (long form for a length below 128)', i)
  }
  const contentStart = i
  const contentEnd = contentStart + length
  if (contentEnd > limit) {
    throw notDer(
      what,
      `length ${length} overruns the ${limit - contentStart} bytes its parent has left`,
      i,
    )
  }
  if (tagClass === 0) {
    if (constructed && PRIMITIVE_ONLY_UNIVERSAL.has(tag)) {
      throw notDer(what, `constructed encoding of universal type ${tag}`, start)
    }
    if (!constructed && (tag === 16 || tag === 17)) {
      throw notDer(what, `primitive encoding of a ${tag === 16 ? 'SEQUENCE' : 'SET'}`, start)
    }
    if (
      tag === 1 &&
      (length !== 1 || (bytes[contentStart] !== 0 && bytes[contentStart] !== 0xff))
    ) {
      throw notDer(what, 'BOOLEAN must be one octet, 00 or ff', contentStart)
    }
    if (tag === 2 || tag === 10) {
      const b0 = bytes[contentStart] as number
      const b1 = bytes[contentStart + 1] as number
      if (length === 0) throw notDer(what, 'INTEGER with no content octets', contentStart)
      if (length > 1 && ((b0 === 0 && (b1 & 0x80) === 0) || (b0 === 0xff && (b1 & 0x80) !== 0))) {
        throw notDer(what, 'INTEGER not minimally encoded', contentStart)
      }
    }
  }
  if (constructed) {
    let at = contentStart
    while (at < contentEnd) at = checkElement(bytes, at, contentEnd, depth + 1, what)
  }
  return contentEnd
}

/** Parses exactly one strict-DER element spanning all of `bytes` (see checkStrictDer). */
export function parseOne(bytes: Uint8Array, what: string): asn1js.AsnType {
  checkStrictDer(bytes, what)
  const parsed = asn1js.fromBER(bytes)
  if (parsed.offset === -1) {
    throw new Asn1ShapeError(`${what}: ${parsed.result.error || 'not valid ASN.1'}`)
  }
  if (parsed.offset !== bytes.length) {
    throw new Asn1ShapeError(
      `${what}: ${bytes.length - parsed.offset} trailing bytes after the ASN.1 element`,
    )
  }
  return parsed.result
}

/** Original encoding of a parsed element (its full TLV). */
export function rawOf(block: asn1js.AsnType): Uint8Array {
  return new Uint8Array(block.valueBeforeDecodeView)
}

const UNIVERSAL = 1
const CONTEXT = 3

export function isContext(block: asn1js.AsnType | undefined, tag: number): boolean {
  return (
    block !== undefined && block.idBlock.tagClass === CONTEXT && block.idBlock.tagNumber === tag
  )
}

export function isUniversal(block: asn1js.AsnType | undefined, tag: number): boolean {
  return (
    block !== undefined && block.idBlock.tagClass === UNIVERSAL && block.idBlock.tagNumber === tag
  )
}

/** Children of a constructed element (SEQUENCE, SET or constructed context tag). */
export function children(block: asn1js.AsnType, what: string): asn1js.AsnType[] {
  const value = (block.valueBlock as { value?: unknown }).value
  if (!block.idBlock.isConstructed || !Array.isArray(value)) {
    throw new Asn1ShapeError(`${what} is not a constructed element`)
  }
  return value as asn1js.AsnType[]
}

export function sequence(block: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(block instanceof asn1js.Sequence)) throw new Asn1ShapeError(`${what} is not a SEQUENCE`)
  return block.valueBlock.value
}

export function set(block: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(block instanceof asn1js.Set)) throw new Asn1ShapeError(`${what} is not a SET`)
  return block.valueBlock.value
}

export function oid(block: asn1js.AsnType | undefined, what: string): string {
  if (!(block instanceof asn1js.ObjectIdentifier)) {
    throw new Asn1ShapeError(`${what} is not an OBJECT IDENTIFIER`)
  }
  return block.valueBlock.toString()
}

/** A signed INTEGER as a bigint (two's complement, as DER holds it). */
export function integer(block: asn1js.AsnType | undefined, what: string): bigint {
  if (!(block instanceof asn1js.Integer)) throw new Asn1ShapeError(`${what} is not an INTEGER`)
  return bigintFromTwosComplement(block.valueBlock.valueHexView)
}

/** An INTEGER that must fit a JS number (versions, accuracy parts). */
export function smallInteger(block: asn1js.AsnType | undefined, what: string): number {
  const value = integer(block, what)
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Asn1ShapeError(`${what} is out of range`)
  }
  return Number(value)
}

/** Contents of an INTEGER whose tag was replaced by an IMPLICIT context tag. */
export function implicitInteger(block: asn1js.AsnType, what: string): number {
  if (block.idBlock.isConstructed) throw new Asn1ShapeError(`${what} is not a primitive INTEGER`)
  const bytes =
    (block.valueBlock as { valueHexView?: Uint8Array }).valueHexView ?? new Uint8Array(0)
  if (bytes.length === 0 || bytes.length > 6)
    throw new Asn1ShapeError(`${what} is not a valid INTEGER`)
  return Number(bigintFromTwosComplement(bytes))
}

export function bigintFromTwosComplement(bytes: Uint8Array): bigint {
  if (bytes.length === 0) throw new Asn1ShapeError('INTEGER has no content octets')
  let value = 0n
  for (const b of bytes) value = (value << 8n) | BigInt(b)
  if (((bytes[0] ?? 0) & 0x80) !== 0) value -= 1n << BigInt(bytes.length * 8)
  return value
}

/** Minimal two's-complement contents octets of a non-negative integer (DER INTEGER body). */
export function integerContents(value: bigint): Uint8Array {
  if (value < 0n) throw new RangeError('negative integers are not used here')
  let hex = value.toString(16)
  if (hex.length % 2 === 1) hex = `0${hex}`
  let bytes = Buffer.from(hex, 'hex')
  if (((bytes[0] ?? 0) & 0x80) !== 0) bytes = Buffer.concat([Buffer.from([0]), bytes])
  return new Uint8Array(bytes)
}

/** Big-endian unsigned integer. */
export function bigintFromUnsigned(bytes: Uint8Array): bigint {
  let value = 0n
  for (const b of bytes) value = (value << 8n) | BigInt(b)
  return value
}

/** Contents of a primitive OCTET STRING (DER; Go's encoding/asn1 refuses BER chunked ones). */
export function octets(block: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(block instanceof asn1js.OctetString))
    throw new Asn1ShapeError(`${what} is not an OCTET STRING`)
  if (block.idBlock.isConstructed) {
    throw new Asn1ShapeError(`${what} is a constructed (BER) OCTET STRING; DER requires primitive`)
  }
  return new Uint8Array(block.valueBlock.valueHexView)
}

export function boolean(block: asn1js.AsnType | undefined, what: string): boolean {
  if (!(block instanceof asn1js.Boolean)) throw new Asn1ShapeError(`${what} is not a BOOLEAN`)
  return block.valueBlock.value
}

export interface AlgorithmIdentifier {
  oid: string
  /** DER of the parameters, when present. */
  parameters?: Uint8Array
}

export function algorithmIdentifier(
  block: asn1js.AsnType | undefined,
  what: string,
): AlgorithmIdentifier {
  const parts = sequence(block, what)
  if (parts.length < 1 || parts.length > 2)
    throw new Asn1ShapeError(`${what} has ${parts.length} fields`)
  const id = oid(parts[0], `${what} algorithm`)
  const params = parts[1]
  return params === undefined ? { oid: id } : { oid: id, parameters: rawOf(params) }
}

export interface ParsedGeneralizedTime {
  date: Date
  /** The time string as encoded. */
  text: string
  /** True when the string ends in `Z` (RFC 3161 §2.4.2 requires UTC). */
  utc: boolean
}

const GENERALIZED_TIME =
  /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{4})$/

/**
 * GeneralizedTime with optional fraction of a second (kept to the millisecond) and, for tolerance,
 * a numeric offset; `utc` tells the two apart.
 */
export function generalizedTime(
  block: asn1js.AsnType | undefined,
  what: string,
): ParsedGeneralizedTime {
  if (!isUniversal(block, 24) || block === undefined || block.idBlock.isConstructed) {
    throw new Asn1ShapeError(`${what} is not a GeneralizedTime`)
  }
  const bytes =
    (block.valueBlock as { valueHexView?: Uint8Array }).valueHexView ?? new Uint8Array(0)
  const text = Buffer.from(bytes).toString('latin1')
  const m = GENERALIZED_TIME.exec(text)
  if (m === null) throw new Asn1ShapeError(`${what} "${text}" is not a valid GeneralizedTime`)
  const [, y, mo, d, h, mi, s, frac, zone] = m as unknown as string[]
  const ms = frac === undefined ? 0 : Number(`${frac}00`.slice(0, 3))
  let epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms)
  const utc = zone === 'Z'
  if (!utc && zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1
    const offsetMin = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))
    epoch -= sign * offsetMin * 60_000
  }
  const date = new Date(epoch)
  const check = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)),
  )
  if (
    Number.isNaN(epoch) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    throw new Asn1ShapeError(`${what} "${text}" is not a valid date`)
  }
  return { date, text, utc }
}

/** UTCTime or GeneralizedTime (CMS signingTime). */
export function anyTime(block: asn1js.AsnType | undefined, what: string): Date {
  if (block instanceof asn1js.UTCTime) {
    const date = block.toDate()
    if (Number.isNaN(date.getTime())) throw new Asn1ShapeError(`${what} is not a valid UTCTime`)
    return date
  }
  return generalizedTime(block, what).date
}
