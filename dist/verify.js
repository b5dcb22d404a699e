#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ActionError,
  VERIFY_INPUTS,
  failStep,
  getInput,
  maskSecrets,
  parseVerifyConfig,
  readRawInputs
} from "./chunks/chunk-CS4VL5YH.js";

// src/action/run-verify.ts
async function runVerifyAction(_config) {
  throw new ActionError("NOT_IMPLEMENTED", "verification is being wired up");
}

// src/action/verify-entry.ts
async function main() {
  try {
    const raw = readRawInputs(VERIFY_INPUTS, (name) => getInput(name));
    maskSecrets(raw);
    await runVerifyAction(parseVerifyConfig(raw));
  } catch (err) {
    failStep(err);
  }
}
await main();
