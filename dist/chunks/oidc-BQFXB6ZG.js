#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  PERMISSIONS_REMEDY,
  assertGithubOidcAvailable,
  getGitHubIdToken,
  githubOidcAvailable,
  maskInActionsLog
} from "./chunk-TRCMTAIE.js";
import "./chunk-J7SFTFN4.js";
import "./chunk-USDVSY7Z.js";
import "./chunk-6J7YPWL5.js";
import "./chunk-TW4RF5XT.js";
import "./chunk-2ZTQXNXN.js";
export {
  PERMISSIONS_REMEDY,
  assertGithubOidcAvailable,
  getGitHubIdToken,
  githubOidcAvailable,
  maskInActionsLog
};
