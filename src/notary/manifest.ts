/**
 * The OCI manifest that stores a Notary signature (notary-spec.md §5.1, §5.2). Form A is what
 * notation 1.x writes (no artifactType, config mediaType application/vnd.cncf.notary.signature);
 * Form B is the OCI 1.1 form (artifactType + the empty config with data "e30="). Bytes follow Go's
 * JSON field order so digests match notation's for the same inputs.
 */
import { createHash } from 'node:crypto'
import type { Descriptor } from '../oci/descriptor.js'
import { ANNOTATION, EMPTY_CONFIG, MEDIA_TYPE } from './constants.js'
import { NotaryError } from './errors.js'
import { goJson, goJsonBytes } from './go-json.js'

/** Form A (notation 1.x) or Form B (OCI 1.1 artifactType), notary-spec.md §5.1. */
export type SignatureManifestForm = 'image-manifest-legacy' | 'artifact-type'

/** Input of buildSignatureManifest. */
export interface SignatureManifestRequest {
  /** Default 'image-manifest-legacy' (Form A, notation 1.x). */
  form?: SignatureManifestForm
  envelope: { mediaType: string; digest: string; size: number }
  /** The signed manifest (mediaType, digest, size are kept). */
  subject: Descriptor
  /** DER, leaf first, as in the envelope. */
  certificateChain: readonly Uint8Array[]
  signingTime: Date
}

/** Manifest bytes to push, and their descriptor. */
export interface BuiltSignatureManifest {
  bytes: Uint8Array
  /** The manifest descriptor, with artifactType and annotations as a referrers index lists it. */
  descriptor: Descriptor
}

/** The thumbprint annotation value: a JSON array string of lowercase SHA-256 hex, chain order. */
export function thumbprintAnnotation(chain: readonly Uint8Array[]): string {
  return goJson(chain.map((c) => createHash('sha256').update(c).digest('hex')))
}

/** RFC 3339 UTC with whole seconds, e.g. 2025-01-02T03:04:05Z. */
function createdAnnotation(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

function plainDescriptor(d: { mediaType: string; digest: string; size: number }): {
  mediaType: string
  digest: string
  size: number
} {
  return { mediaType: d.mediaType, digest: d.digest, size: d.size }
}

/** Builds the signature manifest bytes and descriptor. */
export function buildSignatureManifest(req: SignatureManifestRequest): BuiltSignatureManifest {
  const form = req.form ?? 'image-manifest-legacy'
  const annotations = new Map<string, string>([
    [ANNOTATION.thumbprints, thumbprintAnnotation(req.certificateChain)],
    [ANNOTATION.created, createdAnnotation(req.signingTime)],
  ])
  const config =
    form === 'artifact-type'
      ? {
          mediaType: MEDIA_TYPE.ociEmpty,
          digest: EMPTY_CONFIG.digest,
          size: EMPTY_CONFIG.size,
          data: EMPTY_CONFIG.base64,
        }
      : {
          mediaType: MEDIA_TYPE.notarySignature,
          digest: EMPTY_CONFIG.digest,
          size: EMPTY_CONFIG.size,
        }
  const bytes = goJsonBytes({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    artifactType: form === 'artifact-type' ? MEDIA_TYPE.notarySignature : undefined,
    config,
    layers: [plainDescriptor(req.envelope)],
    subject: plainDescriptor(req.subject),
    annotations,
  })
  return {
    bytes,
    descriptor: {
      mediaType: MEDIA_TYPE.ociManifest,
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      size: bytes.length,
      // Registries list artifactType || config.mediaType, which is this value for both forms.
      artifactType: MEDIA_TYPE.notarySignature,
      annotations: Object.fromEntries(annotations),
    },
  }
}

/** What the verifier needs from a signature manifest. */
export interface ParsedSignatureManifest {
  form: SignatureManifestForm | 'artifact-manifest'
  mediaType: string
  /** The envelope blob (its mediaType selects the envelope parser). */
  envelope: Descriptor
  subject?: Descriptor
  annotations: Record<string, string>
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function descriptorOf(value: unknown, what: string): Descriptor {
  if (
    !isObject(value) ||
    typeof value.mediaType !== 'string' ||
    typeof value.digest !== 'string' ||
    typeof value.size !== 'number' ||
    !Number.isSafeInteger(value.size) ||
    value.size < 0
  ) {
    throw new NotaryError(
      'MANIFEST_MALFORMED',
      `${what} is not a descriptor {mediaType, digest, size}`,
    )
  }
  const d: Descriptor = { mediaType: value.mediaType, digest: value.digest, size: value.size }
  if (isObject(value.annotations)) {
    d.annotations = Object.fromEntries(
      Object.entries(value.annotations).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    )
  }
  if (typeof value.artifactType === 'string') d.artifactType = value.artifactType
  return d
}

function notNotary(detail: string): NotaryError {
  return new NotaryError('MANIFEST_NOT_NOTARY', `not a Notary Project signature: ${detail}`)
}

/**
 * Parses a signature manifest: an image manifest in Form A or B, or the legacy OCI artifact
 * manifest with `blobs`. Requires exactly one layer/blob (notation-go ListSignatures /
 * signatureReferrers). `mediaType` is the Content-Type the registry sent, when known.
 */
export function parseSignatureManifest(
  bytes: Uint8Array,
  mediaType?: string,
): ParsedSignatureManifest {
  let m: unknown
  try {
    m = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (err) {
    throw new NotaryError('MANIFEST_MALFORMED', 'the signature manifest is not valid JSON', {
      cause: err,
    })
  }
  if (!isObject(m))
    throw new NotaryError('MANIFEST_MALFORMED', 'the signature manifest is not a JSON object')
  const declared = typeof m.mediaType === 'string' ? m.mediaType : undefined
  if (declared !== undefined && mediaType !== undefined && declared !== mediaType) {
    throw new NotaryError(
      'MANIFEST_MALFORMED',
      `the manifest says mediaType "${declared}" but was served as "${mediaType}"`,
    )
  }
  const type = declared ?? mediaType ?? MEDIA_TYPE.ociManifest
  const annotations = isObject(m.annotations)
    ? Object.fromEntries(
        Object.entries(m.annotations).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      )
    : {}
  const subject = m.subject === undefined ? undefined : descriptorOf(m.subject, 'manifest subject')
  const artifactType = m.artifactType

  if (type === MEDIA_TYPE.ociArtifactManifest) {
    if (artifactType !== MEDIA_TYPE.notarySignature) {
      throw notNotary(`artifact manifest artifactType is "${String(artifactType)}"`)
    }
    const blobs = m.blobs
    if (!Array.isArray(blobs) || blobs.length !== 1) {
      throw notNotary(
        `the artifact manifest must have exactly one blob, found ${Array.isArray(blobs) ? blobs.length : 0}`,
      )
    }
    return {
      form: 'artifact-manifest',
      mediaType: type,
      envelope: descriptorOf(blobs[0], 'manifest blob'),
      ...(subject ? { subject } : {}),
      annotations,
    }
  }
  if (type !== MEDIA_TYPE.ociManifest) {
    throw notNotary(`manifest media type "${type}" is not an OCI image manifest`)
  }
  const config = descriptorOf(m.config, 'manifest config')
  let form: SignatureManifestForm
  if (artifactType === undefined || artifactType === '') {
    if (config.mediaType !== MEDIA_TYPE.notarySignature) {
      throw notNotary(`no artifactType and config.mediaType is "${config.mediaType}"`)
    }
    form = 'image-manifest-legacy'
  } else if (artifactType === MEDIA_TYPE.notarySignature) {
    if (config.mediaType !== MEDIA_TYPE.ociEmpty) {
      throw notNotary(
        `artifactType is the Notary signature but config.mediaType is "${config.mediaType}"`,
      )
    }
    form = 'artifact-type'
  } else {
    throw notNotary(`artifactType is "${String(artifactType)}"`)
  }
  const layers = m.layers
  if (!Array.isArray(layers) || layers.length !== 1) {
    throw notNotary(
      `a signature manifest must have exactly one layer, found ${Array.isArray(layers) ? layers.length : 0}`,
    )
  }
  return {
    form,
    mediaType: type,
    envelope: descriptorOf(layers[0], 'manifest layer'),
    ...(subject ? { subject } : {}),
    annotations,
  }
}
