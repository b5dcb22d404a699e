#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  detectPolicyFormat,
  parseTrustPolicy
} from "./chunk-PGJVFZ6D.js";
import {
  PolicyError
} from "./chunk-BOIBBKTD.js";

// src/verify/load-policy.ts
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
var MAX_POLICY_BYTES = 1024 * 1024;
var POLICY_FILE_NAMES = ["trustpolicy.oci.json", "trustpolicy.json"];
function isInlinePolicy(input) {
  const t = input.trim();
  return t.startsWith("{") || t.includes("\n");
}
function unreadable(message, cause) {
  return new PolicyError("POLICY_UNREADABLE", message, cause === void 0 ? void 0 : { cause });
}
async function readPolicyFile(file, inputName) {
  let info;
  try {
    info = await lstat(file);
  } catch (err) {
    throw unreadable(
      `${inputName}: cannot read "${file}": ${err.code ?? String(err)}`,
      err
    );
  }
  if (info.isSymbolicLink() || !info.isFile()) {
    throw unreadable(`${inputName}: "${file}" is not a regular file (symlinks are not supported)`);
  }
  if (info.size > MAX_POLICY_BYTES) {
    throw unreadable(
      `${inputName}: "${file}" is ${info.size} bytes, more than the ${MAX_POLICY_BYTES} bytes allowed`
    );
  }
  return readFile(file, "utf8");
}
async function loadTrustPolicy(input, options = {}) {
  const inputName = options.inputName ?? "trust policy";
  if (input.trim() === "") throw unreadable(`${inputName} is empty`);
  if (isInlinePolicy(input)) {
    if (Buffer.byteLength(input) > MAX_POLICY_BYTES) {
      throw unreadable(`${inputName} is larger than ${MAX_POLICY_BYTES} bytes`);
    }
    return { document: parseTrustPolicy(input, { source: inputName }), source: "inline" };
  }
  const target = path.resolve(options.baseDir ?? process.cwd(), input.trim());
  let info;
  try {
    info = await lstat(target);
  } catch (err) {
    throw unreadable(`${inputName}: "${target}" does not exist`, err);
  }
  let file = target;
  if (info.isDirectory()) {
    let found;
    for (const name of POLICY_FILE_NAMES) {
      const candidate = path.join(target, name);
      if (await lstat(candidate).then(
        () => true,
        () => false
      )) {
        found = candidate;
        break;
      }
    }
    if (found === void 0) {
      throw unreadable(
        `${inputName}: directory "${target}" has neither ${POLICY_FILE_NAMES.join(" nor ")}`
      );
    }
    file = found;
  }
  const text = await readPolicyFile(file, inputName);
  const format = /\.json$/i.test(file) ? "json" : detectPolicyFormat(text);
  return {
    document: parseTrustPolicy(text, { source: file, format }),
    source: file
  };
}

export {
  MAX_POLICY_BYTES,
  POLICY_FILE_NAMES,
  isInlinePolicy,
  loadTrustPolicy
};
