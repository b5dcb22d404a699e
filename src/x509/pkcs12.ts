/**
 * The certificates of a password-less PKCS#12 file (RFC 7292), pure: what Key Vault returns as a
 * certificate's secret when the certificate's content type is application/x-pkcs12. Only the
 * certificate bags are read; key bags are skipped without being decrypted.
 *
 * Certificate bags may sit in plain `data` or in `encryptedData`, encrypted with
 * - PBES2 (PBKDF2 with HMAC-SHA-1/256/384/512, AES-128/192/256-CBC or DES-EDE3-CBC): what
 *   OpenSSL 3 and current Windows/.NET write;
 * - pbeWithSHAAnd3-KeyTripleDES-CBC (the RFC 7292 Appendix B KDF): the legacy default.
 * RC2 (pbeWithSHAAnd40BitRC2-CBC) is refused with a coded error: Node's OpenSSL 3 does not load
 * the legacy provider that has it.
 * The MAC is not checked: the file came over TLS from the vault, and every certificate is later
 * checked as a chain and against the vault's signature, which a tampered file cannot pass.
 */
import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto'
import * as asn1js from 'asn1js'
import { CertificateError } from './errors.js'

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  sha1And3Des: '1.2.840.113549.1.12.1.3',
  sha1And40Rc2: '1.2.840.113549.1.12.1.6',
  sha1And128Rc2: '1.2.840.113549.1.12.1.5',
}
const PRF: Record<string, 'sha1' | 'sha256' | 'sha384' | 'sha512'> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
}
const CIPHER: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
}
const MAX_NESTING = 4

const fail = (message: string, cause?: unknown): CertificateError =>
  new CertificateError(
    'CERT_PARSE',
    `PKCS#12: ${message}`,
    cause === undefined ? undefined : { cause },
  )

function parse(der: Uint8Array, what: string): asn1js.AsnType {
  const result = asn1js.fromBER(der)
  if (result.offset === -1) throw fail(`${what} is not valid DER/BER`)
  return result.result
}

function sequence(node: unknown, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw fail(`${what} is not a SEQUENCE`)
  return node.valueBlock.value
}

function oid(node: unknown, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw fail(`${what} is not an OBJECT IDENTIFIER`)
  return node.valueBlock.toString()
}

/** The bytes of an OCTET STRING, primitive or constructed (BER). */
function octets(node: unknown, what: string): Uint8Array {
  if (!(node instanceof asn1js.OctetString)) throw fail(`${what} is not an OCTET STRING`)
  if (!node.valueBlock.isConstructed) return new Uint8Array(node.valueBlock.valueHexView)
  const parts = node.valueBlock.value.map((p, i) => octets(p, `${what} part ${i}`))
  return new Uint8Array(Buffer.concat(parts))
}

/** The value inside `[0] EXPLICIT`. */
function explicit0(node: unknown, what: string): asn1js.AsnType {
  const c = node as asn1js.Constructed
  if (
    c?.idBlock?.tagClass !== 3 ||
    c.idBlock.tagNumber !== 0 ||
    !Array.isArray(c.valueBlock?.value)
  ) {
    throw fail(`${what} is not [0] EXPLICIT`)
  }
  const inner = c.valueBlock.value[0]
  if (inner === undefined) throw fail(`${what} is empty`)
  return inner
}

/** `[0] IMPLICIT OCTET STRING` (encryptedContent): primitive or constructed. */
function implicitOctets0(node: unknown, what: string): Uint8Array {
  const n = node as asn1js.BaseBlock & {
    valueBlock: { value?: unknown[]; valueHexView?: Uint8Array }
  }
  if (n?.idBlock?.tagClass !== 3 || n.idBlock.tagNumber !== 0)
    throw fail(`${what} is not [0] IMPLICIT`)
  if (Array.isArray(n.valueBlock.value) && n.valueBlock.value.length > 0) {
    return new Uint8Array(
      Buffer.concat(n.valueBlock.value.map((p, i) => octets(p, `${what} part ${i}`))),
    )
  }
  return new Uint8Array(n.valueBlock.valueHexView ?? new Uint8Array(0))
}

function integer(node: unknown, what: string): number {
  if (!(node instanceof asn1js.Integer)) throw fail(`${what} is not an INTEGER`)
  const v = node.valueBlock.valueDec
  if (!Number.isSafeInteger(v) || v < 1 || v > 10_000_000) throw fail(`${what} is out of range`)
  return v
}

/** RFC 7292 Appendix B.2 with SHA-1 (v = 64, u = 20). */
export function pkcs12Kdf(
  password: Uint8Array,
  salt: Uint8Array,
  id: 1 | 2 | 3,
  iterations: number,
  n: number,
): Buffer {
  const v = 64
  const fill = (src: Uint8Array): Buffer => {
    if (src.length === 0) return Buffer.alloc(0)
    const len = v * Math.ceil(src.length / v)
    const out = Buffer.alloc(len)
    for (let i = 0; i < len; i++) out[i] = src[i % src.length] as number
    return out
  }
  const d = Buffer.alloc(v, id)
  const i = Buffer.concat([fill(salt), fill(password)])
  const out: Buffer[] = []
  let produced = 0
  while (produced < n) {
    let a = createHash('sha1').update(d).update(i).digest()
    for (let r = 1; r < iterations; r++) a = createHash('sha1').update(a).digest()
    out.push(a)
    produced += a.length
    const b = fill(a)
    for (let j = 0; j < i.length; j += v) {
      let carry = 1
      for (let k = v - 1; k >= 0; k--) {
        const sum = (i[j + k] as number) + (b[k] as number) + carry
        i[j + k] = sum & 0xff
        carry = sum >> 8
      }
    }
  }
  return Buffer.concat(out).subarray(0, n)
}

/** BMPString of the password with its two-byte terminator (RFC 7292 B.1); empty → two zero bytes. */
function bmpPassword(password: string): Uint8Array {
  const out = Buffer.alloc(password.length * 2 + 2)
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2)
  return out
}

function decrypt(algorithm: asn1js.AsnType, ciphertext: Uint8Array, password: string): Uint8Array {
  const [algOid, params] = sequence(algorithm, 'contentEncryptionAlgorithm')
  const id = oid(algOid, 'contentEncryptionAlgorithm')
  try {
    if (id === OID.pbes2) {
      const [kdf, scheme] = sequence(params, 'PBES2 parameters')
      const [kdfOid, kdfParams] = sequence(kdf, 'PBES2 keyDerivationFunc')
      if (oid(kdfOid, 'keyDerivationFunc') !== OID.pbkdf2)
        throw fail('PBES2 key derivation is not PBKDF2')
      const [saltNode, iterNode, ...rest] = sequence(kdfParams, 'PBKDF2 parameters')
      const salt = octets(saltNode, 'PBKDF2 salt')
      const iterations = integer(iterNode, 'PBKDF2 iterationCount')
      const prfNode = rest.find((r) => r instanceof asn1js.Sequence)
      const prfOid =
        prfNode === undefined ? '1.2.840.113549.2.7' : oid(sequence(prfNode, 'prf')[0], 'prf')
      const digest = PRF[prfOid]
      if (digest === undefined) throw fail(`unsupported PBKDF2 PRF ${prfOid}`)
      const [cipherOid, ivNode] = sequence(scheme, 'PBES2 encryptionScheme')
      const cipherId = oid(cipherOid, 'encryptionScheme')
      const cipher = CIPHER[cipherId]
      if (cipher === undefined) throw fail(`unsupported PBES2 cipher ${cipherId}`)
      const key = pbkdf2Sync(
        Buffer.from(password, 'utf8'),
        salt,
        iterations,
        cipher.keyLength,
        digest,
      )
      const d = createDecipheriv(cipher.name, key, octets(ivNode, 'PBES2 IV'))
      return new Uint8Array(Buffer.concat([d.update(ciphertext), d.final()]))
    }
    if (id === OID.sha1And3Des) {
      const [saltNode, iterNode] = sequence(params, 'PBE parameters')
      const salt = octets(saltNode, 'PBE salt')
      const iterations = integer(iterNode, 'PBE iterations')
      const pw = bmpPassword(password)
      const key = pkcs12Kdf(pw, salt, 1, iterations, 24)
      const iv = pkcs12Kdf(pw, salt, 2, iterations, 8)
      const d = createDecipheriv('des-ede3-cbc', key, iv)
      return new Uint8Array(Buffer.concat([d.update(ciphertext), d.final()]))
    }
  } catch (err) {
    if (err instanceof CertificateError) throw err
    throw fail('the certificate bags cannot be decrypted with an empty password', err)
  }
  if (id === OID.sha1And40Rc2 || id === OID.sha1And128Rc2) {
    throw fail(
      'the certificates are encrypted with RC2 (pbeWithSHAAnd40BitRC2-CBC), which Node cannot decrypt; re-export the PKCS#12 with AES (openssl pkcs12 -export -certpbe AES-256-CBC) or set the certificate content type to PEM',
    )
  }
  throw fail(`unsupported encryption ${id}`)
}

function collectBags(safeContents: Uint8Array, out: Uint8Array[], depth: number): void {
  if (depth > MAX_NESTING) throw fail('safe contents nest too deeply')
  for (const [i, bag] of sequence(parse(safeContents, 'SafeContents'), 'SafeContents').entries()) {
    const [bagId, bagValue] = sequence(bag, `SafeBag ${i}`)
    const id = oid(bagId, `SafeBag ${i} bagId`)
    if (id === OID.certBag) {
      const [certId, certValue] = sequence(explicit0(bagValue, 'CertBag'), 'CertBag')
      if (oid(certId, 'CertBag certId') !== OID.x509Certificate) continue
      out.push(octets(explicit0(certValue, 'CertBag certValue'), 'CertBag certValue'))
    } else if (id === OID.safeContentsBag) {
      const nested = explicit0(bagValue, 'SafeContentsBag')
      collectBags(new Uint8Array(nested.toBER(false)), out, depth + 1)
    }
    // Key bags (keyBag, pkcs8ShroudedKeyBag) and CRL/secret bags are skipped unread.
  }
}

/** The X.509 certificates in a PKCS#12 file (in file order), with the given password (default empty). */
export function certificatesFromPkcs12(der: Uint8Array, password = ''): Uint8Array[] {
  const [version, authSafe] = sequence(parse(der, 'the file'), 'PFX')
  if (integer(version, 'PFX version') !== 3) throw fail('PFX version is not 3')
  const [authType, authContent] = sequence(authSafe, 'authSafe')
  if (oid(authType, 'authSafe contentType') !== OID.data) {
    throw fail('authSafe is not of type data (public-key integrity mode is not supported)')
  }
  const authenticatedSafe = octets(explicit0(authContent, 'authSafe content'), 'authSafe content')
  const certs: Uint8Array[] = []
  for (const [i, info] of sequence(
    parse(authenticatedSafe, 'AuthenticatedSafe'),
    'AuthenticatedSafe',
  ).entries()) {
    const [type, content] = sequence(info, `ContentInfo ${i}`)
    const t = oid(type, `ContentInfo ${i} contentType`)
    if (t === OID.data) {
      collectBags(octets(explicit0(content, `ContentInfo ${i}`), `ContentInfo ${i}`), certs, 0)
    } else if (t === OID.encryptedData) {
      const [, eci] = sequence(explicit0(content, `ContentInfo ${i}`), 'EncryptedData')
      const [, algorithm, encrypted] = sequence(eci, 'EncryptedContentInfo')
      if (algorithm === undefined || encrypted === undefined)
        throw fail('EncryptedContentInfo is incomplete')
      const plain = decrypt(algorithm, implicitOctets0(encrypted, 'encryptedContent'), password)
      // A wrong password can still pass the CBC padding check (1 in 256): garbage then fails here.
      if (!(asn1js.fromBER(plain).result instanceof asn1js.Sequence)) {
        throw fail('the certificate bags cannot be decrypted with an empty password')
      }
      collectBags(plain, certs, 0)
    } else {
      throw fail(`unsupported ContentInfo type ${t}`)
    }
  }
  if (certs.length === 0) throw fail('the file holds no X.509 certificate')
  return certs
}
