/**
 * Verifies one signature envelope against the selected policy statement, the way notation-go's
 * `verifier.Verify` / `processSignature` does (notary-spec.md §7.1, §4.2–§4.3, §6.6, §7.3).
 *
 * Pure except the revocation port: the envelope bytes, the resolved artifact descriptor, the policy
 * statement, the trust store and the verification time are inputs; the only I/O is what the
 * injected `RevocationChecker` does.
 *
 * Order, each check's result following its action (enforce | log | skip) from the level:
 *  1. integrity (always enforced): decode by media type, signature with the leaf-derived algorithm,
 *     chain structure (no validity time), payload content type;
 *  2. a `io.cncf.notary.verificationPlugin` header: we run no plugins, so the result is
 *     inconclusive and the signature fails (spec: a verifier without the plugin MUST fail);
 *  3. authenticity: some chain certificate byte-equal to a certificate of the policy's `ca`
 *     (x509) or `signingAuthority` stores, then the trusted identity of the leaf (its failure is an
 *     authenticity failure, as in notation);
 *  4. expiry: `now >= io.cncf.notary.expiry` fails;
 *  5. authentic timestamp (§4.2/§4.3), including the TSA chain revocation check;
 *  6. revocation of the signing chain (not run when the action is skip);
 *  7. payload: targetArtifact, decoded as Go encoding/json decodes it (signed-payload.ts), must
 *     equal the artifact on mediaType, digest and size (always);
 *  8. user metadata: every requested key/value in targetArtifact.annotations (always).
 * Verification of the signature stops at the first enforced failure.
 */
import { ActionError } from '../errors.js'
import { decodeEnvelope } from '../envelope/decode.js'
import { HEADER } from '../envelope/labels.js'
import { verifyEnvelopeSignature } from '../envelope/signature.js'
import type { ParsedEnvelope } from '../envelope/types.js'
import type { Logger } from '../log.js'
import { MEDIA_TYPE, SIGNING_SCHEME, type SigningScheme } from '../notary/constants.js'
import type { Descriptor } from '../oci/descriptor.js'
import type { SignatureAlgorithm } from '../signer/signer.js'
import { TimestampError } from '../timestamp/errors.js'
import type { TimestampInfo } from '../timestamp/types.js'
import { verifyTimestampToken } from '../timestamp/verify.js'
import { parseCertificate, type CertificateInfo } from '../x509/certificate.js'
import { validateCodeSigningChain } from '../x509/chain.js'
import { VerificationError, type VerificationCode } from './errors.js'
import { matchTrustedIdentity } from './identity.js'
import {
  LEVELS,
  type ValidationAction,
  type ValidationType,
  type VerificationLevel,
} from './levels.js'
import type { TrustPolicyStatement } from './policy.js'
import { summarizeRevocation, type RevocationChecker } from './revocation-port.js'
import { decodeSignedPayload, missingUserMetadata } from './signed-payload.js'
import { hasTsaStore, trustedCertificatesFor, type TrustStore } from './trust-store.js'
import { policySubject } from '../x509/dn.js'

/** The level-governed checks, plus the checks that always apply. */
export type CheckType = ValidationType | 'verificationPlugin' | 'payload' | 'userMetadata'
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'inconclusive'

export interface CheckResult {
  type: CheckType
  /** From the level for governed checks; `enforce` for the others. */
  action: ValidationAction
  status: CheckStatus
  message: string
  /** Set when the check failed or was inconclusive. */
  code?: VerificationCode
  /** The lower-level error, when there is one. */
  cause?: unknown
}

export interface CertificateSummary {
  subject: string
  issuer: string
  /** SHA-256 of the DER, lowercase hex. */
  sha256: string
  serialNumber: string
  notBefore: Date
  notAfter: Date
}

export interface SignatureOutcome {
  verdict: 'passed' | 'failed'
  /** Why the verdict is `failed`: the first enforced failure (or payload / metadata failure). */
  error?: VerificationError
  policyName: string
  level: VerificationLevel
  /** Every check in order, including those not reached (status skipped). */
  checks: CheckResult[]
  envelope?: {
    mediaType: string
    algorithm: SignatureAlgorithm
    signingScheme: SigningScheme
    contentType: string
    signingAgent?: string
  }
  /** The signing chain (leaf first), when the envelope decoded. */
  certificateChain?: CertificateSummary[]
  /** Leaf subject as notation prints it. */
  signer?: string
  /** signingTime (notary.x509) or authenticSigningTime (notary.x509.signingAuthority). */
  signingTime?: Date
  signingTimeIsAuthentic?: boolean
  expiry?: Date
  /** The verified RFC 3161 timestamp, when it was checked. */
  timestamp?: TimestampInfo
  /** The signed target descriptor, when the payload parsed. */
  targetArtifact?: Descriptor
  /** Checks that failed under a `log` action: downgraded, so surfaced as warnings. */
  warnings: string[]
  /** Informational notes (e.g. a certificate with no OCSP or CRL endpoint, which is non-revocable). */
  notes: string[]
}

export interface VerifySignatureInput {
  /** The envelope bytes (the signature manifest's layer). */
  envelope: Uint8Array
  /** The layer media type: application/cose or application/jose+json. */
  mediaType: string
  /** The resolved artifact the signature should be for. */
  subject: Descriptor
  /** The selected policy statement. */
  statement: TrustPolicyStatement
  trustStore: TrustStore
  /** Verification time. */
  now: Date
  /** Metadata that must be present in the signed annotations. */
  userMetadata?: ReadonlyMap<string, string>
  revocation: RevocationChecker
  logger?: Logger
}

const CHECK_ORDER: readonly CheckType[] = [
  'integrity',
  'verificationPlugin',
  'authenticity',
  'expiry',
  'authenticTimestamp',
  'revocation',
  'payload',
  'userMetadata',
]

/** Go's time.RFC1123Z for a UTC time: `Tue, 18 Jun 2024 07:30:31 +0000`. */
export function formatRfc1123z(d: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ]
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b))
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function summary(cert: CertificateInfo): CertificateSummary {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    sha256: cert.sha256,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  }
}

class Run {
  readonly checks: CheckResult[] = []
  readonly warnings: string[] = []
  readonly notes: string[] = []
  stopped?: CheckResult
  error?: VerificationError

  constructor(readonly level: VerificationLevel) {}

  action(type: CheckType): ValidationAction {
    return type === 'integrity' ||
      type === 'authenticity' ||
      type === 'authenticTimestamp' ||
      type === 'expiry' ||
      type === 'revocation'
      ? this.level.enforcement[type]
      : 'enforce'
  }

  /** Records a result; returns true when it is an enforced failure (verification stops). */
  record(result: Omit<CheckResult, 'action'> & { action?: ValidationAction }): boolean {
    const check: CheckResult = { ...result, action: result.action ?? this.action(result.type) }
    this.checks.push(check)
    const bad = check.status === 'failed' || check.status === 'inconclusive'
    if (!bad) return false
    if (check.action === 'log') {
      this.warnings.push(
        `${check.type} validation failed with validation action set to "logged". Failure reason: ${check.message}`,
      )
      return false
    }
    if (check.action !== 'enforce') return false
    this.fail(check)
    return true
  }

  fail(check: CheckResult): void {
    if (this.error === undefined) {
      this.stopped = check
      this.error = new VerificationError(
        check.code ?? 'INCONCLUSIVE',
        `${check.type} validation failed: ${check.message}`,
        check.cause === undefined ? undefined : { cause: check.cause },
      )
    }
  }

  /** Adds `skipped` entries for checks not reached, in the canonical order. */
  finish(requested: ReadonlySet<CheckType>): CheckResult[] {
    const byType = new Map(this.checks.map((c) => [c.type, c]))
    const out: CheckResult[] = []
    for (const type of CHECK_ORDER) {
      const done = byType.get(type)
      if (done !== undefined) out.push(done)
      else if (requested.has(type)) {
        out.push({
          type,
          action: this.action(type),
          status: 'skipped',
          message:
            this.action(type) === 'skip'
              ? 'skipped by the verification level'
              : 'not evaluated: verification stopped at an enforced failure',
        })
      }
    }
    return out
  }
}

function skipOutcome(statement: TrustPolicyStatement): SignatureOutcome {
  const checks: CheckResult[] = (
    ['integrity', 'authenticity', 'expiry', 'authenticTimestamp', 'revocation'] as const
  ).map((type) => ({
    type,
    action: 'skip',
    status: 'skipped',
    message: 'skipped by the verification level "skip"',
  }))
  return {
    verdict: 'passed',
    policyName: statement.name,
    level: LEVELS.skip,
    checks,
    warnings: [],
    notes: [],
  }
}

interface Integrity {
  parsed: ParsedEnvelope
  chain: CertificateInfo[]
}

function checkIntegrity(input: VerifySignatureInput, run: Run): Integrity | undefined {
  const fail = (message: string, code: VerificationCode, cause?: unknown): undefined => {
    run.record({ type: 'integrity', status: 'failed', message, code, ...(cause ? { cause } : {}) })
    return undefined
  }
  if (input.mediaType !== MEDIA_TYPE.cose && input.mediaType !== MEDIA_TYPE.jws) {
    return fail(
      `unable to parse the digital signature, error : signature envelope media type "${input.mediaType}" is not supported`,
      'UNSUPPORTED_ENVELOPE',
    )
  }
  let parsed: ParsedEnvelope
  try {
    parsed = decodeEnvelope(input.mediaType, input.envelope)
  } catch (err) {
    return fail(
      `unable to parse the digital signature, error : ${errorMessage(err)}`,
      'INTEGRITY',
      err,
    )
  }
  try {
    if (!verifyEnvelopeSignature(parsed)) {
      return fail(
        'signature is invalid: the signature does not verify with the leaf certificate key',
        'INTEGRITY',
      )
    }
  } catch (err) {
    return fail(`signature is invalid: ${errorMessage(err)}`, 'INTEGRITY', err)
  }
  let chain: CertificateInfo[]
  try {
    chain = validateCodeSigningChain(parsed.certificateChain).certificates
  } catch (err) {
    return fail(`invalid certificate chain: ${errorMessage(err)}`, 'INTEGRITY', err)
  }
  if (parsed.contentType !== MEDIA_TYPE.notaryPayload) {
    return fail(
      `payload content type "${parsed.contentType}" is not supported; expected "${MEDIA_TYPE.notaryPayload}"`,
      'INTEGRITY',
    )
  }
  run.record({
    type: 'integrity',
    status: 'passed',
    message: 'the signature envelope is intact and its certificate chain is well-formed',
  })
  return { parsed, chain }
}

/** notation `getVerificationPlugin`: any plugin header means we cannot decide alone. */
function checkVerificationPlugin(parsed: ParsedEnvelope, run: Run): boolean {
  const attr = parsed.extendedAttributes.find((a) => a.key === HEADER.verificationPlugin)
  if (attr === undefined) return false
  let message: string
  if (!attr.critical) message = `${HEADER.verificationPlugin} is not a critical Extended attribute`
  else if (typeof attr.value !== 'string')
    message = `${HEADER.verificationPlugin} from extended attribute is not a string`
  else if (attr.value.trim() === '')
    message = `${HEADER.verificationPlugin} from extended attribute is an empty string`
  else {
    message = `the signature requires the verification plugin "${attr.value}"; verification plugins are not supported, so the result is inconclusive`
  }
  run.record({
    type: 'verificationPlugin',
    action: 'enforce',
    status: 'inconclusive',
    message,
    code: 'INCONCLUSIVE',
  })
  return true
}

function checkAuthenticity(input: VerifySignatureInput, integrity: Integrity, run: Run): boolean {
  const { parsed, chain } = integrity
  const storeType = parsed.signingScheme === SIGNING_SCHEME.x509 ? 'ca' : 'signingAuthority'
  const loaded = trustedCertificatesFor(input.trustStore, input.statement.trustStores, storeType)
  let result: Omit<CheckResult, 'action'>
  if (!loaded.ok) {
    result = {
      type: 'authenticity',
      status: 'failed',
      message: loaded.error.message,
      code: loaded.error.code,
      cause: loaded.error,
    }
  } else if (loaded.certificates.length === 0) {
    result = {
      type: 'authenticity',
      status: 'inconclusive',
      message: `no trusted certificates are found to verify authenticity: the trust policy "${input.statement.name}" names no "${storeType}" trust store (signing scheme ${parsed.signingScheme})`,
      code: 'INCONCLUSIVE',
    }
  } else if (!chain.some((c) => loaded.certificates.some((t) => bytesEqual(t, c.der)))) {
    result = {
      type: 'authenticity',
      status: 'failed',
      message: `signature is not produced by a trusted signer: no certificate of the chain (leaf "${chain[0] === undefined ? '' : policySubject(chain[0])}") is in the "${storeType}" trust stores of policy "${input.statement.name}"`,
      code: 'AUTHENTICITY',
    }
  } else {
    result = {
      type: 'authenticity',
      status: 'passed',
      message: `the chain contains a certificate of the "${storeType}" trust store`,
    }
  }
  // Enforced trust failure stops before the identity check, as in notation.
  if (result.status !== 'passed' && run.action('authenticity') === 'enforce')
    return run.record(result)

  const leaf = chain[0] as CertificateInfo
  const identity = matchTrustedIdentity(
    input.statement.identities,
    leaf.subjectAttributes,
    input.statement.name,
  )
  if (!identity.ok) {
    const previous = result.status === 'passed' ? '' : ` (and: ${result.message})`
    result = {
      type: 'authenticity',
      status: 'failed',
      message: `${identity.reason}${previous}`,
      code: 'UNTRUSTED_IDENTITY',
    }
  } else if (result.status === 'passed') {
    result = {
      ...result,
      message: `${result.message}; the signer "${policySubject(leaf)}" matches ${identity.matched ? `the trusted identity "${identity.matched.raw}"` : 'the trusted identity "*"'}`,
    }
  }
  return run.record(result)
}

function checkExpiry(input: VerifySignatureInput, parsed: ParsedEnvelope, run: Run): boolean {
  const expiry = parsed.expiry
  if (expiry !== undefined && input.now.getTime() >= expiry.getTime()) {
    return run.record({
      type: 'expiry',
      status: 'failed',
      message: `digital signature has expired on "${formatRfc1123z(expiry)}"`,
      code: 'EXPIRED',
    })
  }
  return run.record({
    type: 'expiry',
    status: 'passed',
    message:
      expiry === undefined
        ? 'the signature has no expiry'
        : `the signature expires on "${formatRfc1123z(expiry)}"`,
  })
}

/** Prefixes notation puts before a timestamp error, by the stage that failed. */
function timestampErrorMessage(err: unknown): string {
  const msg = errorMessage(err)
  if (!(err instanceof TimestampError))
    return `failed to verify the timestamp countersignature with error: ${msg}`
  if (err.code === 'TSA_IMPRINT_MISMATCH' || msg.startsWith('invalid TSTInfo')) {
    return `failed to get timestamp from timestamp countersignature with error: ${msg}`
  }
  if (msg.startsWith('cannot unmarshal TSTInfo'))
    return `failed to get the timestamp TSTInfo with error: ${msg}`
  if (err.code === 'TSA_RESPONSE_INVALID')
    return `failed to parse timestamp countersignature with error: ${msg}`
  if (msg.startsWith('failed to validate the timestamping certificate chain')) return msg
  return `failed to verify the timestamp countersignature with error: ${msg}`
}

async function timestampProblem(
  input: VerifySignatureInput,
  integrity: Integrity,
  outcome: { timestamp?: TimestampInfo; notes: string[] },
): Promise<{ message: string; cause?: unknown } | undefined> {
  const { parsed, chain } = integrity
  const now = input.now.getTime()
  if (parsed.signingScheme === SIGNING_SCHEME.signingAuthority) {
    const t = parsed.authenticSigningTime ?? parsed.signingTime
    if (t === undefined) return { message: 'the signature has no authentic signing time' }
    for (const cert of chain) {
      if (t.getTime() < cert.notBefore.getTime() || t.getTime() > cert.notAfter.getTime()) {
        return {
          message: `certificate "${cert.subject}" was not valid when the digital signature was produced at "${formatRfc1123z(t)}"`,
        }
      }
    }
    return undefined
  }

  let perform = hasTsaStore(input.statement.trustStores)
  if (perform && input.statement.signatureVerification.verifyTimestamp === 'afterCertExpiry') {
    perform = chain.some((c) => now > c.notAfter.getTime())
  }
  if (!perform) {
    for (const cert of chain) {
      if (now < cert.notBefore.getTime()) {
        return {
          message: `verification time is before certificate "${cert.subject}" validity period, it will be valid from "${formatRfc1123z(cert.notBefore)}"`,
        }
      }
      if (now > cert.notAfter.getTime()) {
        return {
          message: `verification time is after certificate "${cert.subject}" validity period, it was expired at "${formatRfc1123z(cert.notAfter)}"`,
        }
      }
    }
    return undefined
  }

  const token = parsed.timestampToken
  if (token === undefined || token.length === 0) {
    return { message: 'no timestamp countersignature was found in the signature envelope' }
  }
  const roots = trustedCertificatesFor(input.trustStore, input.statement.trustStores, 'tsa')
  if (!roots.ok)
    return {
      message: `failed to load tsa trust store with error: ${roots.error.message}`,
      cause: roots.error,
    }
  if (roots.certificates.length === 0)
    return { message: 'no trusted TSA certificate found in trust store' }
  let info: TimestampInfo
  try {
    const verified = verifyTimestampToken({
      token,
      message: parsed.signature,
      roots: roots.certificates,
    })
    info = {
      genTime: verified.genTime,
      accuracyMs: verified.accuracyMs,
      hashAlgorithm: verified.hashAlgorithm,
      tsaChain: verified.tsaChain,
      policy: verified.policy,
      serialNumber: verified.serialNumber,
    }
  } catch (err) {
    return { message: timestampErrorMessage(err), cause: err }
  }
  outcome.timestamp = info
  const lower = info.genTime.getTime() - info.accuracyMs
  const upper = info.genTime.getTime() + info.accuracyMs
  for (const cert of chain) {
    if (lower < cert.notBefore.getTime()) {
      return {
        message: `timestamp can be before certificate "${cert.subject}" validity period, it will be valid from "${formatRfc1123z(cert.notBefore)}"`,
      }
    }
    if (upper > cert.notAfter.getTime()) {
      return {
        message: `timestamp can be after certificate "${cert.subject}" validity period, it was expired at "${formatRfc1123z(cert.notAfter)}"`,
      }
    }
  }

  if (input.revocation.offline === true) {
    outcome.notes.push(
      'the revocation status of the timestamping certificates was not checked (offline)',
    )
    return undefined
  }
  // The TSA chain is always revocation-checked here, whatever the revocation action.
  let tsaSubjects: string[]
  try {
    tsaSubjects = info.tsaChain.map((der) => parseCertificate(der).subject)
    const results = await input.revocation.check(info.tsaChain, {
      purpose: 'timestamping',
      now: input.now,
    })
    const summaryResult = summarizeRevocation(results, tsaSubjects)
    outcome.notes.push(...summaryResult.warnings)
    const subject =
      summaryResult.index === undefined ? '' : (tsaSubjects[summaryResult.index] ?? '')
    if (summaryResult.result === 'revoked')
      return { message: `timestamping certificate with subject "${subject}" is revoked` }
    if (summaryResult.result === 'unknown') {
      return {
        message: `timestamping certificate with subject "${subject}" revocation status is unknown`,
      }
    }
  } catch (err) {
    return {
      message: `failed to check timestamping certificate chain revocation with error: ${errorMessage(err)}`,
      cause: err,
    }
  }
  return undefined
}

async function checkAuthenticTimestamp(
  input: VerifySignatureInput,
  integrity: Integrity,
  run: Run,
  outcome: { timestamp?: TimestampInfo; notes: string[] },
): Promise<boolean> {
  const problem = await timestampProblem(input, integrity, outcome)
  if (problem !== undefined) {
    return run.record({
      type: 'authenticTimestamp',
      status: 'failed',
      message: problem.message,
      code: 'AUTHENTIC_TIMESTAMP',
      ...(problem.cause !== undefined ? { cause: problem.cause } : {}),
    })
  }
  const { parsed } = integrity
  const message =
    parsed.signingScheme === SIGNING_SCHEME.signingAuthority
      ? 'the authentic signing time is within the validity of every chain certificate'
      : outcome.timestamp !== undefined
        ? `the trusted timestamp ${outcome.timestamp.genTime.toISOString()} (±${outcome.timestamp.accuracyMs} ms) is within the validity of every chain certificate`
        : 'every chain certificate is valid now (timestamp not required)'
  return run.record({ type: 'authenticTimestamp', status: 'passed', message })
}

async function checkRevocation(
  input: VerifySignatureInput,
  integrity: Integrity,
  run: Run,
): Promise<boolean> {
  if (run.action('revocation') === 'skip') {
    run.record({ type: 'revocation', status: 'skipped', message: 'skipped by the trust policy' })
    return false
  }
  if (input.revocation.offline === true) {
    run.record({
      type: 'revocation',
      status: 'skipped',
      message: 'not checked: offline (no OCSP or CRL requests)',
    })
    return false
  }
  const { parsed, chain } = integrity
  try {
    const results = await input.revocation.check(parsed.certificateChain, {
      purpose: 'codeSigning',
      now: input.now,
      ...(parsed.signingScheme === SIGNING_SCHEME.signingAuthority && parsed.authenticSigningTime
        ? { authenticSigningTime: parsed.authenticSigningTime }
        : {}),
    })
    const subjects = chain.map((c) => c.subject)
    const s = summarizeRevocation(results, subjects)
    run.notes.push(...s.warnings)
    const subject = s.index === undefined ? '' : (subjects[s.index] ?? '')
    if (s.result === 'revoked') {
      return run.record({
        type: 'revocation',
        status: 'failed',
        message: `signing certificate with subject "${subject}" is revoked`,
        code: 'REVOCATION',
      })
    }
    if (s.result === 'unknown') {
      return run.record({
        type: 'revocation',
        status: 'inconclusive',
        message: `signing certificate with subject "${subject}" revocation status is unknown`,
        code: 'REVOCATION',
      })
    }
    return run.record({
      type: 'revocation',
      status: 'passed',
      message: 'no certificate of the chain is revoked',
    })
  } catch (err) {
    return run.record({
      type: 'revocation',
      status: 'inconclusive',
      message: `unable to check revocation status, err: ${errorMessage(err)}`,
      code: 'REVOCATION',
      cause: err,
    })
  }
}

/**
 * Verifies one signature. Never throws for a bad signature: the outcome says why it failed. Throws
 * only for programming errors (e.g. a malformed statement object).
 */
export async function verifySignature(input: VerifySignatureInput): Promise<SignatureOutcome> {
  const { statement } = input
  const level = statement.verificationLevel
  if (level.name === 'skip') return skipOutcome(statement)
  const run = new Run(level)
  const requested = new Set<CheckType>([
    'integrity',
    'authenticity',
    'expiry',
    'authenticTimestamp',
    'revocation',
    'payload',
  ])
  if (input.userMetadata !== undefined && input.userMetadata.size > 0) requested.add('userMetadata')
  const outcome: SignatureOutcome = {
    verdict: 'failed',
    policyName: statement.name,
    level,
    checks: [],
    warnings: run.warnings,
    notes: run.notes,
  }

  const finish = (): SignatureOutcome => {
    outcome.checks = run.finish(requested)
    if (run.error !== undefined) {
      outcome.error = run.error
      outcome.verdict = 'failed'
    } else {
      outcome.verdict = 'passed'
    }
    for (const w of run.warnings) input.logger?.warning(w)
    for (const n of run.notes) input.logger?.debug(n)
    return outcome
  }

  const integrity = checkIntegrity(input, run)
  if (integrity === undefined) return finish()
  const { parsed, chain } = integrity
  outcome.envelope = {
    mediaType: parsed.mediaType,
    algorithm: parsed.algorithm,
    signingScheme: parsed.signingScheme,
    contentType: parsed.contentType,
    ...(parsed.signingAgent !== undefined ? { signingAgent: parsed.signingAgent } : {}),
  }
  outcome.certificateChain = chain.map(summary)
  // Reported in the trust-policy spelling (src/x509/dn.ts) so it can be pasted into x509.subject.
  if (chain[0] !== undefined) outcome.signer = policySubject(chain[0])
  const signingTime = parsed.authenticSigningTime ?? parsed.signingTime
  if (signingTime !== undefined) outcome.signingTime = signingTime
  outcome.signingTimeIsAuthentic = parsed.signingScheme === SIGNING_SCHEME.signingAuthority
  if (parsed.expiry !== undefined) outcome.expiry = parsed.expiry

  if (checkVerificationPlugin(parsed, run)) {
    requested.add('verificationPlugin')
    return finish()
  }
  if (checkAuthenticity(input, integrity, run)) return finish()
  if (checkExpiry(input, parsed, run)) return finish()
  if (await checkAuthenticTimestamp(input, integrity, run, outcome)) return finish()
  if (await checkRevocation(input, integrity, run)) return finish()

  // Payload and user metadata: not level-governed, a mismatch always fails.
  let target: Descriptor | undefined
  try {
    target = decodeSignedPayload(parsed.payload).targetArtifact
    outcome.targetArtifact = target
  } catch (err) {
    run.record({
      type: 'payload',
      status: 'failed',
      message: `the signed payload cannot be read: ${errorMessage(err)}`,
      code: 'PAYLOAD_MISMATCH',
      cause: err,
    })
  }
  if (target !== undefined) {
    const s = input.subject
    if (target.mediaType !== s.mediaType || target.digest !== s.digest || target.size !== s.size) {
      run.record({
        type: 'payload',
        status: 'failed',
        message: `content descriptor mismatch: the signature is for ${target.mediaType} ${target.digest} (${target.size} bytes), the artifact is ${s.mediaType} ${s.digest} (${s.size} bytes)`,
        code: 'PAYLOAD_MISMATCH',
      })
    } else {
      run.record({ type: 'payload', status: 'passed', message: `the signature is for ${s.digest}` })
    }
  }
  if (requested.has('userMetadata') && target !== undefined) {
    const missing = missingUserMetadata(target.annotations, input.userMetadata ?? new Map())
    if (missing.length > 0) {
      run.record({
        type: 'userMetadata',
        status: 'failed',
        message: `unable to find specified metadata in the signature: ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}`,
        code: 'METADATA_MISMATCH',
      })
    } else {
      run.record({
        type: 'userMetadata',
        status: 'passed',
        message: 'every required metadata entry is signed',
      })
    }
  }
  return finish()
}

/** True when `err` is a verification failure of one of `codes`. */
export function isVerificationFailure(err: unknown, ...codes: VerificationCode[]): boolean {
  return (
    err instanceof ActionError &&
    err instanceof VerificationError &&
    (codes.length === 0 || codes.includes(err.code))
  )
}
