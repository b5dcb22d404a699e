/**
 * The RFC 3161 client (notary-spec.md §4.1): POSTs a TimeStampReq to the TSA over the injected
 * Transport, requires `200` + `application/timestamp-reply` and a body ≤ 1 MiB, retries transient
 * failures (connection errors, timeouts, 408/429/5xx) with backoff, then falls over to the next
 * URL. Every token is fully verified before it is returned (notation verifies at signing too):
 * nonce, imprint and hash, SigningCertificateV2, signature, the chain to the given TSA roots, the
 * §3.3 profile, and genTime against the local clock. No token leaves here unverified.
 *
 * Logs only the TSA URL (origin + path) and genTime.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto'
import { silentLogger, type Logger } from '../log.js'
import {
  TransportError,
  isRetryableStatus,
  redactUrl,
  retryAfterMs,
  type HttpResponse,
  type Transport,
} from '../net/transport.js'
import type { HashAlgorithm } from '../signer/signer.js'
import { TimestampError } from './errors.js'
import { NONCE_BYTES, createTimestampRequest, type TimestampRequest } from './request.js'
import { timestampTokenFromResponse } from './token.js'
import type { Timestamper } from './types.js'
import { verifyTimestampToken, type VerifiedTimestamp } from './verify.js'

export const TIMESTAMP_QUERY = 'application/timestamp-query'
export const TIMESTAMP_REPLY = 'application/timestamp-reply'
/** tspclient-go's response cap. */
export const MAX_RESPONSE_BYTES = 1024 * 1024
export const DEFAULT_TIMEOUT_MS = 15_000
export const DEFAULT_MAX_ATTEMPTS = 3
/** How far genTime may be from the local clock at signing (plus the token's accuracy). */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60_000

export interface TimestamperOptions {
  /** TSA URLs: the first is the primary, the rest are fallbacks tried in order. */
  urls: readonly string[]
  /** Trusted TSA roots (DER); a token must chain to one of them. */
  roots: readonly Uint8Array[]
  /** With no roots, check every token except its anchor (see VerifyTimestampOptions). */
  allowUnanchored?: boolean
  transport: Transport
  logger?: Logger
  /** Per-attempt HTTP timeout; default 15 s. */
  timeoutMs?: number
  /** Attempts per URL on transient failures (network, timeout, 408/429/5xx); default 3. */
  maxAttempts?: number
  /** First backoff delay between attempts, doubled each time (a Retry-After wins); default 500 ms. */
  baseDelayMs?: number
  /** Longest wait between attempts; default 10 s. */
  maxDelayMs?: number
  /** Allowed |genTime − now| beyond the token's accuracy; default 5 min. */
  maxClockSkewMs?: number
  now?: () => Date
  randomBytes?: (size: number) => Uint8Array
  sleep?: (ms: number) => Promise<void>
}

export interface TimestampResult {
  /** The TimeStampToken (ContentInfo) exactly as the TSA sent it. */
  token: Uint8Array
  info: VerifiedTimestamp
  /** The TSA that answered (origin + path). */
  url: string
}

export interface TimestampClient extends Timestamper {
  /** Like `timestamp`, also returning the verified token's details and which TSA answered. */
  timestampWithInfo(message: Uint8Array, hash: HashAlgorithm): Promise<TimestampResult>
}

function checkUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch (err) {
    throw new TimestampError(
      'TSA_REQUEST',
      `timestamp URL "${redactUrl(url)}" is not a valid URL`,
      {
        cause: err,
      },
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TimestampError(
      'TSA_REQUEST',
      `timestamp URL ${redactUrl(url)}: scheme must be http or https, but got "${parsed.protocol.replace(/:$/, '')}"`,
    )
  }
  if (parsed.hostname === '') {
    throw new TimestampError('TSA_REQUEST', `timestamp URL ${redactUrl(url)}: host cannot be empty`)
  }
  return parsed
}

function mediaType(value: string | null): string {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/** An attempt's failure, and whether trying the same URL again could help. */
interface AttemptFailure {
  error: TimestampError
  transient: boolean
  retryAfter?: number
}

function transportFailure(err: unknown, url: string): AttemptFailure {
  if (err instanceof TransportError) {
    switch (err.code) {
      case 'TIMEOUT':
        return {
          error: new TimestampError(
            'TSA_TIMEOUT',
            `POST ${url}: timestamp authority did not answer in time`,
            {
              cause: err,
              url,
            },
          ),
          transient: true,
        }
      case 'RESPONSE_TOO_LARGE':
        return {
          error: new TimestampError(
            'TSA_RESPONSE_INVALID',
            `POST ${url}: unexpected large http response, max response body size allowed is 1 MiB`,
            { cause: err, url },
          ),
          transient: false,
        }
      case 'NETWORK':
        return {
          error: new TimestampError(
            'TSA_HTTP',
            `POST ${url}: cannot reach the timestamp authority`,
            {
              cause: err,
              url,
            },
          ),
          transient: true,
        }
      default:
        return {
          error: new TimestampError('TSA_HTTP', `POST ${url}: request failed`, { cause: err, url }),
          transient: false,
        }
    }
  }
  return {
    error: new TimestampError('TSA_HTTP', `POST ${url}: request failed`, { cause: err, url }),
    transient: false,
  }
}

/** Wraps a response/token failure with the TSA it came from, keeping the code (style.md §4.3). */
function withUrl(err: unknown, url: string): TimestampError {
  const code = err instanceof TimestampError ? err.code : 'TSA_RESPONSE_INVALID'
  return new TimestampError(code, `the response of timestamp authority ${url} was refused`, {
    cause: err,
    url,
  })
}

/** Creates the RFC 3161 client. Throws TSA_REQUEST when the options are unusable. */
export function createTimestamper(options: TimestamperOptions): TimestampClient {
  if (options.urls.length === 0) {
    throw new TimestampError('TSA_REQUEST', 'no timestamp URL was given')
  }
  const urls = options.urls.map(checkUrl)
  if (options.roots.length === 0 && options.allowUnanchored !== true) {
    throw new TimestampError(
      'TSA_REQUEST',
      'no TSA root certificate was given; a timestamp URL needs the TSA root certificate to verify tokens',
    )
  }
  const logger = options.logger ?? silentLogger
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
  const baseDelayMs = options.baseDelayMs ?? 500
  const maxDelayMs = options.maxDelayMs ?? 10_000
  const maxClockSkewMs = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS
  const now = options.now ?? (() => new Date())
  const random = options.randomBytes ?? ((n: number) => new Uint8Array(nodeRandomBytes(n)))
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))

  async function attempt(
    url: URL,
    request: TimestampRequest,
    message: Uint8Array,
  ): Promise<TimestampResult> {
    const shown = redactUrl(url)
    let res: HttpResponse
    try {
      res = await options.transport.request({
        method: 'POST',
        url,
        headers: { 'content-type': TIMESTAMP_QUERY, accept: TIMESTAMP_REPLY },
        body: request.der,
        timeoutMs,
        maxBytes: MAX_RESPONSE_BYTES,
        retry: false,
      })
    } catch (err) {
      throw transportFailure(err, shown)
    }
    if (res.status !== 200) {
      const hinted = retryAfterMs(res.headers)
      throw {
        error: new TimestampError(
          'TSA_HTTP',
          `POST ${shown}: https response bad status: ${res.status}`,
          { url: shown },
        ),
        transient: isRetryableStatus(res.status),
        ...(hinted !== undefined ? { retryAfter: hinted } : {}),
      } satisfies AttemptFailure
    }
    const type = mediaType(res.headers.get('content-type'))
    if (type !== TIMESTAMP_REPLY) {
      throw {
        error: new TimestampError(
          'TSA_HTTP',
          `POST ${shown}: unexpected response content type: "${type}", expected ${TIMESTAMP_REPLY}`,
          { url: shown },
        ),
        transient: false,
      } satisfies AttemptFailure
    }
    try {
      const token = timestampTokenFromResponse(res.body)
      const info = verifyTimestampToken({
        token,
        message,
        roots: options.roots,
        ...(options.allowUnanchored === true ? { allowUnanchored: true } : {}),
        nonce: request.nonce,
        expectedHash: request.hash,
        now: now(),
        maxClockSkewMs,
      })
      if (!info.tstInfo.genTimeUtc) {
        throw new TimestampError(
          'TSA_RESPONSE_INVALID',
          `TSTInfo genTime must be in UTC, got "${info.tstInfo.genTimeText}"`,
        )
      }
      return { token, info, url: shown }
    } catch (err) {
      throw { error: withUrl(err, shown), transient: false } satisfies AttemptFailure
    }
  }

  async function fromUrl(
    url: URL,
    request: TimestampRequest,
    message: Uint8Array,
  ): Promise<TimestampResult> {
    for (let n = 1; ; n++) {
      try {
        return await attempt(url, request, message)
      } catch (thrown) {
        const failure = thrown as AttemptFailure
        if (!failure.transient || n >= maxAttempts) throw failure.error
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1))
        const wait = Math.min(maxDelayMs, failure.retryAfter ?? backoff)
        logger.debug(
          `timestamp authority ${redactUrl(url)}: ${failure.error.code}, retrying in ${wait} ms (attempt ${n + 1} of ${maxAttempts})`,
        )
        await sleep(wait)
      }
    }
  }

  async function timestampWithInfo(
    message: Uint8Array,
    hash: HashAlgorithm,
  ): Promise<TimestampResult> {
    const request = createTimestampRequest({ message, hash, nonceRandom: random(NONCE_BYTES) })
    const failures: TimestampError[] = []
    for (const [i, url] of urls.entries()) {
      try {
        const result = await fromUrl(url, request, message)
        logger.info(`timestamped by ${result.url}: genTime ${result.info.genTime.toISOString()}`)
        return result
      } catch (err) {
        const error = err instanceof TimestampError ? err : withUrl(err, redactUrl(url))
        failures.push(error)
        const next = urls[i + 1]
        if (next !== undefined) {
          logger.warning(
            `timestamp authority ${redactUrl(url)} failed (${error.code}); trying ${redactUrl(next)}`,
            { title: 'Timestamp fallback' },
          )
        }
      }
    }
    const last = failures[failures.length - 1] as TimestampError
    if (failures.length === 1) throw last
    throw new TimestampError(
      last.code,
      `all ${failures.length} timestamp authorities failed: ${failures
        .map((f, i) => `${f.url ?? redactUrl(urls[i] as URL)} (${f.code})`)
        .join(', ')}; the last failure follows`,
      { cause: last },
    )
  }

  return {
    timestampWithInfo,
    async timestamp(message: Uint8Array, hash: HashAlgorithm): Promise<Uint8Array> {
      return (await timestampWithInfo(message, hash)).token
    },
    async prepare() {
      // The first TSA is the one asked first; its connection is opened while the job signs.
      options.transport.preconnect?.(urls[0] as URL)
    },
  }
}
