/**
 * certificatesFromPkcs12 against files openssl writes at test time (the forms Key Vault and the
 * tools people import from produce): certificates come out in file order, key bags are skipped,
 * RC2 and passwords are refused with a coded error.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CertificateError } from '../../../src/x509/errors.js'
import { certificatesFromPkcs12 } from '../../../src/x509/pkcs12.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../../testbed/pki.js'

const run = promisify(execFile)
let dir: string
let pki: CodeSigningPki

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pkcs12-'))
  pki = await createCodeSigningPki({ keyKind: 'ec256' })
  await writeFile(join(dir, 'chain.pem'), pki.chainPem)
  await writeFile(join(dir, 'key.pem'), pki.leaf.privateKeyPem)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function p12(name: string, args: string[], password = ''): Promise<Uint8Array> {
  const out = join(dir, `${name}.p12`)
  await run('openssl', [
    'pkcs12',
    '-export',
    '-in',
    join(dir, 'chain.pem'),
    ...args,
    '-passout',
    `pass:${password}`,
    '-out',
    out,
  ])
  return new Uint8Array(await readFile(out))
}

function refusal(der: Uint8Array): CertificateError {
  try {
    certificatesFromPkcs12(der)
  } catch (err) {
    if (err instanceof CertificateError) return err
    throw err
  }
  throw new Error('accepted')
}

const expected = (): Buffer[] => pki.chainDer.map((c) => Buffer.from(c))

describe('certificatesFromPkcs12', () => {
  it.each([
    ['PBES2 AES-256-CBC (OpenSSL 3 default), with the key', ['-inkey', 'KEY']],
    ['PBES2 AES-128-CBC, certificates only', ['-nokeys', '-certpbe', 'AES-128-CBC']],
    [
      'pbeWithSHAAnd3-KeyTripleDES-CBC',
      ['-inkey', 'KEY', '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES'],
    ],
    ['unencrypted certificate bags', ['-nokeys', '-certpbe', 'NONE']],
  ])('reads %s', async (name, args) => {
    const der = await p12(
      name.replace(/\W+/g, '-'),
      args.map((a) => (a === 'KEY' ? join(dir, 'key.pem') : a)),
    )
    expect(certificatesFromPkcs12(der).map((c) => Buffer.from(c))).toEqual(expected())
  })

  it('refuses RC2-encrypted certificates with what to do instead', async () => {
    const err = refusal(await p12('rc2', ['-nokeys', '-legacy']))
    expect(err.code).toBe('CERT_PARSE')
    expect(err.message).toContain('RC2')
    expect(err.message).toContain('PEM')
  })

  it('refuses a file protected by a password (Key Vault secrets have none)', async () => {
    const err = refusal(await p12('password', ['-nokeys'], 'hunter2'))
    expect(err.message).toContain('empty password')
  })

  it('refuses bytes that are not PKCS#12', () => {
    expect(refusal(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03])).code).toBe('CERT_PARSE')
    expect(refusal(new Uint8Array(pki.leaf.der)).code).toBe('CERT_PARSE')
    expect(refusal(new Uint8Array([1, 2, 3])).code).toBe('CERT_PARSE')
  })
})
