#!/bin/sh
# Rebuilds src/main/resources/wasm/hello.wasm from hello.c: freestanding C, no libc.
# Needs clang and lld (Debian: apt-get install -y clang lld).
set -eu
cd "$(dirname "$0")"
out=../../resources/wasm/hello.wasm
clang --target=wasm32 -O2 -nostdlib -fno-builtin -Wl,--no-entry -Wl,--strip-debug \
    -o "$out" hello.c
echo "built $out ($(wc -c < "$out") bytes)"
