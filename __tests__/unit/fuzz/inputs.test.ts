/**
 * Seeded, bounded fuzzing of the input edge (issue 11 item 7): random and mutated values for
 * every action input end either in a typed config or in a ConfigError naming an input; image
 * references end in a reference or a coded RegistryError. Never a TypeError or an uncoded error.
 */
import { describe, expect, it } from 'vitest'
import { parseSignConfig, parseVerifyConfig } from '../../../src/config/config.js'
import { SIGN_INPUTS, VERIFY_INPUTS, readRawInputs } from '../../../src/config/inputs.js'
import { ConfigError } from '../../../src/errors.js'
import { RegistryError } from '../../../src/oci/errors.js'
import { parseReference } from '../../../src/oci/reference.js'
import {
  expectCodedOrNothing,
  mutateText,
  randInt,
  seededRng,
  type Rng,
} from '../../helpers/fuzz.js'

const SEED = 0x7_2026

const GOOD_SIGN: Record<string, string> = {
  images: 'registry.example/app@sha256:' + 'a'.repeat(64),
  'signing-key': 'key.pem',
  'signing-certificate-chain': 'chain.pem',
  'timestamp-url': 'http://tsa.example/',
  expiry: '30d',
  'user-metadata': 'authors=alice,bob\nteam=web',
  referrers: 'auto',
  recursive: 'false',
  'insecure-registries': 'registry.local:5000',
  'trust-policy': '{"version":"1.0"}',
  'trust-store': 'ca:acme: [root.pem]',
  'max-signatures': '100',
  concurrency: '4',
  'show-summary': 'true',
}

/** A value for an input: a mutation of a good one, or something hostile from scratch. */
function value(rng: Rng, good: string): string {
  const hostile = [
    '',
    ' ',
    '__proto__=x',
    'constructor',
    '\u0000',
    '9'.repeat(400),
    '-1',
    '1e309',
    'http://',
    '*',
    '=\n=\n',
    'a=1\na=1',
    'none',
    '[::1]:99999',
  ]
  return rng() < 0.6 ? mutateText(good, rng) : (hostile[randInt(rng, hostile.length)] as string)
}

describe('fuzz: action inputs end in a config or a ConfigError naming an input', () => {
  it('sign and verify configs', () => {
    const rng = seededRng(SEED)
    for (let i = 0; i < 1500; i++) {
      const values: Record<string, string> = { ...GOOD_SIGN }
      for (let k = 0; k < 1 + randInt(rng, 3); k++) {
        const name = SIGN_INPUTS[randInt(rng, SIGN_INPUTS.length)] as string
        values[name] = value(rng, values[name] ?? '')
      }
      const context = () => `inputs seed ${SEED} iteration ${i}: ${JSON.stringify(values)}`
      for (const parse of [
        () => parseSignConfig(readRawInputs(SIGN_INPUTS, (n) => values[n] ?? '')),
        () => parseVerifyConfig(readRawInputs(VERIFY_INPUTS, (n) => values[n] ?? '')),
      ]) {
        try {
          parse()
        } catch (err) {
          expect(err, context()).toBeInstanceOf(ConfigError)
          // The message names an input (kebab-case, as the user typed it) or the signer choice.
          const names = [...SIGN_INPUTS, ...VERIFY_INPUTS]
          expect(
            names.some((n) => (err as ConfigError).message.includes(n)),
            `${context()}: ${(err as Error).message}`,
          ).toBe(true)
        }
      }
    }
  })

  it('image references', () => {
    const rng = seededRng(SEED + 1)
    const good = 'registry.example:5000/team/app:v1@sha256:' + 'b'.repeat(64)
    for (let i = 0; i < 3000; i++) {
      const input = mutateText(good, rng)
      expectCodedOrNothing(
        () => parseReference(input),
        () => `reference seed ${SEED + 1} iteration ${i}: ${JSON.stringify(input)}`,
        RegistryError,
      )
    }
  })
})
