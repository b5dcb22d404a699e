#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  parseList,
  renderVerificationHint,
  runSignJob,
  runVerifyJob,
  signatureEntries,
  verificationHintFor,
  verifyReportJson
} from "./chunk-4JNSGJIZ.js";
import {
  VerifyCommandError
} from "./chunk-TRVYRA5U.js";
import {
  debug,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-USDVSY7Z.js";
import {
  ActionError,
  formatCauseChain
} from "./chunk-TW4RF5XT.js";

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
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;").replace(/`/g, "&#96;").replace(/\*/g, "&#42;").replace(/\]\(/g, "]&#40;").replace(/\r?\n/g, " ");
}
var MAX_CAUSE = 240;
function oneLine(text, max = MAX_CAUSE) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
var ICON = { passed: "\u2705", failed: "\u274C", skipped: "\u23ED\uFE0F" };
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var code = (text) => `<code>${escapeCell(text)}</code>`;
function imageCause(image) {
  const policy = image.policy ? ` (policy "${image.policy}", ${image.level})` : "";
  const passed = image.signatures.find((s) => s.verdict === "passed");
  if (passed) return `verified${policy}`;
  if (image.verified) return `not checked: verification level skip${policy}`;
  const failed = image.signatures.filter((s) => s.error !== void 0);
  const [first] = failed;
  if (first?.error !== void 0) {
    const more = failed.length > 1 ? ` (and ${failed.length - 1} more signature${failed.length > 2 ? "s" : ""})` : "";
    return `${first.error}${more}`;
  }
  return image.error ?? "no signature passed";
}
var CHECK_COLUMNS = [
  ["integrity", "Integrity"],
  ["authenticity", "Authenticity"],
  ["authenticTimestamp", "Timestamp"],
  ["expiry", "Expiry"],
  ["revocation", "Revocation"]
];
var CHECK_ICON = {
  passed: "\u2705",
  failed: "\u274C",
  skipped: "\u2796",
  inconclusive: "\u2754"
};
function checkStatus(s, type) {
  const c = s.checks.find((x) => x.type === type);
  if (c === void 0) return "\u2013";
  const icon = CHECK_ICON[c.status] ?? c.status;
  return c.action === "enforce" ? icon : `${icon} ${c.action}`;
}
function checkImageName(image, report) {
  const same = report.images.filter((i) => i.repository === image.repository);
  const digests = new Set(same.map((i) => i.digest));
  if (digests.size <= 1 || image.digest === void 0) return image.repository;
  return `${image.repository}@${image.digest.slice(0, 19)}\u2026`;
}
function checkRows(report) {
  return report.images.flatMap(
    (image) => image.signatures.map((s, n) => ({
      image: checkImageName(image, report),
      signature: `#${n + 1}`,
      statuses: Object.fromEntries(CHECK_COLUMNS.map(([type]) => [type, checkStatus(s, type)])),
      verdict: s.verdict
    }))
  );
}
function signatureLines(image) {
  return image.signatures.map((s, n) => {
    const by = s.signer ? ` by ${code(s.signer)}` : "";
    const why = s.error ? `: ${escapeCell(s.error)}` : "";
    return `- ${escapeCell(image.reference)} #${n + 1} ${code(s.digest)}${by}, ${s.verdict}${why}`;
  });
}
function verificationDetails(report) {
  const failed = !report.verified;
  const lines = report.images.flatMap(signatureLines);
  const problems = report.images.filter((i) => !i.verified).map((i) => `- ${escapeCell(i.reference)}: ${escapeCell(imageCause(i))}`);
  return [
    ...problems.length > 0 ? [{ title: "Why not verified", lines: problems, open: true }] : [],
    ...lines.length > 0 ? [{ title: "Signatures tried", lines, open: failed }] : []
  ];
}
function verifySummaryView(report) {
  const notVerified = report.images.filter((i) => !i.verified).length;
  return {
    heading: "Notary verification",
    headline: notVerified === 0 ? `\u2705 ${plural(report.images.length, "image")} verified` : `\u274C ${notVerified} of ${plural(report.images.length, "image")} not verified`,
    images: report.images.map((i) => ({
      status: i.verified ? "passed" : "failed",
      image: i.reference,
      ...i.digest ? { digest: i.digest } : {},
      cause: oneLine(imageCause(i))
    })),
    checks: checkRows(report),
    details: verificationDetails(report),
    footer: []
  };
}
function signedImageName(s) {
  return s.platform ? `${s.repository} (${s.platform})` : s.repository;
}
function signerLine(signer) {
  if (signer?.artifactSigningApiVersion === void 0) return void 0;
  const version = `Artifact Signing api-version \`${signer.artifactSigningApiVersion}\``;
  return signer.apiVersionFallbackFrom === void 0 ? `${version}.` : `${version} (the configured \`${signer.apiVersionFallbackFrom}\` was refused before authentication, so the other form was used).`;
}
function signedRow(s, verification) {
  const base = { image: signedImageName(s), digest: s.digest };
  if (s.skipped)
    return {
      ...base,
      status: "skipped",
      cause: oneLine(`already signed, nothing was pushed (skip-if-signed): ${s.skipped.reason}`)
    };
  const image = verification?.images.find(
    (i) => i.signatureDigest !== void 0 ? i.signatureDigest === s.signatureDigest : i.digest === s.digest
  );
  const timestamped = s.timestamp ? "timestamped" : "not timestamped";
  if (verification === void 0)
    return { ...base, status: "passed", cause: `signed, ${timestamped}` };
  if (image === void 0)
    return { ...base, status: "failed", cause: "signed, but the read-back verification is missing" };
  return image.verified ? { ...base, status: "passed", cause: oneLine(`signed, ${timestamped}, ${imageCause(image)}`) } : {
    ...base,
    status: "failed",
    cause: oneLine(`signed, but not verified: ${imageCause(image)}`)
  };
}
function signatureDetailLines(s) {
  return [
    `- **${escapeCell(signedImageName(s))}** ${code(s.digest)}`,
    `  - ${s.skipped ? "existing " : ""}signature manifest ${code(s.signatureDigest)} (${s.referrersMode === "api" ? "Referrers API" : "referrers tag schema"})`,
    `  - signer ${code(s.signer)}`,
    `  - timestamp ${s.timestamp ? escapeCell(s.timestamp) : "none"}`
  ];
}
function signSummaryView(input) {
  const { signed, verification } = input;
  const images = signed.map((s) => signedRow(s, verification));
  const failed = images.filter((r) => r.status === "failed").length;
  const skipped = images.filter((r) => r.status === "skipped").length;
  const done = images.length - skipped;
  const alsoSkipped = skipped === 0 ? "" : `; ${skipped} already signed, skipped (skip-if-signed)`;
  let headline;
  if (failed > 0)
    headline = `\u274C ${failed} of ${plural(images.length, "image")} not verified after signing`;
  else if (done === 0)
    headline = `\u23ED\uFE0F ${plural(skipped, "image")} already signed, nothing was pushed (skip-if-signed)`;
  else if (verification) headline = `\u2705 ${plural(done, "image")} signed and verified${alsoSkipped}`;
  else
    headline = `\u2705 ${plural(done, "image")} signed (no trust-policy: not read back)${alsoSkipped}`;
  const details = [
    { title: "Signatures", lines: signed.flatMap(signatureDetailLines) }
  ];
  if (verification) details.push(...verificationDetails(verification));
  if (input.hint !== void 0) {
    details.push({
      title: "Verify it yourself (notation)",
      lines: ["```sh", ...input.hint.replace(/```/g, "'''").split("\n"), "```"]
    });
  }
  const timings = Object.entries(input.timings ?? {});
  return {
    heading: "Notary signatures",
    headline,
    images,
    checks: verification ? checkRows(verification) : [],
    details,
    footer: [
      ...[signerLine(input.signer)].filter((l) => l !== void 0),
      ...timings.length > 0 ? [`Timings: ${timings.map(([k, ms]) => `${k} ${ms} ms`).join(", ")}`] : []
    ]
  };
}
function failureSummaryView(input) {
  const chain = formatCauseChain(input.error);
  const outer = chain[0] ?? "unknown error";
  const inner = chain.length > 1 ? chain[chain.length - 1]?.replace(/^\s*caused by: /, "") : void 0;
  const first = inner === void 0 ? outer : `${outer}: ${inner}`;
  const remedy = input.error instanceof ActionError && input.error.remedy !== void 0 ? input.error.remedy : void 0;
  const verb = input.action === "sign" ? "signed" : "verified";
  return {
    heading: input.action === "sign" ? "Notary signatures" : "Notary verification",
    headline: `\u274C nothing ${verb}: ${escapeCell(oneLine(outer))}`,
    images: input.images.map((image) => ({
      status: "failed",
      image,
      cause: oneLine(`not ${verb}: ${first}`)
    })),
    checks: [],
    details: [
      {
        title: "Error",
        open: true,
        lines: [
          "<pre>",
          ...chain.map((l) => escapeCell(l)),
          ...remedy === void 0 ? [] : [`remedy: ${escapeCell(remedy)}`],
          "</pre>"
        ]
      }
    ],
    footer: []
  };
}
function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}
function imageCell(row) {
  return row.digest === void 0 ? escapeCell(row.image) : `${escapeCell(row.image)}<br>${code(row.digest)}`;
}
function renderSummary(view) {
  const parts = [`### ${view.heading}`, "", view.headline, ""];
  if (view.images.length > 0) {
    parts.push(
      ...table(
        ["", "Image", "Result"],
        view.images.map((r) => [ICON[r.status], imageCell(r), escapeCell(r.cause)])
      ),
      ""
    );
  }
  if (view.checks.length > 0) {
    const anyFailed = view.checks.some((c) => c.verdict === "failed");
    parts.push(
      `<details${anyFailed ? " open" : ""}><summary>Checks per signature</summary>`,
      "",
      ...table(
        ["Image", "Sig.", ...CHECK_COLUMNS.map(([, label]) => label), "Verdict"],
        view.checks.map((c) => [
          escapeCell(c.image),
          c.signature,
          ...CHECK_COLUMNS.map(([type]) => c.statuses[type] ?? "\u2013"),
          ICON[c.verdict]
        ])
      ),
      "",
      "</details>",
      ""
    );
  }
  for (const d of view.details) {
    parts.push(
      `<details${d.open ? " open" : ""}><summary>${escapeCell(d.title)}</summary>`,
      "",
      ...d.lines,
      "",
      "</details>",
      ""
    );
  }
  parts.push(...view.footer);
  return `${parts.join("\n").trimEnd()}
`;
}

// src/action/summary.ts
async function writeSummary(view) {
  try {
    await summary.addRaw(renderSummary(view)).write();
  } catch (err) {
    debug(
      `the job summary was not written: ${err instanceof Error ? err.message : String(err)}`
    );
  }
}
async function writeFailureSummary(action, images, error) {
  await writeSummary(failureSummaryView({ action, images, error }));
}
function summaryWanted(raw) {
  return raw?.["show-summary"]?.trim().toLowerCase() !== "false";
}
function imagesOf(raw) {
  return parseList(raw?.images ?? "");
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
function signOutputs(signed, hint) {
  const first = signed[0];
  return {
    digest: first?.digest ?? "",
    "signature-digest": first?.signatureDigest ?? "",
    signatures: JSON.stringify(signatureEntries(signed)),
    "verification-hint": hint ?? ""
  };
}
async function runSignAction(config) {
  let result;
  try {
    result = await runSignJob(config, actionRuntime());
  } catch (err) {
    if (config.showSummary) await writeFailureSummary("sign", config.images, err);
    throw err;
  }
  const { signed, signer, verification, timings } = result;
  const hint = verificationHintFor(result);
  const hintText = hint === void 0 ? void 0 : renderVerificationHint(hint);
  for (const [name, value] of Object.entries(signOutputs(signed, hintText)))
    setOutput(name, value);
  setOutput("artifact-signing-api-version", signer.artifactSigningApiVersion ?? "");
  if (verification) {
    setOutput("verified", String(verification.verified));
    setOutput("verification", JSON.stringify(verifyReportJson(verification)));
  }
  const showHint = hintText !== void 0 && (verification === void 0 || verification.verified);
  if (showHint) {
    await group("How a consumer verifies these signatures", async () => info(hintText));
  }
  if (config.showSummary) {
    await writeSummary(
      signSummaryView({
        signed,
        signer,
        ...verification ? { verification } : {},
        timings,
        ...showHint ? { hint: hintText } : {}
      })
    );
  }
  if (verification && !verification.verified) throw verificationFailure(verification);
  if (signed.length === 0) throw new ActionError("NOTHING_SIGNED", "no image was signed");
}

// src/action/run-verify.ts
function verificationFailure(report) {
  const failed = report.images.filter((i) => !i.verified);
  return new VerifyCommandError(
    "NOT_VERIFIED",
    `${failed.length} of ${report.images.length} image${report.images.length === 1 ? "" : "s"} not verified: ${failed.map((i) => `${i.reference}: ${imageCause(i)}`).join("; ")}`
  );
}
async function runVerifyAction(config) {
  let report;
  try {
    report = await runVerifyJob(config, actionRuntime());
  } catch (err) {
    if (config.showSummary) await writeFailureSummary("verify", config.images, err);
    throw err;
  }
  setOutput("verified", String(report.verified));
  setOutput("verification", JSON.stringify(verifyReportJson(report)));
  if (config.showSummary) await writeSummary(verifySummaryView(report));
  if (!report.verified) throw verificationFailure(report);
}

export {
  failStep,
  maskSecrets,
  writeFailureSummary,
  summaryWanted,
  imagesOf,
  runVerifyAction,
  runSignAction
};
