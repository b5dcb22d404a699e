#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli/main.ts
var HELP = `oci-notary: sign and verify container images with Notary Project signatures

usage: oci-notary <command> [options]

commands:
  sign               sign images (Artifact Signing or a local key) and push the signatures
  verify             verify images in a registry against a trust policy and trust store
  verify-signature   verify one signature file offline
  inspect            list an image's signatures and decode one

run "oci-notary <command> --help" for a command's options.
`;
var [command] = process.argv.slice(2);
if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
  process.stdout.write(HELP);
} else {
  process.stderr.write(`oci-notary: unknown command "${command}"

${HELP}`);
  process.exitCode = 2;
}
