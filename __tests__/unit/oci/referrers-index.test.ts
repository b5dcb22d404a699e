/**
 * The concurrent-safe referrers tag index write, against an in-memory store that behaves like
 * distribution 2.8: last PUT wins, If-Match optional, and DELETE by digest also removes every tag
 * pointing at that digest (so deleting the current index would lose every signature).
 */
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/log.js'
import type { Descriptor } from '../../../src/oci/descriptor.js'
import { digestOf } from '../../../src/oci/digest.js'
import { RegistryError } from '../../../src/oci/errors.js'
import { encodeReferrersIndex } from '../../../src/oci/manifest.js'
import { addToReferrersIndex, type TagIndexStore } from '../../../src/oci/referrers-index.js'

interface MemoryRegistry {
  tag?: string
  manifests: Map<string, Descriptor[]>
  deletesOfCurrent: number
  writes: number
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function memoryStore(
  reg: MemoryRegistry,
  opts: { latency?: () => number; etags?: boolean; removeFails?: RegistryError } = {},
): TagIndexStore {
  const latency = opts.latency ?? (() => 0)
  return {
    async read() {
      await wait(latency())
      const digest = reg.tag
      const manifests = digest === undefined ? undefined : reg.manifests.get(digest)
      if (digest === undefined || manifests === undefined) return undefined
      return { digest, manifests: [...manifests], ...(opts.etags ? { etag: `"${digest}"` } : {}) }
    },
    async tagListed() {
      await wait(latency())
      return reg.tag !== undefined
    },
    async write(bytes, ifMatch) {
      await wait(latency())
      if (opts.etags && ifMatch !== undefined && ifMatch !== `"${reg.tag}"`) {
        throw new RegistryError('REGISTRY_CONFLICT', 'precondition failed', { status: 412 })
      }
      const digest = digestOf(bytes)
      const { manifests } = JSON.parse(new TextDecoder().decode(bytes)) as {
        manifests: Descriptor[]
      }
      reg.manifests.set(digest, manifests)
      reg.tag = digest
      reg.writes++
      return digest
    },
    async remove(digest) {
      await wait(latency())
      if (opts.removeFails) throw opts.removeFails
      if (!reg.manifests.delete(digest))
        throw new RegistryError('REGISTRY_NOT_FOUND', 'gone', { status: 404 })
      if (reg.tag === digest) {
        reg.deletesOfCurrent++
        reg.tag = undefined // distribution untags every tag of a deleted manifest
      }
    },
  }
}

const entry = (i: number): Descriptor => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${i.toString(16).padStart(64, '0')}`,
  size: 100 + i,
  artifactType: 'application/vnd.cncf.notary.signature',
})

const options = { logger: silentLogger, sleep: wait, tag: 'repo:sha256-x', minSettleMs: 8 }

describe('addToReferrersIndex', () => {
  it('creates the index, then appends and deletes the index it replaced', async () => {
    const reg: MemoryRegistry = { manifests: new Map(), deletesOfCurrent: 0, writes: 0 }
    const store = memoryStore(reg)
    const first = await addToReferrersIndex(store, [entry(1)], options)
    expect(first).toMatchObject({ written: true, deleted: [], warnings: [] })
    const second = await addToReferrersIndex(store, [entry(2)], options)
    expect(second.deleted).toEqual([first.indexDigest])
    expect(reg.tag).toBe(second.indexDigest)
    expect(reg.manifests.get(reg.tag as string)?.map((d) => d.digest)).toEqual([
      entry(1).digest,
      entry(2).digest,
    ])
    expect([...reg.manifests.keys()]).toEqual([second.indexDigest])
  })

  it('writes nothing when the entry is already listed', async () => {
    const reg: MemoryRegistry = { manifests: new Map(), deletesOfCurrent: 0, writes: 0 }
    const store = memoryStore(reg)
    await addToReferrersIndex(store, [entry(1)], options)
    const writes = reg.writes
    expect(await addToReferrersIndex(store, [entry(1)], options)).toMatchObject({ written: false })
    expect(reg.writes).toBe(writes)
  })

  it('turns a failed delete into a warning (GHCR answers 405)', async () => {
    const reg: MemoryRegistry = { manifests: new Map(), deletesOfCurrent: 0, writes: 0 }
    await addToReferrersIndex(memoryStore(reg), [entry(1)], options)
    const denied = new RegistryError('REGISTRY_DELETE', 'deleting manifest: HTTP 405', {
      status: 405,
    })
    const result = await addToReferrersIndex(
      memoryStore(reg, { removeFails: denied }),
      [entry(2)],
      options,
    )
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(
      /removal of outdated referrers index sha256:[0-9a-f]{64} .*failed.*HTTP 405/,
    )
    expect(reg.manifests.get(reg.tag as string)).toHaveLength(2)
  })

  it.each([
    ['without ETags (distribution 2.8)', false],
    ['with ETags and If-Match', true],
  ])('loses no entry with 12 overlapping writers, %s', async (_name, etags) => {
    for (let run = 0; run < 5; run++) {
      const reg: MemoryRegistry = { manifests: new Map(), deletesOfCurrent: 0, writes: 0 }
      // A pre-existing index (one earlier signature).
      await addToReferrersIndex(memoryStore(reg), [entry(0)], options)
      const store = memoryStore(reg, { latency: () => Math.random() * 4, etags })
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => addToReferrersIndex(store, [entry(i + 1)], options)),
      )
      const listed = new Set(reg.manifests.get(reg.tag as string)?.map((d) => d.digest))
      expect(listed.size).toBe(13)
      for (let i = 0; i <= 12; i++) expect(listed.has(entry(i).digest)).toBe(true)
      expect(reg.deletesOfCurrent).toBe(0)
      expect(results.every((r) => r.warnings.length === 0)).toBe(true)
    }
  })

  it('confirms only an unchanged index: an entry dropped and restored between two reads is not safe', async () => {
    // The interleaving seen under load, scripted: our PUT's 201 is the first observation (the tag
    // held our bytes); then writer A drops us (a stale PUT), writer B restores us, and writer C
    // reads the gap and has its PUT in flight. The next read lists us again, under another digest.
    // Stopping there would let C's PUT drop us after we finished; waiting for the same digest twice
    // sees it land and repairs (and, never shrinking, also restores B's entry that C dropped).
    const reg: MemoryRegistry = { manifests: new Map(), deletesOfCurrent: 0, writes: 0 }
    const base = memoryStore(reg)
    await addToReferrersIndex(base, [entry(0)], options)
    const put = (entries: Descriptor[]): string =>
      (reg.tag = digestOf(encodeReferrersIndex(entries)))
    const putIndex = (entries: Descriptor[]): void => {
      reg.manifests.set(put(entries), entries)
    }
    let reads = 0
    let staleWriterC: Descriptor[] | undefined
    const scripted: TagIndexStore = {
      ...base,
      async read() {
        reads++
        if (reads === 2) {
          putIndex([entry(0), entry(2)]) // A: read before our write, PUT after it
          staleWriterC = [entry(0), entry(2), entry(3)] // C reads the gap, PUT pending
          putIndex([entry(0), entry(2), entry(1), entry(4)]) // B had our entry: restores it
        }
        if (reads === 3) landStaleWrite()
        return base.read()
      },
    }
    const landStaleWrite = (): void => {
      if (staleWriterC) putIndex(staleWriterC)
      staleWriterC = undefined
    }
    const result = await addToReferrersIndex(scripted, [entry(1)], options)
    landStaleWrite() // if we stopped before it landed, it lands now
    const listed = reg.manifests.get(reg.tag as string)?.map((d) => d.digest)
    expect(listed).toEqual([entry(0), entry(2), entry(3), entry(4), entry(1)].map((d) => d.digest))
    expect(result.indexDigest).toBe(reg.tag)
  })

  it('gives up with REGISTRY_PUSH when the index keeps changing, even while it lists the entry', async () => {
    const reg: MemoryRegistry = { manifests: new Map(), deletesOfCurrent: 0, writes: 0 }
    const inner = memoryStore(reg)
    let churn = 100
    const busy: TagIndexStore = {
      ...inner,
      async read() {
        const state = await inner.read()
        if (state === undefined) return state
        // another writer appends one more signature before every read
        const manifests = [...state.manifests, entry(churn++)]
        const digest = digestOf(encodeReferrersIndex(manifests))
        reg.manifests.set(digest, manifests)
        reg.tag = digest
        return { digest, manifests }
      },
    }
    await expect(
      addToReferrersIndex(busy, [entry(1)], { ...options, maxRounds: 6 }),
    ).rejects.toMatchObject({ code: 'REGISTRY_PUSH', message: /could not confirm as stable/ })
    expect(reg.manifests.get(reg.tag as string)?.map((d) => d.digest)).toContain(entry(1).digest)
  })

  it('gives up with REGISTRY_PUSH when another writer keeps dropping the entry', async () => {
    const reg: MemoryRegistry = { manifests: new Map(), deletesOfCurrent: 0, writes: 0 }
    const inner = memoryStore(reg)
    const hostile: TagIndexStore = {
      ...inner,
      async write(bytes, ifMatch) {
        const d = await inner.write(bytes, ifMatch)
        reg.tag = undefined // someone resets it right after every write
        return d
      },
    }
    await expect(
      addToReferrersIndex(hostile, [entry(1)], { ...options, maxRounds: 4 }),
    ).rejects.toMatchObject({
      code: 'REGISTRY_PUSH',
    })
  })
})
