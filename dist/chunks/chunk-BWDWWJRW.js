#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_YAML_ALIASES,
  require_dist
} from "./chunk-PGJVFZ6D.js";
import {
  parsePemBlocks
} from "./chunk-FSGMHXRN.js";
import {
  TRUST_STORE_TYPES,
  TrustStoreError,
  buildTrustStore,
  formatProblems,
  isTrustStoreType,
  isValidStoreName
} from "./chunk-BOIBBKTD.js";
import {
  require_build2 as require_build
} from "./chunk-BAB72OL5.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/verify/trust-store-load.ts
var asn1js = __toESM(require_build(), 1);
var import_yaml = __toESM(require_dist(), 1);
import { lstat, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
var MAX_CERT_FILE_BYTES = 1024 * 1024;
var MAX_FILES_PER_STORE = 1e3;
function invalid(problems) {
  return new TrustStoreError(
    "TRUST_STORE_INVALID",
    `trust store is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):
${formatProblems(problems)}`,
    { problems }
  );
}
function certificatesFromBytes(bytes) {
  const text = Buffer.from(bytes).toString("latin1");
  if (text.includes("-----BEGIN ")) {
    const blocks = parsePemBlocks(text);
    if (blocks.length === 0) throw new Error("malformed PEM: no complete PEM block");
    for (const b of blocks) {
      if (b.label !== "CERTIFICATE") throw new Error(`PEM block "${b.label}" is not a certificate`);
    }
    return blocks.map((b) => b.der);
  }
  const certs = [];
  let offset = 0;
  while (offset < bytes.length) {
    const rest = bytes.subarray(offset);
    const parsed = asn1js.fromBER(rest);
    if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
      throw new Error("neither PEM nor DER certificate data");
    }
    certs.push(new Uint8Array(rest.subarray(0, parsed.offset)));
    offset += parsed.offset;
  }
  if (certs.length === 0) throw new Error("no certificates found in the file");
  return certs;
}
async function readCertFile(file, label, problems) {
  const info = await lstat(file).catch((err) => err);
  if (info instanceof Error) {
    problems.push({ path: label, message: `cannot read "${file}": ${info.code ?? info.message}` });
    return [];
  }
  if (info.isSymbolicLink() || !info.isFile()) {
    problems.push({
      path: label,
      message: `"${file}" is not a regular file (directories or symlinks are not supported)`
    });
    return [];
  }
  if (info.size > MAX_CERT_FILE_BYTES) {
    problems.push({ path: label, message: `"${file}" is larger than ${MAX_CERT_FILE_BYTES} bytes` });
    return [];
  }
  try {
    const certs = certificatesFromBytes(new Uint8Array(await readFile(file)));
    return certs.map((der, i) => ({ der, source: certs.length > 1 ? `${label}#${i}` : label }));
  } catch (err) {
    problems.push({
      path: label,
      message: `failed to read the trusted certificate: ${err.message}`
    });
    return [];
  }
}
async function findX509Dir(dir) {
  for (const candidate of [path.join(dir, "x509"), path.join(dir, "truststore", "x509")]) {
    const info = await stat(candidate).catch(() => void 0);
    if (info?.isDirectory()) return candidate;
  }
  return void 0;
}
var isDirectory = async (p) => (await stat(p).catch(() => void 0))?.isDirectory() === true;
async function inventoryOf(x509Dir) {
  const stores = [];
  const misplaced = [];
  for (const entry of await readdir(x509Dir, { withFileTypes: true })) {
    const typeDir = path.join(x509Dir, entry.name);
    if (isTrustStoreType(entry.name) && await isDirectory(typeDir)) {
      for (const store of await readdir(typeDir, { withFileTypes: true })) {
        if (store.isDirectory()) stores.push(`${entry.name}:${store.name}`);
        else if (store.isFile()) misplaced.push(`x509/${entry.name}/${store.name}`);
      }
    } else if (entry.isFile()) {
      misplaced.push(`x509/${entry.name}`);
    }
  }
  return { stores: stores.sort(), misplaced: misplaced.sort() };
}
function misplacedFileMessage(rel, type) {
  return `is a file where a store directory belongs: certificates go one level deeper, in a named store, e.g. ${path.join("x509", type, "<name>", path.basename(rel))}, named "${type}:<name>" in the trust policy`;
}
async function loadTrustStoreDirectory(dir, options = {}) {
  const x509Dir = await findX509Dir(dir);
  if (x509Dir === void 0) {
    throw invalid([
      {
        path: dir,
        message: 'no "x509" directory found (expected <dir>/x509/<type>/<name>/ or <dir>/truststore/x509/...)'
      }
    ]);
  }
  const problems = [];
  const wanted = [];
  if (options.stores !== void 0) {
    const seen = /* @__PURE__ */ new Set();
    for (const ref of options.stores) {
      const key = `${ref.type}:${ref.name}`;
      if (!seen.has(key)) wanted.push(ref);
      seen.add(key);
    }
  } else {
    for (const entry of await readdir(x509Dir, { withFileTypes: true })) {
      const rel = path.join("x509", entry.name);
      if (!isTrustStoreType(entry.name)) {
        problems.push({
          path: rel,
          message: entry.isFile() ? misplacedFileMessage(rel, "<type>") : `unsupported trust store type "${entry.name}", supported types are ${TRUST_STORE_TYPES.map((t) => `"${t}"`).join(", ")}`
        });
        continue;
      }
      if (!await isDirectory(path.join(x509Dir, entry.name))) {
        problems.push({ path: rel, message: "is not a directory" });
        continue;
      }
      for (const store of await readdir(path.join(x509Dir, entry.name), { withFileTypes: true })) {
        wanted.push({ type: entry.name, name: store.name });
      }
    }
  }
  const inputs = [];
  for (const { type, name } of wanted) {
    const rel = path.join("x509", type, name);
    if (!isTrustStoreType(type) || !isValidStoreName(name)) {
      problems.push({
        path: rel,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${name}" is invalid`
      });
      continue;
    }
    const storeDir = path.join(x509Dir, type, name);
    const info = await lstat(storeDir).catch(() => void 0);
    if (info === void 0) continue;
    if (info.isFile()) {
      problems.push({ path: rel, message: misplacedFileMessage(rel, type) });
      continue;
    }
    if (info.isSymbolicLink() || !info.isDirectory()) {
      problems.push({
        path: rel,
        message: `the trust store ${name} of type ${type} is not a regular directory (symlinks are not supported)`
      });
      continue;
    }
    const entries = (await readdir(storeDir, { withFileTypes: true })).sort(
      (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    );
    if (entries.length > MAX_FILES_PER_STORE) {
      problems.push({ path: rel, message: `more than ${MAX_FILES_PER_STORE} files` });
      continue;
    }
    const certificates = [];
    for (const entry of entries) {
      const fileRel = path.join(rel, entry.name);
      if (entry.isDirectory() || entry.isSymbolicLink()) {
        problems.push({
          path: fileRel,
          message: `trusted certificate ${entry.name} in trust store ${name} of type ${type} is not a regular file (directories or symlinks are not supported)`
        });
        continue;
      }
      certificates.push(...await readCertFile(path.join(storeDir, entry.name), fileRel, problems));
    }
    inputs.push({ type, name, certificates });
  }
  return { ...finish(inputs, problems), inventory: await inventoryOf(x509Dir) };
}
function finish(inputs, problems) {
  let store;
  try {
    store = buildTrustStore(inputs);
  } catch (err) {
    if (err instanceof TrustStoreError) problems.push(...err.problems);
    else throw err;
  }
  if (problems.length > 0 || store === void 0) throw invalid(problems);
  return store;
}
async function loadInlineTrustStore(text, options = {}) {
  const doc = (0, import_yaml.parseDocument)(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw invalid(
      doc.errors.map((e) => ({ path: "", message: `not valid JSON or YAML: ${e.message}` }))
    );
  }
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    throw new TrustStoreError(
      "TRUST_STORE_INVALID",
      `trust-store: YAML aliases expand beyond the limit of ${MAX_YAML_ALIASES} (a resource exhaustion attack, or a mapping to write without aliases)`,
      { cause: err, problems: [{ path: "", message: "too many YAML aliases" }] }
    );
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw invalid([
      { path: "", message: 'the trust store must be a mapping of "type:name" to certificates' }
    ]);
  }
  const baseDir = options.baseDir ?? process.cwd();
  const problems = [];
  const inputs = [];
  for (const [key, value] of Object.entries(raw)) {
    const colon = key.indexOf(":");
    const type = colon < 0 ? "" : key.slice(0, colon);
    const name = colon < 0 ? "" : key.slice(colon + 1);
    if (colon < 0 || !isTrustStoreType(type)) {
      problems.push({
        path: key,
        message: `expected "<type>:<name>" with type one of ${TRUST_STORE_TYPES.map((t) => `"${t}"`).join(", ")}`
      });
      continue;
    }
    if (!isValidStoreName(name)) {
      problems.push({
        path: key,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${name}" is invalid`
      });
      continue;
    }
    const entries = typeof value === "string" ? [value] : Array.isArray(value) ? value : void 0;
    if (entries === void 0 || entries.length === 0) {
      problems.push({
        path: key,
        message: "expected a certificate (PEM or file path) or a non-empty list of them"
      });
      continue;
    }
    const certificates = [];
    for (const [i, entry] of entries.entries()) {
      const label = `${key}[${i}]`;
      if (typeof entry !== "string" || entry.trim() === "") {
        problems.push({ path: label, message: "expected PEM text or a file path" });
        continue;
      }
      if (entry.includes("-----BEGIN ")) {
        try {
          const certs = certificatesFromBytes(Buffer.from(entry, "utf8"));
          certificates.push(
            ...certs.map((der, j) => ({ der, source: certs.length > 1 ? `${label}#${j}` : label }))
          );
        } catch (err) {
          problems.push({ path: label, message: err.message });
        }
        continue;
      }
      const file = path.resolve(baseDir, entry.trim());
      certificates.push(...await readCertFile(file, `${label} (${entry.trim()})`, problems));
    }
    inputs.push({ type, name, certificates });
  }
  return finish(inputs, problems);
}
function isWindowsAbsolutePath(input) {
  return /^[A-Za-z]:[\\/]/.test(input) || /^\\\\[^\\]/.test(input);
}
async function loadTrustStore(input, options = {}) {
  const trimmed = input.trim();
  if (!trimmed.includes("\n")) {
    const target = path.resolve(options.baseDir ?? process.cwd(), trimmed);
    const info = await stat(target).catch(() => void 0);
    if (info?.isDirectory()) return loadTrustStoreDirectory(target, options);
    if (info?.isFile()) {
      const text = await readFile(target, "utf8");
      return loadInlineTrustStore(text, { ...options, baseDir: path.dirname(target) });
    }
    if (!trimmed.includes(":") && !trimmed.startsWith("{") || isWindowsAbsolutePath(trimmed)) {
      throw invalid([
        {
          path: trimmed,
          message: `is neither a trust-store directory or mapping file (not found) nor a "type:name" mapping`
        }
      ]);
    }
  }
  return loadInlineTrustStore(input, options);
}

export {
  MAX_CERT_FILE_BYTES,
  MAX_FILES_PER_STORE,
  certificatesFromBytes,
  loadTrustStoreDirectory,
  loadInlineTrustStore,
  isWindowsAbsolutePath,
  loadTrustStore
};
