/**
 * The OCI trust policy document, `trustpolicy.json` / `trustpolicy.oci.json` version "1.0"
 * (notary-spec.md §6.2–§6.5; notation-go verifier/trustpolicy/{trustpolicy,oci}.go).
 *
 * Parsing accepts JSON or YAML text (JSON is YAML) and validates the document as notation-go does,
 * but reports every problem at once, each with its JSON path, as one `PolicyError(POLICY_INVALID)`.
 *
 * Decoding follows Go's `encoding/json` into notation's structs: field names match
 * case-insensitively (the last matching key wins), unknown fields are ignored, `null` is the zero
 * value, and a value of the wrong JSON type makes the document invalid.
 *
 * One deliberate difference (spec §9 row 8): a statement whose registryScopes is `*` may not use
 * level `skip`. The specification forbids it; notation does not check it. We reject it, so a
 * policy that would silently turn off verification for every repository never passes.
 *
 * A second one: an unknown key within a typo of a known one (`trustedIdentites`, `overide`) is a
 * problem with a "did you mean", where notation ignores it (and then reports the known key as
 * missing, or silently applies its default). Other unknown keys are ignored, as in notation.
 */
import { parseDocument } from 'yaml'
import { closest } from '../suggest.js'
import { PolicyError, formatProblems, type Problem } from './errors.js'
import { parseTrustedIdentities, WILDCARD, type TrustedIdentities } from './identity.js'
import {
  resolveVerificationLevel,
  type LevelName,
  type ValidationAction,
  type ValidationType,
  type VerificationLevel,
} from './levels.js'
import { isValidStoreName, TRUST_STORE_TYPES, type TrustStoreType } from './trust-store.js'

export const SUPPORTED_POLICY_VERSIONS = ['1.0'] as const
export type VerifyTimestampOption = 'always' | 'afterCertExpiry'

export interface TrustStoreRef {
  type: TrustStoreType
  name: string
}

export interface SignatureVerification {
  level: LevelName
  override: Readonly<Partial<Record<ValidationType, ValidationAction>>>
  /** `always` when absent. */
  verifyTimestamp: VerifyTimestampOption
}

/** A validated policy statement. */
export interface TrustPolicyStatement {
  name: string
  registryScopes: readonly string[]
  signatureVerification: SignatureVerification
  /** The level with the override applied (name `custom` when overridden). */
  verificationLevel: VerificationLevel
  /** As written (`type:name`), in order. */
  trustStores: readonly TrustStoreRef[]
  /** As written. */
  trustedIdentities: readonly string[]
  /** Parsed trusted identities. */
  identities: TrustedIdentities
}

export interface TrustPolicyDocument {
  version: '1.0'
  trustPolicies: readonly TrustPolicyStatement[]
}

export interface PolicyParseOptions {
  /** Names the input in messages, e.g. a file path or `the trust-policy input`. */
  source?: string
  /**
   * How to read the text. `json`: strict JSON as notation reads trustpolicy.json (Go
   * encoding/json: no trailing commas, no comments, no byte order mark). `yaml`: YAML 1.2 (of
   * which JSON is a subset). Default: `json` when the text starts with `{`, else `yaml`.
   */
  format?: PolicyFormat
}

export type PolicyFormat = 'json' | 'yaml'

/** YAML aliases expanded while converting; beyond this the document is refused (alias bombs). */
export const MAX_YAML_ALIASES = 100

const POLICY_REMEDY =
  'Fix the listed fields; see https://github.com/notaryproject/specifications/blob/main/specs/trust-store-trust-policy.md'

// ---------------------------------------------------------------------------------------------
// Entry points

/** The format `parseTrustPolicy` uses when none is given: JSON when the text starts with `{`. */
export function detectPolicyFormat(text: string): PolicyFormat {
  return text.trimStart().startsWith('{') ? 'json' : 'yaml'
}

function malformedPolicy(source: string, problems: Problem[], remedy: string, cause?: unknown) {
  return new PolicyError('POLICY_INVALID', `${source} is malformed:\n${formatProblems(problems)}`, {
    problems,
    remedy,
    ...(cause === undefined ? {} : { cause }),
  })
}

/**
 * Strict JSON, as notation-go reads trustpolicy.json (os.ReadFile + json.Unmarshal). Go refuses
 * a leading byte order mark ("invalid character 'ï' looking for beginning of value"), so do we;
 * JSON.parse refuses what Go's scanner refuses (trailing commas, comments, raw control
 * characters such as NUL, single quotes, trailing data).
 */
function parseJsonPolicy(text: string, source: string): unknown {
  const remedy = 'Give the trust policy as a strict JSON document (RFC 8259), as notation reads it.'
  if (text.startsWith('\uFEFF')) {
    throw malformedPolicy(
      source,
      [
        {
          path: '',
          message:
            'not valid JSON: starts with a byte order mark (U+FEFF), which notation rejects too',
        },
      ],
      'Save the trust policy as UTF-8 without a byte order mark.',
    )
  }
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    throw malformedPolicy(source, [{ path: '', message: `not valid JSON: ${detail}` }], remedy, err)
  }
}

function parseYamlPolicy(text: string, source: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false })
  const remedy = 'Give the trust policy as a JSON document (or the same structure in YAML).'
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      path: '',
      message: `not valid JSON or YAML: ${e.message}${linePos(e.linePos)}`,
    }))
    throw malformedPolicy(source, problems, remedy)
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown
  } catch (err) {
    // The yaml library throws a plain ReferenceError for an alias bomb ("Excessive alias count").
    const problems = [
      {
        path: '',
        message: `YAML aliases expand beyond the limit of ${MAX_YAML_ALIASES} (a resource exhaustion attack, or a policy to write without aliases)`,
      },
    ]
    throw malformedPolicy(source, problems, remedy, err)
  }
}

/** Parses and validates a trust policy given as JSON or YAML text. */
export function parseTrustPolicy(
  text: string,
  options: PolicyParseOptions = {},
): TrustPolicyDocument {
  const source = options.source ?? 'trust policy'
  const format = options.format ?? detectPolicyFormat(text)
  const raw = format === 'json' ? parseJsonPolicy(text, source) : parseYamlPolicy(text, source)
  return validateTrustPolicy(raw, options)
}

function linePos(pos: readonly { line: number; col: number }[] | undefined): string {
  const p = pos?.[0]
  return p === undefined ? '' : ` (line ${p.line}, column ${p.col})`
}

/** Validates an already decoded policy document (e.g. from `JSON.parse`). */
export function validateTrustPolicy(
  raw: unknown,
  options: PolicyParseOptions = {},
): TrustPolicyDocument {
  const source = options.source ?? 'trust policy'
  const problems: Problem[] = []
  const doc = decodeDocument(raw, problems)
  if (problems.length > 0 || doc === undefined) {
    throw new PolicyError(
      'POLICY_INVALID',
      `${source} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}`,
      { problems, remedy: POLICY_REMEDY },
    )
  }
  return doc
}

/**
 * Picks the statement for an artifact reference `registry/repo@sha256:…` (notation
 * `GetApplicableTrustPolicy`): the part before the last `@` must be a valid scope; an exact scope
 * match wins over the `*` statement; nothing matching is `POLICY_NOT_APPLICABLE`.
 */
export function selectPolicy(
  doc: TrustPolicyDocument,
  artifactReference: string,
): TrustPolicyStatement {
  const at = artifactReference.lastIndexOf('@')
  if (at < 0) {
    throw new PolicyError(
      'POLICY_NOT_APPLICABLE',
      `artifact URI "${artifactReference}" could not be parsed, make sure it is the fully qualified oci artifact URI without the scheme/protocol. e.g domain.com:80/my/repository@sha256:digest`,
    )
  }
  return selectPolicyForRepository(doc, artifactReference.slice(0, at), artifactReference)
}

/**
 * The statement for every artifact of `artifactPath` (`registry/repository`): selection depends on
 * the repository alone, so a signer can find it before any digest is known. `artifactReference`
 * is what messages call the artifact (default: the path).
 */
export function selectPolicyForRepository(
  doc: TrustPolicyDocument,
  artifactPath: string,
  artifactReference = artifactPath,
): TrustPolicyStatement {
  const scopeProblem = registryScopeProblem(artifactPath)
  if (scopeProblem !== undefined) throw new PolicyError('POLICY_NOT_APPLICABLE', scopeProblem)
  let wildcard: TrustPolicyStatement | undefined
  let exact: TrustPolicyStatement | undefined
  for (const statement of doc.trustPolicies) {
    if (statement.registryScopes.includes(WILDCARD)) wildcard = statement
    else if (statement.registryScopes.includes(artifactPath)) exact = statement
  }
  const selected = exact ?? wildcard
  if (selected === undefined) {
    throw new PolicyError(
      'POLICY_NOT_APPLICABLE',
      `artifact "${artifactReference}" has no applicable oci trust policy statement. Trust policy applicability for a given artifact is determined by registryScopes`,
      {
        remedy: `Add "${artifactPath}" (or "*") to the registryScopes of a trust policy statement.`,
      },
    )
  }
  return selected
}

// ---------------------------------------------------------------------------------------------
// Registry scopes (distribution's reference grammar, as notation-go copies it)

const DOMAIN_RE =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?$/
const REPOSITORY_RE =
  /^[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?(?:(?:\/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$/
const SCOPE_HINT =
  'make sure it is a fully qualified repository without the scheme, protocol or tag. For example domain.com/my/repository or a local scope like local/myOCILayout'

/** notation `validateRegistryScopeFormat`: undefined when valid, else the reason. */
export function registryScopeProblem(scope: string): string | undefined {
  if (scope.length > 1 && scope.includes('*')) {
    return `registry scope "${scope}" with wild card(s) is not valid, ${SCOPE_HINT}`
  }
  const slash = scope.indexOf('/')
  const domain = slash < 0 ? '' : scope.slice(0, slash)
  const repository = slash < 0 ? '' : scope.slice(slash + 1)
  if (
    slash < 0 ||
    domain === '' ||
    repository === '' ||
    !DOMAIN_RE.test(domain) ||
    !REPOSITORY_RE.test(repository)
  ) {
    return `registry scope "${scope}" is not a fully qualified repository, ${SCOPE_HINT}`
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Decoding with Go encoding/json semantics

type JsonObject = Record<string, unknown>

function kindOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'a mapping'
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`
  return `${typeof v} ${String(v)}`
}

function typeProblem(path: string, expected: string, v: unknown): Problem {
  const hint =
    typeof v === 'number' || typeof v === 'boolean'
      ? ' (quote it in YAML)'
      : expected === 'a string' && typeof v === 'object' && v !== null && !Array.isArray(v)
        ? ' (in YAML, quote entries that contain ": ")'
        : ''
  return { path, message: `expected ${expected}, got ${kindOf(v)}${hint}` }
}

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Go json field lookup: case-insensitive, last key wins. */
function getField(obj: JsonObject, name: string): unknown {
  let value: unknown = undefined
  const lower = name.toLowerCase()
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) value = obj[key]
  return value
}

function readString(v: unknown, path: string, problems: Problem[]): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'string') return v
  problems.push(typeProblem(path, 'a string', v))
  return ''
}

function readStringArray(v: unknown, path: string, problems: Problem[]): string[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) {
    problems.push(typeProblem(path, 'an array of strings', v))
    return []
  }
  return v.map((item, i) => readString(item, `${path}[${i}]`, problems))
}

function readObject(v: unknown, path: string, problems: Problem[]): JsonObject {
  if (v === undefined || v === null) return {}
  if (isObject(v)) return v
  problems.push(typeProblem(path, 'a mapping', v))
  return {}
}

function readStringMap(v: unknown, path: string, problems: Problem[]): Record<string, string> {
  const obj = readObject(v, path, problems)
  // Object.fromEntries defines own properties: a `__proto__` key stays a key (and is then refused
  // as an unknown verification type) instead of an assignment that silently drops it.
  return Object.fromEntries(
    Object.entries(obj).map(([key, value]) => [key, readString(value, `${path}.${key}`, problems)]),
  )
}

interface DecodedStatement {
  path: string
  name: string
  registryScopes: string[]
  level: string
  override: Record<string, string>
  verifyTimestamp: string
  trustStores: string[]
  trustedIdentities: string[]
}

const DOCUMENT_KEYS = ['version', 'trustPolicies']
const STATEMENT_KEYS = [
  'name',
  'registryScopes',
  'signatureVerification',
  'trustStores',
  'trustedIdentities',
]
const SIGNATURE_VERIFICATION_KEYS = ['level', 'override', 'verifyTimestamp']

/** Unknown keys that are a typo of a known key the object lacks (see the module comment). */
function typoProblems(obj: JsonObject, known: string[], path: string, problems: Problem[]): void {
  const present = new Set(Object.keys(obj).map((k) => k.toLowerCase()))
  const missing = known.filter((k) => !present.has(k.toLowerCase()))
  for (const key of Object.keys(obj)) {
    if (known.some((k) => k.toLowerCase() === key.toLowerCase())) continue
    const match = closest(key, missing)
    if (match === undefined) continue
    problems.push({
      path: path === '' ? key : `${path}.${key}`,
      message: `unknown key "${key}"; did you mean "${match}"?`,
    })
  }
}

function decodeDocument(raw: unknown, problems: Problem[]): TrustPolicyDocument | undefined {
  if (!isObject(raw)) {
    problems.push({
      path: '',
      message: `the trust policy must be a JSON object (a YAML mapping), got ${kindOf(raw)}`,
    })
    return undefined
  }
  typoProblems(raw, DOCUMENT_KEYS, '', problems)
  const version = readString(getField(raw, 'version'), 'version', problems)
  const statementsRaw = getField(raw, 'trustPolicies')
  let rawStatements: unknown[] = []
  if (statementsRaw !== undefined && statementsRaw !== null) {
    if (Array.isArray(statementsRaw)) rawStatements = statementsRaw
    else problems.push(typeProblem('trustPolicies', 'an array of statements', statementsRaw))
  }
  const decoded = rawStatements.map((s, i) => decodeStatement(s, `trustPolicies[${i}]`, problems))

  if (version === '') {
    if (!problems.some((p) => p.path === 'version')) {
      problems.push({
        path: 'version',
        message: 'oci trust policy document has empty version, version must be specified',
      })
    }
  } else if (!(SUPPORTED_POLICY_VERSIONS as readonly string[]).includes(version)) {
    problems.push({
      path: 'version',
      message: `oci trust policy document uses unsupported version "${version}", supported versions are ["1.0"]`,
    })
  }
  if (decoded.length === 0 && !problems.some((p) => p.path === 'trustPolicies')) {
    problems.push({
      path: 'trustPolicies',
      message: 'oci trust policy document can not have zero trust policy statements',
    })
  }

  const seenNames = new Map<string, string>()
  const statements: TrustPolicyStatement[] = []
  for (const st of decoded) {
    if (st.name !== '') {
      const first = seenNames.get(st.name)
      if (first !== undefined) {
        problems.push({
          path: `${st.path}.name`,
          message: `multiple oci trust policy statements use the same name "${st.name}" (also ${first}), statement names must be unique`,
        })
      } else {
        seenNames.set(st.name, st.path)
      }
    }
    const statement = validateStatement(st, problems)
    if (statement !== undefined) statements.push(statement)
  }
  validateRegistryScopes(decoded, problems)

  if (problems.length > 0) return undefined
  return { version: '1.0', trustPolicies: statements }
}

function decodeStatement(raw: unknown, path: string, problems: Problem[]): DecodedStatement {
  const obj = readObject(raw, path, problems)
  const svPath = `${path}.signatureVerification`
  const sv = readObject(getField(obj, 'signatureVerification'), svPath, problems)
  typoProblems(obj, STATEMENT_KEYS, path, problems)
  typoProblems(sv, SIGNATURE_VERIFICATION_KEYS, svPath, problems)
  return {
    path,
    name: readString(getField(obj, 'name'), `${path}.name`, problems),
    registryScopes: readStringArray(
      getField(obj, 'registryScopes'),
      `${path}.registryScopes`,
      problems,
    ),
    level: readString(getField(sv, 'level'), `${svPath}.level`, problems),
    override: readStringMap(getField(sv, 'override'), `${svPath}.override`, problems),
    verifyTimestamp: readString(
      getField(sv, 'verifyTimestamp'),
      `${svPath}.verifyTimestamp`,
      problems,
    ),
    trustStores: readStringArray(getField(obj, 'trustStores'), `${path}.trustStores`, problems),
    trustedIdentities: readStringArray(
      getField(obj, 'trustedIdentities'),
      `${path}.trustedIdentities`,
      problems,
    ),
  }
}

/** notation `validatePolicyCore`, reporting every problem. */
function validateStatement(
  st: DecodedStatement,
  problems: Problem[],
): TrustPolicyStatement | undefined {
  const before = problems.length
  const { path } = st
  const svPath = `${path}.signatureVerification`
  if (st.name === '') {
    problems.push({
      path: `${path}.name`,
      message: 'a trust policy statement is missing a name, every statement requires a name',
    })
  }
  const resolved = resolveVerificationLevel(st.level, st.override)
  if (!resolved.ok) {
    for (const p of resolved.problems)
      problems.push({ path: `${svPath}.${p.path}`, message: p.message })
  }
  if (
    st.verifyTimestamp !== '' &&
    st.verifyTimestamp !== 'always' &&
    st.verifyTimestamp !== 'afterCertExpiry'
  ) {
    problems.push({
      path: `${svPath}.verifyTimestamp`,
      message: `verifyTimestamp must be "always" or "afterCertExpiry", but got "${st.verifyTimestamp}"`,
    })
  }

  const isSkip = st.level === 'skip'
  const levelKnown = resolved.ok || ['strict', 'permissive', 'audit', 'skip'].includes(st.level)
  if (isSkip) {
    if (st.trustStores.length > 0) {
      problems.push({
        path: `${path}.trustStores`,
        message:
          'the statement is set to skip signature verification but configured with trust stores, remove them if signature verification needs to be skipped',
      })
    }
    if (st.trustedIdentities.length > 0) {
      problems.push({
        path: `${path}.trustedIdentities`,
        message:
          'the statement is set to skip signature verification but configured with trusted identities, remove them if signature verification needs to be skipped',
      })
    }
    if (st.registryScopes.includes(WILDCARD)) {
      problems.push({
        path: `${path}.signatureVerification.level`,
        message:
          'level "skip" cannot be used with registry scope "*" (Notary Project specification; stricter than notation, which allows it): list the repositories to skip explicitly',
      })
    }
  } else if (levelKnown) {
    if (st.trustStores.length === 0) {
      problems.push({
        path: `${path}.trustStores`,
        message:
          'missing trust stores: a statement that verifies needs trust stores and trusted identities',
      })
    }
    if (st.trustedIdentities.length === 0) {
      problems.push({
        path: `${path}.trustedIdentities`,
        message:
          'missing trusted identities: a statement that verifies needs trust stores and trusted identities (use ["*"] to accept any identity the trust stores vouch for)',
      })
    }
  }

  const trustStores: TrustStoreRef[] = []
  st.trustStores.forEach((entry, i) => {
    const p = `${path}.trustStores[${i}]`
    const colon = entry.indexOf(':')
    if (colon < 0) {
      problems.push({
        path: p,
        message: `malformed trust store value "${entry}". The required format is <TrustStoreType>:<TrustStoreName>`,
      })
      return
    }
    const type = entry.slice(0, colon)
    const name = entry.slice(colon + 1)
    if (!(TRUST_STORE_TYPES as readonly string[]).includes(type)) {
      problems.push({
        path: p,
        message: `unsupported trust store type "${type}" in trust store value "${entry}", supported types are "ca", "signingAuthority" and "tsa"`,
      })
      return
    }
    if (!isValidStoreName(name)) {
      problems.push({
        path: p,
        message: `unsupported trust store name "${name}" in trust store value "${entry}". Named store name needs to follow [a-zA-Z0-9_.-]+ format`,
      })
      return
    }
    trustStores.push({ type: type as TrustStoreType, name })
  })

  const { identities, problems: identityProblems } = parseTrustedIdentities(st.trustedIdentities)
  for (const ip of identityProblems) {
    problems.push({
      path:
        ip.index === undefined
          ? `${path}.trustedIdentities`
          : `${path}.trustedIdentities[${ip.index}]`,
      message: ip.message,
    })
  }

  if (problems.length > before || !resolved.ok) return undefined
  return {
    name: st.name,
    registryScopes: st.registryScopes,
    signatureVerification: {
      level: st.level as LevelName,
      override: st.override as Partial<Record<ValidationType, ValidationAction>>,
      verifyTimestamp: st.verifyTimestamp === 'afterCertExpiry' ? 'afterCertExpiry' : 'always',
    },
    verificationLevel: resolved.level,
    trustStores,
    trustedIdentities: st.trustedIdentities,
    identities,
  }
}

/** notation `validateRegistryScopes`, reporting every problem. */
function validateRegistryScopes(
  statements: readonly DecodedStatement[],
  problems: Problem[],
): void {
  const firstSeen = new Map<string, string>()
  for (const st of statements) {
    const path = `${st.path}.registryScopes`
    if (st.registryScopes.length === 0) {
      if (!problems.some((p) => p.path === path)) {
        problems.push({
          path,
          message:
            'zero registry scopes, the statement must specify registry scopes with at least one value',
        })
      }
      continue
    }
    if (st.registryScopes.length > 1 && st.registryScopes.includes(WILDCARD)) {
      problems.push({
        path,
        message: `wildcard registry scope '*' cannot be used in conjunction with other scope values`,
      })
    }
    st.registryScopes.forEach((scope, i) => {
      const p = `${path}[${i}]`
      if (scope !== WILDCARD) {
        const reason = registryScopeProblem(scope)
        if (reason !== undefined) problems.push({ path: p, message: reason })
      }
      const first = firstSeen.get(scope)
      if (first !== undefined) {
        problems.push({
          path: p,
          message: `registry scope "${scope}" is also present at ${first}, one registry scope value can only be associated with one statement`,
        })
      } else {
        firstSeen.set(scope, p)
      }
    })
  }
}
