/**
 * The JWS flattened JSON envelope (application/jose+json) the way notation-core-go signature/jws
 * writes and reads it (notary-spec.md §8): alg strings, RFC 3339 times, crit without alg/cty,
 * x5c as standard base64, signing input ASCII(b64url(protected) "." b64url(payload)).
 * golang-jwt re-marshals the payload and the header as Go maps, so both come out with sorted keys.
 */
import { MEDIA_TYPE, SIGNING_SCHEME, type SigningScheme } from '../notary/constants.js'
import { goJson, goJsonBytes, toGoMapJson, type GoJsonValue } from '../notary/go-json.js'
import type { SignatureAlgorithm } from '../signer/signer.js'
import { EnvelopeError } from '../envelope/errors.js'
import { HEADER } from '../envelope/labels.js'
import {
  checkCritical,
  checkExpiryAfterSigning,
  checkSigningScheme,
  timeLabels,
} from '../envelope/rules.js'
import type { ParsedEnvelope } from '../envelope/types.js'
import { algorithmFromJws, algorithmInfo } from '../x509/key-spec.js'

const PROTECTED = 'JWS protected header'
const UNPROTECTED = 'JWS unprotected header'

/** Registered JOSE headers that are not extended attributes (notation-core-go jws headerKeys). */
const SYSTEM_KEYS: ReadonlySet<string> = new Set([
  'alg',
  'cty',
  'crit',
  HEADER.expiry,
  HEADER.signingTime,
  HEADER.signingScheme,
  HEADER.authenticSigningTime,
])

/** What goes into the JWS protected header (mirrors ProtectedHeaderInput for COSE). */
export interface JwsProtectedHeaderInput {
  algorithm: SignatureAlgorithm
  signingTime: Date
  expiry?: Date
  signingScheme?: SigningScheme
  contentType?: string
  /** Extra protected headers (interop tests only; add none in production, notary-spec.md §7.4). */
  extendedAttributes?: readonly { key: string; value: GoJsonValue; critical: boolean }[]
}

/** RFC 3339 in UTC with whole seconds, as Go writes a truncated time.Time. */
export function formatRfc3339(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

/** Parses an RFC 3339 date-time (offsets and fractions accepted, like Go's time.Time). */
export function parseRfc3339(value: string): Date | undefined {
  const m = RFC3339.exec(value)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, frac, zone] = m
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0
  let offset = 0
  if (zone && zone !== 'Z') {
    // RFC 3339 §5.6 time-numoffset: hour 00-23, minute 00-59. Go's time.Parse (strict RFC 3339
    // since Go 1.20, what notation-core-go's json.Unmarshal into time.Time uses) rejects `+24:00`.
    const hours = Number(zone.slice(1, 3))
    const minutes = Number(zone.slice(4, 6))
    if (hours > 23 || minutes > 59) return undefined
    const sign = zone.startsWith('-') ? -1 : 1
    offset = sign * (hours * 60 + minutes)
  }
  const month = Number(mo)
  const day = Number(d)
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return undefined
  }
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms)
  const check = new Date(Date.UTC(Number(y), month - 1, day))
  if (check.getUTCDate() !== day) return undefined
  return new Date(utc - offset * 60_000)
}

/** Unpadded base64url (RFC 7515 §2). */
export function base64UrlEncode(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url')
}

function base64UrlDecode(value: unknown, what: string): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) {
    throw new EnvelopeError('ENVELOPE_MALFORMED', `JWS ${what} must be unpadded base64url`)
  }
  return new Uint8Array(Buffer.from(value, 'base64url'))
}

function base64StdDecode(value: unknown, what: string): Uint8Array {
  if (
    typeof value !== 'string' ||
    !/^[A-Za-z0-9+/]*={0,2}$/.test(value) ||
    value.length % 4 !== 0 ||
    value.length === 0
  ) {
    throw new EnvelopeError('ENVELOPE_MALFORMED', `${what} must be non-empty standard base64`)
  }
  return new Uint8Array(Buffer.from(value, 'base64'))
}

/** The protected header JSON text (a Go map: keys sorted). */
export function encodeJwsProtectedHeader(input: JwsProtectedHeaderInput): string {
  const scheme = input.signingScheme ?? SIGNING_SCHEME.x509
  const header = new Map<string, GoJsonValue>()
  const crit: string[] = [HEADER.signingScheme]
  for (const attr of input.extendedAttributes ?? []) {
    if (SYSTEM_KEYS.has(attr.key) || header.has(attr.key)) {
      throw new EnvelopeError(
        'ENVELOPE_MALFORMED',
        `extended attribute "${attr.key}" collides with a header`,
      )
    }
    header.set(attr.key, attr.value)
    if (attr.critical) crit.push(attr.key)
  }
  header.set('alg', algorithmInfo(input.algorithm).jwsAlg)
  header.set('cty', input.contentType ?? MEDIA_TYPE.notaryPayload)
  header.set(HEADER.signingScheme, scheme)
  if (scheme === SIGNING_SCHEME.x509) {
    header.set(HEADER.signingTime, formatRfc3339(input.signingTime))
  } else {
    header.set(HEADER.authenticSigningTime, formatRfc3339(input.signingTime))
    crit.push(HEADER.authenticSigningTime)
  }
  if (input.expiry !== undefined) {
    checkExpiryAfterSigning(
      new Date(Math.floor(input.signingTime.getTime() / 1000) * 1000),
      new Date(Math.floor(input.expiry.getTime() / 1000) * 1000),
      PROTECTED,
    )
    header.set(HEADER.expiry, formatRfc3339(input.expiry))
    crit.push(HEADER.expiry)
  }
  header.set('crit', crit)
  return goJson(header)
}

/**
 * The payload bytes notation puts in a JWS: golang-jwt unmarshals the payload into MapClaims and
 * marshals it again, so keys end up sorted. The payload must be a JSON object.
 */
export function canonicalJwsPayload(payload: Uint8Array): Uint8Array {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(payload).toString('utf8'))
  } catch (err) {
    throw new EnvelopeError('ENVELOPE_MALFORMED', 'a JWS payload must be JSON', { cause: err })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new EnvelopeError('ENVELOPE_MALFORMED', 'a JWS payload must be a JSON object')
  }
  return goJsonBytes(toGoMapJson(parsed))
}

/** The JWS signing input ASCII(b64url(protected) "." b64url(payload)) (RFC 7515 §5.1). */
export function jwsSigningInput(protectedB64: string, payloadB64: string): Uint8Array {
  return new Uint8Array(Buffer.from(`${protectedB64}.${payloadB64}`, 'ascii'))
}

/** Serializes the flattened JWS the way Go marshals jwsEnvelope (field order as declared). */
export function encodeJwsEnvelope(parts: {
  protectedB64: string
  payloadB64: string
  signature: Uint8Array
  certificateChain: readonly Uint8Array[]
  signingAgent?: string
  timestampToken?: Uint8Array
}): Uint8Array {
  return goJsonBytes({
    payload: parts.payloadB64,
    protected: parts.protectedB64,
    header: {
      [HEADER.timestampSignature]: parts.timestampToken
        ? Buffer.from(parts.timestampToken).toString('base64')
        : undefined,
      x5c: parts.certificateChain.map((c) => Buffer.from(c).toString('base64')),
      [HEADER.signingAgent]: parts.signingAgent === '' ? undefined : parts.signingAgent,
    },
    signature: base64UrlEncode(parts.signature),
  })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function parseJsonObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (err) {
    throw new EnvelopeError('ENVELOPE_MALFORMED', `${what} is not valid JSON`, { cause: err })
  }
  if (!isObject(parsed))
    throw new EnvelopeError('ENVELOPE_MALFORMED', `${what} must be a JSON object`)
  return parsed
}

function readTime(header: Record<string, unknown>, key: string): Date | undefined {
  if (!Object.hasOwn(header, key)) return undefined
  const value = header[key]
  const date = typeof value === 'string' ? parseRfc3339(value) : undefined
  if (!date) {
    throw new EnvelopeError(
      'ENVELOPE_TIME',
      `${PROTECTED} "${key}" must be an RFC 3339 date-time string`,
    )
  }
  return date
}

/** Decodes and checks a JWS JSON envelope; no signature or trust check happens here. */
export function decodeJws(bytes: Uint8Array): ParsedEnvelope {
  const env = parseJsonObject(bytes, 'JWS envelope')
  for (const key of Object.keys(env)) {
    if (!['payload', 'protected', 'header', 'signature'].includes(key)) {
      throw new EnvelopeError(
        'ENVELOPE_MALFORMED',
        `JWS envelope has member "${key}"; only the flattened serialization {payload, protected, header, signature} is supported`,
      )
    }
  }
  if (typeof env.protected !== 'string' || typeof env.payload !== 'string') {
    throw new EnvelopeError(
      'ENVELOPE_MALFORMED',
      'JWS envelope needs "protected" and "payload" strings',
    )
  }
  const protectedB64 = env.protected
  const payloadB64 = env.payload
  const protectedBytes = base64UrlDecode(protectedB64, '"protected"')
  const payload = base64UrlDecode(payloadB64, '"payload"')
  const signature = base64UrlDecode(env.signature, '"signature"')
  if (signature.length === 0) {
    throw new EnvelopeError('ENVELOPE_MALFORMED', 'JWS "signature" is empty')
  }
  if (payload.length === 0) throw new EnvelopeError('ENVELOPE_MALFORMED', 'JWS "payload" is empty')
  // golang-jwt parses the payload as JSON claims; a non-object payload fails there.
  parseJsonObject(payload, 'JWS payload')

  const header = parseJsonObject(protectedBytes, PROTECTED)
  const alg = header.alg
  if (typeof alg !== 'string') {
    throw new EnvelopeError('ENVELOPE_MALFORMED', `${PROTECTED} "alg" must be a string`)
  }
  const algorithm = algorithmFromJws(alg)
  if (!algorithm) {
    throw new EnvelopeError(
      'ENVELOPE_UNSUPPORTED',
      `${PROTECTED} "alg" is "${alg}"; Notary allows PS256, PS384, PS512, ES256, ES384, ES512`,
    )
  }
  const cty = header.cty
  if (typeof cty !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(cty)) {
    throw new EnvelopeError(
      'ENVELOPE_MALFORMED',
      `${PROTECTED} "cty" must be a "type/subtype" string`,
    )
  }
  const scheme = checkSigningScheme(header[HEADER.signingScheme], PROTECTED)
  const critRaw = header.crit
  if (critRaw === undefined) {
    throw new EnvelopeError('ENVELOPE_CRITICAL_HEADER', `${PROTECTED} lacks "crit"`)
  }
  if (!Array.isArray(critRaw) || !critRaw.every((c): c is string => typeof c === 'string')) {
    throw new EnvelopeError('ENVELOPE_MALFORMED', `${PROTECTED} "crit" must be an array of strings`)
  }
  checkCritical(critRaw, new Set(Object.keys(header)), scheme, PROTECTED)

  const labels = timeLabels(scheme)
  if (Object.hasOwn(header, labels.forbidden)) {
    throw new EnvelopeError(
      'ENVELOPE_TIME',
      `${PROTECTED} carries "${labels.forbidden}", which the ${scheme} signing scheme does not use`,
    )
  }
  const signingTime = readTime(header, labels.required)
  if (!signingTime)
    throw new EnvelopeError('ENVELOPE_TIME', `${PROTECTED} lacks "${labels.required}"`)
  const expiry = readTime(header, HEADER.expiry)
  checkExpiryAfterSigning(signingTime, expiry, PROTECTED)

  const extendedAttributes: ParsedEnvelope['extendedAttributes'] = []
  for (const [key, value] of Object.entries(header)) {
    if (SYSTEM_KEYS.has(key)) continue
    if (
      (key === HEADER.verificationPlugin || key === HEADER.verificationPluginMinVersion) &&
      typeof value !== 'string'
    ) {
      throw new EnvelopeError('ENVELOPE_MALFORMED', `${PROTECTED} "${key}" must be a string`)
    }
    extendedAttributes.push({ key, value, critical: critRaw.includes(key) })
  }

  const unprotected = env.header
  if (!isObject(unprotected)) {
    throw new EnvelopeError(
      'ENVELOPE_CERTIFICATE_CHAIN',
      `${UNPROTECTED} ("header") is missing, so the certificate chain (x5c) is not present`,
    )
  }
  for (const key of Object.keys(unprotected)) {
    // Own keys only: an unprotected "constructor" is not a protected header.
    if (Object.hasOwn(header, key)) {
      throw new EnvelopeError(
        'ENVELOPE_MALFORMED',
        `header "${key}" appears in both the protected and unprotected header`,
      )
    }
  }
  const x5c = unprotected.x5c
  if (!Array.isArray(x5c) || x5c.length === 0) {
    throw new EnvelopeError(
      'ENVELOPE_CERTIFICATE_CHAIN',
      `${UNPROTECTED} "x5c" must be a non-empty array of base64 DER certificates`,
    )
  }
  const certificateChain = x5c.map((c, i) => {
    try {
      return base64StdDecode(c, `${UNPROTECTED} "x5c" entry ${i}`)
    } catch (err) {
      throw new EnvelopeError('ENVELOPE_CERTIFICATE_CHAIN', (err as Error).message)
    }
  })
  const tst = unprotected[HEADER.timestampSignature]
  const timestampToken =
    tst === undefined
      ? undefined
      : base64StdDecode(tst, `${UNPROTECTED} "${HEADER.timestampSignature}"`)
  const agent = unprotected[HEADER.signingAgent]
  if (agent !== undefined && typeof agent !== 'string') {
    throw new EnvelopeError(
      'ENVELOPE_MALFORMED',
      `${UNPROTECTED} "${HEADER.signingAgent}" must be a string`,
    )
  }

  return {
    format: 'jws',
    mediaType: MEDIA_TYPE.jws,
    algorithm,
    contentType: cty,
    payload,
    signature,
    toBeSigned: jwsSigningInput(protectedB64, payloadB64),
    signingScheme: scheme,
    ...(labels.required === HEADER.signingTime
      ? { signingTime }
      : { authenticSigningTime: signingTime }),
    ...(expiry !== undefined ? { expiry } : {}),
    certificateChain,
    ...(timestampToken ? { timestampToken } : {}),
    ...(typeof agent === 'string' ? { signingAgent: agent } : {}),
    critical: [...critRaw],
    extendedAttributes,
  }
}
