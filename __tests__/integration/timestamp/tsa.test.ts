/**
 * The RFC 3161 client against a real TSA (`openssl ts -reply` behind HTTP, testbed/tsa.ts): round
 * trips over SHA-256/384/512 whose tokens `openssl ts -verify` also accepts, every failure route of
 * the test TSA with its code, URL fallback, back-dated genTime, and an ECDSA TSA.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTransport } from '../../../src/net/transport.js'
import type { HashAlgorithm } from '../../../src/signer/signer.js'
import { createTimestamper, type TimestamperOptions } from '../../../src/timestamp/client.js'
import { TimestampError, type TimestampCode } from '../../../src/timestamp/errors.js'
import { verifyTimestampToken } from '../../../src/timestamp/verify.js'
import { pemToCertificates } from '../../../src/x509/pem.js'
import { createTsaPki } from '../../../testbed/pki.js'
import { startTsa, type TsaHandle } from '../../../testbed/tsa.js'
import { testbed } from '../../helpers/testbed.js'

const run = promisify(execFile)
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tsa-client-test-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function tsa() {
  const t = testbed().tsa
  return {
    ...t,
    root: pemToCertificates(t.rootPem),
    untrustedRoot: pemToCertificates(t.untrustedRootPem),
  }
}

function timestamper(extra: Partial<TimestamperOptions> = {}) {
  return createTimestamper({
    urls: [tsa().url],
    roots: tsa().root,
    transport: createTransport(),
    maxAttempts: 1,
    ...extra,
  })
}

/** Independent check: openssl verifies the token over the message against the root file. */
async function opensslVerify(
  token: Uint8Array,
  message: Uint8Array,
  caFile: string,
): Promise<string> {
  const id = randomBytes(4).toString('hex')
  const tokenPath = join(work, `${id}.tst`)
  const dataPath = join(work, `${id}.bin`)
  await writeFile(tokenPath, token)
  await writeFile(dataPath, message)
  const { stdout } = await run('openssl', [
    'ts',
    '-verify',
    '-in',
    tokenPath,
    '-token_in',
    '-data',
    dataPath,
    '-CAfile',
    caFile,
  ])
  return stdout
}

async function codeOf(p: Promise<unknown>): Promise<TimestampCode> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(TimestampError)
    return (err as TimestampError).code
  }
  throw new Error('expected a failure')
}

describe('round trip against the local TSA', () => {
  it.each(['SHA-256', 'SHA-384', 'SHA-512'] as const)(
    '%s: verified token, genTime near now, and openssl ts -verify agrees',
    async (hash: HashAlgorithm) => {
      const message = randomBytes(384) // e.g. an RSA-3072 PS384 signature
      const before = Date.now()
      const result = await timestamper().timestampWithInfo(message, hash)
      const after = Date.now()
      expect(result.info.hashAlgorithm).toBe(hash)
      expect(result.info.genTime.getTime()).toBeGreaterThanOrEqual(before - 2000)
      expect(result.info.genTime.getTime()).toBeLessThanOrEqual(after + 2000)
      expect(result.info.accuracyMs).toBe(1000) // the test TSA states secs:1
      expect(result.info.policy).toBe('1.3.6.1.4.1.99999.1.1')
      // leaf + the given root (the token itself carries no root, like Microsoft's TSA)
      expect(result.info.tsaChain).toHaveLength(2)
      expect(Buffer.from(result.info.tsaChain[1] as Uint8Array)).toEqual(
        Buffer.from(tsa().root[0] as Uint8Array),
      )
      // the returned bytes verify again on their own, years later (no clock, no nonce)
      const again = verifyTimestampToken({ token: result.token, message, roots: tsa().root })
      expect(again.genTime).toEqual(result.info.genTime)
      expect(await opensslVerify(result.token, message, tsa().rootPath)).toMatch(/Verification: OK/)
    },
  )

  it('the token is over the message: another message fails in openssl and here', async () => {
    const message = randomBytes(64)
    const token = await timestamper().timestamp(message, 'SHA-256')
    await expect(opensslVerify(token, randomBytes(64), tsa().rootPath)).rejects.toThrow()
    const err = await codeOf(
      Promise.resolve().then(() =>
        verifyTimestampToken({ token, message: randomBytes(64), roots: tsa().root }),
      ),
    )
    expect(err).toBe('TSA_IMPRINT_MISMATCH')
  })
})

describe('failures from the local TSA, one code each', () => {
  const message = randomBytes(256)
  it.each([
    ['http500', 'TSA_HTTP'],
    ['badtype', 'TSA_HTTP'],
    ['garbage', 'TSA_RESPONSE_INVALID'],
    ['untrusted', 'TSA_UNTRUSTED'],
    ['wrong-imprint', 'TSA_IMPRINT_MISMATCH'],
  ] as const)('/%s: %s', async (route, code) => {
    const ts = timestamper({ urls: [`${tsa().url}${route}`] })
    expect(await codeOf(ts.timestamp(message, 'SHA-256'))).toBe(code)
  })

  it('/slow with a short timeout: TSA_TIMEOUT', async () => {
    const ts = timestamper({ urls: [`${tsa().url}slow`], timeoutMs: 300 })
    expect(await codeOf(ts.timestamp(message, 'SHA-256'))).toBe('TSA_TIMEOUT')
  })

  it('/http500 is retried with backoff before giving up', async () => {
    const events: number[] = []
    const ts = timestamper({
      urls: [`${tsa().url}http500`],
      maxAttempts: 3,
      baseDelayMs: 10,
      transport: createTransport({ onRequest: (e) => void events.push(e.attempt) }),
    })
    expect(await codeOf(ts.timestamp(message, 'SHA-256'))).toBe('TSA_HTTP')
    expect(events).toHaveLength(3)
  })

  it('/untrusted verifies once its own root is trusted', async () => {
    const ts = timestamper({ urls: [`${tsa().url}untrusted`], roots: tsa().untrustedRoot })
    const result = await ts.timestampWithInfo(message, 'SHA-256')
    expect(result.info.tsaChain).toHaveLength(2)
  })

  it('fallback: the first URL fails, the second answers', async () => {
    const ts = timestamper({ urls: [`${tsa().url}http500`, `${tsa().url}garbage`, tsa().url] })
    const result = await ts.timestampWithInfo(message, 'SHA-256')
    expect(result.url).toBe(tsa().url)
  })

  it('/at/<epoch>: a back-dated genTime is refused at signing (TSA_TIME) but verifies later', async () => {
    const epoch = Math.floor(Date.now() / 1000) - 7200
    const ts = timestamper({ urls: [`${tsa().url}at/${epoch}`] })
    expect(await codeOf(ts.timestamp(message, 'SHA-256'))).toBe('TSA_TIME')
    const lenient = timestamper({ urls: [`${tsa().url}at/${epoch}`], maxClockSkewMs: 3 * 3600_000 })
    const result = await lenient.timestampWithInfo(message, 'SHA-256')
    // faketime starts the TSA's clock at epoch; it keeps ticking while openssl runs
    const drift = result.info.genTime.getTime() / 1000 - epoch
    expect(drift).toBeGreaterThanOrEqual(0)
    expect(drift).toBeLessThan(5)
  })
})

describe('an ECDSA TSA (P-256 leaf)', () => {
  let ecTsa: TsaHandle
  beforeAll(async () => {
    ecTsa = await startTsa({ pki: await createTsaPki({ name: 'EC Client TSA', keyKind: 'ec256' }) })
  })
  afterAll(async () => {
    await ecTsa?.stop()
  })

  it('round trip; openssl agrees', async () => {
    const message = randomBytes(64) // an ES256 r||s
    const ts = timestamper({ urls: [ecTsa.url], roots: pemToCertificates(ecTsa.rootPem) })
    const result = await ts.timestampWithInfo(message, 'SHA-256')
    expect(result.info.tsaChain).toHaveLength(2)
    expect(await opensslVerify(result.token, message, ecTsa.rootPath)).toMatch(/Verification: OK/)
  })
})

describe('without a TSA root (allowUnanchored, signing time only)', () => {
  it('accepts a good token, still checking imprint, nonce and the TSA leaf profile', async () => {
    const message = randomBytes(48)
    const result = await timestamper({ roots: [], allowUnanchored: true }).timestampWithInfo(
      message,
      'SHA-384',
    )
    expect(result.info.tsaChain).toHaveLength(1)
    // The same token anchors fine once the root is known (what verification does).
    expect(
      verifyTimestampToken({ token: result.token, message, roots: tsa().root }).tsaChain,
    ).toHaveLength(2)
  })

  it('still refuses a wrong imprint', async () => {
    const err = await timestamper({
      urls: [`${tsa().url}wrong-imprint`],
      roots: [],
      allowUnanchored: true,
    })
      .timestamp(randomBytes(32), 'SHA-256')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TimestampError)
    expect((err as TimestampError).code).toBe('TSA_IMPRINT_MISMATCH')
  })

  it('is refused without the opt-in', () => {
    expect(() => timestamper({ roots: [] })).toThrow(/no TSA root certificate was given/)
  })
})
