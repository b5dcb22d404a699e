#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  maskSecrets,
  runVerifyAction
} from "./chunks/chunk-XAFIKHMZ.js";
import {
  VERIFY_INPUTS,
  parseVerifyConfig,
  readRawInputs
} from "./chunks/chunk-ZQW6DLYN.js";
import {
  getInput
} from "./chunks/chunk-LHDFCURT.js";
import "./chunks/chunk-HQ4URYDA.js";
import "./chunks/chunk-IBQZBEKA.js";
import "./chunks/chunk-SDPK7C2D.js";
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
