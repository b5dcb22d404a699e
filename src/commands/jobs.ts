/**
 * The two jobs the product runs, from a parsed config to results, shared by the actions and the
 * CLI (which differ only in how they read the config and present the results).
 */
import type { SignConfig, VerifyConfig, VerifyOnlyConfig } from '../config/config.js'
import type { RegistryClient } from '../oci/client.js'
import {
  SIGNING_AGENT,
  lazyAzureCredential,
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
import type { SignedManifest } from './types.js'
import { verifyImages, type VerifyReport } from './verify.js'

export interface SignJobResult {
  signed: SignedManifest[]
  /** Present when a trust policy was given: every signed manifest read back and verified. */
  verification?: VerifyReport
  /** Milliseconds per phase. */
  timings: Record<string, number>
}

/** One transport, one lazily created Azure identity and one registry client for a whole job. */
function connect(
  config: SignConfig | VerifyOnlyConfig,
  runtime: RuntimeEnv,
  access: RegistryAccess,
) {
  const transport = productionTransport(runtime)
  const credential = lazyAzureCredential(config.azure, runtime)
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
  const timestamper = await productionTimestamper(config.timestamp, transport, runtime)
  void timestamper?.prepare?.()
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
  const timings: Record<string, number> = { sign: Date.now() - started }
  if (!config.verify || !verification) return { signed, timings }
  const verifyStarted = Date.now()
  // Each signed manifest is verified by digest, as read back from the registry.
  const images = [...new Set(signed.map((s) => `${s.repository}@${s.digest}`))]
  const report = await verifyWith(
    images,
    config.verify,
    config.concurrency,
    verification,
    registry,
    runtime,
  )
  timings.verify = Date.now() - verifyStarted
  return { signed, verification: report, timings }
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

function verifyWith(
  images: string[],
  verify: VerifyConfig,
  concurrency: number,
  verification: LoadedVerification,
  registry: RegistryClient,
  runtime: RuntimeEnv,
): Promise<VerifyReport> {
  return verifyImages(
    images,
    {
      policy: verification.policy,
      trustStore: verification.trustStore,
      userMetadata: verify.userMetadata,
      maxSignatures: verify.maxSignatures,
      concurrency,
    },
    {
      registry,
      revocation: verification.revocation,
      logger: runtime.logger,
      now: () => new Date(),
    },
  )
}
