#!/usr/bin/env bash
# Builds the benchmarks and runs them side by side: our engine, Chicory's interpreter and
# Chicory's compiler under JMH (one fork unless --forks, few short iterations: fit for a 2-core
# machine), node as the near-native reference (skipped with a reason when absent), then prints
# the table of time ratios per workload with their geometric mean.
#
#   wasm-benchmarks/run.sh [quick|full] [Compare options]
#
#   quick  3 x 2 s warm-up, 3 x 1 s measured per benchmark   (about 10 minutes)
#   full   5 x 3 s warm-up, 5 x 3 s measured per benchmark   (about 25 minutes)
#
# Compare options narrow the run: --workloads fib,nbody  --runtimes wasmspring,chicory-compiler
# --no-boundary  --no-workloads  --no-wasi  --no-node; --forks 3 averages three JVMs per benchmark
# (steadier: one JVM's JIT can be 20% off the next).  Environment: SKIP_BUILD=1 reuses the built jar;
# WASM_BUILD_DIR moves the engine's build folder (e.g. when others build the same checkout);
# WASI_TESTSUITE_DIR locates the WASI test suite whose large Rust module is loaded in place;
# NODE_BINARY picks the node executable.
#
# Results: the JMH JSON and the table go to wasm-benchmarks/target/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=quick
if [[ $# -gt 0 && ( "$1" == quick || "$1" == full ) ]]; then
    mode=$1
    shift
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "building wasm-benchmarks/target/benchmarks.jar ..."
    mvn -B -ntp -q -pl wasm-benchmarks -am package -DskipTests \
        ${WASM_BUILD_DIR:+-Dwasm.build.dir="$WASM_BUILD_DIR"}
fi

results=wasm-benchmarks/target/results
mkdir -p "$results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
suite=${WASI_TESTSUITE_DIR:-../shared/wasi-testsuite}

java "-Dwasi.testsuite.dir=$suite" -cp wasm-benchmarks/target/benchmarks.jar \
    io.wasmspring.benchmarks.compare.Compare "$mode" \
    --result "$results/jmh-$mode-$stamp.json" --table "$results/table-$mode-$stamp.txt" "$@"
echo "results: $results/jmh-$mode-$stamp.json, $results/table-$mode-$stamp.txt"
