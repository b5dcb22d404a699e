/**
 * A forward HTTP proxy for tests, as on a self-hosted runner behind a corporate proxy: CONNECT
 * tunnels (what undici's ProxyAgent uses, for http and https targets alike) and absolute-form
 * requests, optional Basic proxy authentication (407 otherwise), and a host table so that names no
 * resolver knows (`registry.test`, RFC 6761) reach loopback services only through the proxy.
 * Every request is recorded, so a test can tell proxied traffic from direct traffic.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ProxyHit {
  method: string
  /** host:port for CONNECT, the absolute URL otherwise. */
  target: string
  /** The Proxy-Authorization header matched the credentials (or none were required). */
  authorized: boolean
}

export interface TestProxy {
  /** http://127.0.0.1:PORT (no credentials). */
  url: string
  port: number
  hits: ProxyHit[]
  stop(): Promise<void>
}

export interface TestProxyOptions {
  /** Host name → address the proxy connects to instead of resolving it. */
  hosts?: Record<string, string>
  credentials?: { username: string; password: string }
}

export async function startTestProxy(options: TestProxyOptions = {}): Promise<TestProxy> {
  const hosts = options.hosts ?? {}
  const expected =
    options.credentials === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
  const hits: ProxyHit[] = []
  const sockets = new Set<Socket>()
  const authorized = (header: string | undefined): boolean =>
    expected === undefined || header === expected
  const address = (host: string): string => hosts[host] ?? host

  const server: Server = createServer((req, res) => {
    const ok = authorized(req.headers['proxy-authorization'])
    hits.push({ method: req.method ?? 'GET', target: req.url ?? '', authorized: ok })
    if (!ok) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test proxy"' }).end()
      return
    }
    const target = new URL(req.url ?? '')
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    const upstream = httpRequest(
      {
        host: address(target.hostname),
        port: target.port || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      },
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const ok = authorized(req.headers['proxy-authorization'])
    hits.push({ method: 'CONNECT', target: req.url ?? '', authorized: ok })
    if (!ok) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test proxy"\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/) as [string, string]
    const upstream = connect(Number(port), address(host.replace(/^\[|\]$/g, '')), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    async stop() {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}
