import { DEFAULT_API_VERSION } from '../azure/api-versions.js'

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

/**
 * The static defaults, as action.yml and verify/action.yml declare them under `default:` (the
 * runner fills them in before the action starts). The parser falls back to the same values when
 * an edge leaves an input unset (the CLI), so both edges behave alike. A test keeps both
 * action.yml files and the README tables identical to this record: change a default here.
 */
export const INPUT_DEFAULTS = {
  'artifact-signing-api-version': DEFAULT_API_VERSION,
  'artifact-signing-timeout': '60s',
  'signature-format': 'cose',
  'signature-manifest': 'image-manifest-legacy',
  referrers: 'auto',
  recursive: 'false',
  'skip-if-signed': 'false',
  'allow-untrusted-endpoint': 'false',
  'max-signatures': '100',
  // Each image's sign (or verify) is a chain of dependent round trips that mostly waits on the
  // network: 10 in flight sign 20 images in about twice the time of one (bench/latency.ts).
  // Throttling registries and signing services answer 429 + Retry-After, which is honoured.
  concurrency: '10',
  'show-summary': 'true',
} as const satisfies Partial<Record<InputName, string>>

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
