/**
 * Raw inputs → typed config. Pure: no environment, no files (file-or-inline values stay strings
 * and are loaded at the edge). Every rule names the inputs the way the user typed them.
 */
import { DEFAULT_API_VERSION, KNOWN_API_VERSIONS } from '../azure/api-versions.js'
import { checkArtifactSigningEndpoint } from '../azure/endpoint.js'
import { parseKeyVaultId } from '../azure/key-vault-id.js'
import { ConfigError } from '../errors.js'
import {
  INPUT_DEFAULTS,
  type RawInputs,
  type SignInputName,
  type VerifyInputName,
} from './inputs.js'

export type ReferrersMode = 'auto' | 'api' | 'tag'
export type SignatureFormat = 'cose' | 'jws'
export type ManifestForm = 'image-manifest-legacy' | 'artifact-type'

export const MICROSOFT_TSA_URL = 'http://timestamp.acs.microsoft.com/'
/** notation's default for `--max-signatures` (stated once, in INPUT_DEFAULTS). */
export const DEFAULT_MAX_SIGNATURES = Number(INPUT_DEFAULTS['max-signatures'])
/**
 * One list for the parser, the client and action.yml's default (src/azure/api-versions.ts;
 * INPUT_DEFAULTS and action.yml take the default from there, a test keeps them equal).
 */
export const DEFAULT_AS_API_VERSION = DEFAULT_API_VERSION
const AS_API_VERSIONS: readonly string[] = KNOWN_API_VERSIONS

export type SignerConfig =
  | {
      kind: 'artifact-signing'
      endpoint: string
      /** `allow-untrusted-endpoint`: the endpoint may be outside *.codesigning.azure.net. */
      allowUntrustedEndpoint: boolean
      account: string
      certificateProfile: string
      apiVersion: string
      timeoutMs: number
    }
  | { kind: 'local-key'; key: string; certificateChain: string }
  | {
      kind: 'key-vault'
      /** Input azure-key-vault-key-id (checked here and when the signer is made: src/azure/key-vault-id.ts). */
      keyId: string
      /** Input azure-key-vault-certificate-chain: PEM text or a path, loaded at the edge. */
      certificateChain?: string
      allowUntrustedEndpoint: boolean
    }

export interface AzureConfig {
  clientId?: string
  tenantId?: string
  authorityHost?: string
}

export interface RegistryConfig {
  username?: string
  password?: string
  insecureRegistries: string[]
}

export interface VerifyConfig {
  /** Inline JSON/YAML or a path; loaded at the edge. */
  trustPolicy: string
  trustStore: string
  userMetadata: ReadonlyMap<string, string>
  maxSignatures: number
}

export interface SignConfig {
  images: string[]
  signer: SignerConfig
  azure: AzureConfig
  timestamp?: { urls: string[]; rootCertificate?: string }
  signatureFormat: SignatureFormat
  manifestForm: ManifestForm
  expirySeconds?: number
  userMetadata: ReadonlyMap<string, string>
  referrers: ReferrersMode
  recursive: boolean
  /** Do not sign an image that already has a signature this run would be content with. */
  skipIfSigned: boolean
  registry: RegistryConfig
  /** Read back and verify every signed image when set. */
  verify?: VerifyConfig
  concurrency: number
  showSummary: boolean
}

export interface VerifyOnlyConfig {
  images: string[]
  verify: VerifyConfig
  azure: AzureConfig
  registry: RegistryConfig
  concurrency: number
  showSummary: boolean
}

/** Splits a list input on newlines and commas, dropping blanks and `#` comments. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
}

/** YAML 1.2 core booleans, as @actions/core getBooleanInput accepts them. */
export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new ConfigError('INPUT_INVALID', `input ${name} must be true or false, got "${value}"`)
}

function parseChoice<T extends string>(
  name: string,
  value: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === '') return fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  throw new ConfigError(
    'INPUT_INVALID',
    `input ${name} must be one of ${choices.join(', ')}, got "${value}"`,
  )
}

function parseInteger(
  name: string,
  value: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(
      'INPUT_INVALID',
      `input ${name} must be a whole number from ${min} to ${max}, got "${value}"`,
    )
  }
  return Number(value)
}

/**
 * Durations as notation's --expiry takes them, plus days and weeks: `90s`, `30m`, `12h`, `7d`,
 * `2w`, or combinations like `1d12h`. Returns seconds.
 */
export function parseDuration(name: string, value: string): number {
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }
  const parts = [...value.matchAll(/(\d+)([smhdw])/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) {
    throw new ConfigError(
      'INPUT_INVALID',
      `input ${name} must be a duration such as 90s, 30m, 12h, 7d, 2w or 1d12h, got "${value}"`,
    )
  }
  const seconds = parts.reduce((sum, p) => sum + Number(p[1]) * (unit[p[2] as string] as number), 0)
  if (seconds <= 0) throw new ConfigError('INPUT_INVALID', `input ${name} must be longer than zero`)
  if (!(seconds <= MAX_DURATION_SECONDS)) {
    throw new ConfigError(
      'INPUT_INVALID',
      `input ${name} must be at most ${MAX_DURATION_SECONDS}s (about 292 years: Go's longest time.Duration, the type of notation's --expiry), got "${value}"`,
    )
  }
  return seconds
}

/**
 * The longest Go time.Duration, in whole seconds ((2^63 - 1) ns, notation's --expiry type): a
 * longer expiry used to overflow into an Invalid Date and surface as a COSE header error.
 */
export const MAX_DURATION_SECONDS = 9_223_372_036

/**
 * `key=value` entries, one per line (the CLI joins repeated --user-metadata flags with newlines).
 * A comma belongs to the value, as in notation's `-m authors=alice,bob` (notation parses each -m
 * as one key=value split at the first "="). Keys are unique and io.cncf.notary.* is reserved.
 * A Map, not an object: keys are untrusted, and `__proto__` or `constructor` are ordinary keys.
 */
export function parseUserMetadata(name: string, value: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>()
  const lines = value
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
  for (const line of lines) {
    const eq = line.indexOf('=')
    if (eq <= 0) {
      throw new ConfigError(
        'INPUT_INVALID',
        `input ${name}: "${line}" is not of the form key=value (one entry per line)`,
      )
    }
    const key = line.slice(0, eq).trim()
    if (out.has(key))
      throw new ConfigError('INPUT_INVALID', `input ${name}: key "${key}" is given twice`)
    if (key.startsWith('io.cncf.notary')) {
      throw new ConfigError(
        'INPUT_INVALID',
        `input ${name}: key "${key}" uses the reserved prefix io.cncf.notary`,
      )
    }
    out.set(key, line.slice(eq + 1).trim())
  }
  return out
}

function requireImages(raw: RawInputs<'images'>): string[] {
  const images = parseList(raw.images)
  if (images.length === 0) {
    throw new ConfigError(
      'INPUT_MISSING',
      'input images is required: give one or more image references (tags or digests), one per line',
      {
        remedy:
          'set `images: registry.example.com/app@sha256:…` (or a tag; it is resolved to its digest)',
      },
    )
  }
  return images
}

function bothOrNeither<N extends string>(raw: RawInputs<N>, a: N, b: N): void {
  if ((raw[a] === '') !== (raw[b] === '')) {
    const missing = raw[a] === '' ? a : b
    throw new ConfigError(
      'INPUT_CONFLICT',
      `inputs ${a} and ${b} go together: ${missing} is missing`,
    )
  }
}

/** The registry inputs: explicit credentials (both or neither) and plain-HTTP hosts. */
export function registryConfig(
  raw: RawInputs<'registry-username' | 'registry-password' | 'insecure-registries'>,
): RegistryConfig {
  bothOrNeither(raw, 'registry-username', 'registry-password')
  return {
    ...(raw['registry-username'] === ''
      ? {}
      : { username: raw['registry-username'], password: raw['registry-password'] }),
    insecureRegistries: parseRegistryHosts('insecure-registries', raw['insecure-registries']),
  }
}

/** A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional :port. */
const REGISTRY_HOST =
  /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?))*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i

/**
 * Registry hosts as a reference names them (`host` or `host:port`, like Docker's
 * insecure-registries). Anything else used to be accepted and then never matched, so the
 * registry was silently still refused over HTTP: a URL, a path, a wildcard or a stray word.
 */
export function parseRegistryHosts(name: string, value: string): string[] {
  const hosts = parseList(value)
  for (const host of hosts) {
    const match = REGISTRY_HOST.exec(host)
    const port = match?.[1] === undefined ? undefined : Number(match[1])
    if (match !== null && (port === undefined || (port >= 1 && port <= 65535))) continue
    const hint = /^[a-z][a-z0-9+.-]*:\/\//i.test(host)
      ? ': give the host, without a scheme (e.g. registry.local:5000)'
      : host.includes('/')
        ? ': give the host only, without a path'
        : host.includes('*')
          ? ': wildcards are not supported, list each host'
          : ': expected host or host:port (port 1-65535)'
    throw new ConfigError('INPUT_INVALID', `input ${name}: "${host}" is not a registry host${hint}`)
  }
  return hosts
}

/** The Azure identity inputs (environment fallbacks are applied where the credential is made). */
export function azureConfig(
  raw: RawInputs<'azure-client-id' | 'azure-tenant-id' | 'azure-authority-host'>,
): AzureConfig {
  return {
    ...(raw['azure-client-id'] === '' ? {} : { clientId: raw['azure-client-id'] }),
    ...(raw['azure-tenant-id'] === '' ? {} : { tenantId: raw['azure-tenant-id'] }),
    ...(raw['azure-authority-host'] === '' ? {} : { authorityHost: raw['azure-authority-host'] }),
  }
}

function verifyConfig(
  raw: RawInputs<'trust-policy' | 'trust-store' | 'user-metadata' | 'max-signatures'>,
  required: boolean,
): VerifyConfig | undefined {
  if (raw['trust-policy'] === '') {
    if (required) {
      throw new ConfigError(
        'INPUT_MISSING',
        'input trust-policy is required: give a notation trust policy (inline JSON/YAML or a path)',
      )
    }
    if (raw['trust-store'] !== '') {
      throw new ConfigError(
        'INPUT_CONFLICT',
        'input trust-store is set but trust-policy is not: verification needs both',
      )
    }
    return undefined
  }
  return {
    trustPolicy: raw['trust-policy'],
    trustStore: raw['trust-store'],
    userMetadata: parseUserMetadata('user-metadata', raw['user-metadata']),
    maxSignatures: parseInteger(
      'max-signatures',
      raw['max-signatures'],
      DEFAULT_MAX_SIGNATURES,
      1,
      10_000,
    ),
  }
}

export function parseSignConfig(raw: RawInputs<SignInputName>): SignConfig {
  const images = requireImages(raw)
  const asInputs = [
    'artifact-signing-endpoint',
    'artifact-signing-account',
    'artifact-signing-certificate-profile',
  ] as const
  const asGiven = asInputs.filter((n) => raw[n] !== '')
  const localGiven = (['signing-key', 'signing-certificate-chain'] as const).filter(
    (n) => raw[n] !== '',
  )
  const kvGiven = (['azure-key-vault-key-id', 'azure-key-vault-certificate-chain'] as const).filter(
    (n) => raw[n] !== '',
  )
  const families = [asGiven, localGiven, kvGiven].filter((g) => g.length > 0)
  const allowUntrusted = parseBoolean(
    'allow-untrusted-endpoint',
    raw['allow-untrusted-endpoint'] || INPUT_DEFAULTS['allow-untrusted-endpoint'],
    false,
  )
  let signer: SignerConfig
  if (families.length > 1) {
    throw new ConfigError(
      'INPUT_CONFLICT',
      `give only one signer (the artifact-signing-* inputs, signing-key with signing-certificate-chain, or azure-key-vault-key-id), got ${families.flat().join(', ')}`,
    )
  } else if (asGiven.length > 0) {
    const missing = asInputs.filter((n) => raw[n] === '')
    if (missing.length > 0) {
      throw new ConfigError(
        'INPUT_MISSING',
        `Artifact Signing needs ${asInputs.join(', ')}: missing ${missing.join(', ')}`,
      )
    }
    // Refused here, before any identity is created: the endpoint receives the Azure token.
    checkArtifactSigningEndpoint(raw['artifact-signing-endpoint'], allowUntrusted)
    signer = {
      kind: 'artifact-signing',
      endpoint: raw['artifact-signing-endpoint'],
      allowUntrustedEndpoint: allowUntrusted,
      account: raw['artifact-signing-account'],
      certificateProfile: raw['artifact-signing-certificate-profile'],
      apiVersion: parseChoice(
        'artifact-signing-api-version',
        raw['artifact-signing-api-version'],
        AS_API_VERSIONS,
        DEFAULT_AS_API_VERSION,
      ),
      timeoutMs:
        parseDuration(
          'artifact-signing-timeout',
          raw['artifact-signing-timeout'] || INPUT_DEFAULTS['artifact-signing-timeout'],
        ) * 1000,
    }
  } else if (localGiven.length > 0) {
    bothOrNeither(raw, 'signing-key', 'signing-certificate-chain')
    signer = {
      kind: 'local-key',
      key: raw['signing-key'],
      certificateChain: raw['signing-certificate-chain'],
    }
  } else if (kvGiven.length > 0) {
    if (raw['azure-key-vault-key-id'] === '') {
      throw new ConfigError(
        'INPUT_MISSING',
        'input azure-key-vault-certificate-chain is set but azure-key-vault-key-id is not: the chain belongs to a Key Vault key',
      )
    }
    // Checked here (pure) so a bad vault URL fails before any request; the signer re-checks it.
    parseKeyVaultId(raw['azure-key-vault-key-id'], { allowUntrusted })
    signer = {
      kind: 'key-vault',
      keyId: raw['azure-key-vault-key-id'],
      ...(raw['azure-key-vault-certificate-chain'] === ''
        ? {}
        : { certificateChain: raw['azure-key-vault-certificate-chain'] }),
      allowUntrustedEndpoint: allowUntrusted,
    }
  } else {
    throw new ConfigError(
      'INPUT_MISSING',
      'no signer: set artifact-signing-endpoint, artifact-signing-account and artifact-signing-certificate-profile (Azure Artifact Signing), signing-key and signing-certificate-chain (a local key), or azure-key-vault-key-id (Azure Key Vault)',
    )
  }
  if (signer.kind !== 'artifact-signing') {
    for (const n of ['artifact-signing-api-version', 'artifact-signing-timeout'] as const) {
      // The runner fills in action.yml's default, so only a value the user changed is an error.
      if (raw[n] !== '' && raw[n] !== INPUT_DEFAULTS[n])
        throw new ConfigError(
          'INPUT_NOT_APPLICABLE',
          `input ${n} applies to Artifact Signing only, but ${signer.kind === 'local-key' ? 'a local key' : 'Azure Key Vault'} is used`,
        )
    }
  }
  if (
    signer.kind === 'local-key' &&
    raw['allow-untrusted-endpoint'] !== '' &&
    // The runner passes action.yml's default 'false' on every run: that is not the user's choice.
    raw['allow-untrusted-endpoint'] !== INPUT_DEFAULTS['allow-untrusted-endpoint']
  ) {
    throw new ConfigError(
      'INPUT_NOT_APPLICABLE',
      'input allow-untrusted-endpoint applies to the Artifact Signing and Azure Key Vault endpoints only, but a local key is used',
    )
  }
  const tsaUrls = raw['timestamp-url'] === 'none' ? [] : parseList(raw['timestamp-url'])
  if (
    tsaUrls.length === 0 &&
    signer.kind === 'artifact-signing' &&
    raw['timestamp-url'] !== 'none'
  ) {
    // Artifact Signing certificates live 72 hours: without a timestamp a signature stops verifying then.
    tsaUrls.push(MICROSOFT_TSA_URL)
  }
  for (const u of tsaUrls) {
    if (!/^https?:\/\/[^\s/]+/.test(u))
      throw new ConfigError('INPUT_INVALID', `input timestamp-url: "${u}" is not an http(s) URL`)
  }
  if (tsaUrls.length === 0 && raw['timestamp-root-certificate'] !== '') {
    throw new ConfigError(
      'INPUT_CONFLICT',
      'input timestamp-root-certificate is set but no timestamp-url is used',
    )
  }
  const format = parseChoice<SignatureFormat>(
    'signature-format',
    raw['signature-format'],
    ['cose', 'jws'],
    INPUT_DEFAULTS['signature-format'],
  )
  const verify = verifyConfig(raw, false)
  return {
    images,
    signer,
    azure: azureConfig(raw),
    ...(tsaUrls.length === 0
      ? {}
      : {
          timestamp: {
            urls: tsaUrls,
            ...(raw['timestamp-root-certificate'] === ''
              ? {}
              : { rootCertificate: raw['timestamp-root-certificate'] }),
          },
        }),
    signatureFormat: format,
    manifestForm: parseChoice<ManifestForm>(
      'signature-manifest',
      raw['signature-manifest'],
      ['image-manifest-legacy', 'artifact-type'],
      INPUT_DEFAULTS['signature-manifest'],
    ),
    ...(raw.expiry === '' ? {} : { expirySeconds: parseDuration('expiry', raw.expiry) }),
    userMetadata: parseUserMetadata('user-metadata', raw['user-metadata']),
    referrers: parseChoice<ReferrersMode>(
      'referrers',
      raw.referrers,
      ['auto', 'api', 'tag'],
      INPUT_DEFAULTS.referrers,
    ),
    recursive: parseBoolean('recursive', raw.recursive || INPUT_DEFAULTS.recursive, false),
    skipIfSigned: parseBoolean(
      'skip-if-signed',
      raw['skip-if-signed'] || INPUT_DEFAULTS['skip-if-signed'],
      false,
    ),
    registry: registryConfig(raw),
    ...(verify === undefined ? {} : { verify }),
    ...runOptions(raw),
  }
}

/** The inputs both actions share for how a run goes: parallel images and the job summary. */
function runOptions(raw: RawInputs<'concurrency' | 'show-summary'>): {
  concurrency: number
  showSummary: boolean
} {
  return {
    concurrency: parseInteger(
      'concurrency',
      raw.concurrency,
      Number(INPUT_DEFAULTS.concurrency),
      1,
      32,
    ),
    showSummary: parseBoolean(
      'show-summary',
      raw['show-summary'] || INPUT_DEFAULTS['show-summary'],
      true,
    ),
  }
}

export function parseVerifyConfig(raw: RawInputs<VerifyInputName>): VerifyOnlyConfig {
  const images = requireImages(raw)
  return {
    images,
    verify: verifyConfig(raw, true) as VerifyConfig,
    azure: azureConfig(raw),
    registry: registryConfig(raw),
    ...runOptions(raw),
  }
}
