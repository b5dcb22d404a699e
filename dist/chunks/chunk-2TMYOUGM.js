#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
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

// src/version.ts
var VERSION = "1.0.0";

export {
  DEFAULT_API_VERSION,
  KNOWN_API_VERSIONS,
  dialectFor,
  fallbackApiVersion,
  isPreAuthenticationRefusal,
  VERSION
};
