/**
 * What the committed bundles load before their first line runs (their static import closure):
 * the action entries must not compile pkijs, yaml or the Azure SDK at start-up (issue 10: JS
 * before the first request). They are still in dist/, in chunks loaded by `import()` when a run
 * needs them. Modules are recognised by the `// …node_modules/<package>/…` comments esbuild writes.
 */
import { readFile, readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

/** Files `entry` imports statically, transitively (`import()` chunks are not followed). */
async function staticClosure(entry: string): Promise<string[]> {
  const seen = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    const text = await readFile(file, 'utf8')
    for (const m of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    ))
      queue.push(join(dirname(file), m[1] as string))
  }
  return [...seen]
}

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
      const eager = await packagesIn(await staticClosure(join(DIST, entry)))
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
