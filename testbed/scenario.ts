/**
 * The product's main scenario, shared by `npm run demo` and the e2e test: push an image, run the
 * committed dist/index.js as a runner would with Artifact Signing (through the GitHub OIDC, Entra
 * and Artifact Signing mocks), the local TSA and an inline trust policy, then dist/verify.js on the
 * digest, and dist/verify.js with a wrong trusted identity (which must fail).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pushTestImage, type PushedImage } from './image.js'
import type { AzureMocks } from './mocks/index.js'
import type { RegistryHandle } from './registry.js'
import { runAction, type ActionRun } from './runner.js'
import type { Testbed } from './stack.js'

const dist = (name: string): string => fileURLToPath(new URL(`../dist/${name}`, import.meta.url))

export interface ScenarioResult {
  registry: RegistryHandle
  image: PushedImage
  leafSubject: string
  sign: ActionRun
  verify: ActionRun
  wrongIdentity: ActionRun
  /** The inputs (and Azure identity variables) each run was given, as a workflow step would. */
  inputs: {
    sign: Record<string, string>
    verify: Record<string, string>
    wrongIdentity: Record<string, string>
  }
  /** The environment the Azure identity came from (AZURE_CLIENT_ID, AZURE_TENANT_ID). */
  identity: { clientId: string; tenantId: string }
  /** Every token and password the run involved, for leak checks. */
  secrets: string[]
}

/** The parts of a run a person or a log collector sees (workflow-command mask lines excluded). */
export function visibleText(run: ActionRun): string {
  const shown = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  return [shown, run.stderr, JSON.stringify(run.outputs), run.summary].join('\n')
}

export async function artifactSigningScenario(
  testbed: Testbed,
  mocks: AzureMocks,
  work: string,
  repository = 'demo/hello',
  options: { node?: string } = {},
): Promise<ScenarioResult> {
  const registry = testbed.registries.token
  const image = await pushTestImage(registry, repository, 'v1', `hello from ${repository}`)
  const profile = mocks.profile()
  await writeFile(join(work, 'signing-root.pem'), profile.chain.root.pem)
  await writeFile(join(work, 'tsa-root.pem'), testbed.tsa.rootPem)
  const leafSubject = profile.chain.leaf.subject
  const trustPolicy = [
    'version: "1.0"',
    'trustPolicies:',
    '  - name: demo',
    `    registryScopes: ["${registry.host}/${repository}"]`,
    '    signatureVerification: { level: strict }',
    '    trustStores: ["ca:artifact-signing", "tsa:timestamping"]',
    `    trustedIdentities: ["x509.subject: ${leafSubject}"]`,
  ].join('\n')
  const trustStore = [
    `ca:artifact-signing: [${join(work, 'signing-root.pem')}]`,
    `tsa:timestamping: [${join(work, 'tsa-root.pem')}]`,
  ].join('\n')
  const env = { ...mocks.childEnv(), NODE_EXTRA_CA_CERTS: testbed.info.tlsCaPath }
  const registryInputs = {
    'registry-username': registry.username as string,
    'registry-password': registry.password as string,
  }

  const signInputs = {
    images: image.reference,
    'artifact-signing-endpoint': mocks.dataPlaneUrl,
    'artifact-signing-account': profile.account,
    'artifact-signing-certificate-profile': profile.config.name,
    'timestamp-url': testbed.tsa.url,
    'timestamp-root-certificate': join(work, 'tsa-root.pem'),
    'user-metadata': 'pipeline=demo',
    'trust-policy': trustPolicy,
    'trust-store': trustStore,
    ...registryInputs,
  }
  const sign = await runAction(dist('index.js'), signInputs, env, options)
  const byDigest = `${registry.host}/${repository}@${sign.outputs.digest ?? image.digest}`
  const verifyInputs = {
    images: byDigest,
    'trust-policy': trustPolicy,
    'trust-store': trustStore,
    'user-metadata': 'pipeline=demo',
    ...registryInputs,
  }
  const verify = await runAction(dist('verify.js'), verifyInputs, env, options)
  const wrongIdentityInputs = {
    images: byDigest,
    'trust-policy': trustPolicy.replace(
      /x509\.subject: [^"]+/,
      'x509.subject: C=US, ST=WA, O=Somebody Else',
    ),
    'trust-store': trustStore,
    'show-summary': 'false',
    ...registryInputs,
  }
  const wrongIdentity = await runAction(dist('verify.js'), wrongIdentityInputs, env, options)
  return {
    registry,
    image,
    leafSubject,
    sign,
    verify,
    wrongIdentity,
    inputs: { sign: signInputs, verify: verifyInputs, wrongIdentity: wrongIdentityInputs },
    identity: { clientId: mocks.clientId, tenantId: mocks.tenantId },
    secrets: [...mocks.issuedSecrets, registry.password as string],
  }
}
