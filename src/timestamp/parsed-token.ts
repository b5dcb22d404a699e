/**
 * A timestamp token parsed once per distinct token bytes. The same token is read at signing (the
 * client checks the TSA's answer), again when the signature is read back and verified, and for
 * every verification of that signature; parsing it (CMS SignedData with its certificates, then the
 * TSTInfo) costs more than the token's one public-key operation. Pure: parse results are facts of
 * the bytes, kept per SHA-256 in a small bounded map; a token that fails to parse is not kept and
 * fails again the same way. Callers treat the result as read-only.
 */
import { BoundedCache, sha256Hex } from '../bounded-cache.js'
import { parseTimestampToken, parseTstInfo, type TimestampToken, type TstInfo } from './token.js'

export interface ParsedTimestampToken {
  token: TimestampToken
  tstInfo: TstInfo
}

export const TOKEN_CACHE_LIMIT = 128
const tokenCache = new BoundedCache<ParsedTimestampToken>(TOKEN_CACHE_LIMIT)

/** parseTimestampToken then parseTstInfo of its eContent (their errors, in that order), memoized. */
export function parsedTimestampToken(der: Uint8Array): ParsedTimestampToken {
  return tokenCache.getOrSet(sha256Hex(der), () => {
    const token = parseTimestampToken(der)
    const tstInfo = parseTstInfo(token.eContent)
    return Object.freeze({
      token: Object.freeze({
        ...token,
        certificates: Object.freeze([...token.certificates]) as Uint8Array[],
        signerInfos: Object.freeze([...token.signerInfos]) as TimestampToken['signerInfos'],
      }),
      tstInfo: Object.freeze(tstInfo),
    })
  })
}
