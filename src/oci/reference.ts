/**
 * Image references, following the docker grammar of distribution/reference (regexp.go,
 * normalize.go): `[registry[:port]/]path[:tag][@digest]`. Pure: no I/O.
 *
 * Normalisation is docker's: no registry (or a first component without `.`/`:` that is not
 * `localhost`) means `docker.io`; `index.docker.io` is written `docker.io`; a one-component Docker
 * Hub path gets `library/`. The API host of docker.io is registry-1.docker.io (`apiHost`).
 */
import { RegistryError } from './errors.js'
import { isDigest } from './digest.js'

export interface Reference {
  /** Registry as the user means it, normalised: `docker.io`, `ghcr.io`, `127.0.0.1:5000`, `[::1]:5000`. */
  registry: string
  /** Repository path inside the registry, e.g. `library/alpine`. */
  repository: string
  tag?: string
  digest?: string
}

export const DOCKER_HUB = 'docker.io'
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])
const NAME_TOTAL_LENGTH_MAX = 255

// distribution/reference regexp.go, as anchored pieces.
const ALPHANUMERIC = '[a-z0-9]+'
const SEPARATOR = '(?:[._]|__|[-]+)'
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`
const REMOTE_NAME = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]'
const DOMAIN_AND_PORT = new RegExp(`^(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?$`)
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST_GRAMMAR = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/

function invalid(input: string, reason: string): RegistryError {
  const shown = input.length > 300 ? `${input.slice(0, 300)}…` : input
  return new RegistryError(
    'REFERENCE_INVALID',
    `image reference "${shown}" is invalid: ${reason}`,
    {
      remedy: 'use the form registry/repository:tag or registry/repository@sha256:<digest>',
    },
  )
}

/**
 * Parses an image reference. Throws `RegistryError` REFERENCE_INVALID whose message quotes the
 * input and says which part is wrong.
 */
export function parseReference(input: string): Reference {
  if (input.length === 0) throw invalid(input, 'it is empty')
  if (/\s/.test(input)) throw invalid(input, 'it contains whitespace')
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw invalid(input, 'it has a URL scheme; give the registry host without http:// or https://')
  }

  let rest = input
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST_GRAMMAR.test(digest)) {
      throw invalid(input, `"${digest}" after "@" is not a digest (algorithm:hex)`)
    }
    if (!isDigest(digest)) {
      throw invalid(
        input,
        `digest "${digest}" is not supported: expected sha256:<64 lowercase hex> or sha512:<128 lowercase hex>`,
      )
    }
  }

  let tag: string | undefined
  const lastColon = rest.lastIndexOf(':')
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1)
    rest = rest.slice(0, lastColon)
    if (!TAG.test(tag)) {
      throw invalid(
        input,
        `tag "${tag}" must be 1-128 characters of [A-Za-z0-9_.-] and not start with "." or "-"`,
      )
    }
  }

  const name = rest
  if (name.length === 0) throw invalid(input, 'the repository name is missing')
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    throw invalid(
      input,
      `the name is ${name.length} characters; at most ${NAME_TOTAL_LENGTH_MAX} are allowed`,
    )
  }
  if (ANCHORED_IDENTIFIER.test(name)) {
    throw invalid(input, 'a bare 64-character hex string is an image id, not a repository name')
  }

  // normalize.go splitDockerDomain
  const slash = name.indexOf('/')
  let registry: string
  let repository: string
  const first = slash === -1 ? '' : name.slice(0, slash)
  if (
    slash === -1 ||
    (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)
  ) {
    registry = DOCKER_HUB
    repository = name
  } else {
    registry = first
    repository = name.slice(slash + 1)
    if (!DOMAIN_AND_PORT.test(registry)) {
      throw invalid(input, `registry "${registry}" is not a valid host[:port]`)
    }
  }
  if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) registry = DOCKER_HUB
  if (!REMOTE_NAME.test(repository)) {
    if (REMOTE_NAME.test(repository.toLowerCase())) {
      throw invalid(input, `repository "${repository}" must be lowercase`)
    }
    throw invalid(
      input,
      `repository "${repository}" must be lowercase path components of [a-z0-9] joined by "/", ".", "_", "__" or "-"`,
    )
  }
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`

  return {
    registry,
    repository,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  }
}

/** `registry/repository[:tag][@digest]`, the normalised form. */
export function formatReference(ref: Reference): string {
  return (
    `${ref.registry}/${ref.repository}` +
    (ref.tag === undefined ? '' : `:${ref.tag}`) +
    (ref.digest === undefined ? '' : `@${ref.digest}`)
  )
}

/** `registry/repository`, what error messages and logs name. */
export function repositoryName(ref: Pick<Reference, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`
}

/** The host the registry API is served on: registry-1.docker.io for Docker Hub, else the registry. */
export function apiHost(registry: string): string {
  return DOCKER_HUB_ALIASES.has(registry.toLowerCase())
    ? 'registry-1.docker.io'
    : registry.toLowerCase()
}

/**
 * The name credentials are stored under: lowercase, without scheme and path, Docker Hub aliases
 * folded to `docker.io`. Matching is exact on this form (never by substring or suffix).
 */
export function credentialKey(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase()
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
  const slash = host.indexOf('/')
  if (slash >= 0) host = host.slice(0, slash)
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host
}

/** True for localhost, 127.0.0.0/8 and ::1 (with or without a port). */
export function isLoopback(host: string): boolean {
  let h = host.toLowerCase()
  if (h.startsWith('[')) {
    h = h.slice(1, h.indexOf(']'))
    return h === '::1' || h === '0:0:0:0:0:0:0:1'
  }
  h = h.replace(/:\d+$/, '')
  return h === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(h)
}
