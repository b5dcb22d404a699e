/**
 * The one spelling of a distinguished name the product shows people: the form a notation trust
 * policy's `x509.subject` identity takes (notary-spec.md §6.6), e.g.
 * `C=US, ST=WA, L=Seattle, O=Acme, CN=Builder`: attributes in certificate order, ", " between
 * them, values escaped as RFC 4514 says, so a subject copied from a log, summary or output can be
 * pasted into `trustedIdentities` as is. Go's `pkix.Name.String()` form (`CN=…,O=…,C=US`, the
 * order notation's error messages use) stays in the verifier's messages only.
 */
import type { NameAttribute } from './certificate.js'
import { subjectAttributes, type CertificateInfo } from './certificate.js'

/** RFC 4514 §2.4: escape `"+,;<>\`, a leading `#` or space, a trailing space. */
export function escapeDnValue(value: string): string {
  let out = value.replace(/["+,;<>\\]/g, (c) => `\\${c}`)
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = `${out.slice(0, -1)}\\ `
  return out
}

/**
 * Renders a name for a trust policy. Only the attribute types notation understands (the ones Go
 * names: C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER) with string values are kept:
 * notation matches an identity as a subset of the leaf's attributes, so leaving out the others
 * still matches, while an `=#hex` value would be refused by notation. Like Go, only the last CN
 * and SERIALNUMBER count.
 */
export function policyDn(attrs: readonly NameAttribute[]): string {
  const kept = attrs.filter((a) => a.shortName !== undefined && a.isString)
  const lastOf = (name: string): NameAttribute | undefined =>
    kept.filter((a) => a.shortName === name).at(-1)
  const single = new Set([lastOf('CN'), lastOf('SERIALNUMBER')])
  return kept
    .filter((a) => (a.shortName !== 'CN' && a.shortName !== 'SERIALNUMBER') || single.has(a))
    .map((a) => `${a.shortName}=${escapeDnValue(a.value)}`)
    .join(', ')
}

/** A certificate's subject as a trust policy `x509.subject` value. */
export function policySubject(cert: CertificateInfo | Uint8Array): string {
  return policyDn(subjectAttributes(cert))
}
