import { describe, expect, it } from 'vitest'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../../../src/notary/constants.js'
import { digestOf, isDigest, parseDigest, verifyDigest } from '../../../src/oci/digest.js'
import {
  encodeReferrersIndex,
  mergeReferrers,
  parseJsonObject,
  referrerDescriptor,
  referrersTag,
  toImageIndex,
  toImageManifest,
} from '../../../src/oci/manifest.js'

const D = (c: string): string => `sha256:${c.repeat(64)}`
const enc = (v: unknown): Uint8Array =>
  new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v))

describe('digests', () => {
  it('computes and checks sha256 and sha512', () => {
    expect(digestOf(EMPTY_CONFIG.bytes)).toBe(EMPTY_CONFIG.digest)
    expect(digestOf(EMPTY_CONFIG.bytes, 'sha512')).toMatch(/^sha512:[0-9a-f]{128}$/)
    expect(() => verifyDigest(EMPTY_CONFIG.bytes, EMPTY_CONFIG.digest, 'config')).not.toThrow()
    expect(() => verifyDigest(enc('x'), EMPTY_CONFIG.digest, 'config')).toThrow(
      expect.objectContaining({
        code: 'DIGEST_MISMATCH',
        message: expect.stringContaining(EMPTY_CONFIG.digest),
      }),
    )
  })
  it.each(['sha256:abc', `sha256:${'A'.repeat(64)}`, `sha384:${'a'.repeat(96)}`, 'nope', ''])(
    'rejects %j',
    (d) => {
      expect(isDigest(d)).toBe(false)
      expect(() => parseDigest(d)).toThrow(expect.objectContaining({ code: 'DIGEST_INVALID' }))
    },
  )
})

describe('manifest validation', () => {
  const config = { mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_CONFIG.digest, size: 2 }
  it('accepts both notary signature forms', () => {
    const a = toImageManifest({
      schemaVersion: 2,
      config: { ...config, mediaType: MEDIA_TYPE.notarySignature },
      layers: [],
      subject: { mediaType: 'x', digest: D('a'), size: 1 },
    })
    expect(referrerDescriptor(a, MEDIA_TYPE.ociManifest, D('b'), 10).artifactType).toBe(
      MEDIA_TYPE.notarySignature,
    )
    const b = toImageManifest({
      schemaVersion: 2,
      artifactType: MEDIA_TYPE.notarySignature,
      config,
      layers: [],
      annotations: { k: 'v' },
    })
    expect(referrerDescriptor(b, MEDIA_TYPE.ociManifest, D('b'), 10)).toEqual({
      mediaType: MEDIA_TYPE.ociManifest,
      digest: D('b'),
      size: 10,
      artifactType: MEDIA_TYPE.notarySignature,
      annotations: { k: 'v' },
    })
  })
  it.each<[string, Record<string, unknown>]>([
    ['schemaVersion', { schemaVersion: 1, config, layers: [] }],
    ['layers', { schemaVersion: 2, config }],
    ['config', { schemaVersion: 2, layers: [] }],
    ['digest', { schemaVersion: 2, config: { ...config, digest: 'md5:x' }, layers: [] }],
    ['size', { schemaVersion: 2, config: { ...config, size: -1 }, layers: [] }],
    ['annotation', { schemaVersion: 2, config, layers: [], annotations: { a: 1 } }],
    ['subject', { schemaVersion: 2, config, layers: [], subject: {} }],
  ])('rejects a bad %s', (_what, json) => {
    expect(() => toImageManifest(json)).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID' }),
    )
  })
  it('rejects non-JSON and non-objects, and bad indexes', () => {
    expect(() => parseJsonObject(enc('nope'), 'm')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID' }),
    )
    expect(() => parseJsonObject(enc('[1]'), 'm')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID' }),
    )
    expect(() => parseJsonObject(new Uint8Array([0xff, 0xfe]), 'm')).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID' }),
    )
    expect(() => toImageIndex({ schemaVersion: 2, manifests: {} })).toThrow(
      expect.objectContaining({ code: 'MANIFEST_INVALID' }),
    )
  })
})

describe('referrers tag schema', () => {
  it('names the tag <alg>-<hex>, truncating sha512 to 64 hex', () => {
    expect(referrersTag(D('a'))).toBe(`sha256-${'a'.repeat(64)}`)
    expect(referrersTag(`sha512:${'c'.repeat(128)}`)).toBe(`sha512-${'c'.repeat(64)}`)
  })
  it('merges without duplicates and keeps order', () => {
    const x = { mediaType: 'm', digest: D('1'), size: 1 }
    const y = { mediaType: 'm', digest: D('2'), size: 2 }
    expect(mergeReferrers([x], [y, x])).toEqual([x, y])
  })
  it('encodes like oras-go', () => {
    expect(new TextDecoder().decode(encodeReferrersIndex([]))).toBe(
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}',
    )
  })
})
