/** Builders for trust policy documents in verify tests. */

export interface StatementInput {
  name?: unknown
  registryScopes?: unknown
  signatureVerification?: unknown
  trustStores?: unknown
  trustedIdentities?: unknown
  [extra: string]: unknown
}

/** A valid strict statement for `registry.example/app`, with fields replaced by `overrides`. */
export function statement(overrides: StatementInput = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: 'app',
    registryScopes: ['registry.example/app'],
    signatureVerification: { level: 'strict' },
    trustStores: ['ca:acme'],
    trustedIdentities: ['x509.subject: C=US, ST=WA, O=Acme'],
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete base[k]
    else base[k] = v
  }
  return base
}

export function policyDoc(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { version: '1.0', trustPolicies: statements.length > 0 ? statements : [statement()] }
}

export const policyJson = (...statements: Record<string, unknown>[]): string =>
  JSON.stringify(policyDoc(...statements), null, 2)
