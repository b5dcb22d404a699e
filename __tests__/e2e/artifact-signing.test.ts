/**
 * The main job, as the demo runs it, with assertions: dist/index.js as a runner runs it, through
 * GitHub OIDC → Entra → Artifact Signing (mocks following artifact-signing.md §10, over HTTPS) →
 * the openssl TSA → Debian's registry (TLS + Bearer) → read back and verified; dist/verify.js
 * passes by digest and fails for a wrong identity; no token or password is visible anywhere.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startAzureMocks, type AzureMocks } from '../../testbed/mocks/index.js'
import {
  artifactSigningScenario,
  visibleText,
  type ScenarioResult,
} from '../../testbed/scenario.js'
import { startTestbed, type Testbed } from '../../testbed/stack.js'

let testbed: Testbed
let mocks: AzureMocks
let work: string
let result: ScenarioResult

beforeAll(async () => {
  testbed = await startTestbed(['token'])
  mocks = await startAzureMocks({ retryAfterSeconds: 0 })
  work = await mkdtemp(join(tmpdir(), 'e2e-artifact-signing-'))
  result = await artifactSigningScenario(testbed, mocks, work, 'e2e/azure')
}, 240_000)
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
  await mocks?.stop()
  await testbed?.stop()
})

it('signs by tag with Artifact Signing and outputs the digest, signature and verification', () => {
  const { sign, image, leafSubject } = result
  expect(sign.stdout).not.toContain('::error::')
  expect(sign.exitCode).toBe(0)
  expect(sign.outputs.digest).toBe(image.digest)
  expect(sign.outputs.verified).toBe('true')
  const [entry] = JSON.parse(sign.outputs.signatures as string)
  expect(entry).toMatchObject({
    digest: image.digest,
    referrersMode: 'tag',
    signer: expect.stringContaining('O=Mock Publisher'),
  })
  expect(entry.timestamp).toMatch(/^\d{4}-/)
  expect(leafSubject).toContain('O=Mock Publisher')
  expect(sign.summary).toContain('✅')
})

it('went through every mock: OIDC token, Entra exchange, sign + poll', () => {
  const services = new Set(mocks.requests.map((r) => r.service))
  expect([...services]).toEqual(
    expect.arrayContaining(['github-oidc', 'entra', 'artifact-signing']),
  )
  expect(mocks.profile().signCount).toBeGreaterThanOrEqual(1)
})

it('dist/verify.js passes by digest and fails for a wrong trusted identity', () => {
  expect(result.verify.exitCode).toBe(0)
  expect(result.verify.outputs.verified).toBe('true')
  expect(result.wrongIdentity.exitCode).toBe(1)
  expect(result.wrongIdentity.outputs.verified).toBe('false')
  expect(result.wrongIdentity.stdout).toContain('UNTRUSTED_IDENTITY')
})

it('no token or password appears in stdout, stderr, outputs or the summary', () => {
  expect(result.secrets.length).toBeGreaterThanOrEqual(3)
  const visible = [result.sign, result.verify, result.wrongIdentity].map(visibleText).join('\n')
  for (const secret of result.secrets) expect(visible).not.toContain(secret)
  // Not even a recognisable piece of a JWT (header.payload).
  for (const secret of result.secrets.filter((s) => s.split('.').length === 3)) {
    expect(visible).not.toContain(secret.split('.').slice(0, 2).join('.'))
  }
})
