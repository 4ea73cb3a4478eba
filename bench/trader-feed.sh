#!/usr/bin/env bash
# The trader app's live feed under load, on the real PostgreSQL server (127.0.0.1:5432) with the demo data:
#   latency:     TRADERS traders × 1 open page each (bench/FeedLoad.java listen, its own JVM); wrk (the payments-in
#                load generator, bench/feed.lua) sends webhooks at RATE/s to them, each amount stamped with the
#                millisecond it was sent; the listener times each event's arrival against it (p50/p99);
#   connections: 50 traders × 100 streams = 5,000 open connections, 20 payments/s, the server's peak RSS.
# The load (bench/FeedLoad.java) runs in its own JVM. Usage: bench/trader-feed.sh [rate] [seconds] [traders]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
rate=${1:-1000}
secs=${2:-20}
traders=${3:-200}
port=${PORT:-8195}
db=cho40feed
java25=$(ls -d /usr/lib/jvm/*25*/bin/java | head -n 1)
pg="psql -h 127.0.0.1 -U postgres -q -t -A"
./cho40 --help >/dev/null
$pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
work=$(mktemp -d /tmp/cho40-feed.XXXX)
CHO40_DEMO_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" CHO40_DATA_KEYS="k1:$(head -c32 /dev/urandom | base64)" \
  CHO40_INDEX_KEY="$(head -c32 /dev/urandom | base64)" CHO40_SEPAY_API_KEY=feed-key CHO40_ADMIN_PASSWORD=bench-pass-1 \
  CHO40_DEMO_DIR="$work" SERVER_PORT=$port ./cho40 demo --cho40.demo.traffic-per-minute=0 >"$work/server.log" 2>&1 &
server=$!   # the launcher execs java: this is the server's own pid
trap 'kill $server 2>/dev/null || true' EXIT
# The demo writes its traders (market,stall,phone,account; mode 600) into its folder once loaded; FeedLoad reads them.
until [ -s "$work/demo-traders.csv" ]; do sleep 0.3; done
export DEMO_TRADERS="$work/demo-traders.csv"
peak_rss() { while true; do awk '/VmRSS/ {print $2}' "/proc/$server/status" >>"$work/rss.$1"; sleep 0.5; done; }

# One round: the listener holds the traders' pages open, wrk sends RATE webhooks a second to their accounts.
round() {
  "$java25" bench/FeedLoad.java listen "http://localhost:$port" "$traders" 1 $(($2 + 5)) "$work/$1.accounts" \
    >"$work/$1.listen" & local listener=$!
  until [ -f "$work/$1.accounts.ready" ]; do sleep 0.2; done
  SEPAY_KEY=feed-key ACCOUNTS="$work/$1.accounts" RATE=$rate RUN_ID=$((RANDOM * 3 + ${#1})) wrk -t1 -c200 -d"$2s" \
    --latency -s bench/feed.lua "http://localhost:$port" >"$work/$1.wrk"
  wait $listener
}
peak_rss latency & sampler=$!
round warmup 30   # the JIT compiles the whole path first: a market server runs for days
round latency "$secs"
kill $sampler
echo "latency     rate=$rate/s wrk: $(grep -E 'requests in|Non-2xx|^ +(50|99)%' "$work/latency.wrk" | tr -s ' \n' ' ')"
echo "            listener (webhook sent → event on the page): $(cat "$work/latency.listen")"
peak_rss conns & sampler=$!
echo "connections $("$java25" bench/FeedLoad.java "http://localhost:$port" feed-key 50 100 20 "$secs" | tr '\n' ' ')"
kill $sampler
echo "server      peak_rss_mib_at_${rate}_per_s=$(( $(sort -n "$work/rss.latency" | tail -1) / 1024 ))"
echo "server      peak_rss_mib_with_5000_streams=$(( $(sort -n "$work/rss.conns" | tail -1) / 1024 ))"
