/**
 * The fields of an X.509 certificate (RFC 5280 §4.1) that parseCertificate reads from the DER
 * structure, with asn1js alone. node:crypto's X509Certificate (OpenSSL) parses the same bytes
 * first and does the strict X.509 check; this walk checks the shape it relies on and refuses
 * anything else, as pkijs's schema did when it did this job.
 *
 * Why not pkijs: every signing and verifying run parses certificates before its first request,
 * and pkijs is ~750 KiB of JavaScript to compile and initialise for these few fields. It is still
 * used where its schemas earn their keep (OCSP, CRL distribution points, PKCS#7), loaded lazily.
 */
import * as asn1js from 'asn1js'

/** One extension as encoded: what later steps decode without a re-parse. */
export interface CertificateExtension {
  /** extnID, dotted. */
  oid: string
  critical: boolean
  /** The extnValue OCTET STRING contents (the extension's own DER). */
  value: Uint8Array
}

export interface CertificateStructure {
  /** DER of the issuer and subject Names, as encoded. */
  rawIssuer: Uint8Array
  rawSubject: Uint8Array
  notBefore: Date
  notAfter: Date
  /** The outer signatureAlgorithm's OID. */
  signatureAlgorithmOid: string
  /** The subjectPublicKey BIT STRING contents (what an OCSP CertID's issuerKeyHash hashes). */
  publicKeyBits: Uint8Array
  /** Every extension, in certificate order, undecoded. */
  extensions: CertificateExtension[]
}

/** Thrown for a structure this walk refuses; parseCertificate wraps it as CERT_PARSE. */
export class CertificateStructureError extends Error {}

function refuse(what: string): never {
  throw new CertificateStructureError(`certificate ${what}`)
}

function isContext(block: asn1js.AsnType | undefined, tag: number): boolean {
  return block?.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag
}

function sequenceItems(block: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(block instanceof asn1js.Sequence)) refuse(`${what} is not a SEQUENCE`)
  return block.valueBlock.value
}

function algorithmOid(block: asn1js.AsnType | undefined, what: string): string {
  const [oid] = sequenceItems(block, what)
  if (!(oid instanceof asn1js.ObjectIdentifier)) refuse(`${what} has no algorithm OID`)
  return oid.valueBlock.toString()
}

function time(block: asn1js.AsnType | undefined, what: string): Date {
  if (block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime) {
    const date = block.toDate()
    if (!Number.isNaN(date.getTime())) return date
  }
  return refuse(`${what} is not a valid UTCTime or GeneralizedTime`)
}

function rawName(block: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(block instanceof asn1js.Sequence)) refuse(`${what} is not a Name (SEQUENCE)`)
  return new Uint8Array(block.valueBeforeDecodeView)
}

function extensionsOf(block: asn1js.AsnType): CertificateExtension[] {
  // [3] EXPLICIT Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension
  const inner = (block.valueBlock as { value?: asn1js.AsnType[] }).value
  if (!block.idBlock.isConstructed || inner?.length !== 1) refuse('extensions are not [3] EXPLICIT')
  return sequenceItems(inner[0], 'extensions').map((ext) => {
    const parts = sequenceItems(ext, 'extension')
    const [id, second, third] = parts
    const hasCritical = second instanceof asn1js.Boolean
    const value = hasCritical ? third : second
    if (
      !(id instanceof asn1js.ObjectIdentifier) ||
      !(value instanceof asn1js.OctetString) ||
      parts.length !== (hasCritical ? 3 : 2)
    ) {
      refuse('extension is not {extnID, critical, extnValue}')
    }
    return {
      oid: id.valueBlock.toString(),
      critical: hasCritical ? second.getValue() : false,
      value: new Uint8Array(value.valueBlock.valueHexView),
    }
  })
}

/** Reads the structure of a DER certificate (one element spanning all of `der`). */
export function readCertificateStructure(der: Uint8Array): CertificateStructure {
  const parsed = asn1js.fromBER(der)
  if (parsed.offset === -1 || parsed.offset !== der.length) refuse('is not a single DER element')
  const [tbsBlock, outerAlgorithm, signature] = sequenceItems(parsed.result, 'is not a SEQUENCE')
  if (!(signature instanceof asn1js.BitString)) refuse('signatureValue is not a BIT STRING')
  const tbs = sequenceItems(tbsBlock, 'tbsCertificate')
  let i = 0
  if (isContext(tbs[i], 0)) i++ // [0] EXPLICIT version
  if (!(tbs[i++] instanceof asn1js.Integer)) refuse('serialNumber is not an INTEGER')
  algorithmOid(tbs[i++], 'tbsCertificate signature')
  const rawIssuer = rawName(tbs[i++], 'issuer')
  const validity = sequenceItems(tbs[i++], 'validity')
  if (validity.length !== 2) refuse('validity is not {notBefore, notAfter}')
  const notBefore = time(validity[0], 'notBefore')
  const notAfter = time(validity[1], 'notAfter')
  const rawSubject = rawName(tbs[i++], 'subject')
  const spki = sequenceItems(tbs[i++], 'subjectPublicKeyInfo')
  algorithmOid(spki[0], 'subjectPublicKeyInfo algorithm')
  const key = spki[1]
  if (spki.length !== 2 || !(key instanceof asn1js.BitString))
    refuse('subjectPublicKey is not a BIT STRING')
  if (isContext(tbs[i], 1)) i++ // issuerUniqueID
  if (isContext(tbs[i], 2)) i++ // subjectUniqueID
  let extensions: CertificateExtension[] = []
  const extBlock = tbs[i]
  if (extBlock !== undefined && isContext(extBlock, 3)) {
    extensions = extensionsOf(extBlock)
    i++
  }
  if (i !== tbs.length) refuse('tbsCertificate has unexpected trailing fields')
  return {
    rawIssuer,
    rawSubject,
    notBefore,
    notAfter,
    signatureAlgorithmOid: algorithmOid(outerAlgorithm, 'signatureAlgorithm'),
    publicKeyBits: new Uint8Array(key.valueBlock.valueHexView),
    extensions,
  }
}
