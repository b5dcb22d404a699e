import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ConfigError } from '../../../src/errors.js'
import { SigningError } from '../../../src/signer/errors.js'
import { loadLocalKeySigner, loadPemInput } from '../../../src/signer/load-local.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../../testbed/pki.js'
import { expectRejectCode } from '../../helpers/signing-core-expect.js'

let dir: string
let pki: CodeSigningPki
const NOW = new Date('2030-01-01T00:00:00Z')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'load-local-'))
  pki = await createCodeSigningPki({ keyKind: 'ec256' })
  writeFileSync(join(dir, 'key.pem'), pki.leaf.privateKeyPem)
  writeFileSync(join(dir, 'chain.pem'), pki.chainPem)
  writeFileSync(join(dir, 'empty.txt'), 'not pem')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('loadPemInput', () => {
  test('inline PEM is used as is; a path is read', async () => {
    expect(await loadPemInput(`  ${pki.chainPem}  `, 'signing-certificate-chain')).toBe(
      pki.chainPem.trim(),
    )
    expect(await loadPemInput(join(dir, 'chain.pem'), 'signing-certificate-chain')).toBe(
      pki.chainPem,
    )
  })

  test('a missing file names the input and the path, never the content', async () => {
    const path = join(dir, 'nope.pem')
    const err = await expectRejectCode(
      loadPemInput(path, 'signing-key'),
      ConfigError,
      'INPUT_INVALID',
    )
    expect(err.message).toContain('signing-key')
    expect(err.message).toContain(path)
    expect(err.message).toContain('ENOENT')
  })

  test('empty input, a file without PEM, and multi-line non-PEM text', async () => {
    await expectRejectCode(loadPemInput('  ', 'signing-key'), ConfigError, 'INPUT_MISSING')
    await expectRejectCode(
      loadPemInput(join(dir, 'empty.txt'), 'signing-key'),
      ConfigError,
      'INPUT_INVALID',
    )
    const err = await expectRejectCode(
      loadPemInput('MIIB\nsecret', 'signing-key'),
      ConfigError,
      'INPUT_INVALID',
    )
    expect(err.message).not.toContain('secret')
  })
})

describe('loadLocalKeySigner', () => {
  test('from files', async () => {
    const signer = await loadLocalKeySigner({
      signingKey: join(dir, 'key.pem'),
      signingCertificateChain: join(dir, 'chain.pem'),
      now: NOW,
    })
    expect(signer.algorithm).toBe('ES256')
  })

  test('errors name the action inputs', async () => {
    const err = await expectRejectCode(
      loadLocalKeySigner({
        signingKey: pki.chainPem,
        signingCertificateChain: pki.chainPem,
        now: NOW,
      }),
      SigningError,
      'SIGNER_KEY_INVALID',
    )
    expect(err.message).toContain('signing-key')
    const err2 = await expectRejectCode(
      loadLocalKeySigner({
        signingKey: pki.leaf.privateKeyPem,
        signingCertificateChain: pki.leaf.pem,
        now: NOW,
      }),
      SigningError,
      'SIGNER_CHAIN_INVALID',
    )
    expect(err2.message).toContain('signing-certificate-chain')
  })
})
