/**
 * The verification hint printed after signing is fed back, as the text a consumer would paste:
 * its trust material and trust policy, laid out as a notation trust store, verify the signature
 * just pushed to the real registry (real TSA token) with our verifier, and trust nothing else.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSignJob, runVerifyJob } from '../../../src/commands/jobs.js'
import type { RuntimeEnv } from '../../../src/commands/deps.js'
import type { SignedManifest } from '../../../src/commands/types.js'
import { parseSignConfig, parseVerifyConfig } from '../../../src/config/config.js'
import { SIGN_INPUTS, VERIFY_INPUTS, readRawInputs } from '../../../src/config/inputs.js'
import { silentLogger } from '../../../src/log.js'
import {
  HINT_STORE_NAME,
  renderVerificationHint,
  verificationHint,
} from '../../../src/report/verification-hint.js'
import { trustAnchorOf } from '../../../src/x509/anchor.js'
import { pemToCertificates } from '../../../src/x509/pem.js'
import { pushTestImage } from '../../../testbed/image.js'
import { createCodeSigningPki, type CodeSigningPki } from '../../../testbed/pki.js'
import type { RegistryHandle } from '../../../testbed/registry.js'
import { testbed } from '../../helpers/testbed.js'

const runtime: RuntimeEnv = { logger: silentLogger, env: process.env, mask: () => undefined }
const SUBJECT = 'C=US, ST=WA, L=Seattle, O=Octo Org, CN=hint signer'
let work: string
let pki: CodeSigningPki

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'hint-'))
  pki = await createCodeSigningPki({ keyKind: 'ec256', leafSubject: SUBJECT })
})
afterAll(async () => rm(work, { recursive: true, force: true }))

const registry = (): RegistryHandle =>
  ({ ...testbed().registries.plain, stateDir: '', stop: async () => {} }) as RegistryHandle

async function sign(image: string, keyPem: string, chainPem: string): Promise<SignedManifest[]> {
  const values: Record<string, string> = {
    images: image,
    'signing-key': keyPem,
    'signing-certificate-chain': chainPem,
    'timestamp-url': testbed().tsa.url,
    'timestamp-root-certificate': testbed().tsa.rootPem,
    'show-summary': 'false',
  }
  const config = parseSignConfig(readRawInputs(SIGN_INPUTS, (n) => values[n] ?? ''))
  return (await runSignJob(config, runtime)).signed
}

/** Pulls `cat > FILE <<'TAG' … TAG` blocks out of the script, as a shell would write them. */
function heredocs(script: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const m of script.matchAll(/^cat > (\S+) <<'(\w+)'\n([\s\S]*?)\n\2$/gm))
    files.set(m[1] as string, `${m[3] as string}\n`)
  return files
}

/** Does what the script's `notation cert add` lines do, into a trust-store directory. */
async function storeFromScript(script: string, files: Map<string, string>): Promise<string> {
  const dir = await mkdtemp(join(work, 'truststore-'))
  for (const m of script.matchAll(/^notation cert add --type (\w+) --store (\S+) (\S+)/gm)) {
    const [, type, store, file] = m as unknown as [string, string, string, string]
    await mkdir(join(dir, 'x509', type, store), { recursive: true })
    await writeFile(join(dir, 'x509', type, store, file), files.get(file) as string)
  }
  return dir
}

async function verify(image: string, policy: string, store: string) {
  const values: Record<string, string> = {
    images: image,
    'trust-policy': policy,
    'trust-store': store,
    'show-summary': 'false',
  }
  return runVerifyJob(
    parseVerifyConfig(readRawInputs(VERIFY_INPUTS, (n) => values[n] ?? '')),
    runtime,
  )
}

describe('verification hint', () => {
  it('names a TSA root the tokens do not carry instead of embedding it', async () => {
    const image = await pushTestImage(registry(), 'hint/no-tsa-root', 'v1', 'hint no tsa root')
    const signed = await sign(image.reference, pki.leaf.privateKeyPem, pki.chainPem)
    const script = renderVerificationHint(verificationHint(signed)!)
    expect([...heredocs(script).keys()].sort()).toEqual(['signing-root.pem', 'trustpolicy.json'])
    const tsaSubject = trustAnchorOf(pemToCertificates(testbed().tsa.rootPem))?.subject
    expect(script).toContain(`# tsa root: "${tsaSubject}" (not in the signature`)
    expect(script).toMatch(/^notation cert add --type tsa --store oci-notary tsa-root\.pem/m)
  })

  it('is a script whose trust material and policy verify the signature just pushed', async () => {
    const image = await pushTestImage(registry(), 'hint/app', 'v1', 'hint round trip')
    const signed = await sign(image.reference, pki.leaf.privateKeyPem, pki.chainPem)
    const timestampRoot = trustAnchorOf(pemToCertificates(testbed().tsa.rootPem))
    const hint = verificationHint(signed, timestampRoot ? { timestampRoot } : {})
    expect(hint).toBeDefined()
    const script = renderVerificationHint(hint!)
    const files = heredocs(script)
    expect([...files.keys()].sort()).toEqual([
      'signing-root.pem',
      'trustpolicy.json',
      'tsa-root.pem',
    ])
    expect(files.get('signing-root.pem')).toBe(pki.root.pem.trimEnd() + '\n')
    const policy = JSON.parse(files.get('trustpolicy.json') as string)
    expect(policy.trustPolicies[0]).toEqual({
      name: 'oci-notary-signed',
      registryScopes: [`${registry().host}/hint/app`],
      signatureVerification: { level: 'strict' },
      trustStores: [`ca:${HINT_STORE_NAME}`, `tsa:${HINT_STORE_NAME}`],
      trustedIdentities: [`x509.subject: ${SUBJECT}`],
    })
    const command = /^notation verify (\S+)$/m.exec(script)?.[1]
    expect(command).toBe(`${registry().host}/hint/app@${image.digest}`)

    const store = await storeFromScript(script, files)
    const report = await verify(command as string, files.get('trustpolicy.json') as string, store)
    expect(report.images[0]?.error).toBeUndefined()
    expect(report.verified).toBe(true)
    expect(report.images[0]?.signatures[0]?.checks).toContainEqual(
      expect.objectContaining({ type: 'authenticTimestamp', status: 'passed' }),
    )
  })

  it('trusts only the signer it names: another leaf under the same root is refused', async () => {
    const other = await createCodeSigningPki({
      keyKind: 'ec256',
      leafSubject: 'C=US, ST=WA, O=Someone Else, CN=other',
      root: pki.root as CodeSigningPki['root'] & { kind: 'ec384' },
    })
    const image = await pushTestImage(registry(), 'hint/other', 'v1', 'hint other signer')
    const mine = await pushTestImage(registry(), 'hint/other', 'v2', 'hint my signer')
    await sign(image.reference, other.leaf.privateKeyPem, other.chainPem)
    const signed = await sign(mine.reference, pki.leaf.privateKeyPem, pki.chainPem)
    const timestampRoot = trustAnchorOf(pemToCertificates(testbed().tsa.rootPem))
    const script = renderVerificationHint(verificationHint(signed, { timestampRoot })!)
    const files = heredocs(script)
    const store = await storeFromScript(script, files)
    const policy = files.get('trustpolicy.json') as string
    const report = await verify(`${registry().host}/hint/other@${image.digest}`, policy, store)
    expect(report.verified).toBe(false)
    expect(report.images[0]?.signatures[0]?.error).toMatch(/trusted identit/i)
  })
})
