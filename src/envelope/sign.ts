/**
 * Produces a Notary signature envelope (COSE or JWS) the way notation-core-go does
 * (signature/cose/envelope.go Sign, signature/jws/envelope.go Sign), and refuses to emit one
 * notation would reject: the signer's chain is validated, the leaf key must imply the signer's
 * algorithm, and the signature must verify with the leaf before anything is embedded.
 */
import { encodeProtectedHeader } from '../cose/headers.js'
import { encodeCoseSign1, sigStructure } from '../cose/sign1.js'
import { ActionError } from '../errors.js'
import {
  base64UrlEncode,
  canonicalJwsPayload,
  encodeJwsEnvelope,
  encodeJwsProtectedHeader,
  jwsSigningInput,
} from '../jws/jws.js'
import { MEDIA_TYPE } from '../notary/constants.js'
import { SigningError } from '../signer/errors.js'
import type { Signer } from '../signer/signer.js'
import type { Timestamper } from '../timestamp/types.js'
import { validateCodeSigningChain } from '../x509/chain.js'
import { algorithmForKeySpec, hashForAlgorithm } from '../x509/key-spec.js'
import { verifyRaw } from '../x509/raw-signature.js'
import { decodeEnvelope } from './decode.js'
import type { EnvelopeFormat } from './types.js'
import { truncateToSeconds } from './rules.js'
import { verifyEnvelopeSignature } from './signature.js'

/** Input of createSignatureEnvelope. */
export interface CreateEnvelopeRequest {
  format: EnvelopeFormat
  /** The Notary payload bytes ({"targetArtifact": ...}). */
  payload: Uint8Array
  signer: Signer
  signingTime: Date
  expiry?: Date
  /** Unprotected, informational (e.g. "oci-notary-action/0.1.0"). */
  signingAgent: string
  /** When given, the raw signature is timestamped (RFC 3161) and the token embedded. */
  timestamper?: Timestamper
}

/** A finished envelope and what was embedded in it. */
export interface CreatedEnvelope {
  envelope: Uint8Array
  mediaType: typeof MEDIA_TYPE.cose | typeof MEDIA_TYPE.jws
  /** The chain embedded in the envelope (DER, leaf first). */
  certificateChain: Uint8Array[]
  /** The signing time as signed (whole seconds). */
  signingTime: Date
  timestampToken?: Uint8Array
}

interface Prepared {
  toBeSigned: Uint8Array
  assemble: (signature: Uint8Array, chain: Uint8Array[], token?: Uint8Array) => Uint8Array
}

function prepare(req: CreateEnvelopeRequest, signingTime: Date, expiry?: Date): Prepared {
  const algorithm = req.signer.algorithm
  const times = { algorithm, signingTime, ...(expiry ? { expiry } : {}) }
  if (req.format === 'cose') {
    const protectedBytes = encodeProtectedHeader(times)
    return {
      toBeSigned: sigStructure(protectedBytes, req.payload),
      assemble: (signature, certificateChain, timestampToken) =>
        encodeCoseSign1({
          protectedBytes,
          unprotected: {
            certificateChain,
            signingAgent: req.signingAgent,
            ...(timestampToken ? { timestampToken } : {}),
          },
          payload: req.payload,
          signature,
        }),
    }
  }
  const protectedB64 = base64UrlEncode(Buffer.from(encodeJwsProtectedHeader(times), 'utf8'))
  const payloadB64 = base64UrlEncode(canonicalJwsPayload(req.payload))
  return {
    toBeSigned: jwsSigningInput(protectedB64, payloadB64),
    assemble: (signature, certificateChain, timestampToken) =>
      encodeJwsEnvelope({
        protectedB64,
        payloadB64,
        signature,
        certificateChain,
        signingAgent: req.signingAgent,
        ...(timestampToken ? { timestampToken } : {}),
      }),
  }
}

/** Signs `payload` into a COSE or JWS Notary envelope (see the module comment for the checks). */
export async function createSignatureEnvelope(
  req: CreateEnvelopeRequest,
): Promise<CreatedEnvelope> {
  const signingTime = truncateToSeconds(req.signingTime)
  const expiry = req.expiry ? truncateToSeconds(req.expiry) : undefined
  let prepared: Prepared
  try {
    prepared = prepare(req, signingTime, expiry)
  } catch (err) {
    throw new SigningError('SIGNER_REQUEST_INVALID', 'the sign request is invalid', { cause: err })
  }

  let result
  try {
    result = await req.signer.sign(prepared.toBeSigned)
  } catch (err) {
    if (err instanceof ActionError) throw err
    throw new SigningError('SIGNER_FAILED', `signing with ${req.signer.description} failed`, {
      cause: err,
    })
  }
  const { signature } = result
  const certificateChain = result.certificateChain.map((c) => new Uint8Array(c))

  // The TSA needs only the signature bytes: its round trip overlaps the checks below, and a
  // token over a signature that fails them is thrown away with it (nothing has left this function).
  const timestamping = req.timestamper?.timestamp(
    signature,
    // notary-spec.md §4.1: the primitive signature bytes, hashed with the algorithm's hash (the
    // announced algorithm, which must be the leaf's: checked below before the token is used).
    hashForAlgorithm(req.signer.algorithm),
  )
  timestamping?.catch(() => undefined)

  // Check what notation's verifier will check, before anything leaves this function.
  let validated
  try {
    validated = validateCodeSigningChain(certificateChain, { signingTime })
  } catch (err) {
    throw new SigningError(
      'SIGNER_CHAIN_INVALID',
      `the certificate chain from ${req.signer.description} is not a valid Notary code-signing chain at ${signingTime.toISOString()}`,
      { cause: err },
    )
  }
  const leafAlgorithm = algorithmForKeySpec(validated.keySpec)
  if (leafAlgorithm !== req.signer.algorithm) {
    throw new SigningError(
      'SIGNER_ALGORITHM_MISMATCH',
      `${req.signer.description} announced ${req.signer.algorithm} but its leaf certificate "${validated.leaf.subject}" (${validated.keySpec}) requires ${leafAlgorithm}`,
    )
  }
  if (!verifyRaw(leafAlgorithm, validated.leaf.publicKey, prepared.toBeSigned, signature)) {
    throw new SigningError(
      'SIGNER_LEAF_MISMATCH',
      `the signature from ${req.signer.description} does not verify with the key of its leaf certificate "${validated.leaf.subject}" (wrong key, or not ${leafAlgorithm} with the Notary parameters)`,
    )
  }

  let timestampToken: Uint8Array | undefined
  if (timestamping !== undefined) {
    try {
      timestampToken = await timestamping
    } catch (err) {
      throw new SigningError('SIGNER_TIMESTAMP', 'timestamping the signature failed', {
        cause: err,
      })
    }
  }

  const envelope = prepared.assemble(signature, certificateChain, timestampToken)
  const mediaType = req.format === 'cose' ? MEDIA_TYPE.cose : MEDIA_TYPE.jws
  // Self-check: our own decoder must accept the envelope and its signature (guards encoder bugs).
  if (!verifyEnvelopeSignature(decodeEnvelope(mediaType, envelope))) {
    throw new SigningError('SIGNER_LEAF_MISMATCH', 'the assembled envelope does not verify')
  }
  return {
    envelope,
    mediaType,
    certificateChain,
    signingTime,
    ...(timestampToken ? { timestampToken } : {}),
  }
}
