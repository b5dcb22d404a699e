/**
 * Strict DER for RFC 3161 tokens (issue 11 item 8): what Go's encoding/asn1 (after tspclient-go's
 * BER pass) refuses, we refuse, with a coded TimestampError that says why.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Asn1ShapeError, checkStrictDer, parseOne } from '../../../src/timestamp/der.js'
import { TimestampError } from '../../../src/timestamp/errors.js'
import { parseTimestampToken, parseTstInfo } from '../../../src/timestamp/token.js'

const hex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.replace(/\s/g, ''), 'hex'))
const TOKEN = new Uint8Array(
  readFileSync(
    join(import.meta.dirname, '../../fixtures/timestamp/tspclient-go/TimeStampToken.p7s'),
  ),
)

/** The token with its outer SEQUENCE re-encoded with an indefinite length (BER, not DER). */
function indefiniteOuter(der: Uint8Array): Uint8Array {
  expect(der[0]).toBe(0x30)
  const lengthOctets = (der[1] as number) & 0x80 ? 1 + ((der[1] as number) & 0x7f) : 1
  return new Uint8Array(
    Buffer.concat([Buffer.of(0x30, 0x80), der.subarray(1 + lengthOctets), Buffer.of(0, 0)]),
  )
}

describe('checkStrictDer', () => {
  it.each([
    ['a SEQUENCE of an INTEGER', '3003020101'],
    ['a negative INTEGER with a needed ff', '300402 02ff7f'],
    ['a positive INTEGER with a needed 00', '3004020200 80'],
    ['BOOLEAN true and false', '30060101ff010100'],
    ['long form for a length of 128', `3081 80 047e${'00'.repeat(126)}`],
    ['a context tag, constructed', 'a003020101'],
    ['a high tag number', '9f1f0100'],
  ])('accepts %s', (_name, h) => {
    expect(() => checkStrictDer(hex(h), 'x')).not.toThrow()
  })

  it.each([
    ['an indefinite length', '30800201010000', 'indefinite length'],
    ['a child overrunning its parent', '3003020501', 'overruns'],
    ['a child overrunning the input', '300502050101', 'overruns'],
    ['trailing bytes', '300302010100', 'trailing bytes'],
    ['a non-minimal long-form length', '308103020101', 'non-minimal length'],
    ['a length with a leading zero octet', '30820003020101', 'non-minimal length'],
    ['a 5-octet length', '30850000000003020101', 'length of 5 octets'],
    ['a non-minimal positive INTEGER', '3004020200 01', 'INTEGER not minimally encoded'],
    ['a non-minimal negative INTEGER', '30040202ff80', 'INTEGER not minimally encoded'],
    ['an empty INTEGER', '30020200', 'INTEGER with no content octets'],
    ['a BOOLEAN that is neither 00 nor ff', '3003010101', 'BOOLEAN'],
    ['a constructed OCTET STRING', '3008 2406 0401aa 0401bb', 'constructed encoding'],
    ['a primitive SEQUENCE', '1003020101', 'primitive encoding'],
    ['a high tag number below 31', '9f0a0100', 'high-tag-number form'],
  ])('refuses %s', (_name, h, reason) => {
    expect(() => checkStrictDer(hex(h), 'x')).toThrow(reason)
    expect(() => parseOne(hex(h), 'x')).toThrow(Asn1ShapeError)
  })
})

it('refuses nesting deeper than 64 levels before asn1js recurses into it', () => {
  let der = Uint8Array.of(0x05, 0x00)
  for (let i = 0; i < 70; i++) {
    const n = der.length
    const head = n < 0x80 ? [0x30, n] : [0x30, 0x81, n]
    der = new Uint8Array(Buffer.concat([Buffer.from(head), der]))
    if (n >= 0xff) break
  }
  expect(() => checkStrictDer(der, 'x')).toThrow('nested deeper than 64')
})

describe('RFC 3161 tokens are strict DER, as notation parses them', () => {
  it('the real tspclient-go token parses', () => {
    expect(parseTimestampToken(TOKEN).signerInfos.length).toBeGreaterThan(0)
  })

  it('the same token with an indefinite-length outer SEQUENCE fails with a coded error', () => {
    let err: unknown
    try {
      parseTimestampToken(indefiniteOuter(TOKEN))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(TimestampError)
    expect((err as TimestampError).message).toContain('indefinite length')
  })

  // Issue 11 item 9: found by the fuzz test; asn1js threw a RangeError that wrapShape copied into
  // the message: "cms: syntax error: invalid signed data: Offset is outside the bounds of the
  // DataView". Now strict DER refuses the token first, and no library text reaches a message.
  it('the token mutation that leaked "Offset is outside the bounds of the DataView"', () => {
    const bytes = Buffer.from(TOKEN)
    expect(bytes[2994]).toBe(0x06)
    bytes[2994] = 0x16
    const mutated = Buffer.concat([bytes.subarray(0, 4993), Buffer.of(0xc4), bytes.subarray(4993)])
    let err: unknown
    try {
      parseTimestampToken(new Uint8Array(mutated))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(TimestampError)
    expect((err as TimestampError).message).not.toMatch(/DataView|Offset/)
    expect((err as TimestampError).message).toContain('not DER')
  })

  it('a TSTInfo whose child overruns it fails with a coded error', () => {
    // TSTInfo SEQUENCE of length 3 holding an INTEGER that claims 5 content bytes.
    expect(() => parseTstInfo(hex('3003020501'))).toThrow(TimestampError)
  })
})
