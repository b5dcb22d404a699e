import { describe, expect, test } from 'vitest'
import { goJson, goJsonString, toGoMapJson } from '../../../src/notary/go-json.js'

describe('goJson (Go encoding/json parity)', () => {
  test('HTML-safe and control escapes as Go writes them', () => {
    expect(goJsonString('<a&b>')).toBe('"\\u003ca\\u0026b\\u003e"')
    expect(goJsonString('\u0001\b\f\n\r\t"\\')).toBe('"\\u0001\\b\\f\\n\\r\\t\\"\\\\"')
    expect(goJsonString('\u2028\u2029é😀')).toBe('"\\u2028\\u2029é😀"')
    expect(goJsonString('\ud800x')).toBe('"\\ufffdx"')
  })

  test('structs keep field order, maps sort bytewise, undefined is omitted', () => {
    expect(
      goJson({
        b: 1,
        a: undefined,
        c: new Map([
          ['b', 1],
          ['B', 2],
          ['a', null],
        ]),
      }),
    ).toBe('{"b":1,"c":{"B":2,"a":null,"b":1}}')
    expect(goJson(toGoMapJson(JSON.parse('{"z":[{"y":1,"x":true}],"10":"a","9":"b"}')))).toBe(
      '{"10":"a","9":"b","z":[{"x":true,"y":1}]}',
    )
  })
})
