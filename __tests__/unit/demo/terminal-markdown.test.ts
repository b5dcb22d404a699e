import { describe, expect, it } from 'vitest'
import { displayWidth, renderMarkdownForTerminal } from '../../../demo/terminal-markdown.js'
import { workflowStep } from '../../../demo/workflow-yaml.js'
import type { SignedManifest } from '../../../src/commands/types.js'
import { renderSummary, signSummaryView } from '../../../src/report/summary.js'

const DIGEST = `sha256:${'4'.repeat(64)}`
const signed: SignedManifest = {
  reference: 'reg.example/app:v1',
  repository: 'reg.example/app',
  digest: DIGEST,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  size: 1,
  signatureDigest: `sha256:${'5'.repeat(64)}`,
  referrersMode: 'api',
  signer: 'C=US, ST=WA, O=A&B <Co>, CN=x',
  trustAnchors: {},
  envelopeMediaType: 'application/cose',
}

describe('the demo renders the job summary as GitHub shows it', () => {
  const md = renderSummary(signSummaryView({ signed: [signed], hint: 'notation verify x' }))

  it('draws the table with aligned columns and no Markdown or HTML left', () => {
    const text = renderMarkdownForTerminal(md)
    const table = text.split('\n').filter((l) => /^[┌│├└]/.test(l))
    expect(table.length).toBeGreaterThanOrEqual(5)
    expect(new Set(table.map(displayWidth)).size).toBe(1)
    expect(text).toContain(`│    │ ${DIGEST} │`)
    expect(text).not.toMatch(/<\/?(code|br|details|summary)>|&#?\w+;|\| --- \|/)
    expect(text).toContain('Notary signatures')
  })

  it('collapses <details> to their title unless expanded', () => {
    const collapsed = renderMarkdownForTerminal(md)
    expect(collapsed).toContain('▸ Signatures\n▸ Verify it yourself (notation)')
    expect(collapsed).not.toContain('notation verify x')
    const expanded = renderMarkdownForTerminal(md, { expandAll: true })
    expect(expanded).toContain('▾ Signatures')
    expect(expanded).toContain('notation verify x')
    expect(expanded).toContain('signer C=US, ST=WA, O=A&B <Co>, CN=x')
  })
})

describe('workflowStep', () => {
  it('writes uses/with, secrets as secret references, multi-line values as block scalars', () => {
    expect(
      workflowStep('Sign', 'o/a@v1', {
        images: 'r.example/app:v1',
        'registry-password': 'hunter2-secret',
        'trust-store': 'ca:x: [/a.pem]\ntsa:y: [/b.pem]',
        'user-metadata': 'k=v',
        concurrency: '4',
      }),
    ).toBe(
      [
        '- name: Sign',
        '  uses: o/a@v1',
        '  with:',
        '    images: r.example/app:v1',
        '    registry-password: ${{ secrets.REGISTRY_PASSWORD }}',
        '    trust-store: |',
        '      ca:x: [/a.pem]',
        '      tsa:y: [/b.pem]',
        '    user-metadata: k=v',
        '    concurrency: "4"',
      ].join('\n'),
    )
  })
})
