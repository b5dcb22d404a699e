/**
 * Deterministic fuzzing helpers: a seeded PRNG (mulberry32) and byte/text mutators. Every run with
 * the same seed makes the same inputs, so a failure names a seed and an iteration to replay.
 */
import { expect } from 'vitest'
import { ActionError } from '../../src/errors.js'

export type Rng = () => number

/** mulberry32: a small, fast 32-bit PRNG; good enough to spread mutations, not for crypto. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const randInt = (rng: Rng, n: number): number => Math.floor(rng() * n)

/** Bytes that are interesting to CBOR/DER/JSON decoders (heads, lengths, breaks, limits). */
const SPECIAL = [
  0x00, 0x01, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x20, 0x30, 0x7f, 0x80, 0x81, 0x82, 0x84, 0x9f,
  0xa0, 0xbf, 0xc1, 0xd2, 0xf4, 0xf9, 0xfa, 0xfb, 0xff,
]

/** 1 to 3 random edits: flip a bit, set a byte, insert, delete, truncate or duplicate a slice. */
export function mutateBytes(input: Uint8Array, rng: Rng): Uint8Array {
  let out = Buffer.from(input)
  const edits = 1 + randInt(rng, 3)
  for (let e = 0; e < edits; e++) {
    const at = out.length === 0 ? 0 : randInt(rng, out.length)
    switch (randInt(rng, 7)) {
      case 0:
        if (out.length > 0) out[at] = (out[at] as number) ^ (1 << randInt(rng, 8))
        break
      case 1:
        if (out.length > 0) out[at] = SPECIAL[randInt(rng, SPECIAL.length)] as number
        break
      case 2:
        if (out.length > 0) out[at] = randInt(rng, 256)
        break
      case 3:
        out = Buffer.concat([out.subarray(0, at), Buffer.of(randInt(rng, 256)), out.subarray(at)])
        break
      case 4:
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + randInt(rng, 4))])
        break
      case 5:
        out = out.subarray(0, at)
        break
      default: {
        const len = 1 + randInt(rng, 16)
        out = Buffer.concat([
          out.subarray(0, at + len),
          out.subarray(at, at + len),
          out.subarray(at + len),
        ])
      }
    }
  }
  return new Uint8Array(out)
}

const TEXT_SPECIAL = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '\u0000',
  '\uFEFF',
  '&',
  '*',
  '!',
  '#',
  '\n',
  ' ',
  'null',
  '1e999',
  '-',
  '<<',
]

/** 1 to 3 random text edits: replace, insert or delete characters (JSON/YAML punctuation biased). */
export function mutateText(input: string, rng: Rng): string {
  let out = input
  const edits = 1 + randInt(rng, 3)
  for (let e = 0; e < edits; e++) {
    const at = randInt(rng, out.length + 1)
    const piece =
      rng() < 0.7
        ? (TEXT_SPECIAL[randInt(rng, TEXT_SPECIAL.length)] as string)
        : String.fromCharCode(32 + randInt(rng, 95))
    switch (randInt(rng, 3)) {
      case 0:
        out = out.slice(0, at) + piece + out.slice(at + 1)
        break
      case 1:
        out = out.slice(0, at) + piece + out.slice(at)
        break
      default:
        out = out.slice(0, at) + out.slice(at + 1 + randInt(rng, 3))
    }
  }
  return out
}

/**
 * Runs `fn` and, when it throws, requires a coded ActionError (of `errorClass` when given) whose
 * cause chain holds no TypeError or RangeError message leaking into the text. Returns whether
 * `fn` returned normally.
 */
export function expectCodedOrNothing(
  fn: () => unknown,
  context: () => string,
  errorClass: abstract new (...args: never[]) => ActionError = ActionError,
): boolean {
  try {
    fn()
    return true
  } catch (err) {
    if (!(err instanceof errorClass) || typeof err.code !== 'string' || err.code === '') {
      expect.fail(
        `${context()}: threw an uncoded ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`,
      )
    }
    expectNoLibraryText(err, context)
    return false
  }
}

/** Library error texts that must never reach a coded message. */
const LIBRARY_TEXT =
  /outside the bounds of the DataView|Invalid time value|Cannot read propert|is not a function|Invalid code point|Maximum call stack|undefined \(reading/

export function expectNoLibraryText(err: unknown, context: () => string): void {
  let current: unknown = err
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    if (current instanceof ActionError && LIBRARY_TEXT.test(current.message)) {
      expect.fail(
        `${context()}: a library message leaked into [${current.code}] ${current.message}`,
      )
    }
    current = (current as { cause?: unknown }).cause
  }
}
