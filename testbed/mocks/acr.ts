/**
 * Mock of ACR's token service: `POST /oauth2/exchange` (Entra access token → ACR refresh token) and
 * `/oauth2/token` (refresh token → registry access token, POST grant_type=refresh_token or GET with
 * Basic 00000000-0000-0000-0000-000000000000:<refresh token>). Registry access tokens are RS256
 * JWTs with `x5c`, which Debian's docker-registry (distribution 2.8) accepts against
 * `auth.token.rootcertbundle`.
 *
 * Two ways to use it:
 * - standalone ({@link createAcrMock}), served by startAzureMocks;
 * - in front of the real registry: {@link acrExchangeRoute} plugs into testbed/registry.ts's token
 *   server (`startRegistry({ mode: 'token', tokenRoutes: [acrExchangeRoute(…)] })`), whose
 *   `/token` and `/oauth2/token` already honour the refresh tokens added to `refreshTokens`.
 */
import { createHash, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TokenRoute } from '../registry.js'
import { testKey } from '../pki.js'
import { recordRequest, sendJson, type RecordedRequest } from './http.js'
import { signJwt } from './jwt.js'

export const ACR_AUDIENCE = 'https://containerregistry.azure.net'
export const ACR_REFRESH_USERNAME = '00000000-0000-0000-0000-000000000000'

/** Registry access token (Docker token spec): RS256, `x5c` = [signer cert]. */
export function issueRegistryJwt(opts: {
  key: KeyObject
  certDer: Uint8Array
  issuer: string
  service: string
  subject: string
  scopes: string[]
  ttlSeconds?: number
}): string {
  const now = Math.floor(Date.now() / 1000)
  const access = opts.scopes.flatMap((s) => {
    const m = /^([a-z]+):(.+):([a-z*,]+)$/.exec(s)
    return m ? [{ type: m[1], name: m[2], actions: (m[3] as string).split(',') }] : []
  })
  return signJwt(
    {
      iss: opts.issuer,
      sub: opts.subject,
      aud: opts.service,
      exp: now + (opts.ttlSeconds ?? 300),
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access,
    },
    opts.key,
    {
      kid: createHash('sha256').update(opts.certDer).digest('hex').slice(0, 16),
      x5c: [Buffer.from(opts.certDer).toString('base64')],
    },
  )
}

type ExchangeResult =
  | { ok: true; refreshToken: string; principal: string }
  | { ok: false; status: number; body: unknown }

function exchange(
  body: string,
  verifyEntraToken: (t: string) => Record<string, unknown> | undefined,
  service: string | undefined,
  refreshKey: KeyObject,
): ExchangeResult {
  const form = new URLSearchParams(body)
  const unauthorized = (message: string): ExchangeResult => ({
    ok: false,
    status: 401,
    body: { errors: [{ code: 'UNAUTHORIZED', message }] },
  })
  if (form.get('grant_type') !== 'access_token') {
    return {
      ok: false,
      status: 400,
      body: { errors: [{ code: 'UNSUPPORTED', message: 'unsupported grant_type' }] },
    }
  }
  const svc = form.get('service') ?? ''
  if (svc === '' || (service !== undefined && svc !== service))
    return unauthorized(`unknown service "${svc}"`)
  const claims = verifyEntraToken(form.get('access_token') ?? '')
  if (claims === undefined) return unauthorized('invalid access token')
  if (claims['aud'] !== ACR_AUDIENCE) return unauthorized('access token audience is not ACR')
  if (typeof claims['exp'] !== 'number' || claims['exp'] <= Date.now() / 1000)
    return unauthorized('access token expired')
  const tenant = form.get('tenant')
  if (tenant !== null && tenant !== claims['tid'])
    return unauthorized('tenant does not match the token')
  const principal = String(claims['oid'] ?? claims['appid'] ?? '')
  const now = Math.floor(Date.now() / 1000)
  const refreshToken = signJwt(
    {
      jti: randomUUID(),
      sub: principal,
      nbf: now - 5,
      exp: now + 3 * 3600,
      iat: now,
      iss: 'Azure Container Registry',
      aud: svc,
      version: '1.0',
      grant_type: 'refresh_token',
      tenant: claims['tid'],
    },
    refreshKey,
  )
  return { ok: true, refreshToken, principal }
}

/** A route for testbed/registry.ts's token server: `POST /oauth2/exchange`. */
export function acrExchangeRoute(opts: {
  verifyEntraToken: (t: string) => Record<string, unknown> | undefined
  /** Accept only this `service` (default: any). */
  service?: string
  record?: (r: RecordedRequest) => void
  issued?: string[]
}): TokenRoute {
  const refreshKey = testKey('rsa2048', 'mock-acr-refresh')
  return (req, res, body, server) => {
    const url = new URL(req.url ?? '/', 'https://localhost')
    if (req.method !== 'POST' || url.pathname !== '/oauth2/exchange') return false
    opts.record?.(recordRequest('acr', req, body))
    const r = exchange(body, opts.verifyEntraToken, opts.service, refreshKey)
    if (!r.ok) {
      sendJson(res, r.status, r.body)
      return true
    }
    server.refreshTokens.add(r.refreshToken)
    opts.issued?.push(r.refreshToken)
    sendJson(res, 200, { refresh_token: r.refreshToken })
    return true
  }
}

export interface AcrMockOptions {
  verifyEntraToken: (t: string) => Record<string, unknown> | undefined
  /** Token signer for registry access tokens (its cert goes into the registry's rootcertbundle). */
  signer: { key: KeyObject; certDer: Uint8Array }
  issuer: string
  /** Expected `service` (default: any, echoed into tokens). */
  service?: string
  record: (r: RecordedRequest) => void
  issued: string[]
}

/** The standalone ACR token service. */
export function createAcrMock(options: AcrMockOptions) {
  const refreshKey = testKey('rsa2048', 'mock-acr-refresh')
  const refreshTokens = new Map<string, string>()
  const grant = (principal: string, service: string, scopes: string[]): string => {
    const token = issueRegistryJwt({
      key: options.signer.key,
      certDer: options.signer.certDer,
      issuer: options.issuer,
      service,
      subject: principal,
      scopes,
    })
    options.issued.push(token)
    return token
  }
  return {
    refreshTokens,
    handle(req: IncomingMessage, res: ServerResponse, body: string): void {
      options.record(recordRequest('acr', req, body))
      const url = new URL(req.url ?? '/', 'http://mock')
      if (req.method === 'POST' && url.pathname === '/oauth2/exchange') {
        const r = exchange(body, options.verifyEntraToken, options.service, refreshKey)
        if (!r.ok) return sendJson(res, r.status, r.body)
        refreshTokens.set(r.refreshToken, r.principal)
        options.issued.push(r.refreshToken)
        return sendJson(res, 200, { refresh_token: r.refreshToken })
      }
      if (url.pathname === '/oauth2/token' && req.method === 'POST') {
        const form = new URLSearchParams(body)
        const principal = refreshTokens.get(form.get('refresh_token') ?? '')
        if (form.get('grant_type') !== 'refresh_token' || principal === undefined) {
          return sendJson(res, 401, {
            errors: [{ code: 'UNAUTHORIZED', message: 'invalid refresh token' }],
          })
        }
        const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean)
        return sendJson(res, 200, {
          access_token: grant(principal, form.get('service') ?? options.service ?? '', scopes),
        })
      }
      if (url.pathname === '/oauth2/token' && req.method === 'GET') {
        const auth = req.headers.authorization ?? ''
        const basic = auth.startsWith('Basic ')
          ? Buffer.from(auth.slice(6), 'base64').toString()
          : ''
        const i = basic.indexOf(':')
        const principal = i > 0 ? refreshTokens.get(basic.slice(i + 1)) : undefined
        if (principal === undefined || basic.slice(0, i) !== ACR_REFRESH_USERNAME) {
          return sendJson(res, 401, {
            errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }],
          })
        }
        const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' '))
        const token = grant(
          principal,
          url.searchParams.get('service') ?? options.service ?? '',
          scopes,
        )
        return sendJson(res, 200, { access_token: token })
      }
      sendJson(res, 404, { errors: [{ code: 'NOT_FOUND', message: 'not found' }] })
    },
  }
}
