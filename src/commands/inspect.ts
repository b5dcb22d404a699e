/**
 * `inspect`: an image's Notary signatures, decoded but not judged (like `notation inspect`). Each
 * envelope is fetched with the same caps and digest checks as verification; a signature that
 * cannot be fetched or decoded is listed with the reason.
 */
import { decodeEnvelope } from '../envelope/decode.js'
import { formatCauseChain } from '../errors.js'
import type { Logger } from '../log.js'
import { MEDIA_TYPE } from '../notary/constants.js'
import { parseSignatureManifest } from '../notary/manifest.js'
import { parsePayload } from '../notary/payload.js'
import type { RegistryClient } from '../oci/client.js'
import type { Descriptor } from '../oci/descriptor.js'
import { LIMITS } from '../oci/manifest.js'
import { parseReference } from '../oci/reference.js'
import { parseTimestampToken, parseTstInfo } from '../timestamp/token.js'
import { parseCertificate } from '../x509/certificate.js'

export interface InspectedCertificate {
  subject: string
  issuer: string
  sha256: string
  notBefore: string
  notAfter: string
}

export interface InspectedSignature {
  digest: string
  manifestAnnotations: Record<string, string>
  envelope?: { mediaType: string; digest: string; size: number }
  algorithm?: string
  signingScheme?: string
  signingTime?: string
  expiry?: string
  signingAgent?: string
  certificates?: InspectedCertificate[]
  timestamp?: { genTime: string; tsaCertificates: InspectedCertificate[] }
  signedArtifact?: Descriptor
  /** Why the signature could not be decoded. */
  error?: string
}

export interface Inspection {
  reference: string
  repository: string
  digest: string
  mediaType: string
  discovery: 'api' | 'tag'
  signatures: InspectedSignature[]
}

function certificate(der: Uint8Array): InspectedCertificate {
  const c = parseCertificate(der)
  return {
    subject: c.subject,
    issuer: c.issuer,
    sha256: c.sha256,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
  }
}

async function inspectSignature(
  repository: ReturnType<RegistryClient['repository']>,
  candidate: Descriptor,
): Promise<InspectedSignature> {
  const out: InspectedSignature = {
    digest: candidate.digest,
    manifestAnnotations: candidate.annotations ?? {},
  }
  try {
    const fetched = await repository.fetchManifest(candidate, { maxBytes: LIMITS.manifestBytes })
    const manifest = parseSignatureManifest(fetched.bytes, fetched.descriptor.mediaType)
    out.manifestAnnotations = manifest.annotations
    out.envelope = {
      mediaType: manifest.envelope.mediaType,
      digest: manifest.envelope.digest,
      size: manifest.envelope.size,
    }
    const bytes = await repository.fetchBlob(manifest.envelope, { maxBytes: LIMITS.envelopeBytes })
    const parsed = decodeEnvelope(manifest.envelope.mediaType, bytes)
    out.algorithm = parsed.algorithm
    out.signingScheme = parsed.signingScheme
    const signed = parsed.signingTime ?? parsed.authenticSigningTime
    if (signed) out.signingTime = signed.toISOString()
    if (parsed.expiry) out.expiry = parsed.expiry.toISOString()
    if (parsed.signingAgent) out.signingAgent = parsed.signingAgent
    out.certificates = parsed.certificateChain.map(certificate)
    if (parsed.timestampToken) {
      const token = parseTimestampToken(parsed.timestampToken)
      out.timestamp = {
        genTime: parseTstInfo(token.eContent).genTime.toISOString(),
        tsaCertificates: token.certificates.map(certificate),
      }
    }
    out.signedArtifact = parsePayload(parsed.payload).targetArtifact
  } catch (err) {
    out.error = formatCauseChain(err).join('; ')
  }
  return out
}

export async function inspectImage(
  image: string,
  deps: { registry: RegistryClient; logger: Logger },
): Promise<Inspection> {
  const repository = deps.registry.repository(parseReference(image))
  const subject = await repository.resolve()
  const listed = await repository.listReferrers(subject, {
    artifactType: MEDIA_TYPE.notarySignature,
  })
  deps.logger.debug(`${listed.descriptors.length} signature(s) found via ${listed.via}`)
  const signatures: InspectedSignature[] = []
  for (const candidate of listed.descriptors.slice(0, LIMITS_INSPECT)) {
    signatures.push(await inspectSignature(repository, candidate))
  }
  return {
    reference: image,
    repository: repository.name,
    digest: subject.digest,
    mediaType: subject.mediaType,
    discovery: listed.via,
    signatures,
  }
}

/** Like notation's default signature limit. */
const LIMITS_INSPECT = 100

export function renderInspection(i: Inspection): string {
  const lines = [
    `${i.repository}@${i.digest}`,
    `└── application/vnd.cncf.notary.signature (${i.signatures.length}, via ${i.discovery === 'api' ? 'Referrers API' : 'referrers tag schema'})`,
  ]
  i.signatures.forEach((s, n) => {
    const last = n === i.signatures.length - 1
    const branch = last ? '    └── ' : '    ├── '
    const pad = last ? '        ' : '    │   '
    lines.push(`${branch}${s.digest}`)
    if (s.error) {
      lines.push(`${pad}error: ${s.error}`)
      return
    }
    lines.push(
      `${pad}envelope: ${s.envelope?.mediaType} ${s.envelope?.digest} (${s.envelope?.size} bytes)`,
    )
    lines.push(`${pad}algorithm: ${s.algorithm}, scheme ${s.signingScheme}`)
    if (s.signingTime) lines.push(`${pad}signing time: ${s.signingTime}`)
    if (s.expiry) lines.push(`${pad}expiry: ${s.expiry}`)
    if (s.signingAgent) lines.push(`${pad}signing agent: ${s.signingAgent}`)
    lines.push(
      `${pad}timestamp: ${s.timestamp ? `${s.timestamp.genTime} (TSA ${s.timestamp.tsaCertificates[0]?.subject ?? 'unknown'})` : 'none'}`,
    )
    for (const [k, c] of (s.certificates ?? []).entries()) {
      lines.push(
        `${pad}certificate ${k + 1}: ${c.subject} (sha256 ${c.sha256}, valid ${c.notBefore} – ${c.notAfter})`,
      )
    }
    if (s.signedArtifact) {
      lines.push(
        `${pad}signed artifact: ${s.signedArtifact.mediaType} ${s.signedArtifact.digest} (${s.signedArtifact.size} bytes)`,
      )
      for (const [k, v] of Object.entries(s.signedArtifact.annotations ?? {}))
        lines.push(`${pad}  ${k}=${v}`)
    }
  })
  return `${lines.join('\n')}\n`
}
