// Runs the whole test suite with vitest and closes with one plain line, "tests: N passed, N failed",
// that CI can read whatever the reporter prints. Exits with vitest's own code.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const results = '.test-results.json'
rmSync(results, { force: true })
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}`,
  ...process.argv.slice(2),
]
const run = spawnSync('npx', args, { stdio: 'inherit' })
let line = 'tests: 0 passed, 0 failed'
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'))
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
  line = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`
}
console.log(line)
process.exit(run.status ?? 1)
