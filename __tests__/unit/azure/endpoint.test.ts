/**
 * Issue 11 item 10: the Azure bearer token goes only to `https://<region>.codesigning.azure.net`
 * or loopback, unless `allow-untrusted-endpoint` says otherwise; the refusal is a coded config
 * error naming the input, raised before any identity exists or any request is sent.
 */
import { isLoopback } from '../../../src/oci/reference.js'
import { describe, expect, it } from 'vitest'
import { createArtifactSigningSigner } from '../../../src/azure/artifact-signing.js'
import {
  ARTIFACT_SIGNING_HOSTS,
  checkArtifactSigningEndpoint,
  serviceHostRule,
} from '../../../src/azure/endpoint.js'
import { parseSignConfig } from '../../../src/config/config.js'
import { SIGN_INPUTS, readRawInputs } from '../../../src/config/inputs.js'
import { ConfigError } from '../../../src/errors.js'
import { recordingLogger } from '../../../src/log.js'
import { httpResponse, scriptedTransport } from '../../helpers/http.js'

const HOSTILE = [
  'https://eus.codesigning.azure.net.evil.com',
  'https://eus.codesigning.azure.net.',
  'https://evil.com/eus.codesigning.azure.net',
  'https://eus-codesigning.azure.net',
  'https://codesigning.azure.net',
  'https://a.eus.codesigning.azure.net',
  'https://eus.codesigning.azure.com',
  'https://10.0.0.1',
  'https://localhost.evil.com',
]

function refusal(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ConfigError) return err
    throw err
  }
  throw new Error('not refused')
}

describe('the Artifact Signing host rule', () => {
  it.each([
    ['https://eus.codesigning.azure.net', 'https://eus.codesigning.azure.net', 'service'],
    ['https://WUS2.Codesigning.Azure.NET/', 'https://wus2.codesigning.azure.net', 'service'],
    ['https://scus.codesigning.azure.net:443//', 'https://scus.codesigning.azure.net', 'service'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080', 'loopback'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443', 'loopback'],
    ['http://localhost:1/base/', 'http://localhost:1/base', 'loopback'],
    ['http://[::1]:9/', 'http://[::1]:9', 'loopback'],
  ])('accepts %s as %s (%s)', (input, endpoint, trust) => {
    expect(checkArtifactSigningEndpoint(input, false)).toEqual({ endpoint, trust })
  })

  it.each(HOSTILE)('refuses %s with a config error naming the input and the opt-in', (value) => {
    const err = refusal(() => checkArtifactSigningEndpoint(value, false))
    expect(err.code).toBe('INPUT_INVALID')
    expect(err.message).toContain('artifact-signing-endpoint')
    expect(err.message).toContain('codesigning.azure.net')
    expect(err.remedy).toContain('allow-untrusted-endpoint: true')
  })

  it('with the opt-in, accepts another https host but still never plain http off loopback', () => {
    expect(checkArtifactSigningEndpoint('https://signing-proxy.example/', true)).toEqual({
      endpoint: 'https://signing-proxy.example',
      trust: 'untrusted',
    })
    expect(() => checkArtifactSigningEndpoint('http://signing-proxy.example', true)).toThrow(
      /artifact-signing-endpoint must use https/,
    )
    // Userinfo that looks like the service host is refused whatever the opt-in says.
    expect(() =>
      checkArtifactSigningEndpoint('https://eus.codesigning.azure.net@evil.com', true),
    ).toThrow(/artifact-signing-endpoint must be a bare URL without credentials/)
  })

  it('loopback is the 127/8 range, localhost and [::1], as URL normalises them', () => {
    expect(isLoopback(new URL('http://127.1/').hostname)).toBe(true)
    expect(isLoopback(new URL('http://0x7f.0.0.1/').hostname)).toBe(true)
    expect(isLoopback(new URL('http://127.200.3.4/').hostname)).toBe(true)
    expect(isLoopback(new URL('http://128.0.0.1/').hostname)).toBe(false)
    expect(isLoopback(new URL('http://[::2]/').hostname)).toBe(false)
  })

  it('is a reusable rule (e.g. Key Vault) matching exactly one label before the suffix', () => {
    const vault = serviceHostRule('vault.azure.net', 'vault', 'myvault')
    expect(vault.matches('myvault.vault.azure.net')).toBe(true)
    expect(vault.matches('myvault.vault.azure.net.evil.com')).toBe(false)
    expect(vault.matches('vault.azure.net')).toBe(false)
    expect(vault.example).toBe('https://myvault.vault.azure.net')
    expect(ARTIFACT_SIGNING_HOSTS.shape).toBe('<region>.codesigning.azure.net')
  })
})

describe('where the rule is enforced', () => {
  const AS = {
    'artifact-signing-account': 'acct',
    'artifact-signing-certificate-profile': 'profile',
    images: 'r.example/app@sha256:' + '0'.repeat(64),
  }
  const raw = (values: Record<string, string>) => readRawInputs(SIGN_INPUTS, (n) => values[n] ?? '')

  it('the config parser refuses a hostile endpoint before any identity is created', () => {
    const err = refusal(() =>
      parseSignConfig(raw({ ...AS, 'artifact-signing-endpoint': HOSTILE[0] as string })),
    )
    expect(err.code).toBe('INPUT_INVALID')
    expect(err.message).toContain('artifact-signing-endpoint')
  })

  it('the config parser takes allow-untrusted-endpoint: true, and refuses it with a local key', () => {
    const config = parseSignConfig(
      raw({
        ...AS,
        'artifact-signing-endpoint': HOSTILE[0] as string,
        'allow-untrusted-endpoint': 'true',
      }),
    )
    expect(config.signer).toMatchObject({ kind: 'artifact-signing', allowUntrustedEndpoint: true })
    expect(() =>
      parseSignConfig(
        raw({
          ...AS,
          'artifact-signing-endpoint': 'https://eus.codesigning.azure.net',
          'allow-untrusted-endpoint': 'maybe',
        }),
      ),
    ).toThrow(/allow-untrusted-endpoint must be true or false/)
    const local = refusal(() =>
      parseSignConfig(
        raw({
          images: AS.images,
          'signing-key': 'key.pem',
          'signing-certificate-chain': 'chain.pem',
          'allow-untrusted-endpoint': 'true',
        }),
      ),
    )
    expect(local.code).toBe('INPUT_NOT_APPLICABLE')
  })

  it('the signer itself refuses it too (library callers), and never sends the token', async () => {
    let tokens = 0
    const transport = scriptedTransport(() => httpResponse(500))
    const options = {
      accountName: 'acct',
      certificateProfile: 'profile',
      credential: {
        getToken: async () => {
          tokens++
          return { token: 'secret-token', expiresOnTimestamp: Date.now() + 3600_000 }
        },
      },
      transport,
    }
    expect(() =>
      createArtifactSigningSigner({ ...options, endpoint: HOSTILE[0] as string }),
    ).toThrow(ConfigError)
    expect(tokens).toBe(0)
    expect(transport.requests).toHaveLength(0)
    // Opted in: the signer is made, with a warning that names the host.
    const logger = recordingLogger()
    createArtifactSigningSigner({
      ...options,
      endpoint: 'https://signing-proxy.example',
      allowUntrustedEndpoint: true,
      logger,
    })
    expect(logger.lines.join('\n')).toMatch(
      /warning: artifact-signing-endpoint https:\/\/signing-proxy\.example is not an Artifact Signing host/,
    )
  })
})
