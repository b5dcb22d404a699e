/**
 * The HTTP client @azure/identity sends Entra's requests with (its documented `httpClient`
 * option): our transport, so Entra gets what every other service of the job gets. One connection
 * pool with keep-alive, the connection opened ahead of the first token request (`preconnect`), the
 * runner's proxy rules, and one retry policy (the pipeline's own retries are turned off where the
 * credential is made, so a failure is not retried twice over).
 *
 * Redirects are not followed, here or by the pipeline: the token request carries the job's GitHub
 * OIDC token as its client assertion, and it goes to the authority it was addressed to or nowhere.
 * MSAL sends only string bodies (form-encoded token requests, JSON-free GETs); anything else is
 * refused with an error rather than sent half-understood. A request's `abortSignal` is not passed
 * on: each attempt is bounded by the transport's timeout instead (30 s, as for every service).
 */
import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline'
import type { HttpRequest, Transport } from '../net/transport.js'
import { AzureAuthError } from './errors.js'

const METHODS = new Set<HttpRequest['method']>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])

function bodyOf(request: PipelineRequest): string | Uint8Array | undefined {
  const { body } = request
  if (request.formData !== undefined || request.multipartBody !== undefined) {
    throw unsupported(request, 'a form-data or multipart body')
  }
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  throw unsupported(request, 'a streamed body')
}

function unsupported(request: PipelineRequest, what: string): AzureAuthError {
  return new AzureAuthError(
    'AZURE_AUTH_FAILED',
    `the Entra client asked to send ${what} to ${new URL(request.url).origin}, which this action does not send`,
  )
}

export function entraHttpClient(transport: Transport): HttpClient {
  return {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      const method = request.method as HttpRequest['method']
      if (!METHODS.has(method)) throw unsupported(request, `an HTTP ${request.method} request`)
      if (
        request.streamResponseStatusCodes !== undefined &&
        request.streamResponseStatusCodes.size > 0
      )
        throw unsupported(request, 'a request for a streamed response')
      const headers: Record<string, string> = {}
      for (const [name, value] of request.headers) headers[name] = value
      const body = bodyOf(request)
      const res = await transport.request({
        method,
        url: request.url,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(request.timeout > 0 ? { timeoutMs: request.timeout } : {}),
        followRedirects: false,
      })
      const responseHeaders = createHttpHeaders()
      res.headers.forEach((value, name) => responseHeaders.set(name, value))
      return {
        request,
        status: res.status,
        headers: responseHeaders,
        ...(method === 'HEAD' ? {} : { bodyAsText: res.text() }),
      }
    },
  }
}
