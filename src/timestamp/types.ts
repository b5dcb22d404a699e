import type { HashAlgorithm } from '../signer/signer.js'

/** Gets an RFC 3161 TimeStampToken over `message` (the raw signature bytes) hashed with `hash`. */
export interface Timestamper {
  timestamp(message: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array>
  /** Optional warm-up before the first token: opens the connection to the TSA. Never throws. */
  prepare?(): Promise<void>
}

/** What a verified token says. */
export interface TimestampInfo {
  genTime: Date
  /** Accuracy in milliseconds (0 when none is stated and the policy is not the RFC 3628 baseline). */
  accuracyMs: number
  hashAlgorithm: HashAlgorithm
  /** The TSA certificate chain that was built to a trusted root, leaf first, DER. */
  tsaChain: Uint8Array[]
  /** TSA policy OID, dotted. */
  policy: string
  /** TSTInfo serialNumber, lowercase hex without leading zeros. */
  serialNumber: string
}
