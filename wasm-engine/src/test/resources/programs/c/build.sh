#!/bin/sh
# Rebuilds main.wasm from main.c (Debian: clang lld wasi-libc libclang-rt-14-dev-wasm32).
set -e
cd "$(dirname "$0")"
clang --target=wasm32-wasi --sysroot=/usr -O2 -Wall -o main.wasm main.c -Wl,--strip-debug
