/**
 * Connection pools for the Transport: one direct pool, one per proxy.
 *
 * - Proxies follow the runner's own rules, so that we reach what `actions/checkout` and
 *   `core.getIDToken` reach: `https_proxy`/`HTTPS_PROXY` for https, `http_proxy`/`HTTP_PROXY` for
 *   http, `no_proxy`/`NO_PROXY` (`*`, host, `.suffix`, host:port), loopback never proxied. The rules
 *   are @actions/http-client's `getProxyUrl`, used as is rather than rewritten.
 * - Response headers up to 128 KiB: Node's default of 16 KiB fails on registries that send larger
 *   ones (Google Artifact Registry sends about 21 KB; actions/attest-build-provenance#606 needed
 *   `NODE_OPTIONS=--max-http-header-size`, which an action cannot set for itself).
 * - The undici behind it is the one bundled with us, not the one inside Node, so Node 20 and
 *   Node 24 run the same HTTP client.
 */
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Agent, ProxyAgent, buildConnector, type Dispatcher } from 'undici'
import { ActionError } from '../errors.js'
import { createPreconnector } from './preconnect.js'

/** A proxy variable that names no usable http(s) proxy. */
export class ProxyError extends ActionError<'PROXY_URL'> {}

export const MAX_RESPONSE_HEADER_BYTES = 128 * 1024

export interface Route {
  dispatcher: Dispatcher
  /** The proxy's origin (never its credentials), when the request goes through one. */
  proxy?: string
}

export interface DispatcherPool {
  /** Where a request to `url` goes: direct, or through the proxy the environment names. */
  routeFor(url: URL): Route
  /** Opens a direct connection to `url`'s origin ahead of its first request (src/net/preconnect.ts). */
  preconnect(url: URL): void
}

export function createDispatcherPool(): DispatcherPool {
  const warm = createPreconnector(buildConnector({}))
  const direct = new Agent({
    maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
    connect: warm.connector,
  }).compose(keepAliveAfterHead)
  const proxies = new Map<string, Route>()
  return {
    preconnect(url) {
      // Through a proxy the tunnel is the proxy's business: only direct routes are warmed.
      if (getProxyUrl(url) === undefined) warm.preconnect(url)
    },
    routeFor(url) {
      const named = getProxyUrl(url)
      if (named === undefined) return { dispatcher: direct }
      const proxyUrl = usableProxyUrl(named, url)
      const key = proxyUrl.href
      let route = proxies.get(key)
      if (route === undefined) {
        // getProxyUrl's URL decodes user and password; ProxyAgent wants them as a header.
        const token =
          proxyUrl.username || proxyUrl.password
            ? `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
            : undefined
        route = {
          dispatcher: new ProxyAgent({
            uri: proxyUrl.origin,
            ...(token === undefined ? {} : { token }),
            maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
          }),
          proxy: proxyUrl.origin,
        }
        proxies.set(key, route)
      }
      return route
    },
  }
}

/**
 * undici closes the connection after every HEAD (undici#258: against servers that send a body
 * anyway), so each manifest or blob HEAD cost a new TCP (and TLS) connection. HTTP/1.1 says a HEAD
 * response has no body (RFC 9110 §9.3.2) and the parser honours that; registries follow it, so the
 * connection is kept, as other clients (Go's net/http, which oras-go and notation use) do.
 */
function keepAliveAfterHead(dispatch: Dispatcher['dispatch']): Dispatcher['dispatch'] {
  return (options, handler) =>
    dispatch(
      options.method === 'HEAD' && options.reset === undefined
        ? { ...options, reset: false }
        : options,
      handler,
    )
}

/**
 * `proxy.corp:3128` parses as a URL whose scheme is `proxy.corp:`; people mean http. Anything else
 * that is not http(s) (socks5://, say) is refused by name rather than failing later as "Invalid URL".
 */
function usableProxyUrl(named: URL, target: URL): URL {
  if (named.protocol === 'http:' || named.protocol === 'https:') return named
  if (/^[^/@]+:\d+$/.test(named.href)) return new URL(`http://${named.href}`)
  const variable = target.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'
  throw new ProxyError(
    'PROXY_URL',
    `${variable} names a ${named.protocol.replace(/:$/, '')} proxy; only http:// and https:// proxies are supported`,
  )
}
