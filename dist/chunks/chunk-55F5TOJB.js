#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/verify/revocation-port.ts
function summarizeRevocation(results, subjects) {
  const warnings = [];
  let final = "unknown";
  let index;
  let revokedIndex;
  let okCount = 0;
  for (let i = results.length - 1; i >= 0; i--) {
    const r = results[i];
    const subject = subjects[i] ?? `#${i + 1}`;
    if (r.method === "ocspFallbackCrl") {
      warnings.push(
        `OCSP check failed with unknown error and fallback to CRL check for certificate #${i + 1} in chain with subject "${subject}"`
      );
    }
    for (const s of r.servers) {
      if (s.error === void 0 || s.result === "ok" || s.result === "nonRevocable") continue;
      if (r.method === "ocspFallbackCrl" && s.method === "ocsp") continue;
      warnings.push(
        `Certificate #${i + 1} in chain with subject "${subject}" encountered an error for revocation method ${s.method.toUpperCase()} at URL "${s.url}": ${s.error}`
      );
    }
    if (r.result === "ok" || r.result === "nonRevocable") {
      okCount++;
    } else {
      final = r.result;
      index = i;
      if (r.result === "revoked") revokedIndex = i;
    }
    if (i < results.length - 1 && r.result === "nonRevocable") {
      warnings.push(
        `Certificate #${i + 1} in the chain with subject "${subject}" neither has an OCSP nor a CRL revocation method.`
      );
    }
  }
  if (revokedIndex !== void 0) return { result: "revoked", index: revokedIndex, warnings };
  if (okCount === results.length) return { result: "ok", warnings };
  return { result: final, ...index !== void 0 ? { index } : {}, warnings };
}
var NON_REVOCABLE = {
  result: "nonRevocable",
  method: "none",
  servers: []
};
var offlineRevocationChecker = {
  offline: true,
  check: async () => {
    throw new Error("the offline revocation checker is never called");
  }
};

export {
  summarizeRevocation,
  NON_REVOCABLE,
  offlineRevocationChecker
};
