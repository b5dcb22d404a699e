/**
 * readCertificateStructure (asn1js alone) reads the same fields pkijs's Certificate schema read,
 * on public CA certificates, the notation vectors' certificates and every test key type; and it
 * refuses malformed structures.
 */
import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseCertificate } from '../../../src/x509/certificate.js'
import {
  CertificateStructureError,
  readCertificateStructure,
} from '../../../src/x509/certificate-structure.js'
import { pemToCertificates } from '../../../src/x509/pem.js'
import { ALL_KEY_KINDS, createCodeSigningPki, createTsaPki } from '../../../testbed/pki.js'
import { revocationPki } from '../../helpers/verify-pki.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures')

function fixtureCerts(): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = []
  for (const f of ['notation/globalsignRoot.cer', 'notation/DigiCertTSARootSHA384.cer'])
    out.push([f, new Uint8Array(readFileSync(join(FIXTURES, f)))])
  for (const f of [
    'notation/TestTimestamp.crt',
    'notation/cose_signature.leaf.pem',
    'notation/blob.cose.leaf.pem',
    'notation/coseExpiredWithTimestamp.leaf.pem',
    'timestamp/tspclient-go/GlobalSignRootCA.crt',
  ]) {
    pemToCertificates(readFileSync(join(FIXTURES, f), 'utf8'), f).forEach((der, i) =>
      out.push([`${f}#${i}`, der]),
    )
  }
  return out
}

function viaPkijs(der: Uint8Array) {
  const cert = pkijs.Certificate.fromBER(der)
  return {
    rawIssuer: new Uint8Array(cert.issuer.valueBeforeDecode),
    rawSubject: new Uint8Array(cert.subject.valueBeforeDecode),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    signatureAlgorithmOid: cert.signatureAlgorithm.algorithmId,
    publicKeyBits: new Uint8Array(
      cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView,
    ),
    extensions: (cert.extensions ?? []).map((e) => ({
      oid: e.extnID,
      critical: e.critical,
      value: new Uint8Array(e.extnValue.valueBlock.valueHexView),
    })),
  }
}

const certs: [string, Uint8Array][] = []
beforeAll(async () => {
  certs.push(...fixtureCerts())
  for (const keyKind of ALL_KEY_KINDS) {
    const pki = await createCodeSigningPki({ keyKind })
    pki.chainDer.forEach((der, i) => certs.push([`${keyKind} chain #${i}`, der]))
  }
  const tsa = await createTsaPki()
  tsa.chainDer.forEach((der, i) => certs.push([`tsa chain #${i}`, der]))
  const rev = await revocationPki({
    leaf: { ocsp: ['http://ocsp.example/'], crl: ['http://crl.example/a.crl'] },
  })
  certs.push(['revocation leaf (AIA, CDP)', rev.leaf.der])
})

describe('readCertificateStructure', () => {
  it('reads what pkijs read, for public, vector and test certificates', () => {
    expect(certs.length).toBeGreaterThan(20)
    for (const [name, der] of certs) {
      expect({ name, ...readCertificateStructure(der) }).toEqual({ name, ...viaPkijs(der) })
    }
  })

  it('parseCertificate keeps those fields', () => {
    for (const [, der] of certs) {
      const info = parseCertificate(der)
      const ref = viaPkijs(der)
      expect(info.rawSubject).toEqual(ref.rawSubject)
      expect(info.notAfter).toEqual(ref.notAfter)
      expect(info.extensions).toEqual(ref.extensions)
      expect(info.publicKeyBits).toEqual(ref.publicKeyBits)
    }
  })

  /** Re-encodes the certificate with its tbsCertificate's fields changed by `edit`. */
  function withTbs(der: Uint8Array, edit: (fields: asn1js.AsnType[]) => asn1js.AsnType[]) {
    const top = asn1js.fromBER(der).result as asn1js.Sequence
    const [tbs, alg, sig] = top.valueBlock.value as [
      asn1js.Sequence,
      asn1js.AsnType,
      asn1js.AsnType,
    ]
    const edited = new asn1js.Sequence({ value: edit([...tbs.valueBlock.value]) })
    return new Uint8Array(new asn1js.Sequence({ value: [edited, alg, sig] }).toBER())
  }

  it('refuses malformed structures (as OpenSSL does): trailing data, a non-Name issuer, no validity', () => {
    const der = certs.find(([n]) => n.startsWith('rsa3072 chain #0'))?.[1] as Uint8Array
    const cases: [string, Uint8Array][] = [
      ['trailing bytes', new Uint8Array([...der, 0])],
      ['extra tbs field', withTbs(der, (f) => [...f, new asn1js.Integer({ value: 1 })])],
      [
        'issuer not a SEQUENCE',
        withTbs(der, (f) => f.map((x, i) => (i === 3 ? new asn1js.Null() : x))),
      ],
      ['missing validity', withTbs(der, (f) => f.filter((_, i) => i !== 4))],
    ]
    for (const [name, bad] of cases) {
      expect(() => readCertificateStructure(bad), name).toThrow(CertificateStructureError)
      expect(() => parseCertificate(bad), name).toThrow(/CERT_PARSE|cannot be parsed|single DER/)
      // OpenSSL, which parses first, refuses the structural ones too, so the walk changes no
      // verdict (trailing bytes OpenSSL ignores; parseCertificate's length check refuses them).
      if (name !== 'trailing bytes') expect(() => new X509Certificate(bad), name).toThrow()
    }
  })
})
