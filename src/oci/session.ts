/**
 * Per-registry session state shared by every repository of one client: the scheme (https, or
 * http for loopback / listed insecure registries), the auth challenge, credentials, bearer tokens
 * cached per scope set, and the Referrers API capability (probed once per registry, however many
 * images ask at once). `send` attaches credentials, answers a
 * 401 challenge once (Basic, or a Bearer token for the merged scopes, including an
 * `insufficient_scope` upgrade) and maps transport failures to `RegistryError`.
 */
import type { Logger } from '../log.js'
import { tlsFailure } from '../net/tls-errors.js'
import {
  redactUrl,
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from '../net/transport.js'
import { mergeScopes, parseWwwAuthenticate, pickChallenge, type Challenge } from './challenge.js'
import type { Credential, CredentialSource } from './credentials.js'
import { RegistryError, type RegistryCode } from './errors.js'
import { apiHost, isLoopback } from './reference.js'

export interface SessionOptions {
  transport: Transport
  logger: Logger
  credentials?: CredentialSource
  /** Hosts (`host` or `host:port`) where plain HTTP is allowed besides loopback. */
  insecureRegistries?: string[]
  now?: () => number
}

export interface RegistryRequest {
  method: HttpRequest['method']
  url: URL
  headers?: Record<string, string>
  body?: Uint8Array | string
  maxBytes?: number
  followRedirects?: boolean
  /**
   * Let the transport retry transient failures (default true). False for writes that must not be
   * replayed blindly (an upload PUT into a session, a read-modify-write of the referrers index):
   * the caller starts over instead.
   */
  retry?: boolean
  /** Token scopes this request needs, e.g. `repository:a/b:pull`. */
  scopes: string[]
  /** What is being done, for messages: `fetching manifest ghcr.io/a/b:v1`. */
  what: string
}

export type ReferrersCapability = 'supported' | 'unsupported'

export interface Session {
  /** `https://host` or `http://host` for the registry's API host. */
  origin(registry: string): Promise<string>
  send(registry: string, req: RegistryRequest): Promise<HttpResponse>
  referrersCapability(registry: string): ReferrersCapability | undefined
  setReferrersCapability(registry: string, value: ReferrersCapability): void
  /**
   * The Referrers API capability, running `probe` (which must record it with
   * setReferrersCapability) at most once at a time per registry; a failed probe is not remembered.
   */
  probeReferrers(
    registry: string,
    probe: () => Promise<unknown>,
  ): Promise<ReferrersCapability | undefined>
  /** The probe in flight for `registry`, if any (so a push can wait for it rather than repeat it). */
  referrersProbeInFlight(registry: string): Promise<ReferrersCapability | undefined> | undefined
  /** Throws INSECURE_REGISTRY for http: URLs on hosts that may not be insecure. */
  guardUrl(url: URL): void
  logger: Logger
}

interface Token {
  token: string
  expiresAt: number
}

interface HostState {
  registry: string
  host: string
  /** Loopback / insecure hosts: the scheme, once a request (or the /v2/ probe) has decided it. */
  origin?: string
  /** The decision in flight: the first request to the host, or the /v2/ probe. */
  deciding?: Promise<string>
  referrersProbe?: Promise<ReferrersCapability | undefined>
  challenge?: Challenge
  credential?: Promise<Credential | undefined>
  tokens: Map<string, Promise<Token>>
  referrers?: ReferrersCapability
}

const CLIENT_ID = 'oci-notary-action'
const TOKEN_RESPONSE_MAX = 1024 * 1024

/** The registry's JSON error body (distribution-spec "Error Codes"), when there is one. */
export function registryErrorOf(res: HttpResponse): { code?: string; message?: string } {
  const type = res.headers.get('content-type') ?? ''
  if (!type.includes('json') || res.body.byteLength === 0) return {}
  try {
    const json = res.json<{ errors?: { code?: unknown; message?: unknown }[] }>()
    const first = Array.isArray(json.errors) ? json.errors[0] : undefined
    const code = typeof first?.code === 'string' ? first.code : undefined
    const message = typeof first?.message === 'string' ? clean(first.message) : undefined
    return { ...(code ? { code } : {}), ...(message ? { message } : {}) }
  } catch {
    return {}
  }
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine
}

/**
 * A RegistryError for an unexpected response. 401/403 become REGISTRY_AUTH, 404
 * REGISTRY_NOT_FOUND, 429/5xx REGISTRY_UNAVAILABLE; anything else `fallback`.
 */
export function responseError(
  res: HttpResponse,
  fallback: RegistryCode,
  message: string,
): RegistryError {
  const { code: registryCode, message: registryMessage } = registryErrorOf(res)
  const code: RegistryCode =
    res.status === 401 || res.status === 403
      ? 'REGISTRY_AUTH'
      : res.status === 404
        ? 'REGISTRY_NOT_FOUND'
        : res.status === 429 || res.status >= 500
          ? 'REGISTRY_UNAVAILABLE'
          : fallback
  const detail = [registryCode, registryMessage].filter(Boolean).join(': ')
  return new RegistryError(code, `${message}: HTTP ${res.status}${detail ? ` ${detail}` : ''}`, {
    status: res.status,
    ...(registryCode === undefined ? {} : { registryCode }),
  })
}

/** Wraps a transport failure with what was being done; the transport's detail stays in `cause`. */
function mapTransportError(err: unknown, req: RegistryRequest): unknown {
  if (err instanceof RegistryError) return err
  const { what, url } = req
  if (err instanceof TransportError) {
    switch (err.code) {
      case 'RESPONSE_TOO_LARGE':
        return new RegistryError(
          'TOO_LARGE',
          `${what}: the response exceeds the limit of ${req.maxBytes ?? 'the default'} bytes`,
          { cause: err },
        )
      case 'NETWORK':
        return (
          tlsRegistryError(err, req) ??
          new RegistryError('REGISTRY_UNAVAILABLE', `${what}: ${url.host} could not be reached`, {
            cause: err,
          })
        )
      case 'TIMEOUT':
        return new RegistryError(
          'REGISTRY_UNAVAILABLE',
          `${what}: ${url.host} did not answer in time`,
          {
            cause: err,
          },
        )
      case 'TOO_MANY_REDIRECTS':
        return new RegistryError('REGISTRY_PROTOCOL', `${what}: too many redirects`, { cause: err })
    }
  }
  return new RegistryError('REGISTRY_PROTOCOL', `${what}: request failed`, { cause: err })
}

/**
 * A failed HTTPS connection whose cause is TLS, in words that lead to the fix: an untrusted
 * certificate used to end (after the loopback http fallback) as a bare "HTTP 400", and a
 * plain-HTTP registry as OpenSSL's ERR_SSL_WRONG_VERSION_NUMBER.
 */
function tlsRegistryError(err: TransportError, req: RegistryRequest): RegistryError | undefined {
  const tls = tlsFailure(err)
  if (tls === undefined) return undefined
  const { what, url } = req
  const host = url.host
  const caRemedy = `if ${host} uses a private CA, give Node its certificate: set NODE_EXTRA_CA_CERTS to a PEM file holding it in the step's env (or the CLI's environment); do not turn TLS verification off`
  switch (tls.kind) {
    case 'untrusted':
      return new RegistryError(
        'REGISTRY_TLS',
        `${what}: the TLS certificate of ${host} is not trusted (${tls.code}): it does not chain to a CA this process trusts`,
        { cause: err, remedy: caRemedy },
      )
    case 'expired':
      return new RegistryError(
        'REGISTRY_TLS',
        `${what}: the TLS certificate of ${host} is expired or not yet valid (${tls.code})`,
        { cause: err, remedy: `renew the TLS certificate of ${host}` },
      )
    case 'hostname':
      return new RegistryError(
        'REGISTRY_TLS',
        `${what}: the TLS certificate of ${host} does not name ${url.hostname} (${tls.code})`,
        {
          cause: err,
          remedy: `use the host name the certificate was issued for, or reissue it with ${url.hostname} in its subjectAltName`,
        },
      )
    case 'not-tls':
      return new RegistryError(
        'INSECURE_REGISTRY',
        `${what}: ${host} does not speak TLS (${tls.code}): it looks like a plain-HTTP registry, which is used only for loopback hosts and hosts listed in insecure-registries`,
        {
          cause: err,
          remedy: `list ${host} in insecure-registries (CLI: --insecure-registries ${host}) to use plain HTTP, or serve it over https`,
        },
      )
  }
}

/** What to do when a registry wants credentials and none were found. */
function loginRemedy(registry: string): string {
  return `log in to ${registry} (docker/login-action, docker login) or pass registry-username and registry-password (CLI: --registry-username, --registry-password)`
}

export function createSession(options: SessionOptions): Session {
  const { transport, logger } = options
  const now = options.now ?? Date.now
  const insecure = new Set(
    (options.insecureRegistries ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean),
  )
  const hosts = new Map<string, HostState>()
  const tokensInFlight = new Set<Promise<Token>>()

  function allowInsecure(host: string): boolean {
    const h = host.toLowerCase()
    return isLoopback(h) || insecure.has(h) || insecure.has(h.replace(/:\d+$/, ''))
  }

  function guardUrl(url: URL): void {
    if (url.protocol === 'https:') return
    if (url.protocol === 'http:') {
      if (allowInsecure(url.host)) return
      throw new RegistryError(
        'INSECURE_REGISTRY',
        `refusing plain HTTP to ${url.host}: only loopback hosts and listed insecure registries may use http`,
        {
          remedy: `serve ${url.host} over https, or list ${url.host} in insecure-registries (CLI: --insecure-registries)`,
        },
      )
    }
    throw new RegistryError(
      'REGISTRY_PROTOCOL',
      `unsupported URL scheme ${url.protocol} for ${url.host}`,
    )
  }

  function state(registry: string): HostState {
    const host = apiHost(registry)
    let s = hosts.get(host)
    if (s === undefined) {
      s = { registry, host, tokens: new Map() }
      hosts.set(host, s)
    }
    return s
  }

  async function call(
    req: RegistryRequest,
    authorization: string | undefined,
    retry = req.retry,
  ): Promise<HttpResponse> {
    guardUrl(req.url)
    try {
      return await transport.request({
        method: req.method,
        url: req.url,
        headers: { ...req.headers, ...(authorization === undefined ? {} : { authorization }) },
        ...(req.body === undefined ? {} : { body: req.body }),
        ...(req.maxBytes === undefined ? {} : { maxBytes: req.maxBytes }),
        ...(req.followRedirects === undefined ? {} : { followRedirects: req.followRedirects }),
        ...(retry === undefined ? {} : { retry }),
        beforeRedirect: (_from, to) => guardUrl(to),
      })
    } catch (err) {
      throw mapTransportError(err, req)
    }
  }

  function rememberChallenge(s: HostState, res: HttpResponse): Challenge | undefined {
    const picked = pickChallenge(parseWwwAuthenticate(res.headers.get('www-authenticate') ?? ''))
    if (picked === undefined) return undefined
    const { realm, service } = picked.params
    s.challenge = {
      scheme: picked.scheme,
      params: {
        ...(realm === undefined ? {} : { realm }),
        ...(service === undefined ? {} : { service }),
      },
    }
    return picked
  }

  async function detectOrigin(s: HostState): Promise<string> {
    let firstError: unknown
    for (const scheme of ['https', 'http']) {
      const url = new URL(`${scheme}://${s.host}/v2/`)
      try {
        const res = await call(
          {
            method: 'GET',
            url,
            scopes: [],
            what: `probing ${url.origin}`,
            maxBytes: 64 * 1024,
            followRedirects: false,
          },
          undefined,
          false,
        )
        if (res.status === 401) rememberChallenge(s, res)
        logger.debug(`registry ${s.host}: using ${scheme} (GET /v2/ -> ${res.status})`)
        return url.origin
      } catch (err) {
        // A plain-HTTP registry fails the https probe as INSECURE_REGISTRY ("does not speak
        // TLS"): http is allowed for this host, so try it. A TLS certificate problem is not a
        // reason to drop to plain HTTP: REGISTRY_TLS stops here.
        if (!(
          err instanceof RegistryError &&
          (err.code === 'REGISTRY_UNAVAILABLE' || err.code === 'INSECURE_REGISTRY')
        ))
          throw err
        firstError ??= err
      }
    }
    throw new RegistryError(
      'REGISTRY_UNAVAILABLE',
      `registry ${s.host} answered neither https nor http on /v2/`,
      { cause: firstError },
    )
  }

  function credentialOf(s: HostState): Promise<Credential | undefined> {
    s.credential ??= (options.credentials?.(s.registry) ?? Promise.resolve(undefined)).catch(
      (err: unknown) => {
        s.credential = undefined
        throw err
      },
    )
    return s.credential
  }

  async function fetchToken(
    s: HostState,
    challenge: Challenge,
    scopes: string[],
    cred: Credential | undefined,
  ): Promise<Token> {
    let realm: URL
    try {
      realm = new URL(challenge.params.realm ?? '')
    } catch (err) {
      throw new RegistryError(
        'REGISTRY_AUTH',
        `registry ${s.host} sent a Bearer challenge whose realm is not a URL`,
        {
          cause: err,
        },
      )
    }
    if (realm.protocol === 'http:' && !allowInsecure(s.host)) {
      // The registry itself must use https: its credentials are not sent anywhere over plain HTTP,
      // not even to a loopback realm.
      throw new RegistryError(
        'INSECURE_REGISTRY',
        `registry ${s.host} named a plain-HTTP token realm ${redactUrl(realm)}; refusing to send credentials for an https registry over http`,
        { remedy: `serve the token realm of ${s.host} over https` },
      )
    }
    const what = `getting a token for ${s.registry} (${scopes.join(' ') || 'no scope'}) from ${redactUrl(realm)}`
    const service = challenge.params.service
    let res: HttpResponse
    let kind: string
    if (cred !== undefined && 'identityToken' in cred) {
      kind = 'identity (refresh) token'
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: cred.identityToken,
        client_id: CLIENT_ID,
      })
      if (service !== undefined) form.set('service', service)
      if (scopes.length > 0) form.set('scope', scopes.join(' '))
      res = await call(
        {
          method: 'POST',
          url: realm,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          maxBytes: TOKEN_RESPONSE_MAX,
          scopes: [],
          what,
        },
        undefined,
      )
    } else {
      const url = new URL(realm)
      if (service !== undefined) url.searchParams.set('service', service)
      for (const scope of scopes) url.searchParams.append('scope', scope)
      let authorization: string | undefined
      if (cred !== undefined && 'username' in cred && 'password' in cred) {
        kind = 'credentials'
        url.searchParams.set('account', cred.username)
        authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
      } else {
        kind = 'anonymous request'
      }
      res = await call(
        { method: 'GET', url, maxBytes: TOKEN_RESPONSE_MAX, scopes: [], what },
        authorization,
      )
    }
    if (res.status === 401 || res.status === 403) {
      throw new RegistryError(
        'REGISTRY_AUTH',
        `token server ${redactUrl(realm)} refused the ${kind} for ${s.registry}: HTTP ${res.status}`,
        {
          status: res.status,
          remedy: `check the credentials for ${s.registry} (docker login, or registry-username and registry-password)`,
        },
      )
    }
    if (res.status !== 200) throw responseError(res, 'REGISTRY_AUTH', what)
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown }
    try {
      body = res.json()
    } catch (err) {
      throw new RegistryError('REGISTRY_AUTH', `${what}: the token response is not JSON`, {
        cause: err,
      })
    }
    const token =
      typeof body?.access_token === 'string' && body.access_token ? body.access_token : body?.token
    if (typeof token !== 'string' || token === '') {
      throw new RegistryError(
        'REGISTRY_AUTH',
        `${what}: the token response has no "token" or "access_token"`,
      )
    }
    const expiresIn =
      typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60
    return { token, expiresAt: now() + Math.max(1, expiresIn - 10) * 1000 }
  }

  async function authorizationFor(
    s: HostState,
    scopes: string[],
    fresh: boolean,
  ): Promise<string | undefined> {
    const challenge = s.challenge
    if (challenge === undefined) return undefined
    if (challenge.scheme === 'basic') {
      const cred = await credentialOf(s)
      if (cred !== undefined && 'username' in cred && 'password' in cred) {
        return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
      }
      return undefined
    }
    if (challenge.scheme !== 'bearer') return undefined
    const cred = await credentialOf(s)
    if (cred !== undefined && 'registryToken' in cred) return `Bearer ${cred.registryToken}`
    const merged = mergeScopes(scopes)
    const key = merged.join(' ')
    const cached = s.tokens.get(key)
    // Requests answered 401 together (images of one job starting at once) share one token fetch.
    if (cached !== undefined && (!fresh || tokensInFlight.has(cached))) {
      const t = await cached.catch(() => undefined)
      if (t !== undefined && t.expiresAt > now()) return `Bearer ${t.token}`
    }
    const pending = fetchToken(s, challenge, merged, cred)
    s.tokens.set(key, pending)
    tokensInFlight.add(pending)
    pending
      .catch(() => {
        if (s.tokens.get(key) === pending) s.tokens.delete(key)
      })
      .finally(() => tokensInFlight.delete(pending))
    return `Bearer ${(await pending).token}`
  }

  /** The registry's origin when it is fixed (https hosts) or already decided; else undefined. */
  function knownOrigin(s: HostState): string | undefined {
    return allowInsecure(s.host) ? s.origin : `https://${s.host}`
  }

  /** Where URLs are built: the known origin, the decision in flight, or https to try first. */
  async function originOf(s: HostState): Promise<string> {
    const known = knownOrigin(s)
    if (known !== undefined) return known
    const decided = s.deciding === undefined ? undefined : await s.deciding.catch(() => undefined)
    return decided ?? `https://${s.host}`
  }

  /** `req` on `origin` when it was built on the registry's host with the https tried first. */
  function onOrigin(s: HostState, req: RegistryRequest, origin: string): RegistryRequest {
    if (req.url.origin === origin || req.url.host.toLowerCase() !== s.host.toLowerCase()) return req
    if (req.url.protocol !== 'https:') return req
    const url = new URL(req.url)
    url.protocol = new URL(origin).protocol
    return { ...req, url }
  }

  /**
   * A loopback or listed insecure host may serve https or plain http. Rather than a `GET /v2/` that
   * decides nothing else, the first GET or HEAD to the host is sent over https once, without
   * retries; if https does not answer at all (a plain-HTTP server cannot complete a TLS handshake,
   * so it never saw the request), the host is http and the request goes over http. A first request
   * that is a write instead waits for the `GET /v2/` probe: a write is never sent twice. Requests
   * made meanwhile wait for the decision.
   *
   * When the first read carries no credentials, its plain-HTTP copy is sent at the same time as the
   * https one (as happy eyeballs races address families), so a plain-HTTP registry costs one round
   * trip, not two: the usual `registry:2` service container on localhost in CI. https still decides:
   * the http answer is used only when https failed in the way a plain-HTTP server makes it fail, and
   * is thrown away when https answered (a TLS server answers plain HTTP with a 400 of its own). A
   * read with credentials is never raced: they would go over plain HTTP to a host that speaks TLS.
   */
  async function decideScheme(
    s: HostState,
    req: RegistryRequest,
    authorization: string | undefined,
  ): Promise<{
    req: RegistryRequest
    res?: HttpResponse
    decidedHttp?: boolean
    /** The plain-HTTP copy sent beside the https attempt, when it was raced. */
    raced?: Promise<HttpResponse>
  }> {
    for (;;) {
      const known = knownOrigin(s)
      if (known !== undefined) return { req: onOrigin(s, req, known) }
      if (s.deciding !== undefined) {
        const decided = await s.deciding.catch(() => undefined)
        if (decided !== undefined) return { req: onOrigin(s, req, decided) }
        continue
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        s.deciding = detectOrigin(s).then((origin) => (s.origin = origin))
        s.deciding.catch(() => undefined).finally(() => (s.deciding = undefined))
        continue
      }
      let settle: (origin: string | undefined) => void = () => undefined
      s.deciding = new Promise<string | undefined>((resolve) => (settle = resolve)).then(
        (origin) => origin ?? Promise.reject(new Error('undecided')),
      )
      s.deciding.catch(() => undefined)
      const https = onOrigin(s, req, `https://${s.host}`)
      const raced =
        authorization === undefined
          ? call(onOrigin(s, req, `http://${s.host}`), undefined)
          : undefined
      raced?.catch(() => undefined)
      try {
        const res = await call(https, authorization, false)
        s.origin = `https://${s.host}`
        logger.debug(`registry ${s.host}: using https (${req.method} -> ${res.status})`)
        return { req: https, res }
      } catch (err) {
        // As for the /v2/ probe: a plain-HTTP server fails https as INSECURE_REGISTRY ("does not
        // speak TLS") and http is allowed here; a TLS certificate problem (REGISTRY_TLS) is no
        // reason to drop to plain HTTP.
        if (!httpMayAnswer(err)) {
          settle(undefined)
          throw err
        }
        s.origin = `http://${s.host}`
        logger.debug(
          `registry ${s.host}: https does not answer (${err instanceof Error ? err.message : String(err)}); using http`,
        )
        return {
          req: onOrigin(s, req, s.origin),
          decidedHttp: true,
          ...(raced === undefined ? {} : { raced }),
        }
      } finally {
        settle(s.origin)
        s.deciding = undefined
      }
    }
  }

  /** https failed in a way that plain HTTP may not: unreachable, or not speaking TLS at all. */
  function httpMayAnswer(err: unknown): boolean {
    return (
      err instanceof RegistryError &&
      (err.code === 'REGISTRY_UNAVAILABLE' || err.code === 'INSECURE_REGISTRY')
    )
  }

  /**
   * The first http request after https failed (or its copy raced beside https): when http fails
   * too, the host stays undecided.
   */
  async function firstHttpCall(
    s: HostState,
    req: RegistryRequest,
    authorization: string | undefined,
    raced: Promise<HttpResponse> | undefined,
  ): Promise<HttpResponse> {
    try {
      return await (raced ?? call(req, authorization))
    } catch (err) {
      if (!(err instanceof RegistryError && err.code === 'REGISTRY_UNAVAILABLE')) throw err
      s.origin = undefined
      throw new RegistryError(
        'REGISTRY_UNAVAILABLE',
        `${req.what}: registry ${s.host} answered neither https nor http`,
        { cause: err },
      )
    }
  }

  function probeReferrers(
    s: HostState,
    probe: () => Promise<unknown>,
  ): Promise<ReferrersCapability | undefined> {
    if (s.referrers !== undefined) return Promise.resolve(s.referrers)
    s.referrersProbe ??= probe()
      .then(() => s.referrers)
      .finally(() => (s.referrersProbe = undefined))
    return s.referrersProbe
  }

  return {
    logger,
    guardUrl,
    origin: (registry) => originOf(state(registry)),
    referrersCapability: (registry) => state(registry).referrers,
    setReferrersCapability(registry, value) {
      const s = state(registry)
      if (s.referrers !== value) logger.debug(`registry ${s.host}: referrers API ${value}`)
      s.referrers = value
    },
    probeReferrers: (registry, probe) => probeReferrers(state(registry), probe),
    referrersProbeInFlight: (registry) => state(registry).referrersProbe,
    async send(registry, req) {
      const s = state(registry)
      // Credentials belong to the registry's origin: a URL the registry handed out on another
      // origin (an upload Location, storage) gets none, and its 401 is not answered.
      if (req.url.host.toLowerCase() !== s.host.toLowerCase()) return call(req, undefined)
      const initial = await authorizationFor(s, req.scopes, false)
      const first = await decideScheme(s, req, initial)
      const origin = knownOrigin(s) ?? first.req.url.origin
      if (first.req.url.origin !== origin) return call(first.req, undefined)
      req = first.req
      let res =
        first.res ??
        (first.decidedHttp === true
          ? await firstHttpCall(s, req, initial, first.raced)
          : await call(req, initial))
      if (res.status !== 401) return res
      // A 401 from where a redirect led (blob storage) is not the registry's challenge.
      if (new URL(res.url).origin !== origin) return res
      const picked = rememberChallenge(s, res)
      if (picked === undefined) {
        throw responseError(
          res,
          'REGISTRY_AUTH',
          `${req.what}: ${s.host} asked for authentication without a usable WWW-Authenticate challenge`,
        )
      }
      let scopes = req.scopes
      if (picked.scheme === 'bearer' && picked.params.scope !== undefined) {
        scopes = mergeScopes([...scopes, picked.params.scope])
      }
      const authorization = await authorizationFor(s, scopes, true)
      if (authorization === undefined) {
        throw new RegistryError(
          'REGISTRY_AUTH',
          `${req.what}: ${s.host} requires ${picked.scheme} authentication and no credentials were found for ${s.registry}`,
          {
            status: 401,
            remedy: loginRemedy(s.registry),
          },
        )
      }
      if (scopes !== req.scopes) {
        const token = s.tokens.get(mergeScopes(scopes).join(' '))
        if (token !== undefined) s.tokens.set(mergeScopes(req.scopes).join(' '), token)
      }
      res = await call(req, authorization)
      if (res.status === 401 && new URL(res.url).origin === origin) {
        const again = pickChallenge(parseWwwAuthenticate(res.headers.get('www-authenticate') ?? ''))
        const why =
          again?.params.error === 'insufficient_scope'
            ? ` (insufficient scope: ${again.params.scope ?? scopes.join(' ')})`
            : ''
        const cred = await credentialOf(s)
        const err = responseError(
          res,
          'REGISTRY_AUTH',
          `${req.what}: ${s.host} refused the ${cred === undefined ? 'anonymous' : 'authenticated'} request${why}`,
        )
        throw new RegistryError(err.code, err.message, {
          ...(err.status === undefined ? {} : { status: err.status }),
          ...(err.registryCode === undefined ? {} : { registryCode: err.registryCode }),
          remedy:
            cred === undefined
              ? loginRemedy(s.registry)
              : `check that the credentials for ${s.registry} may ${why ? 'do this' : 'access this repository'}`,
        })
      }
      return res
    },
  }
}
