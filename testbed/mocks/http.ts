/**
 * A tiny node:http(s) server for the mocks on 127.0.0.1 (ephemeral port), with request recording.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export type MockService = 'artifact-signing' | 'entra' | 'github-oidc' | 'acr' | 'key-vault'

export interface RecordedRequest {
  service: MockService
  method: string
  /** Path without the query. */
  path: string
  query: Record<string, string>
  /** Lower-case names; `x-mock-fault` is stripped. */
  headers: Record<string, string>
  body: string
  time: number
}

export type MockHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
) => void | Promise<void>

export interface MockServer {
  /** http(s)://127.0.0.1:<port> */
  url: string
  stop(): Promise<void>
}

export async function startMockServer(opts: {
  tls?: { key: string; cert: string }
  handler: MockHandler
}): Promise<MockServer> {
  const sockets = new Set<Socket>()
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      Promise.resolve(opts.handler(req, res, Buffer.concat(chunks).toString('utf8'))).catch(
        (err: unknown) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
          res.end(`mock error: ${String(err)}`)
        },
      )
    })
  }
  const server = opts.tls
    ? createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert }, listener)
    : createHttpServer(listener)
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    async stop() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export function recordRequest(
  service: MockService,
  req: IncomingMessage,
  body: string,
): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://mock')
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) {
    if (k === 'x-mock-fault' || v === undefined) continue
    headers[k] = Array.isArray(v) ? v.join(', ') : v
  }
  return {
    service,
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    time: Date.now(),
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  })
  res.end(body)
}

export function sendEmpty(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-length': '0', ...headers })
  res.end()
}
