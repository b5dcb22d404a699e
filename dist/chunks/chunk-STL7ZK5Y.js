#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/azure/authority.ts
var DEFAULT_AUDIENCE = "api://AzureADTokenExchange";
var DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
var KNOWN_AUTHORITY_HOSTS = /* @__PURE__ */ new Set([
  "login.microsoftonline.com",
  "login.microsoft.com",
  "login.windows.net",
  "login.microsoftonline.us",
  "login.chinacloudapi.cn",
  "login.partner.microsoftonline.cn"
]);
var US_GOV_HOSTS = /* @__PURE__ */ new Set(["login.microsoftonline.us"]);
var CHINA_HOSTS = /* @__PURE__ */ new Set(["login.chinacloudapi.cn", "login.partner.microsoftonline.cn"]);
function hostOf(authorityHost) {
  if (authorityHost === void 0 || authorityHost === "") return void 0;
  try {
    return new URL(authorityHost).hostname.toLowerCase();
  } catch {
    return void 0;
  }
}
function isKnownAuthorityHost(authorityHost) {
  const host = hostOf(authorityHost);
  return host === void 0 || KNOWN_AUTHORITY_HOSTS.has(host);
}
function audienceForAuthority(authorityHost) {
  const host = hostOf(authorityHost);
  if (host !== void 0 && US_GOV_HOSTS.has(host)) return "api://AzureADTokenExchangeUSGov";
  if (host !== void 0 && CHINA_HOSTS.has(host)) return "api://AzureADTokenExchangeChina";
  return DEFAULT_AUDIENCE;
}
function entraSettings(given, env) {
  const pick = (input, name) => (input || env[name] || "").trim() || void 0;
  const clientId = pick(given.clientId, "AZURE_CLIENT_ID");
  const tenantId = pick(given.tenantId, "AZURE_TENANT_ID");
  const authorityHost = pick(given.authorityHost, "AZURE_AUTHORITY_HOST");
  return {
    ...clientId === void 0 ? {} : { clientId },
    ...tenantId === void 0 ? {} : { tenantId },
    ...authorityHost === void 0 ? {} : { authorityHost }
  };
}

export {
  DEFAULT_AUDIENCE,
  DEFAULT_AUTHORITY_HOST,
  KNOWN_AUTHORITY_HOSTS,
  hostOf,
  isKnownAuthorityHost,
  audienceForAuthority,
  entraSettings
};
