#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  AzureAuthError
} from "./chunk-J7SFTFN4.js";
import {
  getIDToken,
  setSecret
} from "./chunk-USDVSY7Z.js";

// src/azure/oidc.ts
var PERMISSIONS_REMEDY = "add `permissions: id-token: write` to the job (or the workflow)";
function githubOidcAvailable(env = process.env) {
  return Boolean(env["ACTIONS_ID_TOKEN_REQUEST_URL"]) && Boolean(env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"]);
}
function assertGithubOidcAvailable(env = process.env) {
  if (githubOidcAvailable(env)) return;
  const missing = ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"].filter(
    (name) => !env[name]
  );
  throw new AzureAuthError(
    "AZURE_OIDC_UNAVAILABLE",
    `cannot request a GitHub OIDC token: ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set`,
    {
      remedy: `${PERMISSIONS_REMEDY}; outside GitHub Actions, run \`az login\` and leave azure-client-id unset`
    }
  );
}
async function getGitHubIdToken(audience, env = process.env) {
  assertGithubOidcAvailable(env);
  try {
    return await getIDToken(audience);
  } catch (err) {
    throw new AzureAuthError(
      "AZURE_OIDC_FAILED",
      `requesting a GitHub OIDC token for audience ${audience} failed`,
      { cause: err, remedy: `${PERMISSIONS_REMEDY}, then re-run the job` }
    );
  }
}
function maskInActionsLog(secret, env = process.env) {
  if (env["GITHUB_ACTIONS"] === "true" && secret.length > 0) setSecret(secret);
}

export {
  PERMISSIONS_REMEDY,
  githubOidcAvailable,
  assertGithubOidcAvailable,
  getGitHubIdToken,
  maskInActionsLog
};
