/**
 * The Notary signature payload (notary-spec.md §1): {"targetArtifact": descriptor}, as notation-go
 * writes it: only mediaType, digest, size and annotations, in that order, annotations sorted, compact
 * Go JSON; user metadata merged into annotations.
 */
import type { Descriptor } from '../oci/descriptor.js'
import { NotaryError } from './errors.js'
import { goJsonBytes } from './go-json.js'

const RESERVED_PREFIX = 'io.cncf.notary'

/** The decoded payload; targetArtifact keeps annotations (and artifactType if present). */
export interface NotaryPayload {
  targetArtifact: Descriptor
}

function checkDescriptor(d: Descriptor): void {
  if (typeof d.mediaType !== 'string' || d.mediaType === '') {
    throw new NotaryError('PAYLOAD_DESCRIPTOR_INVALID', 'the descriptor to sign has no mediaType')
  }
  if (
    typeof d.digest !== 'string' ||
    !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(d.digest)
  ) {
    throw new NotaryError(
      'PAYLOAD_DESCRIPTOR_INVALID',
      `the descriptor digest "${String(d.digest)}" is not a valid digest`,
    )
  }
  if (!Number.isSafeInteger(d.size) || d.size < 0) {
    throw new NotaryError(
      'PAYLOAD_DESCRIPTOR_INVALID',
      `the descriptor size ${String(d.size)} is not a non-negative integer`,
    )
  }
}

/**
 * The payload bytes for `descriptor` with `userMetadata` merged into its annotations. Refuses
 * metadata keys starting with "io.cncf.notary" or already present (notation.go addUserMetadataToDescriptor).
 */
export function buildPayload(
  descriptor: Descriptor,
  userMetadata: ReadonlyMap<string, string> = new Map(),
): Uint8Array {
  checkDescriptor(descriptor)
  const annotations = new Map<string, string>(Object.entries(descriptor.annotations ?? {}))
  for (const [key, value] of userMetadata) {
    if (key.startsWith(RESERVED_PREFIX)) {
      throw new NotaryError(
        'PAYLOAD_METADATA_RESERVED',
        `user metadata key "${key}" uses the reserved prefix "${RESERVED_PREFIX}"`,
      )
    }
    if (annotations.has(key)) {
      throw new NotaryError(
        'PAYLOAD_METADATA_DUPLICATE',
        `user metadata key "${key}" is already an annotation of the artifact descriptor`,
      )
    }
    annotations.set(key, value)
  }
  return goJsonBytes({
    targetArtifact: {
      mediaType: descriptor.mediaType,
      digest: descriptor.digest,
      size: descriptor.size,
      annotations: annotations.size > 0 ? annotations : undefined,
    },
  })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Parses signed payload bytes strictly: targetArtifact with mediaType, digest and size required. */
export function parsePayload(bytes: Uint8Array): NotaryPayload {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (err) {
    throw new NotaryError('PAYLOAD_MALFORMED', 'the signature payload is not valid JSON', {
      cause: err,
    })
  }
  if (!isObject(parsed) || !isObject(parsed.targetArtifact)) {
    throw new NotaryError(
      'PAYLOAD_MALFORMED',
      'the signature payload has no "targetArtifact" object',
    )
  }
  const t = parsed.targetArtifact
  if (typeof t.mediaType !== 'string' || t.mediaType === '') {
    throw new NotaryError(
      'PAYLOAD_MALFORMED',
      'payload targetArtifact.mediaType must be a non-empty string',
    )
  }
  if (typeof t.digest !== 'string' || t.digest === '') {
    throw new NotaryError(
      'PAYLOAD_MALFORMED',
      'payload targetArtifact.digest must be a non-empty string',
    )
  }
  if (typeof t.size !== 'number' || !Number.isSafeInteger(t.size) || t.size < 0) {
    throw new NotaryError(
      'PAYLOAD_MALFORMED',
      'payload targetArtifact.size must be a non-negative integer',
    )
  }
  const targetArtifact: Descriptor = { mediaType: t.mediaType, digest: t.digest, size: t.size }
  if (t.annotations !== undefined && t.annotations !== null) {
    if (
      !isObject(t.annotations) ||
      !Object.values(t.annotations).every((v) => typeof v === 'string')
    ) {
      throw new NotaryError(
        'PAYLOAD_MALFORMED',
        'payload targetArtifact.annotations must map strings to strings',
      )
    }
    targetArtifact.annotations = { ...(t.annotations as Record<string, string>) }
  }
  if (typeof t.artifactType === 'string') targetArtifact.artifactType = t.artifactType
  return { targetArtifact }
}
