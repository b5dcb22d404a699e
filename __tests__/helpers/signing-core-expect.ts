import { expect } from 'vitest'

/** The error `fn` throws (fails the test when it does not throw). */
export function thrownBy(fn: () => unknown): Error & { code?: string } {
  try {
    fn()
  } catch (err) {
    return err as Error & { code?: string }
  }
  expect.fail('expected the call to throw')
}

/** Asserts `fn` throws an instance of `type` with `code`; returns the error for more checks. */
export function expectCode<T extends Error>(
  fn: () => unknown,
  type: abstract new (...args: never[]) => T,
  code: string,
): T & { code: string } {
  const err = thrownBy(fn)
  expect(err).toBeInstanceOf(type)
  expect(err.code, err.message).toBe(code)
  return err as T & { code: string }
}

/** Async variant of expectCode. */
export async function expectRejectCode<T extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => T,
  code: string,
): Promise<T & { code: string }> {
  let err: (Error & { code?: string }) | undefined
  try {
    await promise
  } catch (e) {
    err = e as Error & { code?: string }
  }
  if (!err) expect.fail('expected the promise to reject')
  expect(err).toBeInstanceOf(type)
  expect(err.code, err.message).toBe(code)
  return err as T & { code: string }
}
