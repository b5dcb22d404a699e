#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  imagesOf,
  maskSecrets,
  runVerifyAction,
  summaryWanted,
  writeFailureSummary
} from "./chunks/chunk-LGGYNCQU.js";
import {
  VERIFY_INPUTS,
  parseVerifyConfig,
  readRawInputs
} from "./chunks/chunk-4JNSGJIZ.js";
import "./chunks/chunk-3OJY5NLF.js";
import "./chunks/chunk-RYYQUOBX.js";
import "./chunks/chunk-FSGMHXRN.js";
import "./chunks/chunk-TRVYRA5U.js";
import "./chunks/chunk-FFORUPRV.js";
import "./chunks/chunk-XHYYKEXA.js";
import "./chunks/chunk-BAB72OL5.js";
import "./chunks/chunk-STL7ZK5Y.js";
import "./chunks/chunk-ESYIPS4F.js";
import "./chunks/chunk-XILONWW5.js";
import "./chunks/chunk-2PJ7T2FO.js";
import {
  getInput
} from "./chunks/chunk-USDVSY7Z.js";
import "./chunks/chunk-6J7YPWL5.js";
import "./chunks/chunk-TW4RF5XT.js";
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
