/**
 * One sign job in a fresh process, for the latency benchmark (bench/latency.ts): the action's raw
 * inputs → parseSignConfig → runSignJob, in-process, with the real OIDC → Entra credential (which
 * needs NODE_EXTRA_CA_CERTS from the start, hence a child process). Writes
 * `{ wallMs, signed, maxRssKiB }` as JSON to the file named by argv[3].
 *
 * The modules the job loads on demand are loaded before the clock starts: tsx compiles src/ as it
 * goes, which a runner's bundle never does, so this row shows the job's network path without
 * start-up CPU (the dist row, L1, has both).
 *
 *   node --import tsx bench/latency-job.ts '<inputs JSON>' <result file>
 */
import { writeFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { runSignJob } from '../src/commands/jobs.js'
import { parseSignConfig } from '../src/config/config.js'
import { SIGN_INPUTS, type RawInputs, type SignInputName } from '../src/config/inputs.js'
import { silentLogger } from '../src/log.js'

const [, , inputsJson, resultPath] = process.argv
if (inputsJson === undefined || resultPath === undefined) {
  throw new Error('usage: latency-job.ts <inputs JSON> <result file>')
}
const given = JSON.parse(inputsJson) as Partial<Record<SignInputName, string>>
const raw = Object.fromEntries(
  SIGN_INPUTS.map((n) => [n, given[n] ?? '']),
) as RawInputs<SignInputName>
const config = parseSignConfig(raw)
await Promise.all([
  import('../src/azure/oidc.js'),
  import('../src/azure/credential.js'),
  import('../src/azure/artifact-signing.js'),
  import('../src/commands/verify.js'),
])
const startedAt = performance.timeOrigin + performance.now()
const t0 = performance.now()
const result = await runSignJob(config, {
  logger: silentLogger,
  env: process.env,
  mask: () => undefined,
})
const wallMs = performance.now() - t0
await writeFile(
  resultPath,
  JSON.stringify({
    wallMs,
    startedAt,
    signed: result.signed.length,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
)
// Keep-alive sockets would hold the process open for their idle timeout.
process.exit(0)
