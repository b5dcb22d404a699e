#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ActionError,
  SIGN_INPUTS,
  failStep,
  getInput,
  maskSecrets,
  parseSignConfig,
  readRawInputs
} from "./chunks/chunk-CS4VL5YH.js";

// src/action/run-sign.ts
async function runSignAction(_config) {
  throw new ActionError("NOT_IMPLEMENTED", "signing is being wired up");
}

// src/action/sign-entry.ts
async function main() {
  try {
    const raw = readRawInputs(SIGN_INPUTS, (name) => getInput(name));
    maskSecrets(raw);
    await runSignAction(parseSignConfig(raw));
  } catch (err) {
    failStep(err);
  }
}
await main();
