#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  getProxyUrl,
  require_undici
} from "./chunk-6J7YPWL5.js";
import {
  ActionError
} from "./chunk-TW4RF5XT.js";
import {
  __toESM
} from "./chunk-2ZTQXNXN.js";

// src/net/transport.ts
var import_undici2 = __toESM(require_undici(), 1);

// src/net/dispatcher.ts
var import_undici = __toESM(require_undici(), 1);

// src/net/preconnect.ts
var DEFAULT_PORT = { "https:": "443", "http:": "80" };
function keyOf(protocol, hostname, port) {
  return `${protocol}//${hostname.toLowerCase()}:${port || DEFAULT_PORT[protocol] || ""}`;
}
function createPreconnector(base, maxIdleMs = 4e3) {
  const warm = /* @__PURE__ */ new Map();
  function take(key) {
    const entry = warm.get(key);
    if (entry === void 0) return void 0;
    warm.delete(key);
    clearTimeout(entry.timer);
    return entry;
  }
  return {
    connector(options, callback) {
      const entry = take(keyOf(options.protocol, options.hostname, options.port));
      if (entry === void 0) {
        base(options, callback);
        return;
      }
      void entry.ready.then((socket) => {
        if (socket !== void 0 && !socket.destroyed && socket.readyState === "open") {
          socket.ref();
          callback(null, socket);
        } else {
          base(options, callback);
        }
      });
    },
    preconnect(url) {
      if (url.protocol !== "https:" && url.protocol !== "http:") return;
      const key = keyOf(url.protocol, url.hostname, url.port);
      if (warm.has(key)) return;
      const ready = new Promise((resolve) => {
        base(
          {
            protocol: url.protocol,
            hostname: url.hostname,
            host: url.host,
            port: url.port
          },
          (err, socket) => resolve(err === null ? socket ?? void 0 : void 0)
        );
      });
      const timer = setTimeout(() => {
        if (warm.get(key)?.timer !== timer) return;
        warm.delete(key);
        void ready.then((socket) => socket?.destroy());
      }, maxIdleMs);
      timer.unref();
      void ready.then((socket) => socket?.unref());
      warm.set(key, { ready, timer });
    }
  };
}

// src/net/dispatcher.ts
var ProxyError = class extends ActionError {
};
var MAX_RESPONSE_HEADER_BYTES = 128 * 1024;
function createDispatcherPool() {
  const warm = createPreconnector((0, import_undici.buildConnector)({}));
  const direct = new import_undici.Agent({
    maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
    connect: warm.connector
  }).compose(keepAliveAfterHead);
  const proxies = /* @__PURE__ */ new Map();
  return {
    preconnect(url) {
      if (getProxyUrl(url) === void 0) warm.preconnect(url);
    },
    routeFor(url) {
      const named = getProxyUrl(url);
      if (named === void 0) return { dispatcher: direct };
      const proxyUrl = usableProxyUrl(named, url);
      const key = proxyUrl.href;
      let route = proxies.get(key);
      if (route === void 0) {
        const token = proxyUrl.username || proxyUrl.password ? `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString("base64")}` : void 0;
        route = {
          dispatcher: new import_undici.ProxyAgent({
            uri: proxyUrl.origin,
            ...token === void 0 ? {} : { token },
            maxHeaderSize: MAX_RESPONSE_HEADER_BYTES
          }),
          proxy: proxyUrl.origin
        };
        proxies.set(key, route);
      }
      return route;
    }
  };
}
function keepAliveAfterHead(dispatch) {
  return (options, handler) => dispatch(
    options.method === "HEAD" && options.reset === void 0 ? { ...options, reset: false } : options,
    handler
  );
}
function usableProxyUrl(named, target) {
  if (named.protocol === "http:" || named.protocol === "https:") return named;
  if (/^[^/@]+:\d+$/.test(named.href)) return new URL(`http://${named.href}`);
  const variable = target.protocol === "https:" ? "HTTPS_PROXY" : "HTTP_PROXY";
  throw new ProxyError(
    "PROXY_URL",
    `${variable} names a ${named.protocol.replace(/:$/, "")} proxy; only http:// and https:// proxies are supported`
  );
}

// src/net/transport.ts
var TransportError = class extends ActionError {
};
var DEFAULTS = {
  timeoutMs: 3e4,
  maxBytes: 4 * 1024 * 1024,
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 3e4
};
var MAX_REDIRECTS = 5;
var USER_AGENT = "oci-notary-action/0.1";
function isRetryableStatus(status) {
  return status === 408 || status === 429 || status >= 500 && status !== 501 && status !== 505;
}
function retryAfterMs(headers, now = Date.now()) {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const v2 = headers.get(name);
    if (v2 !== null && /^\d+$/.test(v2.trim())) return Number(v2.trim());
  }
  const v = headers.get("retry-after");
  if (v === null) return void 0;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1e3;
  const date = Date.parse(v);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return void 0;
}
function redactUrl(url) {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return "<invalid url>";
  }
}
function responseOf(status, headers, body, url) {
  return {
    status,
    headers,
    body,
    url,
    text: () => new TextDecoder().decode(body),
    json: () => JSON.parse(new TextDecoder().decode(body))
  };
}
async function readBounded(res, maxBytes, what) {
  const declared = res.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    await res.body?.cancel().catch(() => void 0);
    throw new TransportError(
      "RESPONSE_TOO_LARGE",
      `${what}: response of ${declared} bytes exceeds the limit of ${maxBytes} bytes`
    );
  }
  if (res.body === null) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks = [];
  let total = 0;
  for (; ; ) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (err) {
      throw new TransportError(
        "NETWORK",
        `${what}: reading the response failed: ${networkReason(err)}`,
        {
          cause: err
        }
      );
    }
    const { done, value } = chunk;
    if (done) {
      await new Promise((resolve) => setImmediate(resolve));
      break;
    }
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => void 0);
      throw new TransportError(
        "RESPONSE_TOO_LARGE",
        `${what}: response exceeds the limit of ${maxBytes} bytes`
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
var DISCARD_LIMIT = 64 * 1024;
async function discardBody(res) {
  if (res.body === null) {
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > DISCARD_LIMIT) {
    await res.body.cancel().catch(() => void 0);
    return;
  }
  const reader = res.body.getReader();
  try {
    for (let total = 0; ; ) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > DISCARD_LIMIT) {
        await reader.cancel().catch(() => void 0);
        return;
      }
    }
  } catch {
    await reader.cancel().catch(() => void 0);
  }
}
var defaultSleep = (ms) => new Promise((r) => setTimeout(r, ms));
var sharedPool;
var proxiesLogged = /* @__PURE__ */ new Set();
function createTransport(options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const sleep = options.sleep ?? defaultSleep;
  const pool = options.fetchImpl ? void 0 : sharedPool ??= createDispatcherPool();
  const doFetch = options.fetchImpl ?? import_undici2.fetch;
  const userAgent = options.userAgent ?? USER_AGENT;
  function routeFor(url) {
    const route = pool?.routeFor(url);
    if (route?.proxy !== void 0 && !proxiesLogged.has(route.proxy)) {
      proxiesLogged.add(route.proxy);
      options.logger?.info(`using proxy ${route.proxy} for ${url.protocol}// requests`);
    }
    return route;
  }
  async function once(req, url, headers, method, body) {
    const timeoutMs = req.timeoutMs ?? opts.timeoutMs;
    const route = routeFor(url);
    const via = route?.proxy === void 0 ? "" : ` (via proxy ${route.proxy})`;
    try {
      const init = {
        method,
        headers,
        body: body === void 0 ? void 0 : typeof body === "string" ? body : Buffer.from(body),
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        ...route === void 0 ? {} : { dispatcher: route.dispatcher }
      };
      return await doFetch(url, init);
    } catch (err) {
      const name = err.name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new TransportError(
          "TIMEOUT",
          `${method} ${redactUrl(url)}${via} timed out after ${timeoutMs} ms`,
          { cause: err }
        );
      }
      throw new TransportError(
        "NETWORK",
        `${method} ${redactUrl(url)}${via} failed: ${networkReason(err)}`,
        { cause: err }
      );
    }
  }
  async function attemptWithRedirects(req) {
    let url = new URL(req.url);
    let method = req.method;
    let body = req.body;
    const startOrigin = url.origin;
    const headers = { "user-agent": userAgent, ...req.headers };
    const maxBytes = req.maxBytes ?? opts.maxBytes;
    for (let hop = 0; ; hop++) {
      const res = await once(req, url, headers, method, body);
      const location = res.headers.get("location");
      const isRedirect = [301, 302, 303, 307, 308].includes(res.status) && location !== null;
      if (!isRedirect || req.followRedirects === false) {
        const bytes = method === "HEAD" ? (await discardBody(res), new Uint8Array(0)) : await readBounded(res, maxBytes, `${method} ${redactUrl(url)}`);
        return responseOf(res.status, res.headers, bytes, url.toString());
      }
      await discardBody(res);
      if (hop >= MAX_REDIRECTS) {
        throw new TransportError(
          "TOO_MANY_REDIRECTS",
          `${req.method} ${redactUrl(req.url)}: more than ${MAX_REDIRECTS} redirects`
        );
      }
      const next = new URL(location, url);
      req.beforeRedirect?.(url, next);
      if (next.origin !== startOrigin) {
        for (const k of Object.keys(headers)) {
          if (k.toLowerCase() === "authorization" || k.toLowerCase() === "cookie") delete headers[k];
        }
      }
      if (res.status === 303 || (res.status === 301 || res.status === 302) && method === "POST") {
        method = "GET";
        body = void 0;
      }
      url = next;
    }
  }
  return {
    preconnect(url) {
      try {
        pool?.preconnect(new URL(url));
      } catch (err) {
        options.logger?.debug(`preconnect ${redactUrl(url)}: ${String(err)}`);
      }
    },
    async request(req) {
      const maxAttempts = req.retry === false ? 1 : opts.maxAttempts;
      for (let attempt = 1; ; attempt++) {
        const started = Date.now();
        let res;
        let error;
        try {
          res = await attemptWithRedirects(req);
        } catch (err) {
          error = err;
        }
        const event = {
          method: req.method,
          url: redactUrl(req.url),
          status: res?.status ?? "error",
          attempt,
          durationMs: Date.now() - started
        };
        opts.onRequest?.(event);
        options.logger?.debug(
          `http ${event.method} ${event.url} -> ${event.status} (attempt ${attempt}, ${event.durationMs} ms)`
        );
        const transientError = error instanceof TransportError && (error.code === "NETWORK" || error.code === "TIMEOUT");
        const transientStatus = res !== void 0 && isRetryableStatus(res.status);
        if (!transientError && !transientStatus || attempt >= maxAttempts) {
          if (error !== void 0) throw error;
          return res;
        }
        const backoff = Math.min(
          opts.maxDelayMs,
          opts.baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5)
        );
        const hinted = res === void 0 ? void 0 : retryAfterMs(res.headers);
        await sleep(Math.min(opts.maxDelayMs, hinted ?? backoff));
      }
    }
  };
}
function networkReason(err) {
  let innermost = err;
  for (let depth = 0; depth < 5; depth++) {
    const cause = innermost?.cause;
    if (cause === void 0 || cause === null) break;
    innermost = cause;
  }
  const { code, message } = innermost;
  if (typeof code === "string" && code !== "UND_ERR_ABORTED") return code;
  if (typeof message === "string" && message !== "") return message;
  return err instanceof Error ? err.message : String(err);
}

export {
  TransportError,
  isRetryableStatus,
  retryAfterMs,
  redactUrl,
  createTransport
};
