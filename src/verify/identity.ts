/**
 * `x509.subject` trusted identities (notary-spec.md §6.6; notation-go internal/pkix/pkix.go and
 * verifier.go `verifyX509TrustedIdentities`; go-ldap v3.4.11 `ParseDN`).
 *
 * - A DN is parsed as go-ldap does: RDNs separated by `,` or `;`, multi-valued RDNs by `+`, spaces
 *   around types and values trimmed, escapes `\<special>` and `\XX` (hex byte); types are kept as
 *   written (case-sensitive, so `c=US` is not `C`).
 * - Then the Notary rules: no `=#` anywhere, no multi-valued RDN, no duplicate type, `S` is `ST`,
 *   and `C`, `ST`, `O` are mandatory (an empty value counts as missing).
 * - The leaf subject is first rendered exactly as Go's `pkix.Name.String()` renders it, so
 *   attributes Go cannot name become `<oid>=#<hex>` and make the match fail, as in notation.
 * - A policy identity matches when every one of its attributes has an equal (case-sensitive) value
 *   in the leaf subject.
 */

import { goNameString, type NameAttribute } from '../x509/certificate.js'

export const X509_SUBJECT_PREFIX = 'x509.subject'
export const WILDCARD = '*'

/** A parsed DN: attribute type (as written, `S` folded to `ST`) → value. */
export type DnAttributes = ReadonlyMap<string, string>

export type DnParseResult = { ok: true; attributes: DnAttributes } | { ok: false; reason: string }

const MANDATORY = ['C', 'ST', 'O'] as const

interface RawAttribute {
  type: string
  value: string
}

/** go-ldap's `stripLeadingAndTrailingSpaces`: trims spaces but keeps an escaped trailing one. */
function stripSpaces(input: string): string {
  let out = input.replace(/^ +/, '').replace(/ +$/, '')
  if (out.endsWith('\\') && input.endsWith(' ')) out += ' '
  return out
}

const SPECIAL = new Set([' ', '"', '#', '+', ',', ';', '<', '=', '>', '\\'])
const utf8 = new TextEncoder()

/** go-ldap's `decodeString`: unescapes a type or value (the result is a byte string, read as UTF-8). */
function decodeString(raw: string): string {
  const chars = Array.from(stripSpaces(raw))
  const bytes: number[] = []
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string
    if (ch !== '\\') {
      bytes.push(...utf8.encode(ch))
      continue
    }
    const next = chars[i + 1]
    if (next === undefined) throw new Error(`got corrupted escaped character: '${chars.join('')}'`)
    if (SPECIAL.has(next)) {
      bytes.push(...utf8.encode(next))
      i++
      continue
    }
    const pair = chars.slice(i + 1, i + 3).join('')
    if (i + 2 >= chars.length) {
      throw new Error(`failed to decode escaped character: encoding/hex: invalid byte: ${next}`)
    }
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
      throw new Error(`failed to decode escaped character: encoding/hex: invalid byte in "${pair}"`)
    }
    bytes.push(parseInt(pair, 16))
    i += 2
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/** go-ldap `ParseDN` (v3.4.11), returning the RDNs as lists of type/value pairs. */
function parseLdapDn(str: string): RawAttribute[][] {
  const rdns: RawAttribute[][] = []
  if (str.trim() === '') return rdns
  let rdn: RawAttribute[] = []
  let type = ''
  let escaping = false
  let start = 0
  const setValue = (s: string): string => {
    // A value starting with '#' is BER hex in RFC 4514; notation rejects "=#" before parsing, so
    // this is only reached for '#' after spaces, which go-ldap decodes as a plain string.
    if (s.startsWith('#')) throw new Error('hex-encoded (BER) attribute values are not supported')
    return decodeString(s)
  }
  for (let i = 0; i < str.length; i++) {
    const ch = str[i]
    if (escaping) {
      escaping = false
    } else if (ch === '\\') {
      escaping = true
    } else if (ch === '=' && type.length === 0) {
      type = decodeString(str.slice(start, i))
      start = i + 1
    } else if (ch === ',' || ch === '+' || ch === ';') {
      if (type.length === 0) throw new Error('incomplete type, value pair')
      rdn.push({ type, value: setValue(str.slice(start, i)) })
      type = ''
      start = i + 1
      if (ch !== '+') {
        rdns.push(rdn)
        rdn = []
      }
    }
  }
  if (type.length === 0) throw new Error('DN ended with incomplete type, value pair')
  rdn.push({ type, value: setValue(str.slice(start)) })
  rdns.push(rdn)
  return rdns
}

/** notation's `ParseDistinguishedName`: go-ldap parsing plus the Notary Project rules. */
export function parseDistinguishedName(name: string): DnParseResult {
  if (name.includes('=#')) {
    return {
      ok: false,
      reason: `unsupported distinguished name (DN) ${JSON.stringify(name)}: notation does not support x509.subject identities containing "=#"`,
    }
  }
  let rdns: RawAttribute[][]
  try {
    rdns = parseLdapDn(name)
  } catch (err) {
    return {
      ok: false,
      reason: `parsing distinguished name (DN) ${JSON.stringify(name)} failed with err: ${(err as Error).message}. A valid DN must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum, and follow RFC 4514 standard`,
    }
  }
  const attributes = new Map<string, string>()
  for (const rdn of rdns) {
    if (rdn.length > 1) {
      return {
        ok: false,
        reason: `distinguished name (DN) ${JSON.stringify(name)} has multi-valued RDN attributes, remove multi-valued RDN attributes as they are not supported`,
      }
    }
    for (const attr of rdn) {
      const type = attr.type === 'S' ? 'ST' : attr.type
      if ((attributes.get(type) ?? '') === '') {
        attributes.set(type, attr.value)
      } else {
        return {
          ok: false,
          reason: `distinguished name (DN) ${JSON.stringify(name)} has duplicate RDN attribute for "${type}", DN can only have unique RDN attributes`,
        }
      }
    }
  }
  for (const field of MANDATORY) {
    if ((attributes.get(field) ?? '') === '') {
      return {
        ok: false,
        reason: `distinguished name (DN) ${JSON.stringify(name)} has no mandatory RDN attribute for "${field}", it must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum`,
      }
    }
  }
  return { ok: true, attributes }
}

/** notation's `IsSubsetDN`: every attribute of `a` has an equal value in `b` (missing = ""). */
export function isSubsetDn(a: DnAttributes, b: DnAttributes): boolean {
  for (const [key, value] of a) if ((b.get(key) ?? '') !== value) return false
  return true
}

/** Renders a parsed DN for messages, in notation's `map[K:V ...]` spirit but readable. */
export function formatDn(attributes: DnAttributes): string {
  return [...attributes].map(([k, v]) => `${k}=${v}`).join(', ')
}

// ---------------------------------------------------------------------------------------------
// Trusted identities of a policy statement

export interface X509SubjectIdentity {
  /** The entry as written in the policy, e.g. `x509.subject: C=US, ST=WA, O=Acme`. */
  raw: string
  attributes: DnAttributes
}

export type TrustedIdentities =
  | { wildcard: true }
  | {
      wildcard: false
      /** Parsed `x509.subject` entries. */
      x509Subjects: X509SubjectIdentity[]
      /** Entries with other prefixes: tolerated, never matched (as in notation). */
      ignored: string[]
    }

export interface IdentityProblem {
  /** Index into `trustedIdentities`, or undefined for a statement-level problem. */
  index?: number
  message: string
}

/**
 * Validates and parses a statement's `trustedIdentities` (notation `validateTrustedIdentities`),
 * reporting every problem: `*` alone, entries non-empty with a `prefix:value` form, `x509.subject`
 * values that parse, and no identity whose attributes are a subset of another's.
 */
export function parseTrustedIdentities(entries: readonly string[]): {
  identities: TrustedIdentities
  problems: IdentityProblem[]
} {
  const problems: IdentityProblem[] = []
  if (entries.includes(WILDCARD)) {
    if (entries.length > 1) {
      problems.push({
        message: `a wildcard trusted identity '*' cannot be used in conjunction with other values`,
      })
    }
    return { identities: { wildcard: true }, problems }
  }
  const x509Subjects: X509SubjectIdentity[] = []
  const indexes: number[] = []
  const ignored: string[] = []
  entries.forEach((entry, index) => {
    if (entry === '') {
      problems.push({ index, message: 'empty trusted identity' })
      return
    }
    const colon = entry.indexOf(':')
    if (colon < 0) {
      problems.push({
        index,
        message: `trusted identity ${JSON.stringify(entry)} missing separator`,
      })
      return
    }
    const prefix = entry.slice(0, colon)
    const value = entry.slice(colon + 1)
    if (prefix !== X509_SUBJECT_PREFIX) {
      ignored.push(entry)
      return
    }
    if (value === '') {
      problems.push({
        index,
        message: `trusted identity ${JSON.stringify(entry)} without an identity value`,
      })
      return
    }
    const parsed = parseDistinguishedName(value)
    if (!parsed.ok) {
      problems.push({
        index,
        message: `trusted identity ${JSON.stringify(entry)} with invalid identity value: ${parsed.reason}`,
      })
      return
    }
    x509Subjects.push({ raw: entry, attributes: parsed.attributes })
    indexes.push(index)
  })
  for (let i = 0; i < x509Subjects.length; i++) {
    for (let j = 0; j < x509Subjects.length; j++) {
      const a = x509Subjects[i] as X509SubjectIdentity
      const b = x509Subjects[j] as X509SubjectIdentity
      if (i !== j && isSubsetDn(a.attributes, b.attributes)) {
        problems.push({
          index: indexes[i] as number,
          message: `overlapping x509 trustedIdentities, ${JSON.stringify(a.raw)} overlaps with ${JSON.stringify(b.raw)}`,
        })
        break
      }
    }
  }
  return { identities: { wildcard: false, x509Subjects, ignored }, problems }
}

// The leaf subject is rendered by src/x509 `goNameString` (Go's pkix.Name.String()); one
// implementation serves the messages and the matching.

// ---------------------------------------------------------------------------------------------
// Matching

export type IdentityMatch =
  { ok: true; matched?: X509SubjectIdentity } | { ok: false; reason: string }

/**
 * notation's `verifyX509TrustedIdentities` for the leaf certificate subject: `*` accepts anything;
 * otherwise the leaf subject (rendered as Go does) must parse under the Notary rules and contain
 * every attribute of at least one `x509.subject` identity.
 */
export function matchTrustedIdentity(
  identities: TrustedIdentities,
  leafSubject: readonly NameAttribute[],
  policyName: string,
): IdentityMatch {
  if (identities.wildcard) return { ok: true }
  if (identities.x509Subjects.length === 0) {
    return {
      ok: false,
      reason: `no x509 trusted identities are configured in the trust policy "${policyName}"`,
    }
  }
  const subject = goNameString(leafSubject)
  const leaf = parseDistinguishedName(subject)
  if (!leaf.ok) {
    return {
      ok: false,
      reason: `error while parsing the certificate subject from the digital signature. error : ${leaf.reason}`,
    }
  }
  for (const identity of identities.x509Subjects) {
    if (isSubsetDn(identity.attributes, leaf.attributes)) return { ok: true, matched: identity }
  }
  const wanted = identities.x509Subjects.map((i) => `[${formatDn(i.attributes)}]`).join(' ')
  return {
    ok: false,
    reason: `signing certificate from the digital signature ("${subject}") does not match the X.509 trusted identities ${wanted} defined in the trust policy "${policyName}"`,
  }
}
