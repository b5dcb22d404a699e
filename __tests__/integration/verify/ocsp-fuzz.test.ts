/**
 * Seeded, bounded fuzzing of OCSP response evaluation (issue 11 items 9 and 11) over a real
 * response from `openssl ocsp`, signed by a delegated responder: (a) no mutation makes a library
 * error text (a RangeError, pkijs internals) the reason a user reads; (b) no change to a byte of
 * the signed tbsResponseData or of the signature yields a "good" or "revoked" answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as pkijs from 'pkijs'
import { freePort } from '../../../testbed/registry.js'
import { createOcspRequest, evaluateOcspResponse } from '../../../src/verify/revocation.js'
import { parseCertificate, type CertificateInfo } from '../../../src/x509/certificate.js'
import { mutateBytes, randInt, seededRng } from '../../helpers/fuzz.js'
import { startOcspResponder, type OcspResponder } from '../../helpers/verify-ocsp.js'
import { issueCert } from '../../helpers/verify-pki.js'

const SEED = 0x0c5f
let responder: OcspResponder
let body: Uint8Array
let leaf: CertificateInfo
let issuer: CertificateInfo

beforeAll(async () => {
  const root = await issueCert({ subject: 'C=US, ST=WA, O=Fuzz, CN=OCSP Fuzz Root', ca: true })
  const intermediate = await issueCert({
    subject: 'C=US, ST=WA, O=Fuzz, CN=OCSP Fuzz Intermediate',
    issuer: root,
    ca: true,
  })
  const port = await freePort()
  const leafCert = await issueCert({
    subject: 'C=US, ST=WA, O=Fuzz, CN=OCSP Fuzz Leaf',
    issuer: intermediate,
    ocsp: [`http://127.0.0.1:${port}`],
  })
  const signer = await issueCert({
    subject: 'C=US, ST=WA, O=Fuzz, CN=OCSP Fuzz Responder',
    issuer: intermediate,
    eku: ['1.3.6.1.5.5.7.3.9'],
  })
  responder = await startOcspResponder({
    ca: intermediate,
    signer,
    entries: [{ cert: leafCert }],
    nextUpdateMinutes: 60,
    port,
  })
  leaf = parseCertificate(leafCert.der)
  issuer = parseCertificate(intermediate.der)
  const res = await fetch(responder.url, {
    method: 'POST',
    headers: { 'content-type': 'application/ocsp-request' },
    body: Buffer.from(createOcspRequest(leaf, issuer)),
  })
  body = new Uint8Array(await res.arrayBuffer())
})
afterAll(async () => {
  await responder.stop()
})

const LIBRARY_TEXT =
  /outside the bounds of the DataView|Invalid time value|Cannot read propert|is not a function|undefined \(reading|Object's schema was not verified|valueBlock|idBlock|Data is not correct for|Cannot create '|Wrong input string/

function evaluate(bytes: Uint8Array): { answer?: string; error?: string } {
  try {
    return {
      answer: evaluateOcspResponse(bytes, leaf, issuer, { purpose: 'codeSigning', now: new Date() })
        .result,
    }
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) }
  }
}

describe('fuzz: OCSP response evaluation', () => {
  it('the real response is good', () => {
    expect(evaluate(body)).toEqual({ answer: 'ok' })
  })

  it('(a) mutated responses fail with a reason, never a library text', () => {
    const rng = seededRng(SEED)
    const seen = new Set<string>()
    for (let i = 0; i < 600; i++) {
      const r = evaluate(mutateBytes(body, rng))
      if (r.error !== undefined) {
        if (process.env.SHOW_OCSP_ERRORS) seen.add(r.error.slice(0, 120))
        expect(r.error, `OCSP seed ${SEED} iteration ${i}`).not.toMatch(LIBRARY_TEXT)
      }
    }
    if (process.env.SHOW_OCSP_ERRORS) console.log([...seen].join('\n'))
  })

  it('(b) a change to a signed byte is never good or revoked', () => {
    const response = pkijs.OCSPResponse.fromBER(body)
    const basic = pkijs.BasicOCSPResponse.fromBER(
      response.responseBytes?.response.valueBlock.valueHexView as Uint8Array,
    )
    const find = (part: Uint8Array): [number, number] => {
      const at = Buffer.from(body).indexOf(Buffer.from(part))
      expect(at).toBeGreaterThan(0)
      return [at, at + part.length]
    }
    const regions = {
      tbsResponseData: find(new Uint8Array(basic.tbsResponseData.tbsView)),
      signature: find(new Uint8Array(basic.signature.valueBlock.valueHexView)),
    }
    const rng = seededRng(SEED + 1)
    for (const [name, [start, end]] of Object.entries(regions)) {
      for (let i = 0; i < 150; i++) {
        const input = new Uint8Array(body)
        const at = start + randInt(rng, end - start)
        input[at] = (input[at] as number) ^ (1 + randInt(rng, 255))
        const r = evaluate(input)
        expect(r.answer, `${name} byte ${at - start}: ${JSON.stringify(r)}`).toBeUndefined()
        expect(r.error ?? '', `${name} byte ${at - start}`).not.toMatch(LIBRARY_TEXT)
      }
    }
  })
})
