import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isInlinePolicy, loadTrustPolicy } from '../../../src/verify/load-policy.js'
import { policyJson, statement } from '../../helpers/verify-policy.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'verify-policy-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('loadTrustPolicy', () => {
  it('tells inline text from a path', () => {
    expect(isInlinePolicy('{"version":"1.0"}')).toBe(true)
    expect(isInlinePolicy('version: "1.0"\ntrustPolicies: []')).toBe(true)
    expect(isInlinePolicy('./trustpolicy.json')).toBe(false)
  })

  it('reads inline JSON', async () => {
    const r = await loadTrustPolicy(policyJson())
    expect(r.source).toBe('inline')
    expect(r.document.trustPolicies[0]?.name).toBe('app')
  })

  it('reads a file relative to the base directory', async () => {
    await writeFile(
      path.join(dir, 'policy.yaml'),
      `version: "1.0"\ntrustPolicies:\n  - ${JSON.stringify(statement())}\n`,
    )
    const r = await loadTrustPolicy('policy.yaml', { baseDir: dir })
    expect(r.source).toBe(path.join(dir, 'policy.yaml'))
  })

  it('reads a notation config directory, preferring trustpolicy.oci.json', async () => {
    const cfg = path.join(dir, 'notation')
    await mkdir(cfg)
    await writeFile(path.join(cfg, 'trustpolicy.json'), policyJson(statement({ name: 'old' })))
    expect((await loadTrustPolicy(cfg)).document.trustPolicies[0]?.name).toBe('old')
    await writeFile(path.join(cfg, 'trustpolicy.oci.json'), policyJson(statement({ name: 'oci' })))
    expect((await loadTrustPolicy(cfg)).document.trustPolicies[0]?.name).toBe('oci')
  })

  it('refuses symlinks, directories without a policy, missing files and empty input', async () => {
    await writeFile(path.join(dir, 'real.json'), policyJson())
    await symlink(path.join(dir, 'real.json'), path.join(dir, 'link.json'))
    await expect(loadTrustPolicy(path.join(dir, 'link.json'))).rejects.toMatchObject({
      code: 'POLICY_UNREADABLE',
      message: expect.stringContaining('is not a regular file (symlinks are not supported)'),
    })
    await mkdir(path.join(dir, 'nothing'))
    await expect(loadTrustPolicy(path.join(dir, 'nothing'))).rejects.toMatchObject({
      code: 'POLICY_UNREADABLE',
    })
    await expect(loadTrustPolicy(path.join(dir, 'absent.json'))).rejects.toMatchObject({
      code: 'POLICY_UNREADABLE',
    })
    await expect(loadTrustPolicy('  ')).rejects.toMatchObject({ code: 'POLICY_UNREADABLE' })
  })

  // Issue 11 item 8: a file named .json is JSON as notation reads it, never YAML.
  it('a .json file is strict JSON: YAML content, a trailing comma or a BOM fail; .yaml is YAML', async () => {
    const yamlText = 'version: "1.0"\ntrustPolicies:\n  - name: app\n'
    const good = policyJson()
    for (const [name, text] of [
      ['yaml-in.json', yamlText],
      ['comma.json', good.replace(/\}$/, ',}')],
      ['bom.json', `\uFEFF${good}`],
    ] as const) {
      await writeFile(path.join(dir, name), text)
      await expect(loadTrustPolicy(path.join(dir, name))).rejects.toMatchObject({
        code: 'POLICY_INVALID',
        message: expect.stringContaining('not valid JSON:'),
      })
    }
    // The same statement as YAML in a .yaml file loads (JSON text is YAML too).
    await writeFile(path.join(dir, 'policy.yaml'), good)
    expect(
      (await loadTrustPolicy(path.join(dir, 'policy.yaml'))).document.trustPolicies,
    ).toHaveLength(1)
  })

  it('passes validation errors through with the file as source', async () => {
    await writeFile(path.join(dir, 'bad.json'), policyJson(statement({ registryScopes: ['nope'] })))
    await expect(loadTrustPolicy(path.join(dir, 'bad.json'))).rejects.toMatchObject({
      code: 'POLICY_INVALID',
      message: expect.stringContaining(`${path.join(dir, 'bad.json')} is invalid`),
    })
  })
})
