/**
 * This release's version, as package.json states it (a test keeps the two equal; the release
 * workflow checks the tag against package.json). It names us to registries, Artifact Signing and
 * in the envelope's signing agent.
 */
export const VERSION = '1.0.0'
