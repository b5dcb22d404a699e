#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  getIDToken,
  setSecret
} from "./chunk-NRNEVIFN.js";
import {
  AzureAuthError
} from "./chunk-J7SFTFN4.js";

// src/azure/claims.ts
function jwtClaims(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[1] === void 0) return void 0;
  try {
    const json = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return typeof json === "object" && json !== null && !Array.isArray(json) ? json : void 0;
  } catch {
    return void 0;
  }
}
function stringClaim(claims, name) {
  const v = claims?.[name];
  if (typeof v === "string") return v;
  if (Array.isArray(v) && typeof v[0] === "string") return v[0];
  return void 0;
}
function numberClaim(claims, name) {
  const v = claims?.[name];
  return typeof v === "number" && Number.isFinite(v) ? v : void 0;
}

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
  jwtClaims,
  stringClaim,
  numberClaim,
  assertGithubOidcAvailable,
  getGitHubIdToken,
  maskInActionsLog
};
