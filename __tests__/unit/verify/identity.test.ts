import path from 'node:path'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  GO_ATTRIBUTE_NAMES,
  goNameString,
  parseCertificate,
  type NameAttribute,
} from '../../../src/x509/certificate.js'
import { pemToCertificates } from '../../../src/x509/pem.js'
import {
  isSubsetDn,
  matchTrustedIdentity,
  parseDistinguishedName,
  parseTrustedIdentities,
  type TrustedIdentities,
} from '../../../src/verify/identity.js'

const ok = (dn: string): Record<string, string> => {
  const r = parseDistinguishedName(dn)
  if (!r.ok) throw new Error(r.reason)
  return Object.fromEntries(r.attributes)
}
const reason = (dn: string): string => {
  const r = parseDistinguishedName(dn)
  if (r.ok) throw new Error(`expected ${dn} to be rejected`)
  return r.reason
}

describe('parseDistinguishedName (go-ldap ParseDN + Notary rules)', () => {
  it('parses C, ST, O and trims spaces around types and values', () => {
    expect(ok(' C = US ,ST=WA,  O=Acme Corp , CN=signer ')).toEqual({
      C: 'US',
      ST: 'WA',
      O: 'Acme Corp',
      CN: 'signer',
    })
  })
  it('treats S as an alias of ST', () => {
    expect(ok('C=US, S=WA, O=Acme')).toEqual({ C: 'US', ST: 'WA', O: 'Acme' })
  })
  it('accepts ; as an RDN separator', () => {
    expect(ok('C=US;ST=WA;O=Acme')).toEqual({ C: 'US', ST: 'WA', O: 'Acme' })
  })
  it('unescapes \\, \\; \\\\ \\+ \\= and hex pairs', () => {
    expect(ok('C=US, ST=WA, O=Acme\\, Inc.\\; Ltd\\\\x\\+y\\=z')).toMatchObject({
      O: 'Acme, Inc.; Ltd\\x+y=z',
    })
    expect(ok('C=US, ST=WA, O=Caf\\C3\\A9')).toMatchObject({ O: 'Café' })
  })
  it('keeps escaped leading and trailing spaces', () => {
    expect(ok('C=US, ST=WA, O=\\ padded\\ ')).toMatchObject({ O: ' padded ' })
  })
  it('keeps "=" inside a value', () => {
    expect(ok('C=US, ST=WA, O=a=b')).toMatchObject({ O: 'a=b' })
  })
  it('rejects "=#" anywhere (hex-encoded BER values)', () => {
    expect(reason('C=US, ST=WA, O=#04024869')).toContain(
      'notation does not support x509.subject identities containing "=#"',
    )
    expect(reason('C=US, ST=WA, O=Acme, 1.2.3=#0c0161')).toContain('"=#"')
  })
  it('rejects multi-valued RDNs', () => {
    expect(reason('C=US+ST=WA, O=Acme')).toContain('has multi-valued RDN attributes')
  })
  it('rejects duplicate attribute types, including S and ST', () => {
    expect(reason('C=US, ST=WA, O=Acme, O=Other')).toContain('has duplicate RDN attribute for "O"')
    expect(reason('C=US, ST=WA, S=OR, O=Acme')).toContain('has duplicate RDN attribute for "ST"')
  })
  it.each([
    ['ST=WA, O=Acme', 'C'],
    ['C=US, O=Acme', 'ST'],
    ['C=US, ST=WA', 'O'],
    ['c=US, st=WA, o=Acme', 'C'], // types are case-sensitive in notation
    ['C=, ST=WA, O=Acme', 'C'], // an empty value counts as missing
    ['   ', 'C'],
  ])('%j lacks mandatory %s', (dn, field) => {
    expect(reason(dn)).toContain(`has no mandatory RDN attribute for "${field}"`)
  })
  it.each([
    ['C=US, ST', 'DN ended with incomplete type, value pair'],
    ['C=US, ST, O=x', 'incomplete type, value pair'],
    ['C=US, ST=WA, O=Acme\\', 'got corrupted escaped character'],
    ['C=US, ST=WA, O=Ac\\zzme', 'failed to decode escaped character'],
  ])('%j does not parse', (dn, message) => {
    const r = reason(dn)
    expect(r).toContain('parsing distinguished name (DN)')
    expect(r).toContain(message)
  })
})

describe('isSubsetDn', () => {
  const m = (o: Record<string, string>) => new Map(Object.entries(o))
  it('is true when every attribute of a has an equal value in b', () => {
    expect(isSubsetDn(m({ C: 'US', O: 'Acme' }), m({ C: 'US', ST: 'WA', O: 'Acme' }))).toBe(true)
    expect(isSubsetDn(m({ C: 'US', O: 'acme' }), m({ C: 'US', ST: 'WA', O: 'Acme' }))).toBe(false)
    expect(isSubsetDn(m({ C: 'US', OU: 'x' }), m({ C: 'US' }))).toBe(false)
  })
})

describe('parseTrustedIdentities', () => {
  it('accepts * alone', () => {
    expect(parseTrustedIdentities(['*'])).toEqual({ identities: { wildcard: true }, problems: [] })
  })
  it('rejects * combined with other values', () => {
    const r = parseTrustedIdentities(['*', 'x509.subject: C=US, ST=WA, O=Acme'])
    expect(r.problems).toEqual([
      {
        message: expect.stringContaining(
          `wildcard trusted identity '*' cannot be used in conjunction`,
        ),
      },
    ])
  })
  it('reports each bad entry with its index', () => {
    const r = parseTrustedIdentities([
      '',
      'no-separator',
      'x509.subject:',
      'x509.subject: C=US, O=Acme',
      'x509.subject: C=US, ST=WA, O=Acme',
    ])
    expect(r.problems).toEqual([
      { index: 0, message: 'empty trusted identity' },
      { index: 1, message: 'trusted identity "no-separator" missing separator' },
      { index: 2, message: 'trusted identity "x509.subject:" without an identity value' },
      { index: 3, message: expect.stringContaining('has no mandatory RDN attribute for "ST"') },
    ])
  })
  it('tolerates other prefixes but does not match them', () => {
    const r = parseTrustedIdentities(['x509.san: foo', 'x509.subject: C=US, ST=WA, O=Acme'])
    expect(r.problems).toEqual([])
    expect(r.identities).toMatchObject({ wildcard: false, ignored: ['x509.san: foo'] })
  })
  it('rejects overlapping identities (one is a subset of another)', () => {
    const r = parseTrustedIdentities([
      'x509.subject: C=US, ST=WA, O=Acme, CN=Signer',
      'x509.subject: C=US, ST=WA, O=Acme',
      'x509.subject: C=US, ST=WA, O=Other',
    ])
    expect(r.problems).toEqual([
      {
        index: 1,
        message: expect.stringContaining(
          'overlapping x509 trustedIdentities, "x509.subject: C=US, ST=WA, O=Acme" overlaps with "x509.subject: C=US, ST=WA, O=Acme, CN=Signer"',
        ),
      },
    ])
  })
  it('identical identities overlap each other', () => {
    const r = parseTrustedIdentities([
      'x509.subject: C=US, ST=WA, O=Acme',
      'x509.subject:C=US,ST=WA,O=Acme',
    ])
    expect(r.problems.map((p) => p.index)).toEqual([0, 1])
  })
})

const attrs = (...pairs: [string, string][]): NameAttribute[] =>
  pairs.map(([type, value], rdnIndex) => {
    const shortName = GO_ATTRIBUTE_NAMES[type]
    return {
      rdnIndex,
      type,
      ...(shortName ? { shortName } : {}),
      value,
      isString: true,
      valueDer: new Uint8Array(),
    }
  })
const C = '2.5.4.6',
  ST = '2.5.4.8',
  L = '2.5.4.7',
  O = '2.5.4.10',
  OU = '2.5.4.11',
  CN = '2.5.4.3'
const SERIAL = '2.5.4.5',
  STREET = '2.5.4.9',
  POSTAL = '2.5.4.17',
  EMAIL = '1.2.840.113549.1.9.1'

describe('goNameString (Go pkix.Name.String after certificate parsing)', () => {
  it('renders named types in Go order, reversed', () => {
    const s = goNameString(
      attrs(
        [CN, 'x'],
        [O, 'Acme'],
        [C, 'US'],
        [SERIAL, '42'],
        [L, 'Seattle'],
        [ST, 'WA'],
        [POSTAL, '98052'],
        [STREET, 'Main'],
        [OU, 'Eng'],
      ),
    )
    expect(s).toBe(
      'SERIALNUMBER=42,CN=x,OU=Eng,O=Acme,POSTALCODE=98052,STREET=Main,L=Seattle,ST=WA,C=US',
    )
  })
  it('folds repeated types into one multi-valued RDN and keeps only the last CN', () => {
    expect(goNameString(attrs([C, 'US'], [OU, 'a'], [OU, 'b'], [CN, 'first'], [CN, 'last']))).toBe(
      'CN=last,OU=a+OU=b,C=US',
    )
  })
  it('renders types Go cannot name as oid=#hex of the re-marshalled string, last, in reverse', () => {
    // pkix.Name.String() puts them first in the RDN sequence, which String() prints backwards.
    expect(
      goNameString(attrs([EMAIL, 'a@b.c'], [C, 'US'], ['0.9.2342.19200300.100.1.25', 'com'])),
    ).toBe('C=US,0.9.2342.19200300.100.1.25=#1303636f6d,1.2.840.113549.1.9.1=#0c056140622e63')
  })
  it('escapes special characters like Go', () => {
    expect(goNameString(attrs([O, '#a, b+c "d" <e> ;f\\ '], [C, ' US']))).toBe(
      'O=\\#a\\, b\\+c \\"d\\" \\<e\\> \\;f\\\\\\ ,C=\\ US',
    )
  })
  it('matches the subject notation prints for the notation-go test vector', () => {
    const pem = readFileSync(
      path.join(import.meta.dirname, '../../fixtures/notation/coseExpiredWithTimestamp.leaf.pem'),
      'utf8',
    )
    const cert = parseCertificate(pemToCertificates(pem)[0] as Uint8Array)
    expect(goNameString(cert.subjectAttributes)).toBe('CN=testTSA,O=Notary,L=Seattle,ST=WA,C=US')
  })
})

describe('matchTrustedIdentity', () => {
  const ids = (...entries: string[]): TrustedIdentities => {
    const r = parseTrustedIdentities(entries)
    expect(r.problems).toEqual([])
    return r.identities
  }
  const leaf = attrs([C, 'US'], [ST, 'WA'], [L, 'Seattle'], [O, 'Acme'], [CN, 'Signer'])

  it('* accepts any leaf, even one that would not parse', () => {
    expect(matchTrustedIdentity(ids('*'), attrs([CN, 'x'], [EMAIL, 'a@b.c']), 'p')).toEqual({
      ok: true,
    })
  })
  it('matches when the identity is a subset of the leaf subject', () => {
    const r = matchTrustedIdentity(
      ids('x509.subject: C=US, ST=WA, O=Other', 'x509.subject: C=US, S=WA, O=Acme, CN=Signer'),
      leaf,
      'p',
    )
    expect(r).toMatchObject({
      ok: true,
      matched: { raw: 'x509.subject: C=US, S=WA, O=Acme, CN=Signer' },
    })
  })
  it('is case-sensitive on values', () => {
    const r = matchTrustedIdentity(ids('x509.subject: C=US, ST=WA, O=acme'), leaf, 'p')
    expect(r).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not match the X.509 trusted identities'),
    })
  })
  it('fails when an identity attribute is absent from the leaf', () => {
    const r = matchTrustedIdentity(ids('x509.subject: C=US, ST=WA, O=Acme, OU=Eng'), leaf, 'p')
    expect(r.ok).toBe(false)
  })
  it('fails when the leaf subject lacks ST, even if the identity matches the rest', () => {
    const r = matchTrustedIdentity(
      ids('x509.subject: C=US, ST=WA, O=Acme'),
      attrs([C, 'US'], [O, 'Acme']),
      'p',
    )
    expect(r).toMatchObject({
      ok: false,
      reason: expect.stringContaining('error while parsing the certificate subject'),
    })
  })
  it('fails when the leaf has an attribute Go cannot name (emailAddress)', () => {
    const r = matchTrustedIdentity(
      ids('x509.subject: C=US, ST=WA, O=Acme'),
      [...leaf, ...attrs([EMAIL, 'a@b.c'])],
      'p',
    )
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('"=#"') })
  })
  it('fails when the leaf repeats a type (rendered multi-valued)', () => {
    const r = matchTrustedIdentity(
      ids('x509.subject: C=US, ST=WA, O=Acme'),
      [...leaf, ...attrs([OU, 'a'], [OU, 'b'])],
      'p',
    )
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('multi-valued') })
  })
  it('fails when only non-x509.subject identities are configured', () => {
    const r = matchTrustedIdentity(ids('x509.san: foo'), leaf, 'policy-a')
    expect(r).toEqual({
      ok: false,
      reason: 'no x509 trusted identities are configured in the trust policy "policy-a"',
    })
  })
})
