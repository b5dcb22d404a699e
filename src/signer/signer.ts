/**
 * The Signer port: Artifact Signing and a local key are interchangeable behind it.
 * The algorithm follows the leaf key exactly (notary-spec.md §3.1).
 */
export type KeySpec = 'RSA-2048' | 'RSA-3072' | 'RSA-4096' | 'EC-256' | 'EC-384' | 'EC-521'
export type SignatureAlgorithm = 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512'
export type HashAlgorithm = 'SHA-256' | 'SHA-384' | 'SHA-512'

export interface SignResult {
  /** Raw signature bytes: RSASSA-PSS octets, or ECDSA r||s (IEEE P1363). */
  signature: Uint8Array
  /** DER certificates, leaf first, ending in the self-signed root. */
  certificateChain: Uint8Array[]
}

export interface Signer {
  /** Known before signing (the protected header carries the algorithm). */
  readonly keySpec: KeySpec
  readonly algorithm: SignatureAlgorithm
  /** Describes the signer in logs, never secret (e.g. "local key", "artifact signing eus/acct/profile"). */
  readonly description: string
  /** Signs the to-be-signed bytes (the signer hashes them with the algorithm's hash). */
  sign(toBeSigned: Uint8Array): Promise<SignResult>
  /**
   * Optional warm-up a job starts before it needs the first signature, so it overlaps the registry
   * work: a remote signer gets its access token and opens its connection. Never throws; what fails
   * here fails again, reported, in `sign`.
   */
  prepare?(): Promise<void>
  /**
   * The certificate chain (DER, leaf first) the next signature will carry, found without signing.
   * skip-if-signed compares it with the chains of existing signatures.
   */
  currentChain?(): Promise<Uint8Array[]>
}
