/**
 * Verification orchestration, as `notation verify` runs it (notary-spec §7.1): select the policy
 * statement by registry scope (a `skip` level returns before any signature is fetched), resolve the
 * reference, discover Notary signatures (Referrers API, else the tag schema; both manifest forms),
 * fetch each with size caps and digest checks, and verify up to `maxSignatures` of them. An image
 * is verified when at least one signature passes; the report keeps every signature's checks.
 */
import { ActionError, formatCauseChain } from '../errors.js'
import type { Logger } from '../log.js'
import { MEDIA_TYPE } from '../notary/constants.js'
import { parseSignatureManifest } from '../notary/manifest.js'
import type { RegistryClient } from '../oci/client.js'
import type { Descriptor } from '../oci/descriptor.js'
import { LIMITS } from '../oci/manifest.js'
import { parseReference } from '../oci/reference.js'
import { selectPolicy, type TrustPolicyDocument } from '../verify/policy.js'
import type { RevocationChecker } from '../verify/revocation.js'
import type { TrustStore } from '../verify/trust-store.js'
import { verifySignature, type CheckResult, type SignatureOutcome } from '../verify/verifier.js'
import { mapBounded } from './pool.js'

export interface VerifyOptions {
  policy: TrustPolicyDocument
  trustStore: TrustStore
  userMetadata: Record<string, string>
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
export interface SignatureReport {
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
  signatures: SignatureReport[]
  /** Why the image is not verified when no single signature explains it. */
  error?: string
}

export interface VerifyReport {
  verified: boolean
  images: ImageReport[]
}

export class VerifyCommandError extends ActionError<'NOT_VERIFIED'> {}

function checkReport(c: CheckResult): SignatureReport['checks'][number] {
  return { type: c.type, action: c.action, status: c.status, message: c.message, ...(c.code ? { code: c.code } : {}) }
}

function signatureReport(digest: string, outcome: SignatureOutcome): SignatureReport {
  return {
    digest,
    ...(outcome.envelope ? { envelopeMediaType: outcome.envelope.mediaType } : {}),
    verdict: outcome.verdict,
    ...(outcome.signer ? { signer: outcome.signer } : {}),
    ...(outcome.signingTime ? { signingTime: outcome.signingTime.toISOString() } : {}),
    ...(outcome.timestamp ? { timestamp: outcome.timestamp.genTime.toISOString() } : {}),
    ...(outcome.expiry ? { expiry: outcome.expiry.toISOString() } : {}),
    ...(outcome.error ? { error: formatCauseChain(outcome.error).join('; ') } : {}),
    checks: outcome.checks.map(checkReport),
    warnings: outcome.warnings,
  }
}

function failedFetch(digest: string, err: unknown): SignatureReport {
  return {
    digest,
    verdict: 'failed',
    error: formatCauseChain(err).join('; '),
    checks: [],
    warnings: [],
  }
}

async function verifyOne(image: string, options: VerifyOptions, deps: VerifyDeps): Promise<ImageReport> {
  const ref = parseReference(image)
  const repository = deps.registry.repository(ref)
  const report: ImageReport = { reference: image, repository: repository.name, verified: false, signatures: [] }
  try {
    const subject = await repository.resolve()
    report.digest = subject.digest
    report.mediaType = subject.mediaType
    if (ref.digest === undefined) {
      deps.logger.warning(`${image}: resolved to ${subject.digest}; tags are mutable, pass a digest to pin`, {
        title: 'Verifying by tag',
      })
    }
    const statement = selectPolicy(options.policy, `${repository.name}@${subject.digest}`)
    report.policy = statement.name
    report.level = statement.signatureVerification.level
    if (statement.signatureVerification.level === 'skip') {
      // notation returns success before fetching any signature.
      report.verified = true
      deps.logger.warning(`${image}: trust policy "${statement.name}" has level skip; no signature was checked`)
      return report
    }
    const listed = await repository.listReferrers(subject, { artifactType: MEDIA_TYPE.notarySignature })
    report.discovery = listed.via
    if (listed.descriptors.length === 0) {
      report.error = `[NO_SIGNATURE] no Notary signature is associated with ${repository.name}@${subject.digest}`
      return report
    }
    const candidates = listed.descriptors.slice(0, options.maxSignatures)
    if (listed.descriptors.length > candidates.length) {
      deps.logger.warning(
        `${image}: ${listed.descriptors.length} signatures found; only the first ${candidates.length} (max-signatures) are evaluated`,
      )
    }
    for (const candidate of candidates) {
      report.signatures.push(await verifyCandidate(repository, candidate, subject, statement, options, deps))
    }
    report.verified = report.signatures.some((s) => s.verdict === 'passed')
  } catch (err) {
    report.error = formatCauseChain(err).join('; ')
  }
  return report
}

async function verifyCandidate(
  repository: ReturnType<RegistryClient['repository']>,
  candidate: Descriptor,
  subject: Descriptor,
  statement: ReturnType<typeof selectPolicy>,
  options: VerifyOptions,
  deps: VerifyDeps,
): Promise<SignatureReport> {
  try {
    const fetched = await repository.fetchManifest(candidate, { maxBytes: LIMITS.manifestBytes })
    const manifest = parseSignatureManifest(fetched.bytes)
    if (manifest.subject !== undefined && manifest.subject.digest !== subject.digest) {
      throw new VerifyCommandError(
        'NOT_VERIFIED',
        `signature manifest ${candidate.digest} has subject ${manifest.subject.digest}, not ${subject.digest}`,
      )
    }
    const envelope = await repository.fetchBlob(manifest.envelope, { maxBytes: LIMITS.envelopeBytes })
    const outcome = await verifySignature({
      envelope,
      mediaType: manifest.envelope.mediaType,
      subject,
      statement,
      trustStore: options.trustStore,
      now: deps.now(),
      userMetadata: options.userMetadata,
      revocation: deps.revocation,
      logger: deps.logger,
    })
    return signatureReport(candidate.digest, outcome)
  } catch (err) {
    return failedFetch(candidate.digest, err)
  }
}

export async function verifyImages(images: string[], options: VerifyOptions, deps: VerifyDeps): Promise<VerifyReport> {
  const reports = await mapBounded(images, options.concurrency, (image) =>
    deps.logger.group(`Verify ${image}`, async () => {
      const r = await verifyOne(image, options, deps)
      const passed = r.signatures.filter((s) => s.verdict === 'passed').length
      deps.logger.info(
        r.verified
          ? `${image}: verified (${passed} of ${r.signatures.length} signatures passed${r.policy ? `, policy "${r.policy}" ${r.level}` : ''})`
          : `${image}: NOT verified: ${r.error ?? r.signatures.map((s) => s.error).filter(Boolean).join(' | ')}`,
      )
      return r
    }),
  )
  return { verified: reports.every((r) => r.verified), images: reports }
}
