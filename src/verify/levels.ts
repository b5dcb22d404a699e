/**
 * Verification levels and overrides as data (notary-spec.md §6.3, §6.4; notation-go
 * verifier/trustpolicy/trustpolicy.go `GetVerificationLevel`).
 */
import { didYouMean } from '../suggest.js'
import type { Problem } from './errors.js'

export const VALIDATION_TYPES = [
  'integrity',
  'authenticity',
  'authenticTimestamp',
  'expiry',
  'revocation',
] as const
export type ValidationType = (typeof VALIDATION_TYPES)[number]

export const VALIDATION_ACTIONS = ['enforce', 'log', 'skip'] as const
export type ValidationAction = (typeof VALIDATION_ACTIONS)[number]

export const LEVEL_NAMES = ['strict', 'permissive', 'audit', 'skip'] as const
export type LevelName = (typeof LEVEL_NAMES)[number]

/** The action taken for each check. */
export type Enforcement = Readonly<Record<ValidationType, ValidationAction>>

export interface VerificationLevel {
  /** `custom` when an override was applied (as notation names it). */
  readonly name: LevelName | 'custom'
  readonly enforcement: Enforcement
}

/** The §6.3 table. */
export const LEVELS: Readonly<Record<LevelName, VerificationLevel>> = {
  strict: {
    name: 'strict',
    enforcement: {
      integrity: 'enforce',
      authenticity: 'enforce',
      authenticTimestamp: 'enforce',
      expiry: 'enforce',
      revocation: 'enforce',
    },
  },
  permissive: {
    name: 'permissive',
    enforcement: {
      integrity: 'enforce',
      authenticity: 'enforce',
      authenticTimestamp: 'log',
      expiry: 'log',
      revocation: 'log',
    },
  },
  audit: {
    name: 'audit',
    enforcement: {
      integrity: 'enforce',
      authenticity: 'log',
      authenticTimestamp: 'log',
      expiry: 'log',
      revocation: 'log',
    },
  },
  skip: {
    name: 'skip',
    enforcement: {
      integrity: 'skip',
      authenticity: 'skip',
      authenticTimestamp: 'skip',
      expiry: 'skip',
      revocation: 'skip',
    },
  },
}

export type LevelResolution =
  { ok: true; level: VerificationLevel } | { ok: false; problems: Problem[] }

const isLevelName = (s: string): s is LevelName => (LEVEL_NAMES as readonly string[]).includes(s)
const isValidationType = (s: string): s is ValidationType =>
  (VALIDATION_TYPES as readonly string[]).includes(s)
const isValidationAction = (s: string): s is ValidationAction =>
  (VALIDATION_ACTIONS as readonly string[]).includes(s)

const quoteList = (xs: readonly string[]): string => `[${xs.map((x) => `"${x}"`).join(' ')}]`

/** `override.<key>` when the key is a plain identifier, else `override["<key>"]`. */
function overridePath(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `override.${key}` : `override[${JSON.stringify(key)}]`
}

/**
 * Resolves `signatureVerification.level` + `override` into the per-check actions. Reports every
 * problem (notation stops at the first) with a path relative to `signatureVerification`.
 *
 * - an empty or unknown level is an error;
 * - an empty override leaves the base level as is (even `skip`);
 * - a non-empty override with `skip` is an error;
 * - keys: authenticity, authenticTimestamp, expiry, revocation; `integrity` cannot be overridden;
 * - values: enforce, log; `skip` only for revocation.
 */
export function resolveVerificationLevel(
  level: string,
  override: Readonly<Record<string, string>> = {},
): LevelResolution {
  const problems: Problem[] = []
  if (level === '') {
    return {
      ok: false,
      problems: [
        {
          path: 'level',
          message: 'signature verification level is empty or missing in the trust policy statement',
        },
      ],
    }
  }
  if (!isLevelName(level)) {
    return {
      ok: false,
      problems: [
        {
          path: 'level',
          message: `invalid signature verification level "${level}", supported values are ${quoteList(LEVEL_NAMES)}${didYouMean(level, LEVEL_NAMES)}`,
        },
      ],
    }
  }
  const base = LEVELS[level]
  const entries = Object.entries(override)
  if (entries.length === 0) return { ok: true, level: base }
  if (level === 'skip') {
    return {
      ok: false,
      problems: [
        {
          path: 'override',
          message: `signature verification level "skip" can't be used to customize signature verification`,
        },
      ],
    }
  }
  const enforcement: Record<ValidationType, ValidationAction> = { ...base.enforcement }
  for (const [key, value] of entries) {
    const path = overridePath(key)
    if (!isValidationType(key)) {
      problems.push({
        path,
        message: `verification type "${key}" in custom signature verification is not supported, supported values are ${quoteList(VALIDATION_TYPES)}${didYouMean(key, VALIDATION_TYPES)}`,
      })
      continue
    }
    if (!isValidationAction(value)) {
      problems.push({
        path,
        message: `verification action "${value}" in custom signature verification is not supported, supported values are ${quoteList(VALIDATION_ACTIONS)}${didYouMean(value, VALIDATION_ACTIONS)}`,
      })
      continue
    }
    if (key === 'integrity') {
      problems.push({
        path,
        message: `"integrity" verification can not be overridden in custom signature verification`,
      })
      continue
    }
    if (key !== 'revocation' && value === 'skip') {
      problems.push({
        path,
        message: `"${key}" verification can not be skipped in custom signature verification`,
      })
      continue
    }
    enforcement[key] = value
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, level: { name: 'custom', enforcement } }
}

/** True when this level stops before fetching anything (notation's `SkipVerify`). */
export function isSkipLevel(level: VerificationLevel): boolean {
  return level.name === 'skip'
}

/** A failed check with action `enforce` ends the verification of that signature. */
export function isCriticalFailure(action: ValidationAction, failed: boolean): boolean {
  return action === 'enforce' && failed
}
