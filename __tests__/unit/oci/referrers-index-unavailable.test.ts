/**
 * The referrers index write when a PUT's outcome is unknown (a reset after the registry applied
 * it, or a 5xx): the writer re-reads and merges instead of replaying the PUT, and gives up after a
 * bounded number of such failures.
 */
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/log.js'
import type { Descriptor } from '../../../src/oci/descriptor.js'
import { digestOf } from '../../../src/oci/digest.js'
import { RegistryError } from '../../../src/oci/errors.js'
import { addToReferrersIndex, type TagIndexStore } from '../../../src/oci/referrers-index.js'

const entry = (i: number): Descriptor => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${i.toString(16).padStart(64, '0')}`,
  size: 100 + i,
  artifactType: 'application/vnd.cncf.notary.signature',
})

const options = { logger: silentLogger, sleep: async () => {}, tag: 'repo:sha256-x' }

function store(failWrites: (n: number) => 'landed-but-lost' | 'failed' | 'ok'): {
  store: TagIndexStore
  state: { tag?: string; manifests: Map<string, Descriptor[]>; writes: number; removed: string[] }
} {
  const state = {
    manifests: new Map<string, Descriptor[]>(),
    writes: 0,
    removed: [] as string[],
  } as { tag?: string; manifests: Map<string, Descriptor[]>; writes: number; removed: string[] }
  return {
    state,
    store: {
      async read() {
        const m = state.tag === undefined ? undefined : state.manifests.get(state.tag)
        return m === undefined ? undefined : { digest: state.tag as string, manifests: [...m] }
      },
      async tagListed() {
        return state.tag !== undefined
      },
      async write(bytes) {
        const outcome = failWrites(++state.writes)
        const unavailable = new RegistryError('REGISTRY_UNAVAILABLE', 'could not be reached')
        if (outcome === 'failed') throw unavailable
        const digest = digestOf(bytes)
        const { manifests } = JSON.parse(new TextDecoder().decode(bytes)) as {
          manifests: Descriptor[]
        }
        state.manifests.set(digest, manifests)
        state.tag = digest
        if (outcome === 'landed-but-lost') throw unavailable
        return digest
      },
      async remove(digest) {
        state.removed.push(digest)
        if (!state.manifests.delete(digest)) throw new RegistryError('REGISTRY_NOT_FOUND', 'gone')
      },
    },
  }
}

describe('addToReferrersIndex with writes of unknown outcome', () => {
  it('re-reads after a write whose response was lost, and does not write it again', async () => {
    const { store: s, state } = store((n) => (n === 1 ? 'landed-but-lost' : 'ok'))
    const result = await addToReferrersIndex(s, [entry(1)], options)
    expect(result).toMatchObject({ written: true, warnings: [] })
    expect(state.writes).toBe(1)
    expect(state.manifests.get(state.tag as string)?.map((d) => d.digest)).toEqual([
      entry(1).digest,
    ])
    expect(state.removed).not.toContain(state.tag)
  })

  it('writes again after a write that did not land', async () => {
    const { store: s, state } = store((n) => (n === 1 ? 'failed' : 'ok'))
    const result = await addToReferrersIndex(s, [entry(1)], options)
    expect(result.written).toBe(true)
    expect(state.writes).toBe(2)
    expect(state.tag).toBe(result.indexDigest)
  })

  it('gives up with REGISTRY_UNAVAILABLE after a bounded number of failed writes', async () => {
    const { store: s, state } = store(() => 'failed')
    await expect(addToReferrersIndex(s, [entry(1)], options)).rejects.toMatchObject({
      code: 'REGISTRY_UNAVAILABLE',
    })
    expect(state.writes).toBeLessThanOrEqual(4)
  })
})
