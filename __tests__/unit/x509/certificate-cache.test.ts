/**
 * The parsed-certificate cache and the signature-check memo (src/x509/certificate.ts) are keyed by
 * SHA-256 of the DER: a warm cache must give the same answers as a cold one, and a tampered or
 * look-alike certificate must never be answered from another certificate's entry.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  isIssuedBy,
  parseCertificate,
  signatureCheck,
  type CertificateInfo,
} from '../../../src/x509/certificate.js'
import { validateCodeSigningChain } from '../../../src/x509/chain.js'
import { CertificateError } from '../../../src/x509/errors.js'
import { createCodeSigningPki, createRootCa } from '../../../testbed/pki.js'
import { issueCert } from '../../helpers/verify-pki.js'

type Pki = Awaited<ReturnType<typeof createCodeSigningPki>>
let pki: Pki

beforeAll(async () => {
  pki = await createCodeSigningPki({ keyKind: 'rsa3072', caKeyKind: 'rsa3072' })
})

/** A copy with the last byte (inside the signature BIT STRING) flipped: still parses. */
function flipLastByte(der: Uint8Array): Uint8Array {
  const out = new Uint8Array(der)
  out[out.length - 1] = (out[out.length - 1] as number) ^ 0x01
  return out
}

/** A copy with one character of `text` (inside the signed TBSCertificate) changed. */
function alterText(der: Uint8Array, text: string): Uint8Array {
  const out = Buffer.from(der)
  const at = out.indexOf(Buffer.from(text, 'latin1'))
  if (at < 0) throw new Error(`"${text}" is not in the certificate`)
  out[at] = (out[at] as number) ^ 0x20 // flips the letter's case: still a valid PrintableString
  return new Uint8Array(out)
}

function chainError(chain: (Uint8Array | CertificateInfo)[]): CertificateError {
  try {
    validateCodeSigningChain(chain)
  } catch (err) {
    if (err instanceof CertificateError) return err
    throw err
  }
  throw new Error('the chain validated')
}

describe('parseCertificate cache', () => {
  it('returns one frozen parse per DER, also for a copy of the same bytes', () => {
    const first = parseCertificate(pki.leaf.der)
    expect(parseCertificate(pki.leaf.der)).toBe(first)
    expect(parseCertificate(new Uint8Array(pki.leaf.der))).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(first.extensions.map((e) => e.oid)).toContain('2.5.29.15')
  })

  it('parses a tampered copy afresh: a flipped signature byte makes a root not self-signed', () => {
    const good = parseCertificate(pki.root.der)
    expect(good.selfSigned).toBe(true)
    const bad = parseCertificate(flipLastByte(pki.root.der))
    expect(bad).not.toBe(good)
    expect(bad.sha256).not.toBe(good.sha256)
    expect(bad.subject).toBe(good.subject)
    expect(bad.selfSigned).toBe(false)
    expect(signatureCheck(bad, bad)).toBe('bad-signature')
    // The good one is still answered correctly after the bad one was parsed.
    expect(signatureCheck(good, good)).toBe('ok')
  })
})

describe('chain validation with a warm cache', () => {
  it('a tampered intermediate fails after the good chain passed (signature byte flipped)', () => {
    expect(validateCodeSigningChain(pki.chainDer).certificates).toHaveLength(3)
    const tampered = [pki.leaf.der, flipLastByte(pki.intermediate.der), pki.root.der]
    const err = chainError(tampered)
    expect(err.code).toBe('CERT_CHAIN_ORDER')
    expect(err.message).toContain('intermediate certificate [1]')
    expect(err.message).toContain('signature does not verify')
    // And the good chain still passes afterwards.
    expect(validateCodeSigningChain(pki.chainDer).leaf.der).toEqual(pki.leaf.der)
  })

  it('a leaf whose signed subject was altered fails, its signature no longer verifies', () => {
    validateCodeSigningChain(pki.chainDer)
    const leaf = alterText(pki.leaf.der, 'Test Signer')
    const parsed = parseCertificate(leaf)
    expect(parsed.subject).not.toBe(parseCertificate(pki.leaf.der).subject)
    const err = chainError([leaf, pki.intermediate.der, pki.root.der])
    expect(err.code).toBe('CERT_CHAIN_ORDER')
    expect(err.message).toContain('leaf certificate [0]')
  })

  it('a root with the same name but another key is not taken for the cached one', async () => {
    // Same subject (so raw names match byte for byte), different key types, so different keys.
    const name = `Look-alike Root ${Date.now()}`
    const a = parseCertificate((await createRootCa(name, 'ec384')).der)
    const b = parseCertificate((await createRootCa(name, 'ec256')).der)
    expect(Buffer.from(a.rawSubject).equals(Buffer.from(b.rawSubject))).toBe(true)
    expect(signatureCheck(a, a)).toBe('ok')
    expect(signatureCheck(b, b)).toBe('ok')
    expect(signatureCheck(a, b)).toBe('bad-signature')
    expect(signatureCheck(b, a)).toBe('bad-signature')
    expect(isIssuedBy(a, b)).toBe(false)
    expect(isIssuedBy(a, a)).toBe(true)
  })

  it('an intermediate with the same name but another key does not stand in for the cached one', async () => {
    const root = await issueCert({ subject: 'C=US, O=Cache Test, CN=Root', ca: true })
    const ca = await issueCert({
      subject: 'C=US, O=Cache Test, CN=Issuing CA',
      issuer: root,
      ca: true,
    })
    const twin = await issueCert({
      subject: 'C=US, O=Cache Test, CN=Issuing CA',
      issuer: root,
      ca: true,
    })
    const leaf = await issueCert({ subject: 'C=US, O=Cache Test, CN=Signer', issuer: ca })
    expect(validateCodeSigningChain([leaf.der, ca.der, root.der]).certificates).toHaveLength(3)
    // The twin's raw subject equals the issuer name in the leaf; only the key differs.
    const err = chainError([leaf.der, twin.der, root.der])
    expect(err.code).toBe('CERT_CHAIN_ORDER')
    expect(err.message).toContain('signature does not verify with its key')
    expect(isIssuedBy(parseCertificate(leaf.der), parseCertificate(twin.der))).toBe(false)
    expect(isIssuedBy(parseCertificate(leaf.der), parseCertificate(ca.der))).toBe(true)
  })
})
