import { parseCertificate } from '../x509/certificate.js'
import { algorithmForKeySpec, keySpecOfKey } from '../x509/key-spec.js'
import { verifyRaw } from '../x509/raw-signature.js'
import { EnvelopeError } from './errors.js'
import type { ParsedEnvelope } from './types.js'

/**
 * Verifies the envelope's signature with the leaf certificate's key (integrity, notary-spec.md §2.8).
 * The algorithm is derived from the leaf key and must equal the header's (go-cose
 * ErrAlgorithmMismatch): a mismatch throws ENVELOPE_ALGORITHM_MISMATCH; an unusable leaf throws
 * CertificateError (CERT_PARSE / CERT_KEY_UNSUPPORTED). Returns false when the bytes do not verify.
 */
export function verifyEnvelopeSignature(parsed: ParsedEnvelope): boolean {
  const leafDer = parsed.certificateChain[0]
  if (!leafDer) {
    throw new EnvelopeError('ENVELOPE_CERTIFICATE_CHAIN', 'the envelope has no leaf certificate')
  }
  const leaf = parseCertificate(leafDer)
  const expected = algorithmForKeySpec(
    keySpecOfKey(leaf.publicKey, `leaf certificate "${leaf.subject}"`),
  )
  if (expected !== parsed.algorithm) {
    throw new EnvelopeError(
      'ENVELOPE_ALGORITHM_MISMATCH',
      `the envelope says ${parsed.algorithm} but the leaf certificate "${leaf.subject}" key requires ${expected}`,
    )
  }
  return verifyRaw(parsed.algorithm, leaf.publicKey, parsed.toBeSigned, parsed.signature)
}
