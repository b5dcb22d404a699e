/**
 * The only module that talks HTTP. Everything networked (registry, TSA, Artifact Signing, OCSP/CRL)
 * goes through a `Transport`, so tests can count round trips and fakes can stand in.
 *
 * - keep-alive from one process-wide undici pool (src/net/dispatcher.ts), which also routes
 *   through the runner's proxy variables and accepts response headers up to 128 KiB;
 * - per-attempt timeouts; bounded response bodies (read as a stream, aborted past the cap);
 * - retries with exponential backoff for connection errors, 408, 429 and 5xx (not 501/505),
 *   honouring `Retry-After` (seconds or HTTP date) and `retry-after-ms`;
 * - redirects followed by hand so that `Authorization` never crosses to another origin;
 * - URLs are logged without their query string (blob redirects carry signed query tokens).
 */
import { fetch as undiciFetch } from 'undici'
import { ActionError } from '../errors.js'
import type { Logger } from '../log.js'
import { createDispatcherPool, type DispatcherPool, type Route } from './dispatcher.js'

export type TransportCode = 'NETWORK' | 'TIMEOUT' | 'RESPONSE_TOO_LARGE' | 'TOO_MANY_REDIRECTS'
export class TransportError extends ActionError<TransportCode> {}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string | URL
  headers?: Record<string, string>
  body?: Uint8Array | string
  /** Per-attempt timeout; default from the transport options. */
  timeoutMs?: number
  /** Cap on the response body; default from the transport options. */
  maxBytes?: number
  /** Retry on transient failures (default true). */
  retry?: boolean
  /** Follow redirects (default true). Authorization is dropped when a hop changes origin. */
  followRedirects?: boolean
  /**
   * Called before each redirect hop is followed; throwing stops the request with that error
   * (used to refuse a redirect to plain HTTP on a host that is not allowed to be insecure).
   */
  beforeRedirect?: (from: URL, to: URL) => void
}

export interface HttpResponse {
  status: number
  headers: Headers
  body: Uint8Array
  /** The final URL after redirects. */
  url: string
  text(): string
  json<T = unknown>(): T
}

export interface RequestEvent {
  method: string
  /** origin + path, no query. */
  url: string
  status: number | 'error'
  attempt: number
  durationMs: number
}

export interface TransportOptions {
  timeoutMs?: number
  maxBytes?: number
  maxAttempts?: number
  /** First backoff delay; doubled per attempt, with jitter. */
  baseDelayMs?: number
  /** Longest single wait, including a server's Retry-After. */
  maxDelayMs?: number
  userAgent?: string
  logger?: Logger
  /** Called after every attempt, for benchmarks and tests that count round trips. */
  onRequest?: (event: RequestEvent) => void
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>
  /** Injected for tests; it then gets no dispatcher (no pool, no proxy). */
  fetchImpl?: typeof fetch
}

export interface Transport {
  request(req: HttpRequest): Promise<HttpResponse>
  /**
   * Opens a connection to `url`'s origin now, for a request that will follow (a TLS handshake
   * overlapped with other work instead of waited for). A hint: never throws, may do nothing
   * (proxied routes, injected fetch).
   */
  preconnect?(url: string | URL): void
}

const DEFAULTS = {
  timeoutMs: 30_000,
  maxBytes: 4 * 1024 * 1024,
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
}
const MAX_REDIRECTS = 5

export const USER_AGENT = 'oci-notary-action/0.1'

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505)
}

/** Parses `retry-after-ms`, `x-ms-retry-after-ms` or `Retry-After` (delta-seconds or HTTP-date). */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = headers.get(name)
    if (v !== null && /^\d+$/.test(v.trim())) return Number(v.trim())
  }
  const v = headers.get('retry-after')
  if (v === null) return undefined
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000
  const date = Date.parse(v)
  if (!Number.isNaN(date)) return Math.max(0, date - now)
  return undefined
}

/** origin + path of a URL: what we log. */
export function redactUrl(url: string | URL): string {
  try {
    const u = new URL(url)
    return `${u.origin}${u.pathname}`
  } catch {
    return '<invalid url>'
  }
}

function responseOf(status: number, headers: Headers, body: Uint8Array, url: string): HttpResponse {
  return {
    status,
    headers,
    body,
    url,
    text: () => new TextDecoder().decode(body),
    json: <T>() => JSON.parse(new TextDecoder().decode(body)) as T,
  }
}

async function readBounded(res: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const declared = res.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) {
    await res.body?.cancel().catch(() => undefined)
    throw new TransportError(
      'RESPONSE_TOO_LARGE',
      `${what}: response of ${declared} bytes exceeds the limit of ${maxBytes} bytes`,
    )
  }
  if (res.body === null) return new Uint8Array(0)
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>
    try {
      chunk = await reader.read()
    } catch (err) {
      // A reset in the middle of a body is as transient as one before the headers.
      throw new TransportError(
        'NETWORK',
        `${what}: reading the response failed: ${networkReason(err)}`,
        {
          cause: err,
        },
      )
    }
    const { done, value } = chunk
    if (done) {
      // The stream ends a tick before undici frees the connection: a request sent at once would
      // open another one.
      await new Promise<void>((resolve) => setImmediate(resolve))
      break
    }
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new TransportError(
        'RESPONSE_TOO_LARGE',
        `${what}: response exceeds the limit of ${maxBytes} bytes`,
      )
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.byteLength
  }
  return out
}

/** Bytes of a body read to its end to keep the connection; a longer one is cancelled instead. */
const DISCARD_LIMIT = 64 * 1024

/**
 * Ends a response body we do not need (HEAD, redirect) so that the keep-alive connection goes back
 * to the pool: read if short, cancelled (the connection closed) if long or failing.
 */
async function discardBody(res: Response): Promise<void> {
  if (res.body === null) {
    // A HEAD answer resolves fetch with its headers, a tick before undici frees the connection:
    // a request sent at once would open another one.
    await new Promise<void>((resolve) => setImmediate(resolve))
    return
  }
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > DISCARD_LIMIT) {
    await res.body.cancel().catch(() => undefined)
    return
  }
  const reader = res.body.getReader()
  try {
    for (let total = 0; ;) {
      const { done, value } = await reader.read()
      if (done) return
      total += value.byteLength
      if (total > DISCARD_LIMIT) {
        await reader.cancel().catch(() => undefined)
        return
      }
    }
  } catch {
    await reader.cancel().catch(() => undefined)
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

// One pool per process, like Node's global dispatcher: every client shares its connections.
let sharedPool: DispatcherPool | undefined
const proxiesLogged = new Set<string>()

export function createTransport(options: TransportOptions = {}): Transport {
  const opts = { ...DEFAULTS, ...options }
  const sleep = options.sleep ?? defaultSleep
  const pool = options.fetchImpl ? undefined : (sharedPool ??= createDispatcherPool())
  // undici's fetch and Node's share the WHATWG types; only the declarations differ.
  const doFetch = options.fetchImpl ?? (undiciFetch as unknown as typeof fetch)
  const userAgent = options.userAgent ?? USER_AGENT

  function routeFor(url: URL): Route | undefined {
    const route = pool?.routeFor(url)
    if (route?.proxy !== undefined && !proxiesLogged.has(route.proxy)) {
      proxiesLogged.add(route.proxy)
      options.logger?.info(`using proxy ${route.proxy} for ${url.protocol}// requests`)
    }
    return route
  }

  async function once(
    req: HttpRequest,
    url: URL,
    headers: Record<string, string>,
    method: string,
    body: Uint8Array | string | undefined,
  ): Promise<Response> {
    const timeoutMs = req.timeoutMs ?? opts.timeoutMs
    const route = routeFor(url)
    const via = route?.proxy === undefined ? '' : ` (via proxy ${route.proxy})`
    try {
      const init: RequestInit & { dispatcher?: unknown } = {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : Buffer.from(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        ...(route === undefined ? {} : { dispatcher: route.dispatcher }),
      }
      return await doFetch(url, init)
    } catch (err) {
      const name = (err as { name?: string }).name
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new TransportError(
          'TIMEOUT',
          `${method} ${redactUrl(url)}${via} timed out after ${timeoutMs} ms`,
          { cause: err },
        )
      }
      throw new TransportError(
        'NETWORK',
        `${method} ${redactUrl(url)}${via} failed: ${networkReason(err)}`,
        { cause: err },
      )
    }
  }

  async function attemptWithRedirects(req: HttpRequest): Promise<HttpResponse> {
    let url = new URL(req.url)
    let method: string = req.method
    let body = req.body
    const startOrigin = url.origin
    const headers: Record<string, string> = { 'user-agent': userAgent, ...req.headers }
    const maxBytes = req.maxBytes ?? opts.maxBytes
    for (let hop = 0; ; hop++) {
      const res = await once(req, url, headers, method, body)
      const location = res.headers.get('location')
      const isRedirect = [301, 302, 303, 307, 308].includes(res.status) && location !== null
      if (!isRedirect || req.followRedirects === false) {
        // A HEAD answer is consumed too: undici returns a connection to the pool only after its
        // response body has ended, so an unread one would cost a new connection next time.
        const bytes =
          method === 'HEAD'
            ? (await discardBody(res), new Uint8Array(0))
            : await readBounded(res, maxBytes, `${method} ${redactUrl(url)}`)
        return responseOf(res.status, res.headers, bytes, url.toString())
      }
      await discardBody(res)
      if (hop >= MAX_REDIRECTS) {
        throw new TransportError(
          'TOO_MANY_REDIRECTS',
          `${req.method} ${redactUrl(req.url)}: more than ${MAX_REDIRECTS} redirects`,
        )
      }
      const next = new URL(location, url)
      req.beforeRedirect?.(url, next)
      if (next.origin !== startOrigin) {
        // Credentials are scoped to the origin they were issued for (style.md pattern 8).
        for (const k of Object.keys(headers)) {
          if (k.toLowerCase() === 'authorization' || k.toLowerCase() === 'cookie') delete headers[k]
        }
      }
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET'
        body = undefined
      }
      url = next
    }
  }

  return {
    preconnect(url) {
      try {
        pool?.preconnect(new URL(url))
      } catch (err) {
        options.logger?.debug(`preconnect ${redactUrl(url)}: ${String(err)}`)
      }
    },
    async request(req: HttpRequest): Promise<HttpResponse> {
      const maxAttempts = req.retry === false ? 1 : opts.maxAttempts
      for (let attempt = 1; ; attempt++) {
        const started = Date.now()
        let res: HttpResponse | undefined
        let error: unknown
        try {
          res = await attemptWithRedirects(req)
        } catch (err) {
          error = err
        }
        const event: RequestEvent = {
          method: req.method,
          url: redactUrl(req.url),
          status: res?.status ?? 'error',
          attempt,
          durationMs: Date.now() - started,
        }
        opts.onRequest?.(event)
        options.logger?.debug(
          `http ${event.method} ${event.url} -> ${event.status} (attempt ${attempt}, ${event.durationMs} ms)`,
        )
        const transientError =
          error instanceof TransportError && (error.code === 'NETWORK' || error.code === 'TIMEOUT')
        const transientStatus = res !== undefined && isRetryableStatus(res.status)
        if ((!transientError && !transientStatus) || attempt >= maxAttempts) {
          if (error !== undefined) throw error
          return res as HttpResponse
        }
        const backoff = Math.min(
          opts.maxDelayMs,
          opts.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5),
        )
        const hinted = res === undefined ? undefined : retryAfterMs(res.headers)
        await sleep(Math.min(opts.maxDelayMs, hinted ?? backoff))
      }
    },
  }
}

/**
 * The innermost error's code (ECONNREFUSED, UND_ERR_HEADERS_OVERFLOW, ...) or, when the code says
 * nothing by itself, its message: fetch wraps socket errors once or twice, and a proxy's refusal
 * arrives as UND_ERR_ABORTED with "Proxy response (407) ..." only in the message.
 */
function networkReason(err: unknown): string {
  let innermost: unknown = err
  for (let depth = 0; depth < 5; depth++) {
    const cause = (innermost as { cause?: unknown } | undefined)?.cause
    if (cause === undefined || cause === null) break
    innermost = cause
  }
  const { code, message } = innermost as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && code !== 'UND_ERR_ABORTED') return code
  if (typeof message === 'string' && message !== '') return message
  return err instanceof Error ? err.message : String(err)
}
