#!/usr/bin/env bash
# Webhook ingest on a real PostgreSQL server (127.0.0.1:5432), this machine's 2 cores shared by the server,
# PostgreSQL and the load generator (wrk, its own process). Same run, same server, same bodies:
#   1. baseline: POST /bench/raw, the best durable ingest of the raw body alone (group commit, nothing else);
#   2. webhooks: POST /webhooks/sepay, verified (API key, constant time), stored raw + normalized (encrypted)
#      before the 2xx, deduplicated, then matched and posted to the ledger off the request thread.
# Reports requests/s (answered 2xx; any other answer fails the run) and p50/p99 of each, the webhook/baseline
# ratio, the rate at which payments were matched and ledgered end to end, and the server's peak RSS.
# Usage: bench/webhooks.sh [seconds] [connections]. Accepted webhooks give their rate-limit token back, so only the
# burst (requests in flight from 127.0.0.1) could hold the load back: it is raised above the connection count.
# CHO40_MATCHER_THREADS=0 switches matching off, to measure the webhook path alone against the baseline.
# BILLS=1: a third of the measured webhooks pay open bills into the boards' collection accounts (each bill once,
# its code in the transfer text): bills for future quarters are issued first so there are enough of them.
# SPREAD=1: the sales go to the traders of every demo market instead of Chợ Đại Từ's alone.
# JFR=file.jfr / PERF=perf.data: a Java Flight Recording of the server / perf samples of PostgreSQL, measured run only.
# STATEMENTS=file: PostgreSQL's top statements by time during the measured run (needs pg_stat_statements preloaded).
set -euo pipefail
exec 3>&2   # load's failure message, also from inside the timed block whose stderr is wrk's CPU time
cd "$(dirname "$0")/.."
secs=${1:-30}
conns=${2:-128}
port=${PORT:-8198}
db=cho40bench
pg="psql -h 127.0.0.1 -U postgres -q -t -A"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
./cho40 --help >/dev/null   # build the jar outside the measurement

$pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
work=$(mktemp -d /tmp/cho40-webhooks.XXXX)
key=bench-$(date +%s)
CHO40_DEMO_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" CHO40_DATA_KEYS="k1:$(head -c32 /dev/urandom | base64)" \
  CHO40_INDEX_KEY="$(head -c32 /dev/urandom | base64)" CHO40_SEPAY_API_KEY=$key CHO40_ADMIN_PASSWORD=bench-password-1 \
  CHO40_DEMO_DIR="$work" SERVER_PORT=$port CHO40_WEBHOOKS_BURST_PER_SOURCE=$((conns + 200)) \
  ./cho40 demo --cho40.bench.baseline=true --cho40.demo.traffic-per-minute=0 >"$work/server.log" 2>&1 &
launcher=$!
trap 'kill $(pgrep -f "cho40.jar demo --cho40.bench" || true) 2>/dev/null || true' EXIT
until [[ "$(curl -fs "http://localhost:$port/api/v1/markets?q=cho%20dai%20tu" || true)" == *TN-DAITU* ]]; do
  kill -0 "$launcher" 2>/dev/null || { echo "server exited, see $work/server.log" >&2; exit 1; }
  sleep 0.2
done
# The demo's traders (market,stall,phone,account), written into its own folder once loaded: no endpoint lists them.
until [ -s "$work/demo-traders.csv" ]; do sleep 0.2; done
# Sales go to Chợ Đại Từ's traders (every transaction then shares that market's row); SPREAD=1: to every demo market's.
awk -F, -v all="${SPREAD:-0}" '(all == 1 || $1 == "TN-DAITU") && NR > 1 {print $4}' "$work/demo-traders.csv" \
  >"$work/accounts.txt"
server=$(pgrep -f "cho40.jar demo --cho40.bench" | head -n 1)
# Wait for the demo's load to end (it ends with ANALYZE) and its own fee payments to settle: the measured load must
# not share the machine with it (a warm-up once ran into the demo's history load and waited on its locks).
until [[ "$($pg -d $db -c "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'bill_payment'
                           AND last_analyze IS NOT NULL")" == 1 &&
         "$($pg -d $db -c "SELECT count(*) FROM payment_event WHERE status = 'RECEIVED'")" == 0 ]]; do sleep 1; done
: >"$work/bills.txt"
if [[ "${BILLS:-0}" == 1 ]]; then
  # Bill every market for the next quarters through the API.
  year=$(date +%Y)
  for m in $($pg -d $db -c "SELECT code FROM market WHERE collection_account_no IS NOT NULL ORDER BY code"); do
    for q in 1 2 3 4; do for y in $((year + 1)) $((year + 2)) $((year + 3)) $((year + 4)) $((year + 5)) $((year + 6)); do
      curl -s -o /dev/null -u admin:bench-password-1 -H 'Content-Type: application/json' \
        -d "{\"period\":\"$y-Q$q\"}" "http://localhost:$port/api/v1/markets/$m/billing-runs"
    done; done
  done
  $pg -d $db -F , -c "SELECT m.collection_account_no, b.payment_code, b.total_vnd - b.paid_vnd - b.waived_vnd - b.credited_vnd
    FROM bill b JOIN market m ON m.id = b.market_id WHERE b.status = 'OPEN' AND b.period_start > now() + interval '1 month'
    ORDER BY b.id" >"$work/bills.txt"
  echo "bills     open_for_the_run=$(wc -l <"$work/bills.txt")"
fi

load() { # path seconds run-id: prints the run's line; fails the benchmark when any request was not answered 2xx
  local bills=""
  [[ "$3" == hooks ]] && bills="$work/bills.txt"   # bills are paid in the measured run only, each once
  SEPAY_KEY=$key ACCOUNTS="$work/accounts.txt" BILLS="$bills" WEBHOOK_PATH=$1 RUN_ID=$3 \
    wrk -t1 -c"$conns" -d"$2"s --latency -s bench/webhooks.lua "http://localhost:$port" >"$work/$3.txt"
  # The rate is of 2xx answers only (webhooks.lua's done()), not wrk's Requests/sec, which counts refusals too.
  local counts
  counts=$(awk -F'[= ]' '/^ok_2xx=/ {print $2, $4, $6}' "$work/$3.txt")
  read -r ok not2xx unanswered <<<"${counts:-0 0 0}"
  if [[ -z "$counts" || $ok == 0 || $not2xx != 0 || $unanswered != 0 ]]; then
    echo "bench: $1 ($3): $ok answered 2xx, $not2xx answered otherwise, $unanswered without an answer." \
      "Every request must be valid and answered 2xx: see $work/$3.txt and $work/server.log" >&3
    return 1
  fi
  awk '/^ok_2xx=/ {split($4, r, "="); rps=r[2]} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
       END {printf "requests_per_s=%s p50=%s p99=%s non_2xx=0\n", rps, p50, p99}' "$work/$3.txt"
}
cpu_ticks() { # CPU ticks (1/100 s) used so far by the server, and by all PostgreSQL processes together
  local pg=0 p
  for p in $(pgrep -x postgres); do pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$(awk '{print $14 + $15}' "/proc/$server/stat") $pg"
}
peak_rss() { # samples the server's RSS every 0.5 s into $work/rss until killed
  while true; do awk '/VmRSS/ {print $2}' "/proc/$server/status" >>"$work/rss"; sleep 0.5; done
}

load /webhooks/sepay 30 warmup >/dev/null   # C2 still compiles after 15 s at this rate
# The planner's statistics as autovacuum keeps them on a live server. This machine's PostgreSQL runs with autovacuum
# off, and a plan made while a table looked tiny stays a sequential scan: the foreign-key check of each payment's
# request then read the whole table (2 ms a payment) and the run collapsed to ~400/s (docs/benchmarks.md).
$pg -d $db -c "ANALYZE"
load /bench/raw 15 warmraw >/dev/null
load /bench/raw "$secs" raw >"$work/raw.line"
echo "baseline  $(cat "$work/raw.line")"
peak_rss & sampler=$!
if [[ -n "${STATEMENTS:-}" ]]; then # what PostgreSQL spent its time on during the measured run (pg_stat_statements)
  $pg -d $db -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null
fi
start=$($pg -d $db -c "SELECT now()")
# The database's growth per payment (tables and indexes, the baseline's own table left out): the capacity model.
db_bytes() { $pg -d $db -c "SELECT pg_database_size('$db') - pg_total_relation_size('bench_raw')"; }
bytes0=$(db_bytes)
read -r server0 pg0 <<<"$(cpu_ticks)"
t0=$(date +%s%N)
[[ -n "${JFR:-}" ]] && jcmd "$server" JFR.start name=bench settings=${JFC:-profile} duration="${secs}s" filename="$JFR" >/dev/null
[[ -n "${PERF:-}" ]] && perf record -F 499 -g -o "$PERF" -p "$(pgrep -d, -x postgres)" -- sleep "$secs" >/dev/null 2>&1 &
[[ -n "${PROFILE:-}" ]] && "${ASPROF:-asprof}" ${PROFILE_ARGS:--e itimer} -d "$secs" -o collapsed -f "$PROFILE" "$server" >/dev/null 2>&1 &
TIMEFORMAT='%U %S'
{ time load /webhooks/sepay "$secs" hooks >"$work/hooks.line"; } 2>"$work/wrk.cpu"
echo "webhooks  $(cat "$work/hooks.line")"
matching=$([[ "${CHO40_MATCHER_THREADS:-1}" == 0 ]] && echo off || echo on)
# Wait for the matcher to finish the backlog, then measure end to end: first stored to last ledgered.
if [[ $matching == on ]]; then
  until [[ "$($pg -d $db -c "SELECT count(*) FROM payment_event WHERE status = 'RECEIVED'")" == 0 ]]; do sleep 0.5; done
fi
kill $sampler
read -r server1 pg1 <<<"$(cpu_ticks)"
awk -v s=$((server1 - server0)) -v p=$((pg1 - pg0)) -v t=$(( ($(date +%s%N) - t0) / 10000000 )) '{w = $1 + $2}
  END {printf "cpu       server=%d%% postgres=%d%% wrk=%d%% of one core, from the first webhook to the last match\n",
       100 * s / t, 100 * p / t, 10000 * w / t}' "$work/wrk.cpu"
if [[ $matching == off ]]; then
  # The webhook path alone against the baseline (docs/benchmarks.md).
  echo "ledgered  none: matching is off (CHO40_MATCHER_THREADS=0)"
else
  $pg -d $db -F ' ' -c "
  SELECT 'ledgered  payments=' || count(*) || ' per_s=' ||
         round(count(*) / extract(epoch FROM max(t.posted_at) - min(e.created_at))::numeric, 0) ||
         ' posted_exactly_once=' || (count(DISTINCT t.payment_event_id) = count(*))
  FROM payment_event e JOIN ledger_transaction t ON t.payment_event_id = e.id
  WHERE e.bank_reference LIKE 'Whooks-%' AND e.created_at >= '$start'"
  if [[ "${BILLS:-0}" == 1 ]]; then
    $pg -d $db -F ' ' -c "
    SELECT 'bills     settled=' || count(*) FILTER (WHERE e.status = 'SETTLED') || ' of_payments=' || count(*) ||
           ' exceptions=' || count(*) FILTER (WHERE e.status = 'EXCEPTION')
    FROM payment_event e WHERE e.bank_reference LIKE 'Whooks-%' AND e.created_at >= '$start'"
    # The boards that issue e-documents (the demo sets up two) get one per bill paid in full: numbered, signed and
    # stored by the issuer in the database, one transaction each. Wait (at most 10 min) for what the run asked for.
    waiting="SELECT count(*) FROM einvoice_request r JOIN einvoice_setting s ON s.market_id = r.market_id
             WHERE r.issued_id IS NULL AND r.next_try_at <= now() AND r.attempts = 0"
    for _ in $(seq 1200); do [[ "$($pg -d $db -c "$waiting")" == 0 ]] && break; sleep 0.5; done
    $pg -d $db -F ' ' -c "
    SELECT 'einvoices issued=' || count(*) || ' first_to_last_s=' ||
           round(extract(epoch FROM max(created_at) - min(created_at))::numeric, 1) || ' per_s=' ||
           round(count(*) / greatest(extract(epoch FROM max(created_at) - min(created_at)), 0.001)::numeric, 0) ||
           ' still_waiting=' || ($waiting)
    FROM e_document WHERE created_at >= '$start'"
  fi
fi
if [[ -n "${STATEMENTS:-}" ]]; then
  $pg -d $db -F ' | ' -c "SELECT round(total_exec_time)::bigint AS ms, calls, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$db')
    ORDER BY total_exec_time DESC LIMIT 25" >"$STATEMENTS"
  echo "statements top 25 by time in $STATEMENTS"
fi
echo "server    peak_rss_mib=$(( $(sort -n "$work/rss" | tail -1) / 1024 ))"
$pg -d $db -c "CHECKPOINT" >/dev/null
paid=$($pg -d $db -c "SELECT count(*) FROM payment_event WHERE created_at >= '$start'")
echo "disk      grew_mib=$(( ($(db_bytes) - bytes0) / 1048576 )) bytes_per_payment=$(( ($(db_bytes) - bytes0) / (paid > 0 ? paid : 1) ))"
