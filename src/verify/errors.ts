/**
 * Verification error family (notary-spec.md §6, §7). Every failure the verifier reports carries one
 * of these codes; `PolicyError` and `TrustStoreError` also carry the full list of problems found, each
 * with the JSON path (or file path) it concerns, so a user fixes everything in one go.
 */
import { ActionError } from '../errors.js'

export type VerificationCode =
  /** The envelope does not decode, its signature does not verify, or its chain is malformed. */
  | 'INTEGRITY'
  /** No certificate of the chain is in the trust store named by the policy. */
  | 'AUTHENTICITY'
  /** The chain is trusted but the leaf subject matches none of the policy's trusted identities. */
  | 'UNTRUSTED_IDENTITY'
  /** The envelope's `io.cncf.notary.expiry` has passed. */
  | 'EXPIRED'
  /** Timestamp / certificate validity checks failed (§4.2, §4.3). */
  | 'AUTHENTIC_TIMESTAMP'
  /** A certificate is revoked, or its status is unknown. */
  | 'REVOCATION'
  /** The signed payload names another artifact (mediaType, digest or size differ). */
  | 'PAYLOAD_MISMATCH'
  /** The caller's required user metadata is missing from the signed payload. */
  | 'METADATA_MISMATCH'
  /** The verifier cannot decide (a verification plugin is required, no trusted certificates...). */
  | 'INCONCLUSIVE'
  /** The artifact has no Notary signature. */
  | 'NO_SIGNATURE'
  /** The signature envelope media type is not supported. */
  | 'UNSUPPORTED_ENVELOPE'
  /** More signatures than the configured limit were tried. */
  | 'TOO_MANY_SIGNATURES'
  | PolicyCode
  | TrustStoreCode

export type PolicyCode =
  /** The trust policy document breaks a validation rule (every problem is listed). */
  | 'POLICY_INVALID'
  /** No statement's registryScopes covers the artifact. */
  | 'POLICY_NOT_APPLICABLE'
  /** The trust policy could not be read (missing file, symlink, not JSON/YAML). */
  | 'POLICY_UNREADABLE'

export type TrustStoreCode =
  /** A trust store or one of its certificates breaks a rule (every problem is listed). */
  | 'TRUST_STORE_INVALID'
  /** The policy names a trust store that was not provided. */
  | 'TRUST_STORE_NOT_FOUND'

/** One validation problem: where (a JSON path such as `trustPolicies[1].registryScopes[0]`) and what. */
export interface Problem {
  path: string
  message: string
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('\n')
}

export class VerificationError extends ActionError<VerificationCode> {}

/** A problem with the trust policy; `problems` lists every rule that was broken. */
export class PolicyError extends VerificationError {
  declare readonly code: PolicyCode
  readonly problems: readonly Problem[]

  constructor(
    code: PolicyCode,
    message: string,
    options?: { cause?: unknown; remedy?: string; problems?: readonly Problem[] },
  ) {
    super(code, message, options)
    this.problems = options?.problems ?? []
  }
}

/** A problem with a trust store; `problems` lists every certificate or file that was rejected. */
export class TrustStoreError extends VerificationError {
  declare readonly code: TrustStoreCode
  readonly problems: readonly Problem[]

  constructor(
    code: TrustStoreCode,
    message: string,
    options?: { cause?: unknown; remedy?: string; problems?: readonly Problem[] },
  ) {
    super(code, message, options)
    this.problems = options?.problems ?? []
  }
}
