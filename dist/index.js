#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  maskSecrets,
  runSignAction
} from "./chunks/chunk-J2PFV5BS.js";
import {
  SIGN_INPUTS,
  parseSignConfig,
  readRawInputs
} from "./chunks/chunk-ZS6LHCBH.js";
import {
  getInput
} from "./chunks/chunk-GRILU3RE.js";
import "./chunks/chunk-DOL7HH6F.js";
import "./chunks/chunk-TZB7OOQH.js";
import "./chunks/chunk-HHWRZ7SF.js";
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
