/**
 * Coded errors of the Azure integration: the Artifact Signing data plane, the GitHub OIDC → Entra
 * federation and the ACR token exchange. Every error carries a remedy the user can act on and never
 * a token (only, for federation problems, the `sub`/`iss`/`aud` claims of the GitHub ID token).
 */
import { ActionError } from '../errors.js'

export type ArtifactSigningCode =
  /** 401: the access token was refused. */
  | 'SIGNER_UNAUTHORIZED'
  /** 403: no role on the certificate profile, wrong region, or the account is unhealthy. */
  | 'SIGNER_FORBIDDEN'
  /** 404: unknown account, profile or operation. */
  | 'SIGNER_NOT_FOUND'
  /** 400: the service rejected the request (ProblemDetails). */
  | 'SIGNER_BAD_REQUEST'
  /** 429 after the transport's retries. */
  | 'SIGNER_THROTTLED'
  /** 5xx after the transport's retries, or another unexpected HTTP status. */
  | 'SIGNER_SERVICE_ERROR'
  /** The transport could not reach the service (network error, per-request timeout). */
  | 'SIGNER_NETWORK'
  /** The signing operation ended Failed / TimedOut / Canceled / NotFound. */
  | 'SIGNER_OPERATION_FAILED'
  /** The operation did not finish before the overall deadline (artifact-signing-timeout). */
  | 'SIGNER_DEADLINE_EXCEEDED'
  /** A response that does not follow the wire format (bad JSON, bad base64, bad PKCS#7). */
  | 'SIGNER_RESPONSE_INVALID'
  /** The returned certificates do not form one leaf → root chain. */
  | 'SIGNER_CHAIN_INVALID'
  /** The returned signature does not verify with the leaf certificate's key. */
  | 'SIGNER_SIGNATURE_MISMATCH'
  /** The leaf key is not the RSA-3072 key Artifact Signing is expected to use. */
  | 'SIGNER_KEY_UNSUPPORTED'
  /** Getting the Entra access token failed (wraps the credential's error). */
  | 'SIGNER_TOKEN'

/** An Artifact Signing failure; `remedy` says what to change. */
export class ArtifactSigningError extends ActionError<ArtifactSigningCode> {
  /** HTTP status when the failure came from a response. */
  readonly status?: number

  constructor(
    code: ArtifactSigningCode,
    message: string,
    options?: { cause?: unknown; remedy?: string; status?: number },
  ) {
    super(code, message, options)
    if (options?.status !== undefined) this.status = options.status
  }
}

export type AzureAuthCode =
  /** A required identity input (azure-client-id / azure-tenant-id) is missing or malformed. */
  | 'AZURE_AUTH_CONFIG'
  /** No GitHub OIDC token can be requested (missing `permissions: id-token: write`). */
  | 'AZURE_OIDC_UNAVAILABLE'
  /** The GitHub OIDC token request failed. */
  | 'AZURE_OIDC_FAILED'
  /** AADSTS70021: no federated credential matches the token's issuer/subject/audience. */
  | 'AZURE_FEDERATION_MISMATCH'
  /** AADSTS700024: the client assertion (GitHub ID token) is expired or not yet valid. */
  | 'AZURE_ASSERTION_EXPIRED'
  /** AADSTS700016 / AADSTS900023: unknown application. */
  | 'AZURE_APP_NOT_FOUND'
  /** AADSTS90002 (MSAL reports it as `endpoints_resolution_error`): unknown tenant. */
  | 'AZURE_TENANT_NOT_FOUND'
  /** Any other Entra / Azure CLI failure. */
  | 'AZURE_AUTH_FAILED'

/** A GitHub OIDC → Entra authentication failure. */
export class AzureAuthError extends ActionError<AzureAuthCode> {}

export type AcrCode =
  /** The Entra → ACR refresh-token exchange was refused. */
  | 'ACR_EXCHANGE_REFUSED'
  /** The exchange answered something we cannot use. */
  | 'ACR_EXCHANGE_INVALID'
  /** The registry host is not an Azure Container Registry login server. */
  | 'ACR_NOT_ACR_HOST'

/** An Azure Container Registry sign-in failure. */
export class AcrError extends ActionError<AcrCode> {
  readonly status?: number

  constructor(
    code: AcrCode,
    message: string,
    options?: { cause?: unknown; remedy?: string; status?: number },
  ) {
    super(code, message, options)
    if (options?.status !== undefined) this.status = options.status
  }
}

export type KeyVaultCode =
  /** 401 after a token was sent: wrong tenant, audience or an expired token. */
  | 'KEY_VAULT_UNAUTHORIZED'
  /** The vault's 401 challenge is missing or names a resource the vault host does not belong to. */
  | 'KEY_VAULT_CHALLENGE_INVALID'
  /** 403: a missing role / access-policy permission, or the vault firewall. */
  | 'KEY_VAULT_FORBIDDEN'
  /** 404: no such key, certificate or secret (or version). */
  | 'KEY_VAULT_NOT_FOUND'
  /** 400: the vault rejected the request (e.g. an algorithm the key cannot do). */
  | 'KEY_VAULT_BAD_REQUEST'
  /** 429 after the transport's retries. */
  | 'KEY_VAULT_THROTTLED'
  /** 5xx after retries, or another unexpected status. */
  | 'KEY_VAULT_SERVICE_ERROR'
  /** The vault cannot be reached. */
  | 'KEY_VAULT_NETWORK'
  /** A response that does not follow the Key Vault REST format. */
  | 'KEY_VAULT_RESPONSE_INVALID'
  /** The certificate material in the vault (secret or certificate) cannot be used. */
  | 'KEY_VAULT_CERTIFICATE_INVALID'
  /** The key the certificate belongs to is not the key named by azure-key-vault-key-id. */
  | 'KEY_VAULT_KEY_MISMATCH'
  /** The vault's signature does not verify with the leaf certificate's key. */
  | 'KEY_VAULT_SIGNATURE_MISMATCH'
  /** Getting the Entra token for the vault failed. */
  | 'KEY_VAULT_TOKEN'

/** An Azure Key Vault failure; `remedy` says what to change (role, permission, input). */
export class KeyVaultError extends ActionError<KeyVaultCode> {
  readonly status?: number

  constructor(
    code: KeyVaultCode,
    message: string,
    options?: { cause?: unknown; remedy?: string; status?: number },
  ) {
    super(code, message, options)
    if (options?.status !== undefined) this.status = options.status
  }
}
