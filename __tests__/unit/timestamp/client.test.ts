/**
 * The RFC 3161 client over a fake Transport: HTTP contract, retries and backoff, URL fallback,
 * response verification before anything is returned, and what gets logged.
 */
import * as pkijs from 'pkijs'
import { beforeAll, describe, expect, it } from 'vitest'
import { recordingLogger } from '../../../src/log.js'
import {
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type Transport,
} from '../../../src/net/transport.js'
import {
  MAX_RESPONSE_BYTES,
  createTimestamper,
  type TimestamperOptions,
} from '../../../src/timestamp/client.js'
import { TimestampError } from '../../../src/timestamp/errors.js'
import { createTsaPki, type TsaPki } from '../../../testbed/pki.js'
import { httpResponse } from '../../helpers/http.js'
import { mintResponse, mintToken, type MintOptions } from './helpers/mint.js'

const MESSAGE = new TextEncoder().encode('signature bytes')
const NOW = new Date('2025-03-01T12:00:00Z')

let pki: TsaPki
let otherPki: TsaPki

beforeAll(async () => {
  pki = await createTsaPki({ name: 'Client Unit TSA' })
  otherPki = await createTsaPki({ name: 'Client Unit Other TSA' })
})

const response = (
  status: number,
  body: Uint8Array,
  headers: Record<string, string> = { 'content-type': 'application/timestamp-reply' },
): HttpResponse => httpResponse(status, body, headers, 'http://tsa.test/')

/** A TSA answering with a token for the request's imprint and nonce (overridable). */
function grant(
  req: HttpRequest,
  extra: Partial<MintOptions> = {},
  tsa: TsaPki = pki,
): HttpResponse {
  const tsq = pkijs.TimeStampReq.fromBER(req.body as Uint8Array)
  const hashOid = tsq.messageImprint.hashAlgorithm.algorithmId
  const hash =
    hashOid === '2.16.840.1.101.3.4.2.1'
      ? 'SHA-256'
      : hashOid === '2.16.840.1.101.3.4.2.2'
        ? 'SHA-384'
        : 'SHA-512'
  const token = mintToken({
    message: new Uint8Array(0),
    hash,
    imprintDigest: new Uint8Array(tsq.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonce: tsq.nonce?.toBigInt(),
    genTime: NOW,
    signers: [{ key: tsa.leaf.privateKey, cert: tsa.leaf.der }],
    ...extra,
  })
  return response(200, mintResponse(token))
}

type Handler = (req: HttpRequest, n: number) => HttpResponse | Promise<HttpResponse>

function fakeTransport(handlers: Record<string, Handler>): Transport & { calls: HttpRequest[] } {
  const calls: HttpRequest[] = []
  return {
    calls,
    async request(req) {
      calls.push(req)
      const url = new URL(req.url)
      const handler = handlers[`${url.origin}${url.pathname}`]
      if (!handler) throw new TransportError('NETWORK', `no route ${url.href}`)
      const n = calls.filter((c) => new URL(c.url).pathname === url.pathname).length
      return handler(req, n)
    },
  }
}

function client(transport: Transport, extra: Partial<TimestamperOptions> = {}) {
  const sleeps: number[] = []
  const logger = recordingLogger()
  const ts = createTimestamper({
    urls: ['http://tsa.test/'],
    roots: [pki.root.der],
    transport,
    logger,
    now: () => NOW,
    randomBytes: (n) => new Uint8Array(n).fill(0x42),
    sleep: async (ms) => void sleeps.push(ms),
    ...extra,
  })
  return { ts, sleeps, logger }
}

async function rejection(p: Promise<unknown>): Promise<TimestampError> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(TimestampError)
    return err as TimestampError
  }
  throw new Error('expected a rejection')
}

describe('createTimestamper', () => {
  it('POSTs a timestamp-query and returns the verified token exactly as sent', async () => {
    let sent: Uint8Array | undefined
    const transport = fakeTransport({
      'http://tsa.test/': (req) => {
        const res = grant(req)
        sent = pkijs.TimeStampResp.fromBER(res.body).timeStampToken?.toSchema().toBER() as never
        return res
      },
    })
    const { ts, logger } = client(transport)
    const result = await ts.timestampWithInfo(MESSAGE, 'SHA-384')
    expect(result.info.genTime).toEqual(NOW)
    expect(result.info.hashAlgorithm).toBe('SHA-384')
    expect(result.url).toBe('http://tsa.test/')
    expect(Buffer.from(result.token)).toEqual(Buffer.from(new Uint8Array(sent as never)))
    const [req] = transport.calls
    expect(req).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      timeoutMs: 15_000,
      maxBytes: MAX_RESPONSE_BYTES,
      retry: false,
    })
    // the nonce comes from the injected randomness
    const tsq = pkijs.TimeStampReq.fromBER(req?.body as Uint8Array)
    expect(tsq.nonce?.toBigInt()).toBe(BigInt(`0x42${'42'.repeat(19)}`))
    expect(tsq.certReq).toBe(true)
    expect(logger.lines).toEqual([
      'info: timestamped by http://tsa.test/: genTime 2025-03-01T12:00:00.000Z',
    ])
  })

  it('timestamp() returns the same token bytes', async () => {
    const { ts } = client(fakeTransport({ 'http://tsa.test/': (req) => grant(req) }))
    const token = await ts.timestamp(MESSAGE, 'SHA-256')
    expect(token[0]).toBe(0x30)
  })

  it('logs the URL without its query string', async () => {
    const transport = fakeTransport({ 'http://tsa.test/ts': (req) => grant(req) })
    const { ts, logger } = client(transport, { urls: ['http://tsa.test/ts?key=secret'] })
    await ts.timestamp(MESSAGE, 'SHA-256')
    expect(logger.lines.join('\n')).not.toContain('secret')
    expect(logger.lines).toEqual([
      'info: timestamped by http://tsa.test/ts: genTime 2025-03-01T12:00:00.000Z',
    ])
  })

  it('accepts a content type with parameters', async () => {
    const transport = fakeTransport({
      'http://tsa.test/': (req) => {
        const r = grant(req)
        return response(200, r.body, {
          'content-type': 'Application/Timestamp-Reply; charset=binary',
        })
      },
    })
    await client(transport).ts.timestamp(MESSAGE, 'SHA-256')
  })
})

describe('retries and fallback', () => {
  it('retries 503 with exponential backoff, then succeeds', async () => {
    const transport = fakeTransport({
      'http://tsa.test/': (req, n) => (n < 3 ? response(503, new Uint8Array(0)) : grant(req)),
    })
    const { ts, sleeps } = client(transport)
    await ts.timestamp(MESSAGE, 'SHA-256')
    expect(transport.calls).toHaveLength(3)
    expect(sleeps).toEqual([500, 1000])
  })

  it('honours Retry-After on 429', async () => {
    const transport = fakeTransport({
      'http://tsa.test/': (req, n) =>
        n === 1 ? response(429, new Uint8Array(0), { 'retry-after': '2' }) : grant(req),
    })
    const { ts, sleeps } = client(transport)
    await ts.timestamp(MESSAGE, 'SHA-256')
    expect(sleeps).toEqual([2000])
  })

  it('gives up after maxAttempts: TSA_HTTP', async () => {
    const transport = fakeTransport({ 'http://tsa.test/': () => response(500, new Uint8Array(0)) })
    const err = await rejection(
      client(transport, { maxAttempts: 2 }).ts.timestamp(MESSAGE, 'SHA-256'),
    )
    expect(err.code).toBe('TSA_HTTP')
    expect(err.message).toBe('POST http://tsa.test/: https response bad status: 500')
    expect(transport.calls).toHaveLength(2)
  })

  it('does not retry a 400', async () => {
    const transport = fakeTransport({ 'http://tsa.test/': () => response(400, new Uint8Array(0)) })
    const err = await rejection(client(transport).ts.timestamp(MESSAGE, 'SHA-256'))
    expect(err.code).toBe('TSA_HTTP')
    expect(transport.calls).toHaveLength(1)
  })

  it('a transport timeout is TSA_TIMEOUT and is retried', async () => {
    const transport = fakeTransport({
      'http://tsa.test/': () => {
        throw new TransportError('TIMEOUT', 'POST http://tsa.test/ timed out after 15000 ms')
      },
    })
    const err = await rejection(client(transport).ts.timestamp(MESSAGE, 'SHA-256'))
    expect(err.code).toBe('TSA_TIMEOUT')
    expect(err.cause).toBeInstanceOf(TransportError)
    expect(transport.calls).toHaveLength(3)
  })

  it('a body over 1 MiB is TSA_RESPONSE_INVALID', async () => {
    const transport = fakeTransport({
      'http://tsa.test/': () => {
        throw new TransportError('RESPONSE_TOO_LARGE', 'too large')
      },
    })
    const err = await rejection(client(transport).ts.timestamp(MESSAGE, 'SHA-256'))
    expect(err.code).toBe('TSA_RESPONSE_INVALID')
    expect(transport.calls).toHaveLength(1)
  })

  it('falls back to the next URL and says which one failed, with its code only', async () => {
    const transport = fakeTransport({
      'http://primary.test/': () => response(200, new TextEncoder().encode('garbage')),
      'http://backup.test/': (req) => grant(req),
    })
    const { ts, logger } = client(transport, {
      urls: ['http://primary.test/', 'http://backup.test/'],
    })
    const result = await ts.timestampWithInfo(MESSAGE, 'SHA-256')
    expect(result.url).toBe('http://backup.test/')
    expect(logger.lines).toEqual([
      'warning: timestamp authority http://primary.test/ failed (TSA_RESPONSE_INVALID); trying http://backup.test/',
      'info: timestamped by http://backup.test/: genTime 2025-03-01T12:00:00.000Z',
    ])
  })

  it('all URLs failing: the last code, every URL named, the last failure as cause', async () => {
    const transport = fakeTransport({
      'http://primary.test/': () => response(404, new Uint8Array(0)),
      'http://backup.test/': (req) => grant(req, {}, otherPki),
    })
    const { ts } = client(transport, { urls: ['http://primary.test/', 'http://backup.test/'] })
    const err = await rejection(ts.timestamp(MESSAGE, 'SHA-256'))
    expect(err.code).toBe('TSA_UNTRUSTED')
    expect(err.message).toBe(
      'all 2 timestamp authorities failed: http://primary.test/ (TSA_HTTP), http://backup.test/ (TSA_UNTRUSTED); the last failure follows',
    )
    expect((err.cause as TimestampError).code).toBe('TSA_UNTRUSTED')
  })
})

describe('nothing unverified is returned', () => {
  it.each([
    [
      'wrong content type',
      'TSA_HTTP',
      () => response(200, new Uint8Array(0), { 'content-type': 'text/html' }),
    ],
    [
      'rejected status',
      'TSA_STATUS',
      () => response(200, mintResponse(undefined, 2, { failBits: [0] })),
    ],
    ['garbage', 'TSA_RESPONSE_INVALID', () => response(200, new TextEncoder().encode('nope'))],
    ['another nonce', 'TSA_NONCE_MISMATCH', (req: HttpRequest) => grant(req, { nonce: 7n })],
    ['no nonce', 'TSA_NONCE_MISMATCH', (req: HttpRequest) => grant(req, { nonce: undefined })],
    [
      'another imprint',
      'TSA_IMPRINT_MISMATCH',
      (req: HttpRequest) => grant(req, { imprintDigest: new Uint8Array(32) }),
    ],
    [
      'another hash',
      'TSA_IMPRINT_MISMATCH',
      (req: HttpRequest) => grant(req, { hash: 'SHA-512', imprintDigest: new Uint8Array(64) }),
    ],
    ['untrusted TSA', 'TSA_UNTRUSTED', (req: HttpRequest) => grant(req, {}, otherPki)],
    [
      'genTime an hour old',
      'TSA_TIME',
      (req: HttpRequest) => grant(req, { genTime: new Date(NOW.getTime() - 3_600_000) }),
    ],
    [
      'genTime not in UTC',
      'TSA_RESPONSE_INVALID',
      (req: HttpRequest) => grant(req, { genTimeText: '20250301130000+0100' }),
    ],
    [
      'bad signature',
      'TSA_SIGNATURE_INVALID',
      (req: HttpRequest) =>
        grant(req, {
          signers: [{ key: pki.leaf.privateKey, cert: pki.leaf.der, corruptSignature: true }],
        }),
    ],
  ] as const)('%s: %s, not retried', async (_name, code, handler) => {
    const transport = fakeTransport({ 'http://tsa.test/': handler as Handler })
    const err = await rejection(client(transport).ts.timestamp(MESSAGE, 'SHA-256'))
    expect(err.code).toBe(code)
    expect(err.url).toBe('http://tsa.test/')
    expect(transport.calls).toHaveLength(1)
  })
})

describe('options', () => {
  it.each([
    ['no URL', { urls: [] }],
    ['not a URL', { urls: ['::nope'] }],
    ['ftp scheme', { urls: ['ftp://tsa.test/'] }],
    ['no roots', { roots: [] }],
  ] as const)('%s: TSA_REQUEST', (_name, extra) => {
    let caught: unknown
    try {
      client(fakeTransport({}), extra as Partial<TimestamperOptions>)
    } catch (err) {
      caught = err
    }
    expect((caught as TimestampError).code).toBe('TSA_REQUEST')
  })

  it('an empty message is refused before any request: TSA_REQUEST', async () => {
    const transport = fakeTransport({})
    const err = await rejection(client(transport).ts.timestamp(new Uint8Array(0), 'SHA-256'))
    expect(err.code).toBe('TSA_REQUEST')
    expect(transport.calls).toHaveLength(0)
  })
})
