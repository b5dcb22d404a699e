/**
 * The trust-policy input edge (file system allowed here; not named policy-load.ts because the lint
 * rule treats src/verify/policy*.ts as pure core). The input is inline JSON/YAML text, a path to a
 * policy file, or a notation config directory holding `trustpolicy.oci.json` or
 * `trustpolicy.json` (notation-go main prefers the former). Files must be regular files, not
 * symlinks, as notation requires (notary-spec.md §6.7).
 */
import { lstat, readFile } from 'node:fs/promises'
import path from 'node:path'
import { PolicyError } from './errors.js'
import { detectPolicyFormat, parseTrustPolicy, type TrustPolicyDocument } from './policy.js'

/** Policies are small; anything bigger is a mistake (or an attack on the parser). */
export const MAX_POLICY_BYTES = 1024 * 1024

export const POLICY_FILE_NAMES = ['trustpolicy.oci.json', 'trustpolicy.json'] as const

export interface LoadedPolicy {
  document: TrustPolicyDocument
  /** `inline` or the file that was read. */
  source: string
}

export interface PolicyLoadOptions {
  /** Base for relative paths (default: the current directory). */
  baseDir?: string
  /** Names the input in messages (default `trust policy`). */
  inputName?: string
}

/** True when the input is policy text rather than a path: it starts with `{` or spans lines. */
export function isInlinePolicy(input: string): boolean {
  const t = input.trim()
  return t.startsWith('{') || t.includes('\n')
}

function unreadable(message: string, cause?: unknown): PolicyError {
  return new PolicyError('POLICY_UNREADABLE', message, cause === undefined ? undefined : { cause })
}

async function readPolicyFile(file: string, inputName: string): Promise<string> {
  let info
  try {
    info = await lstat(file)
  } catch (err) {
    throw unreadable(
      `${inputName}: cannot read "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      err,
    )
  }
  if (info.isSymbolicLink() || !info.isFile()) {
    throw unreadable(`${inputName}: "${file}" is not a regular file (symlinks are not supported)`)
  }
  if (info.size > MAX_POLICY_BYTES) {
    throw unreadable(
      `${inputName}: "${file}" is ${info.size} bytes, more than the ${MAX_POLICY_BYTES} bytes allowed`,
    )
  }
  return readFile(file, 'utf8')
}

/** Reads and validates the trust policy from inline text, a file or a notation config directory. */
export async function loadTrustPolicy(
  input: string,
  options: PolicyLoadOptions = {},
): Promise<LoadedPolicy> {
  const inputName = options.inputName ?? 'trust policy'
  if (input.trim() === '') throw unreadable(`${inputName} is empty`)
  if (isInlinePolicy(input)) {
    if (Buffer.byteLength(input) > MAX_POLICY_BYTES) {
      throw unreadable(`${inputName} is larger than ${MAX_POLICY_BYTES} bytes`)
    }
    // Inline text starting with `{` is strict JSON; other multi-line text is YAML (policy.ts).
    return { document: parseTrustPolicy(input, { source: inputName }), source: 'inline' }
  }
  const target = path.resolve(options.baseDir ?? process.cwd(), input.trim())
  let info
  try {
    info = await lstat(target)
  } catch (err) {
    throw unreadable(`${inputName}: "${target}" does not exist`, err)
  }
  let file = target
  if (info.isDirectory()) {
    let found: string | undefined
    for (const name of POLICY_FILE_NAMES) {
      const candidate = path.join(target, name)
      if (
        await lstat(candidate).then(
          () => true,
          () => false,
        )
      ) {
        found = candidate
        break
      }
    }
    if (found === undefined) {
      throw unreadable(
        `${inputName}: directory "${target}" has neither ${POLICY_FILE_NAMES.join(' nor ')}`,
      )
    }
    file = found
  }
  const text = await readPolicyFile(file, inputName)
  // A file named *.json is JSON, as notation reads it, whatever it starts with; YAML only for
  // files the user named otherwise (e.g. policy.yaml).
  const format = /\.json$/i.test(file) ? 'json' : detectPolicyFormat(text)
  return {
    document: parseTrustPolicy(text, { source: file, format }),
    source: file,
  }
}
