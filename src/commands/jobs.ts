/**
 * The two jobs the product runs, from a parsed config to results, shared by the actions and the
 * CLI (which differ only in how they read the config and present the results).
 */
import {
  DEFAULT_MAX_SIGNATURES,
  type SignConfig,
  type VerifyConfig,
  type VerifyOnlyConfig,
} from '../config/config.js'
import type { RegistryClient } from '../oci/client.js'
import type { Signer } from '../signer/signer.js'
import {
  SIGNING_AGENT,
  lazyAzureCredential,
  loadTimestampRoots,
  loadVerification,
  productionRegistry,
  productionSigner,
  productionTimestamper,
  productionTransport,
  type LoadedVerification,
  type RegistryAccess,
  type RuntimeEnv,
} from './deps.js'
import { signImages } from './sign.js'
import type { SignedManifest, SignerReport } from './types.js'
import type { VerifyDeps, VerifyOptions, VerifyReport } from './verify.js'

export interface SignJobResult {
  signed: SignedManifest[]
  signer: SignerReport
  /**
   * Present when a trust policy was given: every signature this run pushed, read back from the
   * registry by digest and verified (one image report per signature). An image skipped by
   * skip-if-signed has none: its existing signature was verified under this policy when skipped.
   */
  verification?: VerifyReport
  /** Milliseconds per phase. */
  timings: Record<string, number>
  /** timestamp-root-certificate as loaded for the job (empty when not given). */
  timestampRoots: Uint8Array[]
}

/** One transport, one lazily created Azure identity and one registry client for a whole job. */
function connect(
  config: SignConfig | VerifyOnlyConfig,
  runtime: RuntimeEnv,
  access: RegistryAccess,
) {
  const transport = productionTransport(runtime)
  const credential = lazyAzureCredential(config.azure, runtime, transport)
  const registry = productionRegistry({
    images: config.images,
    registry: config.registry,
    azure: config.azure,
    transport,
    runtime,
    credential,
    access,
  })
  return { transport, credential, registry }
}

/** Signs every image, then (with a trust policy) reads each signature back and verifies it. */
export async function runSignJob(config: SignConfig, runtime: RuntimeEnv): Promise<SignJobResult> {
  const started = Date.now()
  const { transport, credential, registry } = connect(config, runtime, 'push')
  // The signer (for Artifact Signing: loading the Azure modules, then GitHub OIDC → Entra) is
  // created, and the connections to the signing service and the TSA opened, while the inputs load
  // and the registry resolves the images: not before the registry work, nor after it.
  const signer = productionSigner(config.signer, transport, runtime, credential, new Date())
  void signer.then((s) => s.prepare?.()).catch(() => undefined)
  // Verification inputs are loaded before signing, so a bad policy fails before anything is pushed.
  const verification = config.verify
    ? await loadVerification(config.verify, transport, runtime)
    : undefined
  // …and a policy or store that cannot verify these images (a store name typo) fails here too.
  // (Loaded with the policy code it needs, only when there is a policy: start-up stays lean.)
  if (verification)
    (await import('./sign-preflight.js')).checkReadBackPossible(config.images, verification)
  // timestamp-root-certificate is read once: the timestamper, skip-if-signed and the consumer
  // hint all use these roots.
  const timestampRoots = await loadTimestampRoots(config.timestamp)
  const timestamper = productionTimestamper(config.timestamp, timestampRoots, transport, runtime)
  void timestamper?.prepare?.()
  // skip-if-signed verifies what it finds, so it brings the verifier: loaded only when asked for.
  const existingSignature = config.skipIfSigned
    ? (await import('./skip-if-signed.js')).createExistingSignatureCheck({
        criteria: verification
          ? {
              kind: 'policy',
              policy: verification.policy,
              trustStore: verification.trustStore,
              revocation: verification.revocation,
            }
          : {
              kind: 'signer',
              // Comparing with the signer's chain needs the signer itself.
              signer: await signer,
              tsaRoots: timestampRoots,
            },
        userMetadata: config.userMetadata,
        maxSignatures: config.verify?.maxSignatures ?? DEFAULT_MAX_SIGNATURES,
        logger: runtime.logger,
        now: () => new Date(),
      })
    : undefined
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
      ...(existingSignature ? { existingSignature } : {}),
    },
  )
  const timings: Record<string, number> = { sign: Date.now() - started }
  const signerReport = reportOf(await signer)
  if (!config.verify || !verification)
    return { signed, signer: signerReport, timings, timestampRoots }
  const verifyStarted = Date.now()
  const report = await readBack(
    signed.filter((s) => !s.skipped),
    config.verify,
    config.concurrency,
    verification,
    registry,
    runtime,
  )
  timings.verify = Date.now() - verifyStarted
  return { signed, signer: signerReport, verification: report, timings, timestampRoots }
}

function reportOf(signer: Signer): SignerReport {
  const report: SignerReport = { description: signer.description }
  if (isArtifactSigningSigner(signer)) {
    report.artifactSigningApiVersion = signer.apiVersion
    if (signer.apiVersionFallbackFrom !== undefined)
      report.apiVersionFallbackFrom = signer.apiVersionFallbackFrom
  }
  return report
}

/** Structural, so the Azure module stays lazily loaded. */
function isArtifactSigningSigner(
  signer: Signer,
): signer is Signer & { apiVersion: string; apiVersionFallbackFrom: string | undefined } {
  return (
    'apiVersionFallbackFrom' in signer &&
    typeof (signer as { apiVersion?: unknown }).apiVersion === 'string'
  )
}

/**
 * Reads back every signature this run pushed, by its digest, and verifies that one (not any
 * signature of the image: an older valid one must not vouch for a broken new one).
 */
async function readBack(
  signed: SignedManifest[],
  verify: VerifyConfig,
  concurrency: number,
  verification: LoadedVerification,
  registry: RegistryClient,
  runtime: RuntimeEnv,
): Promise<VerifyReport> {
  const { verifyPushedSignatures } = await import('./verify.js')
  return verifyPushedSignatures(
    signed.map((s) => ({
      repository: s.repository,
      subject: { mediaType: s.mediaType, digest: s.digest, size: s.size },
      signatureDigest: s.signatureDigest,
    })),
    verifyOptions(verify, concurrency, verification),
    verifyDeps(verification, registry, runtime),
  )
}

/** Verifies every image against the trust policy and store. */
export async function runVerifyJob(
  config: VerifyOnlyConfig,
  runtime: RuntimeEnv,
): Promise<VerifyReport> {
  const { transport, registry } = connect(config, runtime, 'pull')
  const verification = await loadVerification(config.verify, transport, runtime)
  return verifyWith(
    config.images,
    config.verify,
    config.concurrency,
    verification,
    registry,
    runtime,
  )
}

async function verifyWith(
  images: string[],
  verify: VerifyConfig,
  concurrency: number,
  verification: LoadedVerification,
  registry: RegistryClient,
  runtime: RuntimeEnv,
): Promise<VerifyReport> {
  // The verifier is loaded when a run verifies, not at start-up (a sign-only run never does).
  const { verifyImages } = await import('./verify.js')
  return verifyImages(
    images,
    verifyOptions(verify, concurrency, verification),
    verifyDeps(verification, registry, runtime),
  )
}

function verifyOptions(
  verify: VerifyConfig,
  concurrency: number,
  verification: LoadedVerification,
): VerifyOptions {
  return {
    policy: verification.policy,
    trustStore: verification.trustStore,
    userMetadata: verify.userMetadata,
    maxSignatures: verify.maxSignatures,
    concurrency,
  }
}

function verifyDeps(
  verification: LoadedVerification,
  registry: RegistryClient,
  runtime: RuntimeEnv,
): VerifyDeps {
  return {
    registry,
    revocation: verification.revocation,
    logger: runtime.logger,
    now: () => new Date(),
  }
}
