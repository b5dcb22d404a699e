/**
 * Entra through the job's transport (src/azure/entra-http-client.ts): @azure/identity's requests
 * (MSAL's authority metadata and the client-credentials token request with the GitHub OIDC
 * assertion) go through our transport, against the Entra mock over real HTTPS. The connection to
 * the authority is opened when the credential is made; a 503 is retried once by the transport (the
 * pipeline's own retries are off); a redirect is never followed with the assertion.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createAzureCredential } from '../../../src/azure/credential.js'
import { entraHttpClient } from '../../../src/azure/entra-http-client.js'
import { createTransport, type RequestEvent } from '../../../src/net/transport.js'
import { startAzureMocks, type AzureMocks } from '../../../testbed/mocks/index.js'

const started: AzureMocks[] = []
const servers: Server[] = []
const savedEnv: Record<string, string | undefined> = {}

afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
})
afterAll(async () => {
  await Promise.all(started.map((m) => m.stop()))
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
})

async function mocksWith(options: Parameters<typeof startAzureMocks>[0] = {}) {
  const mocks = await startAzureMocks(options)
  started.push(mocks)
  for (const [k, v] of Object.entries({
    ACTIONS_ID_TOKEN_REQUEST_URL: mocks.oidcRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: mocks.oidcRequestToken,
  })) {
    savedEnv[k] = process.env[k]
    process.env[k] = v
  }
  return mocks
}

function credentialThroughTransport(mocks: AzureMocks) {
  const events: RequestEvent[] = []
  const transport = createTransport({ onRequest: (e) => events.push(e), baseDelayMs: 5 })
  const preconnected: string[] = []
  const credential = createAzureCredential({
    clientId: mocks.clientId,
    tenantId: mocks.tenantId,
    authorityHost: mocks.authorityHost,
    transport: {
      request: (req) => transport.request(req),
      preconnect: (url) => {
        preconnected.push(new URL(url).origin)
        transport.preconnect?.(url)
      },
    },
  })
  const entra = (): RequestEvent[] =>
    events.filter((e) => e.url.startsWith(new URL(mocks.authorityHost).origin))
  return { credential, entra, preconnected }
}

describe('Entra through the job transport', () => {
  it('sends the authority metadata and token requests through it, after preconnecting', async () => {
    const mocks = await mocksWith()
    const { credential, entra, preconnected } = credentialThroughTransport(mocks)
    // Opened as the credential is made, before any token is asked for.
    expect(preconnected).toEqual([new URL(mocks.authorityHost).origin])
    const token = await credential.getToken('https://codesigning.azure.net/.default')
    expect(mocks.verifyAccessToken(token.token)).toBeDefined()
    expect(entra().map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`)).toEqual([
      `GET /${mocks.tenantId}/v2.0/.well-known/openid-configuration 200`,
      `POST /${mocks.tenantId}/oauth2/v2.0/token 200`,
    ])
  })

  it('retries a 503 from the token endpoint once, by the transport alone', async () => {
    const mocks = await mocksWith({ entraTokenUnavailableTimes: 1 })
    const { credential, entra } = credentialThroughTransport(mocks)
    const token = await credential.getToken('https://codesigning.azure.net/.default')
    expect(mocks.verifyAccessToken(token.token)).toBeDefined()
    const tokenAttempts = entra().filter((e) => e.method === 'POST')
    expect(tokenAttempts.map((e) => `${e.attempt} ${e.status}`)).toEqual(['1 503', '2 200'])
  })

  it('gives a persistent 503 the transport’s attempts, not the pipeline’s on top of them', async () => {
    const mocks = await mocksWith({ entraTokenUnavailableTimes: 100 })
    const { credential, entra } = credentialThroughTransport(mocks)
    const err = await credential
      .getToken('https://codesigning.azure.net/.default')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect((err as { code?: string }).code).toMatch(/^AZURE_/)
    // The transport's default is 4 attempts; with the pipeline's retries too it would be 16.
    expect(entra().filter((e) => e.method === 'POST')).toHaveLength(4)
  })
})

describe('the Entra HTTP client', () => {
  async function server(
    handler: Parameters<typeof createServer>[1],
  ): Promise<{ url: string; seen: { method: string; body: string; headers: unknown }[] }> {
    const seen: { method: string; body: string; headers: unknown }[] = []
    const s = createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        seen.push({ method: req.method ?? '', body, headers: req.headers })
        handler?.(req, res)
      })
    })
    servers.push(s)
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
    return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, seen }
  }

  const pipelineRequest = (url: string, extra: Record<string, unknown> = {}) =>
    ({
      url,
      method: 'POST',
      headers: new Map([['content-type', 'application/x-www-form-urlencoded']]),
      timeout: 0,
      withCredentials: false,
      requestId: 'r1',
      body: 'grant_type=client_credentials&client_assertion=eyJ.secret.sig',
      ...extra,
    }) as never

  it('sends the form body and headers, and returns status, headers and text', async () => {
    const { url, seen } = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-ms-request-id': 'abc' })
      res.end('{"access_token":"t"}')
    })
    const res = await entraHttpClient(createTransport()).sendRequest(pipelineRequest(url))
    expect(seen[0]?.body).toBe('grant_type=client_credentials&client_assertion=eyJ.secret.sig')
    expect(seen[0]?.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-ms-request-id')).toBe('abc')
    expect(res.bodyAsText).toBe('{"access_token":"t"}')
  })

  it('does not follow a redirect with the assertion: the 3xx comes back as it is', async () => {
    const target = await server((_req, res) => res.writeHead(200).end('{}'))
    const { url } = await server((_req, res) => {
      res.writeHead(307, { location: `${target.url}/elsewhere` }).end()
    })
    const res = await entraHttpClient(createTransport()).sendRequest(pipelineRequest(url))
    expect(res.status).toBe(307)
    expect(target.seen).toEqual([])
  })

  it('refuses bodies it does not understand rather than sending them half-understood', async () => {
    const { url, seen } = await server((_req, res) => res.writeHead(200).end('{}'))
    const client = entraHttpClient(createTransport())
    await expect(
      client.sendRequest(pipelineRequest(url, { body: () => undefined })),
    ).rejects.toThrow(/streamed body/)
    await expect(
      client.sendRequest(pipelineRequest(url, { formData: { a: 'b' } })),
    ).rejects.toThrow(/form-data/)
    await expect(client.sendRequest(pipelineRequest(url, { method: 'OPTIONS' }))).rejects.toThrow(
      /HTTP OPTIONS/,
    )
    expect(seen).toEqual([])
  })
})
