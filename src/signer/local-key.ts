/**
 * A Signer over a local private key and certificate chain (PEM). Checked when created the way
 * notation would check the result: the chain must be a valid Notary code-signing chain at `now`,
 * and the key must be the leaf certificate's key. Signatures use the Notary parameters
 * (RSASSA-PSS salt = hash length, ECDSA r||s).
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { validateCodeSigningChain } from '../x509/chain.js'
import { policySubject } from '../x509/dn.js'
import { parsePemBlocks, pemToCertificates } from '../x509/pem.js'
import { algorithmForKeySpec, keySpecOfKey } from '../x509/key-spec.js'
import { signRaw } from '../x509/raw-signature.js'
import { SigningError } from './errors.js'
import type { KeySpec, SignatureAlgorithm, SignResult, Signer } from './signer.js'

/** PEM inputs of the local-key signer. */
export interface LocalKeySignerOptions {
  /** PKCS#8 ("PRIVATE KEY"), PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY") PEM, unencrypted. */
  keyPem: string
  /** Certificates, leaf first, ending in the self-signed root. */
  chainPem: string
  /** The time the chain must be valid at (normally the signing time). */
  now: Date
  /** How messages name the two inputs (the action passes its input names). */
  names?: { key: string; chain: string }
}

/** A Signer that also exposes its (validated) chain. */
export interface LocalKeySigner extends Signer {
  readonly certificateChain: readonly Uint8Array[]
}

const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'])

/** Reads an unencrypted private key from PEM; errors never echo key material. */
export function parsePrivateKeyPem(keyPem: string, name = 'the signing key'): KeyObject {
  let blocks
  try {
    blocks = parsePemBlocks(keyPem)
  } catch (err) {
    throw new SigningError('SIGNER_KEY_INVALID', `${name} is not valid PEM`, { cause: err })
  }
  if (blocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY')) {
    throw new SigningError(
      'SIGNER_KEY_ENCRYPTED',
      `${name} is an encrypted PKCS#8 key; provide it unencrypted (e.g. with "openssl pkcs8 -in key.pem -out plain.pem"), kept in a secret`,
    )
  }
  const block = blocks.find((b) => KEY_LABELS.has(b.label))
  if (!block) {
    throw new SigningError(
      'SIGNER_KEY_INVALID',
      `${name} has no "PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY" PEM block${
        blocks.length > 0 ? ` (found ${blocks.map((b) => `"${b.label}"`).join(', ')})` : ''
      }`,
    )
  }
  if (block.headers.some((h) => /^Proc-Type:\s*4,ENCRYPTED/i.test(h))) {
    throw new SigningError(
      'SIGNER_KEY_ENCRYPTED',
      `${name} ("${block.label}") is password-encrypted; provide it unencrypted, kept in a secret`,
    )
  }
  const der = Buffer.from(block.der)
  const type =
    block.label === 'PRIVATE KEY' ? 'pkcs8' : block.label === 'RSA PRIVATE KEY' ? 'pkcs1' : 'sec1'
  try {
    return createPrivateKey({ key: der, format: 'der', type })
  } catch (err) {
    throw new SigningError('SIGNER_KEY_INVALID', `${name} ("${block.label}") cannot be parsed`, {
      cause: err,
    })
  }
}

/** Creates a local-key signer; throws SigningError naming the broken rule. */
export function createLocalKeySigner(options: LocalKeySignerOptions): LocalKeySigner {
  const names = options.names ?? { key: 'the signing key', chain: 'the signing certificate chain' }
  const privateKey = parsePrivateKeyPem(options.keyPem, names.key)
  let chain: Uint8Array[]
  let validated
  try {
    chain = pemToCertificates(options.chainPem, names.chain)
    validated = validateCodeSigningChain(chain, { signingTime: options.now })
  } catch (err) {
    throw new SigningError(
      'SIGNER_CHAIN_INVALID',
      `${names.chain} is not a valid Notary code-signing chain at ${options.now.toISOString()}`,
      { cause: err },
    )
  }
  let keySpec: KeySpec
  try {
    keySpec = keySpecOfKey(privateKey, names.key)
  } catch (err) {
    throw new SigningError('SIGNER_KEY_INVALID', `${names.key} type or size is not supported`, {
      cause: err,
    })
  }
  const ownPublic = createPublicKey(privateKey).export({ format: 'der', type: 'spki' })
  const leafPublic = validated.leaf.publicKey.export({ format: 'der', type: 'spki' })
  if (!ownPublic.equals(leafPublic)) {
    throw new SigningError(
      'SIGNER_KEY_MISMATCH',
      `${names.key} does not match the public key of the leaf certificate "${policySubject(validated.leaf)}" (the first certificate of the chain)`,
    )
  }
  const algorithm: SignatureAlgorithm = algorithmForKeySpec(keySpec)
  const certificateChain = chain
  return {
    keySpec,
    algorithm,
    description: `local key (${keySpec}, leaf "${policySubject(validated.leaf)}")`,
    certificateChain,
    sign(toBeSigned: Uint8Array): Promise<SignResult> {
      return Promise.resolve({
        signature: signRaw(algorithm, privateKey, toBeSigned),
        certificateChain: certificateChain.map((c) => new Uint8Array(c)),
      })
    },
    currentChain(): Promise<Uint8Array[]> {
      return Promise.resolve(certificateChain.map((c) => new Uint8Array(c)))
    },
  }
}
