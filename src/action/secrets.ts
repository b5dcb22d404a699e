import * as core from '@actions/core'

/** Inputs whose values are secret whenever they are inline (not a file path). */
const SECRET_INPUTS = ['registry-password', 'signing-key'] as const

/**
 * Registers secret inputs with the runner's log masker as soon as they are read. Multi-line values
 * (PEM keys) are masked line by line, because the runner matches single lines.
 */
export function maskSecrets(raw: Partial<Record<string, string>>): void {
  for (const name of SECRET_INPUTS) {
    const value = raw[name]
    if (value === undefined || value === '') continue
    core.setSecret(value)
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= 8 && !line.startsWith('-----')) core.setSecret(line.trim())
    }
  }
}
