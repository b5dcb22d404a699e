#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_build as require_build2
} from "./chunk-EJXJKBEP.js";
import {
  NON_REVOCABLE
} from "./chunk-55F5TOJB.js";
import {
  certificateVersion
} from "./chunk-BOIBBKTD.js";
import {
  EKU_OID,
  parseCertificate
} from "./chunk-XHYYKEXA.js";
import {
  require_build2 as require_build
} from "./chunk-BAB72OL5.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/verify/revocation.ts
var asn1js = __toESM(require_build(), 1);
var pkijs = __toESM(require_build2(), 1);
import { constants, createHash, verify as nodeVerify } from "node:crypto";
var OCSP_TIMEOUT_MS = 2e3;
var CRL_TIMEOUT_MS = 5e3;
var OCSP_MAX_RESPONSE_BYTES = 20480;
var CRL_MAX_BYTES = 32 * 1024 * 1024;
var OCSP_THIS_UPDATE_SKEW_MS = 5 * 6e4;
var OID = {
  aia: "1.3.6.1.5.5.7.1.1",
  ocspAccess: "1.3.6.1.5.5.7.48.1",
  ocspBasic: "1.3.6.1.5.5.7.48.1.1",
  cdp: "2.5.29.31",
  freshestCrl: "2.5.29.46",
  crlNumber: "2.5.29.20",
  deltaCrlIndicator: "2.5.29.27",
  issuingDistributionPoint: "2.5.29.28",
  crlReason: "2.5.29.21",
  invalidityDate: "2.5.29.24",
  sha1: "1.3.14.3.2.26"
};
var REASON_CERTIFICATE_HOLD = 6;
var REASON_REMOVE_FROM_CRL = 8;
function uris(generalNames) {
  return (generalNames ?? []).filter((g) => g.type === 6).map((g) => String(g.value));
}
function extensionValue(ext) {
  return ext.extnValue.valueBlock.valueHexView;
}
function distributionPointUris(value) {
  const dps = new pkijs.CRLDistributionPoints({ schema: asn1js.fromBER(value).result });
  const out = [];
  for (const dp of dps.distributionPoints) {
    const name = dp.distributionPoint;
    if (Array.isArray(name)) out.push(...uris(name));
  }
  return out;
}
function endpointsOf(extensions) {
  const result = { ocsp: [], crl: [], hasFreshestCrl: false };
  for (const ext of extensions) {
    if (ext.oid === OID.aia) {
      const aia = new pkijs.InfoAccess({ schema: asn1js.fromBER(ext.value).result });
      for (const ad of aia.accessDescriptions) {
        if (ad.accessMethod === OID.ocspAccess && ad.accessLocation.type === 6) {
          result.ocsp.push(String(ad.accessLocation.value));
        }
      }
    } else if (ext.oid === OID.cdp) {
      result.crl.push(...distributionPointUris(ext.value));
    } else if (ext.oid === OID.freshestCrl) {
      result.hasFreshestCrl = true;
    }
  }
  return result;
}
var endpointsMemo = /* @__PURE__ */ new WeakMap();
function revocationEndpoints(cert) {
  if (cert instanceof Uint8Array) {
    const parsed = pkijs.Certificate.fromBER(cert);
    return endpointsOf(
      (parsed.extensions ?? []).map((ext) => ({
        oid: ext.extnID,
        critical: ext.critical,
        value: extensionValue(ext)
      }))
    );
  }
  let memo = endpointsMemo.get(cert);
  if (memo === void 0) {
    try {
      memo = Object.freeze(endpointsOf(cert.extensions));
    } catch (err) {
      memo = { failed: err };
    }
    endpointsMemo.set(cert, memo);
  }
  if ("failed" in memo) throw memo.failed;
  return memo;
}
var SIGNATURE_ALGORITHMS = {
  "1.2.840.113549.1.1.5": { hash: "sha1", kind: "rsa" },
  "1.2.840.113549.1.1.11": { hash: "sha256", kind: "rsa" },
  "1.2.840.113549.1.1.12": { hash: "sha384", kind: "rsa" },
  "1.2.840.113549.1.1.13": { hash: "sha512", kind: "rsa" },
  "1.2.840.10045.4.1": { hash: "sha1", kind: "ecdsa" },
  "1.2.840.10045.4.3.2": { hash: "sha256", kind: "ecdsa" },
  "1.2.840.10045.4.3.3": { hash: "sha384", kind: "ecdsa" },
  "1.2.840.10045.4.3.4": { hash: "sha512", kind: "ecdsa" },
  "1.3.101.112": { hash: "", kind: "eddsa" }
};
var HASH_BY_OID = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512"
};
function verifySigned(tbs, algorithm, signature, key) {
  try {
    if (algorithm.algorithmId === "1.2.840.113549.1.1.10") {
      const params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams });
      const hash = HASH_BY_OID[params.hashAlgorithm.algorithmId];
      if (hash === void 0) return false;
      return nodeVerify(
        hash,
        tbs,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength },
        signature
      );
    }
    const alg = SIGNATURE_ALGORITHMS[algorithm.algorithmId];
    if (alg === void 0) return false;
    if (alg.kind === "eddsa") return nodeVerify(null, tbs, key, signature);
    return nodeVerify(
      alg.hash,
      tbs,
      alg.kind === "ecdsa" ? { key, dsaEncoding: "der" } : key,
      signature
    );
  } catch {
    return false;
  }
}
function crlSignerProblem(issuer) {
  const v3 = certificateVersion(issuer.der) === 3;
  if (v3 && !issuer.basicConstraints.present || issuer.basicConstraints.present && !issuer.basicConstraints.cA) {
    return `CRL is not signed by CA ${issuer.subject}: x509: invalid signature: parent certificate cannot sign this kind of certificate`;
  }
  if (issuer.keyUsage.flags.length > 0 && !issuer.keyUsage.flags.includes("cRLSign")) {
    return `CRL is not signed by CA ${issuer.subject}: the issuer's key usage does not allow cRLSign`;
  }
  return void 0;
}
function bigintOf(int) {
  const bytes = int.valueBlock.valueHexView;
  let v = 0n;
  for (const b of bytes) v = v << 8n | BigInt(b);
  if (bytes.length > 0 && ((bytes[0] ?? 0) & 128) !== 0) v -= 1n << BigInt(bytes.length * 8);
  return v;
}
function sha1(bytes) {
  return new Uint8Array(createHash("sha1").update(bytes).digest());
}
function serialContents(hex) {
  let h = hex.length % 2 === 1 ? `0${hex}` : hex;
  if (/^[89a-f]/i.test(h)) h = `00${h}`;
  return new Uint8Array(Buffer.from(h, "hex"));
}
function createOcspRequest(cert, issuer) {
  const certId = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: OID.sha1 }), new asn1js.Null()]
      }),
      new asn1js.OctetString({ valueHex: sha1(issuer.rawSubject) }),
      new asn1js.OctetString({ valueHex: sha1(issuer.publicKeyBits) }),
      new asn1js.Integer({ valueHex: serialContents(cert.serialNumber) })
    ]
  });
  const request = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] })]
      })
    ]
  });
  return new Uint8Array(request.toBER());
}
function ocspGetUrl(server, request) {
  const b64 = Buffer.from(request).toString("base64");
  if (b64.length >= 255) return void 0;
  const escaped = encodeURIComponent(b64);
  if (escaped.length >= 255) return void 0;
  return `${server.replace(/\/+$/, "")}/${escaped}`;
}
var OcspUnknownStatus = class extends Error {
};
var OCSP_ERROR_STATUS = {
  1: "OCSP malformed",
  2: "OCSP internal error",
  3: "OCSP try later",
  5: "OCSP signature required",
  6: "OCSP unauthorized"
};
function parseOcspStructure(what, parse) {
  try {
    return parse();
  } catch (err) {
    throw new Error(`malformed OCSP response: not a valid DER ${what} (RFC 6960 \xA74.2.1)`, {
      cause: err
    });
  }
}
function evaluateOcspResponse(body, cert, issuer, options) {
  const response = parseOcspStructure("OCSPResponse", () => pkijs.OCSPResponse.fromBER(body));
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0) throw new Error(OCSP_ERROR_STATUS[status] ?? `OCSP response status ${status}`);
  if (response.responseBytes === void 0 || response.responseBytes.responseType !== OID.ocspBasic) {
    throw new Error("OCSP response is not a basic OCSP response");
  }
  const responseBytes = response.responseBytes.response.valueBlock.valueHexView;
  const basic = parseOcspStructure(
    "BasicOCSPResponse",
    () => pkijs.BasicOCSPResponse.fromBER(responseBytes)
  );
  const tbs = basic.tbsResponseData.tbsView;
  const signature = basic.signature.valueBlock.valueHexView;
  const responderDer = basic.certs?.[0] ? new Uint8Array(basic.certs[0].toSchema().toBER()) : void 0;
  if (responderDer === void 0 || Buffer.from(responderDer).equals(Buffer.from(issuer.der))) {
    if (!verifySigned(tbs, basic.signatureAlgorithm, signature, issuer.publicKey)) {
      throw new Error("bad OCSP signature: not signed by the issuer");
    }
  } else {
    const responder = parseCertificate(responderDer);
    if (!verifySigned(tbs, basic.signatureAlgorithm, signature, responder.publicKey)) {
      throw new Error("bad signature on embedded certificate");
    }
    if (!responder.x509.verify(issuer.publicKey)) {
      throw new Error("bad OCSP signature: the responder certificate is not signed by the issuer");
    }
    if (!responder.extendedKeyUsage.oids.includes(EKU_OID.ocspSigning)) {
      throw new Error(
        "the delegated OCSP responder certificate lacks the OCSPSigning extended key usage"
      );
    }
    checkResponderValidity(responder, basic.tbsResponseData.producedAt, options.now);
  }
  const serial = BigInt(`0x${cert.serialNumber}`);
  const single = basic.tbsResponseData.responses.find(
    (r) => bigintOf(r.certID.serialNumber) === serial
  );
  if (single === void 0) throw new Error("no response matching the supplied certificate");
  const id = single.certID;
  const hashName = HASH_BY_OID[id.hashAlgorithm.algorithmId];
  if (hashName !== void 0) {
    const h = (b) => createHash(hashName).update(b).digest();
    if (!h(issuer.rawSubject).equals(Buffer.from(id.issuerNameHash.valueBlock.valueHexView)) || !h(issuer.publicKeyBits).equals(Buffer.from(id.issuerKeyHash.valueBlock.valueHexView))) {
      throw new Error("the OCSP response is for a certificate of another issuer");
    }
  }
  const now = options.now.getTime();
  for (const t of [single.thisUpdate, single.nextUpdate, basic.tbsResponseData.producedAt]) {
    if (t !== void 0 && !Number.isFinite(t.getTime())) throw new Error("malformed OCSP time");
  }
  if (single.nextUpdate === void 0 || now > single.nextUpdate.getTime()) {
    throw new Error("expired OCSP response");
  }
  if (single.thisUpdate.getTime() > now + OCSP_THIS_UPDATE_SKEW_MS) {
    throw new Error("OCSP response thisUpdate is in the future");
  }
  const statusBlock = single.certStatus;
  const tag = statusBlock.idBlock.tagNumber;
  if (tag === 0) return { result: "ok" };
  if (tag === 1) {
    const signingTime = options.authenticSigningTime;
    if (signingTime !== void 0) {
      const invalidity = invalidityDate(single.singleExtensions);
      if (invalidity !== void 0 && signingTime.getTime() < invalidity.getTime())
        return { result: "ok" };
    }
    return { result: "revoked", error: "certificate is revoked via OCSP" };
  }
  throw new OcspUnknownStatus("certificate has unknown status via OCSP");
}
function checkResponderValidity(responder, producedAt, now) {
  const valid = (t) => t >= responder.notBefore.getTime() && t <= responder.notAfter.getTime();
  const window = `${responder.notBefore.toISOString()} to ${responder.notAfter.toISOString()}`;
  if (!valid(producedAt.getTime())) {
    throw new Error(
      `the delegated OCSP responder certificate was not valid when it signed the response (producedAt ${producedAt.toISOString()}, valid ${window})`
    );
  }
  if (!valid(now.getTime())) {
    throw new Error(
      `the delegated OCSP responder certificate is not valid at ${now.toISOString()} (valid ${window})`
    );
  }
}
function invalidityDate(extensions) {
  const ext = extensions?.find((e) => e.extnID === OID.invalidityDate);
  if (ext === void 0) return void 0;
  const parsed = asn1js.fromBER(extensionValue(ext)).result;
  return parsed instanceof asn1js.GeneralizedTime ? parsed.toDate() : void 0;
}
function asnTime(block) {
  if (!(block instanceof asn1js.UTCTime || block instanceof asn1js.GeneralizedTime))
    return void 0;
  const date = block.toDate();
  if (!Number.isFinite(date.getTime())) throw new Error("malformed CRL time");
  return date;
}
function parseExtensions(block, what) {
  if (!(block instanceof asn1js.Sequence)) throw new Error(`${what} is not a SEQUENCE`);
  return block.valueBlock.value.map((ext) => {
    const parts = ext instanceof asn1js.Sequence ? ext.valueBlock.value : [];
    const [id, second, third] = parts;
    const critical = second instanceof asn1js.Boolean ? second.getValue() : false;
    const value = second instanceof asn1js.Boolean ? third : second;
    if (!(id instanceof asn1js.ObjectIdentifier) || !(value instanceof asn1js.OctetString)) {
      throw new Error(`${what}: malformed extension`);
    }
    return { id: id.valueBlock.toString(), critical, value: value.valueBlock.valueHexView };
  });
}
function parseCrl(bytes) {
  const top = asn1js.fromBER(bytes);
  if (top.offset !== bytes.length || !(top.result instanceof asn1js.Sequence)) {
    throw new Error("not a DER CertificateList");
  }
  const [tbsBlock, algBlock, sigBlock] = top.result.valueBlock.value;
  if (!(tbsBlock instanceof asn1js.Sequence) || !(sigBlock instanceof asn1js.BitString) || !algBlock) {
    throw new Error("malformed CertificateList");
  }
  const tbs = tbsBlock.valueBlock.value;
  let i = 0;
  if (tbs[i] instanceof asn1js.Integer) i++;
  i++;
  i++;
  const thisUpdate = asnTime(tbs[i++]);
  if (thisUpdate === void 0) throw new Error("malformed CRL thisUpdate");
  const nextUpdate = asnTime(tbs[i]);
  if (nextUpdate !== void 0) i++;
  const entries = [];
  const revoked = tbs[i];
  if (revoked instanceof asn1js.Sequence) {
    i++;
    for (const entry of revoked.valueBlock.value) {
      const parts = entry instanceof asn1js.Sequence ? entry.valueBlock.value : [];
      const [serial, date, exts] = parts;
      const revocationDate = asnTime(date);
      if (!(serial instanceof asn1js.Integer) || revocationDate === void 0) {
        throw new Error("malformed CRL entry");
      }
      entries.push({
        serial: bigintOf(serial),
        revocationDate,
        extensions: exts === void 0 ? [] : parseExtensions(exts, "CRL entry extensions")
      });
    }
  }
  let extensions = [];
  const explicit = tbs[i];
  if (explicit !== void 0 && explicit.idBlock.tagClass === 3 && explicit.idBlock.tagNumber === 0) {
    extensions = parseExtensions(
      explicit.valueBlock.value[0],
      "CRL extensions"
    );
    i++;
  }
  if (i !== tbs.length) throw new Error("malformed TBSCertList: unexpected fields");
  const numberExt = extensions.find((e) => e.id === OID.crlNumber);
  const number = numberExt ? asn1js.fromBER(numberExt.value).result : void 0;
  return {
    tbs: tbsBlock.valueBeforeDecodeView,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ schema: algBlock }),
    signature: sigBlock.valueBlock.valueHexView,
    thisUpdate,
    ...nextUpdate ? { nextUpdate } : {},
    entries,
    extensions,
    ...number instanceof asn1js.Integer ? { number: bigintOf(number) } : {}
  };
}
function validateCrl(crl, issuer, now) {
  const signerProblem = crlSignerProblem(issuer);
  if (signerProblem !== void 0) throw new Error(signerProblem);
  if (!verifySigned(crl.tbs, crl.signatureAlgorithm, crl.signature, issuer.publicKey)) {
    throw new Error(`CRL is not signed by CA ${issuer.subject}`);
  }
  if (crl.nextUpdate === void 0) throw new Error("CRL NextUpdate is not set");
  if (now.getTime() > crl.nextUpdate.getTime()) {
    throw new Error(
      `expired CRL. Current time ${now.toISOString()} is after CRL NextUpdate ${crl.nextUpdate.toISOString()}`
    );
  }
  for (const ext of crl.extensions) {
    if (ext.id === OID.issuingDistributionPoint || ext.id === OID.deltaCrlIndicator) continue;
    if (ext.critical) throw new Error(`unsupported critical extension found in CRL: ${ext.id}`);
  }
}
function reasonCode(entry) {
  const ext = entry.extensions.find((e) => e.id === OID.crlReason);
  if (ext === void 0) return void 0;
  const parsed = asn1js.fromBER(ext.value).result;
  return parsed instanceof asn1js.Enumerated ? parsed.valueBlock.valueDec : void 0;
}
function entryInvalidityDate(entry) {
  const ext = entry.extensions.find((e) => e.id === OID.invalidityDate);
  if (ext === void 0) return void 0;
  const parsed = asn1js.fromBER(ext.value).result;
  if (!(parsed instanceof asn1js.GeneralizedTime)) {
    throw new Error("failed to parse invalidity date");
  }
  return parsed.toDate();
}
function crlStatus(cert, crls, signingTime) {
  const serial = BigInt(`0x${cert.serialNumber}`);
  let latestTemporary;
  for (const crl of crls) {
    for (const entry of crl.entries) {
      if (entry.serial !== serial) continue;
      for (const ext of entry.extensions) {
        if (ext.id !== OID.invalidityDate && ext.critical) {
          throw new Error(`unsupported critical extension found in CRL: ${ext.id}`);
        }
      }
      const invalidity = entryInvalidityDate(entry);
      if (signingTime !== void 0 && invalidity !== void 0 && signingTime.getTime() < invalidity.getTime()) {
        return "ok";
      }
      const reason = reasonCode(entry);
      if (reason === REASON_CERTIFICATE_HOLD || reason === REASON_REMOVE_FROM_CRL) {
        const time = entry.revocationDate.getTime();
        if (latestTemporary === void 0 || latestTemporary.time < time)
          latestTemporary = { reason, time };
      } else {
        return "revoked";
      }
    }
  }
  return latestTemporary?.reason === REASON_CERTIFICATE_HOLD ? "revoked" : "ok";
}
function httpOnly(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" ? void 0 : `${u.protocol.replace(/:$/, "")} is not supported; only http`;
  } catch {
    return "invalid URL";
  }
}
function message(err) {
  return err instanceof Error ? err.message : String(err);
}
function createRevocationChecker(opts) {
  const ocspTimeoutMs = opts.ocspTimeoutMs ?? OCSP_TIMEOUT_MS;
  const crlTimeoutMs = opts.crlTimeoutMs ?? CRL_TIMEOUT_MS;
  const responses = /* @__PURE__ */ new Map();
  function requestShared(req) {
    const body = req.body === void 0 ? "" : Buffer.from(req.body).toString("base64");
    const key = `${req.method} ${String(req.url)} ${body}`;
    let pending = responses.get(key);
    if (pending === void 0) {
      pending = opts.transport.request(req).then(
        (res) => {
          if (res.status !== 200) responses.delete(key);
          return res;
        },
        (err) => {
          responses.delete(key);
          throw err;
        }
      );
      responses.set(key, pending);
    }
    return pending;
  }
  const parsedCrls = /* @__PURE__ */ new WeakMap();
  async function ocspFromServer(server, cert, issuer, options) {
    const base = { url: server, method: "ocsp" };
    const schemeProblem = httpOnly(server);
    if (schemeProblem !== void 0) {
      return {
        result: { ...base, result: "unknown", error: `OCSPServer protocol ${schemeProblem}` },
        definitive: false
      };
    }
    try {
      const request = createOcspRequest(cert, issuer);
      const getUrl = ocspGetUrl(server, request);
      const common = { timeoutMs: ocspTimeoutMs, maxBytes: OCSP_MAX_RESPONSE_BYTES, retry: false };
      const res = getUrl !== void 0 ? await requestShared({ method: "GET", url: getUrl, ...common }) : await requestShared({
        method: "POST",
        url: server,
        body: request,
        headers: { "content-type": "application/ocsp-request" },
        ...common
      });
      if (res.status !== 200) {
        throw new Error(`failed to retrieve OCSP: response had status code ${res.status}`);
      }
      const answer = evaluateOcspResponse(res.body, cert, issuer, options);
      return {
        result: {
          ...base,
          result: answer.result,
          ...answer.error ? { error: answer.error } : {}
        },
        definitive: true
      };
    } catch (err) {
      return {
        result: { ...base, result: "unknown", error: message(err) },
        definitive: err instanceof OcspUnknownStatus
      };
    }
  }
  async function ocspCheck(cert, issuer, urls, options) {
    const servers = [];
    for (const url of urls) {
      const { result, definitive } = await ocspFromServer(url, cert, issuer, options);
      if (definitive) return { result: result.result, method: "ocsp", servers: [result] };
      servers.push(result);
    }
    return { result: servers[servers.length - 1]?.result ?? "unknown", method: "ocsp", servers };
  }
  async function fetchCrl(url) {
    const schemeProblem = httpOnly(url);
    if (schemeProblem !== void 0) throw new Error(`unsupported scheme: ${schemeProblem}`);
    const res = await requestShared({
      method: "GET",
      url,
      timeoutMs: crlTimeoutMs,
      maxBytes: CRL_MAX_BYTES,
      retry: false
    });
    if (res.status !== 200) throw new Error(`failed to download with status code: ${res.status}`);
    const known = parsedCrls.get(res);
    if (known !== void 0) return known;
    let crl;
    try {
      crl = parseCrl(res.body);
    } catch (err) {
      throw new Error(`failed to parse CRL: ${message(err)}`);
    }
    parsedCrls.set(res, crl);
    return crl;
  }
  async function fetchBundle(url) {
    const base = await fetchCrl(url);
    const freshest = base.extensions.find((e) => e.id === OID.freshestCrl);
    if (freshest === void 0) return { base };
    const deltaUrls = distributionPointUris(freshest.value);
    let lastError;
    for (const deltaUrl of deltaUrls) {
      try {
        return { base, delta: await fetchCrl(deltaUrl) };
      } catch (err) {
        lastError = err;
      }
    }
    if (deltaUrls.length === 0) return { base };
    throw new Error(`failed to retrieve the delta CRL: ${message(lastError)}`);
  }
  async function crlCheck(cert, issuer, endpoints, options) {
    const servers = [];
    for (const url of endpoints.crl) {
      try {
        let bundle;
        try {
          bundle = await fetchBundle(url);
        } catch (err) {
          throw new Error(`failed to download CRL from ${url}: ${message(err)}`);
        }
        if (endpoints.hasFreshestCrl && bundle.delta === void 0) {
          throw new Error("freshest CRL from certificate extension is not supported");
        }
        try {
          validateCrl(bundle.base, issuer, options.now);
          if (bundle.delta !== void 0) {
            validateCrl(bundle.delta, issuer, options.now);
            const baseNumber = bundle.base.number ?? 0n;
            const deltaNumber = bundle.delta.number ?? 0n;
            if (deltaNumber <= baseNumber) {
              throw new Error(
                `delta CRL number ${deltaNumber} is not greater than the base CRL number ${baseNumber}`
              );
            }
            const indicator = bundle.delta.extensions.find((e) => e.id === OID.deltaCrlIndicator);
            if (indicator === void 0) {
              throw new Error("delta CRL indicator extension is not found");
            }
            const minBase = asn1js.fromBER(indicator.value).result;
            if (!(minBase instanceof asn1js.Integer) || bigintOf(minBase) > baseNumber) {
              throw new Error(
                "delta CRL indicator is not less than or equal to the base CRL number"
              );
            }
          }
        } catch (err) {
          throw new Error(`failed to validate CRL from ${url}: ${message(err)}`);
        }
        const crls = bundle.delta ? [bundle.base, bundle.delta] : [bundle.base];
        let status;
        try {
          status = crlStatus(cert, crls, options.authenticSigningTime);
        } catch (err) {
          throw new Error(`failed to check revocation status from ${url}: ${message(err)}`);
        }
        if (status === "revoked") {
          return {
            result: "revoked",
            method: "crl",
            servers: [{ url, method: "crl", result: "revoked" }]
          };
        }
        servers.push({ url, method: "crl", result: "ok" });
      } catch (err) {
        return {
          result: "unknown",
          method: "crl",
          servers: [{ url, method: "crl", result: "unknown", error: message(err) }]
        };
      }
    }
    return { result: "ok", method: "crl", servers };
  }
  async function checkOne(cert, issuer, options) {
    const endpoints = revocationEndpoints(cert);
    if (endpoints.ocsp.length > 0) {
      const ocsp = await ocspCheck(cert, issuer, endpoints.ocsp, options);
      if (ocsp.result === "unknown" && endpoints.crl.length > 0) {
        const crl = await crlCheck(cert, issuer, endpoints, options);
        return {
          result: crl.result,
          method: "ocspFallbackCrl",
          servers: [...ocsp.servers, ...crl.servers]
        };
      }
      return ocsp;
    }
    if (endpoints.crl.length > 0) return crlCheck(cert, issuer, endpoints, options);
    return NON_REVOCABLE;
  }
  return {
    async check(chain, options) {
      if (chain.length === 0) throw new Error("chain does not contain any certificates");
      const certs = chain.map((der) => parseCertificate(der));
      const results = await Promise.all(
        certs.map(
          (cert, i) => i === certs.length - 1 ? Promise.resolve(NON_REVOCABLE) : checkOne(cert, certs[i + 1], options).catch(
            (err) => ({
              result: "unknown",
              method: "none",
              servers: [{ url: "", method: "ocsp", result: "unknown", error: message(err) }]
            })
          )
        )
      );
      for (const [i, r] of results.entries()) {
        opts.logger?.debug(
          `revocation (${options.purpose}) certificate #${i + 1}: ${r.result} via ${r.method}`
        );
      }
      return results;
    }
  };
}
var noRevocationChecker = {
  async check(chain) {
    return chain.map((der, i) => {
      if (i === chain.length - 1) return NON_REVOCABLE;
      const e = revocationEndpoints(parseCertificate(der));
      if (e.ocsp.length === 0 && e.crl.length === 0) return NON_REVOCABLE;
      return {
        result: "unknown",
        method: "none",
        servers: [
          {
            url: [...e.ocsp, ...e.crl][0] ?? "",
            method: e.ocsp.length > 0 ? "ocsp" : "crl",
            result: "unknown",
            error: "revocation checking is disabled (offline)"
          }
        ]
      };
    });
  }
};

export {
  OCSP_TIMEOUT_MS,
  CRL_TIMEOUT_MS,
  OCSP_MAX_RESPONSE_BYTES,
  CRL_MAX_BYTES,
  OCSP_THIS_UPDATE_SKEW_MS,
  revocationEndpoints,
  createOcspRequest,
  ocspGetUrl,
  evaluateOcspResponse,
  createRevocationChecker,
  noRevocationChecker
};
