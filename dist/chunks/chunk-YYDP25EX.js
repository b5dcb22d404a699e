#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  VerifyCommandError,
  runSignJob,
  runVerifyJob
} from "./chunk-PXB7QROI.js";
import {
  debug,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-LHDFCURT.js";
import {
  ActionError,
  formatCauseChain
} from "./chunk-SDPK7C2D.js";

// src/action/fail.ts
function failStep(err) {
  const lines = formatCauseChain(err);
  const remedy = err instanceof ActionError && err.remedy !== void 0 ? `
remedy: ${err.remedy}` : "";
  setFailed(`${lines.join("\n")}${remedy}`);
  if (!(err instanceof ActionError) && err instanceof Error && err.stack !== void 0) {
    debug(err.stack);
  }
}

// src/action/secrets.ts
function maskSecret(value) {
  const lines = value.split(/\r?\n/).map((l) => l.trim());
  if (lines.length === 1) {
    if (value.trim() !== "") setSecret(value.trim());
    return;
  }
  for (const line of lines) {
    if (line.length >= 8 && !line.startsWith("-----")) setSecret(line);
  }
}
function maskSecrets(raw) {
  const password = raw["registry-password"];
  if (password) maskSecret(password);
  const key = raw["signing-key"];
  if (key?.includes("-----BEGIN")) maskSecret(key);
}

// src/report/summary.ts
function escapeCell(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/\r?\n/g, " ");
}
function table(header, rows) {
  const line = (cells) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...rows.map(line)].join("\n");
}
var short = (digest) => digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
function signerLine(signer) {
  if (signer?.artifactSigningApiVersion === void 0) return void 0;
  const version = `Artifact Signing api-version \`${signer.artifactSigningApiVersion}\``;
  return signer.apiVersionFallbackFrom === void 0 ? `${version}.` : `${version} (the configured \`${signer.apiVersionFallbackFrom}\` was refused before authentication, so the other form was used).`;
}
function signSummaryMarkdown(signed, verification, timings, signer) {
  const header = [
    "Image",
    "Digest",
    "Signature",
    "Signer",
    "Timestamp",
    "Referrers",
    "Verification"
  ];
  const rows = signed.map((s) => {
    const v = verification?.get(s.signatureDigest);
    return [
      s.platform ? `${s.reference} (${s.platform})` : s.reference,
      short(s.digest),
      short(s.signatureDigest),
      s.signer,
      s.timestamp ?? "none",
      s.referrersMode,
      v === void 0 ? s.skipped ? "\u23ED\uFE0F already signed (skip-if-signed)" : "not run" : v.verified ? `\u2705 ${v.detail}` : `\u274C ${v.detail}`
    ];
  });
  const parts = ["### Notary signatures", "", table(header, rows)];
  const skipped = signed.filter((s) => s.skipped);
  if (skipped.length > 0) {
    parts.push(
      "",
      `${skipped.length} of ${signed.length} manifest${signed.length === 1 ? "" : "s"} already had a signature that counts (skip-if-signed); nothing was pushed for ${skipped.length === 1 ? "it" : "them"}:`,
      "",
      ...skipped.map(
        (s) => `- ${escapeCell(`${s.repository}@${s.digest}`)}: ${escapeCell(s.skipped?.reason ?? "")}`
      )
    );
  }
  const line = signerLine(signer);
  if (line !== void 0) parts.push("", line);
  if (timings && Object.keys(timings).length > 0) {
    parts.push(
      "",
      `Timings: ${Object.entries(timings).map(([k, ms]) => `${k} ${ms} ms`).join(", ")}`
    );
  }
  return parts.join("\n") + "\n";
}
function verifySummaryMarkdown(rows, details = []) {
  const parts = [
    "### Notary verification",
    "",
    table(
      ["Image", "Digest", "Result", "Detail"],
      rows.map((r) => [
        r.reference,
        short(r.digest),
        r.verified ? "\u2705 verified" : "\u274C not verified",
        r.detail
      ])
    )
  ];
  if (details.length > 0) {
    parts.push(
      "",
      table(
        [
          "Signature",
          "Signer",
          "Integrity",
          "Authenticity",
          "Timestamp",
          "Expiry",
          "Revocation",
          "Verdict"
        ],
        details
      )
    );
  }
  return parts.join("\n") + "\n";
}

// src/action/core-logger.ts
var coreLogger = {
  debug: (message) => debug(message),
  info: (message) => info(message),
  warning: (message, where) => warning(message, {
    ...where?.title === void 0 ? {} : { title: where.title },
    ...where?.file === void 0 ? {} : { file: where.file }
  }),
  group: (name, fn) => group(name, fn)
};

// src/action/run-sign.ts
function actionRuntime() {
  return { logger: coreLogger, env: process.env, mask: maskSecret };
}
function signOutputs(signed) {
  const first = signed[0];
  return {
    digest: first?.digest ?? "",
    "signature-digest": first?.signatureDigest ?? "",
    signatures: JSON.stringify(
      signed.map((s) => ({
        reference: s.reference,
        repository: s.repository,
        digest: s.digest,
        mediaType: s.mediaType,
        ...s.platform ? { platform: s.platform } : {},
        signatureDigest: s.signatureDigest,
        referrersMode: s.referrersMode,
        signer: s.signer,
        timestamp: s.timestamp ?? null,
        ...s.skipped ? { skipped: true, skipReason: s.skipped.reason } : {}
      }))
    )
  };
}
function readBackRows(verification) {
  const rows = verificationRows(verification);
  const out = /* @__PURE__ */ new Map();
  verification.images.forEach((image, i) => {
    const row = rows[i];
    if (image.signatureDigest !== void 0 && row !== void 0)
      out.set(image.signatureDigest, row);
  });
  return out;
}
async function runSignAction(config) {
  const { signed, signer, verification, timings } = await runSignJob(config, actionRuntime());
  for (const [name, value] of Object.entries(signOutputs(signed))) setOutput(name, value);
  setOutput("artifact-signing-api-version", signer.artifactSigningApiVersion ?? "");
  let rows;
  if (verification) {
    setOutput("verified", String(verification.verified));
    setOutput("verification", JSON.stringify(verification));
    rows = readBackRows(verification);
  }
  if (config.showSummary) {
    await summary.addRaw(signSummaryMarkdown(signed, rows, timings, signer)).write();
  }
  if (verification && !verification.verified) throw verificationFailure(verification);
  if (signed.length === 0) throw new ActionError("NOTHING_SIGNED", "no image was signed");
}

// src/action/run-verify.ts
function verificationRows(report) {
  return report.images.map((image) => {
    const passed = image.signatures.find((s) => s.verdict === "passed");
    const policy = image.policy ? `, policy "${image.policy}" (${image.level})` : "";
    let detail;
    if (passed)
      detail = `signature ${passed.digest.slice(0, 19)}\u2026 by ${passed.signer ?? "unknown signer"}${policy}`;
    else if (image.verified) detail = `not checked: trust policy level skip${policy}`;
    else detail = image.error ?? "no signature passed";
    return {
      reference: image.reference,
      digest: image.digest ?? "",
      verified: image.verified,
      detail
    };
  });
}
function signatureRows(report) {
  const status = (s, type) => {
    const c = s.checks.find((x) => x.type === type);
    return c === void 0 ? "-" : `${c.status}${c.action === "enforce" ? "" : ` (${c.action})`}`;
  };
  return report.images.flatMap(
    (image) => image.signatures.map((s) => [
      s.digest.slice(0, 19) + "\u2026",
      s.signer ?? "-",
      status(s, "integrity"),
      status(s, "authenticity"),
      status(s, "authenticTimestamp"),
      status(s, "expiry"),
      status(s, "revocation"),
      s.verdict
    ])
  );
}
function verificationFailure(report) {
  const failed = verificationRows(report).filter((r) => !r.verified);
  return new VerifyCommandError(
    "NOT_VERIFIED",
    `${failed.length} of ${report.images.length} image${report.images.length === 1 ? "" : "s"} not verified: ${failed.map((r) => `${r.reference}: ${r.detail}`).join("; ")}`
  );
}
async function runVerifyAction(config) {
  const report = await runVerifyJob(config, actionRuntime());
  setOutput("verified", String(report.verified));
  setOutput("verification", JSON.stringify(report));
  if (config.showSummary) {
    await summary.addRaw(verifySummaryMarkdown(verificationRows(report), signatureRows(report))).write();
  }
  if (!report.verified) throw verificationFailure(report);
}

export {
  failStep,
  maskSecrets,
  runVerifyAction,
  runSignAction
};
