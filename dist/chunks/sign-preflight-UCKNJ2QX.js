#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  selectPolicyForRepository
} from "./chunk-PGJVFZ6D.js";
import {
  storeNotFound,
  unusableStores
} from "./chunk-BOIBBKTD.js";
import "./chunk-XHYYKEXA.js";
import "./chunk-BAB72OL5.js";
import {
  parseReference,
  repositoryName
} from "./chunk-ESYIPS4F.js";
import "./chunk-TW4RF5XT.js";
import "./chunk-2ZTQXNXN.js";

// src/commands/sign-preflight.ts
function checkReadBackPossible(images, verification) {
  const repositories = [...new Set(images.map((image) => repositoryName(parseReference(image))))];
  for (const repository of repositories) {
    const statement = selectPolicyForRepository(verification.policy, repository);
    if (statement.verificationLevel.name === "skip") continue;
    const missing = unusableStores(verification.trustStore, statement.trustStores);
    if (missing.length > 0) {
      throw storeNotFound(
        verification.trustStore,
        missing,
        `nothing was signed: trust policy statement "${statement.name}" (for ${repository}) names stores that are missing or empty: `
      );
    }
  }
}
export {
  checkReadBackPossible
};
