/**
 * What the referrers tag index writer costs a single writer, on a virtual clock (no real time):
 * the settle is capped whatever a read or a PUT took, it grows with the writer's own stale window
 * (about one round trip) and not with the read, and no read follows its own PUT directly.
 */
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/log.js'
import {
  addToReferrersIndex,
  settleDelayMs,
  SETTLE_DEFAULTS,
} from '../../../src/oci/referrers-index.js'
import { entry, putIndex, virtualStore } from '../../helpers/tag-index-store.js'

const bounds = { minMs: SETTLE_DEFAULTS.minMs, maxMs: SETTLE_DEFAULTS.maxMs }

function run(store: ReturnType<typeof virtualStore>, random = 0.5) {
  return addToReferrersIndex(store, [entry(1)], {
    logger: silentLogger,
    sleep: store.sleep,
    now: store.now,
    random: () => random,
    tag: 'repo:sha256-x',
  })
}

describe('settleDelayMs', () => {
  it('is max(floor, 3 × window) plus up to floor/2 of jitter, never above the cap', () => {
    expect(settleDelayMs(0, bounds, () => 0)).toBe(150)
    expect(settleDelayMs(0, bounds, () => 1)).toBe(225)
    expect(settleDelayMs(80, bounds, () => 0)).toBe(240)
    expect(settleDelayMs(600, bounds, () => 1)).toBe(1875)
    expect(settleDelayMs(660, bounds, () => 1)).toBe(2000)
    expect(settleDelayMs(90_000, bounds, () => 1)).toBe(2000)
  })

  it('never caps below the floor', () => {
    expect(settleDelayMs(0, { minMs: 3000, maxMs: 2000 }, () => 0)).toBe(3000)
    expect(settleDelayMs(10_000, { minMs: 3000, maxMs: 2000 }, () => 1)).toBe(3000)
  })
})

describe('addToReferrersIndex, single writer', () => {
  it('keeps every wait within the cap when a read stalls for 90 s and the PUT takes 30 s', async () => {
    const store = virtualStore(undefined, {
      durationMs: (op) => (op === 'read' ? 90_000 : op === 'write' ? 30_000 : 0),
    })
    putIndex(store.reg, [entry(0)])
    const result = await run(store, 1)

    expect(result.written).toBe(true)
    expect(store.listed()).toEqual([entry(0).digest, entry(1).digest])
    expect(store.sleeps.length).toBeGreaterThan(0)
    for (const ms of store.sleeps) expect(ms).toBeLessThanOrEqual(SETTLE_DEFAULTS.maxMs)
    // The PUT's 30 s window pushes the settle to the cap, and no further.
    expect(Math.max(...store.sleeps)).toBe(SETTLE_DEFAULTS.maxMs)
  })

  it('settles on the PUT window, not read + PUT: 150 ms plus jitter at 50 ms round-trip time', async () => {
    const store = virtualStore(undefined, {
      durationMs: (op) => (op === 'read' || op === 'write' || op === 'remove' ? 50 : 0),
    })
    putIndex(store.reg, [entry(0)])
    await run(store, 0)
    // The old rule waited max(150, 3 × (read + PUT)) + jitter = 300 ms or more here.
    expect(store.sleeps).toEqual([150])
  })

  it('does not re-read right after its own PUT, and deletes the replaced index during the settle', async () => {
    const store = virtualStore()
    const first = putIndex(store.reg, [entry(0)])
    const result = await run(store)
    expect(store.ops).toEqual(['tagListed', 'read', 'write', 'remove', 'sleep', 'read'])
    expect(result.deleted).toEqual([first])
  })

  it('creates a missing index with the tag list beside the read: no extra sequential request', async () => {
    const store = virtualStore()
    const result = await run(store)
    expect(store.ops).toEqual(['tagListed', 'read', 'write', 'sleep', 'read'])
    expect(result).toMatchObject({ written: true, deleted: [] })
    expect(store.listed()).toEqual([entry(1).digest])
  })
})
