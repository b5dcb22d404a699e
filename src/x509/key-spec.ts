/**
 * Key → algorithm binding (notary-spec.md §3.1). The leaf key decides the algorithm: RSA 2048/3072/4096
 * → PS256/384/512, EC P-256/384/521 → ES256/384/512. Nothing else is accepted, in line with
 * notation-core-go internal/algorithm/algorithm.go.
 */
import type { KeyObject } from 'node:crypto'
import type { HashAlgorithm, KeySpec, SignatureAlgorithm } from '../signer/signer.js'
import { CertificateError } from './errors.js'

/** One row of the §3.1 table: everything a key spec implies. */
export interface AlgorithmInfo {
  keySpec: KeySpec
  algorithm: SignatureAlgorithm
  hash: HashAlgorithm
  /** node:crypto digest name. */
  nodeHash: 'sha256' | 'sha384' | 'sha512'
  /** Hash output length in bytes = the RSASSA-PSS salt length (RFC 8230). */
  hashLength: 32 | 48 | 64
  /** COSE algorithm identifier (RFC 9053 / RFC 8230). */
  coseAlg: number
  /** JWS "alg" (RFC 7518). */
  jwsAlg: SignatureAlgorithm
  /** Name used by notation plugins and `notation inspect`. */
  notationName: string
  kind: 'rsa-pss' | 'ecdsa'
  /** Length of the raw ECDSA r||s signature; undefined for RSA. */
  ecdsaSignatureLength?: number
}

/** The six algorithms Notary signatures may use, in table order. */
export const ALGORITHMS: readonly AlgorithmInfo[] = [
  {
    keySpec: 'RSA-2048',
    algorithm: 'PS256',
    hash: 'SHA-256',
    nodeHash: 'sha256',
    hashLength: 32,
    coseAlg: -37,
    jwsAlg: 'PS256',
    notationName: 'RSASSA-PSS-SHA-256',
    kind: 'rsa-pss',
  },
  {
    keySpec: 'RSA-3072',
    algorithm: 'PS384',
    hash: 'SHA-384',
    nodeHash: 'sha384',
    hashLength: 48,
    coseAlg: -38,
    jwsAlg: 'PS384',
    notationName: 'RSASSA-PSS-SHA-384',
    kind: 'rsa-pss',
  },
  {
    keySpec: 'RSA-4096',
    algorithm: 'PS512',
    hash: 'SHA-512',
    nodeHash: 'sha512',
    hashLength: 64,
    coseAlg: -39,
    jwsAlg: 'PS512',
    notationName: 'RSASSA-PSS-SHA-512',
    kind: 'rsa-pss',
  },
  {
    keySpec: 'EC-256',
    algorithm: 'ES256',
    hash: 'SHA-256',
    nodeHash: 'sha256',
    hashLength: 32,
    coseAlg: -7,
    jwsAlg: 'ES256',
    notationName: 'ECDSA-SHA-256',
    kind: 'ecdsa',
    ecdsaSignatureLength: 64,
  },
  {
    keySpec: 'EC-384',
    algorithm: 'ES384',
    hash: 'SHA-384',
    nodeHash: 'sha384',
    hashLength: 48,
    coseAlg: -35,
    jwsAlg: 'ES384',
    notationName: 'ECDSA-SHA-384',
    kind: 'ecdsa',
    ecdsaSignatureLength: 96,
  },
  {
    keySpec: 'EC-521',
    algorithm: 'ES512',
    hash: 'SHA-512',
    nodeHash: 'sha512',
    hashLength: 64,
    coseAlg: -36,
    jwsAlg: 'ES512',
    notationName: 'ECDSA-SHA-512',
    kind: 'ecdsa',
    ecdsaSignatureLength: 132,
  },
]

function find(pred: (a: AlgorithmInfo) => boolean): AlgorithmInfo | undefined {
  return ALGORITHMS.find(pred)
}

/** Details for a signature algorithm (always defined for the SignatureAlgorithm union). */
export function algorithmInfo(algorithm: SignatureAlgorithm): AlgorithmInfo {
  const info = find((a) => a.algorithm === algorithm)
  if (!info) throw new TypeError(`unknown signature algorithm ${String(algorithm)}`)
  return info
}

/** The signature algorithm a key spec implies (RSA-3072 → PS384 ...). */
export function algorithmForKeySpec(keySpec: KeySpec): SignatureAlgorithm {
  const info = find((a) => a.keySpec === keySpec)
  if (!info) throw new TypeError(`unknown key spec ${String(keySpec)}`)
  return info.algorithm
}

/** The hash an algorithm uses (also the TSA imprint and blob digest hash). */
export function hashForAlgorithm(algorithm: SignatureAlgorithm): HashAlgorithm {
  return algorithmInfo(algorithm).hash
}

/** The algorithm for a COSE alg value, or undefined when it is not one Notary allows. */
export function algorithmFromCose(coseAlg: number): SignatureAlgorithm | undefined {
  return find((a) => a.coseAlg === coseAlg)?.algorithm
}

/** The algorithm for a JWS alg string, or undefined when it is not one Notary allows. */
export function algorithmFromJws(jwsAlg: string): SignatureAlgorithm | undefined {
  return find((a) => a.jwsAlg === jwsAlg)?.algorithm
}

/** The algorithm for a notation name (RSASSA-PSS-SHA-256 ...), or undefined. */
export function algorithmFromNotationName(name: string): SignatureAlgorithm | undefined {
  return find((a) => a.notationName === name)?.algorithm
}

/** The KeySpec for a notation plugin key spec string (RSA-2048 ... EC-521), or undefined. */
export function parseKeySpec(value: string): KeySpec | undefined {
  return find((a) => a.keySpec === value)?.keySpec
}

/**
 * The KeySpec of a public or private key, or a CERT_KEY_UNSUPPORTED error naming the key.
 * `describe` names the key owner in the message (e.g. a certificate subject).
 * RSA size is counted like Go does (modulus bytes × 8), so only exact 2048/3072/4096 pass.
 */
export function keySpecOfKey(key: KeyObject, describe = 'key'): KeySpec {
  const type = key.asymmetricKeyType
  const details = key.asymmetricKeyDetails ?? {}
  if (type === 'rsa') {
    const bits = details.modulusLength ?? 0
    const size = Math.ceil(bits / 8) * 8
    if (size === 2048 || size === 3072 || size === 4096) return `RSA-${size}`
    throw new CertificateError(
      'CERT_KEY_UNSUPPORTED',
      `${describe} has an RSA ${bits}-bit key; Notary signatures need RSA 2048, 3072 or 4096 bits exactly`,
    )
  }
  if (type === 'ec') {
    const curve = details.namedCurve
    if (curve === 'prime256v1' || curve === 'P-256') return 'EC-256'
    if (curve === 'secp384r1' || curve === 'P-384') return 'EC-384'
    if (curve === 'secp521r1' || curve === 'P-521') return 'EC-521'
    throw new CertificateError(
      'CERT_KEY_UNSUPPORTED',
      `${describe} has an EC key on curve ${curve ?? 'unknown'}; Notary signatures need P-256, P-384 or P-521`,
    )
  }
  throw new CertificateError(
    'CERT_KEY_UNSUPPORTED',
    `${describe} has a ${type ?? 'unknown'} key; Notary signatures need an RSA (2048/3072/4096) or EC (P-256/384/521) key`,
  )
}
