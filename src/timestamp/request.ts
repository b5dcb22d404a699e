/**
 * RFC 3161 TimeStampReq encoding, exactly what notation sends (notary-spec.md §4.1; tspclient-go
 * request.go): version 1, messageImprint over the raw signature bytes with the algorithm's hash
 * (AlgorithmIdentifier with NULL parameters), a random nonce below 2^159, certReq TRUE, no
 * reqPolicy, no extensions. Pure: the nonce's randomness comes in as bytes.
 */
import * as asn1js from 'asn1js'
import type { HashAlgorithm } from '../signer/signer.js'
import { bigintFromUnsigned, digest, integerContents, oidOfHash } from './der.js'
import { TimestampError } from './errors.js'

/** How many random bytes a nonce takes (160 bits, top bit cleared → < 2^159). */
export const NONCE_BYTES = 20

export interface TimestampRequest {
  /** DER TimeStampReq, the POST body. */
  der: Uint8Array
  /** The nonce that was put in the request (positive, < 2^159). */
  nonce: bigint
  hash: HashAlgorithm
  /** H(message): the messageImprint's hashedMessage. */
  digest: Uint8Array
}

/**
 * Turns random bytes into a nonce: big-endian, top bit of the first of 20 bytes cleared so the
 * value is below 2^159 (tspclient-go uses a 159-bit random), and never 0.
 */
export function nonceFromRandom(random: Uint8Array): bigint {
  if (random.length < NONCE_BYTES) {
    throw new TimestampError(
      'TSA_REQUEST',
      `nonce needs ${NONCE_BYTES} random bytes, got ${random.length}`,
    )
  }
  const bytes = new Uint8Array(random.subarray(0, NONCE_BYTES))
  bytes[0] = (bytes[0] ?? 0) & 0x7f
  const value = bigintFromUnsigned(bytes)
  return value === 0n ? 1n : value
}

const SUPPORTED: readonly HashAlgorithm[] = ['SHA-256', 'SHA-384', 'SHA-512']

/**
 * Builds the TimeStampReq for `message` (the bytes to timestamp: the raw signature) hashed with
 * `hash`. `nonceRandom` is at least {@link NONCE_BYTES} random bytes.
 */
export function createTimestampRequest(input: {
  message: Uint8Array
  hash: HashAlgorithm
  nonceRandom: Uint8Array
}): TimestampRequest {
  const { message, hash } = input
  if (!SUPPORTED.includes(hash)) {
    throw new TimestampError(
      'TSA_REQUEST',
      `unsupported hash algorithm "${String(hash)}" for the message imprint; use SHA-256, SHA-384 or SHA-512`,
    )
  }
  if (message.length === 0) {
    throw new TimestampError('TSA_REQUEST', 'the message to timestamp is empty')
  }
  const nonce = nonceFromRandom(input.nonceRandom)
  const hashed = digest(hash, message)
  const req = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      // MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING }
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [new asn1js.ObjectIdentifier({ value: oidOfHash(hash) }), new asn1js.Null()],
          }),
          new asn1js.OctetString({ valueHex: hashed }),
        ],
      }),
      new asn1js.Integer({ valueHex: integerContents(nonce) }),
      new asn1js.Boolean({ value: true }),
    ],
  })
  return { der: new Uint8Array(req.toBER()), nonce, hash, digest: hashed }
}
