#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEFAULT_API_VERSION,
  KNOWN_API_VERSIONS,
  VERSION,
  checkArtifactSigningEndpoint,
  dialectFor,
  fallbackApiVersion,
  isPreAuthenticationRefusal
} from "./chunk-RYYQUOBX.js";
import {
  require_build as require_build2
} from "./chunk-EJXJKBEP.js";
import {
  require_build2 as require_build
} from "./chunk-BAB72OL5.js";
import "./chunk-ESYIPS4F.js";
import {
  TransportError,
  retryAfterMs
} from "./chunk-XILONWW5.js";
import {
  silentLogger
} from "./chunk-2PJ7T2FO.js";
import {
  ArtifactSigningError
} from "./chunk-J7SFTFN4.js";
import "./chunk-6J7YPWL5.js";
import {
  ActionError,
  ConfigError
} from "./chunk-TW4RF5XT.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/azure/artifact-signing.ts
import { createHash, randomUUID } from "node:crypto";

// src/azure/chain.ts
var asn1js = __toESM(require_build(), 1);
var pkijs = __toESM(require_build2(), 1);
import { X509Certificate, constants, verify } from "node:crypto";
var OID_SIGNED_DATA = "1.2.840.113549.1.7.2";
var MAX_CHAIN_CERTIFICATES = 10;
var STD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
function decodeStdBase64(value, what, allowWhitespace = false) {
  const text = allowWhitespace ? value.replace(/\s+/g, "") : value;
  if (text.length === 0 || text.length % 4 !== 0 || !STD_BASE64.test(text)) {
    throw new ArtifactSigningError(
      "SIGNER_RESPONSE_INVALID",
      `${what} is not standard base64 (${text.length} characters)`,
      { remedy: "this is a service-side problem; retry, and report it if it persists" }
    );
  }
  return new Uint8Array(Buffer.from(text, "base64"));
}
function decodeSigningCertificate(value) {
  const once = decodeStdBase64(value, "signingCertificate");
  if (once[0] === 48) return once;
  const text = Buffer.from(once).toString("latin1");
  return decodeStdBase64(text, "signingCertificate (inner base64)", true);
}
function parseCertsOnlyPkcs7(der) {
  const invalid = (why, cause) => new ArtifactSigningError("SIGNER_RESPONSE_INVALID", `signingCertificate: ${why}`, {
    cause,
    remedy: "this is a service-side problem; retry, and report it if it persists"
  });
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw invalid(`not DER: ${parsed.result.error}`);
  let signedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID_SIGNED_DATA) {
      throw invalid(
        `content type ${contentInfo.contentType}, expected signedData ${OID_SIGNED_DATA}`
      );
    }
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (err) {
    if (err instanceof ArtifactSigningError) throw err;
    throw invalid("not a PKCS#7 SignedData", err);
  }
  const signedDataSeq = parsed.result.valueBlock.value[1];
  const inner = signedDataSeq.valueBlock.value[0];
  const certSet = inner.valueBlock.value.find(
    (node) => node.idBlock.tagClass === 3 && node.idBlock.tagNumber === 0
  );
  const certificates = (certSet?.valueBlock.value ?? []).filter((node) => node.idBlock.tagClass === 1 && node.idBlock.tagNumber === 16).map((node) => new Uint8Array(node.valueBeforeDecodeView));
  if (certificates.length === 0) throw invalid("no certificates");
  if (certificates.length > MAX_CHAIN_CERTIFICATES) {
    throw invalid(`${certificates.length} certificates, more than ${MAX_CHAIN_CERTIFICATES}`);
  }
  const eContent = signedData.encapContentInfo.eContent;
  return eContent === void 0 ? { certificates } : { certificates, eContent: new Uint8Array(eContent.getValue()) };
}
function verifyPs384(toBeSigned, signature, publicKey) {
  try {
    return verify(
      "sha384",
      toBeSigned,
      { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
      signature
    );
  } catch {
    return false;
  }
}
function formatDn(dn) {
  return dn.split("\n").join(", ");
}
function isSelfSigned(cert) {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}
function issuedBy(child, parent) {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}
var chainError = (message) => new ArtifactSigningError("SIGNER_CHAIN_INVALID", message, {
  remedy: "Artifact Signing returned a certificate set that is not one leaf \u2192 root chain; retry, and report it to Azure support if it persists"
});
function buildChain(input) {
  const parsed = input.certificates.map((der, index) => {
    try {
      return { der, cert: new X509Certificate(der) };
    } catch (err) {
      throw new ArtifactSigningError(
        "SIGNER_RESPONSE_INVALID",
        `signingCertificate: certificate #${index} is not a valid X.509 certificate`,
        { cause: err, remedy: "retry, and report it to Azure support if it persists" }
      );
    }
  });
  const unique = parsed.filter(
    (p, i) => parsed.findIndex((q) => Buffer.from(q.der).equals(Buffer.from(p.der))) === i
  );
  let leafIndex = -1;
  if (input.eContent !== void 0 && input.eContent.length > 0) {
    const e = Buffer.from(input.eContent);
    leafIndex = unique.findIndex((p) => e.equals(Buffer.from(p.der)));
  }
  if (leafIndex < 0) {
    const nonCa = unique.map((p, i) => ({ ...p, i })).filter((p) => !p.cert.ca);
    const verifying = nonCa.filter(
      (p) => verifyPs384(input.toBeSigned, input.signature, p.cert.publicKey)
    );
    if (verifying.length === 1) leafIndex = verifying[0].i;
    else if (verifying.length === 0 && nonCa.length === 1) leafIndex = nonCa[0].i;
    else if (nonCa.length === 0)
      throw chainError("no end-entity (non-CA) certificate in the result");
    else
      throw chainError(
        `cannot tell the leaf among ${nonCa.length} end-entity certificates (${nonCa.map((p) => `"${formatDn(p.cert.subject)}"`).join(", ")})`
      );
  }
  const used = /* @__PURE__ */ new Set([leafIndex]);
  const chain = [unique[leafIndex]];
  let current = chain[0];
  while (!isSelfSigned(current.cert)) {
    const parents = unique.map((p, i) => ({ ...p, i })).filter((p) => !used.has(p.i) && issuedBy(current.cert, p.cert));
    if (parents.length === 0) {
      throw chainError(
        `the chain stops at "${formatDn(current.cert.subject)}": its issuer "${formatDn(
          current.cert.issuer
        )}" is not among the returned certificates, and a chain must end in a self-signed root`
      );
    }
    if (parents.length > 1) {
      throw chainError(
        `"${formatDn(current.cert.subject)}" has ${parents.length} possible issuers among the returned certificates`
      );
    }
    const parent = parents[0];
    used.add(parent.i);
    chain.push(parent);
    current = parent;
  }
  if (used.size !== unique.length) {
    const left = unique.filter((_, i) => !used.has(i)).map((p) => `"${formatDn(p.cert.subject)}"`);
    throw chainError(`certificates not on the leaf \u2192 root path: ${left.join(", ")}`);
  }
  return {
    der: chain.map((p) => p.der),
    leaf: chain[0]?.cert,
    root: current.cert
  };
}
function checkLeafKey(leaf) {
  const key = leaf.publicKey;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType !== "rsa" || bits !== 3072) {
    throw new ArtifactSigningError(
      "SIGNER_KEY_UNSUPPORTED",
      `the signing certificate "${formatDn(leaf.subject)}" has a ${key.asymmetricKeyType ?? "unknown"}${bits === void 0 ? "" : `-${bits}`} key; Artifact Signing keys are RSA-3072 (PS384)`,
      { remedy: "check artifact-signing-endpoint points at the Artifact Signing service" }
    );
  }
}
function checkSignedBy(leaf, toBeSigned, signature) {
  if (!verifyPs384(toBeSigned, signature, leaf.publicKey)) {
    throw new ArtifactSigningError(
      "SIGNER_SIGNATURE_MISMATCH",
      `the signature returned by Artifact Signing does not verify (RSASSA-PSS SHA-384, salt 48) with the key of the returned certificate "${formatDn(
        leaf.subject
      )}"`,
      {
        remedy: "nothing was pushed; retry (the certificate may have been renewed during the request) and report it to Azure support if it persists"
      }
    );
  }
}

// src/azure/artifact-signing.ts
var ARTIFACT_SIGNING_SCOPE = "https://codesigning.azure.net/.default";
var SIGNER_ROLE = "Artifact Signing Certificate Profile Signer";
var CLIENT_VERSION = `oci-notary-action::${VERSION}`;
var ACCOUNT_NAME = /^(?=.{3,24}$)[^0-9][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
var PROFILE_NAME = /^(?=.{5,100}$)[^0-9][A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
var OPERATION_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;
var IN_PROGRESS = /* @__PURE__ */ new Set(["inprogress", "running", "notstarted"]);
var DEFAULT_POLL_MS = 1e3;
var FIRST_POLL_MS = 100;
var MAX_POLL_MS = 3e4;
var MAX_REQUEST_TIMEOUT_MS = 3e4;
function normalizeEndpoint(endpoint, allowUntrusted = false) {
  return checkArtifactSigningEndpoint(endpoint, allowUntrusted).endpoint;
}
function validateAccountName(name) {
  if (!ACCOUNT_NAME.test(name)) {
    throw new ConfigError(
      "INPUT_INVALID",
      `artifact-signing-account "${name}" is not a valid account name (3\u201324 letters, digits and single hyphens, not starting with a digit)`,
      {
        remedy: "copy the account name from the Azure portal (Artifact Signing account \u2192 Overview)"
      }
    );
  }
  return name;
}
function validateProfileName(name) {
  if (!PROFILE_NAME.test(name)) {
    throw new ConfigError(
      "INPUT_INVALID",
      `artifact-signing-certificate-profile "${name}" is not a valid certificate profile name (5\u2013100 letters, digits and single hyphens, not starting with a digit)`,
      { remedy: "copy the profile name from the Azure portal (account \u2192 Certificate profiles)" }
    );
  }
  return name;
}
function asRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}
function str(v) {
  return typeof v === "string" && v.length > 0 ? v : void 0;
}
function errorText(body) {
  const root = asRecord(body);
  if (root === void 0) return void 0;
  const candidates = [
    asRecord(root["errorDetail"]),
    asRecord(asRecord(root["errorResponse"])?.["errorDetail"]),
    asRecord(root["errorResponse"]),
    asRecord(root["error"])
  ];
  for (const c of candidates) {
    if (c === void 0) continue;
    const code = str(c["code"]);
    const message = str(c["message"]);
    if (code !== void 0 || message !== void 0) {
      return bound([code, message].filter((s) => s !== void 0).join(": "));
    }
  }
  return void 0;
}
function bound(text, max = 300) {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}\u2026` : oneLine;
}
function readOperation(body) {
  const root = asRecord(body);
  const status = str(root?.["status"]);
  if (root === void 0 || status === void 0) {
    throw new ArtifactSigningError(
      "SIGNER_RESPONSE_INVALID",
      'the sign operation response has no "status"',
      { remedy: "check artifact-signing-api-version matches what the service speaks" }
    );
  }
  const result = asRecord(root["result"]);
  const source = result ?? root;
  const view = { status };
  const id = str(root["id"]) ?? str(root["operationId"]) ?? str(result?.["operationId"]);
  if (id !== void 0) view.id = id;
  const signature = str(source["signature"]) ?? str(root["signature"]);
  if (signature !== void 0) view.signature = signature;
  const cert = str(source["signingCertificate"]) ?? str(root["signingCertificate"]);
  if (cert !== void 0) view.signingCertificate = cert;
  const err = errorText(root);
  if (err !== void 0) view.errorText = err;
  return view;
}
function problemDetails(body) {
  const root = asRecord(body);
  const errors = asRecord(root?.["errors"]);
  if (errors === void 0) return str(root?.["title"]) ?? str(root?.["detail"]);
  const parts = Object.entries(errors).map(([field, msgs]) => {
    const list = Array.isArray(msgs) ? msgs.filter((m) => typeof m === "string") : [String(msgs)];
    return `${field}: ${list.join(" ")}`;
  });
  return bound(parts.join("; "), 500);
}
function jsonBody(res) {
  if (res.body.length === 0) return void 0;
  try {
    return res.json();
  } catch {
    return void 0;
  }
}
function createArtifactSigningSigner(options) {
  const checked = checkArtifactSigningEndpoint(
    options.endpoint,
    options.allowUntrustedEndpoint === true
  );
  const endpoint = checked.endpoint;
  const account = validateAccountName(options.accountName);
  const profile = validateProfileName(options.certificateProfile);
  const configuredVersion = options.apiVersion ?? DEFAULT_API_VERSION;
  let active = { apiVersion: configuredVersion, dialect: dialectFor(configuredVersion) };
  let fallbackFrom;
  const logger = options.logger ?? silentLogger;
  if (checked.trust === "untrusted") {
    logger.warning(
      `artifact-signing-endpoint ${endpoint} is not an Artifact Signing host (*.codesigning.azure.net): the Azure token is sent there because allow-untrusted-endpoint is true`,
      { title: "Untrusted endpoint" }
    );
  }
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const signTimeoutMs = options.signTimeoutMs ?? 6e4;
  if (!Number.isFinite(signTimeoutMs) || signTimeoutMs <= 0) {
    throw new ConfigError("INPUT_INVALID", "artifact-signing-timeout must be a positive duration");
  }
  if (!KNOWN_API_VERSIONS.includes(configuredVersion)) {
    logger.warning(
      `artifact-signing-api-version ${configuredVersion} is not one this action was tested with (${KNOWN_API_VERSIONS.join(", ")}); using the ${active.dialect === "A" ? "/sign" : ":sign"} form`
    );
  }
  const origin = new URL(endpoint).origin;
  const profilePath = `${endpoint}/codesigningaccounts/${encodeURIComponent(account.toLowerCase())}/certificateprofiles/${encodeURIComponent(profile.toLowerCase())}`;
  const host = new URL(endpoint).host;
  const where = `certificate profile "${profile}" of account "${account}" at ${endpoint}`;
  const signUrl = (form) => `${profilePath}${signSuffix(form)}?api-version=${encodeURIComponent(form.apiVersion)}`;
  const pollUrlFor = (form, id) => {
    if (!OPERATION_ID.test(id)) {
      throw new ArtifactSigningError(
        "SIGNER_RESPONSE_INVALID",
        `the service returned an unusable operation id (${bound(id, 40)})`,
        { remedy: "retry, and report it to Azure support if it persists" }
      );
    }
    return `${profilePath}/sign/${id}?api-version=${encodeURIComponent(form.apiVersion)}`;
  };
  const identityHint = () => {
    const fed = options.credential.federatedIdentity?.();
    const clientId = fed?.clientId ?? options.credential.clientId;
    return clientId === void 0 ? "the signing identity" : `the identity with client id ${clientId}`;
  };
  async function accessToken() {
    let token;
    try {
      token = await options.credential.getToken(ARTIFACT_SIGNING_SCOPE);
    } catch (err) {
      if (err instanceof ActionError) throw err;
      throw new ArtifactSigningError(
        "SIGNER_TOKEN",
        `getting an Entra token for ${ARTIFACT_SIGNING_SCOPE} failed`,
        {
          cause: err,
          remedy: "check azure-client-id and azure-tenant-id and the federated credential"
        }
      );
    }
    if (token === null || token.token.length === 0) {
      throw new ArtifactSigningError(
        "SIGNER_TOKEN",
        `the credential returned no token for ${ARTIFACT_SIGNING_SCOPE}`,
        { remedy: "check azure-client-id and azure-tenant-id and the federated credential" }
      );
    }
    return token.token;
  }
  function headers(token, json) {
    const h = {
      authorization: `Bearer ${token}`,
      accept: "application/json",
      "client-version": CLIENT_VERSION,
      "x-ms-client-request-id": randomUUID()
    };
    if (json) h["content-type"] = "application/json";
    if (options.correlationId !== void 0) h["x-correlation-id"] = options.correlationId;
    return h;
  }
  async function send(what, req, deadline) {
    const remaining = deadline - now();
    const token = await accessToken();
    try {
      return await options.transport.request({
        method: req.method,
        url: req.url,
        headers: {
          ...headers(token, req.body !== void 0),
          ...req.accept === void 0 ? {} : { accept: req.accept }
        },
        ...req.body === void 0 ? {} : { body: req.body },
        timeoutMs: Math.max(1e3, Math.min(MAX_REQUEST_TIMEOUT_MS, remaining)),
        maxBytes: 1024 * 1024,
        followRedirects: false
      });
    } catch (err) {
      if (err instanceof TransportError) {
        throw new ArtifactSigningError(
          "SIGNER_NETWORK",
          `${what}: cannot reach Artifact Signing at ${host}`,
          {
            cause: err,
            remedy: "check artifact-signing-endpoint (https://<region>.codesigning.azure.net) and the runner network"
          }
        );
      }
      throw err;
    }
  }
  function httpError(what, res) {
    const body = jsonBody(res);
    const detail = errorText(body);
    const suffix = detail === void 0 ? "" : ` (${detail})`;
    const status = res.status;
    switch (true) {
      case status === 401: {
        const fed = options.credential.federatedIdentity?.();
        const subjectHint = fed === void 0 ? "" : ` The GitHub OIDC token of this job has subject "${fed.subject}" (issuer ${fed.issuer}, audience ${fed.audience}): the Entra federated credential of ${identityHint()} must match it exactly.`;
        return new ArtifactSigningError(
          "SIGNER_UNAUTHORIZED",
          `${what}: Artifact Signing refused the access token (HTTP 401)${suffix}`,
          {
            status,
            remedy: `make sure the token is issued for ${ARTIFACT_SIGNING_SCOPE} in the tenant of the Artifact Signing account (azure-tenant-id), and that artifact-signing-api-version is accepted (try 2023-06-15-preview).${subjectHint}`
          }
        );
      }
      case status === 403:
        return new ArtifactSigningError(
          "SIGNER_FORBIDDEN",
          `${what}: access to ${where} was denied (HTTP 403)${suffix}`,
          {
            status,
            remedy: `assign the role "${SIGNER_ROLE}" to ${identityHint()} on the certificate profile "${profile}" (or the account "${account}"); also check that artifact-signing-endpoint is the endpoint of the account's region (https://<region>.codesigning.azure.net) and that the account is healthy`
          }
        );
      case status === 404:
        return new ArtifactSigningError(
          "SIGNER_NOT_FOUND",
          `${what}: ${where} was not found (HTTP 404)${suffix}`,
          {
            status,
            remedy: "check artifact-signing-account and artifact-signing-certificate-profile (names as in the Azure portal) and that artifact-signing-endpoint is the account's region endpoint"
          }
        );
      case status === 400: {
        const problem = problemDetails(body) ?? detail;
        return new ArtifactSigningError(
          "SIGNER_BAD_REQUEST",
          `${what}: the service rejected the request (HTTP 400)${problem === void 0 ? "" : `: ${problem}`}`,
          {
            status,
            remedy: "check artifact-signing-api-version; report this as a bug if it persists"
          }
        );
      }
      case status === 429:
        return new ArtifactSigningError(
          "SIGNER_THROTTLED",
          `${what}: Artifact Signing is throttling requests (HTTP 429) and still did after retries${suffix}`,
          { status, remedy: "retry later, or sign fewer images in parallel" }
        );
      case status >= 500:
        return new ArtifactSigningError(
          "SIGNER_SERVICE_ERROR",
          `${what}: Artifact Signing answered HTTP ${status} after retries${suffix}`,
          {
            status,
            remedy: "the service has a problem; retry later (see https://azure.status.microsoft)"
          }
        );
      default:
        return new ArtifactSigningError(
          "SIGNER_SERVICE_ERROR",
          `${what}: unexpected HTTP ${status} from Artifact Signing${suffix}`,
          {
            status,
            remedy: "check artifact-signing-endpoint; report this as a bug if it persists"
          }
        );
    }
  }
  function operationOf(what, res) {
    const body = jsonBody(res);
    if (body === void 0) {
      throw new ArtifactSigningError(
        "SIGNER_RESPONSE_INVALID",
        `${what}: HTTP ${res.status} without a JSON body`,
        {
          status: res.status,
          remedy: "check artifact-signing-endpoint and artifact-signing-api-version"
        }
      );
    }
    return readOperation(body);
  }
  function operationLocation(form, res, id) {
    const header = res.headers.get("operation-location");
    if (header !== null) {
      try {
        const url = new URL(header, endpoint);
        if (url.origin === origin) {
          if (!url.searchParams.has("api-version"))
            url.searchParams.set("api-version", form.apiVersion);
          return url.toString();
        }
        logger.warning(
          `Artifact Signing sent an Operation-Location on another origin (${url.origin}); polling ${origin} instead`
        );
      } catch {
      }
    }
    if (id === void 0) {
      throw new ArtifactSigningError(
        "SIGNER_RESPONSE_INVALID",
        "the sign response has neither an Operation-Location header nor an operation id",
        { remedy: "check artifact-signing-api-version matches what the service speaks" }
      );
    }
    return pollUrlFor(form, id);
  }
  function pollDelay(res, n) {
    const hinted = Math.min(MAX_POLL_MS, retryAfterMs(res.headers, now()) ?? DEFAULT_POLL_MS);
    return n === 0 ? Math.min(hinted, FIRST_POLL_MS) : hinted;
  }
  async function postSign(body, deadline) {
    const form = active;
    const res = await send("sign request", { method: "POST", url: signUrl(form), body }, deadline);
    if (!isPreAuthenticationRefusal(res.status, res.headers) || fallbackFrom !== void 0) {
      return { res, form };
    }
    const otherVersion = fallbackApiVersion(form.apiVersion);
    const other = { apiVersion: otherVersion, dialect: dialectFor(otherVersion) };
    logger.warning(
      `Artifact Signing refused api-version ${form.apiVersion} with HTTP ${res.status} before authenticating the request (no service correlation id); retrying once with api-version ${other.apiVersion} (${signSuffix(other)} form)`,
      { title: "Artifact Signing api-version" }
    );
    const retried = await send(
      "sign request",
      { method: "POST", url: signUrl(other), body },
      deadline
    );
    if (retried.status === 200 || retried.status === 201 || retried.status === 202) {
      if (fallbackFrom === void 0) {
        fallbackFrom = form.apiVersion;
        active = other;
      }
      return { res: retried, form: other };
    }
    return {
      res: retried,
      form: other,
      refused: { apiVersion: form.apiVersion, status: res.status }
    };
  }
  async function sign(toBeSigned) {
    const started = now();
    const deadline = started + signTimeoutMs;
    const digest = createHash("sha384").update(toBeSigned).digest();
    const body = JSON.stringify({ signatureAlgorithm: "PS384", digest: digest.toString("base64") });
    logger.debug(
      `artifact signing: POST ${profilePath}${signSuffix(active)} (api-version ${active.apiVersion}, SHA-384 digest ${digest.toString("hex")})`
    );
    const posted = await postSign(body, deadline);
    const form = posted.form;
    let res = posted.res;
    if (res.status !== 200 && res.status !== 201 && res.status !== 202) {
      const err = httpError("sign request", res);
      if (posted.refused === void 0) throw err;
      throw new ArtifactSigningError(
        err.code,
        `${err.message}; api-version ${posted.refused.apiVersion} was refused too (HTTP ${posted.refused.status})`,
        {
          cause: err,
          ...err.remedy === void 0 ? {} : { remedy: err.remedy },
          status: res.status
        }
      );
    }
    let op = operationOf("sign request", res);
    const answeredAtOnce = !IN_PROGRESS.has(op.status.toLowerCase());
    const firstResponse = res;
    let pollUrl;
    const opName = op.id ?? "unknown";
    let polls = 0;
    while (IN_PROGRESS.has(op.status.toLowerCase())) {
      const wait = pollDelay(res, polls);
      if (now() + wait > deadline) {
        throw new ArtifactSigningError(
          "SIGNER_DEADLINE_EXCEEDED",
          `the signing operation ${opName} was still ${op.status} after ${Math.round(
            (now() - started) / 1e3
          )} s (${polls} polls); the limit is ${Math.round(signTimeoutMs / 1e3)} s`,
          {
            remedy: "raise artifact-signing-timeout (default 60s) if the service is slow in your region, or retry later"
          }
        );
      }
      pollUrl ??= form.dialect === "A" ? pollUrlFor(form, op.id ?? "") : operationLocation(form, firstResponse, op.id);
      await sleep(wait);
      polls += 1;
      res = await send("sign status poll", { method: "GET", url: pollUrl }, deadline);
      if (res.status !== 200 && res.status !== 202) throw httpError("sign status poll", res);
      op = operationOf("sign status poll", res);
    }
    if (op.status.toLowerCase() !== "succeeded") {
      const status = op.status.toLowerCase();
      const detail = op.errorText === void 0 ? "" : ` (${op.errorText})`;
      throw new ArtifactSigningError(
        "SIGNER_OPERATION_FAILED",
        answeredAtOnce ? `the sign request for ${where} was answered with HTTP ${res.status} and status ${op.status}${detail}: the service refused to sign` : `the signing operation ${opName} ended with status ${op.status}${detail}`,
        {
          status: res.status,
          remedy: status === "timedout" ? "the service timed out; retry later" : status === "failed" ? `the service accepted the request but would not sign with ${where}: in the Azure portal, check that the Artifact Signing account is active and that the certificate profile's identity validation is Completed (not pending, expired or revoked) and the profile is active; retry once that is so` : `retry; if it keeps failing, check the state of ${where} in the Azure portal`
        }
      );
    }
    if (op.signature === void 0 || op.signingCertificate === void 0) {
      throw new ArtifactSigningError(
        "SIGNER_RESPONSE_INVALID",
        `the signing operation ${opName} succeeded without ${op.signature === void 0 ? "a signature" : "a signingCertificate"}`,
        { remedy: "check artifact-signing-api-version matches what the service speaks" }
      );
    }
    const signature = decodeStdBase64(op.signature, "signature");
    const pkcs7 = parseCertsOnlyPkcs7(decodeSigningCertificate(op.signingCertificate));
    const chain = buildChain({ ...pkcs7, toBeSigned, signature });
    checkLeafKey(chain.leaf);
    checkSignedBy(chain.leaf, toBeSigned, signature);
    logChain(chain.leaf, chain.root, chain.der.length, now() - started, polls);
    return { signature, certificateChain: chain.der };
  }
  async function currentChain() {
    const deadline = now() + signTimeoutMs;
    const url = `${profilePath}/sign/certchain?api-version=${encodeURIComponent(active.apiVersion)}`;
    const res = await send(
      "certificate chain request",
      {
        method: "GET",
        url,
        accept: "application/pkcs7-mime, application/x-x509-ca-cert, application/json"
      },
      deadline
    );
    if (res.status !== 200) throw httpError("certificate chain request", res);
    const pkcs7 = parseCertsOnlyPkcs7(res.body);
    const chain = buildChain({
      certificates: pkcs7.certificates,
      toBeSigned: new Uint8Array(),
      signature: new Uint8Array()
    });
    return chain.der;
  }
  function logChain(leaf, root, length, elapsedMs, polls) {
    logger.info(
      `Artifact Signing signed with "${formatDn(leaf.subject)}" (certificate valid until ${new Date(
        leaf.validTo
      ).toISOString()}) in ${elapsedMs} ms, ${polls} poll(s)`
    );
    logger.info(
      `certificate chain: ${length} certificates ending in the root "${formatDn(root.subject)}" (SHA-256 ${root.fingerprint256.replace(
        /:/g,
        ""
      )}); verifiers must trust this root in their "ca" trust store`
    );
  }
  return {
    keySpec: "RSA-3072",
    algorithm: "PS384",
    description: `artifact signing ${host}/${account}/${profile}`,
    endpoint,
    get apiVersion() {
      return active.apiVersion;
    },
    get dialect() {
      return active.dialect;
    },
    get apiVersionFallbackFrom() {
      return fallbackFrom;
    },
    sign,
    async prepare() {
      options.transport.preconnect?.(endpoint);
      await accessToken().catch(() => void 0);
    },
    currentChain
  };
}
function signSuffix(form) {
  return form.dialect === "A" ? "/sign" : ":sign";
}
export {
  ARTIFACT_SIGNING_SCOPE,
  CLIENT_VERSION,
  DEFAULT_API_VERSION,
  KNOWN_API_VERSIONS,
  SIGNER_ROLE,
  createArtifactSigningSigner,
  dialectFor,
  normalizeEndpoint,
  readOperation,
  validateAccountName,
  validateProfileName
};
