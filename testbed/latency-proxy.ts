/**
 * Loopback "fronts" that put a configurable round-trip time between a client and a local service,
 * and record what crossed them: every request (with its client-side interval), every TCP
 * connection and every TLS handshake, per service. For the latency benchmark (bench/latency.ts).
 *
 * Each front is two layers on 127.0.0.1:
 * - outside, a TCP relay that delays every chunk by RTT/2 in each direction, and holds what the
 *   client sends in the first RTT of a connection (the TCP handshake a real network would cost).
 *   Because the delay is on the bytes, a TLS handshake costs its real round trips by itself;
 * - inside, an HTTP(S) server (the testbed TLS certificate, SAN 127.0.0.1) that counts requests and
 *   TLS handshakes and forwards each request to the real service, keeping the Host header, so
 *   absolute URLs the service hands out (upload Locations, token endpoints) point at the front.
 *
 * A request's interval as the client saw it is [arrival − RTT/2, response end + RTT/2]: two requests
 * whose intervals do not overlap were made one after the other, so the longest chain of pairwise
 * non-overlapping requests is the number of round trips the run waited for in sequence.
 */
import {
  Agent as HttpAgent,
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import {
  Agent as HttpsAgent,
  createServer as createHttpsServer,
  request as httpsRequest,
} from 'node:https'
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'

/** Milliseconds since the epoch with sub-millisecond resolution. */
const clock = (): number => performance.timeOrigin + performance.now()

export interface FrontedRequest {
  service: string
  method: string
  /** Path without the query; `(not HTTP)` for bytes the server could not parse (a TLS probe). */
  path: string
  status: number | 'error'
  /** Which of the service's connections carried it (1, 2, … in the order they were opened). */
  connection: number
  /** Client-side interval, ms since the epoch (comparable with another process's clock). */
  start: number
  end: number
}

export interface ServiceCounts {
  service: string
  requests: number
  connections: number
  tlsHandshakes: number
}

export interface LatencyFront {
  service: string
  /** `http(s)://127.0.0.1:<port>`: use it instead of the service's own URL. */
  url: string
}

export interface LatencyNetwork {
  rttMs: number
  /** Puts a front before `upstream` (http or https; https fronts present `tls`). */
  front(service: string, upstream: string): Promise<LatencyFront>
  requests(): FrontedRequest[]
  counts(): ServiceCounts[]
  /** Forgets what was recorded (the fronts stay up). */
  reset(): void
  stop(): Promise<void>
}

export interface LatencyNetworkOptions {
  rttMs: number
  /** Certificate and key the https fronts present, and the CA that verifies https upstreams. */
  tls: { cert: string; key: string; ca: string }
}

/** One direction of a relay: chunks released in order at their due time. */
function delayedPipe(from: Socket, to: Socket, dueTime: () => number): void {
  const queue: { at: number; chunk: Buffer | 'end' }[] = []
  let timer: NodeJS.Timeout | undefined
  const pump = (): void => {
    timer = undefined
    const now = performance.now()
    while (queue.length > 0 && (queue[0] as { at: number }).at <= now + 0.5) {
      const { chunk } = queue.shift() as { chunk: Buffer | 'end' }
      if (chunk === 'end') to.end()
      else if (!to.destroyed) to.write(chunk)
    }
    if (queue.length > 0)
      timer = setTimeout(pump, Math.max(0, (queue[0] as { at: number }).at - performance.now()))
  }
  const push = (chunk: Buffer | 'end'): void => {
    queue.push({ at: dueTime(), chunk })
    timer ??= setTimeout(pump, Math.max(0, (queue[0] as { at: number }).at - performance.now()))
  }
  from.on('data', (c: Buffer) => push(c))
  from.on('end', () => push('end'))
}

export async function startLatencyNetwork(options: LatencyNetworkOptions): Promise<LatencyNetwork> {
  const { rttMs } = options
  const half = rttMs / 2
  let recorded: FrontedRequest[] = []
  let counts = new Map<string, ServiceCounts>()
  const closers: (() => Promise<void>)[] = []
  const sockets = new Set<Socket>()
  const track = (s: Socket): void => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  }
  const countsOf = (service: string): ServiceCounts => {
    let c = counts.get(service)
    if (c === undefined) {
      c = { service, requests: 0, connections: 0, tlsHandshakes: 0 }
      counts.set(service, c)
    }
    return c
  }

  async function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    closers.push(
      () => new Promise<void>((resolve) => server.close(() => resolve())) as Promise<void>,
    )
    return (server.address() as AddressInfo).port
  }

  async function front(service: string, upstream: string): Promise<LatencyFront> {
    const target = new URL(upstream)
    const secure = target.protocol === 'https:'
    const agent = secure
      ? new HttpsAgent({ keepAlive: true, ca: options.tls.ca })
      : new HttpAgent({ keepAlive: true })
    closers.push(async () => agent.destroy())

    const connectionIds = new WeakMap<object, number>()
    let connectionCount = 0
    const connectionOf = (socket: object): number => {
      let id = connectionIds.get(socket)
      if (id === undefined) {
        id = ++connectionCount
        connectionIds.set(socket, id)
      }
      return id
    }
    const forward = (req: IncomingMessage, res: ServerResponse): void => {
      const start = clock() - half
      const connection = connectionOf(req.socket)
      const url = new URL(req.url ?? '/', 'http://front')
      countsOf(service).requests++
      const done = (status: number | 'error'): void => {
        recorded.push({
          service,
          method: req.method ?? 'GET',
          path: url.pathname,
          status,
          connection,
          start,
          end: clock() + half,
        })
      }
      const send = secure ? httpsRequest : httpRequest
      const up = send(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          res.on('finish', () => done(answer.statusCode ?? 502))
        },
      )
      up.on('error', () => {
        if (!res.headersSent) res.writeHead(502).end()
        done('error')
      })
      req.pipe(up)
    }
    const inner: Server = secure
      ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, forward)
      : createHttpServer({ keepAliveTimeout: 30_000 }, forward)
    inner.keepAliveTimeout = 30_000
    if (secure) inner.on('secureConnection', () => countsOf(service).tlsHandshakes++)
    inner.on('clientError', (_err, socket: Socket) => {
      // Bytes that are not HTTP: a client trying TLS on a plain-HTTP service (the scheme probe).
      const now = clock()
      countsOf(service).requests++
      recorded.push({
        service,
        method: '?',
        path: '(not HTTP)',
        status: 'error',
        connection: connectionOf(socket),
        start: now - half,
        end: now + half,
      })
      socket.destroy()
    })
    inner.on('connection', track)
    const innerPort = await listen(inner)

    // Half-open: a FIN must not overtake the delayed bytes still queued behind it.
    const relay = createNetServer({ allowHalfOpen: true }, (client) => {
      track(client)
      countsOf(service).connections++
      const acceptedAt = performance.now()
      const server = connect({ port: innerPort, host: '127.0.0.1', allowHalfOpen: true })
      track(server)
      // What the client sends before its TCP handshake would have completed waits for it.
      delayedPipe(client, server, () => Math.max(performance.now(), acceptedAt + rttMs) + half)
      delayedPipe(server, client, () => performance.now() + half)
      const destroyBoth = (): void => {
        client.destroy()
        server.destroy()
      }
      client.on('error', destroyBoth)
      server.on('error', destroyBoth)
      client.on('close', () => setTimeout(() => server.destroy(), rttMs))
      server.on('close', () => setTimeout(() => client.destroy(), rttMs))
    })
    const port = await listen(relay)
    return { service, url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}` }
  }

  return {
    rttMs,
    front,
    requests: () => [...recorded],
    counts: () => [...counts.values()].map((c) => ({ ...c })),
    reset() {
      recorded = []
      counts = new Map()
    },
    async stop() {
      for (const s of sockets) s.destroy()
      await Promise.all(closers.map((c) => c()))
    },
  }
}

/**
 * The longest chain of requests each made after the previous one ended (intervals that do not
 * overlap, `toleranceMs` for timer jitter): earliest-end-first greedy, which is optimal.
 */
export function sequentialChain(
  requests: readonly FrontedRequest[],
  toleranceMs = 2,
): FrontedRequest[] {
  const byEnd = [...requests].sort((a, b) => a.end - b.end)
  const chain: FrontedRequest[] = []
  let lastEnd = -Infinity
  for (const r of byEnd) {
    if (r.start >= lastEnd - toleranceMs) {
      chain.push(r)
      lastEnd = r.end
    }
  }
  return chain
}
