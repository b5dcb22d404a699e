/**
 * `oci-notary cert generate-test`: a TEST-ONLY root CA and code-signing leaf, with the key, so a
 * local-key quick start can sign and verify before real certificates exist (as
 * `notation cert generate-test` does; notation makes one self-signed certificate, we make a root
 * and a leaf so the trust store holds a CA, as with a real PKI).
 *
 * The certificates follow the Notary Project chain rules (notary-spec.md §3.2): the root has a
 * critical basicConstraints cA=true and a critical keyUsage keyCertSign (+cRLSign); the leaf has
 * cA=false, a critical keyUsage digitalSignature only and the id-kp-codeSigning EKU. The subject
 * carries C, ST and O, which x509.subject identities need. The result is checked with our own
 * validateCodeSigningChain before it is returned, so a generated chain is one `sign` accepts.
 *
 * Key generation and certificate encoding only: the caller supplies the time and writes files.
 */
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { ConfigError } from '../errors.js'
import { EKU_OID } from '../x509/certificate.js'
import { validateCodeSigningChain } from '../x509/chain.js'
import { certificatesToPem, derToPem } from '../x509/pem.js'
import type { VerificationHint } from '../report/verification-hint.js'

export const TEST_KEY_TYPES = ['rsa-3072', 'ec-p256', 'ec-p384'] as const
export type TestKeyType = (typeof TEST_KEY_TYPES)[number]

export interface TestCertificateOptions {
  /** Used for the leaf CN and as the trust-store name: [a-zA-Z0-9_.-]+, as notation's store names. */
  name: string
  keyType: TestKeyType
  now: Date
  /** Validity of both certificates, from `now` (default 365). */
  days?: number
}

export interface TestCertificates {
  name: string
  keyType: TestKeyType
  /** PKCS#8 PEM of the leaf key (what `signing-key` takes). */
  leafKeyPem: string
  leafPem: string
  rootPem: string
  /** Leaf then root (what `signing-certificate-chain` takes). */
  chainPem: string
  /** The leaf subject as notation prints it and x509.subject matches it. */
  leafSubject: string
  rootSubject: string
  /** SHA-256 of the root certificate's DER, lowercase hex. */
  rootSha256: string
  notAfter: Date
}

const STORE_NAME = /^[a-zA-Z0-9_.-]+$/
const OID = {
  country: '2.5.4.6',
  state: '2.5.4.8',
  locality: '2.5.4.7',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
} as const

type Name = readonly (readonly [oid: string, value: string])[]

function generateKey(keyType: TestKeyType): { privateKey: KeyObject; publicKey: KeyObject } {
  switch (keyType) {
    case 'rsa-3072':
      return generateKeyPairSync('rsa', { modulusLength: 3072, publicExponent: 0x10001 })
    case 'ec-p256':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    case 'ec-p384':
      return generateKeyPairSync('ec', { namedCurve: 'P-384' })
  }
}

/** The certificate signature algorithm for an issuer key (PKCS#1 v1.5 is fine for certificates). */
function signatureAlgorithm(keyType: TestKeyType): { oid: string; hash: string } {
  switch (keyType) {
    case 'rsa-3072':
      return { oid: OID.sha256WithRSA, hash: 'sha256' }
    case 'ec-p256':
      return { oid: OID.ecdsaWithSha256, hash: 'sha256' }
    case 'ec-p384':
      return { oid: OID.ecdsaWithSha384, hash: 'sha384' }
  }
}

function toRdn(name: Name): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: name.map(
      ([type, value]) =>
        new pkijs.AttributeTypeAndValue({
          type,
          // RFC 5280 §4.1.2.4: countryName is a PrintableString; the rest may be UTF8String.
          value:
            type === OID.country
              ? new asn1js.PrintableString({ value })
              : new asn1js.Utf8String({ value }),
        }),
    ),
  })
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) })
}

/** RFC 5280 §4.2.1.3 KeyUsage bits: digitalSignature is bit 0 (0x80), keyCertSign 5, cRLSign 6. */
function keyUsage(bits: number, unusedBits: number): asn1js.BitString {
  return new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits })
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING contents. */
function keyIdentifier(spki: pkijs.PublicKeyInfo): ArrayBuffer {
  const digest = createHash('sha1')
    .update(new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView))
    .digest()
  return new Uint8Array(digest).buffer
}

function randomSerial(): asn1js.Integer {
  const bytes = new Uint8Array(randomBytes(16))
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x01 // positive and 16 bytes long
  return new asn1js.Integer({ valueHex: bytes.buffer })
}

interface IssueInput {
  subject: Name
  issuer: Name
  publicKey: KeyObject
  issuerKey: KeyObject
  issuerKeyType: TestKeyType
  issuerKeyId?: ArrayBuffer
  ca: boolean
  notBefore: Date
  notAfter: Date
}

function issue(input: IssueInput): Uint8Array {
  const spki = pkijs.PublicKeyInfo.fromBER(
    new Uint8Array(input.publicKey.export({ type: 'spki', format: 'der' })),
  )
  const algorithm = signatureAlgorithm(input.issuerKeyType)
  const algorithmId = new pkijs.AlgorithmIdentifier({
    algorithmId: algorithm.oid,
    // RFC 4055 §5: the RSA PKCS#1 v1.5 algorithms carry NULL parameters; ECDSA none (RFC 5758).
    ...(input.issuerKeyType === 'rsa-3072' ? { algorithmParams: new asn1js.Null() } : {}),
  })
  const ownKeyId = keyIdentifier(spki)
  const cert = new pkijs.Certificate({
    version: 2,
    serialNumber: randomSerial(),
    signature: algorithmId,
    issuer: toRdn(input.issuer),
    subject: toRdn(input.subject),
    notBefore: new pkijs.Time({ type: 0, value: input.notBefore }),
    notAfter: new pkijs.Time({ type: 0, value: input.notAfter }),
    subjectPublicKeyInfo: spki,
    extensions: [
      extension(
        OID.basicConstraints,
        true,
        new pkijs.BasicConstraints({ cA: input.ca }).toSchema(),
      ),
      input.ca
        ? extension(OID.keyUsage, true, keyUsage(0x06, 1)) // keyCertSign, cRLSign
        : extension(OID.keyUsage, true, keyUsage(0x80, 7)), // digitalSignature only
      ...(input.ca
        ? []
        : [
            extension(
              OID.extKeyUsage,
              false,
              new pkijs.ExtKeyUsage({ keyPurposes: [EKU_OID.codeSigning] }).toSchema(),
            ),
          ]),
      extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: ownKeyId })),
      ...(input.issuerKeyId === undefined
        ? []
        : [
            extension(
              OID.authorityKeyIdentifier,
              false,
              new pkijs.AuthorityKeyIdentifier({
                keyIdentifier: new asn1js.OctetString({ valueHex: input.issuerKeyId }),
              }).toSchema(),
            ),
          ]),
    ],
  })
  cert.signatureAlgorithm = algorithmId
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false))
  const signature = sign(algorithm.hash, tbs, input.issuerKey) // ECDSA: DER, as X.509 wants
  cert.signatureValue = new asn1js.BitString({ valueHex: new Uint8Array(signature).buffer })
  return new Uint8Array(cert.toSchema(true).toBER(false))
}

/** Makes the TEST-ONLY root + leaf + key. Throws ConfigError for a bad name, type or lifetime. */
export function generateTestCertificates(options: TestCertificateOptions): TestCertificates {
  const { name, keyType, now } = options
  const days = options.days ?? 365
  if (!STORE_NAME.test(name)) {
    throw new ConfigError(
      'INPUT_INVALID',
      `cert generate-test: name "${name}" must follow [a-zA-Z0-9_.-]+ (it is also the trust-store name)`,
    )
  }
  if (!(TEST_KEY_TYPES as readonly string[]).includes(keyType)) {
    throw new ConfigError(
      'INPUT_INVALID',
      `cert generate-test: --key-type must be one of ${TEST_KEY_TYPES.join(', ')}, got "${String(keyType)}"`,
    )
  }
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(
      'INPUT_INVALID',
      `cert generate-test: --days must be a whole number from 1 to 3650, got "${String(days)}"`,
    )
  }
  // A minute of back-dating absorbs clock skew between this machine and the verifier.
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 60_000)
  const notAfter = new Date(notBefore.getTime() + days * 86_400_000)
  const base: Name = [
    [OID.country, 'US'],
    [OID.state, 'WA'],
    [OID.locality, 'Seattle'],
    [OID.organization, 'Notary Test (TEST ONLY)'],
  ]
  const rootName: Name = [...base, [OID.commonName, `${name} TEST ONLY root`]]
  const leafName: Name = [...base, [OID.commonName, name]]

  const root = generateKey(keyType)
  const leaf = generateKey(keyType)
  const rootDer = issue({
    subject: rootName,
    issuer: rootName,
    publicKey: root.publicKey,
    issuerKey: root.privateKey,
    issuerKeyType: keyType,
    ca: true,
    notBefore,
    notAfter,
  })
  const rootSpki = pkijs.PublicKeyInfo.fromBER(
    new Uint8Array(createPublicKey(root.privateKey).export({ type: 'spki', format: 'der' })),
  )
  const leafDer = issue({
    subject: leafName,
    issuer: rootName,
    publicKey: leaf.publicKey,
    issuerKey: root.privateKey,
    issuerKeyType: keyType,
    issuerKeyId: keyIdentifier(rootSpki),
    ca: false,
    notBefore,
    notAfter,
  })
  // Fail closed: never hand out a chain that our own signer would refuse.
  const validated = validateCodeSigningChain([leafDer, rootDer], { signingTime: now })
  const rootInfo = validated.certificates[validated.certificates.length - 1] ?? validated.leaf
  return {
    name,
    keyType,
    leafKeyPem: leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    leafPem: derToPem(leafDer),
    rootPem: derToPem(rootDer),
    chainPem: certificatesToPem([leafDer, rootDer]),
    leafSubject: validated.leaf.subject,
    rootSubject: rootInfo.subject,
    rootSha256: rootInfo.sha256,
    notAfter,
  }
}

export interface TestCertificateFiles {
  key: string
  leaf: string
  chain: string
  root: string
  /** notation's layout: <truststore>/x509/ca/<name>/<name>-root.crt */
  trustStoreDir: string
}

/** The notation trust policy that accepts exactly this test leaf, under the test root's store. */
export function testTrustPolicy(certs: TestCertificates): VerificationHint['trustPolicy'] {
  return {
    version: '1.0',
    trustPolicies: [
      {
        name: `${certs.name}-test`,
        registryScopes: ['*'],
        signatureVerification: { level: 'strict' },
        trustStores: [`ca:${certs.name}`],
        trustedIdentities: [`x509.subject: ${certs.leafSubject}`],
      },
    ],
  }
}

/** The trust-store, trust-policy and signing snippets printed after generation. */
export function testCertificateInstructions(
  certs: TestCertificates,
  files: TestCertificateFiles,
): string {
  const policy = testTrustPolicy(certs)
  return [
    '*** TEST ONLY: a throwaway root and signing certificate. Never trust them in production. ***',
    '',
    `key type:     ${certs.keyType}`,
    `leaf subject: ${certs.leafSubject}`,
    `root subject: ${certs.rootSubject}`,
    `root SHA-256: ${certs.rootSha256}`,
    `valid until:  ${certs.notAfter.toISOString()}`,
    '',
    'files:',
    `  ${files.key}   signing key (PKCS#8 PEM, keep it private)`,
    `  ${files.chain}   certificate chain, leaf then root`,
    `  ${files.leaf}   leaf certificate`,
    `  ${files.root}   root certificate (the trust anchor)`,
    `  ${files.trustStoreDir}   notation trust store (x509/ca/${certs.name}/)`,
    '',
    'sign (action inputs or the same-named CLI flags):',
    `  signing-key: ${files.key}`,
    `  signing-certificate-chain: ${files.chain}`,
    '',
    'trust-store (inline mapping; or give the directory above, notation layout):',
    `  ca:${certs.name}: [${files.root}]`,
    '',
    'trust-policy:',
    ...JSON.stringify(policy, null, 2)
      .split('\n')
      .map((l) => `  ${l}`),
    '',
  ].join('\n')
}
