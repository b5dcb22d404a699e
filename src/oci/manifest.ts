/**
 * OCI manifest and index shapes (image-spec manifest.md, image-index.md), their validation, and the
 * referrers tag schema (distribution-spec "Referrers Tag Schema"). Pure: no I/O.
 */
import { MEDIA_TYPE } from '../notary/constants.js'
import type { Descriptor } from './descriptor.js'
import { parseDigest } from './digest.js'
import { RegistryError } from './errors.js'

export interface ImageManifest {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  config: Descriptor
  layers: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

export interface ImageIndex {
  schemaVersion: 2
  mediaType?: string
  artifactType?: string
  manifests: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

/** Accept header for manifests: OCI and Docker, image and index (OCI first, testbed-facts §1). */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPE.ociManifest,
  MEDIA_TYPE.ociIndex,
  MEDIA_TYPE.dockerManifest,
  MEDIA_TYPE.dockerManifestList,
  MEDIA_TYPE.ociArtifactManifest,
].join(', ')

/** Size caps (notary-spec §5.3): manifest 4 MiB, envelope 32 MiB, referrers listing 4 MiB. */
export const LIMITS = {
  manifestBytes: 4 * 1024 * 1024,
  envelopeBytes: 32 * 1024 * 1024,
  referrersListingBytes: 4 * 1024 * 1024,
} as const

function fail(what: string, problem: string): never {
  throw new RegistryError('MANIFEST_INVALID', `${what}: ${problem}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringMap(value: unknown, what: string): Record<string, string> {
  if (!isRecord(value)) fail(what, 'expected an object of strings')
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') fail(what, `annotation "${k}" is not a string`)
  }
  return value as Record<string, string>
}

/** Validates one descriptor (mediaType, digest, size required); keeps its other fields. */
export function toDescriptor(value: unknown, what: string): Descriptor {
  if (!isRecord(value)) fail(what, 'expected a descriptor object')
  const { mediaType, digest, size, annotations, artifactType } = value
  if (typeof mediaType !== 'string' || mediaType.length === 0) fail(what, '"mediaType" is missing')
  if (typeof digest !== 'string') fail(what, '"digest" is missing')
  try {
    parseDigest(digest)
  } catch (err) {
    throw new RegistryError(
      'MANIFEST_INVALID',
      `${what}: "digest" ${digest} is not a valid digest`,
      {
        cause: err,
      },
    )
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    fail(what, '"size" must be a non-negative integer')
  }
  if (annotations !== undefined) stringMap(annotations, `${what} annotations`)
  if (artifactType !== undefined && typeof artifactType !== 'string') {
    fail(what, '"artifactType" must be a string')
  }
  return value as unknown as Descriptor
}

/** Parses JSON bytes into an object; MANIFEST_INVALID when they are not a JSON object. */
export function parseJsonObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (err) {
    throw new RegistryError('MANIFEST_INVALID', `${what} is not valid JSON`, { cause: err })
  }
  if (!isRecord(json)) fail(what, 'expected a JSON object')
  return json
}

function common(json: Record<string, unknown>, what: string): void {
  if (json.schemaVersion !== 2)
    fail(what, `"schemaVersion" must be 2, got ${String(json.schemaVersion)}`)
  if (json.mediaType !== undefined && typeof json.mediaType !== 'string') {
    fail(what, '"mediaType" must be a string')
  }
  if (json.artifactType !== undefined && typeof json.artifactType !== 'string') {
    fail(what, '"artifactType" must be a string')
  }
  if (json.subject !== undefined) toDescriptor(json.subject, `${what} subject`)
  if (json.annotations !== undefined) stringMap(json.annotations, `${what} annotations`)
}

/** Validates an OCI (or Docker v2) image manifest. */
export function toImageManifest(json: Record<string, unknown>, what = 'manifest'): ImageManifest {
  common(json, what)
  if (!Array.isArray(json.layers)) fail(what, '"layers" must be an array')
  toDescriptor(json.config, `${what} config`)
  json.layers.forEach((l, i) => toDescriptor(l, `${what} layers[${i}]`))
  return json as unknown as ImageManifest
}

/** Validates an OCI image index (or Docker manifest list). */
export function toImageIndex(json: Record<string, unknown>, what = 'index'): ImageIndex {
  common(json, what)
  if (!Array.isArray(json.manifests)) fail(what, '"manifests" must be an array')
  json.manifests.forEach((m, i) => toDescriptor(m, `${what} manifests[${i}]`))
  return json as unknown as ImageIndex
}

/**
 * The referrers tag for a subject digest (distribution-spec, referrers tag schema):
 * `<alg>-<hex>`, the algorithm truncated to 32 and the hex to 64 characters.
 */
export function referrersTag(subjectDigest: string): string {
  const { algorithm, hex } = parseDigest(subjectDigest, 'subject digest')
  return `${algorithm.slice(0, 32)}-${hex.slice(0, 64)}`
}

/**
 * The descriptor a referrer is listed under (what registries and oras put in the referrers index):
 * `artifactType` is the manifest's, or its config media type (notation v1's Form A).
 */
export function referrerDescriptor(
  manifest: ImageManifest,
  mediaType: string,
  digest: string,
  size: number,
): Descriptor {
  const artifactType = manifest.artifactType ?? manifest.config.mediaType
  return {
    mediaType,
    digest,
    size,
    artifactType,
    ...(manifest.annotations === undefined ? {} : { annotations: { ...manifest.annotations } }),
  }
}

/**
 * Adds descriptors to a referrers index's list, keeping the existing order and dropping
 * duplicates by digest (first occurrence wins).
 */
export function mergeReferrers(existing: Descriptor[], added: Descriptor[]): Descriptor[] {
  const seen = new Set<string>()
  const out: Descriptor[] = []
  for (const d of [...existing, ...added]) {
    if (seen.has(d.digest)) continue
    seen.add(d.digest)
    out.push(d)
  }
  return out
}

/** Serialises a referrers index the way oras-go does (schemaVersion, mediaType, manifests). */
export function encodeReferrersIndex(manifests: Descriptor[]): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests }),
  )
}
