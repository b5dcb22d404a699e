/**
 * Which hosts may receive an Azure bearer token. Pure: a URL string in, a verdict out.
 *
 * The Artifact Signing token is issued for the audience `https://codesigning.azure.net`, and the
 * client sends it to whatever `artifact-signing-endpoint` names. A typo or a hostile value (e.g.
 * `https://eus.codesigning.azure.net.evil.com`) would hand a live token to someone else, so only
 * hosts of that audience's domain are accepted, plus loopback (tests and local mocks).
 *
 * Sovereign clouds: none is listed. Microsoft documents Artifact Signing (formerly Trusted
 * Signing) endpoints only as `https://<region>.codesigning.azure.net` (the region table of its
 * quickstart) and the only token scope any client uses is
 * `https://codesigning.azure.net/.default`; no US Government or China endpoint is documented.
 * A cloud that gets one can be added here, or reached with the explicit opt-in.
 *
 * Other Azure services follow the same pattern with their own domain, e.g. Key Vault's
 * `*.vault.azure.net`: build a rule with `serviceHostRule` and check it with `checkServiceEndpoint`.
 */
import { ConfigError } from '../errors.js'
// Loopback is the registry client's rule (localhost, 127.0.0.0/8, ::1); `URL` normalises `127.1`
// and `0x7f.0.0.1` to `127.0.0.1` before it is asked.
import { isLoopback } from '../oci/reference.js'

/** One DNS label (what a region code is), lower case as `URL` gives hostnames. */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'

export interface ServiceHostRule {
  /** What the host should look like, for messages, e.g. `<region>.codesigning.azure.net`. */
  readonly shape: string
  /** The service's DNS suffix without the leading dot, e.g. `codesigning.azure.net`. */
  readonly suffix: string
  /** A valid endpoint for remedies, e.g. `https://eus.codesigning.azure.net`. */
  readonly example: string
  /** True for a host of the service: exactly one label in front of the suffix. */
  matches(hostname: string): boolean
}

/** `labelName` names the host's first label in messages; `exampleLabel` is a valid one. */
export function serviceHostRule(
  suffix: string,
  labelName: string,
  exampleLabel: string,
): ServiceHostRule {
  const pattern = new RegExp(`^${LABEL}\\.${suffix.replace(/\./g, '\\.')}$`)
  return {
    shape: `<${labelName}>.${suffix}`,
    suffix,
    example: `https://${exampleLabel}.${suffix}`,
    matches: (hostname) => pattern.test(hostname),
  }
}

/** Azure Artifact Signing data plane: `https://<region>.codesigning.azure.net`. */
export const ARTIFACT_SIGNING_HOSTS = serviceHostRule('codesigning.azure.net', 'region', 'eus')

export type EndpointTrust = 'service' | 'loopback' | 'untrusted'

/** How far a parsed endpoint URL may be trusted with a token for the service. */
export function endpointTrust(url: URL, rule: ServiceHostRule): EndpointTrust {
  if (isLoopback(url.hostname)) return 'loopback'
  // A trailing dot (`host.azure.net.`) names the same host, but nothing needs it: it is refused.
  return rule.matches(url.hostname) ? 'service' : 'untrusted'
}

export interface EndpointCheck {
  /** The input that carries the endpoint, e.g. `artifact-signing-endpoint`. */
  input: string
  /** The opt-in input, e.g. `allow-untrusted-endpoint`. */
  optIn: string
  rule: ServiceHostRule
  /** True when the user opted in to any https host. */
  allowUntrusted: boolean
}

export interface CheckedEndpoint {
  /** Origin and path, trailing slashes stripped (a `//path` is a 404 at the service). */
  endpoint: string
  trust: EndpointTrust
}

/**
 * Parses an endpoint that will receive a bearer token and refuses, with a coded config error
 * naming the input: anything but an absolute, bare (no credentials, query or fragment) https URL,
 * or http on loopback; and a host outside the service's domain unless the user opted in. The
 * caller warns when `trust` is `untrusted` (opted in).
 */
export function checkServiceEndpoint(value: string, check: EndpointCheck): CheckedEndpoint {
  const remedy = `use the service endpoint, e.g. ${check.rule.example}`
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new ConfigError('INPUT_INVALID', `${check.input} "${value}" is not an absolute URL`, {
      remedy,
    })
  }
  const loopbackHttp = url.protocol === 'http:' && isLoopback(url.hostname)
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw new ConfigError('INPUT_INVALID', `${check.input} must use https, got "${url.protocol}"`, {
      remedy,
    })
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ConfigError(
      'INPUT_INVALID',
      `${check.input} must be a bare URL without credentials, query or fragment`,
      { remedy },
    )
  }
  const trust = endpointTrust(url, check.rule)
  if (trust === 'untrusted' && !check.allowUntrusted) {
    throw new ConfigError(
      'INPUT_INVALID',
      `${check.input} "${url.origin}" is not an endpoint of the service: the Azure token is sent only to https://${check.rule.shape} or a loopback address`,
      {
        remedy: `${remedy}; to send the token to another host on purpose (a proxy you run), set ${check.optIn}: true`,
      },
    )
  }
  return { endpoint: `${url.origin}${url.pathname}`.replace(/\/+$/, ''), trust }
}

/** The Artifact Signing endpoint as the signer uses it (input `artifact-signing-endpoint`). */
export function checkArtifactSigningEndpoint(
  value: string,
  allowUntrusted: boolean,
): CheckedEndpoint {
  return checkServiceEndpoint(value, {
    input: 'artifact-signing-endpoint',
    optIn: 'allow-untrusted-endpoint',
    rule: ARTIFACT_SIGNING_HOSTS,
    allowUntrusted,
  })
}
