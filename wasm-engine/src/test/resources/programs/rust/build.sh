#!/bin/sh
# Rebuilds main.wasm from main.rs with Debian's rustc and its wasm32-wasi std
# (apt-get install rustc libstd-rust-dev-wasm32). No SIMD: the target's default features.
set -e
cd "$(dirname "$0")"
RUSTC=${RUSTC:-/usr/bin/rustc}
"$RUSTC" --edition 2021 --target wasm32-wasi -C opt-level=s -C debuginfo=0 -C strip=debuginfo \
    -C panic=abort -o main.wasm main.rs
