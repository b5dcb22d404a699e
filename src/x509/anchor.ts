/**
 * The trust anchor a verifier needs for a certificate chain: the chain's self-signed root when
 * the chain carries it (Artifact Signing and local-key chains do; notation requires it), else
 * only the name of the certificate the last one was issued by (an RFC 3161 token usually stops
 * below its root). Pure: certificates in, description out.
 */
import { parseCertificate, parseNameAttributes } from './certificate.js'
import { policyDn, policySubject } from './dn.js'
import { derToPem } from './pem.js'

export interface TrustAnchor {
  /** The root's subject when `pem` is set, else the issuer of the chain's last certificate. */
  subject: string
  /** SHA-256 fingerprint (lower-case hex) of the root, when the chain carries it. */
  sha256?: string
  /** The root certificate, when the chain carries it. */
  pem?: string
}

/** `ders` in any order (leaf first for a signing chain, as-encoded for a token's certificates). */
export function trustAnchorOf(ders: readonly Uint8Array[]): TrustAnchor | undefined {
  const certs = ders.map((der) => ({ der, info: parseCertificate(der) }))
  const root = certs.find((c) => c.info.selfSigned)
  if (root !== undefined) {
    return { subject: policySubject(root.info), sha256: root.info.sha256, pem: derToPem(root.der) }
  }
  // The top of the chain: the certificate no other one in the set was issued by.
  const top = certs.find((c) =>
    certs.every(
      (other) =>
        other === c || !Buffer.from(other.info.rawSubject).equals(Buffer.from(c.info.rawIssuer)),
    ),
  )
  const last = top ?? certs.at(-1)
  return last === undefined
    ? undefined
    : { subject: policyDn(parseNameAttributes(last.info.rawIssuer)) }
}
