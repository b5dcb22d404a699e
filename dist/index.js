#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  maskSecrets,
  runSignAction
} from "./chunks/chunk-YYDP25EX.js";
import {
  SIGN_INPUTS,
  parseSignConfig,
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
