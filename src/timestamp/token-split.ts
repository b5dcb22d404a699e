/**
 * Takes the certificates out of a TimeStampToken before asn1js reads it. asn1js builds an object
 * tree of every element, and the embedded TSA certificate is most of a token's elements, yet the
 * token parser only needs each certificate's bytes (parseCertificate reads them, once per
 * certificate, from its own cache). Measured: this tree was two thirds of verifying a signature
 * whose token had not been seen before.
 *
 * `splitCertificates` walks the TLV headers of a token that passed checkStrictDer, copies out the
 * raw certificates of SignedData.certificates, and returns the same token with that field emptied
 * (`[0]` with no content, lengths of the three enclosing elements re-encoded). Anything it does
 * not recognise (not strict DER, another shape, a certificate choice that is not a SEQUENCE)
 * returns undefined, and the caller parses the whole token as before, so errors are unchanged.
 */
import { checkStrictDer } from './der.js'

interface Tlv {
  /** The identifier octet (low tag numbers only: every element on this path has one). */
  tag: number
  start: number
  contentStart: number
  end: number
}

/** The TLV at `at`; the bytes are strict DER already (definite lengths, in bounds). */
function tlvAt(bytes: Uint8Array, at: number): Tlv | undefined {
  const tag = bytes[at] as number
  if ((tag & 0x1f) === 0x1f) return undefined
  let i = at + 1
  const first = bytes[i++] as number
  let length = first
  if (first > 0x80) {
    length = 0
    for (let k = 0; k < (first & 0x7f); k++) length = length * 256 + (bytes[i++] as number)
  }
  return { tag, start: at, contentStart: i, end: i + length }
}

function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = []
  for (let at = parent.contentStart; at < parent.end;) {
    const child = tlvAt(bytes, at)
    if (child === undefined) return undefined
    out.push(child)
    at = child.end
  }
  return out
}

/** A DER element: identifier `tag`, minimal definite length, `content`. */
function element(tag: number, content: readonly Uint8Array[]): Uint8Array {
  const length = content.reduce((n, c) => n + c.length, 0)
  const lengthOctets: number[] = []
  for (let n = length; n > 0; n = Math.floor(n / 256)) lengthOctets.unshift(n % 256)
  const header = length < 0x80 ? [tag, length] : [tag, 0x80 | lengthOctets.length, ...lengthOctets]
  const out = new Uint8Array(header.length + length)
  out.set(header, 0)
  let at = header.length
  for (const c of content) {
    out.set(c, at)
    at += c.length
  }
  return out
}

const SEQUENCE = 0x30
const CONTEXT_0 = 0xa0

export interface SplitToken {
  /** The token with SignedData.certificates emptied. */
  reduced: Uint8Array
  /** The certificates, DER exactly as they were in the token, in order. */
  certificates: Uint8Array[]
}

/** ContentInfo → [0] → SignedData → certificates [0]; undefined when the token is not that. */
export function splitCertificates(der: Uint8Array): SplitToken | undefined {
  try {
    checkStrictDer(der, 'ContentInfo')
  } catch {
    return undefined
  }
  const top = tlvAt(der, 0)
  if (top?.tag !== SEQUENCE) return undefined
  const topParts = childrenOf(der, top)
  const explicit = topParts?.[1]
  if (topParts?.length !== 2 || explicit?.tag !== CONTEXT_0) return undefined
  const inner = childrenOf(der, explicit)
  const signedData = inner?.[0]
  if (inner?.length !== 1 || signedData?.tag !== SEQUENCE) return undefined
  const certs = childrenOf(der, signedData)?.[3] // version, digestAlgorithms, encapContentInfo
  if (certs?.tag !== CONTEXT_0) return undefined
  const certList = childrenOf(der, certs)
  if (certList === undefined || certList.some((c) => c.tag !== SEQUENCE)) return undefined
  const slice = (from: number, to: number): Uint8Array => der.subarray(from, to)
  const reducedSignedData = element(SEQUENCE, [
    slice(signedData.contentStart, certs.start),
    new Uint8Array([CONTEXT_0, 0x00]),
    slice(certs.end, signedData.end),
  ])
  const reduced = element(SEQUENCE, [
    slice(top.contentStart, explicit.start),
    element(CONTEXT_0, [reducedSignedData]),
  ])
  return { reduced, certificates: certList.map((c) => der.slice(c.start, c.end)) }
}
