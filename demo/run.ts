/**
 * `npm run demo`: the product end to end on one machine, with nothing from the internet.
 *
 * 1. starts the local stack on loopback: Debian's docker-registry (TLS + Bearer tokens), an
 *    openssl RFC 3161 TSA, and the mocks of GitHub's OIDC issuer, Entra ID and Artifact Signing;
 * 2. pushes a small image (tag `v1`);
 * 3. runs the committed dist/index.js exactly as a runner would (INPUT_* variables, GITHUB_OUTPUT,
 *    GITHUB_STEP_SUMMARY, ACTIONS_ID_TOKEN_REQUEST_*): GitHub OIDC → Entra → Artifact Signing sign →
 *    timestamp → push the referrer → read back and verify against an inline trust policy;
 * 4. runs dist/verify.js on the digest, then once more with a wrong identity (it must fail);
 * 5. prints the outputs and the job summary, and stops everything.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startAzureMocks } from '../testbed/mocks/index.js'
import type { ActionRun } from '../testbed/runner.js'
import { artifactSigningScenario, visibleText } from '../testbed/scenario.js'
import { startTestbed } from '../testbed/stack.js'

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)

function show(title: string, run: ActionRun): void {
  console.log(`\n${bold(`── ${title}: exit ${run.exitCode}`)}`)
  // What a person sees in the Actions log: workflow commands rendered, debug lines hidden.
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('::debug::') || line.startsWith('::add-mask::') || line === '') continue
    const group = /^::group::(.*)$/.exec(line)
    if (group) console.log(`▶ ${group[1]}`)
    else if (line === '::endgroup::') continue
    else {
      // Workflow commands escape newlines as %0A; the runner shows them as line breaks.
      const text = line
        .replace(/^::(warning|error)[^:]*::/, (_m, kind: string) => `${kind.toUpperCase()}: `)
        .replace(/%0A/g, '\n    ')
      console.log(`  ${text}`)
    }
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  console.log(bold('Starting the local stack (registry, TSA, Azure mocks)…'))
  const testbed = await startTestbed(['token'])
  const mocks = await startAzureMocks({ retryAfterSeconds: 0 })
  const work = await mkdtemp(join(tmpdir(), 'oci-notary-demo-'))
  let failed = false
  try {
    const r = await artifactSigningScenario(testbed, mocks, work)
    console.log(`pushed ${r.image.reference} (${r.image.digest})`)
    show('dist/index.js (sign with Artifact Signing, then verify)', r.sign)
    console.log(bold('\nOutputs:'))
    for (const [name, value] of Object.entries(r.sign.outputs)) {
      const shown =
        value.startsWith('{') || value.startsWith('[')
          ? JSON.stringify(JSON.parse(value), null, 2)
          : value
      console.log(`${name}: ${shown.length > 1500 ? `${shown.slice(0, 1500)}…` : shown}`)
    }
    console.log(bold('\nJob summary:'))
    console.log(r.sign.summary)
    show('dist/verify.js (verify-only, by digest)', r.verify)
    show('dist/verify.js with a wrong trusted identity (must fail)', r.wrongIdentity)
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
