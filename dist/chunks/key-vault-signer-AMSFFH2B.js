#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  KEY_ID_INPUT,
  SigningError,
  parseKeyVaultId
} from "./chunk-3OJY5NLF.js";
import {
  pemToCertificates
} from "./chunk-FSGMHXRN.js";
import {
  validateCodeSigningChain,
  verifyRaw
} from "./chunk-FFORUPRV.js";
import {
  CertificateError,
  algorithmForKeySpec,
  algorithmInfo,
  isIssuedBy,
  parseCertificate
} from "./chunk-XHYYKEXA.js";
import {
  require_build2 as require_build
} from "./chunk-BAB72OL5.js";
import "./chunk-ESYIPS4F.js";
import {
  TransportError
} from "./chunk-XILONWW5.js";
import {
  silentLogger
} from "./chunk-2PJ7T2FO.js";
import {
  KeyVaultError
} from "./chunk-J7SFTFN4.js";
import "./chunk-6J7YPWL5.js";
import {
  ActionError
} from "./chunk-TW4RF5XT.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/azure/key-vault-signer.ts
import { createHash as createHash2 } from "node:crypto";

// src/x509/pkcs12.ts
var asn1js = __toESM(require_build(), 1);
import { createDecipheriv, createHash, pbkdf2Sync } from "node:crypto";
var OID = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  certBag: "1.2.840.113549.1.12.10.1.3",
  safeContentsBag: "1.2.840.113549.1.12.10.1.6",
  x509Certificate: "1.2.840.113549.1.9.22.1",
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  sha1And3Des: "1.2.840.113549.1.12.1.3",
  sha1And40Rc2: "1.2.840.113549.1.12.1.6",
  sha1And128Rc2: "1.2.840.113549.1.12.1.5"
};
var PRF = {
  "1.2.840.113549.2.7": "sha1",
  "1.2.840.113549.2.9": "sha256",
  "1.2.840.113549.2.10": "sha384",
  "1.2.840.113549.2.11": "sha512"
};
var CIPHER = {
  "2.16.840.1.101.3.4.1.2": { name: "aes-128-cbc", keyLength: 16 },
  "2.16.840.1.101.3.4.1.22": { name: "aes-192-cbc", keyLength: 24 },
  "2.16.840.1.101.3.4.1.42": { name: "aes-256-cbc", keyLength: 32 },
  "1.2.840.113549.3.7": { name: "des-ede3-cbc", keyLength: 24 }
};
var MAX_NESTING = 4;
var fail = (message, cause) => new CertificateError(
  "CERT_PARSE",
  `PKCS#12: ${message}`,
  cause === void 0 ? void 0 : { cause }
);
function parse(der, what) {
  const result = asn1js.fromBER(der);
  if (result.offset === -1) throw fail(`${what} is not valid DER/BER`);
  return result.result;
}
function sequence(node, what) {
  if (!(node instanceof asn1js.Sequence)) throw fail(`${what} is not a SEQUENCE`);
  return node.valueBlock.value;
}
function oid(node, what) {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw fail(`${what} is not an OBJECT IDENTIFIER`);
  return node.valueBlock.toString();
}
function octets(node, what) {
  if (!(node instanceof asn1js.OctetString)) throw fail(`${what} is not an OCTET STRING`);
  if (!node.valueBlock.isConstructed) return new Uint8Array(node.valueBlock.valueHexView);
  const parts = node.valueBlock.value.map((p, i) => octets(p, `${what} part ${i}`));
  return new Uint8Array(Buffer.concat(parts));
}
function explicit0(node, what) {
  const c = node;
  if (c?.idBlock?.tagClass !== 3 || c.idBlock.tagNumber !== 0 || !Array.isArray(c.valueBlock?.value)) {
    throw fail(`${what} is not [0] EXPLICIT`);
  }
  const inner = c.valueBlock.value[0];
  if (inner === void 0) throw fail(`${what} is empty`);
  return inner;
}
function implicitOctets0(node, what) {
  const n = node;
  if (n?.idBlock?.tagClass !== 3 || n.idBlock.tagNumber !== 0)
    throw fail(`${what} is not [0] IMPLICIT`);
  if (Array.isArray(n.valueBlock.value) && n.valueBlock.value.length > 0) {
    return new Uint8Array(
      Buffer.concat(n.valueBlock.value.map((p, i) => octets(p, `${what} part ${i}`)))
    );
  }
  return new Uint8Array(n.valueBlock.valueHexView ?? new Uint8Array(0));
}
function integer(node, what) {
  if (!(node instanceof asn1js.Integer)) throw fail(`${what} is not an INTEGER`);
  const v = node.valueBlock.valueDec;
  if (!Number.isSafeInteger(v) || v < 1 || v > 1e7) throw fail(`${what} is out of range`);
  return v;
}
function pkcs12Kdf(password, salt, id, iterations, n) {
  const v = 64;
  const fill = (src) => {
    if (src.length === 0) return Buffer.alloc(0);
    const len = v * Math.ceil(src.length / v);
    const out2 = Buffer.alloc(len);
    for (let i2 = 0; i2 < len; i2++) out2[i2] = src[i2 % src.length];
    return out2;
  };
  const d = Buffer.alloc(v, id);
  const i = Buffer.concat([fill(salt), fill(password)]);
  const out = [];
  let produced = 0;
  while (produced < n) {
    let a = createHash("sha1").update(d).update(i).digest();
    for (let r = 1; r < iterations; r++) a = createHash("sha1").update(a).digest();
    out.push(a);
    produced += a.length;
    const b = fill(a);
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = i[j + k] + b[k] + carry;
        i[j + k] = sum & 255;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, n);
}
function bmpPassword(password) {
  const out = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}
function decrypt(algorithm, ciphertext, password) {
  const [algOid, params] = sequence(algorithm, "contentEncryptionAlgorithm");
  const id = oid(algOid, "contentEncryptionAlgorithm");
  try {
    if (id === OID.pbes2) {
      const [kdf, scheme] = sequence(params, "PBES2 parameters");
      const [kdfOid, kdfParams] = sequence(kdf, "PBES2 keyDerivationFunc");
      if (oid(kdfOid, "keyDerivationFunc") !== OID.pbkdf2)
        throw fail("PBES2 key derivation is not PBKDF2");
      const [saltNode, iterNode, ...rest] = sequence(kdfParams, "PBKDF2 parameters");
      const salt = octets(saltNode, "PBKDF2 salt");
      const iterations = integer(iterNode, "PBKDF2 iterationCount");
      const prfNode = rest.find((r) => r instanceof asn1js.Sequence);
      const prfOid = prfNode === void 0 ? "1.2.840.113549.2.7" : oid(sequence(prfNode, "prf")[0], "prf");
      const digest = PRF[prfOid];
      if (digest === void 0) throw fail(`unsupported PBKDF2 PRF ${prfOid}`);
      const [cipherOid, ivNode] = sequence(scheme, "PBES2 encryptionScheme");
      const cipherId = oid(cipherOid, "encryptionScheme");
      const cipher = CIPHER[cipherId];
      if (cipher === void 0) throw fail(`unsupported PBES2 cipher ${cipherId}`);
      const key = pbkdf2Sync(
        Buffer.from(password, "utf8"),
        salt,
        iterations,
        cipher.keyLength,
        digest
      );
      const d = createDecipheriv(cipher.name, key, octets(ivNode, "PBES2 IV"));
      return new Uint8Array(Buffer.concat([d.update(ciphertext), d.final()]));
    }
    if (id === OID.sha1And3Des) {
      const [saltNode, iterNode] = sequence(params, "PBE parameters");
      const salt = octets(saltNode, "PBE salt");
      const iterations = integer(iterNode, "PBE iterations");
      const pw = bmpPassword(password);
      const key = pkcs12Kdf(pw, salt, 1, iterations, 24);
      const iv = pkcs12Kdf(pw, salt, 2, iterations, 8);
      const d = createDecipheriv("des-ede3-cbc", key, iv);
      return new Uint8Array(Buffer.concat([d.update(ciphertext), d.final()]));
    }
  } catch (err) {
    if (err instanceof CertificateError) throw err;
    throw fail("the certificate bags cannot be decrypted with an empty password", err);
  }
  if (id === OID.sha1And40Rc2 || id === OID.sha1And128Rc2) {
    throw fail(
      "the certificates are encrypted with RC2 (pbeWithSHAAnd40BitRC2-CBC), which Node cannot decrypt; re-export the PKCS#12 with AES (openssl pkcs12 -export -certpbe AES-256-CBC) or set the certificate content type to PEM"
    );
  }
  throw fail(`unsupported encryption ${id}`);
}
function collectBags(safeContents, out, depth) {
  if (depth > MAX_NESTING) throw fail("safe contents nest too deeply");
  for (const [i, bag] of sequence(parse(safeContents, "SafeContents"), "SafeContents").entries()) {
    const [bagId, bagValue] = sequence(bag, `SafeBag ${i}`);
    const id = oid(bagId, `SafeBag ${i} bagId`);
    if (id === OID.certBag) {
      const [certId, certValue] = sequence(explicit0(bagValue, "CertBag"), "CertBag");
      if (oid(certId, "CertBag certId") !== OID.x509Certificate) continue;
      out.push(octets(explicit0(certValue, "CertBag certValue"), "CertBag certValue"));
    } else if (id === OID.safeContentsBag) {
      const nested = explicit0(bagValue, "SafeContentsBag");
      collectBags(new Uint8Array(nested.toBER(false)), out, depth + 1);
    }
  }
}
function certificatesFromPkcs12(der, password = "") {
  const [version, authSafe] = sequence(parse(der, "the file"), "PFX");
  if (integer(version, "PFX version") !== 3) throw fail("PFX version is not 3");
  const [authType, authContent] = sequence(authSafe, "authSafe");
  if (oid(authType, "authSafe contentType") !== OID.data) {
    throw fail("authSafe is not of type data (public-key integrity mode is not supported)");
  }
  const authenticatedSafe = octets(explicit0(authContent, "authSafe content"), "authSafe content");
  const certs = [];
  for (const [i, info] of sequence(
    parse(authenticatedSafe, "AuthenticatedSafe"),
    "AuthenticatedSafe"
  ).entries()) {
    const [type, content] = sequence(info, `ContentInfo ${i}`);
    const t = oid(type, `ContentInfo ${i} contentType`);
    if (t === OID.data) {
      collectBags(octets(explicit0(content, `ContentInfo ${i}`), `ContentInfo ${i}`), certs, 0);
    } else if (t === OID.encryptedData) {
      const [, eci] = sequence(explicit0(content, `ContentInfo ${i}`), "EncryptedData");
      const [, algorithm, encrypted] = sequence(eci, "EncryptedContentInfo");
      if (algorithm === void 0 || encrypted === void 0)
        throw fail("EncryptedContentInfo is incomplete");
      const plain = decrypt(algorithm, implicitOctets0(encrypted, "encryptedContent"), password);
      if (!(asn1js.fromBER(plain).result instanceof asn1js.Sequence)) {
        throw fail("the certificate bags cannot be decrypted with an empty password");
      }
      collectBags(plain, certs, 0);
    } else {
      throw fail(`unsupported ContentInfo type ${t}`);
    }
  }
  if (certs.length === 0) throw fail("the file holds no X.509 certificate");
  return certs;
}

// src/azure/key-vault-certificates.ts
var PEM_CONTENT_TYPE = "application/x-pem-file";
var PKCS12_CONTENT_TYPE = "application/x-pkcs12";
var MAX_CERTIFICATES = 10;
var VAULT_REMEDY = "import the full chain into the Key Vault certificate (merge the issued certificate with its CA chain), or give azure-key-vault-certificate-chain with the CA certificates";
var CHAIN_INPUT_REMEDY = "azure-key-vault-certificate-chain must hold the CA certificates that issued the Key Vault certificate: intermediates, then the root (or the whole chain, leaf first)";
var baseInvalid = (message, cause, remedy = VAULT_REMEDY) => new KeyVaultError("KEY_VAULT_CERTIFICATE_INVALID", message, {
  ...cause === void 0 ? {} : { cause },
  remedy
});
function secretKeyMaterial(secret) {
  if (!secret.value.includes("-----BEGIN "))
    return secret.value.trim() === "" ? void 0 : secret.value;
  const blocks = secret.value.match(
    /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g
  );
  return blocks === null ? void 0 : blocks.join("\n");
}
function certificatesFromSecret(secret, what) {
  const type = secret.contentType?.toLowerCase();
  const looksPem = secret.value.includes("-----BEGIN ");
  if (type === PEM_CONTENT_TYPE || type !== PKCS12_CONTENT_TYPE && looksPem) {
    try {
      return pemToCertificates(secret.value, what);
    } catch (err) {
      throw baseInvalid(`${what} holds no usable PEM certificate`, err);
    }
  }
  const b64 = secret.value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    throw baseInvalid(
      `${what} is neither PEM nor base64 PKCS#12 (content type ${secret.contentType ?? "unset"})`
    );
  }
  try {
    return certificatesFromPkcs12(new Uint8Array(Buffer.from(b64, "base64")));
  } catch (err) {
    throw baseInvalid(`${what} is not a PKCS#12 file this action can read`, err);
  }
}
function orderChain(ders, what, leaf, remedy = VAULT_REMEDY) {
  const invalid = (message, cause) => baseInvalid(message, cause, remedy);
  const unique = ders.filter(
    (d, i) => ders.findIndex((e) => Buffer.from(e).equals(Buffer.from(d))) === i
  );
  if (unique.length > MAX_CERTIFICATES) {
    throw invalid(
      `${what} holds ${unique.length} certificates; at most ${MAX_CERTIFICATES} are accepted`
    );
  }
  let parsed;
  try {
    parsed = unique.map((d) => parseCertificate(d));
  } catch (err) {
    throw invalid(`${what} holds a certificate that cannot be parsed`, err);
  }
  let start;
  if (leaf !== void 0) {
    const l = Buffer.from(leaf);
    start = parsed.find((c) => l.equals(Buffer.from(c.der)));
    if (start === void 0) {
      throw invalid(`${what} does not contain the certificate of the Key Vault certificate object`);
    }
  } else {
    const issuesNone = parsed.filter((c) => !parsed.some((o) => o !== c && isIssuedBy(o, c)));
    const endEntities = issuesNone.filter((c) => !c.basicConstraints.cA);
    const candidates = issuesNone.length === 1 ? issuesNone : endEntities;
    if (candidates.length !== 1) {
      throw invalid(
        `${what}: cannot tell the leaf certificate among ${(candidates.length > 0 ? candidates : issuesNone).map((c) => `"${c.subject}"`).join(", ") || "none"}`
      );
    }
    start = candidates[0];
  }
  const chain = [start];
  let current = start;
  while (!current.selfSigned) {
    const parents = parsed.filter((p) => !chain.includes(p) && isIssuedBy(current, p));
    if (parents.length !== 1) {
      throw invalid(
        parents.length === 0 ? `${what}: the chain stops at "${current.subject}"; its issuer "${current.issuer}" is missing, and a Notary chain must end in a self-signed root` : `${what}: "${current.subject}" has ${parents.length} possible issuers`
      );
    }
    current = parents[0];
    chain.push(current);
  }
  if (chain.length !== parsed.length) {
    const left = parsed.filter((p) => !chain.includes(p)).map((p) => `"${p.subject}"`);
    throw invalid(`${what}: certificates not on the leaf \u2192 root path: ${left.join(", ")}`);
  }
  return chain.map((c) => c.der);
}

// src/azure/key-vault-client.ts
import { randomUUID } from "node:crypto";
var KEY_VAULT_API_VERSION = "7.5";
var CRYPTO_USER_ROLE = "Key Vault Crypto User";
var CERTIFICATE_USER_ROLE = "Key Vault Certificate User";
var SECRETS_USER_ROLE = "Key Vault Secrets User";
var NEEDS = {
  "get-secret": {
    role: `${CERTIFICATE_USER_ROLE}" (or "${SECRETS_USER_ROLE}`,
    permission: 'secret permission "get"',
    what: "read the certificate chain from the secret"
  },
  "get-certificate": {
    role: CERTIFICATE_USER_ROLE,
    permission: 'certificate permission "get"',
    what: "read the certificate"
  },
  "get-key": {
    role: CRYPTO_USER_ROLE,
    permission: 'key permission "get"',
    what: "read the key"
  },
  sign: { role: CRYPTO_USER_ROLE, permission: 'key permission "sign"', what: "sign with the key" }
};
function parseBearerChallenge(header) {
  const m = /^\s*Bearer\s+(.*)$/i.exec(header);
  if (m === null) return void 0;
  const out = {};
  for (const p of (m[1] ?? "").matchAll(/([A-Za-z_]+)\s*=\s*"([^"]*)"/g)) {
    out[(p[1] ?? "").toLowerCase()] = p[2] ?? "";
  }
  return out;
}
function asRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}
function str(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function bound(text, max = 300) {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}\u2026` : oneLine;
}
function vaultError(res) {
  try {
    const err = asRecord(asRecord(res.json())?.["error"]);
    const out = {};
    const code = str(err?.["code"]);
    const inner = str(asRecord(err?.["innererror"])?.["code"]);
    const message = str(err?.["message"]);
    if (code !== void 0) out.code = code;
    if (inner !== void 0) out.inner = inner;
    if (message !== void 0) out.message = bound(message);
    return out;
  } catch {
    return {};
  }
}
function decodeBase64(value, what) {
  const normal = value.replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal) || normal.replace(/=+$/, "").length % 4 === 1) {
    throw new KeyVaultError("KEY_VAULT_RESPONSE_INVALID", `${what} is not base64`, {
      remedy: "check azure-key-vault-key-id points at Azure Key Vault"
    });
  }
  return new Uint8Array(Buffer.from(normal, "base64"));
}
function segmentsOf(name, version) {
  return version === void 0 ? encodeURIComponent(name) : `${encodeURIComponent(name)}/${encodeURIComponent(version)}`;
}
function createKeyVaultClient(options) {
  const { vault, credential, transport } = options;
  const logger = options.logger ?? silentLogger;
  let challenge;
  const identity = () => {
    const clientId = credential.federatedIdentity?.()?.clientId ?? credential.clientId;
    return clientId === void 0 ? "the signing identity" : `the identity with client id ${clientId}`;
  };
  async function send(what, method, path, body, token2) {
    const headers = {
      accept: "application/json",
      "x-ms-client-request-id": randomUUID()
    };
    if (token2 !== void 0) headers["authorization"] = `Bearer ${token2}`;
    if (body !== void 0) headers["content-type"] = "application/json";
    try {
      return await transport.request({
        method,
        url: `${vault.vaultUrl}${path}?api-version=${KEY_VAULT_API_VERSION}`,
        headers,
        ...body === void 0 ? {} : { body },
        maxBytes: 1024 * 1024,
        // A vault never redirects; following one would carry the token elsewhere.
        followRedirects: false
      });
    } catch (err) {
      if (err instanceof TransportError) {
        throw new KeyVaultError(
          "KEY_VAULT_NETWORK",
          `${what}: cannot reach Key Vault at ${vault.host}`,
          {
            cause: err,
            remedy: "check the vault name in azure-key-vault-key-id, the runner network, and the vault firewall (Networking \u2192 allow the runner)"
          }
        );
      }
      throw err;
    }
  }
  function readChallenge(what, res) {
    const header = res.headers.get("www-authenticate");
    const params = header === null ? void 0 : parseBearerChallenge(header);
    const scopeParam = params?.["scope"];
    const resource = params?.["resource"] ?? (scopeParam?.endsWith("/.default") ? scopeParam.slice(0, -9) : void 0);
    if (resource === void 0 || resource === "") {
      throw new KeyVaultError(
        "KEY_VAULT_CHALLENGE_INVALID",
        `${what}: ${vault.host} answered 401 without a Bearer challenge naming a resource`,
        { status: 401, remedy: "check azure-key-vault-key-id points at Azure Key Vault" }
      );
    }
    if (vault.trust === "azure" && resource.replace(/\/+$/, "") !== vault.resource) {
      throw new KeyVaultError(
        "KEY_VAULT_CHALLENGE_INVALID",
        `${what}: ${vault.host} asked for a token of "${bound(resource, 100)}", which is not its own resource; no token was sent`,
        { status: 401, remedy: "check azure-key-vault-key-id points at Azure Key Vault" }
      );
    }
    const authorization = params?.["authorization"] ?? params?.["authorization_uri"];
    const tenant = authorization === void 0 ? void 0 : /\/([^/]+)\/?$/.exec(authorization)?.[1];
    return { scope: `${resource.replace(/\/+$/, "")}/.default`, ...tenant ? { tenant } : {} };
  }
  async function token(what, c) {
    let t;
    try {
      t = await credential.getToken(c.scope);
    } catch (err) {
      if (err instanceof ActionError) throw err;
      throw new KeyVaultError(
        "KEY_VAULT_TOKEN",
        `${what}: getting an Entra token for ${c.scope} failed`,
        {
          cause: err,
          remedy: "check azure-client-id, azure-tenant-id and the federated credential of the app"
        }
      );
    }
    if (t === null || t.token === "") {
      throw new KeyVaultError(
        "KEY_VAULT_TOKEN",
        `${what}: the credential returned no token for ${c.scope}`,
        {
          remedy: "check azure-client-id, azure-tenant-id and the federated credential of the app"
        }
      );
    }
    return t.token;
  }
  function httpError(what, op, res) {
    const e = vaultError(res);
    const detail = [e.code, e.inner].filter(Boolean).join("/");
    const suffix = `${detail === "" ? "" : ` [${detail}]`}${e.message === void 0 ? "" : `: ${e.message}`}`;
    const need = NEEDS[op];
    const status = res.status;
    if (status === 401) {
      const tenantHint = challenge?.tenant !== void 0 && credential.tenantId !== void 0 && challenge.tenant.toLowerCase() !== credential.tenantId.toLowerCase() ? ` The vault belongs to tenant ${challenge.tenant}, but azure-tenant-id is ${credential.tenantId}.` : "";
      return new KeyVaultError(
        "KEY_VAULT_UNAUTHORIZED",
        `${what}: Key Vault ${vault.host} refused the access token (HTTP 401)${suffix}`,
        {
          status,
          remedy: `use an Entra app in the vault's tenant (azure-tenant-id) with a federated credential for this workflow.${tenantHint}`
        }
      );
    }
    if (status === 403) {
      const text = `${e.inner ?? ""} ${e.message ?? ""}`;
      const firewall = /firewall|client address is not authorized/i.test(text);
      const disabled = /disabled/i.test(text);
      const rbac = e.inner === "ForbiddenByRbac";
      const policy = e.inner === "ForbiddenByPolicy" || e.inner === "AccessDenied" || /permission/i.test(e.message ?? "");
      const remedy = firewall ? `the vault firewall blocks this runner: allow its address under the vault's Networking settings, or use a self-hosted runner inside the allowed network` : disabled ? `the object is disabled: enable it in the vault (Certificates/Keys \u2192 version \u2192 Enabled), or name an enabled version in azure-key-vault-key-id` : rbac ? `assign the role "${need.role}" to ${identity()} on the vault "${vault.host}" (or the ${op === "sign" || op === "get-key" ? "key" : "certificate"})` : policy ? `add the ${need.permission} for ${identity()} to the vault's access policies` : `assign the role "${need.role}" to ${identity()} on the vault (Azure RBAC), or add the ${need.permission} to its access policies`;
      return new KeyVaultError(
        "KEY_VAULT_FORBIDDEN",
        `${what}: ${identity()} may not ${need.what} in ${vault.host} (HTTP 403)${suffix}`,
        { status, remedy }
      );
    }
    if (status === 404) {
      return new KeyVaultError(
        "KEY_VAULT_NOT_FOUND",
        `${what}: not found in ${vault.host} (HTTP 404)${suffix}`,
        {
          status,
          remedy: op === "get-secret" || op === "get-certificate" ? "azure-key-vault-key-id must name a key created with a Key Vault certificate (same name), or give azure-key-vault-certificate-chain with the certificate chain" : "check the name and version in azure-key-vault-key-id"
        }
      );
    }
    if (status === 400) {
      return new KeyVaultError(
        "KEY_VAULT_BAD_REQUEST",
        `${what}: Key Vault rejected the request (HTTP 400)${suffix}`,
        {
          status,
          remedy: 'check the key type (RSA 2048/3072/4096 or EC P-256/384/521) and that the key is enabled and permits "sign"'
        }
      );
    }
    if (status === 429) {
      return new KeyVaultError(
        "KEY_VAULT_THROTTLED",
        `${what}: Key Vault is throttling requests (HTTP 429) and still did after retries${suffix}`,
        { status, remedy: "retry later, or sign fewer images in parallel (concurrency)" }
      );
    }
    return new KeyVaultError(
      "KEY_VAULT_SERVICE_ERROR",
      `${what}: Key Vault answered HTTP ${status}${status >= 500 ? " after retries" : ""}${suffix}`,
      { status, remedy: "retry later (see https://azure.status.microsoft)" }
    );
  }
  async function call(what, op, method, path, body) {
    let res;
    if (challenge === void 0) {
      res = await send(what, method, path, body, void 0);
      if (res.status !== 401) {
        if (res.status >= 200 && res.status < 300) {
          throw new KeyVaultError(
            "KEY_VAULT_CHALLENGE_INVALID",
            `${what}: ${vault.host} answered without authentication, which Key Vault never does`,
            {
              status: res.status,
              remedy: "check azure-key-vault-key-id points at Azure Key Vault"
            }
          );
        }
        throw httpError(what, op, res);
      }
      challenge = readChallenge(what, res);
      logger.debug(
        `key vault: ${vault.host} wants a token for ${challenge.scope}${challenge.tenant ? ` (tenant ${challenge.tenant})` : ""}`
      );
    }
    res = await send(what, method, path, body, await token(what, challenge));
    if (res.status < 200 || res.status >= 300) throw httpError(what, op, res);
    let parsed;
    try {
      parsed = res.json();
    } catch (err) {
      throw new KeyVaultError(
        "KEY_VAULT_RESPONSE_INVALID",
        `${what}: HTTP ${res.status} without a JSON body`,
        {
          cause: err,
          remedy: "check azure-key-vault-key-id points at Azure Key Vault"
        }
      );
    }
    const record = asRecord(parsed);
    if (record === void 0) {
      throw new KeyVaultError(
        "KEY_VAULT_RESPONSE_INVALID",
        `${what}: the response is not a JSON object`,
        {
          remedy: "check azure-key-vault-key-id points at Azure Key Vault"
        }
      );
    }
    return record;
  }
  const missing = (what, field) => new KeyVaultError("KEY_VAULT_RESPONSE_INVALID", `${what}: the response has no "${field}"`, {
    remedy: "check azure-key-vault-key-id points at Azure Key Vault"
  });
  return {
    async getSecret(name, version) {
      const what = `reading secret "${name}"`;
      const r = await call(what, "get-secret", "GET", `/secrets/${segmentsOf(name, version)}`);
      const value = typeof r["value"] === "string" ? r["value"] : void 0;
      if (value === void 0) throw missing(what, "value");
      const contentType = str(r["contentType"]);
      const kid = str(r["kid"]);
      return { value, ...contentType ? { contentType } : {}, ...kid ? { kid } : {} };
    },
    async getCertificate(name, version) {
      const what = `reading certificate "${name}"`;
      const r = await call(
        what,
        "get-certificate",
        "GET",
        `/certificates/${segmentsOf(name, version)}`
      );
      const cer = str(r["cer"]);
      if (cer === void 0) throw missing(what, "cer");
      const kid = str(r["kid"]);
      return { cer: decodeBase64(cer, `${what}: "cer"`), ...kid ? { kid } : {} };
    },
    async getKey(name, version) {
      const what = `reading key "${name}"`;
      const r = await call(what, "get-key", "GET", `/keys/${segmentsOf(name, version)}`);
      const key = asRecord(r["key"]);
      const kid = str(key?.["kid"]);
      if (kid === void 0) throw missing(what, "key.kid");
      const ops = key?.["key_ops"];
      return {
        kid,
        kty: str(key?.["kty"]) ?? "",
        keyOps: Array.isArray(ops) ? ops.filter((o) => typeof o === "string") : []
      };
    },
    async sign(name, version, alg, digest) {
      const what = `signing with key "${name}" (${alg})`;
      const body = JSON.stringify({ alg, value: Buffer.from(digest).toString("base64url") });
      const r = await call(what, "sign", "POST", `/keys/${segmentsOf(name, version)}/sign`, body);
      const value = str(r["value"]);
      if (value === void 0) throw missing(what, "value");
      return decodeBase64(value, `${what}: "value"`);
    }
  };
}

// src/azure/key-vault-signer.ts
var CHAIN_INPUT = "azure-key-vault-certificate-chain";
function versionOfKid(kid, id) {
  let url;
  try {
    url = new URL(kid);
  } catch {
    url = void 0;
  }
  const m = url === void 0 ? null : /^\/keys\/([^/]+)\/([0-9A-Fa-f]{32})\/?$/.exec(url.pathname);
  if (url === void 0 || url.origin !== id.vaultUrl || m === null || m[1] !== id.name) {
    throw new KeyVaultError(
      "KEY_VAULT_KEY_MISMATCH",
      `the certificate "${id.name}" names the key "${kid.slice(0, 200)}", not a version of the key "${id.name}" in ${id.host}`,
      { remedy: `name the certificate's own key in ${KEY_ID_INPUT}` }
    );
  }
  return m[2].toLowerCase();
}
function isCa(der) {
  return parseCertificate(der).basicConstraints.cA;
}
async function userChainMaterial(id, client, userChain) {
  const first = userChain[0];
  if (!isCa(first)) {
    return { certificates: userChain, leaf: first, source: CHAIN_INPUT };
  }
  if (id.managedHsm) {
    throw new KeyVaultError(
      "KEY_VAULT_CERTIFICATE_INVALID",
      `${CHAIN_INPUT} starts with a CA certificate, but a Managed HSM holds no certificate to take the leaf from`,
      { remedy: `put the key's certificate first in ${CHAIN_INPUT}, then its CA certificates` }
    );
  }
  const cert = await client.getCertificate(id.name, id.version);
  return {
    certificates: [cert.cer, ...userChain],
    leaf: cert.cer,
    ...cert.kid === void 0 ? {} : { kid: cert.kid },
    source: `the certificate "${id.name}" with ${CHAIN_INPUT}`
  };
}
async function vaultMaterial(id, client, logger, mask) {
  try {
    const secret = await client.getSecret(id.name, id.version);
    const keyMaterial = secretKeyMaterial(secret);
    if (keyMaterial !== void 0) mask(keyMaterial);
    return {
      certificates: certificatesFromSecret(secret, `the secret of certificate "${id.name}"`),
      ...secret.kid === void 0 ? {} : { kid: secret.kid },
      source: `the secret of certificate "${id.name}"`
    };
  } catch (err) {
    if (!(err instanceof KeyVaultError && err.code === "KEY_VAULT_FORBIDDEN")) throw err;
    const cert = await client.getCertificate(id.name, id.version).catch((certErr) => {
      throw certErr instanceof KeyVaultError && certErr.code === "KEY_VAULT_FORBIDDEN" ? err : certErr;
    });
    if (!parseCertificate(cert.cer).selfSigned) {
      throw new KeyVaultError(
        "KEY_VAULT_FORBIDDEN",
        `the certificate "${id.name}" is CA-issued, and its chain is in the certificate's secret, which the identity may not read (HTTP 403)`,
        {
          cause: err,
          ...err.status === void 0 ? {} : { status: err.status },
          remedy: `${err.remedy ?? ""}; or give ${CHAIN_INPUT} with the CA certificates (intermediates, then the root)`
        }
      );
    }
    logger.info(
      `key vault: no access to the secret of "${id.name}"; using its self-signed certificate from the certificate object`
    );
    return {
      certificates: [cert.cer],
      leaf: cert.cer,
      ...cert.kid === void 0 ? {} : { kid: cert.kid },
      source: `the certificate "${id.name}"`
    };
  }
}
async function createKeyVaultSigner(options) {
  const logger = options.logger ?? silentLogger;
  const id = parseKeyVaultId(options.keyId, {
    allowUntrusted: options.allowUntrustedEndpoint === true
  });
  if (id.trust === "opted-in") {
    logger.warning(
      `${KEY_ID_INPUT}: ${id.host} is not a Key Vault host; sending it an Entra token because allow-untrusted-endpoint is true`
    );
  }
  const client = createKeyVaultClient({
    vault: id,
    credential: options.credential,
    transport: options.transport,
    logger
  });
  const userChain = options.certificateChainPem === void 0 ? void 0 : pemToCertificates(options.certificateChainPem, CHAIN_INPUT);
  if (userChain === void 0 && id.managedHsm) {
    throw new KeyVaultError(
      "KEY_VAULT_CERTIFICATE_INVALID",
      `${KEY_ID_INPUT} names a Managed HSM key, and a Managed HSM holds no certificates`,
      { remedy: `give ${CHAIN_INPUT} with the key's certificate chain, leaf first` }
    );
  }
  const material = userChain === void 0 ? await vaultMaterial(id, client, logger, options.mask ?? (() => void 0)) : await userChainMaterial(id, client, userChain);
  const chain = orderChain(
    material.certificates,
    material.source,
    material.leaf,
    userChain === void 0 ? void 0 : CHAIN_INPUT_REMEDY
  );
  let keySpec;
  let leafSubject;
  let leafKey;
  try {
    const validated = validateCodeSigningChain(chain, { signingTime: options.now });
    keySpec = validated.keySpec;
    leafSubject = validated.leaf.subject;
    leafKey = validated.leaf.publicKey;
  } catch (err) {
    throw new SigningError(
      "SIGNER_CHAIN_INVALID",
      `${material.source} is not a valid Notary code-signing chain at ${options.now.toISOString()}`,
      { cause: err }
    );
  }
  const algorithm = algorithmForKeySpec(keySpec);
  let version;
  if (id.version !== void 0 && id.collection === "keys") {
    version = id.version;
    if (material.kid !== void 0 && versionOfKid(material.kid, id) !== version) {
      throw new KeyVaultError(
        "KEY_VAULT_KEY_MISMATCH",
        `the certificate read for ${KEY_ID_INPUT} belongs to another version of the key "${id.name}" (${material.kid})`,
        {
          remedy: `name the certificate's key version in ${KEY_ID_INPUT}, or leave the version out`
        }
      );
    }
  } else if (material.kid !== void 0) {
    version = versionOfKid(material.kid, id);
  } else if (id.version !== void 0) {
    version = id.version;
  } else {
    version = versionOfKid((await client.getKey(id.name)).kid, id);
  }
  const keyUrl = `${id.vaultUrl}/keys/${id.name}/${version}`;
  const info = algorithmInfo(algorithm);
  logger.info(
    `key vault: signing with ${keyUrl} (${keySpec}, ${algorithm}); certificate "${leafSubject}" from ${material.source}, ${chain.length} certificate(s)`
  );
  async function sign(toBeSigned) {
    const digest = createHash2(info.nodeHash).update(toBeSigned).digest();
    let signature;
    try {
      signature = await client.sign(id.name, version, algorithm, digest);
    } catch (err) {
      if (err instanceof ActionError) throw err;
      throw new SigningError("SIGNER_FAILED", `Key Vault signing with ${keyUrl} failed`, {
        cause: err
      });
    }
    if (!verifyRaw(algorithm, leafKey, toBeSigned, signature)) {
      throw new KeyVaultError(
        "KEY_VAULT_SIGNATURE_MISMATCH",
        `the signature from ${keyUrl} does not verify (${info.notationName}) with the key of the leaf certificate "${leafSubject}" from ${material.source}`,
        {
          remedy: `nothing was pushed; the key and the certificate do not belong together: name the certificate's own key in ${KEY_ID_INPUT}${userChain === void 0 ? "" : `, and put that certificate's chain in ${CHAIN_INPUT}`}`
        }
      );
    }
    return { signature, certificateChain: chain.map((c) => new Uint8Array(c)) };
  }
  return {
    keySpec,
    algorithm,
    description: `Azure Key Vault ${id.host}/${id.name} (${keySpec}, leaf "${leafSubject}")`,
    certificateChain: chain,
    keyUrl,
    sign,
    // The chain is read and validated once, when the signer is made: every signature carries it.
    currentChain: () => Promise.resolve(chain.map((c) => new Uint8Array(c)))
  };
}
export {
  CHAIN_INPUT,
  createKeyVaultSigner
};
