/** Notary Project and OCI constants (notary-spec.md Appendix A). */
export const MEDIA_TYPE = {
  notaryPayload: 'application/vnd.cncf.notary.payload.v1+json',
  cose: 'application/cose',
  jws: 'application/jose+json',
  notarySignature: 'application/vnd.cncf.notary.signature',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociArtifactManifest: 'application/vnd.oci.artifact.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
} as const

/** The 2-byte `{}` config blob every Notary signature manifest references. */
export const EMPTY_CONFIG = {
  bytes: new Uint8Array([0x7b, 0x7d]),
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  base64: 'e30=',
} as const

export const ANNOTATION = {
  thumbprints: 'io.cncf.notary.x509chain.thumbprint#S256',
  created: 'org.opencontainers.image.created',
} as const

export const SIGNING_SCHEME = {
  x509: 'notary.x509',
  signingAuthority: 'notary.x509.signingAuthority',
} as const
export type SigningScheme = (typeof SIGNING_SCHEME)[keyof typeof SIGNING_SCHEME]
