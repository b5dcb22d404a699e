import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { decodeCoseSign1 } from '../../../src/cose/sign1.js'
import { NotaryError } from '../../../src/notary/errors.js'
import { buildPayload, parsePayload } from '../../../src/notary/payload.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/notation/${name}`, import.meta.url)))
const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8')

describe('buildPayload', () => {
  test('reproduces the payload bytes notation-go signed (cose_signature.sig, blob.cose.sig)', () => {
    for (const [file, descriptor] of [
      [
        'cose_signature.sig',
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: 'sha256:19dbd2e48e921426ee8ace4dc892edfb2ecdc1d1a72d5416c83670c30acecef0',
          size: 481,
        },
      ],
      [
        'blob.cose.sig',
        {
          mediaType: 'application/octet-stream',
          digest: 'sha256:c71d239df91726fc519c6eb72d318ec65820627232b2f796219e87dcf35d0ab4',
          size: 11357,
        },
      ],
    ] as const) {
      const signed = decodeCoseSign1(fixture(file)).payload
      expect(text(buildPayload(descriptor))).toBe(text(signed))
    }
  })

  test('keeps only mediaType, digest, size, annotations; sorts annotations; merges user metadata', () => {
    const bytes = buildPayload(
      {
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: 'sha256:abc',
        size: 7,
        artifactType: 'application/x',
        urls: ['https://example.com'],
        platform: { architecture: 'amd64', os: 'linux' },
        data: 'e30=',
        annotations: { 'z.key': 'z', 'a.key': '<a&b>' },
      },
      new Map([['m.build', '42']]),
    )
    expect(text(bytes)).toBe(
      '{"targetArtifact":{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:abc","size":7,' +
        '"annotations":{"a.key":"\\u003ca\\u0026b\\u003e","m.build":"42","z.key":"z"}}}',
    )
    expect(parsePayload(bytes).targetArtifact.annotations?.['a.key']).toBe('<a&b>')
  })

  test('user metadata: reserved prefix and existing keys are refused', () => {
    const d = { mediaType: 'm/t', digest: 'sha256:abc', size: 1, annotations: { k: 'v' } }
    expectCode(
      () => buildPayload(d, new Map([['io.cncf.notary.x', '1']])),
      NotaryError,
      'PAYLOAD_METADATA_RESERVED',
    )
    expectCode(
      () => buildPayload(d, new Map([['k', 'other']])),
      NotaryError,
      'PAYLOAD_METADATA_DUPLICATE',
    )
  })

  test('incomplete descriptors are refused', () => {
    expectCode(
      () => buildPayload({ mediaType: '', digest: 'sha256:a', size: 1 }),
      NotaryError,
      'PAYLOAD_DESCRIPTOR_INVALID',
    )
    expectCode(
      () => buildPayload({ mediaType: 'm/t', digest: 'abc', size: 1 }),
      NotaryError,
      'PAYLOAD_DESCRIPTOR_INVALID',
    )
    expectCode(
      () => buildPayload({ mediaType: 'm/t', digest: 'sha256:a', size: -1 }),
      NotaryError,
      'PAYLOAD_DESCRIPTOR_INVALID',
    )
    expectCode(
      () => buildPayload({ mediaType: 'm/t', digest: 'sha256:a', size: 1.5 }),
      NotaryError,
      'PAYLOAD_DESCRIPTOR_INVALID',
    )
  })
})

describe('parsePayload', () => {
  test('reads the notation payloads (either key order)', () => {
    expect(
      parsePayload(decodeCoseSign1(fixture('cose_signature.sig')).payload).targetArtifact.size,
    ).toBe(481)
    const sorted = Buffer.from(
      '{"targetArtifact":{"digest":"sha256:x","mediaType":"m/t","size":517}}',
    )
    expect(parsePayload(sorted)).toEqual({
      targetArtifact: { mediaType: 'm/t', digest: 'sha256:x', size: 517 },
    })
  })

  test.each([
    ['not JSON', '{'],
    ['not UTF-8', '\xff'],
    ['no targetArtifact', '{}'],
    ['targetArtifact not an object', '{"targetArtifact":[]}'],
    ['missing mediaType', '{"targetArtifact":{"digest":"sha256:a","size":1}}'],
    ['missing digest', '{"targetArtifact":{"mediaType":"m/t","size":1}}'],
    ['missing size', '{"targetArtifact":{"mediaType":"m/t","digest":"sha256:a"}}'],
    ['string size', '{"targetArtifact":{"mediaType":"m/t","digest":"sha256:a","size":"1"}}'],
    [
      'non-string annotation',
      '{"targetArtifact":{"mediaType":"m/t","digest":"sha256:a","size":1,"annotations":{"a":1}}}',
    ],
  ])('%s → PAYLOAD_MALFORMED', (_name, input) => {
    expectCode(() => parsePayload(Buffer.from(input, 'latin1')), NotaryError, 'PAYLOAD_MALFORMED')
  })
})
