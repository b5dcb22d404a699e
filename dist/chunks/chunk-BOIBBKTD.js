#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseCertificate,
  weakSignatureAlgorithm
} from "./chunk-XHYYKEXA.js";
import {
  require_build2 as require_build
} from "./chunk-BAB72OL5.js";
import {
  ActionError
} from "./chunk-TW4RF5XT.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/verify/errors.ts
function formatProblems(problems) {
  return problems.map((p) => p.path === "" ? p.message : `${p.path}: ${p.message}`).join("\n");
}
var VerificationError = class extends ActionError {
};
var PolicyError = class extends VerificationError {
  problems;
  constructor(code, message, options) {
    super(code, message, options);
    this.problems = options?.problems ?? [];
  }
};
var TrustStoreError = class extends VerificationError {
  problems;
  constructor(code, message, options) {
    super(code, message, options);
    this.problems = options?.problems ?? [];
  }
};

// src/verify/trust-store.ts
var asn1js = __toESM(require_build(), 1);
var TRUST_STORE_TYPES = ["ca", "signingAuthority", "tsa"];
var STORE_NAME = /^[a-zA-Z0-9_.-]+$/;
function isValidStoreName(name) {
  return STORE_NAME.test(name);
}
function isTrustStoreType(s) {
  return TRUST_STORE_TYPES.includes(s);
}
function certificateVersion(der) {
  const parsed = asn1js.fromBER(der);
  const cert = parsed.result;
  if (!(cert instanceof asn1js.Sequence)) return 1;
  const tbs = cert.valueBlock.value[0];
  if (!(tbs instanceof asn1js.Sequence)) return 1;
  const first = tbs.valueBlock.value[0];
  if (first?.idBlock.tagClass === 3 && first.idBlock.tagNumber === 0) {
    const inner = first.valueBlock.value[0];
    if (inner instanceof asn1js.Integer) return inner.valueBlock.valueDec + 1;
  }
  return 1;
}
var isCA = (c) => c.basicConstraints.present && c.basicConstraints.cA;
function verifiesWithOwnKey(c) {
  const weak = weakSignatureAlgorithm(c);
  if (weak !== void 0 && weak.startsWith("md")) return false;
  try {
    return c.x509.verify(c.publicKey);
  } catch {
    return false;
  }
}
function trustedCertificateProblem(der, type) {
  let cert;
  try {
    cert = parseCertificate(der);
  } catch (err) {
    return `not a valid X.509 certificate: ${err.message}`;
  }
  if (!isCA(cert) && !verifiesWithOwnKey(cert)) {
    return `certificate with subject "${cert.subject}" is not a CA certificate or self-signed signing certificate`;
  }
  if (type === "tsa") {
    const v3 = certificateVersion(cert.der) === 3;
    const constraintOk = !(v3 && !cert.basicConstraints.present) && !(cert.basicConstraints.present && !cert.basicConstraints.cA) && !(cert.keyUsage.flags.length > 0 && !cert.keyUsage.flags.includes("keyCertSign"));
    if (!constraintOk) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: x509: invalid signature: parent certificate cannot sign this kind of certificate`;
    }
    if (weakSignatureAlgorithm(cert) !== void 0) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: it is signed with the insecure algorithm ${weakSignatureAlgorithm(cert)}`;
    }
    if (!verifiesWithOwnKey(cert)) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: its signature does not verify with its own key`;
    }
    if (!cert.selfIssued) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: issuer (${cert.issuer}) and subject (${cert.subject}) are not the same`;
    }
  }
  return void 0;
}
function buildTrustStore(stores) {
  const problems = [];
  const out = {
    ca: /* @__PURE__ */ new Map(),
    signingAuthority: /* @__PURE__ */ new Map(),
    tsa: /* @__PURE__ */ new Map()
  };
  for (const store of stores) {
    const label = `${store.type}:${store.name}`;
    if (!isTrustStoreType(store.type)) {
      problems.push({
        path: label,
        message: `unsupported trust store type "${String(store.type)}", supported types are "ca", "signingAuthority" and "tsa"`
      });
      continue;
    }
    if (!isValidStoreName(store.name)) {
      problems.push({
        path: label,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${store.name}" is invalid`
      });
      continue;
    }
    const list = out[store.type].get(store.name) ?? [];
    for (const c of store.certificates) {
      const problem = trustedCertificateProblem(c.der, store.type);
      if (problem !== void 0) problems.push({ path: c.source, message: problem });
      else list.push(c.der);
    }
    out[store.type].set(store.name, list);
  }
  if (problems.length > 0) {
    throw new TrustStoreError(
      "TRUST_STORE_INVALID",
      `trust store is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):
${formatProblems(problems)}`,
      {
        problems,
        remedy: "Trust stores hold CA or self-signed certificates only; a tsa store holds self-signed root CA certificates."
      }
    );
  }
  return out;
}
function trustedCertificatesFor(store, references, type) {
  const seen = /* @__PURE__ */ new Set();
  const certificates = [];
  for (const ref of references) {
    if (ref.type !== type || seen.has(ref.name)) continue;
    seen.add(ref.name);
    const certs = store[type].get(ref.name);
    if (certs === void 0 || certs.length === 0) {
      return { ok: false, error: storeNotFound(store, [{ type, name: ref.name }]) };
    }
    certificates.push(...certs);
  }
  return { ok: true, certificates };
}
function storeNames(store) {
  const names = new Set(store.inventory?.stores ?? []);
  for (const type of TRUST_STORE_TYPES)
    for (const name of store[type].keys()) names.add(`${type}:${name}`);
  return [...names].sort();
}
function unusableStores(store, references) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const ref of references) {
    const key = `${ref.type}:${ref.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if ((store[ref.type].get(ref.name)?.length ?? 0) === 0) out.push(ref);
  }
  return out;
}
function storeNotFound(store, missing, context = "") {
  const existing = storeNames(store);
  const what = missing.map((ref) => {
    if (store[ref.type].has(ref.name))
      return `no x509 certificates were found in trust store "${ref.name}" of type "${ref.type}"`;
    const near = existing.find((n) => looselyEqual(n, `${ref.type}:${ref.name}`));
    return `the trust store "${ref.name}" of type "${ref.type}" does not exist${near === void 0 ? "" : ` (did you mean ${near}?)`}`;
  });
  const available = existing.length === 0 ? "the trust-store input has no stores" : `the trust-store input has ${existing.join(", ")}`;
  const misplaced = store.inventory?.misplaced ?? [];
  const hint = misplaced.length === 0 ? "" : `; ${misplaced.join(", ")} ${misplaced.length === 1 ? "is a file" : "are files"} where a store directory belongs: certificates go one level deeper, in x509/<type>/<name>/ (e.g. ${placeFor(misplaced[0], missing[0])})`;
  return new TrustStoreError(
    "TRUST_STORE_NOT_FOUND",
    `${context}${what.join("; ")} (${available}${hint})`,
    {
      remedy: `Check the trustStores names of the trust policy against the trust store (names must match exactly), or provide ${missing.map((r) => `"${r.type}:${r.name}"`).join(", ")} in the trust-store input.`
    }
  );
}
function looselyEqual(a, b) {
  const fold = (s) => s.toLowerCase().replace(/[-_.]/g, "");
  return fold(a) === fold(b);
}
function placeFor(file, wanted) {
  const parts = file.split("/");
  const base = parts.pop();
  const type = parts[1] ?? wanted?.type ?? "<type>";
  const name = wanted !== void 0 && wanted.type === type ? wanted.name : "<name>";
  return `x509/${type}/${name}/${base}`;
}
function hasTsaStore(references) {
  return references.some((r) => r.type === "tsa");
}

export {
  formatProblems,
  VerificationError,
  PolicyError,
  TrustStoreError,
  TRUST_STORE_TYPES,
  isValidStoreName,
  isTrustStoreType,
  certificateVersion,
  buildTrustStore,
  trustedCertificatesFor,
  unusableStores,
  storeNotFound,
  hasTsaStore
};
