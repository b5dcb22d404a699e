import { describe, expect, test } from 'vitest'
import {
  CborFloat,
  CborTag,
  decodeCbor,
  encodeBstr,
  encodeCbor,
  type CborValue,
} from '../../../src/cose/cbor.js'
import { EnvelopeError } from '../../../src/envelope/errors.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const bytes = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.replace(/\s/g, ''), 'hex'))
const strict = { allowTags: false, context: 'test' }
const lenient = { allowTags: true, context: 'test' }

describe('encodeCbor: shortest form, core deterministic order', () => {
  test.each([
    [0, '00'],
    [23, '17'],
    [24, '1818'],
    [255, '18ff'],
    [256, '190100'],
    [65536, '1a00010000'],
    [2 ** 32, '1b0000000100000000'],
    [-1, '20'],
    [-37, '3824'],
    [-7, '26'],
    [-257, '390100'],
    [18446744073709551615n, '1bffffffffffffffff'],
  ] as [CborValue, string][])('%s → %s', (value, expected) => {
    expect(hex(encodeCbor(value))).toBe(expected)
  })

  test('strings, bytes, arrays, tags, simple values', () => {
    expect(hex(encodeCbor('a'))).toBe('6161')
    expect(hex(encodeCbor(new Uint8Array(24)))).toBe('5818' + '00'.repeat(24))
    expect(hex(encodeCbor([1, [2]]))).toBe('82018102')
    expect(hex(encodeCbor(new CborTag(1, 1700000000)))).toBe('c11a6553f100')
    expect(hex(encodeCbor([true, false, null, undefined]))).toBe('84f5f4f6f7')
    expect(hex(encodeBstr(new Uint8Array(300)).subarray(0, 3))).toBe('59012c')
  })

  test('map keys sorted bytewise on their encoding (ints, then text by length)', () => {
    const map = new Map<CborValue, CborValue>([
      ['io.cncf.notary.signingScheme', 0],
      ['io.cncf.notary.expiry', 0],
      [3, 0],
      [-1, 0],
      [33, 0],
      [1, 0],
    ])
    const encoded = encodeCbor(map)
    const decoded = decodeCbor(encoded, lenient) as Map<CborValue, CborValue>
    expect([...decoded.keys()]).toEqual([
      1,
      3,
      33,
      -1,
      'io.cncf.notary.expiry',
      'io.cncf.notary.signingScheme',
    ])
  })
})

describe('decodeCbor: strict', () => {
  test('round trip', () => {
    const value = new Map<CborValue, CborValue>([
      [1, -38],
      ['k', [new Uint8Array([1, 2]), 'v', new CborFloat(1.5)]],
    ])
    expect(decodeCbor(encodeCbor(value), lenient)).toEqual(value)
  })

  test('floats of each width and non-minimal ints decode', () => {
    // A float stays a float even when its value is whole: 1.0 is not the integer 1.
    expect(decodeCbor(bytes('f93c00'), strict)).toEqual(new CborFloat(1))
    expect(decodeCbor(bytes('fa3fc00000'), strict)).toEqual(new CborFloat(1.5))
    expect(decodeCbor(bytes('fb3ff8000000000000'), strict)).toEqual(new CborFloat(1.5))
    expect(decodeCbor(bytes('1b0000000000000001'), strict)).toBe(1)
  })

  test.each([
    ['indefinite-length array', '9f01ff'],
    ['indefinite-length map', 'bf0101ff'],
    ['indefinite-length bstr', '5f4101ff'],
    ['lone break', 'ff'],
    ['reserved additional info', '1c'],
    ['truncated', '5a000000ff00'],
    ['duplicate int key', 'a201010102'],
    ['duplicate text key', 'a2616101616102'],
    ['invalid UTF-8', '62c328'],
    ['trailing bytes', '0000'],
    ['unknown simple value', 'f0'],
    ['tag where tags are forbidden', 'c11a6553f100'],
    ['nesting too deep', '81'.repeat(40) + '00'],
  ])('%s → ENVELOPE_MALFORMED', (_name, input) => {
    expectCode(() => decodeCbor(bytes(input), strict), EnvelopeError, 'ENVELOPE_MALFORMED')
  })

  test('tags decode where allowed', () => {
    expect(decodeCbor(bytes('c11a6553f100'), lenient)).toEqual(new CborTag(1, 1700000000))
  })
})
