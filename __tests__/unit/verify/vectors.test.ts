/** notation-go's own test signatures, with the verdicts notation reaches (vectors/README.md). */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeEnvelope } from '../../../src/envelope/decode.js'
import { MEDIA_TYPE } from '../../../src/notary/constants.js'
import { parsePayload } from '../../../src/notary/payload.js'
import { certificatesFromBytes } from '../../../src/verify/trust-store-load.js'
import { validateTrustPolicy, type TrustPolicyStatement } from '../../../src/verify/policy.js'
import { noRevocationChecker, type RevocationChecker } from '../../../src/verify/revocation.js'
import { buildTrustStore } from '../../../src/verify/trust-store.js'
import { verifySignature, type SignatureOutcome } from '../../../src/verify/verifier.js'

const DIR = path.join(import.meta.dirname, '../../fixtures/notation')
const read = (f: string): Uint8Array => new Uint8Array(readFileSync(path.join(DIR, f)))
const certs = (f: string): Uint8Array[] => certificatesFromBytes(read(f))

/** The GlobalSign TSA chain names OCSP/CRL servers we cannot reach offline; notation reaches them. */
const allGood: RevocationChecker = {
  check: async (chain) =>
    chain.map(() => ({ result: 'ok' as const, method: 'ocsp' as const, servers: [] })),
}

function statement(trustStores: string[], verifyTimestamp = 'always'): TrustPolicyStatement {
  return validateTrustPolicy({
    version: '1.0',
    trustPolicies: [
      {
        name: 'test-timestamp',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict', verifyTimestamp },
        trustStores,
        trustedIdentities: ['*'],
      },
    ],
  }).trustPolicies[0] as TrustPolicyStatement
}

async function verifyVector(
  sig: string,
  stores: { ca: Uint8Array[]; tsa?: Uint8Array[] },
  revocation: RevocationChecker = allGood,
): Promise<SignatureOutcome> {
  const envelope = read(sig)
  const subject = parsePayload(decodeEnvelope(MEDIA_TYPE.cose, envelope).payload).targetArtifact
  const trustStore = buildTrustStore([
    {
      type: 'ca',
      name: 'valid-trust-store',
      certificates: stores.ca.map((der) => ({ der, source: 'ca' })),
    },
    ...(stores.tsa
      ? [
          {
            type: 'tsa' as const,
            name: 'test-timestamp',
            certificates: stores.tsa.map((der) => ({ der, source: 'tsa' })),
          },
        ]
      : []),
  ])
  return verifySignature({
    envelope,
    mediaType: MEDIA_TYPE.cose,
    subject,
    statement: statement(
      stores.tsa ? ['ca:valid-trust-store', 'tsa:test-timestamp'] : ['ca:valid-trust-store'],
    ),
    trustStore,
    now: new Date(),
    revocation,
  })
}

describe('notation-go vectors', () => {
  it('cose_signature.sig is valid with its leaf as trust anchor (offline revocation)', async () => {
    const o = await verifyVector(
      'cose_signature.sig',
      { ca: certs('cose_signature.leaf.pem') },
      noRevocationChecker,
    )
    expect(o.error).toBeUndefined()
    expect(o.verdict).toBe('passed')
    expect(o.targetArtifact).toMatchObject({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: 'sha256:19dbd2e48e921426ee8ace4dc892edfb2ecdc1d1a72d5416c83670c30acecef0',
      size: 481,
    })
    expect(o.signingTime?.toISOString()).toBe('2023-03-14T04:45:22.000Z')
  })

  it('coseWithTimestamp.sig is valid with the GlobalSign TSA root', async () => {
    const o = await verifyVector('coseWithTimestamp.sig', {
      ca: certs('TestTimestamp.crt'),
      tsa: certs('globalsignRoot.cer'),
    })
    expect(o.error).toBeUndefined()
    expect(o.timestamp?.genTime.toISOString()).toBe('2024-06-18T06:27:16.000Z')
  })

  it('coseWithTimestamp.sig fails with the wrong TSA root (DigiCert)', async () => {
    const o = await verifyVector('coseWithTimestamp.sig', {
      ca: certs('TestTimestamp.crt'),
      tsa: certs('DigiCertTSARootSHA384.cer'),
    })
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toContain(
      'failed to verify the timestamp countersignature with error: failed to verify signed token: cms verification failure: x509: certificate signed by unknown authority',
    )
  })

  it('coseExpiredWithTimestamp.sig is valid with a tsa store (expired now, valid at the timestamp)', async () => {
    const o = await verifyVector('coseExpiredWithTimestamp.sig', {
      ca: certs('coseExpiredWithTimestamp.leaf.pem'),
      tsa: certs('globalsignRoot.cer'),
    })
    expect(o.error).toBeUndefined()
  })

  it("coseExpiredWithTimestamp.sig is invalid without a tsa store, with notation's message", async () => {
    const o = await verifyVector('coseExpiredWithTimestamp.sig', {
      ca: certs('coseExpiredWithTimestamp.leaf.pem'),
    })
    expect(o.error?.message).toBe(
      'authenticTimestamp validation failed: verification time is after certificate "CN=testTSA,O=Notary,L=Seattle,ST=WA,C=US" validity period, it was expired at "Tue, 18 Jun 2024 07:30:31 +0000"',
    )
  })

  it('timestampAfterNotAfter.sig is invalid: the timestamp is after the certificate expired', async () => {
    const leaf = decodeEnvelope(MEDIA_TYPE.cose, read('timestampAfterNotAfter.sig'))
      .certificateChain[0] as Uint8Array
    const o = await verifyVector('timestampAfterNotAfter.sig', {
      ca: [leaf],
      tsa: certs('globalsignRoot.cer'),
    })
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toContain(
      'timestamp can be after certificate "CN=testTSA,O=Notary,L=Seattle,ST=WA,C=US" validity period, it was expired at "Tue, 18 Sep 2001 11:54:34 +0000"',
    )
    expect(o.checks.find((c) => c.type === 'integrity')?.status).toBe('passed')
  })

  it('a TSA chain whose revocation status cannot be learnt fails the timestamp check', async () => {
    const o = await verifyVector(
      'coseWithTimestamp.sig',
      { ca: certs('TestTimestamp.crt'), tsa: certs('globalsignRoot.cer') },
      noRevocationChecker,
    )
    expect(o.error?.code).toBe('AUTHENTIC_TIMESTAMP')
    expect(o.error?.message).toMatch(
      /timestamping certificate with subject ".*" revocation status is unknown/,
    )
  })
})
