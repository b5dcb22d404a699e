/**
 * The committed bundles run as a runner runs them: a fresh node process, INPUT_* variables, no
 * node_modules. Bad or missing inputs fail at once with one clear message naming the input.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
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
      'not both',
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
  ])('rejects %o', async (inputs, message) => {
    const run = await runAction(dist('index.js'), inputs)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(message)
    // The job summary says it too, for the image the step was given.
    expect(run.summary).toContain('❌ nothing signed: [INPUT_')
    expect(run.summary).toContain('| ❌ | r.example/app:v1 | not signed: [INPUT_')
    expect(run.summary).toContain(message)
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
