import { describe, expect, it } from 'vitest'
import {
  mergeScopes,
  parseWwwAuthenticate,
  pickChallenge,
  repositoryScope,
} from '../../../src/oci/challenge.js'

describe('parseWwwAuthenticate', () => {
  it.each([
    [
      'Bearer realm="https://127.0.0.1:5005/token",service="testbed-registry",scope="repository:testbed/hello:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://127.0.0.1:5005/token',
            service: 'testbed-registry',
            scope: 'repository:testbed/hello:pull',
          },
        },
      ],
    ],
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:push,pull",error="insufficient_scope"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:a/b:push,pull',
            error: 'insufficient_scope',
          },
        },
      ],
    ],
    [
      'Basic realm="testbed-registry"',
      [{ scheme: 'basic', params: { realm: 'testbed-registry' } }],
    ],
    ['basic realm=unquoted', [{ scheme: 'basic', params: { realm: 'unquoted' } }]],
    [
      'Basic realm="a, b", Bearer realm="https://x/token", service=x',
      [
        { scheme: 'basic', params: { realm: 'a, b' } },
        { scheme: 'bearer', params: { realm: 'https://x/token', service: 'x' } },
      ],
    ],
    [
      'Bearer   realm = "x\\"y" ,  service="s"',
      [{ scheme: 'bearer', params: { realm: 'x"y', service: 's' } }],
    ],
    [
      'Negotiate abc==, Basic realm="r"',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    ['', []],
    ['garbage "unbalanced', []],
  ])('%s', (header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })

  it('picks Bearer with a realm over Basic', () => {
    expect(
      pickChallenge(parseWwwAuthenticate('Basic realm="r", Bearer realm="https://t"'))?.scheme,
    ).toBe('bearer')
    expect(
      pickChallenge(parseWwwAuthenticate('Bearer service="no realm", Basic realm="r"'))?.scheme,
    ).toBe('basic')
    expect(pickChallenge(parseWwwAuthenticate('Negotiate x'))).toBeUndefined()
  })
})

describe('scopes', () => {
  it('builds and merges repository scopes into stable keys', () => {
    expect(repositoryScope('a/b', ['pull', 'push'])).toBe('repository:a/b:pull,push')
    expect(
      mergeScopes(['repository:a/b:push', 'repository:a/b:pull', 'repository:c:pull']),
    ).toEqual(['repository:a/b:pull,push', 'repository:c:pull'])
    expect(mergeScopes(['repository:a:push,pull repository:a:delete'])).toEqual([
      'repository:a:delete,pull,push',
    ])
    expect(mergeScopes(['registry:catalog:*'])).toEqual(['registry:catalog:*'])
  })
})
