import { describe, expect, it } from 'vitest'
import type { SignedManifest } from '../../../src/commands/types.js'
import type { ImageReport, SignatureJson, VerifyReport } from '../../../src/commands/verify.js'
import { ConfigError } from '../../../src/errors.js'
import {
  failureSummaryView,
  renderSummary,
  signSummaryView,
  verifySummaryView,
} from '../../../src/report/summary.js'

const D1 = `sha256:${'1'.repeat(64)}`
const D2 = `sha256:${'2'.repeat(64)}`
const SIG1 = `sha256:${'a'.repeat(64)}`
const SIG2 = `sha256:${'b'.repeat(64)}`
const SIGNER = 'C=US, ST=WA, L=Seattle, O=Octo Org, CN=release signer'

function signed(digest: string, repository: string, signatureDigest: string): SignedManifest {
  return {
    reference: `${repository}:v1`,
    repository,
    digest,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    size: 100,
    signatureDigest,
    referrersMode: 'api',
    signer: SIGNER,
    trustAnchors: {},
    timestamp: '2026-12-03T06:00:00.000Z',
    envelopeMediaType: 'application/cose',
  }
}

const check = (type: string, status = 'passed', action = 'enforce') => ({
  type,
  action,
  status,
  message: `${type} ${status}`,
})

function signature(digest: string, verdict: 'passed' | 'failed', error?: string): SignatureJson {
  return {
    digest,
    verdict,
    signer: SIGNER,
    checks: [
      check('integrity'),
      check('authenticity', verdict === 'passed' ? 'passed' : 'failed'),
      check('authenticTimestamp'),
      check('expiry'),
      check('revocation', 'skipped', 'log'),
    ],
    warnings: [],
    notes: [],
    ...(error ? { error } : {}),
  }
}

function image(reference: string, digest: string, sigs: SignatureJson[]): ImageReport {
  const verified = sigs.some((s) => s.verdict === 'passed')
  const failed = sigs.find((s) => s.error)
  return {
    reference,
    repository: reference.split('@')[0] as string,
    digest,
    policy: 'release',
    level: 'strict',
    verified,
    signatures: sigs,
    ...(verified ? {} : { error: failed?.error ?? 'no signature' }),
  }
}

/** The first table of the summary: rows between the header and the first blank line. */
function mainRows(markdown: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => l.startsWith('|  | Image | Result |'))
  const rows: string[] = []
  for (let i = start + 2; i < lines.length && lines[i]?.startsWith('|'); i++)
    rows.push(lines[i] as string)
  return rows
}

/**
 * What sets a table's width on the page: its longest run of text without a break opportunity
 * (a space or a <br>). Causes wrap; a digest does not.
 */
const widestToken = (row: string): number =>
  Math.max(
    ...row
      .replace(/<br>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&#?\w+;/g, 'x')
      .split(/[\s|]+/)
      .map((t) => t.length),
  )

describe('sign summary', () => {
  const two = [signed(D1, 'ghcr.io/octo/app', SIG1), signed(D2, 'ghcr.io/octo/tool', SIG2)]

  it('success: one ✅ row per image with the full digest, signer in the trust-policy spelling', () => {
    const verification: VerifyReport = {
      verified: true,
      images: [
        image(`ghcr.io/octo/app@${D1}`, D1, [signature(SIG1, 'passed')]),
        image(`ghcr.io/octo/tool@${D2}`, D2, [signature(SIG2, 'passed')]),
      ],
    }
    const md = renderSummary(
      signSummaryView({
        signed: two,
        verification,
        timings: { sign: 12 },
        hint: 'notation verify x',
      }),
    )
    expect(md).toContain('### Notary signatures')
    expect(md).toContain('✅ 2 images signed and verified')
    const rows = mainRows(md)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toBe(
      `| ✅ | ghcr.io/octo/app<br><code>${D1}</code> | signed, timestamped, verified (policy "release", strict) |`,
    )
    expect(md).toContain(`<code>${SIG1}</code> (Referrers API)`)
    expect(md).toContain(`signer <code>${SIGNER}</code>`)
    expect(md).not.toMatch(/CN=release signer,O=/)
    expect(md).toContain(
      '| Image | Sig. | Integrity | Authenticity | Timestamp | Expiry | Revocation | Verdict |',
    )
    expect(md).toContain('| ghcr.io/octo/app | #1 | ✅ | ✅ | ✅ | ✅ | ➖ log | ✅ |')
    expect(md).toContain('<details><summary>Checks per signature</summary>')
    expect(md).toContain('```sh\nnotation verify x\n```')
    expect(md).toContain('Timings: sign 12 ms')
    expect(md).not.toContain('…</code>')
  })

  it('failure: the failed image gets ❌ and a one-line cause; details open with the full text', () => {
    const long = `[AUTHENTICITY] signature is not produced by a trusted signer: ${'reason '.repeat(60)}end`
    const verification: VerifyReport = {
      verified: false,
      images: [
        image(`ghcr.io/octo/app@${D1}`, D1, [signature(SIG1, 'passed')]),
        image(`ghcr.io/octo/tool@${D2}`, D2, [signature(SIG2, 'failed', long)]),
      ],
    }
    const md = renderSummary(signSummaryView({ signed: two, verification }))
    expect(md).toContain('❌ 1 of 2 images not verified after signing')
    const rows = mainRows(md)
    expect(rows[0]?.startsWith('| ✅ |')).toBe(true)
    expect(rows[1]?.startsWith('| ❌ | ghcr.io/octo/tool<br><code>' + D2 + '</code> |')).toBe(true)
    expect(rows[1]).toContain(
      'signed, but not verified: [AUTHENTICITY] signature is not produced by a trusted signer',
    )
    expect(rows[1]).toMatch(/…\s\|$/)
    expect(rows[1]).not.toContain('end |')
    expect(md).toContain('<details open><summary>Why not verified</summary>')
    expect(md).toContain(`${'reason '.repeat(60)}end`)
    expect(md).toContain('<details open><summary>Checks per signature</summary>')
    expect(md).not.toContain('Verify it yourself')
    for (const row of rows) expect(widestToken(row)).toBeLessThanOrEqual(80)
    expect(rows[1]?.split(' | ')[2]?.length).toBeLessThanOrEqual(242)
  })

  it('without verification says the signatures were not read back', () => {
    const md = renderSummary(signSummaryView({ signed: two }))
    expect(md).toContain('✅ 2 images signed (no trust-policy: not read back)')
    expect(mainRows(md)[0]).toContain('| signed, timestamped |')
    expect(md).not.toContain('Checks per signature')
  })

  it('escapes registry- and user-supplied strings', () => {
    const evil = signed(D1, 'reg.example/<img src=x onerror=alert(1)>|`x`', SIG1)
    evil.signer = 'C=US, ST=WA, O=<b>Evil</b> | *bold*'
    const md = renderSummary(signSummaryView({ signed: [evil] }))
    expect(md).not.toContain('<img')
    expect(md).not.toContain('<b>')
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;&#124;&#96;x&#96;')
    expect(mainRows(md)[0]?.split(' | ')).toHaveLength(3)
  })
})

describe('sign summary with skip-if-signed and Artifact Signing', () => {
  it('a skipped image gets ⏭️ and its reason; the api-version is a footer line', () => {
    const skipped = {
      ...signed(D2, 'ghcr.io/octo/tool', SIG2),
      skipped: { reason: `signature ${SIG2} verifies under trust policy "release"` },
    }
    const verification: VerifyReport = {
      verified: true,
      images: [image(`ghcr.io/octo/app@${D1}`, D1, [signature(SIG1, 'passed')])],
    }
    const md = renderSummary(
      signSummaryView({
        signed: [signed(D1, 'ghcr.io/octo/app', SIG1), skipped],
        verification,
        signer: { description: 'artifact signing', artifactSigningApiVersion: '2024-06-15' },
      }),
    )
    expect(md).toContain(
      '✅ 1 image signed and verified; 1 already signed, skipped (skip-if-signed)',
    )
    expect(mainRows(md)[1]).toBe(
      `| ⏭️ | ghcr.io/octo/tool<br><code>${D2}</code> | already signed, nothing was pushed (skip-if-signed): signature ${SIG2} verifies under trust policy "release" |`,
    )
    expect(md).toContain(`existing signature manifest <code>${SIG2}</code>`)
    expect(md).toContain('Artifact Signing api-version `2024-06-15`.')
  })
})

describe('verify summary', () => {
  it('reports each image, and the per-signature table has an Image column', () => {
    const report: VerifyReport = {
      verified: false,
      images: [
        image(`ghcr.io/octo/app@${D1}`, D1, [
          signature(SIG2, 'failed', '[AUTHENTICITY] untrusted'),
          signature(SIG1, 'passed'),
        ]),
        {
          reference: 'ghcr.io/octo/missing:v1',
          repository: 'ghcr.io/octo/missing',
          verified: false,
          signatures: [],
          error: '[REGISTRY_NOT_FOUND] ghcr.io/octo/missing:v1 was not found',
        },
      ],
    }
    const md = renderSummary(verifySummaryView(report))
    expect(md).toContain('❌ 1 of 2 images not verified')
    const rows = mainRows(md)
    expect(rows).toEqual([
      `| ✅ | ghcr.io/octo/app@${D1}<br><code>${D1}</code> | verified (policy "release", strict) |`,
      '| ❌ | ghcr.io/octo/missing:v1 | [REGISTRY_NOT_FOUND] ghcr.io/octo/missing:v1 was not found |',
    ])
    expect(md).toContain(`| ghcr.io/octo/app | #1 | ✅ | ❌ |`)
    expect(md).toContain(`| ghcr.io/octo/app | #2 | ✅ | ✅ |`)
    expect(md).toContain(
      `#1 <code>${SIG2}</code> by <code>${SIGNER}</code>, failed: [AUTHENTICITY] untrusted`,
    )
  })
})

describe('failure before anything ran', () => {
  it('says why, per image, with the remedy, for a configuration error', () => {
    const err = new ConfigError('INPUT_MISSING', 'input signing-key is required', {
      remedy: 'set signing-key to a PEM key',
    })
    const md = renderSummary(
      failureSummaryView({ action: 'sign', images: ['ghcr.io/octo/app:v1'], error: err }),
    )
    expect(md).toContain('### Notary signatures')
    expect(md).toContain('❌ nothing signed: [INPUT_MISSING] input signing-key is required')
    expect(mainRows(md)).toEqual([
      '| ❌ | ghcr.io/octo/app:v1 | not signed: [INPUT_MISSING] input signing-key is required |',
    ])
    expect(md).toContain('<details open><summary>Error</summary>')
    expect(md).toContain('remedy: set signing-key to a PEM key')
  })

  it('renders the cause chain for an error with causes, and no table without images', () => {
    const err = new Error('token request failed', { cause: new Error('AADSTS700016: app <x>') })
    const md = renderSummary(failureSummaryView({ action: 'verify', images: [], error: err }))
    expect(md).toContain('### Notary verification')
    expect(md).toContain('❌ nothing verified: token request failed')
    expect(md).toContain('caused by: AADSTS700016: app &lt;x&gt;')
    expect(md).not.toContain('| Image |')
  })

  it('the one-line cause joins what failed and the innermost reason', () => {
    const err = new ConfigError('INPUT_INVALID', 'timestamping failed', {
      cause: new Error('wrapped', { cause: new Error('no path to a trusted TSA root') }),
    })
    const md = renderSummary(
      failureSummaryView({ action: 'sign', images: ['r.example/a:v1'], error: err }),
    )
    expect(mainRows(md)).toEqual([
      '| ❌ | r.example/a:v1 | not signed: [INPUT_INVALID] timestamping failed: no path to a trusted TSA root |',
    ])
  })
})
