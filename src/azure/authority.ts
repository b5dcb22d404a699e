/**
 * Entra authority hosts and the federated-credential audience of their clouds: what the credential
 * checks before it sends a GitHub OIDC token anywhere, and what the job needs to know to request
 * that token early (src/commands/deps.ts) without loading @azure/identity. No dependencies.
 */

export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange'
/** @azure/identity's default authority (AzureAuthorityHosts.AzurePublicCloud). */
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com'

/**
 * Public and sovereign Entra authority hosts (instance discovery works for these), as
 * @azure/identity's AzureAuthorityHosts and MSAL's known-authority aliases name them. Any other
 * host is refused (loopback aside, for the mocks).
 */
export const KNOWN_AUTHORITY_HOSTS: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
])
const US_GOV_HOSTS = new Set(['login.microsoftonline.us'])
const CHINA_HOSTS = new Set(['login.chinacloudapi.cn', 'login.partner.microsoftonline.cn'])

/** The lower-case host name of an authority URL; undefined when unset or not a URL. */
export function hostOf(authorityHost: string | undefined): string | undefined {
  if (authorityHost === undefined || authorityHost === '') return undefined
  try {
    return new URL(authorityHost).hostname.toLowerCase()
  } catch {
    return undefined
  }
}

/** True for Microsoft's own authority hosts (public and sovereign clouds). */
export function isKnownAuthorityHost(authorityHost: string | undefined): boolean {
  const host = hostOf(authorityHost)
  return host === undefined || KNOWN_AUTHORITY_HOSTS.has(host)
}

/** The federated-credential audience for the cloud of `authorityHost`. */
export function audienceForAuthority(authorityHost: string | undefined): string {
  const host = hostOf(authorityHost)
  if (host !== undefined && US_GOV_HOSTS.has(host)) return 'api://AzureADTokenExchangeUSGov'
  if (host !== undefined && CHINA_HOSTS.has(host)) return 'api://AzureADTokenExchangeChina'
  return DEFAULT_AUDIENCE
}

/** The Entra settings of a job, each from its input or else its environment variable. */
export interface EntraSettings {
  clientId?: string
  tenantId?: string
  authorityHost?: string
}

/**
 * Client id, tenant id and authority host as the credential uses them: the input, else
 * AZURE_CLIENT_ID / AZURE_TENANT_ID / AZURE_AUTHORITY_HOST, trimmed; absent when empty.
 */
export function entraSettings(
  given: EntraSettings,
  env: Record<string, string | undefined>,
): EntraSettings {
  const pick = (input: string | undefined, name: string): string | undefined =>
    (input || env[name] || '').trim() || undefined
  const clientId = pick(given.clientId, 'AZURE_CLIENT_ID')
  const tenantId = pick(given.tenantId, 'AZURE_TENANT_ID')
  const authorityHost = pick(given.authorityHost, 'AZURE_AUTHORITY_HOST')
  return {
    ...(clientId === undefined ? {} : { clientId }),
    ...(tenantId === undefined ? {} : { tenantId }),
    ...(authorityHost === undefined ? {} : { authorityHost }),
  }
}
