/**
 * Revocation against real servers on loopback: CRLs served by a local HTTP server, OCSP answered
 * by `openssl ocsp`. Exercises createRevocationChecker over the project Transport, then the whole
 * verifier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTransport } from '../../../src/net/transport.js'
import { parseCertificate } from '../../../src/x509/certificate.js'
import { validateTrustPolicy, type TrustPolicyStatement } from '../../../src/verify/policy.js'
import {
  createRevocationChecker,
  summarizeRevocation,
  type RevocationChecker,
} from '../../../src/verify/revocation.js'
import { buildTrustStore } from '../../../src/verify/trust-store.js'
import { verifySignature } from '../../../src/verify/verifier.js'
import { startCrlServer, type CrlServer } from '../../helpers/crl-server.js'
import { craftCose, SUBJECT } from '../../helpers/verify-envelope.js'
import { startOcspResponder, type OcspResponder } from '../../helpers/verify-ocsp.js'
import {
  issueCert,
  makeCrl,
  revocationPki,
  X509CrlReason,
  type RevocationPki,
} from '../../helpers/verify-pki.js'

let crlServer: CrlServer
let base: string
let crls: CrlServer['crls']
let hits: string[]
const responders: OcspResponder[] = []
const now = (): Date => new Date()

beforeAll(async () => {
  crlServer = await startCrlServer()
  ;({ origin: base, crls, hits } = crlServer)
})

afterAll(async () => {
  await Promise.all(responders.map((r) => r.stop()))
  await crlServer.stop()
})

const checker = (): RevocationChecker =>
  createRevocationChecker({ transport: createTransport({ maxAttempts: 1 }) })
let counter = 0
const crlPath = (): string => `/crl/${++counter}.crl`

async function check(pki: RevocationPki, authenticSigningTime?: Date) {
  const results = await checker().check(pki.chain, {
    purpose: 'codeSigning',
    now: now(),
    ...(authenticSigningTime ? { authenticSigningTime } : {}),
  })
  const subjects = pki.chain.map((d) => parseCertificate(d).subject)
  return { results, summary: summarizeRevocation(results, subjects) }
}

describe('CRL', () => {
  it("a leaf listed in its issuer's CRL is revoked; the root is never checked", async () => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    crls.set(p, await makeCrl(pki.intermediate, { revoked: [{ serial: pki.leaf.serial }] }))
    const { results, summary } = await check(pki)
    expect(results.map((r) => `${r.result}/${r.method}`)).toEqual([
      'revoked/crl',
      'nonRevocable/none',
      'nonRevocable/none',
    ])
    expect(summary).toMatchObject({ result: 'revoked', index: 0 })
    expect(summary.warnings.join('\n')).toContain('#2 in the chain with subject')
  })

  it('a CRL that does not list the leaf is ok', async () => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    crls.set(p, await makeCrl(pki.intermediate, { revoked: [{ serial: '0abc' }] }))
    expect((await check(pki)).summary.result).toBe('ok')
  })

  it("an intermediate listed in the root's CRL is revoked", async () => {
    const p = crlPath()
    const pki = await revocationPki({ intermediate: { crl: [base + p] } })
    crls.set(p, await makeCrl(pki.root, { revoked: [{ serial: pki.intermediate.serial }] }))
    expect((await check(pki)).summary).toMatchObject({ result: 'revoked', index: 1 })
  })

  const unknownCases: [string, (pki: RevocationPki, path: string) => Promise<void>, RegExp][] = [
    [
      'expired CRL',
      async (pki, p) =>
        void crls.set(
          p,
          await makeCrl(pki.intermediate, {
            thisUpdate: new Date(Date.now() - 3 * 86_400_000),
            nextUpdate: new Date(Date.now() - 86_400_000),
          }),
        ),
      /expired CRL/,
    ],
    [
      'CRL without nextUpdate',
      async (pki, p) => void crls.set(p, await makeCrl(pki.intermediate, { nextUpdate: null })),
      /NextUpdate is not set/,
    ],
    [
      'CRL signed by another key',
      async (pki, p) =>
        void crls.set(p, await makeCrl(pki.root, { revoked: [{ serial: pki.leaf.serial }] })),
      /CRL is not signed by CA/,
    ],
    ['HTTP 500', async (_pki, p) => void crls.set(p, 'error'), /status code: 500/],
    [
      'not a CRL',
      async (_pki, p) => void crls.set(p, new Uint8Array([1, 2, 3])),
      /failed to parse CRL/,
    ],
  ]
  it.each(unknownCases)('%s gives unknown', async (_name, setup, message) => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    await setup(pki, p)
    const { results, summary } = await check(pki)
    expect(summary.result).toBe('unknown')
    expect(results[0]?.servers[0]?.error).toMatch(message)
    expect(summary.warnings.join('\n')).toMatch(message)
  })

  it('an unreachable or https CRL URL gives unknown', async () => {
    const pki = await revocationPki({ leaf: { crl: ['http://127.0.0.1:1/x.crl'] } })
    expect((await check(pki)).summary.result).toBe('unknown')
    const tls = await revocationPki({ leaf: { crl: ['https://127.0.0.1:1/x.crl'] } })
    expect((await check(tls)).results[0]?.servers[0]?.error).toMatch(/only http/)
  })

  it('certificateHold revokes; removeFromCRL does not', async () => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    const entry = { serial: pki.leaf.serial, date: new Date(Date.now() - 60_000) }
    crls.set(
      p,
      await makeCrl(pki.intermediate, {
        revoked: [{ ...entry, reason: X509CrlReason.certificateHold }],
      }),
    )
    expect((await check(pki)).summary.result).toBe('revoked')
    crls.set(
      p,
      await makeCrl(pki.intermediate, {
        revoked: [{ ...entry, reason: X509CrlReason.removeFromCRL }],
      }),
    )
    expect((await check(pki)).summary.result).toBe('ok')
    crls.set(
      p,
      await makeCrl(pki.intermediate, {
        revoked: [{ ...entry, reason: X509CrlReason.keyCompromise }],
      }),
    )
    expect((await check(pki)).summary.result).toBe('revoked')
  })

  it('invalidityDate after the authentic signing time keeps the signature valid (signingAuthority only)', async () => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    const invalidity = new Date(Date.now() - 3_600_000)
    crls.set(
      p,
      await makeCrl(pki.intermediate, { revoked: [{ serial: pki.leaf.serial, invalidity }] }),
    )
    expect((await check(pki, new Date(invalidity.getTime() - 60_000))).summary.result).toBe('ok')
    expect((await check(pki, new Date(invalidity.getTime() + 60_000))).summary.result).toBe(
      'revoked',
    )
    expect((await check(pki)).summary.result).toBe('revoked')
  })
})

describe('one checker, many images', () => {
  const counted = (): { checker: RevocationChecker; requests: string[] } => {
    const requests: string[] = []
    const transport = createTransport({
      maxAttempts: 1,
      onRequest: (e) => requests.push(`${e.method} ${e.url}`),
    })
    return { checker: createRevocationChecker({ transport }), requests }
  }
  const run = (checker: RevocationChecker, pki: RevocationPki) =>
    checker.check(pki.chain, { purpose: 'codeSigning', now: now() })

  it('fetches a CRL once for sequential and concurrent checks of one chain', async () => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    crls.set(p, await makeCrl(pki.intermediate, { revoked: [{ serial: pki.leaf.serial }] }))
    const { checker, requests } = counted()
    const first = await run(checker, pki)
    const rest = await Promise.all([1, 2, 3, 4].map(() => run(checker, pki)))
    for (const results of [first, ...rest]) expect(results[0]?.result).toBe('revoked')
    expect(requests).toEqual([`GET ${base}${p}`])
    expect(hits.filter((h) => h === p)).toHaveLength(1)
  })

  it('fetches a failed CRL again, and never turns the failure into ok', async () => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    crls.set(p, 'error')
    const { checker } = counted()
    expect((await run(checker, pki))[0]?.result).toBe('unknown')
    crls.set(p, await makeCrl(pki.intermediate, { revoked: [{ serial: pki.leaf.serial }] }))
    expect((await run(checker, pki))[0]?.result).toBe('revoked')
    expect(hits.filter((h) => h === p)).toHaveLength(2)
  })

  it("a kept CRL is still checked at each check's own time", async () => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    crls.set(p, await makeCrl(pki.intermediate, { revoked: [] }))
    const { checker } = counted()
    expect((await run(checker, pki))[0]?.result).toBe('ok')
    const later = new Date(Date.now() + 3 * 86_400_000) // past the CRL's nextUpdate
    const results = await checker.check(pki.chain, { purpose: 'codeSigning', now: later })
    expect(results[0]?.result).toBe('unknown')
    expect(hits.filter((h) => h === p)).toHaveLength(1)
  })
})

describe('OCSP (openssl ocsp responder)', () => {
  type ResponderOptions = {
    revoked?: boolean
    signer?:
      'issuer' | 'delegated' | 'delegated-no-eku' | 'delegated-expired' | 'delegated-not-yet-valid'
    nextUpdateMinutes?: number | null
    listLeaf?: boolean
  }

  /** Starts the responder for an intermediate first, then issues the leaf pointing at it. */
  async function withResponder(
    o: ResponderOptions,
    crl?: string[],
  ): Promise<{ pki: RevocationPki; url: string }> {
    const root = await issueCert({
      subject: 'C=US, ST=WA, O=Revocation Test, CN=OCSP Root',
      ca: true,
    })
    const intermediate = await issueCert({
      subject: 'C=US, ST=WA, O=Revocation Test, CN=OCSP Intermediate',
      issuer: root,
      ca: true,
    })
    // The leaf names the responder URL, so reserve the port before issuing the leaf.
    const { freePort } = await import('../../../testbed/registry.js')
    const port = await freePort()
    const leaf = await issueCert({
      subject: 'C=US, ST=WA, O=Revocation Test, CN=OCSP Leaf',
      issuer: intermediate,
      ocsp: [`http://127.0.0.1:${port}`],
      ...(crl ? { crl } : {}),
    })
    const pki = { root, intermediate, leaf, chain: [leaf.der, intermediate.der, root.der] }
    const r = await responderOnPort(pki, o, port)
    return { pki, url: r.url }
  }

  async function responderOnPort(
    pki: RevocationPki,
    o: ResponderOptions,
    port: number,
  ): Promise<OcspResponder> {
    let signer = pki.intermediate
    if (o.signer !== undefined && o.signer !== 'issuer') {
      const day = 86_400_000
      signer = await issueCert({
        subject: 'C=US, ST=WA, O=Revocation Test, CN=OCSP Responder',
        issuer: pki.intermediate,
        eku: o.signer === 'delegated-no-eku' ? ['1.3.6.1.5.5.7.3.3'] : ['1.3.6.1.5.5.7.3.9'],
        ...(o.signer === 'delegated-expired'
          ? { notBefore: new Date(Date.now() - 3 * day), notAfter: new Date(Date.now() - day) }
          : {}),
        ...(o.signer === 'delegated-not-yet-valid'
          ? { notBefore: new Date(Date.now() + day), notAfter: new Date(Date.now() + 3 * day) }
          : {}),
      })
    }
    const r = await startOcspResponder({
      ca: pki.intermediate,
      signer,
      entries:
        o.listLeaf === false
          ? []
          : [
              {
                cert: pki.leaf,
                ...(o.revoked ? { revokedAt: new Date(Date.now() - 60_000) } : {}),
              },
            ],
      ...(o.nextUpdateMinutes === null ? {} : { nextUpdateMinutes: o.nextUpdateMinutes ?? 60 }),
      port,
    })
    responders.push(r)
    return r
  }

  it('good', async () => {
    const { pki } = await withResponder({})
    const { results, summary } = await check(pki)
    expect(results[0]).toMatchObject({ result: 'ok', method: 'ocsp' })
    expect(summary.result).toBe('ok')
  })

  it('one checker asks the responder once for several checks of one chain', async () => {
    const { pki, url } = await withResponder({})
    const requests: string[] = []
    const checker = createRevocationChecker({
      transport: createTransport({ maxAttempts: 1, onRequest: (e) => requests.push(e.url) }),
    })
    const results = await Promise.all(
      [1, 2, 3].map(() => checker.check(pki.chain, { purpose: 'codeSigning', now: now() })),
    )
    for (const r of results) expect(r[0]).toMatchObject({ result: 'ok', method: 'ocsp' })
    expect(requests.filter((u) => u.startsWith(url))).toHaveLength(1)
  })

  it('revoked', async () => {
    const { pki } = await withResponder({ revoked: true })
    expect((await check(pki)).summary).toMatchObject({ result: 'revoked', index: 0 })
  })

  it('signed by a delegated responder with the OCSPSigning EKU', async () => {
    const { pki } = await withResponder({ signer: 'delegated', revoked: true })
    expect((await check(pki)).summary.result).toBe('revoked')
  })

  it('a delegated responder without the OCSPSigning EKU is not trusted', async () => {
    const { pki } = await withResponder({ signer: 'delegated-no-eku' })
    const { results } = await check(pki)
    expect(results[0]?.result).toBe('unknown')
    expect(results[0]?.servers[0]?.error).toMatch(/OCSPSigning/)
  })

  // Issue 11 item 11: openssl signs with an expired responder certificate, and such a "good"
  // answer used to be accepted. RFC 6960 §4.2.2.2: the responder is authorised by a valid
  // certificate, checked at producedAt (when it signed) and at the verification time.
  it.each(['delegated-expired', 'delegated-not-yet-valid'] as const)(
    'a %s responder certificate is not trusted: the status is unknown',
    async (signer) => {
      const { pki } = await withResponder({ signer })
      const { results } = await check(pki)
      expect(results[0]?.result).toBe('unknown')
      expect(results[0]?.servers[0]?.error).toMatch(
        /delegated OCSP responder certificate was not valid when it signed the response \(producedAt/,
      )
    },
  )

  it('a response without nextUpdate is treated as expired (as notation does)', async () => {
    const { pki } = await withResponder({ nextUpdateMinutes: null })
    const { results } = await check(pki)
    expect(results[0]?.servers[0]?.error).toBe('expired OCSP response')
  })

  it('an OCSP "unknown" status falls back to the CRL', async () => {
    const p = crlPath()
    const { pki } = await withResponder({ listLeaf: false }, [base + p])
    crls.set(p, await makeCrl(pki.intermediate, { revoked: [{ serial: pki.leaf.serial }] }))
    const { results } = await check(pki)
    expect(results[0]).toMatchObject({ result: 'revoked', method: 'ocspFallbackCrl' })
  })
})

describe('verifySignature with real revocation', () => {
  function statement(level: string): TrustPolicyStatement {
    return validateTrustPolicy({
      version: '1.0',
      trustPolicies: [
        {
          name: 'p',
          registryScopes: ['*'],
          signatureVerification: { level },
          trustStores: ['ca:r'],
          trustedIdentities: ['*'],
        },
      ],
    }).trustPolicies[0] as TrustPolicyStatement
  }

  it('a leaf revoked via CRL fails under strict and is logged under permissive', async () => {
    const p = crlPath()
    const pki = await revocationPki({ leaf: { crl: [base + p] } })
    crls.set(p, await makeCrl(pki.intermediate, { revoked: [{ serial: pki.leaf.serial }] }))
    const env = await craftCose({ leafKey: pki.leaf.key, chain: pki.chain, algorithm: 'ES256' })
    const input = {
      envelope: env.envelope,
      mediaType: env.mediaType,
      subject: SUBJECT,
      trustStore: buildTrustStore([
        { type: 'ca', name: 'r', certificates: [{ der: pki.root.der, source: 'r' }] },
      ]),
      now: now(),
      revocation: checker(),
    }
    const strict = await verifySignature({ ...input, statement: statement('strict') })
    expect(strict.error?.code).toBe('REVOCATION')
    expect(strict.error?.message).toContain('is revoked')
    const permissive = await verifySignature({ ...input, statement: statement('permissive') })
    expect(permissive.verdict).toBe('passed')
    expect(permissive.checks.find((c) => c.type === 'revocation')).toMatchObject({
      action: 'log',
      status: 'failed',
    })
  })
})
