#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  validateTimestampingChain,
  verifyRaw
} from "./chunk-FFORUPRV.js";
import {
  BoundedCache,
  algorithmForKeySpec,
  algorithmFromCose,
  algorithmFromJws,
  algorithmInfo,
  keySpecOfKey,
  parseCertificate,
  sha256Hex,
  signatureCheck,
  subjectAttributes
} from "./chunk-XHYYKEXA.js";
import {
  require_build2 as require_build
} from "./chunk-BAB72OL5.js";
import {
  RegistryError,
  parseDigest
} from "./chunk-ESYIPS4F.js";
import {
  ActionError
} from "./chunk-TW4RF5XT.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/notary/constants.ts
var MEDIA_TYPE = {
  notaryPayload: "application/vnd.cncf.notary.payload.v1+json",
  cose: "application/cose",
  jws: "application/jose+json",
  notarySignature: "application/vnd.cncf.notary.signature",
  ociEmpty: "application/vnd.oci.empty.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociArtifactManifest: "application/vnd.oci.artifact.manifest.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json"
};
var EMPTY_CONFIG = {
  bytes: new Uint8Array([123, 125]),
  digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
  size: 2,
  base64: "e30="
};
var ANNOTATION = {
  thumbprints: "io.cncf.notary.x509chain.thumbprint#S256",
  created: "org.opencontainers.image.created"
};
var SIGNING_SCHEME = {
  x509: "notary.x509",
  signingAuthority: "notary.x509.signingAuthority"
};

// src/oci/manifest.ts
var MANIFEST_ACCEPT = [
  MEDIA_TYPE.ociManifest,
  MEDIA_TYPE.ociIndex,
  MEDIA_TYPE.dockerManifest,
  MEDIA_TYPE.dockerManifestList,
  MEDIA_TYPE.ociArtifactManifest
].join(", ");
var LIMITS = {
  manifestBytes: 4 * 1024 * 1024,
  envelopeBytes: 32 * 1024 * 1024,
  referrersListingBytes: 4 * 1024 * 1024
};
function fail(what, problem) {
  throw new RegistryError("MANIFEST_INVALID", `${what}: ${problem}`);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function stringMap(value, what) {
  if (!isRecord(value)) fail(what, "expected an object of strings");
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string") fail(what, `annotation "${k}" is not a string`);
  }
  return value;
}
function toDescriptor(value, what) {
  if (!isRecord(value)) fail(what, "expected a descriptor object");
  const { mediaType, digest: digest2, size, annotations, artifactType } = value;
  if (typeof mediaType !== "string" || mediaType.length === 0) fail(what, '"mediaType" is missing');
  if (typeof digest2 !== "string") fail(what, '"digest" is missing');
  try {
    parseDigest(digest2);
  } catch (err) {
    throw new RegistryError(
      "MANIFEST_INVALID",
      `${what}: "digest" ${digest2} is not a valid digest`,
      {
        cause: err
      }
    );
  }
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    fail(what, '"size" must be a non-negative integer');
  }
  if (annotations !== void 0) stringMap(annotations, `${what} annotations`);
  if (artifactType !== void 0 && typeof artifactType !== "string") {
    fail(what, '"artifactType" must be a string');
  }
  return value;
}
function parseJsonObject(bytes, what) {
  let json;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new RegistryError("MANIFEST_INVALID", `${what} is not valid JSON`, { cause: err });
  }
  if (!isRecord(json)) fail(what, "expected a JSON object");
  return json;
}
function common(json, what) {
  if (json.schemaVersion !== 2)
    fail(what, `"schemaVersion" must be 2, got ${String(json.schemaVersion)}`);
  if (json.mediaType !== void 0 && typeof json.mediaType !== "string") {
    fail(what, '"mediaType" must be a string');
  }
  if (json.artifactType !== void 0 && typeof json.artifactType !== "string") {
    fail(what, '"artifactType" must be a string');
  }
  if (json.subject !== void 0) toDescriptor(json.subject, `${what} subject`);
  if (json.annotations !== void 0) stringMap(json.annotations, `${what} annotations`);
}
function toImageManifest(json, what = "manifest") {
  common(json, what);
  if (!Array.isArray(json.layers)) fail(what, '"layers" must be an array');
  toDescriptor(json.config, `${what} config`);
  json.layers.forEach((l, i) => toDescriptor(l, `${what} layers[${i}]`));
  return json;
}
function toImageIndex(json, what = "index") {
  common(json, what);
  if (!Array.isArray(json.manifests)) fail(what, '"manifests" must be an array');
  json.manifests.forEach((m, i) => toDescriptor(m, `${what} manifests[${i}]`));
  return json;
}
function referrersTag(subjectDigest) {
  const { algorithm, hex } = parseDigest(subjectDigest, "subject digest");
  return `${algorithm.slice(0, 32)}-${hex.slice(0, 64)}`;
}
function referrerDescriptor(manifest, mediaType, digest2, size) {
  const artifactType = manifest.artifactType ?? manifest.config.mediaType;
  return {
    mediaType,
    digest: digest2,
    size,
    artifactType,
    ...manifest.annotations === void 0 ? {} : { annotations: { ...manifest.annotations } }
  };
}
function mergeReferrers(existing, added) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const d of [...existing, ...added]) {
    if (seen.has(d.digest)) continue;
    seen.add(d.digest);
    out.push(d);
  }
  return out;
}
function encodeReferrersIndex(manifests) {
  return new TextEncoder().encode(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests })
  );
}

// src/envelope/errors.ts
var EnvelopeError = class extends ActionError {
};

// src/envelope/labels.ts
var HEADER = {
  signingScheme: "io.cncf.notary.signingScheme",
  signingTime: "io.cncf.notary.signingTime",
  authenticSigningTime: "io.cncf.notary.authenticSigningTime",
  expiry: "io.cncf.notary.expiry",
  verificationPlugin: "io.cncf.notary.verificationPlugin",
  verificationPluginMinVersion: "io.cncf.notary.verificationPluginMinVersion",
  timestampSignature: "io.cncf.notary.timestampSignature",
  signingAgent: "io.cncf.notary.signingAgent"
};
var UNDERSTOOD_CRITICAL = /* @__PURE__ */ new Set([
  HEADER.signingScheme,
  HEADER.authenticSigningTime,
  HEADER.expiry,
  HEADER.signingTime,
  HEADER.verificationPlugin,
  HEADER.verificationPluginMinVersion
]);

// src/envelope/rules.ts
function checkSigningScheme(value, ctx) {
  if (value === void 0) {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${ctx} lacks the required "${HEADER.signingScheme}"`
    );
  }
  if (typeof value !== "string") {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${ctx} "${HEADER.signingScheme}" must be a text string`
    );
  }
  if (value !== SIGNING_SCHEME.x509 && value !== SIGNING_SCHEME.signingAuthority) {
    throw new EnvelopeError(
      "ENVELOPE_UNSUPPORTED",
      `${ctx} "${HEADER.signingScheme}" is "${value}"; only "${SIGNING_SCHEME.x509}" and "${SIGNING_SCHEME.signingAuthority}" exist`
    );
  }
  return value;
}
function checkCritical(crit, present, scheme, ctx) {
  if (crit.length === 0) {
    throw new EnvelopeError("ENVELOPE_CRITICAL_HEADER", `${ctx} "crit" is empty`);
  }
  for (const label of crit) {
    if (!present.has(label)) {
      throw new EnvelopeError(
        "ENVELOPE_CRITICAL_HEADER",
        `${ctx} "crit" lists "${label}", which is not in the protected header`
      );
    }
    if (!UNDERSTOOD_CRITICAL.has(label)) {
      throw new EnvelopeError(
        "ENVELOPE_CRITICAL_HEADER",
        `${ctx} "crit" lists "${label}", a critical header this verifier does not implement`
      );
    }
  }
  const required = [HEADER.signingScheme];
  if (scheme === SIGNING_SCHEME.signingAuthority) required.push(HEADER.authenticSigningTime);
  if (present.has(HEADER.expiry)) required.push(HEADER.expiry);
  for (const label of required) {
    if (!crit.includes(label)) {
      throw new EnvelopeError(
        "ENVELOPE_CRITICAL_HEADER",
        `${ctx} "${label}" must be listed in "crit"`
      );
    }
  }
}
function timeLabels(scheme) {
  return scheme === SIGNING_SCHEME.x509 ? { required: HEADER.signingTime, forbidden: HEADER.authenticSigningTime } : { required: HEADER.authenticSigningTime, forbidden: HEADER.signingTime };
}
function checkExpiryAfterSigning(signingTime, expiry, ctx) {
  if (expiry !== void 0 && expiry.getTime() <= signingTime.getTime()) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${ctx} "${HEADER.expiry}" (${expiry.toISOString()}) must be after the signing time (${signingTime.toISOString()})`
    );
  }
}
function truncateToSeconds(date) {
  return new Date(Math.floor(date.getTime() / 1e3) * 1e3);
}

// src/cose/cbor.ts
var CborTag = class {
  constructor(tag, value) {
    this.tag = tag;
    this.value = value;
  }
  tag;
  value;
};
var CborFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
};
var textEncoder = new TextEncoder();
var textDecoder = new TextDecoder("utf-8", { fatal: true });
function head(major, value) {
  const m = major << 5;
  const v = BigInt(value);
  if (v < 24n) return Uint8Array.of(m | Number(v));
  if (v < 0x100n) return Uint8Array.of(m | 24, Number(v));
  if (v < 0x10000n) return Uint8Array.of(m | 25, Number(v >> 8n), Number(v & 0xffn));
  if (v < 0x100000000n) {
    const out = new Uint8Array(5);
    out[0] = m | 26;
    new DataView(out.buffer).setUint32(1, Number(v));
    return out;
  }
  if (v <= 0xffffffffffffffffn) {
    const out = new Uint8Array(9);
    out[0] = m | 27;
    new DataView(out.buffer).setBigUint64(1, v);
    return out;
  }
  throw new RangeError("CBOR integer out of range");
}
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
function compareBytes(a, b) {
  return Buffer.compare(a, b);
}
function encodeCbor(value) {
  return concat(encodeParts(value));
}
function encodeParts(value) {
  if (typeof value === "number") {
    if (Number.isInteger(value)) {
      if (!Number.isSafeInteger(value)) throw new RangeError("CBOR: use bigint beyond 2^53");
      return [value >= 0 ? head(0, value) : head(1, -1 - value)];
    }
    const out = new Uint8Array(9);
    out[0] = 251;
    new DataView(out.buffer).setFloat64(1, value);
    return [out];
  }
  if (typeof value === "bigint") return [value >= 0n ? head(0, value) : head(1, -1n - value)];
  if (value instanceof CborFloat) {
    const out = new Uint8Array(9);
    out[0] = 251;
    new DataView(out.buffer).setFloat64(1, value.value);
    return [out];
  }
  if (typeof value === "string") {
    const bytes = textEncoder.encode(value);
    return [head(3, bytes.length), bytes];
  }
  if (value instanceof Uint8Array) return [head(2, value.length), value];
  if (value === false) return [Uint8Array.of(244)];
  if (value === true) return [Uint8Array.of(245)];
  if (value === null) return [Uint8Array.of(246)];
  if (value === void 0) return [Uint8Array.of(247)];
  if (Array.isArray(value)) return [head(4, value.length), ...value.flatMap(encodeParts)];
  if (value instanceof CborTag) return [head(6, value.tag), ...encodeParts(value.value)];
  const entries = [...value.entries()].map(([k, v]) => ({ key: encodeCbor(k), value: v }));
  entries.sort((a, b) => compareBytes(a.key, b.key));
  for (let i = 1; i < entries.length; i++) {
    if (compareBytes(entries[i - 1].key, entries[i].key) === 0) {
      throw new RangeError("CBOR: duplicate map key");
    }
  }
  return [head(5, entries.length), ...entries.flatMap((e) => [e.key, ...encodeParts(e.value)])];
}
function encodeBstr(bytes) {
  return concat([head(2, bytes.length), bytes]);
}
var MAX_DEPTH = 32;
var Reader = class {
  constructor(bytes, opts) {
    this.bytes = bytes;
    this.opts = opts;
  }
  bytes;
  opts;
  offset = 0;
  fail(message) {
    return new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${this.opts.context}: ${message} (at byte ${this.offset})`
    );
  }
  need(n) {
    if (this.offset + n > this.bytes.length) throw this.fail("unexpected end of CBOR data");
  }
  byte() {
    this.need(1);
    return this.bytes[this.offset++];
  }
  argument(info) {
    if (info < 24) return info;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset);
    if (info === 24) return this.byte();
    if (info === 25) {
      this.need(2);
      const v = view.getUint16(this.offset);
      this.offset += 2;
      return v;
    }
    if (info === 26) {
      this.need(4);
      const v = view.getUint32(this.offset);
      this.offset += 4;
      return v;
    }
    if (info === 27) {
      this.need(8);
      const v = view.getBigUint64(this.offset);
      this.offset += 8;
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    if (info === 31) throw this.fail("indefinite-length items are not allowed");
    throw this.fail(`reserved additional information ${info}`);
  }
  length(info) {
    const n = this.argument(info);
    if (typeof n === "bigint" || n > this.bytes.length - this.offset) {
      throw this.fail("length exceeds the remaining data");
    }
    return n;
  }
  item(depth) {
    if (depth > MAX_DEPTH) throw this.fail(`nesting deeper than ${MAX_DEPTH}`);
    const initial = this.byte();
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return this.argument(info);
      case 1: {
        const n = this.argument(info);
        return typeof n === "bigint" ? -1n - n : -1 - n;
      }
      case 2: {
        const len = this.length(info);
        const out = new Uint8Array(this.bytes.subarray(this.offset, this.offset + len));
        this.offset += len;
        return out;
      }
      case 3: {
        const len = this.length(info);
        const raw = this.bytes.subarray(this.offset, this.offset + len);
        this.offset += len;
        try {
          return textDecoder.decode(raw);
        } catch {
          throw this.fail("text string is not valid UTF-8");
        }
      }
      case 4: {
        const len = this.length(info);
        const out = [];
        for (let i = 0; i < len; i++) out.push(this.item(depth + 1));
        return out;
      }
      case 5: {
        const len = this.length(info);
        const out = /* @__PURE__ */ new Map();
        const seen = /* @__PURE__ */ new Set();
        for (let i = 0; i < len; i++) {
          const keyStart = this.offset;
          const key = this.item(depth + 1);
          const id = typeof key === "number" || typeof key === "bigint" ? `i:${String(key)}` : typeof key === "string" ? `t:${key}` : `r:${Buffer.from(this.bytes.subarray(keyStart, this.offset)).toString("hex")}`;
          if (seen.has(id)) throw this.fail(`duplicate map key ${describeKey(key)}`);
          seen.add(id);
          out.set(key, this.item(depth + 1));
        }
        return out;
      }
      case 6: {
        const tag = this.argument(info);
        if (!this.opts.allowTags) throw this.fail(`CBOR tag ${String(tag)} is not allowed here`);
        if (typeof tag === "bigint") throw this.fail("CBOR tag number too large");
        return new CborTag(tag, this.item(depth + 1));
      }
      default:
        return this.simple(info);
    }
  }
  simple(info) {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset);
    switch (info) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 23:
        return void 0;
      case 25: {
        this.need(2);
        const v = halfToNumber(view.getUint16(this.offset));
        this.offset += 2;
        return new CborFloat(v);
      }
      case 26: {
        this.need(4);
        const v = view.getFloat32(this.offset);
        this.offset += 4;
        return new CborFloat(v);
      }
      case 27: {
        this.need(8);
        const v = view.getFloat64(this.offset);
        this.offset += 8;
        return new CborFloat(v);
      }
      case 31:
        throw this.fail('unexpected "break" (indefinite-length items are not allowed)');
      default:
        throw this.fail(`unsupported simple value ${info}`);
    }
  }
};
function halfToNumber(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const exp = bits >> 10 & 31;
  const frac = bits & 1023;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}
function describeKey(key) {
  if (typeof key === "string") return JSON.stringify(key);
  if (typeof key === "number" || typeof key === "bigint") return String(key);
  return `a ${cborTypeName(key)} key`;
}
function cborTypeName(value) {
  if (value === null) return "null";
  if (value === void 0) return "undefined";
  if (value instanceof CborFloat) return "float";
  if (typeof value === "number" || typeof value === "bigint") {
    return Number.isInteger(value) || typeof value === "bigint" ? "int" : "float";
  }
  if (typeof value === "string") return "tstr";
  if (typeof value === "boolean") return "bool";
  if (value instanceof Uint8Array) return "bstr";
  if (Array.isArray(value)) return "array";
  if (value instanceof CborTag) return `tag ${value.tag}`;
  return "map";
}
function decodeCborItem(bytes, start, opts) {
  const reader = new Reader(bytes, opts);
  reader.offset = start;
  const value = reader.item(0);
  return { value, end: reader.offset };
}
function decodeCbor(bytes, opts) {
  const { value, end } = decodeCborItem(bytes, 0, opts);
  if (end !== bytes.length) {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${opts.context}: ${bytes.length - end} trailing byte(s) after the CBOR item`
    );
  }
  return value;
}
function cborToJs(value) {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [cborToJs(k), cborToJs(v)]);
  if (Array.isArray(value)) return value.map(cborToJs);
  if (value instanceof CborTag) return { tag: value.tag, value: cborToJs(value.value) };
  if (value instanceof CborFloat) return value.value;
  return value;
}

// src/cose/headers.ts
var COSE_LABEL = {
  alg: 1,
  crit: 2,
  contentType: 3,
  x5chain: 33
};
var TAG_EPOCH_TIME = 1;
function epochTime(date) {
  return new CborTag(TAG_EPOCH_TIME, Math.floor(date.getTime() / 1e3));
}
function encodeProtectedHeader(input) {
  const scheme = input.signingScheme ?? SIGNING_SCHEME.x509;
  const map = /* @__PURE__ */ new Map();
  const crit = [HEADER.signingScheme];
  map.set(COSE_LABEL.alg, algorithmInfo(input.algorithm).coseAlg);
  map.set(HEADER.signingScheme, scheme);
  const signingSeconds = Math.floor(input.signingTime.getTime() / 1e3);
  if (scheme === SIGNING_SCHEME.x509) {
    map.set(HEADER.signingTime, epochTime(input.signingTime));
  } else {
    map.set(HEADER.authenticSigningTime, epochTime(input.signingTime));
    crit.push(HEADER.authenticSigningTime);
  }
  if (input.expiry !== void 0) {
    checkExpiryAfterSigning(
      new Date(signingSeconds * 1e3),
      new Date(Math.floor(input.expiry.getTime() / 1e3) * 1e3),
      "COSE protected header"
    );
    map.set(HEADER.expiry, epochTime(input.expiry));
    crit.push(HEADER.expiry);
  }
  for (const attr of input.extendedAttributes ?? []) {
    if (map.has(attr.key)) {
      throw new EnvelopeError(
        "ENVELOPE_MALFORMED",
        `extended attribute "${attr.key}" collides with a protected header`
      );
    }
    map.set(attr.key, attr.value);
    if (attr.critical) crit.push(attr.key);
  }
  map.set(COSE_LABEL.crit, crit);
  map.set(COSE_LABEL.contentType, input.contentType ?? MEDIA_TYPE.notaryPayload);
  return encodeCbor(map);
}

// src/cose/sign1.ts
var SIGNATURE1 = "Signature1";
var MAX_DATE_MS = 864e13;
var PROTECTED = "COSE protected header";
var UNPROTECTED = "COSE unprotected header";
function sigStructure(protectedBytes, payload) {
  return encodeCbor([SIGNATURE1, protectedBytes, new Uint8Array(0), payload]);
}
function encodeUnprotectedHeader(input) {
  const map = /* @__PURE__ */ new Map();
  map.set(COSE_LABEL.x5chain, [...input.certificateChain]);
  if (input.signingAgent !== void 0 && input.signingAgent !== "") {
    map.set(HEADER.signingAgent, input.signingAgent);
  }
  if (input.timestampToken !== void 0) map.set(HEADER.timestampSignature, input.timestampToken);
  return encodeCbor(map);
}
function encodeCoseSign1(parts) {
  return Buffer.concat([
    Uint8Array.of(210, 132),
    encodeBstr(parts.protectedBytes),
    encodeUnprotectedHeader(parts.unprotected),
    encodeBstr(parts.payload),
    encodeBstr(parts.signature)
  ]);
}
function malformed(message) {
  return new EnvelopeError("ENVELOPE_MALFORMED", message);
}
function labelString(label) {
  return typeof label === "string" ? label : String(label);
}
function checkLabels(map, ctx) {
  for (const key of map.keys()) {
    if (typeof key !== "string" && typeof key !== "number" && typeof key !== "bigint") {
      throw malformed(`${ctx} has a label of type ${cborTypeName(key)}; labels must be int or tstr`);
    }
  }
}
function readTime(map, label) {
  if (!map.has(label)) return void 0;
  const value = map.get(label);
  if (!(value instanceof CborTag)) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED} "${label}" must be a CBOR tag 1 date/time, got an untagged ${cborTypeName(value)}`
    );
  }
  if (value.tag !== TAG_EPOCH_TIME) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED} "${label}" uses CBOR tag ${value.tag}; only tag 1 (epoch seconds) is supported`
    );
  }
  const raw = value.value;
  const seconds = raw instanceof CborFloat ? raw.value : raw;
  if (typeof seconds === "bigint" || typeof seconds === "number" && Number.isFinite(seconds)) {
    return epochSecondsToDate(seconds, label);
  }
  throw new EnvelopeError(
    "ENVELOPE_TIME",
    `${PROTECTED} "${label}" tag 1 must wrap a number of seconds, got ${cborTypeName(raw)}`
  );
}
function epochSecondsToDate(seconds, label) {
  const ms = typeof seconds === "bigint" ? Number(seconds) * 1e3 : Math.round(seconds * 1e3);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED} "${label}" is ${String(seconds)} seconds since the epoch, outside the supported range of \xB1${MAX_DATE_MS / 1e3} seconds (RFC 8949 \xA73.4.2 epoch time)`
    );
  }
  return new Date(ms);
}
function splitOuter(bytes) {
  if (bytes.length < 2 || bytes[0] !== 210 || bytes[1] !== 132) {
    throw malformed(
      "COSE envelope must start with d2 84 (tag 18 COSE_Sign1_Tagged around a 4-element array)"
    );
  }
  const items = [];
  let offset = 2;
  for (let i = 0; i < 4; i++) {
    const { value, end } = decodeCborItem(bytes, offset, {
      allowTags: false,
      context: "COSE_Sign1"
    });
    items.push(value);
    offset = end;
  }
  if (offset !== bytes.length) {
    throw malformed(`COSE envelope has ${bytes.length - offset} trailing byte(s)`);
  }
  return items;
}
function decodeCoseSign1(bytes) {
  const [protectedItem, unprotectedItem, payload, signature] = splitOuter(bytes);
  if (!(protectedItem instanceof Uint8Array)) {
    throw malformed(`${PROTECTED} must be a bstr, got ${cborTypeName(protectedItem)}`);
  }
  const protectedMap = decodeCbor(protectedItem, { allowTags: true, context: PROTECTED });
  if (!(protectedMap instanceof Map)) {
    throw malformed(`${PROTECTED} must wrap a map, got ${cborTypeName(protectedMap)}`);
  }
  checkLabels(protectedMap, PROTECTED);
  if (!(unprotectedItem instanceof Map)) {
    throw malformed(`${UNPROTECTED} must be a map, got ${cborTypeName(unprotectedItem)}`);
  }
  checkLabels(unprotectedItem, UNPROTECTED);
  for (const key of unprotectedItem.keys()) {
    if (protectedMap.has(key)) {
      throw malformed(
        `header ${describeKey(key)} appears in both the protected and unprotected header`
      );
    }
  }
  if (unprotectedItem.has(COSE_LABEL.crit)) {
    throw malformed(`${UNPROTECTED} must not carry "crit" (label 2)`);
  }
  if (!(payload instanceof Uint8Array)) {
    throw malformed(
      payload === null ? "COSE payload is detached (nil); Notary envelopes carry the payload" : `COSE payload must be a bstr, got ${cborTypeName(payload)}`
    );
  }
  if (payload.length === 0) throw malformed("COSE payload is empty");
  if (!(signature instanceof Uint8Array) || signature.length === 0) {
    throw malformed("COSE signature must be a non-empty bstr");
  }
  const alg = protectedMap.get(COSE_LABEL.alg);
  if (alg === void 0) throw malformed(`${PROTECTED} lacks "alg" (label 1)`);
  if (typeof alg !== "number" && typeof alg !== "string" && typeof alg !== "bigint") {
    throw malformed(`${PROTECTED} "alg" (label 1) must be an int, got ${cborTypeName(alg)}`);
  }
  const algorithm = typeof alg === "number" ? algorithmFromCose(alg) : void 0;
  if (!algorithm) {
    throw new EnvelopeError(
      "ENVELOPE_UNSUPPORTED",
      `${PROTECTED} "alg" (label 1) is ${String(alg)}; Notary allows -37 PS256, -38 PS384, -39 PS512, -7 ES256, -35 ES384, -36 ES512`
    );
  }
  const cty = protectedMap.get(COSE_LABEL.contentType);
  if (typeof cty !== "string" || !/^[^/\s]+\/[^/\s]+$/.test(cty)) {
    throw malformed(`${PROTECTED} "cty" (label 3) must be a "type/subtype" text string`);
  }
  const scheme = checkSigningScheme(
    protectedMap.get(HEADER.signingScheme),
    PROTECTED
  );
  const critRaw = protectedMap.get(COSE_LABEL.crit);
  if (critRaw === void 0) {
    throw new EnvelopeError("ENVELOPE_CRITICAL_HEADER", `${PROTECTED} lacks "crit" (label 2)`);
  }
  if (!Array.isArray(critRaw)) {
    throw malformed(`${PROTECTED} "crit" (label 2) must be an array, got ${cborTypeName(critRaw)}`);
  }
  const crit = critRaw.map((label) => {
    if (typeof label !== "string" && typeof label !== "number") {
      throw malformed(
        `${PROTECTED} "crit" lists a ${cborTypeName(label)}; labels must be int or tstr`
      );
    }
    return labelString(label);
  });
  const present = new Set([...protectedMap.keys()].map(labelString));
  checkCritical(crit, present, scheme, PROTECTED);
  const labels = timeLabels(scheme);
  if (protectedMap.has(labels.forbidden)) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED} carries "${labels.forbidden}", which the ${scheme} signing scheme does not use`
    );
  }
  const signingTime = readTime(protectedMap, labels.required);
  if (signingTime === void 0) {
    throw new EnvelopeError("ENVELOPE_TIME", `${PROTECTED} lacks "${labels.required}"`);
  }
  const expiry = readTime(protectedMap, HEADER.expiry);
  checkExpiryAfterSigning(signingTime, expiry, PROTECTED);
  const system = /* @__PURE__ */ new Set([
    String(COSE_LABEL.alg),
    String(COSE_LABEL.crit),
    String(COSE_LABEL.contentType),
    HEADER.signingScheme,
    HEADER.signingTime,
    HEADER.authenticSigningTime,
    HEADER.expiry
  ]);
  const extendedAttributes = [];
  for (const [key, value] of protectedMap) {
    const label = labelString(key);
    if (system.has(label)) continue;
    if ((label === HEADER.verificationPlugin || label === HEADER.verificationPluginMinVersion) && typeof value !== "string") {
      throw malformed(`${PROTECTED} "${label}" must be a text string`);
    }
    extendedAttributes.push({ key: label, value: cborToJs(value), critical: crit.includes(label) });
  }
  const x5chain = unprotectedItem.get(COSE_LABEL.x5chain);
  if (x5chain === void 0) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED} lacks "x5chain" (label 33); the certificate chain is not present`
    );
  }
  if (!Array.isArray(x5chain)) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED} "x5chain" (label 33) must be an array of bstr, got a ${cborTypeName(x5chain)}`
    );
  }
  if (x5chain.length === 0) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED} "x5chain" (label 33) is empty`
    );
  }
  const certificateChain = x5chain.map((cert, i) => {
    if (!(cert instanceof Uint8Array) || cert.length === 0) {
      throw new EnvelopeError(
        "ENVELOPE_CERTIFICATE_CHAIN",
        `${UNPROTECTED} "x5chain" entry ${i} must be a non-empty bstr (DER certificate)`
      );
    }
    return cert;
  });
  const tst = unprotectedItem.get(HEADER.timestampSignature);
  if (tst !== void 0 && (!(tst instanceof Uint8Array) || tst.length === 0)) {
    throw malformed(`${UNPROTECTED} "${HEADER.timestampSignature}" must be a non-empty bstr`);
  }
  const agent = unprotectedItem.get(HEADER.signingAgent);
  if (agent !== void 0 && typeof agent !== "string") {
    throw malformed(`${UNPROTECTED} "${HEADER.signingAgent}" must be a text string`);
  }
  return {
    format: "cose",
    mediaType: MEDIA_TYPE.cose,
    algorithm,
    contentType: cty,
    payload,
    signature,
    toBeSigned: sigStructure(protectedItem, payload),
    signingScheme: scheme,
    ...labels.required === HEADER.signingTime ? { signingTime } : { authenticSigningTime: signingTime },
    ...expiry !== void 0 ? { expiry } : {},
    certificateChain,
    ...tst instanceof Uint8Array ? { timestampToken: tst } : {},
    ...typeof agent === "string" ? { signingAgent: agent } : {},
    critical: crit,
    extendedAttributes
  };
}

// src/notary/go-json.ts
var SHORT_ESCAPES = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "\b": "\\b",
  "\f": "\\f"
};
function hex4(code) {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
function goJsonString(value) {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== void 0) out += short;
    else if (code < 32 || ch === "<" || ch === ">" || ch === "&") out += hex4(code);
    else if (code === 8232 || code === 8233) out += hex4(code);
    else if (code >= 55296 && code <= 56319) {
      const next = value.charCodeAt(i + 1);
      if (next >= 56320 && next <= 57343) {
        out += ch + value.charAt(i + 1);
        i++;
      } else out += "\\ufffd";
    } else if (code >= 56320 && code <= 57343) out += "\\ufffd";
    else out += ch;
  }
  return out + '"';
}
function compareGoStrings(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function goJson(value) {
  if (value === null || value === void 0) return "null";
  if (typeof value === "string") return goJsonString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("JSON cannot encode a non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v)).join(",")}]`;
  if (value instanceof Map) {
    const keys = [...value.keys()].sort(compareGoStrings);
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value.get(k))}`).join(",")}}`;
  }
  const entries = Object.entries(value).filter(
    ([, v]) => v !== void 0
  );
  return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(",")}}`;
}
function goJsonBytes(value) {
  return new Uint8Array(Buffer.from(goJson(value), "utf8"));
}
function toGoMapJson(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toGoMapJson);
  return new Map(
    Object.entries(value).map(([k, v]) => [k, toGoMapJson(v)])
  );
}

// src/jws/jws.ts
var PROTECTED2 = "JWS protected header";
var UNPROTECTED2 = "JWS unprotected header";
var SYSTEM_KEYS = /* @__PURE__ */ new Set([
  "alg",
  "cty",
  "crit",
  HEADER.expiry,
  HEADER.signingTime,
  HEADER.signingScheme,
  HEADER.authenticSigningTime
]);
function formatRfc3339(date) {
  return new Date(Math.floor(date.getTime() / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
}
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
function parseRfc3339(value) {
  const m = RFC3339.exec(value);
  if (!m) return void 0;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1e3) : 0;
  let offset = 0;
  if (zone && zone !== "Z") {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 23 || minutes > 59) return void 0;
    const sign = zone.startsWith("-") ? -1 : 1;
    offset = sign * (hours * 60 + minutes);
  }
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return void 0;
  }
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms);
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (check.getUTCDate() !== day) return void 0;
  return new Date(utc - offset * 6e4);
}
function base64UrlEncode(bytes) {
  return Buffer.from(bytes).toString("base64url");
}
function base64UrlDecode(value, what) {
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `JWS ${what} must be unpadded base64url`);
  }
  return new Uint8Array(Buffer.from(value, "base64url"));
}
function base64StdDecode(value, what) {
  if (typeof value !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0 || value.length === 0) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${what} must be non-empty standard base64`);
  }
  return new Uint8Array(Buffer.from(value, "base64"));
}
function encodeJwsProtectedHeader(input) {
  const scheme = input.signingScheme ?? SIGNING_SCHEME.x509;
  const header = /* @__PURE__ */ new Map();
  const crit = [HEADER.signingScheme];
  for (const attr of input.extendedAttributes ?? []) {
    if (SYSTEM_KEYS.has(attr.key) || header.has(attr.key)) {
      throw new EnvelopeError(
        "ENVELOPE_MALFORMED",
        `extended attribute "${attr.key}" collides with a header`
      );
    }
    header.set(attr.key, attr.value);
    if (attr.critical) crit.push(attr.key);
  }
  header.set("alg", algorithmInfo(input.algorithm).jwsAlg);
  header.set("cty", input.contentType ?? MEDIA_TYPE.notaryPayload);
  header.set(HEADER.signingScheme, scheme);
  if (scheme === SIGNING_SCHEME.x509) {
    header.set(HEADER.signingTime, formatRfc3339(input.signingTime));
  } else {
    header.set(HEADER.authenticSigningTime, formatRfc3339(input.signingTime));
    crit.push(HEADER.authenticSigningTime);
  }
  if (input.expiry !== void 0) {
    checkExpiryAfterSigning(
      new Date(Math.floor(input.signingTime.getTime() / 1e3) * 1e3),
      new Date(Math.floor(input.expiry.getTime() / 1e3) * 1e3),
      PROTECTED2
    );
    header.set(HEADER.expiry, formatRfc3339(input.expiry));
    crit.push(HEADER.expiry);
  }
  header.set("crit", crit);
  return goJson(header);
}
function canonicalJwsPayload(payload) {
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(payload).toString("utf8"));
  } catch (err) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", "a JWS payload must be JSON", { cause: err });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", "a JWS payload must be a JSON object");
  }
  return goJsonBytes(toGoMapJson(parsed));
}
function jwsSigningInput(protectedB64, payloadB64) {
  return new Uint8Array(Buffer.from(`${protectedB64}.${payloadB64}`, "ascii"));
}
function encodeJwsEnvelope(parts) {
  return goJsonBytes({
    payload: parts.payloadB64,
    protected: parts.protectedB64,
    header: {
      [HEADER.timestampSignature]: parts.timestampToken ? Buffer.from(parts.timestampToken).toString("base64") : void 0,
      x5c: parts.certificateChain.map((c) => Buffer.from(c).toString("base64")),
      [HEADER.signingAgent]: parts.signingAgent === "" ? void 0 : parts.signingAgent
    },
    signature: base64UrlEncode(parts.signature)
  });
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function parseJsonObject2(bytes, what) {
  let parsed;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${what} is not valid JSON`, { cause: err });
  }
  if (!isObject(parsed))
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${what} must be a JSON object`);
  return parsed;
}
function readTime2(header, key) {
  if (!Object.hasOwn(header, key)) return void 0;
  const value = header[key];
  const date = typeof value === "string" ? parseRfc3339(value) : void 0;
  if (!date) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED2} "${key}" must be an RFC 3339 date-time string`
    );
  }
  return date;
}
function decodeJws(bytes) {
  const env = parseJsonObject2(bytes, "JWS envelope");
  for (const key of Object.keys(env)) {
    if (!["payload", "protected", "header", "signature"].includes(key)) {
      throw new EnvelopeError(
        "ENVELOPE_MALFORMED",
        `JWS envelope has member "${key}"; only the flattened serialization {payload, protected, header, signature} is supported`
      );
    }
  }
  if (typeof env.protected !== "string" || typeof env.payload !== "string") {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      'JWS envelope needs "protected" and "payload" strings'
    );
  }
  const protectedB64 = env.protected;
  const payloadB64 = env.payload;
  const protectedBytes = base64UrlDecode(protectedB64, '"protected"');
  const payload = base64UrlDecode(payloadB64, '"payload"');
  const signature = base64UrlDecode(env.signature, '"signature"');
  if (signature.length === 0) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", 'JWS "signature" is empty');
  }
  if (payload.length === 0) throw new EnvelopeError("ENVELOPE_MALFORMED", 'JWS "payload" is empty');
  parseJsonObject2(payload, "JWS payload");
  const header = parseJsonObject2(protectedBytes, PROTECTED2);
  const alg = header.alg;
  if (typeof alg !== "string") {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${PROTECTED2} "alg" must be a string`);
  }
  const algorithm = algorithmFromJws(alg);
  if (!algorithm) {
    throw new EnvelopeError(
      "ENVELOPE_UNSUPPORTED",
      `${PROTECTED2} "alg" is "${alg}"; Notary allows PS256, PS384, PS512, ES256, ES384, ES512`
    );
  }
  const cty = header.cty;
  if (typeof cty !== "string" || !/^[^/\s]+\/[^/\s]+$/.test(cty)) {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${PROTECTED2} "cty" must be a "type/subtype" string`
    );
  }
  const scheme = checkSigningScheme(header[HEADER.signingScheme], PROTECTED2);
  const critRaw = header.crit;
  if (critRaw === void 0) {
    throw new EnvelopeError("ENVELOPE_CRITICAL_HEADER", `${PROTECTED2} lacks "crit"`);
  }
  if (!Array.isArray(critRaw) || !critRaw.every((c) => typeof c === "string")) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${PROTECTED2} "crit" must be an array of strings`);
  }
  checkCritical(critRaw, new Set(Object.keys(header)), scheme, PROTECTED2);
  const labels = timeLabels(scheme);
  if (Object.hasOwn(header, labels.forbidden)) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED2} carries "${labels.forbidden}", which the ${scheme} signing scheme does not use`
    );
  }
  const signingTime = readTime2(header, labels.required);
  if (!signingTime)
    throw new EnvelopeError("ENVELOPE_TIME", `${PROTECTED2} lacks "${labels.required}"`);
  const expiry = readTime2(header, HEADER.expiry);
  checkExpiryAfterSigning(signingTime, expiry, PROTECTED2);
  const extendedAttributes = [];
  for (const [key, value] of Object.entries(header)) {
    if (SYSTEM_KEYS.has(key)) continue;
    if ((key === HEADER.verificationPlugin || key === HEADER.verificationPluginMinVersion) && typeof value !== "string") {
      throw new EnvelopeError("ENVELOPE_MALFORMED", `${PROTECTED2} "${key}" must be a string`);
    }
    extendedAttributes.push({ key, value, critical: critRaw.includes(key) });
  }
  const unprotected = env.header;
  if (!isObject(unprotected)) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED2} ("header") is missing, so the certificate chain (x5c) is not present`
    );
  }
  for (const key of Object.keys(unprotected)) {
    if (Object.hasOwn(header, key)) {
      throw new EnvelopeError(
        "ENVELOPE_MALFORMED",
        `header "${key}" appears in both the protected and unprotected header`
      );
    }
  }
  const x5c = unprotected.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED2} "x5c" must be a non-empty array of base64 DER certificates`
    );
  }
  const certificateChain = x5c.map((c, i) => {
    try {
      return base64StdDecode(c, `${UNPROTECTED2} "x5c" entry ${i}`);
    } catch (err) {
      throw new EnvelopeError("ENVELOPE_CERTIFICATE_CHAIN", err.message);
    }
  });
  const tst = unprotected[HEADER.timestampSignature];
  const timestampToken = tst === void 0 ? void 0 : base64StdDecode(tst, `${UNPROTECTED2} "${HEADER.timestampSignature}"`);
  const agent = unprotected[HEADER.signingAgent];
  if (agent !== void 0 && typeof agent !== "string") {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${UNPROTECTED2} "${HEADER.signingAgent}" must be a string`
    );
  }
  return {
    format: "jws",
    mediaType: MEDIA_TYPE.jws,
    algorithm,
    contentType: cty,
    payload,
    signature,
    toBeSigned: jwsSigningInput(protectedB64, payloadB64),
    signingScheme: scheme,
    ...labels.required === HEADER.signingTime ? { signingTime } : { authenticSigningTime: signingTime },
    ...expiry !== void 0 ? { expiry } : {},
    certificateChain,
    ...timestampToken ? { timestampToken } : {},
    ...typeof agent === "string" ? { signingAgent: agent } : {},
    critical: [...critRaw],
    extendedAttributes
  };
}

// src/envelope/decode.ts
function decodeEnvelope(mediaType, bytes) {
  switch (mediaType) {
    case MEDIA_TYPE.cose:
      return decodeCoseSign1(bytes);
    case MEDIA_TYPE.jws:
      return decodeJws(bytes);
    default:
      throw new EnvelopeError(
        "ENVELOPE_UNSUPPORTED",
        `signature envelope media type "${mediaType}" is not supported; expected "${MEDIA_TYPE.cose}" or "${MEDIA_TYPE.jws}"`
      );
  }
}

// src/notary/manifest.ts
import { createHash } from "node:crypto";

// src/notary/errors.ts
var NotaryError = class extends ActionError {
};

// src/notary/manifest.ts
function thumbprintAnnotation(chain) {
  return goJson(chain.map((c) => createHash("sha256").update(c).digest("hex")));
}
function createdAnnotation(date) {
  return new Date(Math.floor(date.getTime() / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
}
function plainDescriptor(d) {
  return { mediaType: d.mediaType, digest: d.digest, size: d.size };
}
function buildSignatureManifest(req) {
  const form = req.form ?? "image-manifest-legacy";
  const annotations = /* @__PURE__ */ new Map([
    [ANNOTATION.thumbprints, thumbprintAnnotation(req.certificateChain)],
    [ANNOTATION.created, createdAnnotation(req.signingTime)]
  ]);
  const config = form === "artifact-type" ? {
    mediaType: MEDIA_TYPE.ociEmpty,
    digest: EMPTY_CONFIG.digest,
    size: EMPTY_CONFIG.size,
    data: EMPTY_CONFIG.base64
  } : {
    mediaType: MEDIA_TYPE.notarySignature,
    digest: EMPTY_CONFIG.digest,
    size: EMPTY_CONFIG.size
  };
  const bytes = goJsonBytes({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    artifactType: form === "artifact-type" ? MEDIA_TYPE.notarySignature : void 0,
    config,
    layers: [plainDescriptor(req.envelope)],
    subject: plainDescriptor(req.subject),
    annotations
  });
  return {
    bytes,
    descriptor: {
      mediaType: MEDIA_TYPE.ociManifest,
      digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
      size: bytes.length,
      // Registries list artifactType || config.mediaType, which is this value for both forms.
      artifactType: MEDIA_TYPE.notarySignature,
      annotations: Object.fromEntries(annotations)
    }
  };
}
function isObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function descriptorOf(value, what) {
  if (!isObject2(value) || typeof value.mediaType !== "string" || typeof value.digest !== "string" || typeof value.size !== "number" || !Number.isSafeInteger(value.size) || value.size < 0) {
    throw new NotaryError(
      "MANIFEST_MALFORMED",
      `${what} is not a descriptor {mediaType, digest, size}`
    );
  }
  const d = { mediaType: value.mediaType, digest: value.digest, size: value.size };
  if (isObject2(value.annotations)) {
    d.annotations = Object.fromEntries(
      Object.entries(value.annotations).filter(
        (e) => typeof e[1] === "string"
      )
    );
  }
  if (typeof value.artifactType === "string") d.artifactType = value.artifactType;
  return d;
}
function notNotary(detail) {
  return new NotaryError("MANIFEST_NOT_NOTARY", `not a Notary Project signature: ${detail}`);
}
function parseSignatureManifest(bytes, mediaType) {
  let m;
  try {
    m = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new NotaryError("MANIFEST_MALFORMED", "the signature manifest is not valid JSON", {
      cause: err
    });
  }
  if (!isObject2(m))
    throw new NotaryError("MANIFEST_MALFORMED", "the signature manifest is not a JSON object");
  const declared = typeof m.mediaType === "string" ? m.mediaType : void 0;
  if (declared !== void 0 && mediaType !== void 0 && declared !== mediaType) {
    throw new NotaryError(
      "MANIFEST_MALFORMED",
      `the manifest says mediaType "${declared}" but was served as "${mediaType}"`
    );
  }
  const type = declared ?? mediaType ?? MEDIA_TYPE.ociManifest;
  const annotations = isObject2(m.annotations) ? Object.fromEntries(
    Object.entries(m.annotations).filter(
      (e) => typeof e[1] === "string"
    )
  ) : {};
  const subject = m.subject === void 0 ? void 0 : descriptorOf(m.subject, "manifest subject");
  const artifactType = m.artifactType;
  if (type === MEDIA_TYPE.ociArtifactManifest) {
    if (artifactType !== MEDIA_TYPE.notarySignature) {
      throw notNotary(`artifact manifest artifactType is "${String(artifactType)}"`);
    }
    const blobs = m.blobs;
    if (!Array.isArray(blobs) || blobs.length !== 1) {
      throw notNotary(
        `the artifact manifest must have exactly one blob, found ${Array.isArray(blobs) ? blobs.length : 0}`
      );
    }
    return {
      form: "artifact-manifest",
      mediaType: type,
      envelope: descriptorOf(blobs[0], "manifest blob"),
      ...subject ? { subject } : {},
      annotations
    };
  }
  if (type !== MEDIA_TYPE.ociManifest) {
    throw notNotary(`manifest media type "${type}" is not an OCI image manifest`);
  }
  const config = descriptorOf(m.config, "manifest config");
  let form;
  if (artifactType === void 0 || artifactType === "") {
    if (config.mediaType !== MEDIA_TYPE.notarySignature) {
      throw notNotary(`no artifactType and config.mediaType is "${config.mediaType}"`);
    }
    form = "image-manifest-legacy";
  } else if (artifactType === MEDIA_TYPE.notarySignature) {
    if (config.mediaType !== MEDIA_TYPE.ociEmpty) {
      throw notNotary(
        `artifactType is the Notary signature but config.mediaType is "${config.mediaType}"`
      );
    }
    form = "artifact-type";
  } else {
    throw notNotary(`artifactType is "${String(artifactType)}"`);
  }
  const layers = m.layers;
  if (!Array.isArray(layers) || layers.length !== 1) {
    throw notNotary(
      `a signature manifest must have exactly one layer, found ${Array.isArray(layers) ? layers.length : 0}`
    );
  }
  return {
    form,
    mediaType: type,
    envelope: descriptorOf(layers[0], "manifest layer"),
    ...subject ? { subject } : {},
    annotations
  };
}

// src/commands/pool.ts
async function mapBounded(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  let failed;
  async function worker() {
    while (failed === void 0 && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        failed ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== void 0) throw failed.error;
  return results;
}
var StoppedError = class extends Error {
  constructor() {
    super("not started: an earlier task failed");
  }
};
function createLimiter(limit) {
  const max = Math.max(1, limit);
  const waiting = [];
  const waitingFirst = [];
  const started = [];
  let active = 0;
  let failed;
  const release = () => {
    const next = waitingFirst.shift() ?? waiting.shift();
    if (next === void 0) active--;
    else next();
  };
  const acquire = async (queue) => {
    if (active >= max) await new Promise((resolve) => queue.push(resolve));
    else active++;
  };
  return {
    async idle(wait) {
      release();
      try {
        return await wait();
      } finally {
        await acquire(waitingFirst);
      }
    },
    async run(task, options = {}) {
      await acquire(options.first === true ? waitingFirst : waiting);
      if (failed !== void 0) {
        release();
        throw new StoppedError();
      }
      const running = (async () => task())();
      started.push(running.catch(() => void 0));
      try {
        return await running;
      } catch (error) {
        failed ??= { error };
        throw error;
      } finally {
        release();
      }
    },
    async settled() {
      for (let i = 0; i < started.length; i++) await started[i];
      if (failed !== void 0) throw failed.error;
    }
  };
}

// src/commands/verify-error.ts
var VerifyCommandError = class extends ActionError {
};

// src/x509/dn.ts
function escapeDnValue(value) {
  let out = value.replace(/["+,;<>\\]/g, (c) => `\\${c}`);
  if (out.startsWith("#") || out.startsWith(" ")) out = `\\${out}`;
  if (out.endsWith(" ") && !out.endsWith("\\ ")) out = `${out.slice(0, -1)}\\ `;
  return out;
}
function policyDn(attrs) {
  const kept = attrs.filter((a) => a.shortName !== void 0 && a.isString);
  const lastOf = (name) => kept.filter((a) => a.shortName === name).at(-1);
  const single = /* @__PURE__ */ new Set([lastOf("CN"), lastOf("SERIALNUMBER")]);
  return kept.filter((a) => a.shortName !== "CN" && a.shortName !== "SERIALNUMBER" || single.has(a)).map((a) => `${a.shortName}=${escapeDnValue(a.value)}`).join(", ");
}
function policySubject(cert) {
  return policyDn(subjectAttributes(cert));
}

// src/timestamp/errors.ts
var TimestampError = class extends ActionError {
  url;
  constructor(code, message, options) {
    super(code, message, options);
    if (options?.url !== void 0) this.url = options.url;
  }
};

// src/timestamp/token.ts
var asn1js2 = __toESM(require_build(), 1);

// src/timestamp/der.ts
var asn1js = __toESM(require_build(), 1);
import { createHash as createHash2 } from "node:crypto";
var OID = {
  // RFC 5652
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  // RFC 3161 / RFC 2634 / RFC 5035
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  signingCertificate: "1.2.840.113549.1.9.16.2.12",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  // RFC 3628 baseline time-stamp policy
  baselineTimestampPolicy: "0.4.0.2023.1.1",
  // hashes (RFC 8017 B.1)
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  // signature algorithms
  rsaEncryption: "1.2.840.113549.1.1.1",
  rsassaPss: "1.2.840.113549.1.1.10",
  sha256WithRSA: "1.2.840.113549.1.1.11",
  sha384WithRSA: "1.2.840.113549.1.1.12",
  sha512WithRSA: "1.2.840.113549.1.1.13",
  ecdsaWithSHA256: "1.2.840.10045.4.3.2",
  ecdsaWithSHA384: "1.2.840.10045.4.3.3",
  ecdsaWithSHA512: "1.2.840.10045.4.3.4",
  // RFC 5280
  extKeyUsage: "2.5.29.37",
  timeStamping: "1.3.6.1.5.5.7.3.8"
};
var HASH_BY_OID = {
  [OID.sha256]: "SHA-256",
  [OID.sha384]: "SHA-384",
  [OID.sha512]: "SHA-512"
};
var OID_BY_HASH = {
  "SHA-256": OID.sha256,
  "SHA-384": OID.sha384,
  "SHA-512": OID.sha512
};
function hashFromOid(oid2) {
  return Object.hasOwn(HASH_BY_OID, oid2) ? HASH_BY_OID[oid2] : void 0;
}
function oidOfHash(hash) {
  return OID_BY_HASH[hash];
}
function nodeHashName(hash) {
  return hash === "SHA-256" ? "sha256" : hash === "SHA-384" ? "sha384" : "sha512";
}
function digest(hash, data) {
  return new Uint8Array(createHash2(nodeHashName(hash)).update(data).digest());
}
function hashLength(hash) {
  return hash === "SHA-256" ? 32 : hash === "SHA-384" ? 48 : 64;
}
var Asn1ShapeError = class extends Error {
  name = "Asn1ShapeError";
};
function asn1FailureText(err) {
  if (err instanceof Asn1ShapeError || err instanceof ActionError) return err.message;
  return "not a valid DER encoding of the structure (RFC 3161 \xA72.4, RFC 5652 \xA75, X.690 DER)";
}
function bytesEqual(a, b) {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}
var MAX_DER_DEPTH = 64;
var PRIMITIVE_ONLY_UNIVERSAL = /* @__PURE__ */ new Set([
  1,
  2,
  3,
  4,
  5,
  6,
  10,
  12,
  18,
  19,
  20,
  21,
  22,
  23,
  24,
  25,
  26,
  27,
  28,
  30
]);
function checkStrictDer(bytes, what) {
  const end = checkElement(bytes, 0, bytes.length, 0, what);
  if (end !== bytes.length) {
    throw new Asn1ShapeError(`${what}: ${bytes.length - end} trailing bytes after the DER element`);
  }
}
function notDer(what, message, at) {
  return new Asn1ShapeError(`${what}: not DER: ${message} (at byte ${at})`);
}
function checkElement(bytes, start, limit, depth, what) {
  if (depth > MAX_DER_DEPTH) throw notDer(what, `nested deeper than ${MAX_DER_DEPTH}`, start);
  let i = start;
  if (i >= limit) throw notDer(what, "missing identifier octet", i);
  const first = bytes[i++];
  const constructed = (first & 32) !== 0;
  const tagClass = first >> 6;
  let tag = first & 31;
  if (tag === 31) {
    if (i >= limit) throw notDer(what, "truncated high tag number", i);
    if (bytes[i] === 128) throw notDer(what, "high tag number with a leading zero octet", i);
    tag = 0;
    for (; ; ) {
      if (i >= limit) throw notDer(what, "truncated high tag number", i);
      const b = bytes[i++];
      if (tag > 16777215) throw notDer(what, "tag number too large", i);
      tag = tag * 128 + (b & 127);
      if ((b & 128) === 0) break;
    }
    if (tag < 31) throw notDer(what, "high-tag-number form for a tag below 31", i);
  }
  if (i >= limit) throw notDer(what, "missing length octets", i);
  const lengthByte = bytes[i++];
  let length = lengthByte;
  if (lengthByte === 128) throw notDer(what, "indefinite length", i - 1);
  if (lengthByte > 128) {
    const n = lengthByte & 127;
    if (n > 4) throw notDer(what, `length of ${n} octets`, i - 1);
    if (i + n > limit) throw notDer(what, "truncated length octets", i);
    if (bytes[i] === 0) throw notDer(what, "non-minimal length (leading zero octet)", i);
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + bytes[i++];
    if (length < 128)
      throw notDer(what, "non-minimal length (long form for a length below 128)", i);
  }
  const contentStart = i;
  const contentEnd = contentStart + length;
  if (contentEnd > limit) {
    throw notDer(
      what,
      `length ${length} overruns the ${limit - contentStart} bytes its parent has left`,
      i
    );
  }
  if (tagClass === 0) {
    if (constructed && PRIMITIVE_ONLY_UNIVERSAL.has(tag)) {
      throw notDer(what, `constructed encoding of universal type ${tag}`, start);
    }
    if (!constructed && (tag === 16 || tag === 17)) {
      throw notDer(what, `primitive encoding of a ${tag === 16 ? "SEQUENCE" : "SET"}`, start);
    }
    if (tag === 1 && (length !== 1 || bytes[contentStart] !== 0 && bytes[contentStart] !== 255)) {
      throw notDer(what, "BOOLEAN must be one octet, 00 or ff", contentStart);
    }
    if (tag === 2 || tag === 10) {
      const b0 = bytes[contentStart];
      const b1 = bytes[contentStart + 1];
      if (length === 0) throw notDer(what, "INTEGER with no content octets", contentStart);
      if (length > 1 && (b0 === 0 && (b1 & 128) === 0 || b0 === 255 && (b1 & 128) !== 0)) {
        throw notDer(what, "INTEGER not minimally encoded", contentStart);
      }
    }
  }
  if (constructed) {
    let at = contentStart;
    while (at < contentEnd) at = checkElement(bytes, at, contentEnd, depth + 1, what);
  }
  return contentEnd;
}
function parseOne(bytes, what) {
  checkStrictDer(bytes, what);
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1) {
    throw new Asn1ShapeError(`${what}: ${parsed.result.error || "not valid ASN.1"}`);
  }
  if (parsed.offset !== bytes.length) {
    throw new Asn1ShapeError(
      `${what}: ${bytes.length - parsed.offset} trailing bytes after the ASN.1 element`
    );
  }
  return parsed.result;
}
function rawOf(block) {
  return new Uint8Array(block.valueBeforeDecodeView);
}
var UNIVERSAL = 1;
var CONTEXT = 3;
function isContext(block, tag) {
  return block !== void 0 && block.idBlock.tagClass === CONTEXT && block.idBlock.tagNumber === tag;
}
function isUniversal(block, tag) {
  return block !== void 0 && block.idBlock.tagClass === UNIVERSAL && block.idBlock.tagNumber === tag;
}
function children(block, what) {
  const value = block.valueBlock.value;
  if (!block.idBlock.isConstructed || !Array.isArray(value)) {
    throw new Asn1ShapeError(`${what} is not a constructed element`);
  }
  return value;
}
function sequence(block, what) {
  if (!(block instanceof asn1js.Sequence)) throw new Asn1ShapeError(`${what} is not a SEQUENCE`);
  return block.valueBlock.value;
}
function set(block, what) {
  if (!(block instanceof asn1js.Set)) throw new Asn1ShapeError(`${what} is not a SET`);
  return block.valueBlock.value;
}
function oid(block, what) {
  if (!(block instanceof asn1js.ObjectIdentifier)) {
    throw new Asn1ShapeError(`${what} is not an OBJECT IDENTIFIER`);
  }
  return block.valueBlock.toString();
}
function integer(block, what) {
  if (!(block instanceof asn1js.Integer)) throw new Asn1ShapeError(`${what} is not an INTEGER`);
  return bigintFromTwosComplement(block.valueBlock.valueHexView);
}
function smallInteger(block, what) {
  const value = integer(block, what);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Asn1ShapeError(`${what} is out of range`);
  }
  return Number(value);
}
function implicitInteger(block, what) {
  if (block.idBlock.isConstructed) throw new Asn1ShapeError(`${what} is not a primitive INTEGER`);
  const bytes = block.valueBlock.valueHexView ?? new Uint8Array(0);
  if (bytes.length === 0 || bytes.length > 6)
    throw new Asn1ShapeError(`${what} is not a valid INTEGER`);
  return Number(bigintFromTwosComplement(bytes));
}
function bigintFromTwosComplement(bytes) {
  if (bytes.length === 0) throw new Asn1ShapeError("INTEGER has no content octets");
  let value = 0n;
  for (const b of bytes) value = value << 8n | BigInt(b);
  if (((bytes[0] ?? 0) & 128) !== 0) value -= 1n << BigInt(bytes.length * 8);
  return value;
}
function integerContents(value) {
  if (value < 0n) throw new RangeError("negative integers are not used here");
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Buffer.from(hex, "hex");
  if (((bytes[0] ?? 0) & 128) !== 0) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return new Uint8Array(bytes);
}
function bigintFromUnsigned(bytes) {
  let value = 0n;
  for (const b of bytes) value = value << 8n | BigInt(b);
  return value;
}
function octets(block, what) {
  if (!(block instanceof asn1js.OctetString))
    throw new Asn1ShapeError(`${what} is not an OCTET STRING`);
  if (block.idBlock.isConstructed) {
    throw new Asn1ShapeError(`${what} is a constructed (BER) OCTET STRING; DER requires primitive`);
  }
  return new Uint8Array(block.valueBlock.valueHexView);
}
function boolean(block, what) {
  if (!(block instanceof asn1js.Boolean)) throw new Asn1ShapeError(`${what} is not a BOOLEAN`);
  return block.valueBlock.value;
}
function algorithmIdentifier(block, what) {
  const parts = sequence(block, what);
  if (parts.length < 1 || parts.length > 2)
    throw new Asn1ShapeError(`${what} has ${parts.length} fields`);
  const id = oid(parts[0], `${what} algorithm`);
  const params = parts[1];
  return params === void 0 ? { oid: id } : { oid: id, parameters: rawOf(params) };
}
var GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{4})$/;
function generalizedTime(block, what) {
  if (!isUniversal(block, 24) || block === void 0 || block.idBlock.isConstructed) {
    throw new Asn1ShapeError(`${what} is not a GeneralizedTime`);
  }
  const bytes = block.valueBlock.valueHexView ?? new Uint8Array(0);
  const text = Buffer.from(bytes).toString("latin1");
  const m = GENERALIZED_TIME.exec(text);
  if (m === null) throw new Asn1ShapeError(`${what} "${text}" is not a valid GeneralizedTime`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac === void 0 ? 0 : Number(`${frac}00`.slice(0, 3));
  let epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const utc = zone === "Z";
  if (!utc && zone !== void 0) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const offsetMin = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5));
    epoch -= sign * offsetMin * 6e4;
  }
  const date = new Date(epoch);
  const check = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  );
  if (Number.isNaN(epoch) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || Number(mi) > 59 || Number(s) > 59) {
    throw new Asn1ShapeError(`${what} "${text}" is not a valid date`);
  }
  return { date, text, utc };
}
function anyTime(block, what) {
  if (block instanceof asn1js.UTCTime) {
    const date = block.toDate();
    if (Number.isNaN(date.getTime())) throw new Asn1ShapeError(`${what} is not a valid UTCTime`);
    return date;
  }
  return generalizedTime(block, what).date;
}

// src/timestamp/token-split.ts
function tlvAt(bytes, at) {
  const tag = bytes[at];
  if ((tag & 31) === 31) return void 0;
  let i = at + 1;
  const first = bytes[i++];
  let length = first;
  if (first > 128) {
    length = 0;
    for (let k = 0; k < (first & 127); k++) length = length * 256 + bytes[i++];
  }
  return { tag, start: at, contentStart: i, end: i + length };
}
function childrenOf(bytes, parent) {
  const out = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const child = tlvAt(bytes, at);
    if (child === void 0) return void 0;
    out.push(child);
    at = child.end;
  }
  return out;
}
function element(tag, content) {
  const length = content.reduce((n, c) => n + c.length, 0);
  const lengthOctets = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) lengthOctets.unshift(n % 256);
  const header = length < 128 ? [tag, length] : [tag, 128 | lengthOctets.length, ...lengthOctets];
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  let at = header.length;
  for (const c of content) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
var SEQUENCE = 48;
var CONTEXT_0 = 160;
function splitCertificates(der) {
  try {
    checkStrictDer(der, "ContentInfo");
  } catch {
    return void 0;
  }
  const top = tlvAt(der, 0);
  if (top?.tag !== SEQUENCE) return void 0;
  const topParts = childrenOf(der, top);
  const explicit = topParts?.[1];
  if (topParts?.length !== 2 || explicit?.tag !== CONTEXT_0) return void 0;
  const inner = childrenOf(der, explicit);
  const signedData = inner?.[0];
  if (inner?.length !== 1 || signedData?.tag !== SEQUENCE) return void 0;
  const certs = childrenOf(der, signedData)?.[3];
  if (certs?.tag !== CONTEXT_0) return void 0;
  const certList = childrenOf(der, certs);
  if (certList === void 0 || certList.some((c) => c.tag !== SEQUENCE)) return void 0;
  const slice = (from, to) => der.subarray(from, to);
  const reducedSignedData = element(SEQUENCE, [
    slice(signedData.contentStart, certs.start),
    new Uint8Array([CONTEXT_0, 0]),
    slice(certs.end, signedData.end)
  ]);
  const reduced = element(SEQUENCE, [
    slice(top.contentStart, explicit.start),
    element(CONTEXT_0, [reducedSignedData])
  ]);
  return { reduced, certificates: certList.map((c) => der.slice(c.start, c.end)) };
}

// src/timestamp/token.ts
var PKI_STATUS_TEXT = {
  0: "granted",
  1: "granted with modifications",
  2: "rejected",
  3: "the request body part has not yet been processed, expect to hear more later",
  4: "warning: a revocation is imminent",
  5: "a revocation has occurred"
};
var PKI_FAILURE_INFO = {
  0: "unrecognized or unsupported Algorithm Identifier",
  2: "transaction not permitted or supported",
  5: "the data submitted has the wrong format",
  14: "the TSA's time source is not available",
  15: "the requested TSA policy is not supported by the TSA",
  16: "the requested extension is not supported by the TSA",
  17: "the additional information requested could not be understood or is not available",
  25: "the request cannot be handled due to system failure"
};
function invalid(message, cause) {
  return new TimestampError(
    "TSA_RESPONSE_INVALID",
    message,
    cause === void 0 ? void 0 : { cause }
  );
}
function wrapShape(what, fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TimestampError) throw err;
    throw invalid(`${what}: ${asn1FailureText(err)}`, err);
  }
}
function freeText(block) {
  if (!(block instanceof asn1js2.Utf8String))
    throw new Asn1ShapeError("PKIFreeText entry is not a UTF8String");
  return block.valueBlock.value;
}
function parseTimestampResponse(der) {
  return wrapShape("invalid timestamping response", () => {
    const top = sequence(parseOne(der, "TimeStampResp"), "TimeStampResp");
    if (top.length < 1 || top.length > 2) {
      throw new Asn1ShapeError(`TimeStampResp has ${top.length} fields, expected 1 or 2`);
    }
    const statusInfo = sequence(top[0], "PKIStatusInfo");
    const status = smallInteger(statusInfo[0], "PKIStatus");
    let statusStrings = [];
    const failInfo = [];
    for (const field of statusInfo.slice(1)) {
      if (field instanceof asn1js2.Sequence) {
        statusStrings = field.valueBlock.value.map(freeText);
      } else if (field instanceof asn1js2.BitString) {
        const bytes = field.valueBlock.valueHexView;
        const unused = field.valueBlock.unusedBits;
        const bits = bytes.length * 8 - unused;
        for (let i = 0; i < bits; i++) {
          if (((bytes[i >> 3] ?? 0) >> 7 - (i & 7) & 1) === 1) failInfo.push(i);
        }
      } else {
        throw new Asn1ShapeError("PKIStatusInfo has an unexpected field");
      }
    }
    const token = top[1] === void 0 ? void 0 : rawOf(top[1]);
    return { status, statusStrings, failInfo, ...token ? { token } : {} };
  });
}
function sanitize(text) {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}\u2026` : clean;
}
function statusError(resp) {
  const statusName = PKI_STATUS_TEXT[resp.status] ?? `unknown PKIStatus ${resp.status}`;
  let message = `invalid response with status code ${resp.status}: ${statusName}`;
  const failures = resp.failInfo.map(
    (bit) => PKI_FAILURE_INFO[bit] ?? `unknown PKIFailureInfo ${bit}`
  );
  if (failures.length > 0) message += `. Failure info: ${failures.join("; ")}`;
  if (resp.statusStrings.length > 0) {
    message += ` (TSA status text: "${sanitize(resp.statusStrings.join("; "))}")`;
  }
  return new TimestampError("TSA_STATUS", message);
}
function timestampTokenFromResponse(der) {
  const resp = parseTimestampResponse(der);
  if (resp.status !== 0 && resp.status !== 1) throw statusError(resp);
  if (resp.token === void 0) {
    throw invalid(
      "invalid timestamping response: status is granted but no TimeStampToken is present"
    );
  }
  return resp.token;
}
function attributes(block, what) {
  return children(block, what).map((attr, i) => {
    const parts = sequence(attr, `${what} attribute ${i}`);
    if (parts.length !== 2) throw new Asn1ShapeError(`${what} attribute ${i} is not {type, values}`);
    return {
      type: oid(parts[0], `${what} attribute ${i} type`),
      values: set(parts[1], `${what} attribute ${i} values`).map(rawOf)
    };
  });
}
function signedAttributesAsSet(block) {
  if (!block.lenBlock.isIndefiniteForm) {
    const raw = rawOf(block);
    const out = new Uint8Array(raw);
    out[0] = 49;
    return out;
  }
  const items = children(block, "signedAttrs");
  return new Uint8Array(new asn1js2.Set({ value: items }).toBER());
}
function signerInfo(block, index) {
  const what = `signerInfo ${index}`;
  const parts = sequence(block, what);
  let i = 0;
  const version = smallInteger(parts[i++], `${what} version`);
  const sidBlock = parts[i++];
  let sid;
  if (sidBlock instanceof asn1js2.Sequence) {
    const ias = sidBlock.valueBlock.value;
    const issuer = ias[0];
    if (ias.length !== 2 || !(issuer instanceof asn1js2.Sequence)) {
      throw new Asn1ShapeError(`${what} issuerAndSerialNumber is malformed`);
    }
    sid = {
      kind: "issuerAndSerialNumber",
      issuer: rawOf(issuer),
      serialNumber: integer(ias[1], `${what} serialNumber`)
    };
  } else if (sidBlock !== void 0 && isContext(sidBlock, 0) && !sidBlock.idBlock.isConstructed) {
    sid = {
      kind: "subjectKeyIdentifier",
      keyIdentifier: new Uint8Array(
        sidBlock.valueBlock.valueHexView ?? new Uint8Array(0)
      )
    };
  } else {
    throw new Asn1ShapeError(`${what} has an invalid signer identifier`);
  }
  const digestAlgorithm = algorithmIdentifier(parts[i++], `${what} digestAlgorithm`);
  let signedAttributes;
  let signedAttributesDer;
  const maybeAttrs = parts[i];
  if (maybeAttrs !== void 0 && isContext(maybeAttrs, 0)) {
    signedAttributes = attributes(maybeAttrs, `${what} signedAttrs`);
    signedAttributesDer = signedAttributesAsSet(maybeAttrs);
    i++;
  }
  const signatureAlgorithm = algorithmIdentifier(parts[i++], `${what} signatureAlgorithm`);
  const signature = octets(parts[i++], `${what} signature`);
  if (parts[i] !== void 0 && isContext(parts[i], 1)) i++;
  if (i !== parts.length) throw new Asn1ShapeError(`${what} has unexpected trailing fields`);
  return {
    version,
    sid,
    digestAlgorithm,
    ...signedAttributes ? { signedAttributes, signedAttributesDer } : {},
    signatureAlgorithm,
    signature
  };
}
function parseTimestampToken(der) {
  const split = splitCertificates(der);
  const token = wrapShape("cms: syntax error: invalid signed data", () => {
    const contentInfo = sequence(parseOne(split?.reduced ?? der, "ContentInfo"), "ContentInfo");
    const contentType = oid(contentInfo[0], "ContentInfo contentType");
    if (contentType !== OID.signedData) {
      throw invalid(`cms: content type is not signed-data: got ${contentType}`);
    }
    const explicit = contentInfo[1];
    if (contentInfo.length !== 2 || explicit === void 0 || !isContext(explicit, 0)) {
      throw new Asn1ShapeError("ContentInfo content is not [0] EXPLICIT");
    }
    const [sdBlock] = children(explicit, "ContentInfo content");
    const sd = sequence(sdBlock, "SignedData");
    let i = 0;
    const version = smallInteger(sd[i++], "SignedData version");
    if (version !== 3) {
      throw invalid(`cms: syntax error: unsupported signed data version: got ${version}, want 3`);
    }
    set(sd[i++], "SignedData digestAlgorithms");
    const encap = sequence(sd[i++], "encapContentInfo");
    const eContentType = oid(encap[0], "eContentType");
    let eContent = new Uint8Array(0);
    const wrapped = encap[1];
    if (wrapped !== void 0) {
      if (!isContext(wrapped, 0)) throw new Asn1ShapeError("eContent is not [0] EXPLICIT");
      const [inner] = children(wrapped, "eContent");
      eContent = octets(inner, "eContent");
    }
    const certificates = [];
    if (sd[i] !== void 0 && isContext(sd[i], 0)) {
      if (split !== void 0) certificates.push(...split.certificates);
      for (const cert of children(sd[i], "certificates")) {
        if (!(cert instanceof asn1js2.Sequence)) {
          throw invalid(
            "cms: syntax error: failed to parse X.509 certificates from signed data. Only X.509 certificates are supported"
          );
        }
        certificates.push(rawOf(cert));
      }
      i++;
    }
    if (sd[i] !== void 0 && isContext(sd[i], 1)) i++;
    const signerInfos = set(sd[i++], "SignedData signerInfos").map(signerInfo);
    if (i !== sd.length) throw new Asn1ShapeError("SignedData has unexpected trailing fields");
    return { der, signedDataVersion: version, eContentType, eContent, certificates, signerInfos };
  });
  if (token.eContentType !== OID.tstInfo) {
    throw invalid(
      `unexpected content type: ${token.eContentType}. Expected to be id-ct-TSTInfo (${OID.tstInfo})`
    );
  }
  return token;
}
function accuracy(block) {
  const result = { seconds: 0, millis: 0, micros: 0 };
  for (const part of sequence(block, "accuracy")) {
    if (part instanceof asn1js2.Integer) result.seconds = smallInteger(part, "accuracy seconds");
    else if (isContext(part, 0)) result.millis = implicitInteger(part, "accuracy millis");
    else if (isContext(part, 1)) result.micros = implicitInteger(part, "accuracy micros");
    else throw new Asn1ShapeError("accuracy has an unexpected field");
  }
  return result;
}
function parseTstInfo(eContent) {
  const info = wrapShape("cannot unmarshal TSTInfo from timestamp token", () => {
    const parts = sequence(parseOne(eContent, "TSTInfo"), "TSTInfo");
    let i = 0;
    const version = smallInteger(parts[i++], "TSTInfo version");
    const policy = oid(parts[i++], "TSTInfo policy");
    const imprint = sequence(parts[i++], "TSTInfo messageImprint");
    if (imprint.length !== 2)
      throw new Asn1ShapeError("messageImprint is not {hashAlgorithm, hashedMessage}");
    const hashAlgorithmOid = algorithmIdentifier(imprint[0], "messageImprint hashAlgorithm").oid;
    const hashedMessage = octets(imprint[1], "messageImprint hashedMessage");
    const serialNumber = integer(parts[i++], "TSTInfo serialNumber");
    const genTime = generalizedTime(parts[i++], "TSTInfo genTime");
    let acc = { seconds: 0, millis: 0, micros: 0 };
    if (parts[i] instanceof asn1js2.Sequence) acc = accuracy(parts[i++]);
    let ordering = false;
    if (isUniversal(parts[i], 1)) ordering = boolean(parts[i++], "TSTInfo ordering");
    let nonce;
    if (parts[i] instanceof asn1js2.Integer) nonce = integer(parts[i++], "TSTInfo nonce");
    if (isContext(parts[i], 0)) i++;
    if (isContext(parts[i], 1)) i++;
    if (i !== parts.length) throw new Asn1ShapeError("TSTInfo has unexpected trailing fields");
    return {
      version,
      policy,
      hashAlgorithmOid,
      hashedMessage,
      serialNumber,
      genTime,
      accuracy: acc,
      ordering,
      nonce
    };
  });
  if (info.version !== 1) {
    throw invalid(
      `invalid TSTInfo: timestamp token info version must be 1, but got ${info.version}`
    );
  }
  const hashAlgorithm = hashFromOid(info.hashAlgorithmOid);
  if (hashAlgorithm === void 0) {
    throw invalid(`invalid TSTInfo: unrecognized hash algorithm: ${info.hashAlgorithmOid}`);
  }
  return {
    version: info.version,
    policy: info.policy,
    hashAlgorithm,
    hashedMessage: info.hashedMessage,
    serialNumber: info.serialNumber,
    genTime: info.genTime.date,
    genTimeText: info.genTime.text,
    genTimeUtc: info.genTime.utc,
    accuracy: info.accuracy,
    ordering: info.ordering,
    ...info.nonce !== void 0 ? { nonce: info.nonce } : {}
  };
}
function accuracyMs(info) {
  const { seconds, millis, micros } = info.accuracy;
  if (seconds === 0 && millis === 0 && micros === 0) {
    return info.policy === OID.baselineTimestampPolicy ? 1e3 : 0;
  }
  return seconds * 1e3 + millis + micros / 1e3;
}

// src/timestamp/verify.ts
var asn1js3 = __toESM(require_build(), 1);
import { constants, verify as cryptoVerify } from "node:crypto";

// src/timestamp/parsed-token.ts
var TOKEN_CACHE_LIMIT = 128;
var tokenCache = new BoundedCache(TOKEN_CACHE_LIMIT);
function parsedTimestampToken(der) {
  return tokenCache.getOrSet(sha256Hex(der), () => {
    const token = parseTimestampToken(der);
    const tstInfo = parseTstInfo(token.eContent);
    return Object.freeze({
      token: Object.freeze({
        ...token,
        certificates: Object.freeze([...token.certificates]),
        signerInfos: Object.freeze([...token.signerInfos])
      }),
      tstInfo: Object.freeze(tstInfo)
    });
  });
}

// src/timestamp/verify.ts
var SIGNED_TOKEN = "failed to verify signed token";
var CMS = "cms verification failure";
function fail2(code, message, cause) {
  return new TimestampError(code, message, cause === void 0 ? void 0 : { cause });
}
function attribute(attrs, type) {
  return attrs?.find((a) => a.type === type)?.values[0];
}
function parseSigningCertificateV2(value) {
  const top = sequence(parseOne(value, "SigningCertificateV2"), "SigningCertificateV2");
  return sequence(top[0], "SigningCertificateV2 certs").map((item, i) => {
    const parts = sequence(item, `ESSCertIDv2 ${i}`);
    let k = 0;
    let hashOid;
    if (parts[k] instanceof asn1js3.Sequence) {
      hashOid = algorithmIdentifier(parts[k++], "ESSCertIDv2 hashAlgorithm").oid;
    }
    const certHash = octets(parts[k++], "ESSCertIDv2 certHash");
    let issuerSerial;
    if (parts[k] !== void 0) {
      const is = sequence(parts[k++], "IssuerSerial");
      const names = sequence(is[0], "IssuerSerial issuer");
      const first = names[0];
      let issuer;
      if (first !== void 0 && isContext(first, 4)) {
        const inner = first.valueBlock.value?.[0];
        if (inner !== void 0) issuer = rawOf(inner);
      }
      issuerSerial = {
        ...issuer ? { issuer } : {},
        serialNumber: integer(is[1], "IssuerSerial serialNumber")
      };
    }
    return { ...hashOid ? { hashOid } : {}, certHash, ...issuerSerial ? { issuerSerial } : {} };
  });
}
function serialOf(cert) {
  return BigInt(`0x${cert.serialNumber || "0"}`);
}
function signingCertificate(si, certs) {
  const value = attribute(si.signedAttributes, OID.signingCertificateV2);
  if (value === void 0) {
    const onlyV1 = attribute(si.signedAttributes, OID.signingCertificate) !== void 0;
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: failed to get SigningCertificateV2 from signed attributes: attribute not found${onlyV1 ? " (the token has only the v1 signingCertificate attribute; Notary requires signingCertificateV2)" : ""}`
    );
  }
  let ids;
  try {
    ids = parseSigningCertificateV2(value);
  } catch (err) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: failed to get SigningCertificateV2 from signed attributes: ${asn1FailureText(err)}`,
      err
    );
  }
  const first = ids[0];
  if (first === void 0) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: signingCertificateV2 does not contain any certificate`
    );
  }
  let candidate;
  if (first.issuerSerial !== void 0) {
    const { issuer, serialNumber } = first.issuerSerial;
    if (issuer === void 0) {
      throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: issuer name is missing in IssuerSerial`);
    }
    candidate = certs.find((c) => bytesEqual(c.rawIssuer, issuer) && serialOf(c) === serialNumber);
  } else if (si.sid.kind === "issuerAndSerialNumber") {
    const { issuer, serialNumber } = si.sid;
    candidate = certs.find((c) => bytesEqual(c.rawIssuer, issuer) && serialOf(c) === serialNumber);
  }
  if (candidate === void 0) {
    throw fail2(
      "TSA_SIGNER_NOT_FOUND",
      `${SIGNED_TOKEN}: signing certificate not found in the timestamp token`
    );
  }
  let hash = "SHA-256";
  if (first.hashOid !== void 0) {
    const named = hashFromOid(first.hashOid);
    if (named === void 0) {
      throw fail2(
        "TSA_SIGNATURE_INVALID",
        `${SIGNED_TOKEN}: unsupported certificate hash algorithm in SigningCertificateV2 attribute`
      );
    }
    hash = named;
  }
  if (!bytesEqual(digest(hash, candidate.der), first.certHash)) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: signing certificate hash does not match CertHash in signed attribute`
    );
  }
  return candidate;
}
var MAX_PATH_LENGTH = 8;
var MAX_PATHS = 16;
function buildPaths(leaf, intermediates, roots) {
  const paths = [];
  const issues = (child, parent) => bytesEqual(child.rawIssuer, parent.rawSubject) && signatureCheck(child, parent) === "ok";
  const visit = (path) => {
    if (paths.length >= MAX_PATHS) return;
    const cur = path[path.length - 1];
    if (roots.some((r) => bytesEqual(r.der, cur.der))) {
      paths.push(path);
      return;
    }
    for (const root of roots) {
      if (issues(cur, root)) paths.push([...path, root]);
    }
    if (path.length >= MAX_PATH_LENGTH) return;
    for (const next of intermediates) {
      if (next.selfIssued || path.some((p) => bytesEqual(p.der, next.der))) continue;
      if (issues(cur, next)) visit([...path, next]);
    }
  };
  visit([leaf]);
  return paths;
}
function ekuNestingAllows(path) {
  return path.slice(1).every((c) => {
    const eku = c.extendedKeyUsage;
    return !eku.present || eku.oids.includes(OID.timeStamping) || eku.oids.includes("2.5.29.37.0");
  });
}
function unanchoredLeaf(signer, genTime) {
  const eku = signer.extendedKeyUsage;
  if (!eku.present || !eku.critical || eku.oids.length !== 1 || eku.oids[0] !== OID.timeStamping) {
    throw fail2(
      "TSA_CERT_INVALID",
      `timestamp signing certificate "${signer.subject}" must have exactly one extended key usage, timeStamping, marked critical`
    );
  }
  if (signer.keySpec === void 0) {
    throw fail2(
      "TSA_CERT_INVALID",
      `timestamp signing certificate "${signer.subject}" has an unsupported key`
    );
  }
  if (genTime < signer.notBefore || genTime > signer.notAfter) {
    throw fail2(
      "TSA_CERT_INVALID",
      `timestamp signing certificate "${signer.subject}" is not valid at genTime ${genTime.toISOString()}`
    );
  }
  return [signer];
}
function trustedChain(signer, certs, roots, genTime) {
  const paths = buildPaths(signer, certs, roots);
  if (paths.length === 0) {
    throw fail2(
      "TSA_UNTRUSTED",
      `${SIGNED_TOKEN}: ${CMS}: x509: certificate signed by unknown authority (no path from TSA certificate "${signer.subject}" to a trusted TSA root)`
    );
  }
  let firstError;
  for (const path of paths) {
    if (!ekuNestingAllows(path)) {
      firstError ??= fail2(
        "TSA_CERT_INVALID",
        `${SIGNED_TOKEN}: ${CMS}: x509: certificate specifies an incompatible key usage (a CA certificate in the TSA chain does not allow timeStamping)`
      );
      continue;
    }
    try {
      validateTimestampingChain(path, { signingTime: genTime });
      return path;
    } catch (err) {
      firstError ??= fail2(
        "TSA_CERT_INVALID",
        `failed to validate the timestamping certificate chain at genTime ${genTime.toISOString()}: ${err.message}`,
        err
      );
    }
  }
  throw firstError;
}
function signatureScheme(si) {
  const digestHash = hashFromOid(si.digestAlgorithm.oid);
  switch (si.signatureAlgorithm.oid) {
    case OID.rsaEncryption:
      return digestHash && { kind: "pkcs1", hash: digestHash };
    case OID.rsassaPss:
      return digestHash && { kind: "pss", hash: digestHash };
    case OID.sha256WithRSA:
      return { kind: "pkcs1", hash: "SHA-256" };
    case OID.sha384WithRSA:
      return { kind: "pkcs1", hash: "SHA-384" };
    case OID.sha512WithRSA:
      return { kind: "pkcs1", hash: "SHA-512" };
    case OID.ecdsaWithSHA256:
      return { kind: "ecdsa", hash: "SHA-256" };
    case OID.ecdsaWithSHA384:
      return { kind: "ecdsa", hash: "SHA-384" };
    case OID.ecdsaWithSHA512:
      return { kind: "ecdsa", hash: "SHA-512" };
    default:
      return void 0;
  }
}
function checkSignature(si, token, cert) {
  const scheme = signatureScheme(si);
  if (scheme === void 0) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: unknown signature algorithm (signature ${si.signatureAlgorithm.oid}, digest ${si.digestAlgorithm.oid})`
    );
  }
  const key = cert.publicKey;
  const keyType = key.asymmetricKeyType;
  const wantsRsa = scheme.kind !== "ecdsa";
  if (wantsRsa && keyType !== "rsa" && keyType !== "rsa-pss" || !wantsRsa && keyType !== "ec") {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: x509: signature algorithm specifies ${wantsRsa ? "an RSA" : "an ECDSA"} public key, but the signing certificate has a ${keyType ?? "unknown"} key`
    );
  }
  const signed = si.signedAttributesDer ?? token.eContent;
  let ok;
  try {
    ok = scheme.kind === "pss" ? cryptoVerify(
      nodeHashName(scheme.hash),
      signed,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashLength(scheme.hash) },
      si.signature
    ) : cryptoVerify(
      nodeHashName(scheme.hash),
      signed,
      scheme.kind === "pkcs1" ? { key, padding: constants.RSA_PKCS1_PADDING } : key,
      si.signature
    );
  } catch {
    ok = false;
  }
  if (!ok) {
    const reason = scheme.kind === "ecdsa" ? "x509: ECDSA verification failure" : "crypto/rsa: verification error";
    throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: ${CMS}: ${reason}`);
  }
}
function checkSignedAttributes(si, token, chain) {
  const attrs = si.signedAttributes;
  if (attrs === void 0 || attrs.length === 0) {
    throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: ${CMS}: missing signed attributes`);
  }
  const ct = attribute(attrs, OID.contentType);
  let contentType;
  try {
    if (ct === void 0) throw new Asn1ShapeError("attribute not found");
    contentType = oid(parseOne(ct, "contentType"), "contentType");
  } catch (err) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: invalid content type: ${asn1FailureText(err)}`,
      err
    );
  }
  if (contentType !== token.eContentType) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: mismatch content type: found "${contentType}" in signer info, and "${token.eContentType}" in signed data`
    );
  }
  const md = attribute(attrs, OID.messageDigest);
  let expected;
  try {
    if (md === void 0) throw new Asn1ShapeError("attribute not found");
    expected = octets(parseOne(md, "messageDigest"), "messageDigest");
  } catch (err) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: invalid message digest: ${asn1FailureText(err)}`,
      err
    );
  }
  const hash = hashFromOid(si.digestAlgorithm.oid);
  if (hash === void 0) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: unsupported digest algorithm ${si.digestAlgorithm.oid}`
    );
  }
  if (!bytesEqual(expected, digest(hash, token.eContent))) {
    throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: ${CMS}: mismatch message digest`);
  }
  const st = attribute(attrs, OID.signingTime);
  if (st !== void 0) {
    let signingTime;
    try {
      signingTime = anyTime(parseOne(st, "signingTime"), "signingTime");
    } catch (err) {
      throw fail2(
        "TSA_SIGNATURE_INVALID",
        `${SIGNED_TOKEN}: ${CMS}: invalid signing time: ${asn1FailureText(err)}`,
        err
      );
    }
    const t = signingTime.getTime();
    if (chain.some((c) => t < c.notBefore.getTime() || t > c.notAfter.getTime())) {
      throw fail2(
        "TSA_SIGNATURE_INVALID",
        `${SIGNED_TOKEN}: ${CMS}: signing time, ${signingTime.toISOString()}, is outside certificate's validity period`
      );
    }
  }
}
function parseCerts(ders, what, code) {
  return ders.map((der, i) => {
    try {
      return parseCertificate(der);
    } catch (err) {
      throw fail2(code, `${what} [${i}] cannot be parsed as an X.509 certificate`, err);
    }
  });
}
function nonceValue(nonce) {
  return typeof nonce === "bigint" ? nonce : bigintFromUnsigned(nonce);
}
function verifyTimestampToken(options) {
  const { token, tstInfo: info } = parsedTimestampToken(options.token);
  if (options.expectedHash !== void 0 && info.hashAlgorithm !== options.expectedHash) {
    throw fail2(
      "TSA_IMPRINT_MISMATCH",
      `invalid TSTInfo: the message imprint uses ${info.hashAlgorithm}, expected ${options.expectedHash}`
    );
  }
  if (!bytesEqual(info.hashedMessage, digest(info.hashAlgorithm, options.message))) {
    throw fail2("TSA_IMPRINT_MISMATCH", "invalid TSTInfo: mismatched message");
  }
  if (options.nonce !== void 0) {
    const want = nonceValue(options.nonce);
    if (info.nonce !== want) {
      throw fail2(
        "TSA_NONCE_MISMATCH",
        `nonce in response ${info.nonce === void 0 ? "<nil>" : info.nonce.toString()} does not match nonce in request ${want.toString()}`
      );
    }
  }
  const unanchored = options.roots.length === 0 && options.allowUnanchored === true;
  if (options.roots.length === 0 && !unanchored) {
    throw fail2(
      "TSA_UNTRUSTED",
      "no trusted TSA root certificate was given (tsa trust store is empty)"
    );
  }
  const roots = parseCerts(options.roots, "TSA root certificate", "TSA_UNTRUSTED");
  const certs = parseCerts(
    token.certificates,
    "timestamp token certificate",
    "TSA_RESPONSE_INVALID"
  );
  if (token.signerInfos.length === 0) {
    throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: signerInfo not found`);
  }
  let lastError;
  let chain;
  for (const si of token.signerInfos) {
    try {
      const signer = signingCertificate(si, certs);
      if (si.version !== 1) {
        throw fail2(
          "TSA_SIGNATURE_INVALID",
          `${SIGNED_TOKEN}: ${CMS}: invalid signer info version: only version 1 is supported; got ${si.version}`
        );
      }
      const path = unanchored ? unanchoredLeaf(signer, info.genTime) : trustedChain(signer, certs, roots, info.genTime);
      checkSignature(si, token, signer);
      checkSignedAttributes(si, token, path);
      chain = path;
      break;
    } catch (err) {
      lastError = err;
    }
  }
  if (chain === void 0) throw lastError;
  const accuracy2 = accuracyMs(info);
  if (options.maxClockSkewMs !== void 0) {
    if (options.now === void 0) {
      throw fail2("TSA_REQUEST", "maxClockSkewMs needs the current time (now)");
    }
    const delta = info.genTime.getTime() - options.now.getTime();
    if (Math.abs(delta) > options.maxClockSkewMs + accuracy2) {
      throw fail2(
        "TSA_TIME",
        `timestamp genTime ${info.genTime.toISOString()} is ${Math.round(Math.abs(delta) / 1e3)} s ${delta < 0 ? "behind" : "ahead of"} the local clock ${options.now.toISOString()}; the allowed skew is ${Math.round(options.maxClockSkewMs / 1e3)} s`
      );
    }
  }
  return {
    genTime: new Date(info.genTime),
    accuracyMs: accuracy2,
    hashAlgorithm: info.hashAlgorithm,
    tsaChain: chain.map((c) => c.der),
    policy: info.policy,
    serialNumber: info.serialNumber.toString(16),
    tstInfo: { ...info, genTime: new Date(info.genTime) }
  };
}

// src/envelope/signature.ts
function verifyEnvelopeSignature(parsed) {
  const leafDer = parsed.certificateChain[0];
  if (!leafDer) {
    throw new EnvelopeError("ENVELOPE_CERTIFICATE_CHAIN", "the envelope has no leaf certificate");
  }
  const leaf = parseCertificate(leafDer);
  const expected = algorithmForKeySpec(
    keySpecOfKey(leaf.publicKey, `leaf certificate "${leaf.subject}"`)
  );
  if (expected !== parsed.algorithm) {
    throw new EnvelopeError(
      "ENVELOPE_ALGORITHM_MISMATCH",
      `the envelope says ${parsed.algorithm} but the leaf certificate "${leaf.subject}" key requires ${expected}`
    );
  }
  return verifyRaw(parsed.algorithm, leaf.publicKey, parsed.toBeSigned, parsed.signature);
}

export {
  policyDn,
  policySubject,
  MEDIA_TYPE,
  EMPTY_CONFIG,
  SIGNING_SCHEME,
  MANIFEST_ACCEPT,
  LIMITS,
  toDescriptor,
  parseJsonObject,
  toImageManifest,
  toImageIndex,
  referrersTag,
  referrerDescriptor,
  mergeReferrers,
  encodeReferrersIndex,
  TimestampError,
  oidOfHash,
  digest,
  integerContents,
  bigintFromUnsigned,
  timestampTokenFromResponse,
  parseTimestampToken,
  parseTstInfo,
  verifyTimestampToken,
  HEADER,
  truncateToSeconds,
  encodeProtectedHeader,
  sigStructure,
  encodeCoseSign1,
  goJsonBytes,
  base64UrlEncode,
  encodeJwsProtectedHeader,
  canonicalJwsPayload,
  jwsSigningInput,
  encodeJwsEnvelope,
  decodeEnvelope,
  verifyEnvelopeSignature,
  NotaryError,
  buildSignatureManifest,
  parseSignatureManifest,
  mapBounded,
  createLimiter,
  VerifyCommandError
};
