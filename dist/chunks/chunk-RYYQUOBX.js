#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isLoopback
} from "./chunk-ESYIPS4F.js";
import {
  ConfigError
} from "./chunk-TW4RF5XT.js";

// src/azure/api-versions.ts
var DEFAULT_API_VERSION = "2022-06-15-preview";
var STABLE_API_VERSION = "2024-06-15";
var KNOWN_API_VERSIONS = [
  DEFAULT_API_VERSION,
  "2023-06-15-preview",
  STABLE_API_VERSION
];
var API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
function dialectFor(apiVersion) {
  if (!API_VERSION.test(apiVersion) || apiVersion < "2022-06-15") {
    throw new ConfigError(
      "INPUT_INVALID",
      `artifact-signing-api-version "${apiVersion}" is not supported (use one of ${KNOWN_API_VERSIONS.join(", ")})`,
      { remedy: `leave it unset for ${DEFAULT_API_VERSION}` }
    );
  }
  return apiVersion.startsWith("2022-") ? "A" : "B";
}
function fallbackApiVersion(apiVersion) {
  return dialectFor(apiVersion) === "A" ? STABLE_API_VERSION : DEFAULT_API_VERSION;
}
var SERVICE_CORRELATION_HEADERS = [
  "mise-correlation-id",
  "x-ms-request-id",
  "x-ms-correlation-request-id"
];
function isPreAuthenticationRefusal(status, headers) {
  if (status !== 401 && status !== 403) return false;
  return SERVICE_CORRELATION_HEADERS.every((h) => (headers.get(h) ?? "") === "");
}

// src/azure/endpoint.ts
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
  if (isLoopback(url.hostname)) return "loopback";
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
  const loopbackHttp = url.protocol === "http:" && isLoopback(url.hostname);
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

// src/version.ts
var VERSION = "1.0.0";

export {
  DEFAULT_API_VERSION,
  KNOWN_API_VERSIONS,
  dialectFor,
  fallbackApiVersion,
  isPreAuthenticationRefusal,
  checkArtifactSigningEndpoint,
  VERSION
};
