/**
 * Runs a bundled action entry (dist/index.js, dist/verify.js) exactly as a GitHub runner does:
 * a fresh `node` process with INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV
 * files and RUNNER_TEMP, no node_modules on the module path. Returns what the step printed,
 * its outputs and its job summary.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { parse } from 'yaml'

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parses the GITHUB_OUTPUT file format (`name=value` or `name<<DELIM ... DELIM`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string)
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

/**
 * The `default:` of every input in the action.yml that runs `entry` (dist/index.js → action.yml,
 * dist/verify.js → verify/action.yml): the runner passes them as INPUT_* variables when a
 * workflow leaves the input out, so the emulator does too.
 */
export function actionDefaults(entry: string): Record<string, string> {
  const root = dirname(dirname(entry))
  const file = join(root, basename(entry) === 'verify.js' ? 'verify/action.yml' : 'action.yml')
  if (!existsSync(file)) return {}
  const action = parse(readFileSync(file, 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>
  }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input.default !== undefined) defaults[name] = String(input.default)
  }
  return defaults
}

export async function runAction(
  entry: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = {},
  options: {
    timeoutMs?: number
    cwd?: string
    /** The node binary to run it with (default: the one running the tests). */
    node?: string
  } = {},
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'notary-runner-'))
  const outputPath = join(dir, 'output')
  const summaryPath = join(dir, 'summary')
  await writeFile(outputPath, '')
  await writeFile(summaryPath, '')
  await writeFile(join(dir, 'env'), '')
  const inputEnv: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...actionDefaults(entry), ...inputs })) {
    // The runner upper-cases the name and replaces spaces (not dashes) with underscores.
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  const childEnv: Record<string, string> = {}
  for (const [k, v] of Object.entries({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // What a Windows runner's environment always has (Node itself and cmd.exe need them; the
    // docker config lives under USERPROFILE); undefined elsewhere and then left out.
    ...Object.fromEntries(
      ['SystemRoot', 'windir', 'USERPROFILE', 'TEMP', 'TMP', 'PATHEXT', 'ComSpec'].map((k) => [
        k,
        process.env[k],
      ]),
    ),
    NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    ...inputEnv,
    ...env,
  })) {
    if (v !== undefined) childEnv[k] = v
  }
  const child = spawn(options.node ?? process.execPath, [entry], {
    env: childEnv,
    cwd: options.cwd ?? dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000)
  const exitCode = await new Promise<number>((resolve) =>
    child.on('close', (code) => resolve(code ?? 1)),
  )
  clearTimeout(timer)
  const result: ActionRun = {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
  }
  await rm(dir, { recursive: true, force: true })
  return result
}
