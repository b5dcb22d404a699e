import { beforeAll, describe, expect, it } from 'vitest'
import * as pkijs from 'pkijs'
import { parseCertificate } from '../../../src/x509/certificate.js'
import {
  createOcspRequest,
  noRevocationChecker,
  ocspGetUrl,
  revocationEndpoints,
  summarizeRevocation,
  type CertRevocationResult,
} from '../../../src/verify/revocation.js'
import { revocationPki, type RevocationPki } from '../../helpers/verify-pki.js'

let pki: RevocationPki
beforeAll(async () => {
  pki = await revocationPki({
    leaf: {
      ocsp: ['http://ocsp.example/'],
      crl: ['http://crl.example/a.crl', 'http://crl.example/b.crl'],
    },
  })
})

describe('revocation endpoints and OCSP requests', () => {
  it('reads AIA OCSP and CDP URIs', () => {
    expect(revocationEndpoints(pki.leaf.der)).toEqual({
      ocsp: ['http://ocsp.example/'],
      crl: ['http://crl.example/a.crl', 'http://crl.example/b.crl'],
      hasFreshestCrl: false,
    })
    expect(revocationEndpoints(pki.root.der)).toEqual({ ocsp: [], crl: [], hasFreshestCrl: false })
  })

  it('builds a SHA-1 CertID request without nonce (x/crypto/ocsp)', () => {
    const der = createOcspRequest(
      parseCertificate(pki.leaf.der),
      parseCertificate(pki.intermediate.der),
    )
    const req = pkijs.OCSPRequest.fromBER(der)
    const certId = req.tbsRequest.requestList[0]?.reqCert
    expect(certId?.hashAlgorithm.algorithmId).toBe('1.3.14.3.2.26')
    expect(Buffer.from(certId?.serialNumber.valueBlock.valueHexView ?? []).toString('hex')).toBe(
      pki.leaf.serial,
    )
    expect(req.tbsRequest.requestExtensions).toBeUndefined()
  })

  it('uses GET below 255 escaped characters, POST above', () => {
    expect(ocspGetUrl('http://ocsp.example/', new Uint8Array(60))).toMatch(
      /^http:\/\/ocsp\.example\/A{80}$/,
    )
    expect(ocspGetUrl('http://ocsp.example', new Uint8Array([0xfb, 0xff]))).toBe(
      'http://ocsp.example/%2B%2F8%3D',
    )
    expect(ocspGetUrl('http://ocsp.example', new Uint8Array(200))).toBeUndefined()
  })
})

describe('summarizeRevocation (notation revocationFinalResult)', () => {
  const r = (result: CertRevocationResult['result']): CertRevocationResult => ({
    result,
    method: 'crl',
    servers: [],
  })
  const subjects = ['leaf', 'ca', 'root']
  it('all ok or non-revocable is ok, with a warning for a non-revocable intermediate', () => {
    const s = summarizeRevocation([r('ok'), r('nonRevocable'), r('nonRevocable')], subjects)
    expect(s.result).toBe('ok')
    expect(s.warnings).toEqual([
      'Certificate #2 in the chain with subject "ca" neither has an OCSP nor a CRL revocation method.',
    ])
  })
  it('revoked wins; otherwise the unknown closest to the leaf is reported', () => {
    expect(
      summarizeRevocation([r('unknown'), r('revoked'), r('nonRevocable')], subjects),
    ).toMatchObject({ result: 'revoked', index: 1 })
    expect(
      summarizeRevocation([r('unknown'), r('unknown'), r('nonRevocable')], subjects),
    ).toMatchObject({ result: 'unknown', index: 0 })
  })
})

describe('noRevocationChecker (offline)', () => {
  it('is non-revocable without endpoints, unknown with them, and never touches the network', async () => {
    const results = await noRevocationChecker.check(pki.chain, {
      purpose: 'codeSigning',
      now: new Date(),
    })
    expect(results.map((x) => x.result)).toEqual(['unknown', 'nonRevocable', 'nonRevocable'])
    expect(results[0]?.servers[0]?.error).toContain('offline')
  })
})
