/**
 * `WWW-Authenticate` parsing (RFC 7235 §4.1) and docker token scopes (distribution token auth
 * spec, "scope"). Pure: no I/O.
 */

export interface Challenge {
  /** Lower-case auth scheme: `bearer`, `basic`, ... */
  scheme: string
  /** Auth params with lower-case names: realm, service, scope, error, ... */
  params: Record<string, string>
}

/** Splits on commas outside quoted strings. */
function splitItems(header: string): string[] {
  const items: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < header.length; i++) {
    const c = header[i] as string
    if (quoted && c === '\\' && i + 1 < header.length) {
      current += c + (header[i + 1] as string)
      i++
      continue
    }
    if (c === '"') quoted = !quoted
    if (c === ',' && !quoted) {
      items.push(current)
      current = ''
      continue
    }
    current += c
  }
  items.push(current)
  return items.map((s) => s.trim()).filter((s) => s.length > 0)
}

function unquote(value: string): string {
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1')
  }
  return value
}

const T = "[!#$%&'*+.^_`|~0-9A-Za-z-]+"
const PARAM = new RegExp(`^(${T})\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|[^\\s]*)$`)
const SCHEME_AND_PARAM = new RegExp(`^(${T})\\s+(${T})\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|[^\\s]*)$`)
const SCHEME_ONLY = new RegExp(`^(${T})$`)
const SCHEME_AND_TOKEN68 = new RegExp(`^(${T})\\s+[A-Za-z0-9._~+/-]+=*$`)

/**
 * Parses every challenge of a `WWW-Authenticate` value, e.g.
 * `Bearer realm="https://auth/token",service="reg",scope="repository:a:pull"`. Unparseable parts
 * are skipped rather than thrown: the caller decides what a missing challenge means.
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const out: Challenge[] = []
  let current: Challenge | undefined
  for (const item of splitItems(header)) {
    let m = SCHEME_AND_TOKEN68.exec(item)
    if (m !== null) {
      current = { scheme: (m[1] as string).toLowerCase(), params: {} }
      out.push(current)
      continue
    }
    m = SCHEME_AND_PARAM.exec(item)
    if (m !== null) {
      current = { scheme: (m[1] as string).toLowerCase(), params: {} }
      current.params[(m[2] as string).toLowerCase()] = unquote(m[3] as string)
      out.push(current)
      continue
    }
    m = PARAM.exec(item)
    if (m !== null) {
      if (current !== undefined)
        current.params[(m[1] as string).toLowerCase()] = unquote(m[2] as string)
      continue
    }
    m = SCHEME_ONLY.exec(item)
    if (m !== null) {
      current = { scheme: (m[1] as string).toLowerCase(), params: {} }
      out.push(current)
      continue
    }
    current = undefined
  }
  return out
}

/** The challenge to answer: Bearer when offered, else Basic. */
export function pickChallenge(challenges: Challenge[]): Challenge | undefined {
  return (
    challenges.find((c) => c.scheme === 'bearer' && c.params.realm !== undefined) ??
    challenges.find((c) => c.scheme === 'basic')
  )
}

/** `repository:<name>:<actions>` */
export function repositoryScope(repository: string, actions: string[]): string {
  return `repository:${repository}:${actions.join(',')}`
}

/**
 * Merges scopes on the same resource (`repository:a:pull` + `repository:a:push` →
 * `repository:a:pull,push`), sorted, so equal sets give equal cache keys.
 */
export function mergeScopes(scopes: string[]): string[] {
  const byResource = new Map<string, Set<string>>()
  const opaque = new Set<string>()
  for (const scope of scopes.flatMap((s) => s.split(' ')).filter(Boolean)) {
    const last = scope.lastIndexOf(':')
    const first = scope.indexOf(':')
    if (first < 0 || last === first) {
      opaque.add(scope)
      continue
    }
    const resource = scope.slice(0, last)
    const actions = byResource.get(resource) ?? new Set<string>()
    for (const a of scope.slice(last + 1).split(',')) if (a) actions.add(a)
    byResource.set(resource, actions)
  }
  const merged = [...byResource].map(
    ([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`,
  )
  return [...merged, ...opaque].sort()
}
