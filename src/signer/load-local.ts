/**
 * The I/O edge of the local-key signer: inputs may hold PEM text inline or a path to a PEM file.
 * Key material is never logged or echoed; errors name the input (signing-key,
 * signing-certificate-chain) and, for files, the path.
 */
import { readFile } from 'node:fs/promises'
import { ConfigError } from '../errors.js'
import { createLocalKeySigner, type LocalKeySigner } from './local-key.js'

const PEM_MARKER = '-----BEGIN '

/** Returns PEM text: `value` itself when it holds a PEM block, otherwise the content of that file. */
export async function loadPemInput(value: string, inputName: string): Promise<string> {
  const trimmed = value.trim()
  if (trimmed === '') throw new ConfigError('INPUT_MISSING', `${inputName} is empty`)
  if (trimmed.includes(PEM_MARKER)) return trimmed
  if (trimmed.includes('\n')) {
    throw new ConfigError(
      'INPUT_INVALID',
      `${inputName} is neither PEM text (no "-----BEGIN" line) nor a single file path`,
    )
  }
  let text: string
  try {
    text = await readFile(trimmed, 'utf8')
  } catch (err) {
    const code = (err as { code?: string }).code
    throw new ConfigError(
      'INPUT_INVALID',
      `${inputName}: cannot read file "${trimmed}"${code ? ` (${code})` : ''}`,
      { cause: err },
    )
  }
  if (!text.includes(PEM_MARKER)) {
    throw new ConfigError('INPUT_INVALID', `${inputName}: file "${trimmed}" holds no PEM block`)
  }
  return text
}

/** Loads both inputs and builds the signer (the chain is checked at `now`). */
export async function loadLocalKeySigner(inputs: {
  signingKey: string
  signingCertificateChain: string
  now: Date
}): Promise<LocalKeySigner> {
  const keyPem = await loadPemInput(inputs.signingKey, 'signing-key')
  const chainPem = await loadPemInput(inputs.signingCertificateChain, 'signing-certificate-chain')
  return createLocalKeySigner({
    keyPem,
    chainPem,
    now: inputs.now,
    names: { key: 'signing-key', chain: 'signing-certificate-chain' },
  })
}
