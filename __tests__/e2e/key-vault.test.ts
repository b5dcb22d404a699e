/**
 * dist/index.js as a runner runs it, signing with Azure Key Vault: GitHub OIDC (mock) → Entra
 * (mock, real @azure/identity) → the Key Vault mock over HTTPS (challenge, secret, sign) → the
 * openssl TSA → Debian's registry; read back and verified by our verifier, then the envelope is
 * checked independently with openssl (COSE Sig_structure with the leaf's public key, chain to the
 * root). Failure paths (403 → remedy, a wrong chain) push nothing; a 429 is retried.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeEnvelope } from '../../src/envelope/decode.js'
import { createTransport } from '../../src/net/transport.js'
import { MEDIA_TYPE } from '../../src/notary/constants.js'
import { createRegistryClient } from '../../src/oci/client.js'
import { staticCredentials } from '../../src/oci/credentials.js'
import { pushTestImage, type PushedImage } from '../../testbed/image.js'
import { startAzureMocks, type AzureMocks } from '../../testbed/mocks/index.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../testbed/pki.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { runAction, type ActionRun } from '../../testbed/runner.js'
import { visibleText } from '../../testbed/scenario.js'
import { opensslVerify } from '../integration/azure/helpers.js'
import { testbed } from '../helpers/testbed.js'

const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))
const LEAF_SUBJECT = 'C=US, ST=WA, L=Seattle, O=Contoso Releases, CN=release signing'
let mocks: AzureMocks
let pki: CodeSigningPki
let work: string

beforeAll(async () => {
  mocks = await startAzureMocks()
  pki = await createCodeSigningPki({ keyKind: 'rsa3072', leafSubject: LEAF_SUBJECT })
  await mocks.keyVault.addCertificate({
    name: 'release-signing',
    privateKey: pki.leaf.privateKey,
    chain: pki.chainDer,
  })
  work = await mkdtemp(join(tmpdir(), 'e2e-key-vault-'))
  await writeFile(join(work, 'root.pem'), pki.root.pem)
  await writeFile(join(work, 'tsa-root.pem'), testbed().tsa.rootPem)
  const other = await createCodeSigningPki()
  await writeFile(join(work, 'wrong-ca.pem'), other.intermediate.pem + other.root.pem)
}, 120_000)
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
  await mocks?.stop()
})

function registry(): RegistryHandle {
  return { ...testbed().registries.basic, stateDir: '', stop: async () => {} } as RegistryHandle
}

const policy = (): string =>
  JSON.stringify({
    version: '1.0',
    trustPolicies: [
      {
        name: 'release',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:release', 'tsa:tsa'],
        trustedIdentities: [`x509.subject: ${LEAF_SUBJECT}`],
      },
    ],
  })
const trustStore = (): string =>
  `ca:release: [${join(work, 'root.pem')}]\ntsa:tsa: [${join(work, 'tsa-root.pem')}]\n`

async function sign(image: PushedImage, extra: Record<string, string> = {}): Promise<ActionRun> {
  const reg = registry()
  return runAction(
    dist('index.js'),
    {
      images: image.reference,
      'azure-key-vault-key-id': `${mocks.keyVaultUrl}/keys/release-signing`,
      'timestamp-url': testbed().tsa.url,
      'timestamp-root-certificate': join(work, 'tsa-root.pem'),
      'trust-policy': policy(),
      'trust-store': trustStore(),
      'registry-username': reg.username as string,
      'registry-password': reg.password as string,
      ...extra,
    },
    { ...mocks.childEnv(), NODE_EXTRA_CA_CERTS: testbed().tlsCaPath },
  )
}

function repository(image: PushedImage) {
  const reg = registry()
  return createRegistryClient({
    transport: createTransport(),
    credentials: staticCredentials({
      [reg.host]: { username: reg.username as string, password: reg.password as string },
    }),
  }).repository(image.reference)
}

async function signatureCount(image: PushedImage): Promise<number> {
  const listed = await repository(image).listReferrers(image.digest, {
    artifactType: MEDIA_TYPE.notarySignature,
  })
  return listed.descriptors.length
}

function expectNoSecrets(run: ActionRun): void {
  const visible = visibleText(run)
  for (const secret of mocks.issuedSecrets) expect(visible).not.toContain(secret)
  expect(visible).not.toContain('PRIVATE KEY')
}

describe('dist/index.js with azure-key-vault-key-id', () => {
  it('signs through GitHub OIDC → Entra → Key Vault, verifies, and the envelope checks with openssl', async () => {
    const image = await pushTestImage(registry(), 'e2e/key-vault', 'v1', 'key vault e2e')
    const since = mocks.requests.length
    const run = await sign(image)
    expect(run.stdout).not.toContain('::error::')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.digest).toBe(image.digest)
    expect(run.outputs.verified).toBe('true')
    expect(JSON.parse(run.outputs.signatures as string)).toEqual([
      expect.objectContaining({ digest: image.digest, signer: LEAF_SUBJECT }),
    ])
    expect(run.summary).toContain('✅')
    expect(run.outputs['artifact-signing-api-version']).toBe('')
    expectNoSecrets(run)

    // The real client path: OIDC token, Entra exchange for the vault scope, challenge, secret, sign.
    const seen = mocks.requests.slice(since)
    expect(seen.some((r) => r.service === 'github-oidc')).toBe(true)
    const exchange = seen.find((r) => r.service === 'entra' && r.path.endsWith('/token'))
    expect(new URLSearchParams(exchange?.body).get('scope')).toBe(
      'https://vault.azure.net/.default',
    )
    const vault = seen.filter((r) => r.service === 'key-vault')
    expect(vault[0]?.headers.authorization).toBeUndefined()
    expect(vault.some((r) => r.method === 'POST' && r.path.endsWith('/sign'))).toBe(true)

    // Independent check of what was pushed.
    const repo = repository(image)
    const listed = await repo.listReferrers(image.digest, {
      artifactType: MEDIA_TYPE.notarySignature,
    })
    expect(listed.descriptors.map((d) => d.digest)).toContain(run.outputs['signature-digest'])
    const manifest = await repo.fetchManifest(run.outputs['signature-digest'] as string)
    const layer = (
      manifest.json['layers'] as { digest: string; size: number; mediaType: string }[]
    )[0]
    const envelope = decodeEnvelope(
      MEDIA_TYPE.cose,
      await repo.fetchBlob(layer as { digest: string; size: number; mediaType: string }),
    )
    expect(envelope.algorithm).toBe('PS384')
    expect(envelope.certificateChain.map((c) => Buffer.from(c))).toEqual(
      pki.chainDer.map((c) => Buffer.from(c)),
    )
    const ossl = await opensslVerify(
      envelope.toBeSigned,
      envelope.signature,
      envelope.certificateChain,
      pki.root.der,
    )
    expect(ossl.chain).toMatch(/OK$/)
    expect(ossl.signature).toBe('Verified OK')

    // dist/verify.js agrees by digest.
    const reg = registry()
    const verified = await runAction(dist('verify.js'), {
      images: `${reg.host}/e2e/key-vault@${image.digest}`,
      'trust-policy': policy(),
      'trust-store': trustStore(),
      'registry-username': reg.username as string,
      'registry-password': reg.password as string,
    })
    expect(verified.exitCode).toBe(0)
    expect(verified.outputs.verified).toBe('true')
  })

  it('a 429 with Retry-After on sign is waited out, then the image is signed', async () => {
    const image = await pushTestImage(registry(), 'e2e/key-vault-429', 'v1', 'throttled')
    mocks.keyVault.faults = ['sign:throttle:1:1']
    const since = mocks.requests.length
    const run = await sign(image)
    expect(run.exitCode).toBe(0)
    const posts = mocks.requests
      .slice(since)
      .filter((r) => r.service === 'key-vault' && r.method === 'POST')
    expect(posts.length).toBe(2)
    expect((posts[1]?.time ?? 0) - (posts[0]?.time ?? 0)).toBeGreaterThanOrEqual(900)
    expect(await signatureCount(image)).toBe(1)
  })

  it('403 on sign fails with the role to assign, and pushes nothing', async () => {
    const image = await pushTestImage(registry(), 'e2e/key-vault-403', 'v1', 'forbidden')
    mocks.keyVault.faults = []
    mocks.keyVault.permissions.delete('sign')
    try {
      const run = await sign(image)
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain('::error::')
      expect(run.stdout).toContain('KEY_VAULT_FORBIDDEN')
      expect(run.stdout).toContain('Key Vault Crypto User')
      expect(run.stdout).toContain(mocks.clientId)
      expectNoSecrets(run)
    } finally {
      mocks.keyVault.permissions.add('sign')
    }
    expect(await signatureCount(image)).toBe(0)
  })

  it('a wrong azure-key-vault-certificate-chain fails before signing, and pushes nothing', async () => {
    const image = await pushTestImage(registry(), 'e2e/key-vault-chain', 'v1', 'wrong chain')
    const before = mocks.keyVault.signCount
    const run = await sign(image, {
      'azure-key-vault-certificate-chain': join(work, 'wrong-ca.pem'),
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('KEY_VAULT_CERTIFICATE_INVALID')
    expect(run.stdout).toContain('the chain stops at')
    expect(run.stdout).toContain('must hold the CA certificates that issued')
    expect(mocks.keyVault.signCount).toBe(before)
    expect(await signatureCount(image)).toBe(0)
  })

  it('skip-if-signed without a trust policy: a re-run with the same vault certificate pushes nothing', async () => {
    const image = await pushTestImage(registry(), 'e2e/key-vault-rerun', 'v1', 're-run')
    const noPolicy = { 'trust-policy': '', 'trust-store': '', 'skip-if-signed': 'true' }
    const first = await sign(image, noPolicy)
    expect(first.exitCode).toBe(0)
    const [signed] = JSON.parse(first.outputs.signatures as string) as { skipped?: boolean }[]
    expect(signed?.skipped).toBeUndefined()
    const signs = mocks.keyVault.signCount
    const again = await sign(image, noPolicy)
    expect(again.exitCode).toBe(0)
    expect(JSON.parse(again.outputs.signatures as string)).toEqual([
      expect.objectContaining({
        skipped: true,
        signatureDigest: first.outputs['signature-digest'],
      }),
    ])
    expect(mocks.keyVault.signCount).toBe(signs)
    expect(await signatureCount(image)).toBe(1)
  })

  it('refuses a vault host outside the allow-list before any request', async () => {
    const image = await pushTestImage(registry(), 'e2e/key-vault-host', 'v1', 'bad host')
    const since = mocks.requests.length
    const run = await sign(image, {
      'azure-key-vault-key-id': 'https://contoso.vault.azure.net.evil.example/keys/release-signing',
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('[INPUT_INVALID] azure-key-vault-key-id')
    expect(run.stdout).toContain('allow-untrusted-endpoint')
    expect(mocks.requests.slice(since).filter((r) => r.service !== 'github-oidc')).toEqual([])
  })
})

describe('dist/cli.js sign with --azure-key-vault-key-id', () => {
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      ...mocks.childEnv(),
      NODE_EXTRA_CA_CERTS: testbed().tlsCaPath,
      PATH: process.env.PATH ?? '',
    }
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [dist('cli.js'), ...args],
        { cwd: work, env },
      )
      return { code: 0, stdout, stderr }
    } catch (err) {
      const e = err as { code: unknown; stdout: string; stderr: string }
      if (typeof e.code !== 'number') throw err
      return { code: e.code, stdout: e.stdout, stderr: e.stderr }
    }
  }

  it('signs and prints the signature as JSON', async () => {
    const image = await pushTestImage(registry(), 'e2e/key-vault-cli', 'v1', 'cli')
    const reg = registry()
    const out = await cli([
      'sign',
      '--images',
      image.reference,
      '--azure-key-vault-key-id',
      `${mocks.keyVaultUrl}/certificates/release-signing`,
      '--registry-username',
      reg.username as string,
      '--registry-password',
      reg.password as string,
      '--json',
    ])
    expect(out.stderr).not.toContain('[KEY_VAULT')
    expect(out.code).toBe(0)
    // @actions/core's getIDToken prints a `::debug::` line to stdout before the JSON (reported).
    const json = JSON.parse(out.stdout.slice(out.stdout.indexOf('\n{') + 1)) as {
      signatures: { digest: string; signer: string }[]
    }
    expect(json.signatures).toEqual([
      expect.objectContaining({ digest: image.digest, signer: LEAF_SUBJECT }),
    ])
    expect(await signatureCount(image)).toBe(1)
  })

  it('--allow-untrusted-endpoint is the only way to a host outside the allow-list', async () => {
    const args = [
      'sign',
      '--images',
      'r.example/app:v1',
      '--azure-key-vault-key-id',
      'https://vault.example.invalid/keys/k',
    ]
    const refused = await cli(args)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain(
      '[INPUT_INVALID] azure-key-vault-key-id: "vault.example.invalid" is not a Key Vault host',
    )
    const opted = await cli([...args, '--allow-untrusted-endpoint'])
    expect(opted.stderr).not.toContain('INPUT_INVALID')
    expect(opted.stderr).toContain(
      'sending it an Entra token because allow-untrusted-endpoint is true',
    )
    expect(opted.stderr).toContain('[KEY_VAULT_NETWORK]')
  })
})
