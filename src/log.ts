/**
 * The logger port. Library code logs through this interface and never imports @actions/core;
 * the action edge adapts it to core (src/action/core-logger.ts), the CLI to stderr.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string, where?: { title?: string; file?: string }): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  group: async (_name, fn) => fn(),
}

/** A logger that records every line, for tests. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: (m) => void lines.push(`debug: ${m}`),
    info: (m) => void lines.push(`info: ${m}`),
    warning: (m) => void lines.push(`warning: ${m}`),
    group: async (name, fn) => {
      lines.push(`group: ${name}`)
      return fn()
    },
  }
}
