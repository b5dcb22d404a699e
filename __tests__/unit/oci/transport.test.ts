/**
 * The transport additions the registry client relies on: a reset in the middle of a body is a
 * retryable network error, and `beforeRedirect` can refuse a hop.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { createTransport, TransportError } from '../../../src/net/transport.js'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  server = undefined
})

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler)
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

it('retries a connection reset in the middle of the body', async () => {
  let calls = 0
  const url = await serve((_req, res) => {
    calls++
    res.writeHead(200, { 'content-length': '10' })
    if (calls === 1) {
      res.write('abc')
      setTimeout(() => res.socket?.destroy(), 10)
      return
    }
    res.end('abcdefghij')
  })
  const events: unknown[] = []
  const transport = createTransport({ sleep: async () => {}, onRequest: (e) => events.push(e) })
  const res = await transport.request({ method: 'GET', url })
  expect(new TextDecoder().decode(res.body)).toBe('abcdefghij')
  expect(calls).toBe(2)
  expect(events).toHaveLength(2)
})

it('lets beforeRedirect refuse a hop', async () => {
  const url = await serve(
    (_req, res) => void res.writeHead(302, { location: 'http://example.com/x' }).end(),
  )
  const transport = createTransport({ sleep: async () => {} })
  const refused = new Error('refused')
  await expect(
    transport.request({
      method: 'GET',
      url,
      beforeRedirect: () => {
        throw refused
      },
    }),
  ).rejects.toBe(refused)
  await expect(
    transport.request({ method: 'GET', url: 'http://127.0.0.1:1/', retry: false }),
  ).rejects.toBeInstanceOf(TransportError)
})
