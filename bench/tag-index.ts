/**
 * What one referrers tag index write costs a single writer (src/oci/referrers-index.ts), on the
 * real docker-registry behind testbed/fault-proxy.ts adding a round-trip time to every request:
 * requests, sequential round trips (overlapping requests count once), the settle wait, and the
 * wall time of `pushReferrer` in tag mode, for the first signature (no index yet) and a later one.
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { createTransport, type RequestEvent } from '../src/net/transport.js'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../src/notary/constants.js'
import { createRegistryClient, type Repository } from '../src/oci/client.js'
import type { Descriptor } from '../src/oci/descriptor.js'
import { digestOf } from '../src/oci/digest.js'
import { startFaultProxy } from '../testbed/fault-proxy.js'
import { pushTestImage } from '../testbed/image.js'
import type { RegistryHandle } from '../testbed/registry.js'

export interface TagIndexFigures {
  rttMs: number
  case: 'first signature' | 'later signature'
  requests: number
  sequential: number
  settleMs: number
  wallMs: number
  methods: string
}

/** durationMs has millisecond resolution: back-to-back requests may seem to overlap by that much. */
const CLOCK_SLACK_MS = 2

interface TimedEvent extends RequestEvent {
  endedAt: number
}

/**
 * Requests on the critical path: the longest chain of requests each starting after the previous
 * one ended (earliest-end-first), so requests running side by side count once, and a request that
 * runs entirely inside a deliberate wait (`waits`) does not count.
 */
export function sequentialRoundTrips(
  events: TimedEvent[],
  waits: { start: number; end: number }[] = [],
): number {
  const hidden = (s: { start: number; end: number }): boolean =>
    waits.some((w) => s.start >= w.start - CLOCK_SLACK_MS && s.end <= w.end + CLOCK_SLACK_MS)
  const spans = events
    .map((e) => ({ start: e.endedAt - e.durationMs, end: e.endedAt }))
    .filter((s) => !hidden(s))
    .sort((a, b) => a.end - b.end)
  let count = 0
  let freeFrom = Number.NEGATIVE_INFINITY
  for (const span of spans) {
    if (span.start < freeFrom - CLOCK_SLACK_MS) continue
    count++
    freeFrom = span.end
  }
  return count
}

function signatureManifest(subject: Descriptor, envelope: Uint8Array): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      artifactType: MEDIA_TYPE.notarySignature,
      config: {
        mediaType: MEDIA_TYPE.ociEmpty,
        digest: EMPTY_CONFIG.digest,
        size: EMPTY_CONFIG.size,
        data: EMPTY_CONFIG.base64,
      },
      layers: [{ mediaType: MEDIA_TYPE.cose, digest: digestOf(envelope), size: envelope.length }],
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    }),
  )
}

async function onePush(
  host: string,
  repo: string,
  subjectDigest: string,
): Promise<Omit<TagIndexFigures, 'rttMs' | 'case'>> {
  const events: TimedEvent[] = []
  let settleMs = 0
  const waits: { start: number; end: number }[] = []
  let recording = false
  const transport = createTransport({
    onRequest: (e) => {
      if (recording) events.push({ ...e, endedAt: performance.now() })
    },
  })
  const client = createRegistryClient({
    transport,
    sleep: async (ms) => {
      settleMs += ms
      const start = performance.now()
      await new Promise((r) => setTimeout(r, ms))
      waits.push({ start, end: performance.now() })
    },
  })
  const repository: Repository = client.repository(`${host}/${repo}@${subjectDigest}`)
  const subject = await repository.resolve()
  await repository.pushBlob(EMPTY_CONFIG.bytes)
  const envelope = new Uint8Array(randomBytes(400))
  await repository.pushBlob(envelope, { mediaType: MEDIA_TYPE.cose })
  const manifest = signatureManifest(subject, envelope)
  recording = true
  const t0 = performance.now()
  await repository.pushReferrer({ manifest }, { mode: 'tag' })
  const wallMs = performance.now() - t0
  recording = false
  // pushReferrer PUTs the signature manifest first, as in every mode: not part of the index write.
  const isIndexWrite = (e: TimedEvent): boolean =>
    !(e.method === 'PUT' && !e.url.includes('sha256-'))
  const indexEvents = events.filter(isIndexWrite)
  const manifestPutMs = events.filter((e) => !isIndexWrite(e)).reduce((t, e) => t + e.durationMs, 0)
  const counts = new Map<string, number>()
  for (const e of indexEvents) {
    const key = e.url.endsWith('/tags/list') ? 'GET tags/list' : e.method
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return {
    requests: indexEvents.length,
    sequential: sequentialRoundTrips(indexEvents, waits),
    settleMs,
    wallMs: wallMs - manifestPutMs,
    methods: [...counts].map(([k, n]) => `${k}×${n}`).join(' '),
  }
}

/** Runs `runs` pushes per case and RTT; returns the median of each figure. */
export async function tagIndexFigures(
  registry: RegistryHandle,
  rtts: number[],
  runs: number,
): Promise<TagIndexFigures[]> {
  const out: TagIndexFigures[] = []
  for (const rttMs of rtts) {
    const proxy = await startFaultProxy({ target: registry.url, addedRttMs: rttMs })
    try {
      const samples: Record<TagIndexFigures['case'], Omit<TagIndexFigures, 'rttMs' | 'case'>[]> = {
        'first signature': [],
        'later signature': [],
      }
      for (let i = 0; i < runs; i++) {
        const repo = `bench/tag-index-${randomBytes(4).toString('hex')}`
        const image = await pushTestImage(registry, repo, 'v1', `tag index bench ${i}`)
        samples['first signature'].push(await onePush(proxy.host, repo, image.digest))
        samples['later signature'].push(await onePush(proxy.host, repo, image.digest))
      }
      for (const [name, list] of Object.entries(samples)) {
        const mid = <K extends 'requests' | 'sequential' | 'settleMs' | 'wallMs'>(k: K): number => {
          const sorted = list.map((s) => s[k]).sort((a, b) => a - b)
          return sorted[Math.floor(sorted.length / 2)] as number
        }
        out.push({
          rttMs,
          case: name as TagIndexFigures['case'],
          requests: mid('requests'),
          sequential: mid('sequential'),
          settleMs: mid('settleMs'),
          wallMs: mid('wallMs'),
          methods: list[list.length - 1]?.methods ?? '',
        })
      }
    } finally {
      await proxy.stop()
    }
  }
  return out
}
