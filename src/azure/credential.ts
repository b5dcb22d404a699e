/**
 * GitHub OIDC → Entra, in-process (artifact-signing.md §8.3): a ClientAssertionCredential whose
 * assertion is the job's GitHub ID token, memoised for its lifetime (MSAL calls the callback even on
 * cache hits, and the token lives ~5 min). Without a client id but with an Azure CLI session (a prior
 * `azure/login`), the Azure CLI credential is used instead. Entra's AADSTS codes become remedies.
 */
import { isLoopback } from '../oci/reference.js'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { AzureCliCredential, ClientAssertionCredential } from '@azure/identity'
import { ActionError } from '../errors.js'
import { silentLogger, type Logger } from '../log.js'
import { jwtClaims, numberClaim, stringClaim } from './claims.js'
import type { Transport } from '../net/transport.js'
import { entraHttpClient } from './entra-http-client.js'
import {
  audienceForAuthority,
  DEFAULT_AUDIENCE,
  DEFAULT_AUTHORITY_HOST,
  entraSettings,
  hostOf,
  isKnownAuthorityHost,
  KNOWN_AUTHORITY_HOSTS,
} from './authority.js'
import { AzureAuthError } from './errors.js'
import { assertGithubOidcAvailable, getGitHubIdToken, maskInActionsLog } from './oidc.js'
import type { AccessTokenLike, FederatedIdentity, TokenCredentialLike } from './types.js'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

type Env = Record<string, string | undefined>

const TENANT_ID = /^[0-9A-Za-z.-]{1,100}$/
const CLIENT_ID = /^[0-9A-Za-z.-]{1,100}$/
/** Re-use an ID token until this long before its `exp`. */
const ASSERTION_MARGIN_MS = 60_000
/** An access token is fetched again when it has less than this left (a sign takes up to 60 s). */
const TOKEN_REUSE_MARGIN_MS = 5 * 60_000
/** Fallback lifetime when the token has no readable `exp`. */
const ASSERTION_FALLBACK_MS = 4 * 60_000

export interface AzureCredentialOptions {
  /** Input `azure-client-id`; falls back to AZURE_CLIENT_ID. */
  clientId?: string
  /** Input `azure-tenant-id`; falls back to AZURE_TENANT_ID. */
  tenantId?: string
  /**
   * Input `azure-authority-host`; falls back to AZURE_AUTHORITY_HOST; default
   * https://login.microsoftonline.com.
   */
  authorityHost?: string
  /**
   * Internal option, not an action input or CLI flag (tests set it); default derived from the
   * cloud of the authority host (api://AzureADTokenExchange on the public cloud).
   */
  audience?: string
  logger?: Logger
  /** Environment to read (default process.env). */
  env?: Env
  /** Injected for tests: fetch a GitHub ID token (default @actions/core getIDToken). */
  getIdToken?: (audience: string) => Promise<string>
  /**
   * A GitHub ID token the job requested before this module loaded (src/commands/deps.ts), so that
   * the OIDC round trip overlaps loading @azure/identity. Used for the first assertion when its
   * audience is the one this credential needs; otherwise a token is requested as usual.
   */
  idTokenRequested?: { audience: string; token: Promise<string> }
  /** Injected for tests: is there an Azure CLI session? (default: look for ~/.azure token caches). */
  hasAzureCliSession?: () => boolean
  /** Injected clock (ms). */
  now?: () => number
  /**
   * The job's transport: Entra's requests go through it (src/azure/entra-http-client.ts), and the
   * connection to the authority is opened as the credential is made. Without it, @azure/identity
   * uses its own HTTP client.
   */
  transport?: Transport
  /** Extra options handed to ClientAssertionCredential (tests: httpClient). */
  clientOptions?: ConstructorParameters<typeof ClientAssertionCredential>[3]
}

export interface AzureCredential extends TokenCredentialLike {
  readonly kind: 'github-oidc' | 'azure-cli'
  getToken(
    scopes: string | string[],
    options?: { abortSignal?: AbortSignal },
  ): Promise<AccessTokenLike>
  readonly clientId?: string
  readonly tenantId?: string
  /** The claims of the GitHub ID token last used (github-oidc only). */
  federatedIdentity(): FederatedIdentity | undefined
}

/** Default Azure CLI session detection: an MSAL token cache or a profile with subscriptions. */
export function hasAzureCliSession(env: Env = process.env): boolean {
  const dir = env['AZURE_CONFIG_DIR'] || join(homedir(), '.azure')
  for (const name of ['msal_token_cache.json', 'msal_token_cache.bin']) {
    if (existsSync(join(dir, name))) return true
  }
  try {
    const profile = JSON.parse(
      readFileSync(join(dir, 'azureProfile.json'), 'utf8').replace(/^\uFEFF/, ''),
    ) as { subscriptions?: unknown[] }
    return Array.isArray(profile.subscriptions) && profile.subscriptions.length > 0
  } catch {
    return false
  }
}

/**
 * Entra's answer inside an MSAL message (`unauthorized_client: Error(s): 700016 - Timestamp: … -
 * Description: AADSTS700016: Application … Trace ID: … Correlation ID: … Timestamp: … -
 * Correlation ID: … - Trace ID: …`): the AADSTS sentence once, and the ids support asks for once.
 */
export function entraDescription(
  text: string,
): { description: string; ids: string | undefined } | undefined {
  const description = /AADSTS\d+: (.*?)(?= Trace ID:| - |$)/.exec(text)?.[1]?.trim()
  if (description === undefined) return undefined
  const trace = /Trace ID: ([0-9a-f-]{36})/i.exec(text)?.[1]
  const correlation = /Correlation ID: ([0-9a-f-]{36})/i.exec(text)?.[1]
  const ids = [
    ...(trace ? [`trace ID ${trace}`] : []),
    ...(correlation ? [`correlation ID ${correlation}`] : []),
  ].join(', ')
  return { description, ids: ids === '' ? undefined : ids }
}

/**
 * The cause kept under a translated Entra error: the raw MSAL message repeats Entra's text and
 * its ids (and our message already quotes the sentence), so only the ids are kept, for support.
 */
function entraCause(err: unknown, text: string): unknown {
  const parsed = entraDescription(text)
  if (parsed === undefined) return err
  const error = /^(\w+):/.exec(text)?.[1]
  const said = [error, parsed.ids].filter((s) => s !== undefined).join(', ')
  return new EntraResponse(said === '' ? 'Entra refused the request' : `Entra ${said}`, err)
}

/** Entra's answer, reduced to what is not already said; `raw` keeps MSAL's error for debugging. */
export class EntraResponse extends Error {
  readonly raw: unknown
  constructor(message: string, raw: unknown) {
    super(message)
    this.name = 'EntraResponse'
    this.raw = raw
  }
}

/** MSAL's name for a failed authority discovery; Entra answers AADSTS90002 for a bad tenant. */
const ENDPOINTS_RESOLUTION_ERROR = 'endpoints_resolution_error'

/** Maps an @azure/identity / Entra failure to a coded error with a remedy. */
export function translateEntraError(
  err: unknown,
  context: { scope: string; clientId?: string; tenantId?: string; identity?: FederatedIdentity },
): ActionError {
  if (err instanceof ActionError) return err
  const raw = err instanceof Error ? err.message : String(err)
  const parsed = entraDescription(raw)
  const said = (ours: string): string =>
    parsed === undefined ? ours : `${ours}: ${parsed.description}`
  const cause = entraCause(err, raw)
  if (!/AADSTS\d+/.test(raw) && raw.includes(ENDPOINTS_RESOLUTION_ERROR)) {
    // MSAL hides the 400 of the tenant's metadata document (AADSTS90002) behind this code; it
    // is also what an unreachable authority host gives, so the message names both.
    return new AzureAuthError(
      'AZURE_TENANT_NOT_FOUND',
      `Entra tenant ${context.tenantId === undefined ? '(unset)' : `"${context.tenantId}"`} was not found (AADSTS90002), or the Entra authority could not be reached`,
      {
        cause: err,
        remedy:
          "set azure-tenant-id to the Directory (tenant) ID on the app registration's Overview page (a GUID or a verified domain); for a sovereign cloud also set azure-authority-host, behind a proxy check HTTPS_PROXY",
      },
    )
  }
  const code = /AADSTS(\d+)/.exec(raw)?.[1]
  const app =
    context.clientId === undefined
      ? 'the app'
      : `the app registration or managed identity ${context.clientId}`
  const id = context.identity
  switch (code) {
    case '70021':
    case '700213':
    case '700212':
    case '700211':
      return new AzureAuthError(
        'AZURE_FEDERATION_MISMATCH',
        said(
          `Entra found no federated credential on ${app} matching this job's GitHub OIDC token (AADSTS${code})`,
        ),
        {
          cause,
          remedy:
            id === undefined
              ? `add a federated credential to ${app} with issuer ${GITHUB_ISSUER}, the subject of this job and audience ${DEFAULT_AUDIENCE}`
              : `add a federated credential to ${app} with issuer "${id.issuer}", subject "${id.subject}" and audience "${id.audience}" (the subject must match exactly: it changes with branch, tag, environment or pull_request)`,
        },
      )
    case '700024':
      return new AzureAuthError(
        'AZURE_ASSERTION_EXPIRED',
        said(`Entra refused the GitHub OIDC token as expired or not yet valid (AADSTS700024)`),
        {
          cause,
          remedy:
            'the token is requested just in time, so check the runner clock; re-run the job if it was paused for a long time',
        },
      )
    case '90002':
      return new AzureAuthError(
        'AZURE_TENANT_NOT_FOUND',
        said(`Entra tenant ${context.tenantId ?? '(unset)'} was not found (AADSTS90002)`),
        {
          cause,
          remedy:
            "set azure-tenant-id to the Directory (tenant) ID on the app registration's Overview page (a GUID or a verified domain)",
        },
      )
    case '700016':
    case '900023':
      return new AzureAuthError(
        'AZURE_APP_NOT_FOUND',
        said(
          `Entra does not know ${app} in tenant ${context.tenantId ?? '(unset)'} (AADSTS${code})`,
        ),
        {
          cause,
          remedy: 'check azure-client-id and azure-tenant-id (Entra app registration → Overview)',
        },
      )
    default:
      return new AzureAuthError(
        'AZURE_AUTH_FAILED',
        said(
          `getting an Entra token for ${context.scope} failed${code === undefined ? '' : ` (AADSTS${code})`}`,
        ),
        {
          cause,
          remedy: 'check azure-client-id, azure-tenant-id and the federated credential of the app',
        },
      )
  }
}

/**
 * The Entra credential for this job: GitHub OIDC federation when a client id is known
 * (input or AZURE_CLIENT_ID), else an existing Azure CLI session.
 */
export function createAzureCredential(options: AzureCredentialOptions = {}): AzureCredential {
  const env = options.env ?? process.env
  const logger = options.logger ?? silentLogger
  const now = options.now ?? Date.now
  const { clientId, tenantId, authorityHost } = entraSettings(options, env)
  const authoritySource = options.authorityHost
    ? 'input azure-authority-host'
    : 'environment variable AZURE_AUTHORITY_HOST'
  if (tenantId !== undefined && !TENANT_ID.test(tenantId)) {
    throw new AzureAuthError(
      'AZURE_AUTH_CONFIG',
      `azure-tenant-id "${tenantId}" is not a tenant id`,
      {
        remedy: 'use the Directory (tenant) ID GUID from the Entra app registration overview',
      },
    )
  }
  if (authorityHost !== undefined) {
    const url = hostOf(authorityHost) === undefined ? undefined : new URL(authorityHost)
    if (url === undefined || url.protocol !== 'https:') {
      throw new AzureAuthError(
        'AZURE_AUTH_CONFIG',
        `the Entra authority host "${authorityHost}" (from ${authoritySource}) must be an https URL`,
        {
          remedy: `set ${authoritySource} to an https URL, or leave it unset for the public cloud`,
        },
      )
    }
    // The authority receives this job's GitHub OIDC token as the client assertion: as with
    // artifact-signing-endpoint, a typo or a hostile value must not get it.
    if (!KNOWN_AUTHORITY_HOSTS.has(url.hostname.toLowerCase()) && !isLoopback(url.hostname)) {
      throw new AzureAuthError(
        'AZURE_AUTH_CONFIG',
        `the Entra authority host "${url.origin}" (from ${authoritySource}) is not a Microsoft Entra authority: the GitHub OIDC token would be sent there`,
        {
          remedy: `use ${[...KNOWN_AUTHORITY_HOSTS].map((h) => `https://${h}`).join(', ')}, or leave it unset for the public cloud`,
        },
      )
    }
  }

  if (clientId === undefined) {
    const cliSession = (options.hasAzureCliSession ?? (() => hasAzureCliSession(env)))()
    if (!cliSession) {
      throw new AzureAuthError(
        'AZURE_AUTH_CONFIG',
        'azure-client-id is not set (nor AZURE_CLIENT_ID) and there is no Azure CLI session',
        {
          remedy:
            'set azure-client-id and azure-tenant-id to the Entra app (or managed identity) that has a federated credential for this repository, or run azure/login before this step',
        },
      )
    }
    const cli = new AzureCliCredential(tenantId === undefined ? {} : { tenantId })
    // AzureCliCredential runs `az` on every call; keep tokens per scope until 5 min before expiry.
    const cliCache = new Map<string, AccessTokenLike>()
    logger.debug('azure: using the Azure CLI session (no azure-client-id)')
    return {
      kind: 'azure-cli',
      ...(tenantId === undefined ? {} : { tenantId }),
      federatedIdentity: () => undefined,
      async getToken(scopes) {
        const scope = Array.isArray(scopes) ? scopes.join(' ') : scopes
        const hit = cliCache.get(scope)
        if (hit !== undefined && hit.expiresOnTimestamp - 5 * 60_000 > now()) return hit
        try {
          const token = await cli.getToken(scopes)
          maskInActionsLog(token.token, env)
          cliCache.set(scope, { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp })
          return token
        } catch (err) {
          const translated = translateEntraError(err, {
            scope,
            ...(tenantId === undefined ? {} : { tenantId }),
          })
          if (translated.code !== 'AZURE_AUTH_FAILED') throw translated
          throw new AzureAuthError(
            'AZURE_AUTH_FAILED',
            `the Azure CLI could not get a token for ${scope}`,
            {
              cause: err,
              remedy:
                'run azure/login before this step, or set azure-client-id and azure-tenant-id',
            },
          )
        }
      },
    }
  }

  if (!CLIENT_ID.test(clientId)) {
    throw new AzureAuthError(
      'AZURE_AUTH_CONFIG',
      `azure-client-id "${clientId}" is not a client id`,
      {
        remedy: 'use the Application (client) ID GUID from the Entra app registration overview',
      },
    )
  }
  if (tenantId === undefined) {
    throw new AzureAuthError(
      'AZURE_AUTH_CONFIG',
      'azure-client-id is set but azure-tenant-id is not (nor AZURE_TENANT_ID)',
      { remedy: 'set azure-tenant-id to the Directory (tenant) ID of the Entra app' },
    )
  }
  const audience = options.audience?.trim() || audienceForAuthority(authorityHost)
  const fetchIdToken = options.getIdToken ?? ((aud: string) => getGitHubIdToken(aud, env))
  if (options.getIdToken === undefined) assertGithubOidcAvailable(env)

  let cached: { token: string; validUntil: number } | undefined
  let inFlight: Promise<string> | undefined
  let identity: FederatedIdentity | undefined

  let requested =
    options.idTokenRequested?.audience === audience ? options.idTokenRequested.token : undefined

  async function assertion(): Promise<string> {
    if (cached !== undefined && now() < cached.validUntil) return cached.token
    inFlight ??= (async () => {
      try {
        const early = requested
        requested = undefined
        const token = await (early ?? fetchIdToken(audience))
        const claims = jwtClaims(token)
        const exp = numberClaim(claims, 'exp')
        const fetchedAt = now()
        cached = {
          token,
          validUntil:
            exp === undefined
              ? fetchedAt + ASSERTION_FALLBACK_MS
              : Math.min(exp * 1000 - ASSERTION_MARGIN_MS, fetchedAt + 10 * 60_000),
        }
        const first = identity === undefined
        identity = {
          issuer: stringClaim(claims, 'iss') ?? GITHUB_ISSUER,
          subject: stringClaim(claims, 'sub') ?? '(no sub claim)',
          audience: stringClaim(claims, 'aud') ?? audience,
          clientId,
          tenantId,
        }
        if (first) {
          logger.info(
            `azure: GitHub OIDC identity "${identity.subject}" (audience ${identity.audience}) → Entra app ${clientId} in tenant ${tenantId}`,
          )
        }
        return token
      } finally {
        inFlight = undefined
      }
    })()
    return inFlight
  }

  // MSAL asks for the assertion only after its own preparation (authority metadata, which it has
  // built in for Microsoft's clouds and fetches for any other authority host); it gets the fetch
  // that getToken started alongside, instead of starting after it.
  let assertionFetch: Promise<string> | undefined
  const sdk = new ClientAssertionCredential(
    tenantId,
    clientId,
    () => assertionFetch ?? assertion(),
    {
      ...(authorityHost === undefined ? {} : { authorityHost }),
      // Offline/mock authorities cannot answer instance discovery (artifact-signing.md §8.4).
      ...(isKnownAuthorityHost(authorityHost) ? {} : { disableInstanceDiscovery: true }),
      ...(options.transport === undefined
        ? {}
        : {
            httpClient: entraHttpClient(options.transport),
            // The transport retries (one policy for every service); the assertion never follows
            // a redirect (entra-http-client.ts).
            retryOptions: { maxRetries: 0 },
            redirectOptions: { maxRetries: 0 },
          }),
      ...options.clientOptions,
    },
  )
  // The first token request then finds its TCP and TLS handshakes done.
  options.transport?.preconnect?.(new URL(authorityHost ?? DEFAULT_AUTHORITY_HOST))

  async function fetchToken(
    scopes: string | string[],
    scope: string,
    getTokenOptions: { abortSignal?: AbortSignal } | undefined,
  ): Promise<AccessTokenLike> {
    const fetchingAssertion = assertion()
    assertionFetch = fetchingAssertion
    const fetchingToken = sdk.getToken(scopes, getTokenOptions)
    fetchingToken.catch(() => undefined)
    // OIDC failures surface as our coded errors rather than wrapped inside MSAL's.
    await fetchingAssertion
    try {
      const token = await fetchingToken
      maskInActionsLog(token.token, env)
      return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp }
    } catch (err) {
      throw translateEntraError(err, {
        scope,
        clientId: clientId as string,
        tenantId: tenantId as string,
        ...(identity === undefined ? {} : { identity }),
      })
    }
  }

  // One token per scope for the whole job: every image (and the ACR sign-in) asking at once shares
  // one request, and later calls reuse it until shortly before it expires.
  const tokens = new Map<string, Promise<AccessTokenLike>>()

  async function getToken(
    scopes: string | string[],
    getTokenOptions?: { abortSignal?: AbortSignal },
  ): Promise<AccessTokenLike> {
    const scope = Array.isArray(scopes) ? scopes.join(' ') : scopes
    const held = tokens.get(scope)
    if (held !== undefined) {
      const token = await held.catch(() => undefined)
      if (token !== undefined && token.expiresOnTimestamp - TOKEN_REUSE_MARGIN_MS > now())
        return token
    }
    // Another caller may have started a fetch while this one waited: share it.
    const current = tokens.get(scope)
    if (current !== undefined && current !== held) return getToken(scopes, getTokenOptions)
    const pending = fetchToken(scopes, scope, getTokenOptions)
    tokens.set(scope, pending)
    pending.catch(() => {
      if (tokens.get(scope) === pending) tokens.delete(scope)
    })
    return pending
  }

  return {
    kind: 'github-oidc',
    clientId,
    tenantId,
    federatedIdentity: () => identity,
    getToken,
  }
}
