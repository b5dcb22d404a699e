/**
 * The `azure-key-vault-key-id` input, pure: a Key Vault key or certificate identifier
 * (`https://<vault>.vault.azure.net/keys/<name>[/<version>]`, or `/certificates/…`), checked
 * against the hosts Key Vault serves from, because the Entra token for the vault goes to that host.
 *
 * Allowed without opt-in (Azure docs "Azure Key Vault … DNS suffixes" / sovereign cloud endpoints):
 * - vaults: `*.vault.azure.net` (public), `*.vault.azure.cn` (21Vianet),
 *   `*.vault.usgovcloudapi.net` (US Government);
 * - Managed HSM (keys only): `*.managedhsm.azure.net`, `*.managedhsm.azure.cn`,
 *   `*.managedhsm.usgovcloudapi.net`;
 * - loopback (`127.x.x.x`, `localhost`, `[::1]`: src/oci/reference.ts isLoopback) for local mocks.
 * The retired Azure Germany suffix (`vault.microsoftazure.de`) is left out on purpose. Anything else
 * needs `allow-untrusted-endpoint: true`. Only https is ever accepted: the vault gets a bearer token.
 */
import { isLoopback } from '../oci/reference.js'
import { ConfigError } from '../errors.js'

export const KEY_ID_INPUT = 'azure-key-vault-key-id'

/** A DNS suffix Key Vault serves from, and the Entra resource its tokens are issued for. */
interface VaultCloud {
  suffix: string
  resource: string
  managedHsm: boolean
}

const VAULT_CLOUDS: readonly VaultCloud[] = [
  { suffix: 'vault.azure.net', resource: 'https://vault.azure.net', managedHsm: false },
  { suffix: 'vault.azure.cn', resource: 'https://vault.azure.cn', managedHsm: false },
  {
    suffix: 'vault.usgovcloudapi.net',
    resource: 'https://vault.usgovcloudapi.net',
    managedHsm: false,
  },
  { suffix: 'managedhsm.azure.net', resource: 'https://managedhsm.azure.net', managedHsm: true },
  { suffix: 'managedhsm.azure.cn', resource: 'https://managedhsm.azure.cn', managedHsm: true },
  {
    suffix: 'managedhsm.usgovcloudapi.net',
    resource: 'https://managedhsm.usgovcloudapi.net',
    managedHsm: true,
  },
]
/** Key Vault object names: 1–127 letters, digits and dashes. */
const OBJECT_NAME = /^[0-9A-Za-z-]{1,127}$/
/** Object versions are 32 hex digits. */
const OBJECT_VERSION = /^[0-9A-Fa-f]{32}$/
const EXAMPLE = 'https://<vault-name>.vault.azure.net/keys/<key-name>[/<version>]'

/** How the host of a vault URL was accepted. */
export type VaultTrust = 'azure' | 'loopback' | 'opted-in'

export interface KeyVaultObjectId {
  /** `https://host[:port]`, no trailing slash. */
  vaultUrl: string
  host: string
  /** The collection the user named: a key or a certificate (same name for a certificate's key). */
  collection: 'keys' | 'certificates'
  name: string
  /** Undefined means the current version. */
  version?: string
  /** The Entra resource of the vault's cloud (undefined for loopback / opted-in hosts). */
  resource?: string
  managedHsm: boolean
  trust: VaultTrust
}

function cloudOf(host: string): VaultCloud | undefined {
  return VAULT_CLOUDS.find(
    (c) => host.endsWith(`.${c.suffix}`) && host.length > c.suffix.length + 1,
  )
}

/** Parses and checks `azure-key-vault-key-id`; throws ConfigError naming the input. */
export function parseKeyVaultId(
  value: string,
  options: { allowUntrusted?: boolean } = {},
): KeyVaultObjectId {
  const bad = (why: string): ConfigError =>
    new ConfigError('INPUT_INVALID', `${KEY_ID_INPUT} ${why}`, {
      remedy: `use the key or certificate identifier from the Azure portal, e.g. ${EXAMPLE}`,
    })
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw bad(`"${value}" is not an absolute URL`)
  }
  if (url.protocol !== 'https:') throw bad(`must use https, got "${url.protocol}"`)
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw bad('must be a bare URL without credentials, query or fragment')
  }
  const host = url.hostname.toLowerCase()
  const cloud = cloudOf(host)
  let trust: VaultTrust
  if (cloud !== undefined) trust = 'azure'
  else if (isLoopback(host)) trust = 'loopback'
  else if (options.allowUntrusted === true) trust = 'opted-in'
  else {
    throw new ConfigError(
      'INPUT_INVALID',
      `${KEY_ID_INPUT}: "${host}" is not a Key Vault host (*.vault.azure.net, *.vault.azure.cn, *.vault.usgovcloudapi.net or *.managedhsm.* of those clouds); the Entra token for the vault would be sent there`,
      {
        remedy: `check the vault name in ${KEY_ID_INPUT} (${EXAMPLE}); set allow-untrusted-endpoint: true only for a vault-compatible service you trust`,
      },
    )
  }
  if (url.pathname.includes('//')) throw bad(`has an empty path segment: "${url.pathname}"`)
  const parts = url.pathname.replace(/^\/+/, '').replace(/\/+$/, '').split('/')
  const [collection, name, version, ...rest] = parts
  if (collection !== 'keys' && collection !== 'certificates') {
    throw bad(
      `must name a key (/keys/<name>) or a certificate (/certificates/<name>), got "${url.pathname}"`,
    )
  }
  if (name === undefined || !OBJECT_NAME.test(name)) {
    throw bad(
      `has no valid ${collection === 'keys' ? 'key' : 'certificate'} name (1–127 letters, digits and dashes)`,
    )
  }
  if (rest.length > 0) throw bad(`has extra path segments after the version: "${url.pathname}"`)
  if (version !== undefined && !OBJECT_VERSION.test(version)) {
    throw bad(`has "${version}" where the object version (32 hex digits) belongs`)
  }
  const managedHsm = cloud?.managedHsm ?? false
  if (managedHsm && collection === 'certificates') {
    throw bad(
      'names a certificate on a Managed HSM, which holds keys only; name the key (/keys/<name>)',
    )
  }
  return {
    vaultUrl: url.origin,
    host,
    collection,
    name,
    ...(version === undefined ? {} : { version: version.toLowerCase() }),
    ...(cloud === undefined ? {} : { resource: cloud.resource }),
    managedHsm,
    trust,
  }
}
