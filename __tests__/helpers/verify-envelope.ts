/**
 * Crafts Notary COSE envelopes for verifier tests, including ones a correct signer would never
 * produce (tampered parts, wrong PSS salt, extra critical headers, wrong cty).
 */
import { constants, sign, type KeyObject } from 'node:crypto'
import type { CborValue } from '../../src/cose/cbor.js'
import { encodeProtectedHeader } from '../../src/cose/headers.js'
import { encodeCoseSign1, sigStructure } from '../../src/cose/sign1.js'
import { MEDIA_TYPE, type SigningScheme } from '../../src/notary/constants.js'
import { buildPayload } from '../../src/notary/payload.js'
import type { Descriptor } from '../../src/oci/descriptor.js'
import type { SignatureAlgorithm } from '../../src/signer/signer.js'
import { algorithmInfo } from '../../src/x509/key-spec.js'
import { signRaw } from '../../src/x509/raw-signature.js'

export const SUBJECT: Descriptor = {
  mediaType: MEDIA_TYPE.ociManifest,
  digest: `sha256:${'ab'.repeat(32)}`,
  size: 1234,
}

export interface CraftOptions {
  leafKey: KeyObject
  /** DER, leaf first. */
  chain: readonly Uint8Array[]
  algorithm: SignatureAlgorithm
  subject?: Descriptor
  userMetadata?: Record<string, string>
  signingTime?: Date
  expiry?: Date
  scheme?: SigningScheme
  contentType?: string
  extendedAttributes?: { key: string; value: CborValue; critical: boolean }[]
  /** RSASSA-PSS salt length to sign with (default: the hash length, as required). */
  pssSaltLength?: number
  /** Gets a timestamp token over the raw signature. */
  timestamp?: (signature: Uint8Array) => Promise<Uint8Array>
  /** Embed a different payload than the one signed. */
  embeddedPayload?: Uint8Array
  /** Embed a different protected header than the one signed. */
  embeddedProtected?: Uint8Array
  /** Flip the last byte of the signature. */
  flipSignature?: boolean
}

export interface Crafted {
  envelope: Uint8Array
  signature: Uint8Array
  payload: Uint8Array
  protectedBytes: Uint8Array
  mediaType: typeof MEDIA_TYPE.cose
}

export async function craftCose(o: CraftOptions): Promise<Crafted> {
  const payload = buildPayload(o.subject ?? SUBJECT, new Map(Object.entries(o.userMetadata ?? {})))
  const protectedBytes = encodeProtectedHeader({
    algorithm: o.algorithm,
    signingTime: o.signingTime ?? new Date(Date.now() - 60_000),
    ...(o.expiry ? { expiry: o.expiry } : {}),
    ...(o.scheme ? { signingScheme: o.scheme } : {}),
    ...(o.contentType ? { contentType: o.contentType } : {}),
    ...(o.extendedAttributes ? { extendedAttributes: o.extendedAttributes } : {}),
  })
  const tbs = sigStructure(protectedBytes, payload)
  const info = algorithmInfo(o.algorithm)
  let signature =
    o.pssSaltLength !== undefined
      ? new Uint8Array(
          sign(info.nodeHash, tbs, {
            key: o.leafKey,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: o.pssSaltLength,
          }),
        )
      : signRaw(o.algorithm, o.leafKey, tbs)
  if (o.flipSignature) {
    signature = new Uint8Array(signature)
    signature[signature.length - 1] = (signature[signature.length - 1] as number) ^ 0x01
  }
  const timestampToken = o.timestamp ? await o.timestamp(signature) : undefined
  const envelope = encodeCoseSign1({
    protectedBytes: o.embeddedProtected ?? protectedBytes,
    unprotected: {
      certificateChain: o.chain,
      signingAgent: 'verify-tests/1.0',
      ...(timestampToken ? { timestampToken } : {}),
    },
    payload: o.embeddedPayload ?? payload,
    signature,
  })
  return { envelope, signature, payload, protectedBytes, mediaType: MEDIA_TYPE.cose }
}
