/**
 * The referrers tag schema write path (notary-spec §5.5; oras-go `updateReferrersIndex`), made safe
 * for several writers at once (a matrix of jobs signing one image) and for registries that answer
 * a read wrongly once (a replica, cache or failover serving 404 or an older index).
 *
 * The protocol
 * ------------
 * Distribution 2.8 has no compare-and-swap (it ignores If-Match), so a read-modify-write of the
 * `sha256-<hex>` index can drop what another writer added between our read and our PUT. Each writer
 * therefore loops until it has seen its entries in an index that stayed unchanged:
 *
 *   read (the first one together with the tag list) → add every missing entry → PUT (If-Match when
 *   the registry sent an ETag) → settle → read: the same digest and nothing missing? done; else
 *   merge again.
 *
 * Invariant: a writer stops only after observing one index digest that lists all of its entries
 * twice, across a settle delay longer than any writer's stale window (from its read being served to
 * its PUT being applied). A writer whose PUT lands after our confirming read read the index after
 * our first observation, i.e. read this very index, so it keeps our entries. The digest must be the
 * same both times, not just our entries present: between two reads another writer may drop us and a
 * third restore us while a fourth, which read the gap, still has a PUT in flight (the ABA seen
 * under load; see the scripted test). Our own PUT's 201 is the first observation: at the moment
 * the registry applied it the tag held exactly our bytes, so re-reading right after the PUT would
 * decide nothing and is not done.
 *
 * Why each read and wait exists:
 * - the first read (with the tag list in parallel): the entries to keep. A 404 alone is no proof
 *   that there is no index (issue 11 item 3): the tag list must agree, or, when it cannot be read, a
 *   second read; a tag that is listed but answers 404 is retried, never replaced by a new index;
 * - the settle, then the confirming read: catches a concurrent writer's late PUT (see invariant);
 * - a re-read after a 412, a write of unknown outcome, a changed digest, or a read too slow to write
 *   from (below): each of them means the last read no longer describes the index.
 *
 * Never shrink: every entry of every index this writer read is kept in what it writes, so a later
 * read that lists fewer entries (a stale replica, a 404, another writer's stale PUT) is merged, not
 * followed. Only an entry whose manifest the registry no longer holds (400 MANIFEST_BLOB_UNKNOWN:
 * someone deleted that signature) is let go, with a warning.
 *
 * The settle is `max(floor, 3 × w) + jitter`, capped. `w` is this writer's own stale window (read
 * received → PUT answered, about one round trip: the read's own duration does not count), which
 * stands in for the other writers' windows since the jobs of a matrix share a network; 3× plus the
 * confirming read's own transit is the margin. The floor (150 ms) covers CPU stalls on loaded
 * runners. The cap (2 s) bounds what one slow PUT costs (uncapped, one stalled request made a
 * writer sleep ~90 s). What the cap trades: a writer whose stale window exceeds every other
 * writer's settle could drop their entries after they finished. Rules that keep such windows out:
 * a writer does not PUT from a read sent longer ago than half the cap (counting the tag list a 404
 * waits for), unless its reads are simply that slow (no more than twice its fastest earlier read),
 * so its window is at most half the cap plus its PUT's transit; requests have timeouts
 * (src/net/transport.ts); and the never-shrink rule lets any writer still running restore an entry
 * it has seen. The residual risk is a PUT that stalls in flight for longer than half the cap and
 * then lands, or a writer much slower than the others on every request.
 *
 * Against notation: the index bytes have oras-go's shape (encodeReferrersIndex), but oras-go
 * (what notation uses) serialises writers only within one process, takes a 404 for an empty index
 * and writes from a single read; that loses signatures with concurrent jobs and behind replicas,
 * so the protocol here is deliberately not oras-go's.
 *
 * Clean-up: the index the writer started from is deleted during the first settle (our PUT
 * superseded it, so the DELETE is off the sequential path); the writer's own superseded writes are
 * deleted after confirming. Never the index that is current, and never an index another writer
 * wrote in the meantime (that writer cleans up its own). A failed delete is a warning (GHCR
 * answers 405).
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
  /** The current index under the tag, or undefined when the registry answers 404. */
  read(): Promise<TagIndexState | undefined>
  /**
   * Whether the repository's tag list names the index tag: evidence, independent of the manifest
   * GET, that a 404 means "no index". Undefined when the list could not be read; never throws.
   */
  tagListed(): Promise<boolean | undefined>
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
  /** Shortest settle delay before the confirming read (default 150 ms). */
  minSettleMs?: number
  /** Longest settle delay, jitter included (default 2000 ms; never below `minSettleMs`). */
  maxSettleMs?: number
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

export const SETTLE_DEFAULTS = { minMs: 150, maxMs: 2000, windowFactor: 3 } as const

/** Index writes whose outcome is unknown (reset, 5xx) before giving up. */
const MAX_UNAVAILABLE = 4
/** What a registry answers to an index listing a manifest it does not hold (distribution: the first). */
const MISSING_MANIFEST_CODES = new Set(['MANIFEST_BLOB_UNKNOWN', 'MANIFEST_UNKNOWN'])
/** Reads answering 404 for a tag the tag list names, before giving up. */
const MAX_CONTRADICTIONS = 4

/**
 * The settle delay before a confirming read, for a writer whose stale window was `windowMs`:
 * `max(min, 3 × window)` plus up to min/2 of jitter (so that writers in lock-step drift apart),
 * never more than `max`.
 */
export function settleDelayMs(
  windowMs: number,
  bounds: { minMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const cap = Math.max(bounds.maxMs, bounds.minMs)
  const base = Math.max(bounds.minMs, SETTLE_DEFAULTS.windowFactor * windowMs)
  return Math.min(cap, base + random() * (bounds.minMs / 2))
}

/**
 * A read older than half the longest settle, plus a PUT's transit, could outlast another writer's
 * write, settle and confirming read: writing from it could drop that writer's entry. Unless this
 * writer's reads are all that slow (no more than twice its fastest earlier read), read again.
 */
function tooSlowToWriteFrom(ageMs: number, earlierFastestMs: number, staleReadMs: number): boolean {
  if (ageMs <= staleReadMs) return false
  return !Number.isFinite(earlierFastestMs) || ageMs > 2 * earlierFastestMs
}

/** What the first read(s) say about an index that answered 404 while nothing else is known. */
type Absence = 'absent' | 'check-again' | 'contradicted'

function judgeAbsence(tagListed: boolean | undefined, checksSoFar: number): Absence {
  if (tagListed === true) return 'contradicted'
  if (tagListed === false) return 'absent'
  // No tag list: a second 404, a moment later, is the evidence.
  return checksSoFar === 0 ? 'check-again' : 'absent'
}

/**
 * The entries a write must list: every entry of every index read so far (in the order first seen),
 * then ours. Writes append what the current index lacks, so it never shrinks below what we read.
 */
class KeepSet {
  private readonly read = new Map<string, Descriptor>()
  private readonly own: Descriptor[]
  private readonly ownDigests: Set<string>

  constructor(own: Descriptor[]) {
    this.own = own
    this.ownDigests = new Set(own.map((d) => d.digest))
  }

  remember(manifests: Descriptor[]): void {
    for (const d of manifests) {
      if (!this.ownDigests.has(d.digest) && !this.read.has(d.digest)) this.read.set(d.digest, d)
    }
  }

  missingFrom(index: TagIndexState | undefined): Descriptor[] {
    const listed = new Set(index?.manifests.map((d) => d.digest))
    return [...this.read.values(), ...this.own].filter((d) => !listed.has(d.digest))
  }

  isOwn(digest: string): boolean {
    return this.ownDigests.has(digest)
  }

  forget(digests: string[]): void {
    for (const d of digests) this.read.delete(d)
  }
}

type Removal = { deleted: string } | { warning: string } | undefined

/** DELETEs a superseded index; a 404 means another writer removed it already. Never throws. */
async function removeOutdated(
  store: TagIndexStore,
  digest: string,
  tag: string,
  logger: Logger,
): Promise<Removal> {
  try {
    await store.remove(digest)
    return { deleted: digest }
  } catch (err) {
    if (err instanceof RegistryError && err.code === 'REGISTRY_NOT_FOUND') {
      logger.debug(`referrers index ${tag}: outdated index ${digest} was already removed`)
      return undefined
    }
    const reason = err instanceof Error ? err.message : String(err)
    return {
      warning: `removal of outdated referrers index ${digest} (tag ${tag}) failed; garbage collection may be required: ${reason}`,
    }
  }
}

export async function addToReferrersIndex(
  store: TagIndexStore,
  entries: Descriptor[],
  options: AddToIndexOptions,
): Promise<AddToIndexResult> {
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const bounds = {
    minMs: options.minSettleMs ?? SETTLE_DEFAULTS.minMs,
    maxMs: options.maxSettleMs ?? SETTLE_DEFAULTS.maxMs,
  }
  const staleReadMs = Math.max(bounds.maxMs, bounds.minMs) / 2
  const maxRounds = options.maxRounds ?? 25
  const { logger, tag } = options
  const ours = entries.map((e) => e.digest).join(', ')

  const keep = new KeepSet(entries)
  const warnings: string[] = []
  const ownWrites: string[] = []
  let startedFrom: string | undefined
  /** The DELETE of the index we started from, sent during the first settle. */
  let earlyRemoval: Promise<Removal> | undefined
  let sawIndex = false
  /** Digest last observed listing everything (a read, or our PUT's 201); unchanged next read = done. */
  let observed: string | undefined
  let confirmed = false
  let windowMs = 0
  let fastestReadMs = Number.POSITIVE_INFINITY
  let absenceChecks = 0
  /** The tag list (or a second 404) said there is no index: a later 404 needs no new check. */
  let absenceEstablished = false
  let contradictions = 0
  let unavailable = 0
  let current: TagIndexState | undefined

  for (let round = 1; round <= maxRounds; round++) {
    const knowNothing = !sawIndex && ownWrites.length === 0
    const readStarted = now()
    // The tag list runs beside the first read, so a 404 costs no extra sequential round trip;
    // when the index exists its answer is not needed (and not awaited).
    const listing =
      knowNothing && !absenceEstablished ? store.tagListed().catch(() => undefined) : undefined
    current = await store.read()
    const readDone = now()
    const readMs = readDone - readStarted
    const earlierFastest = fastestReadMs
    fastestReadMs = Math.min(fastestReadMs, readMs)

    if (current === undefined && listing !== undefined) {
      const verdict = judgeAbsence(await listing, absenceChecks++)
      if (verdict === 'contradicted') {
        if (++contradictions >= MAX_CONTRADICTIONS) {
          throw new RegistryError(
            'REGISTRY_PROTOCOL',
            `referrers index ${tag}: the tag list names it but reading it answered 404 ${contradictions} times; not replacing it with a new index, which would drop the signatures it lists`,
          )
        }
        logger.debug(`referrers index ${tag}: 404, but the tag list names it; reading again`)
        await options.sleep(100 * 2 ** (contradictions - 1) * (0.75 + random() * 0.5))
        continue
      }
      if (verdict === 'check-again') {
        logger.debug(`referrers index ${tag}: 404 and no tag list; reading once more`)
        await options.sleep(bounds.minMs / 3)
        continue
      }
      absenceEstablished = true
    }
    if (current !== undefined) {
      if (!sawIndex && ownWrites.length === 0) startedFrom = current.digest
      sawIndex = true
      keep.remember(current.manifests)
    }

    const missing = keep.missingFrom(current)
    if (missing.length === 0) {
      if (ownWrites.length === 0) {
        logger.debug(`referrers index ${tag}: already lists ${ours}`)
        return { indexDigest: current?.digest ?? '', written: false, deleted: [], warnings }
      }
      if (current?.digest === observed) {
        confirmed = true
        break
      }
      // Changed since the last observation: writes happened in between, start confirming again.
      observed = current?.digest
      await options.sleep(settleDelayMs(windowMs, bounds, random))
      continue
    }

    observed = undefined
    // Age of what we would write from: the read and, after a 404, the tag list it waited for.
    const ageMs = now() - readStarted
    if (tooSlowToWriteFrom(ageMs, earlierFastest, staleReadMs)) {
      logger.debug(
        `referrers index ${tag}: the read is ${Math.round(ageMs)} ms old, too old to write from; reading again`,
      )
      continue
    }
    if (
      ownWrites.length > 0 ||
      (current !== undefined && missing.some((d) => !keep.isOwn(d.digest)))
    ) {
      logger.debug(
        `referrers index ${tag}: ${current?.digest ?? 'it answered 404'} lacks ${missing.map((d) => d.digest).join(', ')}; merging again`,
      )
    }
    const bytes = encodeReferrersIndex(mergeReferrers(current?.manifests ?? [], missing))
    try {
      const digest = await store.write(bytes, current?.etag)
      ownWrites.push(digest)
      windowMs = now() - readDone
      observed = digest
      if (earlyRemoval === undefined && startedFrom !== undefined && startedFrom !== digest) {
        // The index we started from is superseded by our PUT, so its DELETE needs no confirmation
        // and runs during the settle instead of after it. It could only be current again if a
        // writer re-PUT its exact bytes; the confirming read would then answer 404 and we would
        // write back everything we read (never shrink).
        earlyRemoval = removeOutdated(store, startedFrom, tag, logger)
      }
      await options.sleep(settleDelayMs(windowMs, bounds, random))
    } catch (err) {
      if (!(err instanceof RegistryError)) throw err
      if (err.code === 'REGISTRY_UNAVAILABLE') {
        // The PUT may or may not have landed: re-read and merge again rather than replaying it
        // (a late replay would drop what another writer added in the meantime).
        if (++unavailable >= MAX_UNAVAILABLE) throw err
        ownWrites.push(digestOf(bytes))
        windowMs = now() - readDone
        logger.debug(`referrers index ${tag}: the write failed (${err.message}); re-reading`)
        await options.sleep(250 * 2 ** (unavailable - 1) * (0.75 + random() * 0.5))
        continue
      }
      if (err.code === 'REGISTRY_CONFLICT') {
        logger.debug(`referrers index ${tag}: If-Match lost a race; retrying`)
        await options.sleep((20 + random() * 80) * Math.min(round, 8))
        continue
      }
      const restored = missing.filter((d) => !keep.isOwn(d.digest)).map((d) => d.digest)
      if (MISSING_MANIFEST_CODES.has(err.registryCode ?? '') && restored.length > 0) {
        // An entry we kept from an earlier read is gone from the registry: its signature was
        // deleted on purpose. Let it go rather than fail the signature we are adding.
        keep.forget(restored)
        warnings.push(
          `referrers index ${tag}: not restoring ${restored.join(', ')}, listed in an earlier read: the registry no longer holds ${restored.length === 1 ? 'it' : 'them'}`,
        )
        continue
      }
      throw err
    }
  }
  if (!confirmed || current === undefined) {
    const state =
      observed === undefined
        ? 'it still does not list'
        : 'it lists, but could not confirm as stable,'
    throw new RegistryError(
      'REGISTRY_PUSH',
      `referrers index ${tag} kept changing under concurrent writers: after ${maxRounds} rounds ${state} ${ours}`,
    )
  }

  const finalDigest = current.digest
  const removals: Removal[] = earlyRemoval === undefined ? [] : [await earlyRemoval]
  const candidates = new Set([...(startedFrom === undefined ? [] : [startedFrom]), ...ownWrites])
  candidates.delete(finalDigest)
  if (earlyRemoval !== undefined && startedFrom !== undefined) candidates.delete(startedFrom)
  for (const digest of candidates) removals.push(await removeOutdated(store, digest, tag, logger))
  const deleted: string[] = []
  for (const removal of removals) {
    if (removal === undefined) continue
    if ('deleted' in removal) deleted.push(removal.deleted)
    else warnings.push(removal.warning)
  }
  return { indexDigest: finalDigest, written: true, deleted, warnings }
}
