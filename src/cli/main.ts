/**
 * The CLI (dist/cli.js, `oci-notary`): the same code as the actions, for terminals and other CI
 * systems. `sign` and `verify` take the action's input names as flags (`--signing-key`,
 * `--trust-policy`, …) and go through the same config parser; `verify-signature` checks one
 * envelope file offline; `inspect` lists an image's signatures and decodes them.
 *
 * Exit codes: 0 success / verified, 1 failed / not verified, 2 bad usage or configuration.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import {
  azureConfig,
  parseSignConfig,
  parseUserMetadata,
  parseVerifyConfig,
  registryConfig,
} from '../config/config.js'
import { SIGN_INPUTS, VERIFY_INPUTS, readRawInputs } from '../config/inputs.js'
import {
  VERSION,
  lazyAzureCredential,
  productionRegistry,
  productionTransport,
  type RuntimeEnv,
} from '../commands/deps.js'
import { verificationHintFor } from '../commands/hint.js'
import { runSignJob, runVerifyJob } from '../commands/jobs.js'
import { certCommand } from './cert.js'
import {
  describeEnvelope,
  inspectImage,
  renderEnvelopeFile,
  renderInspection,
} from '../commands/inspect.js'
import { signatureJson } from '../commands/verify.js'
import { ActionError, ConfigError, formatCauseChain } from '../errors.js'
import type { Logger } from '../log.js'
import { MEDIA_TYPE } from '../notary/constants.js'
import { toDescriptor } from '../oci/manifest.js'
import { renderVerificationHint } from '../report/verification-hint.js'
import { didYouMean } from '../suggest.js'
import { VerificationError } from '../verify/errors.js'
import { loadTrustPolicy } from '../verify/load-policy.js'
import { buildArtifactReport, renderReportText } from '../verify/report.js'
import { createRevocationChecker, offlineRevocationChecker } from '../verify/revocation.js'
import { loadTrustStore } from '../verify/trust-store-load.js'
import { verifySignature } from '../verify/verifier.js'
import {
  COMMON_FLAGS,
  INSPECT_FLAGS,
  INSPECT_HELP,
  INSPECT_INPUTS,
  SIGN_FLAGS,
  SIGN_HELP,
  VERIFY_FLAGS,
  VERIFY_HELP,
  VERIFY_SIGNATURE_FLAGS,
  VERIFY_SIGNATURE_HELP,
  parseOfflineReference,
  selectOfflineStatement,
  type Options,
} from './flags.js'
import {
  errorJson,
  inspectJson,
  inspectSignatureJson,
  printJson,
  signJson,
  verifyJson,
  verifySignatureJson,
} from './json.js'

const EXIT = { ok: 0, failed: 1, usage: 2 } as const

const HELP = `oci-notary ${VERSION}: sign and verify container images with Notary Project signatures

usage: oci-notary <command> [options]

commands:
  sign               sign images (Artifact Signing or a local key) and push the signatures
  verify             verify images in a registry against a trust policy and trust store
  verify-signature   verify one signature envelope file offline
  inspect            list an image's Notary signatures and decode them
  cert generate-test make a TEST-ONLY root and signing certificate with its key

run "oci-notary <command> --help" for a command's options.
exit codes: 0 success or verified, 1 failed or not verified, 2 bad usage or configuration.
`

function stderrLogger(debug: boolean): Logger {
  return {
    debug: (m) => {
      if (debug) process.stderr.write(`debug: ${m}\n`)
    },
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`),
    group: async (name, fn) => {
      process.stderr.write(`== ${name}\n`)
      return fn()
    },
  }
}

function runtime(debug: boolean): RuntimeEnv {
  // Outside Actions nothing can mask a secret; the code never prints one.
  return { logger: stderrLogger(debug), env: process.env, mask: () => undefined }
}

function rawFrom<N extends string>(
  names: readonly N[],
  values: Record<string, unknown>,
): Record<N, string> {
  return readRawInputs(names, (name) => {
    const v = values[name]
    if (v === undefined) return ''
    return Array.isArray(v) ? v.join('\n') : String(v)
  })
}

function parse(
  args: string[],
  options: Options,
  allowPositionals = false,
): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({
      args,
      options: { ...options, ...COMMON_FLAGS },
      allowPositionals,
      strict: true,
    })
  } catch (err) {
    throw new ConfigError('INPUT_INVALID', flagProblem(err, { ...options, ...COMMON_FLAGS }), {
      cause: err,
    })
  }
}

/** node:util's parseArgs message, with a "did you mean" for an unknown flag. */
function flagProblem(err: unknown, options: Options): string {
  const message = err instanceof Error ? err.message : String(err)
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1]
  if (unknown === undefined) return message
  const name = unknown.replace(/^-+/, '').split('=')[0] ?? ''
  const hint = didYouMean(name, Object.keys(options), '')
  return `unknown flag ${unknown}${hint.replace(/did you mean (\S+)\?$/, 'did you mean --$1?')}`
}

async function signCommand(args: string[]): Promise<number> {
  const { values } = parse(args, SIGN_FLAGS)
  if (values.help) return (void process.stdout.write(SIGN_HELP), EXIT.ok)
  const config = parseSignConfig(rawFrom(SIGN_INPUTS, { 'show-summary': 'false', ...values }))
  const rt = runtime(values.debug === true)
  const result = await runSignJob(config, rt)
  const { signed, verification } = result
  const exitCode = verification === undefined || verification.verified ? EXIT.ok : EXIT.failed
  const hint = exitCode === EXIT.ok ? verificationHintFor(result) : undefined
  if (values.json) {
    printJson(signJson(result, hint, exitCode))
  } else {
    // stdout keeps one line per signature; the consumer hint is for the person, on stderr.
    if (hint) process.stderr.write(`\n${renderVerificationHint(hint)}\n\n`)
    for (const s of signed) {
      process.stdout.write(
        `${s.repository}@${s.digest}${s.platform ? ` (${s.platform})` : ''}\t${s.skipped ? 'skipped, existing signature' : 'signature'} ${s.signatureDigest}\tvia ${s.referrersMode}\t${s.timestamp ? `timestamp ${s.timestamp}` : 'no timestamp'}\n`,
      )
    }
    for (const image of verification?.images ?? []) process.stdout.write(image.text ?? '')
  }
  return exitCode
}

async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parse(args, VERIFY_FLAGS)
  if (values.help) return (void process.stdout.write(VERIFY_HELP), EXIT.ok)
  const config = parseVerifyConfig(rawFrom(VERIFY_INPUTS, { 'show-summary': 'false', ...values }))
  const report = await runVerifyJob(config, runtime(values.debug === true))
  const exitCode = report.verified ? EXIT.ok : EXIT.failed
  if (values.json) printJson(verifyJson(report, exitCode))
  else {
    for (const image of report.images) {
      process.stdout.write(image.text ?? `NOT VERIFIED: ${image.reference}: ${image.error ?? ''}\n`)
    }
  }
  return exitCode
}

/**
 * The envelope format from its bytes: a JWS JSON envelope is a JSON object; anything else is
 * given to the COSE decoder, so an untagged COSE_Sign1 (no tag 18) or garbage is reported as a
 * failed integrity check (exit 1), as notation treats any invalid signature.
 */
function detectEnvelopeMediaType(bytes: Uint8Array): string {
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart()
  return first.startsWith('{') ? MEDIA_TYPE.jws : MEDIA_TYPE.cose
}

const sha256Digest = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

async function readEnvelopeFile(file: string, flag: string): Promise<Uint8Array> {
  return new Uint8Array(
    await readFile(file).catch((err: unknown) => {
      throw new ConfigError('INPUT_INVALID', `${flag} ${file} cannot be read`, { cause: err })
    }),
  )
}

async function textOrFile(value: string): Promise<string> {
  return value.startsWith('@') ? readFile(value.slice(1), 'utf8') : value
}

async function verifySignatureCommand(args: string[]): Promise<number> {
  const { values } = parse(args, VERIFY_SIGNATURE_FLAGS)
  if (values.help) return (void process.stdout.write(VERIFY_SIGNATURE_HELP), EXIT.ok)
  for (const name of ['signature', 'subject', 'trust-policy', 'trust-store'] as const) {
    if (typeof values[name] !== 'string' || values[name] === '') {
      throw new ConfigError(
        'INPUT_MISSING',
        `--${name} is required (see oci-notary verify-signature --help)`,
      )
    }
  }
  const rt = runtime(values.debug === true)
  const envelope = await readEnvelopeFile(values.signature as string, '--signature')
  const offlineReference = parseOfflineReference(values.reference as string | undefined)
  let subjectJson: unknown
  try {
    subjectJson = JSON.parse(await textOrFile(values.subject as string))
  } catch (err) {
    throw new ConfigError(
      'INPUT_INVALID',
      '--subject is not a JSON descriptor ({"mediaType","digest","size"})',
      { cause: err },
    )
  }
  const subject = (() => {
    try {
      return toDescriptor(subjectJson, '--subject')
    } catch (err) {
      throw new ConfigError('INPUT_INVALID', err instanceof Error ? err.message : String(err), {
        cause: err,
      })
    }
  })()
  const at = values.at === undefined ? new Date() : new Date(values.at as string)
  if (Number.isNaN(at.getTime()))
    throw new ConfigError('INPUT_INVALID', `--at "${String(values.at)}" is not an RFC 3339 time`)
  const { document } = await loadTrustPolicy(values['trust-policy'] as string, {
    inputName: '--trust-policy',
  })
  const trustStore = await loadTrustStore(values['trust-store'] as string, {
    stores: document.trustPolicies.flatMap((p) => p.trustStores),
  })
  const { reference, statement } = selectOfflineStatement(
    document,
    offlineReference?.repository,
    subject.digest,
  )
  // The same rule as the action input: one key=value per flag, commas stay in the value.
  const metadata = parseUserMetadata(
    '--user-metadata',
    ((values['user-metadata'] as string[] | undefined) ?? []).join('\n'),
  )
  const base = { reference, policy: statement.name, level: statement.verificationLevel.name }
  // A reference copied with its digest names the artifact: it must be the one --subject describes.
  if (offlineReference?.digest !== undefined && offlineReference.digest !== subject.digest) {
    const failure = {
      code: 'PAYLOAD_MISMATCH',
      message: `--reference names ${offlineReference.digest}, but --subject is ${subject.digest}: the signature is not checked against another artifact`,
    }
    if (values.json)
      printJson(verifySignatureJson({ verified: false, ...base, failure }, EXIT.failed))
    else
      process.stdout.write(
        `NOT VERIFIED: ${reference}\n  trust policy: "${base.policy}", level ${base.level}\n  error [${failure.code}]: ${failure.message}\n`,
      )
    return EXIT.failed
  }
  const mediaType = detectEnvelopeMediaType(envelope)
  const outcome = await verifySignature({
    envelope,
    mediaType,
    subject,
    statement,
    trustStore,
    now: at,
    userMetadata: metadata,
    revocation: values.offline
      ? offlineRevocationChecker
      : createRevocationChecker({ transport: productionTransport(rt), logger: rt.logger }),
    logger: stderrLogger(values.debug === true),
  })
  const envelopeDigest = sha256Digest(envelope)
  const report = buildArtifactReport({
    reference,
    artifact: subject,
    statement,
    signatures: [{ digest: envelopeDigest, mediaType, outcome }],
  })
  const verified = report.verdict !== 'failed'
  const exitCode = verified ? EXIT.ok : EXIT.failed
  if (values.json) {
    printJson(
      verifySignatureJson(
        {
          verified,
          ...base,
          ...(report.error
            ? { failure: { code: report.error.code, message: report.error.message } }
            : {}),
          signature: signatureJson(envelopeDigest, outcome),
        },
        exitCode,
      ),
    )
  } else {
    process.stdout.write(renderReportText(report))
  }
  return exitCode
}

async function inspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, INSPECT_FLAGS, true)
  if (values.help) return (void process.stdout.write(INSPECT_HELP), EXIT.ok)
  if (typeof values.signature === 'string') {
    if (positionals.length > 0)
      throw new ConfigError(
        'INPUT_CONFLICT',
        'inspect takes an image reference or --signature FILE, not both',
      )
    return inspectSignatureFile(values.signature, values.json === true)
  }
  const [image, ...rest] = positionals
  if (image === undefined || rest.length > 0)
    throw new ConfigError(
      'INPUT_MISSING',
      'inspect takes exactly one image reference (or --signature FILE)',
    )
  const raw = rawFrom(INSPECT_INPUTS, values)
  const config = { registry: registryConfig(raw), azure: azureConfig(raw) }
  const rt = runtime(values.debug === true)
  const transport = productionTransport(rt)
  const registry = productionRegistry({
    images: [image],
    registry: config.registry,
    azure: config.azure,
    transport,
    runtime: rt,
    credential: lazyAzureCredential(config.azure, rt, transport),
    access: 'pull',
  })
  const inspection = await inspectImage(image, { registry, logger: rt.logger })
  if (values.json) printJson(inspectJson(inspection))
  else process.stdout.write(renderInspection(inspection))
  return EXIT.ok
}

/** `inspect --signature FILE`: what an envelope file signs, and by whom; decoded, not judged. */
async function inspectSignatureFile(file: string, json: boolean): Promise<number> {
  const bytes = await readEnvelopeFile(file, '--signature')
  const mediaType = detectEnvelopeMediaType(bytes)
  let description
  try {
    description = describeEnvelope(mediaType, bytes)
  } catch (err) {
    throw new ActionError(
      'ENVELOPE_INVALID',
      `--signature ${file} is not a Notary signature envelope`,
      {
        cause: err,
      },
    )
  }
  const envelope = { digest: sha256Digest(bytes), mediaType, size: bytes.length, ...description }
  if (json) printJson(inspectSignatureJson(envelope))
  else process.stdout.write(renderEnvelopeFile(file, envelope))
  return EXIT.ok
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  sign: signCommand,
  verify: verifyCommand,
  'verify-signature': verifySignatureCommand,
  inspect: inspectCommand,
  cert: certCommand,
}

/** Bad usage or configuration is 2; anything that went wrong doing the work is 1. */
function exitCodeFor(err: unknown): number {
  const usage =
    err instanceof ConfigError ||
    (err instanceof VerificationError &&
      [
        'POLICY_INVALID',
        'POLICY_UNREADABLE',
        'POLICY_NOT_APPLICABLE',
        'TRUST_STORE_INVALID',
        'TRUST_STORE_NOT_FOUND',
      ].includes(err.code))
  return usage ? EXIT.usage : EXIT.failed
}

function report(command: string, err: unknown, json: boolean): number {
  const exitCode = exitCodeFor(err)
  const lines = formatCauseChain(err)
  process.stderr.write(`oci-notary ${command}: ${lines.join('\n')}\n`)
  if (err instanceof ActionError && err.remedy) process.stderr.write(`remedy: ${err.remedy}\n`)
  // With --json, stdout always carries one result object, failures included.
  if (json) printJson(errorJson(command, err, exitCode))
  return exitCode
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP)
    return command === undefined ? EXIT.usage : EXIT.ok
  }
  if (command === '--version') {
    process.stdout.write(`${VERSION}\n`)
    return EXIT.ok
  }
  const json = args.includes('--json')
  // Own properties only: `oci-notary constructor` is an unknown command, not Object's constructor.
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
  if (run === undefined) {
    const err = new ConfigError(
      'INPUT_INVALID',
      `unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}`,
    )
    process.stderr.write(`oci-notary: ${err.message}\n\n${HELP}`)
    if (json) printJson(errorJson(command, err, EXIT.usage))
    return EXIT.usage
  }
  try {
    return await run(args)
  } catch (err) {
    return report(command, err, json)
  }
}

process.exitCode = await main(process.argv.slice(2))
