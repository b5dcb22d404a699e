/**
 * The referrers tag schema write path (notary-spec §5.5; oras-go `updateReferrersIndex`), made safe
 * for several writers at once (a matrix of jobs signing one image).
 *
 * Without compare-and-swap (distribution 2.8 ignores If-Match) a read-modify-write of the
 * `sha256-<hex>` index loses entries when two writers overlap. So each writer loops:
 *   read → add what is missing → PUT (with If-Match when the registry sent an ETag)
 *   → re-read; if another writer's PUT dropped our entry, merge again;
 * and only stops after two reads, separated by a settle delay longer than a read-modify-write
 * cycle, return the same index digest listing its entries. The index being unchanged matters, not
 * the entries being present twice: between two reads another writer may drop our entry and a third
 * restore it, while a fourth that read the gap still has a PUT in flight (seen under load). An
 * index that stayed the same for longer than any writer's read-to-PUT window can only be replaced
 * by a writer that read it, so our entries are safe. Then it deletes the
 * index it started from and its own superseded writes, never the index that is current, and never
 * an index another writer wrote in the meantime (that writer cleans up its own). A failed delete is
 * a warning (GHCR answers 405).
 */
import type { Logger } from '../log.js'
import type { Descriptor } from './descriptor.js'
import { digestOf } from './digest.js'
import { RegistryError } from './errors.js'
import { encodeReferrersIndex, mergeReferrers } from './manifest.js'

export interface TagIndexState {
  digest: string
  manifests: Descriptor[]
  etag?: string
}

/** Storage of one subject's referrers tag index (a port, so the algorithm is testable alone). */
export interface TagIndexStore {
  /** The current index under the tag, or undefined when the tag does not exist. */
  read(): Promise<TagIndexState | undefined>
  /**
   * PUTs the index under the tag, once (no blind replay); returns its digest. Throws
   * REGISTRY_CONFLICT on 412, REGISTRY_UNAVAILABLE when the outcome is unknown (reset, 5xx).
   */
  write(bytes: Uint8Array, ifMatch: string | undefined): Promise<string>
  /** DELETEs an index manifest by digest. */
  remove(digest: string): Promise<void>
}

export interface AddToIndexOptions {
  logger: Logger
  sleep: (ms: number) => Promise<void>
  now?: () => number
  /** Shortest settle delay before the confirming read; default 150 ms (3× the measured RMW time if longer). */
  minSettleMs?: number
  /** Rounds (reads) before giving up; default 25. */
  maxRounds?: number
  /** Name of the tag, for messages. */
  tag: string
  random?: () => number
}

export interface AddToIndexResult {
  /** Digest of the index that lists the entries at the end. */
  indexDigest: string
  /** False when every entry was already listed (nothing was written). */
  written: boolean
  /** Superseded index digests that were deleted. */
  deleted: string[]
  warnings: string[]
}

/** Index writes whose outcome is unknown (reset, 5xx) before giving up. */
const MAX_UNAVAILABLE = 4

export async function addToReferrersIndex(
  store: TagIndexStore,
  entries: Descriptor[],
  options: AddToIndexOptions,
): Promise<AddToIndexResult> {
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const minSettle = options.minSettleMs ?? 150
  const maxRounds = options.maxRounds ?? 25
  const { logger, tag } = options

  let startedFrom: string | undefined
  let firstRead = true
  const ownWrites: string[] = []
  let confirmations = 0
  let confirmedDigest: string | undefined
  let rmwMs = 0
  let unavailable = 0
  let current: TagIndexState | undefined

  for (let round = 1; round <= maxRounds; round++) {
    const readAt = now()
    current = await store.read()
    if (firstRead) {
      startedFrom = current?.digest
      firstRead = false
    }
    const listed = new Set(current?.manifests.map((d) => d.digest))
    const missing = entries.filter((e) => !listed.has(e.digest))
    if (missing.length === 0) {
      if (ownWrites.length === 0) {
        logger.debug(
          `referrers index ${tag}: already lists ${entries.map((e) => e.digest).join(', ')}`,
        )
        return { indexDigest: current?.digest ?? '', written: false, deleted: [], warnings: [] }
      }
      // A changed digest means writes happened since the last read: start confirming again.
      confirmations = confirmations > 0 && current?.digest === confirmedDigest ? 2 : 1
      confirmedDigest = current?.digest
      if (confirmations >= 2) break
      const settle = Math.max(minSettle, 3 * rmwMs) + random() * minSettle
      await options.sleep(settle)
      continue
    }
    if (ownWrites.length > 0) {
      logger.debug(
        `referrers index ${tag}: another writer replaced it (${current?.digest ?? 'deleted'}); merging again`,
      )
    }
    confirmations = 0
    const merged = mergeReferrers(current?.manifests ?? [], missing)
    const bytes = encodeReferrersIndex(merged)
    try {
      const digest = await store.write(bytes, current?.etag)
      ownWrites.push(digest)
      rmwMs = now() - readAt
    } catch (err) {
      if (err instanceof RegistryError && err.code === 'REGISTRY_UNAVAILABLE') {
        // The PUT may or may not have landed: re-read and merge again rather than replaying it
        // (a late replay would drop what another writer added in the meantime).
        if (++unavailable >= MAX_UNAVAILABLE) throw err
        ownWrites.push(digestOf(bytes))
        logger.debug(`referrers index ${tag}: the write failed (${err.message}); re-reading`)
        await options.sleep(250 * 2 ** (unavailable - 1) * (0.75 + random() * 0.5))
        continue
      }
      if (!(err instanceof RegistryError && err.code === 'REGISTRY_CONFLICT')) throw err
      logger.debug(`referrers index ${tag}: If-Match lost a race; retrying`)
      await options.sleep((20 + random() * 80) * Math.min(round, 8))
    }
  }
  if (current === undefined || confirmations < 2) {
    const state =
      confirmations === 0 ? 'it still does not list' : 'it lists, but could not confirm as stable,'
    throw new RegistryError(
      'REGISTRY_PUSH',
      `referrers index ${tag} kept changing under concurrent writers: after ${maxRounds} rounds ${state} ${entries.map((e) => e.digest).join(', ')}`,
    )
  }

  const finalDigest = current.digest
  const warnings: string[] = []
  const deleted: string[] = []
  const candidates = new Set([...(startedFrom === undefined ? [] : [startedFrom]), ...ownWrites])
  candidates.delete(finalDigest)
  for (const digest of candidates) {
    try {
      await store.remove(digest)
      deleted.push(digest)
    } catch (err) {
      if (err instanceof RegistryError && err.code === 'REGISTRY_NOT_FOUND') {
        logger.debug(`referrers index ${tag}: outdated index ${digest} was already removed`)
        continue
      }
      const reason = err instanceof Error ? err.message : String(err)
      warnings.push(
        `removal of outdated referrers index ${digest} (tag ${tag}) failed; garbage collection may be required: ${reason}`,
      )
    }
  }
  return { indexDigest: finalDigest, written: true, deleted, warnings }
}
