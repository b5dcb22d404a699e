/**
 * action.yml, verify/action.yml, the parser's input lists and the README tables describe the same
 * interface: an input added in one place and not the others fails here.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseSignConfig, parseVerifyConfig } from '../../../src/config/config.js'
import {
  INPUT_DEFAULTS,
  SIGN_INPUTS,
  VERIFY_INPUTS,
  type RawInputs,
} from '../../../src/config/inputs.js'

const root = (p: string): string => fileURLToPath(new URL(`../../../${p}`, import.meta.url))
interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: unknown }>
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
      'verification-hint',
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

/** The Default column of the README's input table (not the outputs table), by input name. */
function readmeDefaults(): Map<string, string> {
  const rows = new Map<string, string>()
  const start = readme.indexOf('## Inputs')
  const inputs = readme.slice(start, readme.indexOf('\n## ', start + 1))
  for (const m of inputs.matchAll(/^\| `([a-z-]+)`\s*\|\s*([^|]*?)\s*\|/gm))
    rows.set(m[1] as string, (m[2] as string).trim())
  return rows
}

describe('static defaults', () => {
  const declared = (file: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(load(file).inputs)
        .filter(([, input]) => input.default !== undefined)
        .map(([name, input]) => [name, String(input.default)]),
    )

  it.each([
    ['action.yml', SIGN_INPUTS],
    ['verify/action.yml', VERIFY_INPUTS],
  ] as const)('%s declares exactly the parser defaults under default:', (file, inputs) => {
    const expected = Object.fromEntries(
      Object.entries(INPUT_DEFAULTS).filter(([name]) =>
        (inputs as readonly string[]).includes(name),
      ),
    )
    expect(declared(file)).toEqual(expected)
  })

  it('the documented static defaults are among them', () => {
    expect(INPUT_DEFAULTS).toMatchObject({
      'artifact-signing-api-version': expect.stringMatching(/^\d{4}-\d{2}-\d{2}(-preview)?$/),
      'artifact-signing-timeout': expect.stringMatching(/^\d+[smh]$/),
      'max-signatures': expect.stringMatching(/^\d+$/),
      concurrency: expect.stringMatching(/^\d+$/),
    })
  })

  it('the README Default column shows each of them', () => {
    const rows = readmeDefaults()
    for (const [name, value] of Object.entries(INPUT_DEFAULTS))
      expect(rows.get(name), name).toBe(`\`${value}\``)
  })

  const blank = <N extends string>(names: readonly N[]): RawInputs<N> =>
    Object.fromEntries(names.map((n) => [n, ''])) as RawInputs<N>
  const withDefaults = <N extends string>(raw: RawInputs<N>, file: string): RawInputs<N> => {
    const out = { ...raw }
    for (const [name, value] of Object.entries(declared(file)))
      if (out[name as N] === '') out[name as N] = value
    return out
  }

  it.each([
    [
      'Artifact Signing',
      {
        'artifact-signing-endpoint': 'https://eus.codesigning.azure.net',
        'artifact-signing-account': 'acct',
        'artifact-signing-certificate-profile': 'profile',
      },
    ],
    // The runner fills in artifact-signing-* defaults here too: they must not count as "set".
    ['a local key', { 'signing-key': 'key.pem', 'signing-certificate-chain': 'chain.pem' }],
  ])('sign with %s: the runner-filled defaults parse as the CLI unset inputs do', (_s, given) => {
    const raw = {
      ...blank(SIGN_INPUTS),
      images: 'r.example/app:v1',
      'trust-policy': 'p.json',
      ...given,
    }
    expect(parseSignConfig(withDefaults(raw, 'action.yml'))).toEqual(parseSignConfig(raw))
  })

  it('verify: the runner-filled defaults parse as unset inputs do', () => {
    const raw = { ...blank(VERIFY_INPUTS), images: 'r.example/app:v1', 'trust-policy': 'p.json' }
    expect(parseVerifyConfig(withDefaults(raw, 'verify/action.yml'))).toEqual(
      parseVerifyConfig(raw),
    )
  })
})
