/**
 * The job summary as a pure render: plain rows in, Markdown/HTML table text out. Nothing secret
 * can reach it because the view models have no field for secrets; registry-supplied strings are
 * escaped.
 */
import type { SignedManifest } from '../commands/types.js'

export function escapeCell(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/\r?\n/g, ' ')
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n')
}

const short = (digest: string): string => (digest.length > 19 ? `${digest.slice(0, 19)}…` : digest)

export interface VerificationRow {
  reference: string
  digest: string
  verified: boolean
  /** e.g. "1 of 2 signatures passed (strict)" */
  detail: string
}

/** `verification`: read-back rows keyed by signature manifest digest. */
export function signSummaryMarkdown(
  signed: SignedManifest[],
  verification?: Map<string, VerificationRow>,
  timings?: Record<string, number>,
): string {
  const header = [
    'Image',
    'Digest',
    'Signature',
    'Signer',
    'Timestamp',
    'Referrers',
    'Verification',
  ]
  const rows = signed.map((s) => {
    // Keyed by signature manifest: the read-back verdict of the signature this run pushed.
    const v = verification?.get(s.signatureDigest)
    return [
      s.platform ? `${s.reference} (${s.platform})` : s.reference,
      short(s.digest),
      short(s.signatureDigest),
      s.signer,
      s.timestamp ?? 'none',
      s.referrersMode,
      v === undefined ? 'not run' : v.verified ? `✅ ${v.detail}` : `❌ ${v.detail}`,
    ]
  })
  const parts = ['### Notary signatures', '', table(header, rows)]
  if (timings && Object.keys(timings).length > 0) {
    parts.push(
      '',
      `Timings: ${Object.entries(timings)
        .map(([k, ms]) => `${k} ${ms} ms`)
        .join(', ')}`,
    )
  }
  return parts.join('\n') + '\n'
}

export function verifySummaryMarkdown(rows: VerificationRow[], details: string[][] = []): string {
  const parts = [
    '### Notary verification',
    '',
    table(
      ['Image', 'Digest', 'Result', 'Detail'],
      rows.map((r) => [
        r.reference,
        short(r.digest),
        r.verified ? '✅ verified' : '❌ not verified',
        r.detail,
      ]),
    ),
  ]
  if (details.length > 0) {
    parts.push(
      '',
      table(
        [
          'Signature',
          'Signer',
          'Integrity',
          'Authenticity',
          'Timestamp',
          'Expiry',
          'Revocation',
          'Verdict',
        ],
        details,
      ),
    )
  }
  return parts.join('\n') + '\n'
}
