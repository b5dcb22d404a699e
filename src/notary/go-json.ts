/**
 * JSON bytes as Go's encoding/json writes them, for byte-for-byte parity with notation
 * (payloads, signature manifests, JWS headers): compact, HTML-safe escaping (<, >, & as \u003c...),
 * U+2028/U+2029 escaped, struct fields in declaration order, map keys sorted bytewise.
 *
 * Model: a plain object is a Go struct (insertion order is the field order, undefined = omitempty);
 * a Map is a Go map (keys sorted). Arrays, strings, finite numbers, booleans and null as usual.
 */
export type GoJsonValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly GoJsonValue[]
  | ReadonlyMap<string, GoJsonValue>
  | { readonly [key: string]: GoJsonValue }

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
}

function hex4(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`
}

/** A JSON string literal the way Go's encodeState.string writes it (Go ≥ 1.22). */
export function goJsonString(value: string): string {
  let out = '"'
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i)
    const code = value.charCodeAt(i)
    const short = SHORT_ESCAPES[ch]
    if (short !== undefined) out += short
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&') out += hex4(code)
    else if (code === 0x2028 || code === 0x2029) out += hex4(code)
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += ch + value.charAt(i + 1)
        i++
      } else out += '\\ufffd'
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\\ufffd'
    else out += ch
  }
  return out + '"'
}

/** Go's sort.Strings order: bytewise on UTF-8. */
export function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** Serializes like Go's json.Marshal (see the module comment for the value model). */
export function goJson(value: GoJsonValue): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'string') return goJsonString(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('JSON cannot encode a non-finite number')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((v: GoJsonValue) => goJson(v)).join(',')}]`
  if (value instanceof Map) {
    const keys = [...value.keys()].sort(compareGoStrings)
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value.get(k))}`).join(',')}}`
  }
  const entries = Object.entries(value as { readonly [key: string]: GoJsonValue }).filter(
    ([, v]) => v !== undefined,
  )
  return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(',')}}`
}

/** UTF-8 bytes of goJson(value). */
export function goJsonBytes(value: GoJsonValue): Uint8Array {
  return new Uint8Array(Buffer.from(goJson(value), 'utf8'))
}

/**
 * Re-encodes arbitrary parsed JSON the way Go does after unmarshalling into map[string]any:
 * every object becomes a sorted map. (golang-jwt does this to JWS payloads and headers.)
 */
export function toGoMapJson(value: unknown): GoJsonValue {
  if (value === null || typeof value !== 'object') return value as GoJsonValue
  if (Array.isArray(value)) return value.map(toGoMapJson)
  return new Map(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toGoMapJson(v)]),
  )
}
