/**
 * A small PKI for revocation tests: root → intermediate → leaf where each certificate names its
 * own OCSP/CRL endpoints (the shared testbed PKI puts the same URL on the leaf and the
 * intermediate), OCSP responder certificates, and CRLs. EC P-256 throughout (fast). Test-only.
 */
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import * as asn1js from 'asn1js'
import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  webcrypto,
  type KeyObject,
} from 'node:crypto'

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

type CryptoKey = webcrypto.CryptoKey

const ALG = { name: 'ECDSA', namedCurve: 'P-256' }
const SIGN = { name: 'ECDSA', hash: 'SHA-256' }
/** RFC 5280 §4.2.1.15 / §5.2.6 freshestCRL, §5.2.3 cRLNumber, §5.2.4 deltaCRLIndicator. */
const OID_FRESHEST_CRL = '2.5.29.46'
const OID_CRL_NUMBER = '2.5.29.20'
const OID_DELTA_CRL_INDICATOR = '2.5.29.27'
const LONG_AGO = new Date('2000-01-01T00:00:00Z')
const FAR_FUTURE = new Date('2099-12-31T23:59:59Z')

export interface TestCert {
  der: Uint8Array
  pem: string
  subject: string
  /** Hex serial, as written into the certificate. */
  serial: string
  key: KeyObject
  keyPem: string
}

async function keys(key: KeyObject): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' })
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' })
  return {
    privateKey: await webcrypto.subtle.importKey('pkcs8', pkcs8, ALG, true, ['sign']),
    publicKey: await webcrypto.subtle.importKey('spki', spki, ALG, true, ['verify']),
  }
}

export interface IssueOptions {
  subject: string
  issuer?: TestCert
  ca?: boolean
  ocsp?: string[]
  crl?: string[]
  /** URLs for a freshestCRL (delta CRL distribution point) extension. */
  freshestCrl?: string[]
  eku?: string[]
  notBefore?: Date
  notAfter?: Date
}

export async function issueCert(o: IssueOptions): Promise<TestCert> {
  const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
  const own = await keys(key)
  const signer = o.issuer ? await keys(o.issuer.key) : own
  const ext: x509.Extension[] = []
  if (o.ca) {
    ext.push(new x509.BasicConstraintsExtension(true, undefined, true))
    ext.push(
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
    )
  } else {
    ext.push(new x509.BasicConstraintsExtension(false, undefined, true))
    ext.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true))
    ext.push(new x509.ExtendedKeyUsageExtension(o.eku ?? ['1.3.6.1.5.5.7.3.3'], false))
  }
  if (o.ocsp?.length) ext.push(new x509.AuthorityInfoAccessExtension({ ocsp: o.ocsp }))
  if (o.crl?.length) ext.push(new x509.CRLDistributionPointsExtension(o.crl))
  if (o.freshestCrl?.length) ext.push(freshestCrlExtension(o.freshestCrl))
  ext.push(await x509.SubjectKeyIdentifierExtension.create(own.publicKey))
  ext.push(await x509.AuthorityKeyIdentifierExtension.create(signer.publicKey))
  const serial = `7${randomBytes(10).toString('hex').slice(1)}`
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial,
    subject: o.subject,
    issuer: o.issuer ? o.issuer.subject : o.subject,
    notBefore: o.notBefore ?? LONG_AGO,
    notAfter: o.notAfter ?? FAR_FUTURE,
    signingAlgorithm: SIGN,
    publicKey: own.publicKey,
    signingKey: signer.privateKey,
    extensions: ext,
  })
  return {
    der: new Uint8Array(cert.rawData),
    pem: `${cert.toString('pem')}\n`,
    subject: o.subject,
    serial,
    key,
    keyPem: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
  }
}

/** freshestCRL: the same syntax as CRLDistributionPoints (fullName URIs), non-critical. */
function freshestCrlExtension(urls: string[]): x509.Extension {
  return new x509.Extension(
    OID_FRESHEST_CRL,
    false,
    new x509.CRLDistributionPointsExtension(urls).value,
  )
}

function integerExtension(oid: string, critical: boolean, n: bigint | number): x509.Extension {
  return new x509.Extension(oid, critical, asn1js.Integer.fromBigInt(n).toBER())
}

export interface RevocationPki {
  root: TestCert
  intermediate: TestCert
  leaf: TestCert
  chain: Uint8Array[]
}

/** root (no endpoints) → intermediate (endpoints `intermediate`) → leaf (endpoints `leaf`). */
export type Endpoints = Pick<IssueOptions, 'ocsp' | 'crl' | 'freshestCrl'>

export async function revocationPki(endpoints: {
  leaf?: Endpoints
  intermediate?: Endpoints
}): Promise<RevocationPki> {
  const id = randomBytes(3).toString('hex')
  const root = await issueCert({
    subject: `C=US, ST=WA, O=Revocation Test, CN=Root ${id}`,
    ca: true,
  })
  const intermediate = await issueCert({
    subject: `C=US, ST=WA, O=Revocation Test, CN=Intermediate ${id}`,
    issuer: root,
    ca: true,
    ...endpoints.intermediate,
  })
  const leaf = await issueCert({
    subject: `C=US, ST=WA, O=Revocation Test, CN=Leaf ${id}`,
    issuer: intermediate,
    ...endpoints.leaf,
  })
  return { root, intermediate, leaf, chain: [leaf.der, intermediate.der, root.der] }
}

export interface CrlOptions {
  revoked?: { serial: string; reason?: x509.X509CrlReason; invalidity?: Date; date?: Date }[]
  thisUpdate?: Date
  /** null: no nextUpdate. */
  nextUpdate?: Date | null
  extensions?: x509.Extension[]
  /** cRLNumber extension (non-critical). */
  number?: bigint | number
  /** freshestCRL extension naming these delta CRL URLs (non-critical). */
  freshestCrl?: string[]
  /** Makes this a delta CRL: critical deltaCRLIndicator with this BaseCRLNumber. */
  deltaOf?: bigint | number
  /** Sign with this key instead of the issuer's (the issuer name stays `issuer.subject`). */
  signingKey?: KeyObject
}

/** A CRL signed by `issuer`'s key (default: valid from a minute ago for a day). */
export async function makeCrl(issuer: TestCert, o: CrlOptions = {}): Promise<Uint8Array> {
  const { privateKey } = await keys(o.signingKey ?? issuer.key)
  const now = Date.now()
  const extensions = [...(o.extensions ?? [])]
  if (o.number !== undefined) extensions.push(integerExtension(OID_CRL_NUMBER, false, o.number))
  if (o.deltaOf !== undefined) {
    extensions.push(integerExtension(OID_DELTA_CRL_INDICATOR, true, o.deltaOf))
  }
  if (o.freshestCrl?.length) extensions.push(freshestCrlExtension(o.freshestCrl))
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.subject,
    thisUpdate: o.thisUpdate ?? new Date(now - 60_000),
    ...(o.nextUpdate === null ? {} : { nextUpdate: o.nextUpdate ?? new Date(now + 86_400_000) }),
    entries: (o.revoked ?? []).map((r) => ({
      serialNumber: r.serial,
      revocationDate: r.date ?? new Date(now - 60_000),
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
      ...(r.invalidity ? { invalidity: r.invalidity } : {}),
    })),
    ...(extensions.length ? { extensions } : {}),
    signingAlgorithm: SIGN,
    signingKey: privateKey,
  })
  return new Uint8Array(crl.rawData)
}

export const { X509CrlReason } = x509
