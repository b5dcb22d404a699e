/**
 * A real RFC 3161 timestamp authority for tests: `openssl ts -reply` behind a tiny HTTP server on
 * 127.0.0.1 (ephemeral port). Tokens carry SigningCertificateV2 (ess_cert_id_alg = sha256) and,
 * like Microsoft's TSA, do not include the TSA root: clients must be given it.
 *
 * Routes (all POST application/timestamp-query):
 *   /                 a normal token
 *   /at/<epoch>       genTime = epoch (openssl under faketime)
 *   /untrusted        signed by a second, unrelated TSA hierarchy
 *   /wrong-imprint    a token over a different message imprint
 *   /http500 /badtype /garbage /slow   error cases
 *   GET /healthz
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createTsaPki, type TsaPki } from './pki.js'

const run = promisify(execFile)

export interface TsaHandle {
  url: string
  /** The trusted TSA root (PEM) and its path on disk. */
  rootPem: string
  rootPath: string
  /** The untrusted TSA's root. */
  untrustedRootPem: string
  pki: TsaPki
  /** Requests answered so far, by route. */
  requests: string[]
  stop(): Promise<void>
}

function opensslConfig(dir: string, section: string): string {
  return `[ tsa ]
default_tsa = ${section}
[ ${section} ]
dir                    = ${dir}
serial                 = $dir/serial
crypto_device          = builtin
signer_cert            = $dir/tsa.pem
signer_key             = $dir/tsa.key
signer_digest          = sha256
default_policy         = 1.3.6.1.4.1.99999.1.1
other_policies         = 1.3.6.1.4.1.99999.1.2
digests                = sha256, sha384, sha512
accuracy               = secs:1
clock_precision_digits = 3
ordering               = no
tsa_name               = yes
ess_cert_id_chain      = no
ess_cert_id_alg        = sha256
`
}

async function writeTsaDir(base: string, name: string, pki: TsaPki): Promise<string> {
  const dir = join(base, name)
  await run('mkdir', ['-p', dir])
  await writeFile(join(dir, 'tsa.pem'), pki.leaf.pem)
  await writeFile(join(dir, 'tsa.key'), pki.leaf.privateKeyPem, { mode: 0o600 })
  await writeFile(join(dir, 'root.pem'), pki.root.pem)
  await writeFile(join(dir, 'serial'), '01\n')
  await writeFile(join(dir, 'tsa.cnf'), opensslConfig(dir, 'tsa_default'))
  return dir
}

function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) reject(new Error('request too large'))
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Flips the last byte of the messageImprint hash in a DER TimeStampReq. */
export function corruptImprint(query: Buffer): Buffer {
  const out = Buffer.from(query)
  // messageImprint.hashedMessage follows the AlgorithmIdentifier's NULL params (05 00).
  for (let i = 2; i < out.length - 2; i++) {
    const len = out[i + 1] as number
    if (
      out[i] === 0x04 &&
      [0x20, 0x30, 0x40].includes(len) &&
      out[i - 1] === 0x00 &&
      out[i - 2] === 0x05
    ) {
      const last = i + 1 + len
      out[last] = (out[last] as number) ^ 0xff
      return out
    }
  }
  throw new Error('no message imprint found in the query')
}

export async function startTsa(
  options: { pki?: TsaPki; untrustedPki?: TsaPki } = {},
): Promise<TsaHandle> {
  const state = await mkdtemp(join(tmpdir(), 'notary-testbed-tsa-'))
  const pki = options.pki ?? (await createTsaPki({ name: 'Testbed TSA' }))
  const untrusted = options.untrustedPki ?? (await createTsaPki({ name: 'Untrusted TSA' }))
  const trustedDir = await writeTsaDir(state, 'trusted', pki)
  const untrustedDir = await writeTsaDir(state, 'untrusted', untrusted)
  const requests: string[] = []
  let counter = 0
  // openssl keeps a serial file per TSA; one reply at a time keeps it consistent.
  let queue: Promise<unknown> = Promise.resolve()

  async function reply(dir: string, query: Buffer, epoch?: number): Promise<Buffer> {
    counter += 1
    const qPath = join(state, `q${counter}.tsq`)
    const rPath = join(state, `r${counter}.tsr`)
    await writeFile(qPath, query)
    const args = [
      'ts',
      '-reply',
      '-config',
      join(dir, 'tsa.cnf'),
      '-queryfile',
      qPath,
      '-out',
      rPath,
    ]
    if (epoch === undefined) await run('openssl', args)
    else await run('faketime', [`@${epoch}`, 'openssl', ...args])
    const out = await readFile(rPath)
    await rm(qPath, { force: true })
    await rm(rPath, { force: true })
    return out
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/'
      if (req.method === 'GET' && path === '/healthz') {
        res.writeHead(200).end('ok')
        return
      }
      if (req.method !== 'POST') {
        res.writeHead(405).end()
        return
      }
      const body = await readBody(req)
      requests.push(path)
      if (path === '/http500') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error')
        return
      }
      if (path === '/garbage') {
        res
          .writeHead(200, { 'content-type': 'application/timestamp-reply' })
          .end('not a TimeStampResp')
        return
      }
      let dir = trustedDir
      let query = body
      let epoch: number | undefined
      if (path === '/untrusted') dir = untrustedDir
      else if (path === '/wrong-imprint') query = corruptImprint(body)
      else if (path.startsWith('/at/')) epoch = Number(path.slice(4))
      else if (path === '/slow') await new Promise((r) => setTimeout(r, 3000))
      else if (path !== '/' && path !== '/badtype') {
        res.writeHead(404).end()
        return
      }
      const task = queue.then(() => reply(dir, query, epoch))
      queue = task.catch(() => undefined)
      const token = await task
      const type = path === '/badtype' ? 'application/octet-stream' : 'application/timestamp-reply'
      res.writeHead(200, { 'content-type': type, 'content-length': token.length }).end(token)
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(err))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    rootPem: pki.root.pem,
    rootPath: join(trustedDir, 'root.pem'),
    untrustedRootPem: untrusted.root.pem,
    pki,
    requests,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections?.()
      await rm(state, { recursive: true, force: true })
    },
  }
}
