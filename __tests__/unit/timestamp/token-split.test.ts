/**
 * splitCertificates (src/timestamp/token-split.ts) lets the token parser skip asn1js trees of the
 * embedded certificates. On every committed token it must give the same certificates asn1js finds
 * and a reduced token that parses to the same everything else; anything it does not recognise
 * must be left to the full parser (undefined), so errors do not change.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import * as asn1js from 'asn1js'
import { describe, expect, it } from 'vitest'
import { parseTimestampToken } from '../../../src/timestamp/token.js'
import { splitCertificates } from '../../../src/timestamp/token-split.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures/timestamp')
const tokens: [string, Uint8Array][] = ['tspclient-go', 'notation-go'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.p7s'))
    .map((f): [string, Uint8Array] => [
      `${dir}/${f}`,
      new Uint8Array(readFileSync(join(FIXTURES, dir, f))),
    ]),
)

/** SignedData's children, by asn1js over the whole token (the reference). */
function signedDataParts(der: Uint8Array): asn1js.AsnType[] {
  const top = asn1js.fromBER(der).result as asn1js.Sequence
  const explicit = top.valueBlock.value[1] as asn1js.Constructed
  return (explicit.valueBlock.value[0] as asn1js.Sequence).valueBlock.value
}
const raw = (b: asn1js.AsnType): Uint8Array => new Uint8Array(b.valueBeforeDecodeView)

describe('splitCertificates', () => {
  it('finds the certificates asn1js finds, and leaves every other field as it was', () => {
    let split = 0
    for (const [name, der] of tokens) {
      const result = splitCertificates(der)
      const parts = signedDataParts(der)
      const certField = parts[3]
      if (certField === undefined || certField.idBlock.tagClass !== 3) {
        expect(result, name).toBeUndefined() // no certificates field: parsed whole
        continue
      }
      expect(result, name).toBeDefined()
      split++
      const certs = (certField as asn1js.Constructed).valueBlock.value.map(raw)
      expect(result?.certificates, name).toEqual(certs)
      const reducedParts = signedDataParts(result?.reduced as Uint8Array)
      expect(reducedParts.length, name).toBe(parts.length)
      for (const i of parts.keys()) {
        if (i === 3)
          expect(raw(reducedParts[i] as asn1js.AsnType), name).toEqual(new Uint8Array([0xa0, 0]))
        else
          expect(raw(reducedParts[i] as asn1js.AsnType), name).toEqual(
            raw(parts[i] as asn1js.AsnType),
          )
      }
    }
    expect(split).toBeGreaterThan(5)
  })

  it('parseTimestampToken keeps the token bytes and the certificates in order', () => {
    for (const [name, der] of tokens) {
      let parsed
      try {
        parsed = parseTimestampToken(der)
      } catch {
        continue // e.g. the invalid content type vectors: their errors are tested elsewhere
      }
      expect(parsed.der, name).toBe(der)
      const certField = signedDataParts(der)[3]
      const expected =
        certField !== undefined && certField.idBlock.tagClass === 3
          ? (certField as asn1js.Constructed).valueBlock.value.map(raw)
          : []
      expect(parsed.certificates, name).toEqual(expected)
    }
  })

  it('leaves what it does not recognise to the full parser', () => {
    const [, der] = tokens.find(([n]) => n === 'tspclient-go/TimeStampToken.p7s') as [
      string,
      Uint8Array,
    ]
    expect(splitCertificates(der)).toBeDefined()
    expect(splitCertificates(new Uint8Array([...der, 0]))).toBeUndefined() // trailing byte
    expect(splitCertificates(der.subarray(0, der.length - 1))).toBeUndefined() // truncated
    expect(splitCertificates(new Uint8Array([0x30, 0x80, 0, 0]))).toBeUndefined() // BER indefinite
    expect(splitCertificates(new Uint8Array([0x30, 0]))).toBeUndefined() // not ContentInfo
  })
})
