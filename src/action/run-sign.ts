/**
 * The root action: sign every image, then (with a trust policy) read each signature back from the
 * registry and verify it before the step succeeds. Outputs and the job summary are written even
 * when verification fails, so the report is never lost.
 */
import * as core from '@actions/core'
import { signImages } from '../commands/sign.js'
import {
  SIGNING_AGENT,
  lazyAzureCredential,
  loadVerification,
  productionRegistry,
  productionSigner,
  productionTimestamper,
  productionTransport,
  type RuntimeEnv,
} from '../commands/deps.js'
import { verifyImages, type VerifyReport } from '../commands/verify.js'
import type { SignedManifest } from '../commands/types.js'
import { ActionError } from '../errors.js'
import { signSummaryMarkdown, type VerificationRow } from '../report/summary.js'
import type { SignConfig } from './config.js'
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
      })),
    ),
  }
}

export async function runSignAction(config: SignConfig): Promise<void> {
  const runtime = actionRuntime()
  const timings: Record<string, number> = {}
  const started = Date.now()
  const transport = productionTransport(runtime)
  const credential = lazyAzureCredential(config.azure, runtime)
  const registry = productionRegistry(
    config.images,
    config.registry,
    config.azure,
    transport,
    runtime,
    credential,
  )
  // Verification inputs are loaded before signing, so a bad policy fails before anything is pushed.
  const verification = config.verify
    ? await loadVerification(config.verify, transport, runtime)
    : undefined
  const signer = await productionSigner(config.signer, transport, runtime, credential, new Date())
  const timestamper = await productionTimestamper(config.timestamp, transport, runtime)
  const signed = await signImages(
    config.images,
    {
      format: config.signatureFormat,
      manifestForm: config.manifestForm,
      ...(config.expirySeconds === undefined ? {} : { expirySeconds: config.expirySeconds }),
      userMetadata: config.userMetadata,
      referrers: config.referrers,
      recursive: config.recursive,
      concurrency: config.concurrency,
    },
    {
      registry,
      signer,
      ...(timestamper ? { timestamper } : {}),
      logger: runtime.logger,
      now: () => new Date(),
      signingAgent: SIGNING_AGENT,
    },
  )
  timings.sign = Date.now() - started
  for (const [name, value] of Object.entries(signOutputs(signed))) core.setOutput(name, value)

  let report: VerifyReport | undefined
  let rows: Map<string, VerificationRow> | undefined
  if (config.verify && verification) {
    const verifyStarted = Date.now()
    // Each signed manifest is verified by digest, as read back from the registry.
    const targets = [...new Set(signed.map((s) => `${s.repository}@${s.digest}`))]
    report = await verifyImages(
      targets,
      {
        policy: verification.policy,
        trustStore: verification.trustStore,
        userMetadata: config.verify.userMetadata,
        maxSignatures: config.verify.maxSignatures,
        concurrency: config.concurrency,
      },
      {
        registry,
        revocation: verification.revocation,
        logger: runtime.logger,
        now: () => new Date(),
      },
    )
    timings.verify = Date.now() - verifyStarted
    core.setOutput('verified', String(report.verified))
    core.setOutput('verification', JSON.stringify(report))
    rows = new Map(verificationRows(report).map((r) => [r.digest, r]))
  }
  if (config.showSummary) {
    await core.summary.addRaw(signSummaryMarkdown(signed, rows, timings)).write()
  }
  if (report && !report.verified) throw verificationFailure(report)
  if (signed.length === 0) throw new ActionError('NOTHING_SIGNED', 'no image was signed')
}
