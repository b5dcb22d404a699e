#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  VERIFY_INPUTS,
  failStep,
  getInput,
  maskSecrets,
  parseVerifyConfig,
  readRawInputs,
  runVerifyAction
} from "./chunks/chunk-FZHDMPPR.js";
import "./chunks/chunk-2ZTQXNXN.js";

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
