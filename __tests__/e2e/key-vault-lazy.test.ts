/**
 * The Key Vault signer is loaded on first use only: no bundle entry reaches its chunk through
 * static imports, so local-key and verify-only runs never load it (nor @azure/identity).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

/** Every file reached from `entry` through static `import … from "./…"` / `import "./…"`. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["']/gm)) {
      visit(join(dirname(file), m[1] as string))
    }
  }
  visit(join(DIST, entry))
  return seen
}

describe('lazy loading of the Key Vault signer', () => {
  const chunk = readdirSync(join(DIST, 'chunks')).find((f) => f.startsWith('key-vault-signer-'))

  it('has its own chunk, loaded by a dynamic import', () => {
    expect(chunk).toBeDefined()
    const dynamic = readdirSync(join(DIST, 'chunks')).some((f) =>
      readFileSync(join(DIST, 'chunks', f), 'utf8').includes(`import("./${chunk as string}")`),
    )
    expect(dynamic).toBe(true)
  })

  it.each(['index.js', 'verify.js', 'cli.js'])('%s does not load it statically', (entry) => {
    const files = [...staticClosure(entry)]
    expect(files.length).toBeGreaterThan(1)
    expect(files.map((f) => f.slice(DIST.length))).not.toContain(`chunks/${chunk as string}`)
    // Not inlined either: the Key Vault client's role names live only in that chunk.
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain('Key Vault Crypto User')
  })
})
