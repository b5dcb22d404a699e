/**
 * Signing orchestration: resolve every reference to a digest once, sign each manifest (and, with
 * `recursive`, each platform manifest of an index), push the envelope, the signature manifest and
 * the referrer record, in bounded parallel.
 *
 * Order matters for "a failed sign never leaves a broken referrers index": the envelope is fully
 * built (signed, chain checked, timestamp verified) before anything is pushed; then the envelope
 * blob and config blob, then the signature manifest, and only then the referrers index, which
 * therefore only ever lists manifests that exist.
 */
import { X509Certificate } from 'node:crypto'
import { createSignatureEnvelope } from '../envelope/sign.js'
import { ActionError } from '../errors.js'
import type { Logger } from '../log.js'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../notary/constants.js'
import { buildSignatureManifest, type SignatureManifestForm } from '../notary/manifest.js'
import { buildPayload } from '../notary/payload.js'
import type { ReferrersMode, RegistryClient, Repository } from '../oci/client.js'
import type { Descriptor } from '../oci/descriptor.js'
import { toImageIndex } from '../oci/manifest.js'
import { parseReference } from '../oci/reference.js'
import type { Signer } from '../signer/signer.js'
import { parseTimestampToken, parseTstInfo } from '../timestamp/token.js'
import type { Timestamper } from '../timestamp/types.js'
import { mapBounded } from './pool.js'
import type { ExistingSignature, ExistingSignatureCheck } from './skip-if-signed.js'
import type { SignedManifest } from './types.js'

export interface SignOptions {
  format: 'cose' | 'jws'
  manifestForm: SignatureManifestForm
  expirySeconds?: number
  userMetadata: ReadonlyMap<string, string>
  referrers: ReferrersMode
  recursive: boolean
  concurrency: number
}

export interface SignDeps {
  registry: RegistryClient
  signer: Signer
  timestamper?: Timestamper
  logger: Logger
  now: () => Date
  signingAgent: string
  /** skip-if-signed: finds an existing signature that makes signing this target unnecessary. */
  existingSignature?: ExistingSignatureCheck
}

export class SignCommandError extends ActionError<'SIGN_FAILED' | 'SIGN_TARGET_INVALID'> {}

interface Target {
  reference: string
  repository: Repository
  descriptor: Descriptor
  platform?: string
  parentDigest?: string
}

/** Leaf subject as notation prints it, e.g. "C=US, ST=WA, O=Example". */
export function subjectOf(der: Uint8Array): string {
  return new X509Certificate(der).subject.split('\n').join(', ')
}

function genTimeOf(token: Uint8Array): string {
  const info = parseTstInfo(parseTimestampToken(token).eContent)
  return info.genTime.toISOString()
}

async function resolveTargets(
  images: string[],
  options: SignOptions,
  deps: SignDeps,
): Promise<Target[]> {
  const resolved = await mapBounded(images, options.concurrency, async (image) => {
    const ref = parseReference(image)
    const repository = deps.registry.repository(ref)
    const descriptor = await repository.resolve()
    if (ref.digest === undefined) {
      deps.logger.warning(
        `${image}: resolved tag ${ref.tag ?? 'latest'} to ${descriptor.digest}; tags are mutable, the digest is what gets signed`,
        { title: 'Signing by tag' },
      )
    }
    const targets: Target[] = [{ reference: image, repository, descriptor }]
    const isIndex =
      descriptor.mediaType === MEDIA_TYPE.ociIndex ||
      descriptor.mediaType === MEDIA_TYPE.dockerManifestList
    if (options.recursive && isIndex) {
      const index = toImageIndex(
        (await repository.fetchManifest(descriptor)).json,
        `index ${descriptor.digest}`,
      )
      for (const child of index.manifests) {
        const p = child.platform
        // docker buildx stores provenance/SBOM as unknown/unknown "attestation-manifest" entries:
        // they are not runnable images, and they are signed through the index that lists them.
        if (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') {
          deps.logger.info(
            `${image}: skipping attestation manifest ${child.digest} (signed via the index)`,
          )
          continue
        }
        targets.push({
          reference: image,
          repository,
          descriptor: { mediaType: child.mediaType, digest: child.digest, size: child.size },
          ...(p === undefined
            ? {}
            : { platform: [p.os, p.architecture, p.variant].filter(Boolean).join('/') }),
          parentDigest: descriptor.digest,
        })
      }
    } else if (options.recursive) {
      deps.logger.info(`${image}: not an index; recursive has nothing more to sign`)
    }
    return targets
  })
  // The same manifest named twice (two tags, or a tag and its digest) is signed once.
  const seen = new Set<string>()
  return resolved.flat().filter((t) => {
    const key = `${t.repository.name}@${t.descriptor.digest}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Uploads the `{}` config blob once per repository for the whole run (HEAD, then push if absent). */
type ConfigUploads = Map<string, Promise<unknown>>

async function signTarget(
  target: Target,
  options: SignOptions,
  deps: SignDeps,
  configUploads: ConfigUploads,
): Promise<SignedManifest> {
  const { repository, descriptor } = target
  const label = `${repository.name}@${descriptor.digest}${target.platform ? ` (${target.platform})` : ''}`
  const signingTime = deps.now()
  const subject: Descriptor = {
    mediaType: descriptor.mediaType,
    digest: descriptor.digest,
    size: descriptor.size,
  }
  if (deps.existingSignature !== undefined) {
    const existing = await deps.existingSignature(repository, subject)
    if (existing !== undefined) return skippedManifest(target, existing)
  }
  const payload = buildPayload(subject, options.userMetadata)
  const created = await createSignatureEnvelope({
    format: options.format,
    payload,
    signer: deps.signer,
    signingTime,
    ...(options.expirySeconds === undefined
      ? {}
      : { expiry: new Date(signingTime.getTime() + options.expirySeconds * 1000) }),
    signingAgent: deps.signingAgent,
    ...(deps.timestamper === undefined ? {} : { timestamper: deps.timestamper }),
  })
  // What the result row needs from the envelope is read before the first write, so nothing that
  // can fail without the registry fails after a push.
  const leaf = created.certificateChain[0]
  if (leaf === undefined)
    throw new SignCommandError('SIGN_FAILED', `${label}: the envelope has no certificate`)
  const signer = subjectOf(leaf)
  const timestamp =
    created.timestampToken === undefined ? undefined : genTimeOf(created.timestampToken)
  const envelope = await repository.pushBlob(created.envelope, { mediaType: created.mediaType })
  let config = configUploads.get(repository.name)
  if (config === undefined) {
    config = repository.pushBlob(EMPTY_CONFIG.bytes, { mediaType: MEDIA_TYPE.notarySignature })
    // A failed upload is retried by the next image rather than remembered.
    config.catch(() => configUploads.delete(repository.name))
    configUploads.set(repository.name, config)
  }
  await config
  const manifest = buildSignatureManifest({
    form: options.manifestForm,
    envelope: { mediaType: created.mediaType, digest: envelope.digest, size: envelope.size },
    subject,
    certificateChain: created.certificateChain,
    signingTime: created.signingTime,
  })
  const pushed = await repository.pushReferrer(
    { manifest: manifest.bytes, mediaType: MEDIA_TYPE.ociManifest },
    { mode: options.referrers },
  )
  for (const warning of pushed.warnings)
    deps.logger.warning(`${label}: ${warning}`, { title: 'Referrers' })
  deps.logger.info(
    `${label}: signed; signature manifest ${pushed.descriptor.digest} recorded via ${pushed.via === 'api' ? 'the Referrers API' : `the referrers tag index`}${timestamp ? `, timestamped ${timestamp}` : ''}`,
  )
  return {
    reference: target.reference,
    repository: repository.name,
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    size: descriptor.size,
    signatureDigest: pushed.descriptor.digest,
    referrersMode: pushed.via,
    signer,
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(target.platform === undefined ? {} : { platform: target.platform }),
    ...(target.parentDigest === undefined ? {} : { parentDigest: target.parentDigest }),
    envelopeMediaType: created.mediaType,
  }
}

/** The result row of a target skip-if-signed did not sign: the existing signature's facts. */
function skippedManifest(target: Target, existing: ExistingSignature): SignedManifest {
  const { repository, descriptor } = target
  return {
    reference: target.reference,
    repository: repository.name,
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    size: descriptor.size,
    signatureDigest: existing.signatureDigest,
    referrersMode: existing.referrersMode,
    signer: existing.signer,
    ...(existing.timestamp === undefined ? {} : { timestamp: existing.timestamp }),
    ...(target.platform === undefined ? {} : { platform: target.platform }),
    ...(target.parentDigest === undefined ? {} : { parentDigest: target.parentDigest }),
    envelopeMediaType: existing.envelopeMediaType,
    skipped: { reason: existing.reason },
  }
}

/** Signs every image; the first failure stops the run (after in-flight images finish). */
export async function signImages(
  images: string[],
  options: SignOptions,
  deps: SignDeps,
): Promise<SignedManifest[]> {
  const targets = await deps.logger.group('Resolve images', () =>
    resolveTargets(images, options, deps),
  )
  for (const t of targets) {
    deps.logger.info(
      `${t.reference}${t.platform ? ` (${t.platform})` : ''} → ${t.repository.name}@${t.descriptor.digest} (${t.descriptor.mediaType})`,
    )
  }
  const configUploads: ConfigUploads = new Map()
  return deps.logger.group(
    `Sign ${targets.length} manifest${targets.length === 1 ? '' : 's'} with ${deps.signer.description}`,
    () =>
      mapBounded(targets, options.concurrency, (t) => signTarget(t, options, deps, configUploads)),
  )
}
