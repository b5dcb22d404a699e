/**
 * Issue 11 item 4, end to end against the real registry: an untrusted referrer whose COSE
 * signing time (tag 1, 9e12 s) is outside the Date range used to pass the decoder as an Invalid
 * Date; when a valid signature followed, rendering it threw "Invalid time value" after the
 * verdict was set, leaving `verified: true, signatures: [], error: …`. Now the envelope fails
 * with ENVELOPE_TIME, and the report is complete before the verdict is set.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { CborTag, encodeCbor, type CborMap } from '../../../src/cose/cbor.js'
import { COSE_LABEL } from '../../../src/cose/headers.js'
import { encodeCoseSign1, sigStructure } from '../../../src/cose/sign1.js'
import { verifyImages, type VerifyOptions } from '../../../src/commands/verify.js'
import { HEADER } from '../../../src/envelope/labels.js'
import { silentLogger } from '../../../src/log.js'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../../../src/notary/constants.js'
import { buildPayload } from '../../../src/notary/payload.js'
import type { Descriptor } from '../../../src/oci/descriptor.js'
import { validateTrustPolicy } from '../../../src/verify/policy.js'
import { noRevocationChecker } from '../../../src/verify/revocation.js'
import { buildTrustStore } from '../../../src/verify/trust-store.js'
import { signRaw } from '../../../src/x509/raw-signature.js'
import { pushTestImage } from '../../../testbed/image.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../../testbed/pki.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { craftCose } from '../../helpers/verify-envelope.js'
import { policyDoc, statement } from '../../helpers/verify-policy.js'
import { testbed } from '../../helpers/testbed.js'
import { clientFor, signatureManifest, uniqueRepo } from '../oci/fixtures.js'

let trusted: CodeSigningPki
let untrusted: CodeSigningPki

beforeAll(async () => {
  trusted = await createCodeSigningPki({ keyKind: 'ec256' })
  untrusted = await createCodeSigningPki({ keyKind: 'ec256' })
})

/** A correctly signed COSE envelope whose signingTime is tag 1 around `seconds`. */
function envelopeWithSigningTime(pki: CodeSigningPki, subject: Descriptor, seconds: number) {
  const map: CborMap = new Map()
  map.set(COSE_LABEL.alg, -7)
  map.set(COSE_LABEL.crit, [HEADER.signingScheme])
  map.set(COSE_LABEL.contentType, MEDIA_TYPE.notaryPayload)
  map.set(HEADER.signingScheme, 'notary.x509')
  map.set(HEADER.signingTime, new CborTag(1, seconds))
  const protectedBytes = encodeCbor(map)
  const payload = buildPayload(subject)
  const signature = signRaw('ES256', pki.leaf.privateKey, sigStructure(protectedBytes, payload))
  return encodeCoseSign1({
    protectedBytes,
    unprotected: { certificateChain: pki.chainDer },
    payload,
    signature,
  })
}

describe('an untrusted referrer with a signing time outside the Date range', () => {
  it('fails as ENVELOPE_TIME and leaves a complete report; the valid signature still verifies', async () => {
    const reg = testbed().registries.plain
    const handle = { ...reg, stateDir: '', stop: async () => {} } as RegistryHandle
    const repoName = uniqueRepo('report-verdict')
    await pushTestImage(handle, repoName, 'v1')
    const { client } = clientFor(reg)
    const repo = client.repository(`${reg.host}/${repoName}:v1`)
    const subject = await repo.resolve()
    await repo.pushBlob(EMPTY_CONFIG.bytes, { mediaType: MEDIA_TYPE.ociEmpty })
    const hostile = envelopeWithSigningTime(untrusted, subject, 9e12)
    const good = (
      await craftCose({
        leafKey: trusted.leaf.privateKey,
        chain: trusted.chainDer,
        algorithm: 'ES256',
        subject,
      })
    ).envelope
    for (const envelope of [hostile, good]) {
      await repo.pushBlob(envelope, { mediaType: MEDIA_TYPE.cose })
      await repo.pushReferrer(
        { manifest: signatureManifest(subject, envelope, 'A') },
        { mode: 'tag' },
      )
    }
    const options: VerifyOptions = {
      policy: validateTrustPolicy(
        policyDoc(
          statement({
            registryScopes: ['*'],
            trustStores: ['ca:trusted'],
            trustedIdentities: ['*'],
          }),
        ),
      ),
      trustStore: buildTrustStore([
        { type: 'ca', name: 'trusted', certificates: [{ der: trusted.root.der, source: 'root' }] },
      ]),
      userMetadata: new Map(),
      maxSignatures: 10,
      concurrency: 1,
    }
    const report = await verifyImages([`${reg.host}/${repoName}@${subject.digest}`], options, {
      registry: client,
      revocation: noRevocationChecker,
      logger: silentLogger,
      now: () => new Date(),
    })
    const image = report.images[0]
    expect(image?.error).toBeUndefined()
    expect(image?.signatures).toHaveLength(2)
    expect(image?.signatures[0]?.verdict).toBe('failed')
    expect(image?.signatures[0]?.error).toContain('[ENVELOPE_TIME]')
    expect(image?.signatures[0]?.error).toContain('outside the supported range')
    expect(image?.signatures[1]?.verdict).toBe('passed')
    expect(image?.verified).toBe(true)
    expect(image?.text).toContain('VERIFIED')
  })
})
