/**
 * The Key Vault signer against the HTTPS Key Vault mock, in-process over our real transport (the
 * vitest workers trust the testbed TLS CA). Tokens come from the mock Entra's key via
 * stubCredential; the real GitHub OIDC → Entra path runs in the e2e test through dist/index.js.
 */
import { X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createKeyVaultSigner,
  type KeyVaultSignerOptions,
} from '../../../src/azure/key-vault-signer.js'
import { ActionError } from '../../../src/errors.js'
import { recordingLogger } from '../../../src/log.js'
import { createTransport } from '../../../src/net/transport.js'
import { verifyRaw } from '../../../src/x509/raw-signature.js'
import {
  ALL_KEY_KINDS,
  createCodeSigningPki,
  createSelfSignedSigner,
  type CodeSigningPki,
  type KeyKind,
} from '../../../testbed/pki.js'
import { startAzureMocks, type AzureMocks } from '../../../testbed/mocks/index.js'

const toBeSigned = new TextEncoder().encode("[\"Signature1\", h'a10126', h'', h'7b7d']")
const EXPECTED: Record<KeyKind, string> = {
  rsa2048: 'PS256',
  rsa3072: 'PS384',
  rsa4096: 'PS512',
  ec256: 'ES256',
  ec384: 'ES384',
  ec521: 'ES512',
}
let mocks: AzureMocks
let pki: CodeSigningPki

beforeAll(async () => {
  mocks = await startAzureMocks()
  pki = await createCodeSigningPki({ keyKind: 'rsa3072' })
  await mocks.keyVault.addCertificate({
    name: 'release',
    privateKey: pki.leaf.privateKey,
    chain: pki.chainDer,
  })
}, 120_000)

afterAll(async () => {
  await mocks?.stop()
})

function reset(): void {
  mocks.keyVault.permissions = new Set(['sign', 'get-key', 'get-certificate', 'get-secret'])
  mocks.keyVault.permissionModel = 'rbac'
  mocks.keyVault.faults = []
}

function options(keyId: string, extra: Partial<KeyVaultSignerOptions> = {}) {
  const credential = mocks.stubCredential()
  const logger = recordingLogger()
  return {
    credential,
    logger,
    options: {
      keyId,
      credential,
      transport: createTransport({ baseDelayMs: 5, logger }),
      logger,
      now: new Date(),
      ...extra,
    } satisfies KeyVaultSignerOptions,
  }
}

async function failure(p: Promise<unknown>): Promise<ActionError> {
  try {
    await p
  } catch (err) {
    if (err instanceof ActionError) return err
    throw err
  }
  throw new Error('expected a failure')
}

const kvRequests = (since: number) =>
  mocks.requests.slice(since).filter((r) => r.service === 'key-vault')

describe('signing with a certificate whose secret holds the chain', () => {
  it('learns the resource from the 401 challenge, reads the secret, signs PS384 in the vault', async () => {
    reset()
    const since = mocks.requests.length
    const { options: o, credential } = options(`${mocks.keyVaultUrl}/keys/release`)
    const signer = await createKeyVaultSigner(o)
    expect(signer.keySpec).toBe('RSA-3072')
    expect(signer.algorithm).toBe('PS384')
    const result = await signer.sign(toBeSigned)
    expect(result.certificateChain.map((c) => Buffer.from(c))).toEqual(
      pki.chainDer.map((c) => Buffer.from(c)),
    )
    const leaf = new X509Certificate(result.certificateChain[0] as Uint8Array)
    expect(verifyRaw('PS384', leaf.publicKey, toBeSigned, result.signature)).toBe(true)
    // Every token asked for is the vault's (the real credential caches it; the stub does not).
    expect(new Set(credential.calls)).toEqual(new Set(['https://vault.azure.net/.default']))
    const seen = kvRequests(since).map(
      (r) => `${r.method} ${r.path} ${r.headers.authorization ? 'auth' : 'anon'}`,
    )
    expect(seen[0]).toBe('GET /secrets/release anon')
    expect(seen[1]).toBe('GET /secrets/release auth')
    expect(seen[2]).toMatch(/^POST \/keys\/release\/[0-9a-f]{32}\/sign auth$/)
    expect(seen).toHaveLength(3)
    const signBody = JSON.parse(kvRequests(since)[2]?.body ?? '{}') as {
      alg: string
      value: string
    }
    expect(signBody.alg).toBe('PS384')
    expect(Buffer.from(signBody.value, 'base64url')).toHaveLength(48)
  })

  it.each(ALL_KEY_KINDS)(
    '%s key → the Notary algorithm, verified with the leaf key',
    async (kind) => {
      reset()
      const p = await createCodeSigningPki({ keyKind: kind })
      await mocks.keyVault.addCertificate({
        name: `kind-${kind}`,
        privateKey: p.leaf.privateKey,
        chain: p.chainDer,
      })
      const signer = await createKeyVaultSigner(
        options(`${mocks.keyVaultUrl}/certificates/kind-${kind}`).options,
      )
      expect(signer.algorithm).toBe(EXPECTED[kind])
      const { signature } = await signer.sign(toBeSigned)
      expect(verifyRaw(signer.algorithm, p.leaf.certificate.publicKey, toBeSigned, signature)).toBe(
        true,
      )
    },
  )

  it.each(['pkcs12-aes', 'pkcs12-3des', 'pkcs12-plain'] as const)(
    'reads the chain from a %s secret, in any order',
    async (format) => {
      reset()
      await mocks.keyVault.addCertificate({
        name: `p12-${format}`,
        privateKey: pki.leaf.privateKey,
        chain: pki.chainDer,
        secretFormat: format,
        secretOrder: [2, 0, 1],
      })
      const signer = await createKeyVaultSigner(
        options(`${mocks.keyVaultUrl}/keys/p12-${format}`).options,
      )
      expect(signer.certificateChain.map((c) => Buffer.from(c))).toEqual(
        pki.chainDer.map((c) => Buffer.from(c)),
      )
    },
  )

  it('parallel signatures share one challenge and one chain read: one sign request each', async () => {
    reset()
    const since = mocks.requests.length
    const signer = await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release`).options)
    const results = await Promise.all([1, 2, 3, 4].map(() => signer.sign(toBeSigned)))
    for (const r of results) {
      expect(verifyRaw('PS384', pki.leaf.certificate.publicKey, toBeSigned, r.signature)).toBe(true)
    }
    const seen = kvRequests(since)
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(4)
    expect(seen.filter((r) => r.headers.authorization === undefined)).toHaveLength(1)
    expect(seen).toHaveLength(6)
  })

  it('uses the current version for an unversioned id, and the named one for a versioned id', async () => {
    reset()
    const old = await mocks.keyVault.addCertificate({
      name: 'rotated',
      privateKey: pki.leaf.privateKey,
      chain: pki.chainDer,
    })
    const current = await mocks.keyVault.addCertificate({
      name: 'rotated',
      privateKey: pki.leaf.privateKey,
      chain: pki.chainDer,
    })
    expect(
      (await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/rotated`).options)).keyUrl,
    ).toBe(`${mocks.keyVaultUrl}/keys/rotated/${current}`)
    expect(
      (await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/rotated/${old}`).options))
        .keyUrl,
    ).toBe(`${mocks.keyVaultUrl}/keys/rotated/${old}`)
  })
})

describe('chain sources and wrong chains', () => {
  it('a leaf-only secret of a CA-issued certificate is refused before signing', async () => {
    reset()
    await mocks.keyVault.addCertificate({
      name: 'unmerged',
      privateKey: pki.leaf.privateKey,
      chain: pki.chainDer,
      secretLeafOnly: true,
    })
    const err = await failure(
      createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/unmerged`).options),
    )
    expect(err.code).toBe('KEY_VAULT_CERTIFICATE_INVALID')
    expect(err.message).toContain('is missing')
    expect(err.remedy).toContain('azure-key-vault-certificate-chain')
  })

  it('with azure-key-vault-certificate-chain, reads the leaf from the certificate object, not the secret', async () => {
    reset()
    mocks.keyVault.permissions.delete('get-secret')
    const since = mocks.requests.length
    const caPem = pki.intermediate.pem + pki.root.pem
    const signer = await createKeyVaultSigner(
      options(`${mocks.keyVaultUrl}/keys/unmerged`, { certificateChainPem: caPem }).options,
    )
    expect(signer.certificateChain).toHaveLength(3)
    await signer.sign(toBeSigned)
    const paths = kvRequests(since).map((r) => r.path)
    expect(paths.some((p) => p.startsWith('/secrets/'))).toBe(false)
    expect(paths.filter((p) => p.startsWith('/certificates/unmerged'))).toHaveLength(2)
  })

  it('a chain file from another CA fails as an invalid chain, before any sign request', async () => {
    reset()
    const other = await createCodeSigningPki()
    const before = mocks.keyVault.signCount
    const err = await failure(
      createKeyVaultSigner(
        options(`${mocks.keyVaultUrl}/keys/unmerged`, {
          certificateChainPem: other.intermediate.pem + other.root.pem,
        }).options,
      ),
    )
    expect(err.code).toBe('KEY_VAULT_CERTIFICATE_INVALID')
    expect(err.message).toContain('the chain stops at')
    expect(mocks.keyVault.signCount).toBe(before)
  })

  it('a chain file that starts with another leaf fails at signing: the signature does not verify', async () => {
    reset()
    const other = await createCodeSigningPki({ keyKind: 'rsa2048' })
    const signer = await createKeyVaultSigner(
      options(`${mocks.keyVaultUrl}/keys/release`, { certificateChainPem: other.chainPem }).options,
    )
    // The algorithm follows the file's leaf (RSA-2048 → PS256); the vault key is RSA-3072.
    expect(signer.algorithm).toBe('PS256')
    const err = await failure(signer.sign(toBeSigned))
    expect(err.code).toBe('KEY_VAULT_SIGNATURE_MISMATCH')
    expect(err.remedy).toContain('azure-key-vault-certificate-chain')
  })

  it('a vault key that is not the certificate key is caught by the signature check', async () => {
    reset()
    mocks.keyVault.faults = ['wrong-key']
    const signer = await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release`).options)
    const err = await failure(signer.sign(toBeSigned))
    expect(err.code).toBe('KEY_VAULT_SIGNATURE_MISMATCH')
    expect(err.remedy).toContain('nothing was pushed')
  })

  it('a key without a Key Vault certificate signs with a chain file that starts with the leaf', async () => {
    reset()
    const p = await createCodeSigningPki({ keyKind: 'ec384' })
    const version = mocks.keyVault.addKey('bare-key', p.leaf.privateKey)
    const missing = await failure(
      createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/bare-key`).options),
    )
    expect(missing.code).toBe('KEY_VAULT_NOT_FOUND')
    expect(missing.remedy).toContain('azure-key-vault-certificate-chain')
    const since = mocks.requests.length
    const signer = await createKeyVaultSigner(
      options(`${mocks.keyVaultUrl}/keys/bare-key`, { certificateChainPem: p.chainPem }).options,
    )
    expect(signer.keyUrl).toBe(`${mocks.keyVaultUrl}/keys/bare-key/${version}`)
    const { signature } = await signer.sign(toBeSigned)
    expect(verifyRaw('ES384', p.leaf.certificate.publicKey, toBeSigned, signature)).toBe(true)
    // The unversioned id is resolved with keys "get"; no certificate or secret is read.
    const paths = kvRequests(since).map((r) => `${r.method} ${r.path}`)
    expect(paths.filter((x) => x.startsWith('GET'))).toEqual([
      'GET /keys/bare-key',
      'GET /keys/bare-key',
    ])
  })

  it('a self-signed certificate works with certificate "get" only (notation-azure-kv self_signed)', async () => {
    reset()
    const self = await createSelfSignedSigner('ec256')
    await mocks.keyVault.addCertificate({
      name: 'self',
      privateKey: self.privateKey,
      chain: [self.der],
    })
    mocks.keyVault.permissions.delete('get-secret')
    const signer = await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/self`).options)
    expect(signer.algorithm).toBe('ES256')
    const { signature } = await signer.sign(toBeSigned)
    expect(verifyRaw('ES256', self.certificate.publicKey, toBeSigned, signature)).toBe(true)
  })
})

describe('errors name the permission to grant', () => {
  it('403 on the secret of a CA-issued certificate (RBAC): the role, and the chain input as the alternative', async () => {
    reset()
    mocks.keyVault.permissions.delete('get-secret')
    const err = await failure(
      createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release`).options),
    )
    expect(err.code).toBe('KEY_VAULT_FORBIDDEN')
    expect(err.remedy).toContain('Key Vault Certificate User')
    expect(err.remedy).toContain(mocks.clientId)
    expect(err.remedy).toContain('azure-key-vault-certificate-chain')
  })

  it('403 on sign: "Key Vault Crypto User" (RBAC) or the "sign" key permission (access policy)', async () => {
    reset()
    mocks.keyVault.permissions.delete('sign')
    const rbac = await failure(
      (await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release`).options)).sign(
        toBeSigned,
      ),
    )
    expect(rbac.code).toBe('KEY_VAULT_FORBIDDEN')
    expect(rbac.message).toContain('ForbiddenByRbac')
    expect(rbac.remedy).toContain('"Key Vault Crypto User"')
    mocks.keyVault.permissionModel = 'access-policy'
    const policy = await failure(
      (await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release`).options)).sign(
        toBeSigned,
      ),
    )
    expect(policy.remedy).toContain('key permission "sign"')
    expect(policy.remedy).toContain('access policies')
  })

  it('429 with Retry-After is retried, then succeeds', async () => {
    reset()
    mocks.keyVault.faults = ['sign:throttle:2:0']
    const since = mocks.requests.length
    const signer = await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release`).options)
    await signer.sign(toBeSigned)
    expect(kvRequests(since).filter((r) => r.method === 'POST')).toHaveLength(3)
  })

  it('429 that does not stop is a coded error', async () => {
    reset()
    mocks.keyVault.faults = ['sign:throttle:50:0']
    const signer = await createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release`).options)
    const err = await failure(signer.sign(toBeSigned))
    expect(err.code).toBe('KEY_VAULT_THROTTLED')
  })

  it('404 for an unknown name, with what to check', async () => {
    reset()
    const err = await failure(
      createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/nope`).options),
    )
    expect(err.code).toBe('KEY_VAULT_NOT_FOUND')
    expect(err.message).toContain('SecretNotFound')
  })

  it('a version the vault does not have is a 404', async () => {
    reset()
    const err = await failure(
      createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release/${'0'.repeat(32)}`).options),
    )
    expect(err.code).toBe('KEY_VAULT_NOT_FOUND')
  })

  it('a token the vault refuses (another audience) is a 401 with a remedy, not a retry loop', async () => {
    reset()
    const credential = {
      ...mocks.stubCredential(),
      getToken: async () =>
        mocks.stubCredential().getToken('https://codesigning.azure.net/.default'),
    }
    const err = await failure(
      createKeyVaultSigner({ ...options(`${mocks.keyVaultUrl}/keys/release`).options, credential }),
    )
    expect(err.code).toBe('KEY_VAULT_UNAUTHORIZED')
    expect(err.message).toContain('AKV10022')
  })

  it('a token from another tenant: 401 naming the vault tenant and azure-tenant-id', async () => {
    reset()
    const credential = mocks.stubCredential({ tenantId: 'other-tenant' })
    const err = await failure(
      createKeyVaultSigner({ ...options(`${mocks.keyVaultUrl}/keys/release`).options, credential }),
    )
    expect(err.code).toBe('KEY_VAULT_UNAUTHORIZED')
    expect(err.message).toContain('AKV10032')
    expect(err.remedy).toContain(
      `The vault belongs to tenant ${mocks.tenantId}, but azure-tenant-id is other-tenant`,
    )
  })

  it('the vault firewall: the remedy is the network, not a role', async () => {
    reset()
    mocks.keyVault.permissionModel = 'firewall'
    const err = await failure(
      createKeyVaultSigner(options(`${mocks.keyVaultUrl}/keys/release`).options),
    )
    expect(err.code).toBe('KEY_VAULT_FORBIDDEN')
    expect(err.message).toContain('ForbiddenByFirewall')
    expect(err.remedy).toContain('firewall')
    expect(err.remedy).not.toContain('role')
  })

  it('registers the private key an exportable secret holds with the log masker', async () => {
    reset()
    const masked: string[] = []
    await createKeyVaultSigner(
      options(`${mocks.keyVaultUrl}/keys/release`, { mask: (s) => void masked.push(s) }).options,
    )
    expect(masked).toHaveLength(1)
    expect(masked[0]).toContain('-----BEGIN PRIVATE KEY-----')
    expect(masked[0]).not.toContain('CERTIFICATE')
    expect(masked[0]?.replace(/\s+/g, '')).toBe(
      (pki.leaf.privateKeyPem as string).trim().replace(/\s+/g, ''),
    )
  })

  it('no token or key material in any message', async () => {
    reset()
    const { options: o, logger } = options(`${mocks.keyVaultUrl}/keys/release`)
    await (await createKeyVaultSigner(o)).sign(toBeSigned)
    const text = logger.lines.join('\n')
    for (const secret of mocks.issuedSecrets) expect(text).not.toContain(secret)
    expect(text).not.toContain('PRIVATE KEY')
  })
})
