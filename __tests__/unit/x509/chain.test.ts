import { beforeAll, describe, expect, test } from 'vitest'
import { validateCodeSigningChain, validateTimestampingChain } from '../../../src/x509/chain.js'
import { CertificateError } from '../../../src/x509/errors.js'
import {
  CA_KU,
  KU,
  LEAF_KU,
  TSA_EKU,
  key,
  makeCert,
  makeChain,
  type MadeCert,
} from '../../helpers/signing-core-certs.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const T = new Date('2030-01-01T00:00:00Z')

let good: Awaited<ReturnType<typeof makeChain>>
beforeAll(async () => {
  good = await makeChain()
})

describe('validateCodeSigningChain: accepted chains', () => {
  test('root → intermediate → leaf, with and without a time', () => {
    const v = validateCodeSigningChain(good.ders, { signingTime: T })
    expect(v.keySpec).toBe('EC-256')
    expect(v.leaf.subject).toContain('CN=Core Leaf')
    expect(validateCodeSigningChain(good.ders).certificates).toHaveLength(3)
  })

  test('a single self-signed leaf is validated with the leaf rules (no keyCertSign needed)', async () => {
    const self = await makeCert({
      subject: 'CN=Lone Signer, O=Core Test, ST=WA, C=US',
      key: key('ec256', 'lone'),
      keyUsage: LEAF_KU,
    })
    expect(validateCodeSigningChain([self.der], { signingTime: T }).keySpec).toBe('EC-256')
  })

  test('codeSigning EKU is optional', async () => {
    const c = await makeChain({ leaf: { eku: undefined } })
    expect(() => validateCodeSigningChain(c.ders)).not.toThrow()
  })

  test('validity bounds are inclusive', () => {
    const leaf = validateCodeSigningChain(good.ders).leaf
    expect(() => validateCodeSigningChain(good.ders, { signingTime: leaf.notAfter })).not.toThrow()
    expect(() => validateCodeSigningChain(good.ders, { signingTime: leaf.notBefore })).not.toThrow()
  })
})

describe('validateCodeSigningChain: every rule has its code', () => {
  test('empty chain', () => {
    expectCode(() => validateCodeSigningChain([]), CertificateError, 'CERT_CHAIN_EMPTY')
  })

  test('unparseable certificate', () => {
    const err = expectCode(
      () => validateCodeSigningChain([good.leaf.der, Uint8Array.of(0x30, 0x03, 1, 2, 3)]),
      CertificateError,
      'CERT_PARSE',
    )
    expect(err.message).toContain('[1]')
  })

  test('wrong order (root first)', () => {
    const err = expectCode(
      () => validateCodeSigningChain([good.intermediate.der, good.leaf.der, good.root.der]),
      CertificateError,
      'CERT_CHAIN_ORDER',
    )
    expect(err.message).toContain('leaf certificate [0]')
  })

  test('missing intermediate: leaf not issued by the next certificate', () => {
    expectCode(
      () => validateCodeSigningChain([good.leaf.der, good.root.der]),
      CertificateError,
      'CERT_CHAIN_ORDER',
    )
  })

  test('issuer name matches but the signature does not (same subject, other key)', async () => {
    const impostor = await makeCert({
      subject: good.intermediate.subject,
      key: key('ec256', 'impostor'),
      issuer: { subject: good.root.subject, key: good.root.key },
      basicConstraints: { cA: true },
      keyUsage: CA_KU,
    })
    const err = expectCode(
      () => validateCodeSigningChain([good.leaf.der, impostor.der, good.root.der]),
      CertificateError,
      'CERT_CHAIN_ORDER',
    )
    expect(err.message).toContain('signature does not verify')
  })

  test('chain without its root', () => {
    const err = expectCode(
      () => validateCodeSigningChain([good.leaf.der, good.intermediate.der]),
      CertificateError,
      'CERT_NOT_SELF_SIGNED_ROOT',
    )
    expect(err.position).toBe(1)
    expect(err.message).toContain('root certificate [1]')
    expect(err.message).toContain('CN=Core Intermediate')
  })

  test('extra certificate after the root', () => {
    expectCode(
      () => validateCodeSigningChain([...good.ders, good.root.der]),
      CertificateError,
      'CERT_SELF_SIGNED_NOT_ROOT',
    )
  })

  test('single certificate that is not self-signed', () => {
    expectCode(
      () => validateCodeSigningChain([good.leaf.der]),
      CertificateError,
      'CERT_SELF_SIGNED_INVALID',
    )
  })

  test('SHA-1 signed certificate', async () => {
    const c = await makeChain({ leaf: { hash: 'SHA-1' } })
    expectCode(() => validateCodeSigningChain(c.ders), CertificateError, 'CERT_WEAK_SIGNATURE')
  })

  test('CA without basicConstraints', async () => {
    const c = await makeChain({ intermediate: { basicConstraints: undefined } })
    const err = expectCode(
      () => validateCodeSigningChain(c.ders),
      CertificateError,
      'CERT_CA_BASIC_CONSTRAINTS',
    )
    expect(err.message).toContain('intermediate certificate [1]')
  })

  test('CA with cA=false', async () => {
    const c = await makeChain({ root: { basicConstraints: { cA: false } } })
    expectCode(
      () => validateCodeSigningChain(c.ders),
      CertificateError,
      'CERT_CA_BASIC_CONSTRAINTS',
    )
  })

  test('pathLenConstraint too small', async () => {
    const c = await makeChain({ root: { basicConstraints: { cA: true, pathLen: 0 } } })
    const err = expectCode(
      () => validateCodeSigningChain(c.ders),
      CertificateError,
      'CERT_CA_PATH_LENGTH',
    )
    expect(err.position).toBe(2)
  })

  test('CA keyUsage missing, not critical, or without keyCertSign', async () => {
    for (const keyUsage of [
      undefined,
      { flags: KU.keyCertSign, critical: false },
      { flags: KU.digitalSignature | KU.cRLSign, critical: true },
    ]) {
      const c = await makeChain({ intermediate: { keyUsage } })
      expectCode(() => validateCodeSigningChain(c.ders), CertificateError, 'CERT_CA_KEY_USAGE')
    }
  })

  test('leaf that is a CA', async () => {
    const c = await makeChain({ leaf: { basicConstraints: { cA: true } } })
    expectCode(
      () => validateCodeSigningChain(c.ders),
      CertificateError,
      'CERT_LEAF_BASIC_CONSTRAINTS',
    )
  })

  test.each([
    ['missing', undefined],
    ['not critical', { flags: KU.digitalSignature, critical: false }],
    ['without digitalSignature', { flags: KU.nonRepudiation, critical: true }],
    ['with keyEncipherment', { flags: KU.digitalSignature | KU.keyEncipherment, critical: true }],
    ['with keyCertSign', { flags: KU.digitalSignature | KU.keyCertSign, critical: true }],
    ['with decipherOnly', { flags: KU.digitalSignature | KU.decipherOnly, critical: true }],
  ])('leaf keyUsage %s', async (_name, keyUsage) => {
    const c = await makeChain({ leaf: { keyUsage } })
    expectCode(() => validateCodeSigningChain(c.ders), CertificateError, 'CERT_LEAF_KEY_USAGE')
  })

  test('leaf keyUsage with contentCommitment (nonRepudiation) is allowed, like Go', async () => {
    const c = await makeChain({
      leaf: { keyUsage: { flags: KU.digitalSignature | KU.nonRepudiation, critical: true } },
    })
    expect(() => validateCodeSigningChain(c.ders)).not.toThrow()
  })

  test.each([
    ['serverAuth', '1.3.6.1.5.5.7.3.1'],
    ['clientAuth', '1.3.6.1.5.5.7.3.2'],
    ['emailProtection', '1.3.6.1.5.5.7.3.4'],
    ['timeStamping', '1.3.6.1.5.5.7.3.8'],
    ['OCSPSigning', '1.3.6.1.5.5.7.3.9'],
    ['anyExtendedKeyUsage', '2.5.29.37.0'],
  ])('leaf EKU %s is refused', async (name, oid) => {
    const c = await makeChain({
      leaf: { eku: { oids: ['1.3.6.1.5.5.7.3.3', oid], critical: false } },
    })
    const err = expectCode(
      () => validateCodeSigningChain(c.ders),
      CertificateError,
      'CERT_LEAF_EKU',
    )
    expect(err.message).toContain(name)
  })

  test('leaf key outside the table (RSA 1024)', async () => {
    const c = await makeChain({ leaf: { key: key('rsa1024') } })
    const err = expectCode(
      () => validateCodeSigningChain(c.ders),
      CertificateError,
      'CERT_KEY_UNSUPPORTED',
    )
    expect(err.message).toContain('1024')
    expect(err.position).toBe(0)
  })

  test('expired and not-yet-valid certificates at the signing time', async () => {
    const c = await makeChain({
      intermediate: { notBefore: new Date('2020-01-01Z'), notAfter: new Date('2025-01-01Z') },
    })
    const expired = expectCode(
      () => validateCodeSigningChain(c.ders, { signingTime: T }),
      CertificateError,
      'CERT_EXPIRED',
    )
    expect(expired.message).toContain('intermediate certificate [1]')
    expectCode(
      () => validateCodeSigningChain(c.ders, { signingTime: new Date('2019-06-01Z') }),
      CertificateError,
      'CERT_NOT_YET_VALID',
    )
    // Structure only when no time is given (what the verifier's integrity stage does).
    expect(() => validateCodeSigningChain(c.ders)).not.toThrow()
  })
})

describe('validateTimestampingChain', () => {
  let tsa: Awaited<ReturnType<typeof makeChain>>
  beforeAll(async () => {
    tsa = await makeChain({}, 'timestamping')
  })

  test('accepts a TSA chain, and a TSA leaf with a non-critical keyUsage', async () => {
    expect(validateTimestampingChain(tsa.ders).keySpec).toBe('EC-256')
    const c = await makeChain(
      { leaf: { keyUsage: { flags: KU.digitalSignature, critical: false } } },
      'timestamping',
    )
    expect(() => validateTimestampingChain(c.ders)).not.toThrow()
  })

  test('a code-signing leaf is not a TSA', () => {
    expectCode(() => validateTimestampingChain(good.ders), CertificateError, 'CERT_TSA_EKU')
  })

  test('timeStamping EKU not critical, or with a second EKU', async () => {
    for (const eku of [
      { oids: ['1.3.6.1.5.5.7.3.8'], critical: false },
      { oids: ['1.3.6.1.5.5.7.3.8', '1.3.6.1.5.5.7.3.3'], critical: true },
      undefined,
    ]) {
      const c = await makeChain({ leaf: { eku } }, 'timestamping')
      expectCode(() => validateTimestampingChain(c.ders), CertificateError, 'CERT_TSA_EKU')
    }
  })

  test('keyUsage must be present on a TSA leaf', async () => {
    const c = await makeChain({ leaf: { keyUsage: undefined } }, 'timestamping')
    expectCode(() => validateTimestampingChain(c.ders), CertificateError, 'CERT_LEAF_KEY_USAGE')
  })

  test('same structural rules (missing root) and optional time check', async () => {
    expectCode(
      () => validateTimestampingChain(tsa.ders.slice(0, 2)),
      CertificateError,
      'CERT_NOT_SELF_SIGNED_ROOT',
    )
    expectCode(
      () => validateTimestampingChain(tsa.ders, { signingTime: new Date('1999-01-01Z') }),
      CertificateError,
      'CERT_NOT_YET_VALID',
    )
  })

  test('a self-signed TSA certificate alone is checked as a TSA leaf', async () => {
    const self: MadeCert = await makeCert({
      subject: 'CN=Lone TSA',
      key: key('ec256', 'lone-tsa'),
      keyUsage: LEAF_KU,
      eku: TSA_EKU,
    })
    expect(() => validateTimestampingChain([self.der])).not.toThrow()
    expectCode(() => validateCodeSigningChain([self.der]), CertificateError, 'CERT_LEAF_EKU')
  })
})
