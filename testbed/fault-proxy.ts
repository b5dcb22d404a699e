/**
 * A fault-injecting reverse proxy for tests: put it in front of a real service (the testbed's
 * docker-registry) and make chosen requests misbehave the way replicas, caches, failovers and
 * congested links do: answer with a status of its own (a 404 from a lagging replica, a 503), stall
 * (never answer; the client's timeout has to end it), or answer late (the request is served at once
 * but the response is held back, so the client acts on a stale answer). Requests that no rule
 * matches are forwarded untouched, with an optional added round-trip time.
 *
 * The client's `Host` header is forwarded, so URLs the service builds from it (distribution's
 * upload `Location`) point back at the proxy. Every request is recorded.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export type Fault =
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  | { kind: 'stall' }
  | { kind: 'late-response'; delayMs: number }

export interface FaultRule {
  method?: string
  /** Matched against the request path (without the query string). */
  path: RegExp
  fault: Fault
  /** Matching requests to let through before the fault applies (default 0). */
  skip?: number
  /** How many matching requests get the fault (default 1). */
  times?: number
}

export interface InjectedFault {
  /** Requests the fault was applied to so far. */
  readonly applied: number
  /** Resolves when the fault has been applied `times` times. */
  readonly exhausted: Promise<void>
  /** Resolves when the first faulted request reached the service (late-response) or was held (stall). */
  readonly firstHeld: Promise<void>
}

export interface ProxyRecord {
  method: string
  path: string
  /** The fault applied, or undefined when the request was forwarded untouched. */
  fault?: Fault['kind']
  /** Status sent to the client; undefined while pending or when the client gave up first. */
  status?: number
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT */
  url: string
  /** 127.0.0.1:PORT, for image references. */
  host: string
  records: ProxyRecord[]
  inject(rule: FaultRule): InjectedFault
  stop(): Promise<void>
}

export interface FaultProxyOptions {
  /** The service to forward to, e.g. the plain registry's `http://127.0.0.1:5000`. */
  target: string
  /** Round-trip time added to every forwarded request (half before, half after). */
  addedRttMs?: number
}

interface ActiveRule {
  rule: FaultRule
  seen: number
  applied: number
  onExhausted: () => void
  onFirstHeld: () => void
}

const sleep = (ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, ms))

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target)
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  const halfRtt = (options.addedRttMs ?? 0) / 2
  const rules: ActiveRule[] = []
  const records: ProxyRecord[] = []
  const sockets = new Set<Socket>()

  function faultFor(req: IncomingMessage, path: string): ActiveRule | undefined {
    for (const active of rules) {
      const { rule } = active
      if (rule.method !== undefined && rule.method !== req.method) continue
      if (!rule.path.test(path)) continue
      active.seen++
      if (active.seen <= (rule.skip ?? 0) || active.applied >= (rule.times ?? 1)) continue
      active.applied++
      return active
    }
    return undefined
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string
    const active = faultFor(req, path)
    const fault = active?.rule.fault
    const record: ProxyRecord = {
      method: req.method ?? 'GET',
      path,
      ...(fault === undefined ? {} : { fault: fault.kind }),
    }
    records.push(record)
    res.on('finish', () => (record.status = res.statusCode))
    const done = (): void => {
      if (active !== undefined && active.applied >= (active.rule.times ?? 1)) active.onExhausted()
    }

    if (fault?.kind === 'status') {
      req.resume()
      res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/json' })
      res.end(fault.body ?? '')
      done()
      return
    }
    if (fault?.kind === 'stall') {
      // Hold the request without forwarding it; the client's timeout (or stop()) ends it.
      req.resume()
      active?.onFirstHeld()
      done()
      return
    }
    void sleep(halfRtt).then(() => {
      const upstream = send(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up) => {
          const answer = (): void => {
            if (res.destroyed) {
              up.destroy()
              return
            }
            res.writeHead(up.statusCode ?? 502, up.headers)
            up.pipe(res)
          }
          if (fault?.kind === 'late-response') {
            // Served now, delivered later: the client acts on what the service said back then.
            active?.onFirstHeld()
            up.pause()
            void sleep(fault.delayMs + halfRtt).then(answer)
          } else {
            void sleep(halfRtt).then(answer)
          }
          done()
        },
      )
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502).end()
        else res.destroy()
      })
      req.pipe(upstream)
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    records,
    inject(rule) {
      let onExhausted = (): void => {}
      let onFirstHeld = (): void => {}
      const exhausted = new Promise<void>((r) => (onExhausted = r))
      const firstHeld = new Promise<void>((r) => (onFirstHeld = r))
      const active: ActiveRule = { rule, seen: 0, applied: 0, onExhausted, onFirstHeld }
      rules.push(active)
      return {
        get applied() {
          return active.applied
        },
        exhausted,
        firstHeld,
      }
    },
    async stop() {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}
