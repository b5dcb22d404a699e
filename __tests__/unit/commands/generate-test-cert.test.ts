/**
 * `cert generate-test` output against the Notary Project chain rules (notary-spec.md §3.2),
 * read back with node:crypto's X509Certificate (independent of our parser) and with our
 * validator; and the key signs what the leaf verifies.
 */
import { X509Certificate, createPrivateKey, sign, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  generateTestCertificates,
  testCertificateInstructions,
  TEST_KEY_TYPES,
} from '../../../src/commands/generate-test-cert.js'
import { parseCertificate } from '../../../src/x509/certificate.js'
import { validateCodeSigningChain } from '../../../src/x509/chain.js'
import { pemToCertificates } from '../../../src/x509/pem.js'

const NOW = new Date('2026-12-03T06:00:00Z')

describe.each(TEST_KEY_TYPES)('generate-test with %s', (keyType) => {
  const certs = generateTestCertificates({ name: 'acme.test', keyType, now: NOW, days: 30 })
  const [leafDer, rootDer] = pemToCertificates(certs.chainPem)

  it('is a leaf + self-signed root chain that the Notary rules accept', () => {
    expect(pemToCertificates(certs.leafPem)[0]).toEqual(leafDer)
    expect(pemToCertificates(certs.rootPem)[0]).toEqual(rootDer)
    const validated = validateCodeSigningChain([leafDer as Uint8Array, rootDer as Uint8Array], {
      signingTime: NOW,
    })
    expect(validated.keySpec).toBe(
      { 'rsa-3072': 'RSA-3072', 'ec-p256': 'EC-256', 'ec-p384': 'EC-384' }[keyType],
    )
  })

  it('root: CA, keyCertSign critical; leaf: not CA, digitalSignature only, code signing EKU', () => {
    const root = parseCertificate(rootDer as Uint8Array)
    const leaf = parseCertificate(leafDer as Uint8Array)
    expect(root.basicConstraints).toMatchObject({ present: true, critical: true, cA: true })
    expect(root.keyUsage.critical).toBe(true)
    expect(root.keyUsage.flags).toContain('keyCertSign')
    expect(root.selfSigned).toBe(true)
    expect(leaf.basicConstraints.cA).toBe(false)
    expect(leaf.keyUsage).toMatchObject({ critical: true, flags: ['digitalSignature'] })
    expect(leaf.extendedKeyUsage.oids).toEqual(['1.3.6.1.5.5.7.3.3'])
    // node:crypto agrees on the issuer link and the validity window.
    const x509Leaf = new X509Certificate(leafDer as Uint8Array)
    const x509Root = new X509Certificate(rootDer as Uint8Array)
    expect(x509Leaf.verify(x509Root.publicKey)).toBe(true)
    expect(x509Leaf.checkIssued(x509Root)).toBe(true)
    expect(new Date(x509Leaf.validTo).getTime() - NOW.getTime()).toBeGreaterThan(29 * 86_400_000)
    expect(new Date(x509Leaf.validFrom).getTime()).toBeLessThanOrEqual(NOW.getTime())
  })

  it('the subject carries C, ST and O (x509.subject identities need them) and says TEST ONLY', () => {
    expect(certs.leafSubject).toMatch(/C=US/)
    expect(certs.leafSubject).toMatch(/ST=WA/)
    expect(certs.leafSubject).toMatch(/O=Notary Test \(TEST ONLY\)/)
    expect(certs.leafSubject).toMatch(/CN=acme\.test/)
    expect(certs.rootSubject).toMatch(/TEST ONLY root/)
  })

  it('the key is the leaf key', () => {
    const data = new TextEncoder().encode('payload')
    const key = createPrivateKey(certs.leafKeyPem)
    const leaf = new X509Certificate(leafDer as Uint8Array)
    expect(verify(null, data, leaf.publicKey, sign(null, data, key))).toBe(true)
  })
})

describe('generate-test refuses bad input with a coded error', () => {
  it.each([
    [{ name: 'has space' }, /name "has space"/],
    [{ name: 'ok', keyType: 'rsa-1024' }, /--key-type must be one of rsa-3072, ec-p256, ec-p384/],
    [{ name: 'ok', days: 0 }, /--days must be a whole number from 1 to 3650/],
  ])('%o', (override, message) => {
    expect(() =>
      generateTestCertificates({
        name: 'x',
        keyType: 'ec-p256',
        now: NOW,
        ...(override as object),
      } as Parameters<typeof generateTestCertificates>[0]),
    ).toThrow(
      expect.objectContaining({ code: 'INPUT_INVALID', message: expect.stringMatching(message) }),
    )
  })
})

describe('the printed instructions', () => {
  it('say TEST ONLY and hold a trust policy that names the store and the leaf subject', () => {
    const certs = generateTestCertificates({ name: 'demo', keyType: 'ec-p256', now: NOW })
    const text = testCertificateInstructions(certs, {
      key: '/k/demo.key',
      leaf: '/k/demo.crt',
      chain: '/k/demo-chain.pem',
      root: '/k/demo-root.crt',
      trustStoreDir: '/k/truststore',
    })
    expect(text.split('\n')[0]).toMatch(/TEST ONLY/)
    expect(text).toContain('signing-key: /k/demo.key')
    expect(text).toContain('ca:demo: [/k/demo-root.crt]')
    const policy = JSON.parse(text.slice(text.indexOf('trust-policy:') + 'trust-policy:'.length))
    expect(policy.trustPolicies[0]).toMatchObject({
      trustStores: ['ca:demo'],
      trustedIdentities: [`x509.subject: ${certs.leafSubject}`],
      signatureVerification: { level: 'strict' },
    })
    expect(text).toContain(certs.rootSha256)
  })
})
