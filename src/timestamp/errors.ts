/**
 * Coded errors of RFC 3161 timestamping (notary-spec.md §4). Messages follow tspclient-go's wording
 * where notation users would recognise it ("invalid TSTInfo: mismatched message", "failed to verify
 * signed token: ..."), so a failure reads the same as with the notation CLI.
 */
import { ActionError } from '../errors.js'

export type TimestampCode =
  /** The request could not be built or sent (bad input: empty message, bad URL, bad options). */
  | 'TSA_REQUEST'
  /** The TSA answered with a non-200 status, the wrong content type, or could not be reached. */
  | 'TSA_HTTP'
  /** The TSA did not answer within the timeout. */
  | 'TSA_TIMEOUT'
  /** The response or token is not valid DER/BER of the expected shape, or breaks RFC 3161. */
  | 'TSA_RESPONSE_INVALID'
  /** The TimeStampResp status is not granted (0) or grantedWithMods (1). */
  | 'TSA_STATUS'
  /** The token's messageImprint does not match the timestamped bytes (or the expected hash). */
  | 'TSA_IMPRINT_MISMATCH'
  /** The token's nonce differs from the request's. */
  | 'TSA_NONCE_MISMATCH'
  /** The signing certificate named by the token is not in it. */
  | 'TSA_SIGNER_NOT_FOUND'
  /** SignerInfo problems: SigningCertificateV2, version, signed attributes, the signature itself. */
  | 'TSA_SIGNATURE_INVALID'
  /** No path from the TSA signing certificate to one of the trusted TSA roots. */
  | 'TSA_UNTRUSTED'
  /** A TSA certificate breaks the timestamping profile (EKU, key usage, validity at genTime, §3.3). */
  | 'TSA_CERT_INVALID'
  /** genTime is too far from the local clock (checked at signing). */
  | 'TSA_TIME'

/** A timestamping failure. `url` is the TSA (origin + path) when the failure came from one. */
export class TimestampError extends ActionError<TimestampCode> {
  readonly url?: string

  constructor(
    code: TimestampCode,
    message: string,
    options?: { cause?: unknown; remedy?: string; url?: string },
  ) {
    super(code, message, options)
    if (options?.url !== undefined) this.url = options.url
  }
}
