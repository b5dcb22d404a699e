/** The verify-only action: verify every image and report, failing when any image is not verified. */
import * as core from '@actions/core'
import { runVerifyJob } from '../commands/jobs.js'
import type { VerifyReport } from '../commands/verify.js'
import { VerifyCommandError } from '../commands/verify-error.js'
import { verifyReportJson } from '../report/results.js'
import { imageCause, verifySummaryView } from '../report/summary.js'
import type { VerifyOnlyConfig } from '../config/config.js'
import { actionRuntime } from './run-sign.js'
import { writeFailureSummary, writeSummary } from './summary.js'

export function verificationFailure(report: VerifyReport): VerifyCommandError {
  const failed = report.images.filter((i) => !i.verified)
  return new VerifyCommandError(
    'NOT_VERIFIED',
    `${failed.length} of ${report.images.length} image${report.images.length === 1 ? '' : 's'} not verified: ${failed
      .map((i) => `${i.reference}: ${imageCause(i)}`)
      .join('; ')}`,
  )
}

export async function runVerifyAction(config: VerifyOnlyConfig): Promise<void> {
  let report: VerifyReport
  try {
    report = await runVerifyJob(config, actionRuntime())
  } catch (err) {
    if (config.showSummary) await writeFailureSummary('verify', config.images, err)
    throw err
  }
  core.setOutput('verified', String(report.verified))
  core.setOutput('verification', JSON.stringify(verifyReportJson(report)))
  if (config.showSummary) await writeSummary(verifySummaryView(report))
  if (!report.verified) throw verificationFailure(report)
}
