import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import {
  CborFloat,
  CborTag,
  encodeBstr,
  encodeCbor,
  type CborMap,
  type CborValue,
} from '../../../src/cose/cbor.js'
import { encodeProtectedHeader } from '../../../src/cose/headers.js'
import { decodeCoseSign1, encodeCoseSign1, sigStructure } from '../../../src/cose/sign1.js'
import { EnvelopeError } from '../../../src/envelope/errors.js'
import { verifyEnvelopeSignature } from '../../../src/envelope/signature.js'
import { parseCertificate } from '../../../src/x509/certificate.js'
import { pemToCertificates } from '../../../src/x509/pem.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/notation/${name}`, import.meta.url))

const SCHEME = 'io.cncf.notary.signingScheme'
const SIGNING_TIME = 'io.cncf.notary.signingTime'
const EXPIRY = 'io.cncf.notary.expiry'
const AUTH_TIME = 'io.cncf.notary.authenticSigningTime'
const CTY = 'application/vnd.cncf.notary.payload.v1+json'
const CERT = new Uint8Array([0x30, 0x00])

describe('protected header encoding (notary-spec.md §2.2, §2.6)', () => {
  test('reproduces notation-core-go conformance.json protectedHeaders.cborHex byte for byte', () => {
    const conf = JSON.parse(fixture('cose-conformance.json').toString('utf8')) as {
      signingTime: number
      expiry: number
      protectedHeaders: { cborHex: string }
      unprotectedHeaders: { cborHex: string }
      payload: string
      expectedOutput: { cborHex: string }
    }
    const protectedBytes = encodeProtectedHeader({
      algorithm: 'PS384',
      signingTime: new Date(conf.signingTime * 1000),
      expiry: new Date(conf.expiry * 1000),
      extendedAttributes: [
        { key: 'signedCritKey1', value: 'signedCritValue1', critical: true },
        { key: 'signedKey1', value: 'signedValue1', critical: false },
      ],
    })
    expect(Buffer.from(protectedBytes).toString('hex').toUpperCase()).toBe(
      conf.protectedHeaders.cborHex,
    )
    // The whole envelope prefix (protected bstr head + map) matches the Go output too.
    const expected = Buffer.from(conf.expectedOutput.cborHex, 'hex')
    const prefix = Buffer.concat([Buffer.of(0xd2, 0x84), encodeBstr(protectedBytes)])
    expect(expected.subarray(0, prefix.length).equals(prefix)).toBe(true)
    const unprotected = encodeCbor(
      new Map([['io.cncf.notary.signingAgent', 'NotationConformanceTest/1.0.0']]),
    )
    expect(Buffer.from(unprotected).toString('hex').toUpperCase()).toBe(
      conf.unprotectedHeaders.cborHex,
    )
  })

  test('worked example from notary-spec.md §2.6 (PS256, expiry, 208 bytes)', () => {
    const p = encodeProtectedHeader({
      algorithm: 'PS256',
      signingTime: new Date(1700000000_000),
      expiry: new Date(1700086400_000),
    })
    expect(p.length).toBe(208)
    const hex = Buffer.from(p).toString('hex')
    expect(hex.startsWith('a60138240282781c')).toBe(true)
    expect(hex).toContain('c11a65554280')
    expect(hex).toContain('c11a6553f100')
    expect(
      Buffer.from(sigStructure(p, new Uint8Array([1])))
        .toString('hex')
        .startsWith('846a5369676e61747572653158d0a6013824'),
    ).toBe(true)
  })

  test('times are truncated to whole seconds, tag 1 + integer', () => {
    const p = encodeProtectedHeader({ algorithm: 'ES256', signingTime: new Date(1700000000_999) })
    expect(Buffer.from(p).toString('hex')).toContain('c11a6553f100')
  })

  test('expiry not after the signing time is refused when encoding', () => {
    expectCode(
      () =>
        encodeProtectedHeader({
          algorithm: 'ES256',
          signingTime: new Date(5000),
          expiry: new Date(5999),
        }),
      EnvelopeError,
      'ENVELOPE_TIME',
    )
  })

  test('signingAuthority scheme marks authenticSigningTime critical', () => {
    const p = encodeProtectedHeader({
      algorithm: 'ES384',
      signingTime: new Date(1700000000_000),
      signingScheme: 'notary.x509.signingAuthority',
    })
    const env = encodeCoseSign1({
      protectedBytes: p,
      unprotected: { certificateChain: [CERT] },
      payload: new Uint8Array([1]),
      signature: new Uint8Array([1]),
    })
    const parsed = decodeCoseSign1(env)
    expect(parsed.signingScheme).toBe('notary.x509.signingAuthority')
    expect(parsed.critical).toEqual([SCHEME, AUTH_TIME])
    expect(parsed.authenticSigningTime?.getTime()).toBe(1700000000_000)
    expect(parsed.signingTime).toBeUndefined()
  })
})

describe('notation-made COSE signatures decode and verify with their leaf', () => {
  test.each([
    ['cose_signature.sig', '2023-03-14T04:45:22.000Z', false, 'cose_signature.leaf.pem'],
    ['coseWithTimestamp.sig', '2024-06-18T06:27:11.000Z', true, 'TestTimestamp.crt'],
    [
      'coseExpiredWithTimestamp.sig',
      '2024-06-18T07:21:07.000Z',
      true,
      'coseExpiredWithTimestamp.leaf.pem',
    ],
    [
      'timestampAfterNotAfter.sig',
      '2024-06-19T09:35:54.000Z',
      true,
      'timestampAfterNotAfter.leaf.pem',
    ],
    ['blob.cose.sig', '2025-01-07T08:42:43.000Z', true, 'blob.cose.leaf.pem'],
  ])('%s', (file, signingTime, hasToken, leafFile) => {
    const parsed = decodeCoseSign1(new Uint8Array(fixture(file)))
    expect(parsed.format).toBe('cose')
    expect(parsed.algorithm).toBe('PS256')
    expect(parsed.signingScheme).toBe('notary.x509')
    expect(parsed.contentType).toBe(CTY)
    expect(parsed.signingTime?.toISOString()).toBe(signingTime)
    expect(parsed.critical).toEqual([SCHEME])
    expect(parsed.timestampToken !== undefined).toBe(hasToken)
    expect(parsed.extendedAttributes).toEqual([])
    const [leaf] = pemToCertificates(fixture(leafFile).toString('utf8'))
    expect(Buffer.from(parsed.certificateChain[0]!).equals(Buffer.from(leaf!))).toBe(true)
    expect(verifyEnvelopeSignature(parsed)).toBe(true)
    // Tampering with one payload byte breaks it.
    const tampered = { ...parsed, toBeSigned: new Uint8Array(parsed.toBeSigned) }
    tampered.toBeSigned[tampered.toBeSigned.length - 3]! ^= 1
    expect(verifyEnvelopeSignature(tampered)).toBe(false)
  })

  test('signing agents and payloads are as notation wrote them', () => {
    const blob = decodeCoseSign1(new Uint8Array(fixture('blob.cose.sig')))
    expect(blob.signingAgent).toBe('notation-go/1.3.0+unreleased')
    expect(JSON.parse(Buffer.from(blob.payload).toString('utf8'))).toEqual({
      targetArtifact: {
        mediaType: 'application/octet-stream',
        digest: 'sha256:c71d239df91726fc519c6eb72d318ec65820627232b2f796219e87dcf35d0ab4',
        size: 11357,
      },
    })
    expect(parseCertificate(blob.certificateChain[0]!).sha256).toBe(
      '3678adce9daa3a82f4f55fd65e0c87c398b3d9bcd5338c06bbf8850df8c6641d',
    )
  })
})

// ---- hand-built envelopes for every decoder rule ----

function baseProtected(): CborMap {
  return new Map<CborValue, CborValue>([
    [1, -37],
    [2, [SCHEME]],
    [3, CTY],
    [SCHEME, 'notary.x509'],
    [SIGNING_TIME, new CborTag(1, 1700000000)],
  ])
}

function baseUnprotected(): CborMap {
  return new Map<CborValue, CborValue>([[33, [CERT]]])
}

interface Parts {
  protectedMap?: CborMap
  protectedItem?: CborValue
  unprotected?: CborValue
  payload?: CborValue
  signature?: CborValue
}

function build(parts: Parts = {}): Uint8Array {
  const protectedItem = parts.protectedItem ?? encodeCbor(parts.protectedMap ?? baseProtected())
  return Buffer.concat([
    Buffer.of(0xd2, 0x84),
    encodeCbor(protectedItem),
    encodeCbor(parts.unprotected === undefined ? baseUnprotected() : parts.unprotected),
    encodeCbor('payload' in parts ? (parts.payload as CborValue) : new Uint8Array([0x7b, 0x7d])),
    encodeCbor('signature' in parts ? (parts.signature as CborValue) : new Uint8Array([1, 2, 3])),
  ])
}

function withProtected(edit: (m: CborMap) => void): Uint8Array {
  const m = baseProtected()
  edit(m)
  return build({ protectedMap: m })
}

function withUnprotected(edit: (m: CborMap) => void): Uint8Array {
  const m = baseUnprotected()
  edit(m)
  return build({ unprotected: m })
}

const raw = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'))

/** The encoded baseline protected map (a5 01 …) with its first key, label 1, written as `floatHex`. */
function floatLabel(encoded: Uint8Array, floatHex: string): Uint8Array {
  expect(Buffer.from(encoded.subarray(0, 2)).toString('hex')).toBe('a501')
  return Buffer.concat([encoded.subarray(0, 1), raw(floatHex), encoded.subarray(2)])
}

/** d2 84 + the given protected item and unprotected bytes + a 1-byte payload and signature. */
function outer(protectedEncoded: Uint8Array, unprotectedEncoded: Uint8Array): Uint8Array {
  return Buffer.concat([
    Buffer.of(0xd2, 0x84),
    protectedEncoded,
    unprotectedEncoded,
    raw('4101'),
    raw('4101'),
  ])
}

/** The baseline protected map, but with crit written as an indefinite-length array (9f … ff). */
function indefiniteCritProtected(): Uint8Array {
  const text = (t: string): Buffer => Buffer.from(encodeCbor(t))
  return Buffer.concat([
    raw('a5' + '0138 24'.replace(/ /g, '') + '02' + '9f'),
    text(SCHEME),
    raw('ff03'),
    text(CTY),
    text(SCHEME),
    text('notary.x509'),
    text(SIGNING_TIME),
    raw('c11a6553f100'),
  ])
}

describe('decodeCoseSign1: the hand-built baseline decodes', () => {
  test('baseline', () => {
    const p = decodeCoseSign1(build())
    expect(p.algorithm).toBe('PS256')
    expect(p.certificateChain).toEqual([CERT])
    expect(p.toBeSigned).toEqual(
      sigStructure(encodeCbor(baseProtected()), new Uint8Array([0x7b, 0x7d])),
    )
  })

  test('a non-critical unknown header and a critical verificationPlugin are reported as extended attributes', () => {
    const p = decodeCoseSign1(
      withProtected((m) => {
        m.set('com.example.note', 'hi')
        m.set('io.cncf.notary.verificationPlugin', 'com.example.plugin')
        m.set('io.cncf.notary.verificationPluginMinVersion', '1.0.0')
        m.set(2, [
          SCHEME,
          'io.cncf.notary.verificationPlugin',
          'io.cncf.notary.verificationPluginMinVersion',
        ])
      }),
    )
    expect(p.extendedAttributes).toEqual([
      { key: 'com.example.note', value: 'hi', critical: false },
      { key: 'io.cncf.notary.verificationPlugin', value: 'com.example.plugin', critical: true },
      { key: 'io.cncf.notary.verificationPluginMinVersion', value: '1.0.0', critical: true },
    ])
  })

  test('expiry, timestamp token and signing agent are read', () => {
    const p = decodeCoseSign1(
      build({
        protectedMap: (() => {
          const m = baseProtected()
          m.set(EXPIRY, new CborTag(1, 1700000001))
          m.set(2, [SCHEME, EXPIRY])
          return m
        })(),
        unprotected: new Map<CborValue, CborValue>([
          [33, [CERT, CERT]],
          ['io.cncf.notary.timestampSignature', new Uint8Array([9])],
          ['io.cncf.notary.signingAgent', 'agent/1'],
        ]),
      }),
    )
    expect(p.expiry?.getTime()).toBe(1700000001_000)
    expect(p.timestampToken).toEqual(new Uint8Array([9]))
    expect(p.signingAgent).toBe('agent/1')
    expect(p.certificateChain).toHaveLength(2)
  })

  test('a float inside tag 1 decodes (Go accepts it)', () => {
    const p = decodeCoseSign1(
      withProtected((m) => m.set(SIGNING_TIME, new CborTag(1, 1700000000.5))),
    )
    expect(p.signingTime?.getTime()).toBe(1700000000_500)
  })
})

describe('decodeCoseSign1: every rejection has its code', () => {
  const good = build()
  test.each<[string, () => Uint8Array]>([
    ['untagged COSE_Sign1', () => good.subarray(1)],
    [
      'tag 18 around a 3-element array',
      () => Buffer.concat([Buffer.of(0xd2, 0x83), good.subarray(2, good.length - 4)]),
    ],
    [
      'tag 98 (COSE_Sign) instead of 18',
      () => Buffer.concat([Buffer.of(0xd8, 0x62), good.subarray(1)]),
    ],
    ['trailing bytes', () => Buffer.concat([good, Buffer.of(0)])],
    ['truncated', () => good.subarray(0, good.length - 1)],
    [
      'indefinite-length unprotected map',
      () =>
        outer(encodeCbor(encodeCbor(baseProtected())), raw('bf1821814230 00ff'.replace(/ /g, ''))),
    ],
    [
      'indefinite-length array inside the protected map',
      () => build({ protectedItem: indefiniteCritProtected() }),
    ],
    [
      'duplicate key in the protected map',
      () => build({ protectedItem: Buffer.concat([raw('a2'), raw('0126'), raw('0126')]) }),
    ],
    [
      'duplicate key in the unprotected map',
      () => outer(encodeCbor(encodeCbor(baseProtected())), raw('a2182181423000182181423000')),
    ],
    [
      'a tag in the unprotected header',
      () => withUnprotected((m) => m.set(33, new CborTag(24, [CERT]))),
    ],
    ['a tag on the payload', () => build({ payload: new CborTag(24, new Uint8Array([1])) })],
    ['a tag on the signature', () => build({ signature: new CborTag(24, new Uint8Array([1])) })],
    ['protected header that is a map, not a bstr', () => build({ protectedItem: baseProtected() })],
    ['protected bstr wrapping an array', () => build({ protectedItem: encodeCbor([1, 2]) })],
    [
      'protected bstr with trailing bytes',
      () => build({ protectedItem: Buffer.concat([encodeCbor(baseProtected()), Buffer.of(0)]) }),
    ],
    [
      'a bstr label in the protected header',
      () => withProtected((m) => m.set(new Uint8Array([1]), 1)),
    ],
    [
      'a bstr label in the unprotected header',
      () => withUnprotected((m) => m.set(new Uint8Array([1]), 1)),
    ],
    ['detached (nil) payload', () => build({ payload: null })],
    ['empty payload', () => build({ payload: new Uint8Array() })],
    ['payload of the wrong type', () => build({ payload: 'text' })],
    ['empty signature', () => build({ signature: new Uint8Array() })],
    ['missing alg', () => withProtected((m) => m.delete(1))],
    ['missing cty', () => withProtected((m) => m.delete(3))],
    ['cty not type/subtype', () => withProtected((m) => m.set(3, 'json'))],
    ['cty as a CoAP uint', () => withProtected((m) => m.set(3, 50))],
    [
      'missing signing scheme',
      () =>
        withProtected((m) => {
          m.delete(SCHEME)
          m.set(2, [SIGNING_TIME])
        }),
    ],
    ['crit not an array', () => withProtected((m) => m.set(2, SCHEME))],
    ['label in both buckets', () => withUnprotected((m) => m.set(3, CTY))],
    ['crit in the unprotected header', () => withUnprotected((m) => m.set(2, [SCHEME]))],
    [
      'timestampSignature not a bstr',
      () => withUnprotected((m) => m.set('io.cncf.notary.timestampSignature', 'x')),
    ],
    [
      'signingAgent not a tstr',
      () => withUnprotected((m) => m.set('io.cncf.notary.signingAgent', 1)),
    ],
    // Issue 11 item 8: go-cose accepts only int64 and tstr labels; a float 1.0 is not label 1.
    [
      'alg label encoded as a half float (f9 3c00)',
      () => build({ protectedItem: floatLabel(encodeCbor(baseProtected()), 'f93c00') }),
    ],
    [
      'alg label encoded as a double float',
      () => build({ protectedItem: floatLabel(encodeCbor(baseProtected()), 'fb3ff0000000000000') }),
    ],
    [
      'x5chain label encoded as a float (33.0)',
      () =>
        outer(encodeCbor(encodeCbor(baseProtected())), raw('a1' + 'f95020' + '81' + '42' + '3000')),
    ],
    ['crit lists a float', () => withProtected((m) => m.set(2, [SCHEME, new CborFloat(1)]))],
    ['alg as a float', () => withProtected((m) => m.set(1, new CborFloat(-37)))],
    [
      'verificationPlugin not a tstr',
      () => withProtected((m) => m.set('io.cncf.notary.verificationPlugin', 1)),
    ],
  ])('%s → ENVELOPE_MALFORMED', (_name, make) => {
    expectCode(() => decodeCoseSign1(make()), EnvelopeError, 'ENVELOPE_MALFORMED')
  })

  test.each<[string, () => Uint8Array]>([
    ['alg -257 (RS256)', () => withProtected((m) => m.set(1, -257))],
    ['alg -8 (EdDSA)', () => withProtected((m) => m.set(1, -8))],
    ['alg as text', () => withProtected((m) => m.set(1, 'PS256'))],
    ['unknown signing scheme', () => withProtected((m) => m.set(SCHEME, 'notary.x509.other'))],
  ])('%s → ENVELOPE_UNSUPPORTED', (_name, make) => {
    expectCode(() => decodeCoseSign1(make()), EnvelopeError, 'ENVELOPE_UNSUPPORTED')
  })

  test.each<[string, () => Uint8Array]>([
    ['missing crit', () => withProtected((m) => m.delete(2))],
    ['empty crit', () => withProtected((m) => m.set(2, []))],
    [
      'crit lists a label that is absent (dangling)',
      () => withProtected((m) => m.set(2, [SCHEME, EXPIRY])),
    ],
    [
      'crit lists an unknown present header',
      () =>
        withProtected((m) => {
          m.set('com.example.x', 1)
          m.set(2, [SCHEME, 'com.example.x'])
        }),
    ],
    [
      'crit lists an integer label',
      () =>
        withProtected((m) => {
          m.set(4, new Uint8Array([1]))
          m.set(2, [SCHEME, 4])
        }),
    ],
    [
      'crit lacks signingScheme',
      () =>
        withProtected((m) => {
          m.set(2, [SIGNING_TIME])
        }),
    ],
    [
      'expiry present but not critical',
      () => withProtected((m) => m.set(EXPIRY, new CborTag(1, 1700000001))),
    ],
    [
      'signingAuthority without authenticSigningTime in crit',
      () =>
        withProtected((m) => {
          m.set(SCHEME, 'notary.x509.signingAuthority')
          m.delete(SIGNING_TIME)
          m.set(AUTH_TIME, new CborTag(1, 1))
        }),
    ],
  ])('%s → ENVELOPE_CRITICAL_HEADER', (_name, make) => {
    const err = expectCode(() => decodeCoseSign1(make()), EnvelopeError, 'ENVELOPE_CRITICAL_HEADER')
    expect(err.message).toContain('crit')
  })

  test.each<[string, () => Uint8Array]>([
    [
      'tag 0 (RFC 3339 string) signing time',
      () => withProtected((m) => m.set(SIGNING_TIME, new CborTag(0, '2023-11-14T22:13:20Z'))),
    ],
    ['untagged integer signing time', () => withProtected((m) => m.set(SIGNING_TIME, 1700000000))],
    ['tag 1 around a string', () => withProtected((m) => m.set(SIGNING_TIME, new CborTag(1, 'x')))],
    ['missing signing time', () => withProtected((m) => m.delete(SIGNING_TIME))],
    [
      'authenticSigningTime under notary.x509',
      () => withProtected((m) => m.set(AUTH_TIME, new CborTag(1, 1700000000))),
    ],
    [
      'expiry equal to the signing time',
      () =>
        withProtected((m) => {
          m.set(EXPIRY, new CborTag(1, 1700000000))
          m.set(2, [SCHEME, EXPIRY])
        }),
    ],
    [
      'expiry before the signing time',
      () =>
        withProtected((m) => {
          m.set(EXPIRY, new CborTag(1, 1600000000))
          m.set(2, [SCHEME, EXPIRY])
        }),
    ],
    [
      'untagged expiry',
      () =>
        withProtected((m) => {
          m.set(EXPIRY, 1800000000)
          m.set(2, [SCHEME, EXPIRY])
        }),
    ],
    // Issue 11 item 4: beyond ±8.64e12 s a Date is invalid, so expiry checks would silently pass.
    [
      'signing time beyond the Date range',
      () => withProtected((m) => m.set(SIGNING_TIME, new CborTag(1, 9e12))),
    ],
    [
      'negative signing time beyond the Date range',
      () => withProtected((m) => m.set(SIGNING_TIME, new CborTag(1, -9e12))),
    ],
    [
      'expiry beyond the Date range (would never expire)',
      () =>
        withProtected((m) => {
          m.set(EXPIRY, new CborTag(1, 8_640_000_000_001))
          m.set(2, [SCHEME, EXPIRY])
        }),
    ],
    [
      'signing time as a 64-bit int beyond 2^53',
      () => withProtected((m) => m.set(SIGNING_TIME, new CborTag(1, 2n ** 63n))),
    ],
    [
      'signing time as a float beyond the Date range',
      () => withProtected((m) => m.set(SIGNING_TIME, new CborTag(1, new CborFloat(1e300)))),
    ],
  ])('%s → ENVELOPE_TIME', (_name, make) => {
    expectCode(() => decodeCoseSign1(make()), EnvelopeError, 'ENVELOPE_TIME')
  })

  test.each<[string, () => Uint8Array]>([
    ['missing x5chain', () => withUnprotected((m) => m.delete(33))],
    [
      'x5chain as a bare bstr (RFC 9360 single-cert form)',
      () => withUnprotected((m) => m.set(33, CERT)),
    ],
    ['empty x5chain', () => withUnprotected((m) => m.set(33, []))],
    ['x5chain with a non-bstr entry', () => withUnprotected((m) => m.set(33, [CERT, 7]))],
    [
      'x5chain only in the protected header',
      () =>
        build({
          protectedMap: (() => {
            const m = baseProtected()
            m.set(33, [CERT])
            return m
          })(),
          unprotected: new Map(),
        }),
    ],
  ])('%s → ENVELOPE_CERTIFICATE_CHAIN', (_name, make) => {
    expectCode(() => decodeCoseSign1(make()), EnvelopeError, 'ENVELOPE_CERTIFICATE_CHAIN')
  })
})
