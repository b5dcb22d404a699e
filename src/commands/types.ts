import type { TrustAnchor } from '../x509/anchor.js'

/** What signing one manifest produced: the rows of the outputs and the job summary. */
export interface SignedManifest {
  /** The reference as the user gave it (or `<index ref> → linux/arm64` for a child). */
  reference: string
  /** registry/repository */
  repository: string
  digest: string
  mediaType: string
  size: number
  /** Digest of the pushed signature manifest. */
  signatureDigest: string
  /** How the referrer was recorded. */
  referrersMode: 'api' | 'tag'
  /** Leaf certificate subject, spelled as a trust policy `x509.subject` (src/x509/dn.ts). */
  signer: string
  /** What a verifier must trust: the signing chain's root, and the timestamp chain's top. */
  trustAnchors: { signing?: TrustAnchor; timestamp?: TrustAnchor }
  /** RFC 3339 genTime of the timestamp, when there is one. */
  timestamp?: string
  /** Platform (e.g. linux/arm64) when this is a child of a signed index. */
  platform?: string
  /** Digest of the index when signed recursively. */
  parentDigest?: string
  /** Envelope media type. */
  envelopeMediaType: string
  /**
   * Set when skip-if-signed found an existing signature that counts: nothing was pushed, and
   * `signatureDigest` (and signer, timestamp) are the existing signature's.
   */
  skipped?: { reason: string }
}

/** What a job's signer reports about itself (outputs and summary). */
export interface SignerReport {
  /** e.g. "artifact signing eus.codesigning.azure.net/acct/profile"; never secret. */
  description: string
  /** Artifact Signing only: the api-version the signatures were made with. */
  artifactSigningApiVersion?: string
  /** Artifact Signing only: the configured api-version, when it was refused and replaced. */
  apiVersionFallbackFrom?: string
}
