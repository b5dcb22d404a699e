/**
 * Docker config credentials end to end against distribution 2.8: an `auths` entry as
 * docker/login-action writes it (basic mode), and a credential helper on PATH (token mode).
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTransport } from '../../../src/net/transport.js'
import { createRegistryClient } from '../../../src/oci/client.js'
import { dockerConfigCredentials } from '../../../src/oci/credentials.js'
import { pushTestImage } from '../../../testbed/image.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { testbed } from '../../helpers/testbed.js'
import { uniqueRepo } from './fixtures.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-docker-config-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('resolves with credentials from auths (basic) and from a credential helper (token)', async () => {
  const { basic, token } = testbed().registries
  const bin = join(dir, 'bin')
  await mkdir(bin)
  const helper = `#!/bin/sh
read -r url || true
if [ "$url" = "${token.host}" ]; then echo '{"Username":"${token.username}","Secret":"${token.password}"}'; exit 0; fi
echo "credentials not found in native keychain"; exit 1
`
  await writeFile(join(bin, 'docker-credential-test'), helper)
  await chmod(join(bin, 'docker-credential-test'), 0o755)
  await writeFile(
    join(dir, 'config.json'),
    JSON.stringify({
      auths: {
        [basic.host]: {
          auth: Buffer.from(`${basic.username}:${basic.password}`).toString('base64'),
        },
      },
      credHelpers: { [token.host]: 'test' },
    }),
  )
  const client = createRegistryClient({
    transport: createTransport(),
    credentials: dockerConfigCredentials({
      env: { DOCKER_CONFIG: dir, PATH: `${bin}:/usr/bin:/bin` },
    }),
  })
  for (const reg of [basic, token]) {
    const repoName = uniqueRepo(`dockercfg-${reg.mode}`)
    const image = await pushTestImage(
      { ...reg, stateDir: '', stop: async () => {} } as RegistryHandle,
      repoName,
      'v1',
    )
    expect((await client.repository(`${reg.host}/${repoName}:v1`).resolve()).digest).toBe(
      image.digest,
    )
  }
})
