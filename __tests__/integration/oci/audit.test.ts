/**
 * Security and protocol audit of the registry client (src/oci, src/net/transport.ts), against the
 * in-process fake registry: credentials stay on the registry's origin (upload Locations, 401s from
 * a redirect target, plain-HTTP realms for an https registry), uploads and referrers-index writes
 * are never replayed blindly after a lost response, and small blobs report the registry's error.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createTransport, type TransportOptions } from '../../../src/net/transport.js'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../../../src/notary/constants.js'
import { createRegistryClient, type Repository } from '../../../src/oci/client.js'
import { staticCredentials, type CredentialSource } from '../../../src/oci/credentials.js'
import type { Descriptor } from '../../../src/oci/descriptor.js'
import { referrersTag } from '../../../src/oci/manifest.js'
import {
  startFakeRegistry,
  type FakeRegistry,
  type FakeRegistryOptions,
} from '../../helpers/fake-registry.js'
import { fakeEnvelope, signatureManifest } from './fixtures.js'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((c) => c()))
})

async function fake(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const f = await startFakeRegistry(options)
  cleanup.push(() => f.close())
  return f
}

interface Recorded {
  method: string
  url: string
  authorization?: string
}

/** A second loopback server (another origin) that records what reaches it. */
async function otherOrigin(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; requests: Recorded[] }> {
  const requests: Recorded[] = []
  const server: Server = createServer((req, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      ...(req.headers.authorization === undefined
        ? {}
        : { authorization: req.headers.authorization }),
    })
    req.resume()
    req.on('end', () => handler(req, res))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanup.push(async () => {
    server.closeAllConnections()
    await new Promise<void>((r) => server.close(() => r()))
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }
}

function client(
  credentials?: CredentialSource,
  transport: Partial<TransportOptions> = {},
): (ref: string) => Repository {
  const c = createRegistryClient({
    transport: createTransport({ sleep: async () => {}, maxAttempts: 3, ...transport }),
    ...(credentials === undefined ? {} : { credentials }),
    tagIndexSettleMs: 5,
    sleep: async () => {},
  })
  return (ref) => c.repository(ref)
}

async function pushImage(repo: Repository): Promise<Descriptor> {
  const config = await repo.pushBlob(new TextEncoder().encode('{"os":"linux"}'), {
    mediaType: 'application/vnd.oci.image.config.v1+json',
  })
  const manifest = new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config,
      layers: [],
    }),
  )
  return (await repo.pushManifest(manifest, MEDIA_TYPE.ociManifest, { tag: 'v1' })).descriptor
}

/** Makes the fake registry apply the request but lose the response (connection reset). */
function loseResponse(res: ServerResponse): void {
  res.writeHead = ((..._args: unknown[]) => {
    res.socket?.destroy()
    return res
  }) as typeof res.writeHead
}

describe('credentials stay on the registry origin', () => {
  it('sends no Authorization to an upload Location on another origin', async () => {
    const store = await otherOrigin((req, res) => {
      const digest = new URL(req.url ?? '/', 'http://x').searchParams.get('digest') ?? ''
      res.writeHead(201, { 'docker-content-digest': digest }).end()
    })
    const f = await fake({
      auth: { kind: 'basic', username: 'u', password: 'p' },
      handler: (req, res) => {
        if (req.method !== 'POST' || !req.url?.includes('/blobs/uploads/')) return false
        if (req.headers.authorization === undefined) return false // the fake challenges
        res.writeHead(202, { location: `${store.url}/upload/1?sig=s3cr3t` }).end()
        return true
      },
    })
    const repo = client(staticCredentials({ [f.host]: { username: 'u', password: 'p' } }))(
      `${f.host}/app`,
    )
    await repo.pushBlob(new TextEncoder().encode('layer'))
    expect(store.requests.map((q) => q.method)).toEqual(['PUT'])
    expect(store.requests[0]?.authorization).toBeUndefined()
  })

  it('does not answer a 401 from a redirect target on another origin with the registry credentials', async () => {
    const realm = await otherOrigin((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"t"}')
    })
    const store = await otherOrigin((_req, res) => {
      res
        .writeHead(401, { 'www-authenticate': `Bearer realm="${realm.url}/token",service="s"` })
        .end()
    })
    const f = await fake({
      auth: { kind: 'basic', username: 'u', password: 'p' },
      handler: (req, res) => {
        if (req.method !== 'GET' || !req.url?.includes('/blobs/sha256:')) return false
        if (req.headers.authorization === undefined) return false
        res.writeHead(307, { location: `${store.url}/blob?sig=1` }).end()
        return true
      },
    })
    const repo = client(staticCredentials({ [f.host]: { username: 'u', password: 'p' } }))(
      `${f.host}/app`,
    )
    const desc = await repo.pushBlob(new TextEncoder().encode('a blob'))
    const err = await repo.fetchBlob(desc).catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'RegistryError', code: 'REGISTRY_AUTH' })
    expect(realm.requests).toEqual([])
    expect(store.requests.every((q) => q.authorization === undefined)).toBe(true)
    // The registry's own challenge is still the one answered afterwards.
    expect(await repo.blobExists(desc.digest)).toBe(true)
  })

  it('refuses a plain-HTTP token realm for an https registry, even on loopback', async () => {
    const f = await fake({ auth: { kind: 'bearer', username: 'u', password: 'p' } })
    // registry.test is served over https (not loopback, not insecure); the shim routes it to the fake.
    const fetchImpl: typeof fetch = (input, init) =>
      fetch(String(input).replace('https://registry.test', f.url), init)
    const repo = client(staticCredentials({ 'registry.test': { username: 'u', password: 'p' } }), {
      fetchImpl,
    })('registry.test/app:v1')
    const err = await repo.resolve().catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'RegistryError', code: 'INSECURE_REGISTRY' })
    expect(f.tokenRequests).toEqual([])
  })
})

describe('no blind replays of non-idempotent writes', () => {
  it('a blob upload whose PUT response was lost is not replayed into the used session', async () => {
    let lost = false
    const f = await fake({
      handler: (req, res) => {
        if (lost || req.method !== 'PUT' || !req.url?.includes('/blobs/uploads/')) return false
        lost = true
        loseResponse(res) // the registry stores the blob, the client sees a reset
        return false
      },
    })
    const repo = client()(`${f.host}/app`)
    const bytes = new TextEncoder().encode('uploaded once')
    const desc = await repo.pushBlob(bytes)
    expect(lost).toBe(true)
    expect(f.blobs.get(desc.digest)?.toString()).toBe('uploaded once')
    const puts = f.requests.filter((q) => q.method === 'PUT').map((q) => q.url.split('?')[0])
    expect(new Set(puts).size).toBe(puts.length)
  })

  it('a blob upload reset half-way restarts in a fresh upload session', async () => {
    const poisoned = new Set<string>()
    const f = await fake({
      handler: (req, res) => {
        const m = /\/blobs\/uploads\/([0-9a-f]+)\?/.exec(req.url ?? '')
        if (req.method !== 'PUT' || m === null) return false
        const id = m[1] as string
        if (poisoned.has(id)) {
          // distribution: the session holds the partial data, the _state offset no longer matches.
          res
            .writeHead(400, { 'content-type': 'application/json' })
            .end('{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"blob upload invalid"}]}')
          return true
        }
        if (poisoned.size === 0) {
          poisoned.add(id)
          req.socket.destroy()
          return true
        }
        return false
      },
    })
    const repo = client()(`${f.host}/app`)
    const desc = await repo.pushBlob(new TextEncoder().encode('uploaded after a reset'))
    expect(f.blobs.get(desc.digest)?.toString()).toBe('uploaded after a reset')
    expect(f.requests.filter((q) => q.method === 'POST')).toHaveLength(2)
  })

  it('a referrers index PUT whose response was lost is not replayed over a newer index', async () => {
    let indexTag = ''
    let dropped = false
    let other: Promise<string> | undefined
    let releaseW!: () => void
    const wMayRetry = new Promise<void>((r) => (releaseW = r))
    let signV: () => Promise<string> = async () => ''
    const f = await fake({
      referrersApi: false,
      handler: (req, res) => {
        if (
          dropped ||
          indexTag === '' ||
          req.method !== 'PUT' ||
          req.headers['user-agent'] !== 'writer-w' ||
          !req.url?.endsWith(`/manifests/${indexTag}`)
        )
          return false
        dropped = true
        loseResponse(res) // W's index lands, W sees a reset
        // V starts once W's index is in place, and finishes before W's transport would retry.
        other = signV().finally(releaseW)
        return false
      },
    })
    const setup = client()(`${f.host}/app`)
    const subject = await pushImage(setup)
    await setup.pushBlob(EMPTY_CONFIG.bytes)
    indexTag = referrersTag(subject.digest)

    const sign = async (repo: Repository): Promise<string> => {
      const envelope = fakeEnvelope()
      await repo.pushBlob(envelope, { mediaType: MEDIA_TYPE.cose })
      const r = await repo.pushReferrer(
        { manifest: signatureManifest(subject, envelope, 'B') },
        { mode: 'tag' },
      )
      return r.descriptor.digest
    }
    // A transport retry of W waits until V is done (as a proxy's late replay would land).
    const w = client(undefined, { userAgent: 'writer-w', sleep: () => wMayRetry })(`${f.host}/app`)
    const v = client(undefined, { userAgent: 'writer-v' })(`${f.host}/app`)
    signV = () => sign(v)
    const wDigest = await sign(w)
    expect(dropped).toBe(true)
    const vDigest = await (other as Promise<string>)

    const listed = await setup.listReferrers(subject, { mode: 'tag' })
    expect(listed.descriptors.map((d) => d.digest).sort()).toEqual([wDigest, vDigest].sort())
  })
})

describe('small blobs', () => {
  it('a missing 2-byte blob is REGISTRY_NOT_FOUND, not TOO_LARGE because of the error body', async () => {
    const f = await fake()
    const repo = client()(`${f.host}/app`)
    const err = await repo
      .fetchBlob({ mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_CONFIG.digest, size: 2 })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'RegistryError', code: 'REGISTRY_NOT_FOUND', status: 404 })
  })
})
