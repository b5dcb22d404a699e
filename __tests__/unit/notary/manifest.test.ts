import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { decodeJws } from '../../../src/jws/jws.js'
import { NotaryError } from '../../../src/notary/errors.js'
import {
  buildSignatureManifest,
  parseSignatureManifest,
  thumbprintAnnotation,
} from '../../../src/notary/manifest.js'
import { expectCode } from '../../helpers/signing-core-expect.js'

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/notation/${name}`, import.meta.url))

const SUBJECT = {
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: 'sha256:b8479de3f88fb259a0a9ea82a5b2a052a1ef3c4ebbcfc61482d5ae4c831f8af9',
  size: 517,
}

describe('buildSignatureManifest', () => {
  test('Form A reproduces the manifest notation wrote, byte for byte (sha256:90ceaff2…)', () => {
    const jws = fixture(
      'oci_layout/e2e-valid-signature/blobs/sha256/c9af07e038b2b1a463e648986ad7273157511ffeba0b689f33e5472bae471f50',
    )
    const parsed = decodeJws(new Uint8Array(jws))
    const built = buildSignatureManifest({
      envelope: {
        mediaType: 'application/jose+json',
        digest: `sha256:${createHash('sha256').update(jws).digest('hex')}`,
        size: jws.length,
      },
      subject: {
        ...SUBJECT,
        annotations: { ignored: 'yes' },
        platform: { os: 'linux', architecture: 'amd64' },
      },
      certificateChain: parsed.certificateChain,
      signingTime: parsed.signingTime!,
    })
    expect(
      Buffer.from(built.bytes).equals(
        fixture(
          'oci_layout/e2e-valid-signature/blobs/sha256/90ceaff260d657d797c408ac73564a9c7bb9d86055877c2a811f0e63b8c6524f',
        ),
      ),
    ).toBe(true)
    expect(built.descriptor).toEqual({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:90ceaff260d657d797c408ac73564a9c7bb9d86055877c2a811f0e63b8c6524f',
      size: 728,
      artifactType: 'application/vnd.cncf.notary.signature',
      annotations: {
        'io.cncf.notary.x509chain.thumbprint#S256':
          '["e38aea13f2b051f7183cca64a51ee676f4d4456f41d9fecf15eb367efc7343b9"]',
        'org.opencontainers.image.created': '2023-06-27T05:30:33Z',
      },
    })
  })

  test('Form B: artifactType and the OCI empty config with data', () => {
    const built = buildSignatureManifest({
      form: 'artifact-type',
      envelope: { mediaType: 'application/cose', digest: 'sha256:ee', size: 10 },
      subject: SUBJECT,
      certificateChain: [new Uint8Array([1]), new Uint8Array([2])],
      signingTime: new Date('2025-01-02T03:04:05.999Z'),
    })
    const t1 = createHash('sha256').update(Uint8Array.of(1)).digest('hex')
    const t2 = createHash('sha256').update(Uint8Array.of(2)).digest('hex')
    expect(Buffer.from(built.bytes).toString()).toBe(
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",' +
        '"artifactType":"application/vnd.cncf.notary.signature",' +
        '"config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2,"data":"e30="},' +
        '"layers":[{"mediaType":"application/cose","digest":"sha256:ee","size":10}],' +
        `"subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"${SUBJECT.digest}","size":517},` +
        `"annotations":{"io.cncf.notary.x509chain.thumbprint#S256":"[\\"${t1}\\",\\"${t2}\\"]","org.opencontainers.image.created":"2025-01-02T03:04:05Z"}}`,
    )
    expect(parseSignatureManifest(built.bytes).form).toBe('artifact-type')
  })

  test('thumbprints are lowercase hex in chain order', () => {
    expect(thumbprintAnnotation([new Uint8Array([0])])).toBe(
      `["${createHash('sha256').update(Uint8Array.of(0)).digest('hex')}"]`,
    )
  })
})

describe('parseSignatureManifest', () => {
  test('reads notation’s Form A manifest', () => {
    const parsed = parseSignatureManifest(
      fixture(
        'oci_layout/e2e-valid-signature/blobs/sha256/90ceaff260d657d797c408ac73564a9c7bb9d86055877c2a811f0e63b8c6524f',
      ),
    )
    expect(parsed.form).toBe('image-manifest-legacy')
    expect(parsed.envelope).toEqual({
      mediaType: 'application/jose+json',
      digest: 'sha256:c9af07e038b2b1a463e648986ad7273157511ffeba0b689f33e5472bae471f50',
      size: 2070,
    })
    expect(parsed.subject).toEqual(SUBJECT)
    expect(parsed.annotations['org.opencontainers.image.created']).toBe('2023-06-27T05:30:33Z')
  })

  test('reads the legacy OCI artifact manifest with blobs', () => {
    const m = {
      mediaType: 'application/vnd.oci.artifact.manifest.v1+json',
      artifactType: 'application/vnd.cncf.notary.signature',
      blobs: [{ mediaType: 'application/cose', digest: 'sha256:aa', size: 3 }],
      subject: SUBJECT,
    }
    const parsed = parseSignatureManifest(Buffer.from(JSON.stringify(m)))
    expect(parsed.form).toBe('artifact-manifest')
    expect(parsed.envelope.mediaType).toBe('application/cose')
  })

  const base = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.cncf.notary.signature',
      digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      size: 2,
    },
    layers: [{ mediaType: 'application/cose', digest: 'sha256:aa', size: 3 }],
    subject: SUBJECT,
  }
  const variant = (over: Record<string, unknown>): Buffer =>
    Buffer.from(JSON.stringify({ ...base, ...over }))

  test.each<[string, Buffer]>([
    [
      'Form A config with an artifactType of another kind',
      variant({ artifactType: 'application/vnd.dev.cosign' }),
    ],
    [
      'artifactType notary with the legacy config',
      variant({ artifactType: 'application/vnd.cncf.notary.signature' }),
    ],
    [
      'no artifactType with the empty config',
      variant({ config: { ...base.config, mediaType: 'application/vnd.oci.empty.v1+json' } }),
    ],
    [
      'an image config (a plain image)',
      variant({
        config: { ...base.config, mediaType: 'application/vnd.oci.image.config.v1+json' },
      }),
    ],
    ['two layers', variant({ layers: [...base.layers, ...base.layers] })],
    ['no layers', variant({ layers: [] })],
    ['an index', variant({ mediaType: 'application/vnd.oci.image.index.v1+json' })],
    [
      'artifact manifest of another type',
      Buffer.from(
        JSON.stringify({
          mediaType: 'application/vnd.oci.artifact.manifest.v1+json',
          artifactType: 'x',
          blobs: [],
        }),
      ),
    ],
  ])('%s → MANIFEST_NOT_NOTARY', (_name, bytes) => {
    const err = expectCode(() => parseSignatureManifest(bytes), NotaryError, 'MANIFEST_NOT_NOTARY')
    expect(err.message).toContain('not a Notary Project signature')
  })

  test.each<[string, Buffer, string?]>([
    ['not JSON', Buffer.from('{')],
    ['an array', Buffer.from('[]')],
    ['config not a descriptor', variant({ config: 'x' })],
    [
      'layer without size',
      variant({ layers: [{ mediaType: 'application/cose', digest: 'sha256:aa' }] }),
    ],
    [
      'served type differs from the declared one',
      variant({}),
      'application/vnd.oci.image.index.v1+json',
    ],
  ])('%s → MANIFEST_MALFORMED', (_name, bytes, served) => {
    expectCode(() => parseSignatureManifest(bytes, served), NotaryError, 'MANIFEST_MALFORMED')
  })

  test('a manifest without mediaType is taken by the served Content-Type', () => {
    const rest: Record<string, unknown> = { ...base }
    delete rest.mediaType
    expect(
      parseSignatureManifest(
        Buffer.from(JSON.stringify(rest)),
        'application/vnd.oci.image.manifest.v1+json',
      ).form,
    ).toBe('image-manifest-legacy')
  })
})
