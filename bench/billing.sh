#!/usr/bin/env bash
# A billing run for a province of 60,000 stalls × 3 charges (issue 13's goal: preview and issue each <= 60 s on this
# 2-core machine against the PostgreSQL server, server RSS <= 512 MB). Runs on the country bench/rollout.sh left when
# it is there (KEEP=1 bench/rollout.sh keeps it), otherwise on a database of its own, cho40bill (the demo alone);
# adds bench/billing-data.sql once, then previews and issues one month for each of the 150 markets one after the
# other through the API (curl, its own process), and reads the server's peak RSS.
# Usage: bench/billing.sh       FRESH=1 starts cho40bill again from nothing
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8197}
pg="psql -h 127.0.0.1 -U postgres -q -t -A"
exists() { [[ -s "/tmp/$1.keys" && -n "$($pg -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" ]]; }
db=cho40kpi
fresh=0
if ! exists "$db"; then
  db=cho40bill
  if [[ "${FRESH:-0}" == 1 ]] || ! exists "$db"; then
    fresh=1
    $pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    printf 'k1:%s\n%s\n' "$(head -c32 /dev/urandom | base64)" "$(head -c32 /dev/urandom | base64)" >"/tmp/$db.keys"
    chmod 600 "/tmp/$db.keys"
  fi
fi
keys=/tmp/$db.keys
echo "== database $db"
./cho40 --help >/dev/null
work=$(mktemp -d /tmp/cho40-billing.XXXX)
CHO40_DEMO_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" CHO40_DATA_KEYS="$(sed -n 1p "$keys")" \
  CHO40_INDEX_KEY="$(sed -n 2p "$keys")" CHO40_ADMIN_PASSWORD=bench-password-1 CHO40_DEMO_DIR="$work" \
  SERVER_PORT=$port ./cho40 demo --cho40.demo.traffic-per-minute=0 \
  $([[ $fresh == 0 ]] && echo --spring.flyway.validate-on-migrate=false) >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
base="http://localhost:$port"
# Ready when the login page answers and, on a fresh database, the demo's bills are in.
until curl -fs -o /dev/null "$base/login" && { [[ $fresh == 0 ]] || grep -q "(demo bills)" "$work/server.log"; }; do
  kill -0 "$server" 2>/dev/null || { echo "server exited, see $work/server.log" >&2; exit 1; }
  sleep 0.5
done
sleep 5
if [[ "$($pg -d "$db" -c "SELECT count(*) FROM market WHERE code LIKE 'F79-%'")" == 0 ]]; then
  $pg -d "$db" -f bench/billing-data.sql
fi
period=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
# A period not issued yet for these markets: each run of this script bills the next month back.
issued=$($pg -d "$db" -c "SELECT count(DISTINCT period_start) FROM billing_run r JOIN market m ON m.id = r.market_id WHERE m.code LIKE 'F79-%'")
period=$(date -d "${period}-01 -${issued} month" +%Y-%m)
java_pid=$(pgrep -P "$server" java || pgrep -f "java.*cho40.*jar" | tail -1)
markets=$($pg -d "$db" -c "SELECT code FROM market WHERE code LIKE 'F79-%' ORDER BY code")
run() { # dry: true|false; prints seconds for every market, one at a time
  local dry=$1 start end
  start=$(date +%s.%N)
  for m in $markets; do
    code=$(curl -s -o "$work/run.json" -w '%{http_code}' -u admin:bench-password-1 -H 'Content-Type: application/json' \
      -d "{\"period\":\"$period\",\"dryRun\":$dry}" "$base/api/v1/markets/$m/billing-runs")
    [[ "$code" == 200 ]] || { echo "market $m dryRun=$dry: HTTP $code $(head -c 300 "$work/run.json")" >&2; exit 1; }
  done
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
preview=$(run true)
issue=$(run false)
bills=$($pg -d "$db" -c "SELECT count(*) FROM bill b JOIN market m ON m.id = b.market_id WHERE m.code LIKE 'F79-%' AND b.period_start = '$period-01'")
lines=$($pg -d "$db" -c "SELECT count(*) FROM bill_line l JOIN market m ON m.id = l.market_id WHERE m.code LIKE 'F79-%'")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$java_pid/status")
echo "billing $period for 150 markets, 60,000 stalls x 3 charges: preview ${preview} s, issue ${issue} s (goal <= 60 s each);" \
  "bills issued ${bills}, lines so far ${lines}; server peak RSS $((hwm / 1024)) MiB (goal <= 512)"
