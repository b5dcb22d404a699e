/**
 * Azure Artifact Signing as a {@link Signer} (artifact-signing.md §1–§4): we hash the COSE
 * ToBeSigned with SHA-384, the service signs the digest with the certificate profile's RSA-3072 key
 * (PS384), we poll the long-running operation, decode the PKCS#7 certificate set, order it
 * leaf → root and verify the signature with the leaf key before anything is returned.
 *
 * Two wire dialects, chosen by api-version:
 * - A `2022-06-15-preview` (Microsoft's CodeSigning SDK, the notation plugin): `POST …/sign`,
 *   flat `{operationId,status,signature,signingCertificate}`, poll `GET …/sign/{operationId}`;
 * - B `2023-06-15-preview` / C `2024-06-15` (generated SDK): `POST …:sign`, `202` +
 *   `Operation-Location`, `{id,status,result:{…},errorResponse}`.
 *
 * All HTTP goes through the injected {@link Transport} (which retries 429/5xx honouring Retry-After).
 */
import { createHash, randomUUID, type X509Certificate } from 'node:crypto'
import { ActionError, ConfigError } from '../errors.js'
import { silentLogger, type Logger } from '../log.js'
import {
  TransportError,
  retryAfterMs,
  type HttpResponse,
  type Transport,
} from '../net/transport.js'
import type { SignResult, Signer } from '../signer/signer.js'
import {
  buildChain,
  checkLeafKey,
  checkSignedBy,
  decodeSigningCertificate,
  decodeStdBase64,
  formatDn,
  parseCertsOnlyPkcs7,
} from './chain.js'
import { ArtifactSigningError } from './errors.js'
import type { TokenCredentialLike } from './types.js'

/** OAuth scope of the data plane (the global resource, never the regional host). */
export const ARTIFACT_SIGNING_SCOPE = 'https://codesigning.azure.net/.default'
export const DEFAULT_API_VERSION = '2022-06-15-preview'
/**
 * api-versions known to work. The action and the CLI accept only these (src/config/config.ts
 * rejects any other before a client is built); the warning for other well-formed versions from
 * 2022-06-15 on, in createArtifactSigningSigner, is only reachable by library callers.
 */
export const KNOWN_API_VERSIONS = [
  '2022-06-15-preview',
  '2023-06-15-preview',
  '2024-06-15',
] as const
export const SIGNER_ROLE = 'Artifact Signing Certificate Profile Signer'
export const CLIENT_VERSION = 'oci-notary-action::0.1.0'

/** ARM name rules (bicep-types-az, Microsoft.CodeSigning 2024-09-30-preview). */
const ACCOUNT_NAME = /^(?=.{3,24}$)[^0-9][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/
const PROFILE_NAME = /^(?=.{5,100}$)[^0-9][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/
const OPERATION_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

const IN_PROGRESS = new Set(['inprogress', 'running', 'notstarted'])
const DEFAULT_POLL_MS = 1000
const MAX_POLL_MS = 30_000
const MAX_REQUEST_TIMEOUT_MS = 30_000

export type Dialect = 'A' | 'B'

export interface ArtifactSigningSignerOptions {
  /** Account URI, e.g. `https://eus.codesigning.azure.net/` (input `artifact-signing-endpoint`). */
  endpoint: string
  /** Input `artifact-signing-account`. */
  accountName: string
  /** Input `artifact-signing-certificate-profile`. */
  certificateProfile: string
  /** Input `artifact-signing-api-version`; default `2022-06-15-preview` (notation plugin parity). */
  apiVersion?: string
  credential: TokenCredentialLike
  transport: Transport
  logger?: Logger
  /** Overall deadline of one sign call, POST to final poll (input `artifact-signing-timeout`). */
  signTimeoutMs?: number
  /** Sent as `x-correlation-id` (e.g. `${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT}`). */
  correlationId?: string
  /** Injected clock (ms since epoch) and sleep, for tests. */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

export interface ArtifactSigningSigner extends Signer {
  readonly keySpec: 'RSA-3072'
  readonly algorithm: 'PS384'
  /** The endpoint without trailing slashes. */
  readonly endpoint: string
  readonly apiVersion: string
  readonly dialect: Dialect
}

/** The validated, normalised endpoint (trailing slashes stripped; https, or http on loopback). */
export function normalizeEndpoint(endpoint: string): string {
  const input = 'artifact-signing-endpoint'
  let url: URL
  try {
    url = new URL(endpoint.trim())
  } catch {
    throw new ConfigError('INPUT_INVALID', `${input} "${endpoint}" is not an absolute URL`, {
      remedy: 'use the account URI, e.g. https://eus.codesigning.azure.net',
    })
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname)
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw new ConfigError('INPUT_INVALID', `${input} must use https, got "${url.protocol}"`, {
      remedy: 'use the account URI, e.g. https://eus.codesigning.azure.net',
    })
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ConfigError(
      'INPUT_INVALID',
      `${input} must be a bare URL without credentials, query or fragment`,
      { remedy: 'use the account URI, e.g. https://eus.codesigning.azure.net' },
    )
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

export function validateAccountName(name: string): string {
  if (!ACCOUNT_NAME.test(name)) {
    throw new ConfigError(
      'INPUT_INVALID',
      `artifact-signing-account "${name}" is not a valid account name (3–24 letters, digits and single hyphens, not starting with a digit)`,
      {
        remedy: 'copy the account name from the Azure portal (Artifact Signing account → Overview)',
      },
    )
  }
  return name
}

export function validateProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw new ConfigError(
      'INPUT_INVALID',
      `artifact-signing-certificate-profile "${name}" is not a valid certificate profile name (5–100 letters, digits and single hyphens, not starting with a digit)`,
      { remedy: 'copy the profile name from the Azure portal (account → Certificate profiles)' },
    )
  }
  return name
}

/** Dialect A for the 2022 preview, B (`:sign`, Operation-Location) for 2023 and later. */
export function dialectFor(apiVersion: string): Dialect {
  if (!API_VERSION.test(apiVersion) || apiVersion < '2022-06-15') {
    throw new ConfigError(
      'INPUT_INVALID',
      `artifact-signing-api-version "${apiVersion}" is not supported (use one of ${KNOWN_API_VERSIONS.join(', ')})`,
      { remedy: `leave it unset for ${DEFAULT_API_VERSION}` },
    )
  }
  return apiVersion.startsWith('2022-') ? 'A' : 'B'
}

interface OperationView {
  id?: string
  status: string
  signature?: string
  signingCertificate?: string
  /** `code: message` from errorResponse / error / errorDetail, when present. */
  errorText?: string
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined
}

/** Text of an `errorDetail` / Azure `error` object: `code: message`, bounded. */
function errorText(body: unknown): string | undefined {
  const root = asRecord(body)
  if (root === undefined) return undefined
  const candidates = [
    asRecord(root['errorDetail']),
    asRecord(asRecord(root['errorResponse'])?.['errorDetail']),
    asRecord(root['errorResponse']),
    asRecord(root['error']),
  ]
  for (const c of candidates) {
    if (c === undefined) continue
    const code = str(c['code'])
    const message = str(c['message'])
    if (code !== undefined || message !== undefined) {
      return bound([code, message].filter((s) => s !== undefined).join(': '))
    }
  }
  return undefined
}

function bound(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine
}

/** Reads either dialect's operation body. */
export function readOperation(body: unknown): OperationView {
  const root = asRecord(body)
  const status = str(root?.['status'])
  if (root === undefined || status === undefined) {
    throw new ArtifactSigningError(
      'SIGNER_RESPONSE_INVALID',
      'the sign operation response has no "status"',
      { remedy: 'check artifact-signing-api-version matches what the service speaks' },
    )
  }
  const result = asRecord(root['result'])
  const source = result ?? root
  const view: OperationView = { status }
  const id = str(root['id']) ?? str(root['operationId']) ?? str(result?.['operationId'])
  if (id !== undefined) view.id = id
  const signature = str(source['signature']) ?? str(root['signature'])
  if (signature !== undefined) view.signature = signature
  const cert = str(source['signingCertificate']) ?? str(root['signingCertificate'])
  if (cert !== undefined) view.signingCertificate = cert
  const err = errorText(root)
  if (err !== undefined) view.errorText = err
  return view
}

/** ProblemDetails `errors` → `field: message; …`, bounded. */
function problemDetails(body: unknown): string | undefined {
  const root = asRecord(body)
  const errors = asRecord(root?.['errors'])
  if (errors === undefined) return str(root?.['title']) ?? str(root?.['detail'])
  const parts = Object.entries(errors).map(([field, msgs]) => {
    const list = Array.isArray(msgs) ? msgs.filter((m) => typeof m === 'string') : [String(msgs)]
    return `${field}: ${list.join(' ')}`
  })
  return bound(parts.join('; '), 500)
}

function jsonBody(res: HttpResponse): unknown {
  if (res.body.length === 0) return undefined
  try {
    return res.json()
  } catch {
    return undefined
  }
}

export function createArtifactSigningSigner(
  options: ArtifactSigningSignerOptions,
): ArtifactSigningSigner {
  const endpoint = normalizeEndpoint(options.endpoint)
  const account = validateAccountName(options.accountName)
  const profile = validateProfileName(options.certificateProfile)
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION
  const dialect = dialectFor(apiVersion)
  const logger = options.logger ?? silentLogger
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const signTimeoutMs = options.signTimeoutMs ?? 60_000
  if (!Number.isFinite(signTimeoutMs) || signTimeoutMs <= 0) {
    throw new ConfigError('INPUT_INVALID', 'artifact-signing-timeout must be a positive duration')
  }
  // Only library callers get here with an unknown version: the action and the CLI accept only
  // KNOWN_API_VERSIONS (src/config/config.ts).
  if (!(KNOWN_API_VERSIONS as readonly string[]).includes(apiVersion)) {
    logger.warning(
      `artifact-signing-api-version ${apiVersion} is not one this action was tested with (${KNOWN_API_VERSIONS.join(', ')}); using the ${dialect === 'A' ? '/sign' : ':sign'} dialect`,
    )
  }
  const origin = new URL(endpoint).origin
  const profilePath = `${endpoint}/codesigningaccounts/${encodeURIComponent(account.toLowerCase())}/certificateprofiles/${encodeURIComponent(profile.toLowerCase())}`
  const host = new URL(endpoint).host
  const where = `certificate profile "${profile}" of account "${account}" at ${endpoint}`

  const signUrl = (): string =>
    `${profilePath}${dialect === 'A' ? '/sign' : ':sign'}?api-version=${encodeURIComponent(apiVersion)}`
  const pollUrlFor = (id: string): string => {
    if (!OPERATION_ID.test(id)) {
      throw new ArtifactSigningError(
        'SIGNER_RESPONSE_INVALID',
        `the service returned an unusable operation id (${bound(id, 40)})`,
        { remedy: 'retry, and report it to Azure support if it persists' },
      )
    }
    return `${profilePath}/sign/${id}?api-version=${encodeURIComponent(apiVersion)}`
  }

  const identityHint = (): string => {
    const fed = options.credential.federatedIdentity?.()
    const clientId = fed?.clientId ?? options.credential.clientId
    return clientId === undefined
      ? 'the signing identity'
      : `the identity with client id ${clientId}`
  }

  async function accessToken(): Promise<string> {
    let token: { token: string } | null
    try {
      token = await options.credential.getToken(ARTIFACT_SIGNING_SCOPE)
    } catch (err) {
      if (err instanceof ActionError) throw err
      throw new ArtifactSigningError(
        'SIGNER_TOKEN',
        `getting an Entra token for ${ARTIFACT_SIGNING_SCOPE} failed`,
        {
          cause: err,
          remedy: 'check azure-client-id and azure-tenant-id and the federated credential',
        },
      )
    }
    if (token === null || token.token.length === 0) {
      throw new ArtifactSigningError(
        'SIGNER_TOKEN',
        `the credential returned no token for ${ARTIFACT_SIGNING_SCOPE}`,
        { remedy: 'check azure-client-id and azure-tenant-id and the federated credential' },
      )
    }
    return token.token
  }

  function headers(token: string, json: boolean): Record<string, string> {
    const h: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'client-version': CLIENT_VERSION,
      'x-ms-client-request-id': randomUUID(),
    }
    if (json) h['content-type'] = 'application/json'
    if (options.correlationId !== undefined) h['x-correlation-id'] = options.correlationId
    return h
  }

  async function send(
    what: string,
    req: { method: 'GET' | 'POST'; url: string; body?: string },
    deadline: number,
  ): Promise<HttpResponse> {
    const remaining = deadline - now()
    const token = await accessToken()
    try {
      return await options.transport.request({
        method: req.method,
        url: req.url,
        headers: headers(token, req.body !== undefined),
        ...(req.body === undefined ? {} : { body: req.body }),
        timeoutMs: Math.max(1000, Math.min(MAX_REQUEST_TIMEOUT_MS, remaining)),
        maxBytes: 1024 * 1024,
        followRedirects: false,
      })
    } catch (err) {
      if (err instanceof TransportError) {
        throw new ArtifactSigningError(
          'SIGNER_NETWORK',
          `${what}: cannot reach Artifact Signing at ${host}`,
          {
            cause: err,
            remedy:
              'check artifact-signing-endpoint (https://<region>.codesigning.azure.net) and the runner network',
          },
        )
      }
      throw err
    }
  }

  function httpError(what: string, res: HttpResponse): ArtifactSigningError {
    const body = jsonBody(res)
    const detail = errorText(body)
    const suffix = detail === undefined ? '' : ` (${detail})`
    const status = res.status
    switch (true) {
      case status === 401: {
        const fed = options.credential.federatedIdentity?.()
        const subjectHint =
          fed === undefined
            ? ''
            : ` The GitHub OIDC token of this job has subject "${fed.subject}" (issuer ${fed.issuer}, audience ${fed.audience}): the Entra federated credential of ${identityHint()} must match it exactly.`
        return new ArtifactSigningError(
          'SIGNER_UNAUTHORIZED',
          `${what}: Artifact Signing refused the access token (HTTP 401)${suffix}`,
          {
            status,
            remedy: `make sure the token is issued for ${ARTIFACT_SIGNING_SCOPE} in the tenant of the Artifact Signing account (azure-tenant-id), and that artifact-signing-api-version is accepted (try 2023-06-15-preview).${subjectHint}`,
          },
        )
      }
      case status === 403:
        return new ArtifactSigningError(
          'SIGNER_FORBIDDEN',
          `${what}: access to ${where} was denied (HTTP 403)${suffix}`,
          {
            status,
            remedy: `assign the role "${SIGNER_ROLE}" to ${identityHint()} on the certificate profile "${profile}" (or the account "${account}"); also check that artifact-signing-endpoint is the endpoint of the account's region (https://<region>.codesigning.azure.net) and that the account is healthy`,
          },
        )
      case status === 404:
        return new ArtifactSigningError(
          'SIGNER_NOT_FOUND',
          `${what}: ${where} was not found (HTTP 404)${suffix}`,
          {
            status,
            remedy:
              "check artifact-signing-account and artifact-signing-certificate-profile (names as in the Azure portal) and that artifact-signing-endpoint is the account's region endpoint",
          },
        )
      case status === 400: {
        const problem = problemDetails(body) ?? detail
        return new ArtifactSigningError(
          'SIGNER_BAD_REQUEST',
          `${what}: the service rejected the request (HTTP 400)${problem === undefined ? '' : `: ${problem}`}`,
          {
            status,
            remedy: 'check artifact-signing-api-version; report this as a bug if it persists',
          },
        )
      }
      case status === 429:
        return new ArtifactSigningError(
          'SIGNER_THROTTLED',
          `${what}: Artifact Signing is throttling requests (HTTP 429) and still did after retries${suffix}`,
          { status, remedy: 'retry later, or sign fewer images in parallel' },
        )
      case status >= 500:
        return new ArtifactSigningError(
          'SIGNER_SERVICE_ERROR',
          `${what}: Artifact Signing answered HTTP ${status} after retries${suffix}`,
          {
            status,
            remedy: 'the service has a problem; retry later (see https://azure.status.microsoft)',
          },
        )
      default:
        return new ArtifactSigningError(
          'SIGNER_SERVICE_ERROR',
          `${what}: unexpected HTTP ${status} from Artifact Signing${suffix}`,
          {
            status,
            remedy: 'check artifact-signing-endpoint; report this as a bug if it persists',
          },
        )
    }
  }

  function operationOf(what: string, res: HttpResponse): OperationView {
    const body = jsonBody(res)
    if (body === undefined) {
      throw new ArtifactSigningError(
        'SIGNER_RESPONSE_INVALID',
        `${what}: HTTP ${res.status} without a JSON body`,
        {
          status: res.status,
          remedy: 'check artifact-signing-endpoint and artifact-signing-api-version',
        },
      )
    }
    return readOperation(body)
  }

  /** Dialect B: the Operation-Location header, if it stays on the endpoint's origin. */
  function operationLocation(res: HttpResponse, id: string | undefined): string {
    const header = res.headers.get('operation-location')
    if (header !== null) {
      try {
        const url = new URL(header, endpoint)
        if (url.origin === origin) {
          if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', apiVersion)
          return url.toString()
        }
        logger.warning(
          `Artifact Signing sent an Operation-Location on another origin (${url.origin}); polling ${origin} instead`,
        )
      } catch {
        // fall through to the id
      }
    }
    if (id === undefined) {
      throw new ArtifactSigningError(
        'SIGNER_RESPONSE_INVALID',
        'the sign response has neither an Operation-Location header nor an operation id',
        { remedy: 'check artifact-signing-api-version matches what the service speaks' },
      )
    }
    return pollUrlFor(id)
  }

  function pollDelay(res: HttpResponse): number {
    const hinted = retryAfterMs(res.headers, now())
    return Math.min(MAX_POLL_MS, hinted ?? DEFAULT_POLL_MS)
  }

  async function sign(toBeSigned: Uint8Array): Promise<SignResult> {
    const started = now()
    const deadline = started + signTimeoutMs
    const digest = createHash('sha384').update(toBeSigned).digest()
    const body = JSON.stringify({ signatureAlgorithm: 'PS384', digest: digest.toString('base64') })
    logger.debug(
      `artifact signing: POST ${profilePath}${dialect === 'A' ? '/sign' : ':sign'} (api-version ${apiVersion}, SHA-384 digest ${digest.toString('hex')})`,
    )
    let res = await send('sign request', { method: 'POST', url: signUrl(), body }, deadline)
    if (res.status !== 200 && res.status !== 201 && res.status !== 202) {
      throw httpError('sign request', res)
    }
    let op = operationOf('sign request', res)
    const firstResponse = res
    let pollUrl: string | undefined
    const opName = op.id ?? 'unknown'
    let polls = 0
    while (IN_PROGRESS.has(op.status.toLowerCase())) {
      const wait = pollDelay(res)
      if (now() + wait > deadline) {
        throw new ArtifactSigningError(
          'SIGNER_DEADLINE_EXCEEDED',
          `the signing operation ${opName} was still ${op.status} after ${Math.round(
            (now() - started) / 1000,
          )} s (${polls} polls); the limit is ${Math.round(signTimeoutMs / 1000)} s`,
          {
            remedy:
              'raise artifact-signing-timeout (default 60s) if the service is slow in your region, or retry later',
          },
        )
      }
      pollUrl ??=
        dialect === 'A' ? pollUrlFor(op.id ?? '') : operationLocation(firstResponse, op.id)
      await sleep(wait)
      polls += 1
      res = await send('sign status poll', { method: 'GET', url: pollUrl }, deadline)
      if (res.status !== 200 && res.status !== 202) throw httpError('sign status poll', res)
      op = operationOf('sign status poll', res)
    }
    if (op.status.toLowerCase() !== 'succeeded') {
      throw new ArtifactSigningError(
        'SIGNER_OPERATION_FAILED',
        `the signing operation ${opName} ended with status ${op.status}${
          op.errorText === undefined ? '' : ` (${op.errorText})`
        }`,
        {
          remedy:
            op.status.toLowerCase() === 'timedout'
              ? 'the service timed out; retry later'
              : `retry; if it keeps failing, check the state of ${where} in the Azure portal`,
        },
      )
    }
    if (op.signature === undefined || op.signingCertificate === undefined) {
      throw new ArtifactSigningError(
        'SIGNER_RESPONSE_INVALID',
        `the signing operation ${opName} succeeded without ${op.signature === undefined ? 'a signature' : 'a signingCertificate'}`,
        { remedy: 'check artifact-signing-api-version matches what the service speaks' },
      )
    }
    const signature = decodeStdBase64(op.signature, 'signature')
    const pkcs7 = parseCertsOnlyPkcs7(decodeSigningCertificate(op.signingCertificate))
    const chain = buildChain({ ...pkcs7, toBeSigned, signature })
    checkLeafKey(chain.leaf)
    checkSignedBy(chain.leaf, toBeSigned, signature)
    logChain(chain.leaf, chain.root, chain.der.length, now() - started, polls)
    return { signature, certificateChain: chain.der }
  }

  function logChain(
    leaf: X509Certificate,
    root: X509Certificate,
    length: number,
    elapsedMs: number,
    polls: number,
  ): void {
    logger.info(
      `Artifact Signing signed with "${formatDn(leaf.subject)}" (certificate valid until ${new Date(
        leaf.validTo,
      ).toISOString()}) in ${elapsedMs} ms, ${polls} poll(s)`,
    )
    logger.info(
      `certificate chain: ${length} certificates ending in the root "${formatDn(root.subject)}" (SHA-256 ${root.fingerprint256.replace(
        /:/g,
        '',
      )}); verifiers must trust this root in their "ca" trust store`,
    )
  }

  return {
    keySpec: 'RSA-3072',
    algorithm: 'PS384',
    description: `artifact signing ${host}/${account}/${profile}`,
    endpoint,
    apiVersion,
    dialect,
    sign,
    async prepare() {
      // The job's first signature then waits for neither the Entra token nor a TLS handshake.
      options.transport.preconnect?.(endpoint)
      await accessToken().catch(() => undefined)
    },
  }
}
