import { beforeAll, describe, expect, it } from 'vitest'
import { validateTrustPolicy, type TrustPolicyStatement } from '../../../src/verify/policy.js'
import {
  buildArtifactReport,
  renderReportText,
  type SignatureReport,
} from '../../../src/verify/report.js'
import { noRevocationChecker } from '../../../src/verify/revocation.js'
import { buildTrustStore } from '../../../src/verify/trust-store.js'
import { verifySignature } from '../../../src/verify/verifier.js'
import { createCodeSigningPki } from '../../../testbed/pki.js'
import { craftCose, SUBJECT } from '../../helpers/verify-envelope.js'

const statement = (level = 'strict'): TrustPolicyStatement =>
  validateTrustPolicy({
    version: '1.0',
    trustPolicies: [
      level === 'skip'
        ? { name: 'skipper', registryScopes: ['r.io/app'], signatureVerification: { level } }
        : {
            name: 'p',
            registryScopes: ['*'],
            signatureVerification: { level },
            trustStores: ['ca:acme'],
            trustedIdentities: ['*'],
          },
    ],
  }).trustPolicies[0] as TrustPolicyStatement

let good: SignatureReport
let bad: SignatureReport
const ref = `r.io/app@${SUBJECT.digest}`

beforeAll(async () => {
  const pki = await createCodeSigningPki({ keyKind: 'ec256' })
  const store = buildTrustStore([
    { type: 'ca', name: 'acme', certificates: [{ der: pki.root.der, source: 'r' }] },
  ])
  const run = async (flip: boolean) => {
    const env = await craftCose({
      leafKey: pki.leaf.privateKey,
      chain: pki.chainDer,
      algorithm: 'ES256',
      flipSignature: flip,
    })
    return verifySignature({
      envelope: env.envelope,
      mediaType: env.mediaType,
      subject: SUBJECT,
      statement: statement(),
      trustStore: store,
      now: new Date(),
      revocation: noRevocationChecker,
    })
  }
  good = {
    digest: 'sha256:' + '1'.repeat(64),
    mediaType: 'application/cose',
    outcome: await run(false),
  }
  bad = {
    digest: 'sha256:' + '2'.repeat(64),
    mediaType: 'application/cose',
    outcome: await run(true),
  }
})

describe('buildArtifactReport', () => {
  it('the first signature that verifies wins', () => {
    const r = buildArtifactReport({
      reference: ref,
      artifact: SUBJECT,
      statement: statement(),
      signatures: [bad, good],
    })
    expect(r).toMatchObject({ verdict: 'passed', verifiedBy: 1 })
    expect(r.error).toBeUndefined()
  })
  it('no signature is NO_SIGNATURE', () => {
    const r = buildArtifactReport({
      reference: ref,
      artifact: SUBJECT,
      statement: statement(),
      signatures: [],
    })
    expect(r.error?.code).toBe('NO_SIGNATURE')
  })
  it('all failing lists every failure', () => {
    const r = buildArtifactReport({
      reference: ref,
      artifact: SUBJECT,
      statement: statement(),
      signatures: [bad, bad],
    })
    expect(r.verdict).toBe('failed')
    expect(r.error?.code).toBe('INTEGRITY')
    expect(r.error?.message.split('\n')).toHaveLength(3)
  })
  it('the limit is reported as TOO_MANY_SIGNATURES', () => {
    const r = buildArtifactReport({
      reference: ref,
      artifact: SUBJECT,
      statement: statement(),
      signatures: [bad],
      limitExceeded: { max: 1 },
    })
    expect(r.error?.code).toBe('TOO_MANY_SIGNATURES')
  })
  it('skip is skipped', () => {
    expect(
      buildArtifactReport({
        reference: ref,
        artifact: SUBJECT,
        statement: statement('skip'),
        signatures: [],
      }).verdict,
    ).toBe('skipped')
  })
})

describe('renderReportText', () => {
  it('shows the verdict, the policy, each signature and each check', () => {
    const text = renderReportText(
      buildArtifactReport({
        reference: ref,
        artifact: SUBJECT,
        statement: statement(),
        signatures: [bad, good],
      }),
    )
    const lines = text.split('\n')
    expect(lines[0]).toBe(`VERIFIED: ${ref}`)
    expect(lines[1]).toBe('  trust policy: "p", level strict')
    expect(text).toContain(`signature 1: ${bad.digest} (application/cose): not verified`)
    expect(text).toContain(`signature 2: ${good.digest} (application/cose): verified (used)`)
    expect(text).toMatch(/ {4}integrity {10}enforce FAILED {7}signature is invalid/)
    expect(text).toMatch(/ {4}revocation {9}enforce ok {11}no certificate of the chain is revoked/)
    expect(text).toContain('  notes:')
  })
  it('renders a failure with its code', () => {
    const text = renderReportText(
      buildArtifactReport({
        reference: 'r.io/app:v1',
        artifact: SUBJECT,
        statement: statement(),
        signatures: [],
      }),
    )
    expect(text).toContain(`NOT VERIFIED: r.io/app:v1 (${SUBJECT.digest})`)
    expect(text).toContain('error [NO_SIGNATURE]: no signature is associated with "r.io/app:v1"')
  })
})
