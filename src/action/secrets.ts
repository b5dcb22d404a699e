import * as core from '@actions/core'

/**
 * Registers a secret with the runner's log masker. The runner matches line by line, so a
 * multi-line value (a PEM key) is registered one line at a time; PEM armour lines are not secret.
 */
export function maskSecret(value: string): void {
  const lines = value.split(/\r?\n/).map((l) => l.trim())
  if (lines.length === 1) {
    if (value.trim() !== '') core.setSecret(value.trim())
    return
  }
  for (const line of lines) {
    if (line.length >= 8 && !line.startsWith('-----')) core.setSecret(line)
  }
}

/**
 * Masks secret inputs as soon as they are read: the registry password always, the signing key
 * when it is given inline (a path is not secret; the key read from it is masked when loaded).
 */
export function maskSecrets(raw: Partial<Record<string, string>>): void {
  const password = raw['registry-password']
  if (password) maskSecret(password)
  const key = raw['signing-key']
  if (key?.includes('-----BEGIN')) maskSecret(key)
}
