/**
 * Verifier throughput for the envelope shape Artifact Signing produces: an RSA-3072 leaf under an
 * RSA-3072 issuing CA and an RSA-3072 root (testbed/pki.ts), PS384, COSE, with an RFC 3161 token
 * from the local openssl TSA (testbed/tsa.ts), verified by `verifySignature` under a strict policy
 * with `ca` and `tsa` stores and the real revocation checker (createRevocationChecker; the test
 * chain names no OCSP or CRL endpoint, so it decides "non-revocable" without a request).
 *
 * Two figures, because the caches help them differently:
 *  - one envelope verified over and over (what the issue measured: ~250/s on main);
 *  - distinct envelopes of one chain, each with its own signature and token, cycled in the order
 *    they were made: what a verify job over many images signed by one identity does (certificates
 *    repeat, tokens do not). There are more of them than the token cache holds, so with its
 *    oldest-first eviction every token is parsed afresh (on a base without a token cache, the
 *    same figure is simply the uncached path).
 *
 * Used by bench/run.ts; also runs alone (`npx tsx bench/verify-throughput.ts`), which starts only
 * the TSA, for profiling (`node --cpu-prof --import tsx bench/verify-throughput.ts`).
 */
import { createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { createSignatureEnvelope, type CreatedEnvelope } from '../src/envelope/sign.js'
import { silentLogger } from '../src/log.js'
import { MEDIA_TYPE } from '../src/notary/constants.js'
import { buildPayload } from '../src/notary/payload.js'
import { createTransport } from '../src/net/transport.js'
import type { Descriptor } from '../src/oci/descriptor.js'
import { createLocalKeySigner } from '../src/signer/local-key.js'
import { createTimestamper } from '../src/timestamp/client.js'
import { parseTrustPolicy, selectPolicy } from '../src/verify/policy.js'
import { createRevocationChecker, type RevocationChecker } from '../src/verify/revocation.js'
import { buildTrustStore, type TrustStore } from '../src/verify/trust-store.js'
import { verifySignature, type VerifySignatureInput } from '../src/verify/verifier.js'
import { createCodeSigningPki } from '../testbed/pki.js'
import { startTsa } from '../testbed/tsa.js'

/** The issue's goal for this envelope shape, one core. */
export const VERIFY_GOAL_PER_SECOND = 1_300

export interface VerifyFixture {
  /** Distinct envelopes over distinct subjects, one chain. */
  envelopes: { created: CreatedEnvelope; subject: Descriptor }[]
  trustStore: TrustStore
  revocation: RevocationChecker
  statement: VerifySignatureInput['statement']
}

function subjectFor(i: number): Descriptor {
  return {
    mediaType: MEDIA_TYPE.ociManifest,
    digest: `sha256:${createHash('sha256').update(`bench verify subject ${i}`).digest('hex')}`,
    size: 528 + i,
  }
}

/** Builds `count` timestamped envelopes signed by one RSA-3072 → RSA CA → RSA root chain. */
export async function buildVerifyFixture(
  tsa: { url: string; rootDer: Uint8Array },
  count: number,
): Promise<VerifyFixture> {
  const pki = await createCodeSigningPki({ keyKind: 'rsa3072', caKeyKind: 'rsa3072' })
  const signer = createLocalKeySigner({
    keyPem: pki.leaf.privateKeyPem,
    chainPem: pki.chainPem,
    now: new Date(),
  })
  if (signer.algorithm !== 'PS384') throw new Error(`expected PS384, got ${signer.algorithm}`)
  const transport = createTransport()
  const timestamper = createTimestamper({ urls: [tsa.url], roots: [tsa.rootDer], transport })
  const envelopes: VerifyFixture['envelopes'] = []
  for (let i = 0; i < count; i++) {
    const subject = subjectFor(i)
    const created = await createSignatureEnvelope({
      format: 'cose',
      payload: buildPayload(subject),
      signer,
      signingTime: new Date(),
      signingAgent: 'oci-notary-action/bench',
      timestamper,
    })
    if (created.timestampToken === undefined) throw new Error('no timestamp token embedded')
    envelopes.push({ created, subject })
  }
  const trustStore = buildTrustStore([
    { type: 'ca', name: 'bench', certificates: [{ der: pki.root.der, source: 'bench root' }] },
    { type: 'tsa', name: 'bench', certificates: [{ der: tsa.rootDer, source: 'bench tsa root' }] },
  ])
  const policy = parseTrustPolicy(
    JSON.stringify({
      version: '1.0',
      trustPolicies: [
        {
          name: 'bench',
          registryScopes: ['*'],
          signatureVerification: { level: 'strict' },
          trustStores: ['ca:bench', 'tsa:bench'],
          trustedIdentities: ['*'],
        },
      ],
    }),
    { source: 'bench policy' },
  )
  return {
    envelopes,
    trustStore,
    // The real checker; a request would mean the chain named an endpoint, which it does not.
    revocation: createRevocationChecker({
      transport: {
        request: () => Promise.reject(new Error('bench: no revocation request expected')),
      },
    }),
    statement: selectPolicy(policy, `registry.test/bench/verify@${subjectFor(0).digest}`),
  }
}

/** One full verification; throws unless it passes with a verified timestamp. */
export async function verifyOnce(fixture: VerifyFixture, index: number): Promise<void> {
  const { created, subject } = fixture.envelopes[index % fixture.envelopes.length] as {
    created: CreatedEnvelope
    subject: Descriptor
  }
  const outcome = await verifySignature({
    envelope: created.envelope,
    mediaType: created.mediaType,
    subject,
    statement: fixture.statement,
    trustStore: fixture.trustStore,
    now: new Date(),
    revocation: fixture.revocation,
    logger: silentLogger,
  })
  if (outcome.verdict !== 'passed')
    throw new Error(`verifySignature: ${outcome.error?.message ?? outcome.verdict}`)
  if (outcome.timestamp === undefined) throw new Error('verifySignature: timestamp not verified')
}

/** Verifications per second over at least `minMs`, after a warm-up. */
export async function measureRate(
  fixture: VerifyFixture,
  pick: (i: number) => number,
  minMs: number,
  warmupMs = 300,
): Promise<{ rate: number; ops: number; elapsedMs: number }> {
  let i = 0
  const warmEnd = performance.now() + warmupMs
  while (performance.now() < warmEnd) await verifyOnce(fixture, pick(i++))
  let ops = 0
  const start = performance.now()
  let now = start
  while (now - start < minMs) {
    await verifyOnce(fixture, pick(i++))
    ops++
    now = performance.now()
  }
  const elapsedMs = now - start
  return { rate: (ops * 1000) / elapsedMs, ops, elapsedMs }
}

export type RecordRow = (measure: string, value: string, note: string) => void

const perSec = (v: number): string => `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} /s`

/** The bench section: two rates, each against the goal. */
export async function benchVerifyThroughput(
  tsa: { url: string; rootDer: Uint8Array },
  measureMs: number,
  record: RecordRow,
): Promise<void> {
  // More than the token cache holds (src/timestamp/parsed-token.ts TOKEN_CACHE_LIMIT = 128).
  const distinct = 160
  const fixture = await buildVerifyFixture(tsa, distinct)
  const goal = (rate: number): string =>
    `goal ≥ ${VERIFY_GOAL_PER_SECOND} /s: ${rate >= VERIFY_GOAL_PER_SECOND ? 'met' : 'NOT met'}`
  const same = await measureRate(fixture, () => 0, measureMs)
  record(
    'full verification, RSA-3072 → RSA CA → RSA root, PS384 + RFC 3161 token: one envelope',
    perSec(same.rate),
    `${(1000 / same.rate).toFixed(2)} ms each; ${same.ops} in ${(same.elapsedMs / 1000).toFixed(1)} s; ${goal(same.rate)}; strict, ca+tsa stores, real revocation checker (no endpoints)`,
  )
  const cycled = await measureRate(fixture, (i) => i, measureMs)
  record(
    `  same, ${distinct} distinct envelopes of one chain, cycled (own signature + token, token not cached)`,
    perSec(cycled.rate),
    `${(1000 / cycled.rate).toFixed(2)} ms each; ${cycled.ops} in ${(cycled.elapsedMs / 1000).toFixed(1)} s; ${goal(cycled.rate)}`,
  )
}

// Alone: start just the TSA, print the two rows.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const tsa = await startTsa()
  try {
    const ms = Number(process.env.BENCH_VERIFY_MS ?? 2000)
    await benchVerifyThroughput({ url: tsa.url, rootDer: tsa.pki.root.der }, ms, (m, v, n) =>
      console.log(`${m}: ${v}  (${n})`),
    )
  } finally {
    await tsa.stop()
  }
}
