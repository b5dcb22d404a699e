/**
 * Delta CRLs against a real HTTP server on loopback, checked against notation-core-go v1.3.0:
 * - revocation/crl/fetcher.go: the delta CRL comes from the *base CRL's* freshestCRL extension,
 *   its URLs tried in order until one downloads; a failed download fails the whole fetch.
 * - revocation/internal/crl/crl.go `CertCheckStatus`: a certificate with its own freshestCRL but
 *   no delta from the base CRL is an error ("freshest CRL from certificate extension is not
 *   supported"); `validate`: the delta is validated like the base (issuer signature, nextUpdate),
 *   its cRLNumber must be greater than the base's, it must carry a deltaCRLIndicator whose
 *   BaseCRLNumber is not greater than the base's number; `checkRevocation`: base then delta
 *   entries, a permanent reason revokes at once, certificateHold/removeFromCRL resolve to the most
 *   recent such entry.
 * Every error is an "unknown" result (never "ok").
 */
import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTransport } from '../../../src/net/transport.js'
import { parseCertificate } from '../../../src/x509/certificate.js'
import { startCrlServer, type CrlServer } from '../../helpers/crl-server.js'
import {
  createRevocationChecker,
  summarizeRevocation,
  type RevocationChecker,
} from '../../../src/verify/revocation.js'
import {
  makeCrl,
  revocationPki,
  X509CrlReason,
  type CrlOptions,
  type RevocationPki,
} from '../../helpers/verify-pki.js'

let crlServer: CrlServer
let origin: string
let crls: CrlServer['crls']
let hits: string[]

beforeAll(async () => {
  crlServer = await startCrlServer()
  ;({ origin, crls, hits } = crlServer)
})

afterAll(async () => {
  await crlServer.stop()
})

const checker = (): RevocationChecker =>
  createRevocationChecker({ transport: createTransport({ maxAttempts: 1 }) })
const hitCount = (path: string): number => hits.filter((h) => h === path).length

let counter = 0
/** A fresh base path and delta path pair. */
function paths(): { base: string; delta: string } {
  const n = ++counter
  return { base: `/delta/${n}/base.crl`, delta: `/delta/${n}/delta.crl` }
}

async function check(pki: RevocationPki, authenticSigningTime?: Date) {
  const results = await checker().check(pki.chain, {
    purpose: 'codeSigning',
    now: new Date(),
    ...(authenticSigningTime ? { authenticSigningTime } : {}),
  })
  const subjects = pki.chain.map((d) => parseCertificate(d).subject)
  return { results, summary: summarizeRevocation(results, subjects), leaf: results[0] }
}

/**
 * A leaf whose CDP is `p.base`; the base CRL (number `baseNumber`) names `deltaUrls` (default
 * `p.delta`) in its freshestCRL; the delta CRL (options `delta`) is served at `p.delta`.
 */
async function setup(o: {
  base?: CrlOptions
  delta?: CrlOptions | 'error' | null
  deltaUrls?: string[]
  leafFreshest?: string[]
}): Promise<{ pki: RevocationPki; p: { base: string; delta: string } }> {
  const p = paths()
  const pki = await revocationPki({
    leaf: {
      crl: [origin + p.base],
      ...(o.leafFreshest ? { freshestCrl: o.leafFreshest } : {}),
    },
  })
  crls.set(
    p.base,
    await makeCrl(pki.intermediate, {
      number: 10,
      freshestCrl: o.deltaUrls ?? [origin + p.delta],
      ...o.base,
    }),
  )
  if (o.delta === 'error') crls.set(p.delta, 'error')
  else if (o.delta !== null) {
    crls.set(p.delta, await makeCrl(pki.intermediate, { number: 11, deltaOf: 10, ...o.delta }))
  }
  return { pki, p }
}

const hoursAgo = (h: number): Date => new Date(Date.now() - h * 3_600_000)

describe('delta CRL from the base CRL freshestCRL', () => {
  it('1. a leaf listed only in the delta CRL is revoked', async () => {
    const { pki, p } = await setup({ base: { revoked: [{ serial: '0abc' }] } })
    // The serial is only known once setup() has issued the leaf: serve a delta that lists it.
    crls.set(
      p.delta,
      await makeCrl(pki.intermediate, {
        number: 11,
        deltaOf: 10,
        revoked: [{ serial: pki.leaf.serial, reason: X509CrlReason.keyCompromise }],
      }),
    )
    const { results, summary } = await check(pki)
    expect(results.map((r) => `${r.result}/${r.method}`)).toEqual([
      'revoked/crl',
      'nonRevocable/none',
      'nonRevocable/none',
    ])
    expect(results[0]?.servers).toEqual([
      { url: origin + p.base, method: 'crl', result: 'revoked' },
    ])
    expect(summary).toMatchObject({ result: 'revoked', index: 0 })
    expect(hitCount(p.delta)).toBe(1)
  })

  it('2. nothing listed in base or delta is ok, and the delta URL is fetched', async () => {
    const { pki, p } = await setup({ delta: {} })
    const before = { base: hitCount(p.base), delta: hitCount(p.delta) }
    const { leaf, summary } = await check(pki)
    expect(leaf).toMatchObject({ result: 'ok', method: 'crl' })
    expect(leaf?.servers).toEqual([{ url: origin + p.base, method: 'crl', result: 'ok' }])
    expect(summary.result).toBe('ok')
    expect(hitCount(p.base) - before.base).toBe(1)
    expect(hitCount(p.delta) - before.delta).toBe(1)
  })

  it('a base CRL without freshestCRL never fetches a delta', async () => {
    const p = paths()
    const pki = await revocationPki({ leaf: { crl: [origin + p.base] } })
    crls.set(p.base, await makeCrl(pki.intermediate, { number: 10 }))
    expect((await check(pki)).summary.result).toBe('ok')
    expect(hitCount(p.base)).toBe(1)
    expect(hitCount(p.delta)).toBe(0)
  })

  it('the freshestCRL URLs are tried in order until one answers', async () => {
    const p = paths()
    const missing = `${p.delta}.missing`
    const pki = await revocationPki({ leaf: { crl: [origin + p.base] } })
    crls.set(
      p.base,
      await makeCrl(pki.intermediate, {
        number: 10,
        freshestCrl: [origin + missing, origin + p.delta],
      }),
    )
    crls.set(
      p.delta,
      await makeCrl(pki.intermediate, {
        number: 11,
        deltaOf: 10,
        revoked: [{ serial: pki.leaf.serial }],
      }),
    )
    expect((await check(pki)).leaf?.result).toBe('revoked')
    expect(hitCount(missing)).toBe(1)
    expect(hitCount(p.delta)).toBe(1)
  })
})

describe('invalid delta CRLs give unknown, never ok', () => {
  const cases: [string, Parameters<typeof setup>[0], RegExp][] = [
    [
      '3a. delta CRL number equal to the base CRL number',
      { base: { number: 5 }, delta: { number: 5, deltaOf: 5 } },
      /delta CRL number 5 is not greater than the base CRL number 5/,
    ],
    [
      '3b. delta CRL number lower than the base CRL number',
      { base: { number: 7 }, delta: { number: 6, deltaOf: 5 } },
      /delta CRL number 6 is not greater than the base CRL number 7/,
    ],
    [
      '3c. deltaCRLIndicator BaseCRLNumber greater than the base CRL number',
      { base: { number: 7 }, delta: { number: 9, deltaOf: 8 } },
      /delta CRL indicator is not less than or equal to the base CRL number/,
    ],
    [
      '4. delta CRL without the deltaCRLIndicator',
      { delta: { number: 11, deltaOf: undefined } },
      /delta CRL indicator extension is not found/,
    ],
    ['5a. delta URL answers 404', { delta: null }, /status code: 404/],
    ['5b. delta URL answers 500', { delta: 'error' }, /status code: 500/],
    [
      '5c. delta URL unreachable',
      { deltaUrls: ['http://127.0.0.1:1/delta.crl'] },
      /failed to retrieve the delta CRL/,
    ],
    [
      '8. delta CRL signed by another key than the issuer',
      { delta: { signingKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey } },
      /CRL is not signed by CA/,
    ],
    [
      'expired delta CRL',
      { delta: { thisUpdate: hoursAgo(48), nextUpdate: hoursAgo(24) } },
      /expired CRL/,
    ],
    ['delta CRL without nextUpdate', { delta: { nextUpdate: null } }, /NextUpdate is not set/],
  ]

  it.each(cases)('%s', async (_name, options, message) => {
    const { pki, p } = await setup(options)
    const { leaf, summary } = await check(pki)
    expect(leaf?.result).toBe('unknown')
    expect(leaf?.method).toBe('crl')
    expect(leaf?.servers).toHaveLength(1)
    expect(leaf?.servers[0]).toMatchObject({ url: origin + p.base, result: 'unknown' })
    expect(leaf?.servers[0]?.error).toMatch(message)
    expect(summary).toMatchObject({ result: 'unknown', index: 0 })
    expect(summary.warnings.join('\n')).toMatch(message)
  })

  it('an invalid delta is unknown even when it lists the leaf (not revoked)', async () => {
    const { pki, p } = await setup({ base: { number: 5 } })
    crls.set(
      p.delta,
      await makeCrl(pki.intermediate, {
        number: 5,
        deltaOf: 5,
        revoked: [{ serial: pki.leaf.serial }],
      }),
    )
    expect((await check(pki)).leaf?.result).toBe('unknown')
  })
})

type Entry = Omit<NonNullable<CrlOptions['revoked']>[number], 'serial'>

describe('certificateHold / removeFromCRL across base and delta (notation checkRevocation)', () => {
  async function holdThenDelta(base: Entry, delta: Entry | undefined) {
    const { pki, p } = await setup({})
    crls.set(
      p.base,
      await makeCrl(pki.intermediate, {
        number: 10,
        freshestCrl: [origin + p.delta],
        revoked: [{ serial: pki.leaf.serial, ...base }],
      }),
    )
    crls.set(
      p.delta,
      await makeCrl(pki.intermediate, {
        number: 11,
        deltaOf: 10,
        revoked: delta ? [{ serial: pki.leaf.serial, ...delta }] : [],
      }),
    )
    return (await check(pki)).leaf?.result
  }

  it('6a. certificateHold in the base, a later removeFromCRL in the delta: not revoked', async () => {
    const hold = { reason: X509CrlReason.certificateHold, date: hoursAgo(2) }
    // Control: the hold alone revokes.
    expect(await holdThenDelta(hold, undefined)).toBe('revoked')
    expect(
      await holdThenDelta(hold, { reason: X509CrlReason.removeFromCRL, date: hoursAgo(1) }),
    ).toBe('ok')
  })

  it('6b. a removeFromCRL older than the base certificateHold does not lift it', async () => {
    expect(
      await holdThenDelta(
        { reason: X509CrlReason.certificateHold, date: hoursAgo(1) },
        { reason: X509CrlReason.removeFromCRL, date: hoursAgo(2) },
      ),
    ).toBe('revoked')
  })

  it('6c. a permanent revocation in the base is not undone by removeFromCRL in the delta', async () => {
    // notation-core-go checkRevocation returns "revoked" at the first entry with a reason other
    // than certificateHold/removeFromCRL; base entries are visited before delta entries.
    const remove = { reason: X509CrlReason.removeFromCRL, date: hoursAgo(1) }
    expect(
      await holdThenDelta({ reason: X509CrlReason.keyCompromise, date: hoursAgo(2) }, remove),
    ).toBe('revoked')
    expect(await holdThenDelta({ date: hoursAgo(2) }, remove)).toBe('revoked')
  })

  it('a certificateHold in the delta revokes a leaf the base does not list', async () => {
    const { pki, p } = await setup({})
    crls.set(
      p.delta,
      await makeCrl(pki.intermediate, {
        number: 11,
        deltaOf: 10,
        revoked: [{ serial: pki.leaf.serial, reason: X509CrlReason.certificateHold }],
      }),
    )
    expect((await check(pki)).leaf?.result).toBe('revoked')
  })

  it('invalidityDate in the delta after the authentic signing time keeps it valid', async () => {
    const { pki, p } = await setup({})
    const invalidity = hoursAgo(1)
    crls.set(
      p.delta,
      await makeCrl(pki.intermediate, {
        number: 11,
        deltaOf: 10,
        revoked: [{ serial: pki.leaf.serial, invalidity }],
      }),
    )
    expect((await check(pki, new Date(invalidity.getTime() - 60_000))).leaf?.result).toBe('ok')
    expect((await check(pki, new Date(invalidity.getTime() + 60_000))).leaf?.result).toBe('revoked')
  })
})

describe('freshestCRL in the certificate', () => {
  it('7. the certificate names a delta but the base CRL does not: unknown', async () => {
    const p = paths()
    const pki = await revocationPki({
      leaf: { crl: [origin + p.base], freshestCrl: [origin + p.delta] },
    })
    crls.set(p.base, await makeCrl(pki.intermediate, { number: 10 }))
    crls.set(p.delta, await makeCrl(pki.intermediate, { number: 11, deltaOf: 10 }))
    const { leaf, summary } = await check(pki)
    expect(leaf?.result).toBe('unknown')
    expect(leaf?.servers[0]?.error).toBe('freshest CRL from certificate extension is not supported')
    expect(summary).toMatchObject({ result: 'unknown', index: 0 })
    // The certificate's own freshestCRL is never followed.
    expect(hitCount(p.delta)).toBe(0)
  })

  it('the certificate and the base CRL both name a delta: supported', async () => {
    const p = paths()
    const pki = await revocationPki({
      leaf: { crl: [origin + p.base], freshestCrl: [origin + p.delta] },
    })
    crls.set(
      p.base,
      await makeCrl(pki.intermediate, { number: 10, freshestCrl: [origin + p.delta] }),
    )
    crls.set(
      p.delta,
      await makeCrl(pki.intermediate, {
        number: 11,
        deltaOf: 10,
        revoked: [{ serial: pki.leaf.serial }],
      }),
    )
    expect((await check(pki)).leaf?.result).toBe('revoked')
    expect(hitCount(p.delta)).toBe(1)
  })
})
