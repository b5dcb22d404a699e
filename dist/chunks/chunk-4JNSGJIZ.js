#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  SigningError,
  parseKeyVaultId
} from "./chunk-3OJY5NLF.js";
import {
  DEFAULT_API_VERSION,
  KNOWN_API_VERSIONS,
  VERSION,
  checkArtifactSigningEndpoint
} from "./chunk-RYYQUOBX.js";
import {
  derToPem,
  parsePemBlocks,
  pemToCertificates
} from "./chunk-FSGMHXRN.js";
import {
  EMPTY_CONFIG,
  LIMITS,
  MANIFEST_ACCEPT,
  MEDIA_TYPE,
  NotaryError,
  TimestampError,
  base64UrlEncode,
  bigintFromUnsigned,
  buildSignatureManifest,
  canonicalJwsPayload,
  createLimiter,
  decodeEnvelope,
  digest,
  encodeCoseSign1,
  encodeJwsEnvelope,
  encodeJwsProtectedHeader,
  encodeProtectedHeader,
  encodeReferrersIndex,
  goJsonBytes,
  integerContents,
  jwsSigningInput,
  mergeReferrers,
  oidOfHash,
  parseJsonObject,
  parseTimestampToken,
  parseTstInfo,
  policyDn,
  policySubject,
  referrerDescriptor,
  referrersTag,
  sigStructure,
  timestampTokenFromResponse,
  toImageIndex,
  toImageManifest,
  truncateToSeconds,
  verifyEnvelopeSignature,
  verifyTimestampToken
} from "./chunk-TRVYRA5U.js";
import {
  signRaw,
  validateCodeSigningChain,
  verifyRaw
} from "./chunk-FFORUPRV.js";
import {
  algorithmForKeySpec,
  hashForAlgorithm,
  keySpecOfKey,
  parseCertificate,
  parseNameAttributes
} from "./chunk-XHYYKEXA.js";
import {
  require_build2 as require_build
} from "./chunk-BAB72OL5.js";
import {
  audienceForAuthority,
  entraSettings
} from "./chunk-STL7ZK5Y.js";
import {
  DOCKER_HUB,
  RegistryError,
  ZERO_DIGEST,
  apiHost,
  credentialKey,
  digestOf,
  isDigest,
  isLoopback,
  parseDigest,
  parseReference,
  repositoryName,
  verifyDigest
} from "./chunk-ESYIPS4F.js";
import {
  TransportError,
  createTransport,
  isRetryableStatus,
  redactUrl,
  retryAfterMs
} from "./chunk-XILONWW5.js";
import {
  silentLogger
} from "./chunk-2PJ7T2FO.js";
import {
  ActionError,
  ConfigError
} from "./chunk-TW4RF5XT.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/config/inputs.ts
var SIGN_INPUTS = [
  "images",
  "artifact-signing-endpoint",
  "artifact-signing-account",
  "artifact-signing-certificate-profile",
  "artifact-signing-api-version",
  "artifact-signing-timeout",
  "azure-key-vault-key-id",
  "azure-key-vault-certificate-chain",
  "allow-untrusted-endpoint",
  "azure-client-id",
  "azure-tenant-id",
  "azure-authority-host",
  "signing-key",
  "signing-certificate-chain",
  "timestamp-url",
  "timestamp-root-certificate",
  "signature-format",
  "signature-manifest",
  "expiry",
  "user-metadata",
  "referrers",
  "recursive",
  "skip-if-signed",
  "registry-username",
  "registry-password",
  "insecure-registries",
  "trust-policy",
  "trust-store",
  "max-signatures",
  "concurrency",
  "show-summary"
];
var VERIFY_INPUTS = [
  "images",
  "trust-policy",
  "trust-store",
  "user-metadata",
  "max-signatures",
  "registry-username",
  "registry-password",
  "insecure-registries",
  "azure-client-id",
  "azure-tenant-id",
  "azure-authority-host",
  "concurrency",
  "show-summary"
];
var INPUT_DEFAULTS = {
  "artifact-signing-api-version": DEFAULT_API_VERSION,
  "artifact-signing-timeout": "60s",
  "signature-format": "cose",
  "signature-manifest": "image-manifest-legacy",
  referrers: "auto",
  recursive: "false",
  "skip-if-signed": "false",
  "allow-untrusted-endpoint": "false",
  "max-signatures": "100",
  // Each image's sign (or verify) is a chain of dependent round trips that mostly waits on the
  // network: 10 in flight sign 20 images in about twice the time of one (bench/latency.ts).
  // Throttling registries and signing services answer 429 + Retry-After, which is honoured.
  concurrency: "10",
  "show-summary": "true"
};
function readRawInputs(names, getInput) {
  const raw = {};
  for (const name of names) raw[name] = getInput(name).trim();
  return raw;
}

// src/config/config.ts
var MICROSOFT_TSA_URL = "http://timestamp.acs.microsoft.com/";
var DEFAULT_MAX_SIGNATURES = Number(INPUT_DEFAULTS["max-signatures"]);
var DEFAULT_AS_API_VERSION = DEFAULT_API_VERSION;
var AS_API_VERSIONS = KNOWN_API_VERSIONS;
function parseList(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== "" && !s.startsWith("#"));
}
function parseBoolean(name, value, fallback) {
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new ConfigError("INPUT_INVALID", `input ${name} must be true or false, got "${value}"`);
}
function parseChoice(name, value, choices, fallback) {
  if (value === "") return fallback;
  if (choices.includes(value)) return value;
  throw new ConfigError(
    "INPUT_INVALID",
    `input ${name} must be one of ${choices.join(", ")}, got "${value}"`
  );
}
function parseInteger(name, value, fallback, min, max) {
  if (value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(
      "INPUT_INVALID",
      `input ${name} must be a whole number from ${min} to ${max}, got "${value}"`
    );
  }
  return Number(value);
}
function parseDuration(name, value) {
  const unit = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  const parts = [...value.matchAll(/(\d+)([smhdw])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== value) {
    throw new ConfigError(
      "INPUT_INVALID",
      `input ${name} must be a duration such as 90s, 30m, 12h, 7d, 2w or 1d12h, got "${value}"`
    );
  }
  const seconds = parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2]], 0);
  if (seconds <= 0) throw new ConfigError("INPUT_INVALID", `input ${name} must be longer than zero`);
  if (!(seconds <= MAX_DURATION_SECONDS)) {
    throw new ConfigError(
      "INPUT_INVALID",
      `input ${name} must be at most ${MAX_DURATION_SECONDS}s (about 292 years: Go's longest time.Duration, the type of notation's --expiry), got "${value}"`
    );
  }
  return seconds;
}
var MAX_DURATION_SECONDS = 9223372036;
function parseUserMetadata(name, value) {
  const out = /* @__PURE__ */ new Map();
  const lines = value.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "" && !s.startsWith("#"));
  for (const line of lines) {
    const eq = line.indexOf("=");
    if (eq <= 0) {
      throw new ConfigError(
        "INPUT_INVALID",
        `input ${name}: "${line}" is not of the form key=value (one entry per line)`
      );
    }
    const key = line.slice(0, eq).trim();
    if (out.has(key))
      throw new ConfigError("INPUT_INVALID", `input ${name}: key "${key}" is given twice`);
    if (key.startsWith("io.cncf.notary")) {
      throw new ConfigError(
        "INPUT_INVALID",
        `input ${name}: key "${key}" uses the reserved prefix io.cncf.notary`
      );
    }
    out.set(key, line.slice(eq + 1).trim());
  }
  return out;
}
function requireImages(raw) {
  const images = parseList(raw.images);
  if (images.length === 0) {
    throw new ConfigError(
      "INPUT_MISSING",
      "input images is required: give one or more image references (tags or digests), one per line",
      {
        remedy: "set `images: registry.example.com/app@sha256:\u2026` (or a tag; it is resolved to its digest)"
      }
    );
  }
  return images;
}
function bothOrNeither(raw, a, b) {
  if (raw[a] === "" !== (raw[b] === "")) {
    const missing = raw[a] === "" ? a : b;
    throw new ConfigError(
      "INPUT_CONFLICT",
      `inputs ${a} and ${b} go together: ${missing} is missing`
    );
  }
}
function registryConfig(raw) {
  bothOrNeither(raw, "registry-username", "registry-password");
  return {
    ...raw["registry-username"] === "" ? {} : { username: raw["registry-username"], password: raw["registry-password"] },
    insecureRegistries: parseRegistryHosts("insecure-registries", raw["insecure-registries"])
  };
}
var REGISTRY_HOST = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?))*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;
function parseRegistryHosts(name, value) {
  const hosts = parseList(value);
  for (const host of hosts) {
    const match = REGISTRY_HOST.exec(host);
    const port = match?.[1] === void 0 ? void 0 : Number(match[1]);
    if (match !== null && (port === void 0 || port >= 1 && port <= 65535)) continue;
    const hint = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? ": give the host, without a scheme (e.g. registry.local:5000)" : host.includes("/") ? ": give the host only, without a path" : host.includes("*") ? ": wildcards are not supported, list each host" : ": expected host or host:port (port 1-65535)";
    throw new ConfigError("INPUT_INVALID", `input ${name}: "${host}" is not a registry host${hint}`);
  }
  return hosts;
}
function azureConfig(raw) {
  return {
    ...raw["azure-client-id"] === "" ? {} : { clientId: raw["azure-client-id"] },
    ...raw["azure-tenant-id"] === "" ? {} : { tenantId: raw["azure-tenant-id"] },
    ...raw["azure-authority-host"] === "" ? {} : { authorityHost: raw["azure-authority-host"] }
  };
}
function verifyConfig(raw, required) {
  if (raw["trust-policy"] === "") {
    if (required) {
      throw new ConfigError(
        "INPUT_MISSING",
        "input trust-policy is required: give a notation trust policy (inline JSON/YAML or a path)"
      );
    }
    if (raw["trust-store"] !== "") {
      throw new ConfigError(
        "INPUT_CONFLICT",
        "input trust-store is set but trust-policy is not: verification needs both"
      );
    }
    return void 0;
  }
  return {
    trustPolicy: raw["trust-policy"],
    trustStore: raw["trust-store"],
    userMetadata: parseUserMetadata("user-metadata", raw["user-metadata"]),
    maxSignatures: parseInteger(
      "max-signatures",
      raw["max-signatures"],
      DEFAULT_MAX_SIGNATURES,
      1,
      1e4
    )
  };
}
function parseSignConfig(raw) {
  const images = requireImages(raw);
  const asInputs = [
    "artifact-signing-endpoint",
    "artifact-signing-account",
    "artifact-signing-certificate-profile"
  ];
  const asGiven = asInputs.filter((n) => raw[n] !== "");
  const localGiven = ["signing-key", "signing-certificate-chain"].filter(
    (n) => raw[n] !== ""
  );
  const kvGiven = ["azure-key-vault-key-id", "azure-key-vault-certificate-chain"].filter(
    (n) => raw[n] !== ""
  );
  const families = [asGiven, localGiven, kvGiven].filter((g) => g.length > 0);
  const allowUntrusted = parseBoolean(
    "allow-untrusted-endpoint",
    raw["allow-untrusted-endpoint"] || INPUT_DEFAULTS["allow-untrusted-endpoint"],
    false
  );
  let signer;
  if (families.length > 1) {
    throw new ConfigError(
      "INPUT_CONFLICT",
      `give only one signer (the artifact-signing-* inputs, signing-key with signing-certificate-chain, or azure-key-vault-key-id), got ${families.flat().join(", ")}`
    );
  } else if (asGiven.length > 0) {
    const missing = asInputs.filter((n) => raw[n] === "");
    if (missing.length > 0) {
      throw new ConfigError(
        "INPUT_MISSING",
        `Artifact Signing needs ${asInputs.join(", ")}: missing ${missing.join(", ")}`
      );
    }
    checkArtifactSigningEndpoint(raw["artifact-signing-endpoint"], allowUntrusted);
    signer = {
      kind: "artifact-signing",
      endpoint: raw["artifact-signing-endpoint"],
      allowUntrustedEndpoint: allowUntrusted,
      account: raw["artifact-signing-account"],
      certificateProfile: raw["artifact-signing-certificate-profile"],
      apiVersion: parseChoice(
        "artifact-signing-api-version",
        raw["artifact-signing-api-version"],
        AS_API_VERSIONS,
        DEFAULT_AS_API_VERSION
      ),
      timeoutMs: parseDuration(
        "artifact-signing-timeout",
        raw["artifact-signing-timeout"] || INPUT_DEFAULTS["artifact-signing-timeout"]
      ) * 1e3
    };
  } else if (localGiven.length > 0) {
    bothOrNeither(raw, "signing-key", "signing-certificate-chain");
    signer = {
      kind: "local-key",
      key: raw["signing-key"],
      certificateChain: raw["signing-certificate-chain"]
    };
  } else if (kvGiven.length > 0) {
    if (raw["azure-key-vault-key-id"] === "") {
      throw new ConfigError(
        "INPUT_MISSING",
        "input azure-key-vault-certificate-chain is set but azure-key-vault-key-id is not: the chain belongs to a Key Vault key"
      );
    }
    parseKeyVaultId(raw["azure-key-vault-key-id"], { allowUntrusted });
    signer = {
      kind: "key-vault",
      keyId: raw["azure-key-vault-key-id"],
      ...raw["azure-key-vault-certificate-chain"] === "" ? {} : { certificateChain: raw["azure-key-vault-certificate-chain"] },
      allowUntrustedEndpoint: allowUntrusted
    };
  } else {
    throw new ConfigError(
      "INPUT_MISSING",
      "no signer: set artifact-signing-endpoint, artifact-signing-account and artifact-signing-certificate-profile (Azure Artifact Signing), signing-key and signing-certificate-chain (a local key), or azure-key-vault-key-id (Azure Key Vault)"
    );
  }
  if (signer.kind !== "artifact-signing") {
    for (const n of ["artifact-signing-api-version", "artifact-signing-timeout"]) {
      if (raw[n] !== "" && raw[n] !== INPUT_DEFAULTS[n])
        throw new ConfigError(
          "INPUT_NOT_APPLICABLE",
          `input ${n} applies to Artifact Signing only, but ${signer.kind === "local-key" ? "a local key" : "Azure Key Vault"} is used`
        );
    }
  }
  if (signer.kind === "local-key" && raw["allow-untrusted-endpoint"] !== "" && // The runner passes action.yml's default 'false' on every run: that is not the user's choice.
  raw["allow-untrusted-endpoint"] !== INPUT_DEFAULTS["allow-untrusted-endpoint"]) {
    throw new ConfigError(
      "INPUT_NOT_APPLICABLE",
      "input allow-untrusted-endpoint applies to the Artifact Signing and Azure Key Vault endpoints only, but a local key is used"
    );
  }
  const tsaUrls = raw["timestamp-url"] === "none" ? [] : parseList(raw["timestamp-url"]);
  if (tsaUrls.length === 0 && signer.kind === "artifact-signing" && raw["timestamp-url"] !== "none") {
    tsaUrls.push(MICROSOFT_TSA_URL);
  }
  for (const u of tsaUrls) {
    if (!/^https?:\/\/[^\s/]+/.test(u))
      throw new ConfigError("INPUT_INVALID", `input timestamp-url: "${u}" is not an http(s) URL`);
  }
  if (tsaUrls.length === 0 && raw["timestamp-root-certificate"] !== "") {
    throw new ConfigError(
      "INPUT_CONFLICT",
      "input timestamp-root-certificate is set but no timestamp-url is used"
    );
  }
  const format = parseChoice(
    "signature-format",
    raw["signature-format"],
    ["cose", "jws"],
    INPUT_DEFAULTS["signature-format"]
  );
  const verify = verifyConfig(raw, false);
  return {
    images,
    signer,
    azure: azureConfig(raw),
    ...tsaUrls.length === 0 ? {} : {
      timestamp: {
        urls: tsaUrls,
        ...raw["timestamp-root-certificate"] === "" ? {} : { rootCertificate: raw["timestamp-root-certificate"] }
      }
    },
    signatureFormat: format,
    manifestForm: parseChoice(
      "signature-manifest",
      raw["signature-manifest"],
      ["image-manifest-legacy", "artifact-type"],
      INPUT_DEFAULTS["signature-manifest"]
    ),
    ...raw.expiry === "" ? {} : { expirySeconds: parseDuration("expiry", raw.expiry) },
    userMetadata: parseUserMetadata("user-metadata", raw["user-metadata"]),
    referrers: parseChoice(
      "referrers",
      raw.referrers,
      ["auto", "api", "tag"],
      INPUT_DEFAULTS.referrers
    ),
    recursive: parseBoolean("recursive", raw.recursive || INPUT_DEFAULTS.recursive, false),
    skipIfSigned: parseBoolean(
      "skip-if-signed",
      raw["skip-if-signed"] || INPUT_DEFAULTS["skip-if-signed"],
      false
    ),
    registry: registryConfig(raw),
    ...verify === void 0 ? {} : { verify },
    ...runOptions(raw)
  };
}
function runOptions(raw) {
  return {
    concurrency: parseInteger(
      "concurrency",
      raw.concurrency,
      Number(INPUT_DEFAULTS.concurrency),
      1,
      32
    ),
    showSummary: parseBoolean(
      "show-summary",
      raw["show-summary"] || INPUT_DEFAULTS["show-summary"],
      true
    )
  };
}
function parseVerifyConfig(raw) {
  const images = requireImages(raw);
  return {
    images,
    verify: verifyConfig(raw, true),
    azure: azureConfig(raw),
    registry: registryConfig(raw),
    ...runOptions(raw)
  };
}

// src/report/verification-hint.ts
var HINT_STORE_NAME = "oci-notary";
var HINT_POLICY_NAME = "oci-notary-signed";
var unique = (values) => [...new Set(values)];
function verificationHint(signed, options = {}) {
  const first = signed[0];
  if (first === void 0) return void 0;
  const signing = signed.find((s) => s.trustAnchors.signing)?.trustAnchors.signing;
  const timestamped = signed.every((s) => s.timestamp !== void 0);
  const fromToken = signed.find((s) => s.trustAnchors.timestamp)?.trustAnchors.timestamp;
  const tsa = fromToken?.pem === void 0 ? options.timestampRoot ?? fromToken : fromToken;
  const certificates = [];
  if (signing) {
    certificates.push({
      type: "ca",
      store: HINT_STORE_NAME,
      file: "signing-root.pem",
      anchor: signing
    });
  }
  if (timestamped && tsa) {
    certificates.push({ type: "tsa", store: HINT_STORE_NAME, file: "tsa-root.pem", anchor: tsa });
  }
  return {
    trustPolicy: {
      version: "1.0",
      trustPolicies: [
        {
          name: HINT_POLICY_NAME,
          registryScopes: unique(signed.map((s) => s.repository)),
          signatureVerification: { level: "strict" },
          // A timestamp is checked against the tsa store; it is what keeps a signature valid
          // after its certificate expires (Artifact Signing certificates live 72 hours).
          trustStores: [
            `ca:${HINT_STORE_NAME}`,
            ...timestamped ? [`tsa:${HINT_STORE_NAME}`] : []
          ],
          trustedIdentities: unique(signed.map((s) => `x509.subject: ${s.signer}`))
        }
      ]
    },
    certificates,
    commands: unique(signed.map((s) => `notation verify ${s.repository}@${s.digest}`))
  };
}
function certificateSteps(c) {
  const where = `x509/${c.type}/${c.store}/${c.file}`;
  if (c.anchor.pem === void 0) {
    return [
      `# ${c.type} root: "${c.anchor.subject}" (not in the signature; obtain it from its issuer,`,
      `# README "Trust material" lists Microsoft's), save it as ${c.file}, then:`,
      `notation cert add --type ${c.type} --store ${c.store} ${c.file}   # -> truststore/${where}`
    ];
  }
  return [
    `# ${c.type} root: ${c.anchor.subject} (SHA-256 ${c.anchor.sha256 ?? "unknown"})`,
    `cat > ${c.file} <<'PEM'`,
    c.anchor.pem.trimEnd(),
    "PEM",
    `notation cert add --type ${c.type} --store ${c.store} ${c.file}   # -> truststore/${where}`
  ];
}
function renderVerificationHint(hint) {
  return [
    "# Verify with notation: trust the root(s), import the trust policy, verify each digest.",
    "# The same trustpolicy.json and truststore/ layout work as the trust-policy and",
    "# trust-store inputs of this action (or oci-notary verify).",
    ...hint.certificates.flatMap(certificateSteps),
    "cat > trustpolicy.json <<'JSON'",
    JSON.stringify(hint.trustPolicy, null, 2),
    "JSON",
    "notation policy import --force trustpolicy.json",
    ...hint.commands
  ].join("\n");
}

// src/x509/anchor.ts
function trustAnchorOf(ders) {
  const certs = ders.map((der) => ({ der, info: parseCertificate(der) }));
  const root = certs.find((c) => c.info.selfSigned);
  if (root !== void 0) {
    return { subject: policySubject(root.info), sha256: root.info.sha256, pem: derToPem(root.der) };
  }
  const top = certs.find(
    (c) => certs.every(
      (other) => other === c || !Buffer.from(other.info.rawSubject).equals(Buffer.from(c.info.rawIssuer))
    )
  );
  const last = top ?? certs.at(-1);
  return last === void 0 ? void 0 : { subject: policyDn(parseNameAttributes(last.info.rawIssuer)) };
}

// src/commands/hint.ts
function verificationHintFor(result) {
  const timestampRoot = trustAnchorOf(result.timestampRoots);
  return verificationHint(result.signed, timestampRoot ? { timestampRoot } : {});
}

// src/oci/challenge.ts
function splitItems(header) {
  const items = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (quoted && c === "\\" && i + 1 < header.length) {
      current += c + header[i + 1];
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === "," && !quoted) {
      items.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}
function unquote(value) {
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    return value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return value;
}
var T = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
var PARAM = new RegExp(`^(${T})\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|[^\\s]*)$`);
var SCHEME_AND_PARAM = new RegExp(`^(${T})\\s+(${T})\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|[^\\s]*)$`);
var SCHEME_ONLY = new RegExp(`^(${T})$`);
var SCHEME_AND_TOKEN68 = new RegExp(`^(${T})\\s+[A-Za-z0-9._~+/-]+=*$`);
function parseWwwAuthenticate(header) {
  const out = [];
  let current;
  for (const item of splitItems(header)) {
    let m = SCHEME_AND_TOKEN68.exec(item);
    if (m !== null) {
      current = { scheme: m[1].toLowerCase(), params: {} };
      out.push(current);
      continue;
    }
    m = SCHEME_AND_PARAM.exec(item);
    if (m !== null) {
      current = { scheme: m[1].toLowerCase(), params: {} };
      current.params[m[2].toLowerCase()] = unquote(m[3]);
      out.push(current);
      continue;
    }
    m = PARAM.exec(item);
    if (m !== null) {
      if (current !== void 0)
        current.params[m[1].toLowerCase()] = unquote(m[2]);
      continue;
    }
    m = SCHEME_ONLY.exec(item);
    if (m !== null) {
      current = { scheme: m[1].toLowerCase(), params: {} };
      out.push(current);
      continue;
    }
    current = void 0;
  }
  return out;
}
function pickChallenge(challenges) {
  return challenges.find((c) => c.scheme === "bearer" && c.params.realm !== void 0) ?? challenges.find((c) => c.scheme === "basic");
}
function repositoryScope(repository, actions) {
  return `repository:${repository}:${actions.join(",")}`;
}
function mergeScopes(scopes) {
  const byResource = /* @__PURE__ */ new Map();
  const opaque = /* @__PURE__ */ new Set();
  for (const scope of scopes.flatMap((s) => s.split(" ")).filter(Boolean)) {
    const last = scope.lastIndexOf(":");
    const first = scope.indexOf(":");
    if (first < 0 || last === first) {
      opaque.add(scope);
      continue;
    }
    const resource = scope.slice(0, last);
    const actions = byResource.get(resource) ?? /* @__PURE__ */ new Set();
    for (const a of scope.slice(last + 1).split(",")) if (a) actions.add(a);
    byResource.set(resource, actions);
  }
  const merged = [...byResource].map(
    ([resource, actions]) => `${resource}:${[...actions].sort().join(",")}`
  );
  return [...merged, ...opaque].sort();
}

// src/oci/referrers-index.ts
var SETTLE_DEFAULTS = { minMs: 150, maxMs: 2e3, windowFactor: 3 };
var MAX_UNAVAILABLE = 4;
var MISSING_MANIFEST_CODES = /* @__PURE__ */ new Set(["MANIFEST_BLOB_UNKNOWN", "MANIFEST_UNKNOWN"]);
var MAX_CONTRADICTIONS = 4;
function settleDelayMs(windowMs, bounds, random = Math.random) {
  const cap = Math.max(bounds.maxMs, bounds.minMs);
  const base = Math.max(bounds.minMs, SETTLE_DEFAULTS.windowFactor * windowMs);
  return Math.min(cap, base + random() * (bounds.minMs / 2));
}
function tooSlowToWriteFrom(ageMs, earlierFastestMs, staleReadMs) {
  if (ageMs <= staleReadMs) return false;
  return !Number.isFinite(earlierFastestMs) || ageMs > 2 * earlierFastestMs;
}
function judgeAbsence(tagListed, checksSoFar) {
  if (tagListed === true) return "contradicted";
  if (tagListed === false) return "absent";
  return checksSoFar === 0 ? "check-again" : "absent";
}
var KeepSet = class {
  read = /* @__PURE__ */ new Map();
  own;
  ownDigests;
  constructor(own) {
    this.own = own;
    this.ownDigests = new Set(own.map((d) => d.digest));
  }
  remember(manifests) {
    for (const d of manifests) {
      if (!this.ownDigests.has(d.digest) && !this.read.has(d.digest)) this.read.set(d.digest, d);
    }
  }
  missingFrom(index) {
    const listed = new Set(index?.manifests.map((d) => d.digest));
    return [...this.read.values(), ...this.own].filter((d) => !listed.has(d.digest));
  }
  isOwn(digest2) {
    return this.ownDigests.has(digest2);
  }
  forget(digests) {
    for (const d of digests) this.read.delete(d);
  }
};
async function removeOutdated(store, digest2, tag, logger) {
  try {
    await store.remove(digest2);
    return { deleted: digest2 };
  } catch (err) {
    if (err instanceof RegistryError && err.code === "REGISTRY_NOT_FOUND") {
      logger.debug(`referrers index ${tag}: outdated index ${digest2} was already removed`);
      return void 0;
    }
    const reason = err instanceof Error ? err.message : String(err);
    return {
      warning: `removal of outdated referrers index ${digest2} (tag ${tag}) failed; garbage collection may be required: ${reason}`
    };
  }
}
async function addToReferrersIndex(store, entries, options) {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const bounds = {
    minMs: options.minSettleMs ?? SETTLE_DEFAULTS.minMs,
    maxMs: options.maxSettleMs ?? SETTLE_DEFAULTS.maxMs
  };
  const staleReadMs = Math.max(bounds.maxMs, bounds.minMs) / 2;
  const maxRounds = options.maxRounds ?? 25;
  const { logger, tag } = options;
  const ours = entries.map((e) => e.digest).join(", ");
  const keep = new KeepSet(entries);
  const warnings = [];
  const ownWrites = [];
  let startedFrom;
  let earlyRemoval;
  let sawIndex = false;
  let observed;
  let confirmed = false;
  let windowMs = 0;
  let fastestReadMs = Number.POSITIVE_INFINITY;
  let absenceChecks = 0;
  let absenceEstablished = false;
  let contradictions = 0;
  let unavailable = 0;
  let current;
  for (let round = 1; round <= maxRounds; round++) {
    const knowNothing = !sawIndex && ownWrites.length === 0;
    const readStarted = now();
    const listing = knowNothing && !absenceEstablished ? store.tagListed().catch(() => void 0) : void 0;
    current = await store.read();
    const readDone = now();
    const readMs = readDone - readStarted;
    const earlierFastest = fastestReadMs;
    fastestReadMs = Math.min(fastestReadMs, readMs);
    if (current === void 0 && listing !== void 0) {
      const verdict = judgeAbsence(await listing, absenceChecks++);
      if (verdict === "contradicted") {
        if (++contradictions >= MAX_CONTRADICTIONS) {
          throw new RegistryError(
            "REGISTRY_PROTOCOL",
            `referrers index ${tag}: the tag list names it but reading it answered 404 ${contradictions} times; not replacing it with a new index, which would drop the signatures it lists`
          );
        }
        logger.debug(`referrers index ${tag}: 404, but the tag list names it; reading again`);
        await options.sleep(100 * 2 ** (contradictions - 1) * (0.75 + random() * 0.5));
        continue;
      }
      if (verdict === "check-again") {
        logger.debug(`referrers index ${tag}: 404 and no tag list; reading once more`);
        await options.sleep(bounds.minMs / 3);
        continue;
      }
      absenceEstablished = true;
    }
    if (current !== void 0) {
      if (!sawIndex && ownWrites.length === 0) startedFrom = current.digest;
      sawIndex = true;
      keep.remember(current.manifests);
    }
    const missing = keep.missingFrom(current);
    if (missing.length === 0) {
      if (ownWrites.length === 0) {
        logger.debug(`referrers index ${tag}: already lists ${ours}`);
        return { indexDigest: current?.digest ?? "", written: false, deleted: [], warnings };
      }
      if (current?.digest === observed) {
        confirmed = true;
        break;
      }
      observed = current?.digest;
      await options.sleep(settleDelayMs(windowMs, bounds, random));
      continue;
    }
    observed = void 0;
    const ageMs = now() - readStarted;
    if (tooSlowToWriteFrom(ageMs, earlierFastest, staleReadMs)) {
      logger.debug(
        `referrers index ${tag}: the read is ${Math.round(ageMs)} ms old, too old to write from; reading again`
      );
      continue;
    }
    if (ownWrites.length > 0 || current !== void 0 && missing.some((d) => !keep.isOwn(d.digest))) {
      logger.debug(
        `referrers index ${tag}: ${current?.digest ?? "it answered 404"} lacks ${missing.map((d) => d.digest).join(", ")}; merging again`
      );
    }
    const bytes = encodeReferrersIndex(mergeReferrers(current?.manifests ?? [], missing));
    try {
      const digest2 = await store.write(bytes, current?.etag);
      ownWrites.push(digest2);
      windowMs = now() - readDone;
      observed = digest2;
      if (earlyRemoval === void 0 && startedFrom !== void 0 && startedFrom !== digest2) {
        earlyRemoval = removeOutdated(store, startedFrom, tag, logger);
      }
      await options.sleep(settleDelayMs(windowMs, bounds, random));
    } catch (err) {
      if (!(err instanceof RegistryError)) throw err;
      if (err.code === "REGISTRY_UNAVAILABLE") {
        if (++unavailable >= MAX_UNAVAILABLE) throw err;
        ownWrites.push(digestOf(bytes));
        windowMs = now() - readDone;
        logger.debug(`referrers index ${tag}: the write failed (${err.message}); re-reading`);
        await options.sleep(250 * 2 ** (unavailable - 1) * (0.75 + random() * 0.5));
        continue;
      }
      if (err.code === "REGISTRY_CONFLICT") {
        logger.debug(`referrers index ${tag}: If-Match lost a race; retrying`);
        await options.sleep((20 + random() * 80) * Math.min(round, 8));
        continue;
      }
      const restored = missing.filter((d) => !keep.isOwn(d.digest)).map((d) => d.digest);
      if (MISSING_MANIFEST_CODES.has(err.registryCode ?? "") && restored.length > 0) {
        keep.forget(restored);
        warnings.push(
          `referrers index ${tag}: not restoring ${restored.join(", ")}, listed in an earlier read: the registry no longer holds ${restored.length === 1 ? "it" : "them"}`
        );
        continue;
      }
      throw err;
    }
  }
  if (!confirmed || current === void 0) {
    const state = observed === void 0 ? "it still does not list" : "it lists, but could not confirm as stable,";
    throw new RegistryError(
      "REGISTRY_PUSH",
      `referrers index ${tag} kept changing under concurrent writers: after ${maxRounds} rounds ${state} ${ours}`
    );
  }
  const finalDigest = current.digest;
  const removals = earlyRemoval === void 0 ? [] : [await earlyRemoval];
  const candidates = /* @__PURE__ */ new Set([...startedFrom === void 0 ? [] : [startedFrom], ...ownWrites]);
  candidates.delete(finalDigest);
  if (earlyRemoval !== void 0 && startedFrom !== void 0) candidates.delete(startedFrom);
  for (const digest2 of candidates) removals.push(await removeOutdated(store, digest2, tag, logger));
  const deleted = [];
  for (const removal of removals) {
    if (removal === void 0) continue;
    if ("deleted" in removal) deleted.push(removal.deleted);
    else warnings.push(removal.warning);
  }
  return { indexDigest: finalDigest, written: true, deleted, warnings };
}

// src/net/tls-errors.ts
var UNTRUSTED = /* @__PURE__ */ new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_REJECTED"
]);
var EXPIRED = /* @__PURE__ */ new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
var NOT_TLS = /* @__PURE__ */ new Set([
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_SSL_PACKET_LENGTH_TOO_LONG",
  "ERR_SSL_HTTP_REQUEST"
]);
function tlsFailure(err) {
  let current = err;
  for (let depth = 0; depth < 8 && current !== void 0 && current !== null; depth++) {
    const { code, message } = current;
    if (typeof code === "string") {
      if (UNTRUSTED.has(code)) return { kind: "untrusted", code };
      if (EXPIRED.has(code)) return { kind: "expired", code };
      if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return { kind: "hostname", code };
      if (NOT_TLS.has(code)) return { kind: "not-tls", code };
    }
    if (typeof message === "string" && /:wrong version number:|:packet length too long:/.test(message)) {
      return { kind: "not-tls", code: "ERR_SSL_WRONG_VERSION_NUMBER" };
    }
    current = current.cause;
  }
  return void 0;
}

// src/oci/session.ts
var CLIENT_ID = "oci-notary-action";
var TOKEN_RESPONSE_MAX = 1024 * 1024;
function registryErrorOf(res) {
  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("json") || res.body.byteLength === 0) return {};
  try {
    const json = res.json();
    const first = Array.isArray(json.errors) ? json.errors[0] : void 0;
    const code = typeof first?.code === "string" ? first.code : void 0;
    const message = typeof first?.message === "string" ? clean(first.message) : void 0;
    return { ...code ? { code } : {}, ...message ? { message } : {} };
  } catch {
    return {};
  }
}
function clean(text) {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}\u2026` : oneLine;
}
function responseError(res, fallback, message) {
  const { code: registryCode, message: registryMessage } = registryErrorOf(res);
  const code = res.status === 401 || res.status === 403 ? "REGISTRY_AUTH" : res.status === 404 ? "REGISTRY_NOT_FOUND" : res.status === 429 || res.status >= 500 ? "REGISTRY_UNAVAILABLE" : fallback;
  const detail = [registryCode, registryMessage].filter(Boolean).join(": ");
  return new RegistryError(code, `${message}: HTTP ${res.status}${detail ? ` ${detail}` : ""}`, {
    status: res.status,
    ...registryCode === void 0 ? {} : { registryCode }
  });
}
function mapTransportError(err, req) {
  if (err instanceof RegistryError) return err;
  const { what, url } = req;
  if (err instanceof TransportError) {
    switch (err.code) {
      case "RESPONSE_TOO_LARGE":
        return new RegistryError(
          "TOO_LARGE",
          `${what}: the response exceeds the limit of ${req.maxBytes ?? "the default"} bytes`,
          { cause: err }
        );
      case "NETWORK":
        return tlsRegistryError(err, req) ?? new RegistryError("REGISTRY_UNAVAILABLE", `${what}: ${url.host} could not be reached`, {
          cause: err
        });
      case "TIMEOUT":
        return new RegistryError(
          "REGISTRY_UNAVAILABLE",
          `${what}: ${url.host} did not answer in time`,
          {
            cause: err
          }
        );
      case "TOO_MANY_REDIRECTS":
        return new RegistryError("REGISTRY_PROTOCOL", `${what}: too many redirects`, { cause: err });
    }
  }
  return new RegistryError("REGISTRY_PROTOCOL", `${what}: request failed`, { cause: err });
}
function tlsRegistryError(err, req) {
  const tls = tlsFailure(err);
  if (tls === void 0) return void 0;
  const { what, url } = req;
  const host = url.host;
  const caRemedy = `if ${host} uses a private CA, give Node its certificate: set NODE_EXTRA_CA_CERTS to a PEM file holding it in the step's env (or the CLI's environment); do not turn TLS verification off`;
  switch (tls.kind) {
    case "untrusted":
      return new RegistryError(
        "REGISTRY_TLS",
        `${what}: the TLS certificate of ${host} is not trusted (${tls.code}): it does not chain to a CA this process trusts`,
        { cause: err, remedy: caRemedy }
      );
    case "expired":
      return new RegistryError(
        "REGISTRY_TLS",
        `${what}: the TLS certificate of ${host} is expired or not yet valid (${tls.code})`,
        { cause: err, remedy: `renew the TLS certificate of ${host}` }
      );
    case "hostname":
      return new RegistryError(
        "REGISTRY_TLS",
        `${what}: the TLS certificate of ${host} does not name ${url.hostname} (${tls.code})`,
        {
          cause: err,
          remedy: `use the host name the certificate was issued for, or reissue it with ${url.hostname} in its subjectAltName`
        }
      );
    case "not-tls":
      return new RegistryError(
        "INSECURE_REGISTRY",
        `${what}: ${host} does not speak TLS (${tls.code}): it looks like a plain-HTTP registry, which is used only for loopback hosts and hosts listed in insecure-registries`,
        {
          cause: err,
          remedy: `list ${host} in insecure-registries (CLI: --insecure-registries ${host}) to use plain HTTP, or serve it over https`
        }
      );
  }
}
function loginRemedy(registry) {
  return `log in to ${registry} (docker/login-action, docker login) or pass registry-username and registry-password (CLI: --registry-username, --registry-password)`;
}
function createSession(options) {
  const { transport, logger } = options;
  const now = options.now ?? Date.now;
  const insecure = new Set(
    (options.insecureRegistries ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean)
  );
  const hosts = /* @__PURE__ */ new Map();
  const tokensInFlight = /* @__PURE__ */ new Set();
  function allowInsecure(host) {
    const h = host.toLowerCase();
    return isLoopback(h) || insecure.has(h) || insecure.has(h.replace(/:\d+$/, ""));
  }
  function guardUrl(url) {
    if (url.protocol === "https:") return;
    if (url.protocol === "http:") {
      if (allowInsecure(url.host)) return;
      throw new RegistryError(
        "INSECURE_REGISTRY",
        `refusing plain HTTP to ${url.host}: only loopback hosts and listed insecure registries may use http`,
        {
          remedy: `serve ${url.host} over https, or list ${url.host} in insecure-registries (CLI: --insecure-registries)`
        }
      );
    }
    throw new RegistryError(
      "REGISTRY_PROTOCOL",
      `unsupported URL scheme ${url.protocol} for ${url.host}`
    );
  }
  function state(registry) {
    const host = apiHost(registry);
    let s = hosts.get(host);
    if (s === void 0) {
      s = { registry, host, tokens: /* @__PURE__ */ new Map() };
      hosts.set(host, s);
    }
    return s;
  }
  async function call(req, authorization, retry = req.retry) {
    guardUrl(req.url);
    try {
      return await transport.request({
        method: req.method,
        url: req.url,
        headers: { ...req.headers, ...authorization === void 0 ? {} : { authorization } },
        ...req.body === void 0 ? {} : { body: req.body },
        ...req.maxBytes === void 0 ? {} : { maxBytes: req.maxBytes },
        ...req.followRedirects === void 0 ? {} : { followRedirects: req.followRedirects },
        ...retry === void 0 ? {} : { retry },
        beforeRedirect: (_from, to) => guardUrl(to)
      });
    } catch (err) {
      throw mapTransportError(err, req);
    }
  }
  function rememberChallenge(s, res) {
    const picked = pickChallenge(parseWwwAuthenticate(res.headers.get("www-authenticate") ?? ""));
    if (picked === void 0) return void 0;
    const { realm, service } = picked.params;
    s.challenge = {
      scheme: picked.scheme,
      params: {
        ...realm === void 0 ? {} : { realm },
        ...service === void 0 ? {} : { service }
      }
    };
    return picked;
  }
  async function detectOrigin(s) {
    let firstError;
    for (const scheme of ["https", "http"]) {
      const url = new URL(`${scheme}://${s.host}/v2/`);
      try {
        const res = await call(
          {
            method: "GET",
            url,
            scopes: [],
            what: `probing ${url.origin}`,
            maxBytes: 64 * 1024,
            followRedirects: false
          },
          void 0,
          false
        );
        if (res.status === 401) rememberChallenge(s, res);
        logger.debug(`registry ${s.host}: using ${scheme} (GET /v2/ -> ${res.status})`);
        return url.origin;
      } catch (err) {
        if (!(err instanceof RegistryError && (err.code === "REGISTRY_UNAVAILABLE" || err.code === "INSECURE_REGISTRY")))
          throw err;
        firstError ??= err;
      }
    }
    throw new RegistryError(
      "REGISTRY_UNAVAILABLE",
      `registry ${s.host} answered neither https nor http on /v2/`,
      { cause: firstError }
    );
  }
  function credentialOf(s) {
    s.credential ??= (options.credentials?.(s.registry) ?? Promise.resolve(void 0)).catch(
      (err) => {
        s.credential = void 0;
        throw err;
      }
    );
    return s.credential;
  }
  async function fetchToken(s, challenge, scopes, cred) {
    let realm;
    try {
      realm = new URL(challenge.params.realm ?? "");
    } catch (err) {
      throw new RegistryError(
        "REGISTRY_AUTH",
        `registry ${s.host} sent a Bearer challenge whose realm is not a URL`,
        {
          cause: err
        }
      );
    }
    if (realm.protocol === "http:" && !allowInsecure(s.host)) {
      throw new RegistryError(
        "INSECURE_REGISTRY",
        `registry ${s.host} named a plain-HTTP token realm ${redactUrl(realm)}; refusing to send credentials for an https registry over http`,
        { remedy: `serve the token realm of ${s.host} over https` }
      );
    }
    const what = `getting a token for ${s.registry} (${scopes.join(" ") || "no scope"}) from ${redactUrl(realm)}`;
    const service = challenge.params.service;
    let res;
    let kind;
    if (cred !== void 0 && "identityToken" in cred) {
      kind = "identity (refresh) token";
      const form = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: cred.identityToken,
        client_id: CLIENT_ID
      });
      if (service !== void 0) form.set("service", service);
      if (scopes.length > 0) form.set("scope", scopes.join(" "));
      res = await call(
        {
          method: "POST",
          url: realm,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: form.toString(),
          maxBytes: TOKEN_RESPONSE_MAX,
          scopes: [],
          what
        },
        void 0
      );
    } else {
      const url = new URL(realm);
      if (service !== void 0) url.searchParams.set("service", service);
      for (const scope of scopes) url.searchParams.append("scope", scope);
      let authorization;
      if (cred !== void 0 && "username" in cred && "password" in cred) {
        kind = "credentials";
        url.searchParams.set("account", cred.username);
        authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString("base64")}`;
      } else {
        kind = "anonymous request";
      }
      res = await call(
        { method: "GET", url, maxBytes: TOKEN_RESPONSE_MAX, scopes: [], what },
        authorization
      );
    }
    if (res.status === 401 || res.status === 403) {
      throw new RegistryError(
        "REGISTRY_AUTH",
        `token server ${redactUrl(realm)} refused the ${kind} for ${s.registry}: HTTP ${res.status}`,
        {
          status: res.status,
          remedy: `check the credentials for ${s.registry} (docker login, or registry-username and registry-password)`
        }
      );
    }
    if (res.status !== 200) throw responseError(res, "REGISTRY_AUTH", what);
    let body;
    try {
      body = res.json();
    } catch (err) {
      throw new RegistryError("REGISTRY_AUTH", `${what}: the token response is not JSON`, {
        cause: err
      });
    }
    const token = typeof body?.access_token === "string" && body.access_token ? body.access_token : body?.token;
    if (typeof token !== "string" || token === "") {
      throw new RegistryError(
        "REGISTRY_AUTH",
        `${what}: the token response has no "token" or "access_token"`
      );
    }
    const expiresIn = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 60;
    return { token, expiresAt: now() + Math.max(1, expiresIn - 10) * 1e3 };
  }
  async function authorizationFor(s, scopes, fresh) {
    const challenge = s.challenge;
    if (challenge === void 0) return void 0;
    if (challenge.scheme === "basic") {
      const cred2 = await credentialOf(s);
      if (cred2 !== void 0 && "username" in cred2 && "password" in cred2) {
        return `Basic ${Buffer.from(`${cred2.username}:${cred2.password}`).toString("base64")}`;
      }
      return void 0;
    }
    if (challenge.scheme !== "bearer") return void 0;
    const cred = await credentialOf(s);
    if (cred !== void 0 && "registryToken" in cred) return `Bearer ${cred.registryToken}`;
    const merged = mergeScopes(scopes);
    const key = merged.join(" ");
    const cached = s.tokens.get(key);
    if (cached !== void 0 && (!fresh || tokensInFlight.has(cached))) {
      const t = await cached.catch(() => void 0);
      if (t !== void 0 && t.expiresAt > now()) return `Bearer ${t.token}`;
    }
    const pending = fetchToken(s, challenge, merged, cred);
    s.tokens.set(key, pending);
    tokensInFlight.add(pending);
    pending.catch(() => {
      if (s.tokens.get(key) === pending) s.tokens.delete(key);
    }).finally(() => tokensInFlight.delete(pending));
    return `Bearer ${(await pending).token}`;
  }
  function knownOrigin(s) {
    return allowInsecure(s.host) ? s.origin : `https://${s.host}`;
  }
  async function originOf(s) {
    const known = knownOrigin(s);
    if (known !== void 0) return known;
    const decided = s.deciding === void 0 ? void 0 : await s.deciding.catch(() => void 0);
    return decided ?? `https://${s.host}`;
  }
  function onOrigin(s, req, origin) {
    if (req.url.origin === origin || req.url.host.toLowerCase() !== s.host.toLowerCase()) return req;
    if (req.url.protocol !== "https:") return req;
    const url = new URL(req.url);
    url.protocol = new URL(origin).protocol;
    return { ...req, url };
  }
  async function decideScheme(s, req, authorization) {
    for (; ; ) {
      const known = knownOrigin(s);
      if (known !== void 0) return { req: onOrigin(s, req, known) };
      if (s.deciding !== void 0) {
        const decided = await s.deciding.catch(() => void 0);
        if (decided !== void 0) return { req: onOrigin(s, req, decided) };
        continue;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        s.deciding = detectOrigin(s).then((origin) => s.origin = origin);
        s.deciding.catch(() => void 0).finally(() => s.deciding = void 0);
        continue;
      }
      let settle = () => void 0;
      s.deciding = new Promise((resolve) => settle = resolve).then(
        (origin) => origin ?? Promise.reject(new Error("undecided"))
      );
      s.deciding.catch(() => void 0);
      const https = onOrigin(s, req, `https://${s.host}`);
      const raced = authorization === void 0 ? call(onOrigin(s, req, `http://${s.host}`), void 0) : void 0;
      raced?.catch(() => void 0);
      try {
        const res = await call(https, authorization, false);
        s.origin = `https://${s.host}`;
        logger.debug(`registry ${s.host}: using https (${req.method} -> ${res.status})`);
        return { req: https, res };
      } catch (err) {
        if (!httpMayAnswer(err)) {
          settle(void 0);
          throw err;
        }
        s.origin = `http://${s.host}`;
        logger.debug(
          `registry ${s.host}: https does not answer (${err instanceof Error ? err.message : String(err)}); using http`
        );
        return {
          req: onOrigin(s, req, s.origin),
          decidedHttp: true,
          ...raced === void 0 ? {} : { raced }
        };
      } finally {
        settle(s.origin);
        s.deciding = void 0;
      }
    }
  }
  function httpMayAnswer(err) {
    return err instanceof RegistryError && (err.code === "REGISTRY_UNAVAILABLE" || err.code === "INSECURE_REGISTRY");
  }
  async function firstHttpCall(s, req, authorization, raced) {
    try {
      return await (raced ?? call(req, authorization));
    } catch (err) {
      if (!(err instanceof RegistryError && err.code === "REGISTRY_UNAVAILABLE")) throw err;
      s.origin = void 0;
      throw new RegistryError(
        "REGISTRY_UNAVAILABLE",
        `${req.what}: registry ${s.host} answered neither https nor http`,
        { cause: err }
      );
    }
  }
  function probeReferrers(s, probe) {
    if (s.referrers !== void 0) return Promise.resolve(s.referrers);
    s.referrersProbe ??= probe().then(() => s.referrers).finally(() => s.referrersProbe = void 0);
    return s.referrersProbe;
  }
  return {
    logger,
    guardUrl,
    origin: (registry) => originOf(state(registry)),
    referrersCapability: (registry) => state(registry).referrers,
    setReferrersCapability(registry, value) {
      const s = state(registry);
      if (s.referrers !== value) logger.debug(`registry ${s.host}: referrers API ${value}`);
      s.referrers = value;
    },
    probeReferrers: (registry, probe) => probeReferrers(state(registry), probe),
    referrersProbeInFlight: (registry) => state(registry).referrersProbe,
    async send(registry, req) {
      const s = state(registry);
      if (req.url.host.toLowerCase() !== s.host.toLowerCase()) return call(req, void 0);
      const initial = await authorizationFor(s, req.scopes, false);
      const first = await decideScheme(s, req, initial);
      const origin = knownOrigin(s) ?? first.req.url.origin;
      if (first.req.url.origin !== origin) return call(first.req, void 0);
      req = first.req;
      let res = first.res ?? (first.decidedHttp === true ? await firstHttpCall(s, req, initial, first.raced) : await call(req, initial));
      if (res.status !== 401) return res;
      if (new URL(res.url).origin !== origin) return res;
      const picked = rememberChallenge(s, res);
      if (picked === void 0) {
        throw responseError(
          res,
          "REGISTRY_AUTH",
          `${req.what}: ${s.host} asked for authentication without a usable WWW-Authenticate challenge`
        );
      }
      let scopes = req.scopes;
      if (picked.scheme === "bearer" && picked.params.scope !== void 0) {
        scopes = mergeScopes([...scopes, picked.params.scope]);
      }
      const authorization = await authorizationFor(s, scopes, true);
      if (authorization === void 0) {
        throw new RegistryError(
          "REGISTRY_AUTH",
          `${req.what}: ${s.host} requires ${picked.scheme} authentication and no credentials were found for ${s.registry}`,
          {
            status: 401,
            remedy: loginRemedy(s.registry)
          }
        );
      }
      if (scopes !== req.scopes) {
        const token = s.tokens.get(mergeScopes(scopes).join(" "));
        if (token !== void 0) s.tokens.set(mergeScopes(req.scopes).join(" "), token);
      }
      res = await call(req, authorization);
      if (res.status === 401 && new URL(res.url).origin === origin) {
        const again = pickChallenge(parseWwwAuthenticate(res.headers.get("www-authenticate") ?? ""));
        const why = again?.params.error === "insufficient_scope" ? ` (insufficient scope: ${again.params.scope ?? scopes.join(" ")})` : "";
        const cred = await credentialOf(s);
        const err = responseError(
          res,
          "REGISTRY_AUTH",
          `${req.what}: ${s.host} refused the ${cred === void 0 ? "anonymous" : "authenticated"} request${why}`
        );
        throw new RegistryError(err.code, err.message, {
          ...err.status === void 0 ? {} : { status: err.status },
          ...err.registryCode === void 0 ? {} : { registryCode: err.registryCode },
          remedy: cred === void 0 ? loginRemedy(s.registry) : `check that the credentials for ${s.registry} may ${why ? "do this" : "access this repository"}`
        });
      }
      return res;
    }
  };
}

// src/oci/client.ts
var TAG_PATTERN = /^[\w][\w.-]{0,127}$/;
var MAX_REFERRER_PAGES = 100;
var UPLOAD_ATTEMPTS = 3;
var ERROR_BODY_BYTES = 64 * 1024;
var TAG_PAGE_SIZE = 100;
var MAX_TAG_PAGES = 10;
function tagsOf(res) {
  try {
    const json = res.json();
    if (json.tags === null) return [];
    if (!Array.isArray(json.tags) || !json.tags.every((t) => typeof t === "string"))
      return void 0;
    return json.tags;
  } catch {
    return void 0;
  }
}
function pageIsPastTag(tags, last, tag) {
  if (tags.length === 0) return false;
  for (let i = 1; i < tags.length; i++)
    if (tags[i - 1] >= tags[i]) return false;
  return tags[0] > last && tags[tags.length - 1] > tag;
}
function contentType(res) {
  const value = res.headers.get("content-type");
  if (value === null) return void 0;
  return value.split(";")[0]?.trim().toLowerCase() || void 0;
}
function contradictingDigest(res, digest2) {
  const dcd = res.headers.get("docker-content-digest");
  if (dcd === null || !isDigest(dcd) || parseDigest(dcd).algorithm !== "sha256") return void 0;
  return dcd === digest2 ? void 0 : dcd;
}
function createRegistryClient(options) {
  const logger = options.logger ?? silentLogger;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const session = createSession({
    transport: options.transport,
    logger,
    ...options.credentials === void 0 ? {} : { credentials: options.credentials },
    ...options.insecureRegistries === void 0 ? {} : { insecureRegistries: options.insecureRegistries }
  });
  return {
    repository(ref) {
      const reference = typeof ref === "string" ? parseReference(ref) : ref;
      return createRepository(session, reference, {
        logger,
        sleep,
        pushFromStart: options.access === "push",
        ...options.tagIndexSettleMs === void 0 ? {} : { settleMs: options.tagIndexSettleMs }
      });
    }
  };
}
function createRepository(session, reference, opts) {
  const { logger } = opts;
  const { registry, repository } = reference;
  const name = repositoryName(reference);
  const pull = [repositoryScope(repository, ["pull"])];
  const push = [repositoryScope(repository, ["pull", "push"])];
  const del = [repositoryScope(repository, ["delete"])];
  let pushing = opts.pushFromStart;
  const readScopes = () => pushing ? push : pull;
  async function url(path2) {
    return new URL(`${await session.origin(registry)}/v2/${repository}/${path2}`);
  }
  function checkTarget(target) {
    if (isDigest(target)) return;
    if (target.includes(":")) parseDigest(target, `digest for ${name}`);
    if (!TAG_PATTERN.test(target)) {
      throw new RegistryError("REFERENCE_INVALID", `tag "${target}" of ${name} is not a valid tag`);
    }
  }
  const at = (target) => isDigest(target) ? `${name}@${target}` : `${name}:${target}`;
  async function resolve(tagOrDigest) {
    const target = tagOrDigest ?? reference.digest ?? reference.tag;
    if (target === void 0) {
      throw new RegistryError(
        "REFERENCE_INVALID",
        `image reference ${name} has neither a tag nor a digest`,
        {
          remedy: `use ${name}:<tag> or ${name}@sha256:<digest>`
        }
      );
    }
    checkTarget(target);
    const what = `resolving ${at(target)}`;
    const res = await session.send(registry, {
      method: "HEAD",
      url: await url(`manifests/${target}`),
      headers: { accept: MANIFEST_ACCEPT },
      scopes: readScopes(),
      what
    });
    if (res.status === 404)
      throw responseError(res, "REGISTRY_NOT_FOUND", `${what}: manifest not found`);
    if (res.status === 200) {
      const dcd = res.headers.get("docker-content-digest") ?? void 0;
      const type = contentType(res);
      const length = Number(res.headers.get("content-length") ?? NaN);
      if (isDigest(target) && dcd !== void 0 && isDigest(dcd) && dcd !== target) {
        throw new RegistryError(
          "DIGEST_MISMATCH",
          `${what}: the registry answered for ${dcd}, expected ${target}`
        );
      }
      const digest2 = isDigest(target) ? target : dcd;
      const known = type !== void 0 && type !== "application/json" && type !== "text/plain";
      if (digest2 !== void 0 && isDigest(digest2) && known && Number.isSafeInteger(length) && length > 0) {
        if (length > LIMITS.manifestBytes) {
          throw new RegistryError(
            "TOO_LARGE",
            `${what}: manifest of ${length} bytes exceeds ${LIMITS.manifestBytes}`
          );
        }
        return { mediaType: type, digest: digest2, size: length };
      }
      logger.debug(`${what}: HEAD lacks digest, type or length; falling back to GET`);
    } else if (res.status !== 405 && res.status !== 400 && res.status !== 501) {
      throw responseError(res, "REGISTRY_PROTOCOL", `${what}: unexpected answer to HEAD`);
    }
    return (await fetchManifest(target)).descriptor;
  }
  async function fetchManifest(target, options = {}) {
    const maxBytes = options.maxBytes ?? LIMITS.manifestBytes;
    const given = typeof target === "string" ? void 0 : target;
    const ref = typeof target === "string" ? target : target.digest;
    if (given !== void 0) parseDigest(given.digest, `manifest digest in ${name}`);
    else checkTarget(ref);
    const what = `fetching manifest ${at(ref)}`;
    if (given !== void 0 && given.size > maxBytes) {
      throw new RegistryError(
        "TOO_LARGE",
        `${what}: descriptor size ${given.size} exceeds the limit of ${maxBytes} bytes`
      );
    }
    const accept = options.accept ?? (given === void 0 ? MANIFEST_ACCEPT : `${given.mediaType}, ${MANIFEST_ACCEPT}`);
    const res = await session.send(registry, {
      method: "GET",
      url: await url(`manifests/${ref}`),
      headers: { accept },
      maxBytes,
      scopes: readScopes(),
      what
    });
    if (res.status !== 200) throw responseError(res, "REGISTRY_PROTOCOL", what);
    const bytes = res.body;
    const dcd = res.headers.get("docker-content-digest") ?? void 0;
    let digest2;
    if (isDigest(ref)) {
      verifyDigest(bytes, ref, `manifest ${at(ref)}`);
      digest2 = ref;
    } else {
      const algorithm = dcd !== void 0 && isDigest(dcd) ? parseDigest(dcd).algorithm : "sha256";
      digest2 = digestOf(bytes, algorithm);
      if (dcd !== void 0 && isDigest(dcd) && dcd !== digest2) {
        throw new RegistryError(
          "DIGEST_MISMATCH",
          `${what}: content hashes to ${digest2} but Docker-Content-Digest says ${dcd}`
        );
      }
    }
    if (given !== void 0 && bytes.byteLength !== given.size) {
      throw new RegistryError(
        "DIGEST_MISMATCH",
        `${what}: got ${bytes.byteLength} bytes, the descriptor says ${given.size}`
      );
    }
    const json = parseJsonObject(bytes, `manifest ${at(ref)}`);
    const type = contentType(res);
    const declared = typeof json.mediaType === "string" ? json.mediaType : void 0;
    const mediaType2 = given?.mediaType ?? (type !== void 0 && type !== "application/json" && type !== "text/plain" ? type : declared);
    if (mediaType2 === void 0) {
      throw new RegistryError(
        "REGISTRY_PROTOCOL",
        `${what}: neither Content-Type nor the manifest names a media type`
      );
    }
    return { descriptor: { mediaType: mediaType2, digest: digest2, size: bytes.byteLength }, bytes, json };
  }
  async function fetchBlob(descriptor, options = {}) {
    const maxBytes = options.maxBytes ?? LIMITS.envelopeBytes;
    parseDigest(descriptor.digest, `blob digest in ${name}`);
    const what = `fetching blob ${name}@${descriptor.digest}`;
    if (!Number.isSafeInteger(descriptor.size) || descriptor.size < 0) {
      throw new RegistryError(
        "MANIFEST_INVALID",
        `${what}: descriptor size ${descriptor.size} is not valid`
      );
    }
    if (descriptor.size > maxBytes) {
      throw new RegistryError(
        "TOO_LARGE",
        `${what}: descriptor size ${descriptor.size} exceeds the limit of ${maxBytes} bytes`
      );
    }
    const res = await session.send(registry, {
      method: "GET",
      url: await url(`blobs/${descriptor.digest}`),
      // Room for an error body (401/404 JSON, storage XML) even on a tiny blob; a 200 body is
      // held to the descriptor size below.
      maxBytes: Math.max(descriptor.size, ERROR_BODY_BYTES),
      scopes: readScopes(),
      what
    }).catch((err) => {
      if (err instanceof RegistryError && err.code === "TOO_LARGE") {
        throw new RegistryError(
          "TOO_LARGE",
          `${what}: the blob is larger than its descriptor size ${descriptor.size}`,
          { cause: err }
        );
      }
      throw err;
    });
    if (res.status !== 200) throw responseError(res, "REGISTRY_PROTOCOL", what);
    if (res.body.byteLength > descriptor.size) {
      throw new RegistryError(
        "TOO_LARGE",
        `${what}: the blob is larger than its descriptor size ${descriptor.size}`
      );
    }
    if (res.body.byteLength !== descriptor.size) {
      throw new RegistryError(
        "DIGEST_MISMATCH",
        `${what}: got ${res.body.byteLength} bytes, the descriptor says ${descriptor.size}`
      );
    }
    verifyDigest(res.body, descriptor.digest, `blob ${name}@${descriptor.digest}`);
    return res.body;
  }
  async function blobExists(digest2, scopes = readScopes()) {
    parseDigest(digest2, `blob digest in ${name}`);
    const what = `checking blob ${name}@${digest2}`;
    const res = await session.send(registry, {
      method: "HEAD",
      url: await url(`blobs/${digest2}`),
      scopes,
      what
    });
    if (res.status === 200) return true;
    if (res.status === 404) return false;
    throw responseError(res, "REGISTRY_PROTOCOL", what);
  }
  async function pushBlob(bytes, options = {}) {
    pushing = true;
    const { descriptor, what } = blobToPush(bytes, options.mediaType);
    const { digest: digest2 } = descriptor;
    if (options.checkExists !== false && await blobExists(digest2, push)) {
      logger.debug(`${what}: already present`);
      return descriptor;
    }
    let start;
    if (options.mountFrom !== void 0 && options.mountFrom !== repository) {
      const uploads = await url("blobs/uploads/");
      const mount = new URL(uploads);
      mount.searchParams.set("mount", digest2);
      mount.searchParams.set("from", options.mountFrom);
      start = await session.send(registry, {
        method: "POST",
        url: mount,
        scopes: [...push, repositoryScope(options.mountFrom, ["pull"])],
        what: `${what} (mount from ${options.mountFrom})`
      });
      if (start.status === 201) {
        logger.debug(`${what}: mounted from ${options.mountFrom}`);
        return descriptor;
      }
    } else {
      start = await openSession(what);
    }
    await uploadInto(start, bytes, digest2, what, false);
    return descriptor;
  }
  function blobToPush(bytes, mediaType2) {
    const digest2 = digestOf(bytes);
    return {
      descriptor: {
        mediaType: mediaType2 ?? "application/octet-stream",
        digest: digest2,
        size: bytes.byteLength
      },
      what: `pushing blob ${name}@${digest2}`
    };
  }
  async function openSession(what) {
    return session.send(registry, {
      method: "POST",
      url: await url("blobs/uploads/"),
      scopes: push,
      what
    });
  }
  async function uploadInto(start, bytes, digest2, what, openedAhead) {
    let target = uploadTarget(start, digest2, what);
    for (let attempt = 1; ; attempt++) {
      try {
        await completeUpload(target, bytes, digest2, what);
        return;
      } catch (err) {
        const expired = openedAhead && attempt === 1 && err instanceof RegistryError && err.status === 404;
        const transient = err instanceof RegistryError && err.code === "REGISTRY_UNAVAILABLE";
        if (!(transient || expired) || attempt >= UPLOAD_ATTEMPTS) throw err;
        logger.debug(`${what}: the upload failed (${err.message}); starting a fresh upload session`);
        if (transient) {
          await opts.sleep(250 * 2 ** (attempt - 1));
          if (await blobExists(digest2, push)) return;
        }
        start = await openSession(what);
        target = uploadTarget(start, digest2, what);
      }
    }
  }
  function startUpload() {
    pushing = true;
    const opening = `opening an upload session in ${name}`;
    const opened = openSession(opening);
    opened.catch(() => void 0);
    let settled = false;
    return {
      async push(bytes, options = {}) {
        if (settled) throw new Error(`${name}: an upload session is used once`);
        settled = true;
        const { descriptor, what } = blobToPush(bytes, options.mediaType);
        const start = await opened.catch((err) => {
          logger.debug(`${opening}: ${err instanceof Error ? err.message : String(err)}; again`);
          return openSession(what);
        });
        await uploadInto(start, bytes, descriptor.digest, what, true);
        return descriptor;
      },
      async cancel() {
        if (settled) return;
        settled = true;
        const start = await opened.catch(() => void 0);
        const location = start?.status === 202 ? start.headers.get("location") : null;
        if (start === void 0 || location === null) return;
        try {
          const res = await session.send(registry, {
            method: "DELETE",
            url: new URL(location, start.url),
            scopes: push,
            what: `cancelling an unused upload session in ${name}`,
            retry: false
          });
          logger.debug(`cancelled an unused upload session in ${name}: HTTP ${res.status}`);
        } catch (err) {
          logger.debug(
            `cancelling an unused upload session in ${name}: ${err instanceof Error ? err.message : String(err)}`
          );
        }
      }
    };
  }
  function uploadTarget(start, digest2, what) {
    if (start.status !== 202)
      throw responseError(start, "REGISTRY_PUSH", `${what}: starting the upload`);
    const location = start.headers.get("location");
    if (location === null) {
      throw new RegistryError(
        "REGISTRY_PROTOCOL",
        `${what}: the registry started an upload without a Location`,
        {
          status: start.status
        }
      );
    }
    const target = new URL(location, start.url);
    target.search = `${target.search === "" ? "?" : `${target.search}&`}digest=${encodeURIComponent(digest2)}`;
    return target;
  }
  async function completeUpload(target, bytes, digest2, what) {
    const done = await session.send(registry, {
      method: "PUT",
      url: target,
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
      scopes: push,
      what,
      retry: false
    });
    if (done.status !== 201 && done.status !== 204) throw responseError(done, "REGISTRY_PUSH", what);
    const dcd = done.headers.get("docker-content-digest");
    if (dcd !== null && isDigest(dcd) && dcd !== digest2) {
      throw new RegistryError("DIGEST_MISMATCH", `${what}: the registry stored ${dcd}`);
    }
  }
  async function pushManifest(bytes, mediaType2, options = {}) {
    pushing = true;
    const digest2 = digestOf(bytes);
    if (options.tag !== void 0) checkTarget(options.tag);
    const ref = options.tag ?? digest2;
    const what = `pushing manifest ${at(ref)}`;
    if (bytes.byteLength > LIMITS.manifestBytes) {
      throw new RegistryError(
        "TOO_LARGE",
        `${what}: ${bytes.byteLength} bytes exceeds the limit of ${LIMITS.manifestBytes}`
      );
    }
    const res = await session.send(registry, {
      method: "PUT",
      url: await url(`manifests/${ref}`),
      headers: {
        "content-type": mediaType2,
        ...options.ifMatch === void 0 ? {} : { "if-match": options.ifMatch }
      },
      body: bytes,
      scopes: push,
      what,
      ...options.retry === void 0 ? {} : { retry: options.retry }
    });
    if (res.status === 412) {
      throw new RegistryError(
        "REGISTRY_CONFLICT",
        `${what}: If-Match ${options.ifMatch ?? ""} no longer holds`,
        {
          status: 412
        }
      );
    }
    if (res.status !== 201 && res.status !== 200 && res.status !== 204) {
      throw responseError(res, "REGISTRY_PUSH", what);
    }
    const stored = contradictingDigest(res, digest2);
    if (stored !== void 0) {
      throw new RegistryError(
        "DIGEST_MISMATCH",
        `${what}: the registry stored ${stored}, expected ${digest2}`
      );
    }
    const ociSubject = res.headers.get("oci-subject") ?? void 0;
    return {
      descriptor: { mediaType: mediaType2, digest: digest2, size: bytes.byteLength },
      ...ociSubject === void 0 ? {} : { ociSubject }
    };
  }
  async function deleteManifest(digest2) {
    parseDigest(digest2, `manifest digest in ${name}`);
    const what = `deleting manifest ${name}@${digest2}`;
    const res = await session.send(registry, {
      method: "DELETE",
      url: await url(`manifests/${digest2}`),
      scopes: del,
      what
    });
    if (res.status === 202 || res.status === 200 || res.status === 204) return;
    throw responseError(res, "REGISTRY_DELETE", what);
  }
  async function referrersApi(subjectDigest, artifactType) {
    let next = await url(`referrers/${subjectDigest}`);
    if (artifactType !== void 0) next.searchParams.set("artifactType", artifactType);
    const origin = next.origin;
    const found = [];
    for (let page = 0; next !== void 0; page++) {
      if (page >= MAX_REFERRER_PAGES) {
        throw new RegistryError(
          "TOO_LARGE",
          `listing referrers of ${name}@${subjectDigest}: more than ${MAX_REFERRER_PAGES} pages`
        );
      }
      const what = `listing referrers of ${name}@${subjectDigest}`;
      const res = await session.send(registry, {
        method: "GET",
        url: next,
        headers: { accept: MEDIA_TYPE.ociIndex },
        maxBytes: LIMITS.referrersListingBytes,
        scopes: readScopes(),
        what
      });
      const type = contentType(res);
      if (page === 0) {
        if (res.status === 404) {
          if (registryErrorOf(res).code === "NAME_UNKNOWN") {
            throw responseError(res, "REGISTRY_NOT_FOUND", `${what}: repository not found`);
          }
          session.setReferrersCapability(registry, "unsupported");
          return void 0;
        }
        if (res.status === 405 || res.status === 200 && type !== MEDIA_TYPE.ociIndex) {
          session.setReferrersCapability(registry, "unsupported");
          return void 0;
        }
      }
      if (res.status !== 200) throw responseError(res, "REGISTRY_PROTOCOL", what);
      if (type !== MEDIA_TYPE.ociIndex) {
        throw new RegistryError(
          "REGISTRY_PROTOCOL",
          `${what}: page ${page + 1} has Content-Type ${type ?? "none"}, expected ${MEDIA_TYPE.ociIndex}`
        );
      }
      session.setReferrersCapability(registry, "supported");
      const index = toImageIndex(
        parseJsonObject(res.body, `referrers listing of ${name}@${subjectDigest}`),
        `referrers listing of ${name}@${subjectDigest}`
      );
      const applied = (res.headers.get("oci-filters-applied") ?? "").split(",").map((s) => s.trim()).includes("artifactType");
      const annotated = index.annotations?.["org.opencontainers.referrers.filtersApplied"]?.split(",").includes("artifactType") ?? false;
      const filtered = artifactType === void 0 || applied || annotated;
      found.push(...index.manifests.filter((d) => filtered || d.artifactType === artifactType));
      next = nextLink(res, origin, what);
    }
    return found;
  }
  function nextLink(res, origin, what) {
    const link = res.headers.get("link");
    if (link === null) return void 0;
    for (const part of link.split(",")) {
      const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
      if (m === null || !/rel="?next"?/i.test(m[2])) continue;
      const target = new URL(m[1], res.url);
      if (target.origin !== origin) {
        throw new RegistryError(
          "REGISTRY_PROTOCOL",
          `${what}: the next page link points to another origin ${target.origin}`
        );
      }
      return target;
    }
    return void 0;
  }
  async function readTagIndex(subjectDigest) {
    const tag = referrersTag(subjectDigest);
    const what = `reading referrers index ${name}:${tag}`;
    const res = await session.send(registry, {
      method: "GET",
      url: await url(`manifests/${tag}`),
      headers: { accept: `${MEDIA_TYPE.ociIndex}, ${MANIFEST_ACCEPT}` },
      maxBytes: LIMITS.referrersListingBytes,
      scopes: readScopes(),
      what
    });
    if (res.status === 404) return void 0;
    if (res.status !== 200) throw responseError(res, "REGISTRY_PROTOCOL", what);
    const digest2 = digestOf(res.body);
    const claimed = contradictingDigest(res, digest2);
    if (claimed !== void 0) {
      throw new RegistryError(
        "DIGEST_MISMATCH",
        `${what}: content hashes to ${digest2} but Docker-Content-Digest says ${claimed}`
      );
    }
    const json = parseJsonObject(res.body, `referrers index ${name}:${tag}`);
    if (json.mediaType !== void 0 && json.mediaType !== MEDIA_TYPE.ociIndex) {
      throw new RegistryError(
        "REGISTRY_PROTOCOL",
        `${what}: the tag holds a ${String(json.mediaType)}, not an image index`
      );
    }
    const index = toImageIndex(json, `referrers index ${name}:${tag}`);
    const etag = res.headers.get("etag") ?? void 0;
    return { digest: digest2, manifests: index.manifests, ...etag === void 0 ? {} : { etag } };
  }
  async function tagListed(subjectDigest) {
    const tag = referrersTag(subjectDigest);
    const what = `listing the tags of ${name}`;
    const last = tag.slice(0, -1);
    try {
      let next = await url("tags/list");
      next.searchParams.set("n", String(TAG_PAGE_SIZE));
      next.searchParams.set("last", last);
      const origin = next.origin;
      for (let page = 0; next !== void 0 && page < MAX_TAG_PAGES; page++) {
        const res = await session.send(registry, {
          method: "GET",
          url: next,
          maxBytes: LIMITS.referrersListingBytes,
          scopes: readScopes(),
          what
        });
        if (res.status !== 200) {
          logger.debug(`${what}: HTTP ${res.status}; cannot tell whether ${tag} exists`);
          return void 0;
        }
        const tags = tagsOf(res);
        if (tags === void 0) return void 0;
        if (tags.includes(tag)) return true;
        next = nextLink(res, origin, what);
        if (next === void 0 || pageIsPastTag(tags, last, tag)) return false;
      }
      return void 0;
    } catch (err) {
      logger.debug(`${what}: ${err instanceof Error ? err.message : String(err)}`);
      return void 0;
    }
  }
  async function writeTagIndex(subjectDigest, entry, whileWaiting) {
    const tag = referrersTag(subjectDigest);
    const result = await addToReferrersIndex(
      {
        read: () => readTagIndex(subjectDigest),
        tagListed: () => tagListed(subjectDigest),
        write: async (bytes, ifMatch) => (
          // Never replayed by the transport: a late replay of this index would drop what
          // another writer added since; addToReferrersIndex re-reads and merges instead.
          (await pushManifest(bytes, MEDIA_TYPE.ociIndex, {
            tag,
            retry: false,
            ...ifMatch === void 0 ? {} : { ifMatch }
          })).descriptor.digest
        ),
        remove: (digest2) => deleteManifest(digest2)
      },
      [entry],
      {
        logger,
        sleep: whileWaiting === void 0 ? opts.sleep : (ms) => whileWaiting(() => opts.sleep(ms)),
        tag: `${name}:${tag}`,
        ...opts.settleMs === void 0 ? {} : { minSettleMs: opts.settleMs }
      }
    );
    for (const w of result.warnings) logger.debug(w);
    return { indexDigest: result.indexDigest, warnings: result.warnings };
  }
  async function listReferrers(subject, options = {}) {
    const digest2 = typeof subject === "string" ? subject : subject.digest;
    parseDigest(digest2, `subject digest in ${name}`);
    const mode = options.mode ?? "auto";
    const { artifactType } = options;
    const fromTag = async () => {
      const index = await readTagIndex(digest2);
      return (index?.manifests ?? []).filter(
        (d) => artifactType === void 0 || d.artifactType === artifactType
      );
    };
    if (mode === "tag") return { descriptors: await fromTag(), via: "tag" };
    if (mode === "auto" && session.referrersCapability(registry) === "unsupported") {
      return { descriptors: await fromTag(), via: "tag" };
    }
    const api = await referrersApi(digest2, artifactType);
    if (api === void 0) {
      if (mode === "api") throw unsupported();
      return { descriptors: await fromTag(), via: "tag" };
    }
    if (mode === "api") return { descriptors: api, via: "api" };
    const extra = await fromTag();
    const seen = new Set(api.map((d) => d.digest));
    return { descriptors: [...api, ...extra.filter((d) => !seen.has(d.digest))], via: "api" };
  }
  function unsupported() {
    return new RegistryError(
      "REFERRERS_UNSUPPORTED",
      `registry ${registry} has no OCI Referrers API (GET /v2/${repository}/referrers/<digest> is not served)`,
      {
        remedy: 'use referrers mode "auto" or "tag"'
      }
    );
  }
  function probeReferrers() {
    return session.probeReferrers(registry, () => referrersApi(ZERO_DIGEST, void 0));
  }
  async function prepareReferrers(mode) {
    if (mode === "tag") return;
    if (mode === "auto") {
      if (session.referrersCapability(registry) === void 0)
        probeReferrers().catch(() => void 0);
      return;
    }
    if (session.referrersCapability(registry) === void 0) await probeReferrers();
    if (session.referrersCapability(registry) !== "supported") throw unsupported();
  }
  async function pushReferrer(input, options = {}) {
    const mode = options.mode ?? "auto";
    const what = `referrer manifest for ${name}`;
    const manifest = toImageManifest(parseJsonObject(input.manifest, what), what);
    if (manifest.subject === void 0) {
      throw new RegistryError(
        "MANIFEST_INVALID",
        `${what}: "subject" is missing; a referrer must name the manifest it refers to`
      );
    }
    const subject = manifest.subject;
    const mediaType2 = input.mediaType ?? manifest.mediaType ?? MEDIA_TYPE.ociManifest;
    pushing = true;
    if (mode === "api") await prepareReferrers("api");
    if (mode === "auto") await session.referrersProbeInFlight(registry)?.catch(() => void 0);
    const pushed = await pushManifest(input.manifest, mediaType2);
    const entry = referrerDescriptor(
      manifest,
      mediaType2,
      pushed.descriptor.digest,
      pushed.descriptor.size
    );
    const warnings = [];
    if (pushed.ociSubject !== void 0)
      logger.debug(`${name}: OCI-Subject ${pushed.ociSubject} (a hint; checking the listing)`);
    if (mode !== "tag" && session.referrersCapability(registry) !== "unsupported") {
      const listed = await referrersApi(subject.digest, entry.artifactType);
      if (listed !== void 0 && listed.some((d) => d.digest === entry.digest)) {
        return { descriptor: pushed.descriptor, via: "api", warnings };
      }
      if (listed !== void 0) {
        warnings.push(
          `${name}: the Referrers API does not list ${entry.digest} for ${subject.digest} after the push; also writing the referrers tag index ${referrersTag(subject.digest)}`
        );
      } else if (mode === "api") {
        warnings.push(
          `${name}: the Referrers API disappeared after the probe; writing the referrers tag index instead`
        );
      }
    }
    const written = await writeTagIndex(subject.digest, entry, options.whileWaiting);
    warnings.push(...written.warnings);
    return { descriptor: pushed.descriptor, via: "tag", indexDigest: written.indexDigest, warnings };
  }
  return {
    reference,
    name,
    resolve,
    fetchManifest,
    fetchBlob,
    blobExists: (digest2) => blobExists(digest2),
    pushBlob,
    startUpload,
    pushManifest,
    deleteManifest,
    listReferrers,
    pushReferrer,
    prepareReferrers
  };
}

// src/oci/credentials.ts
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { posix, win32 } from "node:path";

// src/oci/helper-launch.ts
import { statSync } from "node:fs";
import path from "node:path";
var DEFAULT_PATHEXT = ".COM;.EXE;.BAT;.CMD";
function windowsEnv(env, name) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name);
  return key === void 0 ? void 0 : env[key];
}
function isRegularFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
function findOnWindowsPath(program, env, isFile = isRegularFile) {
  const dirs = (windowsEnv(env, "PATH") ?? "").split(";").map((d) => d.trim().replace(/^"(.*)"$/, "$1")).filter((d) => d !== "");
  const extensions = (windowsEnv(env, "PATHEXT") || DEFAULT_PATHEXT).split(";").map((e) => e.trim().toLowerCase()).filter((e) => e.startsWith("."));
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = path.win32.join(dir, `${program}${ext}`);
      if (isFile(candidate)) return candidate;
    }
  }
  return void 0;
}
function helperLaunch(program, env, platform = process.platform, isFile = isRegularFile) {
  const direct = { command: program, args: ["get"], shell: false };
  if (platform !== "win32") return direct;
  const found = findOnWindowsPath(program, env, isFile);
  if (found === void 0) return direct;
  if (!/\.(bat|cmd)$/i.test(found)) return { ...direct, command: found };
  if (/["%!^\r\n]/.test(found)) {
    throw new RegistryError(
      "REGISTRY_CREDENTIALS",
      `credential helper ${found} is a batch file whose path cmd.exe cannot take safely (it contains " % ! or ^): move it or use an .exe helper`
    );
  }
  return { command: `"${found}"`, args: ["get"], shell: true };
}

// src/oci/credentials.ts
function staticCredentials(entries) {
  const byKey = new Map(Object.entries(entries).map(([host, c]) => [credentialKey(host), c]));
  return async (registry) => byKey.get(credentialKey(registry));
}
function chainCredentials(...sources) {
  return async (registry) => {
    for (const source of sources) {
      const found = await source(registry);
      if (found !== void 0) return found;
    }
    return void 0;
  };
}
var DOCKER_HUB_SERVER_URL = "https://index.docker.io/v1/";
var HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function dockerConfigPath(env = process.env, platform = process.platform) {
  const paths = platform === "win32" ? win32 : posix;
  const dir = env.DOCKER_CONFIG;
  if (dir !== void 0 && dir !== "") return paths.join(dir, "config.json");
  const home = (platform === "win32" ? env.USERPROFILE || env.HOME : env.HOME) || homedir();
  return paths.join(home, ".docker", "config.json");
}
function dockerConfigCredentials(options = {}) {
  const env = options.env ?? process.env;
  const path2 = options.configPath ?? dockerConfigPath(env, options.platform);
  let config;
  async function load() {
    let text;
    try {
      text = await readFile(path2, "utf8");
    } catch (err) {
      if (err.code === "ENOENT") return void 0;
      throw new RegistryError("REGISTRY_CREDENTIALS", `cannot read docker config ${path2}`, {
        cause: err
      });
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new RegistryError("REGISTRY_CREDENTIALS", `docker config ${path2} is not valid JSON`, {
        cause: err
      });
    }
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      throw new RegistryError("REGISTRY_CREDENTIALS", `docker config ${path2} is not a JSON object`);
    }
    return json;
  }
  return async (registry) => {
    config ??= load();
    const cfg = await config;
    if (cfg === void 0) return void 0;
    const key = credentialKey(registry);
    const helperEntry = Object.entries(cfg.credHelpers ?? {}).find(
      ([k]) => credentialKey(k) === key
    );
    const authEntry = Object.entries(cfg.auths ?? {}).find(([k]) => credentialKey(k) === key);
    const serverUrl = key === DOCKER_HUB ? DOCKER_HUB_SERVER_URL : helperEntry?.[0] ?? authEntry?.[0] ?? key;
    if (helperEntry !== void 0) {
      return runHelper(helperEntry[1], serverUrl, registry, { ...options, env });
    }
    if (cfg.credsStore !== void 0 && cfg.credsStore !== "") {
      try {
        const found = await runHelper(cfg.credsStore, serverUrl, registry, { ...options, env });
        if (found !== void 0) return found;
      } catch (err) {
        if (err.cause?.code !== "ENOENT") throw err;
        options.logger?.debug(
          `docker config: credsStore helper ${cfg.credsStore} is not installed; using auths`
        );
      }
    }
    return authEntry === void 0 ? void 0 : fromAuthEntry(authEntry[1], path2, authEntry[0]);
  };
}
function fromAuthEntry(entry, path2, key) {
  let username = entry.username;
  let password = entry.password;
  if (typeof entry.auth === "string" && entry.auth !== "") {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) {
      throw new RegistryError(
        "REGISTRY_CREDENTIALS",
        `docker config ${path2}: "auth" of "${key}" is not base64 of username:password`
      );
    }
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  if (typeof entry.identitytoken === "string" && entry.identitytoken !== "") {
    return { identityToken: entry.identitytoken, ...username ? { username } : {} };
  }
  if (typeof entry.registrytoken === "string" && entry.registrytoken !== "") {
    return { registryToken: entry.registrytoken };
  }
  if (username !== void 0 && username !== "" && password !== void 0)
    return { username, password };
  return void 0;
}
async function runHelper(name, serverUrl, registry, options) {
  if (!HELPER_NAME.test(name)) {
    throw new RegistryError("REGISTRY_CREDENTIALS", `credential helper name "${name}" is not valid`);
  }
  const program = `docker-credential-${name}`;
  const timeoutMs = options.helperTimeoutMs ?? 3e4;
  const launch = helperLaunch(program, options.env, options.platform);
  const { code, stdout, stderr, spawnError } = await new Promise((resolve) => {
    const child = spawn(launch.command, launch.args, {
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
      timeout: timeoutMs,
      shell: launch.shell
    });
    const out = [];
    const err = [];
    let size = 0;
    child.stdout.on("data", (c) => {
      size += c.length;
      if (size <= 1024 * 1024) out.push(c);
    });
    child.stderr.on("data", (c) => {
      if (err.length < 64) err.push(c);
    });
    child.on(
      "error",
      (e) => resolve({ code: null, stdout: "", stderr: "", spawnError: e })
    );
    child.on(
      "close",
      (c) => resolve({
        code: c,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString()
      })
    );
    child.stdin.on("error", () => void 0);
    child.stdin.end(serverUrl);
  });
  if (spawnError !== void 0) {
    const missing = spawnError.code === "ENOENT";
    throw new RegistryError(
      "REGISTRY_CREDENTIALS",
      missing ? `credential helper ${program} for ${registry} is not found on PATH` : `credential helper ${program} for ${registry} could not be started: ${spawnError.code ?? spawnError.message}`,
      { cause: spawnError }
    );
  }
  if (code !== 0) {
    if (/credentials not found/i.test(stdout + stderr)) return void 0;
    const detail = (stderr || stdout).trim().split("\n")[0]?.slice(0, 200) ?? "";
    throw new RegistryError(
      "REGISTRY_CREDENTIALS",
      `credential helper ${program} failed for ${registry} (exit ${String(code)})${detail ? `: ${detail}` : ""}`
    );
  }
  let parsed;
  try {
    parsed = JSON.parse(stdout);
  } catch (err) {
    throw new RegistryError(
      "REGISTRY_CREDENTIALS",
      `credential helper ${program} printed no JSON for ${registry}`,
      {
        cause: err
      }
    );
  }
  const username = typeof parsed.Username === "string" ? parsed.Username : "";
  const secret = typeof parsed.Secret === "string" ? parsed.Secret : "";
  if (secret === "") return void 0;
  if (username === "<token>") return { identityToken: secret };
  return { username, password: secret };
}

// src/signer/load-local.ts
import { readFile as readFile2 } from "node:fs/promises";

// src/signer/local-key.ts
import { createPrivateKey, createPublicKey } from "node:crypto";
var KEY_LABELS = /* @__PURE__ */ new Set(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"]);
function parsePrivateKeyPem(keyPem, name = "the signing key") {
  let blocks;
  try {
    blocks = parsePemBlocks(keyPem);
  } catch (err) {
    throw new SigningError("SIGNER_KEY_INVALID", `${name} is not valid PEM`, { cause: err });
  }
  if (blocks.some((b) => b.label === "ENCRYPTED PRIVATE KEY")) {
    throw new SigningError(
      "SIGNER_KEY_ENCRYPTED",
      `${name} is an encrypted PKCS#8 key; provide it unencrypted (e.g. with "openssl pkcs8 -in key.pem -out plain.pem"), kept in a secret`
    );
  }
  const block = blocks.find((b) => KEY_LABELS.has(b.label));
  if (!block) {
    throw new SigningError(
      "SIGNER_KEY_INVALID",
      `${name} has no "PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY" PEM block${blocks.length > 0 ? ` (found ${blocks.map((b) => `"${b.label}"`).join(", ")})` : ""}`
    );
  }
  if (block.headers.some((h) => /^Proc-Type:\s*4,ENCRYPTED/i.test(h))) {
    throw new SigningError(
      "SIGNER_KEY_ENCRYPTED",
      `${name} ("${block.label}") is password-encrypted; provide it unencrypted, kept in a secret`
    );
  }
  const der = Buffer.from(block.der);
  const type = block.label === "PRIVATE KEY" ? "pkcs8" : block.label === "RSA PRIVATE KEY" ? "pkcs1" : "sec1";
  try {
    return createPrivateKey({ key: der, format: "der", type });
  } catch (err) {
    throw new SigningError("SIGNER_KEY_INVALID", `${name} ("${block.label}") cannot be parsed`, {
      cause: err
    });
  }
}
function createLocalKeySigner(options) {
  const names = options.names ?? { key: "the signing key", chain: "the signing certificate chain" };
  const privateKey = parsePrivateKeyPem(options.keyPem, names.key);
  let chain;
  let validated;
  try {
    chain = pemToCertificates(options.chainPem, names.chain);
    validated = validateCodeSigningChain(chain, { signingTime: options.now });
  } catch (err) {
    throw new SigningError(
      "SIGNER_CHAIN_INVALID",
      `${names.chain} is not a valid Notary code-signing chain at ${options.now.toISOString()}`,
      { cause: err }
    );
  }
  let keySpec;
  try {
    keySpec = keySpecOfKey(privateKey, names.key);
  } catch (err) {
    throw new SigningError("SIGNER_KEY_INVALID", `${names.key} type or size is not supported`, {
      cause: err
    });
  }
  const ownPublic = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  const leafPublic = validated.leaf.publicKey.export({ format: "der", type: "spki" });
  if (!ownPublic.equals(leafPublic)) {
    throw new SigningError(
      "SIGNER_KEY_MISMATCH",
      `${names.key} does not match the public key of the leaf certificate "${policySubject(validated.leaf)}" (the first certificate of the chain)`
    );
  }
  const algorithm = algorithmForKeySpec(keySpec);
  const certificateChain = chain;
  return {
    keySpec,
    algorithm,
    description: `local key (${keySpec}, leaf "${policySubject(validated.leaf)}")`,
    certificateChain,
    sign(toBeSigned) {
      return Promise.resolve({
        signature: signRaw(algorithm, privateKey, toBeSigned),
        certificateChain: certificateChain.map((c) => new Uint8Array(c))
      });
    },
    currentChain() {
      return Promise.resolve(certificateChain.map((c) => new Uint8Array(c)));
    }
  };
}

// src/signer/load-local.ts
var PEM_MARKER = "-----BEGIN ";
async function loadPemInput(value, inputName) {
  const trimmed = value.trim();
  if (trimmed === "") throw new ConfigError("INPUT_MISSING", `${inputName} is empty`);
  if (trimmed.includes(PEM_MARKER)) return trimmed;
  if (trimmed.includes("\n")) {
    throw new ConfigError(
      "INPUT_INVALID",
      `${inputName} is neither PEM text (no "-----BEGIN" line) nor a single file path`
    );
  }
  let text;
  try {
    text = await readFile2(trimmed, "utf8");
  } catch (err) {
    const code = err.code;
    throw new ConfigError(
      "INPUT_INVALID",
      `${inputName}: cannot read file "${trimmed}"${code ? ` (${code})` : ""}`,
      { cause: err }
    );
  }
  if (!text.includes(PEM_MARKER)) {
    throw new ConfigError("INPUT_INVALID", `${inputName}: file "${trimmed}" holds no PEM block`);
  }
  return text;
}

// src/timestamp/client.ts
import { randomBytes as nodeRandomBytes } from "node:crypto";

// src/timestamp/request.ts
var asn1js = __toESM(require_build(), 1);
var NONCE_BYTES = 20;
function nonceFromRandom(random) {
  if (random.length < NONCE_BYTES) {
    throw new TimestampError(
      "TSA_REQUEST",
      `nonce needs ${NONCE_BYTES} random bytes, got ${random.length}`
    );
  }
  const bytes = new Uint8Array(random.subarray(0, NONCE_BYTES));
  bytes[0] = (bytes[0] ?? 0) & 127;
  const value = bigintFromUnsigned(bytes);
  return value === 0n ? 1n : value;
}
var SUPPORTED = ["SHA-256", "SHA-384", "SHA-512"];
function createTimestampRequest(input) {
  const { message, hash } = input;
  if (!SUPPORTED.includes(hash)) {
    throw new TimestampError(
      "TSA_REQUEST",
      `unsupported hash algorithm "${String(hash)}" for the message imprint; use SHA-256, SHA-384 or SHA-512`
    );
  }
  if (message.length === 0) {
    throw new TimestampError("TSA_REQUEST", "the message to timestamp is empty");
  }
  const nonce = nonceFromRandom(input.nonceRandom);
  const hashed = digest(hash, message);
  const req = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      // MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING }
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [new asn1js.ObjectIdentifier({ value: oidOfHash(hash) }), new asn1js.Null()]
          }),
          new asn1js.OctetString({ valueHex: hashed })
        ]
      }),
      new asn1js.Integer({ valueHex: integerContents(nonce) }),
      new asn1js.Boolean({ value: true })
    ]
  });
  return { der: new Uint8Array(req.toBER()), nonce, hash, digest: hashed };
}

// src/timestamp/client.ts
var TIMESTAMP_QUERY = "application/timestamp-query";
var TIMESTAMP_REPLY = "application/timestamp-reply";
var MAX_RESPONSE_BYTES = 1024 * 1024;
var DEFAULT_TIMEOUT_MS = 15e3;
var DEFAULT_MAX_ATTEMPTS = 3;
var DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 6e4;
function checkUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch (err) {
    throw new TimestampError(
      "TSA_REQUEST",
      `timestamp URL "${redactUrl(url)}" is not a valid URL`,
      {
        cause: err
      }
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new TimestampError(
      "TSA_REQUEST",
      `timestamp URL ${redactUrl(url)}: scheme must be http or https, but got "${parsed.protocol.replace(/:$/, "")}"`
    );
  }
  if (parsed.hostname === "") {
    throw new TimestampError("TSA_REQUEST", `timestamp URL ${redactUrl(url)}: host cannot be empty`);
  }
  return parsed;
}
function mediaType(value) {
  return (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
function transportFailure(err, url) {
  if (err instanceof TransportError) {
    switch (err.code) {
      case "TIMEOUT":
        return {
          error: new TimestampError(
            "TSA_TIMEOUT",
            `POST ${url}: timestamp authority did not answer in time`,
            {
              cause: err,
              url
            }
          ),
          transient: true
        };
      case "RESPONSE_TOO_LARGE":
        return {
          error: new TimestampError(
            "TSA_RESPONSE_INVALID",
            `POST ${url}: unexpected large http response, max response body size allowed is 1 MiB`,
            { cause: err, url }
          ),
          transient: false
        };
      case "NETWORK":
        return {
          error: new TimestampError(
            "TSA_HTTP",
            `POST ${url}: cannot reach the timestamp authority`,
            {
              cause: err,
              url
            }
          ),
          transient: true
        };
      default:
        return {
          error: new TimestampError("TSA_HTTP", `POST ${url}: request failed`, { cause: err, url }),
          transient: false
        };
    }
  }
  return {
    error: new TimestampError("TSA_HTTP", `POST ${url}: request failed`, { cause: err, url }),
    transient: false
  };
}
function withUrl(err, url) {
  const code = err instanceof TimestampError ? err.code : "TSA_RESPONSE_INVALID";
  return new TimestampError(code, `the response of timestamp authority ${url} was refused`, {
    cause: err,
    url
  });
}
function createTimestamper(options) {
  if (options.urls.length === 0) {
    throw new TimestampError("TSA_REQUEST", "no timestamp URL was given");
  }
  const urls = options.urls.map(checkUrl);
  if (options.roots.length === 0 && options.allowUnanchored !== true) {
    throw new TimestampError(
      "TSA_REQUEST",
      "no TSA root certificate was given; a timestamp URL needs the TSA root certificate to verify tokens"
    );
  }
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 1e4;
  const maxClockSkewMs = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const random = options.randomBytes ?? ((n) => new Uint8Array(nodeRandomBytes(n)));
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  async function attempt(url, request, message) {
    const shown = redactUrl(url);
    let res;
    try {
      res = await options.transport.request({
        method: "POST",
        url,
        headers: { "content-type": TIMESTAMP_QUERY, accept: TIMESTAMP_REPLY },
        body: request.der,
        timeoutMs,
        maxBytes: MAX_RESPONSE_BYTES,
        retry: false
      });
    } catch (err) {
      throw transportFailure(err, shown);
    }
    if (res.status !== 200) {
      const hinted = retryAfterMs(res.headers);
      throw {
        error: new TimestampError(
          "TSA_HTTP",
          `POST ${shown}: https response bad status: ${res.status}`,
          { url: shown }
        ),
        transient: isRetryableStatus(res.status),
        ...hinted !== void 0 ? { retryAfter: hinted } : {}
      };
    }
    const type = mediaType(res.headers.get("content-type"));
    if (type !== TIMESTAMP_REPLY) {
      throw {
        error: new TimestampError(
          "TSA_HTTP",
          `POST ${shown}: unexpected response content type: "${type}", expected ${TIMESTAMP_REPLY}`,
          { url: shown }
        ),
        transient: false
      };
    }
    try {
      const token = timestampTokenFromResponse(res.body);
      const info = verifyTimestampToken({
        token,
        message,
        roots: options.roots,
        ...options.allowUnanchored === true ? { allowUnanchored: true } : {},
        nonce: request.nonce,
        expectedHash: request.hash,
        now: now(),
        maxClockSkewMs
      });
      if (!info.tstInfo.genTimeUtc) {
        throw new TimestampError(
          "TSA_RESPONSE_INVALID",
          `TSTInfo genTime must be in UTC, got "${info.tstInfo.genTimeText}"`
        );
      }
      return { token, info, url: shown };
    } catch (err) {
      throw { error: withUrl(err, shown), transient: false };
    }
  }
  async function fromUrl(url, request, message) {
    for (let n = 1; ; n++) {
      try {
        return await attempt(url, request, message);
      } catch (thrown) {
        const failure = thrown;
        if (!failure.transient || n >= maxAttempts) throw failure.error;
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
        const wait = Math.min(maxDelayMs, failure.retryAfter ?? backoff);
        logger.debug(
          `timestamp authority ${redactUrl(url)}: ${failure.error.code}, retrying in ${wait} ms (attempt ${n + 1} of ${maxAttempts})`
        );
        await sleep(wait);
      }
    }
  }
  async function timestampWithInfo(message, hash) {
    const request = createTimestampRequest({ message, hash, nonceRandom: random(NONCE_BYTES) });
    const failures = [];
    for (const [i, url] of urls.entries()) {
      try {
        const result = await fromUrl(url, request, message);
        logger.info(`timestamped by ${result.url}: genTime ${result.info.genTime.toISOString()}`);
        return result;
      } catch (err) {
        const error = err instanceof TimestampError ? err : withUrl(err, redactUrl(url));
        failures.push(error);
        const next = urls[i + 1];
        if (next !== void 0) {
          logger.warning(
            `timestamp authority ${redactUrl(url)} failed (${error.code}); trying ${redactUrl(next)}`,
            { title: "Timestamp fallback" }
          );
        }
      }
    }
    const last = failures[failures.length - 1];
    if (failures.length === 1) throw last;
    throw new TimestampError(
      last.code,
      `all ${failures.length} timestamp authorities failed: ${failures.map((f, i) => `${f.url ?? redactUrl(urls[i])} (${f.code})`).join(", ")}; the last failure follows`,
      { cause: last }
    );
  }
  return {
    timestampWithInfo,
    async timestamp(message, hash) {
      return (await timestampWithInfo(message, hash)).token;
    },
    async prepare() {
      options.transport.preconnect?.(urls[0]);
    }
  };
}

// src/timestamp/roots.ts
function checkTimestampRoots(roots, inputName) {
  if (roots.length === 0) {
    throw new ConfigError("INPUT_INVALID", `input ${inputName} holds no certificate`);
  }
  roots.forEach((der, i) => {
    const cert = parseCertificate(der);
    const which = roots.length === 1 ? "the certificate" : `certificate ${i + 1}`;
    const problem = !cert.selfSigned ? cert.selfIssued ? "is self-issued but its signature does not verify with its own key" : `is not self-signed (issued by "${cert.issuer}")` : !cert.basicConstraints.cA ? "is self-signed but not a CA (basicConstraints cA is not true)" : void 0;
    if (problem === void 0) return;
    throw new ConfigError(
      "INPUT_INVALID",
      `input ${inputName}: ${which} ("${cert.subject}") ${problem}; it must be the TSA's root certificate`,
      {
        remedy: `give the root CA certificate of the TSA's chain in ${inputName}, not the TSA's own (leaf) certificate`
      }
    );
  });
}

// src/verify/lazy-revocation.ts
function createLazyRevocationChecker(options) {
  let checker;
  return {
    check(chain, checkOptions) {
      checker ??= import("./revocation-P4VSXWBJ.js").then((m) => m.createRevocationChecker(options));
      return checker.then((c) => c.check(chain, checkOptions));
    }
  };
}

// src/commands/deps.ts
var SIGNING_AGENT = `oci-notary-action/${VERSION}`;
function productionTransport(runtime) {
  return createTransport({
    logger: runtime.logger,
    ...runtime.onRequest ? { onRequest: runtime.onRequest } : {}
  });
}
function lazyAzureCredential(azure, runtime, transport) {
  let credential;
  return () => {
    if (credential !== void 0) return credential;
    const idTokenRequested = requestIdTokenEarly(azure, runtime.env);
    credential = import("./credential-QX4YINDW.js").then(
      ({ createAzureCredential }) => createAzureCredential({
        ...azure.clientId ? { clientId: azure.clientId } : {},
        ...azure.tenantId ? { tenantId: azure.tenantId } : {},
        ...azure.authorityHost ? { authorityHost: azure.authorityHost } : {},
        logger: runtime.logger,
        env: runtime.env,
        transport,
        ...idTokenRequested === void 0 ? {} : { idTokenRequested }
      })
    );
    return credential;
  };
}
function requestIdTokenEarly(azure, env) {
  const { clientId, tenantId, authorityHost } = entraSettings(azure, env);
  if (clientId === void 0 || tenantId === void 0) return void 0;
  const audience = audienceForAuthority(authorityHost);
  const token = import("./oidc-BQFXB6ZG.js").then(
    ({ getGitHubIdToken }) => getGitHubIdToken(audience, env)
  );
  token.catch(() => void 0);
  return { audience, token };
}
var ACR_HOST = /\.azurecr\.(io|cn|us)$/i;
function azureIdentityConfigured(azure, env) {
  return Boolean(azure.clientId ?? env.AZURE_CLIENT_ID);
}
function registryCredentials(connection) {
  const { images, registry, azure, transport, runtime, credential, access } = connection;
  const sources = [];
  if (registry.username !== void 0 && registry.password !== void 0) {
    const entries = {};
    for (const image of images) {
      entries[parseReference(image).registry] = {
        username: registry.username,
        password: registry.password
      };
    }
    sources.push(staticCredentials(entries));
  }
  if (azureIdentityConfigured(azure, runtime.env)) {
    const signedIn = /* @__PURE__ */ new Map();
    sources.push(async (host) => {
      if (!ACR_HOST.test(host)) return void 0;
      let pending = signedIn.get(host);
      if (pending === void 0) {
        pending = Promise.all([import("./acr-HOJOTSPL.js"), credential()]).then(
          ([{ acrSignIn }, azureCredential]) => acrSignIn({
            registry: host,
            credential: azureCredential,
            transport,
            logger: runtime.logger,
            mask: runtime.mask,
            access
          })
        ).then(
          (c) => c,
          (err) => {
            const remedy = err instanceof ActionError && err.remedy ? `; ${err.remedy}` : "";
            runtime.logger.warning(
              `signing in to ${host} with the Azure identity failed (${err instanceof Error ? err.message : String(err)}${remedy}); trying the docker config`
            );
            return void 0;
          }
        );
        signedIn.set(host, pending);
      }
      return pending;
    });
  }
  sources.push(dockerConfigCredentials({ env: runtime.env, logger: runtime.logger }));
  return chainCredentials(...sources);
}
function productionRegistry(connection) {
  return createRegistryClient({
    transport: connection.transport,
    logger: connection.runtime.logger,
    credentials: registryCredentials(connection),
    insecureRegistries: connection.registry.insecureRegistries,
    access: connection.access
  });
}
async function productionSigner(signer, transport, runtime, credential, now) {
  if (signer.kind === "local-key") {
    const keyPem = await loadPemInput(signer.key, "signing-key");
    runtime.mask(keyPem);
    return createLocalKeySigner({
      keyPem,
      chainPem: await loadPemInput(signer.certificateChain, "signing-certificate-chain"),
      now,
      names: { key: "signing-key", chain: "signing-certificate-chain" }
    });
  }
  if (signer.kind === "key-vault") {
    const chainPem = signer.certificateChain === void 0 ? void 0 : await loadPemInput(signer.certificateChain, "azure-key-vault-certificate-chain");
    const identity2 = credential();
    identity2.catch(() => void 0);
    const { createKeyVaultSigner } = await import("./key-vault-signer-AMSFFH2B.js");
    return createKeyVaultSigner({
      keyId: signer.keyId,
      ...chainPem === void 0 ? {} : { certificateChainPem: chainPem },
      allowUntrustedEndpoint: signer.allowUntrustedEndpoint,
      credential: await identity2,
      transport,
      logger: runtime.logger,
      mask: runtime.mask,
      now
    });
  }
  const correlation = runtime.env.GITHUB_RUN_ID ? `${runtime.env.GITHUB_RUN_ID}-${runtime.env.GITHUB_RUN_ATTEMPT ?? "1"}` : void 0;
  const identity = credential();
  identity.catch(() => void 0);
  const { createArtifactSigningSigner } = await import("./artifact-signing-CT4AVJSF.js");
  return createArtifactSigningSigner({
    endpoint: signer.endpoint,
    allowUntrustedEndpoint: signer.allowUntrustedEndpoint,
    accountName: signer.account,
    certificateProfile: signer.certificateProfile,
    apiVersion: signer.apiVersion,
    credential: await identity,
    transport,
    logger: runtime.logger,
    signTimeoutMs: signer.timeoutMs,
    ...correlation ? { correlationId: correlation } : {}
  });
}
async function loadTimestampRoots(timestamp) {
  if (timestamp?.rootCertificate === void 0) return [];
  const roots = pemToCertificates(
    await loadPemInput(timestamp.rootCertificate, "timestamp-root-certificate"),
    "timestamp-root-certificate"
  );
  checkTimestampRoots(roots, "timestamp-root-certificate");
  return roots;
}
function productionTimestamper(timestamp, roots, transport, runtime) {
  if (timestamp === void 0) return void 0;
  if (roots.length === 0) {
    runtime.logger.info(
      "no timestamp-root-certificate given: each token is checked (signature, TSA certificate, imprint, nonce, time) but its chain is not anchored at signing; verification anchors it in the policy's tsa trust store"
    );
  }
  return createTimestamper({
    urls: timestamp.urls,
    roots,
    allowUnanchored: roots.length === 0,
    transport,
    logger: runtime.logger
  });
}
async function loadVerification(verify, transport, runtime) {
  const [{ loadTrustPolicy }, { loadTrustStore }] = await Promise.all([
    import("./load-policy-OLINWNNE.js"),
    import("./trust-store-load-CQ7GDTVJ.js")
  ]);
  const { document } = await loadTrustPolicy(verify.trustPolicy, { inputName: "trust-policy" });
  if (verify.trustStore === "" && document.trustPolicies.some((p) => p.signatureVerification.level !== "skip")) {
    throw new ConfigError(
      "INPUT_MISSING",
      "input trust-store is required: the trust policy names trust stores"
    );
  }
  const stores = document.trustPolicies.flatMap((p) => p.trustStores);
  const trustStore = verify.trustStore === "" ? await loadTrustStore("{}") : await loadTrustStore(verify.trustStore, { stores });
  return {
    policy: document,
    trustStore,
    revocation: createLazyRevocationChecker({ transport, logger: runtime.logger })
  };
}

// src/envelope/sign.ts
function prepare(req, signingTime, expiry) {
  const algorithm = req.signer.algorithm;
  const times = { algorithm, signingTime, ...expiry ? { expiry } : {} };
  if (req.format === "cose") {
    const protectedBytes = encodeProtectedHeader(times);
    return {
      toBeSigned: sigStructure(protectedBytes, req.payload),
      assemble: (signature, certificateChain, timestampToken) => encodeCoseSign1({
        protectedBytes,
        unprotected: {
          certificateChain,
          signingAgent: req.signingAgent,
          ...timestampToken ? { timestampToken } : {}
        },
        payload: req.payload,
        signature
      })
    };
  }
  const protectedB64 = base64UrlEncode(Buffer.from(encodeJwsProtectedHeader(times), "utf8"));
  const payloadB64 = base64UrlEncode(canonicalJwsPayload(req.payload));
  return {
    toBeSigned: jwsSigningInput(protectedB64, payloadB64),
    assemble: (signature, certificateChain, timestampToken) => encodeJwsEnvelope({
      protectedB64,
      payloadB64,
      signature,
      certificateChain,
      signingAgent: req.signingAgent,
      ...timestampToken ? { timestampToken } : {}
    })
  };
}
async function createSignatureEnvelope(req) {
  const signingTime = truncateToSeconds(req.signingTime);
  const expiry = req.expiry ? truncateToSeconds(req.expiry) : void 0;
  let prepared;
  try {
    prepared = prepare(req, signingTime, expiry);
  } catch (err) {
    throw new SigningError("SIGNER_REQUEST_INVALID", "the sign request is invalid", { cause: err });
  }
  let result;
  try {
    result = await req.signer.sign(prepared.toBeSigned);
  } catch (err) {
    if (err instanceof ActionError) throw err;
    throw new SigningError("SIGNER_FAILED", `signing with ${req.signer.description} failed`, {
      cause: err
    });
  }
  const { signature } = result;
  const certificateChain = result.certificateChain.map((c) => new Uint8Array(c));
  const timestamping = req.timestamper?.timestamp(
    signature,
    // notary-spec.md §4.1: the primitive signature bytes, hashed with the algorithm's hash (the
    // announced algorithm, which must be the leaf's: checked below before the token is used).
    hashForAlgorithm(req.signer.algorithm)
  );
  timestamping?.catch(() => void 0);
  let validated;
  try {
    validated = validateCodeSigningChain(certificateChain, { signingTime });
  } catch (err) {
    throw new SigningError(
      "SIGNER_CHAIN_INVALID",
      `the certificate chain from ${req.signer.description} is not a valid Notary code-signing chain at ${signingTime.toISOString()}`,
      { cause: err }
    );
  }
  const leafAlgorithm = algorithmForKeySpec(validated.keySpec);
  if (leafAlgorithm !== req.signer.algorithm) {
    throw new SigningError(
      "SIGNER_ALGORITHM_MISMATCH",
      `${req.signer.description} announced ${req.signer.algorithm} but its leaf certificate "${validated.leaf.subject}" (${validated.keySpec}) requires ${leafAlgorithm}`
    );
  }
  if (!verifyRaw(leafAlgorithm, validated.leaf.publicKey, prepared.toBeSigned, signature)) {
    throw new SigningError(
      "SIGNER_LEAF_MISMATCH",
      `the signature from ${req.signer.description} does not verify with the key of its leaf certificate "${validated.leaf.subject}" (wrong key, or not ${leafAlgorithm} with the Notary parameters)`
    );
  }
  let timestampToken;
  if (timestamping !== void 0) {
    try {
      timestampToken = await timestamping;
    } catch (err) {
      throw new SigningError("SIGNER_TIMESTAMP", "timestamping the signature failed", {
        cause: err
      });
    }
  }
  const envelope = prepared.assemble(signature, certificateChain, timestampToken);
  const mediaType2 = req.format === "cose" ? MEDIA_TYPE.cose : MEDIA_TYPE.jws;
  if (!verifyEnvelopeSignature(decodeEnvelope(mediaType2, envelope))) {
    throw new SigningError("SIGNER_LEAF_MISMATCH", "the assembled envelope does not verify");
  }
  return {
    envelope,
    mediaType: mediaType2,
    certificateChain,
    signingTime,
    ...timestampToken ? { timestampToken } : {}
  };
}

// src/notary/payload.ts
var RESERVED_PREFIX = "io.cncf.notary";
function checkDescriptor(d) {
  if (typeof d.mediaType !== "string" || d.mediaType === "") {
    throw new NotaryError("PAYLOAD_DESCRIPTOR_INVALID", "the descriptor to sign has no mediaType");
  }
  if (typeof d.digest !== "string" || !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(d.digest)) {
    throw new NotaryError(
      "PAYLOAD_DESCRIPTOR_INVALID",
      `the descriptor digest "${String(d.digest)}" is not a valid digest`
    );
  }
  if (!Number.isSafeInteger(d.size) || d.size < 0) {
    throw new NotaryError(
      "PAYLOAD_DESCRIPTOR_INVALID",
      `the descriptor size ${String(d.size)} is not a non-negative integer`
    );
  }
}
function buildPayload(descriptor, userMetadata = /* @__PURE__ */ new Map()) {
  checkDescriptor(descriptor);
  const annotations = new Map(Object.entries(descriptor.annotations ?? {}));
  for (const [key, value] of userMetadata) {
    if (key.startsWith(RESERVED_PREFIX)) {
      throw new NotaryError(
        "PAYLOAD_METADATA_RESERVED",
        `user metadata key "${key}" uses the reserved prefix "${RESERVED_PREFIX}"`
      );
    }
    if (annotations.has(key)) {
      throw new NotaryError(
        "PAYLOAD_METADATA_DUPLICATE",
        `user metadata key "${key}" is already an annotation of the artifact descriptor`
      );
    }
    annotations.set(key, value);
  }
  return goJsonBytes({
    targetArtifact: {
      mediaType: descriptor.mediaType,
      digest: descriptor.digest,
      size: descriptor.size,
      annotations: annotations.size > 0 ? annotations : void 0
    }
  });
}
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function parsePayload(bytes) {
  let parsed;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new NotaryError("PAYLOAD_MALFORMED", "the signature payload is not valid JSON", {
      cause: err
    });
  }
  if (!isObject(parsed) || !isObject(parsed.targetArtifact)) {
    throw new NotaryError(
      "PAYLOAD_MALFORMED",
      'the signature payload has no "targetArtifact" object'
    );
  }
  const t = parsed.targetArtifact;
  if (typeof t.mediaType !== "string" || t.mediaType === "") {
    throw new NotaryError(
      "PAYLOAD_MALFORMED",
      "payload targetArtifact.mediaType must be a non-empty string"
    );
  }
  if (typeof t.digest !== "string" || t.digest === "") {
    throw new NotaryError(
      "PAYLOAD_MALFORMED",
      "payload targetArtifact.digest must be a non-empty string"
    );
  }
  if (typeof t.size !== "number" || !Number.isSafeInteger(t.size) || t.size < 0) {
    throw new NotaryError(
      "PAYLOAD_MALFORMED",
      "payload targetArtifact.size must be a non-negative integer"
    );
  }
  const targetArtifact = { mediaType: t.mediaType, digest: t.digest, size: t.size };
  if (t.annotations !== void 0 && t.annotations !== null) {
    if (!isObject(t.annotations) || !Object.values(t.annotations).every((v) => typeof v === "string")) {
      throw new NotaryError(
        "PAYLOAD_MALFORMED",
        "payload targetArtifact.annotations must map strings to strings"
      );
    }
    targetArtifact.annotations = { ...t.annotations };
  }
  if (typeof t.artifactType === "string") targetArtifact.artifactType = t.artifactType;
  return { targetArtifact };
}

// src/commands/sign.ts
var SignCommandError = class extends ActionError {
};
function subjectOf(der) {
  return policySubject(der);
}
function trustAnchorsOf(chain, token) {
  const signing = trustAnchorOf(chain);
  const timestamp = token === void 0 ? void 0 : trustAnchorOf(parseTimestampToken(token).certificates);
  return { ...signing ? { signing } : {}, ...timestamp ? { timestamp } : {} };
}
function genTimeOf(token) {
  const info = parseTstInfo(parseTimestampToken(token).eContent);
  return info.genTime.toISOString();
}
async function resolveImage(image, options, deps) {
  const ref = parseReference(image);
  const repository = deps.registry.repository(ref);
  const descriptor = await repository.resolve();
  if (ref.digest === void 0) {
    deps.logger.warning(
      `${image}: resolved tag ${ref.tag ?? "latest"} to ${descriptor.digest}; tags are mutable, the digest is what gets signed`,
      { title: "Signing by tag" }
    );
  }
  const targets = [{ reference: image, repository, descriptor }];
  const isIndex = descriptor.mediaType === MEDIA_TYPE.ociIndex || descriptor.mediaType === MEDIA_TYPE.dockerManifestList;
  if (options.recursive && isIndex) {
    const index = toImageIndex(
      (await repository.fetchManifest(descriptor)).json,
      `index ${descriptor.digest}`
    );
    for (const child of index.manifests) {
      const p = child.platform;
      if (child.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") {
        deps.logger.info(
          `${image}: skipping attestation manifest ${child.digest} (signed via the index)`
        );
        continue;
      }
      targets.push({
        reference: image,
        repository,
        descriptor: { mediaType: child.mediaType, digest: child.digest, size: child.size },
        ...p === void 0 ? {} : { platform: [p.os, p.architecture, p.variant].filter(Boolean).join("/") },
        parentDigest: descriptor.digest
      });
    }
  } else if (options.recursive) {
    deps.logger.info(`${image}: not an index; recursive has nothing more to sign`);
  }
  for (const t of targets) {
    deps.logger.info(
      `${t.reference}${t.platform ? ` (${t.platform})` : ""} \u2192 ${t.repository.name}@${t.descriptor.digest} (${t.descriptor.mediaType})`
    );
  }
  return targets;
}
var targetKey = (t) => `${t.repository.name}@${t.descriptor.digest}`;
function checkConfigBlob(repository, blobs) {
  let blob = blobs.get(repository.name);
  if (blob === void 0) {
    const present = repository.blobExists(EMPTY_CONFIG.digest).catch(() => false);
    blob = {
      present,
      session: present.then((there) => there ? void 0 : repository.startUpload())
    };
    blobs.set(repository.name, blob);
  }
  return blob;
}
async function cancelConfigSessions(blobs) {
  await Promise.all(
    [...blobs.values()].map(async (blob) => {
      const session = blob.session;
      blob.session = void 0;
      await (await session)?.cancel();
    })
  );
}
function ensureConfigBlob(repository, blob) {
  if (blob.uploaded === void 0) {
    const session = blob.session;
    blob.session = void 0;
    const uploaded = blob.present.then(async (present) => {
      if (present) return void 0;
      const opened = await session;
      return opened === void 0 ? repository.pushBlob(EMPTY_CONFIG.bytes, {
        mediaType: MEDIA_TYPE.notarySignature,
        checkExists: false
      }) : opened.push(EMPTY_CONFIG.bytes, { mediaType: MEDIA_TYPE.notarySignature });
    });
    uploaded.catch(() => {
      if (blob.uploaded === uploaded) blob.uploaded = void 0;
    });
    blob.uploaded = uploaded;
  }
  return blob.uploaded;
}
async function signTarget(target, options, deps, run) {
  const { configBlobs } = run;
  const { repository, descriptor } = target;
  const label = `${repository.name}@${descriptor.digest}${target.platform ? ` (${target.platform})` : ""}`;
  const signingTime = deps.now();
  const subject = {
    mediaType: descriptor.mediaType,
    digest: descriptor.digest,
    size: descriptor.size
  };
  if (deps.existingSignature !== void 0) {
    const existing = await deps.existingSignature(repository, subject);
    if (existing !== void 0) return skippedManifest(target, existing);
  }
  const referrersReady = repository.prepareReferrers(options.referrers);
  referrersReady.catch(() => void 0);
  const configBlob = checkConfigBlob(repository, configBlobs);
  const envelopeUpload = repository.startUpload();
  try {
    return await signAndPush(target, label, subject, signingTime, options, deps, {
      referrersReady,
      configBlob,
      envelopeUpload,
      whileWaiting: run.whileWaiting
    });
  } finally {
    await envelopeUpload.cancel();
  }
}
async function signAndPush(target, label, subject, signingTime, options, deps, prepared) {
  const { repository } = target;
  const { referrersReady, configBlob, envelopeUpload, whileWaiting } = prepared;
  const payload = buildPayload(subject, options.userMetadata);
  const created = await createSignatureEnvelope({
    format: options.format,
    payload,
    signer: await deps.signer,
    signingTime,
    ...options.expirySeconds === void 0 ? {} : { expiry: new Date(signingTime.getTime() + options.expirySeconds * 1e3) },
    signingAgent: deps.signingAgent,
    ...deps.timestamper === void 0 ? {} : { timestamper: deps.timestamper }
  });
  const leaf = created.certificateChain[0];
  if (leaf === void 0)
    throw new SignCommandError("SIGN_FAILED", `${label}: the envelope has no certificate`);
  const signer = subjectOf(leaf);
  const timestamp = created.timestampToken === void 0 ? void 0 : genTimeOf(created.timestampToken);
  await referrersReady;
  const [envelope] = await Promise.all([
    envelopeUpload.push(created.envelope, { mediaType: created.mediaType }),
    ensureConfigBlob(repository, configBlob)
  ]);
  const manifest = buildSignatureManifest({
    form: options.manifestForm,
    envelope: { mediaType: created.mediaType, digest: envelope.digest, size: envelope.size },
    subject,
    certificateChain: created.certificateChain,
    signingTime: created.signingTime
  });
  const pushed = await repository.pushReferrer(
    { manifest: manifest.bytes, mediaType: MEDIA_TYPE.ociManifest },
    // The tag index's settle waits without holding a slot another image could use.
    { mode: options.referrers, whileWaiting }
  );
  for (const warning of pushed.warnings)
    deps.logger.warning(`${label}: ${warning}`, { title: "Referrers" });
  deps.logger.info(
    `${label}: signed; signature manifest ${pushed.descriptor.digest} recorded via ${pushed.via === "api" ? "the Referrers API" : `the referrers tag index`}${timestamp ? `, timestamped ${timestamp}` : ""}`
  );
  return {
    ...targetFields(target),
    signatureDigest: pushed.descriptor.digest,
    referrersMode: pushed.via,
    signer,
    trustAnchors: trustAnchorsOf(created.certificateChain, created.timestampToken),
    ...timestamp === void 0 ? {} : { timestamp },
    envelopeMediaType: created.mediaType
  };
}
function targetFields(target) {
  const { repository, descriptor } = target;
  return {
    reference: target.reference,
    repository: repository.name,
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    size: descriptor.size,
    ...target.platform === void 0 ? {} : { platform: target.platform },
    ...target.parentDigest === void 0 ? {} : { parentDigest: target.parentDigest }
  };
}
function skippedManifest(target, existing) {
  return {
    ...targetFields(target),
    signatureDigest: existing.signatureDigest,
    referrersMode: existing.referrersMode,
    signer: existing.signer,
    ...existing.timestamp === void 0 ? {} : { timestamp: existing.timestamp },
    envelopeMediaType: existing.envelopeMediaType,
    // Not known without decoding the existing envelope again; the hint uses the signed ones.
    trustAnchors: {},
    skipped: { reason: existing.reason }
  };
}
async function signImages(images, options, deps) {
  const signer = Promise.resolve(deps.signer);
  signer.catch(() => void 0);
  return deps.logger.group(
    `Sign ${images.length} image${images.length === 1 ? "" : "s"}`,
    async () => {
      void signer.then((s) => deps.logger.info(`signing with ${s.description}`)).catch(() => void 0);
      try {
        return await signPipelined(images, options, { ...deps, signer });
      } catch (err) {
        await signer;
        throw err;
      }
    }
  );
}
async function signPipelined(images, options, deps) {
  const limiter = createLimiter(options.concurrency);
  const configBlobs = /* @__PURE__ */ new Map();
  const run = { configBlobs, whileWaiting: (wait) => limiter.idle(wait) };
  const signing = /* @__PURE__ */ new Map();
  const resolving = images.map(
    (image) => limiter.run(() => resolveImage(image, options, deps)).then((targets) => {
      for (const target of targets) {
        const key = targetKey(target);
        if (signing.has(key)) continue;
        const signed = limiter.run(() => signTarget(target, options, deps, run), {
          first: true
        });
        signed.catch(() => void 0);
        signing.set(key, signed);
      }
      return targets;
    })
  );
  const resolved = await Promise.allSettled(resolving);
  await Promise.allSettled(signing.values());
  try {
    await limiter.settled();
  } finally {
    await cancelConfigSessions(configBlobs);
  }
  const results = [];
  const seen = /* @__PURE__ */ new Set();
  for (const outcome of resolved) {
    if (outcome.status === "rejected") throw outcome.reason;
    for (const target of outcome.value) {
      const key = targetKey(target);
      if (seen.has(key)) continue;
      seen.add(key);
      results.push(await signing.get(key));
    }
  }
  return results;
}

// src/commands/jobs.ts
function connect(config, runtime, access) {
  const transport = productionTransport(runtime);
  const credential = lazyAzureCredential(config.azure, runtime, transport);
  const registry = productionRegistry({
    images: config.images,
    registry: config.registry,
    azure: config.azure,
    transport,
    runtime,
    credential,
    access
  });
  return { transport, credential, registry };
}
async function runSignJob(config, runtime) {
  const started = Date.now();
  const { transport, credential, registry } = connect(config, runtime, "push");
  const signer = productionSigner(config.signer, transport, runtime, credential, /* @__PURE__ */ new Date());
  void signer.then((s) => s.prepare?.()).catch(() => void 0);
  const verification = config.verify ? await loadVerification(config.verify, transport, runtime) : void 0;
  if (verification)
    (await import("./sign-preflight-UCKNJ2QX.js")).checkReadBackPossible(config.images, verification);
  const timestampRoots = await loadTimestampRoots(config.timestamp);
  const timestamper = productionTimestamper(config.timestamp, timestampRoots, transport, runtime);
  void timestamper?.prepare?.();
  const existingSignature = config.skipIfSigned ? (await import("./skip-if-signed-J7BKZW2V.js")).createExistingSignatureCheck({
    criteria: verification ? {
      kind: "policy",
      policy: verification.policy,
      trustStore: verification.trustStore,
      revocation: verification.revocation
    } : {
      kind: "signer",
      // Comparing with the signer's chain needs the signer itself.
      signer: await signer,
      tsaRoots: timestampRoots
    },
    userMetadata: config.userMetadata,
    maxSignatures: config.verify?.maxSignatures ?? DEFAULT_MAX_SIGNATURES,
    logger: runtime.logger,
    now: () => /* @__PURE__ */ new Date()
  }) : void 0;
  const signed = await signImages(
    config.images,
    {
      format: config.signatureFormat,
      manifestForm: config.manifestForm,
      ...config.expirySeconds === void 0 ? {} : { expirySeconds: config.expirySeconds },
      userMetadata: config.userMetadata,
      referrers: config.referrers,
      recursive: config.recursive,
      concurrency: config.concurrency
    },
    {
      registry,
      signer,
      ...timestamper ? { timestamper } : {},
      logger: runtime.logger,
      now: () => /* @__PURE__ */ new Date(),
      signingAgent: SIGNING_AGENT,
      ...existingSignature ? { existingSignature } : {}
    }
  );
  const timings = { sign: Date.now() - started };
  const signerReport = reportOf(await signer);
  if (!config.verify || !verification)
    return { signed, signer: signerReport, timings, timestampRoots };
  const verifyStarted = Date.now();
  const report = await readBack(
    signed.filter((s) => !s.skipped),
    config.verify,
    config.concurrency,
    verification,
    registry,
    runtime
  );
  timings.verify = Date.now() - verifyStarted;
  return { signed, signer: signerReport, verification: report, timings, timestampRoots };
}
function reportOf(signer) {
  const report = { description: signer.description };
  if (isArtifactSigningSigner(signer)) {
    report.artifactSigningApiVersion = signer.apiVersion;
    if (signer.apiVersionFallbackFrom !== void 0)
      report.apiVersionFallbackFrom = signer.apiVersionFallbackFrom;
  }
  return report;
}
function isArtifactSigningSigner(signer) {
  return "apiVersionFallbackFrom" in signer && typeof signer.apiVersion === "string";
}
async function readBack(signed, verify, concurrency, verification, registry, runtime) {
  const { verifyPushedSignatures } = await import("./verify-CX652ZSS.js");
  return verifyPushedSignatures(
    signed.map((s) => ({
      repository: s.repository,
      subject: { mediaType: s.mediaType, digest: s.digest, size: s.size },
      signatureDigest: s.signatureDigest
    })),
    verifyOptions(verify, concurrency, verification),
    verifyDeps(verification, registry, runtime)
  );
}
async function runVerifyJob(config, runtime) {
  const { transport, registry } = connect(config, runtime, "pull");
  const verification = await loadVerification(config.verify, transport, runtime);
  return verifyWith(
    config.images,
    config.verify,
    config.concurrency,
    verification,
    registry,
    runtime
  );
}
async function verifyWith(images, verify, concurrency, verification, registry, runtime) {
  const { verifyImages } = await import("./verify-CX652ZSS.js");
  return verifyImages(
    images,
    verifyOptions(verify, concurrency, verification),
    verifyDeps(verification, registry, runtime)
  );
}
function verifyOptions(verify, concurrency, verification) {
  return {
    policy: verification.policy,
    trustStore: verification.trustStore,
    userMetadata: verify.userMetadata,
    maxSignatures: verify.maxSignatures,
    concurrency
  };
}
function verifyDeps(verification, registry, runtime) {
  return {
    registry,
    revocation: verification.revocation,
    logger: runtime.logger,
    now: () => /* @__PURE__ */ new Date()
  };
}

// src/report/results.ts
function signatureEntries(signed) {
  return signed.map((s) => ({
    reference: s.reference,
    repository: s.repository,
    digest: s.digest,
    mediaType: s.mediaType,
    ...s.platform ? { platform: s.platform } : {},
    ...s.parentDigest ? { parentDigest: s.parentDigest } : {},
    signatureDigest: s.signatureDigest,
    referrersMode: s.referrersMode,
    signer: s.signer,
    timestamp: s.timestamp ?? null,
    ...s.skipped ? { skipped: true, skipReason: s.skipped.reason } : {}
  }));
}
function verifyReportJson(report) {
  return {
    verified: report.verified,
    images: report.images.map(({ text: _text, ...image }) => image)
  };
}

export {
  SIGN_INPUTS,
  VERIFY_INPUTS,
  readRawInputs,
  parseList,
  parseUserMetadata,
  registryConfig,
  azureConfig,
  parseSignConfig,
  parseVerifyConfig,
  renderVerificationHint,
  verificationHintFor,
  productionTransport,
  lazyAzureCredential,
  productionRegistry,
  parsePayload,
  runSignJob,
  runVerifyJob,
  signatureEntries,
  verifyReportJson
};
