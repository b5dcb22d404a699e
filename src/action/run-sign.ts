/**
 * The root action: sign every image, then (with a trust policy) read each signature back from the
 * registry and verify it before the step succeeds. Outputs and the job summary are written even
 * when verification fails, so the report is never lost; a failure before anything was signed
 * (OIDC, sign-in, signer) still gets a summary saying why.
 */
import * as core from '@actions/core'
import type { RuntimeEnv } from '../commands/deps.js'
import { verificationHintFor } from '../commands/hint.js'
import { runSignJob, type SignJobResult } from '../commands/jobs.js'
import type { SignedManifest } from '../commands/types.js'
import { ActionError } from '../errors.js'
import { signatureEntries, verifyReportJson } from '../report/results.js'
import { signSummaryView } from '../report/summary.js'
import { renderVerificationHint } from '../report/verification-hint.js'
import type { SignConfig } from '../config/config.js'
import { coreLogger } from './core-logger.js'
import { maskSecret } from './secrets.js'
import { verificationFailure } from './run-verify.js'
import { writeFailureSummary, writeSummary } from './summary.js'

export function actionRuntime(): RuntimeEnv {
  return { logger: coreLogger, env: process.env, mask: maskSecret }
}

export function signOutputs(signed: SignedManifest[], hint?: string): Record<string, string> {
  const first = signed[0]
  return {
    digest: first?.digest ?? '',
    'signature-digest': first?.signatureDigest ?? '',
    signatures: JSON.stringify(signatureEntries(signed)),
    'verification-hint': hint ?? '',
  }
}

export async function runSignAction(config: SignConfig): Promise<void> {
  let result: SignJobResult
  try {
    result = await runSignJob(config, actionRuntime())
  } catch (err) {
    if (config.showSummary) await writeFailureSummary('sign', config.images, err)
    throw err
  }
  const { signed, signer, verification, timings } = result
  const hint = verificationHintFor(result)
  const hintText = hint === undefined ? undefined : renderVerificationHint(hint)
  for (const [name, value] of Object.entries(signOutputs(signed, hintText)))
    core.setOutput(name, value)
  core.setOutput('artifact-signing-api-version', signer.artifactSigningApiVersion ?? '')
  if (verification) {
    core.setOutput('verified', String(verification.verified))
    core.setOutput('verification', JSON.stringify(verifyReportJson(verification)))
  }
  // A hint is only offered for signatures that verified (or were not read back).
  const showHint = hintText !== undefined && (verification === undefined || verification.verified)
  if (showHint) {
    await core.group('How a consumer verifies these signatures', async () => core.info(hintText))
  }
  // The summary is written before failing, so a verification report is never lost.
  if (config.showSummary) {
    await writeSummary(
      signSummaryView({
        signed,
        signer,
        ...(verification ? { verification } : {}),
        timings,
        ...(showHint ? { hint: hintText } : {}),
      }),
    )
  }
  if (verification && !verification.verified) throw verificationFailure(verification)
  if (signed.length === 0) throw new ActionError('NOTHING_SIGNED', 'no image was signed')
}
