#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isLoopbackHost,
  require_build,
  require_build2
} from "./chunk-J5PFMCSY.js";
import {
  ActionError,
  ConfigError
} from "./chunk-SDPK7C2D.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/azure/key-vault-id.ts
var KEY_ID_INPUT = "azure-key-vault-key-id";
var VAULT_CLOUDS = [
  { suffix: "vault.azure.net", resource: "https://vault.azure.net", managedHsm: false },
  { suffix: "vault.azure.cn", resource: "https://vault.azure.cn", managedHsm: false },
  {
    suffix: "vault.usgovcloudapi.net",
    resource: "https://vault.usgovcloudapi.net",
    managedHsm: false
  },
  { suffix: "managedhsm.azure.net", resource: "https://managedhsm.azure.net", managedHsm: true },
  { suffix: "managedhsm.azure.cn", resource: "https://managedhsm.azure.cn", managedHsm: true },
  {
    suffix: "managedhsm.usgovcloudapi.net",
    resource: "https://managedhsm.usgovcloudapi.net",
    managedHsm: true
  }
];
var OBJECT_NAME = /^[0-9A-Za-z-]{1,127}$/;
var OBJECT_VERSION = /^[0-9A-Fa-f]{32}$/;
var EXAMPLE = "https://<vault-name>.vault.azure.net/keys/<key-name>[/<version>]";
function cloudOf(host) {
  return VAULT_CLOUDS.find(
    (c) => host.endsWith(`.${c.suffix}`) && host.length > c.suffix.length + 1
  );
}
function parseKeyVaultId(value, options = {}) {
  const bad = (why) => new ConfigError("INPUT_INVALID", `${KEY_ID_INPUT} ${why}`, {
    remedy: `use the key or certificate identifier from the Azure portal, e.g. ${EXAMPLE}`
  });
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw bad(`"${value}" is not an absolute URL`);
  }
  if (url.protocol !== "https:") throw bad(`must use https, got "${url.protocol}"`);
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw bad("must be a bare URL without credentials, query or fragment");
  }
  const host = url.hostname.toLowerCase();
  const cloud = cloudOf(host);
  let trust;
  if (cloud !== void 0) trust = "azure";
  else if (isLoopbackHost(host)) trust = "loopback";
  else if (options.allowUntrusted === true) trust = "opted-in";
  else {
    throw new ConfigError(
      "INPUT_INVALID",
      `${KEY_ID_INPUT}: "${host}" is not a Key Vault host (*.vault.azure.net, *.vault.azure.cn, *.vault.usgovcloudapi.net or *.managedhsm.* of those clouds); the Entra token for the vault would be sent there`,
      {
        remedy: `check the vault name in ${KEY_ID_INPUT} (${EXAMPLE}); set allow-untrusted-endpoint: true only for a vault-compatible service you trust`
      }
    );
  }
  if (url.pathname.includes("//")) throw bad(`has an empty path segment: "${url.pathname}"`);
  const parts = url.pathname.replace(/^\/+/, "").replace(/\/+$/, "").split("/");
  const [collection, name, version, ...rest] = parts;
  if (collection !== "keys" && collection !== "certificates") {
    throw bad(
      `must name a key (/keys/<name>) or a certificate (/certificates/<name>), got "${url.pathname}"`
    );
  }
  if (name === void 0 || !OBJECT_NAME.test(name)) {
    throw bad(
      `has no valid ${collection === "keys" ? "key" : "certificate"} name (1\u2013127 letters, digits and dashes)`
    );
  }
  if (rest.length > 0) throw bad(`has extra path segments after the version: "${url.pathname}"`);
  if (version !== void 0 && !OBJECT_VERSION.test(version)) {
    throw bad(`has "${version}" where the object version (32 hex digits) belongs`);
  }
  const managedHsm = cloud?.managedHsm ?? false;
  if (managedHsm && collection === "certificates") {
    throw bad(
      "names a certificate on a Managed HSM, which holds keys only; name the key (/keys/<name>)"
    );
  }
  return {
    vaultUrl: url.origin,
    host,
    collection,
    name,
    ...version === void 0 ? {} : { version: version.toLowerCase() },
    ...cloud === void 0 ? {} : { resource: cloud.resource },
    managedHsm,
    trust
  };
}

// src/x509/errors.ts
var CertificateError = class extends ActionError {
  position;
  subject;
  constructor(code, message, options) {
    super(code, message, options);
    if (options?.position !== void 0) this.position = options.position;
    if (options?.subject !== void 0) this.subject = options.subject;
  }
};

// src/x509/key-spec.ts
var ALGORITHMS = [
  {
    keySpec: "RSA-2048",
    algorithm: "PS256",
    hash: "SHA-256",
    nodeHash: "sha256",
    hashLength: 32,
    coseAlg: -37,
    jwsAlg: "PS256",
    notationName: "RSASSA-PSS-SHA-256",
    kind: "rsa-pss"
  },
  {
    keySpec: "RSA-3072",
    algorithm: "PS384",
    hash: "SHA-384",
    nodeHash: "sha384",
    hashLength: 48,
    coseAlg: -38,
    jwsAlg: "PS384",
    notationName: "RSASSA-PSS-SHA-384",
    kind: "rsa-pss"
  },
  {
    keySpec: "RSA-4096",
    algorithm: "PS512",
    hash: "SHA-512",
    nodeHash: "sha512",
    hashLength: 64,
    coseAlg: -39,
    jwsAlg: "PS512",
    notationName: "RSASSA-PSS-SHA-512",
    kind: "rsa-pss"
  },
  {
    keySpec: "EC-256",
    algorithm: "ES256",
    hash: "SHA-256",
    nodeHash: "sha256",
    hashLength: 32,
    coseAlg: -7,
    jwsAlg: "ES256",
    notationName: "ECDSA-SHA-256",
    kind: "ecdsa",
    ecdsaSignatureLength: 64
  },
  {
    keySpec: "EC-384",
    algorithm: "ES384",
    hash: "SHA-384",
    nodeHash: "sha384",
    hashLength: 48,
    coseAlg: -35,
    jwsAlg: "ES384",
    notationName: "ECDSA-SHA-384",
    kind: "ecdsa",
    ecdsaSignatureLength: 96
  },
  {
    keySpec: "EC-521",
    algorithm: "ES512",
    hash: "SHA-512",
    nodeHash: "sha512",
    hashLength: 64,
    coseAlg: -36,
    jwsAlg: "ES512",
    notationName: "ECDSA-SHA-512",
    kind: "ecdsa",
    ecdsaSignatureLength: 132
  }
];
function find(pred) {
  return ALGORITHMS.find(pred);
}
function algorithmInfo(algorithm) {
  const info = find((a) => a.algorithm === algorithm);
  if (!info) throw new TypeError(`unknown signature algorithm ${String(algorithm)}`);
  return info;
}
function algorithmForKeySpec(keySpec) {
  const info = find((a) => a.keySpec === keySpec);
  if (!info) throw new TypeError(`unknown key spec ${String(keySpec)}`);
  return info.algorithm;
}
function hashForAlgorithm(algorithm) {
  return algorithmInfo(algorithm).hash;
}
function algorithmFromCose(coseAlg) {
  return find((a) => a.coseAlg === coseAlg)?.algorithm;
}
function algorithmFromJws(jwsAlg) {
  return find((a) => a.jwsAlg === jwsAlg)?.algorithm;
}
function keySpecOfKey(key, describe2 = "key") {
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  if (type === "rsa") {
    const bits = details.modulusLength ?? 0;
    const size = Math.ceil(bits / 8) * 8;
    if (size === 2048 || size === 3072 || size === 4096) return `RSA-${size}`;
    throw new CertificateError(
      "CERT_KEY_UNSUPPORTED",
      `${describe2} has an RSA ${bits}-bit key; Notary signatures need RSA 2048, 3072 or 4096 bits exactly`
    );
  }
  if (type === "ec") {
    const curve = details.namedCurve;
    if (curve === "prime256v1" || curve === "P-256") return "EC-256";
    if (curve === "secp384r1" || curve === "P-384") return "EC-384";
    if (curve === "secp521r1" || curve === "P-521") return "EC-521";
    throw new CertificateError(
      "CERT_KEY_UNSUPPORTED",
      `${describe2} has an EC key on curve ${curve ?? "unknown"}; Notary signatures need P-256, P-384 or P-521`
    );
  }
  throw new CertificateError(
    "CERT_KEY_UNSUPPORTED",
    `${describe2} has a ${type ?? "unknown"} key; Notary signatures need an RSA (2048/3072/4096) or EC (P-256/384/521) key`
  );
}

// src/x509/certificate.ts
var asn1js = __toESM(require_build(), 1);
var pkijs = __toESM(require_build2(), 1);
import { X509Certificate, createHash } from "node:crypto";
var KEY_USAGE_BITS = [
  "digitalSignature",
  "contentCommitment",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly"
];
var EXTENSION_OID = {
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extendedKeyUsage: "2.5.29.37"
};
var EKU_OID = {
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
  codeSigning: "1.3.6.1.5.5.7.3.3",
  emailProtection: "1.3.6.1.5.5.7.3.4",
  timeStamping: "1.3.6.1.5.5.7.3.8",
  ocspSigning: "1.3.6.1.5.5.7.3.9",
  any: "2.5.29.37.0"
};
var GO_ATTRIBUTE_NAMES = {
  "2.5.4.6": "C",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.3": "CN",
  "2.5.4.5": "SERIALNUMBER",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "STREET",
  "2.5.4.17": "POSTALCODE"
};
var WEAK_SIGNATURE_OIDS = {
  "1.2.840.113549.1.1.2": "md2WithRSAEncryption",
  "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.10040.4.3": "dsaWithSHA1",
  "1.2.840.10045.4.1": "ecdsa-with-SHA1"
};
function parseError(message, cause) {
  return new CertificateError("CERT_PARSE", message, cause === void 0 ? void 0 : { cause });
}
function derLength(der) {
  if (der.length < 2 || der[0] !== 48) return void 0;
  const first = der[1] ?? 0;
  if (first < 128) return 2 + first;
  const n = first & 127;
  if (n === 0 || n > 4 || der.length < 2 + n) return void 0;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (der[2 + i] ?? 0);
  return 2 + n + len;
}
function fromBer(bytes, what) {
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1 || parsed.offset !== bytes.length) {
    throw parseError(`${what} is not valid DER`);
  }
  return parsed.result;
}
function decodeString(block) {
  const tag = block.idBlock.tagClass === 1 ? block.idBlock.tagNumber : -1;
  const bytes = block.valueBlock.valueHexView;
  if (!bytes) return void 0;
  switch (tag) {
    case 12:
    // UTF8String
    case 19:
    // PrintableString
    case 22:
    // IA5String
    case 18:
    // NumericString
    case 26:
    // VisibleString
    case 20:
      return Buffer.from(bytes).toString("utf8");
    case 30: {
      const swapped = Buffer.from(bytes);
      swapped.swap16();
      return swapped.toString("utf16le");
    }
    case 28: {
      let out = "";
      for (let i = 0; i + 3 < bytes.length; i += 4) {
        out += String.fromCodePoint(
          new DataView(bytes.buffer, bytes.byteOffset + i, 4).getUint32(0)
        );
      }
      return out;
    }
    default:
      return void 0;
  }
}
function parseNameAttributes(rawName) {
  const seq = fromBer(rawName, "distinguished name");
  if (!(seq instanceof asn1js.Sequence)) throw parseError("distinguished name is not a SEQUENCE");
  const out = [];
  seq.valueBlock.value.forEach((rdn, rdnIndex) => {
    if (!(rdn instanceof asn1js.Set)) throw parseError("distinguished name RDN is not a SET");
    for (const atv of rdn.valueBlock.value) {
      const parts = atv instanceof asn1js.Sequence ? atv.valueBlock.value : [];
      const [oid, value] = parts;
      if (parts.length !== 2 || !(oid instanceof asn1js.ObjectIdentifier) || !value) {
        throw parseError("distinguished name attribute is not {type, value}");
      }
      const type = oid.valueBlock.toString();
      const valueDer = new Uint8Array(value.toBER());
      const str = decodeString(value);
      const shortName = GO_ATTRIBUTE_NAMES[type];
      out.push({
        rdnIndex,
        type,
        ...shortName ? { shortName } : {},
        value: str ?? `#${Buffer.from(valueDer).toString("hex")}`,
        isString: str !== void 0,
        valueDer
      });
    }
  });
  return out;
}
function goEscape(value) {
  let out = "";
  const bytes = Buffer.byteLength(value);
  let k = 0;
  for (const c of value) {
    let escape = false;
    if (',+"\\<>;'.includes(c)) escape = true;
    else if (c === " ") escape = k === 0 || k === bytes - 1;
    else if (c === "#") escape = k === 0;
    out += escape ? `\\${c}` : c;
    k += Buffer.byteLength(c);
  }
  return out;
}
function goMarshalString(value) {
  const bytes = Buffer.from(value, "utf8");
  const printable = [...bytes].every(
    (b) => b >= 97 && b <= 122 || b >= 65 && b <= 90 || b >= 48 && b <= 57 || b >= 39 && b <= 41 || b >= 43 && b <= 47 || b === 32 || b === 58 || b === 61 || b === 63
  );
  const tag = printable ? 19 : 12;
  const len = bytes.length;
  const head = len < 128 ? [tag, len] : len < 256 ? [tag, 129, len] : [tag, 130, len >> 8, len & 255];
  return new Uint8Array([...head, ...bytes]);
}
function goNameString(attrs) {
  const named = {
    C: [],
    ST: [],
    L: [],
    STREET: [],
    POSTALCODE: [],
    O: [],
    OU: [],
    CN: [],
    SERIALNUMBER: []
  };
  const rdns = [];
  for (const a of attrs) {
    if (a.shortName) {
      if (a.isString) named[a.shortName].push(a.value);
      continue;
    }
    const der = a.isString ? goMarshalString(a.value) : a.valueDer;
    rdns.push([{ label: a.type, value: `#${Buffer.from(der).toString("hex")}`, raw: true }]);
  }
  const order = ["C", "ST", "L", "STREET", "POSTALCODE", "O", "OU"];
  for (const name of order) {
    if (named[name].length > 0)
      rdns.push(named[name].map((value) => ({ label: name, value, raw: false })));
  }
  for (const name of ["CN", "SERIALNUMBER"]) {
    const last = named[name].at(-1);
    if (last !== void 0 && last !== "") rdns.push([{ label: name, value: last, raw: false }]);
  }
  return rdns.reverse().map(
    (rdn) => rdn.map((tv) => tv.raw ? `${tv.label}=${tv.value}` : `${tv.label}=${goEscape(tv.value)}`).join("+")
  ).join(",");
}
function parseExtensions(cert) {
  const result = {
    basicConstraints: { present: false, critical: false, cA: false },
    keyUsage: { present: false, critical: false, flags: [] },
    extendedKeyUsage: { present: false, critical: false, oids: [] }
  };
  const seen = /* @__PURE__ */ new Set();
  for (const ext of cert.extensions ?? []) {
    const id = ext.extnID;
    if (seen.has(id)) throw parseError(`certificate has a duplicate extension ${id}`);
    seen.add(id);
    const critical = ext.critical;
    const value = ext.extnValue.valueBlock.valueHexView;
    if (id === EXTENSION_OID.basicConstraints) {
      const seq = fromBer(value, "basicConstraints extension");
      if (!(seq instanceof asn1js.Sequence)) throw parseError("basicConstraints is not a SEQUENCE");
      let cA = false;
      let pathLen;
      for (const item of seq.valueBlock.value) {
        if (item instanceof asn1js.Boolean) cA = item.getValue();
        else if (item instanceof asn1js.Integer) pathLen = item.valueBlock.valueDec;
        else throw parseError("basicConstraints has an unexpected element");
      }
      result.basicConstraints = {
        present: true,
        critical,
        cA,
        ...pathLen !== void 0 ? { pathLen } : {}
      };
    } else if (id === EXTENSION_OID.keyUsage) {
      const bits = fromBer(value, "keyUsage extension");
      if (!(bits instanceof asn1js.BitString)) throw parseError("keyUsage is not a BIT STRING");
      const bytes = bits.valueBlock.valueHexView;
      const flags = KEY_USAGE_BITS.filter(
        (_, i) => ((bytes[i >> 3] ?? 0) >> 7 - (i & 7) & 1) === 1
      );
      result.keyUsage = { present: true, critical, flags };
    } else if (id === EXTENSION_OID.extendedKeyUsage) {
      const seq = fromBer(value, "extendedKeyUsage extension");
      if (!(seq instanceof asn1js.Sequence)) throw parseError("extendedKeyUsage is not a SEQUENCE");
      const oids = seq.valueBlock.value.map((item) => {
        if (!(item instanceof asn1js.ObjectIdentifier))
          throw parseError("extendedKeyUsage has a non-OID entry");
        return item.valueBlock.toString();
      });
      result.extendedKeyUsage = { present: true, critical, oids };
    }
  }
  return result;
}
var PARSE_CACHE_LIMIT = 256;
var parseCache = /* @__PURE__ */ new Map();
function parseCertificate(der) {
  const key = createHash("sha256").update(der).digest("hex");
  const cached = parseCache.get(key);
  if (cached !== void 0) return cached;
  let info;
  try {
    info = parseCertificateUncached(der, key);
  } catch (err) {
    if (err instanceof CertificateError) throw err;
    throw parseError("certificate is not a valid X.509 certificate (RFC 5280)", err);
  }
  if (parseCache.size >= PARSE_CACHE_LIMIT) {
    const oldest = parseCache.keys().next().value;
    if (oldest !== void 0) parseCache.delete(oldest);
  }
  parseCache.set(key, Object.freeze(info));
  return info;
}
function parseCertificateUncached(der, sha256) {
  const bytes = new Uint8Array(der);
  if (derLength(bytes) !== bytes.length)
    throw parseError("certificate is not a single DER SEQUENCE");
  let x509;
  let cert;
  try {
    x509 = new X509Certificate(bytes);
    cert = pkijs.Certificate.fromBER(bytes);
  } catch (err) {
    throw parseError("certificate cannot be parsed as X.509", err);
  }
  const rawSubject = new Uint8Array(cert.subject.valueBeforeDecode);
  const rawIssuer = new Uint8Array(cert.issuer.valueBeforeDecode);
  const subjectAttributes = parseNameAttributes(rawSubject);
  const publicKey = x509.publicKey;
  let keySpec;
  try {
    keySpec = keySpecOfKey(publicKey);
  } catch {
    keySpec = void 0;
  }
  const selfIssued = Buffer.from(rawSubject).equals(Buffer.from(rawIssuer));
  const signatureAlgorithmOid = cert.signatureAlgorithm.algorithmId;
  const info = {
    der: bytes,
    x509,
    sha256,
    rawSubject,
    rawIssuer,
    subject: goNameString(subjectAttributes),
    issuer: goNameString(parseNameAttributes(rawIssuer)),
    subjectAttributes,
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    serialNumber: x509.serialNumber.toLowerCase(),
    signatureAlgorithmOid,
    ...parseExtensions(cert),
    publicKey,
    ...keySpec ? { keySpec } : {},
    selfIssued,
    selfSigned: false
  };
  info.selfSigned = selfIssued && signatureCheck(info, info) === "ok";
  return info;
}
function toCertificateInfo(cert) {
  return cert instanceof Uint8Array ? parseCertificate(cert) : cert;
}
function weakSignatureAlgorithm(cert) {
  return WEAK_SIGNATURE_OIDS[cert.signatureAlgorithmOid];
}
function signatureCheck(child, parent) {
  if (weakSignatureAlgorithm(child)) return "weak-algorithm";
  try {
    return child.x509.verify(parent.publicKey) ? "ok" : "bad-signature";
  } catch {
    return "bad-signature";
  }
}
function isIssuedBy(child, parent) {
  return Buffer.from(child.rawIssuer).equals(Buffer.from(parent.rawSubject)) && signatureCheck(child, parent) === "ok";
}

// src/x509/chain.ts
var FORBIDDEN_LEAF_KEY_USAGES = [
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly"
];
var FORBIDDEN_CODE_SIGNING_EKUS = {
  [EKU_OID.serverAuth]: "serverAuth",
  [EKU_OID.clientAuth]: "clientAuth",
  [EKU_OID.emailProtection]: "emailProtection",
  [EKU_OID.timeStamping]: "timeStamping",
  [EKU_OID.ocspSigning]: "OCSPSigning",
  [EKU_OID.any]: "anyExtendedKeyUsage"
};
function describe(cert, index, length) {
  const role = length === 1 ? "self-signed certificate" : index === 0 ? "leaf certificate" : index === length - 1 ? "root certificate" : "intermediate certificate";
  return `${role} [${index}] "${cert.subject}"`;
}
function fail(code, cert, index, length, rule) {
  return new CertificateError(code, `${describe(cert, index, length)}: ${rule}`, {
    position: index,
    subject: cert.subject
  });
}
function checkValidityAt(cert, index, length, at) {
  if (at === void 0) return;
  if (at.getTime() < cert.notBefore.getTime()) {
    throw fail(
      "CERT_NOT_YET_VALID",
      cert,
      index,
      length,
      `is not valid yet at ${at.toISOString()} (valid from ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}); every certificate must be valid at the signing time`
    );
  }
  if (at.getTime() > cert.notAfter.getTime()) {
    throw fail(
      "CERT_EXPIRED",
      cert,
      index,
      length,
      `expired at ${cert.notAfter.toISOString()}, before ${at.toISOString()} (valid from ${cert.notBefore.toISOString()}); every certificate must be valid at the signing time`
    );
  }
}
function checkSignedBy(child, parent, index, length, selfCheck) {
  const result = signatureCheck(child, parent);
  if (result === "weak-algorithm") {
    throw fail(
      "CERT_WEAK_SIGNATURE",
      child,
      index,
      length,
      `is signed with an insecure algorithm (OID ${child.signatureAlgorithmOid}); MD5 and SHA-1 signatures are refused`
    );
  }
  if (selfCheck) return;
  const namesMatch = Buffer.from(child.rawIssuer).equals(Buffer.from(parent.rawSubject));
  if (!namesMatch || result !== "ok") {
    throw fail(
      "CERT_CHAIN_ORDER",
      child,
      index,
      length,
      `is not issued by the next certificate [${index + 1}] "${parent.subject}" (${namesMatch ? "signature does not verify with its key" : `issuer is "${child.issuer}"`}); the chain must be ordered leaf first, each certificate followed by its issuer, ending in the root`
    );
  }
}
function checkCa(cert, index, length, profile) {
  const bc = cert.basicConstraints;
  if (!bc.present || !bc.cA) {
    throw fail(
      "CERT_CA_BASIC_CONSTRAINTS",
      cert,
      index,
      length,
      `a CA certificate needs the basicConstraints extension (${EXTENSION_OID.basicConstraints}) with cA=true`
    );
  }
  const expected = index - 1;
  if (bc.pathLen !== void 0 && bc.pathLen < expected) {
    throw fail(
      "CERT_CA_PATH_LENGTH",
      cert,
      index,
      length,
      `basicConstraints pathLenConstraint is ${bc.pathLen} but ${expected} CA certificate(s) sit below it`
    );
  }
  const ku = cert.keyUsage;
  if (!ku.present) {
    throw fail("CERT_CA_KEY_USAGE", cert, index, length, "the keyUsage extension must be present");
  }
  if (profile === "code-signing" && !ku.critical) {
    throw fail("CERT_CA_KEY_USAGE", cert, index, length, "the keyUsage extension must be critical");
  }
  if (!ku.flags.includes("keyCertSign")) {
    throw fail("CERT_CA_KEY_USAGE", cert, index, length, "keyUsage must include keyCertSign");
  }
}
function checkLeaf(cert, index, length, profile) {
  if (cert.basicConstraints.present && cert.basicConstraints.cA) {
    throw fail(
      "CERT_LEAF_BASIC_CONSTRAINTS",
      cert,
      index,
      length,
      "a signing certificate must not be a CA (basicConstraints cA must be false when present)"
    );
  }
  const ku = cert.keyUsage;
  if (!ku.present) {
    throw fail("CERT_LEAF_KEY_USAGE", cert, index, length, "the keyUsage extension must be present");
  }
  if (profile === "code-signing" && !ku.critical) {
    throw fail(
      "CERT_LEAF_KEY_USAGE",
      cert,
      index,
      length,
      "the keyUsage extension must be critical"
    );
  }
  if (!ku.flags.includes("digitalSignature")) {
    throw fail("CERT_LEAF_KEY_USAGE", cert, index, length, "keyUsage must include digitalSignature");
  }
  const extra = ku.flags.filter((f) => FORBIDDEN_LEAF_KEY_USAGES.includes(f));
  if (extra.length > 0) {
    throw fail(
      "CERT_LEAF_KEY_USAGE",
      cert,
      index,
      length,
      `keyUsage must be digitalSignature only, but also has ${extra.join(", ")}`
    );
  }
  const eku = cert.extendedKeyUsage;
  if (profile === "code-signing") {
    const bad = eku.oids.map((oid) => FORBIDDEN_CODE_SIGNING_EKUS[oid]).filter((n) => n !== void 0);
    if (bad.length > 0) {
      throw fail(
        "CERT_LEAF_EKU",
        cert,
        index,
        length,
        `extendedKeyUsage must not contain ${bad.join(", ")} (codeSigning is allowed, not required)`
      );
    }
  } else {
    if (eku.oids.length !== 1 || eku.oids[0] !== EKU_OID.timeStamping) {
      throw fail(
        "CERT_TSA_EKU",
        cert,
        index,
        length,
        `a timestamping certificate must have timeStamping (${EKU_OID.timeStamping}) as its only extended key usage, found [${eku.oids.join(", ")}]`
      );
    }
    if (!eku.critical) {
      throw fail(
        "CERT_TSA_EKU",
        cert,
        index,
        length,
        "a timestamping certificate must mark the extendedKeyUsage extension critical"
      );
    }
  }
  try {
    return keySpecOfKey(cert.publicKey, describe(cert, index, length));
  } catch (err) {
    if (err instanceof CertificateError) {
      throw new CertificateError(err.code, err.message, {
        position: index,
        subject: cert.subject
      });
    }
    throw err;
  }
}
function validate(input, options, profile) {
  if (input.length === 0) {
    throw new CertificateError("CERT_CHAIN_EMPTY", "the certificate chain is empty");
  }
  const certs = input.map((c, i) => {
    try {
      return toCertificateInfo(c);
    } catch (err) {
      throw new CertificateError("CERT_PARSE", `certificate [${i}] in the chain cannot be parsed`, {
        cause: err,
        position: i
      });
    }
  });
  const n = certs.length;
  const leaf = certs[0];
  if (n === 1) {
    checkSignedBy(leaf, leaf, 0, 1, true);
    if (!leaf.selfIssued || !leaf.selfSigned) {
      throw fail(
        "CERT_SELF_SIGNED_INVALID",
        leaf,
        0,
        1,
        `a single-certificate chain must be self-signed and self-issued (issuer is "${leaf.issuer}")`
      );
    }
    checkValidityAt(leaf, 0, 1, options.signingTime);
    return { certificates: certs, leaf, keySpec: checkLeaf(leaf, 0, 1, profile) };
  }
  let keySpec;
  for (let i = 0; i < n; i++) {
    const cert = certs[i];
    checkValidityAt(cert, i, n, options.signingTime);
    if (i === n - 1) {
      checkSignedBy(cert, cert, i, n, true);
      if (!cert.selfSigned) {
        throw fail(
          "CERT_NOT_SELF_SIGNED_ROOT",
          cert,
          i,
          n,
          "is not self-signed; the chain must end with its self-signed root certificate (include the root)"
        );
      }
    } else {
      if (cert.selfSigned) {
        throw fail(
          "CERT_SELF_SIGNED_NOT_ROOT",
          cert,
          i,
          n,
          "is self-signed but is not the last certificate; only the root may be self-signed and nothing may follow it"
        );
      }
      checkSignedBy(cert, certs[i + 1], i, n, false);
    }
    if (i === 0) keySpec = checkLeaf(cert, i, n, profile);
    else checkCa(cert, i, n, profile);
  }
  return { certificates: certs, leaf, keySpec };
}
function validateCodeSigningChain(chain, options = {}) {
  return validate(chain, options, "code-signing");
}
function validateTimestampingChain(chain, options = {}) {
  return validate(chain, options, "timestamping");
}

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

// src/x509/raw-signature.ts
import { constants, sign, verify } from "node:crypto";
function signRaw(algorithm, privateKey, data) {
  const info = algorithmInfo(algorithm);
  const signature = info.kind === "rsa-pss" ? sign(info.nodeHash, data, {
    key: privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: info.hashLength
  }) : sign(info.nodeHash, data, { key: privateKey, dsaEncoding: "ieee-p1363" });
  return new Uint8Array(signature);
}
function verifyRaw(algorithm, publicKey, data, signature) {
  const info = algorithmInfo(algorithm);
  try {
    if (info.kind === "rsa-pss") {
      return verify(
        info.nodeHash,
        data,
        {
          key: publicKey,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: info.hashLength
        },
        signature
      );
    }
    if (signature.length !== info.ecdsaSignatureLength) return false;
    return verify(info.nodeHash, data, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature);
  } catch {
    return false;
  }
}

// src/signer/errors.ts
var SigningError = class extends ActionError {
};

export {
  KEY_ID_INPUT,
  parseKeyVaultId,
  CertificateError,
  algorithmInfo,
  algorithmForKeySpec,
  hashForAlgorithm,
  algorithmFromCose,
  algorithmFromJws,
  keySpecOfKey,
  EKU_OID,
  goNameString,
  parseCertificate,
  weakSignatureAlgorithm,
  signatureCheck,
  isIssuedBy,
  validateCodeSigningChain,
  validateTimestampingChain,
  parsePemBlocks,
  pemToCertificates,
  signRaw,
  verifyRaw,
  SigningError
};
