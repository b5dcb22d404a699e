/**
 * `oci-notary cert generate-test NAME`: thin wiring around src/commands/generate-test-cert.ts
 * (flags, files, output). Existing files are never overwritten; the key is written 0600.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  TEST_KEY_TYPES,
  generateTestCertificates,
  testCertificateInstructions,
  type TestCertificateFiles,
  type TestKeyType,
} from '../commands/generate-test-cert.js'
import { ConfigError } from '../errors.js'

export const CERT_HELP = `usage: oci-notary cert generate-test [--key-type TYPE] [--days N] [--out DIR] NAME

TEST ONLY. Makes a throwaway root CA and a code-signing certificate for it (the Notary Project
certificate rules), with the signing key, like "notation cert generate-test"; prints the
signing inputs, a trust-store mapping and a trust policy that accept it. Never trust these
certificates in production: anyone with the files can sign as "NAME".

  NAME               leaf common name and trust-store name ([a-zA-Z0-9_.-]+)
  --key-type TYPE    ${TEST_KEY_TYPES.join(' | ')} (default rsa-3072, the Artifact Signing key type)
  --days N           validity in days, 1 to 3650 (default 365)
  --out DIR          directory for the files (default ./NAME-test-certs); existing files are kept
                     and the command fails instead
`

const FLAGS = {
  'key-type': { type: 'string' },
  days: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/** Writes `text` to a new file; an existing file is an error, never overwritten. */
async function writeNew(file: string, text: string, mode: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  try {
    await writeFile(file, text, { flag: 'wx', mode })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConfigError(
        'INPUT_CONFLICT',
        `cert generate-test: ${file} exists; not overwritten`,
        {
          remedy: 'remove it or choose another --out directory',
        },
      )
    }
    throw err
  }
}

export async function certCommand(args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true })
  } catch (err) {
    throw new ConfigError('INPUT_INVALID', err instanceof Error ? err.message : String(err))
  }
  const { values, positionals } = parsed
  if (values.help) return (void process.stdout.write(CERT_HELP), 0)
  const [sub, name, ...rest] = positionals
  if (sub !== 'generate-test' || name === undefined || rest.length > 0) {
    throw new ConfigError(
      'INPUT_INVALID',
      'usage: oci-notary cert generate-test [--key-type TYPE] [--days N] [--out DIR] NAME',
    )
  }
  const days = values.days === undefined ? 365 : Number(values.days)
  const certs = generateTestCertificates({
    name,
    keyType: (values['key-type'] ?? 'rsa-3072') as TestKeyType,
    now: new Date(),
    days,
  })
  const out = path.resolve(values.out ?? `${name}-test-certs`)
  const files: TestCertificateFiles = {
    key: path.join(out, `${name}.key`),
    leaf: path.join(out, `${name}.crt`),
    chain: path.join(out, `${name}-chain.pem`),
    root: path.join(out, `${name}-root.crt`),
    trustStoreDir: path.join(out, 'truststore'),
  }
  await writeNew(files.key, certs.leafKeyPem, 0o600)
  await writeNew(files.leaf, certs.leafPem, 0o644)
  await writeNew(files.chain, certs.chainPem, 0o644)
  await writeNew(files.root, certs.rootPem, 0o644)
  await writeNew(
    path.join(files.trustStoreDir, 'x509', 'ca', name, `${name}-root.crt`),
    certs.rootPem,
    0o644,
  )
  process.stdout.write(testCertificateInstructions(certs, files))
  return 0
}
