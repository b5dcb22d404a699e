/**
 * The signed payload read the way notation-go reads it (notary-spec.md §1 "Verifier comparison",
 * §7.1 steps 9–10): Go `encoding/json.Unmarshal` of the payload bytes into
 * `envelope.Payload{TargetArtifact ocispec.Descriptor}` (image-spec v1.1.1), then `content.Equal`
 * and the user-metadata lookup on the result. `JSON.parse` decides differently on inputs only a
 * hand-made payload would contain, so this reproduces Go's decoder for that one struct:
 *
 * - the whole input is checked first (RFC 8259 grammar, nesting ≤ 10000, no BOM, no trailing
 *   data): any syntax error fails;
 * - object keys match fields case-insensitively (Go `foldName`: ASCII case, plus ſ ~ s and the
 *   Kelvin sign ~ k); unknown keys are ignored at every level;
 * - a repeated key decodes again into the same value: a later object merges into the struct (or
 *   map) an earlier one filled, a later scalar replaces;
 * - `null` leaves a string, number or struct as it was and resets a map, slice or pointer;
 * - a value of the wrong JSON type fails (e.g. a string size); `size` must be an integer literal in
 *   int64 range (`1.0`, `1e3` fail); `data` must be standard padded base64; map values may be null
 *   (they become "");
 * - strings are unquoted as Go does: invalid UTF-8 bytes and unpaired surrogate escapes become
 *   U+FFFD instead of failing.
 * Only mediaType, digest, size and annotations take part in a decision; urls, data and platform
 * are type-checked as Go does and reported as read (not with Go's slice-reuse quirks).
 */
import type { Descriptor } from '../oci/descriptor.js'

export class SignedPayloadError extends Error {}

type JsonValue =
  | { kind: 'object'; members: [string, JsonValue][] }
  | { kind: 'array'; items: JsonValue[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; text: string }
  | { kind: 'literal'; value: boolean | null }

/** Go encoding/json maxNestingDepth. */
const MAX_DEPTH = 10000

function isWs(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x41 && c <= 0x46) return c - 0x37
  if (c >= 0x61 && c <= 0x66) return c - 0x57
  return -1
}

/** Go `utf8.DecodeRune`: the rune and its width; invalid input is (U+FFFD, 1). */
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const b0 = b[i] as number
  if (b0 < 0x80) return [b0, 1]
  const cont = (k: number, lo = 0x80, hi = 0xbf): number | undefined => {
    const c = b[i + k]
    return c !== undefined && c >= lo && c <= hi ? c & 0x3f : undefined
  }
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1)
    return c1 === undefined ? [0xfffd, 1] : [((b0 & 0x1f) << 6) | c1, 2]
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1, b0 === 0xe0 ? 0xa0 : 0x80, b0 === 0xed ? 0x9f : 0xbf)
    const c2 = c1 === undefined ? undefined : cont(2)
    if (c1 === undefined || c2 === undefined) return [0xfffd, 1]
    return [((b0 & 0x0f) << 12) | (c1 << 6) | c2, 3]
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1, b0 === 0xf0 ? 0x90 : 0x80, b0 === 0xf4 ? 0x8f : 0xbf)
    const c2 = c1 === undefined ? undefined : cont(2)
    const c3 = c2 === undefined ? undefined : cont(3)
    if (c1 === undefined || c2 === undefined || c3 === undefined) return [0xfffd, 1]
    return [((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4]
  }
  return [0xfffd, 1]
}

/** Parses JSON bytes with Go's grammar, keeping repeated keys in order. Iterative (deep input). */
function parseJson(b: Uint8Array): JsonValue {
  let i = 0
  const syntax = (what: string): SignedPayloadError =>
    new SignedPayloadError(`invalid JSON at byte ${i}: ${what}`)
  const skipWs = (): void => {
    while (isWs(b[i])) i++
  }

  const u4 = (at: number): number => {
    if (b[at] !== 0x5c || b[at + 1] !== 0x75) return -1
    let r = 0
    for (let k = 2; k < 6; k++) {
      const h = hexValue(b[at + k])
      if (h < 0) return -1
      r = r * 16 + h
    }
    return r
  }

  const string = (): string => {
    // b[i] is the opening quote.
    i++
    const out: number[] = []
    for (;;) {
      const c = b[i]
      if (c === undefined) throw syntax('unexpected end of input in a string')
      if (c === 0x22) {
        i++
        break
      }
      if (c < 0x20) throw syntax('control character in a string')
      if (c !== 0x5c) {
        const [rune, width] = decodeRune(b, i)
        out.push(rune)
        i += width
        continue
      }
      const e = b[i + 1]
      const simple: Record<number, number> = {
        0x22: 0x22,
        0x5c: 0x5c,
        0x2f: 0x2f,
        0x62: 0x08,
        0x66: 0x0c,
        0x6e: 0x0a,
        0x72: 0x0d,
        0x74: 0x09,
      }
      if (e !== undefined && simple[e] !== undefined) {
        out.push(simple[e])
        i += 2
        continue
      }
      if (e !== 0x75) throw syntax('invalid escape in a string')
      let r = u4(i)
      if (r < 0) throw syntax('invalid \\u escape in a string')
      i += 6
      if (r >= 0xd800 && r <= 0xdfff) {
        const r1 = u4(i)
        if (r <= 0xdbff && r1 >= 0xdc00 && r1 <= 0xdfff) {
          r = 0x10000 + ((r - 0xd800) << 10) + (r1 - 0xdc00)
          i += 6
        } else {
          r = 0xfffd
        }
      }
      out.push(r)
    }
    let s = ''
    for (let k = 0; k < out.length; k += 4096) {
      s += String.fromCodePoint(...out.slice(k, k + 4096))
    }
    return s
  }

  const number = (): JsonValue => {
    const start = i
    const digits = (): number => {
      const from = i
      while ((b[i] ?? 0) >= 0x30 && (b[i] ?? 0) <= 0x39) i++
      return i - from
    }
    if (b[i] === 0x2d) i++
    if (b[i] === 0x30) i++
    else if (digits() === 0) throw syntax('invalid number')
    if (b[i] === 0x2e) {
      i++
      if (digits() === 0) throw syntax('invalid number')
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++
      if (b[i] === 0x2b || b[i] === 0x2d) i++
      if (digits() === 0) throw syntax('invalid number')
    }
    return { kind: 'number', text: Buffer.from(b.subarray(start, i)).toString('latin1') }
  }

  const literal = (word: string, value: boolean | null): JsonValue => {
    for (let k = 0; k < word.length; k++) {
      if (b[i + k] !== word.charCodeAt(k)) throw syntax('invalid literal')
    }
    i += word.length
    return { kind: 'literal', value }
  }

  type Frame =
    | { kind: 'object'; members: [string, JsonValue][]; key: string }
    | { kind: 'array'; items: JsonValue[] }
  const stack: Frame[] = []

  const key = (frame: { key: string }): void => {
    skipWs()
    if (b[i] !== 0x22) throw syntax('expected a string key')
    frame.key = string()
    skipWs()
    if (b[i] !== 0x3a) throw syntax("expected ':' after a key")
    i++
  }

  for (;;) {
    // Parse one value (pushing a frame for a non-empty container).
    skipWs()
    let value: JsonValue | undefined
    const c = b[i]
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= MAX_DEPTH) throw syntax('exceeded max depth')
      i++
      skipWs()
      if (c === 0x7b) {
        if (b[i] === 0x7d) {
          i++
          value = { kind: 'object', members: [] }
        } else {
          const frame: Frame = { kind: 'object', members: [], key: '' }
          key(frame)
          stack.push(frame)
          continue
        }
      } else if (b[i] === 0x5d) {
        i++
        value = { kind: 'array', items: [] }
      } else {
        stack.push({ kind: 'array', items: [] })
        continue
      }
    } else if (c === 0x22) value = { kind: 'string', value: string() }
    else if (c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) value = number()
    else if (c === 0x74) value = literal('true', true)
    else if (c === 0x66) value = literal('false', false)
    else if (c === 0x6e) value = literal('null', null)
    else throw syntax(c === undefined ? 'unexpected end of input' : 'invalid character')

    // Attach the value, closing every container that ends here.
    for (;;) {
      const top = stack[stack.length - 1]
      if (top === undefined) {
        skipWs()
        if (i !== b.length) throw syntax('invalid character after top-level value')
        return value
      }
      if (top.kind === 'object') top.members.push([top.key, value])
      else top.items.push(value)
      skipWs()
      const sep = b[i]
      if (sep === 0x2c) {
        i++
        if (top.kind === 'object') key(top)
        break
      }
      if ((top.kind === 'object' && sep === 0x7d) || (top.kind === 'array' && sep === 0x5d)) {
        i++
        stack.pop()
        value =
          top.kind === 'object'
            ? { kind: 'object', members: top.members }
            : { kind: 'array', items: top.items }
        continue
      }
      throw syntax(`expected ',' or '${top.kind === 'object' ? '}' : ']'}'`)
    }
  }
}

/** Go `foldName` restricted to what can equal an ASCII field name. */
function fold(name: string): string {
  let out = ''
  for (const ch of name) {
    if (ch === '\u017f') out += 'S'
    else if (ch === '\u212a') out += 'K'
    else if (ch >= 'a' && ch <= 'z') out += ch.toUpperCase()
    else out += ch
  }
  return out
}

function typeError(v: JsonValue, goType: string, field: string): SignedPayloadError {
  const kind = v.kind === 'literal' ? (v.value === null ? 'null' : 'bool') : v.kind
  return new SignedPayloadError(
    `json: cannot unmarshal ${kind} into Go value of type ${goType} (${field})`,
  )
}

const isNull = (v: JsonValue): boolean => v.kind === 'literal' && v.value === null

/** Decodes each member whose key folds to one of `fields` (in input order, repeats included). */
function eachField(
  v: { kind: 'object'; members: [string, JsonValue][] },
  fields: Readonly<Record<string, (value: JsonValue) => void>>,
): void {
  const byFold = new Map(Object.entries(fields).map(([name, f]) => [fold(name), f]))
  for (const [k, value] of v.members) byFold.get(fold(k))?.(value)
}

function goString(v: JsonValue, field: string, current: string): string {
  if (isNull(v)) return current
  if (v.kind !== 'string') throw typeError(v, 'string', field)
  return v.value
}

function goStringSlice(v: JsonValue, field: string): string[] | undefined {
  if (isNull(v)) return undefined
  if (v.kind !== 'array') throw typeError(v, '[]string', field)
  return v.items.map((item) => goString(item, field, ''))
}

function goInt64(v: JsonValue, field: string, current: number): number {
  if (isNull(v)) return current
  if (v.kind !== 'number') throw typeError(v, 'int64', field)
  const n = /^-?\d+$/.test(v.text) ? BigInt(v.text) : undefined
  if (n === undefined || n < -(2n ** 63n) || n >= 2n ** 63n) {
    throw new SignedPayloadError(
      `json: cannot unmarshal number ${v.text} into Go value of type int64 (${field})`,
    )
  }
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    // Go would read it; no registry descriptor has such a size, so it can only mismatch.
    throw new SignedPayloadError(`${field} ${v.text} is not a size any artifact can have`)
  }
  return Number(n)
}

const BASE64_STD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

interface GoPlatform {
  architecture: string
  os: string
  'os.version': string
  'os.features'?: string[]
  variant: string
}

/** The payload's targetArtifact as Go decodes it (zero values where the JSON has none). */
export function decodeSignedPayload(bytes: Uint8Array): { targetArtifact: Descriptor } {
  const root = parseJson(bytes)
  const d = {
    mediaType: '',
    digest: '',
    size: 0,
    urls: undefined as string[] | undefined,
    annotations: undefined as Map<string, string> | undefined,
    data: undefined as string | undefined,
    platform: undefined as GoPlatform | undefined,
    artifactType: '',
  }
  const platform = (v: JsonValue): void => {
    if (isNull(v)) {
      d.platform = undefined
      return
    }
    if (v.kind !== 'object') throw typeError(v, 'v1.Platform', 'targetArtifact.platform')
    const p = (d.platform ??= { architecture: '', os: '', 'os.version': '', variant: '' })
    const f = (name: keyof GoPlatform) => (x: JsonValue) => {
      const path = `targetArtifact.platform.${name}`
      if (name === 'os.features') {
        const list = goStringSlice(x, path)
        if (list === undefined) delete p['os.features']
        else p['os.features'] = list
      } else p[name] = goString(x, path, p[name])
    }
    eachField(v, {
      architecture: f('architecture'),
      os: f('os'),
      'os.version': f('os.version'),
      'os.features': f('os.features'),
      variant: f('variant'),
    })
  }
  const descriptor = (v: JsonValue): void => {
    if (isNull(v)) return
    if (v.kind !== 'object') throw typeError(v, 'v1.Descriptor', 'targetArtifact')
    eachField(v, {
      mediaType: (x) => (d.mediaType = goString(x, 'targetArtifact.mediaType', d.mediaType)),
      digest: (x) => (d.digest = goString(x, 'targetArtifact.digest', d.digest)),
      size: (x) => (d.size = goInt64(x, 'targetArtifact.size', d.size)),
      urls: (x) => (d.urls = goStringSlice(x, 'targetArtifact.urls')),
      annotations: (x) => {
        if (isNull(x)) {
          d.annotations = undefined
          return
        }
        if (x.kind !== 'object')
          throw typeError(x, 'map[string]string', 'targetArtifact.annotations')
        const map = (d.annotations ??= new Map())
        for (const [k, value] of x.members) {
          map.set(k, goString(value, `targetArtifact.annotations[${JSON.stringify(k)}]`, ''))
        }
      },
      data: (x) => {
        if (isNull(x)) {
          d.data = undefined
          return
        }
        if (x.kind !== 'string') throw typeError(x, '[]uint8', 'targetArtifact.data')
        if (!BASE64_STD.test(x.value.replace(/[\r\n]/g, ''))) {
          throw new SignedPayloadError('illegal base64 data in targetArtifact.data')
        }
        d.data = x.value
      },
      platform,
      artifactType: (x) =>
        (d.artifactType = goString(x, 'targetArtifact.artifactType', d.artifactType)),
    })
  }
  if (!isNull(root)) {
    if (root.kind !== 'object') throw typeError(root, 'envelope.Payload', 'payload')
    eachField(root, { targetArtifact: descriptor })
  }
  const targetArtifact: Descriptor = { mediaType: d.mediaType, digest: d.digest, size: d.size }
  if (d.annotations !== undefined) targetArtifact.annotations = Object.fromEntries(d.annotations)
  if (d.artifactType !== '') targetArtifact.artifactType = d.artifactType
  if (d.urls !== undefined) targetArtifact.urls = d.urls
  if (d.data !== undefined) targetArtifact.data = d.data
  if (d.platform !== undefined) {
    const { architecture, os, variant } = d.platform
    targetArtifact.platform = {
      architecture,
      os,
      ...(variant !== '' ? { variant } : {}),
      ...(d.platform['os.version'] !== '' ? { 'os.version': d.platform['os.version'] } : {}),
    }
  }
  return { targetArtifact }
}

/**
 * notation-go `verifyUserMetadata`: every key present with an equal value. `annotations` comes
 * from Object.fromEntries (own properties, so `__proto__` is a key like any other); only own
 * properties count.
 */
export function missingUserMetadata(
  annotations: Readonly<Record<string, string>> | undefined,
  required: ReadonlyMap<string, string>,
): [string, string][] {
  return [...required].filter(
    ([k, v]) => annotations === undefined || !Object.hasOwn(annotations, k) || annotations[k] !== v,
  )
}
