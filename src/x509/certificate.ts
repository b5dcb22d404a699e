/**
 * A parsed X.509 certificate as plain data: the fields the Notary chain rules (notary-spec.md §3.2,
 * §3.3) and identity matching (§6.6) read, with raw subject/issuer bytes for byte-equality checks.
 * Parsing uses node:crypto (OpenSSL) for the X.509 check, keys and signatures, and asn1js for the
 * structure (certificate-structure.ts).
 */
import { X509Certificate, type KeyObject } from 'node:crypto'
import * as asn1js from 'asn1js'
import { BoundedCache, sha256Hex } from '../bounded-cache.js'
import type { KeySpec } from '../signer/signer.js'
import {
  readCertificateStructure,
  type CertificateExtension,
  type CertificateStructure,
} from './certificate-structure.js'
import { CertificateError } from './errors.js'
import { keySpecOfKey } from './key-spec.js'

/** keyUsage bits by their RFC 5280 names. */
export type KeyUsageFlag =
  | 'digitalSignature'
  | 'contentCommitment'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly'

/** RFC 5280 §4.2.1.3 bit order. */
const KEY_USAGE_BITS: readonly KeyUsageFlag[] = [
  'digitalSignature',
  'contentCommitment',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
]

/** Extensions the chain rules read; every other extension fails open (notary-spec.md §3.2). */
export const EXTENSION_OID = {
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
} as const

/** Extended key usage OIDs the Notary profiles mention. */
export const EKU_OID = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  any: '2.5.29.37.0',
} as const

/** Attribute types Go's pkix.Name names (crypto/x509/pkix attributeTypeNames); others render as `oid=#hex`. */
export const GO_ATTRIBUTE_NAMES: Readonly<Record<string, GoAttributeName>> = {
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.17': 'POSTALCODE',
}
export type GoAttributeName =
  'C' | 'O' | 'OU' | 'CN' | 'SERIALNUMBER' | 'L' | 'ST' | 'STREET' | 'POSTALCODE'

/** Signature algorithms Go's CheckSignature refuses as insecure (MD2, MD5, SHA-1). */
const WEAK_SIGNATURE_OIDS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.10040.4.3': 'dsaWithSHA1',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
}

/** One attribute of a distinguished name, in certificate order. */
export interface NameAttribute {
  /** Index of the RDN (SET) this attribute belongs to; equal indexes mean a multi-valued RDN. */
  rdnIndex: number
  /** Attribute type OID, dotted. */
  type: string
  /** The short name when Go names the type (C, O, OU, CN, SERIALNUMBER, L, ST, STREET, POSTALCODE). */
  shortName?: GoAttributeName
  /** The decoded string for ASN.1 string types; otherwise `#` + hex of the value's DER. */
  value: string
  /** False when the value is not an ASN.1 string type. */
  isString: boolean
  /** DER of the attribute value. */
  valueDer: Uint8Array
}

export type { CertificateExtension } from './certificate-structure.js'

/** A parsed certificate as plain data (see parseCertificate). */
export interface CertificateInfo {
  der: Uint8Array
  /** node:crypto view of the same certificate. */
  x509: X509Certificate
  /** SHA-256 of the DER, lowercase hex (the Notary thumbprint). */
  sha256: string
  rawSubject: Uint8Array
  rawIssuer: Uint8Array
  /** Subject rendered like Go's pkix.Name.String() (what notation prints and matches on). */
  subject: string
  issuer: string
  subjectAttributes: NameAttribute[]
  notBefore: Date
  notAfter: Date
  /** Serial number, lowercase hex without leading zeros beyond what DER holds. */
  serialNumber: string
  signatureAlgorithmOid: string
  basicConstraints: { present: boolean; critical: boolean; cA: boolean; pathLen?: number }
  keyUsage: { present: boolean; critical: boolean; flags: KeyUsageFlag[] }
  extendedKeyUsage: { present: boolean; critical: boolean; oids: string[] }
  publicKey: KeyObject
  /** The subjectPublicKey BIT STRING contents (what an OCSP CertID's issuerKeyHash hashes). */
  publicKeyBits: Uint8Array
  /** Every extension in certificate order, undecoded. */
  extensions: readonly CertificateExtension[]
  /** The Notary key spec, or undefined when the key is outside the table (§3.1). */
  keySpec?: KeySpec
  /** Raw subject equals raw issuer. */
  selfIssued: boolean
  /** Self-issued and the signature verifies with the certificate's own key. */
  selfSigned: boolean
}

function parseError(message: string, cause?: unknown): CertificateError {
  return new CertificateError('CERT_PARSE', message, cause === undefined ? undefined : { cause })
}

function derLength(der: Uint8Array): number | undefined {
  // Outer TLV length, to refuse trailing bytes the way Go's x509.ParseCertificate does.
  if (der.length < 2 || der[0] !== 0x30) return undefined
  const first = der[1] ?? 0
  if (first < 0x80) return 2 + first
  const n = first & 0x7f
  if (n === 0 || n > 4 || der.length < 2 + n) return undefined
  let len = 0
  for (let i = 0; i < n; i++) len = len * 256 + (der[2 + i] ?? 0)
  return 2 + n + len
}

function fromBer(bytes: Uint8Array, what: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(bytes)
  if (parsed.offset === -1 || parsed.offset !== bytes.length) {
    throw parseError(`${what} is not valid DER`)
  }
  return parsed.result
}

function decodeString(block: asn1js.AsnType): string | undefined {
  const tag = block.idBlock.tagClass === 1 ? block.idBlock.tagNumber : -1
  const bytes = (block.valueBlock as unknown as { valueHexView?: Uint8Array }).valueHexView
  if (!bytes) return undefined
  switch (tag) {
    case 12: // UTF8String
    case 19: // PrintableString
    case 22: // IA5String
    case 18: // NumericString
    case 26: // VisibleString
    case 20: // TeletexString (Go keeps the bytes as they are)
      return Buffer.from(bytes).toString('utf8')
    case 30: {
      // BMPString: UTF-16BE
      const swapped = Buffer.from(bytes)
      swapped.swap16()
      return swapped.toString('utf16le')
    }
    case 28: {
      // UniversalString: UTF-32BE
      let out = ''
      for (let i = 0; i + 3 < bytes.length; i += 4) {
        out += String.fromCodePoint(
          new DataView(bytes.buffer, bytes.byteOffset + i, 4).getUint32(0),
        )
      }
      return out
    }
    default:
      return undefined
  }
}

/** The attributes of a DER-encoded Name (RDNSequence), in order. */
export function parseNameAttributes(rawName: Uint8Array): NameAttribute[] {
  const seq = fromBer(rawName, 'distinguished name')
  if (!(seq instanceof asn1js.Sequence)) throw parseError('distinguished name is not a SEQUENCE')
  const out: NameAttribute[] = []
  seq.valueBlock.value.forEach((rdn, rdnIndex) => {
    if (!(rdn instanceof asn1js.Set)) throw parseError('distinguished name RDN is not a SET')
    for (const atv of rdn.valueBlock.value) {
      const parts = atv instanceof asn1js.Sequence ? atv.valueBlock.value : []
      const [oid, value] = parts
      if (parts.length !== 2 || !(oid instanceof asn1js.ObjectIdentifier) || !value) {
        throw parseError('distinguished name attribute is not {type, value}')
      }
      const type = oid.valueBlock.toString()
      const valueDer = new Uint8Array(value.toBER())
      const str = decodeString(value)
      const shortName = GO_ATTRIBUTE_NAMES[type]
      out.push({
        rdnIndex,
        type,
        ...(shortName ? { shortName } : {}),
        value: str ?? `#${Buffer.from(valueDer).toString('hex')}`,
        isString: str !== undefined,
        valueDer,
      })
    }
  })
  return out
}

/** RFC 4514 escaping as Go's RDNSequence.String() does it. */
function goEscape(value: string): string {
  let out = ''
  const bytes = Buffer.byteLength(value)
  let k = 0
  for (const c of value) {
    let escape = false
    if (',+"\\<>;'.includes(c)) escape = true
    else if (c === ' ') escape = k === 0 || k === bytes - 1
    else if (c === '#') escape = k === 0
    out += escape ? `\\${c}` : c
    k += Buffer.byteLength(c)
  }
  return out
}

/**
 * What Go's asn1.Marshal does with a parsed string value: PrintableString when every byte is in
 * the PrintableString set (no '*' or '&'), else UTF8String. Unknown attribute types are printed
 * as the hex of this re-encoding.
 */
function goMarshalString(value: string): Uint8Array {
  const bytes = Buffer.from(value, 'utf8')
  const printable = [...bytes].every(
    (b) =>
      (b >= 0x61 && b <= 0x7a) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x30 && b <= 0x39) ||
      (b >= 0x27 && b <= 0x29) ||
      (b >= 0x2b && b <= 0x2f) ||
      b === 0x20 ||
      b === 0x3a ||
      b === 0x3d ||
      b === 0x3f,
  )
  const tag = printable ? 0x13 : 0x0c
  const len = bytes.length
  const head =
    len < 0x80 ? [tag, len] : len < 0x100 ? [tag, 0x81, len] : [tag, 0x82, len >> 8, len & 0xff]
  return new Uint8Array([...head, ...bytes])
}

/**
 * Renders a name exactly like Go's pkix.Name.String() after x509 parsing: unknown attribute types
 * first (so they print last), then C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER, with
 * repeated types folded into one multi-valued RDN, printed in reverse order.
 */
export function goNameString(attrs: readonly NameAttribute[]): string {
  const named: Record<GoAttributeName, string[]> = {
    C: [],
    ST: [],
    L: [],
    STREET: [],
    POSTALCODE: [],
    O: [],
    OU: [],
    CN: [],
    SERIALNUMBER: [],
  }
  const rdns: { label: string; value: string; raw: boolean }[][] = []
  for (const a of attrs) {
    if (a.shortName) {
      if (a.isString) named[a.shortName].push(a.value)
      continue
    }
    const der = a.isString ? goMarshalString(a.value) : a.valueDer
    rdns.push([{ label: a.type, value: `#${Buffer.from(der).toString('hex')}`, raw: true }])
  }
  const order: GoAttributeName[] = ['C', 'ST', 'L', 'STREET', 'POSTALCODE', 'O', 'OU']
  for (const name of order) {
    if (named[name].length > 0)
      rdns.push(named[name].map((value) => ({ label: name, value, raw: false })))
  }
  // Go keeps only the last CommonName / SerialNumber.
  for (const name of ['CN', 'SERIALNUMBER'] as const) {
    const last = named[name].at(-1)
    if (last !== undefined && last !== '') rdns.push([{ label: name, value: last, raw: false }])
  }
  return rdns
    .reverse()
    .map((rdn) =>
      rdn
        .map((tv) => (tv.raw ? `${tv.label}=${tv.value}` : `${tv.label}=${goEscape(tv.value)}`))
        .join('+'),
    )
    .join(',')
}

function parseExtensions(
  extensions: CertificateStructure['extensions'],
): Pick<CertificateInfo, 'basicConstraints' | 'keyUsage' | 'extendedKeyUsage'> {
  const result: Pick<CertificateInfo, 'basicConstraints' | 'keyUsage' | 'extendedKeyUsage'> = {
    basicConstraints: { present: false, critical: false, cA: false },
    keyUsage: { present: false, critical: false, flags: [] },
    extendedKeyUsage: { present: false, critical: false, oids: [] },
  }
  const seen = new Set<string>()
  for (const ext of extensions) {
    const id = ext.oid
    if (seen.has(id)) throw parseError(`certificate has a duplicate extension ${id}`)
    seen.add(id)
    const critical = ext.critical
    const value = ext.value
    if (id === EXTENSION_OID.basicConstraints) {
      const seq = fromBer(value, 'basicConstraints extension')
      if (!(seq instanceof asn1js.Sequence)) throw parseError('basicConstraints is not a SEQUENCE')
      let cA = false
      let pathLen: number | undefined
      for (const item of seq.valueBlock.value) {
        if (item instanceof asn1js.Boolean) cA = item.getValue()
        else if (item instanceof asn1js.Integer) pathLen = item.valueBlock.valueDec
        else throw parseError('basicConstraints has an unexpected element')
      }
      result.basicConstraints = {
        present: true,
        critical,
        cA,
        ...(pathLen !== undefined ? { pathLen } : {}),
      }
    } else if (id === EXTENSION_OID.keyUsage) {
      const bits = fromBer(value, 'keyUsage extension')
      if (!(bits instanceof asn1js.BitString)) throw parseError('keyUsage is not a BIT STRING')
      const bytes = bits.valueBlock.valueHexView
      const flags = KEY_USAGE_BITS.filter(
        (_, i) => (((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) === 1,
      )
      result.keyUsage = { present: true, critical, flags }
    } else if (id === EXTENSION_OID.extendedKeyUsage) {
      const seq = fromBer(value, 'extendedKeyUsage extension')
      if (!(seq instanceof asn1js.Sequence)) throw parseError('extendedKeyUsage is not a SEQUENCE')
      const oids = seq.valueBlock.value.map((item) => {
        if (!(item instanceof asn1js.ObjectIdentifier))
          throw parseError('extendedKeyUsage has a non-OID entry')
        return item.valueBlock.toString()
      })
      result.extendedKeyUsage = { present: true, critical, oids }
    }
  }
  return result
}

// Parsing dominates signing and verification time (DER decode + a self-signature check, ~1.5 ms
// per certificate), and the same few chains are parsed for every image of a job. Results are
// immutable facts of the bytes, so they are kept per SHA-256 of the DER, in a small bounded map:
// different bytes (a tampered copy included) are a different key and are parsed afresh.
const PARSE_CACHE_LIMIT = 256
const parseCache = new BoundedCache<CertificateInfo>(PARSE_CACHE_LIMIT)

/** Parses a DER certificate; throws CERT_PARSE when either parser refuses it or bytes trail it. */
export function parseCertificate(der: Uint8Array): CertificateInfo {
  const key = sha256Hex(der)
  return parseCache.getOrSet(key, () => {
    try {
      return Object.freeze(parseCertificateUncached(der, key))
    } catch (err) {
      if (err instanceof CertificateError) throw err
      // node:crypto decodes the public key lazily and asn1js reads fields on demand, so a
      // malformed certificate can fail after the parse with OpenSSL's "decode error" or a
      // RangeError: either way the certificate is not RFC 5280 X.509.
      throw parseError('certificate is not a valid X.509 certificate (RFC 5280)', err)
    }
  })
}

function parseCertificateUncached(der: Uint8Array, sha256: string): CertificateInfo {
  const bytes = new Uint8Array(der)
  if (derLength(bytes) !== bytes.length)
    throw parseError('certificate is not a single DER SEQUENCE')
  let x509: X509Certificate
  let cert: CertificateStructure
  try {
    x509 = new X509Certificate(bytes)
    cert = readCertificateStructure(bytes)
  } catch (err) {
    throw parseError('certificate cannot be parsed as X.509', err)
  }
  const { rawSubject, rawIssuer, signatureAlgorithmOid } = cert
  const subjectAttributes = parseNameAttributes(rawSubject)
  const publicKey = x509.publicKey
  let keySpec: KeySpec | undefined
  try {
    keySpec = keySpecOfKey(publicKey)
  } catch {
    keySpec = undefined
  }
  const selfIssued = Buffer.from(rawSubject).equals(Buffer.from(rawIssuer))
  const info: CertificateInfo = {
    der: bytes,
    x509,
    sha256,
    rawSubject,
    rawIssuer,
    subject: goNameString(subjectAttributes),
    issuer: goNameString(parseNameAttributes(rawIssuer)),
    subjectAttributes,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    serialNumber: x509.serialNumber.toLowerCase(),
    signatureAlgorithmOid,
    ...parseExtensions(cert.extensions),
    publicKey,
    publicKeyBits: cert.publicKeyBits,
    extensions: Object.freeze(cert.extensions.map((e) => Object.freeze(e))),
    ...(keySpec ? { keySpec } : {}),
    selfIssued,
    selfSigned: false,
  }
  info.selfSigned = selfIssued && signatureCheck(info, info) === 'ok'
  return info
}

/** Accepts DER or an already parsed certificate. */
export function toCertificateInfo(cert: CertificateInfo | Uint8Array): CertificateInfo {
  return cert instanceof Uint8Array ? parseCertificate(cert) : cert
}

/** The subject's attributes in certificate order (for x509.subject identity matching, §6.6). */
export function subjectAttributes(cert: CertificateInfo | Uint8Array): NameAttribute[] {
  return toCertificateInfo(cert).subjectAttributes
}

/** Name of the weak signature algorithm `cert` is signed with, if it is one Go refuses. */
export function weakSignatureAlgorithm(cert: CertificateInfo): string | undefined {
  return WEAK_SIGNATURE_OIDS[cert.signatureAlgorithmOid]
}

// A chain is re-checked for every signature it signs (leaf ← CA ← root, and the TSA chain of every
// token), and each check is a public-key operation (~0.1 ms RSA, ~1 ms EC P-384). Whether one
// certificate's signature verifies with another's key is a fact of the two DERs, so it is kept per
// pair of SHA-256 digests; the cheap weak-algorithm test is never cached.
const SIGNATURE_CACHE_LIMIT = 1024
const signatureCache = new BoundedCache<boolean>(SIGNATURE_CACHE_LIMIT)

/** Why `child` is or is not signed by `parent`'s key: ok, a weak algorithm, or a bad signature. */
export function signatureCheck(
  child: CertificateInfo,
  parent: CertificateInfo,
): 'ok' | 'weak-algorithm' | 'bad-signature' {
  if (weakSignatureAlgorithm(child)) return 'weak-algorithm'
  const verifies = signatureCache.getOrSet(`${child.sha256}/${parent.sha256}`, () => {
    try {
      return child.x509.verify(parent.publicKey)
    } catch {
      return false
    }
  })
  return verifies ? 'ok' : 'bad-signature'
}

/**
 * True when `child` was issued by `parent`: child's raw issuer equals parent's raw subject
 * (byte equality, as Go compares RawIssuer/RawSubject) and child's signature verifies with
 * parent's key using an algorithm Go accepts.
 */
export function isIssuedBy(child: CertificateInfo, parent: CertificateInfo): boolean {
  return (
    Buffer.from(child.rawIssuer).equals(Buffer.from(parent.rawSubject)) &&
    signatureCheck(child, parent) === 'ok'
  )
}
