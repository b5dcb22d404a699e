/**
 * createAzureCredential with the REAL @azure/identity ClientAssertionCredential (and MSAL) talking
 * to a scripted Entra through the `httpClient` option (artifact-signing.md §8.4, set-up 2).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { audienceForAuthority, isKnownAuthorityHost } from '../../../src/azure/authority.js'
import {
  createAzureCredential,
  hasAzureCliSession,
  translateEntraError,
  type AzureCredentialOptions,
} from '../../../src/azure/credential.js'
import { ActionError, formatCauseChain } from '../../../src/errors.js'
import { recordingLogger } from '../../../src/log.js'

// A loopback authority: the fake httpClient answers, nothing listens there.
const AUTHORITY = 'https://127.0.0.1:9'
const TENANT = 'tenant-1'
const CLIENT = '11111111-2222-3333-4444-555555555555'
const SUBJECT = 'repo:octo-org/octo-repo:environment:production'

function b64url(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url')
}
function idToken(claims: Record<string, unknown>): string {
  return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.${Buffer.from('signature-bytes-that-are-secret').toString('base64url')}`
}

interface FakeRequest {
  url: string
  method: string
  body?: string
}

type EntraScript = (req: FakeRequest) => { status: number; body: unknown }

function headersOf(map: Record<string, string>) {
  const m = new Map(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v]))
  return {
    get: (n: string) => m.get(n.toLowerCase()),
    has: (n: string) => m.has(n.toLowerCase()),
    set: (n: string, v: string | number | boolean) => void m.set(n.toLowerCase(), String(v)),
    delete: (n: string) => void m.delete(n.toLowerCase()),
    toJSON: () => Object.fromEntries(m),
    [Symbol.iterator]: () => m.entries(),
  }
}

function fakeEntra(script: EntraScript) {
  const requests: FakeRequest[] = []
  const httpClient = {
    async sendRequest(request: { url: string; method: string; body?: unknown }) {
      const req: FakeRequest = {
        url: request.url,
        method: request.method,
        ...(typeof request.body === 'string' ? { body: request.body } : {}),
      }
      requests.push(req)
      const url = new URL(request.url)
      let out: { status: number; body: unknown }
      if (url.pathname.endsWith('/v2.0/.well-known/openid-configuration')) {
        const t = url.pathname.split('/')[1]
        out = {
          status: 200,
          body: {
            issuer: `${AUTHORITY}/${t}/v2.0`,
            authorization_endpoint: `${AUTHORITY}/${t}/oauth2/v2.0/authorize`,
            token_endpoint: `${AUTHORITY}/${t}/oauth2/v2.0/token`,
            jwks_uri: `${AUTHORITY}/${t}/discovery/v2.0/keys`,
          },
        }
      } else {
        out = script(req)
      }
      return {
        request,
        status: out.status,
        headers: headersOf({ 'content-type': 'application/json; charset=utf-8' }),
        bodyAsText: JSON.stringify(out.body),
      }
    },
  }
  return { httpClient, requests }
}

const tokenOk = (): { status: number; body: unknown } => ({
  status: 200,
  body: {
    token_type: 'Bearer',
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: `at-${Math.random()}`,
  },
})
const aadError = (code: number, text: string): { status: number; body: unknown } => ({
  status: 400,
  body: {
    error: 'invalid_client',
    error_description: `AADSTS${code}: ${text}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: 't',
    correlation_id: 'c',
  },
})

function setup(script: EntraScript, extra: Partial<AzureCredentialOptions> = {}) {
  const entra = fakeEntra(script)
  let t = Date.now()
  const audiences: string[] = []
  const minted: string[] = []
  const logger = recordingLogger()
  const credential = createAzureCredential({
    clientId: CLIENT,
    tenantId: TENANT,
    authorityHost: AUTHORITY,
    env: {},
    logger,
    now: () => t,
    getIdToken: async (aud) => {
      audiences.push(aud)
      const now = Math.floor(t / 1000)
      const token = idToken({
        iss: 'https://token.actions.githubusercontent.com',
        sub: SUBJECT,
        aud,
        exp: now + 300,
        iat: now,
      })
      minted.push(token)
      return token
    },
    clientOptions: { httpClient: entra.httpClient as never },
    ...extra,
  })
  return { credential, entra, audiences, minted, logger, advance: (ms: number) => void (t += ms) }
}

async function thrown(p: Promise<unknown>): Promise<ActionError> {
  try {
    await p
  } catch (err) {
    if (err instanceof ActionError) return err
    throw err
  }
  throw new Error('did not throw')
}

describe('createAzureCredential (GitHub OIDC federation)', () => {
  it('uses a GitHub ID token requested before it was made as its first assertion, once', async () => {
    const now = Math.floor(Date.now() / 1000)
    const early = idToken({
      iss: 'https://token.actions.githubusercontent.com',
      sub: SUBJECT,
      aud: 'api://AzureADTokenExchange',
      exp: now + 300,
      iat: now,
    })
    const { credential, entra, audiences, advance } = setup(tokenOk, {
      idTokenRequested: { audience: 'api://AzureADTokenExchange', token: Promise.resolve(early) },
    })
    await credential.getToken('https://codesigning.azure.net/.default')
    const first = new URLSearchParams(entra.requests.find((r) => r.method === 'POST')?.body ?? '')
    expect(first.get('client_assertion')).toBe(early)
    expect(audiences).toEqual([])
    // Once it has expired, a fresh one is requested: the early one is never reused past its life.
    advance(10 * 60_000)
    await credential.getToken('https://vault.azure.net/.default')
    expect(audiences).toEqual(['api://AzureADTokenExchange'])
  })

  it('ignores an early GitHub ID token for another audience, and reports an early failure as its own', async () => {
    const other = setup(tokenOk, {
      idTokenRequested: {
        audience: 'api://AzureADTokenExchangeUSGov',
        token: Promise.resolve('x'),
      },
    })
    await other.credential.getToken('https://codesigning.azure.net/.default')
    expect(other.audiences).toEqual(['api://AzureADTokenExchange'])

    const failed = Promise.reject(
      new ActionError('AZURE_OIDC_FAILED', 'requesting a GitHub OIDC token failed'),
    )
    failed.catch(() => undefined)
    const { credential } = setup(tokenOk, {
      idTokenRequested: { audience: 'api://AzureADTokenExchange', token: failed },
    })
    const err = await thrown(credential.getToken('https://codesigning.azure.net/.default'))
    expect(err.code).toBe('AZURE_OIDC_FAILED')
  })

  it('exchanges the GitHub ID token as client assertion, with the default audience', async () => {
    const { credential, entra, audiences, minted } = setup(tokenOk)
    const token = await credential.getToken('https://codesigning.azure.net/.default')
    expect(token.token).toMatch(/^at-/)
    expect(audiences).toEqual(['api://AzureADTokenExchange'])
    const post = entra.requests.find((r) => r.method === 'POST')
    const form = new URLSearchParams(post?.body ?? '')
    expect(post?.url).toContain(`${AUTHORITY}/${TENANT}/oauth2/v2.0/token`)
    expect(form.get('client_assertion')).toBe(minted[0])
    expect(form.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    )
    expect(form.get('client_id')).toBe(CLIENT)
    expect(form.get('scope')).toContain('https://codesigning.azure.net/.default')
    // disableInstanceDiscovery for a non-Microsoft authority: no call to login.microsoftonline.com
    expect(entra.requests.every((r) => r.url.startsWith(AUTHORITY))).toBe(true)
    expect(credential.kind).toBe('github-oidc')
    expect(credential.federatedIdentity()).toEqual({
      issuer: 'https://token.actions.githubusercontent.com',
      subject: SUBJECT,
      audience: 'api://AzureADTokenExchange',
      clientId: CLIENT,
      tenantId: TENANT,
    })
  })

  it('memoises the ID token for its lifetime and refetches it near exp', async () => {
    const { credential, audiences, advance } = setup(tokenOk)
    await credential.getToken('https://codesigning.azure.net/.default')
    await credential.getToken('https://containerregistry.azure.net/.default')
    await credential.getToken('https://codesigning.azure.net/.default')
    expect(audiences).toHaveLength(1)
    advance(239_000) // exp is +300 s; reused until exp − 60 s
    await credential.getToken('https://containerregistry.azure.net/.default')
    expect(audiences).toHaveLength(1)
    advance(2_000)
    // The access tokens already held are still good (the assertion only buys new ones) ...
    await credential.getToken('https://containerregistry.azure.net/.default')
    expect(audiences).toHaveLength(1)
    // ... a scope not asked for yet needs an exchange, with a fresh ID token.
    await credential.getToken('https://management.azure.com/.default')
    expect(audiences).toHaveLength(2)
  })

  it('shares one token exchange among callers asking at once, and reuses it', async () => {
    const { credential, entra, audiences } = setup(tokenOk)
    const scope = 'https://codesigning.azure.net/.default'
    const tokens = await Promise.all(Array.from({ length: 5 }, () => credential.getToken(scope)))
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1)
    const posts = () => entra.requests.filter((r) => r.method === 'POST').length
    expect(posts()).toBe(1)
    expect(audiences).toHaveLength(1)
    expect(await credential.getToken(scope)).toEqual(tokens[0])
    expect(posts()).toBe(1)
  })

  it('a failed exchange is not remembered: the next call tries again', async () => {
    let fail = true
    const { credential, entra } = setup(() =>
      fail ? aadError(700213, 'No matching federated identity record found.') : tokenOk(),
    )
    const scope = 'https://codesigning.azure.net/.default'
    expect((await thrown(credential.getToken(scope))).code).toBe('AZURE_FEDERATION_MISMATCH')
    fail = false
    expect((await credential.getToken(scope)).token).toMatch(/^at-/)
    expect(entra.requests.filter((r) => r.method === 'POST').length).toBeGreaterThanOrEqual(2)
  })

  it('concurrent calls share one ID token request', async () => {
    const { credential, audiences } = setup(tokenOk)
    await Promise.all([
      credential.getToken('https://codesigning.azure.net/.default'),
      credential.getToken('https://containerregistry.azure.net/.default'),
    ])
    expect(audiences).toHaveLength(1)
  })

  it('logs the federated subject once, never the token', async () => {
    const { credential, logger, minted } = setup(tokenOk)
    const at = await credential.getToken('https://codesigning.azure.net/.default')
    await credential.getToken('https://codesigning.azure.net/.default')
    const text = logger.lines.join('\n')
    expect(logger.lines.filter((l) => l.includes(SUBJECT))).toHaveLength(1)
    expect(text).not.toContain(minted[0] as string)
    expect(text).not.toContain(at.token)
  })

  it('AADSTS70021 → AZURE_FEDERATION_MISMATCH naming the subject to configure', async () => {
    const { credential, minted } = setup(() =>
      aadError(70021, 'No matching federated identity record found for presented assertion.'),
    )
    const err = await thrown(credential.getToken('https://codesigning.azure.net/.default'))
    expect(err.code).toBe('AZURE_FEDERATION_MISMATCH')
    expect(err.remedy).toContain(`subject "${SUBJECT}"`)
    expect(err.remedy).toContain('issuer "https://token.actions.githubusercontent.com"')
    expect(err.remedy).toContain('audience "api://AzureADTokenExchange"')
    expect(err.remedy).toContain(CLIENT)
    expect(`${err.message}${err.remedy}`).not.toContain(minted[0] as string)
  })

  it.each([
    [700024, 'AZURE_ASSERTION_EXPIRED', /clock/],
    [700016, 'AZURE_APP_NOT_FOUND', /azure-client-id and azure-tenant-id/],
    [90002, 'AZURE_TENANT_NOT_FOUND', /azure-tenant-id/],
    [50000, 'AZURE_AUTH_FAILED', /federated credential/],
  ])('AADSTS%i → %s', async (code, expected, remedy) => {
    const { credential } = setup(() => aadError(code, 'Something.'))
    const err = await thrown(credential.getToken('https://codesigning.azure.net/.default'))
    expect(err.code).toBe(expected)
    expect(err.remedy).toMatch(remedy)
    expect(err.cause).toBeDefined()
  })

  it('a failing OIDC request surfaces as our coded error, not MSAL’s', async () => {
    const { credential } = setup(tokenOk, {
      getIdToken: async () => {
        throw new ActionError('AZURE_OIDC_FAILED', 'requesting a GitHub OIDC token failed')
      },
    })
    expect((await thrown(credential.getToken('https://codesigning.azure.net/.default'))).code).toBe(
      'AZURE_OIDC_FAILED',
    )
  })

  it('reads AZURE_CLIENT_ID / AZURE_TENANT_ID / AZURE_AUTHORITY_HOST from the environment', async () => {
    const entra = fakeEntra(tokenOk)
    const credential = createAzureCredential({
      env: { AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_AUTHORITY_HOST: AUTHORITY },
      getIdToken: async () => idToken({ sub: SUBJECT, exp: Math.floor(Date.now() / 1000) + 300 }),
      clientOptions: { httpClient: entra.httpClient as never },
    })
    expect(credential.clientId).toBe(CLIENT)
    expect(credential.tenantId).toBe(TENANT)
    await credential.getToken('https://codesigning.azure.net/.default')
    expect(entra.requests[0]?.url).toContain(`${AUTHORITY}/${TENANT}/`)
  })
})

describe('configuration errors', () => {
  it('no ACTIONS_ID_TOKEN_REQUEST_URL: add permissions: id-token: write', () => {
    let err: unknown
    try {
      createAzureCredential({ clientId: CLIENT, tenantId: TENANT, env: {} })
    } catch (e) {
      err = e
    }
    expect((err as ActionError).code).toBe('AZURE_OIDC_UNAVAILABLE')
    expect((err as ActionError).message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL')
    expect((err as ActionError).remedy).toContain('add `permissions: id-token: write` to the job')
  })

  it('a client id without a tenant id names azure-tenant-id', () => {
    expect(() =>
      createAzureCredential({ clientId: CLIENT, env: {}, getIdToken: async () => '' }),
    ).toThrow(/azure-tenant-id/)
  })

  it('no client id and no Azure CLI session names azure-client-id', () => {
    expect(() => createAzureCredential({ env: {}, hasAzureCliSession: () => false })).toThrow(
      /azure-client-id/,
    )
  })

  it('no client id but an Azure CLI session: the Azure CLI credential', () => {
    const c = createAzureCredential({ env: {}, hasAzureCliSession: () => true, tenantId: TENANT })
    expect(c.kind).toBe('azure-cli')
    expect(c.federatedIdentity()).toBeUndefined()
  })

  it.each([
    ['a look-alike of the public cloud', 'https://login.microsoftonline.com.evil.example', {}],
    [
      'another host from the environment',
      undefined,
      { AZURE_AUTHORITY_HOST: 'https://sts.example' },
    ],
  ])(
    'refuses %s as the authority: the GitHub OIDC token would go there',
    (_, authorityHost, env) => {
      const make = (): unknown =>
        createAzureCredential({
          clientId: CLIENT,
          tenantId: TENANT,
          env,
          getIdToken: async () => 'never asked',
          ...(authorityHost === undefined ? {} : { authorityHost }),
        })
      expect(make).toThrow(/is not a Microsoft Entra authority/)
      try {
        make()
      } catch (err) {
        expect((err as { code?: string }).code).toBe('AZURE_AUTH_CONFIG')
        expect((err as { remedy?: string }).remedy).toContain('https://login.microsoftonline.us')
      }
    },
  )

  it('accepts the sovereign authorities and loopback (the mocks)', () => {
    for (const authorityHost of [
      'https://login.microsoftonline.us',
      'https://login.chinacloudapi.cn',
      'https://127.0.0.1:8443',
    ]) {
      expect(() =>
        createAzureCredential({
          clientId: CLIENT,
          tenantId: TENANT,
          env: {},
          authorityHost,
          getIdToken: async () => '',
        }),
      ).not.toThrow()
    }
  })

  it('rejects an http authority and malformed ids', () => {
    const ok = { env: {}, getIdToken: async () => '' }
    expect(() =>
      createAzureCredential({
        ...ok,
        clientId: CLIENT,
        tenantId: TENANT,
        authorityHost: 'http://127.0.0.1:1',
      }),
    ).toThrow(/https/)
    expect(() =>
      createAzureCredential({ ...ok, clientId: CLIENT, tenantId: 'bad tenant!' }),
    ).toThrow(/azure-tenant-id/)
    expect(() =>
      createAzureCredential({ ...ok, clientId: 'bad client!', tenantId: TENANT }),
    ).toThrow(/azure-client-id/)
  })

  it.each([
    [
      'the azure-authority-host input',
      { authorityHost: 'http://127.0.0.1:1', env: {} },
      'input azure-authority-host',
      'AZURE_AUTHORITY_HOST',
    ],
    [
      'the AZURE_AUTHORITY_HOST environment variable',
      { env: { AZURE_AUTHORITY_HOST: 'http://127.0.0.1:1' } },
      'environment variable AZURE_AUTHORITY_HOST',
      'azure-authority-host',
    ],
  ])('an http authority host from %s names that source', (_, options, source, other) => {
    let err: unknown
    try {
      createAzureCredential({
        clientId: CLIENT,
        tenantId: TENANT,
        getIdToken: async () => '',
        ...options,
      })
    } catch (e) {
      err = e
    }
    const e = err as ActionError
    expect(e.code).toBe('AZURE_AUTH_CONFIG')
    expect(e.message).toContain(`(from ${source})`)
    expect(e.remedy).toContain(source)
    expect(`${e.message} ${e.remedy}`).not.toContain(other)
  })

  it('detects an Azure CLI session from its token cache or profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'azcfg-'))
    expect(hasAzureCliSession({ AZURE_CONFIG_DIR: dir })).toBe(false)
    writeFileSync(join(dir, 'azureProfile.json'), '\uFEFF{"subscriptions":[]}')
    expect(hasAzureCliSession({ AZURE_CONFIG_DIR: dir })).toBe(false)
    writeFileSync(join(dir, 'azureProfile.json'), '\uFEFF{"subscriptions":[{"id":"x"}]}')
    expect(hasAzureCliSession({ AZURE_CONFIG_DIR: dir })).toBe(true)
  })
})

describe('clouds', () => {
  it.each([
    [undefined, 'api://AzureADTokenExchange', true],
    ['https://login.microsoftonline.com', 'api://AzureADTokenExchange', true],
    ['https://login.microsoftonline.us/', 'api://AzureADTokenExchangeUSGov', true],
    ['https://login.chinacloudapi.cn', 'api://AzureADTokenExchangeChina', true],
    ['https://login.partner.microsoftonline.cn', 'api://AzureADTokenExchangeChina', true],
    ['https://127.0.0.1:8443', 'api://AzureADTokenExchange', false],
  ])('%s → audience %s, known %s', (host, audience, known) => {
    expect(audienceForAuthority(host)).toBe(audience)
    expect(isKnownAuthorityHost(host)).toBe(known)
  })

  it('requests the ID token for the sovereign audience of a US Gov authority', async () => {
    const audiences: string[] = []
    const c = createAzureCredential({
      clientId: CLIENT,
      tenantId: TENANT,
      authorityHost: 'https://login.microsoftonline.us',
      env: {},
      getIdToken: async (aud) => {
        audiences.push(aud)
        throw new ActionError('AZURE_OIDC_FAILED', 'stop here')
      },
    })
    await thrown(c.getToken('https://codesigning.azure.net/.default'))
    expect(audiences).toEqual(['api://AzureADTokenExchangeUSGov'])
  })

  it('an explicit audience wins', async () => {
    const audiences: string[] = []
    const c = createAzureCredential({
      clientId: CLIENT,
      tenantId: TENANT,
      audience: 'api://Custom',
      env: {},
      getIdToken: async (aud) => {
        audiences.push(aud)
        throw new ActionError('AZURE_OIDC_FAILED', 'stop here')
      },
    })
    await thrown(c.getToken('https://codesigning.azure.net/.default'))
    expect(audiences).toEqual(['api://Custom'])
  })
})

describe('translateEntraError', () => {
  const MSAL_700016 =
    "unauthorized_client: Error(s): 700016 - Timestamp: 2026-12-03 06:00:00Z - Description: AADSTS700016: Application with identifier 'abc' was not found in the directory 'tenant-1'. Trace ID: 11111111-1111-1111-1111-111111111111 Correlation ID: 22222222-2222-2222-2222-222222222222 Timestamp: 2026-12-03 06:00:00Z - Correlation ID: 22222222-2222-2222-2222-222222222222 - Trace ID: 11111111-1111-1111-1111-111111111111"

  it("says Entra's sentence once, and its trace and correlation ids once", () => {
    const err = translateEntraError(new Error(MSAL_700016), { scope: 's', tenantId: 'tenant-1' })
    const text = formatCauseChain(err).join('\n')
    expect(err.code).toBe('AZURE_APP_NOT_FOUND')
    expect(text.split('was not found in the directory')).toHaveLength(2)
    expect(text.split('AADSTS700016')).toHaveLength(2)
    expect(text.split('11111111-1111-1111-1111-111111111111')).toHaveLength(2)
    expect(text.split('22222222-2222-2222-2222-222222222222')).toHaveLength(2)
    expect(text).toContain(
      "(AADSTS700016): Application with identifier 'abc' was not found in the directory 'tenant-1'.",
    )
    expect(text).toContain(
      'caused by: Entra unauthorized_client, trace ID 11111111-1111-1111-1111-111111111111, correlation ID 22222222-2222-2222-2222-222222222222',
    )
  })

  it("maps MSAL's endpoints_resolution_error (a bad tenant) to tenant not found", () => {
    const msal = new Error(
      'endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details',
    )
    const err = translateEntraError(msal, { scope: 's', tenantId: 'no-such-tenant' })
    expect(err.code).toBe('AZURE_TENANT_NOT_FOUND')
    expect(err.message).toContain('Entra tenant "no-such-tenant" was not found (AADSTS90002)')
    expect(err.remedy).toContain('azure-tenant-id')
    expect(err.remedy).toContain('azure-authority-host')
  })

  it('keeps coded errors and finds AADSTS codes in any message', () => {
    const coded = new ActionError('X', 'y')
    expect(translateEntraError(coded, { scope: 's' })).toBe(coded)
    expect(
      translateEntraError(new Error('blah AADSTS700213: No matching'), { scope: 's' }).code,
    ).toBe('AZURE_FEDERATION_MISMATCH')
    expect(translateEntraError('weird', { scope: 's' }).code).toBe('AZURE_AUTH_FAILED')
  })
})

describe('Azure CLI session (a prior azure/login)', () => {
  it('runs `az` once per scope and translates its failures', async () => {
    const { chmodSync, readFileSync } = await import('node:fs')
    const dir = mkdtempSync(join(tmpdir(), 'fake-az-'))
    const log = join(dir, 'calls')
    const exp = Math.floor(Date.now() / 1000) + 3600
    // A fake `az`: a Node script behind a POSIX wrapper, or behind az.cmd on Windows (as the real
    // Azure CLI is installed there), so this runs on every runner of the CI matrix.
    writeFileSync(
      join(dir, 'az.cjs'),
      `const fs = require('node:fs')
const args = process.argv.slice(2).join(' ')
fs.appendFileSync(${JSON.stringify(log)}, args + '\\n')
if (args.includes('containerregistry')) {
  process.stderr.write("ERROR: Please run 'az login' to setup account.\\n")
  process.exitCode = 1
} else {
  process.stdout.write(JSON.stringify({ accessToken: 'cli-token-secret', expires_on: ${exp}, tokenType: 'Bearer' }))
}
`,
    )
    if (process.platform === 'win32') {
      writeFileSync(join(dir, 'az.cmd'), `@"${process.execPath}" "${join(dir, 'az.cjs')}" %*\r\n`)
    } else {
      writeFileSync(
        join(dir, 'az'),
        `#!/bin/sh\nexec "${process.execPath}" "${join(dir, 'az.cjs')}" "$@"\n`,
      )
      chmodSync(join(dir, 'az'), 0o755)
    }
    const path = process.env.PATH
    process.env.PATH = `${dir}${delimiter}${path ?? ''}`
    try {
      const c = createAzureCredential({ env: {}, hasAzureCliSession: () => true })
      expect((await c.getToken('https://codesigning.azure.net/.default')).token).toBe(
        'cli-token-secret',
      )
      expect((await c.getToken('https://codesigning.azure.net/.default')).token).toBe(
        'cli-token-secret',
      )
      expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(1)
      expect(readFileSync(log, 'utf8')).toContain('--resource https://codesigning.azure.net')
      const err = await thrown(c.getToken('https://containerregistry.azure.net/.default'))
      expect(err.code).toBe('AZURE_AUTH_FAILED')
      expect(err.remedy).toContain('azure/login')
    } finally {
      process.env.PATH = path
    }
  })
})
