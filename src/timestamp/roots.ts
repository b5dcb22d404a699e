/**
 * The TSA roots a signer anchors its tokens in (the timestamp-root-certificate input), checked
 * when they are loaded rather than at the first token: notation's `sign --timestamp-root-cert`
 * refuses a certificate that is not a root (notation cmd/notation/sign.go, via
 * notation-core-go x509 IsRootCertificate: self-issued and self-signed). We match that, and also
 * require a CA (basicConstraints cA=true, as notary-spec.md §3.4 asks of trust-store roots), so a
 * TSA leaf given by mistake fails here with a message that names the input.
 */
import { ConfigError } from '../errors.js'
import { parseCertificate } from '../x509/certificate.js'

/** Throws INPUT_INVALID naming `inputName` unless every certificate is a self-signed CA root. */
export function checkTimestampRoots(roots: readonly Uint8Array[], inputName: string): void {
  if (roots.length === 0) {
    throw new ConfigError('INPUT_INVALID', `input ${inputName} holds no certificate`)
  }
  roots.forEach((der, i) => {
    const cert = parseCertificate(der)
    const which = roots.length === 1 ? 'the certificate' : `certificate ${i + 1}`
    const problem = !cert.selfSigned
      ? cert.selfIssued
        ? 'is self-issued but its signature does not verify with its own key'
        : `is not self-signed (issued by "${cert.issuer}")`
      : !cert.basicConstraints.cA
        ? 'is self-signed but not a CA (basicConstraints cA is not true)'
        : undefined
    if (problem === undefined) return
    throw new ConfigError(
      'INPUT_INVALID',
      `input ${inputName}: ${which} ("${cert.subject}") ${problem}; it must be the TSA's root certificate`,
      {
        remedy: `give the root CA certificate of the TSA's chain in ${inputName}, not the TSA's own (leaf) certificate`,
      },
    )
  })
}
