#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  fetchSignature,
  verifySignature
} from "./chunk-5NKFVSUT.js";
import {
  selectPolicy,
  validateTrustPolicy
} from "./chunk-PGJVFZ6D.js";
import {
  MEDIA_TYPE,
  decodeEnvelope
} from "./chunk-TRVYRA5U.js";
import "./chunk-FFORUPRV.js";
import {
  offlineRevocationChecker
} from "./chunk-55F5TOJB.js";
import {
  buildTrustStore
} from "./chunk-BOIBBKTD.js";
import {
  parseCertificate
} from "./chunk-XHYYKEXA.js";
import "./chunk-BAB72OL5.js";
import "./chunk-ESYIPS4F.js";
import {
  formatCauseChain
} from "./chunk-TW4RF5XT.js";
import "./chunk-2ZTQXNXN.js";

// src/commands/skip-if-signed.ts
var OWN_CA_STORE = "skip-if-signed-signer";
var OWN_TSA_STORE = "skip-if-signed-tsa";
function signerIdentity(chain, tsaRoots) {
  const leaf = chain[0];
  const root = chain[chain.length - 1];
  if (leaf === void 0 || root === void 0)
    throw new Error("the signer has no certificate chain");
  const leafInfo = parseCertificate(leaf);
  const document = validateTrustPolicy(
    {
      version: "1.0",
      trustPolicies: [
        {
          name: "skip-if-signed (this signer)",
          registryScopes: ["*"],
          // Revocation is the verifier of record's business; here it would only add requests.
          signatureVerification: {
            level: "strict",
            override: { revocation: "skip" },
            verifyTimestamp: "afterCertExpiry"
          },
          trustStores: [
            `ca:${OWN_CA_STORE}`,
            ...tsaRoots.length > 0 ? [`tsa:${OWN_TSA_STORE}`] : []
          ],
          // The identity is matched exactly below; `*` here only asks for a chain to the root.
          trustedIdentities: ["*"]
        }
      ]
    },
    { source: "the skip-if-signed signer policy" }
  );
  const statement = document.trustPolicies[0];
  const trustStore = buildTrustStore([
    {
      type: "ca",
      name: OWN_CA_STORE,
      certificates: [{ der: root, source: "the signer chain root" }]
    },
    ...tsaRoots.length > 0 ? [
      {
        type: "tsa",
        name: OWN_TSA_STORE,
        certificates: tsaRoots.map((der, i) => ({
          der,
          source: `timestamp-root-certificate[${i}]`
        }))
      }
    ] : []
  ]);
  return {
    subject: leafInfo.subject,
    ekus: leafInfo.extendedKeyUsage.oids,
    statement,
    trustStore
  };
}
function identityMismatch(envelopeMediaType, envelope, identity) {
  const leaf = decodeEnvelope(envelopeMediaType, envelope).certificateChain[0];
  if (leaf === void 0) return "it has no certificate";
  const info = parseCertificate(leaf);
  if (info.subject !== identity.subject)
    return `its signer "${info.subject}" is not this signer "${identity.subject}"`;
  const missing = identity.ekus.filter((oid) => !info.extendedKeyUsage.oids.includes(oid));
  if (missing.length > 0)
    return `its certificate lacks this signer's extended key usage ${missing.join(", ")} (another certificate profile)`;
  return void 0;
}
function createExistingSignatureCheck(options) {
  const { criteria, logger } = options;
  let identity;
  const ownIdentity = () => {
    if (criteria.kind !== "signer") throw new Error("unreachable: identity without a signer");
    const chainOf = criteria.signer.currentChain;
    if (chainOf === void 0) {
      return Promise.reject(
        new Error(
          `${criteria.signer.description} cannot tell its certificate chain before signing`
        )
      );
    }
    identity ??= chainOf.call(criteria.signer).then((chain) => signerIdentity(chain, criteria.tsaRoots));
    identity.catch(() => identity = void 0);
    return identity;
  };
  const userMetadata = options.userMetadata;
  return async (repository, subject) => {
    const label = `${repository.name}@${subject.digest}`;
    try {
      let statement;
      let trustStore;
      let revocation;
      let own;
      if (criteria.kind === "policy") {
        statement = selectPolicy(criteria.policy, label);
        if (statement.verificationLevel.name === "skip") {
          logger.info(
            `${label}: skip-if-signed: trust policy "${statement.name}" skips verification, so no existing signature can count; signing`
          );
          return void 0;
        }
        trustStore = criteria.trustStore;
        revocation = criteria.revocation;
      } else {
        own = await ownIdentity();
        statement = own.statement;
        trustStore = own.trustStore;
        revocation = offlineRevocationChecker;
      }
      const listed = await repository.listReferrers(subject, {
        artifactType: MEDIA_TYPE.notarySignature
      });
      const rejected = [];
      for (const candidate of listed.descriptors.slice(0, options.maxSignatures)) {
        const why = await rejectionOf(candidate);
        if (typeof why === "string") {
          rejected.push(`${candidate.digest}: ${why}`);
          continue;
        }
        const reason = criteria.kind === "policy" ? `signature ${candidate.digest} verifies under trust policy "${statement.name}"` : `signature ${candidate.digest} was made by this signer ("${why.signer}") and verifies`;
        logger.info(`${label}: skip-if-signed: ${reason}; not signing again`);
        return {
          signatureDigest: candidate.digest,
          referrersMode: listed.via,
          signer: why.signer,
          envelopeMediaType: why.envelopeMediaType,
          ...why.timestamp === void 0 ? {} : { timestamp: why.timestamp },
          reason
        };
      }
      logger.info(
        `${label}: skip-if-signed: ${listed.descriptors.length === 0 ? "no existing signature" : `none of ${listed.descriptors.length} existing signature(s) counts (${rejected.join("; ")})`}; signing`
      );
      return void 0;
      async function rejectionOf(candidate) {
        try {
          const fetched = await fetchSignature(repository, candidate, subject);
          const outcome = await verifySignature({
            envelope: fetched.envelope,
            mediaType: fetched.mediaType,
            subject,
            statement,
            trustStore,
            now: options.now(),
            userMetadata,
            revocation,
            logger
          });
          if (outcome.verdict !== "passed") {
            return outcome.error === void 0 ? "it does not verify" : `[${outcome.error.code}] ${outcome.error.message}`;
          }
          if (own !== void 0) {
            const mismatch = identityMismatch(fetched.mediaType, fetched.envelope, own);
            if (mismatch !== void 0) return mismatch;
          }
          return {
            signer: outcome.signer ?? "unknown",
            envelopeMediaType: fetched.mediaType,
            ...outcome.timestamp === void 0 ? {} : { timestamp: outcome.timestamp.genTime.toISOString() }
          };
        } catch (err) {
          return formatCauseChain(err).join("; ");
        }
      }
    } catch (err) {
      logger.warning(
        `${label}: skip-if-signed could not look at the existing signatures, so the image is signed again: ${formatCauseChain(err).join("; ")}`,
        { title: "skip-if-signed" }
      );
      return void 0;
    }
  };
}
export {
  createExistingSignatureCheck
};
