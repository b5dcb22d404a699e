import { describe, expect, it } from 'vitest'
import {
  MICROSOFT_TSA_URL,
  parseDuration,
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
    expect(parseUserMetadata('user-metadata', 'team=web\nbuild = 42')).toEqual({
      team: 'web',
      build: '42',
    })
    expect(codeOf(() => parseUserMetadata('user-metadata', 'io.cncf.notary.x=1'))).toBe(
      'INPUT_INVALID',
    )
    expect(codeOf(() => parseUserMetadata('user-metadata', 'a=1\na=2'))).toBe('INPUT_INVALID')
    expect(codeOf(() => parseUserMetadata('user-metadata', 'novalue'))).toBe('INPUT_INVALID')
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
      showSummary: true,
      concurrency: 10,
    })
    expect(cfg.verify).toBeUndefined()
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
    [{ images: 'r.io/a:v1', ...AS, concurrency: '0' }, 'INPUT_INVALID'],
  ])('rejects %o with %s', (values, code) => {
    expect(codeOf(() => parseSignConfig(signRaw(values)))).toBe(code)
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
