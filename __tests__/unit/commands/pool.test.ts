/** The limiter behind signImages' pipeline (src/commands/pool.ts). */
import { describe, expect, it } from 'vitest'
import { createLimiter, StoppedError } from '../../../src/commands/pool.js'

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1))

describe('createLimiter', () => {
  it('never runs more than the limit at once', async () => {
    const limiter = createLimiter(3)
    let active = 0
    let peak = 0
    const task = async (): Promise<void> => {
      active++
      peak = Math.max(peak, active)
      await tick()
      active--
    }
    await Promise.all(Array.from({ length: 12 }, () => limiter.run(task)))
    await limiter.settled()
    expect(peak).toBe(3)
  })

  it('starts `first` tasks ahead of the ones already waiting', async () => {
    const limiter = createLimiter(1)
    const order: string[] = []
    const run = (name: string, first = false): Promise<void> =>
      limiter.run(
        async () => {
          order.push(name)
          await tick()
        },
        { first },
      )
    const all = [run('a'), run('b'), run('c'), run('urgent', true)]
    await Promise.all(all)
    expect(order).toEqual(['a', 'urgent', 'b', 'c'])
  })

  it('after a failure starts nothing new, lets running tasks finish and rethrows the first error', async () => {
    const limiter = createLimiter(2)
    const ran: string[] = []
    const boom = new Error('first failure')
    const results = await Promise.allSettled([
      limiter.run(async () => {
        await tick()
        throw boom
      }),
      limiter.run(async () => {
        await new Promise((r) => setTimeout(r, 20))
        ran.push('in flight')
      }),
      limiter.run(async () => void ran.push('queued')),
    ])
    expect(ran).toEqual(['in flight'])
    expect(results[2]).toMatchObject({ status: 'rejected' })
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(StoppedError)
    await expect(limiter.settled()).rejects.toBe(boom)
  })

  it('lends an idle task’s slot out, and takes one back ahead of tasks not yet started', async () => {
    const limiter = createLimiter(1)
    const order: string[] = []
    let active = 0
    let peak = 0
    const busy = async (name: string, ms = 5): Promise<void> => {
      active++
      peak = Math.max(peak, active)
      order.push(`${name} start`)
      await new Promise((r) => setTimeout(r, ms))
      order.push(`${name} end`)
      active--
    }
    const settling = limiter.run(async () => {
      await busy('a: write')
      await limiter.idle(() => new Promise((r) => setTimeout(r, 30)))
      await busy('a: confirm')
    })
    const others = [limiter.run(() => busy('b', 60)), limiter.run(() => busy('c'))]
    await Promise.all([settling, ...others])
    // b runs while a waits (and past it); a's confirm then goes before c, which had not started.
    expect(order).toEqual([
      'a: write start',
      'a: write end',
      'b start',
      'b end',
      'a: confirm start',
      'a: confirm end',
      'c start',
      'c end',
    ])
    expect(peak).toBe(1)
  })
})
