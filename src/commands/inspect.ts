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
import { parseCertificate, parseNameAttributes } from '../x509/certificate.js'
import { policyDn, policySubject } from '../x509/dn.js'

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
  /** The leaf subject, in the trust-policy `x509.subject` spelling. */
  signer?: string
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
    subject: policySubject(c),
    issuer: policyDn(parseNameAttributes(c.rawIssuer)),
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
    Object.assign(out, describeEnvelope(manifest.envelope.mediaType, bytes))
  } catch (err) {
    out.error = formatCauseChain(err).join('; ')
  }
  return out
}

/** What an envelope says, decoded but not judged. */
export type EnvelopeDescription = Required<
  Pick<InspectedSignature, 'algorithm' | 'signingScheme' | 'certificates' | 'signedArtifact'>
> &
  Pick<InspectedSignature, 'signingTime' | 'expiry' | 'signingAgent' | 'timestamp'> & {
    /** The leaf subject, in the trust-policy `x509.subject` spelling. */
    signer?: string
  }

/** Decodes an envelope (COSE or JWS) for inspection; throws when it does not decode. */
export function describeEnvelope(mediaType: string, bytes: Uint8Array): EnvelopeDescription {
  const parsed = decodeEnvelope(mediaType, bytes)
  const leaf = parsed.certificateChain[0]
  const signed = parsed.signingTime ?? parsed.authenticSigningTime
  const token = parsed.timestampToken ? parseTimestampToken(parsed.timestampToken) : undefined
  return {
    algorithm: parsed.algorithm,
    signingScheme: parsed.signingScheme,
    ...(signed ? { signingTime: signed.toISOString() } : {}),
    ...(parsed.expiry ? { expiry: parsed.expiry.toISOString() } : {}),
    ...(parsed.signingAgent ? { signingAgent: parsed.signingAgent } : {}),
    ...(leaf ? { signer: policySubject(leaf) } : {}),
    certificates: parsed.certificateChain.map(certificate),
    ...(token
      ? {
          timestamp: {
            genTime: parseTstInfo(token.eContent).genTime.toISOString(),
            tsaCertificates: token.certificates.map(certificate),
          },
        }
      : {}),
    signedArtifact: parsePayload(parsed.payload).targetArtifact,
  }
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

/** The decoded facts of one envelope, one per line (shared by both inspect forms). */
function envelopeLines(s: EnvelopeDescription): string[] {
  const lines: string[] = []
  if (s.signedArtifact) {
    lines.push(
      `signed subject: ${s.signedArtifact.mediaType} ${s.signedArtifact.digest} (${s.signedArtifact.size} bytes)`,
    )
    for (const [k, v] of Object.entries(s.signedArtifact.annotations ?? {}))
      lines.push(`  ${k}=${v}`)
  }
  if (s.signer) lines.push(`signer: ${s.signer}`)
  lines.push(`algorithm: ${s.algorithm}, scheme ${s.signingScheme}`)
  if (s.signingTime) lines.push(`signing time: ${s.signingTime}`)
  if (s.expiry) lines.push(`expiry: ${s.expiry}`)
  if (s.signingAgent) lines.push(`signing agent: ${s.signingAgent}`)
  lines.push(
    `timestamp: ${s.timestamp ? `${s.timestamp.genTime} (TSA ${s.timestamp.tsaCertificates[0]?.subject ?? 'unknown'})` : 'none'}`,
  )
  for (const [k, c] of s.certificates.entries()) {
    lines.push(
      `certificate ${k + 1}: ${c.subject} (sha256 ${c.sha256}, valid ${c.notBefore} – ${c.notAfter})`,
    )
  }
  return lines
}

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
    if (
      s.algorithm !== undefined &&
      s.signingScheme !== undefined &&
      s.certificates &&
      s.signedArtifact
    ) {
      const description: EnvelopeDescription = {
        ...s,
        algorithm: s.algorithm,
        signingScheme: s.signingScheme,
        certificates: s.certificates,
        signedArtifact: s.signedArtifact,
      }
      for (const line of envelopeLines(description)) lines.push(`${pad}${line}`)
    }
  })
  return `${lines.join('\n')}\n`
}

/** An envelope file as `inspect --signature` shows it. */
export interface InspectedEnvelopeFile extends EnvelopeDescription {
  /** `sha256:` of the file's bytes (what a signature manifest's layer would name). */
  digest: string
  mediaType: string
  size: number
}

export function renderEnvelopeFile(file: string, e: InspectedEnvelopeFile): string {
  const lines = envelopeLines(e)
  return `${[
    `${file}: ${e.mediaType} ${e.digest} (${e.size} bytes)`,
    ...lines.map((l, n) => `${n === lines.length - 1 ? '└── ' : '├── '}${l}`),
  ].join('\n')}\n`
}
