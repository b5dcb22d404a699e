/**
 * Builds the real collaborators from a parsed config: one transport, one registry client (explicit
 * credentials, then ACR through the Azure identity, then the docker config), the signer (Artifact
 * Signing, Azure Key Vault or a local key), the timestamper and the verification inputs. Shared by
 * the actions and the CLI; the only module that decides which concrete implementation runs.
 */
import { audienceForAuthority, entraSettings } from '../azure/authority.js'
import type { AzureCredential } from '../azure/credential.js'
import type { AzureConfig, RegistryConfig, SignerConfig, VerifyConfig } from '../config/config.js'
import { ActionError, ConfigError } from '../errors.js'
import type { Logger } from '../log.js'
import { createTransport, type RequestEvent, type Transport } from '../net/transport.js'
import { createRegistryClient, type RegistryClient } from '../oci/client.js'
import {
  chainCredentials,
  dockerConfigCredentials,
  staticCredentials,
  type Credential,
  type CredentialSource,
} from '../oci/credentials.js'
import { parseReference } from '../oci/reference.js'
import { loadPemInput } from '../signer/load-local.js'
import { createLocalKeySigner } from '../signer/local-key.js'
import type { Signer } from '../signer/signer.js'
import { createTimestamper } from '../timestamp/client.js'
import { checkTimestampRoots } from '../timestamp/roots.js'
import type { Timestamper } from '../timestamp/types.js'
import type { TrustPolicyDocument } from '../verify/policy.js'
import { createLazyRevocationChecker } from '../verify/lazy-revocation.js'
import type { RevocationChecker } from '../verify/revocation-port.js'
import type { TrustStore } from '../verify/trust-store.js'
import { pemToCertificates } from '../x509/pem.js'
import { VERSION } from '../version.js'

export { VERSION }
export const SIGNING_AGENT = `oci-notary-action/${VERSION}`

export interface RuntimeEnv {
  logger: Logger
  env: NodeJS.ProcessEnv
  /** Masks a secret in the CI log (a no-op outside Actions). */
  mask: (secret: string) => void
  onRequest?: (event: RequestEvent) => void
}

export function productionTransport(runtime: RuntimeEnv): Transport {
  return createTransport({
    logger: runtime.logger,
    ...(runtime.onRequest ? { onRequest: runtime.onRequest } : {}),
  })
}

// The Azure modules (and @azure/identity with MSAL under them) are most of the bundle; they are
// imported on first use so a local-key or verify-only run starts without loading them.

/**
 * The Azure identity, created on first use (Artifact Signing, Key Vault, or an ACR sign-in). With
 * GitHub OIDC federation configured, the job's GitHub ID token is requested at once, beside loading
 * @azure/identity rather than after it: the OIDC → Entra → signing chain is the longest of a sign
 * job, and its first round trip (with its TCP and TLS handshakes) then overlaps that CPU work.
 */
export function lazyAzureCredential(
  azure: AzureConfig,
  runtime: RuntimeEnv,
  transport: Transport,
): () => Promise<AzureCredential> {
  let credential: Promise<AzureCredential> | undefined
  return () => {
    if (credential !== undefined) return credential
    const idTokenRequested = requestIdTokenEarly(azure, runtime.env)
    credential = import('../azure/credential.js').then(({ createAzureCredential }) =>
      createAzureCredential({
        ...(azure.clientId ? { clientId: azure.clientId } : {}),
        ...(azure.tenantId ? { tenantId: azure.tenantId } : {}),
        ...(azure.authorityHost ? { authorityHost: azure.authorityHost } : {}),
        logger: runtime.logger,
        env: runtime.env,
        transport,
        ...(idTokenRequested === undefined ? {} : { idTokenRequested }),
      }),
    )
    return credential
  }
}

/**
 * The GitHub ID token the credential will use as its first assertion, requested now; undefined
 * when the credential would not federate (no client or tenant id: it uses the Azure CLI session or
 * reports the gap itself). Without OIDC in the job the request fails as the credential's own would,
 * and the credential reports it. The token only travels to Entra once the credential has checked
 * the authority; a credential that refuses its configuration never uses it.
 */
function requestIdTokenEarly(
  azure: AzureConfig,
  env: NodeJS.ProcessEnv,
): { audience: string; token: Promise<string> } | undefined {
  const { clientId, tenantId, authorityHost } = entraSettings(azure, env)
  if (clientId === undefined || tenantId === undefined) return undefined
  const audience = audienceForAuthority(authorityHost)
  const token = import('../azure/oidc.js').then(({ getGitHubIdToken }) =>
    getGitHubIdToken(audience, env),
  )
  // Its failure is reported by the credential when it uses it.
  token.catch(() => undefined)
  return { audience, token }
}

/** *.azurecr.io / .azurecr.cn / .azurecr.us (kept here so the check needs no Azure module). */
const ACR_HOST = /\.azurecr\.(io|cn|us)$/i

/** True when an Entra identity for ACR is configured (inputs or AZURE_CLIENT_ID). */
function azureIdentityConfigured(azure: AzureConfig, env: NodeJS.ProcessEnv): boolean {
  return Boolean(azure.clientId ?? env.AZURE_CLIENT_ID)
}

/** What the run does in the registries: `push` (sign) or only `pull` (verify, inspect). */
export type RegistryAccess = 'pull' | 'push'

/** What a run needs to reach its images' registries. */
export interface RegistryConnection {
  images: string[]
  registry: RegistryConfig
  azure: AzureConfig
  transport: Transport
  runtime: RuntimeEnv
  credential: () => Promise<AzureCredential>
  access: RegistryAccess
}

export function registryCredentials(connection: RegistryConnection): CredentialSource {
  const { images, registry, azure, transport, runtime, credential, access } = connection
  const sources: CredentialSource[] = []
  if (registry.username !== undefined && registry.password !== undefined) {
    // Explicit credentials are for the registries the images live in, and no others.
    const entries: Record<string, Credential> = {}
    for (const image of images) {
      entries[parseReference(image).registry] = {
        username: registry.username,
        password: registry.password,
      }
    }
    sources.push(staticCredentials(entries))
  }
  if (azureIdentityConfigured(azure, runtime.env)) {
    const signedIn = new Map<string, Promise<Credential | undefined>>()
    sources.push(async (host) => {
      if (!ACR_HOST.test(host)) return undefined
      let pending = signedIn.get(host)
      if (pending === undefined) {
        pending = Promise.all([import('../azure/acr.js'), credential()])
          .then(([{ acrSignIn }, azureCredential]) =>
            acrSignIn({
              registry: host,
              credential: azureCredential,
              transport,
              logger: runtime.logger,
              mask: runtime.mask,
              access,
            }),
          )
          .then(
            (c) => c as Credential,
            (err: unknown) => {
              // The remedy (the role to assign) matters most when the docker config has nothing.
              const remedy = err instanceof ActionError && err.remedy ? `; ${err.remedy}` : ''
              runtime.logger.warning(
                `signing in to ${host} with the Azure identity failed (${err instanceof Error ? err.message : String(err)}${remedy}); trying the docker config`,
              )
              return undefined
            },
          )
        signedIn.set(host, pending)
      }
      return pending
    })
  }
  sources.push(dockerConfigCredentials({ env: runtime.env, logger: runtime.logger }))
  return chainCredentials(...sources)
}

export function productionRegistry(connection: RegistryConnection): RegistryClient {
  return createRegistryClient({
    transport: connection.transport,
    logger: connection.runtime.logger,
    credentials: registryCredentials(connection),
    insecureRegistries: connection.registry.insecureRegistries,
    access: connection.access,
  })
}

export async function productionSigner(
  signer: SignerConfig,
  transport: Transport,
  runtime: RuntimeEnv,
  credential: () => Promise<AzureCredential>,
  now: Date,
): Promise<Signer> {
  if (signer.kind === 'local-key') {
    const keyPem = await loadPemInput(signer.key, 'signing-key')
    runtime.mask(keyPem)
    return createLocalKeySigner({
      keyPem,
      chainPem: await loadPemInput(signer.certificateChain, 'signing-certificate-chain'),
      now,
      names: { key: 'signing-key', chain: 'signing-certificate-chain' },
    })
  }
  if (signer.kind === 'key-vault') {
    const chainPem =
      signer.certificateChain === undefined
        ? undefined
        : await loadPemInput(signer.certificateChain, 'azure-key-vault-certificate-chain')
    // The identity first: its OIDC request and module load overlap the signer module's load.
    const identity = credential()
    identity.catch(() => undefined)
    // Loaded on first use, like Artifact Signing: local-key and verify-only runs never load it.
    const { createKeyVaultSigner } = await import('../azure/key-vault-signer.js')
    return createKeyVaultSigner({
      keyId: signer.keyId,
      ...(chainPem === undefined ? {} : { certificateChainPem: chainPem }),
      allowUntrustedEndpoint: signer.allowUntrustedEndpoint,
      credential: await identity,
      transport,
      logger: runtime.logger,
      mask: runtime.mask,
      now,
    })
  }
  const correlation = runtime.env.GITHUB_RUN_ID
    ? `${runtime.env.GITHUB_RUN_ID}-${runtime.env.GITHUB_RUN_ATTEMPT ?? '1'}`
    : undefined
  const identity = credential()
  identity.catch(() => undefined)
  const { createArtifactSigningSigner } = await import('../azure/artifact-signing.js')
  return createArtifactSigningSigner({
    endpoint: signer.endpoint,
    allowUntrustedEndpoint: signer.allowUntrustedEndpoint,
    accountName: signer.account,
    certificateProfile: signer.certificateProfile,
    apiVersion: signer.apiVersion,
    credential: await identity,
    transport,
    logger: runtime.logger,
    signTimeoutMs: signer.timeoutMs,
    ...(correlation ? { correlationId: correlation } : {}),
  })
}

/** timestamp-root-certificate as DER certificates (none when not given). */
export async function loadTimestampRoots(
  timestamp: { rootCertificate?: string } | undefined,
): Promise<Uint8Array[]> {
  if (timestamp?.rootCertificate === undefined) return []
  const roots = pemToCertificates(
    await loadPemInput(timestamp.rootCertificate, 'timestamp-root-certificate'),
    'timestamp-root-certificate',
  )
  checkTimestampRoots(roots, 'timestamp-root-certificate')
  return roots
}

/** `roots`: timestamp-root-certificate as loaded once for the job ({@link loadTimestampRoots}). */
export function productionTimestamper(
  timestamp: { urls: string[] } | undefined,
  roots: readonly Uint8Array[],
  transport: Transport,
  runtime: RuntimeEnv,
): Timestamper | undefined {
  if (timestamp === undefined) return undefined
  if (roots.length === 0) {
    runtime.logger.info(
      "no timestamp-root-certificate given: each token is checked (signature, TSA certificate, imprint, nonce, time) but its chain is not anchored at signing; verification anchors it in the policy's tsa trust store",
    )
  }
  return createTimestamper({
    urls: timestamp.urls,
    roots,
    allowUnanchored: roots.length === 0,
    transport,
    logger: runtime.logger,
  })
}

export interface LoadedVerification {
  policy: TrustPolicyDocument
  trustStore: TrustStore
  revocation: RevocationChecker
}

export async function loadVerification(
  verify: VerifyConfig,
  transport: Transport,
  runtime: RuntimeEnv,
): Promise<LoadedVerification> {
  // Loaded here, not at start-up: a run without a trust policy never needs them (nor yaml).
  const [{ loadTrustPolicy }, { loadTrustStore }] = await Promise.all([
    import('../verify/load-policy.js'),
    import('../verify/trust-store-load.js'),
  ])
  const { document } = await loadTrustPolicy(verify.trustPolicy, { inputName: 'trust-policy' })
  if (
    verify.trustStore === '' &&
    document.trustPolicies.some((p) => p.signatureVerification.level !== 'skip')
  ) {
    throw new ConfigError(
      'INPUT_MISSING',
      'input trust-store is required: the trust policy names trust stores',
    )
  }
  // Like notation, a truststore directory is read only for the stores the policy names, so an
  // unrelated store with a bad file does not break verification.
  const stores = document.trustPolicies.flatMap((p) => p.trustStores)
  const trustStore =
    verify.trustStore === ''
      ? await loadTrustStore('{}')
      : await loadTrustStore(verify.trustStore, { stores })
  return {
    policy: document,
    trustStore,
    revocation: createLazyRevocationChecker({ transport, logger: runtime.logger }),
  }
}
