/**
 * Docker config credentials the way docker/login-action and `az acr login` leave them, credential
 * helpers through a fake `docker-credential-test` on PATH, and exact host matching.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chainCredentials,
  dockerConfigCredentials,
  dockerConfigPath,
  staticCredentials,
} from '../../../src/oci/credentials.js'

let dir: string
let bin: string
const b64 = (s: string): string => Buffer.from(s).toString('base64')

// The helpers are Node scripts behind the wrapper the platform runs: a POSIX shell script, or on
// Windows a .cmd batch file (what npm and scoop install), which only starts through cmd.exe.
const HELPER = `
let url = ''
process.stdin.on('data', (c) => (url += c))
process.stdin.on('end', () => {
  url = url.trim()
  require('node:fs').appendFileSync(require('node:path').join(__dirname, 'calls.log'), url + '\\n')
  const answers = {
    'helper.example.com': { ServerURL: 'helper.example.com', Username: 'hu', Secret: 'hs' },
    'https://index.docker.io/v1/': { ServerURL: 'https://index.docker.io/v1/', Username: '<token>', Secret: 'hub-refresh' },
    'store.example.com': { Username: 'su', Secret: 'ss' },
  }
  if (answers[url]) process.stdout.write(JSON.stringify(answers[url]))
  else { process.stdout.write('credentials not found in native keychain'); process.exitCode = 1 }
})
`
const BROKEN = `process.stderr.write('helper exploded: keychain locked\\n'); process.exitCode = 2`

/** Installs `docker-credential-<name>` in `bin`, running `script` with this Node. */
async function installHelper(name: string, script: string): Promise<void> {
  const js = join(bin, `${name}.cjs`)
  await writeFile(js, script)
  if (process.platform === 'win32') {
    await writeFile(
      join(bin, `docker-credential-${name}.cmd`),
      `@"${process.execPath}" "${js}" %*\r\n`,
    )
  } else {
    const wrapper = join(bin, `docker-credential-${name}`)
    await writeFile(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${js}" "$@"\n`)
    await chmod(wrapper, 0o755)
  }
}

async function config(name: string, json: unknown): Promise<string> {
  const d = join(dir, name)
  await mkdir(d, { recursive: true })
  await writeFile(join(d, 'config.json'), typeof json === 'string' ? json : JSON.stringify(json))
  return d
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-creds-'))
  bin = join(dir, 'bin')
  await mkdir(bin)
  await installHelper('test', HELPER)
  await installHelper('broken', BROKEN)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const env = (configDir: string): NodeJS.ProcessEnv => ({
  DOCKER_CONFIG: configDir,
  PATH: [bin, ...(process.env.PATH ?? '').split(delimiter)].join(delimiter),
  // Windows: PATHEXT for the helper lookup, SystemRoot for cmd.exe and the Node it starts.
  ...(process.platform === 'win32'
    ? {
        PATHEXT: process.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD',
        SystemRoot: process.env.SystemRoot,
      }
    : {}),
})

describe('docker config auths', () => {
  it('reads auth, identitytoken (az acr login), registrytoken and username/password entries', async () => {
    const d = await config('auths', {
      auths: {
        'ghcr.io': { auth: b64('octocat:ghp_token:with:colons') },
        'myreg.azurecr.io': {
          auth: b64('00000000-0000-0000-0000-000000000000:'),
          identitytoken: 'acr-refresh',
        },
        'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
        'token.example.com': { registrytoken: 'raw-access-token' },
        'https://legacy.example.com/v1/': { username: 'lu', password: 'lp' },
        'empty.example.com': {},
      },
    })
    const source = dockerConfigCredentials({ env: env(d) })
    expect(await source('ghcr.io')).toEqual({
      username: 'octocat',
      password: 'ghp_token:with:colons',
    })
    expect(await source('myreg.azurecr.io')).toEqual({
      identityToken: 'acr-refresh',
      username: '00000000-0000-0000-0000-000000000000',
    })
    for (const hub of ['docker.io', 'index.docker.io', 'registry-1.docker.io']) {
      expect(await source(hub)).toEqual({ username: 'hubuser', password: 'hubpass' })
    }
    expect(await source('token.example.com')).toEqual({ registryToken: 'raw-access-token' })
    expect(await source('legacy.example.com')).toEqual({ username: 'lu', password: 'lp' })
    expect(await source('empty.example.com')).toBeUndefined()
  })

  it('matches hosts exactly, never by substring or suffix', async () => {
    const d = await config('exact', {
      auths: { 'ghcr.io': { auth: b64('a:b') }, 'localhost:5000': { auth: b64('c:d') } },
    })
    const source = dockerConfigCredentials({ env: env(d) })
    for (const other of [
      'evil-ghcr.io',
      'ghcr.io.evil.com',
      'xghcr.io',
      'localhost:5001',
      'localhost',
    ]) {
      expect(await source(other)).toBeUndefined()
    }
    expect(await source('GHCR.IO')).toEqual({ username: 'a', password: 'b' })
    expect(await source('localhost:5000')).toEqual({ username: 'c', password: 'd' })
  })

  it('uses DOCKER_CONFIG, else ~/.docker/config.json; a missing file means anonymous', async () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/x/y' }, 'linux')).toBe('/x/y/config.json')
    expect(dockerConfigPath({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.docker/config.json')
    const source = dockerConfigCredentials({ env: { DOCKER_CONFIG: join(dir, 'does-not-exist') } })
    expect(await source('ghcr.io')).toBeUndefined()
  })

  it('on Windows the config is under USERPROFILE, as the docker CLI puts it (HOME is often unset)', () => {
    expect(dockerConfigPath({ USERPROFILE: 'C:\\Users\\runner' }, 'win32')).toBe(
      'C:\\Users\\runner\\.docker\\config.json',
    )
    // Git Bash exports HOME=/c/Users/runner; docker itself still reads USERPROFILE.
    expect(
      dockerConfigPath({ USERPROFILE: 'C:\\Users\\runner', HOME: '/c/Users/runner' }, 'win32'),
    ).toBe('C:\\Users\\runner\\.docker\\config.json')
    expect(dockerConfigPath({ HOME: 'D:\\home' }, 'win32')).toBe('D:\\home\\.docker\\config.json')
    expect(dockerConfigPath({ DOCKER_CONFIG: 'C:\\cfg' }, 'win32')).toBe('C:\\cfg\\config.json')
  })

  it('reports an unreadable config as REGISTRY_CREDENTIALS naming the file', async () => {
    const d = await config('bad-json', '{ not json')
    await expect(dockerConfigCredentials({ env: env(d) })('ghcr.io')).rejects.toMatchObject({
      code: 'REGISTRY_CREDENTIALS',
      message: expect.stringContaining(join(d, 'config.json')),
    })
    const e = await config('bad-auth', { auths: { 'ghcr.io': { auth: b64('no-colon') } } })
    await expect(dockerConfigCredentials({ env: env(e) })('ghcr.io')).rejects.toMatchObject({
      code: 'REGISTRY_CREDENTIALS',
    })
  })
})

describe('credential helpers', () => {
  it('credHelpers: runs docker-credential-<name> get with the host on stdin', async () => {
    const d = await config('helpers', {
      auths: { 'helper.example.com': { auth: b64('ignored:ignored') } },
      credHelpers: { 'helper.example.com': 'test', 'docker.io': 'test' },
    })
    const source = dockerConfigCredentials({ env: env(d) })
    expect(await source('helper.example.com')).toEqual({ username: 'hu', password: 'hs' })
    // Docker Hub is asked for under its historical server URL; <token> means an identity token.
    expect(await source('docker.io')).toEqual({ identityToken: 'hub-refresh' })
  })

  it('credsStore: used for every host; "not found" falls back to auths', async () => {
    const d = await config('store', {
      credsStore: 'test',
      auths: { 'store.example.com': {}, 'fallback.example.com': { auth: b64('fu:fp') } },
    })
    const source = dockerConfigCredentials({ env: env(d) })
    expect(await source('store.example.com')).toEqual({ username: 'su', password: 'ss' })
    expect(await source('fallback.example.com')).toEqual({ username: 'fu', password: 'fp' })
    expect(await source('nowhere.example.com')).toBeUndefined()
  })

  it('a credsStore helper that is not installed falls back to auths (a desktop config on a runner)', async () => {
    const d = await config('store-missing', {
      credsStore: 'desktop',
      auths: { 'ghcr.io': { auth: b64('u:p') } },
    })
    expect(await dockerConfigCredentials({ env: env(d) })('ghcr.io')).toEqual({
      username: 'u',
      password: 'p',
    })
  })

  it('a credHelpers helper that is missing or fails is REGISTRY_CREDENTIALS', async () => {
    const d = await config('helper-errors', {
      credHelpers: {
        'missing.example.com': 'nope',
        'broken.example.com': 'broken',
        'evil.example.com': '../x',
      },
    })
    const source = dockerConfigCredentials({ env: env(d) })
    await expect(source('missing.example.com')).rejects.toMatchObject({
      code: 'REGISTRY_CREDENTIALS',
      message: expect.stringContaining('docker-credential-nope'),
    })
    await expect(source('broken.example.com')).rejects.toMatchObject({
      code: 'REGISTRY_CREDENTIALS',
      message: expect.stringMatching(
        /docker-credential-broken failed for broken.example.com \(exit 2\): helper exploded/,
      ),
    })
    await expect(source('evil.example.com')).rejects.toMatchObject({ code: 'REGISTRY_CREDENTIALS' })
  })
})

describe('static and chained sources', () => {
  it('the first source that knows the registry wins', async () => {
    const explicit = staticCredentials({ 'ghcr.io': { username: 'flag', password: 'p1' } })
    const d = await config('chain', {
      auths: { 'ghcr.io': { auth: b64('cfg:p2') }, 'quay.io': { auth: b64('q:p3') } },
    })
    const source = chainCredentials(explicit, dockerConfigCredentials({ env: env(d) }))
    expect(await source('ghcr.io')).toEqual({ username: 'flag', password: 'p1' })
    expect(await source('quay.io')).toEqual({ username: 'q', password: 'p3' })
    expect(await source('other.io')).toBeUndefined()
    expect(
      await staticCredentials({ 'https://index.docker.io/v1/': { registryToken: 't' } })(
        'docker.io',
      ),
    ).toEqual({
      registryToken: 't',
    })
  })
})
