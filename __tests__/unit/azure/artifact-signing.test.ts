import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  createArtifactSigningSigner,
  dialectFor,
  normalizeEndpoint,
  readOperation,
  type ArtifactSigningSignerOptions,
} from '../../../src/azure/artifact-signing.js'
import { AzureAuthError } from '../../../src/azure/errors.js'
import { ActionError, ConfigError } from '../../../src/errors.js'
import { recordingLogger } from '../../../src/log.js'
import { TransportError, type HttpRequest, type Transport } from '../../../src/net/transport.js'
import { testKey } from '../../../testbed/pki.js'
import { signDigestPss } from '../../../testbed/mocks/pss.js'
import { VERSION } from '../../../src/version.js'
import {
  certsOnlyPkcs7,
  createMockSigningChain,
  encodeSigningCertificate,
  type MockSigningChain,
} from '../../../testbed/mocks/signing-pki.js'
import { httpResponse, scriptedTransport } from '../../helpers/http.js'

const ENDPOINT = 'https://eus.codesigning.azure.net'
const TOKEN =
  'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL2NvZGVzaWduaW5nLmF6dXJlLm5ldCJ9.c2VjcmV0LXNpZ25hdHVyZQ'
const tbs = new TextEncoder().encode('to be signed')
const digestB64 = createHash('sha384').update(tbs).digest('base64')
let chain: MockSigningChain

beforeAll(async () => {
  chain = await createMockSigningChain({ key: testKey('rsa3072', 'unit-signer-leaf') })
})

const response = httpResponse
const fakeTransport = scriptedTransport

function success(opts: { wrongKey?: boolean; order?: 'shuffled'; single?: boolean } = {}): {
  signature: string
  signingCertificate: string
} {
  const key = opts.wrongKey ? testKey('rsa3072', 'unit-signer-wrong') : chain.leaf.key
  const signature = signDigestPss(key, Buffer.from(digestB64, 'base64'), 'sha384').toString(
    'base64',
  )
  const certs =
    opts.order === 'shuffled'
      ? [chain.root.der, chain.leaf.der, chain.issuing.der]
      : [chain.leaf.der, chain.issuing.der, chain.root.der]
  return {
    signature,
    signingCertificate: encodeSigningCertificate(
      certsOnlyPkcs7(certs, chain.leaf.der),
      opts.single,
    ),
  }
}

const flat = (
  id: string,
  status: string,
  fields: Partial<ReturnType<typeof success>> = {},
): unknown => ({
  operationId: id,
  status,
  signature: fields.signature ?? null,
  signingCertificate: fields.signingCertificate ?? null,
})
const wrapped = (
  id: string,
  status: string,
  fields: Partial<ReturnType<typeof success>> = {},
  errorResponse: unknown = null,
): unknown => ({
  id,
  status,
  result: status === 'Failed' ? null : flat(id, status, fields),
  errorResponse,
})

function clock(): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let t = 1_000_000
  const sleeps: number[] = []
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms)
      t += ms
    },
    sleeps,
  }
}

function signer(transport: Transport, extra: Partial<ArtifactSigningSignerOptions> = {}) {
  const c = clock()
  const logger = recordingLogger()
  const s = createArtifactSigningSigner({
    endpoint: `${ENDPOINT}//`,
    accountName: 'Mock-Account',
    certificateProfile: 'Mock-Profile-1',
    credential: {
      getToken: async () => ({ token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
    },
    transport,
    logger,
    now: c.now,
    sleep: c.sleep,
    ...extra,
  })
  return { s, c, logger }
}

async function codeOf(
  p: Promise<unknown>,
): Promise<{ code?: string; message: string; remedy?: string; status?: number }> {
  try {
    await p
  } catch (err) {
    if (err instanceof ActionError) {
      return {
        code: err.code,
        message: err.message,
        remedy: err.remedy,
        status: (err as { status?: number }).status,
      }
    }
    return { message: String(err) }
  }
  return { message: 'did not throw' }
}

describe('dialect A (2022-06-15-preview)', () => {
  it('POSTs /sign with the SHA-384 digest and polls /sign/{operationId}', async () => {
    const fields = success()
    const t = fakeTransport((_req, i) =>
      i === 0
        ? response(202, flat('op-1', 'InProgress'))
        : i === 1
          ? response(200, flat('op-1', 'InProgress'))
          : response(200, flat('op-1', 'Succeeded', fields)),
    )
    const { s, c, logger } = signer(t, { correlationId: 'run-42-1' })
    expect(s.dialect).toBe('A')
    expect(s.keySpec).toBe('RSA-3072')
    expect(s.algorithm).toBe('PS384')
    const result = await s.sign(tbs)
    const [post, poll1, poll2] = t.requests as [HttpRequest, HttpRequest, HttpRequest]
    expect(post.method).toBe('POST')
    expect(String(post.url)).toBe(
      `${ENDPOINT}/codesigningaccounts/mock-account/certificateprofiles/mock-profile-1/sign?api-version=2022-06-15-preview`,
    )
    expect(JSON.parse(String(post.body))).toEqual({
      signatureAlgorithm: 'PS384',
      digest: digestB64,
    })
    expect(post.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'client-version': `oci-notary-action::${VERSION}`,
      'x-correlation-id': 'run-42-1',
    })
    expect(post.followRedirects).toBe(false)
    expect(poll1.method).toBe('GET')
    expect(String(poll1.url)).toBe(
      `${ENDPOINT}/codesigningaccounts/mock-account/certificateprofiles/mock-profile-1/sign/op-1?api-version=2022-06-15-preview`,
    )
    expect(poll1.body).toBeUndefined()
    expect(poll2.url).toBe(poll1.url)
    // The first poll goes out after 100 ms, later ones after the (default 1 s) Retry-After.
    expect(c.sleeps).toEqual([100, 1000])
    expect(Buffer.from(result.signature).toString('base64')).toBe(fields.signature)
    expect(result.certificateChain).toEqual([chain.leaf.der, chain.issuing.der, chain.root.der])
    expect(logger.lines.join('\n')).toContain(
      'Mock Identity Verification Root Certificate Authority 2020',
    )
    expect(logger.lines.join('\n')).not.toContain(TOKEN)
    expect(logger.lines.join('\n')).not.toContain(TOKEN.split('.')[2])
  })

  it('accepts an immediate Succeeded without polling', async () => {
    const t = fakeTransport(() => response(200, flat('op-2', 'Succeeded', success())))
    const { s, c } = signer(t)
    await s.sign(tbs)
    expect(t.requests).toHaveLength(1)
    expect(c.sleeps).toEqual([])
  })

  it('rejects an operation id that is not a safe path segment', async () => {
    const t = fakeTransport(() => response(202, flat('../../x', 'InProgress')))
    expect((await codeOf(signer(t).s.sign(tbs))).code).toBe('SIGNER_RESPONSE_INVALID')
  })
})

describe('dialect B/C (2023-06-15-preview, 2024-06-15)', () => {
  it.each(['2023-06-15-preview', '2024-06-15'])(
    '%s: POSTs :sign and polls Operation-Location honouring Retry-After',
    async (version) => {
      const loc = `${ENDPOINT}/codesigningaccounts/mock-account/certificateprofiles/mock-profile-1/sign/op-b?api-version=${version}`
      const t = fakeTransport((_req, i) =>
        i === 0
          ? response(202, wrapped('op-b', 'InProgress'), {
              'operation-location': loc,
              'retry-after': '2',
            })
          : i === 1
            ? response(200, wrapped('op-b', 'Running'), { 'retry-after': '3' })
            : i === 2
              ? response(200, wrapped('op-b', 'NotStarted'))
              : response(200, wrapped('op-b', 'Succeeded', success({ order: 'shuffled' }))),
      )
      const { s, c } = signer(t, { apiVersion: version })
      expect(s.dialect).toBe('B')
      const r = await s.sign(tbs)
      expect(String(t.requests[0]?.url)).toBe(
        `${ENDPOINT}/codesigningaccounts/mock-account/certificateprofiles/mock-profile-1:sign?api-version=${version}`,
      )
      expect(JSON.parse(String(t.requests[0]?.body))).toEqual({
        signatureAlgorithm: 'PS384',
        digest: digestB64,
      })
      expect(t.requests.slice(1).map((r) => String(r.url))).toEqual([loc, loc, loc])
      // First poll soon (not after the hinted 2 s), then each Retry-After (3 s, then the default).
      expect(c.sleeps).toEqual([100, 3000, 1000])
      expect(r.certificateChain).toEqual([chain.leaf.der, chain.issuing.der, chain.root.der])
    },
  )

  it('adds api-version to an Operation-Location without one', async () => {
    const t = fakeTransport((_r, i) =>
      i === 0
        ? response(202, wrapped('op-c', 'InProgress'), {
            'operation-location': `${ENDPOINT}/codesigningaccounts/a/certificateprofiles/p/sign/op-c`,
          })
        : response(200, wrapped('op-c', 'Succeeded', success())),
    )
    await signer(t, { apiVersion: '2023-06-15-preview' }).s.sign(tbs)
    expect(String(t.requests[1]?.url)).toBe(
      `${ENDPOINT}/codesigningaccounts/a/certificateprofiles/p/sign/op-c?api-version=2023-06-15-preview`,
    )
  })

  it('never sends the token to an Operation-Location on another origin', async () => {
    const t = fakeTransport((_r, i) =>
      i === 0
        ? response(202, wrapped('op-d', 'InProgress'), {
            'operation-location': 'https://evil.example/sign/op-d',
          })
        : response(200, wrapped('op-d', 'Succeeded', success())),
    )
    const { s, logger } = signer(t, { apiVersion: '2023-06-15-preview' })
    await s.sign(tbs)
    expect(String(t.requests[1]?.url)).toBe(
      `${ENDPOINT}/codesigningaccounts/mock-account/certificateprofiles/mock-profile-1/sign/op-d?api-version=2023-06-15-preview`,
    )
    expect(logger.lines.some((l) => l.startsWith('warning:') && l.includes('evil.example'))).toBe(
      true,
    )
  })

  it('surfaces errorResponse of a Failed operation', async () => {
    const t = fakeTransport((_r, i) =>
      i === 0
        ? response(202, wrapped('op-e', 'InProgress'))
        : response(
            200,
            wrapped(
              'op-e',
              'Failed',
              {},
              { errorDetail: { code: 'SigningFailed', message: 'HSM said no', target: null } },
            ),
          ),
    )
    const e = await codeOf(signer(t, { apiVersion: '2023-06-15-preview' }).s.sign(tbs))
    expect(e.code).toBe('SIGNER_OPERATION_FAILED')
    expect(e.message).toContain('SigningFailed: HSM said no')
  })

  it('polls by id when there is no Operation-Location', async () => {
    const t = fakeTransport((_r, i) =>
      i === 0
        ? response(202, wrapped('op-f', 'InProgress'))
        : response(200, wrapped('op-f', 'Succeeded', success())),
    )
    await signer(t, { apiVersion: '2023-06-15-preview' }).s.sign(tbs)
    expect(String(t.requests[1]?.url)).toContain('/sign/op-f?api-version=2023-06-15-preview')
  })
})

describe('operation statuses', () => {
  it.each(['Failed', 'TimedOut', 'Canceled', 'NotFound', 'Weird'])(
    '%s is SIGNER_OPERATION_FAILED',
    async (status) => {
      const t = fakeTransport((_r, i) =>
        i === 0 ? response(202, flat('op', 'InProgress')) : response(200, flat('op', status)),
      )
      const e = await codeOf(signer(t).s.sign(tbs))
      expect(e.code).toBe('SIGNER_OPERATION_FAILED')
      expect(e.message).toContain(status)
      expect(e.remedy).toBeTruthy()
    },
  )

  it('stops at the deadline with a clear message', async () => {
    const t = fakeTransport((_r, i) =>
      i === 0
        ? response(202, flat('op-slow', 'InProgress'))
        : response(200, flat('op-slow', 'InProgress')),
    )
    const { s, c } = signer(t, { signTimeoutMs: 5000 })
    const e = await codeOf(s.sign(tbs))
    expect(e.code).toBe('SIGNER_DEADLINE_EXCEEDED')
    expect(e.message).toMatch(
      /op-slow was still InProgress after 4 s \(5 polls\); the limit is 5 s/,
    )
    expect(e.remedy).toContain('artifact-signing-timeout')
    expect(c.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5000)
  })

  it('a succeeded operation without a signature is SIGNER_RESPONSE_INVALID', async () => {
    const t = fakeTransport(() =>
      response(200, flat('op', 'Succeeded', { signingCertificate: success().signingCertificate })),
    )
    expect((await codeOf(signer(t).s.sign(tbs))).code).toBe('SIGNER_RESPONSE_INVALID')
  })

  it('a body without status is SIGNER_RESPONSE_INVALID', async () => {
    expect(
      (await codeOf(signer(fakeTransport(() => response(202, { foo: 1 }))).s.sign(tbs))).code,
    ).toBe('SIGNER_RESPONSE_INVALID')
    expect(
      (await codeOf(signer(fakeTransport(() => response(202, 'not json'))).s.sign(tbs))).code,
    ).toBe('SIGNER_RESPONSE_INVALID')
  })

  it('readOperation reads both shapes', () => {
    expect(
      readOperation(flat('x', 'Succeeded', { signature: 'AA==', signingCertificate: 'BB==' })),
    ).toEqual({
      id: 'x',
      status: 'Succeeded',
      signature: 'AA==',
      signingCertificate: 'BB==',
    })
    expect(
      readOperation(wrapped('y', 'Succeeded', { signature: 'AA==', signingCertificate: 'BB==' })),
    ).toMatchObject({
      id: 'y',
      signature: 'AA==',
    })
  })
})

describe('result checks', () => {
  it('a signature that does not match the leaf is SIGNER_SIGNATURE_MISMATCH', async () => {
    const t = fakeTransport(() =>
      response(200, flat('op', 'Succeeded', success({ wrongKey: true }))),
    )
    expect((await codeOf(signer(t).s.sign(tbs))).code).toBe('SIGNER_SIGNATURE_MISMATCH')
  })

  it('tolerates a single-encoded signingCertificate', async () => {
    const t = fakeTransport(() => response(200, flat('op', 'Succeeded', success({ single: true }))))
    expect((await signer(t).s.sign(tbs)).certificateChain).toHaveLength(3)
  })
})

describe('HTTP errors → coded errors with remedies', () => {
  it('401 names the federated subject to configure', async () => {
    const t = fakeTransport(() => response(401))
    const credential = {
      clientId: 'client-123',
      getToken: async () => ({ token: TOKEN, expiresOnTimestamp: 0 }),
      federatedIdentity: () => ({
        issuer: 'https://token.actions.githubusercontent.com',
        subject: 'repo:o/r:environment:prod',
        audience: 'api://AzureADTokenExchange',
        clientId: 'client-123',
      }),
    }
    const e = await codeOf(signer(t, { credential }).s.sign(tbs))
    expect(e.code).toBe('SIGNER_UNAUTHORIZED')
    expect(e.status).toBe(401)
    expect(e.remedy).toContain('subject "repo:o/r:environment:prod"')
    expect(e.remedy).toContain('client id client-123')
    expect(`${e.message} ${e.remedy}`).not.toContain(TOKEN)
  })

  it('403 (empty body) asks for the signer role and checks the region', async () => {
    const e = await codeOf(signer(fakeTransport(() => response(403))).s.sign(tbs))
    expect(e.code).toBe('SIGNER_FORBIDDEN')
    expect(e.remedy).toContain('"Artifact Signing Certificate Profile Signer"')
    expect(e.remedy).toContain('"Mock-Profile-1"')
    expect(e.remedy).toMatch(/region/)
  })

  it('404 errorDetail names the account and profile inputs', async () => {
    const e = await codeOf(
      signer(
        fakeTransport(() =>
          response(404, {
            errorDetail: {
              code: 'InternalError',
              message: 'Response status code does not indicate success: 403 (Forbidden).',
              target: null,
            },
          }),
        ),
      ).s.sign(tbs),
    )
    expect(e.code).toBe('SIGNER_NOT_FOUND')
    expect(e.message).toContain('InternalError')
    expect(e.remedy).toContain('artifact-signing-account')
    expect(e.remedy).toContain('artifact-signing-certificate-profile')
  })

  it('400 shows the ProblemDetails errors', async () => {
    const body = {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors: { digest: ['The digest field is required.'], signatureAlgorithm: ['Bad.'] },
    }
    const e = await codeOf(signer(fakeTransport(() => response(400, body))).s.sign(tbs))
    expect(e.code).toBe('SIGNER_BAD_REQUEST')
    expect(e.message).toContain('digest: The digest field is required.; signatureAlgorithm: Bad.')
  })

  it.each([
    [429, 'SIGNER_THROTTLED'],
    [503, 'SIGNER_SERVICE_ERROR'],
    [500, 'SIGNER_SERVICE_ERROR'],
    [418, 'SIGNER_SERVICE_ERROR'],
  ])('%i (after the transport gave up) is %s', async (status, code) => {
    const e = await codeOf(signer(fakeTransport(() => response(status))).s.sign(tbs))
    expect(e.code).toBe(code)
    expect(e.remedy).toBeTruthy()
  })

  it('a poll error is mapped too', async () => {
    const t = fakeTransport((_r, i) =>
      i === 0
        ? response(202, flat('gone', 'InProgress'))
        : response(404, { errorDetail: { code: 'NotFound', message: 'Operation not found.' } }),
    )
    const e = await codeOf(signer(t).s.sign(tbs))
    expect(e.code).toBe('SIGNER_NOT_FOUND')
    expect(e.message).toContain('sign status poll')
  })

  it('a transport failure is SIGNER_NETWORK', async () => {
    const t = fakeTransport(() => {
      throw new TransportError(
        'NETWORK',
        'POST https://eus.codesigning.azure.net/x failed: ECONNRESET',
      )
    })
    expect((await codeOf(signer(t).s.sign(tbs))).code).toBe('SIGNER_NETWORK')
  })

  it('credential failures: coded errors pass through, others become SIGNER_TOKEN', async () => {
    const t = fakeTransport(() => response(500))
    const coded = new AzureAuthError('AZURE_FEDERATION_MISMATCH', 'no match', { remedy: 'add one' })
    expect(
      (
        await codeOf(
          signer(t, { credential: { getToken: () => Promise.reject(coded) } }).s.sign(tbs),
        )
      ).code,
    ).toBe('AZURE_FEDERATION_MISMATCH')
    expect(
      (
        await codeOf(
          signer(t, { credential: { getToken: () => Promise.reject(new Error('x')) } }).s.sign(tbs),
        )
      ).code,
    ).toBe('SIGNER_TOKEN')
    expect(
      (await codeOf(signer(t, { credential: { getToken: async () => null } }).s.sign(tbs))).code,
    ).toBe('SIGNER_TOKEN')
    expect(t.requests).toHaveLength(0)
  })
})

describe('input validation', () => {
  it.each([
    ['https://eus.codesigning.azure.net/', 'https://eus.codesigning.azure.net'],
    ['https://eus.codesigning.azure.net///', 'https://eus.codesigning.azure.net'],
    ['  https://EUS.codesigning.azure.net ', 'https://eus.codesigning.azure.net'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://localhost:1/base/', 'http://localhost:1/base'],
  ])('normalizeEndpoint(%s) = %s', (input, expected) => {
    expect(normalizeEndpoint(input)).toBe(expected)
  })

  it.each([
    'http://eus.codesigning.azure.net',
    'not a url',
    'https://x.test/?a=1',
    'https://u:p@x.test',
    'ftp://x.test',
    // issue 11 item 10: a host outside *.codesigning.azure.net would receive the token
    'https://eus.codesigning.azure.net.evil.com',
    'https://x.test',
  ])('rejects the endpoint %s naming artifact-signing-endpoint', (endpoint) => {
    expect(() => normalizeEndpoint(endpoint)).toThrow(ConfigError)
    expect(() => normalizeEndpoint(endpoint)).toThrow(/artifact-signing-endpoint/)
  })

  const base = {
    endpoint: ENDPOINT,
    accountName: 'acct',
    certificateProfile: 'profile',
    credential: { getToken: async () => null },
    transport: fakeTransport(() => response(500)),
  }
  it.each([
    ['ab', 'artifact-signing-account'],
    ['1abc', 'artifact-signing-account'],
    ['a'.repeat(25), 'artifact-signing-account'],
    ['ab--cd', 'artifact-signing-account'],
    ['my_acct', 'artifact-signing-account'],
  ])('rejects the account name %s', (name, input) => {
    expect(() => createArtifactSigningSigner({ ...base, accountName: name })).toThrow(input)
  })

  it.each(['prof', '9profile', 'pro file', 'p'.repeat(101)])(
    'rejects the profile name %s',
    (name) => {
      expect(() => createArtifactSigningSigner({ ...base, certificateProfile: name })).toThrow(
        'artifact-signing-certificate-profile',
      )
    },
  )

  it('api-versions: dialects, unknown-but-plausible warns, nonsense is refused', () => {
    expect(dialectFor('2022-06-15-preview')).toBe('A')
    expect(dialectFor('2023-06-15-preview')).toBe('B')
    expect(dialectFor('2024-06-15')).toBe('B')
    expect(() => dialectFor('latest')).toThrow(/artifact-signing-api-version/)
    expect(() => dialectFor('2021-08-01-privatepreview')).toThrow(ConfigError)
    const logger = recordingLogger()
    const s = createArtifactSigningSigner({ ...base, apiVersion: '2024-02-05-preview', logger })
    expect(s.dialect).toBe('B')
    expect(logger.lines[0]).toMatch(/^warning: artifact-signing-api-version 2024-02-05-preview/)
  })

  it('rejects a non-positive timeout', () => {
    expect(() => createArtifactSigningSigner({ ...base, signTimeoutMs: 0 })).toThrow(
      /artifact-signing-timeout/,
    )
  })

  it('describes itself without secrets', () => {
    expect(createArtifactSigningSigner(base).description).toBe(
      'artifact signing eus.codesigning.azure.net/acct/profile',
    )
  })
})

describe('api-version fallback on a refusal before authentication', () => {
  const preAuth = (status: number) => response(status, '', {})
  const authenticated = (status: number) => response(status, '', { 'mise-correlation-id': 'c-1' })

  it('a 401 without correlation id on the /sign form is retried once with :sign 2024-06-15, which is then kept', async () => {
    const t = fakeTransport((req) => {
      const url = String(req.url)
      if (url.includes('/sign?api-version=2022-06-15-preview')) return preAuth(401)
      if (url.includes(':sign?api-version=2024-06-15'))
        return response(202, wrapped('op-x', 'InProgress'))
      return response(200, wrapped('op-x', 'Succeeded', success()))
    })
    const { s, logger } = signer(t)
    expect(s.apiVersion).toBe('2022-06-15-preview')
    await s.sign(tbs)
    expect(s.apiVersion).toBe('2024-06-15')
    expect(s.dialect).toBe('B')
    expect(s.apiVersionFallbackFrom).toBe('2022-06-15-preview')
    const urls = t.requests.map((r) => String(r.url))
    expect(urls[0]).toContain('/sign?api-version=2022-06-15-preview')
    expect(urls[1]).toContain(':sign?api-version=2024-06-15')
    expect(urls[2]).toContain('/sign/op-x?api-version=2024-06-15')
    const warnings = logger.lines.filter((l) => l.startsWith('warning: '))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /refused api-version 2022-06-15-preview with HTTP 401 before authenticating.*retrying once with api-version 2024-06-15/,
    )
    // The next signature of the job goes straight to the form that worked.
    const before = t.requests.length
    await s.sign(tbs)
    expect(String(t.requests[before]?.url)).toContain(':sign?api-version=2024-06-15')
    expect(logger.lines.filter((l) => l.startsWith('warning: '))).toHaveLength(1)
  })

  it('a form-B version refused with 403 pre-auth falls back to 2022-06-15-preview', async () => {
    const t = fakeTransport((req) => {
      const url = String(req.url)
      if (url.includes(':sign?')) return preAuth(403)
      if (url.includes('/sign?api-version=2022-06-15-preview'))
        return response(202, flat('op-y', 'InProgress'))
      return response(200, flat('op-y', 'Succeeded', success()))
    })
    const { s } = signer(t, { apiVersion: '2023-06-15-preview' })
    await s.sign(tbs)
    expect(s.apiVersion).toBe('2022-06-15-preview')
    expect(s.apiVersionFallbackFrom).toBe('2023-06-15-preview')
  })

  it('a 403 the service itself answered (correlation id present) is not retried', async () => {
    const t = fakeTransport(() => authenticated(403))
    const { s } = signer(t)
    const e = await codeOf(s.sign(tbs))
    expect(e.code).toBe('SIGNER_FORBIDDEN')
    expect(t.requests).toHaveLength(1)
    expect(s.apiVersionFallbackFrom).toBeUndefined()
  })

  it('when both forms are refused the error names both and keeps the remedy', async () => {
    const t = fakeTransport(() => preAuth(403))
    const { s } = signer(t)
    const e = await codeOf(s.sign(tbs))
    expect(e.code).toBe('SIGNER_FORBIDDEN')
    expect(e.message).toContain('api-version 2022-06-15-preview was refused too (HTTP 403)')
    expect(e.remedy).toContain('Artifact Signing Certificate Profile Signer')
    expect(t.requests).toHaveLength(2)
    expect(s.apiVersion).toBe('2022-06-15-preview')
  })
})

describe('HTTP 200 with status Failed', () => {
  it.each(['2022-06-15-preview', '2024-06-15'])(
    '%s: the sign POST answered 200 Failed is SIGNER_OPERATION_FAILED with the validation-state remedy, no poll',
    async (apiVersion) => {
      const t = fakeTransport(() =>
        response(
          200,
          apiVersion.startsWith('2022') ? flat('op-f', 'Failed') : wrapped('op-f', 'Failed'),
        ),
      )
      const e = await codeOf(signer(t, { apiVersion }).s.sign(tbs))
      expect(e.code).toBe('SIGNER_OPERATION_FAILED')
      expect(e.message).toMatch(/answered with HTTP 200 and status Failed.*refused to sign/)
      expect(e.remedy).toMatch(/identity validation is Completed/)
      expect(e.remedy).toMatch(/account is active/)
      expect(t.requests).toHaveLength(1)
    },
  )
})

describe('currentChain (for skip-if-signed)', () => {
  it('reads /sign/certchain (raw DER PKCS#7, root first) and returns the chain leaf first', async () => {
    const der = certsOnlyPkcs7([chain.root.der, chain.issuing.der, chain.leaf.der])
    const t = fakeTransport(() => response(200, der, { 'content-type': 'application/pkcs7-mime' }))
    const { s } = signer(t)
    const got = await s.currentChain?.()
    expect(got?.map((c) => Buffer.from(c).toString('hex'))).toEqual(
      [chain.leaf.der, chain.issuing.der, chain.root.der].map((c) =>
        Buffer.from(c).toString('hex'),
      ),
    )
    expect(String(t.requests[0]?.url)).toBe(
      `${ENDPOINT}/codesigningaccounts/mock-account/certificateprofiles/mock-profile-1/sign/certchain?api-version=2022-06-15-preview`,
    )
    expect(t.requests[0]?.method).toBe('GET')
  })
})
