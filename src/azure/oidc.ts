/**
 * The GitHub Actions OIDC edge: the one file under src/azure that imports @actions/core
 * (eslint.config.js allows it). `core.getIDToken` requests the token from
 * ACTIONS_ID_TOKEN_REQUEST_URL with ACTIONS_ID_TOKEN_REQUEST_TOKEN and masks it in the log.
 */
import * as core from '@actions/core'
import { AzureAuthError } from './errors.js'

export const PERMISSIONS_REMEDY = 'add `permissions: id-token: write` to the job (or the workflow)'

type Env = Record<string, string | undefined>

/** True when this process can request a GitHub OIDC token. */
export function githubOidcAvailable(env: Env = process.env): boolean {
  return (
    Boolean(env['ACTIONS_ID_TOKEN_REQUEST_URL']) && Boolean(env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
  )
}

/** Throws the coded "add permissions: id-token: write" error when OIDC is unavailable. */
export function assertGithubOidcAvailable(env: Env = process.env): void {
  if (githubOidcAvailable(env)) return
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter(
    (name) => !env[name],
  )
  throw new AzureAuthError(
    'AZURE_OIDC_UNAVAILABLE',
    `cannot request a GitHub OIDC token: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
    {
      remedy: `${PERMISSIONS_REMEDY}; outside GitHub Actions, run \`az login\` and leave azure-client-id unset`,
    },
  )
}

/** A GitHub OIDC ID token for `audience` (already masked by @actions/core). */
export async function getGitHubIdToken(audience: string, env: Env = process.env): Promise<string> {
  assertGithubOidcAvailable(env)
  try {
    return await core.getIDToken(audience)
  } catch (err) {
    throw new AzureAuthError(
      'AZURE_OIDC_FAILED',
      `requesting a GitHub OIDC token for audience ${audience} failed`,
      { cause: err, remedy: `${PERMISSIONS_REMEDY}, then re-run the job` },
    )
  }
}

/** Masks a secret in the Actions log (only inside GitHub Actions; elsewhere it would print it). */
export function maskInActionsLog(secret: string, env: Env = process.env): void {
  if (env['GITHUB_ACTIONS'] === 'true' && secret.length > 0) core.setSecret(secret)
}
