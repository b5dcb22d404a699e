/**
 * The mock Artifact Signing PKI (artifact-signing.md §10.7): a clearly fake root → issuing CA →
 * per-profile RSA-3072 leaf with the Artifact Signing extensions, and the certs-only PKCS#7 the
 * service returns (hand-rolled DER), double base64 encoded with 64-column CRLF lines.
 */
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import {
  X509Certificate,
  createPublicKey,
  randomBytes,
  randomInt,
  webcrypto,
  type KeyObject,
} from 'node:crypto'
import { caExtensions, testKey } from '../pki.js'

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

export type TrustModel = 'PublicTrust' | 'PrivateTrust'

export interface MockCert {
  der: Uint8Array
  pem: string
  subject: string
  key: KeyObject
}

export interface MockSigningChain {
  root: MockCert
  issuing: MockCert
  leaf: MockCert
  /** The profile EKU (1.3.6.1.4.1.311.97.…). */
  eku: string
  trust: TrustModel
}

const RSA_ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }
const HOUR = 3_600_000
const LONG_AGO = new Date('2000-01-01T00:00:00Z')
const FAR_FUTURE = new Date('2099-12-31T23:59:59Z')

async function cryptoKeys(
  key: KeyObject,
): Promise<{ privateKey: webcrypto.CryptoKey; publicKey: webcrypto.CryptoKey }> {
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' })
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' })
  return {
    privateKey: await webcrypto.subtle.importKey('pkcs8', pkcs8, RSA_ALG, true, ['sign']),
    publicKey: await webcrypto.subtle.importKey('spki', spki, RSA_ALG, true, ['verify']),
  }
}

async function issue(opts: {
  subject: string
  issuer?: MockCert
  key: KeyObject
  notBefore: Date
  notAfter: Date
  extensions: x509.Extension[]
}): Promise<MockCert> {
  const own = await cryptoKeys(opts.key)
  const signer = opts.issuer ? await cryptoKeys(opts.issuer.key) : own
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(16)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    subject: opts.subject,
    issuer: opts.issuer ? opts.issuer.subject : opts.subject,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    signingAlgorithm: RSA_ALG,
    publicKey: own.publicKey,
    signingKey: signer.privateKey,
    extensions: [
      ...opts.extensions,
      await x509.SubjectKeyIdentifierExtension.create(own.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(signer.publicKey),
    ],
  })
  const der = new Uint8Array(cert.rawData)
  return { der, pem: cert.toString('pem') + '\n', subject: opts.subject, key: opts.key }
}

const caCache = new Map<TrustModel, Promise<{ root: MockCert; issuing: MockCert }>>()

/** The mock CAs of a trust model (one pair per process, like the real fixed roots). */
export function mockCas(trust: TrustModel): Promise<{ root: MockCert; issuing: MockCert }> {
  let hit = caCache.get(trust)
  if (hit === undefined) {
    hit = (async () => {
      const rootName =
        trust === 'PublicTrust'
          ? 'Mock Identity Verification Root Certificate Authority 2020'
          : 'Mock Enterprise Identity Verification Root Certificate Authority 2020'
      const root = await issue({
        subject: `C=US, O=Mock Signing Corporation, CN=${rootName}`,
        key: testKey('rsa3072', `mock-as-root-${trust}`),
        notBefore: LONG_AGO,
        notAfter: FAR_FUTURE,
        extensions: caExtensions(),
      })
      const issuing = await issue({
        subject: `C=US, O=Mock Signing Corporation, CN=Mock ID Verified CS EOC CA 01${
          trust === 'PrivateTrust' ? ' (Private)' : ''
        }`,
        issuer: root,
        key: testKey('rsa3072', `mock-as-issuing-${trust}`),
        notBefore: LONG_AGO,
        notAfter: FAR_FUTURE,
        extensions: caExtensions(0),
      })
      return { root, issuing }
    })()
    caCache.set(trust, hit)
  }
  return hit
}

/** A fresh 72-hour leaf for a profile, like the service's daily renewal. */
export async function createMockSigningChain(opts: {
  trust?: TrustModel
  subject?: string
  key: KeyObject
  now?: Date
  /** The profile EKU to keep (a renewal keeps it); a new random one when absent. */
  eku?: string
}): Promise<MockSigningChain> {
  const trust = opts.trust ?? 'PublicTrust'
  const { root, issuing } = await mockCas(trust)
  const eku =
    opts.eku ??
    (trust === 'PublicTrust'
      ? `1.3.6.1.4.1.311.97.${Array.from({ length: 4 }, () => randomInt(1, 2 ** 31)).join('.')}`
      : `1.3.6.1.4.1.311.97.1.3.1.${Array.from({ length: 8 }, () => randomInt(1, 65535)).join('.')}`)
  const notBefore = new Date((opts.now ?? new Date()).getTime() - 5 * 60_000)
  const leaf = await issue({
    subject: opts.subject ?? 'C=US, ST=Washington, L=Redmond, O=Mock Publisher, CN=Mock Publisher',
    issuer: issuing,
    key: opts.key,
    notBefore,
    notAfter: new Date(notBefore.getTime() + 72 * HOUR),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(
        [...(trust === 'PublicTrust' ? ['1.3.6.1.4.1.311.97.1.0'] : []), '1.3.6.1.5.5.7.3.3', eku],
        false,
      ),
      new x509.CertificatePolicyExtension(['1.3.6.1.4.1.311.76.509.1.1', '2.23.140.1.4.1'], false),
    ],
  })
  return { root, issuing, leaf, eku, trust }
}

// --- DER helpers ---------------------------------------------------------------------------

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content.map((c) => Buffer.from(c)))
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body])
}

const OID_SIGNED_DATA = Buffer.from('06092a864886f70d010702', 'hex')
const OID_DATA = Buffer.from('06092a864886f70d010701', 'hex')

/**
 * DER ContentInfo{signedData, SignedData{1, {}, {id-data[, [0] OCTET STRING eContent]},
 * [0] IMPLICIT certificates, {}}}: the shape of the real service's `signingCertificate`.
 */
export function certsOnlyPkcs7(certificates: Uint8Array[], eContent?: Uint8Array): Buffer {
  const encap =
    eContent === undefined
      ? tlv(0x30, OID_DATA)
      : tlv(0x30, OID_DATA, tlv(0xa0, tlv(0x04, eContent)))
  const signedData = tlv(
    0x30,
    tlv(0x02, Buffer.from([1])),
    tlv(0x31),
    encap,
    tlv(0xa0, ...certificates),
    tlv(0x31),
  )
  return tlv(0x30, OID_SIGNED_DATA, tlv(0xa0, signedData))
}

/** base64 of the 64-column, CRLF-terminated base64 text of `der` (or single base64). */
export function encodeSigningCertificate(der: Uint8Array, single = false): string {
  const b64 = Buffer.from(der).toString('base64')
  if (single) return b64
  const lines = b64.match(/.{1,64}/g) ?? []
  return Buffer.from(lines.map((l) => `${l}\r\n`).join(''), 'ascii').toString('base64')
}

/** Parses a DER certificate (sanity checks in tests). */
export function certOf(der: Uint8Array): X509Certificate {
  return new X509Certificate(der)
}
