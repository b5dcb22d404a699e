/**
 * The verifier reuses parsed certificates, signature checks, parsed timestamp tokens and revocation
 * endpoints across signatures (src/x509/certificate.ts, src/timestamp/parsed-token.ts,
 * src/verify/revocation.ts). With every cache warm, verdicts must be what a cold run gives, and a
 * tampered or foreign part must still fail. Real tokens from the local openssl TSA, real CRLs over
 * loopback HTTP, an Artifact Signing-shaped chain (RSA-3072 leaf, RSA CA, RSA root, PS384).
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTransport } from '../../../src/net/transport.js'
import { createTimestampRequest } from '../../../src/timestamp/request.js'
import { timestampTokenFromResponse } from '../../../src/timestamp/token.js'
import { verifyTimestampToken } from '../../../src/timestamp/verify.js'
import { validateTrustPolicy, type TrustPolicyStatement } from '../../../src/verify/policy.js'
import {
  createRevocationChecker,
  noRevocationChecker,
  revocationEndpoints,
  type RevocationChecker,
} from '../../../src/verify/revocation.js'
import { buildTrustStore, type TrustStore } from '../../../src/verify/trust-store.js'
import { verifySignature, type SignatureOutcome } from '../../../src/verify/verifier.js'
import { parseCertificate } from '../../../src/x509/certificate.js'
import { createCodeSigningPki } from '../../../testbed/pki.js'
import { startTsa, type TsaHandle } from '../../../testbed/tsa.js'
import { startCrlServer, type CrlServer } from '../../helpers/crl-server.js'
import { craftCose, SUBJECT, type Crafted } from '../../helpers/verify-envelope.js'
import { makeCrl, revocationPki } from '../../helpers/verify-pki.js'

type Pki = Awaited<ReturnType<typeof createCodeSigningPki>>
let tsa: TsaHandle
let crlServer: CrlServer
let pki: Pki
let store: TrustStore

beforeAll(async () => {
  tsa = await startTsa()
  crlServer = await startCrlServer()
  pki = await createCodeSigningPki({ keyKind: 'rsa3072', caKeyKind: 'rsa3072' })
  store = buildTrustStore([
    { type: 'ca', name: 'acme', certificates: [{ der: pki.root.der, source: 'root' }] },
    { type: 'tsa', name: 'stamp', certificates: [{ der: tsa.pki.root.der, source: 'tsa' }] },
  ])
})
afterAll(async () => {
  await tsa?.stop()
  await crlServer?.stop()
})

const statement = validateTrustPolicy({
  version: '1.0',
  trustPolicies: [
    {
      name: 'p',
      registryScopes: ['*'],
      signatureVerification: { level: 'strict' },
      trustStores: ['ca:acme', 'tsa:stamp'],
      trustedIdentities: ['*'],
    },
  ],
}).trustPolicies[0] as TrustPolicyStatement

async function tokenFor(signature: Uint8Array): Promise<Uint8Array> {
  const req = createTimestampRequest({
    message: signature,
    hash: 'SHA-384',
    nonceRandom: randomBytes(20),
  })
  const res = await fetch(tsa.url, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: Buffer.from(req.der),
  })
  if (res.status !== 200) throw new Error(`TSA answered ${res.status}`)
  return timestampTokenFromResponse(new Uint8Array(await res.arrayBuffer()))
}

function flipLastByte(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes)
  out[out.length - 1] = (out[out.length - 1] as number) ^ 0x01
  return out
}

function envelope(o: {
  chain?: Uint8Array[]
  timestamp?: (signature: Uint8Array) => Promise<Uint8Array>
}): Promise<Crafted> {
  return craftCose({
    leafKey: pki.leaf.privateKey,
    chain: o.chain ?? pki.chainDer,
    algorithm: 'PS384',
    timestamp: o.timestamp ?? tokenFor,
  })
}

function verify(env: Crafted, revocation: RevocationChecker = noRevocationChecker) {
  return verifySignature({
    envelope: env.envelope,
    mediaType: env.mediaType,
    subject: SUBJECT,
    statement,
    trustStore: store,
    now: new Date(),
    revocation,
  })
}

const statusOf = (o: SignatureOutcome, type: string): string | undefined =>
  o.checks.find((c) => c.type === type)?.status

describe('verification with warm parse caches', () => {
  it('the same envelope verifies the same way twice; a caller mutating the outcome changes nothing', async () => {
    const env = await envelope({})
    const first = await verify(env)
    expect(first.error).toBeUndefined()
    expect(first.verdict).toBe('passed')
    const genTime = first.timestamp?.genTime.getTime()
    expect(genTime).toBeGreaterThan(0)
    first.timestamp?.genTime.setTime(0)
    const second = await verify(env)
    expect(second.verdict).toBe('passed')
    expect(second.timestamp?.genTime.getTime()).toBe(genTime)
    expect(second.checks.map((c) => [c.type, c.status, c.message])).toEqual(
      (await verify(env)).checks.map((c) => [c.type, c.status, c.message]),
    )
  })

  it("a cached token does not vouch for another signature (the token's imprint is checked)", async () => {
    let firstToken: Uint8Array | undefined
    const a = await envelope({ timestamp: async (sig) => (firstToken = await tokenFor(sig)) })
    expect((await verify(a)).verdict).toBe('passed')
    const b = await envelope({ timestamp: async () => firstToken as Uint8Array })
    const o = await verify(b)
    expect(o.verdict).toBe('failed')
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toContain('mismatched message')
  })

  it('a tampered copy of a cached token fails, over the right signature', async () => {
    const roots = [tsa.pki.root.der]
    const env = await envelope({
      timestamp: async (message) => {
        const token = await tokenFor(message)
        // The genuine token is verified (and cached) first.
        expect(verifyTimestampToken({ token, message, roots }).genTime).toBeInstanceOf(Date)
        return flipLastByte(token) // inside the SignerInfo signature
      },
    })
    const o = await verify(env)
    expect(o.verdict).toBe('failed')
    expect(statusOf(o, 'integrity')).toBe('passed')
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toContain('crypto/rsa: verification error')
  })

  it('a chain with a tampered copy of a cached intermediate fails integrity', async () => {
    expect((await verify(await envelope({}))).verdict).toBe('passed')
    const chain = [pki.leaf.der, flipLastByte(pki.intermediate.der), pki.root.der]
    const o = await verify(await envelope({ chain }))
    expect(o.verdict).toBe('failed')
    expect(o.error?.code).toBe('INTEGRITY')
    expect(o.error?.message).toContain('invalid certificate chain')
    expect(o.error?.message).toContain('intermediate certificate [1]')
  })

  it('a chain of another PKI with the same leaf subject is not trusted by the cached root', async () => {
    const leafSubject = 'C=US, ST=WA, O=Cache Test, CN=Same Name Signer'
    // EC CAs: only the look-alike matters here, and RSA CA keys are slow to generate.
    const mine = await createCodeSigningPki({ keyKind: 'rsa3072', leafSubject })
    const other = await createCodeSigningPki({ keyKind: 'rsa3072', leafSubject })
    const sign = (p: Pki) =>
      craftCose({
        leafKey: p.leaf.privateKey,
        chain: p.chainDer,
        algorithm: 'PS384',
        timestamp: tokenFor,
      })
    const trust = buildTrustStore([
      { type: 'ca', name: 'acme', certificates: [{ der: mine.root.der, source: 'root' }] },
      { type: 'tsa', name: 'stamp', certificates: [{ der: tsa.pki.root.der, source: 'tsa' }] },
    ])
    const run = async (p: Pki) => {
      const env = await sign(p)
      return verifySignature({
        envelope: env.envelope,
        mediaType: env.mediaType,
        subject: SUBJECT,
        statement,
        trustStore: trust,
        now: new Date(),
        revocation: noRevocationChecker,
      })
    }
    expect((await run(mine)).verdict).toBe('passed')
    const o = await run(other)
    expect(o.error?.code).toBe('AUTHENTICITY')
  })
})

describe('revocation with parsed certificates', () => {
  it('endpoints come from the parsed certificate, the same as from the DER', async () => {
    const p = await revocationPki({
      leaf: { ocsp: ['http://ocsp.example/'], crl: ['http://crl.example/a.crl'] },
    })
    const parsed = parseCertificate(p.leaf.der)
    const fromDer = revocationEndpoints(p.leaf.der)
    expect(revocationEndpoints(parsed)).toEqual(fromDer)
    expect(revocationEndpoints(parsed)).toBe(revocationEndpoints(parseCertificate(p.leaf.der)))
    expect(revocationEndpoints(parseCertificate(p.root.der))).toEqual({
      ocsp: [],
      crl: [],
      hasFreshestCrl: false,
    })
  })

  it('a CRL parsed once per checker is still validated at each check time', async () => {
    const path = `/cache/${randomBytes(4).toString('hex')}.crl`
    const p = await revocationPki({ leaf: { crl: [crlServer.origin + path] } })
    const nextUpdate = new Date(Date.now() + 3_600_000)
    crlServer.crls.set(
      path,
      await makeCrl(p.intermediate, { revoked: [{ serial: p.leaf.serial }], nextUpdate }),
    )
    const checker = createRevocationChecker({ transport: createTransport({ maxAttempts: 1 }) })
    const at = (now: Date) => checker.check(p.chain, { purpose: 'codeSigning', now })
    expect((await at(new Date()))[0]?.result).toBe('revoked')
    expect((await at(new Date()))[0]?.result).toBe('revoked')
    // After nextUpdate the same (shared, already parsed) CRL no longer decides: unknown.
    const late = await at(new Date(nextUpdate.getTime() + 60_000))
    expect(late[0]?.result).toBe('unknown')
    expect(late[0]?.servers[0]?.error).toMatch(/expired|nextUpdate/i)
    expect(crlServer.hits.filter((h) => h === path)).toHaveLength(1)
  })
})
