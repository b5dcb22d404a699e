#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/azure/claims.ts
function jwtClaims(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[1] === void 0) return void 0;
  try {
    const json = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
    return typeof json === "object" && json !== null && !Array.isArray(json) ? json : void 0;
  } catch {
    return void 0;
  }
}
function stringClaim(claims, name) {
  const v = claims?.[name];
  if (typeof v === "string") return v;
  if (Array.isArray(v) && typeof v[0] === "string") return v[0];
  return void 0;
}
function numberClaim(claims, name) {
  const v = claims?.[name];
  return typeof v === "number" && Number.isFinite(v) ? v : void 0;
}

export {
  jwtClaims,
  stringClaim,
  numberClaim
};
