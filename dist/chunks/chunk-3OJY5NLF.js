#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isLoopback
} from "./chunk-ESYIPS4F.js";
import {
  ActionError,
  ConfigError
} from "./chunk-TW4RF5XT.js";

// src/azure/key-vault-id.ts
var KEY_ID_INPUT = "azure-key-vault-key-id";
var VAULT_CLOUDS = [
  { suffix: "vault.azure.net", resource: "https://vault.azure.net", managedHsm: false },
  { suffix: "vault.azure.cn", resource: "https://vault.azure.cn", managedHsm: false },
  {
    suffix: "vault.usgovcloudapi.net",
    resource: "https://vault.usgovcloudapi.net",
    managedHsm: false
  },
  { suffix: "managedhsm.azure.net", resource: "https://managedhsm.azure.net", managedHsm: true },
  { suffix: "managedhsm.azure.cn", resource: "https://managedhsm.azure.cn", managedHsm: true },
  {
    suffix: "managedhsm.usgovcloudapi.net",
    resource: "https://managedhsm.usgovcloudapi.net",
    managedHsm: true
  }
];
var OBJECT_NAME = /^[0-9A-Za-z-]{1,127}$/;
var OBJECT_VERSION = /^[0-9A-Fa-f]{32}$/;
var EXAMPLE = "https://<vault-name>.vault.azure.net/keys/<key-name>[/<version>]";
function cloudOf(host) {
  return VAULT_CLOUDS.find(
    (c) => host.endsWith(`.${c.suffix}`) && host.length > c.suffix.length + 1
  );
}
function parseKeyVaultId(value, options = {}) {
  const bad = (why) => new ConfigError("INPUT_INVALID", `${KEY_ID_INPUT} ${why}`, {
    remedy: `use the key or certificate identifier from the Azure portal, e.g. ${EXAMPLE}`
  });
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw bad(`"${value}" is not an absolute URL`);
  }
  if (url.protocol !== "https:") throw bad(`must use https, got "${url.protocol}"`);
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw bad("must be a bare URL without credentials, query or fragment");
  }
  const host = url.hostname.toLowerCase();
  const cloud = cloudOf(host);
  let trust;
  if (cloud !== void 0) trust = "azure";
  else if (isLoopback(host)) trust = "loopback";
  else if (options.allowUntrusted === true) trust = "opted-in";
  else {
    throw new ConfigError(
      "INPUT_INVALID",
      `${KEY_ID_INPUT}: "${host}" is not a Key Vault host (*.vault.azure.net, *.vault.azure.cn, *.vault.usgovcloudapi.net or *.managedhsm.* of those clouds); the Entra token for the vault would be sent there`,
      {
        remedy: `check the vault name in ${KEY_ID_INPUT} (${EXAMPLE}); set allow-untrusted-endpoint: true only for a vault-compatible service you trust`
      }
    );
  }
  if (url.pathname.includes("//")) throw bad(`has an empty path segment: "${url.pathname}"`);
  const parts = url.pathname.replace(/^\/+/, "").replace(/\/+$/, "").split("/");
  const [collection, name, version, ...rest] = parts;
  if (collection !== "keys" && collection !== "certificates") {
    throw bad(
      `must name a key (/keys/<name>) or a certificate (/certificates/<name>), got "${url.pathname}"`
    );
  }
  if (name === void 0 || !OBJECT_NAME.test(name)) {
    throw bad(
      `has no valid ${collection === "keys" ? "key" : "certificate"} name (1\u2013127 letters, digits and dashes)`
    );
  }
  if (rest.length > 0) throw bad(`has extra path segments after the version: "${url.pathname}"`);
  if (version !== void 0 && !OBJECT_VERSION.test(version)) {
    throw bad(`has "${version}" where the object version (32 hex digits) belongs`);
  }
  const managedHsm = cloud?.managedHsm ?? false;
  if (managedHsm && collection === "certificates") {
    throw bad(
      "names a certificate on a Managed HSM, which holds keys only; name the key (/keys/<name>)"
    );
  }
  return {
    vaultUrl: url.origin,
    host,
    collection,
    name,
    ...version === void 0 ? {} : { version: version.toLowerCase() },
    ...cloud === void 0 ? {} : { resource: cloud.resource },
    managedHsm,
    trust
  };
}

// src/signer/errors.ts
var SigningError = class extends ActionError {
};

export {
  KEY_ID_INPUT,
  parseKeyVaultId,
  SigningError
};
