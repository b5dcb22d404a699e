/**
 * What an adopter checks first: a licence, where to report a vulnerability, who reviews, what each
 * release changed, and one repository slug. package.json's `repository` is the single definition
 * of the slug; README, SECURITY.md, CHANGELOG.md and `uses:` lines must agree with it (issue 12
 * found `OWNER/…` placeholders and no repository fields at all).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../../../src/version.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const read = (p: string): string => readFileSync(`${root}${p}`, 'utf8')
const pkg = JSON.parse(read('package.json')) as {
  version: string
  license: string
  author: string
  homepage: string
  repository: { type: string; url: string }
  bugs: { url: string }
}
const slug = /^git\+https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\.git$/.exec(pkg.repository.url)?.[1]

// Spelled in two parts so that this file does not match itself.
const PLACEHOLDER = ['OWNER', 'oci-notary-action'].join('/')

describe('repository metadata', () => {
  it('package.json names one GitHub repository, with homepage and bugs under it', () => {
    expect(slug).toBeDefined()
    expect(pkg.repository.type).toBe('git')
    expect(pkg.homepage).toBe(`https://github.com/${slug}#readme`)
    expect(pkg.bugs.url).toBe(`https://github.com/${slug}/issues`)
    expect(pkg.author).not.toMatch(/OWNER|TODO|your name|example/i)
  })

  it('no placeholder slug is left in the files users read', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(md|ya?ml|ts|json)$/.test(f) && !f.startsWith('dist/'))
    for (const file of tracked) {
      if (file === 'package-lock.json') continue
      expect(read(file), file).not.toContain(PLACEHOLDER)
    }
  })

  it('every README `uses:` of this action names the canonical slug', () => {
    const uses = [...read('README.md').matchAll(/uses:\s*(\S*oci-notary-action\S*)/g)].map(
      (m) => m[1] as string,
    )
    expect(uses.length).toBeGreaterThanOrEqual(4)
    for (const u of uses) expect(u).toMatch(new RegExp(`^${slug}(/verify)?@v\\d+$`))
  })

  it('the README states the TSA/Public Trust root fingerprint the same way twice', () => {
    const readme = read('README.md')
    const hex = /`([0-9a-f]{64})`/.exec(readme.slice(readme.indexOf('## Trust material')))?.[1]
    const colons = /sha256 Fingerprint=([0-9A-F:]{95})/.exec(readme)?.[1]
    expect(hex).toBeDefined()
    expect(colons?.replace(/:/g, '').toLowerCase()).toBe(hex)
  })

  it('LICENSE is the Apache License 2.0 package.json declares', () => {
    expect(pkg.license).toBe('Apache-2.0')
    const license = read('LICENSE')
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/)
    expect(license).toContain('END OF TERMS AND CONDITIONS')
  })

  it('SECURITY.md sends reports to private advisories of this repository', () => {
    const security = read('SECURITY.md')
    expect(security).toContain(`https://github.com/${slug}/security/advisories/new`)
    expect(security).toMatch(/Supported versions/)
    expect(security).toMatch(/[Vv]erifier bypass/)
  })

  it('.gitattributes checks out LF on every OS; dist/ is generated and not diffed', () => {
    const attrs = (file: string): string =>
      execFileSync('git', ['check-attr', 'eol', 'diff', 'linguist-generated', '--', file], {
        cwd: root,
        encoding: 'utf8',
      })
    // check-dist compares dist/ byte for byte; a CRLF checkout on Windows would fail it.
    expect(attrs('dist/index.js')).toMatch(
      /eol: lf[\s\S]*diff: unset[\s\S]*linguist-generated: true/,
    )
    // The README and workflow tests split on \n.
    for (const file of ['README.md', 'action.yml', 'src/cli/main.ts'])
      expect(attrs(file), file).toMatch(/eol: lf/)
  })

  it('CODEOWNERS assigns every path', () => {
    expect(read('.github/CODEOWNERS')).toMatch(/^\* @[\w-]+\/[\w-]+$/m)
  })

  it('the version is stated once per file and agrees: package.json, src/version.ts, CHANGELOG', () => {
    expect(VERSION).toBe(pkg.version)
    const changelog = read('CHANGELOG.md')
    expect(changelog).toContain(`## [${pkg.version}] - `)
    expect(changelog).toContain(`https://github.com/${slug}/releases/tag/v${pkg.version}`)
  })
})

describe('scripts/release-notes.mjs (the release gate)', () => {
  const run = (version: string): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, ['scripts/release-notes.mjs', version], {
      cwd: root,
      encoding: 'utf8',
    })

  it('prints the CHANGELOG section of the package version, tag form accepted', () => {
    const result = run(`v${pkg.version}`)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('### Added')
    expect(result.stdout).not.toContain(`## [${pkg.version}]`)
    expect(result.stdout).not.toContain('[Unreleased]:')
  })

  it.each([
    ['a version package.json does not have', '99.0.0', /package\.json says/],
    ['a non-version', 'latest', /is not a version/],
  ])('refuses %s', (_what, version, message) => {
    const result = run(version)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(message)
  })
})
