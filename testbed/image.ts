/**
 * Small real images for the tests: a reproducible single-layer linux image (and a two-platform
 * index) written as an OCI layout, pushed into the test registry with skopeo (an independent
 * client). `pushLayoutRaw` pushes an OCI layout byte-for-byte (blobs, manifests by digest, tags),
 * for layouts that already contain signatures and a referrers tag index (the notation vectors).
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import type { RegistryHandle } from './registry.js'

const run = promisify(execFile)

export interface PushedImage {
  /** host/repo:tag */
  reference: string
  repository: string
  tag: string
  digest: string
  size: number
  mediaType: string
  /** For an index: its platform manifests. */
  children?: { digest: string; size: number; mediaType: string; platform: string }[]
}

const sha256 = (data: Uint8Array): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`

/** A one-file ustar archive with fixed metadata, so the digest is reproducible. */
function tarOneFile(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512, 0)
  const put = (value: string, offset: number, length: number): void => {
    header.write(value, offset, length, 'ascii')
  }
  put(name, 0, 100)
  put('0000644\0', 100, 8)
  put('0000000\0', 108, 8)
  put('0000000\0', 116, 8)
  put(content.length.toString(8).padStart(11, '0') + '\0', 124, 12)
  put('00000000000\0', 136, 12)
  put('        ', 148, 8)
  put('0', 156, 1)
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  let sum = 0
  for (const b of header) sum += b
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8)
  const padded = Buffer.alloc(Math.ceil(content.length / 512) * 512, 0)
  content.copy(padded)
  return Buffer.concat([header, padded, Buffer.alloc(1024, 0)])
}

interface Blob {
  digest: string
  bytes: Buffer
}

function imageBlobs(text: string, architecture: string): { manifest: Blob; blobs: Blob[] } {
  const tar = tarOneFile('hello.txt', Buffer.from(text + '\n'))
  const layer = gzipSync(tar, { level: 9 })
  const config = Buffer.from(
    JSON.stringify({
      architecture,
      os: 'linux',
      config: { Cmd: ['/hello.txt'] },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
    }),
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: sha256(layer),
          size: layer.length,
        },
      ],
    }),
  )
  return {
    manifest: { digest: sha256(manifest), bytes: manifest },
    blobs: [
      { digest: sha256(config), bytes: config },
      { digest: sha256(layer), bytes: layer },
    ],
  }
}

async function writeLayout(
  dir: string,
  blobs: Blob[],
  top: { digest: string; size: number; mediaType: string },
  tag: string,
): Promise<void> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
  for (const b of blobs) await writeFile(join(dir, 'blobs', 'sha256', b.digest.slice(7)), b.bytes)
  await writeFile(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ ...top, annotations: { 'org.opencontainers.image.ref.name': tag } }],
    }),
  )
}

function skopeoArgs(registry: RegistryHandle, certDir: string | undefined): string[] {
  const args = ['--dest-tls-verify=' + (registry.mode === 'plain' ? 'false' : 'true')]
  if (certDir) args.push('--dest-cert-dir', certDir)
  if (registry.username) args.push('--dest-creds', `${registry.username}:${registry.password}`)
  return args
}

async function skopeoCopy(
  registry: RegistryHandle,
  layout: string,
  tag: string,
  dest: string,
  all: boolean,
): Promise<void> {
  let certDir: string | undefined
  const env = { ...process.env }
  if (registry.caPem) {
    certDir = await mkdtemp(join(tmpdir(), 'notary-testbed-certs-'))
    await writeFile(join(certDir, 'ca.crt'), registry.caPem)
    // Go reads SSL_CERT_FILE: lets skopeo trust the token server too.
    env.SSL_CERT_FILE = join(certDir, 'ca.crt')
  }
  try {
    await run(
      'skopeo',
      [
        'copy',
        '--quiet',
        '--preserve-digests',
        ...(all ? ['--all'] : []),
        ...skopeoArgs(registry, certDir),
        `oci:${layout}:${tag}`,
        `docker://${dest}`,
      ],
      { env },
    )
  } finally {
    if (certDir) await rm(certDir, { recursive: true, force: true })
  }
}

/** Pushes a single-platform image `repo:tag` built from `text`; returns its manifest descriptor. */
export async function pushTestImage(
  registry: RegistryHandle,
  repository: string,
  tag = 'v1',
  text = 'hello from the notary testbed',
): Promise<PushedImage> {
  const dir = await mkdtemp(join(tmpdir(), 'notary-testbed-image-'))
  try {
    const { manifest, blobs } = imageBlobs(text, 'amd64')
    const top = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: manifest.digest,
      size: manifest.bytes.length,
    }
    await writeLayout(dir, [...blobs, manifest], top, tag)
    const reference = `${registry.host}/${repository}:${tag}`
    await skopeoCopy(registry, dir, tag, reference, false)
    return { reference, repository, tag, ...top }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Pushes a two-platform (linux/amd64, linux/arm64) OCI index `repo:tag`. */
export async function pushTestIndex(
  registry: RegistryHandle,
  repository: string,
  tag = 'multi',
  text = 'hello multi-arch',
  options: { withAttestation?: boolean } = {},
): Promise<PushedImage & { attestationDigest?: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'notary-testbed-index-'))
  try {
    const platforms = ['amd64', 'arm64'].map((arch) => ({
      arch,
      ...imageBlobs(`${text} ${arch}`, arch),
    }))
    const manifests: Record<string, unknown>[] = platforms.map((p) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: p.manifest.digest,
      size: p.manifest.bytes.length,
      platform: { architecture: p.arch, os: 'linux' },
    }))
    // What docker buildx adds for provenance: an unknown/unknown "attestation-manifest" entry.
    const attestation = options.withAttestation
      ? imageBlobs(`${text} provenance`, 'unknown')
      : undefined
    if (attestation) {
      manifests.push({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: attestation.manifest.digest,
        size: attestation.manifest.bytes.length,
        platform: { architecture: 'unknown', os: 'unknown' },
        annotations: {
          'vnd.docker.reference.digest': platforms[0]?.manifest.digest,
          'vnd.docker.reference.type': 'attestation-manifest',
        },
      })
    }
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests,
      }),
    )
    const top = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: sha256(index),
      size: index.length,
    }
    await writeLayout(
      dir,
      [
        ...platforms.flatMap((p) => [...p.blobs, p.manifest]),
        ...(attestation ? [...attestation.blobs, attestation.manifest] : []),
        { digest: top.digest, bytes: index },
      ],
      top,
      tag,
    )
    const reference = `${registry.host}/${repository}:${tag}`
    await skopeoCopy(registry, dir, tag, reference, true)
    return {
      reference,
      repository,
      tag,
      ...top,
      children: platforms.map((p) => ({
        digest: p.manifest.digest,
        size: p.manifest.bytes.length,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        platform: `linux/${p.arch}`,
      })),
      ...(attestation ? { attestationDigest: attestation.manifest.digest } : {}),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Pushes every blob and manifest of an OCI layout as-is into a plain-HTTP registry: blobs first,
 * then image manifests, then indexes (a registry refuses an index whose manifests it lacks),
 * each by digest, then the tags named by `org.opencontainers.image.ref.name`.
 */
export async function pushLayoutRaw(
  registry: RegistryHandle,
  repository: string,
  layoutDir: string,
): Promise<void> {
  if (registry.mode !== 'plain') throw new Error('pushLayoutRaw supports the plain registry only')
  const base = `${registry.url}/v2/${repository}`
  const index = JSON.parse(await readFile(join(layoutDir, 'index.json'), 'utf8')) as {
    manifests: { mediaType: string; digest: string; annotations?: Record<string, string> }[]
  }
  const manifestDigests = new Set(index.manifests.map((m) => m.digest))
  for (const name of await readdir(join(layoutDir, 'blobs', 'sha256'))) {
    const digest = `sha256:${name}`
    if (manifestDigests.has(digest)) continue
    const bytes = await readFile(join(layoutDir, 'blobs', 'sha256', name))
    const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST' })
    const location = new URL(start.headers.get('location') ?? '', registry.url)
    location.searchParams.set('digest', digest)
    const put = await fetch(location, {
      method: 'PUT',
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    })
    if (put.status !== 201)
      throw new Error(`blob ${digest}: HTTP ${put.status} ${await put.text()}`)
  }
  const ordered = [...index.manifests].sort(
    (a, b) => Number(a.mediaType.includes('index')) - Number(b.mediaType.includes('index')),
  )
  for (const m of ordered) {
    const bytes = await readFile(join(layoutDir, 'blobs', 'sha256', m.digest.slice(7)))
    const put = await fetch(`${base}/manifests/${m.digest}`, {
      method: 'PUT',
      body: bytes,
      headers: { 'content-type': m.mediaType },
    })
    if (put.status !== 201)
      throw new Error(`manifest ${m.digest}: HTTP ${put.status} ${await put.text()}`)
    const tag = m.annotations?.['org.opencontainers.image.ref.name']
    if (tag) {
      const tagged = await fetch(`${base}/manifests/${tag}`, {
        method: 'PUT',
        body: bytes,
        headers: { 'content-type': m.mediaType },
      })
      if (tagged.status !== 201) throw new Error(`tag ${tag}: HTTP ${tagged.status}`)
    }
  }
}
