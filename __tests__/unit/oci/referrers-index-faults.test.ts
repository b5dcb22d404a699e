/**
 * The referrers tag index writer against wrong answers (issue 11 item 3): a 404 is believed only
 * with the tag list's agreement (or a second read), an index is never shrunk below what the writer
 * read, and a read too old to write from is read again. Deterministic: virtual clock, scripted
 * registry (__tests__/helpers/tag-index-store.ts).
 */
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/log.js'
import { addToReferrersIndex } from '../../../src/oci/referrers-index.js'
import { entry, putIndex, virtualStore, type VirtualStore } from '../../helpers/tag-index-store.js'

function run(store: VirtualStore) {
  return addToReferrersIndex(store, [entry(9)], {
    logger: silentLogger,
    sleep: store.sleep,
    now: store.now,
    random: () => 0.5,
    tag: 'repo:sha256-x',
  })
}

const digests = (...ids: number[]): string[] => ids.map((i) => entry(i).digest)

describe('addToReferrersIndex when the registry answers wrongly', () => {
  it('does not replace an index that answered 404 once while the tag list names it', async () => {
    const store = virtualStore(undefined, {
      answerRead: (n, served) => (n === 1 ? undefined : served),
    })
    putIndex(store.reg, [entry(1), entry(2)])
    const result = await run(store)
    expect(store.listed()).toEqual(digests(1, 2, 9))
    expect(result.written).toBe(true)
    expect(store.ops.filter((op) => op === 'write')).toHaveLength(1)
  })

  it('fails with REGISTRY_PROTOCOL, writing nothing, while the tag list names an index that keeps answering 404', async () => {
    const store = virtualStore(undefined, { answerRead: () => undefined })
    const before = putIndex(store.reg, [entry(1)])
    await expect(run(store)).rejects.toMatchObject({
      code: 'REGISTRY_PROTOCOL',
      message: /tag list names it but reading it answered 404 4 times/,
    })
    expect(store.ops).not.toContain('write')
    expect(store.reg.tag).toBe(before)
  })

  it('without a tag list, reads a second time before creating an index', async () => {
    const store = virtualStore(undefined, {
      answerRead: (n, served) => (n === 1 ? undefined : served),
      tagListed: () => undefined,
    })
    putIndex(store.reg, [entry(1)])
    await run(store)
    expect(store.listed()).toEqual(digests(1, 9))
  })

  it('creates an index when the tag list confirms the 404', async () => {
    const store = virtualStore()
    await run(store)
    expect(store.ops.slice(0, 3)).toEqual(['tagListed', 'read', 'write'])
    expect(store.listed()).toEqual(digests(9))
  })

  it('merges a later read that lists fewer entries (a stale replica) instead of dropping them', async () => {
    const store = virtualStore(undefined, {
      // The confirming read comes from a replica that still has an older index.
      answerRead: (n, served) =>
        n === 2 ? { digest: `sha256:${'e'.repeat(64)}`, manifests: [entry(1)] } : served,
    })
    putIndex(store.reg, [entry(1), entry(2)])
    await run(store)
    expect(store.listed()).toEqual(digests(1, 2, 9))
  })

  it('restores entries another writer dropped after this writer read them', async () => {
    const store = virtualStore(undefined, {
      // Just before the confirming read a stale writer's PUT lands, without 2 and 9.
      beforeRead: (n, reg) => {
        if (n === 2) putIndex(reg, [entry(1), entry(3)])
      },
    })
    putIndex(store.reg, [entry(1), entry(2)])
    await run(store)
    expect(store.listed()).toEqual(digests(1, 3, 2, 9))
  })

  it('lets go of a kept entry whose manifest was deleted (400 MANIFEST_BLOB_UNKNOWN), with a warning', async () => {
    const store = virtualStore(undefined, {
      beforeRead: (n, reg) => {
        if (n !== 2) return
        // Signature 2 is deleted on purpose: its manifest and its index entry go.
        reg.manifests?.delete(entry(2).digest)
        putIndex(reg, [entry(1), entry(9)])
      },
    })
    store.reg.manifests = new Set(digests(1, 2, 9))
    putIndex(store.reg, [entry(1), entry(2)])
    const result = await run(store)
    expect(store.listed()).toEqual(digests(1, 9))
    expect(result.warnings).toEqual([
      expect.stringMatching(new RegExp(`not restoring ${entry(2).digest}.*no longer holds it`)),
    ])
  })

  it('does not create an index from a 404 gone stale while the tag list was slow', async () => {
    const store = virtualStore(undefined, {
      durationMs: (op) => (op === 'tagListed' ? 5_000 : 10),
      // Another writer creates the index while our tag list is still being read.
      duringRead: (n, reg) => {
        if (n === 1) putIndex(reg, [entry(2)])
      },
    })
    await run(store)
    expect(store.ops.slice(0, 4)).toEqual(['tagListed', 'read', 'read', 'write'])
    expect(store.listed()).toEqual(digests(2, 9))
  })

  it('repairs the tag when the index it replaced comes back and its early delete removes it', async () => {
    // A pathological replay: right after our PUT, someone PUTs the replaced index's exact bytes
    // again, so the DELETE sent during the settle removes the current index (and its tag).
    const store = virtualStore(undefined, {
      afterWrite: (n, reg) => {
        if (n === 1) putIndex(reg, [entry(1)])
      },
    })
    putIndex(store.reg, [entry(1)])
    const result = await run(store)
    expect(store.ops).toEqual([
      ...['tagListed', 'read', 'write', 'remove', 'sleep', 'read'],
      ...['write', 'sleep', 'read'],
    ])
    expect(store.listed()).toEqual(digests(1, 9))
    expect(result.indexDigest).toBe(store.reg.tag)
  })

  it('reads again instead of writing from a read older than half the settle cap', async () => {
    const store = virtualStore(undefined, {
      durationMs: (op, n) => (op === 'read' && n === 1 ? 5_000 : 10),
      // During the slow first read another writer adds signature 2, confirms and finishes.
      duringRead: (n, reg) => {
        if (n === 1) putIndex(reg, [entry(1), entry(2)])
      },
    })
    putIndex(store.reg, [entry(1)])
    await run(store)
    expect(store.ops.slice(0, 4)).toEqual(['tagListed', 'read', 'read', 'write'])
    expect(store.listed()).toEqual(digests(1, 2, 9))
  })
})
