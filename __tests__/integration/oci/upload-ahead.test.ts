/**
 * An upload session opened ahead of its blob (Repository.startUpload, src/oci/client.ts): the
 * signing pipeline opens the envelope's session while the envelope is signed, so the upload after
 * signing is one PUT. The edges: the session expired meanwhile, it could not be opened, it was
 * never used (cancelled), and it is used once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../../src/log.js'
import { createTransport } from '../../../src/net/transport.js'
import { createRegistryClient } from '../../../src/oci/client.js'
import { digestOf } from '../../../src/oci/digest.js'
import { RegistryError } from '../../../src/oci/errors.js'
import { fakeRegistriesClosedAfterAll, type FakeRegistry } from '../../helpers/fake-registry.js'

const fake = fakeRegistriesClosedAfterAll()

const repositoryOf = (f: FakeRegistry) =>
  createRegistryClient({
    transport: createTransport({ sleep: async () => {}, maxAttempts: 1 }),
    logger: silentLogger,
    sleep: async () => {},
  }).repository(`${f.host}/app`)

const bytes = new TextEncoder().encode('an envelope that was signed after its session opened')
const uploads = (f: FakeRegistry, method: string): number =>
  f.requests.filter((r) => r.method === method && r.url.includes('/blobs/uploads/')).length

describe('an upload session opened ahead of its blob', () => {
  it('takes the blob in one PUT after the POST that opened it', async () => {
    const f = await fake()
    const upload = repositoryOf(f).startUpload()
    const descriptor = await upload.push(bytes, { mediaType: 'application/cose' })
    expect(descriptor).toEqual({
      mediaType: 'application/cose',
      digest: digestOf(bytes),
      size: bytes.byteLength,
    })
    expect(f.blobs.get(digestOf(bytes))?.equals(Buffer.from(bytes))).toBe(true)
    expect([uploads(f, 'POST'), uploads(f, 'PUT')]).toEqual([1, 1])
    // Used: cancelling it afterwards sends nothing.
    await upload.cancel()
    expect(uploads(f, 'DELETE')).toBe(0)
  })

  it('that expired meanwhile (404 BLOB_UPLOAD_UNKNOWN) is replaced by a fresh one', async () => {
    let expired = false
    const f = await fake({
      handler: (req: IncomingMessage, res: ServerResponse) => {
        if (req.method === 'PUT' && req.url?.includes('/blobs/uploads/') && !expired) {
          expired = true
          res
            .writeHead(404, { 'content-type': 'application/json' })
            .end('{"errors":[{"code":"BLOB_UPLOAD_UNKNOWN","message":"blob upload unknown"}]}')
          return true
        }
        return false
      },
    })
    const upload = repositoryOf(f).startUpload()
    await upload.push(bytes)
    expect(f.blobs.has(digestOf(bytes))).toBe(true)
    expect([uploads(f, 'POST'), uploads(f, 'PUT')]).toEqual([2, 2])
  })

  it('that could not be opened (the connection dropped) is opened again when the blob comes', async () => {
    let dropped = false
    const f = await fake({
      handler: (req: IncomingMessage) => {
        if (req.method === 'POST' && !dropped) {
          dropped = true
          req.socket.destroy()
          return true
        }
        return false
      },
    })
    await repositoryOf(f).startUpload().push(bytes)
    expect(f.blobs.has(digestOf(bytes))).toBe(true)
    expect(uploads(f, 'POST')).toBe(2)
  })

  it('refused by the registry fails the push with the registry’s answer, not a second try', async () => {
    const f = await fake({
      handler: (req: IncomingMessage, res: ServerResponse) => {
        if (req.method !== 'POST') return false
        res
          .writeHead(403, { 'content-type': 'application/json' })
          .end(
            '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}',
          )
        return true
      },
    })
    const err = await repositoryOf(f)
      .startUpload()
      .push(bytes)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RegistryError)
    expect((err as RegistryError).code).toBe('REGISTRY_AUTH')
    expect((err as RegistryError).message).toContain(
      `pushing blob ${f.host}/app@${digestOf(bytes)}`,
    )
    expect((err as RegistryError).message).toContain('DENIED')
    expect(uploads(f, 'POST')).toBe(1)
  })

  it('never used is cancelled (DELETE), and cannot be used after that', async () => {
    const f = await fake()
    const upload = repositoryOf(f).startUpload()
    await upload.cancel()
    expect(uploads(f, 'DELETE')).toBe(1)
    expect(f.openUploads()).toBe(0)
    await expect(upload.push(bytes)).rejects.toThrow(/used once/)
    expect(f.blobs.has(digestOf(bytes))).toBe(false)
  })

  it('whose cancel the registry refuses leaves the job alone (the registry purges it)', async () => {
    const f = await fake({
      handler: (req: IncomingMessage, res: ServerResponse) => {
        if (req.method !== 'DELETE') return false
        res.writeHead(405).end()
        return true
      },
    })
    const upload = repositoryOf(f).startUpload()
    await expect(upload.cancel()).resolves.toBeUndefined()
    expect(f.openUploads()).toBe(1)
  })
})
