#!/bin/sh
# Rebuilds src/main/resources/wasm/wc.wasm from wc.c, a WASI preview1 command.
# Needs clang, lld and wasi-libc (Debian: apt-get install -y clang lld wasi-libc libclang-rt-14-dev-wasm32).
set -eu
cd "$(dirname "$0")"
out=../../resources/wasm/wc.wasm
clang --target=wasm32-wasi -O2 -Wl,--strip-debug -o "$out" wc.c
echo "built $out ($(wc -c < "$out") bytes)"
