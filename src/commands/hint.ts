/**
 * The verification hint for a finished sign job (src/report/verification-hint.ts), with the
 * configured `timestamp-root-certificate` as the TSA anchor when the tokens do not carry theirs.
 * Shared by the action and the CLI.
 */
import type { SignConfig } from '../config/config.js'
import { verificationHint, type VerificationHint } from '../report/verification-hint.js'
import { loadPemInput } from '../signer/load-local.js'
import { trustAnchorOf } from '../x509/anchor.js'
import { pemToCertificates } from '../x509/pem.js'
import type { SignedManifest } from './types.js'

export async function verificationHintFor(
  config: SignConfig,
  signed: readonly SignedManifest[],
): Promise<VerificationHint | undefined> {
  const input = config.timestamp?.rootCertificate
  const timestampRoot =
    input === undefined
      ? undefined
      : trustAnchorOf(
          pemToCertificates(
            await loadPemInput(input, 'timestamp-root-certificate'),
            'timestamp-root-certificate',
          ),
        )
  return verificationHint(signed, timestampRoot ? { timestampRoot } : {})
}
