/**
 * The job summary as a pure render: plain rows in, Markdown/HTML table text out. Nothing secret
 * can reach it because the view models have no field for secrets; registry-supplied strings are
 * escaped.
 */
import type { SignedManifest, SignerReport } from '../commands/types.js'

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

/** The line saying which Artifact Signing api-version signed, and why when it fell back. */
export function signerLine(signer: SignerReport | undefined): string | undefined {
  if (signer?.artifactSigningApiVersion === undefined) return undefined
  const version = `Artifact Signing api-version \`${signer.artifactSigningApiVersion}\``
  return signer.apiVersionFallbackFrom === undefined
    ? `${version}.`
    : `${version} (the configured \`${signer.apiVersionFallbackFrom}\` was refused before authentication, so the other form was used).`
}

/** `verification`: read-back rows keyed by signature manifest digest. */
export function signSummaryMarkdown(
  signed: SignedManifest[],
  verification?: Map<string, VerificationRow>,
  timings?: Record<string, number>,
  signer?: SignerReport,
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
      v === undefined
        ? s.skipped
          ? '⏭️ already signed (skip-if-signed)'
          : 'not run'
        : v.verified
          ? `✅ ${v.detail}`
          : `❌ ${v.detail}`,
    ]
  })
  const parts = ['### Notary signatures', '', table(header, rows)]
  const skipped = signed.filter((s) => s.skipped)
  if (skipped.length > 0) {
    parts.push(
      '',
      `${skipped.length} of ${signed.length} manifest${signed.length === 1 ? '' : 's'} already had a signature that counts (skip-if-signed); nothing was pushed for ${skipped.length === 1 ? 'it' : 'them'}:`,
      '',
      ...skipped.map(
        (s) =>
          `- ${escapeCell(`${s.repository}@${s.digest}`)}: ${escapeCell(s.skipped?.reason ?? '')}`,
      ),
    )
  }
  const line = signerLine(signer)
  if (line !== undefined) parts.push('', line)
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
