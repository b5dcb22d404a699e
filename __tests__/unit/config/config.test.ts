import { describe, expect, it } from 'vitest'
import {
  MAX_DURATION_SECONDS,
  MICROSOFT_TSA_URL,
  parseDuration,
  parseRegistryHosts,
  parseList,
  parseSignConfig,
  parseUserMetadata,
  parseVerifyConfig,
} from '../../../src/config/config.js'
import { SIGN_INPUTS, VERIFY_INPUTS, readRawInputs } from '../../../src/config/inputs.js'
import { ConfigError } from '../../../src/errors.js'

const signRaw = (values: Record<string, string>) =>
  readRawInputs(SIGN_INPUTS, (n) => values[n] ?? '')
const verifyRaw = (values: Record<string, string>) =>
  readRawInputs(VERIFY_INPUTS, (n) => values[n] ?? '')
const KV_KEY = 'https://contoso.vault.azure.net/keys/release-signing'
const AS = {
  'artifact-signing-endpoint': 'https://eus.codesigning.azure.net',
  'artifact-signing-account': 'acct',
  'artifact-signing-certificate-profile': 'profile',
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    return err instanceof ConfigError ? err.code : 'not a ConfigError'
  }
  return undefined
}

describe('list, duration and metadata inputs', () => {
  it('splits lists on newlines and commas, dropping blanks and comments', () => {
    expect(parseList('a/b:1, c/d:2\n\n# skip\n e/f@sha256:00 ')).toEqual([
      'a/b:1',
      'c/d:2',
      'e/f@sha256:00',
    ])
  })
  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['12h', 43200],
    ['7d', 604800],
    ['2w', 1209600],
    ['1d12h', 129600],
  ])('parses duration %s', (text, seconds) => expect(parseDuration('expiry', text)).toBe(seconds))
  it.each(['', '5', 'h', '1x', '1d 2h', '0s', '-1h'])('rejects duration %j', (text) => {
    expect(codeOf(() => parseDuration('expiry', text))).toBe('INPUT_INVALID')
  })
  it('parses key=value metadata and refuses reserved or repeated keys', () => {
    expect(parseUserMetadata('user-metadata', 'team=web\nbuild = 42')).toEqual(
      new Map([
        ['team', 'web'],
        ['build', '42'],
      ]),
    )
    expect(codeOf(() => parseUserMetadata('user-metadata', 'io.cncf.notary.x=1'))).toBe(
      'INPUT_INVALID',
    )
    expect(codeOf(() => parseUserMetadata('user-metadata', 'a=1\na=2'))).toBe('INPUT_INVALID')
    expect(codeOf(() => parseUserMetadata('user-metadata', 'novalue'))).toBe('INPUT_INVALID')
  })
  // Issue 12: notation accepts `-m authors=alice,bob`; one entry per line, commas stay in the value.
  it('keeps a comma inside a metadata value (one entry per line)', () => {
    expect(parseUserMetadata('user-metadata', 'authors=alice,bob\nteam=web')).toEqual(
      new Map([
        ['authors', 'alice,bob'],
        ['team', 'web'],
      ]),
    )
    expect(parseUserMetadata('user-metadata', 'a=1,b=2')).toEqual(new Map([['a', '1,b=2']]))
  })
  // Issue 11 item 5: prototype names are ordinary keys, neither dropped nor "given twice".
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'metadata key %s is an ordinary key',
    (key) => {
      const parsed = parseUserMetadata('user-metadata', `${key}=x`)
      expect([...parsed]).toEqual([[key, 'x']])
      expect(codeOf(() => parseUserMetadata('user-metadata', `${key}=x\n${key}=y`))).toBe(
        'INPUT_INVALID',
      )
    },
  )
})

describe('registry hosts (insecure-registries)', () => {
  it('accepts host and host:port forms, as references name registries', () => {
    const value = 'localhost:5000\n127.0.0.1:5000\n[::1]:5000\nregistry.example.com, r-1.local'
    expect(parseRegistryHosts('insecure-registries', value)).toEqual([
      'localhost:5000',
      '127.0.0.1:5000',
      '[::1]:5000',
      'registry.example.com',
      'r-1.local',
    ])
  })
  it.each([
    'http://r.local',
    'https://r.local:5000',
    'r.local/v2',
    '*.local',
    'r.local:0',
    'r.local:',
    'a b',
    '-r.local',
  ])('refuses %j naming the input', (host) => {
    expect(() => parseRegistryHosts('insecure-registries', host)).toThrow(
      `input insecure-registries: "${host}" is not a registry host`,
    )
  })
})

describe('expiry range', () => {
  it('accepts up to the longest Go duration and refuses beyond it, naming the input', () => {
    expect(parseDuration('expiry', `${MAX_DURATION_SECONDS}s`)).toBe(MAX_DURATION_SECONDS)
    for (const huge of [`${MAX_DURATION_SECONDS + 1}s`, '99999999999w', `${'9'.repeat(400)}s`]) {
      expect(() => parseDuration('expiry', huge)).toThrow('input expiry must be at most')
    }
  })
})

describe('sign config', () => {
  it('defaults for Artifact Signing: Microsoft TSA, cose, auto referrers, legacy manifest form', () => {
    const cfg = parseSignConfig(signRaw({ images: 'r.io/a:v1', ...AS }))
    expect(cfg.signer).toMatchObject({
      kind: 'artifact-signing',
      apiVersion: '2022-06-15-preview',
      timeoutMs: 60_000,
    })
    expect(cfg.timestamp?.urls).toEqual([MICROSOFT_TSA_URL])
    expect(cfg).toMatchObject({
      signatureFormat: 'cose',
      referrers: 'auto',
      manifestForm: 'image-manifest-legacy',
      recursive: false,
      skipIfSigned: false,
      showSummary: true,
      concurrency: 10,
    })
    expect(cfg.verify).toBeUndefined()
  })
  it('skip-if-signed parses as a strict boolean', () => {
    expect(
      parseSignConfig(signRaw({ images: 'r.io/a:v1', ...AS, 'skip-if-signed': 'true' }))
        .skipIfSigned,
    ).toBe(true)
  })
  it('a local key has no default TSA; timestamp-url none disables it for Artifact Signing', () => {
    expect(
      parseSignConfig(
        signRaw({ images: 'r.io/a:v1', 'signing-key': 'k', 'signing-certificate-chain': 'c' }),
      ).timestamp,
    ).toBeUndefined()
    expect(
      parseSignConfig(signRaw({ images: 'r.io/a:v1', ...AS, 'timestamp-url': 'none' })).timestamp,
    ).toBeUndefined()
  })
  it('takes fallback TSA URLs in order', () => {
    const cfg = parseSignConfig(
      signRaw({
        images: 'r.io/a:v1',
        ...AS,
        'timestamp-url': 'http://a.example/\nhttp://b.example/',
      }),
    )
    expect(cfg.timestamp?.urls).toEqual(['http://a.example/', 'http://b.example/'])
  })
  it.each([
    [{}, 'INPUT_MISSING'],
    [{ images: 'r.io/a:v1' }, 'INPUT_MISSING'],
    [{ images: 'r.io/a:v1', ...AS, 'signing-key': 'k' }, 'INPUT_CONFLICT'],
    [{ images: 'r.io/a:v1', 'signing-key': 'k' }, 'INPUT_CONFLICT'],
    [{ images: 'r.io/a:v1', ...AS, 'artifact-signing-api-version': '2020-01-01' }, 'INPUT_INVALID'],
    [
      {
        images: 'r.io/a:v1',
        'signing-key': 'k',
        'signing-certificate-chain': 'c',
        'artifact-signing-timeout': '1m',
      },
      'INPUT_NOT_APPLICABLE',
    ],
    [{ images: 'r.io/a:v1', ...AS, 'timestamp-url': 'ftp://x' }, 'INPUT_INVALID'],
    [
      {
        images: 'r.io/a:v1',
        'signing-key': 'k',
        'signing-certificate-chain': 'c',
        'timestamp-root-certificate': 'r.pem',
      },
      'INPUT_CONFLICT',
    ],
    [{ images: 'r.io/a:v1', ...AS, 'trust-store': 'ca:x: []' }, 'INPUT_CONFLICT'],
    [{ images: 'r.io/a:v1', ...AS, recursive: 'yes' }, 'INPUT_INVALID'],
    [{ images: 'r.io/a:v1', ...AS, 'skip-if-signed': 'maybe' }, 'INPUT_INVALID'],
    [{ images: 'r.io/a:v1', ...AS, concurrency: '0' }, 'INPUT_INVALID'],
    [{ images: 'r.io/a:v1', ...AS, 'azure-key-vault-key-id': KV_KEY }, 'INPUT_CONFLICT'],
    [
      {
        images: 'r.io/a:v1',
        'signing-key': 'k',
        'signing-certificate-chain': 'c',
        'azure-key-vault-key-id': KV_KEY,
      },
      'INPUT_CONFLICT',
    ],
    [{ images: 'r.io/a:v1', 'azure-key-vault-certificate-chain': 'c.pem' }, 'INPUT_MISSING'],
    [
      { images: 'r.io/a:v1', 'azure-key-vault-key-id': KV_KEY, 'artifact-signing-timeout': '1m' },
      'INPUT_NOT_APPLICABLE',
    ],
    [
      { images: 'r.io/a:v1', 'azure-key-vault-key-id': KV_KEY, 'allow-untrusted-endpoint': 'yes' },
      'INPUT_INVALID',
    ],
  ])('rejects %o with %s', (values, code) => {
    expect(codeOf(() => parseSignConfig(signRaw(values)))).toBe(code)
  })
})

describe('Key Vault signer config', () => {
  it('takes the key id, the optional chain and the opt-in', () => {
    expect(
      parseSignConfig(signRaw({ images: 'r.io/a:v1', 'azure-key-vault-key-id': KV_KEY })).signer,
    ).toEqual({ kind: 'key-vault', keyId: KV_KEY, allowUntrustedEndpoint: false })
    expect(
      parseSignConfig(
        signRaw({
          images: 'r.io/a:v1',
          'azure-key-vault-key-id': KV_KEY,
          'azure-key-vault-certificate-chain': 'ca.pem',
          'allow-untrusted-endpoint': 'true',
        }),
      ).signer,
    ).toEqual({
      kind: 'key-vault',
      keyId: KV_KEY,
      certificateChain: 'ca.pem',
      allowUntrustedEndpoint: true,
    })
  })
  it('names all three signer families in a conflict', () => {
    let message = ''
    try {
      parseSignConfig(
        signRaw({
          images: 'r.io/a:v1',
          ...AS,
          'signing-key': 'k',
          'azure-key-vault-key-id': KV_KEY,
        }),
      )
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).toContain('give only one signer')
    expect(message).toContain('artifact-signing-endpoint')
    expect(message).toContain('signing-key')
    expect(message).toContain('azure-key-vault-key-id')
  })
})

describe('verify config', () => {
  it('requires a trust policy and defaults max-signatures to 100', () => {
    expect(codeOf(() => parseVerifyConfig(verifyRaw({ images: 'r.io/a:v1' })))).toBe(
      'INPUT_MISSING',
    )
    const cfg = parseVerifyConfig(
      verifyRaw({ images: 'r.io/a:v1', 'trust-policy': 'p.json', 'trust-store': 'ts' }),
    )
    expect(cfg.verify.maxSignatures).toBe(100)
  })
})
