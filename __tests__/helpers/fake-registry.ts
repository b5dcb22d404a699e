/**
 * An in-process OCI registry (node:http) for what distribution 2.8 lacks: the Referrers API with
 * pagination and artifactType filtering (OCI-Filters-Applied), the OCI-Subject header, ETag /
 * If-Match on manifests, blob redirects to another origin, and registry quirks (ECR: OCI-Subject
 * without a Referrers API; GAR: an API that does not list a pushed referrer). It also serves Basic
 * or Bearer auth (with a /token endpoint taking Basic credentials or a refresh token), and a
 * `handler` hook for garbage answers. In-memory; loopback only.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll } from 'vitest'

export interface FakeRequest {
  method: string
  /** Path and query. */
  url: string
  authorization?: string
  headers: Record<string, string | string[] | undefined>
}

export interface FakeRegistryOptions {
  /** Serve GET /v2/<name>/referrers/<digest> (default true). */
  referrersApi?: boolean
  /** Filter by artifactType server-side and say so with OCI-Filters-Applied (default true). */
  filtersApplied?: boolean
  /** Referrers per page; 0 = one page (default 0). */
  pageSize?: number
  /** Send OCI-Subject on manifest PUT with a subject (default: same as referrersApi). */
  ociSubjectHeader?: boolean
  /** The referrers API answers but never lists anything (GAR-like quirk). */
  referrersListEmpty?: boolean
  /** ETag on manifest GET and If-Match enforced on PUT (412). */
  etags?: boolean
  /** Require auth. Bearer tokens come from `${url}/token`. */
  auth?:
    | { kind: 'basic'; username: string; password: string }
    | {
        kind: 'bearer'
        username: string
        password: string
        refreshTokens?: string[]
        anonymousPull?: boolean
      }
  /** Bearer mode: the action a request needs (default pull for GET/HEAD, delete for DELETE, else push). */
  actionFor?: (method: string, path: string) => string
  /** Redirect blob GETs to a second server on another origin (see `blobStore`). */
  redirectBlobs?: boolean
  /** Runs first; return true when it answered. */
  handler?: (req: IncomingMessage, res: ServerResponse, body: Buffer) => boolean | Promise<boolean>
}

interface StoredManifest {
  mediaType: string
  bytes: Buffer
}

export interface FakeRegistry {
  url: string
  /** host:port */
  host: string
  requests: FakeRequest[]
  /** Token endpoint requests (bearer mode). */
  tokenRequests: FakeRequest[]
  blobs: Map<string, Buffer>
  manifests: Map<string, Map<string, StoredManifest>>
  tags: Map<string, Map<string, string>>
  /** Upload sessions opened (POST) and neither completed (PUT) nor cancelled (DELETE). */
  openUploads(): number
  /** Bearer mode: mints a token granting `scopes` (as a registry token from a docker config). */
  issueToken(scopes: string[]): string
  /** The other-origin blob server when `redirectBlobs` is set. */
  blobStore?: { url: string; requests: FakeRequest[] }
  close(): Promise<void>
}

const INDEX = 'application/vnd.oci.image.index.v1+json'

function sha256(b: Buffer): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`
}

function record(req: IncomingMessage): FakeRequest {
  return {
    method: req.method ?? '',
    url: req.url ?? '',
    ...(req.headers.authorization === undefined
      ? {}
      : { authorization: req.headers.authorization }),
    headers: { ...req.headers },
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  )
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

export async function startFakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const referrersApi = options.referrersApi ?? true
  const filtersApplied = options.filtersApplied ?? true
  const ociSubjectHeader = options.ociSubjectHeader ?? referrersApi
  const requests: FakeRequest[] = []
  const tokenRequests: FakeRequest[] = []
  const blobs = new Map<string, Buffer>()
  const repoBlobs = new Map<string, Set<string>>()
  const manifests = new Map<string, Map<string, StoredManifest>>()
  const tags = new Map<string, Map<string, string>>()
  const referrers = new Map<string, Map<string, Record<string, unknown>[]>>()
  const uploads = new Map<string, string>()
  const tokens = new Map<string, Map<string, Set<string>>>()
  let url = ''

  let blobStore: FakeRegistry['blobStore']
  let blobServer: Server | undefined
  if (options.redirectBlobs) {
    const storeRequests: FakeRequest[] = []
    blobServer = createServer((req, res) => {
      storeRequests.push(record(req))
      const m = /^\/store\/(sha256:[0-9a-f]{64})\?sig=ok$/.exec(req.url ?? '')
      const blob = m === null ? undefined : blobs.get(m[1] as string)
      if (blob === undefined) return void res.writeHead(403).end('bad signature')
      res
        .writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': blob.length,
        })
        .end(blob)
    })
    blobStore = { url: `http://${await listen(blobServer)}`, requests: storeRequests }
  }

  const repoMap = <T>(m: Map<string, Map<string, T>>, repo: string): Map<string, T> => {
    let inner = m.get(repo)
    if (inner === undefined) {
      inner = new Map()
      m.set(repo, inner)
    }
    return inner
  }

  function errorJson(
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ): void {
    res
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify({ errors: [{ code, message }] }))
  }

  function needed(method: string): string {
    if (method === 'GET' || method === 'HEAD') return 'pull'
    if (method === 'DELETE') return 'delete'
    return 'push'
  }

  /** Returns true when the request may proceed. */
  function authorize(req: IncomingMessage, res: ServerResponse, repo: string | undefined): boolean {
    const auth = options.auth
    if (auth === undefined) return true
    const header = req.headers.authorization ?? ''
    if (auth.kind === 'basic') {
      const ok =
        header === `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
      if (!ok)
        errorJson(res, 401, 'UNAUTHORIZED', 'authentication required', {
          'www-authenticate': 'Basic realm="fake-registry"',
        })
      return ok
    }
    const action =
      options.actionFor?.(req.method ?? 'GET', req.url ?? '') ?? needed(req.method ?? 'GET')
    const challenge = (error?: string): string =>
      `Bearer realm="${url}/token",service="fake-registry"` +
      (repo === undefined ? '' : `,scope="repository:${repo}:${action}"`) +
      (error === undefined ? '' : `,error="${error}"`)
    const granted = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined
    if (granted === undefined) {
      errorJson(res, 401, 'UNAUTHORIZED', 'authentication required', {
        'www-authenticate': challenge(),
      })
      return false
    }
    if (repo !== undefined && !granted.get(repo)?.has(action)) {
      errorJson(res, 401, 'UNAUTHORIZED', 'insufficient scope', {
        'www-authenticate': challenge('insufficient_scope'),
      })
      return false
    }
    return true
  }

  function issue(scopes: string[], authenticated: boolean, anonymousPull: boolean): string {
    const grant = new Map<string, Set<string>>()
    for (const s of scopes) {
      const m = /^repository:(.+):([a-z*,]+)$/.exec(s)
      if (m === null) continue
      const actions = (m[2] as string)
        .split(',')
        .filter((a) => authenticated || (anonymousPull && a === 'pull'))
      const set = grant.get(m[1] as string) ?? new Set<string>()
      actions.forEach((a) => set.add(a))
      grant.set(m[1] as string, set)
    }
    const token = randomBytes(16).toString('hex')
    tokens.set(token, grant)
    return token
  }

  function tokenEndpoint(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const auth = options.auth
    if (auth?.kind !== 'bearer') return void res.writeHead(404).end()
    tokenRequests.push(record(req))
    const u = new URL(req.url ?? '/', url)
    const json = (status: number, v: unknown): void =>
      void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v))
    if (req.method === 'GET') {
      const header = req.headers.authorization
      const scopes = u.searchParams.getAll('scope').flatMap((s) => s.split(' '))
      let authenticated = false
      if (header !== undefined) {
        const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString()
        authenticated = decoded === `${auth.username}:${auth.password}`
        if (!authenticated) return json(401, { errors: [{ code: 'UNAUTHORIZED' }] })
      }
      return json(200, {
        token: issue(scopes, authenticated, auth.anonymousPull ?? false),
        expires_in: 300,
      })
    }
    const form = new URLSearchParams(body.toString())
    if (
      form.get('grant_type') !== 'refresh_token' ||
      !(auth.refreshTokens ?? []).includes(form.get('refresh_token') ?? '')
    ) {
      return json(401, { errors: [{ code: 'UNAUTHORIZED' }] })
    }
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean)
    return json(200, { access_token: issue(scopes, true, false), expires_in: 300 })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    if (options.handler !== undefined && (await options.handler(req, res, body))) return
    const u = new URL(req.url ?? '/', url)
    const method = req.method ?? 'GET'
    if (u.pathname === '/token') return tokenEndpoint(req, res, body)
    if (u.pathname === '/v2/' || u.pathname === '/v2') {
      if (!authorize(req, res, undefined)) return
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    }
    const upload = /^\/v2\/(.+)\/blobs\/uploads\/([^/]*)$/.exec(u.pathname)
    const item = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/([^/]+)$/.exec(u.pathname)
    const repo = (upload?.[1] ?? item?.[1]) as string | undefined
    if (repo === undefined)
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found')
    if (!authorize(req, res, repo)) return

    if (upload !== null) {
      const id = upload[2] as string
      if (method === 'POST' && id === '') {
        const mount = u.searchParams.get('mount')
        const from = u.searchParams.get('from')
        if (mount !== null && from !== null && repoBlobs.get(from)?.has(mount)) {
          const set = repoBlobs.get(repo) ?? new Set<string>()
          set.add(mount)
          repoBlobs.set(repo, set)
          return void res
            .writeHead(201, {
              location: `/v2/${repo}/blobs/${mount}`,
              'docker-content-digest': mount,
            })
            .end()
        }
        const uuid = randomBytes(8).toString('hex')
        uploads.set(uuid, repo)
        return void res
          .writeHead(202, {
            location: `/v2/${repo}/blobs/uploads/${uuid}?_state=abc%3D%3D`,
            'docker-upload-uuid': uuid,
          })
          .end()
      }
      if (method === 'PUT' && uploads.get(id) === repo) {
        const digest = u.searchParams.get('digest') ?? ''
        if (u.searchParams.get('_state') !== 'abc==')
          return errorJson(res, 400, 'BLOB_UPLOAD_INVALID', 'state lost')
        if (sha256(body) !== digest) return errorJson(res, 400, 'DIGEST_INVALID', 'digest mismatch')
        uploads.delete(id)
        blobs.set(digest, body)
        const set = repoBlobs.get(repo) ?? new Set<string>()
        set.add(digest)
        repoBlobs.set(repo, set)
        return void res
          .writeHead(201, {
            location: `/v2/${repo}/blobs/${digest}`,
            'docker-content-digest': digest,
          })
          .end()
      }
      if (method === 'DELETE' && uploads.get(id) === repo) {
        // distribution-spec "Canceling an upload".
        uploads.delete(id)
        return void res.writeHead(204).end()
      }
      return errorJson(res, 404, 'BLOB_UPLOAD_UNKNOWN', 'unknown upload')
    }

    const kind = (item as RegExpExecArray)[2] as string
    const ref = (item as RegExpExecArray)[3] as string
    if (kind === 'blobs') {
      const blob = repoBlobs.get(repo)?.has(ref) ? blobs.get(ref) : undefined
      if (blob === undefined) return errorJson(res, 404, 'BLOB_UNKNOWN', 'blob unknown')
      if (method === 'GET' && blobStore !== undefined) {
        return void res.writeHead(307, { location: `${blobStore.url}/store/${ref}?sig=ok` }).end()
      }
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': blob.length,
        'docker-content-digest': ref,
      })
      return void res.end(method === 'HEAD' ? undefined : blob)
    }

    if (kind === 'referrers') {
      if (!referrersApi)
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found')
      const artifactType = u.searchParams.get('artifactType')
      let list = options.referrersListEmpty ? [] : [...(repoMap(referrers, repo).get(ref) ?? [])]
      const headers: Record<string, string> = { 'content-type': INDEX }
      if (artifactType !== null && filtersApplied) {
        list = list.filter((d) => d.artifactType === artifactType)
        headers['oci-filters-applied'] = 'artifactType'
      }
      const pageSize = options.pageSize ?? 0
      const page = Number(u.searchParams.get('page') ?? '0')
      if (pageSize > 0) {
        const slice = list.slice(page * pageSize, (page + 1) * pageSize)
        if ((page + 1) * pageSize < list.length) {
          const next = new URL(u)
          next.searchParams.set('page', String(page + 1))
          headers.link = `<${next.pathname}${next.search}>; rel="next"`
        }
        list = slice
      }
      return void res
        .writeHead(200, headers)
        .end(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: list }))
    }

    // manifests
    const repoManifests = repoMap(manifests, repo)
    const repoTags = repoMap(tags, repo)
    if (method === 'GET' || method === 'HEAD') {
      const digest = ref.startsWith('sha256:') ? ref : repoTags.get(ref)
      const m = digest === undefined ? undefined : repoManifests.get(digest)
      if (m === undefined || digest === undefined)
        return errorJson(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown')
      res.writeHead(200, {
        'content-type': m.mediaType,
        'content-length': m.bytes.length,
        'docker-content-digest': digest,
        ...(options.etags ? { etag: `"${digest}"` } : {}),
      })
      return void res.end(method === 'HEAD' ? undefined : m.bytes)
    }
    if (method === 'PUT') {
      const digest = sha256(body)
      if (ref.startsWith('sha256:') && ref !== digest)
        return errorJson(res, 400, 'DIGEST_INVALID', 'digest mismatch')
      if (options.etags && req.headers['if-match'] !== undefined) {
        const current = repoTags.get(ref)
        if (current === undefined || `"${current}"` !== req.headers['if-match']) {
          return errorJson(res, 412, 'PRECONDITION_FAILED', 'if-match failed')
        }
      }
      let json: {
        subject?: { digest?: string }
        artifactType?: string
        config?: { mediaType?: string }
        annotations?: unknown
        manifests?: { digest: string }[]
      }
      try {
        json = JSON.parse(body.toString()) as typeof json
      } catch {
        return errorJson(res, 400, 'MANIFEST_INVALID', 'not json')
      }
      for (const m of json.manifests ?? []) {
        if (!repoManifests.has(m.digest))
          return errorJson(res, 400, 'MANIFEST_BLOB_UNKNOWN', m.digest)
      }
      const mediaType = String(req.headers['content-type'] ?? '')
      repoManifests.set(digest, { mediaType, bytes: body })
      if (!ref.startsWith('sha256:')) repoTags.set(ref, digest)
      const headers: Record<string, string> = {
        location: `/v2/${repo}/manifests/${digest}`,
        'docker-content-digest': digest,
      }
      const subject = json.subject?.digest
      if (subject !== undefined) {
        const list = repoMap(referrers, repo).get(subject) ?? []
        if (!list.some((d) => d.digest === digest)) {
          list.push({
            mediaType,
            digest,
            size: body.length,
            artifactType: json.artifactType ?? json.config?.mediaType,
            ...(json.annotations === undefined ? {} : { annotations: json.annotations }),
          })
        }
        repoMap(referrers, repo).set(subject, list)
        if (ociSubjectHeader) headers['oci-subject'] = subject
      }
      return void res.writeHead(201, headers).end()
    }
    if (method === 'DELETE') {
      if (!ref.startsWith('sha256:'))
        return errorJson(res, 400, 'DIGEST_INVALID', 'delete by digest only')
      if (!repoManifests.delete(ref))
        return errorJson(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown')
      for (const [t, d] of repoTags) if (d === ref) repoTags.delete(t)
      return void res.writeHead(202).end()
    }
    errorJson(res, 405, 'UNSUPPORTED', 'method not allowed')
  }

  const server = createServer((req, res) => {
    requests.push(record(req))
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500)
      res.end(String(err))
    })
  })
  const host = await listen(server)
  url = `http://${host}`
  return {
    url,
    host,
    requests,
    tokenRequests,
    openUploads: () => uploads.size,
    issueToken: (scopes) => issue(scopes, true, false),
    blobs,
    manifests,
    tags,
    ...(blobStore === undefined ? {} : { blobStore }),
    async close() {
      await close(server)
      if (blobServer !== undefined) await close(blobServer)
    },
  }
}

/**
 * `fake(options)` starts a fake registry; every one it started is closed after the test file
 * (vitest `afterAll`, registered here, so call this at the top level of a test file).
 */
export function fakeRegistriesClosedAfterAll(): (
  options?: FakeRegistryOptions,
) => Promise<FakeRegistry> {
  const started: FakeRegistry[] = []
  afterAll(async () => {
    await Promise.all(started.map((f) => f.close()))
  })
  return async (options = {}) => {
    const f = await startFakeRegistry(options)
    started.push(f)
    return f
  }
}
