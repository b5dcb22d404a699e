#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ActionError
} from "./chunk-TW4RF5XT.js";

// src/azure/errors.ts
var ArtifactSigningError = class extends ActionError {
  /** HTTP status when the failure came from a response. */
  status;
  constructor(code, message, options) {
    super(code, message, options);
    if (options?.status !== void 0) this.status = options.status;
  }
};
var AzureAuthError = class extends ActionError {
};
var AcrError = class extends ActionError {
  status;
  constructor(code, message, options) {
    super(code, message, options);
    if (options?.status !== void 0) this.status = options.status;
  }
};
var KeyVaultError = class extends ActionError {
  status;
  constructor(code, message, options) {
    super(code, message, options);
    if (options?.status !== void 0) this.status = options.status;
  }
};

export {
  ArtifactSigningError,
  AzureAuthError,
  AcrError,
  KeyVaultError
};
