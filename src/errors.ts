/**
 * Coded errors. Every error the product raises carries a stable `code` (a string-literal union per
 * domain), a message that names the input or the spec rule, and the lower-level `cause`.
 * Families live beside their domain and extend this base: src/azure/errors.ts,
 * src/envelope/errors.ts, src/notary/errors.ts, src/oci/errors.ts, src/signer/errors.ts,
 * src/timestamp/errors.ts, src/verify/errors.ts, src/x509/errors.ts. `ConfigError` is here, and a
 * few sit in the module that raises them (src/net/transport.ts, src/net/dispatcher.ts,
 * src/commands/sign.ts, src/commands/verify.ts).
 */
export class ActionError<C extends string = string> extends Error {
  readonly code: C
  /** A short remedy the user can act on, shown after the message. */
  readonly remedy?: string

  constructor(code: C, message: string, options?: { cause?: unknown; remedy?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.code = code
    if (options?.remedy !== undefined) this.remedy = options.remedy
  }
}

export type ConfigCode =
  'INPUT_MISSING' | 'INPUT_INVALID' | 'INPUT_CONFLICT' | 'INPUT_NOT_APPLICABLE'

/** A bad input or a bad combination of inputs; the message names the inputs in kebab-case. */
export class ConfigError extends ActionError<ConfigCode> {}

/** True when `err` is an ActionError with the given code (optionally of the given class). */
export function hasCode(err: unknown, code: string): boolean {
  return err instanceof ActionError && err.code === code
}

/**
 * Renders an error and its cause chain as lines, outermost first:
 * `[CODE] message` / `  caused by: [CODE] message` ... Never includes stack traces.
 */
export function formatCauseChain(err: unknown, maxDepth = 8): string[] {
  const lines: string[] = []
  const said: string[] = []
  let current: unknown = err
  for (let depth = 0; current !== undefined && current !== null && depth < maxDepth; depth++) {
    const prefix = lines.length === 0 ? '' : '  caused by: '
    const message = current instanceof Error ? current.message : String(current)
    // A cause whose text an outer message already quotes (the AADSTS sentence, a TSA
    // verification failure) is not printed again, only its code; the chain goes on below it.
    const repeated = message !== '' && said.some((m) => m.includes(message))
    const code = current instanceof ActionError ? `[${current.code}]` : ''
    if (!repeated) lines.push(`${prefix}${code === '' ? '' : `${code} `}${message}`)
    // Its code still names the failure (scripts and tests look for it), without the text again.
    else if (code !== '' && !lines.some((l) => l.includes(code))) lines.push(`${prefix}${code}`)
    said.push(message)
    if (!(current instanceof Error)) break
    current = (current as { cause?: unknown }).cause
  }
  return lines
}

/** Narrows anything thrown into an Error without losing it. */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown))
}
