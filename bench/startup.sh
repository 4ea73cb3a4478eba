#!/usr/bin/env bash
# Measures ./cho40 demo: milliseconds to the first HTTP 200, and the memory (PSS) of the server and of its
# embedded PostgreSQL once the demo is loaded. Cold = empty data folder (loads 24,720 administrative units
# and the demo province); warm = the same folder again. Baseline in the same run: ./cho40 --help (JVM
# start without Spring or a database).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8199}
data=$(mktemp -d /tmp/cho40-bench.XXXX)
./cho40 --help >/dev/null   # build the jar first, outside the measurement

now_ms() { date +%s%3N; }
# Proportional set size: shared pages (PostgreSQL's shared buffers) counted once across processes.
pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }

baseline() {
  local start end
  start=$(now_ms); ./cho40 --help >/dev/null; end=$(now_ms)
  echo $((end - start))
}

run_once() {
  local label=$1 start end pid rss_java rss_pg
  start=$(now_ms)
  CHO40_DEMO_DIR="$data" SERVER_PORT=$port CHO40_ADMIN_PASSWORD=bench-password-1 ./cho40 demo >"$data/$label.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited, see $data/$label.log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(now_ms)
  # Wait until the demo is loaded (the market directory answers with Chợ Đu) before reading memory.
  until [[ "$(curl -fs "http://localhost:$port/api/v1/markets?q=cho%20du" || true)" == *TN-DU* ]]; do sleep 0.1; done
  java_pid=$(pgrep -f "cho40.jar demo" | head -n 1)
  rss_java=$(pss_kib "$java_pid")
  pg_pid=$(pgrep -f -- "-D $data/pgdata" | head -n 1)
  rss_pg=0
  for p in $pg_pid $(pgrep -P "$pg_pid"); do rss_pg=$((rss_pg + $(pss_kib "$p"))); done
  kill "$java_pid"; wait "$pid" 2>/dev/null || true
  echo "$label first_http_200_ms=$((end - start)) server_pss_mib=$((rss_java / 1024)) postgres_pss_mib=$((rss_pg / 1024))"
}

echo "baseline ./cho40 --help ms=$(baseline)"
run_once cold
run_once warm
echo "baseline ./cho40 --help ms=$(baseline)"
rm -rf "$data"
