/**
 * The job summary, in two pure steps: a view model built from a result (`signSummaryView`,
 * `verifySummaryView`, `failureSummaryView`), then `renderSummary` turns it into GitHub-flavoured
 * Markdown. The first screen answers "did it work, and if not why": one row per image with ✅/❌
 * and a one-line cause, full digests; everything else sits in `<details>`. Columns are few and
 * short so the table fits the page. Nothing secret can reach it (the view has no field for one);
 * every registry- or user-supplied string is escaped.
 */
import type { SignedManifest, SignerReport } from '../commands/types.js'
import type { ImageReport, SignatureJson, VerifyReport } from '../commands/verify.js'
import { ActionError, formatCauseChain } from '../errors.js'

export type RowStatus = 'passed' | 'failed' | 'skipped'

export interface ImageRow {
  status: RowStatus
  /** The image as the user named it (with the platform for a child of an index). */
  image: string
  /** Full digest, when known. */
  digest?: string
  /** One line: why it failed, or what was done. */
  cause: string
}

/** One row of the per-signature check table. */
export interface CheckRow {
  image: string
  /** `#1`, `#2`, … in the order the signatures were tried. */
  signature: string
  /** Check type → rendered status (see CHECK_COLUMNS). */
  statuses: Record<string, string>
  verdict: RowStatus
}

export interface DetailBlock {
  title: string
  /** Markdown lines, already escaped by the builder. */
  lines: string[]
  open?: boolean
}

export interface SummaryView {
  heading: string
  /** One line under the heading, e.g. "❌ 1 of 2 images not verified". */
  headline: string
  images: ImageRow[]
  checks: CheckRow[]
  details: DetailBlock[]
  footer: string[]
}

/** Escapes text for a Markdown table cell or inline HTML (`_` is left: GFM ignores it inside words). */
export function escapeCell(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '&#124;')
      .replace(/`/g, '&#96;')
      .replace(/\*/g, '&#42;')
      // No Markdown links from registry strings: `[text](url)` loses its `(`.
      .replace(/\]\(/g, ']&#40;')
      .replace(/\r?\n/g, ' ')
  )
}

// Long enough for the reason to survive; causes have spaces, so the cell wraps, unlike digests.
const MAX_CAUSE = 240

/** The first line of a cause, cut to fit a table cell; the full text goes to the details. */
export function oneLine(text: string, max = MAX_CAUSE): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

const ICON: Record<RowStatus, string> = { passed: '✅', failed: '❌', skipped: '⏭️' }
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
const code = (text: string): string => `<code>${escapeCell(text)}</code>`

// ---------------------------------------------------------------------------------------------
// Verification

/** Why an image is (not) verified, in one line. */
export function imageCause(image: ImageReport): string {
  const policy = image.policy ? ` (policy "${image.policy}", ${image.level})` : ''
  const passed = image.signatures.find((s) => s.verdict === 'passed')
  if (passed) return `verified${policy}`
  if (image.verified) return `not checked: verification level skip${policy}`
  // The first signature's own failure says more than notation's "failed for all the
  // signatures" wrapper, which only restates it.
  const failed = image.signatures.filter((s) => s.error !== undefined)
  const [first] = failed
  if (first?.error !== undefined) {
    const more =
      failed.length > 1
        ? ` (and ${failed.length - 1} more signature${failed.length > 2 ? 's' : ''})`
        : ''
    return `${first.error}${more}`
  }
  return image.error ?? 'no signature passed'
}

export const CHECK_COLUMNS = [
  ['integrity', 'Integrity'],
  ['authenticity', 'Authenticity'],
  ['authenticTimestamp', 'Timestamp'],
  ['expiry', 'Expiry'],
  ['revocation', 'Revocation'],
] as const

const CHECK_ICON: Record<string, string> = {
  passed: '✅',
  failed: '❌',
  skipped: '➖',
  inconclusive: '❔',
}

function checkStatus(s: SignatureJson, type: string): string {
  const c = s.checks.find((x) => x.type === type)
  if (c === undefined) return '–'
  const icon = CHECK_ICON[c.status] ?? c.status
  return c.action === 'enforce' ? icon : `${icon} ${c.action}`
}

/**
 * The check table names an image by repository (its full digest is in the first table), adding a
 * short digest only when one repository appears with several digests.
 */
function checkImageName(image: ImageReport, report: VerifyReport): string {
  const same = report.images.filter((i) => i.repository === image.repository)
  const digests = new Set(same.map((i) => i.digest))
  if (digests.size <= 1 || image.digest === undefined) return image.repository
  return `${image.repository}@${image.digest.slice(0, 19)}…`
}

function checkRows(report: VerifyReport): CheckRow[] {
  return report.images.flatMap((image) =>
    image.signatures.map((s, n) => ({
      image: checkImageName(image, report),
      signature: `#${n + 1}`,
      statuses: Object.fromEntries(CHECK_COLUMNS.map(([type]) => [type, checkStatus(s, type)])),
      verdict: s.verdict,
    })),
  )
}

function signatureLines(image: ImageReport): string[] {
  return image.signatures.map((s, n) => {
    const by = s.signer ? ` by ${code(s.signer)}` : ''
    const why = s.error ? `: ${escapeCell(s.error)}` : ''
    return `- ${escapeCell(image.reference)} #${n + 1} ${code(s.digest)}${by}, ${s.verdict}${why}`
  })
}

function verificationDetails(report: VerifyReport): DetailBlock[] {
  const failed = !report.verified
  const lines = report.images.flatMap(signatureLines)
  const problems = report.images
    .filter((i) => !i.verified)
    .map((i) => `- ${escapeCell(i.reference)}: ${escapeCell(imageCause(i))}`)
  return [
    ...(problems.length > 0 ? [{ title: 'Why not verified', lines: problems, open: true }] : []),
    ...(lines.length > 0 ? [{ title: 'Signatures tried', lines, open: failed }] : []),
  ]
}

export function verifySummaryView(report: VerifyReport): SummaryView {
  const notVerified = report.images.filter((i) => !i.verified).length
  return {
    heading: 'Notary verification',
    headline:
      notVerified === 0
        ? `✅ ${plural(report.images.length, 'image')} verified`
        : `❌ ${notVerified} of ${plural(report.images.length, 'image')} not verified`,
    images: report.images.map((i) => ({
      status: i.verified ? 'passed' : 'failed',
      image: i.reference,
      ...(i.digest ? { digest: i.digest } : {}),
      cause: oneLine(imageCause(i)),
    })),
    checks: checkRows(report),
    details: verificationDetails(report),
    footer: [],
  }
}

// ---------------------------------------------------------------------------------------------
// Signing

export interface SignSummaryInput {
  signed: readonly SignedManifest[]
  /** Which Artifact Signing api-version signed (a footer line). */
  signer?: SignerReport
  verification?: VerifyReport
  timings?: Record<string, number>
  /** The verification hint (src/report/verification-hint.ts), as a shell script. */
  hint?: string
}

function signedImageName(s: SignedManifest): string {
  return s.platform ? `${s.repository} (${s.platform})` : s.repository
}

/** The line saying which Artifact Signing api-version signed, and why when it fell back. */
export function signerLine(signer: SignerReport | undefined): string | undefined {
  if (signer?.artifactSigningApiVersion === undefined) return undefined
  const version = `Artifact Signing api-version \`${signer.artifactSigningApiVersion}\``
  return signer.apiVersionFallbackFrom === undefined
    ? `${version}.`
    : `${version} (the configured \`${signer.apiVersionFallbackFrom}\` was refused before authentication, so the other form was used).`
}

function signedRow(s: SignedManifest, verification: VerifyReport | undefined): ImageRow {
  const base = { image: signedImageName(s), digest: s.digest }
  // skip-if-signed: an existing signature counted (and, with a policy, verified) already.
  if (s.skipped)
    return {
      ...base,
      status: 'skipped',
      cause: oneLine(`already signed, nothing was pushed (skip-if-signed): ${s.skipped.reason}`),
    }
  // The read-back report of the signature this run pushed (failclosed-flow sets
  // signatureDigest); an older signature of the same image never answers for it.
  const image = verification?.images.find((i) =>
    i.signatureDigest !== undefined
      ? i.signatureDigest === s.signatureDigest
      : i.digest === s.digest,
  )
  const timestamped = s.timestamp ? 'timestamped' : 'not timestamped'
  if (verification === undefined)
    return { ...base, status: 'passed', cause: `signed, ${timestamped}` }
  if (image === undefined)
    return { ...base, status: 'failed', cause: 'signed, but the read-back verification is missing' }
  return image.verified
    ? { ...base, status: 'passed', cause: oneLine(`signed, ${timestamped}, ${imageCause(image)}`) }
    : {
        ...base,
        status: 'failed',
        cause: oneLine(`signed, but not verified: ${imageCause(image)}`),
      }
}

function signatureDetailLines(s: SignedManifest): string[] {
  return [
    `- **${escapeCell(signedImageName(s))}** ${code(s.digest)}`,
    `  - ${s.skipped ? 'existing ' : ''}signature manifest ${code(s.signatureDigest)} (${s.referrersMode === 'api' ? 'Referrers API' : 'referrers tag schema'})`,
    `  - signer ${code(s.signer)}`,
    `  - timestamp ${s.timestamp ? escapeCell(s.timestamp) : 'none'}`,
  ]
}

export function signSummaryView(input: SignSummaryInput): SummaryView {
  const { signed, verification } = input
  const images = signed.map((s) => signedRow(s, verification))
  const failed = images.filter((r) => r.status === 'failed').length
  const skipped = images.filter((r) => r.status === 'skipped').length
  const done = images.length - skipped
  const alsoSkipped = skipped === 0 ? '' : `; ${skipped} already signed, skipped (skip-if-signed)`
  let headline: string
  if (failed > 0)
    headline = `❌ ${failed} of ${plural(images.length, 'image')} not verified after signing`
  else if (done === 0)
    headline = `⏭️ ${plural(skipped, 'image')} already signed, nothing was pushed (skip-if-signed)`
  else if (verification) headline = `✅ ${plural(done, 'image')} signed and verified${alsoSkipped}`
  else
    headline = `✅ ${plural(done, 'image')} signed (no trust-policy: not read back)${alsoSkipped}`
  const details: DetailBlock[] = [
    { title: 'Signatures', lines: signed.flatMap(signatureDetailLines) },
  ]
  if (verification) details.push(...verificationDetails(verification))
  if (input.hint !== undefined) {
    details.push({
      title: 'Verify it yourself (notation)',
      lines: ['```sh', ...input.hint.replace(/```/g, "'''").split('\n'), '```'],
    })
  }
  const timings = Object.entries(input.timings ?? {})
  return {
    heading: 'Notary signatures',
    headline,
    images,
    checks: verification ? checkRows(verification) : [],
    details,
    footer: [
      ...[signerLine(input.signer)].filter((l): l is string => l !== undefined),
      ...(timings.length > 0
        ? [`Timings: ${timings.map(([k, ms]) => `${k} ${ms} ms`).join(', ')}`]
        : []),
    ],
  }
}

// ---------------------------------------------------------------------------------------------
// A failure before any image was signed or verified (configuration, OIDC, sign-in, signer)

export interface FailureSummaryInput {
  action: 'sign' | 'verify'
  /** The images the step was asked to handle, when the inputs could be read. */
  images: readonly string[]
  error: unknown
}

export function failureSummaryView(input: FailureSummaryInput): SummaryView {
  const chain = formatCauseChain(input.error)
  // The outer message says what failed, the innermost cause why: the one line gets both.
  const outer = chain[0] ?? 'unknown error'
  const inner =
    chain.length > 1 ? chain[chain.length - 1]?.replace(/^\s*caused by: /, '') : undefined
  const first = inner === undefined ? outer : `${outer}: ${inner}`
  const remedy =
    input.error instanceof ActionError && input.error.remedy !== undefined
      ? input.error.remedy
      : undefined
  const verb = input.action === 'sign' ? 'signed' : 'verified'
  return {
    heading: input.action === 'sign' ? 'Notary signatures' : 'Notary verification',
    headline: `❌ nothing ${verb}: ${escapeCell(oneLine(outer))}`,
    images: input.images.map((image) => ({
      status: 'failed',
      image,
      cause: oneLine(`not ${verb}: ${first}`),
    })),
    checks: [],
    details: [
      {
        title: 'Error',
        open: true,
        lines: [
          '<pre>',
          ...chain.map((l) => escapeCell(l)),
          ...(remedy === undefined ? [] : [`remedy: ${escapeCell(remedy)}`]),
          '</pre>',
        ],
      },
    ],
    footer: [],
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)]
}

function imageCell(row: ImageRow): string {
  return row.digest === undefined
    ? escapeCell(row.image)
    : `${escapeCell(row.image)}<br>${code(row.digest)}`
}

/** Markdown for GITHUB_STEP_SUMMARY. */
export function renderSummary(view: SummaryView): string {
  const parts = [`### ${view.heading}`, '', view.headline, '']
  if (view.images.length > 0) {
    parts.push(
      ...table(
        ['', 'Image', 'Result'],
        view.images.map((r) => [ICON[r.status], imageCell(r), escapeCell(r.cause)]),
      ),
      '',
    )
  }
  if (view.checks.length > 0) {
    const anyFailed = view.checks.some((c) => c.verdict === 'failed')
    parts.push(
      `<details${anyFailed ? ' open' : ''}><summary>Checks per signature</summary>`,
      '',
      ...table(
        ['Image', 'Sig.', ...CHECK_COLUMNS.map(([, label]) => label), 'Verdict'],
        view.checks.map((c) => [
          escapeCell(c.image),
          c.signature,
          ...CHECK_COLUMNS.map(([type]) => c.statuses[type] ?? '–'),
          ICON[c.verdict],
        ]),
      ),
      '',
      '</details>',
      '',
    )
  }
  for (const d of view.details) {
    parts.push(
      `<details${d.open ? ' open' : ''}><summary>${escapeCell(d.title)}</summary>`,
      '',
      ...d.lines,
      '',
      '</details>',
      '',
    )
  }
  parts.push(...view.footer)
  return `${parts.join('\n').trimEnd()}\n`
}
