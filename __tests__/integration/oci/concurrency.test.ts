/**
 * A matrix of jobs signing one image at once, on distribution 2.8 (no Referrers API, If-Match
 * ignored): every signature must end up in the referrers tag index, and the tag must survive the
 * deletions of superseded indexes.
 */
import { describe, expect, it } from 'vitest'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../../../src/notary/constants.js'
import { pushTestImage } from '../../../testbed/image.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { testbed } from '../../helpers/testbed.js'
import { clientFor, fakeEnvelope, signatureManifest, uniqueRepo } from './fixtures.js'

describe.each(['plain', 'token'] as const)(
  '8 concurrent signers on distribution 2.8 (%s)',
  (mode) => {
    it('lists all 8 signatures afterwards (tag mode)', async () => {
      const reg = testbed().registries[mode]
      const repoName = uniqueRepo(`matrix-${mode}`)
      const image = await pushTestImage(
        { ...reg, stateDir: '', stop: async () => {} } as RegistryHandle,
        repoName,
        'v1',
      )
      const ref = `${reg.host}/${repoName}:v1`

      const jobs = Array.from({ length: 8 }, async (_, i) => {
        // One client per job: no shared caches, as on separate runners.
        const { client } = clientFor(reg, { tagIndexSettleMs: 40 })
        const repo = client.repository(ref)
        const subject = await repo.resolve()
        await repo.pushBlob(EMPTY_CONFIG.bytes)
        const envelope = fakeEnvelope()
        await repo.pushBlob(envelope, { mediaType: MEDIA_TYPE.cose })
        const manifest = signatureManifest(subject, envelope, i % 2 === 0 ? 'A' : 'B')
        return repo.pushReferrer({ manifest }, { mode: 'tag' })
      })
      const results = await Promise.all(jobs)
      expect(results.every((r) => r.via === 'tag')).toBe(true)

      const { client } = clientFor(reg)
      const repo = client.repository(ref)
      const listed = await repo.listReferrers(image.digest, {
        artifactType: MEDIA_TYPE.notarySignature,
        mode: 'tag',
      })
      expect(new Set(listed.descriptors.map((d) => d.digest))).toEqual(
        new Set(results.map((r) => r.descriptor.digest)),
      )
      expect(listed.descriptors).toHaveLength(8)
      // The surviving index is one some writer reported, and the signatures are all fetchable.
      const current = await repo.resolve(`sha256-${image.digest.slice(7)}`)
      expect(results.map((r) => r.indexDigest)).toContain(current.digest)
      for (const r of results) await repo.fetchManifest(r.descriptor)
    })
  },
)
