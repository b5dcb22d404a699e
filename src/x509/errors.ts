import { ActionError } from '../errors.js'

/** One code per certificate rule, so callers and tests can tell them apart. */
export type CertificateCode =
  | 'CERT_PEM_INVALID'
  | 'CERT_PARSE'
  | 'CERT_CHAIN_EMPTY'
  | 'CERT_CHAIN_ORDER'
  | 'CERT_NOT_SELF_SIGNED_ROOT'
  | 'CERT_SELF_SIGNED_NOT_ROOT'
  | 'CERT_SELF_SIGNED_INVALID'
  | 'CERT_WEAK_SIGNATURE'
  | 'CERT_CA_BASIC_CONSTRAINTS'
  | 'CERT_CA_PATH_LENGTH'
  | 'CERT_CA_KEY_USAGE'
  | 'CERT_LEAF_BASIC_CONSTRAINTS'
  | 'CERT_LEAF_KEY_USAGE'
  | 'CERT_LEAF_EKU'
  | 'CERT_TSA_EKU'
  | 'CERT_KEY_UNSUPPORTED'
  | 'CERT_EXPIRED'
  | 'CERT_NOT_YET_VALID'

/**
 * A certificate or chain that breaks a Notary Project certificate rule (notary-spec.md §3).
 * `position` is the index in the chain (0 = leaf) when the error is about one certificate.
 */
export class CertificateError extends ActionError<CertificateCode> {
  readonly position?: number
  readonly subject?: string

  constructor(
    code: CertificateCode,
    message: string,
    options?: { cause?: unknown; remedy?: string; position?: number; subject?: string },
  ) {
    super(code, message, options)
    if (options?.position !== undefined) this.position = options.position
    if (options?.subject !== undefined) this.subject = options.subject
  }
}
