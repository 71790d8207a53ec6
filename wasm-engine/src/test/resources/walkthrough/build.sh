#!/bin/sh
# Rebuilds walkthrough.wasm from walkthrough.c (freestanding, no libc).
# Needs Debian's clang and lld: apt-get install -y clang lld
set -eu
cd "$(dirname "$0")"
clang --target=wasm32 -O2 -nostdlib -fno-builtin -mbulk-memory \
    -Wl,--no-entry \
    -o walkthrough.wasm walkthrough.c
echo "built $(pwd)/walkthrough.wasm ($(wc -c < walkthrough.wasm) bytes)"
