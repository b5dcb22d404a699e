/**
 * Minimal CBOR (RFC 8949) for COSE_Sign1, written by hand so the bytes are exactly what go-cose /
 * fxamacker produce and accept (notary-spec.md §2.5, §2.6):
 * - the encoder uses shortest heads, definite lengths and core deterministic map order (§4.2.1:
 *   bytewise order of the encoded keys);
 * - the decoder is strict: no indefinite lengths, no duplicate map keys, no trailing bytes, valid
 *   UTF-8, bounded nesting, and tags only where the caller allows them.
 */
import { EnvelopeError } from '../envelope/errors.js'

/** A CBOR tag (major type 6) around a value. */
export class CborTag {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

/**
 * A decoded CBOR float (major type 7, additional info 25/26/27). Kept apart from `number` so a
 * float never passes for an integer: `1.0` as a map key is not the label `1` (go-cose
 * validateHeaderLabel accepts only int64 and string labels; fxamacker decodes a float key as
 * float64, which it then rejects). The encoder writes a CborFloat as float64.
 */
export class CborFloat {
  constructor(readonly value: number) {}
}

/** A decoded or to-be-encoded CBOR item. Integers are number/bigint, floats CborFloat. */
export type CborValue =
  | number
  | CborFloat
  | bigint
  | string
  | boolean
  | null
  | undefined
  | Uint8Array
  | CborValue[]
  | CborMap
  | CborTag

/** A CBOR map in decoded (or encoding) order. Keys are ints or text in every COSE header. */
export type CborMap = Map<CborValue, CborValue>

const textEncoder = new TextEncoder()
const textDecoder = new TextDecoder('utf-8', { fatal: true })

function head(major: number, value: number | bigint): Uint8Array {
  const m = major << 5
  const v = BigInt(value)
  if (v < 24n) return Uint8Array.of(m | Number(v))
  if (v < 0x100n) return Uint8Array.of(m | 24, Number(v))
  if (v < 0x10000n) return Uint8Array.of(m | 25, Number(v >> 8n), Number(v & 0xffn))
  if (v < 0x100000000n) {
    const out = new Uint8Array(5)
    out[0] = m | 26
    new DataView(out.buffer).setUint32(1, Number(v))
    return out
  }
  if (v <= 0xffffffffffffffffn) {
    const out = new Uint8Array(9)
    out[0] = m | 27
    new DataView(out.buffer).setBigUint64(1, v)
    return out
  }
  throw new RangeError('CBOR integer out of range')
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b)
}

/** Encodes a value with shortest-form heads and core deterministic map key order. */
export function encodeCbor(value: CborValue): Uint8Array {
  return concat(encodeParts(value))
}

function encodeParts(value: CborValue): Uint8Array[] {
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      if (!Number.isSafeInteger(value)) throw new RangeError('CBOR: use bigint beyond 2^53')
      return [value >= 0 ? head(0, value) : head(1, -1 - value)]
    }
    const out = new Uint8Array(9)
    out[0] = 0xfb
    new DataView(out.buffer).setFloat64(1, value)
    return [out]
  }
  if (typeof value === 'bigint') return [value >= 0n ? head(0, value) : head(1, -1n - value)]
  if (value instanceof CborFloat) {
    const out = new Uint8Array(9)
    out[0] = 0xfb
    new DataView(out.buffer).setFloat64(1, value.value)
    return [out]
  }
  if (typeof value === 'string') {
    const bytes = textEncoder.encode(value)
    return [head(3, bytes.length), bytes]
  }
  if (value instanceof Uint8Array) return [head(2, value.length), value]
  if (value === false) return [Uint8Array.of(0xf4)]
  if (value === true) return [Uint8Array.of(0xf5)]
  if (value === null) return [Uint8Array.of(0xf6)]
  if (value === undefined) return [Uint8Array.of(0xf7)]
  if (Array.isArray(value)) return [head(4, value.length), ...value.flatMap(encodeParts)]
  if (value instanceof CborTag) return [head(6, value.tag), ...encodeParts(value.value)]
  const entries = [...value.entries()].map(([k, v]) => ({ key: encodeCbor(k), value: v }))
  entries.sort((a, b) => compareBytes(a.key, b.key))
  for (let i = 1; i < entries.length; i++) {
    if (compareBytes(entries[i - 1]!.key, entries[i]!.key) === 0) {
      throw new RangeError('CBOR: duplicate map key')
    }
  }
  return [head(5, entries.length), ...entries.flatMap((e) => [e.key, ...encodeParts(e.value)])]
}

/** Encodes a byte string with a minimal-length head (go-cose deterministicBinaryString). */
export function encodeBstr(bytes: Uint8Array): Uint8Array {
  return concat([head(2, bytes.length), bytes])
}

/** How strict decodeCbor is and how its messages name the data. */
export interface DecodeOptions {
  /** Allow CBOR tags; go-cose decodes the outer COSE_Sign1 array with tags forbidden. */
  allowTags: boolean
  /** Words for error messages, e.g. 'COSE unprotected header'. */
  context: string
}

const MAX_DEPTH = 32

class Reader {
  offset = 0
  constructor(
    readonly bytes: Uint8Array,
    readonly opts: DecodeOptions,
  ) {}

  fail(message: string): EnvelopeError {
    return new EnvelopeError(
      'ENVELOPE_MALFORMED',
      `${this.opts.context}: ${message} (at byte ${this.offset})`,
    )
  }

  need(n: number): void {
    if (this.offset + n > this.bytes.length) throw this.fail('unexpected end of CBOR data')
  }

  byte(): number {
    this.need(1)
    return this.bytes[this.offset++] as number
  }

  argument(info: number): number | bigint {
    if (info < 24) return info
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset)
    if (info === 24) return this.byte()
    if (info === 25) {
      this.need(2)
      const v = view.getUint16(this.offset)
      this.offset += 2
      return v
    }
    if (info === 26) {
      this.need(4)
      const v = view.getUint32(this.offset)
      this.offset += 4
      return v
    }
    if (info === 27) {
      this.need(8)
      const v = view.getBigUint64(this.offset)
      this.offset += 8
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v
    }
    if (info === 31) throw this.fail('indefinite-length items are not allowed')
    throw this.fail(`reserved additional information ${info}`)
  }

  length(info: number): number {
    const n = this.argument(info)
    if (typeof n === 'bigint' || n > this.bytes.length - this.offset) {
      throw this.fail('length exceeds the remaining data')
    }
    return n
  }

  item(depth: number): CborValue {
    if (depth > MAX_DEPTH) throw this.fail(`nesting deeper than ${MAX_DEPTH}`)
    const initial = this.byte()
    const major = initial >> 5
    const info = initial & 0x1f
    switch (major) {
      case 0:
        return this.argument(info)
      case 1: {
        const n = this.argument(info)
        return typeof n === 'bigint' ? -1n - n : -1 - n
      }
      case 2: {
        const len = this.length(info)
        // Copy into a plain Uint8Array: callers keep it, and Buffer.slice would alias the input.
        const out = new Uint8Array(this.bytes.subarray(this.offset, this.offset + len))
        this.offset += len
        return out
      }
      case 3: {
        const len = this.length(info)
        const raw = this.bytes.subarray(this.offset, this.offset + len)
        this.offset += len
        try {
          return textDecoder.decode(raw)
        } catch {
          throw this.fail('text string is not valid UTF-8')
        }
      }
      case 4: {
        const len = this.length(info)
        const out: CborValue[] = []
        for (let i = 0; i < len; i++) out.push(this.item(depth + 1))
        return out
      }
      case 5: {
        const len = this.length(info)
        const out: CborMap = new Map()
        const seen = new Set<string>()
        for (let i = 0; i < len; i++) {
          const keyStart = this.offset
          const key = this.item(depth + 1)
          // Duplicate detection on the key's identity; ints and text compare by value like Go does.
          const id =
            typeof key === 'number' || typeof key === 'bigint'
              ? `i:${String(key)}`
              : typeof key === 'string'
                ? `t:${key}`
                : `r:${Buffer.from(this.bytes.subarray(keyStart, this.offset)).toString('hex')}`
          if (seen.has(id)) throw this.fail(`duplicate map key ${describeKey(key)}`)
          seen.add(id)
          out.set(key, this.item(depth + 1))
        }
        return out
      }
      case 6: {
        const tag = this.argument(info)
        if (!this.opts.allowTags) throw this.fail(`CBOR tag ${String(tag)} is not allowed here`)
        if (typeof tag === 'bigint') throw this.fail('CBOR tag number too large')
        return new CborTag(tag, this.item(depth + 1))
      }
      default:
        return this.simple(info)
    }
  }

  simple(info: number): CborValue {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset)
    switch (info) {
      case 20:
        return false
      case 21:
        return true
      case 22:
        return null
      case 23:
        return undefined
      case 25: {
        this.need(2)
        const v = halfToNumber(view.getUint16(this.offset))
        this.offset += 2
        return new CborFloat(v)
      }
      case 26: {
        this.need(4)
        const v = view.getFloat32(this.offset)
        this.offset += 4
        return new CborFloat(v)
      }
      case 27: {
        this.need(8)
        const v = view.getFloat64(this.offset)
        this.offset += 8
        return new CborFloat(v)
      }
      case 31:
        throw this.fail('unexpected "break" (indefinite-length items are not allowed)')
      default:
        throw this.fail(`unsupported simple value ${info}`)
    }
  }
}

function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exp = (bits >> 10) & 0x1f
  const frac = bits & 0x3ff
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024)
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * 2 ** (exp - 15) * (1 + frac / 1024)
}

/** A label for messages: text keys quoted, ints as numbers. */
export function describeKey(key: CborValue): string {
  if (typeof key === 'string') return JSON.stringify(key)
  if (typeof key === 'number' || typeof key === 'bigint') return String(key)
  return `a ${cborTypeName(key)} key`
}

/** A CBOR type name for messages. */
export function cborTypeName(value: CborValue): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  if (value instanceof CborFloat) return 'float'
  if (typeof value === 'number' || typeof value === 'bigint') {
    return Number.isInteger(value) || typeof value === 'bigint' ? 'int' : 'float'
  }
  if (typeof value === 'string') return 'tstr'
  if (typeof value === 'boolean') return 'bool'
  if (value instanceof Uint8Array) return 'bstr'
  if (Array.isArray(value)) return 'array'
  if (value instanceof CborTag) return `tag ${value.tag}`
  return 'map'
}

/**
 * Decodes exactly one CBOR item from `bytes[start..]` and returns it with the offset after it.
 * Strict: see the module comment.
 */
export function decodeCborItem(
  bytes: Uint8Array,
  start: number,
  opts: DecodeOptions,
): { value: CborValue; end: number } {
  const reader = new Reader(bytes, opts)
  reader.offset = start
  const value = reader.item(0)
  return { value, end: reader.offset }
}

/** Decodes `bytes` as exactly one CBOR item (no trailing bytes). */
export function decodeCbor(bytes: Uint8Array, opts: DecodeOptions): CborValue {
  const { value, end } = decodeCborItem(bytes, 0, opts)
  if (end !== bytes.length) {
    throw new EnvelopeError(
      'ENVELOPE_MALFORMED',
      `${opts.context}: ${bytes.length - end} trailing byte(s) after the CBOR item`,
    )
  }
  return value
}

/** Converts decoded CBOR into plain JS for reporting (maps become arrays of [key, value]). */
export function cborToJs(value: CborValue): unknown {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [cborToJs(k), cborToJs(v)])
  if (Array.isArray(value)) return value.map(cborToJs)
  if (value instanceof CborTag) return { tag: value.tag, value: cborToJs(value.value) }
  if (value instanceof CborFloat) return value.value
  return value
}
