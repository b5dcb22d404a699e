import { describe, expect, it } from 'vitest'
import {
  apiHost,
  credentialKey,
  formatReference,
  isLoopback,
  parseReference,
  type Reference,
} from '../../../src/oci/reference.js'

const D = `sha256:${'a'.repeat(64)}`
const D512 = `sha512:${'b'.repeat(128)}`

describe('parseReference: valid references (docker normalisation)', () => {
  it.each<[string, Reference]>([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['alpine:3.20', { registry: 'docker.io', repository: 'library/alpine', tag: '3.20' }],
    ['docker.io/alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    [
      'index.docker.io/library/alpine:latest',
      { registry: 'docker.io', repository: 'library/alpine', tag: 'latest' },
    ],
    ['registry-1.docker.io/bitnami/redis', { registry: 'docker.io', repository: 'bitnami/redis' }],
    ['bitnami/redis:7', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7' }],
    ['ghcr.io/acme/app:v1', { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1' }],
    [`ghcr.io/acme/app@${D}`, { registry: 'ghcr.io', repository: 'acme/app', digest: D }],
    [
      `ghcr.io/acme/app:v1@${D}`,
      { registry: 'ghcr.io', repository: 'acme/app', tag: 'v1', digest: D },
    ],
    [`ghcr.io/acme/app@${D512}`, { registry: 'ghcr.io', repository: 'acme/app', digest: D512 }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/a/b/c:t', { registry: 'localhost:5000', repository: 'a/b/c', tag: 't' }],
    [
      '127.0.0.1:5000/test/hello:v1',
      { registry: '127.0.0.1:5000', repository: 'test/hello', tag: 'v1' },
    ],
    ['[::1]:5000/app:v1', { registry: '[::1]:5000', repository: 'app', tag: 'v1' }],
    ['[fe80::1]/app', { registry: '[fe80::1]', repository: 'app' }],
    [
      'myregistry.azurecr.io/x_y/z.w--q__r:V_1.0-rc',
      { registry: 'myregistry.azurecr.io', repository: 'x_y/z.w--q__r', tag: 'V_1.0-rc' },
    ],
    ['Registry.Example.com/app', { registry: 'Registry.Example.com', repository: 'app' }],
    ['UPPER/app', { registry: 'UPPER', repository: 'app' }],
    [`a/b:${'t'.repeat(128)}`, { registry: 'docker.io', repository: 'a/b', tag: 't'.repeat(128) }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected)
  })

  it('round-trips through formatReference', () => {
    expect(formatReference(parseReference(`ghcr.io/a/b:v1@${D}`))).toBe(`ghcr.io/a/b:v1@${D}`)
    expect(formatReference(parseReference('alpine'))).toBe('docker.io/library/alpine')
  })
})

describe('parseReference: invalid references are REFERENCE_INVALID', () => {
  it.each<[string, RegExp]>([
    ['', /empty/],
    [' alpine', /whitespace/],
    ['alpine ', /whitespace/],
    ['https://ghcr.io/a/b', /URL scheme/],
    ['ghcr.io/Acme/app', /must be lowercase/],
    ['ghcr.io/acme/app:', /tag ""/],
    ['ghcr.io/acme/app:-x', /tag "-x"/],
    [`ghcr.io/acme/app:${'t'.repeat(129)}`, /tag/],
    ['ghcr.io/acme/app:a+b', /tag "a\+b"/],
    ['ghcr.io/acme/app@sha256:abc', /not a digest/],
    [`ghcr.io/acme/app@sha256:${'A'.repeat(64)}`, /not supported/],
    [`ghcr.io/acme/app@md5:${'a'.repeat(32)}`, /not supported/],
    [`ghcr.io/acme/app@sha256:${'a'.repeat(63)}`, /not supported/],
    ['ghcr.io/acme/app@', /not a digest/],
    ['ghcr.io/', /repository/],
    [':tag', /repository name is missing/],
    ['ghcr.io/acme//app', /repository/],
    ['ghcr.io/acme/app/', /repository/],
    ['ghcr.io/-acme/app', /repository/],
    ['ghcr.io/acme_/app', /repository/],
    ['-bad.host:5000/app', /registry "-bad.host:5000"/],
    ['host:port/app', /registry "host:port"/],
    ['[::1/app', /registry/],
    ['a'.repeat(64), /image id/],
    [`ghcr.io/${'a'.repeat(250)}`, /at most 255/],
  ])('%j', (input, reason) => {
    let thrown: unknown
    try {
      parseReference(input)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toMatchObject({ name: 'RegistryError', code: 'REFERENCE_INVALID' })
    expect((thrown as Error).message).toMatch(reason)
    expect((thrown as Error).message).toContain(`"${input.slice(0, 50)}`)
  })
})

describe('hosts', () => {
  it.each([
    ['docker.io', 'registry-1.docker.io'],
    ['index.docker.io', 'registry-1.docker.io'],
    ['ghcr.io', 'ghcr.io'],
    ['Registry.Example.com:443', 'registry.example.com:443'],
  ])('apiHost(%s) = %s', (host, api) => expect(apiHost(host)).toBe(api))

  it.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['docker.io', 'docker.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['GHCR.io/', 'ghcr.io'],
    ['myreg.azurecr.io', 'myreg.azurecr.io'],
    ['localhost:5000', 'localhost:5000'],
  ])('credentialKey(%s) = %s', (value, key) => expect(credentialKey(value)).toBe(key))

  it.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['[::1]:5000', true],
    ['10.0.0.1:5000', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['[fe80::1]', false],
  ])('isLoopback(%s) = %s', (host, expected) => expect(isLoopback(host)).toBe(expected))
})
