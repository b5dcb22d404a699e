/**
 * What a bundled entry loads before it runs: the files it imports statically, transitively
 * (`import()` chunks are lazy and not followed). Read by the bench (eager JS) and the start-up
 * test (no pkijs, yaml or @azure/* before the first line).
 */
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export async function staticImportClosure(entry: string): Promise<string[]> {
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
