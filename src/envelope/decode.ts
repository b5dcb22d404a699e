import { decodeCoseSign1 } from '../cose/sign1.js'
import { decodeJws } from '../jws/jws.js'
import { MEDIA_TYPE } from '../notary/constants.js'
import { EnvelopeError } from './errors.js'
import type { ParsedEnvelope } from './types.js'

/**
 * Decodes a signature envelope by the media type of the manifest layer that holds it (the only
 * discriminator, notary-spec.md §8). Unknown media types are ENVELOPE_UNSUPPORTED.
 */
export function decodeEnvelope(mediaType: string, bytes: Uint8Array): ParsedEnvelope {
  switch (mediaType) {
    case MEDIA_TYPE.cose:
      return decodeCoseSign1(bytes)
    case MEDIA_TYPE.jws:
      return decodeJws(bytes)
    default:
      throw new EnvelopeError(
        'ENVELOPE_UNSUPPORTED',
        `signature envelope media type "${mediaType}" is not supported; expected "${MEDIA_TYPE.cose}" or "${MEDIA_TYPE.jws}"`,
      )
  }
}
