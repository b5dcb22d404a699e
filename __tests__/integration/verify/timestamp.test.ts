/**
 * The authentic-timestamp check with real RFC 3161 tokens from the local openssl TSA
 * (testbed/tsa.ts): back-dated tokens via faketime, an untrusted TSA, a wrong imprint.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTimestampRequest } from '../../../src/timestamp/request.js'
import { timestampTokenFromResponse } from '../../../src/timestamp/token.js'
import { validateTrustPolicy, type TrustPolicyStatement } from '../../../src/verify/policy.js'
import { noRevocationChecker, type RevocationChecker } from '../../../src/verify/revocation.js'
import { buildTrustStore, type TrustStore } from '../../../src/verify/trust-store.js'
import { verifySignature, type SignatureOutcome } from '../../../src/verify/verifier.js'
import { createCodeSigningPki } from '../../../testbed/pki.js'
import { startTsa, type TsaHandle } from '../../../testbed/tsa.js'
import { craftCose, SUBJECT } from '../../helpers/verify-envelope.js'

const NOW = new Date()
const DAY = 86_400_000
let tsa: TsaHandle
let pki: Awaited<ReturnType<typeof createCodeSigningPki>>
let store: TrustStore

beforeAll(async () => {
  tsa = await startTsa()
  // A leaf that was valid from 30 days ago until yesterday.
  pki = await createCodeSigningPki({ keyKind: 'ec256', variant: 'expired', now: NOW })
  store = buildTrustStore([
    { type: 'ca', name: 'acme', certificates: [{ der: pki.root.der, source: 'root' }] },
    { type: 'tsa', name: 'stamp', certificates: [{ der: tsa.pki.root.der, source: 'tsa' }] },
  ])
})
afterAll(async () => {
  await tsa?.stop()
})

async function token(route: string, signature: Uint8Array): Promise<Uint8Array> {
  const req = createTimestampRequest({
    message: signature,
    hash: 'SHA-256',
    nonceRandom: randomBytes(20),
  })
  const res = await fetch(new URL(route, tsa.url), {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: Buffer.from(req.der),
  })
  if (res.status !== 200) throw new Error(`TSA answered ${res.status}`)
  return timestampTokenFromResponse(new Uint8Array(await res.arrayBuffer()))
}

function statement(trustStores = ['ca:acme', 'tsa:stamp'], level = 'strict'): TrustPolicyStatement {
  return validateTrustPolicy({
    version: '1.0',
    trustPolicies: [
      {
        name: 'p',
        registryScopes: ['*'],
        signatureVerification: { level },
        trustStores,
        trustedIdentities: ['*'],
      },
    ],
  }).trustPolicies[0] as TrustPolicyStatement
}

async function verifyWith(
  route: string,
  o: { signedAt?: Date; trustStores?: string[]; revocation?: RevocationChecker } = {},
): Promise<SignatureOutcome> {
  const signedAt = o.signedAt ?? new Date(NOW.getTime() - 10 * DAY)
  const env = await craftCose({
    leafKey: pki.leaf.privateKey,
    chain: pki.chainDer,
    algorithm: 'ES256',
    signingTime: signedAt,
    timestamp: (sig) => token(route, sig),
  })
  return verifySignature({
    envelope: env.envelope,
    mediaType: env.mediaType,
    subject: SUBJECT,
    statement: statement(o.trustStores),
    trustStore: store,
    now: NOW,
    revocation: o.revocation ?? noRevocationChecker,
  })
}

const epoch = (d: Date): number => Math.floor(d.getTime() / 1000)

describe('authentic timestamp with a local RFC 3161 TSA', () => {
  it('an expired leaf passes when a trusted timestamp falls inside its validity', async () => {
    const signedAt = new Date(NOW.getTime() - 10 * DAY)
    const o = await verifyWith(`at/${epoch(signedAt)}`, { signedAt })
    expect(o.error).toBeUndefined()
    expect(Math.abs((o.timestamp?.genTime.getTime() ?? 0) - epoch(signedAt) * 1000)).toBeLessThan(
      5000,
    )
    expect(o.timestamp?.accuracyMs).toBe(1000)
    expect(o.checks.find((c) => c.type === 'authenticTimestamp')?.status).toBe('passed')
  })

  it('the same signature without a tsa store fails: the chain is not valid now', async () => {
    const signedAt = new Date(NOW.getTime() - 10 * DAY)
    const o = await verifyWith(`at/${epoch(signedAt)}`, { signedAt, trustStores: ['ca:acme'] })
    expect(o.error?.message).toContain('verification time is after certificate')
  })

  it('a timestamp after the certificate expired fails', async () => {
    const o = await verifyWith('')
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toMatch(
      /timestamp can be after certificate ".*Test Signer.*" validity period, it was expired at/,
    )
  })

  it('a timestamp before the certificate was valid fails', async () => {
    const o = await verifyWith(`at/${epoch(new Date(NOW.getTime() - 40 * DAY))}`)
    expect(o.error?.message).toMatch(
      /timestamp can be before certificate ".*" validity period, it will be valid from/,
    )
  })

  it('a timestamp from an untrusted TSA fails', async () => {
    const o = await verifyWith('untrusted')
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toContain(
      'failed to verify the timestamp countersignature with error: failed to verify signed token: cms verification failure: x509: certificate signed by unknown authority',
    )
  })

  it('a timestamp over other bytes fails', async () => {
    const o = await verifyWith('wrong-imprint')
    expect(o.error?.message).toContain(
      'failed to get timestamp from timestamp countersignature with error: invalid TSTInfo: mismatched message',
    )
  })

  it('a revoked TSA certificate fails the timestamp check even when revocation is not enforced', async () => {
    const signedAt = new Date(NOW.getTime() - 10 * DAY)
    const revokedTsa: RevocationChecker = {
      check: async (chain, options) =>
        chain.map((_, i) => ({
          result:
            options.purpose === 'timestamping' && i === 0
              ? ('revoked' as const)
              : ('nonRevocable' as const),
          method: 'crl' as const,
          servers: [],
        })),
    }
    const o = await verifyWith(`at/${epoch(signedAt)}`, { signedAt, revocation: revokedTsa })
    expect(o.error?.message).toMatch(
      /timestamping certificate with subject ".*Testbed TSA.*" is revoked/,
    )
  })
})
