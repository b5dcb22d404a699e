/**
 * Mock of the Azure Artifact Signing data plane (artifact-signing.md §10.1–§10.9): both dialects,
 * operations with polling, the EKU / rootcert / certchain routes, Bearer checks against the mock
 * Entra's tokens, and a per-profile (or per-request `x-mock-fault` header) fault plan.
 * Invented behaviour is marked [MOCK] here and in README.md.
 */
import { createHash, randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { testKey } from '../pki.js'
import { recordRequest, sendEmpty, sendJson, type RecordedRequest } from './http.js'
import { hashOf, signDigestPkcs1, signDigestPss } from './pss.js'
import {
  certsOnlyPkcs7,
  createMockSigningChain,
  encodeSigningCertificate,
  type MockSigningChain,
  type TrustModel,
} from './signing-pki.js'

export const DIALECT_A_VERSIONS = ['2022-06-15-preview']
export const DIALECT_B_VERSIONS = ['2023-06-15-preview', '2024-06-15']
const ALL_VERSIONS = [...DIALECT_A_VERSIONS, ...DIALECT_B_VERSIONS]
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'ES256K',
]
const CODESIGNING_AUDIENCE = 'https://codesigning.azure.net'
const OPERATION_TTL_MS = 10 * 60_000

export type FaultRoute = 'sign' | 'poll' | 'any'

/**
 * Fault syntax: `[sign:|poll:|any:]<name>[:args]`, e.g. `throttle:2:1`, `poll:5xx:1:503`, `reset`,
 * `slow:200`, `403-empty`, `401:1`, `404-errorDetail`, `fail-op`, `timeout-op`, `cancel-op`,
 * `never-finish`, `bad-cert-order`, `wrong-key`, `single-b64`, `no-econtent`, `fail-sync` (the
 * POST itself answers 200 with status Failed, as for an account or identity validation that is
 * not in a signing state [MOCK]),
 * `throttle-ms:1:50` (retry-after-ms), `throttle-date:1:1` (HTTP-date Retry-After).
 */
export type Fault =
  | {
      kind: 'throttle'
      route: FaultRoute
      remaining: number
      seconds: number
      style: 'seconds' | 'ms' | 'date'
    }
  | { kind: '5xx'; route: FaultRoute; remaining: number; status: number; retryAfter?: number }
  | { kind: 'reset'; route: FaultRoute; remaining: number }
  | { kind: 'slow'; route: FaultRoute; ms: number }
  | { kind: 'status'; route: FaultRoute; remaining: number; status: 401 | 403 | 404 }
  | { kind: 'op'; outcome: 'Failed' | 'TimedOut' | 'Canceled' | 'never' }
  | { kind: 'bad-cert-order' | 'wrong-key' | 'single-b64' | 'no-econtent' | 'fail-sync' }

export function parseFault(spec: string): Fault {
  let rest = spec.trim()
  let route: FaultRoute = 'any'
  const m = /^(sign|poll|any):(.*)$/.exec(rest)
  if (m) {
    route = m[1] as FaultRoute
    rest = m[2] as string
  }
  const [name, ...args] = rest.split(':')
  const num = (i: number, dflt: number): number => {
    const v = args[i]
    return v === undefined || v === '' ? dflt : Number(v)
  }
  switch (name) {
    case 'throttle':
      return { kind: 'throttle', route, remaining: num(0, 1), seconds: num(1, 1), style: 'seconds' }
    case 'throttle-ms':
      return {
        kind: 'throttle',
        route,
        remaining: num(0, 1),
        seconds: num(1, 100) / 1000,
        style: 'ms',
      }
    case 'throttle-date':
      return { kind: 'throttle', route, remaining: num(0, 1), seconds: num(1, 1), style: 'date' }
    case '5xx': {
      const f: Fault = { kind: '5xx', route, remaining: num(0, 1), status: num(1, 503) }
      if (args[2] !== undefined) f.retryAfter = num(2, 0)
      return f
    }
    case 'reset':
      return { kind: 'reset', route, remaining: num(0, 1) }
    case 'slow':
      return { kind: 'slow', route, ms: num(0, 500) }
    case '401':
      return { kind: 'status', route, status: 401, remaining: num(0, Infinity) }
    case '403-empty':
      return { kind: 'status', route, status: 403, remaining: num(0, Infinity) }
    case '404-errorDetail':
      return { kind: 'status', route, status: 404, remaining: num(0, Infinity) }
    case 'fail-op':
      return { kind: 'op', outcome: 'Failed' }
    case 'timeout-op':
      return { kind: 'op', outcome: 'TimedOut' }
    case 'cancel-op':
      return { kind: 'op', outcome: 'Canceled' }
    case 'never-finish':
      return { kind: 'op', outcome: 'never' }
    case 'bad-cert-order':
    case 'wrong-key':
    case 'single-b64':
    case 'no-econtent':
    case 'fail-sync':
      return { kind: name }
    default:
      throw new Error(`unknown mock fault "${spec}"`)
  }
}

export interface MockProfileConfig {
  name: string
  trust?: TrustModel
  /** Leaf subject DN (must include C, ST, O). */
  subject?: string
  /** Polls answered InProgress before the terminal state (default 1). */
  pollsBeforeSuccess?: number
  faults?: string[]
  /** Principals (oid or appid of the Entra token) granted the signer role; default everyone. */
  grants?: string[]
}

export interface MockAccountConfig {
  name: string
  /** An unhealthy account answers 403 to everything (artifact-signing-action#132). */
  healthy?: boolean
  profiles: MockProfileConfig[]
}

export interface ArtifactSigningMockOptions {
  accounts: MockAccountConfig[]
  /** Verifies a Bearer token (signature + expiry are the caller's); returns claims or undefined. */
  verifyAccessToken: (token: string) => Record<string, unknown> | undefined
  record: (r: RecordedRequest) => void
  /** Unknown account/profile: `403` empty (default) or `404` errorDetail. */
  unknownProfile?: '403' | '404'
  /** [MOCK] Status for a missing/unsupported api-version (default 400 errorDetail). */
  unsupportedApiVersionStatus?: 400 | 401 | 403
  /** [MOCK] Unknown operation id: `404` errorDetail (default) or `200` with status NotFound. */
  unknownOperation?: '404' | 'status'
  /** `Retry-After` on 202 and polls, seconds (default 1, as the real service; tests use 0). */
  retryAfterSeconds?: number
  /**
   * [MOCK] api-versions the front door refuses with 401/403 before authentication (empty body,
   * no `mise-correlation-id`), as the 2026 field reports of api-version-dependent failures show.
   */
  refusedApiVersions?: Record<string, 401 | 403>
}

export interface MockProfileState {
  account: string
  config: MockProfileConfig
  key: KeyObject
  chain: MockSigningChain
  faults: Fault[]
  /** Signing requests accepted so far. */
  signCount: number
}

interface Operation {
  id: string
  account: string
  profile: string
  created: number
  polls: number
  signature: string
  signingCertificate: string
  outcome: 'Succeeded' | 'Failed' | 'TimedOut' | 'Canceled' | 'never'
}

export interface ArtifactSigningMock {
  handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void>
  profile(account: string, profile: string): MockProfileState
  setFaults(account: string, profile: string, faults: string[]): void
  /** Rotates the profile's key and leaf (daily renewal). */
  rotate(account: string, profile: string): Promise<void>
  /** Replaces {@link ArtifactSigningMockOptions.refusedApiVersions}. */
  refuseApiVersions(refused: Record<string, 401 | 403>): void
}

const key = (a: string, p: string): string => `${a.toLowerCase()}/${p.toLowerCase()}`

function commonHeaders(authorised: boolean, dialectB: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'strict-transport-security': 'max-age=2592000',
    'x-azure-ref': `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z-${randomBytes(12).toString('hex')}`,
    'x-cache': 'CONFIG_NOCACHE',
  }
  if (authorised) h['mise-correlation-id'] = randomUUID()
  if (dialectB) h['api-supported-versions'] = '2023-06-15-preview'
  return h
}

function errorDetail(code: string, message: string): unknown {
  return { errorDetail: { code, message, target: null } }
}

function shuffled<T>(items: T[]): T[] {
  if (items.length < 2) return items
  for (;;) {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[out[i], out[j]] = [out[j] as T, out[i] as T]
    }
    if (out.some((v, i) => v !== items[i])) return out
  }
}

export async function createArtifactSigningMock(
  options: ArtifactSigningMockOptions,
): Promise<ArtifactSigningMock> {
  const profiles = new Map<string, MockProfileState>()
  const accounts = new Map<string, MockAccountConfig>()
  const operations = new Map<string, Operation>()
  const wrongKey = testKey('rsa3072', 'mock-as-wrong-key')
  let refusedVersions = new Map(Object.entries(options.refusedApiVersions ?? {}))

  for (const account of options.accounts) {
    accounts.set(account.name.toLowerCase(), account)
    for (const p of account.profiles) {
      const k = testKey('rsa3072', `mock-as-leaf-${key(account.name, p.name)}`)
      const chain = await createMockSigningChain({
        key: k,
        ...(p.trust === undefined ? {} : { trust: p.trust }),
        ...(p.subject === undefined ? {} : { subject: p.subject }),
      })
      profiles.set(key(account.name, p.name), {
        account: account.name,
        config: p,
        key: k,
        chain,
        faults: (p.faults ?? []).map(parseFault),
        signCount: 0,
      })
    }
  }

  function takeRequestFault(faults: Fault[], route: 'sign' | 'poll' | 'other'): Fault | undefined {
    for (const f of faults) {
      if (!('route' in f)) continue
      if (f.route !== 'any' && f.route !== route) continue
      if (f.kind === 'slow') continue
      if ('remaining' in f) {
        if (f.remaining <= 0) continue
        f.remaining -= 1
      }
      return f
    }
    return undefined
  }

  function buildOperation(
    state: MockProfileState,
    faults: Fault[],
    algorithm: string,
    digest: Buffer,
  ): Operation {
    const has = (kind: Fault['kind']): boolean => faults.some((f) => f.kind === kind)
    const hash = hashOf(algorithm)
    if (hash === undefined) throw new Error('unreachable: algorithm validated')
    const signingKey = has('wrong-key') ? wrongKey : state.key
    const signature = algorithm.startsWith('PS')
      ? signDigestPss(signingKey, digest, hash)
      : signDigestPkcs1(signingKey, digest, hash)
    const { leaf, issuing, root } = state.chain
    const certs = [leaf.der, issuing.der, root.der]
    const pkcs7 = certsOnlyPkcs7(
      has('bad-cert-order') ? shuffled(certs) : certs,
      has('no-econtent') ? undefined : leaf.der,
    )
    const opFault = faults.find((f): f is Extract<Fault, { kind: 'op' }> => f.kind === 'op')
    return {
      id: randomUUID(),
      account: state.account,
      profile: state.config.name,
      created: Date.now(),
      polls: 0,
      signature: signature.toString('base64'),
      signingCertificate: encodeSigningCertificate(pkcs7, has('single-b64')),
      outcome: opFault?.outcome ?? 'Succeeded',
    }
  }

  function operationBody(op: Operation, dialectB: boolean, status: string): unknown {
    const done = status === 'Succeeded'
    const flat = {
      operationId: op.id,
      status,
      signature: done ? op.signature : null,
      signingCertificate: done ? op.signingCertificate : null,
    }
    if (!dialectB) return flat
    if (status === 'Failed' || status === 'TimedOut' || status === 'Canceled') {
      // [MOCK] dialect-B failure body (never observed).
      return {
        id: op.id,
        status,
        result: null,
        errorResponse: errorDetail(
          status === 'Failed' ? 'SigningFailed' : status,
          `The signing operation ${status === 'Failed' ? 'failed' : status.toLowerCase()}.`,
        ),
      }
    }
    return { id: op.id, status, result: flat, errorResponse: null }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    options.record(recordRequest('artifact-signing', req, body))
    const url = new URL(req.url ?? '/', 'http://mock')
    const path = url.pathname
    if (path.includes('//')) return sendEmpty(res, 404)
    const base = `${(req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'}://${req.headers.host ?? ''}`
    const m =
      /^\/codesigningaccounts\/([^/]+)\/certificateprofiles\/([^/:]+)(\/sign|:sign)$/.exec(path) ??
      /^\/codesigningaccounts\/([^/]+)\/certificateprofiles\/([^/]+)\/sign\/([^/]+)$/.exec(path)
    if (!m) return sendEmpty(res, 404)
    const [, rawAccount, rawProfile, tail] = m as unknown as [string, string, string, string]
    const accountName = decodeURIComponent(rawAccount)
    const profileName = decodeURIComponent(rawProfile)
    let route: 'sign' | 'poll' | 'other'
    let dialectRoute: 'A' | 'B' | 'any'
    if (tail === '/sign' || tail === ':sign') {
      if (req.method !== 'POST') return sendEmpty(res, 404)
      route = 'sign'
      dialectRoute = tail === '/sign' ? 'A' : 'B'
    } else {
      if (req.method !== 'GET') return sendEmpty(res, 404)
      route = ['eku', 'rootcert', 'certchain'].includes(tail) ? 'other' : 'poll'
      dialectRoute = 'any'
    }

    const state = profiles.get(key(accountName, profileName))
    const headerFaults = (req.headers['x-mock-fault'] as string | undefined)
      ?.split(',')
      .filter(Boolean)
      .map(parseFault)
    const requestFaults = [...(headerFaults ?? []), ...(state?.faults ?? [])]

    // Fault plan first: these model the front door (throttling, outages) and forced statuses.
    for (const f of requestFaults) {
      if (f.kind === 'slow' && (f.route === 'any' || f.route === route)) {
        await new Promise((r) => setTimeout(r, f.ms))
      }
    }
    const fault = takeRequestFault(requestFaults, route)
    if (fault !== undefined) {
      switch (fault.kind) {
        case 'reset':
          req.socket.destroy()
          return
        case 'throttle': {
          const h: Record<string, string> = { ...commonHeaders(false, false) }
          if (fault.style === 'seconds') h['retry-after'] = String(fault.seconds)
          if (fault.style === 'ms') h['retry-after-ms'] = String(Math.round(fault.seconds * 1000))
          if (fault.style === 'date')
            h['retry-after'] = new Date(Date.now() + fault.seconds * 1000).toUTCString()
          // [MOCK] 429 body.
          return sendJson(res, 429, errorDetail('TooManyRequests', 'Too many requests.'), h)
        }
        case '5xx': {
          const h: Record<string, string> = { ...commonHeaders(false, false) }
          if (fault.retryAfter !== undefined) h['retry-after'] = String(fault.retryAfter)
          return sendJson(
            res,
            fault.status,
            errorDetail('InternalServerError', 'An error occurred while processing the request.'),
            h,
          )
        }
        case 'status':
          if (fault.status === 404) {
            return sendJson(
              res,
              404,
              errorDetail(
                'InternalError',
                'Response status code does not indicate success: 403 (Forbidden).',
              ),
              commonHeaders(false, false),
            )
          }
          return sendEmpty(res, fault.status, {
            ...commonHeaders(false, false),
            ...(fault.status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
          })
        default:
          break
      }
    }

    // [MOCK] a version refused in front of the service: nothing authenticated, no correlation id.
    const refusedStatus = refusedVersions.get(url.searchParams.get('api-version') ?? '')
    if (refusedStatus !== undefined)
      return sendEmpty(res, refusedStatus, commonHeaders(false, false))

    // §10.4 authorization.
    const auth = req.headers.authorization ?? ''
    const claims = auth.startsWith('Bearer ') ? options.verifyAccessToken(auth.slice(7)) : undefined
    const now = Math.floor(Date.now() / 1000)
    if (
      claims === undefined ||
      claims['aud'] !== CODESIGNING_AUDIENCE ||
      typeof claims['exp'] !== 'number' ||
      claims['exp'] <= now
    ) {
      return sendEmpty(res, 401, { ...commonHeaders(false, false), 'www-authenticate': 'Bearer' })
    }

    const apiVersion = url.searchParams.get('api-version') ?? ''
    const accepted =
      dialectRoute === 'A'
        ? DIALECT_A_VERSIONS
        : dialectRoute === 'B'
          ? DIALECT_B_VERSIONS
          : ALL_VERSIONS
    if (!accepted.includes(apiVersion)) {
      const status = options.unsupportedApiVersionStatus ?? 400
      if (status !== 400) return sendEmpty(res, status, commonHeaders(false, false))
      return sendJson(
        res,
        400,
        errorDetail(
          'UnsupportedApiVersion',
          `The api-version '${apiVersion}' is not supported for this route.`,
        ),
        commonHeaders(false, false),
      )
    }
    const dialectB = DIALECT_B_VERSIONS.includes(apiVersion)

    const account = accounts.get(accountName.toLowerCase())
    if (state === undefined || account === undefined) {
      if (options.unknownProfile === '404') {
        return sendJson(
          res,
          404,
          errorDetail(
            'InternalError',
            'Response status code does not indicate success: 403 (Forbidden).',
          ),
          commonHeaders(false, dialectB),
        )
      }
      return sendEmpty(res, 403, commonHeaders(false, false))
    }
    const principal = String(claims['oid'] ?? claims['appid'] ?? '')
    if (
      account.healthy === false ||
      (state.config.grants !== undefined && !state.config.grants.includes(principal))
    ) {
      return sendEmpty(res, 403, commonHeaders(false, false))
    }
    const headers = commonHeaders(true, dialectB)
    const profileBase = `${base}/codesigningaccounts/${rawAccount}/certificateprofiles/${rawProfile}`

    if (route === 'sign') {
      const contentType = req.headers['content-type'] ?? ''
      let parsed: Record<string, unknown> | undefined
      try {
        parsed = contentType.includes('json')
          ? (JSON.parse(body) as Record<string, unknown>)
          : undefined
      } catch {
        parsed = undefined
      }
      const problem = (errors: Record<string, string[]>): void =>
        sendJson(
          res,
          400,
          {
            type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
            title: 'One or more validation errors occurred.',
            status: 400,
            errors,
            traceId: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`,
          },
          { ...headers, 'content-type': 'application/problem+json; charset=utf-8' },
        )
      if (parsed === undefined || typeof parsed !== 'object') {
        return problem({ '': ['A non-empty request body is required.'] })
      }
      const algorithm = parsed['signatureAlgorithm']
      if (typeof algorithm !== 'string' || !ALGORITHMS.includes(algorithm)) {
        return problem({ signatureAlgorithm: ['The signatureAlgorithm field is required.'] })
      }
      if (algorithm.startsWith('ES')) {
        // [MOCK] the profile key is RSA.
        return problem({
          signatureAlgorithm: [`The algorithm ${algorithm} is not supported for this key.`],
        })
      }
      const digestB64 = parsed['digest']
      const hash = hashOf(algorithm)
      const expectedLen = hash === 'sha256' ? 32 : hash === 'sha384' ? 48 : 64
      if (
        typeof digestB64 !== 'string' ||
        !/^[A-Za-z0-9+/]+={0,2}$/.test(digestB64) ||
        digestB64.length % 4 !== 0 ||
        Buffer.from(digestB64, 'base64').length !== expectedLen
      ) {
        // [MOCK] strict digest validation.
        return problem({ digest: [`The digest must be ${expectedLen} bytes of standard base64.`] })
      }
      state.signCount += 1
      const op = buildOperation(state, requestFaults, algorithm, Buffer.from(digestB64, 'base64'))
      operations.set(op.id, op)
      if (requestFaults.some((f) => f.kind === 'fail-sync')) {
        return sendJson(res, 200, operationBody(op, dialectB, 'Failed'), headers)
      }
      const location = `${profileBase}/sign/${op.id}?api-version=${apiVersion}`
      // [MOCK] dialect A also sends Operation-Location / Retry-After; clients must not need them.
      return sendJson(res, 202, operationBody(op, dialectB, 'InProgress'), {
        ...headers,
        'operation-location': location,
        'retry-after': String(options.retryAfterSeconds ?? 1),
      })
    }

    if (tail === 'eku') {
      return sendJson(
        res,
        200,
        dialectB ? { value: [{ eku: state.chain.eku }], nextLink: null } : [state.chain.eku],
        headers,
      )
    }
    if (tail === 'rootcert') {
      const der = Buffer.from(state.chain.root.der)
      res.writeHead(200, {
        ...headers,
        'api-supported-versions':
          '2021-08-01-privatepreview, 2022-06-15-preview, 2023-06-15-preview',
        'content-type': 'application/x-x509-ca-cert',
        'content-disposition': "attachment; filename=Root.cer; filename*=UTF-8''Root.cer",
        'accept-ranges': 'bytes',
        'content-length': String(der.length),
      })
      return void res.end(der)
    }
    if (tail === 'certchain') {
      const { root, issuing, leaf } = state.chain
      const der = certsOnlyPkcs7([root.der, issuing.der, leaf.der])
      // [MOCK] content type.
      res.writeHead(200, {
        ...headers,
        'content-type': 'application/pkcs7-mime',
        'content-length': String(der.length),
      })
      return void res.end(der)
    }

    // Poll.
    for (const [id, op] of operations) {
      if (Date.now() - op.created > OPERATION_TTL_MS) operations.delete(id)
    }
    const op = operations.get(tail)
    if (op === undefined || key(op.account, op.profile) !== key(accountName, profileName)) {
      if (options.unknownOperation === 'status') {
        return sendJson(
          res,
          200,
          dialectB
            ? { id: tail, status: 'NotFound', result: null, errorResponse: null }
            : { operationId: tail, status: 'NotFound', signature: null, signingCertificate: null },
          headers,
        )
      }
      return sendJson(res, 404, errorDetail('NotFound', 'Operation not found.'), headers)
    }
    op.polls += 1
    const pollsBefore = state.config.pollsBeforeSuccess ?? 1
    const status = op.outcome === 'never' || op.polls <= pollsBefore ? 'InProgress' : op.outcome
    return sendJson(res, 200, operationBody(op, dialectB, status), {
      ...headers,
      ...(dialectB ? { 'operation-location': `${profileBase}/sign/${op.id}` } : {}),
      'retry-after': String(options.retryAfterSeconds ?? 1),
    })
  }

  return {
    handle,
    profile(account, profile) {
      const s = profiles.get(key(account, profile))
      if (s === undefined) throw new Error(`no mock profile ${account}/${profile}`)
      return s
    },
    setFaults(account, profile, faults) {
      const s = profiles.get(key(account, profile))
      if (s === undefined) throw new Error(`no mock profile ${account}/${profile}`)
      s.faults = faults.map(parseFault)
    },
    refuseApiVersions(refused) {
      refusedVersions = new Map(Object.entries(refused))
    },
    async rotate(account, profile) {
      const s = profiles.get(key(account, profile))
      if (s === undefined) throw new Error(`no mock profile ${account}/${profile}`)
      const slot = `mock-as-leaf-${key(account, profile)}-${createHash('sha1').update(randomBytes(8)).digest('hex')}`
      s.key = testKey('rsa3072', slot)
      // The daily renewal keeps the profile's subject and its profile EKU; the key and leaf change.
      s.chain = await createMockSigningChain({
        key: s.key,
        eku: s.chain.eku,
        ...(s.config.trust === undefined ? {} : { trust: s.config.trust }),
        ...(s.config.subject === undefined ? {} : { subject: s.config.subject }),
      })
    },
  }
}
