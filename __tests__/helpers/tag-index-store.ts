/**
 * An in-memory referrers tag index store on a virtual clock, for deterministic tests of
 * addToReferrersIndex: every operation advances the clock by a chosen duration, `sleep` advances it
 * and records the wait, and every call is logged in order. Writes behave like distribution 2.8 (last
 * PUT wins; an index listing a manifest the registry does not hold is refused with 400
 * MANIFEST_BLOB_UNKNOWN).
 */
import type { Descriptor } from '../../src/oci/descriptor.js'
import { digestOf } from '../../src/oci/digest.js'
import { RegistryError } from '../../src/oci/errors.js'
import { encodeReferrersIndex } from '../../src/oci/manifest.js'
import type { TagIndexState, TagIndexStore } from '../../src/oci/referrers-index.js'

export interface VirtualRegistry {
  /** Digest the tag points at. */
  tag?: string
  indexes: Map<string, Descriptor[]>
  /** Manifests the repository holds; undefined = every manifest exists. */
  manifests?: Set<string>
}

export interface VirtualStore extends TagIndexStore {
  reg: VirtualRegistry
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Every wait asked for through `sleep`. */
  sleeps: number[]
  /** Operations in call order: read, tagListed, write, remove, sleep. */
  ops: string[]
  /** Entries listed under the tag now. */
  listed(): string[]
}

export interface VirtualStoreHooks {
  /** Duration of each operation, by kind and its 1-based count of that kind. */
  durationMs?: (op: 'read' | 'tagListed' | 'write' | 'remove', n: number) => number
  /**
   * Replaces what a read returns (a replica's answer); `served` is what the registry holds at the
   * start of the read.
   */
  answerRead?: (n: number, served: TagIndexState | undefined) => TagIndexState | undefined
  /** Runs just before the n-th read is served (another writer's PUT landed before it). */
  beforeRead?: (n: number, reg: VirtualRegistry) => void
  /** Runs while the n-th read is in flight, after its answer was taken (another writer's PUT). */
  duringRead?: (n: number, reg: VirtualRegistry) => void
  tagListed?: (n: number, reg: VirtualRegistry) => boolean | undefined
  /** Runs right after the n-th write landed (another writer's PUT right behind it). */
  afterWrite?: (n: number, reg: VirtualRegistry) => void
}

export const entry = (i: number): Descriptor => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${i.toString(16).padStart(64, '0')}`,
  size: 100 + i,
  artifactType: 'application/vnd.cncf.notary.signature',
})

/** PUTs an index listing `entries` into the registry, as another writer would. */
export function putIndex(reg: VirtualRegistry, entries: Descriptor[]): string {
  const digest = digestOf(encodeReferrersIndex(entries))
  reg.indexes.set(digest, entries)
  reg.tag = digest
  return digest
}

export function virtualStore(
  reg: VirtualRegistry = { indexes: new Map() },
  hooks: VirtualStoreHooks = {},
): VirtualStore {
  let clock = 0
  const counts = { read: 0, tagListed: 0, write: 0, remove: 0 }
  const sleeps: number[] = []
  const ops: string[] = []
  const spend = (op: keyof typeof counts): number => {
    const n = ++counts[op]
    ops.push(op)
    clock += hooks.durationMs?.(op, n) ?? 0
    return n
  }
  const current = (): TagIndexState | undefined => {
    const manifests = reg.tag === undefined ? undefined : reg.indexes.get(reg.tag)
    return manifests === undefined
      ? undefined
      : { digest: reg.tag as string, manifests: [...manifests] }
  }
  return {
    reg,
    sleeps,
    ops,
    now: () => clock,
    async sleep(ms) {
      ops.push('sleep')
      sleeps.push(ms)
      clock += ms
    },
    listed: () => (reg.indexes.get(reg.tag ?? '') ?? []).map((d) => d.digest),
    async read() {
      const n = spend('read')
      hooks.beforeRead?.(n, reg)
      const served = current()
      const answer = hooks.answerRead ? hooks.answerRead(n, served) : served
      hooks.duringRead?.(n, reg)
      return answer
    },
    async tagListed() {
      const n = spend('tagListed')
      return hooks.tagListed ? hooks.tagListed(n, reg) : reg.tag !== undefined
    },
    async write(bytes) {
      const n = spend('write')
      const { manifests } = JSON.parse(new TextDecoder().decode(bytes)) as {
        manifests: Descriptor[]
      }
      const unknown = manifests.find(
        (d) => reg.manifests !== undefined && !reg.manifests.has(d.digest),
      )
      if (unknown !== undefined) {
        throw new RegistryError(
          'REGISTRY_PUSH',
          'pushing manifest: HTTP 400 MANIFEST_BLOB_UNKNOWN',
          {
            status: 400,
            registryCode: 'MANIFEST_BLOB_UNKNOWN',
          },
        )
      }
      const digest = putIndex(reg, manifests)
      hooks.afterWrite?.(n, reg)
      return digest
    },
    async remove(digest) {
      spend('remove')
      if (!reg.indexes.delete(digest)) throw new RegistryError('REGISTRY_NOT_FOUND', 'gone')
      if (reg.tag === digest) reg.tag = undefined
    },
  }
}
