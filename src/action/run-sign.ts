/**
 * The root action: sign every image, then (with a trust policy) read each signature back from the
 * registry and verify it before the step succeeds. Outputs and the job summary are written even
 * when verification fails, so the report is never lost.
 */
import * as core from '@actions/core'
import type { RuntimeEnv } from '../commands/deps.js'
import { runSignJob } from '../commands/jobs.js'
import type { SignedManifest } from '../commands/types.js'
import type { VerifyReport } from '../commands/verify.js'
import { ActionError } from '../errors.js'
import { signSummaryMarkdown, type VerificationRow } from '../report/summary.js'
import type { SignConfig } from '../config/config.js'
import { coreLogger } from './core-logger.js'
import { maskSecret } from './secrets.js'
import { verificationRows, verificationFailure } from './run-verify.js'

export function actionRuntime(): RuntimeEnv {
  return { logger: coreLogger, env: process.env, mask: maskSecret }
}

export function signOutputs(signed: SignedManifest[]): Record<string, string> {
  const first = signed[0]
  return {
    digest: first?.digest ?? '',
    'signature-digest': first?.signatureDigest ?? '',
    signatures: JSON.stringify(
      signed.map((s) => ({
        reference: s.reference,
        repository: s.repository,
        digest: s.digest,
        mediaType: s.mediaType,
        ...(s.platform ? { platform: s.platform } : {}),
        signatureDigest: s.signatureDigest,
        referrersMode: s.referrersMode,
        signer: s.signer,
        timestamp: s.timestamp ?? null,
        ...(s.skipped ? { skipped: true, skipReason: s.skipped.reason } : {}),
      })),
    ),
  }
}

/**
 * The read-back rows keyed by the signature manifest each one verified, so a summary row shows the
 * verdict of the signature this run pushed (never another signature of the same image).
 */
export function readBackRows(verification: VerifyReport): Map<string, VerificationRow> {
  const rows = verificationRows(verification)
  const out = new Map<string, VerificationRow>()
  verification.images.forEach((image, i) => {
    const row = rows[i]
    if (image.signatureDigest !== undefined && row !== undefined)
      out.set(image.signatureDigest, row)
  })
  return out
}

export async function runSignAction(config: SignConfig): Promise<void> {
  const { signed, signer, verification, timings } = await runSignJob(config, actionRuntime())
  for (const [name, value] of Object.entries(signOutputs(signed))) core.setOutput(name, value)
  core.setOutput('artifact-signing-api-version', signer.artifactSigningApiVersion ?? '')
  let rows: Map<string, VerificationRow> | undefined
  if (verification) {
    core.setOutput('verified', String(verification.verified))
    core.setOutput('verification', JSON.stringify(verification))
    rows = readBackRows(verification)
  }
  // The summary is written before failing, so a verification report is never lost.
  if (config.showSummary) {
    await core.summary.addRaw(signSummaryMarkdown(signed, rows, timings, signer)).write()
  }
  if (verification && !verification.verified) throw verificationFailure(verification)
  if (signed.length === 0) throw new ActionError('NOTHING_SIGNED', 'no image was signed')
}
