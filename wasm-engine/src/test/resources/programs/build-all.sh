#!/bin/sh
# Rebuilds every test program's main.wasm from its source. Needs the toolchains listed in
# DESIGN.md ("Tests and data"): clang/lld/wasi-libc, Debian's rustc with the wasm32-wasi std,
# Go 1.23, npm (AssemblyScript), and the engine's compiled classes for the text-format program.
# `mvn verify` needs none of this: the built binaries are committed.
set -e
cd "$(dirname "$0")"
for language in c rust go assemblyscript wat; do
    echo "== $language"
    "./$language/build.sh"
    ls -l "$language/main.wasm"
done
