/**
 * Reads claims out of a JWT without verifying it (pure). Used only to explain failures (the `sub` a
 * federated credential must match) and to schedule refreshes (`exp`); the token itself is never
 * logged or put in an error.
 */

/** The decoded payload of a compact JWS, or undefined when it is not one. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || parts[1] === undefined) return undefined
  try {
    const json: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** A string claim, or undefined. `aud` arrays yield their first element. */
export function stringClaim(
  claims: Record<string, unknown> | undefined,
  name: string,
): string | undefined {
  const v = claims?.[name]
  if (typeof v === 'string') return v
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0]
  return undefined
}

/** A numeric (NumericDate) claim, or undefined. */
export function numberClaim(
  claims: Record<string, unknown> | undefined,
  name: string,
): number | undefined {
  const v = claims?.[name]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}
