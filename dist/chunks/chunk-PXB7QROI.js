#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  EKU_OID,
  SigningError,
  algorithmForKeySpec,
  algorithmFromCose,
  algorithmFromJws,
  algorithmInfo,
  goNameString,
  hashForAlgorithm,
  keySpecOfKey,
  parseCertificate,
  parseKeyVaultId,
  parsePemBlocks,
  pemToCertificates,
  signRaw,
  signatureCheck,
  validateCodeSigningChain,
  validateTimestampingChain,
  verifyRaw,
  weakSignatureAlgorithm
} from "./chunk-GVFE32M3.js";
import {
  DEFAULT_API_VERSION,
  KNOWN_API_VERSIONS
} from "./chunk-YNTFKTG7.js";
import {
  checkArtifactSigningEndpoint,
  require_build,
  require_build2
} from "./chunk-J5PFMCSY.js";
import {
  TransportError,
  createTransport,
  isRetryableStatus,
  redactUrl,
  retryAfterMs
} from "./chunk-IBQZBEKA.js";
import {
  ActionError,
  ConfigError,
  formatCauseChain,
  silentLogger
} from "./chunk-SDPK7C2D.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-2ZTQXNXN.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path3) {
      const ctrl = callVisitor(key, node, visitor, path3);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path3, ctrl);
        return visit_(key, ctrl, visitor, path3);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path3 = Object.freeze(path3.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path3);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path3 = Object.freeze(path3.concat(node));
          const ck = visit_("key", node.key, visitor, path3);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path3);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path3) {
      const ctrl = await callVisitor(key, node, visitor, path3);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path3, ctrl);
        return visitAsync_(key, ctrl, visitor, path3);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path3 = Object.freeze(path3.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path3);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path3 = Object.freeze(path3.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path3);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path3);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path3) {
      if (typeof visitor === "function")
        return visitor(key, node, path3);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path3);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path3);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path3);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path3);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path3);
      return void 0;
    }
    function replaceNode(key, path3, node) {
      const parent = path3[path3.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path3, value) {
      let v = value;
      for (let i = path3.length - 1; i >= 0; --i) {
        const k = path3[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path3) => path3 == null || typeof path3 === "object" && !!path3[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path3, value) {
        if (isEmptyPath(path3))
          this.add(value);
        else {
          const [key, ...rest] = path3;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path3) {
        const [key, ...rest] = path3;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path3, keepScalar) {
        const [key, ...rest] = path3;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path3) {
        const [key, ...rest] = path3;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path3, value) {
        const [key, ...rest] = path3;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold2 = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold2 === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold2])
            res += `${text[fold2]}\\`;
          res += `
${indent}${text.slice(fold2 + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set3 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set3.items.push(Pair.createPair(value, null, ctx));
          }
        return set3;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set2 = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set2 = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set2.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set2 = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set2.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set2.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path3, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path3, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path3) {
        if (Collection.isEmptyPath(path3)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path3) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path3, keepScalar) {
        if (Collection.isEmptyPath(path3))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path3, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path3) {
        if (Collection.isEmptyPath(path3))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path3) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path3, value) {
        if (Collection.isEmptyPath(path3)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path3), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path3, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message2) {
        super();
        this.name = name;
        this.code = code;
        this.message = message2;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message2) {
        super("YAMLParseError", pos, code, message2);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message2) {
        super("YAMLWarning", pos, code, message2);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message2 = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message2);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message2 = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message2);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message2 = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message2);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message2 = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message2);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message2 = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message2);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message2 = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message2);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold: fold2, offset } = foldNewline(source, i);
          res += fold2;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold2 = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold2 += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold2)
        fold2 = " ";
      return { fold: fold2, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message2 = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message2);
          }
          break;
        default: {
          const message2 = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message2);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message2, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message2));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message2));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message2, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message2, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message2) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message2);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message2);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head2 = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head2 }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head2 = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head2;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head2 }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path3) => {
      let item = cst;
      for (const [field, index] of path3) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path3) => {
      const parent = visit.itemAtPath(cst, path3.slice(0, -1));
      const field = path3[path3.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path3, item, visitor) {
      let ctrl = visitor(item, path3);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path3.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path3);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path3) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message2 = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message: message2, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message2 = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message: message2 };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/config/config.ts
var MICROSOFT_TSA_URL = "http://timestamp.acs.microsoft.com/";
var DEFAULT_MAX_SIGNATURES = 100;
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
    raw["allow-untrusted-endpoint"],
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
      timeoutMs: parseDuration("artifact-signing-timeout", raw["artifact-signing-timeout"] || "60s") * 1e3
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
      if (raw[n] !== "")
        throw new ConfigError(
          "INPUT_NOT_APPLICABLE",
          `input ${n} applies to Artifact Signing only, but ${signer.kind === "local-key" ? "a local key" : "Azure Key Vault"} is used`
        );
    }
  }
  if (signer.kind === "local-key" && raw["allow-untrusted-endpoint"] !== "") {
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
    "cose"
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
      "image-manifest-legacy"
    ),
    ...raw.expiry === "" ? {} : { expirySeconds: parseDuration("expiry", raw.expiry) },
    userMetadata: parseUserMetadata("user-metadata", raw["user-metadata"]),
    referrers: parseChoice(
      "referrers",
      raw.referrers,
      ["auto", "api", "tag"],
      "auto"
    ),
    recursive: parseBoolean("recursive", raw.recursive, false),
    skipIfSigned: parseBoolean("skip-if-signed", raw["skip-if-signed"], false),
    registry: registryConfig(raw),
    ...verify === void 0 ? {} : { verify },
    concurrency: parseInteger("concurrency", raw.concurrency, 4, 1, 32),
    showSummary: parseBoolean("show-summary", raw["show-summary"], true)
  };
}
function parseVerifyConfig(raw) {
  const images = requireImages(raw);
  return {
    images,
    verify: verifyConfig(raw, true),
    azure: azureConfig(raw),
    registry: registryConfig(raw),
    concurrency: parseInteger("concurrency", raw.concurrency, 4, 1, 32),
    showSummary: parseBoolean("show-summary", raw["show-summary"], true)
  };
}

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
function readRawInputs(names, getInput) {
  const raw = {};
  for (const name of names) raw[name] = getInput(name).trim();
  return raw;
}

// src/notary/constants.ts
var MEDIA_TYPE = {
  notaryPayload: "application/vnd.cncf.notary.payload.v1+json",
  cose: "application/cose",
  jws: "application/jose+json",
  notarySignature: "application/vnd.cncf.notary.signature",
  ociEmpty: "application/vnd.oci.empty.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociArtifactManifest: "application/vnd.oci.artifact.manifest.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json"
};
var EMPTY_CONFIG = {
  bytes: new Uint8Array([123, 125]),
  digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
  size: 2,
  base64: "e30="
};
var ANNOTATION = {
  thumbprints: "io.cncf.notary.x509chain.thumbprint#S256",
  created: "org.opencontainers.image.created"
};
var SIGNING_SCHEME = {
  x509: "notary.x509",
  signingAuthority: "notary.x509.signingAuthority"
};

// src/oci/digest.ts
import { createHash } from "node:crypto";

// src/oci/errors.ts
var RegistryError = class extends ActionError {
  status;
  registryCode;
  constructor(code, message2, options = {}) {
    super(code, message2, {
      ...options.cause === void 0 ? {} : { cause: options.cause },
      ...options.remedy === void 0 ? {} : { remedy: options.remedy }
    });
    if (options.status !== void 0) this.status = options.status;
    if (options.registryCode !== void 0) this.registryCode = options.registryCode;
  }
};

// src/oci/digest.ts
var HEX_LENGTH = { sha256: 64, sha512: 128 };
var ZERO_DIGEST = `sha256:${"0".repeat(64)}`;
function isDigest(value) {
  return tryParseDigest(value) !== void 0;
}
function tryParseDigest(value) {
  const m = /^(sha256|sha512):([0-9a-f]+)$/.exec(value);
  if (m === null) return void 0;
  const algorithm = m[1];
  const hex = m[2];
  return hex.length === HEX_LENGTH[algorithm] ? { algorithm, hex } : void 0;
}
function parseDigest(value, what = "digest") {
  const parsed = tryParseDigest(value);
  if (parsed !== void 0) return parsed;
  const shown = value.length > 140 ? `${value.slice(0, 140)}\u2026` : value;
  throw new RegistryError(
    "DIGEST_INVALID",
    `${what} "${shown}" is not a valid digest: expected sha256:<64 hex> or sha512:<128 hex>`
  );
}
function digestOf(bytes, algorithm = "sha256") {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest("hex")}`;
}
function verifyDigest(bytes, expected, what) {
  const { algorithm } = parseDigest(expected, `digest of ${what}`);
  const actual = digestOf(bytes, algorithm);
  if (actual !== expected) {
    throw new RegistryError(
      "DIGEST_MISMATCH",
      `${what}: content hashes to ${actual}, expected ${expected}`
    );
  }
}

// src/oci/manifest.ts
var MANIFEST_ACCEPT = [
  MEDIA_TYPE.ociManifest,
  MEDIA_TYPE.ociIndex,
  MEDIA_TYPE.dockerManifest,
  MEDIA_TYPE.dockerManifestList,
  MEDIA_TYPE.ociArtifactManifest
].join(", ");
var LIMITS = {
  manifestBytes: 4 * 1024 * 1024,
  envelopeBytes: 32 * 1024 * 1024,
  referrersListingBytes: 4 * 1024 * 1024
};
function fail(what, problem) {
  throw new RegistryError("MANIFEST_INVALID", `${what}: ${problem}`);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function stringMap(value, what) {
  if (!isRecord(value)) fail(what, "expected an object of strings");
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string") fail(what, `annotation "${k}" is not a string`);
  }
  return value;
}
function toDescriptor(value, what) {
  if (!isRecord(value)) fail(what, "expected a descriptor object");
  const { mediaType: mediaType2, digest: digest2, size, annotations, artifactType } = value;
  if (typeof mediaType2 !== "string" || mediaType2.length === 0) fail(what, '"mediaType" is missing');
  if (typeof digest2 !== "string") fail(what, '"digest" is missing');
  try {
    parseDigest(digest2);
  } catch (err) {
    throw new RegistryError(
      "MANIFEST_INVALID",
      `${what}: "digest" ${digest2} is not a valid digest`,
      {
        cause: err
      }
    );
  }
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    fail(what, '"size" must be a non-negative integer');
  }
  if (annotations !== void 0) stringMap(annotations, `${what} annotations`);
  if (artifactType !== void 0 && typeof artifactType !== "string") {
    fail(what, '"artifactType" must be a string');
  }
  return value;
}
function parseJsonObject(bytes, what) {
  let json;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new RegistryError("MANIFEST_INVALID", `${what} is not valid JSON`, { cause: err });
  }
  if (!isRecord(json)) fail(what, "expected a JSON object");
  return json;
}
function common(json, what) {
  if (json.schemaVersion !== 2)
    fail(what, `"schemaVersion" must be 2, got ${String(json.schemaVersion)}`);
  if (json.mediaType !== void 0 && typeof json.mediaType !== "string") {
    fail(what, '"mediaType" must be a string');
  }
  if (json.artifactType !== void 0 && typeof json.artifactType !== "string") {
    fail(what, '"artifactType" must be a string');
  }
  if (json.subject !== void 0) toDescriptor(json.subject, `${what} subject`);
  if (json.annotations !== void 0) stringMap(json.annotations, `${what} annotations`);
}
function toImageManifest(json, what = "manifest") {
  common(json, what);
  if (!Array.isArray(json.layers)) fail(what, '"layers" must be an array');
  toDescriptor(json.config, `${what} config`);
  json.layers.forEach((l, i) => toDescriptor(l, `${what} layers[${i}]`));
  return json;
}
function toImageIndex(json, what = "index") {
  common(json, what);
  if (!Array.isArray(json.manifests)) fail(what, '"manifests" must be an array');
  json.manifests.forEach((m, i) => toDescriptor(m, `${what} manifests[${i}]`));
  return json;
}
function referrersTag(subjectDigest) {
  const { algorithm, hex } = parseDigest(subjectDigest, "subject digest");
  return `${algorithm.slice(0, 32)}-${hex.slice(0, 64)}`;
}
function referrerDescriptor(manifest, mediaType2, digest2, size) {
  const artifactType = manifest.artifactType ?? manifest.config.mediaType;
  return {
    mediaType: mediaType2,
    digest: digest2,
    size,
    artifactType,
    ...manifest.annotations === void 0 ? {} : { annotations: { ...manifest.annotations } }
  };
}
function mergeReferrers(existing, added) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const d of [...existing, ...added]) {
    if (seen.has(d.digest)) continue;
    seen.add(d.digest);
    out.push(d);
  }
  return out;
}
function encodeReferrersIndex(manifests) {
  return new TextEncoder().encode(
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests })
  );
}

// src/verify/errors.ts
function formatProblems(problems) {
  return problems.map((p) => p.path === "" ? p.message : `${p.path}: ${p.message}`).join("\n");
}
var VerificationError = class extends ActionError {
};
var PolicyError = class extends VerificationError {
  problems;
  constructor(code, message2, options) {
    super(code, message2, options);
    this.problems = options?.problems ?? [];
  }
};
var TrustStoreError = class extends VerificationError {
  problems;
  constructor(code, message2, options) {
    super(code, message2, options);
    this.problems = options?.problems ?? [];
  }
};

// src/verify/load-policy.ts
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";

// src/verify/policy.ts
var import_yaml = __toESM(require_dist(), 1);

// src/verify/identity.ts
var X509_SUBJECT_PREFIX = "x509.subject";
var WILDCARD = "*";
var MANDATORY = ["C", "ST", "O"];
function stripSpaces(input) {
  let out = input.replace(/^ +/, "").replace(/ +$/, "");
  if (out.endsWith("\\") && input.endsWith(" ")) out += " ";
  return out;
}
var SPECIAL = /* @__PURE__ */ new Set([" ", '"', "#", "+", ",", ";", "<", "=", ">", "\\"]);
var utf8 = new TextEncoder();
function decodeString(raw) {
  const chars = Array.from(stripSpaces(raw));
  const bytes = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch !== "\\") {
      bytes.push(...utf8.encode(ch));
      continue;
    }
    const next = chars[i + 1];
    if (next === void 0) throw new Error(`got corrupted escaped character: '${chars.join("")}'`);
    if (SPECIAL.has(next)) {
      bytes.push(...utf8.encode(next));
      i++;
      continue;
    }
    const pair = chars.slice(i + 1, i + 3).join("");
    if (i + 2 >= chars.length) {
      throw new Error(`failed to decode escaped character: encoding/hex: invalid byte: ${next}`);
    }
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
      throw new Error(`failed to decode escaped character: encoding/hex: invalid byte in "${pair}"`);
    }
    bytes.push(parseInt(pair, 16));
    i += 2;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
function parseLdapDn(str) {
  const rdns = [];
  if (str.trim() === "") return rdns;
  let rdn = [];
  let type = "";
  let escaping = false;
  let start = 0;
  const setValue = (s) => {
    if (s.startsWith("#")) throw new Error("hex-encoded (BER) attribute values are not supported");
    return decodeString(s);
  };
  for (let i = 0; i < str.length; i++) {
    const ch = str[i];
    if (escaping) {
      escaping = false;
    } else if (ch === "\\") {
      escaping = true;
    } else if (ch === "=" && type.length === 0) {
      type = decodeString(str.slice(start, i));
      start = i + 1;
    } else if (ch === "," || ch === "+" || ch === ";") {
      if (type.length === 0) throw new Error("incomplete type, value pair");
      rdn.push({ type, value: setValue(str.slice(start, i)) });
      type = "";
      start = i + 1;
      if (ch !== "+") {
        rdns.push(rdn);
        rdn = [];
      }
    }
  }
  if (type.length === 0) throw new Error("DN ended with incomplete type, value pair");
  rdn.push({ type, value: setValue(str.slice(start)) });
  rdns.push(rdn);
  return rdns;
}
function parseDistinguishedName(name) {
  if (name.includes("=#")) {
    return {
      ok: false,
      reason: `unsupported distinguished name (DN) ${JSON.stringify(name)}: notation does not support x509.subject identities containing "=#"`
    };
  }
  let rdns;
  try {
    rdns = parseLdapDn(name);
  } catch (err) {
    return {
      ok: false,
      reason: `parsing distinguished name (DN) ${JSON.stringify(name)} failed with err: ${err.message}. A valid DN must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum, and follow RFC 4514 standard`
    };
  }
  const attributes2 = /* @__PURE__ */ new Map();
  for (const rdn of rdns) {
    if (rdn.length > 1) {
      return {
        ok: false,
        reason: `distinguished name (DN) ${JSON.stringify(name)} has multi-valued RDN attributes, remove multi-valued RDN attributes as they are not supported`
      };
    }
    for (const attr of rdn) {
      const type = attr.type === "S" ? "ST" : attr.type;
      if ((attributes2.get(type) ?? "") === "") {
        attributes2.set(type, attr.value);
      } else {
        return {
          ok: false,
          reason: `distinguished name (DN) ${JSON.stringify(name)} has duplicate RDN attribute for "${type}", DN can only have unique RDN attributes`
        };
      }
    }
  }
  for (const field of MANDATORY) {
    if ((attributes2.get(field) ?? "") === "") {
      return {
        ok: false,
        reason: `distinguished name (DN) ${JSON.stringify(name)} has no mandatory RDN attribute for "${field}", it must contain 'C', 'ST' or 'S', and 'O' RDN attributes at a minimum`
      };
    }
  }
  return { ok: true, attributes: attributes2 };
}
function isSubsetDn(a, b) {
  for (const [key, value] of a) if ((b.get(key) ?? "") !== value) return false;
  return true;
}
function formatDn(attributes2) {
  return [...attributes2].map(([k, v]) => `${k}=${v}`).join(", ");
}
function parseTrustedIdentities(entries) {
  const problems = [];
  if (entries.includes(WILDCARD)) {
    if (entries.length > 1) {
      problems.push({
        message: `a wildcard trusted identity '*' cannot be used in conjunction with other values`
      });
    }
    return { identities: { wildcard: true }, problems };
  }
  const x509Subjects = [];
  const indexes = [];
  const ignored = [];
  entries.forEach((entry, index) => {
    if (entry === "") {
      problems.push({ index, message: "empty trusted identity" });
      return;
    }
    const colon = entry.indexOf(":");
    if (colon < 0) {
      problems.push({
        index,
        message: `trusted identity ${JSON.stringify(entry)} missing separator`
      });
      return;
    }
    const prefix = entry.slice(0, colon);
    const value = entry.slice(colon + 1);
    if (prefix !== X509_SUBJECT_PREFIX) {
      ignored.push(entry);
      return;
    }
    if (value === "") {
      problems.push({
        index,
        message: `trusted identity ${JSON.stringify(entry)} without an identity value`
      });
      return;
    }
    const parsed = parseDistinguishedName(value);
    if (!parsed.ok) {
      problems.push({
        index,
        message: `trusted identity ${JSON.stringify(entry)} with invalid identity value: ${parsed.reason}`
      });
      return;
    }
    x509Subjects.push({ raw: entry, attributes: parsed.attributes });
    indexes.push(index);
  });
  for (let i = 0; i < x509Subjects.length; i++) {
    for (let j = 0; j < x509Subjects.length; j++) {
      const a = x509Subjects[i];
      const b = x509Subjects[j];
      if (i !== j && isSubsetDn(a.attributes, b.attributes)) {
        problems.push({
          index: indexes[i],
          message: `overlapping x509 trustedIdentities, ${JSON.stringify(a.raw)} overlaps with ${JSON.stringify(b.raw)}`
        });
        break;
      }
    }
  }
  return { identities: { wildcard: false, x509Subjects, ignored }, problems };
}
function matchTrustedIdentity(identities, leafSubject, policyName) {
  if (identities.wildcard) return { ok: true };
  if (identities.x509Subjects.length === 0) {
    return {
      ok: false,
      reason: `no x509 trusted identities are configured in the trust policy "${policyName}"`
    };
  }
  const subject = goNameString(leafSubject);
  const leaf = parseDistinguishedName(subject);
  if (!leaf.ok) {
    return {
      ok: false,
      reason: `error while parsing the certificate subject from the digital signature. error : ${leaf.reason}`
    };
  }
  for (const identity of identities.x509Subjects) {
    if (isSubsetDn(identity.attributes, leaf.attributes)) return { ok: true, matched: identity };
  }
  const wanted = identities.x509Subjects.map((i) => `[${formatDn(i.attributes)}]`).join(" ");
  return {
    ok: false,
    reason: `signing certificate from the digital signature ("${subject}") does not match the X.509 trusted identities ${wanted} defined in the trust policy "${policyName}"`
  };
}

// src/verify/levels.ts
var VALIDATION_TYPES = [
  "integrity",
  "authenticity",
  "authenticTimestamp",
  "expiry",
  "revocation"
];
var VALIDATION_ACTIONS = ["enforce", "log", "skip"];
var LEVEL_NAMES = ["strict", "permissive", "audit", "skip"];
var LEVELS = {
  strict: {
    name: "strict",
    enforcement: {
      integrity: "enforce",
      authenticity: "enforce",
      authenticTimestamp: "enforce",
      expiry: "enforce",
      revocation: "enforce"
    }
  },
  permissive: {
    name: "permissive",
    enforcement: {
      integrity: "enforce",
      authenticity: "enforce",
      authenticTimestamp: "log",
      expiry: "log",
      revocation: "log"
    }
  },
  audit: {
    name: "audit",
    enforcement: {
      integrity: "enforce",
      authenticity: "log",
      authenticTimestamp: "log",
      expiry: "log",
      revocation: "log"
    }
  },
  skip: {
    name: "skip",
    enforcement: {
      integrity: "skip",
      authenticity: "skip",
      authenticTimestamp: "skip",
      expiry: "skip",
      revocation: "skip"
    }
  }
};
var isLevelName = (s) => LEVEL_NAMES.includes(s);
var isValidationType = (s) => VALIDATION_TYPES.includes(s);
var isValidationAction = (s) => VALIDATION_ACTIONS.includes(s);
var quoteList = (xs) => `[${xs.map((x) => `"${x}"`).join(" ")}]`;
function overridePath(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `override.${key}` : `override[${JSON.stringify(key)}]`;
}
function resolveVerificationLevel(level, override = {}) {
  const problems = [];
  if (level === "") {
    return {
      ok: false,
      problems: [
        {
          path: "level",
          message: "signature verification level is empty or missing in the trust policy statement"
        }
      ]
    };
  }
  if (!isLevelName(level)) {
    return {
      ok: false,
      problems: [
        {
          path: "level",
          message: `invalid signature verification level "${level}", supported values are ${quoteList(LEVEL_NAMES)}`
        }
      ]
    };
  }
  const base = LEVELS[level];
  const entries = Object.entries(override);
  if (entries.length === 0) return { ok: true, level: base };
  if (level === "skip") {
    return {
      ok: false,
      problems: [
        {
          path: "override",
          message: `signature verification level "skip" can't be used to customize signature verification`
        }
      ]
    };
  }
  const enforcement = { ...base.enforcement };
  for (const [key, value] of entries) {
    const path3 = overridePath(key);
    if (!isValidationType(key)) {
      problems.push({
        path: path3,
        message: `verification type "${key}" in custom signature verification is not supported, supported values are ${quoteList(VALIDATION_TYPES)}`
      });
      continue;
    }
    if (!isValidationAction(value)) {
      problems.push({
        path: path3,
        message: `verification action "${value}" in custom signature verification is not supported, supported values are ${quoteList(VALIDATION_ACTIONS)}`
      });
      continue;
    }
    if (key === "integrity") {
      problems.push({
        path: path3,
        message: `"integrity" verification can not be overridden in custom signature verification`
      });
      continue;
    }
    if (key !== "revocation" && value === "skip") {
      problems.push({
        path: path3,
        message: `"${key}" verification can not be skipped in custom signature verification`
      });
      continue;
    }
    enforcement[key] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, level: { name: "custom", enforcement } };
}

// src/verify/trust-store.ts
var asn1js = __toESM(require_build(), 1);
var TRUST_STORE_TYPES = ["ca", "signingAuthority", "tsa"];
var STORE_NAME = /^[a-zA-Z0-9_.-]+$/;
function isValidStoreName(name) {
  return STORE_NAME.test(name);
}
function isTrustStoreType(s) {
  return TRUST_STORE_TYPES.includes(s);
}
function certificateVersion(der) {
  const parsed = asn1js.fromBER(der);
  const cert = parsed.result;
  if (!(cert instanceof asn1js.Sequence)) return 1;
  const tbs = cert.valueBlock.value[0];
  if (!(tbs instanceof asn1js.Sequence)) return 1;
  const first = tbs.valueBlock.value[0];
  if (first?.idBlock.tagClass === 3 && first.idBlock.tagNumber === 0) {
    const inner = first.valueBlock.value[0];
    if (inner instanceof asn1js.Integer) return inner.valueBlock.valueDec + 1;
  }
  return 1;
}
var isCA = (c) => c.basicConstraints.present && c.basicConstraints.cA;
function verifiesWithOwnKey(c) {
  const weak = weakSignatureAlgorithm(c);
  if (weak !== void 0 && weak.startsWith("md")) return false;
  try {
    return c.x509.verify(c.publicKey);
  } catch {
    return false;
  }
}
function trustedCertificateProblem(der, type) {
  let cert;
  try {
    cert = parseCertificate(der);
  } catch (err) {
    return `not a valid X.509 certificate: ${err.message}`;
  }
  if (!isCA(cert) && !verifiesWithOwnKey(cert)) {
    return `certificate with subject "${cert.subject}" is not a CA certificate or self-signed signing certificate`;
  }
  if (type === "tsa") {
    const v3 = certificateVersion(cert.der) === 3;
    const constraintOk = !(v3 && !cert.basicConstraints.present) && !(cert.basicConstraints.present && !cert.basicConstraints.cA) && !(cert.keyUsage.flags.length > 0 && !cert.keyUsage.flags.includes("keyCertSign"));
    if (!constraintOk) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: x509: invalid signature: parent certificate cannot sign this kind of certificate`;
    }
    if (weakSignatureAlgorithm(cert) !== void 0) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: it is signed with the insecure algorithm ${weakSignatureAlgorithm(cert)}`;
    }
    if (!verifiesWithOwnKey(cert)) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: its signature does not verify with its own key`;
    }
    if (!cert.selfIssued) {
      return `certificate with subject "${cert.subject}" is not a root CA certificate: issuer (${cert.issuer}) and subject (${cert.subject}) are not the same`;
    }
  }
  return void 0;
}
function buildTrustStore(stores) {
  const problems = [];
  const out = {
    ca: /* @__PURE__ */ new Map(),
    signingAuthority: /* @__PURE__ */ new Map(),
    tsa: /* @__PURE__ */ new Map()
  };
  for (const store of stores) {
    const label = `${store.type}:${store.name}`;
    if (!isTrustStoreType(store.type)) {
      problems.push({
        path: label,
        message: `unsupported trust store type "${String(store.type)}", supported types are "ca", "signingAuthority" and "tsa"`
      });
      continue;
    }
    if (!isValidStoreName(store.name)) {
      problems.push({
        path: label,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${store.name}" is invalid`
      });
      continue;
    }
    const list = out[store.type].get(store.name) ?? [];
    for (const c of store.certificates) {
      const problem = trustedCertificateProblem(c.der, store.type);
      if (problem !== void 0) problems.push({ path: c.source, message: problem });
      else list.push(c.der);
    }
    out[store.type].set(store.name, list);
  }
  if (problems.length > 0) {
    throw new TrustStoreError(
      "TRUST_STORE_INVALID",
      `trust store is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):
${formatProblems(problems)}`,
      {
        problems,
        remedy: "Trust stores hold CA or self-signed certificates only; a tsa store holds self-signed root CA certificates."
      }
    );
  }
  return out;
}
function trustedCertificatesFor(store, references, type) {
  const seen = /* @__PURE__ */ new Set();
  const certificates = [];
  for (const ref of references) {
    if (ref.type !== type || seen.has(ref.name)) continue;
    seen.add(ref.name);
    const certs = store[type].get(ref.name);
    if (certs === void 0 || certs.length === 0) {
      return { ok: false, error: storeNotFound(store, [{ type, name: ref.name }]) };
    }
    certificates.push(...certs);
  }
  return { ok: true, certificates };
}
function storeNames(store) {
  const names = new Set(store.inventory?.stores ?? []);
  for (const type of TRUST_STORE_TYPES)
    for (const name of store[type].keys()) names.add(`${type}:${name}`);
  return [...names].sort();
}
function unusableStores(store, references) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const ref of references) {
    const key = `${ref.type}:${ref.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if ((store[ref.type].get(ref.name)?.length ?? 0) === 0) out.push(ref);
  }
  return out;
}
function storeNotFound(store, missing, context = "") {
  const existing = storeNames(store);
  const what = missing.map((ref) => {
    if (store[ref.type].has(ref.name))
      return `no x509 certificates were found in trust store "${ref.name}" of type "${ref.type}"`;
    const near = existing.find((n) => looselyEqual(n, `${ref.type}:${ref.name}`));
    return `the trust store "${ref.name}" of type "${ref.type}" does not exist${near === void 0 ? "" : ` (did you mean ${near}?)`}`;
  });
  const available = existing.length === 0 ? "the trust-store input has no stores" : `the trust-store input has ${existing.join(", ")}`;
  const misplaced = store.inventory?.misplaced ?? [];
  const hint = misplaced.length === 0 ? "" : `; ${misplaced.join(", ")} ${misplaced.length === 1 ? "is a file" : "are files"} where a store directory belongs: certificates go one level deeper, in x509/<type>/<name>/ (e.g. ${placeFor(misplaced[0], missing[0])})`;
  return new TrustStoreError(
    "TRUST_STORE_NOT_FOUND",
    `${context}${what.join("; ")} (${available}${hint})`,
    {
      remedy: `Check the trustStores names of the trust policy against the trust store (names must match exactly), or provide ${missing.map((r) => `"${r.type}:${r.name}"`).join(", ")} in the trust-store input.`
    }
  );
}
function looselyEqual(a, b) {
  const fold2 = (s) => s.toLowerCase().replace(/[-_.]/g, "");
  return fold2(a) === fold2(b);
}
function placeFor(file, wanted) {
  const parts = file.split("/");
  const base = parts.pop();
  const type = parts[1] ?? wanted?.type ?? "<type>";
  const name = wanted !== void 0 && wanted.type === type ? wanted.name : "<name>";
  return `x509/${type}/${name}/${base}`;
}
function hasTsaStore(references) {
  return references.some((r) => r.type === "tsa");
}

// src/verify/policy.ts
var SUPPORTED_POLICY_VERSIONS = ["1.0"];
var MAX_YAML_ALIASES = 100;
var POLICY_REMEDY = "Fix the listed fields; see https://github.com/notaryproject/specifications/blob/main/specs/trust-store-trust-policy.md";
function detectPolicyFormat(text) {
  return text.trimStart().startsWith("{") ? "json" : "yaml";
}
function malformedPolicy(source, problems, remedy, cause) {
  return new PolicyError("POLICY_INVALID", `${source} is malformed:
${formatProblems(problems)}`, {
    problems,
    remedy,
    ...cause === void 0 ? {} : { cause }
  });
}
function parseJsonPolicy(text, source) {
  const remedy = "Give the trust policy as a strict JSON document (RFC 8259), as notation reads it.";
  if (text.startsWith("\uFEFF")) {
    throw malformedPolicy(
      source,
      [
        {
          path: "",
          message: "not valid JSON: starts with a byte order mark (U+FEFF), which notation rejects too"
        }
      ],
      "Save the trust policy as UTF-8 without a byte order mark."
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw malformedPolicy(source, [{ path: "", message: `not valid JSON: ${detail}` }], remedy, err);
  }
}
function parseYamlPolicy(text, source) {
  const doc = (0, import_yaml.parseDocument)(text, { uniqueKeys: false, prettyErrors: false });
  const remedy = "Give the trust policy as a JSON document (or the same structure in YAML).";
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      path: "",
      message: `not valid JSON or YAML: ${e.message}${linePos(e.linePos)}`
    }));
    throw malformedPolicy(source, problems, remedy);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    const problems = [
      {
        path: "",
        message: `YAML aliases expand beyond the limit of ${MAX_YAML_ALIASES} (a resource exhaustion attack, or a policy to write without aliases)`
      }
    ];
    throw malformedPolicy(source, problems, remedy, err);
  }
}
function parseTrustPolicy(text, options = {}) {
  const source = options.source ?? "trust policy";
  const format = options.format ?? detectPolicyFormat(text);
  const raw = format === "json" ? parseJsonPolicy(text, source) : parseYamlPolicy(text, source);
  return validateTrustPolicy(raw, options);
}
function linePos(pos) {
  const p = pos?.[0];
  return p === void 0 ? "" : ` (line ${p.line}, column ${p.col})`;
}
function validateTrustPolicy(raw, options = {}) {
  const source = options.source ?? "trust policy";
  const problems = [];
  const doc = decodeDocument(raw, problems);
  if (problems.length > 0 || doc === void 0) {
    throw new PolicyError(
      "POLICY_INVALID",
      `${source} is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):
${formatProblems(problems)}`,
      { problems, remedy: POLICY_REMEDY }
    );
  }
  return doc;
}
function selectPolicy(doc, artifactReference) {
  const at = artifactReference.lastIndexOf("@");
  if (at < 0) {
    throw new PolicyError(
      "POLICY_NOT_APPLICABLE",
      `artifact URI "${artifactReference}" could not be parsed, make sure it is the fully qualified oci artifact URI without the scheme/protocol. e.g domain.com:80/my/repository@sha256:digest`
    );
  }
  return selectPolicyForRepository(doc, artifactReference.slice(0, at), artifactReference);
}
function selectPolicyForRepository(doc, artifactPath, artifactReference = artifactPath) {
  const scopeProblem = registryScopeProblem(artifactPath);
  if (scopeProblem !== void 0) throw new PolicyError("POLICY_NOT_APPLICABLE", scopeProblem);
  let wildcard;
  let exact;
  for (const statement of doc.trustPolicies) {
    if (statement.registryScopes.includes(WILDCARD)) wildcard = statement;
    else if (statement.registryScopes.includes(artifactPath)) exact = statement;
  }
  const selected = exact ?? wildcard;
  if (selected === void 0) {
    throw new PolicyError(
      "POLICY_NOT_APPLICABLE",
      `artifact "${artifactReference}" has no applicable oci trust policy statement. Trust policy applicability for a given artifact is determined by registryScopes`,
      {
        remedy: `Add "${artifactPath}" (or "*") to the registryScopes of a trust policy statement.`
      }
    );
  }
  return selected;
}
var DOMAIN_RE = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))+)?(?::[0-9]+)?$/;
var REPOSITORY_RE = /^[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?(?:(?:\/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$/;
var SCOPE_HINT = "make sure it is a fully qualified repository without the scheme, protocol or tag. For example domain.com/my/repository or a local scope like local/myOCILayout";
function registryScopeProblem(scope) {
  if (scope.length > 1 && scope.includes("*")) {
    return `registry scope "${scope}" with wild card(s) is not valid, ${SCOPE_HINT}`;
  }
  const slash = scope.indexOf("/");
  const domain = slash < 0 ? "" : scope.slice(0, slash);
  const repository = slash < 0 ? "" : scope.slice(slash + 1);
  if (slash < 0 || domain === "" || repository === "" || !DOMAIN_RE.test(domain) || !REPOSITORY_RE.test(repository)) {
    return `registry scope "${scope}" is not a fully qualified repository, ${SCOPE_HINT}`;
  }
  return void 0;
}
function kindOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `string ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
}
function typeProblem(path3, expected, v) {
  const hint = typeof v === "number" || typeof v === "boolean" ? " (quote it in YAML)" : expected === "a string" && typeof v === "object" && v !== null && !Array.isArray(v) ? ' (in YAML, quote entries that contain ": ")' : "";
  return { path: path3, message: `expected ${expected}, got ${kindOf(v)}${hint}` };
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function getField(obj, name) {
  let value = void 0;
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) value = obj[key];
  return value;
}
function readString(v, path3, problems) {
  if (v === void 0 || v === null) return "";
  if (typeof v === "string") return v;
  problems.push(typeProblem(path3, "a string", v));
  return "";
}
function readStringArray(v, path3, problems) {
  if (v === void 0 || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push(typeProblem(path3, "an array of strings", v));
    return [];
  }
  return v.map((item, i) => readString(item, `${path3}[${i}]`, problems));
}
function readObject(v, path3, problems) {
  if (v === void 0 || v === null) return {};
  if (isObject(v)) return v;
  problems.push(typeProblem(path3, "a mapping", v));
  return {};
}
function readStringMap(v, path3, problems) {
  const obj = readObject(v, path3, problems);
  return Object.fromEntries(
    Object.entries(obj).map(([key, value]) => [key, readString(value, `${path3}.${key}`, problems)])
  );
}
function decodeDocument(raw, problems) {
  if (!isObject(raw)) {
    problems.push({
      path: "",
      message: `the trust policy must be a JSON object (a YAML mapping), got ${kindOf(raw)}`
    });
    return void 0;
  }
  const version = readString(getField(raw, "version"), "version", problems);
  const statementsRaw = getField(raw, "trustPolicies");
  let rawStatements = [];
  if (statementsRaw !== void 0 && statementsRaw !== null) {
    if (Array.isArray(statementsRaw)) rawStatements = statementsRaw;
    else problems.push(typeProblem("trustPolicies", "an array of statements", statementsRaw));
  }
  const decoded = rawStatements.map((s, i) => decodeStatement(s, `trustPolicies[${i}]`, problems));
  if (version === "") {
    if (!problems.some((p) => p.path === "version")) {
      problems.push({
        path: "version",
        message: "oci trust policy document has empty version, version must be specified"
      });
    }
  } else if (!SUPPORTED_POLICY_VERSIONS.includes(version)) {
    problems.push({
      path: "version",
      message: `oci trust policy document uses unsupported version "${version}", supported versions are ["1.0"]`
    });
  }
  if (decoded.length === 0 && !problems.some((p) => p.path === "trustPolicies")) {
    problems.push({
      path: "trustPolicies",
      message: "oci trust policy document can not have zero trust policy statements"
    });
  }
  const seenNames = /* @__PURE__ */ new Map();
  const statements = [];
  for (const st of decoded) {
    if (st.name !== "") {
      const first = seenNames.get(st.name);
      if (first !== void 0) {
        problems.push({
          path: `${st.path}.name`,
          message: `multiple oci trust policy statements use the same name "${st.name}" (also ${first}), statement names must be unique`
        });
      } else {
        seenNames.set(st.name, st.path);
      }
    }
    const statement = validateStatement(st, problems);
    if (statement !== void 0) statements.push(statement);
  }
  validateRegistryScopes(decoded, problems);
  if (problems.length > 0) return void 0;
  return { version: "1.0", trustPolicies: statements };
}
function decodeStatement(raw, path3, problems) {
  const obj = readObject(raw, path3, problems);
  const svPath = `${path3}.signatureVerification`;
  const sv = readObject(getField(obj, "signatureVerification"), svPath, problems);
  return {
    path: path3,
    name: readString(getField(obj, "name"), `${path3}.name`, problems),
    registryScopes: readStringArray(
      getField(obj, "registryScopes"),
      `${path3}.registryScopes`,
      problems
    ),
    level: readString(getField(sv, "level"), `${svPath}.level`, problems),
    override: readStringMap(getField(sv, "override"), `${svPath}.override`, problems),
    verifyTimestamp: readString(
      getField(sv, "verifyTimestamp"),
      `${svPath}.verifyTimestamp`,
      problems
    ),
    trustStores: readStringArray(getField(obj, "trustStores"), `${path3}.trustStores`, problems),
    trustedIdentities: readStringArray(
      getField(obj, "trustedIdentities"),
      `${path3}.trustedIdentities`,
      problems
    )
  };
}
function validateStatement(st, problems) {
  const before = problems.length;
  const { path: path3 } = st;
  const svPath = `${path3}.signatureVerification`;
  if (st.name === "") {
    problems.push({
      path: `${path3}.name`,
      message: "a trust policy statement is missing a name, every statement requires a name"
    });
  }
  const resolved = resolveVerificationLevel(st.level, st.override);
  if (!resolved.ok) {
    for (const p of resolved.problems)
      problems.push({ path: `${svPath}.${p.path}`, message: p.message });
  }
  if (st.verifyTimestamp !== "" && st.verifyTimestamp !== "always" && st.verifyTimestamp !== "afterCertExpiry") {
    problems.push({
      path: `${svPath}.verifyTimestamp`,
      message: `verifyTimestamp must be "always" or "afterCertExpiry", but got "${st.verifyTimestamp}"`
    });
  }
  const isSkip = st.level === "skip";
  const levelKnown = resolved.ok || ["strict", "permissive", "audit", "skip"].includes(st.level);
  if (isSkip) {
    if (st.trustStores.length > 0) {
      problems.push({
        path: `${path3}.trustStores`,
        message: "the statement is set to skip signature verification but configured with trust stores, remove them if signature verification needs to be skipped"
      });
    }
    if (st.trustedIdentities.length > 0) {
      problems.push({
        path: `${path3}.trustedIdentities`,
        message: "the statement is set to skip signature verification but configured with trusted identities, remove them if signature verification needs to be skipped"
      });
    }
    if (st.registryScopes.includes(WILDCARD)) {
      problems.push({
        path: `${path3}.signatureVerification.level`,
        message: 'level "skip" cannot be used with registry scope "*" (Notary Project specification; stricter than notation, which allows it): list the repositories to skip explicitly'
      });
    }
  } else if (levelKnown) {
    if (st.trustStores.length === 0) {
      problems.push({
        path: `${path3}.trustStores`,
        message: "missing trust stores: a statement that verifies needs trust stores and trusted identities"
      });
    }
    if (st.trustedIdentities.length === 0) {
      problems.push({
        path: `${path3}.trustedIdentities`,
        message: 'missing trusted identities: a statement that verifies needs trust stores and trusted identities (use ["*"] to accept any identity the trust stores vouch for)'
      });
    }
  }
  const trustStores = [];
  st.trustStores.forEach((entry, i) => {
    const p = `${path3}.trustStores[${i}]`;
    const colon = entry.indexOf(":");
    if (colon < 0) {
      problems.push({
        path: p,
        message: `malformed trust store value "${entry}". The required format is <TrustStoreType>:<TrustStoreName>`
      });
      return;
    }
    const type = entry.slice(0, colon);
    const name = entry.slice(colon + 1);
    if (!TRUST_STORE_TYPES.includes(type)) {
      problems.push({
        path: p,
        message: `unsupported trust store type "${type}" in trust store value "${entry}", supported types are "ca", "signingAuthority" and "tsa"`
      });
      return;
    }
    if (!isValidStoreName(name)) {
      problems.push({
        path: p,
        message: `unsupported trust store name "${name}" in trust store value "${entry}". Named store name needs to follow [a-zA-Z0-9_.-]+ format`
      });
      return;
    }
    trustStores.push({ type, name });
  });
  const { identities, problems: identityProblems } = parseTrustedIdentities(st.trustedIdentities);
  for (const ip of identityProblems) {
    problems.push({
      path: ip.index === void 0 ? `${path3}.trustedIdentities` : `${path3}.trustedIdentities[${ip.index}]`,
      message: ip.message
    });
  }
  if (problems.length > before || !resolved.ok) return void 0;
  return {
    name: st.name,
    registryScopes: st.registryScopes,
    signatureVerification: {
      level: st.level,
      override: st.override,
      verifyTimestamp: st.verifyTimestamp === "afterCertExpiry" ? "afterCertExpiry" : "always"
    },
    verificationLevel: resolved.level,
    trustStores,
    trustedIdentities: st.trustedIdentities,
    identities
  };
}
function validateRegistryScopes(statements, problems) {
  const firstSeen = /* @__PURE__ */ new Map();
  for (const st of statements) {
    const path3 = `${st.path}.registryScopes`;
    if (st.registryScopes.length === 0) {
      if (!problems.some((p) => p.path === path3)) {
        problems.push({
          path: path3,
          message: "zero registry scopes, the statement must specify registry scopes with at least one value"
        });
      }
      continue;
    }
    if (st.registryScopes.length > 1 && st.registryScopes.includes(WILDCARD)) {
      problems.push({
        path: path3,
        message: `wildcard registry scope '*' cannot be used in conjunction with other scope values`
      });
    }
    st.registryScopes.forEach((scope, i) => {
      const p = `${path3}[${i}]`;
      if (scope !== WILDCARD) {
        const reason = registryScopeProblem(scope);
        if (reason !== void 0) problems.push({ path: p, message: reason });
      }
      const first = firstSeen.get(scope);
      if (first !== void 0) {
        problems.push({
          path: p,
          message: `registry scope "${scope}" is also present at ${first}, one registry scope value can only be associated with one statement`
        });
      } else {
        firstSeen.set(scope, p);
      }
    });
  }
}

// src/verify/load-policy.ts
var MAX_POLICY_BYTES = 1024 * 1024;
var POLICY_FILE_NAMES = ["trustpolicy.oci.json", "trustpolicy.json"];
function isInlinePolicy(input) {
  const t = input.trim();
  return t.startsWith("{") || t.includes("\n");
}
function unreadable(message2, cause) {
  return new PolicyError("POLICY_UNREADABLE", message2, cause === void 0 ? void 0 : { cause });
}
async function readPolicyFile(file, inputName) {
  let info;
  try {
    info = await lstat(file);
  } catch (err) {
    throw unreadable(
      `${inputName}: cannot read "${file}": ${err.code ?? String(err)}`,
      err
    );
  }
  if (info.isSymbolicLink() || !info.isFile()) {
    throw unreadable(`${inputName}: "${file}" is not a regular file (symlinks are not supported)`);
  }
  if (info.size > MAX_POLICY_BYTES) {
    throw unreadable(
      `${inputName}: "${file}" is ${info.size} bytes, more than the ${MAX_POLICY_BYTES} bytes allowed`
    );
  }
  return readFile(file, "utf8");
}
async function loadTrustPolicy(input, options = {}) {
  const inputName = options.inputName ?? "trust policy";
  if (input.trim() === "") throw unreadable(`${inputName} is empty`);
  if (isInlinePolicy(input)) {
    if (Buffer.byteLength(input) > MAX_POLICY_BYTES) {
      throw unreadable(`${inputName} is larger than ${MAX_POLICY_BYTES} bytes`);
    }
    return { document: parseTrustPolicy(input, { source: inputName }), source: "inline" };
  }
  const target = path.resolve(options.baseDir ?? process.cwd(), input.trim());
  let info;
  try {
    info = await lstat(target);
  } catch (err) {
    throw unreadable(`${inputName}: "${target}" does not exist`, err);
  }
  let file = target;
  if (info.isDirectory()) {
    let found;
    for (const name of POLICY_FILE_NAMES) {
      const candidate = path.join(target, name);
      if (await lstat(candidate).then(
        () => true,
        () => false
      )) {
        found = candidate;
        break;
      }
    }
    if (found === void 0) {
      throw unreadable(
        `${inputName}: directory "${target}" has neither ${POLICY_FILE_NAMES.join(" nor ")}`
      );
    }
    file = found;
  }
  const text = await readPolicyFile(file, inputName);
  const format = /\.json$/i.test(file) ? "json" : detectPolicyFormat(text);
  return {
    document: parseTrustPolicy(text, { source: file, format }),
    source: file
  };
}

// src/verify/revocation.ts
var asn1js2 = __toESM(require_build(), 1);
var pkijs = __toESM(require_build2(), 1);
import { constants, createHash as createHash2, verify as nodeVerify } from "node:crypto";
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
  const dps = new pkijs.CRLDistributionPoints({ schema: asn1js2.fromBER(value).result });
  const out = [];
  for (const dp of dps.distributionPoints) {
    const name = dp.distributionPoint;
    if (Array.isArray(name)) out.push(...uris(name));
  }
  return out;
}
function revocationEndpoints(der) {
  const cert = pkijs.Certificate.fromBER(der);
  const result = { ocsp: [], crl: [], hasFreshestCrl: false };
  for (const ext of cert.extensions ?? []) {
    if (ext.extnID === OID.aia) {
      const aia = new pkijs.InfoAccess({ schema: asn1js2.fromBER(extensionValue(ext)).result });
      for (const ad of aia.accessDescriptions) {
        if (ad.accessMethod === OID.ocspAccess && ad.accessLocation.type === 6) {
          result.ocsp.push(String(ad.accessLocation.value));
        }
      }
    } else if (ext.extnID === OID.cdp) {
      result.crl.push(...distributionPointUris(extensionValue(ext)));
    } else if (ext.extnID === OID.freshestCrl) {
      result.hasFreshestCrl = true;
    }
  }
  return result;
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
  return new Uint8Array(createHash2("sha1").update(bytes).digest());
}
function subjectPublicKeyBits(der) {
  const cert = pkijs.Certificate.fromBER(der);
  return cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
}
function serialContents(hex) {
  let h = hex.length % 2 === 1 ? `0${hex}` : hex;
  if (/^[89a-f]/i.test(h)) h = `00${h}`;
  return new Uint8Array(Buffer.from(h, "hex"));
}
function createOcspRequest(cert, issuer) {
  const certId = new asn1js2.Sequence({
    value: [
      new asn1js2.Sequence({
        value: [new asn1js2.ObjectIdentifier({ value: OID.sha1 }), new asn1js2.Null()]
      }),
      new asn1js2.OctetString({ valueHex: sha1(issuer.rawSubject) }),
      new asn1js2.OctetString({ valueHex: sha1(subjectPublicKeyBits(issuer.der)) }),
      new asn1js2.Integer({ valueHex: serialContents(cert.serialNumber) })
    ]
  });
  const request = new asn1js2.Sequence({
    value: [
      new asn1js2.Sequence({
        value: [new asn1js2.Sequence({ value: [new asn1js2.Sequence({ value: [certId] })] })]
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
    const h = (b) => createHash2(hashName).update(b).digest();
    if (!h(issuer.rawSubject).equals(Buffer.from(id.issuerNameHash.valueBlock.valueHexView)) || !h(subjectPublicKeyBits(issuer.der)).equals(
      Buffer.from(id.issuerKeyHash.valueBlock.valueHexView)
    )) {
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
  const parsed = asn1js2.fromBER(extensionValue(ext)).result;
  return parsed instanceof asn1js2.GeneralizedTime ? parsed.toDate() : void 0;
}
function asnTime(block) {
  if (!(block instanceof asn1js2.UTCTime || block instanceof asn1js2.GeneralizedTime))
    return void 0;
  const date = block.toDate();
  if (!Number.isFinite(date.getTime())) throw new Error("malformed CRL time");
  return date;
}
function parseExtensions(block, what) {
  if (!(block instanceof asn1js2.Sequence)) throw new Error(`${what} is not a SEQUENCE`);
  return block.valueBlock.value.map((ext) => {
    const parts = ext instanceof asn1js2.Sequence ? ext.valueBlock.value : [];
    const [id, second, third] = parts;
    const critical = second instanceof asn1js2.Boolean ? second.getValue() : false;
    const value = second instanceof asn1js2.Boolean ? third : second;
    if (!(id instanceof asn1js2.ObjectIdentifier) || !(value instanceof asn1js2.OctetString)) {
      throw new Error(`${what}: malformed extension`);
    }
    return { id: id.valueBlock.toString(), critical, value: value.valueBlock.valueHexView };
  });
}
function parseCrl(bytes) {
  const top = asn1js2.fromBER(bytes);
  if (top.offset !== bytes.length || !(top.result instanceof asn1js2.Sequence)) {
    throw new Error("not a DER CertificateList");
  }
  const [tbsBlock, algBlock, sigBlock] = top.result.valueBlock.value;
  if (!(tbsBlock instanceof asn1js2.Sequence) || !(sigBlock instanceof asn1js2.BitString) || !algBlock) {
    throw new Error("malformed CertificateList");
  }
  const tbs = tbsBlock.valueBlock.value;
  let i = 0;
  if (tbs[i] instanceof asn1js2.Integer) i++;
  i++;
  i++;
  const thisUpdate = asnTime(tbs[i++]);
  if (thisUpdate === void 0) throw new Error("malformed CRL thisUpdate");
  const nextUpdate = asnTime(tbs[i]);
  if (nextUpdate !== void 0) i++;
  const entries = [];
  const revoked = tbs[i];
  if (revoked instanceof asn1js2.Sequence) {
    i++;
    for (const entry of revoked.valueBlock.value) {
      const parts = entry instanceof asn1js2.Sequence ? entry.valueBlock.value : [];
      const [serial, date, exts] = parts;
      const revocationDate = asnTime(date);
      if (!(serial instanceof asn1js2.Integer) || revocationDate === void 0) {
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
  const number = numberExt ? asn1js2.fromBER(numberExt.value).result : void 0;
  return {
    tbs: tbsBlock.valueBeforeDecodeView,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ schema: algBlock }),
    signature: sigBlock.valueBlock.valueHexView,
    thisUpdate,
    ...nextUpdate ? { nextUpdate } : {},
    entries,
    extensions,
    ...number instanceof asn1js2.Integer ? { number: bigintOf(number) } : {}
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
  const parsed = asn1js2.fromBER(ext.value).result;
  return parsed instanceof asn1js2.Enumerated ? parsed.valueBlock.valueDec : void 0;
}
function entryInvalidityDate(entry) {
  const ext = entry.extensions.find((e) => e.id === OID.invalidityDate);
  if (ext === void 0) return void 0;
  const parsed = asn1js2.fromBER(ext.value).result;
  if (!(parsed instanceof asn1js2.GeneralizedTime)) {
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
function summarizeRevocation(results, subjects) {
  const warnings = [];
  let final = "unknown";
  let index;
  let revokedIndex;
  let okCount = 0;
  for (let i = results.length - 1; i >= 0; i--) {
    const r = results[i];
    const subject = subjects[i] ?? `#${i + 1}`;
    if (r.method === "ocspFallbackCrl") {
      warnings.push(
        `OCSP check failed with unknown error and fallback to CRL check for certificate #${i + 1} in chain with subject "${subject}"`
      );
    }
    for (const s of r.servers) {
      if (s.error === void 0 || s.result === "ok" || s.result === "nonRevocable") continue;
      if (r.method === "ocspFallbackCrl" && s.method === "ocsp") continue;
      warnings.push(
        `Certificate #${i + 1} in chain with subject "${subject}" encountered an error for revocation method ${s.method.toUpperCase()} at URL "${s.url}": ${s.error}`
      );
    }
    if (r.result === "ok" || r.result === "nonRevocable") {
      okCount++;
    } else {
      final = r.result;
      index = i;
      if (r.result === "revoked") revokedIndex = i;
    }
    if (i < results.length - 1 && r.result === "nonRevocable") {
      warnings.push(
        `Certificate #${i + 1} in the chain with subject "${subject}" neither has an OCSP nor a CRL revocation method.`
      );
    }
  }
  if (revokedIndex !== void 0) return { result: "revoked", index: revokedIndex, warnings };
  if (okCount === results.length) return { result: "ok", warnings };
  return { result: final, ...index !== void 0 ? { index } : {}, warnings };
}
var NON_REVOCABLE = {
  result: "nonRevocable",
  method: "none",
  servers: []
};
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
      const common2 = { timeoutMs: ocspTimeoutMs, maxBytes: OCSP_MAX_RESPONSE_BYTES, retry: false };
      const res = getUrl !== void 0 ? await requestShared({ method: "GET", url: getUrl, ...common2 }) : await requestShared({
        method: "POST",
        url: server,
        body: request,
        headers: { "content-type": "application/ocsp-request" },
        ...common2
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
    try {
      return parseCrl(res.body);
    } catch (err) {
      throw new Error(`failed to parse CRL: ${message(err)}`);
    }
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
            const minBase = asn1js2.fromBER(indicator.value).result;
            if (!(minBase instanceof asn1js2.Integer) || bigintOf(minBase) > baseNumber) {
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
    const endpoints = revocationEndpoints(cert.der);
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
var offlineRevocationChecker = {
  offline: true,
  check: async () => {
    throw new Error("the offline revocation checker is never called");
  }
};

// src/verify/trust-store-load.ts
var asn1js3 = __toESM(require_build(), 1);
var import_yaml2 = __toESM(require_dist(), 1);
import { lstat as lstat2, readdir, readFile as readFile2, stat } from "node:fs/promises";
import path2 from "node:path";
var MAX_CERT_FILE_BYTES = 1024 * 1024;
var MAX_FILES_PER_STORE = 1e3;
function invalid(problems) {
  return new TrustStoreError(
    "TRUST_STORE_INVALID",
    `trust store is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):
${formatProblems(problems)}`,
    { problems }
  );
}
function certificatesFromBytes(bytes) {
  const text = Buffer.from(bytes).toString("latin1");
  if (text.includes("-----BEGIN ")) {
    const blocks = parsePemBlocks(text);
    if (blocks.length === 0) throw new Error("malformed PEM: no complete PEM block");
    for (const b of blocks) {
      if (b.label !== "CERTIFICATE") throw new Error(`PEM block "${b.label}" is not a certificate`);
    }
    return blocks.map((b) => b.der);
  }
  const certs = [];
  let offset = 0;
  while (offset < bytes.length) {
    const rest = bytes.subarray(offset);
    const parsed = asn1js3.fromBER(rest);
    if (parsed.offset === -1 || !(parsed.result instanceof asn1js3.Sequence)) {
      throw new Error("neither PEM nor DER certificate data");
    }
    certs.push(new Uint8Array(rest.subarray(0, parsed.offset)));
    offset += parsed.offset;
  }
  if (certs.length === 0) throw new Error("no certificates found in the file");
  return certs;
}
async function readCertFile(file, label, problems) {
  const info = await lstat2(file).catch((err) => err);
  if (info instanceof Error) {
    problems.push({ path: label, message: `cannot read "${file}": ${info.code ?? info.message}` });
    return [];
  }
  if (info.isSymbolicLink() || !info.isFile()) {
    problems.push({
      path: label,
      message: `"${file}" is not a regular file (directories or symlinks are not supported)`
    });
    return [];
  }
  if (info.size > MAX_CERT_FILE_BYTES) {
    problems.push({ path: label, message: `"${file}" is larger than ${MAX_CERT_FILE_BYTES} bytes` });
    return [];
  }
  try {
    const certs = certificatesFromBytes(new Uint8Array(await readFile2(file)));
    return certs.map((der, i) => ({ der, source: certs.length > 1 ? `${label}#${i}` : label }));
  } catch (err) {
    problems.push({
      path: label,
      message: `failed to read the trusted certificate: ${err.message}`
    });
    return [];
  }
}
async function findX509Dir(dir) {
  for (const candidate of [path2.join(dir, "x509"), path2.join(dir, "truststore", "x509")]) {
    const info = await stat(candidate).catch(() => void 0);
    if (info?.isDirectory()) return candidate;
  }
  return void 0;
}
var isDirectory = async (p) => (await stat(p).catch(() => void 0))?.isDirectory() === true;
async function inventoryOf(x509Dir) {
  const stores = [];
  const misplaced = [];
  for (const entry of await readdir(x509Dir, { withFileTypes: true })) {
    const typeDir = path2.join(x509Dir, entry.name);
    if (isTrustStoreType(entry.name) && await isDirectory(typeDir)) {
      for (const store of await readdir(typeDir, { withFileTypes: true })) {
        if (store.isDirectory()) stores.push(`${entry.name}:${store.name}`);
        else if (store.isFile()) misplaced.push(`x509/${entry.name}/${store.name}`);
      }
    } else if (entry.isFile()) {
      misplaced.push(`x509/${entry.name}`);
    }
  }
  return { stores: stores.sort(), misplaced: misplaced.sort() };
}
function misplacedFileMessage(rel, type) {
  return `is a file where a store directory belongs: certificates go one level deeper, in a named store, e.g. ${path2.join("x509", type, "<name>", path2.basename(rel))}, named "${type}:<name>" in the trust policy`;
}
async function loadTrustStoreDirectory(dir, options = {}) {
  const x509Dir = await findX509Dir(dir);
  if (x509Dir === void 0) {
    throw invalid([
      {
        path: dir,
        message: 'no "x509" directory found (expected <dir>/x509/<type>/<name>/ or <dir>/truststore/x509/...)'
      }
    ]);
  }
  const problems = [];
  const wanted = [];
  if (options.stores !== void 0) {
    const seen = /* @__PURE__ */ new Set();
    for (const ref of options.stores) {
      const key = `${ref.type}:${ref.name}`;
      if (!seen.has(key)) wanted.push(ref);
      seen.add(key);
    }
  } else {
    for (const entry of await readdir(x509Dir, { withFileTypes: true })) {
      const rel = path2.join("x509", entry.name);
      if (!isTrustStoreType(entry.name)) {
        problems.push({
          path: rel,
          message: entry.isFile() ? misplacedFileMessage(rel, "<type>") : `unsupported trust store type "${entry.name}", supported types are ${TRUST_STORE_TYPES.map((t) => `"${t}"`).join(", ")}`
        });
        continue;
      }
      if (!await isDirectory(path2.join(x509Dir, entry.name))) {
        problems.push({ path: rel, message: "is not a directory" });
        continue;
      }
      for (const store of await readdir(path2.join(x509Dir, entry.name), { withFileTypes: true })) {
        wanted.push({ type: entry.name, name: store.name });
      }
    }
  }
  const inputs = [];
  for (const { type, name } of wanted) {
    const rel = path2.join("x509", type, name);
    if (!isTrustStoreType(type) || !isValidStoreName(name)) {
      problems.push({
        path: rel,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${name}" is invalid`
      });
      continue;
    }
    const storeDir = path2.join(x509Dir, type, name);
    const info = await lstat2(storeDir).catch(() => void 0);
    if (info === void 0) continue;
    if (info.isFile()) {
      problems.push({ path: rel, message: misplacedFileMessage(rel, type) });
      continue;
    }
    if (info.isSymbolicLink() || !info.isDirectory()) {
      problems.push({
        path: rel,
        message: `the trust store ${name} of type ${type} is not a regular directory (symlinks are not supported)`
      });
      continue;
    }
    const entries = (await readdir(storeDir, { withFileTypes: true })).sort(
      (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    );
    if (entries.length > MAX_FILES_PER_STORE) {
      problems.push({ path: rel, message: `more than ${MAX_FILES_PER_STORE} files` });
      continue;
    }
    const certificates = [];
    for (const entry of entries) {
      const fileRel = path2.join(rel, entry.name);
      if (entry.isDirectory() || entry.isSymbolicLink()) {
        problems.push({
          path: fileRel,
          message: `trusted certificate ${entry.name} in trust store ${name} of type ${type} is not a regular file (directories or symlinks are not supported)`
        });
        continue;
      }
      certificates.push(...await readCertFile(path2.join(storeDir, entry.name), fileRel, problems));
    }
    inputs.push({ type, name, certificates });
  }
  return { ...finish(inputs, problems), inventory: await inventoryOf(x509Dir) };
}
function finish(inputs, problems) {
  let store;
  try {
    store = buildTrustStore(inputs);
  } catch (err) {
    if (err instanceof TrustStoreError) problems.push(...err.problems);
    else throw err;
  }
  if (problems.length > 0 || store === void 0) throw invalid(problems);
  return store;
}
async function loadInlineTrustStore(text, options = {}) {
  const doc = (0, import_yaml2.parseDocument)(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw invalid(
      doc.errors.map((e) => ({ path: "", message: `not valid JSON or YAML: ${e.message}` }))
    );
  }
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    throw new TrustStoreError(
      "TRUST_STORE_INVALID",
      `trust-store: YAML aliases expand beyond the limit of ${MAX_YAML_ALIASES} (a resource exhaustion attack, or a mapping to write without aliases)`,
      { cause: err, problems: [{ path: "", message: "too many YAML aliases" }] }
    );
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw invalid([
      { path: "", message: 'the trust store must be a mapping of "type:name" to certificates' }
    ]);
  }
  const baseDir = options.baseDir ?? process.cwd();
  const problems = [];
  const inputs = [];
  for (const [key, value] of Object.entries(raw)) {
    const colon = key.indexOf(":");
    const type = colon < 0 ? "" : key.slice(0, colon);
    const name = colon < 0 ? "" : key.slice(colon + 1);
    if (colon < 0 || !isTrustStoreType(type)) {
      problems.push({
        path: key,
        message: `expected "<type>:<name>" with type one of ${TRUST_STORE_TYPES.map((t) => `"${t}"`).join(", ")}`
      });
      continue;
    }
    if (!isValidStoreName(name)) {
      problems.push({
        path: key,
        message: `trust store name needs to follow [a-zA-Z0-9_.-]+ format, "${name}" is invalid`
      });
      continue;
    }
    const entries = typeof value === "string" ? [value] : Array.isArray(value) ? value : void 0;
    if (entries === void 0 || entries.length === 0) {
      problems.push({
        path: key,
        message: "expected a certificate (PEM or file path) or a non-empty list of them"
      });
      continue;
    }
    const certificates = [];
    for (const [i, entry] of entries.entries()) {
      const label = `${key}[${i}]`;
      if (typeof entry !== "string" || entry.trim() === "") {
        problems.push({ path: label, message: "expected PEM text or a file path" });
        continue;
      }
      if (entry.includes("-----BEGIN ")) {
        try {
          const certs = certificatesFromBytes(Buffer.from(entry, "utf8"));
          certificates.push(
            ...certs.map((der, j) => ({ der, source: certs.length > 1 ? `${label}#${j}` : label }))
          );
        } catch (err) {
          problems.push({ path: label, message: err.message });
        }
        continue;
      }
      const file = path2.resolve(baseDir, entry.trim());
      certificates.push(...await readCertFile(file, `${label} (${entry.trim()})`, problems));
    }
    inputs.push({ type, name, certificates });
  }
  return finish(inputs, problems);
}
async function loadTrustStore(input, options = {}) {
  const trimmed = input.trim();
  if (!trimmed.includes("\n")) {
    const target = path2.resolve(options.baseDir ?? process.cwd(), trimmed);
    const info = await stat(target).catch(() => void 0);
    if (info?.isDirectory()) return loadTrustStoreDirectory(target, options);
    if (info?.isFile()) {
      const text = await readFile2(target, "utf8");
      return loadInlineTrustStore(text, { ...options, baseDir: path2.dirname(target) });
    }
    if (!trimmed.includes(":") && !trimmed.startsWith("{")) {
      throw invalid([
        {
          path: trimmed,
          message: `is neither a trust-store directory or mapping file (not found) nor a "type:name" mapping`
        }
      ]);
    }
  }
  return loadInlineTrustStore(input, options);
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

// src/oci/reference.ts
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
var NAME_TOTAL_LENGTH_MAX = 255;
var ALPHANUMERIC = "[a-z0-9]+";
var SEPARATOR = "(?:[._]|__|[-]+)";
var PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
var REMOTE_NAME = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
var DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
var IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
var DOMAIN_AND_PORT = new RegExp(`^(?:${DOMAIN_NAME}|${IPV6})(?::[0-9]+)?$`);
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST_GRAMMAR = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
var ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
function invalid2(input, reason) {
  const shown = input.length > 300 ? `${input.slice(0, 300)}\u2026` : input;
  return new RegistryError(
    "REFERENCE_INVALID",
    `image reference "${shown}" is invalid: ${reason}`,
    {
      remedy: "use the form registry/repository:tag or registry/repository@sha256:<digest>"
    }
  );
}
function parseReference(input) {
  if (input.length === 0) throw invalid2(input, "it is empty");
  if (/\s/.test(input)) throw invalid2(input, "it contains whitespace");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw invalid2(input, "it has a URL scheme; give the registry host without http:// or https://");
  }
  let rest = input;
  let digest2;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest2 = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_GRAMMAR.test(digest2)) {
      throw invalid2(input, `"${digest2}" after "@" is not a digest (algorithm:hex)`);
    }
    if (!isDigest(digest2)) {
      throw invalid2(
        input,
        `digest "${digest2}" is not supported: expected sha256:<64 lowercase hex> or sha512:<128 lowercase hex>`
      );
    }
  }
  let tag;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) {
      throw invalid2(
        input,
        `tag "${tag}" must be 1-128 characters of [A-Za-z0-9_.-] and not start with "." or "-"`
      );
    }
  }
  const name = rest;
  if (name.length === 0) throw invalid2(input, "the repository name is missing");
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    throw invalid2(
      input,
      `the name is ${name.length} characters; at most ${NAME_TOTAL_LENGTH_MAX} are allowed`
    );
  }
  if (ANCHORED_IDENTIFIER.test(name)) {
    throw invalid2(input, "a bare 64-character hex string is an image id, not a repository name");
  }
  const slash = name.indexOf("/");
  let registry;
  let repository;
  const first = slash === -1 ? "" : name.slice(0, slash);
  if (slash === -1 || !/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first) {
    registry = DOCKER_HUB;
    repository = name;
  } else {
    registry = first;
    repository = name.slice(slash + 1);
    if (!DOMAIN_AND_PORT.test(registry)) {
      throw invalid2(input, `registry "${registry}" is not a valid host[:port]`);
    }
  }
  if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) registry = DOCKER_HUB;
  if (!REMOTE_NAME.test(repository)) {
    if (REMOTE_NAME.test(repository.toLowerCase())) {
      throw invalid2(input, `repository "${repository}" must be lowercase`);
    }
    throw invalid2(
      input,
      `repository "${repository}" must be lowercase path components of [a-z0-9] joined by "/", ".", "_", "__" or "-"`
    );
  }
  if (registry === DOCKER_HUB && !repository.includes("/")) repository = `library/${repository}`;
  return {
    registry,
    repository,
    ...tag === void 0 ? {} : { tag },
    ...digest2 === void 0 ? {} : { digest: digest2 }
  };
}
function repositoryName(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function apiHost(registry) {
  return DOCKER_HUB_ALIASES.has(registry.toLowerCase()) ? "registry-1.docker.io" : registry.toLowerCase();
}
function credentialKey(hostOrUrl) {
  let host = hostOrUrl.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  const slash = host.indexOf("/");
  if (slash >= 0) host = host.slice(0, slash);
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host;
}
function isLoopback(host) {
  let h = host.toLowerCase();
  if (h.startsWith("[")) {
    h = h.slice(1, h.indexOf("]"));
    return h === "::1" || h === "0:0:0:0:0:0:0:1";
  }
  h = h.replace(/:\d+$/, "");
  return h === "localhost" || /^127(?:\.\d{1,3}){3}$/.test(h);
}

// src/oci/referrers-index.ts
var MAX_UNAVAILABLE = 4;
async function addToReferrersIndex(store, entries, options) {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const minSettle = options.minSettleMs ?? 150;
  const maxRounds = options.maxRounds ?? 25;
  const { logger, tag } = options;
  let startedFrom;
  let firstRead = true;
  const ownWrites = [];
  let confirmations = 0;
  let confirmedDigest;
  let rmwMs = 0;
  let unavailable = 0;
  let current;
  for (let round = 1; round <= maxRounds; round++) {
    const readAt = now();
    current = await store.read();
    if (firstRead) {
      startedFrom = current?.digest;
      firstRead = false;
    }
    const listed = new Set(current?.manifests.map((d) => d.digest));
    const missing = entries.filter((e) => !listed.has(e.digest));
    if (missing.length === 0) {
      if (ownWrites.length === 0) {
        logger.debug(
          `referrers index ${tag}: already lists ${entries.map((e) => e.digest).join(", ")}`
        );
        return { indexDigest: current?.digest ?? "", written: false, deleted: [], warnings: [] };
      }
      confirmations = confirmations > 0 && current?.digest === confirmedDigest ? 2 : 1;
      confirmedDigest = current?.digest;
      if (confirmations >= 2) break;
      const settle = Math.max(minSettle, 3 * rmwMs) + random() * minSettle;
      await options.sleep(settle);
      continue;
    }
    if (ownWrites.length > 0) {
      logger.debug(
        `referrers index ${tag}: another writer replaced it (${current?.digest ?? "deleted"}); merging again`
      );
    }
    confirmations = 0;
    const merged = mergeReferrers(current?.manifests ?? [], missing);
    const bytes = encodeReferrersIndex(merged);
    try {
      const digest2 = await store.write(bytes, current?.etag);
      ownWrites.push(digest2);
      rmwMs = now() - readAt;
    } catch (err) {
      if (err instanceof RegistryError && err.code === "REGISTRY_UNAVAILABLE") {
        if (++unavailable >= MAX_UNAVAILABLE) throw err;
        ownWrites.push(digestOf(bytes));
        logger.debug(`referrers index ${tag}: the write failed (${err.message}); re-reading`);
        await options.sleep(250 * 2 ** (unavailable - 1) * (0.75 + random() * 0.5));
        continue;
      }
      if (!(err instanceof RegistryError && err.code === "REGISTRY_CONFLICT")) throw err;
      logger.debug(`referrers index ${tag}: If-Match lost a race; retrying`);
      await options.sleep((20 + random() * 80) * Math.min(round, 8));
    }
  }
  if (current === void 0 || confirmations < 2) {
    const state = confirmations === 0 ? "it still does not list" : "it lists, but could not confirm as stable,";
    throw new RegistryError(
      "REGISTRY_PUSH",
      `referrers index ${tag} kept changing under concurrent writers: after ${maxRounds} rounds ${state} ${entries.map((e) => e.digest).join(", ")}`
    );
  }
  const finalDigest = current.digest;
  const warnings = [];
  const deleted = [];
  const candidates = /* @__PURE__ */ new Set([...startedFrom === void 0 ? [] : [startedFrom], ...ownWrites]);
  candidates.delete(finalDigest);
  for (const digest2 of candidates) {
    try {
      await store.remove(digest2);
      deleted.push(digest2);
    } catch (err) {
      if (err instanceof RegistryError && err.code === "REGISTRY_NOT_FOUND") {
        logger.debug(`referrers index ${tag}: outdated index ${digest2} was already removed`);
        continue;
      }
      const reason = err instanceof Error ? err.message : String(err);
      warnings.push(
        `removal of outdated referrers index ${digest2} (tag ${tag}) failed; garbage collection may be required: ${reason}`
      );
    }
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
    const { code, message: message2 } = current;
    if (typeof code === "string") {
      if (UNTRUSTED.has(code)) return { kind: "untrusted", code };
      if (EXPIRED.has(code)) return { kind: "expired", code };
      if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return { kind: "hostname", code };
      if (NOT_TLS.has(code)) return { kind: "not-tls", code };
    }
    if (typeof message2 === "string" && /:wrong version number:|:packet length too long:/.test(message2)) {
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
    const message2 = typeof first?.message === "string" ? clean(first.message) : void 0;
    return { ...code ? { code } : {}, ...message2 ? { message: message2 } : {} };
  } catch {
    return {};
  }
}
function clean(text) {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}\u2026` : oneLine;
}
function responseError(res, fallback, message2) {
  const { code: registryCode, message: registryMessage } = registryErrorOf(res);
  const code = res.status === 401 || res.status === 403 ? "REGISTRY_AUTH" : res.status === 404 ? "REGISTRY_NOT_FOUND" : res.status === 429 || res.status >= 500 ? "REGISTRY_UNAVAILABLE" : fallback;
  const detail = [registryCode, registryMessage].filter(Boolean).join(": ");
  return new RegistryError(code, `${message2}: HTTP ${res.status}${detail ? ` ${detail}` : ""}`, {
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
    if (!fresh && cached !== void 0) {
      const t = await cached.catch(() => void 0);
      if (t !== void 0 && t.expiresAt > now()) return `Bearer ${t.token}`;
    }
    const pending = fetchToken(s, challenge, merged, cred);
    s.tokens.set(key, pending);
    pending.catch(() => {
      if (s.tokens.get(key) === pending) s.tokens.delete(key);
    });
    return `Bearer ${(await pending).token}`;
  }
  async function originOf(s) {
    if (!allowInsecure(s.host)) return `https://${s.host}`;
    s.origin ??= detectOrigin(s).catch((err) => {
      s.origin = void 0;
      throw err;
    });
    return s.origin;
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
    async send(registry, req) {
      const s = state(registry);
      const origin = new URL(await originOf(s)).origin;
      if (req.url.origin !== origin) return call(req, void 0);
      let res = await call(req, await authorizationFor(s, req.scopes, false));
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
  let pushing = false;
  const readScopes = () => pushing ? push : pull;
  async function url(path3) {
    return new URL(`${await session.origin(registry)}/v2/${repository}/${path3}`);
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
    const digest2 = digestOf(bytes);
    const descriptor = {
      mediaType: options.mediaType ?? "application/octet-stream",
      digest: digest2,
      size: bytes.byteLength
    };
    const what = `pushing blob ${name}@${digest2}`;
    if (await blobExists(digest2, push)) {
      logger.debug(`${what}: already present`);
      return descriptor;
    }
    let start;
    const uploads = await url("blobs/uploads/");
    if (options.mountFrom !== void 0 && options.mountFrom !== repository) {
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
      start = await session.send(registry, { method: "POST", url: uploads, scopes: push, what });
    }
    let target = uploadTarget(start, digest2, what);
    for (let attempt = 1; ; attempt++) {
      try {
        await completeUpload(target, bytes, digest2, what);
        return descriptor;
      } catch (err) {
        const transient = err instanceof RegistryError && err.code === "REGISTRY_UNAVAILABLE";
        if (!transient || attempt >= UPLOAD_ATTEMPTS) throw err;
        logger.debug(`${what}: the upload failed (${err.message}); starting a fresh upload session`);
        await opts.sleep(250 * 2 ** (attempt - 1));
        if (await blobExists(digest2, push)) return descriptor;
        start = await session.send(registry, { method: "POST", url: uploads, scopes: push, what });
        target = uploadTarget(start, digest2, what);
      }
    }
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
  async function writeTagIndex(subjectDigest, entry) {
    const tag = referrersTag(subjectDigest);
    const result = await addToReferrersIndex(
      {
        read: () => readTagIndex(subjectDigest),
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
        sleep: opts.sleep,
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
    if (mode === "api" && session.referrersCapability(registry) === void 0) {
      await referrersApi(ZERO_DIGEST, void 0);
    }
    if (mode === "api" && session.referrersCapability(registry) === "unsupported")
      throw unsupported();
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
    const written = await writeTagIndex(subject.digest, entry);
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
    pushManifest,
    deleteManifest,
    listReferrers,
    pushReferrer
  };
}

// src/oci/credentials.ts
import { spawn } from "node:child_process";
import { readFile as readFile3 } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
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
function dockerConfigPath(env = process.env) {
  const dir = env.DOCKER_CONFIG;
  if (dir !== void 0 && dir !== "") return join(dir, "config.json");
  return join(env.HOME ?? homedir(), ".docker", "config.json");
}
function dockerConfigCredentials(options = {}) {
  const env = options.env ?? process.env;
  const path3 = options.configPath ?? dockerConfigPath(env);
  let config;
  async function load() {
    let text;
    try {
      text = await readFile3(path3, "utf8");
    } catch (err) {
      if (err.code === "ENOENT") return void 0;
      throw new RegistryError("REGISTRY_CREDENTIALS", `cannot read docker config ${path3}`, {
        cause: err
      });
    }
    let json;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new RegistryError("REGISTRY_CREDENTIALS", `docker config ${path3} is not valid JSON`, {
        cause: err
      });
    }
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      throw new RegistryError("REGISTRY_CREDENTIALS", `docker config ${path3} is not a JSON object`);
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
    return authEntry === void 0 ? void 0 : fromAuthEntry(authEntry[1], path3, authEntry[0]);
  };
}
function fromAuthEntry(entry, path3, key) {
  let username = entry.username;
  let password = entry.password;
  if (typeof entry.auth === "string" && entry.auth !== "") {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) {
      throw new RegistryError(
        "REGISTRY_CREDENTIALS",
        `docker config ${path3}: "auth" of "${key}" is not base64 of username:password`
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
  const { code, stdout, stderr, spawnError } = await new Promise((resolve) => {
    const child = spawn(program, ["get"], {
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
      timeout: timeoutMs
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
import { readFile as readFile4 } from "node:fs/promises";

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
      `${names.key} does not match the public key of the leaf certificate "${validated.leaf.subject}" (the first certificate of the chain)`
    );
  }
  const algorithm = algorithmForKeySpec(keySpec);
  const certificateChain = chain;
  return {
    keySpec,
    algorithm,
    description: `local key (${keySpec}, leaf "${validated.leaf.subject}")`,
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
    text = await readFile4(trimmed, "utf8");
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

// src/timestamp/errors.ts
var TimestampError = class extends ActionError {
  url;
  constructor(code, message2, options) {
    super(code, message2, options);
    if (options?.url !== void 0) this.url = options.url;
  }
};

// src/timestamp/request.ts
var asn1js5 = __toESM(require_build(), 1);

// src/timestamp/der.ts
var asn1js4 = __toESM(require_build(), 1);
import { createHash as createHash3 } from "node:crypto";
var OID2 = {
  // RFC 5652
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  // RFC 3161 / RFC 2634 / RFC 5035
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  signingCertificate: "1.2.840.113549.1.9.16.2.12",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  // RFC 3628 baseline time-stamp policy
  baselineTimestampPolicy: "0.4.0.2023.1.1",
  // hashes (RFC 8017 B.1)
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  // signature algorithms
  rsaEncryption: "1.2.840.113549.1.1.1",
  rsassaPss: "1.2.840.113549.1.1.10",
  sha256WithRSA: "1.2.840.113549.1.1.11",
  sha384WithRSA: "1.2.840.113549.1.1.12",
  sha512WithRSA: "1.2.840.113549.1.1.13",
  ecdsaWithSHA256: "1.2.840.10045.4.3.2",
  ecdsaWithSHA384: "1.2.840.10045.4.3.3",
  ecdsaWithSHA512: "1.2.840.10045.4.3.4",
  // RFC 5280
  extKeyUsage: "2.5.29.37",
  timeStamping: "1.3.6.1.5.5.7.3.8"
};
var HASH_BY_OID2 = {
  [OID2.sha256]: "SHA-256",
  [OID2.sha384]: "SHA-384",
  [OID2.sha512]: "SHA-512"
};
var OID_BY_HASH = {
  "SHA-256": OID2.sha256,
  "SHA-384": OID2.sha384,
  "SHA-512": OID2.sha512
};
function hashFromOid(oid2) {
  return Object.hasOwn(HASH_BY_OID2, oid2) ? HASH_BY_OID2[oid2] : void 0;
}
function oidOfHash(hash) {
  return OID_BY_HASH[hash];
}
function nodeHashName(hash) {
  return hash === "SHA-256" ? "sha256" : hash === "SHA-384" ? "sha384" : "sha512";
}
function digest(hash, data) {
  return new Uint8Array(createHash3(nodeHashName(hash)).update(data).digest());
}
function hashLength(hash) {
  return hash === "SHA-256" ? 32 : hash === "SHA-384" ? 48 : 64;
}
var Asn1ShapeError = class extends Error {
  name = "Asn1ShapeError";
};
function asn1FailureText(err) {
  if (err instanceof Asn1ShapeError || err instanceof ActionError) return err.message;
  return "not a valid DER encoding of the structure (RFC 3161 \xA72.4, RFC 5652 \xA75, X.690 DER)";
}
function bytesEqual(a, b) {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}
var MAX_DER_DEPTH = 64;
var PRIMITIVE_ONLY_UNIVERSAL = /* @__PURE__ */ new Set([
  1,
  2,
  3,
  4,
  5,
  6,
  10,
  12,
  18,
  19,
  20,
  21,
  22,
  23,
  24,
  25,
  26,
  27,
  28,
  30
]);
function checkStrictDer(bytes, what) {
  const end = checkElement(bytes, 0, bytes.length, 0, what);
  if (end !== bytes.length) {
    throw new Asn1ShapeError(`${what}: ${bytes.length - end} trailing bytes after the DER element`);
  }
}
function checkElement(bytes, start, limit, depth, what) {
  const fail3 = (message2, at) => new Asn1ShapeError(`${what}: not DER: ${message2} (at byte ${at})`);
  if (depth > MAX_DER_DEPTH) throw fail3(`nested deeper than ${MAX_DER_DEPTH}`, start);
  let i = start;
  if (i >= limit) throw fail3("missing identifier octet", i);
  const first = bytes[i++];
  const constructed = (first & 32) !== 0;
  const tagClass = first >> 6;
  let tag = first & 31;
  if (tag === 31) {
    if (i >= limit) throw fail3("truncated high tag number", i);
    if (bytes[i] === 128) throw fail3("high tag number with a leading zero octet", i);
    tag = 0;
    for (; ; ) {
      if (i >= limit) throw fail3("truncated high tag number", i);
      const b = bytes[i++];
      if (tag > 16777215) throw fail3("tag number too large", i);
      tag = tag * 128 + (b & 127);
      if ((b & 128) === 0) break;
    }
    if (tag < 31) throw fail3("high-tag-number form for a tag below 31", i);
  }
  if (i >= limit) throw fail3("missing length octets", i);
  const lengthByte = bytes[i++];
  let length = lengthByte;
  if (lengthByte === 128) throw fail3("indefinite length", i - 1);
  if (lengthByte > 128) {
    const n = lengthByte & 127;
    if (n > 4) throw fail3(`length of ${n} octets`, i - 1);
    if (i + n > limit) throw fail3("truncated length octets", i);
    if (bytes[i] === 0) throw fail3("non-minimal length (leading zero octet)", i);
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + bytes[i++];
    if (length < 128) throw fail3("non-minimal length (long form for a length below 128)", i);
  }
  const contentStart = i;
  const contentEnd = contentStart + length;
  if (contentEnd > limit) {
    throw fail3(`length ${length} overruns the ${limit - contentStart} bytes its parent has left`, i);
  }
  if (tagClass === 0) {
    if (constructed && PRIMITIVE_ONLY_UNIVERSAL.has(tag)) {
      throw fail3(`constructed encoding of universal type ${tag}`, start);
    }
    if (!constructed && (tag === 16 || tag === 17)) {
      throw fail3(`primitive encoding of a ${tag === 16 ? "SEQUENCE" : "SET"}`, start);
    }
    if (tag === 1 && (length !== 1 || bytes[contentStart] !== 0 && bytes[contentStart] !== 255)) {
      throw fail3("BOOLEAN must be one octet, 00 or ff", contentStart);
    }
    if (tag === 2 || tag === 10) {
      const b0 = bytes[contentStart];
      const b1 = bytes[contentStart + 1];
      if (length === 0) throw fail3("INTEGER with no content octets", contentStart);
      if (length > 1 && (b0 === 0 && (b1 & 128) === 0 || b0 === 255 && (b1 & 128) !== 0)) {
        throw fail3("INTEGER not minimally encoded", contentStart);
      }
    }
  }
  if (constructed) {
    let at = contentStart;
    while (at < contentEnd) at = checkElement(bytes, at, contentEnd, depth + 1, what);
  }
  return contentEnd;
}
function parseOne(bytes, what) {
  checkStrictDer(bytes, what);
  const parsed = asn1js4.fromBER(bytes);
  if (parsed.offset === -1) {
    throw new Asn1ShapeError(`${what}: ${parsed.result.error || "not valid ASN.1"}`);
  }
  if (parsed.offset !== bytes.length) {
    throw new Asn1ShapeError(
      `${what}: ${bytes.length - parsed.offset} trailing bytes after the ASN.1 element`
    );
  }
  return parsed.result;
}
function rawOf(block) {
  return new Uint8Array(block.valueBeforeDecodeView);
}
var UNIVERSAL = 1;
var CONTEXT = 3;
function isContext(block, tag) {
  return block !== void 0 && block.idBlock.tagClass === CONTEXT && block.idBlock.tagNumber === tag;
}
function isUniversal(block, tag) {
  return block !== void 0 && block.idBlock.tagClass === UNIVERSAL && block.idBlock.tagNumber === tag;
}
function children(block, what) {
  const value = block.valueBlock.value;
  if (!block.idBlock.isConstructed || !Array.isArray(value)) {
    throw new Asn1ShapeError(`${what} is not a constructed element`);
  }
  return value;
}
function sequence(block, what) {
  if (!(block instanceof asn1js4.Sequence)) throw new Asn1ShapeError(`${what} is not a SEQUENCE`);
  return block.valueBlock.value;
}
function set(block, what) {
  if (!(block instanceof asn1js4.Set)) throw new Asn1ShapeError(`${what} is not a SET`);
  return block.valueBlock.value;
}
function oid(block, what) {
  if (!(block instanceof asn1js4.ObjectIdentifier)) {
    throw new Asn1ShapeError(`${what} is not an OBJECT IDENTIFIER`);
  }
  return block.valueBlock.toString();
}
function integer(block, what) {
  if (!(block instanceof asn1js4.Integer)) throw new Asn1ShapeError(`${what} is not an INTEGER`);
  return bigintFromTwosComplement(block.valueBlock.valueHexView);
}
function smallInteger(block, what) {
  const value = integer(block, what);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Asn1ShapeError(`${what} is out of range`);
  }
  return Number(value);
}
function implicitInteger(block, what) {
  if (block.idBlock.isConstructed) throw new Asn1ShapeError(`${what} is not a primitive INTEGER`);
  const bytes = block.valueBlock.valueHexView ?? new Uint8Array(0);
  if (bytes.length === 0 || bytes.length > 6)
    throw new Asn1ShapeError(`${what} is not a valid INTEGER`);
  return Number(bigintFromTwosComplement(bytes));
}
function bigintFromTwosComplement(bytes) {
  if (bytes.length === 0) throw new Asn1ShapeError("INTEGER has no content octets");
  let value = 0n;
  for (const b of bytes) value = value << 8n | BigInt(b);
  if (((bytes[0] ?? 0) & 128) !== 0) value -= 1n << BigInt(bytes.length * 8);
  return value;
}
function integerContents(value) {
  if (value < 0n) throw new RangeError("negative integers are not used here");
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let bytes = Buffer.from(hex, "hex");
  if (((bytes[0] ?? 0) & 128) !== 0) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return new Uint8Array(bytes);
}
function bigintFromUnsigned(bytes) {
  let value = 0n;
  for (const b of bytes) value = value << 8n | BigInt(b);
  return value;
}
function octets(block, what) {
  if (!(block instanceof asn1js4.OctetString))
    throw new Asn1ShapeError(`${what} is not an OCTET STRING`);
  if (block.idBlock.isConstructed) {
    throw new Asn1ShapeError(`${what} is a constructed (BER) OCTET STRING; DER requires primitive`);
  }
  return new Uint8Array(block.valueBlock.valueHexView);
}
function boolean(block, what) {
  if (!(block instanceof asn1js4.Boolean)) throw new Asn1ShapeError(`${what} is not a BOOLEAN`);
  return block.valueBlock.value;
}
function algorithmIdentifier(block, what) {
  const parts = sequence(block, what);
  if (parts.length < 1 || parts.length > 2)
    throw new Asn1ShapeError(`${what} has ${parts.length} fields`);
  const id = oid(parts[0], `${what} algorithm`);
  const params = parts[1];
  return params === void 0 ? { oid: id } : { oid: id, parameters: rawOf(params) };
}
var GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{4})$/;
function generalizedTime(block, what) {
  if (!isUniversal(block, 24) || block === void 0 || block.idBlock.isConstructed) {
    throw new Asn1ShapeError(`${what} is not a GeneralizedTime`);
  }
  const bytes = block.valueBlock.valueHexView ?? new Uint8Array(0);
  const text = Buffer.from(bytes).toString("latin1");
  const m = GENERALIZED_TIME.exec(text);
  if (m === null) throw new Asn1ShapeError(`${what} "${text}" is not a valid GeneralizedTime`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac === void 0 ? 0 : Number(`${frac}00`.slice(0, 3));
  let epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const utc = zone === "Z";
  if (!utc && zone !== void 0) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const offsetMin = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5));
    epoch -= sign * offsetMin * 6e4;
  }
  const date = new Date(epoch);
  const check = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  );
  if (Number.isNaN(epoch) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || Number(mi) > 59 || Number(s) > 59) {
    throw new Asn1ShapeError(`${what} "${text}" is not a valid date`);
  }
  return { date, text, utc };
}
function anyTime(block, what) {
  if (block instanceof asn1js4.UTCTime) {
    const date = block.toDate();
    if (Number.isNaN(date.getTime())) throw new Asn1ShapeError(`${what} is not a valid UTCTime`);
    return date;
  }
  return generalizedTime(block, what).date;
}

// src/timestamp/request.ts
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
  const { message: message2, hash } = input;
  if (!SUPPORTED.includes(hash)) {
    throw new TimestampError(
      "TSA_REQUEST",
      `unsupported hash algorithm "${String(hash)}" for the message imprint; use SHA-256, SHA-384 or SHA-512`
    );
  }
  if (message2.length === 0) {
    throw new TimestampError("TSA_REQUEST", "the message to timestamp is empty");
  }
  const nonce = nonceFromRandom(input.nonceRandom);
  const hashed = digest(hash, message2);
  const req = new asn1js5.Sequence({
    value: [
      new asn1js5.Integer({ value: 1 }),
      // MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING }
      new asn1js5.Sequence({
        value: [
          new asn1js5.Sequence({
            value: [new asn1js5.ObjectIdentifier({ value: oidOfHash(hash) }), new asn1js5.Null()]
          }),
          new asn1js5.OctetString({ valueHex: hashed })
        ]
      }),
      new asn1js5.Integer({ valueHex: integerContents(nonce) }),
      new asn1js5.Boolean({ value: true })
    ]
  });
  return { der: new Uint8Array(req.toBER()), nonce, hash, digest: hashed };
}

// src/timestamp/token.ts
var asn1js6 = __toESM(require_build(), 1);
var PKI_STATUS_TEXT = {
  0: "granted",
  1: "granted with modifications",
  2: "rejected",
  3: "the request body part has not yet been processed, expect to hear more later",
  4: "warning: a revocation is imminent",
  5: "a revocation has occurred"
};
var PKI_FAILURE_INFO = {
  0: "unrecognized or unsupported Algorithm Identifier",
  2: "transaction not permitted or supported",
  5: "the data submitted has the wrong format",
  14: "the TSA's time source is not available",
  15: "the requested TSA policy is not supported by the TSA",
  16: "the requested extension is not supported by the TSA",
  17: "the additional information requested could not be understood or is not available",
  25: "the request cannot be handled due to system failure"
};
function invalid3(message2, cause) {
  return new TimestampError(
    "TSA_RESPONSE_INVALID",
    message2,
    cause === void 0 ? void 0 : { cause }
  );
}
function wrapShape(what, fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TimestampError) throw err;
    throw invalid3(`${what}: ${asn1FailureText(err)}`, err);
  }
}
function freeText(block) {
  if (!(block instanceof asn1js6.Utf8String))
    throw new Asn1ShapeError("PKIFreeText entry is not a UTF8String");
  return block.valueBlock.value;
}
function parseTimestampResponse(der) {
  return wrapShape("invalid timestamping response", () => {
    const top = sequence(parseOne(der, "TimeStampResp"), "TimeStampResp");
    if (top.length < 1 || top.length > 2) {
      throw new Asn1ShapeError(`TimeStampResp has ${top.length} fields, expected 1 or 2`);
    }
    const statusInfo = sequence(top[0], "PKIStatusInfo");
    const status = smallInteger(statusInfo[0], "PKIStatus");
    let statusStrings = [];
    const failInfo = [];
    for (const field of statusInfo.slice(1)) {
      if (field instanceof asn1js6.Sequence) {
        statusStrings = field.valueBlock.value.map(freeText);
      } else if (field instanceof asn1js6.BitString) {
        const bytes = field.valueBlock.valueHexView;
        const unused = field.valueBlock.unusedBits;
        const bits = bytes.length * 8 - unused;
        for (let i = 0; i < bits; i++) {
          if (((bytes[i >> 3] ?? 0) >> 7 - (i & 7) & 1) === 1) failInfo.push(i);
        }
      } else {
        throw new Asn1ShapeError("PKIStatusInfo has an unexpected field");
      }
    }
    const token = top[1] === void 0 ? void 0 : rawOf(top[1]);
    return { status, statusStrings, failInfo, ...token ? { token } : {} };
  });
}
function sanitize(text) {
  const clean2 = text.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return clean2.length > 200 ? `${clean2.slice(0, 200)}\u2026` : clean2;
}
function statusError(resp) {
  const statusName = PKI_STATUS_TEXT[resp.status] ?? `unknown PKIStatus ${resp.status}`;
  let message2 = `invalid response with status code ${resp.status}: ${statusName}`;
  const failures = resp.failInfo.map(
    (bit) => PKI_FAILURE_INFO[bit] ?? `unknown PKIFailureInfo ${bit}`
  );
  if (failures.length > 0) message2 += `. Failure info: ${failures.join("; ")}`;
  if (resp.statusStrings.length > 0) {
    message2 += ` (TSA status text: "${sanitize(resp.statusStrings.join("; "))}")`;
  }
  return new TimestampError("TSA_STATUS", message2);
}
function timestampTokenFromResponse(der) {
  const resp = parseTimestampResponse(der);
  if (resp.status !== 0 && resp.status !== 1) throw statusError(resp);
  if (resp.token === void 0) {
    throw invalid3(
      "invalid timestamping response: status is granted but no TimeStampToken is present"
    );
  }
  return resp.token;
}
function attributes(block, what) {
  return children(block, what).map((attr, i) => {
    const parts = sequence(attr, `${what} attribute ${i}`);
    if (parts.length !== 2) throw new Asn1ShapeError(`${what} attribute ${i} is not {type, values}`);
    return {
      type: oid(parts[0], `${what} attribute ${i} type`),
      values: set(parts[1], `${what} attribute ${i} values`).map(rawOf)
    };
  });
}
function signedAttributesAsSet(block) {
  if (!block.lenBlock.isIndefiniteForm) {
    const raw = rawOf(block);
    const out = new Uint8Array(raw);
    out[0] = 49;
    return out;
  }
  const items = children(block, "signedAttrs");
  return new Uint8Array(new asn1js6.Set({ value: items }).toBER());
}
function signerInfo(block, index) {
  const what = `signerInfo ${index}`;
  const parts = sequence(block, what);
  let i = 0;
  const version = smallInteger(parts[i++], `${what} version`);
  const sidBlock = parts[i++];
  let sid;
  if (sidBlock instanceof asn1js6.Sequence) {
    const ias = sidBlock.valueBlock.value;
    const issuer = ias[0];
    if (ias.length !== 2 || !(issuer instanceof asn1js6.Sequence)) {
      throw new Asn1ShapeError(`${what} issuerAndSerialNumber is malformed`);
    }
    sid = {
      kind: "issuerAndSerialNumber",
      issuer: rawOf(issuer),
      serialNumber: integer(ias[1], `${what} serialNumber`)
    };
  } else if (sidBlock !== void 0 && isContext(sidBlock, 0) && !sidBlock.idBlock.isConstructed) {
    sid = {
      kind: "subjectKeyIdentifier",
      keyIdentifier: new Uint8Array(
        sidBlock.valueBlock.valueHexView ?? new Uint8Array(0)
      )
    };
  } else {
    throw new Asn1ShapeError(`${what} has an invalid signer identifier`);
  }
  const digestAlgorithm = algorithmIdentifier(parts[i++], `${what} digestAlgorithm`);
  let signedAttributes;
  let signedAttributesDer;
  const maybeAttrs = parts[i];
  if (maybeAttrs !== void 0 && isContext(maybeAttrs, 0)) {
    signedAttributes = attributes(maybeAttrs, `${what} signedAttrs`);
    signedAttributesDer = signedAttributesAsSet(maybeAttrs);
    i++;
  }
  const signatureAlgorithm = algorithmIdentifier(parts[i++], `${what} signatureAlgorithm`);
  const signature = octets(parts[i++], `${what} signature`);
  if (parts[i] !== void 0 && isContext(parts[i], 1)) i++;
  if (i !== parts.length) throw new Asn1ShapeError(`${what} has unexpected trailing fields`);
  return {
    version,
    sid,
    digestAlgorithm,
    ...signedAttributes ? { signedAttributes, signedAttributesDer } : {},
    signatureAlgorithm,
    signature
  };
}
function parseTimestampToken(der) {
  const token = wrapShape("cms: syntax error: invalid signed data", () => {
    const contentInfo = sequence(parseOne(der, "ContentInfo"), "ContentInfo");
    const contentType2 = oid(contentInfo[0], "ContentInfo contentType");
    if (contentType2 !== OID2.signedData) {
      throw invalid3(`cms: content type is not signed-data: got ${contentType2}`);
    }
    const explicit = contentInfo[1];
    if (contentInfo.length !== 2 || explicit === void 0 || !isContext(explicit, 0)) {
      throw new Asn1ShapeError("ContentInfo content is not [0] EXPLICIT");
    }
    const [sdBlock] = children(explicit, "ContentInfo content");
    const sd = sequence(sdBlock, "SignedData");
    let i = 0;
    const version = smallInteger(sd[i++], "SignedData version");
    if (version !== 3) {
      throw invalid3(`cms: syntax error: unsupported signed data version: got ${version}, want 3`);
    }
    set(sd[i++], "SignedData digestAlgorithms");
    const encap = sequence(sd[i++], "encapContentInfo");
    const eContentType = oid(encap[0], "eContentType");
    let eContent = new Uint8Array(0);
    const wrapped = encap[1];
    if (wrapped !== void 0) {
      if (!isContext(wrapped, 0)) throw new Asn1ShapeError("eContent is not [0] EXPLICIT");
      const [inner] = children(wrapped, "eContent");
      eContent = octets(inner, "eContent");
    }
    const certificates = [];
    if (sd[i] !== void 0 && isContext(sd[i], 0)) {
      for (const cert of children(sd[i], "certificates")) {
        if (!(cert instanceof asn1js6.Sequence)) {
          throw invalid3(
            "cms: syntax error: failed to parse X.509 certificates from signed data. Only X.509 certificates are supported"
          );
        }
        certificates.push(rawOf(cert));
      }
      i++;
    }
    if (sd[i] !== void 0 && isContext(sd[i], 1)) i++;
    const signerInfos = set(sd[i++], "SignedData signerInfos").map(signerInfo);
    if (i !== sd.length) throw new Asn1ShapeError("SignedData has unexpected trailing fields");
    return { der, signedDataVersion: version, eContentType, eContent, certificates, signerInfos };
  });
  if (token.eContentType !== OID2.tstInfo) {
    throw invalid3(
      `unexpected content type: ${token.eContentType}. Expected to be id-ct-TSTInfo (${OID2.tstInfo})`
    );
  }
  return token;
}
function accuracy(block) {
  const result = { seconds: 0, millis: 0, micros: 0 };
  for (const part of sequence(block, "accuracy")) {
    if (part instanceof asn1js6.Integer) result.seconds = smallInteger(part, "accuracy seconds");
    else if (isContext(part, 0)) result.millis = implicitInteger(part, "accuracy millis");
    else if (isContext(part, 1)) result.micros = implicitInteger(part, "accuracy micros");
    else throw new Asn1ShapeError("accuracy has an unexpected field");
  }
  return result;
}
function parseTstInfo(eContent) {
  const info = wrapShape("cannot unmarshal TSTInfo from timestamp token", () => {
    const parts = sequence(parseOne(eContent, "TSTInfo"), "TSTInfo");
    let i = 0;
    const version = smallInteger(parts[i++], "TSTInfo version");
    const policy = oid(parts[i++], "TSTInfo policy");
    const imprint = sequence(parts[i++], "TSTInfo messageImprint");
    if (imprint.length !== 2)
      throw new Asn1ShapeError("messageImprint is not {hashAlgorithm, hashedMessage}");
    const hashAlgorithmOid = algorithmIdentifier(imprint[0], "messageImprint hashAlgorithm").oid;
    const hashedMessage = octets(imprint[1], "messageImprint hashedMessage");
    const serialNumber = integer(parts[i++], "TSTInfo serialNumber");
    const genTime = generalizedTime(parts[i++], "TSTInfo genTime");
    let acc = { seconds: 0, millis: 0, micros: 0 };
    if (parts[i] instanceof asn1js6.Sequence) acc = accuracy(parts[i++]);
    let ordering = false;
    if (isUniversal(parts[i], 1)) ordering = boolean(parts[i++], "TSTInfo ordering");
    let nonce;
    if (parts[i] instanceof asn1js6.Integer) nonce = integer(parts[i++], "TSTInfo nonce");
    if (isContext(parts[i], 0)) i++;
    if (isContext(parts[i], 1)) i++;
    if (i !== parts.length) throw new Asn1ShapeError("TSTInfo has unexpected trailing fields");
    return {
      version,
      policy,
      hashAlgorithmOid,
      hashedMessage,
      serialNumber,
      genTime,
      accuracy: acc,
      ordering,
      nonce
    };
  });
  if (info.version !== 1) {
    throw invalid3(
      `invalid TSTInfo: timestamp token info version must be 1, but got ${info.version}`
    );
  }
  const hashAlgorithm = hashFromOid(info.hashAlgorithmOid);
  if (hashAlgorithm === void 0) {
    throw invalid3(`invalid TSTInfo: unrecognized hash algorithm: ${info.hashAlgorithmOid}`);
  }
  return {
    version: info.version,
    policy: info.policy,
    hashAlgorithm,
    hashedMessage: info.hashedMessage,
    serialNumber: info.serialNumber,
    genTime: info.genTime.date,
    genTimeText: info.genTime.text,
    genTimeUtc: info.genTime.utc,
    accuracy: info.accuracy,
    ordering: info.ordering,
    ...info.nonce !== void 0 ? { nonce: info.nonce } : {}
  };
}
function accuracyMs(info) {
  const { seconds, millis, micros } = info.accuracy;
  if (seconds === 0 && millis === 0 && micros === 0) {
    return info.policy === OID2.baselineTimestampPolicy ? 1e3 : 0;
  }
  return seconds * 1e3 + millis + micros / 1e3;
}

// src/timestamp/verify.ts
var asn1js7 = __toESM(require_build(), 1);
import { constants as constants2, verify as cryptoVerify } from "node:crypto";
var SIGNED_TOKEN = "failed to verify signed token";
var CMS = "cms verification failure";
function fail2(code, message2, cause) {
  return new TimestampError(code, message2, cause === void 0 ? void 0 : { cause });
}
function attribute(attrs, type) {
  return attrs?.find((a) => a.type === type)?.values[0];
}
function parseSigningCertificateV2(value) {
  const top = sequence(parseOne(value, "SigningCertificateV2"), "SigningCertificateV2");
  return sequence(top[0], "SigningCertificateV2 certs").map((item, i) => {
    const parts = sequence(item, `ESSCertIDv2 ${i}`);
    let k = 0;
    let hashOid;
    if (parts[k] instanceof asn1js7.Sequence) {
      hashOid = algorithmIdentifier(parts[k++], "ESSCertIDv2 hashAlgorithm").oid;
    }
    const certHash = octets(parts[k++], "ESSCertIDv2 certHash");
    let issuerSerial;
    if (parts[k] !== void 0) {
      const is = sequence(parts[k++], "IssuerSerial");
      const names = sequence(is[0], "IssuerSerial issuer");
      const first = names[0];
      let issuer;
      if (first !== void 0 && isContext(first, 4)) {
        const inner = first.valueBlock.value?.[0];
        if (inner !== void 0) issuer = rawOf(inner);
      }
      issuerSerial = {
        ...issuer ? { issuer } : {},
        serialNumber: integer(is[1], "IssuerSerial serialNumber")
      };
    }
    return { ...hashOid ? { hashOid } : {}, certHash, ...issuerSerial ? { issuerSerial } : {} };
  });
}
function serialOf(cert) {
  return BigInt(`0x${cert.serialNumber || "0"}`);
}
function signingCertificate(si, certs) {
  const value = attribute(si.signedAttributes, OID2.signingCertificateV2);
  if (value === void 0) {
    const onlyV1 = attribute(si.signedAttributes, OID2.signingCertificate) !== void 0;
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: failed to get SigningCertificateV2 from signed attributes: attribute not found${onlyV1 ? " (the token has only the v1 signingCertificate attribute; Notary requires signingCertificateV2)" : ""}`
    );
  }
  let ids;
  try {
    ids = parseSigningCertificateV2(value);
  } catch (err) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: failed to get SigningCertificateV2 from signed attributes: ${asn1FailureText(err)}`,
      err
    );
  }
  const first = ids[0];
  if (first === void 0) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: signingCertificateV2 does not contain any certificate`
    );
  }
  let candidate;
  if (first.issuerSerial !== void 0) {
    const { issuer, serialNumber } = first.issuerSerial;
    if (issuer === void 0) {
      throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: issuer name is missing in IssuerSerial`);
    }
    candidate = certs.find((c) => bytesEqual(c.rawIssuer, issuer) && serialOf(c) === serialNumber);
  } else if (si.sid.kind === "issuerAndSerialNumber") {
    const { issuer, serialNumber } = si.sid;
    candidate = certs.find((c) => bytesEqual(c.rawIssuer, issuer) && serialOf(c) === serialNumber);
  }
  if (candidate === void 0) {
    throw fail2(
      "TSA_SIGNER_NOT_FOUND",
      `${SIGNED_TOKEN}: signing certificate not found in the timestamp token`
    );
  }
  let hash = "SHA-256";
  if (first.hashOid !== void 0) {
    const named = hashFromOid(first.hashOid);
    if (named === void 0) {
      throw fail2(
        "TSA_SIGNATURE_INVALID",
        `${SIGNED_TOKEN}: unsupported certificate hash algorithm in SigningCertificateV2 attribute`
      );
    }
    hash = named;
  }
  if (!bytesEqual(digest(hash, candidate.der), first.certHash)) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: signing certificate hash does not match CertHash in signed attribute`
    );
  }
  return candidate;
}
var MAX_PATH_LENGTH = 8;
var MAX_PATHS = 16;
function buildPaths(leaf, intermediates, roots) {
  const paths = [];
  const issues = (child, parent) => bytesEqual(child.rawIssuer, parent.rawSubject) && signatureCheck(child, parent) === "ok";
  const visit = (path3) => {
    if (paths.length >= MAX_PATHS) return;
    const cur = path3[path3.length - 1];
    if (roots.some((r) => bytesEqual(r.der, cur.der))) {
      paths.push(path3);
      return;
    }
    for (const root of roots) {
      if (issues(cur, root)) paths.push([...path3, root]);
    }
    if (path3.length >= MAX_PATH_LENGTH) return;
    for (const next of intermediates) {
      if (next.selfIssued || path3.some((p) => bytesEqual(p.der, next.der))) continue;
      if (issues(cur, next)) visit([...path3, next]);
    }
  };
  visit([leaf]);
  return paths;
}
function ekuNestingAllows(path3) {
  return path3.slice(1).every((c) => {
    const eku = c.extendedKeyUsage;
    return !eku.present || eku.oids.includes(OID2.timeStamping) || eku.oids.includes("2.5.29.37.0");
  });
}
function unanchoredLeaf(signer, genTime) {
  const eku = signer.extendedKeyUsage;
  if (!eku.present || !eku.critical || eku.oids.length !== 1 || eku.oids[0] !== OID2.timeStamping) {
    throw fail2(
      "TSA_CERT_INVALID",
      `timestamp signing certificate "${signer.subject}" must have exactly one extended key usage, timeStamping, marked critical`
    );
  }
  if (signer.keySpec === void 0) {
    throw fail2(
      "TSA_CERT_INVALID",
      `timestamp signing certificate "${signer.subject}" has an unsupported key`
    );
  }
  if (genTime < signer.notBefore || genTime > signer.notAfter) {
    throw fail2(
      "TSA_CERT_INVALID",
      `timestamp signing certificate "${signer.subject}" is not valid at genTime ${genTime.toISOString()}`
    );
  }
  return [signer];
}
function trustedChain(signer, certs, roots, genTime) {
  const paths = buildPaths(signer, certs, roots);
  if (paths.length === 0) {
    throw fail2(
      "TSA_UNTRUSTED",
      `${SIGNED_TOKEN}: ${CMS}: x509: certificate signed by unknown authority (no path from TSA certificate "${signer.subject}" to a trusted TSA root)`
    );
  }
  let firstError;
  for (const path3 of paths) {
    if (!ekuNestingAllows(path3)) {
      firstError ??= fail2(
        "TSA_CERT_INVALID",
        `${SIGNED_TOKEN}: ${CMS}: x509: certificate specifies an incompatible key usage (a CA certificate in the TSA chain does not allow timeStamping)`
      );
      continue;
    }
    try {
      validateTimestampingChain(path3, { signingTime: genTime });
      return path3;
    } catch (err) {
      firstError ??= fail2(
        "TSA_CERT_INVALID",
        `failed to validate the timestamping certificate chain at genTime ${genTime.toISOString()}: ${err.message}`,
        err
      );
    }
  }
  throw firstError;
}
function signatureScheme(si) {
  const digestHash = hashFromOid(si.digestAlgorithm.oid);
  switch (si.signatureAlgorithm.oid) {
    case OID2.rsaEncryption:
      return digestHash && { kind: "pkcs1", hash: digestHash };
    case OID2.rsassaPss:
      return digestHash && { kind: "pss", hash: digestHash };
    case OID2.sha256WithRSA:
      return { kind: "pkcs1", hash: "SHA-256" };
    case OID2.sha384WithRSA:
      return { kind: "pkcs1", hash: "SHA-384" };
    case OID2.sha512WithRSA:
      return { kind: "pkcs1", hash: "SHA-512" };
    case OID2.ecdsaWithSHA256:
      return { kind: "ecdsa", hash: "SHA-256" };
    case OID2.ecdsaWithSHA384:
      return { kind: "ecdsa", hash: "SHA-384" };
    case OID2.ecdsaWithSHA512:
      return { kind: "ecdsa", hash: "SHA-512" };
    default:
      return void 0;
  }
}
function checkSignature(si, token, cert) {
  const scheme = signatureScheme(si);
  if (scheme === void 0) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: unknown signature algorithm (signature ${si.signatureAlgorithm.oid}, digest ${si.digestAlgorithm.oid})`
    );
  }
  const key = cert.publicKey;
  const keyType = key.asymmetricKeyType;
  const wantsRsa = scheme.kind !== "ecdsa";
  if (wantsRsa && keyType !== "rsa" && keyType !== "rsa-pss" || !wantsRsa && keyType !== "ec") {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: x509: signature algorithm specifies ${wantsRsa ? "an RSA" : "an ECDSA"} public key, but the signing certificate has a ${keyType ?? "unknown"} key`
    );
  }
  const signed = si.signedAttributesDer ?? token.eContent;
  let ok;
  try {
    ok = scheme.kind === "pss" ? cryptoVerify(
      nodeHashName(scheme.hash),
      signed,
      { key, padding: constants2.RSA_PKCS1_PSS_PADDING, saltLength: hashLength(scheme.hash) },
      si.signature
    ) : cryptoVerify(
      nodeHashName(scheme.hash),
      signed,
      scheme.kind === "pkcs1" ? { key, padding: constants2.RSA_PKCS1_PADDING } : key,
      si.signature
    );
  } catch {
    ok = false;
  }
  if (!ok) {
    const reason = scheme.kind === "ecdsa" ? "x509: ECDSA verification failure" : "crypto/rsa: verification error";
    throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: ${CMS}: ${reason}`);
  }
}
function checkSignedAttributes(si, token, chain) {
  const attrs = si.signedAttributes;
  if (attrs === void 0 || attrs.length === 0) {
    throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: ${CMS}: missing signed attributes`);
  }
  const ct = attribute(attrs, OID2.contentType);
  let contentType2;
  try {
    if (ct === void 0) throw new Asn1ShapeError("attribute not found");
    contentType2 = oid(parseOne(ct, "contentType"), "contentType");
  } catch (err) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: invalid content type: ${asn1FailureText(err)}`,
      err
    );
  }
  if (contentType2 !== token.eContentType) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: mismatch content type: found "${contentType2}" in signer info, and "${token.eContentType}" in signed data`
    );
  }
  const md = attribute(attrs, OID2.messageDigest);
  let expected;
  try {
    if (md === void 0) throw new Asn1ShapeError("attribute not found");
    expected = octets(parseOne(md, "messageDigest"), "messageDigest");
  } catch (err) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: invalid message digest: ${asn1FailureText(err)}`,
      err
    );
  }
  const hash = hashFromOid(si.digestAlgorithm.oid);
  if (hash === void 0) {
    throw fail2(
      "TSA_SIGNATURE_INVALID",
      `${SIGNED_TOKEN}: ${CMS}: unsupported digest algorithm ${si.digestAlgorithm.oid}`
    );
  }
  if (!bytesEqual(expected, digest(hash, token.eContent))) {
    throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: ${CMS}: mismatch message digest`);
  }
  const st = attribute(attrs, OID2.signingTime);
  if (st !== void 0) {
    let signingTime;
    try {
      signingTime = anyTime(parseOne(st, "signingTime"), "signingTime");
    } catch (err) {
      throw fail2(
        "TSA_SIGNATURE_INVALID",
        `${SIGNED_TOKEN}: ${CMS}: invalid signing time: ${asn1FailureText(err)}`,
        err
      );
    }
    const t = signingTime.getTime();
    if (chain.some((c) => t < c.notBefore.getTime() || t > c.notAfter.getTime())) {
      throw fail2(
        "TSA_SIGNATURE_INVALID",
        `${SIGNED_TOKEN}: ${CMS}: signing time, ${signingTime.toISOString()}, is outside certificate's validity period`
      );
    }
  }
}
function parseCerts(ders, what, code) {
  return ders.map((der, i) => {
    try {
      return parseCertificate(der);
    } catch (err) {
      throw fail2(code, `${what} [${i}] cannot be parsed as an X.509 certificate`, err);
    }
  });
}
function nonceValue(nonce) {
  return typeof nonce === "bigint" ? nonce : bigintFromUnsigned(nonce);
}
function verifyTimestampToken(options) {
  const token = parseTimestampToken(options.token);
  const info = parseTstInfo(token.eContent);
  if (options.expectedHash !== void 0 && info.hashAlgorithm !== options.expectedHash) {
    throw fail2(
      "TSA_IMPRINT_MISMATCH",
      `invalid TSTInfo: the message imprint uses ${info.hashAlgorithm}, expected ${options.expectedHash}`
    );
  }
  if (!bytesEqual(info.hashedMessage, digest(info.hashAlgorithm, options.message))) {
    throw fail2("TSA_IMPRINT_MISMATCH", "invalid TSTInfo: mismatched message");
  }
  if (options.nonce !== void 0) {
    const want = nonceValue(options.nonce);
    if (info.nonce !== want) {
      throw fail2(
        "TSA_NONCE_MISMATCH",
        `nonce in response ${info.nonce === void 0 ? "<nil>" : info.nonce.toString()} does not match nonce in request ${want.toString()}`
      );
    }
  }
  const unanchored = options.roots.length === 0 && options.allowUnanchored === true;
  if (options.roots.length === 0 && !unanchored) {
    throw fail2(
      "TSA_UNTRUSTED",
      "no trusted TSA root certificate was given (tsa trust store is empty)"
    );
  }
  const roots = parseCerts(options.roots, "TSA root certificate", "TSA_UNTRUSTED");
  const certs = parseCerts(
    token.certificates,
    "timestamp token certificate",
    "TSA_RESPONSE_INVALID"
  );
  if (token.signerInfos.length === 0) {
    throw fail2("TSA_SIGNATURE_INVALID", `${SIGNED_TOKEN}: signerInfo not found`);
  }
  let lastError;
  let chain;
  for (const si of token.signerInfos) {
    try {
      const signer = signingCertificate(si, certs);
      if (si.version !== 1) {
        throw fail2(
          "TSA_SIGNATURE_INVALID",
          `${SIGNED_TOKEN}: ${CMS}: invalid signer info version: only version 1 is supported; got ${si.version}`
        );
      }
      const path3 = unanchored ? unanchoredLeaf(signer, info.genTime) : trustedChain(signer, certs, roots, info.genTime);
      checkSignature(si, token, signer);
      checkSignedAttributes(si, token, path3);
      chain = path3;
      break;
    } catch (err) {
      lastError = err;
    }
  }
  if (chain === void 0) throw lastError;
  const accuracy2 = accuracyMs(info);
  if (options.maxClockSkewMs !== void 0) {
    if (options.now === void 0) {
      throw fail2("TSA_REQUEST", "maxClockSkewMs needs the current time (now)");
    }
    const delta = info.genTime.getTime() - options.now.getTime();
    if (Math.abs(delta) > options.maxClockSkewMs + accuracy2) {
      throw fail2(
        "TSA_TIME",
        `timestamp genTime ${info.genTime.toISOString()} is ${Math.round(Math.abs(delta) / 1e3)} s ${delta < 0 ? "behind" : "ahead of"} the local clock ${options.now.toISOString()}; the allowed skew is ${Math.round(options.maxClockSkewMs / 1e3)} s`
      );
    }
  }
  return {
    genTime: info.genTime,
    accuracyMs: accuracy2,
    hashAlgorithm: info.hashAlgorithm,
    tsaChain: chain.map((c) => c.der),
    policy: info.policy,
    serialNumber: info.serialNumber.toString(16),
    tstInfo: info
  };
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
  async function attempt(url, request, message2) {
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
        message: message2,
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
  async function fromUrl(url, request, message2) {
    for (let n = 1; ; n++) {
      try {
        return await attempt(url, request, message2);
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
  async function timestampWithInfo(message2, hash) {
    const request = createTimestampRequest({ message: message2, hash, nonceRandom: random(NONCE_BYTES) });
    const failures = [];
    for (const [i, url] of urls.entries()) {
      try {
        const result = await fromUrl(url, request, message2);
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
    async timestamp(message2, hash) {
      return (await timestampWithInfo(message2, hash)).token;
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

// src/commands/deps.ts
var VERSION = "0.1.0";
var SIGNING_AGENT = `oci-notary-action/${VERSION}`;
function productionTransport(runtime) {
  return createTransport({
    logger: runtime.logger,
    ...runtime.onRequest ? { onRequest: runtime.onRequest } : {}
  });
}
function lazyAzureCredential(azure, runtime) {
  let credential;
  return () => credential ??= import("./credential-YZ6RTVB4.js").then(
    ({ createAzureCredential }) => createAzureCredential({
      ...azure.clientId ? { clientId: azure.clientId } : {},
      ...azure.tenantId ? { tenantId: azure.tenantId } : {},
      ...azure.authorityHost ? { authorityHost: azure.authorityHost } : {},
      logger: runtime.logger,
      env: runtime.env
    })
  );
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
        pending = Promise.all([import("./acr-OP35PKBS.js"), credential()]).then(
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
    insecureRegistries: connection.registry.insecureRegistries
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
    const { createKeyVaultSigner } = await import("./key-vault-signer-FAC4FKKL.js");
    return createKeyVaultSigner({
      keyId: signer.keyId,
      ...chainPem === void 0 ? {} : { certificateChainPem: chainPem },
      allowUntrustedEndpoint: signer.allowUntrustedEndpoint,
      credential: await credential(),
      transport,
      logger: runtime.logger,
      mask: runtime.mask,
      now
    });
  }
  const correlation = runtime.env.GITHUB_RUN_ID ? `${runtime.env.GITHUB_RUN_ID}-${runtime.env.GITHUB_RUN_ATTEMPT ?? "1"}` : void 0;
  const { createArtifactSigningSigner } = await import("./artifact-signing-4C6YUBDP.js");
  return createArtifactSigningSigner({
    endpoint: signer.endpoint,
    allowUntrustedEndpoint: signer.allowUntrustedEndpoint,
    accountName: signer.account,
    certificateProfile: signer.certificateProfile,
    apiVersion: signer.apiVersion,
    credential: await credential(),
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
async function productionTimestamper(timestamp, transport, runtime) {
  if (timestamp === void 0) return void 0;
  const roots = await loadTimestampRoots(timestamp);
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
    revocation: createRevocationChecker({ transport, logger: runtime.logger })
  };
}

// src/envelope/errors.ts
var EnvelopeError = class extends ActionError {
};

// src/envelope/labels.ts
var HEADER = {
  signingScheme: "io.cncf.notary.signingScheme",
  signingTime: "io.cncf.notary.signingTime",
  authenticSigningTime: "io.cncf.notary.authenticSigningTime",
  expiry: "io.cncf.notary.expiry",
  verificationPlugin: "io.cncf.notary.verificationPlugin",
  verificationPluginMinVersion: "io.cncf.notary.verificationPluginMinVersion",
  timestampSignature: "io.cncf.notary.timestampSignature",
  signingAgent: "io.cncf.notary.signingAgent"
};
var UNDERSTOOD_CRITICAL = /* @__PURE__ */ new Set([
  HEADER.signingScheme,
  HEADER.authenticSigningTime,
  HEADER.expiry,
  HEADER.signingTime,
  HEADER.verificationPlugin,
  HEADER.verificationPluginMinVersion
]);

// src/envelope/rules.ts
function checkSigningScheme(value, ctx) {
  if (value === void 0) {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${ctx} lacks the required "${HEADER.signingScheme}"`
    );
  }
  if (typeof value !== "string") {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${ctx} "${HEADER.signingScheme}" must be a text string`
    );
  }
  if (value !== SIGNING_SCHEME.x509 && value !== SIGNING_SCHEME.signingAuthority) {
    throw new EnvelopeError(
      "ENVELOPE_UNSUPPORTED",
      `${ctx} "${HEADER.signingScheme}" is "${value}"; only "${SIGNING_SCHEME.x509}" and "${SIGNING_SCHEME.signingAuthority}" exist`
    );
  }
  return value;
}
function checkCritical(crit, present, scheme, ctx) {
  if (crit.length === 0) {
    throw new EnvelopeError("ENVELOPE_CRITICAL_HEADER", `${ctx} "crit" is empty`);
  }
  for (const label of crit) {
    if (!present.has(label)) {
      throw new EnvelopeError(
        "ENVELOPE_CRITICAL_HEADER",
        `${ctx} "crit" lists "${label}", which is not in the protected header`
      );
    }
    if (!UNDERSTOOD_CRITICAL.has(label)) {
      throw new EnvelopeError(
        "ENVELOPE_CRITICAL_HEADER",
        `${ctx} "crit" lists "${label}", a critical header this verifier does not implement`
      );
    }
  }
  const required = [HEADER.signingScheme];
  if (scheme === SIGNING_SCHEME.signingAuthority) required.push(HEADER.authenticSigningTime);
  if (present.has(HEADER.expiry)) required.push(HEADER.expiry);
  for (const label of required) {
    if (!crit.includes(label)) {
      throw new EnvelopeError(
        "ENVELOPE_CRITICAL_HEADER",
        `${ctx} "${label}" must be listed in "crit"`
      );
    }
  }
}
function timeLabels(scheme) {
  return scheme === SIGNING_SCHEME.x509 ? { required: HEADER.signingTime, forbidden: HEADER.authenticSigningTime } : { required: HEADER.authenticSigningTime, forbidden: HEADER.signingTime };
}
function checkExpiryAfterSigning(signingTime, expiry, ctx) {
  if (expiry !== void 0 && expiry.getTime() <= signingTime.getTime()) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${ctx} "${HEADER.expiry}" (${expiry.toISOString()}) must be after the signing time (${signingTime.toISOString()})`
    );
  }
}
function truncateToSeconds(date) {
  return new Date(Math.floor(date.getTime() / 1e3) * 1e3);
}

// src/cose/cbor.ts
var CborTag = class {
  constructor(tag, value) {
    this.tag = tag;
    this.value = value;
  }
  tag;
  value;
};
var CborFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
};
var textEncoder = new TextEncoder();
var textDecoder = new TextDecoder("utf-8", { fatal: true });
function head(major, value) {
  const m = major << 5;
  const v = BigInt(value);
  if (v < 24n) return Uint8Array.of(m | Number(v));
  if (v < 0x100n) return Uint8Array.of(m | 24, Number(v));
  if (v < 0x10000n) return Uint8Array.of(m | 25, Number(v >> 8n), Number(v & 0xffn));
  if (v < 0x100000000n) {
    const out = new Uint8Array(5);
    out[0] = m | 26;
    new DataView(out.buffer).setUint32(1, Number(v));
    return out;
  }
  if (v <= 0xffffffffffffffffn) {
    const out = new Uint8Array(9);
    out[0] = m | 27;
    new DataView(out.buffer).setBigUint64(1, v);
    return out;
  }
  throw new RangeError("CBOR integer out of range");
}
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
function compareBytes(a, b) {
  return Buffer.compare(a, b);
}
function encodeCbor(value) {
  return concat(encodeParts(value));
}
function encodeParts(value) {
  if (typeof value === "number") {
    if (Number.isInteger(value)) {
      if (!Number.isSafeInteger(value)) throw new RangeError("CBOR: use bigint beyond 2^53");
      return [value >= 0 ? head(0, value) : head(1, -1 - value)];
    }
    const out = new Uint8Array(9);
    out[0] = 251;
    new DataView(out.buffer).setFloat64(1, value);
    return [out];
  }
  if (typeof value === "bigint") return [value >= 0n ? head(0, value) : head(1, -1n - value)];
  if (value instanceof CborFloat) {
    const out = new Uint8Array(9);
    out[0] = 251;
    new DataView(out.buffer).setFloat64(1, value.value);
    return [out];
  }
  if (typeof value === "string") {
    const bytes = textEncoder.encode(value);
    return [head(3, bytes.length), bytes];
  }
  if (value instanceof Uint8Array) return [head(2, value.length), value];
  if (value === false) return [Uint8Array.of(244)];
  if (value === true) return [Uint8Array.of(245)];
  if (value === null) return [Uint8Array.of(246)];
  if (value === void 0) return [Uint8Array.of(247)];
  if (Array.isArray(value)) return [head(4, value.length), ...value.flatMap(encodeParts)];
  if (value instanceof CborTag) return [head(6, value.tag), ...encodeParts(value.value)];
  const entries = [...value.entries()].map(([k, v]) => ({ key: encodeCbor(k), value: v }));
  entries.sort((a, b) => compareBytes(a.key, b.key));
  for (let i = 1; i < entries.length; i++) {
    if (compareBytes(entries[i - 1].key, entries[i].key) === 0) {
      throw new RangeError("CBOR: duplicate map key");
    }
  }
  return [head(5, entries.length), ...entries.flatMap((e) => [e.key, ...encodeParts(e.value)])];
}
function encodeBstr(bytes) {
  return concat([head(2, bytes.length), bytes]);
}
var MAX_DEPTH = 32;
var Reader = class {
  constructor(bytes, opts) {
    this.bytes = bytes;
    this.opts = opts;
  }
  bytes;
  opts;
  offset = 0;
  fail(message2) {
    return new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${this.opts.context}: ${message2} (at byte ${this.offset})`
    );
  }
  need(n) {
    if (this.offset + n > this.bytes.length) throw this.fail("unexpected end of CBOR data");
  }
  byte() {
    this.need(1);
    return this.bytes[this.offset++];
  }
  argument(info) {
    if (info < 24) return info;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset);
    if (info === 24) return this.byte();
    if (info === 25) {
      this.need(2);
      const v = view.getUint16(this.offset);
      this.offset += 2;
      return v;
    }
    if (info === 26) {
      this.need(4);
      const v = view.getUint32(this.offset);
      this.offset += 4;
      return v;
    }
    if (info === 27) {
      this.need(8);
      const v = view.getBigUint64(this.offset);
      this.offset += 8;
      return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    if (info === 31) throw this.fail("indefinite-length items are not allowed");
    throw this.fail(`reserved additional information ${info}`);
  }
  length(info) {
    const n = this.argument(info);
    if (typeof n === "bigint" || n > this.bytes.length - this.offset) {
      throw this.fail("length exceeds the remaining data");
    }
    return n;
  }
  item(depth) {
    if (depth > MAX_DEPTH) throw this.fail(`nesting deeper than ${MAX_DEPTH}`);
    const initial = this.byte();
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return this.argument(info);
      case 1: {
        const n = this.argument(info);
        return typeof n === "bigint" ? -1n - n : -1 - n;
      }
      case 2: {
        const len = this.length(info);
        const out = new Uint8Array(this.bytes.subarray(this.offset, this.offset + len));
        this.offset += len;
        return out;
      }
      case 3: {
        const len = this.length(info);
        const raw = this.bytes.subarray(this.offset, this.offset + len);
        this.offset += len;
        try {
          return textDecoder.decode(raw);
        } catch {
          throw this.fail("text string is not valid UTF-8");
        }
      }
      case 4: {
        const len = this.length(info);
        const out = [];
        for (let i = 0; i < len; i++) out.push(this.item(depth + 1));
        return out;
      }
      case 5: {
        const len = this.length(info);
        const out = /* @__PURE__ */ new Map();
        const seen = /* @__PURE__ */ new Set();
        for (let i = 0; i < len; i++) {
          const keyStart = this.offset;
          const key = this.item(depth + 1);
          const id = typeof key === "number" || typeof key === "bigint" ? `i:${String(key)}` : typeof key === "string" ? `t:${key}` : `r:${Buffer.from(this.bytes.subarray(keyStart, this.offset)).toString("hex")}`;
          if (seen.has(id)) throw this.fail(`duplicate map key ${describeKey(key)}`);
          seen.add(id);
          out.set(key, this.item(depth + 1));
        }
        return out;
      }
      case 6: {
        const tag = this.argument(info);
        if (!this.opts.allowTags) throw this.fail(`CBOR tag ${String(tag)} is not allowed here`);
        if (typeof tag === "bigint") throw this.fail("CBOR tag number too large");
        return new CborTag(tag, this.item(depth + 1));
      }
      default:
        return this.simple(info);
    }
  }
  simple(info) {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset);
    switch (info) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 23:
        return void 0;
      case 25: {
        this.need(2);
        const v = halfToNumber(view.getUint16(this.offset));
        this.offset += 2;
        return new CborFloat(v);
      }
      case 26: {
        this.need(4);
        const v = view.getFloat32(this.offset);
        this.offset += 4;
        return new CborFloat(v);
      }
      case 27: {
        this.need(8);
        const v = view.getFloat64(this.offset);
        this.offset += 8;
        return new CborFloat(v);
      }
      case 31:
        throw this.fail('unexpected "break" (indefinite-length items are not allowed)');
      default:
        throw this.fail(`unsupported simple value ${info}`);
    }
  }
};
function halfToNumber(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const exp = bits >> 10 & 31;
  const frac = bits & 1023;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}
function describeKey(key) {
  if (typeof key === "string") return JSON.stringify(key);
  if (typeof key === "number" || typeof key === "bigint") return String(key);
  return `a ${cborTypeName(key)} key`;
}
function cborTypeName(value) {
  if (value === null) return "null";
  if (value === void 0) return "undefined";
  if (value instanceof CborFloat) return "float";
  if (typeof value === "number" || typeof value === "bigint") {
    return Number.isInteger(value) || typeof value === "bigint" ? "int" : "float";
  }
  if (typeof value === "string") return "tstr";
  if (typeof value === "boolean") return "bool";
  if (value instanceof Uint8Array) return "bstr";
  if (Array.isArray(value)) return "array";
  if (value instanceof CborTag) return `tag ${value.tag}`;
  return "map";
}
function decodeCborItem(bytes, start, opts) {
  const reader = new Reader(bytes, opts);
  reader.offset = start;
  const value = reader.item(0);
  return { value, end: reader.offset };
}
function decodeCbor(bytes, opts) {
  const { value, end } = decodeCborItem(bytes, 0, opts);
  if (end !== bytes.length) {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${opts.context}: ${bytes.length - end} trailing byte(s) after the CBOR item`
    );
  }
  return value;
}
function cborToJs(value) {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [cborToJs(k), cborToJs(v)]);
  if (Array.isArray(value)) return value.map(cborToJs);
  if (value instanceof CborTag) return { tag: value.tag, value: cborToJs(value.value) };
  if (value instanceof CborFloat) return value.value;
  return value;
}

// src/cose/headers.ts
var COSE_LABEL = {
  alg: 1,
  crit: 2,
  contentType: 3,
  x5chain: 33
};
var TAG_EPOCH_TIME = 1;
function epochTime(date) {
  return new CborTag(TAG_EPOCH_TIME, Math.floor(date.getTime() / 1e3));
}
function encodeProtectedHeader(input) {
  const scheme = input.signingScheme ?? SIGNING_SCHEME.x509;
  const map = /* @__PURE__ */ new Map();
  const crit = [HEADER.signingScheme];
  map.set(COSE_LABEL.alg, algorithmInfo(input.algorithm).coseAlg);
  map.set(HEADER.signingScheme, scheme);
  const signingSeconds = Math.floor(input.signingTime.getTime() / 1e3);
  if (scheme === SIGNING_SCHEME.x509) {
    map.set(HEADER.signingTime, epochTime(input.signingTime));
  } else {
    map.set(HEADER.authenticSigningTime, epochTime(input.signingTime));
    crit.push(HEADER.authenticSigningTime);
  }
  if (input.expiry !== void 0) {
    checkExpiryAfterSigning(
      new Date(signingSeconds * 1e3),
      new Date(Math.floor(input.expiry.getTime() / 1e3) * 1e3),
      "COSE protected header"
    );
    map.set(HEADER.expiry, epochTime(input.expiry));
    crit.push(HEADER.expiry);
  }
  for (const attr of input.extendedAttributes ?? []) {
    if (map.has(attr.key)) {
      throw new EnvelopeError(
        "ENVELOPE_MALFORMED",
        `extended attribute "${attr.key}" collides with a protected header`
      );
    }
    map.set(attr.key, attr.value);
    if (attr.critical) crit.push(attr.key);
  }
  map.set(COSE_LABEL.crit, crit);
  map.set(COSE_LABEL.contentType, input.contentType ?? MEDIA_TYPE.notaryPayload);
  return encodeCbor(map);
}

// src/cose/sign1.ts
var SIGNATURE1 = "Signature1";
var MAX_DATE_MS = 864e13;
var PROTECTED = "COSE protected header";
var UNPROTECTED = "COSE unprotected header";
function sigStructure(protectedBytes, payload) {
  return encodeCbor([SIGNATURE1, protectedBytes, new Uint8Array(0), payload]);
}
function encodeUnprotectedHeader(input) {
  const map = /* @__PURE__ */ new Map();
  map.set(COSE_LABEL.x5chain, [...input.certificateChain]);
  if (input.signingAgent !== void 0 && input.signingAgent !== "") {
    map.set(HEADER.signingAgent, input.signingAgent);
  }
  if (input.timestampToken !== void 0) map.set(HEADER.timestampSignature, input.timestampToken);
  return encodeCbor(map);
}
function encodeCoseSign1(parts) {
  return Buffer.concat([
    Uint8Array.of(210, 132),
    encodeBstr(parts.protectedBytes),
    encodeUnprotectedHeader(parts.unprotected),
    encodeBstr(parts.payload),
    encodeBstr(parts.signature)
  ]);
}
function malformed(message2) {
  return new EnvelopeError("ENVELOPE_MALFORMED", message2);
}
function labelString(label) {
  return typeof label === "string" ? label : String(label);
}
function checkLabels(map, ctx) {
  for (const key of map.keys()) {
    if (typeof key !== "string" && typeof key !== "number" && typeof key !== "bigint") {
      throw malformed(`${ctx} has a label of type ${cborTypeName(key)}; labels must be int or tstr`);
    }
  }
}
function readTime(map, label) {
  if (!map.has(label)) return void 0;
  const value = map.get(label);
  if (!(value instanceof CborTag)) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED} "${label}" must be a CBOR tag 1 date/time, got an untagged ${cborTypeName(value)}`
    );
  }
  if (value.tag !== TAG_EPOCH_TIME) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED} "${label}" uses CBOR tag ${value.tag}; only tag 1 (epoch seconds) is supported`
    );
  }
  const raw = value.value;
  const seconds = raw instanceof CborFloat ? raw.value : raw;
  if (typeof seconds === "bigint" || typeof seconds === "number" && Number.isFinite(seconds)) {
    return epochSecondsToDate(seconds, label);
  }
  throw new EnvelopeError(
    "ENVELOPE_TIME",
    `${PROTECTED} "${label}" tag 1 must wrap a number of seconds, got ${cborTypeName(raw)}`
  );
}
function epochSecondsToDate(seconds, label) {
  const ms = typeof seconds === "bigint" ? Number(seconds) * 1e3 : Math.round(seconds * 1e3);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED} "${label}" is ${String(seconds)} seconds since the epoch, outside the supported range of \xB1${MAX_DATE_MS / 1e3} seconds (RFC 8949 \xA73.4.2 epoch time)`
    );
  }
  return new Date(ms);
}
function splitOuter(bytes) {
  if (bytes.length < 2 || bytes[0] !== 210 || bytes[1] !== 132) {
    throw malformed(
      "COSE envelope must start with d2 84 (tag 18 COSE_Sign1_Tagged around a 4-element array)"
    );
  }
  const items = [];
  let offset = 2;
  for (let i = 0; i < 4; i++) {
    const { value, end } = decodeCborItem(bytes, offset, {
      allowTags: false,
      context: "COSE_Sign1"
    });
    items.push(value);
    offset = end;
  }
  if (offset !== bytes.length) {
    throw malformed(`COSE envelope has ${bytes.length - offset} trailing byte(s)`);
  }
  return items;
}
function decodeCoseSign1(bytes) {
  const [protectedItem, unprotectedItem, payload, signature] = splitOuter(bytes);
  if (!(protectedItem instanceof Uint8Array)) {
    throw malformed(`${PROTECTED} must be a bstr, got ${cborTypeName(protectedItem)}`);
  }
  const protectedMap = decodeCbor(protectedItem, { allowTags: true, context: PROTECTED });
  if (!(protectedMap instanceof Map)) {
    throw malformed(`${PROTECTED} must wrap a map, got ${cborTypeName(protectedMap)}`);
  }
  checkLabels(protectedMap, PROTECTED);
  if (!(unprotectedItem instanceof Map)) {
    throw malformed(`${UNPROTECTED} must be a map, got ${cborTypeName(unprotectedItem)}`);
  }
  checkLabels(unprotectedItem, UNPROTECTED);
  for (const key of unprotectedItem.keys()) {
    if (protectedMap.has(key)) {
      throw malformed(
        `header ${describeKey(key)} appears in both the protected and unprotected header`
      );
    }
  }
  if (unprotectedItem.has(COSE_LABEL.crit)) {
    throw malformed(`${UNPROTECTED} must not carry "crit" (label 2)`);
  }
  if (!(payload instanceof Uint8Array)) {
    throw malformed(
      payload === null ? "COSE payload is detached (nil); Notary envelopes carry the payload" : `COSE payload must be a bstr, got ${cborTypeName(payload)}`
    );
  }
  if (payload.length === 0) throw malformed("COSE payload is empty");
  if (!(signature instanceof Uint8Array) || signature.length === 0) {
    throw malformed("COSE signature must be a non-empty bstr");
  }
  const alg = protectedMap.get(COSE_LABEL.alg);
  if (alg === void 0) throw malformed(`${PROTECTED} lacks "alg" (label 1)`);
  if (typeof alg !== "number" && typeof alg !== "string" && typeof alg !== "bigint") {
    throw malformed(`${PROTECTED} "alg" (label 1) must be an int, got ${cborTypeName(alg)}`);
  }
  const algorithm = typeof alg === "number" ? algorithmFromCose(alg) : void 0;
  if (!algorithm) {
    throw new EnvelopeError(
      "ENVELOPE_UNSUPPORTED",
      `${PROTECTED} "alg" (label 1) is ${String(alg)}; Notary allows -37 PS256, -38 PS384, -39 PS512, -7 ES256, -35 ES384, -36 ES512`
    );
  }
  const cty = protectedMap.get(COSE_LABEL.contentType);
  if (typeof cty !== "string" || !/^[^/\s]+\/[^/\s]+$/.test(cty)) {
    throw malformed(`${PROTECTED} "cty" (label 3) must be a "type/subtype" text string`);
  }
  const scheme = checkSigningScheme(
    protectedMap.get(HEADER.signingScheme),
    PROTECTED
  );
  const critRaw = protectedMap.get(COSE_LABEL.crit);
  if (critRaw === void 0) {
    throw new EnvelopeError("ENVELOPE_CRITICAL_HEADER", `${PROTECTED} lacks "crit" (label 2)`);
  }
  if (!Array.isArray(critRaw)) {
    throw malformed(`${PROTECTED} "crit" (label 2) must be an array, got ${cborTypeName(critRaw)}`);
  }
  const crit = critRaw.map((label) => {
    if (typeof label !== "string" && typeof label !== "number") {
      throw malformed(
        `${PROTECTED} "crit" lists a ${cborTypeName(label)}; labels must be int or tstr`
      );
    }
    return labelString(label);
  });
  const present = new Set([...protectedMap.keys()].map(labelString));
  checkCritical(crit, present, scheme, PROTECTED);
  const labels = timeLabels(scheme);
  if (protectedMap.has(labels.forbidden)) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED} carries "${labels.forbidden}", which the ${scheme} signing scheme does not use`
    );
  }
  const signingTime = readTime(protectedMap, labels.required);
  if (signingTime === void 0) {
    throw new EnvelopeError("ENVELOPE_TIME", `${PROTECTED} lacks "${labels.required}"`);
  }
  const expiry = readTime(protectedMap, HEADER.expiry);
  checkExpiryAfterSigning(signingTime, expiry, PROTECTED);
  const system = /* @__PURE__ */ new Set([
    String(COSE_LABEL.alg),
    String(COSE_LABEL.crit),
    String(COSE_LABEL.contentType),
    HEADER.signingScheme,
    HEADER.signingTime,
    HEADER.authenticSigningTime,
    HEADER.expiry
  ]);
  const extendedAttributes = [];
  for (const [key, value] of protectedMap) {
    const label = labelString(key);
    if (system.has(label)) continue;
    if ((label === HEADER.verificationPlugin || label === HEADER.verificationPluginMinVersion) && typeof value !== "string") {
      throw malformed(`${PROTECTED} "${label}" must be a text string`);
    }
    extendedAttributes.push({ key: label, value: cborToJs(value), critical: crit.includes(label) });
  }
  const x5chain = unprotectedItem.get(COSE_LABEL.x5chain);
  if (x5chain === void 0) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED} lacks "x5chain" (label 33); the certificate chain is not present`
    );
  }
  if (!Array.isArray(x5chain)) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED} "x5chain" (label 33) must be an array of bstr, got a ${cborTypeName(x5chain)}`
    );
  }
  if (x5chain.length === 0) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED} "x5chain" (label 33) is empty`
    );
  }
  const certificateChain = x5chain.map((cert, i) => {
    if (!(cert instanceof Uint8Array) || cert.length === 0) {
      throw new EnvelopeError(
        "ENVELOPE_CERTIFICATE_CHAIN",
        `${UNPROTECTED} "x5chain" entry ${i} must be a non-empty bstr (DER certificate)`
      );
    }
    return cert;
  });
  const tst = unprotectedItem.get(HEADER.timestampSignature);
  if (tst !== void 0 && (!(tst instanceof Uint8Array) || tst.length === 0)) {
    throw malformed(`${UNPROTECTED} "${HEADER.timestampSignature}" must be a non-empty bstr`);
  }
  const agent = unprotectedItem.get(HEADER.signingAgent);
  if (agent !== void 0 && typeof agent !== "string") {
    throw malformed(`${UNPROTECTED} "${HEADER.signingAgent}" must be a text string`);
  }
  return {
    format: "cose",
    mediaType: MEDIA_TYPE.cose,
    algorithm,
    contentType: cty,
    payload,
    signature,
    toBeSigned: sigStructure(protectedItem, payload),
    signingScheme: scheme,
    ...labels.required === HEADER.signingTime ? { signingTime } : { authenticSigningTime: signingTime },
    ...expiry !== void 0 ? { expiry } : {},
    certificateChain,
    ...tst instanceof Uint8Array ? { timestampToken: tst } : {},
    ...typeof agent === "string" ? { signingAgent: agent } : {},
    critical: crit,
    extendedAttributes
  };
}

// src/notary/go-json.ts
var SHORT_ESCAPES = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "\b": "\\b",
  "\f": "\\f"
};
function hex4(code) {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
function goJsonString(value) {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== void 0) out += short;
    else if (code < 32 || ch === "<" || ch === ">" || ch === "&") out += hex4(code);
    else if (code === 8232 || code === 8233) out += hex4(code);
    else if (code >= 55296 && code <= 56319) {
      const next = value.charCodeAt(i + 1);
      if (next >= 56320 && next <= 57343) {
        out += ch + value.charAt(i + 1);
        i++;
      } else out += "\\ufffd";
    } else if (code >= 56320 && code <= 57343) out += "\\ufffd";
    else out += ch;
  }
  return out + '"';
}
function compareGoStrings(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
function goJson(value) {
  if (value === null || value === void 0) return "null";
  if (typeof value === "string") return goJsonString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("JSON cannot encode a non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v)).join(",")}]`;
  if (value instanceof Map) {
    const keys = [...value.keys()].sort(compareGoStrings);
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value.get(k))}`).join(",")}}`;
  }
  const entries = Object.entries(value).filter(
    ([, v]) => v !== void 0
  );
  return `{${entries.map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(",")}}`;
}
function goJsonBytes(value) {
  return new Uint8Array(Buffer.from(goJson(value), "utf8"));
}
function toGoMapJson(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toGoMapJson);
  return new Map(
    Object.entries(value).map(([k, v]) => [k, toGoMapJson(v)])
  );
}

// src/jws/jws.ts
var PROTECTED2 = "JWS protected header";
var UNPROTECTED2 = "JWS unprotected header";
var SYSTEM_KEYS = /* @__PURE__ */ new Set([
  "alg",
  "cty",
  "crit",
  HEADER.expiry,
  HEADER.signingTime,
  HEADER.signingScheme,
  HEADER.authenticSigningTime
]);
function formatRfc3339(date) {
  return new Date(Math.floor(date.getTime() / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
}
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
function parseRfc3339(value) {
  const m = RFC3339.exec(value);
  if (!m) return void 0;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1e3) : 0;
  let offset = 0;
  if (zone && zone !== "Z") {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(4, 6));
    if (hours > 23 || minutes > 59) return void 0;
    const sign = zone.startsWith("-") ? -1 : 1;
    offset = sign * (hours * 60 + minutes);
  }
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return void 0;
  }
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms);
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (check.getUTCDate() !== day) return void 0;
  return new Date(utc - offset * 6e4);
}
function base64UrlEncode(bytes) {
  return Buffer.from(bytes).toString("base64url");
}
function base64UrlDecode(value, what) {
  if (typeof value !== "string" || !/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `JWS ${what} must be unpadded base64url`);
  }
  return new Uint8Array(Buffer.from(value, "base64url"));
}
function base64StdDecode(value, what) {
  if (typeof value !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0 || value.length === 0) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${what} must be non-empty standard base64`);
  }
  return new Uint8Array(Buffer.from(value, "base64"));
}
function encodeJwsProtectedHeader(input) {
  const scheme = input.signingScheme ?? SIGNING_SCHEME.x509;
  const header = /* @__PURE__ */ new Map();
  const crit = [HEADER.signingScheme];
  for (const attr of input.extendedAttributes ?? []) {
    if (SYSTEM_KEYS.has(attr.key) || header.has(attr.key)) {
      throw new EnvelopeError(
        "ENVELOPE_MALFORMED",
        `extended attribute "${attr.key}" collides with a header`
      );
    }
    header.set(attr.key, attr.value);
    if (attr.critical) crit.push(attr.key);
  }
  header.set("alg", algorithmInfo(input.algorithm).jwsAlg);
  header.set("cty", input.contentType ?? MEDIA_TYPE.notaryPayload);
  header.set(HEADER.signingScheme, scheme);
  if (scheme === SIGNING_SCHEME.x509) {
    header.set(HEADER.signingTime, formatRfc3339(input.signingTime));
  } else {
    header.set(HEADER.authenticSigningTime, formatRfc3339(input.signingTime));
    crit.push(HEADER.authenticSigningTime);
  }
  if (input.expiry !== void 0) {
    checkExpiryAfterSigning(
      new Date(Math.floor(input.signingTime.getTime() / 1e3) * 1e3),
      new Date(Math.floor(input.expiry.getTime() / 1e3) * 1e3),
      PROTECTED2
    );
    header.set(HEADER.expiry, formatRfc3339(input.expiry));
    crit.push(HEADER.expiry);
  }
  header.set("crit", crit);
  return goJson(header);
}
function canonicalJwsPayload(payload) {
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(payload).toString("utf8"));
  } catch (err) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", "a JWS payload must be JSON", { cause: err });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", "a JWS payload must be a JSON object");
  }
  return goJsonBytes(toGoMapJson(parsed));
}
function jwsSigningInput(protectedB64, payloadB64) {
  return new Uint8Array(Buffer.from(`${protectedB64}.${payloadB64}`, "ascii"));
}
function encodeJwsEnvelope(parts) {
  return goJsonBytes({
    payload: parts.payloadB64,
    protected: parts.protectedB64,
    header: {
      [HEADER.timestampSignature]: parts.timestampToken ? Buffer.from(parts.timestampToken).toString("base64") : void 0,
      x5c: parts.certificateChain.map((c) => Buffer.from(c).toString("base64")),
      [HEADER.signingAgent]: parts.signingAgent === "" ? void 0 : parts.signingAgent
    },
    signature: base64UrlEncode(parts.signature)
  });
}
function isObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function parseJsonObject2(bytes, what) {
  let parsed;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${what} is not valid JSON`, { cause: err });
  }
  if (!isObject2(parsed))
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${what} must be a JSON object`);
  return parsed;
}
function readTime2(header, key) {
  if (!Object.hasOwn(header, key)) return void 0;
  const value = header[key];
  const date = typeof value === "string" ? parseRfc3339(value) : void 0;
  if (!date) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED2} "${key}" must be an RFC 3339 date-time string`
    );
  }
  return date;
}
function decodeJws(bytes) {
  const env = parseJsonObject2(bytes, "JWS envelope");
  for (const key of Object.keys(env)) {
    if (!["payload", "protected", "header", "signature"].includes(key)) {
      throw new EnvelopeError(
        "ENVELOPE_MALFORMED",
        `JWS envelope has member "${key}"; only the flattened serialization {payload, protected, header, signature} is supported`
      );
    }
  }
  if (typeof env.protected !== "string" || typeof env.payload !== "string") {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      'JWS envelope needs "protected" and "payload" strings'
    );
  }
  const protectedB64 = env.protected;
  const payloadB64 = env.payload;
  const protectedBytes = base64UrlDecode(protectedB64, '"protected"');
  const payload = base64UrlDecode(payloadB64, '"payload"');
  const signature = base64UrlDecode(env.signature, '"signature"');
  if (signature.length === 0) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", 'JWS "signature" is empty');
  }
  if (payload.length === 0) throw new EnvelopeError("ENVELOPE_MALFORMED", 'JWS "payload" is empty');
  parseJsonObject2(payload, "JWS payload");
  const header = parseJsonObject2(protectedBytes, PROTECTED2);
  const alg = header.alg;
  if (typeof alg !== "string") {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${PROTECTED2} "alg" must be a string`);
  }
  const algorithm = algorithmFromJws(alg);
  if (!algorithm) {
    throw new EnvelopeError(
      "ENVELOPE_UNSUPPORTED",
      `${PROTECTED2} "alg" is "${alg}"; Notary allows PS256, PS384, PS512, ES256, ES384, ES512`
    );
  }
  const cty = header.cty;
  if (typeof cty !== "string" || !/^[^/\s]+\/[^/\s]+$/.test(cty)) {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${PROTECTED2} "cty" must be a "type/subtype" string`
    );
  }
  const scheme = checkSigningScheme(header[HEADER.signingScheme], PROTECTED2);
  const critRaw = header.crit;
  if (critRaw === void 0) {
    throw new EnvelopeError("ENVELOPE_CRITICAL_HEADER", `${PROTECTED2} lacks "crit"`);
  }
  if (!Array.isArray(critRaw) || !critRaw.every((c) => typeof c === "string")) {
    throw new EnvelopeError("ENVELOPE_MALFORMED", `${PROTECTED2} "crit" must be an array of strings`);
  }
  checkCritical(critRaw, new Set(Object.keys(header)), scheme, PROTECTED2);
  const labels = timeLabels(scheme);
  if (Object.hasOwn(header, labels.forbidden)) {
    throw new EnvelopeError(
      "ENVELOPE_TIME",
      `${PROTECTED2} carries "${labels.forbidden}", which the ${scheme} signing scheme does not use`
    );
  }
  const signingTime = readTime2(header, labels.required);
  if (!signingTime)
    throw new EnvelopeError("ENVELOPE_TIME", `${PROTECTED2} lacks "${labels.required}"`);
  const expiry = readTime2(header, HEADER.expiry);
  checkExpiryAfterSigning(signingTime, expiry, PROTECTED2);
  const extendedAttributes = [];
  for (const [key, value] of Object.entries(header)) {
    if (SYSTEM_KEYS.has(key)) continue;
    if ((key === HEADER.verificationPlugin || key === HEADER.verificationPluginMinVersion) && typeof value !== "string") {
      throw new EnvelopeError("ENVELOPE_MALFORMED", `${PROTECTED2} "${key}" must be a string`);
    }
    extendedAttributes.push({ key, value, critical: critRaw.includes(key) });
  }
  const unprotected = env.header;
  if (!isObject2(unprotected)) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED2} ("header") is missing, so the certificate chain (x5c) is not present`
    );
  }
  for (const key of Object.keys(unprotected)) {
    if (Object.hasOwn(header, key)) {
      throw new EnvelopeError(
        "ENVELOPE_MALFORMED",
        `header "${key}" appears in both the protected and unprotected header`
      );
    }
  }
  const x5c = unprotected.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0) {
    throw new EnvelopeError(
      "ENVELOPE_CERTIFICATE_CHAIN",
      `${UNPROTECTED2} "x5c" must be a non-empty array of base64 DER certificates`
    );
  }
  const certificateChain = x5c.map((c, i) => {
    try {
      return base64StdDecode(c, `${UNPROTECTED2} "x5c" entry ${i}`);
    } catch (err) {
      throw new EnvelopeError("ENVELOPE_CERTIFICATE_CHAIN", err.message);
    }
  });
  const tst = unprotected[HEADER.timestampSignature];
  const timestampToken = tst === void 0 ? void 0 : base64StdDecode(tst, `${UNPROTECTED2} "${HEADER.timestampSignature}"`);
  const agent = unprotected[HEADER.signingAgent];
  if (agent !== void 0 && typeof agent !== "string") {
    throw new EnvelopeError(
      "ENVELOPE_MALFORMED",
      `${UNPROTECTED2} "${HEADER.signingAgent}" must be a string`
    );
  }
  return {
    format: "jws",
    mediaType: MEDIA_TYPE.jws,
    algorithm,
    contentType: cty,
    payload,
    signature,
    toBeSigned: jwsSigningInput(protectedB64, payloadB64),
    signingScheme: scheme,
    ...labels.required === HEADER.signingTime ? { signingTime } : { authenticSigningTime: signingTime },
    ...expiry !== void 0 ? { expiry } : {},
    certificateChain,
    ...timestampToken ? { timestampToken } : {},
    ...typeof agent === "string" ? { signingAgent: agent } : {},
    critical: [...critRaw],
    extendedAttributes
  };
}

// src/envelope/decode.ts
function decodeEnvelope(mediaType2, bytes) {
  switch (mediaType2) {
    case MEDIA_TYPE.cose:
      return decodeCoseSign1(bytes);
    case MEDIA_TYPE.jws:
      return decodeJws(bytes);
    default:
      throw new EnvelopeError(
        "ENVELOPE_UNSUPPORTED",
        `signature envelope media type "${mediaType2}" is not supported; expected "${MEDIA_TYPE.cose}" or "${MEDIA_TYPE.jws}"`
      );
  }
}

// src/envelope/signature.ts
function verifyEnvelopeSignature(parsed) {
  const leafDer = parsed.certificateChain[0];
  if (!leafDer) {
    throw new EnvelopeError("ENVELOPE_CERTIFICATE_CHAIN", "the envelope has no leaf certificate");
  }
  const leaf = parseCertificate(leafDer);
  const expected = algorithmForKeySpec(
    keySpecOfKey(leaf.publicKey, `leaf certificate "${leaf.subject}"`)
  );
  if (expected !== parsed.algorithm) {
    throw new EnvelopeError(
      "ENVELOPE_ALGORITHM_MISMATCH",
      `the envelope says ${parsed.algorithm} but the leaf certificate "${leaf.subject}" key requires ${expected}`
    );
  }
  return verifyRaw(parsed.algorithm, leaf.publicKey, parsed.toBeSigned, parsed.signature);
}

// src/verify/signed-payload.ts
var SignedPayloadError = class extends Error {
};
var MAX_DEPTH2 = 1e4;
function isWs(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
function hexValue(c) {
  if (c === void 0) return -1;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
function decodeRune(b, i) {
  const b0 = b[i];
  if (b0 < 128) return [b0, 1];
  const cont = (k, lo = 128, hi = 191) => {
    const c = b[i + k];
    return c !== void 0 && c >= lo && c <= hi ? c & 63 : void 0;
  };
  if (b0 >= 194 && b0 <= 223) {
    const c1 = cont(1);
    return c1 === void 0 ? [65533, 1] : [(b0 & 31) << 6 | c1, 2];
  }
  if (b0 >= 224 && b0 <= 239) {
    const c1 = cont(1, b0 === 224 ? 160 : 128, b0 === 237 ? 159 : 191);
    const c2 = c1 === void 0 ? void 0 : cont(2);
    if (c1 === void 0 || c2 === void 0) return [65533, 1];
    return [(b0 & 15) << 12 | c1 << 6 | c2, 3];
  }
  if (b0 >= 240 && b0 <= 244) {
    const c1 = cont(1, b0 === 240 ? 144 : 128, b0 === 244 ? 143 : 191);
    const c2 = c1 === void 0 ? void 0 : cont(2);
    const c3 = c2 === void 0 ? void 0 : cont(3);
    if (c1 === void 0 || c2 === void 0 || c3 === void 0) return [65533, 1];
    return [(b0 & 7) << 18 | c1 << 12 | c2 << 6 | c3, 4];
  }
  return [65533, 1];
}
function parseJson(b) {
  let i = 0;
  const syntax = (what) => new SignedPayloadError(`invalid JSON at byte ${i}: ${what}`);
  const skipWs = () => {
    while (isWs(b[i])) i++;
  };
  const u4 = (at) => {
    if (b[at] !== 92 || b[at + 1] !== 117) return -1;
    let r = 0;
    for (let k = 2; k < 6; k++) {
      const h = hexValue(b[at + k]);
      if (h < 0) return -1;
      r = r * 16 + h;
    }
    return r;
  };
  const string = () => {
    i++;
    const out = [];
    for (; ; ) {
      const c = b[i];
      if (c === void 0) throw syntax("unexpected end of input in a string");
      if (c === 34) {
        i++;
        break;
      }
      if (c < 32) throw syntax("control character in a string");
      if (c !== 92) {
        const [rune, width] = decodeRune(b, i);
        out.push(rune);
        i += width;
        continue;
      }
      const e = b[i + 1];
      const simple = {
        34: 34,
        92: 92,
        47: 47,
        98: 8,
        102: 12,
        110: 10,
        114: 13,
        116: 9
      };
      if (e !== void 0 && simple[e] !== void 0) {
        out.push(simple[e]);
        i += 2;
        continue;
      }
      if (e !== 117) throw syntax("invalid escape in a string");
      let r = u4(i);
      if (r < 0) throw syntax("invalid \\u escape in a string");
      i += 6;
      if (r >= 55296 && r <= 57343) {
        const r1 = u4(i);
        if (r <= 56319 && r1 >= 56320 && r1 <= 57343) {
          r = 65536 + (r - 55296 << 10) + (r1 - 56320);
          i += 6;
        } else {
          r = 65533;
        }
      }
      out.push(r);
    }
    let s = "";
    for (let k = 0; k < out.length; k += 4096) {
      s += String.fromCodePoint(...out.slice(k, k + 4096));
    }
    return s;
  };
  const number = () => {
    const start = i;
    const digits = () => {
      const from = i;
      while ((b[i] ?? 0) >= 48 && (b[i] ?? 0) <= 57) i++;
      return i - from;
    };
    if (b[i] === 45) i++;
    if (b[i] === 48) i++;
    else if (digits() === 0) throw syntax("invalid number");
    if (b[i] === 46) {
      i++;
      if (digits() === 0) throw syntax("invalid number");
    }
    if (b[i] === 101 || b[i] === 69) {
      i++;
      if (b[i] === 43 || b[i] === 45) i++;
      if (digits() === 0) throw syntax("invalid number");
    }
    return { kind: "number", text: Buffer.from(b.subarray(start, i)).toString("latin1") };
  };
  const literal = (word, value) => {
    for (let k = 0; k < word.length; k++) {
      if (b[i + k] !== word.charCodeAt(k)) throw syntax("invalid literal");
    }
    i += word.length;
    return { kind: "literal", value };
  };
  const stack = [];
  const key = (frame) => {
    skipWs();
    if (b[i] !== 34) throw syntax("expected a string key");
    frame.key = string();
    skipWs();
    if (b[i] !== 58) throw syntax("expected ':' after a key");
    i++;
  };
  for (; ; ) {
    skipWs();
    let value;
    const c = b[i];
    if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH2) throw syntax("exceeded max depth");
      i++;
      skipWs();
      if (c === 123) {
        if (b[i] === 125) {
          i++;
          value = { kind: "object", members: [] };
        } else {
          const frame = { kind: "object", members: [], key: "" };
          key(frame);
          stack.push(frame);
          continue;
        }
      } else if (b[i] === 93) {
        i++;
        value = { kind: "array", items: [] };
      } else {
        stack.push({ kind: "array", items: [] });
        continue;
      }
    } else if (c === 34) value = { kind: "string", value: string() };
    else if (c === 45 || c !== void 0 && c >= 48 && c <= 57) value = number();
    else if (c === 116) value = literal("true", true);
    else if (c === 102) value = literal("false", false);
    else if (c === 110) value = literal("null", null);
    else throw syntax(c === void 0 ? "unexpected end of input" : "invalid character");
    for (; ; ) {
      const top = stack[stack.length - 1];
      if (top === void 0) {
        skipWs();
        if (i !== b.length) throw syntax("invalid character after top-level value");
        return value;
      }
      if (top.kind === "object") top.members.push([top.key, value]);
      else top.items.push(value);
      skipWs();
      const sep = b[i];
      if (sep === 44) {
        i++;
        if (top.kind === "object") key(top);
        break;
      }
      if (top.kind === "object" && sep === 125 || top.kind === "array" && sep === 93) {
        i++;
        stack.pop();
        value = top.kind === "object" ? { kind: "object", members: top.members } : { kind: "array", items: top.items };
        continue;
      }
      throw syntax(`expected ',' or '${top.kind === "object" ? "}" : "]"}'`);
    }
  }
}
function fold(name) {
  let out = "";
  for (const ch of name) {
    if (ch === "\u017F") out += "S";
    else if (ch === "\u212A") out += "K";
    else if (ch >= "a" && ch <= "z") out += ch.toUpperCase();
    else out += ch;
  }
  return out;
}
function typeError(v, goType, field) {
  const kind = v.kind === "literal" ? v.value === null ? "null" : "bool" : v.kind;
  return new SignedPayloadError(
    `json: cannot unmarshal ${kind} into Go value of type ${goType} (${field})`
  );
}
var isNull = (v) => v.kind === "literal" && v.value === null;
function eachField(v, fields) {
  const byFold = new Map(Object.entries(fields).map(([name, f]) => [fold(name), f]));
  for (const [k, value] of v.members) byFold.get(fold(k))?.(value);
}
function goString(v, field, current) {
  if (isNull(v)) return current;
  if (v.kind !== "string") throw typeError(v, "string", field);
  return v.value;
}
function goStringSlice(v, field) {
  if (isNull(v)) return void 0;
  if (v.kind !== "array") throw typeError(v, "[]string", field);
  return v.items.map((item) => goString(item, field, ""));
}
function goInt64(v, field, current) {
  if (isNull(v)) return current;
  if (v.kind !== "number") throw typeError(v, "int64", field);
  const n = /^-?\d+$/.test(v.text) ? BigInt(v.text) : void 0;
  if (n === void 0 || n < -(2n ** 63n) || n >= 2n ** 63n) {
    throw new SignedPayloadError(
      `json: cannot unmarshal number ${v.text} into Go value of type int64 (${field})`
    );
  }
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new SignedPayloadError(`${field} ${v.text} is not a size any artifact can have`);
  }
  return Number(n);
}
var BASE64_STD = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function decodeSignedPayload(bytes) {
  const root = parseJson(bytes);
  const d = {
    mediaType: "",
    digest: "",
    size: 0,
    urls: void 0,
    annotations: void 0,
    data: void 0,
    platform: void 0,
    artifactType: ""
  };
  const platform = (v) => {
    if (isNull(v)) {
      d.platform = void 0;
      return;
    }
    if (v.kind !== "object") throw typeError(v, "v1.Platform", "targetArtifact.platform");
    const p = d.platform ??= { architecture: "", os: "", "os.version": "", variant: "" };
    const f = (name) => (x) => {
      const path3 = `targetArtifact.platform.${name}`;
      if (name === "os.features") {
        const list = goStringSlice(x, path3);
        if (list === void 0) delete p["os.features"];
        else p["os.features"] = list;
      } else p[name] = goString(x, path3, p[name]);
    };
    eachField(v, {
      architecture: f("architecture"),
      os: f("os"),
      "os.version": f("os.version"),
      "os.features": f("os.features"),
      variant: f("variant")
    });
  };
  const descriptor = (v) => {
    if (isNull(v)) return;
    if (v.kind !== "object") throw typeError(v, "v1.Descriptor", "targetArtifact");
    eachField(v, {
      mediaType: (x) => d.mediaType = goString(x, "targetArtifact.mediaType", d.mediaType),
      digest: (x) => d.digest = goString(x, "targetArtifact.digest", d.digest),
      size: (x) => d.size = goInt64(x, "targetArtifact.size", d.size),
      urls: (x) => d.urls = goStringSlice(x, "targetArtifact.urls"),
      annotations: (x) => {
        if (isNull(x)) {
          d.annotations = void 0;
          return;
        }
        if (x.kind !== "object")
          throw typeError(x, "map[string]string", "targetArtifact.annotations");
        const map = d.annotations ??= /* @__PURE__ */ new Map();
        for (const [k, value] of x.members) {
          map.set(k, goString(value, `targetArtifact.annotations[${JSON.stringify(k)}]`, ""));
        }
      },
      data: (x) => {
        if (isNull(x)) {
          d.data = void 0;
          return;
        }
        if (x.kind !== "string") throw typeError(x, "[]uint8", "targetArtifact.data");
        if (!BASE64_STD.test(x.value.replace(/[\r\n]/g, ""))) {
          throw new SignedPayloadError("illegal base64 data in targetArtifact.data");
        }
        d.data = x.value;
      },
      platform,
      artifactType: (x) => d.artifactType = goString(x, "targetArtifact.artifactType", d.artifactType)
    });
  };
  if (!isNull(root)) {
    if (root.kind !== "object") throw typeError(root, "envelope.Payload", "payload");
    eachField(root, { targetArtifact: descriptor });
  }
  const targetArtifact = { mediaType: d.mediaType, digest: d.digest, size: d.size };
  if (d.annotations !== void 0) targetArtifact.annotations = Object.fromEntries(d.annotations);
  if (d.artifactType !== "") targetArtifact.artifactType = d.artifactType;
  if (d.urls !== void 0) targetArtifact.urls = d.urls;
  if (d.data !== void 0) targetArtifact.data = d.data;
  if (d.platform !== void 0) {
    const { architecture, os, variant } = d.platform;
    targetArtifact.platform = {
      architecture,
      os,
      ...variant !== "" ? { variant } : {},
      ...d.platform["os.version"] !== "" ? { "os.version": d.platform["os.version"] } : {}
    };
  }
  return { targetArtifact };
}
function missingUserMetadata(annotations, required) {
  return [...required].filter(
    ([k, v]) => annotations === void 0 || !Object.hasOwn(annotations, k) || annotations[k] !== v
  );
}

// src/verify/verifier.ts
var CHECK_ORDER = [
  "integrity",
  "verificationPlugin",
  "authenticity",
  "expiry",
  "authenticTimestamp",
  "revocation",
  "payload",
  "userMetadata"
];
function formatRfc1123z(d) {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec"
  ];
  const p = (n) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
function bytesEqual2(a, b) {
  return a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
}
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}
function summary(cert) {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    sha256: cert.sha256,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter
  };
}
var Run = class {
  constructor(level) {
    this.level = level;
  }
  level;
  checks = [];
  warnings = [];
  notes = [];
  stopped;
  error;
  action(type) {
    return type === "integrity" || type === "authenticity" || type === "authenticTimestamp" || type === "expiry" || type === "revocation" ? this.level.enforcement[type] : "enforce";
  }
  /** Records a result; returns true when it is an enforced failure (verification stops). */
  record(result) {
    const check = { ...result, action: result.action ?? this.action(result.type) };
    this.checks.push(check);
    const bad = check.status === "failed" || check.status === "inconclusive";
    if (!bad) return false;
    if (check.action === "log") {
      this.warnings.push(
        `${check.type} validation failed with validation action set to "logged". Failure reason: ${check.message}`
      );
      return false;
    }
    if (check.action !== "enforce") return false;
    this.fail(check);
    return true;
  }
  fail(check) {
    if (this.error === void 0) {
      this.stopped = check;
      this.error = new VerificationError(
        check.code ?? "INCONCLUSIVE",
        `${check.type} validation failed: ${check.message}`,
        check.cause === void 0 ? void 0 : { cause: check.cause }
      );
    }
  }
  /** Adds `skipped` entries for checks not reached, in the canonical order. */
  finish(requested) {
    const byType = new Map(this.checks.map((c) => [c.type, c]));
    const out = [];
    for (const type of CHECK_ORDER) {
      const done = byType.get(type);
      if (done !== void 0) out.push(done);
      else if (requested.has(type)) {
        out.push({
          type,
          action: this.action(type),
          status: "skipped",
          message: this.action(type) === "skip" ? "skipped by the verification level" : "not evaluated: verification stopped at an enforced failure"
        });
      }
    }
    return out;
  }
};
function skipOutcome(statement) {
  const checks = ["integrity", "authenticity", "expiry", "authenticTimestamp", "revocation"].map((type) => ({
    type,
    action: "skip",
    status: "skipped",
    message: 'skipped by the verification level "skip"'
  }));
  return {
    verdict: "passed",
    policyName: statement.name,
    level: LEVELS.skip,
    checks,
    warnings: [],
    notes: []
  };
}
function checkIntegrity(input, run) {
  const fail3 = (message2, code, cause) => {
    run.record({ type: "integrity", status: "failed", message: message2, code, ...cause ? { cause } : {} });
    return void 0;
  };
  if (input.mediaType !== MEDIA_TYPE.cose && input.mediaType !== MEDIA_TYPE.jws) {
    return fail3(
      `unable to parse the digital signature, error : signature envelope media type "${input.mediaType}" is not supported`,
      "UNSUPPORTED_ENVELOPE"
    );
  }
  let parsed;
  try {
    parsed = decodeEnvelope(input.mediaType, input.envelope);
  } catch (err) {
    return fail3(
      `unable to parse the digital signature, error : ${errorMessage(err)}`,
      "INTEGRITY",
      err
    );
  }
  try {
    if (!verifyEnvelopeSignature(parsed)) {
      return fail3(
        "signature is invalid: the signature does not verify with the leaf certificate key",
        "INTEGRITY"
      );
    }
  } catch (err) {
    return fail3(`signature is invalid: ${errorMessage(err)}`, "INTEGRITY", err);
  }
  let chain;
  try {
    chain = validateCodeSigningChain(parsed.certificateChain).certificates;
  } catch (err) {
    return fail3(`invalid certificate chain: ${errorMessage(err)}`, "INTEGRITY", err);
  }
  if (parsed.contentType !== MEDIA_TYPE.notaryPayload) {
    return fail3(
      `payload content type "${parsed.contentType}" is not supported; expected "${MEDIA_TYPE.notaryPayload}"`,
      "INTEGRITY"
    );
  }
  run.record({
    type: "integrity",
    status: "passed",
    message: "the signature envelope is intact and its certificate chain is well-formed"
  });
  return { parsed, chain };
}
function checkVerificationPlugin(parsed, run) {
  const attr = parsed.extendedAttributes.find((a) => a.key === HEADER.verificationPlugin);
  if (attr === void 0) return false;
  let message2;
  if (!attr.critical) message2 = `${HEADER.verificationPlugin} is not a critical Extended attribute`;
  else if (typeof attr.value !== "string")
    message2 = `${HEADER.verificationPlugin} from extended attribute is not a string`;
  else if (attr.value.trim() === "")
    message2 = `${HEADER.verificationPlugin} from extended attribute is an empty string`;
  else {
    message2 = `the signature requires the verification plugin "${attr.value}"; verification plugins are not supported, so the result is inconclusive`;
  }
  run.record({
    type: "verificationPlugin",
    action: "enforce",
    status: "inconclusive",
    message: message2,
    code: "INCONCLUSIVE"
  });
  return true;
}
function checkAuthenticity(input, integrity, run) {
  const { parsed, chain } = integrity;
  const storeType = parsed.signingScheme === SIGNING_SCHEME.x509 ? "ca" : "signingAuthority";
  const loaded = trustedCertificatesFor(input.trustStore, input.statement.trustStores, storeType);
  let result;
  if (!loaded.ok) {
    result = {
      type: "authenticity",
      status: "failed",
      message: loaded.error.message,
      code: loaded.error.code,
      cause: loaded.error
    };
  } else if (loaded.certificates.length === 0) {
    result = {
      type: "authenticity",
      status: "inconclusive",
      message: `no trusted certificates are found to verify authenticity: the trust policy "${input.statement.name}" names no "${storeType}" trust store (signing scheme ${parsed.signingScheme})`,
      code: "INCONCLUSIVE"
    };
  } else if (!chain.some((c) => loaded.certificates.some((t) => bytesEqual2(t, c.der)))) {
    result = {
      type: "authenticity",
      status: "failed",
      message: `signature is not produced by a trusted signer: no certificate of the chain (leaf "${chain[0]?.subject ?? ""}") is in the "${storeType}" trust stores of policy "${input.statement.name}"`,
      code: "AUTHENTICITY"
    };
  } else {
    result = {
      type: "authenticity",
      status: "passed",
      message: `the chain contains a certificate of the "${storeType}" trust store`
    };
  }
  if (result.status !== "passed" && run.action("authenticity") === "enforce")
    return run.record(result);
  const leaf = chain[0];
  const identity = matchTrustedIdentity(
    input.statement.identities,
    leaf.subjectAttributes,
    input.statement.name
  );
  if (!identity.ok) {
    const previous = result.status === "passed" ? "" : ` (and: ${result.message})`;
    result = {
      type: "authenticity",
      status: "failed",
      message: `${identity.reason}${previous}`,
      code: "UNTRUSTED_IDENTITY"
    };
  } else if (result.status === "passed") {
    result = {
      ...result,
      message: `${result.message}; the signer "${leaf.subject}" matches ${identity.matched ? `the trusted identity "${identity.matched.raw}"` : 'the trusted identity "*"'}`
    };
  }
  return run.record(result);
}
function checkExpiry(input, parsed, run) {
  const expiry = parsed.expiry;
  if (expiry !== void 0 && input.now.getTime() >= expiry.getTime()) {
    return run.record({
      type: "expiry",
      status: "failed",
      message: `digital signature has expired on "${formatRfc1123z(expiry)}"`,
      code: "EXPIRED"
    });
  }
  return run.record({
    type: "expiry",
    status: "passed",
    message: expiry === void 0 ? "the signature has no expiry" : `the signature expires on "${formatRfc1123z(expiry)}"`
  });
}
function timestampErrorMessage(err) {
  const msg = errorMessage(err);
  if (!(err instanceof TimestampError))
    return `failed to verify the timestamp countersignature with error: ${msg}`;
  if (err.code === "TSA_IMPRINT_MISMATCH" || msg.startsWith("invalid TSTInfo")) {
    return `failed to get timestamp from timestamp countersignature with error: ${msg}`;
  }
  if (msg.startsWith("cannot unmarshal TSTInfo"))
    return `failed to get the timestamp TSTInfo with error: ${msg}`;
  if (err.code === "TSA_RESPONSE_INVALID")
    return `failed to parse timestamp countersignature with error: ${msg}`;
  if (msg.startsWith("failed to validate the timestamping certificate chain")) return msg;
  return `failed to verify the timestamp countersignature with error: ${msg}`;
}
async function timestampProblem(input, integrity, outcome) {
  const { parsed, chain } = integrity;
  const now = input.now.getTime();
  if (parsed.signingScheme === SIGNING_SCHEME.signingAuthority) {
    const t = parsed.authenticSigningTime ?? parsed.signingTime;
    if (t === void 0) return { message: "the signature has no authentic signing time" };
    for (const cert of chain) {
      if (t.getTime() < cert.notBefore.getTime() || t.getTime() > cert.notAfter.getTime()) {
        return {
          message: `certificate "${cert.subject}" was not valid when the digital signature was produced at "${formatRfc1123z(t)}"`
        };
      }
    }
    return void 0;
  }
  let perform = hasTsaStore(input.statement.trustStores);
  if (perform && input.statement.signatureVerification.verifyTimestamp === "afterCertExpiry") {
    perform = chain.some((c) => now > c.notAfter.getTime());
  }
  if (!perform) {
    for (const cert of chain) {
      if (now < cert.notBefore.getTime()) {
        return {
          message: `verification time is before certificate "${cert.subject}" validity period, it will be valid from "${formatRfc1123z(cert.notBefore)}"`
        };
      }
      if (now > cert.notAfter.getTime()) {
        return {
          message: `verification time is after certificate "${cert.subject}" validity period, it was expired at "${formatRfc1123z(cert.notAfter)}"`
        };
      }
    }
    return void 0;
  }
  const token = parsed.timestampToken;
  if (token === void 0 || token.length === 0) {
    return { message: "no timestamp countersignature was found in the signature envelope" };
  }
  const roots = trustedCertificatesFor(input.trustStore, input.statement.trustStores, "tsa");
  if (!roots.ok)
    return {
      message: `failed to load tsa trust store with error: ${roots.error.message}`,
      cause: roots.error
    };
  if (roots.certificates.length === 0)
    return { message: "no trusted TSA certificate found in trust store" };
  let info;
  try {
    const verified = verifyTimestampToken({
      token,
      message: parsed.signature,
      roots: roots.certificates
    });
    info = {
      genTime: verified.genTime,
      accuracyMs: verified.accuracyMs,
      hashAlgorithm: verified.hashAlgorithm,
      tsaChain: verified.tsaChain,
      policy: verified.policy,
      serialNumber: verified.serialNumber
    };
  } catch (err) {
    return { message: timestampErrorMessage(err), cause: err };
  }
  outcome.timestamp = info;
  const lower = info.genTime.getTime() - info.accuracyMs;
  const upper = info.genTime.getTime() + info.accuracyMs;
  for (const cert of chain) {
    if (lower < cert.notBefore.getTime()) {
      return {
        message: `timestamp can be before certificate "${cert.subject}" validity period, it will be valid from "${formatRfc1123z(cert.notBefore)}"`
      };
    }
    if (upper > cert.notAfter.getTime()) {
      return {
        message: `timestamp can be after certificate "${cert.subject}" validity period, it was expired at "${formatRfc1123z(cert.notAfter)}"`
      };
    }
  }
  if (input.revocation.offline === true) {
    outcome.notes.push(
      "the revocation status of the timestamping certificates was not checked (offline)"
    );
    return void 0;
  }
  let tsaSubjects;
  try {
    tsaSubjects = info.tsaChain.map((der) => parseCertificate(der).subject);
    const results = await input.revocation.check(info.tsaChain, {
      purpose: "timestamping",
      now: input.now
    });
    const summaryResult = summarizeRevocation(results, tsaSubjects);
    outcome.notes.push(...summaryResult.warnings);
    const subject = summaryResult.index === void 0 ? "" : tsaSubjects[summaryResult.index] ?? "";
    if (summaryResult.result === "revoked")
      return { message: `timestamping certificate with subject "${subject}" is revoked` };
    if (summaryResult.result === "unknown") {
      return {
        message: `timestamping certificate with subject "${subject}" revocation status is unknown`
      };
    }
  } catch (err) {
    return {
      message: `failed to check timestamping certificate chain revocation with error: ${errorMessage(err)}`,
      cause: err
    };
  }
  return void 0;
}
async function checkAuthenticTimestamp(input, integrity, run, outcome) {
  const problem = await timestampProblem(input, integrity, outcome);
  if (problem !== void 0) {
    return run.record({
      type: "authenticTimestamp",
      status: "failed",
      message: problem.message,
      code: "AUTHENTIC_TIMESTAMP",
      ...problem.cause !== void 0 ? { cause: problem.cause } : {}
    });
  }
  const { parsed } = integrity;
  const message2 = parsed.signingScheme === SIGNING_SCHEME.signingAuthority ? "the authentic signing time is within the validity of every chain certificate" : outcome.timestamp !== void 0 ? `the trusted timestamp ${outcome.timestamp.genTime.toISOString()} (\xB1${outcome.timestamp.accuracyMs} ms) is within the validity of every chain certificate` : "every chain certificate is valid now (timestamp not required)";
  return run.record({ type: "authenticTimestamp", status: "passed", message: message2 });
}
async function checkRevocation(input, integrity, run) {
  if (run.action("revocation") === "skip") {
    run.record({ type: "revocation", status: "skipped", message: "skipped by the trust policy" });
    return false;
  }
  if (input.revocation.offline === true) {
    run.record({
      type: "revocation",
      status: "skipped",
      message: "not checked: offline (no OCSP or CRL requests)"
    });
    return false;
  }
  const { parsed, chain } = integrity;
  try {
    const results = await input.revocation.check(parsed.certificateChain, {
      purpose: "codeSigning",
      now: input.now,
      ...parsed.signingScheme === SIGNING_SCHEME.signingAuthority && parsed.authenticSigningTime ? { authenticSigningTime: parsed.authenticSigningTime } : {}
    });
    const subjects = chain.map((c) => c.subject);
    const s = summarizeRevocation(results, subjects);
    run.notes.push(...s.warnings);
    const subject = s.index === void 0 ? "" : subjects[s.index] ?? "";
    if (s.result === "revoked") {
      return run.record({
        type: "revocation",
        status: "failed",
        message: `signing certificate with subject "${subject}" is revoked`,
        code: "REVOCATION"
      });
    }
    if (s.result === "unknown") {
      return run.record({
        type: "revocation",
        status: "inconclusive",
        message: `signing certificate with subject "${subject}" revocation status is unknown`,
        code: "REVOCATION"
      });
    }
    return run.record({
      type: "revocation",
      status: "passed",
      message: "no certificate of the chain is revoked"
    });
  } catch (err) {
    return run.record({
      type: "revocation",
      status: "inconclusive",
      message: `unable to check revocation status, err: ${errorMessage(err)}`,
      code: "REVOCATION",
      cause: err
    });
  }
}
async function verifySignature(input) {
  const { statement } = input;
  const level = statement.verificationLevel;
  if (level.name === "skip") return skipOutcome(statement);
  const run = new Run(level);
  const requested = /* @__PURE__ */ new Set([
    "integrity",
    "authenticity",
    "expiry",
    "authenticTimestamp",
    "revocation",
    "payload"
  ]);
  if (input.userMetadata !== void 0 && input.userMetadata.size > 0) requested.add("userMetadata");
  const outcome = {
    verdict: "failed",
    policyName: statement.name,
    level,
    checks: [],
    warnings: run.warnings,
    notes: run.notes
  };
  const finish2 = () => {
    outcome.checks = run.finish(requested);
    if (run.error !== void 0) {
      outcome.error = run.error;
      outcome.verdict = "failed";
    } else {
      outcome.verdict = "passed";
    }
    for (const w of run.warnings) input.logger?.warning(w);
    for (const n of run.notes) input.logger?.debug(n);
    return outcome;
  };
  const integrity = checkIntegrity(input, run);
  if (integrity === void 0) return finish2();
  const { parsed, chain } = integrity;
  outcome.envelope = {
    mediaType: parsed.mediaType,
    algorithm: parsed.algorithm,
    signingScheme: parsed.signingScheme,
    contentType: parsed.contentType,
    ...parsed.signingAgent !== void 0 ? { signingAgent: parsed.signingAgent } : {}
  };
  outcome.certificateChain = chain.map(summary);
  outcome.signer = chain[0]?.subject;
  const signingTime = parsed.authenticSigningTime ?? parsed.signingTime;
  if (signingTime !== void 0) outcome.signingTime = signingTime;
  outcome.signingTimeIsAuthentic = parsed.signingScheme === SIGNING_SCHEME.signingAuthority;
  if (parsed.expiry !== void 0) outcome.expiry = parsed.expiry;
  if (checkVerificationPlugin(parsed, run)) {
    requested.add("verificationPlugin");
    return finish2();
  }
  if (checkAuthenticity(input, integrity, run)) return finish2();
  if (checkExpiry(input, parsed, run)) return finish2();
  if (await checkAuthenticTimestamp(input, integrity, run, outcome)) return finish2();
  if (await checkRevocation(input, integrity, run)) return finish2();
  let target;
  try {
    target = decodeSignedPayload(parsed.payload).targetArtifact;
    outcome.targetArtifact = target;
  } catch (err) {
    run.record({
      type: "payload",
      status: "failed",
      message: `the signed payload cannot be read: ${errorMessage(err)}`,
      code: "PAYLOAD_MISMATCH",
      cause: err
    });
  }
  if (target !== void 0) {
    const s = input.subject;
    if (target.mediaType !== s.mediaType || target.digest !== s.digest || target.size !== s.size) {
      run.record({
        type: "payload",
        status: "failed",
        message: `content descriptor mismatch: the signature is for ${target.mediaType} ${target.digest} (${target.size} bytes), the artifact is ${s.mediaType} ${s.digest} (${s.size} bytes)`,
        code: "PAYLOAD_MISMATCH"
      });
    } else {
      run.record({ type: "payload", status: "passed", message: `the signature is for ${s.digest}` });
    }
  }
  if (requested.has("userMetadata") && target !== void 0) {
    const missing = missingUserMetadata(target.annotations, input.userMetadata ?? /* @__PURE__ */ new Map());
    if (missing.length > 0) {
      run.record({
        type: "userMetadata",
        status: "failed",
        message: `unable to find specified metadata in the signature: ${missing.map(([k, v]) => `${k}=${v}`).join(", ")}`,
        code: "METADATA_MISMATCH"
      });
    } else {
      run.record({
        type: "userMetadata",
        status: "passed",
        message: "every required metadata entry is signed"
      });
    }
  }
  return finish2();
}

// src/verify/report.ts
function buildArtifactReport(input) {
  const level = input.statement.verificationLevel;
  const base = {
    reference: input.reference,
    artifact: input.artifact,
    policy: { name: input.statement.name, level },
    signatures: [...input.signatures],
    warnings: [...input.warnings ?? [], ...input.signatures.flatMap((s) => s.outcome.warnings)],
    notes: input.signatures.flatMap((s) => s.outcome.notes)
  };
  if (level.name === "skip") return { ...base, verdict: "skipped" };
  const verifiedBy = input.signatures.findIndex((s) => s.outcome.verdict === "passed");
  if (verifiedBy >= 0) return { ...base, verdict: "passed", verifiedBy };
  if (input.signatures.length === 0) {
    return {
      ...base,
      verdict: "failed",
      error: new VerificationError(
        "NO_SIGNATURE",
        `no signature is associated with "${input.reference}", make sure the artifact was signed successfully`
      )
    };
  }
  const reasons = input.signatures.map(
    (s) => `${s.digest}: ${s.outcome.error?.message ?? "failed"}`
  );
  if (input.limitExceeded !== void 0) {
    return {
      ...base,
      verdict: "failed",
      error: new VerificationError(
        "TOO_MANY_SIGNATURES",
        `signature evaluation stopped. The configured limit of ${input.limitExceeded.max} signatures to verify per artifact exceeded
${reasons.join("\n")}`
      )
    };
  }
  const first = input.signatures[0]?.outcome.error;
  return {
    ...base,
    verdict: "failed",
    error: new VerificationError(
      first?.code ?? "INCONCLUSIVE",
      `signature verification failed for all the signatures associated with "${input.reference}":
${reasons.join("\n")}`,
      first === void 0 ? void 0 : { cause: first }
    )
  };
}
var STATUS_MARK = {
  passed: "ok",
  failed: "FAILED",
  skipped: "-",
  inconclusive: "INCONCLUSIVE"
};
function iso(d) {
  return d === void 0 ? "-" : d.toISOString().replace(".000Z", "Z");
}
function pad(s, n) {
  return s.length >= n ? `${s} ` : s + " ".repeat(n - s.length);
}
function renderSignature(s, index, chosen) {
  const o = s.outcome;
  const lines = [];
  const verdict = o.verdict === "passed" ? "verified" : "not verified";
  lines.push(
    `  signature ${index + 1}: ${s.digest} (${s.mediaType}): ${verdict}${chosen ? " (used)" : ""}`
  );
  if (o.signer !== void 0) lines.push(`    signer:       ${o.signer}`);
  if (o.envelope !== void 0) {
    lines.push(`    algorithm:    ${o.envelope.algorithm}, scheme ${o.envelope.signingScheme}`);
  }
  if (o.signingTime !== void 0) {
    lines.push(
      `    signed at:    ${iso(o.signingTime)}${o.signingTimeIsAuthentic ? " (authentic)" : ""}`
    );
  }
  if (o.timestamp !== void 0) {
    const acc = o.timestamp.accuracyMs;
    lines.push(
      `    timestamp:    ${iso(o.timestamp.genTime)}${acc > 0 ? ` \xB1${acc} ms` : ""} (trusted TSA)`
    );
  }
  if (o.expiry !== void 0) lines.push(`    expires:      ${iso(o.expiry)}`);
  for (const c of o.checks) {
    lines.push(
      `    ${pad(c.type, 19)}${pad(c.action, 8)}${pad(STATUS_MARK[c.status], 13)}${c.message}`
    );
  }
  return lines;
}
function renderReportText(report) {
  const lines = [];
  const digestRef = report.reference.includes("@") ? report.reference : `${report.reference} (${report.artifact.digest})`;
  const head2 = report.verdict === "passed" ? "VERIFIED" : report.verdict === "skipped" ? "SKIPPED" : "NOT VERIFIED";
  lines.push(`${head2}: ${digestRef}`);
  lines.push(`  trust policy: "${report.policy.name}", level ${report.policy.level.name}`);
  if (report.verdict === "skipped") {
    lines.push('  verification level "skip": no signature was fetched or checked');
  }
  report.signatures.forEach((s, i) => lines.push(...renderSignature(s, i, i === report.verifiedBy)));
  if (report.error !== void 0)
    lines.push(`  error [${report.error.code}]: ${report.error.message}`);
  if (report.warnings.length > 0) {
    lines.push("  warnings:");
    for (const w of report.warnings) lines.push(`    - ${w}`);
  }
  if (report.notes.length > 0) {
    lines.push("  notes:");
    for (const n of report.notes) lines.push(`    - ${n}`);
  }
  return `${lines.join("\n")}
`;
}

// src/notary/manifest.ts
import { createHash as createHash4 } from "node:crypto";

// src/notary/errors.ts
var NotaryError = class extends ActionError {
};

// src/notary/manifest.ts
function thumbprintAnnotation(chain) {
  return goJson(chain.map((c) => createHash4("sha256").update(c).digest("hex")));
}
function createdAnnotation(date) {
  return new Date(Math.floor(date.getTime() / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
}
function plainDescriptor(d) {
  return { mediaType: d.mediaType, digest: d.digest, size: d.size };
}
function buildSignatureManifest(req) {
  const form = req.form ?? "image-manifest-legacy";
  const annotations = /* @__PURE__ */ new Map([
    [ANNOTATION.thumbprints, thumbprintAnnotation(req.certificateChain)],
    [ANNOTATION.created, createdAnnotation(req.signingTime)]
  ]);
  const config = form === "artifact-type" ? {
    mediaType: MEDIA_TYPE.ociEmpty,
    digest: EMPTY_CONFIG.digest,
    size: EMPTY_CONFIG.size,
    data: EMPTY_CONFIG.base64
  } : {
    mediaType: MEDIA_TYPE.notarySignature,
    digest: EMPTY_CONFIG.digest,
    size: EMPTY_CONFIG.size
  };
  const bytes = goJsonBytes({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociManifest,
    artifactType: form === "artifact-type" ? MEDIA_TYPE.notarySignature : void 0,
    config,
    layers: [plainDescriptor(req.envelope)],
    subject: plainDescriptor(req.subject),
    annotations
  });
  return {
    bytes,
    descriptor: {
      mediaType: MEDIA_TYPE.ociManifest,
      digest: `sha256:${createHash4("sha256").update(bytes).digest("hex")}`,
      size: bytes.length,
      // Registries list artifactType || config.mediaType, which is this value for both forms.
      artifactType: MEDIA_TYPE.notarySignature,
      annotations: Object.fromEntries(annotations)
    }
  };
}
function isObject3(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function descriptorOf(value, what) {
  if (!isObject3(value) || typeof value.mediaType !== "string" || typeof value.digest !== "string" || typeof value.size !== "number" || !Number.isSafeInteger(value.size) || value.size < 0) {
    throw new NotaryError(
      "MANIFEST_MALFORMED",
      `${what} is not a descriptor {mediaType, digest, size}`
    );
  }
  const d = { mediaType: value.mediaType, digest: value.digest, size: value.size };
  if (isObject3(value.annotations)) {
    d.annotations = Object.fromEntries(
      Object.entries(value.annotations).filter(
        (e) => typeof e[1] === "string"
      )
    );
  }
  if (typeof value.artifactType === "string") d.artifactType = value.artifactType;
  return d;
}
function notNotary(detail) {
  return new NotaryError("MANIFEST_NOT_NOTARY", `not a Notary Project signature: ${detail}`);
}
function parseSignatureManifest(bytes, mediaType2) {
  let m;
  try {
    m = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new NotaryError("MANIFEST_MALFORMED", "the signature manifest is not valid JSON", {
      cause: err
    });
  }
  if (!isObject3(m))
    throw new NotaryError("MANIFEST_MALFORMED", "the signature manifest is not a JSON object");
  const declared = typeof m.mediaType === "string" ? m.mediaType : void 0;
  if (declared !== void 0 && mediaType2 !== void 0 && declared !== mediaType2) {
    throw new NotaryError(
      "MANIFEST_MALFORMED",
      `the manifest says mediaType "${declared}" but was served as "${mediaType2}"`
    );
  }
  const type = declared ?? mediaType2 ?? MEDIA_TYPE.ociManifest;
  const annotations = isObject3(m.annotations) ? Object.fromEntries(
    Object.entries(m.annotations).filter(
      (e) => typeof e[1] === "string"
    )
  ) : {};
  const subject = m.subject === void 0 ? void 0 : descriptorOf(m.subject, "manifest subject");
  const artifactType = m.artifactType;
  if (type === MEDIA_TYPE.ociArtifactManifest) {
    if (artifactType !== MEDIA_TYPE.notarySignature) {
      throw notNotary(`artifact manifest artifactType is "${String(artifactType)}"`);
    }
    const blobs = m.blobs;
    if (!Array.isArray(blobs) || blobs.length !== 1) {
      throw notNotary(
        `the artifact manifest must have exactly one blob, found ${Array.isArray(blobs) ? blobs.length : 0}`
      );
    }
    return {
      form: "artifact-manifest",
      mediaType: type,
      envelope: descriptorOf(blobs[0], "manifest blob"),
      ...subject ? { subject } : {},
      annotations
    };
  }
  if (type !== MEDIA_TYPE.ociManifest) {
    throw notNotary(`manifest media type "${type}" is not an OCI image manifest`);
  }
  const config = descriptorOf(m.config, "manifest config");
  let form;
  if (artifactType === void 0 || artifactType === "") {
    if (config.mediaType !== MEDIA_TYPE.notarySignature) {
      throw notNotary(`no artifactType and config.mediaType is "${config.mediaType}"`);
    }
    form = "image-manifest-legacy";
  } else if (artifactType === MEDIA_TYPE.notarySignature) {
    if (config.mediaType !== MEDIA_TYPE.ociEmpty) {
      throw notNotary(
        `artifactType is the Notary signature but config.mediaType is "${config.mediaType}"`
      );
    }
    form = "artifact-type";
  } else {
    throw notNotary(`artifactType is "${String(artifactType)}"`);
  }
  const layers = m.layers;
  if (!Array.isArray(layers) || layers.length !== 1) {
    throw notNotary(
      `a signature manifest must have exactly one layer, found ${Array.isArray(layers) ? layers.length : 0}`
    );
  }
  return {
    form,
    mediaType: type,
    envelope: descriptorOf(layers[0], "manifest layer"),
    ...subject ? { subject } : {},
    annotations
  };
}

// src/commands/pool.ts
async function mapBounded(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  let failed;
  async function worker() {
    while (failed === void 0 && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        failed ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== void 0) throw failed.error;
  return results;
}

// src/commands/verify.ts
var VerifyCommandError = class extends ActionError {
};
function checkJson(c) {
  return {
    type: c.type,
    action: c.action,
    status: c.status,
    message: c.message,
    ...c.code ? { code: c.code } : {}
  };
}
function signatureJson(digest2, outcome) {
  return {
    digest: digest2,
    ...outcome.envelope ? { envelopeMediaType: outcome.envelope.mediaType } : {},
    verdict: outcome.verdict,
    ...outcome.signer ? { signer: outcome.signer } : {},
    ...outcome.signingTime ? { signingTime: outcome.signingTime.toISOString() } : {},
    ...outcome.timestamp ? { timestamp: outcome.timestamp.genTime.toISOString() } : {},
    ...outcome.expiry ? { expiry: outcome.expiry.toISOString() } : {},
    ...outcome.error ? { error: formatCauseChain(outcome.error).join("; ") } : {},
    checks: outcome.checks.map(checkJson),
    warnings: outcome.warnings,
    notes: outcome.notes
  };
}
function failedAttempt(err, statement) {
  const error = err instanceof VerificationError ? err : new VerificationError("INTEGRITY", err instanceof Error ? err.message : String(err), {
    cause: err
  });
  return {
    verdict: "failed",
    error,
    policyName: statement.name,
    level: statement.verificationLevel,
    checks: [],
    warnings: [],
    notes: []
  };
}
async function verifyOne(image, options, deps) {
  const ref = parseReference(image);
  const repository = deps.registry.repository(ref);
  const report = {
    reference: image,
    repository: repository.name,
    verified: false,
    signatures: []
  };
  try {
    const subject = await repository.resolve();
    report.digest = subject.digest;
    report.mediaType = subject.mediaType;
    if (ref.digest === void 0) {
      deps.logger.warning(
        `${image}: resolved to ${subject.digest}; tags are mutable, pass a digest to pin`,
        {
          title: "Verifying by tag"
        }
      );
    }
    const statement = selectPolicy(options.policy, `${repository.name}@${subject.digest}`);
    report.policy = statement.name;
    report.level = statement.verificationLevel.name;
    const tried = [];
    let limitExceeded;
    if (statement.verificationLevel.name !== "skip") {
      const listed = await repository.listReferrers(subject, {
        artifactType: MEDIA_TYPE.notarySignature
      });
      report.discovery = listed.via;
      for (const candidate of listed.descriptors) {
        if (tried.length >= options.maxSignatures) {
          limitExceeded = { max: options.maxSignatures };
          break;
        }
        const attempt = await verifyCandidate(
          repository,
          candidate,
          subject,
          statement,
          options,
          deps
        );
        tried.push(attempt);
        if (attempt.outcome.verdict === "passed") break;
      }
    }
    const artifact = buildArtifactReport({
      reference: `${repository.name}@${subject.digest}`,
      artifact: subject,
      statement,
      signatures: tried,
      ...limitExceeded ? { limitExceeded } : {}
    });
    report.signatures = tried.map((t) => signatureJson(t.digest, t.outcome));
    if (artifact.error) report.error = `[${artifact.error.code}] ${artifact.error.message}`;
    report.text = renderReportText(artifact);
    report.verified = artifact.verdict !== "failed";
  } catch (err) {
    report.verified = false;
    report.error = formatCauseChain(err).join("; ");
  }
  return report;
}
async function fetchSignature(repository, candidate, subject, onMediaType = () => {
}) {
  const fetched = await repository.fetchManifest(candidate, { maxBytes: LIMITS.manifestBytes });
  const manifest = parseSignatureManifest(fetched.bytes, fetched.descriptor.mediaType);
  const mediaType2 = manifest.envelope.mediaType;
  onMediaType(mediaType2);
  if (manifest.subject !== void 0 && manifest.subject.digest !== subject.digest) {
    throw new VerificationError(
      "INTEGRITY",
      `signature manifest ${typeof candidate === "string" ? candidate : candidate.digest} has subject ${manifest.subject.digest}, not ${subject.digest}`
    );
  }
  const envelope = await repository.fetchBlob(manifest.envelope, {
    maxBytes: LIMITS.envelopeBytes
  });
  return { mediaType: mediaType2, envelope };
}
async function verifyCandidate(repository, candidate, subject, statement, options, deps) {
  let mediaType2 = "unknown";
  const digest2 = typeof candidate === "string" ? candidate : candidate.digest;
  try {
    const fetched = await fetchSignature(repository, candidate, subject, (m) => mediaType2 = m);
    const outcome = await verifySignature({
      envelope: fetched.envelope,
      mediaType: mediaType2,
      subject,
      statement,
      trustStore: options.trustStore,
      now: deps.now(),
      userMetadata: options.userMetadata,
      revocation: deps.revocation,
      logger: deps.logger
    });
    return { digest: digest2, mediaType: mediaType2, outcome };
  } catch (err) {
    return { digest: digest2, mediaType: mediaType2, outcome: failedAttempt(err, statement) };
  }
}
function logImageReport(image, r, logger) {
  if (r.text) logger.info(r.text.trimEnd());
  logger.info(
    r.verified ? `${image}: verified${r.policy ? ` (policy "${r.policy}", ${r.level})` : ""}` : `${image}: NOT verified: ${r.error ?? r.signatures.map((s) => s.error).filter(Boolean).join(" | ")}`
  );
}
async function verifyImages(images, options, deps) {
  const reports = await mapBounded(
    images,
    options.concurrency,
    (image) => deps.logger.group(`Verify ${image}`, async () => {
      const r = await verifyOne(image, options, deps);
      logImageReport(image, r, deps.logger);
      return r;
    })
  );
  return { verified: reports.every((r) => r.verified), images: reports };
}
async function readBackOne(pushed, options, deps) {
  const reference = `${pushed.repository}@${pushed.subject.digest}`;
  const report = {
    reference,
    repository: pushed.repository,
    digest: pushed.subject.digest,
    mediaType: pushed.subject.mediaType,
    verified: false,
    signatures: [],
    signatureDigest: pushed.signatureDigest
  };
  try {
    const repository = deps.registry.repository(parseReference(reference));
    const statement = selectPolicy(options.policy, reference);
    report.policy = statement.name;
    report.level = statement.verificationLevel.name;
    const tried = [];
    if (statement.verificationLevel.name !== "skip") {
      tried.push(
        await verifyCandidate(
          repository,
          pushed.signatureDigest,
          pushed.subject,
          statement,
          options,
          deps
        )
      );
    }
    const artifact = buildArtifactReport({
      reference,
      artifact: pushed.subject,
      statement,
      signatures: tried
    });
    report.signatures = tried.map((t) => signatureJson(t.digest, t.outcome));
    if (artifact.error) report.error = `[${artifact.error.code}] ${artifact.error.message}`;
    report.text = renderReportText(artifact);
    report.verified = artifact.verdict !== "failed";
  } catch (err) {
    report.error = formatCauseChain(err).join("; ");
  }
  return report;
}
async function verifyPushedSignatures(pushed, options, deps) {
  const reports = await mapBounded([...pushed], options.concurrency, (p) => {
    const label = `${p.repository}@${p.subject.digest}`;
    return deps.logger.group(`Read back ${p.signatureDigest} of ${label}`, async () => {
      const r = await readBackOne(p, options, deps);
      logImageReport(`${label} (signature ${p.signatureDigest})`, r, deps.logger);
      return r;
    });
  });
  return { verified: reports.every((r) => r.verified), images: reports };
}

// src/commands/sign.ts
import { X509Certificate } from "node:crypto";

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
  if (req.timestamper) {
    try {
      timestampToken = await req.timestamper.timestamp(signature, hashForAlgorithm(leafAlgorithm));
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
function isObject4(value) {
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
  if (!isObject4(parsed) || !isObject4(parsed.targetArtifact)) {
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
    if (!isObject4(t.annotations) || !Object.values(t.annotations).every((v) => typeof v === "string")) {
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
  return new X509Certificate(der).subject.split("\n").join(", ");
}
function genTimeOf(token) {
  const info = parseTstInfo(parseTimestampToken(token).eContent);
  return info.genTime.toISOString();
}
async function resolveTargets(images, options, deps) {
  const resolved = await mapBounded(images, options.concurrency, async (image) => {
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
    return targets;
  });
  const seen = /* @__PURE__ */ new Set();
  return resolved.flat().filter((t) => {
    const key = `${t.repository.name}@${t.descriptor.digest}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
async function signTarget(target, options, deps, configUploads) {
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
  const payload = buildPayload(subject, options.userMetadata);
  const created = await createSignatureEnvelope({
    format: options.format,
    payload,
    signer: deps.signer,
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
  const envelope = await repository.pushBlob(created.envelope, { mediaType: created.mediaType });
  let config = configUploads.get(repository.name);
  if (config === void 0) {
    config = repository.pushBlob(EMPTY_CONFIG.bytes, { mediaType: MEDIA_TYPE.notarySignature });
    config.catch(() => configUploads.delete(repository.name));
    configUploads.set(repository.name, config);
  }
  await config;
  const manifest = buildSignatureManifest({
    form: options.manifestForm,
    envelope: { mediaType: created.mediaType, digest: envelope.digest, size: envelope.size },
    subject,
    certificateChain: created.certificateChain,
    signingTime: created.signingTime
  });
  const pushed = await repository.pushReferrer(
    { manifest: manifest.bytes, mediaType: MEDIA_TYPE.ociManifest },
    { mode: options.referrers }
  );
  for (const warning of pushed.warnings)
    deps.logger.warning(`${label}: ${warning}`, { title: "Referrers" });
  deps.logger.info(
    `${label}: signed; signature manifest ${pushed.descriptor.digest} recorded via ${pushed.via === "api" ? "the Referrers API" : `the referrers tag index`}${timestamp ? `, timestamped ${timestamp}` : ""}`
  );
  return {
    reference: target.reference,
    repository: repository.name,
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    size: descriptor.size,
    signatureDigest: pushed.descriptor.digest,
    referrersMode: pushed.via,
    signer,
    ...timestamp === void 0 ? {} : { timestamp },
    ...target.platform === void 0 ? {} : { platform: target.platform },
    ...target.parentDigest === void 0 ? {} : { parentDigest: target.parentDigest },
    envelopeMediaType: created.mediaType
  };
}
function skippedManifest(target, existing) {
  const { repository, descriptor } = target;
  return {
    reference: target.reference,
    repository: repository.name,
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    size: descriptor.size,
    signatureDigest: existing.signatureDigest,
    referrersMode: existing.referrersMode,
    signer: existing.signer,
    ...existing.timestamp === void 0 ? {} : { timestamp: existing.timestamp },
    ...target.platform === void 0 ? {} : { platform: target.platform },
    ...target.parentDigest === void 0 ? {} : { parentDigest: target.parentDigest },
    envelopeMediaType: existing.envelopeMediaType,
    skipped: { reason: existing.reason }
  };
}
async function signImages(images, options, deps) {
  const targets = await deps.logger.group(
    "Resolve images",
    () => resolveTargets(images, options, deps)
  );
  for (const t of targets) {
    deps.logger.info(
      `${t.reference}${t.platform ? ` (${t.platform})` : ""} \u2192 ${t.repository.name}@${t.descriptor.digest} (${t.descriptor.mediaType})`
    );
  }
  const configUploads = /* @__PURE__ */ new Map();
  return deps.logger.group(
    `Sign ${targets.length} manifest${targets.length === 1 ? "" : "s"} with ${deps.signer.description}`,
    () => mapBounded(targets, options.concurrency, (t) => signTarget(t, options, deps, configUploads))
  );
}

// src/commands/sign-preflight.ts
function checkReadBackPossible(images, verification) {
  const repositories = [...new Set(images.map((image) => repositoryName(parseReference(image))))];
  for (const repository of repositories) {
    const statement = selectPolicyForRepository(verification.policy, repository);
    if (statement.verificationLevel.name === "skip") continue;
    const missing = unusableStores(verification.trustStore, statement.trustStores);
    if (missing.length > 0) {
      throw storeNotFound(
        verification.trustStore,
        missing,
        `nothing was signed: trust policy statement "${statement.name}" (for ${repository}) names stores that are missing or empty: `
      );
    }
  }
}

// src/commands/skip-if-signed.ts
var OWN_CA_STORE = "skip-if-signed-signer";
var OWN_TSA_STORE = "skip-if-signed-tsa";
function signerIdentity(chain, tsaRoots) {
  const leaf = chain[0];
  const root = chain[chain.length - 1];
  if (leaf === void 0 || root === void 0)
    throw new Error("the signer has no certificate chain");
  const leafInfo = parseCertificate(leaf);
  const document = validateTrustPolicy(
    {
      version: "1.0",
      trustPolicies: [
        {
          name: "skip-if-signed (this signer)",
          registryScopes: ["*"],
          // Revocation is the verifier of record's business; here it would only add requests.
          signatureVerification: {
            level: "strict",
            override: { revocation: "skip" },
            verifyTimestamp: "afterCertExpiry"
          },
          trustStores: [
            `ca:${OWN_CA_STORE}`,
            ...tsaRoots.length > 0 ? [`tsa:${OWN_TSA_STORE}`] : []
          ],
          // The identity is matched exactly below; `*` here only asks for a chain to the root.
          trustedIdentities: ["*"]
        }
      ]
    },
    { source: "the skip-if-signed signer policy" }
  );
  const statement = document.trustPolicies[0];
  const trustStore = buildTrustStore([
    {
      type: "ca",
      name: OWN_CA_STORE,
      certificates: [{ der: root, source: "the signer chain root" }]
    },
    ...tsaRoots.length > 0 ? [
      {
        type: "tsa",
        name: OWN_TSA_STORE,
        certificates: tsaRoots.map((der, i) => ({
          der,
          source: `timestamp-root-certificate[${i}]`
        }))
      }
    ] : []
  ]);
  return {
    subject: leafInfo.subject,
    ekus: leafInfo.extendedKeyUsage.oids,
    statement,
    trustStore
  };
}
function identityMismatch(envelopeMediaType, envelope, identity) {
  const leaf = decodeEnvelope(envelopeMediaType, envelope).certificateChain[0];
  if (leaf === void 0) return "it has no certificate";
  const info = parseCertificate(leaf);
  if (info.subject !== identity.subject)
    return `its signer "${info.subject}" is not this signer "${identity.subject}"`;
  const missing = identity.ekus.filter((oid2) => !info.extendedKeyUsage.oids.includes(oid2));
  if (missing.length > 0)
    return `its certificate lacks this signer's extended key usage ${missing.join(", ")} (another certificate profile)`;
  return void 0;
}
function createExistingSignatureCheck(options) {
  const { criteria, logger } = options;
  let identity;
  const ownIdentity = () => {
    if (criteria.kind !== "signer") throw new Error("unreachable: identity without a signer");
    const chainOf = criteria.signer.currentChain;
    if (chainOf === void 0) {
      return Promise.reject(
        new Error(
          `${criteria.signer.description} cannot tell its certificate chain before signing`
        )
      );
    }
    identity ??= chainOf.call(criteria.signer).then((chain) => signerIdentity(chain, criteria.tsaRoots));
    identity.catch(() => identity = void 0);
    return identity;
  };
  const userMetadata = options.userMetadata;
  return async (repository, subject) => {
    const label = `${repository.name}@${subject.digest}`;
    try {
      let statement;
      let trustStore;
      let revocation;
      let own;
      if (criteria.kind === "policy") {
        statement = selectPolicy(criteria.policy, label);
        if (statement.verificationLevel.name === "skip") {
          logger.info(
            `${label}: skip-if-signed: trust policy "${statement.name}" skips verification, so no existing signature can count; signing`
          );
          return void 0;
        }
        trustStore = criteria.trustStore;
        revocation = criteria.revocation;
      } else {
        own = await ownIdentity();
        statement = own.statement;
        trustStore = own.trustStore;
        revocation = offlineRevocationChecker;
      }
      const listed = await repository.listReferrers(subject, {
        artifactType: MEDIA_TYPE.notarySignature
      });
      const rejected = [];
      for (const candidate of listed.descriptors.slice(0, options.maxSignatures)) {
        const why = await rejectionOf(candidate);
        if (typeof why === "string") {
          rejected.push(`${candidate.digest}: ${why}`);
          continue;
        }
        const reason = criteria.kind === "policy" ? `signature ${candidate.digest} verifies under trust policy "${statement.name}"` : `signature ${candidate.digest} was made by this signer ("${why.signer}") and verifies`;
        logger.info(`${label}: skip-if-signed: ${reason}; not signing again`);
        return {
          signatureDigest: candidate.digest,
          referrersMode: listed.via,
          signer: why.signer,
          envelopeMediaType: why.envelopeMediaType,
          ...why.timestamp === void 0 ? {} : { timestamp: why.timestamp },
          reason
        };
      }
      logger.info(
        `${label}: skip-if-signed: ${listed.descriptors.length === 0 ? "no existing signature" : `none of ${listed.descriptors.length} existing signature(s) counts (${rejected.join("; ")})`}; signing`
      );
      return void 0;
      async function rejectionOf(candidate) {
        try {
          const fetched = await fetchSignature(repository, candidate, subject);
          const outcome = await verifySignature({
            envelope: fetched.envelope,
            mediaType: fetched.mediaType,
            subject,
            statement,
            trustStore,
            now: options.now(),
            userMetadata,
            revocation,
            logger
          });
          if (outcome.verdict !== "passed") {
            return outcome.error === void 0 ? "it does not verify" : `[${outcome.error.code}] ${outcome.error.message}`;
          }
          if (own !== void 0) {
            const mismatch = identityMismatch(fetched.mediaType, fetched.envelope, own);
            if (mismatch !== void 0) return mismatch;
          }
          return {
            signer: outcome.signer ?? "unknown",
            envelopeMediaType: fetched.mediaType,
            ...outcome.timestamp === void 0 ? {} : { timestamp: outcome.timestamp.genTime.toISOString() }
          };
        } catch (err) {
          return formatCauseChain(err).join("; ");
        }
      }
    } catch (err) {
      logger.warning(
        `${label}: skip-if-signed could not look at the existing signatures, so the image is signed again: ${formatCauseChain(err).join("; ")}`,
        { title: "skip-if-signed" }
      );
      return void 0;
    }
  };
}

// src/commands/jobs.ts
function connect(config, runtime, access) {
  const transport = productionTransport(runtime);
  const credential = lazyAzureCredential(config.azure, runtime);
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
  const verification = config.verify ? await loadVerification(config.verify, transport, runtime) : void 0;
  if (verification) checkReadBackPossible(config.images, verification);
  const signer = await productionSigner(config.signer, transport, runtime, credential, /* @__PURE__ */ new Date());
  const timestamper = await productionTimestamper(config.timestamp, transport, runtime);
  const existingSignature = config.skipIfSigned ? createExistingSignatureCheck({
    criteria: verification ? {
      kind: "policy",
      policy: verification.policy,
      trustStore: verification.trustStore,
      revocation: verification.revocation
    } : { kind: "signer", signer, tsaRoots: await loadTimestampRoots(config.timestamp) },
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
  const signerReport = reportOf(signer);
  if (!config.verify || !verification) return { signed, signer: signerReport, timings };
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
  return { signed, signer: signerReport, verification: report, timings };
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
function readBack(signed, verify, concurrency, verification, registry, runtime) {
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
function verifyWith(images, verify, concurrency, verification, registry, runtime) {
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

export {
  parseUserMetadata,
  registryConfig,
  azureConfig,
  parseSignConfig,
  parseVerifyConfig,
  SIGN_INPUTS,
  VERIFY_INPUTS,
  readRawInputs,
  MEDIA_TYPE,
  LIMITS,
  toDescriptor,
  parseReference,
  parseTimestampToken,
  parseTstInfo,
  VerificationError,
  PolicyError,
  selectPolicy,
  loadTrustPolicy,
  createRevocationChecker,
  offlineRevocationChecker,
  loadTrustStore,
  VERSION,
  productionTransport,
  lazyAzureCredential,
  productionRegistry,
  decodeEnvelope,
  parseSignatureManifest,
  parsePayload,
  verifySignature,
  buildArtifactReport,
  renderReportText,
  VerifyCommandError,
  signatureJson,
  runSignJob,
  runVerifyJob
};
