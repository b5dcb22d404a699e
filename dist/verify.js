#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  maskSecrets,
  runVerifyAction
} from "./chunks/chunk-YYDP25EX.js";
import {
  VERIFY_INPUTS,
  parseVerifyConfig,
  readRawInputs
} from "./chunks/chunk-PXB7QROI.js";
import {
  getInput
} from "./chunks/chunk-LHDFCURT.js";
import "./chunks/chunk-GVFE32M3.js";
import "./chunks/chunk-YNTFKTG7.js";
import "./chunks/chunk-J5PFMCSY.js";
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
