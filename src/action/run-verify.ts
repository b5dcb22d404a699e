/** The verify-only action: verify every image and report, failing when any image is not verified. */
import * as core from '@actions/core'
import { runVerifyJob } from '../commands/jobs.js'
import type { VerifyReport } from '../commands/verify.js'
import { VerifyCommandError } from '../commands/verify-error.js'
import { verifySummaryMarkdown, type VerificationRow } from '../report/summary.js'
import type { VerifyOnlyConfig } from '../config/config.js'
import { actionRuntime } from './run-sign.js'

export function verificationRows(report: VerifyReport): VerificationRow[] {
  return report.images.map((image) => {
    const passed = image.signatures.find((s) => s.verdict === 'passed')
    const policy = image.policy ? `, policy "${image.policy}" (${image.level})` : ''
    let detail: string
    if (passed)
      detail = `signature ${passed.digest.slice(0, 19)}… by ${passed.signer ?? 'unknown signer'}${policy}`
    else if (image.verified) detail = `not checked: trust policy level skip${policy}`
    else detail = image.error ?? 'no signature passed'
    return {
      reference: image.reference,
      digest: image.digest ?? '',
      verified: image.verified,
      detail,
    }
  })
}

/** The per-signature table: one row per signature with each check's status. */
export function signatureRows(report: VerifyReport): string[][] {
  const status = (
    s: VerifyReport['images'][number]['signatures'][number],
    type: string,
  ): string => {
    const c = s.checks.find((x) => x.type === type)
    return c === undefined ? '-' : `${c.status}${c.action === 'enforce' ? '' : ` (${c.action})`}`
  }
  return report.images.flatMap((image) =>
    image.signatures.map((s) => [
      s.digest.slice(0, 19) + '…',
      s.signer ?? '-',
      status(s, 'integrity'),
      status(s, 'authenticity'),
      status(s, 'authenticTimestamp'),
      status(s, 'expiry'),
      status(s, 'revocation'),
      s.verdict,
    ]),
  )
}

export function verificationFailure(report: VerifyReport): VerifyCommandError {
  const failed = verificationRows(report).filter((r) => !r.verified)
  return new VerifyCommandError(
    'NOT_VERIFIED',
    `${failed.length} of ${report.images.length} image${report.images.length === 1 ? '' : 's'} not verified: ${failed
      .map((r) => `${r.reference}: ${r.detail}`)
      .join('; ')}`,
  )
}

export async function runVerifyAction(config: VerifyOnlyConfig): Promise<void> {
  const report = await runVerifyJob(config, actionRuntime())
  core.setOutput('verified', String(report.verified))
  core.setOutput('verification', JSON.stringify(report))
  if (config.showSummary) {
    await core.summary
      .addRaw(verifySummaryMarkdown(verificationRows(report), signatureRows(report)))
      .write()
  }
  if (!report.verified) throw verificationFailure(report)
}
