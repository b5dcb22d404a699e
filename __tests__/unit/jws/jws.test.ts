import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { EnvelopeError } from '../../../src/envelope/errors.js'
import { verifyEnvelopeSignature } from '../../../src/envelope/signature.js'
import {
  canonicalJwsPayload,
  decodeJws,
  encodeJwsEnvelope,
  encodeJwsProtectedHeader,
  formatRfc3339,
  parseRfc3339,
} from '../../../src/jws/jws.js'
import { parseCertificate } from '../../../src/x509/certificate.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/notation/${name}`, import.meta.url))

const SCHEME = 'io.cncf.notary.signingScheme'
const CTY = 'application/vnd.cncf.notary.payload.v1+json'
const b64u = (s: string | Uint8Array): string => Buffer.from(s).toString('base64url')

describe('JWS protected header (notation-core-go signature/jws)', () => {
  test('reproduces the notation-core-go JWS conformance protected header exactly', () => {
    const conf = JSON.parse(fixture('jws-conformance.json').toString('utf8')) as {
      protected: string
      payload: string
    }
    const header = encodeJwsProtectedHeader({
      algorithm: 'ES256',
      signingTime: new Date('2022-08-29T13:50:00Z'),
      expiry: new Date('2099-08-30T13:50:00Z'),
      extendedAttributes: [
        { key: 'signedCritKey1', value: 'signedCritValue1', critical: true },
        { key: 'signedKey1', value: 'signedValue1', critical: false },
        { key: 'signedKey2', value: 'signedValue1', critical: false },
        { key: 'signedKey3', value: 'signedValue1', critical: false },
        { key: 'signedKey4', value: 'signedValue1', critical: false },
      ],
    })
    expect(b64u(header)).toBe(conf.protected)
    expect(b64u(canonicalJwsPayload(Buffer.from(conf.payload, 'base64url')))).toBe(conf.payload)
  })

  test('payload is re-marshalled with sorted keys, as golang-jwt does', () => {
    const payload = Buffer.from(
      '{"targetArtifact":{"mediaType":"m","digest":"sha256:x","size":517}}',
    )
    expect(Buffer.from(canonicalJwsPayload(payload)).toString()).toBe(
      '{"targetArtifact":{"digest":"sha256:x","mediaType":"m","size":517}}',
    )
    expectCode(() => canonicalJwsPayload(Buffer.from('[1]')), EnvelopeError, 'ENVELOPE_MALFORMED')
    expectCode(() => canonicalJwsPayload(Buffer.from('{')), EnvelopeError, 'ENVELOPE_MALFORMED')
  })

  test('RFC 3339 formatting and parsing', () => {
    expect(formatRfc3339(new Date('2024-01-02T03:04:05.678Z'))).toBe('2024-01-02T03:04:05Z')
    expect(parseRfc3339('2023-06-27T13:30:33+08:00')?.toISOString()).toBe(
      '2023-06-27T05:30:33.000Z',
    )
    expect(parseRfc3339('2023-06-27T05:30:33.25Z')?.toISOString()).toBe('2023-06-27T05:30:33.250Z')
    for (const bad of [
      '2023-06-27 05:30:33Z',
      '2023-02-30T00:00:00Z',
      '2023-06-27T05:30:33',
      '1700000000',
      // RFC 3339 §5.6 time-numoffset: hours 00-23, minutes 00-59 (Go's strict time.Parse agrees).
      '2023-06-27T05:30:33+24:00',
      '2023-06-27T05:30:33-24:00',
      '2023-06-27T05:30:33+05:60',
    ]) {
      expect(parseRfc3339(bad)).toBeUndefined()
    }
  })
})

describe('the notation-made JWS (e2e-valid-signature layer)', () => {
  test('decodes and verifies against its leaf', () => {
    const parsed = decodeJws(
      new Uint8Array(
        fixture(
          'oci_layout/e2e-valid-signature/blobs/sha256/c9af07e038b2b1a463e648986ad7273157511ffeba0b689f33e5472bae471f50',
        ),
      ),
    )
    expect(parsed.format).toBe('jws')
    expect(parsed.mediaType).toBe('application/jose+json')
    expect(parsed.algorithm).toBe('PS256')
    expect(parsed.contentType).toBe(CTY)
    expect(parsed.signingScheme).toBe('notary.x509')
    expect(parsed.signingTime?.toISOString()).toBe('2023-06-27T05:30:33.000Z')
    expect(parsed.critical).toEqual([SCHEME])
    expect(parsed.signingAgent).toBe('Notation/1.0.0')
    expect(parsed.certificateChain).toHaveLength(1)
    // Thumbprint as written in the signature manifest annotation.
    expect(parseCertificate(parsed.certificateChain[0]!).sha256).toBe(
      'e38aea13f2b051f7183cca64a51ee676f4d4456f41d9fecf15eb367efc7343b9',
    )
    expect(JSON.parse(Buffer.from(parsed.payload).toString())).toEqual({
      targetArtifact: {
        digest: 'sha256:b8479de3f88fb259a0a9ea82a5b2a052a1ef3c4ebbcfc61482d5ae4c831f8af9',
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: 517,
      },
    })
    expect(verifyEnvelopeSignature(parsed)).toBe(true)
    const bad = { ...parsed, signature: new Uint8Array(parsed.signature) }
    bad.signature[0]! ^= 1
    expect(verifyEnvelopeSignature(bad)).toBe(false)
  })
})

// ---- hand-built envelopes for every rule ----

interface Build {
  header?: Record<string, unknown>
  protectedB64?: string
  unprotected?: unknown
  payloadB64?: string
  signature?: unknown
  extra?: Record<string, unknown>
}

const CERT_B64 = Buffer.from([0x30, 0x00]).toString('base64')

function baseHeader(): Record<string, unknown> {
  return {
    alg: 'ES256',
    crit: [SCHEME],
    cty: CTY,
    [SCHEME]: 'notary.x509',
    'io.cncf.notary.signingTime': '2024-01-01T00:00:00Z',
  }
}

function build(b: Build = {}): Uint8Array {
  const env: Record<string, unknown> = {
    payload: b.payloadB64 ?? b64u('{"targetArtifact":{}}'),
    protected: b.protectedB64 ?? b64u(JSON.stringify(b.header ?? baseHeader())),
    header: 'unprotected' in b ? b.unprotected : { x5c: [CERT_B64] },
    signature: 'signature' in b ? b.signature : b64u(new Uint8Array([1, 2])),
    ...b.extra,
  }
  return new Uint8Array(Buffer.from(JSON.stringify(env)))
}

function withHeader(edit: (h: Record<string, unknown>) => void): Uint8Array {
  const h = baseHeader()
  edit(h)
  return build({ header: h })
}

describe('decodeJws: prototype names are ordinary keys (issue 11 item 5)', () => {
  test('an unprotected "constructor" or "toString" is not "in both headers"', () => {
    for (const key of ['constructor', 'toString', '__proto__']) {
      const p = decodeJws(
        new Uint8Array(
          Buffer.from(
            `{"payload":"${b64u('{}')}","protected":"${b64u(JSON.stringify(baseHeader()))}","header":{"x5c":["${CERT_B64}"],"${key}":"x"},"signature":"AQI"}`,
          ),
        ),
      )
      expect(p.certificateChain).toHaveLength(1)
    }
  })
})

describe('decodeJws: hand-built', () => {
  test('baseline; signing input is the raw protected.payload text', () => {
    const p = decodeJws(build())
    expect(p.algorithm).toBe('ES256')
    const env = JSON.parse(Buffer.from(build()).toString()) as {
      protected: string
      payload: string
    }
    expect(Buffer.from(p.toBeSigned).toString()).toBe(`${env.protected}.${env.payload}`)
  })

  test('encoder output decodes (x5c std base64, timestamp token, agent; Go field order)', () => {
    const bytes = encodeJwsEnvelope({
      protectedB64: b64u(JSON.stringify(baseHeader())),
      payloadB64: b64u('{"a":1}'),
      signature: new Uint8Array([1]),
      certificateChain: [new Uint8Array([0x30, 0x00])],
      signingAgent: 'agent/1',
      timestampToken: new Uint8Array([0xfb, 0xff]),
    })
    const text = Buffer.from(bytes).toString()
    expect(text).toMatch(
      /^\{"payload":.*,"protected":.*,"header":\{"io\.cncf\.notary\.timestampSignature":"\+\/8=","x5c":\["MAA="\],"io\.cncf\.notary\.signingAgent":"agent\/1"\},"signature":"AQ"\}$/,
    )
    const p = decodeJws(bytes)
    expect(p.timestampToken).toEqual(new Uint8Array([0xfb, 0xff]))
    expect(p.signingAgent).toBe('agent/1')
  })

  test('verificationPlugin is reported as a critical extended attribute', () => {
    const p = decodeJws(
      withHeader((h) => {
        h['io.cncf.notary.verificationPlugin'] = 'com.example'
        h.crit = [SCHEME, 'io.cncf.notary.verificationPlugin']
        h.note = 'x'
      }),
    )
    expect(p.extendedAttributes).toEqual([
      { key: 'io.cncf.notary.verificationPlugin', value: 'com.example', critical: true },
      { key: 'note', value: 'x', critical: false },
    ])
  })

  test.each<[string, () => Uint8Array]>([
    ['not JSON', () => new Uint8Array(Buffer.from('{'))],
    ['general serialization member', () => build({ extra: { signatures: [] } })],
    [
      'padded base64url protected',
      () => build({ protectedB64: b64u(JSON.stringify(baseHeader())) + '=' }),
    ],
    ['standard-base64 characters in payload', () => build({ payloadB64: 'ab+/' })],
    ['empty signature', () => build({ signature: '' })],
    ['signature not a string', () => build({ signature: 5 })],
    ['payload not a JSON object', () => build({ payloadB64: b64u('[1]') })],
    ['protected not JSON', () => build({ protectedB64: b64u('nope') })],
    ['alg not a string', () => withHeader((h) => (h.alg = 1))],
    ['cty missing', () => withHeader((h) => delete h.cty)],
    ['crit not strings', () => withHeader((h) => (h.crit = [1]))],
    ['x5c entry not standard base64', () => build({ unprotected: { x5c: ['MA_-'] } })],
    [
      'header duplicates a protected key',
      () => build({ unprotected: { x5c: [CERT_B64], cty: CTY } }),
    ],
    [
      'timestamp not base64',
      () => build({ unprotected: { x5c: [CERT_B64], 'io.cncf.notary.timestampSignature': 1 } }),
    ],
    [
      'signing agent not a string',
      () => build({ unprotected: { x5c: [CERT_B64], 'io.cncf.notary.signingAgent': 1 } }),
    ],
  ])('%s → ENVELOPE_MALFORMED or chain', (name, make) => {
    const code = name.startsWith('x5c') ? 'ENVELOPE_CERTIFICATE_CHAIN' : 'ENVELOPE_MALFORMED'
    expectCode(() => decodeJws(make()), EnvelopeError, code)
  })

  test.each<[string, () => Uint8Array]>([
    ['alg none', () => withHeader((h) => (h.alg = 'none'))],
    ['alg RS256', () => withHeader((h) => (h.alg = 'RS256'))],
    ['unknown scheme', () => withHeader((h) => (h[SCHEME] = 'x'))],
  ])('%s → ENVELOPE_UNSUPPORTED', (_n, make) => {
    expectCode(() => decodeJws(make()), EnvelopeError, 'ENVELOPE_UNSUPPORTED')
  })

  test.each<[string, () => Uint8Array]>([
    ['missing crit', () => withHeader((h) => delete h.crit)],
    ['empty crit', () => withHeader((h) => (h.crit = []))],
    ['dangling crit', () => withHeader((h) => (h.crit = [SCHEME, 'io.cncf.notary.expiry']))],
    ['crit lists alg', () => withHeader((h) => (h.crit = [SCHEME, 'alg']))],
    [
      'crit lists an unknown header',
      () =>
        withHeader((h) => {
          h.x = 1
          h.crit = [SCHEME, 'x']
        }),
    ],
    [
      'expiry not critical',
      () => withHeader((h) => (h['io.cncf.notary.expiry'] = '2025-01-01T00:00:00Z')),
    ],
  ])('%s → ENVELOPE_CRITICAL_HEADER', (_n, make) => {
    expectCode(() => decodeJws(make()), EnvelopeError, 'ENVELOPE_CRITICAL_HEADER')
  })

  test.each<[string, () => Uint8Array]>([
    ['epoch number time', () => withHeader((h) => (h['io.cncf.notary.signingTime'] = 1700000000))],
    ['not RFC 3339', () => withHeader((h) => (h['io.cncf.notary.signingTime'] = 'yesterday'))],
    ['missing signing time', () => withHeader((h) => delete h['io.cncf.notary.signingTime'])],
    [
      'expiry before signing time',
      () =>
        withHeader((h) => {
          h['io.cncf.notary.expiry'] = '2023-01-01T00:00:00Z'
          h.crit = [SCHEME, 'io.cncf.notary.expiry']
        }),
    ],
    [
      'authenticSigningTime under notary.x509',
      () => withHeader((h) => (h['io.cncf.notary.authenticSigningTime'] = '2024-01-01T00:00:00Z')),
    ],
  ])('%s → ENVELOPE_TIME', (_n, make) => {
    expectCode(() => decodeJws(make()), EnvelopeError, 'ENVELOPE_TIME')
  })

  test.each<[string, () => Uint8Array]>([
    ['no header', () => build({ unprotected: undefined })],
    ['no x5c', () => build({ unprotected: {} })],
    ['empty x5c', () => build({ unprotected: { x5c: [] } })],
    ['x5c not an array', () => build({ unprotected: { x5c: CERT_B64 } })],
  ])('%s → ENVELOPE_CERTIFICATE_CHAIN', (_n, make) => {
    expectCode(() => decodeJws(make()), EnvelopeError, 'ENVELOPE_CERTIFICATE_CHAIN')
  })
})
