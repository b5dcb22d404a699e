#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ActionError
} from "./chunk-TW4RF5XT.js";

// src/oci/errors.ts
var RegistryError = class extends ActionError {
  status;
  registryCode;
  constructor(code, message, options = {}) {
    super(code, message, {
      ...options.cause === void 0 ? {} : { cause: options.cause },
      ...options.remedy === void 0 ? {} : { remedy: options.remedy }
    });
    if (options.status !== void 0) this.status = options.status;
    if (options.registryCode !== void 0) this.registryCode = options.registryCode;
  }
};

// src/oci/digest.ts
import { createHash } from "node:crypto";
var HEX_LENGTH = { sha256: 64, sha512: 128 };
var ZERO_DIGEST = `sha256:${"0".repeat(64)}`;
function isDigest(value) {
  return tryParseDigest(value) !== void 0;
}
function tryParseDigest(value) {
  const m = /^(sha256|sha512):([0-9a-f]+)$/.exec(value);
  if (m === null) return void 0;
  const algorithm = m[1];
  const hex = m[2];
  return hex.length === HEX_LENGTH[algorithm] ? { algorithm, hex } : void 0;
}
function parseDigest(value, what = "digest") {
  const parsed = tryParseDigest(value);
  if (parsed !== void 0) return parsed;
  const shown = value.length > 140 ? `${value.slice(0, 140)}\u2026` : value;
  throw new RegistryError(
    "DIGEST_INVALID",
    `${what} "${shown}" is not a valid digest: expected sha256:<64 hex> or sha512:<128 hex>`
  );
}
function digestOf(bytes, algorithm = "sha256") {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest("hex")}`;
}
function verifyDigest(bytes, expected, what) {
  const { algorithm } = parseDigest(expected, `digest of ${what}`);
  const actual = digestOf(bytes, algorithm);
  if (actual !== expected) {
    throw new RegistryError(
      "DIGEST_MISMATCH",
      `${what}: content hashes to ${actual}, expected ${expected}`
    );
  }
}

// src/oci/reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
var NAME_TOTAL_LENGTH_MAX = 255;
var ALPHANUMERIC = "[a-z0-9]+";
var SEPARATOR = "(?:[._]|__|[-]+)";
var PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
var REMOTE_NAME = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
var IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
var DOMAIN_AND_PORT = new RegExp(`^(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?$`);
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST_GRAMMAR = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
var ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
function invalid(input, reason) {
  const shown = input.length > 300 ? `${input.slice(0, 300)}\u2026` : input;
  return new RegistryError(
    "REFERENCE_INVALID",
    `image reference "${shown}" is invalid: ${reason}`,
    {
      remedy: "use the form registry/repository:tag or registry/repository@sha256:<digest>"
    }
  );
}
function parseReference(input) {
  if (input.length === 0) throw invalid(input, "it is empty");
  if (/\s/.test(input)) throw invalid(input, "it contains whitespace");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw invalid(input, "it has a URL scheme; give the registry host without http:// or https://");
  }
  let rest = input;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_GRAMMAR.test(digest)) {
      throw invalid(input, `"${digest}" after "@" is not a digest (algorithm:hex)`);
    }
    if (!isDigest(digest)) {
      throw invalid(
        input,
        `digest "${digest}" is not supported: expected sha256:<64 lowercase hex> or sha512:<128 lowercase hex>`
      );
    }
  }
  let tag;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) {
      throw invalid(
        input,
        `tag "${tag}" must be 1-128 characters of [A-Za-z0-9_.-] and not start with "." or "-"`
      );
    }
  }
  const name = rest;
  if (name.length === 0) throw invalid(input, "the repository name is missing");
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    throw invalid(
      input,
      `the name is ${name.length} characters; at most ${NAME_TOTAL_LENGTH_MAX} are allowed`
    );
  }
  if (ANCHORED_IDENTIFIER.test(name)) {
    throw invalid(input, "a bare 64-character hex string is an image id, not a repository name");
  }
  const slash = name.indexOf("/");
  let registry;
  let repository;
  const first = slash === -1 ? "" : name.slice(0, slash);
  if (slash === -1 || !/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first) {
    registry = DOCKER_HUB;
    repository = name;
  } else {
    registry = first;
    repository = name.slice(slash + 1);
    if (!DOMAIN_AND_PORT.test(registry)) {
      throw invalid(input, `registry "${registry}" is not a valid host[:port]`);
    }
  }
  if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) registry = DOCKER_HUB;
  if (!REMOTE_NAME.test(repository)) {
    if (REMOTE_NAME.test(repository.toLowerCase())) {
      throw invalid(input, `repository "${repository}" must be lowercase`);
    }
    throw invalid(
      input,
      `repository "${repository}" must be lowercase path components of [a-z0-9] joined by "/", ".", "_", "__" or "-"`
    );
  }
  if (registry === DOCKER_HUB && !repository.includes("/")) repository = `library/${repository}`;
  return {
    registry,
    repository,
    ...tag === void 0 ? {} : { tag },
    ...digest === void 0 ? {} : { digest }
  };
}
function repositoryName(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function apiHost(registry) {
  return DOCKER_HUB_ALIASES.has(registry.toLowerCase()) ? "registry-1.docker.io" : registry.toLowerCase();
}
function credentialKey(hostOrUrl) {
  let host = hostOrUrl.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  const slash = host.indexOf("/");
  if (slash >= 0) host = host.slice(0, slash);
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host;
}
function isLoopback(host) {
  let h = host.toLowerCase();
  if (h.startsWith("[")) {
    h = h.slice(1, h.indexOf("]"));
    return h === "::1" || h === "0:0:0:0:0:0:0:1";
  }
  h = h.replace(/:\d+$/, "");
  return h === "localhost" || /^127(?:\.\d{1,3}){3}$/.test(h);
}

export {
  RegistryError,
  ZERO_DIGEST,
  isDigest,
  parseDigest,
  digestOf,
  verifyDigest,
  DOCKER_HUB,
  parseReference,
  repositoryName,
  apiHost,
  credentialKey,
  isLoopback
};
