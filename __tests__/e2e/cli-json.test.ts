/**
 * The bundled CLI (node dist/cli.js): one JSON result shape per command with `schemaVersion`,
 * failures included (a configuration error prints its JSON on stdout, exit 2); verify-signature
 * --reference in every form a person copies; an envelope that is not a tagged COSE_Sign1 is a
 * failed verification (exit 1); `inspect --signature FILE`; "did you mean" for flags and commands.
 * The registry cases run against the real local registry and TSA.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeEnvelope } from '../../src/envelope/decode.js'
import { parsePayload } from '../../src/notary/payload.js'
import { pushTestImage } from '../../testbed/image.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../testbed/pki.js'
import { testbed } from '../helpers/testbed.js'

const exec = promisify(execFile)
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const VECTORS = fileURLToPath(new URL('../fixtures/notation/', import.meta.url))
const SIG = join(VECTORS, 'cose_signature.sig')
const LEAF = join(VECTORS, 'cose_signature.leaf.pem')
let work: string
let subject: { mediaType: string; digest: string; size: number }

interface Run {
  code: number
  stdout: string
  stderr: string
  json: Record<string, unknown> & { schemaVersion?: number; exitCode?: number }
}

async function cli(args: string[]): Promise<Run> {
  let r: { code: number; stdout: string; stderr: string }
  try {
    r = { code: 0, ...(await exec(process.execPath, [CLI, ...args], { cwd: work })) }
  } catch (err) {
    r = err as { code: number; stdout: string; stderr: string }
  }
  let json = {}
  if (args.includes('--json')) json = JSON.parse(r.stdout) as Record<string, unknown>
  return { ...r, json }
}

const POLICY = (scopes = ['*']) =>
  JSON.stringify({
    version: '1.0',
    trustPolicies: [
      {
        name: 'vectors',
        registryScopes: scopes,
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:valid'],
        trustedIdentities: ['*'],
      },
    ],
  })

function verifySignature(extra: string[], signature = SIG, policy = POLICY()): Promise<Run> {
  return cli([
    'verify-signature',
    '--signature',
    signature,
    '--subject',
    JSON.stringify(subject),
    '--trust-policy',
    policy,
    '--trust-store',
    `ca:valid: [${LEAF}]\n`,
    '--offline',
    ...extra,
  ])
}

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf)
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-json-'))
  const bytes = new Uint8Array(await readFile(SIG))
  const { targetArtifact } = parsePayload(decodeEnvelope('application/cose', bytes).payload)
  subject = {
    mediaType: targetArtifact.mediaType,
    digest: targetArtifact.digest,
    size: targetArtifact.size,
  }
})
afterAll(async () => rm(work, { recursive: true, force: true }))

describe('--json result shapes', () => {
  it('verify-signature: schemaVersion, command, exitCode; the signature digest is of the envelope, not its path', async () => {
    const r = await verifySignature(['--json'])
    expect(r.code).toBe(0)
    const digest = `sha256:${createHash('sha256')
      .update(await readFile(SIG))
      .digest('hex')}`
    expect(r.json).toMatchObject({
      schemaVersion: 1,
      command: 'verify-signature',
      exitCode: 0,
      verified: true,
      reference: `local/offline-signature@${subject.digest}`,
      policy: 'vectors',
      level: 'strict',
      signature: { digest, verdict: 'passed' },
    })
    expect(r.stdout).not.toContain(VECTORS)
    expect(keysOf(r.json)).not.toContain('text')
  })

  it('a configuration error (exit 2) prints the same shape with error on stdout', async () => {
    const r = await cli(['verify-signature', '--json'])
    expect(r.code).toBe(2)
    expect(r.json).toEqual({
      schemaVersion: 1,
      command: 'verify-signature',
      exitCode: 2,
      error: {
        code: 'INPUT_MISSING',
        message: '--signature is required (see oci-notary verify-signature --help)',
        causes: [],
      },
    })
  })

  it('an invalid trust policy (exit 2) names its problem in error.message', async () => {
    const r = await verifySignature(['--json'], SIG, '{"version":"2.0","trustPolicies":[]}')
    expect(r.code).toBe(2)
    expect(r.json.exitCode).toBe(2)
    expect((r.json.error as { code: string; message: string }).code).toBe('POLICY_INVALID')
    expect((r.json.error as { message: string }).message).toContain('version')
  })

  it('an unknown command with --json is a JSON error too', async () => {
    const r = await cli(['verfy', '--json'])
    expect(r.code).toBe(2)
    expect(r.json).toMatchObject({
      schemaVersion: 1,
      command: 'verfy',
      exitCode: 2,
      error: { code: 'INPUT_INVALID', message: 'unknown command "verfy"; did you mean "verify"?' },
    })
  })
})

describe('did you mean', () => {
  it.each([
    [
      ['verify-signature', '--trust-polcy', 'x'],
      'unknown flag --trust-polcy; did you mean --trust-policy?',
    ],
    [['verify', '--imags', 'r.example/a:v1'], 'unknown flag --imags; did you mean --images?'],
    [['sign', '--signing-cert-chain', 'x'], 'unknown flag --signing-cert-chain'],
    [['inspect', '--signatur', 'x'], 'did you mean --signature?'],
    [['inspec'], 'unknown command "inspec"; did you mean "inspect"?'],
  ])('%j', async (args, message) => {
    const r = await cli(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(message)
  })
})

describe('verify-signature --reference', () => {
  const scoped = POLICY(['registry.example/app'])
  it.each([
    ['registry.example/app'],
    ['registry.example/app:v1'],
    ['registry.example/app@DIGEST'],
    ['registry.example/app:v1@DIGEST'],
  ])('accepts %s and selects the registry.example/app statement', async (form) => {
    const r = await verifySignature(
      ['--reference', form.replace('DIGEST', subject.digest), '--json'],
      SIG,
      scoped,
    )
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({
      verified: true,
      reference: `registry.example/app@${subject.digest}`,
    })
  })

  it('with a digest other than the subject is a failed verification (exit 1)', async () => {
    const other = `sha256:${'1'.repeat(64)}`
    const r = await verifySignature(
      ['--reference', `registry.example/app@${other}`, '--json'],
      SIG,
      scoped,
    )
    expect(r.code).toBe(1)
    expect(r.json).toMatchObject({
      schemaVersion: 1,
      exitCode: 1,
      verified: false,
      failure: { code: 'PAYLOAD_MISMATCH' },
    })
    expect((r.json.failure as { message: string }).message).toContain(other)
    const text = await verifySignature(
      ['--reference', `registry.example/app@${other}`],
      SIG,
      scoped,
    )
    expect(text.code).toBe(1)
    expect(text.stdout).toContain('NOT VERIFIED')
  })

  it('with a malformed digest is a usage error (exit 2)', async () => {
    const r = await verifySignature(['--reference', 'registry.example/app@sha256:123'], SIG, scoped)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('is not a digest')
  })
})

describe('envelopes that are not a tagged COSE_Sign1', () => {
  it.each([
    ['untagged COSE_Sign1 (tag 18 removed)', (b: Buffer) => b.subarray(1)],
    ['not an envelope at all', () => Buffer.from('hello, not a signature')],
  ])('%s: failed verification, exit 1, integrity failed', async (_name, mutate) => {
    const file = join(work, `bad-${Math.random().toString(36).slice(2)}.sig`)
    await writeFile(file, mutate(await readFile(SIG)))
    const r = await verifySignature(['--json'], file)
    expect(r.code).toBe(1)
    expect(r.json).toMatchObject({ exitCode: 1, verified: false, failure: { code: 'INTEGRITY' } })
    const checks = (r.json.signature as { checks: { type: string; status: string }[] }).checks
    expect(checks.find((c) => c.type === 'integrity')?.status).toBe('failed')
  })
})

describe('inspect --signature FILE', () => {
  it('prints the signed subject, signer, signing time and timestamp', async () => {
    const file = join(VECTORS, 'coseWithTimestamp.sig')
    const r = await cli(['inspect', '--signature', file])
    expect(r.code).toBe(0)
    const { targetArtifact } = parsePayload(
      decodeEnvelope('application/cose', new Uint8Array(await readFile(file))).payload,
    )
    expect(r.stdout).toContain(
      `signed subject: ${targetArtifact.mediaType} ${targetArtifact.digest} (${targetArtifact.size} bytes)`,
    )
    expect(r.stdout).toContain('signer: C=US, ST=WA, L=Seattle, O=Notary, CN=alpine')
    expect(r.stdout).toMatch(/signing time: 2024-06-18T06:27:11/)
    expect(r.stdout).toMatch(/timestamp: 2024-06-18T06:27:16\.000Z \(TSA C=BE, O=GlobalSign/)
    const j = await cli(['inspect', '--signature', file, '--json'])
    expect(j.json).toMatchObject({
      schemaVersion: 1,
      command: 'inspect',
      exitCode: 0,
      envelope: {
        mediaType: 'application/cose',
        signer: 'C=US, ST=WA, L=Seattle, O=Notary, CN=alpine',
        signedArtifact: { digest: targetArtifact.digest },
        timestamp: { genTime: '2024-06-18T06:27:16.000Z' },
      },
    })
  })

  it('a file that does not decode is an error (exit 1) naming the file', async () => {
    const file = join(work, 'garbage.sig')
    await writeFile(file, 'garbage')
    const r = await cli(['inspect', '--signature', file, '--json'])
    expect(r.code).toBe(1)
    expect(r.json).toMatchObject({ exitCode: 1, error: { code: 'ENVELOPE_INVALID' } })
  })
})

describe('sign, verify and inspect --json against the registry', () => {
  let pki: CodeSigningPki
  beforeAll(async () => {
    pki = await createCodeSigningPki({
      keyKind: 'ec256',
      leafSubject: 'C=US, ST=WA, O=Cli Json, CN=cli',
    })
    await writeFile(join(work, 'key.pem'), pki.leaf.privateKeyPem)
    await writeFile(join(work, 'chain.pem'), pki.chainPem)
    await writeFile(join(work, 'root.pem'), pki.root.pem)
  })

  it('each prints one object with schemaVersion and no human report text', async () => {
    const reg = testbed().registries.plain
    const image = await pushTestImage(
      { ...reg, stateDir: '', stop: async () => {} } as never,
      'cli/json',
      'v1',
      'cli json',
    )
    const ref = `${reg.host}/cli/json@${image.digest}`
    const policy = JSON.stringify({
      version: '1.0',
      trustPolicies: [
        {
          name: 'cli',
          registryScopes: ['*'],
          signatureVerification: { level: 'strict' },
          trustStores: ['ca:cli'],
          trustedIdentities: ['x509.subject: C=US, ST=WA, O=Cli Json'],
        },
      ],
    })
    const store = `ca:cli: [${join(work, 'root.pem')}]\n`
    const sign = await cli([
      'sign',
      '--images',
      ref,
      '--signing-key',
      join(work, 'key.pem'),
      '--signing-certificate-chain',
      join(work, 'chain.pem'),
      '--trust-policy',
      policy,
      '--trust-store',
      store,
      '--json',
    ])
    expect(sign.code).toBe(0)
    expect(sign.json).toMatchObject({
      schemaVersion: 1,
      command: 'sign',
      exitCode: 0,
      signatures: [
        { digest: image.digest, signer: 'C=US, ST=WA, O=Cli Json, CN=cli', timestamp: null },
      ],
      verification: { verified: true },
      verificationHint: { commands: [`notation verify ${reg.host}/cli/json@${image.digest}`] },
    })
    expect(keysOf(sign.json)).not.toContain('text')
    expect(keysOf(sign.json)).not.toContain('trustAnchors')

    const verify = await cli([
      'verify',
      '--images',
      ref,
      '--trust-policy',
      policy,
      '--trust-store',
      store,
      '--json',
    ])
    expect(verify.code).toBe(0)
    expect(verify.json).toMatchObject({
      schemaVersion: 1,
      command: 'verify',
      exitCode: 0,
      verified: true,
    })
    expect(keysOf(verify.json)).not.toContain('text')

    const inspect = await cli(['inspect', ref, '--json'])
    expect(inspect.json).toMatchObject({
      schemaVersion: 1,
      command: 'inspect',
      exitCode: 0,
      digest: image.digest,
    })

    const bad = await cli(['verify', '--images', ref, '--trust-policy', policy, '--json'])
    expect(bad.code).toBe(2)
    expect(bad.json).toMatchObject({
      schemaVersion: 1,
      command: 'verify',
      exitCode: 2,
      error: { code: 'INPUT_MISSING' },
    })
  })
})
