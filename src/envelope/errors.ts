import { ActionError } from '../errors.js'

/** Envelope decoding / integrity codes. */
export type EnvelopeCode =
  /** The bytes are not a well-formed envelope (CBOR/JSON structure, types, encodings). */
  | 'ENVELOPE_MALFORMED'
  /** A well-formed envelope using something we do not support (media type, alg, signing scheme). */
  | 'ENVELOPE_UNSUPPORTED'
  /** The crit list is empty, dangling, incomplete, or names a header we do not understand. */
  | 'ENVELOPE_CRITICAL_HEADER'
  /** A time header is missing, wrongly encoded, or expiry is not after the signing time. */
  | 'ENVELOPE_TIME'
  /** The certificate chain (x5chain / x5c) is missing or not an array of certificates. */
  | 'ENVELOPE_CERTIFICATE_CHAIN'
  /** The header algorithm differs from the one the leaf certificate's key implies. */
  | 'ENVELOPE_ALGORITHM_MISMATCH'

/** A signature envelope that cannot be decoded or does not follow the Notary envelope rules. */
export class EnvelopeError extends ActionError<EnvelopeCode> {}
