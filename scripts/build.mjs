// One esbuild run: self-contained ESM bundles dist/index.js (sign action), dist/verify.js
// (verify-only action) and dist/cli.js, with shared code in dist/chunks/. They run with no
// node_modules, on Node 22 and later (the actions on node24). Output is deterministic, so check-dist can compare bytes.
import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

const outdir = process.argv[2] ?? 'dist'
rmSync(outdir, { recursive: true, force: true })
mkdirSync(outdir, { recursive: true })

const result = await build({
  entryPoints: {
    index: 'src/action/sign-entry.ts',
    verify: 'src/action/verify-entry.ts',
    cli: 'src/cli/main.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // CommonJS dependencies call require(); give ESM bundles one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
})

// Third-party licences of everything bundled, in one file.
const packages = new Map()
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
  if (!m) continue
  const root = input.slice(0, input.indexOf(m[1]) + m[1].length)
  if (!packages.has(m[1])) packages.set(m[1], root)
}
const lines = []
for (const [name, root] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  lines.push(`${name}@${pkg.version}`, `license: ${pkg.license ?? 'unknown'}`)
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE']) {
    if (existsSync(join(root, f))) {
      lines.push(readFileSync(join(root, f), 'utf8').trim())
      break
    }
  }
  lines.push('-----')
}
writeFileSync(join(outdir, 'licenses.txt'), lines.join('\n') + '\n')
writeFileSync(join(outdir, 'package.json'), JSON.stringify({ type: 'module' }) + '\n')
void dirname
