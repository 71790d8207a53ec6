#!/usr/bin/env bash
# Fuzzes one of the engine's fuzz targets with Jazzer for a given time.
#
#   wasm-engine/fuzz.sh [target] [duration]
#
#   target:   decode | text | instantiate | execute   (default: decode)
#   duration: Jazzer's syntax, e.g. 30s, 5m, 2h       (default: 5m)
#
# Environment:
#   FUZZ_WORK_DIR  where the generated corpus and crash files go
#                  (default: wasm-engine/target/fuzz, kept out of src/ so that the
#                  regression run in `mvn verify` does not pick the corpus up)
#   KEEP_GOING     stop after this many distinct findings (default 1: the first one); with more,
#                  each finding is logged once and fuzzing goes on
#   HANG_MARGIN    how long past its 1 s call timeout a call may run before it counts as a
#                  hang (default 10s)
#   MVN_ARGS       extra Maven arguments, e.g. "-o" to stay offline
#
# It runs the target's @FuzzTest with JAZZER_FUZZ=1 at low priority. A crash stops the run
# with a failing test naming the undocumented exception (with KEEP_GOING the findings are logged
# as "== Java Exception" and the run goes on); each crash input is left in FUZZ_WORK_DIR as
# crash-<sha1>, and the script exits non-zero when there is a new one. Make a crash a
# regression input by copying it into
# src/test/resources/io/wasmspring/engine/fuzz/<TestClass>Inputs/<method>/ and replay it with
# `mvn -pl wasm-engine test -Dtest=<TestClass>` (regression mode, as in `mvn verify`).
set -euo pipefail

target="${1:-decode}"
duration="${2:-5m}"
case "$target" in
  decode)      test="DecoderFuzzTest#decode" ;;
  text)        test="TextParserFuzzTest#parseText" ;;
  instantiate) test="InstantiationFuzzTest#instantiate" ;;
  execute)     test="ExecutionFuzzTest#callExports" ;;
  *) echo "unknown target '$target': use decode, text, instantiate or execute" >&2; exit 2 ;;
esac

engine="$(cd "$(dirname "$0")" && pwd)"
work="${FUZZ_WORK_DIR:-$engine/target/fuzz}"
mkdir -p "$work"
echo "fuzzing $test for $duration; corpus and crashes in $work"

cd "$engine/.."
crashes_before=$(ls "$work" | grep -c '^crash-' || true)
status=0
JAZZER_FUZZ=1 nice -n 10 mvn -B ${MVN_ARGS:-} -pl wasm-engine test \
  -Dtest="io.wasmspring.engine.fuzz.$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.hooks=true -Djazzer.max_duration="$duration" -Djazzer.internal.basedir="$work" \
  -Djazzer.keep_going="${KEEP_GOING:-1}" -Dfuzz.hangMargin="${HANG_MARGIN:-10s}" || status=$?
# With KEEP_GOING above 1 Jazzer logs findings but lets the test pass: the crash files tell.
crashes_after=$(ls "$work" | grep -c '^crash-' || true)
if [ "$crashes_after" -gt "$crashes_before" ]; then
  echo "$((crashes_after - crashes_before)) new crash input(s) in $work" >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
