/**
 * The sign job's pre-push check of policy and store names (issue 11 item 2): which statements it
 * checks (the one selected for each image's repository; none for `skip`), and what it reports.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { checkReadBackPossible } from '../../../src/commands/sign-preflight.js'
import { parseTrustPolicy } from '../../../src/verify/policy.js'
import { buildTrustStore, type TrustStore } from '../../../src/verify/trust-store.js'
import { createRootCa, type IssuedCert } from '../../../testbed/pki.js'
import { policyDoc, statement } from '../../helpers/verify-policy.js'

let root: IssuedCert
let store: TrustStore
beforeAll(async () => {
  root = await createRootCa('Preflight Root')
  store = buildTrustStore([
    { type: 'ca', name: 'acme', certificates: [{ der: root.der, source: 'root.pem' }] },
    { type: 'ca', name: 'empty', certificates: [] },
  ])
})

const policy = (...statements: Record<string, unknown>[]) =>
  parseTrustPolicy(JSON.stringify(policyDoc(...statements)))
const APP = 'registry.example/app@sha256:' + 'a'.repeat(64)

function failure(fn: () => void): { code?: string; message: string } {
  try {
    fn()
  } catch (err) {
    return err as { code?: string; message: string }
  }
  throw new Error('expected a failure')
}

describe('checkReadBackPossible', () => {
  it('passes when the selected statement names only stores that exist and hold certificates', () => {
    expect(() =>
      checkReadBackPossible([APP, 'registry.example/app:v2'], {
        policy: policy(),
        trustStore: store,
      }),
    ).not.toThrow()
  })

  it('checks the statement selected for the repository, not the others (a shared policy)', () => {
    const doc = policy(
      statement(),
      statement({
        name: 'other',
        registryScopes: ['registry.example/other'],
        trustStores: ['ca:gone'],
      }),
    )
    expect(() => checkReadBackPossible([APP], { policy: doc, trustStore: store })).not.toThrow()
    const err = failure(() =>
      checkReadBackPossible(['registry.example/other:v1'], { policy: doc, trustStore: store }),
    )
    expect(err.code).toBe('TRUST_STORE_NOT_FOUND')
    expect(err.message).toContain('trust policy statement "other" (for registry.example/other)')
  })

  it('a skip statement needs no store', () => {
    const doc = policy(
      statement({
        signatureVerification: { level: 'skip' },
        trustStores: undefined,
        trustedIdentities: undefined,
      }),
    )
    expect(() =>
      checkReadBackPossible([APP], { policy: doc, trustStore: buildTrustStore([]) }),
    ).not.toThrow()
  })

  it('names every missing or empty store at once and lists the stores that exist', () => {
    const doc = policy(statement({ trustStores: ['ca:acme', 'ca:Acme_', 'ca:empty', 'tsa:stamp'] }))
    const err = failure(() => checkReadBackPossible([APP], { policy: doc, trustStore: store }))
    expect(err.code).toBe('TRUST_STORE_NOT_FOUND')
    expect(err.message).toContain(
      'the trust store "Acme_" of type "ca" does not exist (did you mean ca:acme?)',
    )
    expect(err.message).toContain(
      'no x509 certificates were found in trust store "empty" of type "ca"',
    )
    expect(err.message).toContain('the trust store "stamp" of type "tsa" does not exist')
    expect(err.message).toContain('(the trust-store input has ca:acme, ca:empty)')
  })

  it('an image no statement covers is POLICY_NOT_APPLICABLE', () => {
    const err = failure(() =>
      checkReadBackPossible(['elsewhere.example/app:v1'], { policy: policy(), trustStore: store }),
    )
    expect(err.code).toBe('POLICY_NOT_APPLICABLE')
    expect(err.message).toContain('elsewhere.example/app')
  })
})
