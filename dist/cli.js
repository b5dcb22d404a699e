#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  LIMITS,
  MEDIA_TYPE,
  PolicyError,
  SIGN_INPUTS,
  VERIFY_INPUTS,
  VERSION,
  VerificationError,
  azureConfig,
  buildArtifactReport,
  createRevocationChecker,
  decodeEnvelope,
  lazyAzureCredential,
  loadTrustPolicy,
  loadTrustStore,
  offlineRevocationChecker,
  parsePayload,
  parseReference,
  parseSignConfig,
  parseSignatureManifest,
  parseTimestampToken,
  parseTstInfo,
  parseUserMetadata,
  parseVerifyConfig,
  productionRegistry,
  productionTransport,
  readRawInputs,
  registryConfig,
  renderReportText,
  runSignJob,
  runVerifyJob,
  selectPolicy,
  signatureJson,
  toDescriptor,
  verifySignature
} from "./chunks/chunk-PXB7QROI.js";
import {
  parseCertificate
} from "./chunks/chunk-GVFE32M3.js";
import "./chunks/chunk-YNTFKTG7.js";
import "./chunks/chunk-J5PFMCSY.js";
import "./chunks/chunk-IBQZBEKA.js";
import {
  ActionError,
  ConfigError,
  formatCauseChain
} from "./chunks/chunk-SDPK7C2D.js";
import "./chunks/chunk-2ZTQXNXN.js";

// src/cli/main.ts
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

// src/commands/inspect.ts
function certificate(der) {
  const c = parseCertificate(der);
  return {
    subject: c.subject,
    issuer: c.issuer,
    sha256: c.sha256,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString()
  };
}
async function inspectSignature(repository, candidate) {
  const out = {
    digest: candidate.digest,
    manifestAnnotations: candidate.annotations ?? {}
  };
  try {
    const fetched = await repository.fetchManifest(candidate, { maxBytes: LIMITS.manifestBytes });
    const manifest = parseSignatureManifest(fetched.bytes, fetched.descriptor.mediaType);
    out.manifestAnnotations = manifest.annotations;
    out.envelope = {
      mediaType: manifest.envelope.mediaType,
      digest: manifest.envelope.digest,
      size: manifest.envelope.size
    };
    const bytes = await repository.fetchBlob(manifest.envelope, { maxBytes: LIMITS.envelopeBytes });
    const parsed = decodeEnvelope(manifest.envelope.mediaType, bytes);
    out.algorithm = parsed.algorithm;
    out.signingScheme = parsed.signingScheme;
    const signed = parsed.signingTime ?? parsed.authenticSigningTime;
    if (signed) out.signingTime = signed.toISOString();
    if (parsed.expiry) out.expiry = parsed.expiry.toISOString();
    if (parsed.signingAgent) out.signingAgent = parsed.signingAgent;
    out.certificates = parsed.certificateChain.map(certificate);
    if (parsed.timestampToken) {
      const token = parseTimestampToken(parsed.timestampToken);
      out.timestamp = {
        genTime: parseTstInfo(token.eContent).genTime.toISOString(),
        tsaCertificates: token.certificates.map(certificate)
      };
    }
    out.signedArtifact = parsePayload(parsed.payload).targetArtifact;
  } catch (err) {
    out.error = formatCauseChain(err).join("; ");
  }
  return out;
}
async function inspectImage(image, deps) {
  const repository = deps.registry.repository(parseReference(image));
  const subject = await repository.resolve();
  const listed = await repository.listReferrers(subject, {
    artifactType: MEDIA_TYPE.notarySignature
  });
  deps.logger.debug(`${listed.descriptors.length} signature(s) found via ${listed.via}`);
  const signatures = [];
  for (const candidate of listed.descriptors.slice(0, LIMITS_INSPECT)) {
    signatures.push(await inspectSignature(repository, candidate));
  }
  return {
    reference: image,
    repository: repository.name,
    digest: subject.digest,
    mediaType: subject.mediaType,
    discovery: listed.via,
    signatures
  };
}
var LIMITS_INSPECT = 100;
function renderInspection(i) {
  const lines = [
    `${i.repository}@${i.digest}`,
    `\u2514\u2500\u2500 application/vnd.cncf.notary.signature (${i.signatures.length}, via ${i.discovery === "api" ? "Referrers API" : "referrers tag schema"})`
  ];
  i.signatures.forEach((s, n) => {
    const last = n === i.signatures.length - 1;
    const branch = last ? "    \u2514\u2500\u2500 " : "    \u251C\u2500\u2500 ";
    const pad = last ? "        " : "    \u2502   ";
    lines.push(`${branch}${s.digest}`);
    if (s.error) {
      lines.push(`${pad}error: ${s.error}`);
      return;
    }
    lines.push(
      `${pad}envelope: ${s.envelope?.mediaType} ${s.envelope?.digest} (${s.envelope?.size} bytes)`
    );
    lines.push(`${pad}algorithm: ${s.algorithm}, scheme ${s.signingScheme}`);
    if (s.signingTime) lines.push(`${pad}signing time: ${s.signingTime}`);
    if (s.expiry) lines.push(`${pad}expiry: ${s.expiry}`);
    if (s.signingAgent) lines.push(`${pad}signing agent: ${s.signingAgent}`);
    lines.push(
      `${pad}timestamp: ${s.timestamp ? `${s.timestamp.genTime} (TSA ${s.timestamp.tsaCertificates[0]?.subject ?? "unknown"})` : "none"}`
    );
    for (const [k, c] of (s.certificates ?? []).entries()) {
      lines.push(
        `${pad}certificate ${k + 1}: ${c.subject} (sha256 ${c.sha256}, valid ${c.notBefore} \u2013 ${c.notAfter})`
      );
    }
    if (s.signedArtifact) {
      lines.push(
        `${pad}signed artifact: ${s.signedArtifact.mediaType} ${s.signedArtifact.digest} (${s.signedArtifact.size} bytes)`
      );
      for (const [k, v] of Object.entries(s.signedArtifact.annotations ?? {}))
        lines.push(`${pad}  ${k}=${v}`);
    }
  });
  return `${lines.join("\n")}
`;
}

// src/cli/flags.ts
function inputFlags(names, lists, booleans) {
  const options = {};
  for (const name of names) {
    if (booleans.includes(name)) options[name] = { type: "boolean" };
    else options[name] = { type: "string", multiple: lists.includes(name) };
  }
  return options;
}
var LIST_INPUTS = ["images", "timestamp-url", "user-metadata", "insecure-registries"];
var INSPECT_INPUTS = [
  "registry-username",
  "registry-password",
  "insecure-registries",
  "azure-client-id",
  "azure-tenant-id",
  "azure-authority-host"
];
var COMMON_FLAGS = {
  json: { type: "boolean" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
var SIGN_FLAGS = inputFlags(SIGN_INPUTS, LIST_INPUTS, [
  "recursive",
  "skip-if-signed",
  "allow-untrusted-endpoint"
]);
var VERIFY_FLAGS = inputFlags(VERIFY_INPUTS, LIST_INPUTS, []);
var INSPECT_FLAGS = inputFlags(INSPECT_INPUTS, LIST_INPUTS, []);
var VERIFY_SIGNATURE_FLAGS = {
  signature: { type: "string" },
  subject: { type: "string" },
  "trust-policy": { type: "string" },
  "trust-store": { type: "string" },
  reference: { type: "string" },
  "user-metadata": { type: "string", multiple: true },
  at: { type: "string" },
  offline: { type: "boolean" }
};
var azureIdentityHelp = (fallback) => `  --azure-client-id ID --azure-tenant-id ID   (else ${fallback})
  --azure-authority-host URL   Entra authority of a sovereign cloud (else AZURE_AUTHORITY_HOST;
                               default https://login.microsoftonline.com)`;
var AZURE_IDENTITY_HELP = azureIdentityHelp("AZURE_CLIENT_ID/AZURE_TENANT_ID");
var SHOW_SUMMARY_HELP = `  --show-summary true|false   accepted like the action input, but ignored: the CLI writes no job summary`;
var SIGN_HELP = `usage: oci-notary sign --images REF [--images REF\u2026] (signer) [options]

The flags are the action's inputs (see README "Inputs"); list flags may repeat.
signer, one of:
  --signing-key FILE|PEM --signing-certificate-chain FILE|PEM       (a local key)
  --artifact-signing-endpoint URL --artifact-signing-account NAME
  --artifact-signing-certificate-profile NAME                        (Azure Artifact Signing)
  --azure-key-vault-key-id URL                                       (Azure Key Vault)
Azure Key Vault options:
  --azure-key-vault-certificate-chain FILE|PEM   CA certificates (intermediates, then the root)
                               when the certificate's secret cannot be read or lacks the chain
Artifact Signing options:
  --artifact-signing-api-version 2022-06-15-preview|2023-06-15-preview|2024-06-15
                               (default 2022-06-15-preview)
  --artifact-signing-timeout 60s   deadline for one signing operation, e.g. 60s (default) or 2m
  --allow-untrusted-endpoint   send the Azure token to an endpoint outside
                               https://<region>.codesigning.azure.net, the Key Vault hosts and
                               loopback
Azure identity (Artifact Signing, Key Vault, and ACR sign-in):
${azureIdentityHelp("AZURE_CLIENT_ID/AZURE_TENANT_ID, or an az login for Artifact Signing")}
options:
  --timestamp-url URL (repeat for fallbacks)   --timestamp-root-certificate FILE|PEM
  --signature-format cose|jws                  --signature-manifest image-manifest-legacy|artifact-type
  --expiry 30d                                 --user-metadata key=value (repeat)
  --referrers auto|api|tag                     --recursive
  --skip-if-signed   do not sign an image that already has a signature that verifies under
                     --trust-policy (without one: that this signer made)
  --registry-username U --registry-password P  --insecure-registries HOST (repeat)
  --trust-policy FILE|TEXT --trust-store DIR|TEXT   (read back and verify after signing)
  --max-signatures N   existing signatures --skip-if-signed evaluates per image (default 100);
                       the read-back checks only the signatures this run pushed
  --concurrency N   --json (print the result as JSON)   --debug
${SHOW_SUMMARY_HELP}
`;
var VERIFY_HELP = `usage: oci-notary verify --images REF [--images REF\u2026] --trust-policy FILE|TEXT [--trust-store DIR|TEXT] [options]

The flags are the action's inputs (see README "Inputs"); list flags may repeat.
  --trust-policy FILE|TEXT   notation trust policy (required)
  --trust-store DIR|TEXT     notation trust store; optional when every statement of the policy
                             has verification level skip
options:
  --user-metadata key=value (repeat)   --max-signatures N (default 100)
  --registry-username U --registry-password P   --insecure-registries HOST (repeat)
Azure identity (ACR sign-in):
${AZURE_IDENTITY_HELP}
  --concurrency N   --json (print the report as JSON)   --debug
${SHOW_SUMMARY_HELP}
`;
var OFFLINE_REFERENCE = "local/offline-signature";
var VERIFY_SIGNATURE_HELP = `usage: oci-notary verify-signature --signature FILE --subject JSON --trust-policy FILE --trust-store FILE|DIR [options]

Verifies one signature envelope (COSE or JWS) against the artifact it should sign, offline
except for revocation checks (OCSP/CRL) unless --offline is given.
  --signature FILE         the envelope (.sig); its format is detected from the bytes
  --subject JSON           the signed artifact's descriptor, e.g.
                           '{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:\u2026","size":123}'
                           (or @FILE to read it from a file)
  --trust-policy FILE      notation trustpolicy.json (or inline JSON/YAML)
  --trust-store FILE|DIR   notation truststore directory, or an inline/FILE type:name mapping
  --reference REGISTRY/REPOSITORY
                           matched against the policy's registryScopes to pick the statement;
                           default "${OFFLINE_REFERENCE}", which only a "*" statement matches
  --user-metadata k=v      required signed metadata (repeat)
  --at RFC3339             verification time (default now)
  --offline                do not fetch OCSP/CRL (revocation reported as skipped)
  --json                   print the report as JSON
  --debug                  print debug messages to stderr
`;
var INSPECT_HELP = `usage: oci-notary inspect REF [--json] [--debug] [registry options]

Lists the image's Notary signatures (Referrers API or tag schema) and decodes each envelope:
format, algorithm, signer, signing time, timestamp, expiry, signing agent and signed target.
  --registry-username U --registry-password P   --insecure-registries HOST (repeat)
Azure identity (ACR sign-in):
${AZURE_IDENTITY_HELP}
`;
function selectOfflineStatement(document, reference, digest) {
  const full = `${reference ?? OFFLINE_REFERENCE}@${digest}`;
  try {
    return { reference: full, statement: selectPolicy(document, full) };
  } catch (err) {
    if (reference !== void 0 || !(err instanceof PolicyError)) throw err;
    if (err.code !== "POLICY_NOT_APPLICABLE") throw err;
    throw new PolicyError(
      "POLICY_NOT_APPLICABLE",
      'no trust policy statement applies: without --reference only a statement with registryScopes ["*"] matches',
      {
        remedy: 'pass --reference REGISTRY/REPOSITORY naming a registryScopes entry of the trust policy, or add a statement with registryScopes ["*"]'
      }
    );
  }
}

// src/cli/main.ts
var EXIT = { ok: 0, failed: 1, usage: 2 };
var HELP = `oci-notary ${VERSION}: sign and verify container images with Notary Project signatures

usage: oci-notary <command> [options]

commands:
  sign               sign images (Artifact Signing or a local key) and push the signatures
  verify             verify images in a registry against a trust policy and trust store
  verify-signature   verify one signature envelope file offline
  inspect            list an image's Notary signatures and decode them

run "oci-notary <command> --help" for a command's options.
exit codes: 0 success or verified, 1 failed or not verified, 2 bad usage or configuration.
`;
function stderrLogger(debug) {
  return {
    debug: (m) => {
      if (debug) process.stderr.write(`debug: ${m}
`);
    },
    info: (m) => process.stderr.write(`${m}
`),
    warning: (m) => process.stderr.write(`warning: ${m}
`),
    group: async (name, fn) => {
      process.stderr.write(`== ${name}
`);
      return fn();
    }
  };
}
function runtime(debug) {
  return { logger: stderrLogger(debug), env: process.env, mask: () => void 0 };
}
function rawFrom(names, values) {
  return readRawInputs(names, (name) => {
    const v = values[name];
    if (v === void 0) return "";
    return Array.isArray(v) ? v.join("\n") : String(v);
  });
}
function parse(args, options, allowPositionals = false) {
  try {
    return parseArgs({
      args,
      options: { ...options, ...COMMON_FLAGS },
      allowPositionals,
      strict: true
    });
  } catch (err) {
    throw new ConfigError("INPUT_INVALID", err instanceof Error ? err.message : String(err));
  }
}
async function signCommand(args) {
  const { values } = parse(args, SIGN_FLAGS);
  if (values.help) return void process.stdout.write(SIGN_HELP), EXIT.ok;
  const config = parseSignConfig(rawFrom(SIGN_INPUTS, { "show-summary": "false", ...values }));
  const { signed, signer, verification } = await runSignJob(config, runtime(values.debug === true));
  if (values.json) {
    const out = {
      signatures: signed,
      ...signer.artifactSigningApiVersion === void 0 ? {} : {
        artifactSigning: {
          apiVersion: signer.artifactSigningApiVersion,
          ...signer.apiVersionFallbackFrom === void 0 ? {} : { fallbackFrom: signer.apiVersionFallbackFrom }
        }
      },
      ...verification ? { verification } : {}
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}
`);
  } else {
    for (const s of signed) {
      process.stdout.write(
        `${s.repository}@${s.digest}${s.platform ? ` (${s.platform})` : ""}	${s.skipped ? "skipped, existing signature" : "signature"} ${s.signatureDigest}	via ${s.referrersMode}	${s.timestamp ? `timestamp ${s.timestamp}` : "no timestamp"}
`
      );
    }
    for (const image of verification?.images ?? []) process.stdout.write(image.text ?? "");
  }
  return verification === void 0 || verification.verified ? EXIT.ok : EXIT.failed;
}
async function verifyCommand(args) {
  const { values } = parse(args, VERIFY_FLAGS);
  if (values.help) return void process.stdout.write(VERIFY_HELP), EXIT.ok;
  const config = parseVerifyConfig(rawFrom(VERIFY_INPUTS, { "show-summary": "false", ...values }));
  const report = await runVerifyJob(config, runtime(values.debug === true));
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}
`);
  else {
    for (const image of report.images) {
      process.stdout.write(image.text ?? `NOT VERIFIED: ${image.reference}: ${image.error ?? ""}
`);
    }
  }
  return report.verified ? EXIT.ok : EXIT.failed;
}
function detectEnvelopeMediaType(bytes) {
  if (bytes[0] === 210) return MEDIA_TYPE.cose;
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (first.startsWith("{")) return MEDIA_TYPE.jws;
  throw new ConfigError(
    "INPUT_INVALID",
    "--signature is neither a COSE_Sign1 (tag 18) nor a JWS JSON envelope"
  );
}
async function textOrFile(value) {
  return value.startsWith("@") ? readFile(value.slice(1), "utf8") : value;
}
async function verifySignatureCommand(args) {
  const { values } = parse(args, VERIFY_SIGNATURE_FLAGS);
  if (values.help) return void process.stdout.write(VERIFY_SIGNATURE_HELP), EXIT.ok;
  for (const name of ["signature", "subject", "trust-policy", "trust-store"]) {
    if (typeof values[name] !== "string" || values[name] === "") {
      throw new ConfigError(
        "INPUT_MISSING",
        `--${name} is required (see oci-notary verify-signature --help)`
      );
    }
  }
  const rt = runtime(values.debug === true);
  const envelope = new Uint8Array(
    await readFile(values.signature).catch((err) => {
      throw new ConfigError(
        "INPUT_INVALID",
        `--signature ${String(values.signature)} cannot be read`,
        { cause: err }
      );
    })
  );
  let subjectJson;
  try {
    subjectJson = JSON.parse(await textOrFile(values.subject));
  } catch (err) {
    throw new ConfigError(
      "INPUT_INVALID",
      '--subject is not a JSON descriptor ({"mediaType","digest","size"})',
      { cause: err }
    );
  }
  const subject = (() => {
    try {
      return toDescriptor(subjectJson, "--subject");
    } catch (err) {
      throw new ConfigError("INPUT_INVALID", err instanceof Error ? err.message : String(err), {
        cause: err
      });
    }
  })();
  const at = values.at === void 0 ? /* @__PURE__ */ new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime()))
    throw new ConfigError("INPUT_INVALID", `--at "${String(values.at)}" is not an RFC 3339 time`);
  const { document } = await loadTrustPolicy(values["trust-policy"], {
    inputName: "--trust-policy"
  });
  const trustStore = await loadTrustStore(values["trust-store"], {
    stores: document.trustPolicies.flatMap((p) => p.trustStores)
  });
  const { reference, statement } = selectOfflineStatement(
    document,
    values.reference,
    subject.digest
  );
  const metadata = parseUserMetadata(
    "--user-metadata",
    (values["user-metadata"] ?? []).join("\n")
  );
  const outcome = await verifySignature({
    envelope,
    mediaType: detectEnvelopeMediaType(envelope),
    subject,
    statement,
    trustStore,
    now: at,
    userMetadata: metadata,
    revocation: values.offline ? offlineRevocationChecker : createRevocationChecker({ transport: productionTransport(rt), logger: rt.logger }),
    logger: stderrLogger(values.debug === true)
  });
  const report = buildArtifactReport({
    reference,
    artifact: subject,
    statement,
    signatures: [
      { digest: values.signature, mediaType: detectEnvelopeMediaType(envelope), outcome }
    ]
  });
  const verified = report.verdict !== "failed";
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          verified,
          policy: statement.name,
          level: statement.verificationLevel.name,
          ...report.error ? { error: { code: report.error.code, message: report.error.message } } : {},
          signature: signatureJson(values.signature, outcome)
        },
        null,
        2
      )}
`
    );
  } else {
    process.stdout.write(renderReportText(report));
  }
  return verified ? EXIT.ok : EXIT.failed;
}
async function inspectCommand(args) {
  const { values, positionals } = parse(args, INSPECT_FLAGS, true);
  if (values.help) return void process.stdout.write(INSPECT_HELP), EXIT.ok;
  const [image, ...rest] = positionals;
  if (image === void 0 || rest.length > 0)
    throw new ConfigError("INPUT_MISSING", "inspect takes exactly one image reference");
  const raw = rawFrom(INSPECT_INPUTS, values);
  const config = { registry: registryConfig(raw), azure: azureConfig(raw) };
  const rt = runtime(values.debug === true);
  const transport = productionTransport(rt);
  const registry = productionRegistry({
    images: [image],
    registry: config.registry,
    azure: config.azure,
    transport,
    runtime: rt,
    credential: lazyAzureCredential(config.azure, rt),
    access: "pull"
  });
  const inspection = await inspectImage(image, { registry, logger: rt.logger });
  process.stdout.write(
    values.json ? `${JSON.stringify(inspection, null, 2)}
` : renderInspection(inspection)
  );
  return EXIT.ok;
}
var COMMANDS = {
  sign: signCommand,
  verify: verifyCommand,
  "verify-signature": verifySignatureCommand,
  inspect: inspectCommand
};
async function main(argv) {
  const [command, ...args] = argv;
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return command === void 0 ? EXIT.usage : EXIT.ok;
  }
  if (command === "--version") {
    process.stdout.write(`${VERSION}
`);
    return EXIT.ok;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : void 0;
  if (run === void 0) {
    process.stderr.write(`oci-notary: unknown command "${command}"

${HELP}`);
    return EXIT.usage;
  }
  try {
    return await run(args);
  } catch (err) {
    const lines = formatCauseChain(err);
    process.stderr.write(`oci-notary ${command}: ${lines.join("\n")}
`);
    if (err instanceof ActionError && err.remedy) process.stderr.write(`remedy: ${err.remedy}
`);
    const usage = err instanceof ConfigError || err instanceof VerificationError && [
      "POLICY_INVALID",
      "POLICY_UNREADABLE",
      "POLICY_NOT_APPLICABLE",
      "TRUST_STORE_INVALID",
      "TRUST_STORE_NOT_FOUND"
    ].includes(err.code);
    return usage ? EXIT.usage : EXIT.failed;
  }
}
process.exitCode = await main(process.argv.slice(2));
