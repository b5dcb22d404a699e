/**
 * The root action: sign every image, then (with a trust policy) read each signature back from the
 * registry and verify it before the step succeeds. Outputs and the job summary are written even
 * when verification fails, so the report is never lost; a failure before anything was signed
 * (OIDC, sign-in, signer) still gets a summary saying why.
 */
import * as core from '@actions/core'
import type { RuntimeEnv } from '../commands/deps.js'
import { runSignJob, type SignJobResult } from '../commands/jobs.js'
import type { SignedManifest } from '../commands/types.js'
import { ActionError } from '../errors.js'
import { signSummaryView } from '../report/summary.js'
import { renderVerificationHint, verificationHint } from '../report/verification-hint.js'
import type { SignConfig } from '../config/config.js'
import { loadPemInput } from '../signer/load-local.js'
import { trustAnchorOf, type TrustAnchor } from '../x509/anchor.js'
import { pemToCertificates } from '../x509/pem.js'
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
      })),
    ),
    'verification-hint': hint ?? '',
  }
}

/** The configured TSA root, for the hint when the tokens do not carry theirs. */
async function configuredTimestampRoot(config: SignConfig): Promise<TrustAnchor | undefined> {
  const input = config.timestamp?.rootCertificate
  if (input === undefined) return undefined
  const pem = await loadPemInput(input, 'timestamp-root-certificate')
  return trustAnchorOf(pemToCertificates(pem, 'timestamp-root-certificate'))
}

export async function runSignAction(config: SignConfig): Promise<void> {
  let result: SignJobResult
  try {
    result = await runSignJob(config, actionRuntime())
  } catch (err) {
    if (config.showSummary) await writeFailureSummary('sign', config.images, err)
    throw err
  }
  const { signed, verification, timings } = result
  const hint = verificationHint(signed, { timestampRoot: await configuredTimestampRoot(config) })
  const hintText = hint === undefined ? undefined : renderVerificationHint(hint)
  for (const [name, value] of Object.entries(signOutputs(signed, hintText)))
    core.setOutput(name, value)
  if (verification) {
    core.setOutput('verified', String(verification.verified))
    core.setOutput('verification', JSON.stringify(verification))
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
        ...(verification ? { verification } : {}),
        timings,
        ...(showHint ? { hint: hintText } : {}),
      }),
    )
  }
  if (verification && !verification.verified) throw verificationFailure(verification)
  if (signed.length === 0) throw new ActionError('NOTHING_SIGNED', 'no image was signed')
}
