/**
 * action.yml, verify/action.yml, the parser's input lists and the README tables describe the same
 * interface: an input added in one place and not the others fails here.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SIGN_INPUTS, VERIFY_INPUTS } from '../../../src/config/inputs.js'

const root = (p: string): string => fileURLToPath(new URL(`../../../${p}`, import.meta.url))
interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const load = (p: string): ActionYml => parse(readFileSync(root(p), 'utf8')) as ActionYml
const readme = readFileSync(root('README.md'), 'utf8')

describe.each([
  [
    'action.yml',
    SIGN_INPUTS,
    [
      'digest',
      'signature-digest',
      'signatures',
      'artifact-signing-api-version',
      'verified',
      'verification',
    ],
  ],
  ['verify/action.yml', VERIFY_INPUTS, ['verified', 'verification']],
] as const)('%s', (file, inputs, outputs) => {
  const action = load(file)
  it('declares exactly the inputs the parser reads, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...inputs].sort())
    for (const [name, input] of Object.entries(action.inputs))
      expect(input.description.length, name).toBeGreaterThan(20)
  })
  it('declares its outputs', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...outputs].sort())
  })
  it('runs the committed bundle on node24', () => {
    expect(action.runs.using).toBe('node24')
    expect(existsSync(root(file.replace('action.yml', '') + action.runs.main))).toBe(true)
  })
  it('every input and output is in the README', () => {
    for (const name of [...Object.keys(action.inputs), ...outputs])
      expect(readme, name).toContain(`\`${name}\``)
  })
})
