/**
 * The two signature primitives Notary uses, with the exact parameters Go expects
 * (notary-spec.md §2.7): RSASSA-PSS with MGF1 = message hash and salt length = hash length, and
 * ECDSA as fixed-length r||s (IEEE P1363), never DER.
 */
import { constants, sign, verify, type KeyObject } from 'node:crypto'
import type { SignatureAlgorithm } from '../signer/signer.js'
import { algorithmInfo } from './key-spec.js'

/** Signs `data` (hashing it with the algorithm's hash) and returns the raw signature bytes. */
export function signRaw(
  algorithm: SignatureAlgorithm,
  privateKey: KeyObject,
  data: Uint8Array,
): Uint8Array {
  const info = algorithmInfo(algorithm)
  const signature =
    info.kind === 'rsa-pss'
      ? sign(info.nodeHash, data, {
          key: privateKey,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: info.hashLength,
        })
      : sign(info.nodeHash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' })
  return new Uint8Array(signature)
}

/**
 * True when `signature` is a valid raw signature over `data`. ECDSA signatures of the wrong length
 * are refused up front (go-cose does the same), so no DER or padded form slips through.
 */
export function verifyRaw(
  algorithm: SignatureAlgorithm,
  publicKey: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  const info = algorithmInfo(algorithm)
  try {
    if (info.kind === 'rsa-pss') {
      return verify(
        info.nodeHash,
        data,
        {
          key: publicKey,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: info.hashLength,
        },
        signature,
      )
    }
    if (signature.length !== info.ecdsaSignatureLength) return false
    return verify(info.nodeHash, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)
  } catch {
    // A key of the wrong type for the algorithm makes node throw; that is simply "does not verify".
    return false
  }
}
