#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CRL_MAX_BYTES,
  CRL_TIMEOUT_MS,
  OCSP_MAX_RESPONSE_BYTES,
  OCSP_THIS_UPDATE_SKEW_MS,
  OCSP_TIMEOUT_MS,
  createOcspRequest,
  createRevocationChecker,
  evaluateOcspResponse,
  noRevocationChecker,
  ocspGetUrl,
  revocationEndpoints
} from "./chunk-QOAZTF65.js";
import "./chunk-EJXJKBEP.js";
import {
  offlineRevocationChecker,
  summarizeRevocation
} from "./chunk-55F5TOJB.js";
import "./chunk-BOIBBKTD.js";
import "./chunk-XHYYKEXA.js";
import "./chunk-BAB72OL5.js";
import "./chunk-TW4RF5XT.js";
import "./chunk-2ZTQXNXN.js";
export {
  CRL_MAX_BYTES,
  CRL_TIMEOUT_MS,
  OCSP_MAX_RESPONSE_BYTES,
  OCSP_THIS_UPDATE_SKEW_MS,
  OCSP_TIMEOUT_MS,
  createOcspRequest,
  createRevocationChecker,
  evaluateOcspResponse,
  noRevocationChecker,
  ocspGetUrl,
  offlineRevocationChecker,
  revocationEndpoints,
  summarizeRevocation
};
