#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  imagesOf,
  maskSecrets,
  runSignAction,
  summaryWanted,
  writeFailureSummary
} from "./chunks/chunk-CQOJTUBP.js";
import {
  SIGN_INPUTS,
  parseSignConfig,
  readRawInputs
} from "./chunks/chunk-YBQCFFKR.js";
import "./chunks/chunk-2TMYOUGM.js";
import "./chunks/chunk-3OYYLL2C.js";
import "./chunks/chunk-ESYIPS4F.js";
import {
  getInput
} from "./chunks/chunk-NRNEVIFN.js";
import "./chunks/chunk-BH4HYK27.js";
import "./chunks/chunk-FSGMHXRN.js";
import "./chunks/chunk-FFORUPRV.js";
import "./chunks/chunk-XHYYKEXA.js";
import "./chunks/chunk-BAB72OL5.js";
import "./chunks/chunk-BZOHUZAS.js";
import "./chunks/chunk-DA7GSFJZ.js";
import "./chunks/chunk-K27A73CJ.js";
import "./chunks/chunk-TW4RF5XT.js";
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
