/**
 * `--json`: every command prints exactly one JSON object on stdout, success or failure, of one
 * documented shape (README "CLI → JSON output"): the common fields `schemaVersion`, `command`,
 * `exitCode`, and either the command's result fields or `error`. `schemaVersion` changes only
 * when a field is removed or changes meaning; fields may be added within a version.
 */
import type { SignJobResult } from '../commands/jobs.js'
import type { Inspection, InspectedEnvelopeFile } from '../commands/inspect.js'
import type { SignatureJson, VerifyReport } from '../commands/verify.js'
import { ActionError, formatCauseChain } from '../errors.js'
import {
  signatureEntries,
  verifyReportJson,
  type SignatureEntry,
  type VerifyReportJson,
} from '../report/results.js'
import type { VerificationHint } from '../report/verification-hint.js'

export const JSON_SCHEMA_VERSION = 1

/** A command name; for an unknown command, what was typed. */
export type CommandName = 'sign' | 'verify' | 'verify-signature' | 'inspect' | (string & {})

export interface JsonCommon {
  schemaVersion: typeof JSON_SCHEMA_VERSION
  command: CommandName
  /** The process exit code: 0 success / verified, 1 failed / not verified, 2 usage or config. */
  exitCode: number
}

/** Why a command could not do its work (exit 1 or 2); no result fields come with it. */
export interface JsonError extends JsonCommon {
  error: {
    /** The stable code, e.g. INPUT_MISSING, REGISTRY_AUTH; UNEXPECTED for a bug. */
    code: string
    message: string
    /** The cause chain below the message, outermost first, as `[CODE] message`. */
    causes: string[]
    remedy?: string
  }
}

export interface SignJson extends JsonCommon {
  signatures: SignatureEntry[]
  /** Artifact Signing only: the api-version that signed, and the configured one it replaced. */
  artifactSigning?: { apiVersion: string; fallbackFrom?: string }
  /** When --trust-policy was given: every signature read back and verified. */
  verification?: VerifyReportJson
  /** What a consumer needs to verify these signatures with notation. */
  verificationHint?: VerificationHint
}

export interface VerifyJson extends JsonCommon, VerifyReportJson {}

export interface VerifySignatureJson extends JsonCommon {
  verified: boolean
  /** The reference the statement was selected for, `registry/repository@digest`. */
  reference: string
  policy: string
  level: string
  /** Why it is not verified (the first enforced failure, or a reference/subject mismatch). */
  failure?: { code: string; message: string }
  /** `digest` is the sha256 digest of the envelope file's bytes. */
  signature?: SignatureJson
}

export type InspectJson = JsonCommon & Inspection

export interface InspectSignatureJson extends JsonCommon {
  envelope: InspectedEnvelopeFile
}

const common = (command: CommandName, exitCode: number): JsonCommon => ({
  schemaVersion: JSON_SCHEMA_VERSION,
  command,
  exitCode,
})

export function errorJson(command: CommandName, err: unknown, exitCode: number): JsonError {
  const [message = String(err), ...causes] = formatCauseChain(err)
  const code = err instanceof ActionError ? err.code : 'UNEXPECTED'
  const prefix = `[${code}] `
  return {
    ...common(command, exitCode),
    error: {
      code,
      message: message.startsWith(prefix) ? message.slice(prefix.length) : message,
      causes: causes.map((c) => c.replace(/^\s*caused by: /, '')),
      ...(err instanceof ActionError && err.remedy !== undefined ? { remedy: err.remedy } : {}),
    },
  }
}

export function signJson(
  result: SignJobResult,
  hint: VerificationHint | undefined,
  exitCode: number,
): SignJson {
  return {
    ...common('sign', exitCode),
    signatures: signatureEntries(result.signed),
    ...(result.signer.artifactSigningApiVersion === undefined
      ? {}
      : {
          artifactSigning: {
            apiVersion: result.signer.artifactSigningApiVersion,
            ...(result.signer.apiVersionFallbackFrom === undefined
              ? {}
              : { fallbackFrom: result.signer.apiVersionFallbackFrom }),
          },
        }),
    ...(result.verification ? { verification: verifyReportJson(result.verification) } : {}),
    ...(hint ? { verificationHint: hint } : {}),
  }
}

export function verifyJson(report: VerifyReport, exitCode: number): VerifyJson {
  return { ...common('verify', exitCode), ...verifyReportJson(report) }
}

export function verifySignatureJson(
  fields: Omit<VerifySignatureJson, keyof JsonCommon>,
  exitCode: number,
): VerifySignatureJson {
  return { ...common('verify-signature', exitCode), ...fields }
}

export function inspectJson(inspection: Inspection): InspectJson {
  return { ...common('inspect', 0), ...inspection }
}

export function inspectSignatureJson(envelope: InspectedEnvelopeFile): InspectSignatureJson {
  return { ...common('inspect', 0), envelope }
}

export const printJson = (value: JsonCommon): void =>
  void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
