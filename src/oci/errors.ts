/**
 * Registry error family. Every failure of the OCI client carries one of these codes, the HTTP status
 * and the registry's own error code when there was a response, and the lower-level error as
 * `cause`. Messages name the reference or host and say what was expected and what came back; they
 * never contain credentials, tokens or signed query strings.
 */
import { ActionError } from '../errors.js'

export type RegistryCode =
  /** The image reference does not follow the docker reference grammar. */
  | 'REFERENCE_INVALID'
  /** A digest string is malformed or uses an algorithm other than sha256 / sha512. */
  | 'DIGEST_INVALID'
  /** The registry or its token server refused the credentials (401/403), or none were available. */
  | 'REGISTRY_AUTH'
  /** The docker config or a credential helper could not be read. */
  | 'REGISTRY_CREDENTIALS'
  /** The repository, manifest, tag or blob does not exist (404). */
  | 'REGISTRY_NOT_FOUND'
  /** The registry refused an upload (blob or manifest). */
  | 'REGISTRY_PUSH'
  /** The registry refused a delete. */
  | 'REGISTRY_DELETE'
  /** A conditional write lost a race (412 Precondition Failed on If-Match). */
  | 'REGISTRY_CONFLICT'
  /** The registry answered something the protocol does not allow (bad JSON, missing headers, odd status). */
  | 'REGISTRY_PROTOCOL'
  /** The registry could not be reached, timed out, or kept failing with 5xx/429 after retries. */
  | 'REGISTRY_UNAVAILABLE'
  /** Referrers mode `api` was requested but the registry has no OCI Referrers API. */
  | 'REFERRERS_UNSUPPORTED'
  /** A manifest or index does not have the shape the OCI image spec requires. */
  | 'MANIFEST_INVALID'
  /** Content does not hash to the digest it was requested by (or that the registry announced). */
  | 'DIGEST_MISMATCH'
  /** A response or an input exceeds its size cap (manifest 4 MiB, envelope 32 MiB, listing 4 MiB). */
  | 'TOO_LARGE'
  /** Plain HTTP to a host that is neither loopback nor listed as an insecure registry. */
  | 'INSECURE_REGISTRY'
  /** The registry's TLS certificate is not trusted, expired, or does not name the host. */
  | 'REGISTRY_TLS'

export interface RegistryErrorOptions {
  cause?: unknown
  remedy?: string
  /** HTTP status of the response that caused the error. */
  status?: number
  /** First `errors[].code` of the registry's JSON error body, e.g. `MANIFEST_BLOB_UNKNOWN`. */
  registryCode?: string
}

export class RegistryError extends ActionError<RegistryCode> {
  readonly status?: number
  readonly registryCode?: string

  constructor(code: RegistryCode, message: string, options: RegistryErrorOptions = {}) {
    super(code, message, {
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      ...(options.remedy === undefined ? {} : { remedy: options.remedy }),
    })
    if (options.status !== undefined) this.status = options.status
    if (options.registryCode !== undefined) this.registryCode = options.registryCode
  }
}
