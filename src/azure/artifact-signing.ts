/**
 * Azure Artifact Signing as a {@link Signer} (artifact-signing.md §1–§4): we hash the COSE
 * ToBeSigned with SHA-384, the service signs the digest with the certificate profile's RSA-3072 key
 * (PS384), we poll the long-running operation, decode the PKCS#7 certificate set, order it
 * leaf → root and verify the signature with the leaf key before anything is returned.
 *
 * Two wire forms, chosen by api-version (src/azure/api-versions.ts):
 * - A `2022-06-15-preview` (Microsoft's CodeSigning SDK, the notation plugin): `POST …/sign`,
 *   flat `{operationId,status,signature,signingCertificate}`, poll `GET …/sign/{operationId}`;
 * - B `2023-06-15-preview` / `2024-06-15` (generated SDK, the stable API): `POST …:sign`, `202` +
 *   `Operation-Location`, `{id,status,result:{…},errorResponse}`.
 * A sign request refused with 401/403 before the service authenticated it (no correlation
 * headers) is sent once more in the other form; the form that works is kept for the whole job.
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
import {
  DEFAULT_API_VERSION,
  KNOWN_API_VERSIONS,
  dialectFor,
  fallbackApiVersion,
  isPreAuthenticationRefusal,
  type Dialect,
} from './api-versions.js'
import { checkArtifactSigningEndpoint } from './endpoint.js'
import { ArtifactSigningError } from './errors.js'
import type { TokenCredentialLike } from './types.js'
import { VERSION } from '../version.js'

export { DEFAULT_API_VERSION, KNOWN_API_VERSIONS, dialectFor, type Dialect }

/** OAuth scope of the data plane (the global resource, never the regional host). */
export const ARTIFACT_SIGNING_SCOPE = 'https://codesigning.azure.net/.default'
export const SIGNER_ROLE = 'Artifact Signing Certificate Profile Signer'
export const CLIENT_VERSION = `oci-notary-action::${VERSION}`

/** ARM name rules (bicep-types-az, Microsoft.CodeSigning 2024-09-30-preview). */
const ACCOUNT_NAME = /^(?=.{3,24}$)[^0-9][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/
const PROFILE_NAME = /^(?=.{5,100}$)[^0-9][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/
const OPERATION_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/

const IN_PROGRESS = new Set(['inprogress', 'running', 'notstarted'])
/** Between polls when the service gives no Retry-After (artifact-signing.md §3.5). */
const DEFAULT_POLL_MS = 1000
/**
 * The first poll goes out this soon after the sign request, whatever Retry-After says: the
 * service usually has the signature by then (jsign polls from 50 ms), and waiting the hinted 1 s
 * first would put a full second on every signature's critical path. Later polls follow the
 * Retry-After hint.
 */
const FIRST_POLL_MS = 100
const MAX_POLL_MS = 30_000
const MAX_REQUEST_TIMEOUT_MS = 30_000

export interface ArtifactSigningSignerOptions {
  /** Account URI, e.g. `https://eus.codesigning.azure.net/` (input `artifact-signing-endpoint`). */
  endpoint: string
  /** Input `artifact-signing-account`. */
  accountName: string
  /** Input `artifact-signing-certificate-profile`. */
  certificateProfile: string
  /**
   * Input `allow-untrusted-endpoint`: send the token to an endpoint outside
   * `*.codesigning.azure.net` and loopback (refused otherwise).
   */
  allowUntrustedEndpoint?: boolean
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
  /** The api-version in use: the configured one, or its fallback once that one was refused. */
  readonly apiVersion: string
  readonly dialect: Dialect
  /** The configured api-version, when the service refused it and {@link apiVersion} replaced it. */
  readonly apiVersionFallbackFrom: string | undefined
}

/**
 * The validated, normalised endpoint (trailing slashes stripped; https, or http on loopback; a
 * `*.codesigning.azure.net` or loopback host unless `allowUntrusted`): src/azure/endpoint.ts.
 */
export function normalizeEndpoint(endpoint: string, allowUntrusted = false): string {
  return checkArtifactSigningEndpoint(endpoint, allowUntrusted).endpoint
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
  const checked = checkArtifactSigningEndpoint(
    options.endpoint,
    options.allowUntrustedEndpoint === true,
  )
  const endpoint = checked.endpoint
  const account = validateAccountName(options.accountName)
  const profile = validateProfileName(options.certificateProfile)
  const configuredVersion = options.apiVersion ?? DEFAULT_API_VERSION
  /** The form in use; replaced (for the rest of the job) when the service refuses it pre-auth. */
  let active: WireForm = { apiVersion: configuredVersion, dialect: dialectFor(configuredVersion) }
  let fallbackFrom: string | undefined
  const logger = options.logger ?? silentLogger
  if (checked.trust === 'untrusted') {
    logger.warning(
      `artifact-signing-endpoint ${endpoint} is not an Artifact Signing host (*.codesigning.azure.net): the Azure token is sent there because allow-untrusted-endpoint is true`,
      { title: 'Untrusted endpoint' },
    )
  }
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const signTimeoutMs = options.signTimeoutMs ?? 60_000
  if (!Number.isFinite(signTimeoutMs) || signTimeoutMs <= 0) {
    throw new ConfigError('INPUT_INVALID', 'artifact-signing-timeout must be a positive duration')
  }
  // Only library callers get here with an unknown version: the action and the CLI accept only
  // KNOWN_API_VERSIONS (src/config/config.ts).
  if (!(KNOWN_API_VERSIONS as readonly string[]).includes(configuredVersion)) {
    logger.warning(
      `artifact-signing-api-version ${configuredVersion} is not one this action was tested with (${KNOWN_API_VERSIONS.join(', ')}); using the ${active.dialect === 'A' ? '/sign' : ':sign'} form`,
    )
  }
  const origin = new URL(endpoint).origin
  const profilePath = `${endpoint}/codesigningaccounts/${encodeURIComponent(account.toLowerCase())}/certificateprofiles/${encodeURIComponent(profile.toLowerCase())}`
  const host = new URL(endpoint).host
  const where = `certificate profile "${profile}" of account "${account}" at ${endpoint}`

  const signUrl = (form: WireForm): string =>
    `${profilePath}${signSuffix(form)}?api-version=${encodeURIComponent(form.apiVersion)}`
  const pollUrlFor = (form: WireForm, id: string): string => {
    if (!OPERATION_ID.test(id)) {
      throw new ArtifactSigningError(
        'SIGNER_RESPONSE_INVALID',
        `the service returned an unusable operation id (${bound(id, 40)})`,
        { remedy: 'retry, and report it to Azure support if it persists' },
      )
    }
    return `${profilePath}/sign/${id}?api-version=${encodeURIComponent(form.apiVersion)}`
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
    req: { method: 'GET' | 'POST'; url: string; body?: string; accept?: string },
    deadline: number,
  ): Promise<HttpResponse> {
    const remaining = deadline - now()
    const token = await accessToken()
    try {
      return await options.transport.request({
        method: req.method,
        url: req.url,
        headers: {
          ...headers(token, req.body !== undefined),
          ...(req.accept === undefined ? {} : { accept: req.accept }),
        },
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

  /** Form B: the Operation-Location header, if it stays on the endpoint's origin. */
  function operationLocation(form: WireForm, res: HttpResponse, id: string | undefined): string {
    const header = res.headers.get('operation-location')
    if (header !== null) {
      try {
        const url = new URL(header, endpoint)
        if (url.origin === origin) {
          if (!url.searchParams.has('api-version'))
            url.searchParams.set('api-version', form.apiVersion)
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
    return pollUrlFor(form, id)
  }

  /** Poll n (0-based): the first soon, the others after the service's Retry-After hint. */
  function pollDelay(res: HttpResponse, n: number): number {
    const hinted = Math.min(MAX_POLL_MS, retryAfterMs(res.headers, now()) ?? DEFAULT_POLL_MS)
    return n === 0 ? Math.min(hinted, FIRST_POLL_MS) : hinted
  }

  /**
   * POSTs the sign request in the active form; a 401/403 decided before authentication is sent
   * once more in the other form (artifact-signing.md §3.7: such refusals depend on the
   * api-version), and the form that the service accepts is kept for the rest of the job.
   */
  async function postSign(body: string, deadline: number): Promise<PostedSign> {
    const form = active
    const res = await send('sign request', { method: 'POST', url: signUrl(form), body }, deadline)
    if (!isPreAuthenticationRefusal(res.status, res.headers) || fallbackFrom !== undefined) {
      return { res, form }
    }
    const otherVersion = fallbackApiVersion(form.apiVersion)
    const other: WireForm = { apiVersion: otherVersion, dialect: dialectFor(otherVersion) }
    logger.warning(
      `Artifact Signing refused api-version ${form.apiVersion} with HTTP ${res.status} before authenticating the request (no service correlation id); retrying once with api-version ${other.apiVersion} (${signSuffix(other)} form)`,
      { title: 'Artifact Signing api-version' },
    )
    const retried = await send(
      'sign request',
      { method: 'POST', url: signUrl(other), body },
      deadline,
    )
    if (retried.status === 200 || retried.status === 201 || retried.status === 202) {
      // Concurrent signatures may race here: the first to succeed decides, the rest agree.
      if (fallbackFrom === undefined) {
        fallbackFrom = form.apiVersion
        active = other
      }
      return { res: retried, form: other }
    }
    return {
      res: retried,
      form: other,
      refused: { apiVersion: form.apiVersion, status: res.status },
    }
  }

  async function sign(toBeSigned: Uint8Array): Promise<SignResult> {
    const started = now()
    const deadline = started + signTimeoutMs
    const digest = createHash('sha384').update(toBeSigned).digest()
    const body = JSON.stringify({ signatureAlgorithm: 'PS384', digest: digest.toString('base64') })
    logger.debug(
      `artifact signing: POST ${profilePath}${signSuffix(active)} (api-version ${active.apiVersion}, SHA-384 digest ${digest.toString('hex')})`,
    )
    const posted = await postSign(body, deadline)
    const form = posted.form
    let res = posted.res
    if (res.status !== 200 && res.status !== 201 && res.status !== 202) {
      const err = httpError('sign request', res)
      if (posted.refused === undefined) throw err
      throw new ArtifactSigningError(
        err.code,
        `${err.message}; api-version ${posted.refused.apiVersion} was refused too (HTTP ${posted.refused.status})`,
        {
          cause: err,
          ...(err.remedy === undefined ? {} : { remedy: err.remedy }),
          status: res.status,
        },
      )
    }
    let op = operationOf('sign request', res)
    const answeredAtOnce = !IN_PROGRESS.has(op.status.toLowerCase())
    const firstResponse = res
    let pollUrl: string | undefined
    const opName = op.id ?? 'unknown'
    let polls = 0
    while (IN_PROGRESS.has(op.status.toLowerCase())) {
      const wait = pollDelay(res, polls)
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
        form.dialect === 'A'
          ? pollUrlFor(form, op.id ?? '')
          : operationLocation(form, firstResponse, op.id)
      await sleep(wait)
      polls += 1
      res = await send('sign status poll', { method: 'GET', url: pollUrl }, deadline)
      if (res.status !== 200 && res.status !== 202) throw httpError('sign status poll', res)
      op = operationOf('sign status poll', res)
    }
    if (op.status.toLowerCase() !== 'succeeded') {
      const status = op.status.toLowerCase()
      const detail = op.errorText === undefined ? '' : ` (${op.errorText})`
      throw new ArtifactSigningError(
        'SIGNER_OPERATION_FAILED',
        answeredAtOnce
          ? `the sign request for ${where} was answered with HTTP ${res.status} and status ${op.status}${detail}: the service refused to sign`
          : `the signing operation ${opName} ended with status ${op.status}${detail}`,
        {
          status: res.status,
          remedy:
            status === 'timedout'
              ? 'the service timed out; retry later'
              : status === 'failed'
                ? `the service accepted the request but would not sign with ${where}: in the Azure portal, check that the Artifact Signing account is active and that the certificate profile's identity validation is Completed (not pending, expired or revoked) and the profile is active; retry once that is so`
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

  /**
   * The chain the profile signs with now, without signing anything (`GET …/sign/certchain`, a
   * raw DER PKCS#7, artifact-signing.md §3.6), for skip-if-signed's identity match. The chain can
   * rotate between this call and a sign call; a signature always carries the chain of its own
   * sign result.
   */
  async function currentChain(): Promise<Uint8Array[]> {
    const deadline = now() + signTimeoutMs
    const url = `${profilePath}/sign/certchain?api-version=${encodeURIComponent(active.apiVersion)}`
    const res = await send(
      'certificate chain request',
      {
        method: 'GET',
        url,
        accept: 'application/pkcs7-mime, application/x-x509-ca-cert, application/json',
      },
      deadline,
    )
    if (res.status !== 200) throw httpError('certificate chain request', res)
    const pkcs7 = parseCertsOnlyPkcs7(res.body)
    const chain = buildChain({
      certificates: pkcs7.certificates,
      toBeSigned: new Uint8Array(),
      signature: new Uint8Array(),
    })
    return chain.der
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
    get apiVersion() {
      return active.apiVersion
    },
    get dialect() {
      return active.dialect
    },
    get apiVersionFallbackFrom() {
      return fallbackFrom
    },
    sign,
    async prepare() {
      // The job's first signature then waits for neither the Entra token nor a TLS handshake.
      options.transport.preconnect?.(endpoint)
      await accessToken().catch(() => undefined)
    },
    currentChain,
  }
}

/** One api-version with its wire form. */
interface WireForm {
  apiVersion: string
  dialect: Dialect
}

interface PostedSign {
  res: HttpResponse
  /** The form of `res`. */
  form: WireForm
  /** Set when `res` answers the retry after the configured form was refused pre-auth. */
  refused?: { apiVersion: string; status: number }
}

function signSuffix(form: WireForm): string {
  return form.dialect === 'A' ? '/sign' : ':sign'
}
