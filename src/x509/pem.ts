import { CertificateError } from './errors.js'

/** One `-----BEGIN <label>-----` block, decoded. */
export interface PemBlock {
  label: string
  /** Header lines such as `Proc-Type: 4,ENCRYPTED` (legacy OpenSSL encryption), in order. */
  headers: string[]
  der: Uint8Array
}

const BLOCK = /-----BEGIN ([A-Z0-9 #-]+)-----\r?\n([\s\S]*?)-----END \1-----/g
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Every PEM block in `text`, in order. Tolerates CRLF, blank lines and text between blocks
 * (e.g. `openssl x509 -text` output); a block whose body is not base64 is an error, since a
 * silently skipped certificate would change the chain.
 */
export function parsePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = []
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1] ?? ''
    const lines = (match[2] ?? '').split(/\r?\n/).map((l) => l.trim())
    const headers: string[] = []
    // RFC 1421 headers (Proc-Type, DEK-Info) precede a blank line.
    while (lines.length > 0 && /^[A-Za-z-]+:/.test(lines[0] ?? '')) {
      headers.push(lines.shift() ?? '')
    }
    const body = lines.join('')
    if (!BASE64_BODY.test(body) || body.length % 4 !== 0) {
      throw new CertificateError('CERT_PEM_INVALID', `PEM block "${label}" is not valid base64`)
    }
    blocks.push({ label, headers, der: new Uint8Array(Buffer.from(body, 'base64')) })
  }
  return blocks
}

/**
 * The DER bytes of every CERTIFICATE block in `text`, in order (leaf first for a chain file).
 * Throws CERT_PEM_INVALID when there is none; `what` names the input in the message.
 */
export function pemToCertificates(text: string, what = 'PEM text'): Uint8Array[] {
  const certs = parsePemBlocks(text)
    .filter((b) => b.label === 'CERTIFICATE')
    .map((b) => b.der)
  if (certs.length === 0) {
    throw new CertificateError(
      'CERT_PEM_INVALID',
      `${what} contains no "-----BEGIN CERTIFICATE-----" block`,
    )
  }
  return certs
}

/** PEM-encodes DER bytes with 64-character lines and a trailing newline. */
export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64')
  const lines = b64.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

/** PEM-encodes a certificate chain, one block per certificate, in order. */
export function certificatesToPem(ders: readonly Uint8Array[]): string {
  return ders.map((d) => derToPem(d)).join('')
}
