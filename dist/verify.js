#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  imagesOf,
  maskSecrets,
  runVerifyAction,
  summaryWanted,
  writeFailureSummary
} from "./chunks/chunk-JIFAVXJH.js";
import {
  VERIFY_INPUTS,
  parseVerifyConfig,
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

// src/action/verify-entry.ts
async function main() {
  let raw;
  let config;
  try {
    raw = readRawInputs(VERIFY_INPUTS, (name) => getInput(name));
    maskSecrets(raw);
    config = parseVerifyConfig(raw);
  } catch (err) {
    failStep(err);
    if (summaryWanted(raw)) await writeFailureSummary("verify", imagesOf(raw), err);
    return;
  }
  try {
    await runVerifyAction(config);
  } catch (err) {
    failStep(err);
  }
}
await main();
