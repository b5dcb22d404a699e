/**
 * The real revocation checker, loaded on its first use. A run creates its checker before its first
 * request, but needs it only when it checks a signature's chain: loading the OCSP/CRL code (and
 * pkijs with it) at that point keeps it off the start-up path, and a run that checks nothing (no
 * signature found, an early failure) never loads it. Behaves exactly as createRevocationChecker.
 */
import type { RevocationChecker } from './revocation-port.js'
import type { RevocationCheckerOptions } from './revocation.js'

export function createLazyRevocationChecker(options: RevocationCheckerOptions): RevocationChecker {
  let checker: Promise<RevocationChecker> | undefined
  return {
    check(chain, checkOptions) {
      checker ??= import('./revocation.js').then((m) => m.createRevocationChecker(options))
      return checker.then((c) => c.check(chain, checkOptions))
    },
  }
}
