/**
 * Registry credentials for ACR through the Azure identity: when the exchange is refused, the run
 * falls back to the docker config, and the warning carries the remedy with the role this run
 * needs (AcrPull to verify, AcrPush to sign), since that is what the user has to fix.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AzureCredential } from '../../../src/azure/credential.js'
import { registryCredentials, type RegistryAccess } from '../../../src/commands/deps.js'
import { recordingLogger } from '../../../src/log.js'
import { httpResponse, scriptedTransport } from '../../helpers/http.js'

let dockerConfig: string
beforeAll(async () => {
  dockerConfig = await mkdtemp(join(tmpdir(), 'deps-docker-config-'))
})
afterAll(async () => {
  await rm(dockerConfig, { recursive: true, force: true })
})

const refused = scriptedTransport(() => httpResponse(403, { errors: [{ code: 'DENIED' }] }))

const azureCredential: AzureCredential = {
  kind: 'github-oidc',
  clientId: '00000000-0000-0000-0000-000000000001',
  tenantId: '00000000-0000-0000-0000-000000000002',
  getToken: async () => ({
    token: 'e30.eyJ0aWQiOiJ0In0.c2ln',
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
  federatedIdentity: () => undefined,
}

it.each([
  ['pull', 'AcrPull', 'AcrPush'],
  ['push', 'AcrPush', 'AcrPull'],
] as const)(
  'a refused ACR sign-in for %s warns with the role to assign, then tries the docker config',
  async (access: RegistryAccess, role, otherRole) => {
    const logger = recordingLogger()
    const source = registryCredentials({
      images: ['myacr.azurecr.io/app:v1'],
      registry: { insecureRegistries: [] },
      azure: { clientId: '00000000-0000-0000-0000-000000000001' },
      transport: refused,
      runtime: { logger, env: { DOCKER_CONFIG: dockerConfig }, mask: () => {} },
      credential: async () => azureCredential,
      access,
    })
    expect(await source('myacr.azurecr.io')).toBeUndefined()
    const warning = logger.lines.find((l) =>
      l.startsWith('warning: signing in to myacr.azurecr.io'),
    )
    expect(warning).toContain(role)
    expect(warning).not.toContain(otherRole)
    expect(warning).toContain('trying the docker config')
  },
)
