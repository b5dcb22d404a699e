/**
 * Azure Container Registry sign-in with the job's Entra identity, no `az acr login`: an Entra token
 * for the ACR resource is exchanged at `POST https://<registry>/oauth2/exchange` for an ACR refresh
 * token, handed to the registry client as the credentials `az acr login` leaves behind
 * (username 00000000-0000-0000-0000-000000000000, password = refresh token). The client's normal
 * Bearer flow then works: `POST /oauth2/token` with grant_type=refresh_token, or GET with Basic.
 */
import { ActionError } from '../errors.js'
import { silentLogger, type Logger } from '../log.js'
import { TransportError, type Transport } from '../net/transport.js'
import { jwtClaims, stringClaim } from './claims.js'
import { AcrError } from './errors.js'
import { maskInActionsLog } from './oidc.js'
import type { TokenCredentialLike } from './types.js'

export const ACR_SCOPE = 'https://containerregistry.azure.net/.default'
/** The user name ACR expects with a refresh token as password (what `az acr login` stores). */
export const ACR_REFRESH_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000'

const ACR_HOST = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.azurecr\.(io|cn|us)$/

/** True for an ACR login server (`*.azurecr.io`, `.cn`, `.us`), with or without a port. */
export function isAcrHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/:\d+$/, '')
  return ACR_HOST.test(name)
}

export interface RegistryCredentials {
  username: string
  password: string
}

export interface AcrSignInOptions {
  /** Login server, e.g. `myregistry.azurecr.io`. */
  registry: string
  credential: TokenCredentialLike
  transport: Transport
  /** Tenant of the identity; default the credential's, else the access token's `tid`. */
  tenantId?: string
  logger?: Logger
  /** Default `https://<registry>/oauth2/exchange`; tests point it at a mock. */
  exchangeUrl?: string
  /** The `service` parameter; default the registry host. */
  service?: string
  /** Masks the refresh token in the Actions log (default: @actions/core setSecret inside Actions). */
  mask?: (secret: string) => void
  /**
   * What the credentials are for: `pull` (verify, inspect) or `push` (sign). Only the remedy of a
   * refused exchange uses it (AcrPull or AcrPush); the exchange itself carries no scope. Unset,
   * the remedy names both roles.
   */
  access?: 'pull' | 'push'
}

/** The registry role the identity needs for `access`, ABAC-enabled registries in parentheses. */
function roleRemedy(access: 'pull' | 'push' | undefined): string {
  const pull = '"AcrPull" (or "Container Registry Repository Reader" on ABAC-enabled registries)'
  const push = '"AcrPush" (or "Container Registry Repository Writer" on ABAC-enabled registries)'
  if (access === 'pull') return `the role ${pull}`
  if (access === 'push') return `the role ${push}`
  return `the role ${pull} to verify, or ${push} to sign,`
}

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined
}

/** Exchanges the job's Entra identity for ACR registry credentials. */
export async function acrSignIn(options: AcrSignInOptions): Promise<RegistryCredentials> {
  const logger = options.logger ?? silentLogger
  const registry = options.registry.trim().toLowerCase()
  if (options.exchangeUrl === undefined && !isAcrHost(registry)) {
    throw new AcrError(
      'ACR_NOT_ACR_HOST',
      `${registry} is not an Azure Container Registry login server (*.azurecr.io)`,
      {
        remedy: 'use the Entra sign-in only for ACR registries; give other registries credentials',
      },
    )
  }
  const exchangeUrl = options.exchangeUrl ?? `https://${registry}/oauth2/exchange`
  const service = options.service ?? registry
  let accessToken: string
  try {
    const token = await options.credential.getToken(ACR_SCOPE)
    if (token === null) throw new Error('the credential returned no token')
    accessToken = token.token
  } catch (err) {
    if (err instanceof ActionError) throw err
    throw new AcrError('ACR_EXCHANGE_REFUSED', `getting an Entra token for ${ACR_SCOPE} failed`, {
      cause: err,
      remedy: 'check azure-client-id, azure-tenant-id and the federated credential',
    })
  }
  const tenant =
    options.tenantId ?? options.credential.tenantId ?? stringClaim(jwtClaims(accessToken), 'tid')
  const form = new URLSearchParams({
    grant_type: 'access_token',
    service,
    access_token: accessToken,
  })
  if (tenant !== undefined) form.set('tenant', tenant)
  logger.debug(
    `acr: exchanging the Entra token for a refresh token at ${new URL(exchangeUrl).origin}`,
  )
  let res
  try {
    res = await options.transport.request({
      method: 'POST',
      url: exchangeUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      followRedirects: false,
      maxBytes: 256 * 1024,
    })
  } catch (err) {
    if (err instanceof TransportError) {
      throw new AcrError(
        'ACR_EXCHANGE_INVALID',
        `cannot reach ${registry} for the token exchange`,
        {
          cause: err,
          remedy: 'check the registry name and the runner network',
        },
      )
    }
    throw err
  }
  if (res.status === 401 || res.status === 403 || res.status === 400) {
    throw new AcrError(
      'ACR_EXCHANGE_REFUSED',
      `${registry} refused the Entra token (HTTP ${res.status})`,
      {
        status: res.status,
        remedy: `assign ${roleRemedy(options.access)} to the identity${
          options.credential.clientId !== undefined ? ` ${options.credential.clientId}` : ''
        } on the registry, and check azure-tenant-id is the registry's tenant`,
      },
    )
  }
  if (res.status === 404) {
    throw new AcrError(
      'ACR_EXCHANGE_INVALID',
      `${registry} has no /oauth2/exchange endpoint (HTTP 404)`,
      {
        status: 404,
        remedy: 'check the registry is an Azure Container Registry login server',
      },
    )
  }
  if (res.status !== 200) {
    throw new AcrError(
      'ACR_EXCHANGE_INVALID',
      `the ACR token exchange answered HTTP ${res.status}`,
      {
        status: res.status,
        remedy: 'retry later; ACR may be unavailable',
      },
    )
  }
  let refreshToken: string | undefined
  try {
    refreshToken = asString(res.json<Record<string, unknown>>()['refresh_token'])
  } catch {
    refreshToken = undefined
  }
  if (refreshToken === undefined) {
    throw new AcrError('ACR_EXCHANGE_INVALID', 'the ACR token exchange returned no refresh_token', {
      remedy: 'retry later; report it if it persists',
    })
  }
  ;(options.mask ?? ((s: string) => maskInActionsLog(s)))(refreshToken)
  logger.info(`acr: signed in to ${registry} with the Entra identity`)
  return { username: ACR_REFRESH_TOKEN_USERNAME, password: refreshToken }
}
