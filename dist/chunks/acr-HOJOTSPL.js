#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  TransportError
} from "./chunk-XILONWW5.js";
import {
  jwtClaims,
  stringClaim
} from "./chunk-NIRZC23H.js";
import {
  silentLogger
} from "./chunk-2PJ7T2FO.js";
import {
  maskInActionsLog
} from "./chunk-TRCMTAIE.js";
import {
  AcrError
} from "./chunk-J7SFTFN4.js";
import "./chunk-USDVSY7Z.js";
import "./chunk-6J7YPWL5.js";
import {
  ActionError
} from "./chunk-TW4RF5XT.js";
import "./chunk-2ZTQXNXN.js";

// src/azure/acr.ts
var ACR_SCOPE = "https://containerregistry.azure.net/.default";
var ACR_REFRESH_TOKEN_USERNAME = "00000000-0000-0000-0000-000000000000";
var ACR_HOST = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.azurecr\.(io|cn|us)$/;
function isAcrHost(host) {
  const name = host.trim().toLowerCase().replace(/:\d+$/, "");
  return ACR_HOST.test(name);
}
function roleRemedy(access) {
  const pull = '"AcrPull" (or "Container Registry Repository Reader" on ABAC-enabled registries)';
  const push = '"AcrPush" (or "Container Registry Repository Writer" on ABAC-enabled registries)';
  if (access === "pull") return `the role ${pull}`;
  if (access === "push") return `the role ${push}`;
  return `the role ${pull} to verify, or ${push} to sign,`;
}
function asString(v) {
  return typeof v === "string" && v.length > 0 ? v : void 0;
}
async function acrSignIn(options) {
  const logger = options.logger ?? silentLogger;
  const registry = options.registry.trim().toLowerCase();
  if (options.exchangeUrl === void 0 && !isAcrHost(registry)) {
    throw new AcrError(
      "ACR_NOT_ACR_HOST",
      `${registry} is not an Azure Container Registry login server (*.azurecr.io)`,
      {
        remedy: "use the Entra sign-in only for ACR registries; give other registries credentials"
      }
    );
  }
  const exchangeUrl = options.exchangeUrl ?? `https://${registry}/oauth2/exchange`;
  const service = options.service ?? registry;
  let accessToken;
  try {
    const token = await options.credential.getToken(ACR_SCOPE);
    if (token === null) throw new Error("the credential returned no token");
    accessToken = token.token;
  } catch (err) {
    if (err instanceof ActionError) throw err;
    throw new AcrError("ACR_EXCHANGE_REFUSED", `getting an Entra token for ${ACR_SCOPE} failed`, {
      cause: err,
      remedy: "check azure-client-id, azure-tenant-id and the federated credential"
    });
  }
  const tenant = options.tenantId ?? options.credential.tenantId ?? stringClaim(jwtClaims(accessToken), "tid");
  const form = new URLSearchParams({
    grant_type: "access_token",
    service,
    access_token: accessToken
  });
  if (tenant !== void 0) form.set("tenant", tenant);
  logger.debug(
    `acr: exchanging the Entra token for a refresh token at ${new URL(exchangeUrl).origin}`
  );
  let res;
  try {
    res = await options.transport.request({
      method: "POST",
      url: exchangeUrl,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: form.toString(),
      followRedirects: false,
      maxBytes: 256 * 1024
    });
  } catch (err) {
    if (err instanceof TransportError) {
      throw new AcrError(
        "ACR_EXCHANGE_INVALID",
        `cannot reach ${registry} for the token exchange`,
        {
          cause: err,
          remedy: "check the registry name and the runner network"
        }
      );
    }
    throw err;
  }
  if (res.status === 401 || res.status === 403 || res.status === 400) {
    throw new AcrError(
      "ACR_EXCHANGE_REFUSED",
      `${registry} refused the Entra token (HTTP ${res.status})`,
      {
        status: res.status,
        remedy: `assign ${roleRemedy(options.access)} to the identity${options.credential.clientId !== void 0 ? ` ${options.credential.clientId}` : ""} on the registry, and check azure-tenant-id is the registry's tenant`
      }
    );
  }
  if (res.status === 404) {
    throw new AcrError(
      "ACR_EXCHANGE_INVALID",
      `${registry} has no /oauth2/exchange endpoint (HTTP 404)`,
      {
        status: 404,
        remedy: "check the registry is an Azure Container Registry login server"
      }
    );
  }
  if (res.status !== 200) {
    throw new AcrError(
      "ACR_EXCHANGE_INVALID",
      `the ACR token exchange answered HTTP ${res.status}`,
      {
        status: res.status,
        remedy: "retry later; ACR may be unavailable"
      }
    );
  }
  let refreshToken;
  try {
    refreshToken = asString(res.json()["refresh_token"]);
  } catch {
    refreshToken = void 0;
  }
  if (refreshToken === void 0) {
    throw new AcrError("ACR_EXCHANGE_INVALID", "the ACR token exchange returned no refresh_token", {
      remedy: "retry later; report it if it persists"
    });
  }
  ;
  (options.mask ?? ((s) => maskInActionsLog(s)))(refreshToken);
  logger.info(`acr: signed in to ${registry} with the Entra identity`);
  return { username: ACR_REFRESH_TOKEN_USERNAME, password: refreshToken };
}
export {
  ACR_REFRESH_TOKEN_USERNAME,
  ACR_SCOPE,
  acrSignIn,
  isAcrHost
};
