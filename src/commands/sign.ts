/**
 * Signing orchestration: resolve each reference to a digest, sign each manifest (and, with
 * `recursive`, each platform manifest of an index), push the envelope, the signature manifest and
 * the referrer record, in bounded parallel. Each image goes through on its own (a pipeline, no
 * barrier): its signing starts as soon as its own tag is resolved.
 *
 * Only what depends on something waits for it. While the envelope is being signed and
 * timestamped, the registry is asked whether the `{}` config blob is there and whether it has the
 * Referrers API, and the upload sessions the blobs will go into are opened (so each upload after
 * signing is one PUT, not a POST and a PUT). Nothing is written to the registry before every check
 * that can fail without it has passed (issue 11 item 6): the envelope is complete (signed, chain
 * checked, timestamp verified) and, with `referrers: api`, the API is known to exist. An open
 * upload session is not content (nothing can be pulled, listed or referred to through it), and one
 * left unused by a failure is cancelled. Then the envelope and config blobs (in parallel), then the
 * signature manifest, and only then the referrers index, which therefore only ever lists manifests
 * that exist.
 */
import { createSignatureEnvelope } from '../envelope/sign.js'
import { ActionError } from '../errors.js'
import type { Logger } from '../log.js'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../notary/constants.js'
import { buildSignatureManifest, type SignatureManifestForm } from '../notary/manifest.js'
import { buildPayload } from '../notary/payload.js'
import type { BlobUpload, ReferrersMode, RegistryClient, Repository } from '../oci/client.js'
import type { Descriptor } from '../oci/descriptor.js'
import { toImageIndex } from '../oci/manifest.js'
import { parseReference } from '../oci/reference.js'
import type { Signer } from '../signer/signer.js'
import { parseTimestampToken, parseTstInfo } from '../timestamp/token.js'
import type { Timestamper } from '../timestamp/types.js'
import { trustAnchorOf } from '../x509/anchor.js'
import { policySubject } from '../x509/dn.js'
import { createLimiter, type Limiter } from './pool.js'
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
  /**
   * The signer, or its promise: a job starts resolving images while the signer is still being
   * created (the Azure modules load, an identity is set up), and each image waits for it only
   * when it has to sign.
   */
  signer: Signer | Promise<Signer>
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

/** Leaf subject as a trust policy's `x509.subject` takes it, e.g. "C=US, ST=WA, O=Example". */
export function subjectOf(der: Uint8Array): string {
  return policySubject(der)
}

function trustAnchorsOf(
  chain: readonly Uint8Array[],
  token: Uint8Array | undefined,
): SignedManifest['trustAnchors'] {
  const signing = trustAnchorOf(chain)
  const timestamp =
    token === undefined ? undefined : trustAnchorOf(parseTimestampToken(token).certificates)
  return { ...(signing ? { signing } : {}), ...(timestamp ? { timestamp } : {}) }
}

function genTimeOf(token: Uint8Array): string {
  const info = parseTstInfo(parseTimestampToken(token).eContent)
  return info.genTime.toISOString()
}

/** One image reference → what to sign: its manifest, and with `recursive` an index's children. */
async function resolveImage(
  image: string,
  options: SignOptions,
  deps: SignDeps,
): Promise<Target[]> {
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
  for (const t of targets) {
    deps.logger.info(
      `${t.reference}${t.platform ? ` (${t.platform})` : ''} → ${t.repository.name}@${t.descriptor.digest} (${t.descriptor.mediaType})`,
    )
  }
  return targets
}

/** The same manifest named twice (two tags, or a tag and its digest) is signed once. */
const targetKey = (t: Target): string => `${t.repository.name}@${t.descriptor.digest}`

/**
 * The `{}` config blob of each repository, once per run: a HEAD while the first envelope is being
 * signed (a read) and, when it is missing, an upload session opened right away; after signing, the
 * upload into it.
 */
interface ConfigBlob {
  present: Promise<boolean>
  /** The session opened when the HEAD found no blob; taken by the first upload. */
  session?: Promise<BlobUpload | undefined>
  uploaded?: Promise<unknown>
}
type ConfigBlobs = Map<string, ConfigBlob>

function checkConfigBlob(repository: Repository, blobs: ConfigBlobs): ConfigBlob {
  let blob = blobs.get(repository.name)
  if (blob === undefined) {
    // A failed HEAD just means "upload it".
    const present = repository.blobExists(EMPTY_CONFIG.digest).catch(() => false)
    blob = {
      present,
      session: present.then((there) => (there ? undefined : repository.startUpload())),
    }
    blobs.set(repository.name, blob)
  }
  return blob
}

/** Cancels the config blob's session when no upload took it (the job failed first). */
async function cancelConfigSessions(blobs: ConfigBlobs): Promise<void> {
  await Promise.all(
    [...blobs.values()].map(async (blob) => {
      const session = blob.session
      blob.session = undefined
      await (await session)?.cancel()
    }),
  )
}

function ensureConfigBlob(repository: Repository, blob: ConfigBlob): Promise<unknown> {
  if (blob.uploaded === undefined) {
    const session = blob.session
    blob.session = undefined
    const uploaded = blob.present.then(async (present) => {
      if (present) return undefined
      const opened = await session
      return opened === undefined
        ? repository.pushBlob(EMPTY_CONFIG.bytes, {
            mediaType: MEDIA_TYPE.notarySignature,
            checkExists: false,
          })
        : opened.push(EMPTY_CONFIG.bytes, { mediaType: MEDIA_TYPE.notarySignature })
    })
    // A failed upload is retried by the next image rather than remembered.
    uploaded.catch(() => {
      if (blob.uploaded === uploaded) blob.uploaded = undefined
    })
    blob.uploaded = uploaded
  }
  return blob.uploaded
}

/** What every target of one signImages call shares. */
interface SignRun {
  configBlobs: ConfigBlobs
  /** The bounded pool's `idle`: deliberate waits give the target's slot to another meanwhile. */
  whileWaiting: <T>(wait: () => Promise<T>) => Promise<T>
}

async function signTarget(
  target: Target,
  options: SignOptions,
  deps: SignDeps,
  run: SignRun,
): Promise<SignedManifest> {
  const { configBlobs } = run
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
  // What the pushes below need, made while the envelope is signed and timestamped: reads, and the
  // envelope's upload session (cancelled below if the envelope never comes).
  const referrersReady = repository.prepareReferrers(options.referrers)
  referrersReady.catch(() => undefined)
  const configBlob = checkConfigBlob(repository, configBlobs)
  const envelopeUpload = repository.startUpload()
  try {
    return await signAndPush(target, label, subject, signingTime, options, deps, {
      referrersReady,
      configBlob,
      envelopeUpload,
      whileWaiting: run.whileWaiting,
    })
  } finally {
    // A no-op once the envelope went into it.
    await envelopeUpload.cancel()
  }
}

/** What signTarget set going before signing, for the pushes after it. */
interface PreparedPush {
  referrersReady: Promise<void>
  configBlob: ConfigBlob
  envelopeUpload: BlobUpload
  whileWaiting: SignRun['whileWaiting']
}

async function signAndPush(
  target: Target,
  label: string,
  subject: Descriptor,
  signingTime: Date,
  options: SignOptions,
  deps: SignDeps,
  prepared: PreparedPush,
): Promise<SignedManifest> {
  const { repository } = target
  const { referrersReady, configBlob, envelopeUpload, whileWaiting } = prepared
  const payload = buildPayload(subject, options.userMetadata)
  const created = await createSignatureEnvelope({
    format: options.format,
    payload,
    signer: await deps.signer,
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
  // The last check that needs no write: with `referrers: api`, the registry must have the API.
  await referrersReady
  // The envelope is new (its signature and signing time are), so no HEAD asks whether it exists.
  const [envelope] = await Promise.all([
    envelopeUpload.push(created.envelope, { mediaType: created.mediaType }),
    ensureConfigBlob(repository, configBlob),
  ])
  const manifest = buildSignatureManifest({
    form: options.manifestForm,
    envelope: { mediaType: created.mediaType, digest: envelope.digest, size: envelope.size },
    subject,
    certificateChain: created.certificateChain,
    signingTime: created.signingTime,
  })
  const pushed = await repository.pushReferrer(
    { manifest: manifest.bytes, mediaType: MEDIA_TYPE.ociManifest },
    // The tag index's settle waits without holding a slot another image could use.
    { mode: options.referrers, whileWaiting },
  )
  for (const warning of pushed.warnings)
    deps.logger.warning(`${label}: ${warning}`, { title: 'Referrers' })
  deps.logger.info(
    `${label}: signed; signature manifest ${pushed.descriptor.digest} recorded via ${pushed.via === 'api' ? 'the Referrers API' : `the referrers tag index`}${timestamp ? `, timestamped ${timestamp}` : ''}`,
  )
  return {
    ...targetFields(target),
    signatureDigest: pushed.descriptor.digest,
    referrersMode: pushed.via,
    signer,
    trustAnchors: trustAnchorsOf(created.certificateChain, created.timestampToken),
    ...(timestamp === undefined ? {} : { timestamp }),
    envelopeMediaType: created.mediaType,
  }
}

/** The fields of a result row that describe the target itself, signed or skipped. */
function targetFields(
  target: Target,
): Pick<
  SignedManifest,
  'reference' | 'repository' | 'digest' | 'mediaType' | 'size' | 'platform' | 'parentDigest'
> {
  const { repository, descriptor } = target
  return {
    reference: target.reference,
    repository: repository.name,
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    size: descriptor.size,
    ...(target.platform === undefined ? {} : { platform: target.platform }),
    ...(target.parentDigest === undefined ? {} : { parentDigest: target.parentDigest }),
  }
}

/** The result row of a target skip-if-signed did not sign: the existing signature's facts. */
function skippedManifest(target: Target, existing: ExistingSignature): SignedManifest {
  return {
    ...targetFields(target),
    signatureDigest: existing.signatureDigest,
    referrersMode: existing.referrersMode,
    signer: existing.signer,
    ...(existing.timestamp === undefined ? {} : { timestamp: existing.timestamp }),
    envelopeMediaType: existing.envelopeMediaType,
    // Not known without decoding the existing envelope again; the hint uses the signed ones.
    trustAnchors: {},
    skipped: { reason: existing.reason },
  }
}

/**
 * Signs every image; the first failure stops the run (after in-flight work finishes). Results
 * follow the order of `images` (an index's children after it), each manifest once.
 */
export async function signImages(
  images: string[],
  options: SignOptions,
  deps: SignDeps,
): Promise<SignedManifest[]> {
  const signer = Promise.resolve(deps.signer)
  signer.catch(() => undefined)
  return deps.logger.group(
    `Sign ${images.length} image${images.length === 1 ? '' : 's'}`,
    async () => {
      void signer
        .then((s) => deps.logger.info(`signing with ${s.description}`))
        .catch(() => undefined)
      try {
        return await signPipelined(images, options, { ...deps, signer })
      } catch (err) {
        // A signer that cannot be created is the job's first problem, as when it was created
        // before any image was resolved: its error wins over a registry failure that came sooner.
        await signer
        throw err
      }
    },
  )
}

async function signPipelined(
  images: string[],
  options: SignOptions,
  deps: SignDeps,
): Promise<SignedManifest[]> {
  const limiter: Limiter = createLimiter(options.concurrency)
  const configBlobs: ConfigBlobs = new Map()
  const run: SignRun = { configBlobs, whileWaiting: (wait) => limiter.idle(wait) }
  const signing = new Map<string, Promise<SignedManifest>>()
  const resolving = images.map((image) =>
    limiter
      .run(() => resolveImage(image, options, deps))
      .then((targets) => {
        for (const target of targets) {
          const key = targetKey(target)
          if (signing.has(key)) continue
          // Ahead of resolutions still waiting: an image in hand is finished before new ones start.
          const signed = limiter.run(() => signTarget(target, options, deps, run), {
            first: true,
          })
          signed.catch(() => undefined)
          signing.set(key, signed)
        }
        return targets
      }),
  )
  const resolved = await Promise.allSettled(resolving)
  await Promise.allSettled(signing.values())
  try {
    await limiter.settled()
  } finally {
    await cancelConfigSessions(configBlobs)
  }
  const results: SignedManifest[] = []
  const seen = new Set<string>()
  for (const outcome of resolved) {
    if (outcome.status === 'rejected') throw outcome.reason
    for (const target of outcome.value) {
      const key = targetKey(target)
      if (seen.has(key)) continue
      seen.add(key)
      results.push(await (signing.get(key) as Promise<SignedManifest>))
    }
  }
  return results
}
