#!/bin/sh
# Rebuilds main.wasm from assembly/index.ts with AssemblyScript and its WASI shim, at the versions
# pinned in package-lock.json. The build runs in a work directory outside the source tree so that
# node_modules (35 MB) never lands among the test resources that Maven copies.
set -e
cd "$(dirname "$0")"
HERE=$(pwd)
WORK=${AS_WORK_DIR:-${TMPDIR:-/tmp}/wasm-spring-boot-assemblyscript}
mkdir -p "$WORK"
cp package.json package-lock.json asconfig.json "$WORK"/
rm -rf "$WORK/assembly" && cp -r assembly "$WORK"/
cd "$WORK"
npm ci --no-audit --no-fund
npx asc assembly/index.ts --config asconfig.json --target release --outFile "$HERE/main.wasm"
