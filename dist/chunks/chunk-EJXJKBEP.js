#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_build,
  require_build2,
  require_utils
} from "./chunk-BAB72OL5.js";
import {
  __commonJS,
  __require
} from "./chunk-2ZTQXNXN.js";

// node_modules/bytestreamjs/build/cjs/byte_stream.js
var require_byte_stream = __commonJS({
  "node_modules/bytestreamjs/build/cjs/byte_stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ByteStream = void 0;
    var ByteStream = class _ByteStream {
      constructor(parameters = {}) {
        if ("view" in parameters) {
          this.fromUint8Array(parameters.view);
        } else if ("buffer" in parameters) {
          this.fromArrayBuffer(parameters.buffer);
        } else if ("string" in parameters) {
          this.fromString(parameters.string);
        } else if ("hexstring" in parameters) {
          this.fromHexString(parameters.hexstring);
        } else {
          if ("length" in parameters && parameters.length > 0) {
            this.length = parameters.length;
            if (parameters.stub) {
              for (let i = 0; i < this._view.length; i++) {
                this._view[i] = parameters.stub;
              }
            }
          } else {
            this.length = 0;
          }
        }
      }
      set buffer(value) {
        this._buffer = value;
        this._view = new Uint8Array(this._buffer);
      }
      get buffer() {
        return this._buffer;
      }
      set view(value) {
        this._buffer = new ArrayBuffer(value.length);
        this._view = new Uint8Array(this._buffer);
        this._view.set(value);
      }
      get view() {
        return this._view;
      }
      get length() {
        return this.view.byteLength;
      }
      set length(value) {
        this._buffer = new ArrayBuffer(value);
        this._view = new Uint8Array(this._buffer);
      }
      clear() {
        this._buffer = new ArrayBuffer(0);
        this._view = new Uint8Array(this._buffer);
      }
      fromArrayBuffer(array) {
        this._buffer = array;
        this._view = new Uint8Array(this._buffer);
      }
      fromUint8Array(array) {
        this.fromArrayBuffer(new Uint8Array(array).buffer);
      }
      fromString(string) {
        const stringLength = string.length;
        this.length = stringLength;
        for (let i = 0; i < stringLength; i++)
          this.view[i] = string.charCodeAt(i);
      }
      toString(start = 0, length = this.view.length - start) {
        let result = "";
        if (start >= this.view.length || start < 0) {
          start = 0;
        }
        if (length >= this.view.length || length < 0) {
          length = this.view.length - start;
        }
        for (let i = start; i < start + length; i++)
          result += String.fromCharCode(this.view[i]);
        return result;
      }
      fromHexString(hexString) {
        const stringLength = hexString.length;
        this.buffer = new ArrayBuffer(stringLength >> 1);
        this.view = new Uint8Array(this.buffer);
        const hexMap = /* @__PURE__ */ new Map();
        hexMap.set("0", 0);
        hexMap.set("1", 1);
        hexMap.set("2", 2);
        hexMap.set("3", 3);
        hexMap.set("4", 4);
        hexMap.set("5", 5);
        hexMap.set("6", 6);
        hexMap.set("7", 7);
        hexMap.set("8", 8);
        hexMap.set("9", 9);
        hexMap.set("A", 10);
        hexMap.set("a", 10);
        hexMap.set("B", 11);
        hexMap.set("b", 11);
        hexMap.set("C", 12);
        hexMap.set("c", 12);
        hexMap.set("D", 13);
        hexMap.set("d", 13);
        hexMap.set("E", 14);
        hexMap.set("e", 14);
        hexMap.set("F", 15);
        hexMap.set("f", 15);
        let j = 0;
        let temp = 0;
        for (let i = 0; i < stringLength; i++) {
          if (!(i % 2)) {
            temp = hexMap.get(hexString.charAt(i)) << 4;
          } else {
            temp |= hexMap.get(hexString.charAt(i));
            this.view[j] = temp;
            j++;
          }
        }
      }
      toHexString(start = 0, length = this.view.length - start) {
        let result = "";
        if (start >= this.view.length || start < 0) {
          start = 0;
        }
        if (length >= this.view.length || length < 0) {
          length = this.view.length - start;
        }
        for (let i = start; i < start + length; i++) {
          const str = this.view[i].toString(16).toUpperCase();
          result = result + (str.length == 1 ? "0" : "") + str;
        }
        return result;
      }
      copy(start = 0, length = this.length - start) {
        if (!start && !this.length) {
          return new _ByteStream();
        }
        if (start < 0 || start > this.length - 1) {
          throw new Error(`Wrong start position: ${start}`);
        }
        const stream = new _ByteStream({
          buffer: this._buffer.slice(start, start + length)
        });
        return stream;
      }
      slice(start = 0, end = this.length) {
        if (!start && !this.length) {
          return new _ByteStream();
        }
        if (start < 0 || start > this.length - 1) {
          throw new Error(`Wrong start position: ${start}`);
        }
        const stream = new _ByteStream({
          buffer: this._buffer.slice(start, end)
        });
        return stream;
      }
      realloc(size) {
        const buffer = new ArrayBuffer(size);
        const view = new Uint8Array(buffer);
        if (size > this._view.length)
          view.set(this._view);
        else {
          view.set(new Uint8Array(this._buffer, 0, size));
        }
        this._buffer = buffer;
        this._view = new Uint8Array(this._buffer);
      }
      append(stream) {
        const initialSize = this.length;
        const streamViewLength = stream.length;
        const subarrayView = stream._view.subarray();
        this.realloc(initialSize + streamViewLength);
        this._view.set(subarrayView, initialSize);
      }
      insert(stream, start = 0, length = this.length - start) {
        if (start > this.length - 1)
          return false;
        if (length > this.length - start) {
          length = this.length - start;
        }
        if (length > stream.length) {
          length = stream.length;
        }
        if (length == stream.length)
          this._view.set(stream._view, start);
        else {
          this._view.set(stream._view.subarray(0, length), start);
        }
        return true;
      }
      isEqual(stream) {
        if (this.length != stream.length)
          return false;
        for (let i = 0; i < stream.length; i++) {
          if (this.view[i] != stream.view[i])
            return false;
        }
        return true;
      }
      isEqualView(view) {
        if (view.length != this.view.length)
          return false;
        for (let i = 0; i < view.length; i++) {
          if (this.view[i] != view[i])
            return false;
        }
        return true;
      }
      findPattern(pattern, start_, length_, backward_) {
        const { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
        const patternLength = pattern.length;
        if (patternLength > length) {
          return -1;
        }
        const patternArray = [];
        for (let i = 0; i < patternLength; i++)
          patternArray.push(pattern.view[i]);
        for (let i = 0; i <= length - patternLength; i++) {
          let equal = true;
          const equalStart = backward ? start - patternLength - i : start + i;
          for (let j = 0; j < patternLength; j++) {
            if (this.view[j + equalStart] != patternArray[j]) {
              equal = false;
              break;
            }
          }
          if (equal) {
            return backward ? start - patternLength - i : start + patternLength + i;
          }
        }
        return -1;
      }
      findFirstIn(patterns, start_, length_, backward_) {
        const { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
        const result = {
          id: -1,
          position: backward ? 0 : start + length,
          length: 0
        };
        for (let i = 0; i < patterns.length; i++) {
          const position = this.findPattern(patterns[i], start, length, backward);
          if (position != -1) {
            let valid = false;
            const patternLength = patterns[i].length;
            if (backward) {
              if (position - patternLength >= result.position - result.length)
                valid = true;
            } else {
              if (position - patternLength <= result.position - result.length)
                valid = true;
            }
            if (valid) {
              result.position = position;
              result.id = i;
              result.length = patternLength;
            }
          }
        }
        return result;
      }
      findAllIn(patterns, start_, length_) {
        let { start, length } = this.prepareFindParameters(start_, length_);
        const result = [];
        let patternFound = {
          id: -1,
          position: start
        };
        do {
          const position = patternFound.position;
          patternFound = this.findFirstIn(patterns, patternFound.position, length);
          if (patternFound.id == -1) {
            break;
          }
          length -= patternFound.position - position;
          result.push({
            id: patternFound.id,
            position: patternFound.position
          });
        } while (true);
        return result;
      }
      findAllPatternIn(pattern, start_, length_) {
        const { start, length } = this.prepareFindParameters(start_, length_);
        const result = [];
        const patternLength = pattern.length;
        if (patternLength > length) {
          return -1;
        }
        const patternArray = Array.from(pattern.view);
        for (let i = 0; i <= length - patternLength; i++) {
          let equal = true;
          const equalStart = start + i;
          for (let j = 0; j < patternLength; j++) {
            if (this.view[j + equalStart] != patternArray[j]) {
              equal = false;
              break;
            }
          }
          if (equal) {
            result.push(start + patternLength + i);
            i += patternLength - 1;
          }
        }
        return result;
      }
      findFirstNotIn(patterns, start_, length_, backward_) {
        let { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
        const result = {
          left: {
            id: -1,
            position: start
          },
          right: {
            id: -1,
            position: 0
          },
          value: new _ByteStream()
        };
        let currentLength = length;
        while (currentLength > 0) {
          result.right = this.findFirstIn(patterns, backward ? start - length + currentLength : start + length - currentLength, currentLength, backward);
          if (result.right.id == -1) {
            length = currentLength;
            if (backward) {
              start -= length;
            } else {
              start = result.left.position;
            }
            result.value = new _ByteStream({
              buffer: this._buffer.slice(start, start + length)
            });
            break;
          }
          if (result.right.position != (backward ? result.left.position - patterns[result.right.id].length : result.left.position + patterns[result.right.id].length)) {
            if (backward) {
              start = result.right.position + patterns[result.right.id].length;
              length = result.left.position - result.right.position - patterns[result.right.id].length;
            } else {
              start = result.left.position;
              length = result.right.position - result.left.position - patterns[result.right.id].length;
            }
            result.value = new _ByteStream({
              buffer: this._buffer.slice(start, start + length)
            });
            break;
          }
          result.left = result.right;
          currentLength -= patterns[result.right.id].length;
        }
        if (backward) {
          const temp = result.right;
          result.right = result.left;
          result.left = temp;
        }
        return result;
      }
      findAllNotIn(patterns, start_, length_) {
        let { start, length } = this.prepareFindParameters(start_, length_);
        const result = [];
        let patternFound = {
          left: {
            id: -1,
            position: start
          },
          right: {
            id: -1,
            position: start
          },
          value: new _ByteStream()
        };
        do {
          const position = patternFound.right.position;
          patternFound = this.findFirstNotIn(patterns, patternFound.right.position, length);
          length -= patternFound.right.position - position;
          result.push({
            left: {
              id: patternFound.left.id,
              position: patternFound.left.position
            },
            right: {
              id: patternFound.right.id,
              position: patternFound.right.position
            },
            value: patternFound.value
          });
        } while (patternFound.right.id != -1);
        return result;
      }
      findFirstSequence(patterns, start_, length_, backward_) {
        let { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
        const firstIn = this.skipNotPatterns(patterns, start, length, backward);
        if (firstIn == -1) {
          return {
            position: -1,
            value: new _ByteStream()
          };
        }
        const firstNotIn = this.skipPatterns(patterns, firstIn, length - (backward ? start - firstIn : firstIn - start), backward);
        if (backward) {
          start = firstNotIn;
          length = firstIn - firstNotIn;
        } else {
          start = firstIn;
          length = firstNotIn - firstIn;
        }
        const value = new _ByteStream({
          buffer: this._buffer.slice(start, start + length)
        });
        return {
          position: firstNotIn,
          value
        };
      }
      findAllSequences(patterns, start_, length_) {
        let { start, length } = this.prepareFindParameters(start_, length_);
        const result = [];
        let patternFound = {
          position: start,
          value: new _ByteStream()
        };
        do {
          const position = patternFound.position;
          patternFound = this.findFirstSequence(patterns, patternFound.position, length);
          if (patternFound.position != -1) {
            length -= patternFound.position - position;
            result.push({
              position: patternFound.position,
              value: patternFound.value
            });
          }
        } while (patternFound.position != -1);
        return result;
      }
      findPairedPatterns(leftPattern, rightPattern, start_, length_) {
        const result = [];
        if (leftPattern.isEqual(rightPattern))
          return result;
        const { start, length } = this.prepareFindParameters(start_, length_);
        let currentPositionLeft = 0;
        const leftPatterns = this.findAllPatternIn(leftPattern, start, length);
        if (!Array.isArray(leftPatterns) || leftPatterns.length == 0) {
          return result;
        }
        const rightPatterns = this.findAllPatternIn(rightPattern, start, length);
        if (!Array.isArray(rightPatterns) || rightPatterns.length == 0) {
          return result;
        }
        while (currentPositionLeft < leftPatterns.length) {
          if (rightPatterns.length == 0) {
            break;
          }
          if (leftPatterns[0] == rightPatterns[0]) {
            result.push({
              left: leftPatterns[0],
              right: rightPatterns[0]
            });
            leftPatterns.splice(0, 1);
            rightPatterns.splice(0, 1);
            continue;
          }
          if (leftPatterns[currentPositionLeft] > rightPatterns[0]) {
            break;
          }
          while (leftPatterns[currentPositionLeft] < rightPatterns[0]) {
            currentPositionLeft++;
            if (currentPositionLeft >= leftPatterns.length) {
              break;
            }
          }
          result.push({
            left: leftPatterns[currentPositionLeft - 1],
            right: rightPatterns[0]
          });
          leftPatterns.splice(currentPositionLeft - 1, 1);
          rightPatterns.splice(0, 1);
          currentPositionLeft = 0;
        }
        result.sort((a, b) => a.left - b.left);
        return result;
      }
      findPairedArrays(inputLeftPatterns, inputRightPatterns, start_, length_) {
        const { start, length } = this.prepareFindParameters(start_, length_);
        const result = [];
        let currentPositionLeft = 0;
        const leftPatterns = this.findAllIn(inputLeftPatterns, start, length);
        if (leftPatterns.length == 0)
          return result;
        const rightPatterns = this.findAllIn(inputRightPatterns, start, length);
        if (rightPatterns.length == 0)
          return result;
        while (currentPositionLeft < leftPatterns.length) {
          if (rightPatterns.length == 0) {
            break;
          }
          if (leftPatterns[0].position == rightPatterns[0].position) {
            result.push({
              left: leftPatterns[0],
              right: rightPatterns[0]
            });
            leftPatterns.splice(0, 1);
            rightPatterns.splice(0, 1);
            continue;
          }
          if (leftPatterns[currentPositionLeft].position > rightPatterns[0].position) {
            break;
          }
          while (leftPatterns[currentPositionLeft].position < rightPatterns[0].position) {
            currentPositionLeft++;
            if (currentPositionLeft >= leftPatterns.length) {
              break;
            }
          }
          result.push({
            left: leftPatterns[currentPositionLeft - 1],
            right: rightPatterns[0]
          });
          leftPatterns.splice(currentPositionLeft - 1, 1);
          rightPatterns.splice(0, 1);
          currentPositionLeft = 0;
        }
        result.sort((a, b) => a.left.position - b.left.position);
        return result;
      }
      replacePattern(searchPattern, replacePattern, start_, length_, findAllResult = null) {
        let result = [];
        let i;
        const output = {
          status: -1,
          searchPatternPositions: [],
          replacePatternPositions: []
        };
        const { start, length } = this.prepareFindParameters(start_, length_);
        if (findAllResult == null) {
          result = this.findAllIn([searchPattern], start, length);
          if (result.length == 0) {
            return output;
          }
        } else {
          result = findAllResult;
        }
        output.searchPatternPositions.push(...Array.from(result, (element) => element.position));
        const patternDifference = searchPattern.length - replacePattern.length;
        const changedBuffer = new ArrayBuffer(this.view.length - result.length * patternDifference);
        const changedView = new Uint8Array(changedBuffer);
        changedView.set(new Uint8Array(this.buffer, 0, start));
        for (i = 0; i < result.length; i++) {
          const currentPosition = i == 0 ? start : result[i - 1].position;
          changedView.set(new Uint8Array(this.buffer, currentPosition, result[i].position - searchPattern.length - currentPosition), currentPosition - i * patternDifference);
          changedView.set(replacePattern.view, result[i].position - searchPattern.length - i * patternDifference);
          output.replacePatternPositions.push(result[i].position - searchPattern.length - i * patternDifference);
        }
        i--;
        changedView.set(new Uint8Array(this.buffer, result[i].position, this.length - result[i].position), result[i].position - searchPattern.length + replacePattern.length - i * patternDifference);
        this.buffer = changedBuffer;
        this.view = new Uint8Array(this.buffer);
        output.status = 1;
        return output;
      }
      skipPatterns(patterns, start_, length_, backward_) {
        const { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
        let result = start;
        for (let k = 0; k < patterns.length; k++) {
          const patternLength = patterns[k].length;
          const equalStart = backward ? result - patternLength : result;
          let equal = true;
          for (let j = 0; j < patternLength; j++) {
            if (this.view[j + equalStart] != patterns[k].view[j]) {
              equal = false;
              break;
            }
          }
          if (equal) {
            k = -1;
            if (backward) {
              result -= patternLength;
              if (result <= 0)
                return result;
            } else {
              result += patternLength;
              if (result >= start + length)
                return result;
            }
          }
        }
        return result;
      }
      skipNotPatterns(patterns, start_, length_, backward_) {
        const { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
        let result = -1;
        for (let i = 0; i < length; i++) {
          for (let k = 0; k < patterns.length; k++) {
            const patternLength = patterns[k].length;
            const equalStart = backward ? start - i - patternLength : start + i;
            let equal = true;
            for (let j = 0; j < patternLength; j++) {
              if (this.view[j + equalStart] != patterns[k].view[j]) {
                equal = false;
                break;
              }
            }
            if (equal) {
              result = backward ? start - i : start + i;
              break;
            }
          }
          if (result != -1) {
            break;
          }
        }
        return result;
      }
      prepareFindParameters(start = null, length = null, backward = false) {
        if (start === null) {
          start = backward ? this.length : 0;
        }
        if (start > this.length) {
          start = this.length;
        }
        if (backward) {
          if (length === null) {
            length = start;
          }
          if (length > start) {
            length = start;
          }
        } else {
          if (length === null) {
            length = this.length - start;
          }
          if (length > this.length - start) {
            length = this.length - start;
          }
        }
        return { start, length, backward };
      }
    };
    exports.ByteStream = ByteStream;
  }
});

// node_modules/bytestreamjs/build/cjs/seq_stream.js
var require_seq_stream = __commonJS({
  "node_modules/bytestreamjs/build/cjs/seq_stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SeqStream = void 0;
    var byte_stream_1 = require_byte_stream();
    var pow2_24 = 16777216;
    var SeqStream = class _SeqStream {
      constructor(parameters = {}) {
        this._stream = new byte_stream_1.ByteStream();
        this._length = 0;
        this._start = 0;
        this.backward = false;
        this.appendBlock = 0;
        this.prevLength = 0;
        this.prevStart = 0;
        if ("view" in parameters) {
          this.stream = new byte_stream_1.ByteStream({ view: parameters.view });
        } else if ("buffer" in parameters) {
          this.stream = new byte_stream_1.ByteStream({ buffer: parameters.buffer });
        } else if ("string" in parameters) {
          this.stream = new byte_stream_1.ByteStream({ string: parameters.string });
        } else if ("hexstring" in parameters) {
          this.stream = new byte_stream_1.ByteStream({ hexstring: parameters.hexstring });
        } else if ("stream" in parameters) {
          this.stream = parameters.stream.slice();
        } else {
          this.stream = new byte_stream_1.ByteStream();
        }
        if ("backward" in parameters && parameters.backward) {
          this.backward = parameters.backward;
          this._start = this.stream.length;
        }
        if ("length" in parameters && parameters.length > 0) {
          this._length = parameters.length;
        }
        if ("start" in parameters && parameters.start && parameters.start > 0) {
          this._start = parameters.start;
        }
        if ("appendBlock" in parameters && parameters.appendBlock && parameters.appendBlock > 0) {
          this.appendBlock = parameters.appendBlock;
        }
      }
      set stream(value) {
        this._stream = value;
        this.prevLength = this._length;
        this._length = value.length;
        this.prevStart = this._start;
        this._start = 0;
      }
      get stream() {
        return this._stream;
      }
      set length(value) {
        this.prevLength = this._length;
        this._length = value;
      }
      get length() {
        if (this.appendBlock) {
          return this.start;
        }
        return this._length;
      }
      set start(value) {
        if (value > this.stream.length)
          return;
        this.prevStart = this._start;
        this.prevLength = this._length;
        this._length -= this.backward ? this._start - value : value - this._start;
        this._start = value;
      }
      get start() {
        return this._start;
      }
      get buffer() {
        return this._stream.buffer.slice(0, this._length);
      }
      resetPosition() {
        this._start = this.prevStart;
        this._length = this.prevLength;
      }
      findPattern(pattern, gap = null) {
        if (gap == null || gap > this.length) {
          gap = this.length;
        }
        const result = this.stream.findPattern(pattern, this.start, this.length, this.backward);
        if (result == -1)
          return result;
        if (this.backward) {
          if (result < this.start - pattern.length - gap) {
            return -1;
          }
        } else {
          if (result > this.start + pattern.length + gap) {
            return -1;
          }
        }
        this.start = result;
        return result;
      }
      findFirstIn(patterns, gap = null) {
        if (gap == null || gap > this.length) {
          gap = this.length;
        }
        const result = this.stream.findFirstIn(patterns, this.start, this.length, this.backward);
        if (result.id == -1)
          return result;
        if (this.backward) {
          if (result.position < this.start - patterns[result.id].length - gap) {
            return {
              id: -1,
              position: this.backward ? 0 : this.start + this.length
            };
          }
        } else {
          if (result.position > this.start + patterns[result.id].length + gap) {
            return {
              id: -1,
              position: this.backward ? 0 : this.start + this.length
            };
          }
        }
        this.start = result.position;
        return result;
      }
      findAllIn(patterns) {
        const start = this.backward ? this.start - this.length : this.start;
        return this.stream.findAllIn(patterns, start, this.length);
      }
      findFirstNotIn(patterns, gap = null) {
        if (gap == null || gap > this._length) {
          gap = this._length;
        }
        const result = this._stream.findFirstNotIn(patterns, this._start, this._length, this.backward);
        if (result.left.id == -1 && result.right.id == -1) {
          return result;
        }
        if (this.backward) {
          if (result.right.id != -1) {
            if (result.right.position < this._start - patterns[result.right.id].length - gap) {
              return {
                left: {
                  id: -1,
                  position: this._start
                },
                right: {
                  id: -1,
                  position: 0
                },
                value: new byte_stream_1.ByteStream()
              };
            }
          }
        } else {
          if (result.left.id != -1) {
            if (result.left.position > this._start + patterns[result.left.id].length + gap) {
              return {
                left: {
                  id: -1,
                  position: this._start
                },
                right: {
                  id: -1,
                  position: 0
                },
                value: new byte_stream_1.ByteStream()
              };
            }
          }
        }
        if (this.backward) {
          if (result.left.id == -1) {
            this.start = 0;
          } else {
            this.start = result.left.position;
          }
        } else {
          if (result.right.id == -1) {
            this.start = this._start + this._length;
          } else {
            this.start = result.right.position;
          }
        }
        return result;
      }
      findAllNotIn(patterns) {
        const start = this.backward ? this._start - this._length : this._start;
        return this._stream.findAllNotIn(patterns, start, this._length);
      }
      findFirstSequence(patterns, length = null, gap = null) {
        if (length == null || length > this._length) {
          length = this._length;
        }
        if (gap == null || gap > length) {
          gap = length;
        }
        const result = this._stream.findFirstSequence(patterns, this._start, length, this.backward);
        if (result.value.length == 0) {
          return result;
        }
        if (this.backward) {
          if (result.position < this._start - result.value.length - gap) {
            return {
              position: -1,
              value: new byte_stream_1.ByteStream()
            };
          }
        } else {
          if (result.position > this._start + result.value.length + gap) {
            return {
              position: -1,
              value: new byte_stream_1.ByteStream()
            };
          }
        }
        this.start = result.position;
        return result;
      }
      findAllSequences(patterns) {
        const start = this.backward ? this.start - this.length : this.start;
        return this.stream.findAllSequences(patterns, start, this.length);
      }
      findPairedPatterns(leftPattern, rightPattern, gap = null) {
        if (gap == null || gap > this.length) {
          gap = this.length;
        }
        const start = this.backward ? this.start - this.length : this.start;
        const result = this.stream.findPairedPatterns(leftPattern, rightPattern, start, this.length);
        if (result.length) {
          if (this.backward) {
            if (result[0].right < this.start - rightPattern.length - gap) {
              return [];
            }
          } else {
            if (result[0].left > this.start + leftPattern.length + gap) {
              return [];
            }
          }
        }
        return result;
      }
      findPairedArrays(leftPatterns, rightPatterns, gap = null) {
        if (gap == null || gap > this.length) {
          gap = this.length;
        }
        const start = this.backward ? this.start - this.length : this.start;
        const result = this.stream.findPairedArrays(leftPatterns, rightPatterns, start, this.length);
        if (result.length) {
          if (this.backward) {
            if (result[0].right.position < this.start - rightPatterns[result[0].right.id].length - gap) {
              return [];
            }
          } else {
            if (result[0].left.position > this.start + leftPatterns[result[0].left.id].length + gap) {
              return [];
            }
          }
        }
        return result;
      }
      replacePattern(searchPattern, replacePattern) {
        const start = this.backward ? this.start - this.length : this.start;
        return this.stream.replacePattern(searchPattern, replacePattern, start, this.length);
      }
      skipPatterns(patterns) {
        const result = this.stream.skipPatterns(patterns, this.start, this.length, this.backward);
        this.start = result;
        return result;
      }
      skipNotPatterns(patterns) {
        const result = this.stream.skipNotPatterns(patterns, this.start, this.length, this.backward);
        if (result == -1)
          return -1;
        this.start = result;
        return result;
      }
      append(stream) {
        this.beforeAppend(stream.length);
        this._stream.view.set(stream.view, this._start);
        this._length += stream.length * 2;
        this.start = this._start + stream.length;
        this.prevLength -= stream.length * 2;
      }
      appendView(view) {
        this.beforeAppend(view.length);
        this._stream.view.set(view, this._start);
        this._length += view.length * 2;
        this.start = this._start + view.length;
        this.prevLength -= view.length * 2;
      }
      appendChar(char) {
        this.beforeAppend(1);
        this._stream.view[this._start] = char;
        this._length += 2;
        this.start = this._start + 1;
        this.prevLength -= 2;
      }
      appendUint16(number) {
        this.beforeAppend(2);
        const value = new Uint16Array([number]);
        const view = new Uint8Array(value.buffer);
        this.stream.view[this._start] = view[1];
        this._stream.view[this._start + 1] = view[0];
        this._length += 4;
        this.start = this._start + 2;
        this.prevLength -= 4;
      }
      appendUint24(number) {
        this.beforeAppend(3);
        const value = new Uint32Array([number]);
        const view = new Uint8Array(value.buffer);
        this._stream.view[this._start] = view[2];
        this._stream.view[this._start + 1] = view[1];
        this._stream.view[this._start + 2] = view[0];
        this._length += 6;
        this.start = this._start + 3;
        this.prevLength -= 6;
      }
      appendUint32(number) {
        this.beforeAppend(4);
        const value = new Uint32Array([number]);
        const view = new Uint8Array(value.buffer);
        this._stream.view[this._start] = view[3];
        this._stream.view[this._start + 1] = view[2];
        this._stream.view[this._start + 2] = view[1];
        this._stream.view[this._start + 3] = view[0];
        this._length += 8;
        this.start = this._start + 4;
        this.prevLength -= 8;
      }
      appendInt16(number) {
        this.beforeAppend(2);
        const value = new Int16Array([number]);
        const view = new Uint8Array(value.buffer);
        this._stream.view[this._start] = view[1];
        this._stream.view[this._start + 1] = view[0];
        this._length += 4;
        this.start = this._start + 2;
        this.prevLength -= 4;
      }
      appendInt32(number) {
        this.beforeAppend(4);
        const value = new Int32Array([number]);
        const view = new Uint8Array(value.buffer);
        this._stream.view[this._start] = view[3];
        this._stream.view[this._start + 1] = view[2];
        this._stream.view[this._start + 2] = view[1];
        this._stream.view[this._start + 3] = view[0];
        this._length += 8;
        this.start = this._start + 4;
        this.prevLength -= 8;
      }
      getBlock(size, changeLength = true) {
        if (this._length <= 0) {
          return new Uint8Array(0);
        }
        if (this._length < size) {
          size = this._length;
        }
        let result;
        if (this.backward) {
          const view = this._stream.view.subarray(this._length - size, this._length);
          result = new Uint8Array(size);
          for (let i = 0; i < size; i++) {
            result[size - 1 - i] = view[i];
          }
        } else {
          result = this._stream.view.subarray(this._start, this._start + size);
        }
        if (changeLength) {
          this.start += this.backward ? -1 * size : size;
        }
        return result;
      }
      getUint16(changeLength = true) {
        const block = this.getBlock(2, changeLength);
        if (block.length < 2)
          return 0;
        return block[0] << 8 | block[1];
      }
      getInt16(changeLength = true) {
        const num = this.getUint16(changeLength);
        const negative = 32768;
        if (num & negative) {
          return -(negative - (num ^ negative));
        }
        return num;
      }
      getUint24(changeLength = true) {
        const block = this.getBlock(4, changeLength);
        if (block.length < 3)
          return 0;
        return block[0] << 16 | block[1] << 8 | block[2];
      }
      getUint32(changeLength = true) {
        const block = this.getBlock(4, changeLength);
        if (block.length < 4)
          return 0;
        return block[0] * pow2_24 + (block[1] << 16) + (block[2] << 8) + block[3];
      }
      getInt32(changeLength = true) {
        const num = this.getUint32(changeLength);
        const negative = 2147483648;
        if (num & negative) {
          return -(negative - (num ^ negative));
        }
        return num;
      }
      beforeAppend(size) {
        if (this._start + size > this._stream.length) {
          if (size > this.appendBlock) {
            this.appendBlock = size + _SeqStream.APPEND_BLOCK;
          }
          this._stream.realloc(this._stream.length + this.appendBlock);
        }
      }
    };
    exports.SeqStream = SeqStream;
    SeqStream.APPEND_BLOCK = 1e3;
  }
});

// node_modules/bytestreamjs/build/cjs/helpers.js
var require_helpers = __commonJS({
  "node_modules/bytestreamjs/build/cjs/helpers.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.parseByteMap = void 0;
    function parseByteMap(stream, map, elements, start = null, length = null) {
      if (start === null) {
        start = 0;
      }
      if (start > stream.length - 1) {
        return [];
      }
      if (length === null) {
        length = stream.length - start;
      }
      if (length > stream.length - start) {
        length = stream.length - start;
      }
      let dataView;
      if (start == 0 && length == stream.length) {
        dataView = stream.view;
      } else {
        dataView = new Uint8Array(stream.buffer, start, length);
      }
      const resultArray = new Array(elements);
      let elementsCount = 0;
      let count = 0;
      const mapLength = map.length;
      while (count < length) {
        let structureLength = 0;
        resultArray[elementsCount] = {};
        for (let i = 0; i < mapLength; i++) {
          if (map[i].maxlength == 0) {
            if ("defaultValue" in map[i]) {
              resultArray[elementsCount][map[i].name] = map[i].defaultValue;
            }
            continue;
          }
          const array = new Uint8Array(map[i].maxlength);
          for (let j = 0; j < map[i].maxlength; j++) {
            array[j] = dataView[count++];
          }
          const result = map[i].func(array);
          if (result.status == -1) {
            if (resultArray.length == 1) {
              return [];
            }
            return resultArray.slice(0, resultArray.length - 1);
          }
          if (map[i].type != "check") {
            resultArray[elementsCount][map[i].name] = result.value;
          }
          count -= map[i].maxlength - result.length;
          structureLength += result.length;
        }
        resultArray[elementsCount++].structureLength = structureLength;
      }
      return resultArray;
    }
    exports.parseByteMap = parseByteMap;
  }
});

// node_modules/bytestreamjs/build/cjs/bit.js
var require_bit = __commonJS({
  "node_modules/bytestreamjs/build/cjs/bit.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.bitsToStringArray = void 0;
    exports.bitsToStringArray = [
      "00000000",
      "00000001",
      "00000010",
      "00000011",
      "00000100",
      "00000101",
      "00000110",
      "00000111",
      "00001000",
      "00001001",
      "00001010",
      "00001011",
      "00001100",
      "00001101",
      "00001110",
      "00001111",
      "00010000",
      "00010001",
      "00010010",
      "00010011",
      "00010100",
      "00010101",
      "00010110",
      "00010111",
      "00011000",
      "00011001",
      "00011010",
      "00011011",
      "00011100",
      "00011101",
      "00011110",
      "00011111",
      "00100000",
      "00100001",
      "00100010",
      "00100011",
      "00100100",
      "00100101",
      "00100110",
      "00100111",
      "00101000",
      "00101001",
      "00101010",
      "00101011",
      "00101100",
      "00101101",
      "00101110",
      "00101111",
      "00110000",
      "00110001",
      "00110010",
      "00110011",
      "00110100",
      "00110101",
      "00110110",
      "00110111",
      "00111000",
      "00111001",
      "00111010",
      "00111011",
      "00111100",
      "00111101",
      "00111110",
      "00111111",
      "01000000",
      "01000001",
      "01000010",
      "01000011",
      "01000100",
      "01000101",
      "01000110",
      "01000111",
      "01001000",
      "01001001",
      "01001010",
      "01001011",
      "01001100",
      "01001101",
      "01001110",
      "01001111",
      "01010000",
      "01010001",
      "01010010",
      "01010011",
      "01010100",
      "01010101",
      "01010110",
      "01010111",
      "01011000",
      "01011001",
      "01011010",
      "01011011",
      "01011100",
      "01011101",
      "01011110",
      "01011111",
      "01100000",
      "01100001",
      "01100010",
      "01100011",
      "01100100",
      "01100101",
      "01100110",
      "01100111",
      "01101000",
      "01101001",
      "01101010",
      "01101011",
      "01101100",
      "01101101",
      "01101110",
      "01101111",
      "01110000",
      "01110001",
      "01110010",
      "01110011",
      "01110100",
      "01110101",
      "01110110",
      "01110111",
      "01111000",
      "01111001",
      "01111010",
      "01111011",
      "01111100",
      "01111101",
      "01111110",
      "01111111",
      "10000000",
      "10000001",
      "10000010",
      "10000011",
      "10000100",
      "10000101",
      "10000110",
      "10000111",
      "10001000",
      "10001001",
      "10001010",
      "10001011",
      "10001100",
      "10001101",
      "10001110",
      "10001111",
      "10010000",
      "10010001",
      "10010010",
      "10010011",
      "10010100",
      "10010101",
      "10010110",
      "10010111",
      "10011000",
      "10011001",
      "10011010",
      "10011011",
      "10011100",
      "10011101",
      "10011110",
      "10011111",
      "10100000",
      "10100001",
      "10100010",
      "10100011",
      "10100100",
      "10100101",
      "10100110",
      "10100111",
      "10101000",
      "10101001",
      "10101010",
      "10101011",
      "10101100",
      "10101101",
      "10101110",
      "10101111",
      "10110000",
      "10110001",
      "10110010",
      "10110011",
      "10110100",
      "10110101",
      "10110110",
      "10110111",
      "10111000",
      "10111001",
      "10111010",
      "10111011",
      "10111100",
      "10111101",
      "10111110",
      "10111111",
      "11000000",
      "11000001",
      "11000010",
      "11000011",
      "11000100",
      "11000101",
      "11000110",
      "11000111",
      "11001000",
      "11001001",
      "11001010",
      "11001011",
      "11001100",
      "11001101",
      "11001110",
      "11001111",
      "11010000",
      "11010001",
      "11010010",
      "11010011",
      "11010100",
      "11010101",
      "11010110",
      "11010111",
      "11011000",
      "11011001",
      "11011010",
      "11011011",
      "11011100",
      "11011101",
      "11011110",
      "11011111",
      "11100000",
      "11100001",
      "11100010",
      "11100011",
      "11100100",
      "11100101",
      "11100110",
      "11100111",
      "11101000",
      "11101001",
      "11101010",
      "11101011",
      "11101100",
      "11101101",
      "11101110",
      "11101111",
      "11110000",
      "11110001",
      "11110010",
      "11110011",
      "11110100",
      "11110101",
      "11110110",
      "11110111",
      "11111000",
      "11111001",
      "11111010",
      "11111011",
      "11111100",
      "11111101",
      "11111110",
      "11111111"
    ];
  }
});

// node_modules/bytestreamjs/build/cjs/bit_stream.js
var require_bit_stream = __commonJS({
  "node_modules/bytestreamjs/build/cjs/bit_stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BitStream = void 0;
    var bit_1 = require_bit();
    var byte_stream_1 = require_byte_stream();
    var BitStream = class _BitStream {
      constructor(parameters) {
        this.buffer = new ArrayBuffer(0);
        this.view = new Uint8Array(this.buffer);
        this.bitsCount = 0;
        if (parameters) {
          if ("byteStream" in parameters) {
            this.fromByteStream(parameters.byteStream);
          }
          if ("view" in parameters) {
            this.fromUint8Array(parameters.view);
          }
          if ("buffer" in parameters) {
            this.fromArrayBuffer(parameters.buffer);
          }
          if ("string" in parameters) {
            this.fromString(parameters.string);
          }
          if ("uint32" in parameters) {
            this.fromUint32(parameters.uint32);
          }
          if ("bitsCount" in parameters && parameters.bitsCount) {
            this.bitsCount = parameters.bitsCount;
          }
        }
      }
      clear() {
        this.buffer = new ArrayBuffer(0);
        this.view = new Uint8Array(this.buffer);
        this.bitsCount = 0;
      }
      fromByteStream(stream) {
        this.fromUint8Array(stream.view);
      }
      fromArrayBuffer(array) {
        this.buffer = array;
        this.view = new Uint8Array(array);
        this.bitsCount = this.view.length << 3;
      }
      fromUint8Array(array) {
        this.fromArrayBuffer(new Uint8Array(array).buffer);
      }
      fromString(string) {
        const stringLength = string.length;
        this.buffer = new ArrayBuffer((stringLength >> 3) + (stringLength % 8 ? 1 : 0));
        this.view = new Uint8Array(this.buffer);
        this.bitsCount = (stringLength >> 3) + 1 << 3;
        let byteIndex = 0;
        for (let i = 0; i < stringLength; i++) {
          if (string[i] == "1")
            this.view[byteIndex] |= 1 << 7 - i % 8;
          if (i && (i + 1) % 8 == 0)
            byteIndex++;
        }
        if (stringLength % 8)
          this.shiftRight(8 - stringLength % 8);
        this.bitsCount = stringLength;
      }
      fromUint32(uint32) {
        this.buffer = new ArrayBuffer(4);
        this.view = new Uint8Array(this.buffer);
        const value = new Uint32Array([uint32]);
        const view = new Uint8Array(value.buffer);
        for (let i = 3; i >= 0; i--)
          this.view[i] = view[3 - i];
        this.bitsCount = 32;
      }
      toString(start, length) {
        if (start == null) {
          start = 0;
        }
        if (start >= this.view.length || start < 0) {
          start = 0;
        }
        if (length == null) {
          length = this.view.length - start;
        }
        if (length >= this.view.length || length < 0) {
          length = this.view.length - start;
        }
        const result = [];
        for (let i = start; i < start + length; i++) {
          result.push(bit_1.bitsToStringArray[this.view[i]]);
        }
        return result.join("").substring((this.view.length << 3) - this.bitsCount);
      }
      shiftRight(shift, needShrink = true) {
        if (this.view.length == 0) {
          return;
        }
        if (shift < 0 || shift > 8) {
          throw new Error('The "shift" parameter must be in range 0-8');
        }
        if (shift > this.bitsCount) {
          throw new Error('The "shift" parameter can not be bigger than "this.bitsCount"');
        }
        const shiftMask = 255 >> 8 - shift;
        this.view[this.view.length - 1] >>= shift;
        for (let i = this.view.length - 2; i >= 0; i--) {
          this.view[i + 1] |= (this.view[i] & shiftMask) << 8 - shift;
          this.view[i] >>= shift;
        }
        this.bitsCount -= shift;
        if (this.bitsCount == 0) {
          this.clear();
        }
        if (needShrink) {
          this.shrink();
        }
      }
      shiftLeft(shift) {
        if (this.view.length == 0) {
          return;
        }
        if (shift < 0 || shift > 8) {
          throw new Error('The "shift" parameter must be in range 0-8');
        }
        if (shift > this.bitsCount) {
          throw new Error('The "shift" parameter can not be bigger than "this.bitsCount"');
        }
        const bitsOffset = this.bitsCount & 7;
        if (bitsOffset > shift) {
          this.view[0] &= 255 >> bitsOffset + shift;
        } else {
          const view = this.view.slice(1);
          view[0] &= 255 >> shift - bitsOffset;
          this.buffer = view.buffer;
          this.view = view;
        }
        this.bitsCount -= shift;
        if (this.bitsCount == 0) {
          this.clear();
        }
      }
      slice(start = 0, end = 0) {
        let valueShift = 0;
        if (this.bitsCount % 8) {
          valueShift = 8 - this.bitsCount % 8;
        }
        start += valueShift;
        end += valueShift;
        const maxEnd = (this.view.length << 3) - 1;
        if (start < 0 || start > maxEnd) {
          return new _BitStream();
        }
        if (!end) {
          end = maxEnd;
        }
        if (end < 0 || end > maxEnd) {
          return new _BitStream();
        }
        if (end - start + 1 > this.bitsCount) {
          return new _BitStream();
        }
        const startIndex = start >> 3;
        const startOffset = start & 7;
        const endIndex = end >> 3;
        const endOffset = end & 7;
        const bitsLength = endIndex - startIndex == 0 ? 1 : endIndex - startIndex + 1;
        const result = new _BitStream({
          buffer: this.buffer.slice(startIndex, startIndex + bitsLength),
          bitsCount: bitsLength << 3
        });
        result.view[0] &= 255 >> startOffset;
        result.view[bitsLength] &= 255 << 7 - endOffset;
        if (7 - endOffset) {
          result.shiftRight(7 - endOffset, false);
        }
        result.bitsCount = end - start + 1;
        result.shrink();
        return result;
      }
      copy(start = 0, length = 0) {
        const maxEnd = (this.view.length << 3) - 1;
        if (start < 0 || start > maxEnd) {
          return new _BitStream();
        }
        if (!length) {
          length = (this.view.length << 3) - start - 1;
        }
        if (length > this.bitsCount) {
          return new _BitStream();
        }
        return this.slice(start, start + length - 1);
      }
      shrink() {
        const currentLength = (this.bitsCount >> 3) + (this.bitsCount % 8 ? 1 : 0);
        if (currentLength < this.view.length) {
          const view = this.view.slice(this.view.length - currentLength, this.view.length - currentLength + currentLength);
          this.view = view;
          this.buffer = view.buffer;
        }
      }
      reverseBytes() {
        for (let i = 0; i < this.view.length; i++) {
          this.view[i] = (this.view[i] * 2050 & 139536 | this.view[i] * 32800 & 558144) * 65793 >> 16;
        }
        if (this.bitsCount % 8) {
          const currentLength = (this.bitsCount >> 3) + (this.bitsCount % 8 ? 1 : 0);
          this.view[this.view.length - currentLength] >>= 8 - (this.bitsCount & 7);
        }
      }
      reverseValue() {
        const initialValue = this.toString();
        const initialValueLength = initialValue.length;
        const reversedValue = new Array(initialValueLength);
        for (let i = 0; i < initialValueLength; i++) {
          reversedValue[initialValueLength - 1 - i] = initialValue[i];
        }
        this.fromString(reversedValue.join(""));
      }
      getNumberValue() {
        const byteLength = this.view.length - 1;
        if (byteLength > 3) {
          return -1;
        }
        if (byteLength == -1) {
          return 0;
        }
        const value = new Uint32Array(1);
        const view = new Uint8Array(value.buffer);
        for (let i = byteLength; i >= 0; i--) {
          view[byteLength - i] = this.view[i];
        }
        return value[0];
      }
      findPattern(pattern, start, length, backward) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPattern = new byte_stream_1.ByteStream({
          string: pattern.toString()
        });
        return stringStream.findPattern(stringPattern, start, length, backward);
      }
      findFirstIn(patterns, start, length, backward) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPatterns = new Array(patterns.length);
        for (let i = 0; i < patterns.length; i++) {
          stringPatterns[i] = new byte_stream_1.ByteStream({
            string: patterns[i].toString()
          });
        }
        return stringStream.findFirstIn(stringPatterns, start, length, backward);
      }
      findAllIn(patterns, start, length) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPatterns = new Array(patterns.length);
        for (let i = 0; i < patterns.length; i++) {
          stringPatterns[i] = new byte_stream_1.ByteStream({
            string: patterns[i].toString()
          });
        }
        return stringStream.findAllIn(stringPatterns, start, length);
      }
      findAllPatternIn(pattern, start, length) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPattern = new byte_stream_1.ByteStream({
          string: pattern.toString()
        });
        return stringStream.findAllPatternIn(stringPattern, start, length);
      }
      findFirstNotIn(patterns, start, length, backward) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPatterns = new Array(patterns.length);
        for (let i = 0; i < patterns.length; i++) {
          stringPatterns[i] = new byte_stream_1.ByteStream({
            string: patterns[i].toString()
          });
        }
        return stringStream.findFirstNotIn(stringPatterns, start, length, backward);
      }
      findAllNotIn(patterns, start, length) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPatterns = new Array(patterns.length);
        for (let i = 0; i < patterns.length; i++) {
          stringPatterns[i] = new byte_stream_1.ByteStream({
            string: patterns[i].toString()
          });
        }
        return stringStream.findAllNotIn(stringPatterns, start, length);
      }
      findFirstSequence(patterns, start, length, backward) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPatterns = new Array(patterns.length);
        for (let i = 0; i < patterns.length; i++) {
          stringPatterns[i] = new byte_stream_1.ByteStream({
            string: patterns[i].toString()
          });
        }
        return stringStream.findFirstSequence(stringPatterns, start, length, backward);
      }
      findAllSequences(patterns, start, length) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPatterns = new Array(patterns.length);
        for (let i = 0; i < patterns.length; i++) {
          stringPatterns[i] = new byte_stream_1.ByteStream({
            string: patterns[i].toString()
          });
        }
        return stringStream.findAllSequences(stringPatterns, start, length);
      }
      findPairedPatterns(leftPattern, rightPattern, start, length) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringLeftPattern = new byte_stream_1.ByteStream({
          string: leftPattern.toString()
        });
        const stringRightPattern = new byte_stream_1.ByteStream({
          string: rightPattern.toString()
        });
        return stringStream.findPairedPatterns(stringLeftPattern, stringRightPattern, start, length);
      }
      findPairedArrays(inputLeftPatterns, inputRightPatterns, start, length) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringLeftPatterns = new Array(inputLeftPatterns.length);
        for (let i = 0; i < inputLeftPatterns.length; i++) {
          stringLeftPatterns[i] = new byte_stream_1.ByteStream({
            string: inputLeftPatterns[i].toString()
          });
        }
        const stringRightPatterns = new Array(inputRightPatterns.length);
        for (let i = 0; i < inputRightPatterns.length; i++) {
          stringRightPatterns[i] = new byte_stream_1.ByteStream({
            string: inputRightPatterns[i].toString()
          });
        }
        return stringStream.findPairedArrays(stringLeftPatterns, stringRightPatterns, start, length);
      }
      replacePattern(searchPattern, replacePattern, start, length) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringSearchPattern = new byte_stream_1.ByteStream({
          string: searchPattern.toString()
        });
        const stringReplacePattern = new byte_stream_1.ByteStream({
          string: replacePattern.toString()
        });
        if (stringStream.replacePattern(stringSearchPattern, stringReplacePattern, start, length)) {
          this.fromString(stringStream.toString());
          return true;
        }
        return false;
      }
      skipPatterns(patterns, start, length, backward) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPatterns = new Array(patterns.length);
        for (let i = 0; i < patterns.length; i++) {
          stringPatterns[i] = new byte_stream_1.ByteStream({
            string: patterns[i].toString()
          });
        }
        return stringStream.skipPatterns(stringPatterns, start, length, backward);
      }
      skipNotPatterns(patterns, start, length, backward) {
        const stringStream = new byte_stream_1.ByteStream({
          string: this.toString()
        });
        const stringPatterns = new Array(patterns.length);
        for (let i = 0; i < patterns.length; i++) {
          stringPatterns[i] = new byte_stream_1.ByteStream({
            string: patterns[i].toString()
          });
        }
        return stringStream.skipNotPatterns(stringPatterns, start, length, backward);
      }
      append(stream) {
        this.fromString([
          this.toString(),
          stream.toString()
        ].join(""));
      }
    };
    exports.BitStream = BitStream;
  }
});

// node_modules/bytestreamjs/build/cjs/seq_bit_stream.js
var require_seq_bit_stream = __commonJS({
  "node_modules/bytestreamjs/build/cjs/seq_bit_stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SeqBitStream = void 0;
    var bit_stream_1 = require_bit_stream();
    var SeqBitStream = class {
      constructor(parameters = {}) {
        var _a;
        this._length = 0;
        this._start = 0;
        this.prevLength = 0;
        this.prevStart = 0;
        this.stream = ((_a = parameters.stream) === null || _a === void 0 ? void 0 : _a.slice()) || new bit_stream_1.BitStream();
        this.appendBlock = parameters.appendBlock || 0;
        if (parameters.start && parameters.start > 0) {
          this.start = parameters.start;
        }
        if (parameters.length && parameters.length > 0) {
          this.length = parameters.length;
        }
        this.backward = parameters.backward || false;
      }
      set start(value) {
        if (value > this.stream.bitsCount) {
          return;
        }
        this._length -= this.backward ? this._start - value : value - this._start;
        this._start = value;
        this.prevStart = this._start;
        this.prevLength = this._length;
      }
      get start() {
        return this._start;
      }
      set length(value) {
        if (value > this.stream.bitsCount) {
          return;
        }
        this.prevLength = this._length;
        this._length = value;
      }
      get length() {
        return this._length;
      }
      set stream(value) {
        this._stream = value;
        this.prevLength = this._length;
        this._length = value.bitsCount;
        this.prevStart = this._start;
        this._start = this.backward ? this.length : 0;
      }
      get stream() {
        return this._stream;
      }
      getBits(length = null) {
        if (length === null) {
          length = 0;
        } else if (length === 0) {
          return new bit_stream_1.BitStream();
        }
        if (this.start + length > this.stream.bitsCount) {
          length = this.stream.bitsCount - this.start;
        }
        let result;
        if (this.backward) {
          result = this.stream.copy(this.start - length, length);
          this.start -= result.bitsCount;
        } else {
          result = this.stream.copy(this.start, length);
          this.start += result.bitsCount;
        }
        return result;
      }
      getBitsString(length) {
        return this.getBits(length).toString();
      }
      getBitsReversedValue(length) {
        const initialValue = this.getBitsString(length);
        const initialValueLength = initialValue.length;
        let byteIndex;
        const initialOffset = 8 - initialValueLength % 8;
        const reversedValue = new Array(initialValueLength);
        const value = new Uint32Array(1);
        const valueView = new Uint8Array(value.buffer, 0, 4);
        let i;
        if (initialValueLength > 32) {
          return -1;
        }
        if (length == 32) {
          byteIndex = 3;
        } else {
          byteIndex = initialValueLength - 1 >> 3;
        }
        for (i = 0; i < initialValueLength; i++) {
          reversedValue[initialValueLength - 1 - i] = initialValue[i];
        }
        for (i = initialOffset; i < initialOffset + initialValueLength; i++) {
          if (reversedValue[i - initialOffset] == "1") {
            valueView[byteIndex] |= 1 << 7 - i % 8;
          }
          if (i && (i + 1) % 8 == 0) {
            byteIndex--;
          }
        }
        return value[0];
      }
      toString() {
        const streamToDisplay = this.stream.copy(this.start, this.length);
        return streamToDisplay.toString();
      }
    };
    exports.SeqBitStream = SeqBitStream;
  }
});

// node_modules/bytestreamjs/build/cjs/index.js
var require_cjs = __commonJS({
  "node_modules/bytestreamjs/build/cjs/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    __exportStar(require_byte_stream(), exports);
    __exportStar(require_seq_stream(), exports);
    __exportStar(require_helpers(), exports);
    __exportStar(require_bit_stream(), exports);
    __exportStar(require_seq_bit_stream(), exports);
  }
});

// node_modules/@noble/hashes/cryptoNode.js
var require_cryptoNode = __commonJS({
  "node_modules/@noble/hashes/cryptoNode.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.crypto = void 0;
    var nc = __require("node:crypto");
    exports.crypto = nc && typeof nc === "object" && "webcrypto" in nc ? nc.webcrypto : nc && typeof nc === "object" && "randomBytes" in nc ? nc : void 0;
  }
});

// node_modules/@noble/hashes/utils.js
var require_utils2 = __commonJS({
  "node_modules/@noble/hashes/utils.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.wrapXOFConstructorWithOpts = exports.wrapConstructorWithOpts = exports.wrapConstructor = exports.Hash = exports.nextTick = exports.swap32IfBE = exports.byteSwapIfBE = exports.swap8IfBE = exports.isLE = void 0;
    exports.isBytes = isBytes;
    exports.anumber = anumber;
    exports.abytes = abytes;
    exports.ahash = ahash;
    exports.aexists = aexists;
    exports.aoutput = aoutput;
    exports.u8 = u8;
    exports.u32 = u32;
    exports.clean = clean;
    exports.createView = createView;
    exports.rotr = rotr;
    exports.rotl = rotl;
    exports.byteSwap = byteSwap;
    exports.byteSwap32 = byteSwap32;
    exports.bytesToHex = bytesToHex;
    exports.hexToBytes = hexToBytes;
    exports.asyncLoop = asyncLoop;
    exports.utf8ToBytes = utf8ToBytes;
    exports.bytesToUtf8 = bytesToUtf8;
    exports.toBytes = toBytes;
    exports.kdfInputToBytes = kdfInputToBytes;
    exports.concatBytes = concatBytes;
    exports.checkOpts = checkOpts;
    exports.createHasher = createHasher;
    exports.createOptHasher = createOptHasher;
    exports.createXOFer = createXOFer;
    exports.randomBytes = randomBytes;
    var crypto_1 = require_cryptoNode();
    function isBytes(a) {
      return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array";
    }
    function anumber(n) {
      if (!Number.isSafeInteger(n) || n < 0)
        throw new Error("positive integer expected, got " + n);
    }
    function abytes(b, ...lengths) {
      if (!isBytes(b))
        throw new Error("Uint8Array expected");
      if (lengths.length > 0 && !lengths.includes(b.length))
        throw new Error("Uint8Array expected of length " + lengths + ", got length=" + b.length);
    }
    function ahash(h) {
      if (typeof h !== "function" || typeof h.create !== "function")
        throw new Error("Hash should be wrapped by utils.createHasher");
      anumber(h.outputLen);
      anumber(h.blockLen);
    }
    function aexists(instance, checkFinished = true) {
      if (instance.destroyed)
        throw new Error("Hash instance has been destroyed");
      if (checkFinished && instance.finished)
        throw new Error("Hash#digest() has already been called");
    }
    function aoutput(out, instance) {
      abytes(out);
      const min = instance.outputLen;
      if (out.length < min) {
        throw new Error("digestInto() expects output buffer of length at least " + min);
      }
    }
    function u8(arr) {
      return new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
    }
    function u32(arr) {
      return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
    }
    function clean(...arrays) {
      for (let i = 0; i < arrays.length; i++) {
        arrays[i].fill(0);
      }
    }
    function createView(arr) {
      return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
    }
    function rotr(word, shift) {
      return word << 32 - shift | word >>> shift;
    }
    function rotl(word, shift) {
      return word << shift | word >>> 32 - shift >>> 0;
    }
    exports.isLE = (() => new Uint8Array(new Uint32Array([287454020]).buffer)[0] === 68)();
    function byteSwap(word) {
      return word << 24 & 4278190080 | word << 8 & 16711680 | word >>> 8 & 65280 | word >>> 24 & 255;
    }
    exports.swap8IfBE = exports.isLE ? (n) => n : (n) => byteSwap(n);
    exports.byteSwapIfBE = exports.swap8IfBE;
    function byteSwap32(arr) {
      for (let i = 0; i < arr.length; i++) {
        arr[i] = byteSwap(arr[i]);
      }
      return arr;
    }
    exports.swap32IfBE = exports.isLE ? (u) => u : byteSwap32;
    var hasHexBuiltin = /* @__PURE__ */ (() => (
      // @ts-ignore
      typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
    ))();
    var hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
    function bytesToHex(bytes) {
      abytes(bytes);
      if (hasHexBuiltin)
        return bytes.toHex();
      let hex = "";
      for (let i = 0; i < bytes.length; i++) {
        hex += hexes[bytes[i]];
      }
      return hex;
    }
    var asciis = { _0: 48, _9: 57, A: 65, F: 70, a: 97, f: 102 };
    function asciiToBase16(ch) {
      if (ch >= asciis._0 && ch <= asciis._9)
        return ch - asciis._0;
      if (ch >= asciis.A && ch <= asciis.F)
        return ch - (asciis.A - 10);
      if (ch >= asciis.a && ch <= asciis.f)
        return ch - (asciis.a - 10);
      return;
    }
    function hexToBytes(hex) {
      if (typeof hex !== "string")
        throw new Error("hex string expected, got " + typeof hex);
      if (hasHexBuiltin)
        return Uint8Array.fromHex(hex);
      const hl = hex.length;
      const al = hl / 2;
      if (hl % 2)
        throw new Error("hex string expected, got unpadded hex of length " + hl);
      const array = new Uint8Array(al);
      for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
        const n1 = asciiToBase16(hex.charCodeAt(hi));
        const n2 = asciiToBase16(hex.charCodeAt(hi + 1));
        if (n1 === void 0 || n2 === void 0) {
          const char = hex[hi] + hex[hi + 1];
          throw new Error('hex string expected, got non-hex character "' + char + '" at index ' + hi);
        }
        array[ai] = n1 * 16 + n2;
      }
      return array;
    }
    var nextTick = async () => {
    };
    exports.nextTick = nextTick;
    async function asyncLoop(iters, tick, cb) {
      let ts = Date.now();
      for (let i = 0; i < iters; i++) {
        cb(i);
        const diff = Date.now() - ts;
        if (diff >= 0 && diff < tick)
          continue;
        await (0, exports.nextTick)();
        ts += diff;
      }
    }
    function utf8ToBytes(str) {
      if (typeof str !== "string")
        throw new Error("string expected");
      return new Uint8Array(new TextEncoder().encode(str));
    }
    function bytesToUtf8(bytes) {
      return new TextDecoder().decode(bytes);
    }
    function toBytes(data) {
      if (typeof data === "string")
        data = utf8ToBytes(data);
      abytes(data);
      return data;
    }
    function kdfInputToBytes(data) {
      if (typeof data === "string")
        data = utf8ToBytes(data);
      abytes(data);
      return data;
    }
    function concatBytes(...arrays) {
      let sum = 0;
      for (let i = 0; i < arrays.length; i++) {
        const a = arrays[i];
        abytes(a);
        sum += a.length;
      }
      const res = new Uint8Array(sum);
      for (let i = 0, pad = 0; i < arrays.length; i++) {
        const a = arrays[i];
        res.set(a, pad);
        pad += a.length;
      }
      return res;
    }
    function checkOpts(defaults, opts) {
      if (opts !== void 0 && {}.toString.call(opts) !== "[object Object]")
        throw new Error("options should be object or undefined");
      const merged = Object.assign(defaults, opts);
      return merged;
    }
    var Hash = class {
    };
    exports.Hash = Hash;
    function createHasher(hashCons) {
      const hashC = (msg) => hashCons().update(toBytes(msg)).digest();
      const tmp = hashCons();
      hashC.outputLen = tmp.outputLen;
      hashC.blockLen = tmp.blockLen;
      hashC.create = () => hashCons();
      return hashC;
    }
    function createOptHasher(hashCons) {
      const hashC = (msg, opts) => hashCons(opts).update(toBytes(msg)).digest();
      const tmp = hashCons({});
      hashC.outputLen = tmp.outputLen;
      hashC.blockLen = tmp.blockLen;
      hashC.create = (opts) => hashCons(opts);
      return hashC;
    }
    function createXOFer(hashCons) {
      const hashC = (msg, opts) => hashCons(opts).update(toBytes(msg)).digest();
      const tmp = hashCons({});
      hashC.outputLen = tmp.outputLen;
      hashC.blockLen = tmp.blockLen;
      hashC.create = (opts) => hashCons(opts);
      return hashC;
    }
    exports.wrapConstructor = createHasher;
    exports.wrapConstructorWithOpts = createOptHasher;
    exports.wrapXOFConstructorWithOpts = createXOFer;
    function randomBytes(bytesLength = 32) {
      if (crypto_1.crypto && typeof crypto_1.crypto.getRandomValues === "function") {
        return crypto_1.crypto.getRandomValues(new Uint8Array(bytesLength));
      }
      if (crypto_1.crypto && typeof crypto_1.crypto.randomBytes === "function") {
        return Uint8Array.from(crypto_1.crypto.randomBytes(bytesLength));
      }
      throw new Error("crypto.getRandomValues must be defined");
    }
  }
});

// node_modules/@noble/hashes/_md.js
var require_md = __commonJS({
  "node_modules/@noble/hashes/_md.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SHA512_IV = exports.SHA384_IV = exports.SHA224_IV = exports.SHA256_IV = exports.HashMD = void 0;
    exports.setBigUint64 = setBigUint64;
    exports.Chi = Chi;
    exports.Maj = Maj;
    var utils_ts_1 = require_utils2();
    function setBigUint64(view, byteOffset, value, isLE) {
      if (typeof view.setBigUint64 === "function")
        return view.setBigUint64(byteOffset, value, isLE);
      const _32n = BigInt(32);
      const _u32_max = BigInt(4294967295);
      const wh = Number(value >> _32n & _u32_max);
      const wl = Number(value & _u32_max);
      const h = isLE ? 4 : 0;
      const l = isLE ? 0 : 4;
      view.setUint32(byteOffset + h, wh, isLE);
      view.setUint32(byteOffset + l, wl, isLE);
    }
    function Chi(a, b, c) {
      return a & b ^ ~a & c;
    }
    function Maj(a, b, c) {
      return a & b ^ a & c ^ b & c;
    }
    var HashMD = class extends utils_ts_1.Hash {
      constructor(blockLen, outputLen, padOffset, isLE) {
        super();
        this.finished = false;
        this.length = 0;
        this.pos = 0;
        this.destroyed = false;
        this.blockLen = blockLen;
        this.outputLen = outputLen;
        this.padOffset = padOffset;
        this.isLE = isLE;
        this.buffer = new Uint8Array(blockLen);
        this.view = (0, utils_ts_1.createView)(this.buffer);
      }
      update(data) {
        (0, utils_ts_1.aexists)(this);
        data = (0, utils_ts_1.toBytes)(data);
        (0, utils_ts_1.abytes)(data);
        const { view, buffer, blockLen } = this;
        const len = data.length;
        for (let pos = 0; pos < len; ) {
          const take = Math.min(blockLen - this.pos, len - pos);
          if (take === blockLen) {
            const dataView = (0, utils_ts_1.createView)(data);
            for (; blockLen <= len - pos; pos += blockLen)
              this.process(dataView, pos);
            continue;
          }
          buffer.set(data.subarray(pos, pos + take), this.pos);
          this.pos += take;
          pos += take;
          if (this.pos === blockLen) {
            this.process(view, 0);
            this.pos = 0;
          }
        }
        this.length += data.length;
        this.roundClean();
        return this;
      }
      digestInto(out) {
        (0, utils_ts_1.aexists)(this);
        (0, utils_ts_1.aoutput)(out, this);
        this.finished = true;
        const { buffer, view, blockLen, isLE } = this;
        let { pos } = this;
        buffer[pos++] = 128;
        (0, utils_ts_1.clean)(this.buffer.subarray(pos));
        if (this.padOffset > blockLen - pos) {
          this.process(view, 0);
          pos = 0;
        }
        for (let i = pos; i < blockLen; i++)
          buffer[i] = 0;
        setBigUint64(view, blockLen - 8, BigInt(this.length * 8), isLE);
        this.process(view, 0);
        const oview = (0, utils_ts_1.createView)(out);
        const len = this.outputLen;
        if (len % 4)
          throw new Error("_sha2: outputLen should be aligned to 32bit");
        const outLen = len / 4;
        const state = this.get();
        if (outLen > state.length)
          throw new Error("_sha2: outputLen bigger than state");
        for (let i = 0; i < outLen; i++)
          oview.setUint32(4 * i, state[i], isLE);
      }
      digest() {
        const { buffer, outputLen } = this;
        this.digestInto(buffer);
        const res = buffer.slice(0, outputLen);
        this.destroy();
        return res;
      }
      _cloneInto(to) {
        to || (to = new this.constructor());
        to.set(...this.get());
        const { blockLen, buffer, length, finished, destroyed, pos } = this;
        to.destroyed = destroyed;
        to.finished = finished;
        to.length = length;
        to.pos = pos;
        if (length % blockLen)
          to.buffer.set(buffer);
        return to;
      }
      clone() {
        return this._cloneInto();
      }
    };
    exports.HashMD = HashMD;
    exports.SHA256_IV = Uint32Array.from([
      1779033703,
      3144134277,
      1013904242,
      2773480762,
      1359893119,
      2600822924,
      528734635,
      1541459225
    ]);
    exports.SHA224_IV = Uint32Array.from([
      3238371032,
      914150663,
      812702999,
      4144912697,
      4290775857,
      1750603025,
      1694076839,
      3204075428
    ]);
    exports.SHA384_IV = Uint32Array.from([
      3418070365,
      3238371032,
      1654270250,
      914150663,
      2438529370,
      812702999,
      355462360,
      4144912697,
      1731405415,
      4290775857,
      2394180231,
      1750603025,
      3675008525,
      1694076839,
      1203062813,
      3204075428
    ]);
    exports.SHA512_IV = Uint32Array.from([
      1779033703,
      4089235720,
      3144134277,
      2227873595,
      1013904242,
      4271175723,
      2773480762,
      1595750129,
      1359893119,
      2917565137,
      2600822924,
      725511199,
      528734635,
      4215389547,
      1541459225,
      327033209
    ]);
  }
});

// node_modules/@noble/hashes/legacy.js
var require_legacy = __commonJS({
  "node_modules/@noble/hashes/legacy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ripemd160 = exports.RIPEMD160 = exports.md5 = exports.MD5 = exports.sha1 = exports.SHA1 = void 0;
    var _md_ts_1 = require_md();
    var utils_ts_1 = require_utils2();
    var SHA1_IV = /* @__PURE__ */ Uint32Array.from([
      1732584193,
      4023233417,
      2562383102,
      271733878,
      3285377520
    ]);
    var SHA1_W = /* @__PURE__ */ new Uint32Array(80);
    var SHA1 = class extends _md_ts_1.HashMD {
      constructor() {
        super(64, 20, 8, false);
        this.A = SHA1_IV[0] | 0;
        this.B = SHA1_IV[1] | 0;
        this.C = SHA1_IV[2] | 0;
        this.D = SHA1_IV[3] | 0;
        this.E = SHA1_IV[4] | 0;
      }
      get() {
        const { A, B, C, D, E } = this;
        return [A, B, C, D, E];
      }
      set(A, B, C, D, E) {
        this.A = A | 0;
        this.B = B | 0;
        this.C = C | 0;
        this.D = D | 0;
        this.E = E | 0;
      }
      process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
          SHA1_W[i] = view.getUint32(offset, false);
        for (let i = 16; i < 80; i++)
          SHA1_W[i] = (0, utils_ts_1.rotl)(SHA1_W[i - 3] ^ SHA1_W[i - 8] ^ SHA1_W[i - 14] ^ SHA1_W[i - 16], 1);
        let { A, B, C, D, E } = this;
        for (let i = 0; i < 80; i++) {
          let F, K2;
          if (i < 20) {
            F = (0, _md_ts_1.Chi)(B, C, D);
            K2 = 1518500249;
          } else if (i < 40) {
            F = B ^ C ^ D;
            K2 = 1859775393;
          } else if (i < 60) {
            F = (0, _md_ts_1.Maj)(B, C, D);
            K2 = 2400959708;
          } else {
            F = B ^ C ^ D;
            K2 = 3395469782;
          }
          const T = (0, utils_ts_1.rotl)(A, 5) + F + E + K2 + SHA1_W[i] | 0;
          E = D;
          D = C;
          C = (0, utils_ts_1.rotl)(B, 30);
          B = A;
          A = T;
        }
        A = A + this.A | 0;
        B = B + this.B | 0;
        C = C + this.C | 0;
        D = D + this.D | 0;
        E = E + this.E | 0;
        this.set(A, B, C, D, E);
      }
      roundClean() {
        (0, utils_ts_1.clean)(SHA1_W);
      }
      destroy() {
        this.set(0, 0, 0, 0, 0);
        (0, utils_ts_1.clean)(this.buffer);
      }
    };
    exports.SHA1 = SHA1;
    exports.sha1 = (0, utils_ts_1.createHasher)(() => new SHA1());
    var p32 = /* @__PURE__ */ Math.pow(2, 32);
    var K = /* @__PURE__ */ Array.from({ length: 64 }, (_, i) => Math.floor(p32 * Math.abs(Math.sin(i + 1))));
    var MD5_IV = /* @__PURE__ */ SHA1_IV.slice(0, 4);
    var MD5_W = /* @__PURE__ */ new Uint32Array(16);
    var MD5 = class extends _md_ts_1.HashMD {
      constructor() {
        super(64, 16, 8, true);
        this.A = MD5_IV[0] | 0;
        this.B = MD5_IV[1] | 0;
        this.C = MD5_IV[2] | 0;
        this.D = MD5_IV[3] | 0;
      }
      get() {
        const { A, B, C, D } = this;
        return [A, B, C, D];
      }
      set(A, B, C, D) {
        this.A = A | 0;
        this.B = B | 0;
        this.C = C | 0;
        this.D = D | 0;
      }
      process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
          MD5_W[i] = view.getUint32(offset, true);
        let { A, B, C, D } = this;
        for (let i = 0; i < 64; i++) {
          let F, g, s;
          if (i < 16) {
            F = (0, _md_ts_1.Chi)(B, C, D);
            g = i;
            s = [7, 12, 17, 22];
          } else if (i < 32) {
            F = (0, _md_ts_1.Chi)(D, B, C);
            g = (5 * i + 1) % 16;
            s = [5, 9, 14, 20];
          } else if (i < 48) {
            F = B ^ C ^ D;
            g = (3 * i + 5) % 16;
            s = [4, 11, 16, 23];
          } else {
            F = C ^ (B | ~D);
            g = 7 * i % 16;
            s = [6, 10, 15, 21];
          }
          F = F + A + K[i] + MD5_W[g];
          A = D;
          D = C;
          C = B;
          B = B + (0, utils_ts_1.rotl)(F, s[i % 4]);
        }
        A = A + this.A | 0;
        B = B + this.B | 0;
        C = C + this.C | 0;
        D = D + this.D | 0;
        this.set(A, B, C, D);
      }
      roundClean() {
        (0, utils_ts_1.clean)(MD5_W);
      }
      destroy() {
        this.set(0, 0, 0, 0);
        (0, utils_ts_1.clean)(this.buffer);
      }
    };
    exports.MD5 = MD5;
    exports.md5 = (0, utils_ts_1.createHasher)(() => new MD5());
    var Rho160 = /* @__PURE__ */ Uint8Array.from([
      7,
      4,
      13,
      1,
      10,
      6,
      15,
      3,
      12,
      0,
      9,
      5,
      2,
      14,
      11,
      8
    ]);
    var Id160 = /* @__PURE__ */ (() => Uint8Array.from(new Array(16).fill(0).map((_, i) => i)))();
    var Pi160 = /* @__PURE__ */ (() => Id160.map((i) => (9 * i + 5) % 16))();
    var idxLR = /* @__PURE__ */ (() => {
      const L = [Id160];
      const R = [Pi160];
      const res = [L, R];
      for (let i = 0; i < 4; i++)
        for (let j of res)
          j.push(j[i].map((k) => Rho160[k]));
      return res;
    })();
    var idxL = /* @__PURE__ */ (() => idxLR[0])();
    var idxR = /* @__PURE__ */ (() => idxLR[1])();
    var shifts160 = /* @__PURE__ */ [
      [11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8],
      [12, 13, 11, 15, 6, 9, 9, 7, 12, 15, 11, 13, 7, 8, 7, 7],
      [13, 15, 14, 11, 7, 7, 6, 8, 13, 14, 13, 12, 5, 5, 6, 9],
      [14, 11, 12, 14, 8, 6, 5, 5, 15, 12, 15, 14, 9, 9, 8, 6],
      [15, 12, 13, 13, 9, 5, 8, 6, 14, 11, 12, 11, 8, 6, 5, 5]
    ].map((i) => Uint8Array.from(i));
    var shiftsL160 = /* @__PURE__ */ idxL.map((idx, i) => idx.map((j) => shifts160[i][j]));
    var shiftsR160 = /* @__PURE__ */ idxR.map((idx, i) => idx.map((j) => shifts160[i][j]));
    var Kl160 = /* @__PURE__ */ Uint32Array.from([
      0,
      1518500249,
      1859775393,
      2400959708,
      2840853838
    ]);
    var Kr160 = /* @__PURE__ */ Uint32Array.from([
      1352829926,
      1548603684,
      1836072691,
      2053994217,
      0
    ]);
    function ripemd_f(group, x, y, z) {
      if (group === 0)
        return x ^ y ^ z;
      if (group === 1)
        return x & y | ~x & z;
      if (group === 2)
        return (x | ~y) ^ z;
      if (group === 3)
        return x & z | y & ~z;
      return x ^ (y | ~z);
    }
    var BUF_160 = /* @__PURE__ */ new Uint32Array(16);
    var RIPEMD160 = class extends _md_ts_1.HashMD {
      constructor() {
        super(64, 20, 8, true);
        this.h0 = 1732584193 | 0;
        this.h1 = 4023233417 | 0;
        this.h2 = 2562383102 | 0;
        this.h3 = 271733878 | 0;
        this.h4 = 3285377520 | 0;
      }
      get() {
        const { h0, h1, h2, h3, h4 } = this;
        return [h0, h1, h2, h3, h4];
      }
      set(h0, h1, h2, h3, h4) {
        this.h0 = h0 | 0;
        this.h1 = h1 | 0;
        this.h2 = h2 | 0;
        this.h3 = h3 | 0;
        this.h4 = h4 | 0;
      }
      process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
          BUF_160[i] = view.getUint32(offset, true);
        let al = this.h0 | 0, ar = al, bl = this.h1 | 0, br = bl, cl = this.h2 | 0, cr = cl, dl = this.h3 | 0, dr = dl, el = this.h4 | 0, er = el;
        for (let group = 0; group < 5; group++) {
          const rGroup = 4 - group;
          const hbl = Kl160[group], hbr = Kr160[group];
          const rl = idxL[group], rr = idxR[group];
          const sl = shiftsL160[group], sr = shiftsR160[group];
          for (let i = 0; i < 16; i++) {
            const tl = (0, utils_ts_1.rotl)(al + ripemd_f(group, bl, cl, dl) + BUF_160[rl[i]] + hbl, sl[i]) + el | 0;
            al = el, el = dl, dl = (0, utils_ts_1.rotl)(cl, 10) | 0, cl = bl, bl = tl;
          }
          for (let i = 0; i < 16; i++) {
            const tr = (0, utils_ts_1.rotl)(ar + ripemd_f(rGroup, br, cr, dr) + BUF_160[rr[i]] + hbr, sr[i]) + er | 0;
            ar = er, er = dr, dr = (0, utils_ts_1.rotl)(cr, 10) | 0, cr = br, br = tr;
          }
        }
        this.set(this.h1 + cl + dr | 0, this.h2 + dl + er | 0, this.h3 + el + ar | 0, this.h4 + al + br | 0, this.h0 + bl + cr | 0);
      }
      roundClean() {
        (0, utils_ts_1.clean)(BUF_160);
      }
      destroy() {
        this.destroyed = true;
        (0, utils_ts_1.clean)(this.buffer);
        this.set(0, 0, 0, 0, 0);
      }
    };
    exports.RIPEMD160 = RIPEMD160;
    exports.ripemd160 = (0, utils_ts_1.createHasher)(() => new RIPEMD160());
  }
});

// node_modules/@noble/hashes/sha1.js
var require_sha1 = __commonJS({
  "node_modules/@noble/hashes/sha1.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.sha1 = exports.SHA1 = void 0;
    var legacy_ts_1 = require_legacy();
    exports.SHA1 = legacy_ts_1.SHA1;
    exports.sha1 = legacy_ts_1.sha1;
  }
});

// node_modules/@noble/hashes/_u64.js
var require_u64 = __commonJS({
  "node_modules/@noble/hashes/_u64.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toBig = exports.shrSL = exports.shrSH = exports.rotrSL = exports.rotrSH = exports.rotrBL = exports.rotrBH = exports.rotr32L = exports.rotr32H = exports.rotlSL = exports.rotlSH = exports.rotlBL = exports.rotlBH = exports.add5L = exports.add5H = exports.add4L = exports.add4H = exports.add3L = exports.add3H = void 0;
    exports.add = add;
    exports.fromBig = fromBig;
    exports.split = split;
    var U32_MASK64 = /* @__PURE__ */ BigInt(2 ** 32 - 1);
    var _32n = /* @__PURE__ */ BigInt(32);
    function fromBig(n, le = false) {
      if (le)
        return { h: Number(n & U32_MASK64), l: Number(n >> _32n & U32_MASK64) };
      return { h: Number(n >> _32n & U32_MASK64) | 0, l: Number(n & U32_MASK64) | 0 };
    }
    function split(lst, le = false) {
      const len = lst.length;
      let Ah = new Uint32Array(len);
      let Al = new Uint32Array(len);
      for (let i = 0; i < len; i++) {
        const { h, l } = fromBig(lst[i], le);
        [Ah[i], Al[i]] = [h, l];
      }
      return [Ah, Al];
    }
    var toBig = (h, l) => BigInt(h >>> 0) << _32n | BigInt(l >>> 0);
    exports.toBig = toBig;
    var shrSH = (h, _l, s) => h >>> s;
    exports.shrSH = shrSH;
    var shrSL = (h, l, s) => h << 32 - s | l >>> s;
    exports.shrSL = shrSL;
    var rotrSH = (h, l, s) => h >>> s | l << 32 - s;
    exports.rotrSH = rotrSH;
    var rotrSL = (h, l, s) => h << 32 - s | l >>> s;
    exports.rotrSL = rotrSL;
    var rotrBH = (h, l, s) => h << 64 - s | l >>> s - 32;
    exports.rotrBH = rotrBH;
    var rotrBL = (h, l, s) => h >>> s - 32 | l << 64 - s;
    exports.rotrBL = rotrBL;
    var rotr32H = (_h, l) => l;
    exports.rotr32H = rotr32H;
    var rotr32L = (h, _l) => h;
    exports.rotr32L = rotr32L;
    var rotlSH = (h, l, s) => h << s | l >>> 32 - s;
    exports.rotlSH = rotlSH;
    var rotlSL = (h, l, s) => l << s | h >>> 32 - s;
    exports.rotlSL = rotlSL;
    var rotlBH = (h, l, s) => l << s - 32 | h >>> 64 - s;
    exports.rotlBH = rotlBH;
    var rotlBL = (h, l, s) => h << s - 32 | l >>> 64 - s;
    exports.rotlBL = rotlBL;
    function add(Ah, Al, Bh, Bl) {
      const l = (Al >>> 0) + (Bl >>> 0);
      return { h: Ah + Bh + (l / 2 ** 32 | 0) | 0, l: l | 0 };
    }
    var add3L = (Al, Bl, Cl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0);
    exports.add3L = add3L;
    var add3H = (low, Ah, Bh, Ch) => Ah + Bh + Ch + (low / 2 ** 32 | 0) | 0;
    exports.add3H = add3H;
    var add4L = (Al, Bl, Cl, Dl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0);
    exports.add4L = add4L;
    var add4H = (low, Ah, Bh, Ch, Dh) => Ah + Bh + Ch + Dh + (low / 2 ** 32 | 0) | 0;
    exports.add4H = add4H;
    var add5L = (Al, Bl, Cl, Dl, El) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0) + (El >>> 0);
    exports.add5L = add5L;
    var add5H = (low, Ah, Bh, Ch, Dh, Eh) => Ah + Bh + Ch + Dh + Eh + (low / 2 ** 32 | 0) | 0;
    exports.add5H = add5H;
    var u64 = {
      fromBig,
      split,
      toBig,
      shrSH,
      shrSL,
      rotrSH,
      rotrSL,
      rotrBH,
      rotrBL,
      rotr32H,
      rotr32L,
      rotlSH,
      rotlSL,
      rotlBH,
      rotlBL,
      add,
      add3L,
      add3H,
      add4L,
      add4H,
      add5H,
      add5L
    };
    exports.default = u64;
  }
});

// node_modules/@noble/hashes/sha2.js
var require_sha2 = __commonJS({
  "node_modules/@noble/hashes/sha2.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.sha512_224 = exports.sha512_256 = exports.sha384 = exports.sha512 = exports.sha224 = exports.sha256 = exports.SHA512_256 = exports.SHA512_224 = exports.SHA384 = exports.SHA512 = exports.SHA224 = exports.SHA256 = void 0;
    var _md_ts_1 = require_md();
    var u64 = require_u64();
    var utils_ts_1 = require_utils2();
    var SHA256_K = /* @__PURE__ */ Uint32Array.from([
      1116352408,
      1899447441,
      3049323471,
      3921009573,
      961987163,
      1508970993,
      2453635748,
      2870763221,
      3624381080,
      310598401,
      607225278,
      1426881987,
      1925078388,
      2162078206,
      2614888103,
      3248222580,
      3835390401,
      4022224774,
      264347078,
      604807628,
      770255983,
      1249150122,
      1555081692,
      1996064986,
      2554220882,
      2821834349,
      2952996808,
      3210313671,
      3336571891,
      3584528711,
      113926993,
      338241895,
      666307205,
      773529912,
      1294757372,
      1396182291,
      1695183700,
      1986661051,
      2177026350,
      2456956037,
      2730485921,
      2820302411,
      3259730800,
      3345764771,
      3516065817,
      3600352804,
      4094571909,
      275423344,
      430227734,
      506948616,
      659060556,
      883997877,
      958139571,
      1322822218,
      1537002063,
      1747873779,
      1955562222,
      2024104815,
      2227730452,
      2361852424,
      2428436474,
      2756734187,
      3204031479,
      3329325298
    ]);
    var SHA256_W = /* @__PURE__ */ new Uint32Array(64);
    var SHA256 = class extends _md_ts_1.HashMD {
      constructor(outputLen = 32) {
        super(64, outputLen, 8, false);
        this.A = _md_ts_1.SHA256_IV[0] | 0;
        this.B = _md_ts_1.SHA256_IV[1] | 0;
        this.C = _md_ts_1.SHA256_IV[2] | 0;
        this.D = _md_ts_1.SHA256_IV[3] | 0;
        this.E = _md_ts_1.SHA256_IV[4] | 0;
        this.F = _md_ts_1.SHA256_IV[5] | 0;
        this.G = _md_ts_1.SHA256_IV[6] | 0;
        this.H = _md_ts_1.SHA256_IV[7] | 0;
      }
      get() {
        const { A, B, C, D, E, F, G, H } = this;
        return [A, B, C, D, E, F, G, H];
      }
      // prettier-ignore
      set(A, B, C, D, E, F, G, H) {
        this.A = A | 0;
        this.B = B | 0;
        this.C = C | 0;
        this.D = D | 0;
        this.E = E | 0;
        this.F = F | 0;
        this.G = G | 0;
        this.H = H | 0;
      }
      process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
          SHA256_W[i] = view.getUint32(offset, false);
        for (let i = 16; i < 64; i++) {
          const W15 = SHA256_W[i - 15];
          const W2 = SHA256_W[i - 2];
          const s0 = (0, utils_ts_1.rotr)(W15, 7) ^ (0, utils_ts_1.rotr)(W15, 18) ^ W15 >>> 3;
          const s1 = (0, utils_ts_1.rotr)(W2, 17) ^ (0, utils_ts_1.rotr)(W2, 19) ^ W2 >>> 10;
          SHA256_W[i] = s1 + SHA256_W[i - 7] + s0 + SHA256_W[i - 16] | 0;
        }
        let { A, B, C, D, E, F, G, H } = this;
        for (let i = 0; i < 64; i++) {
          const sigma1 = (0, utils_ts_1.rotr)(E, 6) ^ (0, utils_ts_1.rotr)(E, 11) ^ (0, utils_ts_1.rotr)(E, 25);
          const T1 = H + sigma1 + (0, _md_ts_1.Chi)(E, F, G) + SHA256_K[i] + SHA256_W[i] | 0;
          const sigma0 = (0, utils_ts_1.rotr)(A, 2) ^ (0, utils_ts_1.rotr)(A, 13) ^ (0, utils_ts_1.rotr)(A, 22);
          const T2 = sigma0 + (0, _md_ts_1.Maj)(A, B, C) | 0;
          H = G;
          G = F;
          F = E;
          E = D + T1 | 0;
          D = C;
          C = B;
          B = A;
          A = T1 + T2 | 0;
        }
        A = A + this.A | 0;
        B = B + this.B | 0;
        C = C + this.C | 0;
        D = D + this.D | 0;
        E = E + this.E | 0;
        F = F + this.F | 0;
        G = G + this.G | 0;
        H = H + this.H | 0;
        this.set(A, B, C, D, E, F, G, H);
      }
      roundClean() {
        (0, utils_ts_1.clean)(SHA256_W);
      }
      destroy() {
        this.set(0, 0, 0, 0, 0, 0, 0, 0);
        (0, utils_ts_1.clean)(this.buffer);
      }
    };
    exports.SHA256 = SHA256;
    var SHA224 = class extends SHA256 {
      constructor() {
        super(28);
        this.A = _md_ts_1.SHA224_IV[0] | 0;
        this.B = _md_ts_1.SHA224_IV[1] | 0;
        this.C = _md_ts_1.SHA224_IV[2] | 0;
        this.D = _md_ts_1.SHA224_IV[3] | 0;
        this.E = _md_ts_1.SHA224_IV[4] | 0;
        this.F = _md_ts_1.SHA224_IV[5] | 0;
        this.G = _md_ts_1.SHA224_IV[6] | 0;
        this.H = _md_ts_1.SHA224_IV[7] | 0;
      }
    };
    exports.SHA224 = SHA224;
    var K512 = /* @__PURE__ */ (() => u64.split([
      "0x428a2f98d728ae22",
      "0x7137449123ef65cd",
      "0xb5c0fbcfec4d3b2f",
      "0xe9b5dba58189dbbc",
      "0x3956c25bf348b538",
      "0x59f111f1b605d019",
      "0x923f82a4af194f9b",
      "0xab1c5ed5da6d8118",
      "0xd807aa98a3030242",
      "0x12835b0145706fbe",
      "0x243185be4ee4b28c",
      "0x550c7dc3d5ffb4e2",
      "0x72be5d74f27b896f",
      "0x80deb1fe3b1696b1",
      "0x9bdc06a725c71235",
      "0xc19bf174cf692694",
      "0xe49b69c19ef14ad2",
      "0xefbe4786384f25e3",
      "0x0fc19dc68b8cd5b5",
      "0x240ca1cc77ac9c65",
      "0x2de92c6f592b0275",
      "0x4a7484aa6ea6e483",
      "0x5cb0a9dcbd41fbd4",
      "0x76f988da831153b5",
      "0x983e5152ee66dfab",
      "0xa831c66d2db43210",
      "0xb00327c898fb213f",
      "0xbf597fc7beef0ee4",
      "0xc6e00bf33da88fc2",
      "0xd5a79147930aa725",
      "0x06ca6351e003826f",
      "0x142929670a0e6e70",
      "0x27b70a8546d22ffc",
      "0x2e1b21385c26c926",
      "0x4d2c6dfc5ac42aed",
      "0x53380d139d95b3df",
      "0x650a73548baf63de",
      "0x766a0abb3c77b2a8",
      "0x81c2c92e47edaee6",
      "0x92722c851482353b",
      "0xa2bfe8a14cf10364",
      "0xa81a664bbc423001",
      "0xc24b8b70d0f89791",
      "0xc76c51a30654be30",
      "0xd192e819d6ef5218",
      "0xd69906245565a910",
      "0xf40e35855771202a",
      "0x106aa07032bbd1b8",
      "0x19a4c116b8d2d0c8",
      "0x1e376c085141ab53",
      "0x2748774cdf8eeb99",
      "0x34b0bcb5e19b48a8",
      "0x391c0cb3c5c95a63",
      "0x4ed8aa4ae3418acb",
      "0x5b9cca4f7763e373",
      "0x682e6ff3d6b2b8a3",
      "0x748f82ee5defb2fc",
      "0x78a5636f43172f60",
      "0x84c87814a1f0ab72",
      "0x8cc702081a6439ec",
      "0x90befffa23631e28",
      "0xa4506cebde82bde9",
      "0xbef9a3f7b2c67915",
      "0xc67178f2e372532b",
      "0xca273eceea26619c",
      "0xd186b8c721c0c207",
      "0xeada7dd6cde0eb1e",
      "0xf57d4f7fee6ed178",
      "0x06f067aa72176fba",
      "0x0a637dc5a2c898a6",
      "0x113f9804bef90dae",
      "0x1b710b35131c471b",
      "0x28db77f523047d84",
      "0x32caab7b40c72493",
      "0x3c9ebe0a15c9bebc",
      "0x431d67c49c100d4c",
      "0x4cc5d4becb3e42b6",
      "0x597f299cfc657e2a",
      "0x5fcb6fab3ad6faec",
      "0x6c44198c4a475817"
    ].map((n) => BigInt(n))))();
    var SHA512_Kh = /* @__PURE__ */ (() => K512[0])();
    var SHA512_Kl = /* @__PURE__ */ (() => K512[1])();
    var SHA512_W_H = /* @__PURE__ */ new Uint32Array(80);
    var SHA512_W_L = /* @__PURE__ */ new Uint32Array(80);
    var SHA512 = class extends _md_ts_1.HashMD {
      constructor(outputLen = 64) {
        super(128, outputLen, 16, false);
        this.Ah = _md_ts_1.SHA512_IV[0] | 0;
        this.Al = _md_ts_1.SHA512_IV[1] | 0;
        this.Bh = _md_ts_1.SHA512_IV[2] | 0;
        this.Bl = _md_ts_1.SHA512_IV[3] | 0;
        this.Ch = _md_ts_1.SHA512_IV[4] | 0;
        this.Cl = _md_ts_1.SHA512_IV[5] | 0;
        this.Dh = _md_ts_1.SHA512_IV[6] | 0;
        this.Dl = _md_ts_1.SHA512_IV[7] | 0;
        this.Eh = _md_ts_1.SHA512_IV[8] | 0;
        this.El = _md_ts_1.SHA512_IV[9] | 0;
        this.Fh = _md_ts_1.SHA512_IV[10] | 0;
        this.Fl = _md_ts_1.SHA512_IV[11] | 0;
        this.Gh = _md_ts_1.SHA512_IV[12] | 0;
        this.Gl = _md_ts_1.SHA512_IV[13] | 0;
        this.Hh = _md_ts_1.SHA512_IV[14] | 0;
        this.Hl = _md_ts_1.SHA512_IV[15] | 0;
      }
      // prettier-ignore
      get() {
        const { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
        return [Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl];
      }
      // prettier-ignore
      set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl) {
        this.Ah = Ah | 0;
        this.Al = Al | 0;
        this.Bh = Bh | 0;
        this.Bl = Bl | 0;
        this.Ch = Ch | 0;
        this.Cl = Cl | 0;
        this.Dh = Dh | 0;
        this.Dl = Dl | 0;
        this.Eh = Eh | 0;
        this.El = El | 0;
        this.Fh = Fh | 0;
        this.Fl = Fl | 0;
        this.Gh = Gh | 0;
        this.Gl = Gl | 0;
        this.Hh = Hh | 0;
        this.Hl = Hl | 0;
      }
      process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4) {
          SHA512_W_H[i] = view.getUint32(offset);
          SHA512_W_L[i] = view.getUint32(offset += 4);
        }
        for (let i = 16; i < 80; i++) {
          const W15h = SHA512_W_H[i - 15] | 0;
          const W15l = SHA512_W_L[i - 15] | 0;
          const s0h = u64.rotrSH(W15h, W15l, 1) ^ u64.rotrSH(W15h, W15l, 8) ^ u64.shrSH(W15h, W15l, 7);
          const s0l = u64.rotrSL(W15h, W15l, 1) ^ u64.rotrSL(W15h, W15l, 8) ^ u64.shrSL(W15h, W15l, 7);
          const W2h = SHA512_W_H[i - 2] | 0;
          const W2l = SHA512_W_L[i - 2] | 0;
          const s1h = u64.rotrSH(W2h, W2l, 19) ^ u64.rotrBH(W2h, W2l, 61) ^ u64.shrSH(W2h, W2l, 6);
          const s1l = u64.rotrSL(W2h, W2l, 19) ^ u64.rotrBL(W2h, W2l, 61) ^ u64.shrSL(W2h, W2l, 6);
          const SUMl = u64.add4L(s0l, s1l, SHA512_W_L[i - 7], SHA512_W_L[i - 16]);
          const SUMh = u64.add4H(SUMl, s0h, s1h, SHA512_W_H[i - 7], SHA512_W_H[i - 16]);
          SHA512_W_H[i] = SUMh | 0;
          SHA512_W_L[i] = SUMl | 0;
        }
        let { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
        for (let i = 0; i < 80; i++) {
          const sigma1h = u64.rotrSH(Eh, El, 14) ^ u64.rotrSH(Eh, El, 18) ^ u64.rotrBH(Eh, El, 41);
          const sigma1l = u64.rotrSL(Eh, El, 14) ^ u64.rotrSL(Eh, El, 18) ^ u64.rotrBL(Eh, El, 41);
          const CHIh = Eh & Fh ^ ~Eh & Gh;
          const CHIl = El & Fl ^ ~El & Gl;
          const T1ll = u64.add5L(Hl, sigma1l, CHIl, SHA512_Kl[i], SHA512_W_L[i]);
          const T1h = u64.add5H(T1ll, Hh, sigma1h, CHIh, SHA512_Kh[i], SHA512_W_H[i]);
          const T1l = T1ll | 0;
          const sigma0h = u64.rotrSH(Ah, Al, 28) ^ u64.rotrBH(Ah, Al, 34) ^ u64.rotrBH(Ah, Al, 39);
          const sigma0l = u64.rotrSL(Ah, Al, 28) ^ u64.rotrBL(Ah, Al, 34) ^ u64.rotrBL(Ah, Al, 39);
          const MAJh = Ah & Bh ^ Ah & Ch ^ Bh & Ch;
          const MAJl = Al & Bl ^ Al & Cl ^ Bl & Cl;
          Hh = Gh | 0;
          Hl = Gl | 0;
          Gh = Fh | 0;
          Gl = Fl | 0;
          Fh = Eh | 0;
          Fl = El | 0;
          ({ h: Eh, l: El } = u64.add(Dh | 0, Dl | 0, T1h | 0, T1l | 0));
          Dh = Ch | 0;
          Dl = Cl | 0;
          Ch = Bh | 0;
          Cl = Bl | 0;
          Bh = Ah | 0;
          Bl = Al | 0;
          const All = u64.add3L(T1l, sigma0l, MAJl);
          Ah = u64.add3H(All, T1h, sigma0h, MAJh);
          Al = All | 0;
        }
        ({ h: Ah, l: Al } = u64.add(this.Ah | 0, this.Al | 0, Ah | 0, Al | 0));
        ({ h: Bh, l: Bl } = u64.add(this.Bh | 0, this.Bl | 0, Bh | 0, Bl | 0));
        ({ h: Ch, l: Cl } = u64.add(this.Ch | 0, this.Cl | 0, Ch | 0, Cl | 0));
        ({ h: Dh, l: Dl } = u64.add(this.Dh | 0, this.Dl | 0, Dh | 0, Dl | 0));
        ({ h: Eh, l: El } = u64.add(this.Eh | 0, this.El | 0, Eh | 0, El | 0));
        ({ h: Fh, l: Fl } = u64.add(this.Fh | 0, this.Fl | 0, Fh | 0, Fl | 0));
        ({ h: Gh, l: Gl } = u64.add(this.Gh | 0, this.Gl | 0, Gh | 0, Gl | 0));
        ({ h: Hh, l: Hl } = u64.add(this.Hh | 0, this.Hl | 0, Hh | 0, Hl | 0));
        this.set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl);
      }
      roundClean() {
        (0, utils_ts_1.clean)(SHA512_W_H, SHA512_W_L);
      }
      destroy() {
        (0, utils_ts_1.clean)(this.buffer);
        this.set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
      }
    };
    exports.SHA512 = SHA512;
    var SHA384 = class extends SHA512 {
      constructor() {
        super(48);
        this.Ah = _md_ts_1.SHA384_IV[0] | 0;
        this.Al = _md_ts_1.SHA384_IV[1] | 0;
        this.Bh = _md_ts_1.SHA384_IV[2] | 0;
        this.Bl = _md_ts_1.SHA384_IV[3] | 0;
        this.Ch = _md_ts_1.SHA384_IV[4] | 0;
        this.Cl = _md_ts_1.SHA384_IV[5] | 0;
        this.Dh = _md_ts_1.SHA384_IV[6] | 0;
        this.Dl = _md_ts_1.SHA384_IV[7] | 0;
        this.Eh = _md_ts_1.SHA384_IV[8] | 0;
        this.El = _md_ts_1.SHA384_IV[9] | 0;
        this.Fh = _md_ts_1.SHA384_IV[10] | 0;
        this.Fl = _md_ts_1.SHA384_IV[11] | 0;
        this.Gh = _md_ts_1.SHA384_IV[12] | 0;
        this.Gl = _md_ts_1.SHA384_IV[13] | 0;
        this.Hh = _md_ts_1.SHA384_IV[14] | 0;
        this.Hl = _md_ts_1.SHA384_IV[15] | 0;
      }
    };
    exports.SHA384 = SHA384;
    var T224_IV = /* @__PURE__ */ Uint32Array.from([
      2352822216,
      424955298,
      1944164710,
      2312950998,
      502970286,
      855612546,
      1738396948,
      1479516111,
      258812777,
      2077511080,
      2011393907,
      79989058,
      1067287976,
      1780299464,
      286451373,
      2446758561
    ]);
    var T256_IV = /* @__PURE__ */ Uint32Array.from([
      573645204,
      4230739756,
      2673172387,
      3360449730,
      596883563,
      1867755857,
      2520282905,
      1497426621,
      2519219938,
      2827943907,
      3193839141,
      1401305490,
      721525244,
      746961066,
      246885852,
      2177182882
    ]);
    var SHA512_224 = class extends SHA512 {
      constructor() {
        super(28);
        this.Ah = T224_IV[0] | 0;
        this.Al = T224_IV[1] | 0;
        this.Bh = T224_IV[2] | 0;
        this.Bl = T224_IV[3] | 0;
        this.Ch = T224_IV[4] | 0;
        this.Cl = T224_IV[5] | 0;
        this.Dh = T224_IV[6] | 0;
        this.Dl = T224_IV[7] | 0;
        this.Eh = T224_IV[8] | 0;
        this.El = T224_IV[9] | 0;
        this.Fh = T224_IV[10] | 0;
        this.Fl = T224_IV[11] | 0;
        this.Gh = T224_IV[12] | 0;
        this.Gl = T224_IV[13] | 0;
        this.Hh = T224_IV[14] | 0;
        this.Hl = T224_IV[15] | 0;
      }
    };
    exports.SHA512_224 = SHA512_224;
    var SHA512_256 = class extends SHA512 {
      constructor() {
        super(32);
        this.Ah = T256_IV[0] | 0;
        this.Al = T256_IV[1] | 0;
        this.Bh = T256_IV[2] | 0;
        this.Bl = T256_IV[3] | 0;
        this.Ch = T256_IV[4] | 0;
        this.Cl = T256_IV[5] | 0;
        this.Dh = T256_IV[6] | 0;
        this.Dl = T256_IV[7] | 0;
        this.Eh = T256_IV[8] | 0;
        this.El = T256_IV[9] | 0;
        this.Fh = T256_IV[10] | 0;
        this.Fl = T256_IV[11] | 0;
        this.Gh = T256_IV[12] | 0;
        this.Gl = T256_IV[13] | 0;
        this.Hh = T256_IV[14] | 0;
        this.Hl = T256_IV[15] | 0;
      }
    };
    exports.SHA512_256 = SHA512_256;
    exports.sha256 = (0, utils_ts_1.createHasher)(() => new SHA256());
    exports.sha224 = (0, utils_ts_1.createHasher)(() => new SHA224());
    exports.sha512 = (0, utils_ts_1.createHasher)(() => new SHA512());
    exports.sha384 = (0, utils_ts_1.createHasher)(() => new SHA384());
    exports.sha512_256 = (0, utils_ts_1.createHasher)(() => new SHA512_256());
    exports.sha512_224 = (0, utils_ts_1.createHasher)(() => new SHA512_224());
  }
});

// node_modules/pkijs/build/index.js
var require_build3 = __commonJS({
  "node_modules/pkijs/build/index.js"(exports) {
    "use strict";
    var asn1js = require_build2();
    var pvtsutils = require_build();
    var pvutils = require_utils();
    var bs = require_cjs();
    var sha1 = require_sha1();
    var sha2 = require_sha2();
    function _interopNamespaceDefault(e) {
      var n = /* @__PURE__ */ Object.create(null);
      if (e) {
        Object.keys(e).forEach(function(k) {
          if (k !== "default") {
            var d = Object.getOwnPropertyDescriptor(e, k);
            Object.defineProperty(n, k, d.get ? d : {
              enumerable: true,
              get: function() {
                return e[k];
              }
            });
          }
        });
      }
      n.default = e;
      return Object.freeze(n);
    }
    var asn1js__namespace = /* @__PURE__ */ _interopNamespaceDefault(asn1js);
    var pvtsutils__namespace = /* @__PURE__ */ _interopNamespaceDefault(pvtsutils);
    var pvutils__namespace = /* @__PURE__ */ _interopNamespaceDefault(pvutils);
    var bs__namespace = /* @__PURE__ */ _interopNamespaceDefault(bs);
    var EMPTY_BUFFER = new ArrayBuffer(0);
    var EMPTY_STRING = "";
    var ArgumentError = class _ArgumentError extends TypeError {
      constructor() {
        super(...arguments);
        this.name = _ArgumentError.NAME;
      }
      static isType(value, type) {
        if (typeof type === "string") {
          if (type === "Array" && Array.isArray(value)) {
            return true;
          } else if (type === "ArrayBuffer" && value instanceof ArrayBuffer) {
            return true;
          } else if (type === "ArrayBufferView" && ArrayBuffer.isView(value)) {
            return true;
          } else if (typeof value === type) {
            return true;
          }
        } else if (value instanceof type) {
          return true;
        }
        return false;
      }
      static assert(value, name, ...types) {
        for (const type of types) {
          if (this.isType(value, type)) {
            return;
          }
        }
        const typeNames = types.map((o) => o instanceof Function && "name" in o ? o.name : `${o}`);
        throw new _ArgumentError(`Parameter '${name}' is not of type ${typeNames.length > 1 ? `(${typeNames.join(" or ")})` : typeNames[0]}`);
      }
    };
    ArgumentError.NAME = "ArgumentError";
    var ParameterError = class _ParameterError extends TypeError {
      static assert(...args) {
        let target = null;
        let params;
        let fields;
        if (typeof args[0] === "string") {
          target = args[0];
          params = args[1];
          fields = args.slice(2);
        } else {
          params = args[0];
          fields = args.slice(1);
        }
        ArgumentError.assert(params, "parameters", "object");
        for (const field of fields) {
          const value = params[field];
          if (value === void 0 || value === null) {
            throw new _ParameterError(field, target);
          }
        }
      }
      static assertEmpty(value, name, target) {
        if (value === void 0 || value === null) {
          throw new _ParameterError(name, target);
        }
      }
      constructor(field, target = null, message) {
        super();
        this.name = _ParameterError.NAME;
        this.field = field;
        if (target) {
          this.target = target;
        }
        if (message) {
          this.message = message;
        } else {
          this.message = `Absent mandatory parameter '${field}' ${target ? ` in '${target}'` : EMPTY_STRING}`;
        }
      }
    };
    ParameterError.NAME = "ParameterError";
    var AsnError = class _AsnError extends Error {
      static assertSchema(asn1, target) {
        if (!asn1.verified) {
          throw new Error(`Object's schema was not verified against input data for ${target}`);
        }
      }
      static assert(asn, target) {
        if (asn.offset === -1) {
          throw new _AsnError(`Error during parsing of ASN.1 data. Data is not correct for '${target}'.`);
        }
      }
      constructor(message) {
        super(message);
        this.name = "AsnError";
      }
    };
    var PkiObject = class {
      static blockName() {
        return this.CLASS_NAME;
      }
      static fromBER(raw) {
        const asn1 = asn1js__namespace.fromBER(raw);
        AsnError.assert(asn1, this.name);
        try {
          return new this({ schema: asn1.result });
        } catch (e) {
          throw new AsnError(`Cannot create '${this.CLASS_NAME}' from ASN.1 object`);
        }
      }
      static defaultValues(memberName) {
        throw new Error(`Invalid member name for ${this.CLASS_NAME} class: ${memberName}`);
      }
      static schema(parameters = {}) {
        throw new Error(`Method '${this.CLASS_NAME}.schema' should be overridden`);
      }
      get className() {
        return this.constructor.CLASS_NAME;
      }
      toString(encoding = "hex") {
        let schema;
        try {
          schema = this.toSchema();
        } catch {
          schema = this.toSchema(true);
        }
        return pvtsutils__namespace.Convert.ToString(schema.toBER(), encoding);
      }
    };
    PkiObject.CLASS_NAME = "PkiObject";
    function stringPrep(inputString) {
      let isSpace = false;
      let cutResult = EMPTY_STRING;
      const result = inputString.trim();
      for (let i = 0; i < result.length; i++) {
        if (result.charCodeAt(i) === 32) {
          if (isSpace === false)
            isSpace = true;
        } else {
          if (isSpace) {
            cutResult += " ";
            isSpace = false;
          }
          cutResult += result[i];
        }
      }
      return cutResult.toLowerCase();
    }
    var TYPE$5 = "type";
    var VALUE$6 = "value";
    var AttributeTypeAndValue = class _AttributeTypeAndValue extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.type = pvutils__namespace.getParametersValue(parameters, TYPE$5, _AttributeTypeAndValue.defaultValues(TYPE$5));
        this.value = pvutils__namespace.getParametersValue(parameters, VALUE$6, _AttributeTypeAndValue.defaultValues(VALUE$6));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TYPE$5:
            return EMPTY_STRING;
          case VALUE$6:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.type || EMPTY_STRING }), new asn1js__namespace.Any({ name: names.value || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [TYPE$5, "typeValue"]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AttributeTypeAndValue.schema({
          names: {
            type: TYPE$5,
            value: "typeValue"
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.type = asn1.result.type.valueBlock.toString();
        this.value = asn1.result.typeValue;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.ObjectIdentifier({ value: this.type }), this.value]
        });
      }
      toJSON() {
        const _object = {
          type: this.type
        };
        if (Object.keys(this.value).length !== 0) {
          _object.value = this.value.toJSON();
        } else {
          _object.value = this.value;
        }
        return _object;
      }
      isEqual(compareTo) {
        const stringBlockNames = [
          asn1js__namespace.Utf8String.blockName(),
          asn1js__namespace.BmpString.blockName(),
          asn1js__namespace.UniversalString.blockName(),
          asn1js__namespace.NumericString.blockName(),
          asn1js__namespace.PrintableString.blockName(),
          asn1js__namespace.TeletexString.blockName(),
          asn1js__namespace.VideotexString.blockName(),
          asn1js__namespace.IA5String.blockName(),
          asn1js__namespace.GraphicString.blockName(),
          asn1js__namespace.VisibleString.blockName(),
          asn1js__namespace.GeneralString.blockName(),
          asn1js__namespace.CharacterString.blockName()
        ];
        if (compareTo instanceof ArrayBuffer) {
          return pvtsutils__namespace.BufferSourceConverter.isEqual(this.value.valueBeforeDecodeView, compareTo);
        }
        if (compareTo.constructor.blockName() === _AttributeTypeAndValue.blockName()) {
          if (this.type !== compareTo.type)
            return false;
          const isStringPair = [false, false];
          const thisName = this.value.constructor.blockName();
          for (const name of stringBlockNames) {
            if (thisName === name) {
              isStringPair[0] = true;
            }
            if (compareTo.value.constructor.blockName() === name) {
              isStringPair[1] = true;
            }
          }
          if (isStringPair[0] !== isStringPair[1]) {
            return false;
          }
          const isString = isStringPair[0] && isStringPair[1];
          if (isString) {
            const value1 = stringPrep(this.value.valueBlock.value);
            const value2 = stringPrep(compareTo.value.valueBlock.value);
            if (value1.localeCompare(value2) !== 0)
              return false;
          } else {
            if (!pvtsutils__namespace.BufferSourceConverter.isEqual(this.value.valueBeforeDecodeView, compareTo.value.valueBeforeDecodeView))
              return false;
          }
          return true;
        }
        return false;
      }
    };
    AttributeTypeAndValue.CLASS_NAME = "AttributeTypeAndValue";
    var TYPE_AND_VALUES = "typesAndValues";
    var VALUE_BEFORE_DECODE = "valueBeforeDecode";
    var RDN = "RDN";
    var RelativeDistinguishedNames = class _RelativeDistinguishedNames extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.typesAndValues = pvutils__namespace.getParametersValue(parameters, TYPE_AND_VALUES, _RelativeDistinguishedNames.defaultValues(TYPE_AND_VALUES));
        this.valueBeforeDecode = pvutils__namespace.getParametersValue(parameters, VALUE_BEFORE_DECODE, _RelativeDistinguishedNames.defaultValues(VALUE_BEFORE_DECODE));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TYPE_AND_VALUES:
            return [];
          case VALUE_BEFORE_DECODE:
            return EMPTY_BUFFER;
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case TYPE_AND_VALUES:
            return memberValue.length === 0;
          case VALUE_BEFORE_DECODE:
            return memberValue.byteLength === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.repeatedSequence || EMPTY_STRING,
              value: new asn1js__namespace.Set({
                value: [
                  new asn1js__namespace.Repeated({
                    name: names.repeatedSet || EMPTY_STRING,
                    value: AttributeTypeAndValue.schema(names.typeAndValue || {})
                  })
                ]
              })
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [RDN, TYPE_AND_VALUES]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RelativeDistinguishedNames.schema({
          names: {
            blockName: RDN,
            repeatedSet: TYPE_AND_VALUES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (TYPE_AND_VALUES in asn1.result) {
          this.typesAndValues = Array.from(asn1.result.typesAndValues, (element) => new AttributeTypeAndValue({ schema: element }));
        }
        this.valueBeforeDecode = asn1.result.RDN.valueBeforeDecodeView.slice().buffer;
      }
      toSchema() {
        if (this.valueBeforeDecode.byteLength === 0) {
          return new asn1js__namespace.Sequence({
            value: [
              new asn1js__namespace.Set({
                value: Array.from(this.typesAndValues, (o) => o.toSchema())
              })
            ]
          });
        }
        const asn1 = asn1js__namespace.fromBER(this.valueBeforeDecode);
        AsnError.assert(asn1, "RelativeDistinguishedNames");
        if (!(asn1.result instanceof asn1js__namespace.Sequence)) {
          throw new Error("ASN.1 result should be SEQUENCE");
        }
        return asn1.result;
      }
      toJSON() {
        return {
          typesAndValues: Array.from(this.typesAndValues, (o) => o.toJSON())
        };
      }
      isEqual(compareTo) {
        if (compareTo instanceof _RelativeDistinguishedNames) {
          if (this.typesAndValues.length !== compareTo.typesAndValues.length)
            return false;
          for (const [index, typeAndValue] of this.typesAndValues.entries()) {
            if (typeAndValue.isEqual(compareTo.typesAndValues[index]) === false)
              return false;
          }
          return true;
        }
        if (compareTo instanceof ArrayBuffer) {
          return pvutils__namespace.isEqualBuffer(this.valueBeforeDecode, compareTo);
        }
        return false;
      }
    };
    RelativeDistinguishedNames.CLASS_NAME = "RelativeDistinguishedNames";
    var TYPE$4 = "type";
    var VALUE$5 = "value";
    function builtInStandardAttributes(parameters = {}, optional = false) {
      const names = pvutils__namespace.getParametersValue(parameters, "names", {});
      return new asn1js__namespace.Sequence({
        optional,
        value: [
          new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 2,
              tagNumber: 1
            },
            name: names.country_name || EMPTY_STRING,
            value: [
              new asn1js__namespace.Choice({
                value: [new asn1js__namespace.NumericString(), new asn1js__namespace.PrintableString()]
              })
            ]
          }),
          new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 2,
              tagNumber: 2
            },
            name: names.administration_domain_name || EMPTY_STRING,
            value: [
              new asn1js__namespace.Choice({
                value: [new asn1js__namespace.NumericString(), new asn1js__namespace.PrintableString()]
              })
            ]
          }),
          new asn1js__namespace.Primitive({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            name: names.network_address || EMPTY_STRING,
            isHexOnly: true
          }),
          new asn1js__namespace.Primitive({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            name: names.terminal_identifier || EMPTY_STRING,
            isHexOnly: true
          }),
          new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            },
            name: names.private_domain_name || EMPTY_STRING,
            value: [
              new asn1js__namespace.Choice({
                value: [new asn1js__namespace.NumericString(), new asn1js__namespace.PrintableString()]
              })
            ]
          }),
          new asn1js__namespace.Primitive({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 3
            },
            name: names.organization_name || EMPTY_STRING,
            isHexOnly: true
          }),
          new asn1js__namespace.Primitive({
            optional: true,
            name: names.numeric_user_identifier || EMPTY_STRING,
            idBlock: {
              tagClass: 3,
              tagNumber: 4
            },
            isHexOnly: true
          }),
          new asn1js__namespace.Constructed({
            optional: true,
            name: names.personal_name || EMPTY_STRING,
            idBlock: {
              tagClass: 3,
              tagNumber: 5
            },
            value: [
              new asn1js__namespace.Primitive({
                idBlock: {
                  tagClass: 3,
                  tagNumber: 0
                },
                isHexOnly: true
              }),
              new asn1js__namespace.Primitive({
                optional: true,
                idBlock: {
                  tagClass: 3,
                  tagNumber: 1
                },
                isHexOnly: true
              }),
              new asn1js__namespace.Primitive({
                optional: true,
                idBlock: {
                  tagClass: 3,
                  tagNumber: 2
                },
                isHexOnly: true
              }),
              new asn1js__namespace.Primitive({
                optional: true,
                idBlock: {
                  tagClass: 3,
                  tagNumber: 3
                },
                isHexOnly: true
              })
            ]
          }),
          new asn1js__namespace.Constructed({
            optional: true,
            name: names.organizational_unit_names || EMPTY_STRING,
            idBlock: {
              tagClass: 3,
              tagNumber: 6
            },
            value: [
              new asn1js__namespace.Repeated({
                value: new asn1js__namespace.PrintableString()
              })
            ]
          })
        ]
      });
    }
    function builtInDomainDefinedAttributes(optional = false) {
      return new asn1js__namespace.Sequence({
        optional,
        value: [new asn1js__namespace.PrintableString(), new asn1js__namespace.PrintableString()]
      });
    }
    function extensionAttributes(optional = false) {
      return new asn1js__namespace.Set({
        optional,
        value: [
          new asn1js__namespace.Primitive({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            isHexOnly: true
          }),
          new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: [new asn1js__namespace.Any()]
          })
        ]
      });
    }
    var GeneralName = class _GeneralName extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.type = pvutils__namespace.getParametersValue(parameters, TYPE$4, _GeneralName.defaultValues(TYPE$4));
        this.value = pvutils__namespace.getParametersValue(parameters, VALUE$5, _GeneralName.defaultValues(VALUE$5));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TYPE$4:
            return 9;
          case VALUE$5:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case TYPE$4:
            return memberValue === _GeneralName.defaultValues(memberName);
          case VALUE$5:
            return Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Choice({
          value: [
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              name: names.blockName || EMPTY_STRING,
              value: [
                new asn1js__namespace.ObjectIdentifier(),
                new asn1js__namespace.Constructed({
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 0
                  },
                  value: [new asn1js__namespace.Any()]
                })
              ]
            }),
            new asn1js__namespace.Primitive({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              }
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 3
              },
              name: names.blockName || EMPTY_STRING,
              value: [builtInStandardAttributes(names.builtInStandardAttributes || {}, false), builtInDomainDefinedAttributes(true), extensionAttributes(true)]
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 4
              },
              name: names.blockName || EMPTY_STRING,
              value: [RelativeDistinguishedNames.schema(names.directoryName || {})]
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 5
              },
              name: names.blockName || EMPTY_STRING,
              value: [
                new asn1js__namespace.Constructed({
                  optional: true,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 0
                  },
                  value: [
                    new asn1js__namespace.Choice({
                      value: [new asn1js__namespace.TeletexString(), new asn1js__namespace.PrintableString(), new asn1js__namespace.UniversalString(), new asn1js__namespace.Utf8String(), new asn1js__namespace.BmpString()]
                    })
                  ]
                }),
                new asn1js__namespace.Constructed({
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 1
                  },
                  value: [
                    new asn1js__namespace.Choice({
                      value: [new asn1js__namespace.TeletexString(), new asn1js__namespace.PrintableString(), new asn1js__namespace.UniversalString(), new asn1js__namespace.Utf8String(), new asn1js__namespace.BmpString()]
                    })
                  ]
                })
              ]
            }),
            new asn1js__namespace.Primitive({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 6
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 7
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 8
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, ["blockName", "otherName", "rfc822Name", "dNSName", "x400Address", "directoryName", "ediPartyName", "uniformResourceIdentifier", "iPAddress", "registeredID"]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _GeneralName.schema({
          names: {
            blockName: "blockName",
            otherName: "otherName",
            rfc822Name: "rfc822Name",
            dNSName: "dNSName",
            x400Address: "x400Address",
            directoryName: {
              names: {
                blockName: "directoryName"
              }
            },
            ediPartyName: "ediPartyName",
            uniformResourceIdentifier: "uniformResourceIdentifier",
            iPAddress: "iPAddress",
            registeredID: "registeredID"
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.type = asn1.result.blockName.idBlock.tagNumber;
        switch (this.type) {
          case 0:
            this.value = asn1.result.blockName;
            break;
          case 1:
          case 2:
          case 6:
            {
              const value = asn1.result.blockName;
              value.idBlock.tagClass = 1;
              value.idBlock.tagNumber = 22;
              const valueBER = value.toBER(false);
              const asnValue = asn1js__namespace.fromBER(valueBER);
              AsnError.assert(asnValue, "GeneralName value");
              this.value = asnValue.result.valueBlock.value;
            }
            break;
          case 3:
            this.value = asn1.result.blockName;
            break;
          case 4:
            this.value = new RelativeDistinguishedNames({ schema: asn1.result.directoryName });
            break;
          case 5:
            this.value = asn1.result.ediPartyName;
            break;
          case 7:
            this.value = new asn1js__namespace.OctetString({
              valueHex: asn1.result.blockName.valueBlock.valueHex
            });
            break;
          case 8:
            {
              const value = asn1.result.blockName;
              value.idBlock.tagClass = 1;
              value.idBlock.tagNumber = 6;
              const valueBER = value.toBER(false);
              const asnValue = asn1js__namespace.fromBER(valueBER);
              AsnError.assert(asnValue, "GeneralName registeredID");
              this.value = asnValue.result.valueBlock.toString();
            }
            break;
        }
      }
      toSchema() {
        switch (this.type) {
          case 0:
          case 3:
          case 5:
            return new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: this.type
              },
              value: [this.value]
            });
          case 1:
          case 2:
          case 6: {
            const value = new asn1js__namespace.IA5String({ value: this.value });
            value.idBlock.tagClass = 3;
            value.idBlock.tagNumber = this.type;
            return value;
          }
          case 4:
            return new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 4
              },
              value: [this.value.toSchema()]
            });
          case 7: {
            const value = this.value;
            value.idBlock.tagClass = 3;
            value.idBlock.tagNumber = this.type;
            return value;
          }
          case 8: {
            const value = new asn1js__namespace.ObjectIdentifier({ value: this.value });
            value.idBlock.tagClass = 3;
            value.idBlock.tagNumber = this.type;
            return value;
          }
          default:
            return _GeneralName.schema();
        }
      }
      toJSON() {
        const _object = {
          type: this.type,
          value: EMPTY_STRING
        };
        if (typeof this.value === "string")
          _object.value = this.value;
        else {
          try {
            _object.value = this.value.toJSON();
          } catch {
          }
        }
        return _object;
      }
    };
    GeneralName.CLASS_NAME = "GeneralName";
    var ACCESS_METHOD = "accessMethod";
    var ACCESS_LOCATION = "accessLocation";
    var CLEAR_PROPS$1v = [ACCESS_METHOD, ACCESS_LOCATION];
    var AccessDescription = class _AccessDescription extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.accessMethod = pvutils__namespace.getParametersValue(parameters, ACCESS_METHOD, _AccessDescription.defaultValues(ACCESS_METHOD));
        this.accessLocation = pvutils__namespace.getParametersValue(parameters, ACCESS_LOCATION, _AccessDescription.defaultValues(ACCESS_LOCATION));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ACCESS_METHOD:
            return EMPTY_STRING;
          case ACCESS_LOCATION:
            return new GeneralName();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.accessMethod || EMPTY_STRING }), GeneralName.schema(names.accessLocation || {})]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1v);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AccessDescription.schema({
          names: {
            accessMethod: ACCESS_METHOD,
            accessLocation: {
              names: {
                blockName: ACCESS_LOCATION
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.accessMethod = asn1.result.accessMethod.valueBlock.toString();
        this.accessLocation = new GeneralName({ schema: asn1.result.accessLocation });
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.ObjectIdentifier({ value: this.accessMethod }), this.accessLocation.toSchema()]
        });
      }
      toJSON() {
        return {
          accessMethod: this.accessMethod,
          accessLocation: this.accessLocation.toJSON()
        };
      }
    };
    AccessDescription.CLASS_NAME = "AccessDescription";
    var SECONDS = "seconds";
    var MILLIS = "millis";
    var MICROS = "micros";
    var Accuracy = class _Accuracy extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (SECONDS in parameters) {
          this.seconds = pvutils__namespace.getParametersValue(parameters, SECONDS, _Accuracy.defaultValues(SECONDS));
        }
        if (MILLIS in parameters) {
          this.millis = pvutils__namespace.getParametersValue(parameters, MILLIS, _Accuracy.defaultValues(MILLIS));
        }
        if (MICROS in parameters) {
          this.micros = pvutils__namespace.getParametersValue(parameters, MICROS, _Accuracy.defaultValues(MICROS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case SECONDS:
          case MILLIS:
          case MICROS:
            return 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case SECONDS:
          case MILLIS:
          case MICROS:
            return memberValue === _Accuracy.defaultValues(memberName);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          optional: true,
          value: [
            new asn1js__namespace.Integer({
              optional: true,
              name: names.seconds || EMPTY_STRING
            }),
            new asn1js__namespace.Primitive({
              name: names.millis || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.micros || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [SECONDS, MILLIS, MICROS]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Accuracy.schema({
          names: {
            seconds: SECONDS,
            millis: MILLIS,
            micros: MICROS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if ("seconds" in asn1.result) {
          this.seconds = asn1.result.seconds.valueBlock.valueDec;
        }
        if ("millis" in asn1.result) {
          const intMillis = new asn1js__namespace.Integer({ valueHex: asn1.result.millis.valueBlock.valueHex });
          this.millis = intMillis.valueBlock.valueDec;
        }
        if ("micros" in asn1.result) {
          const intMicros = new asn1js__namespace.Integer({ valueHex: asn1.result.micros.valueBlock.valueHex });
          this.micros = intMicros.valueBlock.valueDec;
        }
      }
      toSchema() {
        const outputArray = [];
        if (this.seconds !== void 0)
          outputArray.push(new asn1js__namespace.Integer({ value: this.seconds }));
        if (this.millis !== void 0) {
          const intMillis = new asn1js__namespace.Integer({ value: this.millis });
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            valueHex: intMillis.valueBlock.valueHexView
          }));
        }
        if (this.micros !== void 0) {
          const intMicros = new asn1js__namespace.Integer({ value: this.micros });
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            valueHex: intMicros.valueBlock.valueHexView
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const _object = {};
        if (this.seconds !== void 0)
          _object.seconds = this.seconds;
        if (this.millis !== void 0)
          _object.millis = this.millis;
        if (this.micros !== void 0)
          _object.micros = this.micros;
        return _object;
      }
    };
    Accuracy.CLASS_NAME = "Accuracy";
    var ALGORITHM_ID = "algorithmId";
    var ALGORITHM_PARAMS = "algorithmParams";
    var ALGORITHM$2 = "algorithm";
    var PARAMS = "params";
    var CLEAR_PROPS$1u = [ALGORITHM$2, PARAMS];
    var AlgorithmIdentifier = class _AlgorithmIdentifier extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.algorithmId = pvutils__namespace.getParametersValue(parameters, ALGORITHM_ID, _AlgorithmIdentifier.defaultValues(ALGORITHM_ID));
        if (ALGORITHM_PARAMS in parameters) {
          this.algorithmParams = pvutils__namespace.getParametersValue(parameters, ALGORITHM_PARAMS, _AlgorithmIdentifier.defaultValues(ALGORITHM_PARAMS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ALGORITHM_ID:
            return EMPTY_STRING;
          case ALGORITHM_PARAMS:
            return new asn1js__namespace.Any();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case ALGORITHM_ID:
            return memberValue === EMPTY_STRING;
          case ALGORITHM_PARAMS:
            return memberValue instanceof asn1js__namespace.Any;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          optional: names.optional || false,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.algorithmIdentifier || EMPTY_STRING }), new asn1js__namespace.Any({ name: names.algorithmParams || EMPTY_STRING, optional: true })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1u);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AlgorithmIdentifier.schema({
          names: {
            algorithmIdentifier: ALGORITHM$2,
            algorithmParams: PARAMS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.algorithmId = asn1.result.algorithm.valueBlock.toString();
        if (PARAMS in asn1.result) {
          this.algorithmParams = asn1.result.params;
        }
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.algorithmId }));
        if (this.algorithmParams && !(this.algorithmParams instanceof asn1js__namespace.Any)) {
          outputArray.push(this.algorithmParams);
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const object = {
          algorithmId: this.algorithmId
        };
        if (this.algorithmParams && !(this.algorithmParams instanceof asn1js__namespace.Any)) {
          object.algorithmParams = this.algorithmParams.toJSON();
        }
        return object;
      }
      isEqual(algorithmIdentifier) {
        if (!(algorithmIdentifier instanceof _AlgorithmIdentifier)) {
          return false;
        }
        if (this.algorithmId !== algorithmIdentifier.algorithmId) {
          return false;
        }
        if (this.algorithmParams) {
          if (algorithmIdentifier.algorithmParams) {
            return JSON.stringify(this.algorithmParams) === JSON.stringify(algorithmIdentifier.algorithmParams);
          }
          return false;
        }
        if (algorithmIdentifier.algorithmParams) {
          return false;
        }
        return true;
      }
    };
    AlgorithmIdentifier.CLASS_NAME = "AlgorithmIdentifier";
    var ALT_NAMES = "altNames";
    var CLEAR_PROPS$1t = [ALT_NAMES];
    var AltName = class _AltName extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.altNames = pvutils__namespace.getParametersValue(parameters, ALT_NAMES, _AltName.defaultValues(ALT_NAMES));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ALT_NAMES:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.altNames || EMPTY_STRING,
              value: GeneralName.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1t);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AltName.schema({
          names: {
            altNames: ALT_NAMES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (ALT_NAMES in asn1.result) {
          this.altNames = Array.from(asn1.result.altNames, (element) => new GeneralName({ schema: element }));
        }
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.altNames, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          altNames: Array.from(this.altNames, (o) => o.toJSON())
        };
      }
    };
    AltName.CLASS_NAME = "AltName";
    var TYPE$3 = "type";
    var VALUES$1 = "values";
    var CLEAR_PROPS$1s = [TYPE$3, VALUES$1];
    var Attribute = class _Attribute extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.type = pvutils__namespace.getParametersValue(parameters, TYPE$3, _Attribute.defaultValues(TYPE$3));
        this.values = pvutils__namespace.getParametersValue(parameters, VALUES$1, _Attribute.defaultValues(VALUES$1));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TYPE$3:
            return EMPTY_STRING;
          case VALUES$1:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case TYPE$3:
            return memberValue === EMPTY_STRING;
          case VALUES$1:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.type || EMPTY_STRING }),
            new asn1js__namespace.Set({
              name: names.setName || EMPTY_STRING,
              value: [
                new asn1js__namespace.Repeated({
                  name: names.values || EMPTY_STRING,
                  value: new asn1js__namespace.Any()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1s);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Attribute.schema({
          names: {
            type: TYPE$3,
            values: VALUES$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.type = asn1.result.type.valueBlock.toString();
        this.values = asn1.result.values;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [
            new asn1js__namespace.ObjectIdentifier({ value: this.type }),
            new asn1js__namespace.Set({
              value: this.values
            })
          ]
        });
      }
      toJSON() {
        return {
          type: this.type,
          values: Array.from(this.values, (o) => o.toJSON())
        };
      }
    };
    Attribute.CLASS_NAME = "Attribute";
    var NOT_BEFORE_TIME = "notBeforeTime";
    var NOT_AFTER_TIME = "notAfterTime";
    var CLEAR_PROPS$1r = [NOT_BEFORE_TIME, NOT_AFTER_TIME];
    var AttCertValidityPeriod = class _AttCertValidityPeriod extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.notBeforeTime = pvutils__namespace.getParametersValue(parameters, NOT_BEFORE_TIME, _AttCertValidityPeriod.defaultValues(NOT_BEFORE_TIME));
        this.notAfterTime = pvutils__namespace.getParametersValue(parameters, NOT_AFTER_TIME, _AttCertValidityPeriod.defaultValues(NOT_AFTER_TIME));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case NOT_BEFORE_TIME:
          case NOT_AFTER_TIME:
            return new Date(0, 0, 0);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.GeneralizedTime({ name: names.notBeforeTime || EMPTY_STRING }), new asn1js__namespace.GeneralizedTime({ name: names.notAfterTime || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1r);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AttCertValidityPeriod.schema({
          names: {
            notBeforeTime: NOT_BEFORE_TIME,
            notAfterTime: NOT_AFTER_TIME
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.notBeforeTime = asn1.result.notBeforeTime.toDate();
        this.notAfterTime = asn1.result.notAfterTime.toDate();
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.GeneralizedTime({ valueDate: this.notBeforeTime }), new asn1js__namespace.GeneralizedTime({ valueDate: this.notAfterTime })]
        });
      }
      toJSON() {
        return {
          notBeforeTime: this.notBeforeTime,
          notAfterTime: this.notAfterTime
        };
      }
    };
    AttCertValidityPeriod.CLASS_NAME = "AttCertValidityPeriod";
    var NAMES = "names";
    var GENERAL_NAMES = "generalNames";
    var GeneralNames = class _GeneralNames extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.names = pvutils__namespace.getParametersValue(parameters, NAMES, _GeneralNames.defaultValues(NAMES));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case "names":
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}, optional = false) {
        const names = pvutils__namespace.getParametersValue(parameters, NAMES, {});
        return new asn1js__namespace.Sequence({
          optional,
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.generalNames || EMPTY_STRING,
              value: GeneralName.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [NAMES, GENERAL_NAMES]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _GeneralNames.schema({
          names: {
            blockName: NAMES,
            generalNames: GENERAL_NAMES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.names = Array.from(asn1.result.generalNames, (element) => new GeneralName({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.names, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          names: Array.from(this.names, (o) => o.toJSON())
        };
      }
    };
    GeneralNames.CLASS_NAME = "GeneralNames";
    var id_SubjectDirectoryAttributes = "2.5.29.9";
    var id_SubjectKeyIdentifier = "2.5.29.14";
    var id_KeyUsage = "2.5.29.15";
    var id_PrivateKeyUsagePeriod = "2.5.29.16";
    var id_SubjectAltName = "2.5.29.17";
    var id_IssuerAltName = "2.5.29.18";
    var id_BasicConstraints = "2.5.29.19";
    var id_CRLNumber = "2.5.29.20";
    var id_BaseCRLNumber = "2.5.29.27";
    var id_CRLReason = "2.5.29.21";
    var id_InvalidityDate = "2.5.29.24";
    var id_IssuingDistributionPoint = "2.5.29.28";
    var id_CertificateIssuer = "2.5.29.29";
    var id_NameConstraints = "2.5.29.30";
    var id_CRLDistributionPoints = "2.5.29.31";
    var id_FreshestCRL = "2.5.29.46";
    var id_CertificatePolicies = "2.5.29.32";
    var id_AnyPolicy = "2.5.29.32.0";
    var id_MicrosoftAppPolicies = "1.3.6.1.4.1.311.21.10";
    var id_PolicyMappings = "2.5.29.33";
    var id_AuthorityKeyIdentifier = "2.5.29.35";
    var id_PolicyConstraints = "2.5.29.36";
    var id_ExtKeyUsage = "2.5.29.37";
    var id_InhibitAnyPolicy = "2.5.29.54";
    var id_AuthorityInfoAccess = "1.3.6.1.5.5.7.1.1";
    var id_SubjectInfoAccess = "1.3.6.1.5.5.7.1.11";
    var id_SignedCertificateTimestampList = "1.3.6.1.4.1.11129.2.4.2";
    var id_MicrosoftCertTemplateV1 = "1.3.6.1.4.1.311.20.2";
    var id_MicrosoftPrevCaCertHash = "1.3.6.1.4.1.311.21.2";
    var id_MicrosoftCertTemplateV2 = "1.3.6.1.4.1.311.21.7";
    var id_MicrosoftCaVersion = "1.3.6.1.4.1.311.21.1";
    var id_QCStatements = "1.3.6.1.5.5.7.1.3";
    var id_ContentType_Data = "1.2.840.113549.1.7.1";
    var id_ContentType_SignedData = "1.2.840.113549.1.7.2";
    var id_ContentType_EnvelopedData = "1.2.840.113549.1.7.3";
    var id_ContentType_EncryptedData = "1.2.840.113549.1.7.6";
    var id_eContentType_TSTInfo = "1.2.840.113549.1.9.16.1.4";
    var id_CertBag_X509Certificate = "1.2.840.113549.1.9.22.1";
    var id_CertBag_SDSICertificate = "1.2.840.113549.1.9.22.2";
    var id_CertBag_AttributeCertificate = "1.2.840.113549.1.9.22.3";
    var id_CRLBag_X509CRL = "1.2.840.113549.1.9.23.1";
    var id_pkix = "1.3.6.1.5.5.7";
    var id_ad = `${id_pkix}.48`;
    var id_PKIX_OCSP_Basic = `${id_ad}.1.1`;
    var id_ad_caIssuers = `${id_ad}.2`;
    var id_ad_ocsp = `${id_ad}.1`;
    var id_sha1 = "1.3.14.3.2.26";
    var id_sha256 = "2.16.840.1.101.3.4.2.1";
    var id_sha384 = "2.16.840.1.101.3.4.2.2";
    var id_sha512 = "2.16.840.1.101.3.4.2.3";
    var KEY_IDENTIFIER$1 = "keyIdentifier";
    var AUTHORITY_CERT_ISSUER = "authorityCertIssuer";
    var AUTHORITY_CERT_SERIAL_NUMBER = "authorityCertSerialNumber";
    var CLEAR_PROPS$1q = [KEY_IDENTIFIER$1, AUTHORITY_CERT_ISSUER, AUTHORITY_CERT_SERIAL_NUMBER];
    var AuthorityKeyIdentifier = class _AuthorityKeyIdentifier extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (KEY_IDENTIFIER$1 in parameters) {
          this.keyIdentifier = pvutils__namespace.getParametersValue(parameters, KEY_IDENTIFIER$1, _AuthorityKeyIdentifier.defaultValues(KEY_IDENTIFIER$1));
        }
        if (AUTHORITY_CERT_ISSUER in parameters) {
          this.authorityCertIssuer = pvutils__namespace.getParametersValue(parameters, AUTHORITY_CERT_ISSUER, _AuthorityKeyIdentifier.defaultValues(AUTHORITY_CERT_ISSUER));
        }
        if (AUTHORITY_CERT_SERIAL_NUMBER in parameters) {
          this.authorityCertSerialNumber = pvutils__namespace.getParametersValue(parameters, AUTHORITY_CERT_SERIAL_NUMBER, _AuthorityKeyIdentifier.defaultValues(AUTHORITY_CERT_SERIAL_NUMBER));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case KEY_IDENTIFIER$1:
            return new asn1js__namespace.OctetString();
          case AUTHORITY_CERT_ISSUER:
            return [];
          case AUTHORITY_CERT_SERIAL_NUMBER:
            return new asn1js__namespace.Integer();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Primitive({
              name: names.keyIdentifier || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              }
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.authorityCertIssuer || EMPTY_STRING,
                  value: GeneralName.schema()
                })
              ]
            }),
            new asn1js__namespace.Primitive({
              name: names.authorityCertSerialNumber || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1q);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AuthorityKeyIdentifier.schema({
          names: {
            keyIdentifier: KEY_IDENTIFIER$1,
            authorityCertIssuer: AUTHORITY_CERT_ISSUER,
            authorityCertSerialNumber: AUTHORITY_CERT_SERIAL_NUMBER
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (KEY_IDENTIFIER$1 in asn1.result)
          this.keyIdentifier = new asn1js__namespace.OctetString({
            valueHex: asn1.result.keyIdentifier.valueBlock.valueHex
          });
        if (AUTHORITY_CERT_ISSUER in asn1.result)
          this.authorityCertIssuer = Array.from(asn1.result.authorityCertIssuer, (o) => new GeneralName({ schema: o }));
        if (AUTHORITY_CERT_SERIAL_NUMBER in asn1.result)
          this.authorityCertSerialNumber = new asn1js__namespace.Integer({
            valueHex: asn1.result.authorityCertSerialNumber.valueBlock.valueHex
          });
      }
      toSchema() {
        const outputArray = [];
        if (this.keyIdentifier) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            valueHex: this.keyIdentifier.valueBlock.valueHexView
          }));
        }
        if (this.authorityCertIssuer) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: Array.from(this.authorityCertIssuer, (o) => o.toSchema())
          }));
        }
        if (this.authorityCertSerialNumber) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            },
            valueHex: this.authorityCertSerialNumber.valueBlock.valueHexView
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const object = {};
        if (this.keyIdentifier) {
          object.keyIdentifier = this.keyIdentifier.toJSON();
        }
        if (this.authorityCertIssuer) {
          object.authorityCertIssuer = Array.from(this.authorityCertIssuer, (o) => o.toJSON());
        }
        if (this.authorityCertSerialNumber) {
          object.authorityCertSerialNumber = this.authorityCertSerialNumber.toJSON();
        }
        return object;
      }
    };
    AuthorityKeyIdentifier.CLASS_NAME = "AuthorityKeyIdentifier";
    var PATH_LENGTH_CONSTRAINT = "pathLenConstraint";
    var CA = "cA";
    var BasicConstraints = class _BasicConstraints extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.cA = pvutils__namespace.getParametersValue(parameters, CA, false);
        if (PATH_LENGTH_CONSTRAINT in parameters) {
          this.pathLenConstraint = pvutils__namespace.getParametersValue(parameters, PATH_LENGTH_CONSTRAINT, 0);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CA:
            return false;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Boolean({
              optional: true,
              name: names.cA || EMPTY_STRING
            }),
            new asn1js__namespace.Integer({
              optional: true,
              name: names.pathLenConstraint || EMPTY_STRING
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [CA, PATH_LENGTH_CONSTRAINT]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _BasicConstraints.schema({
          names: {
            cA: CA,
            pathLenConstraint: PATH_LENGTH_CONSTRAINT
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (CA in asn1.result) {
          this.cA = asn1.result.cA.valueBlock.value;
        }
        if (PATH_LENGTH_CONSTRAINT in asn1.result) {
          if (asn1.result.pathLenConstraint.valueBlock.isHexOnly) {
            this.pathLenConstraint = asn1.result.pathLenConstraint;
          } else {
            this.pathLenConstraint = asn1.result.pathLenConstraint.valueBlock.valueDec;
          }
        }
      }
      toSchema() {
        const outputArray = [];
        if (this.cA !== _BasicConstraints.defaultValues(CA))
          outputArray.push(new asn1js__namespace.Boolean({ value: this.cA }));
        if (PATH_LENGTH_CONSTRAINT in this) {
          if (this.pathLenConstraint instanceof asn1js__namespace.Integer) {
            outputArray.push(this.pathLenConstraint);
          } else {
            outputArray.push(new asn1js__namespace.Integer({ value: this.pathLenConstraint }));
          }
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const object = {};
        if (this.cA !== _BasicConstraints.defaultValues(CA)) {
          object.cA = this.cA;
        }
        if (PATH_LENGTH_CONSTRAINT in this) {
          if (this.pathLenConstraint instanceof asn1js__namespace.Integer) {
            object.pathLenConstraint = this.pathLenConstraint.toJSON();
          } else {
            object.pathLenConstraint = this.pathLenConstraint;
          }
        }
        return object;
      }
    };
    BasicConstraints.CLASS_NAME = "BasicConstraints";
    var CERTIFICATE_INDEX = "certificateIndex";
    var KEY_INDEX = "keyIndex";
    var CAVersion = class _CAVersion extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.certificateIndex = pvutils__namespace.getParametersValue(parameters, CERTIFICATE_INDEX, _CAVersion.defaultValues(CERTIFICATE_INDEX));
        this.keyIndex = pvutils__namespace.getParametersValue(parameters, KEY_INDEX, _CAVersion.defaultValues(KEY_INDEX));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CERTIFICATE_INDEX:
          case KEY_INDEX:
            return 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema() {
        return new asn1js__namespace.Integer();
      }
      fromSchema(schema) {
        if (schema.constructor.blockName() !== asn1js__namespace.Integer.blockName()) {
          throw new Error("Object's schema was not verified against input data for CAVersion");
        }
        let value = schema.valueBlock.valueHex.slice(0);
        const valueView = new Uint8Array(value);
        switch (true) {
          case value.byteLength < 4:
            {
              const tempValue = new ArrayBuffer(4);
              const tempValueView = new Uint8Array(tempValue);
              tempValueView.set(valueView, 4 - value.byteLength);
              value = tempValue.slice(0);
            }
            break;
          case value.byteLength > 4:
            {
              const tempValue = new ArrayBuffer(4);
              const tempValueView = new Uint8Array(tempValue);
              tempValueView.set(valueView.slice(0, 4));
              value = tempValue.slice(0);
            }
            break;
        }
        const keyIndexBuffer = value.slice(0, 2);
        const keyIndexView8 = new Uint8Array(keyIndexBuffer);
        let temp = keyIndexView8[0];
        keyIndexView8[0] = keyIndexView8[1];
        keyIndexView8[1] = temp;
        const keyIndexView16 = new Uint16Array(keyIndexBuffer);
        this.keyIndex = keyIndexView16[0];
        const certificateIndexBuffer = value.slice(2);
        const certificateIndexView8 = new Uint8Array(certificateIndexBuffer);
        temp = certificateIndexView8[0];
        certificateIndexView8[0] = certificateIndexView8[1];
        certificateIndexView8[1] = temp;
        const certificateIndexView16 = new Uint16Array(certificateIndexBuffer);
        this.certificateIndex = certificateIndexView16[0];
      }
      toSchema() {
        const certificateIndexBuffer = new ArrayBuffer(2);
        const certificateIndexView = new Uint16Array(certificateIndexBuffer);
        certificateIndexView[0] = this.certificateIndex;
        const certificateIndexView8 = new Uint8Array(certificateIndexBuffer);
        let temp = certificateIndexView8[0];
        certificateIndexView8[0] = certificateIndexView8[1];
        certificateIndexView8[1] = temp;
        const keyIndexBuffer = new ArrayBuffer(2);
        const keyIndexView = new Uint16Array(keyIndexBuffer);
        keyIndexView[0] = this.keyIndex;
        const keyIndexView8 = new Uint8Array(keyIndexBuffer);
        temp = keyIndexView8[0];
        keyIndexView8[0] = keyIndexView8[1];
        keyIndexView8[1] = temp;
        return new asn1js__namespace.Integer({
          valueHex: pvutils__namespace.utilConcatBuf(keyIndexBuffer, certificateIndexBuffer)
        });
      }
      toJSON() {
        return {
          certificateIndex: this.certificateIndex,
          keyIndex: this.keyIndex
        };
      }
    };
    CAVersion.CLASS_NAME = "CAVersion";
    var POLICY_QUALIFIER_ID = "policyQualifierId";
    var QUALIFIER = "qualifier";
    var CLEAR_PROPS$1p = [POLICY_QUALIFIER_ID, QUALIFIER];
    var PolicyQualifierInfo = class _PolicyQualifierInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.policyQualifierId = pvutils__namespace.getParametersValue(parameters, POLICY_QUALIFIER_ID, _PolicyQualifierInfo.defaultValues(POLICY_QUALIFIER_ID));
        this.qualifier = pvutils__namespace.getParametersValue(parameters, QUALIFIER, _PolicyQualifierInfo.defaultValues(QUALIFIER));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case POLICY_QUALIFIER_ID:
            return EMPTY_STRING;
          case QUALIFIER:
            return new asn1js__namespace.Any();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.policyQualifierId || EMPTY_STRING }), new asn1js__namespace.Any({ name: names.qualifier || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1p);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PolicyQualifierInfo.schema({
          names: {
            policyQualifierId: POLICY_QUALIFIER_ID,
            qualifier: QUALIFIER
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.policyQualifierId = asn1.result.policyQualifierId.valueBlock.toString();
        this.qualifier = asn1.result.qualifier;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.ObjectIdentifier({ value: this.policyQualifierId }), this.qualifier]
        });
      }
      toJSON() {
        return {
          policyQualifierId: this.policyQualifierId,
          qualifier: this.qualifier.toJSON()
        };
      }
    };
    PolicyQualifierInfo.CLASS_NAME = "PolicyQualifierInfo";
    var POLICY_IDENTIFIER = "policyIdentifier";
    var POLICY_QUALIFIERS = "policyQualifiers";
    var CLEAR_PROPS$1o = [POLICY_IDENTIFIER, POLICY_QUALIFIERS];
    var PolicyInformation = class _PolicyInformation extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.policyIdentifier = pvutils__namespace.getParametersValue(parameters, POLICY_IDENTIFIER, _PolicyInformation.defaultValues(POLICY_IDENTIFIER));
        if (POLICY_QUALIFIERS in parameters) {
          this.policyQualifiers = pvutils__namespace.getParametersValue(parameters, POLICY_QUALIFIERS, _PolicyInformation.defaultValues(POLICY_QUALIFIERS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case POLICY_IDENTIFIER:
            return EMPTY_STRING;
          case POLICY_QUALIFIERS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.policyIdentifier || EMPTY_STRING }),
            new asn1js__namespace.Sequence({
              optional: true,
              value: [
                new asn1js__namespace.Repeated({
                  name: names.policyQualifiers || EMPTY_STRING,
                  value: PolicyQualifierInfo.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1o);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PolicyInformation.schema({
          names: {
            policyIdentifier: POLICY_IDENTIFIER,
            policyQualifiers: POLICY_QUALIFIERS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.policyIdentifier = asn1.result.policyIdentifier.valueBlock.toString();
        if (POLICY_QUALIFIERS in asn1.result) {
          this.policyQualifiers = Array.from(asn1.result.policyQualifiers, (element) => new PolicyQualifierInfo({ schema: element }));
        }
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.policyIdentifier }));
        if (this.policyQualifiers) {
          outputArray.push(new asn1js__namespace.Sequence({
            value: Array.from(this.policyQualifiers, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          policyIdentifier: this.policyIdentifier
        };
        if (this.policyQualifiers)
          res.policyQualifiers = Array.from(this.policyQualifiers, (o) => o.toJSON());
        return res;
      }
    };
    PolicyInformation.CLASS_NAME = "PolicyInformation";
    var CERTIFICATE_POLICIES = "certificatePolicies";
    var CLEAR_PROPS$1n = [CERTIFICATE_POLICIES];
    var CertificatePolicies = class _CertificatePolicies extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.certificatePolicies = pvutils__namespace.getParametersValue(parameters, CERTIFICATE_POLICIES, _CertificatePolicies.defaultValues(CERTIFICATE_POLICIES));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CERTIFICATE_POLICIES:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.certificatePolicies || EMPTY_STRING,
              value: PolicyInformation.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1n);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CertificatePolicies.schema({
          names: {
            certificatePolicies: CERTIFICATE_POLICIES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.certificatePolicies = Array.from(asn1.result.certificatePolicies, (element) => new PolicyInformation({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.certificatePolicies, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          certificatePolicies: Array.from(this.certificatePolicies, (o) => o.toJSON())
        };
      }
    };
    CertificatePolicies.CLASS_NAME = "CertificatePolicies";
    var TEMPLATE_ID = "templateID";
    var TEMPLATE_MAJOR_VERSION = "templateMajorVersion";
    var TEMPLATE_MINOR_VERSION = "templateMinorVersion";
    var CLEAR_PROPS$1m = [TEMPLATE_ID, TEMPLATE_MAJOR_VERSION, TEMPLATE_MINOR_VERSION];
    var CertificateTemplate = class _CertificateTemplate extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.templateID = pvutils__namespace.getParametersValue(parameters, TEMPLATE_ID, _CertificateTemplate.defaultValues(TEMPLATE_ID));
        if (TEMPLATE_MAJOR_VERSION in parameters) {
          this.templateMajorVersion = pvutils__namespace.getParametersValue(parameters, TEMPLATE_MAJOR_VERSION, _CertificateTemplate.defaultValues(TEMPLATE_MAJOR_VERSION));
        }
        if (TEMPLATE_MINOR_VERSION in parameters) {
          this.templateMinorVersion = pvutils__namespace.getParametersValue(parameters, TEMPLATE_MINOR_VERSION, _CertificateTemplate.defaultValues(TEMPLATE_MINOR_VERSION));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TEMPLATE_ID:
            return EMPTY_STRING;
          case TEMPLATE_MAJOR_VERSION:
          case TEMPLATE_MINOR_VERSION:
            return 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.templateID || EMPTY_STRING }),
            new asn1js__namespace.Integer({
              name: names.templateMajorVersion || EMPTY_STRING,
              optional: true
            }),
            new asn1js__namespace.Integer({
              name: names.templateMinorVersion || EMPTY_STRING,
              optional: true
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1m);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CertificateTemplate.schema({
          names: {
            templateID: TEMPLATE_ID,
            templateMajorVersion: TEMPLATE_MAJOR_VERSION,
            templateMinorVersion: TEMPLATE_MINOR_VERSION
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.templateID = asn1.result.templateID.valueBlock.toString();
        if (TEMPLATE_MAJOR_VERSION in asn1.result) {
          this.templateMajorVersion = asn1.result.templateMajorVersion.valueBlock.valueDec;
        }
        if (TEMPLATE_MINOR_VERSION in asn1.result) {
          this.templateMinorVersion = asn1.result.templateMinorVersion.valueBlock.valueDec;
        }
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.templateID }));
        if (TEMPLATE_MAJOR_VERSION in this) {
          outputArray.push(new asn1js__namespace.Integer({ value: this.templateMajorVersion }));
        }
        if (TEMPLATE_MINOR_VERSION in this) {
          outputArray.push(new asn1js__namespace.Integer({ value: this.templateMinorVersion }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          templateID: this.templateID
        };
        if (TEMPLATE_MAJOR_VERSION in this)
          res.templateMajorVersion = this.templateMajorVersion;
        if (TEMPLATE_MINOR_VERSION in this)
          res.templateMinorVersion = this.templateMinorVersion;
        return res;
      }
    };
    var DISTRIBUTION_POINT$1 = "distributionPoint";
    var DISTRIBUTION_POINT_NAMES$1 = "distributionPointNames";
    var REASONS = "reasons";
    var CRL_ISSUER = "cRLIssuer";
    var CRL_ISSUER_NAMES = "cRLIssuerNames";
    var CLEAR_PROPS$1l = [DISTRIBUTION_POINT$1, DISTRIBUTION_POINT_NAMES$1, REASONS, CRL_ISSUER, CRL_ISSUER_NAMES];
    var DistributionPoint = class _DistributionPoint extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (DISTRIBUTION_POINT$1 in parameters) {
          this.distributionPoint = pvutils__namespace.getParametersValue(parameters, DISTRIBUTION_POINT$1, _DistributionPoint.defaultValues(DISTRIBUTION_POINT$1));
        }
        if (REASONS in parameters) {
          this.reasons = pvutils__namespace.getParametersValue(parameters, REASONS, _DistributionPoint.defaultValues(REASONS));
        }
        if (CRL_ISSUER in parameters) {
          this.cRLIssuer = pvutils__namespace.getParametersValue(parameters, CRL_ISSUER, _DistributionPoint.defaultValues(CRL_ISSUER));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case DISTRIBUTION_POINT$1:
            return [];
          case REASONS:
            return new asn1js__namespace.BitString();
          case CRL_ISSUER:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                new asn1js__namespace.Choice({
                  value: [
                    new asn1js__namespace.Constructed({
                      name: names.distributionPoint || EMPTY_STRING,
                      optional: true,
                      idBlock: {
                        tagClass: 3,
                        tagNumber: 0
                      },
                      value: [
                        new asn1js__namespace.Repeated({
                          name: names.distributionPointNames || EMPTY_STRING,
                          value: GeneralName.schema()
                        })
                      ]
                    }),
                    new asn1js__namespace.Constructed({
                      name: names.distributionPoint || EMPTY_STRING,
                      optional: true,
                      idBlock: {
                        tagClass: 3,
                        tagNumber: 1
                      },
                      value: RelativeDistinguishedNames.schema().valueBlock.value
                    })
                  ]
                })
              ]
            }),
            new asn1js__namespace.Primitive({
              name: names.reasons || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              }
            }),
            new asn1js__namespace.Constructed({
              name: names.cRLIssuer || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.cRLIssuerNames || EMPTY_STRING,
                  value: GeneralName.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1l);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _DistributionPoint.schema({
          names: {
            distributionPoint: DISTRIBUTION_POINT$1,
            distributionPointNames: DISTRIBUTION_POINT_NAMES$1,
            reasons: REASONS,
            cRLIssuer: CRL_ISSUER,
            cRLIssuerNames: CRL_ISSUER_NAMES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (DISTRIBUTION_POINT$1 in asn1.result) {
          if (asn1.result.distributionPoint.idBlock.tagNumber === 0) {
            this.distributionPoint = Array.from(asn1.result.distributionPointNames, (element) => new GeneralName({ schema: element }));
          }
          if (asn1.result.distributionPoint.idBlock.tagNumber === 1) {
            this.distributionPoint = new RelativeDistinguishedNames({
              schema: new asn1js__namespace.Sequence({
                value: asn1.result.distributionPoint.valueBlock.value
              })
            });
          }
        }
        if (REASONS in asn1.result) {
          this.reasons = new asn1js__namespace.BitString({ valueHex: asn1.result.reasons.valueBlock.valueHex });
        }
        if (CRL_ISSUER in asn1.result) {
          this.cRLIssuer = Array.from(asn1.result.cRLIssuerNames, (element) => new GeneralName({ schema: element }));
        }
      }
      toSchema() {
        const outputArray = [];
        if (this.distributionPoint) {
          let internalValue;
          if (this.distributionPoint instanceof Array) {
            internalValue = new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: Array.from(this.distributionPoint, (o) => o.toSchema())
            });
          } else {
            internalValue = new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [this.distributionPoint.toSchema()]
            });
          }
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [internalValue]
          }));
        }
        if (this.reasons) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            valueHex: this.reasons.valueBlock.valueHexView
          }));
        }
        if (this.cRLIssuer) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            },
            value: Array.from(this.cRLIssuer, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const object = {};
        if (this.distributionPoint) {
          if (this.distributionPoint instanceof Array) {
            object.distributionPoint = Array.from(this.distributionPoint, (o) => o.toJSON());
          } else {
            object.distributionPoint = this.distributionPoint.toJSON();
          }
        }
        if (this.reasons) {
          object.reasons = this.reasons.toJSON();
        }
        if (this.cRLIssuer) {
          object.cRLIssuer = Array.from(this.cRLIssuer, (o) => o.toJSON());
        }
        return object;
      }
    };
    DistributionPoint.CLASS_NAME = "DistributionPoint";
    var DISTRIBUTION_POINTS = "distributionPoints";
    var CLEAR_PROPS$1k = [DISTRIBUTION_POINTS];
    var CRLDistributionPoints = class _CRLDistributionPoints extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.distributionPoints = pvutils__namespace.getParametersValue(parameters, DISTRIBUTION_POINTS, _CRLDistributionPoints.defaultValues(DISTRIBUTION_POINTS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case DISTRIBUTION_POINTS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.distributionPoints || EMPTY_STRING,
              value: DistributionPoint.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1k);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CRLDistributionPoints.schema({
          names: {
            distributionPoints: DISTRIBUTION_POINTS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.distributionPoints = Array.from(asn1.result.distributionPoints, (element) => new DistributionPoint({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.distributionPoints, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          distributionPoints: Array.from(this.distributionPoints, (o) => o.toJSON())
        };
      }
    };
    CRLDistributionPoints.CLASS_NAME = "CRLDistributionPoints";
    var KEY_PURPOSES = "keyPurposes";
    var CLEAR_PROPS$1j = [KEY_PURPOSES];
    var ExtKeyUsage = class _ExtKeyUsage extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.keyPurposes = pvutils__namespace.getParametersValue(parameters, KEY_PURPOSES, _ExtKeyUsage.defaultValues(KEY_PURPOSES));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case KEY_PURPOSES:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.keyPurposes || EMPTY_STRING,
              value: new asn1js__namespace.ObjectIdentifier()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1j);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _ExtKeyUsage.schema({
          names: {
            keyPurposes: KEY_PURPOSES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.keyPurposes = Array.from(asn1.result.keyPurposes, (element) => element.valueBlock.toString());
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.keyPurposes, (element) => new asn1js__namespace.ObjectIdentifier({ value: element }))
        });
      }
      toJSON() {
        return {
          keyPurposes: Array.from(this.keyPurposes)
        };
      }
    };
    ExtKeyUsage.CLASS_NAME = "ExtKeyUsage";
    var ACCESS_DESCRIPTIONS = "accessDescriptions";
    var InfoAccess = class _InfoAccess extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.accessDescriptions = pvutils__namespace.getParametersValue(parameters, ACCESS_DESCRIPTIONS, _InfoAccess.defaultValues(ACCESS_DESCRIPTIONS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ACCESS_DESCRIPTIONS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.accessDescriptions || EMPTY_STRING,
              value: AccessDescription.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [ACCESS_DESCRIPTIONS]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _InfoAccess.schema({
          names: {
            accessDescriptions: ACCESS_DESCRIPTIONS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.accessDescriptions = Array.from(asn1.result.accessDescriptions, (element) => new AccessDescription({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.accessDescriptions, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          accessDescriptions: Array.from(this.accessDescriptions, (o) => o.toJSON())
        };
      }
    };
    InfoAccess.CLASS_NAME = "InfoAccess";
    var DISTRIBUTION_POINT = "distributionPoint";
    var DISTRIBUTION_POINT_NAMES = "distributionPointNames";
    var ONLY_CONTAINS_USER_CERTS = "onlyContainsUserCerts";
    var ONLY_CONTAINS_CA_CERTS = "onlyContainsCACerts";
    var ONLY_SOME_REASON = "onlySomeReasons";
    var INDIRECT_CRL = "indirectCRL";
    var ONLY_CONTAINS_ATTRIBUTE_CERTS = "onlyContainsAttributeCerts";
    var CLEAR_PROPS$1i = [DISTRIBUTION_POINT, DISTRIBUTION_POINT_NAMES, ONLY_CONTAINS_USER_CERTS, ONLY_CONTAINS_CA_CERTS, ONLY_SOME_REASON, INDIRECT_CRL, ONLY_CONTAINS_ATTRIBUTE_CERTS];
    var IssuingDistributionPoint = class _IssuingDistributionPoint extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (DISTRIBUTION_POINT in parameters) {
          this.distributionPoint = pvutils__namespace.getParametersValue(parameters, DISTRIBUTION_POINT, _IssuingDistributionPoint.defaultValues(DISTRIBUTION_POINT));
        }
        this.onlyContainsUserCerts = pvutils__namespace.getParametersValue(parameters, ONLY_CONTAINS_USER_CERTS, _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_USER_CERTS));
        this.onlyContainsCACerts = pvutils__namespace.getParametersValue(parameters, ONLY_CONTAINS_CA_CERTS, _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_CA_CERTS));
        if (ONLY_SOME_REASON in parameters) {
          this.onlySomeReasons = pvutils__namespace.getParametersValue(parameters, ONLY_SOME_REASON, _IssuingDistributionPoint.defaultValues(ONLY_SOME_REASON));
        }
        this.indirectCRL = pvutils__namespace.getParametersValue(parameters, INDIRECT_CRL, _IssuingDistributionPoint.defaultValues(INDIRECT_CRL));
        this.onlyContainsAttributeCerts = pvutils__namespace.getParametersValue(parameters, ONLY_CONTAINS_ATTRIBUTE_CERTS, _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_ATTRIBUTE_CERTS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case DISTRIBUTION_POINT:
            return [];
          case ONLY_CONTAINS_USER_CERTS:
            return false;
          case ONLY_CONTAINS_CA_CERTS:
            return false;
          case ONLY_SOME_REASON:
            return 0;
          case INDIRECT_CRL:
            return false;
          case ONLY_CONTAINS_ATTRIBUTE_CERTS:
            return false;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                new asn1js__namespace.Choice({
                  value: [
                    new asn1js__namespace.Constructed({
                      name: names.distributionPoint || EMPTY_STRING,
                      idBlock: {
                        tagClass: 3,
                        tagNumber: 0
                      },
                      value: [
                        new asn1js__namespace.Repeated({
                          name: names.distributionPointNames || EMPTY_STRING,
                          value: GeneralName.schema()
                        })
                      ]
                    }),
                    new asn1js__namespace.Constructed({
                      name: names.distributionPoint || EMPTY_STRING,
                      idBlock: {
                        tagClass: 3,
                        tagNumber: 1
                      },
                      value: RelativeDistinguishedNames.schema().valueBlock.value
                    })
                  ]
                })
              ]
            }),
            new asn1js__namespace.Primitive({
              name: names.onlyContainsUserCerts || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.onlyContainsCACerts || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.onlySomeReasons || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 3
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.indirectCRL || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 4
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.onlyContainsAttributeCerts || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 5
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1i);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _IssuingDistributionPoint.schema({
          names: {
            distributionPoint: DISTRIBUTION_POINT,
            distributionPointNames: DISTRIBUTION_POINT_NAMES,
            onlyContainsUserCerts: ONLY_CONTAINS_USER_CERTS,
            onlyContainsCACerts: ONLY_CONTAINS_CA_CERTS,
            onlySomeReasons: ONLY_SOME_REASON,
            indirectCRL: INDIRECT_CRL,
            onlyContainsAttributeCerts: ONLY_CONTAINS_ATTRIBUTE_CERTS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (DISTRIBUTION_POINT in asn1.result) {
          switch (true) {
            case asn1.result.distributionPoint.idBlock.tagNumber === 0:
              this.distributionPoint = Array.from(asn1.result.distributionPointNames, (element) => new GeneralName({ schema: element }));
              break;
            case asn1.result.distributionPoint.idBlock.tagNumber === 1:
              {
                this.distributionPoint = new RelativeDistinguishedNames({
                  schema: new asn1js__namespace.Sequence({
                    value: asn1.result.distributionPoint.valueBlock.value
                  })
                });
              }
              break;
            default:
              throw new Error("Unknown tagNumber for distributionPoint: {$asn1.result.distributionPoint.idBlock.tagNumber}");
          }
        }
        if (ONLY_CONTAINS_USER_CERTS in asn1.result) {
          const view = new Uint8Array(asn1.result.onlyContainsUserCerts.valueBlock.valueHex);
          this.onlyContainsUserCerts = view[0] !== 0;
        }
        if (ONLY_CONTAINS_CA_CERTS in asn1.result) {
          const view = new Uint8Array(asn1.result.onlyContainsCACerts.valueBlock.valueHex);
          this.onlyContainsCACerts = view[0] !== 0;
        }
        if (ONLY_SOME_REASON in asn1.result) {
          const view = new Uint8Array(asn1.result.onlySomeReasons.valueBlock.valueHex);
          this.onlySomeReasons = view[0];
        }
        if (INDIRECT_CRL in asn1.result) {
          const view = new Uint8Array(asn1.result.indirectCRL.valueBlock.valueHex);
          this.indirectCRL = view[0] !== 0;
        }
        if (ONLY_CONTAINS_ATTRIBUTE_CERTS in asn1.result) {
          const view = new Uint8Array(asn1.result.onlyContainsAttributeCerts.valueBlock.valueHex);
          this.onlyContainsAttributeCerts = view[0] !== 0;
        }
      }
      toSchema() {
        const outputArray = [];
        if (this.distributionPoint) {
          let value;
          if (this.distributionPoint instanceof Array) {
            value = new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: Array.from(this.distributionPoint, (o) => o.toSchema())
            });
          } else {
            value = this.distributionPoint.toSchema();
            value.idBlock.tagClass = 3;
            value.idBlock.tagNumber = 1;
          }
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [value]
          }));
        }
        if (this.onlyContainsUserCerts !== _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_USER_CERTS)) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            valueHex: new Uint8Array([255]).buffer
          }));
        }
        if (this.onlyContainsCACerts !== _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_CA_CERTS)) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            },
            valueHex: new Uint8Array([255]).buffer
          }));
        }
        if (this.onlySomeReasons !== void 0) {
          const buffer = new ArrayBuffer(1);
          const view = new Uint8Array(buffer);
          view[0] = this.onlySomeReasons;
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 3
            },
            valueHex: buffer
          }));
        }
        if (this.indirectCRL !== _IssuingDistributionPoint.defaultValues(INDIRECT_CRL)) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 4
            },
            valueHex: new Uint8Array([255]).buffer
          }));
        }
        if (this.onlyContainsAttributeCerts !== _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_ATTRIBUTE_CERTS)) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 5
            },
            valueHex: new Uint8Array([255]).buffer
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const obj = {};
        if (this.distributionPoint) {
          if (this.distributionPoint instanceof Array) {
            obj.distributionPoint = Array.from(this.distributionPoint, (o) => o.toJSON());
          } else {
            obj.distributionPoint = this.distributionPoint.toJSON();
          }
        }
        if (this.onlyContainsUserCerts !== _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_USER_CERTS)) {
          obj.onlyContainsUserCerts = this.onlyContainsUserCerts;
        }
        if (this.onlyContainsCACerts !== _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_CA_CERTS)) {
          obj.onlyContainsCACerts = this.onlyContainsCACerts;
        }
        if (ONLY_SOME_REASON in this) {
          obj.onlySomeReasons = this.onlySomeReasons;
        }
        if (this.indirectCRL !== _IssuingDistributionPoint.defaultValues(INDIRECT_CRL)) {
          obj.indirectCRL = this.indirectCRL;
        }
        if (this.onlyContainsAttributeCerts !== _IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_ATTRIBUTE_CERTS)) {
          obj.onlyContainsAttributeCerts = this.onlyContainsAttributeCerts;
        }
        return obj;
      }
    };
    IssuingDistributionPoint.CLASS_NAME = "IssuingDistributionPoint";
    var BASE = "base";
    var MINIMUM = "minimum";
    var MAXIMUM = "maximum";
    var CLEAR_PROPS$1h = [BASE, MINIMUM, MAXIMUM];
    var GeneralSubtree = class _GeneralSubtree extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.base = pvutils__namespace.getParametersValue(parameters, BASE, _GeneralSubtree.defaultValues(BASE));
        this.minimum = pvutils__namespace.getParametersValue(parameters, MINIMUM, _GeneralSubtree.defaultValues(MINIMUM));
        if (MAXIMUM in parameters) {
          this.maximum = pvutils__namespace.getParametersValue(parameters, MAXIMUM, _GeneralSubtree.defaultValues(MAXIMUM));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case BASE:
            return new GeneralName();
          case MINIMUM:
            return 0;
          case MAXIMUM:
            return 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            GeneralName.schema(names.base || {}),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Integer({ name: names.minimum || EMPTY_STRING })]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [new asn1js__namespace.Integer({ name: names.maximum || EMPTY_STRING })]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1h);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _GeneralSubtree.schema({
          names: {
            base: {
              names: {
                blockName: BASE
              }
            },
            minimum: MINIMUM,
            maximum: MAXIMUM
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.base = new GeneralName({ schema: asn1.result.base });
        if (MINIMUM in asn1.result) {
          if (asn1.result.minimum.valueBlock.isHexOnly)
            this.minimum = asn1.result.minimum;
          else
            this.minimum = asn1.result.minimum.valueBlock.valueDec;
        }
        if (MAXIMUM in asn1.result) {
          if (asn1.result.maximum.valueBlock.isHexOnly)
            this.maximum = asn1.result.maximum;
          else
            this.maximum = asn1.result.maximum.valueBlock.valueDec;
        }
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.base.toSchema());
        if (this.minimum !== 0) {
          let valueMinimum = 0;
          if (this.minimum instanceof asn1js__namespace.Integer) {
            valueMinimum = this.minimum;
          } else {
            valueMinimum = new asn1js__namespace.Integer({ value: this.minimum });
          }
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [valueMinimum]
          }));
        }
        if (MAXIMUM in this) {
          let valueMaximum = 0;
          if (this.maximum instanceof asn1js__namespace.Integer) {
            valueMaximum = this.maximum;
          } else {
            valueMaximum = new asn1js__namespace.Integer({ value: this.maximum });
          }
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: [valueMaximum]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          base: this.base.toJSON()
        };
        if (this.minimum !== 0) {
          if (typeof this.minimum === "number") {
            res.minimum = this.minimum;
          } else {
            res.minimum = this.minimum.toJSON();
          }
        }
        if (this.maximum !== void 0) {
          if (typeof this.maximum === "number") {
            res.maximum = this.maximum;
          } else {
            res.maximum = this.maximum.toJSON();
          }
        }
        return res;
      }
    };
    GeneralSubtree.CLASS_NAME = "GeneralSubtree";
    var PERMITTED_SUBTREES = "permittedSubtrees";
    var EXCLUDED_SUBTREES = "excludedSubtrees";
    var CLEAR_PROPS$1g = [PERMITTED_SUBTREES, EXCLUDED_SUBTREES];
    var NameConstraints = class _NameConstraints extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (PERMITTED_SUBTREES in parameters) {
          this.permittedSubtrees = pvutils__namespace.getParametersValue(parameters, PERMITTED_SUBTREES, _NameConstraints.defaultValues(PERMITTED_SUBTREES));
        }
        if (EXCLUDED_SUBTREES in parameters) {
          this.excludedSubtrees = pvutils__namespace.getParametersValue(parameters, EXCLUDED_SUBTREES, _NameConstraints.defaultValues(EXCLUDED_SUBTREES));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case PERMITTED_SUBTREES:
          case EXCLUDED_SUBTREES:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.permittedSubtrees || EMPTY_STRING,
                  value: GeneralSubtree.schema()
                })
              ]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.excludedSubtrees || EMPTY_STRING,
                  value: GeneralSubtree.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1g);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _NameConstraints.schema({
          names: {
            permittedSubtrees: PERMITTED_SUBTREES,
            excludedSubtrees: EXCLUDED_SUBTREES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (PERMITTED_SUBTREES in asn1.result)
          this.permittedSubtrees = Array.from(asn1.result.permittedSubtrees, (element) => new GeneralSubtree({ schema: element }));
        if (EXCLUDED_SUBTREES in asn1.result)
          this.excludedSubtrees = Array.from(asn1.result.excludedSubtrees, (element) => new GeneralSubtree({ schema: element }));
      }
      toSchema() {
        const outputArray = [];
        if (this.permittedSubtrees) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: Array.from(this.permittedSubtrees, (o) => o.toSchema())
          }));
        }
        if (this.excludedSubtrees) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: Array.from(this.excludedSubtrees, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const object = {};
        if (this.permittedSubtrees) {
          object.permittedSubtrees = Array.from(this.permittedSubtrees, (o) => o.toJSON());
        }
        if (this.excludedSubtrees) {
          object.excludedSubtrees = Array.from(this.excludedSubtrees, (o) => o.toJSON());
        }
        return object;
      }
    };
    NameConstraints.CLASS_NAME = "NameConstraints";
    var REQUIRE_EXPLICIT_POLICY = "requireExplicitPolicy";
    var INHIBIT_POLICY_MAPPING = "inhibitPolicyMapping";
    var CLEAR_PROPS$1f = [REQUIRE_EXPLICIT_POLICY, INHIBIT_POLICY_MAPPING];
    var PolicyConstraints = class _PolicyConstraints extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (REQUIRE_EXPLICIT_POLICY in parameters) {
          this.requireExplicitPolicy = pvutils__namespace.getParametersValue(parameters, REQUIRE_EXPLICIT_POLICY, _PolicyConstraints.defaultValues(REQUIRE_EXPLICIT_POLICY));
        }
        if (INHIBIT_POLICY_MAPPING in parameters) {
          this.inhibitPolicyMapping = pvutils__namespace.getParametersValue(parameters, INHIBIT_POLICY_MAPPING, _PolicyConstraints.defaultValues(INHIBIT_POLICY_MAPPING));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case REQUIRE_EXPLICIT_POLICY:
            return 0;
          case INHIBIT_POLICY_MAPPING:
            return 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Primitive({
              name: names.requireExplicitPolicy || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.inhibitPolicyMapping || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1f);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PolicyConstraints.schema({
          names: {
            requireExplicitPolicy: REQUIRE_EXPLICIT_POLICY,
            inhibitPolicyMapping: INHIBIT_POLICY_MAPPING
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (REQUIRE_EXPLICIT_POLICY in asn1.result) {
          const field1 = asn1.result.requireExplicitPolicy;
          field1.idBlock.tagClass = 1;
          field1.idBlock.tagNumber = 2;
          const ber1 = field1.toBER(false);
          const int1 = asn1js__namespace.fromBER(ber1);
          AsnError.assert(int1, "Integer");
          this.requireExplicitPolicy = int1.result.valueBlock.valueDec;
        }
        if (INHIBIT_POLICY_MAPPING in asn1.result) {
          const field2 = asn1.result.inhibitPolicyMapping;
          field2.idBlock.tagClass = 1;
          field2.idBlock.tagNumber = 2;
          const ber2 = field2.toBER(false);
          const int2 = asn1js__namespace.fromBER(ber2);
          AsnError.assert(int2, "Integer");
          this.inhibitPolicyMapping = int2.result.valueBlock.valueDec;
        }
      }
      toSchema() {
        const outputArray = [];
        if (REQUIRE_EXPLICIT_POLICY in this) {
          const int1 = new asn1js__namespace.Integer({ value: this.requireExplicitPolicy });
          int1.idBlock.tagClass = 3;
          int1.idBlock.tagNumber = 0;
          outputArray.push(int1);
        }
        if (INHIBIT_POLICY_MAPPING in this) {
          const int2 = new asn1js__namespace.Integer({ value: this.inhibitPolicyMapping });
          int2.idBlock.tagClass = 3;
          int2.idBlock.tagNumber = 1;
          outputArray.push(int2);
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {};
        if (REQUIRE_EXPLICIT_POLICY in this) {
          res.requireExplicitPolicy = this.requireExplicitPolicy;
        }
        if (INHIBIT_POLICY_MAPPING in this) {
          res.inhibitPolicyMapping = this.inhibitPolicyMapping;
        }
        return res;
      }
    };
    PolicyConstraints.CLASS_NAME = "PolicyConstraints";
    var ISSUER_DOMAIN_POLICY = "issuerDomainPolicy";
    var SUBJECT_DOMAIN_POLICY = "subjectDomainPolicy";
    var CLEAR_PROPS$1e = [ISSUER_DOMAIN_POLICY, SUBJECT_DOMAIN_POLICY];
    var PolicyMapping = class _PolicyMapping extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.issuerDomainPolicy = pvutils__namespace.getParametersValue(parameters, ISSUER_DOMAIN_POLICY, _PolicyMapping.defaultValues(ISSUER_DOMAIN_POLICY));
        this.subjectDomainPolicy = pvutils__namespace.getParametersValue(parameters, SUBJECT_DOMAIN_POLICY, _PolicyMapping.defaultValues(SUBJECT_DOMAIN_POLICY));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ISSUER_DOMAIN_POLICY:
            return EMPTY_STRING;
          case SUBJECT_DOMAIN_POLICY:
            return EMPTY_STRING;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.issuerDomainPolicy || EMPTY_STRING }), new asn1js__namespace.ObjectIdentifier({ name: names.subjectDomainPolicy || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1e);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PolicyMapping.schema({
          names: {
            issuerDomainPolicy: ISSUER_DOMAIN_POLICY,
            subjectDomainPolicy: SUBJECT_DOMAIN_POLICY
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.issuerDomainPolicy = asn1.result.issuerDomainPolicy.valueBlock.toString();
        this.subjectDomainPolicy = asn1.result.subjectDomainPolicy.valueBlock.toString();
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.ObjectIdentifier({ value: this.issuerDomainPolicy }), new asn1js__namespace.ObjectIdentifier({ value: this.subjectDomainPolicy })]
        });
      }
      toJSON() {
        return {
          issuerDomainPolicy: this.issuerDomainPolicy,
          subjectDomainPolicy: this.subjectDomainPolicy
        };
      }
    };
    PolicyMapping.CLASS_NAME = "PolicyMapping";
    var MAPPINGS = "mappings";
    var CLEAR_PROPS$1d = [MAPPINGS];
    var PolicyMappings = class _PolicyMappings extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.mappings = pvutils__namespace.getParametersValue(parameters, MAPPINGS, _PolicyMappings.defaultValues(MAPPINGS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case MAPPINGS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.mappings || EMPTY_STRING,
              value: PolicyMapping.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1d);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PolicyMappings.schema({
          names: {
            mappings: MAPPINGS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.mappings = Array.from(asn1.result.mappings, (element) => new PolicyMapping({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.mappings, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          mappings: Array.from(this.mappings, (o) => o.toJSON())
        };
      }
    };
    PolicyMappings.CLASS_NAME = "PolicyMappings";
    var NOT_BEFORE$1 = "notBefore";
    var NOT_AFTER$1 = "notAfter";
    var CLEAR_PROPS$1c = [NOT_BEFORE$1, NOT_AFTER$1];
    var PrivateKeyUsagePeriod = class _PrivateKeyUsagePeriod extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (NOT_BEFORE$1 in parameters) {
          this.notBefore = pvutils__namespace.getParametersValue(parameters, NOT_BEFORE$1, _PrivateKeyUsagePeriod.defaultValues(NOT_BEFORE$1));
        }
        if (NOT_AFTER$1 in parameters) {
          this.notAfter = pvutils__namespace.getParametersValue(parameters, NOT_AFTER$1, _PrivateKeyUsagePeriod.defaultValues(NOT_AFTER$1));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case NOT_BEFORE$1:
            return /* @__PURE__ */ new Date();
          case NOT_AFTER$1:
            return /* @__PURE__ */ new Date();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Primitive({
              name: names.notBefore || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.notAfter || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1c);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PrivateKeyUsagePeriod.schema({
          names: {
            notBefore: NOT_BEFORE$1,
            notAfter: NOT_AFTER$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (NOT_BEFORE$1 in asn1.result) {
          const localNotBefore = new asn1js__namespace.GeneralizedTime();
          localNotBefore.fromBuffer(asn1.result.notBefore.valueBlock.valueHex);
          this.notBefore = localNotBefore.toDate();
        }
        if (NOT_AFTER$1 in asn1.result) {
          const localNotAfter = new asn1js__namespace.GeneralizedTime({
            valueHex: asn1.result.notAfter.valueBlock.valueHex
          });
          localNotAfter.fromBuffer(asn1.result.notAfter.valueBlock.valueHex);
          this.notAfter = localNotAfter.toDate();
        }
      }
      toSchema() {
        const outputArray = [];
        if (NOT_BEFORE$1 in this) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            valueHex: new asn1js__namespace.GeneralizedTime({ valueDate: this.notBefore }).valueBlock.valueHexView
          }));
        }
        if (NOT_AFTER$1 in this) {
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            valueHex: new asn1js__namespace.GeneralizedTime({ valueDate: this.notAfter }).valueBlock.valueHexView
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {};
        if (this.notBefore) {
          res.notBefore = this.notBefore;
        }
        if (this.notAfter) {
          res.notAfter = this.notAfter;
        }
        return res;
      }
    };
    PrivateKeyUsagePeriod.CLASS_NAME = "PrivateKeyUsagePeriod";
    var ID = "id";
    var TYPE$2 = "type";
    var VALUES = "values";
    var QC_STATEMENT_CLEAR_PROPS = [ID, TYPE$2];
    var QC_STATEMENTS_CLEAR_PROPS = [VALUES];
    var QCStatement = class _QCStatement extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.id = pvutils__namespace.getParametersValue(parameters, ID, _QCStatement.defaultValues(ID));
        if (TYPE$2 in parameters) {
          this.type = pvutils__namespace.getParametersValue(parameters, TYPE$2, _QCStatement.defaultValues(TYPE$2));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ID:
            return EMPTY_STRING;
          case TYPE$2:
            return new asn1js__namespace.Null();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case ID:
            return memberValue === EMPTY_STRING;
          case TYPE$2:
            return memberValue instanceof asn1js__namespace.Null;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.id || EMPTY_STRING }),
            new asn1js__namespace.Any({
              name: names.type || EMPTY_STRING,
              optional: true
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, QC_STATEMENT_CLEAR_PROPS);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _QCStatement.schema({
          names: {
            id: ID,
            type: TYPE$2
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.id = asn1.result.id.valueBlock.toString();
        if (TYPE$2 in asn1.result)
          this.type = asn1.result.type;
      }
      toSchema() {
        const value = [new asn1js__namespace.ObjectIdentifier({ value: this.id })];
        if (TYPE$2 in this)
          value.push(this.type);
        return new asn1js__namespace.Sequence({
          value
        });
      }
      toJSON() {
        const object = {
          id: this.id
        };
        if (this.type) {
          object.type = this.type.toJSON();
        }
        return object;
      }
    };
    QCStatement.CLASS_NAME = "QCStatement";
    var QCStatements = class _QCStatements extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.values = pvutils__namespace.getParametersValue(parameters, VALUES, _QCStatements.defaultValues(VALUES));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VALUES:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VALUES:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.values || EMPTY_STRING,
              value: QCStatement.schema(names.value || {})
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, QC_STATEMENTS_CLEAR_PROPS);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _QCStatements.schema({
          names: {
            values: VALUES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.values = Array.from(asn1.result.values, (element) => new QCStatement({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.values, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          values: Array.from(this.values, (o) => o.toJSON())
        };
      }
    };
    QCStatements.CLASS_NAME = "QCStatements";
    var _a;
    var ECNamedCurves = class {
      static register(name, id, size) {
        this.namedCurves[name.toLowerCase()] = this.namedCurves[id] = { name, id, size };
      }
      static find(nameOrId) {
        return this.namedCurves[nameOrId.toLowerCase()] || null;
      }
    };
    _a = ECNamedCurves;
    ECNamedCurves.namedCurves = {};
    (() => {
      _a.register("P-256", "1.2.840.10045.3.1.7", 32);
      _a.register("P-384", "1.3.132.0.34", 48);
      _a.register("P-521", "1.3.132.0.35", 66);
      _a.register("brainpoolP256r1", "1.3.36.3.3.2.8.1.1.7", 32);
      _a.register("brainpoolP384r1", "1.3.36.3.3.2.8.1.1.11", 48);
      _a.register("brainpoolP512r1", "1.3.36.3.3.2.8.1.1.13", 64);
    })();
    var X = "x";
    var Y = "y";
    var NAMED_CURVE$1 = "namedCurve";
    var ECPublicKey = class _ECPublicKey extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.x = pvutils__namespace.getParametersValue(parameters, X, _ECPublicKey.defaultValues(X));
        this.y = pvutils__namespace.getParametersValue(parameters, Y, _ECPublicKey.defaultValues(Y));
        this.namedCurve = pvutils__namespace.getParametersValue(parameters, NAMED_CURVE$1, _ECPublicKey.defaultValues(NAMED_CURVE$1));
        if (parameters.json) {
          this.fromJSON(parameters.json);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case X:
          case Y:
            return EMPTY_BUFFER;
          case NAMED_CURVE$1:
            return EMPTY_STRING;
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case X:
          case Y:
            return memberValue instanceof ArrayBuffer && pvutils__namespace.isEqualBuffer(memberValue, _ECPublicKey.defaultValues(memberName));
          case NAMED_CURVE$1:
            return typeof memberValue === "string" && memberValue === _ECPublicKey.defaultValues(memberName);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema() {
        return new asn1js__namespace.RawData();
      }
      fromSchema(schema1) {
        const view = pvtsutils.BufferSourceConverter.toUint8Array(schema1);
        if (view[0] !== 4) {
          throw new Error("Object's schema was not verified against input data for ECPublicKey");
        }
        const namedCurve = ECNamedCurves.find(this.namedCurve);
        if (!namedCurve) {
          throw new Error(`Incorrect curve OID: ${this.namedCurve}`);
        }
        const coordinateLength = namedCurve.size;
        if (view.byteLength !== coordinateLength * 2 + 1) {
          throw new Error("Object's schema was not verified against input data for ECPublicKey");
        }
        this.namedCurve = namedCurve.name;
        this.x = view.slice(1, coordinateLength + 1).buffer;
        this.y = view.slice(1 + coordinateLength, coordinateLength * 2 + 1).buffer;
      }
      toSchema() {
        return new asn1js__namespace.RawData({
          data: pvutils__namespace.utilConcatBuf(new Uint8Array([4]).buffer, this.x, this.y)
        });
      }
      toJSON() {
        const namedCurve = ECNamedCurves.find(this.namedCurve);
        return {
          crv: namedCurve ? namedCurve.name : this.namedCurve,
          x: pvutils__namespace.toBase64(pvutils__namespace.arrayBufferToString(this.x), true, true, false),
          y: pvutils__namespace.toBase64(pvutils__namespace.arrayBufferToString(this.y), true, true, false)
        };
      }
      fromJSON(json) {
        ParameterError.assert("json", json, "crv", "x", "y");
        let coordinateLength = 0;
        const namedCurve = ECNamedCurves.find(json.crv);
        if (namedCurve) {
          this.namedCurve = namedCurve.id;
          coordinateLength = namedCurve.size;
        }
        const xConvertBuffer = pvutils__namespace.stringToArrayBuffer(pvutils__namespace.fromBase64(json.x, true));
        if (xConvertBuffer.byteLength < coordinateLength) {
          this.x = new ArrayBuffer(coordinateLength);
          const view = new Uint8Array(this.x);
          const convertBufferView = new Uint8Array(xConvertBuffer);
          view.set(convertBufferView, 1);
        } else {
          this.x = xConvertBuffer.slice(0, coordinateLength);
        }
        const yConvertBuffer = pvutils__namespace.stringToArrayBuffer(pvutils__namespace.fromBase64(json.y, true));
        if (yConvertBuffer.byteLength < coordinateLength) {
          this.y = new ArrayBuffer(coordinateLength);
          const view = new Uint8Array(this.y);
          const convertBufferView = new Uint8Array(yConvertBuffer);
          view.set(convertBufferView, 1);
        } else {
          this.y = yConvertBuffer.slice(0, coordinateLength);
        }
      }
    };
    ECPublicKey.CLASS_NAME = "ECPublicKey";
    var MODULUS$1 = "modulus";
    var PUBLIC_EXPONENT$1 = "publicExponent";
    var CLEAR_PROPS$1b = [MODULUS$1, PUBLIC_EXPONENT$1];
    var RSAPublicKey = class _RSAPublicKey extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.modulus = pvutils__namespace.getParametersValue(parameters, MODULUS$1, _RSAPublicKey.defaultValues(MODULUS$1));
        this.publicExponent = pvutils__namespace.getParametersValue(parameters, PUBLIC_EXPONENT$1, _RSAPublicKey.defaultValues(PUBLIC_EXPONENT$1));
        if (parameters.json) {
          this.fromJSON(parameters.json);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case MODULUS$1:
            return new asn1js__namespace.Integer();
          case PUBLIC_EXPONENT$1:
            return new asn1js__namespace.Integer();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.Integer({ name: names.modulus || EMPTY_STRING }), new asn1js__namespace.Integer({ name: names.publicExponent || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1b);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RSAPublicKey.schema({
          names: {
            modulus: MODULUS$1,
            publicExponent: PUBLIC_EXPONENT$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.modulus = asn1.result.modulus.convertFromDER(256);
        this.publicExponent = asn1.result.publicExponent;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.modulus.convertToDER(), this.publicExponent]
        });
      }
      toJSON() {
        return {
          n: pvtsutils__namespace.Convert.ToBase64Url(this.modulus.valueBlock.valueHexView),
          e: pvtsutils__namespace.Convert.ToBase64Url(this.publicExponent.valueBlock.valueHexView)
        };
      }
      fromJSON(json) {
        ParameterError.assert("json", json, "n", "e");
        const array = pvutils__namespace.stringToArrayBuffer(pvutils__namespace.fromBase64(json.n, true));
        this.modulus = new asn1js__namespace.Integer({
          valueHex: array.slice(0, Math.pow(2, pvutils__namespace.nearestPowerOf2(array.byteLength)))
        });
        this.publicExponent = new asn1js__namespace.Integer({
          valueHex: pvutils__namespace.stringToArrayBuffer(pvutils__namespace.fromBase64(json.e, true)).slice(0, 3)
        });
      }
    };
    RSAPublicKey.CLASS_NAME = "RSAPublicKey";
    var ALGORITHM$1 = "algorithm";
    var SUBJECT_PUBLIC_KEY = "subjectPublicKey";
    var CLEAR_PROPS$1a = [ALGORITHM$1, SUBJECT_PUBLIC_KEY];
    var PublicKeyInfo = class _PublicKeyInfo extends PkiObject {
      get parsedKey() {
        if (this._parsedKey === void 0) {
          switch (this.algorithm.algorithmId) {
            case "1.2.840.10045.2.1":
              if ("algorithmParams" in this.algorithm) {
                if (this.algorithm.algorithmParams.constructor.blockName() === asn1js__namespace.ObjectIdentifier.blockName()) {
                  try {
                    this._parsedKey = new ECPublicKey({
                      namedCurve: this.algorithm.algorithmParams.valueBlock.toString(),
                      schema: this.subjectPublicKey.valueBlock.valueHexView
                    });
                  } catch {
                  }
                }
              }
              break;
            case "1.2.840.113549.1.1.1":
            case "1.2.840.113549.1.1.10":
              {
                const publicKeyASN1 = asn1js__namespace.fromBER(this.subjectPublicKey.valueBlock.valueHexView);
                if (publicKeyASN1.offset !== -1) {
                  try {
                    this._parsedKey = new RSAPublicKey({ schema: publicKeyASN1.result });
                  } catch {
                  }
                }
              }
              break;
          }
          this._parsedKey || (this._parsedKey = null);
        }
        return this._parsedKey || void 0;
      }
      set parsedKey(value) {
        this._parsedKey = value;
      }
      constructor(parameters = {}) {
        super();
        this.algorithm = pvutils__namespace.getParametersValue(parameters, ALGORITHM$1, _PublicKeyInfo.defaultValues(ALGORITHM$1));
        this.subjectPublicKey = pvutils__namespace.getParametersValue(parameters, SUBJECT_PUBLIC_KEY, _PublicKeyInfo.defaultValues(SUBJECT_PUBLIC_KEY));
        const parsedKey = pvutils__namespace.getParametersValue(parameters, "parsedKey", null);
        if (parsedKey) {
          this.parsedKey = parsedKey;
        }
        if (parameters.json) {
          this.fromJSON(parameters.json);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ALGORITHM$1:
            return new AlgorithmIdentifier();
          case SUBJECT_PUBLIC_KEY:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [AlgorithmIdentifier.schema(names.algorithm || {}), new asn1js__namespace.BitString({ name: names.subjectPublicKey || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1a);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PublicKeyInfo.schema({
          names: {
            algorithm: {
              names: {
                blockName: ALGORITHM$1
              }
            },
            subjectPublicKey: SUBJECT_PUBLIC_KEY
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.algorithm = new AlgorithmIdentifier({ schema: asn1.result.algorithm });
        this.subjectPublicKey = asn1.result.subjectPublicKey;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.algorithm.toSchema(), this.subjectPublicKey]
        });
      }
      toJSON() {
        if (!this.parsedKey) {
          return {
            algorithm: this.algorithm.toJSON(),
            subjectPublicKey: this.subjectPublicKey.toJSON()
          };
        }
        const jwk = {};
        switch (this.algorithm.algorithmId) {
          case "1.2.840.10045.2.1":
            jwk.kty = "EC";
            break;
          case "1.2.840.113549.1.1.1":
          case "1.2.840.113549.1.1.10":
            jwk.kty = "RSA";
            break;
        }
        const publicKeyJWK = this.parsedKey.toJSON();
        Object.assign(jwk, publicKeyJWK);
        return jwk;
      }
      fromJSON(json) {
        if ("kty" in json) {
          switch (json.kty.toUpperCase()) {
            case "EC":
              this.parsedKey = new ECPublicKey({ json });
              this.algorithm = new AlgorithmIdentifier({
                algorithmId: "1.2.840.10045.2.1",
                algorithmParams: new asn1js__namespace.ObjectIdentifier({ value: this.parsedKey.namedCurve })
              });
              break;
            case "RSA":
              this.parsedKey = new RSAPublicKey({ json });
              this.algorithm = new AlgorithmIdentifier({
                algorithmId: "1.2.840.113549.1.1.1",
                algorithmParams: new asn1js__namespace.Null()
              });
              break;
            default:
              throw new Error(`Invalid value for "kty" parameter: ${json.kty}`);
          }
          this.subjectPublicKey = new asn1js__namespace.BitString({
            valueHex: this.parsedKey.toSchema().toBER(false)
          });
        }
      }
      async importKey(publicKey, crypto2 = getCrypto(true)) {
        try {
          if (!publicKey) {
            throw new Error("Need to provide publicKey input parameter");
          }
          const exportedKey = await crypto2.exportKey("spki", publicKey);
          const asn1 = asn1js__namespace.fromBER(exportedKey);
          try {
            this.fromSchema(asn1.result);
          } catch {
            throw new Error("Error during initializing object from schema");
          }
        } catch (e) {
          const message = e instanceof Error ? e.message : `${e}`;
          throw new Error(`Error during exporting public key: ${message}`);
        }
      }
    };
    PublicKeyInfo.CLASS_NAME = "PublicKeyInfo";
    var VERSION$l = "version";
    var PRIVATE_KEY$1 = "privateKey";
    var NAMED_CURVE = "namedCurve";
    var PUBLIC_KEY$1 = "publicKey";
    var CLEAR_PROPS$19 = [VERSION$l, PRIVATE_KEY$1, NAMED_CURVE, PUBLIC_KEY$1];
    var ECPrivateKey = class _ECPrivateKey extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$l, _ECPrivateKey.defaultValues(VERSION$l));
        this.privateKey = pvutils__namespace.getParametersValue(parameters, PRIVATE_KEY$1, _ECPrivateKey.defaultValues(PRIVATE_KEY$1));
        if (NAMED_CURVE in parameters) {
          this.namedCurve = pvutils__namespace.getParametersValue(parameters, NAMED_CURVE, _ECPrivateKey.defaultValues(NAMED_CURVE));
        }
        if (PUBLIC_KEY$1 in parameters) {
          this.publicKey = pvutils__namespace.getParametersValue(parameters, PUBLIC_KEY$1, _ECPrivateKey.defaultValues(PUBLIC_KEY$1));
        }
        if (parameters.json) {
          this.fromJSON(parameters.json);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$l:
            return 1;
          case PRIVATE_KEY$1:
            return new asn1js__namespace.OctetString();
          case NAMED_CURVE:
            return EMPTY_STRING;
          case PUBLIC_KEY$1:
            return new ECPublicKey();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$l:
            return memberValue === _ECPrivateKey.defaultValues(memberName);
          case PRIVATE_KEY$1:
            return memberValue.isEqual(_ECPrivateKey.defaultValues(memberName));
          case NAMED_CURVE:
            return memberValue === EMPTY_STRING;
          case PUBLIC_KEY$1:
            return ECPublicKey.compareWithDefault(NAMED_CURVE, memberValue.namedCurve) && ECPublicKey.compareWithDefault("x", memberValue.x) && ECPublicKey.compareWithDefault("y", memberValue.y);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            new asn1js__namespace.OctetString({ name: names.privateKey || EMPTY_STRING }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.ObjectIdentifier({ name: names.namedCurve || EMPTY_STRING })]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [new asn1js__namespace.BitString({ name: names.publicKey || EMPTY_STRING })]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$19);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _ECPrivateKey.schema({
          names: {
            version: VERSION$l,
            privateKey: PRIVATE_KEY$1,
            namedCurve: NAMED_CURVE,
            publicKey: PUBLIC_KEY$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        this.privateKey = asn1.result.privateKey;
        if (NAMED_CURVE in asn1.result) {
          this.namedCurve = asn1.result.namedCurve.valueBlock.toString();
        }
        if (PUBLIC_KEY$1 in asn1.result) {
          const publicKeyData = {
            schema: asn1.result.publicKey.valueBlock.valueHex
          };
          if (NAMED_CURVE in this) {
            publicKeyData.namedCurve = this.namedCurve;
          }
          this.publicKey = new ECPublicKey(publicKeyData);
        }
      }
      toSchema() {
        const outputArray = [new asn1js__namespace.Integer({ value: this.version }), this.privateKey];
        if (this.namedCurve) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [new asn1js__namespace.ObjectIdentifier({ value: this.namedCurve })]
          }));
        }
        if (this.publicKey) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: [new asn1js__namespace.BitString({ valueHex: this.publicKey.toSchema().toBER(false) })]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        if (!this.namedCurve || _ECPrivateKey.compareWithDefault(NAMED_CURVE, this.namedCurve)) {
          throw new Error('Not enough information for making JSON: absent "namedCurve" value');
        }
        const curve = ECNamedCurves.find(this.namedCurve);
        const privateKeyJSON = {
          crv: curve ? curve.name : this.namedCurve,
          d: pvtsutils__namespace.Convert.ToBase64Url(this.privateKey.valueBlock.valueHexView)
        };
        if (this.publicKey) {
          const publicKeyJSON = this.publicKey.toJSON();
          privateKeyJSON.x = publicKeyJSON.x;
          privateKeyJSON.y = publicKeyJSON.y;
        }
        return privateKeyJSON;
      }
      fromJSON(json) {
        ParameterError.assert("json", json, "crv", "d");
        let coordinateLength = 0;
        const curve = ECNamedCurves.find(json.crv);
        if (curve) {
          this.namedCurve = curve.id;
          coordinateLength = curve.size;
        }
        const convertBuffer = pvtsutils__namespace.Convert.FromBase64Url(json.d);
        if (convertBuffer.byteLength < coordinateLength) {
          const buffer = new ArrayBuffer(coordinateLength);
          const view = new Uint8Array(buffer);
          const convertBufferView = new Uint8Array(convertBuffer);
          view.set(convertBufferView, 1);
          this.privateKey = new asn1js__namespace.OctetString({ valueHex: buffer });
        } else {
          this.privateKey = new asn1js__namespace.OctetString({
            valueHex: convertBuffer.slice(0, coordinateLength)
          });
        }
        if (json.x && json.y) {
          this.publicKey = new ECPublicKey({ json });
        }
      }
    };
    ECPrivateKey.CLASS_NAME = "ECPrivateKey";
    var PRIME = "prime";
    var EXPONENT = "exponent";
    var COEFFICIENT$1 = "coefficient";
    var CLEAR_PROPS$18 = [PRIME, EXPONENT, COEFFICIENT$1];
    var OtherPrimeInfo = class _OtherPrimeInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.prime = pvutils__namespace.getParametersValue(parameters, PRIME, _OtherPrimeInfo.defaultValues(PRIME));
        this.exponent = pvutils__namespace.getParametersValue(parameters, EXPONENT, _OtherPrimeInfo.defaultValues(EXPONENT));
        this.coefficient = pvutils__namespace.getParametersValue(parameters, COEFFICIENT$1, _OtherPrimeInfo.defaultValues(COEFFICIENT$1));
        if (parameters.json) {
          this.fromJSON(parameters.json);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case PRIME:
            return new asn1js__namespace.Integer();
          case EXPONENT:
            return new asn1js__namespace.Integer();
          case COEFFICIENT$1:
            return new asn1js__namespace.Integer();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.Integer({ name: names.prime || EMPTY_STRING }), new asn1js__namespace.Integer({ name: names.exponent || EMPTY_STRING }), new asn1js__namespace.Integer({ name: names.coefficient || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$18);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OtherPrimeInfo.schema({
          names: {
            prime: PRIME,
            exponent: EXPONENT,
            coefficient: COEFFICIENT$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.prime = asn1.result.prime.convertFromDER();
        this.exponent = asn1.result.exponent.convertFromDER();
        this.coefficient = asn1.result.coefficient.convertFromDER();
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.prime.convertToDER(), this.exponent.convertToDER(), this.coefficient.convertToDER()]
        });
      }
      toJSON() {
        return {
          r: pvtsutils__namespace.Convert.ToBase64Url(this.prime.valueBlock.valueHexView),
          d: pvtsutils__namespace.Convert.ToBase64Url(this.exponent.valueBlock.valueHexView),
          t: pvtsutils__namespace.Convert.ToBase64Url(this.coefficient.valueBlock.valueHexView)
        };
      }
      fromJSON(json) {
        ParameterError.assert("json", json, "r", "d", "r");
        this.prime = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.r) });
        this.exponent = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.d) });
        this.coefficient = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.t) });
      }
    };
    OtherPrimeInfo.CLASS_NAME = "OtherPrimeInfo";
    var VERSION$k = "version";
    var MODULUS = "modulus";
    var PUBLIC_EXPONENT = "publicExponent";
    var PRIVATE_EXPONENT = "privateExponent";
    var PRIME1 = "prime1";
    var PRIME2 = "prime2";
    var EXPONENT1 = "exponent1";
    var EXPONENT2 = "exponent2";
    var COEFFICIENT = "coefficient";
    var OTHER_PRIME_INFOS = "otherPrimeInfos";
    var CLEAR_PROPS$17 = [VERSION$k, MODULUS, PUBLIC_EXPONENT, PRIVATE_EXPONENT, PRIME1, PRIME2, EXPONENT1, EXPONENT2, COEFFICIENT, OTHER_PRIME_INFOS];
    var RSAPrivateKey = class _RSAPrivateKey extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$k, _RSAPrivateKey.defaultValues(VERSION$k));
        this.modulus = pvutils__namespace.getParametersValue(parameters, MODULUS, _RSAPrivateKey.defaultValues(MODULUS));
        this.publicExponent = pvutils__namespace.getParametersValue(parameters, PUBLIC_EXPONENT, _RSAPrivateKey.defaultValues(PUBLIC_EXPONENT));
        this.privateExponent = pvutils__namespace.getParametersValue(parameters, PRIVATE_EXPONENT, _RSAPrivateKey.defaultValues(PRIVATE_EXPONENT));
        this.prime1 = pvutils__namespace.getParametersValue(parameters, PRIME1, _RSAPrivateKey.defaultValues(PRIME1));
        this.prime2 = pvutils__namespace.getParametersValue(parameters, PRIME2, _RSAPrivateKey.defaultValues(PRIME2));
        this.exponent1 = pvutils__namespace.getParametersValue(parameters, EXPONENT1, _RSAPrivateKey.defaultValues(EXPONENT1));
        this.exponent2 = pvutils__namespace.getParametersValue(parameters, EXPONENT2, _RSAPrivateKey.defaultValues(EXPONENT2));
        this.coefficient = pvutils__namespace.getParametersValue(parameters, COEFFICIENT, _RSAPrivateKey.defaultValues(COEFFICIENT));
        if (OTHER_PRIME_INFOS in parameters) {
          this.otherPrimeInfos = pvutils__namespace.getParametersValue(parameters, OTHER_PRIME_INFOS, _RSAPrivateKey.defaultValues(OTHER_PRIME_INFOS));
        }
        if (parameters.json) {
          this.fromJSON(parameters.json);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$k:
            return 0;
          case MODULUS:
            return new asn1js__namespace.Integer();
          case PUBLIC_EXPONENT:
            return new asn1js__namespace.Integer();
          case PRIVATE_EXPONENT:
            return new asn1js__namespace.Integer();
          case PRIME1:
            return new asn1js__namespace.Integer();
          case PRIME2:
            return new asn1js__namespace.Integer();
          case EXPONENT1:
            return new asn1js__namespace.Integer();
          case EXPONENT2:
            return new asn1js__namespace.Integer();
          case COEFFICIENT:
            return new asn1js__namespace.Integer();
          case OTHER_PRIME_INFOS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.modulus || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.publicExponent || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.privateExponent || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.prime1 || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.prime2 || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.exponent1 || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.exponent2 || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.coefficient || EMPTY_STRING }),
            new asn1js__namespace.Sequence({
              optional: true,
              value: [
                new asn1js__namespace.Repeated({
                  name: names.otherPrimeInfosName || EMPTY_STRING,
                  value: OtherPrimeInfo.schema(names.otherPrimeInfo || {})
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$17);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RSAPrivateKey.schema({
          names: {
            version: VERSION$k,
            modulus: MODULUS,
            publicExponent: PUBLIC_EXPONENT,
            privateExponent: PRIVATE_EXPONENT,
            prime1: PRIME1,
            prime2: PRIME2,
            exponent1: EXPONENT1,
            exponent2: EXPONENT2,
            coefficient: COEFFICIENT,
            otherPrimeInfo: {
              names: {
                blockName: OTHER_PRIME_INFOS
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        this.modulus = asn1.result.modulus.convertFromDER(256);
        this.publicExponent = asn1.result.publicExponent;
        this.privateExponent = asn1.result.privateExponent.convertFromDER(256);
        this.prime1 = asn1.result.prime1.convertFromDER(128);
        this.prime2 = asn1.result.prime2.convertFromDER(128);
        this.exponent1 = asn1.result.exponent1.convertFromDER(128);
        this.exponent2 = asn1.result.exponent2.convertFromDER(128);
        this.coefficient = asn1.result.coefficient.convertFromDER(128);
        if (OTHER_PRIME_INFOS in asn1.result)
          this.otherPrimeInfos = Array.from(asn1.result.otherPrimeInfos, (element) => new OtherPrimeInfo({ schema: element }));
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        outputArray.push(this.modulus.convertToDER());
        outputArray.push(this.publicExponent);
        outputArray.push(this.privateExponent.convertToDER());
        outputArray.push(this.prime1.convertToDER());
        outputArray.push(this.prime2.convertToDER());
        outputArray.push(this.exponent1.convertToDER());
        outputArray.push(this.exponent2.convertToDER());
        outputArray.push(this.coefficient.convertToDER());
        if (this.otherPrimeInfos) {
          outputArray.push(new asn1js__namespace.Sequence({
            value: Array.from(this.otherPrimeInfos, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const jwk = {
          n: pvtsutils__namespace.Convert.ToBase64Url(this.modulus.valueBlock.valueHexView),
          e: pvtsutils__namespace.Convert.ToBase64Url(this.publicExponent.valueBlock.valueHexView),
          d: pvtsutils__namespace.Convert.ToBase64Url(this.privateExponent.valueBlock.valueHexView),
          p: pvtsutils__namespace.Convert.ToBase64Url(this.prime1.valueBlock.valueHexView),
          q: pvtsutils__namespace.Convert.ToBase64Url(this.prime2.valueBlock.valueHexView),
          dp: pvtsutils__namespace.Convert.ToBase64Url(this.exponent1.valueBlock.valueHexView),
          dq: pvtsutils__namespace.Convert.ToBase64Url(this.exponent2.valueBlock.valueHexView),
          qi: pvtsutils__namespace.Convert.ToBase64Url(this.coefficient.valueBlock.valueHexView)
        };
        if (this.otherPrimeInfos) {
          jwk.oth = Array.from(this.otherPrimeInfos, (o) => o.toJSON());
        }
        return jwk;
      }
      fromJSON(json) {
        ParameterError.assert("json", json, "n", "e", "d", "p", "q", "dp", "dq", "qi");
        this.modulus = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.n) });
        this.publicExponent = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.e) });
        this.privateExponent = new asn1js__namespace.Integer({
          valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.d)
        });
        this.prime1 = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.p) });
        this.prime2 = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.q) });
        this.exponent1 = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.dp) });
        this.exponent2 = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.dq) });
        this.coefficient = new asn1js__namespace.Integer({ valueHex: pvtsutils__namespace.Convert.FromBase64Url(json.qi) });
        if (json.oth) {
          this.otherPrimeInfos = Array.from(json.oth, (element) => new OtherPrimeInfo({ json: element }));
        }
      }
    };
    RSAPrivateKey.CLASS_NAME = "RSAPrivateKey";
    var VERSION$j = "version";
    var PRIVATE_KEY_ALGORITHM = "privateKeyAlgorithm";
    var PRIVATE_KEY = "privateKey";
    var ATTRIBUTES$5 = "attributes";
    var PARSED_KEY = "parsedKey";
    var CLEAR_PROPS$16 = [VERSION$j, PRIVATE_KEY_ALGORITHM, PRIVATE_KEY, ATTRIBUTES$5];
    var PrivateKeyInfo = class _PrivateKeyInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$j, _PrivateKeyInfo.defaultValues(VERSION$j));
        this.privateKeyAlgorithm = pvutils__namespace.getParametersValue(parameters, PRIVATE_KEY_ALGORITHM, _PrivateKeyInfo.defaultValues(PRIVATE_KEY_ALGORITHM));
        this.privateKey = pvutils__namespace.getParametersValue(parameters, PRIVATE_KEY, _PrivateKeyInfo.defaultValues(PRIVATE_KEY));
        if (ATTRIBUTES$5 in parameters) {
          this.attributes = pvutils__namespace.getParametersValue(parameters, ATTRIBUTES$5, _PrivateKeyInfo.defaultValues(ATTRIBUTES$5));
        }
        if (PARSED_KEY in parameters) {
          this.parsedKey = pvutils__namespace.getParametersValue(parameters, PARSED_KEY, _PrivateKeyInfo.defaultValues(PARSED_KEY));
        }
        if (parameters.json) {
          this.fromJSON(parameters.json);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$j:
            return 0;
          case PRIVATE_KEY_ALGORITHM:
            return new AlgorithmIdentifier();
          case PRIVATE_KEY:
            return new asn1js__namespace.OctetString();
          case ATTRIBUTES$5:
            return [];
          case PARSED_KEY:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            AlgorithmIdentifier.schema(names.privateKeyAlgorithm || {}),
            new asn1js__namespace.OctetString({ name: names.privateKey || EMPTY_STRING }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.attributes || EMPTY_STRING,
                  value: Attribute.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$16);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PrivateKeyInfo.schema({
          names: {
            version: VERSION$j,
            privateKeyAlgorithm: {
              names: {
                blockName: PRIVATE_KEY_ALGORITHM
              }
            },
            privateKey: PRIVATE_KEY,
            attributes: ATTRIBUTES$5
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        this.privateKeyAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.privateKeyAlgorithm });
        this.privateKey = asn1.result.privateKey;
        if (ATTRIBUTES$5 in asn1.result)
          this.attributes = Array.from(asn1.result.attributes, (element) => new Attribute({ schema: element }));
        switch (this.privateKeyAlgorithm.algorithmId) {
          case "1.2.840.113549.1.1.1":
            {
              const privateKeyASN1 = asn1js__namespace.fromBER(this.privateKey.valueBlock.valueHexView);
              if (privateKeyASN1.offset !== -1)
                this.parsedKey = new RSAPrivateKey({ schema: privateKeyASN1.result });
            }
            break;
          case "1.2.840.10045.2.1":
            if ("algorithmParams" in this.privateKeyAlgorithm) {
              if (this.privateKeyAlgorithm.algorithmParams instanceof asn1js__namespace.ObjectIdentifier) {
                const privateKeyASN1 = asn1js__namespace.fromBER(this.privateKey.valueBlock.valueHexView);
                if (privateKeyASN1.offset !== -1) {
                  this.parsedKey = new ECPrivateKey({
                    namedCurve: this.privateKeyAlgorithm.algorithmParams.valueBlock.toString(),
                    schema: privateKeyASN1.result
                  });
                }
              }
            }
            break;
        }
      }
      toSchema() {
        const outputArray = [new asn1js__namespace.Integer({ value: this.version }), this.privateKeyAlgorithm.toSchema(), this.privateKey];
        if (this.attributes) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: Array.from(this.attributes, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        if (!this.parsedKey) {
          const object = {
            version: this.version,
            privateKeyAlgorithm: this.privateKeyAlgorithm.toJSON(),
            privateKey: this.privateKey.toJSON()
          };
          if (this.attributes) {
            object.attributes = Array.from(this.attributes, (o) => o.toJSON());
          }
          return object;
        }
        const jwk = {};
        switch (this.privateKeyAlgorithm.algorithmId) {
          case "1.2.840.10045.2.1":
            jwk.kty = "EC";
            break;
          case "1.2.840.113549.1.1.1":
            jwk.kty = "RSA";
            break;
        }
        const publicKeyJWK = this.parsedKey.toJSON();
        Object.assign(jwk, publicKeyJWK);
        return jwk;
      }
      fromJSON(json) {
        if ("kty" in json) {
          switch (json.kty.toUpperCase()) {
            case "EC":
              this.parsedKey = new ECPrivateKey({ json });
              this.privateKeyAlgorithm = new AlgorithmIdentifier({
                algorithmId: "1.2.840.10045.2.1",
                algorithmParams: new asn1js__namespace.ObjectIdentifier({ value: this.parsedKey.namedCurve })
              });
              break;
            case "RSA":
              this.parsedKey = new RSAPrivateKey({ json });
              this.privateKeyAlgorithm = new AlgorithmIdentifier({
                algorithmId: "1.2.840.113549.1.1.1",
                algorithmParams: new asn1js__namespace.Null()
              });
              break;
            default:
              throw new Error(`Invalid value for "kty" parameter: ${json.kty}`);
          }
          this.privateKey = new asn1js__namespace.OctetString({
            valueHex: this.parsedKey.toSchema().toBER(false)
          });
        }
      }
    };
    PrivateKeyInfo.CLASS_NAME = "PrivateKeyInfo";
    var CONTENT_TYPE$1 = "contentType";
    var CONTENT_ENCRYPTION_ALGORITHM = "contentEncryptionAlgorithm";
    var ENCRYPTED_CONTENT = "encryptedContent";
    var CLEAR_PROPS$15 = [CONTENT_TYPE$1, CONTENT_ENCRYPTION_ALGORITHM, ENCRYPTED_CONTENT];
    var PIECE_SIZE = 1024;
    var EncryptedContentInfo = class _EncryptedContentInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.contentType = pvutils__namespace.getParametersValue(parameters, CONTENT_TYPE$1, _EncryptedContentInfo.defaultValues(CONTENT_TYPE$1));
        this.contentEncryptionAlgorithm = pvutils__namespace.getParametersValue(parameters, CONTENT_ENCRYPTION_ALGORITHM, _EncryptedContentInfo.defaultValues(CONTENT_ENCRYPTION_ALGORITHM));
        if (ENCRYPTED_CONTENT in parameters && parameters.encryptedContent) {
          this.encryptedContent = parameters.encryptedContent;
          if (this.encryptedContent.idBlock.tagClass === 1 && this.encryptedContent.idBlock.tagNumber === 4) {
            if (this.encryptedContent.idBlock.isConstructed === false && !parameters.disableSplit) {
              const constrString = new asn1js__namespace.OctetString({
                idBlock: { isConstructed: true },
                isConstructed: true
              });
              let offset = 0;
              const valueHex = this.encryptedContent.valueBlock.valueHexView.slice().buffer;
              let length = valueHex.byteLength;
              while (length > 0) {
                const pieceView = new Uint8Array(valueHex, offset, offset + PIECE_SIZE > valueHex.byteLength ? valueHex.byteLength - offset : PIECE_SIZE);
                const _array = new ArrayBuffer(pieceView.length);
                const _view = new Uint8Array(_array);
                for (let i = 0; i < _view.length; i++)
                  _view[i] = pieceView[i];
                constrString.valueBlock.value.push(new asn1js__namespace.OctetString({ valueHex: _array }));
                length -= pieceView.length;
                offset += pieceView.length;
              }
              this.encryptedContent = constrString;
            }
          }
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CONTENT_TYPE$1:
            return EMPTY_STRING;
          case CONTENT_ENCRYPTION_ALGORITHM:
            return new AlgorithmIdentifier();
          case ENCRYPTED_CONTENT:
            return new asn1js__namespace.OctetString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case CONTENT_TYPE$1:
            return memberValue === EMPTY_STRING;
          case CONTENT_ENCRYPTION_ALGORITHM:
            return memberValue.algorithmId === EMPTY_STRING && "algorithmParams" in memberValue === false;
          case ENCRYPTED_CONTENT:
            return memberValue.isEqual(_EncryptedContentInfo.defaultValues(ENCRYPTED_CONTENT));
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.contentType || EMPTY_STRING }),
            AlgorithmIdentifier.schema(names.contentEncryptionAlgorithm || {}),
            new asn1js__namespace.Choice({
              value: [
                new asn1js__namespace.Constructed({
                  name: names.encryptedContent || EMPTY_STRING,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 0
                  },
                  value: [
                    new asn1js__namespace.Repeated({
                      value: new asn1js__namespace.OctetString()
                    })
                  ]
                }),
                new asn1js__namespace.Primitive({
                  name: names.encryptedContent || EMPTY_STRING,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 0
                  }
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$15);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _EncryptedContentInfo.schema({
          names: {
            contentType: CONTENT_TYPE$1,
            contentEncryptionAlgorithm: {
              names: {
                blockName: CONTENT_ENCRYPTION_ALGORITHM
              }
            },
            encryptedContent: ENCRYPTED_CONTENT
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.contentType = asn1.result.contentType.valueBlock.toString();
        this.contentEncryptionAlgorithm = new AlgorithmIdentifier({
          schema: asn1.result.contentEncryptionAlgorithm
        });
        if (ENCRYPTED_CONTENT in asn1.result) {
          this.encryptedContent = asn1.result.encryptedContent;
          this.encryptedContent.idBlock.tagClass = 1;
          this.encryptedContent.idBlock.tagNumber = 4;
        }
      }
      toSchema() {
        const sequenceLengthBlock = {
          isIndefiniteForm: false
        };
        const outputArray = [];
        outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.contentType }));
        outputArray.push(this.contentEncryptionAlgorithm.toSchema());
        if (this.encryptedContent) {
          sequenceLengthBlock.isIndefiniteForm = this.encryptedContent.idBlock.isConstructed;
          const encryptedValue = this.encryptedContent;
          encryptedValue.idBlock.tagClass = 3;
          encryptedValue.idBlock.tagNumber = 0;
          encryptedValue.lenBlock.isIndefiniteForm = this.encryptedContent.idBlock.isConstructed;
          outputArray.push(encryptedValue);
        }
        return new asn1js__namespace.Sequence({
          lenBlock: sequenceLengthBlock,
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          contentType: this.contentType,
          contentEncryptionAlgorithm: this.contentEncryptionAlgorithm.toJSON()
        };
        if (this.encryptedContent) {
          res.encryptedContent = this.encryptedContent.toJSON();
        }
        return res;
      }
      getEncryptedContent() {
        if (!this.encryptedContent) {
          throw new Error("Parameter 'encryptedContent' is undefined");
        }
        return asn1js__namespace.OctetString.prototype.getValue.call(this.encryptedContent);
      }
    };
    EncryptedContentInfo.CLASS_NAME = "EncryptedContentInfo";
    var HASH_ALGORITHM$4 = "hashAlgorithm";
    var MASK_GEN_ALGORITHM$1 = "maskGenAlgorithm";
    var SALT_LENGTH = "saltLength";
    var TRAILER_FIELD = "trailerField";
    var CLEAR_PROPS$14 = [HASH_ALGORITHM$4, MASK_GEN_ALGORITHM$1, SALT_LENGTH, TRAILER_FIELD];
    var RSASSAPSSParams = class _RSASSAPSSParams extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.hashAlgorithm = pvutils__namespace.getParametersValue(parameters, HASH_ALGORITHM$4, _RSASSAPSSParams.defaultValues(HASH_ALGORITHM$4));
        this.maskGenAlgorithm = pvutils__namespace.getParametersValue(parameters, MASK_GEN_ALGORITHM$1, _RSASSAPSSParams.defaultValues(MASK_GEN_ALGORITHM$1));
        this.saltLength = pvutils__namespace.getParametersValue(parameters, SALT_LENGTH, _RSASSAPSSParams.defaultValues(SALT_LENGTH));
        this.trailerField = pvutils__namespace.getParametersValue(parameters, TRAILER_FIELD, _RSASSAPSSParams.defaultValues(TRAILER_FIELD));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case HASH_ALGORITHM$4:
            return new AlgorithmIdentifier({
              algorithmId: "1.3.14.3.2.26",
              algorithmParams: new asn1js__namespace.Null()
            });
          case MASK_GEN_ALGORITHM$1:
            return new AlgorithmIdentifier({
              algorithmId: "1.2.840.113549.1.1.8",
              algorithmParams: new AlgorithmIdentifier({
                algorithmId: "1.3.14.3.2.26",
                algorithmParams: new asn1js__namespace.Null()
              }).toSchema()
            });
          case SALT_LENGTH:
            return 20;
          case TRAILER_FIELD:
            return 1;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              optional: true,
              value: [AlgorithmIdentifier.schema(names.hashAlgorithm || {})]
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              optional: true,
              value: [AlgorithmIdentifier.schema(names.maskGenAlgorithm || {})]
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              optional: true,
              value: [new asn1js__namespace.Integer({ name: names.saltLength || EMPTY_STRING })]
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 3
              },
              optional: true,
              value: [new asn1js__namespace.Integer({ name: names.trailerField || EMPTY_STRING })]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$14);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RSASSAPSSParams.schema({
          names: {
            hashAlgorithm: {
              names: {
                blockName: HASH_ALGORITHM$4
              }
            },
            maskGenAlgorithm: {
              names: {
                blockName: MASK_GEN_ALGORITHM$1
              }
            },
            saltLength: SALT_LENGTH,
            trailerField: TRAILER_FIELD
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (HASH_ALGORITHM$4 in asn1.result)
          this.hashAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.hashAlgorithm });
        if (MASK_GEN_ALGORITHM$1 in asn1.result)
          this.maskGenAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.maskGenAlgorithm });
        if (SALT_LENGTH in asn1.result)
          this.saltLength = asn1.result.saltLength.valueBlock.valueDec;
        if (TRAILER_FIELD in asn1.result)
          this.trailerField = asn1.result.trailerField.valueBlock.valueDec;
      }
      toSchema() {
        const outputArray = [];
        if (!this.hashAlgorithm.isEqual(_RSASSAPSSParams.defaultValues(HASH_ALGORITHM$4))) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [this.hashAlgorithm.toSchema()]
          }));
        }
        if (!this.maskGenAlgorithm.isEqual(_RSASSAPSSParams.defaultValues(MASK_GEN_ALGORITHM$1))) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: [this.maskGenAlgorithm.toSchema()]
          }));
        }
        if (this.saltLength !== _RSASSAPSSParams.defaultValues(SALT_LENGTH)) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            },
            value: [new asn1js__namespace.Integer({ value: this.saltLength })]
          }));
        }
        if (this.trailerField !== _RSASSAPSSParams.defaultValues(TRAILER_FIELD)) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 3
            },
            value: [new asn1js__namespace.Integer({ value: this.trailerField })]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {};
        if (!this.hashAlgorithm.isEqual(_RSASSAPSSParams.defaultValues(HASH_ALGORITHM$4))) {
          res.hashAlgorithm = this.hashAlgorithm.toJSON();
        }
        if (!this.maskGenAlgorithm.isEqual(_RSASSAPSSParams.defaultValues(MASK_GEN_ALGORITHM$1))) {
          res.maskGenAlgorithm = this.maskGenAlgorithm.toJSON();
        }
        if (this.saltLength !== _RSASSAPSSParams.defaultValues(SALT_LENGTH)) {
          res.saltLength = this.saltLength;
        }
        if (this.trailerField !== _RSASSAPSSParams.defaultValues(TRAILER_FIELD)) {
          res.trailerField = this.trailerField;
        }
        return res;
      }
    };
    RSASSAPSSParams.CLASS_NAME = "RSASSAPSSParams";
    var SALT = "salt";
    var ITERATION_COUNT = "iterationCount";
    var KEY_LENGTH = "keyLength";
    var PRF = "prf";
    var CLEAR_PROPS$13 = [SALT, ITERATION_COUNT, KEY_LENGTH, PRF];
    var PBKDF2Params = class _PBKDF2Params extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.salt = pvutils__namespace.getParametersValue(parameters, SALT, _PBKDF2Params.defaultValues(SALT));
        this.iterationCount = pvutils__namespace.getParametersValue(parameters, ITERATION_COUNT, _PBKDF2Params.defaultValues(ITERATION_COUNT));
        if (KEY_LENGTH in parameters) {
          this.keyLength = pvutils__namespace.getParametersValue(parameters, KEY_LENGTH, _PBKDF2Params.defaultValues(KEY_LENGTH));
        }
        if (PRF in parameters) {
          this.prf = pvutils__namespace.getParametersValue(parameters, PRF, _PBKDF2Params.defaultValues(PRF));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case SALT:
            return {};
          case ITERATION_COUNT:
            return -1;
          case KEY_LENGTH:
            return 0;
          case PRF:
            return new AlgorithmIdentifier({
              algorithmId: "1.3.14.3.2.26",
              algorithmParams: new asn1js__namespace.Null()
            });
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Choice({
              value: [new asn1js__namespace.OctetString({ name: names.saltPrimitive || EMPTY_STRING }), AlgorithmIdentifier.schema(names.saltConstructed || {})]
            }),
            new asn1js__namespace.Integer({ name: names.iterationCount || EMPTY_STRING }),
            new asn1js__namespace.Integer({
              name: names.keyLength || EMPTY_STRING,
              optional: true
            }),
            AlgorithmIdentifier.schema(names.prf || {
              names: {
                optional: true
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$13);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PBKDF2Params.schema({
          names: {
            saltPrimitive: SALT,
            saltConstructed: {
              names: {
                blockName: SALT
              }
            },
            iterationCount: ITERATION_COUNT,
            keyLength: KEY_LENGTH,
            prf: {
              names: {
                blockName: PRF,
                optional: true
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.salt = asn1.result.salt;
        this.iterationCount = asn1.result.iterationCount.valueBlock.valueDec;
        if (KEY_LENGTH in asn1.result)
          this.keyLength = asn1.result.keyLength.valueBlock.valueDec;
        if (PRF in asn1.result)
          this.prf = new AlgorithmIdentifier({ schema: asn1.result.prf });
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.salt);
        outputArray.push(new asn1js__namespace.Integer({ value: this.iterationCount }));
        if (KEY_LENGTH in this) {
          if (_PBKDF2Params.defaultValues(KEY_LENGTH) !== this.keyLength)
            outputArray.push(new asn1js__namespace.Integer({ value: this.keyLength }));
        }
        if (this.prf) {
          if (_PBKDF2Params.defaultValues(PRF).isEqual(this.prf) === false)
            outputArray.push(this.prf.toSchema());
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          salt: this.salt.toJSON(),
          iterationCount: this.iterationCount
        };
        if (KEY_LENGTH in this) {
          if (_PBKDF2Params.defaultValues(KEY_LENGTH) !== this.keyLength)
            res.keyLength = this.keyLength;
        }
        if (this.prf) {
          if (_PBKDF2Params.defaultValues(PRF).isEqual(this.prf) === false)
            res.prf = this.prf.toJSON();
        }
        return res;
      }
    };
    PBKDF2Params.CLASS_NAME = "PBKDF2Params";
    var KEY_DERIVATION_FUNC = "keyDerivationFunc";
    var ENCRYPTION_SCHEME = "encryptionScheme";
    var CLEAR_PROPS$12 = [KEY_DERIVATION_FUNC, ENCRYPTION_SCHEME];
    var PBES2Params = class _PBES2Params extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.keyDerivationFunc = pvutils__namespace.getParametersValue(parameters, KEY_DERIVATION_FUNC, _PBES2Params.defaultValues(KEY_DERIVATION_FUNC));
        this.encryptionScheme = pvutils__namespace.getParametersValue(parameters, ENCRYPTION_SCHEME, _PBES2Params.defaultValues(ENCRYPTION_SCHEME));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case KEY_DERIVATION_FUNC:
            return new AlgorithmIdentifier();
          case ENCRYPTION_SCHEME:
            return new AlgorithmIdentifier();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [AlgorithmIdentifier.schema(names.keyDerivationFunc || {}), AlgorithmIdentifier.schema(names.encryptionScheme || {})]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$12);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PBES2Params.schema({
          names: {
            keyDerivationFunc: {
              names: {
                blockName: KEY_DERIVATION_FUNC
              }
            },
            encryptionScheme: {
              names: {
                blockName: ENCRYPTION_SCHEME
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.keyDerivationFunc = new AlgorithmIdentifier({ schema: asn1.result.keyDerivationFunc });
        this.encryptionScheme = new AlgorithmIdentifier({ schema: asn1.result.encryptionScheme });
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.keyDerivationFunc.toSchema(), this.encryptionScheme.toSchema()]
        });
      }
      toJSON() {
        return {
          keyDerivationFunc: this.keyDerivationFunc.toJSON(),
          encryptionScheme: this.encryptionScheme.toJSON()
        };
      }
    };
    PBES2Params.CLASS_NAME = "PBES2Params";
    var AbstractCryptoEngine = class {
      constructor(parameters) {
        this.crypto = parameters.crypto;
        this.subtle = "webkitSubtle" in parameters.crypto ? parameters.crypto.webkitSubtle : parameters.crypto.subtle;
        this.name = pvutils__namespace.getParametersValue(parameters, "name", EMPTY_STRING);
      }
      async encrypt(...args) {
        return this.subtle.encrypt(...args);
      }
      async decrypt(...args) {
        return this.subtle.decrypt(...args);
      }
      sign(...args) {
        return this.subtle.sign(...args);
      }
      async verify(...args) {
        return this.subtle.verify(...args);
      }
      async digest(...args) {
        return this.subtle.digest(...args);
      }
      async generateKey(...args) {
        return this.subtle.generateKey(...args);
      }
      async deriveKey(...args) {
        return this.subtle.deriveKey(...args);
      }
      async deriveBits(...args) {
        return this.subtle.deriveBits(...args);
      }
      async wrapKey(...args) {
        return this.subtle.wrapKey(...args);
      }
      async unwrapKey(...args) {
        return this.subtle.unwrapKey(...args);
      }
      exportKey(...args) {
        return this.subtle.exportKey(...args);
      }
      importKey(...args) {
        return this.subtle.importKey(...args);
      }
      getRandomValues(array) {
        if (array === null) {
          throw new Error('Argument "array" must not be null');
        }
        return this.crypto.getRandomValues(array);
      }
    };
    async function makePKCS12B2Key(hashAlgorithm, keyLength, password, salt, iterationCount) {
      let u;
      let v;
      let md;
      switch (hashAlgorithm.toUpperCase()) {
        case "SHA-1":
          u = 20;
          v = 64;
          md = sha1.sha1;
          break;
        case "SHA-256":
          u = 32;
          v = 64;
          md = sha2.sha256;
          break;
        case "SHA-384":
          u = 48;
          v = 128;
          md = sha2.sha384;
          break;
        case "SHA-512":
          u = 64;
          v = 128;
          md = sha2.sha512;
          break;
        default:
          throw new Error("Unsupported hashing algorithm");
      }
      const originalPassword = new Uint8Array(password);
      let decodedPassword = new TextDecoder().decode(password);
      const encodedPassword = new TextEncoder().encode(decodedPassword);
      if (encodedPassword.some((byte, i) => byte !== originalPassword[i])) {
        decodedPassword = String.fromCharCode(...originalPassword);
      }
      const passwordTransformed = new Uint8Array(decodedPassword.length * 2 + 2);
      const passwordView = new DataView(passwordTransformed.buffer);
      for (let i = 0; i < decodedPassword.length; i++) {
        passwordView.setUint16(i * 2, decodedPassword.charCodeAt(i), false);
      }
      passwordView.setUint16(decodedPassword.length * 2, 0, false);
      const D = new Uint8Array(v).fill(3);
      const saltView = new Uint8Array(salt);
      const S = new Uint8Array(v * Math.ceil(saltView.length / v)).map((_, i) => saltView[i % saltView.length]);
      const P = new Uint8Array(v * Math.ceil(passwordTransformed.length / v)).map((_, i) => passwordTransformed[i % passwordTransformed.length]);
      let I = new Uint8Array(S.length + P.length);
      I.set(S);
      I.set(P, S.length);
      const c = Math.ceil((keyLength >> 3) / u);
      const result = [];
      for (let i = 0; i < c; i++) {
        let A = new Uint8Array(D.length + I.length);
        A.set(D);
        A.set(I, D.length);
        for (let j = 0; j < iterationCount; j++) {
          A = md(A);
        }
        const B = new Uint8Array(v).map((_, i2) => A[i2 % A.length]);
        const k = Math.ceil(saltView.length / v) + Math.ceil(passwordTransformed.length / v);
        const iRound = [];
        for (let j = 0; j < k; j++) {
          const chunk = Array.from(I.slice(j * v, (j + 1) * v));
          let x = 511;
          for (let l = B.length - 1; l >= 0; l--) {
            x >>= 8;
            x += B[l] + (chunk[l] || 0);
            chunk[l] = x & 255;
          }
          iRound.push(...chunk);
        }
        I = new Uint8Array(iRound);
        result.push(...A);
      }
      return new Uint8Array(result.slice(0, keyLength >> 3)).buffer;
    }
    function prepareAlgorithm(data) {
      const res = typeof data === "string" ? { name: data } : data;
      if ("hash" in res) {
        return {
          ...res,
          hash: prepareAlgorithm(res.hash)
        };
      }
      return res;
    }
    var CryptoEngine = class extends AbstractCryptoEngine {
      async importKey(format, keyData, algorithm, extractable, keyUsages) {
        var _a2, _b, _c, _d, _e, _f;
        let jwk = {};
        const alg = prepareAlgorithm(algorithm);
        switch (format.toLowerCase()) {
          case "raw":
            return this.subtle.importKey("raw", keyData, algorithm, extractable, keyUsages);
          case "spki":
            {
              const asn1 = asn1js__namespace.fromBER(pvtsutils__namespace.BufferSourceConverter.toArrayBuffer(keyData));
              AsnError.assert(asn1, "keyData");
              const publicKeyInfo = new PublicKeyInfo();
              try {
                publicKeyInfo.fromSchema(asn1.result);
              } catch {
                throw new ArgumentError("Incorrect keyData");
              }
              switch (alg.name.toUpperCase()) {
                case "RSA-PSS":
                  {
                    keyUsages = ["verify"];
                    jwk.kty = "RSA";
                    jwk.ext = extractable;
                    jwk.key_ops = keyUsages;
                    if (!["1.2.840.113549.1.1.1", "1.2.840.113549.1.1.10"].includes(publicKeyInfo.algorithm.algorithmId))
                      throw new Error(`Incorrect public key algorithm: ${publicKeyInfo.algorithm.algorithmId}`);
                    if (!alg.hash) {
                      throw new ParameterError("hash", "algorithm.hash", "Incorrect hash algorithm: Hash algorithm is missed");
                    }
                    switch (alg.hash.name.toUpperCase()) {
                      case "SHA-1":
                        jwk.alg = "PS1";
                        break;
                      case "SHA-256":
                        jwk.alg = "PS256";
                        break;
                      case "SHA-384":
                        jwk.alg = "PS384";
                        break;
                      case "SHA-512":
                        jwk.alg = "PS512";
                        break;
                      default:
                        throw new Error(`Incorrect hash algorithm: ${alg.hash.name.toUpperCase()}`);
                    }
                    const rsaPssPublicKeyJSON = publicKeyInfo.toJSON();
                    Object.assign(jwk, rsaPssPublicKeyJSON);
                  }
                  break;
                case "RSASSA-PKCS1-V1_5":
                  {
                    keyUsages = ["verify"];
                    jwk.kty = "RSA";
                    jwk.ext = extractable;
                    jwk.key_ops = keyUsages;
                    if (publicKeyInfo.algorithm.algorithmId !== "1.2.840.113549.1.1.1")
                      throw new Error(`Incorrect public key algorithm: ${publicKeyInfo.algorithm.algorithmId}`);
                    if (!alg.hash) {
                      throw new ParameterError("hash", "algorithm.hash", "Incorrect hash algorithm: Hash algorithm is missed");
                    }
                    switch (alg.hash.name.toUpperCase()) {
                      case "SHA-1":
                        jwk.alg = "RS1";
                        break;
                      case "SHA-256":
                        jwk.alg = "RS256";
                        break;
                      case "SHA-384":
                        jwk.alg = "RS384";
                        break;
                      case "SHA-512":
                        jwk.alg = "RS512";
                        break;
                      default:
                        throw new Error(`Incorrect hash algorithm: ${alg.hash.name.toUpperCase()}`);
                    }
                    const rsaPublicKeyJSON = publicKeyInfo.toJSON();
                    Object.assign(jwk, rsaPublicKeyJSON);
                  }
                  break;
                case "ECDSA":
                  keyUsages = ["verify"];
                case "ECDH":
                  {
                    jwk = {
                      kty: "EC",
                      ext: extractable,
                      key_ops: keyUsages
                    };
                    if (publicKeyInfo.algorithm.algorithmId !== "1.2.840.10045.2.1") {
                      throw new Error(`Incorrect public key algorithm: ${publicKeyInfo.algorithm.algorithmId}`);
                    }
                    const publicKeyJSON = publicKeyInfo.toJSON();
                    Object.assign(jwk, publicKeyJSON);
                  }
                  break;
                case "RSA-OAEP":
                  {
                    jwk.kty = "RSA";
                    jwk.ext = extractable;
                    jwk.key_ops = keyUsages;
                    if (this.name.toLowerCase() === "safari")
                      jwk.alg = "RSA-OAEP";
                    else {
                      if (!alg.hash) {
                        throw new ParameterError("hash", "algorithm.hash", "Incorrect hash algorithm: Hash algorithm is missed");
                      }
                      switch (alg.hash.name.toUpperCase()) {
                        case "SHA-1":
                          jwk.alg = "RSA-OAEP";
                          break;
                        case "SHA-256":
                          jwk.alg = "RSA-OAEP-256";
                          break;
                        case "SHA-384":
                          jwk.alg = "RSA-OAEP-384";
                          break;
                        case "SHA-512":
                          jwk.alg = "RSA-OAEP-512";
                          break;
                        default:
                          throw new Error(`Incorrect hash algorithm: ${alg.hash.name.toUpperCase()}`);
                      }
                    }
                    const publicKeyJSON = publicKeyInfo.toJSON();
                    Object.assign(jwk, publicKeyJSON);
                  }
                  break;
                case "RSAES-PKCS1-V1_5":
                  {
                    jwk.kty = "RSA";
                    jwk.ext = extractable;
                    jwk.key_ops = keyUsages;
                    jwk.alg = "PS1";
                    const publicKeyJSON = publicKeyInfo.toJSON();
                    Object.assign(jwk, publicKeyJSON);
                  }
                  break;
                default:
                  throw new Error(`Incorrect algorithm name: ${alg.name.toUpperCase()}`);
              }
            }
            break;
          case "pkcs8":
            {
              const privateKeyInfo = new PrivateKeyInfo();
              const asn1 = asn1js__namespace.fromBER(pvtsutils__namespace.BufferSourceConverter.toArrayBuffer(keyData));
              AsnError.assert(asn1, "keyData");
              try {
                privateKeyInfo.fromSchema(asn1.result);
              } catch {
                throw new Error("Incorrect keyData");
              }
              if (!privateKeyInfo.parsedKey)
                throw new Error("Incorrect keyData");
              switch (alg.name.toUpperCase()) {
                case "RSA-PSS": {
                  switch ((_a2 = alg.hash) === null || _a2 === void 0 ? void 0 : _a2.name.toUpperCase()) {
                    case "SHA-1":
                      jwk.alg = "PS1";
                      break;
                    case "SHA-256":
                      jwk.alg = "PS256";
                      break;
                    case "SHA-384":
                      jwk.alg = "PS384";
                      break;
                    case "SHA-512":
                      jwk.alg = "PS512";
                      break;
                    default:
                      throw new Error(`Incorrect hash algorithm: ${(_b = alg.hash) === null || _b === void 0 ? void 0 : _b.name.toUpperCase()}`);
                  }
                }
                case "RSASSA-PKCS1-V1_5":
                  {
                    keyUsages = ["sign"];
                    jwk.kty = "RSA";
                    jwk.ext = extractable;
                    jwk.key_ops = keyUsages;
                    if (privateKeyInfo.privateKeyAlgorithm.algorithmId !== "1.2.840.113549.1.1.1")
                      throw new Error(`Incorrect private key algorithm: ${privateKeyInfo.privateKeyAlgorithm.algorithmId}`);
                    if ("alg" in jwk === false) {
                      switch ((_c = alg.hash) === null || _c === void 0 ? void 0 : _c.name.toUpperCase()) {
                        case "SHA-1":
                          jwk.alg = "RS1";
                          break;
                        case "SHA-256":
                          jwk.alg = "RS256";
                          break;
                        case "SHA-384":
                          jwk.alg = "RS384";
                          break;
                        case "SHA-512":
                          jwk.alg = "RS512";
                          break;
                        default:
                          throw new Error(`Incorrect hash algorithm: ${(_d = alg.hash) === null || _d === void 0 ? void 0 : _d.name.toUpperCase()}`);
                      }
                    }
                    const privateKeyJSON = privateKeyInfo.toJSON();
                    Object.assign(jwk, privateKeyJSON);
                  }
                  break;
                case "ECDSA":
                  keyUsages = ["sign"];
                case "ECDH":
                  {
                    jwk = {
                      kty: "EC",
                      ext: extractable,
                      key_ops: keyUsages
                    };
                    if (privateKeyInfo.privateKeyAlgorithm.algorithmId !== "1.2.840.10045.2.1")
                      throw new Error(`Incorrect algorithm: ${privateKeyInfo.privateKeyAlgorithm.algorithmId}`);
                    const privateKeyJSON = privateKeyInfo.toJSON();
                    Object.assign(jwk, privateKeyJSON);
                  }
                  break;
                case "RSA-OAEP":
                  {
                    jwk.kty = "RSA";
                    jwk.ext = extractable;
                    jwk.key_ops = keyUsages;
                    if (this.name.toLowerCase() === "safari")
                      jwk.alg = "RSA-OAEP";
                    else {
                      switch ((_e = alg.hash) === null || _e === void 0 ? void 0 : _e.name.toUpperCase()) {
                        case "SHA-1":
                          jwk.alg = "RSA-OAEP";
                          break;
                        case "SHA-256":
                          jwk.alg = "RSA-OAEP-256";
                          break;
                        case "SHA-384":
                          jwk.alg = "RSA-OAEP-384";
                          break;
                        case "SHA-512":
                          jwk.alg = "RSA-OAEP-512";
                          break;
                        default:
                          throw new Error(`Incorrect hash algorithm: ${(_f = alg.hash) === null || _f === void 0 ? void 0 : _f.name.toUpperCase()}`);
                      }
                    }
                    const privateKeyJSON = privateKeyInfo.toJSON();
                    Object.assign(jwk, privateKeyJSON);
                  }
                  break;
                case "RSAES-PKCS1-V1_5":
                  {
                    keyUsages = ["decrypt"];
                    jwk.kty = "RSA";
                    jwk.ext = extractable;
                    jwk.key_ops = keyUsages;
                    jwk.alg = "PS1";
                    const privateKeyJSON = privateKeyInfo.toJSON();
                    Object.assign(jwk, privateKeyJSON);
                  }
                  break;
                default:
                  throw new Error(`Incorrect algorithm name: ${alg.name.toUpperCase()}`);
              }
            }
            break;
          case "jwk":
            jwk = keyData;
            break;
          default:
            throw new Error(`Incorrect format: ${format}`);
        }
        if (this.name.toLowerCase() === "safari") {
          try {
            return this.subtle.importKey("jwk", pvutils__namespace.stringToArrayBuffer(JSON.stringify(jwk)), algorithm, extractable, keyUsages);
          } catch {
            return this.subtle.importKey("jwk", jwk, algorithm, extractable, keyUsages);
          }
        }
        return this.subtle.importKey("jwk", jwk, algorithm, extractable, keyUsages);
      }
      async exportKey(format, key) {
        let jwk = await this.subtle.exportKey("jwk", key);
        if (this.name.toLowerCase() === "safari") {
          if (jwk instanceof ArrayBuffer) {
            jwk = JSON.parse(pvutils__namespace.arrayBufferToString(jwk));
          }
        }
        switch (format.toLowerCase()) {
          case "raw":
            return this.subtle.exportKey("raw", key);
          case "spki": {
            const publicKeyInfo = new PublicKeyInfo();
            try {
              publicKeyInfo.fromJSON(jwk);
            } catch {
              throw new Error("Incorrect key data");
            }
            return publicKeyInfo.toSchema().toBER(false);
          }
          case "pkcs8": {
            const privateKeyInfo = new PrivateKeyInfo();
            try {
              privateKeyInfo.fromJSON(jwk);
            } catch {
              throw new Error("Incorrect key data");
            }
            return privateKeyInfo.toSchema().toBER(false);
          }
          case "jwk":
            return jwk;
          default:
            throw new Error(`Incorrect format: ${format}`);
        }
      }
      async convert(inputFormat, outputFormat, keyData, algorithm, extractable, keyUsages) {
        if (inputFormat.toLowerCase() === outputFormat.toLowerCase()) {
          return keyData;
        }
        const key = await this.importKey(inputFormat, keyData, algorithm, extractable, keyUsages);
        return this.exportKey(outputFormat, key);
      }
      getAlgorithmByOID(oid, safety = false, target) {
        switch (oid) {
          case "1.2.840.113549.1.1.1":
            return {
              name: "RSAES-PKCS1-v1_5"
            };
          case "1.2.840.113549.1.1.5":
            return {
              name: "RSASSA-PKCS1-v1_5",
              hash: {
                name: "SHA-1"
              }
            };
          case "1.2.840.113549.1.1.11":
            return {
              name: "RSASSA-PKCS1-v1_5",
              hash: {
                name: "SHA-256"
              }
            };
          case "1.2.840.113549.1.1.12":
            return {
              name: "RSASSA-PKCS1-v1_5",
              hash: {
                name: "SHA-384"
              }
            };
          case "1.2.840.113549.1.1.13":
            return {
              name: "RSASSA-PKCS1-v1_5",
              hash: {
                name: "SHA-512"
              }
            };
          case "1.2.840.113549.1.1.10":
            return {
              name: "RSA-PSS"
            };
          case "1.2.840.113549.1.1.7":
            return {
              name: "RSA-OAEP"
            };
          case "1.2.840.10045.2.1":
          case "1.2.840.10045.4.1":
            return {
              name: "ECDSA",
              hash: {
                name: "SHA-1"
              }
            };
          case "1.2.840.10045.4.3.2":
            return {
              name: "ECDSA",
              hash: {
                name: "SHA-256"
              }
            };
          case "1.2.840.10045.4.3.3":
            return {
              name: "ECDSA",
              hash: {
                name: "SHA-384"
              }
            };
          case "1.2.840.10045.4.3.4":
            return {
              name: "ECDSA",
              hash: {
                name: "SHA-512"
              }
            };
          case "1.3.133.16.840.63.0.2":
            return {
              name: "ECDH",
              kdf: "SHA-1"
            };
          case "1.3.132.1.11.1":
            return {
              name: "ECDH",
              kdf: "SHA-256"
            };
          case "1.3.132.1.11.2":
            return {
              name: "ECDH",
              kdf: "SHA-384"
            };
          case "1.3.132.1.11.3":
            return {
              name: "ECDH",
              kdf: "SHA-512"
            };
          case "2.16.840.1.101.3.4.1.2":
            return {
              name: "AES-CBC",
              length: 128
            };
          case "2.16.840.1.101.3.4.1.22":
            return {
              name: "AES-CBC",
              length: 192
            };
          case "2.16.840.1.101.3.4.1.42":
            return {
              name: "AES-CBC",
              length: 256
            };
          case "2.16.840.1.101.3.4.1.6":
            return {
              name: "AES-GCM",
              length: 128
            };
          case "2.16.840.1.101.3.4.1.26":
            return {
              name: "AES-GCM",
              length: 192
            };
          case "2.16.840.1.101.3.4.1.46":
            return {
              name: "AES-GCM",
              length: 256
            };
          case "2.16.840.1.101.3.4.1.4":
            return {
              name: "AES-CFB",
              length: 128
            };
          case "2.16.840.1.101.3.4.1.24":
            return {
              name: "AES-CFB",
              length: 192
            };
          case "2.16.840.1.101.3.4.1.44":
            return {
              name: "AES-CFB",
              length: 256
            };
          case "2.16.840.1.101.3.4.1.5":
            return {
              name: "AES-KW",
              length: 128
            };
          case "2.16.840.1.101.3.4.1.25":
            return {
              name: "AES-KW",
              length: 192
            };
          case "2.16.840.1.101.3.4.1.45":
            return {
              name: "AES-KW",
              length: 256
            };
          case "1.2.840.113549.2.7":
            return {
              name: "HMAC",
              hash: {
                name: "SHA-1"
              }
            };
          case "1.2.840.113549.2.9":
            return {
              name: "HMAC",
              hash: {
                name: "SHA-256"
              }
            };
          case "1.2.840.113549.2.10":
            return {
              name: "HMAC",
              hash: {
                name: "SHA-384"
              }
            };
          case "1.2.840.113549.2.11":
            return {
              name: "HMAC",
              hash: {
                name: "SHA-512"
              }
            };
          case "1.2.840.113549.1.9.16.3.5":
            return {
              name: "DH"
            };
          case "1.3.14.3.2.26":
            return {
              name: "SHA-1"
            };
          case "2.16.840.1.101.3.4.2.1":
            return {
              name: "SHA-256"
            };
          case "2.16.840.1.101.3.4.2.2":
            return {
              name: "SHA-384"
            };
          case "2.16.840.1.101.3.4.2.3":
            return {
              name: "SHA-512"
            };
          case "1.2.840.113549.1.5.12":
            return {
              name: "PBKDF2"
            };
          case "1.2.840.10045.3.1.7":
            return {
              name: "P-256"
            };
          case "1.3.132.0.34":
            return {
              name: "P-384"
            };
          case "1.3.132.0.35":
            return {
              name: "P-521"
            };
        }
        if (safety) {
          throw new Error(`Unsupported algorithm identifier ${target ? `for ${target} ` : EMPTY_STRING}: ${oid}`);
        }
        return {};
      }
      getOIDByAlgorithm(algorithm, safety = false, target) {
        let result = EMPTY_STRING;
        switch (algorithm.name.toUpperCase()) {
          case "RSAES-PKCS1-V1_5":
            result = "1.2.840.113549.1.1.1";
            break;
          case "RSASSA-PKCS1-V1_5":
            switch (algorithm.hash.name.toUpperCase()) {
              case "SHA-1":
                result = "1.2.840.113549.1.1.5";
                break;
              case "SHA-256":
                result = "1.2.840.113549.1.1.11";
                break;
              case "SHA-384":
                result = "1.2.840.113549.1.1.12";
                break;
              case "SHA-512":
                result = "1.2.840.113549.1.1.13";
                break;
            }
            break;
          case "RSA-PSS":
            result = "1.2.840.113549.1.1.10";
            break;
          case "RSA-OAEP":
            result = "1.2.840.113549.1.1.7";
            break;
          case "ECDSA":
            switch (algorithm.hash.name.toUpperCase()) {
              case "SHA-1":
                result = "1.2.840.10045.4.1";
                break;
              case "SHA-256":
                result = "1.2.840.10045.4.3.2";
                break;
              case "SHA-384":
                result = "1.2.840.10045.4.3.3";
                break;
              case "SHA-512":
                result = "1.2.840.10045.4.3.4";
                break;
            }
            break;
          case "ECDH":
            switch (algorithm.kdf.toUpperCase()) {
              case "SHA-1":
                result = "1.3.133.16.840.63.0.2";
                break;
              case "SHA-256":
                result = "1.3.132.1.11.1";
                break;
              case "SHA-384":
                result = "1.3.132.1.11.2";
                break;
              case "SHA-512":
                result = "1.3.132.1.11.3";
                break;
            }
            break;
          case "AES-CTR":
            break;
          case "AES-CBC":
            switch (algorithm.length) {
              case 128:
                result = "2.16.840.1.101.3.4.1.2";
                break;
              case 192:
                result = "2.16.840.1.101.3.4.1.22";
                break;
              case 256:
                result = "2.16.840.1.101.3.4.1.42";
                break;
            }
            break;
          case "AES-CMAC":
            break;
          case "AES-GCM":
            switch (algorithm.length) {
              case 128:
                result = "2.16.840.1.101.3.4.1.6";
                break;
              case 192:
                result = "2.16.840.1.101.3.4.1.26";
                break;
              case 256:
                result = "2.16.840.1.101.3.4.1.46";
                break;
            }
            break;
          case "AES-CFB":
            switch (algorithm.length) {
              case 128:
                result = "2.16.840.1.101.3.4.1.4";
                break;
              case 192:
                result = "2.16.840.1.101.3.4.1.24";
                break;
              case 256:
                result = "2.16.840.1.101.3.4.1.44";
                break;
            }
            break;
          case "AES-KW":
            switch (algorithm.length) {
              case 128:
                result = "2.16.840.1.101.3.4.1.5";
                break;
              case 192:
                result = "2.16.840.1.101.3.4.1.25";
                break;
              case 256:
                result = "2.16.840.1.101.3.4.1.45";
                break;
            }
            break;
          case "HMAC":
            switch (algorithm.hash.name.toUpperCase()) {
              case "SHA-1":
                result = "1.2.840.113549.2.7";
                break;
              case "SHA-256":
                result = "1.2.840.113549.2.9";
                break;
              case "SHA-384":
                result = "1.2.840.113549.2.10";
                break;
              case "SHA-512":
                result = "1.2.840.113549.2.11";
                break;
            }
            break;
          case "DH":
            result = "1.2.840.113549.1.9.16.3.5";
            break;
          case "SHA-1":
            result = "1.3.14.3.2.26";
            break;
          case "SHA-256":
            result = "2.16.840.1.101.3.4.2.1";
            break;
          case "SHA-384":
            result = "2.16.840.1.101.3.4.2.2";
            break;
          case "SHA-512":
            result = "2.16.840.1.101.3.4.2.3";
            break;
          case "CONCAT":
            break;
          case "HKDF":
            break;
          case "PBKDF2":
            result = "1.2.840.113549.1.5.12";
            break;
          case "P-256":
            result = "1.2.840.10045.3.1.7";
            break;
          case "P-384":
            result = "1.3.132.0.34";
            break;
          case "P-521":
            result = "1.3.132.0.35";
            break;
        }
        if (!result && safety) {
          throw new Error(`Unsupported algorithm ${target ? `for ${target} ` : EMPTY_STRING}: ${algorithm.name}`);
        }
        return result;
      }
      getAlgorithmParameters(algorithmName, operation) {
        let result = {
          algorithm: {},
          usages: []
        };
        switch (algorithmName.toUpperCase()) {
          case "RSAES-PKCS1-V1_5":
          case "RSASSA-PKCS1-V1_5":
            switch (operation.toLowerCase()) {
              case "generatekey":
                result = {
                  algorithm: {
                    name: "RSASSA-PKCS1-v1_5",
                    modulusLength: 2048,
                    publicExponent: new Uint8Array([1, 0, 1]),
                    hash: {
                      name: "SHA-256"
                    }
                  },
                  usages: ["sign", "verify"]
                };
                break;
              case "verify":
              case "sign":
              case "importkey":
                result = {
                  algorithm: {
                    name: "RSASSA-PKCS1-v1_5",
                    hash: {
                      name: "SHA-256"
                    }
                  },
                  usages: ["verify"]
                };
                break;
              case "exportkey":
              default:
                return {
                  algorithm: {
                    name: "RSASSA-PKCS1-v1_5"
                  },
                  usages: []
                };
            }
            break;
          case "RSA-PSS":
            switch (operation.toLowerCase()) {
              case "sign":
              case "verify":
                result = {
                  algorithm: {
                    name: "RSA-PSS",
                    hash: {
                      name: "SHA-1"
                    },
                    saltLength: 20
                  },
                  usages: ["sign", "verify"]
                };
                break;
              case "generatekey":
                result = {
                  algorithm: {
                    name: "RSA-PSS",
                    modulusLength: 2048,
                    publicExponent: new Uint8Array([1, 0, 1]),
                    hash: {
                      name: "SHA-1"
                    }
                  },
                  usages: ["sign", "verify"]
                };
                break;
              case "importkey":
                result = {
                  algorithm: {
                    name: "RSA-PSS",
                    hash: {
                      name: "SHA-1"
                    }
                  },
                  usages: ["verify"]
                };
                break;
              case "exportkey":
              default:
                return {
                  algorithm: {
                    name: "RSA-PSS"
                  },
                  usages: []
                };
            }
            break;
          case "RSA-OAEP":
            switch (operation.toLowerCase()) {
              case "encrypt":
              case "decrypt":
                result = {
                  algorithm: {
                    name: "RSA-OAEP"
                  },
                  usages: ["encrypt", "decrypt"]
                };
                break;
              case "generatekey":
                result = {
                  algorithm: {
                    name: "RSA-OAEP",
                    modulusLength: 2048,
                    publicExponent: new Uint8Array([1, 0, 1]),
                    hash: {
                      name: "SHA-256"
                    }
                  },
                  usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
                };
                break;
              case "importkey":
                result = {
                  algorithm: {
                    name: "RSA-OAEP",
                    hash: {
                      name: "SHA-256"
                    }
                  },
                  usages: ["encrypt"]
                };
                break;
              case "exportkey":
              default:
                return {
                  algorithm: {
                    name: "RSA-OAEP"
                  },
                  usages: []
                };
            }
            break;
          case "ECDSA":
            switch (operation.toLowerCase()) {
              case "generatekey":
                result = {
                  algorithm: {
                    name: "ECDSA",
                    namedCurve: "P-256"
                  },
                  usages: ["sign", "verify"]
                };
                break;
              case "importkey":
                result = {
                  algorithm: {
                    name: "ECDSA",
                    namedCurve: "P-256"
                  },
                  usages: ["verify"]
                };
                break;
              case "verify":
              case "sign":
                result = {
                  algorithm: {
                    name: "ECDSA",
                    hash: {
                      name: "SHA-256"
                    }
                  },
                  usages: ["sign"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "ECDSA"
                  },
                  usages: []
                };
            }
            break;
          case "ECDH":
            switch (operation.toLowerCase()) {
              case "exportkey":
              case "importkey":
              case "generatekey":
                result = {
                  algorithm: {
                    name: "ECDH",
                    namedCurve: "P-256"
                  },
                  usages: ["deriveKey", "deriveBits"]
                };
                break;
              case "derivekey":
              case "derivebits":
                result = {
                  algorithm: {
                    name: "ECDH",
                    namedCurve: "P-256",
                    public: []
                  },
                  usages: ["encrypt", "decrypt"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "ECDH"
                  },
                  usages: []
                };
            }
            break;
          case "AES-CTR":
            switch (operation.toLowerCase()) {
              case "importkey":
              case "exportkey":
              case "generatekey":
                result = {
                  algorithm: {
                    name: "AES-CTR",
                    length: 256
                  },
                  usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
                };
                break;
              case "decrypt":
              case "encrypt":
                result = {
                  algorithm: {
                    name: "AES-CTR",
                    counter: new Uint8Array(16),
                    length: 10
                  },
                  usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "AES-CTR"
                  },
                  usages: []
                };
            }
            break;
          case "AES-CBC":
            switch (operation.toLowerCase()) {
              case "importkey":
              case "exportkey":
              case "generatekey":
                result = {
                  algorithm: {
                    name: "AES-CBC",
                    length: 256
                  },
                  usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
                };
                break;
              case "decrypt":
              case "encrypt":
                result = {
                  algorithm: {
                    name: "AES-CBC",
                    iv: this.getRandomValues(new Uint8Array(16))
                  },
                  usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "AES-CBC"
                  },
                  usages: []
                };
            }
            break;
          case "AES-GCM":
            switch (operation.toLowerCase()) {
              case "importkey":
              case "exportkey":
              case "generatekey":
                result = {
                  algorithm: {
                    name: "AES-GCM",
                    length: 256
                  },
                  usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
                };
                break;
              case "decrypt":
              case "encrypt":
                result = {
                  algorithm: {
                    name: "AES-GCM",
                    iv: this.getRandomValues(new Uint8Array(16))
                  },
                  usages: ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "AES-GCM"
                  },
                  usages: []
                };
            }
            break;
          case "AES-KW":
            switch (operation.toLowerCase()) {
              case "importkey":
              case "exportkey":
              case "generatekey":
              case "wrapkey":
              case "unwrapkey":
                result = {
                  algorithm: {
                    name: "AES-KW",
                    length: 256
                  },
                  usages: ["wrapKey", "unwrapKey"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "AES-KW"
                  },
                  usages: []
                };
            }
            break;
          case "HMAC":
            switch (operation.toLowerCase()) {
              case "sign":
              case "verify":
                result = {
                  algorithm: {
                    name: "HMAC"
                  },
                  usages: ["sign", "verify"]
                };
                break;
              case "importkey":
              case "exportkey":
              case "generatekey":
                result = {
                  algorithm: {
                    name: "HMAC",
                    length: 32,
                    hash: {
                      name: "SHA-256"
                    }
                  },
                  usages: ["sign", "verify"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "HMAC"
                  },
                  usages: []
                };
            }
            break;
          case "HKDF":
            switch (operation.toLowerCase()) {
              case "derivekey":
                result = {
                  algorithm: {
                    name: "HKDF",
                    hash: "SHA-256",
                    salt: new Uint8Array([]),
                    info: new Uint8Array([])
                  },
                  usages: ["encrypt", "decrypt"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "HKDF"
                  },
                  usages: []
                };
            }
            break;
          case "PBKDF2":
            switch (operation.toLowerCase()) {
              case "derivekey":
                result = {
                  algorithm: {
                    name: "PBKDF2",
                    hash: { name: "SHA-256" },
                    salt: new Uint8Array([]),
                    iterations: 1e4
                  },
                  usages: ["encrypt", "decrypt"]
                };
                break;
              default:
                return {
                  algorithm: {
                    name: "PBKDF2"
                  },
                  usages: []
                };
            }
            break;
        }
        return result;
      }
      getHashAlgorithm(signatureAlgorithm) {
        let result = EMPTY_STRING;
        switch (signatureAlgorithm.algorithmId) {
          case "1.2.840.10045.4.1":
          case "1.2.840.113549.1.1.5":
            result = "SHA-1";
            break;
          case "1.2.840.10045.4.3.2":
          case "1.2.840.113549.1.1.11":
            result = "SHA-256";
            break;
          case "1.2.840.10045.4.3.3":
          case "1.2.840.113549.1.1.12":
            result = "SHA-384";
            break;
          case "1.2.840.10045.4.3.4":
          case "1.2.840.113549.1.1.13":
            result = "SHA-512";
            break;
          case "1.2.840.113549.1.1.10":
            {
              try {
                const params = new RSASSAPSSParams({ schema: signatureAlgorithm.algorithmParams });
                if (params.hashAlgorithm) {
                  const algorithm = this.getAlgorithmByOID(params.hashAlgorithm.algorithmId);
                  if ("name" in algorithm) {
                    result = algorithm.name;
                  } else {
                    return EMPTY_STRING;
                  }
                } else
                  result = "SHA-1";
              } catch {
              }
            }
            break;
        }
        return result;
      }
      async encryptEncryptedContentInfo(parameters) {
        ParameterError.assert(parameters, "password", "contentEncryptionAlgorithm", "hmacHashAlgorithm", "iterationCount", "contentToEncrypt", "contentToEncrypt", "contentType");
        const contentEncryptionOID = this.getOIDByAlgorithm(parameters.contentEncryptionAlgorithm, true, "contentEncryptionAlgorithm");
        const pbkdf2OID = this.getOIDByAlgorithm({
          name: "PBKDF2"
        }, true, "PBKDF2");
        const hmacOID = this.getOIDByAlgorithm({
          name: "HMAC",
          hash: {
            name: parameters.hmacHashAlgorithm
          }
        }, true, "hmacHashAlgorithm");
        const ivBuffer = new ArrayBuffer(16);
        const ivView = new Uint8Array(ivBuffer);
        this.getRandomValues(ivView);
        const saltBuffer = new ArrayBuffer(64);
        const saltView = new Uint8Array(saltBuffer);
        this.getRandomValues(saltView);
        const contentView = new Uint8Array(parameters.contentToEncrypt);
        const pbkdf2Params = new PBKDF2Params({
          salt: new asn1js__namespace.OctetString({ valueHex: saltBuffer }),
          iterationCount: parameters.iterationCount,
          prf: new AlgorithmIdentifier({
            algorithmId: hmacOID,
            algorithmParams: new asn1js__namespace.Null()
          })
        });
        const passwordView = new Uint8Array(parameters.password);
        const pbkdfKey = await this.importKey("raw", passwordView, "PBKDF2", false, ["deriveKey"]);
        const derivedKey = await this.deriveKey({
          name: "PBKDF2",
          hash: {
            name: parameters.hmacHashAlgorithm
          },
          salt: saltView,
          iterations: parameters.iterationCount
        }, pbkdfKey, parameters.contentEncryptionAlgorithm, false, ["encrypt"]);
        const encryptedData = await this.encrypt({
          name: parameters.contentEncryptionAlgorithm.name,
          iv: ivView
        }, derivedKey, contentView);
        const pbes2Parameters = new PBES2Params({
          keyDerivationFunc: new AlgorithmIdentifier({
            algorithmId: pbkdf2OID,
            algorithmParams: pbkdf2Params.toSchema()
          }),
          encryptionScheme: new AlgorithmIdentifier({
            algorithmId: contentEncryptionOID,
            algorithmParams: new asn1js__namespace.OctetString({ valueHex: ivBuffer })
          })
        });
        return new EncryptedContentInfo({
          contentType: parameters.contentType,
          contentEncryptionAlgorithm: new AlgorithmIdentifier({
            algorithmId: "1.2.840.113549.1.5.13",
            algorithmParams: pbes2Parameters.toSchema()
          }),
          encryptedContent: new asn1js__namespace.OctetString({ valueHex: encryptedData })
        });
      }
      async decryptEncryptedContentInfo(parameters) {
        ParameterError.assert(parameters, "password", "encryptedContentInfo");
        if (parameters.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId !== "1.2.840.113549.1.5.13")
          throw new Error(`Unknown "contentEncryptionAlgorithm": ${parameters.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId}`);
        let pbes2Parameters;
        try {
          pbes2Parameters = new PBES2Params({
            schema: parameters.encryptedContentInfo.contentEncryptionAlgorithm.algorithmParams
          });
        } catch {
          throw new Error('Incorrectly encoded "pbes2Parameters"');
        }
        let pbkdf2Params;
        try {
          pbkdf2Params = new PBKDF2Params({
            schema: pbes2Parameters.keyDerivationFunc.algorithmParams
          });
        } catch {
          throw new Error('Incorrectly encoded "pbkdf2Params"');
        }
        const contentEncryptionAlgorithm = this.getAlgorithmByOID(pbes2Parameters.encryptionScheme.algorithmId, true);
        const ivBuffer = pbes2Parameters.encryptionScheme.algorithmParams.valueBlock.valueHex;
        const ivView = new Uint8Array(ivBuffer);
        const saltBuffer = pbkdf2Params.salt.valueBlock.valueHex;
        const saltView = new Uint8Array(saltBuffer);
        const iterationCount = pbkdf2Params.iterationCount;
        let hmacHashAlgorithm = "SHA-1";
        if (pbkdf2Params.prf) {
          const algorithm = this.getAlgorithmByOID(pbkdf2Params.prf.algorithmId, true);
          hmacHashAlgorithm = algorithm.hash.name;
        }
        const pbkdfKey = await this.importKey("raw", parameters.password, "PBKDF2", false, ["deriveKey"]);
        const result = await this.deriveKey({
          name: "PBKDF2",
          hash: {
            name: hmacHashAlgorithm
          },
          salt: saltView,
          iterations: iterationCount
        }, pbkdfKey, contentEncryptionAlgorithm, false, ["decrypt"]);
        const dataBuffer = parameters.encryptedContentInfo.getEncryptedContent();
        return this.decrypt({
          name: contentEncryptionAlgorithm.name,
          iv: ivView
        }, result, dataBuffer);
      }
      async stampDataWithPassword(parameters) {
        if (parameters instanceof Object === false)
          throw new Error('Parameters must have type "Object"');
        ParameterError.assert(parameters, "password", "hashAlgorithm", "iterationCount", "salt", "contentToStamp");
        let length;
        switch (parameters.hashAlgorithm.toLowerCase()) {
          case "sha-1":
            length = 160;
            break;
          case "sha-256":
            length = 256;
            break;
          case "sha-384":
            length = 384;
            break;
          case "sha-512":
            length = 512;
            break;
          default:
            throw new Error(`Incorrect "parameters.hashAlgorithm" parameter: ${parameters.hashAlgorithm}`);
        }
        const hmacAlgorithm = {
          name: "HMAC",
          length,
          hash: {
            name: parameters.hashAlgorithm
          }
        };
        const pkcsKey = await makePKCS12B2Key(parameters.hashAlgorithm, length, parameters.password, parameters.salt, parameters.iterationCount);
        const hmacKey = await this.importKey("raw", new Uint8Array(pkcsKey), hmacAlgorithm, false, ["sign"]);
        return this.sign(hmacAlgorithm, hmacKey, new Uint8Array(parameters.contentToStamp));
      }
      async verifyDataStampedWithPassword(parameters) {
        ParameterError.assert(parameters, "password", "hashAlgorithm", "salt", "iterationCount", "contentToVerify", "signatureToVerify");
        let length = 0;
        switch (parameters.hashAlgorithm.toLowerCase()) {
          case "sha-1":
            length = 160;
            break;
          case "sha-256":
            length = 256;
            break;
          case "sha-384":
            length = 384;
            break;
          case "sha-512":
            length = 512;
            break;
          default:
            throw new Error(`Incorrect "parameters.hashAlgorithm" parameter: ${parameters.hashAlgorithm}`);
        }
        const hmacAlgorithm = {
          name: "HMAC",
          length,
          hash: {
            name: parameters.hashAlgorithm
          }
        };
        const pkcsKey = await makePKCS12B2Key(parameters.hashAlgorithm, length, parameters.password, parameters.salt, parameters.iterationCount);
        const hmacKey = await this.importKey("raw", new Uint8Array(pkcsKey), hmacAlgorithm, false, ["verify"]);
        return this.verify(hmacAlgorithm, hmacKey, new Uint8Array(parameters.signatureToVerify), new Uint8Array(parameters.contentToVerify));
      }
      async getSignatureParameters(privateKey, hashAlgorithm = "SHA-1") {
        this.getOIDByAlgorithm({ name: hashAlgorithm }, true, "hashAlgorithm");
        const signatureAlgorithm = new AlgorithmIdentifier();
        const parameters = this.getAlgorithmParameters(privateKey.algorithm.name, "sign");
        if (!Object.keys(parameters.algorithm).length) {
          throw new Error("Parameter 'algorithm' is empty");
        }
        const algorithm = parameters.algorithm;
        if ("hash" in privateKey.algorithm && privateKey.algorithm.hash && privateKey.algorithm.hash.name) {
          algorithm.hash.name = privateKey.algorithm.hash.name;
        } else {
          algorithm.hash.name = hashAlgorithm;
        }
        switch (privateKey.algorithm.name.toUpperCase()) {
          case "RSASSA-PKCS1-V1_5":
          case "ECDSA":
            signatureAlgorithm.algorithmId = this.getOIDByAlgorithm(algorithm, true);
            break;
          case "RSA-PSS":
            {
              switch (algorithm.hash.name.toUpperCase()) {
                case "SHA-256":
                  algorithm.saltLength = 32;
                  break;
                case "SHA-384":
                  algorithm.saltLength = 48;
                  break;
                case "SHA-512":
                  algorithm.saltLength = 64;
                  break;
              }
              const paramsObject = {};
              if (algorithm.hash.name.toUpperCase() !== "SHA-1") {
                const hashAlgorithmOID = this.getOIDByAlgorithm({ name: algorithm.hash.name }, true, "hashAlgorithm");
                paramsObject.hashAlgorithm = new AlgorithmIdentifier({
                  algorithmId: hashAlgorithmOID,
                  algorithmParams: new asn1js__namespace.Null()
                });
                paramsObject.maskGenAlgorithm = new AlgorithmIdentifier({
                  algorithmId: "1.2.840.113549.1.1.8",
                  algorithmParams: paramsObject.hashAlgorithm.toSchema()
                });
              }
              if (algorithm.saltLength !== 20)
                paramsObject.saltLength = algorithm.saltLength;
              const pssParameters = new RSASSAPSSParams(paramsObject);
              signatureAlgorithm.algorithmId = "1.2.840.113549.1.1.10";
              signatureAlgorithm.algorithmParams = pssParameters.toSchema();
            }
            break;
          default:
            throw new Error(`Unsupported signature algorithm: ${privateKey.algorithm.name}`);
        }
        return {
          signatureAlgorithm,
          parameters
        };
      }
      async signWithPrivateKey(data, privateKey, parameters) {
        const signature = await this.sign(parameters.algorithm, privateKey, data);
        if (parameters.algorithm.name === "ECDSA") {
          return createCMSECDSASignature(signature);
        }
        return signature;
      }
      fillPublicKeyParameters(publicKeyInfo, signatureAlgorithm) {
        const parameters = {};
        const shaAlgorithm = this.getHashAlgorithm(signatureAlgorithm);
        if (shaAlgorithm === EMPTY_STRING)
          throw new Error(`Unsupported signature algorithm: ${signatureAlgorithm.algorithmId}`);
        let algorithmId;
        if (signatureAlgorithm.algorithmId === "1.2.840.113549.1.1.10")
          algorithmId = signatureAlgorithm.algorithmId;
        else
          algorithmId = publicKeyInfo.algorithm.algorithmId;
        const algorithmObject = this.getAlgorithmByOID(algorithmId, true);
        parameters.algorithm = this.getAlgorithmParameters(algorithmObject.name, "importKey");
        if ("hash" in parameters.algorithm.algorithm)
          parameters.algorithm.algorithm.hash.name = shaAlgorithm;
        if (algorithmObject.name === "ECDSA") {
          const publicKeyAlgorithm = publicKeyInfo.algorithm;
          if (!publicKeyAlgorithm.algorithmParams) {
            throw new Error("Algorithm parameters for ECDSA public key are missed");
          }
          const publicKeyAlgorithmParams = publicKeyAlgorithm.algorithmParams;
          if ("idBlock" in publicKeyAlgorithm.algorithmParams) {
            if (!(publicKeyAlgorithmParams.idBlock.tagClass === 1 && publicKeyAlgorithmParams.idBlock.tagNumber === 6)) {
              throw new Error("Incorrect type for ECDSA public key parameters");
            }
          }
          const curveObject = this.getAlgorithmByOID(publicKeyAlgorithmParams.valueBlock.toString(), true);
          parameters.algorithm.algorithm.namedCurve = curveObject.name;
        }
        return parameters;
      }
      async getPublicKey(publicKeyInfo, signatureAlgorithm, parameters) {
        if (!parameters) {
          parameters = this.fillPublicKeyParameters(publicKeyInfo, signatureAlgorithm);
        }
        const publicKeyInfoBuffer = publicKeyInfo.toSchema().toBER(false);
        return this.importKey("spki", publicKeyInfoBuffer, parameters.algorithm.algorithm, true, parameters.algorithm.usages);
      }
      async verifyWithPublicKey(data, signature, publicKeyInfo, signatureAlgorithm, shaAlgorithm) {
        let publicKey;
        if (!shaAlgorithm) {
          shaAlgorithm = this.getHashAlgorithm(signatureAlgorithm);
          if (!shaAlgorithm)
            throw new Error(`Unsupported signature algorithm: ${signatureAlgorithm.algorithmId}`);
          publicKey = await this.getPublicKey(publicKeyInfo, signatureAlgorithm);
        } else {
          const parameters = {};
          let algorithmId;
          if (signatureAlgorithm.algorithmId === "1.2.840.113549.1.1.10")
            algorithmId = signatureAlgorithm.algorithmId;
          else
            algorithmId = publicKeyInfo.algorithm.algorithmId;
          const algorithmObject = this.getAlgorithmByOID(algorithmId, true);
          parameters.algorithm = this.getAlgorithmParameters(algorithmObject.name, "importKey");
          if ("hash" in parameters.algorithm.algorithm)
            parameters.algorithm.algorithm.hash.name = shaAlgorithm;
          if (algorithmObject.name === "ECDSA") {
            let algorithmParamsChecked = false;
            if ("algorithmParams" in publicKeyInfo.algorithm === true) {
              if ("idBlock" in publicKeyInfo.algorithm.algorithmParams) {
                if (publicKeyInfo.algorithm.algorithmParams.idBlock.tagClass === 1 && publicKeyInfo.algorithm.algorithmParams.idBlock.tagNumber === 6)
                  algorithmParamsChecked = true;
              }
            }
            if (algorithmParamsChecked === false) {
              throw new Error("Incorrect type for ECDSA public key parameters");
            }
            const curveObject = this.getAlgorithmByOID(publicKeyInfo.algorithm.algorithmParams.valueBlock.toString(), true);
            parameters.algorithm.algorithm.namedCurve = curveObject.name;
          }
          publicKey = await this.getPublicKey(publicKeyInfo, null, parameters);
        }
        const algorithm = this.getAlgorithmParameters(publicKey.algorithm.name, "verify");
        if ("hash" in algorithm.algorithm)
          algorithm.algorithm.hash.name = shaAlgorithm;
        let signatureValue = signature.valueBlock.valueHexView;
        if (publicKey.algorithm.name === "ECDSA") {
          const namedCurve = ECNamedCurves.find(publicKey.algorithm.namedCurve);
          if (!namedCurve) {
            throw new Error("Unsupported named curve in use");
          }
          const asn1 = asn1js__namespace.fromBER(signatureValue);
          AsnError.assert(asn1, "Signature value");
          signatureValue = createECDSASignatureFromCMS(asn1.result, namedCurve.size);
        }
        if (publicKey.algorithm.name === "RSA-PSS") {
          const pssParameters = new RSASSAPSSParams({ schema: signatureAlgorithm.algorithmParams });
          if ("saltLength" in pssParameters)
            algorithm.algorithm.saltLength = pssParameters.saltLength;
          else
            algorithm.algorithm.saltLength = 20;
          let hashAlgo = "SHA-1";
          if ("hashAlgorithm" in pssParameters) {
            const hashAlgorithm = this.getAlgorithmByOID(pssParameters.hashAlgorithm.algorithmId, true);
            hashAlgo = hashAlgorithm.name;
          }
          algorithm.algorithm.hash.name = hashAlgo;
        }
        return this.verify(algorithm.algorithm, publicKey, signatureValue, data);
      }
    };
    exports.engine = {
      name: "none",
      crypto: null
    };
    function isCryptoEngine(engine) {
      return engine && typeof engine === "object" && "crypto" in engine ? true : false;
    }
    function getEngineGlobalKey() {
      return typeof process !== "undefined" && Number.isInteger(process.pid) ? process.pid : /* @__PURE__ */ Symbol.for("pkijs.engine");
    }
    function setEngine(name, ...args) {
      let crypto2 = null;
      if (args.length < 2) {
        if (args.length) {
          crypto2 = args[0];
        } else {
          crypto2 = typeof self !== "undefined" && self.crypto ? new CryptoEngine({ name: "browser", crypto: self.crypto }) : null;
        }
      } else {
        const cryptoArg = args[0];
        const subtleArg = args[1];
        if (isCryptoEngine(subtleArg)) {
          crypto2 = subtleArg;
        } else if (isCryptoEngine(cryptoArg)) {
          crypto2 = cryptoArg;
        } else if ("subtle" in cryptoArg && "getRandomValues" in cryptoArg) {
          crypto2 = new CryptoEngine({
            crypto: cryptoArg
          });
        }
      }
      if (typeof process !== "undefined" && "pid" in process && typeof global !== "undefined" && typeof window === "undefined") {
        const engineKey = getEngineGlobalKey();
        if (typeof global[engineKey] === "undefined") {
          global[engineKey] = {};
        } else {
          if (typeof global[engineKey] !== "object") {
            throw new Error(`Name global.${String(engineKey)} already exists and it is not an object`);
          }
        }
        if (typeof global[engineKey].pkijs === "undefined") {
          global[engineKey].pkijs = {};
        } else {
          if (typeof global[engineKey].pkijs !== "object") {
            throw new Error(`Name global.${String(engineKey)}.pkijs already exists and it is not an object`);
          }
        }
        global[engineKey].pkijs.engine = {
          name,
          crypto: crypto2
        };
      } else {
        exports.engine = {
          name,
          crypto: crypto2
        };
      }
    }
    function getEngine() {
      if (typeof process !== "undefined" && "pid" in process && typeof global !== "undefined" && typeof window === "undefined") {
        let _engine;
        try {
          _engine = global[getEngineGlobalKey()].pkijs.engine;
        } catch {
          throw new Error("Please call 'setEngine' before call to 'getEngine'");
        }
        return _engine;
      }
      return exports.engine;
    }
    function getCrypto(safety = false) {
      const _engine = getEngine();
      if (!_engine.crypto && safety) {
        throw new Error("Unable to create WebCrypto object");
      }
      return _engine.crypto;
    }
    function getRandomValues(view) {
      return getCrypto(true).getRandomValues(view);
    }
    function getOIDByAlgorithm(algorithm, safety, target) {
      return getCrypto(true).getOIDByAlgorithm(algorithm, safety, target);
    }
    function getAlgorithmParameters(algorithmName, operation) {
      return getCrypto(true).getAlgorithmParameters(algorithmName, operation);
    }
    function createCMSECDSASignature(signatureBuffer) {
      if (signatureBuffer.byteLength % 2 !== 0)
        return EMPTY_BUFFER;
      const length = signatureBuffer.byteLength / 2;
      const rInteger = new asn1js__namespace.Integer({ valueHex: toMinimalUnsignedInteger(new Uint8Array(signatureBuffer, 0, length)) });
      const sInteger = new asn1js__namespace.Integer({ valueHex: toMinimalUnsignedInteger(new Uint8Array(signatureBuffer, length, length)) });
      return new asn1js__namespace.Sequence({
        value: [rInteger, sInteger]
      }).toBER(false);
    }
    function createECDSASignatureFromCMS(cmsSignature, pointSize) {
      if (!(cmsSignature instanceof asn1js__namespace.Sequence && cmsSignature.valueBlock.value.length === 2 && cmsSignature.valueBlock.value[0] instanceof asn1js__namespace.Integer && cmsSignature.valueBlock.value[1] instanceof asn1js__namespace.Integer))
        return EMPTY_BUFFER;
      const rValueView = cmsSignature.valueBlock.value[0].convertFromDER().valueBlock.valueHexView;
      const sValueView = cmsSignature.valueBlock.value[1].convertFromDER().valueBlock.valueHexView;
      const res = new Uint8Array(pointSize * 2);
      res.set(rValueView, pointSize - rValueView.byteLength);
      res.set(sValueView, 2 * pointSize - sValueView.byteLength);
      return res.buffer;
    }
    function getAlgorithmByOID(oid, safety = false, target) {
      return getCrypto(true).getAlgorithmByOID(oid, safety, target);
    }
    function getHashAlgorithm(signatureAlgorithm) {
      return getCrypto(true).getHashAlgorithm(signatureAlgorithm);
    }
    async function kdfWithCounter(hashFunction, zBuffer, Counter, SharedInfo, crypto2) {
      switch (hashFunction.toUpperCase()) {
        case "SHA-1":
        case "SHA-256":
        case "SHA-384":
        case "SHA-512":
          break;
        default:
          throw new ArgumentError(`Unknown hash function: ${hashFunction}`);
      }
      ArgumentError.assert(zBuffer, "zBuffer", "ArrayBuffer");
      if (zBuffer.byteLength === 0)
        throw new ArgumentError("'zBuffer' has zero length, error");
      ArgumentError.assert(SharedInfo, "SharedInfo", "ArrayBuffer");
      if (Counter > 255)
        throw new ArgumentError("Please set 'Counter' argument to value less or equal to 255");
      const counterBuffer = new ArrayBuffer(4);
      const counterView = new Uint8Array(counterBuffer);
      counterView[0] = 0;
      counterView[1] = 0;
      counterView[2] = 0;
      counterView[3] = Counter;
      let combinedBuffer = EMPTY_BUFFER;
      combinedBuffer = pvutils__namespace.utilConcatBuf(combinedBuffer, zBuffer);
      combinedBuffer = pvutils__namespace.utilConcatBuf(combinedBuffer, counterBuffer);
      combinedBuffer = pvutils__namespace.utilConcatBuf(combinedBuffer, SharedInfo);
      const result = await crypto2.digest({ name: hashFunction }, combinedBuffer);
      return {
        counter: Counter,
        result
      };
    }
    async function kdf(hashFunction, Zbuffer, keydatalen, SharedInfo, crypto2 = getCrypto(true)) {
      let hashLength;
      let maxCounter = 1;
      switch (hashFunction.toUpperCase()) {
        case "SHA-1":
          hashLength = 160;
          break;
        case "SHA-256":
          hashLength = 256;
          break;
        case "SHA-384":
          hashLength = 384;
          break;
        case "SHA-512":
          hashLength = 512;
          break;
        default:
          throw new ArgumentError(`Unknown hash function: ${hashFunction}`);
      }
      ArgumentError.assert(Zbuffer, "Zbuffer", "ArrayBuffer");
      if (Zbuffer.byteLength === 0)
        throw new ArgumentError("'Zbuffer' has zero length, error");
      ArgumentError.assert(SharedInfo, "SharedInfo", "ArrayBuffer");
      const quotient = keydatalen / hashLength;
      if (Math.floor(quotient) > 0) {
        maxCounter = Math.floor(quotient);
        if (quotient - maxCounter > 0)
          maxCounter++;
      }
      const incomingResult = [];
      for (let i = 1; i <= maxCounter; i++)
        incomingResult.push(await kdfWithCounter(hashFunction, Zbuffer, i, SharedInfo, crypto2));
      let combinedBuffer = EMPTY_BUFFER;
      let currentCounter = 1;
      let found = true;
      while (found) {
        found = false;
        for (const result of incomingResult) {
          if (result.counter === currentCounter) {
            combinedBuffer = pvutils__namespace.utilConcatBuf(combinedBuffer, result.result);
            found = true;
            break;
          }
        }
        currentCounter++;
      }
      keydatalen >>= 3;
      if (combinedBuffer.byteLength > keydatalen) {
        const newBuffer = new ArrayBuffer(keydatalen);
        const newView = new Uint8Array(newBuffer);
        const combinedView = new Uint8Array(combinedBuffer);
        for (let i = 0; i < keydatalen; i++)
          newView[i] = combinedView[i];
        return newBuffer;
      }
      return combinedBuffer;
    }
    function toMinimalUnsignedInteger(view) {
      let start = 0;
      while (start < view.length - 1 && view[start] === 0)
        start++;
      const value = view.subarray(start);
      if (value.length && value[0] & 128) {
        const res = new Uint8Array(value.length + 1);
        res.set(value, 1);
        return res;
      }
      return value.slice();
    }
    var TYPE$1 = "type";
    var VALUE$4 = "value";
    var UTC_TIME_NAME = "utcTimeName";
    var GENERAL_TIME_NAME = "generalTimeName";
    var CLEAR_PROPS$11 = [UTC_TIME_NAME, GENERAL_TIME_NAME];
    exports.TimeType = void 0;
    (function(TimeType) {
      TimeType[TimeType["UTCTime"] = 0] = "UTCTime";
      TimeType[TimeType["GeneralizedTime"] = 1] = "GeneralizedTime";
      TimeType[TimeType["empty"] = 2] = "empty";
    })(exports.TimeType || (exports.TimeType = {}));
    var Time = class _Time extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.type = pvutils__namespace.getParametersValue(parameters, TYPE$1, _Time.defaultValues(TYPE$1));
        this.value = pvutils__namespace.getParametersValue(parameters, VALUE$4, _Time.defaultValues(VALUE$4));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TYPE$1:
            return 0;
          case VALUE$4:
            return new Date(0, 0, 0);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}, optional = false) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Choice({
          optional,
          value: [new asn1js__namespace.UTCTime({ name: names.utcTimeName || EMPTY_STRING }), new asn1js__namespace.GeneralizedTime({ name: names.generalTimeName || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$11);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Time.schema({
          names: {
            utcTimeName: UTC_TIME_NAME,
            generalTimeName: GENERAL_TIME_NAME
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (UTC_TIME_NAME in asn1.result) {
          this.type = 0;
          this.value = asn1.result.utcTimeName.toDate();
        }
        if (GENERAL_TIME_NAME in asn1.result) {
          this.type = 1;
          this.value = asn1.result.generalTimeName.toDate();
        }
      }
      toSchema() {
        if (this.type === 0) {
          return new asn1js__namespace.UTCTime({ valueDate: this.value });
        } else if (this.type === 1) {
          return new asn1js__namespace.GeneralizedTime({ valueDate: this.value });
        }
        return {};
      }
      toJSON() {
        return {
          type: this.type,
          value: this.value
        };
      }
    };
    Time.CLASS_NAME = "Time";
    var TBS$4 = "tbs";
    var VERSION$i = "version";
    var SERIAL_NUMBER$6 = "serialNumber";
    var SIGNATURE$7 = "signature";
    var ISSUER$5 = "issuer";
    var NOT_BEFORE = "notBefore";
    var NOT_AFTER = "notAfter";
    var SUBJECT$1 = "subject";
    var SUBJECT_PUBLIC_KEY_INFO = "subjectPublicKeyInfo";
    var ISSUER_UNIQUE_ID$2 = "issuerUniqueID";
    var SUBJECT_UNIQUE_ID = "subjectUniqueID";
    var EXTENSIONS$6 = "extensions";
    var SIGNATURE_ALGORITHM$8 = "signatureAlgorithm";
    var SIGNATURE_VALUE$4 = "signatureValue";
    var TBS_CERTIFICATE = "tbsCertificate";
    var TBS_CERTIFICATE_VERSION = `${TBS_CERTIFICATE}.${VERSION$i}`;
    var TBS_CERTIFICATE_SERIAL_NUMBER = `${TBS_CERTIFICATE}.${SERIAL_NUMBER$6}`;
    var TBS_CERTIFICATE_SIGNATURE = `${TBS_CERTIFICATE}.${SIGNATURE$7}`;
    var TBS_CERTIFICATE_ISSUER = `${TBS_CERTIFICATE}.${ISSUER$5}`;
    var TBS_CERTIFICATE_NOT_BEFORE = `${TBS_CERTIFICATE}.${NOT_BEFORE}`;
    var TBS_CERTIFICATE_NOT_AFTER = `${TBS_CERTIFICATE}.${NOT_AFTER}`;
    var TBS_CERTIFICATE_SUBJECT = `${TBS_CERTIFICATE}.${SUBJECT$1}`;
    var TBS_CERTIFICATE_SUBJECT_PUBLIC_KEY = `${TBS_CERTIFICATE}.${SUBJECT_PUBLIC_KEY_INFO}`;
    var TBS_CERTIFICATE_ISSUER_UNIQUE_ID = `${TBS_CERTIFICATE}.${ISSUER_UNIQUE_ID$2}`;
    var TBS_CERTIFICATE_SUBJECT_UNIQUE_ID = `${TBS_CERTIFICATE}.${SUBJECT_UNIQUE_ID}`;
    var TBS_CERTIFICATE_EXTENSIONS = `${TBS_CERTIFICATE}.${EXTENSIONS$6}`;
    var CLEAR_PROPS$10 = [
      TBS_CERTIFICATE,
      TBS_CERTIFICATE_VERSION,
      TBS_CERTIFICATE_SERIAL_NUMBER,
      TBS_CERTIFICATE_SIGNATURE,
      TBS_CERTIFICATE_ISSUER,
      TBS_CERTIFICATE_NOT_BEFORE,
      TBS_CERTIFICATE_NOT_AFTER,
      TBS_CERTIFICATE_SUBJECT,
      TBS_CERTIFICATE_SUBJECT_PUBLIC_KEY,
      TBS_CERTIFICATE_ISSUER_UNIQUE_ID,
      TBS_CERTIFICATE_SUBJECT_UNIQUE_ID,
      TBS_CERTIFICATE_EXTENSIONS,
      SIGNATURE_ALGORITHM$8,
      SIGNATURE_VALUE$4
    ];
    function tbsCertificate(parameters = {}) {
      const names = pvutils__namespace.getParametersValue(parameters, "names", {});
      return new asn1js__namespace.Sequence({
        name: names.blockName || TBS_CERTIFICATE,
        value: [
          new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [
              new asn1js__namespace.Integer({ name: names.tbsCertificateVersion || TBS_CERTIFICATE_VERSION })
            ]
          }),
          new asn1js__namespace.Integer({
            name: names.tbsCertificateSerialNumber || TBS_CERTIFICATE_SERIAL_NUMBER
          }),
          AlgorithmIdentifier.schema(names.signature || {
            names: {
              blockName: TBS_CERTIFICATE_SIGNATURE
            }
          }),
          RelativeDistinguishedNames.schema(names.issuer || {
            names: {
              blockName: TBS_CERTIFICATE_ISSUER
            }
          }),
          new asn1js__namespace.Sequence({
            name: names.tbsCertificateValidity || "tbsCertificate.validity",
            value: [
              Time.schema(names.notBefore || {
                names: {
                  utcTimeName: TBS_CERTIFICATE_NOT_BEFORE,
                  generalTimeName: TBS_CERTIFICATE_NOT_BEFORE
                }
              }),
              Time.schema(names.notAfter || {
                names: {
                  utcTimeName: TBS_CERTIFICATE_NOT_AFTER,
                  generalTimeName: TBS_CERTIFICATE_NOT_AFTER
                }
              })
            ]
          }),
          RelativeDistinguishedNames.schema(names.subject || {
            names: {
              blockName: TBS_CERTIFICATE_SUBJECT
            }
          }),
          PublicKeyInfo.schema(names.subjectPublicKeyInfo || {
            names: {
              blockName: TBS_CERTIFICATE_SUBJECT_PUBLIC_KEY
            }
          }),
          new asn1js__namespace.Primitive({
            name: names.tbsCertificateIssuerUniqueID || TBS_CERTIFICATE_ISSUER_UNIQUE_ID,
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            }
          }),
          new asn1js__namespace.Primitive({
            name: names.tbsCertificateSubjectUniqueID || TBS_CERTIFICATE_SUBJECT_UNIQUE_ID,
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            }
          }),
          new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 3
            },
            value: [
              Extensions.schema(names.extensions || {
                names: {
                  blockName: TBS_CERTIFICATE_EXTENSIONS
                }
              })
            ]
          })
        ]
      });
    }
    var Certificate = class _Certificate extends PkiObject {
      get tbs() {
        return pvtsutils__namespace.BufferSourceConverter.toArrayBuffer(this.tbsView);
      }
      set tbs(value) {
        this.tbsView = new Uint8Array(value);
      }
      constructor(parameters = {}) {
        super();
        this.tbsView = new Uint8Array(pvutils__namespace.getParametersValue(parameters, TBS$4, _Certificate.defaultValues(TBS$4)));
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$i, _Certificate.defaultValues(VERSION$i));
        this.serialNumber = pvutils__namespace.getParametersValue(parameters, SERIAL_NUMBER$6, _Certificate.defaultValues(SERIAL_NUMBER$6));
        this.signature = pvutils__namespace.getParametersValue(parameters, SIGNATURE$7, _Certificate.defaultValues(SIGNATURE$7));
        this.issuer = pvutils__namespace.getParametersValue(parameters, ISSUER$5, _Certificate.defaultValues(ISSUER$5));
        this.notBefore = pvutils__namespace.getParametersValue(parameters, NOT_BEFORE, _Certificate.defaultValues(NOT_BEFORE));
        this.notAfter = pvutils__namespace.getParametersValue(parameters, NOT_AFTER, _Certificate.defaultValues(NOT_AFTER));
        this.subject = pvutils__namespace.getParametersValue(parameters, SUBJECT$1, _Certificate.defaultValues(SUBJECT$1));
        this.subjectPublicKeyInfo = pvutils__namespace.getParametersValue(parameters, SUBJECT_PUBLIC_KEY_INFO, _Certificate.defaultValues(SUBJECT_PUBLIC_KEY_INFO));
        if (ISSUER_UNIQUE_ID$2 in parameters) {
          this.issuerUniqueID = pvutils__namespace.getParametersValue(parameters, ISSUER_UNIQUE_ID$2, _Certificate.defaultValues(ISSUER_UNIQUE_ID$2));
        }
        if (SUBJECT_UNIQUE_ID in parameters) {
          this.subjectUniqueID = pvutils__namespace.getParametersValue(parameters, SUBJECT_UNIQUE_ID, _Certificate.defaultValues(SUBJECT_UNIQUE_ID));
        }
        if (EXTENSIONS$6 in parameters) {
          this.extensions = pvutils__namespace.getParametersValue(parameters, EXTENSIONS$6, _Certificate.defaultValues(EXTENSIONS$6));
        }
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM$8, _Certificate.defaultValues(SIGNATURE_ALGORITHM$8));
        this.signatureValue = pvutils__namespace.getParametersValue(parameters, SIGNATURE_VALUE$4, _Certificate.defaultValues(SIGNATURE_VALUE$4));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TBS$4:
            return EMPTY_BUFFER;
          case VERSION$i:
            return 0;
          case SERIAL_NUMBER$6:
            return new asn1js__namespace.Integer();
          case SIGNATURE$7:
            return new AlgorithmIdentifier();
          case ISSUER$5:
            return new RelativeDistinguishedNames();
          case NOT_BEFORE:
            return new Time();
          case NOT_AFTER:
            return new Time();
          case SUBJECT$1:
            return new RelativeDistinguishedNames();
          case SUBJECT_PUBLIC_KEY_INFO:
            return new PublicKeyInfo();
          case ISSUER_UNIQUE_ID$2:
            return EMPTY_BUFFER;
          case SUBJECT_UNIQUE_ID:
            return EMPTY_BUFFER;
          case EXTENSIONS$6:
            return [];
          case SIGNATURE_ALGORITHM$8:
            return new AlgorithmIdentifier();
          case SIGNATURE_VALUE$4:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            tbsCertificate(names.tbsCertificate),
            AlgorithmIdentifier.schema(names.signatureAlgorithm || {
              names: {
                blockName: SIGNATURE_ALGORITHM$8
              }
            }),
            new asn1js__namespace.BitString({ name: names.signatureValue || SIGNATURE_VALUE$4 })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$10);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Certificate.schema({
          names: {
            tbsCertificate: {
              names: {
                extensions: {
                  names: {
                    extensions: TBS_CERTIFICATE_EXTENSIONS
                  }
                }
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.tbsView = asn1.result.tbsCertificate.valueBeforeDecodeView;
        if (TBS_CERTIFICATE_VERSION in asn1.result)
          this.version = asn1.result[TBS_CERTIFICATE_VERSION].valueBlock.valueDec;
        this.serialNumber = asn1.result[TBS_CERTIFICATE_SERIAL_NUMBER];
        this.signature = new AlgorithmIdentifier({ schema: asn1.result[TBS_CERTIFICATE_SIGNATURE] });
        this.issuer = new RelativeDistinguishedNames({ schema: asn1.result[TBS_CERTIFICATE_ISSUER] });
        this.notBefore = new Time({ schema: asn1.result[TBS_CERTIFICATE_NOT_BEFORE] });
        this.notAfter = new Time({ schema: asn1.result[TBS_CERTIFICATE_NOT_AFTER] });
        this.subject = new RelativeDistinguishedNames({ schema: asn1.result[TBS_CERTIFICATE_SUBJECT] });
        this.subjectPublicKeyInfo = new PublicKeyInfo({
          schema: asn1.result[TBS_CERTIFICATE_SUBJECT_PUBLIC_KEY]
        });
        if (TBS_CERTIFICATE_ISSUER_UNIQUE_ID in asn1.result)
          this.issuerUniqueID = asn1.result[TBS_CERTIFICATE_ISSUER_UNIQUE_ID].valueBlock.valueHex;
        if (TBS_CERTIFICATE_SUBJECT_UNIQUE_ID in asn1.result)
          this.subjectUniqueID = asn1.result[TBS_CERTIFICATE_SUBJECT_UNIQUE_ID].valueBlock.valueHex;
        if (TBS_CERTIFICATE_EXTENSIONS in asn1.result)
          this.extensions = Array.from(asn1.result[TBS_CERTIFICATE_EXTENSIONS], (element) => new Extension({ schema: element }));
        this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
        this.signatureValue = asn1.result.signatureValue;
      }
      encodeTBS() {
        const outputArray = [];
        if (VERSION$i in this && this.version !== _Certificate.defaultValues(VERSION$i)) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [
              new asn1js__namespace.Integer({ value: this.version })
            ]
          }));
        }
        outputArray.push(this.serialNumber);
        outputArray.push(this.signature.toSchema());
        outputArray.push(this.issuer.toSchema());
        outputArray.push(new asn1js__namespace.Sequence({
          value: [this.notBefore.toSchema(), this.notAfter.toSchema()]
        }));
        outputArray.push(this.subject.toSchema());
        outputArray.push(this.subjectPublicKeyInfo.toSchema());
        if (this.issuerUniqueID) {
          outputArray.push(new asn1js__namespace.Primitive({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            valueHex: this.issuerUniqueID
          }));
        }
        if (this.subjectUniqueID) {
          outputArray.push(new asn1js__namespace.Primitive({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            },
            valueHex: this.subjectUniqueID
          }));
        }
        if (this.extensions) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 3
            },
            value: [
              new asn1js__namespace.Sequence({
                value: Array.from(this.extensions, (o) => o.toSchema())
              })
            ]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toSchema(encodeFlag = false) {
        let tbsSchema;
        if (encodeFlag === false) {
          if (!this.tbsView.byteLength) {
            return _Certificate.schema().value[0];
          }
          const asn1 = asn1js__namespace.fromBER(this.tbsView);
          AsnError.assert(asn1, "TBS Certificate");
          tbsSchema = asn1.result;
        } else {
          tbsSchema = this.encodeTBS();
        }
        return new asn1js__namespace.Sequence({
          value: [tbsSchema, this.signatureAlgorithm.toSchema(), this.signatureValue]
        });
      }
      toJSON() {
        const res = {
          tbs: pvtsutils__namespace.Convert.ToHex(this.tbsView),
          version: this.version,
          serialNumber: this.serialNumber.toJSON(),
          signature: this.signature.toJSON(),
          issuer: this.issuer.toJSON(),
          notBefore: this.notBefore.toJSON(),
          notAfter: this.notAfter.toJSON(),
          subject: this.subject.toJSON(),
          subjectPublicKeyInfo: this.subjectPublicKeyInfo.toJSON(),
          signatureAlgorithm: this.signatureAlgorithm.toJSON(),
          signatureValue: this.signatureValue.toJSON()
        };
        if (VERSION$i in this && this.version !== _Certificate.defaultValues(VERSION$i)) {
          res.version = this.version;
        }
        if (this.issuerUniqueID) {
          res.issuerUniqueID = pvtsutils__namespace.Convert.ToHex(this.issuerUniqueID);
        }
        if (this.subjectUniqueID) {
          res.subjectUniqueID = pvtsutils__namespace.Convert.ToHex(this.subjectUniqueID);
        }
        if (this.extensions) {
          res.extensions = Array.from(this.extensions, (o) => o.toJSON());
        }
        return res;
      }
      async getPublicKey(parameters, crypto2 = getCrypto(true)) {
        return crypto2.getPublicKey(this.subjectPublicKeyInfo, this.signatureAlgorithm, parameters);
      }
      async getKeyHash(hashAlgorithm = "SHA-1", crypto2 = getCrypto(true)) {
        return crypto2.digest({ name: hashAlgorithm }, this.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
      }
      async sign(privateKey, hashAlgorithm = "SHA-1", crypto2 = getCrypto(true)) {
        if (!privateKey) {
          throw new Error("Need to provide a private key for signing");
        }
        const signatureParameters = await crypto2.getSignatureParameters(privateKey, hashAlgorithm);
        const parameters = signatureParameters.parameters;
        this.signature = signatureParameters.signatureAlgorithm;
        this.signatureAlgorithm = signatureParameters.signatureAlgorithm;
        this.tbsView = new Uint8Array(this.encodeTBS().toBER());
        const signature = await crypto2.signWithPrivateKey(this.tbsView, privateKey, parameters);
        this.signatureValue = new asn1js__namespace.BitString({ valueHex: signature });
      }
      async verify(issuerCertificate, crypto2 = getCrypto(true)) {
        let subjectPublicKeyInfo;
        if (issuerCertificate) {
          subjectPublicKeyInfo = issuerCertificate.subjectPublicKeyInfo;
        } else if (this.issuer.isEqual(this.subject)) {
          subjectPublicKeyInfo = this.subjectPublicKeyInfo;
        }
        if (!(subjectPublicKeyInfo instanceof PublicKeyInfo)) {
          throw new Error("Please provide issuer certificate as a parameter");
        }
        return crypto2.verifyWithPublicKey(this.tbsView, this.signatureValue, subjectPublicKeyInfo, this.signatureAlgorithm);
      }
    };
    Certificate.CLASS_NAME = "Certificate";
    function checkCA(cert, signerCert = null) {
      if (signerCert && cert.issuer.isEqual(signerCert.issuer) && cert.serialNumber.isEqual(signerCert.serialNumber)) {
        return null;
      }
      let isCA = false;
      if (cert.extensions) {
        for (const extension of cert.extensions) {
          if (extension.extnID === id_BasicConstraints && extension.parsedValue instanceof BasicConstraints) {
            if (extension.parsedValue.cA) {
              isCA = true;
              break;
            }
          }
        }
      }
      if (isCA) {
        return cert;
      }
      return null;
    }
    var VERSION$h = "version";
    var LOG_ID = "logID";
    var EXTENSIONS$5 = "extensions";
    var TIMESTAMP = "timestamp";
    var HASH_ALGORITHM$3 = "hashAlgorithm";
    var SIGNATURE_ALGORITHM$7 = "signatureAlgorithm";
    var SIGNATURE$6 = "signature";
    var NONE = "none";
    var MD5 = "md5";
    var SHA1 = "sha1";
    var SHA224 = "sha224";
    var SHA256 = "sha256";
    var SHA384 = "sha384";
    var SHA512 = "sha512";
    var ANONYMOUS = "anonymous";
    var RSA = "rsa";
    var DSA = "dsa";
    var ECDSA = "ecdsa";
    var SignedCertificateTimestamp = class _SignedCertificateTimestamp extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$h, _SignedCertificateTimestamp.defaultValues(VERSION$h));
        this.logID = pvutils__namespace.getParametersValue(parameters, LOG_ID, _SignedCertificateTimestamp.defaultValues(LOG_ID));
        this.timestamp = pvutils__namespace.getParametersValue(parameters, TIMESTAMP, _SignedCertificateTimestamp.defaultValues(TIMESTAMP));
        this.extensions = pvutils__namespace.getParametersValue(parameters, EXTENSIONS$5, _SignedCertificateTimestamp.defaultValues(EXTENSIONS$5));
        this.hashAlgorithm = pvutils__namespace.getParametersValue(parameters, HASH_ALGORITHM$3, _SignedCertificateTimestamp.defaultValues(HASH_ALGORITHM$3));
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM$7, _SignedCertificateTimestamp.defaultValues(SIGNATURE_ALGORITHM$7));
        this.signature = pvutils__namespace.getParametersValue(parameters, SIGNATURE$6, _SignedCertificateTimestamp.defaultValues(SIGNATURE$6));
        if ("stream" in parameters && parameters.stream) {
          this.fromStream(parameters.stream);
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$h:
            return 0;
          case LOG_ID:
          case EXTENSIONS$5:
            return EMPTY_BUFFER;
          case TIMESTAMP:
            return /* @__PURE__ */ new Date(0);
          case HASH_ALGORITHM$3:
          case SIGNATURE_ALGORITHM$7:
            return EMPTY_STRING;
          case SIGNATURE$6:
            return EMPTY_BUFFER;
          default:
            return super.defaultValues(memberName);
        }
      }
      fromSchema(schema) {
        if (schema instanceof asn1js__namespace.RawData === false)
          throw new Error("Object's schema was not verified against input data for SignedCertificateTimestamp");
        const seqStream = new bs__namespace.SeqStream({
          stream: new bs__namespace.ByteStream({
            buffer: schema.data
          })
        });
        this.fromStream(seqStream);
      }
      fromStream(stream) {
        const blockLength = stream.getUint16();
        this.version = stream.getBlock(1)[0];
        if (this.version === 0) {
          this.logID = new Uint8Array(stream.getBlock(32)).buffer.slice(0);
          this.timestamp = new Date(pvutils__namespace.utilFromBase(new Uint8Array(stream.getBlock(8)), 8));
          const extensionsLength = stream.getUint16();
          this.extensions = new Uint8Array(stream.getBlock(extensionsLength)).buffer.slice(0);
          switch (stream.getBlock(1)[0]) {
            case 0:
              this.hashAlgorithm = NONE;
              break;
            case 1:
              this.hashAlgorithm = MD5;
              break;
            case 2:
              this.hashAlgorithm = SHA1;
              break;
            case 3:
              this.hashAlgorithm = SHA224;
              break;
            case 4:
              this.hashAlgorithm = SHA256;
              break;
            case 5:
              this.hashAlgorithm = SHA384;
              break;
            case 6:
              this.hashAlgorithm = SHA512;
              break;
            default:
              throw new Error("Object's stream was not correct for SignedCertificateTimestamp");
          }
          switch (stream.getBlock(1)[0]) {
            case 0:
              this.signatureAlgorithm = ANONYMOUS;
              break;
            case 1:
              this.signatureAlgorithm = RSA;
              break;
            case 2:
              this.signatureAlgorithm = DSA;
              break;
            case 3:
              this.signatureAlgorithm = ECDSA;
              break;
            default:
              throw new Error("Object's stream was not correct for SignedCertificateTimestamp");
          }
          const signatureLength = stream.getUint16();
          this.signature = new Uint8Array(stream.getBlock(signatureLength)).buffer.slice(0);
          if (blockLength !== 47 + extensionsLength + signatureLength) {
            throw new Error("Object's stream was not correct for SignedCertificateTimestamp");
          }
        }
      }
      toSchema() {
        const stream = this.toStream();
        return new asn1js__namespace.RawData({ data: stream.stream.buffer });
      }
      toStream() {
        const stream = new bs__namespace.SeqStream();
        stream.appendUint16(47 + this.extensions.byteLength + this.signature.byteLength);
        stream.appendChar(this.version);
        stream.appendView(new Uint8Array(this.logID));
        const timeBuffer = new ArrayBuffer(8);
        const timeView = new Uint8Array(timeBuffer);
        const baseArray = pvutils__namespace.utilToBase(this.timestamp.valueOf(), 8);
        timeView.set(new Uint8Array(baseArray), 8 - baseArray.byteLength);
        stream.appendView(timeView);
        stream.appendUint16(this.extensions.byteLength);
        if (this.extensions.byteLength)
          stream.appendView(new Uint8Array(this.extensions));
        let _hashAlgorithm;
        switch (this.hashAlgorithm.toLowerCase()) {
          case NONE:
            _hashAlgorithm = 0;
            break;
          case MD5:
            _hashAlgorithm = 1;
            break;
          case SHA1:
            _hashAlgorithm = 2;
            break;
          case SHA224:
            _hashAlgorithm = 3;
            break;
          case SHA256:
            _hashAlgorithm = 4;
            break;
          case SHA384:
            _hashAlgorithm = 5;
            break;
          case SHA512:
            _hashAlgorithm = 6;
            break;
          default:
            throw new Error(`Incorrect data for hashAlgorithm: ${this.hashAlgorithm}`);
        }
        stream.appendChar(_hashAlgorithm);
        let _signatureAlgorithm;
        switch (this.signatureAlgorithm.toLowerCase()) {
          case ANONYMOUS:
            _signatureAlgorithm = 0;
            break;
          case RSA:
            _signatureAlgorithm = 1;
            break;
          case DSA:
            _signatureAlgorithm = 2;
            break;
          case ECDSA:
            _signatureAlgorithm = 3;
            break;
          default:
            throw new Error(`Incorrect data for signatureAlgorithm: ${this.signatureAlgorithm}`);
        }
        stream.appendChar(_signatureAlgorithm);
        stream.appendUint16(this.signature.byteLength);
        stream.appendView(new Uint8Array(this.signature));
        return stream;
      }
      toJSON() {
        return {
          version: this.version,
          logID: pvutils__namespace.bufferToHexCodes(this.logID),
          timestamp: this.timestamp,
          extensions: pvutils__namespace.bufferToHexCodes(this.extensions),
          hashAlgorithm: this.hashAlgorithm,
          signatureAlgorithm: this.signatureAlgorithm,
          signature: pvutils__namespace.bufferToHexCodes(this.signature)
        };
      }
      async verify(logs, data, dataType = 0, crypto2 = getCrypto(true)) {
        const logId = pvutils__namespace.toBase64(pvutils__namespace.arrayBufferToString(this.logID));
        let publicKeyBase64 = null;
        const stream = new bs__namespace.SeqStream();
        for (const log of logs) {
          if (log.log_id === logId) {
            publicKeyBase64 = log.key;
            break;
          }
        }
        if (!publicKeyBase64) {
          throw new Error(`Public key not found for CT with logId: ${logId}`);
        }
        const pki = pvutils__namespace.stringToArrayBuffer(pvutils__namespace.fromBase64(publicKeyBase64));
        const publicKeyInfo = PublicKeyInfo.fromBER(pki);
        stream.appendChar(0);
        stream.appendChar(0);
        const timeBuffer = new ArrayBuffer(8);
        const timeView = new Uint8Array(timeBuffer);
        const baseArray = pvutils__namespace.utilToBase(this.timestamp.valueOf(), 8);
        timeView.set(new Uint8Array(baseArray), 8 - baseArray.byteLength);
        stream.appendView(timeView);
        stream.appendUint16(dataType);
        if (dataType === 0)
          stream.appendUint24(data.byteLength);
        stream.appendView(new Uint8Array(data));
        stream.appendUint16(this.extensions.byteLength);
        if (this.extensions.byteLength !== 0)
          stream.appendView(new Uint8Array(this.extensions));
        return crypto2.verifyWithPublicKey(stream.buffer.slice(0, stream.length), new asn1js__namespace.OctetString({ valueHex: this.signature }), publicKeyInfo, { algorithmId: EMPTY_STRING }, "SHA-256");
      }
    };
    SignedCertificateTimestamp.CLASS_NAME = "SignedCertificateTimestamp";
    var SCT_EXTENSION_OID = new asn1js__namespace.ObjectIdentifier({ value: id_SignedCertificateTimestampList }).valueBlock.toBER(false);
    function hasConstructedTag(value, tagClass, tagNumber) {
      if (!value || value.idBlock.tagClass !== tagClass || value.idBlock.tagNumber !== tagNumber)
        return false;
      if (!value.idBlock.isConstructed)
        return false;
      return "value" in value.valueBlock && Array.isArray(value.valueBlock.value);
    }
    function readCertificateTBS(certificate) {
      const encoded = certificate.tbsView.byteLength ? certificate.tbsView : new Uint8Array(certificate.encodeTBS().toBER(false));
      const decoded = asn1js__namespace.fromBER(encoded);
      if (decoded.offset !== encoded.byteLength || !hasConstructedTag(decoded.result, 1, 16))
        throw new Error("Invalid certificate TBS encoding");
      const tbsSchema = Certificate.schema().valueBlock.value[0];
      if (!asn1js__namespace.compareSchema(decoded.result, decoded.result, tbsSchema).verified)
        throw new Error("Invalid certificate TBS encoding");
      return decoded.result;
    }
    function encodeConstructedValue(schema, children) {
      const container = new asn1js__namespace.Constructed({ idBlock: { tagClass: schema.idBlock.tagClass, tagNumber: schema.idBlock.tagNumber } });
      const content = pvutils__namespace.utilConcatView(...children);
      container.lenBlock.length = content.byteLength;
      return pvutils__namespace.utilConcatBuf(container.idBlock.toBER(false), container.lenBlock.toBER(false), content.buffer);
    }
    function readExtensionField(schema) {
      const field = schema.valueBlock.value.find((value) => hasConstructedTag(value, 3, 3));
      const extensions = field === null || field === void 0 ? void 0 : field.valueBlock.value[0];
      if (!field || !hasConstructedTag(extensions, 1, 16))
        throw new Error("No SignedCertificateTimestampList extension in the specified certificate");
      return { field, extensions };
    }
    function isSCTExtension(extension) {
      if (!hasConstructedTag(extension, 1, 16))
        return false;
      const oid = extension.valueBlock.value[0];
      if (!oid || oid.idBlock.tagClass !== 1 || oid.idBlock.tagNumber !== 6 || oid.idBlock.isConstructed)
        return false;
      return pvutils__namespace.isEqualBuffer(oid.valueBlock.toBER(false), SCT_EXTENSION_OID);
    }
    function readSCTList(extensions) {
      let timestamps;
      for (let i = extensions.length - 1; i >= 0; i--) {
        timestamps = Extension.fromBER(extensions[i].valueBeforeDecodeView.slice().buffer).parsedValue;
        if (!timestamps || timestamps.timestamps.length === 0)
          throw new Error("Nothing to verify in the certificate");
      }
      if (!timestamps)
        throw new Error("No SignedCertificateTimestampList extension in the specified certificate");
      return timestamps;
    }
    function encodeExtensionsWithoutSCTs(field, extensions) {
      const retained = extensions.valueBlock.value.filter((extension) => !isSCTExtension(extension));
      if (retained.length === 0)
        return [];
      const encoded = encodeConstructedValue(extensions, retained.map((extension) => extension.valueBeforeDecodeView));
      return [new Uint8Array(encodeConstructedValue(field, [new Uint8Array(encoded)]))];
    }
    function preparePreCert(certificate) {
      const schema = readCertificateTBS(certificate);
      const { field, extensions } = readExtensionField(schema);
      const timestamps = readSCTList(extensions.valueBlock.value.filter(isSCTExtension));
      const replacement = encodeExtensionsWithoutSCTs(field, extensions);
      const value = schema.valueBlock.value.flatMap((value2) => value2 === field ? replacement : [value2.valueBeforeDecodeView]);
      return { tbs: encodeConstructedValue(schema, value), timestamps };
    }
    async function verifySCTsForCertificate(certificate, issuerCertificate, logs, index = -1, crypto2 = getCrypto(true)) {
      const { tbs, timestamps: parsedValue } = preparePreCert(certificate);
      const stream = new bs__namespace.SeqStream();
      const issuerId = await crypto2.digest({ name: "SHA-256" }, new Uint8Array(issuerCertificate.subjectPublicKeyInfo.toSchema().toBER(false)));
      stream.appendView(new Uint8Array(issuerId));
      stream.appendUint24(tbs.byteLength);
      stream.appendView(new Uint8Array(tbs));
      const preCert = stream.stream.slice(0, stream.length);
      if (index === -1) {
        const verifyArray = [];
        for (const timestamp of parsedValue.timestamps) {
          const verifyResult = await timestamp.verify(logs, preCert.buffer, 1, crypto2);
          verifyArray.push(verifyResult);
        }
        return verifyArray;
      }
      if (index >= parsedValue.timestamps.length)
        index = parsedValue.timestamps.length - 1;
      return [await parsedValue.timestamps[index].verify(logs, preCert.buffer, 1, crypto2)];
    }
    var TIMESTAMPS = "timestamps";
    var SignedCertificateTimestampList = class _SignedCertificateTimestampList extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.timestamps = pvutils__namespace.getParametersValue(parameters, TIMESTAMPS, _SignedCertificateTimestampList.defaultValues(TIMESTAMPS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TIMESTAMPS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case TIMESTAMPS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        var _a2;
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        (_a2 = names.optional) !== null && _a2 !== void 0 ? _a2 : names.optional = false;
        return new asn1js__namespace.OctetString({
          name: names.blockName || "SignedCertificateTimestampList",
          optional: names.optional
        });
      }
      fromSchema(schema) {
        if (schema instanceof asn1js__namespace.OctetString === false) {
          throw new Error("Object's schema was not verified against input data for SignedCertificateTimestampList");
        }
        const seqStream = new bs__namespace.SeqStream({
          stream: new bs__namespace.ByteStream({
            buffer: schema.valueBlock.valueHex
          })
        });
        const dataLength = seqStream.getUint16();
        if (dataLength !== seqStream.length) {
          throw new Error("Object's schema was not verified against input data for SignedCertificateTimestampList");
        }
        while (seqStream.length) {
          this.timestamps.push(new SignedCertificateTimestamp({ stream: seqStream }));
        }
      }
      toSchema() {
        const stream = new bs__namespace.SeqStream();
        let overallLength = 0;
        const timestampsData = [];
        for (const timestamp of this.timestamps) {
          const timestampStream = timestamp.toStream();
          timestampsData.push(timestampStream);
          overallLength += timestampStream.stream.buffer.byteLength;
        }
        stream.appendUint16(overallLength);
        for (const timestamp of timestampsData) {
          stream.appendView(timestamp.stream.view);
        }
        return new asn1js__namespace.OctetString({ valueHex: stream.stream.buffer.slice(0) });
      }
      toJSON() {
        return {
          timestamps: Array.from(this.timestamps, (o) => o.toJSON())
        };
      }
    };
    SignedCertificateTimestampList.CLASS_NAME = "SignedCertificateTimestampList";
    var ATTRIBUTES$4 = "attributes";
    var CLEAR_PROPS$$ = [ATTRIBUTES$4];
    var SubjectDirectoryAttributes = class _SubjectDirectoryAttributes extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.attributes = pvutils__namespace.getParametersValue(parameters, ATTRIBUTES$4, _SubjectDirectoryAttributes.defaultValues(ATTRIBUTES$4));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ATTRIBUTES$4:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.attributes || EMPTY_STRING,
              value: Attribute.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$$);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _SubjectDirectoryAttributes.schema({
          names: {
            attributes: ATTRIBUTES$4
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.attributes = Array.from(asn1.result.attributes, (element) => new Attribute({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.attributes, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          attributes: Array.from(this.attributes, (o) => o.toJSON())
        };
      }
    };
    SubjectDirectoryAttributes.CLASS_NAME = "SubjectDirectoryAttributes";
    var ExtensionValueFactory = class _ExtensionValueFactory {
      static getItems() {
        if (!this.types) {
          this.types = {};
          _ExtensionValueFactory.register(id_SubjectAltName, "SubjectAltName", AltName);
          _ExtensionValueFactory.register(id_IssuerAltName, "IssuerAltName", AltName);
          _ExtensionValueFactory.register(id_AuthorityKeyIdentifier, "AuthorityKeyIdentifier", AuthorityKeyIdentifier);
          _ExtensionValueFactory.register(id_BasicConstraints, "BasicConstraints", BasicConstraints);
          _ExtensionValueFactory.register(id_MicrosoftCaVersion, "MicrosoftCaVersion", CAVersion);
          _ExtensionValueFactory.register(id_CertificatePolicies, "CertificatePolicies", CertificatePolicies);
          _ExtensionValueFactory.register(id_MicrosoftAppPolicies, "CertificatePoliciesMicrosoft", CertificatePolicies);
          _ExtensionValueFactory.register(id_MicrosoftCertTemplateV2, "MicrosoftCertTemplateV2", CertificateTemplate);
          _ExtensionValueFactory.register(id_CRLDistributionPoints, "CRLDistributionPoints", CRLDistributionPoints);
          _ExtensionValueFactory.register(id_FreshestCRL, "FreshestCRL", CRLDistributionPoints);
          _ExtensionValueFactory.register(id_ExtKeyUsage, "ExtKeyUsage", ExtKeyUsage);
          _ExtensionValueFactory.register(id_CertificateIssuer, "CertificateIssuer", GeneralNames);
          _ExtensionValueFactory.register(id_AuthorityInfoAccess, "AuthorityInfoAccess", InfoAccess);
          _ExtensionValueFactory.register(id_SubjectInfoAccess, "SubjectInfoAccess", InfoAccess);
          _ExtensionValueFactory.register(id_IssuingDistributionPoint, "IssuingDistributionPoint", IssuingDistributionPoint);
          _ExtensionValueFactory.register(id_NameConstraints, "NameConstraints", NameConstraints);
          _ExtensionValueFactory.register(id_PolicyConstraints, "PolicyConstraints", PolicyConstraints);
          _ExtensionValueFactory.register(id_PolicyMappings, "PolicyMappings", PolicyMappings);
          _ExtensionValueFactory.register(id_PrivateKeyUsagePeriod, "PrivateKeyUsagePeriod", PrivateKeyUsagePeriod);
          _ExtensionValueFactory.register(id_QCStatements, "QCStatements", QCStatements);
          _ExtensionValueFactory.register(id_SignedCertificateTimestampList, "SignedCertificateTimestampList", SignedCertificateTimestampList);
          _ExtensionValueFactory.register(id_SubjectDirectoryAttributes, "SubjectDirectoryAttributes", SubjectDirectoryAttributes);
        }
        return this.types;
      }
      static fromBER(id, raw) {
        const asn1 = asn1js__namespace.fromBER(raw);
        if (asn1.offset === -1) {
          return null;
        }
        const item = this.find(id);
        if (item) {
          try {
            return new item.type({ schema: asn1.result });
          } catch {
            const res = new item.type();
            res.parsingError = `Incorrectly formatted value of extension ${item.name} (${id})`;
            return res;
          }
        }
        return asn1.result;
      }
      static find(id) {
        const types = this.getItems();
        return types[id] || null;
      }
      static register(id, name, type) {
        this.getItems()[id] = { name, type };
      }
    };
    var EXTN_ID = "extnID";
    var CRITICAL = "critical";
    var EXTN_VALUE = "extnValue";
    var PARSED_VALUE$5 = "parsedValue";
    var CLEAR_PROPS$_ = [EXTN_ID, CRITICAL, EXTN_VALUE];
    var Extension = class _Extension extends PkiObject {
      get parsedValue() {
        if (this._parsedValue === void 0) {
          const parsedValue = ExtensionValueFactory.fromBER(this.extnID, this.extnValue.valueBlock.valueHexView);
          this._parsedValue = parsedValue;
        }
        return this._parsedValue || void 0;
      }
      set parsedValue(value) {
        this._parsedValue = value;
      }
      constructor(parameters = {}) {
        super();
        this.extnID = pvutils__namespace.getParametersValue(parameters, EXTN_ID, _Extension.defaultValues(EXTN_ID));
        this.critical = pvutils__namespace.getParametersValue(parameters, CRITICAL, _Extension.defaultValues(CRITICAL));
        if (EXTN_VALUE in parameters) {
          this.extnValue = new asn1js__namespace.OctetString({ valueHex: parameters.extnValue });
        } else {
          this.extnValue = _Extension.defaultValues(EXTN_VALUE);
        }
        if (PARSED_VALUE$5 in parameters) {
          this.parsedValue = pvutils__namespace.getParametersValue(parameters, PARSED_VALUE$5, _Extension.defaultValues(PARSED_VALUE$5));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case EXTN_ID:
            return EMPTY_STRING;
          case CRITICAL:
            return false;
          case EXTN_VALUE:
            return new asn1js__namespace.OctetString();
          case PARSED_VALUE$5:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.extnID || EMPTY_STRING }),
            new asn1js__namespace.Boolean({
              name: names.critical || EMPTY_STRING,
              optional: true
            }),
            new asn1js__namespace.OctetString({ name: names.extnValue || EMPTY_STRING })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$_);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Extension.schema({
          names: {
            extnID: EXTN_ID,
            critical: CRITICAL,
            extnValue: EXTN_VALUE
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.extnID = asn1.result.extnID.valueBlock.toString();
        if (CRITICAL in asn1.result) {
          this.critical = asn1.result.critical.valueBlock.value;
        }
        this.extnValue = asn1.result.extnValue;
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.extnID }));
        if (this.critical !== _Extension.defaultValues(CRITICAL)) {
          outputArray.push(new asn1js__namespace.Boolean({ value: this.critical }));
        }
        outputArray.push(this.extnValue);
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const object = {
          extnID: this.extnID,
          extnValue: this.extnValue.toJSON()
        };
        if (this.critical !== _Extension.defaultValues(CRITICAL)) {
          object.critical = this.critical;
        }
        if (this.parsedValue && this.parsedValue.toJSON) {
          object.parsedValue = this.parsedValue.toJSON();
        }
        return object;
      }
    };
    Extension.CLASS_NAME = "Extension";
    var EXTENSIONS$4 = "extensions";
    var CLEAR_PROPS$Z = [EXTENSIONS$4];
    var Extensions = class _Extensions extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.extensions = pvutils__namespace.getParametersValue(parameters, EXTENSIONS$4, _Extensions.defaultValues(EXTENSIONS$4));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case EXTENSIONS$4:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}, optional = false) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          optional,
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.extensions || EMPTY_STRING,
              value: Extension.schema(names.extension || {})
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$Z);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Extensions.schema({
          names: {
            extensions: EXTENSIONS$4
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.extensions = Array.from(asn1.result.extensions, (element) => new Extension({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.extensions, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          extensions: this.extensions.map((o) => o.toJSON())
        };
      }
    };
    Extensions.CLASS_NAME = "Extensions";
    var ISSUER$4 = "issuer";
    var SERIAL_NUMBER$5 = "serialNumber";
    var ISSUER_UID = "issuerUID";
    var CLEAR_PROPS$Y = [ISSUER$4, SERIAL_NUMBER$5, ISSUER_UID];
    var IssuerSerial = class _IssuerSerial extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.issuer = pvutils__namespace.getParametersValue(parameters, ISSUER$4, _IssuerSerial.defaultValues(ISSUER$4));
        this.serialNumber = pvutils__namespace.getParametersValue(parameters, SERIAL_NUMBER$5, _IssuerSerial.defaultValues(SERIAL_NUMBER$5));
        if (ISSUER_UID in parameters) {
          this.issuerUID = pvutils__namespace.getParametersValue(parameters, ISSUER_UID, _IssuerSerial.defaultValues(ISSUER_UID));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ISSUER$4:
            return new GeneralNames();
          case SERIAL_NUMBER$5:
            return new asn1js__namespace.Integer();
          case ISSUER_UID:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            GeneralNames.schema(names.issuer || {}),
            new asn1js__namespace.Integer({ name: names.serialNumber || EMPTY_STRING }),
            new asn1js__namespace.BitString({
              optional: true,
              name: names.issuerUID || EMPTY_STRING
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$Y);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _IssuerSerial.schema({
          names: {
            issuer: {
              names: {
                blockName: ISSUER$4
              }
            },
            serialNumber: SERIAL_NUMBER$5,
            issuerUID: ISSUER_UID
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.issuer = new GeneralNames({ schema: asn1.result.issuer });
        this.serialNumber = asn1.result.serialNumber;
        if (ISSUER_UID in asn1.result)
          this.issuerUID = asn1.result.issuerUID;
      }
      toSchema() {
        const result = new asn1js__namespace.Sequence({
          value: [this.issuer.toSchema(), this.serialNumber]
        });
        if (this.issuerUID) {
          result.valueBlock.value.push(this.issuerUID);
        }
        return result;
      }
      toJSON() {
        const result = {
          issuer: this.issuer.toJSON(),
          serialNumber: this.serialNumber.toJSON()
        };
        if (this.issuerUID) {
          result.issuerUID = this.issuerUID.toJSON();
        }
        return result;
      }
    };
    IssuerSerial.CLASS_NAME = "IssuerSerial";
    var VERSION$g = "version";
    var BASE_CERTIFICATE_ID$2 = "baseCertificateID";
    var SUBJECT_NAME = "subjectName";
    var ISSUER$3 = "issuer";
    var SIGNATURE$5 = "signature";
    var SERIAL_NUMBER$4 = "serialNumber";
    var ATTR_CERT_VALIDITY_PERIOD$1 = "attrCertValidityPeriod";
    var ATTRIBUTES$3 = "attributes";
    var ISSUER_UNIQUE_ID$1 = "issuerUniqueID";
    var EXTENSIONS$3 = "extensions";
    var CLEAR_PROPS$X = [VERSION$g, BASE_CERTIFICATE_ID$2, SUBJECT_NAME, ISSUER$3, SIGNATURE$5, SERIAL_NUMBER$4, ATTR_CERT_VALIDITY_PERIOD$1, ATTRIBUTES$3, ISSUER_UNIQUE_ID$1, EXTENSIONS$3];
    var AttributeCertificateInfoV1 = class _AttributeCertificateInfoV1 extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$g, _AttributeCertificateInfoV1.defaultValues(VERSION$g));
        if (BASE_CERTIFICATE_ID$2 in parameters) {
          this.baseCertificateID = pvutils__namespace.getParametersValue(parameters, BASE_CERTIFICATE_ID$2, _AttributeCertificateInfoV1.defaultValues(BASE_CERTIFICATE_ID$2));
        }
        if (SUBJECT_NAME in parameters) {
          this.subjectName = pvutils__namespace.getParametersValue(parameters, SUBJECT_NAME, _AttributeCertificateInfoV1.defaultValues(SUBJECT_NAME));
        }
        this.issuer = pvutils__namespace.getParametersValue(parameters, ISSUER$3, _AttributeCertificateInfoV1.defaultValues(ISSUER$3));
        this.signature = pvutils__namespace.getParametersValue(parameters, SIGNATURE$5, _AttributeCertificateInfoV1.defaultValues(SIGNATURE$5));
        this.serialNumber = pvutils__namespace.getParametersValue(parameters, SERIAL_NUMBER$4, _AttributeCertificateInfoV1.defaultValues(SERIAL_NUMBER$4));
        this.attrCertValidityPeriod = pvutils__namespace.getParametersValue(parameters, ATTR_CERT_VALIDITY_PERIOD$1, _AttributeCertificateInfoV1.defaultValues(ATTR_CERT_VALIDITY_PERIOD$1));
        this.attributes = pvutils__namespace.getParametersValue(parameters, ATTRIBUTES$3, _AttributeCertificateInfoV1.defaultValues(ATTRIBUTES$3));
        if (ISSUER_UNIQUE_ID$1 in parameters)
          this.issuerUniqueID = pvutils__namespace.getParametersValue(parameters, ISSUER_UNIQUE_ID$1, _AttributeCertificateInfoV1.defaultValues(ISSUER_UNIQUE_ID$1));
        if (EXTENSIONS$3 in parameters) {
          this.extensions = pvutils__namespace.getParametersValue(parameters, EXTENSIONS$3, _AttributeCertificateInfoV1.defaultValues(EXTENSIONS$3));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$g:
            return 0;
          case BASE_CERTIFICATE_ID$2:
            return new IssuerSerial();
          case SUBJECT_NAME:
            return new GeneralNames();
          case ISSUER$3:
            return new GeneralNames();
          case SIGNATURE$5:
            return new AlgorithmIdentifier();
          case SERIAL_NUMBER$4:
            return new asn1js__namespace.Integer();
          case ATTR_CERT_VALIDITY_PERIOD$1:
            return new AttCertValidityPeriod();
          case ATTRIBUTES$3:
            return [];
          case ISSUER_UNIQUE_ID$1:
            return new asn1js__namespace.BitString();
          case EXTENSIONS$3:
            return new Extensions();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            new asn1js__namespace.Choice({
              value: [
                new asn1js__namespace.Constructed({
                  name: names.baseCertificateID || EMPTY_STRING,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 0
                  },
                  value: IssuerSerial.schema().valueBlock.value
                }),
                new asn1js__namespace.Constructed({
                  name: names.subjectName || EMPTY_STRING,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 1
                  },
                  value: GeneralNames.schema().valueBlock.value
                })
              ]
            }),
            GeneralNames.schema({
              names: {
                blockName: names.issuer || EMPTY_STRING
              }
            }),
            AlgorithmIdentifier.schema(names.signature || {}),
            new asn1js__namespace.Integer({ name: names.serialNumber || EMPTY_STRING }),
            AttCertValidityPeriod.schema(names.attrCertValidityPeriod || {}),
            new asn1js__namespace.Sequence({
              name: names.attributes || EMPTY_STRING,
              value: [
                new asn1js__namespace.Repeated({
                  value: Attribute.schema()
                })
              ]
            }),
            new asn1js__namespace.BitString({
              optional: true,
              name: names.issuerUniqueID || EMPTY_STRING
            }),
            Extensions.schema(names.extensions || {}, true)
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$X);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AttributeCertificateInfoV1.schema({
          names: {
            version: VERSION$g,
            baseCertificateID: BASE_CERTIFICATE_ID$2,
            subjectName: SUBJECT_NAME,
            issuer: ISSUER$3,
            signature: {
              names: {
                blockName: SIGNATURE$5
              }
            },
            serialNumber: SERIAL_NUMBER$4,
            attrCertValidityPeriod: {
              names: {
                blockName: ATTR_CERT_VALIDITY_PERIOD$1
              }
            },
            attributes: ATTRIBUTES$3,
            issuerUniqueID: ISSUER_UNIQUE_ID$1,
            extensions: {
              names: {
                blockName: EXTENSIONS$3
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        if (BASE_CERTIFICATE_ID$2 in asn1.result) {
          this.baseCertificateID = new IssuerSerial({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.baseCertificateID.valueBlock.value
            })
          });
        }
        if (SUBJECT_NAME in asn1.result) {
          this.subjectName = new GeneralNames({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.subjectName.valueBlock.value
            })
          });
        }
        this.issuer = asn1.result.issuer;
        this.signature = new AlgorithmIdentifier({ schema: asn1.result.signature });
        this.serialNumber = asn1.result.serialNumber;
        this.attrCertValidityPeriod = new AttCertValidityPeriod({
          schema: asn1.result.attrCertValidityPeriod
        });
        this.attributes = Array.from(asn1.result.attributes.valueBlock.value, (element) => new Attribute({ schema: element }));
        if (ISSUER_UNIQUE_ID$1 in asn1.result) {
          this.issuerUniqueID = asn1.result.issuerUniqueID;
        }
        if (EXTENSIONS$3 in asn1.result) {
          this.extensions = new Extensions({ schema: asn1.result.extensions });
        }
      }
      toSchema() {
        const result = new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.Integer({ value: this.version })]
        });
        if (this.baseCertificateID) {
          result.valueBlock.value.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: this.baseCertificateID.toSchema().valueBlock.value
          }));
        }
        if (this.subjectName) {
          result.valueBlock.value.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: this.subjectName.toSchema().valueBlock.value
          }));
        }
        result.valueBlock.value.push(this.issuer.toSchema());
        result.valueBlock.value.push(this.signature.toSchema());
        result.valueBlock.value.push(this.serialNumber);
        result.valueBlock.value.push(this.attrCertValidityPeriod.toSchema());
        result.valueBlock.value.push(new asn1js__namespace.Sequence({
          value: Array.from(this.attributes, (o) => o.toSchema())
        }));
        if (this.issuerUniqueID) {
          result.valueBlock.value.push(this.issuerUniqueID);
        }
        if (this.extensions) {
          result.valueBlock.value.push(this.extensions.toSchema());
        }
        return result;
      }
      toJSON() {
        const result = {
          version: this.version
        };
        if (this.baseCertificateID) {
          result.baseCertificateID = this.baseCertificateID.toJSON();
        }
        if (this.subjectName) {
          result.subjectName = this.subjectName.toJSON();
        }
        result.issuer = this.issuer.toJSON();
        result.signature = this.signature.toJSON();
        result.serialNumber = this.serialNumber.toJSON();
        result.attrCertValidityPeriod = this.attrCertValidityPeriod.toJSON();
        result.attributes = Array.from(this.attributes, (o) => o.toJSON());
        if (this.issuerUniqueID) {
          result.issuerUniqueID = this.issuerUniqueID.toJSON();
        }
        if (this.extensions) {
          result.extensions = this.extensions.toJSON();
        }
        return result;
      }
    };
    AttributeCertificateInfoV1.CLASS_NAME = "AttributeCertificateInfoV1";
    var ACINFO$1 = "acinfo";
    var SIGNATURE_ALGORITHM$6 = "signatureAlgorithm";
    var SIGNATURE_VALUE$3 = "signatureValue";
    var CLEAR_PROPS$W = [ACINFO$1, SIGNATURE_VALUE$3, SIGNATURE_ALGORITHM$6];
    var AttributeCertificateV1 = class _AttributeCertificateV1 extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.acinfo = pvutils__namespace.getParametersValue(parameters, ACINFO$1, _AttributeCertificateV1.defaultValues(ACINFO$1));
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM$6, _AttributeCertificateV1.defaultValues(SIGNATURE_ALGORITHM$6));
        this.signatureValue = pvutils__namespace.getParametersValue(parameters, SIGNATURE_VALUE$3, _AttributeCertificateV1.defaultValues(SIGNATURE_VALUE$3));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ACINFO$1:
            return new AttributeCertificateInfoV1();
          case SIGNATURE_ALGORITHM$6:
            return new AlgorithmIdentifier();
          case SIGNATURE_VALUE$3:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [AttributeCertificateInfoV1.schema(names.acinfo || {}), AlgorithmIdentifier.schema(names.signatureAlgorithm || {}), new asn1js__namespace.BitString({ name: names.signatureValue || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$W);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AttributeCertificateV1.schema({
          names: {
            acinfo: {
              names: {
                blockName: ACINFO$1
              }
            },
            signatureAlgorithm: {
              names: {
                blockName: SIGNATURE_ALGORITHM$6
              }
            },
            signatureValue: SIGNATURE_VALUE$3
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.acinfo = new AttributeCertificateInfoV1({ schema: asn1.result.acinfo });
        this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
        this.signatureValue = asn1.result.signatureValue;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.acinfo.toSchema(), this.signatureAlgorithm.toSchema(), this.signatureValue]
        });
      }
      toJSON() {
        return {
          acinfo: this.acinfo.toJSON(),
          signatureAlgorithm: this.signatureAlgorithm.toJSON(),
          signatureValue: this.signatureValue.toJSON()
        };
      }
    };
    AttributeCertificateV1.CLASS_NAME = "AttributeCertificateV1";
    var DIGESTED_OBJECT_TYPE = "digestedObjectType";
    var OTHER_OBJECT_TYPE_ID = "otherObjectTypeID";
    var DIGEST_ALGORITHM$2 = "digestAlgorithm";
    var OBJECT_DIGEST = "objectDigest";
    var CLEAR_PROPS$V = [DIGESTED_OBJECT_TYPE, OTHER_OBJECT_TYPE_ID, DIGEST_ALGORITHM$2, OBJECT_DIGEST];
    var ObjectDigestInfo = class _ObjectDigestInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.digestedObjectType = pvutils__namespace.getParametersValue(parameters, DIGESTED_OBJECT_TYPE, _ObjectDigestInfo.defaultValues(DIGESTED_OBJECT_TYPE));
        if (OTHER_OBJECT_TYPE_ID in parameters) {
          this.otherObjectTypeID = pvutils__namespace.getParametersValue(parameters, OTHER_OBJECT_TYPE_ID, _ObjectDigestInfo.defaultValues(OTHER_OBJECT_TYPE_ID));
        }
        this.digestAlgorithm = pvutils__namespace.getParametersValue(parameters, DIGEST_ALGORITHM$2, _ObjectDigestInfo.defaultValues(DIGEST_ALGORITHM$2));
        this.objectDigest = pvutils__namespace.getParametersValue(parameters, OBJECT_DIGEST, _ObjectDigestInfo.defaultValues(OBJECT_DIGEST));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case DIGESTED_OBJECT_TYPE:
            return new asn1js__namespace.Enumerated();
          case OTHER_OBJECT_TYPE_ID:
            return new asn1js__namespace.ObjectIdentifier();
          case DIGEST_ALGORITHM$2:
            return new AlgorithmIdentifier();
          case OBJECT_DIGEST:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Enumerated({ name: names.digestedObjectType || EMPTY_STRING }),
            new asn1js__namespace.ObjectIdentifier({
              optional: true,
              name: names.otherObjectTypeID || EMPTY_STRING
            }),
            AlgorithmIdentifier.schema(names.digestAlgorithm || {}),
            new asn1js__namespace.BitString({ name: names.objectDigest || EMPTY_STRING })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$V);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _ObjectDigestInfo.schema({
          names: {
            digestedObjectType: DIGESTED_OBJECT_TYPE,
            otherObjectTypeID: OTHER_OBJECT_TYPE_ID,
            digestAlgorithm: {
              names: {
                blockName: DIGEST_ALGORITHM$2
              }
            },
            objectDigest: OBJECT_DIGEST
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.digestedObjectType = asn1.result.digestedObjectType;
        if (OTHER_OBJECT_TYPE_ID in asn1.result) {
          this.otherObjectTypeID = asn1.result.otherObjectTypeID;
        }
        this.digestAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.digestAlgorithm });
        this.objectDigest = asn1.result.objectDigest;
      }
      toSchema() {
        const result = new asn1js__namespace.Sequence({
          value: [this.digestedObjectType]
        });
        if (this.otherObjectTypeID) {
          result.valueBlock.value.push(this.otherObjectTypeID);
        }
        result.valueBlock.value.push(this.digestAlgorithm.toSchema());
        result.valueBlock.value.push(this.objectDigest);
        return result;
      }
      toJSON() {
        const result = {
          digestedObjectType: this.digestedObjectType.toJSON(),
          digestAlgorithm: this.digestAlgorithm.toJSON(),
          objectDigest: this.objectDigest.toJSON()
        };
        if (this.otherObjectTypeID) {
          result.otherObjectTypeID = this.otherObjectTypeID.toJSON();
        }
        return result;
      }
    };
    ObjectDigestInfo.CLASS_NAME = "ObjectDigestInfo";
    var ISSUER_NAME = "issuerName";
    var BASE_CERTIFICATE_ID$1 = "baseCertificateID";
    var OBJECT_DIGEST_INFO$1 = "objectDigestInfo";
    var CLEAR_PROPS$U = [ISSUER_NAME, BASE_CERTIFICATE_ID$1, OBJECT_DIGEST_INFO$1];
    var V2Form = class _V2Form extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (ISSUER_NAME in parameters) {
          this.issuerName = pvutils__namespace.getParametersValue(parameters, ISSUER_NAME, _V2Form.defaultValues(ISSUER_NAME));
        }
        if (BASE_CERTIFICATE_ID$1 in parameters) {
          this.baseCertificateID = pvutils__namespace.getParametersValue(parameters, BASE_CERTIFICATE_ID$1, _V2Form.defaultValues(BASE_CERTIFICATE_ID$1));
        }
        if (OBJECT_DIGEST_INFO$1 in parameters) {
          this.objectDigestInfo = pvutils__namespace.getParametersValue(parameters, OBJECT_DIGEST_INFO$1, _V2Form.defaultValues(OBJECT_DIGEST_INFO$1));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ISSUER_NAME:
            return new GeneralNames();
          case BASE_CERTIFICATE_ID$1:
            return new IssuerSerial();
          case OBJECT_DIGEST_INFO$1:
            return new ObjectDigestInfo();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            GeneralNames.schema({
              names: {
                blockName: names.issuerName
              }
            }, true),
            new asn1js__namespace.Constructed({
              optional: true,
              name: names.baseCertificateID || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: IssuerSerial.schema().valueBlock.value
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              name: names.objectDigestInfo || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: ObjectDigestInfo.schema().valueBlock.value
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$U);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _V2Form.schema({
          names: {
            issuerName: ISSUER_NAME,
            baseCertificateID: BASE_CERTIFICATE_ID$1,
            objectDigestInfo: OBJECT_DIGEST_INFO$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (ISSUER_NAME in asn1.result)
          this.issuerName = new GeneralNames({ schema: asn1.result.issuerName });
        if (BASE_CERTIFICATE_ID$1 in asn1.result) {
          this.baseCertificateID = new IssuerSerial({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.baseCertificateID.valueBlock.value
            })
          });
        }
        if (OBJECT_DIGEST_INFO$1 in asn1.result) {
          this.objectDigestInfo = new ObjectDigestInfo({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.objectDigestInfo.valueBlock.value
            })
          });
        }
      }
      toSchema() {
        const result = new asn1js__namespace.Sequence();
        if (this.issuerName)
          result.valueBlock.value.push(this.issuerName.toSchema());
        if (this.baseCertificateID) {
          result.valueBlock.value.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: this.baseCertificateID.toSchema().valueBlock.value
          }));
        }
        if (this.objectDigestInfo) {
          result.valueBlock.value.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: this.objectDigestInfo.toSchema().valueBlock.value
          }));
        }
        return result;
      }
      toJSON() {
        const result = {};
        if (this.issuerName) {
          result.issuerName = this.issuerName.toJSON();
        }
        if (this.baseCertificateID) {
          result.baseCertificateID = this.baseCertificateID.toJSON();
        }
        if (this.objectDigestInfo) {
          result.objectDigestInfo = this.objectDigestInfo.toJSON();
        }
        return result;
      }
    };
    V2Form.CLASS_NAME = "V2Form";
    var BASE_CERTIFICATE_ID = "baseCertificateID";
    var ENTITY_NAME = "entityName";
    var OBJECT_DIGEST_INFO = "objectDigestInfo";
    var CLEAR_PROPS$T = [BASE_CERTIFICATE_ID, ENTITY_NAME, OBJECT_DIGEST_INFO];
    var Holder = class _Holder extends PkiObject {
      constructor(parameters = {}) {
        super();
        if (BASE_CERTIFICATE_ID in parameters) {
          this.baseCertificateID = pvutils__namespace.getParametersValue(parameters, BASE_CERTIFICATE_ID, _Holder.defaultValues(BASE_CERTIFICATE_ID));
        }
        if (ENTITY_NAME in parameters) {
          this.entityName = pvutils__namespace.getParametersValue(parameters, ENTITY_NAME, _Holder.defaultValues(ENTITY_NAME));
        }
        if (OBJECT_DIGEST_INFO in parameters) {
          this.objectDigestInfo = pvutils__namespace.getParametersValue(parameters, OBJECT_DIGEST_INFO, _Holder.defaultValues(OBJECT_DIGEST_INFO));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case BASE_CERTIFICATE_ID:
            return new IssuerSerial();
          case ENTITY_NAME:
            return new GeneralNames();
          case OBJECT_DIGEST_INFO:
            return new ObjectDigestInfo();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Constructed({
              optional: true,
              name: names.baseCertificateID || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: IssuerSerial.schema().valueBlock.value
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              name: names.entityName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: GeneralNames.schema().valueBlock.value
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              name: names.objectDigestInfo || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              value: ObjectDigestInfo.schema().valueBlock.value
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$T);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Holder.schema({
          names: {
            baseCertificateID: BASE_CERTIFICATE_ID,
            entityName: ENTITY_NAME,
            objectDigestInfo: OBJECT_DIGEST_INFO
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (BASE_CERTIFICATE_ID in asn1.result) {
          this.baseCertificateID = new IssuerSerial({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.baseCertificateID.valueBlock.value
            })
          });
        }
        if (ENTITY_NAME in asn1.result) {
          this.entityName = new GeneralNames({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.entityName.valueBlock.value
            })
          });
        }
        if (OBJECT_DIGEST_INFO in asn1.result) {
          this.objectDigestInfo = new ObjectDigestInfo({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.objectDigestInfo.valueBlock.value
            })
          });
        }
      }
      toSchema() {
        const result = new asn1js__namespace.Sequence();
        if (this.baseCertificateID) {
          result.valueBlock.value.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: this.baseCertificateID.toSchema().valueBlock.value
          }));
        }
        if (this.entityName) {
          result.valueBlock.value.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: this.entityName.toSchema().valueBlock.value
          }));
        }
        if (this.objectDigestInfo) {
          result.valueBlock.value.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            },
            value: this.objectDigestInfo.toSchema().valueBlock.value
          }));
        }
        return result;
      }
      toJSON() {
        const result = {};
        if (this.baseCertificateID) {
          result.baseCertificateID = this.baseCertificateID.toJSON();
        }
        if (this.entityName) {
          result.entityName = this.entityName.toJSON();
        }
        if (this.objectDigestInfo) {
          result.objectDigestInfo = this.objectDigestInfo.toJSON();
        }
        return result;
      }
    };
    Holder.CLASS_NAME = "Holder";
    var VERSION$f = "version";
    var HOLDER = "holder";
    var ISSUER$2 = "issuer";
    var SIGNATURE$4 = "signature";
    var SERIAL_NUMBER$3 = "serialNumber";
    var ATTR_CERT_VALIDITY_PERIOD = "attrCertValidityPeriod";
    var ATTRIBUTES$2 = "attributes";
    var ISSUER_UNIQUE_ID = "issuerUniqueID";
    var EXTENSIONS$2 = "extensions";
    var CLEAR_PROPS$S = [VERSION$f, HOLDER, ISSUER$2, SIGNATURE$4, SERIAL_NUMBER$3, ATTR_CERT_VALIDITY_PERIOD, ATTRIBUTES$2, ISSUER_UNIQUE_ID, EXTENSIONS$2];
    var AttributeCertificateInfoV2 = class _AttributeCertificateInfoV2 extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$f, _AttributeCertificateInfoV2.defaultValues(VERSION$f));
        this.holder = pvutils__namespace.getParametersValue(parameters, HOLDER, _AttributeCertificateInfoV2.defaultValues(HOLDER));
        this.issuer = pvutils__namespace.getParametersValue(parameters, ISSUER$2, _AttributeCertificateInfoV2.defaultValues(ISSUER$2));
        this.signature = pvutils__namespace.getParametersValue(parameters, SIGNATURE$4, _AttributeCertificateInfoV2.defaultValues(SIGNATURE$4));
        this.serialNumber = pvutils__namespace.getParametersValue(parameters, SERIAL_NUMBER$3, _AttributeCertificateInfoV2.defaultValues(SERIAL_NUMBER$3));
        this.attrCertValidityPeriod = pvutils__namespace.getParametersValue(parameters, ATTR_CERT_VALIDITY_PERIOD, _AttributeCertificateInfoV2.defaultValues(ATTR_CERT_VALIDITY_PERIOD));
        this.attributes = pvutils__namespace.getParametersValue(parameters, ATTRIBUTES$2, _AttributeCertificateInfoV2.defaultValues(ATTRIBUTES$2));
        if (ISSUER_UNIQUE_ID in parameters) {
          this.issuerUniqueID = pvutils__namespace.getParametersValue(parameters, ISSUER_UNIQUE_ID, _AttributeCertificateInfoV2.defaultValues(ISSUER_UNIQUE_ID));
        }
        if (EXTENSIONS$2 in parameters) {
          this.extensions = pvutils__namespace.getParametersValue(parameters, EXTENSIONS$2, _AttributeCertificateInfoV2.defaultValues(EXTENSIONS$2));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$f:
            return 1;
          case HOLDER:
            return new Holder();
          case ISSUER$2:
            return {};
          case SIGNATURE$4:
            return new AlgorithmIdentifier();
          case SERIAL_NUMBER$3:
            return new asn1js__namespace.Integer();
          case ATTR_CERT_VALIDITY_PERIOD:
            return new AttCertValidityPeriod();
          case ATTRIBUTES$2:
            return [];
          case ISSUER_UNIQUE_ID:
            return new asn1js__namespace.BitString();
          case EXTENSIONS$2:
            return new Extensions();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            Holder.schema(names.holder || {}),
            new asn1js__namespace.Choice({
              value: [
                GeneralNames.schema({
                  names: {
                    blockName: names.issuer || EMPTY_STRING
                  }
                }),
                new asn1js__namespace.Constructed({
                  name: names.issuer || EMPTY_STRING,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 0
                  },
                  value: V2Form.schema().valueBlock.value
                })
              ]
            }),
            AlgorithmIdentifier.schema(names.signature || {}),
            new asn1js__namespace.Integer({ name: names.serialNumber || EMPTY_STRING }),
            AttCertValidityPeriod.schema(names.attrCertValidityPeriod || {}),
            new asn1js__namespace.Sequence({
              name: names.attributes || EMPTY_STRING,
              value: [
                new asn1js__namespace.Repeated({
                  value: Attribute.schema()
                })
              ]
            }),
            new asn1js__namespace.BitString({
              optional: true,
              name: names.issuerUniqueID || EMPTY_STRING
            }),
            Extensions.schema(names.extensions || {}, true)
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$S);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AttributeCertificateInfoV2.schema({
          names: {
            version: VERSION$f,
            holder: {
              names: {
                blockName: HOLDER
              }
            },
            issuer: ISSUER$2,
            signature: {
              names: {
                blockName: SIGNATURE$4
              }
            },
            serialNumber: SERIAL_NUMBER$3,
            attrCertValidityPeriod: {
              names: {
                blockName: ATTR_CERT_VALIDITY_PERIOD
              }
            },
            attributes: ATTRIBUTES$2,
            issuerUniqueID: ISSUER_UNIQUE_ID,
            extensions: {
              names: {
                blockName: EXTENSIONS$2
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        this.holder = new Holder({ schema: asn1.result.holder });
        switch (asn1.result.issuer.idBlock.tagClass) {
          case 3:
            this.issuer = new V2Form({
              schema: new asn1js__namespace.Sequence({
                value: asn1.result.issuer.valueBlock.value
              })
            });
            break;
          case 1:
          default:
            throw new Error("Incorrect value for 'issuer' in AttributeCertificateInfoV2");
        }
        this.signature = new AlgorithmIdentifier({ schema: asn1.result.signature });
        this.serialNumber = asn1.result.serialNumber;
        this.attrCertValidityPeriod = new AttCertValidityPeriod({
          schema: asn1.result.attrCertValidityPeriod
        });
        this.attributes = Array.from(asn1.result.attributes.valueBlock.value, (element) => new Attribute({ schema: element }));
        if (ISSUER_UNIQUE_ID in asn1.result) {
          this.issuerUniqueID = asn1.result.issuerUniqueID;
        }
        if (EXTENSIONS$2 in asn1.result) {
          this.extensions = new Extensions({ schema: asn1.result.extensions });
        }
      }
      toSchema() {
        const result = new asn1js__namespace.Sequence({
          value: [
            new asn1js__namespace.Integer({ value: this.version }),
            this.holder.toSchema(),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: this.issuer.toSchema().valueBlock.value
            }),
            this.signature.toSchema(),
            this.serialNumber,
            this.attrCertValidityPeriod.toSchema(),
            new asn1js__namespace.Sequence({
              value: Array.from(this.attributes, (o) => o.toSchema())
            })
          ]
        });
        if (this.issuerUniqueID) {
          result.valueBlock.value.push(this.issuerUniqueID);
        }
        if (this.extensions) {
          result.valueBlock.value.push(this.extensions.toSchema());
        }
        return result;
      }
      toJSON() {
        const result = {
          version: this.version,
          holder: this.holder.toJSON(),
          issuer: this.issuer.toJSON(),
          signature: this.signature.toJSON(),
          serialNumber: this.serialNumber.toJSON(),
          attrCertValidityPeriod: this.attrCertValidityPeriod.toJSON(),
          attributes: Array.from(this.attributes, (o) => o.toJSON())
        };
        if (this.issuerUniqueID) {
          result.issuerUniqueID = this.issuerUniqueID.toJSON();
        }
        if (this.extensions) {
          result.extensions = this.extensions.toJSON();
        }
        return result;
      }
    };
    AttributeCertificateInfoV2.CLASS_NAME = "AttributeCertificateInfoV2";
    var ACINFO = "acinfo";
    var SIGNATURE_ALGORITHM$5 = "signatureAlgorithm";
    var SIGNATURE_VALUE$2 = "signatureValue";
    var CLEAR_PROPS$R = [ACINFO, SIGNATURE_ALGORITHM$5, SIGNATURE_VALUE$2];
    var AttributeCertificateV2 = class _AttributeCertificateV2 extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.acinfo = pvutils__namespace.getParametersValue(parameters, ACINFO, _AttributeCertificateV2.defaultValues(ACINFO));
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM$5, _AttributeCertificateV2.defaultValues(SIGNATURE_ALGORITHM$5));
        this.signatureValue = pvutils__namespace.getParametersValue(parameters, SIGNATURE_VALUE$2, _AttributeCertificateV2.defaultValues(SIGNATURE_VALUE$2));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ACINFO:
            return new AttributeCertificateInfoV2();
          case SIGNATURE_ALGORITHM$5:
            return new AlgorithmIdentifier();
          case SIGNATURE_VALUE$2:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [AttributeCertificateInfoV2.schema(names.acinfo || {}), AlgorithmIdentifier.schema(names.signatureAlgorithm || {}), new asn1js__namespace.BitString({ name: names.signatureValue || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$R);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AttributeCertificateV2.schema({
          names: {
            acinfo: {
              names: {
                blockName: ACINFO
              }
            },
            signatureAlgorithm: {
              names: {
                blockName: SIGNATURE_ALGORITHM$5
              }
            },
            signatureValue: SIGNATURE_VALUE$2
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.acinfo = new AttributeCertificateInfoV2({ schema: asn1.result.acinfo });
        this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
        this.signatureValue = asn1.result.signatureValue;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.acinfo.toSchema(), this.signatureAlgorithm.toSchema(), this.signatureValue]
        });
      }
      toJSON() {
        return {
          acinfo: this.acinfo.toJSON(),
          signatureAlgorithm: this.signatureAlgorithm.toJSON(),
          signatureValue: this.signatureValue.toJSON()
        };
      }
    };
    AttributeCertificateV2.CLASS_NAME = "AttributeCertificateV2";
    var CONTENT_TYPE = "contentType";
    var CONTENT = "content";
    var CLEAR_PROPS$Q = [CONTENT_TYPE, CONTENT];
    var ContentInfo = class _ContentInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.contentType = pvutils__namespace.getParametersValue(parameters, CONTENT_TYPE, _ContentInfo.defaultValues(CONTENT_TYPE));
        this.content = pvutils__namespace.getParametersValue(parameters, CONTENT, _ContentInfo.defaultValues(CONTENT));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CONTENT_TYPE:
            return EMPTY_STRING;
          case CONTENT:
            return new asn1js__namespace.Any();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case CONTENT_TYPE:
            return typeof memberValue === "string" && memberValue === this.defaultValues(CONTENT_TYPE);
          case CONTENT:
            return memberValue instanceof asn1js__namespace.Any;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        if ("optional" in names === false) {
          names.optional = false;
        }
        return new asn1js__namespace.Sequence({
          name: names.blockName || "ContentInfo",
          optional: names.optional,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.contentType || CONTENT_TYPE }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Any({ name: names.content || CONTENT })]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$Q);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _ContentInfo.schema());
        AsnError.assertSchema(asn1, this.className);
        this.contentType = asn1.result.contentType.valueBlock.toString();
        this.content = asn1.result.content;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [
            new asn1js__namespace.ObjectIdentifier({ value: this.contentType }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [this.content]
            })
          ]
        });
      }
      toJSON() {
        const object = {
          contentType: this.contentType
        };
        if (!(this.content instanceof asn1js__namespace.Any)) {
          object.content = this.content.toJSON();
        }
        return object;
      }
    };
    ContentInfo.CLASS_NAME = "ContentInfo";
    ContentInfo.DATA = id_ContentType_Data;
    ContentInfo.SIGNED_DATA = id_ContentType_SignedData;
    ContentInfo.ENVELOPED_DATA = id_ContentType_EnvelopedData;
    ContentInfo.ENCRYPTED_DATA = id_ContentType_EncryptedData;
    var CERT_ID$1 = "certId";
    var CERT_VALUE = "certValue";
    var PARSED_VALUE$4 = "parsedValue";
    var CLEAR_PROPS$P = [CERT_ID$1, CERT_VALUE];
    var CertBag = class _CertBag extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.certId = pvutils__namespace.getParametersValue(parameters, CERT_ID$1, _CertBag.defaultValues(CERT_ID$1));
        this.certValue = pvutils__namespace.getParametersValue(parameters, CERT_VALUE, _CertBag.defaultValues(CERT_VALUE));
        if (PARSED_VALUE$4 in parameters) {
          this.parsedValue = pvutils__namespace.getParametersValue(parameters, PARSED_VALUE$4, _CertBag.defaultValues(PARSED_VALUE$4));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CERT_ID$1:
            return EMPTY_STRING;
          case CERT_VALUE:
            return new asn1js__namespace.Any();
          case PARSED_VALUE$4:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case CERT_ID$1:
            return memberValue === EMPTY_STRING;
          case CERT_VALUE:
            return memberValue instanceof asn1js__namespace.Any;
          case PARSED_VALUE$4:
            return memberValue instanceof Object && Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.id || "id" }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Any({ name: names.value || "value" })]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$P);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CertBag.schema({
          names: {
            id: CERT_ID$1,
            value: CERT_VALUE
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.certId = asn1.result.certId.valueBlock.toString();
        this.certValue = asn1.result.certValue;
        const certValueHex = this.certValue.valueBlock.valueHexView;
        switch (this.certId) {
          case id_CertBag_X509Certificate:
            {
              try {
                this.parsedValue = Certificate.fromBER(certValueHex);
              } catch {
                AttributeCertificateV2.fromBER(certValueHex);
              }
            }
            break;
          case id_CertBag_AttributeCertificate:
            {
              this.parsedValue = AttributeCertificateV2.fromBER(certValueHex);
            }
            break;
          case id_CertBag_SDSICertificate:
          default:
            throw new Error(`Incorrect CERT_ID value in CertBag: ${this.certId}`);
        }
      }
      toSchema() {
        if (PARSED_VALUE$4 in this) {
          if ("acinfo" in this.parsedValue) {
            this.certId = id_CertBag_AttributeCertificate;
          } else {
            this.certId = id_CertBag_X509Certificate;
          }
          this.certValue = new asn1js__namespace.OctetString({
            valueHex: this.parsedValue.toSchema().toBER(false)
          });
        }
        return new asn1js__namespace.Sequence({
          value: [
            new asn1js__namespace.ObjectIdentifier({ value: this.certId }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: ["toSchema" in this.certValue ? this.certValue.toSchema() : this.certValue]
            })
          ]
        });
      }
      toJSON() {
        return {
          certId: this.certId,
          certValue: this.certValue.toJSON()
        };
      }
    };
    CertBag.CLASS_NAME = "CertBag";
    var USER_CERTIFICATE = "userCertificate";
    var REVOCATION_DATE = "revocationDate";
    var CRL_ENTRY_EXTENSIONS = "crlEntryExtensions";
    var CLEAR_PROPS$O = [USER_CERTIFICATE, REVOCATION_DATE, CRL_ENTRY_EXTENSIONS];
    var RevokedCertificate = class _RevokedCertificate extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.userCertificate = pvutils__namespace.getParametersValue(parameters, USER_CERTIFICATE, _RevokedCertificate.defaultValues(USER_CERTIFICATE));
        this.revocationDate = pvutils__namespace.getParametersValue(parameters, REVOCATION_DATE, _RevokedCertificate.defaultValues(REVOCATION_DATE));
        if (CRL_ENTRY_EXTENSIONS in parameters) {
          this.crlEntryExtensions = pvutils__namespace.getParametersValue(parameters, CRL_ENTRY_EXTENSIONS, _RevokedCertificate.defaultValues(CRL_ENTRY_EXTENSIONS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case USER_CERTIFICATE:
            return new asn1js__namespace.Integer();
          case REVOCATION_DATE:
            return new Time();
          case CRL_ENTRY_EXTENSIONS:
            return new Extensions();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.userCertificate || USER_CERTIFICATE }),
            Time.schema({
              names: {
                utcTimeName: names.revocationDate || REVOCATION_DATE,
                generalTimeName: names.revocationDate || REVOCATION_DATE
              }
            }),
            Extensions.schema({
              names: {
                blockName: names.crlEntryExtensions || CRL_ENTRY_EXTENSIONS
              }
            }, true)
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$O);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RevokedCertificate.schema());
        AsnError.assertSchema(asn1, this.className);
        this.userCertificate = asn1.result.userCertificate;
        this.revocationDate = new Time({ schema: asn1.result.revocationDate });
        if (CRL_ENTRY_EXTENSIONS in asn1.result) {
          this.crlEntryExtensions = new Extensions({ schema: asn1.result.crlEntryExtensions });
        }
      }
      toSchema() {
        const outputArray = [this.userCertificate, this.revocationDate.toSchema()];
        if (this.crlEntryExtensions) {
          outputArray.push(this.crlEntryExtensions.toSchema());
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          userCertificate: this.userCertificate.toJSON(),
          revocationDate: this.revocationDate.toJSON()
        };
        if (this.crlEntryExtensions) {
          res.crlEntryExtensions = this.crlEntryExtensions.toJSON();
        }
        return res;
      }
    };
    RevokedCertificate.CLASS_NAME = "RevokedCertificate";
    var TBS$3 = "tbs";
    var VERSION$e = "version";
    var SIGNATURE$3 = "signature";
    var ISSUER$1 = "issuer";
    var THIS_UPDATE$1 = "thisUpdate";
    var NEXT_UPDATE$1 = "nextUpdate";
    var REVOKED_CERTIFICATES = "revokedCertificates";
    var CRL_EXTENSIONS = "crlExtensions";
    var SIGNATURE_ALGORITHM$4 = "signatureAlgorithm";
    var SIGNATURE_VALUE$1 = "signatureValue";
    var TBS_CERT_LIST = "tbsCertList";
    var TBS_CERT_LIST_VERSION = `${TBS_CERT_LIST}.version`;
    var TBS_CERT_LIST_SIGNATURE = `${TBS_CERT_LIST}.signature`;
    var TBS_CERT_LIST_ISSUER = `${TBS_CERT_LIST}.issuer`;
    var TBS_CERT_LIST_THIS_UPDATE = `${TBS_CERT_LIST}.thisUpdate`;
    var TBS_CERT_LIST_NEXT_UPDATE = `${TBS_CERT_LIST}.nextUpdate`;
    var TBS_CERT_LIST_REVOKED_CERTIFICATES = `${TBS_CERT_LIST}.revokedCertificates`;
    var TBS_CERT_LIST_EXTENSIONS = `${TBS_CERT_LIST}.extensions`;
    var CLEAR_PROPS$N = [
      TBS_CERT_LIST,
      TBS_CERT_LIST_VERSION,
      TBS_CERT_LIST_SIGNATURE,
      TBS_CERT_LIST_ISSUER,
      TBS_CERT_LIST_THIS_UPDATE,
      TBS_CERT_LIST_NEXT_UPDATE,
      TBS_CERT_LIST_REVOKED_CERTIFICATES,
      TBS_CERT_LIST_EXTENSIONS,
      SIGNATURE_ALGORITHM$4,
      SIGNATURE_VALUE$1
    ];
    function tbsCertList(parameters = {}) {
      const names = pvutils__namespace.getParametersValue(parameters, "names", {});
      return new asn1js__namespace.Sequence({
        name: names.blockName || TBS_CERT_LIST,
        value: [
          new asn1js__namespace.Integer({
            optional: true,
            name: names.tbsCertListVersion || TBS_CERT_LIST_VERSION,
            value: 2
          }),
          AlgorithmIdentifier.schema(names.signature || {
            names: {
              blockName: TBS_CERT_LIST_SIGNATURE
            }
          }),
          RelativeDistinguishedNames.schema(names.issuer || {
            names: {
              blockName: TBS_CERT_LIST_ISSUER
            }
          }),
          Time.schema(names.tbsCertListThisUpdate || {
            names: {
              utcTimeName: TBS_CERT_LIST_THIS_UPDATE,
              generalTimeName: TBS_CERT_LIST_THIS_UPDATE
            }
          }),
          Time.schema(names.tbsCertListNextUpdate || {
            names: {
              utcTimeName: TBS_CERT_LIST_NEXT_UPDATE,
              generalTimeName: TBS_CERT_LIST_NEXT_UPDATE
            }
          }, true),
          new asn1js__namespace.Sequence({
            optional: true,
            value: [
              new asn1js__namespace.Repeated({
                name: names.tbsCertListRevokedCertificates || TBS_CERT_LIST_REVOKED_CERTIFICATES,
                value: new asn1js__namespace.Sequence({
                  value: [new asn1js__namespace.Integer(), Time.schema(), Extensions.schema({}, true)]
                })
              })
            ]
          }),
          new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [
              Extensions.schema(names.crlExtensions || {
                names: {
                  blockName: TBS_CERT_LIST_EXTENSIONS
                }
              })
            ]
          })
        ]
      });
    }
    var WELL_KNOWN_EXTENSIONS = [
      id_AuthorityKeyIdentifier,
      id_IssuerAltName,
      id_CRLNumber,
      id_BaseCRLNumber,
      id_IssuingDistributionPoint,
      id_FreshestCRL,
      id_AuthorityInfoAccess,
      id_CRLReason,
      id_InvalidityDate,
      id_CertificateIssuer
    ];
    var CertificateRevocationList = class _CertificateRevocationList extends PkiObject {
      get tbs() {
        return pvtsutils__namespace.BufferSourceConverter.toArrayBuffer(this.tbsView);
      }
      set tbs(value) {
        this.tbsView = new Uint8Array(value);
      }
      constructor(parameters = {}) {
        super();
        this.tbsView = new Uint8Array(pvutils__namespace.getParametersValue(parameters, TBS$3, _CertificateRevocationList.defaultValues(TBS$3)));
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$e, _CertificateRevocationList.defaultValues(VERSION$e));
        this.signature = pvutils__namespace.getParametersValue(parameters, SIGNATURE$3, _CertificateRevocationList.defaultValues(SIGNATURE$3));
        this.issuer = pvutils__namespace.getParametersValue(parameters, ISSUER$1, _CertificateRevocationList.defaultValues(ISSUER$1));
        this.thisUpdate = pvutils__namespace.getParametersValue(parameters, THIS_UPDATE$1, _CertificateRevocationList.defaultValues(THIS_UPDATE$1));
        if (NEXT_UPDATE$1 in parameters) {
          this.nextUpdate = pvutils__namespace.getParametersValue(parameters, NEXT_UPDATE$1, _CertificateRevocationList.defaultValues(NEXT_UPDATE$1));
        }
        if (REVOKED_CERTIFICATES in parameters) {
          this.revokedCertificates = pvutils__namespace.getParametersValue(parameters, REVOKED_CERTIFICATES, _CertificateRevocationList.defaultValues(REVOKED_CERTIFICATES));
        }
        if (CRL_EXTENSIONS in parameters) {
          this.crlExtensions = pvutils__namespace.getParametersValue(parameters, CRL_EXTENSIONS, _CertificateRevocationList.defaultValues(CRL_EXTENSIONS));
        }
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM$4, _CertificateRevocationList.defaultValues(SIGNATURE_ALGORITHM$4));
        this.signatureValue = pvutils__namespace.getParametersValue(parameters, SIGNATURE_VALUE$1, _CertificateRevocationList.defaultValues(SIGNATURE_VALUE$1));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TBS$3:
            return EMPTY_BUFFER;
          case VERSION$e:
            return 0;
          case SIGNATURE$3:
            return new AlgorithmIdentifier();
          case ISSUER$1:
            return new RelativeDistinguishedNames();
          case THIS_UPDATE$1:
            return new Time();
          case NEXT_UPDATE$1:
            return new Time();
          case REVOKED_CERTIFICATES:
            return [];
          case CRL_EXTENSIONS:
            return new Extensions();
          case SIGNATURE_ALGORITHM$4:
            return new AlgorithmIdentifier();
          case SIGNATURE_VALUE$1:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || "CertificateList",
          value: [
            tbsCertList(parameters),
            AlgorithmIdentifier.schema(names.signatureAlgorithm || {
              names: {
                blockName: SIGNATURE_ALGORITHM$4
              }
            }),
            new asn1js__namespace.BitString({ name: names.signatureValue || SIGNATURE_VALUE$1 })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$N);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CertificateRevocationList.schema());
        AsnError.assertSchema(asn1, this.className);
        this.tbsView = asn1.result.tbsCertList.valueBeforeDecodeView;
        if (TBS_CERT_LIST_VERSION in asn1.result) {
          this.version = asn1.result[TBS_CERT_LIST_VERSION].valueBlock.valueDec;
        }
        this.signature = new AlgorithmIdentifier({ schema: asn1.result[TBS_CERT_LIST_SIGNATURE] });
        this.issuer = new RelativeDistinguishedNames({ schema: asn1.result[TBS_CERT_LIST_ISSUER] });
        this.thisUpdate = new Time({ schema: asn1.result[TBS_CERT_LIST_THIS_UPDATE] });
        if (TBS_CERT_LIST_NEXT_UPDATE in asn1.result) {
          this.nextUpdate = new Time({ schema: asn1.result[TBS_CERT_LIST_NEXT_UPDATE] });
        }
        if (TBS_CERT_LIST_REVOKED_CERTIFICATES in asn1.result) {
          this.revokedCertificates = Array.from(asn1.result[TBS_CERT_LIST_REVOKED_CERTIFICATES], (element) => new RevokedCertificate({ schema: element }));
        }
        if (TBS_CERT_LIST_EXTENSIONS in asn1.result) {
          this.crlExtensions = new Extensions({ schema: asn1.result[TBS_CERT_LIST_EXTENSIONS] });
        }
        this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
        this.signatureValue = asn1.result.signatureValue;
      }
      encodeTBS() {
        const outputArray = [];
        if (this.version !== _CertificateRevocationList.defaultValues(VERSION$e)) {
          outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        }
        outputArray.push(this.signature.toSchema());
        outputArray.push(this.issuer.toSchema());
        outputArray.push(this.thisUpdate.toSchema());
        if (this.nextUpdate) {
          outputArray.push(this.nextUpdate.toSchema());
        }
        if (this.revokedCertificates) {
          outputArray.push(new asn1js__namespace.Sequence({
            value: Array.from(this.revokedCertificates, (o) => o.toSchema())
          }));
        }
        if (this.crlExtensions) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [this.crlExtensions.toSchema()]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toSchema(encodeFlag = false) {
        let tbsSchema;
        if (!encodeFlag) {
          if (!this.tbsView.byteLength) {
            return _CertificateRevocationList.schema();
          }
          const asn1 = asn1js__namespace.fromBER(this.tbsView);
          AsnError.assert(asn1, "TBS Certificate Revocation List");
          tbsSchema = asn1.result;
        } else {
          tbsSchema = this.encodeTBS();
        }
        return new asn1js__namespace.Sequence({
          value: [tbsSchema, this.signatureAlgorithm.toSchema(), this.signatureValue]
        });
      }
      toJSON() {
        const res = {
          tbs: pvtsutils__namespace.Convert.ToHex(this.tbsView),
          version: this.version,
          signature: this.signature.toJSON(),
          issuer: this.issuer.toJSON(),
          thisUpdate: this.thisUpdate.toJSON(),
          signatureAlgorithm: this.signatureAlgorithm.toJSON(),
          signatureValue: this.signatureValue.toJSON()
        };
        if (this.version !== _CertificateRevocationList.defaultValues(VERSION$e))
          res.version = this.version;
        if (this.nextUpdate) {
          res.nextUpdate = this.nextUpdate.toJSON();
        }
        if (this.revokedCertificates) {
          res.revokedCertificates = Array.from(this.revokedCertificates, (o) => o.toJSON());
        }
        if (this.crlExtensions) {
          res.crlExtensions = this.crlExtensions.toJSON();
        }
        return res;
      }
      isCertificateRevoked(certificate) {
        if (!this.issuer.isEqual(certificate.issuer)) {
          return false;
        }
        if (!this.revokedCertificates) {
          return false;
        }
        for (const revokedCertificate of this.revokedCertificates) {
          if (revokedCertificate.userCertificate.isEqual(certificate.serialNumber)) {
            return true;
          }
        }
        return false;
      }
      async sign(privateKey, hashAlgorithm = "SHA-1", crypto2 = getCrypto(true)) {
        if (!privateKey) {
          throw new Error("Need to provide a private key for signing");
        }
        const signatureParameters = await crypto2.getSignatureParameters(privateKey, hashAlgorithm);
        const { parameters } = signatureParameters;
        this.signature = signatureParameters.signatureAlgorithm;
        this.signatureAlgorithm = signatureParameters.signatureAlgorithm;
        this.tbsView = new Uint8Array(this.encodeTBS().toBER());
        const signature = await crypto2.signWithPrivateKey(this.tbsView, privateKey, parameters);
        this.signatureValue = new asn1js__namespace.BitString({ valueHex: signature });
      }
      async verify(parameters = {}, crypto2 = getCrypto(true)) {
        let subjectPublicKeyInfo;
        if (parameters.issuerCertificate) {
          subjectPublicKeyInfo = parameters.issuerCertificate.subjectPublicKeyInfo;
          if (!this.issuer.isEqual(parameters.issuerCertificate.subject)) {
            return false;
          }
        }
        if (parameters.publicKeyInfo) {
          subjectPublicKeyInfo = parameters.publicKeyInfo;
        }
        if (!subjectPublicKeyInfo) {
          throw new Error("Issuer's certificate must be provided as an input parameter");
        }
        if (this.crlExtensions) {
          for (const extension of this.crlExtensions.extensions) {
            if (extension.critical) {
              if (!WELL_KNOWN_EXTENSIONS.includes(extension.extnID))
                return false;
            }
          }
        }
        return crypto2.verifyWithPublicKey(this.tbsView, this.signatureValue, subjectPublicKeyInfo, this.signatureAlgorithm);
      }
    };
    CertificateRevocationList.CLASS_NAME = "CertificateRevocationList";
    var CRL_ID = "crlId";
    var CRL_VALUE = "crlValue";
    var PARSED_VALUE$3 = "parsedValue";
    var CLEAR_PROPS$M = [CRL_ID, CRL_VALUE];
    var CRLBag = class _CRLBag extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.crlId = pvutils__namespace.getParametersValue(parameters, CRL_ID, _CRLBag.defaultValues(CRL_ID));
        this.crlValue = pvutils__namespace.getParametersValue(parameters, CRL_VALUE, _CRLBag.defaultValues(CRL_VALUE));
        if (PARSED_VALUE$3 in parameters) {
          this.parsedValue = pvutils__namespace.getParametersValue(parameters, PARSED_VALUE$3, _CRLBag.defaultValues(PARSED_VALUE$3));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CRL_ID:
            return EMPTY_STRING;
          case CRL_VALUE:
            return new asn1js__namespace.Any();
          case PARSED_VALUE$3:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case CRL_ID:
            return memberValue === EMPTY_STRING;
          case CRL_VALUE:
            return memberValue instanceof asn1js__namespace.Any;
          case PARSED_VALUE$3:
            return memberValue instanceof Object && Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.id || "id" }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Any({ name: names.value || "value" })]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$M);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CRLBag.schema({
          names: {
            id: CRL_ID,
            value: CRL_VALUE
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.crlId = asn1.result.crlId.valueBlock.toString();
        this.crlValue = asn1.result.crlValue;
        switch (this.crlId) {
          case id_CRLBag_X509CRL:
            {
              this.parsedValue = CertificateRevocationList.fromBER(this.certValue.valueBlock.valueHex);
            }
            break;
          default:
            throw new Error(`Incorrect CRL_ID value in CRLBag: ${this.crlId}`);
        }
      }
      toSchema() {
        if (this.parsedValue) {
          this.crlId = id_CRLBag_X509CRL;
          this.crlValue = new asn1js__namespace.OctetString({
            valueHex: this.parsedValue.toSchema().toBER(false)
          });
        }
        return new asn1js__namespace.Sequence({
          value: [
            new asn1js__namespace.ObjectIdentifier({ value: this.crlId }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [this.crlValue.toSchema()]
            })
          ]
        });
      }
      toJSON() {
        return {
          crlId: this.crlId,
          crlValue: this.crlValue.toJSON()
        };
      }
    };
    CRLBag.CLASS_NAME = "CRLBag";
    var VERSION$d = "version";
    var ENCRYPTED_CONTENT_INFO$1 = "encryptedContentInfo";
    var UNPROTECTED_ATTRS$1 = "unprotectedAttrs";
    var CLEAR_PROPS$L = [VERSION$d, ENCRYPTED_CONTENT_INFO$1, UNPROTECTED_ATTRS$1];
    var EncryptedData = class _EncryptedData extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$d, _EncryptedData.defaultValues(VERSION$d));
        this.encryptedContentInfo = pvutils__namespace.getParametersValue(parameters, ENCRYPTED_CONTENT_INFO$1, _EncryptedData.defaultValues(ENCRYPTED_CONTENT_INFO$1));
        if (UNPROTECTED_ATTRS$1 in parameters) {
          this.unprotectedAttrs = pvutils__namespace.getParametersValue(parameters, UNPROTECTED_ATTRS$1, _EncryptedData.defaultValues(UNPROTECTED_ATTRS$1));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$d:
            return 0;
          case ENCRYPTED_CONTENT_INFO$1:
            return new EncryptedContentInfo();
          case UNPROTECTED_ATTRS$1:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$d:
            return memberValue === 0;
          case ENCRYPTED_CONTENT_INFO$1:
            return EncryptedContentInfo.compareWithDefault("contentType", memberValue.contentType) && EncryptedContentInfo.compareWithDefault("contentEncryptionAlgorithm", memberValue.contentEncryptionAlgorithm) && EncryptedContentInfo.compareWithDefault("encryptedContent", memberValue.encryptedContent);
          case UNPROTECTED_ATTRS$1:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            EncryptedContentInfo.schema(names.encryptedContentInfo || {}),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.unprotectedAttrs || EMPTY_STRING,
                  value: Attribute.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$L);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _EncryptedData.schema({
          names: {
            version: VERSION$d,
            encryptedContentInfo: {
              names: {
                blockName: ENCRYPTED_CONTENT_INFO$1
              }
            },
            unprotectedAttrs: UNPROTECTED_ATTRS$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        this.encryptedContentInfo = new EncryptedContentInfo({
          schema: asn1.result.encryptedContentInfo
        });
        if (UNPROTECTED_ATTRS$1 in asn1.result)
          this.unprotectedAttrs = Array.from(asn1.result.unprotectedAttrs, (element) => new Attribute({ schema: element }));
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        outputArray.push(this.encryptedContentInfo.toSchema());
        if (this.unprotectedAttrs) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: Array.from(this.unprotectedAttrs, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          version: this.version,
          encryptedContentInfo: this.encryptedContentInfo.toJSON()
        };
        if (this.unprotectedAttrs)
          res.unprotectedAttrs = Array.from(this.unprotectedAttrs, (o) => o.toJSON());
        return res;
      }
      async encrypt(parameters, crypto2 = getCrypto(true)) {
        ArgumentError.assert(parameters, "parameters", "object");
        const encryptParams = {
          ...parameters,
          contentType: "1.2.840.113549.1.7.1"
        };
        this.encryptedContentInfo = await crypto2.encryptEncryptedContentInfo(encryptParams);
      }
      async decrypt(parameters, crypto2 = getCrypto(true)) {
        ArgumentError.assert(parameters, "parameters", "object");
        const decryptParams = {
          ...parameters,
          encryptedContentInfo: this.encryptedContentInfo
        };
        return crypto2.decryptEncryptedContentInfo(decryptParams);
      }
    };
    EncryptedData.CLASS_NAME = "EncryptedData";
    var ENCRYPTION_ALGORITHM = "encryptionAlgorithm";
    var ENCRYPTED_DATA = "encryptedData";
    var PARSED_VALUE$2 = "parsedValue";
    var CLEAR_PROPS$K = [ENCRYPTION_ALGORITHM, ENCRYPTED_DATA];
    var PKCS8ShroudedKeyBag = class _PKCS8ShroudedKeyBag extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.encryptionAlgorithm = pvutils__namespace.getParametersValue(parameters, ENCRYPTION_ALGORITHM, _PKCS8ShroudedKeyBag.defaultValues(ENCRYPTION_ALGORITHM));
        this.encryptedData = pvutils__namespace.getParametersValue(parameters, ENCRYPTED_DATA, _PKCS8ShroudedKeyBag.defaultValues(ENCRYPTED_DATA));
        if (PARSED_VALUE$2 in parameters) {
          this.parsedValue = pvutils__namespace.getParametersValue(parameters, PARSED_VALUE$2, _PKCS8ShroudedKeyBag.defaultValues(PARSED_VALUE$2));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ENCRYPTION_ALGORITHM:
            return new AlgorithmIdentifier();
          case ENCRYPTED_DATA:
            return new asn1js__namespace.OctetString();
          case PARSED_VALUE$2:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case ENCRYPTION_ALGORITHM:
            return AlgorithmIdentifier.compareWithDefault("algorithmId", memberValue.algorithmId) && "algorithmParams" in memberValue === false;
          case ENCRYPTED_DATA:
            return memberValue.isEqual(_PKCS8ShroudedKeyBag.defaultValues(memberName));
          case PARSED_VALUE$2:
            return memberValue instanceof Object && Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            AlgorithmIdentifier.schema(names.encryptionAlgorithm || {
              names: {
                blockName: ENCRYPTION_ALGORITHM
              }
            }),
            new asn1js__namespace.Choice({
              value: [
                new asn1js__namespace.OctetString({ name: names.encryptedData || ENCRYPTED_DATA }),
                new asn1js__namespace.OctetString({
                  idBlock: {
                    isConstructed: true
                  },
                  name: names.encryptedData || ENCRYPTED_DATA
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$K);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PKCS8ShroudedKeyBag.schema({
          names: {
            encryptionAlgorithm: {
              names: {
                blockName: ENCRYPTION_ALGORITHM
              }
            },
            encryptedData: ENCRYPTED_DATA
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.encryptionAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.encryptionAlgorithm });
        this.encryptedData = asn1.result.encryptedData;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.encryptionAlgorithm.toSchema(), this.encryptedData]
        });
      }
      toJSON() {
        return {
          encryptionAlgorithm: this.encryptionAlgorithm.toJSON(),
          encryptedData: this.encryptedData.toJSON()
        };
      }
      async parseInternalValues(parameters, crypto2 = getCrypto(true)) {
        const cmsEncrypted = new EncryptedData({
          encryptedContentInfo: new EncryptedContentInfo({
            contentEncryptionAlgorithm: this.encryptionAlgorithm,
            encryptedContent: this.encryptedData
          })
        });
        const decryptedData = await cmsEncrypted.decrypt(parameters, crypto2);
        this.parsedValue = PrivateKeyInfo.fromBER(decryptedData);
      }
      async makeInternalValues(parameters, crypto2 = getCrypto(true)) {
        if (!this.parsedValue) {
          throw new Error('Please initialize "parsedValue" first');
        }
        const cmsEncrypted = new EncryptedData();
        const encryptParams = {
          ...parameters,
          contentToEncrypt: this.parsedValue.toSchema().toBER(false)
        };
        await cmsEncrypted.encrypt(encryptParams, crypto2);
        if (!cmsEncrypted.encryptedContentInfo.encryptedContent) {
          throw new Error("The filed `encryptedContent` in EncryptedContentInfo is empty");
        }
        this.encryptionAlgorithm = cmsEncrypted.encryptedContentInfo.contentEncryptionAlgorithm;
        this.encryptedData = cmsEncrypted.encryptedContentInfo.encryptedContent;
      }
    };
    PKCS8ShroudedKeyBag.CLASS_NAME = "PKCS8ShroudedKeyBag";
    var SECRET_TYPE_ID = "secretTypeId";
    var SECRET_VALUE = "secretValue";
    var CLEAR_PROPS$J = [SECRET_TYPE_ID, SECRET_VALUE];
    var SecretBag = class _SecretBag extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.secretTypeId = pvutils__namespace.getParametersValue(parameters, SECRET_TYPE_ID, _SecretBag.defaultValues(SECRET_TYPE_ID));
        this.secretValue = pvutils__namespace.getParametersValue(parameters, SECRET_VALUE, _SecretBag.defaultValues(SECRET_VALUE));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case SECRET_TYPE_ID:
            return EMPTY_STRING;
          case SECRET_VALUE:
            return new asn1js__namespace.Any();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case SECRET_TYPE_ID:
            return memberValue === EMPTY_STRING;
          case SECRET_VALUE:
            return memberValue instanceof asn1js__namespace.Any;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.id || "id" }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Any({ name: names.value || "value" })]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$J);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _SecretBag.schema({
          names: {
            id: SECRET_TYPE_ID,
            value: SECRET_VALUE
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.secretTypeId = asn1.result.secretTypeId.valueBlock.toString();
        this.secretValue = asn1.result.secretValue;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [
            new asn1js__namespace.ObjectIdentifier({ value: this.secretTypeId }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [this.secretValue.toSchema()]
            })
          ]
        });
      }
      toJSON() {
        return {
          secretTypeId: this.secretTypeId,
          secretValue: this.secretValue.toJSON()
        };
      }
    };
    SecretBag.CLASS_NAME = "SecretBag";
    var SafeBagValueFactory = class _SafeBagValueFactory {
      static getItems() {
        if (!this.items) {
          this.items = {};
          _SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.1", PrivateKeyInfo);
          _SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.2", PKCS8ShroudedKeyBag);
          _SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.3", CertBag);
          _SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.4", CRLBag);
          _SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.5", SecretBag);
          _SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.6", SafeContents);
        }
        return this.items;
      }
      static register(id, type) {
        this.getItems()[id] = type;
      }
      static find(id) {
        return this.getItems()[id] || null;
      }
    };
    var BAG_ID = "bagId";
    var BAG_VALUE = "bagValue";
    var BAG_ATTRIBUTES = "bagAttributes";
    var CLEAR_PROPS$I = [BAG_ID, BAG_VALUE, BAG_ATTRIBUTES];
    var SafeBag = class _SafeBag extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.bagId = pvutils__namespace.getParametersValue(parameters, BAG_ID, _SafeBag.defaultValues(BAG_ID));
        this.bagValue = pvutils__namespace.getParametersValue(parameters, BAG_VALUE, _SafeBag.defaultValues(BAG_VALUE));
        if (BAG_ATTRIBUTES in parameters) {
          this.bagAttributes = pvutils__namespace.getParametersValue(parameters, BAG_ATTRIBUTES, _SafeBag.defaultValues(BAG_ATTRIBUTES));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case BAG_ID:
            return EMPTY_STRING;
          case BAG_VALUE:
            return new asn1js__namespace.Any();
          case BAG_ATTRIBUTES:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case BAG_ID:
            return memberValue === EMPTY_STRING;
          case BAG_VALUE:
            return memberValue instanceof asn1js__namespace.Any;
          case BAG_ATTRIBUTES:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.bagId || BAG_ID }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Any({ name: names.bagValue || BAG_VALUE })]
            }),
            new asn1js__namespace.Set({
              optional: true,
              value: [
                new asn1js__namespace.Repeated({
                  name: names.bagAttributes || BAG_ATTRIBUTES,
                  value: Attribute.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$I);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _SafeBag.schema({
          names: {
            bagId: BAG_ID,
            bagValue: BAG_VALUE,
            bagAttributes: BAG_ATTRIBUTES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.bagId = asn1.result.bagId.valueBlock.toString();
        const bagType = SafeBagValueFactory.find(this.bagId);
        if (!bagType) {
          throw new Error(`Invalid BAG_ID for SafeBag: ${this.bagId}`);
        }
        this.bagValue = new bagType({ schema: asn1.result.bagValue });
        if (BAG_ATTRIBUTES in asn1.result) {
          this.bagAttributes = Array.from(asn1.result.bagAttributes, (element) => new Attribute({ schema: element }));
        }
      }
      toSchema() {
        const outputArray = [
          new asn1js__namespace.ObjectIdentifier({ value: this.bagId }),
          new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [this.bagValue.toSchema()]
          })
        ];
        if (this.bagAttributes) {
          outputArray.push(new asn1js__namespace.Set({
            value: Array.from(this.bagAttributes, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const output = {
          bagId: this.bagId,
          bagValue: this.bagValue.toJSON()
        };
        if (this.bagAttributes) {
          output.bagAttributes = Array.from(this.bagAttributes, (o) => o.toJSON());
        }
        return output;
      }
    };
    SafeBag.CLASS_NAME = "SafeBag";
    var SAFE_BUGS = "safeBags";
    var SafeContents = class _SafeContents extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.safeBags = pvutils__namespace.getParametersValue(parameters, SAFE_BUGS, _SafeContents.defaultValues(SAFE_BUGS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case SAFE_BUGS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case SAFE_BUGS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.safeBags || EMPTY_STRING,
              value: SafeBag.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [SAFE_BUGS]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _SafeContents.schema({
          names: {
            safeBags: SAFE_BUGS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.safeBags = Array.from(asn1.result.safeBags, (element) => new SafeBag({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.safeBags, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          safeBags: Array.from(this.safeBags, (o) => o.toJSON())
        };
      }
    };
    SafeContents.CLASS_NAME = "SafeContents";
    var OTHER_CERT_FORMAT = "otherCertFormat";
    var OTHER_CERT = "otherCert";
    var CLEAR_PROPS$H = [OTHER_CERT_FORMAT, OTHER_CERT];
    var OtherCertificateFormat = class _OtherCertificateFormat extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.otherCertFormat = pvutils__namespace.getParametersValue(parameters, OTHER_CERT_FORMAT, _OtherCertificateFormat.defaultValues(OTHER_CERT_FORMAT));
        this.otherCert = pvutils__namespace.getParametersValue(parameters, OTHER_CERT, _OtherCertificateFormat.defaultValues(OTHER_CERT));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case OTHER_CERT_FORMAT:
            return EMPTY_STRING;
          case OTHER_CERT:
            return new asn1js__namespace.Any();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.otherCertFormat || OTHER_CERT_FORMAT }), new asn1js__namespace.Any({ name: names.otherCert || OTHER_CERT })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$H);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OtherCertificateFormat.schema());
        AsnError.assertSchema(asn1, this.className);
        this.otherCertFormat = asn1.result.otherCertFormat.valueBlock.toString();
        this.otherCert = asn1.result.otherCert;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.ObjectIdentifier({ value: this.otherCertFormat }), this.otherCert]
        });
      }
      toJSON() {
        const res = {
          otherCertFormat: this.otherCertFormat
        };
        if (!(this.otherCert instanceof asn1js__namespace.Any)) {
          res.otherCert = this.otherCert.toJSON();
        }
        return res;
      }
    };
    var CERTIFICATES$1 = "certificates";
    var CLEAR_PROPS$G = [CERTIFICATES$1];
    var CertificateSet = class _CertificateSet extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.certificates = pvutils__namespace.getParametersValue(parameters, CERTIFICATES$1, _CertificateSet.defaultValues(CERTIFICATES$1));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CERTIFICATES$1:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Set({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.certificates || CERTIFICATES$1,
              value: new asn1js__namespace.Choice({
                value: [
                  Certificate.schema(),
                  new asn1js__namespace.Constructed({
                    idBlock: {
                      tagClass: 3,
                      tagNumber: 0
                    },
                    value: [new asn1js__namespace.Any()]
                  }),
                  new asn1js__namespace.Constructed({
                    idBlock: {
                      tagClass: 3,
                      tagNumber: 1
                    },
                    value: [new asn1js__namespace.Sequence()]
                  }),
                  new asn1js__namespace.Constructed({
                    idBlock: {
                      tagClass: 3,
                      tagNumber: 2
                    },
                    value: AttributeCertificateV2.schema().valueBlock.value
                  }),
                  new asn1js__namespace.Constructed({
                    idBlock: {
                      tagClass: 3,
                      tagNumber: 3
                    },
                    value: OtherCertificateFormat.schema().valueBlock.value
                  })
                ]
              })
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$G);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CertificateSet.schema());
        AsnError.assertSchema(asn1, this.className);
        this.certificates = Array.from(asn1.result.certificates || [], (element) => {
          const initialTagNumber = element.idBlock.tagNumber;
          if (element.idBlock.tagClass === 1)
            return new Certificate({ schema: element });
          const elementSequence = new asn1js__namespace.Sequence({
            value: element.valueBlock.value
          });
          switch (initialTagNumber) {
            case 1:
              if (elementSequence.valueBlock.value[0].valueBlock.value[0].valueBlock.valueDec === 1) {
                return new AttributeCertificateV2({ schema: elementSequence });
              } else {
                return new AttributeCertificateV1({ schema: elementSequence });
              }
            case 2:
              return new AttributeCertificateV2({ schema: elementSequence });
            case 3:
              return new OtherCertificateFormat({ schema: elementSequence });
          }
          return element;
        });
      }
      toSchema() {
        return new asn1js__namespace.Set({
          value: Array.from(this.certificates, (element) => {
            switch (true) {
              case element instanceof Certificate:
                return element.toSchema();
              case element instanceof AttributeCertificateV1:
                return new asn1js__namespace.Constructed({
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 1
                  },
                  value: element.toSchema().valueBlock.value
                });
              case element instanceof AttributeCertificateV2:
                return new asn1js__namespace.Constructed({
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 2
                  },
                  value: element.toSchema().valueBlock.value
                });
              case element instanceof OtherCertificateFormat:
                return new asn1js__namespace.Constructed({
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 3
                  },
                  value: element.toSchema().valueBlock.value
                });
            }
            return element.toSchema();
          })
        });
      }
      toJSON() {
        return {
          certificates: Array.from(this.certificates, (o) => o.toJSON())
        };
      }
    };
    CertificateSet.CLASS_NAME = "CertificateSet";
    var OTHER_REV_INFO_FORMAT = "otherRevInfoFormat";
    var OTHER_REV_INFO = "otherRevInfo";
    var CLEAR_PROPS$F = [OTHER_REV_INFO_FORMAT, OTHER_REV_INFO];
    var OtherRevocationInfoFormat = class _OtherRevocationInfoFormat extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.otherRevInfoFormat = pvutils__namespace.getParametersValue(parameters, OTHER_REV_INFO_FORMAT, _OtherRevocationInfoFormat.defaultValues(OTHER_REV_INFO_FORMAT));
        this.otherRevInfo = pvutils__namespace.getParametersValue(parameters, OTHER_REV_INFO, _OtherRevocationInfoFormat.defaultValues(OTHER_REV_INFO));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case OTHER_REV_INFO_FORMAT:
            return EMPTY_STRING;
          case OTHER_REV_INFO:
            return new asn1js__namespace.Any();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.otherRevInfoFormat || OTHER_REV_INFO_FORMAT }), new asn1js__namespace.Any({ name: names.otherRevInfo || OTHER_REV_INFO })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$F);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OtherRevocationInfoFormat.schema());
        AsnError.assertSchema(asn1, this.className);
        this.otherRevInfoFormat = asn1.result.otherRevInfoFormat.valueBlock.toString();
        this.otherRevInfo = asn1.result.otherRevInfo;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.ObjectIdentifier({ value: this.otherRevInfoFormat }), this.otherRevInfo]
        });
      }
      toJSON() {
        const res = {
          otherRevInfoFormat: this.otherRevInfoFormat
        };
        if (!(this.otherRevInfo instanceof asn1js__namespace.Any)) {
          res.otherRevInfo = this.otherRevInfo.toJSON();
        }
        return res;
      }
    };
    OtherRevocationInfoFormat.CLASS_NAME = "OtherRevocationInfoFormat";
    var CRLS$3 = "crls";
    var OTHER_REVOCATION_INFOS = "otherRevocationInfos";
    var CLEAR_PROPS$E = [CRLS$3];
    var RevocationInfoChoices = class _RevocationInfoChoices extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.crls = pvutils__namespace.getParametersValue(parameters, CRLS$3, _RevocationInfoChoices.defaultValues(CRLS$3));
        this.otherRevocationInfos = pvutils__namespace.getParametersValue(parameters, OTHER_REVOCATION_INFOS, _RevocationInfoChoices.defaultValues(OTHER_REVOCATION_INFOS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CRLS$3:
            return [];
          case OTHER_REVOCATION_INFOS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Set({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.crls || EMPTY_STRING,
              value: new asn1js__namespace.Choice({
                value: [
                  CertificateRevocationList.schema(),
                  new asn1js__namespace.Constructed({
                    idBlock: {
                      tagClass: 3,
                      tagNumber: 1
                    },
                    value: [new asn1js__namespace.ObjectIdentifier(), new asn1js__namespace.Any()]
                  })
                ]
              })
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$E);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RevocationInfoChoices.schema({
          names: {
            crls: CRLS$3
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (asn1.result.crls) {
          for (const element of asn1.result.crls) {
            if (element.idBlock.tagClass === 1)
              this.crls.push(new CertificateRevocationList({ schema: element }));
            else
              this.otherRevocationInfos.push(new OtherRevocationInfoFormat({ schema: element }));
          }
        }
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(...Array.from(this.crls, (o) => o.toSchema()));
        outputArray.push(...Array.from(this.otherRevocationInfos, (element) => {
          const schema = element.toSchema();
          schema.idBlock.tagClass = 3;
          schema.idBlock.tagNumber = 1;
          return schema;
        }));
        return new asn1js__namespace.Set({
          value: outputArray
        });
      }
      toJSON() {
        return {
          crls: Array.from(this.crls, (o) => o.toJSON()),
          otherRevocationInfos: Array.from(this.otherRevocationInfos, (o) => o.toJSON())
        };
      }
    };
    RevocationInfoChoices.CLASS_NAME = "RevocationInfoChoices";
    var CERTS$3 = "certs";
    var CRLS$2 = "crls";
    var CLEAR_PROPS$D = [CERTS$3, CRLS$2];
    var OriginatorInfo = class _OriginatorInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.crls = pvutils__namespace.getParametersValue(parameters, CRLS$2, _OriginatorInfo.defaultValues(CRLS$2));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CERTS$3:
            return new CertificateSet();
          case CRLS$2:
            return new RevocationInfoChoices();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case CERTS$3:
            return memberValue.certificates.length === 0;
          case CRLS$2:
            return memberValue.crls.length === 0 && memberValue.otherRevocationInfos.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Constructed({
              name: names.certs || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: CertificateSet.schema().valueBlock.value
            }),
            new asn1js__namespace.Constructed({
              name: names.crls || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: RevocationInfoChoices.schema().valueBlock.value
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$D);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OriginatorInfo.schema({
          names: {
            certs: CERTS$3,
            crls: CRLS$2
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (CERTS$3 in asn1.result) {
          this.certs = new CertificateSet({
            schema: new asn1js__namespace.Set({
              value: asn1.result.certs.valueBlock.value
            })
          });
        }
        if (CRLS$2 in asn1.result) {
          this.crls = new RevocationInfoChoices({
            schema: new asn1js__namespace.Set({
              value: asn1.result.crls.valueBlock.value
            })
          });
        }
      }
      toSchema() {
        const sequenceValue = [];
        if (this.certs) {
          sequenceValue.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: this.certs.toSchema().valueBlock.value
          }));
        }
        if (this.crls) {
          sequenceValue.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: this.crls.toSchema().valueBlock.value
          }));
        }
        return new asn1js__namespace.Sequence({
          value: sequenceValue
        });
      }
      toJSON() {
        const res = {};
        if (this.certs) {
          res.certs = this.certs.toJSON();
        }
        if (this.crls) {
          res.crls = this.crls.toJSON();
        }
        return res;
      }
    };
    OriginatorInfo.CLASS_NAME = "OriginatorInfo";
    var ISSUER = "issuer";
    var SERIAL_NUMBER$2 = "serialNumber";
    var CLEAR_PROPS$C = [ISSUER, SERIAL_NUMBER$2];
    var IssuerAndSerialNumber = class _IssuerAndSerialNumber extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.issuer = pvutils__namespace.getParametersValue(parameters, ISSUER, _IssuerAndSerialNumber.defaultValues(ISSUER));
        this.serialNumber = pvutils__namespace.getParametersValue(parameters, SERIAL_NUMBER$2, _IssuerAndSerialNumber.defaultValues(SERIAL_NUMBER$2));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ISSUER:
            return new RelativeDistinguishedNames();
          case SERIAL_NUMBER$2:
            return new asn1js__namespace.Integer();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [RelativeDistinguishedNames.schema(names.issuer || {}), new asn1js__namespace.Integer({ name: names.serialNumber || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$C);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _IssuerAndSerialNumber.schema({
          names: {
            issuer: {
              names: {
                blockName: ISSUER
              }
            },
            serialNumber: SERIAL_NUMBER$2
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.issuer = new RelativeDistinguishedNames({ schema: asn1.result.issuer });
        this.serialNumber = asn1.result.serialNumber;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.issuer.toSchema(), this.serialNumber]
        });
      }
      toJSON() {
        return {
          issuer: this.issuer.toJSON(),
          serialNumber: this.serialNumber.toJSON()
        };
      }
    };
    IssuerAndSerialNumber.CLASS_NAME = "IssuerAndSerialNumber";
    var VARIANT$3 = "variant";
    var VALUE$3 = "value";
    var CLEAR_PROPS$B = ["blockName"];
    var RecipientIdentifier = class _RecipientIdentifier extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.variant = pvutils__namespace.getParametersValue(parameters, VARIANT$3, _RecipientIdentifier.defaultValues(VARIANT$3));
        if (VALUE$3 in parameters) {
          this.value = pvutils__namespace.getParametersValue(parameters, VALUE$3, _RecipientIdentifier.defaultValues(VALUE$3));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VARIANT$3:
            return -1;
          case VALUE$3:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VARIANT$3:
            return memberValue === -1;
          case VALUE$3:
            return Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Choice({
          value: [
            IssuerAndSerialNumber.schema({
              names: {
                blockName: names.blockName || EMPTY_STRING
              }
            }),
            new asn1js__namespace.Primitive({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$B);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RecipientIdentifier.schema({
          names: {
            blockName: "blockName"
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (asn1.result.blockName.idBlock.tagClass === 1) {
          this.variant = 1;
          this.value = new IssuerAndSerialNumber({ schema: asn1.result.blockName });
        } else {
          this.variant = 2;
          this.value = new asn1js__namespace.OctetString({ valueHex: asn1.result.blockName.valueBlock.valueHex });
        }
      }
      toSchema() {
        switch (this.variant) {
          case 1:
            if (!(this.value instanceof IssuerAndSerialNumber)) {
              throw new Error("Incorrect type of RecipientIdentifier.value. It should be IssuerAndSerialNumber.");
            }
            return this.value.toSchema();
          case 2:
            if (!(this.value instanceof asn1js__namespace.OctetString)) {
              throw new Error("Incorrect type of RecipientIdentifier.value. It should be ASN.1 OctetString.");
            }
            return new asn1js__namespace.Primitive({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              valueHex: this.value.valueBlock.valueHexView
            });
          default:
            return new asn1js__namespace.Any();
        }
      }
      toJSON() {
        const res = {
          variant: this.variant
        };
        if ((this.variant === 1 || this.variant === 2) && this.value) {
          res.value = this.value.toJSON();
        }
        return res;
      }
    };
    RecipientIdentifier.CLASS_NAME = "RecipientIdentifier";
    var VERSION$c = "version";
    var RID$1 = "rid";
    var KEY_ENCRYPTION_ALGORITHM$3 = "keyEncryptionAlgorithm";
    var ENCRYPTED_KEY$3 = "encryptedKey";
    var RECIPIENT_CERTIFICATE$1 = "recipientCertificate";
    var CLEAR_PROPS$A = [VERSION$c, RID$1, KEY_ENCRYPTION_ALGORITHM$3, ENCRYPTED_KEY$3];
    var KeyTransRecipientInfo = class _KeyTransRecipientInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$c, _KeyTransRecipientInfo.defaultValues(VERSION$c));
        this.rid = pvutils__namespace.getParametersValue(parameters, RID$1, _KeyTransRecipientInfo.defaultValues(RID$1));
        this.keyEncryptionAlgorithm = pvutils__namespace.getParametersValue(parameters, KEY_ENCRYPTION_ALGORITHM$3, _KeyTransRecipientInfo.defaultValues(KEY_ENCRYPTION_ALGORITHM$3));
        this.encryptedKey = pvutils__namespace.getParametersValue(parameters, ENCRYPTED_KEY$3, _KeyTransRecipientInfo.defaultValues(ENCRYPTED_KEY$3));
        this.recipientCertificate = pvutils__namespace.getParametersValue(parameters, RECIPIENT_CERTIFICATE$1, _KeyTransRecipientInfo.defaultValues(RECIPIENT_CERTIFICATE$1));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$c:
            return -1;
          case RID$1:
            return {};
          case KEY_ENCRYPTION_ALGORITHM$3:
            return new AlgorithmIdentifier();
          case ENCRYPTED_KEY$3:
            return new asn1js__namespace.OctetString();
          case RECIPIENT_CERTIFICATE$1:
            return new Certificate();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$c:
            return memberValue === _KeyTransRecipientInfo.defaultValues(VERSION$c);
          case RID$1:
            return Object.keys(memberValue).length === 0;
          case KEY_ENCRYPTION_ALGORITHM$3:
          case ENCRYPTED_KEY$3:
            return memberValue.isEqual(_KeyTransRecipientInfo.defaultValues(memberName));
          case RECIPIENT_CERTIFICATE$1:
            return false;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            RecipientIdentifier.schema(names.rid || {}),
            AlgorithmIdentifier.schema(names.keyEncryptionAlgorithm || {}),
            new asn1js__namespace.OctetString({ name: names.encryptedKey || EMPTY_STRING })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$A);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _KeyTransRecipientInfo.schema({
          names: {
            version: VERSION$c,
            rid: {
              names: {
                blockName: RID$1
              }
            },
            keyEncryptionAlgorithm: {
              names: {
                blockName: KEY_ENCRYPTION_ALGORITHM$3
              }
            },
            encryptedKey: ENCRYPTED_KEY$3
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        if (asn1.result.rid.idBlock.tagClass === 3) {
          this.rid = new asn1js__namespace.OctetString({ valueHex: asn1.result.rid.valueBlock.valueHex });
        } else {
          this.rid = new IssuerAndSerialNumber({ schema: asn1.result.rid });
        }
        this.keyEncryptionAlgorithm = new AlgorithmIdentifier({
          schema: asn1.result.keyEncryptionAlgorithm
        });
        this.encryptedKey = asn1.result.encryptedKey;
      }
      toSchema() {
        const outputArray = [];
        if (this.rid instanceof IssuerAndSerialNumber) {
          this.version = 0;
          outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
          outputArray.push(this.rid.toSchema());
        } else {
          this.version = 2;
          outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
          outputArray.push(new asn1js__namespace.Primitive({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            valueHex: this.rid.valueBlock.valueHexView
          }));
        }
        outputArray.push(this.keyEncryptionAlgorithm.toSchema());
        outputArray.push(this.encryptedKey);
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        return {
          version: this.version,
          rid: this.rid.toJSON(),
          keyEncryptionAlgorithm: this.keyEncryptionAlgorithm.toJSON(),
          encryptedKey: this.encryptedKey.toJSON()
        };
      }
    };
    KeyTransRecipientInfo.CLASS_NAME = "KeyTransRecipientInfo";
    var ALGORITHM = "algorithm";
    var PUBLIC_KEY = "publicKey";
    var CLEAR_PROPS$z = [ALGORITHM, PUBLIC_KEY];
    var OriginatorPublicKey = class _OriginatorPublicKey extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.algorithm = pvutils__namespace.getParametersValue(parameters, ALGORITHM, _OriginatorPublicKey.defaultValues(ALGORITHM));
        this.publicKey = pvutils__namespace.getParametersValue(parameters, PUBLIC_KEY, _OriginatorPublicKey.defaultValues(PUBLIC_KEY));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ALGORITHM:
            return new AlgorithmIdentifier();
          case PUBLIC_KEY:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case ALGORITHM:
          case PUBLIC_KEY:
            return memberValue.isEqual(_OriginatorPublicKey.defaultValues(memberName));
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [AlgorithmIdentifier.schema(names.algorithm || {}), new asn1js__namespace.BitString({ name: names.publicKey || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$z);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OriginatorPublicKey.schema({
          names: {
            algorithm: {
              names: {
                blockName: ALGORITHM
              }
            },
            publicKey: PUBLIC_KEY
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.algorithm = new AlgorithmIdentifier({ schema: asn1.result.algorithm });
        this.publicKey = asn1.result.publicKey;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.algorithm.toSchema(), this.publicKey]
        });
      }
      toJSON() {
        return {
          algorithm: this.algorithm.toJSON(),
          publicKey: this.publicKey.toJSON()
        };
      }
    };
    OriginatorPublicKey.CLASS_NAME = "OriginatorPublicKey";
    var VARIANT$2 = "variant";
    var VALUE$2 = "value";
    var CLEAR_PROPS$y = ["blockName"];
    var OriginatorIdentifierOrKey = class _OriginatorIdentifierOrKey extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.variant = pvutils__namespace.getParametersValue(parameters, VARIANT$2, _OriginatorIdentifierOrKey.defaultValues(VARIANT$2));
        if (VALUE$2 in parameters) {
          this.value = pvutils__namespace.getParametersValue(parameters, VALUE$2, _OriginatorIdentifierOrKey.defaultValues(VALUE$2));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VARIANT$2:
            return -1;
          case VALUE$2:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VARIANT$2:
            return memberValue === -1;
          case VALUE$2:
            return Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Choice({
          value: [
            IssuerAndSerialNumber.schema({
              names: {
                blockName: names.blockName || EMPTY_STRING
              }
            }),
            new asn1js__namespace.Primitive({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              name: names.blockName || EMPTY_STRING
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              name: names.blockName || EMPTY_STRING,
              value: OriginatorPublicKey.schema().valueBlock.value
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$y);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OriginatorIdentifierOrKey.schema({
          names: {
            blockName: "blockName"
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (asn1.result.blockName.idBlock.tagClass === 1) {
          this.variant = 1;
          this.value = new IssuerAndSerialNumber({ schema: asn1.result.blockName });
        } else {
          if (asn1.result.blockName.idBlock.tagNumber === 0) {
            asn1.result.blockName.idBlock.tagClass = 1;
            asn1.result.blockName.idBlock.tagNumber = 4;
            this.variant = 2;
            this.value = asn1.result.blockName;
          } else {
            this.variant = 3;
            this.value = new OriginatorPublicKey({
              schema: new asn1js__namespace.Sequence({
                value: asn1.result.blockName.valueBlock.value
              })
            });
          }
        }
      }
      toSchema() {
        switch (this.variant) {
          case 1:
            return this.value.toSchema();
          case 2:
            this.value.idBlock.tagClass = 3;
            this.value.idBlock.tagNumber = 0;
            return this.value;
          case 3: {
            const _schema = this.value.toSchema();
            _schema.idBlock.tagClass = 3;
            _schema.idBlock.tagNumber = 1;
            return _schema;
          }
          default:
            return new asn1js__namespace.Any();
        }
      }
      toJSON() {
        const res = {
          variant: this.variant
        };
        if (this.variant === 1 || this.variant === 2 || this.variant === 3) {
          res.value = this.value.toJSON();
        }
        return res;
      }
    };
    OriginatorIdentifierOrKey.CLASS_NAME = "OriginatorIdentifierOrKey";
    var KEY_ATTR_ID = "keyAttrId";
    var KEY_ATTR = "keyAttr";
    var CLEAR_PROPS$x = [KEY_ATTR_ID, KEY_ATTR];
    var OtherKeyAttribute = class _OtherKeyAttribute extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.keyAttrId = pvutils__namespace.getParametersValue(parameters, KEY_ATTR_ID, _OtherKeyAttribute.defaultValues(KEY_ATTR_ID));
        if (KEY_ATTR in parameters) {
          this.keyAttr = pvutils__namespace.getParametersValue(parameters, KEY_ATTR, _OtherKeyAttribute.defaultValues(KEY_ATTR));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case KEY_ATTR_ID:
            return EMPTY_STRING;
          case KEY_ATTR:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case KEY_ATTR_ID:
            return typeof memberValue === "string" && memberValue === EMPTY_STRING;
          case KEY_ATTR:
            return Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          optional: names.optional || true,
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.keyAttrId || EMPTY_STRING }),
            new asn1js__namespace.Any({
              optional: true,
              name: names.keyAttr || EMPTY_STRING
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$x);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OtherKeyAttribute.schema({
          names: {
            keyAttrId: KEY_ATTR_ID,
            keyAttr: KEY_ATTR
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.keyAttrId = asn1.result.keyAttrId.valueBlock.toString();
        if (KEY_ATTR in asn1.result) {
          this.keyAttr = asn1.result.keyAttr;
        }
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.keyAttrId }));
        if (KEY_ATTR in this) {
          outputArray.push(this.keyAttr);
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          keyAttrId: this.keyAttrId
        };
        if (KEY_ATTR in this) {
          res.keyAttr = this.keyAttr.toJSON();
        }
        return res;
      }
    };
    OtherKeyAttribute.CLASS_NAME = "OtherKeyAttribute";
    var SUBJECT_KEY_IDENTIFIER = "subjectKeyIdentifier";
    var DATE$1 = "date";
    var OTHER$1 = "other";
    var CLEAR_PROPS$w = [SUBJECT_KEY_IDENTIFIER, DATE$1, OTHER$1];
    var RecipientKeyIdentifier = class _RecipientKeyIdentifier extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.subjectKeyIdentifier = pvutils__namespace.getParametersValue(parameters, SUBJECT_KEY_IDENTIFIER, _RecipientKeyIdentifier.defaultValues(SUBJECT_KEY_IDENTIFIER));
        if (DATE$1 in parameters) {
          this.date = pvutils__namespace.getParametersValue(parameters, DATE$1, _RecipientKeyIdentifier.defaultValues(DATE$1));
        }
        if (OTHER$1 in parameters) {
          this.other = pvutils__namespace.getParametersValue(parameters, OTHER$1, _RecipientKeyIdentifier.defaultValues(OTHER$1));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case SUBJECT_KEY_IDENTIFIER:
            return new asn1js__namespace.OctetString();
          case DATE$1:
            return new asn1js__namespace.GeneralizedTime();
          case OTHER$1:
            return new OtherKeyAttribute();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case SUBJECT_KEY_IDENTIFIER:
            return memberValue.isEqual(_RecipientKeyIdentifier.defaultValues(SUBJECT_KEY_IDENTIFIER));
          case DATE$1:
            return memberValue.year === 0 && memberValue.month === 0 && memberValue.day === 0 && memberValue.hour === 0 && memberValue.minute === 0 && memberValue.second === 0 && memberValue.millisecond === 0;
          case OTHER$1:
            return memberValue.keyAttrId === EMPTY_STRING && "keyAttr" in memberValue === false;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.OctetString({ name: names.subjectKeyIdentifier || EMPTY_STRING }),
            new asn1js__namespace.GeneralizedTime({
              optional: true,
              name: names.date || EMPTY_STRING
            }),
            OtherKeyAttribute.schema(names.other || {})
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$w);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RecipientKeyIdentifier.schema({
          names: {
            subjectKeyIdentifier: SUBJECT_KEY_IDENTIFIER,
            date: DATE$1,
            other: {
              names: {
                blockName: OTHER$1
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.subjectKeyIdentifier = asn1.result.subjectKeyIdentifier;
        if (DATE$1 in asn1.result)
          this.date = asn1.result.date;
        if (OTHER$1 in asn1.result)
          this.other = new OtherKeyAttribute({ schema: asn1.result.other });
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.subjectKeyIdentifier);
        if (this.date) {
          outputArray.push(this.date);
        }
        if (this.other) {
          outputArray.push(this.other.toSchema());
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          subjectKeyIdentifier: this.subjectKeyIdentifier.toJSON()
        };
        if (this.date) {
          res.date = this.date.toJSON();
        }
        if (this.other) {
          res.other = this.other.toJSON();
        }
        return res;
      }
    };
    RecipientKeyIdentifier.CLASS_NAME = "RecipientKeyIdentifier";
    var VARIANT$1 = "variant";
    var VALUE$1 = "value";
    var CLEAR_PROPS$v = ["blockName"];
    var KeyAgreeRecipientIdentifier = class _KeyAgreeRecipientIdentifier extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.variant = pvutils__namespace.getParametersValue(parameters, VARIANT$1, _KeyAgreeRecipientIdentifier.defaultValues(VARIANT$1));
        this.value = pvutils__namespace.getParametersValue(parameters, VALUE$1, _KeyAgreeRecipientIdentifier.defaultValues(VALUE$1));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VARIANT$1:
            return -1;
          case VALUE$1:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VARIANT$1:
            return memberValue === -1;
          case VALUE$1:
            return Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Choice({
          value: [
            IssuerAndSerialNumber.schema(names.issuerAndSerialNumber || {
              names: {
                blockName: names.blockName || EMPTY_STRING
              }
            }),
            new asn1js__namespace.Constructed({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: RecipientKeyIdentifier.schema(names.rKeyId || {
                names: {
                  blockName: names.blockName || EMPTY_STRING
                }
              }).valueBlock.value
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$v);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _KeyAgreeRecipientIdentifier.schema({
          names: {
            blockName: "blockName"
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (asn1.result.blockName.idBlock.tagClass === 1) {
          this.variant = 1;
          this.value = new IssuerAndSerialNumber({ schema: asn1.result.blockName });
        } else {
          this.variant = 2;
          this.value = new RecipientKeyIdentifier({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.blockName.valueBlock.value
            })
          });
        }
      }
      toSchema() {
        switch (this.variant) {
          case 1:
            return this.value.toSchema();
          case 2:
            return new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: this.value.toSchema().valueBlock.value
            });
          default:
            return new asn1js__namespace.Any();
        }
      }
      toJSON() {
        const res = {
          variant: this.variant
        };
        if (this.variant === 1 || this.variant === 2) {
          res.value = this.value.toJSON();
        }
        return res;
      }
    };
    KeyAgreeRecipientIdentifier.CLASS_NAME = "KeyAgreeRecipientIdentifier";
    var RID = "rid";
    var ENCRYPTED_KEY$2 = "encryptedKey";
    var CLEAR_PROPS$u = [RID, ENCRYPTED_KEY$2];
    var RecipientEncryptedKey = class _RecipientEncryptedKey extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.rid = pvutils__namespace.getParametersValue(parameters, RID, _RecipientEncryptedKey.defaultValues(RID));
        this.encryptedKey = pvutils__namespace.getParametersValue(parameters, ENCRYPTED_KEY$2, _RecipientEncryptedKey.defaultValues(ENCRYPTED_KEY$2));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case RID:
            return new KeyAgreeRecipientIdentifier();
          case ENCRYPTED_KEY$2:
            return new asn1js__namespace.OctetString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case RID:
            return memberValue.variant === -1 && "value" in memberValue === false;
          case ENCRYPTED_KEY$2:
            return memberValue.isEqual(_RecipientEncryptedKey.defaultValues(ENCRYPTED_KEY$2));
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [KeyAgreeRecipientIdentifier.schema(names.rid || {}), new asn1js__namespace.OctetString({ name: names.encryptedKey || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$u);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RecipientEncryptedKey.schema({
          names: {
            rid: {
              names: {
                blockName: RID
              }
            },
            encryptedKey: ENCRYPTED_KEY$2
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.rid = new KeyAgreeRecipientIdentifier({ schema: asn1.result.rid });
        this.encryptedKey = asn1.result.encryptedKey;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.rid.toSchema(), this.encryptedKey]
        });
      }
      toJSON() {
        return {
          rid: this.rid.toJSON(),
          encryptedKey: this.encryptedKey.toJSON()
        };
      }
    };
    RecipientEncryptedKey.CLASS_NAME = "RecipientEncryptedKey";
    var ENCRYPTED_KEYS = "encryptedKeys";
    var RECIPIENT_ENCRYPTED_KEYS = "RecipientEncryptedKeys";
    var CLEAR_PROPS$t = [RECIPIENT_ENCRYPTED_KEYS];
    var RecipientEncryptedKeys = class _RecipientEncryptedKeys extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.encryptedKeys = pvutils__namespace.getParametersValue(parameters, ENCRYPTED_KEYS, _RecipientEncryptedKeys.defaultValues(ENCRYPTED_KEYS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ENCRYPTED_KEYS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case ENCRYPTED_KEYS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.RecipientEncryptedKeys || EMPTY_STRING,
              value: RecipientEncryptedKey.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$t);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RecipientEncryptedKeys.schema({
          names: {
            RecipientEncryptedKeys: RECIPIENT_ENCRYPTED_KEYS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.encryptedKeys = Array.from(asn1.result.RecipientEncryptedKeys, (element) => new RecipientEncryptedKey({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.encryptedKeys, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          encryptedKeys: Array.from(this.encryptedKeys, (o) => o.toJSON())
        };
      }
    };
    RecipientEncryptedKeys.CLASS_NAME = "RecipientEncryptedKeys";
    var VERSION$b = "version";
    var ORIGINATOR = "originator";
    var UKM = "ukm";
    var KEY_ENCRYPTION_ALGORITHM$2 = "keyEncryptionAlgorithm";
    var RECIPIENT_ENCRYPTED_KEY = "recipientEncryptedKeys";
    var RECIPIENT_CERTIFICATE = "recipientCertificate";
    var RECIPIENT_PUBLIC_KEY = "recipientPublicKey";
    var CLEAR_PROPS$s = [VERSION$b, ORIGINATOR, UKM, KEY_ENCRYPTION_ALGORITHM$2, RECIPIENT_ENCRYPTED_KEY];
    var KeyAgreeRecipientInfo = class _KeyAgreeRecipientInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$b, _KeyAgreeRecipientInfo.defaultValues(VERSION$b));
        this.originator = pvutils__namespace.getParametersValue(parameters, ORIGINATOR, _KeyAgreeRecipientInfo.defaultValues(ORIGINATOR));
        if (UKM in parameters) {
          this.ukm = pvutils__namespace.getParametersValue(parameters, UKM, _KeyAgreeRecipientInfo.defaultValues(UKM));
        }
        this.keyEncryptionAlgorithm = pvutils__namespace.getParametersValue(parameters, KEY_ENCRYPTION_ALGORITHM$2, _KeyAgreeRecipientInfo.defaultValues(KEY_ENCRYPTION_ALGORITHM$2));
        this.recipientEncryptedKeys = pvutils__namespace.getParametersValue(parameters, RECIPIENT_ENCRYPTED_KEY, _KeyAgreeRecipientInfo.defaultValues(RECIPIENT_ENCRYPTED_KEY));
        this.recipientCertificate = pvutils__namespace.getParametersValue(parameters, RECIPIENT_CERTIFICATE, _KeyAgreeRecipientInfo.defaultValues(RECIPIENT_CERTIFICATE));
        this.recipientPublicKey = pvutils__namespace.getParametersValue(parameters, RECIPIENT_PUBLIC_KEY, _KeyAgreeRecipientInfo.defaultValues(RECIPIENT_PUBLIC_KEY));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$b:
            return 0;
          case ORIGINATOR:
            return new OriginatorIdentifierOrKey();
          case UKM:
            return new asn1js__namespace.OctetString();
          case KEY_ENCRYPTION_ALGORITHM$2:
            return new AlgorithmIdentifier();
          case RECIPIENT_ENCRYPTED_KEY:
            return new RecipientEncryptedKeys();
          case RECIPIENT_CERTIFICATE:
            return new Certificate();
          case RECIPIENT_PUBLIC_KEY:
            return null;
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$b:
            return memberValue === 0;
          case ORIGINATOR:
            return memberValue.variant === -1 && "value" in memberValue === false;
          case UKM:
            return memberValue.isEqual(_KeyAgreeRecipientInfo.defaultValues(UKM));
          case KEY_ENCRYPTION_ALGORITHM$2:
            return memberValue.algorithmId === EMPTY_STRING && "algorithmParams" in memberValue === false;
          case RECIPIENT_ENCRYPTED_KEY:
            return memberValue.encryptedKeys.length === 0;
          case RECIPIENT_CERTIFICATE:
            return false;
          case RECIPIENT_PUBLIC_KEY:
            return false;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [OriginatorIdentifierOrKey.schema(names.originator || {})]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [new asn1js__namespace.OctetString({ name: names.ukm || EMPTY_STRING })]
            }),
            AlgorithmIdentifier.schema(names.keyEncryptionAlgorithm || {}),
            RecipientEncryptedKeys.schema(names.recipientEncryptedKeys || {})
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$s);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _KeyAgreeRecipientInfo.schema({
          names: {
            version: VERSION$b,
            originator: {
              names: {
                blockName: ORIGINATOR
              }
            },
            ukm: UKM,
            keyEncryptionAlgorithm: {
              names: {
                blockName: KEY_ENCRYPTION_ALGORITHM$2
              }
            },
            recipientEncryptedKeys: {
              names: {
                blockName: RECIPIENT_ENCRYPTED_KEY
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        this.originator = new OriginatorIdentifierOrKey({ schema: asn1.result.originator });
        if (UKM in asn1.result)
          this.ukm = asn1.result.ukm;
        this.keyEncryptionAlgorithm = new AlgorithmIdentifier({
          schema: asn1.result.keyEncryptionAlgorithm
        });
        this.recipientEncryptedKeys = new RecipientEncryptedKeys({
          schema: asn1.result.recipientEncryptedKeys
        });
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        outputArray.push(new asn1js__namespace.Constructed({
          idBlock: {
            tagClass: 3,
            tagNumber: 0
          },
          value: [this.originator.toSchema()]
        }));
        if (this.ukm) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: [this.ukm]
          }));
        }
        outputArray.push(this.keyEncryptionAlgorithm.toSchema());
        outputArray.push(this.recipientEncryptedKeys.toSchema());
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          version: this.version,
          originator: this.originator.toJSON(),
          keyEncryptionAlgorithm: this.keyEncryptionAlgorithm.toJSON(),
          recipientEncryptedKeys: this.recipientEncryptedKeys.toJSON()
        };
        if (this.ukm) {
          res.ukm = this.ukm.toJSON();
        }
        return res;
      }
    };
    KeyAgreeRecipientInfo.CLASS_NAME = "KeyAgreeRecipientInfo";
    var KEY_IDENTIFIER = "keyIdentifier";
    var DATE = "date";
    var OTHER = "other";
    var CLEAR_PROPS$r = [KEY_IDENTIFIER, DATE, OTHER];
    var KEKIdentifier = class _KEKIdentifier extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.keyIdentifier = pvutils__namespace.getParametersValue(parameters, KEY_IDENTIFIER, _KEKIdentifier.defaultValues(KEY_IDENTIFIER));
        if (DATE in parameters) {
          this.date = pvutils__namespace.getParametersValue(parameters, DATE, _KEKIdentifier.defaultValues(DATE));
        }
        if (OTHER in parameters) {
          this.other = pvutils__namespace.getParametersValue(parameters, OTHER, _KEKIdentifier.defaultValues(OTHER));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case KEY_IDENTIFIER:
            return new asn1js__namespace.OctetString();
          case DATE:
            return new asn1js__namespace.GeneralizedTime();
          case OTHER:
            return new OtherKeyAttribute();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case KEY_IDENTIFIER:
            return memberValue.isEqual(_KEKIdentifier.defaultValues(KEY_IDENTIFIER));
          case DATE:
            return memberValue.year === 0 && memberValue.month === 0 && memberValue.day === 0 && memberValue.hour === 0 && memberValue.minute === 0 && memberValue.second === 0 && memberValue.millisecond === 0;
          case OTHER:
            return memberValue.compareWithDefault("keyAttrId", memberValue.keyAttrId) && "keyAttr" in memberValue === false;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.OctetString({ name: names.keyIdentifier || EMPTY_STRING }),
            new asn1js__namespace.GeneralizedTime({
              optional: true,
              name: names.date || EMPTY_STRING
            }),
            OtherKeyAttribute.schema(names.other || {})
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$r);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _KEKIdentifier.schema({
          names: {
            keyIdentifier: KEY_IDENTIFIER,
            date: DATE,
            other: {
              names: {
                blockName: OTHER
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.keyIdentifier = asn1.result.keyIdentifier;
        if (DATE in asn1.result)
          this.date = asn1.result.date;
        if (OTHER in asn1.result)
          this.other = new OtherKeyAttribute({ schema: asn1.result.other });
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.keyIdentifier);
        if (this.date) {
          outputArray.push(this.date);
        }
        if (this.other) {
          outputArray.push(this.other.toSchema());
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          keyIdentifier: this.keyIdentifier.toJSON()
        };
        if (this.date) {
          res.date = this.date;
        }
        if (this.other) {
          res.other = this.other.toJSON();
        }
        return res;
      }
    };
    KEKIdentifier.CLASS_NAME = "KEKIdentifier";
    var VERSION$a = "version";
    var KEK_ID = "kekid";
    var KEY_ENCRYPTION_ALGORITHM$1 = "keyEncryptionAlgorithm";
    var ENCRYPTED_KEY$1 = "encryptedKey";
    var PER_DEFINED_KEK = "preDefinedKEK";
    var CLEAR_PROPS$q = [VERSION$a, KEK_ID, KEY_ENCRYPTION_ALGORITHM$1, ENCRYPTED_KEY$1];
    var KEKRecipientInfo = class _KEKRecipientInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$a, _KEKRecipientInfo.defaultValues(VERSION$a));
        this.kekid = pvutils__namespace.getParametersValue(parameters, KEK_ID, _KEKRecipientInfo.defaultValues(KEK_ID));
        this.keyEncryptionAlgorithm = pvutils__namespace.getParametersValue(parameters, KEY_ENCRYPTION_ALGORITHM$1, _KEKRecipientInfo.defaultValues(KEY_ENCRYPTION_ALGORITHM$1));
        this.encryptedKey = pvutils__namespace.getParametersValue(parameters, ENCRYPTED_KEY$1, _KEKRecipientInfo.defaultValues(ENCRYPTED_KEY$1));
        this.preDefinedKEK = pvutils__namespace.getParametersValue(parameters, PER_DEFINED_KEK, _KEKRecipientInfo.defaultValues(PER_DEFINED_KEK));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$a:
            return 0;
          case KEK_ID:
            return new KEKIdentifier();
          case KEY_ENCRYPTION_ALGORITHM$1:
            return new AlgorithmIdentifier();
          case ENCRYPTED_KEY$1:
            return new asn1js__namespace.OctetString();
          case PER_DEFINED_KEK:
            return EMPTY_BUFFER;
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case "KEKRecipientInfo":
            return memberValue === _KEKRecipientInfo.defaultValues(VERSION$a);
          case KEK_ID:
            return memberValue.compareWithDefault("keyIdentifier", memberValue.keyIdentifier) && "date" in memberValue === false && "other" in memberValue === false;
          case KEY_ENCRYPTION_ALGORITHM$1:
            return memberValue.algorithmId === EMPTY_STRING && "algorithmParams" in memberValue === false;
          case ENCRYPTED_KEY$1:
            return memberValue.isEqual(_KEKRecipientInfo.defaultValues(ENCRYPTED_KEY$1));
          case PER_DEFINED_KEK:
            return memberValue.byteLength === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            KEKIdentifier.schema(names.kekid || {}),
            AlgorithmIdentifier.schema(names.keyEncryptionAlgorithm || {}),
            new asn1js__namespace.OctetString({ name: names.encryptedKey || EMPTY_STRING })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$q);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _KEKRecipientInfo.schema({
          names: {
            version: VERSION$a,
            kekid: {
              names: {
                blockName: KEK_ID
              }
            },
            keyEncryptionAlgorithm: {
              names: {
                blockName: KEY_ENCRYPTION_ALGORITHM$1
              }
            },
            encryptedKey: ENCRYPTED_KEY$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        this.kekid = new KEKIdentifier({ schema: asn1.result.kekid });
        this.keyEncryptionAlgorithm = new AlgorithmIdentifier({
          schema: asn1.result.keyEncryptionAlgorithm
        });
        this.encryptedKey = asn1.result.encryptedKey;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.Integer({ value: this.version }), this.kekid.toSchema(), this.keyEncryptionAlgorithm.toSchema(), this.encryptedKey]
        });
      }
      toJSON() {
        return {
          version: this.version,
          kekid: this.kekid.toJSON(),
          keyEncryptionAlgorithm: this.keyEncryptionAlgorithm.toJSON(),
          encryptedKey: this.encryptedKey.toJSON()
        };
      }
    };
    KEKRecipientInfo.CLASS_NAME = "KEKRecipientInfo";
    var VERSION$9 = "version";
    var KEY_DERIVATION_ALGORITHM = "keyDerivationAlgorithm";
    var KEY_ENCRYPTION_ALGORITHM = "keyEncryptionAlgorithm";
    var ENCRYPTED_KEY = "encryptedKey";
    var PASSWORD = "password";
    var CLEAR_PROPS$p = [VERSION$9, KEY_DERIVATION_ALGORITHM, KEY_ENCRYPTION_ALGORITHM, ENCRYPTED_KEY];
    var PasswordRecipientinfo = class _PasswordRecipientinfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$9, _PasswordRecipientinfo.defaultValues(VERSION$9));
        if (KEY_DERIVATION_ALGORITHM in parameters) {
          this.keyDerivationAlgorithm = pvutils__namespace.getParametersValue(parameters, KEY_DERIVATION_ALGORITHM, _PasswordRecipientinfo.defaultValues(KEY_DERIVATION_ALGORITHM));
        }
        this.keyEncryptionAlgorithm = pvutils__namespace.getParametersValue(parameters, KEY_ENCRYPTION_ALGORITHM, _PasswordRecipientinfo.defaultValues(KEY_ENCRYPTION_ALGORITHM));
        this.encryptedKey = pvutils__namespace.getParametersValue(parameters, ENCRYPTED_KEY, _PasswordRecipientinfo.defaultValues(ENCRYPTED_KEY));
        this.password = pvutils__namespace.getParametersValue(parameters, PASSWORD, _PasswordRecipientinfo.defaultValues(PASSWORD));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$9:
            return -1;
          case KEY_DERIVATION_ALGORITHM:
            return new AlgorithmIdentifier();
          case KEY_ENCRYPTION_ALGORITHM:
            return new AlgorithmIdentifier();
          case ENCRYPTED_KEY:
            return new asn1js__namespace.OctetString();
          case PASSWORD:
            return EMPTY_BUFFER;
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$9:
            return memberValue === -1;
          case KEY_DERIVATION_ALGORITHM:
          case KEY_ENCRYPTION_ALGORITHM:
            return memberValue.algorithmId === EMPTY_STRING && "algorithmParams" in memberValue === false;
          case ENCRYPTED_KEY:
            return memberValue.isEqual(_PasswordRecipientinfo.defaultValues(ENCRYPTED_KEY));
          case PASSWORD:
            return memberValue.byteLength === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            new asn1js__namespace.Constructed({
              name: names.keyDerivationAlgorithm || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: AlgorithmIdentifier.schema().valueBlock.value
            }),
            AlgorithmIdentifier.schema(names.keyEncryptionAlgorithm || {}),
            new asn1js__namespace.OctetString({ name: names.encryptedKey || EMPTY_STRING })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$p);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PasswordRecipientinfo.schema({
          names: {
            version: VERSION$9,
            keyDerivationAlgorithm: KEY_DERIVATION_ALGORITHM,
            keyEncryptionAlgorithm: {
              names: {
                blockName: KEY_ENCRYPTION_ALGORITHM
              }
            },
            encryptedKey: ENCRYPTED_KEY
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        if (KEY_DERIVATION_ALGORITHM in asn1.result) {
          this.keyDerivationAlgorithm = new AlgorithmIdentifier({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.keyDerivationAlgorithm.valueBlock.value
            })
          });
        }
        this.keyEncryptionAlgorithm = new AlgorithmIdentifier({
          schema: asn1.result.keyEncryptionAlgorithm
        });
        this.encryptedKey = asn1.result.encryptedKey;
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        if (this.keyDerivationAlgorithm) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: this.keyDerivationAlgorithm.toSchema().valueBlock.value
          }));
        }
        outputArray.push(this.keyEncryptionAlgorithm.toSchema());
        outputArray.push(this.encryptedKey);
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          version: this.version,
          keyEncryptionAlgorithm: this.keyEncryptionAlgorithm.toJSON(),
          encryptedKey: this.encryptedKey.toJSON()
        };
        if (this.keyDerivationAlgorithm) {
          res.keyDerivationAlgorithm = this.keyDerivationAlgorithm.toJSON();
        }
        return res;
      }
    };
    PasswordRecipientinfo.CLASS_NAME = "PasswordRecipientInfo";
    var ORI_TYPE = "oriType";
    var ORI_VALUE = "oriValue";
    var CLEAR_PROPS$o = [ORI_TYPE, ORI_VALUE];
    var OtherRecipientInfo = class _OtherRecipientInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.oriType = pvutils__namespace.getParametersValue(parameters, ORI_TYPE, _OtherRecipientInfo.defaultValues(ORI_TYPE));
        this.oriValue = pvutils__namespace.getParametersValue(parameters, ORI_VALUE, _OtherRecipientInfo.defaultValues(ORI_VALUE));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case ORI_TYPE:
            return EMPTY_STRING;
          case ORI_VALUE:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case ORI_TYPE:
            return memberValue === EMPTY_STRING;
          case ORI_VALUE:
            return Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.oriType || EMPTY_STRING }), new asn1js__namespace.Any({ name: names.oriValue || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$o);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OtherRecipientInfo.schema({
          names: {
            oriType: ORI_TYPE,
            oriValue: ORI_VALUE
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.oriType = asn1.result.oriType.valueBlock.toString();
        this.oriValue = asn1.result.oriValue;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.ObjectIdentifier({ value: this.oriType }), this.oriValue]
        });
      }
      toJSON() {
        const res = {
          oriType: this.oriType
        };
        if (!_OtherRecipientInfo.compareWithDefault(ORI_VALUE, this.oriValue)) {
          res.oriValue = this.oriValue.toJSON();
        }
        return res;
      }
    };
    OtherRecipientInfo.CLASS_NAME = "OtherRecipientInfo";
    var VARIANT = "variant";
    var VALUE = "value";
    var CLEAR_PROPS$n = ["blockName"];
    var RecipientInfo = class _RecipientInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.variant = pvutils__namespace.getParametersValue(parameters, VARIANT, _RecipientInfo.defaultValues(VARIANT));
        if (VALUE in parameters) {
          this.value = pvutils__namespace.getParametersValue(parameters, VALUE, _RecipientInfo.defaultValues(VALUE));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VARIANT:
            return -1;
          case VALUE:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VARIANT:
            return memberValue === _RecipientInfo.defaultValues(memberName);
          case VALUE:
            return Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Choice({
          value: [
            KeyTransRecipientInfo.schema({
              names: {
                blockName: names.blockName || EMPTY_STRING
              }
            }),
            new asn1js__namespace.Constructed({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: KeyAgreeRecipientInfo.schema().valueBlock.value
            }),
            new asn1js__namespace.Constructed({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              value: KEKRecipientInfo.schema().valueBlock.value
            }),
            new asn1js__namespace.Constructed({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 3
              },
              value: PasswordRecipientinfo.schema().valueBlock.value
            }),
            new asn1js__namespace.Constructed({
              name: names.blockName || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 4
              },
              value: OtherRecipientInfo.schema().valueBlock.value
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$n);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RecipientInfo.schema({
          names: {
            blockName: "blockName"
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (asn1.result.blockName.idBlock.tagClass === 1) {
          this.variant = 1;
          this.value = new KeyTransRecipientInfo({ schema: asn1.result.blockName });
        } else {
          const blockSequence = new asn1js__namespace.Sequence({
            value: asn1.result.blockName.valueBlock.value
          });
          switch (asn1.result.blockName.idBlock.tagNumber) {
            case 1:
              this.variant = 2;
              this.value = new KeyAgreeRecipientInfo({ schema: blockSequence });
              break;
            case 2:
              this.variant = 3;
              this.value = new KEKRecipientInfo({ schema: blockSequence });
              break;
            case 3:
              this.variant = 4;
              this.value = new PasswordRecipientinfo({ schema: blockSequence });
              break;
            case 4:
              this.variant = 5;
              this.value = new OtherRecipientInfo({ schema: blockSequence });
              break;
            default:
              throw new Error("Incorrect structure of RecipientInfo block");
          }
        }
      }
      toSchema() {
        ParameterError.assertEmpty(this.value, "value", "RecipientInfo");
        const _schema = this.value.toSchema();
        switch (this.variant) {
          case 1:
            return _schema;
          case 2:
          case 3:
          case 4:
            _schema.idBlock.tagClass = 3;
            _schema.idBlock.tagNumber = this.variant - 1;
            return _schema;
          default:
            return new asn1js__namespace.Any();
        }
      }
      toJSON() {
        const res = {
          variant: this.variant
        };
        if (this.value && this.variant >= 1 && this.variant <= 4) {
          res.value = this.value.toJSON();
        }
        return res;
      }
    };
    RecipientInfo.CLASS_NAME = "RecipientInfo";
    var HASH_ALGORITHM$2 = "hashAlgorithm";
    var MASK_GEN_ALGORITHM = "maskGenAlgorithm";
    var P_SOURCE_ALGORITHM = "pSourceAlgorithm";
    var CLEAR_PROPS$m = [HASH_ALGORITHM$2, MASK_GEN_ALGORITHM, P_SOURCE_ALGORITHM];
    var RSAESOAEPParams = class _RSAESOAEPParams extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.hashAlgorithm = pvutils__namespace.getParametersValue(parameters, HASH_ALGORITHM$2, _RSAESOAEPParams.defaultValues(HASH_ALGORITHM$2));
        this.maskGenAlgorithm = pvutils__namespace.getParametersValue(parameters, MASK_GEN_ALGORITHM, _RSAESOAEPParams.defaultValues(MASK_GEN_ALGORITHM));
        this.pSourceAlgorithm = pvutils__namespace.getParametersValue(parameters, P_SOURCE_ALGORITHM, _RSAESOAEPParams.defaultValues(P_SOURCE_ALGORITHM));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case HASH_ALGORITHM$2:
            return new AlgorithmIdentifier({
              algorithmId: "1.3.14.3.2.26",
              algorithmParams: new asn1js__namespace.Null()
            });
          case MASK_GEN_ALGORITHM:
            return new AlgorithmIdentifier({
              algorithmId: "1.2.840.113549.1.1.8",
              algorithmParams: new AlgorithmIdentifier({
                algorithmId: "1.3.14.3.2.26",
                algorithmParams: new asn1js__namespace.Null()
              }).toSchema()
            });
          case P_SOURCE_ALGORITHM:
            return new AlgorithmIdentifier({
              algorithmId: "1.2.840.113549.1.1.9",
              algorithmParams: new asn1js__namespace.OctetString({
                valueHex: new Uint8Array([218, 57, 163, 238, 94, 107, 75, 13, 50, 85, 191, 239, 149, 96, 24, 144, 175, 216, 7, 9]).buffer
              })
            });
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              optional: true,
              value: [AlgorithmIdentifier.schema(names.hashAlgorithm || {})]
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              optional: true,
              value: [AlgorithmIdentifier.schema(names.maskGenAlgorithm || {})]
            }),
            new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              optional: true,
              value: [AlgorithmIdentifier.schema(names.pSourceAlgorithm || {})]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$m);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _RSAESOAEPParams.schema({
          names: {
            hashAlgorithm: {
              names: {
                blockName: HASH_ALGORITHM$2
              }
            },
            maskGenAlgorithm: {
              names: {
                blockName: MASK_GEN_ALGORITHM
              }
            },
            pSourceAlgorithm: {
              names: {
                blockName: P_SOURCE_ALGORITHM
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        if (HASH_ALGORITHM$2 in asn1.result)
          this.hashAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.hashAlgorithm });
        if (MASK_GEN_ALGORITHM in asn1.result)
          this.maskGenAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.maskGenAlgorithm });
        if (P_SOURCE_ALGORITHM in asn1.result)
          this.pSourceAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.pSourceAlgorithm });
      }
      toSchema() {
        const outputArray = [];
        if (!this.hashAlgorithm.isEqual(_RSAESOAEPParams.defaultValues(HASH_ALGORITHM$2))) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [this.hashAlgorithm.toSchema()]
          }));
        }
        if (!this.maskGenAlgorithm.isEqual(_RSAESOAEPParams.defaultValues(MASK_GEN_ALGORITHM))) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: [this.maskGenAlgorithm.toSchema()]
          }));
        }
        if (!this.pSourceAlgorithm.isEqual(_RSAESOAEPParams.defaultValues(P_SOURCE_ALGORITHM))) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 2
            },
            value: [this.pSourceAlgorithm.toSchema()]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {};
        if (!this.hashAlgorithm.isEqual(_RSAESOAEPParams.defaultValues(HASH_ALGORITHM$2))) {
          res.hashAlgorithm = this.hashAlgorithm.toJSON();
        }
        if (!this.maskGenAlgorithm.isEqual(_RSAESOAEPParams.defaultValues(MASK_GEN_ALGORITHM))) {
          res.maskGenAlgorithm = this.maskGenAlgorithm.toJSON();
        }
        if (!this.pSourceAlgorithm.isEqual(_RSAESOAEPParams.defaultValues(P_SOURCE_ALGORITHM))) {
          res.pSourceAlgorithm = this.pSourceAlgorithm.toJSON();
        }
        return res;
      }
    };
    RSAESOAEPParams.CLASS_NAME = "RSAESOAEPParams";
    var KEY_INFO = "keyInfo";
    var ENTITY_U_INFO = "entityUInfo";
    var SUPP_PUB_INFO = "suppPubInfo";
    var CLEAR_PROPS$l = [KEY_INFO, ENTITY_U_INFO, SUPP_PUB_INFO];
    var ECCCMSSharedInfo = class _ECCCMSSharedInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.keyInfo = pvutils__namespace.getParametersValue(parameters, KEY_INFO, _ECCCMSSharedInfo.defaultValues(KEY_INFO));
        if (ENTITY_U_INFO in parameters) {
          this.entityUInfo = pvutils__namespace.getParametersValue(parameters, ENTITY_U_INFO, _ECCCMSSharedInfo.defaultValues(ENTITY_U_INFO));
        }
        this.suppPubInfo = pvutils__namespace.getParametersValue(parameters, SUPP_PUB_INFO, _ECCCMSSharedInfo.defaultValues(SUPP_PUB_INFO));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case KEY_INFO:
            return new AlgorithmIdentifier();
          case ENTITY_U_INFO:
            return new asn1js__namespace.OctetString();
          case SUPP_PUB_INFO:
            return new asn1js__namespace.OctetString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case KEY_INFO:
          case ENTITY_U_INFO:
          case SUPP_PUB_INFO:
            return memberValue.isEqual(_ECCCMSSharedInfo.defaultValues(memberName));
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            AlgorithmIdentifier.schema(names.keyInfo || {}),
            new asn1js__namespace.Constructed({
              name: names.entityUInfo || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              optional: true,
              value: [new asn1js__namespace.OctetString()]
            }),
            new asn1js__namespace.Constructed({
              name: names.suppPubInfo || EMPTY_STRING,
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              value: [new asn1js__namespace.OctetString()]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$l);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _ECCCMSSharedInfo.schema({
          names: {
            keyInfo: {
              names: {
                blockName: KEY_INFO
              }
            },
            entityUInfo: ENTITY_U_INFO,
            suppPubInfo: SUPP_PUB_INFO
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.keyInfo = new AlgorithmIdentifier({ schema: asn1.result.keyInfo });
        if (ENTITY_U_INFO in asn1.result)
          this.entityUInfo = asn1.result.entityUInfo.valueBlock.value[0];
        this.suppPubInfo = asn1.result.suppPubInfo.valueBlock.value[0];
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.keyInfo.toSchema());
        if (this.entityUInfo) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [this.entityUInfo]
          }));
        }
        outputArray.push(new asn1js__namespace.Constructed({
          idBlock: {
            tagClass: 3,
            tagNumber: 2
          },
          value: [this.suppPubInfo]
        }));
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          keyInfo: this.keyInfo.toJSON(),
          suppPubInfo: this.suppPubInfo.toJSON()
        };
        if (this.entityUInfo) {
          res.entityUInfo = this.entityUInfo.toJSON();
        }
        return res;
      }
    };
    ECCCMSSharedInfo.CLASS_NAME = "ECCCMSSharedInfo";
    var VERSION$8 = "version";
    var ORIGINATOR_INFO = "originatorInfo";
    var RECIPIENT_INFOS = "recipientInfos";
    var ENCRYPTED_CONTENT_INFO = "encryptedContentInfo";
    var UNPROTECTED_ATTRS = "unprotectedAttrs";
    var CLEAR_PROPS$k = [VERSION$8, ORIGINATOR_INFO, RECIPIENT_INFOS, ENCRYPTED_CONTENT_INFO, UNPROTECTED_ATTRS];
    var defaultEncryptionParams = {
      kdfAlgorithm: "SHA-512",
      kekEncryptionLength: 256
    };
    var curveLengthByName = {
      "P-256": 256,
      "P-384": 384,
      "P-521": 528
    };
    var EnvelopedData = class _EnvelopedData extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$8, _EnvelopedData.defaultValues(VERSION$8));
        if (ORIGINATOR_INFO in parameters) {
          this.originatorInfo = pvutils__namespace.getParametersValue(parameters, ORIGINATOR_INFO, _EnvelopedData.defaultValues(ORIGINATOR_INFO));
        }
        this.recipientInfos = pvutils__namespace.getParametersValue(parameters, RECIPIENT_INFOS, _EnvelopedData.defaultValues(RECIPIENT_INFOS));
        this.encryptedContentInfo = pvutils__namespace.getParametersValue(parameters, ENCRYPTED_CONTENT_INFO, _EnvelopedData.defaultValues(ENCRYPTED_CONTENT_INFO));
        if (UNPROTECTED_ATTRS in parameters) {
          this.unprotectedAttrs = pvutils__namespace.getParametersValue(parameters, UNPROTECTED_ATTRS, _EnvelopedData.defaultValues(UNPROTECTED_ATTRS));
        }
        this.policy = {
          disableSplit: !!parameters.disableSplit
        };
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$8:
            return 0;
          case ORIGINATOR_INFO:
            return new OriginatorInfo();
          case RECIPIENT_INFOS:
            return [];
          case ENCRYPTED_CONTENT_INFO:
            return new EncryptedContentInfo();
          case UNPROTECTED_ATTRS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$8:
            return memberValue === _EnvelopedData.defaultValues(memberName);
          case ORIGINATOR_INFO:
            return memberValue.certs.certificates.length === 0 && memberValue.crls.crls.length === 0;
          case RECIPIENT_INFOS:
          case UNPROTECTED_ATTRS:
            return memberValue.length === 0;
          case ENCRYPTED_CONTENT_INFO:
            return EncryptedContentInfo.compareWithDefault("contentType", memberValue.contentType) && EncryptedContentInfo.compareWithDefault("contentEncryptionAlgorithm", memberValue.contentEncryptionAlgorithm) && EncryptedContentInfo.compareWithDefault("encryptedContent", memberValue.encryptedContent);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || EMPTY_STRING }),
            new asn1js__namespace.Constructed({
              name: names.originatorInfo || EMPTY_STRING,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: OriginatorInfo.schema().valueBlock.value
            }),
            new asn1js__namespace.Set({
              value: [
                new asn1js__namespace.Repeated({
                  name: names.recipientInfos || EMPTY_STRING,
                  value: RecipientInfo.schema()
                })
              ]
            }),
            EncryptedContentInfo.schema(names.encryptedContentInfo || {}),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.unprotectedAttrs || EMPTY_STRING,
                  value: Attribute.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$k);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _EnvelopedData.schema({
          names: {
            version: VERSION$8,
            originatorInfo: ORIGINATOR_INFO,
            recipientInfos: RECIPIENT_INFOS,
            encryptedContentInfo: {
              names: {
                blockName: ENCRYPTED_CONTENT_INFO
              }
            },
            unprotectedAttrs: UNPROTECTED_ATTRS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        if (ORIGINATOR_INFO in asn1.result) {
          this.originatorInfo = new OriginatorInfo({
            schema: new asn1js__namespace.Sequence({
              value: asn1.result.originatorInfo.valueBlock.value
            })
          });
        }
        this.recipientInfos = Array.from(asn1.result.recipientInfos, (o) => new RecipientInfo({ schema: o }));
        this.encryptedContentInfo = new EncryptedContentInfo({
          schema: asn1.result.encryptedContentInfo
        });
        if (UNPROTECTED_ATTRS in asn1.result)
          this.unprotectedAttrs = Array.from(asn1.result.unprotectedAttrs, (o) => new Attribute({ schema: o }));
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        if (this.originatorInfo) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: this.originatorInfo.toSchema().valueBlock.value
          }));
        }
        outputArray.push(new asn1js__namespace.Set({
          value: Array.from(this.recipientInfos, (o) => o.toSchema())
        }));
        outputArray.push(this.encryptedContentInfo.toSchema());
        if (this.unprotectedAttrs) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: Array.from(this.unprotectedAttrs, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          version: this.version,
          recipientInfos: Array.from(this.recipientInfos, (o) => o.toJSON()),
          encryptedContentInfo: this.encryptedContentInfo.toJSON()
        };
        if (this.originatorInfo)
          res.originatorInfo = this.originatorInfo.toJSON();
        if (this.unprotectedAttrs)
          res.unprotectedAttrs = Array.from(this.unprotectedAttrs, (o) => o.toJSON());
        return res;
      }
      addRecipientByCertificate(certificate, parameters, variant, crypto2 = getCrypto(true)) {
        const encryptionParameters = Object.assign({ useOAEP: true, oaepHashAlgorithm: "SHA-512" }, defaultEncryptionParams, parameters || {});
        if (certificate.subjectPublicKeyInfo.algorithm.algorithmId.indexOf("1.2.840.113549") !== -1)
          variant = 1;
        else {
          if (certificate.subjectPublicKeyInfo.algorithm.algorithmId.indexOf("1.2.840.10045") !== -1)
            variant = 2;
          else
            throw new Error(`Unknown type of certificate's public key: ${certificate.subjectPublicKeyInfo.algorithm.algorithmId}`);
        }
        switch (variant) {
          case 1:
            {
              let algorithmId;
              let algorithmParams;
              if (encryptionParameters.useOAEP === true) {
                algorithmId = crypto2.getOIDByAlgorithm({
                  name: "RSA-OAEP"
                }, true, "keyEncryptionAlgorithm");
                const hashOID = crypto2.getOIDByAlgorithm({
                  name: encryptionParameters.oaepHashAlgorithm
                }, true, "RSAES-OAEP-params");
                const hashAlgorithm = new AlgorithmIdentifier({
                  algorithmId: hashOID,
                  algorithmParams: new asn1js__namespace.Null()
                });
                const rsaOAEPParams = new RSAESOAEPParams({
                  hashAlgorithm,
                  maskGenAlgorithm: new AlgorithmIdentifier({
                    algorithmId: "1.2.840.113549.1.1.8",
                    algorithmParams: hashAlgorithm.toSchema()
                  })
                });
                algorithmParams = rsaOAEPParams.toSchema();
              } else {
                algorithmId = crypto2.getOIDByAlgorithm({
                  name: "RSAES-PKCS1-v1_5"
                });
                if (algorithmId === EMPTY_STRING)
                  throw new Error("Can not find OID for RSAES-PKCS1-v1_5");
                algorithmParams = new asn1js__namespace.Null();
              }
              const keyInfo = new KeyTransRecipientInfo({
                version: 0,
                rid: new IssuerAndSerialNumber({
                  issuer: certificate.issuer,
                  serialNumber: certificate.serialNumber
                }),
                keyEncryptionAlgorithm: new AlgorithmIdentifier({
                  algorithmId,
                  algorithmParams
                }),
                recipientCertificate: certificate
              });
              this.recipientInfos.push(new RecipientInfo({
                variant: 1,
                value: keyInfo
              }));
            }
            break;
          case 2:
            {
              const recipientIdentifier = new KeyAgreeRecipientIdentifier({
                variant: 1,
                value: new IssuerAndSerialNumber({
                  issuer: certificate.issuer,
                  serialNumber: certificate.serialNumber
                })
              });
              this._addKeyAgreeRecipientInfo(recipientIdentifier, encryptionParameters, { recipientCertificate: certificate }, crypto2);
            }
            break;
          default:
            throw new Error(`Unknown "variant" value: ${variant}`);
        }
        return true;
      }
      addRecipientByPreDefinedData(preDefinedData, parameters = {}, variant, crypto2 = getCrypto(true)) {
        ArgumentError.assert(preDefinedData, "preDefinedData", "ArrayBuffer");
        if (!preDefinedData.byteLength) {
          throw new Error("Pre-defined data could have zero length");
        }
        if (!parameters.keyIdentifier) {
          const keyIdentifierBuffer = new ArrayBuffer(16);
          const keyIdentifierView = new Uint8Array(keyIdentifierBuffer);
          crypto2.getRandomValues(keyIdentifierView);
          parameters.keyIdentifier = keyIdentifierBuffer;
        }
        if (!parameters.hmacHashAlgorithm)
          parameters.hmacHashAlgorithm = "SHA-512";
        if (parameters.iterationCount === void 0) {
          parameters.iterationCount = 2048;
        }
        if (!parameters.keyEncryptionAlgorithm) {
          parameters.keyEncryptionAlgorithm = {
            name: "AES-KW",
            length: 256
          };
        }
        if (!parameters.keyEncryptionAlgorithmParams)
          parameters.keyEncryptionAlgorithmParams = new asn1js__namespace.Null();
        switch (variant) {
          case 1:
            {
              const kekOID = crypto2.getOIDByAlgorithm(parameters.keyEncryptionAlgorithm, true, "keyEncryptionAlgorithm");
              const keyInfo = new KEKRecipientInfo({
                version: 4,
                kekid: new KEKIdentifier({
                  keyIdentifier: new asn1js__namespace.OctetString({ valueHex: parameters.keyIdentifier })
                }),
                keyEncryptionAlgorithm: new AlgorithmIdentifier({
                  algorithmId: kekOID,
                  algorithmParams: parameters.keyEncryptionAlgorithmParams
                }),
                preDefinedKEK: preDefinedData
              });
              this.recipientInfos.push(new RecipientInfo({
                variant: 3,
                value: keyInfo
              }));
            }
            break;
          case 2:
            {
              const pbkdf2OID = crypto2.getOIDByAlgorithm({ name: "PBKDF2" }, true, "keyDerivationAlgorithm");
              const saltBuffer = new ArrayBuffer(64);
              const saltView = new Uint8Array(saltBuffer);
              crypto2.getRandomValues(saltView);
              const hmacOID = crypto2.getOIDByAlgorithm({
                name: "HMAC",
                hash: {
                  name: parameters.hmacHashAlgorithm
                }
              }, true, "hmacHashAlgorithm");
              const pbkdf2Params = new PBKDF2Params({
                salt: new asn1js__namespace.OctetString({ valueHex: saltBuffer }),
                iterationCount: parameters.iterationCount,
                prf: new AlgorithmIdentifier({
                  algorithmId: hmacOID,
                  algorithmParams: new asn1js__namespace.Null()
                })
              });
              const kekOID = crypto2.getOIDByAlgorithm(parameters.keyEncryptionAlgorithm, true, "keyEncryptionAlgorithm");
              const keyInfo = new PasswordRecipientinfo({
                version: 0,
                keyDerivationAlgorithm: new AlgorithmIdentifier({
                  algorithmId: pbkdf2OID,
                  algorithmParams: pbkdf2Params.toSchema()
                }),
                keyEncryptionAlgorithm: new AlgorithmIdentifier({
                  algorithmId: kekOID,
                  algorithmParams: parameters.keyEncryptionAlgorithmParams
                }),
                password: preDefinedData
              });
              this.recipientInfos.push(new RecipientInfo({
                variant: 4,
                value: keyInfo
              }));
            }
            break;
          default:
            throw new Error(`Unknown value for "variant": ${variant}`);
        }
      }
      addRecipientByKeyIdentifier(key, keyId, parameters, crypto2 = getCrypto(true)) {
        const encryptionParameters = Object.assign({}, defaultEncryptionParams, parameters || {});
        const recipientIdentifier = new KeyAgreeRecipientIdentifier({
          variant: 2,
          value: new RecipientKeyIdentifier({
            subjectKeyIdentifier: new asn1js__namespace.OctetString({ valueHex: keyId })
          })
        });
        this._addKeyAgreeRecipientInfo(recipientIdentifier, encryptionParameters, { recipientPublicKey: key }, crypto2);
      }
      _addKeyAgreeRecipientInfo(recipientIdentifier, encryptionParameters, extraRecipientInfoParams, crypto2 = getCrypto(true)) {
        const encryptedKey = new RecipientEncryptedKey({
          rid: recipientIdentifier
        });
        const aesKWoid = crypto2.getOIDByAlgorithm({
          name: "AES-KW",
          length: encryptionParameters.kekEncryptionLength
        }, true, "keyEncryptionAlgorithm");
        const aesKW = new AlgorithmIdentifier({
          algorithmId: aesKWoid
        });
        const ecdhOID = crypto2.getOIDByAlgorithm({
          name: "ECDH",
          kdf: encryptionParameters.kdfAlgorithm
        }, true, "KeyAgreeRecipientInfo");
        const ukmBuffer = new ArrayBuffer(64);
        const ukmView = new Uint8Array(ukmBuffer);
        crypto2.getRandomValues(ukmView);
        const recipientInfoParams = {
          version: 3,
          ukm: new asn1js__namespace.OctetString({ valueHex: ukmBuffer }),
          keyEncryptionAlgorithm: new AlgorithmIdentifier({
            algorithmId: ecdhOID,
            algorithmParams: aesKW.toSchema()
          }),
          recipientEncryptedKeys: new RecipientEncryptedKeys({
            encryptedKeys: [encryptedKey]
          })
        };
        const keyInfo = new KeyAgreeRecipientInfo(Object.assign(recipientInfoParams, extraRecipientInfoParams));
        this.recipientInfos.push(new RecipientInfo({
          variant: 2,
          value: keyInfo
        }));
      }
      async encrypt(contentEncryptionAlgorithm, contentToEncrypt, crypto2 = getCrypto(true)) {
        const ivBuffer = new ArrayBuffer(16);
        const ivView = new Uint8Array(ivBuffer);
        crypto2.getRandomValues(ivView);
        const contentView = new Uint8Array(contentToEncrypt);
        const contentEncryptionOID = crypto2.getOIDByAlgorithm(contentEncryptionAlgorithm, true, "contentEncryptionAlgorithm");
        const sessionKey = await crypto2.generateKey(contentEncryptionAlgorithm, true, ["encrypt"]);
        const encryptedContent = await crypto2.encrypt({
          name: contentEncryptionAlgorithm.name,
          iv: ivView
        }, sessionKey, contentView);
        const exportedSessionKey = await crypto2.exportKey("raw", sessionKey);
        this.version = 2;
        this.encryptedContentInfo = new EncryptedContentInfo({
          disableSplit: this.policy.disableSplit,
          contentType: "1.2.840.113549.1.7.1",
          contentEncryptionAlgorithm: new AlgorithmIdentifier({
            algorithmId: contentEncryptionOID,
            algorithmParams: new asn1js__namespace.OctetString({ valueHex: ivBuffer })
          }),
          encryptedContent: new asn1js__namespace.OctetString({ valueHex: encryptedContent })
        });
        const SubKeyAgreeRecipientInfo = async (index) => {
          const recipientInfo = this.recipientInfos[index].value;
          let recipientCurve;
          let recipientPublicKey;
          if (recipientInfo.recipientPublicKey) {
            recipientCurve = recipientInfo.recipientPublicKey.algorithm.namedCurve;
            recipientPublicKey = recipientInfo.recipientPublicKey;
          } else if (recipientInfo.recipientCertificate) {
            const curveObject = recipientInfo.recipientCertificate.subjectPublicKeyInfo.algorithm.algorithmParams;
            if (curveObject.constructor.blockName() !== asn1js__namespace.ObjectIdentifier.blockName())
              throw new Error(`Incorrect "recipientCertificate" for index ${index}`);
            const curveOID = curveObject.valueBlock.toString();
            switch (curveOID) {
              case "1.2.840.10045.3.1.7":
                recipientCurve = "P-256";
                break;
              case "1.3.132.0.34":
                recipientCurve = "P-384";
                break;
              case "1.3.132.0.35":
                recipientCurve = "P-521";
                break;
              default:
                throw new Error(`Incorrect curve OID for index ${index}`);
            }
            recipientPublicKey = await recipientInfo.recipientCertificate.getPublicKey({
              algorithm: {
                algorithm: {
                  name: "ECDH",
                  namedCurve: recipientCurve
                },
                usages: []
              }
            }, crypto2);
          } else {
            throw new Error("Unsupported RecipientInfo");
          }
          const recipientCurveLength = curveLengthByName[recipientCurve];
          const ecdhKeys = await crypto2.generateKey({ name: "ECDH", namedCurve: recipientCurve }, true, ["deriveBits"]);
          const exportedECDHPublicKey = await crypto2.exportKey("spki", ecdhKeys.publicKey);
          const derivedBits = await crypto2.deriveBits({
            name: "ECDH",
            public: recipientPublicKey
          }, ecdhKeys.privateKey, recipientCurveLength);
          const aesKWAlgorithm = new AlgorithmIdentifier({
            schema: recipientInfo.keyEncryptionAlgorithm.algorithmParams
          });
          const kwAlgorithm = crypto2.getAlgorithmByOID(aesKWAlgorithm.algorithmId, true, "aesKWAlgorithm");
          let kwLength = kwAlgorithm.length;
          const kwLengthBuffer = new ArrayBuffer(4);
          const kwLengthView = new Uint8Array(kwLengthBuffer);
          for (let j = 3; j >= 0; j--) {
            kwLengthView[j] = kwLength;
            kwLength >>= 8;
          }
          const eccInfo = new ECCCMSSharedInfo({
            keyInfo: new AlgorithmIdentifier({
              algorithmId: aesKWAlgorithm.algorithmId
            }),
            entityUInfo: recipientInfo.ukm,
            suppPubInfo: new asn1js__namespace.OctetString({ valueHex: kwLengthBuffer })
          });
          const encodedInfo = eccInfo.toSchema().toBER(false);
          const ecdhAlgorithm = crypto2.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "ecdhAlgorithm");
          const derivedKeyRaw = await kdf(ecdhAlgorithm.kdf, derivedBits, kwAlgorithm.length, encodedInfo, crypto2);
          const awsKW = await crypto2.importKey("raw", derivedKeyRaw, { name: "AES-KW" }, true, ["wrapKey"]);
          const wrappedKey = await crypto2.wrapKey("raw", sessionKey, awsKW, { name: "AES-KW" });
          const originator = new OriginatorIdentifierOrKey();
          originator.variant = 3;
          originator.value = OriginatorPublicKey.fromBER(exportedECDHPublicKey);
          recipientInfo.originator = originator;
          recipientInfo.recipientEncryptedKeys.encryptedKeys[0].encryptedKey = new asn1js__namespace.OctetString({
            valueHex: wrappedKey
          });
          return { ecdhPrivateKey: ecdhKeys.privateKey };
        };
        const SubKeyTransRecipientInfo = async (index) => {
          const recipientInfo = this.recipientInfos[index].value;
          const algorithmParameters = crypto2.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "keyEncryptionAlgorithm");
          if (algorithmParameters.name === "RSA-OAEP") {
            const schema = recipientInfo.keyEncryptionAlgorithm.algorithmParams;
            const rsaOAEPParams = new RSAESOAEPParams({ schema });
            algorithmParameters.hash = crypto2.getAlgorithmByOID(rsaOAEPParams.hashAlgorithm.algorithmId);
            if ("name" in algorithmParameters.hash === false)
              throw new Error(`Incorrect OID for hash algorithm: ${rsaOAEPParams.hashAlgorithm.algorithmId}`);
          }
          const publicKey = await recipientInfo.recipientCertificate.getPublicKey({
            algorithm: {
              algorithm: algorithmParameters,
              usages: ["encrypt", "wrapKey"]
            }
          }, crypto2);
          const encryptedKey = await crypto2.encrypt(publicKey.algorithm, publicKey, exportedSessionKey);
          recipientInfo.encryptedKey = new asn1js__namespace.OctetString({ valueHex: encryptedKey });
        };
        const SubKEKRecipientInfo = async (index) => {
          const recipientInfo = this.recipientInfos[index].value;
          const kekAlgorithm = crypto2.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "kekAlgorithm");
          const kekKey = await crypto2.importKey("raw", new Uint8Array(recipientInfo.preDefinedKEK), kekAlgorithm, true, ["wrapKey"]);
          const wrappedKey = await crypto2.wrapKey("raw", sessionKey, kekKey, kekAlgorithm);
          recipientInfo.encryptedKey = new asn1js__namespace.OctetString({ valueHex: wrappedKey });
        };
        const SubPasswordRecipientinfo = async (index) => {
          const recipientInfo = this.recipientInfos[index].value;
          let pbkdf2Params;
          if (!recipientInfo.keyDerivationAlgorithm)
            throw new Error('Please append encoded "keyDerivationAlgorithm"');
          if (!recipientInfo.keyDerivationAlgorithm.algorithmParams)
            throw new Error('Incorrectly encoded "keyDerivationAlgorithm"');
          try {
            pbkdf2Params = new PBKDF2Params({
              schema: recipientInfo.keyDerivationAlgorithm.algorithmParams
            });
          } catch {
            throw new Error('Incorrectly encoded "keyDerivationAlgorithm"');
          }
          const passwordView = new Uint8Array(recipientInfo.password);
          const derivationKey = await crypto2.importKey("raw", passwordView, "PBKDF2", false, ["deriveKey"]);
          const kekAlgorithm = crypto2.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "kekAlgorithm");
          let hmacHashAlgorithm = "SHA-1";
          if (pbkdf2Params.prf) {
            const prfAlgorithm = crypto2.getAlgorithmByOID(pbkdf2Params.prf.algorithmId, true, "prfAlgorithm");
            hmacHashAlgorithm = prfAlgorithm.hash.name;
          }
          const saltView = new Uint8Array(pbkdf2Params.salt.valueBlock.valueHex);
          const iterations = pbkdf2Params.iterationCount;
          const derivedKey = await crypto2.deriveKey({
            name: "PBKDF2",
            hash: {
              name: hmacHashAlgorithm
            },
            salt: saltView,
            iterations
          }, derivationKey, kekAlgorithm, true, ["wrapKey"]);
          const wrappedKey = await crypto2.wrapKey("raw", sessionKey, derivedKey, kekAlgorithm);
          recipientInfo.encryptedKey = new asn1js__namespace.OctetString({ valueHex: wrappedKey });
        };
        const res = [];
        for (let i = 0; i < this.recipientInfos.length; i++) {
          switch (this.recipientInfos[i].variant) {
            case 1:
              res.push(await SubKeyTransRecipientInfo(i));
              break;
            case 2:
              res.push(await SubKeyAgreeRecipientInfo(i));
              break;
            case 3:
              res.push(await SubKEKRecipientInfo(i));
              break;
            case 4:
              res.push(await SubPasswordRecipientinfo(i));
              break;
            default:
              throw new Error(`Unknown recipient type in array with index ${i}`);
          }
        }
        return res;
      }
      async decrypt(recipientIndex, parameters, crypto2 = getCrypto(true)) {
        const decryptionParameters = parameters || {};
        if (recipientIndex + 1 > this.recipientInfos.length) {
          throw new Error(`Maximum value for "index" is: ${this.recipientInfos.length - 1}`);
        }
        const SubKeyAgreeRecipientInfo = async (index) => {
          const recipientInfo = this.recipientInfos[index].value;
          let curveOID;
          let recipientCurve;
          let recipientCurveLength;
          const originator = recipientInfo.originator;
          if (decryptionParameters.recipientCertificate) {
            const curveObject = decryptionParameters.recipientCertificate.subjectPublicKeyInfo.algorithm.algorithmParams;
            if (curveObject.constructor.blockName() !== asn1js__namespace.ObjectIdentifier.blockName()) {
              throw new Error(`Incorrect "recipientCertificate" for index ${index}`);
            }
            curveOID = curveObject.valueBlock.toString();
          } else if (originator.value.algorithm.algorithmParams) {
            const curveObject = originator.value.algorithm.algorithmParams;
            if (curveObject.constructor.blockName() !== asn1js__namespace.ObjectIdentifier.blockName()) {
              throw new Error(`Incorrect originator for index ${index}`);
            }
            curveOID = curveObject.valueBlock.toString();
          } else {
            throw new Error('Parameter "recipientCertificate" is mandatory for "KeyAgreeRecipientInfo" if algorithm params are missing from originator');
          }
          if (!decryptionParameters.recipientPrivateKey)
            throw new Error('Parameter "recipientPrivateKey" is mandatory for "KeyAgreeRecipientInfo"');
          switch (curveOID) {
            case "1.2.840.10045.3.1.7":
              recipientCurve = "P-256";
              recipientCurveLength = 256;
              break;
            case "1.3.132.0.34":
              recipientCurve = "P-384";
              recipientCurveLength = 384;
              break;
            case "1.3.132.0.35":
              recipientCurve = "P-521";
              recipientCurveLength = 528;
              break;
            default:
              throw new Error(`Incorrect curve OID for index ${index}`);
          }
          let ecdhPrivateKey;
          let keyCrypto = crypto2;
          if (pvtsutils.BufferSourceConverter.isBufferSource(decryptionParameters.recipientPrivateKey)) {
            ecdhPrivateKey = await crypto2.importKey("pkcs8", decryptionParameters.recipientPrivateKey, {
              name: "ECDH",
              namedCurve: recipientCurve
            }, true, ["deriveBits"]);
          } else {
            ecdhPrivateKey = decryptionParameters.recipientPrivateKey;
            if ("crypto" in decryptionParameters && decryptionParameters.crypto) {
              keyCrypto = decryptionParameters.crypto.subtle;
            }
          }
          if ("algorithmParams" in originator.value.algorithm === false)
            originator.value.algorithm.algorithmParams = new asn1js__namespace.ObjectIdentifier({
              value: curveOID
            });
          const buffer = originator.value.toSchema().toBER(false);
          const ecdhPublicKey = await crypto2.importKey("spki", buffer, {
            name: "ECDH",
            namedCurve: recipientCurve
          }, true, []);
          const sharedSecret = await keyCrypto.deriveBits({
            name: "ECDH",
            public: ecdhPublicKey
          }, ecdhPrivateKey, recipientCurveLength);
          async function applyKDF(includeAlgorithmParams) {
            includeAlgorithmParams = includeAlgorithmParams || false;
            const aesKWAlgorithm = new AlgorithmIdentifier({
              schema: recipientInfo.keyEncryptionAlgorithm.algorithmParams
            });
            const kwAlgorithm = crypto2.getAlgorithmByOID(aesKWAlgorithm.algorithmId, true, "kwAlgorithm");
            let kwLength = kwAlgorithm.length;
            const kwLengthBuffer = new ArrayBuffer(4);
            const kwLengthView = new Uint8Array(kwLengthBuffer);
            for (let j = 3; j >= 0; j--) {
              kwLengthView[j] = kwLength;
              kwLength >>= 8;
            }
            const keyInfoAlgorithm = {
              algorithmId: aesKWAlgorithm.algorithmId
            };
            if (includeAlgorithmParams) {
              keyInfoAlgorithm.algorithmParams = new asn1js__namespace.Null();
            }
            const eccInfo = new ECCCMSSharedInfo({
              keyInfo: new AlgorithmIdentifier(keyInfoAlgorithm),
              entityUInfo: recipientInfo.ukm,
              suppPubInfo: new asn1js__namespace.OctetString({ valueHex: kwLengthBuffer })
            });
            const encodedInfo = eccInfo.toSchema().toBER(false);
            const ecdhAlgorithm = crypto2.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "ecdhAlgorithm");
            if (!ecdhAlgorithm.name) {
              throw new Error(`Incorrect OID for key encryption algorithm: ${recipientInfo.keyEncryptionAlgorithm.algorithmId}`);
            }
            return kdf(ecdhAlgorithm.kdf, sharedSecret, kwAlgorithm.length, encodedInfo, crypto2);
          }
          const kdfResult = await applyKDF();
          const importAesKwKey = async (kdfResult2) => {
            return crypto2.importKey("raw", kdfResult2, { name: "AES-KW" }, true, ["unwrapKey"]);
          };
          const aesKwKey = await importAesKwKey(kdfResult);
          const unwrapSessionKey = async (aesKwKey2) => {
            const algorithmId2 = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
            const contentEncryptionAlgorithm2 = crypto2.getAlgorithmByOID(algorithmId2, true, "contentEncryptionAlgorithm");
            return crypto2.unwrapKey("raw", recipientInfo.recipientEncryptedKeys.encryptedKeys[0].encryptedKey.valueBlock.valueHexView, aesKwKey2, { name: "AES-KW" }, contentEncryptionAlgorithm2, true, ["decrypt"]);
          };
          try {
            return await unwrapSessionKey(aesKwKey);
          } catch {
            const kdfResult2 = await applyKDF(true);
            const aesKwKey2 = await importAesKwKey(kdfResult2);
            return unwrapSessionKey(aesKwKey2);
          }
        };
        const SubKeyTransRecipientInfo = async (index) => {
          const recipientInfo = this.recipientInfos[index].value;
          if (!decryptionParameters.recipientPrivateKey) {
            throw new Error('Parameter "recipientPrivateKey" is mandatory for "KeyTransRecipientInfo"');
          }
          const algorithmParameters = crypto2.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "keyEncryptionAlgorithm");
          if (algorithmParameters.name === "RSA-OAEP") {
            const schema = recipientInfo.keyEncryptionAlgorithm.algorithmParams;
            const rsaOAEPParams = new RSAESOAEPParams({ schema });
            algorithmParameters.hash = crypto2.getAlgorithmByOID(rsaOAEPParams.hashAlgorithm.algorithmId);
            if ("name" in algorithmParameters.hash === false)
              throw new Error(`Incorrect OID for hash algorithm: ${rsaOAEPParams.hashAlgorithm.algorithmId}`);
          }
          let privateKey;
          let keyCrypto = crypto2;
          if (pvtsutils.BufferSourceConverter.isBufferSource(decryptionParameters.recipientPrivateKey)) {
            privateKey = await crypto2.importKey("pkcs8", decryptionParameters.recipientPrivateKey, algorithmParameters, true, ["decrypt"]);
          } else {
            privateKey = decryptionParameters.recipientPrivateKey;
            if ("crypto" in decryptionParameters && decryptionParameters.crypto) {
              keyCrypto = decryptionParameters.crypto.subtle;
            }
          }
          const sessionKey = await keyCrypto.decrypt(privateKey.algorithm, privateKey, recipientInfo.encryptedKey.valueBlock.valueHexView);
          const algorithmId2 = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
          const contentEncryptionAlgorithm2 = crypto2.getAlgorithmByOID(algorithmId2, true, "contentEncryptionAlgorithm");
          if ("name" in contentEncryptionAlgorithm2 === false)
            throw new Error(`Incorrect "contentEncryptionAlgorithm": ${algorithmId2}`);
          return crypto2.importKey("raw", sessionKey, contentEncryptionAlgorithm2, true, ["decrypt"]);
        };
        const SubKEKRecipientInfo = async (index) => {
          const recipientInfo = this.recipientInfos[index].value;
          if (!decryptionParameters.preDefinedData)
            throw new Error('Parameter "preDefinedData" is mandatory for "KEKRecipientInfo"');
          const kekAlgorithm = crypto2.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "kekAlgorithm");
          const importedKey = await crypto2.importKey("raw", decryptionParameters.preDefinedData, kekAlgorithm, true, ["unwrapKey"]);
          const algorithmId2 = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
          const contentEncryptionAlgorithm2 = crypto2.getAlgorithmByOID(algorithmId2, true, "contentEncryptionAlgorithm");
          if (!contentEncryptionAlgorithm2.name) {
            throw new Error(`Incorrect "contentEncryptionAlgorithm": ${algorithmId2}`);
          }
          return crypto2.unwrapKey("raw", recipientInfo.encryptedKey.valueBlock.valueHexView, importedKey, kekAlgorithm, contentEncryptionAlgorithm2, true, ["decrypt"]);
        };
        const SubPasswordRecipientinfo = async (index) => {
          const recipientInfo = this.recipientInfos[index].value;
          let pbkdf2Params;
          if (!decryptionParameters.preDefinedData) {
            throw new Error('Parameter "preDefinedData" is mandatory for "KEKRecipientInfo"');
          }
          if (!recipientInfo.keyDerivationAlgorithm) {
            throw new Error('Please append encoded "keyDerivationAlgorithm"');
          }
          if (!recipientInfo.keyDerivationAlgorithm.algorithmParams) {
            throw new Error('Incorrectly encoded "keyDerivationAlgorithm"');
          }
          try {
            pbkdf2Params = new PBKDF2Params({
              schema: recipientInfo.keyDerivationAlgorithm.algorithmParams
            });
          } catch {
            throw new Error('Incorrectly encoded "keyDerivationAlgorithm"');
          }
          const pbkdf2Key = await crypto2.importKey("raw", decryptionParameters.preDefinedData, "PBKDF2", false, ["deriveKey"]);
          const kekAlgorithm = crypto2.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "keyEncryptionAlgorithm");
          const hmacHashAlgorithm = pbkdf2Params.prf ? crypto2.getAlgorithmByOID(pbkdf2Params.prf.algorithmId, true, "prfAlgorithm").hash.name : "SHA-1";
          const saltView = new Uint8Array(pbkdf2Params.salt.valueBlock.valueHex);
          const iterations = pbkdf2Params.iterationCount;
          const kekKey = await crypto2.deriveKey({
            name: "PBKDF2",
            hash: {
              name: hmacHashAlgorithm
            },
            salt: saltView,
            iterations
          }, pbkdf2Key, kekAlgorithm, true, ["unwrapKey"]);
          const algorithmId2 = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
          const contentEncryptionAlgorithm2 = crypto2.getAlgorithmByOID(algorithmId2, true, "contentEncryptionAlgorithm");
          return crypto2.unwrapKey("raw", recipientInfo.encryptedKey.valueBlock.valueHexView, kekKey, kekAlgorithm, contentEncryptionAlgorithm2, true, ["decrypt"]);
        };
        let unwrappedKey;
        switch (this.recipientInfos[recipientIndex].variant) {
          case 1:
            unwrappedKey = await SubKeyTransRecipientInfo(recipientIndex);
            break;
          case 2:
            unwrappedKey = await SubKeyAgreeRecipientInfo(recipientIndex);
            break;
          case 3:
            unwrappedKey = await SubKEKRecipientInfo(recipientIndex);
            break;
          case 4:
            unwrappedKey = await SubPasswordRecipientinfo(recipientIndex);
            break;
          default:
            throw new Error(`Unknown recipient type in array with index ${recipientIndex}`);
        }
        const algorithmId = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
        const contentEncryptionAlgorithm = crypto2.getAlgorithmByOID(algorithmId, true, "contentEncryptionAlgorithm");
        const ivBuffer = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmParams.valueBlock.valueHex;
        const ivView = new Uint8Array(ivBuffer);
        if (!this.encryptedContentInfo.encryptedContent) {
          throw new Error("Required property `encryptedContent` is empty");
        }
        const dataBuffer = this.encryptedContentInfo.getEncryptedContent();
        return crypto2.decrypt({
          name: contentEncryptionAlgorithm.name,
          iv: ivView
        }, unwrappedKey, dataBuffer);
      }
    };
    EnvelopedData.CLASS_NAME = "EnvelopedData";
    var SAFE_CONTENTS = "safeContents";
    var PARSED_VALUE$1 = "parsedValue";
    var CONTENT_INFOS = "contentInfos";
    var AuthenticatedSafe = class _AuthenticatedSafe extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.safeContents = pvutils__namespace.getParametersValue(parameters, SAFE_CONTENTS, _AuthenticatedSafe.defaultValues(SAFE_CONTENTS));
        if (PARSED_VALUE$1 in parameters) {
          this.parsedValue = pvutils__namespace.getParametersValue(parameters, PARSED_VALUE$1, _AuthenticatedSafe.defaultValues(PARSED_VALUE$1));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case SAFE_CONTENTS:
            return [];
          case PARSED_VALUE$1:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case SAFE_CONTENTS:
            return memberValue.length === 0;
          case PARSED_VALUE$1:
            return memberValue instanceof Object && Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Repeated({
              name: names.contentInfos || EMPTY_STRING,
              value: ContentInfo.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [CONTENT_INFOS]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _AuthenticatedSafe.schema({
          names: {
            contentInfos: CONTENT_INFOS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.safeContents = Array.from(asn1.result.contentInfos, (element) => new ContentInfo({ schema: element }));
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: Array.from(this.safeContents, (o) => o.toSchema())
        });
      }
      toJSON() {
        return {
          safeContents: Array.from(this.safeContents, (o) => o.toJSON())
        };
      }
      async parseInternalValues(parameters, crypto2 = getCrypto(true)) {
        ParameterError.assert(parameters, SAFE_CONTENTS);
        ArgumentError.assert(parameters.safeContents, SAFE_CONTENTS, "Array");
        if (parameters.safeContents.length !== this.safeContents.length) {
          throw new ArgumentError('Length of "parameters.safeContents" must be equal to "this.safeContents.length"');
        }
        this.parsedValue = {
          safeContents: []
        };
        for (const [index, content] of this.safeContents.entries()) {
          const safeContent = parameters.safeContents[index];
          const errorTarget = `parameters.safeContents[${index}]`;
          switch (content.contentType) {
            case id_ContentType_Data:
              {
                ArgumentError.assert(content.content, "this.safeContents[j].content", asn1js__namespace.OctetString);
                const authSafeContent = content.content.getValue();
                this.parsedValue.safeContents.push({
                  privacyMode: 0,
                  value: SafeContents.fromBER(authSafeContent)
                });
              }
              break;
            case id_ContentType_EnvelopedData:
              {
                const cmsEnveloped = new EnvelopedData({ schema: content.content });
                ParameterError.assert(errorTarget, safeContent, "recipientCertificate", "recipientKey");
                const envelopedData = safeContent;
                const recipientCertificate = envelopedData.recipientCertificate;
                const recipientKey = envelopedData.recipientKey;
                const decrypted = await cmsEnveloped.decrypt(0, {
                  recipientCertificate,
                  recipientPrivateKey: recipientKey
                }, crypto2);
                this.parsedValue.safeContents.push({
                  privacyMode: 2,
                  value: SafeContents.fromBER(decrypted)
                });
              }
              break;
            case id_ContentType_EncryptedData:
              {
                const cmsEncrypted = new EncryptedData({ schema: content.content });
                ParameterError.assert(errorTarget, safeContent, "password");
                const password = safeContent.password;
                const decrypted = await cmsEncrypted.decrypt({
                  password
                }, crypto2);
                this.parsedValue.safeContents.push({
                  privacyMode: 1,
                  value: SafeContents.fromBER(decrypted)
                });
              }
              break;
            default:
              throw new Error(`Unknown "contentType" for AuthenticatedSafe: " ${content.contentType}`);
          }
        }
      }
      async makeInternalValues(parameters, crypto2 = getCrypto(true)) {
        if (!this.parsedValue) {
          throw new Error('Please run "parseValues" first or add "parsedValue" manually');
        }
        ArgumentError.assert(this.parsedValue, "this.parsedValue", "object");
        ArgumentError.assert(this.parsedValue.safeContents, "this.parsedValue.safeContents", "Array");
        ArgumentError.assert(parameters, "parameters", "object");
        ParameterError.assert(parameters, "safeContents");
        ArgumentError.assert(parameters.safeContents, "parameters.safeContents", "Array");
        if (parameters.safeContents.length !== this.parsedValue.safeContents.length) {
          throw new ArgumentError('Length of "parameters.safeContents" must be equal to "this.parsedValue.safeContents"');
        }
        this.safeContents = [];
        for (const [index, content] of this.parsedValue.safeContents.entries()) {
          ParameterError.assert("content", content, "privacyMode", "value");
          ArgumentError.assert(content.value, "content.value", SafeContents);
          switch (content.privacyMode) {
            case 0:
              {
                const contentBuffer = content.value.toSchema().toBER(false);
                this.safeContents.push(new ContentInfo({
                  contentType: "1.2.840.113549.1.7.1",
                  content: new asn1js__namespace.OctetString({ valueHex: contentBuffer })
                }));
              }
              break;
            case 1:
              {
                const cmsEncrypted = new EncryptedData();
                const currentParameters = parameters.safeContents[index];
                currentParameters.contentToEncrypt = content.value.toSchema().toBER(false);
                await cmsEncrypted.encrypt(currentParameters, crypto2);
                this.safeContents.push(new ContentInfo({
                  contentType: "1.2.840.113549.1.7.6",
                  content: cmsEncrypted.toSchema()
                }));
              }
              break;
            case 2:
              {
                const cmsEnveloped = new EnvelopedData();
                const contentToEncrypt = content.value.toSchema().toBER(false);
                const safeContent = parameters.safeContents[index];
                ParameterError.assert(`parameters.safeContents[${index}]`, safeContent, "encryptingCertificate", "encryptionAlgorithm");
                switch (true) {
                  case safeContent.encryptionAlgorithm.name.toLowerCase() === "aes-cbc":
                  case safeContent.encryptionAlgorithm.name.toLowerCase() === "aes-gcm":
                    break;
                  default:
                    throw new Error(`Incorrect parameter "encryptionAlgorithm" in "parameters.safeContents[i]": ${safeContent.encryptionAlgorithm}`);
                }
                switch (true) {
                  case safeContent.encryptionAlgorithm.length === 128:
                  case safeContent.encryptionAlgorithm.length === 192:
                  case safeContent.encryptionAlgorithm.length === 256:
                    break;
                  default:
                    throw new Error(`Incorrect parameter "encryptionAlgorithm.length" in "parameters.safeContents[i]": ${safeContent.encryptionAlgorithm.length}`);
                }
                const encryptionAlgorithm = safeContent.encryptionAlgorithm;
                cmsEnveloped.addRecipientByCertificate(safeContent.encryptingCertificate, {}, void 0, crypto2);
                await cmsEnveloped.encrypt(encryptionAlgorithm, contentToEncrypt, crypto2);
                this.safeContents.push(new ContentInfo({
                  contentType: "1.2.840.113549.1.7.3",
                  content: cmsEnveloped.toSchema()
                }));
              }
              break;
            default:
              throw new Error(`Incorrect value for "content.privacyMode": ${content.privacyMode}`);
          }
        }
        return this;
      }
    };
    AuthenticatedSafe.CLASS_NAME = "AuthenticatedSafe";
    var HASH_ALGORITHM$1 = "hashAlgorithm";
    var ISSUER_NAME_HASH = "issuerNameHash";
    var ISSUER_KEY_HASH = "issuerKeyHash";
    var SERIAL_NUMBER$1 = "serialNumber";
    var CLEAR_PROPS$j = [HASH_ALGORITHM$1, ISSUER_NAME_HASH, ISSUER_KEY_HASH, SERIAL_NUMBER$1];
    var CertID = class _CertID extends PkiObject {
      static async create(certificate, parameters, crypto2 = getCrypto(true)) {
        const certID = new _CertID();
        await certID.createForCertificate(certificate, parameters, crypto2);
        return certID;
      }
      constructor(parameters = {}) {
        super();
        this.hashAlgorithm = pvutils__namespace.getParametersValue(parameters, HASH_ALGORITHM$1, _CertID.defaultValues(HASH_ALGORITHM$1));
        this.issuerNameHash = pvutils__namespace.getParametersValue(parameters, ISSUER_NAME_HASH, _CertID.defaultValues(ISSUER_NAME_HASH));
        this.issuerKeyHash = pvutils__namespace.getParametersValue(parameters, ISSUER_KEY_HASH, _CertID.defaultValues(ISSUER_KEY_HASH));
        this.serialNumber = pvutils__namespace.getParametersValue(parameters, SERIAL_NUMBER$1, _CertID.defaultValues(SERIAL_NUMBER$1));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case HASH_ALGORITHM$1:
            return new AlgorithmIdentifier();
          case ISSUER_NAME_HASH:
          case ISSUER_KEY_HASH:
            return new asn1js__namespace.OctetString();
          case SERIAL_NUMBER$1:
            return new asn1js__namespace.Integer();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case HASH_ALGORITHM$1:
            return memberValue.algorithmId === EMPTY_STRING && "algorithmParams" in memberValue === false;
          case ISSUER_NAME_HASH:
          case ISSUER_KEY_HASH:
          case SERIAL_NUMBER$1:
            return memberValue.isEqual(_CertID.defaultValues(SERIAL_NUMBER$1));
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            AlgorithmIdentifier.schema(names.hashAlgorithmObject || {
              names: {
                blockName: names.hashAlgorithm || EMPTY_STRING
              }
            }),
            new asn1js__namespace.OctetString({ name: names.issuerNameHash || EMPTY_STRING }),
            new asn1js__namespace.OctetString({ name: names.issuerKeyHash || EMPTY_STRING }),
            new asn1js__namespace.Integer({ name: names.serialNumber || EMPTY_STRING })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$j);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CertID.schema({
          names: {
            hashAlgorithm: HASH_ALGORITHM$1,
            issuerNameHash: ISSUER_NAME_HASH,
            issuerKeyHash: ISSUER_KEY_HASH,
            serialNumber: SERIAL_NUMBER$1
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.hashAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.hashAlgorithm });
        this.issuerNameHash = asn1.result.issuerNameHash;
        this.issuerKeyHash = asn1.result.issuerKeyHash;
        this.serialNumber = asn1.result.serialNumber;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.hashAlgorithm.toSchema(), this.issuerNameHash, this.issuerKeyHash, this.serialNumber]
        });
      }
      toJSON() {
        return {
          hashAlgorithm: this.hashAlgorithm.toJSON(),
          issuerNameHash: this.issuerNameHash.toJSON(),
          issuerKeyHash: this.issuerKeyHash.toJSON(),
          serialNumber: this.serialNumber.toJSON()
        };
      }
      isEqual(certificateID) {
        if (this.hashAlgorithm.algorithmId !== certificateID.hashAlgorithm.algorithmId) {
          return false;
        }
        if (!pvtsutils__namespace.BufferSourceConverter.isEqual(this.issuerNameHash.valueBlock.valueHexView, certificateID.issuerNameHash.valueBlock.valueHexView)) {
          return false;
        }
        if (!pvtsutils__namespace.BufferSourceConverter.isEqual(this.issuerKeyHash.valueBlock.valueHexView, certificateID.issuerKeyHash.valueBlock.valueHexView)) {
          return false;
        }
        if (!this.serialNumber.isEqual(certificateID.serialNumber)) {
          return false;
        }
        return true;
      }
      async createForCertificate(certificate, parameters, crypto2 = getCrypto(true)) {
        ParameterError.assert(parameters, HASH_ALGORITHM$1, "issuerCertificate");
        const hashOID = crypto2.getOIDByAlgorithm({ name: parameters.hashAlgorithm }, true, "hashAlgorithm");
        this.hashAlgorithm = new AlgorithmIdentifier({
          algorithmId: hashOID,
          algorithmParams: new asn1js__namespace.Null()
        });
        const issuerCertificate = parameters.issuerCertificate;
        this.serialNumber = certificate.serialNumber;
        const hashIssuerName = await crypto2.digest({ name: parameters.hashAlgorithm }, issuerCertificate.subject.toSchema().toBER(false));
        this.issuerNameHash = new asn1js__namespace.OctetString({ valueHex: hashIssuerName });
        const issuerKeyBuffer = issuerCertificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
        const hashIssuerKey = await crypto2.digest({ name: parameters.hashAlgorithm }, issuerKeyBuffer);
        this.issuerKeyHash = new asn1js__namespace.OctetString({ valueHex: hashIssuerKey });
      }
    };
    CertID.CLASS_NAME = "CertID";
    var CERT_ID = "certID";
    var CERT_STATUS = "certStatus";
    var THIS_UPDATE = "thisUpdate";
    var NEXT_UPDATE = "nextUpdate";
    var SINGLE_EXTENSIONS = "singleExtensions";
    var CLEAR_PROPS$i = [CERT_ID, CERT_STATUS, THIS_UPDATE, NEXT_UPDATE, SINGLE_EXTENSIONS];
    var SingleResponse = class _SingleResponse extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.certID = pvutils__namespace.getParametersValue(parameters, CERT_ID, _SingleResponse.defaultValues(CERT_ID));
        this.certStatus = pvutils__namespace.getParametersValue(parameters, CERT_STATUS, _SingleResponse.defaultValues(CERT_STATUS));
        this.thisUpdate = pvutils__namespace.getParametersValue(parameters, THIS_UPDATE, _SingleResponse.defaultValues(THIS_UPDATE));
        if (NEXT_UPDATE in parameters) {
          this.nextUpdate = pvutils__namespace.getParametersValue(parameters, NEXT_UPDATE, _SingleResponse.defaultValues(NEXT_UPDATE));
        }
        if (SINGLE_EXTENSIONS in parameters) {
          this.singleExtensions = pvutils__namespace.getParametersValue(parameters, SINGLE_EXTENSIONS, _SingleResponse.defaultValues(SINGLE_EXTENSIONS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case CERT_ID:
            return new CertID();
          case CERT_STATUS:
            return {};
          case THIS_UPDATE:
          case NEXT_UPDATE:
            return new Date(0, 0, 0);
          case SINGLE_EXTENSIONS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case CERT_ID:
            return CertID.compareWithDefault("hashAlgorithm", memberValue.hashAlgorithm) && CertID.compareWithDefault("issuerNameHash", memberValue.issuerNameHash) && CertID.compareWithDefault("issuerKeyHash", memberValue.issuerKeyHash) && CertID.compareWithDefault("serialNumber", memberValue.serialNumber);
          case CERT_STATUS:
            return Object.keys(memberValue).length === 0;
          case THIS_UPDATE:
          case NEXT_UPDATE:
            return memberValue === _SingleResponse.defaultValues(memberName);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            CertID.schema(names.certID || {}),
            new asn1js__namespace.Choice({
              value: [
                new asn1js__namespace.Primitive({
                  name: names.certStatus || EMPTY_STRING,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 0
                  }
                }),
                new asn1js__namespace.Constructed({
                  name: names.certStatus || EMPTY_STRING,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 1
                  },
                  value: [
                    new asn1js__namespace.GeneralizedTime(),
                    new asn1js__namespace.Constructed({
                      optional: true,
                      idBlock: {
                        tagClass: 3,
                        tagNumber: 0
                      },
                      value: [new asn1js__namespace.Enumerated()]
                    })
                  ]
                }),
                new asn1js__namespace.Primitive({
                  name: names.certStatus || EMPTY_STRING,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 2
                  },
                  lenBlock: { length: 1 }
                })
              ]
            }),
            new asn1js__namespace.GeneralizedTime({ name: names.thisUpdate || EMPTY_STRING }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.GeneralizedTime({ name: names.nextUpdate || EMPTY_STRING })]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [Extensions.schema(names.singleExtensions || {})]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$i);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _SingleResponse.schema({
          names: {
            certID: {
              names: {
                blockName: CERT_ID
              }
            },
            certStatus: CERT_STATUS,
            thisUpdate: THIS_UPDATE,
            nextUpdate: NEXT_UPDATE,
            singleExtensions: {
              names: {
                blockName: SINGLE_EXTENSIONS
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.certID = new CertID({ schema: asn1.result.certID });
        this.certStatus = asn1.result.certStatus;
        this.thisUpdate = asn1.result.thisUpdate.toDate();
        if (NEXT_UPDATE in asn1.result)
          this.nextUpdate = asn1.result.nextUpdate.toDate();
        if (SINGLE_EXTENSIONS in asn1.result)
          this.singleExtensions = Array.from(asn1.result.singleExtensions.valueBlock.value, (element) => new Extension({ schema: element }));
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.certID.toSchema());
        outputArray.push(this.certStatus);
        outputArray.push(new asn1js__namespace.GeneralizedTime({ valueDate: this.thisUpdate }));
        if (this.nextUpdate) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [new asn1js__namespace.GeneralizedTime({ valueDate: this.nextUpdate })]
          }));
        }
        if (this.singleExtensions) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: [new asn1js__namespace.Sequence({ value: Array.from(this.singleExtensions, (o) => o.toSchema()) })]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          certID: this.certID.toJSON(),
          certStatus: this.certStatus.toJSON(),
          thisUpdate: this.thisUpdate
        };
        if (this.nextUpdate) {
          res.nextUpdate = this.nextUpdate;
        }
        if (this.singleExtensions) {
          res.singleExtensions = Array.from(this.singleExtensions, (o) => o.toJSON());
        }
        return res;
      }
    };
    SingleResponse.CLASS_NAME = "SingleResponse";
    var TBS$2 = "tbs";
    var VERSION$7 = "version";
    var RESPONDER_ID = "responderID";
    var PRODUCED_AT = "producedAt";
    var RESPONSES = "responses";
    var RESPONSE_EXTENSIONS = "responseExtensions";
    var RESPONSE_DATA = "ResponseData";
    var RESPONSE_DATA_VERSION = `${RESPONSE_DATA}.${VERSION$7}`;
    var RESPONSE_DATA_RESPONDER_ID = `${RESPONSE_DATA}.${RESPONDER_ID}`;
    var RESPONSE_DATA_PRODUCED_AT = `${RESPONSE_DATA}.${PRODUCED_AT}`;
    var RESPONSE_DATA_RESPONSES = `${RESPONSE_DATA}.${RESPONSES}`;
    var RESPONSE_DATA_RESPONSE_EXTENSIONS = `${RESPONSE_DATA}.${RESPONSE_EXTENSIONS}`;
    var CLEAR_PROPS$h = [RESPONSE_DATA, RESPONSE_DATA_VERSION, RESPONSE_DATA_RESPONDER_ID, RESPONSE_DATA_PRODUCED_AT, RESPONSE_DATA_RESPONSES, RESPONSE_DATA_RESPONSE_EXTENSIONS];
    var ResponseData = class _ResponseData extends PkiObject {
      get tbs() {
        return pvtsutils__namespace.BufferSourceConverter.toArrayBuffer(this.tbsView);
      }
      set tbs(value) {
        this.tbsView = new Uint8Array(value);
      }
      constructor(parameters = {}) {
        super();
        this.tbsView = new Uint8Array(pvutils__namespace.getParametersValue(parameters, TBS$2, _ResponseData.defaultValues(TBS$2)));
        if (VERSION$7 in parameters) {
          this.version = pvutils__namespace.getParametersValue(parameters, VERSION$7, _ResponseData.defaultValues(VERSION$7));
        }
        this.responderID = pvutils__namespace.getParametersValue(parameters, RESPONDER_ID, _ResponseData.defaultValues(RESPONDER_ID));
        this.producedAt = pvutils__namespace.getParametersValue(parameters, PRODUCED_AT, _ResponseData.defaultValues(PRODUCED_AT));
        this.responses = pvutils__namespace.getParametersValue(parameters, RESPONSES, _ResponseData.defaultValues(RESPONSES));
        if (RESPONSE_EXTENSIONS in parameters) {
          this.responseExtensions = pvutils__namespace.getParametersValue(parameters, RESPONSE_EXTENSIONS, _ResponseData.defaultValues(RESPONSE_EXTENSIONS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$7:
            return 0;
          case TBS$2:
            return EMPTY_BUFFER;
          case RESPONDER_ID:
            return {};
          case PRODUCED_AT:
            return new Date(0, 0, 0);
          case RESPONSES:
          case RESPONSE_EXTENSIONS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case TBS$2:
            return memberValue.byteLength === 0;
          case RESPONDER_ID:
            return Object.keys(memberValue).length === 0;
          case PRODUCED_AT:
            return memberValue === _ResponseData.defaultValues(memberName);
          case RESPONSES:
          case RESPONSE_EXTENSIONS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || RESPONSE_DATA,
          value: [
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Integer({ name: names.version || RESPONSE_DATA_VERSION })]
            }),
            new asn1js__namespace.Choice({
              value: [
                new asn1js__namespace.Constructed({
                  name: names.responderID || RESPONSE_DATA_RESPONDER_ID,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 1
                  },
                  value: [
                    RelativeDistinguishedNames.schema(names.ResponseDataByName || {
                      names: {
                        blockName: "ResponseData.byName"
                      }
                    })
                  ]
                }),
                new asn1js__namespace.Constructed({
                  name: names.responderID || RESPONSE_DATA_RESPONDER_ID,
                  idBlock: {
                    tagClass: 3,
                    tagNumber: 2
                  },
                  value: [new asn1js__namespace.OctetString({ name: names.ResponseDataByKey || "ResponseData.byKey" })]
                })
              ]
            }),
            new asn1js__namespace.GeneralizedTime({ name: names.producedAt || RESPONSE_DATA_PRODUCED_AT }),
            new asn1js__namespace.Sequence({
              value: [
                new asn1js__namespace.Repeated({
                  name: RESPONSE_DATA_RESPONSES,
                  value: SingleResponse.schema(names.response || {})
                })
              ]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [
                Extensions.schema(names.extensions || {
                  names: {
                    blockName: RESPONSE_DATA_RESPONSE_EXTENSIONS
                  }
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$h);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _ResponseData.schema());
        AsnError.assertSchema(asn1, this.className);
        this.tbsView = asn1.result.ResponseData.valueBeforeDecodeView;
        if (RESPONSE_DATA_VERSION in asn1.result)
          this.version = asn1.result[RESPONSE_DATA_VERSION].valueBlock.valueDec;
        if (asn1.result[RESPONSE_DATA_RESPONDER_ID].idBlock.tagNumber === 1)
          this.responderID = new RelativeDistinguishedNames({
            schema: asn1.result[RESPONSE_DATA_RESPONDER_ID].valueBlock.value[0]
          });
        else
          this.responderID = asn1.result[RESPONSE_DATA_RESPONDER_ID].valueBlock.value[0];
        this.producedAt = asn1.result[RESPONSE_DATA_PRODUCED_AT].toDate();
        this.responses = Array.from(asn1.result[RESPONSE_DATA_RESPONSES], (element) => new SingleResponse({ schema: element }));
        if (RESPONSE_DATA_RESPONSE_EXTENSIONS in asn1.result)
          this.responseExtensions = Array.from(asn1.result[RESPONSE_DATA_RESPONSE_EXTENSIONS].valueBlock.value, (element) => new Extension({ schema: element }));
      }
      toSchema(encodeFlag = false) {
        let tbsSchema;
        if (encodeFlag === false) {
          if (!this.tbsView.byteLength) {
            return _ResponseData.schema();
          }
          const asn1 = asn1js__namespace.fromBER(this.tbsView);
          AsnError.assert(asn1, "TBS Response Data");
          tbsSchema = asn1.result;
        } else {
          const outputArray = [];
          if (VERSION$7 in this) {
            outputArray.push(new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Integer({ value: this.version })]
            }));
          }
          if (this.responderID instanceof RelativeDistinguishedNames) {
            outputArray.push(new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [this.responderID.toSchema()]
            }));
          } else {
            outputArray.push(new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              value: [this.responderID]
            }));
          }
          outputArray.push(new asn1js__namespace.GeneralizedTime({ valueDate: this.producedAt }));
          outputArray.push(new asn1js__namespace.Sequence({
            value: Array.from(this.responses, (o) => o.toSchema())
          }));
          if (this.responseExtensions) {
            outputArray.push(new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [
                new asn1js__namespace.Sequence({
                  value: Array.from(this.responseExtensions, (o) => o.toSchema())
                })
              ]
            }));
          }
          tbsSchema = new asn1js__namespace.Sequence({
            value: outputArray
          });
        }
        return tbsSchema;
      }
      toJSON() {
        const res = {};
        if (VERSION$7 in this) {
          res.version = this.version;
        }
        if (this.responderID) {
          res.responderID = this.responderID;
        }
        if (this.producedAt) {
          res.producedAt = this.producedAt;
        }
        if (this.responses) {
          res.responses = Array.from(this.responses, (o) => o.toJSON());
        }
        if (this.responseExtensions) {
          res.responseExtensions = Array.from(this.responseExtensions, (o) => o.toJSON());
        }
        return res;
      }
    };
    ResponseData.CLASS_NAME = "ResponseData";
    var TRUSTED_CERTS = "trustedCerts";
    var CERTS$2 = "certs";
    var CRLS$1 = "crls";
    var OCSPS$1 = "ocsps";
    var CHECK_DATE = "checkDate";
    var FIND_ORIGIN = "findOrigin";
    var FIND_ISSUER = "findIssuer";
    exports.ChainValidationCode = void 0;
    (function(ChainValidationCode) {
      ChainValidationCode[ChainValidationCode["unknown"] = -1] = "unknown";
      ChainValidationCode[ChainValidationCode["success"] = 0] = "success";
      ChainValidationCode[ChainValidationCode["noRevocation"] = 11] = "noRevocation";
      ChainValidationCode[ChainValidationCode["noPath"] = 60] = "noPath";
      ChainValidationCode[ChainValidationCode["noValidPath"] = 97] = "noValidPath";
    })(exports.ChainValidationCode || (exports.ChainValidationCode = {}));
    var ChainValidationError = class _ChainValidationError extends Error {
      constructor(code, message) {
        super(message);
        this.name = _ChainValidationError.NAME;
        this.code = code;
        this.message = message;
      }
    };
    ChainValidationError.NAME = "ChainValidationError";
    function isTrusted(cert, trustedList) {
      for (let i = 0; i < trustedList.length; i++) {
        if (pvtsutils__namespace.BufferSourceConverter.isEqual(cert.tbsView, trustedList[i].tbsView)) {
          return true;
        }
      }
      return false;
    }
    var CertificateChainValidationEngine = class _CertificateChainValidationEngine {
      constructor(parameters = {}) {
        this.trustedCerts = pvutils__namespace.getParametersValue(parameters, TRUSTED_CERTS, this.defaultValues(TRUSTED_CERTS));
        this.certs = pvutils__namespace.getParametersValue(parameters, CERTS$2, this.defaultValues(CERTS$2));
        this.crls = pvutils__namespace.getParametersValue(parameters, CRLS$1, this.defaultValues(CRLS$1));
        this.ocsps = pvutils__namespace.getParametersValue(parameters, OCSPS$1, this.defaultValues(OCSPS$1));
        this.checkDate = pvutils__namespace.getParametersValue(parameters, CHECK_DATE, this.defaultValues(CHECK_DATE));
        this.findOrigin = pvutils__namespace.getParametersValue(parameters, FIND_ORIGIN, this.defaultValues(FIND_ORIGIN));
        this.findIssuer = pvutils__namespace.getParametersValue(parameters, FIND_ISSUER, this.defaultValues(FIND_ISSUER));
      }
      static defaultFindOrigin(certificate, validationEngine) {
        if (certificate.tbsView.byteLength === 0) {
          certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER());
        }
        for (const localCert of validationEngine.certs) {
          if (localCert.tbsView.byteLength === 0) {
            localCert.tbsView = new Uint8Array(localCert.encodeTBS().toBER());
          }
          if (pvtsutils__namespace.BufferSourceConverter.isEqual(certificate.tbsView, localCert.tbsView))
            return "Intermediate Certificates";
        }
        for (const trustedCert of validationEngine.trustedCerts) {
          if (trustedCert.tbsView.byteLength === 0)
            trustedCert.tbsView = new Uint8Array(trustedCert.encodeTBS().toBER());
          if (pvtsutils__namespace.BufferSourceConverter.isEqual(certificate.tbsView, trustedCert.tbsView))
            return "Trusted Certificates";
        }
        return "Unknown";
      }
      async defaultFindIssuer(certificate, validationEngine, crypto2 = getCrypto(true)) {
        const result = [];
        let keyIdentifier = null;
        let authorityCertIssuer = null;
        let authorityCertSerialNumber = null;
        if (certificate.subject.isEqual(certificate.issuer)) {
          try {
            const verificationResult = await certificate.verify(void 0, crypto2);
            if (verificationResult) {
              return [certificate];
            }
          } catch {
          }
        }
        if (certificate.extensions) {
          for (const extension of certificate.extensions) {
            if (extension.extnID === id_AuthorityKeyIdentifier && extension.parsedValue instanceof AuthorityKeyIdentifier) {
              if (extension.parsedValue.keyIdentifier) {
                keyIdentifier = extension.parsedValue.keyIdentifier;
              } else {
                if (extension.parsedValue.authorityCertIssuer) {
                  authorityCertIssuer = extension.parsedValue.authorityCertIssuer;
                }
                if (extension.parsedValue.authorityCertSerialNumber) {
                  authorityCertSerialNumber = extension.parsedValue.authorityCertSerialNumber;
                }
              }
              break;
            }
          }
        }
        function checkCertificate(possibleIssuer) {
          if (keyIdentifier !== null) {
            if (possibleIssuer.extensions) {
              let extensionFound = false;
              for (const extension of possibleIssuer.extensions) {
                if (extension.extnID === id_SubjectKeyIdentifier && extension.parsedValue) {
                  extensionFound = true;
                  if (pvtsutils__namespace.BufferSourceConverter.isEqual(extension.parsedValue.valueBlock.valueHex, keyIdentifier.valueBlock.valueHexView)) {
                    result.push(possibleIssuer);
                  }
                  break;
                }
              }
              if (extensionFound) {
                return;
              }
            }
          }
          let authorityCertSerialNumberEqual = false;
          if (authorityCertSerialNumber !== null)
            authorityCertSerialNumberEqual = possibleIssuer.serialNumber.isEqual(authorityCertSerialNumber);
          if (authorityCertIssuer !== null) {
            if (possibleIssuer.subject.isEqual(authorityCertIssuer)) {
              if (authorityCertSerialNumberEqual)
                result.push(possibleIssuer);
            }
          } else {
            if (certificate.issuer.isEqual(possibleIssuer.subject))
              result.push(possibleIssuer);
          }
        }
        for (const trustedCert of validationEngine.trustedCerts) {
          checkCertificate(trustedCert);
        }
        for (const intermediateCert of validationEngine.certs) {
          checkCertificate(intermediateCert);
        }
        for (let i = result.length - 1; i >= 0; i--) {
          try {
            const verificationResult = await certificate.verify(result[i], crypto2);
            if (verificationResult === false)
              result.splice(i, 1);
          } catch {
            result.splice(i, 1);
          }
        }
        return result;
      }
      defaultValues(memberName) {
        switch (memberName) {
          case TRUSTED_CERTS:
            return [];
          case CERTS$2:
            return [];
          case CRLS$1:
            return [];
          case OCSPS$1:
            return [];
          case CHECK_DATE:
            return /* @__PURE__ */ new Date();
          case FIND_ORIGIN:
            return _CertificateChainValidationEngine.defaultFindOrigin;
          case FIND_ISSUER:
            return this.defaultFindIssuer;
          default:
            throw new Error(`Invalid member name for CertificateChainValidationEngine class: ${memberName}`);
        }
      }
      async sort(passedWhenNotRevValues = false, crypto2 = getCrypto(true)) {
        const localCerts = [];
        const buildPath = async (certificate, crypto3) => {
          const result2 = [];
          function checkUnique(array) {
            let unique = true;
            for (let i = 0; i < array.length; i++) {
              for (let j = 0; j < array.length; j++) {
                if (j === i)
                  continue;
                if (array[i] === array[j]) {
                  unique = false;
                  break;
                }
              }
              if (!unique)
                break;
            }
            return unique;
          }
          if (isTrusted(certificate, this.trustedCerts)) {
            return [[certificate]];
          }
          const findIssuerResult = await this.findIssuer(certificate, this, crypto3);
          if (findIssuerResult.length === 0) {
            throw new Error("No valid certificate paths found");
          }
          for (let i = 0; i < findIssuerResult.length; i++) {
            if (pvtsutils__namespace.BufferSourceConverter.isEqual(findIssuerResult[i].tbsView, certificate.tbsView)) {
              result2.push([findIssuerResult[i]]);
              continue;
            }
            const buildPathResult = await buildPath(findIssuerResult[i], crypto3);
            for (let j = 0; j < buildPathResult.length; j++) {
              const copy = buildPathResult[j].slice();
              copy.splice(0, 0, findIssuerResult[i]);
              if (checkUnique(copy))
                result2.push(copy);
              else
                result2.push(buildPathResult[j]);
            }
          }
          return result2;
        };
        const findCRL = async (certificate) => {
          const issuerCertificates = [];
          const crls = [];
          const crlsAndCertificates = [];
          issuerCertificates.push(...localCerts.filter((element) => certificate.issuer.isEqual(element.subject)));
          if (issuerCertificates.length === 0) {
            return {
              status: 1,
              statusMessage: "No certificate's issuers"
            };
          }
          crls.push(...this.crls.filter((o) => o.issuer.isEqual(certificate.issuer)));
          if (crls.length === 0) {
            return {
              status: 2,
              statusMessage: "No CRLs for specific certificate issuer"
            };
          }
          for (let i = 0; i < crls.length; i++) {
            const crl = crls[i];
            if (crl.nextUpdate && crl.nextUpdate.value < this.checkDate) {
              continue;
            }
            for (let j = 0; j < issuerCertificates.length; j++) {
              try {
                const result2 = await crls[i].verify({ issuerCertificate: issuerCertificates[j] }, crypto2);
                if (result2) {
                  crlsAndCertificates.push({
                    crl: crls[i],
                    certificate: issuerCertificates[j]
                  });
                  break;
                }
              } catch {
              }
            }
          }
          if (crlsAndCertificates.length) {
            return {
              status: 0,
              statusMessage: EMPTY_STRING,
              result: crlsAndCertificates
            };
          }
          return {
            status: 3,
            statusMessage: "No valid CRLs found"
          };
        };
        const findOCSP = async (certificate, issuerCertificate) => {
          const hashAlgorithm = crypto2.getAlgorithmByOID(certificate.signatureAlgorithm.algorithmId);
          if (!hashAlgorithm.name) {
            return 1;
          }
          if (!hashAlgorithm.hash) {
            return 1;
          }
          for (let i = 0; i < this.ocsps.length; i++) {
            const ocsp = this.ocsps[i];
            const result2 = await ocsp.getCertificateStatus(certificate, issuerCertificate, crypto2);
            if (result2.isForCertificate) {
              if (result2.status === 0)
                return 0;
              return 1;
            }
          }
          return 2;
        };
        async function checkForCA(certificate, needToCheckCRL = false) {
          let isCA = false;
          let mustBeCA = false;
          let keyUsagePresent = false;
          let cRLSign = false;
          if (certificate.extensions) {
            for (let j = 0; j < certificate.extensions.length; j++) {
              const extension = certificate.extensions[j];
              if (extension.critical && !extension.parsedValue) {
                return {
                  result: false,
                  resultCode: 6,
                  resultMessage: `Unable to parse critical certificate extension: ${extension.extnID}`
                };
              }
              if (extension.extnID === id_KeyUsage) {
                keyUsagePresent = true;
                const view = new Uint8Array(extension.parsedValue.valueBlock.valueHex);
                if ((view[0] & 4) === 4)
                  mustBeCA = true;
                if ((view[0] & 2) === 2)
                  cRLSign = true;
              }
              if (extension.extnID === id_BasicConstraints) {
                if ("cA" in extension.parsedValue) {
                  if (extension.parsedValue.cA === true)
                    isCA = true;
                }
              }
            }
            if (mustBeCA === true && isCA === false) {
              return {
                result: false,
                resultCode: 3,
                resultMessage: 'Unable to build certificate chain - using "keyCertSign" flag set without BasicConstraints'
              };
            }
            if (keyUsagePresent === true && isCA === true && mustBeCA === false) {
              return {
                result: false,
                resultCode: 4,
                resultMessage: 'Unable to build certificate chain - "keyCertSign" flag was not set'
              };
            }
            if (isCA === true && keyUsagePresent === true && needToCheckCRL && cRLSign === false) {
              return {
                result: false,
                resultCode: 5,
                resultMessage: 'Unable to build certificate chain - intermediate certificate must have "cRLSign" key usage flag'
              };
            }
          }
          if (isCA === false) {
            return {
              result: false,
              resultCode: 7,
              resultMessage: "Unable to build certificate chain - more than one possible end-user certificate"
            };
          }
          return {
            result: true,
            resultCode: 0,
            resultMessage: EMPTY_STRING
          };
        }
        const basicCheck = async (path, checkDate) => {
          for (let i = 0; i < path.length; i++) {
            if (path[i].notBefore.value > checkDate || path[i].notAfter.value < checkDate) {
              return {
                result: false,
                resultCode: 8,
                resultMessage: "The certificate is either not yet valid or expired"
              };
            }
          }
          if (path.length < 2) {
            return {
              result: false,
              resultCode: 9,
              resultMessage: "Too short certificate path"
            };
          }
          for (let i = path.length - 2; i >= 0; i--) {
            if (path[i].issuer.isEqual(path[i].subject) === false) {
              if (path[i].issuer.isEqual(path[i + 1].subject) === false) {
                return {
                  result: false,
                  resultCode: 10,
                  resultMessage: "Incorrect name chaining"
                };
              }
            }
          }
          if (this.crls.length !== 0 || this.ocsps.length !== 0) {
            for (let i = 0; i < path.length - 1; i++) {
              let ocspResult = 2;
              let crlResult = {
                status: 0,
                statusMessage: EMPTY_STRING
              };
              if (this.ocsps.length !== 0) {
                ocspResult = await findOCSP(path[i], path[i + 1]);
                switch (ocspResult) {
                  case 0:
                    continue;
                  case 1:
                    return {
                      result: false,
                      resultCode: 12,
                      resultMessage: "One of certificates was revoked via OCSP response"
                    };
                }
              }
              if (this.crls.length !== 0) {
                crlResult = await findCRL(path[i]);
                if (crlResult.status === 0 && crlResult.result) {
                  for (let j = 0; j < crlResult.result.length; j++) {
                    const isCertificateRevoked = crlResult.result[j].crl.isCertificateRevoked(path[i]);
                    if (isCertificateRevoked) {
                      return {
                        result: false,
                        resultCode: 12,
                        resultMessage: "One of certificates had been revoked"
                      };
                    }
                    const isCertificateCA = await checkForCA(crlResult.result[j].certificate, true);
                    if (isCertificateCA.result === false) {
                      return {
                        result: false,
                        resultCode: 13,
                        resultMessage: "CRL issuer certificate is not a CA certificate or does not have crlSign flag"
                      };
                    }
                  }
                } else {
                  if (passedWhenNotRevValues === false) {
                    throw new ChainValidationError(exports.ChainValidationCode.noRevocation, `No revocation values found for one of certificates: ${crlResult.statusMessage}`);
                  }
                }
              } else {
                if (ocspResult === 2) {
                  return {
                    result: false,
                    resultCode: 11,
                    resultMessage: "No revocation values found for one of certificates"
                  };
                }
              }
              if (ocspResult === 2 && crlResult.status === 2 && passedWhenNotRevValues) {
                const issuerCertificate = path[i + 1];
                let extensionFound = false;
                if (issuerCertificate.extensions) {
                  for (const extension of issuerCertificate.extensions) {
                    switch (extension.extnID) {
                      case id_CRLDistributionPoints:
                      case id_FreshestCRL:
                      case id_AuthorityInfoAccess:
                        extensionFound = true;
                        break;
                    }
                  }
                }
                if (extensionFound) {
                  throw new ChainValidationError(exports.ChainValidationCode.noRevocation, `No revocation values found for one of certificates: ${crlResult.statusMessage}`);
                }
              }
            }
          }
          for (const [i, cert] of path.entries()) {
            if (!i) {
              continue;
            }
            const result2 = await checkForCA(cert);
            if (!result2.result) {
              return {
                result: false,
                resultCode: 14,
                resultMessage: "One of intermediate certificates is not a CA certificate"
              };
            }
          }
          return {
            result: true
          };
        };
        localCerts.push(...this.trustedCerts);
        localCerts.push(...this.certs);
        for (let i = 0; i < localCerts.length; i++) {
          for (let j = 0; j < localCerts.length; j++) {
            if (i === j)
              continue;
            if (pvtsutils__namespace.BufferSourceConverter.isEqual(localCerts[i].tbsView, localCerts[j].tbsView)) {
              localCerts.splice(j, 1);
              i = 0;
              break;
            }
          }
        }
        const leafCert = localCerts[localCerts.length - 1];
        let result;
        const certificatePath = [leafCert];
        result = await buildPath(leafCert, crypto2);
        if (result.length === 0) {
          throw new ChainValidationError(exports.ChainValidationCode.noPath, "Unable to find certificate path");
        }
        for (let i = result.length - 1; i >= 0; i--) {
          let found = false;
          for (let j = 0; j < result[i].length; j++) {
            const certificate = result[i][j];
            for (let k = 0; k < this.trustedCerts.length; k++) {
              if (pvtsutils__namespace.BufferSourceConverter.isEqual(certificate.tbsView, this.trustedCerts[k].tbsView)) {
                found = true;
                break;
              }
            }
            if (found)
              break;
          }
          if (!found) {
            result.splice(i, 1);
          }
        }
        if (result.length === 0) {
          throw new ChainValidationError(exports.ChainValidationCode.noValidPath, "No valid certificate paths found");
        }
        let shortestLength = result[0].length;
        let shortestIndex = 0;
        for (let i = 0; i < result.length; i++) {
          if (result[i].length < shortestLength) {
            shortestLength = result[i].length;
            shortestIndex = i;
          }
        }
        for (let i = 0; i < result[shortestIndex].length; i++)
          certificatePath.push(result[shortestIndex][i]);
        result = await basicCheck(certificatePath, this.checkDate);
        if (result.result === false)
          throw result;
        return certificatePath;
      }
      async verify(parameters = {}, crypto2 = getCrypto(true)) {
        function compareDNSName(name, constraint) {
          const namePrepared = stringPrep(name);
          const constraintPrepared = stringPrep(constraint);
          const nameSplitted = namePrepared.split(".");
          const constraintSplitted = constraintPrepared.split(".");
          const nameLen = nameSplitted.length;
          const constrLen = constraintSplitted.length;
          if (nameLen === 0 || constrLen === 0 || nameLen < constrLen) {
            return false;
          }
          for (let i = 0; i < nameLen; i++) {
            if (nameSplitted[i].length === 0) {
              return false;
            }
          }
          for (let i = 0; i < constrLen; i++) {
            if (constraintSplitted[i].length === 0) {
              if (i === 0) {
                if (constrLen === 1) {
                  return false;
                }
                continue;
              }
              return false;
            }
          }
          for (let i = 0; i < constrLen; i++) {
            if (constraintSplitted[constrLen - 1 - i].length === 0) {
              continue;
            }
            if (nameSplitted[nameLen - 1 - i].localeCompare(constraintSplitted[constrLen - 1 - i]) !== 0) {
              return false;
            }
          }
          return true;
        }
        function compareRFC822Name(name, constraint) {
          const namePrepared = stringPrep(name);
          const constraintPrepared = stringPrep(constraint);
          const nameSplitted = namePrepared.split("@");
          const constraintSplitted = constraintPrepared.split("@");
          if (nameSplitted.length === 0 || constraintSplitted.length === 0 || nameSplitted.length < constraintSplitted.length)
            return false;
          if (constraintSplitted.length === 1) {
            const result = compareDNSName(nameSplitted[1], constraintSplitted[0]);
            if (result) {
              const ns = nameSplitted[1].split(".");
              const cs = constraintSplitted[0].split(".");
              if (cs[0].length === 0)
                return true;
              return ns.length === cs.length;
            }
            return false;
          }
          return namePrepared.localeCompare(constraintPrepared) === 0;
        }
        function compareUniformResourceIdentifier(name, constraint) {
          let namePrepared = stringPrep(name);
          const constraintPrepared = stringPrep(constraint);
          const ns = namePrepared.split("/");
          const cs = constraintPrepared.split("/");
          if (cs.length > 1)
            return false;
          if (ns.length > 1) {
            for (let i = 0; i < ns.length; i++) {
              if (ns[i].length > 0 && ns[i].charAt(ns[i].length - 1) !== ":") {
                const nsPort = ns[i].split(":");
                namePrepared = nsPort[0];
                break;
              }
            }
          }
          const result = compareDNSName(namePrepared, constraintPrepared);
          if (result) {
            const nameSplitted = namePrepared.split(".");
            const constraintSplitted = constraintPrepared.split(".");
            if (constraintSplitted[0].length === 0)
              return true;
            return nameSplitted.length === constraintSplitted.length;
          }
          return false;
        }
        function compareIPAddress(name, constraint) {
          const nameView = name.valueBlock.valueHexView;
          const constraintView = constraint.valueBlock.valueHexView;
          if (nameView.length === 4 && constraintView.length === 8) {
            for (let i = 0; i < 4; i++) {
              if ((nameView[i] ^ constraintView[i]) & constraintView[i + 4])
                return false;
            }
            return true;
          }
          if (nameView.length === 16 && constraintView.length === 32) {
            for (let i = 0; i < 16; i++) {
              if ((nameView[i] ^ constraintView[i]) & constraintView[i + 16])
                return false;
            }
            return true;
          }
          return false;
        }
        function compareDirectoryName(name, constraint) {
          if (name.typesAndValues.length === 0 || constraint.typesAndValues.length === 0)
            return true;
          if (name.typesAndValues.length < constraint.typesAndValues.length)
            return false;
          let result = true;
          let nameStart = 0;
          for (let i = 0; i < constraint.typesAndValues.length; i++) {
            let localResult = false;
            for (let j = nameStart; j < name.typesAndValues.length; j++) {
              localResult = name.typesAndValues[j].isEqual(constraint.typesAndValues[i]);
              if (name.typesAndValues[j].type === constraint.typesAndValues[i].type)
                result = result && localResult;
              if (localResult === true) {
                if (nameStart === 0 || nameStart === j) {
                  nameStart = j + 1;
                  break;
                } else
                  return false;
              }
            }
            if (localResult === false)
              return false;
          }
          return nameStart === 0 ? false : result;
        }
        try {
          if (this.certs.length === 0)
            throw new Error("Empty certificate array");
          const passedWhenNotRevValues = parameters.passedWhenNotRevValues || false;
          const initialPolicySet = parameters.initialPolicySet || [id_AnyPolicy];
          const initialExplicitPolicy = parameters.initialExplicitPolicy || false;
          const initialPolicyMappingInhibit = parameters.initialPolicyMappingInhibit || false;
          const initialInhibitPolicy = parameters.initialInhibitPolicy || false;
          const initialPermittedSubtreesSet = parameters.initialPermittedSubtreesSet || [];
          const initialExcludedSubtreesSet = parameters.initialExcludedSubtreesSet || [];
          const initialRequiredNameForms = parameters.initialRequiredNameForms || [];
          let explicitPolicyIndicator = initialExplicitPolicy;
          let policyMappingInhibitIndicator = initialPolicyMappingInhibit;
          let inhibitAnyPolicyIndicator = initialInhibitPolicy;
          const pendingConstraints = [
            false,
            false,
            false
          ];
          let explicitPolicyPending = 0;
          let policyMappingInhibitPending = 0;
          let inhibitAnyPolicyPending = 0;
          let permittedSubtrees = initialPermittedSubtreesSet;
          let excludedSubtrees = initialExcludedSubtreesSet;
          const requiredNameForms = initialRequiredNameForms;
          let pathDepth = 1;
          this.certs = await this.sort(passedWhenNotRevValues, crypto2);
          const allPolicies = [];
          allPolicies.push(id_AnyPolicy);
          const policiesAndCerts = [];
          const anyPolicyArray = new Array(this.certs.length - 1);
          for (let ii = 0; ii < this.certs.length - 1; ii++)
            anyPolicyArray[ii] = true;
          policiesAndCerts.push(anyPolicyArray);
          const policyMappings = new Array(this.certs.length - 1);
          const certPolicies = new Array(this.certs.length - 1);
          let explicitPolicyStart = explicitPolicyIndicator ? this.certs.length - 1 : -1;
          for (let i = this.certs.length - 2; i >= 0; i--, pathDepth++) {
            const cert = this.certs[i];
            if (cert.extensions) {
              for (let j = 0; j < cert.extensions.length; j++) {
                const extension = cert.extensions[j];
                if (extension.extnID === id_CertificatePolicies) {
                  certPolicies[i] = extension.parsedValue;
                  for (let s = 0; s < allPolicies.length; s++) {
                    if (allPolicies[s] === id_AnyPolicy) {
                      delete policiesAndCerts[s][i];
                      break;
                    }
                  }
                  for (let k = 0; k < extension.parsedValue.certificatePolicies.length; k++) {
                    let policyIndex = -1;
                    const policyId = extension.parsedValue.certificatePolicies[k].policyIdentifier;
                    for (let s = 0; s < allPolicies.length; s++) {
                      if (policyId === allPolicies[s]) {
                        policyIndex = s;
                        break;
                      }
                    }
                    if (policyIndex === -1) {
                      allPolicies.push(policyId);
                      const certArray = new Array(this.certs.length - 1);
                      certArray[i] = true;
                      policiesAndCerts.push(certArray);
                    } else
                      policiesAndCerts[policyIndex][i] = true;
                  }
                }
                if (extension.extnID === id_PolicyMappings) {
                  if (policyMappingInhibitIndicator) {
                    return {
                      result: false,
                      resultCode: 98,
                      resultMessage: "Policy mapping prohibited"
                    };
                  }
                  policyMappings[i] = extension.parsedValue;
                }
                if (extension.extnID === id_PolicyConstraints) {
                  if (explicitPolicyIndicator === false) {
                    if (extension.parsedValue.requireExplicitPolicy === 0) {
                      explicitPolicyIndicator = true;
                      explicitPolicyStart = i;
                    } else {
                      if (pendingConstraints[0] === false) {
                        pendingConstraints[0] = true;
                        explicitPolicyPending = extension.parsedValue.requireExplicitPolicy;
                      } else
                        explicitPolicyPending = explicitPolicyPending > extension.parsedValue.requireExplicitPolicy ? extension.parsedValue.requireExplicitPolicy : explicitPolicyPending;
                    }
                    if (extension.parsedValue.inhibitPolicyMapping === 0)
                      policyMappingInhibitIndicator = true;
                    else {
                      if (pendingConstraints[1] === false) {
                        pendingConstraints[1] = true;
                        policyMappingInhibitPending = extension.parsedValue.inhibitPolicyMapping + 1;
                      } else
                        policyMappingInhibitPending = policyMappingInhibitPending > extension.parsedValue.inhibitPolicyMapping + 1 ? extension.parsedValue.inhibitPolicyMapping + 1 : policyMappingInhibitPending;
                    }
                  }
                }
                if (extension.extnID === id_InhibitAnyPolicy) {
                  if (inhibitAnyPolicyIndicator === false) {
                    if (extension.parsedValue.valueBlock.valueDec === 0)
                      inhibitAnyPolicyIndicator = true;
                    else {
                      if (pendingConstraints[2] === false) {
                        pendingConstraints[2] = true;
                        inhibitAnyPolicyPending = extension.parsedValue.valueBlock.valueDec;
                      } else
                        inhibitAnyPolicyPending = inhibitAnyPolicyPending > extension.parsedValue.valueBlock.valueDec ? extension.parsedValue.valueBlock.valueDec : inhibitAnyPolicyPending;
                    }
                  }
                }
              }
              if (inhibitAnyPolicyIndicator === true) {
                let policyIndex = -1;
                for (let searchAnyPolicy = 0; searchAnyPolicy < allPolicies.length; searchAnyPolicy++) {
                  if (allPolicies[searchAnyPolicy] === id_AnyPolicy) {
                    policyIndex = searchAnyPolicy;
                    break;
                  }
                }
                if (policyIndex !== -1)
                  delete policiesAndCerts[0][i];
              }
              if (explicitPolicyIndicator === false) {
                if (pendingConstraints[0] === true) {
                  explicitPolicyPending--;
                  if (explicitPolicyPending === 0) {
                    explicitPolicyIndicator = true;
                    explicitPolicyStart = i;
                    pendingConstraints[0] = false;
                  }
                }
              }
              if (policyMappingInhibitIndicator === false) {
                if (pendingConstraints[1] === true) {
                  policyMappingInhibitPending--;
                  if (policyMappingInhibitPending === 0) {
                    policyMappingInhibitIndicator = true;
                    pendingConstraints[1] = false;
                  }
                }
              }
              if (inhibitAnyPolicyIndicator === false) {
                if (pendingConstraints[2] === true) {
                  inhibitAnyPolicyPending--;
                  if (inhibitAnyPolicyPending === 0) {
                    inhibitAnyPolicyIndicator = true;
                    pendingConstraints[2] = false;
                  }
                }
              }
            }
          }
          for (let i = 0; i < this.certs.length - 1; i++) {
            if (i < this.certs.length - 2 && typeof policyMappings[i + 1] !== "undefined") {
              for (let k = 0; k < policyMappings[i + 1].mappings.length; k++) {
                if (policyMappings[i + 1].mappings[k].issuerDomainPolicy === id_AnyPolicy || policyMappings[i + 1].mappings[k].subjectDomainPolicy === id_AnyPolicy) {
                  return {
                    result: false,
                    resultCode: 99,
                    resultMessage: 'The "anyPolicy" should not be a part of policy mapping scheme'
                  };
                }
                let issuerDomainPolicyIndex = -1;
                let subjectDomainPolicyIndex = -1;
                for (let n = 0; n < allPolicies.length; n++) {
                  if (allPolicies[n] === policyMappings[i + 1].mappings[k].issuerDomainPolicy)
                    issuerDomainPolicyIndex = n;
                  if (allPolicies[n] === policyMappings[i + 1].mappings[k].subjectDomainPolicy)
                    subjectDomainPolicyIndex = n;
                }
                if (typeof policiesAndCerts[issuerDomainPolicyIndex][i] !== "undefined")
                  delete policiesAndCerts[issuerDomainPolicyIndex][i];
                for (let j = 0; j < certPolicies[i].certificatePolicies.length; j++) {
                  if (policyMappings[i + 1].mappings[k].subjectDomainPolicy === certPolicies[i].certificatePolicies[j].policyIdentifier) {
                    if (issuerDomainPolicyIndex !== -1 && subjectDomainPolicyIndex !== -1) {
                      for (let m = 0; m <= i; m++) {
                        if (typeof policiesAndCerts[subjectDomainPolicyIndex][m] !== "undefined") {
                          policiesAndCerts[issuerDomainPolicyIndex][m] = true;
                          delete policiesAndCerts[subjectDomainPolicyIndex][m];
                        }
                      }
                    }
                  }
                }
              }
            }
          }
          for (let i = 0; i < allPolicies.length; i++) {
            if (allPolicies[i] === id_AnyPolicy) {
              for (let j = 0; j < explicitPolicyStart; j++)
                delete policiesAndCerts[i][j];
            }
          }
          const authConstrPolicies = [];
          for (let i = 0; i < policiesAndCerts.length; i++) {
            let found = true;
            for (let j = 0; j < this.certs.length - 1; j++) {
              let anyPolicyFound = false;
              if (j < explicitPolicyStart && allPolicies[i] === id_AnyPolicy && allPolicies.length > 1) {
                found = false;
                break;
              }
              if (typeof policiesAndCerts[i][j] === "undefined") {
                if (j >= explicitPolicyStart) {
                  for (let k = 0; k < allPolicies.length; k++) {
                    if (allPolicies[k] === id_AnyPolicy) {
                      if (policiesAndCerts[k][j] === true)
                        anyPolicyFound = true;
                      break;
                    }
                  }
                }
                if (!anyPolicyFound) {
                  found = false;
                  break;
                }
              }
            }
            if (found === true)
              authConstrPolicies.push(allPolicies[i]);
          }
          let userConstrPolicies = [];
          if (initialPolicySet.length === 1 && initialPolicySet[0] === id_AnyPolicy && explicitPolicyIndicator === false)
            userConstrPolicies = initialPolicySet;
          else {
            if (authConstrPolicies.length === 1 && authConstrPolicies[0] === id_AnyPolicy)
              userConstrPolicies = initialPolicySet;
            else {
              for (let i = 0; i < authConstrPolicies.length; i++) {
                for (let j = 0; j < initialPolicySet.length; j++) {
                  if (initialPolicySet[j] === authConstrPolicies[i] || initialPolicySet[j] === id_AnyPolicy) {
                    userConstrPolicies.push(authConstrPolicies[i]);
                    break;
                  }
                }
              }
            }
          }
          const policyResult = {
            result: userConstrPolicies.length > 0,
            resultCode: 0,
            resultMessage: userConstrPolicies.length > 0 ? EMPTY_STRING : 'Zero "userConstrPolicies" array, no intersections with "authConstrPolicies"',
            authConstrPolicies,
            userConstrPolicies,
            explicitPolicyIndicator,
            policyMappings,
            certificatePath: this.certs
          };
          if (userConstrPolicies.length === 0)
            return policyResult;
          if (policyResult.result === false)
            return policyResult;
          pathDepth = 1;
          for (let i = this.certs.length - 2; i >= 0; i--, pathDepth++) {
            const cert = this.certs[i];
            let subjectAltNames = [];
            let certPermittedSubtrees = [];
            let certExcludedSubtrees = [];
            if (cert.extensions) {
              for (let j = 0; j < cert.extensions.length; j++) {
                const extension = cert.extensions[j];
                if (extension.extnID === id_NameConstraints) {
                  if ("permittedSubtrees" in extension.parsedValue)
                    certPermittedSubtrees = certPermittedSubtrees.concat(extension.parsedValue.permittedSubtrees);
                  if ("excludedSubtrees" in extension.parsedValue)
                    certExcludedSubtrees = certExcludedSubtrees.concat(extension.parsedValue.excludedSubtrees);
                }
                if (extension.extnID === id_SubjectAltName)
                  subjectAltNames = subjectAltNames.concat(extension.parsedValue.altNames);
              }
            }
            let formFound = requiredNameForms.length <= 0;
            for (let j = 0; j < requiredNameForms.length; j++) {
              switch (requiredNameForms[j].base.type) {
                case 4:
                  {
                    if (requiredNameForms[j].base.value.typesAndValues.length !== cert.subject.typesAndValues.length)
                      continue;
                    formFound = true;
                    for (let k = 0; k < cert.subject.typesAndValues.length; k++) {
                      if (cert.subject.typesAndValues[k].type !== requiredNameForms[j].base.value.typesAndValues[k].type) {
                        formFound = false;
                        break;
                      }
                    }
                    if (formFound === true)
                      break;
                  }
                  break;
                default:
              }
            }
            if (formFound === false) {
              policyResult.result = false;
              policyResult.resultCode = 21;
              policyResult.resultMessage = "No necessary name form found";
              throw policyResult;
            }
            const constrGroups = [
              [],
              [],
              [],
              [],
              []
            ];
            for (let j = 0; j < permittedSubtrees.length; j++) {
              switch (permittedSubtrees[j].base.type) {
                case 1:
                  constrGroups[0].push(permittedSubtrees[j]);
                  break;
                case 2:
                  constrGroups[1].push(permittedSubtrees[j]);
                  break;
                case 4:
                  constrGroups[2].push(permittedSubtrees[j]);
                  break;
                case 6:
                  constrGroups[3].push(permittedSubtrees[j]);
                  break;
                case 7:
                  constrGroups[4].push(permittedSubtrees[j]);
                  break;
                default:
              }
            }
            for (let p = 0; p < 5; p++) {
              let groupPermitted = false;
              let valueExists = false;
              const group = constrGroups[p];
              for (let j = 0; j < group.length; j++) {
                switch (p) {
                  case 0:
                    if (subjectAltNames.length > 0) {
                      for (let k = 0; k < subjectAltNames.length; k++) {
                        if (subjectAltNames[k].type === 1) {
                          valueExists = true;
                          groupPermitted = groupPermitted || compareRFC822Name(subjectAltNames[k].value, group[j].base.value);
                        }
                      }
                    } else {
                      for (let k = 0; k < cert.subject.typesAndValues.length; k++) {
                        if (cert.subject.typesAndValues[k].type === "1.2.840.113549.1.9.1" || cert.subject.typesAndValues[k].type === "0.9.2342.19200300.100.1.3") {
                          valueExists = true;
                          groupPermitted = groupPermitted || compareRFC822Name(cert.subject.typesAndValues[k].value.valueBlock.value, group[j].base.value);
                        }
                      }
                    }
                    break;
                  case 1:
                    if (subjectAltNames.length > 0) {
                      for (let k = 0; k < subjectAltNames.length; k++) {
                        if (subjectAltNames[k].type === 2) {
                          valueExists = true;
                          groupPermitted = groupPermitted || compareDNSName(subjectAltNames[k].value, group[j].base.value);
                        }
                      }
                    }
                    break;
                  case 2:
                    valueExists = true;
                    groupPermitted = compareDirectoryName(cert.subject, group[j].base.value);
                    break;
                  case 3:
                    if (subjectAltNames.length > 0) {
                      for (let k = 0; k < subjectAltNames.length; k++) {
                        if (subjectAltNames[k].type === 6) {
                          valueExists = true;
                          groupPermitted = groupPermitted || compareUniformResourceIdentifier(subjectAltNames[k].value, group[j].base.value);
                        }
                      }
                    }
                    break;
                  case 4:
                    if (subjectAltNames.length > 0) {
                      for (let k = 0; k < subjectAltNames.length; k++) {
                        if (subjectAltNames[k].type === 7) {
                          valueExists = true;
                          groupPermitted = groupPermitted || compareIPAddress(subjectAltNames[k].value, group[j].base.value);
                        }
                      }
                    }
                    break;
                  default:
                }
                if (groupPermitted)
                  break;
              }
              if (groupPermitted === false && group.length > 0 && valueExists) {
                policyResult.result = false;
                policyResult.resultCode = 41;
                policyResult.resultMessage = 'Failed to meet "permitted sub-trees" name constraint';
                throw policyResult;
              }
            }
            let excluded = false;
            for (let j = 0; j < excludedSubtrees.length; j++) {
              switch (excludedSubtrees[j].base.type) {
                case 1:
                  if (subjectAltNames.length >= 0) {
                    for (let k = 0; k < subjectAltNames.length; k++) {
                      if (subjectAltNames[k].type === 1)
                        excluded = excluded || compareRFC822Name(subjectAltNames[k].value, excludedSubtrees[j].base.value);
                    }
                  } else {
                    for (let k = 0; k < cert.subject.typesAndValues.length; k++) {
                      if (cert.subject.typesAndValues[k].type === "1.2.840.113549.1.9.1" || cert.subject.typesAndValues[k].type === "0.9.2342.19200300.100.1.3")
                        excluded = excluded || compareRFC822Name(cert.subject.typesAndValues[k].value.valueBlock.value, excludedSubtrees[j].base.value);
                    }
                  }
                  break;
                case 2:
                  if (subjectAltNames.length > 0) {
                    for (let k = 0; k < subjectAltNames.length; k++) {
                      if (subjectAltNames[k].type === 2)
                        excluded = excluded || compareDNSName(subjectAltNames[k].value, excludedSubtrees[j].base.value);
                    }
                  }
                  break;
                case 4:
                  excluded = excluded || compareDirectoryName(cert.subject, excludedSubtrees[j].base.value);
                  break;
                case 6:
                  if (subjectAltNames.length > 0) {
                    for (let k = 0; k < subjectAltNames.length; k++) {
                      if (subjectAltNames[k].type === 6)
                        excluded = excluded || compareUniformResourceIdentifier(subjectAltNames[k].value, excludedSubtrees[j].base.value);
                    }
                  }
                  break;
                case 7:
                  if (subjectAltNames.length > 0) {
                    for (let k = 0; k < subjectAltNames.length; k++) {
                      if (subjectAltNames[k].type === 7)
                        excluded = excluded || compareIPAddress(subjectAltNames[k].value, excludedSubtrees[j].base.value);
                    }
                  }
                  break;
                default:
              }
              if (excluded)
                break;
            }
            if (excluded === true) {
              policyResult.result = false;
              policyResult.resultCode = 42;
              policyResult.resultMessage = 'Failed to meet "excluded sub-trees" name constraint';
              throw policyResult;
            }
            permittedSubtrees = permittedSubtrees.concat(certPermittedSubtrees);
            excludedSubtrees = excludedSubtrees.concat(certExcludedSubtrees);
          }
          return policyResult;
        } catch (error) {
          if (error instanceof Error) {
            if (error instanceof ChainValidationError) {
              return {
                result: false,
                resultCode: error.code,
                resultMessage: error.message,
                error
              };
            }
            return {
              result: false,
              resultCode: exports.ChainValidationCode.unknown,
              resultMessage: error.message,
              error
            };
          }
          if (error && typeof error === "object" && "resultMessage" in error) {
            return error;
          }
          return {
            result: false,
            resultCode: -1,
            resultMessage: `${error}`
          };
        }
      }
    };
    var TBS_RESPONSE_DATA = "tbsResponseData";
    var SIGNATURE_ALGORITHM$3 = "signatureAlgorithm";
    var SIGNATURE$2 = "signature";
    var CERTS$1 = "certs";
    var BASIC_OCSP_RESPONSE = "BasicOCSPResponse";
    var BASIC_OCSP_RESPONSE_TBS_RESPONSE_DATA = `${BASIC_OCSP_RESPONSE}.${TBS_RESPONSE_DATA}`;
    var BASIC_OCSP_RESPONSE_SIGNATURE_ALGORITHM = `${BASIC_OCSP_RESPONSE}.${SIGNATURE_ALGORITHM$3}`;
    var BASIC_OCSP_RESPONSE_SIGNATURE = `${BASIC_OCSP_RESPONSE}.${SIGNATURE$2}`;
    var BASIC_OCSP_RESPONSE_CERTS = `${BASIC_OCSP_RESPONSE}.${CERTS$1}`;
    var CLEAR_PROPS$g = [BASIC_OCSP_RESPONSE_TBS_RESPONSE_DATA, BASIC_OCSP_RESPONSE_SIGNATURE_ALGORITHM, BASIC_OCSP_RESPONSE_SIGNATURE, BASIC_OCSP_RESPONSE_CERTS];
    var ID_KP_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    var ID_CE_KEY_USAGE = "2.5.29.15";
    var ID_CE_EXT_KEY_USAGE = "2.5.29.37";
    var BasicOCSPResponse = class _BasicOCSPResponse extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.tbsResponseData = pvutils__namespace.getParametersValue(parameters, TBS_RESPONSE_DATA, _BasicOCSPResponse.defaultValues(TBS_RESPONSE_DATA));
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM$3, _BasicOCSPResponse.defaultValues(SIGNATURE_ALGORITHM$3));
        this.signature = pvutils__namespace.getParametersValue(parameters, SIGNATURE$2, _BasicOCSPResponse.defaultValues(SIGNATURE$2));
        if (CERTS$1 in parameters) {
          this.certs = pvutils__namespace.getParametersValue(parameters, CERTS$1, _BasicOCSPResponse.defaultValues(CERTS$1));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TBS_RESPONSE_DATA:
            return new ResponseData();
          case SIGNATURE_ALGORITHM$3:
            return new AlgorithmIdentifier();
          case SIGNATURE$2:
            return new asn1js__namespace.BitString();
          case CERTS$1:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case "type": {
            let comparisonResult = ResponseData.compareWithDefault("tbs", memberValue.tbs) && ResponseData.compareWithDefault("responderID", memberValue.responderID) && ResponseData.compareWithDefault("producedAt", memberValue.producedAt) && ResponseData.compareWithDefault("responses", memberValue.responses);
            if ("responseExtensions" in memberValue)
              comparisonResult = comparisonResult && ResponseData.compareWithDefault("responseExtensions", memberValue.responseExtensions);
            return comparisonResult;
          }
          case SIGNATURE_ALGORITHM$3:
            return memberValue.algorithmId === EMPTY_STRING && "algorithmParams" in memberValue === false;
          case SIGNATURE$2:
            return memberValue.isEqual(_BasicOCSPResponse.defaultValues(memberName));
          case CERTS$1:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || BASIC_OCSP_RESPONSE,
          value: [
            ResponseData.schema(names.tbsResponseData || {
              names: {
                blockName: BASIC_OCSP_RESPONSE_TBS_RESPONSE_DATA
              }
            }),
            AlgorithmIdentifier.schema(names.signatureAlgorithm || {
              names: {
                blockName: BASIC_OCSP_RESPONSE_SIGNATURE_ALGORITHM
              }
            }),
            new asn1js__namespace.BitString({ name: names.signature || BASIC_OCSP_RESPONSE_SIGNATURE }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                new asn1js__namespace.Sequence({
                  value: [
                    new asn1js__namespace.Repeated({
                      name: BASIC_OCSP_RESPONSE_CERTS,
                      value: Certificate.schema(names.certs || {})
                    })
                  ]
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$g);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _BasicOCSPResponse.schema());
        AsnError.assertSchema(asn1, this.className);
        this.tbsResponseData = new ResponseData({
          schema: asn1.result[BASIC_OCSP_RESPONSE_TBS_RESPONSE_DATA]
        });
        this.signatureAlgorithm = new AlgorithmIdentifier({
          schema: asn1.result[BASIC_OCSP_RESPONSE_SIGNATURE_ALGORITHM]
        });
        this.signature = asn1.result[BASIC_OCSP_RESPONSE_SIGNATURE];
        if (BASIC_OCSP_RESPONSE_CERTS in asn1.result) {
          this.certs = Array.from(asn1.result[BASIC_OCSP_RESPONSE_CERTS], (element) => new Certificate({ schema: element }));
        }
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.tbsResponseData.toSchema());
        outputArray.push(this.signatureAlgorithm.toSchema());
        outputArray.push(this.signature);
        if (this.certs) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [
              new asn1js__namespace.Sequence({
                value: Array.from(this.certs, (o) => o.toSchema())
              })
            ]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          tbsResponseData: this.tbsResponseData.toJSON(),
          signatureAlgorithm: this.signatureAlgorithm.toJSON(),
          signature: this.signature.toJSON()
        };
        if (this.certs) {
          res.certs = Array.from(this.certs, (o) => o.toJSON());
        }
        return res;
      }
      async getCertificateStatus(certificate, issuerCertificate, crypto2 = getCrypto(true)) {
        const result = {
          isForCertificate: false,
          status: 2
        };
        const hashesObject = {};
        const certIDs = [];
        for (const response of this.tbsResponseData.responses) {
          const hashAlgorithm = crypto2.getAlgorithmByOID(response.certID.hashAlgorithm.algorithmId, true, "CertID.hashAlgorithm");
          if (!hashesObject[hashAlgorithm.name]) {
            hashesObject[hashAlgorithm.name] = 1;
            const certID = new CertID();
            certIDs.push(certID);
            await certID.createForCertificate(certificate, {
              hashAlgorithm: hashAlgorithm.name,
              issuerCertificate
            }, crypto2);
          }
        }
        for (const response of this.tbsResponseData.responses) {
          for (const id of certIDs) {
            if (response.certID.isEqual(id)) {
              result.isForCertificate = true;
              try {
                switch (response.certStatus.idBlock.isConstructed) {
                  case true:
                    if (response.certStatus.idBlock.tagNumber === 1)
                      result.status = 1;
                    break;
                  case false:
                    switch (response.certStatus.idBlock.tagNumber) {
                      case 0:
                        result.status = 0;
                        break;
                      case 2:
                        result.status = 2;
                        break;
                      default:
                    }
                    break;
                  default:
                }
              } catch {
              }
              return result;
            }
          }
        }
        return result;
      }
      async sign(privateKey, hashAlgorithm = "SHA-1", crypto2 = getCrypto(true)) {
        if (!privateKey) {
          throw new Error("Need to provide a private key for signing");
        }
        const signatureParams = await crypto2.getSignatureParameters(privateKey, hashAlgorithm);
        const algorithm = signatureParams.parameters.algorithm;
        if (!("name" in algorithm)) {
          throw new Error("Empty algorithm");
        }
        this.signatureAlgorithm = signatureParams.signatureAlgorithm;
        this.tbsResponseData.tbsView = new Uint8Array(this.tbsResponseData.toSchema(true).toBER());
        const signature = await crypto2.signWithPrivateKey(this.tbsResponseData.tbsView, privateKey, { algorithm });
        this.signature = new asn1js__namespace.BitString({ valueHex: signature });
      }
      async verify(params = {}, crypto2 = getCrypto(true)) {
        if (!this.certs || this.certs.length === 0) {
          throw new Error("No certificates attached to the BasicOCSPResponse");
        }
        const embeddedCerts = this.certs;
        const trustedCerts = params.trustedCerts || [];
        const issuerCerts = params.issuerCerts || [];
        const trustedResponders = params.trustedResponders || [];
        const candidateIndices = await _BasicOCSPResponse.collectResponderCandidates(embeddedCerts, this.tbsResponseData.responderID, crypto2);
        if (candidateIndices.length === 0) {
          throw new Error("No certificate matching the OCSP responderID was found in the response");
        }
        const errors = [];
        let firstCryptoError = null;
        let signatureMismatch = false;
        let hadValidSignature = false;
        for (const idx of candidateIndices) {
          const signerCert = embeddedCerts[idx];
          let signatureOk;
          try {
            signatureOk = await this.verifyResponseSignature(signerCert, crypto2);
          } catch (err) {
            if (firstCryptoError === null) {
              firstCryptoError = err;
            }
            errors.push(`candidate #${idx} signature error: ${err.message}`);
            continue;
          }
          if (!signatureOk) {
            signatureMismatch = true;
            continue;
          }
          hadValidSignature = true;
          try {
            const isTrustedResponder = trustedResponders.length > 0 && _BasicOCSPResponse.containsCertificateByDer(trustedResponders, signerCert);
            let validatedPathCerts = [];
            if (!isTrustedResponder) {
              validatedPathCerts = await _BasicOCSPResponse.validateSignerChain(signerCert, embeddedCerts, issuerCerts, trustedCerts, crypto2);
            }
            const authIssuerCandidates = [];
            for (const cert of [...issuerCerts, ...embeddedCerts, ...trustedCerts, ...validatedPathCerts]) {
              if (!_BasicOCSPResponse.containsCertificateByDer(authIssuerCandidates, cert)) {
                authIssuerCandidates.push(cert);
              }
            }
            let allAuthorized = true;
            for (const singleResponse of this.tbsResponseData.responses) {
              const authorized = await _BasicOCSPResponse.isAuthorizedResponderForCertID(signerCert, singleResponse.certID, authIssuerCandidates, trustedResponders, crypto2);
              if (!authorized) {
                allAuthorized = false;
                break;
              }
            }
            if (allAuthorized) {
              return true;
            } else {
              errors.push(`candidate #${idx}: responder is not authorized for all SingleResponses`);
            }
          } catch (err) {
            errors.push(`candidate #${idx}: ${err.message}`);
          }
        }
        if (signatureMismatch && errors.length === 0 && firstCryptoError === null) {
          return false;
        }
        if (hadValidSignature) {
          throw new Error(`OCSP responder verification failed. Reasons: ${errors.join("; ")}`);
        }
        if (firstCryptoError) {
          throw firstCryptoError;
        }
        throw new Error(`OCSP responder verification failed. Reasons: ${errors.join("; ")}`);
      }
      static containsCertificateByDer(certs, cert) {
        const certDer = cert.toSchema(true).toBER(false);
        return certs.some((c) => pvtsutils__namespace.BufferSourceConverter.isEqual(c.toSchema(true).toBER(false), certDer));
      }
      static async collectResponderCandidates(certs, responderID, crypto2 = getCrypto(true)) {
        var _a2;
        const indices = [];
        if (responderID instanceof RelativeDistinguishedNames) {
          for (const [index, certificate] of certs.entries()) {
            if (certificate.subject.isEqual(responderID)) {
              indices.push(index);
            }
          }
        } else if (responderID instanceof asn1js__namespace.OctetString) {
          for (const [index, certificate] of certs.entries()) {
            const spk = certificate.subjectPublicKeyInfo.subjectPublicKey;
            if (!((_a2 = spk.valueBlock) === null || _a2 === void 0 ? void 0 : _a2.valueHexView)) {
              continue;
            }
            const hash = await crypto2.digest({ name: "sha-1" }, spk.valueBlock.valueHexView);
            if (pvutils__namespace.isEqualBuffer(hash, responderID.valueBlock.valueHex)) {
              indices.push(index);
            }
          }
        } else {
          throw new Error("Unsupported OCSP responderID type");
        }
        return indices;
      }
      async verifyResponseSignature(candidateCert, crypto2 = getCrypto(true)) {
        return crypto2.verifyWithPublicKey(this.tbsResponseData.tbsView, this.signature, candidateCert.subjectPublicKeyInfo, this.signatureAlgorithm);
      }
      static async validateSignerChain(signerCert, embeddedCerts, issuerCerts, trustedCerts, crypto2 = getCrypto(true)) {
        const additionalCerts = [];
        const addIfCa = (cert) => {
          const caCert = checkCA(cert, signerCert);
          if (caCert && !_BasicOCSPResponse.containsCertificateByDer(additionalCerts, caCert)) {
            additionalCerts.push(caCert);
          }
        };
        for (const cert of issuerCerts) {
          addIfCa(cert);
        }
        for (const cert of embeddedCerts) {
          addIfCa(cert);
        }
        additionalCerts.push(signerCert);
        const engine = new CertificateChainValidationEngine({
          certs: additionalCerts,
          trustedCerts
        });
        const result = await engine.verify({}, crypto2);
        if (!result.result || !result.certificatePath) {
          throw new Error(`Validation of signer's certificate chain failed${result.resultMessage ? `: ${result.resultMessage}` : ""}`);
        }
        return result.certificatePath.slice(1);
      }
      static async findIssuersForCertID(certID, issuerCandidates, crypto2 = getCrypto(true)) {
        const responseHashAlg = crypto2.getAlgorithmByOID(certID.hashAlgorithm.algorithmId, false);
        if (!responseHashAlg || !("name" in responseHashAlg)) {
          return [];
        }
        const hashAlgName = responseHashAlg.name;
        const uniqueByDer = [];
        for (const candidate of issuerCandidates) {
          if (!_BasicOCSPResponse.containsCertificateByDer(uniqueByDer, candidate)) {
            uniqueByDer.push(candidate);
          }
        }
        const matched = [];
        for (const candidate of uniqueByDer) {
          const candidateID = new CertID();
          try {
            await candidateID.createForCertificate(candidate, {
              hashAlgorithm: hashAlgName,
              issuerCertificate: candidate
            }, crypto2);
          } catch {
            continue;
          }
          if (candidateID.hashAlgorithm.algorithmId !== certID.hashAlgorithm.algorithmId) {
            continue;
          }
          if (!pvtsutils__namespace.BufferSourceConverter.isEqual(candidateID.issuerNameHash.valueBlock.valueHexView, certID.issuerNameHash.valueBlock.valueHexView)) {
            continue;
          }
          if (!pvtsutils__namespace.BufferSourceConverter.isEqual(candidateID.issuerKeyHash.valueBlock.valueHexView, certID.issuerKeyHash.valueBlock.valueHexView)) {
            continue;
          }
          matched.push(candidate);
        }
        return matched;
      }
      static async certificateMatchesIssuerID(certificate, certID, crypto2 = getCrypto(true)) {
        const responseHashAlg = crypto2.getAlgorithmByOID(certID.hashAlgorithm.algorithmId, false);
        if (!responseHashAlg || !("name" in responseHashAlg)) {
          return false;
        }
        const hashAlgName = responseHashAlg.name;
        try {
          const nameHash = await crypto2.digest({ name: hashAlgName }, certificate.subject.toSchema().toBER(false));
          if (!pvtsutils__namespace.BufferSourceConverter.isEqual(new Uint8Array(nameHash), certID.issuerNameHash.valueBlock.valueHexView)) {
            return false;
          }
          const keyBytes = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
          const keyHash = await crypto2.digest({ name: hashAlgName }, keyBytes);
          return pvtsutils__namespace.BufferSourceConverter.isEqual(new Uint8Array(keyHash), certID.issuerKeyHash.valueBlock.valueHexView);
        } catch {
          return false;
        }
      }
      static async isAuthorizedResponderForCertID(signerCert, certID, issuerCandidates, trustedResponders, crypto2 = getCrypto(true)) {
        if (trustedResponders.length > 0 && _BasicOCSPResponse.containsCertificateByDer(trustedResponders, signerCert)) {
          return true;
        }
        if (await _BasicOCSPResponse.certificateMatchesIssuerID(signerCert, certID, crypto2)) {
          return true;
        }
        if (!_BasicOCSPResponse.certHasOCSPSigningEKU(signerCert)) {
          return false;
        }
        if (!_BasicOCSPResponse.certKeyUsagePermitsDigitalSignature(signerCert)) {
          return false;
        }
        const issuers = await _BasicOCSPResponse.findIssuersForCertID(certID, issuerCandidates, crypto2);
        for (const issuerCert of issuers) {
          if (!signerCert.issuer.isEqual(issuerCert.subject)) {
            continue;
          }
          try {
            const issued = await signerCert.verify(issuerCert, crypto2);
            if (issued) {
              return true;
            }
          } catch {
          }
        }
        return false;
      }
      static certHasOCSPSigningEKU(cert) {
        var _a2;
        const ext = (_a2 = cert.extensions) === null || _a2 === void 0 ? void 0 : _a2.find((e) => e.extnID === ID_CE_EXT_KEY_USAGE);
        if (!ext) {
          return false;
        }
        const parsed = ext.parsedValue;
        if (parsed instanceof ExtKeyUsage) {
          return parsed.keyPurposes.includes(ID_KP_OCSP_SIGNING);
        }
        try {
          const asn1 = asn1js__namespace.fromBER(ext.extnValue.valueBlock.valueHexView);
          if (asn1.offset === -1)
            return false;
          if (!(asn1.result instanceof asn1js__namespace.Sequence))
            return false;
          const eku = new ExtKeyUsage({ schema: asn1.result });
          return eku.keyPurposes.includes(ID_KP_OCSP_SIGNING);
        } catch {
          return false;
        }
      }
      static certKeyUsagePermitsDigitalSignature(cert) {
        var _a2;
        const ext = (_a2 = cert.extensions) === null || _a2 === void 0 ? void 0 : _a2.find((e) => e.extnID === ID_CE_KEY_USAGE);
        if (!ext) {
          return true;
        }
        try {
          const asn1 = asn1js__namespace.fromBER(ext.extnValue.valueBlock.valueHexView);
          if (asn1.offset === -1)
            return false;
          if (!(asn1.result instanceof asn1js__namespace.BitString))
            return false;
          const bits = new Uint8Array(asn1.result.valueBlock.valueHexView);
          if (bits.length === 0)
            return false;
          return (bits[0] & 128) !== 0;
        } catch {
          return false;
        }
      }
    };
    BasicOCSPResponse.CLASS_NAME = "BasicOCSPResponse";
    var TBS$1 = "tbs";
    var VERSION$6 = "version";
    var SUBJECT = "subject";
    var SPKI = "subjectPublicKeyInfo";
    var ATTRIBUTES$1 = "attributes";
    var SIGNATURE_ALGORITHM$2 = "signatureAlgorithm";
    var SIGNATURE_VALUE = "signatureValue";
    var CSR_INFO = "CertificationRequestInfo";
    var CSR_INFO_VERSION = `${CSR_INFO}.version`;
    var CSR_INFO_SUBJECT = `${CSR_INFO}.subject`;
    var CSR_INFO_SPKI = `${CSR_INFO}.subjectPublicKeyInfo`;
    var CSR_INFO_ATTRS = `${CSR_INFO}.attributes`;
    var CLEAR_PROPS$f = [CSR_INFO, CSR_INFO_VERSION, CSR_INFO_SUBJECT, CSR_INFO_SPKI, CSR_INFO_ATTRS, SIGNATURE_ALGORITHM$2, SIGNATURE_VALUE];
    function CertificationRequestInfo(parameters = {}) {
      const names = pvutils__namespace.getParametersValue(parameters, "names", {});
      return new asn1js__namespace.Sequence({
        name: names.CertificationRequestInfo || CSR_INFO,
        value: [
          new asn1js__namespace.Integer({ name: names.CertificationRequestInfoVersion || CSR_INFO_VERSION }),
          RelativeDistinguishedNames.schema(names.subject || {
            names: {
              blockName: CSR_INFO_SUBJECT
            }
          }),
          PublicKeyInfo.schema({
            names: {
              blockName: CSR_INFO_SPKI
            }
          }),
          new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [
              new asn1js__namespace.Repeated({
                optional: true,
                name: names.CertificationRequestInfoAttributes || CSR_INFO_ATTRS,
                value: Attribute.schema(names.attributes || {})
              })
            ]
          })
        ]
      });
    }
    var CertificationRequest = class _CertificationRequest extends PkiObject {
      get tbs() {
        return pvtsutils__namespace.BufferSourceConverter.toArrayBuffer(this.tbsView);
      }
      set tbs(value) {
        this.tbsView = new Uint8Array(value);
      }
      constructor(parameters = {}) {
        super();
        this.tbsView = new Uint8Array(pvutils__namespace.getParametersValue(parameters, TBS$1, _CertificationRequest.defaultValues(TBS$1)));
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$6, _CertificationRequest.defaultValues(VERSION$6));
        this.subject = pvutils__namespace.getParametersValue(parameters, SUBJECT, _CertificationRequest.defaultValues(SUBJECT));
        this.subjectPublicKeyInfo = pvutils__namespace.getParametersValue(parameters, SPKI, _CertificationRequest.defaultValues(SPKI));
        if (ATTRIBUTES$1 in parameters) {
          this.attributes = pvutils__namespace.getParametersValue(parameters, ATTRIBUTES$1, _CertificationRequest.defaultValues(ATTRIBUTES$1));
        }
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM$2, _CertificationRequest.defaultValues(SIGNATURE_ALGORITHM$2));
        this.signatureValue = pvutils__namespace.getParametersValue(parameters, SIGNATURE_VALUE, _CertificationRequest.defaultValues(SIGNATURE_VALUE));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TBS$1:
            return EMPTY_BUFFER;
          case VERSION$6:
            return 0;
          case SUBJECT:
            return new RelativeDistinguishedNames();
          case SPKI:
            return new PublicKeyInfo();
          case ATTRIBUTES$1:
            return [];
          case SIGNATURE_ALGORITHM$2:
            return new AlgorithmIdentifier();
          case SIGNATURE_VALUE:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          value: [
            CertificationRequestInfo(names.certificationRequestInfo || {}),
            new asn1js__namespace.Sequence({
              name: names.signatureAlgorithm || SIGNATURE_ALGORITHM$2,
              value: [new asn1js__namespace.ObjectIdentifier(), new asn1js__namespace.Any({ optional: true })]
            }),
            new asn1js__namespace.BitString({ name: names.signatureValue || SIGNATURE_VALUE })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$f);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _CertificationRequest.schema());
        AsnError.assertSchema(asn1, this.className);
        this.tbsView = asn1.result.CertificationRequestInfo.valueBeforeDecodeView;
        this.version = asn1.result[CSR_INFO_VERSION].valueBlock.valueDec;
        this.subject = new RelativeDistinguishedNames({ schema: asn1.result[CSR_INFO_SUBJECT] });
        this.subjectPublicKeyInfo = new PublicKeyInfo({ schema: asn1.result[CSR_INFO_SPKI] });
        if (CSR_INFO_ATTRS in asn1.result) {
          this.attributes = Array.from(asn1.result[CSR_INFO_ATTRS], (element) => new Attribute({ schema: element }));
        }
        this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
        this.signatureValue = asn1.result.signatureValue;
      }
      encodeTBS() {
        const outputArray = [new asn1js__namespace.Integer({ value: this.version }), this.subject.toSchema(), this.subjectPublicKeyInfo.toSchema()];
        if (ATTRIBUTES$1 in this) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: Array.from(this.attributes || [], (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toSchema(encodeFlag = false) {
        let tbsSchema;
        if (encodeFlag === false) {
          if (this.tbsView.byteLength === 0) {
            return _CertificationRequest.schema();
          }
          const asn1 = asn1js__namespace.fromBER(this.tbsView);
          AsnError.assert(asn1, "PKCS#10 Certificate Request");
          tbsSchema = asn1.result;
        } else {
          tbsSchema = this.encodeTBS();
        }
        return new asn1js__namespace.Sequence({
          value: [tbsSchema, this.signatureAlgorithm.toSchema(), this.signatureValue]
        });
      }
      toJSON() {
        const object = {
          tbs: pvtsutils__namespace.Convert.ToHex(this.tbsView),
          version: this.version,
          subject: this.subject.toJSON(),
          subjectPublicKeyInfo: this.subjectPublicKeyInfo.toJSON(),
          signatureAlgorithm: this.signatureAlgorithm.toJSON(),
          signatureValue: this.signatureValue.toJSON()
        };
        if (ATTRIBUTES$1 in this) {
          object.attributes = Array.from(this.attributes || [], (o) => o.toJSON());
        }
        return object;
      }
      async sign(privateKey, hashAlgorithm = "SHA-1", crypto2 = getCrypto(true)) {
        if (!privateKey) {
          throw new Error("Need to provide a private key for signing");
        }
        const signatureParams = await crypto2.getSignatureParameters(privateKey, hashAlgorithm);
        const parameters = signatureParams.parameters;
        this.signatureAlgorithm = signatureParams.signatureAlgorithm;
        this.tbsView = new Uint8Array(this.encodeTBS().toBER());
        const signature = await crypto2.signWithPrivateKey(this.tbsView, privateKey, parameters);
        this.signatureValue = new asn1js__namespace.BitString({ valueHex: signature });
      }
      async verify(crypto2 = getCrypto(true)) {
        return crypto2.verifyWithPublicKey(this.tbsView, this.signatureValue, this.subjectPublicKeyInfo, this.signatureAlgorithm);
      }
      async getPublicKey(parameters, crypto2 = getCrypto(true)) {
        return crypto2.getPublicKey(this.subjectPublicKeyInfo, this.signatureAlgorithm, parameters);
      }
    };
    CertificationRequest.CLASS_NAME = "CertificationRequest";
    var DIGEST_ALGORITHM$1 = "digestAlgorithm";
    var DIGEST = "digest";
    var CLEAR_PROPS$e = [DIGEST_ALGORITHM$1, DIGEST];
    var DigestInfo = class _DigestInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.digestAlgorithm = pvutils__namespace.getParametersValue(parameters, DIGEST_ALGORITHM$1, _DigestInfo.defaultValues(DIGEST_ALGORITHM$1));
        this.digest = pvutils__namespace.getParametersValue(parameters, DIGEST, _DigestInfo.defaultValues(DIGEST));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case DIGEST_ALGORITHM$1:
            return new AlgorithmIdentifier();
          case DIGEST:
            return new asn1js__namespace.OctetString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case DIGEST_ALGORITHM$1:
            return AlgorithmIdentifier.compareWithDefault("algorithmId", memberValue.algorithmId) && "algorithmParams" in memberValue === false;
          case DIGEST:
            return memberValue.isEqual(_DigestInfo.defaultValues(memberName));
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            AlgorithmIdentifier.schema(names.digestAlgorithm || {
              names: {
                blockName: DIGEST_ALGORITHM$1
              }
            }),
            new asn1js__namespace.OctetString({ name: names.digest || DIGEST })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$e);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _DigestInfo.schema({
          names: {
            digestAlgorithm: {
              names: {
                blockName: DIGEST_ALGORITHM$1
              }
            },
            digest: DIGEST
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.digestAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.digestAlgorithm });
        this.digest = asn1.result.digest;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.digestAlgorithm.toSchema(), this.digest]
        });
      }
      toJSON() {
        return {
          digestAlgorithm: this.digestAlgorithm.toJSON(),
          digest: this.digest.toJSON()
        };
      }
    };
    DigestInfo.CLASS_NAME = "DigestInfo";
    var E_CONTENT_TYPE = "eContentType";
    var E_CONTENT = "eContent";
    var CLEAR_PROPS$d = [E_CONTENT_TYPE, E_CONTENT];
    var EncapsulatedContentInfo = class _EncapsulatedContentInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.eContentType = pvutils__namespace.getParametersValue(parameters, E_CONTENT_TYPE, _EncapsulatedContentInfo.defaultValues(E_CONTENT_TYPE));
        if (E_CONTENT in parameters) {
          this.eContent = pvutils__namespace.getParametersValue(parameters, E_CONTENT, _EncapsulatedContentInfo.defaultValues(E_CONTENT));
          if (this.eContent.idBlock.tagClass === 1 && this.eContent.idBlock.tagNumber === 4) {
            if (this.eContent.idBlock.isConstructed === false) {
              const constrString = new asn1js__namespace.OctetString({
                idBlock: { isConstructed: true },
                isConstructed: true
              });
              let offset = 0;
              const viewHex = this.eContent.valueBlock.valueHexView.slice().buffer;
              let length = viewHex.byteLength;
              while (length > 0) {
                const pieceView = new Uint8Array(viewHex, offset, offset + 65536 > viewHex.byteLength ? viewHex.byteLength - offset : 65536);
                const _array = new ArrayBuffer(pieceView.length);
                const _view = new Uint8Array(_array);
                for (let i = 0; i < _view.length; i++) {
                  _view[i] = pieceView[i];
                }
                constrString.valueBlock.value.push(new asn1js__namespace.OctetString({ valueHex: _array }));
                length -= pieceView.length;
                offset += pieceView.length;
              }
              this.eContent = constrString;
            }
          }
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case E_CONTENT_TYPE:
            return EMPTY_STRING;
          case E_CONTENT:
            return new asn1js__namespace.OctetString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case E_CONTENT_TYPE:
            return memberValue === EMPTY_STRING;
          case E_CONTENT: {
            if (memberValue.idBlock.tagClass === 1 && memberValue.idBlock.tagNumber === 4)
              return memberValue.isEqual(_EncapsulatedContentInfo.defaultValues(E_CONTENT));
            return false;
          }
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.ObjectIdentifier({ name: names.eContentType || EMPTY_STRING }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                new asn1js__namespace.Any({ name: names.eContent || EMPTY_STRING })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$d);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _EncapsulatedContentInfo.schema({
          names: {
            eContentType: E_CONTENT_TYPE,
            eContent: E_CONTENT
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.eContentType = asn1.result.eContentType.valueBlock.toString();
        if (E_CONTENT in asn1.result)
          this.eContent = asn1.result.eContent;
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.eContentType }));
        if (this.eContent) {
          if (_EncapsulatedContentInfo.compareWithDefault(E_CONTENT, this.eContent) === false) {
            outputArray.push(new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [this.eContent]
            }));
          }
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          eContentType: this.eContentType
        };
        if (this.eContent && _EncapsulatedContentInfo.compareWithDefault(E_CONTENT, this.eContent) === false) {
          res.eContent = this.eContent.toJSON();
        }
        return res;
      }
    };
    EncapsulatedContentInfo.CLASS_NAME = "EncapsulatedContentInfo";
    var KeyBag = class extends PrivateKeyInfo {
      constructor(parameters = {}) {
        super(parameters);
      }
    };
    var MAC = "mac";
    var MAC_SALT = "macSalt";
    var ITERATIONS = "iterations";
    var CLEAR_PROPS$c = [MAC, MAC_SALT, ITERATIONS];
    var MacData = class _MacData extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.mac = pvutils__namespace.getParametersValue(parameters, MAC, _MacData.defaultValues(MAC));
        this.macSalt = pvutils__namespace.getParametersValue(parameters, MAC_SALT, _MacData.defaultValues(MAC_SALT));
        if (ITERATIONS in parameters) {
          this.iterations = pvutils__namespace.getParametersValue(parameters, ITERATIONS, _MacData.defaultValues(ITERATIONS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case MAC:
            return new DigestInfo();
          case MAC_SALT:
            return new asn1js__namespace.OctetString();
          case ITERATIONS:
            return 1;
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case MAC:
            return DigestInfo.compareWithDefault("digestAlgorithm", memberValue.digestAlgorithm) && DigestInfo.compareWithDefault("digest", memberValue.digest);
          case MAC_SALT:
            return memberValue.isEqual(_MacData.defaultValues(memberName));
          case ITERATIONS:
            return memberValue === _MacData.defaultValues(memberName);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          optional: names.optional || true,
          value: [
            DigestInfo.schema(names.mac || {
              names: {
                blockName: MAC
              }
            }),
            new asn1js__namespace.OctetString({ name: names.macSalt || MAC_SALT }),
            new asn1js__namespace.Integer({
              optional: true,
              name: names.iterations || ITERATIONS
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$c);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _MacData.schema({
          names: {
            mac: {
              names: {
                blockName: MAC
              }
            },
            macSalt: MAC_SALT,
            iterations: ITERATIONS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.mac = new DigestInfo({ schema: asn1.result.mac });
        this.macSalt = asn1.result.macSalt;
        if (ITERATIONS in asn1.result)
          this.iterations = asn1.result.iterations.valueBlock.valueDec;
      }
      toSchema() {
        const outputArray = [this.mac.toSchema(), this.macSalt];
        if (this.iterations !== void 0) {
          outputArray.push(new asn1js__namespace.Integer({ value: this.iterations }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          mac: this.mac.toJSON(),
          macSalt: this.macSalt.toJSON()
        };
        if (this.iterations !== void 0) {
          res.iterations = this.iterations;
        }
        return res;
      }
    };
    MacData.CLASS_NAME = "MacData";
    var HASH_ALGORITHM = "hashAlgorithm";
    var HASHED_MESSAGE = "hashedMessage";
    var CLEAR_PROPS$b = [HASH_ALGORITHM, HASHED_MESSAGE];
    var MessageImprint = class _MessageImprint extends PkiObject {
      static async create(hashAlgorithm, message, crypto2 = getCrypto(true)) {
        const hashAlgorithmOID = crypto2.getOIDByAlgorithm({ name: hashAlgorithm }, true, "hashAlgorithm");
        const hashedMessage = await crypto2.digest(hashAlgorithm, message);
        const res = new _MessageImprint({
          hashAlgorithm: new AlgorithmIdentifier({
            algorithmId: hashAlgorithmOID,
            algorithmParams: new asn1js__namespace.Null()
          }),
          hashedMessage: new asn1js__namespace.OctetString({ valueHex: hashedMessage })
        });
        return res;
      }
      constructor(parameters = {}) {
        super();
        this.hashAlgorithm = pvutils__namespace.getParametersValue(parameters, HASH_ALGORITHM, _MessageImprint.defaultValues(HASH_ALGORITHM));
        this.hashedMessage = pvutils__namespace.getParametersValue(parameters, HASHED_MESSAGE, _MessageImprint.defaultValues(HASHED_MESSAGE));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case HASH_ALGORITHM:
            return new AlgorithmIdentifier();
          case HASHED_MESSAGE:
            return new asn1js__namespace.OctetString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case HASH_ALGORITHM:
            return memberValue.algorithmId === EMPTY_STRING && "algorithmParams" in memberValue === false;
          case HASHED_MESSAGE:
            return memberValue.isEqual(_MessageImprint.defaultValues(memberName)) === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [AlgorithmIdentifier.schema(names.hashAlgorithm || {}), new asn1js__namespace.OctetString({ name: names.hashedMessage || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$b);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _MessageImprint.schema({
          names: {
            hashAlgorithm: {
              names: {
                blockName: HASH_ALGORITHM
              }
            },
            hashedMessage: HASHED_MESSAGE
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.hashAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.hashAlgorithm });
        this.hashedMessage = asn1.result.hashedMessage;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [this.hashAlgorithm.toSchema(), this.hashedMessage]
        });
      }
      toJSON() {
        return {
          hashAlgorithm: this.hashAlgorithm.toJSON(),
          hashedMessage: this.hashedMessage.toJSON()
        };
      }
    };
    MessageImprint.CLASS_NAME = "MessageImprint";
    var REQ_CERT = "reqCert";
    var SINGLE_REQUEST_EXTENSIONS = "singleRequestExtensions";
    var CLEAR_PROPS$a = [REQ_CERT, SINGLE_REQUEST_EXTENSIONS];
    var Request = class _Request extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.reqCert = pvutils__namespace.getParametersValue(parameters, REQ_CERT, _Request.defaultValues(REQ_CERT));
        if (SINGLE_REQUEST_EXTENSIONS in parameters) {
          this.singleRequestExtensions = pvutils__namespace.getParametersValue(parameters, SINGLE_REQUEST_EXTENSIONS, _Request.defaultValues(SINGLE_REQUEST_EXTENSIONS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case REQ_CERT:
            return new CertID();
          case SINGLE_REQUEST_EXTENSIONS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case REQ_CERT:
            return memberValue.isEqual(_Request.defaultValues(memberName));
          case SINGLE_REQUEST_EXTENSIONS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            CertID.schema(names.reqCert || {}),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                Extensions.schema(names.extensions || {
                  names: {
                    blockName: names.singleRequestExtensions || EMPTY_STRING
                  }
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$a);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Request.schema({
          names: {
            reqCert: {
              names: {
                blockName: REQ_CERT
              }
            },
            extensions: {
              names: {
                blockName: SINGLE_REQUEST_EXTENSIONS
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.reqCert = new CertID({ schema: asn1.result.reqCert });
        if (SINGLE_REQUEST_EXTENSIONS in asn1.result) {
          this.singleRequestExtensions = Array.from(asn1.result.singleRequestExtensions.valueBlock.value, (element) => new Extension({ schema: element }));
        }
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.reqCert.toSchema());
        if (this.singleRequestExtensions) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [
              new asn1js__namespace.Sequence({
                value: Array.from(this.singleRequestExtensions, (o) => o.toSchema())
              })
            ]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          reqCert: this.reqCert.toJSON()
        };
        if (this.singleRequestExtensions) {
          res.singleRequestExtensions = Array.from(this.singleRequestExtensions, (o) => o.toJSON());
        }
        return res;
      }
    };
    Request.CLASS_NAME = "Request";
    var TBS = "tbs";
    var VERSION$5 = "version";
    var REQUESTOR_NAME = "requestorName";
    var REQUEST_LIST = "requestList";
    var REQUEST_EXTENSIONS = "requestExtensions";
    var TBS_REQUEST$1 = "TBSRequest";
    var TBS_REQUEST_VERSION = `${TBS_REQUEST$1}.${VERSION$5}`;
    var TBS_REQUEST_REQUESTOR_NAME = `${TBS_REQUEST$1}.${REQUESTOR_NAME}`;
    var TBS_REQUEST_REQUESTS = `${TBS_REQUEST$1}.requests`;
    var TBS_REQUEST_REQUEST_EXTENSIONS = `${TBS_REQUEST$1}.${REQUEST_EXTENSIONS}`;
    var CLEAR_PROPS$9 = [TBS_REQUEST$1, TBS_REQUEST_VERSION, TBS_REQUEST_REQUESTOR_NAME, TBS_REQUEST_REQUESTS, TBS_REQUEST_REQUEST_EXTENSIONS];
    var TBSRequest = class _TBSRequest extends PkiObject {
      get tbs() {
        return pvtsutils__namespace.BufferSourceConverter.toArrayBuffer(this.tbsView);
      }
      set tbs(value) {
        this.tbsView = new Uint8Array(value);
      }
      constructor(parameters = {}) {
        super();
        this.tbsView = new Uint8Array(pvutils__namespace.getParametersValue(parameters, TBS, _TBSRequest.defaultValues(TBS)));
        if (VERSION$5 in parameters) {
          this.version = pvutils__namespace.getParametersValue(parameters, VERSION$5, _TBSRequest.defaultValues(VERSION$5));
        }
        if (REQUESTOR_NAME in parameters) {
          this.requestorName = pvutils__namespace.getParametersValue(parameters, REQUESTOR_NAME, _TBSRequest.defaultValues(REQUESTOR_NAME));
        }
        this.requestList = pvutils__namespace.getParametersValue(parameters, REQUEST_LIST, _TBSRequest.defaultValues(REQUEST_LIST));
        if (REQUEST_EXTENSIONS in parameters) {
          this.requestExtensions = pvutils__namespace.getParametersValue(parameters, REQUEST_EXTENSIONS, _TBSRequest.defaultValues(REQUEST_EXTENSIONS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TBS:
            return EMPTY_BUFFER;
          case VERSION$5:
            return 0;
          case REQUESTOR_NAME:
            return new GeneralName();
          case REQUEST_LIST:
          case REQUEST_EXTENSIONS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case TBS:
            return memberValue.byteLength === 0;
          case VERSION$5:
            return memberValue === _TBSRequest.defaultValues(memberName);
          case REQUESTOR_NAME:
            return memberValue.type === GeneralName.defaultValues("type") && Object.keys(memberValue.value).length === 0;
          case REQUEST_LIST:
          case REQUEST_EXTENSIONS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || TBS_REQUEST$1,
          value: [
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Integer({ name: names.TBSRequestVersion || TBS_REQUEST_VERSION })]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [
                GeneralName.schema(names.requestorName || {
                  names: {
                    blockName: TBS_REQUEST_REQUESTOR_NAME
                  }
                })
              ]
            }),
            new asn1js__namespace.Sequence({
              name: names.requestList || "TBSRequest.requestList",
              value: [
                new asn1js__namespace.Repeated({
                  name: names.requests || TBS_REQUEST_REQUESTS,
                  value: Request.schema(names.requestNames || {})
                })
              ]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              value: [
                Extensions.schema(names.extensions || {
                  names: {
                    blockName: names.requestExtensions || TBS_REQUEST_REQUEST_EXTENSIONS
                  }
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$9);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _TBSRequest.schema());
        AsnError.assertSchema(asn1, this.className);
        this.tbsView = asn1.result.TBSRequest.valueBeforeDecodeView;
        if (TBS_REQUEST_VERSION in asn1.result)
          this.version = asn1.result[TBS_REQUEST_VERSION].valueBlock.valueDec;
        if (TBS_REQUEST_REQUESTOR_NAME in asn1.result)
          this.requestorName = new GeneralName({ schema: asn1.result[TBS_REQUEST_REQUESTOR_NAME] });
        this.requestList = Array.from(asn1.result[TBS_REQUEST_REQUESTS], (element) => new Request({ schema: element }));
        if (TBS_REQUEST_REQUEST_EXTENSIONS in asn1.result)
          this.requestExtensions = Array.from(asn1.result[TBS_REQUEST_REQUEST_EXTENSIONS].valueBlock.value, (element) => new Extension({ schema: element }));
      }
      toSchema(encodeFlag = false) {
        let tbsSchema;
        if (encodeFlag === false) {
          if (this.tbsView.byteLength === 0)
            return _TBSRequest.schema();
          const asn1 = asn1js__namespace.fromBER(this.tbsView);
          AsnError.assert(asn1, "TBS Request");
          if (!(asn1.result instanceof asn1js__namespace.Sequence)) {
            throw new Error("ASN.1 result should be SEQUENCE");
          }
          tbsSchema = asn1.result;
        } else {
          const outputArray = [];
          if (this.version !== void 0) {
            outputArray.push(new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [new asn1js__namespace.Integer({ value: this.version })]
            }));
          }
          if (this.requestorName) {
            outputArray.push(new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [this.requestorName.toSchema()]
            }));
          }
          outputArray.push(new asn1js__namespace.Sequence({
            value: Array.from(this.requestList, (o) => o.toSchema())
          }));
          if (this.requestExtensions) {
            outputArray.push(new asn1js__namespace.Constructed({
              idBlock: {
                tagClass: 3,
                tagNumber: 2
              },
              value: [
                new asn1js__namespace.Sequence({
                  value: Array.from(this.requestExtensions, (o) => o.toSchema())
                })
              ]
            }));
          }
          tbsSchema = new asn1js__namespace.Sequence({
            value: outputArray
          });
        }
        return tbsSchema;
      }
      toJSON() {
        const res = {};
        if (this.version != void 0)
          res.version = this.version;
        if (this.requestorName) {
          res.requestorName = this.requestorName.toJSON();
        }
        res.requestList = Array.from(this.requestList, (o) => o.toJSON());
        if (this.requestExtensions) {
          res.requestExtensions = Array.from(this.requestExtensions, (o) => o.toJSON());
        }
        return res;
      }
    };
    TBSRequest.CLASS_NAME = "TBSRequest";
    var SIGNATURE_ALGORITHM$1 = "signatureAlgorithm";
    var SIGNATURE$1 = "signature";
    var CERTS = "certs";
    var Signature = class _Signature extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM$1, _Signature.defaultValues(SIGNATURE_ALGORITHM$1));
        this.signature = pvutils__namespace.getParametersValue(parameters, SIGNATURE$1, _Signature.defaultValues(SIGNATURE$1));
        if (CERTS in parameters) {
          this.certs = pvutils__namespace.getParametersValue(parameters, CERTS, _Signature.defaultValues(CERTS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case SIGNATURE_ALGORITHM$1:
            return new AlgorithmIdentifier();
          case SIGNATURE$1:
            return new asn1js__namespace.BitString();
          case CERTS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case SIGNATURE_ALGORITHM$1:
            return memberValue.algorithmId === EMPTY_STRING && "algorithmParams" in memberValue === false;
          case SIGNATURE$1:
            return memberValue.isEqual(_Signature.defaultValues(memberName));
          case CERTS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            AlgorithmIdentifier.schema(names.signatureAlgorithm || {}),
            new asn1js__namespace.BitString({ name: names.signature || EMPTY_STRING }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                new asn1js__namespace.Sequence({
                  value: [
                    new asn1js__namespace.Repeated({
                      name: names.certs || EMPTY_STRING,
                      value: Certificate.schema({})
                    })
                  ]
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [SIGNATURE_ALGORITHM$1, SIGNATURE$1, CERTS]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _Signature.schema({
          names: {
            signatureAlgorithm: {
              names: {
                blockName: SIGNATURE_ALGORITHM$1
              }
            },
            signature: SIGNATURE$1,
            certs: CERTS
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
        this.signature = asn1.result.signature;
        if (CERTS in asn1.result)
          this.certs = Array.from(asn1.result.certs, (element) => new Certificate({ schema: element }));
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.signatureAlgorithm.toSchema());
        outputArray.push(this.signature);
        if (this.certs) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [
              new asn1js__namespace.Sequence({
                value: Array.from(this.certs, (o) => o.toSchema())
              })
            ]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          signatureAlgorithm: this.signatureAlgorithm.toJSON(),
          signature: this.signature.toJSON()
        };
        if (this.certs) {
          res.certs = Array.from(this.certs, (o) => o.toJSON());
        }
        return res;
      }
    };
    Signature.CLASS_NAME = "Signature";
    var TBS_REQUEST = "tbsRequest";
    var OPTIONAL_SIGNATURE = "optionalSignature";
    var CLEAR_PROPS$8 = [TBS_REQUEST, OPTIONAL_SIGNATURE];
    var OCSPRequest = class _OCSPRequest extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.tbsRequest = pvutils__namespace.getParametersValue(parameters, TBS_REQUEST, _OCSPRequest.defaultValues(TBS_REQUEST));
        if (OPTIONAL_SIGNATURE in parameters) {
          this.optionalSignature = pvutils__namespace.getParametersValue(parameters, OPTIONAL_SIGNATURE, _OCSPRequest.defaultValues(OPTIONAL_SIGNATURE));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TBS_REQUEST:
            return new TBSRequest();
          case OPTIONAL_SIGNATURE:
            return new Signature();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case TBS_REQUEST:
            return TBSRequest.compareWithDefault("tbs", memberValue.tbs) && TBSRequest.compareWithDefault("version", memberValue.version) && TBSRequest.compareWithDefault("requestorName", memberValue.requestorName) && TBSRequest.compareWithDefault("requestList", memberValue.requestList) && TBSRequest.compareWithDefault("requestExtensions", memberValue.requestExtensions);
          case OPTIONAL_SIGNATURE:
            return Signature.compareWithDefault("signatureAlgorithm", memberValue.signatureAlgorithm) && Signature.compareWithDefault("signature", memberValue.signature) && Signature.compareWithDefault("certs", memberValue.certs);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || "OCSPRequest",
          value: [
            TBSRequest.schema(names.tbsRequest || {
              names: {
                blockName: TBS_REQUEST
              }
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                Signature.schema(names.optionalSignature || {
                  names: {
                    blockName: OPTIONAL_SIGNATURE
                  }
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$8);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OCSPRequest.schema());
        AsnError.assertSchema(asn1, this.className);
        this.tbsRequest = new TBSRequest({ schema: asn1.result.tbsRequest });
        if (OPTIONAL_SIGNATURE in asn1.result)
          this.optionalSignature = new Signature({ schema: asn1.result.optionalSignature });
      }
      toSchema(encodeFlag = false) {
        const outputArray = [];
        outputArray.push(this.tbsRequest.toSchema(encodeFlag));
        if (this.optionalSignature)
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [this.optionalSignature.toSchema()]
          }));
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          tbsRequest: this.tbsRequest.toJSON()
        };
        if (this.optionalSignature) {
          res.optionalSignature = this.optionalSignature.toJSON();
        }
        return res;
      }
      async createForCertificate(certificate, parameters, crypto2 = getCrypto(true)) {
        const certID = new CertID();
        await certID.createForCertificate(certificate, parameters, crypto2);
        this.tbsRequest.requestList.push(new Request({
          reqCert: certID
        }));
      }
      async sign(privateKey, hashAlgorithm = "SHA-1", crypto2 = getCrypto(true)) {
        ParameterError.assertEmpty(privateKey, "privateKey", "OCSPRequest.sign method");
        if (!this.optionalSignature) {
          throw new Error('Need to create "optionalSignature" field before signing');
        }
        const signatureParams = await crypto2.getSignatureParameters(privateKey, hashAlgorithm);
        const parameters = signatureParams.parameters;
        this.optionalSignature.signatureAlgorithm = signatureParams.signatureAlgorithm;
        const tbs = this.tbsRequest.toSchema(true).toBER(false);
        const signature = await crypto2.signWithPrivateKey(tbs, privateKey, parameters);
        this.optionalSignature.signature = new asn1js__namespace.BitString({ valueHex: signature });
      }
      verify() {
      }
    };
    OCSPRequest.CLASS_NAME = "OCSPRequest";
    var RESPONSE_TYPE = "responseType";
    var RESPONSE = "response";
    var CLEAR_PROPS$7 = [RESPONSE_TYPE, RESPONSE];
    var ResponseBytes = class _ResponseBytes extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.responseType = pvutils__namespace.getParametersValue(parameters, RESPONSE_TYPE, _ResponseBytes.defaultValues(RESPONSE_TYPE));
        this.response = pvutils__namespace.getParametersValue(parameters, RESPONSE, _ResponseBytes.defaultValues(RESPONSE));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case RESPONSE_TYPE:
            return EMPTY_STRING;
          case RESPONSE:
            return new asn1js__namespace.OctetString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case RESPONSE_TYPE:
            return memberValue === EMPTY_STRING;
          case RESPONSE:
            return memberValue.isEqual(_ResponseBytes.defaultValues(memberName));
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [new asn1js__namespace.ObjectIdentifier({ name: names.responseType || EMPTY_STRING }), new asn1js__namespace.OctetString({ name: names.response || EMPTY_STRING })]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$7);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _ResponseBytes.schema({
          names: {
            responseType: RESPONSE_TYPE,
            response: RESPONSE
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.responseType = asn1.result.responseType.valueBlock.toString();
        this.response = asn1.result.response;
      }
      toSchema() {
        return new asn1js__namespace.Sequence({
          value: [new asn1js__namespace.ObjectIdentifier({ value: this.responseType }), this.response]
        });
      }
      toJSON() {
        return {
          responseType: this.responseType,
          response: this.response.toJSON()
        };
      }
    };
    ResponseBytes.CLASS_NAME = "ResponseBytes";
    var RESPONSE_STATUS = "responseStatus";
    var RESPONSE_BYTES = "responseBytes";
    var OCSPResponse = class _OCSPResponse extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.responseStatus = pvutils__namespace.getParametersValue(parameters, RESPONSE_STATUS, _OCSPResponse.defaultValues(RESPONSE_STATUS));
        if (RESPONSE_BYTES in parameters) {
          this.responseBytes = pvutils__namespace.getParametersValue(parameters, RESPONSE_BYTES, _OCSPResponse.defaultValues(RESPONSE_BYTES));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case RESPONSE_STATUS:
            return new asn1js__namespace.Enumerated();
          case RESPONSE_BYTES:
            return new ResponseBytes();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case RESPONSE_STATUS:
            return memberValue.isEqual(_OCSPResponse.defaultValues(memberName));
          case RESPONSE_BYTES:
            return ResponseBytes.compareWithDefault("responseType", memberValue.responseType) && ResponseBytes.compareWithDefault("response", memberValue.response);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || "OCSPResponse",
          value: [
            new asn1js__namespace.Enumerated({ name: names.responseStatus || RESPONSE_STATUS }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                ResponseBytes.schema(names.responseBytes || {
                  names: {
                    blockName: RESPONSE_BYTES
                  }
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, [RESPONSE_STATUS, RESPONSE_BYTES]);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _OCSPResponse.schema());
        AsnError.assertSchema(asn1, this.className);
        this.responseStatus = asn1.result.responseStatus;
        if (RESPONSE_BYTES in asn1.result)
          this.responseBytes = new ResponseBytes({ schema: asn1.result.responseBytes });
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.responseStatus);
        if (this.responseBytes) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [this.responseBytes.toSchema()]
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          responseStatus: this.responseStatus.toJSON()
        };
        if (this.responseBytes) {
          res.responseBytes = this.responseBytes.toJSON();
        }
        return res;
      }
      async getCertificateStatus(certificate, issuerCertificate, crypto2 = getCrypto(true)) {
        let basicResponse;
        const result = {
          isForCertificate: false,
          status: 2
        };
        if (!this.responseBytes)
          return result;
        if (this.responseBytes.responseType !== id_PKIX_OCSP_Basic)
          return result;
        try {
          const asn1Basic = asn1js__namespace.fromBER(this.responseBytes.response.valueBlock.valueHexView);
          AsnError.assert(asn1Basic, "Basic OCSP response");
          basicResponse = new BasicOCSPResponse({ schema: asn1Basic.result });
        } catch {
          return result;
        }
        return basicResponse.getCertificateStatus(certificate, issuerCertificate, crypto2);
      }
      async sign(privateKey, hashAlgorithm, crypto2 = getCrypto(true)) {
        var _a2;
        if (this.responseBytes && this.responseBytes.responseType === id_PKIX_OCSP_Basic) {
          const basicResponse = BasicOCSPResponse.fromBER(this.responseBytes.response.valueBlock.valueHexView);
          return basicResponse.sign(privateKey, hashAlgorithm, crypto2);
        }
        throw new Error(`Unknown ResponseBytes type: ${((_a2 = this.responseBytes) === null || _a2 === void 0 ? void 0 : _a2.responseType) || "Unknown"}`);
      }
      async verify(issuerCertificate = null, crypto2 = getCrypto(true)) {
        var _a2;
        if (RESPONSE_BYTES in this === false)
          throw new Error("Empty ResponseBytes field");
        if (this.responseBytes && this.responseBytes.responseType === id_PKIX_OCSP_Basic) {
          const basicResponse = BasicOCSPResponse.fromBER(this.responseBytes.response.valueBlock.valueHexView);
          if (issuerCertificate !== null) {
            if (!basicResponse.certs) {
              basicResponse.certs = [];
            }
            basicResponse.certs.push(issuerCertificate);
          }
          return basicResponse.verify({}, crypto2);
        }
        throw new Error(`Unknown ResponseBytes type: ${((_a2 = this.responseBytes) === null || _a2 === void 0 ? void 0 : _a2.responseType) || "Unknown"}`);
      }
    };
    OCSPResponse.CLASS_NAME = "OCSPResponse";
    var TYPE = "type";
    var ATTRIBUTES = "attributes";
    var ENCODED_VALUE = "encodedValue";
    var CLEAR_PROPS$6 = [ATTRIBUTES];
    var SignedAndUnsignedAttributes = class _SignedAndUnsignedAttributes extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.type = pvutils__namespace.getParametersValue(parameters, TYPE, _SignedAndUnsignedAttributes.defaultValues(TYPE));
        this.attributes = pvutils__namespace.getParametersValue(parameters, ATTRIBUTES, _SignedAndUnsignedAttributes.defaultValues(ATTRIBUTES));
        this.encodedValue = pvutils__namespace.getParametersValue(parameters, ENCODED_VALUE, _SignedAndUnsignedAttributes.defaultValues(ENCODED_VALUE));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case TYPE:
            return -1;
          case ATTRIBUTES:
            return [];
          case ENCODED_VALUE:
            return EMPTY_BUFFER;
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case TYPE:
            return memberValue === _SignedAndUnsignedAttributes.defaultValues(TYPE);
          case ATTRIBUTES:
            return memberValue.length === 0;
          case ENCODED_VALUE:
            return memberValue.byteLength === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Constructed({
          name: names.blockName || EMPTY_STRING,
          optional: true,
          idBlock: {
            tagClass: 3,
            tagNumber: names.tagNumber || 0
          },
          value: [
            new asn1js__namespace.Repeated({
              name: names.attributes || EMPTY_STRING,
              value: Attribute.schema()
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$6);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _SignedAndUnsignedAttributes.schema({
          names: {
            tagNumber: this.type,
            attributes: ATTRIBUTES
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.type = asn1.result.idBlock.tagNumber;
        this.encodedValue = pvtsutils__namespace.BufferSourceConverter.toArrayBuffer(asn1.result.valueBeforeDecodeView);
        const encodedView = new Uint8Array(this.encodedValue);
        encodedView[0] = 49;
        if (ATTRIBUTES in asn1.result === false) {
          if (this.type === 0)
            throw new Error("Wrong structure of SignedUnsignedAttributes");
          else
            return;
        }
        this.attributes = Array.from(asn1.result.attributes, (element) => new Attribute({ schema: element }));
      }
      toSchema() {
        if (_SignedAndUnsignedAttributes.compareWithDefault(TYPE, this.type) || _SignedAndUnsignedAttributes.compareWithDefault(ATTRIBUTES, this.attributes))
          throw new Error('Incorrectly initialized "SignedAndUnsignedAttributes" class');
        return new asn1js__namespace.Constructed({
          optional: true,
          idBlock: {
            tagClass: 3,
            tagNumber: this.type
          },
          value: Array.from(this.attributes, (o) => o.toSchema())
        });
      }
      toJSON() {
        if (_SignedAndUnsignedAttributes.compareWithDefault(TYPE, this.type) || _SignedAndUnsignedAttributes.compareWithDefault(ATTRIBUTES, this.attributes))
          throw new Error('Incorrectly initialized "SignedAndUnsignedAttributes" class');
        return {
          type: this.type,
          attributes: Array.from(this.attributes, (o) => o.toJSON())
        };
      }
    };
    SignedAndUnsignedAttributes.CLASS_NAME = "SignedAndUnsignedAttributes";
    var VERSION$4 = "version";
    var SID = "sid";
    var DIGEST_ALGORITHM = "digestAlgorithm";
    var SIGNED_ATTRS = "signedAttrs";
    var SIGNATURE_ALGORITHM = "signatureAlgorithm";
    var SIGNATURE = "signature";
    var UNSIGNED_ATTRS = "unsignedAttrs";
    var SIGNER_INFO = "SignerInfo";
    var SIGNER_INFO_VERSION = `${SIGNER_INFO}.${VERSION$4}`;
    var SIGNER_INFO_SID = `${SIGNER_INFO}.${SID}`;
    var SIGNER_INFO_DIGEST_ALGORITHM = `${SIGNER_INFO}.${DIGEST_ALGORITHM}`;
    var SIGNER_INFO_SIGNED_ATTRS = `${SIGNER_INFO}.${SIGNED_ATTRS}`;
    var SIGNER_INFO_SIGNATURE_ALGORITHM = `${SIGNER_INFO}.${SIGNATURE_ALGORITHM}`;
    var SIGNER_INFO_SIGNATURE = `${SIGNER_INFO}.${SIGNATURE}`;
    var SIGNER_INFO_UNSIGNED_ATTRS = `${SIGNER_INFO}.${UNSIGNED_ATTRS}`;
    var CLEAR_PROPS$5 = [SIGNER_INFO_VERSION, SIGNER_INFO_SID, SIGNER_INFO_DIGEST_ALGORITHM, SIGNER_INFO_SIGNED_ATTRS, SIGNER_INFO_SIGNATURE_ALGORITHM, SIGNER_INFO_SIGNATURE, SIGNER_INFO_UNSIGNED_ATTRS];
    var SignerInfo = class _SignerInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$4, _SignerInfo.defaultValues(VERSION$4));
        this.sid = pvutils__namespace.getParametersValue(parameters, SID, _SignerInfo.defaultValues(SID));
        this.digestAlgorithm = pvutils__namespace.getParametersValue(parameters, DIGEST_ALGORITHM, _SignerInfo.defaultValues(DIGEST_ALGORITHM));
        if (SIGNED_ATTRS in parameters) {
          this.signedAttrs = pvutils__namespace.getParametersValue(parameters, SIGNED_ATTRS, _SignerInfo.defaultValues(SIGNED_ATTRS));
        }
        this.signatureAlgorithm = pvutils__namespace.getParametersValue(parameters, SIGNATURE_ALGORITHM, _SignerInfo.defaultValues(SIGNATURE_ALGORITHM));
        this.signature = pvutils__namespace.getParametersValue(parameters, SIGNATURE, _SignerInfo.defaultValues(SIGNATURE));
        if (UNSIGNED_ATTRS in parameters) {
          this.unsignedAttrs = pvutils__namespace.getParametersValue(parameters, UNSIGNED_ATTRS, _SignerInfo.defaultValues(UNSIGNED_ATTRS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$4:
            return 0;
          case SID:
            return new asn1js__namespace.Any();
          case DIGEST_ALGORITHM:
            return new AlgorithmIdentifier();
          case SIGNED_ATTRS:
            return new SignedAndUnsignedAttributes({ type: 0 });
          case SIGNATURE_ALGORITHM:
            return new AlgorithmIdentifier();
          case SIGNATURE:
            return new asn1js__namespace.OctetString();
          case UNSIGNED_ATTRS:
            return new SignedAndUnsignedAttributes({ type: 1 });
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$4:
            return _SignerInfo.defaultValues(VERSION$4) === memberValue;
          case SID:
            return memberValue instanceof asn1js__namespace.Any;
          case DIGEST_ALGORITHM:
            if (memberValue instanceof AlgorithmIdentifier === false)
              return false;
            return memberValue.isEqual(_SignerInfo.defaultValues(DIGEST_ALGORITHM));
          case SIGNED_ATTRS:
            return SignedAndUnsignedAttributes.compareWithDefault("type", memberValue.type) && SignedAndUnsignedAttributes.compareWithDefault("attributes", memberValue.attributes) && SignedAndUnsignedAttributes.compareWithDefault("encodedValue", memberValue.encodedValue);
          case SIGNATURE_ALGORITHM:
            if (memberValue instanceof AlgorithmIdentifier === false)
              return false;
            return memberValue.isEqual(_SignerInfo.defaultValues(SIGNATURE_ALGORITHM));
          case SIGNATURE:
          case UNSIGNED_ATTRS:
            return SignedAndUnsignedAttributes.compareWithDefault("type", memberValue.type) && SignedAndUnsignedAttributes.compareWithDefault("attributes", memberValue.attributes) && SignedAndUnsignedAttributes.compareWithDefault("encodedValue", memberValue.encodedValue);
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: SIGNER_INFO,
          value: [
            new asn1js__namespace.Integer({ name: names.version || SIGNER_INFO_VERSION }),
            new asn1js__namespace.Choice({
              value: [
                IssuerAndSerialNumber.schema(names.sidSchema || {
                  names: {
                    blockName: SIGNER_INFO_SID
                  }
                }),
                new asn1js__namespace.Choice({
                  value: [
                    new asn1js__namespace.Constructed({
                      optional: true,
                      name: names.sid || SIGNER_INFO_SID,
                      idBlock: {
                        tagClass: 3,
                        tagNumber: 0
                      },
                      value: [new asn1js__namespace.OctetString()]
                    }),
                    new asn1js__namespace.Primitive({
                      optional: true,
                      name: names.sid || SIGNER_INFO_SID,
                      idBlock: {
                        tagClass: 3,
                        tagNumber: 0
                      }
                    })
                  ]
                })
              ]
            }),
            AlgorithmIdentifier.schema(names.digestAlgorithm || {
              names: {
                blockName: SIGNER_INFO_DIGEST_ALGORITHM
              }
            }),
            SignedAndUnsignedAttributes.schema(names.signedAttrs || {
              names: {
                blockName: SIGNER_INFO_SIGNED_ATTRS,
                tagNumber: 0
              }
            }),
            AlgorithmIdentifier.schema(names.signatureAlgorithm || {
              names: {
                blockName: SIGNER_INFO_SIGNATURE_ALGORITHM
              }
            }),
            new asn1js__namespace.OctetString({ name: names.signature || SIGNER_INFO_SIGNATURE }),
            SignedAndUnsignedAttributes.schema(names.unsignedAttrs || {
              names: {
                blockName: SIGNER_INFO_UNSIGNED_ATTRS,
                tagNumber: 1
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$5);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _SignerInfo.schema());
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result[SIGNER_INFO_VERSION].valueBlock.valueDec;
        const currentSid = asn1.result[SIGNER_INFO_SID];
        if (currentSid.idBlock.tagClass === 1)
          this.sid = new IssuerAndSerialNumber({ schema: currentSid });
        else
          this.sid = currentSid;
        this.digestAlgorithm = new AlgorithmIdentifier({
          schema: asn1.result[SIGNER_INFO_DIGEST_ALGORITHM]
        });
        if (SIGNER_INFO_SIGNED_ATTRS in asn1.result)
          this.signedAttrs = new SignedAndUnsignedAttributes({
            type: 0,
            schema: asn1.result[SIGNER_INFO_SIGNED_ATTRS]
          });
        this.signatureAlgorithm = new AlgorithmIdentifier({
          schema: asn1.result[SIGNER_INFO_SIGNATURE_ALGORITHM]
        });
        this.signature = asn1.result[SIGNER_INFO_SIGNATURE];
        if (SIGNER_INFO_UNSIGNED_ATTRS in asn1.result)
          this.unsignedAttrs = new SignedAndUnsignedAttributes({
            type: 1,
            schema: asn1.result[SIGNER_INFO_UNSIGNED_ATTRS]
          });
      }
      toSchema() {
        if (_SignerInfo.compareWithDefault(SID, this.sid))
          throw new Error('Incorrectly initialized "SignerInfo" class');
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        if (this.sid instanceof IssuerAndSerialNumber)
          outputArray.push(this.sid.toSchema());
        else
          outputArray.push(this.sid);
        outputArray.push(this.digestAlgorithm.toSchema());
        if (this.signedAttrs) {
          if (_SignerInfo.compareWithDefault(SIGNED_ATTRS, this.signedAttrs) === false)
            outputArray.push(this.signedAttrs.toSchema());
        }
        outputArray.push(this.signatureAlgorithm.toSchema());
        outputArray.push(this.signature);
        if (this.unsignedAttrs) {
          if (_SignerInfo.compareWithDefault(UNSIGNED_ATTRS, this.unsignedAttrs) === false)
            outputArray.push(this.unsignedAttrs.toSchema());
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        if (_SignerInfo.compareWithDefault(SID, this.sid)) {
          throw new Error('Incorrectly initialized "SignerInfo" class');
        }
        const res = {
          version: this.version,
          digestAlgorithm: this.digestAlgorithm.toJSON(),
          signatureAlgorithm: this.signatureAlgorithm.toJSON(),
          signature: this.signature.toJSON()
        };
        if (!(this.sid instanceof asn1js__namespace.Any))
          res.sid = this.sid.toJSON();
        if (this.signedAttrs && _SignerInfo.compareWithDefault(SIGNED_ATTRS, this.signedAttrs) === false) {
          res.signedAttrs = this.signedAttrs.toJSON();
        }
        if (this.unsignedAttrs && _SignerInfo.compareWithDefault(UNSIGNED_ATTRS, this.unsignedAttrs) === false) {
          res.unsignedAttrs = this.unsignedAttrs.toJSON();
        }
        return res;
      }
    };
    SignerInfo.CLASS_NAME = "SignerInfo";
    var VERSION$3 = "version";
    var POLICY = "policy";
    var MESSAGE_IMPRINT$1 = "messageImprint";
    var SERIAL_NUMBER = "serialNumber";
    var GEN_TIME = "genTime";
    var ORDERING = "ordering";
    var NONCE$1 = "nonce";
    var ACCURACY = "accuracy";
    var TSA = "tsa";
    var EXTENSIONS$1 = "extensions";
    var TST_INFO = "TSTInfo";
    var TST_INFO_VERSION = `${TST_INFO}.${VERSION$3}`;
    var TST_INFO_POLICY = `${TST_INFO}.${POLICY}`;
    var TST_INFO_MESSAGE_IMPRINT = `${TST_INFO}.${MESSAGE_IMPRINT$1}`;
    var TST_INFO_SERIAL_NUMBER = `${TST_INFO}.${SERIAL_NUMBER}`;
    var TST_INFO_GEN_TIME = `${TST_INFO}.${GEN_TIME}`;
    var TST_INFO_ACCURACY = `${TST_INFO}.${ACCURACY}`;
    var TST_INFO_ORDERING = `${TST_INFO}.${ORDERING}`;
    var TST_INFO_NONCE = `${TST_INFO}.${NONCE$1}`;
    var TST_INFO_TSA = `${TST_INFO}.${TSA}`;
    var TST_INFO_EXTENSIONS = `${TST_INFO}.${EXTENSIONS$1}`;
    var CLEAR_PROPS$4 = [
      TST_INFO_VERSION,
      TST_INFO_POLICY,
      TST_INFO_MESSAGE_IMPRINT,
      TST_INFO_SERIAL_NUMBER,
      TST_INFO_GEN_TIME,
      TST_INFO_ACCURACY,
      TST_INFO_ORDERING,
      TST_INFO_NONCE,
      TST_INFO_TSA,
      TST_INFO_EXTENSIONS
    ];
    var TSTInfo = class _TSTInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$3, _TSTInfo.defaultValues(VERSION$3));
        this.policy = pvutils__namespace.getParametersValue(parameters, POLICY, _TSTInfo.defaultValues(POLICY));
        this.messageImprint = pvutils__namespace.getParametersValue(parameters, MESSAGE_IMPRINT$1, _TSTInfo.defaultValues(MESSAGE_IMPRINT$1));
        this.serialNumber = pvutils__namespace.getParametersValue(parameters, SERIAL_NUMBER, _TSTInfo.defaultValues(SERIAL_NUMBER));
        this.genTime = pvutils__namespace.getParametersValue(parameters, GEN_TIME, _TSTInfo.defaultValues(GEN_TIME));
        if (ACCURACY in parameters) {
          this.accuracy = pvutils__namespace.getParametersValue(parameters, ACCURACY, _TSTInfo.defaultValues(ACCURACY));
        }
        if (ORDERING in parameters) {
          this.ordering = pvutils__namespace.getParametersValue(parameters, ORDERING, _TSTInfo.defaultValues(ORDERING));
        }
        if (NONCE$1 in parameters) {
          this.nonce = pvutils__namespace.getParametersValue(parameters, NONCE$1, _TSTInfo.defaultValues(NONCE$1));
        }
        if (TSA in parameters) {
          this.tsa = pvutils__namespace.getParametersValue(parameters, TSA, _TSTInfo.defaultValues(TSA));
        }
        if (EXTENSIONS$1 in parameters) {
          this.extensions = pvutils__namespace.getParametersValue(parameters, EXTENSIONS$1, _TSTInfo.defaultValues(EXTENSIONS$1));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$3:
            return 0;
          case POLICY:
            return EMPTY_STRING;
          case MESSAGE_IMPRINT$1:
            return new MessageImprint();
          case SERIAL_NUMBER:
            return new asn1js__namespace.Integer();
          case GEN_TIME:
            return new Date(0, 0, 0);
          case ACCURACY:
            return new Accuracy();
          case ORDERING:
            return false;
          case NONCE$1:
            return new asn1js__namespace.Integer();
          case TSA:
            return new GeneralName();
          case EXTENSIONS$1:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$3:
          case POLICY:
          case GEN_TIME:
          case ORDERING:
            return memberValue === _TSTInfo.defaultValues(ORDERING);
          case MESSAGE_IMPRINT$1:
            return MessageImprint.compareWithDefault(HASH_ALGORITHM, memberValue.hashAlgorithm) && MessageImprint.compareWithDefault(HASHED_MESSAGE, memberValue.hashedMessage);
          case SERIAL_NUMBER:
          case NONCE$1:
            return memberValue.isEqual(_TSTInfo.defaultValues(NONCE$1));
          case ACCURACY:
            return Accuracy.compareWithDefault(SECONDS, memberValue.seconds) && Accuracy.compareWithDefault(MILLIS, memberValue.millis) && Accuracy.compareWithDefault(MICROS, memberValue.micros);
          case TSA:
            return GeneralName.compareWithDefault(TYPE$4, memberValue.type) && GeneralName.compareWithDefault(VALUE$5, memberValue.value);
          case EXTENSIONS$1:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || TST_INFO,
          value: [
            new asn1js__namespace.Integer({ name: names.version || TST_INFO_VERSION }),
            new asn1js__namespace.ObjectIdentifier({ name: names.policy || TST_INFO_POLICY }),
            MessageImprint.schema(names.messageImprint || {
              names: {
                blockName: TST_INFO_MESSAGE_IMPRINT
              }
            }),
            new asn1js__namespace.Integer({ name: names.serialNumber || TST_INFO_SERIAL_NUMBER }),
            new asn1js__namespace.GeneralizedTime({ name: names.genTime || TST_INFO_GEN_TIME }),
            Accuracy.schema(names.accuracy || {
              names: {
                blockName: TST_INFO_ACCURACY
              }
            }),
            new asn1js__namespace.Boolean({
              name: names.ordering || TST_INFO_ORDERING,
              optional: true
            }),
            new asn1js__namespace.Integer({
              name: names.nonce || TST_INFO_NONCE,
              optional: true
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                GeneralName.schema(names.tsa || {
                  names: {
                    blockName: TST_INFO_TSA
                  }
                })
              ]
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.extensions || TST_INFO_EXTENSIONS,
                  value: Extension.schema(names.extension || {})
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$4);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _TSTInfo.schema());
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result[TST_INFO_VERSION].valueBlock.valueDec;
        this.policy = asn1.result[TST_INFO_POLICY].valueBlock.toString();
        this.messageImprint = new MessageImprint({ schema: asn1.result[TST_INFO_MESSAGE_IMPRINT] });
        this.serialNumber = asn1.result[TST_INFO_SERIAL_NUMBER];
        this.genTime = asn1.result[TST_INFO_GEN_TIME].toDate();
        if (TST_INFO_ACCURACY in asn1.result)
          this.accuracy = new Accuracy({ schema: asn1.result[TST_INFO_ACCURACY] });
        if (TST_INFO_ORDERING in asn1.result)
          this.ordering = asn1.result[TST_INFO_ORDERING].valueBlock.value;
        if (TST_INFO_NONCE in asn1.result)
          this.nonce = asn1.result[TST_INFO_NONCE];
        if (TST_INFO_TSA in asn1.result)
          this.tsa = new GeneralName({ schema: asn1.result[TST_INFO_TSA] });
        if (TST_INFO_EXTENSIONS in asn1.result)
          this.extensions = Array.from(asn1.result[TST_INFO_EXTENSIONS], (element) => new Extension({ schema: element }));
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.policy }));
        outputArray.push(this.messageImprint.toSchema());
        outputArray.push(this.serialNumber);
        outputArray.push(new asn1js__namespace.GeneralizedTime({ valueDate: this.genTime }));
        if (this.accuracy)
          outputArray.push(this.accuracy.toSchema());
        if (this.ordering !== void 0)
          outputArray.push(new asn1js__namespace.Boolean({ value: this.ordering }));
        if (this.nonce)
          outputArray.push(this.nonce);
        if (this.tsa) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: [this.tsa.toSchema()]
          }));
        }
        if (this.extensions) {
          outputArray.push(new asn1js__namespace.Constructed({
            optional: true,
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: Array.from(this.extensions, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          version: this.version,
          policy: this.policy,
          messageImprint: this.messageImprint.toJSON(),
          serialNumber: this.serialNumber.toJSON(),
          genTime: this.genTime
        };
        if (this.accuracy)
          res.accuracy = this.accuracy.toJSON();
        if (this.ordering !== void 0)
          res.ordering = this.ordering;
        if (this.nonce)
          res.nonce = this.nonce.toJSON();
        if (this.tsa)
          res.tsa = this.tsa.toJSON();
        if (this.extensions)
          res.extensions = Array.from(this.extensions, (o) => o.toJSON());
        return res;
      }
      async verify(params, crypto2 = getCrypto(true)) {
        if (!params.data) {
          throw new Error('"data" is a mandatory attribute for TST_INFO verification');
        }
        const data = params.data;
        if (params.notBefore) {
          if (this.genTime < params.notBefore)
            throw new Error("Generation time for TSTInfo object is less than notBefore value");
        }
        if (params.notAfter) {
          if (this.genTime > params.notAfter)
            throw new Error("Generation time for TSTInfo object is more than notAfter value");
        }
        const shaAlgorithm = crypto2.getAlgorithmByOID(this.messageImprint.hashAlgorithm.algorithmId, true, "MessageImprint.hashAlgorithm");
        const hash = await crypto2.digest(shaAlgorithm.name, new Uint8Array(data));
        return pvtsutils__namespace.BufferSourceConverter.isEqual(hash, this.messageImprint.hashedMessage.valueBlock.valueHexView);
      }
    };
    TSTInfo.CLASS_NAME = "TSTInfo";
    var VERSION$2 = "version";
    var DIGEST_ALGORITHMS = "digestAlgorithms";
    var ENCAP_CONTENT_INFO = "encapContentInfo";
    var CERTIFICATES = "certificates";
    var CRLS = "crls";
    var SIGNER_INFOS = "signerInfos";
    var OCSPS = "ocsps";
    var SIGNED_DATA = "SignedData";
    var SIGNED_DATA_VERSION = `${SIGNED_DATA}.${VERSION$2}`;
    var SIGNED_DATA_DIGEST_ALGORITHMS = `${SIGNED_DATA}.${DIGEST_ALGORITHMS}`;
    var SIGNED_DATA_ENCAP_CONTENT_INFO = `${SIGNED_DATA}.${ENCAP_CONTENT_INFO}`;
    var SIGNED_DATA_CERTIFICATES = `${SIGNED_DATA}.${CERTIFICATES}`;
    var SIGNED_DATA_CRLS = `${SIGNED_DATA}.${CRLS}`;
    var SIGNED_DATA_SIGNER_INFOS = `${SIGNED_DATA}.${SIGNER_INFOS}`;
    var CLEAR_PROPS$3 = [SIGNED_DATA_VERSION, SIGNED_DATA_DIGEST_ALGORITHMS, SIGNED_DATA_ENCAP_CONTENT_INFO, SIGNED_DATA_CERTIFICATES, SIGNED_DATA_CRLS, SIGNED_DATA_SIGNER_INFOS];
    var SignedDataVerifyError = class extends Error {
      constructor({ message, code = 0, date = /* @__PURE__ */ new Date(), signatureVerified = null, signerCertificate = null, signerCertificateVerified = null, timestampSerial = null, certificatePath = [] }) {
        super(message);
        this.name = "SignedDataVerifyError";
        this.date = date;
        this.code = code;
        this.timestampSerial = timestampSerial;
        this.signatureVerified = signatureVerified;
        this.signerCertificate = signerCertificate;
        this.signerCertificateVerified = signerCertificateVerified;
        this.certificatePath = certificatePath;
      }
    };
    var SignedData = class _SignedData extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$2, _SignedData.defaultValues(VERSION$2));
        this.digestAlgorithms = pvutils__namespace.getParametersValue(parameters, DIGEST_ALGORITHMS, _SignedData.defaultValues(DIGEST_ALGORITHMS));
        this.encapContentInfo = pvutils__namespace.getParametersValue(parameters, ENCAP_CONTENT_INFO, _SignedData.defaultValues(ENCAP_CONTENT_INFO));
        if (CERTIFICATES in parameters) {
          this.certificates = pvutils__namespace.getParametersValue(parameters, CERTIFICATES, _SignedData.defaultValues(CERTIFICATES));
        }
        if (CRLS in parameters) {
          this.crls = pvutils__namespace.getParametersValue(parameters, CRLS, _SignedData.defaultValues(CRLS));
        }
        if (OCSPS in parameters) {
          this.ocsps = pvutils__namespace.getParametersValue(parameters, OCSPS, _SignedData.defaultValues(OCSPS));
        }
        this.signerInfos = pvutils__namespace.getParametersValue(parameters, SIGNER_INFOS, _SignedData.defaultValues(SIGNER_INFOS));
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$2:
            return 0;
          case DIGEST_ALGORITHMS:
            return [];
          case ENCAP_CONTENT_INFO:
            return new EncapsulatedContentInfo();
          case CERTIFICATES:
            return [];
          case CRLS:
            return [];
          case OCSPS:
            return [];
          case SIGNER_INFOS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$2:
            return memberValue === _SignedData.defaultValues(VERSION$2);
          case ENCAP_CONTENT_INFO:
            return EncapsulatedContentInfo.compareWithDefault("eContentType", memberValue.eContentType) && EncapsulatedContentInfo.compareWithDefault("eContent", memberValue.eContent);
          case DIGEST_ALGORITHMS:
          case CERTIFICATES:
          case CRLS:
          case OCSPS:
          case SIGNER_INFOS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        if (names.optional === void 0) {
          names.optional = false;
        }
        return new asn1js__namespace.Sequence({
          name: names.blockName || SIGNED_DATA,
          optional: names.optional,
          value: [
            new asn1js__namespace.Integer({ name: names.version || SIGNED_DATA_VERSION }),
            new asn1js__namespace.Set({
              value: [
                new asn1js__namespace.Repeated({
                  name: names.digestAlgorithms || SIGNED_DATA_DIGEST_ALGORITHMS,
                  value: AlgorithmIdentifier.schema()
                })
              ]
            }),
            EncapsulatedContentInfo.schema(names.encapContentInfo || {
              names: {
                blockName: SIGNED_DATA_ENCAP_CONTENT_INFO
              }
            }),
            new asn1js__namespace.Constructed({
              name: names.certificates || SIGNED_DATA_CERTIFICATES,
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: CertificateSet.schema().valueBlock.value
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 1
              },
              value: RevocationInfoChoices.schema(names.crls || {
                names: {
                  crls: SIGNED_DATA_CRLS
                }
              }).valueBlock.value
            }),
            new asn1js__namespace.Set({
              value: [
                new asn1js__namespace.Repeated({
                  name: names.signerInfos || SIGNED_DATA_SIGNER_INFOS,
                  value: SignerInfo.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$3);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _SignedData.schema());
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result[SIGNED_DATA_VERSION].valueBlock.valueDec;
        if (SIGNED_DATA_DIGEST_ALGORITHMS in asn1.result)
          this.digestAlgorithms = Array.from(asn1.result[SIGNED_DATA_DIGEST_ALGORITHMS], (algorithm) => new AlgorithmIdentifier({ schema: algorithm }));
        this.encapContentInfo = new EncapsulatedContentInfo({
          schema: asn1.result[SIGNED_DATA_ENCAP_CONTENT_INFO]
        });
        if (SIGNED_DATA_CERTIFICATES in asn1.result) {
          const certificateSet = new CertificateSet({
            schema: new asn1js__namespace.Set({
              value: asn1.result[SIGNED_DATA_CERTIFICATES].valueBlock.value
            })
          });
          this.certificates = certificateSet.certificates.slice(0);
        }
        if (SIGNED_DATA_CRLS in asn1.result) {
          this.crls = Array.from(asn1.result[SIGNED_DATA_CRLS], (crl) => {
            if (crl.idBlock.tagClass === 1)
              return new CertificateRevocationList({ schema: crl });
            crl.idBlock.tagClass = 1;
            crl.idBlock.tagNumber = 16;
            return new OtherRevocationInfoFormat({ schema: crl });
          });
        }
        if (SIGNED_DATA_SIGNER_INFOS in asn1.result)
          this.signerInfos = Array.from(asn1.result[SIGNED_DATA_SIGNER_INFOS], (signerInfoSchema) => new SignerInfo({ schema: signerInfoSchema }));
      }
      toSchema(encodeFlag = false) {
        const outputArray = [];
        if (this.certificates && this.certificates.length && this.certificates.some((o) => o instanceof OtherCertificateFormat) || this.crls && this.crls.length && this.crls.some((o) => o instanceof OtherRevocationInfoFormat)) {
          this.version = 5;
        } else if (this.certificates && this.certificates.length && this.certificates.some((o) => o instanceof AttributeCertificateV2)) {
          this.version = 4;
        } else if (this.certificates && this.certificates.length && this.certificates.some((o) => o instanceof AttributeCertificateV1) || this.signerInfos.some((o) => o.version === 3) || this.encapContentInfo.eContentType !== _SignedData.ID_DATA) {
          this.version = 3;
        } else {
          this.version = 1;
        }
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        outputArray.push(new asn1js__namespace.Set({
          value: Array.from(this.digestAlgorithms, (algorithm) => algorithm.toSchema())
        }));
        outputArray.push(this.encapContentInfo.toSchema());
        if (this.certificates) {
          const certificateSet = new CertificateSet({ certificates: this.certificates });
          const certificateSetSchema = certificateSet.toSchema();
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: certificateSetSchema.valueBlock.value
          }));
        }
        if (this.crls) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 1
            },
            value: Array.from(this.crls, (crl) => {
              if (crl instanceof OtherRevocationInfoFormat) {
                const crlSchema = crl.toSchema();
                crlSchema.idBlock.tagClass = 3;
                crlSchema.idBlock.tagNumber = 1;
                return crlSchema;
              }
              return crl.toSchema(encodeFlag);
            })
          }));
        }
        outputArray.push(new asn1js__namespace.Set({
          value: Array.from(this.signerInfos, (signerInfo) => signerInfo.toSchema())
        }));
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          version: this.version,
          digestAlgorithms: Array.from(this.digestAlgorithms, (algorithm) => algorithm.toJSON()),
          encapContentInfo: this.encapContentInfo.toJSON(),
          signerInfos: Array.from(this.signerInfos, (signerInfo) => signerInfo.toJSON())
        };
        if (this.certificates) {
          res.certificates = Array.from(this.certificates, (certificate) => certificate.toJSON());
        }
        if (this.crls) {
          res.crls = Array.from(this.crls, (crl) => crl.toJSON());
        }
        return res;
      }
      async verify({ signer = -1, data = EMPTY_BUFFER, trustedCerts = [], checkDate = /* @__PURE__ */ new Date(), checkChain = false, passedWhenNotRevValues = false, extendedMode = false, findOrigin = null, findIssuer = null } = {}, crypto2 = getCrypto(true)) {
        let signerCert = null;
        let timestampSerial = null;
        try {
          let messageDigestValue = EMPTY_BUFFER;
          let shaAlgorithm = EMPTY_STRING;
          let certificatePath = [];
          const signerInfo = this.signerInfos[signer];
          if (!signerInfo) {
            throw new SignedDataVerifyError({
              date: checkDate,
              code: 1,
              message: "Unable to get signer by supplied index"
            });
          }
          if (!this.certificates) {
            throw new SignedDataVerifyError({
              date: checkDate,
              code: 2,
              message: "No certificates attached to this signed data"
            });
          }
          if (signerInfo.sid instanceof IssuerAndSerialNumber) {
            for (const certificate of this.certificates) {
              if (!(certificate instanceof Certificate))
                continue;
              if (certificate.issuer.isEqual(signerInfo.sid.issuer) && certificate.serialNumber.isEqual(signerInfo.sid.serialNumber)) {
                signerCert = certificate;
                break;
              }
            }
          } else {
            const sid = signerInfo.sid;
            const keyId = sid.idBlock.isConstructed ? sid.valueBlock.value[0].valueBlock.valueHex : sid.valueBlock.valueHex;
            for (const certificate of this.certificates) {
              if (!(certificate instanceof Certificate)) {
                continue;
              }
              const digest = await crypto2.digest({ name: "sha-1" }, certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
              if (pvutils__namespace.isEqualBuffer(digest, keyId)) {
                signerCert = certificate;
                break;
              }
            }
          }
          if (!signerCert) {
            throw new SignedDataVerifyError({
              date: checkDate,
              code: 3,
              message: "Unable to find signer certificate"
            });
          }
          if (this.encapContentInfo.eContentType === id_eContentType_TSTInfo) {
            if (!this.encapContentInfo.eContent) {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 15,
                message: "Error during verification: TSTInfo eContent is empty",
                signatureVerified: null,
                signerCertificate: signerCert,
                timestampSerial,
                signerCertificateVerified: true
              });
            }
            let tstInfo;
            try {
              tstInfo = TSTInfo.fromBER(this.encapContentInfo.eContent.valueBlock.valueHexView);
            } catch {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 15,
                message: "Error during verification: TSTInfo wrong ASN.1 schema ",
                signatureVerified: null,
                signerCertificate: signerCert,
                timestampSerial,
                signerCertificateVerified: true
              });
            }
            checkDate = tstInfo.genTime;
            timestampSerial = tstInfo.serialNumber.valueBlock.valueHexView.slice().buffer;
            if (data.byteLength === 0) {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 4,
                message: "Missed detached data input array"
              });
            }
            if (!await tstInfo.verify({ data }, crypto2)) {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 15,
                message: "Error during verification: TSTInfo verification is failed",
                signatureVerified: false,
                signerCertificate: signerCert,
                timestampSerial,
                signerCertificateVerified: true
              });
            }
          }
          if (checkChain) {
            const certs = this.certificates.filter((certificate) => certificate instanceof Certificate && !!checkCA(certificate, signerCert));
            const chainParams = {
              checkDate,
              certs,
              trustedCerts
            };
            if (findIssuer) {
              chainParams.findIssuer = findIssuer;
            }
            if (findOrigin) {
              chainParams.findOrigin = findOrigin;
            }
            const chainEngine = new CertificateChainValidationEngine(chainParams);
            chainEngine.certs.push(signerCert);
            if (this.crls) {
              for (const crl of this.crls) {
                if ("thisUpdate" in crl)
                  chainEngine.crls.push(crl);
                else {
                  if (crl.otherRevInfoFormat === id_PKIX_OCSP_Basic)
                    chainEngine.ocsps.push(new BasicOCSPResponse({ schema: crl.otherRevInfo }));
                }
              }
            }
            if (this.ocsps) {
              chainEngine.ocsps.push(...this.ocsps);
            }
            const verificationResult = await chainEngine.verify({ passedWhenNotRevValues }, crypto2).catch((e) => {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 5,
                message: `Validation of signer's certificate failed with error: ${e instanceof Object ? e.resultMessage : e}`,
                signerCertificate: signerCert,
                signerCertificateVerified: false
              });
            });
            if (verificationResult.certificatePath) {
              certificatePath = verificationResult.certificatePath;
            }
            if (!verificationResult.result)
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 5,
                message: `Validation of signer's certificate failed: ${verificationResult.resultMessage}`,
                signerCertificate: signerCert,
                signerCertificateVerified: false
              });
          }
          const signerInfoHashAlgorithm = crypto2.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId);
          if (!("name" in signerInfoHashAlgorithm)) {
            throw new SignedDataVerifyError({
              date: checkDate,
              code: 7,
              message: `Unsupported signature algorithm: ${signerInfo.digestAlgorithm.algorithmId}`,
              signerCertificate: signerCert,
              signerCertificateVerified: true
            });
          }
          shaAlgorithm = signerInfoHashAlgorithm.name;
          const eContent = this.encapContentInfo.eContent;
          if (eContent) {
            if (eContent.idBlock.tagClass === 1 && eContent.idBlock.tagNumber === 4) {
              data = eContent.getValue();
            } else
              data = eContent.valueBlock.valueBeforeDecodeView.slice().buffer;
          } else {
            if (data.byteLength === 0) {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 8,
                message: "Missed detached data input array",
                signerCertificate: signerCert,
                signerCertificateVerified: true
              });
            }
          }
          if (signerInfo.signedAttrs) {
            let foundContentType = false;
            let foundMessageDigest = false;
            for (const attribute of signerInfo.signedAttrs.attributes) {
              if (attribute.type === "1.2.840.113549.1.9.3")
                foundContentType = true;
              if (attribute.type === "1.2.840.113549.1.9.4") {
                foundMessageDigest = true;
                messageDigestValue = attribute.values[0].valueBlock.valueHex;
              }
              if (foundContentType && foundMessageDigest)
                break;
            }
            if (foundContentType === false) {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 9,
                message: 'Attribute "content-type" is a mandatory attribute for "signed attributes"',
                signerCertificate: signerCert,
                signerCertificateVerified: true
              });
            }
            if (foundMessageDigest === false) {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 10,
                message: 'Attribute "message-digest" is a mandatory attribute for "signed attributes"',
                signatureVerified: null,
                signerCertificate: signerCert,
                signerCertificateVerified: true
              });
            }
          }
          if (signerInfo.signedAttrs) {
            const messageDigest = await crypto2.digest(shaAlgorithm, new Uint8Array(data));
            if (!pvutils__namespace.isEqualBuffer(messageDigest, messageDigestValue)) {
              throw new SignedDataVerifyError({
                date: checkDate,
                code: 15,
                message: "Error during verification: Message digest doesn't match",
                signatureVerified: null,
                signerCertificate: signerCert,
                timestampSerial,
                signerCertificateVerified: true
              });
            }
            data = signerInfo.signedAttrs.encodedValue;
          }
          const verifyResult = signerInfo.signatureAlgorithm.algorithmId === "1.2.840.113549.1.1.1" ? await crypto2.verifyWithPublicKey(data, signerInfo.signature, signerCert.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, shaAlgorithm) : await crypto2.verifyWithPublicKey(data, signerInfo.signature, signerCert.subjectPublicKeyInfo, signerInfo.signatureAlgorithm);
          if (extendedMode) {
            return {
              date: checkDate,
              code: 14,
              message: EMPTY_STRING,
              signatureVerified: verifyResult,
              signerCertificate: signerCert,
              timestampSerial,
              signerCertificateVerified: true,
              certificatePath
            };
          } else {
            return verifyResult;
          }
        } catch (e) {
          if (e instanceof SignedDataVerifyError) {
            throw e;
          }
          throw new SignedDataVerifyError({
            date: checkDate,
            code: 15,
            message: `Error during verification: ${e instanceof Error ? e.message : e}`,
            signatureVerified: null,
            signerCertificate: signerCert,
            timestampSerial,
            signerCertificateVerified: true
          });
        }
      }
      async sign(privateKey, signerIndex, hashAlgorithm = "SHA-1", data = EMPTY_BUFFER, crypto2 = getCrypto(true)) {
        var _a2;
        if (!privateKey)
          throw new Error("Need to provide a private key for signing");
        const signerInfo = this.signerInfos[signerIndex];
        if (!signerInfo) {
          throw new RangeError("SignerInfo index is out of range");
        }
        if (!((_a2 = signerInfo.signedAttrs) === null || _a2 === void 0 ? void 0 : _a2.attributes.length) && "hash" in privateKey.algorithm && "hash" in privateKey.algorithm && privateKey.algorithm.hash) {
          hashAlgorithm = privateKey.algorithm.hash.name;
        }
        const hashAlgorithmOID = crypto2.getOIDByAlgorithm({ name: hashAlgorithm }, true, "hashAlgorithm");
        if (this.digestAlgorithms.filter((algorithm) => algorithm.algorithmId === hashAlgorithmOID).length === 0) {
          this.digestAlgorithms.push(new AlgorithmIdentifier({
            algorithmId: hashAlgorithmOID,
            algorithmParams: new asn1js__namespace.Null()
          }));
        }
        signerInfo.digestAlgorithm = new AlgorithmIdentifier({
          algorithmId: hashAlgorithmOID,
          algorithmParams: new asn1js__namespace.Null()
        });
        const signatureParams = await crypto2.getSignatureParameters(privateKey, hashAlgorithm);
        const parameters = signatureParams.parameters;
        signerInfo.signatureAlgorithm = signatureParams.signatureAlgorithm;
        if (signerInfo.signedAttrs) {
          if (signerInfo.signedAttrs.encodedValue.byteLength !== 0)
            data = signerInfo.signedAttrs.encodedValue;
          else {
            data = signerInfo.signedAttrs.toSchema().toBER();
            const view = pvtsutils__namespace.BufferSourceConverter.toUint8Array(data);
            view[0] = 49;
          }
        } else {
          const eContent = this.encapContentInfo.eContent;
          if (eContent) {
            if (eContent.idBlock.tagClass === 1 && eContent.idBlock.tagNumber === 4) {
              data = eContent.getValue();
            } else
              data = eContent.valueBlock.valueBeforeDecodeView.slice().buffer;
          } else {
            if (data.byteLength === 0)
              throw new Error("Missed detached data input array");
          }
        }
        const signature = await crypto2.signWithPrivateKey(data, privateKey, parameters);
        signerInfo.signature = new asn1js__namespace.OctetString({ valueHex: signature });
      }
    };
    SignedData.CLASS_NAME = "SignedData";
    SignedData.ID_DATA = id_ContentType_Data;
    var VERSION$1 = "version";
    var AUTH_SAFE = "authSafe";
    var MAC_DATA = "macData";
    var PARSED_VALUE = "parsedValue";
    var CLERA_PROPS = [VERSION$1, AUTH_SAFE, MAC_DATA];
    var PFX = class _PFX extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION$1, _PFX.defaultValues(VERSION$1));
        this.authSafe = pvutils__namespace.getParametersValue(parameters, AUTH_SAFE, _PFX.defaultValues(AUTH_SAFE));
        if (MAC_DATA in parameters) {
          this.macData = pvutils__namespace.getParametersValue(parameters, MAC_DATA, _PFX.defaultValues(MAC_DATA));
        }
        if (PARSED_VALUE in parameters) {
          this.parsedValue = pvutils__namespace.getParametersValue(parameters, PARSED_VALUE, _PFX.defaultValues(PARSED_VALUE));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION$1:
            return 3;
          case AUTH_SAFE:
            return new ContentInfo();
          case MAC_DATA:
            return new MacData();
          case PARSED_VALUE:
            return {};
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION$1:
            return memberValue === _PFX.defaultValues(memberName);
          case AUTH_SAFE:
            return ContentInfo.compareWithDefault("contentType", memberValue.contentType) && ContentInfo.compareWithDefault("content", memberValue.content);
          case MAC_DATA:
            return MacData.compareWithDefault("mac", memberValue.mac) && MacData.compareWithDefault("macSalt", memberValue.macSalt) && MacData.compareWithDefault("iterations", memberValue.iterations);
          case PARSED_VALUE:
            return memberValue instanceof Object && Object.keys(memberValue).length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.version || VERSION$1 }),
            ContentInfo.schema(names.authSafe || {
              names: {
                blockName: AUTH_SAFE
              }
            }),
            MacData.schema(names.macData || {
              names: {
                blockName: MAC_DATA,
                optional: true
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLERA_PROPS);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PFX.schema({
          names: {
            version: VERSION$1,
            authSafe: {
              names: {
                blockName: AUTH_SAFE
              }
            },
            macData: {
              names: {
                blockName: MAC_DATA
              }
            }
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result.version.valueBlock.valueDec;
        this.authSafe = new ContentInfo({ schema: asn1.result.authSafe });
        if (MAC_DATA in asn1.result)
          this.macData = new MacData({ schema: asn1.result.macData });
      }
      toSchema() {
        const outputArray = [new asn1js__namespace.Integer({ value: this.version }), this.authSafe.toSchema()];
        if (this.macData) {
          outputArray.push(this.macData.toSchema());
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const output = {
          version: this.version,
          authSafe: this.authSafe.toJSON()
        };
        if (this.macData) {
          output.macData = this.macData.toJSON();
        }
        return output;
      }
      async makeInternalValues(parameters = {}, crypto2 = getCrypto(true)) {
        ArgumentError.assert(parameters, "parameters", "object");
        if (!this.parsedValue) {
          throw new Error('Please call "parseValues" function first in order to make "parsedValue" data');
        }
        ParameterError.assertEmpty(this.parsedValue.integrityMode, "integrityMode", "parsedValue");
        ParameterError.assertEmpty(this.parsedValue.authenticatedSafe, "authenticatedSafe", "parsedValue");
        switch (this.parsedValue.integrityMode) {
          case 0:
            {
              if (!("iterations" in parameters))
                throw new ParameterError("iterations");
              ParameterError.assertEmpty(parameters.pbkdf2HashAlgorithm, "pbkdf2HashAlgorithm");
              ParameterError.assertEmpty(parameters.hmacHashAlgorithm, "hmacHashAlgorithm");
              ParameterError.assertEmpty(parameters.password, "password");
              const saltBuffer = new ArrayBuffer(64);
              const saltView = new Uint8Array(saltBuffer);
              crypto2.getRandomValues(saltView);
              const data = this.parsedValue.authenticatedSafe.toSchema().toBER(false);
              this.authSafe = new ContentInfo({
                contentType: ContentInfo.DATA,
                content: new asn1js__namespace.OctetString({ valueHex: data })
              });
              const result = await crypto2.stampDataWithPassword({
                password: parameters.password,
                hashAlgorithm: parameters.hmacHashAlgorithm,
                salt: saltBuffer,
                iterationCount: parameters.iterations,
                contentToStamp: data
              });
              this.macData = new MacData({
                mac: new DigestInfo({
                  digestAlgorithm: new AlgorithmIdentifier({
                    algorithmId: crypto2.getOIDByAlgorithm({ name: parameters.hmacHashAlgorithm }, true, "hmacHashAlgorithm")
                  }),
                  digest: new asn1js__namespace.OctetString({ valueHex: result })
                }),
                macSalt: new asn1js__namespace.OctetString({ valueHex: saltBuffer }),
                iterations: parameters.iterations
              });
            }
            break;
          case 1:
            {
              if (!("signingCertificate" in parameters)) {
                throw new ParameterError("signingCertificate");
              }
              ParameterError.assertEmpty(parameters.privateKey, "privateKey");
              ParameterError.assertEmpty(parameters.hashAlgorithm, "hashAlgorithm");
              const toBeSigned = this.parsedValue.authenticatedSafe.toSchema().toBER(false);
              const cmsSigned = new SignedData({
                version: 1,
                encapContentInfo: new EncapsulatedContentInfo({
                  eContentType: "1.2.840.113549.1.7.1",
                  eContent: new asn1js__namespace.OctetString({ valueHex: toBeSigned })
                }),
                certificates: [parameters.signingCertificate]
              });
              const result = await crypto2.digest({ name: parameters.hashAlgorithm }, new Uint8Array(toBeSigned));
              const signedAttr = [];
              signedAttr.push(new Attribute({
                type: "1.2.840.113549.1.9.3",
                values: [new asn1js__namespace.ObjectIdentifier({ value: "1.2.840.113549.1.7.1" })]
              }));
              signedAttr.push(new Attribute({
                type: "1.2.840.113549.1.9.5",
                values: [new asn1js__namespace.UTCTime({ valueDate: /* @__PURE__ */ new Date() })]
              }));
              signedAttr.push(new Attribute({
                type: "1.2.840.113549.1.9.4",
                values: [new asn1js__namespace.OctetString({ valueHex: result })]
              }));
              cmsSigned.signerInfos.push(new SignerInfo({
                version: 1,
                sid: new IssuerAndSerialNumber({
                  issuer: parameters.signingCertificate.issuer,
                  serialNumber: parameters.signingCertificate.serialNumber
                }),
                signedAttrs: new SignedAndUnsignedAttributes({
                  type: 0,
                  attributes: signedAttr
                })
              }));
              await cmsSigned.sign(parameters.privateKey, 0, parameters.hashAlgorithm, void 0, crypto2);
              this.authSafe = new ContentInfo({
                contentType: "1.2.840.113549.1.7.2",
                content: cmsSigned.toSchema(true)
              });
            }
            break;
          default:
            throw new Error(`Parameter "integrityMode" has unknown value: ${this.parsedValue.integrityMode}`);
        }
      }
      async parseInternalValues(parameters, crypto2 = getCrypto(true)) {
        ArgumentError.assert(parameters, "parameters", "object");
        if (parameters.checkIntegrity === void 0) {
          parameters.checkIntegrity = true;
        }
        this.parsedValue = {};
        switch (this.authSafe.contentType) {
          case ContentInfo.DATA:
            {
              ParameterError.assertEmpty(parameters.password, "password");
              this.parsedValue.integrityMode = 0;
              ArgumentError.assert(this.authSafe.content, "authSafe.content", asn1js__namespace.OctetString);
              const authSafeContent = this.authSafe.content.getValue();
              this.parsedValue.authenticatedSafe = AuthenticatedSafe.fromBER(authSafeContent);
              if (parameters.checkIntegrity) {
                if (!this.macData) {
                  throw new Error('Absent "macData" value, can not check PKCS#12 data integrity');
                }
                const hashAlgorithm = crypto2.getAlgorithmByOID(this.macData.mac.digestAlgorithm.algorithmId, true, "digestAlgorithm");
                const result = await crypto2.verifyDataStampedWithPassword({
                  password: parameters.password,
                  hashAlgorithm: hashAlgorithm.name,
                  salt: pvtsutils.BufferSourceConverter.toArrayBuffer(this.macData.macSalt.valueBlock.valueHexView),
                  iterationCount: this.macData.iterations || 1,
                  contentToVerify: authSafeContent,
                  signatureToVerify: pvtsutils.BufferSourceConverter.toArrayBuffer(this.macData.mac.digest.valueBlock.valueHexView)
                });
                if (!result) {
                  throw new Error("Integrity for the PKCS#12 data is broken!");
                }
              }
            }
            break;
          case ContentInfo.SIGNED_DATA:
            {
              this.parsedValue.integrityMode = 1;
              const cmsSigned = new SignedData({ schema: this.authSafe.content });
              const eContent = cmsSigned.encapContentInfo.eContent;
              ParameterError.assert(eContent, "eContent", "cmsSigned.encapContentInfo");
              ArgumentError.assert(eContent, "eContent", asn1js__namespace.OctetString);
              const data = eContent.getValue();
              this.parsedValue.authenticatedSafe = AuthenticatedSafe.fromBER(data);
              const ok = await cmsSigned.verify({ signer: 0, checkChain: false }, crypto2);
              if (!ok) {
                throw new Error("Integrity for the PKCS#12 data is broken!");
              }
            }
            break;
          default:
            throw new Error(`Incorrect value for "this.authSafe.contentType": ${this.authSafe.contentType}`);
        }
      }
    };
    PFX.CLASS_NAME = "PFX";
    var STATUS$1 = "status";
    var STATUS_STRINGS = "statusStrings";
    var FAIL_INFO = "failInfo";
    var CLEAR_PROPS$2 = [STATUS$1, STATUS_STRINGS, FAIL_INFO];
    exports.PKIStatus = void 0;
    (function(PKIStatus) {
      PKIStatus[PKIStatus["granted"] = 0] = "granted";
      PKIStatus[PKIStatus["grantedWithMods"] = 1] = "grantedWithMods";
      PKIStatus[PKIStatus["rejection"] = 2] = "rejection";
      PKIStatus[PKIStatus["waiting"] = 3] = "waiting";
      PKIStatus[PKIStatus["revocationWarning"] = 4] = "revocationWarning";
      PKIStatus[PKIStatus["revocationNotification"] = 5] = "revocationNotification";
    })(exports.PKIStatus || (exports.PKIStatus = {}));
    var PKIStatusInfo = class _PKIStatusInfo extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.status = pvutils__namespace.getParametersValue(parameters, STATUS$1, _PKIStatusInfo.defaultValues(STATUS$1));
        if (STATUS_STRINGS in parameters) {
          this.statusStrings = pvutils__namespace.getParametersValue(parameters, STATUS_STRINGS, _PKIStatusInfo.defaultValues(STATUS_STRINGS));
        }
        if (FAIL_INFO in parameters) {
          this.failInfo = pvutils__namespace.getParametersValue(parameters, FAIL_INFO, _PKIStatusInfo.defaultValues(FAIL_INFO));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case STATUS$1:
            return 2;
          case STATUS_STRINGS:
            return [];
          case FAIL_INFO:
            return new asn1js__namespace.BitString();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case STATUS$1:
            return memberValue === _PKIStatusInfo.defaultValues(memberName);
          case STATUS_STRINGS:
            return memberValue.length === 0;
          case FAIL_INFO:
            return memberValue.isEqual(_PKIStatusInfo.defaultValues(memberName));
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || EMPTY_STRING,
          value: [
            new asn1js__namespace.Integer({ name: names.status || EMPTY_STRING }),
            new asn1js__namespace.Sequence({
              optional: true,
              value: [
                new asn1js__namespace.Repeated({
                  name: names.statusStrings || EMPTY_STRING,
                  value: new asn1js__namespace.Utf8String()
                })
              ]
            }),
            new asn1js__namespace.BitString({
              name: names.failInfo || EMPTY_STRING,
              optional: true
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$2);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _PKIStatusInfo.schema({
          names: {
            status: STATUS$1,
            statusStrings: STATUS_STRINGS,
            failInfo: FAIL_INFO
          }
        }));
        AsnError.assertSchema(asn1, this.className);
        const _status = asn1.result.status;
        if (_status.valueBlock.isHexOnly === true || _status.valueBlock.valueDec < 0 || _status.valueBlock.valueDec > 5)
          throw new Error('PKIStatusInfo "status" has invalid value');
        this.status = _status.valueBlock.valueDec;
        if (STATUS_STRINGS in asn1.result)
          this.statusStrings = asn1.result.statusStrings;
        if (FAIL_INFO in asn1.result)
          this.failInfo = asn1.result.failInfo;
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.status }));
        if (this.statusStrings) {
          outputArray.push(new asn1js__namespace.Sequence({
            optional: true,
            value: this.statusStrings
          }));
        }
        if (this.failInfo) {
          outputArray.push(this.failInfo);
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          status: this.status
        };
        if (this.statusStrings) {
          res.statusStrings = Array.from(this.statusStrings, (o) => o.toJSON());
        }
        if (this.failInfo) {
          res.failInfo = this.failInfo.toJSON();
        }
        return res;
      }
    };
    PKIStatusInfo.CLASS_NAME = "PKIStatusInfo";
    var VERSION = "version";
    var MESSAGE_IMPRINT = "messageImprint";
    var REQ_POLICY = "reqPolicy";
    var NONCE = "nonce";
    var CERT_REQ = "certReq";
    var EXTENSIONS = "extensions";
    var TIME_STAMP_REQ = "TimeStampReq";
    var TIME_STAMP_REQ_VERSION = `${TIME_STAMP_REQ}.${VERSION}`;
    var TIME_STAMP_REQ_MESSAGE_IMPRINT = `${TIME_STAMP_REQ}.${MESSAGE_IMPRINT}`;
    var TIME_STAMP_REQ_POLICY = `${TIME_STAMP_REQ}.${REQ_POLICY}`;
    var TIME_STAMP_REQ_NONCE = `${TIME_STAMP_REQ}.${NONCE}`;
    var TIME_STAMP_REQ_CERT_REQ = `${TIME_STAMP_REQ}.${CERT_REQ}`;
    var TIME_STAMP_REQ_EXTENSIONS = `${TIME_STAMP_REQ}.${EXTENSIONS}`;
    var CLEAR_PROPS$1 = [TIME_STAMP_REQ_VERSION, TIME_STAMP_REQ_MESSAGE_IMPRINT, TIME_STAMP_REQ_POLICY, TIME_STAMP_REQ_NONCE, TIME_STAMP_REQ_CERT_REQ, TIME_STAMP_REQ_EXTENSIONS];
    var TimeStampReq = class _TimeStampReq extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.version = pvutils__namespace.getParametersValue(parameters, VERSION, _TimeStampReq.defaultValues(VERSION));
        this.messageImprint = pvutils__namespace.getParametersValue(parameters, MESSAGE_IMPRINT, _TimeStampReq.defaultValues(MESSAGE_IMPRINT));
        if (REQ_POLICY in parameters) {
          this.reqPolicy = pvutils__namespace.getParametersValue(parameters, REQ_POLICY, _TimeStampReq.defaultValues(REQ_POLICY));
        }
        if (NONCE in parameters) {
          this.nonce = pvutils__namespace.getParametersValue(parameters, NONCE, _TimeStampReq.defaultValues(NONCE));
        }
        if (CERT_REQ in parameters) {
          this.certReq = pvutils__namespace.getParametersValue(parameters, CERT_REQ, _TimeStampReq.defaultValues(CERT_REQ));
        }
        if (EXTENSIONS in parameters) {
          this.extensions = pvutils__namespace.getParametersValue(parameters, EXTENSIONS, _TimeStampReq.defaultValues(EXTENSIONS));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case VERSION:
            return 0;
          case MESSAGE_IMPRINT:
            return new MessageImprint();
          case REQ_POLICY:
            return EMPTY_STRING;
          case NONCE:
            return new asn1js__namespace.Integer();
          case CERT_REQ:
            return false;
          case EXTENSIONS:
            return [];
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case VERSION:
          case REQ_POLICY:
          case CERT_REQ:
            return memberValue === _TimeStampReq.defaultValues(memberName);
          case MESSAGE_IMPRINT:
            return MessageImprint.compareWithDefault("hashAlgorithm", memberValue.hashAlgorithm) && MessageImprint.compareWithDefault("hashedMessage", memberValue.hashedMessage);
          case NONCE:
            return memberValue.isEqual(_TimeStampReq.defaultValues(memberName));
          case EXTENSIONS:
            return memberValue.length === 0;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || TIME_STAMP_REQ,
          value: [
            new asn1js__namespace.Integer({ name: names.version || TIME_STAMP_REQ_VERSION }),
            MessageImprint.schema(names.messageImprint || {
              names: {
                blockName: TIME_STAMP_REQ_MESSAGE_IMPRINT
              }
            }),
            new asn1js__namespace.ObjectIdentifier({
              name: names.reqPolicy || TIME_STAMP_REQ_POLICY,
              optional: true
            }),
            new asn1js__namespace.Integer({
              name: names.nonce || TIME_STAMP_REQ_NONCE,
              optional: true
            }),
            new asn1js__namespace.Boolean({
              name: names.certReq || TIME_STAMP_REQ_CERT_REQ,
              optional: true
            }),
            new asn1js__namespace.Constructed({
              optional: true,
              idBlock: {
                tagClass: 3,
                tagNumber: 0
              },
              value: [
                new asn1js__namespace.Repeated({
                  name: names.extensions || TIME_STAMP_REQ_EXTENSIONS,
                  value: Extension.schema()
                })
              ]
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS$1);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _TimeStampReq.schema());
        AsnError.assertSchema(asn1, this.className);
        this.version = asn1.result[TIME_STAMP_REQ_VERSION].valueBlock.valueDec;
        this.messageImprint = new MessageImprint({
          schema: asn1.result[TIME_STAMP_REQ_MESSAGE_IMPRINT]
        });
        if (TIME_STAMP_REQ_POLICY in asn1.result)
          this.reqPolicy = asn1.result[TIME_STAMP_REQ_POLICY].valueBlock.toString();
        if (TIME_STAMP_REQ_NONCE in asn1.result)
          this.nonce = asn1.result[TIME_STAMP_REQ_NONCE];
        if (TIME_STAMP_REQ_CERT_REQ in asn1.result)
          this.certReq = asn1.result[TIME_STAMP_REQ_CERT_REQ].valueBlock.value;
        if (TIME_STAMP_REQ_EXTENSIONS in asn1.result)
          this.extensions = Array.from(asn1.result[TIME_STAMP_REQ_EXTENSIONS], (element) => new Extension({ schema: element }));
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(new asn1js__namespace.Integer({ value: this.version }));
        outputArray.push(this.messageImprint.toSchema());
        if (this.reqPolicy)
          outputArray.push(new asn1js__namespace.ObjectIdentifier({ value: this.reqPolicy }));
        if (this.nonce)
          outputArray.push(this.nonce);
        if (CERT_REQ in this && _TimeStampReq.compareWithDefault(CERT_REQ, this.certReq) === false)
          outputArray.push(new asn1js__namespace.Boolean({ value: this.certReq }));
        if (this.extensions) {
          outputArray.push(new asn1js__namespace.Constructed({
            idBlock: {
              tagClass: 3,
              tagNumber: 0
            },
            value: Array.from(this.extensions, (o) => o.toSchema())
          }));
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          version: this.version,
          messageImprint: this.messageImprint.toJSON()
        };
        if (this.reqPolicy !== void 0)
          res.reqPolicy = this.reqPolicy;
        if (this.nonce !== void 0)
          res.nonce = this.nonce.toJSON();
        if (this.certReq !== void 0 && _TimeStampReq.compareWithDefault(CERT_REQ, this.certReq) === false)
          res.certReq = this.certReq;
        if (this.extensions) {
          res.extensions = Array.from(this.extensions, (o) => o.toJSON());
        }
        return res;
      }
    };
    TimeStampReq.CLASS_NAME = "TimeStampReq";
    var STATUS = "status";
    var TIME_STAMP_TOKEN = "timeStampToken";
    var TIME_STAMP_RESP = "TimeStampResp";
    var TIME_STAMP_RESP_STATUS = `${TIME_STAMP_RESP}.${STATUS}`;
    var TIME_STAMP_RESP_TOKEN = `${TIME_STAMP_RESP}.${TIME_STAMP_TOKEN}`;
    var CLEAR_PROPS = [TIME_STAMP_RESP_STATUS, TIME_STAMP_RESP_TOKEN];
    var TimeStampResp = class _TimeStampResp extends PkiObject {
      constructor(parameters = {}) {
        super();
        this.status = pvutils__namespace.getParametersValue(parameters, STATUS, _TimeStampResp.defaultValues(STATUS));
        if (TIME_STAMP_TOKEN in parameters) {
          this.timeStampToken = pvutils__namespace.getParametersValue(parameters, TIME_STAMP_TOKEN, _TimeStampResp.defaultValues(TIME_STAMP_TOKEN));
        }
        if (parameters.schema) {
          this.fromSchema(parameters.schema);
        }
      }
      static defaultValues(memberName) {
        switch (memberName) {
          case STATUS:
            return new PKIStatusInfo();
          case TIME_STAMP_TOKEN:
            return new ContentInfo();
          default:
            return super.defaultValues(memberName);
        }
      }
      static compareWithDefault(memberName, memberValue) {
        switch (memberName) {
          case STATUS:
            return PKIStatusInfo.compareWithDefault(STATUS, memberValue.status) && "statusStrings" in memberValue === false && "failInfo" in memberValue === false;
          case TIME_STAMP_TOKEN:
            return memberValue.contentType === EMPTY_STRING && memberValue.content instanceof asn1js__namespace.Any;
          default:
            return super.defaultValues(memberName);
        }
      }
      static schema(parameters = {}) {
        const names = pvutils__namespace.getParametersValue(parameters, "names", {});
        return new asn1js__namespace.Sequence({
          name: names.blockName || TIME_STAMP_RESP,
          value: [
            PKIStatusInfo.schema(names.status || {
              names: {
                blockName: TIME_STAMP_RESP_STATUS
              }
            }),
            ContentInfo.schema(names.timeStampToken || {
              names: {
                blockName: TIME_STAMP_RESP_TOKEN,
                optional: true
              }
            })
          ]
        });
      }
      fromSchema(schema) {
        pvutils__namespace.clearProps(schema, CLEAR_PROPS);
        const asn1 = asn1js__namespace.compareSchema(schema, schema, _TimeStampResp.schema());
        AsnError.assertSchema(asn1, this.className);
        this.status = new PKIStatusInfo({ schema: asn1.result[TIME_STAMP_RESP_STATUS] });
        if (TIME_STAMP_RESP_TOKEN in asn1.result)
          this.timeStampToken = new ContentInfo({ schema: asn1.result[TIME_STAMP_RESP_TOKEN] });
      }
      toSchema() {
        const outputArray = [];
        outputArray.push(this.status.toSchema());
        if (this.timeStampToken) {
          outputArray.push(this.timeStampToken.toSchema());
        }
        return new asn1js__namespace.Sequence({
          value: outputArray
        });
      }
      toJSON() {
        const res = {
          status: this.status.toJSON()
        };
        if (this.timeStampToken) {
          res.timeStampToken = this.timeStampToken.toJSON();
        }
        return res;
      }
      async sign(privateKey, hashAlgorithm, crypto2 = getCrypto(true)) {
        this.assertContentType();
        const signed = new SignedData({ schema: this.timeStampToken.content });
        return signed.sign(privateKey, 0, hashAlgorithm, void 0, crypto2);
      }
      async verify(verificationParameters = {
        signer: 0,
        trustedCerts: [],
        data: EMPTY_BUFFER
      }, crypto2 = getCrypto(true)) {
        this.assertContentType();
        const signed = new SignedData({ schema: this.timeStampToken.content });
        return signed.verify(verificationParameters, crypto2);
      }
      assertContentType() {
        if (!this.timeStampToken) {
          throw new Error("timeStampToken is absent in TSP response");
        }
        if (this.timeStampToken.contentType !== id_ContentType_SignedData) {
          throw new Error(`Wrong format of timeStampToken: ${this.timeStampToken.contentType}`);
        }
      }
    };
    TimeStampResp.CLASS_NAME = "TimeStampResp";
    function initCryptoEngine() {
      if (typeof globalThis !== "undefined" && "crypto" in globalThis) {
        let engineName = "webcrypto";
        if ("webkitSubtle" in globalThis.crypto) {
          engineName = "safari";
        }
        setEngine(engineName, new CryptoEngine({ name: engineName, crypto: globalThis.crypto }));
      } else if (typeof crypto !== "undefined" && "webcrypto" in crypto) {
        const name = "NodeJS ^15";
        const nodeCrypto = crypto.webcrypto;
        setEngine(name, new CryptoEngine({ name, crypto: nodeCrypto }));
      }
    }
    initCryptoEngine();
    exports.AbstractCryptoEngine = AbstractCryptoEngine;
    exports.AccessDescription = AccessDescription;
    exports.Accuracy = Accuracy;
    exports.AlgorithmIdentifier = AlgorithmIdentifier;
    exports.AltName = AltName;
    exports.ArgumentError = ArgumentError;
    exports.AsnError = AsnError;
    exports.AttCertValidityPeriod = AttCertValidityPeriod;
    exports.Attribute = Attribute;
    exports.AttributeCertificateInfoV1 = AttributeCertificateInfoV1;
    exports.AttributeCertificateInfoV2 = AttributeCertificateInfoV2;
    exports.AttributeCertificateV1 = AttributeCertificateV1;
    exports.AttributeCertificateV2 = AttributeCertificateV2;
    exports.AttributeTypeAndValue = AttributeTypeAndValue;
    exports.AuthenticatedSafe = AuthenticatedSafe;
    exports.AuthorityKeyIdentifier = AuthorityKeyIdentifier;
    exports.BasicConstraints = BasicConstraints;
    exports.BasicOCSPResponse = BasicOCSPResponse;
    exports.CAVersion = CAVersion;
    exports.CRLBag = CRLBag;
    exports.CRLDistributionPoints = CRLDistributionPoints;
    exports.CertBag = CertBag;
    exports.CertID = CertID;
    exports.Certificate = Certificate;
    exports.CertificateChainValidationEngine = CertificateChainValidationEngine;
    exports.CertificatePolicies = CertificatePolicies;
    exports.CertificateRevocationList = CertificateRevocationList;
    exports.CertificateSet = CertificateSet;
    exports.CertificateTemplate = CertificateTemplate;
    exports.CertificationRequest = CertificationRequest;
    exports.ChainValidationError = ChainValidationError;
    exports.ContentInfo = ContentInfo;
    exports.CryptoEngine = CryptoEngine;
    exports.DigestInfo = DigestInfo;
    exports.DistributionPoint = DistributionPoint;
    exports.ECCCMSSharedInfo = ECCCMSSharedInfo;
    exports.ECNamedCurves = ECNamedCurves;
    exports.ECPrivateKey = ECPrivateKey;
    exports.ECPublicKey = ECPublicKey;
    exports.EncapsulatedContentInfo = EncapsulatedContentInfo;
    exports.EncryptedContentInfo = EncryptedContentInfo;
    exports.EncryptedData = EncryptedData;
    exports.EnvelopedData = EnvelopedData;
    exports.ExtKeyUsage = ExtKeyUsage;
    exports.Extension = Extension;
    exports.ExtensionValueFactory = ExtensionValueFactory;
    exports.Extensions = Extensions;
    exports.GeneralName = GeneralName;
    exports.GeneralNames = GeneralNames;
    exports.GeneralSubtree = GeneralSubtree;
    exports.HASHED_MESSAGE = HASHED_MESSAGE;
    exports.HASH_ALGORITHM = HASH_ALGORITHM;
    exports.Holder = Holder;
    exports.InfoAccess = InfoAccess;
    exports.IssuerAndSerialNumber = IssuerAndSerialNumber;
    exports.IssuerSerial = IssuerSerial;
    exports.IssuingDistributionPoint = IssuingDistributionPoint;
    exports.KEKIdentifier = KEKIdentifier;
    exports.KEKRecipientInfo = KEKRecipientInfo;
    exports.KeyAgreeRecipientIdentifier = KeyAgreeRecipientIdentifier;
    exports.KeyAgreeRecipientInfo = KeyAgreeRecipientInfo;
    exports.KeyBag = KeyBag;
    exports.KeyTransRecipientInfo = KeyTransRecipientInfo;
    exports.MICROS = MICROS;
    exports.MILLIS = MILLIS;
    exports.MacData = MacData;
    exports.MessageImprint = MessageImprint;
    exports.NameConstraints = NameConstraints;
    exports.OCSPRequest = OCSPRequest;
    exports.OCSPResponse = OCSPResponse;
    exports.ObjectDigestInfo = ObjectDigestInfo;
    exports.OriginatorIdentifierOrKey = OriginatorIdentifierOrKey;
    exports.OriginatorInfo = OriginatorInfo;
    exports.OriginatorPublicKey = OriginatorPublicKey;
    exports.OtherCertificateFormat = OtherCertificateFormat;
    exports.OtherKeyAttribute = OtherKeyAttribute;
    exports.OtherPrimeInfo = OtherPrimeInfo;
    exports.OtherRecipientInfo = OtherRecipientInfo;
    exports.OtherRevocationInfoFormat = OtherRevocationInfoFormat;
    exports.PBES2Params = PBES2Params;
    exports.PBKDF2Params = PBKDF2Params;
    exports.PFX = PFX;
    exports.PKCS8ShroudedKeyBag = PKCS8ShroudedKeyBag;
    exports.PKIStatusInfo = PKIStatusInfo;
    exports.POLICY_IDENTIFIER = POLICY_IDENTIFIER;
    exports.POLICY_QUALIFIERS = POLICY_QUALIFIERS;
    exports.ParameterError = ParameterError;
    exports.PasswordRecipientinfo = PasswordRecipientinfo;
    exports.PkiObject = PkiObject;
    exports.PolicyConstraints = PolicyConstraints;
    exports.PolicyInformation = PolicyInformation;
    exports.PolicyMapping = PolicyMapping;
    exports.PolicyMappings = PolicyMappings;
    exports.PolicyQualifierInfo = PolicyQualifierInfo;
    exports.PrivateKeyInfo = PrivateKeyInfo;
    exports.PrivateKeyUsagePeriod = PrivateKeyUsagePeriod;
    exports.PublicKeyInfo = PublicKeyInfo;
    exports.QCStatement = QCStatement;
    exports.QCStatements = QCStatements;
    exports.RDN = RDN;
    exports.RSAESOAEPParams = RSAESOAEPParams;
    exports.RSAPrivateKey = RSAPrivateKey;
    exports.RSAPublicKey = RSAPublicKey;
    exports.RSASSAPSSParams = RSASSAPSSParams;
    exports.RecipientEncryptedKey = RecipientEncryptedKey;
    exports.RecipientEncryptedKeys = RecipientEncryptedKeys;
    exports.RecipientIdentifier = RecipientIdentifier;
    exports.RecipientInfo = RecipientInfo;
    exports.RecipientKeyIdentifier = RecipientKeyIdentifier;
    exports.RelativeDistinguishedNames = RelativeDistinguishedNames;
    exports.Request = Request;
    exports.ResponseBytes = ResponseBytes;
    exports.ResponseData = ResponseData;
    exports.RevocationInfoChoices = RevocationInfoChoices;
    exports.RevokedCertificate = RevokedCertificate;
    exports.SECONDS = SECONDS;
    exports.SafeBag = SafeBag;
    exports.SafeBagValueFactory = SafeBagValueFactory;
    exports.SafeContents = SafeContents;
    exports.SecretBag = SecretBag;
    exports.Signature = Signature;
    exports.SignedAndUnsignedAttributes = SignedAndUnsignedAttributes;
    exports.SignedCertificateTimestamp = SignedCertificateTimestamp;
    exports.SignedCertificateTimestampList = SignedCertificateTimestampList;
    exports.SignedData = SignedData;
    exports.SignedDataVerifyError = SignedDataVerifyError;
    exports.SignerInfo = SignerInfo;
    exports.SingleResponse = SingleResponse;
    exports.SubjectDirectoryAttributes = SubjectDirectoryAttributes;
    exports.TBSRequest = TBSRequest;
    exports.TSTInfo = TSTInfo;
    exports.TYPE = TYPE$4;
    exports.TYPE_AND_VALUES = TYPE_AND_VALUES;
    exports.Time = Time;
    exports.TimeStampReq = TimeStampReq;
    exports.TimeStampResp = TimeStampResp;
    exports.V2Form = V2Form;
    exports.VALUE = VALUE$5;
    exports.VALUE_BEFORE_DECODE = VALUE_BEFORE_DECODE;
    exports.checkCA = checkCA;
    exports.createCMSECDSASignature = createCMSECDSASignature;
    exports.createECDSASignatureFromCMS = createECDSASignatureFromCMS;
    exports.getAlgorithmByOID = getAlgorithmByOID;
    exports.getAlgorithmParameters = getAlgorithmParameters;
    exports.getCrypto = getCrypto;
    exports.getEngine = getEngine;
    exports.getHashAlgorithm = getHashAlgorithm;
    exports.getOIDByAlgorithm = getOIDByAlgorithm;
    exports.getRandomValues = getRandomValues;
    exports.id_AnyPolicy = id_AnyPolicy;
    exports.id_AuthorityInfoAccess = id_AuthorityInfoAccess;
    exports.id_AuthorityKeyIdentifier = id_AuthorityKeyIdentifier;
    exports.id_BaseCRLNumber = id_BaseCRLNumber;
    exports.id_BasicConstraints = id_BasicConstraints;
    exports.id_CRLBag_X509CRL = id_CRLBag_X509CRL;
    exports.id_CRLDistributionPoints = id_CRLDistributionPoints;
    exports.id_CRLNumber = id_CRLNumber;
    exports.id_CRLReason = id_CRLReason;
    exports.id_CertBag_AttributeCertificate = id_CertBag_AttributeCertificate;
    exports.id_CertBag_SDSICertificate = id_CertBag_SDSICertificate;
    exports.id_CertBag_X509Certificate = id_CertBag_X509Certificate;
    exports.id_CertificateIssuer = id_CertificateIssuer;
    exports.id_CertificatePolicies = id_CertificatePolicies;
    exports.id_ContentType_Data = id_ContentType_Data;
    exports.id_ContentType_EncryptedData = id_ContentType_EncryptedData;
    exports.id_ContentType_EnvelopedData = id_ContentType_EnvelopedData;
    exports.id_ContentType_SignedData = id_ContentType_SignedData;
    exports.id_ExtKeyUsage = id_ExtKeyUsage;
    exports.id_FreshestCRL = id_FreshestCRL;
    exports.id_InhibitAnyPolicy = id_InhibitAnyPolicy;
    exports.id_InvalidityDate = id_InvalidityDate;
    exports.id_IssuerAltName = id_IssuerAltName;
    exports.id_IssuingDistributionPoint = id_IssuingDistributionPoint;
    exports.id_KeyUsage = id_KeyUsage;
    exports.id_MicrosoftAppPolicies = id_MicrosoftAppPolicies;
    exports.id_MicrosoftCaVersion = id_MicrosoftCaVersion;
    exports.id_MicrosoftCertTemplateV1 = id_MicrosoftCertTemplateV1;
    exports.id_MicrosoftCertTemplateV2 = id_MicrosoftCertTemplateV2;
    exports.id_MicrosoftPrevCaCertHash = id_MicrosoftPrevCaCertHash;
    exports.id_NameConstraints = id_NameConstraints;
    exports.id_PKIX_OCSP_Basic = id_PKIX_OCSP_Basic;
    exports.id_PolicyConstraints = id_PolicyConstraints;
    exports.id_PolicyMappings = id_PolicyMappings;
    exports.id_PrivateKeyUsagePeriod = id_PrivateKeyUsagePeriod;
    exports.id_QCStatements = id_QCStatements;
    exports.id_SignedCertificateTimestampList = id_SignedCertificateTimestampList;
    exports.id_SubjectAltName = id_SubjectAltName;
    exports.id_SubjectDirectoryAttributes = id_SubjectDirectoryAttributes;
    exports.id_SubjectInfoAccess = id_SubjectInfoAccess;
    exports.id_SubjectKeyIdentifier = id_SubjectKeyIdentifier;
    exports.id_ad = id_ad;
    exports.id_ad_caIssuers = id_ad_caIssuers;
    exports.id_ad_ocsp = id_ad_ocsp;
    exports.id_eContentType_TSTInfo = id_eContentType_TSTInfo;
    exports.id_pkix = id_pkix;
    exports.id_sha1 = id_sha1;
    exports.id_sha256 = id_sha256;
    exports.id_sha384 = id_sha384;
    exports.id_sha512 = id_sha512;
    exports.kdf = kdf;
    exports.setEngine = setEngine;
    exports.stringPrep = stringPrep;
    exports.verifySCTsForCertificate = verifySCTsForCertificate;
  }
});

export {
  require_build3 as require_build
};
