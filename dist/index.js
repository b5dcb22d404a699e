#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  maskSecrets,
  runSignAction
} from "./chunks/chunk-MNXCE5FC.js";
import {
  SIGN_INPUTS,
  parseSignConfig,
  readRawInputs
} from "./chunks/chunk-CQSUUPOR.js";
import {
  getInput
} from "./chunks/chunk-T7SYLWVO.js";
import "./chunks/chunk-NQ2ETGFX.js";
import "./chunks/chunk-ARJTEEDT.js";
import "./chunks/chunk-QITFBBGE.js";
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
