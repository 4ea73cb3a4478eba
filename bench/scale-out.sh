#!/usr/bin/env bash
# Several servers, two province cells, Kafka and the national service on this machine, on loopback only:
#   - two PostgreSQL clusters (pg_createcluster, ports 5433 and 5434): cell 19 (Thái Nguyên) and cell 11 (Điện Biên);
#   - three cho40 servers with the demo data of their cell: a1 and a2 on cell 19, b1 on cell 11, each able to take any
#     webhook (payments for the other cell's accounts are stored there, docs/architecture.md "Province cells");
#   - one Kafka broker (KRaft, bench/kafka.sh) and a national server (cho40.role=national) on the main cluster;
#   - HAProxy in front: one port per province for pages and the trader's stream (a host name per province in
#     production, docs/operations.md; loopback has no names), one port for webhooks to every server.
# Then: payments at a steady RATE a second into both provinces, with trader pages listening through the balancer
# (bench/ScaleOut.java, its own JVM); kill -9 of a1 and its restart; Kafka stopped for a while and started again.
# Checks: every webhook answered 2xx is in its own province's ledger exactly once and in no other cell; every listened
# stream received each of its payments (after replays, which the page de-duplicates by id); the national figures equal
# the sum of the cells'.
# Last: webhooks/s through the balancer to one server of cell 19 against two (same machine, 2 cores).
# Usage: bench/scale-out.sh [rate] [seconds-between-steps]. Exit 0 when every check holds.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-200}
gap=${2:-10}
for tool in haproxy pg_createcluster wrk; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install haproxy postgresql-common wrk" >&2; exit 1; }
done
java25=$(ls -d /usr/lib/jvm/*25*/bin/java | head -n 1)
./cho40 --help >/dev/null   # build the jar first
work=$(mktemp -d /tmp/cho40-scale.XXXX)
pgv=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
psql_at() { psql -h 127.0.0.1 -p "$1" -U postgres -q -t -A "${@:2}"; }
declare -A cell_port=([19]=5433 [11]=5434)
for p in 19 11; do
  name=cho40cell$p
  pg_lsclusters -h | awk '{print $2}' | grep -qx $name ||
    pg_createcluster "$pgv" $name -p "${cell_port[$p]}" -- --auth=trust >/dev/null
  pg_ctlcluster --skip-systemctl-redirect "$pgv" $name start 2>/dev/null || true
  until psql_at "${cell_port[$p]}" -d postgres -c "SELECT 1" >/dev/null 2>&1; do sleep 0.2; done
  psql_at "${cell_port[$p]}" -d postgres -c "DROP DATABASE IF EXISTS cho40 WITH (FORCE)" -c "CREATE DATABASE cho40"
done
psql_at 5432 -d postgres -c "DROP DATABASE IF EXISTS cho40national WITH (FORCE)" -c "CREATE DATABASE cho40national"
cell_url() { echo "postgres://postgres@127.0.0.1:${cell_port[$1]}/cho40"; }
cell_sql() { psql_at "${cell_port[$1]}" -d cho40 "${@:2}"; }

# One deployment: the same personal-data keys everywhere (the account's lookup hash routes a webhook to its cell).
export CHO40_DATA_KEYS="k1:$(head -c32 /dev/urandom | base64)" CHO40_INDEX_KEY="$(head -c32 /dev/urandom | base64)"
export CHO40_SEPAY_API_KEY=scale-key CHO40_ADMIN_PASSWORD=scale-password-1 CHO40_WEBHOOKS_BURST_PER_SOURCE=5000
export CHO40_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092
bench/kafka.sh start "$work/kafka" 19092 >/dev/null
cleanup() {
  touch "$work/stop" "$work/stop.streams"
  kill -9 $(cat "$work"/*.pid 2>/dev/null) 2>/dev/null || true
  pkill -9 -f -- "--cho40.cells.1[19]=postgres://postgres@127.0.0.1:543" 2>/dev/null || true
  bench/kafka.sh stop "$work/kafka" || true
  [ -f "$work/haproxy.pid" ] && kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true
  for p in 19 11; do pg_ctlcluster --skip-systemctl-redirect "$pgv" cho40cell$p stop 2>/dev/null || true; done
}
trap cleanup EXIT

# start NAME PORT PROVINCE OTHER: a demo server of cell PROVINCE that also routes webhooks to cell OTHER.
start() {
  mkdir -p "$work/demo$3"
  CHO40_DEMO_DATABASE_URL=$(cell_url "$3") CHO40_DEMO_DIR="$work/demo$3" SERVER_PORT=$2 \
    ./cho40 demo --cho40.demo.traffic-per-minute=0 --cho40.cell.provinces="$3" --cho40.cells."$4"="$(cell_url "$4")" \
    >>"$work/$1.log" 2>&1 &
  echo $! >"$work/$1.pid"
}
up() { until curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness"; do sleep 0.3; done; }
start a1 8241 19 11
start b1 8251 11 19
up 8241; up 8251
start a2 8242 19 11
DATABASE_URL=postgres://postgres@127.0.0.1:5432/cho40national SERVER_PORT=8270 \
  ./cho40 serve --cho40.role=national >>"$work/national.log" 2>&1 &
echo $! >"$work/national.pid"
up 8242; up 8270
until [ -s "$work/demo19/demo-traders.csv" ] && [ -s "$work/demo11/demo-traders.csv" ]; do sleep 0.3; done
echo "servers   a1 a2 (cell 19), b1 (cell 11), national; kafka; logs in $work"

cat >"$work/haproxy.cfg" <<EOF
global
    maxconn 4000
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
    option redispatch
    retries 3
frontend thainguyen
    bind 127.0.0.1:8240
    default_backend cell19
frontend dienbien
    bind 127.0.0.1:8250
    default_backend cell11
frontend webhooks
    bind 127.0.0.1:8260
    default_backend every_server
frontend one_server
    bind 127.0.0.1:8261
    default_backend a1_only
backend cell19
    balance leastconn
    option httpchk GET /actuator/health/readiness
    server a1 127.0.0.1:8241 check inter 500 fall 2 rise 2
    server a2 127.0.0.1:8242 check inter 500 fall 2 rise 2
backend cell11
    option httpchk GET /actuator/health/readiness
    server b1 127.0.0.1:8251 check inter 500 fall 2 rise 2
backend every_server
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    server a1 127.0.0.1:8241 check inter 500 fall 2 rise 2
    server a2 127.0.0.1:8242 check inter 500 fall 2 rise 2
    server b1 127.0.0.1:8251 check inter 500 fall 2 rise 2
backend a1_only
    server a1 127.0.0.1:8241
EOF
haproxy -f "$work/haproxy.cfg" -D -p "$work/haproxy.pid"
# Through the balancer once its health checks have seen the servers.
for port in 8240 8250 8260; do
  until curl -fs -o /dev/null "http://127.0.0.1:$port/trader/login"; do sleep 0.3; done
done

"$java25" bench/ScaleOut.java http://127.0.0.1:8260 scale-key "$rate" 10 "$work" "$work/stop" \
  19=http://127.0.0.1:8240,"$work/demo19/demo-traders.csv" 11=http://127.0.0.1:8250,"$work/demo11/demo-traders.csv" \
  >"$work/client.log" 2>&1 &
client=$!
until [ -f "$work/ready" ]; do kill -0 $client || { cat "$work/client.log"; exit 1; }; sleep 0.3; done
answers() { wc -l <"$work/answers.log"; }
echo "load      $rate webhooks/s into both provinces, $(wc -l <"$work/listened.txt") trader streams open"
sleep "$gap"
kill -9 "$(cat "$work/a1.pid")"
echo "kill -9   a1 after $(answers) answers"
sleep 3
start a1 8241 19 11; up 8241
echo "restart   a1 up again after $(answers) answers"
sleep "$gap"
bench/kafka.sh stop "$work/kafka"
echo "kafka     stopped after $(answers) answers"
sleep "$gap"
waiting=$(cell_sql 19 -c "SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL")
bench/kafka.sh start "$work/kafka" 19092 >/dev/null
echo "kafka     started again after $(answers) answers; $waiting events were waiting in cell 19's outbox"
sleep "$gap"
touch "$work/stop"
until [ -f "$work/delivered" ]; do sleep 0.5; done
for p in 19 11; do
  until [[ "$(cell_sql $p -c "SELECT count(*) FROM payment_event WHERE status = 'RECEIVED'")" == 0 ]]; do sleep 0.5; done
done
sleep 3   # the last matched payments on their way to the phones
touch "$work/stop.streams"
wait $client || true

echo "answers   $(awk '{print $4}' "$work/answers.log" | sort | uniq -c | awk '{printf "%s%s=%s", sep, ($2 == 0 ? "none" : $2), $1; sep=" "}')" \
  "(every answer the client got, retries included: 503 and none while a server or a cell was away)"
# Check 1: each reference answered 2xx is stored in its own cell once, ledgered once, and absent from the other cell.
fail=0
awk '$4 >= 200 && $4 < 300 {print $1 "," $2 "," $3}' "$work/answers.log" | sort -u >"$work/acked.csv"
awk '{print $1 "," $2 "," $3}' "$work/answers.log" | sort -u >"$work/sent.csv"
for p in 19 11; do
  other=$([[ $p == 19 ]] && echo 11 || echo 19)
  line=$(cell_sql $p -c "CREATE TEMP TABLE acked (ref text PRIMARY KEY, cell text, account text)" \
    -c "\copy acked FROM '$work/acked.csv' CSV" -c "
    SELECT (SELECT count(*) FROM acked WHERE cell = '$p') || ' ' ||
      (SELECT count(*) FROM acked a WHERE a.cell = '$p' AND NOT EXISTS
         (SELECT 1 FROM payment_event e WHERE e.bank_reference = a.ref)) || ' ' ||
      (SELECT count(*) FROM acked a WHERE a.cell = '$p' AND (SELECT count(*) FROM payment_event e
         JOIN ledger_transaction t ON t.payment_event_id = e.id WHERE e.bank_reference = a.ref) <> 1) || ' ' ||
      (SELECT count(*) FROM acked a WHERE a.cell = '$other' AND EXISTS
         (SELECT 1 FROM payment_event e WHERE e.bank_reference = a.ref))")
  read -r acked missing not_once foreign <<<"$line"
  echo "cell $p   acknowledged=$acked missing=$missing ledgered_not_exactly_once=$not_once in_the_other_cell=$foreign"
  [[ $acked -gt 0 && $missing == 0 && $not_once == 0 && $foreign == 0 ]] || fail=1
done

# Check 2: every listened trader's stream got each of its matched payments (and how many a replay sent again).
for p in 19 11; do
  awk -v c=$p '$1 == c {print $2 "," $3}' "$work/feed.log" >"$work/feed$p.csv"
  awk -v c=$p '$1 == c {print $2}' "$work/listened.txt" >"$work/listened$p.csv"
  line=$(cell_sql $p -c "CREATE TEMP TABLE sent (ref text PRIMARY KEY, cell text, account text)" \
    -c "CREATE TEMP TABLE got (account text, id uuid)" -c "CREATE TEMP TABLE listened (account text)" \
    -c "\copy sent FROM '$work/sent.csv' CSV" -c "\copy got FROM '$work/feed$p.csv' CSV" \
    -c "\copy listened FROM '$work/listened$p.csv' CSV" -c "
    WITH expected AS (SELECT s.account, e.id FROM sent s JOIN listened l ON l.account = s.account
                      JOIN payment_event e ON e.bank_reference = s.ref AND e.status = 'MATCHED')
    SELECT (SELECT count(*) FROM expected) || ' ' ||
      (SELECT count(*) FROM expected x WHERE NOT EXISTS (SELECT 1 FROM got g WHERE g.id = x.id AND g.account = x.account)) || ' ' ||
      (SELECT count(*) FROM (SELECT g.id FROM got g JOIN expected x ON x.id = g.id GROUP BY g.account, g.id
                             HAVING count(*) > 1) d)")
  read -r expected missed twice <<<"$line"
  echo "streams $p expected=$expected missed=$missed replayed_again=$twice (a reconnect replays from a little before" \
    "the last payment shown; the page drops those it has by id)"
  [[ $expected -gt 0 && $missed == 0 ]] || fail=1
done

# Check 3: the national figures (from Kafka) equal the sum of the cells' own tables, per province.
cell_totals() {
  for p in 19 11; do
    cell_sql $p -F ' ' -c "
      SELECT m.province_code, (SELECT count(*) FROM payment_event e JOIN market x ON x.id = e.market_id
                               WHERE e.status = 'MATCHED' AND x.province_code = m.province_code),
             (SELECT coalesce(sum(amount_vnd), 0) FROM payment_event e JOIN market x ON x.id = e.market_id
              WHERE e.status = 'MATCHED' AND x.province_code = m.province_code),
             (SELECT count(*) FROM bill_payment b JOIN market x ON x.id = b.market_id WHERE x.province_code = m.province_code),
             (SELECT coalesce(sum(b.amount_vnd), 0) FROM bill_payment b JOIN market x ON x.id = b.market_id
              WHERE x.province_code = m.province_code)
      FROM (SELECT DISTINCT province_code FROM market) m ORDER BY 1"
  done
}
national_totals() {
  psql_at 5432 -d cho40national -F ' ' -c "SELECT province_code, sum(payments_count), sum(payments_value_vnd),
    sum(bill_payments_count), sum(bill_payments_value_vnd) FROM national_market_day GROUP BY 1 ORDER BY 1"
}
for _ in $(seq 1 180); do [[ "$(cell_totals | sort)" == "$(national_totals | sort)" ]] && break; sleep 1; done
echo "national  province payments value bill_payments value"
national_totals | sed 's/^/  national /'
cell_totals | sort | sed 's/^/  cells    /'
if [[ "$(cell_totals | sort)" == "$(national_totals | sort)" ]]; then echo "national  equal to the cells: true"
else echo "national  equal to the cells: false"; fail=1; fi

# Throughput through the balancer: cell 19's webhooks to one server, then to two (same bodies, wrk in its own process).
awk -F, '{print $4}' "$work/demo19/demo-traders.csv" >"$work/accounts19.txt"
through() { # port run-id
  SEPAY_KEY=scale-key ACCOUNTS="$work/accounts19.txt" RUN_ID=$2 WEBHOOK_PATH=/webhooks/sepay \
    wrk -t1 -c64 -d15s -s bench/webhooks.lua "http://127.0.0.1:$1" | awk -F'[= ]' '/^ok_2xx=/ {print $8}'
}
through 8261 warm >/dev/null
one=$(through 8261 one)
two=$(through 8240 two)
echo "servers   webhooks_per_s one_server=$one two_servers=$two two_over_one=$(awk -v a="$one" -v b="$two" 'BEGIN {printf "%.2f", b / a}')"
echo "result    $([[ $fail == 0 ]] && echo PASS || echo FAIL)"
exit $fail
