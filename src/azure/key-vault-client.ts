/**
 * A small Azure Key Vault data-plane client (REST api-version 7.5) over our {@link Transport}: the
 * four calls the signer needs (get secret, get certificate, get key, sign) and the vault's
 * challenge-based authentication.
 *
 * Why not @azure/keyvault-keys / -certificates / -secrets: they run their own HTTP pipeline
 * (@azure/core-rest-pipeline), outside our transport's keep-alive pool, proxy routing, bounded
 * bodies, Retry-After handling and request accounting; @azure/keyvault-secrets 4.12 needs
 * Node ≥ 22 while this package supports Node ≥ 20.19; and the three bring core-lro, core-paging and
 * keyvault-common into dist/ for five HTTP calls.
 *
 * Authentication follows the SDKs' challenge flow: the first request to the vault goes without a
 * token; the vault answers 401 with `WWW-Authenticate: Bearer authorization="<authority>/<tenant>",
 * resource="https://vault.azure.net"` (or `scope="…/.default"`); the token is then requested for
 * that resource, which must be the resource of the vault's cloud (loopback and opted-in hosts
 * excepted), so a vault URL cannot make us fetch a token for another service.
 */
import { randomUUID } from 'node:crypto'
import { ActionError } from '../errors.js'
import { silentLogger, type Logger } from '../log.js'
import { TransportError, type HttpResponse, type Transport } from '../net/transport.js'
import { KeyVaultError } from './errors.js'
import type { KeyVaultObjectId } from './key-vault-id.js'
import type { TokenCredentialLike } from './types.js'

export const KEY_VAULT_API_VERSION = '7.5'
export const CRYPTO_USER_ROLE = 'Key Vault Crypto User'
export const CERTIFICATE_USER_ROLE = 'Key Vault Certificate User'
export const SECRETS_USER_ROLE = 'Key Vault Secrets User'

/** What a request does, for error remedies (role and access-policy permission). */
export type VaultOperation = 'get-secret' | 'get-certificate' | 'get-key' | 'sign'

const NEEDS: Record<VaultOperation, { role: string; permission: string; what: string }> = {
  'get-secret': {
    role: `${CERTIFICATE_USER_ROLE}" (or "${SECRETS_USER_ROLE}`,
    permission: 'secret permission "get"',
    what: 'read the certificate chain from the secret',
  },
  'get-certificate': {
    role: CERTIFICATE_USER_ROLE,
    permission: 'certificate permission "get"',
    what: 'read the certificate',
  },
  'get-key': {
    role: CRYPTO_USER_ROLE,
    permission: 'key permission "get"',
    what: 'read the key',
  },
  sign: { role: CRYPTO_USER_ROLE, permission: 'key permission "sign"', what: 'sign with the key' },
}

export interface SecretBundle {
  value: string
  contentType?: string
  /** For a certificate's secret: the versioned id of the certificate's key. */
  kid?: string
}

export interface CertificateBundle {
  /** DER of the certificate (`cer`). */
  cer: Uint8Array
  /** Versioned id of the certificate's key. */
  kid?: string
}

export interface KeyBundle {
  /** Versioned key id. */
  kid: string
  kty: string
  keyOps: string[]
}

export interface KeyVaultClient {
  getSecret(name: string, version?: string): Promise<SecretBundle>
  getCertificate(name: string, version?: string): Promise<CertificateBundle>
  getKey(name: string, version?: string): Promise<KeyBundle>
  /** Signs a precomputed digest; `alg` is a JWA name (PS256 … ES512). Returns the raw signature. */
  sign(name: string, version: string, alg: string, digest: Uint8Array): Promise<Uint8Array>
}

export interface KeyVaultClientOptions {
  vault: KeyVaultObjectId
  credential: TokenCredentialLike
  transport: Transport
  logger?: Logger
}

interface Challenge {
  scope: string
  /** The tenant in the challenge's authorization URL, when it has one. */
  tenant?: string
}

/** Parses `Bearer k="v", k2="v2"` (the vault's WWW-Authenticate). */
export function parseBearerChallenge(header: string): Record<string, string> | undefined {
  const m = /^\s*Bearer\s+(.*)$/i.exec(header)
  if (m === null) return undefined
  const out: Record<string, string> = {}
  for (const p of (m[1] ?? '').matchAll(/([A-Za-z_]+)\s*=\s*"([^"]*)"/g)) {
    out[(p[1] ?? '').toLowerCase()] = p[2] ?? ''
  }
  return out
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

function bound(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine
}

/** `{error:{code,message,innererror:{code}}}` → its parts. */
function vaultError(res: HttpResponse): { code?: string; inner?: string; message?: string } {
  try {
    const err = asRecord(asRecord(res.json())?.['error'])
    const out: { code?: string; inner?: string; message?: string } = {}
    const code = str(err?.['code'])
    const inner = str(asRecord(err?.['innererror'])?.['code'])
    const message = str(err?.['message'])
    if (code !== undefined) out.code = code
    if (inner !== undefined) out.inner = inner
    if (message !== undefined) out.message = bound(message)
    return out
  } catch {
    return {}
  }
}

/** Standard or url-safe base64, as the vault sends (`cer` standard, `value` of sign url-safe). */
function decodeBase64(value: string, what: string): Uint8Array {
  const normal = value.replace(/-/g, '+').replace(/_/g, '/')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal) || normal.replace(/=+$/, '').length % 4 === 1) {
    throw new KeyVaultError('KEY_VAULT_RESPONSE_INVALID', `${what} is not base64`, {
      remedy: 'check azure-key-vault-key-id points at Azure Key Vault',
    })
  }
  return new Uint8Array(Buffer.from(normal, 'base64'))
}

function segmentsOf(name: string, version: string | undefined): string {
  return version === undefined
    ? encodeURIComponent(name)
    : `${encodeURIComponent(name)}/${encodeURIComponent(version)}`
}

export function createKeyVaultClient(options: KeyVaultClientOptions): KeyVaultClient {
  const { vault, credential, transport } = options
  const logger = options.logger ?? silentLogger
  let challenge: Challenge | undefined

  const identity = (): string => {
    const clientId = credential.federatedIdentity?.()?.clientId ?? credential.clientId
    return clientId === undefined
      ? 'the signing identity'
      : `the identity with client id ${clientId}`
  }

  async function send(
    what: string,
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    token: string | undefined,
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-ms-client-request-id': randomUUID(),
    }
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    try {
      return await transport.request({
        method,
        url: `${vault.vaultUrl}${path}?api-version=${KEY_VAULT_API_VERSION}`,
        headers,
        ...(body === undefined ? {} : { body }),
        maxBytes: 1024 * 1024,
        // A vault never redirects; following one would carry the token elsewhere.
        followRedirects: false,
      })
    } catch (err) {
      if (err instanceof TransportError) {
        throw new KeyVaultError(
          'KEY_VAULT_NETWORK',
          `${what}: cannot reach Key Vault at ${vault.host}`,
          {
            cause: err,
            remedy:
              'check the vault name in azure-key-vault-key-id, the runner network, and the vault firewall (Networking → allow the runner)',
          },
        )
      }
      throw err
    }
  }

  /** Reads the 401 challenge and checks that it asks for the vault's own resource. */
  function readChallenge(what: string, res: HttpResponse): Challenge {
    const header = res.headers.get('www-authenticate')
    const params = header === null ? undefined : parseBearerChallenge(header)
    const scopeParam = params?.['scope']
    const resource =
      params?.['resource'] ??
      (scopeParam?.endsWith('/.default') ? scopeParam.slice(0, -9) : undefined)
    if (resource === undefined || resource === '') {
      throw new KeyVaultError(
        'KEY_VAULT_CHALLENGE_INVALID',
        `${what}: ${vault.host} answered 401 without a Bearer challenge naming a resource`,
        { status: 401, remedy: 'check azure-key-vault-key-id points at Azure Key Vault' },
      )
    }
    // For a known cloud the resource is known exactly; anything else would be a token for
    // another service (the SDKs only check the domain suffix).
    if (vault.trust === 'azure' && resource.replace(/\/+$/, '') !== vault.resource) {
      throw new KeyVaultError(
        'KEY_VAULT_CHALLENGE_INVALID',
        `${what}: ${vault.host} asked for a token of "${bound(resource, 100)}", which is not its own resource; no token was sent`,
        { status: 401, remedy: 'check azure-key-vault-key-id points at Azure Key Vault' },
      )
    }
    const authorization = params?.['authorization'] ?? params?.['authorization_uri']
    const tenant =
      authorization === undefined ? undefined : /\/([^/]+)\/?$/.exec(authorization)?.[1]
    return { scope: `${resource.replace(/\/+$/, '')}/.default`, ...(tenant ? { tenant } : {}) }
  }

  async function token(what: string, c: Challenge): Promise<string> {
    let t: { token: string } | null
    try {
      t = await credential.getToken(c.scope)
    } catch (err) {
      if (err instanceof ActionError) throw err
      throw new KeyVaultError(
        'KEY_VAULT_TOKEN',
        `${what}: getting an Entra token for ${c.scope} failed`,
        {
          cause: err,
          remedy: 'check azure-client-id, azure-tenant-id and the federated credential of the app',
        },
      )
    }
    if (t === null || t.token === '') {
      throw new KeyVaultError(
        'KEY_VAULT_TOKEN',
        `${what}: the credential returned no token for ${c.scope}`,
        {
          remedy: 'check azure-client-id, azure-tenant-id and the federated credential of the app',
        },
      )
    }
    return t.token
  }

  function httpError(what: string, op: VaultOperation, res: HttpResponse): KeyVaultError {
    const e = vaultError(res)
    const detail = [e.code, e.inner].filter(Boolean).join('/')
    const suffix = `${detail === '' ? '' : ` [${detail}]`}${e.message === undefined ? '' : `: ${e.message}`}`
    const need = NEEDS[op]
    const status = res.status
    if (status === 401) {
      const tenantHint =
        challenge?.tenant !== undefined &&
        credential.tenantId !== undefined &&
        challenge.tenant.toLowerCase() !== credential.tenantId.toLowerCase()
          ? ` The vault belongs to tenant ${challenge.tenant}, but azure-tenant-id is ${credential.tenantId}.`
          : ''
      return new KeyVaultError(
        'KEY_VAULT_UNAUTHORIZED',
        `${what}: Key Vault ${vault.host} refused the access token (HTTP 401)${suffix}`,
        {
          status,
          remedy: `use an Entra app in the vault's tenant (azure-tenant-id) with a federated credential for this workflow.${tenantHint}`,
        },
      )
    }
    if (status === 403) {
      const text = `${e.inner ?? ''} ${e.message ?? ''}`
      const firewall = /firewall|client address is not authorized/i.test(text)
      const disabled = /disabled/i.test(text)
      const rbac = e.inner === 'ForbiddenByRbac'
      const policy =
        e.inner === 'ForbiddenByPolicy' ||
        e.inner === 'AccessDenied' ||
        /permission/i.test(e.message ?? '')
      const remedy = firewall
        ? `the vault firewall blocks this runner: allow its address under the vault's Networking settings, or use a self-hosted runner inside the allowed network`
        : disabled
          ? `the object is disabled: enable it in the vault (Certificates/Keys → version → Enabled), or name an enabled version in azure-key-vault-key-id`
          : rbac
            ? `assign the role "${need.role}" to ${identity()} on the vault "${vault.host}" (or the ${op === 'sign' || op === 'get-key' ? 'key' : 'certificate'})`
            : policy
              ? `add the ${need.permission} for ${identity()} to the vault's access policies`
              : `assign the role "${need.role}" to ${identity()} on the vault (Azure RBAC), or add the ${need.permission} to its access policies`
      return new KeyVaultError(
        'KEY_VAULT_FORBIDDEN',
        `${what}: ${identity()} may not ${need.what} in ${vault.host} (HTTP 403)${suffix}`,
        { status, remedy },
      )
    }
    if (status === 404) {
      return new KeyVaultError(
        'KEY_VAULT_NOT_FOUND',
        `${what}: not found in ${vault.host} (HTTP 404)${suffix}`,
        {
          status,
          remedy:
            op === 'get-secret' || op === 'get-certificate'
              ? 'azure-key-vault-key-id must name a key created with a Key Vault certificate (same name), or give azure-key-vault-certificate-chain with the certificate chain'
              : 'check the name and version in azure-key-vault-key-id',
        },
      )
    }
    if (status === 400) {
      return new KeyVaultError(
        'KEY_VAULT_BAD_REQUEST',
        `${what}: Key Vault rejected the request (HTTP 400)${suffix}`,
        {
          status,
          remedy:
            'check the key type (RSA 2048/3072/4096 or EC P-256/384/521) and that the key is enabled and permits "sign"',
        },
      )
    }
    if (status === 429) {
      return new KeyVaultError(
        'KEY_VAULT_THROTTLED',
        `${what}: Key Vault is throttling requests (HTTP 429) and still did after retries${suffix}`,
        { status, remedy: 'retry later, or sign fewer images in parallel (concurrency)' },
      )
    }
    return new KeyVaultError(
      'KEY_VAULT_SERVICE_ERROR',
      `${what}: Key Vault answered HTTP ${status}${status >= 500 ? ' after retries' : ''}${suffix}`,
      { status, remedy: 'retry later (see https://azure.status.microsoft)' },
    )
  }

  async function call(
    what: string,
    op: VaultOperation,
    method: 'GET' | 'POST',
    path: string,
    body?: string,
  ): Promise<Record<string, unknown>> {
    let res: HttpResponse
    if (challenge === undefined) {
      // Discovery: without a token, the vault says which resource (and tenant) it wants.
      res = await send(what, method, path, body, undefined)
      if (res.status !== 401) {
        if (res.status >= 200 && res.status < 300) {
          throw new KeyVaultError(
            'KEY_VAULT_CHALLENGE_INVALID',
            `${what}: ${vault.host} answered without authentication, which Key Vault never does`,
            {
              status: res.status,
              remedy: 'check azure-key-vault-key-id points at Azure Key Vault',
            },
          )
        }
        throw httpError(what, op, res)
      }
      challenge = readChallenge(what, res)
      logger.debug(
        `key vault: ${vault.host} wants a token for ${challenge.scope}${challenge.tenant ? ` (tenant ${challenge.tenant})` : ''}`,
      )
    }
    res = await send(what, method, path, body, await token(what, challenge))
    if (res.status < 200 || res.status >= 300) throw httpError(what, op, res)
    let parsed: unknown
    try {
      parsed = res.json()
    } catch (err) {
      throw new KeyVaultError(
        'KEY_VAULT_RESPONSE_INVALID',
        `${what}: HTTP ${res.status} without a JSON body`,
        {
          cause: err,
          remedy: 'check azure-key-vault-key-id points at Azure Key Vault',
        },
      )
    }
    const record = asRecord(parsed)
    if (record === undefined) {
      throw new KeyVaultError(
        'KEY_VAULT_RESPONSE_INVALID',
        `${what}: the response is not a JSON object`,
        {
          remedy: 'check azure-key-vault-key-id points at Azure Key Vault',
        },
      )
    }
    return record
  }

  const missing = (what: string, field: string): KeyVaultError =>
    new KeyVaultError('KEY_VAULT_RESPONSE_INVALID', `${what}: the response has no "${field}"`, {
      remedy: 'check azure-key-vault-key-id points at Azure Key Vault',
    })

  return {
    async getSecret(name, version) {
      const what = `reading secret "${name}"`
      const r = await call(what, 'get-secret', 'GET', `/secrets/${segmentsOf(name, version)}`)
      const value = typeof r['value'] === 'string' ? r['value'] : undefined
      if (value === undefined) throw missing(what, 'value')
      const contentType = str(r['contentType'])
      const kid = str(r['kid'])
      return { value, ...(contentType ? { contentType } : {}), ...(kid ? { kid } : {}) }
    },
    async getCertificate(name, version) {
      const what = `reading certificate "${name}"`
      const r = await call(
        what,
        'get-certificate',
        'GET',
        `/certificates/${segmentsOf(name, version)}`,
      )
      const cer = str(r['cer'])
      if (cer === undefined) throw missing(what, 'cer')
      const kid = str(r['kid'])
      return { cer: decodeBase64(cer, `${what}: "cer"`), ...(kid ? { kid } : {}) }
    },
    async getKey(name, version) {
      const what = `reading key "${name}"`
      const r = await call(what, 'get-key', 'GET', `/keys/${segmentsOf(name, version)}`)
      const key = asRecord(r['key'])
      const kid = str(key?.['kid'])
      if (kid === undefined) throw missing(what, 'key.kid')
      const ops = key?.['key_ops']
      return {
        kid,
        kty: str(key?.['kty']) ?? '',
        keyOps: Array.isArray(ops) ? ops.filter((o): o is string => typeof o === 'string') : [],
      }
    },
    async sign(name, version, alg, digest) {
      const what = `signing with key "${name}" (${alg})`
      const body = JSON.stringify({ alg, value: Buffer.from(digest).toString('base64url') })
      const r = await call(what, 'sign', 'POST', `/keys/${segmentsOf(name, version)}/sign`, body)
      const value = str(r['value'])
      if (value === undefined) throw missing(what, 'value')
      return decodeBase64(value, `${what}: "value"`)
    },
  }
}
