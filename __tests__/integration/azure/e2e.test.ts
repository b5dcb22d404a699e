/**
 * End to end through the Azure mocks: a real image in Debian's docker-registry (token auth, with
 * the mock ACR `/oauth2/exchange` on its token server) is signed with the Artifact Signing signer
 * (GitHub OIDC → Entra with the real @actions/core and @azure/identity), timestamped by the local
 * openssl TSA, pushed as a Notary referrer with the registry client signed in through the ACR
 * exchange, fetched back, and the envelope is checked with openssl (signature, chain to the mock
 * root, RFC 3161 token against the TSA root).
 *
 * Runs in the vitest worker: the global set-up put the testbed TLS CA in NODE_EXTRA_CA_CERTS before
 * the workers started, and every HTTPS mock uses that CA.
 */
import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acrSignIn, ACR_REFRESH_TOKEN_USERNAME } from '../../../src/azure/acr.js'
import { createArtifactSigningSigner } from '../../../src/azure/artifact-signing.js'
import { createAzureCredential } from '../../../src/azure/credential.js'
import { decodeEnvelope } from '../../../src/envelope/decode.js'
import { createSignatureEnvelope } from '../../../src/envelope/sign.js'
import { recordingLogger } from '../../../src/log.js'
import { createTransport } from '../../../src/net/transport.js'
import { MEDIA_TYPE, EMPTY_CONFIG } from '../../../src/notary/constants.js'
import { buildSignatureManifest } from '../../../src/notary/manifest.js'
import { buildPayload } from '../../../src/notary/payload.js'
import { createRegistryClient } from '../../../src/oci/client.js'
import { staticCredentials } from '../../../src/oci/credentials.js'
import { createTimestamper } from '../../../src/timestamp/client.js'
import { pushTestImage, type PushedImage } from '../../../testbed/image.js'
import { startRegistry, TOKEN_SERVICE, type RegistryHandle } from '../../../testbed/registry.js'
import { acrExchangeRoute } from '../../../testbed/mocks/acr.js'
import {
  MOCK_ACCOUNT,
  MOCK_PROFILE,
  startAzureMocks,
  type AzureMocks,
} from '../../../testbed/mocks/index.js'
import { testbed } from '../../helpers/testbed.js'
import { leakedSecrets, opensslVerify } from './helpers.js'

const run = promisify(execFile)
let mocks: AzureMocks
let registry: RegistryHandle
let image: PushedImage
const savedEnv: Record<string, string | undefined> = {}

beforeAll(async () => {
  mocks = await startAzureMocks({ retryAfterSeconds: 0 })
  registry = await startRegistry({
    mode: 'token',
    tokenRoutes: [
      acrExchangeRoute({
        verifyEntraToken: (t) => mocks.verifyAccessToken(t),
        service: TOKEN_SERVICE,
        record: (r) => void mocks.requests.push(r),
        issued: mocks.issuedSecrets,
      }),
    ],
  })
  image = await pushTestImage(registry, 'e2e/azure-app', 'v1', 'signed through the Azure mocks')
  // What the runner provides to a job with `permissions: id-token: write`.
  for (const [k, v] of Object.entries({
    ACTIONS_ID_TOKEN_REQUEST_URL: mocks.oidcRequestUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: mocks.oidcRequestToken,
  })) {
    savedEnv[k] = process.env[k]
    process.env[k] = v
  }
}, 180_000)

afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  await registry?.stop()
  await mocks?.stop()
})

describe('sign an image in the local registry through the Azure mocks', () => {
  it('signs, timestamps, pushes, and the pushed envelope verifies with openssl', async () => {
    // @actions/core writes workflow commands (::debug::, ::add-mask::) to stdout: capture them.
    const stdout: string[] = []
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    }) as typeof process.stdout.write
    try {
      await signAndVerify(stdout)
    } finally {
      process.stdout.write = write
    }
  }, 120_000)
})

async function signAndVerify(stdout: string[]): Promise<void> {
  const logger = recordingLogger()
  const transport = createTransport({ logger, baseDelayMs: 20 })
  const credential = createAzureCredential({
    clientId: mocks.clientId,
    tenantId: mocks.tenantId,
    authorityHost: mocks.authorityHost,
    logger,
  })

  // Registry sign-in with the same identity (the ACR flow, on the testbed token server).
  const tokenServer = registry.tokenServer
  if (tokenServer === undefined) throw new Error('token mode registry without token server')
  const creds = await acrSignIn({
    registry: registry.host,
    exchangeUrl: `${tokenServer.url}/oauth2/exchange`,
    service: TOKEN_SERVICE,
    credential,
    transport,
    logger,
  })
  expect(creds.username).toBe(ACR_REFRESH_TOKEN_USERNAME)
  const client = createRegistryClient({
    transport,
    logger,
    credentials: staticCredentials({ [registry.host]: creds }),
  })
  const repo = client.repository(image.reference)
  const subject = await repo.resolve()
  expect(subject.digest).toBe(image.digest)

  const signer = createArtifactSigningSigner({
    endpoint: mocks.dataPlaneUrl,
    accountName: MOCK_ACCOUNT,
    certificateProfile: MOCK_PROFILE,
    apiVersion: '2023-06-15-preview',
    credential,
    transport,
    logger,
  })
  const tsaInfo = testbed().tsa
  const tsaRoot = new Uint8Array(new X509Certificate(tsaInfo.rootPem).raw)
  const timestamper = createTimestamper({
    urls: [tsaInfo.url],
    roots: [tsaRoot],
    transport,
    logger,
  })
  const payload = buildPayload(subject)
  const created = await createSignatureEnvelope({
    format: 'cose',
    payload,
    signer,
    signingTime: new Date(),
    signingAgent: 'oci-notary-action/0.1.0 e2e',
    timestamper,
  })
  expect(created.timestampToken).toBeDefined()

  await repo.pushBlob(EMPTY_CONFIG.bytes, { mediaType: MEDIA_TYPE.ociEmpty })
  const envelopeDesc = await repo.pushBlob(created.envelope, { mediaType: MEDIA_TYPE.cose })
  const manifest = buildSignatureManifest({
    envelope: {
      mediaType: MEDIA_TYPE.cose,
      digest: envelopeDesc.digest,
      size: envelopeDesc.size,
    },
    subject,
    certificateChain: created.certificateChain,
    signingTime: created.signingTime,
  })
  const pushed = await repo.pushReferrer({ manifest: manifest.bytes })
  expect(pushed.via).toBe('tag') // distribution 2.8 has no Referrers API

  // Fetch back what a verifier would see.
  const listed = await repo.listReferrers(subject, { artifactType: MEDIA_TYPE.notarySignature })
  const ours = listed.descriptors.find((d) => d.digest === pushed.descriptor.digest)
  expect(ours).toBeDefined()
  const fetched = await repo.fetchManifest(pushed.descriptor.digest)
  const layer = (fetched.json['layers'] as { digest: string; size: number; mediaType: string }[])[0]
  expect(layer?.mediaType).toBe(MEDIA_TYPE.cose)
  const envelopeBytes = await repo.fetchBlob(
    layer as { digest: string; size: number; mediaType: string },
  )
  expect(Buffer.from(envelopeBytes).equals(Buffer.from(created.envelope))).toBe(true)

  const parsed = decodeEnvelope(MEDIA_TYPE.cose, envelopeBytes)
  expect(parsed.algorithm).toBe('PS384')
  expect(JSON.parse(new TextDecoder().decode(parsed.payload))).toMatchObject({
    targetArtifact: { digest: image.digest, mediaType: image.mediaType, size: image.size },
  })
  const mock = mocks.profile().chain
  expect(parsed.certificateChain).toEqual([mock.leaf.der, mock.issuing.der, mock.root.der])

  // Independent checks with openssl.
  const ossl = await opensslVerify(
    parsed.toBeSigned,
    parsed.signature,
    parsed.certificateChain,
    mock.root.der,
  )
  expect(ossl.chain).toMatch(/OK$/)
  expect(ossl.signature).toBe('Verified OK')
  const dir = await mkdtemp(join(tmpdir(), 'azure-e2e-ts-'))
  try {
    await writeFile(join(dir, 'token.der'), parsed.timestampToken as Uint8Array)
    await writeFile(join(dir, 'signature.bin'), parsed.signature)
    await writeFile(join(dir, 'untrusted.pem'), '')
    const ts = await run('openssl', [
      'ts',
      '-verify',
      '-token_in',
      '-in',
      join(dir, 'token.der'),
      '-data',
      join(dir, 'signature.bin'),
      '-CAfile',
      tsaInfo.rootPath,
    ])
    expect(ts.stdout.trim()).toBe('Verification: OK')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  // The registry was reached with the ACR-style refresh token, not the testbed password.
  const tokenRequests = tokenServer.requests
  expect(tokenRequests.some((r) => r.authenticated)).toBe(true)
  expect(mocks.requests.some((r) => r.service === 'acr' && r.path === '/oauth2/exchange')).toBe(
    true,
  )
  expect(
    mocks.requests.filter((r) => r.service === 'artifact-signing' && r.method === 'POST'),
  ).toHaveLength(1)

  // Nothing secret in what was logged (the log includes every HTTP trace line).
  expect(leakedSecrets(logger.lines.join('\n'), [...mocks.issuedSecrets, creds.password])).toEqual(
    [],
  )
  expect(logger.lines.join('\n')).toContain(
    'Mock Identity Verification Root Certificate Authority 2020',
  )
  // The OIDC token reached stdout only inside @actions/core's ::add-mask:: command.
  const printed = stdout.join('')
  expect(printed).toContain('::add-mask::')
  expect(leakedSecrets(printed, [...mocks.issuedSecrets, creds.password])).toEqual([])
}
