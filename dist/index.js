#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  failStep,
  maskSecrets,
  runSignAction
} from "./chunks/chunk-2OVJWLLT.js";
import {
  SIGN_INPUTS,
  parseSignConfig,
  readRawInputs
} from "./chunks/chunk-E7VAVEIJ.js";
import {
  getInput
} from "./chunks/chunk-LHDFCURT.js";
import "./chunks/chunk-LWYJFFBG.js";
import "./chunks/chunk-YNTFKTG7.js";
import "./chunks/chunk-NQ2ETGFX.js";
import "./chunks/chunk-T4IBUM6V.js";
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
