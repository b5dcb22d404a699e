import { describe, expect, it } from 'vitest'
import { tlsFailure } from '../../../src/net/tls-errors.js'

/** The shape Node's fetch throws: TypeError("fetch failed") caused by the socket/OpenSSL error. */
function fetchFailure(inner: Record<string, unknown>): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('x'), inner) })
}

describe('tlsFailure', () => {
  it.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', 'untrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'untrusted'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'untrusted'],
    ['CERT_HAS_EXPIRED', 'expired'],
    ['CERT_NOT_YET_VALID', 'expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'hostname'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'not-tls'],
  ])('%s is %s', (code, kind) => {
    expect(tlsFailure(fetchFailure({ code }))).toEqual({ kind, code })
  })

  it('reads OpenSSL text when the code was lost', () => {
    const err = fetchFailure({
      message: '80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:ssl3_record.c',
    })
    expect(tlsFailure(err)?.kind).toBe('not-tls')
  })

  it('is undefined for other network failures', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'UND_ERR_SOCKET']) {
      expect(tlsFailure(fetchFailure({ code }))).toBeUndefined()
    }
    expect(tlsFailure(new Error('plain'))).toBeUndefined()
  })
})
