/**
 * Mock of the Azure Key Vault data plane (REST api-version 7.x) for one vault: certificates with
 * their key and secret (same name and version, as Key Vault creates them), keys without a
 * certificate, the Keys `sign` operation on a digest, and the vault's challenge authentication.
 * Behaviour nobody documented exactly is marked [MOCK] here and in README.md.
 *
 * - No `Authorization` → 401 with `WWW-Authenticate: Bearer authorization="<authority>/<tenant>",
 *   resource="https://vault.azure.net"` and `{"error":{"code":"Unauthorized","message":"AKV10000: …"}}`.
 * - A token of the mock Entra with another `aud` → 401 (AKV10022); another `tid` → 401 (AKV10032).
 * - A missing permission → 403 `Forbidden` with innererror `ForbiddenByRbac` (RBAC model) or
 *   `AccessDenied` and the access-policy wording (access-policy model).
 * - Faults: `throttle:N:S` (429 + Retry-After: S, N times), `sign:throttle:N:S` (sign only),
 *   `wrong-key` (sign with another key), `5xx:N:CODE`.
 */
import { execFile } from 'node:child_process'
import { createHash, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as asn1js from 'asn1js'
import { testKey } from '../pki.js'
import { recordRequest, sendJson, type RecordedRequest } from './http.js'
import { signDigestPkcs1, signDigestPss, type MockHash } from './pss.js'

const run = promisify(execFile)

export const VAULT_RESOURCE = 'https://vault.azure.net'
const API_VERSION = /^7\.\d+(-preview)?$/

export type VaultPermission = 'sign' | 'get-key' | 'get-certificate' | 'get-secret'
export type SecretFormat = 'pem' | 'pkcs12-aes' | 'pkcs12-3des' | 'pkcs12-plain'

export interface MockVaultCertificate {
  name: string
  /** Private key of the leaf (PKCS#8 PEM or a KeyObject). */
  privateKey: KeyObject
  /** DER, leaf first. */
  chain: Uint8Array[]
  /** How the secret holds the chain (default pem). */
  secretFormat?: SecretFormat
  /** Leave the CA certificates out of the secret (a certificate whose chain was never merged). */
  secretLeafOnly?: boolean
  /** Put the certificates into the secret in this order of chain indexes (default as given). */
  secretOrder?: number[]
  /** Exportable key: the secret also holds the private key (default true, as Key Vault's default). */
  exportable?: boolean
}

export interface KeyVaultMockOptions {
  tenantId: string
  /** Authority host put into the challenge (the mock Entra's URL). */
  authorityHost: string
  verifyAccessToken: (token: string) => Record<string, unknown> | undefined
  record: (r: RecordedRequest) => void
}

interface StoredObject {
  name: string
  version: string
  key: KeyObject
  kty: 'RSA' | 'EC'
  certificate?: { cer: Uint8Array; secretValue: string; contentType: string }
}

export interface KeyVaultMock {
  handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void>
  /** Adds a certificate (key + secret, same name and a new version); returns the version. */
  addCertificate(cert: MockVaultCertificate): Promise<string>
  /** Adds a key without a certificate (e.g. for a Managed-HSM-like set-up); returns the version. */
  addKey(name: string, key: KeyObject): string
  /** Permissions every caller has (default all four). */
  permissions: Set<VaultPermission>
  /** How a 403 reads: Azure RBAC (default), access policies, or the vault firewall (every request). */
  permissionModel: 'rbac' | 'access-policy' | 'firewall'
  /** Fault specs; counted ones are used up. */
  faults: string[]
  /** Sign operations answered so far. */
  signCount: number
  stop(): Promise<void>
}

function vaultError(code: string, message: string, inner?: string): unknown {
  return {
    error: { code, message, ...(inner === undefined ? {} : { innererror: { code: inner } }) },
  }
}

function ecdsaDerToRaw(der: Buffer, size: number): Buffer {
  const seq = asn1js.fromBER(der).result as asn1js.Sequence
  const [r, s] = seq.valueBlock.value as asn1js.Integer[]
  const fix = (i: asn1js.Integer | undefined): Buffer => {
    let b = Buffer.from(i?.valueBlock.valueHexView ?? new Uint8Array(0))
    while (b.length > size && b[0] === 0) b = b.subarray(1)
    return Buffer.concat([Buffer.alloc(size - b.length), b])
  }
  return Buffer.concat([fix(r), fix(s)])
}

const ALG: Record<string, { kty: 'RSA' | 'EC'; hash: MockHash; len: number; curve?: string }> = {
  PS256: { kty: 'RSA', hash: 'sha256', len: 32 },
  PS384: { kty: 'RSA', hash: 'sha384', len: 48 },
  PS512: { kty: 'RSA', hash: 'sha512', len: 64 },
  RS256: { kty: 'RSA', hash: 'sha256', len: 32 },
  RS384: { kty: 'RSA', hash: 'sha384', len: 48 },
  RS512: { kty: 'RSA', hash: 'sha512', len: 64 },
  ES256: { kty: 'EC', hash: 'sha256', len: 32, curve: 'prime256v1' },
  ES384: { kty: 'EC', hash: 'sha384', len: 48, curve: 'secp384r1' },
  ES512: { kty: 'EC', hash: 'sha512', len: 64, curve: 'secp521r1' },
}
const EC_SIZE: Record<string, number> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 }

export async function createKeyVaultMock(options: KeyVaultMockOptions): Promise<KeyVaultMock> {
  const dir = await mkdtemp(join(tmpdir(), 'kv-mock-'))
  const objects = new Map<string, StoredObject[]>()
  const wrongKey = testKey('rsa3072', 'mock-kv-wrong-key')
  const pem = (der: Uint8Array): string =>
    `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')
      .replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`

  async function pkcs12(
    certsPem: string,
    keyPem: string | undefined,
    format: SecretFormat,
  ): Promise<string> {
    const id = randomUUID()
    const certPath = join(dir, `${id}.crt`)
    const keyPath = join(dir, `${id}.key`)
    const outPath = join(dir, `${id}.p12`)
    await writeFile(certPath, certsPem)
    if (keyPem !== undefined) await writeFile(keyPath, keyPem)
    const pbe =
      format === 'pkcs12-3des'
        ? ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']
        : format === 'pkcs12-plain'
          ? ['-certpbe', 'NONE', '-keypbe', 'NONE']
          : ['-certpbe', 'AES-256-CBC', '-keypbe', 'AES-256-CBC']
    await run('openssl', [
      'pkcs12',
      '-export',
      '-in',
      certPath,
      ...(keyPem === undefined ? ['-nokeys'] : ['-inkey', keyPath]),
      ...pbe,
      '-passout',
      'pass:',
      '-out',
      outPath,
    ])
    return (await readFile(outPath)).toString('base64')
  }

  async function ecdsaSign(key: KeyObject, digest: Buffer, size: number): Promise<Buffer> {
    // Node signs only messages; `openssl pkeyutl` signs a precomputed digest, as the vault does.
    const id = randomUUID()
    const keyPath = join(dir, `${id}.key`)
    const inPath = join(dir, `${id}.bin`)
    const outPath = join(dir, `${id}.sig`)
    await writeFile(keyPath, key.export({ format: 'pem', type: 'pkcs8' }) as string)
    await writeFile(inPath, digest)
    await run('openssl', ['pkeyutl', '-sign', '-inkey', keyPath, '-in', inPath, '-out', outPath])
    return ecdsaDerToRaw(await readFile(outPath), size)
  }

  function store(o: StoredObject): void {
    const list = objects.get(o.name) ?? []
    list.push(o)
    objects.set(o.name, list)
  }

  const mock: KeyVaultMock = {
    permissions: new Set<VaultPermission>(['sign', 'get-key', 'get-certificate', 'get-secret']),
    permissionModel: 'rbac',
    faults: [],
    signCount: 0,
    async addCertificate(cert) {
      const version = randomBytes(16).toString('hex')
      const order = cert.secretOrder ?? cert.chain.map((_, i) => i)
      const inSecret = (cert.secretLeafOnly ? [0] : order).map((i) => cert.chain[i] as Uint8Array)
      const certsPem = inSecret.map(pem).join('')
      const keyPem =
        cert.exportable === false
          ? undefined
          : (cert.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string)
      const format = cert.secretFormat ?? 'pem'
      const secretValue =
        format === 'pem' ? `${keyPem ?? ''}${certsPem}` : await pkcs12(certsPem, keyPem, format)
      store({
        name: cert.name,
        version,
        key: cert.privateKey,
        kty: cert.privateKey.asymmetricKeyType === 'ec' ? 'EC' : 'RSA',
        certificate: {
          cer: cert.chain[0] as Uint8Array,
          secretValue,
          contentType: format === 'pem' ? 'application/x-pem-file' : 'application/x-pkcs12',
        },
      })
      return version
    },
    addKey(name, key) {
      const version = randomBytes(16).toString('hex')
      store({ name, version, key, kty: key.asymmetricKeyType === 'ec' ? 'EC' : 'RSA' })
      return version
    },
    handle,
    async stop() {
      await rm(dir, { recursive: true, force: true })
    },
  }

  function takeFault(route: 'sign' | 'other'): { kind: string; args: string[] } | undefined {
    for (let i = 0; i < mock.faults.length; i++) {
      const spec = mock.faults[i] as string
      let rest = spec
      const m = /^(sign|any):(.*)$/.exec(spec)
      if (m) {
        if (m[1] === 'sign' && route !== 'sign') continue
        rest = m[2] as string
      }
      const [kind, ...args] = rest.split(':')
      if (kind === 'wrong-key') continue
      const count = Number(args[0] ?? '1')
      if (count <= 1) mock.faults.splice(i, 1)
      else mock.faults[i] = spec.replace(/(throttle|5xx):\d+/, `$1:${count - 1}`)
      return { kind: kind as string, args }
    }
    return undefined
  }

  function challenge(): Record<string, string> {
    return {
      'www-authenticate': `Bearer authorization="${options.authorityHost}/${options.tenantId}", resource="${VAULT_RESOURCE}"`,
    }
  }

  function find(name: string, version: string | undefined): StoredObject | undefined {
    const list = objects.get(name) ?? []
    return version === undefined ? list[list.length - 1] : list.find((o) => o.version === version)
  }

  function forbidden(res: ServerResponse, claims: Record<string, unknown>, what: string): void {
    const who = String(claims['oid'] ?? claims['appid'] ?? 'unknown')
    if (mock.permissionModel === 'firewall') {
      return sendJson(
        res,
        403,
        vaultError(
          'Forbidden',
          `Client address is not authorized and caller is not a trusted service.\r\nClient address: 192.0.2.10\r\nCaller: appid=${String(claims['appid'])};oid=${who}\r\nVault: mock-vault;location=eastus`,
          'ForbiddenByFirewall',
        ),
      )
    }
    if (mock.permissionModel === 'rbac') {
      return sendJson(
        res,
        403,
        vaultError(
          'Forbidden',
          `Caller is not authorized to perform action on resource. If role assignments, deny assignments or role definitions were changed recently, please observe propagation time. Caller: appid=${String(claims['appid'])};oid=${who} Action: '${what}'`,
          'ForbiddenByRbac',
        ),
      )
    }
    // [MOCK] the access-policy wording follows the documented pattern.
    const [collection, permission] = what.split('/') as [string, string]
    return sendJson(
      res,
      403,
      vaultError(
        'Forbidden',
        `The user, group or application 'appid=${String(claims['appid'])};oid=${who}' does not have ${collection} ${permission} permission on key vault 'mock-vault'.`,
        'AccessDenied',
      ),
    )
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    options.record(recordRequest('key-vault', req, body))
    const url = new URL(req.url ?? '/', 'https://mock')
    const base = `https://${req.headers.host ?? ''}`
    const path = url.pathname.replace(/\/+$/, '')
    const sign = /^\/keys\/([^/]+)\/([^/]+)\/sign$/.exec(path)
    const get = /^\/(keys|certificates|secrets)\/([^/]+)(?:\/([^/]+))?$/.exec(path)
    const route = sign !== null && req.method === 'POST' ? 'sign' : 'other'

    const fault = takeFault(route)
    if (fault?.kind === 'throttle') {
      return sendJson(
        res,
        429,
        vaultError(
          'Throttled',
          'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached',
        ),
        { 'retry-after': fault.args[1] ?? '1' },
      )
    }
    if (fault?.kind === '5xx') {
      return sendJson(
        res,
        Number(fault.args[1] ?? '503'),
        vaultError('ServiceUnavailable', 'The service is unavailable.'),
      )
    }

    const auth = req.headers.authorization ?? ''
    if (!auth.startsWith('Bearer ')) {
      return sendJson(
        res,
        401,
        vaultError('Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.'),
        challenge(),
      )
    }
    const claims = options.verifyAccessToken(auth.slice(7))
    if (
      claims === undefined ||
      typeof claims['exp'] !== 'number' ||
      claims['exp'] <= Date.now() / 1000
    ) {
      return sendJson(
        res,
        401,
        vaultError('Unauthorized', 'AKV10012: Token is not valid.'),
        challenge(),
      )
    }
    if (claims['aud'] !== VAULT_RESOURCE) {
      return sendJson(
        res,
        401,
        vaultError(
          'Unauthorized',
          `AKV10022: Invalid audience. Expected ${VAULT_RESOURCE}, found: ${String(claims['aud'])}.`,
        ),
        challenge(),
      )
    }
    if (claims['tid'] !== options.tenantId) {
      return sendJson(
        res,
        401,
        vaultError(
          'Unauthorized',
          `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${options.tenantId}/, found ${String(claims['iss'])}.`,
        ),
        challenge(),
      )
    }
    const apiVersion = url.searchParams.get('api-version') ?? ''
    if (!API_VERSION.test(apiVersion)) {
      // [MOCK] wording.
      return sendJson(
        res,
        400,
        vaultError('BadParameter', `The specified version (${apiVersion}) is not recognized.`),
      )
    }

    if (mock.permissionModel === 'firewall') return forbidden(res, claims, 'any')
    if (route === 'sign' && sign !== null) {
      const [, name, version] = sign as unknown as [string, string, string]
      if (!mock.permissions.has('sign')) return forbidden(res, claims, 'keys/sign')
      const o = find(decodeURIComponent(name), decodeURIComponent(version))
      if (o === undefined) {
        return sendJson(
          res,
          404,
          vaultError(
            'KeyNotFound',
            `A key with (name/id) ${name}/${version} was not found in this key vault.`,
          ),
        )
      }
      let parsed: { alg?: unknown; value?: unknown }
      try {
        parsed = JSON.parse(body) as { alg?: unknown; value?: unknown }
      } catch {
        return sendJson(res, 400, vaultError('BadParameter', 'Invalid request body.'))
      }
      const alg = typeof parsed.alg === 'string' ? ALG[parsed.alg] : undefined
      const digest =
        typeof parsed.value === 'string' && /^[A-Za-z0-9_-]*$/.test(parsed.value)
          ? Buffer.from(parsed.value, 'base64url')
          : undefined
      if (alg === undefined || alg.kty !== o.kty) {
        return sendJson(
          res,
          400,
          vaultError('BadParameter', `Invalid algorithm ${String(parsed.alg)} for a ${o.kty} key.`),
        )
      }
      if (alg.curve !== undefined && o.key.asymmetricKeyDetails?.namedCurve !== alg.curve) {
        return sendJson(
          res,
          400,
          vaultError(
            'BadParameter',
            `The algorithm ${String(parsed.alg)} does not match the key curve.`,
          ),
        )
      }
      if (digest === undefined || digest.length !== alg.len) {
        return sendJson(
          res,
          400,
          vaultError(
            'BadParameter',
            `Digest length must be ${alg.len} bytes for ${String(parsed.alg)}.`,
          ),
        )
      }
      const key = mock.faults.includes('wrong-key') && o.kty === 'RSA' ? wrongKey : o.key
      let signature: Buffer
      if (alg.kty === 'EC') {
        signature = await ecdsaSign(key, digest, EC_SIZE[alg.curve as string] as number)
      } else if ((parsed.alg as string).startsWith('PS')) {
        signature = signDigestPss(key, digest, alg.hash)
      } else {
        signature = signDigestPkcs1(key, digest, alg.hash)
      }
      mock.signCount += 1
      return sendJson(res, 200, {
        kid: `${base}/keys/${o.name}/${o.version}`,
        value: signature.toString('base64url'),
      })
    }

    if (req.method !== 'GET' || get === null) {
      return sendJson(res, 404, vaultError('NotFound', 'The requested resource was not found.'))
    }
    const [, collection, rawName, rawVersion] = get as unknown as [
      string,
      string,
      string,
      string | undefined,
    ]
    const name = decodeURIComponent(rawName)
    const o = find(name, rawVersion === undefined ? undefined : decodeURIComponent(rawVersion))
    const id = (c: string, v: StoredObject): string => `${base}/${c}/${v.name}/${v.version}`
    if (collection === 'keys') {
      if (!mock.permissions.has('get-key')) return forbidden(res, claims, 'keys/get')
      if (o === undefined) {
        return sendJson(
          res,
          404,
          vaultError(
            'KeyNotFound',
            `A key with (name/id) ${name} was not found in this key vault.`,
          ),
        )
      }
      const jwk = o.key.export({ format: 'jwk' }) as Record<string, string>
      const pub =
        o.kty === 'RSA'
          ? { n: jwk['n'], e: jwk['e'] }
          : { crv: jwk['crv'], x: jwk['x'], y: jwk['y'] }
      return sendJson(res, 200, {
        key: { kid: id('keys', o), kty: o.kty, key_ops: ['sign', 'verify'], ...pub },
        attributes: { enabled: true, recoveryLevel: 'Recoverable+Purgeable' },
        ...(o.certificate === undefined ? {} : { managed: true }),
      })
    }
    if (collection === 'certificates') {
      if (!mock.permissions.has('get-certificate'))
        return forbidden(res, claims, 'certificates/get')
      if (o?.certificate === undefined) {
        return sendJson(
          res,
          404,
          vaultError(
            'CertificateNotFound',
            `A certificate with (name/id) ${name} was not found in this key vault.`,
          ),
        )
      }
      return sendJson(res, 200, {
        id: id('certificates', o),
        kid: id('keys', o),
        sid: id('secrets', o),
        x5t: createHash('sha1').update(o.certificate.cer).digest('base64url'),
        cer: Buffer.from(o.certificate.cer).toString('base64'),
        attributes: { enabled: true, recoveryLevel: 'Recoverable+Purgeable' },
      })
    }
    if (!mock.permissions.has('get-secret')) return forbidden(res, claims, 'secrets/get')
    if (o?.certificate === undefined) {
      return sendJson(
        res,
        404,
        vaultError(
          'SecretNotFound',
          `A secret with (name/id) ${name} was not found in this key vault.`,
        ),
      )
    }
    return sendJson(res, 200, {
      value: o.certificate.secretValue,
      contentType: o.certificate.contentType,
      id: id('secrets', o),
      kid: id('keys', o),
      managed: true,
      attributes: { enabled: true, recoveryLevel: 'Recoverable+Purgeable' },
    })
  }

  return mock
}
