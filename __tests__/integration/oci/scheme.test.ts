/**
 * How the client decides the scheme of a loopback (or listed insecure) registry without a
 * `GET /v2/` probe (src/oci/session.ts decideScheme): the first GET/HEAD tries https once, and
 * every request made meanwhile waits for that decision instead of trying https itself.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createTransport, type RequestEvent } from '../../../src/net/transport.js'
import { MEDIA_TYPE } from '../../../src/notary/constants.js'
import { createRegistryClient } from '../../../src/oci/client.js'
import { startFakeRegistry, type FakeRegistry } from '../../helpers/fake-registry.js'

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
