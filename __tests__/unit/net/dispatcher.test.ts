/**
 * Which requests go through a proxy: the runner's rules (@actions/http-client getProxyUrl), read
 * from the environment at each request.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcherPool } from '../../../src/net/dispatcher.js'

const NAMES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]))
afterEach(() => {
  for (const n of NAMES) {
    if (saved[n] === undefined) delete process.env[n]
    else process.env[n] = saved[n]
  }
})
function env(values: Record<string, string>): void {
  for (const n of NAMES) delete process.env[n]
  Object.assign(process.env, values)
}

describe('createDispatcherPool().routeFor', () => {
  it('goes direct when no proxy is set', () => {
    env({})
    expect(createDispatcherPool().routeFor(new URL('https://ghcr.io/v2/')).proxy).toBeUndefined()
  })

  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, without their credentials', () => {
    env({ HTTPS_PROXY: 'http://user:p%40ss@proxy.corp:3128', HTTP_PROXY: 'http://plain.corp:8080' })
    const pool = createDispatcherPool()
    const secure = pool.routeFor(new URL('https://myacr.azurecr.io/v2/'))
    expect(secure.proxy).toBe('http://proxy.corp:3128')
    expect(pool.routeFor(new URL('http://registry.internal:5000/v2/')).proxy).toBe(
      'http://plain.corp:8080',
    )
    // one pool per proxy, reused
    expect(pool.routeFor(new URL('https://ghcr.io/v2/')).dispatcher).toBe(secure.dispatcher)
  })

  it('never proxies loopback, and honours NO_PROXY (suffix, host:port, *)', () => {
    env({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'azurecr.io, registry.test:8443' })
    const pool = createDispatcherPool()
    const route = (u: string): string | undefined => pool.routeFor(new URL(u)).proxy
    expect(route('https://127.0.0.1:5000/v2/')).toBeUndefined()
    expect(route('https://localhost/v2/')).toBeUndefined()
    expect(route('https://myacr.azurecr.io/v2/')).toBeUndefined()
    expect(route('https://registry.test:8443/v2/')).toBeUndefined()
    expect(route('https://registry.test:9443/v2/')).toBe('http://proxy.corp:3128')
    expect(route('https://ghcr.io/v2/')).toBe('http://proxy.corp:3128')
    env({ HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '*' })
    expect(route('https://ghcr.io/v2/')).toBeUndefined()
  })

  it('accepts a proxy given without a scheme, as the runner does', () => {
    env({ https_proxy: 'proxy.corp:3128' })
    expect(createDispatcherPool().routeFor(new URL('https://ghcr.io/')).proxy).toBe(
      'http://proxy.corp:3128',
    )
  })
})

describe('unusable proxy variables', () => {
  it('refuses a socks proxy by name, without its credentials', () => {
    env({ HTTPS_PROXY: 'socks5://user:secret@proxy.corp:1080' })
    let error: unknown
    try {
      createDispatcherPool().routeFor(new URL('https://ghcr.io/'))
    } catch (err) {
      error = err
    }
    expect(error).toMatchObject({
      code: 'PROXY_URL',
      message: 'HTTPS_PROXY names a socks5 proxy; only http:// and https:// proxies are supported',
    })
  })
})
