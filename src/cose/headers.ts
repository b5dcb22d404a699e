/**
 * The COSE protected header exactly as notation-core-go builds it (signature/cose/envelope.go
 * generateProtectedHeaders; notary-spec.md §2.2, §2.3, §2.6): alg, crit, cty, signingScheme, the
 * tag-1 signing time and optional expiry, in core deterministic order.
 */
import { MEDIA_TYPE, SIGNING_SCHEME, type SigningScheme } from '../notary/constants.js'
import type { SignatureAlgorithm } from '../signer/signer.js'
import { EnvelopeError } from '../envelope/errors.js'
import { HEADER } from '../envelope/labels.js'
import { checkExpiryAfterSigning } from '../envelope/rules.js'
import { algorithmInfo } from '../x509/key-spec.js'
import { CborTag, encodeCbor, type CborMap, type CborValue } from './cbor.js'

/** COSE header labels (RFC 9052 §3.1, RFC 9360). */
export const COSE_LABEL = {
  alg: 1,
  crit: 2,
  contentType: 3,
  x5chain: 33,
} as const

/** CBOR tag 1: epoch-based date/time (RFC 8949 §3.4.2). */
export const TAG_EPOCH_TIME = 1

/** What goes into the COSE protected header. */
export interface ProtectedHeaderInput {
  algorithm: SignatureAlgorithm
  signingTime: Date
  expiry?: Date
  /** Default notary.x509. */
  signingScheme?: SigningScheme
  /** Default application/vnd.cncf.notary.payload.v1+json. */
  contentType?: string
  /**
   * Extra protected headers, appended to crit in order when critical. Only for interop tests:
   * notary-spec.md §7.4 says to add none.
   */
  extendedAttributes?: readonly { key: string; value: CborValue; critical: boolean }[]
}

/** Tag 1 around integer seconds, the only time form notation accepts. */
export function epochTime(date: Date): CborTag {
  return new CborTag(TAG_EPOCH_TIME, Math.floor(date.getTime() / 1000))
}

/** The protected header map as CBOR bytes (to be wrapped in a bstr in the envelope). */
export function encodeProtectedHeader(input: ProtectedHeaderInput): Uint8Array {
  const scheme = input.signingScheme ?? SIGNING_SCHEME.x509
  const map: CborMap = new Map()
  const crit: CborValue[] = [HEADER.signingScheme]
  map.set(COSE_LABEL.alg, algorithmInfo(input.algorithm).coseAlg)
  map.set(HEADER.signingScheme, scheme)
  const signingSeconds = Math.floor(input.signingTime.getTime() / 1000)
  if (scheme === SIGNING_SCHEME.x509) {
    map.set(HEADER.signingTime, epochTime(input.signingTime))
  } else {
    map.set(HEADER.authenticSigningTime, epochTime(input.signingTime))
    crit.push(HEADER.authenticSigningTime)
  }
  if (input.expiry !== undefined) {
    checkExpiryAfterSigning(
      new Date(signingSeconds * 1000),
      new Date(Math.floor(input.expiry.getTime() / 1000) * 1000),
      'COSE protected header',
    )
    map.set(HEADER.expiry, epochTime(input.expiry))
    crit.push(HEADER.expiry)
  }
  for (const attr of input.extendedAttributes ?? []) {
    if (map.has(attr.key)) {
      throw new EnvelopeError(
        'ENVELOPE_MALFORMED',
        `extended attribute "${attr.key}" collides with a protected header`,
      )
    }
    map.set(attr.key, attr.value)
    if (attr.critical) crit.push(attr.key)
  }
  map.set(COSE_LABEL.crit, crit)
  map.set(COSE_LABEL.contentType, input.contentType ?? MEDIA_TYPE.notaryPayload)
  return encodeCbor(map)
}
