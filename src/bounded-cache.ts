/**
 * A small bounded memo for immutable facts derived from bytes (a parsed certificate, a parsed
 * timestamp token, whether one certificate's signature verifies with another's key). Keys are
 * SHA-256 digests of the bytes, so two different inputs never share an entry and a tampered copy
 * of a cached input is simply a miss. Pure: no I/O, no time; the oldest entry goes first when full
 * (a job touches a handful of chains, so recency ordering would buy nothing).
 */
import { createHash } from 'node:crypto'

/** Lowercase hex SHA-256 of `bytes` (the cache key of a byte string). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export class BoundedCache<V> {
  private readonly entries = new Map<string, V>()

  constructor(readonly limit: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key)
  }

  set(key: string, value: V): V {
    if (!this.entries.has(key) && this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.set(key, value)
    return value
  }

  /** The cached value for `key`, or `make()`'s, kept. A throwing `make` caches nothing. */
  getOrSet(key: string, make: () => V): V {
    const hit = this.entries.get(key)
    return hit !== undefined ? hit : this.set(key, make())
  }

  get size(): number {
    return this.entries.size
  }

  clear(): void {
    this.entries.clear()
  }
}
