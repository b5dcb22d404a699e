/**
 * How to start a docker credential helper (`docker-credential-<name> get`) on each platform.
 *
 * On Windows, helpers are often batch files (`docker-credential-*.cmd` from npm or scoop shims).
 * Node's spawn without a shell finds only `.exe` files on PATH and, since the CVE-2024-27980 fix,
 * refuses `.bat`/`.cmd` outright (EINVAL), so such a helper must run through cmd.exe. We look the
 * program up on PATH with PATHEXT ourselves, as the docker CLI does (Go's exec.LookPath), and use a
 * shell only for a batch file, with its absolute path quoted and a fixed argument (`get`).
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { RegistryError } from './errors.js'

export interface HelperLaunch {
  /** What spawn runs: the program name, an absolute path, or a quoted batch-file path. */
  command: string
  args: string[]
  /** True only for a Windows batch file, which needs cmd.exe. */
  shell: boolean
}

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD'

/** Environment variables are case-insensitive on Windows (`Path` is the usual spelling). */
function windowsEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name)
  return key === undefined ? undefined : env[key]
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** The first PATH directory × PATHEXT extension that names a file, as Go's exec.LookPath. */
export function findOnWindowsPath(
  program: string,
  env: NodeJS.ProcessEnv,
  isFile: (file: string) => boolean = isRegularFile,
): string | undefined {
  const dirs = (windowsEnv(env, 'PATH') ?? '')
    .split(';')
    .map((d) => d.trim().replace(/^"(.*)"$/, '$1'))
    .filter((d) => d !== '')
  const extensions = (windowsEnv(env, 'PATHEXT') || DEFAULT_PATHEXT)
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.startsWith('.'))
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = path.win32.join(dir, `${program}${ext}`)
      if (isFile(candidate)) return candidate
    }
  }
  return undefined
}

/**
 * The spawn arguments for `<program> get`. Elsewhere than Windows the program name is spawned
 * as is (PATH lookup by the OS). A program not found on a Windows PATH is also spawned as is, so
 * that spawn reports ENOENT ("not found on PATH") as on other platforms.
 */
export function helperLaunch(
  program: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  isFile: (file: string) => boolean = isRegularFile,
): HelperLaunch {
  const direct = { command: program, args: ['get'], shell: false }
  if (platform !== 'win32') return direct
  const found = findOnWindowsPath(program, env, isFile)
  if (found === undefined) return direct
  if (!/\.(bat|cmd)$/i.test(found)) return { ...direct, command: found }
  // cmd.exe expands %VAR% and !VAR! and treats " and ^ specially even inside quotes: a path with
  // one of them cannot be passed safely, so refuse it rather than guess.
  if (/["%!^\r\n]/.test(found)) {
    throw new RegistryError(
      'REGISTRY_CREDENTIALS',
      `credential helper ${found} is a batch file whose path cmd.exe cannot take safely (it contains " % ! or ^): move it or use an .exe helper`,
    )
  }
  return { command: `"${found}"`, args: ['get'], shell: true }
}
