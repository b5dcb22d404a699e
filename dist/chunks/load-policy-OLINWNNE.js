#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_POLICY_BYTES,
  POLICY_FILE_NAMES,
  isInlinePolicy,
  loadTrustPolicy
} from "./chunk-T57UJ3UD.js";
import "./chunk-PGJVFZ6D.js";
import "./chunk-BOIBBKTD.js";
import "./chunk-XHYYKEXA.js";
import "./chunk-BAB72OL5.js";
import "./chunk-TW4RF5XT.js";
import "./chunk-2ZTQXNXN.js";
export {
  MAX_POLICY_BYTES,
  POLICY_FILE_NAMES,
  isInlinePolicy,
  loadTrustPolicy
};
