/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping input order. On the first
 * rejection no new work starts; in-flight calls finish; the first error is rethrown.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failed: { error: unknown } | undefined
  async function worker(): Promise<void> {
    while (failed === undefined && next < items.length) {
      const index = next++
      try {
        results[index] = await fn(items[index] as T, index)
      } catch (error) {
        failed ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failed !== undefined) throw failed.error
  return results
}

/**
 * Runs tasks with at most `limit` in flight, in the order they were submitted. After the first
 * rejection, tasks not yet started are not run (they reject with `StoppedError`); `settled()`
 * waits for every started task and rethrows that first error.
 */
export interface Limiter {
  /** `first`: ahead of every waiting task that was not (work that finishes what started). */
  run<R>(task: () => Promise<R>, options?: { first?: boolean }): Promise<R>
  /**
   * For a running task only: gives its slot to the next waiting task while `wait` runs (a
   * deliberate wait that makes no request), then takes a slot back ahead of tasks not yet
   * started, since it finishes what started. In flight stays at most `limit`.
   */
  idle<R>(wait: () => Promise<R>): Promise<R>
  settled(): Promise<void>
}

export class StoppedError extends Error {
  constructor() {
    super('not started: an earlier task failed')
  }
}

export function createLimiter(limit: number): Limiter {
  const max = Math.max(1, limit)
  // A finishing task hands its slot straight to the next waiter, so `active` never exceeds max.
  const waiting: (() => void)[] = []
  const waitingFirst: (() => void)[] = []
  const started: Promise<unknown>[] = []
  let active = 0
  let failed: { error: unknown } | undefined
  const release = (): void => {
    const next = waitingFirst.shift() ?? waiting.shift()
    if (next === undefined) active--
    else next()
  }
  const acquire = async (queue: (() => void)[]): Promise<void> => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve))
    else active++
  }
  return {
    async idle<R>(wait: () => Promise<R>): Promise<R> {
      release()
      try {
        return await wait()
      } finally {
        await acquire(waitingFirst)
      }
    },
    async run<R>(task: () => Promise<R>, options: { first?: boolean } = {}): Promise<R> {
      await acquire(options.first === true ? waitingFirst : waiting)
      if (failed !== undefined) {
        release()
        throw new StoppedError()
      }
      const running = (async () => task())()
      started.push(running.catch(() => undefined))
      try {
        return await running
      } catch (error) {
        failed ??= { error }
        throw error
      } finally {
        release()
      }
    },
    async settled() {
      for (let i = 0; i < started.length; i++) await started[i]
      if (failed !== undefined) throw failed.error
    },
  }
}
