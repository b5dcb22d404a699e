/**
 * Azure Key Vault as a {@link Signer}, in-process, the way notation-azure-kv signs:
 * - the chain comes from the certificate's secret (PEM or PKCS#12: the certificate with its CA
 *   chain as merged into the vault; needs secret "get", like the plugin's default mode);
 * - with azure-key-vault-certificate-chain (the plugin's `ca_certs`), the leaf comes from the
 *   certificate object (certificate "get") and the CA certificates from that input; a file that
 *   starts with the leaf itself is taken whole (a key without a Key Vault certificate, e.g. on a
 *   Managed HSM);
 * - without the secret permission, a self-signed certificate (the plugin's `self_signed`) is
 *   read from the certificate object alone;
 * - the signature comes from the Keys `sign` operation on the digest we compute, with the
 *   algorithm the leaf key dictates (notary-spec.md §3.1: RSA 2048/3072/4096 → PS256/384/512,
 *   EC P-256/384/521 → ES256/384/512; Key Vault's PS* use salt = hash length, as Notary requires,
 *   and its ES* return r||s, the COSE/JWS form).
 * The chain is validated (Notary code-signing rules) when the signer is created, before anything is
 * signed or pushed; each signature is verified with the leaf key before it is returned.
 */
import { createHash, type KeyObject } from 'node:crypto'
import { ActionError } from '../errors.js'
import { silentLogger, type Logger } from '../log.js'
import type { Transport } from '../net/transport.js'
import { SigningError } from '../signer/errors.js'
import type { KeySpec, SignatureAlgorithm, SignResult, Signer } from '../signer/signer.js'
import { parseCertificate } from '../x509/certificate.js'
import { validateCodeSigningChain } from '../x509/chain.js'
import { algorithmForKeySpec, algorithmInfo } from '../x509/key-spec.js'
import { pemToCertificates } from '../x509/pem.js'
import { verifyRaw } from '../x509/raw-signature.js'
import { KeyVaultError } from './errors.js'
import {
  CHAIN_INPUT_REMEDY,
  certificatesFromSecret,
  orderChain,
  secretKeyMaterial,
} from './key-vault-certificates.js'
import { createKeyVaultClient, type KeyVaultClient } from './key-vault-client.js'
import { KEY_ID_INPUT, parseKeyVaultId, type KeyVaultObjectId } from './key-vault-id.js'
import type { TokenCredentialLike } from './types.js'

export const CHAIN_INPUT = 'azure-key-vault-certificate-chain'

export interface KeyVaultSignerOptions {
  /** Input azure-key-vault-key-id. */
  keyId: string
  /** PEM text of azure-key-vault-certificate-chain (loaded at the edge), when given. */
  certificateChainPem?: string
  /** Input allow-untrusted-endpoint. */
  allowUntrustedEndpoint?: boolean
  credential: TokenCredentialLike
  transport: Transport
  logger?: Logger
  /** The time the chain must be valid at (the signing time). */
  now: Date
  /** Registers secret text with the CI log masker (the private key an exportable secret holds). */
  mask?: (secret: string) => void
}

export interface KeyVaultSigner extends Signer {
  readonly certificateChain: readonly Uint8Array[]
  currentChain(): Promise<Uint8Array[]>
  /** The versioned key id the signatures come from. */
  readonly keyUrl: string
}

interface Material {
  /** Certificates in any order (the leaf known or not). */
  certificates: Uint8Array[]
  /** The certificate object's DER, when read. */
  leaf?: Uint8Array
  /** Versioned key id the certificate names (`kid`), when known. */
  kid?: string
  source: string
}

/** `https://vault/keys/<name>/<version>` → its version, checked to be this vault's key `name`. */
function versionOfKid(kid: string, id: KeyVaultObjectId): string {
  let url: URL | undefined
  try {
    url = new URL(kid)
  } catch {
    url = undefined
  }
  const m = url === undefined ? null : /^\/keys\/([^/]+)\/([0-9A-Fa-f]{32})\/?$/.exec(url.pathname)
  if (url === undefined || url.origin !== id.vaultUrl || m === null || m[1] !== id.name) {
    throw new KeyVaultError(
      'KEY_VAULT_KEY_MISMATCH',
      `the certificate "${id.name}" names the key "${kid.slice(0, 200)}", not a version of the key "${id.name}" in ${id.host}`,
      { remedy: `name the certificate's own key in ${KEY_ID_INPUT}` },
    )
  }
  return (m[2] as string).toLowerCase()
}

function isCa(der: Uint8Array): boolean {
  return parseCertificate(der).basicConstraints.cA
}

async function userChainMaterial(
  id: KeyVaultObjectId,
  client: KeyVaultClient,
  userChain: Uint8Array[],
): Promise<Material> {
  const first = userChain[0] as Uint8Array
  if (!isCa(first)) {
    // The file starts with the leaf: it is the whole chain (no certificate read needed).
    return { certificates: userChain, leaf: first, source: CHAIN_INPUT }
  }
  if (id.managedHsm) {
    throw new KeyVaultError(
      'KEY_VAULT_CERTIFICATE_INVALID',
      `${CHAIN_INPUT} starts with a CA certificate, but a Managed HSM holds no certificate to take the leaf from`,
      { remedy: `put the key's certificate first in ${CHAIN_INPUT}, then its CA certificates` },
    )
  }
  const cert = await client.getCertificate(id.name, id.version)
  return {
    certificates: [cert.cer, ...userChain],
    leaf: cert.cer,
    ...(cert.kid === undefined ? {} : { kid: cert.kid }),
    source: `the certificate "${id.name}" with ${CHAIN_INPUT}`,
  }
}

async function vaultMaterial(
  id: KeyVaultObjectId,
  client: KeyVaultClient,
  logger: Logger,
  mask: (secret: string) => void,
): Promise<Material> {
  try {
    const secret = await client.getSecret(id.name, id.version)
    const keyMaterial = secretKeyMaterial(secret)
    if (keyMaterial !== undefined) mask(keyMaterial)
    return {
      certificates: certificatesFromSecret(secret, `the secret of certificate "${id.name}"`),
      ...(secret.kid === undefined ? {} : { kid: secret.kid }),
      source: `the secret of certificate "${id.name}"`,
    }
  } catch (err) {
    if (!(err instanceof KeyVaultError && err.code === 'KEY_VAULT_FORBIDDEN')) throw err
    // notation-azure-kv's self_signed mode needs only certificate "get": try the certificate object.
    const cert = await client.getCertificate(id.name, id.version).catch((certErr: unknown) => {
      throw certErr instanceof KeyVaultError && certErr.code === 'KEY_VAULT_FORBIDDEN'
        ? err
        : certErr
    })
    if (!parseCertificate(cert.cer).selfSigned) {
      throw new KeyVaultError(
        'KEY_VAULT_FORBIDDEN',
        `the certificate "${id.name}" is CA-issued, and its chain is in the certificate's secret, which the identity may not read (HTTP 403)`,
        {
          cause: err,
          ...(err.status === undefined ? {} : { status: err.status }),
          remedy: `${err.remedy ?? ''}; or give ${CHAIN_INPUT} with the CA certificates (intermediates, then the root)`,
        },
      )
    }
    logger.info(
      `key vault: no access to the secret of "${id.name}"; using its self-signed certificate from the certificate object`,
    )
    return {
      certificates: [cert.cer],
      leaf: cert.cer,
      ...(cert.kid === undefined ? {} : { kid: cert.kid }),
      source: `the certificate "${id.name}"`,
    }
  }
}

/** Creates the signer: reads and validates the chain now, so a bad setup fails before signing. */
export async function createKeyVaultSigner(
  options: KeyVaultSignerOptions,
): Promise<KeyVaultSigner> {
  const logger = options.logger ?? silentLogger
  const id = parseKeyVaultId(options.keyId, {
    allowUntrusted: options.allowUntrustedEndpoint === true,
  })
  if (id.trust === 'opted-in') {
    logger.warning(
      `${KEY_ID_INPUT}: ${id.host} is not a Key Vault host; sending it an Entra token because allow-untrusted-endpoint is true`,
    )
  }
  const client = createKeyVaultClient({
    vault: id,
    credential: options.credential,
    transport: options.transport,
    logger,
  })
  const userChain =
    options.certificateChainPem === undefined
      ? undefined
      : pemToCertificates(options.certificateChainPem, CHAIN_INPUT)
  if (userChain === undefined && id.managedHsm) {
    throw new KeyVaultError(
      'KEY_VAULT_CERTIFICATE_INVALID',
      `${KEY_ID_INPUT} names a Managed HSM key, and a Managed HSM holds no certificates`,
      { remedy: `give ${CHAIN_INPUT} with the key's certificate chain, leaf first` },
    )
  }
  const material =
    userChain === undefined
      ? await vaultMaterial(id, client, logger, options.mask ?? (() => undefined))
      : await userChainMaterial(id, client, userChain)

  const chain = orderChain(
    material.certificates,
    material.source,
    material.leaf,
    userChain === undefined ? undefined : CHAIN_INPUT_REMEDY,
  )
  let keySpec: KeySpec
  let leafSubject: string
  let leafKey: KeyObject
  try {
    const validated = validateCodeSigningChain(chain, { signingTime: options.now })
    keySpec = validated.keySpec
    leafSubject = validated.leaf.subject
    leafKey = validated.leaf.publicKey
  } catch (err) {
    throw new SigningError(
      'SIGNER_CHAIN_INVALID',
      `${material.source} is not a valid Notary code-signing chain at ${options.now.toISOString()}`,
      { cause: err },
    )
  }
  const algorithm: SignatureAlgorithm = algorithmForKeySpec(keySpec)

  // The key version: the one named in the input, else the certificate's, else the key's current.
  let version: string
  if (id.version !== undefined && id.collection === 'keys') {
    version = id.version
    if (material.kid !== undefined && versionOfKid(material.kid, id) !== version) {
      throw new KeyVaultError(
        'KEY_VAULT_KEY_MISMATCH',
        `the certificate read for ${KEY_ID_INPUT} belongs to another version of the key "${id.name}" (${material.kid})`,
        {
          remedy: `name the certificate's key version in ${KEY_ID_INPUT}, or leave the version out`,
        },
      )
    }
  } else if (material.kid !== undefined) {
    version = versionOfKid(material.kid, id)
  } else if (id.version !== undefined) {
    version = id.version
  } else {
    version = versionOfKid((await client.getKey(id.name)).kid, id)
  }
  const keyUrl = `${id.vaultUrl}/keys/${id.name}/${version}`
  const info = algorithmInfo(algorithm)
  logger.info(
    `key vault: signing with ${keyUrl} (${keySpec}, ${algorithm}); certificate "${leafSubject}" from ${material.source}, ${chain.length} certificate(s)`,
  )

  async function sign(toBeSigned: Uint8Array): Promise<SignResult> {
    const digest = createHash(info.nodeHash).update(toBeSigned).digest()
    let signature: Uint8Array
    try {
      signature = await client.sign(id.name, version, algorithm, digest)
    } catch (err) {
      if (err instanceof ActionError) throw err
      throw new SigningError('SIGNER_FAILED', `Key Vault signing with ${keyUrl} failed`, {
        cause: err,
      })
    }
    if (!verifyRaw(algorithm, leafKey, toBeSigned, signature)) {
      throw new KeyVaultError(
        'KEY_VAULT_SIGNATURE_MISMATCH',
        `the signature from ${keyUrl} does not verify (${info.notationName}) with the key of the leaf certificate "${leafSubject}" from ${material.source}`,
        {
          remedy: `nothing was pushed; the key and the certificate do not belong together: name the certificate's own key in ${KEY_ID_INPUT}${
            userChain === undefined ? '' : `, and put that certificate's chain in ${CHAIN_INPUT}`
          }`,
        },
      )
    }
    return { signature, certificateChain: chain.map((c) => new Uint8Array(c)) }
  }

  return {
    keySpec,
    algorithm,
    description: `Azure Key Vault ${id.host}/${id.name} (${keySpec}, leaf "${leafSubject}")`,
    certificateChain: chain,
    keyUrl,
    sign,
    // The chain is read and validated once, when the signer is made: every signature carries it.
    currentChain: () => Promise.resolve(chain.map((c) => new Uint8Array(c))),
  }
}
