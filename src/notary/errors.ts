import { ActionError } from '../errors.js'

/** Payload and signature-manifest codes. */
export type NotaryCode =
  /** The signed payload is not {"targetArtifact": descriptor}. */
  | 'PAYLOAD_MALFORMED'
  /** A user-metadata key uses the reserved io.cncf.notary prefix. */
  | 'PAYLOAD_METADATA_RESERVED'
  /** A user-metadata key already exists in the descriptor annotations. */
  | 'PAYLOAD_METADATA_DUPLICATE'
  /** The descriptor to sign is incomplete. */
  | 'PAYLOAD_DESCRIPTOR_INVALID'
  /** The manifest is not valid JSON or lacks required fields. */
  | 'MANIFEST_MALFORMED'
  /** The manifest is well-formed but not a Notary Project signature manifest. */
  | 'MANIFEST_NOT_NOTARY'

/** Notary payload and signature-manifest errors. */
export class NotaryError extends ActionError<NotaryCode> {}
