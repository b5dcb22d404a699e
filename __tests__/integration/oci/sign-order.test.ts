/**
 * What signImages sends, and when (issue 10 critical path, issue 11 item 6), against the in-process
 * fake registry with a real local-key signer:
 * - nothing is written to the registry before every check that can fail without it has passed:
 *   `referrers: api` on a registry without the API fails before the envelope is uploaded; a signer
 *   that fails leaves the registry untouched;
 * - no barrier: an image is signed and pushed while another is still being resolved;
 * - no request that decides nothing: no `GET /v2/`, no HEAD before uploading a new envelope, one
 *   Referrers API probe per registry for many images.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { beforeAll, describe, expect, it } from 'vitest'
import { signImages, type SignDeps, type SignOptions } from '../../../src/commands/sign.js'
import { ActionError } from '../../../src/errors.js'
import { silentLogger } from '../../../src/log.js'
import { createTransport } from '../../../src/net/transport.js'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../../../src/notary/constants.js'
import {
  createRegistryClient,
  type RegistryClient,
  type RegistryClientOptions,
} from '../../../src/oci/client.js'
import { staticCredentials } from '../../../src/oci/credentials.js'
import { createLocalKeySigner, type LocalKeySigner } from '../../../src/signer/local-key.js'
import type { Signer } from '../../../src/signer/signer.js'
import { createCodeSigningPki } from '../../../testbed/pki.js'
import { fakeRegistriesClosedAfterAll, type FakeRegistry } from '../../helpers/fake-registry.js'

const fake = fakeRegistriesClosedAfterAll()
let signer: LocalKeySigner

beforeAll(async () => {
  const pki = await createCodeSigningPki({ keyKind: 'ec256' })
  signer = createLocalKeySigner({
    keyPem: pki.leaf.privateKeyPem,
    chainPem: pki.chainPem,
    now: new Date(),
  })
})

function registryClient(
  extra: Pick<RegistryClientOptions, 'access' | 'credentials'> = {},
): RegistryClient {
  return createRegistryClient({
    transport: createTransport({ sleep: async () => {}, maxAttempts: 2 }),
    logger: silentLogger,
    tagIndexSettleMs: 0,
    sleep: async () => {},
    ...extra,
  })
}

/** Pushes a small image under `tag` straight to the fake registry; returns its digest. */
async function pushImage(f: FakeRegistry, repository: string, tag: string): Promise<string> {
  const put = async (path: string, body: string, type: string): Promise<Response> =>
    fetch(`${f.url}/v2/${repository}/${path}`, {
      method: 'PUT',
      headers: { 'content-type': type },
      body,
    })
  const blob = async (text: string): Promise<{ digest: string; size: number }> => {
    const digest = `sha256:${createHash('sha256').update(text).digest('hex')}`
    const start = await fetch(`${f.url}/v2/${repository}/blobs/uploads/`, { method: 'POST' })
    const location = new URL(start.headers.get('location') as string, f.url)
    location.searchParams.set('digest', digest)
    await fetch(location, { method: 'PUT', body: text })
    return { digest, size: Buffer.byteLength(text) }
  }
  const config = await blob(`{"architecture":"amd64","os":"linux","tag":"${tag}"}`)
  const layer = await blob(`layer of ${tag}`)
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
  })
  const res = await put(`manifests/${tag}`, manifest, MEDIA_TYPE.ociManifest)
  expect(res.status).toBe(201)
  return res.headers.get('docker-content-digest') as string
}

/** Pushes a small image through a registry client (for registries that need auth). */
async function pushWith(
  client: RegistryClient,
  f: FakeRegistry,
  repository: string,
  tag: string,
): Promise<void> {
  const repo = client.repository(`${f.host}/${repository}`)
  const config = await repo.pushBlob(new TextEncoder().encode(`{"os":"linux","tag":"${tag}"}`), {
    mediaType: 'application/vnd.oci.image.config.v1+json',
  })
  const layer = await repo.pushBlob(new TextEncoder().encode(`layer ${tag}`), {
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
  })
  const manifest = new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config,
      layers: [layer],
    }),
  )
  await repo.pushManifest(manifest, MEDIA_TYPE.ociManifest, { tag })
}

const options = (referrers: SignOptions['referrers'], concurrency = 4): SignOptions => ({
  format: 'cose',
  manifestForm: 'image-manifest-legacy',
  userMetadata: new Map(),
  referrers,
  recursive: false,
  concurrency,
})

const deps = (registry: RegistryClient, s: Signer = signer): SignDeps => ({
  registry,
  signer: s,
  logger: silentLogger,
  now: () => new Date(),
  signingAgent: 'oci-notary-action/test',
})

const pathOf = (f: FakeRegistry, url: string): string => new URL(url, f.url).pathname
/** Opening an upload session (a POST without a mount) or cancelling one: no content. */
const isUploadSession = (f: FakeRegistry, r: { method: string; url: string }): boolean =>
  (r.method === 'POST' &&
    pathOf(f, r.url).endsWith('/blobs/uploads/') &&
    !new URL(r.url, f.url).searchParams.has('mount')) ||
  (r.method === 'DELETE' && /\/blobs\/uploads\/[^/]+$/.test(pathOf(f, r.url)))

/** Requests after `from` that change what the registry holds (blobs, manifests, tags). */
const writes = (f: FakeRegistry, from: number) =>
  f.requests
    .slice(from)
    .filter((r) => !['GET', 'HEAD'].includes(r.method) && !isUploadSession(f, r))

describe('nothing is written before every check that can fail without the registry passed', () => {
  it('referrers: api on a registry without the API fails before the envelope is uploaded (issue 11 item 6)', async () => {
    const f = await fake({ referrersApi: false })
    await pushImage(f, 'app', 'v1')
    const blobsBefore = new Set(f.blobs.keys())
    const from = f.requests.length
    const err = await signImages(
      [`${f.host}/app:v1`],
      options('api'),
      deps(registryClient()),
    ).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ActionError)
    expect((err as ActionError).code).toBe('REFERRERS_UNSUPPORTED')
    // The envelope (and the {} config blob) must not be in the registry: no upload at all.
    expect([...f.blobs.keys()].filter((d) => !blobsBefore.has(d))).toEqual([])
    expect(writes(f, from)).toEqual([])
    // The envelope's upload session, opened while it was signed, was cancelled.
    expect(f.openUploads()).toBe(0)
  })

  it('a signer that fails leaves the registry untouched', async () => {
    const f = await fake()
    await pushImage(f, 'app', 'v1')
    const from = f.requests.length
    const failing: Signer = {
      keySpec: signer.keySpec,
      algorithm: signer.algorithm,
      description: 'a signer that fails',
      sign: async () => {
        throw new Error('the signing service is down')
      },
    }
    await expect(
      signImages([`${f.host}/app:v1`], options('auto'), deps(registryClient(), failing)),
    ).rejects.toThrow()
    expect(writes(f, from)).toEqual([])
    expect(f.openUploads()).toBe(0)
  })

  it('opens the upload sessions while signing, so each upload after it is one PUT', async () => {
    const f = await fake()
    await pushImage(f, 'new', 'v1')
    let releaseSigner: () => void = () => undefined
    const signerReleased = new Promise<void>((resolve) => (releaseSigner = resolve))
    let openedWhileSigning = 0
    const slow: Signer = {
      ...signer,
      sign: async (data) => {
        // Held until the envelope's and the (missing) config blob's sessions are open, or 3 s.
        await Promise.race([
          new Promise<void>((resolve) => {
            const poll = setInterval(() => {
              if (f.openUploads() >= 2) {
                clearInterval(poll)
                resolve()
              }
            }, 5)
          }),
          new Promise((r) => setTimeout(r, 3_000)),
        ])
        openedWhileSigning = f.openUploads()
        releaseSigner()
        return signer.sign(data)
      },
    }
    const from = f.requests.length
    await signImages([`${f.host}/new:v1`], options('tag'), deps(registryClient(), slow))
    await signerReleased
    expect(openedWhileSigning).toBe(2)
    const requests = f.requests.slice(from)
    const uploadPosts = requests.filter((r) => r.method === 'POST')
    const blobPuts = requests.filter(
      (r) => r.method === 'PUT' && pathOf(f, r.url).includes('/blobs/uploads/'),
    )
    // Two sessions (envelope, {} config), each used by one PUT, none opened after signing.
    expect(uploadPosts).toHaveLength(2)
    expect(blobPuts).toHaveLength(2)
    expect(f.openUploads()).toBe(0)
    expect(f.blobs.has(EMPTY_CONFIG.digest)).toBe(true)
  })
})

describe('the critical path', () => {
  it('pushes a resolved image while another is still being resolved (no barrier)', async () => {
    let releaseSlow: () => void = () => undefined
    const slowReleased = new Promise<void>((resolve) => (releaseSlow = resolve))
    let firstSignatureAt: number | undefined
    let slowAnsweredAt: number | undefined
    const f = await fake({
      handler: async (req: IncomingMessage, _res: ServerResponse) => {
        const path = req.url ?? ''
        if (req.method === 'PUT' && /\/app\/manifests\/sha256:/.test(path)) {
          firstSignatureAt ??= Date.now()
          releaseSlow()
        }
        if (req.method === 'HEAD' && path.endsWith('/slow/manifests/v1')) {
          // Answered only once a signature manifest was pushed (or after 3 s without one).
          await Promise.race([slowReleased, new Promise((r) => setTimeout(r, 3_000))])
          slowAnsweredAt = Date.now()
        }
        return false
      },
    })
    await pushImage(f, 'app', 'v1')
    await pushImage(f, 'slow', 'v1')
    const signed = await signImages(
      [`${f.host}/slow:v1`, `${f.host}/app:v1`],
      options('tag'),
      deps(registryClient()),
    )
    expect(signed.map((s) => s.repository)).toEqual([`${f.host}/slow`, `${f.host}/app`])
    expect(firstSignatureAt).toBeDefined()
    expect(slowAnsweredAt).toBeDefined()
    expect(firstSignatureAt as number).toBeLessThanOrEqual(slowAnsweredAt as number)
  })

  it('no GET /v2/, no HEAD before the new envelope, and one Referrers API probe for many images', async () => {
    const f = await fake()
    const tags = ['a', 'b', 'c', 'd', 'e']
    for (const tag of tags) await pushImage(f, 'app', tag)
    const from = f.requests.length
    const signed = await signImages(
      tags.map((t) => `${f.host}/app:${t}`),
      options('auto'),
      deps(registryClient()),
    )
    expect(signed).toHaveLength(5)
    expect(signed.every((s) => s.referrersMode === 'api')).toBe(true)
    const requests = f.requests.slice(from)
    const path = (url: string): string => new URL(url, f.url).pathname
    expect(requests.filter((r) => path(r.url) === '/v2/')).toEqual([])
    const zero = `sha256:${'0'.repeat(64)}`
    expect(requests.filter((r) => path(r.url) === `/v2/app/referrers/${zero}`)).toHaveLength(1)
    // The only blob HEAD is the one asking for the {} config blob, once for the repository.
    const blobHeads = requests.filter((r) => r.method === 'HEAD' && path(r.url).includes('/blobs/'))
    expect(blobHeads.map((r) => path(r.url))).toEqual([`/v2/app/blobs/${EMPTY_CONFIG.digest}`])
    // Every envelope was uploaded (POST + PUT each) and the config blob once.
    expect(
      requests.filter((r) => r.method === 'POST' && path(r.url).endsWith('/uploads/')),
    ).toHaveLength(6)
  })

  it('a client for pushing asks its token server once per job, with push scope from the start', async () => {
    const f = await fake({ auth: { kind: 'bearer', username: 'u', password: 'p' } })
    const credentials = staticCredentials({ [f.host]: { username: 'u', password: 'p' } })
    // The image is pushed by another client (its tokens are its own).
    await pushWith(registryClient({ credentials }), f, 'app', 'v1')
    const from = f.tokenRequests.length
    await signImages(
      [`${f.host}/app:v1`],
      options('tag'),
      deps(registryClient({ credentials, access: 'push' })),
    )
    const scopes = f.tokenRequests
      .slice(from)
      .map((q) => new URL(q.url, f.url).searchParams.getAll('scope').join(' '))
    expect(scopes).toEqual(['repository:app:pull,push'])
  })
})
