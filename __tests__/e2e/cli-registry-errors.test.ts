/**
 * Registry transport failures name their cause and the remedy (issue 11 item 9), through the
 * bundled CLI against the real testbed registries:
 * - a TLS registry whose CA the process does not trust (no NODE_EXTRA_CA_CERTS) used to fall back
 *   to plain HTTP on loopback and end as "HTTP 400"; now REGISTRY_TLS names the certificate and
 *   NODE_EXTRA_CA_CERTS, and nothing is tried over plain HTTP;
 * - a plain-HTTP registry under a non-loopback name (registry.test through the test proxy)
 *   without the opt-in used to end as ERR_SSL_WRONG_VERSION_NUMBER; now INSECURE_REGISTRY names
 *   insecure-registries, and listing the host there makes the same command work.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushTestImage } from '../../testbed/image.js'
import { startTestProxy, type TestProxy } from '../../testbed/proxy.js'
import type { RegistryHandle } from '../../testbed/registry.js'
import { testbed } from '../helpers/testbed.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
let proxy: TestProxy

beforeAll(async () => {
  proxy = await startTestProxy({ hosts: { 'registry.test': '127.0.0.1' } })
})
afterAll(async () => {
  await proxy.stop()
})

async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  const base = { ...process.env }
  delete base.NODE_EXTRA_CA_CERTS
  for (const k of [
    'HTTPS_PROXY',
    'https_proxy',
    'HTTP_PROXY',
    'http_proxy',
    'NO_PROXY',
    'no_proxy',
  ])
    delete base[k]
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...base, ...env },
    })
    return { code: 0, output: stdout + stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    if (typeof e.code !== 'number') throw err
    return { code: e.code, output: e.stdout + e.stderr }
  }
}

describe('registry TLS and plain-HTTP errors through the CLI', () => {
  it('an untrusted TLS certificate is REGISTRY_TLS naming NODE_EXTRA_CA_CERTS, not "HTTP 400"', async () => {
    const reg = testbed().registries.basic
    const r = await cli([
      'inspect',
      `${reg.host}/tls/untrusted:v1`,
      '--registry-username',
      reg.username as string,
      '--registry-password',
      reg.password as string,
    ])
    expect(r.code).not.toBe(0)
    expect(r.output).toContain(`[REGISTRY_TLS]`)
    expect(r.output).toContain(`the TLS certificate of ${reg.host} is not trusted`)
    expect(r.output).toContain('NODE_EXTRA_CA_CERTS')
    expect(r.output).not.toContain('HTTP 400')
    expect(r.output).not.toContain(reg.password as string)
    // With the CA given to Node, the same registry answers (here: the tag does not exist).
    const trusted = await cli(
      [
        'inspect',
        `${reg.host}/tls/untrusted:v1`,
        '--registry-username',
        reg.username as string,
        '--registry-password',
        reg.password as string,
      ],
      { NODE_EXTRA_CA_CERTS: testbed().tlsCaPath },
    )
    expect(trusted.output).not.toContain('REGISTRY_TLS')
    expect(trusted.output).toContain('REGISTRY_NOT_FOUND')
  })

  it('a plain-HTTP registry on a non-loopback name without the opt-in names insecure-registries', async () => {
    const plain = {
      ...testbed().registries.plain,
      stateDir: '',
      stop: async () => {},
    } as RegistryHandle
    const image = await pushTestImage(plain, 'tls/plain', 'v1', 'plain http')
    const port = plain.host.split(':')[1] as string
    const ref = `registry.test:${port}/tls/plain@${image.digest}`
    const r = await cli(['inspect', ref], { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url })
    expect(r.code).not.toBe(0)
    expect(r.output).toContain('[INSECURE_REGISTRY]')
    expect(r.output).toContain(`registry.test:${port} does not speak TLS`)
    expect(r.output).toContain(`--insecure-registries registry.test:${port}`)
    // The remedy works: listed, the same registry is used over plain HTTP.
    const listed = await cli(
      ['inspect', ref, '--insecure-registries', `registry.test:${port}`, '--json'],
      {
        HTTPS_PROXY: proxy.url,
        HTTP_PROXY: proxy.url,
      },
    )
    expect(listed.code).toBe(0)
    expect(listed.output).toContain(image.digest)
  })
})
