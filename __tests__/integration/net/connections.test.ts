/**
 * Connection reuse through the real transport (undici Agent) against a loopback node:http server
 * that counts TCP connections: HEADs and error answers keep the connection, and preconnect() opens
 * the connection the first request then uses.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { createTransport } from '../../../src/net/transport.js'

interface CountingServer {
  base: string
  connections: { at: number; socket: Socket }[]
  requests: { at: number; method: string; path: string }[]
  server: Server
}
const servers: CountingServer[] = []

/** A loopback server answering like a registry, counting its TCP connections. */
async function countingServer(): Promise<CountingServer> {
  const connections: CountingServer['connections'] = []
  const requests: CountingServer['requests'] = []
  const server = createServer((req, res) => {
    requests.push({ at: Date.now(), method: req.method ?? '', path: req.url ?? '' })
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'not here' }] }))
      return
    }
    // A HEAD answer names the length of the body a GET would get, as registries do.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '17' })
    res.end(req.method === 'HEAD' ? undefined : '{"hello":"world"}')
  })
  server.keepAliveTimeout = 10_000
  server.on('connection', (socket: Socket) => connections.push({ at: Date.now(), socket }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const s = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections,
    requests,
    server,
  }
  servers.push(s)
  return s
}

afterAll(async () => {
  for (const s of servers) {
    for (const c of s.connections) c.socket.destroy()
    await new Promise<void>((resolve) => s.server.close(() => resolve()))
  }
})

describe('keep-alive', () => {
  it('HEADs, 404s and GETs in sequence share one connection', async () => {
    const { base, connections } = await countingServer()
    const transport = createTransport({ maxAttempts: 1 })
    const before = connections.length
    expect((await transport.request({ method: 'HEAD', url: `${base}/a` })).status).toBe(200)
    expect((await transport.request({ method: 'HEAD', url: `${base}/b` })).status).toBe(200)
    expect((await transport.request({ method: 'GET', url: `${base}/missing` })).status).toBe(404)
    const got = await transport.request({ method: 'GET', url: `${base}/c` })
    expect(got.text()).toBe('{"hello":"world"}')
    expect((await transport.request({ method: 'HEAD', url: `${base}/d` })).status).toBe(200)
    expect(connections.length - before).toBe(1)
  })
})

describe('preconnect', () => {
  it('opens the connection before the first request, which then uses it', async () => {
    // A server of its own, so no pooled connection to its origin exists yet.
    const { base: origin, connections, requests } = await countingServer()
    const transport = createTransport({ maxAttempts: 1 })
    const before = connections.length
    transport.preconnect?.(origin)
    const deadline = Date.now() + 5_000
    while (connections.length === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10))
    expect(connections.length - before).toBe(1)
    const opened = connections[connections.length - 1] as { at: number }
    await new Promise((r) => setTimeout(r, 50))
    const sentAt = Date.now()
    expect((await transport.request({ method: 'GET', url: `${origin}/warm` })).status).toBe(200)
    // No second connection: the request went over the one opened ahead of it.
    expect(connections.length - before).toBe(1)
    expect(opened.at).toBeLessThan(sentAt)
    expect(requests[requests.length - 1]).toMatchObject({ method: 'GET', path: '/warm' })
  })
})
