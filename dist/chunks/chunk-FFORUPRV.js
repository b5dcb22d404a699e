#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CertificateError,
  EKU_OID,
  EXTENSION_OID,
  algorithmInfo,
  keySpecOfKey,
  signatureCheck,
  toCertificateInfo
} from "./chunk-XHYYKEXA.js";

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

export {
  validateCodeSigningChain,
  validateTimestampingChain,
  signRaw,
  verifyRaw
};
