#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  maskSecrets,
  runVerifyAction
} from "./chunks/chunk-MNXCE5FC.js";
import {
  VERIFY_INPUTS,
  parseVerifyConfig,
  readRawInputs
} from "./chunks/chunk-CQSUUPOR.js";
import {
  getInput
} from "./chunks/chunk-T7SYLWVO.js";
import "./chunks/chunk-NQ2ETGFX.js";
import "./chunks/chunk-ARJTEEDT.js";
import "./chunks/chunk-QITFBBGE.js";
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
