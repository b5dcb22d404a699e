/**
 * createLazyRevocationChecker loads the real checker on its first check and answers exactly as
 * createRevocationChecker does; a failure inside stays a failure (the verifier then reports the
 * revocation check as inconclusive, never as passed).
 */
import { describe, expect, it } from 'vitest'
import { createLazyRevocationChecker } from '../../../src/verify/lazy-revocation.js'
import { createRevocationChecker } from '../../../src/verify/revocation.js'
import type { Transport } from '../../../src/net/transport.js'
import { revocationPki } from '../../helpers/verify-pki.js'

const refusing: Transport = {
  request: () => Promise.reject(new Error('connection refused (test transport)')),
}

describe('createLazyRevocationChecker', () => {
  it('answers as the real checker: non-revocable chain, and an unreachable CRL is unknown', async () => {
    const plain = await revocationPki({})
    const withCrl = await revocationPki({ leaf: { crl: ['http://127.0.0.1:9/a.crl'] } })
    const lazy = createLazyRevocationChecker({ transport: refusing })
    const real = createRevocationChecker({ transport: refusing })
    const now = new Date()
    for (const chain of [plain.chain, withCrl.chain]) {
      const options = { purpose: 'codeSigning' as const, now }
      expect(await lazy.check(chain, options)).toEqual(await real.check(chain, options))
    }
    const [leaf] = await lazy.check(withCrl.chain, { purpose: 'codeSigning', now })
    expect(leaf?.result).toBe('unknown')
    expect(leaf?.servers[0]?.error).toContain('connection refused')
  })

  it('rejects like the real checker for an empty chain', async () => {
    const lazy = createLazyRevocationChecker({ transport: refusing })
    await expect(lazy.check([], { purpose: 'codeSigning', now: new Date() })).rejects.toThrow(
      'chain does not contain any certificates',
    )
    // And keeps working afterwards.
    const plain = await revocationPki({})
    expect(
      (await lazy.check(plain.chain, { purpose: 'codeSigning', now: new Date() })).map(
        (r) => r.result,
      ),
    ).toEqual(['nonRevocable', 'nonRevocable', 'nonRevocable'])
  })
})
