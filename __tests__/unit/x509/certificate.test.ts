import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import {
  goNameString,
  isIssuedBy,
  parseCertificate,
  parseNameAttributes,
  subjectAttributes,
} from '../../../src/x509/certificate.js'
import { CertificateError } from '../../../src/x509/errors.js'
import { pemToCertificates } from '../../../src/x509/pem.js'
import { createCodeSigningPki } from '../../../testbed/pki.js'
import { key, makeCert, makeChain } from '../../helpers/signing-core-certs.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/notation/${name}`, import.meta.url), 'utf8')

describe('parseCertificate', () => {
  test('reads the notation test certificate like Go does', () => {
    const [der] = pemToCertificates(fixture('coseExpiredWithTimestamp.leaf.pem'))
    const c = parseCertificate(der!)
    expect(c.subject).toBe('CN=testTSA,O=Notary,L=Seattle,ST=WA,C=US') // notation's own message text
    expect(c.issuer).toBe(c.subject)
    expect(c.selfIssued).toBe(true)
    expect(c.selfSigned).toBe(true)
    expect(c.notBefore.toISOString()).toBe('2024-06-18T07:20:31.000Z')
    expect(c.notAfter.toISOString()).toBe('2024-06-18T07:30:31.000Z')
    expect(c.keySpec).toBe('RSA-2048')
    expect(c.keyUsage).toEqual({ present: true, critical: true, flags: ['digitalSignature'] })
    expect(c.extendedKeyUsage).toEqual({
      present: true,
      critical: false,
      oids: ['1.3.6.1.5.5.7.3.3'],
    })
    expect(c.basicConstraints.present).toBe(false)
    expect(c.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(c.serialNumber).toBe('b0')
  })

  test('extensions of a CA and issuance', async () => {
    const chain = await makeChain()
    const [leaf, mid, root] = chain.ders.map(parseCertificate)
    expect(mid!.basicConstraints).toEqual({ present: true, critical: true, cA: true, pathLen: 0 })
    expect(root!.keyUsage.flags).toEqual(['keyCertSign', 'cRLSign'])
    expect(isIssuedBy(leaf!, mid!)).toBe(true)
    expect(isIssuedBy(mid!, root!)).toBe(true)
    expect(isIssuedBy(leaf!, root!)).toBe(false)
    expect(leaf!.selfSigned).toBe(false)
    expect(root!.selfSigned).toBe(true)
  })

  test('self-issued but signed by another key is not self-signed', async () => {
    const c = await makeCert({
      subject: 'CN=Same Name',
      key: key('ec256', 'a'),
      issuer: { subject: 'CN=Same Name', key: key('ec256', 'b') },
    })
    const info = parseCertificate(c.der)
    expect(info.selfIssued).toBe(true)
    expect(info.selfSigned).toBe(false)
  })

  test('garbage and trailing bytes are CERT_PARSE', async () => {
    const c = await makeCert({ subject: 'CN=x', key: key('ec256') })
    expectCode(() => parseCertificate(Uint8Array.of(1, 2, 3)), CertificateError, 'CERT_PARSE')
    const trailing = new Uint8Array([...c.der, 0])
    expectCode(() => parseCertificate(trailing), CertificateError, 'CERT_PARSE')
  })
})

describe('subject attributes and Go name rendering (identity matching, §6.6)', () => {
  test('ordered RDNs with Go short names, unknown types as oid=#hex last', async () => {
    const c = await makeCert({
      subject: 'C=US, ST=WA, L=Seattle, O=Acme\\, Inc., OU=Eng, CN=signer, E=ops@example.com',
      key: key('ec256'),
    })
    const attrs = subjectAttributes(c.der)
    expect(attrs.map((a) => [a.rdnIndex, a.shortName, a.value])).toEqual([
      [0, 'C', 'US'],
      [1, 'ST', 'WA'],
      [2, 'L', 'Seattle'],
      [3, 'O', 'Acme, Inc.'],
      [4, 'OU', 'Eng'],
      [5, 'CN', 'signer'],
      [6, undefined, 'ops@example.com'],
    ])
    expect(attrs[6]?.type).toBe('1.2.840.113549.1.9.1')
    const name = parseCertificate(c.der).subject
    // Go re-marshals the IA5String as a UTF8String ('@' is not printable) and prints its hex.
    const hex = Buffer.concat([Buffer.of(0x0c, 15), Buffer.from('ops@example.com')]).toString('hex')
    expect(name).toBe(
      `CN=signer,OU=Eng,O=Acme\\, Inc.,L=Seattle,ST=WA,C=US,1.2.840.113549.1.9.1=#${hex}`,
    )
  })

  test('multi-valued RDNs share an rdnIndex; repeated types fold like Go', async () => {
    const c = await makeCert({ subject: 'C=US+O=A, OU=x, OU=y, CN=one, CN=two', key: key('ec256') })
    const attrs = parseNameAttributes(parseCertificate(c.der).rawSubject)
    expect(attrs.map((a) => a.rdnIndex)).toEqual([0, 0, 1, 2, 3, 4])
    expect(goNameString(attrs)).toBe('CN=two,OU=x+OU=y,O=A,C=US')
  })

  test('Go escaping of leading/trailing space and #', () => {
    const attr = (value: string) => ({
      rdnIndex: 0,
      type: '2.5.4.3',
      shortName: 'CN' as const,
      value,
      isString: true,
      valueDer: new Uint8Array(),
    })
    expect(goNameString([attr(' #a+b; ')])).toBe('CN=\\ #a\\+b\\;\\ ')
    expect(goNameString([attr('#x')])).toBe('CN=\\#x')
  })
})

// Issue 11 item 9: node:crypto decodes the key lazily, so this certificate parsed and then
// threw OpenSSL's uncoded "decode error" when its key was first used (found by the fuzz test).
describe('parseCertificate: a key that does not decode is CERT_PARSE', () => {
  test('an EC point with a bad form octet', async () => {
    const pki = await createCodeSigningPki({ keyKind: 'ec256' })
    const der = Buffer.from(pki.leaf.der)
    const at = der.indexOf(Buffer.from([0x03, 0x42, 0x00, 0x04]))
    expect(at).toBeGreaterThan(0)
    der[at + 3] = 0x05
    const err = expectCode(
      () => parseCertificate(new Uint8Array(der)),
      CertificateError,
      'CERT_PARSE',
    )
    expect(err.message).toBe('certificate is not a valid X.509 certificate (RFC 5280)')
  })
})
