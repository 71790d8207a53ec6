#!/usr/bin/env bash
# Load test of the demo app on this machine: builds the app's jar, starts it on a loopback port,
# waits until it is healthy, runs LoadClient.java against GET /add and GET /greet, and stops the
# app again. Exits non-zero when any request failed or got a wrong answer.
#
# Needs only a JDK (17+) and Maven. Settings, all optional, as environment variables:
#   PORT=18080 CONCURRENCY=16 REQUESTS=20000 WARMUP=3000 MAX_SECONDS=300 ENDPOINTS=add,greet
#   SKIP_BUILD=1          use demo-app/target/demo-app-*.jar as it is
#   MVN_ARGS="-o"         extra Maven arguments for the build
#   APP_JAVA_OPTS="-Xmx512m"   JVM options for the app
#   APP_ARGS="--logging.level.io.wasmspring.demo.Console=warn"   extra Spring arguments for the app
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
port="${PORT:-18080}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "Building the demo app..."
    (cd "$root" && mvn -q ${MVN_ARGS:-} -pl demo-app -am package -Dmaven.test.skip=true)
fi
jar="$(ls "$root"/demo-app/target/demo-app-*.jar | grep -v '\.original$' | head -n 1)"

log="$(mktemp -t demo-app-load.XXXXXX.log)"
echo "Starting $jar on 127.0.0.1:$port (log: $log)"
# shellcheck disable=SC2086
java ${APP_JAVA_OPTS:-} -jar "$jar" --server.address=127.0.0.1 --server.port="$port" ${APP_ARGS:-} >"$log" 2>&1 &
app=$!
stop_app() {
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
}
trap stop_app EXIT

java "$here/LoadClient.java" --base "http://127.0.0.1:$port" --wait-healthy 120 \
    --concurrency "${CONCURRENCY:-16}" --requests "${REQUESTS:-20000}" --warmup "${WARMUP:-3000}" \
    --max-seconds "${MAX_SECONDS:-300}" --endpoints "${ENDPOINTS:-add,greet}"
