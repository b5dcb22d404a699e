/**
 * The signed payload is compared as notation-go reads it: Go encoding/json into
 * envelope.Payload{TargetArtifact ocispec.Descriptor}, then content.Equal (notary-spec.md §1
 * "Verifier comparison", §7.1 steps 9–10). Envelopes are really signed (testbed PKI); only the
 * payload bytes are unusual, as a non-notation signer could make them.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeProtectedHeader } from '../../../src/cose/headers.js'
import { encodeCoseSign1, sigStructure } from '../../../src/cose/sign1.js'
import { MEDIA_TYPE } from '../../../src/notary/constants.js'
import { validateTrustPolicy, type TrustPolicyStatement } from '../../../src/verify/policy.js'
import { noRevocationChecker } from '../../../src/verify/revocation.js'
import {
  decodeSignedPayload,
  missingUserMetadata,
  SignedPayloadError,
} from '../../../src/verify/signed-payload.js'
import { buildTrustStore, type TrustStore } from '../../../src/verify/trust-store.js'
import { verifySignature, type SignatureOutcome } from '../../../src/verify/verifier.js'
import { signRaw } from '../../../src/x509/raw-signature.js'
import { createCodeSigningPki } from '../../../testbed/pki.js'
import { SUBJECT } from '../../helpers/verify-envelope.js'

let pki: Awaited<ReturnType<typeof createCodeSigningPki>>
let store: TrustStore
let statement: TrustPolicyStatement

beforeAll(async () => {
  pki = await createCodeSigningPki({ keyKind: 'ec256' })
  store = buildTrustStore([
    { type: 'ca', name: 'acme', certificates: [{ der: pki.root.der, source: 'root' }] },
  ])
  statement = validateTrustPolicy({
    version: '1.0',
    trustPolicies: [
      {
        name: 'p',
        registryScopes: ['*'],
        signatureVerification: { level: 'strict' },
        trustStores: ['ca:acme'],
        trustedIdentities: ['*'],
      },
    ],
  }).trustPolicies[0] as TrustPolicyStatement
})

const { mediaType, digest, size } = SUBJECT

/** Signs `payload` exactly as given (valid envelope, valid chain) and verifies it. */
async function verifyPayload(
  payload: string | Uint8Array,
  userMetadata?: ReadonlyMap<string, string>,
): Promise<SignatureOutcome> {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload
  const protectedBytes = encodeProtectedHeader({
    algorithm: 'ES256',
    signingTime: new Date(Date.now() - 60_000),
  })
  const signature = signRaw('ES256', pki.leaf.privateKey, sigStructure(protectedBytes, bytes))
  const envelope = encodeCoseSign1({
    protectedBytes,
    unprotected: { certificateChain: pki.chainDer },
    payload: bytes,
    signature,
  })
  return verifySignature({
    envelope,
    mediaType: MEDIA_TYPE.cose,
    subject: SUBJECT,
    statement,
    trustStore: store,
    now: new Date(),
    revocation: noRevocationChecker,
    ...(userMetadata ? { userMetadata } : {}),
  })
}

const target = (extra = ''): string =>
  `{"targetArtifact":{"mediaType":"${mediaType}","digest":"${digest}","size":${size}${extra}}}`

describe('signed payload: what Go encoding/json rejects fails verification', () => {
  it.each([
    ['a UTF-8 byte order mark before the JSON', `\ufeff${target()}`],
    ['size written as 1234.0', target().replace(`"size":${size}`, `"size":${size}.0`)],
    ['size written with an exponent', target().replace(`"size":${size}`, '"size":1.234e3')],
    ['size as a string', target().replace(`"size":${size}`, `"size":"${size}"`)],
    ['data that is not padded base64', target(',"data":"e30"')],
    ['urls that is not an array', target(',"urls":"https://example.com/x"')],
    ['platform that is not an object', target(',"platform":"linux/amd64"')],
    ['artifactType that is not a string', target(',"artifactType":1')],
    ['trailing data after the object', `${target()} {}`],
  ])('%s', async (_name, payload) => {
    const o = await verifyPayload(payload)
    expect(o.verdict).toBe('failed')
    expect(o.error?.code).toBe('PAYLOAD_MISMATCH')
    expect(o.checks.find((c) => c.type === 'payload')?.status).toBe('failed')
  })
})

describe('signed payload: what Go encoding/json accepts verifies', () => {
  it.each([
    [
      'field names in another case',
      `{"TargetArtifact":{"MEDIATYPE":"${mediaType}","Digest":"${digest}","SIZE":${size}}}`,
    ],
    [
      'field names folded as Go does (long s, Kelvin sign)',
      `{"targetArtifact":{"mediaType":"${mediaType}","digest":"${digest}","\u017fize":${size}},"\u212aey":1}`,
    ],
    [
      'a repeated targetArtifact object merges into the first',
      `{"targetArtifact":{"mediaType":"${mediaType}","digest":"${digest}"},"targetArtifact":{"size":${size}}}`,
    ],
    ['a null field keeps the value decoded before it', target(',"digest":null')],
    ['an annotation whose value is null', target(',"annotations":{"a":null}')],
    [
      'valid extra descriptor fields',
      target(',"data":"e30=","urls":["x"],"platform":{"os":"linux"}'),
    ],
    ['an unpaired surrogate escape in an annotation', target(',"annotations":{"a":"\\ud800"}')],
  ])('%s', async (_name, payload) => {
    const o = await verifyPayload(payload)
    expect(o.error).toBeUndefined()
    expect(o.verdict).toBe('passed')
    expect(o.targetArtifact).toMatchObject({ mediaType, digest, size })
  })

  it('invalid UTF-8 inside a string becomes U+FFFD instead of failing', async () => {
    const text = target(',"annotations":{"note":"AB"}')
    const bytes = new TextEncoder().encode(text)
    const at = text.indexOf('AB')
    bytes[at] = 0xff // "A" → a byte that is never UTF-8
    const o = await verifyPayload(bytes)
    expect(o.error).toBeUndefined()
    expect(o.targetArtifact?.annotations).toEqual({ note: '\ufffdB' })
  })

  it('user metadata: a null annotation value is "", and a missing key never matches', async () => {
    const payload = target(',"annotations":{"env":null}')
    expect((await verifyPayload(payload, new Map([['env', '']]))).verdict).toBe('passed')
    const o = await verifyPayload(payload, new Map([['team', '']]))
    expect(o.error?.code).toBe('METADATA_MISMATCH')
  })
})

describe('decodeSignedPayload', () => {
  const decode = (s: string): ReturnType<typeof decodeSignedPayload> =>
    decodeSignedPayload(new TextEncoder().encode(s))

  it('null and unrelated objects decode to the zero descriptor', () => {
    for (const s of ['null', '{}', '{"other":[1,{"x":null}]}', '{"targetArtifact":null}']) {
      expect(decode(s).targetArtifact).toEqual({ mediaType: '', digest: '', size: 0 })
    }
  })

  it('a later annotations object merges; null resets the map', () => {
    expect(
      decode('{"targetArtifact":{"annotations":{"a":"1"},"annotations":{"b":"2"}}}').targetArtifact
        .annotations,
    ).toEqual({ a: '1', b: '2' })
    expect(
      decode('{"targetArtifact":{"annotations":{"a":"1"},"annotations":null}}').targetArtifact
        .annotations,
    ).toBeUndefined()
  })

  it('deep nesting up to Go’s limit is accepted, beyond it rejected', () => {
    const nested = (n: number): string => `{"x":${'['.repeat(n)}${']'.repeat(n)}}`
    expect(() => decode(nested(9_999))).not.toThrow()
    expect(() => decode(nested(10_000))).toThrow(SignedPayloadError)
  })

  it.each([
    ['', 'empty input'],
    ['{"targetArtifact":{}', 'unterminated object'],
    ['{"a":01}', 'leading zero'],
    ['{"a":"\\x"}', 'bad escape'],
    ['{"a":"\u0001"}', 'control character'],
    ['[1,]', 'trailing comma'],
    ['{"size":-}', 'bad number'],
    ['{"targetArtifact":{"size":9223372036854775808}}', 'int64 overflow'],
    ['{"targetArtifact":[]}', 'array for a struct'],
    ['[]', 'array for the payload'],
  ])('%j is rejected (%s)', (input) => {
    expect(() => decode(input)).toThrow(SignedPayloadError)
  })

  it('missingUserMetadata needs each key present with an equal value', () => {
    const req = (o: Record<string, string>): Map<string, string> => new Map(Object.entries(o))
    expect(missingUserMetadata({ a: '1' }, req({ a: '1' }))).toEqual([])
    expect(missingUserMetadata({ a: '1' }, req({ a: '2', toString: '' }))).toEqual([
      ['a', '2'],
      ['toString', ''],
    ])
    expect(missingUserMetadata(undefined, req({ a: '' }))).toEqual([['a', '']])
    // Prototype keys are ordinary keys (issue 11 item 5): required and absent means missing.
    expect(
      missingUserMetadata(
        { a: '1' },
        new Map([
          ['__proto__', 'x'],
          ['constructor', 'y'],
        ]),
      ),
    ).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ])
    expect(
      missingUserMetadata(Object.fromEntries([['__proto__', 'x']]), new Map([['__proto__', 'x']])),
    ).toEqual([])
  })
})
