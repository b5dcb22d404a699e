/**
 * `npm run demo` (add `-- --verbose` for every log line and output): the product end to end on
 * one machine, with nothing from the internet, in three scenes.
 *
 * It starts the local stack on loopback (Debian's docker-registry with TLS + Bearer tokens, an
 * openssl RFC 3161 TSA, and the mocks of GitHub's OIDC issuer, Entra ID and Artifact Signing),
 * pushes a small image, and runs the committed bundles exactly as a runner would (INPUT_*
 * variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, ACTIONS_ID_TOKEN_REQUEST_*):
 *
 * 1. dist/index.js signs with Artifact Signing (GitHub OIDC → Entra → sign → timestamp → push the
 *    referrer) and reads the signature back to verify it; its job summary is shown as GitHub
 *    renders it;
 * 2. dist/verify.js verifies the digest, as a deploy job would;
 * 3. dist/verify.js with a wrong trusted identity, which must fail.
 *
 * Each scene prints the equivalent workflow step; then `oci-notary inspect` shows what landed in
 * the registry. The demo fails if any scene has the wrong outcome or a secret reaches the output.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startAzureMocks } from '../testbed/mocks/index.js'
import type { ActionRun } from '../testbed/runner.js'
import { artifactSigningScenario, visibleText, type ScenarioResult } from '../testbed/scenario.js'
import { startTestbed } from '../testbed/stack.js'
import { renderMarkdownForTerminal } from './terminal-markdown.js'
import { workflowStep } from './workflow-yaml.js'

const verbose = process.argv.includes('--verbose')
const tty = process.stdout.isTTY
const bold = (s: string): string => (tty ? `\x1b[1m${s}\x1b[0m` : s)
const dim = (s: string): string => (tty ? `\x1b[2m${s}\x1b[0m` : s)
const indent = (text: string, by = '  '): string =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : by + l))
    .join('\n')

/** `owner/name` from package.json's repository (the one canonical slug). */
async function actionName(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
  ) as { repository?: string | { url?: string } }
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
  const match = /github\.com[/:]([^/]+\/[^/.]+)/.exec(url ?? '')
  if (match?.[1] === undefined) throw new Error('package.json has no GitHub repository URL')
  return match[1]
}

/** What a person sees in the Actions log: workflow commands rendered, debug lines hidden. */
function logLines(run: ActionRun): string[] {
  const out: string[] = []
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('::debug::') || line.startsWith('::add-mask::') || line === '') continue
    const group = /^::group::(.*)$/.exec(line)
    if (group) out.push(`▶ ${group[1]}`)
    else if (line !== '::endgroup::') {
      // Workflow commands escape newlines as %0A; the runner shows them as line breaks.
      out.push(
        line
          .replace(/^::(warning|error)[^:]*::/, (_m, kind: string) => `${kind.toUpperCase()}: `)
          .replace(/%0A/g, '\n    '),
      )
    }
  }
  return out
}

/** The step's `::error`, as the run page shows it, first line only. */
const errorLine = (run: ActionRun): string =>
  /^::error::(.*)$/m.exec(run.stdout)?.[1]?.split('%0A')[0] ?? '(no ::error)'

function scene(n: number, title: string, step: string, run: ActionRun, outcome: string): void {
  console.log(`\n${bold(`Scene ${n}/3: ${title}`)}`)
  console.log(dim('  the workflow step:'))
  console.log(indent(step, '    '))
  console.log(`  ${outcome}`)
  if (verbose) {
    console.log(dim('  the step log:'))
    console.log(indent(logLines(run).join('\n'), '    '))
    console.log(dim('  outputs:'))
    for (const [name, value] of Object.entries(run.outputs)) {
      const shown =
        value.startsWith('{') || value.startsWith('[')
          ? JSON.stringify(JSON.parse(value), null, 2)
          : value
      console.log(indent(`${name}: ${shown}`, '    '))
    }
  }
}

async function inspectRegistry(r: ScenarioResult, testbedCa: string): Promise<string> {
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      cli,
      'inspect',
      `${r.registry.host}/demo/hello@${r.sign.outputs.digest ?? r.image.digest}`,
      '--registry-username',
      r.registry.username as string,
      '--registry-password',
      r.registry.password as string,
    ],
    { env: { ...process.env, NODE_EXTRA_CA_CERTS: testbedCa } },
  )
  return stdout
}

async function main(): Promise<void> {
  const started = Date.now()
  console.log(
    bold('Starting the local stack (registry, TSA, GitHub OIDC / Entra / Artifact Signing mocks)…'),
  )
  const testbed = await startTestbed(['token'])
  const mocks = await startAzureMocks({ retryAfterSeconds: 0 })
  const work = await mkdtemp(join(tmpdir(), 'oci-notary-demo-'))
  let failed = false
  try {
    const r = await artifactSigningScenario(testbed, mocks, work)
    const uses = await actionName()
    const identity = {
      'azure-client-id': '${{ vars.AZURE_CLIENT_ID }}',
      'azure-tenant-id': '${{ vars.AZURE_TENANT_ID }}',
    }
    console.log(`pushed ${r.image.reference} (${r.image.digest})`)

    scene(
      1,
      'sign with Artifact Signing in CI, then read the signature back and verify it',
      workflowStep('Sign', `${uses}@v1`, r.inputs.sign, identity),
      r.sign,
      `→ exit ${r.sign.exitCode}, verified=${r.sign.outputs.verified}, digest ${r.sign.outputs.digest}`,
    )
    console.log(dim('  the job summary, as GitHub renders it:'))
    console.log(
      indent(renderMarkdownForTerminal(r.sign.summary, { expandAll: verbose, bold }), '    '),
    )

    scene(
      2,
      'verify the digest before deploying (the verify-only action)',
      workflowStep('Verify', `${uses}/verify@v1`, r.inputs.verify, identity),
      r.verify,
      `→ exit ${r.verify.exitCode}, verified=${r.verify.outputs.verified}`,
    )
    scene(
      3,
      'the same verification with a wrong trusted identity is refused',
      workflowStep('Verify (wrong identity)', `${uses}/verify@v1`, {
        'trust-policy': r.inputs.wrongIdentity['trust-policy'] as string,
      }),
      r.wrongIdentity,
      `→ exit ${r.wrongIdentity.exitCode}: ${errorLine(r.wrongIdentity)}`,
    )

    console.log(`\n${bold('What landed in the registry (oci-notary inspect):')}`)
    console.log(indent(await inspectRegistry(r, testbed.info.tlsCaPath)))

    if (r.sign.exitCode !== 0 || r.sign.outputs.verified !== 'true')
      throw new Error('signing failed')
    if (r.verify.exitCode !== 0 || r.verify.outputs.verified !== 'true')
      throw new Error('verification failed')
    if (r.wrongIdentity.exitCode === 0) throw new Error('verification with a wrong identity passed')
    const visible = [r.sign, r.verify, r.wrongIdentity].map(visibleText).join('\n')
    const leaked = r.secrets.filter((s) => s.length >= 8 && visible.includes(s))
    if (leaked.length > 0)
      throw new Error(`${leaked.length} secret(s) reached the log, outputs or summary`)
    console.log(
      bold(
        `\nDemo passed in ${((Date.now() - started) / 1000).toFixed(1)} s: signed, timestamped, pushed, verified; wrong identity refused; no token or password in the log.`,
      ),
    )
    console.log(
      `Next: copy scene 1's step into your workflow (README "Quick start: ACR + Artifact Signing"), or run ${verbose ? 'it' : '`npm run demo -- --verbose`'} for every log line and output.`,
    )
  } catch (err) {
    failed = true
    console.error(`\nDemo FAILED: ${err instanceof Error ? err.message : String(err)}`)
  } finally {
    await rm(work, { recursive: true, force: true })
    await mocks.stop()
    await testbed.stop()
  }
  process.exitCode = failed ? 1 : 0
}

await main()
