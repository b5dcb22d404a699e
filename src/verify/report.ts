/**
 * The verification report for one artifact: every signature tried, each check's result, and the
 * decision (notary-spec.md §7.1 step 3–5: the first signature that verifies wins; none found is
 * NO_SIGNATURE; when all fail, every failure is listed). Pure: building and rendering only.
 */
import type { Descriptor } from '../oci/descriptor.js'
import { VerificationError } from './errors.js'
import type { VerificationLevel } from './levels.js'
import type { TrustPolicyStatement } from './policy.js'
import type { CheckResult, SignatureOutcome } from './verifier.js'

export interface SignatureReport {
  /** Digest of the signature manifest. */
  digest: string
  /** Envelope media type (the layer's). */
  mediaType: string
  outcome: SignatureOutcome
}

export interface ArtifactReport {
  /** The reference as the user gave it. */
  reference: string
  /** The resolved artifact. */
  artifact: Descriptor
  policy: { name: string; level: VerificationLevel }
  verdict: 'passed' | 'failed' | 'skipped'
  /** Index into `signatures` of the one that verified. */
  verifiedBy?: number
  signatures: SignatureReport[]
  error?: VerificationError
  warnings: string[]
  /** Informational notes of the signatures tried (e.g. non-revocable certificates). */
  notes: string[]
}

export interface ArtifactReportInput {
  reference: string
  artifact: Descriptor
  statement: TrustPolicyStatement
  /** Signatures in the order they were tried (stop after the first that passed). */
  signatures: readonly SignatureReport[]
  /** True when more signatures existed than the limit allowed trying. */
  limitExceeded?: { max: number }
  warnings?: readonly string[]
}

/** Decides the artifact verdict from the signatures tried (notation `Verify`). */
export function buildArtifactReport(input: ArtifactReportInput): ArtifactReport {
  const level = input.statement.verificationLevel
  const base = {
    reference: input.reference,
    artifact: input.artifact,
    policy: { name: input.statement.name, level },
    signatures: [...input.signatures],
    warnings: [...(input.warnings ?? []), ...input.signatures.flatMap((s) => s.outcome.warnings)],
    notes: input.signatures.flatMap((s) => s.outcome.notes),
  }
  if (level.name === 'skip') return { ...base, verdict: 'skipped' }
  const verifiedBy = input.signatures.findIndex((s) => s.outcome.verdict === 'passed')
  if (verifiedBy >= 0) return { ...base, verdict: 'passed', verifiedBy }
  if (input.signatures.length === 0) {
    return {
      ...base,
      verdict: 'failed',
      error: new VerificationError(
        'NO_SIGNATURE',
        `no signature is associated with "${input.reference}", make sure the artifact was signed successfully`,
      ),
    }
  }
  const reasons = input.signatures.map(
    (s) => `${s.digest}: ${s.outcome.error?.message ?? 'failed'}`,
  )
  if (input.limitExceeded !== undefined) {
    return {
      ...base,
      verdict: 'failed',
      error: new VerificationError(
        'TOO_MANY_SIGNATURES',
        `signature evaluation stopped. The configured limit of ${input.limitExceeded.max} signatures to verify per artifact exceeded\n${reasons.join('\n')}`,
      ),
    }
  }
  const first = input.signatures[0]?.outcome.error
  return {
    ...base,
    verdict: 'failed',
    error: new VerificationError(
      first?.code ?? 'INCONCLUSIVE',
      `signature verification failed for all the signatures associated with "${input.reference}":\n${reasons.join('\n')}`,
      first === undefined ? undefined : { cause: first },
    ),
  }
}

// ---------------------------------------------------------------------------------------------
// Text rendering

const STATUS_MARK: Readonly<Record<CheckResult['status'], string>> = {
  passed: 'ok',
  failed: 'FAILED',
  skipped: '-',
  inconclusive: 'INCONCLUSIVE',
}

function iso(d: Date | undefined): string {
  return d === undefined ? '-' : d.toISOString().replace('.000Z', 'Z')
}

function pad(s: string, n: number): string {
  return s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length)
}

function renderSignature(s: SignatureReport, index: number, chosen: boolean): string[] {
  const o = s.outcome
  const lines: string[] = []
  const verdict = o.verdict === 'passed' ? 'verified' : 'not verified'
  lines.push(
    `  signature ${index + 1}: ${s.digest} (${s.mediaType}): ${verdict}${chosen ? ' (used)' : ''}`,
  )
  if (o.signer !== undefined) lines.push(`    signer:       ${o.signer}`)
  if (o.envelope !== undefined) {
    lines.push(`    algorithm:    ${o.envelope.algorithm}, scheme ${o.envelope.signingScheme}`)
  }
  if (o.signingTime !== undefined) {
    lines.push(
      `    signed at:    ${iso(o.signingTime)}${o.signingTimeIsAuthentic ? ' (authentic)' : ''}`,
    )
  }
  if (o.timestamp !== undefined) {
    const acc = o.timestamp.accuracyMs
    lines.push(
      `    timestamp:    ${iso(o.timestamp.genTime)}${acc > 0 ? ` ±${acc} ms` : ''} (trusted TSA)`,
    )
  }
  if (o.expiry !== undefined) lines.push(`    expires:      ${iso(o.expiry)}`)
  for (const c of o.checks) {
    lines.push(
      `    ${pad(c.type, 19)}${pad(c.action, 8)}${pad(STATUS_MARK[c.status], 13)}${c.message}`,
    )
  }
  return lines
}

/** Renders a report as plain text (no colours), one line per fact, for logs and summaries. */
export function renderReportText(report: ArtifactReport): string {
  const lines: string[] = []
  const digestRef = report.reference.includes('@')
    ? report.reference
    : `${report.reference} (${report.artifact.digest})`
  const head =
    report.verdict === 'passed'
      ? 'VERIFIED'
      : report.verdict === 'skipped'
        ? 'SKIPPED'
        : 'NOT VERIFIED'
  lines.push(`${head}: ${digestRef}`)
  lines.push(`  trust policy: "${report.policy.name}", level ${report.policy.level.name}`)
  if (report.verdict === 'skipped') {
    lines.push('  verification level "skip": no signature was fetched or checked')
  }
  report.signatures.forEach((s, i) => lines.push(...renderSignature(s, i, i === report.verifiedBy)))
  // The error's first line only: notation's later lines restate each signature's failed check,
  // which its row above already shows. Warnings (checks set to "log") are not listed again
  // either: their row says FAILED with the reason, and the verifier logs each one as a warning.
  if (report.error !== undefined) {
    const first = report.error.message.split('\n')[0]?.replace(/:$/, '') ?? ''
    lines.push(`  error [${report.error.code}]: ${first}`)
  }
  if (report.notes.length > 0) {
    lines.push('  notes:')
    for (const n of report.notes) lines.push(`    - ${n}`)
  }
  return `${lines.join('\n')}\n`
}
