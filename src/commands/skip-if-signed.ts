/**
 * `skip-if-signed`: an image that already has a Notary signature this run would be content with
 * is not signed again, so re-running a release workflow does not pile up signatures.
 *
 * "Content with" has one meaning per configuration:
 * - with a trust policy: a signature that verifies under it (the statement the image's scope
 *   selects, the job's trust store, revocation checker and user metadata), as `notation verify`
 *   would decide;
 * - without one: a signature made by this signer's identity: it verifies (integrity, chain to the
 *   root of the chain this signer signs with now, expiry; a timestamp only matters once the leaf
 *   has expired, and then needs timestamp-root-certificate), its leaf has this signer's leaf
 *   subject exactly, and it carries every extended key usage this signer's leaf carries. Artifact
 *   Signing renews its leaf daily with a new key, but the subject and the profile-specific EKU
 *   (1.3.6.1.4.1.311.97.…) stay: they, not the key, are the profile's identity, and they tell two
 *   profiles of one organisation apart even though both chain to Microsoft's root.
 * Either way the signature must carry every `user-metadata` entry this run would sign.
 *
 * Failing to decide (a registry error, a signer that cannot tell its chain) never skips: the
 * image is signed as without the option, and the reason is logged.
 */
import { formatCauseChain } from '../errors.js'
import type { Logger } from '../log.js'
import { MEDIA_TYPE } from '../notary/constants.js'
import type { Repository } from '../oci/client.js'
import type { Descriptor } from '../oci/descriptor.js'
import { decodeEnvelope } from '../envelope/decode.js'
import type { Signer } from '../signer/signer.js'
import { parseCertificate } from '../x509/certificate.js'
import {
  selectPolicy,
  validateTrustPolicy,
  type TrustPolicyDocument,
  type TrustPolicyStatement,
} from '../verify/policy.js'
import { offlineRevocationChecker, type RevocationChecker } from '../verify/revocation-port.js'
import { buildTrustStore, type TrustStore } from '../verify/trust-store.js'
import { verifySignature } from '../verify/verifier.js'
import { fetchSignature } from './verify.js'

/** Why an image is not signed again. */
export interface ExistingSignature {
  /** Digest of the existing signature manifest. */
  signatureDigest: string
  /** How it was found (Referrers API or tag index). */
  referrersMode: 'api' | 'tag'
  /** Its leaf subject, as notation prints it. */
  signer: string
  /** Its envelope media type. */
  envelopeMediaType: string
  /** Its verified timestamp (RFC 3339), when it has one that was checked. */
  timestamp?: string
  /** One line, e.g. `a signature verifies under trust policy "release"`. */
  reason: string
}

/** Looks for an existing signature of `subject` this run would be content with. */
export type ExistingSignatureCheck = (
  repository: Repository,
  subject: Descriptor,
) => Promise<ExistingSignature | undefined>

export interface PolicyCriteria {
  kind: 'policy'
  policy: TrustPolicyDocument
  trustStore: TrustStore
  revocation: RevocationChecker
}

export interface SignerCriteria {
  kind: 'signer'
  signer: Signer
  /** Roots for timestamp tokens (timestamp-root-certificate), if any. */
  tsaRoots: readonly Uint8Array[]
}

export interface ExistingSignatureOptions {
  criteria: PolicyCriteria | SignerCriteria
  userMetadata: ReadonlyMap<string, string>
  /** Most signatures evaluated per image (max-signatures). */
  maxSignatures: number
  logger: Logger
  now: () => Date
}

const OWN_CA_STORE = 'skip-if-signed-signer'
const OWN_TSA_STORE = 'skip-if-signed-tsa'

/** What a signer-identity check compares: this signer's leaf, and the policy built from its root. */
interface SignerIdentity {
  subject: string
  ekus: readonly string[]
  statement: TrustPolicyStatement
  trustStore: TrustStore
}

/** The policy and trust store that stand for "made by this signer" (see the module comment). */
function signerIdentity(
  chain: readonly Uint8Array[],
  tsaRoots: readonly Uint8Array[],
): SignerIdentity {
  const leaf = chain[0]
  const root = chain[chain.length - 1]
  if (leaf === undefined || root === undefined)
    throw new Error('the signer has no certificate chain')
  const leafInfo = parseCertificate(leaf)
  const document = validateTrustPolicy(
    {
      version: '1.0',
      trustPolicies: [
        {
          name: 'skip-if-signed (this signer)',
          registryScopes: ['*'],
          // Revocation is the verifier of record's business; here it would only add requests.
          signatureVerification: {
            level: 'strict',
            override: { revocation: 'skip' },
            verifyTimestamp: 'afterCertExpiry',
          },
          trustStores: [
            `ca:${OWN_CA_STORE}`,
            ...(tsaRoots.length > 0 ? [`tsa:${OWN_TSA_STORE}`] : []),
          ],
          // The identity is matched exactly below; `*` here only asks for a chain to the root.
          trustedIdentities: ['*'],
        },
      ],
    },
    { source: 'the skip-if-signed signer policy' },
  )
  const statement = document.trustPolicies[0] as TrustPolicyStatement
  const trustStore = buildTrustStore([
    {
      type: 'ca',
      name: OWN_CA_STORE,
      certificates: [{ der: root, source: 'the signer chain root' }],
    },
    ...(tsaRoots.length > 0
      ? [
          {
            type: 'tsa' as const,
            name: OWN_TSA_STORE,
            certificates: tsaRoots.map((der, i) => ({
              der,
              source: `timestamp-root-certificate[${i}]`,
            })),
          },
        ]
      : []),
  ])
  return {
    subject: leafInfo.subject,
    ekus: leafInfo.extendedKeyUsage.oids,
    statement,
    trustStore,
  }
}

/** Why an existing, verified envelope is not this signer's, or undefined when it is. */
function identityMismatch(
  envelopeMediaType: string,
  envelope: Uint8Array,
  identity: SignerIdentity,
): string | undefined {
  const leaf = decodeEnvelope(envelopeMediaType, envelope).certificateChain[0]
  if (leaf === undefined) return 'it has no certificate'
  const info = parseCertificate(leaf)
  if (info.subject !== identity.subject)
    return `its signer "${info.subject}" is not this signer "${identity.subject}"`
  const missing = identity.ekus.filter((oid) => !info.extendedKeyUsage.oids.includes(oid))
  if (missing.length > 0)
    return `its certificate lacks this signer's extended key usage ${missing.join(', ')} (another certificate profile)`
  return undefined
}

/**
 * Builds the check for a whole job: the signer's chain is asked for once (Artifact Signing:
 * one `certchain` request), on first use.
 */
export function createExistingSignatureCheck(
  options: ExistingSignatureOptions,
): ExistingSignatureCheck {
  const { criteria, logger } = options
  let identity: Promise<SignerIdentity> | undefined
  const ownIdentity = (): Promise<SignerIdentity> => {
    if (criteria.kind !== 'signer') throw new Error('unreachable: identity without a signer')
    const chainOf = criteria.signer.currentChain
    if (chainOf === undefined) {
      return Promise.reject(
        new Error(
          `${criteria.signer.description} cannot tell its certificate chain before signing`,
        ),
      )
    }
    identity ??= chainOf
      .call(criteria.signer)
      .then((chain) => signerIdentity(chain, criteria.tsaRoots))
    // A failed look-up is not kept: the next image asks again.
    identity.catch(() => (identity = undefined))
    return identity
  }
  const userMetadata = options.userMetadata

  return async (repository, subject) => {
    const label = `${repository.name}@${subject.digest}`
    try {
      let statement: TrustPolicyStatement
      let trustStore: TrustStore
      let revocation: RevocationChecker
      let own: SignerIdentity | undefined
      if (criteria.kind === 'policy') {
        statement = selectPolicy(criteria.policy, label)
        if (statement.verificationLevel.name === 'skip') {
          logger.info(
            `${label}: skip-if-signed: trust policy "${statement.name}" skips verification, so no existing signature can count; signing`,
          )
          return undefined
        }
        trustStore = criteria.trustStore
        revocation = criteria.revocation
      } else {
        own = await ownIdentity()
        statement = own.statement
        trustStore = own.trustStore
        revocation = offlineRevocationChecker
      }
      const listed = await repository.listReferrers(subject, {
        artifactType: MEDIA_TYPE.notarySignature,
      })
      const rejected: string[] = []
      for (const candidate of listed.descriptors.slice(0, options.maxSignatures)) {
        const why = await rejectionOf(candidate)
        if (typeof why === 'string') {
          rejected.push(`${candidate.digest}: ${why}`)
          continue
        }
        const reason =
          criteria.kind === 'policy'
            ? `signature ${candidate.digest} verifies under trust policy "${statement.name}"`
            : `signature ${candidate.digest} was made by this signer ("${why.signer}") and verifies`
        logger.info(`${label}: skip-if-signed: ${reason}; not signing again`)
        return {
          signatureDigest: candidate.digest,
          referrersMode: listed.via,
          signer: why.signer,
          envelopeMediaType: why.envelopeMediaType,
          ...(why.timestamp === undefined ? {} : { timestamp: why.timestamp }),
          reason,
        }
      }
      logger.info(
        `${label}: skip-if-signed: ${
          listed.descriptors.length === 0
            ? 'no existing signature'
            : `none of ${listed.descriptors.length} existing signature(s) counts (${rejected.join('; ')})`
        }; signing`,
      )
      return undefined

      /** A counting signature's facts, or the reason it does not count. */
      async function rejectionOf(
        candidate: Descriptor,
      ): Promise<{ signer: string; envelopeMediaType: string; timestamp?: string } | string> {
        try {
          const fetched = await fetchSignature(repository, candidate, subject)
          const outcome = await verifySignature({
            envelope: fetched.envelope,
            mediaType: fetched.mediaType,
            subject,
            statement,
            trustStore,
            now: options.now(),
            userMetadata,
            revocation,
            logger,
          })
          if (outcome.verdict !== 'passed') {
            return outcome.error === undefined
              ? 'it does not verify'
              : `[${outcome.error.code}] ${outcome.error.message}`
          }
          if (own !== undefined) {
            const mismatch = identityMismatch(fetched.mediaType, fetched.envelope, own)
            if (mismatch !== undefined) return mismatch
          }
          return {
            signer: outcome.signer ?? 'unknown',
            envelopeMediaType: fetched.mediaType,
            ...(outcome.timestamp === undefined
              ? {}
              : { timestamp: outcome.timestamp.genTime.toISOString() }),
          }
        } catch (err) {
          return formatCauseChain(err).join('; ')
        }
      }
    } catch (err) {
      logger.warning(
        `${label}: skip-if-signed could not look at the existing signatures, so the image is signed again: ${formatCauseChain(err).join('; ')}`,
        { title: 'skip-if-signed' },
      )
      return undefined
    }
  }
}
