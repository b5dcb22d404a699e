/**
 * Checks a sign job runs before it signs or pushes anything, so that what can fail without the
 * registry fails first (issue 11 items 2 and 6): here, that the read-back verification can run at
 * all, i.e. the trust policy has a statement for every image and the trust store has every store
 * those statements name.
 *
 * Which statements: the one notation would select for each image's repository (an exact
 * registryScopes match, else `*`; selection needs the repository only, no digest). A `skip`
 * statement reads no store (notation returns before loading one), so it needs none. For the
 * others every store named is checked, of every type, not only those the fresh signature needs
 * today: a `tsa` store under `verifyTimestamp: afterCertExpiry`, say, is read only once the
 * signing certificate has expired, and a policy naming a store that does not exist is a mistake
 * best found now, not by a consumer later. Statements for other repositories are not checked: a
 * shared policy may name stores this job does not have.
 */
import { parseReference, repositoryName } from '../oci/reference.js'
import { selectPolicyForRepository, type TrustPolicyDocument } from '../verify/policy.js'
import { storeNotFound, unusableStores, type TrustStore } from '../verify/trust-store.js'

export interface PreflightVerification {
  policy: TrustPolicyDocument
  trustStore: TrustStore
}

/**
 * Throws POLICY_NOT_APPLICABLE for an image no statement covers, and TRUST_STORE_NOT_FOUND
 * (naming the missing stores and listing those that exist) for a statement whose stores the
 * trust-store input lacks or has empty.
 */
export function checkReadBackPossible(
  images: readonly string[],
  verification: PreflightVerification,
): void {
  const repositories = [...new Set(images.map((image) => repositoryName(parseReference(image))))]
  for (const repository of repositories) {
    const statement = selectPolicyForRepository(verification.policy, repository)
    if (statement.verificationLevel.name === 'skip') continue
    const missing = unusableStores(verification.trustStore, statement.trustStores)
    if (missing.length > 0) {
      throw storeNotFound(
        verification.trustStore,
        missing,
        `nothing was signed: trust policy statement "${statement.name}" (for ${repository}) names stores that are missing or empty: `,
      )
    }
  }
}
