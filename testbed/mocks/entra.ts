/**
 * Mock Microsoft Entra ID (artifact-signing.md §8.3–§8.4, §10.10): openid-configuration, JWKS and the
 * v2 token endpoint doing the client-credentials grant with a federated client assertion. The
 * assertion is checked like Entra does: signature by a trusted issuer's key, issuer/subject/audience
 * against the app's federated credentials (AADSTS70021), `exp`/`nbf` (AADSTS700024).
 */
import { createPublicKey, randomUUID, type KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { recordRequest, sendJson, type RecordedRequest } from './http.js'
import { publicJwk, signJwt, verifyJwt } from './jwt.js'

export interface FederatedCredentialConfig {
  issuer: string
  subject: string
  audience: string
}

export interface EntraAppConfig {
  tenantId: string
  clientId: string
  /** Principal (object) id put in `oid`; default derived from the client id. */
  objectId?: string
  federatedCredentials: FederatedCredentialConfig[]
}

export interface EntraMockOptions {
  key: KeyObject
  kid: string
  apps: EntraAppConfig[]
  /** Issuers whose assertions are accepted, with their signing keys. */
  trustedIssuers: Record<string, KeyObject>
  /** Resources a token can be issued for (the scope minus /.default). */
  resources?: string[]
  record: (r: RecordedRequest) => void
  issued: string[]
  /** Access token lifetime in seconds (default 3599). */
  tokenTtlSeconds?: number
  /** [FAULT] The first N token requests answer 503 (a service hiccup a client retries through). */
  tokenUnavailableTimes?: number
}

const DEFAULT_RESOURCES = [
  'https://codesigning.azure.net',
  'https://containerregistry.azure.net',
  'https://vault.azure.net',
]

export function createEntraMock(options: EntraMockOptions) {
  const publicKey = createPublicKey(options.key)
  let unavailable = options.tokenUnavailableTimes ?? 0

  /** Tenant aliases Entra serves discovery for without a tenant of that id. */
  const isWellKnownTenant = (tenant: string): boolean =>
    ['common', 'organizations', 'consumers'].includes(tenant)

  function aadError(
    res: ServerResponse,
    status: number,
    error: string,
    code: number,
    text: string,
  ): void {
    sendJson(res, status, {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
      error_uri: 'https://login.microsoftonline.com/error?code=' + code,
    })
  }

  /** Mints an access token as the token endpoint would (tests use it with a stub credential). */
  function issueAccessToken(opts: {
    tenantId: string
    clientId: string
    resource: string
    objectId?: string
    ttlSeconds?: number
  }): string {
    const now = Math.floor(Date.now() / 1000)
    const oid = opts.objectId ?? `oid-${opts.clientId}`
    const token = signJwt(
      {
        aud: opts.resource,
        iss: `https://sts.windows.net/${opts.tenantId}/`,
        iat: now - 5,
        nbf: now - 5,
        exp: now + (opts.ttlSeconds ?? 3599),
        appid: opts.clientId,
        appidacr: '2',
        idp: `https://sts.windows.net/${opts.tenantId}/`,
        oid,
        sub: oid,
        tid: opts.tenantId,
        ver: '1.0',
      },
      options.key,
      { kid: options.kid, x5t: options.kid },
    )
    options.issued.push(token)
    return token
  }

  return {
    issueAccessToken,
    /** Verifies an access token this mock issued; returns its claims. */
    verifyAccessToken(token: string): Record<string, unknown> | undefined {
      const check = verifyJwt(token, publicKey)
      return check.ok ? check.claims : undefined
    },
    handle(req: IncomingMessage, res: ServerResponse, body: string): void {
      options.record(recordRequest('entra', req, body))
      const url = new URL(req.url ?? '/', 'http://mock')
      const origin = `https://${req.headers.host ?? ''}`
      const segs = url.pathname.split('/').filter(Boolean)
      const tenant = segs[0] ?? ''
      const rest = segs.slice(1).join('/')
      if (req.method === 'GET' && rest === 'v2.0/.well-known/openid-configuration') {
        // Like Entra: discovery for an unknown tenant is a 400 with AADSTS90002, which MSAL
        // reports only as `endpoints_resolution_error`.
        if (!options.apps.some((a) => a.tenantId === tenant) && !isWellKnownTenant(tenant)) {
          return aadError(
            res,
            400,
            'invalid_tenant',
            90002,
            `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
          )
        }
        return sendJson(res, 200, {
          token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
          token_endpoint_auth_methods_supported: [
            'client_secret_post',
            'private_key_jwt',
            'client_secret_basic',
          ],
          jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          issuer: `${origin}/${tenant}/v2.0`,
          authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
          tenant_region_scope: 'NA',
        })
      }
      if (req.method === 'GET' && rest === 'discovery/v2.0/keys') {
        return sendJson(res, 200, { keys: [publicJwk(options.key, options.kid)] })
      }
      if (req.method !== 'POST' || rest !== 'oauth2/v2.0/token') {
        return sendJson(res, 404, { error: 'not_found' })
      }
      if (unavailable > 0) {
        unavailable--
        return aadError(res, 503, 'temporarily_unavailable', 50196, 'The service is busy.')
      }
      const form = new URLSearchParams(body)
      const clientId = form.get('client_id') ?? ''
      const app = options.apps.find((a) => a.tenantId === tenant && a.clientId === clientId)
      const tenantKnown = options.apps.some((a) => a.tenantId === tenant)
      if (!tenantKnown) {
        return aadError(res, 400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`)
      }
      if (form.get('grant_type') !== 'client_credentials') {
        return aadError(
          res,
          400,
          'unsupported_grant_type',
          70003,
          'The app requested an unsupported grant type.',
        )
      }
      if (app === undefined) {
        return aadError(
          res,
          400,
          'unauthorized_client',
          700016,
          `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
        )
      }
      if (
        form.get('client_assertion_type') !==
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
      ) {
        return aadError(
          res,
          401,
          'invalid_client',
          7000218,
          'The request body must contain client_assertion.',
        )
      }
      const assertion = form.get('client_assertion') ?? ''
      const parsedClaims = (() => {
        try {
          return JSON.parse(
            Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString(),
          ) as Record<string, unknown>
        } catch {
          return undefined
        }
      })()
      const iss = typeof parsedClaims?.['iss'] === 'string' ? parsedClaims['iss'] : ''
      const issuerKey = options.trustedIssuers[iss]
      if (
        parsedClaims === undefined ||
        issuerKey === undefined ||
        !verifyJwt(assertion, issuerKey).ok
      ) {
        return aadError(
          res,
          401,
          'invalid_client',
          700211,
          `No matching federated identity record found for presented assertion issuer '${iss}'.`,
        )
      }
      const sub = String(parsedClaims['sub'] ?? '')
      const aud = Array.isArray(parsedClaims['aud'])
        ? String(parsedClaims['aud'][0])
        : String(parsedClaims['aud'] ?? '')
      const match = app.federatedCredentials.find(
        (f) => f.issuer === iss && f.subject === sub && f.audience === aud,
      )
      if (match === undefined) {
        return aadError(
          res,
          400,
          'invalid_client',
          70021,
          `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${aud}'.`,
        )
      }
      const now = Math.floor(Date.now() / 1000)
      const exp = Number(parsedClaims['exp'])
      const nbf = Number(parsedClaims['nbf'] ?? 0)
      if (!(exp > now) || nbf > now + 300) {
        return aadError(
          res,
          400,
          'invalid_client',
          700024,
          `Client assertion is not within its valid time range. Current time: ${new Date().toISOString()}, assertion valid from ${new Date(nbf * 1000).toISOString()}, expiry time of assertion ${new Date(exp * 1000).toISOString()}.`,
        )
      }
      const scope = form.get('scope') ?? ''
      const resource = scope
        .split(' ')
        .find((s) => s.endsWith('/.default'))
        ?.slice(0, -'/.default'.length)
      if (resource === undefined || !(options.resources ?? DEFAULT_RESOURCES).includes(resource)) {
        return aadError(
          res,
          400,
          'invalid_scope',
          500011,
          `The resource principal named ${resource ?? scope} was not found in the tenant.`,
        )
      }
      const ttl = options.tokenTtlSeconds ?? 3599
      const token = issueAccessToken({
        tenantId: tenant,
        clientId,
        resource,
        ttlSeconds: ttl,
        ...(app.objectId === undefined ? {} : { objectId: app.objectId }),
      })
      sendJson(res, 200, {
        token_type: 'Bearer',
        expires_in: ttl,
        ext_expires_in: ttl,
        access_token: token,
      })
    },
  }
}
