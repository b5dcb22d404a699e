/**
 * The registry client against the real distribution 2.8.2 (testbed) in its three auth modes: plain
 * HTTP, HTTPS + Basic, HTTPS + Bearer tokens. Distribution 2.8 has no Referrers API, so every
 * referrer goes through the referrers tag schema here; the bytes are checked with an independent
 * reader (fetch + curl-like GETs through skopeo-pushed images).
 */
import { describe, expect, it } from 'vitest'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../../../src/notary/constants.js'
import { createTransport } from '../../../src/net/transport.js'
import { createRegistryClient } from '../../../src/oci/client.js'
import { RegistryError } from '../../../src/oci/errors.js'
import { referrersTag, toImageIndex } from '../../../src/oci/manifest.js'
import { pushTestImage, pushTestIndex } from '../../../testbed/image.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { testbed } from '../../helpers/testbed.js'
import { clientFor, fakeEnvelope, signatureManifest, uniqueRepo, type Form } from './fixtures.js'

const MODES = ['plain', 'basic', 'token'] as const

function handle(mode: (typeof MODES)[number]): RegistryHandle {
  return { ...testbed().registries[mode], stateDir: '', stop: async () => {} } as RegistryHandle
}

describe.each(MODES)('distribution 2.8 in %s mode', (mode) => {
  it('resolves by tag and by digest, and fetches the manifest byte-exact', async () => {
    const reg = testbed().registries[mode]
    const repoName = uniqueRepo(`resolve-${mode}`)
    const image = await pushTestImage(handle(mode), repoName, 'v1')
    const { client, events } = clientFor(reg)
    const repo = client.repository(`${reg.host}/${repoName}:v1`)

    const byTag = await repo.resolve()
    expect(byTag).toEqual({
      mediaType: MEDIA_TYPE.ociManifest,
      digest: image.digest,
      size: image.size,
    })
    const byDigest = await repo.resolve(image.digest)
    expect(byDigest).toEqual(byTag)
    expect(
      events.filter((e) => e.method === 'HEAD' && e.url.endsWith(`/manifests/${image.digest}`)),
    ).toHaveLength(1)

    const fetched = await repo.fetchManifest(byDigest)
    expect(fetched.descriptor).toEqual(byDigest)
    expect(fetched.json.mediaType).toBe(MEDIA_TYPE.ociManifest)
    const config = fetched.json.config as { digest: string; size: number; mediaType: string }
    const blob = await repo.fetchBlob(config)
    expect(blob.byteLength).toBe(config.size)
  })

  it('resolves a multi-platform index with the index media type', async () => {
    const reg = testbed().registries[mode]
    const repoName = uniqueRepo(`index-${mode}`)
    const index = await pushTestIndex(handle(mode), repoName)
    const { client } = clientFor(reg)
    const desc = await client.repository(`${reg.host}/${repoName}:multi`).resolve()
    expect(desc).toEqual({ mediaType: MEDIA_TYPE.ociIndex, digest: index.digest, size: index.size })
  })

  it.each(['A', 'B'] as Form[])(
    'pushes a Form %s signature, indexes it under the referrers tag, and lists it',
    async (form) => {
      const reg = testbed().registries[mode]
      const repoName = uniqueRepo(`sig-${mode}-${form}`)
      await pushTestImage(handle(mode), repoName, 'v1')
      const { client } = clientFor(reg)
      const repo = client.repository(`${reg.host}/${repoName}:v1`)
      const subject = await repo.resolve()

      // The empty config blob must exist before the manifest (testbed-facts §1 (a)).
      const config = await repo.pushBlob(EMPTY_CONFIG.bytes, { mediaType: MEDIA_TYPE.ociEmpty })
      expect(config.digest).toBe(EMPTY_CONFIG.digest)
      const envelope = fakeEnvelope()
      const layer = await repo.pushBlob(envelope, { mediaType: MEDIA_TYPE.cose })
      const manifest = signatureManifest(subject, envelope, form)

      const pushed = await repo.pushReferrer({ manifest })
      expect(pushed.via).toBe('tag')
      expect(pushed.warnings).toEqual([])

      // The bytes are stored exactly (testbed-facts §1 (d)).
      const back = await repo.fetchManifest(pushed.descriptor.digest)
      expect(Buffer.from(back.bytes).equals(Buffer.from(manifest))).toBe(true)
      expect(await repo.fetchBlob({ ...layer })).toEqual(envelope)

      const listed = await repo.listReferrers(subject, { artifactType: MEDIA_TYPE.notarySignature })
      expect(listed.via).toBe('tag')
      expect(listed.descriptors).toHaveLength(1)
      expect(listed.descriptors[0]).toMatchObject({
        mediaType: MEDIA_TYPE.ociManifest,
        digest: pushed.descriptor.digest,
        size: manifest.byteLength,
        artifactType: MEDIA_TYPE.notarySignature,
      })
      // The index is an OCI index under sha256-<hex>.
      const index = await repo.fetchManifest(referrersTag(subject.digest))
      expect(index.descriptor.mediaType).toBe(MEDIA_TYPE.ociIndex)
      expect(toImageIndex(index.json).manifests.map((m) => m.digest)).toEqual([
        pushed.descriptor.digest,
      ])
    },
  )

  it('updates the tag index for a second signature and deletes the old index by digest', async () => {
    const reg = testbed().registries[mode]
    const repoName = uniqueRepo(`update-${mode}`)
    await pushTestImage(handle(mode), repoName, 'v1')
    const { client, events } = clientFor(reg)
    const repo = client.repository(`${reg.host}/${repoName}:v1`)
    const subject = await repo.resolve()
    await repo.pushBlob(EMPTY_CONFIG.bytes)

    const digests: string[] = []
    const indexes: string[] = []
    for (const form of ['A', 'B'] as Form[]) {
      const envelope = fakeEnvelope()
      await repo.pushBlob(envelope, { mediaType: MEDIA_TYPE.cose })
      const r = await repo.pushReferrer(
        { manifest: signatureManifest(subject, envelope, form) },
        { mode: 'tag' },
      )
      expect(r.warnings).toEqual([])
      digests.push(r.descriptor.digest)
      indexes.push(r.indexDigest as string)
    }
    const listed = await repo.listReferrers(subject, {
      artifactType: MEDIA_TYPE.notarySignature,
      mode: 'tag',
    })
    expect(listed.descriptors.map((d) => d.digest)).toEqual(digests)

    // The first index was deleted (202) once the second replaced it; the current one is intact.
    expect(
      events.some(
        (e) =>
          e.method === 'DELETE' && e.url.endsWith(`/manifests/${indexes[0]}`) && e.status === 202,
      ),
    ).toBe(true)
    await expect(repo.fetchManifest(indexes[0] as string)).rejects.toMatchObject({
      code: 'REGISTRY_NOT_FOUND',
      status: 404,
    })
    expect((await repo.fetchManifest(indexes[1] as string)).descriptor.digest).toBe(indexes[1])

    // Pushing the same signature again changes nothing.
    const again = await repo.listReferrers(subject, { mode: 'auto' })
    expect(again.descriptors).toHaveLength(2)
  })

  it('takes a blob into an upload session opened ahead of it, and cancels an unused one', async () => {
    const reg = testbed().registries[mode]
    const repoName = uniqueRepo(`ahead-${mode}`)
    await pushTestImage(handle(mode), repoName, 'v1')
    const { client, events } = clientFor(reg)
    const repo = client.repository(`${reg.host}/${repoName}:v1`)
    await repo.resolve()
    const envelope = fakeEnvelope()
    const ahead = repo.startUpload()
    const unused = repo.startUpload()
    const pushed = await ahead.push(envelope, { mediaType: MEDIA_TYPE.cose })
    expect(await repo.fetchBlob(pushed)).toEqual(envelope)
    await unused.cancel()
    const uploadEvents = events
      .filter((e) => e.url.includes('/blobs/uploads/'))
      .map((e) => `${e.method} ${e.status}`)
    // Two sessions opened; one PUT into the first (201); the second cancelled (204), after a
    // token with delete scope in token mode (distribution asks `delete` to cancel an upload).
    expect(uploadEvents.filter((e) => e.startsWith('POST'))).toEqual(['POST 202', 'POST 202'])
    expect(uploadEvents.filter((e) => e.startsWith('PUT'))).toEqual(['PUT 201'])
    expect(uploadEvents.filter((e) => e.startsWith('DELETE')).at(-1)).toBe('DELETE 204')
  })

  it('reports a missing tag as REGISTRY_NOT_FOUND and names the reference', async () => {
    const reg = testbed().registries[mode]
    const { client } = clientFor(reg)
    const repoName = uniqueRepo(`missing-${mode}`)
    const err = await client
      .repository(`${reg.host}/${repoName}:nope`)
      .resolve()
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect(err).toMatchObject({ code: 'REGISTRY_NOT_FOUND', status: 404 })
    expect((err as Error).message).toContain(`${reg.host}/${repoName}:nope`)
  })
})

describe('auth against the testbed', () => {
  it.each(['basic', 'token'] as const)(
    '%s: no credentials gives REGISTRY_AUTH with a remedy',
    async (mode) => {
      const reg = testbed().registries[mode]
      const client = createRegistryClient({ transport: createTransport({ baseDelayMs: 10 }) })
      const err = await client
        .repository(`${reg.host}/oci-it/anything:v1`)
        .resolve()
        .catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'REGISTRY_AUTH' })
      expect((err as RegistryError).remedy ?? '').toMatch(/log in|credentials/)
    },
  )

  it.each(['basic', 'token'] as const)(
    '%s: wrong password gives REGISTRY_AUTH without leaking it',
    async (mode) => {
      const reg = testbed().registries[mode]
      const { client } = clientFor({ ...reg, password: 'wrong-secret-value' })
      const err = await client
        .repository(`${reg.host}/oci-it/anything:v1`)
        .resolve()
        .catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'REGISTRY_AUTH' })
      expect(
        JSON.stringify({ m: (err as Error).message, c: String((err as Error).cause) }),
      ).not.toContain('wrong-secret-value')
    },
  )

  it('token: caches one token per scope set and asks for delete only to delete', async () => {
    const reg = testbed().registries.token
    const repoName = uniqueRepo('tokens')
    await pushTestImage(handle('token'), repoName, 'v1')
    const { client, events } = clientFor(reg)
    const repo = client.repository(`${reg.host}/${repoName}:v1`)
    const subject = await repo.resolve()
    await repo.resolve()
    await repo.pushBlob(EMPTY_CONFIG.bytes)
    for (let i = 0; i < 2; i++) {
      const envelope = fakeEnvelope()
      await repo.pushBlob(envelope)
      await repo.pushReferrer({ manifest: signatureManifest(subject, envelope, 'B') })
    }
    const tokenCalls = events.filter((e) => e.url.startsWith(reg.tokenServerUrl as string))
    // pull (resolve), pull+push (push flow), delete (old index): three tokens, each fetched once.
    expect(tokenCalls).toHaveLength(3)
    expect(events.filter((e) => e.status === 401).length).toBeLessThanOrEqual(3)
  })
})
