#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-TW4RF5XT.js";

// src/azure/endpoint.ts
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "[::1]"]);
function isLoopbackHost(hostname) {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
var LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
function serviceHostRule(suffix, labelName, exampleLabel) {
  const pattern = new RegExp(`^${LABEL}\\.${suffix.replace(/\./g, "\\.")}$`);
  return {
    shape: `<${labelName}>.${suffix}`,
    suffix,
    example: `https://${exampleLabel}.${suffix}`,
    matches: (hostname) => pattern.test(hostname)
  };
}
var ARTIFACT_SIGNING_HOSTS = serviceHostRule("codesigning.azure.net", "region", "eus");
function endpointTrust(url, rule) {
  if (isLoopbackHost(url.hostname)) return "loopback";
  return rule.matches(url.hostname) ? "service" : "untrusted";
}
function checkServiceEndpoint(value, check) {
  const remedy = `use the service endpoint, e.g. ${check.rule.example}`;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError("INPUT_INVALID", `${check.input} "${value}" is not an absolute URL`, {
      remedy
    });
  }
  const loopbackHttp = url.protocol === "http:" && isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !loopbackHttp) {
    throw new ConfigError("INPUT_INVALID", `${check.input} must use https, got "${url.protocol}"`, {
      remedy
    });
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new ConfigError(
      "INPUT_INVALID",
      `${check.input} must be a bare URL without credentials, query or fragment`,
      { remedy }
    );
  }
  const trust = endpointTrust(url, check.rule);
  if (trust === "untrusted" && !check.allowUntrusted) {
    throw new ConfigError(
      "INPUT_INVALID",
      `${check.input} "${url.origin}" is not an endpoint of the service: the Azure token is sent only to https://${check.rule.shape} or a loopback address`,
      {
        remedy: `${remedy}; to send the token to another host on purpose (a proxy you run), set ${check.optIn}: true`
      }
    );
  }
  return { endpoint: `${url.origin}${url.pathname}`.replace(/\/+$/, ""), trust };
}
function checkArtifactSigningEndpoint(value, allowUntrusted) {
  return checkServiceEndpoint(value, {
    input: "artifact-signing-endpoint",
    optIn: "allow-untrusted-endpoint",
    rule: ARTIFACT_SIGNING_HOSTS,
    allowUntrusted
  });
}

export {
  isLoopbackHost,
  checkArtifactSigningEndpoint
};
