/**
 * The action's input names, in one place: action.yml, verify/action.yml, the config parser, the
 * README tables and the tests all read this list.
 */
export const SIGN_INPUTS = [
  'images',
  'artifact-signing-endpoint',
  'artifact-signing-account',
  'artifact-signing-certificate-profile',
  'artifact-signing-api-version',
  'artifact-signing-timeout',
  'azure-key-vault-key-id',
  'azure-key-vault-certificate-chain',
  'allow-untrusted-endpoint',
  'azure-client-id',
  'azure-tenant-id',
  'azure-authority-host',
  'signing-key',
  'signing-certificate-chain',
  'timestamp-url',
  'timestamp-root-certificate',
  'signature-format',
  'signature-manifest',
  'expiry',
  'user-metadata',
  'referrers',
  'recursive',
  'skip-if-signed',
  'registry-username',
  'registry-password',
  'insecure-registries',
  'trust-policy',
  'trust-store',
  'max-signatures',
  'concurrency',
  'show-summary',
] as const

export const VERIFY_INPUTS = [
  'images',
  'trust-policy',
  'trust-store',
  'user-metadata',
  'max-signatures',
  'registry-username',
  'registry-password',
  'insecure-registries',
  'azure-client-id',
  'azure-tenant-id',
  'azure-authority-host',
  'concurrency',
  'show-summary',
] as const

export type SignInputName = (typeof SIGN_INPUTS)[number]
export type VerifyInputName = (typeof VERIFY_INPUTS)[number]
export type InputName = SignInputName | VerifyInputName

/** Raw inputs as read once from the runner: trimmed strings, '' when unset. */
export type RawInputs<N extends string> = Record<N, string>

export function readRawInputs<N extends string>(
  names: readonly N[],
  getInput: (name: N) => string,
): RawInputs<N> {
  const raw = {} as RawInputs<N>
  for (const name of names) raw[name] = getInput(name).trim()
  return raw
}
