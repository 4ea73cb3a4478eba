#!/usr/bin/env bash
# The rollout dashboards and the open data over a country's worth of data on the PostgreSQL server (127.0.0.1:5432):
# the demo, then bench/rollout-data.sql adds ~8,300 live markets, ~330,000 traders and the monthly aggregates of
# ~50 million credited payments (Jan 2023 to now). One request at a time from curl (its own process), after a
# warm-up, logged in like a browser. Prints p50/p95/p99 in ms per page (goal: p95 <= 200 ms) and the open-data CSV
# of every market of the country for one month (goal: <= 1 s).
# Usage: bench/rollout.sh [requests per page, default 200]. KEEP=1 keeps the database cho40kpi for a second run.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-200}
port=${PORT:-8196}
db=cho40kpi
pg="psql -h 127.0.0.1 -U postgres -q -t -A"
./cho40 --help >/dev/null   # build the jar outside the measurement
work=$(mktemp -d /tmp/cho40-rollout.XXXX)
fresh=1
keys=/tmp/$db.keys   # the database's encryption keys, kept for KEEP=1
if [[ "${KEEP:-0}" == 1 && -s "$keys" && -n "$($pg -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
  fresh=0
else
  $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  printf 'k1:%s\n%s\n' "$(head -c32 /dev/urandom | base64)" "$(head -c32 /dev/urandom | base64)" >"$keys"
  chmod 600 "$keys"
fi
CHO40_DEMO_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" CHO40_DATA_KEYS="$(sed -n 1p "$keys")" \
  CHO40_INDEX_KEY="$(sed -n 2p "$keys")" CHO40_ADMIN_PASSWORD=bench-password-1 CHO40_DEMO_DIR="$work" \
  SERVER_PORT=$port ./cho40 demo --cho40.demo.traffic-per-minute=0 \
  $([[ $fresh == 0 ]] && echo --spring.flyway.validate-on-migrate=false) >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
base="http://localhost:$port"
jar="$work/cookies"
login() {
  local token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$1" \
    --data-urlencode "password=$2" --data-urlencode "_csrf=$token" "$base/login"
}
for _ in $(seq 900); do
  kill -0 "$server" 2>/dev/null || { echo "server exited, see $work/server.log" >&2; exit 1; }
  # A fresh database is ready when the demo's rollout history is in; a kept one when the admin can log in.
  [[ "$(login tinh.thainguyen cho40-demo-2026 2>/dev/null || true)" == */home ]] && \
    { [[ $fresh == 0 ]] || grep -q "demo rollout history" "$work/server.log"; } && break
  rm -f "$jar"; sleep 0.5
done
if [[ $fresh == 1 ]]; then
  echo "== generating the country (bench/rollout-data.sql)"
  start=$(date +%s)
  $pg -d "$db" -f bench/rollout-data.sql | grep -v '^$' | tail -n 4
  echo "generated in $(( $(date +%s) - start )) s"
fi
commune=$($pg -d "$db" -c "SELECT commune_code FROM market WHERE code LIKE 'B%' AND province_code = '19' ORDER BY code LIMIT 1")
market=$($pg -d "$db" -c "SELECT code FROM market WHERE code LIKE 'B%' AND province_code = '19' ORDER BY code LIMIT 1")
last=$($pg -d "$db" -c "SELECT to_char(date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '1 month', 'YYYY-MM')")
measure() { # name path: one request at a time, after a warm-up
  local name=$1 path=$2
  for _ in $(seq 20); do curl -s -o /dev/null -b "$jar" "$base$path"; done
  for _ in $(seq "$requests"); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total} %{size_download}\n' "$base$path"
  done >"$work/times"
  bad=$(awk '$1 != 200' "$work/times" | wc -l)
  bytes=$(tail -n 1 "$work/times" | awk '{print $3}')
  awk '{ printf "%.1f\n", $2 * 1000 }' "$work/times" | sort -n | awk -v n="$requests" -v bad="$bad" -v name="$name" \
    -v bytes="$bytes" '{ ms[NR] = $1 } END { printf "%-34s n=%d non_200=%d bytes=%s p50_ms=%s p95_ms=%s p99_ms=%s\n",
      name, n, bad, bytes, ms[int(n * 0.50)], ms[int(n * 0.95)], ms[int(n * 0.99)] }'
}
echo "== province admin of Thái Nguyên (19), one request at a time"
measure "province dashboard (this month)" "/rollout"
measure "province dashboard ($last, frozen)" "/rollout?level=PROVINCE&code=19&month=$last"
measure "province by former districts" "/rollout?level=PROVINCE&code=19&regime=pre2025"
measure "charts JSON (province, 48 months)" "/rollout/series.json?level=PROVINCE&code=19"
measure "commune $commune" "/rollout?level=COMMUNE&code=$commune"
measure "market $market (stalls)" "/rollout?level=MARKET&code=$market"
measure "baseline: GET /login (no data)" "/login"
echo "== open data: every market of the country, one month (CSV)"
for month in "$last" ""; do
  for _ in 1 2; do curl -s -o /dev/null "$base/api/v1/open-data/kpi.csv?level=market&month=$month"; done
  for _ in 1 2 3 4 5; do
    curl -s -o "$work/kpi.csv" -w '%{http_code} %{time_total}\n' "$base/api/v1/open-data/kpi.csv?level=market&month=$month"
  done >"$work/csv-times"
  rows=$(($(wc -l <"$work/kpi.csv") - 1))
  sort -k2 -n "$work/csv-times" | awk -v m="${month:-running month}" -v rows="$rows" \
    'NR == 3 { printf "open data CSV, all markets, %s: rows=%d median_ms=%.0f\n", m, rows, $2 * 1000 }'
done
