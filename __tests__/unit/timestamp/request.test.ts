import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as pkijs from 'pkijs'
import { describe, expect, it } from 'vitest'
import type { HashAlgorithm } from '../../../src/signer/signer.js'
import { TimestampError } from '../../../src/timestamp/errors.js'
import {
  NONCE_BYTES,
  createTimestampRequest,
  nonceFromRandom,
} from '../../../src/timestamp/request.js'

const run = promisify(execFile)
const MESSAGE = new TextEncoder().encode('raw signature bytes')
const RANDOM = new Uint8Array(NONCE_BYTES).fill(0xab)

const CASES: [HashAlgorithm, string, string][] = [
  ['SHA-256', '2.16.840.1.101.3.4.2.1', 'sha256'],
  ['SHA-384', '2.16.840.1.101.3.4.2.2', 'sha384'],
  ['SHA-512', '2.16.840.1.101.3.4.2.3', 'sha512'],
]

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(TimestampError)
    return (err as TimestampError).code
  }
  return undefined
}

describe('createTimestampRequest', () => {
  it.each(CASES)(
    '%s: decodes back with pkijs to exactly the notation request',
    (hash, oid, node) => {
      const req = createTimestampRequest({ message: MESSAGE, hash, nonceRandom: RANDOM })
      const decoded = pkijs.TimeStampReq.fromBER(req.der)
      expect(decoded.version).toBe(1)
      expect(decoded.messageImprint.hashAlgorithm.algorithmId).toBe(oid)
      // AlgorithmIdentifier carries explicit NULL parameters
      expect(decoded.messageImprint.hashAlgorithm.algorithmParams?.constructor.name).toBe('Null')
      const expected = createHash(node).update(MESSAGE).digest()
      expect(Buffer.from(decoded.messageImprint.hashedMessage.valueBlock.valueHexView)).toEqual(
        expected,
      )
      expect(Buffer.from(req.digest)).toEqual(expected)
      expect(decoded.certReq).toBe(true)
      expect(decoded.reqPolicy).toBeUndefined()
      expect(decoded.extensions).toBeUndefined()
      expect(decoded.nonce?.toBigInt()).toBe(req.nonce)
      // DER: re-encoding gives the same bytes
      expect(Buffer.from(decoded.toSchema().toBER())).toEqual(Buffer.from(req.der))
    },
  )

  it('openssl ts -query -text reads it: version 1, imprint, nonce, certificate required, no policy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tsq-'))
    try {
      const req = createTimestampRequest({ message: MESSAGE, hash: 'SHA-384', nonceRandom: RANDOM })
      const file = join(dir, 'x.tsq')
      await writeFile(file, req.der)
      const { stdout } = await run('openssl', ['ts', '-query', '-in', file, '-text'])
      expect(stdout).toMatch(/Version: 1/)
      expect(stdout).toMatch(/Hash Algorithm: sha384/)
      expect(stdout).toMatch(/Policy OID: unspecified/)
      expect(stdout).toMatch(/Certificate required: yes/)
      expect(stdout).toMatch(/Extensions:\s*$/m)
      const nonceHex = /Nonce: 0x([0-9A-F]+)/.exec(stdout)?.[1]
      expect(nonceHex && BigInt(`0x${nonceHex}`)).toBe(req.nonce)
      const imprint = createHash('sha384').update(MESSAGE).digest('hex')
      const dump = stdout
        .split('\n')
        .filter((l) => /^\s+[0-9a-f]{4} - /.test(l))
        .map((l) => l.slice(11, 58).replace(/[ -]/g, ''))
        .join('')
      expect(dump).toBe(imprint)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('uses a fresh nonce from the given random bytes', () => {
    const a = createTimestampRequest({ message: MESSAGE, hash: 'SHA-256', nonceRandom: RANDOM })
    const b = createTimestampRequest({
      message: MESSAGE,
      hash: 'SHA-256',
      nonceRandom: new Uint8Array(NONCE_BYTES).fill(0x11),
    })
    expect(a.nonce).not.toBe(b.nonce)
    expect(Buffer.from(a.der)).not.toEqual(Buffer.from(b.der))
  })

  it.each([
    ['all 0xff', new Uint8Array(NONCE_BYTES).fill(0xff), (1n << 159n) - 1n],
    ['all zero', new Uint8Array(NONCE_BYTES), 1n],
    ['leading zero byte', Uint8Array.from([0, 0x80, ...new Uint8Array(18)]), 0x80n << 144n],
  ])('nonce from %s is positive and below 2^159', (_name, random, expected) => {
    const nonce = nonceFromRandom(random)
    expect(nonce).toBe(expected)
    expect(nonce > 0n && nonce < 1n << 159n).toBe(true)
    // minimal DER INTEGER, positive (a leading 0x00 only when the top bit would be set)
    const req = createTimestampRequest({ message: MESSAGE, hash: 'SHA-256', nonceRandom: random })
    expect(pkijs.TimeStampReq.fromBER(req.der).nonce?.toBigInt()).toBe(expected)
  })

  it('rejects bad input with TSA_REQUEST', () => {
    expect(
      codeOf(() =>
        createTimestampRequest({
          message: new Uint8Array(0),
          hash: 'SHA-256',
          nonceRandom: RANDOM,
        }),
      ),
    ).toBe('TSA_REQUEST')
    expect(
      codeOf(() =>
        createTimestampRequest({
          message: MESSAGE,
          hash: 'SHA-1' as HashAlgorithm,
          nonceRandom: RANDOM,
        }),
      ),
    ).toBe('TSA_REQUEST')
    expect(
      codeOf(() =>
        createTimestampRequest({
          message: MESSAGE,
          hash: 'SHA-256',
          nonceRandom: new Uint8Array(8),
        }),
      ),
    ).toBe('TSA_REQUEST')
  })
})
