#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/errors.ts
var ActionError = class extends Error {
  code;
  /** A short remedy the user can act on, shown after the message. */
  remedy;
  constructor(code, message, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    if (options?.remedy !== void 0) this.remedy = options.remedy;
  }
};
var ConfigError = class extends ActionError {
};
function formatCauseChain(err, maxDepth = 8) {
  const lines = [];
  let current = err;
  for (let depth = 0; current !== void 0 && current !== null && depth < maxDepth; depth++) {
    const prefix = depth === 0 ? "" : "  caused by: ";
    if (current instanceof Error) {
      const code = current instanceof ActionError ? `[${current.code}] ` : "";
      lines.push(`${prefix}${code}${current.message}`);
      current = current.cause;
    } else {
      lines.push(`${prefix}${String(current)}`);
      break;
    }
  }
  return lines;
}

// src/log.ts
var silentLogger = {
  debug() {
  },
  info() {
  },
  warning() {
  },
  group: async (_name, fn) => fn()
};

export {
  ActionError,
  ConfigError,
  formatCauseChain,
  silentLogger
};
