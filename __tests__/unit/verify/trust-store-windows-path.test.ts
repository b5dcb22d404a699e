/**
 * A Windows path given as `trust-store` contains a colon (`C:\certs\store`); before this rule a
 * missing one was parsed as an inline `type:name` mapping and failed with "must be a mapping",
 * hiding the real problem (the path does not exist). Simulated here on any platform.
 */
import { describe, expect, it } from 'vitest'
import { isWindowsAbsolutePath, loadTrustStore } from '../../../src/verify/trust-store-load.js'

describe('Windows paths as trust-store input', () => {
  it.each(['C:\\certs\\store', 'c:/certs/store', 'D:\\a b\\root.pem', '\\\\server\\share\\store'])(
    '%s is a path',
    (input) => {
      expect(isWindowsAbsolutePath(input)).toBe(true)
    },
  )

  it.each(['ca:acme: [C:\\certs\\root.pem]', 'tsa:ms: ./tsa.pem', 'ca:x', '{}', 'certs/store'])(
    '%s is not',
    (input) => {
      expect(isWindowsAbsolutePath(input)).toBe(false)
    },
  )

  it('a missing Windows path is reported as not found, not as a bad mapping', async () => {
    const error = await loadTrustStore('C:\\certs\\does-not-exist').catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'TRUST_STORE_INVALID',
      message: expect.stringContaining('not found'),
    })
    expect((error as Error).message).not.toMatch(/must be a mapping/)
  })

  it('an inline mapping whose value is a Windows path is still a mapping', async () => {
    const error = await loadTrustStore('ca:acme: C:\\certs\\missing-root.pem').catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({
      code: 'TRUST_STORE_INVALID',
      message: expect.stringContaining('ca:acme[0]'),
    })
  })
})
