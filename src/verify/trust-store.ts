/**
 * The in-memory trust store (notary-spec.md §3.4, §6.1; notation-go verifier/truststore): named
 * stores of three types, each a list of DER certificates. Pure: certificates come in as bytes,
 * the loader edge (trust-store-load.ts) reads them from disk or inline input.
 *
 * Rules enforced when a store is built (as notation does when it reads one):
 * - store names match `^[a-zA-Z0-9_.-]+$`;
 * - every certificate parses, and is a CA (basicConstraints cA=true) or self-signed (its signature
 *   verifies with its own key);
 * - a `tsa` certificate must be a self-signed root: Go's `CheckSignatureFrom(self)` (a v3
 *   certificate needs basicConstraints cA=true, keyUsage, when present, needs keyCertSign, no
 *   MD5/SHA-1 signature) and raw subject == raw issuer.
 */
import * as asn1js from 'asn1js'
import {
  parseCertificate,
  weakSignatureAlgorithm,
  type CertificateInfo,
} from '../x509/certificate.js'
import { TrustStoreError, formatProblems, type Problem } from './errors.js'

export const TRUST_STORE_TYPES = ['ca', 'signingAuthority', 'tsa'] as const
export type TrustStoreType = (typeof TRUST_STORE_TYPES)[number]

const STORE_NAME = /^[a-zA-Z0-9_.-]+$/

export function isValidStoreName(name: string): boolean {
  return STORE_NAME.test(name)
}

export function isTrustStoreType(s: string): s is TrustStoreType {
  return (TRUST_STORE_TYPES as readonly string[]).includes(s)
}

/** Named stores by type: store name → DER certificates (in file order). */
export interface TrustStore {
  readonly ca: ReadonlyMap<string, readonly Uint8Array[]>
  readonly signingAuthority: ReadonlyMap<string, readonly Uint8Array[]>
  readonly tsa: ReadonlyMap<string, readonly Uint8Array[]>
  /** What the input holds beyond the stores that were read, for messages (directory inputs). */
  readonly inventory?: TrustStoreInventory
}

/**
 * A directory input reads only the stores the policy names (as notation does), so the maps alone
 * cannot say which stores exist: the loader lists them here, with files found where a named
 * store directory belongs (a certificate put one level too high).
 */
export interface TrustStoreInventory {
  /** Every `type:name` store directory the input has, read or not. */
  readonly stores: readonly string[]
  /** Files where a store directory belongs, e.g. `x509/ca/root.pem` (should be `x509/ca/<name>/root.pem`). */
  readonly misplaced: readonly string[]
}

export const emptyTrustStore: TrustStore = {
  ca: new Map(),
  signingAuthority: new Map(),
  tsa: new Map(),
}

/** One certificate given to a named store, with where it came from (for messages). */
export interface TrustedCertificateInput {
  der: Uint8Array
  /** e.g. `x509/ca/acme/root.pem` or `ca:acme[0]`. */
  source: string
}

export interface NamedStoreInput {
  type: TrustStoreType
  name: string
  certificates: readonly TrustedCertificateInput[]
}

/** The certificate's X.509 version (1, 2 or 3), read from the TBSCertificate. */
export function certificateVersion(der: Uint8Array): number {
  const parsed = asn1js.fromBER(der)
  const cert = parsed.result
  if (!(cert instanceof asn1js.Sequence)) return 1
  const tbs = cert.valueBlock.value[0]
  if (!(tbs instanceof asn1js.Sequence)) return 1
  const first = tbs.valueBlock.value[0]
  if (first?.idBlock.tagClass === 3 && first.idBlock.tagNumber === 0) {
    const inner = (first as asn1js.Constructed).valueBlock.value[0]
    if (inner instanceof asn1js.Integer) return inner.valueBlock.valueDec + 1
  }
  return 1
}

const isCA = (c: CertificateInfo): boolean => c.basicConstraints.present && c.basicConstraints.cA

/** Signature verifies with the certificate's own key (Go `CheckSignature`: SHA-1 allowed, MD5 not). */
function verifiesWithOwnKey(c: CertificateInfo): boolean {
  const weak = weakSignatureAlgorithm(c)
  if (weak !== undefined && weak.startsWith('md')) return false
  try {
    return c.x509.verify(c.publicKey)
  } catch {
    return false
  }
}

/**
 * Why a certificate may not be in a store of `type`, or undefined when it may (notation
 * `ValidateCertificates` and `isRootCACertificate`).
 */
export function trustedCertificateProblem(
  der: Uint8Array,
  type: TrustStoreType,
): string | undefined {
  let cert: CertificateInfo
  try {
    cert = parseCertificate(der)
  } catch (err) {
    return `not a valid X.509 certificate: ${(err as Error).message}`
  }
  if (!isCA(cert) && !verifiesWithOwnKey(cert)) {
    return `certificate with subject "${cert.subject}" is not a CA certificate or self-signed signing certificate`
  }
  if (type === 'tsa') {
    const v3 = certificateVersion(cert.der) === 3
    const constraintOk =
      !(v3 && !cert.basicConstraints.present) &&
      !(cert.basicConstraints.present && !cert.basicConstraints.cA) &&
      !(cert.keyUsage.flags.length > 0 && !cert.keyUsage.flags.includes('keyCertSign'))
    if (!constraintOk) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: x509: invalid signature: parent certificate cannot sign this kind of certificate`
    }
    if (weakSignatureAlgorithm(cert) !== undefined) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: it is signed with the insecure algorithm ${weakSignatureAlgorithm(cert)}`
    }
    if (!verifiesWithOwnKey(cert)) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: its signature does not verify with its own key`
    }
    if (!cert.selfIssued) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: issuer (${cert.issuer}) and subject (${cert.subject}) are not the same`
    }
  }
  return undefined
}

/**
 * Builds a trust store, checking every store name and certificate; all problems are reported at
 * once as a TrustStoreError(TRUST_STORE_INVALID). A store may be empty here: notation only fails
 * when a policy uses an empty or missing store, and so do we (see `trustedCertificatesFor`).
 */
export function buildTrustStore(stores: readonly NamedStoreInput[]): TrustStore {
  const problems: Problem[] = []
  const out = {
    ca: new Map<string, Uint8Array[]>(),
    signingAuthority: new Map<string, Uint8Array[]>(),
    tsa: new Map<string, Uint8Array[]>(),
  }
  for (const store of stores) {
    const label = `${store.type}:${store.name}`
    if (!isTrustStoreType(store.type)) {
      problems.push({
        path: label,
        message: `unsupported trust store type "${String(store.type)}", supported types are "ca", "signingAuthority" and "tsa"`,
      })
      continue
    }
    if (!isValidStoreName(store.name)) {
      problems.push({
        path: label,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${store.name}" is invalid`,
      })
      continue
    }
    const list = out[store.type].get(store.name) ?? []
    for (const c of store.certificates) {
      const problem = trustedCertificateProblem(c.der, store.type)
      if (problem !== undefined) problems.push({ path: c.source, message: problem })
      else list.push(c.der)
    }
    out[store.type].set(store.name, list)
  }
  if (problems.length > 0) {
    throw new TrustStoreError(
      'TRUST_STORE_INVALID',
      `trust store is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}`,
      {
        problems,
        remedy:
          'Trust stores hold CA or self-signed certificates only; a tsa store holds self-signed root CA certificates.',
      },
    )
  }
  return out
}

export interface StoreReference {
  type: TrustStoreType
  name: string
}

export type TrustedCertificates =
  { ok: true; certificates: Uint8Array[] } | { ok: false; error: TrustStoreError }

/**
 * The certificates of every store of `type` the policy references (notation
 * `loadX509TrustStoresWithType`): each reference once, in order. A referenced store that is
 * missing or empty is an error. No reference of that type gives an empty list.
 */
export function trustedCertificatesFor(
  store: TrustStore,
  references: readonly StoreReference[],
  type: TrustStoreType,
): TrustedCertificates {
  const seen = new Set<string>()
  const certificates: Uint8Array[] = []
  for (const ref of references) {
    if (ref.type !== type || seen.has(ref.name)) continue
    seen.add(ref.name)
    const certs = store[type].get(ref.name)
    if (certs === undefined || certs.length === 0) {
      return { ok: false, error: storeNotFound(store, [{ type, name: ref.name }]) }
    }
    certificates.push(...certs)
  }
  return { ok: true, certificates }
}

/** Every `type:name` the trust-store input has, sorted: the inventory, else the loaded stores. */
export function storeNames(store: TrustStore): string[] {
  const names = new Set(store.inventory?.stores ?? [])
  for (const type of TRUST_STORE_TYPES)
    for (const name of store[type].keys()) names.add(`${type}:${name}`)
  return [...names].sort()
}

/** The references, each once and in order, whose store is missing or has no certificate. */
export function unusableStores(
  store: TrustStore,
  references: readonly StoreReference[],
): StoreReference[] {
  const seen = new Set<string>()
  const out: StoreReference[] = []
  for (const ref of references) {
    const key = `${ref.type}:${ref.name}`
    if (seen.has(key)) continue
    seen.add(key)
    if ((store[ref.type].get(ref.name)?.length ?? 0) === 0) out.push(ref)
  }
  return out
}

/**
 * TRUST_STORE_NOT_FOUND for stores the policy names and the input lacks (or has empty). The
 * message is notation's (`the trust store "x" of type "ca" does not exist`, `no x509 certificates
 * were found in trust store …`) followed by the stores that do exist, and a hint for certificate
 * files placed directly in `x509/<type>/`.
 */
export function storeNotFound(
  store: TrustStore,
  missing: readonly StoreReference[],
  context = '',
): TrustStoreError {
  const existing = storeNames(store)
  const what = missing.map((ref) => {
    if (store[ref.type].has(ref.name))
      return `no x509 certificates were found in trust store "${ref.name}" of type "${ref.type}"`
    const near = existing.find((n) => looselyEqual(n, `${ref.type}:${ref.name}`))
    return `the trust store "${ref.name}" of type "${ref.type}" does not exist${near === undefined ? '' : ` (did you mean ${near}?)`}`
  })
  const available =
    existing.length === 0
      ? 'the trust-store input has no stores'
      : `the trust-store input has ${existing.join(', ')}`
  const misplaced = store.inventory?.misplaced ?? []
  const hint =
    misplaced.length === 0
      ? ''
      : `; ${misplaced.join(', ')} ${misplaced.length === 1 ? 'is a file' : 'are files'} where a store directory belongs: certificates go one level deeper, in x509/<type>/<name>/ (e.g. ${placeFor(misplaced[0] as string, missing[0])})`
  return new TrustStoreError(
    'TRUST_STORE_NOT_FOUND',
    `${context}${what.join('; ')} (${available}${hint})`,
    {
      remedy: `Check the trustStores names of the trust policy against the trust store (names must match exactly), or provide ${missing.map((r) => `"${r.type}:${r.name}"`).join(', ')} in the trust-store input.`,
    },
  )
}

/** Same name but for case and the separators `-`, `_` and `.` (a likely typo). */
function looselyEqual(a: string, b: string): boolean {
  const fold = (s: string): string => s.toLowerCase().replace(/[-_.]/g, '')
  return fold(a) === fold(b)
}

/** Where a misplaced file should go: `x509/ca/root.pem` → `x509/ca/<name>/root.pem`. */
function placeFor(file: string, wanted: StoreReference | undefined): string {
  const parts = file.split('/')
  const base = parts.pop() as string
  const type = parts[1] ?? wanted?.type ?? '<type>'
  const name = wanted !== undefined && wanted.type === type ? wanted.name : '<name>'
  return `x509/${type}/${name}/${base}`
}

/** True when the policy references at least one `tsa:` store (notation `isTSATrustStoreInPolicy`). */
export function hasTsaStore(references: readonly StoreReference[]): boolean {
  return references.some((r) => r.type === 'tsa')
}
