#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_build2 as require_build
} from "./chunk-BAB72OL5.js";
import {
  ActionError
} from "./chunk-TW4RF5XT.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

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
function keySpecOfKey(key, describe = "key") {
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  if (type === "rsa") {
    const bits = details.modulusLength ?? 0;
    const size = Math.ceil(bits / 8) * 8;
    if (size === 2048 || size === 3072 || size === 4096) return `RSA-${size}`;
    throw new CertificateError(
      "CERT_KEY_UNSUPPORTED",
      `${describe} has an RSA ${bits}-bit key; Notary signatures need RSA 2048, 3072 or 4096 bits exactly`
    );
  }
  if (type === "ec") {
    const curve = details.namedCurve;
    if (curve === "prime256v1" || curve === "P-256") return "EC-256";
    if (curve === "secp384r1" || curve === "P-384") return "EC-384";
    if (curve === "secp521r1" || curve === "P-521") return "EC-521";
    throw new CertificateError(
      "CERT_KEY_UNSUPPORTED",
      `${describe} has an EC key on curve ${curve ?? "unknown"}; Notary signatures need P-256, P-384 or P-521`
    );
  }
  throw new CertificateError(
    "CERT_KEY_UNSUPPORTED",
    `${describe} has a ${type ?? "unknown"} key; Notary signatures need an RSA (2048/3072/4096) or EC (P-256/384/521) key`
  );
}

// src/x509/certificate.ts
var asn1js2 = __toESM(require_build(), 1);
import { X509Certificate } from "node:crypto";

// src/bounded-cache.ts
import { createHash } from "node:crypto";
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
var BoundedCache = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  entries = /* @__PURE__ */ new Map();
  get(key) {
    return this.entries.get(key);
  }
  set(key, value) {
    if (!this.entries.has(key) && this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== void 0) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
    return value;
  }
  /** The cached value for `key`, or `make()`'s, kept. A throwing `make` caches nothing. */
  getOrSet(key, make) {
    const hit = this.entries.get(key);
    return hit !== void 0 ? hit : this.set(key, make());
  }
  get size() {
    return this.entries.size;
  }
  clear() {
    this.entries.clear();
  }
};

// src/x509/certificate-structure.ts
var asn1js = __toESM(require_build(), 1);
var CertificateStructureError = class extends Error {
};
function refuse(what) {
  throw new CertificateStructureError(`certificate ${what}`);
}
function isContext(block, tag) {
  return block?.idBlock.tagClass === 3 && block.idBlock.tagNumber === tag;
}
function sequenceItems(block, what) {
  if (!(block instanceof asn1js.Sequence)) refuse(`${what} is not a SEQUENCE`);
  return block.valueBlock.value;
}
function algorithmOid(block, what) {
  const [oid] = sequenceItems(block, what);
  if (!(oid instanceof asn1js.ObjectIdentifier)) refuse(`${what} has no algorithm OID`);
  return oid.valueBlock.toString();
}
function time(block, what) {
  if (block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime) {
    const date = block.toDate();
    if (!Number.isNaN(date.getTime())) return date;
  }
  return refuse(`${what} is not a valid UTCTime or GeneralizedTime`);
}
function rawName(block, what) {
  if (!(block instanceof asn1js.Sequence)) refuse(`${what} is not a Name (SEQUENCE)`);
  return new Uint8Array(block.valueBeforeDecodeView);
}
function extensionsOf(block) {
  const inner = block.valueBlock.value;
  if (!block.idBlock.isConstructed || inner?.length !== 1) refuse("extensions are not [3] EXPLICIT");
  return sequenceItems(inner[0], "extensions").map((ext) => {
    const parts = sequenceItems(ext, "extension");
    const [id, second, third] = parts;
    const hasCritical = second instanceof asn1js.Boolean;
    const value = hasCritical ? third : second;
    if (!(id instanceof asn1js.ObjectIdentifier) || !(value instanceof asn1js.OctetString) || parts.length !== (hasCritical ? 3 : 2)) {
      refuse("extension is not {extnID, critical, extnValue}");
    }
    return {
      oid: id.valueBlock.toString(),
      critical: hasCritical ? second.getValue() : false,
      value: new Uint8Array(value.valueBlock.valueHexView)
    };
  });
}
function readCertificateStructure(der) {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1 || parsed.offset !== der.length) refuse("is not a single DER element");
  const [tbsBlock, outerAlgorithm, signature] = sequenceItems(parsed.result, "is not a SEQUENCE");
  if (!(signature instanceof asn1js.BitString)) refuse("signatureValue is not a BIT STRING");
  const tbs = sequenceItems(tbsBlock, "tbsCertificate");
  let i = 0;
  if (isContext(tbs[i], 0)) i++;
  if (!(tbs[i++] instanceof asn1js.Integer)) refuse("serialNumber is not an INTEGER");
  algorithmOid(tbs[i++], "tbsCertificate signature");
  const rawIssuer = rawName(tbs[i++], "issuer");
  const validity = sequenceItems(tbs[i++], "validity");
  if (validity.length !== 2) refuse("validity is not {notBefore, notAfter}");
  const notBefore = time(validity[0], "notBefore");
  const notAfter = time(validity[1], "notAfter");
  const rawSubject = rawName(tbs[i++], "subject");
  const spki = sequenceItems(tbs[i++], "subjectPublicKeyInfo");
  algorithmOid(spki[0], "subjectPublicKeyInfo algorithm");
  const key = spki[1];
  if (spki.length !== 2 || !(key instanceof asn1js.BitString))
    refuse("subjectPublicKey is not a BIT STRING");
  if (isContext(tbs[i], 1)) i++;
  if (isContext(tbs[i], 2)) i++;
  let extensions = [];
  const extBlock = tbs[i];
  if (extBlock !== void 0 && isContext(extBlock, 3)) {
    extensions = extensionsOf(extBlock);
    i++;
  }
  if (i !== tbs.length) refuse("tbsCertificate has unexpected trailing fields");
  return {
    rawIssuer,
    rawSubject,
    notBefore,
    notAfter,
    signatureAlgorithmOid: algorithmOid(outerAlgorithm, "signatureAlgorithm"),
    publicKeyBits: new Uint8Array(key.valueBlock.valueHexView),
    extensions
  };
}

// src/x509/certificate.ts
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
  const parsed = asn1js2.fromBER(bytes);
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
function parseNameAttributes(rawName2) {
  const seq = fromBer(rawName2, "distinguished name");
  if (!(seq instanceof asn1js2.Sequence)) throw parseError("distinguished name is not a SEQUENCE");
  const out = [];
  seq.valueBlock.value.forEach((rdn, rdnIndex) => {
    if (!(rdn instanceof asn1js2.Set)) throw parseError("distinguished name RDN is not a SET");
    for (const atv of rdn.valueBlock.value) {
      const parts = atv instanceof asn1js2.Sequence ? atv.valueBlock.value : [];
      const [oid, value] = parts;
      if (parts.length !== 2 || !(oid instanceof asn1js2.ObjectIdentifier) || !value) {
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
function parseExtensions(extensions) {
  const result = {
    basicConstraints: { present: false, critical: false, cA: false },
    keyUsage: { present: false, critical: false, flags: [] },
    extendedKeyUsage: { present: false, critical: false, oids: [] }
  };
  const seen = /* @__PURE__ */ new Set();
  for (const ext of extensions) {
    const id = ext.oid;
    if (seen.has(id)) throw parseError(`certificate has a duplicate extension ${id}`);
    seen.add(id);
    const critical = ext.critical;
    const value = ext.value;
    if (id === EXTENSION_OID.basicConstraints) {
      const seq = fromBer(value, "basicConstraints extension");
      if (!(seq instanceof asn1js2.Sequence)) throw parseError("basicConstraints is not a SEQUENCE");
      let cA = false;
      let pathLen;
      for (const item of seq.valueBlock.value) {
        if (item instanceof asn1js2.Boolean) cA = item.getValue();
        else if (item instanceof asn1js2.Integer) pathLen = item.valueBlock.valueDec;
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
      if (!(bits instanceof asn1js2.BitString)) throw parseError("keyUsage is not a BIT STRING");
      const bytes = bits.valueBlock.valueHexView;
      const flags = KEY_USAGE_BITS.filter(
        (_, i) => ((bytes[i >> 3] ?? 0) >> 7 - (i & 7) & 1) === 1
      );
      result.keyUsage = { present: true, critical, flags };
    } else if (id === EXTENSION_OID.extendedKeyUsage) {
      const seq = fromBer(value, "extendedKeyUsage extension");
      if (!(seq instanceof asn1js2.Sequence)) throw parseError("extendedKeyUsage is not a SEQUENCE");
      const oids = seq.valueBlock.value.map((item) => {
        if (!(item instanceof asn1js2.ObjectIdentifier))
          throw parseError("extendedKeyUsage has a non-OID entry");
        return item.valueBlock.toString();
      });
      result.extendedKeyUsage = { present: true, critical, oids };
    }
  }
  return result;
}
var PARSE_CACHE_LIMIT = 256;
var parseCache = new BoundedCache(PARSE_CACHE_LIMIT);
function parseCertificate(der) {
  const key = sha256Hex(der);
  return parseCache.getOrSet(key, () => {
    try {
      return Object.freeze(parseCertificateUncached(der, key));
    } catch (err) {
      if (err instanceof CertificateError) throw err;
      throw parseError("certificate is not a valid X.509 certificate (RFC 5280)", err);
    }
  });
}
function parseCertificateUncached(der, sha256) {
  const bytes = new Uint8Array(der);
  if (derLength(bytes) !== bytes.length)
    throw parseError("certificate is not a single DER SEQUENCE");
  let x509;
  let cert;
  try {
    x509 = new X509Certificate(bytes);
    cert = readCertificateStructure(bytes);
  } catch (err) {
    throw parseError("certificate cannot be parsed as X.509", err);
  }
  const { rawSubject, rawIssuer, signatureAlgorithmOid } = cert;
  const subjectAttributes2 = parseNameAttributes(rawSubject);
  const publicKey = x509.publicKey;
  let keySpec;
  try {
    keySpec = keySpecOfKey(publicKey);
  } catch {
    keySpec = void 0;
  }
  const selfIssued = Buffer.from(rawSubject).equals(Buffer.from(rawIssuer));
  const info = {
    der: bytes,
    x509,
    sha256,
    rawSubject,
    rawIssuer,
    subject: goNameString(subjectAttributes2),
    issuer: goNameString(parseNameAttributes(rawIssuer)),
    subjectAttributes: subjectAttributes2,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    serialNumber: x509.serialNumber.toLowerCase(),
    signatureAlgorithmOid,
    ...parseExtensions(cert.extensions),
    publicKey,
    publicKeyBits: cert.publicKeyBits,
    extensions: Object.freeze(cert.extensions.map((e) => Object.freeze(e))),
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
function subjectAttributes(cert) {
  return toCertificateInfo(cert).subjectAttributes;
}
function weakSignatureAlgorithm(cert) {
  return WEAK_SIGNATURE_OIDS[cert.signatureAlgorithmOid];
}
var SIGNATURE_CACHE_LIMIT = 1024;
var signatureCache = new BoundedCache(SIGNATURE_CACHE_LIMIT);
function signatureCheck(child, parent) {
  if (weakSignatureAlgorithm(child)) return "weak-algorithm";
  const verifies = signatureCache.getOrSet(`${child.sha256}/${parent.sha256}`, () => {
    try {
      return child.x509.verify(parent.publicKey);
    } catch {
      return false;
    }
  });
  return verifies ? "ok" : "bad-signature";
}
function isIssuedBy(child, parent) {
  return Buffer.from(child.rawIssuer).equals(Buffer.from(parent.rawSubject)) && signatureCheck(child, parent) === "ok";
}

export {
  sha256Hex,
  BoundedCache,
  CertificateError,
  algorithmInfo,
  algorithmForKeySpec,
  hashForAlgorithm,
  algorithmFromCose,
  algorithmFromJws,
  keySpecOfKey,
  EXTENSION_OID,
  EKU_OID,
  parseNameAttributes,
  goNameString,
  parseCertificate,
  toCertificateInfo,
  subjectAttributes,
  weakSignatureAlgorithm,
  signatureCheck,
  isIssuedBy
};
