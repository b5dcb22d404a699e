#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  loadTrustPolicy
} from "./chunks/chunk-T57UJ3UD.js";
import {
  loadTrustStore
} from "./chunks/chunk-BWDWWJRW.js";
import {
  buildArtifactReport,
  renderReportText,
  signatureJson,
  verifySignature
} from "./chunks/chunk-5NKFVSUT.js";
import {
  didYouMean,
  selectPolicy
} from "./chunks/chunk-PGJVFZ6D.js";
import {
  SIGN_INPUTS,
  VERIFY_INPUTS,
  azureConfig,
  lazyAzureCredential,
  parsePayload,
  parseSignConfig,
  parseUserMetadata,
  parseVerifyConfig,
  productionRegistry,
  productionTransport,
  readRawInputs,
  registryConfig,
  renderVerificationHint,
  runSignJob,
  runVerifyJob,
  signatureEntries,
  verificationHintFor,
  verifyReportJson
} from "./chunks/chunk-4JNSGJIZ.js";
import "./chunks/chunk-3OJY5NLF.js";
import {
  VERSION
} from "./chunks/chunk-RYYQUOBX.js";
import {
  certificatesToPem,
  derToPem
} from "./chunks/chunk-FSGMHXRN.js";
import {
  LIMITS,
  MEDIA_TYPE,
  decodeEnvelope,
  parseSignatureManifest,
  parseTimestampToken,
  parseTstInfo,
  policyDn,
  policySubject,
  toDescriptor
} from "./chunks/chunk-TRVYRA5U.js";
import {
  validateCodeSigningChain
} from "./chunks/chunk-FFORUPRV.js";
import {
  createRevocationChecker
} from "./chunks/chunk-QOAZTF65.js";
import {
  require_build as require_build2
} from "./chunks/chunk-EJXJKBEP.js";
import {
  offlineRevocationChecker
} from "./chunks/chunk-55F5TOJB.js";
import {
  PolicyError,
  VerificationError
} from "./chunks/chunk-BOIBBKTD.js";
import {
  EKU_OID,
  parseCertificate,
  parseNameAttributes
} from "./chunks/chunk-XHYYKEXA.js";
import {
  require_build2 as require_build
} from "./chunks/chunk-BAB72OL5.js";
import "./chunks/chunk-STL7ZK5Y.js";
import {
  isDigest,
  parseReference
} from "./chunks/chunk-ESYIPS4F.js";
import "./chunks/chunk-XILONWW5.js";
import "./chunks/chunk-2PJ7T2FO.js";
import "./chunks/chunk-6J7YPWL5.js";
import {
  ActionError,
  ConfigError,
  formatCauseChain
} from "./chunks/chunk-TW4RF5XT.js";
import {
  __toESM
} from "./chunks/chunk-2ZTQXNXN.js";

// src/cli/main.ts
import { createHash as createHash2 } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs as parseArgs2 } from "node:util";

// src/cli/cert.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

// src/commands/generate-test-cert.ts
var asn1js = __toESM(require_build(), 1);
var pkijs = __toESM(require_build2(), 1);
import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign
} from "node:crypto";
var TEST_KEY_TYPES = ["rsa-3072", "ec-p256", "ec-p384"];
var STORE_NAME = /^[a-zA-Z0-9_.-]+$/;
var OID = {
  country: "2.5.4.6",
  state: "2.5.4.8",
  locality: "2.5.4.7",
  organization: "2.5.4.10",
  commonName: "2.5.4.3",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  sha256WithRSA: "1.2.840.113549.1.1.11",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecdsaWithSha384: "1.2.840.10045.4.3.3"
};
function generateKey(keyType) {
  switch (keyType) {
    case "rsa-3072":
      return generateKeyPairSync("rsa", { modulusLength: 3072, publicExponent: 65537 });
    case "ec-p256":
      return generateKeyPairSync("ec", { namedCurve: "P-256" });
    case "ec-p384":
      return generateKeyPairSync("ec", { namedCurve: "P-384" });
  }
}
function signatureAlgorithm(keyType) {
  switch (keyType) {
    case "rsa-3072":
      return { oid: OID.sha256WithRSA, hash: "sha256" };
    case "ec-p256":
      return { oid: OID.ecdsaWithSha256, hash: "sha256" };
    case "ec-p384":
      return { oid: OID.ecdsaWithSha384, hash: "sha384" };
  }
}
function toRdn(name) {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: name.map(
      ([type, value]) => new pkijs.AttributeTypeAndValue({
        type,
        // RFC 5280 §4.1.2.4: countryName is a PrintableString; the rest may be UTF8String.
        value: type === OID.country ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value })
      })
    )
  });
}
function extension(extnID, critical, value) {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}
function keyUsage(bits, unusedBits) {
  return new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits });
}
function keyIdentifier(spki) {
  const digest = createHash("sha1").update(new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView)).digest();
  return new Uint8Array(digest).buffer;
}
function randomSerial() {
  const bytes = new Uint8Array(randomBytes(16));
  bytes[0] = bytes[0] & 127 | 1;
  return new asn1js.Integer({ valueHex: bytes.buffer });
}
function issue(input) {
  const spki = pkijs.PublicKeyInfo.fromBER(
    new Uint8Array(input.publicKey.export({ type: "spki", format: "der" }))
  );
  const algorithm = signatureAlgorithm(input.issuerKeyType);
  const algorithmId = new pkijs.AlgorithmIdentifier({
    algorithmId: algorithm.oid,
    // RFC 4055 §5: the RSA PKCS#1 v1.5 algorithms carry NULL parameters; ECDSA none (RFC 5758).
    ...input.issuerKeyType === "rsa-3072" ? { algorithmParams: new asn1js.Null() } : {}
  });
  const ownKeyId = keyIdentifier(spki);
  const cert = new pkijs.Certificate({
    version: 2,
    serialNumber: randomSerial(),
    signature: algorithmId,
    issuer: toRdn(input.issuer),
    subject: toRdn(input.subject),
    notBefore: new pkijs.Time({ type: 0, value: input.notBefore }),
    notAfter: new pkijs.Time({ type: 0, value: input.notAfter }),
    subjectPublicKeyInfo: spki,
    extensions: [
      extension(
        OID.basicConstraints,
        true,
        new pkijs.BasicConstraints({ cA: input.ca }).toSchema()
      ),
      input.ca ? extension(OID.keyUsage, true, keyUsage(6, 1)) : extension(OID.keyUsage, true, keyUsage(128, 7)),
      // digitalSignature only
      ...input.ca ? [] : [
        extension(
          OID.extKeyUsage,
          false,
          new pkijs.ExtKeyUsage({ keyPurposes: [EKU_OID.codeSigning] }).toSchema()
        )
      ],
      extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: ownKeyId })),
      ...input.issuerKeyId === void 0 ? [] : [
        extension(
          OID.authorityKeyIdentifier,
          false,
          new pkijs.AuthorityKeyIdentifier({
            keyIdentifier: new asn1js.OctetString({ valueHex: input.issuerKeyId })
          }).toSchema()
        )
      ]
    ]
  });
  cert.signatureAlgorithm = algorithmId;
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
  const signature = sign(algorithm.hash, tbs, input.issuerKey);
  cert.signatureValue = new asn1js.BitString({ valueHex: new Uint8Array(signature).buffer });
  return new Uint8Array(cert.toSchema(true).toBER(false));
}
function generateTestCertificates(options) {
  const { name, keyType, now } = options;
  const days = options.days ?? 365;
  if (!STORE_NAME.test(name)) {
    throw new ConfigError(
      "INPUT_INVALID",
      `cert generate-test: name "${name}" must follow [a-zA-Z0-9_.-]+ (it is also the trust-store name)`
    );
  }
  if (!TEST_KEY_TYPES.includes(keyType)) {
    throw new ConfigError(
      "INPUT_INVALID",
      `cert generate-test: --key-type must be one of ${TEST_KEY_TYPES.join(", ")}, got "${String(keyType)}"`
    );
  }
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new ConfigError(
      "INPUT_INVALID",
      `cert generate-test: --days must be a whole number from 1 to 3650, got "${String(days)}"`
    );
  }
  const notBefore = new Date(Math.floor(now.getTime() / 1e3) * 1e3 - 6e4);
  const notAfter = new Date(notBefore.getTime() + days * 864e5);
  const base = [
    [OID.country, "US"],
    [OID.state, "WA"],
    [OID.locality, "Seattle"],
    [OID.organization, "Notary Test (TEST ONLY)"]
  ];
  const rootName = [...base, [OID.commonName, `${name} TEST ONLY root`]];
  const leafName = [...base, [OID.commonName, name]];
  const root = generateKey(keyType);
  const leaf = generateKey(keyType);
  const rootDer = issue({
    subject: rootName,
    issuer: rootName,
    publicKey: root.publicKey,
    issuerKey: root.privateKey,
    issuerKeyType: keyType,
    ca: true,
    notBefore,
    notAfter
  });
  const rootSpki = pkijs.PublicKeyInfo.fromBER(
    new Uint8Array(createPublicKey(root.privateKey).export({ type: "spki", format: "der" }))
  );
  const leafDer = issue({
    subject: leafName,
    issuer: rootName,
    publicKey: leaf.publicKey,
    issuerKey: root.privateKey,
    issuerKeyType: keyType,
    issuerKeyId: keyIdentifier(rootSpki),
    ca: false,
    notBefore,
    notAfter
  });
  const validated = validateCodeSigningChain([leafDer, rootDer], { signingTime: now });
  const rootInfo = validated.certificates[validated.certificates.length - 1] ?? validated.leaf;
  return {
    name,
    keyType,
    leafKeyPem: leaf.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    leafPem: derToPem(leafDer),
    rootPem: derToPem(rootDer),
    chainPem: certificatesToPem([leafDer, rootDer]),
    leafSubject: validated.leaf.subject,
    rootSubject: rootInfo.subject,
    rootSha256: rootInfo.sha256,
    notAfter
  };
}
function testTrustPolicy(certs) {
  return {
    version: "1.0",
    trustPolicies: [
      {
        name: `${certs.name}-test`,
        registryScopes: ["*"],
        signatureVerification: { level: "strict" },
        trustStores: [`ca:${certs.name}`],
        trustedIdentities: [`x509.subject: ${certs.leafSubject}`]
      }
    ]
  };
}
function testCertificateInstructions(certs, files) {
  const policy = testTrustPolicy(certs);
  return [
    "*** TEST ONLY: a throwaway root and signing certificate. Never trust them in production. ***",
    "",
    `key type:     ${certs.keyType}`,
    `leaf subject: ${certs.leafSubject}`,
    `root subject: ${certs.rootSubject}`,
    `root SHA-256: ${certs.rootSha256}`,
    `valid until:  ${certs.notAfter.toISOString()}`,
    "",
    "files:",
    `  ${files.key}   signing key (PKCS#8 PEM, keep it private)`,
    `  ${files.chain}   certificate chain, leaf then root`,
    `  ${files.leaf}   leaf certificate`,
    `  ${files.root}   root certificate (the trust anchor)`,
    `  ${files.trustStoreDir}   notation trust store (x509/ca/${certs.name}/)`,
    "",
    "sign (action inputs or the same-named CLI flags):",
    `  signing-key: ${files.key}`,
    `  signing-certificate-chain: ${files.chain}`,
    "",
    "trust-store (inline mapping; or give the directory above, notation layout):",
    `  ca:${certs.name}: [${files.root}]`,
    "",
    "trust-policy:",
    ...JSON.stringify(policy, null, 2).split("\n").map((l) => `  ${l}`),
    ""
  ].join("\n");
}

// src/cli/json.ts
var JSON_SCHEMA_VERSION = 1;
function certJson(certs, files) {
  return {
    ...common("cert", 0),
    testOnly: true,
    keyType: certs.keyType,
    leafSubject: certs.leafSubject,
    rootSubject: certs.rootSubject,
    rootSha256: certs.rootSha256,
    notAfter: certs.notAfter.toISOString(),
    files,
    trustStore: { [`ca:${certs.name}`]: [files.root] },
    trustPolicy: testTrustPolicy(certs)
  };
}
var common = (command, exitCode) => ({
  schemaVersion: JSON_SCHEMA_VERSION,
  command,
  exitCode
});
function errorJson(command, err, exitCode) {
  const [message = String(err), ...causes] = formatCauseChain(err);
  const code = err instanceof ActionError ? err.code : "UNEXPECTED";
  const prefix = `[${code}] `;
  return {
    ...common(command, exitCode),
    error: {
      code,
      message: message.startsWith(prefix) ? message.slice(prefix.length) : message,
      causes: causes.map((c) => c.replace(/^\s*caused by: /, "")),
      ...err instanceof ActionError && err.remedy !== void 0 ? { remedy: err.remedy } : {}
    }
  };
}
function signJson(result, hint, exitCode) {
  return {
    ...common("sign", exitCode),
    signatures: signatureEntries(result.signed),
    ...result.signer.artifactSigningApiVersion === void 0 ? {} : {
      artifactSigning: {
        apiVersion: result.signer.artifactSigningApiVersion,
        ...result.signer.apiVersionFallbackFrom === void 0 ? {} : { fallbackFrom: result.signer.apiVersionFallbackFrom }
      }
    },
    ...result.verification ? { verification: verifyReportJson(result.verification) } : {},
    ...hint ? { verificationHint: hint } : {}
  };
}
function verifyJson(report2, exitCode) {
  return { ...common("verify", exitCode), ...verifyReportJson(report2) };
}
function verifySignatureJson(fields, exitCode) {
  return { ...common("verify-signature", exitCode), ...fields };
}
function inspectJson(inspection) {
  return { ...common("inspect", 0), ...inspection };
}
function inspectSignatureJson(envelope) {
  return { ...common("inspect", 0), envelope };
}
var printJson = (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}
`);

// src/cli/cert.ts
var CERT_HELP = `usage: oci-notary cert generate-test [--key-type TYPE] [--days N] [--out DIR] [--json] NAME

TEST ONLY. Makes a throwaway root CA and a code-signing certificate for it (the Notary Project
certificate rules), with the signing key, like "notation cert generate-test"; prints the
signing inputs, a trust-store mapping and a trust policy that accept it. Never trust these
certificates in production: anyone with the files can sign as "NAME".

  NAME               leaf common name and trust-store name ([a-zA-Z0-9_.-]+)
  --key-type TYPE    ${TEST_KEY_TYPES.join(" | ")} (default rsa-3072, the Artifact Signing key type)
  --days N           validity in days, 1 to 3650 (default 365)
  --out DIR          directory for the files (default ./NAME-test-certs); existing files are kept
                     and the command fails instead
  --json             print the result as one JSON object (README "JSON output")
`;
var FLAGS = {
  "key-type": { type: "string" },
  days: { type: "string" },
  out: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
async function writeNew(file, text, mode) {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { flag: "wx", mode });
  } catch (err) {
    if (err.code === "EEXIST") {
      throw new ConfigError(
        "INPUT_CONFLICT",
        `cert generate-test: ${file} exists; not overwritten`,
        {
          remedy: "remove it or choose another --out directory"
        }
      );
    }
    throw err;
  }
}
async function certCommand(args) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new ConfigError("INPUT_INVALID", err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(CERT_HELP), 0;
  const [sub, name, ...rest] = positionals;
  if (sub !== "generate-test" || name === void 0 || rest.length > 0) {
    throw new ConfigError(
      "INPUT_INVALID",
      "usage: oci-notary cert generate-test [--key-type TYPE] [--days N] [--out DIR] NAME"
    );
  }
  const days = values.days === void 0 ? 365 : Number(values.days);
  const certs = generateTestCertificates({
    name,
    keyType: values["key-type"] ?? "rsa-3072",
    now: /* @__PURE__ */ new Date(),
    days
  });
  const out = path.resolve(values.out ?? `${name}-test-certs`);
  const files = {
    key: path.join(out, `${name}.key`),
    leaf: path.join(out, `${name}.crt`),
    chain: path.join(out, `${name}-chain.pem`),
    root: path.join(out, `${name}-root.crt`),
    trustStoreDir: path.join(out, "truststore")
  };
  await writeNew(files.key, certs.leafKeyPem, 384);
  await writeNew(files.leaf, certs.leafPem, 420);
  await writeNew(files.chain, certs.chainPem, 420);
  await writeNew(files.root, certs.rootPem, 420);
  await writeNew(
    path.join(files.trustStoreDir, "x509", "ca", name, `${name}-root.crt`),
    certs.rootPem,
    420
  );
  if (values.json) process.stdout.write(`${JSON.stringify(certJson(certs, files), null, 2)}
`);
  else process.stdout.write(testCertificateInstructions(certs, files));
  return 0;
}

// src/commands/inspect.ts
function certificate(der) {
  const c = parseCertificate(der);
  return {
    subject: policySubject(c),
    issuer: policyDn(parseNameAttributes(c.rawIssuer)),
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
    Object.assign(out, describeEnvelope(manifest.envelope.mediaType, bytes));
  } catch (err) {
    out.error = formatCauseChain(err).join("; ");
  }
  return out;
}
function describeEnvelope(mediaType, bytes) {
  const parsed = decodeEnvelope(mediaType, bytes);
  const leaf = parsed.certificateChain[0];
  const signed = parsed.signingTime ?? parsed.authenticSigningTime;
  const token = parsed.timestampToken ? parseTimestampToken(parsed.timestampToken) : void 0;
  return {
    algorithm: parsed.algorithm,
    signingScheme: parsed.signingScheme,
    ...signed ? { signingTime: signed.toISOString() } : {},
    ...parsed.expiry ? { expiry: parsed.expiry.toISOString() } : {},
    ...parsed.signingAgent ? { signingAgent: parsed.signingAgent } : {},
    ...leaf ? { signer: policySubject(leaf) } : {},
    certificates: parsed.certificateChain.map(certificate),
    ...token ? {
      timestamp: {
        genTime: parseTstInfo(token.eContent).genTime.toISOString(),
        tsaCertificates: token.certificates.map(certificate)
      }
    } : {},
    signedArtifact: parsePayload(parsed.payload).targetArtifact
  };
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
function envelopeLines(s) {
  const lines = [];
  if (s.signedArtifact) {
    lines.push(
      `signed subject: ${s.signedArtifact.mediaType} ${s.signedArtifact.digest} (${s.signedArtifact.size} bytes)`
    );
    for (const [k, v] of Object.entries(s.signedArtifact.annotations ?? {}))
      lines.push(`  ${k}=${v}`);
  }
  if (s.signer) lines.push(`signer: ${s.signer}`);
  lines.push(`algorithm: ${s.algorithm}, scheme ${s.signingScheme}`);
  if (s.signingTime) lines.push(`signing time: ${s.signingTime}`);
  if (s.expiry) lines.push(`expiry: ${s.expiry}`);
  if (s.signingAgent) lines.push(`signing agent: ${s.signingAgent}`);
  lines.push(
    `timestamp: ${s.timestamp ? `${s.timestamp.genTime} (TSA ${s.timestamp.tsaCertificates[0]?.subject ?? "unknown"})` : "none"}`
  );
  for (const [k, c] of s.certificates.entries()) {
    lines.push(
      `certificate ${k + 1}: ${c.subject} (sha256 ${c.sha256}, valid ${c.notBefore} \u2013 ${c.notAfter})`
    );
  }
  return lines;
}
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
    if (s.algorithm !== void 0 && s.signingScheme !== void 0 && s.certificates && s.signedArtifact) {
      const description = {
        ...s,
        algorithm: s.algorithm,
        signingScheme: s.signingScheme,
        certificates: s.certificates,
        signedArtifact: s.signedArtifact
      };
      for (const line of envelopeLines(description)) lines.push(`${pad}${line}`);
    }
  });
  return `${lines.join("\n")}
`;
}
function renderEnvelopeFile(file, e) {
  const lines = envelopeLines(e);
  return `${[
    `${file}: ${e.mediaType} ${e.digest} (${e.size} bytes)`,
    ...lines.map((l, n) => `${n === lines.length - 1 ? "\u2514\u2500\u2500 " : "\u251C\u2500\u2500 "}${l}`)
  ].join("\n")}
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
var INSPECT_FLAGS = {
  ...inputFlags(INSPECT_INPUTS, LIST_INPUTS, []),
  signature: { type: "string" }
};
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
  --reference REF          the image, as registry/repository, or with a tag or digest as
                           \`notation ls\` prints it (registry/repository@sha256:\u2026): its
                           registry/repository is matched against the policy's registryScopes;
                           a digest must be the --subject digest (else not verified, exit 1);
                           default "${OFFLINE_REFERENCE}", which only a "*" statement matches
  --user-metadata k=v      required signed metadata (repeat)
  --at RFC3339             verification time (default now)
  --offline                do not fetch OCSP/CRL (revocation reported as skipped)
  --json                   print the report as JSON
  --debug                  print debug messages to stderr
`;
var INSPECT_HELP = `usage: oci-notary inspect REF [--json] [--debug] [registry options]
       oci-notary inspect --signature FILE [--json]

Lists the image's Notary signatures (Referrers API or tag schema) and decodes each envelope:
format, algorithm, signer, signing time, timestamp, expiry, signing agent and signed subject.
  --signature FILE   decode one envelope file instead (offline): what it signs and by whom
  --registry-username U --registry-password P   --insecure-registries HOST (repeat)
Azure identity (ACR sign-in):
${AZURE_IDENTITY_HELP}
`;
function parseOfflineReference(input) {
  if (input === void 0) return void 0;
  let rest = input.trim();
  let digest;
  const at = rest.lastIndexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) {
      throw new ConfigError(
        "INPUT_INVALID",
        `--reference "${input}": "${digest}" is not a digest (algorithm:hex, e.g. sha256:\u2026)`
      );
    }
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return {
    repository: rest,
    ...tag === void 0 ? {} : { tag },
    ...digest === void 0 ? {} : { digest }
  };
}
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
  cert generate-test make a TEST-ONLY root and signing certificate with its key

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
    return parseArgs2({
      args,
      options: { ...options, ...COMMON_FLAGS },
      allowPositionals,
      strict: true
    });
  } catch (err) {
    throw new ConfigError("INPUT_INVALID", flagProblem(err, { ...options, ...COMMON_FLAGS }), {
      cause: err
    });
  }
}
function flagProblem(err, options) {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (unknown === void 0) return message;
  const name = unknown.replace(/^-+/, "").split("=")[0] ?? "";
  const hint = didYouMean(name, Object.keys(options), "");
  return `unknown flag ${unknown}${hint.replace(/did you mean (\S+)\?$/, "did you mean --$1?")}`;
}
async function signCommand(args) {
  const { values } = parse(args, SIGN_FLAGS);
  if (values.help) return void process.stdout.write(SIGN_HELP), EXIT.ok;
  const config = parseSignConfig(rawFrom(SIGN_INPUTS, { "show-summary": "false", ...values }));
  const rt = runtime(values.debug === true);
  const result = await runSignJob(config, rt);
  const { signed, verification } = result;
  const exitCode = verification === void 0 || verification.verified ? EXIT.ok : EXIT.failed;
  const hint = exitCode === EXIT.ok ? verificationHintFor(result) : void 0;
  if (values.json) {
    printJson(signJson(result, hint, exitCode));
  } else {
    if (hint) process.stderr.write(`
${renderVerificationHint(hint)}

`);
    for (const s of signed) {
      process.stdout.write(
        `${s.repository}@${s.digest}${s.platform ? ` (${s.platform})` : ""}	${s.skipped ? "skipped, existing signature" : "signature"} ${s.signatureDigest}	via ${s.referrersMode}	${s.timestamp ? `timestamp ${s.timestamp}` : "no timestamp"}
`
      );
    }
    for (const image of verification?.images ?? []) process.stdout.write(image.text ?? "");
  }
  return exitCode;
}
async function verifyCommand(args) {
  const { values } = parse(args, VERIFY_FLAGS);
  if (values.help) return void process.stdout.write(VERIFY_HELP), EXIT.ok;
  const config = parseVerifyConfig(rawFrom(VERIFY_INPUTS, { "show-summary": "false", ...values }));
  const report2 = await runVerifyJob(config, runtime(values.debug === true));
  const exitCode = report2.verified ? EXIT.ok : EXIT.failed;
  if (values.json) printJson(verifyJson(report2, exitCode));
  else {
    for (const image of report2.images) {
      process.stdout.write(image.text ?? `NOT VERIFIED: ${image.reference}: ${image.error ?? ""}
`);
    }
  }
  return exitCode;
}
function detectEnvelopeMediaType(bytes) {
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  return first.startsWith("{") ? MEDIA_TYPE.jws : MEDIA_TYPE.cose;
}
var sha256Digest = (bytes) => `sha256:${createHash2("sha256").update(bytes).digest("hex")}`;
async function readEnvelopeFile(file, flag) {
  return new Uint8Array(
    await readFile(file).catch((err) => {
      throw new ConfigError("INPUT_INVALID", `${flag} ${file} cannot be read`, { cause: err });
    })
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
  const envelope = await readEnvelopeFile(values.signature, "--signature");
  const offlineReference = parseOfflineReference(values.reference);
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
    offlineReference?.repository,
    subject.digest
  );
  const metadata = parseUserMetadata(
    "--user-metadata",
    (values["user-metadata"] ?? []).join("\n")
  );
  const base = { reference, policy: statement.name, level: statement.verificationLevel.name };
  if (offlineReference?.digest !== void 0 && offlineReference.digest !== subject.digest) {
    const failure = {
      code: "PAYLOAD_MISMATCH",
      message: `--reference names ${offlineReference.digest}, but --subject is ${subject.digest}: the signature is not checked against another artifact`
    };
    if (values.json)
      printJson(verifySignatureJson({ verified: false, ...base, failure }, EXIT.failed));
    else
      process.stdout.write(
        `NOT VERIFIED: ${reference}
  trust policy: "${base.policy}", level ${base.level}
  error [${failure.code}]: ${failure.message}
`
      );
    return EXIT.failed;
  }
  const mediaType = detectEnvelopeMediaType(envelope);
  const outcome = await verifySignature({
    envelope,
    mediaType,
    subject,
    statement,
    trustStore,
    now: at,
    userMetadata: metadata,
    revocation: values.offline ? offlineRevocationChecker : createRevocationChecker({ transport: productionTransport(rt), logger: rt.logger }),
    logger: stderrLogger(values.debug === true)
  });
  const envelopeDigest = sha256Digest(envelope);
  const report2 = buildArtifactReport({
    reference,
    artifact: subject,
    statement,
    signatures: [{ digest: envelopeDigest, mediaType, outcome }]
  });
  const verified = report2.verdict !== "failed";
  const exitCode = verified ? EXIT.ok : EXIT.failed;
  if (values.json) {
    printJson(
      verifySignatureJson(
        {
          verified,
          ...base,
          ...report2.error ? { failure: { code: report2.error.code, message: report2.error.message } } : {},
          signature: signatureJson(envelopeDigest, outcome)
        },
        exitCode
      )
    );
  } else {
    process.stdout.write(renderReportText(report2));
  }
  return exitCode;
}
async function inspectCommand(args) {
  const { values, positionals } = parse(args, INSPECT_FLAGS, true);
  if (values.help) return void process.stdout.write(INSPECT_HELP), EXIT.ok;
  if (typeof values.signature === "string") {
    if (positionals.length > 0)
      throw new ConfigError(
        "INPUT_CONFLICT",
        "inspect takes an image reference or --signature FILE, not both"
      );
    return inspectSignatureFile(values.signature, values.json === true);
  }
  const [image, ...rest] = positionals;
  if (image === void 0 || rest.length > 0)
    throw new ConfigError(
      "INPUT_MISSING",
      "inspect takes exactly one image reference (or --signature FILE)"
    );
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
    credential: lazyAzureCredential(config.azure, rt, transport),
    access: "pull"
  });
  const inspection = await inspectImage(image, { registry, logger: rt.logger });
  if (values.json) printJson(inspectJson(inspection));
  else process.stdout.write(renderInspection(inspection));
  return EXIT.ok;
}
async function inspectSignatureFile(file, json) {
  const bytes = await readEnvelopeFile(file, "--signature");
  const mediaType = detectEnvelopeMediaType(bytes);
  let description;
  try {
    description = describeEnvelope(mediaType, bytes);
  } catch (err) {
    throw new ActionError(
      "ENVELOPE_INVALID",
      `--signature ${file} is not a Notary signature envelope`,
      {
        cause: err
      }
    );
  }
  const envelope = { digest: sha256Digest(bytes), mediaType, size: bytes.length, ...description };
  if (json) printJson(inspectSignatureJson(envelope));
  else process.stdout.write(renderEnvelopeFile(file, envelope));
  return EXIT.ok;
}
var COMMANDS = {
  sign: signCommand,
  verify: verifyCommand,
  "verify-signature": verifySignatureCommand,
  inspect: inspectCommand,
  cert: certCommand
};
function exitCodeFor(err) {
  const usage = err instanceof ConfigError || err instanceof VerificationError && [
    "POLICY_INVALID",
    "POLICY_UNREADABLE",
    "POLICY_NOT_APPLICABLE",
    "TRUST_STORE_INVALID",
    "TRUST_STORE_NOT_FOUND"
  ].includes(err.code);
  return usage ? EXIT.usage : EXIT.failed;
}
function report(command, err, json) {
  const exitCode = exitCodeFor(err);
  const lines = formatCauseChain(err);
  process.stderr.write(`oci-notary ${command}: ${lines.join("\n")}
`);
  if (err instanceof ActionError && err.remedy) process.stderr.write(`remedy: ${err.remedy}
`);
  if (json) printJson(errorJson(command, err, exitCode));
  return exitCode;
}
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
  const json = args.includes("--json");
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : void 0;
  if (run === void 0) {
    const err = new ConfigError(
      "INPUT_INVALID",
      `unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}`
    );
    process.stderr.write(`oci-notary: ${err.message}

${HELP}`);
    if (json) printJson(errorJson(command, err, EXIT.usage));
    return EXIT.usage;
  }
  try {
    return await run(args);
  } catch (err) {
    return report(command, err, json);
  }
}
process.exitCode = await main(process.argv.slice(2));
