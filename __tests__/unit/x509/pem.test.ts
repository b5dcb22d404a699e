import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { CertificateError } from '../../../src/x509/errors.js'
import {
  certificatesToPem,
  derToPem,
  parsePemBlocks,
  pemToCertificates,
} from '../../../src/x509/pem.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const leafPem = readFileSync(
  new URL('../../fixtures/notation/cose_signature.leaf.pem', import.meta.url),
  'utf8',
)

describe('pem', () => {
  test('round-trips DER through PEM with 64-column lines', () => {
    const [der] = pemToCertificates(leafPem)
    expect(der).toBeDefined()
    const pem = derToPem(der!)
    expect(pem.split('\n').every((l) => l.length <= 64)).toBe(true)
    expect(pemToCertificates(pem)).toEqual([der])
  })

  test('reads many blocks, CRLF, text between blocks, and skips other labels', () => {
    const [der] = pemToCertificates(leafPem)
    const two = certificatesToPem([der!, der!])
    const messy = `Bag Attributes\r\n${two.replace(/\n/g, '\r\n')}\r\nsome text\r\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n`
    expect(pemToCertificates(messy)).toHaveLength(2)
    expect(parsePemBlocks(messy).map((b) => b.label)).toEqual([
      'CERTIFICATE',
      'CERTIFICATE',
      'PRIVATE KEY',
    ])
  })

  test('keeps RFC 1421 headers of legacy encrypted keys', () => {
    const blocks = parsePemBlocks(
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n',
    )
    expect(blocks[0]?.headers).toEqual(['Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,00'])
  })

  test('no CERTIFICATE block is a clear error naming the input', () => {
    const err = expectCode(
      () => pemToCertificates('hello', 'signing-certificate-chain'),
      CertificateError,
      'CERT_PEM_INVALID',
    )
    expect(err.message).toContain('signing-certificate-chain')
    expect(err.message).toContain('BEGIN CERTIFICATE')
  })

  test('a block with a broken body is an error, not silently skipped', () => {
    expectCode(
      () => pemToCertificates('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n'),
      CertificateError,
      'CERT_PEM_INVALID',
    )
  })
})
