/**
 * Debian's docker-registry (distribution 2.8.2) started for tests on 127.0.0.1 with an ephemeral
 * port, in three modes (testbed-facts.md §1):
 *   plain  — HTTP, no auth
 *   basic  — HTTPS + htpasswd (bcrypt)
 *   token  — HTTPS + Bearer tokens from our token server (RS256 JWTs with x5c)
 * Processes are ended by pid and their state directory removed on stop().
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { X509Certificate, createHash, createPrivateKey, createSign, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { request as httpRequest } from 'node:http'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer as createHttpsServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createRootCa, createServerCertificate, type IssuedCert, type KeyKind } from './pki.js'

const run = promisify(execFile)

export type RegistryMode = 'plain' | 'basic' | 'token'

export const TEST_USER = 'testuser'
export const TEST_PASSWORD = 'testpassword'

export interface TestbedCa {
  ca: IssuedCert & { kind: KeyKind }
  server: IssuedCert
}

let sharedCa: Promise<TestbedCa> | undefined

/** Where the shared TLS CA lives, so every process of a test run (and its children) trusts one CA. */
export const TLS_DIR_ENV = 'NOTARY_TESTBED_TLS_DIR'

function loadIssued(dir: string, name: string): IssuedCert {
  const pem = readFileSync(join(dir, `${name}.pem`), 'utf8')
  const privateKeyPem = readFileSync(join(dir, `${name}.key`), 'utf8')
  const certificate = new X509Certificate(pem)
  return {
    der: new Uint8Array(certificate.raw),
    pem,
    certificate,
    privateKey: createPrivateKey(privateKeyPem),
    privateKeyPem,
    subject: certificate.subject.split('\n').join(', '),
  }
}

/**
 * One TLS CA + server certificate (SAN 127.0.0.1, localhost) shared by every HTTPS test server.
 * With NOTARY_TESTBED_TLS_DIR set, it is read from (or written to) that directory; pair it with
 * NODE_EXTRA_CA_CERTS=<dir>/ca.pem so Node clients started afterwards trust it.
 */
export function testbedCa(): Promise<TestbedCa> {
  sharedCa ??= (async () => {
    const dir = process.env[TLS_DIR_ENV]
    if (dir !== undefined && existsSync(join(dir, 'server.key'))) {
      return {
        ca: { ...loadIssued(dir, 'ca'), kind: 'ec384' as const },
        server: loadIssued(dir, 'server'),
      }
    }
    const ca = await createRootCa('Notary Testbed TLS CA')
    const server = await createServerCertificate(ca)
    if (dir !== undefined) {
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'ca.pem'), ca.pem)
      writeFileSync(join(dir, 'ca.key'), ca.privateKeyPem, { mode: 0o600 })
      writeFileSync(join(dir, 'server.pem'), server.pem)
      writeFileSync(join(dir, 'server.key'), server.privateKeyPem, { mode: 0o600 })
    }
    return { ca, server }
  })()
  return sharedCa
}

export interface RegistryHandle {
  mode: RegistryMode
  /** host:port, e.g. 127.0.0.1:41234 */
  host: string
  /** http(s)://host */
  url: string
  /** Basic credentials (basic and token modes). */
  username?: string
  password?: string
  /** CA that signed the TLS certificate (basic and token modes). */
  caPem?: string
  caPath?: string
  /** Token server (token mode). */
  tokenServer?: TokenServerHandle
  stateDir: string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function probe(url: string, caPem: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest
    const req = request(
      `${url}/v2/`,
      { method: 'GET', ...(caPem ? { ca: caPem } : {}), timeout: 1000 },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.end()
  })
}

async function waitForRegistry(
  url: string,
  child: ChildProcess,
  logPath: string,
  caPem: string | undefined,
): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`docker-registry exited with ${child.exitCode}; see ${logPath}`)
    }
    try {
      const status = await probe(url, caPem)
      if (status === 200 || status === 401) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`docker-registry did not answer on ${url} within 15 s; see ${logPath}`)
}

export interface StartRegistryOptions {
  mode: RegistryMode
  /** Extra routes for the token server (e.g. ACR's /oauth2/exchange mock). */
  tokenRoutes?: TokenRoute[]
}

export async function startRegistry(options: StartRegistryOptions): Promise<RegistryHandle> {
  const { mode } = options
  const stateDir = await mkdtemp(join(tmpdir(), `notary-testbed-registry-${mode}-`))
  const port = await freePort()
  const host = `127.0.0.1:${port}`
  const tls = mode !== 'plain'
  const lines = [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  fields:',
    '    service: registry',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(stateDir, 'data')}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: ${host}`,
    '  secret: testbed-not-a-secret',
    '  headers:',
    '    X-Content-Type-Options: [nosniff]',
  ]
  let caPem: string | undefined
  let caPath: string | undefined
  let tokenServer: TokenServerHandle | undefined
  if (tls) {
    const { ca, server } = await testbedCa()
    caPem = ca.pem
    caPath = join(stateDir, 'ca.pem')
    await writeFile(caPath, ca.pem)
    await writeFile(join(stateDir, 'server.pem'), server.pem)
    await writeFile(join(stateDir, 'server.key'), server.privateKeyPem, { mode: 0o600 })
    lines.push(
      '  tls:',
      `    certificate: ${join(stateDir, 'server.pem')}`,
      `    key: ${join(stateDir, 'server.key')}`,
    )
  }
  if (mode === 'basic') {
    const { stdout } = await run('htpasswd', ['-Bbn', TEST_USER, TEST_PASSWORD])
    await writeFile(join(stateDir, 'htpasswd'), stdout)
    lines.push(
      'auth:',
      '  htpasswd:',
      '    realm: testbed-registry',
      `    path: ${join(stateDir, 'htpasswd')}`,
    )
  }
  if (mode === 'token') {
    tokenServer = await startTokenServer({ routes: options.tokenRoutes ?? [] })
    await writeFile(join(stateDir, 'token.pem'), tokenServer.signerCertPem)
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${tokenServer.url}/token`,
      `    service: ${TOKEN_SERVICE}`,
      `    issuer: ${TOKEN_ISSUER}`,
      `    rootcertbundle: ${join(stateDir, 'token.pem')}`,
    )
  }
  const configPath = join(stateDir, 'config.yml')
  await writeFile(configPath, lines.join('\n') + '\n')
  const logPath = join(stateDir, 'registry.log')
  const logFd = openSync(logPath, 'a')
  const child = spawn('docker-registry', ['serve', configPath], {
    stdio: ['ignore', logFd, logFd],
    detached: true,
  })
  child.unref()
  const url = `${tls ? 'https' : 'http'}://${host}`
  try {
    await waitForRegistry(url, child, logPath, caPem)
  } catch (err) {
    if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
    throw err
  }
  return {
    mode,
    host,
    url,
    ...(mode === 'plain' ? {} : { username: TEST_USER, password: TEST_PASSWORD }),
    ...(caPem === undefined ? {} : { caPem, caPath }),
    ...(tokenServer === undefined ? {} : { tokenServer }),
    stateDir,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(child.pid, 'SIGTERM')
        } catch {
          // already gone
        }
        await new Promise((r) => setTimeout(r, 50))
      }
      await tokenServer?.stop()
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Token server (Docker token auth spec): GET /token with Basic, POST /token and /oauth2/token with
// grant_type=password|refresh_token. JWTs are RS256 with `x5c`, which distribution 2.8 checks
// against `rootcertbundle`.

export const TOKEN_SERVICE = 'testbed-registry'
export const TOKEN_ISSUER = 'testbed-token-issuer'

export interface TokenRequestLog {
  method: string
  path: string
  scope: string[]
  grantType?: string
  authenticated: boolean
}

/** Extra route: return true when handled. */
export type TokenRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  server: TokenServerHandle,
) => boolean | Promise<boolean>

export interface TokenServerHandle {
  url: string
  signerCertPem: string
  requests: TokenRequestLog[]
  /** Refresh tokens the server accepts (tests may add, e.g. from an ACR exchange). */
  refreshTokens: Set<string>
  /** Issue a registry access token for the given scopes. */
  issueToken(scopes: string[]): string
  stop(): Promise<void>
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

function parseScope(scope: string): { type: string; name: string; actions: string[] } | undefined {
  const m = /^([a-z]+):(.+):([a-z*,]+)$/.exec(scope)
  if (!m) return undefined
  return { type: m[1] as string, name: m[2] as string, actions: (m[3] as string).split(',') }
}

async function startTokenServer(options: { routes: TokenRoute[] }): Promise<TokenServerHandle> {
  const { ca, server: tls } = await testbedCa()
  const signer = await createRootCa('Testbed Token Signer', 'rsa2048')
  const requests: TokenRequestLog[] = []
  const refreshTokens = new Set<string>()
  const certB64 = Buffer.from(signer.der).toString('base64')
  const kid = createHash('sha256').update(signer.der).digest('hex').slice(0, 16)

  function issueToken(scopes: string[]): string {
    const now = Math.floor(Date.now() / 1000)
    const header = { typ: 'JWT', alg: 'RS256', kid, x5c: [certB64] }
    const claims = {
      iss: TOKEN_ISSUER,
      sub: TEST_USER,
      aud: TOKEN_SERVICE,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access: scopes.flatMap((s) => {
        const p = parseScope(s)
        return p === undefined ? [] : [p]
      }),
    }
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`
    const sig = createSign('sha256').update(input).sign(signer.privateKey)
    return `${input}.${b64url(sig)}`
  }

  // Assigned once the server listens; routes only run after that.
  // eslint-disable-next-line prefer-const
  let handle: TokenServerHandle
  const httpsServer: Server = createHttpsServer(
    { key: tls.privateKeyPem, cert: tls.pem + ca.pem },
    (req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        void (async () => {
          const body = Buffer.concat(chunks).toString()
          for (const route of options.routes) {
            if (await route(req, res, body, handle)) return
          }
          const url = new URL(req.url ?? '/', 'https://localhost')
          const json = (status: number, value: unknown): void => {
            res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value))
          }
          if (req.method === 'GET' && url.pathname === '/token') {
            const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' '))
            const auth = req.headers.authorization ?? ''
            const basic = auth.startsWith('Basic ')
              ? Buffer.from(auth.slice(6), 'base64').toString()
              : undefined
            const ok = basic === `${TEST_USER}:${TEST_PASSWORD}` || refreshTokenInBasic(basic)
            requests.push({ method: 'GET', path: url.pathname, scope: scopes, authenticated: ok })
            if (basic !== undefined && !ok) return json(401, { errors: [{ code: 'UNAUTHORIZED' }] })
            // Anonymous callers get a token with no access; the registry then answers 401.
            const token = issueToken(ok ? scopes : [])
            return json(200, { token, access_token: token, expires_in: 300 })
          }
          if (
            req.method === 'POST' &&
            (url.pathname === '/token' || url.pathname === '/oauth2/token')
          ) {
            const form = new URLSearchParams(body)
            const grantType = form.get('grant_type') ?? ''
            const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean)
            let ok = false
            if (grantType === 'password') {
              ok = form.get('username') === TEST_USER && form.get('password') === TEST_PASSWORD
            } else if (grantType === 'refresh_token') {
              ok = refreshTokens.has(form.get('refresh_token') ?? '')
            }
            requests.push({
              method: 'POST',
              path: url.pathname,
              scope: scopes,
              grantType,
              authenticated: ok,
            })
            if (!ok)
              return json(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] })
            const token = issueToken(scopes)
            return json(200, { access_token: token, token, expires_in: 300 })
          }
          res.writeHead(404).end()
        })().catch((err: unknown) => {
          if (!res.headersSent) res.writeHead(500)
          res.end(String(err))
        })
      })
    },
  )

  function refreshTokenInBasic(basic: string | undefined): boolean {
    if (basic === undefined) return false
    const i = basic.indexOf(':')
    return i >= 0 && refreshTokens.has(basic.slice(i + 1))
  }

  await new Promise<void>((resolve) => httpsServer.listen(0, '127.0.0.1', resolve))
  const { port } = httpsServer.address() as AddressInfo
  handle = {
    url: `https://127.0.0.1:${port}`,
    signerCertPem: signer.pem,
    requests,
    refreshTokens,
    issueToken,
    async stop() {
      httpsServer.closeAllConnections()
      await new Promise<void>((resolve) => httpsServer.close(() => resolve()))
    },
  }
  return handle
}
