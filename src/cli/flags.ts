/**
 * The CLI's flags (what its parser accepts) and help texts, side by side:
 * __tests__/unit/cli/flags.test.ts checks that each command's help names every flag it accepts.
 */
import type { ParseArgsConfig } from 'node:util'
import { SIGN_INPUTS, VERIFY_INPUTS } from '../config/inputs.js'
import { ConfigError } from '../errors.js'
import { isDigest } from '../oci/digest.js'
import { PolicyError } from '../verify/errors.js'
import {
  selectPolicy,
  type TrustPolicyDocument,
  type TrustPolicyStatement,
} from '../verify/policy.js'

export type Options = NonNullable<ParseArgsConfig['options']>

/** Flags named like the action inputs; list inputs may repeat. */
function inputFlags(
  names: readonly string[],
  lists: readonly string[],
  booleans: readonly string[],
): Options {
  const options: Options = {}
  for (const name of names) {
    if (booleans.includes(name)) options[name] = { type: 'boolean' }
    else options[name] = { type: 'string', multiple: lists.includes(name) }
  }
  return options
}

const LIST_INPUTS = ['images', 'timestamp-url', 'user-metadata', 'insecure-registries']
export const INSPECT_INPUTS = [
  'registry-username',
  'registry-password',
  'insecure-registries',
  'azure-client-id',
  'azure-tenant-id',
  'azure-authority-host',
] as const

/** Accepted by every command. */
export const COMMON_FLAGS: Options = {
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
}

export const SIGN_FLAGS = inputFlags(SIGN_INPUTS, LIST_INPUTS, [
  'recursive',
  'skip-if-signed',
  'allow-untrusted-endpoint',
])
export const VERIFY_FLAGS = inputFlags(VERIFY_INPUTS, LIST_INPUTS, [])
export const INSPECT_FLAGS: Options = {
  ...inputFlags(INSPECT_INPUTS, LIST_INPUTS, []),
  signature: { type: 'string' },
}
export const VERIFY_SIGNATURE_FLAGS: Options = {
  signature: { type: 'string' },
  subject: { type: 'string' },
  'trust-policy': { type: 'string' },
  'trust-store': { type: 'string' },
  reference: { type: 'string' },
  'user-metadata': { type: 'string', multiple: true },
  at: { type: 'string' },
  offline: { type: 'boolean' },
}

const azureIdentityHelp = (
  fallback: string,
): string => `  --azure-client-id ID --azure-tenant-id ID   (else ${fallback})
  --azure-authority-host URL   Entra authority of a sovereign cloud (else AZURE_AUTHORITY_HOST;
                               default https://login.microsoftonline.com)`
const AZURE_IDENTITY_HELP = azureIdentityHelp('AZURE_CLIENT_ID/AZURE_TENANT_ID')

const SHOW_SUMMARY_HELP = `  --show-summary true|false   accepted like the action input, but ignored: the CLI writes no job summary`

export const SIGN_HELP = `usage: oci-notary sign --images REF [--images REF…] (signer) [options]

The flags are the action's inputs (see README "Inputs"); list flags may repeat.
signer, one of:
  --signing-key FILE|PEM --signing-certificate-chain FILE|PEM       (a local key)
  --artifact-signing-endpoint URL --artifact-signing-account NAME
  --artifact-signing-certificate-profile NAME                        (Azure Artifact Signing)
  --azure-key-vault-key-id URL                                       (Azure Key Vault)
Azure Key Vault options:
  --azure-key-vault-certificate-chain FILE|PEM   CA certificates (intermediates, then the root)
                               when the certificate's secret cannot be read or lacks the chain
Artifact Signing options:
  --artifact-signing-api-version 2022-06-15-preview|2023-06-15-preview|2024-06-15
                               (default 2022-06-15-preview)
  --artifact-signing-timeout 60s   deadline for one signing operation, e.g. 60s (default) or 2m
  --allow-untrusted-endpoint   send the Azure token to an endpoint outside
                               https://<region>.codesigning.azure.net, the Key Vault hosts and
                               loopback
Azure identity (Artifact Signing, Key Vault, and ACR sign-in):
${azureIdentityHelp('AZURE_CLIENT_ID/AZURE_TENANT_ID, or an az login for Artifact Signing')}
options:
  --timestamp-url URL (repeat for fallbacks)   --timestamp-root-certificate FILE|PEM
  --signature-format cose|jws                  --signature-manifest image-manifest-legacy|artifact-type
  --expiry 30d                                 --user-metadata key=value (repeat)
  --referrers auto|api|tag                     --recursive
  --skip-if-signed   do not sign an image that already has a signature that verifies under
                     --trust-policy (without one: that this signer made)
  --registry-username U --registry-password P  --insecure-registries HOST (repeat)
  --trust-policy FILE|TEXT --trust-store DIR|TEXT   (read back and verify after signing)
  --max-signatures N   existing signatures --skip-if-signed evaluates per image (default 100);
                       the read-back checks only the signatures this run pushed
  --concurrency N   --json (print the result as JSON)   --debug
${SHOW_SUMMARY_HELP}
`

export const VERIFY_HELP = `usage: oci-notary verify --images REF [--images REF…] --trust-policy FILE|TEXT [--trust-store DIR|TEXT] [options]

The flags are the action's inputs (see README "Inputs"); list flags may repeat.
  --trust-policy FILE|TEXT   notation trust policy (required)
  --trust-store DIR|TEXT     notation trust store; optional when every statement of the policy
                             has verification level skip
options:
  --user-metadata key=value (repeat)   --max-signatures N (default 100)
  --registry-username U --registry-password P   --insecure-registries HOST (repeat)
Azure identity (ACR sign-in):
${AZURE_IDENTITY_HELP}
  --concurrency N   --json (print the report as JSON)   --debug
${SHOW_SUMMARY_HELP}
`

/**
 * Without --reference, verify-signature matches the trust policy's registryScopes against this
 * made-up repository, which no real scope names: only a `*` statement applies.
 */
export const OFFLINE_REFERENCE = 'local/offline-signature'

export const VERIFY_SIGNATURE_HELP = `usage: oci-notary verify-signature --signature FILE --subject JSON --trust-policy FILE --trust-store FILE|DIR [options]

Verifies one signature envelope (COSE or JWS) against the artifact it should sign, offline
except for revocation checks (OCSP/CRL) unless --offline is given.
  --signature FILE         the envelope (.sig); its format is detected from the bytes
  --subject JSON           the signed artifact's descriptor, e.g.
                           '{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:…","size":123}'
                           (or @FILE to read it from a file)
  --trust-policy FILE      notation trustpolicy.json (or inline JSON/YAML)
  --trust-store FILE|DIR   notation truststore directory, or an inline/FILE type:name mapping
  --reference REF          the image, as registry/repository, or with a tag or digest as
                           \`notation ls\` prints it (registry/repository@sha256:…): its
                           registry/repository is matched against the policy's registryScopes;
                           a digest must be the --subject digest (else not verified, exit 1);
                           default "${OFFLINE_REFERENCE}", which only a "*" statement matches
  --user-metadata k=v      required signed metadata (repeat)
  --at RFC3339             verification time (default now)
  --offline                do not fetch OCSP/CRL (revocation reported as skipped)
  --json                   print the report as JSON
  --debug                  print debug messages to stderr
`

export const INSPECT_HELP = `usage: oci-notary inspect REF [--json] [--debug] [registry options]
       oci-notary inspect --signature FILE [--json]

Lists the image's Notary signatures (Referrers API or tag schema) and decodes each envelope:
format, algorithm, signer, signing time, timestamp, expiry, signing agent and signed subject.
  --signature FILE   decode one envelope file instead (offline): what it signs and by whom
  --registry-username U --registry-password P   --insecure-registries HOST (repeat)
Azure identity (ACR sign-in):
${AZURE_IDENTITY_HELP}
`

/** Each command's flags (without COMMON_FLAGS) and its help text. */
export const COMMAND_FLAGS: Record<string, { flags: Options; help: string }> = {
  sign: { flags: SIGN_FLAGS, help: SIGN_HELP },
  verify: { flags: VERIFY_FLAGS, help: VERIFY_HELP },
  'verify-signature': { flags: VERIFY_SIGNATURE_FLAGS, help: VERIFY_SIGNATURE_HELP },
  inspect: { flags: INSPECT_FLAGS, help: INSPECT_HELP },
}

/** verify-signature's --reference, split without normalising (policy scopes are literal). */
export interface OfflineReference {
  /** registry/repository, what the policy's registryScopes name. */
  repository: string
  tag?: string
  digest?: string
}

/**
 * Accepts `registry/repository`, `…:tag`, `…@sha256:…` and `…:tag@sha256:…` (as `notation ls`
 * and `docker` print references). A malformed digest is a usage error.
 */
export function parseOfflineReference(input: string | undefined): OfflineReference | undefined {
  if (input === undefined) return undefined
  let rest = input.trim()
  let digest: string | undefined
  const at = rest.lastIndexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!isDigest(digest)) {
      throw new ConfigError(
        'INPUT_INVALID',
        `--reference "${input}": "${digest}" is not a digest (algorithm:hex, e.g. sha256:…)`,
      )
    }
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
  }
  return {
    repository: rest,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  }
}

/**
 * The statement for verify-signature: `reference` (--reference) or OFFLINE_REFERENCE, at `digest`.
 * When no --reference was given and no `*` statement exists, the error says so instead of
 * suggesting to add the made-up repository to the policy.
 */
export function selectOfflineStatement(
  document: TrustPolicyDocument,
  reference: string | undefined,
  digest: string,
): { reference: string; statement: TrustPolicyStatement } {
  const full = `${reference ?? OFFLINE_REFERENCE}@${digest}`
  try {
    return { reference: full, statement: selectPolicy(document, full) }
  } catch (err) {
    if (reference !== undefined || !(err instanceof PolicyError)) throw err
    if (err.code !== 'POLICY_NOT_APPLICABLE') throw err
    throw new PolicyError(
      'POLICY_NOT_APPLICABLE',
      'no trust policy statement applies: without --reference only a statement with registryScopes ["*"] matches',
      {
        remedy:
          'pass --reference REGISTRY/REPOSITORY naming a registryScopes entry of the trust policy, or add a statement with registryScopes ["*"]',
      },
    )
  }
}
