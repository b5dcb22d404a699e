/** Notary header names shared by the COSE and JWS envelopes (notary-spec.md §2.2, §2.4, §8). */
export const HEADER = {
  signingScheme: 'io.cncf.notary.signingScheme',
  signingTime: 'io.cncf.notary.signingTime',
  authenticSigningTime: 'io.cncf.notary.authenticSigningTime',
  expiry: 'io.cncf.notary.expiry',
  verificationPlugin: 'io.cncf.notary.verificationPlugin',
  verificationPluginMinVersion: 'io.cncf.notary.verificationPluginMinVersion',
  timestampSignature: 'io.cncf.notary.timestampSignature',
  signingAgent: 'io.cncf.notary.signingAgent',
} as const

/**
 * Critical headers we implement (notary-spec.md §7.4). Any other label in crit fails decoding, as the
 * spec requires; verificationPlugin* are understood only far enough to report them (the verifier
 * turns them into an inconclusive result).
 */
export const UNDERSTOOD_CRITICAL: ReadonlySet<string> = new Set([
  HEADER.signingScheme,
  HEADER.authenticSigningTime,
  HEADER.expiry,
  HEADER.signingTime,
  HEADER.verificationPlugin,
  HEADER.verificationPluginMinVersion,
])
