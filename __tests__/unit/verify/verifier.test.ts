import { beforeAll, describe, expect, it } from 'vitest'
import { createSignatureEnvelope } from '../../../src/envelope/sign.js'
import { MEDIA_TYPE, SIGNING_SCHEME } from '../../../src/notary/constants.js'
import { createLocalKeySigner } from '../../../src/signer/local-key.js'
import { validateTrustPolicy, type TrustPolicyStatement } from '../../../src/verify/policy.js'
import {
  noRevocationChecker,
  type CertRevocationResult,
  type RevocationChecker,
} from '../../../src/verify/revocation.js'
import { buildTrustStore, type TrustStore } from '../../../src/verify/trust-store.js'
import {
  formatRfc1123z,
  verifySignature,
  type SignatureOutcome,
  type VerifySignatureInput,
} from '../../../src/verify/verifier.js'
import { createCodeSigningPki, createRootCa, type IssuedCert } from '../../../testbed/pki.js'
import { craftCose, SUBJECT, type CraftOptions } from '../../helpers/verify-envelope.js'
import { policyDoc, statement as statementJson } from '../../helpers/verify-policy.js'

const NOW = new Date()
const DAY = 86_400_000

type Pki = Awaited<ReturnType<typeof createCodeSigningPki>>
let ec: Pki
let rsa: Pki
let expired: Pki
let otherRoot: IssuedCert
let store: TrustStore

beforeAll(async () => {
  ec = await createCodeSigningPki({ keyKind: 'ec256' })
  rsa = await createCodeSigningPki({ keyKind: 'rsa2048', root: ec.root })
  expired = await createCodeSigningPki({
    keyKind: 'ec256',
    variant: 'expired',
    root: ec.root,
    now: NOW,
  })
  otherRoot = await createRootCa()
  store = buildTrustStore([
    { type: 'ca', name: 'acme', certificates: [{ der: ec.root.der, source: 'root' }] },
    { type: 'ca', name: 'other', certificates: [{ der: otherRoot.der, source: 'other' }] },
    { type: 'signingAuthority', name: 'sa', certificates: [{ der: ec.root.der, source: 'root' }] },
  ])
})

function policy(overrides: Record<string, unknown> = {}): TrustPolicyStatement {
  const doc = validateTrustPolicy(
    policyDoc(
      statementJson({
        registryScopes: ['*'],
        trustStores: ['ca:acme'],
        trustedIdentities: ['*'],
        ...overrides,
      }),
    ),
  )
  return doc.trustPolicies[0] as TrustPolicyStatement
}

function craft(pki: Pki, o: Partial<CraftOptions> = {}): ReturnType<typeof craftCose> {
  return craftCose({
    leafKey: pki.leaf.privateKey,
    chain: pki.chainDer,
    algorithm: pki === rsa ? 'PS256' : 'ES256',
    ...o,
  })
}

async function verify(
  envelope: { envelope: Uint8Array; mediaType: string },
  overrides: Partial<VerifySignatureInput> = {},
): Promise<SignatureOutcome> {
  return verifySignature({
    envelope: envelope.envelope,
    mediaType: envelope.mediaType,
    subject: SUBJECT,
    statement: policy(),
    trustStore: store,
    now: NOW,
    revocation: noRevocationChecker,
    ...overrides,
  })
}

const statusOf = (o: SignatureOutcome): Record<string, string> =>
  Object.fromEntries(o.checks.map((c) => [c.type, `${c.action}:${c.status}`]))

describe('verifySignature: valid signatures', () => {
  it('a COSE signature under strict passes every check', async () => {
    const o = await verify(await craft(ec))
    expect(o.error).toBeUndefined()
    expect(o.verdict).toBe('passed')
    expect(statusOf(o)).toEqual({
      integrity: 'enforce:passed',
      authenticity: 'enforce:passed',
      expiry: 'enforce:passed',
      authenticTimestamp: 'enforce:passed',
      revocation: 'enforce:passed',
      payload: 'enforce:passed',
    })
    // The trust-policy spelling (certificate order, ", "), not Go's reversed one.
    expect(o.signer).toBe(ec.leaf.certificate.subject.split('\n').join(', '))
    expect(o.envelope).toMatchObject({
      mediaType: MEDIA_TYPE.cose,
      algorithm: 'ES256',
      signingScheme: 'notary.x509',
    })
    expect(o.targetArtifact).toEqual(SUBJECT)
    expect(o.certificateChain?.map((c) => c.sha256)).toHaveLength(3)
    // the intermediate names no revocation endpoint: notation notes it (not a downgraded check)
    expect(o.notes.some((w) => w.includes('neither has an OCSP nor a CRL revocation method'))).toBe(
      true,
    )
    expect(o.warnings).toEqual([])
  })

  it('a JWS signature made by the project signer passes', async () => {
    const signer = createLocalKeySigner({
      keyPem: rsa.leaf.privateKeyPem,
      chainPem: rsa.chainPem,
      now: NOW,
    })
    const { buildPayload } = await import('../../../src/notary/payload.js')
    for (const format of ['jws', 'cose'] as const) {
      const created = await createSignatureEnvelope({
        format,
        payload: buildPayload(SUBJECT),
        signer,
        signingTime: NOW,
        signingAgent: 'test',
      })
      const o = await verify(created)
      expect(o.error).toBeUndefined()
      expect(o.envelope?.algorithm).toBe('PS256')
    }
  })

  it('an x509.subject identity matching the leaf passes', async () => {
    const o = await verify(await craft(ec), {
      statement: policy({
        trustedIdentities: ['x509.subject: C=US, ST=WA, O=Notary Testbed, L=Seattle'],
      }),
    })
    expect(o.verdict).toBe('passed')
    expect(o.checks.find((c) => c.type === 'authenticity')?.message).toContain(
      'matches the trusted identity',
    )
  })

  it('user metadata present in the signed annotations passes', async () => {
    const o = await verify(await craft(ec, { userMetadata: { buildId: '42', env: 'prod' } }), {
      userMetadata: new Map([['buildId', '42']]),
    })
    expect(statusOf(o).userMetadata).toBe('enforce:passed')
    expect(o.verdict).toBe('passed')
  })

  it('the skip level passes without looking at the signature', async () => {
    const o = await verify(
      { envelope: new Uint8Array([1, 2, 3]), mediaType: 'application/x-nothing' },
      {
        statement: policy({
          registryScopes: ['r.io/app'],
          signatureVerification: { level: 'skip' },
          trustStores: [],
          trustedIdentities: [],
        }),
      },
    )
    expect(o.verdict).toBe('passed')
    expect(o.checks.every((c) => c.status === 'skipped' && c.action === 'skip')).toBe(true)
  })
})

describe('verifySignature: integrity failures (always enforced)', () => {
  const cases: [string, () => Promise<{ envelope: Uint8Array; mediaType: string }>, RegExp][] = [
    [
      'tampered payload',
      async () => craft(ec, { embeddedPayload: new TextEncoder().encode('{"targetArtifact":{}}') }),
      /signature is invalid/,
    ],
    ['tampered signature', async () => craft(ec, { flipSignature: true }), /signature is invalid/],
    [
      'tampered protected header',
      async () => {
        const other = await craft(ec, { signingTime: new Date(NOW.getTime() - 3 * DAY) })
        return craft(ec, { embeddedProtected: other.protectedBytes })
      },
      /signature is invalid/,
    ],
    [
      'PSS salt length ≠ hash length',
      async () => craft(rsa, { pssSaltLength: 20 }),
      /signature is invalid/,
    ],
    [
      'PSS maximum salt length (Node default)',
      async () => craft(rsa, { pssSaltLength: 222 }),
      /signature is invalid/,
    ],
    [
      'unknown critical header',
      async () =>
        craft(ec, {
          extendedAttributes: [{ key: 'com.example.policy', value: 'x', critical: true }],
        }),
      /unable to parse the digital signature.*com\.example\.policy/,
    ],
    [
      'wrong payload content type',
      async () => craft(ec, { contentType: 'application/json' }),
      /payload content type "application\/json" is not supported/,
    ],
    [
      'a chain without its root',
      async () => craft(ec, { chain: ec.chainDer.slice(0, 2) }),
      /invalid certificate chain/,
    ],
    [
      'garbage',
      async () => ({ envelope: new Uint8Array([0xd2, 0x84, 0x00]), mediaType: MEDIA_TYPE.cose }),
      /unable to parse the digital signature/,
    ],
  ]
  it.each(cases)('%s', async (_name, make, message) => {
    const o = await verify(await make(), {
      statement: policy({ signatureVerification: { level: 'audit' } }),
    })
    expect(o.verdict).toBe('failed')
    expect(o.error?.code).toBe('INTEGRITY')
    expect(o.error?.message).toMatch(message)
    expect(statusOf(o)).toMatchObject({
      integrity: 'enforce:failed',
      authenticity: 'log:skipped',
      payload: 'enforce:skipped',
    })
  })

  it('an unsupported envelope media type is UNSUPPORTED_ENVELOPE', async () => {
    const o = await verify({
      envelope: new Uint8Array(4),
      mediaType: 'application/pkcs7-signature',
    })
    expect(o.error?.code).toBe('UNSUPPORTED_ENVELOPE')
  })

  it('a non-empty verificationPlugin header is inconclusive and fails', async () => {
    const o = await verify(
      await craft(ec, {
        extendedAttributes: [
          { key: 'io.cncf.notary.verificationPlugin', value: 'com.example.plugin', critical: true },
        ],
      }),
      { statement: policy({ signatureVerification: { level: 'audit' } }) },
    )
    expect(o.verdict).toBe('failed')
    expect(o.error?.code).toBe('INCONCLUSIVE')
    expect(statusOf(o).verificationPlugin).toBe('enforce:inconclusive')
  })
})

describe('verifySignature: authenticity and identity', () => {
  it('a chain not anchored in the trust store fails under strict', async () => {
    const o = await verify(await craft(ec), { statement: policy({ trustStores: ['ca:other'] }) })
    expect(o.error?.code).toBe('AUTHENTICITY')
    expect(statusOf(o)).toMatchObject({ authenticity: 'enforce:failed', expiry: 'enforce:skipped' })
  })

  it('...and is only logged under audit', async () => {
    const o = await verify(await craft(ec), {
      statement: policy({ trustStores: ['ca:other'], signatureVerification: { level: 'audit' } }),
    })
    expect(o.verdict).toBe('passed')
    expect(statusOf(o).authenticity).toBe('log:failed')
    expect(o.warnings[0]).toMatch(
      /^authenticity validation failed with validation action set to "logged"/,
    )
  })

  it('byte equality with an intermediate is enough (pinning)', async () => {
    const pinned = buildTrustStore([
      { type: 'ca', name: 'acme', certificates: [{ der: ec.intermediate.der, source: 'i' }] },
    ])
    expect((await verify(await craft(ec), { trustStore: pinned })).verdict).toBe('passed')
  })

  it('a mismatching identity fails as UNTRUSTED_IDENTITY', async () => {
    const o = await verify(await craft(ec), {
      statement: policy({ trustedIdentities: ['x509.subject: C=US, ST=WA, O=Someone Else'] }),
    })
    expect(o.error?.code).toBe('UNTRUSTED_IDENTITY')
    expect(o.error?.message).toContain('does not match the X.509 trusted identities')
  })

  it('a referenced store that was not provided fails authenticity', async () => {
    const o = await verify(await craft(ec), { statement: policy({ trustStores: ['ca:missing'] }) })
    expect(o.error?.code).toBe('TRUST_STORE_NOT_FOUND')
    expect(o.error?.message).toContain('the trust store "missing" of type "ca" does not exist')
  })

  it('no store of the scheme type is inconclusive', async () => {
    const o = await verify(await craft(ec), {
      statement: policy({ trustStores: ['signingAuthority:sa'] }),
    })
    expect(o.error?.code).toBe('INCONCLUSIVE')
    expect(statusOf(o).authenticity).toBe('enforce:inconclusive')
  })

  it('a signingAuthority signature needs a signingAuthority store, not a ca store', async () => {
    const sa = await craft(ec, { scheme: SIGNING_SCHEME.signingAuthority })
    expect(
      (await verify(sa, { statement: policy({ trustStores: ['signingAuthority:sa'] }) })).verdict,
    ).toBe('passed')
    expect(
      (await verify(sa, { statement: policy({ trustStores: ['ca:acme'] }) })).error?.code,
    ).toBe('INCONCLUSIVE')
  })
})

describe('verifySignature: expiry and validity', () => {
  it('an expired envelope fails under strict and is logged under permissive', async () => {
    const env = await craft(ec, {
      signingTime: new Date(NOW.getTime() - 2 * DAY),
      expiry: new Date(NOW.getTime() - DAY),
    })
    const strict = await verify(env)
    expect(strict.error?.code).toBe('EXPIRED')
    expect(strict.error?.message).toContain('digital signature has expired on')
    const permissive = await verify(env, {
      statement: policy({ signatureVerification: { level: 'permissive' } }),
    })
    expect(permissive.verdict).toBe('passed')
    expect(statusOf(permissive).expiry).toBe('log:failed')
  })

  it('expiry exactly now has expired (now >= expiry)', async () => {
    const expiry = new Date(Math.floor(NOW.getTime() / 1000) * 1000)
    const env = await craft(ec, { signingTime: new Date(expiry.getTime() - DAY), expiry })
    expect((await verify(env, { now: expiry })).error?.code).toBe('EXPIRED')
    expect((await verify(env, { now: new Date(expiry.getTime() - 1) })).verdict).toBe('passed')
  })

  it('an expired certificate without a tsa store fails the authentic timestamp check under strict', async () => {
    const env = await craft(expired, { signingTime: new Date(NOW.getTime() - 10 * DAY) })
    const o = await verify(env)
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toContain(
      `verification time is after certificate "${expired.leaf.certificate.subject.split('\n').reverse().join(',')}" validity period, it was expired at "${formatRfc1123z(new Date(expired.leaf.certificate.validTo))}"`,
    )
    const permissive = await verify(env, {
      statement: policy({ signatureVerification: { level: 'permissive' } }),
    })
    expect(permissive.verdict).toBe('passed')
  })

  it('a tsa store makes a timestamp-less signature fail (verifyTimestamp: always)', async () => {
    const tsaStore = buildTrustStore([
      { type: 'ca', name: 'acme', certificates: [{ der: ec.root.der, source: 'r' }] },
      { type: 'tsa', name: 'stamp', certificates: [{ der: otherRoot.der, source: 't' }] },
    ])
    const env = await craft(ec)
    const always = await verify(env, {
      trustStore: tsaStore,
      statement: policy({ trustStores: ['ca:acme', 'tsa:stamp'] }),
    })
    expect(always.error?.message).toContain(
      'no timestamp countersignature was found in the signature envelope',
    )
    const afterExpiry = await verify(env, {
      trustStore: tsaStore,
      statement: policy({
        trustStores: ['ca:acme', 'tsa:stamp'],
        signatureVerification: { level: 'strict', verifyTimestamp: 'afterCertExpiry' },
      }),
    })
    expect(afterExpiry.verdict).toBe('passed')
  })

  it('signingAuthority: the authentic signing time must be inside every certificate', async () => {
    const env = await craft(expired, {
      scheme: SIGNING_SCHEME.signingAuthority,
      signingTime: new Date(NOW.getTime() - 40 * DAY),
    })
    const o = await verify(env, { statement: policy({ trustStores: ['signingAuthority:sa'] }) })
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toContain('was not valid when the digital signature was produced at')
    const inside = await craft(expired, {
      scheme: SIGNING_SCHEME.signingAuthority,
      signingTime: new Date(NOW.getTime() - 10 * DAY),
    })
    expect(
      (await verify(inside, { statement: policy({ trustStores: ['signingAuthority:sa'] }) }))
        .verdict,
    ).toBe('passed')
  })
})

describe('verifySignature: revocation through the port', () => {
  const fake = (
    results: CertRevocationResult['result'][],
    calls: string[] = [],
  ): RevocationChecker => ({
    async check(chain, options) {
      calls.push(options.purpose)
      return chain.map((_, i) => ({
        result: results[i] ?? 'nonRevocable',
        method: 'crl',
        servers: [],
      }))
    },
  })

  it('a revoked leaf fails under strict', async () => {
    const o = await verify(await craft(ec), { revocation: fake(['revoked', 'ok', 'nonRevocable']) })
    expect(o.error?.code).toBe('REVOCATION')
    expect(o.error?.message).toMatch(
      /signing certificate with subject ".*Test Signer.*" is revoked/,
    )
  })

  it('an unknown status is inconclusive: fails under strict, logged under permissive', async () => {
    const strict = await verify(await craft(ec), {
      revocation: fake(['unknown', 'ok', 'nonRevocable']),
    })
    expect(strict.error?.code).toBe('REVOCATION')
    expect(statusOf(strict).revocation).toBe('enforce:inconclusive')
    const permissive = await verify(await craft(ec), {
      revocation: fake(['unknown', 'ok', 'nonRevocable']),
      statement: policy({ signatureVerification: { level: 'permissive' } }),
    })
    expect(permissive.verdict).toBe('passed')
  })

  it('revoked wins over unknown', async () => {
    const o = await verify(await craft(ec), {
      revocation: fake(['unknown', 'revoked', 'nonRevocable']),
    })
    expect(o.error?.message).toMatch(/Issuing CA.* is revoked/)
  })

  it('override revocation: skip does not call the checker', async () => {
    const calls: string[] = []
    const o = await verify(await craft(ec), {
      revocation: fake(['revoked'], calls),
      statement: policy({
        signatureVerification: { level: 'strict', override: { revocation: 'skip' } },
      }),
    })
    expect(o.verdict).toBe('passed')
    expect(calls).toEqual([])
    expect(statusOf(o).revocation).toBe('skip:skipped')
  })

  it('a checker that throws makes revocation inconclusive', async () => {
    const o = await verify(await craft(ec), {
      revocation: { check: () => Promise.reject(new Error('boom')) },
    })
    expect(o.error?.message).toContain('unable to check revocation status, err: boom')
  })
})

describe('verifySignature: payload and metadata (not level-governed)', () => {
  it('a signature for another digest fails even under audit', async () => {
    const o = await verify(await craft(ec), {
      subject: { ...SUBJECT, digest: `sha256:${'cd'.repeat(32)}` },
      statement: policy({ signatureVerification: { level: 'audit' } }),
    })
    expect(o.verdict).toBe('failed')
    expect(o.error?.code).toBe('PAYLOAD_MISMATCH')
    expect(o.error?.message).toContain('content descriptor mismatch')
  })

  it('size and media type are compared too', async () => {
    expect((await verify(await craft(ec), { subject: { ...SUBJECT, size: 1 } })).error?.code).toBe(
      'PAYLOAD_MISMATCH',
    )
    expect(
      (await verify(await craft(ec), { subject: { ...SUBJECT, mediaType: MEDIA_TYPE.ociIndex } }))
        .error?.code,
    ).toBe('PAYLOAD_MISMATCH')
  })

  it('missing or different user metadata fails', async () => {
    const env = await craft(ec, { userMetadata: { env: 'prod' } })
    const o = await verify(env, {
      userMetadata: new Map([['env', 'dev']]),
      statement: policy({ signatureVerification: { level: 'audit' } }),
    })
    expect(o.error?.code).toBe('METADATA_MISMATCH')
    expect((await verify(env, { userMetadata: new Map([['team', 'x']]) })).error?.code).toBe(
      'METADATA_MISMATCH',
    )
  })
})

describe('formatRfc1123z', () => {
  it('formats like Go time.RFC1123Z in UTC', () => {
    expect(formatRfc1123z(new Date('2024-06-18T07:30:31Z'))).toBe('Tue, 18 Jun 2024 07:30:31 +0000')
  })
})
