#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  maskSecrets,
  runVerifyAction
} from "./chunks/chunk-J2PFV5BS.js";
import {
  VERIFY_INPUTS,
  parseVerifyConfig,
  readRawInputs
} from "./chunks/chunk-ZS6LHCBH.js";
import {
  getInput
} from "./chunks/chunk-GRILU3RE.js";
import "./chunks/chunk-DOL7HH6F.js";
import "./chunks/chunk-TZB7OOQH.js";
import "./chunks/chunk-HHWRZ7SF.js";
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
