/**
 * The Artifact Signing data-plane api-versions and their two wire forms (artifact-signing.md §3):
 * - form A, `2022-06-15-preview`: `POST …/sign`, a flat `{operationId,status,…}` body, the poll URL
 *   built from the operation id. Microsoft's own client (Azure.CodeSigning, the notation plugin,
 *   Microsoft.ArtifactSigning.Client 1.0.128 of 2026) sends only this version.
 * - form B, `2023-06-15-preview` and the stable `2024-06-15`: `POST …:sign`, `202` with
 *   `Operation-Location`, a wrapped `{id,status,result,errorResponse}` body.
 *
 * Pure: version → form, the fallback partner of each version, and how to tell a refusal that came
 * before the service authenticated the request.
 */
import { ConfigError } from '../errors.js'

/** The version Microsoft's own signing client sends (notation-azure-artifactsigning parity). */
export const DEFAULT_API_VERSION = '2022-06-15-preview'
/** The stable (GA) data-plane version. */
export const STABLE_API_VERSION = '2024-06-15'
/**
 * api-versions known to work. The action and the CLI accept only these (src/config/config.ts
 * rejects any other before a client is built).
 */
export const KNOWN_API_VERSIONS = [
  DEFAULT_API_VERSION,
  '2023-06-15-preview',
  STABLE_API_VERSION,
] as const

export type Dialect = 'A' | 'B'

const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/

/** Form A for the 2022 preview, form B (`:sign`, Operation-Location) for 2023 and later. */
export function dialectFor(apiVersion: string): Dialect {
  if (!API_VERSION.test(apiVersion) || apiVersion < '2022-06-15') {
    throw new ConfigError(
      'INPUT_INVALID',
      `artifact-signing-api-version "${apiVersion}" is not supported (use one of ${KNOWN_API_VERSIONS.join(', ')})`,
      { remedy: `leave it unset for ${DEFAULT_API_VERSION}` },
    )
  }
  return apiVersion.startsWith('2022-') ? 'A' : 'B'
}

/**
 * The version of the other form, tried once when the first is refused before authentication:
 * form A falls back to the stable form-B version, form B to form A.
 */
export function fallbackApiVersion(apiVersion: string): string {
  return dialectFor(apiVersion) === 'A' ? STABLE_API_VERSION : DEFAULT_API_VERSION
}

/**
 * Headers the data plane sets only once it has authenticated a request (artifact-signing.md §3.7,
 * §10.3): `mise-correlation-id` comes from its authentication middleware. A 401/403 without any
 * of them was decided before the service authenticated the request (the front door or the
 * api-version router: the field reports of version-dependent 401/403s); one with them is the
 * service's own verdict on the identity, which another api-version cannot change. A missing role
 * also answers 403 without them (§3.7), so a refusal of that kind costs one extra request (the
 * retry with the other form) before the same 403 and its remedy are reported.
 */
export const SERVICE_CORRELATION_HEADERS = [
  'mise-correlation-id',
  'x-ms-request-id',
  'x-ms-correlation-request-id',
] as const

export function isPreAuthenticationRefusal(
  status: number,
  headers: { get(name: string): string | null },
): boolean {
  if (status !== 401 && status !== 403) return false
  return SERVICE_CORRELATION_HEADERS.every((h) => (headers.get(h) ?? '') === '')
}
