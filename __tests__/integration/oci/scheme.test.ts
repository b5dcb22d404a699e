/**
 * How the client decides the scheme of a loopback (or listed insecure) registry without a
 * `GET /v2/` probe (src/oci/session.ts decideScheme): the first GET/HEAD tries https once, with
 * its plain-HTTP copy raced beside it, and every request made meanwhile waits for that decision
 * instead of trying https itself.
 */
import { afterAll, describe, expect, it } from 'vitest'
import {
  createTransport,
  type HttpRequest,
  type RequestEvent,
  type Transport,
} from '../../../src/net/transport.js'
import { MEDIA_TYPE } from '../../../src/notary/constants.js'
import { createRegistryClient } from '../../../src/oci/client.js'
import { pushTestImage } from '../../../testbed/image.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { startFakeRegistry, type FakeRegistry } from '../../helpers/fake-registry.js'
import { testbed } from '../../helpers/testbed.js'
import { clientFor, uniqueRepo } from './fixtures.js'

const started: FakeRegistry[] = []
afterAll(async () => {
  await Promise.all(started.map((f) => f.close()))
})

function client() {
  const events: RequestEvent[] = []
  const registry = createRegistryClient({
    transport: createTransport({ onRequest: (e) => events.push(e), sleep: async () => {} }),
  })
  return { registry, events }
}

async function plainRegistryWithImage(): Promise<FakeRegistry> {
  const f = await startFakeRegistry()
  started.push(f)
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    config: {
      mediaType: 'application/vnd.oci.empty.v1+json',
      digest: `sha256:${'4'.repeat(64)}`,
      size: 2,
    },
    layers: [],
  })
  const res = await fetch(`${f.url}/v2/app/manifests/v1`, {
    method: 'PUT',
    headers: { 'content-type': MEDIA_TYPE.ociManifest },
    body: manifest,
  })
  expect(res.status).toBe(201)
  return f
}

describe('the scheme of a plain-HTTP loopback registry', () => {
  it('is decided by one https attempt, however many requests start at once, and no GET /v2/', async () => {
    const f = await plainRegistryWithImage()
    const { registry, events } = client()
    const repo = registry.repository(`${f.host}/app:v1`)
    const resolved = await Promise.all([repo.resolve(), repo.resolve(), repo.resolve()])
    expect(new Set(resolved.map((d) => d.digest)).size).toBe(1)
    const https = events.filter((e) => e.url.startsWith('https:'))
    expect(https).toHaveLength(1)
    expect(https[0]?.status).toBe('error')
    expect(events.filter((e) => e.url.startsWith('http:') && e.method === 'HEAD')).toHaveLength(3)
    expect(events.some((e) => new URL(e.url).pathname === '/v2/')).toBe(false)
    expect(f.requests.some((r) => r.url === '/v2/' || r.url === '/v2')).toBe(false)
    // Decided once for the client: later requests go straight to http.
    await repo.resolve()
    expect(events.filter((e) => e.url.startsWith('https:'))).toHaveLength(1)
  })

  it('sends the plain-HTTP copy of the first read beside the https attempt, not after it fails', async () => {
    const f = await plainRegistryWithImage()
    const inner = createTransport({ sleep: async () => {} })
    const log: string[] = []
    let httpStarted: () => void = () => undefined
    const httpSeen = new Promise<void>((resolve) => (httpStarted = resolve))
    // https is held until an http request has started (or 1 s has passed): raced, the http copy
    // starts while https waits; sent after https fails, it would start only after the 1 s.
    const gated: Transport = {
      async request(req: HttpRequest) {
        const url = new URL(req.url)
        if (url.protocol === 'http:') {
          log.push(`start ${req.method} http`)
          httpStarted()
          return inner.request(req)
        }
        log.push(`start ${req.method} https`)
        await Promise.race([httpSeen, new Promise((r) => setTimeout(r, 1000))])
        try {
          return await inner.request(req)
        } finally {
          log.push(`end ${req.method} https`)
        }
      },
    }
    const repo = createRegistryClient({ transport: gated }).repository(`${f.host}/app:v1`)
    await repo.resolve()
    // Both copies start before https has failed (in either order: each is one await away).
    expect(log.slice(0, 2).sort()).toEqual(['start HEAD http', 'start HEAD https'])
    expect(log.slice(2)).toEqual(['end HEAD https'])
    // The raced copy was the request: the registry saw one HEAD, not a second one after https.
    expect(f.requests.filter((r) => r.method === 'HEAD')).toHaveLength(1)
  })

  it('a first request that is a write waits for the GET /v2/ probe: a write is never sent twice', async () => {
    const f = await plainRegistryWithImage()
    const { registry, events } = client()
    const repo = registry.repository(`${f.host}/app`)
    await repo.pushBlob(new TextEncoder().encode('{}'), { checkExists: false })
    const probes = events.filter((e) => new URL(e.url).pathname === '/v2/')
    expect(probes.map((e) => `${new URL(e.url).protocol} ${e.status}`)).toEqual([
      'https: error',
      'http: 200',
    ])
    // The upload itself went once, over http.
    expect(events.filter((e) => e.method === 'POST').map((e) => new URL(e.url).protocol)).toEqual([
      'http:',
    ])
  })
})

describe('the scheme of a TLS loopback registry (distribution 2.8, https + Basic)', () => {
  it('is https: the raced plain-HTTP copy carries no credentials and its answer is not used', async () => {
    const reg = testbed().registries.basic
    const repoName = uniqueRepo('scheme-tls')
    const image = await pushTestImage(
      { ...reg, stateDir: '', stop: async () => {} } as RegistryHandle,
      repoName,
      'v1',
    )
    const events: RequestEvent[] = []
    const inner = createTransport({ onRequest: (e) => events.push(e), sleep: async () => {} })
    const plainAuthorization: (string | undefined)[] = []
    const recording: Transport = {
      request(req) {
        if (new URL(req.url).protocol === 'http:')
          plainAuthorization.push(req.headers?.authorization)
        return inner.request(req)
      },
    }
    const { client } = clientFor(reg, { transport: recording })
    const repo = client.repository(`${reg.host}/${repoName}:v1`)
    expect((await repo.resolve()).digest).toBe(image.digest)
    await repo.fetchManifest(image.digest)
    expect(plainAuthorization).toEqual([undefined])
    const plain = events.filter((e) => e.url.startsWith('http:'))
    // One raced copy of the first HEAD (the TLS server answers plain HTTP with its own 400), then
    // nothing more over http: the 401 challenge, the credentials and the GET all went over https.
    expect(plain.map((e) => `${e.method} ${e.status}`)).toEqual(['HEAD 400'])
    expect(events.filter((e) => e.url.startsWith('https:')).length).toBeGreaterThanOrEqual(3)
  })
})
