import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { encodeProtectedHeader } from '../../../src/cose/headers.js'
import { encodeCoseSign1, sigStructure } from '../../../src/cose/sign1.js'
import { decodeEnvelope } from '../../../src/envelope/decode.js'
import { EnvelopeError } from '../../../src/envelope/errors.js'
import { verifyEnvelopeSignature } from '../../../src/envelope/signature.js'
import type { SignatureAlgorithm } from '../../../src/signer/signer.js'
import { CertificateError } from '../../../src/x509/errors.js'
import { signRaw } from '../../../src/x509/raw-signature.js'
import { createSelfSignedSigner } from '../../../testbed/pki.js'
import { key, makeCert } from '../../helpers/signing-core-certs.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/notation/${name}`, import.meta.url)))

describe('decodeEnvelope', () => {
  test('dispatches on the layer media type', () => {
    expect(decodeEnvelope('application/cose', fixture('cose_signature.sig')).format).toBe('cose')
    expect(
      decodeEnvelope(
        'application/jose+json',
        fixture(
          'oci_layout/e2e-valid-signature/blobs/sha256/c9af07e038b2b1a463e648986ad7273157511ffeba0b689f33e5472bae471f50',
        ),
      ).format,
    ).toBe('jws')
  })

  test('unknown media types are ENVELOPE_UNSUPPORTED', () => {
    const err = expectCode(
      () => decodeEnvelope('application/vnd.dev.sigstore.bundle+json', new Uint8Array([1])),
      EnvelopeError,
      'ENVELOPE_UNSUPPORTED',
    )
    expect(err.message).toContain('application/vnd.dev.sigstore.bundle+json')
  })

  test('a COSE envelope under the JWS media type is malformed, not silently accepted', () => {
    expectCode(
      () => decodeEnvelope('application/jose+json', fixture('cose_signature.sig')),
      EnvelopeError,
      'ENVELOPE_MALFORMED',
    )
  })
})

function selfSignedEnvelope(
  algorithm: SignatureAlgorithm,
  leafDer: Uint8Array,
  sign: (tbs: Uint8Array) => Uint8Array,
): Uint8Array {
  const protectedBytes = encodeProtectedHeader({ algorithm, signingTime: new Date(1700000000_000) })
  const payload = new Uint8Array(Buffer.from('{"targetArtifact":{}}'))
  return encodeCoseSign1({
    protectedBytes,
    unprotected: { certificateChain: [leafDer] },
    payload,
    signature: sign(sigStructure(protectedBytes, payload)),
  })
}

describe('verifyEnvelopeSignature', () => {
  test('header alg different from the leaf key → ENVELOPE_ALGORITHM_MISMATCH', async () => {
    const self = await createSelfSignedSigner('rsa2048')
    const env = selfSignedEnvelope('PS384', self.der, (t) => signRaw('PS384', self.privateKey, t))
    const err = expectCode(
      () => verifyEnvelopeSignature(decodeEnvelope('application/cose', env)),
      EnvelopeError,
      'ENVELOPE_ALGORITHM_MISMATCH',
    )
    expect(err.message).toContain('PS256')
    const good = selfSignedEnvelope('PS256', self.der, (t) => signRaw('PS256', self.privateKey, t))
    expect(verifyEnvelopeSignature(decodeEnvelope('application/cose', good))).toBe(true)
  })

  test('a leaf key outside the table → CERT_KEY_UNSUPPORTED', async () => {
    const weak = await makeCert({ subject: 'CN=weak', key: key('rsa1024') })
    const env = selfSignedEnvelope('PS256', weak.der, () => new Uint8Array(128))
    expectCode(
      () => verifyEnvelopeSignature(decodeEnvelope('application/cose', env)),
      CertificateError,
      'CERT_KEY_UNSUPPORTED',
    )
  })

  test('a leaf that is not a certificate → CERT_PARSE', () => {
    const env = selfSignedEnvelope('PS256', new Uint8Array([0x30, 0x00]), () => new Uint8Array(256))
    expectCode(
      () => verifyEnvelopeSignature(decodeEnvelope('application/cose', env)),
      CertificateError,
      'CERT_PARSE',
    )
  })

  test('ECDSA signatures must be exactly r||s long', async () => {
    const self = await createSelfSignedSigner('ec256')
    const good = selfSignedEnvelope('ES256', self.der, (t) => signRaw('ES256', self.privateKey, t))
    const parsed = decodeEnvelope('application/cose', good)
    expect(verifyEnvelopeSignature(parsed)).toBe(true)
    const padded = { ...parsed, signature: new Uint8Array([...parsed.signature, 0]) }
    expect(verifyEnvelopeSignature(padded)).toBe(false)
  })
})
