/**
 * Two documented behaviours through the bundled CLI against the real registry:
 * - the same manifest named twice (a tag and its digest) is signed once;
 * - `--max-signatures N` stops verification after N failed signatures, as notation's
 *   `--max-signatures` does, and says so; with fewer failures the next good signature still wins.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushTestImage } from '../../testbed/image.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../testbed/pki.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { testbed } from '../helpers/testbed.js'
import { policyJson, statement } from '../helpers/verify-policy.js'

const execFileAsync = promisify(execFile)
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
let work: string
let trusted: CodeSigningPki
let untrusted: CodeSigningPki

const registry = (): RegistryHandle =>
  ({ ...testbed().registries.plain, stateDir: '', stop: async () => {} }) as RegistryHandle

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [CLI, ...args], { cwd: work })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: unknown; stdout: string; stderr: string }
    if (typeof e.code !== 'number') throw err
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const signWith = (pki: 'trusted' | 'untrusted', images: string[]) =>
  cli([
    'sign',
    ...images.flatMap((i) => ['--images', i]),
    '--signing-key',
    join(work, `${pki}-key.pem`),
    '--signing-certificate-chain',
    join(work, `${pki}-chain.pem`),
    '--json',
  ])

const verifyWith = (image: string, maxSignatures: number) =>
  cli([
    'verify',
    '--images',
    image,
    '--max-signatures',
    String(maxSignatures),
    '--trust-policy',
    policyJson(
      statement({
        name: 'trusted-only',
        registryScopes: ['*'],
        trustStores: ['ca:trusted'],
        trustedIdentities: ['*'],
      }),
    ),
    '--trust-store',
    `ca:trusted: [${join(work, 'trusted-root.pem')}]\n`,
    '--json',
  ])

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-dedupe-limit-'))
  trusted = await createCodeSigningPki({ keyKind: 'ec256' })
  untrusted = await createCodeSigningPki({ keyKind: 'ec256' })
  for (const [name, pki] of [
    ['trusted', trusted],
    ['untrusted', untrusted],
  ] as const) {
    await writeFile(join(work, `${name}-key.pem`), pki.leaf.privateKeyPem)
    await writeFile(join(work, `${name}-chain.pem`), pki.chainPem)
    await writeFile(join(work, `${name}-root.pem`), pki.root.pem)
  }
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

it('signs a manifest named twice (tag and digest) once', async () => {
  const reg = registry()
  const image = await pushTestImage(reg, 'cli/dedupe', 'v1', 'named twice')
  const signed = await signWith('trusted', [
    image.reference,
    `${reg.host}/cli/dedupe@${image.digest}`,
  ])
  expect(signed.code).toBe(0)
  expect(JSON.parse(signed.stdout).signatures).toHaveLength(1)
  const inspect = JSON.parse(
    (await cli(['inspect', `${reg.host}/cli/dedupe@${image.digest}`, '--json'])).stdout,
  )
  expect(inspect.signatures).toHaveLength(1)
})

describe('--max-signatures', () => {
  let reference: string
  beforeAll(async () => {
    const reg = registry()
    const image = await pushTestImage(reg, 'cli/limit', 'v1', 'many signatures')
    reference = `${reg.host}/cli/limit@${image.digest}`
    // Two signatures the policy does not trust, listed first, then one it trusts.
    for (const pki of ['untrusted', 'untrusted', 'trusted'] as const) {
      expect((await signWith(pki, [reference])).code).toBe(0)
    }
  })

  it('stops after N failed signatures and says the limit was reached', async () => {
    const result = await verifyWith(reference, 2)
    expect(result.code).toBe(1)
    const [image] = JSON.parse(result.stdout).images
    expect(image.signatures).toHaveLength(2)
    expect(image.error).toMatch(/limit of 2 signatures to verify per artifact exceeded/)
  })

  it('with room for the trusted one, it is found and passes', async () => {
    const result = await verifyWith(reference, 3)
    expect(result.code).toBe(0)
    const [image] = JSON.parse(result.stdout).images
    expect(image.signatures).toHaveLength(3)
    expect(image.verified).toBe(true)
  })
})
