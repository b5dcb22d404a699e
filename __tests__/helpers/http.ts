/** Fakes of the project Transport for unit tests: canned responses and a scripted transport. */
import type { HttpRequest, HttpResponse, Transport } from '../../src/net/transport.js'

/**
 * An HttpResponse as the Transport returns it. `body`: bytes as they are, a string as UTF-8,
 * anything else as JSON; none is an empty body.
 */
export function httpResponse(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
  url = '',
): HttpResponse {
  const bytes =
    body === undefined
      ? new Uint8Array(0)
      : body instanceof Uint8Array
        ? body
        : new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body))
  return {
    status,
    headers: new Headers(headers),
    body: bytes,
    url,
    text: () => new TextDecoder().decode(bytes),
    json: <T>() => JSON.parse(new TextDecoder().decode(bytes)) as T,
  }
}

export type Script = (req: HttpRequest, index: number) => HttpResponse | Promise<HttpResponse>

/** A Transport answering each request with `script` (given its 0-based index); records requests. */
export function scriptedTransport(script: Script): Transport & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = []
  return {
    requests,
    async request(req) {
      requests.push(req)
      return script(req, requests.length - 1)
    },
  }
}
