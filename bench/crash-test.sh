#!/usr/bin/env bash
# Crash test (issue: no acknowledged payment is lost). Under a steady webhook load on the real PostgreSQL server:
#   - kill -9 the server KILLS times and start it again;
#   - restart PostgreSQL once while the server runs: it must answer 503 meanwhile and recover by itself.
# Then every webhook that got a 2xx must be stored and, its account being a trader's, in the ledger exactly
# once; nothing may be posted twice. Exit 0 when all holds. Usage: bench/crash-test.sh [kills] [seconds-between]
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-5}
gap=${2:-6}
port=${PORT:-8197}
db=cho40crash
pg="psql -h 127.0.0.1 -U postgres -q -t -A"
./cho40 --help >/dev/null
$pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
work=$(mktemp -d /tmp/cho40-crash.XXXX)
export CHO40_DEMO_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" CHO40_DATA_KEYS="k1:$(head -c32 /dev/urandom | base64)"
export CHO40_INDEX_KEY="$(head -c32 /dev/urandom | base64)" CHO40_SEPAY_API_KEY=crash-key CHO40_DEMO_DIR="$work"
export CHO40_ADMIN_PASSWORD=crash-password-1 SERVER_PORT=$port

start_server() {
  ./cho40 demo --cho40.demo.traffic-per-minute=0 >>"$work/server.log" 2>&1 &
  until curl -fs -o /dev/null "http://localhost:$port/actuator/health"; do sleep 0.1; done
}
server_pid() { pgrep -f "cho40.jar demo --cho40.demo.traffic" | head -n 1; }
cleanup() { touch "$work/stop"; kill -9 $(server_pid) 2>/dev/null || true; }
trap cleanup EXIT

start_server
# Once loaded, the demo writes its traders (market,stall,phone,account; mode 600) into its own folder: no endpoint
# lists them.
until [ -s "$work/demo-traders.csv" ]; do sleep 0.2; done
awk -F, '$1 == "TN-DAITU" {print $4}' "$work/demo-traders.csv" >"$work/accounts.txt"
python3 bench/crash_client.py localhost "$port" crash-key "$work/accounts.txt" "$work/answers.log" "$work/stop" &
client=$!

for i in $(seq 1 "$kills"); do
  sleep "$gap"
  kill -9 "$(server_pid)"
  echo "kill -9 #$i at $(wc -l <"$work/answers.log") answers"
  start_server
done

sleep "$gap"
echo "restarting PostgreSQL under load"
before=$(wc -l <"$work/answers.log")
if command -v pg_ctlcluster >/dev/null; then pg_ctlcluster 15 main restart; else service postgresql restart; fi
until $pg -d postgres -c "SELECT 1" >/dev/null 2>&1; do sleep 0.2; done
sleep "$gap"
after_ok=$(tail -n +"$before" "$work/answers.log" | awk '$2 == 200' | tail -n 20 | wc -l)
unavailable=$(tail -n +"$before" "$work/answers.log" | awk '$2 == 503' | wc -l)
touch "$work/stop"; wait "$client" || true

until [[ "$($pg -d $db -c "SELECT count(*) FROM payment_event WHERE status = 'RECEIVED'")" == 0 ]]; do sleep 0.5; done
awk '$2 >= 200 && $2 < 300 {print $1}' "$work/answers.log" | sort -u >"$work/acked.txt"
$pg -d $db -c "CREATE TEMP TABLE acked (ref text PRIMARY KEY)" -c "\copy acked FROM '$work/acked.txt'" \
  -c "SELECT 'acknowledged=' || (SELECT count(*) FROM acked)
        || ' missing=' || (SELECT count(*) FROM acked a WHERE NOT EXISTS
              (SELECT 1 FROM payment_event e WHERE e.bank_reference = a.ref))
        || ' not_ledgered=' || (SELECT count(*) FROM acked a WHERE NOT EXISTS
              (SELECT 1 FROM payment_event e JOIN ledger_transaction t ON t.payment_event_id = e.id
               WHERE e.bank_reference = a.ref))
        || ' posted_twice=' || (SELECT count(*) FROM (SELECT payment_event_id FROM ledger_transaction
              WHERE payment_event_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d)
        || ' events_twice=' || (SELECT count(*) FROM (SELECT bank_reference FROM payment_event
              GROUP BY 1 HAVING count(*) > 1) d)" | tee "$work/result.txt"
echo "postgres_restart: 503 answers meanwhile=$unavailable, 2xx after recovery=$after_ok (of the last 20)"
grep -q "missing=0 not_ledgered=0 posted_twice=0 events_twice=0" "$work/result.txt" && [ "$after_ok" -gt 0 ]
