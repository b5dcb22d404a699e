/**
 * azure-key-vault-key-id: which hosts may receive the vault token and which paths name a key or a
 * certificate; and the parsing of the 401 challenge that names the token's resource.
 */
import { describe, expect, it } from 'vitest'
import { parseBearerChallenge } from '../../../src/azure/key-vault-client.js'
import { parseKeyVaultId } from '../../../src/azure/key-vault-id.js'
import { ConfigError } from '../../../src/errors.js'

const V = 'a'.repeat(32)

function refused(value: string, allowUntrusted = false): ConfigError {
  try {
    parseKeyVaultId(value, { allowUntrusted })
  } catch (err) {
    if (err instanceof ConfigError) return err
    throw err
  }
  throw new Error(`accepted ${value}`)
}

describe('parseKeyVaultId', () => {
  it.each([
    ['https://contoso.vault.azure.net/keys/signing', 'keys', undefined, 'https://vault.azure.net'],
    [`https://contoso.vault.azure.net/keys/signing/${V}`, 'keys', V, 'https://vault.azure.net'],
    [
      `https://contoso.vault.azure.net/certificates/signing/${V}/`,
      'certificates',
      V,
      'https://vault.azure.net',
    ],
    ['https://contoso.vault.azure.cn/keys/signing', 'keys', undefined, 'https://vault.azure.cn'],
    [
      'https://contoso.vault.usgovcloudapi.net/keys/signing',
      'keys',
      undefined,
      'https://vault.usgovcloudapi.net',
    ],
    [
      'https://hsm1.managedhsm.azure.net/keys/signing',
      'keys',
      undefined,
      'https://managedhsm.azure.net',
    ],
  ])('%s', (value, collection, version, resource) => {
    const id = parseKeyVaultId(value)
    expect(id).toMatchObject({ collection, name: 'signing', resource, trust: 'azure' })
    expect(id.version).toBe(version)
    expect(id.vaultUrl).toBe(new URL(value).origin)
  })

  it('accepts https loopback (mocks) without a resource', () => {
    expect(parseKeyVaultId('https://127.0.0.1:8443/keys/k')).toMatchObject({
      trust: 'loopback',
      vaultUrl: 'https://127.0.0.1:8443',
    })
  })

  it.each([
    'https://contoso.vault.azure.net.evil.example/keys/k',
    'https://vault.azure.net/keys/k',
    'https://contoso.vault.microsoftazure.de/keys/k',
    'https://evilvault.azure.net/keys/k',
  ])('refuses the host of %s unless opted in, naming the input and the opt-in', (value) => {
    const err = refused(value)
    expect(err.code).toBe('INPUT_INVALID')
    expect(err.message).toContain('azure-key-vault-key-id')
    expect(err.remedy).toContain('allow-untrusted-endpoint')
    expect(parseKeyVaultId(value, { allowUntrusted: true }).trust).toBe('opted-in')
  })

  it.each([
    ['http://contoso.vault.azure.net/keys/k', 'https'],
    ['http://127.0.0.1/keys/k', 'https'],
    ['https://contoso.vault.azure.net/secrets/k', 'must name a key'],
    ['https://contoso.vault.azure.net/keys/', 'no valid key name'],
    ['https://contoso.vault.azure.net/keys/bad_name', 'no valid key name'],
    ['https://contoso.vault.azure.net/keys/k/not-a-version', 'object version'],
    [`https://contoso.vault.azure.net/keys/k/${V}/sign`, 'extra path'],
    ['https://contoso.vault.azure.net/keys/k?api-version=7.5', 'without credentials, query'],
    ['https://user:pw@contoso.vault.azure.net/keys/k', 'without credentials'],
    ['https://contoso.vault.azure.net//keys/k', 'empty path segment'],
    ['https://hsm1.managedhsm.azure.net/certificates/c', 'Managed HSM'],
    ['contoso.vault.azure.net/keys/k', 'absolute URL'],
  ])('refuses %s (%s)', (value, text) => {
    expect(refused(value, true).message).toContain(text)
  })
})

describe('the vault challenge', () => {
  it('parses authorization and resource, or scope', () => {
    expect(
      parseBearerChallenge(
        'Bearer authorization="https://login.microsoftonline.com/tenant-1", resource="https://vault.azure.net"',
      ),
    ).toEqual({
      authorization: 'https://login.microsoftonline.com/tenant-1',
      resource: 'https://vault.azure.net',
    })
    expect(parseBearerChallenge('Bearer scope="https://vault.azure.net/.default"')).toEqual({
      scope: 'https://vault.azure.net/.default',
    })
    expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined()
  })
})
