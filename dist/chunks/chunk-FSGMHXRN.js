#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CertificateError
} from "./chunk-XHYYKEXA.js";

// src/x509/pem.ts
var BLOCK = /-----BEGIN ([A-Z0-9 #-]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
var BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;
function parsePemBlocks(text) {
  const blocks = [];
  for (const match of text.matchAll(BLOCK)) {
    const label = match[1] ?? "";
    const lines = (match[2] ?? "").split(/\r?\n/).map((l) => l.trim());
    const headers = [];
    while (lines.length > 0 && /^[A-Za-z-]+:/.test(lines[0] ?? "")) {
      headers.push(lines.shift() ?? "");
    }
    const body = lines.join("");
    if (!BASE64_BODY.test(body) || body.length % 4 !== 0) {
      throw new CertificateError("CERT_PEM_INVALID", `PEM block "${label}" is not valid base64`);
    }
    blocks.push({ label, headers, der: new Uint8Array(Buffer.from(body, "base64")) });
  }
  return blocks;
}
function pemToCertificates(text, what = "PEM text") {
  const certs = parsePemBlocks(text).filter((b) => b.label === "CERTIFICATE").map((b) => b.der);
  if (certs.length === 0) {
    throw new CertificateError(
      "CERT_PEM_INVALID",
      `${what} contains no "-----BEGIN CERTIFICATE-----" block`
    );
  }
  return certs;
}
function derToPem(der, label = "CERTIFICATE") {
  const b64 = Buffer.from(der).toString("base64");
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----
${lines.join("\n")}
-----END ${label}-----
`;
}
function certificatesToPem(ders) {
  return ders.map((d) => derToPem(d)).join("");
}

export {
  parsePemBlocks,
  pemToCertificates,
  derToPem,
  certificatesToPem
};
