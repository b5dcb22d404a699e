/**
 * What a failed HTTPS connection says about TLS, read from the innermost error code that Node's
 * fetch wraps (undici → socket → OpenSSL). Two failures need their own words, because the raw
 * codes point the user nowhere: a certificate the process does not trust (a private CA), and a
 * server that does not speak TLS at all (a plain-HTTP registry reached with https).
 */

export type TlsFailure =
  /** The chain does not lead to a CA Node trusts. */
  | { kind: 'untrusted'; code: string }
  /** The certificate is outside its validity period. */
  | { kind: 'expired'; code: string }
  /** The certificate does not name the host. */
  | { kind: 'hostname'; code: string }
  /** The server answered the TLS handshake with something else, typically plain HTTP. */
  | { kind: 'not-tls'; code: string }

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
])
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])
const NOT_TLS = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
])

/** The TLS failure behind `err`, when its cause chain holds one. */
export function tlsFailure(err: unknown): TlsFailure | undefined {
  let current: unknown = err
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (typeof code === 'string') {
      if (UNTRUSTED.has(code)) return { kind: 'untrusted', code }
      if (EXPIRED.has(code)) return { kind: 'expired', code }
      if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { kind: 'hostname', code }
      if (NOT_TLS.has(code)) return { kind: 'not-tls', code }
    }
    // OpenSSL's own text when the code was lost on the way (e.g. "...:wrong version number:...").
    if (
      typeof message === 'string' &&
      /:wrong version number:|:packet length too long:/.test(message)
    ) {
      return { kind: 'not-tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER' }
    }
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
