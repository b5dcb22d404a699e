#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  SIGN_INPUTS,
  failStep,
  getInput,
  maskSecrets,
  parseSignConfig,
  readRawInputs,
  runSignAction
} from "./chunks/chunk-FZHDMPPR.js";
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
