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
  const said = [];
  let current = err;
  for (let depth = 0; current !== void 0 && current !== null && depth < maxDepth; depth++) {
    const prefix = lines.length === 0 ? "" : "  caused by: ";
    const message = current instanceof Error ? current.message : String(current);
    const repeated = message !== "" && said.some((m) => m.includes(message));
    const code = current instanceof ActionError ? `[${current.code}]` : "";
    if (!repeated) lines.push(`${prefix}${code === "" ? "" : `${code} `}${message}`);
    else if (code !== "" && !lines.some((l) => l.includes(code))) lines.push(`${prefix}${code}`);
    said.push(message);
    if (!(current instanceof Error)) break;
    current = current.cause;
  }
  return lines;
}

export {
  ActionError,
  ConfigError,
  formatCauseChain
};
