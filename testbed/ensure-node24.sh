#!/usr/bin/env bash
# Fetches Node 24 (GitHub's action runtime, `runs.using: node24`) into .testbed/node24/, so the
# e2e tests run the committed dist/ bundles on it as well as on the Node that runs the tests.
# Source: the npm registry's node-linux-<arch> package (the official binary, repackaged), pinned
# by version and checked against a pinned sha512. Skips the download when it is already there.
set -euo pipefail
version=24.21.0
case "$(uname -m)" in
  x86_64) arch=x64; integrity='sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==' ;;
  aarch64 | arm64) arch=arm64; integrity='sha512-FpJRPEz2OvvTLfjIOlNGFY9JLPMKgl5m+d4oGYBLg24kJ1mmvN1Zl/HPJgF4HDaJ51ISev1l1cRZ/DM+keXW5g==' ;;
  *) echo "ensure-node24: no Node 24 package for $(uname -m); the Node 24 e2e tests need linux x64 or arm64" >&2; exit 1 ;;
esac
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/.testbed/node24"
if [ -x "$dest/bin/node" ] && [ "$("$dest/bin/node" --version)" = "v$version" ]; then exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetching Node $version (node-linux-$arch from the npm registry) for the Node 24 e2e tests" >&2
(cd "$work" && npm pack --silent "node-linux-$arch@$version" >/dev/null)
tarball="$work/node-linux-$arch-$version.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "ensure-node24: node-linux-$arch@$version does not match the pinned sha512 ($actual)" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/bin/node
mkdir -p "$dest/bin"
mv "$work/package/bin/node" "$dest/bin/node.partial"
mv "$dest/bin/node.partial" "$dest/bin/node"
"$dest/bin/node" --version >/dev/null
