/**
 * Hand-made certificates for the signing-core tests: every extension and validity knob the chain
 * rules look at, so each rule can be broken on its own. Keys come from testbed/pki.ts (cached).
 */
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import {
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  webcrypto,
  type KeyObject,
} from 'node:crypto'

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

export const KU = x509.KeyUsageFlags

export interface CertSpec {
  subject: string
  key: KeyObject
  /** Issuer; default: self-signed. */
  issuer?: { subject: string; key: KeyObject }
  notBefore?: Date
  notAfter?: Date
  basicConstraints?: { cA: boolean; pathLen?: number; critical?: boolean }
  keyUsage?: { flags: number; critical: boolean }
  eku?: { oids: string[]; critical: boolean }
  /** Signature hash; SHA-1 makes a certificate Go refuses. */
  hash?: 'SHA-1' | 'SHA-256' | 'SHA-384'
}

export interface MadeCert {
  der: Uint8Array
  pem: string
  subject: string
  key: KeyObject
}

type WebAlgorithm = Parameters<typeof webcrypto.subtle.importKey>[2] & { name: string }

function algorithmFor(
  key: KeyObject,
  hash: string,
): { importAlg: WebAlgorithm; signAlg: WebAlgorithm & { hash: string } } {
  if (key.asymmetricKeyType === 'rsa') {
    const alg = { name: 'RSASSA-PKCS1-v1_5', hash }
    return { importAlg: alg, signAlg: alg }
  }
  const curve = key.asymmetricKeyDetails?.namedCurve
  const namedCurve = curve === 'prime256v1' ? 'P-256' : curve === 'secp384r1' ? 'P-384' : 'P-521'
  return {
    importAlg: { name: 'ECDSA', namedCurve } as WebAlgorithm,
    signAlg: { name: 'ECDSA', hash },
  }
}

export async function makeCert(spec: CertSpec): Promise<MadeCert> {
  const signerKey = spec.issuer?.key ?? spec.key
  const hash = spec.hash ?? 'SHA-256'
  const signer = algorithmFor(signerKey, hash)
  const own = algorithmFor(spec.key, hash)
  const signingKey = await webcrypto.subtle.importKey(
    'pkcs8',
    signerKey.export({ format: 'der', type: 'pkcs8' }),
    signer.importAlg,
    false,
    ['sign'],
  )
  const publicKey = await webcrypto.subtle.importKey(
    'spki',
    createPublicKey(spec.key).export({ format: 'der', type: 'spki' }),
    own.importAlg,
    true,
    ['verify'],
  )
  const extensions: x509.Extension[] = []
  if (spec.basicConstraints) {
    const bc = spec.basicConstraints
    extensions.push(new x509.BasicConstraintsExtension(bc.cA, bc.pathLen, bc.critical ?? true))
  }
  if (spec.keyUsage)
    extensions.push(new x509.KeyUsagesExtension(spec.keyUsage.flags, spec.keyUsage.critical))
  if (spec.eku)
    extensions.push(new x509.ExtendedKeyUsageExtension(spec.eku.oids, spec.eku.critical))
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomBytes(8)
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    subject: spec.subject,
    issuer: spec.issuer?.subject ?? spec.subject,
    notBefore: spec.notBefore ?? new Date('2000-01-01T00:00:00Z'),
    notAfter: spec.notAfter ?? new Date('2099-12-31T23:59:59Z'),
    signingAlgorithm: signer.signAlg,
    publicKey,
    signingKey,
    extensions,
  })
  return {
    der: new Uint8Array(cert.rawData),
    pem: cert.toString('pem') + '\n',
    subject: spec.subject,
    key: spec.key,
  }
}

const keys = new Map<string, KeyObject>()

/** Cached throwaway keys for the hand-made certificates (ec256 is fast; rsa1024 is the "too small" case). */
export function key(kind: 'ec256' | 'ec384' | 'rsa1024' | 'rsa2048', slot = 'default'): KeyObject {
  const id = `${kind}/${slot}`
  const hit = keys.get(id)
  if (hit) return hit
  const made =
    kind === 'ec256' || kind === 'ec384'
      ? generateKeyPairSync('ec', { namedCurve: kind === 'ec256' ? 'P-256' : 'P-384' }).privateKey
      : generateKeyPairSync('rsa', { modulusLength: kind === 'rsa1024' ? 1024 : 2048 }).privateKey
  keys.set(id, made)
  return made
}

export const CA_KU = { flags: KU.keyCertSign | KU.cRLSign, critical: true }
export const LEAF_KU = { flags: KU.digitalSignature, critical: true }
export const CODE_SIGNING_EKU = { oids: ['1.3.6.1.5.5.7.3.3'], critical: false }
export const TSA_EKU = { oids: ['1.3.6.1.5.5.7.3.8'], critical: true }

export interface ChainOverrides {
  root?: Partial<CertSpec>
  intermediate?: Partial<CertSpec>
  leaf?: Partial<CertSpec>
}

/** root → intermediate → leaf with the good Notary profile, each part overridable. */
export async function makeChain(
  overrides: ChainOverrides = {},
  profile: 'code-signing' | 'timestamping' = 'code-signing',
): Promise<{ root: MadeCert; intermediate: MadeCert; leaf: MadeCert; ders: Uint8Array[] }> {
  const id = randomBytes(3).toString('hex')
  const root = await makeCert({
    subject: `C=US, ST=WA, O=Core Test, CN=Core Root ${id}`,
    key: key('ec384', 'root'),
    basicConstraints: { cA: true },
    keyUsage: CA_KU,
    ...overrides.root,
  })
  const intermediate = await makeCert({
    subject: `C=US, ST=WA, O=Core Test, CN=Core Intermediate ${id}`,
    key: key('ec256', 'intermediate'),
    issuer: { subject: root.subject, key: root.key },
    basicConstraints: { cA: true, pathLen: 0 },
    keyUsage: CA_KU,
    ...overrides.intermediate,
  })
  const leaf = await makeCert({
    subject: `C=US, ST=WA, O=Core Test, CN=Core Leaf ${id}`,
    key: key('ec256', 'leaf'),
    issuer: { subject: intermediate.subject, key: intermediate.key },
    basicConstraints: { cA: false },
    keyUsage: LEAF_KU,
    eku: profile === 'code-signing' ? CODE_SIGNING_EKU : TSA_EKU,
    ...overrides.leaf,
  })
  return { root, intermediate, leaf, ders: [leaf.der, intermediate.der, root.der] }
}
