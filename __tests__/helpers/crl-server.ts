/**
 * A CRL distribution point on loopback: serves what a test puts in `crls` (path → DER, or 'error'
 * for a 500; anything else is 404) and records every path requested in `hits`.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CrlServer {
  /** http://127.0.0.1:PORT */
  origin: string
  crls: Map<string, Uint8Array | 'error'>
  hits: string[]
  stop(): Promise<void>
}

export async function startCrlServer(): Promise<CrlServer> {
  const crls = new Map<string, Uint8Array | 'error'>()
  const hits: string[] = []
  const server = createServer((req, res) => {
    const path = req.url ?? '/'
    hits.push(path)
    const body = crls.get(path)
    if (body === undefined) res.writeHead(404).end()
    else if (body === 'error') res.writeHead(500).end()
    else res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(Buffer.from(body))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    crls,
    hits,
    async stop() {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    },
  }
}
