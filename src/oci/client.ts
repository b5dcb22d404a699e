/**
 * The in-process OCI registry client (distribution-spec v1.1): resolve, fetch and push manifests
 * and blobs, and list and push referrers through the Referrers API or the referrers tag schema,
 * with notation's size caps and digest checks. All HTTP goes through the injected `Transport`.
 *
 * ```ts
 * const client = createRegistryClient({ transport: createTransport(), credentials: dockerConfigCredentials() })
 * const repo = client.repository('ghcr.io/acme/app:v1')
 * const subject = await repo.resolve()
 * await repo.pushBlob(EMPTY_CONFIG.bytes)
 * const envelope = await repo.pushBlob(coseBytes, { mediaType: 'application/cose' })
 * const { descriptor, via, warnings } = await repo.pushReferrer({ manifest: manifestBytes })
 * ```
 */
import { silentLogger, type Logger } from '../log.js'
import type { HttpResponse, Transport } from '../net/transport.js'
import { MEDIA_TYPE } from '../notary/constants.js'
import { repositoryScope } from './challenge.js'
import type { CredentialSource } from './credentials.js'
import type { Descriptor } from './descriptor.js'
import {
  digestOf,
  isDigest,
  parseDigest,
  verifyDigest,
  ZERO_DIGEST,
  type DigestAlgorithm,
} from './digest.js'
import { RegistryError } from './errors.js'
import {
  LIMITS,
  MANIFEST_ACCEPT,
  parseJsonObject,
  referrerDescriptor,
  referrersTag,
  toImageIndex,
  toImageManifest,
} from './manifest.js'
import { parseReference, repositoryName, type Reference } from './reference.js'
import { addToReferrersIndex, type TagIndexState } from './referrers-index.js'
import { createSession, registryErrorOf, responseError, type Session } from './session.js'

export type ReferrersMode = 'auto' | 'api' | 'tag'

export interface RegistryClientOptions {
  transport: Transport
  logger?: Logger
  credentials?: CredentialSource
  /** Hosts (`host` or `host:port`) where plain HTTP is allowed; loopback always is. */
  insecureRegistries?: string[]
  /**
   * `push` for a client that will push to every repository it opens (a sign job): reads ask for
   * the push token from the start, so one token serves the job instead of a pull token first and
   * a pull+push one when the first write comes (default `pull`: reads ask for pull only).
   */
  access?: 'pull' | 'push'
  /** Shortest settle delay of the concurrent-safe tag index write (default 150 ms). */
  tagIndexSettleMs?: number
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>
}

export interface RegistryClient {
  /** A handle on `registry/repository`; its tag or digest is the default target of `resolve()`. */
  repository(ref: string | Reference): Repository
}

export interface FetchedManifest {
  descriptor: Descriptor
  bytes: Uint8Array
  /** The parsed JSON object (validate with toImageManifest / toImageIndex). */
  json: Record<string, unknown>
}

export interface PushedManifest {
  descriptor: Descriptor
  /** The `OCI-Subject` response header: a hint only, never trusted alone (ECR sends it without an API). */
  ociSubject?: string
}

export interface ListReferrersResult {
  descriptors: Descriptor[]
  via: 'api' | 'tag'
}

export interface PushReferrerResult {
  descriptor: Descriptor
  /** `api`: the registry lists it through the Referrers API; `tag`: the referrers tag index lists it. */
  via: 'api' | 'tag'
  /** Digest of the referrers tag index when one was written. */
  indexDigest?: string
  /** Non-fatal problems (an outdated index that could not be deleted, an API that did not list it). */
  warnings: string[]
}

/** An upload session opened ahead of its blob ({@link Repository.startUpload}). */
export interface BlobUpload {
  /**
   * Uploads `bytes` into the session (one PUT). When the session could not be opened, has expired
   * or the PUT fails transiently, the blob goes through a fresh session, as `pushBlob` does.
   * Once only.
   */
  push(bytes: Uint8Array, options?: { mediaType?: string }): Promise<Descriptor>
  /** Cancels the session when `push` was never called (best effort: it never throws). */
  cancel(): Promise<void>
}

export interface PushReferrerOptions {
  mode?: ReferrersMode
  /**
   * Runs each of the tag-index writer's deliberate waits (its settle before the confirming read,
   * its backoffs): a caller that bounds work in flight lends the push's slot out meanwhile, since
   * a wait makes no request (src/commands/pool.ts `idle`). Default: just wait.
   */
  whileWaiting?: <T>(wait: () => Promise<T>) => Promise<T>
}

export interface Repository {
  readonly reference: Reference
  /** `registry/repository` */
  readonly name: string
  /** Resolves a tag or digest (default: the reference's digest, else its tag) to a descriptor. */
  resolve(tagOrDigest?: string): Promise<Descriptor>
  /** GETs a manifest by descriptor, digest or tag; checks size cap and digest. */
  fetchManifest(
    target: Descriptor | string,
    options?: { maxBytes?: number; accept?: string },
  ): Promise<FetchedManifest>
  /** GETs a blob (following redirects without credentials across origins); checks size and digest. */
  fetchBlob(descriptor: Descriptor, options?: { maxBytes?: number }): Promise<Uint8Array>
  blobExists(digest: string): Promise<boolean>
  /**
   * Uploads a blob unless present (HEAD, then POST + PUT ?digest=, or a cross-repo mount).
   * `checkExists: false` skips the HEAD, for a blob that cannot be there yet (a new envelope) or
   * was just found missing; the upload of a blob that is present anyway is harmless.
   */
  pushBlob(
    bytes: Uint8Array,
    options?: { mediaType?: string; mountFrom?: string; checkExists?: boolean },
  ): Promise<Descriptor>
  /**
   * Opens a blob upload session now (the POST) for bytes that come later: a signature's envelope,
   * whose upload session is opened while it is being signed, so the upload after signing is one
   * PUT instead of a POST and a PUT. A session holds no content: nothing can be read, listed or
   * pulled from it, and one never used is cancelled (`cancel`) or purged by the registry.
   */
  startUpload(): BlobUpload
  /** PUTs a manifest by digest, or by `tag` when given. */
  pushManifest(
    bytes: Uint8Array,
    mediaType: string,
    options?: { tag?: string; ifMatch?: string },
  ): Promise<PushedManifest>
  deleteManifest(digest: string): Promise<void>
  /** Referrers of a subject, optionally only one artifactType. */
  listReferrers(
    subject: Descriptor | string,
    options?: { artifactType?: string; mode?: ReferrersMode },
  ): Promise<ListReferrersResult>
  /**
   * Pushes a referrer manifest (which must have `subject`; its blobs must be pushed first) and
   * makes sure it can be discovered: through the Referrers API when the registry lists it, else
   * through the referrers tag index.
   */
  pushReferrer(
    input: { manifest: Uint8Array; mediaType?: string },
    options?: PushReferrerOptions,
  ): Promise<PushReferrerResult>
  /**
   * Checks, before anything is pushed, what `pushReferrer` in `mode` will need of the registry:
   * `api` fails with REFERRERS_UNSUPPORTED when the Referrers API is missing. `auto` starts the
   * capability probe (once per registry) so the push after it need not wait; it never fails.
   */
  prepareReferrers(mode: ReferrersMode): Promise<void>
}

const TAG_PATTERN = /^[\w][\w.-]{0,127}$/
const MAX_REFERRER_PAGES = 100
/** Upload sessions tried for one blob when the PUT fails transiently. */
const UPLOAD_ATTEMPTS = 3
/** Cap on a blob GET's body when the blob itself is smaller: the registry's error body. */
const ERROR_BODY_BYTES = 64 * 1024

/** Tags asked for per page of the tag list, and pages read, when checking that an index exists. */
const TAG_PAGE_SIZE = 100
const MAX_TAG_PAGES = 10

/** The `tags` of a tag list response (`null` means none), or undefined when it is not one. */
function tagsOf(res: HttpResponse): string[] | undefined {
  try {
    const json = res.json<{ tags?: unknown }>()
    if (json.tags === null) return []
    if (!Array.isArray(json.tags) || !json.tags.every((t) => typeof t === 'string'))
      return undefined
    return json.tags as string[]
  } catch {
    return undefined
  }
}

/**
 * A sorted page that starts after `last` and ends past `tag` would have listed `tag` (the
 * registry honoured `last`, so the page is the contiguous run of tags from there).
 */
function pageIsPastTag(tags: string[], last: string, tag: string): boolean {
  if (tags.length === 0) return false
  for (let i = 1; i < tags.length; i++)
    if ((tags[i - 1] as string) >= (tags[i] as string)) return false
  return (tags[0] as string) > last && (tags[tags.length - 1] as string) > tag
}

function contentType(res: HttpResponse): string | undefined {
  const value = res.headers.get('content-type')
  if (value === null) return undefined
  return value.split(';')[0]?.trim().toLowerCase() || undefined
}

/**
 * The `Docker-Content-Digest` header when it is a sha256 digest that contradicts `digest` (other
 * algorithms cannot be compared with our sha256 and are ignored, as oras-go does).
 */
function contradictingDigest(res: HttpResponse, digest: string): string | undefined {
  const dcd = res.headers.get('docker-content-digest')
  if (dcd === null || !isDigest(dcd) || parseDigest(dcd).algorithm !== 'sha256') return undefined
  return dcd === digest ? undefined : dcd
}

/** Creates a client. One client shares auth tokens and registry capabilities across repositories. */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const logger = options.logger ?? silentLogger
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const session = createSession({
    transport: options.transport,
    logger,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.insecureRegistries === undefined
      ? {}
      : { insecureRegistries: options.insecureRegistries }),
  })
  return {
    repository(ref) {
      const reference = typeof ref === 'string' ? parseReference(ref) : ref
      return createRepository(session, reference, {
        logger,
        sleep,
        pushFromStart: options.access === 'push',
        ...(options.tagIndexSettleMs === undefined ? {} : { settleMs: options.tagIndexSettleMs }),
      })
    },
  }
}

function createRepository(
  session: Session,
  reference: Reference,
  opts: {
    logger: Logger
    sleep: (ms: number) => Promise<void>
    settleMs?: number
    pushFromStart: boolean
  },
): Repository {
  const { logger } = opts
  const { registry, repository } = reference
  const name = repositoryName(reference)
  const pull = [repositoryScope(repository, ['pull'])]
  const push = [repositoryScope(repository, ['pull', 'push'])]
  const del = [repositoryScope(repository, ['delete'])]
  // After a push, reads ask for the push token too, so one cached token serves the whole flow.
  let pushing = opts.pushFromStart
  const readScopes = (): string[] => (pushing ? push : pull)

  async function url(path: string): Promise<URL> {
    return new URL(`${await session.origin(registry)}/v2/${repository}/${path}`)
  }

  function checkTarget(target: string): void {
    if (isDigest(target)) return
    if (target.includes(':')) parseDigest(target, `digest for ${name}`)
    if (!TAG_PATTERN.test(target)) {
      throw new RegistryError('REFERENCE_INVALID', `tag "${target}" of ${name} is not a valid tag`)
    }
  }

  const at = (target: string): string =>
    isDigest(target) ? `${name}@${target}` : `${name}:${target}`

  async function resolve(tagOrDigest?: string): Promise<Descriptor> {
    const target = tagOrDigest ?? reference.digest ?? reference.tag
    if (target === undefined) {
      throw new RegistryError(
        'REFERENCE_INVALID',
        `image reference ${name} has neither a tag nor a digest`,
        {
          remedy: `use ${name}:<tag> or ${name}@sha256:<digest>`,
        },
      )
    }
    checkTarget(target)
    const what = `resolving ${at(target)}`
    const res = await session.send(registry, {
      method: 'HEAD',
      url: await url(`manifests/${target}`),
      headers: { accept: MANIFEST_ACCEPT },
      scopes: readScopes(),
      what,
    })
    if (res.status === 404)
      throw responseError(res, 'REGISTRY_NOT_FOUND', `${what}: manifest not found`)
    if (res.status === 200) {
      const dcd = res.headers.get('docker-content-digest') ?? undefined
      const type = contentType(res)
      const length = Number(res.headers.get('content-length') ?? NaN)
      if (isDigest(target) && dcd !== undefined && isDigest(dcd) && dcd !== target) {
        throw new RegistryError(
          'DIGEST_MISMATCH',
          `${what}: the registry answered for ${dcd}, expected ${target}`,
        )
      }
      const digest = isDigest(target) ? target : dcd
      const known = type !== undefined && type !== 'application/json' && type !== 'text/plain'
      if (
        digest !== undefined &&
        isDigest(digest) &&
        known &&
        Number.isSafeInteger(length) &&
        length > 0
      ) {
        if (length > LIMITS.manifestBytes) {
          throw new RegistryError(
            'TOO_LARGE',
            `${what}: manifest of ${length} bytes exceeds ${LIMITS.manifestBytes}`,
          )
        }
        return { mediaType: type, digest, size: length }
      }
      logger.debug(`${what}: HEAD lacks digest, type or length; falling back to GET`)
    } else if (res.status !== 405 && res.status !== 400 && res.status !== 501) {
      throw responseError(res, 'REGISTRY_PROTOCOL', `${what}: unexpected answer to HEAD`)
    }
    return (await fetchManifest(target)).descriptor
  }

  async function fetchManifest(
    target: Descriptor | string,
    options: { maxBytes?: number; accept?: string } = {},
  ): Promise<FetchedManifest> {
    const maxBytes = options.maxBytes ?? LIMITS.manifestBytes
    const given = typeof target === 'string' ? undefined : target
    const ref = typeof target === 'string' ? target : target.digest
    if (given !== undefined) parseDigest(given.digest, `manifest digest in ${name}`)
    else checkTarget(ref)
    const what = `fetching manifest ${at(ref)}`
    if (given !== undefined && given.size > maxBytes) {
      throw new RegistryError(
        'TOO_LARGE',
        `${what}: descriptor size ${given.size} exceeds the limit of ${maxBytes} bytes`,
      )
    }
    const accept =
      options.accept ??
      (given === undefined ? MANIFEST_ACCEPT : `${given.mediaType}, ${MANIFEST_ACCEPT}`)
    const res = await session.send(registry, {
      method: 'GET',
      url: await url(`manifests/${ref}`),
      headers: { accept },
      maxBytes,
      scopes: readScopes(),
      what,
    })
    if (res.status !== 200) throw responseError(res, 'REGISTRY_PROTOCOL', what)
    const bytes = res.body
    const dcd = res.headers.get('docker-content-digest') ?? undefined
    let digest: string
    if (isDigest(ref)) {
      verifyDigest(bytes, ref, `manifest ${at(ref)}`)
      digest = ref
    } else {
      const algorithm: DigestAlgorithm =
        dcd !== undefined && isDigest(dcd) ? parseDigest(dcd).algorithm : 'sha256'
      digest = digestOf(bytes, algorithm)
      if (dcd !== undefined && isDigest(dcd) && dcd !== digest) {
        throw new RegistryError(
          'DIGEST_MISMATCH',
          `${what}: content hashes to ${digest} but Docker-Content-Digest says ${dcd}`,
        )
      }
    }
    if (given !== undefined && bytes.byteLength !== given.size) {
      throw new RegistryError(
        'DIGEST_MISMATCH',
        `${what}: got ${bytes.byteLength} bytes, the descriptor says ${given.size}`,
      )
    }
    const json = parseJsonObject(bytes, `manifest ${at(ref)}`)
    const type = contentType(res)
    const declared = typeof json.mediaType === 'string' ? json.mediaType : undefined
    const mediaType =
      given?.mediaType ??
      (type !== undefined && type !== 'application/json' && type !== 'text/plain' ? type : declared)
    if (mediaType === undefined) {
      throw new RegistryError(
        'REGISTRY_PROTOCOL',
        `${what}: neither Content-Type nor the manifest names a media type`,
      )
    }
    return { descriptor: { mediaType, digest, size: bytes.byteLength }, bytes, json }
  }

  async function fetchBlob(
    descriptor: Descriptor,
    options: { maxBytes?: number } = {},
  ): Promise<Uint8Array> {
    const maxBytes = options.maxBytes ?? LIMITS.envelopeBytes
    parseDigest(descriptor.digest, `blob digest in ${name}`)
    const what = `fetching blob ${name}@${descriptor.digest}`
    if (!Number.isSafeInteger(descriptor.size) || descriptor.size < 0) {
      throw new RegistryError(
        'MANIFEST_INVALID',
        `${what}: descriptor size ${descriptor.size} is not valid`,
      )
    }
    if (descriptor.size > maxBytes) {
      throw new RegistryError(
        'TOO_LARGE',
        `${what}: descriptor size ${descriptor.size} exceeds the limit of ${maxBytes} bytes`,
      )
    }
    const res = await session
      .send(registry, {
        method: 'GET',
        url: await url(`blobs/${descriptor.digest}`),
        // Room for an error body (401/404 JSON, storage XML) even on a tiny blob; a 200 body is
        // held to the descriptor size below.
        maxBytes: Math.max(descriptor.size, ERROR_BODY_BYTES),
        scopes: readScopes(),
        what,
      })
      .catch((err: unknown) => {
        if (err instanceof RegistryError && err.code === 'TOO_LARGE') {
          throw new RegistryError(
            'TOO_LARGE',
            `${what}: the blob is larger than its descriptor size ${descriptor.size}`,
            { cause: err },
          )
        }
        throw err
      })
    if (res.status !== 200) throw responseError(res, 'REGISTRY_PROTOCOL', what)
    if (res.body.byteLength > descriptor.size) {
      throw new RegistryError(
        'TOO_LARGE',
        `${what}: the blob is larger than its descriptor size ${descriptor.size}`,
      )
    }
    if (res.body.byteLength !== descriptor.size) {
      throw new RegistryError(
        'DIGEST_MISMATCH',
        `${what}: got ${res.body.byteLength} bytes, the descriptor says ${descriptor.size}`,
      )
    }
    verifyDigest(res.body, descriptor.digest, `blob ${name}@${descriptor.digest}`)
    return res.body
  }

  async function blobExists(digest: string, scopes = readScopes()): Promise<boolean> {
    parseDigest(digest, `blob digest in ${name}`)
    const what = `checking blob ${name}@${digest}`
    const res = await session.send(registry, {
      method: 'HEAD',
      url: await url(`blobs/${digest}`),
      scopes,
      what,
    })
    if (res.status === 200) return true
    if (res.status === 404) return false
    throw responseError(res, 'REGISTRY_PROTOCOL', what)
  }

  async function pushBlob(
    bytes: Uint8Array,
    options: { mediaType?: string; mountFrom?: string; checkExists?: boolean } = {},
  ): Promise<Descriptor> {
    pushing = true
    const { descriptor, what } = blobToPush(bytes, options.mediaType)
    const { digest } = descriptor
    if (options.checkExists !== false && (await blobExists(digest, push))) {
      logger.debug(`${what}: already present`)
      return descriptor
    }
    let start: HttpResponse
    if (options.mountFrom !== undefined && options.mountFrom !== repository) {
      const uploads = await url('blobs/uploads/')
      const mount = new URL(uploads)
      mount.searchParams.set('mount', digest)
      mount.searchParams.set('from', options.mountFrom)
      start = await session.send(registry, {
        method: 'POST',
        url: mount,
        scopes: [...push, repositoryScope(options.mountFrom, ['pull'])],
        what: `${what} (mount from ${options.mountFrom})`,
      })
      if (start.status === 201) {
        logger.debug(`${what}: mounted from ${options.mountFrom}`)
        return descriptor
      }
    } else {
      start = await openSession(what)
    }
    await uploadInto(start, bytes, digest, what, false)
    return descriptor
  }

  /** The descriptor of a blob about to be pushed, and the words its errors start with. */
  function blobToPush(
    bytes: Uint8Array,
    mediaType: string | undefined,
  ): { descriptor: Descriptor; what: string } {
    const digest = digestOf(bytes)
    return {
      descriptor: {
        mediaType: mediaType ?? 'application/octet-stream',
        digest,
        size: bytes.byteLength,
      },
      what: `pushing blob ${name}@${digest}`,
    }
  }

  /** POST /blobs/uploads/: a new upload session, answered 202 with its Location. */
  async function openSession(what: string): Promise<HttpResponse> {
    return session.send(registry, {
      method: 'POST',
      url: await url('blobs/uploads/'),
      scopes: push,
      what,
    })
  }

  /**
   * PUTs the blob into the session `start` opened. The PUT into an upload session is never
   * replayed: after a reset or a 5xx the session may be used up (the blob landed) or hold partial
   * data. Check for the blob, then use a fresh session. A session opened ahead (`openedAhead`) may
   * also have expired while the blob was being made (404 BLOB_UPLOAD_UNKNOWN): a fresh one then.
   */
  async function uploadInto(
    start: HttpResponse,
    bytes: Uint8Array,
    digest: string,
    what: string,
    openedAhead: boolean,
  ): Promise<void> {
    let target = uploadTarget(start, digest, what)
    for (let attempt = 1; ; attempt++) {
      try {
        await completeUpload(target, bytes, digest, what)
        return
      } catch (err) {
        const expired =
          openedAhead && attempt === 1 && err instanceof RegistryError && err.status === 404
        const transient = err instanceof RegistryError && err.code === 'REGISTRY_UNAVAILABLE'
        if (!(transient || expired) || attempt >= UPLOAD_ATTEMPTS) throw err
        logger.debug(`${what}: the upload failed (${err.message}); starting a fresh upload session`)
        if (transient) {
          await opts.sleep(250 * 2 ** (attempt - 1))
          if (await blobExists(digest, push)) return
        }
        start = await openSession(what)
        target = uploadTarget(start, digest, what)
      }
    }
  }

  function startUpload(): BlobUpload {
    pushing = true
    const opening = `opening an upload session in ${name}`
    const opened = openSession(opening)
    // Its failure is the push's business (it opens a fresh session) or nobody's (cancelled).
    opened.catch(() => undefined)
    let settled = false
    return {
      async push(bytes, options = {}) {
        if (settled) throw new Error(`${name}: an upload session is used once`)
        settled = true
        const { descriptor, what } = blobToPush(bytes, options.mediaType)
        // Not opened ahead (a transient failure, a token that came late): open one now; an error
        // that persists is then reported by this attempt, with this blob's name.
        const start = await opened.catch((err: unknown) => {
          logger.debug(`${opening}: ${err instanceof Error ? err.message : String(err)}; again`)
          return openSession(what)
        })
        await uploadInto(start, bytes, descriptor.digest, what, true)
        return descriptor
      },
      async cancel() {
        if (settled) return
        settled = true
        const start = await opened.catch(() => undefined)
        const location = start?.status === 202 ? start.headers.get('location') : null
        if (start === undefined || location === null) return
        try {
          const res = await session.send(registry, {
            method: 'DELETE',
            url: new URL(location, start.url),
            scopes: push,
            what: `cancelling an unused upload session in ${name}`,
            retry: false,
          })
          logger.debug(`cancelled an unused upload session in ${name}: HTTP ${res.status}`)
        } catch (err) {
          // The registry purges abandoned sessions itself (distribution: after 7 days).
          logger.debug(
            `cancelling an unused upload session in ${name}: ${err instanceof Error ? err.message : String(err)}`,
          )
        }
      },
    }
  }

  /** The URL to PUT the blob to, from the answer that started the upload session. */
  function uploadTarget(start: HttpResponse, digest: string, what: string): URL {
    if (start.status !== 202)
      throw responseError(start, 'REGISTRY_PUSH', `${what}: starting the upload`)
    const location = start.headers.get('location')
    if (location === null) {
      throw new RegistryError(
        'REGISTRY_PROTOCOL',
        `${what}: the registry started an upload without a Location`,
        {
          status: start.status,
        },
      )
    }
    // distribution 2.8 ignores a body on the POST (testbed-facts §1): PUT it to the session URL.
    const target = new URL(location, start.url)
    target.search = `${target.search === '' ? '?' : `${target.search}&`}digest=${encodeURIComponent(digest)}`
    return target
  }

  async function completeUpload(
    target: URL,
    bytes: Uint8Array,
    digest: string,
    what: string,
  ): Promise<void> {
    const done = await session.send(registry, {
      method: 'PUT',
      url: target,
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
      scopes: push,
      what,
      retry: false,
    })
    if (done.status !== 201 && done.status !== 204) throw responseError(done, 'REGISTRY_PUSH', what)
    const dcd = done.headers.get('docker-content-digest')
    if (dcd !== null && isDigest(dcd) && dcd !== digest) {
      throw new RegistryError('DIGEST_MISMATCH', `${what}: the registry stored ${dcd}`)
    }
  }

  async function pushManifest(
    bytes: Uint8Array,
    mediaType: string,
    /** `retry: false` (internal): no transport replay, for the referrers index read-modify-write. */
    options: { tag?: string; ifMatch?: string; retry?: boolean } = {},
  ): Promise<PushedManifest> {
    pushing = true
    const digest = digestOf(bytes)
    if (options.tag !== undefined) checkTarget(options.tag)
    const ref = options.tag ?? digest
    const what = `pushing manifest ${at(ref)}`
    if (bytes.byteLength > LIMITS.manifestBytes) {
      throw new RegistryError(
        'TOO_LARGE',
        `${what}: ${bytes.byteLength} bytes exceeds the limit of ${LIMITS.manifestBytes}`,
      )
    }
    const res = await session.send(registry, {
      method: 'PUT',
      url: await url(`manifests/${ref}`),
      headers: {
        'content-type': mediaType,
        ...(options.ifMatch === undefined ? {} : { 'if-match': options.ifMatch }),
      },
      body: bytes,
      scopes: push,
      what,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    })
    if (res.status === 412) {
      throw new RegistryError(
        'REGISTRY_CONFLICT',
        `${what}: If-Match ${options.ifMatch ?? ''} no longer holds`,
        {
          status: 412,
        },
      )
    }
    if (res.status !== 201 && res.status !== 200 && res.status !== 204) {
      throw responseError(res, 'REGISTRY_PUSH', what)
    }
    const stored = contradictingDigest(res, digest)
    if (stored !== undefined) {
      throw new RegistryError(
        'DIGEST_MISMATCH',
        `${what}: the registry stored ${stored}, expected ${digest}`,
      )
    }
    const ociSubject = res.headers.get('oci-subject') ?? undefined
    return {
      descriptor: { mediaType, digest, size: bytes.byteLength },
      ...(ociSubject === undefined ? {} : { ociSubject }),
    }
  }

  async function deleteManifest(digest: string): Promise<void> {
    parseDigest(digest, `manifest digest in ${name}`)
    const what = `deleting manifest ${name}@${digest}`
    const res = await session.send(registry, {
      method: 'DELETE',
      url: await url(`manifests/${digest}`),
      scopes: del,
      what,
    })
    if (res.status === 202 || res.status === 200 || res.status === 204) return
    throw responseError(res, 'REGISTRY_DELETE', what)
  }

  // ---- referrers ------------------------------------------------------------------------------

  /** GET /v2/<name>/referrers/<digest> (notary-spec §5.4): undefined when the API is missing. */
  async function referrersApi(
    subjectDigest: string,
    artifactType: string | undefined,
  ): Promise<Descriptor[] | undefined> {
    let next: URL | undefined = await url(`referrers/${subjectDigest}`)
    if (artifactType !== undefined) next.searchParams.set('artifactType', artifactType)
    const origin = next.origin
    const found: Descriptor[] = []
    for (let page = 0; next !== undefined; page++) {
      if (page >= MAX_REFERRER_PAGES) {
        throw new RegistryError(
          'TOO_LARGE',
          `listing referrers of ${name}@${subjectDigest}: more than ${MAX_REFERRER_PAGES} pages`,
        )
      }
      const what = `listing referrers of ${name}@${subjectDigest}`
      const res: HttpResponse = await session.send(registry, {
        method: 'GET',
        url: next,
        headers: { accept: MEDIA_TYPE.ociIndex },
        maxBytes: LIMITS.referrersListingBytes,
        scopes: readScopes(),
        what,
      })
      const type = contentType(res)
      if (page === 0) {
        if (res.status === 404) {
          if (registryErrorOf(res).code === 'NAME_UNKNOWN') {
            throw responseError(res, 'REGISTRY_NOT_FOUND', `${what}: repository not found`)
          }
          session.setReferrersCapability(registry, 'unsupported')
          return undefined
        }
        if (res.status === 405 || (res.status === 200 && type !== MEDIA_TYPE.ociIndex)) {
          session.setReferrersCapability(registry, 'unsupported')
          return undefined
        }
      }
      if (res.status !== 200) throw responseError(res, 'REGISTRY_PROTOCOL', what)
      if (type !== MEDIA_TYPE.ociIndex) {
        throw new RegistryError(
          'REGISTRY_PROTOCOL',
          `${what}: page ${page + 1} has Content-Type ${type ?? 'none'}, expected ${MEDIA_TYPE.ociIndex}`,
        )
      }
      session.setReferrersCapability(registry, 'supported')
      const index = toImageIndex(
        parseJsonObject(res.body, `referrers listing of ${name}@${subjectDigest}`),
        `referrers listing of ${name}@${subjectDigest}`,
      )
      const applied = (res.headers.get('oci-filters-applied') ?? '')
        .split(',')
        .map((s) => s.trim())
        .includes('artifactType')
      const annotated =
        index.annotations?.['org.opencontainers.referrers.filtersApplied']
          ?.split(',')
          .includes('artifactType') ?? false
      const filtered = artifactType === undefined || applied || annotated
      found.push(...index.manifests.filter((d) => filtered || d.artifactType === artifactType))
      next = nextLink(res, origin, what)
    }
    return found
  }

  function nextLink(res: HttpResponse, origin: string, what: string): URL | undefined {
    const link = res.headers.get('link')
    if (link === null) return undefined
    for (const part of link.split(',')) {
      const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim())
      if (m === null || !/rel="?next"?/i.test(m[2] as string)) continue
      const target = new URL(m[1] as string, res.url)
      if (target.origin !== origin) {
        throw new RegistryError(
          'REGISTRY_PROTOCOL',
          `${what}: the next page link points to another origin ${target.origin}`,
        )
      }
      return target
    }
    return undefined
  }

  async function readTagIndex(subjectDigest: string): Promise<TagIndexState | undefined> {
    const tag = referrersTag(subjectDigest)
    const what = `reading referrers index ${name}:${tag}`
    const res = await session.send(registry, {
      method: 'GET',
      url: await url(`manifests/${tag}`),
      headers: { accept: `${MEDIA_TYPE.ociIndex}, ${MANIFEST_ACCEPT}` },
      maxBytes: LIMITS.referrersListingBytes,
      scopes: readScopes(),
      what,
    })
    if (res.status === 404) return undefined
    if (res.status !== 200) throw responseError(res, 'REGISTRY_PROTOCOL', what)
    const digest = digestOf(res.body)
    const claimed = contradictingDigest(res, digest)
    if (claimed !== undefined) {
      throw new RegistryError(
        'DIGEST_MISMATCH',
        `${what}: content hashes to ${digest} but Docker-Content-Digest says ${claimed}`,
      )
    }
    const json = parseJsonObject(res.body, `referrers index ${name}:${tag}`)
    if (json.mediaType !== undefined && json.mediaType !== MEDIA_TYPE.ociIndex) {
      throw new RegistryError(
        'REGISTRY_PROTOCOL',
        `${what}: the tag holds a ${String(json.mediaType)}, not an image index`,
      )
    }
    const index = toImageIndex(json, `referrers index ${name}:${tag}`)
    const etag = res.headers.get('etag') ?? undefined
    return { digest, manifests: index.manifests, ...(etag === undefined ? {} : { etag }) }
  }

  /**
   * Whether `GET /v2/<name>/tags/list` names the referrers tag of `subjectDigest`
   * (distribution-spec "Listing Tags"): the second opinion a 404 on the index needs before a new
   * index replaces it. It asks for the tags after one just below ours (`last`), so a paginating
   * registry answers with one short page; distribution 2.8 ignores `n` and `last` and sends every
   * tag. Undefined when the list cannot be read or stays undecided; never throws.
   */
  async function tagListed(subjectDigest: string): Promise<boolean | undefined> {
    const tag = referrersTag(subjectDigest)
    const what = `listing the tags of ${name}`
    const last = tag.slice(0, -1)
    try {
      let next: URL | undefined = await url('tags/list')
      next.searchParams.set('n', String(TAG_PAGE_SIZE))
      next.searchParams.set('last', last)
      const origin = next.origin
      for (let page = 0; next !== undefined && page < MAX_TAG_PAGES; page++) {
        const res: HttpResponse = await session.send(registry, {
          method: 'GET',
          url: next,
          maxBytes: LIMITS.referrersListingBytes,
          scopes: readScopes(),
          what,
        })
        if (res.status !== 200) {
          logger.debug(`${what}: HTTP ${res.status}; cannot tell whether ${tag} exists`)
          return undefined
        }
        const tags = tagsOf(res)
        if (tags === undefined) return undefined
        if (tags.includes(tag)) return true
        next = nextLink(res, origin, what)
        if (next === undefined || pageIsPastTag(tags, last, tag)) return false
      }
      return undefined
    } catch (err) {
      logger.debug(`${what}: ${err instanceof Error ? err.message : String(err)}`)
      return undefined
    }
  }

  async function writeTagIndex(
    subjectDigest: string,
    entry: Descriptor,
    whileWaiting: PushReferrerOptions['whileWaiting'],
  ): Promise<{ indexDigest: string; warnings: string[] }> {
    const tag = referrersTag(subjectDigest)
    const result = await addToReferrersIndex(
      {
        read: () => readTagIndex(subjectDigest),
        tagListed: () => tagListed(subjectDigest),
        write: async (bytes, ifMatch) =>
          // Never replayed by the transport: a late replay of this index would drop what
          // another writer added since; addToReferrersIndex re-reads and merges instead.
          (
            await pushManifest(bytes, MEDIA_TYPE.ociIndex, {
              tag,
              retry: false,
              ...(ifMatch === undefined ? {} : { ifMatch }),
            })
          ).descriptor.digest,
        remove: (digest) => deleteManifest(digest),
      },
      [entry],
      {
        logger,
        sleep: whileWaiting === undefined ? opts.sleep : (ms) => whileWaiting(() => opts.sleep(ms)),
        tag: `${name}:${tag}`,
        ...(opts.settleMs === undefined ? {} : { minSettleMs: opts.settleMs }),
      },
    )
    for (const w of result.warnings) logger.debug(w)
    return { indexDigest: result.indexDigest, warnings: result.warnings }
  }

  async function listReferrers(
    subject: Descriptor | string,
    options: { artifactType?: string; mode?: ReferrersMode } = {},
  ): Promise<ListReferrersResult> {
    const digest = typeof subject === 'string' ? subject : subject.digest
    parseDigest(digest, `subject digest in ${name}`)
    const mode = options.mode ?? 'auto'
    const { artifactType } = options
    const fromTag = async (): Promise<Descriptor[]> => {
      const index = await readTagIndex(digest)
      return (index?.manifests ?? []).filter(
        (d) => artifactType === undefined || d.artifactType === artifactType,
      )
    }
    if (mode === 'tag') return { descriptors: await fromTag(), via: 'tag' }
    if (mode === 'auto' && session.referrersCapability(registry) === 'unsupported') {
      return { descriptors: await fromTag(), via: 'tag' }
    }
    const api = await referrersApi(digest, artifactType)
    if (api === undefined) {
      if (mode === 'api') throw unsupported()
      return { descriptors: await fromTag(), via: 'tag' }
    }
    if (mode === 'api') return { descriptors: api, via: 'api' }
    // A registry with the API may still not list a referrer we had to index by tag (GAR, notation#1222).
    const extra = await fromTag()
    const seen = new Set(api.map((d) => d.digest))
    return { descriptors: [...api, ...extra.filter((d) => !seen.has(d.digest))], via: 'api' }
  }

  function unsupported(): RegistryError {
    return new RegistryError(
      'REFERRERS_UNSUPPORTED',
      `registry ${registry} has no OCI Referrers API (GET /v2/${repository}/referrers/<digest> is not served)`,
      {
        remedy: 'use referrers mode "auto" or "tag"',
      },
    )
  }

  /** The capability probe, once per registry at a time: GET referrers of the all-zero digest. */
  function probeReferrers(): Promise<unknown> {
    return session.probeReferrers(registry, () => referrersApi(ZERO_DIGEST, undefined))
  }

  async function prepareReferrers(mode: ReferrersMode): Promise<void> {
    if (mode === 'tag') return
    if (mode === 'auto') {
      // Only a hint for the push: a failed probe is repeated by the listing check after it.
      if (session.referrersCapability(registry) === undefined)
        probeReferrers().catch(() => undefined)
      return
    }
    if (session.referrersCapability(registry) === undefined) await probeReferrers()
    if (session.referrersCapability(registry) !== 'supported') throw unsupported()
  }

  async function pushReferrer(
    input: { manifest: Uint8Array; mediaType?: string },
    options: PushReferrerOptions = {},
  ): Promise<PushReferrerResult> {
    const mode = options.mode ?? 'auto'
    const what = `referrer manifest for ${name}`
    const manifest = toImageManifest(parseJsonObject(input.manifest, what), what)
    if (manifest.subject === undefined) {
      throw new RegistryError(
        'MANIFEST_INVALID',
        `${what}: "subject" is missing; a referrer must name the manifest it refers to`,
      )
    }
    const subject = manifest.subject
    const mediaType = input.mediaType ?? manifest.mediaType ?? MEDIA_TYPE.ociManifest
    pushing = true
    if (mode === 'api') await prepareReferrers('api')
    // A probe started while signing answers whether the listing check below can tell anything.
    if (mode === 'auto') await session.referrersProbeInFlight(registry)?.catch(() => undefined)

    const pushed = await pushManifest(input.manifest, mediaType)
    const entry = referrerDescriptor(
      manifest,
      mediaType,
      pushed.descriptor.digest,
      pushed.descriptor.size,
    )
    const warnings: string[] = []
    if (pushed.ociSubject !== undefined)
      logger.debug(`${name}: OCI-Subject ${pushed.ociSubject} (a hint; checking the listing)`)

    if (mode !== 'tag' && session.referrersCapability(registry) !== 'unsupported') {
      const listed = await referrersApi(subject.digest, entry.artifactType)
      if (listed !== undefined && listed.some((d) => d.digest === entry.digest)) {
        return { descriptor: pushed.descriptor, via: 'api', warnings }
      }
      if (listed !== undefined) {
        warnings.push(
          `${name}: the Referrers API does not list ${entry.digest} for ${subject.digest} after the push; also writing the referrers tag index ${referrersTag(subject.digest)}`,
        )
      } else if (mode === 'api') {
        warnings.push(
          `${name}: the Referrers API disappeared after the probe; writing the referrers tag index instead`,
        )
      }
    }
    const written = await writeTagIndex(subject.digest, entry, options.whileWaiting)
    warnings.push(...written.warnings)
    return { descriptor: pushed.descriptor, via: 'tag', indexDigest: written.indexDigest, warnings }
  }

  return {
    reference,
    name,
    resolve,
    fetchManifest,
    fetchBlob,
    blobExists: (digest) => blobExists(digest),
    pushBlob,
    startUpload,
    pushManifest,
    deleteManifest,
    listReferrers,
    pushReferrer,
    prepareReferrers,
  }
}
