/**
 * What a consumer needs to verify what was just signed, as one copy-paste: the trust material
 * (the signing root, and the TSA root when timestamped) added to a notation trust store, a trust
 * policy scoped to the signed repositories that trusts exactly the signer's `x509.subject`, and a
 * `notation verify` command per signed digest. Pure: a function of the sign result. The same
 * policy and store layout work as this action's `trust-policy` and `trust-store` inputs.
 */
import type { SignedManifest } from '../commands/types.js'
import type { TrustAnchor } from '../x509/anchor.js'

/** The store name the hint uses for both the `ca` and the `tsa` store. */
export const HINT_STORE_NAME = 'oci-notary'
export const HINT_POLICY_NAME = 'oci-notary-signed'

export interface HintCertificate {
  type: 'ca' | 'tsa'
  store: string
  /** File name inside the store directory `x509/<type>/<store>/`. */
  file: string
  /** The anchor; without `pem` the consumer must obtain the certificate named by `subject`. */
  anchor: TrustAnchor
}

export interface VerificationHint {
  /** notation's trustpolicy.json (version 1.0). */
  trustPolicy: {
    version: '1.0'
    trustPolicies: {
      name: string
      registryScopes: string[]
      signatureVerification: { level: 'strict' }
      trustStores: string[]
      trustedIdentities: string[]
    }[]
  }
  certificates: HintCertificate[]
  /** `notation verify <repository>@<digest>`, one per signed manifest. */
  commands: string[]
}

const unique = <T>(values: T[]): T[] => [...new Set(values)]

/**
 * Undefined when nothing was signed. `timestampRoot` is the configured
 * `timestamp-root-certificate`, used when the tokens do not carry their root.
 */
export function verificationHint(
  signed: readonly SignedManifest[],
  options: { timestampRoot?: TrustAnchor } = {},
): VerificationHint | undefined {
  const first = signed[0]
  if (first === undefined) return undefined
  const signing = signed.find((s) => s.trustAnchors.signing)?.trustAnchors.signing
  const timestamped = signed.every((s) => s.timestamp !== undefined)
  const fromToken = signed.find((s) => s.trustAnchors.timestamp)?.trustAnchors.timestamp
  const tsa = fromToken?.pem === undefined ? (options.timestampRoot ?? fromToken) : fromToken
  const certificates: HintCertificate[] = []
  if (signing) {
    certificates.push({
      type: 'ca',
      store: HINT_STORE_NAME,
      file: 'signing-root.pem',
      anchor: signing,
    })
  }
  if (timestamped && tsa) {
    certificates.push({ type: 'tsa', store: HINT_STORE_NAME, file: 'tsa-root.pem', anchor: tsa })
  }
  return {
    trustPolicy: {
      version: '1.0',
      trustPolicies: [
        {
          name: HINT_POLICY_NAME,
          registryScopes: unique(signed.map((s) => s.repository)),
          signatureVerification: { level: 'strict' },
          // A timestamp is checked against the tsa store; it is what keeps a signature valid
          // after its certificate expires (Artifact Signing certificates live 72 hours).
          trustStores: [
            `ca:${HINT_STORE_NAME}`,
            ...(timestamped ? [`tsa:${HINT_STORE_NAME}`] : []),
          ],
          trustedIdentities: unique(signed.map((s) => `x509.subject: ${s.signer}`)),
        },
      ],
    },
    certificates,
    commands: unique(signed.map((s) => `notation verify ${s.repository}@${s.digest}`)),
  }
}

function certificateSteps(c: HintCertificate): string[] {
  const where = `x509/${c.type}/${c.store}/${c.file}`
  if (c.anchor.pem === undefined) {
    return [
      `# ${c.type} root: "${c.anchor.subject}" (not in the signature; obtain it from its issuer,`,
      `# README "Trust material" lists Microsoft's), save it as ${c.file}, then:`,
      `notation cert add --type ${c.type} --store ${c.store} ${c.file}   # -> truststore/${where}`,
    ]
  }
  return [
    `# ${c.type} root: ${c.anchor.subject} (SHA-256 ${c.anchor.sha256 ?? 'unknown'})`,
    `cat > ${c.file} <<'PEM'`,
    c.anchor.pem.trimEnd(),
    'PEM',
    `notation cert add --type ${c.type} --store ${c.store} ${c.file}   # -> truststore/${where}`,
  ]
}

/** The hint as a shell script: paste it into a terminal with notation installed. */
export function renderVerificationHint(hint: VerificationHint): string {
  return [
    '# Verify with notation: trust the root(s), import the trust policy, verify each digest.',
    '# The same trustpolicy.json and truststore/ layout work as the trust-policy and',
    '# trust-store inputs of this action (or oci-notary verify).',
    ...hint.certificates.flatMap(certificateSteps),
    "cat > trustpolicy.json <<'JSON'",
    JSON.stringify(hint.trustPolicy, null, 2),
    'JSON',
    'notation policy import --force trustpolicy.json',
    ...hint.commands,
  ].join('\n')
}
