/**
 * The whole Azure path as a runner executes it, in a child Node process: the REAL @actions/core
 * getIDToken (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN) and the REAL @azure/identity
 * ClientAssertionCredential (AZURE_CLIENT_ID/TENANT_ID/AUTHORITY_HOST), unmodified, over HTTPS
 * to the mocks (NODE_EXTRA_CA_CERTS), then the signer against the HTTPS data-plane mock.
 * Everything the child prints is checked for tokens.
 */
import { request } from 'node:https'
import { constants, verify, X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  MOCK_ACCOUNT,
  MOCK_PROFILE,
  startAzureMocks,
  type AzureMocks,
} from '../../../testbed/mocks/index.js'
import { leakedSecrets, opensslVerify, runChild, type ChildRun } from './helpers.js'

const payload = Buffer.from('COSE Sig_structure for the federation test')
let mocks: AzureMocks

beforeAll(async () => {
  mocks = await startAzureMocks({ retryAfterSeconds: 0 })
}, 120_000)

afterAll(async () => {
  await mocks?.stop()
})

function signEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...mocks.childEnv(),
    CHILD_MODE: 'sign',
    CHILD_ENDPOINT: `${mocks.dataPlaneUrl}/`,
    CHILD_ACCOUNT: MOCK_ACCOUNT,
    CHILD_PROFILE: MOCK_PROFILE,
    CHILD_PAYLOAD_B64: payload.toString('base64'),
    ...extra,
  }
}

function expectNoLeaks(run: ChildRun): void {
  expect(leakedSecrets(`${run.stdout}\n${run.stderr}`, mocks.issuedSecrets)).toEqual([])
  expect(run.stdout + run.stderr).not.toContain(mocks.oidcRequestToken)
  // The only place the OIDC token appears is @actions/core's ::add-mask:: command.
  for (const line of run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'))) {
    expect(mocks.issuedSecrets).toContain(line.slice('::add-mask::'.length))
  }
}

async function signOk(
  extra: Record<string, string> = {},
): Promise<{ run: ChildRun; signatures: Buffer[]; chain: Buffer[] }> {
  const run = await runChild(signEnv(extra))
  expectNoLeaks(run)
  expect(run.result, run.stderr).toMatchObject({ ok: true })
  const r = run.result as { signatures: string[]; chain: string[] }
  return {
    run,
    signatures: r.signatures.map((s) => Buffer.from(s, 'base64')),
    chain: r.chain.map((c) => Buffer.from(c, 'base64')),
  }
}

async function signFails(
  extra: Record<string, string> = {},
): Promise<{ code: string; message: string; remedy: string; run: ChildRun }> {
  const run = await runChild(signEnv(extra))
  expectNoLeaks(run)
  expect(run.result.ok).toBe(false)
  expect(run.exitCode).toBe(1)
  return { ...(run.result as { code: string; message: string; remedy: string }), run }
}

describe('GitHub OIDC → Entra → Artifact Signing, in a child process', () => {
  it.each(['2022-06-15-preview', '2023-06-15-preview'])(
    'signs with api-version %s; node:crypto and openssl verify the result against the mock root',
    async (apiVersion) => {
      const start = mocks.requests.length
      const { run, signatures, chain } = await signOk({
        CHILD_API_VERSION: apiVersion,
        CHILD_SIGN_COUNT: '2',
      })
      const leaf = new X509Certificate(chain[0] as Buffer)
      for (const sig of signatures) {
        expect(
          verify(
            'sha384',
            payload,
            { key: leaf.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
            sig,
          ),
        ).toBe(true)
      }
      const root = mocks.profile().chain.root.der
      expect(new Uint8Array(chain[2] as Buffer)).toEqual(root)
      const ossl = await opensslVerify(payload, signatures[0] as Buffer, chain, root)
      expect(ossl).toEqual({ chain: expect.stringMatching(/OK$/), signature: 'Verified OK' })

      const reqs = mocks.requests.slice(start)
      // One ID token and one Entra exchange serve both signatures (memoised / MSAL cache).
      expect(reqs.filter((r) => r.service === 'github-oidc')).toHaveLength(1)
      expect(reqs.filter((r) => r.service === 'entra' && r.method === 'POST')).toHaveLength(1)
      const oidcReq = reqs.find((r) => r.service === 'github-oidc')
      expect(oidcReq?.query).toEqual({
        'api-version': '2.0',
        audience: 'api://AzureADTokenExchange',
      })
      expect(oidcReq?.headers['authorization']).toBe(`Bearer ${mocks.oidcRequestToken}`)
      const exchange = new URLSearchParams(
        reqs.find((r) => r.service === 'entra' && r.method === 'POST')?.body,
      )
      expect(exchange.get('scope')).toBe('https://codesigning.azure.net/.default')
      expect(exchange.get('client_id')).toBe(mocks.clientId)
      expect(exchange.get('client_assertion_type')).toBe(
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      )
      expect(
        reqs.filter((r) => r.service === 'artifact-signing' && r.method === 'POST'),
      ).toHaveLength(2)
      // No instance discovery towards login.microsoftonline.com (disableInstanceDiscovery for the mock authority).
      expect(run.stderr).not.toContain('login.microsoftonline.com')
      expect(run.stderr).toContain(`GitHub OIDC identity "${mocks.subject}"`)
      expect(run.stderr).toContain('Mock Identity Verification Root Certificate Authority 2020')
    },
    60_000,
  )

  it('429 twice then success', async () => {
    mocks.setFaults(['sign:throttle:2:1'])
    try {
      const start = mocks.requests.length
      await signOk()
      expect(
        mocks.requests
          .slice(start)
          .filter((r) => r.service === 'artifact-signing' && r.method === 'POST'),
      ).toHaveLength(3)
    } finally {
      mocks.setFaults([])
    }
  }, 60_000)

  it('503 on a poll is retried', async () => {
    mocks.setFaults(['poll:5xx:1:503:0'])
    try {
      await signOk()
    } finally {
      mocks.setFaults([])
    }
  }, 60_000)

  it('shuffled certificates still give leaf → root', async () => {
    mocks.setFaults(['bad-cert-order'])
    try {
      const { chain } = await signOk()
      const c = mocks.profile().chain
      expect(chain.map((d) => new Uint8Array(d))).toEqual([c.leaf.der, c.issuing.der, c.root.der])
    } finally {
      mocks.setFaults([])
    }
  }, 60_000)

  it('403 → the role to assign', async () => {
    mocks.setFaults(['403-empty'])
    try {
      const e = await signFails()
      expect(e.code).toBe('SIGNER_FORBIDDEN')
      expect(e.remedy).toContain('"Artifact Signing Certificate Profile Signer"')
      expect(e.remedy).toContain(mocks.clientId)
    } finally {
      mocks.setFaults([])
    }
  }, 60_000)

  it('401 → the federated subject of this job', async () => {
    mocks.setFaults(['401'])
    try {
      const e = await signFails()
      expect(e.code).toBe('SIGNER_UNAUTHORIZED')
      expect(e.remedy).toContain(`subject "${mocks.subject}"`)
    } finally {
      mocks.setFaults([])
    }
  }, 60_000)

  it('a never-finishing operation stops at the deadline', async () => {
    mocks.setFaults(['never-finish'])
    try {
      const e = await signFails({ CHILD_TIMEOUT_MS: '2000' })
      expect(e.code).toBe('SIGNER_DEADLINE_EXCEEDED')
      expect(e.message).toMatch(/the limit is 2 s/)
    } finally {
      mocks.setFaults([])
    }
  }, 60_000)

  it('a signature that does not match the leaf is refused', async () => {
    mocks.setFaults(['wrong-key'])
    try {
      expect((await signFails()).code).toBe('SIGNER_SIGNATURE_MISMATCH')
    } finally {
      mocks.setFaults([])
    }
  }, 60_000)
})

describe('the leak check itself', () => {
  it('finds a whole token or a fragment, and ignores ::add-mask:: lines', () => {
    const token =
      'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vcjpyZWYifQ.c2lnbmF0dXJlLWJ5dGVzLXRoYXQtYXJlLXNlY3JldA'
    expect(leakedSecrets(`x ${token} y`, [token])).toHaveLength(1)
    expect(leakedSecrets(`sig=${token.split('.')[2] ?? ''}`, [token])).toHaveLength(1)
    expect(leakedSecrets(`::add-mask::${token}\nok`, [token])).toEqual([])
  })
})

describe('federation failures', () => {
  it('a subject without federated credential → AADSTS70021 → the subject to configure', async () => {
    const before = mocks.oidc.subject
    mocks.oidc.subject = 'repo:octo-org/octo-repo:pull_request'
    try {
      const e = await signFails()
      expect(e.code).toBe('AZURE_FEDERATION_MISMATCH')
      expect(e.message).toContain('AADSTS70021')
      expect(e.remedy).toContain('subject "repo:octo-org/octo-repo:pull_request"')
      expect(e.remedy).toContain('audience "api://AzureADTokenExchange"')
    } finally {
      mocks.oidc.subject = before
    }
  }, 60_000)

  it('an expired ID token → AADSTS700024', async () => {
    const before = mocks.oidc.ttlSeconds
    mocks.oidc.ttlSeconds = -60
    try {
      const e = await signFails()
      expect(e.code).toBe('AZURE_ASSERTION_EXPIRED')
    } finally {
      mocks.oidc.ttlSeconds = before
    }
  }, 60_000)

  it('no ACTIONS_ID_TOKEN_REQUEST_URL → add permissions: id-token: write', async () => {
    const env = signEnv()
    delete env['ACTIONS_ID_TOKEN_REQUEST_URL']
    const run = await runChild(env)
    expect(run.result).toMatchObject({ ok: false, code: 'AZURE_OIDC_UNAVAILABLE' })
    expect(String(run.result['remedy'])).toContain('add `permissions: id-token: write` to the job')
  }, 60_000)

  it('an unknown client id → AADSTS700016', async () => {
    const e = await signFails({ AZURE_CLIENT_ID: '99999999-0000-0000-0000-000000000000' })
    expect(e.code).toBe('AZURE_APP_NOT_FOUND')
  }, 60_000)
})

describe('ACR sign-in with the same identity', () => {
  function httpsJson(
    url: string,
    init: { method: string; headers?: Record<string, string>; body?: string },
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { method: init.method, headers: init.headers ?? {}, ca: mocks.caPem },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>,
            }),
          )
        },
      )
      req.on('error', reject)
      req.end(init.body)
    })
  }

  it('exchanges for a refresh token that works with both /oauth2/token flows', async () => {
    const start = mocks.requests.length
    const run = await runChild({
      ...mocks.childEnv(),
      CHILD_MODE: 'acr',
      CHILD_REGISTRY: 'mockregistry.azurecr.io',
      CHILD_EXCHANGE_URL: `${mocks.acrUrl}/oauth2/exchange`,
    })
    expect(run.result, run.stderr).toMatchObject({
      ok: true,
      username: '00000000-0000-0000-0000-000000000000',
    })
    const password = String(run.result['password'])
    // The refresh token is the child's output here on purpose; it must not be in its logs.
    expect(leakedSecrets(run.stderr, mocks.issuedSecrets)).toEqual([])
    const exchange = mocks.requests.slice(start).find((r) => r.path === '/oauth2/exchange')
    const form = new URLSearchParams(exchange?.body)
    expect(form.get('grant_type')).toBe('access_token')
    expect(form.get('service')).toBe('mockregistry.azurecr.io')
    expect(form.get('tenant')).toBe(mocks.tenantId)
    expect(mocks.verifyAccessToken(form.get('access_token') ?? '')?.['aud']).toBe(
      'https://containerregistry.azure.net',
    )

    const post = await httpsJson(`${mocks.acrUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        service: 'mockregistry.azurecr.io',
        scope: 'repository:app:pull,push',
        refresh_token: password,
      }).toString(),
    })
    expect(post.status).toBe(200)
    const claims = JSON.parse(
      Buffer.from(String(post.body['access_token']).split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>
    expect(claims['access']).toEqual([
      { type: 'repository', name: 'app', actions: ['pull', 'push'] },
    ])
    const basic = Buffer.from(`00000000-0000-0000-0000-000000000000:${password}`).toString('base64')
    const get = await httpsJson(
      `${mocks.acrUrl}/oauth2/token?service=mockregistry.azurecr.io&scope=repository:app:pull`,
      {
        method: 'GET',
        headers: { authorization: `Basic ${basic}` },
      },
    )
    expect(get.status).toBe(200)
    const bad = await httpsJson(
      `${mocks.acrUrl}/oauth2/token?service=x&scope=repository:app:pull`,
      {
        method: 'GET',
        headers: {
          authorization: `Basic ${Buffer.from('00000000-0000-0000-0000-000000000000:nope').toString('base64')}`,
        },
      },
    )
    expect(bad.status).toBe(401)
  }, 60_000)
})
