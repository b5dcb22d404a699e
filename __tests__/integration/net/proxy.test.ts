/**
 * A self-hosted runner behind a proxy, and a registry with large response headers (Google Artifact
 * Registry sends about 21 KB, over Node's default limit of 16 KiB). The registry is Debian's, in
 * TLS + htpasswd mode, addressed as `registry.test`: no resolver knows that name, so only the
 * proxy (testbed/proxy.ts, which maps it to 127.0.0.1) can reach it. Requests that arrive prove
 * the proxy was used.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTransport } from '../../../src/net/transport.js'
import { pushTestImage } from '../../../testbed/image.js'
import { createCodeSigningPki } from '../../../testbed/pki.js'
import { startTestProxy, type TestProxy } from '../../../testbed/proxy.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { runAction } from '../../../testbed/runner.js'
import { visibleText } from '../../../testbed/scenario.js'
import { testbed } from '../../helpers/testbed.js'
import { policyJson, statement } from '../../helpers/verify-policy.js'

const PROXY_USER = 'proxyuser'
const PROXY_PASSWORD = 'proxy pass-7Hq2'
let proxy: TestProxy
let registryPort: string
let work: string

beforeAll(async () => {
  proxy = await startTestProxy({
    hosts: { 'registry.test': '127.0.0.1' },
    credentials: { username: PROXY_USER, password: PROXY_PASSWORD },
  })
  registryPort = testbed().registries.basic.host.split(':')[1] as string
  work = await mkdtemp(join(tmpdir(), 'proxy-'))
})
afterAll(async () => {
  await proxy.stop()
  await rm(work, { recursive: true, force: true })
})

const proxyUrl = (password = PROXY_PASSWORD): string =>
  `http://${PROXY_USER}:${encodeURIComponent(password)}@127.0.0.1:${proxy.port}`

async function withEnv<T>(values: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]))
  Object.assign(process.env, values)
  try {
    return await body()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

describe('the transport behind a proxy', () => {
  it('tunnels https through HTTPS_PROXY with the proxy credentials', async () => {
    const before = proxy.hits.length
    const res = await withEnv({ HTTPS_PROXY: proxyUrl() }, () =>
      createTransport({ maxAttempts: 1 }).request({
        method: 'GET',
        url: `https://registry.test:${registryPort}/v2/`,
      }),
    )
    expect(res.status).toBe(401) // the registry's own Basic challenge, through the tunnel
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /)
    expect(proxy.hits.slice(before)).toEqual([
      { method: 'CONNECT', target: `registry.test:${registryPort}`, authorized: true },
    ])
  })

  it('a proxy refusing the credentials is a NETWORK error naming the proxy, not its password', async () => {
    const error = await withEnv({ HTTPS_PROXY: proxyUrl('wrong password') }, () =>
      createTransport({ maxAttempts: 1 }).request({
        method: 'GET',
        url: `https://registry.test:${registryPort}/v2/`,
      }),
    ).catch((err: unknown) => err)
    expect(error).toMatchObject({ code: 'NETWORK' })
    const message = (error as Error).message
    expect(message).toContain(`(via proxy http://127.0.0.1:${proxy.port})`)
    expect(message).toContain('Proxy response (407)')
    expect(message).not.toContain('wrong')
    expect(message).not.toContain(PROXY_USER)
  })

  it('loopback stays direct even with a proxy set', async () => {
    const before = proxy.hits.length
    const res = await withEnv({ HTTPS_PROXY: proxyUrl() }, () =>
      createTransport({ maxAttempts: 1 }).request({
        method: 'GET',
        url: `${testbed().registries.basic.url}/v2/`,
      }),
    )
    expect(res.status).toBe(401)
    expect(proxy.hits.length).toBe(before)
  })
})

describe('large response headers', () => {
  let server: Server
  let origin: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      const size = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('size'))
      res.setHeader('x-large', 'a'.repeat(size))
      res.end('ok')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
  })

  it('accepts 40 KB of headers, which Node’s own fetch refuses', async () => {
    await expect(fetch(`${origin}/?size=40000`)).rejects.toMatchObject({
      cause: { code: 'UND_ERR_HEADERS_OVERFLOW' },
    })
    const res = await createTransport({ maxAttempts: 1 }).request({
      method: 'GET',
      url: `${origin}/?size=40000`,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-large')).toHaveLength(40000)
  })

  it('refuses more than 128 KiB with a NETWORK error naming the URL', async () => {
    await expect(
      createTransport({ maxAttempts: 1 }).request({ method: 'GET', url: `${origin}/?size=200000` }),
    ).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(
        /GET http:\/\/127\.0\.0\.1:\d+\/ failed: UND_ERR_HEADERS_OVERFLOW/,
      ),
    })
  })
})

it('dist/index.js signs and verifies an image through the proxy; the proxy password stays hidden', async () => {
  const info = testbed().registries.basic
  const registry = { ...info, stateDir: '', stop: async () => {} } as RegistryHandle
  const image = await pushTestImage(registry, 'e2e/proxy', 'v1', 'behind a proxy')
  const pki = await createCodeSigningPki({ keyKind: 'ec256' })
  await writeFile(join(work, 'chain.pem'), pki.chainPem)
  await writeFile(join(work, 'root.pem'), pki.root.pem)
  const before = proxy.hits.length
  const run = await runAction(
    fileURLToPath(new URL('../../../dist/index.js', import.meta.url)),
    {
      images: `registry.test:${registryPort}/e2e/proxy@${image.digest}`,
      'signing-key': pki.leaf.privateKeyPem,
      'signing-certificate-chain': join(work, 'chain.pem'),
      'registry-username': info.username as string,
      'registry-password': info.password as string,
      'trust-policy': policyJson(
        statement({
          name: 'proxy',
          registryScopes: ['*'],
          trustStores: ['ca:proxy'],
          trustedIdentities: ['*'],
        }),
      ),
      'trust-store': `ca:proxy: [${join(work, 'root.pem')}]\n`,
    },
    { HTTPS_PROXY: proxyUrl() },
  )
  expect(run.stdout).not.toContain('::error::')
  expect(run.exitCode).toBe(0)
  expect(run.outputs.verified).toBe('true')
  expect(run.stdout).toContain(`using proxy http://127.0.0.1:${proxy.port} for https:// requests`)
  const hits = proxy.hits.slice(before)
  expect(hits.length).toBeGreaterThan(0)
  expect(hits.every((h) => h.target === `registry.test:${registryPort}` && h.authorized)).toBe(true)
  const visible = visibleText(run)
  expect(visible).not.toContain(PROXY_PASSWORD)
  expect(visible).not.toContain(encodeURIComponent(PROXY_PASSWORD))
})
