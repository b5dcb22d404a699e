/**
 * The certificate material of a Key Vault certificate, pure: which part of its secret is secret,
 * and how the certificates are put in leaf → root order (or refused).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  certificatesFromSecret,
  orderChain,
  secretKeyMaterial,
} from '../../../src/azure/key-vault-certificates.js'
import { KeyVaultError } from '../../../src/azure/errors.js'
import { formatCauseChain } from '../../../src/errors.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../../testbed/pki.js'

let pki: CodeSigningPki
let other: CodeSigningPki
const b = (ders: Uint8Array[]): Buffer[] => ders.map((d) => Buffer.from(d))

beforeAll(async () => {
  pki = await createCodeSigningPki({ keyKind: 'ec256' })
  other = await createCodeSigningPki({ keyKind: 'ec256' })
})

function refusal(fn: () => unknown): KeyVaultError {
  try {
    fn()
  } catch (err) {
    if (err instanceof KeyVaultError) return err
    throw err
  }
  throw new Error('accepted')
}

describe('secretKeyMaterial', () => {
  it('is the private-key block of a PEM secret, without the certificates', () => {
    const value = pki.leaf.privateKeyPem + pki.chainPem
    const masked = secretKeyMaterial({ value, contentType: 'application/x-pem-file' }) ?? ''
    expect(masked).toContain('PRIVATE KEY')
    expect(masked).not.toContain('CERTIFICATE')
  })
  it('is nothing for certificates only, and the whole value of a PKCS#12 secret', () => {
    expect(secretKeyMaterial({ value: pki.chainPem })).toBeUndefined()
    expect(secretKeyMaterial({ value: 'MIIabc==', contentType: 'application/x-pkcs12' })).toBe(
      'MIIabc==',
    )
  })
})

describe('certificatesFromSecret', () => {
  it('reads PEM by content type or by its armour, skipping the key', () => {
    const value = pki.leaf.privateKeyPem + pki.chainPem
    expect(
      b(certificatesFromSecret({ value, contentType: 'application/x-pem-file' }, 's')),
    ).toEqual(b(pki.chainDer))
    expect(b(certificatesFromSecret({ value }, 's'))).toEqual(b(pki.chainDer))
  })
  it('a secret with a key but no certificate is refused without echoing the key', () => {
    const err = refusal(() =>
      certificatesFromSecret({ value: pki.leaf.privateKeyPem }, 'the secret of "c"'),
    )
    expect(err.code).toBe('KEY_VAULT_CERTIFICATE_INVALID')
    const keyLines = pki.leaf.privateKeyPem.split('\n').filter((l) => l.length > 20)
    const text = formatCauseChain(err).join('\n')
    for (const line of keyLines) expect(text).not.toContain(line)
  })
  it('refuses a value that is neither PEM nor base64', () => {
    const err = refusal(() => certificatesFromSecret({ value: 'not a certificate!' }, 'the secret'))
    expect(err.code).toBe('KEY_VAULT_CERTIFICATE_INVALID')
    expect(err.message).toContain('neither PEM nor base64 PKCS#12')
  })
})

describe('orderChain', () => {
  it('orders any permutation leaf → root, and drops exact duplicates', () => {
    const [leaf, ca, root] = pki.chainDer as [Uint8Array, Uint8Array, Uint8Array]
    expect(b(orderChain([root, leaf, ca, root], 'x'))).toEqual(b(pki.chainDer))
    expect(b(orderChain([ca, root, leaf], 'x', leaf))).toEqual(b(pki.chainDer))
  })
  it('refuses a missing issuer, leftovers, and two candidate leaves', () => {
    const [leaf, ca, root] = pki.chainDer as [Uint8Array, Uint8Array, Uint8Array]
    expect(refusal(() => orderChain([leaf, root], 'x')).message).toContain('is missing')
    expect(
      refusal(() => orderChain([leaf, ca, root, other.root.der], 'x', leaf)).message,
    ).toContain('not on the leaf → root path')
    expect(
      refusal(() => orderChain([leaf, ca, root, other.leaf.der, other.intermediate.der], 'x'))
        .message,
    ).toContain('cannot tell the leaf')
    expect(refusal(() => orderChain([ca, root], 'x', leaf)).message).toContain(
      'does not contain the certificate of the Key Vault certificate object',
    )
  })
  it('uses the remedy it is given (the chain input names its own fix)', () => {
    const [leaf, , root] = pki.chainDer as [Uint8Array, Uint8Array, Uint8Array]
    expect(refusal(() => orderChain([leaf, root], 'x', leaf, 'fix the file')).remedy).toBe(
      'fix the file',
    )
  })
})
