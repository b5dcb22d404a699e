#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  imagesOf,
  maskSecrets,
  runSignAction,
  summaryWanted,
  writeFailureSummary
} from "./chunks/chunk-JIFAVXJH.js";
import {
  SIGN_INPUTS,
  parseSignConfig,
  readRawInputs
} from "./chunks/chunk-MKTOTEYR.js";
import {
  getInput
} from "./chunks/chunk-H4NEOOP4.js";
import "./chunks/chunk-PIKI3CKH.js";
import "./chunks/chunk-R52DKQLM.js";
import "./chunks/chunk-NQ2ETGFX.js";
import "./chunks/chunk-GW4HDUWY.js";
import "./chunks/chunk-AVR6MM6P.js";
import "./chunks/chunk-JHVGUMVO.js";
import "./chunks/chunk-2ZTQXNXN.js";

// src/action/sign-entry.ts
async function main() {
  let raw;
  let config;
  try {
    raw = readRawInputs(SIGN_INPUTS, (name) => getInput(name));
    maskSecrets(raw);
    config = parseSignConfig(raw);
  } catch (err) {
    failStep(err);
    if (summaryWanted(raw)) await writeFailureSummary("sign", imagesOf(raw), err);
    return;
  }
  try {
    await runSignAction(config);
  } catch (err) {
    failStep(err);
  }
}
await main();
