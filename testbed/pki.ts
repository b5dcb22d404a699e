/**
 * Throwaway test PKI, made at test time: code-signing chains (root → intermediate → leaf) with the
 * Notary code-signing profile for every supported key type, bad variants, and RFC 3161 TSA chains.
 * CA certificates are valid from 2000-01-01 so back-dated timestamps still chain.
 *
 * Test-only code (uses @peculiar/x509, a devDependency); never bundled into dist/.
 */
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import {
  X509Certificate,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  webcrypto,
  type KeyObject,
} from 'node:crypto'

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

// WebCrypto types through node:crypto (the project compiles without the DOM lib).
type CryptoKey = webcrypto.CryptoKey
type ImportParams = webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams
type SignParams = webcrypto.Algorithm | webcrypto.EcdsaParams

export type KeyKind = 'rsa2048' | 'rsa3072' | 'rsa4096' | 'ec256' | 'ec384' | 'ec521'
export const ALL_KEY_KINDS: readonly KeyKind[] = [
  'rsa2048',
  'rsa3072',
  'rsa4096',
  'ec256',
  'ec384',
  'ec521',
]

export interface IssuedCert {
  der: Uint8Array
  pem: string
  certificate: X509Certificate
  privateKey: KeyObject
  /** PKCS#8 PEM. */
  privateKeyPem: string
  subject: string
}

export type LeafVariant =
  'good' | 'expired' | 'not-yet-valid' | 'wrong-eku' | 'no-ku' | 'ku-not-critical' | 'ca-leaf'

export interface CodeSigningPki {
  root: IssuedCert
  intermediate: IssuedCert
  leaf: IssuedCert
  /** leaf, intermediate, root (DER). */
  chainDer: Uint8Array[]
  /** leaf, intermediate, root (PEM, concatenated). */
  chainPem: string
}

export interface TsaPki {
  root: IssuedCert
  leaf: IssuedCert
  /** leaf, root (DER). */
  chainDer: Uint8Array[]
}

export const OID = {
  codeSigning: '1.3.6.1.5.5.7.3.3',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
} as const

const LONG_AGO = new Date('2000-01-01T00:00:00Z')
const FAR_FUTURE = new Date('2099-12-31T23:59:59Z')
const DAY = 86_400_000

// Key generation dominates test time for RSA; reuse keys per (kind, slot) within a process.
// Certificates differ per PKI (random subject suffix), so reuse never makes chains cross-valid.
const keyCache = new Map<string, KeyObject>()

export function testKey(kind: KeyKind, slot = 'default'): KeyObject {
  const cacheKey = `${kind}/${slot}`
  const hit = keyCache.get(cacheKey)
  if (hit) return hit
  const key = kind.startsWith('rsa')
    ? generateKeyPairSync('rsa', { modulusLength: Number(kind.slice(3)) }).privateKey
    : generateKeyPairSync('ec', {
        namedCurve: { ec256: 'P-256', ec384: 'P-384', ec521: 'P-521' }[kind as 'ec256'],
      }).privateKey
  keyCache.set(cacheKey, key)
  return key
}

function webAlgorithm(kind: KeyKind): ImportParams {
  if (kind.startsWith('rsa')) return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
  const namedCurve = { ec256: 'P-256', ec384: 'P-384', ec521: 'P-521' }[kind as 'ec256']
  return { name: 'ECDSA', namedCurve }
}

function signingAlgorithm(kind: KeyKind): SignParams {
  return kind.startsWith('rsa')
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
    : ({ name: 'ECDSA', hash: kind === 'ec256' ? 'SHA-256' : 'SHA-384' } as webcrypto.EcdsaParams)
}

async function cryptoKeys(
  key: KeyObject,
  kind: KeyKind,
): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  const alg = webAlgorithm(kind)
  const pkcs8 = key.export({ format: 'der', type: 'pkcs8' })
  const publicDer = createPublicKey(key).export({ format: 'der', type: 'spki' })
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, alg, true, ['sign'])
  const publicKey = await webcrypto.subtle.importKey('spki', publicDer, alg, true, ['verify'])
  return { privateKey, publicKey }
}

interface IssueOptions {
  subject: string
  issuer?: { cert: IssuedCert; kind: KeyKind }
  key: KeyObject
  keyKind: KeyKind
  notBefore: Date
  notAfter: Date
  extensions: x509.Extension[]
}

let serialCounter = 0

async function issue(opts: IssueOptions): Promise<IssuedCert> {
  const own = await cryptoKeys(opts.key, opts.keyKind)
  const signer = opts.issuer ? await cryptoKeys(opts.issuer.cert.privateKey, opts.issuer.kind) : own
  const signerKind = opts.issuer ? opts.issuer.kind : opts.keyKind
  const extensions = [
    ...opts.extensions,
    await x509.SubjectKeyIdentifierExtension.create(own.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(signer.publicKey),
  ]
  serialCounter += 1
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: `${randomBytes(8).toString('hex')}${serialCounter.toString(16).padStart(4, '0')}`,
    subject: opts.subject,
    issuer: opts.issuer ? opts.issuer.cert.subject : opts.subject,
    notBefore: opts.notBefore,
    notAfter: opts.notAfter,
    signingAlgorithm: signingAlgorithm(signerKind),
    publicKey: own.publicKey,
    signingKey: signer.privateKey,
    extensions,
  })
  const der = new Uint8Array(cert.rawData)
  return {
    der,
    pem: cert.toString('pem') + '\n',
    certificate: new X509Certificate(der),
    privateKey: opts.key,
    privateKeyPem: opts.key.export({ format: 'pem', type: 'pkcs8' }).toString(),
    subject: opts.subject,
  }
}

/** basicConstraints CA (critical) and keyUsage keyCertSign|cRLSign|digitalSignature (critical). */
export function caExtensions(pathLength?: number): x509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(true, pathLength, true),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.keyCertSign |
        x509.KeyUsageFlags.cRLSign |
        x509.KeyUsageFlags.digitalSignature,
      true,
    ),
  ]
}

function uniqueSuffix(): string {
  return randomBytes(4).toString('hex')
}

/** A root CA; `kind` defaults to EC P-384 (fast). */
export async function createRootCa(
  name = `Notary Test Root ${uniqueSuffix()}`,
  kind: KeyKind = 'ec384',
): Promise<IssuedCert & { kind: KeyKind }> {
  const cert = await issue({
    subject: `C=US, ST=WA, O=Notary Testbed, CN=${name}`,
    key: testKey(kind, `root-${name}`),
    keyKind: kind,
    notBefore: LONG_AGO,
    notAfter: FAR_FUTURE,
    extensions: caExtensions(),
  })
  return { ...cert, kind }
}

export interface CodeSigningPkiOptions {
  /** Leaf key type; default rsa3072 (what Artifact Signing uses). */
  keyKind?: KeyKind
  /** CA key type; default ec384. */
  caKeyKind?: KeyKind
  /** Leaf subject; default C=US, ST=WA, L=Seattle, O=Notary Testbed, CN=<unique>. */
  leafSubject?: string
  variant?: LeafVariant
  /** Leaf validity; default 2000-01-01 … 2099-12-31 (variants expired/not-yet-valid override). */
  leafNotBefore?: Date
  leafNotAfter?: Date
  /** Reference time for the expired / not-yet-valid variants; default now. */
  now?: Date
  /** AIA OCSP URL put on the leaf and the intermediate. */
  ocspUrl?: string
  /** CRL distribution point put on the leaf and the intermediate. */
  crlUrl?: string
  /** Reuse an existing root (e.g. to make a second leaf under the same trust anchor). */
  root?: IssuedCert & { kind: KeyKind }
}

/** A root → intermediate → leaf code-signing chain with the Notary profile (or a bad variant). */
export async function createCodeSigningPki(
  options: CodeSigningPkiOptions = {},
): Promise<CodeSigningPki & { root: IssuedCert & { kind: KeyKind } }> {
  const keyKind = options.keyKind ?? 'rsa3072'
  const caKind = options.caKeyKind ?? 'ec384'
  const id = uniqueSuffix()
  const now = options.now ?? new Date()
  const root = options.root ?? (await createRootCa(`Notary Test Root ${id}`, caKind))
  const revocationExtensions = (): x509.Extension[] => {
    const out: x509.Extension[] = []
    if (options.ocspUrl)
      out.push(new x509.AuthorityInfoAccessExtension({ ocsp: [options.ocspUrl] }))
    if (options.crlUrl) out.push(new x509.CRLDistributionPointsExtension([options.crlUrl]))
    return out
  }
  const intermediate = await issue({
    subject: `C=US, ST=WA, O=Notary Testbed, CN=Notary Test Issuing CA ${id}`,
    issuer: { cert: root, kind: root.kind },
    key: testKey(caKind, `intermediate-${id}`),
    keyKind: caKind,
    notBefore: LONG_AGO,
    notAfter: FAR_FUTURE,
    extensions: [...caExtensions(0), ...revocationExtensions()],
  })
  const variant = options.variant ?? 'good'
  let notBefore = options.leafNotBefore ?? LONG_AGO
  let notAfter = options.leafNotAfter ?? FAR_FUTURE
  if (variant === 'expired') {
    notBefore = new Date(now.getTime() - 30 * DAY)
    notAfter = new Date(now.getTime() - DAY)
  } else if (variant === 'not-yet-valid') {
    notBefore = new Date(now.getTime() + DAY)
    notAfter = new Date(now.getTime() + 30 * DAY)
  }
  const leafExtensions: x509.Extension[] = []
  if (variant === 'ca-leaf') {
    leafExtensions.push(...caExtensions())
  } else {
    leafExtensions.push(new x509.BasicConstraintsExtension(false, undefined, true))
    if (variant !== 'no-ku') {
      leafExtensions.push(
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature,
          variant !== 'ku-not-critical',
        ),
      )
    }
    leafExtensions.push(
      new x509.ExtendedKeyUsageExtension(
        [variant === 'wrong-eku' ? OID.serverAuth : OID.codeSigning],
        false,
      ),
    )
  }
  leafExtensions.push(...revocationExtensions())
  const leaf = await issue({
    subject:
      options.leafSubject ?? `C=US, ST=WA, L=Seattle, O=Notary Testbed, CN=Test Signer ${id}`,
    issuer: { cert: intermediate, kind: caKind },
    key: testKey(keyKind, 'leaf'),
    keyKind,
    notBefore,
    notAfter,
    extensions: leafExtensions,
  })
  return {
    root,
    intermediate,
    leaf,
    chainDer: [leaf.der, intermediate.der, root.der],
    chainPem: leaf.pem + intermediate.pem + root.pem,
  }
}

/** A self-signed single-certificate code-signing "chain" (validated with the leaf rules). */
export async function createSelfSignedSigner(keyKind: KeyKind = 'rsa2048'): Promise<IssuedCert> {
  return issue({
    subject: `C=US, ST=WA, O=Notary Testbed, CN=Self Signed ${uniqueSuffix()}`,
    key: testKey(keyKind, 'self-signed'),
    keyKind,
    notBefore: LONG_AGO,
    notAfter: FAR_FUTURE,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([OID.codeSigning], false),
    ],
  })
}

/**
 * An RFC 3161 TSA chain: root CA → TSA leaf with a single critical timeStamping EKU
 * (what notation-core-go's timestamping-chain validation demands).
 */
export async function createTsaPki(
  options: { name?: string; keyKind?: KeyKind; leafNotBefore?: Date; leafNotAfter?: Date } = {},
): Promise<TsaPki> {
  const name = options.name ?? `Test TSA ${uniqueSuffix()}`
  const kind = options.keyKind ?? 'rsa2048'
  const root = await createRootCa(`${name} Root`, 'ec384')
  const leaf = await issue({
    subject: `C=US, ST=WA, O=Notary Testbed, CN=${name}`,
    issuer: { cert: root, kind: root.kind },
    key: testKey(kind, `tsa-${name}`),
    keyKind: kind,
    notBefore: options.leafNotBefore ?? LONG_AGO,
    notAfter: options.leafNotAfter ?? FAR_FUTURE,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([OID.timeStamping], true),
    ],
  })
  return { root, leaf, chainDer: [leaf.der, root.der] }
}

/**
 * A TLS server certificate for 127.0.0.1/localhost issued by `ca` (for the HTTPS test servers),
 * also naming `registry.test`: a name no resolver knows, reachable only through testbed/proxy.ts.
 */
export async function createServerCertificate(
  ca: IssuedCert & { kind: KeyKind },
): Promise<IssuedCert> {
  return issue({
    subject: `CN=127.0.0.1, O=Notary Testbed`,
    issuer: { cert: ca, kind: ca.kind },
    key: testKey('ec256', `tls-${uniqueSuffix()}`),
    keyKind: 'ec256',
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 30 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([OID.serverAuth], false),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
        { type: 'dns', value: 'registry.test' },
      ]),
    ],
  })
}

/** A CRL from `issuer` listing `revokedSerials` (hex), valid for a day. */
export async function createCrl(
  issuer: IssuedCert & { kind?: KeyKind },
  issuerKind: KeyKind,
  revokedSerials: string[],
  now = new Date(),
): Promise<Uint8Array> {
  const keys = await cryptoKeys(issuer.privateKey, issuerKind)
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.subject,
    thisUpdate: new Date(now.getTime() - 60_000),
    nextUpdate: new Date(now.getTime() + DAY),
    entries: revokedSerials.map((serialNumber) => ({
      serialNumber,
      revocationDate: new Date(now.getTime() - 60_000),
    })),
    signingAlgorithm: signingAlgorithm(issuerKind),
    signingKey: keys.privateKey,
  })
  return new Uint8Array(crl.rawData)
}
