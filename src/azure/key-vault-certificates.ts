/**
 * Certificate material from Key Vault, pure: the certificate's secret (the chain as PEM or
 * PKCS#12, per the certificate policy's content type) → DER certificates ordered leaf → root.
 * Private keys that an exportable certificate's secret also holds are skipped, never decoded.
 */
import { isIssuedBy, parseCertificate, type CertificateInfo } from '../x509/certificate.js'
import { pemToCertificates } from '../x509/pem.js'
import { certificatesFromPkcs12 } from '../x509/pkcs12.js'
import { KeyVaultError } from './errors.js'

export const PEM_CONTENT_TYPE = 'application/x-pem-file'
export const PKCS12_CONTENT_TYPE = 'application/x-pkcs12'
const MAX_CERTIFICATES = 10

const VAULT_REMEDY =
  'import the full chain into the Key Vault certificate (merge the issued certificate with its CA chain), or give azure-key-vault-certificate-chain with the CA certificates'
export const CHAIN_INPUT_REMEDY =
  'azure-key-vault-certificate-chain must hold the CA certificates that issued the Key Vault certificate: intermediates, then the root (or the whole chain, leaf first)'

const baseInvalid = (message: string, cause?: unknown, remedy = VAULT_REMEDY): KeyVaultError =>
  new KeyVaultError('KEY_VAULT_CERTIFICATE_INVALID', message, {
    ...(cause === undefined ? {} : { cause }),
    remedy,
  })

/**
 * The part of a certificate's secret that is secret: the private-key PEM blocks of a PEM secret,
 * the whole value of a PKCS#12 secret (its key bag is inside); undefined when there is none.
 */
export function secretKeyMaterial(secret: {
  value: string
  contentType?: string
}): string | undefined {
  if (!secret.value.includes('-----BEGIN '))
    return secret.value.trim() === '' ? undefined : secret.value
  const blocks = secret.value.match(
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  )
  return blocks === null ? undefined : blocks.join('\n')
}

/** The certificates of a certificate's secret, as stored (any order). */
export function certificatesFromSecret(
  secret: { value: string; contentType?: string },
  what: string,
): Uint8Array[] {
  const type = secret.contentType?.toLowerCase()
  const looksPem = secret.value.includes('-----BEGIN ')
  if (type === PEM_CONTENT_TYPE || (type !== PKCS12_CONTENT_TYPE && looksPem)) {
    try {
      return pemToCertificates(secret.value, what)
    } catch (err) {
      throw baseInvalid(`${what} holds no usable PEM certificate`, err)
    }
  }
  const b64 = secret.value.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    throw baseInvalid(
      `${what} is neither PEM nor base64 PKCS#12 (content type ${secret.contentType ?? 'unset'})`,
    )
  }
  try {
    return certificatesFromPkcs12(new Uint8Array(Buffer.from(b64, 'base64')))
  } catch (err) {
    throw baseInvalid(`${what} is not a PKCS#12 file this action can read`, err)
  }
}

/**
 * Orders certificates leaf → root: the leaf is `leaf` when given (the certificate object of the
 * vault), else the one certificate that issued none of the others; then issuer links (raw DN and
 * signature, as Go matches them) up to a self-signed root. Exact duplicates are dropped; a walk
 * that branches, stops short of a self-signed root or leaves certificates over is refused.
 */
export function orderChain(
  ders: readonly Uint8Array[],
  what: string,
  leaf?: Uint8Array,
  remedy = VAULT_REMEDY,
): Uint8Array[] {
  const invalid = (message: string, cause?: unknown): KeyVaultError =>
    baseInvalid(message, cause, remedy)
  const unique = ders.filter(
    (d, i) => ders.findIndex((e) => Buffer.from(e).equals(Buffer.from(d))) === i,
  )
  if (unique.length > MAX_CERTIFICATES) {
    throw invalid(
      `${what} holds ${unique.length} certificates; at most ${MAX_CERTIFICATES} are accepted`,
    )
  }
  let parsed: CertificateInfo[]
  try {
    parsed = unique.map((d) => parseCertificate(d))
  } catch (err) {
    throw invalid(`${what} holds a certificate that cannot be parsed`, err)
  }
  let start: CertificateInfo | undefined
  if (leaf !== undefined) {
    const l = Buffer.from(leaf)
    start = parsed.find((c) => l.equals(Buffer.from(c.der)))
    if (start === undefined) {
      throw invalid(`${what} does not contain the certificate of the Key Vault certificate object`)
    }
  } else {
    // The leaf issued none of the others; among several such (a gap in the chain), the end entity.
    const issuesNone = parsed.filter((c) => !parsed.some((o) => o !== c && isIssuedBy(o, c)))
    const endEntities = issuesNone.filter((c) => !c.basicConstraints.cA)
    const candidates = issuesNone.length === 1 ? issuesNone : endEntities
    if (candidates.length !== 1) {
      throw invalid(
        `${what}: cannot tell the leaf certificate among ${(candidates.length > 0 ? candidates : issuesNone).map((c) => `"${c.subject}"`).join(', ') || 'none'}`,
      )
    }
    start = candidates[0] as CertificateInfo
  }
  const chain: CertificateInfo[] = [start]
  let current = start
  while (!current.selfSigned) {
    const parents = parsed.filter((p) => !chain.includes(p) && isIssuedBy(current, p))
    if (parents.length !== 1) {
      throw invalid(
        parents.length === 0
          ? `${what}: the chain stops at "${current.subject}"; its issuer "${current.issuer}" is missing, and a Notary chain must end in a self-signed root`
          : `${what}: "${current.subject}" has ${parents.length} possible issuers`,
      )
    }
    current = parents[0] as CertificateInfo
    chain.push(current)
  }
  if (chain.length !== parsed.length) {
    const left = parsed.filter((p) => !chain.includes(p)).map((p) => `"${p.subject}"`)
    throw invalid(`${what}: certificates not on the leaf → root path: ${left.join(', ')}`)
  }
  return chain.map((c) => c.der)
}
