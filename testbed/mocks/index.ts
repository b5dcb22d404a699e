/**
 * Local mocks of the cloud services the Azure integration talks to, each on its own 127.0.0.1
 * ephemeral port: the Artifact Signing data plane, Microsoft Entra ID, the GitHub Actions OIDC token
 * endpoint, the ACR token service and an Azure Key Vault. See README.md for the contract and what is invented ([MOCK]).
 *
 *   const mocks = await startAzureMocks()
 *   // in-process: data plane over http (Node reads NODE_EXTRA_CA_CERTS only at start-up);
 *   // child processes: mocks.childEnv() sets NODE_EXTRA_CA_CERTS, AZURE_*, ACTIONS_ID_TOKEN_REQUEST_*.
 *   await mocks.stop()
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRootCa, testKey } from '../pki.js'
import { testbedCa } from '../registry.js'
import { createAcrMock } from './acr.js'
import {
  createArtifactSigningMock,
  type ArtifactSigningMock,
  type MockAccountConfig,
  type MockProfileState,
} from './artifact-signing.js'
import { createEntraMock, type EntraAppConfig } from './entra.js'
import { GITHUB_OIDC_ISSUER, createGithubOidcMock } from './github-oidc.js'
import { createKeyVaultMock, type KeyVaultMock } from './key-vault.js'
import { startMockServer, type MockServer, type RecordedRequest } from './http.js'

export type { RecordedRequest } from './http.js'
export type { MockAccountConfig, MockProfileConfig, MockProfileState } from './artifact-signing.js'
export type {
  KeyVaultMock,
  MockVaultCertificate,
  SecretFormat,
  VaultPermission,
} from './key-vault.js'

export const MOCK_TENANT_ID = 'mock-tenant-0001'
export const MOCK_CLIENT_ID = '00000000-aaaa-bbbb-cccc-000000000001'
export const MOCK_SUBJECT = 'repo:octo-org/octo-repo:ref:refs/heads/main'
export const MOCK_AUDIENCE = 'api://AzureADTokenExchange'
export const MOCK_ACCOUNT = 'mock-account'
export const MOCK_PROFILE = 'mock-profile'

export interface AzureMocksOptions {
  /** Data plane scheme: `https` (default) or `http` (in-process clients without the CA). */
  dataPlaneProtocol?: 'https' | 'http'
  /** GitHub OIDC endpoint scheme (default https). */
  oidcProtocol?: 'https' | 'http'
  tenantId?: string
  clientId?: string
  /** `sub` of the GitHub ID tokens the mock mints (default repo:octo-org/octo-repo:ref:refs/heads/main). */
  subject?: string
  /** Subjects configured as federated credentials on the app (default [subject]). */
  federatedSubjects?: string[]
  /** Extra Entra apps. */
  apps?: EntraAppConfig[]
  accounts?: MockAccountConfig[]
  unknownProfile?: '403' | '404'
  unsupportedApiVersionStatus?: 400 | 401 | 403
  /** [MOCK] api-versions refused with 401/403 before authentication (see artifact-signing.ts). */
  refusedApiVersions?: Record<string, 401 | 403>
  unknownOperation?: '404' | 'status'
  /** Retry-After of the data plane's 202 / polls (default 1 s, as the service; tests may use 0). */
  retryAfterSeconds?: number
  /** ID token lifetime, seconds (default 300). */
  oidcTokenTtlSeconds?: number
  /** ACR `service` name (default: any). */
  acrService?: string
  /** [FAULT] The first N Entra token requests answer 503. */
  entraTokenUnavailableTimes?: number
}

export interface AzureMocks {
  /** Artifact Signing account URI (no trailing slash). */
  dataPlaneUrl: string
  /** Entra authority host (https). */
  authorityHost: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL (already contains `?`). */
  oidcRequestUrl: string
  oidcRequestToken: string
  /** ACR token service origin (https). */
  acrUrl: string
  /** Key Vault origin (https://127.0.0.1:<port>). */
  keyVaultUrl: string
  keyVault: KeyVaultMock
  tenantId: string
  clientId: string
  subject: string
  /** The TLS CA of every HTTPS mock, PEM and on disk (for NODE_EXTRA_CA_CERTS). */
  caPem: string
  caPath: string
  /** The ACR token signer's certificate (a registry's rootcertbundle), PEM. */
  acrSignerCertPem: string
  /** Every request, in arrival order. */
  requests: RecordedRequest[]
  /** Every token the mocks issued (OIDC JWTs, Entra access tokens, ACR refresh/access tokens). */
  issuedSecrets: string[]
  artifactSigning: ArtifactSigningMock
  profile(account?: string, profile?: string): MockProfileState
  setFaults(faults: string[], account?: string, profile?: string): void
  /** Mutable OIDC mint settings (subject, ttlSeconds, issuer). */
  oidc: { subject: string; ttlSeconds: number; issuer: string }
  /** Verifies an Entra access token issued by the mock. */
  verifyAccessToken(token: string): Record<string, unknown> | undefined
  /**
   * A TokenCredential-shaped stub minting mock Entra tokens for the scope asked, for in-process
   * tests (the real ClientAssertionCredential needs the HTTPS authority: use childEnv()).
   */
  stubCredential(opts?: { clientId?: string; objectId?: string; tenantId?: string }): {
    clientId: string
    tenantId?: string
    getToken(scopes: string | string[]): Promise<{ token: string; expiresOnTimestamp: number }>
    calls: string[]
  }
  /** Environment for a child process using the real @azure/identity + @actions/core. */
  childEnv(): Record<string, string>
  stop(): Promise<void>
}

export async function startAzureMocks(options: AzureMocksOptions = {}): Promise<AzureMocks> {
  const tenantId = options.tenantId ?? MOCK_TENANT_ID
  const clientId = options.clientId ?? MOCK_CLIENT_ID
  const subject = options.subject ?? MOCK_SUBJECT
  const requests: RecordedRequest[] = []
  const issued: string[] = []
  const record = (r: RecordedRequest): void => void requests.push(r)
  const { ca, server } = await testbedCa()
  const tls = { key: server.privateKeyPem, cert: server.pem + ca.pem }
  const dir = await mkdtemp(join(tmpdir(), 'azure-mocks-'))
  const caPath = join(dir, 'ca.pem')
  await writeFile(caPath, ca.pem)

  const githubKey = testKey('rsa2048', 'mock-github-oidc')
  const entraKey = testKey('rsa2048', 'mock-entra')
  const oidc = createGithubOidcMock({
    key: githubKey,
    kid: 'mock-github-kid',
    requestToken: `mock-request-token-${Math.random().toString(36).slice(2)}`,
    subject,
    ...(options.oidcTokenTtlSeconds === undefined
      ? {}
      : { ttlSeconds: options.oidcTokenTtlSeconds }),
    record,
    issued,
  })
  const apps: EntraAppConfig[] = [
    {
      tenantId,
      clientId,
      federatedCredentials: (options.federatedSubjects ?? [subject]).map((s) => ({
        issuer: GITHUB_OIDC_ISSUER,
        subject: s,
        audience: MOCK_AUDIENCE,
      })),
    },
    ...(options.apps ?? []),
  ]
  const entra = createEntraMock({
    key: entraKey,
    kid: 'mock-entra-kid',
    apps,
    trustedIssuers: { [GITHUB_OIDC_ISSUER]: githubKey },
    record,
    issued,
    ...(options.entraTokenUnavailableTimes === undefined
      ? {}
      : { tokenUnavailableTimes: options.entraTokenUnavailableTimes }),
  })
  const artifactSigning = await createArtifactSigningMock({
    accounts: options.accounts ?? [{ name: MOCK_ACCOUNT, profiles: [{ name: MOCK_PROFILE }] }],
    verifyAccessToken: (t) => entra.verifyAccessToken(t),
    record,
    ...(options.unknownProfile === undefined ? {} : { unknownProfile: options.unknownProfile }),
    ...(options.unsupportedApiVersionStatus === undefined
      ? {}
      : { unsupportedApiVersionStatus: options.unsupportedApiVersionStatus }),
    ...(options.unknownOperation === undefined
      ? {}
      : { unknownOperation: options.unknownOperation }),
    ...(options.refusedApiVersions === undefined
      ? {}
      : { refusedApiVersions: options.refusedApiVersions }),
    ...(options.retryAfterSeconds === undefined
      ? {}
      : { retryAfterSeconds: options.retryAfterSeconds }),
  })
  const acrSigner = await createRootCa('Mock ACR Token Signer', 'rsa2048')
  const acr = createAcrMock({
    verifyEntraToken: (t) => entra.verifyAccessToken(t),
    signer: { key: acrSigner.privateKey, certDer: acrSigner.der },
    issuer: 'Azure Container Registry',
    ...(options.acrService === undefined ? {} : { service: options.acrService }),
    record,
    issued,
  })

  const servers: MockServer[] = []
  const start = async (
    protocol: 'https' | 'http',
    handler: Parameters<typeof startMockServer>[0]['handler'],
  ): Promise<MockServer> => {
    const s = await startMockServer({ ...(protocol === 'https' ? { tls } : {}), handler })
    servers.push(s)
    return s
  }
  const dataPlane = await start(options.dataPlaneProtocol ?? 'https', (req, res, body) =>
    artifactSigning.handle(req, res, body),
  )
  const entraServer = await start('https', (req, res, body) => entra.handle(req, res, body))
  const oidcServer = await start(options.oidcProtocol ?? 'https', (req, res, body) =>
    oidc.handle(req, res, body),
  )
  const acrServer = await start('https', (req, res, body) => acr.handle(req, res, body))
  const keyVault = await createKeyVaultMock({
    tenantId,
    authorityHost: entraServer.url,
    verifyAccessToken: (t) => entra.verifyAccessToken(t),
    record,
  })
  const keyVaultServer = await start('https', (req, res, body) => keyVault.handle(req, res, body))

  const oidcRequestUrl = `${oidcServer.url}/idtoken?api-version=2.0`
  const requestToken = oidc.requestToken

  return {
    dataPlaneUrl: dataPlane.url,
    authorityHost: entraServer.url,
    oidcRequestUrl,
    oidcRequestToken: requestToken,
    acrUrl: acrServer.url,
    keyVaultUrl: keyVaultServer.url,
    keyVault,
    tenantId,
    clientId,
    subject,
    caPem: ca.pem,
    caPath,
    acrSignerCertPem: acrSigner.pem,
    requests,
    issuedSecrets: issued,
    artifactSigning,
    profile: (account = MOCK_ACCOUNT, profile = MOCK_PROFILE) =>
      artifactSigning.profile(account, profile),
    setFaults: (faults, account = MOCK_ACCOUNT, profile = MOCK_PROFILE) =>
      artifactSigning.setFaults(account, profile, faults),
    oidc: oidc.settings,
    verifyAccessToken: (t) => entra.verifyAccessToken(t),
    stubCredential(opts = {}) {
      const calls: string[] = []
      const id = opts.clientId ?? clientId
      return {
        clientId: id,
        ...(opts.tenantId === undefined ? {} : { tenantId: opts.tenantId }),
        calls,
        async getToken(scopes) {
          const scope = Array.isArray(scopes) ? (scopes[0] ?? '') : scopes
          calls.push(scope)
          const token = entra.issueAccessToken({
            tenantId: opts.tenantId ?? tenantId,
            clientId: id,
            resource: scope.replace(/\/\.default$/, ''),
            ...(opts.objectId === undefined ? {} : { objectId: opts.objectId }),
          })
          return { token, expiresOnTimestamp: Date.now() + 3_600_000 }
        },
      }
    },
    childEnv: () => ({
      NODE_EXTRA_CA_CERTS: caPath,
      AZURE_CLIENT_ID: clientId,
      AZURE_TENANT_ID: tenantId,
      AZURE_AUTHORITY_HOST: entraServer.url,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidcRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    }),
    async stop() {
      await Promise.all(servers.map((s) => s.stop()))
      await keyVault.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
