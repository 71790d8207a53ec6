#!/bin/sh
# Rebuilds src/main/resources/wasm/spin.wasm from spin.c: freestanding C, no libc.
# Needs clang and lld (Debian: apt-get install -y clang lld).
set -eu
cd "$(dirname "$0")"
out=../../resources/wasm/spin.wasm
clang --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--strip-debug -o "$out" spin.c
echo "built $out ($(wc -c < "$out") bytes)"
