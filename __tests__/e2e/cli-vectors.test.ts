/**
 * Every notation vector gets the verdict the vectors README states, through the bundled CLI's
 * offline command (`node dist/cli.js verify-signature`), including the expired-certificate-with-
 * timestamp cases and each broken timestamp token (spliced into a real notation envelope's
 * unprotected header, which the signature does not cover, so only the timestamp check can fail).
 *
 * GlobalSign's OCSP responders cannot be reached here, so the timestamped vectors run with
 * --offline (revocation reported as skipped); notation online reaches the same verdicts.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeCbor, type CborValue } from '../../src/cose/cbor.js'
import { encodeCoseSign1 } from '../../src/cose/sign1.js'
import { decodeEnvelope } from '../../src/envelope/decode.js'
import { parsePayload } from '../../src/notary/payload.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const VECTORS = fileURLToPath(new URL('../fixtures/notation/', import.meta.url))
const TOKENS = fileURLToPath(new URL('../fixtures/timestamp/notation-go/', import.meta.url))
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-vectors-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

interface CliResult {
  code: number
  stdout: string
  stderr: string
  json?: {
    verified: boolean
    failure?: { code: string; message: string }
    signature: { checks: { type: string; status: string; message: string }[] }
  }
}

async function cli(args: string[], cwd = VECTORS): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd })
    return {
      code: 0,
      stdout,
      stderr,
      ...(args.includes('--json') ? { json: JSON.parse(stdout) } : {}),
    }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    let json
    try {
      json = args.includes('--json') ? JSON.parse(e.stdout) : undefined
    } catch {
      json = undefined
    }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ...(json ? { json } : {}) }
  }
}

async function subjectOf(file: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(join(VECTORS, file)))
  const { targetArtifact } = parsePayload(decodeEnvelope('application/cose', bytes).payload)
  return JSON.stringify({
    mediaType: targetArtifact.mediaType,
    digest: targetArtifact.digest,
    size: targetArtifact.size,
  })
}

function policy(stores: string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '1.0',
    trustPolicies: [
      {
        name: 'vectors',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict', ...extra },
        trustStores: stores,
        trustedIdentities: ['*'],
      },
    ],
  })
}

async function verify(
  signature: string,
  stores: Record<string, string>,
  extraArgs: string[] = [],
  subject?: string,
): Promise<CliResult> {
  const store = Object.entries(stores)
    .map(([ref, file]) => `${ref}: [${join(VECTORS, file)}]`)
    .join('\n')
  return cli([
    'verify-signature',
    '--signature',
    signature.startsWith('/') ? signature : join(VECTORS, signature),
    '--subject',
    subject ?? (await subjectOf(signature.startsWith('/') ? 'coseWithTimestamp.sig' : signature)),
    '--trust-policy',
    policy(Object.keys(stores)),
    '--trust-store',
    `${store}\n`,
    '--json',
    ...extraArgs,
  ])
}

const check = (r: CliResult, type: string) => r.json?.signature.checks.find((c) => c.type === type)

describe('notation-go vectors through verify-signature', () => {
  it('cose_signature.sig is valid with its leaf in the ca store (online revocation: no endpoints)', async () => {
    const r = await verify('cose_signature.sig', { 'ca:valid': 'cose_signature.leaf.pem' })
    expect(r.code).toBe(0)
    expect(r.json?.verified).toBe(true)
    expect(JSON.parse(await subjectOf('cose_signature.sig'))).toEqual({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:19dbd2e48e921426ee8ace4dc892edfb2ecdc1d1a72d5416c83670c30acecef0',
      size: 481,
    })
  })

  it('coseWithTimestamp.sig is valid with TestTimestamp.crt and the GlobalSign TSA root', async () => {
    const r = await verify(
      'coseWithTimestamp.sig',
      { 'ca:valid-trust-store': 'TestTimestamp.crt', 'tsa:test-timestamp': 'globalsignRoot.cer' },
      ['--offline'],
    )
    expect(r.code).toBe(0)
    expect(check(r, 'authenticTimestamp')?.status).toBe('passed')
    expect(check(r, 'revocation')?.status).toBe('skipped')
  })

  it('coseWithTimestamp.sig is invalid (authenticTimestamp) with the DigiCert root as TSA store', async () => {
    const r = await verify(
      'coseWithTimestamp.sig',
      {
        'ca:valid-trust-store': 'TestTimestamp.crt',
        'tsa:test-mismatch': 'DigiCertTSARootSHA384.cer',
      },
      ['--offline'],
    )
    expect(r.code).toBe(1)
    expect(check(r, 'authenticTimestamp')?.status).toBe('failed')
    expect(check(r, 'authenticTimestamp')?.message).toContain(
      'x509: certificate signed by unknown authority',
    )
  })

  it('coseExpiredWithTimestamp.sig is valid with a TSA store: expired now, valid at the timestamp', async () => {
    const r = await verify(
      'coseExpiredWithTimestamp.sig',
      { 'ca:expired': 'coseExpiredWithTimestamp.leaf.pem', 'tsa:gs': 'globalsignRoot.cer' },
      ['--offline'],
    )
    expect(r.code).toBe(0)
    expect(r.json?.verified).toBe(true)
  })

  it("coseExpiredWithTimestamp.sig is invalid without a TSA store, with notation's message", async () => {
    const r = await verify(
      'coseExpiredWithTimestamp.sig',
      { 'ca:expired': 'coseExpiredWithTimestamp.leaf.pem' },
      ['--offline'],
    )
    expect(r.code).toBe(1)
    expect(check(r, 'authenticTimestamp')?.message).toBe(
      'verification time is after certificate "CN=testTSA,O=Notary,L=Seattle,ST=WA,C=US" validity period, it was expired at "Tue, 18 Jun 2024 07:30:31 +0000"',
    )
  })

  it('timestampAfterNotAfter.sig is invalid (authenticTimestamp), though its signature checks out', async () => {
    const r = await verify(
      'timestampAfterNotAfter.sig',
      { 'ca:t': 'timestampAfterNotAfter.leaf.pem', 'tsa:gs': 'globalsignRoot.cer' },
      ['--offline'],
    )
    expect(r.code).toBe(1)
    expect(check(r, 'integrity')?.status).toBe('passed')
    expect(check(r, 'authenticTimestamp')?.message).toBe(
      'timestamp can be after certificate "CN=testTSA,O=Notary,L=Seattle,ST=WA,C=US" validity period, it was expired at "Tue, 18 Sep 2001 11:54:34 +0000"',
    )
  })
})

describe('broken timestamp tokens spliced into coseWithTimestamp.sig', () => {
  async function withToken(name: string): Promise<string> {
    const original = new Uint8Array(await readFile(join(VECTORS, 'coseWithTimestamp.sig')))
    const decoded = decodeCbor(original, { context: 'test', allowTags: true }) as unknown as {
      value: CborValue[]
    }
    const [protectedBytes, , payload, signature] = decoded.value as [
      Uint8Array,
      unknown,
      Uint8Array,
      Uint8Array,
    ]
    const parsed = decodeEnvelope('application/cose', original)
    const token = new Uint8Array(await readFile(join(TOKENS, name)))
    const out = join(work, `${name}.cose.sig`)
    await writeFile(
      out,
      encodeCoseSign1({
        protectedBytes,
        unprotected: {
          certificateChain: parsed.certificateChain,
          timestampToken: token,
          ...(parsed.signingAgent ? { signingAgent: parsed.signingAgent } : {}),
        },
        payload,
        signature,
      }),
    )
    return out
  }

  it.each([
    ['TimeStampToken.p7s', 'invalid TSTInfo: mismatched message'],
    ['TimeStampTokenWithInvalidTSTInfo.p7s', 'cannot unmarshal TSTInfo from timestamp token'],
    [
      'TimeStampTokenWithInvalideContentType.p7s',
      'unexpected content type: 1.2.840.113549.1.7.1. Expected to be id-ct-TSTInfo (1.2.840.113549.1.9.16.1.4)',
    ],
    // Its imprint is over another message too, and notation checks the imprint before the signer,
    // so this is the first failure here; with a matching imprint the message is "signing
    // certificate not found in the timestamp token" (unit/timestamp/vectors.test.ts).
    ['TimeStampTokenWithoutCertificate.p7s', 'invalid TSTInfo: mismatched message'],
  ])('%s fails authenticTimestamp: %s', async (name, message) => {
    const r = await verify(
      await withToken(name),
      { 'ca:valid-trust-store': 'TestTimestamp.crt', 'tsa:test-timestamp': 'globalsignRoot.cer' },
      ['--offline'],
    )
    expect(r.code).toBe(1)
    expect(check(r, 'integrity')?.status).toBe('passed')
    expect(check(r, 'authenticity')?.status).toBe('passed')
    expect(check(r, 'authenticTimestamp')?.status).toBe('failed')
    expect(check(r, 'authenticTimestamp')?.message).toContain(message)
  })
})

describe('notation CLI vectors', () => {
  it('blob.cose.sig: the signature verifies against its leaf; at signing time it passes, now the certificate is expired', async () => {
    const subject = JSON.stringify({
      mediaType: 'application/octet-stream',
      digest: 'sha256:c71d239df91726fc519c6eb72d318ec65820627232b2f796219e87dcf35d0ab4',
      size: 11357,
    })
    const then = await verify(
      'blob.cose.sig',
      { 'ca:e2e': 'blob.cose.leaf.pem' },
      ['--offline', '--at', '2025-01-07T12:00:00Z'],
      subject,
    )
    expect(then.code).toBe(0)
    const now = await verify(
      'blob.cose.sig',
      { 'ca:e2e': 'blob.cose.leaf.pem' },
      ['--offline'],
      subject,
    )
    expect(now.code).toBe(1)
    expect(check(now, 'integrity')?.status).toBe('passed')
    expect(check(now, 'authenticTimestamp')?.message).toMatch(
      /verification time is after certificate .* it was expired at/,
    )
  })

  it('the notation e2e JWS (oci layout) verifies against its own leaf, or reports the exact reason', async () => {
    const bytes = new Uint8Array(
      await readFile(
        join(
          VECTORS,
          'oci_layout/e2e-valid-signature/blobs/sha256/c9af07e038b2b1a463e648986ad7273157511ffeba0b689f33e5472bae471f50',
        ),
      ),
    )
    const parsed = decodeEnvelope('application/jose+json', bytes)
    const leafPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(
      parsed.certificateChain[0] as Uint8Array,
    )
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`
    await writeFile(join(work, 'jws-leaf.pem'), leafPem)
    const { targetArtifact } = parsePayload(parsed.payload)
    const subject = JSON.stringify({
      mediaType: targetArtifact.mediaType,
      digest: targetArtifact.digest,
      size: targetArtifact.size,
    })
    const store = `ca:e2e: [${join(work, 'jws-leaf.pem')}]\n`
    const r = await cli([
      'verify-signature',
      '--signature',
      join(
        VECTORS,
        'oci_layout/e2e-valid-signature/blobs/sha256/c9af07e038b2b1a463e648986ad7273157511ffeba0b689f33e5472bae471f50',
      ),
      '--subject',
      subject,
      '--trust-policy',
      policy(['ca:e2e']),
      '--trust-store',
      store,
      '--offline',
      '--json',
    ])
    expect(check(r, 'integrity')?.status).toBe('passed')
    expect(check(r, 'authenticity')?.status).toBe('passed')
    if (r.code !== 0) expect(r.json?.failure?.message).toMatch(/expired|validity/)
  })
})

describe('verify-signature usage', () => {
  it.each([
    [['verify-signature'], /--signature is required/],
    [
      [
        'verify-signature',
        '--signature',
        'x',
        '--subject',
        'not json',
        '--trust-policy',
        '{}',
        '--trust-store',
        'ca:a: []',
      ],
      /cannot be read|not a JSON descriptor/,
    ],
    [['verify-signature', '--bogus'], /Unknown option/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const r = await cli(args as string[])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('an invalid trust policy exits 2 and names the JSON path', async () => {
    const r = await cli([
      'verify-signature',
      '--signature',
      join(VECTORS, 'cose_signature.sig'),
      '--subject',
      await subjectOf('cose_signature.sig'),
      '--trust-policy',
      '{"version":"2.0","trustPolicies":[]}',
      '--trust-store',
      'ca:a: []\n',
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/version/)
  })

  it('a wrong subject digest fails (payload), exit 1', async () => {
    const subject = JSON.stringify({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${'1'.repeat(64)}`,
      size: 481,
    })
    const r = await verify(
      'cose_signature.sig',
      { 'ca:valid': 'cose_signature.leaf.pem' },
      [],
      subject,
    )
    expect(r.code).toBe(1)
    expect(check(r, 'payload')?.status).toBe('failed')
  })

  // Issue 11 item 5: the command table was a plain object, so `constructor` ran Object().
  it.each(['constructor', 'toString', '__proto__'])(
    'oci-notary %s is an unknown command (exit 2), not a crash',
    async (command) => {
      const r = await cli([command])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`unknown command "${command}"`)
      expect(r.stderr).not.toContain('TypeError')
    },
  )

  // Issue 11 item 5: `--user-metadata __proto__=x` used to set the prototype of a plain object
  // and drop the requirement, so the signature verified. The vector carries no such annotation.
  it.each(['__proto__=x', 'constructor=x'])(
    '--user-metadata %s is a requirement like any other: exit 1 (userMetadata)',
    async (requirement) => {
      const r = await verify('cose_signature.sig', { 'ca:valid': 'cose_signature.leaf.pem' }, [
        '--user-metadata',
        requirement,
      ])
      expect(r.code).toBe(1)
      expect(r.json?.verified).toBe(false)
      expect(check(r, 'userMetadata')?.status).toBe('failed')
    },
  )
})

describe('notation truststore directory', () => {
  it('is read only for the stores the policy names: a broken unrelated store does not matter', async () => {
    const { mkdir, copyFile } = await import('node:fs/promises')
    const root = join(work, 'truststore')
    await mkdir(join(root, 'x509', 'ca', 'valid'), { recursive: true })
    await mkdir(join(root, 'x509', 'ca', 'unrelated'), { recursive: true })
    await copyFile(
      join(VECTORS, 'cose_signature.leaf.pem'),
      join(root, 'x509', 'ca', 'valid', 'leaf.pem'),
    )
    await writeFile(join(root, 'x509', 'ca', 'unrelated', 'notes.txt'), 'not a certificate')
    const args = (stores: string[]): Promise<CliResult> =>
      subjectOf('cose_signature.sig').then((subject) =>
        cli([
          'verify-signature',
          '--signature',
          join(VECTORS, 'cose_signature.sig'),
          '--subject',
          subject,
          '--trust-policy',
          policy(stores),
          '--trust-store',
          root,
        ]),
      )
    expect((await args(['ca:valid'])).code).toBe(0)
    const broken = await args(['ca:unrelated'])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('notes.txt')
  })
})
