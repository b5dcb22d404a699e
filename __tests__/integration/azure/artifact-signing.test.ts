/**
 * The Artifact Signing signer against the mock data plane over real HTTP (in-process, http mode:
 * Node reads NODE_EXTRA_CA_CERTS only at start-up; the HTTPS + real-credential path is covered by
 * federation.test.ts in child processes). Tokens come from the mock Entra's key via stubCredential.
 */
import { constants, verify, X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createArtifactSigningSigner,
  type ArtifactSigningSignerOptions,
} from '../../../src/azure/artifact-signing.js'
import { ActionError } from '../../../src/errors.js'
import { recordingLogger } from '../../../src/log.js'
import { createTransport } from '../../../src/net/transport.js'
import {
  MOCK_ACCOUNT,
  MOCK_PROFILE,
  startAzureMocks,
  type AzureMocks,
} from '../../../testbed/mocks/index.js'
import { leakedSecrets, opensslVerify } from './helpers.js'

const payload = new TextEncoder().encode("[\"Signature1\", h'a10126', h'', h'7b7d']")
let mocks: AzureMocks

beforeAll(async () => {
  mocks = await startAzureMocks({
    dataPlaneProtocol: 'http',
    retryAfterSeconds: 0,
    accounts: [
      {
        name: MOCK_ACCOUNT,
        profiles: [
          { name: MOCK_PROFILE },
          {
            name: 'private-profile',
            trust: 'PrivateTrust',
            subject: 'C=DE, ST=Berlin, O=Private Org, OU=Signing, CN=Private Org',
          },
          { name: 'slow-profile', pollsBeforeSuccess: 3 },
          { name: 'locked-profile', grants: ['someone-else'] },
        ],
      },
      { name: 'sick-account', healthy: false, profiles: [{ name: MOCK_PROFILE }] },
    ],
  })
}, 120_000)

afterAll(async () => {
  await mocks?.stop()
})

function signer(extra: Partial<ArtifactSigningSignerOptions> = {}) {
  const logger = recordingLogger()
  const s = createArtifactSigningSigner({
    endpoint: `${mocks.dataPlaneUrl}/`,
    accountName: MOCK_ACCOUNT,
    certificateProfile: MOCK_PROFILE,
    credential: mocks.stubCredential(),
    transport: createTransport({ baseDelayMs: 5, logger }),
    logger,
    ...extra,
  })
  return { s, logger }
}

async function failure(p: Promise<unknown>): Promise<ActionError> {
  try {
    await p
  } catch (err) {
    if (err instanceof ActionError) return err
    throw err
  }
  throw new Error('did not throw')
}

function since(start: number) {
  return mocks.requests.slice(start).filter((r) => r.service === 'artifact-signing')
}

describe.each(['2022-06-15-preview', '2023-06-15-preview', '2024-06-15'])(
  'api-version %s',
  (apiVersion) => {
    it('signs; the signature verifies with node:crypto and openssl against the mock root', async () => {
      const start = mocks.requests.length
      const { s, logger } = signer({ apiVersion })
      const r = await s.sign(payload)
      const leaf = new X509Certificate(r.certificateChain[0] as Uint8Array)
      expect(
        verify(
          'sha384',
          payload,
          { key: leaf.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
          r.signature,
        ),
      ).toBe(true)
      const root = mocks.profile().chain.root
      expect(r.certificateChain).toEqual([
        mocks.profile().chain.leaf.der,
        mocks.profile().chain.issuing.der,
        root.der,
      ])
      const ossl = await opensslVerify(payload, r.signature, r.certificateChain, root.der)
      expect(ossl.chain).toMatch(/leaf\.pem: OK/)
      expect(ossl.signature).toBe('Verified OK')

      const reqs = since(start)
      const dialectA = apiVersion.startsWith('2022')
      expect(reqs.map((q) => `${q.method} ${q.path}`)).toEqual([
        `POST /codesigningaccounts/mock-account/certificateprofiles/mock-profile${dialectA ? '/sign' : ':sign'}`,
        expect.stringMatching(
          /^GET \/codesigningaccounts\/mock-account\/certificateprofiles\/mock-profile\/sign\/[0-9a-f-]{36}$/,
        ),
        expect.stringMatching(/^GET .*\/sign\/[0-9a-f-]{36}$/),
      ])
      expect(reqs.every((q) => q.query['api-version'] === apiVersion)).toBe(true)
      expect(JSON.parse(reqs[0]?.body ?? '')).toEqual({
        signatureAlgorithm: 'PS384',
        digest: expect.stringMatching(/^[A-Za-z0-9+/]{64}$/),
      })
      expect(reqs[0]?.headers['authorization']).toMatch(/^Bearer ey/)
      expect(logger.lines.join('\n')).toContain(
        'root "C=US, O=Mock Signing Corporation, CN=Mock Identity Verification Root Certificate Authority 2020"',
      )
      expect(leakedSecrets(logger.lines.join('\n'), mocks.issuedSecrets)).toEqual([])
    })

    it.each(['fail-op', 'timeout-op', 'cancel-op'])(
      '%s → SIGNER_OPERATION_FAILED',
      async (fault) => {
        mocks.setFaults([fault])
        try {
          const e = await failure(signer({ apiVersion }).s.sign(payload))
          expect(e.code).toBe('SIGNER_OPERATION_FAILED')
          expect(e.message).toMatch(/Failed|TimedOut|Canceled/)
        } finally {
          mocks.setFaults([])
        }
      },
    )
  },
)

describe('mock fault plan → client behaviour', () => {
  it('429 twice then success, honouring Retry-After', async () => {
    mocks.setFaults(['sign:throttle:2:1'])
    const start = mocks.requests.length
    await signer().s.sign(payload)
    const posts = since(start).filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(3)
    expect((posts[1]?.time ?? 0) - (posts[0]?.time ?? 0)).toBeGreaterThanOrEqual(900)
    mocks.setFaults([])
  })

  it('429 with retry-after-ms and an HTTP-date Retry-After', async () => {
    mocks.setFaults(['sign:throttle-ms:1:30', 'poll:throttle-date:1:1'])
    await signer().s.sign(payload)
    mocks.setFaults([])
  })

  it('503 on a poll is retried', async () => {
    mocks.setFaults(['poll:5xx:1:503:0'])
    const start = mocks.requests.length
    await signer().s.sign(payload)
    expect(since(start).filter((r) => r.method === 'GET')).toHaveLength(3)
    mocks.setFaults([])
  })

  it('a connection reset is retried', async () => {
    mocks.setFaults(['sign:reset:1'])
    await signer().s.sign(payload)
    mocks.setFaults([])
  })

  it('5xx that outlasts the retries → SIGNER_SERVICE_ERROR', async () => {
    mocks.setFaults(['sign:5xx:10:500'])
    const e = await failure(signer().s.sign(payload))
    expect(e.code).toBe('SIGNER_SERVICE_ERROR')
    expect(e.message).toContain('InternalServerError')
    mocks.setFaults([])
  })

  it('429 that outlasts the retries → SIGNER_THROTTLED', async () => {
    mocks.setFaults(['throttle:10:0'])
    expect((await failure(signer().s.sign(payload))).code).toBe('SIGNER_THROTTLED')
    mocks.setFaults([])
  })

  it.each([
    ['403-empty', 'SIGNER_FORBIDDEN', /Artifact Signing Certificate Profile Signer/],
    ['401', 'SIGNER_UNAUTHORIZED', /codesigning\.azure\.net/],
    ['404-errorDetail', 'SIGNER_NOT_FOUND', /artifact-signing-account/],
  ])('%s → %s', async (fault, code, remedy) => {
    mocks.setFaults([fault])
    const e = await failure(signer().s.sign(payload))
    expect(e.code).toBe(code)
    expect(e.remedy).toMatch(remedy)
    mocks.setFaults([])
  })

  it('never-finish → SIGNER_DEADLINE_EXCEEDED at the deadline', async () => {
    mocks.setFaults(['never-finish'])
    const t0 = Date.now()
    const e = await failure(signer({ signTimeoutMs: 1500 }).s.sign(payload))
    expect(e.code).toBe('SIGNER_DEADLINE_EXCEEDED')
    expect(Date.now() - t0).toBeLessThan(5000)
    mocks.setFaults([])
  })

  it('wrong-key → SIGNER_SIGNATURE_MISMATCH', async () => {
    mocks.setFaults(['wrong-key'])
    expect((await failure(signer().s.sign(payload))).code).toBe('SIGNER_SIGNATURE_MISMATCH')
    mocks.setFaults([])
  })

  it.each(['bad-cert-order', 'single-b64', 'no-econtent', 'bad-cert-order,no-econtent'])(
    '%s still yields leaf → root',
    async (faults) => {
      mocks.setFaults(faults.split(','))
      for (let i = 0; i < 3; i++) {
        const r = await signer().s.sign(payload)
        const c = mocks.profile().chain
        expect(r.certificateChain).toEqual([c.leaf.der, c.issuing.der, c.root.der])
      }
      mocks.setFaults([])
    },
  )

  it('per-request faults through the x-mock-fault header are not recorded', async () => {
    const start = mocks.requests.length
    const res = await fetch(
      `${mocks.dataPlaneUrl}/codesigningaccounts/a/certificateprofiles/p/sign`,
      {
        method: 'POST',
        headers: { 'x-mock-fault': '5xx:1:502' },
      },
    )
    expect(res.status).toBe(502)
    expect(mocks.requests[start]?.headers['x-mock-fault']).toBeUndefined()
  })
})

describe('accounts and profiles', () => {
  it('a Private Trust profile chains to the Enterprise root and logs it', async () => {
    const { s, logger } = signer({
      certificateProfile: 'private-profile',
      apiVersion: '2023-06-15-preview',
    })
    const r = await s.sign(payload)
    expect(new X509Certificate(r.certificateChain[0] as Uint8Array).subject).toContain(
      'O=Private Org',
    )
    expect(logger.lines.join('\n')).toContain('Mock Enterprise Identity Verification Root')
  })

  it('waits as many polls as the operation takes', async () => {
    const start = mocks.requests.length
    await signer({ certificateProfile: 'slow-profile' }).s.sign(payload)
    expect(since(start).filter((r) => r.method === 'GET')).toHaveLength(4)
  })

  it('a profile the identity has no role on → 403', async () => {
    expect(
      (await failure(signer({ certificateProfile: 'locked-profile' }).s.sign(payload))).code,
    ).toBe('SIGNER_FORBIDDEN')
  })

  it('an unhealthy account → 403', async () => {
    expect((await failure(signer({ accountName: 'sick-account' }).s.sign(payload))).code).toBe(
      'SIGNER_FORBIDDEN',
    )
  })

  it('an unknown profile → 403 (the service default)', async () => {
    expect(
      (await failure(signer({ certificateProfile: 'no-such-profile' }).s.sign(payload))).code,
    ).toBe('SIGNER_FORBIDDEN')
  })

  it('an api-version the route does not accept → 400 with the errorDetail', async () => {
    const e = await failure(signer({ apiVersion: '2024-02-05-preview' }).s.sign(payload))
    expect(e.code).toBe('SIGNER_BAD_REQUEST')
    expect(e.message).toContain('UnsupportedApiVersion')
  })

  it('a token for another resource → 401', async () => {
    const cred = mocks.stubCredential()
    const wrongAudience = {
      clientId: cred.clientId,
      getToken: () => cred.getToken('https://containerregistry.azure.net/.default'),
    }
    expect((await failure(signer({ credential: wrongAudience }).s.sign(payload))).code).toBe(
      'SIGNER_UNAUTHORIZED',
    )
  })
})

describe('mock contract (routes the signer does not use)', () => {
  async function get(path: string, apiVersion: string): Promise<Response> {
    const { token } = await mocks
      .stubCredential()
      .getToken('https://codesigning.azure.net/.default')
    return fetch(
      `${mocks.dataPlaneUrl}/codesigningaccounts/mock-account/certificateprofiles/mock-profile${path}?api-version=${apiVersion}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    )
  }

  it('eku in both shapes, rootcert DER, certchain root → leaf', async () => {
    const eku = mocks.profile().chain.eku
    expect(await (await get('/sign/eku', '2022-06-15-preview')).json()).toEqual([eku])
    expect(await (await get('/sign/eku', '2023-06-15-preview')).json()).toEqual({
      value: [{ eku }],
      nextLink: null,
    })
    const root = await get('/sign/rootcert', '2023-06-15-preview')
    expect(root.headers.get('content-type')).toBe('application/x-x509-ca-cert')
    expect(new Uint8Array(await root.arrayBuffer())).toEqual(mocks.profile().chain.root.der)
    const chain = await get('/sign/certchain', '2024-06-15')
    expect(chain.headers.get('content-type')).toBe('application/pkcs7-mime')
    const { parseCertsOnlyPkcs7 } = await import('../../../src/azure/chain.js')
    const certs = parseCertsOnlyPkcs7(new Uint8Array(await chain.arrayBuffer())).certificates
    expect(certs[0]).toEqual(mocks.profile().chain.root.der)
    expect(certs[2]).toEqual(mocks.profile().chain.leaf.der)
  })

  it('unknown operation → 404 errorDetail; // → 404; 202 carries Retry-After and mise-correlation-id', async () => {
    const res = await get('/sign/00000000-0000-0000-0000-000000000000', '2022-06-15-preview')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      errorDetail: { code: 'NotFound', message: 'Operation not found.', target: null },
    })
    const slash = await fetch(
      `${mocks.dataPlaneUrl}//codesigningaccounts/mock-account/certificateprofiles/mock-profile/sign`,
      { method: 'POST' },
    )
    expect(slash.status).toBe(404)
    const { token } = await mocks
      .stubCredential()
      .getToken('https://codesigning.azure.net/.default')
    const post = await fetch(
      `${mocks.dataPlaneUrl}/codesigningaccounts/mock-account/certificateprofiles/mock-profile:sign?api-version=2023-06-15-preview`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          signatureAlgorithm: 'PS384',
          digest: Buffer.alloc(48).toString('base64'),
        }),
      },
    )
    expect(post.status).toBe(202)
    expect(post.headers.get('operation-location')).toMatch(
      /\/sign\/[0-9a-f-]{36}\?api-version=2023-06-15-preview$/,
    )
    expect(post.headers.get('mise-correlation-id')).toBeTruthy()
    expect(post.headers.get('api-supported-versions')).toBe('2023-06-15-preview')
    const bad = await fetch(
      post.url.replace(':sign', '/sign').replace('2023-06-15-preview', '2022-06-15-preview'),
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ signatureAlgorithm: 'PS384', digest: 'AAAA' }),
      },
    )
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    expect(((await bad.json()) as { errors: Record<string, unknown> }).errors).toHaveProperty(
      'digest',
    )
  })
})
