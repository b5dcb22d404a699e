/**
 * The machine-readable results both edges publish (the action's `signatures` and `verification`
 * outputs, the CLI's `--json`), built by pure projections so the two cannot drift. They carry
 * data only: no copy of the human-readable report text.
 */
import type { SignedManifest } from '../commands/types.js'
import type { ImageReport, VerifyReport } from '../commands/verify.js'

export interface SignatureEntry {
  reference: string
  repository: string
  digest: string
  mediaType: string
  platform?: string
  /** The index this manifest is a platform child of (recursive). */
  parentDigest?: string
  signatureDigest: string
  referrersMode: 'api' | 'tag'
  signer: string
  timestamp: string | null
  /** skip-if-signed found a signature that counts: nothing was pushed (the fields are its). */
  skipped?: true
  skipReason?: string
}

export function signatureEntries(signed: readonly SignedManifest[]): SignatureEntry[] {
  return signed.map((s) => ({
    reference: s.reference,
    repository: s.repository,
    digest: s.digest,
    mediaType: s.mediaType,
    ...(s.platform ? { platform: s.platform } : {}),
    ...(s.parentDigest ? { parentDigest: s.parentDigest } : {}),
    signatureDigest: s.signatureDigest,
    referrersMode: s.referrersMode,
    signer: s.signer,
    timestamp: s.timestamp ?? null,
    ...(s.skipped ? { skipped: true as const, skipReason: s.skipped.reason } : {}),
  }))
}

export type ImageEntry = Omit<ImageReport, 'text'>

export interface VerifyReportJson {
  verified: boolean
  images: ImageEntry[]
}

export function verifyReportJson(report: VerifyReport): VerifyReportJson {
  return {
    verified: report.verified,
    images: report.images.map(({ text: _text, ...image }) => image),
  }
}
