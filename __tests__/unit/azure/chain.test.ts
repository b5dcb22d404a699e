import { X509Certificate, createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildChain,
  checkLeafKey,
  checkSignedBy,
  decodeSigningCertificate,
  decodeStdBase64,
  parseCertsOnlyPkcs7,
  verifyPs384,
} from '../../../src/azure/chain.js'
import { ArtifactSigningError } from '../../../src/azure/errors.js'
import { hasCode } from '../../../src/errors.js'
import { createCodeSigningPki, testKey } from '../../../testbed/pki.js'
import { signDigestPss } from '../../../testbed/mocks/pss.js'
import {
  certsOnlyPkcs7,
  createMockSigningChain,
  encodeSigningCertificate,
  type MockSigningChain,
} from '../../../testbed/mocks/signing-pki.js'

const tbs = new TextEncoder().encode('Sig_structure bytes')
let chain: MockSigningChain
let signature: Buffer
let certs: { name: string; der: Uint8Array }[]

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  )
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    return err instanceof ArtifactSigningError ? err.code : `not coded: ${String(err)}`
  }
  return undefined
}

beforeAll(async () => {
  chain = await createMockSigningChain({ key: testKey('rsa3072', 'unit-chain-leaf') })
  signature = signDigestPss(chain.leaf.key, createHash('sha384').update(tbs).digest(), 'sha384')
  certs = [
    { name: 'leaf', der: chain.leaf.der },
    { name: 'issuing', der: chain.issuing.der },
    { name: 'root', der: chain.root.der },
  ]
})

describe('decodeSigningCertificate', () => {
  it('decodes the double base64 (64-column CRLF lines) the service returns', () => {
    const der = certsOnlyPkcs7([chain.leaf.der], chain.leaf.der)
    const value = encodeSigningCertificate(der)
    const inner = Buffer.from(value, 'base64').toString('ascii')
    expect(
      inner
        .split('\r\n')
        .slice(0, -1)
        .every((l) => l.length <= 64),
    ).toBe(true)
    expect(inner.endsWith('\r\n')).toBe(true)
    expect(Buffer.from(decodeSigningCertificate(value)).equals(der)).toBe(true)
  })

  it('tolerates a single encoding (bytes already DER)', () => {
    const der = certsOnlyPkcs7([chain.leaf.der], chain.leaf.der)
    expect(Buffer.from(decodeSigningCertificate(der.toString('base64'))).equals(der)).toBe(true)
  })

  it.each([
    ['not base64', '***'],
    ['empty', ''],
    ['bad padding', 'abc'],
    ['inner not base64', Buffer.from('%%%%').toString('base64')],
  ])('rejects %s', (_name, value) => {
    expect(codeOf(() => decodeSigningCertificate(value))).toBe('SIGNER_RESPONSE_INVALID')
  })

  it('decodeStdBase64 is strict about whitespace unless told', () => {
    expect(codeOf(() => decodeStdBase64('AA AA', 'x'))).toBe('SIGNER_RESPONSE_INVALID')
    expect(decodeStdBase64('AA\r\nAA', 'x', true)).toEqual(new Uint8Array([0, 0, 0]))
  })
})

describe('parseCertsOnlyPkcs7', () => {
  it('returns the raw certificates and the eContent', () => {
    const p = parseCertsOnlyPkcs7(
      certsOnlyPkcs7([chain.leaf.der, chain.issuing.der, chain.root.der], chain.leaf.der),
    )
    expect(p.certificates.map((c) => Buffer.from(c).toString('hex'))).toEqual(
      [chain.leaf.der, chain.issuing.der, chain.root.der].map((c) =>
        Buffer.from(c).toString('hex'),
      ),
    )
    expect(Buffer.from(p.eContent ?? []).equals(Buffer.from(chain.leaf.der))).toBe(true)
  })

  it('works without eContent', () => {
    const p = parseCertsOnlyPkcs7(certsOnlyPkcs7([chain.root.der]))
    expect(p.eContent).toBeUndefined()
    expect(p.certificates).toHaveLength(1)
  })

  it('rejects garbage, a bare certificate and an empty certificate set', () => {
    for (const der of [Buffer.from('nope'), Buffer.from(chain.leaf.der), certsOnlyPkcs7([])]) {
      expect(codeOf(() => parseCertsOnlyPkcs7(der))).toBe('SIGNER_RESPONSE_INVALID')
    }
  })

  it('caps the number of certificates', () => {
    const many = Array.from({ length: 11 }, () => chain.root.der)
    expect(codeOf(() => parseCertsOnlyPkcs7(certsOnlyPkcs7(many)))).toBe('SIGNER_RESPONSE_INVALID')
  })
})

describe('buildChain', () => {
  const orders = (): { name: string; der: Uint8Array }[][] => permutations(certs)

  it.each([true, false])(
    'orders every permutation leaf → root (eContent present: %s)',
    (withEContent) => {
      for (const order of orders()) {
        const built = buildChain({
          certificates: order.map((c) => c.der),
          ...(withEContent ? { eContent: chain.leaf.der } : {}),
          toBeSigned: tbs,
          signature,
        })
        expect(
          built.der.map((d) => Buffer.from(d).toString('hex')),
          order.map((c) => c.name).join(','),
        ).toEqual(
          [chain.leaf.der, chain.issuing.der, chain.root.der].map((d) =>
            Buffer.from(d).toString('hex'),
          ),
        )
        expect(built.root.subject).toContain('Mock Identity Verification Root')
      }
    },
  )

  it('drops exact duplicates', () => {
    const built = buildChain({
      certificates: [chain.root.der, chain.leaf.der, chain.issuing.der, chain.root.der],
      toBeSigned: tbs,
      signature,
    })
    expect(built.der).toHaveLength(3)
  })

  it('rejects a chain without its root', () => {
    expect(
      codeOf(() =>
        buildChain({
          certificates: [chain.leaf.der, chain.issuing.der],
          toBeSigned: tbs,
          signature,
        }),
      ),
    ).toBe('SIGNER_CHAIN_INVALID')
  })

  it('rejects leftovers that are not on the path', async () => {
    const other = await createMockSigningChain({
      key: testKey('rsa3072', 'unit-chain-other'),
      trust: 'PrivateTrust',
    })
    expect(
      codeOf(() =>
        buildChain({
          certificates: [chain.leaf.der, chain.issuing.der, chain.root.der, other.root.der],
          eContent: chain.leaf.der,
          toBeSigned: tbs,
          signature,
        }),
      ),
    ).toBe('SIGNER_CHAIN_INVALID')
  })

  it('rejects a set with only CA certificates', () => {
    expect(
      codeOf(() =>
        buildChain({
          certificates: [chain.issuing.der, chain.root.der],
          toBeSigned: tbs,
          signature,
        }),
      ),
    ).toBe('SIGNER_CHAIN_INVALID')
  })

  it('without eContent, picks the end-entity certificate whose key verifies the signature', async () => {
    const other = await createMockSigningChain({ key: testKey('rsa3072', 'unit-chain-other2') })
    // two leaves under the same CAs: only ours verifies, but the other is then a leftover
    expect(
      codeOf(() =>
        buildChain({
          certificates: [other.leaf.der, chain.root.der, chain.leaf.der, chain.issuing.der],
          toBeSigned: tbs,
          signature,
        }),
      ),
    ).toBe('SIGNER_CHAIN_INVALID')
    // two leaves, neither verifies: the leaf is ambiguous
    const bad = Buffer.alloc(384, 1)
    expect(
      codeOf(() =>
        buildChain({
          certificates: [other.leaf.der, chain.root.der, chain.leaf.der, chain.issuing.der],
          toBeSigned: tbs,
          signature: bad,
        }),
      ),
    ).toBe('SIGNER_CHAIN_INVALID')
  })

  it('rejects a non-certificate in the set', () => {
    expect(
      codeOf(() =>
        buildChain({
          certificates: [chain.leaf.der, new Uint8Array([0x30, 0x03, 2, 1, 1])],
          toBeSigned: tbs,
          signature,
        }),
      ),
    ).toBe('SIGNER_RESPONSE_INVALID')
  })
})

describe('checkSignedBy / checkLeafKey', () => {
  it('accepts the PS384 signature of the leaf key (salt 48)', () => {
    const built = buildChain({ certificates: certs.map((c) => c.der), toBeSigned: tbs, signature })
    expect(() => checkSignedBy(built.leaf, tbs, signature)).not.toThrow()
    expect(() => checkLeafKey(built.leaf)).not.toThrow()
  })

  it('a signature by another key is SIGNER_SIGNATURE_MISMATCH', () => {
    const wrong = signDigestPss(
      testKey('rsa3072', 'unit-wrong'),
      createHash('sha384').update(tbs).digest(),
      'sha384',
    )
    const built = buildChain({
      certificates: certs.map((c) => c.der),
      eContent: chain.leaf.der,
      toBeSigned: tbs,
      signature: wrong,
    })
    let caught: unknown
    try {
      checkSignedBy(built.leaf, tbs, wrong)
    } catch (err) {
      caught = err
    }
    expect(hasCode(caught, 'SIGNER_SIGNATURE_MISMATCH')).toBe(true)
    expect((caught as ArtifactSigningError).remedy).toMatch(/nothing was pushed/)
  })

  it('a signature over other bytes does not verify', () => {
    const leafKey = new X509Certificate(chain.leaf.der).publicKey
    expect(verifyPs384(tbs, signature, leafKey)).toBe(true)
    expect(verifyPs384(new TextEncoder().encode('other'), signature, leafKey)).toBe(false)
  })

  it('a non-RSA-3072 leaf is SIGNER_KEY_UNSUPPORTED', async () => {
    const pki = await createCodeSigningPki({ keyKind: 'rsa2048' })
    expect(codeOf(() => checkLeafKey(pki.leaf.certificate))).toBe('SIGNER_KEY_UNSUPPORTED')
    const ec = await createCodeSigningPki({ keyKind: 'ec384' })
    expect(codeOf(() => checkLeafKey(ec.leaf.certificate))).toBe('SIGNER_KEY_UNSUPPORTED')
  })

  it('builds chains with EC CAs too (issuer walk is key-type agnostic)', async () => {
    const pki = await createCodeSigningPki({ keyKind: 'rsa3072' })
    const sig = signDigestPss(
      pki.leaf.privateKey,
      createHash('sha384').update(tbs).digest(),
      'sha384',
    )
    const built = buildChain({
      certificates: [pki.root.der, pki.leaf.der, pki.intermediate.der],
      toBeSigned: tbs,
      signature: sig,
    })
    expect(built.der).toEqual([pki.leaf.der, pki.intermediate.der, pki.root.der])
  })
})
