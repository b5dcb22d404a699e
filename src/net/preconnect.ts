/**
 * Connections opened ahead of their first request. undici opens a connection only when a request
 * needs one, so a job's first call to a service (the signing service, the TSA) would wait for a
 * TCP and TLS handshake after everything before it. `preconnect(url)` opens one now, through the
 * same connector undici uses (same TLS options and SNI); the connector handed to the Agent gives
 * that socket to the first connection undici asks for on that origin.
 *
 * A warm socket nobody takes is closed after `maxIdleMs` (below the idle timeouts servers keep:
 * Node's default is 5 s), and one the server closed meanwhile is never handed out.
 */
import type { Socket } from 'node:net'
import type { buildConnector } from 'undici'

type Connector = buildConnector.connector
type ConnectorOptions = buildConnector.Options

export interface Preconnector {
  /** What the Agent connects with: a warm socket for the origin when there is one. */
  connector: Connector
  /** Starts a connection to `url`'s origin unless one is already warm or opening. */
  preconnect(url: URL): void
}

interface Warm {
  /** Settles when the handshake ends: the socket, or undefined when it failed. */
  ready: Promise<Socket | undefined>
  timer: NodeJS.Timeout
}

const DEFAULT_PORT: Record<string, string> = { 'https:': '443', 'http:': '80' }

function keyOf(protocol: string, hostname: string, port: string): string {
  return `${protocol}//${hostname.toLowerCase()}:${port || DEFAULT_PORT[protocol] || ''}`
}

export function createPreconnector(base: Connector, maxIdleMs = 4_000): Preconnector {
  const warm = new Map<string, Warm>()

  function take(key: string): Warm | undefined {
    const entry = warm.get(key)
    if (entry === undefined) return undefined
    warm.delete(key)
    clearTimeout(entry.timer)
    return entry
  }

  return {
    connector(options: ConnectorOptions, callback) {
      const entry = take(keyOf(options.protocol, options.hostname, options.port))
      if (entry === undefined) {
        base(options, callback)
        return
      }
      void entry.ready.then((socket) => {
        if (socket !== undefined && !socket.destroyed && socket.readyState === 'open') {
          // undici refs and unrefs its sockets itself, starting from a referenced one.
          socket.ref()
          callback(null, socket)
        } else {
          base(options, callback)
        }
      })
    },
    preconnect(url) {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return
      const key = keyOf(url.protocol, url.hostname, url.port)
      if (warm.has(key)) return
      const ready = new Promise<Socket | undefined>((resolve) => {
        base(
          {
            protocol: url.protocol,
            hostname: url.hostname,
            host: url.host,
            port: url.port,
          },
          (err, socket) => resolve(err === null ? (socket ?? undefined) : undefined),
        )
      })
      const timer = setTimeout(() => {
        if (warm.get(key)?.timer !== timer) return
        warm.delete(key)
        void ready.then((socket) => socket?.destroy())
      }, maxIdleMs)
      // A warm socket must not keep the process alive.
      timer.unref()
      void ready.then((socket) => socket?.unref())
      warm.set(key, { ready, timer })
    },
  }
}
