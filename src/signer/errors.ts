import { ActionError } from '../errors.js'

/** Signing failure codes (SIGNER_*). */
export type SigningCode =
  /** The private key cannot be read (not PEM, unknown format, unsupported type). */
  | 'SIGNER_KEY_INVALID'
  /** The private key is password-protected; we only take unencrypted keys. */
  | 'SIGNER_KEY_ENCRYPTED'
  /** The private key does not belong to the leaf certificate. */
  | 'SIGNER_KEY_MISMATCH'
  /** The certificate chain breaks a Notary chain rule (cause: CertificateError). */
  | 'SIGNER_CHAIN_INVALID'
  /** The leaf key implies another algorithm than the signer announced. */
  | 'SIGNER_ALGORITHM_MISMATCH'
  /** The signature the signer returned does not verify with the leaf certificate's key. */
  | 'SIGNER_LEAF_MISMATCH'
  /** The signer failed (cause: the signer's error). */
  | 'SIGNER_FAILED'
  /** Timestamping the signature failed; no envelope was produced (cause: the TSA error). */
  | 'SIGNER_TIMESTAMP'
  /** The sign request itself is invalid (times, payload). */
  | 'SIGNER_REQUEST_INVALID'

/** Signing failed; the message names the rule or input, `cause` holds the lower-level error. */
export class SigningError extends ActionError<SigningCode> {}
