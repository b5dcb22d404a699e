// Release gate and notes: `node scripts/release-notes.mjs X.Y.Z` checks that X.Y.Z is a plain
// semantic version equal to package.json's and src/version.ts's, and that CHANGELOG.md has a dated
// `## [X.Y.Z] - YYYY-MM-DD` section; it prints that section's body (the GitHub release notes).
// The release workflow runs it before tagging; it exits 1 with the reason otherwise.
import { readFileSync } from 'node:fs'

const fail = (message) => {
  console.error(`release-notes: ${message}`)
  process.exit(1)
}

const version = (process.argv[2] ?? '').replace(/^v/, '')
if (!/^\d+\.\d+\.\d+$/.test(version)) fail(`"${process.argv[2] ?? ''}" is not a version X.Y.Z`)

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
if (pkg.version !== version) fail(`package.json says ${pkg.version}, the release is ${version}`)
const source = /VERSION = '([^']+)'/.exec(readFileSync('src/version.ts', 'utf8'))?.[1]
if (source !== version) fail(`src/version.ts says ${source}, the release is ${version}`)

const changelog = readFileSync('CHANGELOG.md', 'utf8')
const heading = new RegExp(
  `^## \\[${version.replace(/\./g, '\\.')}\\] - (\\d{4}-\\d{2}-\\d{2})$`,
  'm',
)
const match = heading.exec(changelog)
if (!match) fail(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`)
const rest = changelog.slice(match.index + match[0].length)
const end = rest.search(/^## |^\[[^\]]+\]: /m)
const body = (end === -1 ? rest : rest.slice(0, end)).trim()
if (body === '') fail(`the CHANGELOG.md section of ${version} is empty`)
process.stdout.write(`${body}\n`)
