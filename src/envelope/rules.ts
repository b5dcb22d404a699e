/**
 * Envelope rules common to COSE and JWS once the headers are decoded: crit completeness and
 * allow-list, signing scheme, and the time headers (notary-spec.md §2.2, §2.3, §2.8, §7.4).
 */
import { SIGNING_SCHEME, type SigningScheme } from '../notary/constants.js'
import { EnvelopeError } from './errors.js'
import { HEADER, UNDERSTOOD_CRITICAL } from './labels.js'

/** Words for messages: 'COSE protected header' or 'JWS protected header'. */
export type HeaderContext = string

/** The signing scheme value, or ENVELOPE_UNSUPPORTED / ENVELOPE_MALFORMED. */
export function checkSigningScheme(value: unknown, ctx: HeaderContext): SigningScheme {
  if (value === undefined) {
    throw new EnvelopeError(
      'ENVELOPE_MALFORMED',
      `${ctx} lacks the required "${HEADER.signingScheme}"`,
    )
  }
  if (typeof value !== 'string') {
    throw new EnvelopeError(
      'ENVELOPE_MALFORMED',
      `${ctx} "${HEADER.signingScheme}" must be a text string`,
    )
  }
  if (value !== SIGNING_SCHEME.x509 && value !== SIGNING_SCHEME.signingAuthority) {
    throw new EnvelopeError(
      'ENVELOPE_UNSUPPORTED',
      `${ctx} "${HEADER.signingScheme}" is "${value}"; only "${SIGNING_SCHEME.x509}" and "${SIGNING_SCHEME.signingAuthority}" exist`,
    )
  }
  return value
}

/**
 * Checks crit: non-empty, every label present in the protected header, every label one we
 * understand, and the labels the spec requires to be critical all listed.
 * `crit` holds labels as strings (integer labels as decimal strings).
 */
export function checkCritical(
  crit: readonly string[],
  present: ReadonlySet<string>,
  scheme: SigningScheme,
  ctx: HeaderContext,
): void {
  if (crit.length === 0) {
    throw new EnvelopeError('ENVELOPE_CRITICAL_HEADER', `${ctx} "crit" is empty`)
  }
  for (const label of crit) {
    if (!present.has(label)) {
      throw new EnvelopeError(
        'ENVELOPE_CRITICAL_HEADER',
        `${ctx} "crit" lists "${label}", which is not in the protected header`,
      )
    }
    if (!UNDERSTOOD_CRITICAL.has(label)) {
      throw new EnvelopeError(
        'ENVELOPE_CRITICAL_HEADER',
        `${ctx} "crit" lists "${label}", a critical header this verifier does not implement`,
      )
    }
  }
  const required = [HEADER.signingScheme as string]
  if (scheme === SIGNING_SCHEME.signingAuthority) required.push(HEADER.authenticSigningTime)
  if (present.has(HEADER.expiry)) required.push(HEADER.expiry)
  for (const label of required) {
    if (!crit.includes(label)) {
      throw new EnvelopeError(
        'ENVELOPE_CRITICAL_HEADER',
        `${ctx} "${label}" must be listed in "crit"`,
      )
    }
  }
}

/** Which time header the scheme uses, and the one it must not carry. */
export function timeLabels(scheme: SigningScheme): { required: string; forbidden: string } {
  return scheme === SIGNING_SCHEME.x509
    ? { required: HEADER.signingTime, forbidden: HEADER.authenticSigningTime }
    : { required: HEADER.authenticSigningTime, forbidden: HEADER.signingTime }
}

/** Expiry must be strictly after the signing time (notation-core-go validateSigningAndExpiryTime). */
export function checkExpiryAfterSigning(
  signingTime: Date,
  expiry: Date | undefined,
  ctx: HeaderContext,
): void {
  if (expiry !== undefined && expiry.getTime() <= signingTime.getTime()) {
    throw new EnvelopeError(
      'ENVELOPE_TIME',
      `${ctx} "${HEADER.expiry}" (${expiry.toISOString()}) must be after the signing time (${signingTime.toISOString()})`,
    )
  }
}

/** Truncates to whole seconds, as notation-core-go does before encoding times. */
export function truncateToSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000)
}
