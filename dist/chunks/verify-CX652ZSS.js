#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  fetchSignature,
  signatureJson,
  verifyImages,
  verifyPushedSignatures
} from "./chunk-5NKFVSUT.js";
import "./chunk-PGJVFZ6D.js";
import {
  VerifyCommandError
} from "./chunk-TRVYRA5U.js";
import "./chunk-FFORUPRV.js";
import "./chunk-55F5TOJB.js";
import "./chunk-BOIBBKTD.js";
import "./chunk-XHYYKEXA.js";
import "./chunk-BAB72OL5.js";
import "./chunk-ESYIPS4F.js";
import "./chunk-TW4RF5XT.js";
import "./chunk-2ZTQXNXN.js";
export {
  VerifyCommandError,
  fetchSignature,
  signatureJson,
  verifyImages,
  verifyPushedSignatures
};
