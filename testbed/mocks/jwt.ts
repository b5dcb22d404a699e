/**
 * RS256 JWTs for the mocks (GitHub OIDC ID tokens, Entra access tokens, ACR refresh tokens).
 * node:crypto only.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto'

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')

export function signJwt(
  claims: Record<string, unknown>,
  key: KeyObject,
  header: Record<string, unknown> = {},
): string {
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', ...header }))}.${b64url(
    JSON.stringify(claims),
  )}`
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`
}

export type JwtCheck =
  | { ok: true; claims: Record<string, unknown>; header: Record<string, unknown> }
  | { ok: false; reason: string }

/** Verifies an RS256 JWT with `publicKey` (signature only; callers check the claims). */
export function verifyJwt(token: string, publicKey: KeyObject): JwtCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'not a compact JWS' }
  const [h, p, s] = parts as [string, string, string]
  let header: Record<string, unknown>
  let claims: Record<string, unknown>
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>
    claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>
  } catch {
    return { ok: false, reason: 'unparsable JWT' }
  }
  if (header['alg'] !== 'RS256') return { ok: false, reason: `alg ${String(header['alg'])}` }
  const key = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey
  if (!verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) {
    return { ok: false, reason: 'bad signature' }
  }
  return { ok: true, claims, header }
}

/** A JWK (public RSA) for a jwks_uri document. */
export function publicJwk(key: KeyObject, kid: string): Record<string, unknown> {
  const pub = key.type === 'private' ? createPublicKey(key) : key
  return { ...pub.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', kty: 'RSA' }
}
