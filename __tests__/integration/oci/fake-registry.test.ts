/**
 * The registry client against the in-process fake registry, for what distribution 2.8 cannot show:
 * the Referrers API (pagination, artifactType filtering, OCI-Filters-Applied), OCI-Subject,
 * ETag/If-Match, cross-origin blob redirects, registry quirks (ECR, GAR), Bearer scope upgrades,
 * refresh and registry tokens, and bad answers (garbage, oversize, wrong digests, plain HTTP).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createTransport, type RequestEvent } from '../../../src/net/transport.js'
import { EMPTY_CONFIG, MEDIA_TYPE } from '../../../src/notary/constants.js'
import { createRegistryClient, type Repository } from '../../../src/oci/client.js'
import { staticCredentials, type CredentialSource } from '../../../src/oci/credentials.js'
import type { RegistryError } from '../../../src/oci/errors.js'
import type { Descriptor } from '../../../src/oci/descriptor.js'
import { digestOf } from '../../../src/oci/digest.js'
import { encodeReferrersIndex, referrersTag } from '../../../src/oci/manifest.js'
import {
  startFakeRegistry,
  type FakeRegistry,
  type FakeRegistryOptions,
} from '../../helpers/fake-registry.js'
import { fakeEnvelope, signatureManifest } from './fixtures.js'

const started: FakeRegistry[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((f) => f.close()))
})

async function fake(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const f = await startFakeRegistry(options)
  started.push(f)
  return f
}

function client(
  credentials?: CredentialSource,
  extra: { insecureRegistries?: string[] } = {},
): {
  repo: (ref: string) => Repository
  events: RequestEvent[]
} {
  const events: RequestEvent[] = []
  const c = createRegistryClient({
    transport: createTransport({
      onRequest: (e) => events.push(e),
      sleep: async () => {},
      maxAttempts: 3,
    }),
    ...(credentials === undefined ? {} : { credentials }),
    tagIndexSettleMs: 5,
    sleep: async () => {},
    ...extra,
  })
  return { repo: (ref) => c.repository(ref), events }
}

/** Pushes a tiny image (config + one layer) tagged v1; returns its descriptor. */
async function pushImage(repo: Repository, text = 'hello'): Promise<Descriptor> {
  const config = await repo.pushBlob(new TextEncoder().encode(`{"os":"linux","x":"${text}"}`), {
    mediaType: 'application/vnd.oci.image.config.v1+json',
  })
  const layer = await repo.pushBlob(new TextEncoder().encode(text), {
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
  return (await repo.pushManifest(manifest, MEDIA_TYPE.ociManifest, { tag: 'v1' })).descriptor
}

async function sign(
  repo: Repository,
  subject: Descriptor,
  form: 'A' | 'B' = 'B',
  mode?: 'auto' | 'api' | 'tag',
) {
  await repo.pushBlob(EMPTY_CONFIG.bytes)
  const envelope = fakeEnvelope()
  await repo.pushBlob(envelope, { mediaType: MEDIA_TYPE.cose })
  return repo.pushReferrer(
    { manifest: signatureManifest(subject, envelope, form) },
    mode === undefined ? {} : { mode },
  )
}

/** A referrer of another artifact type (an SBOM) on the same subject. */
async function pushSbom(repo: Repository, subject: Descriptor): Promise<string> {
  await repo.pushBlob(EMPTY_CONFIG.bytes)
  const layer = await repo.pushBlob(new TextEncoder().encode(`sbom ${Math.random()}`))
  const manifest = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    artifactType: 'application/spdx+json',
    config: { mediaType: MEDIA_TYPE.ociEmpty, digest: EMPTY_CONFIG.digest, size: 2 },
    layers: [layer],
    subject,
  }
  return (await repo.pushReferrer({ manifest: new TextEncoder().encode(JSON.stringify(manifest)) }))
    .descriptor.digest
}

describe('Referrers API', () => {
  it('pushes via the API when the registry lists the referrer, and writes no tag index', async () => {
    const f = await fake()
    const { repo: r, events } = client()
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    const pushed = await sign(repo, subject)
    expect(pushed).toMatchObject({ via: 'api', warnings: [] })
    expect(f.tags.get('app')?.has(referrersTag(subject.digest))).toBe(false)
    // The check asked for the notary artifactType.
    expect(
      f.requests.some((q) =>
        q.url.includes(
          `/referrers/${subject.digest}?artifactType=application%2Fvnd.cncf.notary.signature`,
        ),
      ),
    ).toBe(true)
    expect(events.some((e) => e.url.includes('/manifests/sha256-'))).toBe(false)
  })

  it('pages through Link and filters server-side (OCI-Filters-Applied)', async () => {
    const f = await fake({ pageSize: 2 })
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    const sigs: string[] = []
    for (let i = 0; i < 3; i++) {
      sigs.push((await sign(repo, subject, i % 2 === 0 ? 'A' : 'B')).descriptor.digest)
      await pushSbom(repo, subject)
    }
    const listed = await repo.listReferrers(subject, { artifactType: MEDIA_TYPE.notarySignature })
    expect(listed.via).toBe('api')
    expect(listed.descriptors.map((d) => d.digest)).toEqual(sigs)
    const all = await repo.listReferrers(subject.digest)
    expect(all.descriptors).toHaveLength(6)
    // 6 referrers at 2 per page: 3 pages.
    expect(
      f.requests.filter(
        (q) =>
          q.url.startsWith(`/v2/app/referrers/${subject.digest}`) &&
          !q.url.includes('artifactType'),
      ).length,
    ).toBe(3)
  })

  it('filters client-side when the registry does not say it filtered', async () => {
    const f = await fake({ filtersApplied: false, pageSize: 4 })
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    const sig = await sign(repo, subject, 'A')
    await pushSbom(repo, subject)
    await pushSbom(repo, subject)
    const listed = await repo.listReferrers(subject, {
      artifactType: MEDIA_TYPE.notarySignature,
      mode: 'api',
    })
    expect(listed.descriptors.map((d) => d.digest)).toEqual([sig.descriptor.digest])
    expect(listed.descriptors[0]?.artifactType).toBe(MEDIA_TYPE.notarySignature)
  })

  it('tag mode writes the tag index even on a registry with the API (notation v1 behaviour)', async () => {
    const f = await fake()
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    const pushed = await sign(repo, subject, 'A', 'tag')
    expect(pushed.via).toBe('tag')
    expect(f.tags.get('app')?.get(referrersTag(subject.digest))).toBe(pushed.indexDigest)
    expect(f.requests.some((q) => q.url.includes('/referrers/'))).toBe(false)
  })

  it('ECR quirk: OCI-Subject on the PUT but no Referrers API → tag index', async () => {
    const f = await fake({ referrersApi: false, ociSubjectHeader: true })
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    const pushed = await sign(repo, subject)
    expect(pushed.via).toBe('tag')
    expect(f.tags.get('app')?.get(referrersTag(subject.digest))).toBe(pushed.indexDigest)
    const listed = await repo.listReferrers(subject, { artifactType: MEDIA_TYPE.notarySignature })
    expect(listed).toMatchObject({
      via: 'tag',
      descriptors: [{ digest: pushed.descriptor.digest }],
    })
  })

  it('GAR quirk: the API answers but does not list the signature → also the tag index, with a warning', async () => {
    const f = await fake({ referrersListEmpty: true })
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    const pushed = await sign(repo, subject)
    expect(pushed.via).toBe('tag')
    expect(pushed.warnings.join('\n')).toMatch(/does not list/)
    // auto listing unions the API and the tag index, so the signature is found.
    const listed = await repo.listReferrers(subject, { artifactType: MEDIA_TYPE.notarySignature })
    expect(listed.descriptors.map((d) => d.digest)).toEqual([pushed.descriptor.digest])
  })

  it('api mode on a registry without the API fails before pushing anything', async () => {
    const f = await fake({ referrersApi: false })
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    await repo.pushBlob(EMPTY_CONFIG.bytes)
    const envelope = fakeEnvelope()
    await repo.pushBlob(envelope)
    const puts = (): number =>
      f.requests.filter((q) => q.method === 'PUT' && q.url.includes('/manifests/')).length
    const before = puts()
    await expect(
      repo.pushReferrer({ manifest: signatureManifest(subject, envelope, 'B') }, { mode: 'api' }),
    ).rejects.toMatchObject({ code: 'REFERRERS_UNSUPPORTED' })
    expect(puts()).toBe(before)
    await expect(repo.listReferrers(subject, { mode: 'api' })).rejects.toMatchObject({
      code: 'REFERRERS_UNSUPPORTED',
    })
  })

  it('a referrers next link to another origin is refused', async () => {
    const f = await fake({
      handler: (req, res) => {
        if (!req.url?.includes('/referrers/')) return false
        res.writeHead(200, {
          'content-type': MEDIA_TYPE.ociIndex,
          link: '<http://127.0.0.2:1/v2/app/referrers/x?page=2>; rel="next"',
        })
        res.end(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests: [] }))
        return true
      },
    })
    const { repo: r } = client()
    await expect(
      r(`${f.host}/app`).listReferrers(`sha256:${'a'.repeat(64)}`),
    ).rejects.toMatchObject({ code: 'REGISTRY_PROTOCOL' })
  })
})

describe('ETag / If-Match on the tag index', () => {
  it('sends If-Match, and on 412 re-reads and merges the other writer’s entry', async () => {
    let raced = false
    let otherDigest = ''
    const f: FakeRegistry = await fake({
      referrersApi: false,
      etags: true,
      handler: (req) => {
        // Just before our index update lands, another writer replaces the index.
        if (
          raced ||
          req.method !== 'PUT' ||
          !req.url?.includes('/manifests/sha256-') ||
          req.headers['if-match'] === undefined
        )
          return false
        raced = true
        const tag = req.url.split('/manifests/')[1] as string
        const tags = f.tags.get('app') as Map<string, string>
        const manifests = f.manifests.get('app') as Map<
          string,
          { mediaType: string; bytes: Buffer }
        >
        const current = manifests.get(tags.get(tag) as string) as { bytes: Buffer }
        const other = {
          mediaType: MEDIA_TYPE.ociManifest,
          digest: otherDigest,
          size: 10,
          artifactType: MEDIA_TYPE.notarySignature,
        }
        const index = JSON.parse(current.bytes.toString()) as { manifests: Descriptor[] }
        const bytes = Buffer.from(encodeReferrersIndex([...index.manifests, other]))
        manifests.set(digestOf(bytes), { mediaType: MEDIA_TYPE.ociIndex, bytes })
        tags.set(tag, digestOf(bytes))
        return false
      },
    })
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    // Another signer's manifest must exist for the index to be valid in a real registry.
    otherDigest = (
      await repo.pushManifest(
        new TextEncoder().encode('{"schemaVersion":2,"other":true}'),
        MEDIA_TYPE.ociManifest,
      )
    ).descriptor.digest
    const first = await sign(repo, subject, 'A')
    const second = await sign(repo, subject, 'B')
    expect(raced).toBe(true)
    const ifMatch = f.requests.filter(
      (q) => q.method === 'PUT' && q.headers['if-match'] !== undefined,
    )
    expect(ifMatch.length).toBeGreaterThanOrEqual(2)
    const listed = await repo.listReferrers(subject)
    expect(listed.descriptors.map((d) => d.digest).sort()).toEqual(
      [first.descriptor.digest, second.descriptor.digest, otherDigest].sort(),
    )
    // The other writer's index is not deleted by us; our superseded ones are, the current one is not.
    expect(f.tags.get('app')?.get(referrersTag(subject.digest))).toBe(second.indexDigest)
  })
})

describe('blob redirects', () => {
  it('follows a redirect to another origin without sending Authorization there', async () => {
    const f = await fake({
      redirectBlobs: true,
      auth: { kind: 'basic', username: 'u', password: 'p' },
    })
    const { repo: r } = client(staticCredentials({ [f.host]: { username: 'u', password: 'p' } }))
    const repo = r(`${f.host}/app`)
    const bytes = new TextEncoder().encode('a blob behind a signed URL')
    const desc = await repo.pushBlob(bytes)
    expect(await repo.fetchBlob(desc)).toEqual(bytes)
    const store = f.blobStore as { requests: { authorization?: string }[] }
    expect(store.requests).toHaveLength(1)
    expect(store.requests[0]?.authorization).toBeUndefined()
    expect(
      f.requests.some(
        (q) => q.url === `/v2/app/blobs/${desc.digest}` && q.authorization?.startsWith('Basic '),
      ),
    ).toBe(true)
  })

  it('refuses a redirect to plain HTTP on a non-loopback host', async () => {
    const f = await fake({
      handler: (req, res) => {
        if (req.method !== 'GET' || !req.url?.includes('/blobs/')) return false
        res.writeHead(307, { location: 'http://blobs.example.com/x?sig=1' }).end()
        return true
      },
    })
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    const desc = await repo.pushBlob(new Uint8Array([1, 2, 3]))
    const err = await repo.fetchBlob(desc).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'INSECURE_REGISTRY' })
    expect((err as Error).message).toContain('blobs.example.com')
    expect((err as RegistryError).remedy).toBe(
      'serve blobs.example.com over https, or list blobs.example.com in insecure-registries (CLI: --insecure-registries)',
    )
  })
})

describe('Bearer auth', () => {
  it('upgrades the token on insufficient_scope and caches tokens per scope', async () => {
    // A registry that wants push rights even to read manifests.
    const f = await fake({
      auth: { kind: 'bearer', username: 'u', password: 'p' },
      actionFor: (method, path) =>
        path.includes('/manifests/')
          ? 'push'
          : method === 'GET' || method === 'HEAD'
            ? 'pull'
            : 'push',
    })
    const { repo: r } = client(staticCredentials({ [f.host]: { username: 'u', password: 'p' } }))
    const repo = r(`${f.host}/app`)
    const subject = await pushImage(repo)
    const fresh = client(staticCredentials({ [f.host]: { username: 'u', password: 'p' } }))
    const reader = fresh.repo(`${f.host}/app:v1`)
    const before = f.tokenRequests.length
    // A blob read gets the pull token (the registry's first answer is the challenge) ...
    expect(await reader.blobExists(subject.digest)).toBe(false)
    // ... which the manifest read then finds insufficient.
    expect(await reader.resolve()).toEqual(subject)
    await reader.resolve()
    const scopes = f.tokenRequests
      .slice(before)
      .map((q) => new URL(q.url, f.url).searchParams.getAll('scope').join(' '))
    // First the pull token, then the upgrade to pull+push asked by the challenge; then cached.
    expect(scopes).toEqual(['repository:app:pull', 'repository:app:pull,push'])
  })

  it('uses an identity token (refresh token) with grant_type=refresh_token', async () => {
    const f = await fake({
      auth: { kind: 'bearer', username: 'u', password: 'p', refreshTokens: ['refresh-123'] },
    })
    const { repo: r } = client(staticCredentials({ [f.host]: { identityToken: 'refresh-123' } }))
    const repo = r(`${f.host}/app`)
    await pushImage(repo)
    const posts = f.tokenRequests.filter((q) => q.method === 'POST')
    expect(posts.length).toBeGreaterThan(0)
    expect(f.tokenRequests.every((q) => q.method === 'POST')).toBe(true)
  })

  it('a wrong refresh token is REGISTRY_AUTH and the token is not in the message', async () => {
    const f = await fake({
      auth: { kind: 'bearer', username: 'u', password: 'p', refreshTokens: ['good'] },
    })
    const { repo: r } = client(
      staticCredentials({ [f.host]: { identityToken: 'bad-refresh-secret' } }),
    )
    const err = await r(`${f.host}/app:v1`)
      .resolve()
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'REGISTRY_AUTH', status: 401 })
    expect((err as Error).message).not.toContain('bad-refresh-secret')
  })

  it.each(['basic', 'bearer'] as const)(
    '%s: no credentials is REGISTRY_AUTH naming registry-username and registry-password',
    async (kind) => {
      const f = await fake({ auth: { kind, username: 'u', password: 'p' } })
      const err = await client()
        .repo(`${f.host}/app:v1`)
        .resolve()
        .catch((e: unknown) => e)
      expect(err).toMatchObject({ code: 'REGISTRY_AUTH' })
      expect((err as RegistryError).remedy).toBe(
        `log in to ${f.host} (docker/login-action, docker login) or pass registry-username and registry-password (CLI: --registry-username, --registry-password)`,
      )
    },
  )

  it('a token server refusing the password is REGISTRY_AUTH naming registry-username and registry-password', async () => {
    const f = await fake({ auth: { kind: 'bearer', username: 'u', password: 'p' } })
    const { repo: r } = client(
      staticCredentials({ [f.host]: { username: 'u', password: 'wrong' } }),
    )
    const err = await r(`${f.host}/app:v1`)
      .resolve()
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'REGISTRY_AUTH', status: 401 })
    expect((err as RegistryError).remedy).toBe(
      `check the credentials for ${f.host} (docker login, or registry-username and registry-password)`,
    )
  })

  it('uses a registry token as-is', async () => {
    const f = await fake({ auth: { kind: 'bearer', username: 'u', password: 'p' } })
    const token = f.issueToken(['repository:app:pull,push'])
    const { repo: r } = client(staticCredentials({ [f.host]: { registryToken: token } }))
    await pushImage(r(`${f.host}/app`))
    expect(f.tokenRequests).toHaveLength(0)
  })

  it('refuses a plain-HTTP token realm on a non-loopback host', async () => {
    const f = await fake({
      handler: (_req, res) => {
        res
          .writeHead(401, {
            'www-authenticate': 'Bearer realm="http://auth.example.com/token",service="x"',
          })
          .end()
        return true
      },
    })
    const { repo: r } = client(staticCredentials({ [f.host]: { username: 'u', password: 'p' } }))
    await expect(r(`${f.host}/app:v1`).resolve()).rejects.toMatchObject({
      code: 'INSECURE_REGISTRY',
    })
    // Listed as insecure, the realm is tried (and is unreachable here).
    const listed = client(staticCredentials({ [f.host]: { username: 'u', password: 'p' } }), {
      insecureRegistries: ['auth.example.com'],
    })
    await expect(listed.repo(`${f.host}/app:v1`).resolve()).rejects.toMatchObject({
      code: 'REGISTRY_UNAVAILABLE',
    })
  })
})

describe('push details', () => {
  it('keeps the upload session query and mounts across repositories', async () => {
    const f = await fake()
    const { repo: r } = client()
    const a = r(`${f.host}/team/a`)
    const b = r(`${f.host}/team/b`)
    const desc = await a.pushBlob(new TextEncoder().encode('shared layer'))
    const before = f.requests.length
    await b.pushBlob(new TextEncoder().encode('shared layer'), { mountFrom: 'team/a' })
    const calls = f.requests.slice(before).map((q) => `${q.method} ${q.url}`)
    expect(calls).toEqual([
      `HEAD /v2/team/b/blobs/${desc.digest}`,
      `POST /v2/team/b/blobs/uploads/?mount=${encodeURIComponent(desc.digest)}&from=team%2Fa`,
    ])
    expect(await b.blobExists(desc.digest)).toBe(true)
  })

  it('does not upload a blob that exists', async () => {
    const f = await fake()
    const { repo: r } = client()
    const repo = r(`${f.host}/app`)
    await repo.pushBlob(EMPTY_CONFIG.bytes)
    const before = f.requests.length
    await repo.pushBlob(EMPTY_CONFIG.bytes)
    expect(f.requests.slice(before).map((q) => q.method)).toEqual(['HEAD'])
  })
})

type Handler = (req: IncomingMessage, res: ServerResponse) => boolean

function answering(
  pathPart: string,
  status: number,
  headers: Record<string, string | number>,
  body: string | Buffer,
  method?: string,
): Handler {
  return (req, res) => {
    if (!req.url?.includes(pathPart) || (method !== undefined && req.method !== method))
      return false
    res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body)
    return true
  }
}

describe('bad answers are coded errors', () => {
  const d = `sha256:${'b'.repeat(64)}`
  it.each<[string, Handler, (repo: Repository) => Promise<unknown>, string]>([
    [
      'a manifest that is not JSON',
      answering('/manifests/', 200, { 'content-type': MEDIA_TYPE.ociManifest }, 'not json'),
      (repo) => repo.fetchManifest('v1'),
      'MANIFEST_INVALID',
    ],
    [
      'a manifest over 4 MiB',
      answering(
        '/manifests/',
        200,
        { 'content-type': MEDIA_TYPE.ociManifest },
        Buffer.alloc(4 * 1024 * 1024 + 1, 32),
      ),
      (repo) => repo.fetchManifest('v1'),
      'TOO_LARGE',
    ],
    [
      'a manifest whose bytes do not match the digest',
      answering(
        '/manifests/',
        200,
        { 'content-type': MEDIA_TYPE.ociManifest },
        '{"schemaVersion":2}',
      ),
      (repo) => repo.fetchManifest(d),
      'DIGEST_MISMATCH',
    ],
    [
      'a tag whose Docker-Content-Digest lies',
      answering(
        '/manifests/',
        200,
        { 'content-type': MEDIA_TYPE.ociManifest, 'docker-content-digest': d },
        '{"schemaVersion":2}',
        'GET',
      ),
      (repo) => repo.fetchManifest('v1'),
      'DIGEST_MISMATCH',
    ],
    [
      'HEAD answering for another digest',
      answering(
        '/manifests/',
        200,
        {
          'content-type': MEDIA_TYPE.ociManifest,
          'docker-content-digest': d,
          'content-length': 10,
        },
        '',
        'HEAD',
      ),
      (repo) => repo.resolve(`sha256:${'c'.repeat(64)}`),
      'DIGEST_MISMATCH',
    ],
    [
      'a blob with other bytes',
      answering('/blobs/', 200, { 'content-type': 'application/octet-stream' }, 'xyz'),
      (repo) => repo.fetchBlob({ mediaType: 'x', digest: d, size: 3 }),
      'DIGEST_MISMATCH',
    ],
    [
      'a blob larger than its descriptor',
      answering('/blobs/', 200, { 'content-type': 'application/octet-stream' }, 'abcdef'),
      (repo) => repo.fetchBlob({ mediaType: 'x', digest: d, size: 3 }),
      'TOO_LARGE',
    ],
    [
      'an envelope descriptor over 32 MiB',
      () => false,
      (repo) =>
        repo.fetchBlob({ mediaType: MEDIA_TYPE.cose, digest: d, size: 32 * 1024 * 1024 + 1 }),
      'TOO_LARGE',
    ],
    [
      'a referrers listing over 4 MiB',
      answering(
        '/referrers/',
        200,
        { 'content-type': MEDIA_TYPE.ociIndex },
        Buffer.alloc(4 * 1024 * 1024 + 1, 32),
      ),
      (repo) => repo.listReferrers(d),
      'TOO_LARGE',
    ],
    [
      'a referrers listing that is garbage',
      answering(
        '/referrers/',
        200,
        { 'content-type': MEDIA_TYPE.ociIndex },
        '{"manifests": "nope"',
      ),
      (repo) => repo.listReferrers(d),
      'MANIFEST_INVALID',
    ],
    [
      'a referrers index with a bad descriptor',
      answering(
        '/referrers/',
        200,
        { 'content-type': MEDIA_TYPE.ociIndex },
        '{"schemaVersion":2,"manifests":[{"mediaType":"x","digest":"md5:1","size":1}]}',
      ),
      (repo) => repo.listReferrers(d),
      'MANIFEST_INVALID',
    ],
    [
      'a 404 NAME_UNKNOWN on referrers',
      answering(
        '/referrers/',
        404,
        { 'content-type': 'application/json' },
        '{"errors":[{"code":"NAME_UNKNOWN","message":"no such repo"}]}',
      ),
      (repo) => repo.listReferrers(d),
      'REGISTRY_NOT_FOUND',
    ],
    [
      'a 401 without a challenge',
      answering('/manifests/', 401, {}, ''),
      (repo) => repo.resolve('v1'),
      'REGISTRY_AUTH',
    ],
    [
      'a 500 forever',
      answering('/manifests/', 500, { 'content-type': 'text/html' }, '<html>oops</html>'),
      (repo) => repo.fetchManifest('v1'),
      'REGISTRY_UNAVAILABLE',
    ],
    [
      'a token server answering HTML',
      (req, res) => {
        if (req.url?.startsWith('/token'))
          return (void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'), true)
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="s"`,
          })
          .end()
        return true
      },
      (repo) => repo.resolve('v1'),
      'REGISTRY_AUTH',
    ],
    [
      'a manifest push refused',
      answering(
        '/manifests/',
        400,
        { 'content-type': 'application/json' },
        '{"errors":[{"code":"MANIFEST_BLOB_UNKNOWN","message":"blob unknown"}]}',
        'PUT',
      ),
      (repo) => repo.pushManifest(new TextEncoder().encode('{}'), MEDIA_TYPE.ociManifest),
      'REGISTRY_PUSH',
    ],
    [
      'an upload started without Location',
      answering('/blobs/uploads/', 202, {}, ''),
      (repo) => repo.pushBlob(new Uint8Array([9])),
      'REGISTRY_PROTOCOL',
    ],
    [
      'a referrer manifest without subject',
      () => false,
      (repo) =>
        repo.pushReferrer({
          manifest: new TextEncoder().encode(
            '{"schemaVersion":2,"config":{"mediaType":"a","digest":"' +
              d +
              '","size":1},"layers":[]}',
          ),
        }),
      'MANIFEST_INVALID',
    ],
    [
      'a tag index that is not an index',
      answering(
        '/manifests/sha256-',
        200,
        { 'content-type': MEDIA_TYPE.ociManifest },
        '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}',
      ),
      (repo) => repo.listReferrers(d, { mode: 'tag' }),
      'REGISTRY_PROTOCOL',
    ],
    ['a bad tag', () => false, (repo) => repo.resolve('-bad'), 'REFERENCE_INVALID'],
    ['a bad digest', () => false, (repo) => repo.fetchManifest('sha256:abc'), 'DIGEST_INVALID'],
  ])('%s', async (_name, handler, action, code) => {
    const f = await fake({ handler })
    const { repo: r } = client()
    const err = await action(r(`${f.host}/app`)).catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'RegistryError', code })
    // Messages name where it happened.
    expect((err as Error).message).toContain(f.host)
  })

  it('a registry that never answers HTTP at all is REGISTRY_UNAVAILABLE naming the host', async () => {
    const f = await fake()
    const host = f.host
    await f.close()
    started.splice(started.indexOf(f), 1)
    const { repo: r } = client()
    const err = await r(`${host}/app:v1`)
      .resolve()
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'REGISTRY_UNAVAILABLE' })
    expect((err as Error).message).toContain(host)
  })
})
