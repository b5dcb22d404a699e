/**
 * Trust-store input edge (file system allowed here only). Two forms:
 *
 * (a) notation's directory layout `x509/{ca,signingAuthority,tsa}/<name>/<files>`, given as the
 *     `truststore` directory itself or a directory that contains `truststore/` (a notation config
 *     directory). As in notation, a store directory that is a symlink, and a sub-directory, symlink
 *     or non-certificate file inside a store, are errors; the directories above a store (the input
 *     itself, `truststore`, `x509`, `x509/<type>`) may be reached through symlinks. The store also
 *     carries an inventory of the directory (every store it has, files put where a store belongs),
 *     so a missing store's error can list what exists. Files are PEM (every block must be a
 *     certificate) or DER (one or more concatenated certificates).
 * (b) an inline JSON/YAML mapping `type:name` → certificate(s), each a PEM block or a file path
 *     relative to a base directory, e.g. `ca:acme: [./certs/root.pem]`.
 *
 * Every problem is reported at once as a TrustStoreError(TRUST_STORE_INVALID).
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import * as asn1js from 'asn1js'
import { parseDocument } from 'yaml'
import { MAX_YAML_ALIASES } from './policy.js'
import { parsePemBlocks } from '../x509/pem.js'
import { TrustStoreError, formatProblems, type Problem } from './errors.js'
import {
  buildTrustStore,
  isTrustStoreType,
  isValidStoreName,
  TRUST_STORE_TYPES,
  type NamedStoreInput,
  type StoreReference,
  type TrustedCertificateInput,
  type TrustStore,
  type TrustStoreInventory,
} from './trust-store.js'

export const MAX_CERT_FILE_BYTES = 1024 * 1024
export const MAX_FILES_PER_STORE = 1000

function invalid(problems: Problem[]): TrustStoreError {
  return new TrustStoreError(
    'TRUST_STORE_INVALID',
    `trust store is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}`,
    { problems },
  )
}

/**
 * Certificates in file bytes, as notation-core-go `ParseCertificates` reads them: PEM when there
 * is a PEM block (each block must be a certificate), else concatenated DER certificates.
 */
export function certificatesFromBytes(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1')
  if (text.includes('-----BEGIN ')) {
    const blocks = parsePemBlocks(text)
    if (blocks.length === 0) throw new Error('malformed PEM: no complete PEM block')
    for (const b of blocks) {
      if (b.label !== 'CERTIFICATE') throw new Error(`PEM block "${b.label}" is not a certificate`)
    }
    return blocks.map((b) => b.der)
  }
  const certs: Uint8Array[] = []
  let offset = 0
  while (offset < bytes.length) {
    const rest = bytes.subarray(offset)
    const parsed = asn1js.fromBER(rest)
    if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
      throw new Error('neither PEM nor DER certificate data')
    }
    certs.push(new Uint8Array(rest.subarray(0, parsed.offset)))
    offset += parsed.offset
  }
  if (certs.length === 0) throw new Error('no certificates found in the file')
  return certs
}

async function readCertFile(
  file: string,
  label: string,
  problems: Problem[],
): Promise<TrustedCertificateInput[]> {
  const info = await lstat(file).catch((err: NodeJS.ErrnoException) => err)
  if (info instanceof Error) {
    problems.push({ path: label, message: `cannot read "${file}": ${info.code ?? info.message}` })
    return []
  }
  if (info.isSymbolicLink() || !info.isFile()) {
    problems.push({
      path: label,
      message: `"${file}" is not a regular file (directories or symlinks are not supported)`,
    })
    return []
  }
  if (info.size > MAX_CERT_FILE_BYTES) {
    problems.push({ path: label, message: `"${file}" is larger than ${MAX_CERT_FILE_BYTES} bytes` })
    return []
  }
  try {
    const certs = certificatesFromBytes(new Uint8Array(await readFile(file)))
    return certs.map((der, i) => ({ der, source: certs.length > 1 ? `${label}#${i}` : label }))
  } catch (err) {
    problems.push({
      path: label,
      message: `failed to read the trusted certificate: ${(err as Error).message}`,
    })
    return []
  }
}

/**
 * Finds the `x509` directory: `<dir>/x509` or `<dir>/truststore/x509`. Symlinks on the way are
 * followed: notation builds the store path and `Lstat`s only its last element, so a config
 * directory, `truststore` or `x509` reached through a symlink works; a store directory that is a
 * symlink does not (checked in `loadTrustStoreDirectory`).
 */
async function findX509Dir(dir: string): Promise<string | undefined> {
  for (const candidate of [path.join(dir, 'x509'), path.join(dir, 'truststore', 'x509')]) {
    const info = await stat(candidate).catch(() => undefined)
    if (info?.isDirectory()) return candidate
  }
  return undefined
}

const isDirectory = async (p: string): Promise<boolean> =>
  (await stat(p).catch(() => undefined))?.isDirectory() === true

/**
 * What `x509/` holds, for messages: every store directory `type:name`, and every file where a
 * directory belongs (`x509/<file>`, `x509/<type>/<file>`: a certificate one or two levels too high).
 */
async function inventoryOf(x509Dir: string): Promise<TrustStoreInventory> {
  const stores: string[] = []
  const misplaced: string[] = []
  for (const entry of await readdir(x509Dir, { withFileTypes: true })) {
    const typeDir = path.join(x509Dir, entry.name)
    if (isTrustStoreType(entry.name) && (await isDirectory(typeDir))) {
      for (const store of await readdir(typeDir, { withFileTypes: true })) {
        if (store.isDirectory()) stores.push(`${entry.name}:${store.name}`)
        else if (store.isFile()) misplaced.push(`x509/${entry.name}/${store.name}`)
      }
    } else if (entry.isFile()) {
      misplaced.push(`x509/${entry.name}`)
    }
  }
  return { stores: stores.sort(), misplaced: misplaced.sort() }
}

/** The message for a file found where a store directory belongs. */
function misplacedFileMessage(rel: string, type: string): string {
  return `is a file where a store directory belongs: certificates go one level deeper, in a named store, e.g. ${path.join('x509', type, '<name>', path.basename(rel))}, named "${type}:<name>" in the trust policy`
}

export interface DirectoryLoadOptions {
  /**
   * Read only these stores, as notation does (it opens only the stores the policy names; a store
   * missing here is reported later, at verification, like notation). Default: every store found.
   */
  stores?: readonly StoreReference[]
}

/** Loads notation's trust-store directory layout (form a). */
export async function loadTrustStoreDirectory(
  dir: string,
  options: DirectoryLoadOptions = {},
): Promise<TrustStore> {
  const x509Dir = await findX509Dir(dir)
  if (x509Dir === undefined) {
    throw invalid([
      {
        path: dir,
        message:
          'no "x509" directory found (expected <dir>/x509/<type>/<name>/ or <dir>/truststore/x509/...)',
      },
    ])
  }
  const problems: Problem[] = []
  const wanted: { type: string; name: string }[] = []
  if (options.stores !== undefined) {
    const seen = new Set<string>()
    for (const ref of options.stores) {
      const key = `${ref.type}:${ref.name}`
      if (!seen.has(key)) wanted.push(ref)
      seen.add(key)
    }
  } else {
    for (const entry of await readdir(x509Dir, { withFileTypes: true })) {
      const rel = path.join('x509', entry.name)
      if (!isTrustStoreType(entry.name)) {
        problems.push({
          path: rel,
          message: entry.isFile()
            ? misplacedFileMessage(rel, '<type>')
            : `unsupported trust store type "${entry.name}", supported types are ${TRUST_STORE_TYPES.map((t) => `"${t}"`).join(', ')}`,
        })
        continue
      }
      if (!(await isDirectory(path.join(x509Dir, entry.name)))) {
        problems.push({ path: rel, message: 'is not a directory' })
        continue
      }
      for (const store of await readdir(path.join(x509Dir, entry.name), { withFileTypes: true })) {
        wanted.push({ type: entry.name, name: store.name })
      }
    }
  }

  const inputs: NamedStoreInput[] = []
  for (const { type, name } of wanted) {
    const rel = path.join('x509', type, name)
    if (!isTrustStoreType(type) || !isValidStoreName(name)) {
      problems.push({
        path: rel,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${name}" is invalid`,
      })
      continue
    }
    const storeDir = path.join(x509Dir, type, name)
    const info = await lstat(storeDir).catch(() => undefined)
    if (info === undefined) continue // missing: reported at verification time, as notation does
    if (info.isFile()) {
      problems.push({ path: rel, message: misplacedFileMessage(rel, type) })
      continue
    }
    if (info.isSymbolicLink() || !info.isDirectory()) {
      problems.push({
        path: rel,
        message: `the trust store ${name} of type ${type} is not a regular directory (symlinks are not supported)`,
      })
      continue
    }
    const entries = (await readdir(storeDir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )
    if (entries.length > MAX_FILES_PER_STORE) {
      problems.push({ path: rel, message: `more than ${MAX_FILES_PER_STORE} files` })
      continue
    }
    const certificates: TrustedCertificateInput[] = []
    for (const entry of entries) {
      const fileRel = path.join(rel, entry.name)
      if (entry.isDirectory() || entry.isSymbolicLink()) {
        problems.push({
          path: fileRel,
          message: `trusted certificate ${entry.name} in trust store ${name} of type ${type} is not a regular file (directories or symlinks are not supported)`,
        })
        continue
      }
      certificates.push(...(await readCertFile(path.join(storeDir, entry.name), fileRel, problems)))
    }
    inputs.push({ type, name, certificates })
  }
  return { ...finish(inputs, problems), inventory: await inventoryOf(x509Dir) }
}

function finish(inputs: NamedStoreInput[], problems: Problem[]): TrustStore {
  let store: TrustStore | undefined
  try {
    store = buildTrustStore(inputs)
  } catch (err) {
    if (err instanceof TrustStoreError) problems.push(...err.problems)
    else throw err
  }
  if (problems.length > 0 || store === undefined) throw invalid(problems)
  return store
}

export interface InlineLoadOptions {
  /** Base directory for relative certificate paths (default: the current directory). */
  baseDir?: string
}

/** Loads an inline mapping `type:name` → PEM text or file path(s) (form b). */
export async function loadInlineTrustStore(
  text: string,
  options: InlineLoadOptions = {},
): Promise<TrustStore> {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    throw invalid(
      doc.errors.map((e) => ({ path: '', message: `not valid JSON or YAML: ${e.message}` })),
    )
  }
  let raw: unknown
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown
  } catch (err) {
    // The yaml library throws an uncoded ReferenceError ("Excessive alias count") for alias bombs.
    throw new TrustStoreError(
      'TRUST_STORE_INVALID',
      `trust-store: YAML aliases expand beyond the limit of ${MAX_YAML_ALIASES} (a resource exhaustion attack, or a mapping to write without aliases)`,
      { cause: err, problems: [{ path: '', message: 'too many YAML aliases' }] },
    )
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid([
      { path: '', message: 'the trust store must be a mapping of "type:name" to certificates' },
    ])
  }
  const baseDir = options.baseDir ?? process.cwd()
  const problems: Problem[] = []
  const inputs: NamedStoreInput[] = []
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const colon = key.indexOf(':')
    const type = colon < 0 ? '' : key.slice(0, colon)
    const name = colon < 0 ? '' : key.slice(colon + 1)
    if (colon < 0 || !isTrustStoreType(type)) {
      problems.push({
        path: key,
        message: `expected "<type>:<name>" with type one of ${TRUST_STORE_TYPES.map((t) => `"${t}"`).join(', ')}`,
      })
      continue
    }
    if (!isValidStoreName(name)) {
      problems.push({
        path: key,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${name}" is invalid`,
      })
      continue
    }
    const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined
    if (entries === undefined || entries.length === 0) {
      problems.push({
        path: key,
        message: 'expected a certificate (PEM or file path) or a non-empty list of them',
      })
      continue
    }
    const certificates: TrustedCertificateInput[] = []
    for (const [i, entry] of entries.entries()) {
      const label = `${key}[${i}]`
      if (typeof entry !== 'string' || entry.trim() === '') {
        problems.push({ path: label, message: 'expected PEM text or a file path' })
        continue
      }
      if (entry.includes('-----BEGIN ')) {
        try {
          const certs = certificatesFromBytes(Buffer.from(entry, 'utf8'))
          certificates.push(
            ...certs.map((der, j) => ({ der, source: certs.length > 1 ? `${label}#${j}` : label })),
          )
        } catch (err) {
          problems.push({ path: label, message: (err as Error).message })
        }
        continue
      }
      const file = path.resolve(baseDir, entry.trim())
      certificates.push(...(await readCertFile(file, `${label} (${entry.trim()})`, problems)))
    }
    inputs.push({ type, name, certificates })
  }
  return finish(inputs, problems)
}

/**
 * `C:\certs\store`, `C:/certs`, `\\server\share\store`: a path, never an inline mapping, although
 * it contains a colon (no trust-store type is a single letter, so `C:` cannot start a mapping key).
 */
export function isWindowsAbsolutePath(input: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(input) || /^\\\\[^\\]/.test(input)
}

/**
 * Loads either form: a single-line input naming an existing directory is form (a); anything else
 * is form (b).
 */
export async function loadTrustStore(
  input: string,
  options: InlineLoadOptions & DirectoryLoadOptions = {},
): Promise<TrustStore> {
  const trimmed = input.trim()
  if (!trimmed.includes('\n')) {
    const target = path.resolve(options.baseDir ?? process.cwd(), trimmed)
    // stat, not lstat: the input itself may be reached through a symlink (notation follows it).
    const info = await stat(target).catch(() => undefined)
    if (info?.isDirectory()) return loadTrustStoreDirectory(target, options)
    if (info?.isFile()) {
      // A file holding the inline mapping; its relative certificate paths are relative to it.
      const text = await readFile(target, 'utf8')
      return loadInlineTrustStore(text, { ...options, baseDir: path.dirname(target) })
    }
    if ((!trimmed.includes(':') && !trimmed.startsWith('{')) || isWindowsAbsolutePath(trimmed)) {
      throw invalid([
        {
          path: trimmed,
          message: `is neither a trust-store directory or mapping file (not found) nor a "type:name" mapping`,
        },
      ])
    }
  }
  return loadInlineTrustStore(input, options)
}
