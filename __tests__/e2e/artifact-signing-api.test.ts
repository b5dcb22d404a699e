/**
 * The Artifact Signing api-version forms through dist/index.js as a runner runs it (GitHub OIDC →
 * Entra → the data-plane mock over HTTPS → Debian's registry): the stable `2024-06-15` form, the
 * one-time fallback when the front door refuses a version before authentication (the 2026 field
 * reports), and an HTTP 200 whose body says `status: Failed`, which must push nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { pushTestImage, type PushedImage } from '../../testbed/image.js'
import { startAzureMocks, type AzureMocks } from '../../testbed/mocks/index.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { runAction, type ActionRun } from '../../testbed/runner.js'
import { testbed } from '../helpers/testbed.js'

const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))
let mocks: AzureMocks

beforeAll(async () => {
  mocks = await startAzureMocks({ retryAfterSeconds: 0 })
}, 120_000)
afterAll(async () => {
  await mocks?.stop()
})
beforeEach(() => {
  mocks.artifactSigning.refuseApiVersions({})
  mocks.setFaults([])
  mocks.requests.length = 0
})

function registry(): RegistryHandle {
  return { ...testbed().registries.plain, stateDir: '', stop: async () => {} } as RegistryHandle
}

async function sign(image: PushedImage, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const profile = mocks.profile()
  return runAction(
    dist('index.js'),
    {
      images: image.reference,
      'artifact-signing-endpoint': mocks.dataPlaneUrl,
      'artifact-signing-account': profile.account,
      'artifact-signing-certificate-profile': profile.config.name,
      'timestamp-url': testbed().tsa.url,
      ...inputs,
    },
    { ...mocks.childEnv(), NODE_EXTRA_CA_CERTS: testbed().tlsCaPath },
  )
}

const signRequests = (): { path: string; version: string | undefined }[] =>
  mocks.requests
    .filter((r) => r.service === 'artifact-signing' && r.method === 'POST')
    .map((r) => ({ path: r.path, version: r.query['api-version'] }))

async function referrersTagStatus(reg: RegistryHandle, image: PushedImage): Promise<number> {
  const res = await fetch(
    `${reg.url}/v2/${image.repository}/manifests/sha256-${image.digest.slice(7)}`,
    { headers: { accept: 'application/vnd.oci.image.index.v1+json' } },
  )
  await res.arrayBuffer()
  return res.status
}

describe('api-version forms', () => {
  it('2024-06-15 signs with POST :sign and Operation-Location polling, and reports the version', async () => {
    const image = await pushTestImage(registry(), 'e2e/as-api-stable', 'v1', 'stable api')
    const run = await sign(image, { 'artifact-signing-api-version': '2024-06-15' })
    expect(run.stdout).not.toContain('::error::')
    expect(run.exitCode).toBe(0)
    expect(run.outputs['artifact-signing-api-version']).toBe('2024-06-15')
    expect(signRequests()).toEqual([
      { path: expect.stringMatching(/\/certificateprofiles\/[^/]+:sign$/), version: '2024-06-15' },
    ])
    const polls = mocks.requests.filter(
      (r) => r.service === 'artifact-signing' && r.method === 'GET',
    )
    expect(polls.length).toBeGreaterThanOrEqual(1)
    expect(polls.every((r) => r.query['api-version'] === '2024-06-15')).toBe(true)
    expect(run.summary).toContain('Artifact Signing api-version `2024-06-15`.')
    expect(run.stdout).not.toContain('Artifact Signing api-version::')
  })

  it('a version refused with 401 before authentication is retried once in the other form, said once, and reported', async () => {
    mocks.artifactSigning.refuseApiVersions({ '2022-06-15-preview': 401 })
    const reg = registry()
    const image = await pushTestImage(reg, 'e2e/as-api-fallback', 'v1', 'fallback')
    const run = await sign(image)
    expect(run.stdout).not.toContain('::error::')
    expect(run.exitCode).toBe(0)
    expect(signRequests()).toEqual([
      { path: expect.stringMatching(/\/sign$/), version: '2022-06-15-preview' },
      { path: expect.stringMatching(/:sign$/), version: '2024-06-15' },
    ])
    expect(run.outputs['artifact-signing-api-version']).toBe('2024-06-15')
    const warnings = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning') && l.includes('before authenticating'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('retrying once with api-version 2024-06-15')
    expect(run.summary).toContain(
      'Artifact Signing api-version `2024-06-15` (the configured `2022-06-15-preview` was refused before authentication',
    )
    expect(await referrersTagStatus(reg, image)).toBe(200)
  })

  it('when both forms are refused the step fails naming both versions, and nothing is pushed', async () => {
    mocks.artifactSigning.refuseApiVersions({ '2022-06-15-preview': 403, '2024-06-15': 403 })
    const reg = registry()
    const image = await pushTestImage(reg, 'e2e/as-api-refused', 'v1', 'refused')
    const run = await sign(image)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::.*SIGNER_FORBIDDEN/)
    expect(run.stdout).toContain('api-version 2022-06-15-preview was refused too (HTTP 403)')
    expect(signRequests()).toHaveLength(2)
    expect(await referrersTagStatus(reg, image)).toBe(404)
  })
})

describe('HTTP 200 with status Failed', () => {
  it('fails with the account/identity-validation remedy and pushes nothing', async () => {
    mocks.setFaults(['sign:fail-sync'])
    const reg = registry()
    const image = await pushTestImage(reg, 'e2e/as-api-failed', 'v1', 'failed')
    const tagsBefore = await (await fetch(`${reg.url}/v2/${image.repository}/tags/list`)).json()
    const run = await sign(image)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::.*SIGNER_OPERATION_FAILED/)
    expect(run.stdout).toContain('refused to sign')
    expect(run.stdout).toContain('identity validation is Completed')
    expect(run.outputs.digest).toBeUndefined()
    const tagsAfter = await (await fetch(`${reg.url}/v2/${image.repository}/tags/list`)).json()
    expect(tagsAfter).toEqual(tagsBefore)
    expect(await referrersTagStatus(reg, image)).toBe(404)
  })
})
