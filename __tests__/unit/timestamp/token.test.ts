import { describe, expect, it } from 'vitest'
import { TimestampError } from '../../../src/timestamp/errors.js'
import {
  parseTimestampResponse,
  parseTimestampToken,
  parseTstInfo,
  timestampTokenFromResponse,
} from '../../../src/timestamp/token.js'
import { mintResponse, tstInfoDer } from './helpers/mint.js'

const MESSAGE = new TextEncoder().encode('m')
// Any DER SEQUENCE stands in for a token here: response parsing does not look inside it.
const FAKE_TOKEN = Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x07])

function thrown(fn: () => unknown): TimestampError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(TimestampError)
    return err as TimestampError
  }
  throw new Error('expected an error')
}

describe('TimeStampResp', () => {
  it.each([0, 1])('status %i hands back the token bytes exactly as sent', (status) => {
    const resp = mintResponse(FAKE_TOKEN, status)
    expect(Buffer.from(timestampTokenFromResponse(resp))).toEqual(Buffer.from(FAKE_TOKEN))
  })

  it.each([
    [2, [], 'invalid response with status code 2: rejected'],
    [
      3,
      [],
      'invalid response with status code 3: the request body part has not yet been processed, expect to hear more later',
    ],
    [
      2,
      [14, 25],
      "invalid response with status code 2: rejected. Failure info: the TSA's time source is not available; the request cannot be handled due to system failure",
    ],
    [9, [], 'invalid response with status code 9: unknown PKIStatus 9'],
  ])('status %i, failInfo %j: TSA_STATUS', (status, failBits, message) => {
    const resp = mintResponse(undefined, status, failBits.length > 0 ? { failBits } : {})
    const err = thrown(() => timestampTokenFromResponse(resp))
    expect(err.code).toBe('TSA_STATUS')
    expect(err.message).toBe(message)
  })

  it('the TSA status text is included, sanitised and bounded', () => {
    const resp = mintResponse(undefined, 2, { text: [`bad\u0007 request\n${'x'.repeat(500)}`] })
    const err = thrown(() => timestampTokenFromResponse(resp))
    expect(err.message).toMatch(/TSA status text: "bad {2}request x+…"\)$/)
    expect(err.message.length).toBeLessThan(300)
  })

  it('granted without a token: TSA_RESPONSE_INVALID', () => {
    expect(thrown(() => timestampTokenFromResponse(mintResponse(undefined, 0))).code).toBe(
      'TSA_RESPONSE_INVALID',
    )
  })

  it.each([
    ['text', new TextEncoder().encode('not a TimeStampResp')],
    ['empty', new Uint8Array(0)],
    ['trailing bytes', new Uint8Array([...mintResponse(FAKE_TOKEN), 0x00])],
    ['wrong shape', Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x00])],
  ])('%s: TSA_RESPONSE_INVALID', (_name, bytes) => {
    expect(thrown(() => parseTimestampResponse(bytes)).code).toBe('TSA_RESPONSE_INVALID')
  })
})

describe('TimeStampToken and TSTInfo parsing', () => {
  it('a ContentInfo that is not SignedData: TSA_RESPONSE_INVALID naming the type', () => {
    // ContentInfo { id-data, [0] OCTET STRING }
    const ci = Uint8Array.from([
      0x30, 0x11, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0xa0, 0x04,
      0x04, 0x02, 0x00, 0x00,
    ])
    const err = thrown(() => parseTimestampToken(ci))
    expect(err.code).toBe('TSA_RESPONSE_INVALID')
    expect(err.message).toMatch(/1\.2\.840\.113549\.1\.7\.1/)
  })

  it('reads every TSTInfo field', () => {
    const info = parseTstInfo(
      tstInfoDer({
        message: MESSAGE,
        hash: 'SHA-384',
        policy: '1.2.3.4.5',
        serial: 123456789012345678901234567890n,
        genTimeText: '20250102030405.5Z',
        accuracy: { seconds: 1, millis: 2, micros: 3 },
        nonce: (1n << 158n) + 1n,
      }),
    )
    expect(info).toMatchObject({
      version: 1,
      policy: '1.2.3.4.5',
      hashAlgorithm: 'SHA-384',
      serialNumber: 123456789012345678901234567890n,
      genTimeText: '20250102030405.5Z',
      genTimeUtc: true,
      accuracy: { seconds: 1, millis: 2, micros: 3 },
      ordering: false,
      nonce: (1n << 158n) + 1n,
    })
    expect(info.genTime.toISOString()).toBe('2025-01-02T03:04:05.500Z')
    expect(info.hashedMessage).toHaveLength(48)
  })

  it('a genTime with an offset parses but is flagged as not UTC', () => {
    const info = parseTstInfo(tstInfoDer({ message: MESSAGE, genTimeText: '20250102030405+0100' }))
    expect(info.genTimeUtc).toBe(false)
    expect(info.genTime.toISOString()).toBe('2025-01-02T02:04:05.000Z')
  })

  it('an impossible genTime: TSA_RESPONSE_INVALID', () => {
    const err = thrown(() =>
      parseTstInfo(tstInfoDer({ message: MESSAGE, genTimeText: '20251302030405Z' })),
    )
    expect(err.code).toBe('TSA_RESPONSE_INVALID')
    expect(err.message).toMatch(/^cannot unmarshal TSTInfo from timestamp token: /)
  })
})
