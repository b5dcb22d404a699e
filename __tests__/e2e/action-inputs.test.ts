/**
 * The committed bundles run as a runner runs them: a fresh node process, INPUT_* variables, no
 * node_modules. Bad or missing inputs fail at once with one clear message naming the input.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createCodeSigningPki, createTsaPki } from '../../testbed/pki.js'
import { runAction } from '../../testbed/runner.js'

const dist = (name: string): string => fileURLToPath(new URL(`../../dist/${name}`, import.meta.url))

describe('dist/index.js input errors', () => {
  it('with no inputs exits non-zero at once naming the missing input, no stack trace', async () => {
    const started = Date.now()
    const run = await runAction(dist('index.js'), {})
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain('::error::[INPUT_MISSING] input images is required')
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it.each([
    [{ images: 'r.example/app:v1' }, 'no signer: set artifact-signing-endpoint'],
    [
      {
        images: 'r.example/app:v1',
        'artifact-signing-endpoint': 'https://eus.codesigning.azure.net',
      },
      'missing artifact-signing-account, artifact-signing-certificate-profile',
    ],
    [
      { images: 'r.example/app:v1', 'signing-key': 'k.pem', 'artifact-signing-account': 'acct' },
      'give only one signer',
    ],
    [
      {
        images: 'r.example/app:v1',
        'signing-key': 'k.pem',
        'signing-certificate-chain': 'c.pem',
        referrers: 'sometimes',
      },
      'input referrers must be one of auto, api, tag, got "sometimes"',
    ],
    [
      {
        images: 'r.example/app:v1',
        'signing-key': 'k.pem',
        'signing-certificate-chain': 'c.pem',
        expiry: 'soon',
      },
      'input expiry must be a duration',
    ],
    [
      {
        images: 'r.example/app:v1',
        'signing-key': 'k.pem',
        'signing-certificate-chain': 'c.pem',
        'registry-username': 'u',
      },
      'inputs registry-username and registry-password go together',
    ],
    [
      {
        // issue 11 item 10: a look-alike host would receive the Azure token
        images: 'r.example/app:v1',
        'artifact-signing-endpoint': 'https://eus.codesigning.azure.net.evil.com',
        'artifact-signing-account': 'acct',
        'artifact-signing-certificate-profile': 'profile',
      },
      '::error::[INPUT_INVALID] artifact-signing-endpoint "https://eus.codesigning.azure.net.evil.com" is not an endpoint of the service',
    ],
  ])('rejects %o', async (inputs, message) => {
    const run = await runAction(dist('index.js'), inputs)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(message)
    // The job summary says it too, for the image the step was given.
    expect(run.summary).toContain('❌ nothing signed: [INPUT_')
    expect(run.summary).toContain('| ❌ | r.example/app:v1 | not signed: [INPUT_')
    // The same text as the ::error line, without the workflow-command prefix.
    expect(run.summary).toContain(message.replace(/^::error::/, ''))
  })

  it('writes no failure summary when show-summary is false', async () => {
    const run = await runAction(dist('index.js'), {
      images: 'r.example/app:v1',
      'show-summary': 'false',
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toBe('')
  })
})

describe('dist/verify.js input errors', () => {
  it('needs a trust policy', async () => {
    const run = await runAction(dist('verify.js'), { images: 'r.example/app:v1' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('input trust-policy is required')
    expect(run.summary).toContain('### Notary verification')
    expect(run.summary).toContain(
      '| ❌ | r.example/app:v1 | not verified: [INPUT_MISSING] input trust-policy is required',
    )
  })
})

// Issue 11 item 7: each of these was accepted (or failed late, after contacting a TSA or a
// registry, with a message naming another layer). Now each fails at load time naming the input.
describe('dist/index.js input validation that used to pass or fail late', () => {
  const localKey = async (): Promise<Record<string, string>> => {
    const pki = await createCodeSigningPki({ keyKind: 'ec256' })
    return { 'signing-key': pki.leaf.privateKeyPem, 'signing-certificate-chain': pki.chainPem }
  }

  it.each([
    ['http://registry.local:5000', 'give the host, without a scheme'],
    ['registry.local/path', 'give the host only, without a path'],
    ['*.local', 'wildcards are not supported'],
    ['registry.local:99999', 'expected host or host:port'],
    ['not a host', 'expected host or host:port'],
  ])('insecure-registries %j is refused', async (value, hint) => {
    const run = await runAction(dist('index.js'), {
      images: 'r.example/app:v1',
      ...(await localKey()),
      'insecure-registries': value,
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`[INPUT_INVALID] input insecure-registries: "${value}"`)
    expect(run.stdout).toContain(hint)
  })

  it('a huge expiry names the input and its range, not a COSE header', async () => {
    const run = await runAction(dist('index.js'), {
      images: 'r.example/app:v1',
      ...(await localKey()),
      expiry: '99999999999w',
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('[INPUT_INVALID] input expiry must be at most 9223372036s')
    expect(run.stdout).not.toContain('COSE')
  })

  it('a TSA leaf given as timestamp-root-certificate fails before any TSA or registry call', async () => {
    const tsa = await createTsaPki()
    const run = await runAction(dist('index.js'), {
      images: 'r.example/app:v1',
      ...(await localKey()),
      'timestamp-url': 'http://127.0.0.1:9/unused',
      'timestamp-root-certificate': tsa.leaf.pem,
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '[INPUT_INVALID] input timestamp-root-certificate: the certificate',
    )
    expect(run.stdout).toContain('is not self-signed')
    expect(run.stdout).not.toContain('r.example')
  })
})
