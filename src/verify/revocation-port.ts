/**
 * The revocation port the verifier calls (notary-spec.md §7.3), with what needs no OCSP or CRL
 * code: the result types, notation's `revocationFinalResult` summary, and the `--offline` checker.
 * The real checker (revocation.ts) is the only module that needs pkijs; keeping the port apart
 * lets the verifier, and a run before its first request, load without it.
 */

export type RevocationResult = 'ok' | 'revoked' | 'unknown' | 'nonRevocable'
export type RevocationMethod = 'ocsp' | 'crl' | 'ocspFallbackCrl' | 'none'

export interface ServerResult {
  url: string
  method: 'ocsp' | 'crl'
  result: RevocationResult
  error?: string
}

export interface CertRevocationResult {
  result: RevocationResult
  method: RevocationMethod
  servers: ServerResult[]
}

export interface RevocationCheckOptions {
  /** Which chain profile this is (only used in messages; the chain is validated by the caller). */
  purpose: 'codeSigning' | 'timestamping'
  /** Verification time: OCSP/CRL freshness is checked against it. */
  now: Date
  /** The signingAuthority scheme's authentic signing time (enables the invalidityDate exception). */
  authenticSigningTime?: Date
}

/** The port the verifier uses. `chain` is DER, leaf first, ending in the root. */
export interface RevocationChecker {
  /**
   * Set on a checker that cannot reach any responder by choice (the CLI's `--offline`): the
   * verifier then reports revocation as skipped, with a note, instead of calling `check`.
   */
  readonly offline?: boolean
  check(
    chain: readonly Uint8Array[],
    options: RevocationCheckOptions,
  ): Promise<CertRevocationResult[]>
}

// ---------------------------------------------------------------------------------------------
// Final result (notation-go revocationFinalResult)

export interface RevocationSummary {
  result: 'ok' | 'revoked' | 'unknown'
  /** Index in the chain of the certificate that decided a non-ok result. */
  index?: number
  /** Warnings notation would log (non-revocable intermediates, server errors). */
  warnings: string[]
}

export function summarizeRevocation(
  results: readonly CertRevocationResult[],
  subjects: readonly string[],
): RevocationSummary {
  const warnings: string[] = []
  let final: 'ok' | 'revoked' | 'unknown' = 'unknown'
  let index: number | undefined
  let revokedIndex: number | undefined
  let okCount = 0
  for (let i = results.length - 1; i >= 0; i--) {
    const r = results[i] as CertRevocationResult
    const subject = subjects[i] ?? `#${i + 1}`
    if (r.method === 'ocspFallbackCrl') {
      warnings.push(
        `OCSP check failed with unknown error and fallback to CRL check for certificate #${i + 1} in chain with subject "${subject}"`,
      )
    }
    for (const s of r.servers) {
      if (s.error === undefined || s.result === 'ok' || s.result === 'nonRevocable') continue
      if (r.method === 'ocspFallbackCrl' && s.method === 'ocsp') continue
      warnings.push(
        `Certificate #${i + 1} in chain with subject "${subject}" encountered an error for revocation method ${s.method.toUpperCase()} at URL "${s.url}": ${s.error}`,
      )
    }
    if (r.result === 'ok' || r.result === 'nonRevocable') {
      okCount++
    } else {
      final = r.result
      index = i
      if (r.result === 'revoked') revokedIndex = i
    }
    if (i < results.length - 1 && r.result === 'nonRevocable') {
      warnings.push(
        `Certificate #${i + 1} in the chain with subject "${subject}" neither has an OCSP nor a CRL revocation method.`,
      )
    }
  }
  if (revokedIndex !== undefined) return { result: 'revoked', index: revokedIndex, warnings }
  if (okCount === results.length) return { result: 'ok', warnings }
  return { result: final, ...(index !== undefined ? { index } : {}), warnings }
}

// ---------------------------------------------------------------------------------------------
// Checkers

export const NON_REVOCABLE: CertRevocationResult = {
  result: 'nonRevocable',
  method: 'none',
  servers: [],
}

/**
 * Revocation deliberately not checked (the CLI's `--offline`): `offline` makes the verifier report
 * revocation as skipped, never as passed, without calling `check`.
 */
export const offlineRevocationChecker: RevocationChecker = {
  offline: true,
  check: async () => {
    throw new Error('the offline revocation checker is never called')
  },
}
