/**
 * What the committed bundles load before their first line runs (their static import closure):
 * the action entries must not compile pkijs, yaml or the Azure SDK at start-up (issue 10: JS
 * before the first request). They are still in dist/, in chunks loaded by `import()` when a run
 * needs them. Modules are recognised by the `// …node_modules/<package>/…` comments esbuild writes.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { staticImportClosure } from '../../testbed/dist-closure.js'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

async function packagesIn(files: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (const file of files) {
    for (const m of (await readFile(file, 'utf8')).matchAll(
      /^\/\/ \S*?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm,
    ))
      found.add(m[1] as string)
  }
  return found
}

describe('dist/ start-up closure', () => {
  for (const entry of ['index.js', 'verify.js']) {
    it(`${entry} loads neither pkijs, yaml nor @azure/* before it runs`, async () => {
      const eager = await packagesIn(await staticImportClosure(join(DIST, entry)))
      expect(eager.has('undici')).toBe(true) // the detection works: the HTTP client is eager
      expect([...eager].filter((p) => /^(pkijs|yaml|@azure\/)/.test(p))).toEqual([])
    })
  }

  it('the lazily loaded chunks still hold them', async () => {
    const chunks = (await readdir(join(DIST, 'chunks'))).map((f) => join(DIST, 'chunks', f))
    const all = await packagesIn(chunks)
    for (const p of ['pkijs', 'yaml', '@azure/identity']) expect(all.has(p), p).toBe(true)
  })
})
