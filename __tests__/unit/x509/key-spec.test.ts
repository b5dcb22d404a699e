import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { CertificateError } from '../../../src/x509/errors.js'
import {
  ALGORITHMS,
  algorithmForKeySpec,
  algorithmFromCose,
  algorithmFromJws,
  algorithmFromNotationName,
  algorithmInfo,
  hashForAlgorithm,
  keySpecOfKey,
  parseKeySpec,
} from '../../../src/x509/key-spec.js'
import { testKey } from '../../../testbed/pki.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

describe('key-spec table (notary-spec.md §3.1)', () => {
  test.each([
    ['RSA-2048', 'PS256', 'SHA-256', -37, 'RSASSA-PSS-SHA-256'],
    ['RSA-3072', 'PS384', 'SHA-384', -38, 'RSASSA-PSS-SHA-384'],
    ['RSA-4096', 'PS512', 'SHA-512', -39, 'RSASSA-PSS-SHA-512'],
    ['EC-256', 'ES256', 'SHA-256', -7, 'ECDSA-SHA-256'],
    ['EC-384', 'ES384', 'SHA-384', -35, 'ECDSA-SHA-384'],
    ['EC-521', 'ES512', 'SHA-512', -36, 'ECDSA-SHA-512'],
  ] as const)('%s ↔ %s ↔ %s ↔ %i ↔ %s', (keySpec, alg, hash, cose, notation) => {
    expect(algorithmForKeySpec(keySpec)).toBe(alg)
    expect(hashForAlgorithm(alg)).toBe(hash)
    expect(algorithmFromCose(cose)).toBe(alg)
    expect(algorithmFromJws(alg)).toBe(alg)
    expect(algorithmFromNotationName(notation)).toBe(alg)
    expect(parseKeySpec(keySpec)).toBe(keySpec)
    expect(algorithmInfo(alg).coseAlg).toBe(cose)
  })

  test('unknown values map to undefined', () => {
    expect(algorithmFromCose(-257)).toBeUndefined()
    expect(algorithmFromJws('RS256')).toBeUndefined()
    expect(algorithmFromJws('none')).toBeUndefined()
    expect(parseKeySpec('RSA-1024')).toBeUndefined()
    expect(ALGORITHMS).toHaveLength(6)
  })

  test.each([
    ['rsa2048', 'RSA-2048'],
    ['rsa3072', 'RSA-3072'],
    ['ec256', 'EC-256'],
    ['ec384', 'EC-384'],
    ['ec521', 'EC-521'],
  ] as const)('keySpecOfKey(%s) = %s (private and public keys)', (kind, spec) => {
    const key = testKey(kind)
    expect(keySpecOfKey(key)).toBe(spec)
  })

  test.each([
    ['RSA 1024', () => generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey, '1024'],
    ['Ed25519', () => generateKeyPairSync('ed25519').publicKey, 'ed25519'],
    [
      'secp256k1',
      () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey,
      'secp256k1',
    ],
    [
      'RSA-PSS key type',
      () => generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).publicKey,
      'rsa-pss',
    ],
  ])('%s is refused with a coded error naming the key', (_name, make, mention) => {
    const err = expectCode(
      () => keySpecOfKey(make(), 'leaf "CN=x"'),
      CertificateError,
      'CERT_KEY_UNSUPPORTED',
    )
    expect(err.message).toContain('leaf "CN=x"')
    expect(err.message).toContain(mention)
  })
})
