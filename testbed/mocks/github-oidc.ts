/**
 * Mock of the GitHub Actions OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL, §10.10):
 * `GET /idtoken?api-version=2.0&audience=<aud>` with `Authorization: Bearer <request token>` →
 * `{"value":"<RS256 JWT>"}`.
 */
import { randomBytes, randomUUID, type KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { recordRequest, sendJson, type RecordedRequest } from './http.js'
import { signJwt } from './jwt.js'

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'

export interface GithubOidcMockOptions {
  key: KeyObject
  kid: string
  requestToken: string
  /** Claims of the job, e.g. sub `repo:octo-org/octo-repo:ref:refs/heads/main`. */
  subject: string
  issuer?: string
  /** Token lifetime in seconds (GitHub: 5 min; negative to mint expired tokens). */
  ttlSeconds?: number
  record: (r: RecordedRequest) => void
  /** Every issued token, for leak assertions. */
  issued: string[]
}

export function createGithubOidcMock(options: GithubOidcMockOptions) {
  const settings = {
    subject: options.subject,
    ttlSeconds: options.ttlSeconds ?? 300,
    issuer: options.issuer ?? GITHUB_OIDC_ISSUER,
  }
  return {
    requestToken: options.requestToken,
    /** Mutable, so a test can change the job's subject or token lifetime. */
    settings,
    handle(req: IncomingMessage, res: ServerResponse, body: string): void {
      options.record(recordRequest('github-oidc', req, body))
      const url = new URL(req.url ?? '/', 'http://mock')
      if (req.method !== 'GET' || url.pathname !== '/idtoken')
        return sendJson(res, 404, { message: 'Not Found' })
      if (req.headers.authorization !== `Bearer ${options.requestToken}`) {
        return sendJson(res, 401, { message: 'Bad credentials' })
      }
      const aud = url.searchParams.get('audience') ?? 'https://github.com/octo-org'
      const now = Math.floor(Date.now() / 1000)
      const s = settings
      const repo = /^repo:([^:]+):/.exec(s.subject)?.[1] ?? 'octo-org/octo-repo'
      const token = signJwt(
        {
          jti: randomUUID(),
          sub: s.subject,
          aud,
          ref: 'refs/heads/main',
          repository: repo,
          repository_owner: repo.split('/')[0],
          run_id: String(1000 + (randomBytes(2).readUInt16BE() % 1000)),
          job_workflow_ref: `${repo}/.github/workflows/sign.yml@refs/heads/main`,
          runner_environment: 'github-hosted',
          iss: s.issuer,
          nbf: now - 5,
          iat: now - 5,
          exp: now + s.ttlSeconds,
        },
        options.key,
        { kid: options.kid, x5t: options.kid },
      )
      options.issued.push(token)
      sendJson(res, 200, { count: 1, value: token })
    },
  }
}
