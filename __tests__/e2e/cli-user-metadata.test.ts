/**
 * Issue 12: notation accepts commas in `-m` values (`authors=alice,bob`), and so do we. Through
 * the bundled CLI against the real registry: a value with commas is signed as one annotation, and
 * verify requires exactly that value.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushTestImage } from '../../testbed/image.js'
import { createCodeSigningPki } from '../../testbed/pki.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { testbed } from '../helpers/testbed.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-metadata-'))
  const pki = await createCodeSigningPki({ keyKind: 'ec256' })
  await writeFile(join(work, 'key.pem'), pki.leaf.privateKeyPem)
  await writeFile(join(work, 'chain.pem'), pki.chainPem)
  await writeFile(join(work, 'root.pem'), pki.root.pem)
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: work })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    if (typeof e.code !== 'number') throw err
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const POLICY = JSON.stringify({
  version: '1.0',
  trustPolicies: [
    {
      name: 'all',
      registryScopes: ['*'],
      signatureVerification: { level: 'strict' },
      trustStores: ['ca:ours'],
      trustedIdentities: ['*'],
    },
  ],
})

describe('user metadata with commas (notation -m authors=alice,bob)', () => {
  it('is signed as one entry and verified by its whole value', async () => {
    const reg = {
      ...testbed().registries.plain,
      stateDir: '',
      stop: async () => {},
    } as RegistryHandle
    const image = await pushTestImage(reg, 'cli/metadata', 'v1', 'metadata commas')
    const ref = `${reg.host}/cli/metadata@${image.digest}`
    const signed = await cli([
      'sign',
      '--images',
      ref,
      '--signing-key',
      join(work, 'key.pem'),
      '--signing-certificate-chain',
      join(work, 'chain.pem'),
      '--user-metadata',
      'authors=alice,bob',
      '--user-metadata',
      'team=web',
    ])
    expect(signed.stderr).not.toContain('oci-notary sign:')
    expect(signed.code).toBe(0)
    const inspect = JSON.parse((await cli(['inspect', ref, '--json'])).stdout)
    expect(inspect.signatures[0].signedArtifact.annotations).toMatchObject({
      authors: 'alice,bob',
      team: 'web',
    })
    const verify = (...metadata: string[]) =>
      cli([
        'verify',
        '--images',
        ref,
        '--trust-policy',
        POLICY,
        '--trust-store',
        `ca:ours: [${join(work, 'root.pem')}]\n`,
        ...metadata.flatMap((m) => ['--user-metadata', m]),
      ])
    expect((await verify('authors=alice,bob', 'team=web')).code).toBe(0)
    const partial = await verify('authors=alice')
    expect(partial.code).toBe(1)
    expect(partial.stdout + partial.stderr).toContain('authors=alice')
    expect(partial.stdout + partial.stderr).toContain('METADATA_MISMATCH')
  })
})
