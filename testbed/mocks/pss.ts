/**
 * Signing a precomputed digest, the way the Artifact Signing service does (artifact-signing.md §10.7).
 * Node has no prehashed RSASSA-PSS sign, so EMSA-PSS-ENCODE (RFC 8017 §9.1.1) is done here and the
 * raw RSA operation by `privateEncrypt(RSA_NO_PADDING)`. RS* use PKCS#1 v1.5 over a DigestInfo.
 */
import { constants, createHash, privateEncrypt, randomBytes, type KeyObject } from 'node:crypto'

export type MockHash = 'sha256' | 'sha384' | 'sha512'

const HASH_LEN: Record<MockHash, number> = { sha256: 32, sha384: 48, sha512: 64 }
const DIGEST_INFO_PREFIX: Record<MockHash, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
}

function mgf1(seed: Buffer, length: number, hash: MockHash): Buffer {
  const out: Buffer[] = []
  for (let counter = 0; out.length * HASH_LEN[hash] < length; counter++) {
    const c = Buffer.alloc(4)
    c.writeUInt32BE(counter)
    out.push(createHash(hash).update(seed).update(c).digest())
  }
  return Buffer.concat(out).subarray(0, length)
}

function modulusBits(key: KeyObject): number {
  const bits = key.asymmetricKeyDetails?.modulusLength
  if (bits === undefined) throw new Error('not an RSA key')
  return bits
}

/** RSASSA-PSS over a digest: MGF1 with the same hash, salt length = hash length. */
export function signDigestPss(key: KeyObject, digest: Uint8Array, hash: MockHash): Buffer {
  const hLen = HASH_LEN[hash]
  if (digest.length !== hLen) throw new Error(`digest must be ${hLen} bytes`)
  const bits = modulusBits(key)
  const emBits = bits - 1
  const emLen = Math.ceil(emBits / 8)
  const salt = randomBytes(hLen)
  const mPrime = Buffer.concat([Buffer.alloc(8), Buffer.from(digest), salt])
  const h = createHash(hash).update(mPrime).digest()
  const db = Buffer.concat([Buffer.alloc(emLen - hLen - hLen - 2), Buffer.from([1]), salt])
  const mask = mgf1(h, emLen - hLen - 1, hash)
  const maskedDb = Buffer.alloc(db.length)
  for (let i = 0; i < db.length; i++) maskedDb[i] = (db[i] as number) ^ (mask[i] as number)
  maskedDb[0] = (maskedDb[0] as number) & (0xff >> (8 * emLen - emBits))
  const em = Buffer.concat([maskedDb, h, Buffer.from([0xbc])])
  const k = Math.ceil(bits / 8)
  const padded = Buffer.concat([Buffer.alloc(k - em.length), em])
  return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, padded)
}

/** RSASSA-PKCS1-v1_5 over a digest. */
export function signDigestPkcs1(key: KeyObject, digest: Uint8Array, hash: MockHash): Buffer {
  const info = Buffer.concat([Buffer.from(DIGEST_INFO_PREFIX[hash], 'hex'), Buffer.from(digest)])
  return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, info)
}

export function hashOf(algorithm: string): MockHash | undefined {
  const m = /^(RS|PS|ES)(256|384|512)K?$/.exec(algorithm)
  return m ? (`sha${m[2]}` as MockHash) : undefined
}
