/**
 * The verification hint for a finished sign job (src/report/verification-hint.ts), with the
 * job's `timestamp-root-certificate` (read once, before signing, by runSignJob) as the TSA anchor
 * when the tokens do not carry theirs. Shared by the action and the CLI.
 */
import { verificationHint, type VerificationHint } from '../report/verification-hint.js'
import { trustAnchorOf } from '../x509/anchor.js'
import type { SignJobResult } from './jobs.js'

export function verificationHintFor(
  result: Pick<SignJobResult, 'signed' | 'timestampRoots'>,
): VerificationHint | undefined {
  const timestampRoot = trustAnchorOf(result.timestampRoots)
  return verificationHint(result.signed, timestampRoot ? { timestampRoot } : {})
}
