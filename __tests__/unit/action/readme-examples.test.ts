/**
 * The README's workflow examples are what users copy: each must be valid YAML, every `with:` key of
 * a step using this action must be an input of that action, and an example that signs in to Azure
 * must grant `id-token: write` (an audit found an example that did not parse, and one that could
 * not authenticate).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = (p: string): string => fileURLToPath(new URL(`../../../${p}`, import.meta.url))
const readme = readFileSync(root('README.md'), 'utf8')
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string)
const inputsOf = (file: string): string[] =>
  Object.keys((parse(readFileSync(root(file), 'utf8')) as { inputs: object }).inputs)
const INPUTS = { sign: inputsOf('action.yml'), verify: inputsOf('verify/action.yml') }

interface Step {
  uses?: string
  with?: Record<string, unknown>
}

/** Every object with a `uses:` naming this action, anywhere in the document. */
function ourSteps(node: unknown, found: Step[] = []): Step[] {
  if (Array.isArray(node)) for (const n of node) ourSteps(n, found)
  else if (node !== null && typeof node === 'object') {
    const step = node as Step
    if (typeof step.uses === 'string' && /oci-notary-action(\/verify)?@/.test(step.uses)) {
      found.push(step)
    }
    for (const value of Object.values(node)) ourSteps(value, found)
  }
  return found
}

describe('README workflow examples', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4)
  })

  it.each(blocks.map((b, i) => [i + 1, b] as const))('example %i is valid YAML', (_i, block) => {
    expect(() => parse(block)).not.toThrow()
  })

  it.each(blocks.map((b, i) => [i + 1, b] as const))(
    'example %i uses only inputs the action has, and id-token: write where it signs in to Azure',
    (_i, block) => {
      const document = parse(block) as unknown
      for (const step of ourSteps(document)) {
        const kind = (step.uses as string).includes('/verify@') ? 'verify' : 'sign'
        for (const key of Object.keys(step.with ?? {})) expect(INPUTS[kind]).toContain(key)
        const azure = Object.keys(step.with ?? {}).some((k) =>
          /^(azure-client-id|artifact-signing-)/.test(k),
        )
        if (azure) expect(block).toMatch(/id-token:\s*write/)
      }
    },
  )
})
