import { describe, expect, it } from 'vitest'
import { parseTrustedIdentities, matchTrustedIdentity } from '../../../src/verify/identity.js'
import { subjectAttributes } from '../../../src/x509/certificate.js'
import { escapeDnValue, policySubject } from '../../../src/x509/dn.js'
import { createCodeSigningPki } from '../../../testbed/pki.js'

describe('policySubject', () => {
  it('renders the trust-policy form in certificate order, not Go’s reversed form', async () => {
    const pki = await createCodeSigningPki({
      keyKind: 'ec256',
      leafSubject: 'C=US, ST=WA, L=Seattle, O=Acme, CN=Builder',
    })
    expect(policySubject(pki.leaf.der)).toBe('C=US, ST=WA, L=Seattle, O=Acme, CN=Builder')
  })

  it('escapes special characters so the subject pasted into a policy matches the leaf', async () => {
    const pki = await createCodeSigningPki({
      keyKind: 'ec256',
      leafSubject: 'C=US, ST=WA, O="Acme, Inc.", CN="a+b"',
    })
    const dn = policySubject(pki.leaf.der)
    expect(dn).toBe('C=US, ST=WA, O=Acme\\, Inc., CN=a\\+b')
    const { identities, problems } = parseTrustedIdentities([`x509.subject: ${dn}`])
    expect(problems).toEqual([])
    const match = matchTrustedIdentity(identities, subjectAttributes(pki.leaf.der), 'p')
    expect(match.ok).toBe(true)
  })

  it.each([
    ['#tag', '\\#tag'],
    [' lead', '\\ lead'],
    ['trail ', 'trail\\ '],
    ['a;b<c>d"e\\f', 'a\\;b\\<c\\>d\\"e\\\\f'],
    ['plain', 'plain'],
  ])('escapeDnValue(%j) = %j', (input, escaped) => {
    expect(escapeDnValue(input)).toBe(escaped)
  })
})
