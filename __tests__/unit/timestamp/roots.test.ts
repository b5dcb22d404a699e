import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../../src/errors.js'
import { checkTimestampRoots } from '../../../src/timestamp/roots.js'
import { createRootCa, createSelfSignedSigner, createTsaPki } from '../../../testbed/pki.js'

describe('checkTimestampRoots (timestamp-root-certificate, notation IsRootCertificate)', () => {
  it('accepts self-signed CA roots', async () => {
    const tsa = await createTsaPki()
    const other = await createRootCa('Another TSA Root')
    expect(() =>
      checkTimestampRoots([tsa.root.der, other.der], 'timestamp-root-certificate'),
    ).not.toThrow()
  })

  it('refuses a TSA leaf, a self-signed non-CA and an empty input, naming the input', async () => {
    const tsa = await createTsaPki()
    const selfSigned = await createSelfSignedSigner('ec256')
    for (const [roots, text] of [
      [[tsa.leaf.der], 'is not self-signed'],
      [[tsa.root.der, tsa.leaf.der], 'certificate 2'],
      [[selfSigned.der], 'not a CA'],
      [[], 'holds no certificate'],
    ] as const) {
      let thrown: unknown
      try {
        checkTimestampRoots(roots, 'timestamp-root-certificate')
      } catch (err) {
        thrown = err
      }
      expect(thrown).toBeInstanceOf(ConfigError)
      expect((thrown as ConfigError).code).toBe('INPUT_INVALID')
      expect((thrown as ConfigError).message).toContain('input timestamp-root-certificate')
      expect((thrown as ConfigError).message).toContain(text)
    }
  })
})
