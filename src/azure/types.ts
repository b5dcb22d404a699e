/**
 * Shapes shared by the Azure modules, kept free of @azure/identity so the signer and the ACR
 * exchange can be driven by a stub credential in tests.
 */

/** An Entra access token (the subset of @azure/identity's AccessToken we use). */
export interface AccessTokenLike {
  token: string
  expiresOnTimestamp: number
}

/** The GitHub OIDC identity behind a federated credential: claims only, never the token. */
export interface FederatedIdentity {
  issuer: string
  /** The `sub` claim, e.g. `repo:OWNER/REPO:ref:refs/heads/main`: what the Entra federated credential must match. */
  subject: string
  audience: string
  clientId?: string
  tenantId?: string
}

/** @azure/identity's TokenCredential, structurally, plus an optional identity description. */
export interface TokenCredentialLike {
  getToken(
    scopes: string | string[],
    options?: { abortSignal?: AbortSignal },
  ): Promise<AccessTokenLike | null>
  /** For remedies: the federated identity last used, when there is one. */
  federatedIdentity?(): FederatedIdentity | undefined
  /** For remedies: the Entra application (client) id, when known. */
  readonly clientId?: string
  /** The Entra tenant, when known (the ACR exchange sends it). */
  readonly tenantId?: string
}
