/**
 * Verification orchestration, as `notation verify` runs it (notary-spec §7.1): select the policy
 * statement by registry scope (a `skip` level returns before any signature is fetched), resolve the
 * reference, discover Notary signatures (Referrers API, else the tag schema; both manifest forms),
 * fetch each with size caps and digest checks, and verify up to `maxSignatures` of them. An image
 * is verified when at least one signature passes; the report keeps every signature's checks.
 */
import { formatCauseChain } from '../errors.js'
import type { Logger } from '../log.js'
import { MEDIA_TYPE } from '../notary/constants.js'
import { parseSignatureManifest } from '../notary/manifest.js'
import type { RegistryClient, Repository } from '../oci/client.js'
import type { Descriptor } from '../oci/descriptor.js'
import { LIMITS } from '../oci/manifest.js'
import { parseReference } from '../oci/reference.js'
import { VerificationError } from '../verify/errors.js'
import {
  selectPolicy,
  type TrustPolicyDocument,
  type TrustPolicyStatement,
} from '../verify/policy.js'
import {
  buildArtifactReport,
  renderReportText,
  type SignatureReport as ArtifactSignature,
} from '../verify/report.js'
import type { RevocationChecker } from '../verify/revocation.js'
import type { TrustStore } from '../verify/trust-store.js'
import { verifySignature, type CheckResult, type SignatureOutcome } from '../verify/verifier.js'
import { mapBounded } from './pool.js'

export interface VerifyOptions {
  policy: TrustPolicyDocument
  trustStore: TrustStore
  userMetadata: ReadonlyMap<string, string>
  maxSignatures: number
  concurrency: number
}

export interface VerifyDeps {
  registry: RegistryClient
  revocation: RevocationChecker
  logger: Logger
  now: () => Date
}

/** One signature's result, JSON-ready. */
export interface SignatureJson {
  /** Digest of the signature manifest. */
  digest: string
  envelopeMediaType?: string
  verdict: 'passed' | 'failed'
  signer?: string
  signingTime?: string
  timestamp?: string
  expiry?: string
  /** The first enforced failure, as `[CODE] message`. */
  error?: string
  checks: { type: string; action: string; status: string; message: string; code?: string }[]
  warnings: string[]
  notes: string[]
}

export interface ImageReport {
  reference: string
  /** registry/repository */
  repository: string
  digest?: string
  mediaType?: string
  policy?: string
  level?: string
  verified: boolean
  /** How signatures were found. */
  discovery?: 'api' | 'tag'
  /** Signatures tried, in order; like notation, trying stops at the first that verifies. */
  signatures: SignatureJson[]
  /** Why the image is not verified, as notation words it. */
  error?: string
  /** The human-readable report (notation-style), for logs and the CLI. */
  text?: string
  /**
   * Set by the sign job's read-back: the signature manifest this run pushed, the only one checked
   * (an older signature of the image does not count).
   */
  signatureDigest?: string
}

export interface VerifyReport {
  verified: boolean
  images: ImageReport[]
}

export { VerifyCommandError } from './verify-error.js'

function checkJson(c: CheckResult): SignatureJson['checks'][number] {
  return {
    type: c.type,
    action: c.action,
    status: c.status,
    message: c.message,
    ...(c.code ? { code: c.code } : {}),
  }
}

export function signatureJson(digest: string, outcome: SignatureOutcome): SignatureJson {
  return {
    digest,
    ...(outcome.envelope ? { envelopeMediaType: outcome.envelope.mediaType } : {}),
    verdict: outcome.verdict,
    ...(outcome.signer ? { signer: outcome.signer } : {}),
    ...(outcome.signingTime ? { signingTime: outcome.signingTime.toISOString() } : {}),
    ...(outcome.timestamp ? { timestamp: outcome.timestamp.genTime.toISOString() } : {}),
    ...(outcome.expiry ? { expiry: outcome.expiry.toISOString() } : {}),
    ...(outcome.error ? { error: formatCauseChain(outcome.error).join('; ') } : {}),
    checks: outcome.checks.map(checkJson),
    warnings: outcome.warnings,
    notes: outcome.notes,
  }
}

/** A signature that could not even be fetched or parsed counts as a failed attempt (notation). */
function failedAttempt(err: unknown, statement: TrustPolicyStatement): SignatureOutcome {
  const error =
    err instanceof VerificationError
      ? err
      : new VerificationError('INTEGRITY', err instanceof Error ? err.message : String(err), {
          cause: err,
        })
  return {
    verdict: 'failed',
    error,
    policyName: statement.name,
    level: statement.verificationLevel,
    checks: [],
    warnings: [],
    notes: [],
  }
}

async function verifyOne(
  image: string,
  options: VerifyOptions,
  deps: VerifyDeps,
): Promise<ImageReport> {
  const ref = parseReference(image)
  const repository = deps.registry.repository(ref)
  const report: ImageReport = {
    reference: image,
    repository: repository.name,
    verified: false,
    signatures: [],
  }
  try {
    const subject = await repository.resolve()
    report.digest = subject.digest
    report.mediaType = subject.mediaType
    if (ref.digest === undefined) {
      deps.logger.warning(
        `${image}: resolved to ${subject.digest}; tags are mutable, pass a digest to pin`,
        {
          title: 'Verifying by tag',
        },
      )
    }
    const statement = selectPolicy(options.policy, `${repository.name}@${subject.digest}`)
    report.policy = statement.name
    report.level = statement.verificationLevel.name
    const tried: ArtifactSignature[] = []
    let limitExceeded: { max: number } | undefined
    // notation returns success for `skip` before fetching any signature.
    if (statement.verificationLevel.name !== 'skip') {
      const listed = await repository.listReferrers(subject, {
        artifactType: MEDIA_TYPE.notarySignature,
      })
      report.discovery = listed.via
      for (const candidate of listed.descriptors) {
        if (tried.length >= options.maxSignatures) {
          limitExceeded = { max: options.maxSignatures }
          break
        }
        const attempt = await verifyCandidate(
          repository,
          candidate,
          subject,
          statement,
          options,
          deps,
        )
        tried.push(attempt)
        if (attempt.outcome.verdict === 'passed') break
      }
    }
    const artifact = buildArtifactReport({
      reference: `${repository.name}@${subject.digest}`,
      artifact: subject,
      statement,
      signatures: tried,
      ...(limitExceeded ? { limitExceeded } : {}),
    })
    report.signatures = tried.map((t) => signatureJson(t.digest, t.outcome))
    if (artifact.error) report.error = `[${artifact.error.code}] ${artifact.error.message}`
    report.text = renderReportText(artifact)
    // The verdict goes in last: anything above that throws leaves the image not verified.
    report.verified = artifact.verdict !== 'failed'
  } catch (err) {
    report.verified = false
    report.error = formatCauseChain(err).join('; ')
  }
  return report
}

/** A signature manifest's envelope, fetched with size caps and digest checks. */
export interface FetchedSignature {
  /** The envelope media type (the manifest's layer). */
  mediaType: string
  envelope: Uint8Array
}

/**
 * Fetches one signature (a listed descriptor, or a digest: the sign job's read-back): its
 * manifest (capped; by digest, the bytes are checked against it), a subject check (a manifest that names
 * another subject is an integrity failure, whatever listed it), then its envelope blob (capped).
 * Calls `onMediaType` as soon as the layer media type is known, for reports of failed fetches.
 */
export async function fetchSignature(
  repository: ReturnType<RegistryClient['repository']>,
  candidate: Descriptor | string,
  subject: Descriptor,
  onMediaType: (mediaType: string) => void = () => {},
): Promise<FetchedSignature> {
  const fetched = await repository.fetchManifest(candidate, { maxBytes: LIMITS.manifestBytes })
  const manifest = parseSignatureManifest(fetched.bytes, fetched.descriptor.mediaType)
  const mediaType = manifest.envelope.mediaType
  onMediaType(mediaType)
  if (manifest.subject !== undefined && manifest.subject.digest !== subject.digest) {
    throw new VerificationError(
      'INTEGRITY',
      `signature manifest ${typeof candidate === 'string' ? candidate : candidate.digest} has subject ${manifest.subject.digest}, not ${subject.digest}`,
    )
  }
  const envelope = await repository.fetchBlob(manifest.envelope, {
    maxBytes: LIMITS.envelopeBytes,
  })
  return { mediaType, envelope }
}

/** Fetches one signature manifest and its envelope, and verifies it. */
async function verifyCandidate(
  repository: Repository,
  candidate: Descriptor | string,
  subject: Descriptor,
  statement: TrustPolicyStatement,
  options: VerifyOptions,
  deps: VerifyDeps,
): Promise<ArtifactSignature> {
  let mediaType = 'unknown'
  const digest = typeof candidate === 'string' ? candidate : candidate.digest
  try {
    const fetched = await fetchSignature(repository, candidate, subject, (m) => (mediaType = m))
    const outcome = await verifySignature({
      envelope: fetched.envelope,
      mediaType,
      subject,
      statement,
      trustStore: options.trustStore,
      now: deps.now(),
      userMetadata: options.userMetadata,
      revocation: deps.revocation,
      logger: deps.logger,
    })
    return { digest, mediaType, outcome }
  } catch (err) {
    return { digest, mediaType, outcome: failedAttempt(err, statement) }
  }
}

function logImageReport(image: string, r: ImageReport, logger: Logger): void {
  // The report's first line already gives the verdict; a one-line verdict is only needed when
  // there is no report (the image could not be resolved or the policy not selected).
  if (r.text) {
    logger.info(r.text.trimEnd())
    return
  }
  logger.info(
    r.verified
      ? `${image}: verified${r.policy ? ` (policy "${r.policy}", ${r.level})` : ''}`
      : `${image}: NOT verified: ${
          r.error ??
          r.signatures
            .map((s) => s.error)
            .filter(Boolean)
            .join(' | ')
        }`,
  )
}

export async function verifyImages(
  images: string[],
  options: VerifyOptions,
  deps: VerifyDeps,
): Promise<VerifyReport> {
  const reports = await mapBounded(images, options.concurrency, (image) =>
    deps.logger.group(`Verify ${image}`, async () => {
      const r = await verifyOne(image, options, deps)
      logImageReport(image, r, deps.logger)
      return r
    }),
  )
  return { verified: reports.every((r) => r.verified), images: reports }
}

/** A signature manifest a sign job pushed, for its read-back. */
export interface PushedSignature {
  /** `registry/repository` */
  repository: string
  /** The signed manifest. */
  subject: Descriptor
  /** Digest of the signature manifest that was pushed. */
  signatureDigest: string
}

/**
 * The sign job's read-back of one pushed signature: that signature manifest is fetched by digest
 * from the registry, then its envelope, and verified against the statement for the image. Not
 * "does the image have some valid signature": an older valid signature must not vouch for a broken
 * new one (issue 11 item 1). A `skip` statement verifies nothing, as in `notation verify`.
 */
async function readBackOne(
  pushed: PushedSignature,
  options: VerifyOptions,
  deps: VerifyDeps,
): Promise<ImageReport> {
  const reference = `${pushed.repository}@${pushed.subject.digest}`
  const report: ImageReport = {
    reference,
    repository: pushed.repository,
    digest: pushed.subject.digest,
    mediaType: pushed.subject.mediaType,
    verified: false,
    signatures: [],
    signatureDigest: pushed.signatureDigest,
  }
  try {
    const repository = deps.registry.repository(parseReference(reference))
    const statement = selectPolicy(options.policy, reference)
    report.policy = statement.name
    report.level = statement.verificationLevel.name
    const tried: ArtifactSignature[] = []
    if (statement.verificationLevel.name !== 'skip') {
      tried.push(
        await verifyCandidate(
          repository,
          pushed.signatureDigest,
          pushed.subject,
          statement,
          options,
          deps,
        ),
      )
    }
    const artifact = buildArtifactReport({
      reference,
      artifact: pushed.subject,
      statement,
      signatures: tried,
    })
    report.signatures = tried.map((t) => signatureJson(t.digest, t.outcome))
    if (artifact.error) report.error = `[${artifact.error.code}] ${artifact.error.message}`
    report.text = renderReportText(artifact)
    report.verified = artifact.verdict !== 'failed'
  } catch (err) {
    report.error = formatCauseChain(err).join('; ')
  }
  return report
}

/** Reads back and verifies each signature the sign job pushed (one report per signature). */
export async function verifyPushedSignatures(
  pushed: readonly PushedSignature[],
  options: VerifyOptions,
  deps: VerifyDeps,
): Promise<VerifyReport> {
  const reports = await mapBounded([...pushed], options.concurrency, (p) => {
    const label = `${p.repository}@${p.subject.digest}`
    return deps.logger.group(`Read back ${p.signatureDigest} of ${label}`, async () => {
      const r = await readBackOne(p, options, deps)
      logImageReport(`${label} (signature ${p.signatureDigest})`, r, deps.logger)
      return r
    })
  })
  return { verified: reports.every((r) => r.verified), images: reports }
}
