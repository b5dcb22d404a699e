/**
 * The CLI's help texts name every flag its parser accepts, and verify-signature's default
 * reference is explained, in the help and in the error when no policy statement applies. The last
 * block runs src/cli/main.ts (through tsx) to check the wiring.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  COMMAND_FLAGS,
  COMMON_FLAGS,
  OFFLINE_REFERENCE,
  SIGN_HELP,
  VERIFY_HELP,
  VERIFY_SIGNATURE_HELP,
  selectOfflineStatement,
} from '../../../src/cli/flags.js'
import { PolicyError } from '../../../src/verify/errors.js'
import { parseTrustPolicy } from '../../../src/verify/policy.js'

const DIGEST = 'sha256:19dbd2e48e921426ee8ace4dc892edfb2ecdc1d1a72d5416c83670c30acecef0'

function policyJson(scopes: string[][]): string {
  return JSON.stringify({
    version: '1.0',
    trustPolicies: scopes.map((registryScopes, i) => ({
      name: `p${i}`,
      registryScopes,
      signatureVerification: { level: 'strict' },
      trustStores: ['ca:valid'],
      trustedIdentities: ['*'],
    })),
  })
}

describe('help texts', () => {
  it.each(Object.keys(COMMAND_FLAGS))('%s --help names every flag it accepts', (command) => {
    const { flags, help } = COMMAND_FLAGS[command] as (typeof COMMAND_FLAGS)[string]
    const accepted = [...Object.keys(flags), ...Object.keys(COMMON_FLAGS)].filter(
      (name) => name !== 'help',
    )
    const missing = accepted.filter((name) => !new RegExp(`--${name}(?![\\w-])`).test(help))
    expect(missing).toEqual([])
  })

  it('sign --help lists the flags the audit found missing', () => {
    for (const flag of [
      '--max-signatures',
      '--artifact-signing-api-version',
      '--artifact-signing-timeout',
      '--azure-authority-host',
    ]) {
      expect(SIGN_HELP).toContain(flag)
    }
  })

  it('verify --help shows --trust-store as optional and lists the Azure identity flags', () => {
    const usage = VERIFY_HELP.split('\n')[0] as string
    expect(usage).toContain('--trust-policy FILE|TEXT [--trust-store DIR|TEXT]')
    for (const flag of ['--azure-client-id', '--azure-tenant-id', '--azure-authority-host']) {
      expect(VERIFY_HELP).toContain(flag)
    }
  })

  it('verify-signature --help says what --reference defaults to', () => {
    expect(VERIFY_SIGNATURE_HELP).toContain(`default "${OFFLINE_REFERENCE}"`)
    expect(VERIFY_SIGNATURE_HELP).toContain('only a "*" statement matches')
    expect(VERIFY_SIGNATURE_HELP).not.toContain('default: the "*" statement')
  })
})

describe('selectOfflineStatement', () => {
  it('without --reference, a "*" statement applies', () => {
    const doc = parseTrustPolicy(policyJson([['registry.example/app'], ['*']]))
    const { reference, statement } = selectOfflineStatement(doc, undefined, DIGEST)
    expect(reference).toBe(`${OFFLINE_REFERENCE}@${DIGEST}`)
    expect(statement.name).toBe('p1')
  })

  it('with --reference, the statement whose registryScopes name it applies', () => {
    const doc = parseTrustPolicy(policyJson([['registry.example/app'], ['*']]))
    const { reference, statement } = selectOfflineStatement(doc, 'registry.example/app', DIGEST)
    expect(reference).toBe(`registry.example/app@${DIGEST}`)
    expect(statement.name).toBe('p0')
  })

  it('without --reference and without a "*" statement: pass --reference or add "*", not the made-up path', () => {
    const doc = parseTrustPolicy(policyJson([['registry.example/app']]))
    let err: unknown
    try {
      selectOfflineStatement(doc, undefined, DIGEST)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(PolicyError)
    const e = err as PolicyError
    expect(e.code).toBe('POLICY_NOT_APPLICABLE')
    expect(e.remedy).toContain('pass --reference REGISTRY/REPOSITORY')
    expect(e.remedy).toContain('registryScopes ["*"]')
    expect(`${e.message} ${e.remedy}`).not.toContain(OFFLINE_REFERENCE)
  })

  it('a --reference no statement names keeps the policy module’s remedy (add that scope or "*")', () => {
    const doc = parseTrustPolicy(policyJson([['registry.example/app']]))
    expect(() => selectOfflineStatement(doc, 'registry.example/other', DIGEST)).toThrow(PolicyError)
    try {
      selectOfflineStatement(doc, 'registry.example/other', DIGEST)
    } catch (e) {
      expect((e as PolicyError).remedy).toContain('"registry.example/other"')
    }
  })
})

describe('src/cli/main.ts wiring', () => {
  const run = promisify(execFile)
  const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url))
  const VECTORS = fileURLToPath(new URL('../../fixtures/notation/', import.meta.url))
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', MAIN, ...args])
      return { code: 0, stdout, stderr }
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string }
      return { code: e.code, stdout: e.stdout, stderr: e.stderr }
    }
  }

  it.each(Object.keys(COMMAND_FLAGS))('%s --help prints its help text', async (command) => {
    const r = await cli([command, '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(COMMAND_FLAGS[command]?.help)
  })

  it('verify-signature without --reference and no "*" statement exits 2 with the remedy; --reference picks the statement', async () => {
    const args = [
      'verify-signature',
      '--signature',
      join(VECTORS, 'cose_signature.sig'),
      '--subject',
      JSON.stringify({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: DIGEST,
        size: 481,
      }),
      '--trust-policy',
      policyJson([['registry.example/app']]),
      '--trust-store',
      `ca:valid: [${join(VECTORS, 'cose_signature.leaf.pem')}]\n`,
    ]
    const none = await cli(args)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('[POLICY_NOT_APPLICABLE]')
    expect(none.stderr).toContain('remedy: pass --reference REGISTRY/REPOSITORY')
    expect(none.stderr).not.toContain(OFFLINE_REFERENCE)
    const picked = await cli([...args, '--reference', 'registry.example/app', '--json'])
    expect(picked.code).toBe(0)
    expect(JSON.parse(picked.stdout)).toMatchObject({ verified: true, policy: 'p0' })
  }, 30_000)
})
