#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  LEVELS,
  matchTrustedIdentity,
  selectPolicy
} from "./chunk-PGJVFZ6D.js";
import {
  HEADER,
  LIMITS,
  MEDIA_TYPE,
  SIGNING_SCHEME,
  TimestampError,
  decodeEnvelope,
  mapBounded,
  parseSignatureManifest,
  policySubject,
  verifyEnvelopeSignature,
  verifyTimestampToken
} from "./chunk-TRVYRA5U.js";
import {
  validateCodeSigningChain
} from "./chunk-FFORUPRV.js";
import {
  summarizeRevocation
} from "./chunk-55F5TOJB.js";
import {
  VerificationError,
  hasTsaStore,
  trustedCertificatesFor
} from "./chunk-BOIBBKTD.js";
import {
  parseCertificate
} from "./chunk-XHYYKEXA.js";
import {
  parseReference
} from "./chunk-ESYIPS4F.js";
import {
  formatCauseChain
} from "./chunk-TW4RF5XT.js";

// src/verify/report.ts
function buildArtifactReport(input) {
  const level = input.statement.verificationLevel;
  const base = {
    reference: input.reference,
    artifact: input.artifact,
    policy: { name: input.statement.name, level },
    signatures: [...input.signatures],
    warnings: [...input.warnings ?? [], ...input.signatures.flatMap((s) => s.outcome.warnings)],
    notes: input.signatures.flatMap((s) => s.outcome.notes)
  };
  if (level.name === "skip") return { ...base, verdict: "skipped" };
  const verifiedBy = input.signatures.findIndex((s) => s.outcome.verdict === "passed");
  if (verifiedBy >= 0) return { ...base, verdict: "passed", verifiedBy };
  if (input.signatures.length === 0) {
    return {
      ...base,
      verdict: "failed",
      error: new VerificationError(
        "NO_SIGNATURE",
        `no signature is associated with "${input.reference}", make sure the artifact was signed successfully`
      )
    };
  }
  const reasons = input.signatures.map(
    (s) => `${s.digest}: ${s.outcome.error?.message ?? "failed"}`
  );
  if (input.limitExceeded !== void 0) {
    return {
      ...base,
      verdict: "failed",
      error: new VerificationError(
        "TOO_MANY_SIGNATURES",
        `signature evaluation stopped. The configured limit of ${input.limitExceeded.max} signatures to verify per artifact exceeded
${reasons.join("\n")}`
      )
    };
  }
  const first = input.signatures[0]?.outcome.error;
  return {
    ...base,
    verdict: "failed",
    error: new VerificationError(
      first?.code ?? "INCONCLUSIVE",
      `signature verification failed for all the signatures associated with "${input.reference}":
${reasons.join("\n")}`,
      first === void 0 ? void 0 : { cause: first }
    )
  };
}
var STATUS_MARK = {
  passed: "ok",
  failed: "FAILED",
  skipped: "-",
  inconclusive: "INCONCLUSIVE"
};
function iso(d) {
  return d === void 0 ? "-" : d.toISOString().replace(".000Z", "Z");
}
function pad(s, n) {
  return s.length >= n ? `${s} ` : s + " ".repeat(n - s.length);
}
function renderSignature(s, index, chosen) {
  const o = s.outcome;
  const lines = [];
  const verdict = o.verdict === "passed" ? "verified" : "not verified";
  lines.push(
    `  signature ${index + 1}: ${s.digest} (${s.mediaType}): ${verdict}${chosen ? " (used)" : ""}`
  );
  if (o.signer !== void 0) lines.push(`    signer:       ${o.signer}`);
  if (o.envelope !== void 0) {
    lines.push(`    algorithm:    ${o.envelope.algorithm}, scheme ${o.envelope.signingScheme}`);
  }
  if (o.signingTime !== void 0) {
    lines.push(
      `    signed at:    ${iso(o.signingTime)}${o.signingTimeIsAuthentic ? " (authentic)" : ""}`
    );
  }
  if (o.timestamp !== void 0) {
    const acc = o.timestamp.accuracyMs;
    lines.push(
      `    timestamp:    ${iso(o.timestamp.genTime)}${acc > 0 ? ` \xB1${acc} ms` : ""} (trusted TSA)`
    );
  }
  if (o.expiry !== void 0) lines.push(`    expires:      ${iso(o.expiry)}`);
  for (const c of o.checks) {
    lines.push(
      `    ${pad(c.type, 19)}${pad(c.action, 8)}${pad(STATUS_MARK[c.status], 13)}${c.message}`
    );
  }
  return lines;
}
function renderReportText(report) {
  const lines = [];
  const digestRef = report.reference.includes("@") ? report.reference : `${report.reference} (${report.artifact.digest})`;
  const head = report.verdict === "passed" ? "VERIFIED" : report.verdict === "skipped" ? "SKIPPED" : "NOT VERIFIED";
  lines.push(`${head}: ${digestRef}`);
  lines.push(`  trust policy: "${report.policy.name}", level ${report.policy.level.name}`);
  if (report.verdict === "skipped") {
    lines.push('  verification level "skip": no signature was fetched or checked');
  }
  report.signatures.forEach((s, i) => lines.push(...renderSignature(s, i, i === report.verifiedBy)));
  if (report.error !== void 0) {
    const first = report.error.message.split("\n")[0]?.replace(/:$/, "") ?? "";
    lines.push(`  error [${report.error.code}]: ${first}`);
  }
  if (report.notes.length > 0) {
    lines.push("  notes:");
    for (const n of report.notes) lines.push(`    - ${n}`);
  }
  return `${lines.join("\n")}
`;
}

// src/verify/signed-payload.ts
var SignedPayloadError = class extends Error {
};
var MAX_DEPTH = 1e4;
function isWs(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
function hexValue(c) {
  if (c === void 0) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
function decodeRune(b, i) {
  const b0 = b[i];
  if (b0 < 128) return [b0, 1];
  const cont = (k, lo = 128, hi = 191) => {
    const c = b[i + k];
    return c !== void 0 && c >= lo && c <= hi ? c & 63 : void 0;
  };
  if (b0 >= 194 && b0 <= 223) {
    const c1 = cont(1);
    return c1 === void 0 ? [65533, 1] : [(b0 & 31) << 6 | c1, 2];
  }
  if (b0 >= 224 && b0 <= 239) {
    const c1 = cont(1, b0 === 224 ? 160 : 128, b0 === 237 ? 159 : 191);
    const c2 = c1 === void 0 ? void 0 : cont(2);
    if (c1 === void 0 || c2 === void 0) return [65533, 1];
    return [(b0 & 15) << 12 | c1 << 6 | c2, 3];
  }
  if (b0 >= 240 && b0 <= 244) {
    const c1 = cont(1, b0 === 240 ? 144 : 128, b0 === 244 ? 143 : 191);
    const c2 = c1 === void 0 ? void 0 : cont(2);
    const c3 = c2 === void 0 ? void 0 : cont(3);
    if (c1 === void 0 || c2 === void 0 || c3 === void 0) return [65533, 1];
    return [(b0 & 7) << 18 | c1 << 12 | c2 << 6 | c3, 4];
  }
  return [65533, 1];
}
function parseJson(b) {
  let i = 0;
  const syntax = (what) => new SignedPayloadError(`invalid JSON at byte ${i}: ${what}`);
  const skipWs = () => {
    while (isWs(b[i])) i++;
  };
  const u4 = (at) => {
    if (b[at] !== 92 || b[at + 1] !== 117) return -1;
    let r = 0;
    for (let k = 2; k < 6; k++) {
      const h = hexValue(b[at + k]);
      if (h < 0) return -1;
      r = r * 16 + h;
    }
    return r;
  };
  const string = () => {
    i++;
    const out = [];
    for (; ; ) {
      const c = b[i];
      if (c === void 0) throw syntax("unexpected end of input in a string");
      if (c === 34) {
        i++;
        break;
      }
      if (c < 32) throw syntax("control character in a string");
      if (c !== 92) {
        const [rune, width] = decodeRune(b, i);
        out.push(rune);
        i += width;
        continue;
      }
      const e = b[i + 1];
      const simple = {
        34: 34,
        92: 92,
        47: 47,
        98: 8,
        102: 12,
        110: 10,
        114: 13,
        116: 9
      };
      if (e !== void 0 && simple[e] !== void 0) {
        out.push(simple[e]);
        i += 2;
        continue;
      }
      if (e !== 117) throw syntax("invalid escape in a string");
      let r = u4(i);
      if (r < 0) throw syntax("invalid \\u escape in a string");
      i += 6;
      if (r >= 55296 && r <= 57343) {
        const r1 = u4(i);
        if (r <= 56319 && r1 >= 56320 && r1 <= 57343) {
          r = 65536 + (r - 55296 << 10) + (r1 - 56320);
          i += 6;
        } else {
          r = 65533;
        }
      }
      out.push(r);
    }
    let s = "";
    for (let k = 0; k < out.length; k += 4096) {
      s += String.fromCodePoint(...out.slice(k, k + 4096));
    }
    return s;
  };
  const number = () => {
    const start = i;
    const digits = () => {
      const from = i;
      while ((b[i] ?? 0) >= 48 && (b[i] ?? 0) <= 57) i++;
      return i - from;
    };
    if (b[i] === 45) i++;
    if (b[i] === 48) i++;
    else if (digits() === 0) throw syntax("invalid number");
    if (b[i] === 46) {
      i++;
      if (digits() === 0) throw syntax("invalid number");
    }
    if (b[i] === 101 || b[i] === 69) {
      i++;
      if (b[i] === 43 || b[i] === 45) i++;
      if (digits() === 0) throw syntax("invalid number");
    }
    return { kind: "number", text: Buffer.from(b.subarray(start, i)).toString("latin1") };
  };
  const literal = (word, value) => {
    for (let k = 0; k < word.length; k++) {
      if (b[i + k] !== word.charCodeAt(k)) throw syntax("invalid literal");
    }
    i += word.length;
    return { kind: "literal", value };
  };
  const stack = [];
  const key = (frame) => {
    skipWs();
    if (b[i] !== 34) throw syntax("expected a string key");
    frame.key = string();
    skipWs();
    if (b[i] !== 58) throw syntax("expected ':' after a key");
    i++;
  };
  for (; ; ) {
    skipWs();
    let value;
    const c = b[i];
    if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH) throw syntax("exceeded max depth");
      i++;
      skipWs();
      if (c === 123) {
        if (b[i] === 125) {
          i++;
          value = { kind: "object", members: [] };
        } else {
          const frame = { kind: "object", members: [], key: "" };
          key(frame);
          stack.push(frame);
          continue;
        }
      } else if (b[i] === 93) {
        i++;
        value = { kind: "array", items: [] };
      } else {
        stack.push({ kind: "array", items: [] });
        continue;
      }
    } else if (c === 34) value = { kind: "string", value: string() };
    else if (c === 45 || c !== void 0 && c >= 48 && c <= 57) value = number();
    else if (c === 116) value = literal("true", true);
    else if (c === 102) value = literal("false", false);
    else if (c === 110) value = literal("null", null);
    else throw syntax(c === void 0 ? "unexpected end of input" : "invalid character");
    for (; ; ) {
      const top = stack[stack.length - 1];
      if (top === void 0) {
        skipWs();
        if (i !== b.length) throw syntax("invalid character after top-level value");
        return value;
      }
      if (top.kind === "object") top.members.push([top.key, value]);
      else top.items.push(value);
      skipWs();
      const sep = b[i];
      if (sep === 44) {
        i++;
        if (top.kind === "object") key(top);
        break;
      }
      if (top.kind === "object" && sep === 125 || top.kind === "array" && sep === 93) {
        i++;
        stack.pop();
        value = top.kind === "object" ? { kind: "object", members: top.members } : { kind: "array", items: top.items };
        continue;
      }
      throw syntax(`expected ',' or '${top.kind === "object" ? "}" : "]"}'`);
    }
  }
}
function fold(name) {
  let out = "";
  for (const ch of name) {
    if (ch === "\u017F") out += "S";
    else if (ch === "\u212A") out += "K";
    else if (ch >= "a" && ch <= "z") out += ch.toUpperCase();
    else out += ch;
  }
  return out;
}
function typeError(v, goType, field) {
  const kind = v.kind === "literal" ? v.value === null ? "null" : "bool" : v.kind;
  return new SignedPayloadError(
    `json: cannot unmarshal ${kind} into Go value of type ${goType} (${field})`
  );
}
var isNull = (v) => v.kind === "literal" && v.value === null;
function eachField(v, fields) {
  const byFold = new Map(Object.entries(fields).map(([name, f]) => [fold(name), f]));
  for (const [k, value] of v.members) byFold.get(fold(k))?.(value);
}
function goString(v, field, current) {
  if (isNull(v)) return current;
  if (v.kind !== "string") throw typeError(v, "string", field);
  return v.value;
}
function goStringSlice(v, field) {
  if (isNull(v)) return void 0;
  if (v.kind !== "array") throw typeError(v, "[]string", field);
  return v.items.map((item) => goString(item, field, ""));
}
function goInt64(v, field, current) {
  if (isNull(v)) return current;
  if (v.kind !== "number") throw typeError(v, "int64", field);
  const n = /^-?\d+$/.test(v.text) ? BigInt(v.text) : void 0;
  if (n === void 0 || n < -(2n ** 63n) || n >= 2n ** 63n) {
    throw new SignedPayloadError(
      `json: cannot unmarshal number ${v.text} into Go value of type int64 (${field})`
    );
  }
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new SignedPayloadError(`${field} ${v.text} is not a size any artifact can have`);
  }
  return Number(n);
}
var BASE64_STD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function decodeSignedPayload(bytes) {
  const root = parseJson(bytes);
  const d = {
    mediaType: "",
    digest: "",
    size: 0,
    urls: void 0,
    annotations: void 0,
    data: void 0,
    platform: void 0,
    artifactType: ""
  };
  const platform = (v) => {
    if (isNull(v)) {
      d.platform = void 0;
      return;
    }
    if (v.kind !== "object") throw typeError(v, "v1.Platform", "targetArtifact.platform");
    const p = d.platform ??= { architecture: "", os: "", "os.version": "", variant: "" };
    const f = (name) => (x) => {
      const path = `targetArtifact.platform.${name}`;
      if (name === "os.features") {
        const list = goStringSlice(x, path);
        if (list === void 0) delete p["os.features"];
        else p["os.features"] = list;
      } else p[name] = goString(x, path, p[name]);
    };
    eachField(v, {
      architecture: f("architecture"),
      os: f("os"),
      "os.version": f("os.version"),
      "os.features": f("os.features"),
      variant: f("variant")
    });
  };
  const descriptor = (v) => {
    if (isNull(v)) return;
    if (v.kind !== "object") throw typeError(v, "v1.Descriptor", "targetArtifact");
    eachField(v, {
      mediaType: (x) => d.mediaType = goString(x, "targetArtifact.mediaType", d.mediaType),
      digest: (x) => d.digest = goString(x, "targetArtifact.digest", d.digest),
      size: (x) => d.size = goInt64(x, "targetArtifact.size", d.size),
      urls: (x) => d.urls = goStringSlice(x, "targetArtifact.urls"),
      annotations: (x) => {
        if (isNull(x)) {
          d.annotations = void 0;
          return;
        }
        if (x.kind !== "object")
          throw typeError(x, "map[string]string", "targetArtifact.annotations");
        const map = d.annotations ??= /* @__PURE__ */ new Map();
        for (const [k, value] of x.members) {
          map.set(k, goString(value, `targetArtifact.annotations[${JSON.stringify(k)}]`, ""));
        }
      },
      data: (x) => {
        if (isNull(x)) {
          d.data = void 0;
          return;
        }
        if (x.kind !== "string") throw typeError(x, "[]uint8", "targetArtifact.data");
        if (!BASE64_STD.test(x.value.replace(/[\r\n]/g, ""))) {
          throw new SignedPayloadError("illegal base64 data in targetArtifact.data");
        }
        d.data = x.value;
      },
      platform,
      artifactType: (x) => d.artifactType = goString(x, "targetArtifact.artifactType", d.artifactType)
    });
  };
  if (!isNull(root)) {
    if (root.kind !== "object") throw typeError(root, "envelope.Payload", "payload");
    eachField(root, { targetArtifact: descriptor });
  }
  const targetArtifact = { mediaType: d.mediaType, digest: d.digest, size: d.size };
  if (d.annotations !== void 0) targetArtifact.annotations = Object.fromEntries(d.annotations);
  if (d.artifactType !== "") targetArtifact.artifactType = d.artifactType;
  if (d.urls !== void 0) targetArtifact.urls = d.urls;
  if (d.data !== void 0) targetArtifact.data = d.data;
  if (d.platform !== void 0) {
    const { architecture, os, variant } = d.platform;
    targetArtifact.platform = {
      architecture,
      os,
      ...variant !== "" ? { variant } : {},
      ...d.platform["os.version"] !== "" ? { "os.version": d.platform["os.version"] } : {}
    };
  }
  return { targetArtifact };
}
function missingUserMetadata(annotations, required) {
  return [...required].filter(
    ([k, v]) => annotations === void 0 || !Object.hasOwn(annotations, k) || annotations[k] !== v
  );
}

// src/verify/verifier.ts
var CHECK_ORDER = [
  "integrity",
  "verificationPlugin",
  "authenticity",
  "expiry",
  "authenticTimestamp",
  "revocation",
  "payload",
  "userMetadata"
];
function formatRfc1123z(d) {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec"
  ];
  const p = (n) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
function bytesEqual(a, b) {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}
function summary(cert) {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    sha256: cert.sha256,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter
  };
}
var Run = class {
  constructor(level) {
    this.level = level;
  }
  level;
  checks = [];
  warnings = [];
  notes = [];
  stopped;
  error;
  action(type) {
    return type === "integrity" || type === "authenticity" || type === "authenticTimestamp" || type === "expiry" || type === "revocation" ? this.level.enforcement[type] : "enforce";
  }
  /** Records a result; returns true when it is an enforced failure (verification stops). */
  record(result) {
    const check = { ...result, action: result.action ?? this.action(result.type) };
    this.checks.push(check);
    const bad = check.status === "failed" || check.status === "inconclusive";
    if (!bad) return false;
    if (check.action === "log") {
      this.warnings.push(
        `${check.type} validation failed with validation action set to "logged". Failure reason: ${check.message}`
      );
      return false;
    }
    if (check.action !== "enforce") return false;
    this.fail(check);
    return true;
  }
  fail(check) {
    if (this.error === void 0) {
      this.stopped = check;
      this.error = new VerificationError(
        check.code ?? "INCONCLUSIVE",
        `${check.type} validation failed: ${check.message}`,
        check.cause === void 0 ? void 0 : { cause: check.cause }
      );
    }
  }
  /** Adds `skipped` entries for checks not reached, in the canonical order. */
  finish(requested) {
    const byType = new Map(this.checks.map((c) => [c.type, c]));
    const out = [];
    for (const type of CHECK_ORDER) {
      const done = byType.get(type);
      if (done !== void 0) out.push(done);
      else if (requested.has(type)) {
        out.push({
          type,
          action: this.action(type),
          status: "skipped",
          message: this.action(type) === "skip" ? "skipped by the verification level" : "not evaluated: verification stopped at an enforced failure"
        });
      }
    }
    return out;
  }
};
function skipOutcome(statement) {
  const checks = ["integrity", "authenticity", "expiry", "authenticTimestamp", "revocation"].map((type) => ({
    type,
    action: "skip",
    status: "skipped",
    message: 'skipped by the verification level "skip"'
  }));
  return {
    verdict: "passed",
    policyName: statement.name,
    level: LEVELS.skip,
    checks,
    warnings: [],
    notes: []
  };
}
function checkIntegrity(input, run) {
  const fail = (message, code, cause) => {
    run.record({ type: "integrity", status: "failed", message, code, ...cause ? { cause } : {} });
    return void 0;
  };
  if (input.mediaType !== MEDIA_TYPE.cose && input.mediaType !== MEDIA_TYPE.jws) {
    return fail(
      `unable to parse the digital signature, error : signature envelope media type "${input.mediaType}" is not supported`,
      "UNSUPPORTED_ENVELOPE"
    );
  }
  let parsed;
  try {
    parsed = decodeEnvelope(input.mediaType, input.envelope);
  } catch (err) {
    return fail(
      `unable to parse the digital signature, error : ${errorMessage(err)}`,
      "INTEGRITY",
      err
    );
  }
  try {
    if (!verifyEnvelopeSignature(parsed)) {
      return fail(
        "signature is invalid: the signature does not verify with the leaf certificate key",
        "INTEGRITY"
      );
    }
  } catch (err) {
    return fail(`signature is invalid: ${errorMessage(err)}`, "INTEGRITY", err);
  }
  let chain;
  try {
    chain = validateCodeSigningChain(parsed.certificateChain).certificates;
  } catch (err) {
    return fail(`invalid certificate chain: ${errorMessage(err)}`, "INTEGRITY", err);
  }
  if (parsed.contentType !== MEDIA_TYPE.notaryPayload) {
    return fail(
      `payload content type "${parsed.contentType}" is not supported; expected "${MEDIA_TYPE.notaryPayload}"`,
      "INTEGRITY"
    );
  }
  run.record({
    type: "integrity",
    status: "passed",
    message: "the signature envelope is intact and its certificate chain is well-formed"
  });
  return { parsed, chain };
}
function checkVerificationPlugin(parsed, run) {
  const attr = parsed.extendedAttributes.find((a) => a.key === HEADER.verificationPlugin);
  if (attr === void 0) return false;
  let message;
  if (!attr.critical) message = `${HEADER.verificationPlugin} is not a critical Extended attribute`;
  else if (typeof attr.value !== "string")
    message = `${HEADER.verificationPlugin} from extended attribute is not a string`;
  else if (attr.value.trim() === "")
    message = `${HEADER.verificationPlugin} from extended attribute is an empty string`;
  else {
    message = `the signature requires the verification plugin "${attr.value}"; verification plugins are not supported, so the result is inconclusive`;
  }
  run.record({
    type: "verificationPlugin",
    action: "enforce",
    status: "inconclusive",
    message,
    code: "INCONCLUSIVE"
  });
  return true;
}
function checkAuthenticity(input, integrity, run) {
  const { parsed, chain } = integrity;
  const storeType = parsed.signingScheme === SIGNING_SCHEME.x509 ? "ca" : "signingAuthority";
  const loaded = trustedCertificatesFor(input.trustStore, input.statement.trustStores, storeType);
  let result;
  if (!loaded.ok) {
    result = {
      type: "authenticity",
      status: "failed",
      message: loaded.error.message,
      code: loaded.error.code,
      cause: loaded.error
    };
  } else if (loaded.certificates.length === 0) {
    result = {
      type: "authenticity",
      status: "inconclusive",
      message: `no trusted certificates are found to verify authenticity: the trust policy "${input.statement.name}" names no "${storeType}" trust store (signing scheme ${parsed.signingScheme})`,
      code: "INCONCLUSIVE"
    };
  } else if (!chain.some((c) => loaded.certificates.some((t) => bytesEqual(t, c.der)))) {
    result = {
      type: "authenticity",
      status: "failed",
      message: `signature is not produced by a trusted signer: no certificate of the chain (leaf "${chain[0] === void 0 ? "" : policySubject(chain[0])}") is in the "${storeType}" trust stores of policy "${input.statement.name}"`,
      code: "AUTHENTICITY"
    };
  } else {
    result = {
      type: "authenticity",
      status: "passed",
      message: `the chain contains a certificate of the "${storeType}" trust store`
    };
  }
  if (result.status !== "passed" && run.action("authenticity") === "enforce")
    return run.record(result);
  const leaf = chain[0];
  const identity = matchTrustedIdentity(
    input.statement.identities,
    leaf.subjectAttributes,
    input.statement.name
  );
  if (!identity.ok) {
    const previous = result.status === "passed" ? "" : ` (and: ${result.message})`;
    result = {
      type: "authenticity",
      status: "failed",
      message: `${identity.reason}${previous}`,
      code: "UNTRUSTED_IDENTITY"
    };
  } else if (result.status === "passed") {
    result = {
      ...result,
      message: `${result.message}; the signer "${policySubject(leaf)}" matches ${identity.matched ? `the trusted identity "${identity.matched.raw}"` : 'the trusted identity "*"'}`
    };
  }
  return run.record(result);
}
function checkExpiry(input, parsed, run) {
  const expiry = parsed.expiry;
  if (expiry !== void 0 && input.now.getTime() >= expiry.getTime()) {
    return run.record({
      type: "expiry",
      status: "failed",
      message: `digital signature has expired on "${formatRfc1123z(expiry)}"`,
      code: "EXPIRED"
    });
  }
  return run.record({
    type: "expiry",
    status: "passed",
    message: expiry === void 0 ? "the signature has no expiry" : `the signature expires on "${formatRfc1123z(expiry)}"`
  });
}
function timestampErrorMessage(err) {
  const msg = errorMessage(err);
  if (!(err instanceof TimestampError))
    return `failed to verify the timestamp countersignature with error: ${msg}`;
  if (err.code === "TSA_IMPRINT_MISMATCH" || msg.startsWith("invalid TSTInfo")) {
    return `failed to get timestamp from timestamp countersignature with error: ${msg}`;
  }
  if (msg.startsWith("cannot unmarshal TSTInfo"))
    return `failed to get the timestamp TSTInfo with error: ${msg}`;
  if (err.code === "TSA_RESPONSE_INVALID")
    return `failed to parse timestamp countersignature with error: ${msg}`;
  if (msg.startsWith("failed to validate the timestamping certificate chain")) return msg;
  return `failed to verify the timestamp countersignature with error: ${msg}`;
}
async function timestampProblem(input, integrity, outcome) {
  const { parsed, chain } = integrity;
  const now = input.now.getTime();
  if (parsed.signingScheme === SIGNING_SCHEME.signingAuthority) {
    const t = parsed.authenticSigningTime ?? parsed.signingTime;
    if (t === void 0) return { message: "the signature has no authentic signing time" };
    for (const cert of chain) {
      if (t.getTime() < cert.notBefore.getTime() || t.getTime() > cert.notAfter.getTime()) {
        return {
          message: `certificate "${cert.subject}" was not valid when the digital signature was produced at "${formatRfc1123z(t)}"`
        };
      }
    }
    return void 0;
  }
  let perform = hasTsaStore(input.statement.trustStores);
  if (perform && input.statement.signatureVerification.verifyTimestamp === "afterCertExpiry") {
    perform = chain.some((c) => now > c.notAfter.getTime());
  }
  if (!perform) {
    for (const cert of chain) {
      if (now < cert.notBefore.getTime()) {
        return {
          message: `verification time is before certificate "${cert.subject}" validity period, it will be valid from "${formatRfc1123z(cert.notBefore)}"`
        };
      }
      if (now > cert.notAfter.getTime()) {
        return {
          message: `verification time is after certificate "${cert.subject}" validity period, it was expired at "${formatRfc1123z(cert.notAfter)}"`
        };
      }
    }
    return void 0;
  }
  const token = parsed.timestampToken;
  if (token === void 0 || token.length === 0) {
    return { message: "no timestamp countersignature was found in the signature envelope" };
  }
  const roots = trustedCertificatesFor(input.trustStore, input.statement.trustStores, "tsa");
  if (!roots.ok)
    return {
      message: `failed to load tsa trust store with error: ${roots.error.message}`,
      cause: roots.error
    };
  if (roots.certificates.length === 0)
    return { message: "no trusted TSA certificate found in trust store" };
  let info;
  try {
    const verified = verifyTimestampToken({
      token,
      message: parsed.signature,
      roots: roots.certificates
    });
    info = {
      genTime: verified.genTime,
      accuracyMs: verified.accuracyMs,
      hashAlgorithm: verified.hashAlgorithm,
      tsaChain: verified.tsaChain,
      policy: verified.policy,
      serialNumber: verified.serialNumber
    };
  } catch (err) {
    return { message: timestampErrorMessage(err), cause: err };
  }
  outcome.timestamp = info;
  const lower = info.genTime.getTime() - info.accuracyMs;
  const upper = info.genTime.getTime() + info.accuracyMs;
  for (const cert of chain) {
    if (lower < cert.notBefore.getTime()) {
      return {
        message: `timestamp can be before certificate "${cert.subject}" validity period, it will be valid from "${formatRfc1123z(cert.notBefore)}"`
      };
    }
    if (upper > cert.notAfter.getTime()) {
      return {
        message: `timestamp can be after certificate "${cert.subject}" validity period, it was expired at "${formatRfc1123z(cert.notAfter)}"`
      };
    }
  }
  if (input.revocation.offline === true) {
    outcome.notes.push(
      "the revocation status of the timestamping certificates was not checked (offline)"
    );
    return void 0;
  }
  let tsaSubjects;
  try {
    tsaSubjects = info.tsaChain.map((der) => parseCertificate(der).subject);
    const results = await input.revocation.check(info.tsaChain, {
      purpose: "timestamping",
      now: input.now
    });
    const summaryResult = summarizeRevocation(results, tsaSubjects);
    outcome.notes.push(...summaryResult.warnings);
    const subject = summaryResult.index === void 0 ? "" : tsaSubjects[summaryResult.index] ?? "";
    if (summaryResult.result === "revoked")
      return { message: `timestamping certificate with subject "${subject}" is revoked` };
    if (summaryResult.result === "unknown") {
      return {
        message: `timestamping certificate with subject "${subject}" revocation status is unknown`
      };
    }
  } catch (err) {
    return {
      message: `failed to check timestamping certificate chain revocation with error: ${errorMessage(err)}`,
      cause: err
    };
  }
  return void 0;
}
async function checkAuthenticTimestamp(input, integrity, run, outcome) {
  const problem = await timestampProblem(input, integrity, outcome);
  if (problem !== void 0) {
    return run.record({
      type: "authenticTimestamp",
      status: "failed",
      message: problem.message,
      code: "AUTHENTIC_TIMESTAMP",
      ...problem.cause !== void 0 ? { cause: problem.cause } : {}
    });
  }
  const { parsed } = integrity;
  const message = parsed.signingScheme === SIGNING_SCHEME.signingAuthority ? "the authentic signing time is within the validity of every chain certificate" : outcome.timestamp !== void 0 ? `the trusted timestamp ${outcome.timestamp.genTime.toISOString()} (\xB1${outcome.timestamp.accuracyMs} ms) is within the validity of every chain certificate` : "every chain certificate is valid now (timestamp not required)";
  return run.record({ type: "authenticTimestamp", status: "passed", message });
}
async function checkRevocation(input, integrity, run) {
  if (run.action("revocation") === "skip") {
    run.record({ type: "revocation", status: "skipped", message: "skipped by the trust policy" });
    return false;
  }
  if (input.revocation.offline === true) {
    run.record({
      type: "revocation",
      status: "skipped",
      message: "not checked: offline (no OCSP or CRL requests)"
    });
    return false;
  }
  const { parsed, chain } = integrity;
  try {
    const results = await input.revocation.check(parsed.certificateChain, {
      purpose: "codeSigning",
      now: input.now,
      ...parsed.signingScheme === SIGNING_SCHEME.signingAuthority && parsed.authenticSigningTime ? { authenticSigningTime: parsed.authenticSigningTime } : {}
    });
    const subjects = chain.map((c) => c.subject);
    const s = summarizeRevocation(results, subjects);
    run.notes.push(...s.warnings);
    const subject = s.index === void 0 ? "" : subjects[s.index] ?? "";
    if (s.result === "revoked") {
      return run.record({
        type: "revocation",
        status: "failed",
        message: `signing certificate with subject "${subject}" is revoked`,
        code: "REVOCATION"
      });
    }
    if (s.result === "unknown") {
      return run.record({
        type: "revocation",
        status: "inconclusive",
        message: `signing certificate with subject "${subject}" revocation status is unknown`,
        code: "REVOCATION"
      });
    }
    return run.record({
      type: "revocation",
      status: "passed",
      message: "no certificate of the chain is revoked"
    });
  } catch (err) {
    return run.record({
      type: "revocation",
      status: "inconclusive",
      message: `unable to check revocation status, err: ${errorMessage(err)}`,
      code: "REVOCATION",
      cause: err
    });
  }
}
async function verifySignature(input) {
  const { statement } = input;
  const level = statement.verificationLevel;
  if (level.name === "skip") return skipOutcome(statement);
  const run = new Run(level);
  const requested = /* @__PURE__ */ new Set([
    "integrity",
    "authenticity",
    "expiry",
    "authenticTimestamp",
    "revocation",
    "payload"
  ]);
  if (input.userMetadata !== void 0 && input.userMetadata.size > 0) requested.add("userMetadata");
  const outcome = {
    verdict: "failed",
    policyName: statement.name,
    level,
    checks: [],
    warnings: run.warnings,
    notes: run.notes
  };
  const finish = () => {
    outcome.checks = run.finish(requested);
    if (run.error !== void 0) {
      outcome.error = run.error;
      outcome.verdict = "failed";
    } else {
      outcome.verdict = "passed";
    }
    for (const w of run.warnings) input.logger?.warning(w);
    for (const n of run.notes) input.logger?.debug(n);
    return outcome;
  };
  const integrity = checkIntegrity(input, run);
  if (integrity === void 0) return finish();
  const { parsed, chain } = integrity;
  outcome.envelope = {
    mediaType: parsed.mediaType,
    algorithm: parsed.algorithm,
    signingScheme: parsed.signingScheme,
    contentType: parsed.contentType,
    ...parsed.signingAgent !== void 0 ? { signingAgent: parsed.signingAgent } : {}
  };
  outcome.certificateChain = chain.map(summary);
  if (chain[0] !== void 0) outcome.signer = policySubject(chain[0]);
  const signingTime = parsed.authenticSigningTime ?? parsed.signingTime;
  if (signingTime !== void 0) outcome.signingTime = signingTime;
  outcome.signingTimeIsAuthentic = parsed.signingScheme === SIGNING_SCHEME.signingAuthority;
  if (parsed.expiry !== void 0) outcome.expiry = parsed.expiry;
  if (checkVerificationPlugin(parsed, run)) {
    requested.add("verificationPlugin");
    return finish();
  }
  if (checkAuthenticity(input, integrity, run)) return finish();
  if (checkExpiry(input, parsed, run)) return finish();
  if (await checkAuthenticTimestamp(input, integrity, run, outcome)) return finish();
  if (await checkRevocation(input, integrity, run)) return finish();
  let target;
  try {
    target = decodeSignedPayload(parsed.payload).targetArtifact;
    outcome.targetArtifact = target;
  } catch (err) {
    run.record({
      type: "payload",
      status: "failed",
      message: `the signed payload cannot be read: ${errorMessage(err)}`,
      code: "PAYLOAD_MISMATCH",
      cause: err
    });
  }
  if (target !== void 0) {
    const s = input.subject;
    if (target.mediaType !== s.mediaType || target.digest !== s.digest || target.size !== s.size) {
      run.record({
        type: "payload",
        status: "failed",
        message: `content descriptor mismatch: the signature is for ${target.mediaType} ${target.digest} (${target.size} bytes), the artifact is ${s.mediaType} ${s.digest} (${s.size} bytes)`,
        code: "PAYLOAD_MISMATCH"
      });
    } else {
      run.record({ type: "payload", status: "passed", message: `the signature is for ${s.digest}` });
    }
  }
  if (requested.has("userMetadata") && target !== void 0) {
    const missing = missingUserMetadata(target.annotations, input.userMetadata ?? /* @__PURE__ */ new Map());
    if (missing.length > 0) {
      run.record({
        type: "userMetadata",
        status: "failed",
        message: `unable to find specified metadata in the signature: ${missing.map(([k, v]) => `${k}=${v}`).join(", ")}`,
        code: "METADATA_MISMATCH"
      });
    } else {
      run.record({
        type: "userMetadata",
        status: "passed",
        message: "every required metadata entry is signed"
      });
    }
  }
  return finish();
}

// src/commands/verify.ts
function checkJson(c) {
  return {
    type: c.type,
    action: c.action,
    status: c.status,
    message: c.message,
    ...c.code ? { code: c.code } : {}
  };
}
function signatureJson(digest, outcome) {
  return {
    digest,
    ...outcome.envelope ? { envelopeMediaType: outcome.envelope.mediaType } : {},
    verdict: outcome.verdict,
    ...outcome.signer ? { signer: outcome.signer } : {},
    ...outcome.signingTime ? { signingTime: outcome.signingTime.toISOString() } : {},
    ...outcome.timestamp ? { timestamp: outcome.timestamp.genTime.toISOString() } : {},
    ...outcome.expiry ? { expiry: outcome.expiry.toISOString() } : {},
    ...outcome.error ? { error: formatCauseChain(outcome.error).join("; ") } : {},
    checks: outcome.checks.map(checkJson),
    warnings: outcome.warnings,
    notes: outcome.notes
  };
}
function failedAttempt(err, statement) {
  const error = err instanceof VerificationError ? err : new VerificationError("INTEGRITY", err instanceof Error ? err.message : String(err), {
    cause: err
  });
  return {
    verdict: "failed",
    error,
    policyName: statement.name,
    level: statement.verificationLevel,
    checks: [],
    warnings: [],
    notes: []
  };
}
async function verifyOne(image, options, deps) {
  const ref = parseReference(image);
  const repository = deps.registry.repository(ref);
  const report = {
    reference: image,
    repository: repository.name,
    verified: false,
    signatures: []
  };
  try {
    const subject = await repository.resolve();
    report.digest = subject.digest;
    report.mediaType = subject.mediaType;
    if (ref.digest === void 0) {
      deps.logger.warning(
        `${image}: resolved to ${subject.digest}; tags are mutable, pass a digest to pin`,
        {
          title: "Verifying by tag"
        }
      );
    }
    const statement = selectPolicy(options.policy, `${repository.name}@${subject.digest}`);
    report.policy = statement.name;
    report.level = statement.verificationLevel.name;
    const tried = [];
    let limitExceeded;
    if (statement.verificationLevel.name !== "skip") {
      const listed = await repository.listReferrers(subject, {
        artifactType: MEDIA_TYPE.notarySignature
      });
      report.discovery = listed.via;
      for (const candidate of listed.descriptors) {
        if (tried.length >= options.maxSignatures) {
          limitExceeded = { max: options.maxSignatures };
          break;
        }
        const attempt = await verifyCandidate(
          repository,
          candidate,
          subject,
          statement,
          options,
          deps
        );
        tried.push(attempt);
        if (attempt.outcome.verdict === "passed") break;
      }
    }
    const artifact = buildArtifactReport({
      reference: `${repository.name}@${subject.digest}`,
      artifact: subject,
      statement,
      signatures: tried,
      ...limitExceeded ? { limitExceeded } : {}
    });
    report.signatures = tried.map((t) => signatureJson(t.digest, t.outcome));
    if (artifact.error) report.error = `[${artifact.error.code}] ${artifact.error.message}`;
    report.text = renderReportText(artifact);
    report.verified = artifact.verdict !== "failed";
  } catch (err) {
    report.verified = false;
    report.error = formatCauseChain(err).join("; ");
  }
  return report;
}
async function fetchSignature(repository, candidate, subject, onMediaType = () => {
}) {
  const fetched = await repository.fetchManifest(candidate, { maxBytes: LIMITS.manifestBytes });
  const manifest = parseSignatureManifest(fetched.bytes, fetched.descriptor.mediaType);
  const mediaType = manifest.envelope.mediaType;
  onMediaType(mediaType);
  if (manifest.subject !== void 0 && manifest.subject.digest !== subject.digest) {
    throw new VerificationError(
      "INTEGRITY",
      `signature manifest ${typeof candidate === "string" ? candidate : candidate.digest} has subject ${manifest.subject.digest}, not ${subject.digest}`
    );
  }
  const envelope = await repository.fetchBlob(manifest.envelope, {
    maxBytes: LIMITS.envelopeBytes
  });
  return { mediaType, envelope };
}
async function verifyCandidate(repository, candidate, subject, statement, options, deps) {
  let mediaType = "unknown";
  const digest = typeof candidate === "string" ? candidate : candidate.digest;
  try {
    const fetched = await fetchSignature(repository, candidate, subject, (m) => mediaType = m);
    const outcome = await verifySignature({
      envelope: fetched.envelope,
      mediaType,
      subject,
      statement,
      trustStore: options.trustStore,
      now: deps.now(),
      userMetadata: options.userMetadata,
      revocation: deps.revocation,
      logger: deps.logger
    });
    return { digest, mediaType, outcome };
  } catch (err) {
    return { digest, mediaType, outcome: failedAttempt(err, statement) };
  }
}
function logImageReport(image, r, logger) {
  if (r.text) {
    logger.info(r.text.trimEnd());
    return;
  }
  logger.info(
    r.verified ? `${image}: verified${r.policy ? ` (policy "${r.policy}", ${r.level})` : ""}` : `${image}: NOT verified: ${r.error ?? r.signatures.map((s) => s.error).filter(Boolean).join(" | ")}`
  );
}
async function verifyImages(images, options, deps) {
  const reports = await mapBounded(
    images,
    options.concurrency,
    (image) => deps.logger.group(`Verify ${image}`, async () => {
      const r = await verifyOne(image, options, deps);
      logImageReport(image, r, deps.logger);
      return r;
    })
  );
  return { verified: reports.every((r) => r.verified), images: reports };
}
async function readBackOne(pushed, options, deps) {
  const reference = `${pushed.repository}@${pushed.subject.digest}`;
  const report = {
    reference,
    repository: pushed.repository,
    digest: pushed.subject.digest,
    mediaType: pushed.subject.mediaType,
    verified: false,
    signatures: [],
    signatureDigest: pushed.signatureDigest
  };
  try {
    const repository = deps.registry.repository(parseReference(reference));
    const statement = selectPolicy(options.policy, reference);
    report.policy = statement.name;
    report.level = statement.verificationLevel.name;
    const tried = [];
    if (statement.verificationLevel.name !== "skip") {
      tried.push(
        await verifyCandidate(
          repository,
          pushed.signatureDigest,
          pushed.subject,
          statement,
          options,
          deps
        )
      );
    }
    const artifact = buildArtifactReport({
      reference,
      artifact: pushed.subject,
      statement,
      signatures: tried
    });
    report.signatures = tried.map((t) => signatureJson(t.digest, t.outcome));
    if (artifact.error) report.error = `[${artifact.error.code}] ${artifact.error.message}`;
    report.text = renderReportText(artifact);
    report.verified = artifact.verdict !== "failed";
  } catch (err) {
    report.error = formatCauseChain(err).join("; ");
  }
  return report;
}
async function verifyPushedSignatures(pushed, options, deps) {
  const reports = await mapBounded([...pushed], options.concurrency, (p) => {
    const label = `${p.repository}@${p.subject.digest}`;
    return deps.logger.group(`Read back ${p.signatureDigest} of ${label}`, async () => {
      const r = await readBackOne(p, options, deps);
      logImageReport(`${label} (signature ${p.signatureDigest})`, r, deps.logger);
      return r;
    });
  });
  return { verified: reports.every((r) => r.verified), images: reports };
}

export {
  verifySignature,
  buildArtifactReport,
  renderReportText,
  signatureJson,
  fetchSignature,
  verifyImages,
  verifyPushedSignatures
};
