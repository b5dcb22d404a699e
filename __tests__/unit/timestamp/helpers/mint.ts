/**
 * Test-only RFC 3161 token minting with full control over every field, so each verification rule
 * can be broken on purpose: TSTInfo, SignedData, SignerInfo (PKCS#1 v1.5, RSA-PSS, ECDSA), signed
 * attributes, SigningCertificateV2/V1. Certificates come from testbed/pki.ts or `issueTsaLeaf`.
 */
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import {
  X509Certificate,
  constants,
  createHash,
  createPublicKey,
  randomBytes,
  sign as cryptoSign,
  webcrypto,
  type KeyObject,
} from 'node:crypto'
import * as asn1js from 'asn1js'
import type { HashAlgorithm } from '../../../../src/signer/signer.js'
import { OID, integerContents, oidOfHash } from '../../../../src/timestamp/der.js'
import { testKey, type IssuedCert, type KeyKind } from '../../../../testbed/pki.js'

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

const nodeHash = (h: HashAlgorithm): string => h.replace('-', '').toLowerCase()
const hashBytes = (h: HashAlgorithm, data: Uint8Array): Uint8Array =>
  new Uint8Array(createHash(nodeHash(h)).update(data).digest())

function algId(oid: string, params: asn1js.AsnType | null = new asn1js.Null()): asn1js.Sequence {
  const value: asn1js.AsnType[] = [new asn1js.ObjectIdentifier({ value: oid })]
  if (params !== null) value.push(params)
  return new asn1js.Sequence({ value })
}

function int(value: bigint | number): asn1js.Integer {
  return new asn1js.Integer({ valueHex: integerContents(BigInt(value)) })
}

function generalizedTime(date: Date, text?: string): asn1js.GeneralizedTime {
  const s =
    text ??
    date
      .toISOString()
      .replace(/[-:T]/g, '')
      .replace(/\.000Z$/, 'Z')
      .replace(/\.(\d+)Z$/, '.$1Z')
  return new asn1js.GeneralizedTime({ valueHex: new Uint8Array(Buffer.from(s, 'latin1')) })
}

function fromDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(der)
  if (parsed.offset === -1) throw new Error('bad DER in test helper')
  return parsed.result
}

export interface TstInfoOptions {
  message: Uint8Array
  hash?: HashAlgorithm
  /** Override the imprint hash OID (e.g. SHA-1) and/or digest bytes. */
  imprintOid?: string
  imprintDigest?: Uint8Array
  version?: number
  policy?: string
  serial?: bigint
  genTime?: Date
  genTimeText?: string
  accuracy?: { seconds?: number; millis?: number; micros?: number } | null
  nonce?: bigint
}

export function tstInfoDer(o: TstInfoOptions): Uint8Array {
  const hash = o.hash ?? 'SHA-256'
  const value: asn1js.AsnType[] = [
    int(o.version ?? 1),
    new asn1js.ObjectIdentifier({ value: o.policy ?? '1.3.6.1.4.1.99999.1.1' }),
    new asn1js.Sequence({
      value: [
        algId(o.imprintOid ?? oidOfHash(hash)),
        new asn1js.OctetString({ valueHex: o.imprintDigest ?? hashBytes(hash, o.message) }),
      ],
    }),
    int(o.serial ?? 4242n),
    generalizedTime(o.genTime ?? new Date(), o.genTimeText),
  ]
  const acc = o.accuracy === undefined ? { seconds: 1 } : o.accuracy
  if (acc !== null) {
    const parts: asn1js.AsnType[] = []
    if (acc.seconds !== undefined) parts.push(int(acc.seconds))
    if (acc.millis !== undefined) {
      parts.push(
        new asn1js.Primitive({
          idBlock: { tagClass: 3, tagNumber: 0 },
          valueHex: integerContents(BigInt(acc.millis)),
        }),
      )
    }
    if (acc.micros !== undefined) {
      parts.push(
        new asn1js.Primitive({
          idBlock: { tagClass: 3, tagNumber: 1 },
          valueHex: integerContents(BigInt(acc.micros)),
        }),
      )
    }
    value.push(new asn1js.Sequence({ value: parts }))
  }
  if (o.nonce !== undefined) value.push(int(o.nonce))
  return new Uint8Array(new asn1js.Sequence({ value }).toBER())
}

export type SignatureKind = 'pkcs1' | 'pkcs1-rsaEncryption' | 'pss' | 'ecdsa'

export interface SignerOptions {
  key: KeyObject
  cert: Uint8Array
  /** SignerInfo digest algorithm (and signature hash); default SHA-256. */
  digest?: HashAlgorithm
  signature?: SignatureKind
  /** Override the signatureAlgorithm OID (e.g. an unknown one). */
  signatureOid?: string
  version?: number
  /** false: no signed attributes at all (the signature then covers eContent). */
  signedAttributes?: boolean
  contentTypeAttr?: string | null
  messageDigestAttr?: Uint8Array | null
  signingTime?: Date
  /** SigningCertificateV2: default on with SHA-256 (hash algorithm omitted, i.e. the default). */
  essV2?: {
    hash?: HashAlgorithm | 'omit'
    hashOid?: string
    certHash?: Uint8Array
    issuerSerial?: boolean
    /** Point issuerSerial at another certificate (issuer+serial). */
    issuerSerialOf?: Uint8Array
  } | null
  /** Add a v1 SigningCertificate (ESSCertID with SHA-1). */
  essV1?: boolean
  /** Flip a bit in the signature. */
  corruptSignature?: boolean
}

function attr(type: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Set({ value: [value] })],
  })
}

function issuerAndSerial(certDer: Uint8Array): asn1js.Sequence {
  const cert = fromDer(certDer) as asn1js.Sequence
  const tbs = cert.valueBlock.value[0] as asn1js.Sequence
  const fields = tbs.valueBlock.value
  const offset = fields[0] instanceof asn1js.Constructed && fields[0].idBlock.tagClass === 3 ? 1 : 0
  const serial = fields[offset] as asn1js.Integer
  const issuer = fields[offset + 2] as asn1js.Sequence
  return new asn1js.Sequence({
    value: [fromDer(new Uint8Array(issuer.toBER())), fromDer(new Uint8Array(serial.toBER()))],
  })
}

function signerInfo(s: SignerOptions, eContent: Uint8Array, eContentType: string): asn1js.Sequence {
  const digest = s.digest ?? 'SHA-256'
  const keyType = s.key.asymmetricKeyType
  const kind: SignatureKind = s.signature ?? (keyType === 'ec' ? 'ecdsa' : 'pkcs1')
  const attrs: asn1js.AsnType[] = []
  if (s.contentTypeAttr !== null) {
    attrs.push(
      attr(
        OID.contentType,
        new asn1js.ObjectIdentifier({ value: s.contentTypeAttr ?? eContentType }),
      ),
    )
  }
  if (s.signingTime !== undefined)
    attrs.push(attr(OID.signingTime, new asn1js.UTCTime({ valueDate: s.signingTime })))
  if (s.messageDigestAttr !== null) {
    attrs.push(
      attr(
        OID.messageDigest,
        new asn1js.OctetString({ valueHex: s.messageDigestAttr ?? hashBytes(digest, eContent) }),
      ),
    )
  }
  if (s.essV2 !== null) {
    const e = s.essV2 ?? {}
    const h = e.hash === 'omit' || e.hash === undefined ? 'SHA-256' : e.hash
    const fields: asn1js.AsnType[] = []
    if (e.hashOid !== undefined) fields.push(algId(e.hashOid))
    else if (e.hash !== undefined && e.hash !== 'omit') fields.push(algId(oidOfHash(e.hash)))
    fields.push(new asn1js.OctetString({ valueHex: e.certHash ?? hashBytes(h, s.cert) }))
    if (e.issuerSerial !== false) {
      const ias = issuerAndSerial(e.issuerSerialOf ?? s.cert)
      const [issuer, serial] = ias.valueBlock.value as [asn1js.AsnType, asn1js.AsnType]
      fields.push(
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [
                new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [issuer] }),
              ],
            }),
            serial,
          ],
        }),
      )
    }
    attrs.push(
      attr(
        OID.signingCertificateV2,
        new asn1js.Sequence({
          value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: fields })] })],
        }),
      ),
    )
  }
  if (s.essV1) {
    const sha1 = new Uint8Array(createHash('sha1').update(s.cert).digest())
    attrs.push(
      attr(
        OID.signingCertificate,
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha1 })] })],
            }),
          ],
        }),
      ),
    )
  }
  const withAttrs = s.signedAttributes !== false
  const signedSet = new asn1js.Set({ value: attrs })
  const toSign = withAttrs ? new Uint8Array(signedSet.toBER()) : eContent
  let signature: Uint8Array
  let sigAlg: asn1js.Sequence
  const hl = digest === 'SHA-256' ? 32 : digest === 'SHA-384' ? 48 : 64
  if (kind === 'pss') {
    signature = new Uint8Array(
      cryptoSign(nodeHash(digest), toSign, {
        key: s.key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: hl,
      }),
    )
    const hashAlg = algId(oidOfHash(digest))
    sigAlg = algId(
      OID.rsassaPss,
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [hashAlg] }),
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 1 },
            value: [algId('1.2.840.113549.1.1.8', algId(oidOfHash(digest)))],
          }),
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 2 }, value: [int(hl)] }),
        ],
      }),
    )
  } else if (kind === 'ecdsa') {
    signature = new Uint8Array(cryptoSign(nodeHash(digest), toSign, s.key))
    const oid = {
      'SHA-256': OID.ecdsaWithSHA256,
      'SHA-384': OID.ecdsaWithSHA384,
      'SHA-512': OID.ecdsaWithSHA512,
    }[digest]
    sigAlg = algId(oid, null)
  } else {
    signature = new Uint8Array(
      cryptoSign(nodeHash(digest), toSign, { key: s.key, padding: constants.RSA_PKCS1_PADDING }),
    )
    const oid =
      kind === 'pkcs1-rsaEncryption'
        ? OID.rsaEncryption
        : {
            'SHA-256': OID.sha256WithRSA,
            'SHA-384': OID.sha384WithRSA,
            'SHA-512': OID.sha512WithRSA,
          }[digest]
    sigAlg = algId(oid)
  }
  if (s.signatureOid !== undefined) sigAlg = algId(s.signatureOid)
  if (s.corruptSignature)
    signature[signature.length - 1] = (signature[signature.length - 1] ?? 0) ^ 0x01
  const value: asn1js.AsnType[] = [
    int(s.version ?? 1),
    issuerAndSerial(s.cert),
    algId(oidOfHash(digest)),
  ]
  if (withAttrs) {
    value.push(new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: attrs }))
  }
  value.push(sigAlg, new asn1js.OctetString({ valueHex: signature }))
  return new asn1js.Sequence({ value })
}

export interface MintOptions extends TstInfoOptions {
  /** Certificates to put in SignedData.certificates (default: the first signer's certificate). */
  certs?: Uint8Array[]
  signers: SignerOptions[]
  eContentType?: string
  /** Use these TSTInfo bytes instead of building them. */
  eContent?: Uint8Array
}

/** A DER TimeStampToken (ContentInfo → SignedData). */
export function mintToken(o: MintOptions): Uint8Array {
  const eContent = o.eContent ?? tstInfoDer(o)
  const eContentType = o.eContentType ?? OID.tstInfo
  const certs = o.certs ?? [o.signers[0]?.cert as Uint8Array]
  const digests = [...new Set(o.signers.map((s) => s.digest ?? 'SHA-256'))].map((d) =>
    algId(oidOfHash(d)),
  )
  const sd = new asn1js.Sequence({
    value: [
      int(3),
      new asn1js.Set({ value: digests }),
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: eContentType }),
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 0 },
            value: [new asn1js.OctetString({ valueHex: eContent })],
          }),
        ],
      }),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: certs.map(fromDer) }),
      new asn1js.Set({ value: o.signers.map((s) => signerInfo(s, eContent, eContentType)) }),
    ],
  })
  const ci = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.signedData }),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [sd] }),
    ],
  })
  return new Uint8Array(ci.toBER())
}

/** A DER TimeStampResp around `token` (or none). */
export function mintResponse(
  token: Uint8Array | undefined,
  status = 0,
  opts: { text?: string[]; failBits?: number[] } = {},
): Uint8Array {
  const statusInfo: asn1js.AsnType[] = [int(status)]
  if (opts.text) {
    statusInfo.push(
      new asn1js.Sequence({ value: opts.text.map((t) => new asn1js.Utf8String({ value: t })) }),
    )
  }
  if (opts.failBits) {
    const max = Math.max(...opts.failBits)
    const bytes = new Uint8Array(Math.floor(max / 8) + 1)
    for (const b of opts.failBits) bytes[b >> 3] = (bytes[b >> 3] ?? 0) | (0x80 >> (b & 7))
    statusInfo.push(new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (max & 7) }))
  }
  const value: asn1js.AsnType[] = [new asn1js.Sequence({ value: statusInfo })]
  if (token) value.push(fromDer(token))
  return new Uint8Array(new asn1js.Sequence({ value }).toBER())
}

// ---------------------------------------------------------------------------------------------
// Certificates

function webAlg(kind: KeyKind): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams {
  if (kind.startsWith('rsa')) return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
  return {
    name: 'ECDSA',
    namedCurve: { ec256: 'P-256', ec384: 'P-384', ec521: 'P-521' }[kind as 'ec256'],
  }
}

export interface TsaLeafOptions {
  issuer: IssuedCert & { kind: KeyKind }
  keyKind?: KeyKind
  /** testKey slot, so an intermediate and its leaf get different keys. */
  keySlot?: string
  ekus?: string[]
  ekuCritical?: boolean
  /** KeyUsage flags; default digitalSignature. null: no keyUsage extension. */
  keyUsage?: number | null
  ca?: boolean
  notBefore?: Date
  notAfter?: Date
  subject?: string
}

/** A TSA-like leaf under `issuer` with any EKU/KU/validity (for negative tests). */
export async function issueTsaLeaf(o: TsaLeafOptions): Promise<IssuedCert & { kind: KeyKind }> {
  const kind = o.keyKind ?? 'rsa2048'
  const key = testKey(kind, o.keySlot ?? 'mint-tsa-leaf')
  const pub = await webcrypto.subtle.importKey(
    'spki',
    createPublicKey(key).export({ format: 'der', type: 'spki' }),
    webAlg(kind),
    true,
    ['verify'],
  )
  const issuerKey = await webcrypto.subtle.importKey(
    'pkcs8',
    o.issuer.privateKey.export({ format: 'der', type: 'pkcs8' }),
    webAlg(o.issuer.kind),
    false,
    ['sign'],
  )
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(o.ca ?? false, undefined, true),
  ]
  if (o.keyUsage !== null) {
    extensions.push(
      new x509.KeyUsagesExtension(o.keyUsage ?? x509.KeyUsageFlags.digitalSignature, true),
    )
  }
  if ((o.ekus ?? ['1.3.6.1.5.5.7.3.8']).length > 0) {
    extensions.push(
      new x509.ExtendedKeyUsageExtension(o.ekus ?? ['1.3.6.1.5.5.7.3.8'], o.ekuCritical ?? true),
    )
  }
  const subject =
    o.subject ?? `C=US, O=Notary Testbed, CN=Mint TSA ${randomBytes(3).toString('hex')}`
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(8)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    subject,
    issuer: o.issuer.subject,
    notBefore: o.notBefore ?? new Date('2000-01-01T00:00:00Z'),
    notAfter: o.notAfter ?? new Date('2099-12-31T23:59:59Z'),
    signingAlgorithm: o.issuer.kind.startsWith('rsa')
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : ({
          name: 'ECDSA',
          hash: o.issuer.kind === 'ec256' ? 'SHA-256' : 'SHA-384',
        } as webcrypto.EcdsaParams),
    publicKey: pub,
    signingKey: issuerKey,
    extensions,
  })
  const der = new Uint8Array(cert.rawData)
  return {
    der,
    pem: cert.toString('pem') + '\n',
    certificate: new X509Certificate(der),
    privateKey: key,
    privateKeyPem: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
    subject,
    kind,
  }
}
