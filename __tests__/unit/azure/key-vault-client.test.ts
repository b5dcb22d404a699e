/**
 * The Key Vault client's authentication rules against a scripted transport, for vault hosts the
 * loopback mock cannot stand for: the challenge decides the token's resource only when it is the
 * vault host's own domain, and a vault that answers without authentication is not trusted.
 */
import { describe, expect, it } from 'vitest'
import { KeyVaultError } from '../../../src/azure/errors.js'
import { createKeyVaultClient } from '../../../src/azure/key-vault-client.js'
import { parseKeyVaultId } from '../../../src/azure/key-vault-id.js'
import { httpResponse, scriptedTransport, type Script } from '../../helpers/http.js'

const VAULT = 'https://contoso.vault.azure.net/keys/release'
const CHALLENGE = {
  'www-authenticate':
    'Bearer authorization="https://login.microsoftonline.com/tenant-a", resource="https://vault.azure.net"',
}
const SECRET = {
  value: 'x',
  contentType: 'application/x-pem-file',
  kid: `${VAULT}/${'a'.repeat(32)}`,
}

function client(script: Script, vault = VAULT, tenantId?: string) {
  const transport = scriptedTransport(script)
  const scopes: string[] = []
  const c = createKeyVaultClient({
    vault: parseKeyVaultId(vault, { allowUntrusted: true }),
    transport,
    credential: {
      clientId: 'client-1',
      ...(tenantId === undefined ? {} : { tenantId }),
      getToken: (scope) => {
        scopes.push(String(scope))
        return Promise.resolve({ token: 'tok', expiresOnTimestamp: Date.now() + 3_600_000 })
      },
    },
  })
  return { c, transport, scopes }
}

async function failure(p: Promise<unknown>): Promise<KeyVaultError> {
  try {
    await p
  } catch (err) {
    if (err instanceof KeyVaultError) return err
    throw err
  }
  throw new Error('expected a failure')
}

describe('the challenge flow', () => {
  it('first request without a token; then the challenged resource, once per client', async () => {
    const { c, transport, scopes } = client((req) =>
      req.headers?.['authorization'] === undefined
        ? httpResponse(401, { error: { code: 'Unauthorized' } }, CHALLENGE)
        : httpResponse(200, SECRET),
    )
    await c.getSecret('release')
    await c.getSecret('release')
    expect(transport.requests.map((r) => r.headers?.['authorization'] ?? 'none')).toEqual([
      'none',
      'Bearer tok',
      'Bearer tok',
    ])
    expect(scopes).toEqual(['https://vault.azure.net/.default', 'https://vault.azure.net/.default'])
    expect(String(transport.requests[0]?.url)).toBe(
      'https://contoso.vault.azure.net/secrets/release?api-version=7.5',
    )
    expect(transport.requests.every((r) => r.followRedirects === false)).toBe(true)
  })

  it('takes a scope= challenge too', async () => {
    const { c, scopes } = client((req) =>
      req.headers?.['authorization'] === undefined
        ? httpResponse(401, undefined, {
            'www-authenticate': 'Bearer scope="https://vault.azure.net/.default"',
          })
        : httpResponse(200, SECRET),
    )
    await c.getSecret('release')
    expect(scopes).toEqual(['https://vault.azure.net/.default'])
  })

  it.each([
    ['another service', 'Bearer resource="https://management.azure.com"'],
    ['a look-alike domain', 'Bearer resource="https://vault.azure.net.evil.example"'],
    ['a parent domain', 'Bearer resource="https://azure.net"'],
    ['another cloud', 'Bearer resource="https://vault.azure.cn"'],
    ['no resource', 'Bearer realm=""'],
    ['no challenge at all', ''],
  ])('refuses %s and asks for no token', async (_what, header) => {
    const { c, transport, scopes } = client(() =>
      httpResponse(401, undefined, header === '' ? {} : { 'www-authenticate': header }),
    )
    const err = await failure(c.getSecret('release'))
    expect(err.code).toBe('KEY_VAULT_CHALLENGE_INVALID')
    expect(scopes).toEqual([])
    expect(transport.requests).toHaveLength(1)
  })

  it('an opted-in host may name its own resource (the user trusts it)', async () => {
    const { c, scopes } = client(
      (req) =>
        req.headers?.['authorization'] === undefined
          ? httpResponse(401, undefined, {
              'www-authenticate': 'Bearer resource="https://kv.example"',
            })
          : httpResponse(200, SECRET),
      'https://vault.internal.example/keys/release',
    )
    await c.getSecret('release')
    expect(scopes).toEqual(['https://kv.example/.default'])
  })

  it('a host that answers without authentication is not a vault: fail closed', async () => {
    const { c, scopes } = client(() => httpResponse(200, SECRET))
    const err = await failure(c.getSecret('release'))
    expect(err.code).toBe('KEY_VAULT_CHALLENGE_INVALID')
    expect(scopes).toEqual([])
  })

  it('a refused token names the tenant the vault belongs to', async () => {
    const { c } = client(
      (req) =>
        httpResponse(
          401,
          { error: { code: 'Unauthorized', message: 'AKV10032: Invalid issuer.' } },
          req.headers?.['authorization'] === undefined ? CHALLENGE : {},
        ),
      VAULT,
      'tenant-b',
    )
    const err = await failure(c.getSecret('release'))
    expect(err.code).toBe('KEY_VAULT_UNAUTHORIZED')
    expect(err.remedy).toContain(
      'The vault belongs to tenant tenant-a, but azure-tenant-id is tenant-b',
    )
  })
})

describe('responses', () => {
  const authed =
    (answer: () => ReturnType<typeof httpResponse>): Script =>
    (req) =>
      req.headers?.['authorization'] === undefined
        ? httpResponse(401, undefined, CHALLENGE)
        : answer()

  it('sign sends the digest base64url and returns the raw signature', async () => {
    const { c, transport } = client(authed(() => httpResponse(200, { kid: 'k', value: 'AQID_-8' })))
    const sig = await c.sign('release', 'a'.repeat(32), 'ES256', new Uint8Array([0xfb, 0xff]))
    expect([...sig]).toEqual([1, 2, 3, 0xff, 0xef])
    const body = JSON.parse(String(transport.requests[1]?.body)) as { alg: string; value: string }
    expect(body).toEqual({ alg: 'ES256', value: '-_8' })
  })

  it.each([
    [{ value: 'not base64!' }, 'is not base64'],
    [{}, 'has no "value"'],
  ])('refuses a sign response %o', async (body, text) => {
    const { c } = client(authed(() => httpResponse(200, body)))
    const err = await failure(c.sign('release', 'a'.repeat(32), 'PS256', new Uint8Array(32)))
    expect(err.code).toBe('KEY_VAULT_RESPONSE_INVALID')
    expect(err.message).toContain(text)
  })

  it.each([
    [
      {
        error: {
          code: 'Forbidden',
          innererror: { code: 'SecretDisabled' },
          message: 'Operation get is not allowed on a disabled secret.',
        },
      },
      'enable it',
    ],
    [{ error: { code: 'Forbidden', message: 'x' } }, 'or add the secret permission "get"'],
  ])('403 %o → remedy', async (body, remedy) => {
    const { c } = client(authed(() => httpResponse(403, body)))
    const err = await failure(c.getSecret('release'))
    expect(err.code).toBe('KEY_VAULT_FORBIDDEN')
    expect(err.remedy).toContain(remedy)
  })
})
