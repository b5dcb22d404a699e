/**
 * Where registry credentials come from. A `CredentialSource` maps a registry (as written in the
 * image reference: `docker.io`, `ghcr.io`, `127.0.0.1:5000`) to a credential, or to `undefined`
 * for anonymous access. Implementations:
 * - `staticCredentials`: explicit username/password (CLI flags, action inputs);
 * - `dockerConfigCredentials`: the docker config as docker/login-action and `az acr login` leave
 *   it (`auths` with `auth`/`identitytoken`/`registrytoken`, `credHelpers`, `credsStore`);
 * - `chainCredentials`: the first source that knows the registry wins.
 * Matching is exact on `credentialKey` (Docker Hub aliases folded), never by substring.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'
import type { Logger } from '../log.js'
import { RegistryError } from './errors.js'
import { helperLaunch } from './helper-launch.js'
import { credentialKey, DOCKER_HUB } from './reference.js'

export type Credential =
  /** Basic credentials; with a Bearer challenge they are sent to the token server. */
  | { username: string; password: string }
  /** An OAuth2 refresh token (docker config `identitytoken`), exchanged with grant_type=refresh_token. */
  | { identityToken: string; username?: string }
  /** A registry access token used as-is (docker config `registrytoken`). */
  | { registryToken: string }

export type CredentialSource = (registry: string) => Promise<Credential | undefined>

/** Credentials given explicitly, keyed by registry host (`docker.io`, `ghcr.io`, `host:port`). */
export function staticCredentials(entries: Record<string, Credential>): CredentialSource {
  const byKey = new Map(Object.entries(entries).map(([host, c]) => [credentialKey(host), c]))
  return async (registry) => byKey.get(credentialKey(registry))
}

/** Asks each source in turn; the first one that returns a credential wins. */
export function chainCredentials(...sources: CredentialSource[]): CredentialSource {
  return async (registry) => {
    for (const source of sources) {
      const found = await source(registry)
      if (found !== undefined) return found
    }
    return undefined
  }
}

export interface DockerConfigOptions {
  /** Explicit config.json path; default `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
  configPath?: string
  /** Environment for locating the config and running helpers (PATH); default process.env. */
  env?: NodeJS.ProcessEnv
  logger?: Logger
  /** Timeout for a credential helper run; default 30 s. */
  helperTimeoutMs?: number
  /** The platform whose conventions apply (home directory, helper launch); default the running one. */
  platform?: NodeJS.Platform
}

interface DockerAuthEntry {
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
  registrytoken?: string
}

interface DockerConfig {
  auths?: Record<string, DockerAuthEntry>
  credHelpers?: Record<string, string>
  credsStore?: string
}

const DOCKER_HUB_SERVER_URL = 'https://index.docker.io/v1/'
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/**
 * The docker config path the docker CLI would use: `$DOCKER_CONFIG/config.json`, else
 * `<home>/.docker/config.json`, where home is USERPROFILE on Windows (docker's homedir.Get; HOME is
 * usually unset there, or set by Git Bash to a POSIX-style path) and HOME elsewhere.
 */
export function dockerConfigPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const paths = platform === 'win32' ? win32 : posix
  const dir = env.DOCKER_CONFIG
  if (dir !== undefined && dir !== '') return paths.join(dir, 'config.json')
  const home = (platform === 'win32' ? env.USERPROFILE || env.HOME : env.HOME) || homedir()
  return paths.join(home, '.docker', 'config.json')
}

/**
 * Reads credentials the way the docker CLI does: a `credHelpers` entry for the registry, else
 * `credsStore`, else the `auths` entry. When the `credsStore` helper is missing or does not know
 * the registry, the `auths` entry is used (a CI runner often inherits a desktop `credsStore`).
 */
export function dockerConfigCredentials(options: DockerConfigOptions = {}): CredentialSource {
  const env = options.env ?? process.env
  const path = options.configPath ?? dockerConfigPath(env, options.platform)
  let config: Promise<DockerConfig | undefined> | undefined

  async function load(): Promise<DockerConfig | undefined> {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return undefined
      throw new RegistryError('REGISTRY_CREDENTIALS', `cannot read docker config ${path}`, {
        cause: err,
      })
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (err) {
      throw new RegistryError('REGISTRY_CREDENTIALS', `docker config ${path} is not valid JSON`, {
        cause: err,
      })
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new RegistryError('REGISTRY_CREDENTIALS', `docker config ${path} is not a JSON object`)
    }
    return json as DockerConfig
  }

  return async (registry) => {
    config ??= load()
    const cfg = await config
    if (cfg === undefined) return undefined
    const key = credentialKey(registry)
    const helperEntry = Object.entries(cfg.credHelpers ?? {}).find(
      ([k]) => credentialKey(k) === key,
    )
    const authEntry = Object.entries(cfg.auths ?? {}).find(([k]) => credentialKey(k) === key)
    const serverUrl =
      key === DOCKER_HUB ? DOCKER_HUB_SERVER_URL : (helperEntry?.[0] ?? authEntry?.[0] ?? key)

    if (helperEntry !== undefined) {
      return runHelper(helperEntry[1], serverUrl, registry, { ...options, env })
    }
    if (cfg.credsStore !== undefined && cfg.credsStore !== '') {
      try {
        const found = await runHelper(cfg.credsStore, serverUrl, registry, { ...options, env })
        if (found !== undefined) return found
      } catch (err) {
        if ((err as { cause?: { code?: string } }).cause?.code !== 'ENOENT') throw err
        options.logger?.debug(
          `docker config: credsStore helper ${cfg.credsStore} is not installed; using auths`,
        )
      }
    }
    return authEntry === undefined ? undefined : fromAuthEntry(authEntry[1], path, authEntry[0])
  }
}

function fromAuthEntry(entry: DockerAuthEntry, path: string, key: string): Credential | undefined {
  let username = entry.username
  let password = entry.password
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) {
      throw new RegistryError(
        'REGISTRY_CREDENTIALS',
        `docker config ${path}: "auth" of "${key}" is not base64 of username:password`,
      )
    }
    username = decoded.slice(0, colon)
    password = decoded.slice(colon + 1)
  }
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return { identityToken: entry.identitytoken, ...(username ? { username } : {}) }
  }
  if (typeof entry.registrytoken === 'string' && entry.registrytoken !== '') {
    return { registryToken: entry.registrytoken }
  }
  if (username !== undefined && username !== '' && password !== undefined)
    return { username, password }
  return undefined
}

/**
 * Runs `docker-credential-<name> get` with the server URL on stdin (docker-credential-helpers
 * protocol). "credentials not found" means no credential; `Username: "<token>"` means the secret is
 * an identity token.
 */
async function runHelper(
  name: string,
  serverUrl: string,
  registry: string,
  options: DockerConfigOptions & { env: NodeJS.ProcessEnv },
): Promise<Credential | undefined> {
  if (!HELPER_NAME.test(name)) {
    throw new RegistryError('REGISTRY_CREDENTIALS', `credential helper name "${name}" is not valid`)
  }
  const program = `docker-credential-${name}`
  const timeoutMs = options.helperTimeoutMs ?? 30_000
  const launch = helperLaunch(program, options.env, options.platform)
  const { code, stdout, stderr, spawnError } = await new Promise<{
    code: number | null
    stdout: string
    stderr: string
    spawnError?: NodeJS.ErrnoException
  }>((resolve) => {
    const child = spawn(launch.command, launch.args, {
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: timeoutMs,
      shell: launch.shell,
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    let size = 0
    child.stdout.on('data', (c: Buffer) => {
      size += c.length
      if (size <= 1024 * 1024) out.push(c)
    })
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < 64) err.push(c)
    })
    child.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ code: null, stdout: '', stderr: '', spawnError: e }),
    )
    child.on('close', (c) =>
      resolve({
        code: c,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      }),
    )
    child.stdin.on('error', () => undefined)
    child.stdin.end(serverUrl)
  })
  if (spawnError !== undefined) {
    const missing = spawnError.code === 'ENOENT'
    throw new RegistryError(
      'REGISTRY_CREDENTIALS',
      missing
        ? `credential helper ${program} for ${registry} is not found on PATH`
        : `credential helper ${program} for ${registry} could not be started: ${spawnError.code ?? spawnError.message}`,
      { cause: spawnError },
    )
  }
  if (code !== 0) {
    if (/credentials not found/i.test(stdout + stderr)) return undefined
    const detail = (stderr || stdout).trim().split('\n')[0]?.slice(0, 200) ?? ''
    throw new RegistryError(
      'REGISTRY_CREDENTIALS',
      `credential helper ${program} failed for ${registry} (exit ${String(code)})${detail ? `: ${detail}` : ''}`,
    )
  }
  let parsed: { Username?: unknown; Secret?: unknown }
  try {
    parsed = JSON.parse(stdout) as typeof parsed
  } catch (err) {
    throw new RegistryError(
      'REGISTRY_CREDENTIALS',
      `credential helper ${program} printed no JSON for ${registry}`,
      {
        cause: err,
      },
    )
  }
  const username = typeof parsed.Username === 'string' ? parsed.Username : ''
  const secret = typeof parsed.Secret === 'string' ? parsed.Secret : ''
  if (secret === '') return undefined
  if (username === '<token>') return { identityToken: secret }
  return { username, password: secret }
}
