/**
 * COSE_Sign1 (RFC 9052 §4.2) for Notary signatures: the Sig_structure, the envelope encoder and a
 * strict decoder into ParsedEnvelope, rejecting what go-cose / notation-core-go reject and the
 * critical headers we do not implement (notary-spec.md §2, §7.4, §10 pitfalls 1, 2, 4).
 */
import { MEDIA_TYPE, type SigningScheme } from '../notary/constants.js'
import type { SignatureAlgorithm } from '../signer/signer.js'
import { EnvelopeError } from '../envelope/errors.js'
import { HEADER } from '../envelope/labels.js'
import {
  checkCritical,
  checkExpiryAfterSigning,
  checkSigningScheme,
  timeLabels,
} from '../envelope/rules.js'
import type { ParsedEnvelope } from '../envelope/types.js'
import { algorithmFromCose } from '../x509/key-spec.js'
import {
  CborFloat,
  CborTag,
  cborToJs,
  cborTypeName,
  decodeCbor,
  decodeCborItem,
  describeKey,
  encodeBstr,
  encodeCbor,
  type CborMap,
  type CborValue,
} from './cbor.js'
import { COSE_LABEL, TAG_EPOCH_TIME } from './headers.js'

const SIGNATURE1 = 'Signature1'
/** The largest |time| a JavaScript Date holds (ECMA-262 §21.4.1.1), in milliseconds. */
const MAX_DATE_MS = 8.64e15
const PROTECTED = 'COSE protected header'
const UNPROTECTED = 'COSE unprotected header'

/**
 * ToBeSigned = CBOR(["Signature1", protected bstr, h'' external_aad, payload bstr]) with
 * minimal-length heads, over the raw protected bytes (RFC 9052 §4.4; go-cose headers.go).
 */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor([SIGNATURE1, protectedBytes, new Uint8Array(0), payload])
}

/** What goes into the COSE unprotected header. */
export interface UnprotectedHeaderInput {
  /** DER certificates, leaf first; always emitted as an array (pitfall 1). */
  certificateChain: readonly Uint8Array[]
  signingAgent?: string
  /** RFC 3161 TimeStampToken (ContentInfo DER). */
  timestampToken?: Uint8Array
}

/** The unprotected header map: 33 x5chain, signingAgent, timestampSignature (deterministic order). */
export function encodeUnprotectedHeader(input: UnprotectedHeaderInput): Uint8Array {
  const map: CborMap = new Map()
  map.set(COSE_LABEL.x5chain, [...input.certificateChain])
  if (input.signingAgent !== undefined && input.signingAgent !== '') {
    map.set(HEADER.signingAgent, input.signingAgent)
  }
  if (input.timestampToken !== undefined) map.set(HEADER.timestampSignature, input.timestampToken)
  return encodeCbor(map)
}

/** Assembles COSE_Sign1_Tagged: d2 84, protected bstr, unprotected map, payload bstr, signature bstr. */
export function encodeCoseSign1(parts: {
  protectedBytes: Uint8Array
  unprotected: UnprotectedHeaderInput
  payload: Uint8Array
  signature: Uint8Array
}): Uint8Array {
  return Buffer.concat([
    Uint8Array.of(0xd2, 0x84),
    encodeBstr(parts.protectedBytes),
    encodeUnprotectedHeader(parts.unprotected),
    encodeBstr(parts.payload),
    encodeBstr(parts.signature),
  ])
}

function malformed(message: string): EnvelopeError {
  return new EnvelopeError('ENVELOPE_MALFORMED', message)
}

function labelString(label: CborValue): string {
  return typeof label === 'string' ? label : String(label)
}

function checkLabels(map: CborMap, ctx: string): void {
  for (const key of map.keys()) {
    if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'bigint') {
      throw malformed(`${ctx} has a label of type ${cborTypeName(key)}; labels must be int or tstr`)
    }
  }
}

function readTime(map: CborMap, label: string): Date | undefined {
  if (!map.has(label)) return undefined
  const value = map.get(label)
  if (!(value instanceof CborTag)) {
    throw new EnvelopeError(
      'ENVELOPE_TIME',
      `${PROTECTED} "${label}" must be a CBOR tag 1 date/time, got an untagged ${cborTypeName(value)}`,
    )
  }
  if (value.tag !== TAG_EPOCH_TIME) {
    throw new EnvelopeError(
      'ENVELOPE_TIME',
      `${PROTECTED} "${label}" uses CBOR tag ${value.tag}; only tag 1 (epoch seconds) is supported`,
    )
  }
  const raw = value.value
  // Integer seconds as notation writes them; a float is what fxamacker also decodes into a
  // time.Time (fractional seconds), so it is read, not refused.
  const seconds = raw instanceof CborFloat ? raw.value : raw
  if (typeof seconds === 'bigint' || (typeof seconds === 'number' && Number.isFinite(seconds))) {
    return epochSecondsToDate(seconds, label)
  }
  throw new EnvelopeError(
    'ENVELOPE_TIME',
    `${PROTECTED} "${label}" tag 1 must wrap a number of seconds, got ${cborTypeName(raw)}`,
  )
}

/**
 * Seconds since the epoch as a Date, refusing what a Date cannot hold (|t| > 8.64e12 s, RFC 8949
 * §3.4.2 allows any int). Go's time.Time holds such values, so notation-core-go would read them;
 * here an Invalid Date would make every later comparison false (an expiry that never comes) and
 * every rendering throw, so the envelope fails closed instead.
 */
function epochSecondsToDate(seconds: number | bigint, label: string): Date {
  const ms = typeof seconds === 'bigint' ? Number(seconds) * 1000 : Math.round(seconds * 1000)
  if (!(Math.abs(ms) <= MAX_DATE_MS)) {
    throw new EnvelopeError(
      'ENVELOPE_TIME',
      `${PROTECTED} "${label}" is ${String(seconds)} seconds since the epoch, outside the supported range of ±${MAX_DATE_MS / 1000} seconds (RFC 8949 §3.4.2 epoch time)`,
    )
  }
  return new Date(ms)
}

function splitOuter(bytes: Uint8Array): CborValue[] {
  if (bytes.length < 2 || bytes[0] !== 0xd2 || bytes[1] !== 0x84) {
    throw malformed(
      'COSE envelope must start with d2 84 (tag 18 COSE_Sign1_Tagged around a 4-element array)',
    )
  }
  // go-cose decodes the array with tags forbidden: tags may only appear inside the protected bstr.
  const items: CborValue[] = []
  let offset = 2
  for (let i = 0; i < 4; i++) {
    const { value, end } = decodeCborItem(bytes, offset, {
      allowTags: false,
      context: 'COSE_Sign1',
    })
    items.push(value)
    offset = end
  }
  if (offset !== bytes.length) {
    throw malformed(`COSE envelope has ${bytes.length - offset} trailing byte(s)`)
  }
  return items
}

/**
 * Decodes and checks a COSE_Sign1 Notary envelope. No signature or trust check happens here;
 * `toBeSigned` is the Sig_structure to verify against.
 */
export function decodeCoseSign1(bytes: Uint8Array): ParsedEnvelope {
  const [protectedItem, unprotectedItem, payload, signature] = splitOuter(bytes)

  if (!(protectedItem instanceof Uint8Array)) {
    throw malformed(`${PROTECTED} must be a bstr, got ${cborTypeName(protectedItem)}`)
  }
  const protectedMap = decodeCbor(protectedItem, { allowTags: true, context: PROTECTED })
  if (!(protectedMap instanceof Map)) {
    throw malformed(`${PROTECTED} must wrap a map, got ${cborTypeName(protectedMap)}`)
  }
  checkLabels(protectedMap, PROTECTED)
  if (!(unprotectedItem instanceof Map)) {
    throw malformed(`${UNPROTECTED} must be a map, got ${cborTypeName(unprotectedItem)}`)
  }
  checkLabels(unprotectedItem, UNPROTECTED)
  for (const key of unprotectedItem.keys()) {
    if (protectedMap.has(key)) {
      throw malformed(
        `header ${describeKey(key)} appears in both the protected and unprotected header`,
      )
    }
  }
  if (unprotectedItem.has(COSE_LABEL.crit)) {
    throw malformed(`${UNPROTECTED} must not carry "crit" (label 2)`)
  }
  if (!(payload instanceof Uint8Array)) {
    throw malformed(
      payload === null
        ? 'COSE payload is detached (nil); Notary envelopes carry the payload'
        : `COSE payload must be a bstr, got ${cborTypeName(payload)}`,
    )
  }
  if (payload.length === 0) throw malformed('COSE payload is empty')
  if (!(signature instanceof Uint8Array) || signature.length === 0) {
    throw malformed('COSE signature must be a non-empty bstr')
  }

  // alg (label 1)
  const alg = protectedMap.get(COSE_LABEL.alg)
  if (alg === undefined) throw malformed(`${PROTECTED} lacks "alg" (label 1)`)
  if (typeof alg !== 'number' && typeof alg !== 'string' && typeof alg !== 'bigint') {
    throw malformed(`${PROTECTED} "alg" (label 1) must be an int, got ${cborTypeName(alg)}`)
  }
  const algorithm: SignatureAlgorithm | undefined =
    typeof alg === 'number' ? algorithmFromCose(alg) : undefined
  if (!algorithm) {
    throw new EnvelopeError(
      'ENVELOPE_UNSUPPORTED',
      `${PROTECTED} "alg" (label 1) is ${String(alg)}; Notary allows -37 PS256, -38 PS384, -39 PS512, -7 ES256, -35 ES384, -36 ES512`,
    )
  }

  // cty (label 3)
  const cty = protectedMap.get(COSE_LABEL.contentType)
  if (typeof cty !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(cty)) {
    throw malformed(`${PROTECTED} "cty" (label 3) must be a "type/subtype" text string`)
  }

  const scheme: SigningScheme = checkSigningScheme(
    protectedMap.get(HEADER.signingScheme),
    PROTECTED,
  )

  // crit (label 2)
  const critRaw = protectedMap.get(COSE_LABEL.crit)
  if (critRaw === undefined) {
    throw new EnvelopeError('ENVELOPE_CRITICAL_HEADER', `${PROTECTED} lacks "crit" (label 2)`)
  }
  if (!Array.isArray(critRaw)) {
    throw malformed(`${PROTECTED} "crit" (label 2) must be an array, got ${cborTypeName(critRaw)}`)
  }
  const crit = critRaw.map((label) => {
    if (typeof label !== 'string' && typeof label !== 'number') {
      throw malformed(
        `${PROTECTED} "crit" lists a ${cborTypeName(label)}; labels must be int or tstr`,
      )
    }
    return labelString(label)
  })
  const present = new Set([...protectedMap.keys()].map(labelString))
  checkCritical(crit, present, scheme, PROTECTED)

  // Times (tag 1 only, notation-core-go parseTime).
  const labels = timeLabels(scheme)
  if (protectedMap.has(labels.forbidden)) {
    throw new EnvelopeError(
      'ENVELOPE_TIME',
      `${PROTECTED} carries "${labels.forbidden}", which the ${scheme} signing scheme does not use`,
    )
  }
  const signingTime = readTime(protectedMap, labels.required)
  if (signingTime === undefined) {
    throw new EnvelopeError('ENVELOPE_TIME', `${PROTECTED} lacks "${labels.required}"`)
  }
  const expiry = readTime(protectedMap, HEADER.expiry)
  checkExpiryAfterSigning(signingTime, expiry, PROTECTED)

  // Extended attributes: every other protected label.
  const system = new Set<string>([
    String(COSE_LABEL.alg),
    String(COSE_LABEL.crit),
    String(COSE_LABEL.contentType),
    HEADER.signingScheme,
    HEADER.signingTime,
    HEADER.authenticSigningTime,
    HEADER.expiry,
  ])
  const extendedAttributes: ParsedEnvelope['extendedAttributes'] = []
  for (const [key, value] of protectedMap) {
    const label = labelString(key)
    if (system.has(label)) continue
    if (
      (label === HEADER.verificationPlugin || label === HEADER.verificationPluginMinVersion) &&
      typeof value !== 'string'
    ) {
      throw malformed(`${PROTECTED} "${label}" must be a text string`)
    }
    extendedAttributes.push({ key: label, value: cborToJs(value), critical: crit.includes(label) })
  }

  // Unprotected: x5chain must be an array of bstr (notation reads only this bucket, as []any).
  const x5chain = unprotectedItem.get(COSE_LABEL.x5chain)
  if (x5chain === undefined) {
    throw new EnvelopeError(
      'ENVELOPE_CERTIFICATE_CHAIN',
      `${UNPROTECTED} lacks "x5chain" (label 33); the certificate chain is not present`,
    )
  }
  if (!Array.isArray(x5chain)) {
    throw new EnvelopeError(
      'ENVELOPE_CERTIFICATE_CHAIN',
      `${UNPROTECTED} "x5chain" (label 33) must be an array of bstr, got a ${cborTypeName(x5chain)}`,
    )
  }
  if (x5chain.length === 0) {
    throw new EnvelopeError(
      'ENVELOPE_CERTIFICATE_CHAIN',
      `${UNPROTECTED} "x5chain" (label 33) is empty`,
    )
  }
  const certificateChain = x5chain.map((cert, i) => {
    if (!(cert instanceof Uint8Array) || cert.length === 0) {
      throw new EnvelopeError(
        'ENVELOPE_CERTIFICATE_CHAIN',
        `${UNPROTECTED} "x5chain" entry ${i} must be a non-empty bstr (DER certificate)`,
      )
    }
    return cert
  })
  const tst = unprotectedItem.get(HEADER.timestampSignature)
  if (tst !== undefined && (!(tst instanceof Uint8Array) || tst.length === 0)) {
    throw malformed(`${UNPROTECTED} "${HEADER.timestampSignature}" must be a non-empty bstr`)
  }
  const agent = unprotectedItem.get(HEADER.signingAgent)
  if (agent !== undefined && typeof agent !== 'string') {
    throw malformed(`${UNPROTECTED} "${HEADER.signingAgent}" must be a text string`)
  }

  return {
    format: 'cose',
    mediaType: MEDIA_TYPE.cose,
    algorithm,
    contentType: cty,
    payload,
    signature,
    toBeSigned: sigStructure(protectedItem, payload),
    signingScheme: scheme,
    ...(labels.required === HEADER.signingTime
      ? { signingTime }
      : { authenticSigningTime: signingTime }),
    ...(expiry !== undefined ? { expiry } : {}),
    certificateChain,
    ...(tst instanceof Uint8Array ? { timestampToken: tst } : {}),
    ...(typeof agent === 'string' ? { signingAgent: agent } : {}),
    critical: crit,
    extendedAttributes,
  }
}
