/**
 * The verification hint for a finished sign job (src/report/verification-hint.ts), with the
 * configured `timestamp-root-certificate` as the TSA anchor when the tokens do not carry theirs.
 * Shared by the action and the CLI.
 */
import type { SignConfig } from '../config/config.js'
import { formatCauseChain } from '../errors.js'
import type { Logger } from '../log.js'
import { verificationHint, type VerificationHint } from '../report/verification-hint.js'
import { loadPemInput } from '../signer/load-local.js'
import { trustAnchorOf, type TrustAnchor } from '../x509/anchor.js'
import { pemToCertificates } from '../x509/pem.js'
import type { SignedManifest } from './types.js'

/**
 * The hint is an extra: once the signatures are pushed, a TSA root that cannot be read again
 * only means the hint names that root instead of embedding it (a debug line says why).
 */
export async function verificationHintFor(
  config: SignConfig,
  signed: readonly SignedManifest[],
  logger: Logger,
): Promise<VerificationHint | undefined> {
  const input = config.timestamp?.rootCertificate
  let timestampRoot: TrustAnchor | undefined
  if (input !== undefined) {
    try {
      timestampRoot = trustAnchorOf(
        pemToCertificates(
          await loadPemInput(input, 'timestamp-root-certificate'),
          'timestamp-root-certificate',
        ),
      )
    } catch (err) {
      logger.debug(`verification hint: ${formatCauseChain(err).join('; ')}`)
    }
  }
  return verificationHint(signed, timestampRoot ? { timestampRoot } : {})
}
