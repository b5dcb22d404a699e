// Fails when dist/ is not exactly what a fresh build of src/ produces (the action runs dist/).
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

function filesUnder(root) {
  const out = []
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(root, path))
    }
  }
  walk(root)
  return out.sort()
}

const fresh = '.dist-check'
execFileSync('node', ['scripts/build.mjs', fresh], { stdio: 'inherit' })
const committed = filesUnder('dist')
const built = filesUnder(fresh)
const problems = []
for (const f of new Set([...committed, ...built])) {
  if (!committed.includes(f)) problems.push(`missing from dist/: ${f}`)
  else if (!built.includes(f)) problems.push(`stale file in dist/: ${f}`)
  else if (!readFileSync(join('dist', f)).equals(readFileSync(join(fresh, f))))
    problems.push(`differs: dist/${f}`)
}
rmSync(fresh, { recursive: true, force: true })
if (problems.length > 0) {
  console.error(
    'dist/ does not match a fresh build of src/ (run `npm run build` and commit dist/):',
  )
  for (const p of problems) console.error(`  ${p}`)
  process.exit(1)
}
console.log(`dist/ matches a fresh build (${committed.length} files)`)
