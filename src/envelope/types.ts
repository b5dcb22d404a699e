import type { SigningScheme } from '../notary/constants.js'
import type { SignatureAlgorithm } from '../signer/signer.js'

export type EnvelopeFormat = 'cose' | 'jws'

/**
 * A decoded Notary signature envelope, COSE or JWS, in one shape for the verifier.
 * Decoding is strict but does no trust decisions; `toBeSigned` are the exact bytes the
 * signature covers (COSE Sig_structure over the raw protected bytes, or the JWS signing input).
 */
export interface ParsedEnvelope {
  format: EnvelopeFormat
  mediaType: 'application/cose' | 'application/jose+json'
  algorithm: SignatureAlgorithm
  /** Payload content type from the protected header (cty). */
  contentType: string
  payload: Uint8Array
  signature: Uint8Array
  toBeSigned: Uint8Array
  signingScheme: SigningScheme
  signingTime?: Date
  authenticSigningTime?: Date
  expiry?: Date
  /** DER certificates from x5chain / x5c, as found (leaf first). */
  certificateChain: Uint8Array[]
  /** RFC 3161 TimeStampToken (CMS ContentInfo DER), when present. */
  timestampToken?: Uint8Array
  signingAgent?: string
  /** Labels listed in crit, as strings (integer labels as decimal strings). */
  critical: string[]
  /** Protected headers other than the registered Notary ones, with their criticality. */
  extendedAttributes: { key: string; value: unknown; critical: boolean }[]
}
