/**
 * Pure decoding of an Artifact Signing result (artifact-signing.md §4): the double-base64 PKCS#7
 * `signingCertificate` → DER certificates → a leaf → root chain built by issuer walking (the stored
 * order is not guaranteed), and the RSASSA-PSS-SHA-384 check of the returned signature.
 * No I/O, no clock: everything comes in as bytes.
 */
import { X509Certificate, constants, verify, type KeyObject } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { ArtifactSigningError } from './errors.js'

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2'
/** Bound on the certificates we accept in one result (the real chains carry 3–4). */
export const MAX_CHAIN_CERTIFICATES = 10

const STD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Strict standard base64 (padding required, no whitespace unless `allowWhitespace`). */
export function decodeStdBase64(value: string, what: string, allowWhitespace = false): Uint8Array {
  const text = allowWhitespace ? value.replace(/\s+/g, '') : value
  if (text.length === 0 || text.length % 4 !== 0 || !STD_BASE64.test(text)) {
    throw new ArtifactSigningError(
      'SIGNER_RESPONSE_INVALID',
      `${what} is not standard base64 (${text.length} characters)`,
      { remedy: 'this is a service-side problem; retry, and report it if it persists' },
    )
  }
  return new Uint8Array(Buffer.from(text, 'base64'))
}

/**
 * `signingCertificate` → DER PKCS#7. The service encodes twice (base64 of the 64-column CRLF base64
 * text of the DER); a single encoding (bytes already starting with a DER SEQUENCE) is tolerated.
 */
export function decodeSigningCertificate(value: string): Uint8Array {
  const once = decodeStdBase64(value, 'signingCertificate')
  if (once[0] === 0x30) return once
  const text = Buffer.from(once).toString('latin1')
  return decodeStdBase64(text, 'signingCertificate (inner base64)', true)
}

export interface CertsOnlyPkcs7 {
  /** DER of every certificate, in the stored order. */
  certificates: Uint8Array[]
  /** The encapsulated content (the leaf DER in every observed response), when present. */
  eContent?: Uint8Array
}

/** Parses a DER PKCS#7 SignedData (certs-only) and returns the raw certificate bytes. */
export function parseCertsOnlyPkcs7(der: Uint8Array): CertsOnlyPkcs7 {
  const invalid = (why: string, cause?: unknown): ArtifactSigningError =>
    new ArtifactSigningError('SIGNER_RESPONSE_INVALID', `signingCertificate: ${why}`, {
      cause,
      remedy: 'this is a service-side problem; retry, and report it if it persists',
    })
  const parsed = asn1js.fromBER(der)
  if (parsed.offset === -1) throw invalid(`not DER: ${parsed.result.error}`)
  let signedData: pkijs.SignedData
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result })
    if (contentInfo.contentType !== OID_SIGNED_DATA) {
      throw invalid(
        `content type ${contentInfo.contentType}, expected signedData ${OID_SIGNED_DATA}`,
      )
    }
    signedData = new pkijs.SignedData({ schema: contentInfo.content })
  } catch (err) {
    if (err instanceof ArtifactSigningError) throw err
    throw invalid('not a PKCS#7 SignedData', err)
  }
  // Raw bytes come from the asn1js tree (re-encoding a parsed certificate could alter it).
  const signedDataSeq = (parsed.result as asn1js.Sequence).valueBlock.value[1] as asn1js.Constructed
  const inner = signedDataSeq.valueBlock.value[0] as asn1js.Sequence
  const certSet = inner.valueBlock.value.find(
    (node) => node.idBlock.tagClass === 3 && node.idBlock.tagNumber === 0,
  ) as asn1js.Constructed | undefined
  const certificates = (certSet?.valueBlock.value ?? [])
    .filter((node) => node.idBlock.tagClass === 1 && node.idBlock.tagNumber === 16)
    .map((node) => new Uint8Array(node.valueBeforeDecodeView))
  if (certificates.length === 0) throw invalid('no certificates')
  if (certificates.length > MAX_CHAIN_CERTIFICATES) {
    throw invalid(`${certificates.length} certificates, more than ${MAX_CHAIN_CERTIFICATES}`)
  }
  const eContent = signedData.encapContentInfo.eContent
  return eContent === undefined
    ? { certificates }
    : { certificates, eContent: new Uint8Array(eContent.getValue()) }
}

/** RSASSA-PSS with SHA-384, MGF1-SHA-384 and a 48-byte salt over `toBeSigned` (RFC 8230, PS384). */
export function verifyPs384(
  toBeSigned: Uint8Array,
  signature: Uint8Array,
  publicKey: KeyObject,
): boolean {
  try {
    return verify(
      'sha384',
      toBeSigned,
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
      signature,
    )
  } catch {
    return false
  }
}

/** `C=US\nO=X\nCN=Y` (Node's rendering) → `C=US, O=X, CN=Y`. */
export function formatDn(dn: string): string {
  return dn.split('\n').join(', ')
}

function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey)
  } catch {
    return false
  }
}

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    // checkIssued = OpenSSL X509_check_issued: issuer DN = subject DN, AKI = SKI, keyCertSign.
    return child.checkIssued(parent) && child.verify(parent.publicKey)
  } catch {
    return false
  }
}

export interface BuiltChain {
  /** DER, leaf first, ending in the self-signed root. */
  der: Uint8Array[]
  leaf: X509Certificate
  root: X509Certificate
}

const chainError = (message: string): ArtifactSigningError =>
  new ArtifactSigningError('SIGNER_CHAIN_INVALID', message, {
    remedy:
      'Artifact Signing returned a certificate set that is not one leaf → root chain; retry, and report it to Azure support if it persists',
  })

/**
 * Orders the returned certificates leaf → root (artifact-signing.md §4.3):
 * 1. leaf = the certificate equal to the PKCS#7 eContent, else the non-CA certificate whose key
 *    verifies `signature` over `toBeSigned` (else the only non-CA certificate);
 * 2. walk issuer → subject (DN + AKI/SKI + signature) until a self-signed certificate;
 * 3. reject a walk that does not end self-signed, an ambiguous parent, or leftovers.
 * Does not check the signature itself: see {@link checkSignedBy}.
 */
export function buildChain(input: {
  certificates: Uint8Array[]
  eContent?: Uint8Array
  toBeSigned: Uint8Array
  signature: Uint8Array
}): BuiltChain {
  const parsed = input.certificates.map((der, index) => {
    try {
      return { der, cert: new X509Certificate(der) }
    } catch (err) {
      throw new ArtifactSigningError(
        'SIGNER_RESPONSE_INVALID',
        `signingCertificate: certificate #${index} is not a valid X.509 certificate`,
        { cause: err, remedy: 'retry, and report it to Azure support if it persists' },
      )
    }
  })
  // Duplicates would make the leftover check fail for no reason; drop exact copies.
  const unique = parsed.filter(
    (p, i) => parsed.findIndex((q) => Buffer.from(q.der).equals(Buffer.from(p.der))) === i,
  )

  let leafIndex = -1
  if (input.eContent !== undefined && input.eContent.length > 0) {
    const e = Buffer.from(input.eContent)
    leafIndex = unique.findIndex((p) => e.equals(Buffer.from(p.der)))
  }
  if (leafIndex < 0) {
    const nonCa = unique.map((p, i) => ({ ...p, i })).filter((p) => !p.cert.ca)
    const verifying = nonCa.filter((p) =>
      verifyPs384(input.toBeSigned, input.signature, p.cert.publicKey),
    )
    if (verifying.length === 1) leafIndex = (verifying[0] as { i: number }).i
    else if (verifying.length === 0 && nonCa.length === 1) leafIndex = (nonCa[0] as { i: number }).i
    else if (nonCa.length === 0)
      throw chainError('no end-entity (non-CA) certificate in the result')
    else
      throw chainError(
        `cannot tell the leaf among ${nonCa.length} end-entity certificates (${nonCa
          .map((p) => `"${formatDn(p.cert.subject)}"`)
          .join(', ')})`,
      )
  }

  const used = new Set<number>([leafIndex])
  const chain = [unique[leafIndex] as { der: Uint8Array; cert: X509Certificate }]
  let current = chain[0] as { der: Uint8Array; cert: X509Certificate }
  while (!isSelfSigned(current.cert)) {
    const parents = unique
      .map((p, i) => ({ ...p, i }))
      .filter((p) => !used.has(p.i) && issuedBy(current.cert, p.cert))
    if (parents.length === 0) {
      throw chainError(
        `the chain stops at "${formatDn(current.cert.subject)}": its issuer "${formatDn(
          current.cert.issuer,
        )}" is not among the returned certificates, and a chain must end in a self-signed root`,
      )
    }
    if (parents.length > 1) {
      throw chainError(
        `"${formatDn(current.cert.subject)}" has ${parents.length} possible issuers among the returned certificates`,
      )
    }
    const parent = parents[0] as { der: Uint8Array; cert: X509Certificate; i: number }
    used.add(parent.i)
    chain.push(parent)
    current = parent
  }
  if (used.size !== unique.length) {
    const left = unique.filter((_, i) => !used.has(i)).map((p) => `"${formatDn(p.cert.subject)}"`)
    throw chainError(`certificates not on the leaf → root path: ${left.join(', ')}`)
  }
  return {
    der: chain.map((p) => p.der),
    leaf: chain[0]?.cert as X509Certificate,
    root: current.cert,
  }
}

/** The leaf must hold an RSA-3072 key (the only key type Artifact Signing issues, §6). */
export function checkLeafKey(leaf: X509Certificate): void {
  const key = leaf.publicKey
  const bits = key.asymmetricKeyDetails?.modulusLength
  if (key.asymmetricKeyType !== 'rsa' || bits !== 3072) {
    throw new ArtifactSigningError(
      'SIGNER_KEY_UNSUPPORTED',
      `the signing certificate "${formatDn(leaf.subject)}" has a ${key.asymmetricKeyType ?? 'unknown'}${
        bits === undefined ? '' : `-${bits}`
      } key; Artifact Signing keys are RSA-3072 (PS384)`,
      { remedy: 'check artifact-signing-endpoint points at the Artifact Signing service' },
    )
  }
}

/** Verifies the returned PS384 signature with the leaf key; a mismatch is a coded error. */
export function checkSignedBy(
  leaf: X509Certificate,
  toBeSigned: Uint8Array,
  signature: Uint8Array,
): void {
  if (!verifyPs384(toBeSigned, signature, leaf.publicKey)) {
    throw new ArtifactSigningError(
      'SIGNER_SIGNATURE_MISMATCH',
      `the signature returned by Artifact Signing does not verify (RSASSA-PSS SHA-384, salt 48) with the key of the returned certificate "${formatDn(
        leaf.subject,
      )}"`,
      {
        remedy:
          'nothing was pushed; retry (the certificate may have been renewed during the request) and report it to Azure support if it persists',
      },
    )
  }
}
