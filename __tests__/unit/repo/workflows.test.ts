/**
 * House rules for .github/workflows (style.md §4.7; what actionlint and zizmor would flag):
 * every `uses:` pinned to a full commit SHA with a version comment, `permissions: {}` at the top
 * and least privilege per job, no `${{ }}` expansion inside `run:` scripts (inputs reach scripts
 * through `env:`), and the jobs issue 12 asks for: the OS/arch matrix, CodeQL, actionlint and the
 * release workflow.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const dir = fileURLToPath(new URL('../../../.github/workflows/', import.meta.url))
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  permissions?: unknown
  'runs-on'?: unknown
  strategy?: { matrix?: Record<string, unknown> }
  steps?: Step[]
}
interface Workflow {
  on: unknown
  permissions?: unknown
  jobs: Record<string, Job>
}

const load = (file: string): { text: string; workflow: Workflow } => {
  const text = readFileSync(`${dir}${file}`, 'utf8')
  return { text, workflow: parse(text) as Workflow }
}
const steps = (w: Workflow): Step[] => Object.values(w.jobs).flatMap((j) => j.steps ?? [])

describe.each(files)('%s', (file) => {
  const { text, workflow } = load(file)

  it('grants nothing at the top and names each job’s permissions', () => {
    expect(workflow.permissions).toEqual({})
    for (const [name, job] of Object.entries(workflow.jobs))
      expect(job.permissions, name).toBeTypeOf('object')
  })

  it('pins every action to a full commit SHA with a version comment', () => {
    for (const step of steps(workflow).filter((s) => s.uses !== undefined)) {
      const uses = step.uses as string
      if (uses.startsWith('./')) continue
      expect(uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/)
      const line = text.split('\n').find((l) => l.includes(uses)) ?? ''
      expect(line, uses).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+)*$/)
    }
  })

  it('expands no ${{ }} inside run: scripts (values come in through env:)', () => {
    for (const step of steps(workflow).filter((s) => s.run !== undefined))
      expect(step.run, step.run).not.toContain('${{')
  })

  it('does not leave checkout credentials behind', () => {
    for (const step of steps(workflow).filter((s) => s.uses?.startsWith('actions/checkout@')))
      expect(step.with?.['persist-credentials']).toBe(false)
  })
})

describe('the jobs issue 12 asks for', () => {
  it('ci: the portable tests on Windows, macOS and arm64 Linux', () => {
    const { workflow } = load('ci.yml')
    const portable = Object.values(workflow.jobs).find((j) =>
      (j.steps ?? []).some((s) => s.run === 'npm run test:portable'),
    )
    expect(portable?.strategy?.matrix?.os).toEqual(
      expect.arrayContaining(['windows-latest', 'macos-latest', 'ubuntu-24.04-arm']),
    )
  })

  it('ci: actionlint from a pinned release', () => {
    const { workflow } = load('ci.yml')
    expect(steps(workflow).map((s) => s.run ?? '')).toContainEqual(
      expect.stringMatching(
        /go install github\.com\/rhysd\/actionlint\/cmd\/actionlint@v\d+\.\d+\.\d+$/,
      ),
    )
  })

  it('codeql: TypeScript and the workflows, results uploaded', () => {
    const { workflow } = load('codeql.yml')
    const job = Object.values(workflow.jobs)[0] as Job
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' })
    expect(job.strategy?.matrix?.language).toEqual(['javascript-typescript', 'actions'])
    const uses = steps(workflow).map((s) => s.uses ?? '')
    expect(uses.some((u) => u.startsWith('github/codeql-action/init@'))).toBe(true)
    expect(uses.some((u) => u.startsWith('github/codeql-action/analyze@'))).toBe(true)
  })

  it('release: vX.Y.Z tags or a manual version; gated on CHANGELOG, dist and tests; moves vX', () => {
    const { text, workflow } = load('release.yml')
    expect(workflow.on).toMatchObject({
      push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] },
      workflow_dispatch: { inputs: { version: { required: true } } },
    })
    const gate = workflow.jobs.gate as Job
    const release = workflow.jobs.release as Job
    expect(gate.permissions).toEqual({ contents: 'read' })
    expect(release.permissions).toEqual({ contents: 'write' })
    const gateRuns = (gate.steps ?? []).map((s) => s.run ?? '').join('\n')
    for (const check of [
      'scripts/release-notes.mjs',
      'npm run check-dist',
      'npm test',
      'merge-base',
    ])
      expect(gateRuns).toContain(check)
    expect(text).toContain('gh release create "$tag" --verify-tag')
    expect(text).toMatch(/major="v\$\{VERSION%%\.\*\}"/)
  })
})
