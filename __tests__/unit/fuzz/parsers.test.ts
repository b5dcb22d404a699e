/**
 * Seeded, bounded fuzzing of every parser that reads untrusted bytes (issue 11): the CBOR/COSE
 * decoder, the JWS decoder, the RFC 3161 token and response parsers and the trust-policy parser.
 * Two properties:
 *  (a) whatever the input, a parser either returns or throws a coded ActionError, with no
 *      TypeError/RangeError and no library text (e.g. "Offset is outside the bounds of the
 *      DataView") inside a coded message;
 *  (b) no change to a signed byte (COSE protected header, payload or signature; JWS protected,
 *      payload or signature; a token's TSTInfo, signed attributes or signature) is accepted.
 * Inputs come from a fixed seed, so every run tries the same inputs; a failure names the seed
 * and iteration. The counts keep the whole file to a few seconds on the shared 2-core machine.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeCbor } from '../../../src/cose/cbor.js'
import { decodeEnvelope } from '../../../src/envelope/decode.js'
import { EnvelopeError } from '../../../src/envelope/errors.js'
import { createSignatureEnvelope } from '../../../src/envelope/sign.js'
import { verifyEnvelopeSignature } from '../../../src/envelope/signature.js'
import type { ParsedEnvelope } from '../../../src/envelope/types.js'
import { MEDIA_TYPE } from '../../../src/notary/constants.js'
import { buildPayload } from '../../../src/notary/payload.js'
import { createLocalKeySigner } from '../../../src/signer/local-key.js'
import { TimestampError } from '../../../src/timestamp/errors.js'
import {
  parseTimestampResponse,
  parseTimestampToken,
  parseTstInfo,
} from '../../../src/timestamp/token.js'
import { verifyTimestampToken } from '../../../src/timestamp/verify.js'
import { PolicyError } from '../../../src/verify/errors.js'
import { parseTrustPolicy, type TrustPolicyStatement } from '../../../src/verify/policy.js'
import { noRevocationChecker } from '../../../src/verify/revocation.js'
import { buildTrustStore, type TrustStore } from '../../../src/verify/trust-store.js'
import { verifySignature } from '../../../src/verify/verifier.js'
import { validateCodeSigningChain } from '../../../src/x509/chain.js'
import { pemToCertificates } from '../../../src/x509/pem.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../../testbed/pki.js'
import {
  expectCodedOrNothing,
  expectNoLibraryText,
  mutateBytes,
  mutateText,
  randInt,
  seededRng,
} from '../../helpers/fuzz.js'
import { SUBJECT } from '../../helpers/verify-envelope.js'
import { policyDoc, statement as statementJson } from '../../helpers/verify-policy.js'
import { mintResponse } from '../timestamp/helpers/mint.js'

const SEED = 0x11_2026
const NOW = new Date('2026-01-15T12:00:00Z')
const FIXTURES = join(import.meta.dirname, '../../fixtures/timestamp/tspclient-go')
const TOKEN = new Uint8Array(readFileSync(join(FIXTURES, 'TimeStampToken.p7s')))
const TOKEN_MESSAGE = new Uint8Array(readFileSync(join(FIXTURES, 'message.txt')))
const GLOBALSIGN_R3 = pemToCertificates(
  readFileSync(join(FIXTURES, 'GlobalSignRootCA.crt'), 'utf8'),
)

let pki: CodeSigningPki
let store: TrustStore
let statement: TrustPolicyStatement
const envelopes: Partial<Record<'cose' | 'jws', Uint8Array>> = {}

beforeAll(async () => {
  pki = await createCodeSigningPki({ keyKind: 'ec256' })
  store = buildTrustStore([
    { type: 'ca', name: 'fuzz', certificates: [{ der: pki.root.der, source: 'root' }] },
  ])
  statement = parseTrustPolicy(
    JSON.stringify(
      policyDoc(
        statementJson({
          registryScopes: ['*'],
          trustStores: ['ca:fuzz'],
          trustedIdentities: ['*'],
        }),
      ),
    ),
  ).trustPolicies[0] as TrustPolicyStatement
  const signer = createLocalKeySigner({
    keyPem: pki.leaf.privateKeyPem,
    chainPem: pki.chainPem,
    now: NOW,
  })
  for (const format of ['cose', 'jws'] as const) {
    const created = await createSignatureEnvelope({
      format,
      payload: buildPayload(SUBJECT),
      signer,
      signingTime: new Date(NOW.getTime() - 60_000),
      signingAgent: 'fuzz/1',
    })
    envelopes[format] = created.envelope
  }
})

const MEDIA = { cose: MEDIA_TYPE.cose, jws: MEDIA_TYPE.jws } as const

async function verifyWhole(format: 'cose' | 'jws', envelope: Uint8Array) {
  return verifySignature({
    envelope,
    mediaType: MEDIA[format],
    subject: SUBJECT,
    statement,
    trustStore: store,
    now: NOW,
    revocation: noRevocationChecker,
  })
}

/** Everything the verifier does with a decoded envelope, each step coded-or-nothing. */
function exerciseParsed(parsed: ParsedEnvelope, context: () => string): void {
  for (const t of [parsed.signingTime, parsed.authenticSigningTime, parsed.expiry]) {
    if (t !== undefined)
      expect(Number.isFinite(t.getTime()), `${context()}: Invalid Date`).toBe(true)
  }
  expectCodedOrNothing(() => verifyEnvelopeSignature(parsed), context)
  expectCodedOrNothing(() => validateCodeSigningChain(parsed.certificateChain), context)
}

describe('fuzz (a): decoders throw only coded errors', () => {
  it('CBOR: random bytes and mutations of a real protected header', () => {
    const rng = seededRng(SEED)
    const protectedHeader = decodeEnvelope(MEDIA_TYPE.cose, envelopes.cose as Uint8Array).toBeSigned
    for (let i = 0; i < 2000; i++) {
      const input =
        i % 2 === 0
          ? new Uint8Array(Array.from({ length: randInt(rng, 48) }, () => randInt(rng, 256)))
          : mutateBytes(protectedHeader, rng)
      expectCodedOrNothing(
        () => decodeCbor(input, { allowTags: i % 3 === 0, context: 'fuzz' }),
        () =>
          `CBOR seed ${SEED} iteration ${i} (${Buffer.from(input).toString('hex').slice(0, 200)})`,
        EnvelopeError,
      )
    }
  })

  it.each(['cose', 'jws'] as const)(
    '%s envelopes: mutations decode or fail coded, and verify never passes',
    async (format) => {
      const rng = seededRng(SEED + (format === 'cose' ? 1 : 2))
      const original = envelopes[format] as Uint8Array
      const originalParsed = decodeEnvelope(MEDIA[format], original)
      let decoded = 0
      for (let i = 0; i < 600; i++) {
        const input = mutateBytes(original, rng)
        const context = () => `${format} seed ${SEED} iteration ${i}`
        let parsed: ParsedEnvelope | undefined
        expectCodedOrNothing(
          () => (parsed = decodeEnvelope(MEDIA[format], input)),
          context,
          EnvelopeError,
        )
        if (parsed === undefined) continue
        decoded++
        exerciseParsed(parsed, context)
        if (i % 8 !== 0) continue
        const outcome = await verifyWhole(format, input)
        if (outcome.error !== undefined) expectNoLibraryText(outcome.error, context)
        if (outcome.verdict === 'passed') {
          // Only a change outside the signed bytes (e.g. the unsigned signingAgent) may still pass.
          expect(
            Buffer.from(parsed.toBeSigned).equals(Buffer.from(originalParsed.toBeSigned)),
            context(),
          ).toBe(true)
          expect(
            Buffer.from(parsed.signature).equals(Buffer.from(originalParsed.signature)),
            context(),
          ).toBe(true)
        }
      }
      // The mutations are not all rejected at the first byte: some reach the later stages.
      expect(decoded).toBeGreaterThan(10)
    },
  )

  it('RFC 3161: mutated tokens and responses parse or fail coded', () => {
    const rng = seededRng(SEED + 3)
    const response = mintResponse(TOKEN, 0)
    for (let i = 0; i < 200; i++) {
      const context = () => `RFC 3161 seed ${SEED} iteration ${i}`
      const token = mutateBytes(TOKEN, rng)
      let parsed: ReturnType<typeof parseTimestampToken> | undefined
      expectCodedOrNothing(() => (parsed = parseTimestampToken(token)), context, TimestampError)
      if (parsed !== undefined) {
        const eContent = parsed.eContent
        expectCodedOrNothing(() => parseTstInfo(eContent), context, TimestampError)
        if (i % 10 === 0) {
          expectCodedOrNothing(
            () => verifyTimestampToken({ token, message: TOKEN_MESSAGE, roots: GLOBALSIGN_R3 }),
            context,
            TimestampError,
          )
        }
      }
      expectCodedOrNothing(
        () => parseTimestampResponse(mutateBytes(response, rng)),
        context,
        TimestampError,
      )
      expectCodedOrNothing(
        () => parseTstInfo(mutateBytes(parsed?.eContent ?? TOKEN, rng)),
        context,
        TimestampError,
      )
    }
  })

  it('trust policy: mutated JSON and YAML parse or fail with POLICY_INVALID', () => {
    const rng = seededRng(SEED + 4)
    const json = JSON.stringify(
      policyDoc(
        statementJson({
          name: 'fuzz',
          registryScopes: ['registry.example/app'],
          signatureVerification: {
            level: 'strict',
            override: { revocation: 'log' },
            verifyTimestamp: 'afterCertExpiry',
          },
          trustStores: ['ca:fuzz', 'tsa:stamp'],
          trustedIdentities: ['x509.subject: C=US, ST=WA, O=Fuzz, CN=signer'],
        }),
      ),
      null,
      2,
    )
    const yaml = [
      'version: "1.0"',
      'trustPolicies:',
      '  - name: fuzz',
      '    registryScopes: ["*"]',
      '    signatureVerification: { level: audit }',
      '    trustStores: &stores [ "ca:fuzz" ]',
      '    trustedIdentities: ["*"]',
      '  - name: again',
      '    registryScopes: [registry.example/other]',
      '    signatureVerification: { level: permissive }',
      '    trustStores: *stores',
      '    trustedIdentities: ["*"]',
    ].join('\n')
    for (let i = 0; i < 300; i++) {
      const text = mutateText(i % 2 === 0 ? json : yaml, rng)
      expectCodedOrNothing(
        () => parseTrustPolicy(text, { source: 'trust-policy' }),
        () => `policy seed ${SEED} iteration ${i}: ${JSON.stringify(text).slice(0, 300)}`,
        PolicyError,
      )
    }
  })
})

describe('fuzz (b): no change to a signed byte is accepted', () => {
  /** [start, end) of `part` inside `whole` (each signed part occurs once in these envelopes). */
  function region(whole: Uint8Array, part: Uint8Array): [number, number] {
    const at = Buffer.from(whole).indexOf(Buffer.from(part))
    expect(at).toBeGreaterThan(0)
    expect(Buffer.from(whole).indexOf(Buffer.from(part), at + 1)).toBe(-1)
    return [at, at + part.length]
  }

  async function expectEveryFlipRejected(
    format: 'cose' | 'jws',
    regions: Record<string, [number, number]>,
    flip: (envelope: Uint8Array, at: number, rng: () => number) => Uint8Array,
    seed: number,
  ): Promise<void> {
    const rng = seededRng(seed)
    const original = envelopes[format] as Uint8Array
    for (const [name, [start, end]] of Object.entries(regions)) {
      for (let i = 0; i < 40; i++) {
        const at = start + randInt(rng, end - start)
        const input = flip(original, at, rng)
        const context = () => `${format} ${name} byte ${at - start} (seed ${seed}, iteration ${i})`
        let parsed: ParsedEnvelope | undefined
        expectCodedOrNothing(
          () => (parsed = decodeEnvelope(MEDIA[format], input)),
          context,
          EnvelopeError,
        )
        if (parsed !== undefined) {
          const ok = parsed
          let valid = false
          expectCodedOrNothing(() => (valid = verifyEnvelopeSignature(ok)), context)
          expect(valid, `${context()}: the changed envelope's signature verified`).toBe(false)
        }
        const outcome = await verifyWhole(format, input)
        expect(outcome.verdict, context()).toBe('failed')
        expect(outcome.error?.code, context()).toBeDefined()
      }
    }
  }

  const xorByte = (envelope: Uint8Array, at: number, rng: () => number): Uint8Array => {
    const out = new Uint8Array(envelope)
    out[at] = (out[at] as number) ^ (1 + randInt(rng, 255))
    return out
  }

  it('the untouched envelopes verify (so a failure below is the change)', async () => {
    for (const format of ['cose', 'jws'] as const) {
      expect((await verifyWhole(format, envelopes[format] as Uint8Array)).verdict).toBe('passed')
    }
  })

  it('COSE: every byte flip in the protected header, payload or signature fails', async () => {
    const envelope = envelopes.cose as Uint8Array
    const parsed = decodeEnvelope(MEDIA_TYPE.cose, envelope)
    // toBeSigned = ["Signature1", protected, h'', payload]: the protected bytes are inside it.
    const protectedBytes = parsed.toBeSigned.subarray(
      12,
      parsed.toBeSigned.length - parsed.payload.length - 3,
    )
    const regions = {
      protected: region(envelope, protectedBytes),
      payload: region(envelope, parsed.payload),
      signature: region(envelope, parsed.signature),
    }
    expect(regions.protected[1] - regions.protected[0]).toBeGreaterThan(100)
    await expectEveryFlipRejected('cose', regions, xorByte, SEED + 5)
  })

  it('JWS: every change to the protected or payload text, or to a signature byte, fails', async () => {
    const envelope = envelopes.jws as Uint8Array
    const json = JSON.parse(Buffer.from(envelope).toString()) as Record<string, string>
    const text = (s: string) => new Uint8Array(Buffer.from(s))
    const regions = {
      protected: region(envelope, text(`"${json.protected}"`)),
      payload: region(envelope, text(`"${json.payload}"`)),
    }
    // Inside the quotes only; a base64url character becomes another base64url character.
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const changeChar = (env: Uint8Array, at: number, rng: () => number): Uint8Array => {
      const out = new Uint8Array(env)
      const cur = String.fromCharCode(out[at] as number)
      if (cur === '"') return changeChar(env, at + 1, rng)
      let next = cur
      while (next === cur) next = B64[randInt(rng, B64.length)] as string
      out[at] = next.charCodeAt(0)
      return out
    }
    await expectEveryFlipRejected(
      'jws',
      {
        protected: [regions.protected[0] + 1, regions.protected[1] - 1],
        payload: [regions.payload[0] + 1, regions.payload[1] - 1],
      },
      changeChar,
      SEED + 6,
    )
    // The signature: change a decoded byte and re-encode, so the base64 text stays canonical.
    const rng = seededRng(SEED + 7)
    const signature = Buffer.from(json.signature as string, 'base64url')
    for (let i = 0; i < 40; i++) {
      const changed = Buffer.from(signature)
      const at = randInt(rng, changed.length)
      changed[at] = (changed[at] as number) ^ (1 + randInt(rng, 255))
      const input = text(JSON.stringify({ ...json, signature: changed.toString('base64url') }))
      const outcome = await verifyWhole('jws', input)
      expect(outcome.verdict, `jws signature byte ${at}`).toBe('failed')
    }
  })

  it('RFC 3161: every byte flip in the TSTInfo, the signed attributes or the signature fails', () => {
    const token = parseTimestampToken(TOKEN)
    const signer = token.signerInfos[0]
    expect(signer?.signedAttributesDer).toBeDefined()
    // The signed attributes are encoded [0] IMPLICIT in the token; their content is what is signed.
    const attrs = (signer?.signedAttributesDer as Uint8Array).subarray(4)
    const regions = {
      tstInfo: region(TOKEN, token.eContent),
      signedAttributes: region(TOKEN, attrs),
      signature: region(TOKEN, signer?.signature as Uint8Array),
    }
    const rng = seededRng(SEED + 8)
    expect(() =>
      verifyTimestampToken({ token: TOKEN, message: TOKEN_MESSAGE, roots: GLOBALSIGN_R3 }),
    ).not.toThrow()
    for (const [name, [start, end]] of Object.entries(regions)) {
      for (let i = 0; i < 40; i++) {
        const at = start + randInt(rng, end - start)
        const input = new Uint8Array(TOKEN)
        input[at] = (input[at] as number) ^ (1 + randInt(rng, 255))
        const context = () => `token ${name} byte ${at - start} (iteration ${i})`
        const accepted = expectCodedOrNothing(
          () =>
            verifyTimestampToken({ token: input, message: TOKEN_MESSAGE, roots: GLOBALSIGN_R3 }),
          context,
          TimestampError,
        )
        expect(accepted, `${context()}: the changed token verified`).toBe(false)
      }
    }
  })
})
