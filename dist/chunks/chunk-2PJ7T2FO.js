#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/log.ts
var silentLogger = {
  debug() {
  },
  info() {
  },
  warning() {
  },
  group: async (_name, fn) => fn()
};

export {
  silentLogger
};
