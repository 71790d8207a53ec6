#!/usr/bin/env bash
# Rebuilds the benchmark workloads from their C sources as WASI (wasm32-wasi) reactor modules.
# The .wasm files are committed, so neither `mvn verify` nor the benchmarks need this toolchain.
#
#   ./build.sh                  rebuild every <name>.wasm beside this script
#   ./build.sh native NAME N    print the checksum of run(N) computed natively with gcc from the
#                               same source (how the expected values in Workload.java were made)
#   ./build.sh native primes    print the length and CRC-32 of the native primes command's output
#                               (the expected values in WasiCommandBenchmark.java)
#
# Needs (Debian): clang lld wasi-libc libclang-rt-14-dev-wasm32; gcc for `native`.
set -euo pipefail
cd "$(dirname "$0")"

# -ffp-contract=off on both sides: no fused multiply-add, so f64 results are bit-identical
# between the native build and WebAssembly.
CFLAGS=(-O2 -ffp-contract=off -Wall -Wextra)

if [[ "${1:-}" == native ]]; then
    name=$2
    out=$(mktemp)
    trap 'rm -f "$out"' EXIT
    gcc "${CFLAGS[@]}" -DNATIVE -o "$out" "$name.c" -lm
    if [[ "$name" == primes ]]; then
        "$out" | python3 -c 'import sys, zlib; d = sys.stdin.buffer.read(); print(len(d), zlib.crc32(d))'
    else
        "$out" "$3"
    fi
    exit 0
fi

for source in fib mandelbrot nbody sha256 matmul interp calls; do
    clang --target=wasm32-wasi "${CFLAGS[@]}" -mexec-model=reactor \
        -Wl,--strip-debug -o "$source.wasm" "$source.c"
    echo "built $source.wasm ($(stat -c %s "$source.wasm") bytes)"
done

# A whole WASI command (main, _start), not a reactor.
clang --target=wasm32-wasi "${CFLAGS[@]}" -Wl,--strip-debug -o primes.wasm primes.c
echo "built primes.wasm ($(stat -c %s primes.wasm) bytes)"
