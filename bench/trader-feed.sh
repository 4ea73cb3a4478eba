#!/usr/bin/env bash
# The trader app's live feed under load, on the real PostgreSQL server (127.0.0.1:5432) with the demo data:
#   latency:     TRADERS traders × 1 open page each, webhooks at RATE/s to them: time from sending the webhook
#                to the payment arriving on the page's stream (p50/p99), all in the load process's clock;
#   connections: 50 traders × 100 streams = 5,000 open connections, 20 payments/s, the server's peak RSS.
# The load (bench/FeedLoad.java) runs in its own JVM. Usage: bench/trader-feed.sh [rate] [seconds] [traders]
set -euo pipefail
cd "$(dirname "$0")/.."
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
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" CHO40_DATA_KEYS="k1:$(head -c32 /dev/urandom | base64)" \
  CHO40_INDEX_KEY="$(head -c32 /dev/urandom | base64)" CHO40_SEPAY_API_KEY=feed-key CHO40_ADMIN_PASSWORD=bench-pass-1 \
  CHO40_DATA_DIR="$work" SERVER_PORT=$port ./cho40 demo --cho40.demo.traffic-per-minute=0 >"$work/server.log" 2>&1 &
trap 'kill $(pgrep -f "cho40.jar demo --cho40.demo.traffic-per-minute=0" || true) 2>/dev/null || true' EXIT
until [[ "$(curl -fs "http://localhost:$port/api/v1/demo/traders?market=TN-DAITU" || true)" == *phone* ]]; do
  sleep 0.3
done
server=$(pgrep -f "cho40.jar demo --cho40.demo.traffic-per-minute=0" | head -n 1)
peak_rss() { while true; do awk '/VmRSS/ {print $2}' "/proc/$server/status" >>"$work/rss.$1"; sleep 0.5; done; }

"$java25" bench/FeedLoad.java "http://localhost:$port" feed-key 50 1 200 10 >/dev/null   # warm-up
echo "latency     $("$java25" bench/FeedLoad.java "http://localhost:$port" feed-key "$traders" 1 "$rate" "$secs" | tr '\n' ' ')"
peak_rss conns & sampler=$!
echo "connections $("$java25" bench/FeedLoad.java "http://localhost:$port" feed-key 50 100 20 "$secs" | tr '\n' ' ')"
kill $sampler
echo "server      peak_rss_mib_with_5000_streams=$(( $(sort -n "$work/rss.conns" | tail -1) / 1024 ))"
