#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_CERT_FILE_BYTES,
  MAX_FILES_PER_STORE,
  certificatesFromBytes,
  isWindowsAbsolutePath,
  loadInlineTrustStore,
  loadTrustStore,
  loadTrustStoreDirectory
} from "./chunk-BWDWWJRW.js";
import "./chunk-PGJVFZ6D.js";
import "./chunk-FSGMHXRN.js";
import "./chunk-BOIBBKTD.js";
import "./chunk-XHYYKEXA.js";
import "./chunk-BAB72OL5.js";
import "./chunk-TW4RF5XT.js";
import "./chunk-2ZTQXNXN.js";
export {
  MAX_CERT_FILE_BYTES,
  MAX_FILES_PER_STORE,
  certificatesFromBytes,
  isWindowsAbsolutePath,
  loadInlineTrustStore,
  loadTrustStore,
  loadTrustStoreDirectory
};
