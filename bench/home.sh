#!/usr/bin/env bash
# The province administrator's start page (/home) on the demo: latency of one request at a time, after a warm-up,
# logged in through the staff login form like a browser. Prints p50, p95 and p99 in milliseconds (goal: p95 <= 200).
# REQUESTS (default 500) sets how many are measured; TRAFFIC (default 0) the demo's simulated customers a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8197}
requests=${REQUESTS:-500}
data=$(mktemp -d /tmp/cho40-home.XXXX)
./cho40 --help >/dev/null   # build the jar first
CHO40_DEMO_DIR="$data" SERVER_PORT=$port CHO40_ADMIN_PASSWORD=bench-password-1 CHO40_PROVIDER_PROVINCE=19 \
  ./cho40 demo --cho40.demo.traffic-per-minute="${TRAFFIC:-0}" >"$data/server.log" 2>&1 &
server=$!   # ./cho40 execs java: this is the server's own process
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
base="http://localhost:$port"
# The demo is up when the province admin can log in (the logins are made after the markets and traders load).
jar="$data/cookies"
login() {
  local token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=tinh.thainguyen" \
    --data-urlencode "password=cho40-demo-2026" --data-urlencode "_csrf=$token" "$base/login"
}
for _ in $(seq 600); do
  kill -0 "$server" 2>/dev/null || { echo "server exited, see $data/server.log" >&2; exit 1; }
  [[ "$(login 2>/dev/null || true)" == */home ]] && break
  rm -f "$jar"; sleep 0.5
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/home")" == 200 ]] || { echo "no /home" >&2; exit 1; }
measure() {
  for _ in $(seq "$1"); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$base/home"
  done
}
measure 50 >/dev/null   # warm-up: JIT, connection pool, PostgreSQL's caches
measure "$requests" >"$data/times"
bad=$(awk '$1 != 200' "$data/times" | wc -l)
awk '{ printf "%.1f\n", $2 * 1000 }' "$data/times" | sort -n | awk -v n="$requests" -v bad="$bad" '
  { ms[NR] = $1 }
  END { printf "province admin /home: requests=%d non_200=%d p50_ms=%s p95_ms=%s p99_ms=%s max_ms=%s\n",
          n, bad, ms[int(n * 0.50)], ms[int(n * 0.95)], ms[int(n * 0.99)], ms[n] }'
