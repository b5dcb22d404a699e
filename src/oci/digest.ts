/**
 * Content digests (OCI image-spec descriptor.md#digests). Only the registered algorithms sha256 and
 * sha512 are accepted; the encoded part is lowercase hex of the exact length.
 */
import { createHash } from 'node:crypto'
import { RegistryError } from './errors.js'

export type DigestAlgorithm = 'sha256' | 'sha512'

const HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 }

/** The digest the OCI Referrers API ping uses (notary-spec §5.5): it names nothing. */
export const ZERO_DIGEST = `sha256:${'0'.repeat(64)}`

export interface ParsedDigest {
  algorithm: DigestAlgorithm
  hex: string
}

/** True when `value` is a well-formed sha256 or sha512 digest. */
export function isDigest(value: string): boolean {
  return tryParseDigest(value) !== undefined
}

function tryParseDigest(value: string): ParsedDigest | undefined {
  const m = /^(sha256|sha512):([0-9a-f]+)$/.exec(value)
  if (m === null) return undefined
  const algorithm = m[1] as DigestAlgorithm
  const hex = m[2] as string
  return hex.length === HEX_LENGTH[algorithm] ? { algorithm, hex } : undefined
}

/** Splits a digest into algorithm and hex; throws DIGEST_INVALID naming `what` otherwise. */
export function parseDigest(value: string, what = 'digest'): ParsedDigest {
  const parsed = tryParseDigest(value)
  if (parsed !== undefined) return parsed
  const shown = value.length > 140 ? `${value.slice(0, 140)}…` : value
  throw new RegistryError(
    'DIGEST_INVALID',
    `${what} "${shown}" is not a valid digest: expected sha256:<64 hex> or sha512:<128 hex>`,
  )
}

/** The digest of `bytes` with the given algorithm (sha256 by default). */
export function digestOf(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
}

/**
 * Checks that `bytes` hash to `expected` (with the expected digest's algorithm); throws
 * DIGEST_MISMATCH naming `what` with both digests.
 */
export function verifyDigest(bytes: Uint8Array, expected: string, what: string): void {
  const { algorithm } = parseDigest(expected, `digest of ${what}`)
  const actual = digestOf(bytes, algorithm)
  if (actual !== expected) {
    throw new RegistryError(
      'DIGEST_MISMATCH',
      `${what}: content hashes to ${actual}, expected ${expected}`,
    )
  }
}
