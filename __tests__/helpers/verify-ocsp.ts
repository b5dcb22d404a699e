/**
 * `openssl ocsp` as a real OCSP responder for revocation tests: writes an OpenSSL CA index, starts
 * the responder on a free loopback port and stops it by pid.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../../testbed/registry.js'
import type { TestCert } from './verify-pki.js'

export interface IndexEntry {
  cert: TestCert
  revokedAt?: Date
}

function asn1Time(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`
}

function dn(subject: string): string {
  return `/${subject.split(/,\s*/).join('/')}`
}

export interface OcspResponder {
  url: string
  stop(): Promise<void>
}

/**
 * Waits for openssl to say it listens. (A probe connection would block it: the responder serves
 * one connection at a time and waits for a request line on it.)
 */
async function waitForReady(child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`openssl ocsp exited with ${child.exitCode}`)
    if (output().includes('waiting for OCSP client connections')) return
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error('openssl ocsp did not start listening')
}

export async function startOcspResponder(o: {
  ca: TestCert
  signer: TestCert
  entries: IndexEntry[]
  /** Minutes until nextUpdate; omit for no nextUpdate. */
  nextUpdateMinutes?: number
  /** A port reserved by the caller (e.g. already written into a certificate's AIA). */
  port?: number
}): Promise<OcspResponder> {
  const dir = await mkdtemp(path.join(tmpdir(), 'verify-ocsp-'))
  const lines = o.entries.map((e) => {
    const serial = e.cert.serial.toUpperCase()
    const status = e.revokedAt
      ? `R\t${asn1Time(new Date('2099-01-01T00:00:00Z'))}\t${asn1Time(e.revokedAt)}`
      : `V\t${asn1Time(new Date('2099-01-01T00:00:00Z'))}\t`
    return `${status}\t${serial}\tunknown\t${dn(e.cert.subject)}\n`
  })
  await writeFile(path.join(dir, 'index.txt'), lines.join(''))
  await writeFile(path.join(dir, 'index.txt.attr'), 'unique_subject = no\n')
  await writeFile(path.join(dir, 'ca.pem'), o.ca.pem)
  await writeFile(path.join(dir, 'signer.pem'), o.signer.pem)
  await writeFile(path.join(dir, 'signer.key'), o.signer.keyPem, { mode: 0o600 })
  const port = o.port ?? (await freePort())
  const args = [
    'ocsp',
    '-index',
    path.join(dir, 'index.txt'),
    '-port',
    String(port),
    '-CA',
    path.join(dir, 'ca.pem'),
    '-rsigner',
    path.join(dir, 'signer.pem'),
    '-rkey',
    path.join(dir, 'signer.key'),
    '-ignore_err',
    ...(o.nextUpdateMinutes !== undefined ? ['-nmin', String(o.nextUpdateMinutes)] : []),
  ]
  const child = spawn('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  try {
    await waitForReady(child, () => stderr)
  } catch (err) {
    child.kill()
    throw new Error(`${(err as Error).message}: ${stderr}`)
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((r) => child.once('exit', r))
        process.kill(child.pid)
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
