import { describe, expect, it } from 'vitest'
import {
  ACR_REFRESH_TOKEN_USERNAME,
  ACR_SCOPE,
  acrSignIn,
  isAcrHost,
} from '../../../src/azure/acr.js'
import { AzureAuthError } from '../../../src/azure/errors.js'
import { ActionError } from '../../../src/errors.js'
import { recordingLogger } from '../../../src/log.js'
import { TransportError, type HttpRequest, type Transport } from '../../../src/net/transport.js'
import { httpResponse, scriptedTransport } from '../../helpers/http.js'

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url')
const ACCESS = `${b64url({ alg: 'RS256' })}.${b64url({ aud: 'https://containerregistry.azure.net', tid: 'tid-from-token' })}.c2lnbmF0dXJlLXNlY3JldA`
const REFRESH = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.cmVmcmVzaC1zZWNyZXQtc2lnbmF0dXJl'

const response = (status: number, body?: unknown) => httpResponse(status, body)
const transport = scriptedTransport

const credential = (scopes: string[] = []) => ({
  clientId: 'client-9',
  getToken: async (s: string | string[]) => {
    scopes.push(String(s))
    return { token: ACCESS, expiresOnTimestamp: Date.now() + 3_600_000 }
  },
})

async function thrown(p: Promise<unknown>): Promise<ActionError> {
  try {
    await p
  } catch (err) {
    if (err instanceof ActionError) return err
    throw err
  }
  throw new Error('did not throw')
}

describe('isAcrHost', () => {
  it.each([
    ['myregistry.azurecr.io', true],
    ['MyRegistry.azurecr.io', true],
    ['myregistry.azurecr.io:443', true],
    ['myregistry-abc123.azurecr.io', true],
    ['myregistry.azurecr.cn', true],
    ['myregistry.azurecr.us', true],
    ['azurecr.io', false],
    ['myregistry.azurecr.io.evil.com', false],
    ['ghcr.io', false],
    ['127.0.0.1:5000', false],
    ['myregistry.azurecr.de', false],
  ])('%s → %s', (host, expected) => {
    expect(isAcrHost(host)).toBe(expected)
  })
})

describe('acrSignIn', () => {
  it('exchanges the Entra token and returns az-acr-login style credentials', async () => {
    const scopes: string[] = []
    const masked: string[] = []
    const logger = recordingLogger()
    const t = transport(() => response(200, { refresh_token: REFRESH }))
    const creds = await acrSignIn({
      registry: 'MyRegistry.azurecr.io',
      credential: credential(scopes),
      transport: t,
      logger,
      mask: (s) => void masked.push(s),
    })
    expect(creds).toEqual({ username: ACR_REFRESH_TOKEN_USERNAME, password: REFRESH })
    expect(creds.username).toBe('00000000-0000-0000-0000-000000000000')
    expect(scopes).toEqual([ACR_SCOPE])
    const req = t.requests[0] as HttpRequest
    expect(req.method).toBe('POST')
    expect(String(req.url)).toBe('https://myregistry.azurecr.io/oauth2/exchange')
    expect(req.headers?.['content-type']).toBe('application/x-www-form-urlencoded')
    const form = new URLSearchParams(String(req.body))
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'access_token',
      service: 'myregistry.azurecr.io',
      access_token: ACCESS,
      tenant: 'tid-from-token',
    })
    expect(masked).toEqual([REFRESH])
    const text = logger.lines.join('\n')
    expect(text).not.toContain(REFRESH.split('.')[2])
    expect(text).not.toContain(ACCESS.split('.')[2])
  })

  it('prefers the explicit tenant, then the credential’s', async () => {
    const t = transport(() => response(200, { refresh_token: REFRESH }))
    await acrSignIn({
      registry: 'r.azurecr.io',
      credential: { ...credential(), tenantId: 'cred-tenant' },
      transport: t,
      mask: () => {},
    })
    await acrSignIn({
      registry: 'r.azurecr.io',
      credential: credential(),
      tenantId: 'explicit',
      transport: t,
      mask: () => {},
    })
    expect(new URLSearchParams(String(t.requests[0]?.body)).get('tenant')).toBe('cred-tenant')
    expect(new URLSearchParams(String(t.requests[1]?.body)).get('tenant')).toBe('explicit')
  })

  it('refuses a non-ACR host unless an exchange URL is given (tests, proxies)', async () => {
    const t = transport(() => response(200, { refresh_token: REFRESH }))
    expect(
      (await thrown(acrSignIn({ registry: 'ghcr.io', credential: credential(), transport: t })))
        .code,
    ).toBe('ACR_NOT_ACR_HOST')
    await acrSignIn({
      registry: '127.0.0.1:5000',
      exchangeUrl: 'https://127.0.0.1:5001/oauth2/exchange',
      service: 'testbed-registry',
      credential: credential(),
      transport: t,
      mask: () => {},
    })
    expect(String(t.requests[0]?.url)).toBe('https://127.0.0.1:5001/oauth2/exchange')
    expect(new URLSearchParams(String(t.requests[0]?.body)).get('service')).toBe('testbed-registry')
  })

  it.each([
    [401, 'ACR_EXCHANGE_REFUSED', /AcrPush/],
    [403, 'ACR_EXCHANGE_REFUSED', /client-9/],
    [404, 'ACR_EXCHANGE_INVALID', /Azure Container Registry/],
    [500, 'ACR_EXCHANGE_INVALID', /retry/],
  ])('HTTP %i → %s', async (status, code, remedy) => {
    const e = await thrown(
      acrSignIn({
        registry: 'r.azurecr.io',
        credential: credential(),
        transport: transport(() => response(status, {})),
      }),
    )
    expect(e.code).toBe(code)
    expect(e.remedy).toMatch(remedy)
  })

  it.each([
    ['pull', ['"AcrPull"', 'Container Registry Repository Reader'], ['AcrPush', 'Writer']],
    ['push', ['"AcrPush"', 'Container Registry Repository Writer'], ['AcrPull', 'Reader']],
    [undefined, ['"AcrPull"', 'to verify', '"AcrPush"', 'to sign'], []],
  ] as const)(
    'a refused exchange for %s access names the role it needs',
    async (access, has, hasNot) => {
      const e = await thrown(
        acrSignIn({
          registry: 'r.azurecr.io',
          credential: credential(),
          transport: transport(() => response(403, {})),
          ...(access === undefined ? {} : { access }),
        }),
      )
      expect(e.code).toBe('ACR_EXCHANGE_REFUSED')
      for (const text of has) expect(e.remedy).toContain(text)
      for (const text of hasNot) expect(e.remedy).not.toContain(text)
    },
  )

  it('a body without refresh_token is ACR_EXCHANGE_INVALID', async () => {
    const e = await thrown(
      acrSignIn({
        registry: 'r.azurecr.io',
        credential: credential(),
        transport: transport(() => response(200, { nope: 1 })),
      }),
    )
    expect(e.code).toBe('ACR_EXCHANGE_INVALID')
  })

  it('network failures and credential failures are coded', async () => {
    const t: Transport = {
      request: async () => {
        throw new TransportError('NETWORK', 'ECONNREFUSED')
      },
    }
    expect(
      (
        await thrown(
          acrSignIn({ registry: 'r.azurecr.io', credential: credential(), transport: t }),
        )
      ).code,
    ).toBe('ACR_EXCHANGE_INVALID')
    const failing = {
      getToken: async () => Promise.reject(new AzureAuthError('AZURE_FEDERATION_MISMATCH', 'x')),
    }
    expect(
      (await thrown(acrSignIn({ registry: 'r.azurecr.io', credential: failing, transport: t })))
        .code,
    ).toBe('AZURE_FEDERATION_MISMATCH')
    const plain = { getToken: async () => Promise.reject(new Error('boom')) }
    expect(
      (await thrown(acrSignIn({ registry: 'r.azurecr.io', credential: plain, transport: t }))).code,
    ).toBe('ACR_EXCHANGE_REFUSED')
  })
})
