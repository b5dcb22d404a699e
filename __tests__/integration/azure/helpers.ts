/**
 * Shared helpers of the Azure integration tests: run fixtures/child.ts in a fresh Node process
 * (so NODE_EXTRA_CA_CERTS and the ACTIONS_ID_TOKEN_REQUEST_* variables take effect exactly as in
 * a runner) and collect everything it prints.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const CHILD = fileURLToPath(new URL('./fixtures/child.ts', import.meta.url))
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

export interface ChildRun {
  stdout: string
  stderr: string
  exitCode: number
  result: Record<string, unknown>
}

export function runChild(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildRun> {
  const base: Record<string, string> = {}
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']) {
    const v = process.env[k]
    if (v !== undefined) base[k] = v
  }
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CHILD],
      { cwd: ROOT, env: { ...base, ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('RESULT '))
        if (line === undefined) {
          reject(
            new Error(
              `child printed no RESULT (exit ${String(error?.code)}):\n${stdout}\n${stderr}`,
            ),
          )
          return
        }
        resolve({
          stdout,
          stderr,
          exitCode: typeof error?.code === 'number' ? error.code : 0,
          result: JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>,
        })
      },
    )
  })
}

/**
 * Asserts no secret occurs in `text`. @actions/core prints `::add-mask::<ID token>` on stdout: that
 * is the runner's masking command (the token never reaches the visible log), so those lines are
 * checked to carry only the OIDC token and are then left out.
 */
export function leakedSecrets(text: string, secrets: string[]): string[] {
  const visible = text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  const leaks: string[] = []
  for (const s of secrets) {
    if (s.length < 16) continue
    // Any sizeable fragment of a token counts (a JWT's signature part alone is a secret).
    const parts = [s, ...s.split('.').filter((p) => p.length >= 16)]
    if (parts.some((p) => visible.includes(p))) leaks.push(`${s.slice(0, 12)}…`)
  }
  return leaks
}

/**
 * Independent check with the openssl CLI: the chain verifies up to `rootDer` (and only that root is
 * trusted), and the signature is RSASSA-PSS SHA-384 with a 48-byte salt over `payload` by the leaf.
 */
export async function opensslVerify(
  payload: Uint8Array,
  signature: Uint8Array,
  chainDer: Uint8Array[],
  rootDer: Uint8Array,
): Promise<{ chain: string; signature: string }> {
  const { mkdtemp, rm, writeFile } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { X509Certificate } = await import('node:crypto')
  const { promisify } = await import('node:util')
  const run = promisify(execFile)
  const dir = await mkdtemp(join(tmpdir(), 'azure-openssl-'))
  try {
    const pem = (der: Uint8Array): string => new X509Certificate(der).toString()
    const [leaf, ...rest] = chainDer
    if (leaf === undefined) throw new Error('empty chain')
    await writeFile(join(dir, 'leaf.pem'), pem(leaf))
    await writeFile(join(dir, 'untrusted.pem'), rest.slice(0, -1).map(pem).join(''))
    await writeFile(join(dir, 'root.pem'), pem(rootDer))
    await writeFile(
      join(dir, 'pub.pem'),
      new X509Certificate(leaf).publicKey.export({ type: 'spki', format: 'pem' }),
    )
    await writeFile(join(dir, 'payload.bin'), payload)
    await writeFile(join(dir, 'sig.bin'), signature)
    const chain = await run('openssl', [
      'verify',
      '-x509_strict',
      '-CAfile',
      join(dir, 'root.pem'),
      '-untrusted',
      join(dir, 'untrusted.pem'),
      join(dir, 'leaf.pem'),
    ])
    const sig = await run('openssl', [
      'dgst',
      '-sha384',
      '-sigopt',
      'rsa_padding_mode:pss',
      '-sigopt',
      'rsa_pss_saltlen:48',
      '-sigopt',
      'rsa_mgf1_md:sha384',
      '-verify',
      join(dir, 'pub.pem'),
      '-signature',
      join(dir, 'sig.bin'),
      join(dir, 'payload.bin'),
    ])
    return { chain: chain.stdout.trim(), signature: sig.stdout.trim() }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
