/**
 * RFC 3161 token verification as notation does it (notary-spec.md §4.3 steps 2–8; tspclient-go
 * token.go, internal/cms/signed.go; notation-go verifier.go `verifyTimestamp`). Pure and
 * synchronous: the token, the timestamped bytes, the trusted TSA roots and (optionally) the clock
 * are inputs.
 *
 * Order (each failure is a coded TimestampError, message as tspclient-go words it):
 *  1. parse the token: SignedData v3, eContentType id-ct-TSTInfo            TSA_RESPONSE_INVALID
 *  2. TSTInfo: version 1, SHA-256/384/512                                     TSA_RESPONSE_INVALID
 *  3. messageImprint == H(message) (and the expected hash, when given)        TSA_IMPRINT_MISMATCH
 *  4. nonce (when given)                                                      TSA_NONCE_MISMATCH
 *  5. per SignerInfo, until one passes (the last failure is reported; tspclient-go's order):
 *     a. signing certificate via SigningCertificateV2 (ESSCertIDv2, default SHA-256), matched by
 *        issuerSerial or the sid; cert hash must match        TSA_SIGNATURE_INVALID / TSA_SIGNER_NOT_FOUND
 *     b. SignerInfo version 1                                                 TSA_SIGNATURE_INVALID
 *     c. a path from the signing certificate through the token's certificates to one of `roots`
 *        (issuer/subject bytes + signature)                                   TSA_UNTRUSTED
 *        that passes notary-spec.md §3.3 at genTime (x509/chain.ts validateTimestampingChain:
 *        structure, key usage, the leaf's only EKU timeStamping and critical, key in the §3.1
 *        table, every certificate valid at genTime) and Go's EKU nesting  TSA_CERT_INVALID
 *     d. the signature over the signed attributes (RSA PKCS#1 v1.5, RSA-PSS, ECDSA)
 *                                                                             TSA_SIGNATURE_INVALID
 *     e. signed attributes: present, contentType = TSTInfo, messageDigest = H(eContent),
 *        signingTime (if any) inside the chain's validity                    TSA_SIGNATURE_INVALID
 *  6. optionally (at signing) |genTime − now| ≤ maxClockSkew + accuracy      TSA_TIME
 *
 * The timestamp-range-vs-signing-chain check (§4.3 step 8) belongs to the signature verifier, which
 * gets genTime and accuracy from the returned TimestampInfo.
 */
import { constants, verify as cryptoVerify, type KeyObject } from 'node:crypto'
import * as asn1js from 'asn1js'
import type { HashAlgorithm } from '../signer/signer.js'
import { parseCertificate, signatureCheck, type CertificateInfo } from '../x509/certificate.js'
import { validateTimestampingChain } from '../x509/chain.js'
import {
  Asn1ShapeError,
  asn1FailureText,
  OID,
  anyTime,
  bigintFromUnsigned,
  bytesEqual,
  digest,
  hashFromOid,
  hashLength,
  integer,
  isContext,
  nodeHashName,
  octets,
  oid,
  parseOne,
  rawOf,
  sequence,
  algorithmIdentifier,
} from './der.js'
import { TimestampError, type TimestampCode } from './errors.js'
import { parsedTimestampToken } from './parsed-token.js'
import {
  accuracyMs,
  type Attribute,
  type SignerInfo,
  type TimestampToken,
  type TstInfo,
} from './token.js'
import type { TimestampInfo } from './types.js'

export interface VerifyTimestampOptions {
  /** The TimeStampToken (ContentInfo) bytes. */
  token: Uint8Array
  /** The bytes that were timestamped: the raw signature. */
  message: Uint8Array
  /** Trusted TSA root certificates, DER. */
  roots: readonly Uint8Array[]
  /**
   * The request's nonce, when verifying a fresh response: a bigint, or its big-endian unsigned
   * bytes.
   */
  nonce?: Uint8Array | bigint
  /** The hash the caller asked for (at signing, the signature algorithm's hash). */
  expectedHash?: HashAlgorithm
  /** The local clock, for the genTime check at signing; required with maxClockSkewMs. */
  now?: Date
  /** When set, genTime must be within this many ms (plus the token's accuracy) of `now`. */
  maxClockSkewMs?: number
  /**
   * Signing-time only, when the user gave no TSA root: with no `roots`, check everything but the
   * anchor (signature, SigningCertificateV2, imprint, nonce, the TSA leaf profile at genTime).
   * Verification always anchors tokens in the tsa trust store; this never applies there.
   */
  allowUnanchored?: boolean
}

/** A verified token: what `TimestampInfo` says plus the parsed TSTInfo. */
export interface VerifiedTimestamp extends TimestampInfo {
  tstInfo: TstInfo
}

const SIGNED_TOKEN = 'failed to verify signed token'
const CMS = 'cms verification failure'

function fail(code: TimestampCode, message: string, cause?: unknown): TimestampError {
  return new TimestampError(code, message, cause === undefined ? undefined : { cause })
}

function attribute(attrs: readonly Attribute[] | undefined, type: string): Uint8Array | undefined {
  // tspclient-go: the first attribute of that type, its first value.
  return attrs?.find((a) => a.type === type)?.values[0]
}

interface EssCertIdV2 {
  hashOid?: string
  certHash: Uint8Array
  issuerSerial?: { issuer?: Uint8Array; serialNumber: bigint }
}

function parseSigningCertificateV2(value: Uint8Array): EssCertIdV2[] {
  const top = sequence(parseOne(value, 'SigningCertificateV2'), 'SigningCertificateV2')
  return sequence(top[0], 'SigningCertificateV2 certs').map((item, i) => {
    const parts = sequence(item, `ESSCertIDv2 ${i}`)
    let k = 0
    let hashOid: string | undefined
    if (parts[k] instanceof asn1js.Sequence) {
      hashOid = algorithmIdentifier(parts[k++], 'ESSCertIDv2 hashAlgorithm').oid
    }
    const certHash = octets(parts[k++], 'ESSCertIDv2 certHash')
    let issuerSerial: EssCertIdV2['issuerSerial']
    if (parts[k] !== undefined) {
      const is = sequence(parts[k++], 'IssuerSerial')
      const names = sequence(is[0], 'IssuerSerial issuer')
      const first = names[0]
      let issuer: Uint8Array | undefined
      if (first !== undefined && isContext(first, 4)) {
        const inner = (first.valueBlock as { value?: asn1js.AsnType[] }).value?.[0]
        if (inner !== undefined) issuer = rawOf(inner)
      }
      issuerSerial = {
        ...(issuer ? { issuer } : {}),
        serialNumber: integer(is[1], 'IssuerSerial serialNumber'),
      }
    }
    return { ...(hashOid ? { hashOid } : {}), certHash, ...(issuerSerial ? { issuerSerial } : {}) }
  })
}

function serialOf(cert: CertificateInfo): bigint {
  return BigInt(`0x${cert.serialNumber || '0'}`)
}

/** tspclient-go `SignedToken.SigningCertificate`. */
function signingCertificate(si: SignerInfo, certs: readonly CertificateInfo[]): CertificateInfo {
  const value = attribute(si.signedAttributes, OID.signingCertificateV2)
  if (value === undefined) {
    const onlyV1 = attribute(si.signedAttributes, OID.signingCertificate) !== undefined
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: failed to get SigningCertificateV2 from signed attributes: attribute not found${
        onlyV1
          ? ' (the token has only the v1 signingCertificate attribute; Notary requires signingCertificateV2)'
          : ''
      }`,
    )
  }
  let ids: EssCertIdV2[]
  try {
    ids = parseSigningCertificateV2(value)
  } catch (err) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: failed to get SigningCertificateV2 from signed attributes: ${asn1FailureText(err)}`,
      err,
    )
  }
  const first = ids[0]
  if (first === undefined) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: signingCertificateV2 does not contain any certificate`,
    )
  }
  let candidate: CertificateInfo | undefined
  if (first.issuerSerial !== undefined) {
    const { issuer, serialNumber } = first.issuerSerial
    if (issuer === undefined) {
      throw fail('TSA_SIGNATURE_INVALID', `${SIGNED_TOKEN}: issuer name is missing in IssuerSerial`)
    }
    candidate = certs.find((c) => bytesEqual(c.rawIssuer, issuer) && serialOf(c) === serialNumber)
  } else if (si.sid.kind === 'issuerAndSerialNumber') {
    const { issuer, serialNumber } = si.sid
    candidate = certs.find((c) => bytesEqual(c.rawIssuer, issuer) && serialOf(c) === serialNumber)
  }
  if (candidate === undefined) {
    throw fail(
      'TSA_SIGNER_NOT_FOUND',
      `${SIGNED_TOKEN}: signing certificate not found in the timestamp token`,
    )
  }
  let hash: HashAlgorithm = 'SHA-256' // RFC 5035: the default ESSCertIDv2 hash is id-sha256
  if (first.hashOid !== undefined) {
    const named = hashFromOid(first.hashOid)
    if (named === undefined) {
      throw fail(
        'TSA_SIGNATURE_INVALID',
        `${SIGNED_TOKEN}: unsupported certificate hash algorithm in SigningCertificateV2 attribute`,
      )
    }
    hash = named
  }
  if (!bytesEqual(digest(hash, candidate.der), first.certHash)) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: signing certificate hash does not match CertHash in signed attribute`,
    )
  }
  return candidate
}

const MAX_PATH_LENGTH = 8
const MAX_PATHS = 16

/**
 * Every path (bounded) from `leaf` through `intermediates` to a certificate in `roots`, by raw
 * issuer/subject equality and a signature check; leaf first, root last. Self-issued token
 * certificates are never used as intermediates: anchors come only from `roots`.
 */
export function buildPaths(
  leaf: CertificateInfo,
  intermediates: readonly CertificateInfo[],
  roots: readonly CertificateInfo[],
): CertificateInfo[][] {
  const paths: CertificateInfo[][] = []
  const issues = (child: CertificateInfo, parent: CertificateInfo): boolean =>
    bytesEqual(child.rawIssuer, parent.rawSubject) && signatureCheck(child, parent) === 'ok'
  const visit = (path: CertificateInfo[]): void => {
    if (paths.length >= MAX_PATHS) return
    const cur = path[path.length - 1] as CertificateInfo
    if (roots.some((r) => bytesEqual(r.der, cur.der))) {
      paths.push(path)
      return
    }
    for (const root of roots) {
      if (issues(cur, root)) paths.push([...path, root])
    }
    if (path.length >= MAX_PATH_LENGTH) return
    for (const next of intermediates) {
      if (next.selfIssued || path.some((p) => bytesEqual(p.der, next.der))) continue
      if (issues(cur, next)) visit([...path, next])
    }
  }
  visit([leaf])
  return paths
}

/** Go's x509 EKU nesting: a CA in the path that lists EKUs must allow timeStamping (or any). */
function ekuNestingAllows(path: readonly CertificateInfo[]): boolean {
  return path.slice(1).every((c) => {
    const eku = c.extendedKeyUsage
    return !eku.present || eku.oids.includes(OID.timeStamping) || eku.oids.includes('2.5.29.37.0')
  })
}

/**
 * The TSA leaf checks that need no anchor (§3.3): exactly one EKU, timeStamping, critical; a key in
 * the Notary table; valid at genTime. Returns the one-certificate "chain".
 */
function unanchoredLeaf(signer: CertificateInfo, genTime: Date): CertificateInfo[] {
  const eku = signer.extendedKeyUsage
  if (!eku.present || !eku.critical || eku.oids.length !== 1 || eku.oids[0] !== OID.timeStamping) {
    throw fail(
      'TSA_CERT_INVALID',
      `timestamp signing certificate "${signer.subject}" must have exactly one extended key usage, timeStamping, marked critical`,
    )
  }
  if (signer.keySpec === undefined) {
    throw fail(
      'TSA_CERT_INVALID',
      `timestamp signing certificate "${signer.subject}" has an unsupported key`,
    )
  }
  if (genTime < signer.notBefore || genTime > signer.notAfter) {
    throw fail(
      'TSA_CERT_INVALID',
      `timestamp signing certificate "${signer.subject}" is not valid at genTime ${genTime.toISOString()}`,
    )
  }
  return [signer]
}

/** Builds and validates the TSA chain (§4.3 step 6 path building + step 7, §3.3) at genTime. */
function trustedChain(
  signer: CertificateInfo,
  certs: readonly CertificateInfo[],
  roots: readonly CertificateInfo[],
  genTime: Date,
): CertificateInfo[] {
  const paths = buildPaths(signer, certs, roots)
  if (paths.length === 0) {
    throw fail(
      'TSA_UNTRUSTED',
      `${SIGNED_TOKEN}: ${CMS}: x509: certificate signed by unknown authority (no path from TSA certificate "${signer.subject}" to a trusted TSA root)`,
    )
  }
  let firstError: TimestampError | undefined
  for (const path of paths) {
    if (!ekuNestingAllows(path)) {
      firstError ??= fail(
        'TSA_CERT_INVALID',
        `${SIGNED_TOKEN}: ${CMS}: x509: certificate specifies an incompatible key usage (a CA certificate in the TSA chain does not allow timeStamping)`,
      )
      continue
    }
    try {
      validateTimestampingChain(path, { signingTime: genTime })
      return path
    } catch (err) {
      firstError ??= fail(
        'TSA_CERT_INVALID',
        `failed to validate the timestamping certificate chain at genTime ${genTime.toISOString()}: ${(err as Error).message}`,
        err,
      )
    }
  }
  throw firstError as TimestampError
}

type SignatureScheme =
  | { kind: 'pkcs1'; hash: HashAlgorithm }
  | { kind: 'pss'; hash: HashAlgorithm }
  | { kind: 'ecdsa'; hash: HashAlgorithm }

/** tspclient-go oid.ToSignatureAlgorithm. */
function signatureScheme(si: SignerInfo): SignatureScheme | undefined {
  const digestHash = hashFromOid(si.digestAlgorithm.oid)
  switch (si.signatureAlgorithm.oid) {
    case OID.rsaEncryption:
      return digestHash && { kind: 'pkcs1', hash: digestHash }
    case OID.rsassaPss:
      return digestHash && { kind: 'pss', hash: digestHash }
    case OID.sha256WithRSA:
      return { kind: 'pkcs1', hash: 'SHA-256' }
    case OID.sha384WithRSA:
      return { kind: 'pkcs1', hash: 'SHA-384' }
    case OID.sha512WithRSA:
      return { kind: 'pkcs1', hash: 'SHA-512' }
    case OID.ecdsaWithSHA256:
      return { kind: 'ecdsa', hash: 'SHA-256' }
    case OID.ecdsaWithSHA384:
      return { kind: 'ecdsa', hash: 'SHA-384' }
    case OID.ecdsaWithSHA512:
      return { kind: 'ecdsa', hash: 'SHA-512' }
    default:
      return undefined
  }
}

function checkSignature(si: SignerInfo, token: TimestampToken, cert: CertificateInfo): void {
  const scheme = signatureScheme(si)
  if (scheme === undefined) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: ${CMS}: unknown signature algorithm (signature ${si.signatureAlgorithm.oid}, digest ${si.digestAlgorithm.oid})`,
    )
  }
  const key: KeyObject = cert.publicKey
  const keyType = key.asymmetricKeyType
  const wantsRsa = scheme.kind !== 'ecdsa'
  if ((wantsRsa && keyType !== 'rsa' && keyType !== 'rsa-pss') || (!wantsRsa && keyType !== 'ec')) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: ${CMS}: x509: signature algorithm specifies ${
        wantsRsa ? 'an RSA' : 'an ECDSA'
      } public key, but the signing certificate has a ${keyType ?? 'unknown'} key`,
    )
  }
  const signed = si.signedAttributesDer ?? token.eContent
  let ok: boolean
  try {
    ok =
      scheme.kind === 'pss'
        ? cryptoVerify(
            nodeHashName(scheme.hash),
            signed,
            { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashLength(scheme.hash) },
            si.signature,
          )
        : cryptoVerify(
            nodeHashName(scheme.hash),
            signed,
            scheme.kind === 'pkcs1' ? { key, padding: constants.RSA_PKCS1_PADDING } : key,
            si.signature,
          )
  } catch {
    ok = false
  }
  if (!ok) {
    const reason =
      scheme.kind === 'ecdsa'
        ? 'x509: ECDSA verification failure'
        : 'crypto/rsa: verification error'
    throw fail('TSA_SIGNATURE_INVALID', `${SIGNED_TOKEN}: ${CMS}: ${reason}`)
  }
}

/** tspclient-go `verifySignedAttributes`. */
function checkSignedAttributes(
  si: SignerInfo,
  token: TimestampToken,
  chain: readonly CertificateInfo[],
): void {
  const attrs = si.signedAttributes
  if (attrs === undefined || attrs.length === 0) {
    throw fail('TSA_SIGNATURE_INVALID', `${SIGNED_TOKEN}: ${CMS}: missing signed attributes`)
  }
  const ct = attribute(attrs, OID.contentType)
  let contentType: string
  try {
    if (ct === undefined) throw new Asn1ShapeError('attribute not found')
    contentType = oid(parseOne(ct, 'contentType'), 'contentType')
  } catch (err) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: ${CMS}: invalid content type: ${asn1FailureText(err)}`,
      err,
    )
  }
  if (contentType !== token.eContentType) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: ${CMS}: mismatch content type: found "${contentType}" in signer info, and "${token.eContentType}" in signed data`,
    )
  }
  const md = attribute(attrs, OID.messageDigest)
  let expected: Uint8Array
  try {
    if (md === undefined) throw new Asn1ShapeError('attribute not found')
    expected = octets(parseOne(md, 'messageDigest'), 'messageDigest')
  } catch (err) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: ${CMS}: invalid message digest: ${asn1FailureText(err)}`,
      err,
    )
  }
  const hash = hashFromOid(si.digestAlgorithm.oid)
  if (hash === undefined) {
    throw fail(
      'TSA_SIGNATURE_INVALID',
      `${SIGNED_TOKEN}: ${CMS}: unsupported digest algorithm ${si.digestAlgorithm.oid}`,
    )
  }
  if (!bytesEqual(expected, digest(hash, token.eContent))) {
    throw fail('TSA_SIGNATURE_INVALID', `${SIGNED_TOKEN}: ${CMS}: mismatch message digest`)
  }
  const st = attribute(attrs, OID.signingTime)
  if (st !== undefined) {
    let signingTime: Date
    try {
      signingTime = anyTime(parseOne(st, 'signingTime'), 'signingTime')
    } catch (err) {
      throw fail(
        'TSA_SIGNATURE_INVALID',
        `${SIGNED_TOKEN}: ${CMS}: invalid signing time: ${asn1FailureText(err)}`,
        err,
      )
    }
    const t = signingTime.getTime()
    if (chain.some((c) => t < c.notBefore.getTime() || t > c.notAfter.getTime())) {
      throw fail(
        'TSA_SIGNATURE_INVALID',
        `${SIGNED_TOKEN}: ${CMS}: signing time, ${signingTime.toISOString()}, is outside certificate's validity period`,
      )
    }
  }
}

function parseCerts(
  ders: readonly Uint8Array[],
  what: string,
  code: TimestampCode,
): CertificateInfo[] {
  return ders.map((der, i) => {
    try {
      return parseCertificate(der)
    } catch (err) {
      throw fail(code, `${what} [${i}] cannot be parsed as an X.509 certificate`, err)
    }
  })
}

function nonceValue(nonce: Uint8Array | bigint): bigint {
  return typeof nonce === 'bigint' ? nonce : bigintFromUnsigned(nonce)
}

/**
 * The signing certificate a SignerInfo names through SigningCertificateV2 (tspclient-go
 * `SignedToken.SigningCertificate`), without verifying anything else. Throws like
 * {@link verifyTimestampToken} step 5a.
 */
export function tokenSigningCertificate(token: TimestampToken, signerIndex = 0): CertificateInfo {
  const si = token.signerInfos[signerIndex]
  if (si === undefined) throw fail('TSA_SIGNATURE_INVALID', `${SIGNED_TOKEN}: signerInfo not found`)
  const certs = parseCerts(
    token.certificates,
    'timestamp token certificate',
    'TSA_RESPONSE_INVALID',
  )
  return signingCertificate(si, certs)
}

/**
 * Verifies an RFC 3161 TimeStampToken over `message` against trusted TSA `roots` (notary-spec.md
 * §4.3 steps 2–8). Returns what the token says; throws a coded TimestampError.
 */
export function verifyTimestampToken(options: VerifyTimestampOptions): VerifiedTimestamp {
  const { token, tstInfo: info } = parsedTimestampToken(options.token)

  if (options.expectedHash !== undefined && info.hashAlgorithm !== options.expectedHash) {
    throw fail(
      'TSA_IMPRINT_MISMATCH',
      `invalid TSTInfo: the message imprint uses ${info.hashAlgorithm}, expected ${options.expectedHash}`,
    )
  }
  if (!bytesEqual(info.hashedMessage, digest(info.hashAlgorithm, options.message))) {
    throw fail('TSA_IMPRINT_MISMATCH', 'invalid TSTInfo: mismatched message')
  }
  if (options.nonce !== undefined) {
    const want = nonceValue(options.nonce)
    if (info.nonce !== want) {
      throw fail(
        'TSA_NONCE_MISMATCH',
        `nonce in response ${info.nonce === undefined ? '<nil>' : info.nonce.toString()} does not match nonce in request ${want.toString()}`,
      )
    }
  }

  const unanchored = options.roots.length === 0 && options.allowUnanchored === true
  if (options.roots.length === 0 && !unanchored) {
    throw fail(
      'TSA_UNTRUSTED',
      'no trusted TSA root certificate was given (tsa trust store is empty)',
    )
  }
  const roots = parseCerts(options.roots, 'TSA root certificate', 'TSA_UNTRUSTED')
  const certs = parseCerts(
    token.certificates,
    'timestamp token certificate',
    'TSA_RESPONSE_INVALID',
  )

  if (token.signerInfos.length === 0) {
    throw fail('TSA_SIGNATURE_INVALID', `${SIGNED_TOKEN}: signerInfo not found`)
  }
  let lastError: unknown
  let chain: CertificateInfo[] | undefined
  for (const si of token.signerInfos) {
    try {
      const signer = signingCertificate(si, certs)
      if (si.version !== 1) {
        throw fail(
          'TSA_SIGNATURE_INVALID',
          `${SIGNED_TOKEN}: ${CMS}: invalid signer info version: only version 1 is supported; got ${si.version}`,
        )
      }
      const path = unanchored
        ? unanchoredLeaf(signer, info.genTime)
        : trustedChain(signer, certs, roots, info.genTime)
      checkSignature(si, token, signer)
      checkSignedAttributes(si, token, path)
      chain = path
      break
    } catch (err) {
      lastError = err
    }
  }
  if (chain === undefined) throw lastError

  const accuracy = accuracyMs(info)
  if (options.maxClockSkewMs !== undefined) {
    if (options.now === undefined) {
      throw fail('TSA_REQUEST', 'maxClockSkewMs needs the current time (now)')
    }
    const delta = info.genTime.getTime() - options.now.getTime()
    if (Math.abs(delta) > options.maxClockSkewMs + accuracy) {
      throw fail(
        'TSA_TIME',
        `timestamp genTime ${info.genTime.toISOString()} is ${Math.round(Math.abs(delta) / 1000)} s ${
          delta < 0 ? 'behind' : 'ahead of'
        } the local clock ${options.now.toISOString()}; the allowed skew is ${Math.round(options.maxClockSkewMs / 1000)} s`,
      )
    }
  }

  // The parsed token is shared (parsed-token.ts): hand out copies of its mutable Dates.
  return {
    genTime: new Date(info.genTime),
    accuracyMs: accuracy,
    hashAlgorithm: info.hashAlgorithm,
    tsaChain: chain.map((c) => c.der),
    policy: info.policy,
    serialNumber: info.serialNumber.toString(16),
    tstInfo: { ...info, genTime: new Date(info.genTime) },
  }
}
