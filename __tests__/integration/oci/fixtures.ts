/**
 * Builders for the integration tests: Notary signature manifests in both forms of notary-spec §5.1
 * (built here as JSON, independent of the signer), clients wired to the testbed registries.
 */
import { randomBytes } from 'node:crypto'
import { createTransport, type RequestEvent } from '../../../src/net/transport.js'
import { ANNOTATION, EMPTY_CONFIG, MEDIA_TYPE } from '../../../src/notary/constants.js'
import {
  createRegistryClient,
  type RegistryClient,
  type RegistryClientOptions,
} from '../../../src/oci/client.js'
import { staticCredentials } from '../../../src/oci/credentials.js'
import type { Descriptor } from '../../../src/oci/descriptor.js'
import { digestOf } from '../../../src/oci/digest.js'
import type { RegistryInfo } from '../../../testbed/stack.js'

export type Form = 'A' | 'B'

/** A fake COSE envelope: random bytes stand in (the registry does not look inside). */
export function fakeEnvelope(): Uint8Array {
  return new Uint8Array(randomBytes(300 + Math.floor(Math.random() * 200)))
}

/** The signature manifest of notary-spec §5.1, Form A (notation v1) or Form B (spec-recommended). */
export function signatureManifest(
  subject: Descriptor,
  envelope: Uint8Array,
  form: Form,
  created = '2025-01-02T03:04:05Z',
): Uint8Array {
  const config =
    form === 'A'
      ? {
          mediaType: MEDIA_TYPE.notarySignature,
          digest: EMPTY_CONFIG.digest,
          size: EMPTY_CONFIG.size,
        }
      : {
          mediaType: MEDIA_TYPE.ociEmpty,
          digest: EMPTY_CONFIG.digest,
          size: EMPTY_CONFIG.size,
          data: EMPTY_CONFIG.base64,
        }
  const manifest = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    ...(form === 'B' ? { artifactType: MEDIA_TYPE.notarySignature } : {}),
    config,
    layers: [{ mediaType: MEDIA_TYPE.cose, digest: digestOf(envelope), size: envelope.byteLength }],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: {
      [ANNOTATION.thumbprints]: JSON.stringify([randomBytes(32).toString('hex')]),
      [ANNOTATION.created]: created,
    },
  }
  return new TextEncoder().encode(JSON.stringify(manifest))
}

export interface CountingClient {
  client: RegistryClient
  events: RequestEvent[]
}

/** A client for a testbed registry with its credentials (when it has some) and a request log. */
export function clientFor(
  reg: RegistryInfo,
  extra: Partial<RegistryClientOptions> = {},
): CountingClient {
  const events: RequestEvent[] = []
  const transport = createTransport({ onRequest: (e) => events.push(e), baseDelayMs: 10 })
  const client = createRegistryClient({
    transport,
    ...(reg.username === undefined
      ? {}
      : {
          credentials: staticCredentials({
            [reg.host]: { username: reg.username, password: reg.password as string },
          }),
        }),
    tagIndexSettleMs: 30,
    ...extra,
  })
  return { client, events }
}

/** A unique repository name per test. */
export function uniqueRepo(prefix: string): string {
  return `oci-it/${prefix.toLowerCase()}-${randomBytes(4).toString('hex')}`
}
