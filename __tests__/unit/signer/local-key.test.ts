import { generateKeyPairSync } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { SigningError } from '../../../src/signer/errors.js'
import { createLocalKeySigner, parsePrivateKeyPem } from '../../../src/signer/local-key.js'
import { verifyRaw } from '../../../src/x509/raw-signature.js'
import {
  createCodeSigningPki,
  type CodeSigningPki,
  type LeafVariant,
} from '../../../testbed/pki.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const NOW = new Date('2030-01-01T00:00:00Z')
let rsa: CodeSigningPki
let ec: CodeSigningPki

beforeAll(async () => {
  rsa = await createCodeSigningPki({ keyKind: 'rsa2048' })
  ec = await createCodeSigningPki({ keyKind: 'ec384' })
}, 60_000)

function causeCode(err: Error): string | undefined {
  return (err.cause as { code?: string } | undefined)?.code
}

describe('createLocalKeySigner', () => {
  test.each([
    ['PKCS#8 RSA', () => rsa, 'pkcs8'],
    ['PKCS#1 RSA', () => rsa, 'pkcs1'],
    ['PKCS#8 EC', () => ec, 'pkcs8'],
    ['SEC1 EC', () => ec, 'sec1'],
  ] as const)('%s key signs with the Notary parameters', async (_name, getPki, type) => {
    const pki = getPki()
    const keyPem = pki.leaf.privateKey.export({ format: 'pem', type }).toString()
    const signer = createLocalKeySigner({ keyPem, chainPem: pki.chainPem, now: NOW })
    const expected = pki === rsa ? 'PS256' : 'ES384'
    expect(signer.algorithm).toBe(expected)
    expect(signer.keySpec).toBe(pki === rsa ? 'RSA-2048' : 'EC-384')
    expect(signer.description).toContain('local key')
    expect(signer.certificateChain).toEqual(pki.chainDer)
    const data = new Uint8Array([1, 2, 3])
    const result = await signer.sign(data)
    expect(result.certificateChain).toEqual(pki.chainDer)
    expect(verifyRaw(expected, pki.leaf.certificate.publicKey, data, result.signature)).toBe(true)
    if (pki === ec) expect(result.signature).toHaveLength(96)
  })

  test('EC PARAMETERS before the key (openssl ecparam -genkey output) is fine', () => {
    const sec1 = ec.leaf.privateKey.export({ format: 'pem', type: 'sec1' }).toString()
    const keyPem = `-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n${sec1}`
    expect(() => createLocalKeySigner({ keyPem, chainPem: ec.chainPem, now: NOW })).not.toThrow()
  })

  test('encrypted keys are refused clearly', () => {
    const pkcs8 = rsa.leaf.privateKey
      .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString()
    const legacy = rsa.leaf.privateKey
      .export({ format: 'pem', type: 'pkcs1', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString()
    for (const keyPem of [pkcs8, legacy]) {
      const err = expectCode(
        () => createLocalKeySigner({ keyPem, chainPem: rsa.chainPem, now: NOW }),
        SigningError,
        'SIGNER_KEY_ENCRYPTED',
      )
      expect(err.message).toContain('encrypted')
    }
  })

  test('no key block, or a broken key → SIGNER_KEY_INVALID without echoing the text', () => {
    const err = expectCode(
      () => parsePrivateKeyPem(rsa.chainPem, 'signing-key'),
      SigningError,
      'SIGNER_KEY_INVALID',
    )
    expect(err.message).toContain('signing-key')
    expect(err.message).toContain('"CERTIFICATE"')
    const broken = '-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n-----END PRIVATE KEY-----\n'
    const err2 = expectCode(() => parsePrivateKeyPem(broken), SigningError, 'SIGNER_KEY_INVALID')
    expect(err2.message).not.toContain('AAAAAAAA')
  })

  test('a key outside the table → SIGNER_KEY_INVALID', () => {
    const ed = generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString()
    const err = expectCode(
      () => createLocalKeySigner({ keyPem: ed, chainPem: rsa.chainPem, now: NOW }),
      SigningError,
      'SIGNER_KEY_INVALID',
    )
    expect(causeCode(err)).toBe('CERT_KEY_UNSUPPORTED')
  })

  test('a key that is not the leaf key → SIGNER_KEY_MISMATCH naming the leaf', () => {
    const err = expectCode(
      () =>
        createLocalKeySigner({ keyPem: ec.leaf.privateKeyPem, chainPem: rsa.chainPem, now: NOW }),
      SigningError,
      'SIGNER_KEY_MISMATCH',
    )
    expect(err.message).toContain('CN=Test Signer')
  })

  test.each<[LeafVariant, string]>([
    ['expired', 'CERT_EXPIRED'],
    ['not-yet-valid', 'CERT_NOT_YET_VALID'],
    ['wrong-eku', 'CERT_LEAF_EKU'],
    ['no-ku', 'CERT_LEAF_KEY_USAGE'],
    ['ku-not-critical', 'CERT_LEAF_KEY_USAGE'],
    ['ca-leaf', 'CERT_LEAF_BASIC_CONSTRAINTS'],
  ])('a %s leaf → SIGNER_CHAIN_INVALID (cause %s)', async (variant, code) => {
    const bad = await createCodeSigningPki({ keyKind: 'ec256', variant, now: NOW })
    const err = expectCode(
      () =>
        createLocalKeySigner({ keyPem: bad.leaf.privateKeyPem, chainPem: bad.chainPem, now: NOW }),
      SigningError,
      'SIGNER_CHAIN_INVALID',
    )
    expect(causeCode(err)).toBe(code)
  })

  test('a chain without its root, or without any certificate → SIGNER_CHAIN_INVALID', () => {
    const noRoot = rsa.leaf.pem + rsa.intermediate.pem
    const err = expectCode(
      () => createLocalKeySigner({ keyPem: rsa.leaf.privateKeyPem, chainPem: noRoot, now: NOW }),
      SigningError,
      'SIGNER_CHAIN_INVALID',
    )
    expect(causeCode(err)).toBe('CERT_NOT_SELF_SIGNED_ROOT')
    const err2 = expectCode(
      () =>
        createLocalKeySigner({
          keyPem: rsa.leaf.privateKeyPem,
          chainPem: 'nothing',
          now: NOW,
          names: { key: 'signing-key', chain: 'signing-certificate-chain' },
        }),
      SigningError,
      'SIGNER_CHAIN_INVALID',
    )
    expect(err2.message).toContain('signing-certificate-chain')
    expect(causeCode(err2)).toBe('CERT_PEM_INVALID')
  })
})
