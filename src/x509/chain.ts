/**
 * Certificate chain rules for code signing (notary-spec.md §3.2) and timestamping (§3.3), following
 * notation-core-go x509/codesigning_cert_validations.go and timestamp_cert_validations.go check for
 * check: leaf → intermediates → self-signed root, no path building, no extra certificates.
 * Pure: the validity time is a parameter.
 */
import type { KeySpec } from '../signer/signer.js'
import {
  EKU_OID,
  EXTENSION_OID,
  signatureCheck,
  toCertificateInfo,
  type CertificateInfo,
  type KeyUsageFlag,
} from './certificate.js'
import { CertificateError, type CertificateCode } from './errors.js'
import { keySpecOfKey } from './key-spec.js'

export interface ChainValidationOptions {
  /** When set, every certificate must be valid at this time (notBefore ≤ t ≤ notAfter). */
  signingTime?: Date
}

/** A chain that passed validation, parsed. */
export interface ValidatedChain {
  certificates: CertificateInfo[]
  leaf: CertificateInfo
  /** The leaf key's spec (in the §3.1 table). */
  keySpec: KeySpec
}

type Profile = 'code-signing' | 'timestamping'

/** Leaf key usages that must not be set next to digitalSignature (x509/helper.go validateLeafKeyUsage). */
const FORBIDDEN_LEAF_KEY_USAGES: readonly KeyUsageFlag[] = [
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
]

/** EKUs a code-signing leaf must not carry (Go's list plus anyExtendedKeyUsage from the spec, §9 #3). */
const FORBIDDEN_CODE_SIGNING_EKUS: Readonly<Record<string, string>> = {
  [EKU_OID.serverAuth]: 'serverAuth',
  [EKU_OID.clientAuth]: 'clientAuth',
  [EKU_OID.emailProtection]: 'emailProtection',
  [EKU_OID.timeStamping]: 'timeStamping',
  [EKU_OID.ocspSigning]: 'OCSPSigning',
  [EKU_OID.any]: 'anyExtendedKeyUsage',
}

function describe(cert: CertificateInfo, index: number, length: number): string {
  const role =
    length === 1
      ? 'self-signed certificate'
      : index === 0
        ? 'leaf certificate'
        : index === length - 1
          ? 'root certificate'
          : 'intermediate certificate'
  return `${role} [${index}] "${cert.subject}"`
}

function fail(
  code: CertificateCode,
  cert: CertificateInfo,
  index: number,
  length: number,
  rule: string,
): CertificateError {
  return new CertificateError(code, `${describe(cert, index, length)}: ${rule}`, {
    position: index,
    subject: cert.subject,
  })
}

function checkValidityAt(cert: CertificateInfo, index: number, length: number, at?: Date): void {
  if (at === undefined) return
  if (at.getTime() < cert.notBefore.getTime()) {
    throw fail(
      'CERT_NOT_YET_VALID',
      cert,
      index,
      length,
      `is not valid yet at ${at.toISOString()} (valid from ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}); every certificate must be valid at the signing time`,
    )
  }
  if (at.getTime() > cert.notAfter.getTime()) {
    throw fail(
      'CERT_EXPIRED',
      cert,
      index,
      length,
      `expired at ${cert.notAfter.toISOString()}, before ${at.toISOString()} (valid from ${cert.notBefore.toISOString()}); every certificate must be valid at the signing time`,
    )
  }
}

function checkSignedBy(
  child: CertificateInfo,
  parent: CertificateInfo,
  index: number,
  length: number,
  selfCheck: boolean,
): void {
  const result = signatureCheck(child, parent)
  if (result === 'weak-algorithm') {
    throw fail(
      'CERT_WEAK_SIGNATURE',
      child,
      index,
      length,
      `is signed with an insecure algorithm (OID ${child.signatureAlgorithmOid}); MD5 and SHA-1 signatures are refused`,
    )
  }
  if (selfCheck) return
  const namesMatch = Buffer.from(child.rawIssuer).equals(Buffer.from(parent.rawSubject))
  if (!namesMatch || result !== 'ok') {
    throw fail(
      'CERT_CHAIN_ORDER',
      child,
      index,
      length,
      `is not issued by the next certificate [${index + 1}] "${parent.subject}" (${
        namesMatch ? 'signature does not verify with its key' : `issuer is "${child.issuer}"`
      }); the chain must be ordered leaf first, each certificate followed by its issuer, ending in the root`,
    )
  }
}

function checkCa(cert: CertificateInfo, index: number, length: number, profile: Profile): void {
  const bc = cert.basicConstraints
  if (!bc.present || !bc.cA) {
    throw fail(
      'CERT_CA_BASIC_CONSTRAINTS',
      cert,
      index,
      length,
      `a CA certificate needs the basicConstraints extension (${EXTENSION_OID.basicConstraints}) with cA=true`,
    )
  }
  // Go: expectedPathLen = index - 1 = number of CA certificates below this one.
  const expected = index - 1
  if (bc.pathLen !== undefined && bc.pathLen < expected) {
    throw fail(
      'CERT_CA_PATH_LENGTH',
      cert,
      index,
      length,
      `basicConstraints pathLenConstraint is ${bc.pathLen} but ${expected} CA certificate(s) sit below it`,
    )
  }
  const ku = cert.keyUsage
  if (!ku.present) {
    throw fail('CERT_CA_KEY_USAGE', cert, index, length, 'the keyUsage extension must be present')
  }
  if (profile === 'code-signing' && !ku.critical) {
    throw fail('CERT_CA_KEY_USAGE', cert, index, length, 'the keyUsage extension must be critical')
  }
  if (!ku.flags.includes('keyCertSign')) {
    throw fail('CERT_CA_KEY_USAGE', cert, index, length, 'keyUsage must include keyCertSign')
  }
}

function checkLeaf(
  cert: CertificateInfo,
  index: number,
  length: number,
  profile: Profile,
): KeySpec {
  if (cert.basicConstraints.present && cert.basicConstraints.cA) {
    throw fail(
      'CERT_LEAF_BASIC_CONSTRAINTS',
      cert,
      index,
      length,
      'a signing certificate must not be a CA (basicConstraints cA must be false when present)',
    )
  }
  const ku = cert.keyUsage
  if (!ku.present) {
    throw fail('CERT_LEAF_KEY_USAGE', cert, index, length, 'the keyUsage extension must be present')
  }
  if (profile === 'code-signing' && !ku.critical) {
    throw fail(
      'CERT_LEAF_KEY_USAGE',
      cert,
      index,
      length,
      'the keyUsage extension must be critical',
    )
  }
  if (!ku.flags.includes('digitalSignature')) {
    throw fail('CERT_LEAF_KEY_USAGE', cert, index, length, 'keyUsage must include digitalSignature')
  }
  const extra = ku.flags.filter((f) => FORBIDDEN_LEAF_KEY_USAGES.includes(f))
  if (extra.length > 0) {
    throw fail(
      'CERT_LEAF_KEY_USAGE',
      cert,
      index,
      length,
      `keyUsage must be digitalSignature only, but also has ${extra.join(', ')}`,
    )
  }
  const eku = cert.extendedKeyUsage
  if (profile === 'code-signing') {
    const bad = eku.oids
      .map((oid) => FORBIDDEN_CODE_SIGNING_EKUS[oid])
      .filter((n) => n !== undefined)
    if (bad.length > 0) {
      throw fail(
        'CERT_LEAF_EKU',
        cert,
        index,
        length,
        `extendedKeyUsage must not contain ${bad.join(', ')} (codeSigning is allowed, not required)`,
      )
    }
  } else {
    // RFC 3161 §2.3: exactly one EKU, id-kp-timeStamping, and the extension critical.
    if (eku.oids.length !== 1 || eku.oids[0] !== EKU_OID.timeStamping) {
      throw fail(
        'CERT_TSA_EKU',
        cert,
        index,
        length,
        `a timestamping certificate must have timeStamping (${EKU_OID.timeStamping}) as its only extended key usage, found [${eku.oids.join(', ')}]`,
      )
    }
    if (!eku.critical) {
      throw fail(
        'CERT_TSA_EKU',
        cert,
        index,
        length,
        'a timestamping certificate must mark the extendedKeyUsage extension critical',
      )
    }
  }
  try {
    return keySpecOfKey(cert.publicKey, describe(cert, index, length))
  } catch (err) {
    if (err instanceof CertificateError) {
      throw new CertificateError(err.code, err.message, {
        position: index,
        subject: cert.subject,
      })
    }
    throw err
  }
}

function validate(
  input: readonly (CertificateInfo | Uint8Array)[],
  options: ChainValidationOptions,
  profile: Profile,
): ValidatedChain {
  if (input.length === 0) {
    throw new CertificateError('CERT_CHAIN_EMPTY', 'the certificate chain is empty')
  }
  const certs = input.map((c, i) => {
    try {
      return toCertificateInfo(c)
    } catch (err) {
      throw new CertificateError('CERT_PARSE', `certificate [${i}] in the chain cannot be parsed`, {
        cause: err,
        position: i,
      })
    }
  })
  const n = certs.length
  const leaf = certs[0] as CertificateInfo

  if (n === 1) {
    // A lone certificate must be self-signed and self-issued, and is checked as a leaf (no keyCertSign).
    checkSignedBy(leaf, leaf, 0, 1, true)
    if (!leaf.selfIssued || !leaf.selfSigned) {
      throw fail(
        'CERT_SELF_SIGNED_INVALID',
        leaf,
        0,
        1,
        `a single-certificate chain must be self-signed and self-issued (issuer is "${leaf.issuer}")`,
      )
    }
    checkValidityAt(leaf, 0, 1, options.signingTime)
    return { certificates: certs, leaf, keySpec: checkLeaf(leaf, 0, 1, profile) }
  }

  let keySpec: KeySpec | undefined
  for (let i = 0; i < n; i++) {
    const cert = certs[i] as CertificateInfo
    checkValidityAt(cert, i, n, options.signingTime)
    if (i === n - 1) {
      checkSignedBy(cert, cert, i, n, true)
      if (!cert.selfSigned) {
        throw fail(
          'CERT_NOT_SELF_SIGNED_ROOT',
          cert,
          i,
          n,
          'is not self-signed; the chain must end with its self-signed root certificate (include the root)',
        )
      }
    } else {
      if (cert.selfSigned) {
        throw fail(
          'CERT_SELF_SIGNED_NOT_ROOT',
          cert,
          i,
          n,
          'is self-signed but is not the last certificate; only the root may be self-signed and nothing may follow it',
        )
      }
      checkSignedBy(cert, certs[i + 1] as CertificateInfo, i, n, false)
    }
    if (i === 0) keySpec = checkLeaf(cert, i, n, profile)
    else checkCa(cert, i, n, profile)
  }
  return { certificates: certs, leaf, keySpec: keySpec as KeySpec }
}

/**
 * Validates a code-signing chain (leaf first, ending in the self-signed root) by notary-spec.md
 * §3.2. Throws CertificateError naming the certificate and the rule; returns the parsed chain.
 */
export function validateCodeSigningChain(
  chain: readonly (CertificateInfo | Uint8Array)[],
  options: ChainValidationOptions = {},
): ValidatedChain {
  return validate(chain, options, 'code-signing')
}

/**
 * Validates a timestamping (TSA) chain by notary-spec.md §3.3: the same structure, keyUsage present
 * (not necessarily critical), and a leaf whose only EKU is a critical id-kp-timeStamping.
 */
export function validateTimestampingChain(
  chain: readonly (CertificateInfo | Uint8Array)[],
  options: ChainValidationOptions = {},
): ValidatedChain {
  return validate(chain, options, 'timestamping')
}
