/**
 * Proves the local test stack is real: an image pushed and pulled back through each registry mode
 * (with an independent client, skopeo), auth enforced where configured, and TSA tokens that
 * `openssl ts -verify` accepts against the test TSA root.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushTestImage, pushTestIndex } from '../../../testbed/image.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { testbed } from '../../helpers/testbed.js'

const run = promisify(execFile)
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stack-test-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function asHandle(mode: 'plain' | 'basic' | 'token'): RegistryHandle {
  const info = testbed().registries[mode]
  return { ...info, stateDir: '', stop: async () => {} } as RegistryHandle
}

async function skopeoPull(reg: RegistryHandle, ref: string, dest: string): Promise<void> {
  const args = ['copy', '--quiet', `--src-tls-verify=${reg.mode !== 'plain'}`]
  const env = { ...process.env }
  if (reg.caPath) env.SSL_CERT_FILE = reg.caPath
  if (reg.username) args.push('--src-creds', `${reg.username}:${reg.password}`)
  await run('skopeo', [...args, `docker://${ref}`, `oci:${dest}:pulled`], { env })
}

describe.each(['plain', 'basic', 'token'] as const)('registry in %s mode', (mode) => {
  it('takes a pushed image and gives it back with the same manifest digest', async () => {
    const reg = asHandle(mode)
    const image = await pushTestImage(reg, `testbed/${mode}`, 'v1')
    expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const dest = join(work, `pull-${mode}`)
    await skopeoPull(reg, image.reference, dest)
    const index = JSON.parse(await readFile(join(dest, 'index.json'), 'utf8'))
    expect(index.manifests[0].digest).toBe(image.digest)
  })

  it(
    mode === 'plain' ? 'answers /v2/ without credentials' : 'refuses anonymous access',
    async () => {
      const info = testbed().registries[mode]
      const { stdout } = await run('curl', [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '--cacert',
        info.caPath ?? '/dev/null',
        `${info.url}/v2/`,
      ])
      expect(stdout).toBe(mode === 'plain' ? '200' : '401')
    },
  )
})

it('token mode challenges with a Bearer realm on the token server', async () => {
  const info = testbed().registries.token
  const { stdout } = await run('curl', [
    '-s',
    '-D',
    '-',
    '-o',
    '/dev/null',
    '--cacert',
    info.caPath as string,
    `${info.url}/v2/`,
  ])
  expect(stdout).toMatch(
    new RegExp(
      `www-authenticate: Bearer realm="${info.tokenServerUrl}/token",service="testbed-registry"`,
      'i',
    ),
  )
})

it('takes a two-platform index', async () => {
  const reg = asHandle('plain')
  const index = await pushTestIndex(reg, 'testbed/multi')
  expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
  expect(index.children).toHaveLength(2)
  const res = await fetch(`${reg.url}/v2/testbed/multi/manifests/${index.digest}`, {
    headers: { accept: index.mediaType },
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('docker-content-digest')).toBe(index.digest)
})

describe('TSA', () => {
  async function query(route: string): Promise<{ reply: string; req: string; data: string }> {
    const data = join(work, `data-${route.replace(/\W/g, '_')}.bin`)
    const req = `${data}.tsq`
    const reply = `${data}.tsr`
    await writeFile(data, `payload for ${route}`)
    await run('openssl', ['ts', '-query', '-data', data, '-sha384', '-cert', '-out', req])
    const res = await fetch(testbed().tsa.url + route, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: await readFile(req),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/timestamp-reply')
    await writeFile(reply, Buffer.from(await res.arrayBuffer()))
    return { reply, req, data }
  }

  it('issues tokens openssl ts -verify accepts against the test TSA root', async () => {
    const { reply, req } = await query('')
    const { stdout } = await run('openssl', [
      'ts',
      '-verify',
      '-in',
      reply,
      '-queryfile',
      req,
      '-CAfile',
      testbed().tsa.rootPath,
    ])
    expect(stdout).toContain('Verification: OK')
    const text = await run('openssl', ['ts', '-reply', '-in', reply, '-text'])
    expect(text.stdout).toContain('Status: Granted')
  })

  it('back-dates genTime on /at/<epoch>', async () => {
    const { reply } = await query('at/1600000000')
    const { stdout } = await run('openssl', ['ts', '-reply', '-in', reply, '-text'])
    expect(stdout).toMatch(/Time stamp: Sep 13 12:26:40(\.\d+)? 2020 GMT/)
  })

  it('signs /untrusted with another hierarchy that the trusted root rejects', async () => {
    const { reply, req } = await query('untrusted')
    await expect(
      run('openssl', [
        'ts',
        '-verify',
        '-in',
        reply,
        '-queryfile',
        req,
        '-CAfile',
        testbed().tsa.rootPath,
      ]),
    ).rejects.toThrow(/Verification: FAILED|verify error/)
  })
})

it('workers trust the testbed TLS CA through NODE_EXTRA_CA_CERTS (plain fetch works)', async () => {
  const res = await fetch(`${testbed().registries.basic.url}/v2/`)
  expect(res.status).toBe(401)
  expect(res.headers.get('www-authenticate')).toContain('Basic realm="testbed-registry"')
})
