#!/usr/bin/env bash
# How long a server with trader phones connected takes to stop, and whether it logs an error doing so:
# the demo on the real PostgreSQL server (127.0.0.1:5432), TRADERS traders' pages held open by bench/FeedLoad.java
# (its own JVM, one stream each), then SIGTERM to the server; prints the seconds from SIGTERM to exit and the
# ERROR/exception lines the server logged after SIGTERM (goal: under 10 s, none).
# Usage: bench/shutdown.sh [traders]
set -euo pipefail
cd "$(dirname "$0")/.."
traders=${1:-200}
port=${PORT:-8197}
db=cho40shutdown
java25=$(ls -d /usr/lib/jvm/*25*/bin/java | head -n 1)
pg="psql -h 127.0.0.1 -U postgres -q -t -A"
./cho40 --help >/dev/null
$pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
work=$(mktemp -d /tmp/cho40-shutdown.XXXX)
CHO40_DEMO_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" CHO40_DATA_KEYS="k1:$(head -c32 /dev/urandom | base64)" \
  CHO40_INDEX_KEY="$(head -c32 /dev/urandom | base64)" CHO40_SEPAY_API_KEY=shutdown-key CHO40_ADMIN_PASSWORD=bench-pass-1 \
  CHO40_DEMO_DIR="$work" SERVER_PORT=$port ./cho40 demo --cho40.demo.traffic-per-minute=0 >"$work/server.log" 2>&1 &
server=$!   # the launcher execs java: this is the server's own pid
trap 'kill -9 $server 2>/dev/null || true; kill $listener 2>/dev/null || true' EXIT
# The demo writes its traders' phones and accounts to its own folder once loaded (bench/FeedLoad.java reads it).
until [ -s "$work/demo-traders.csv" ]; do
  kill -0 $server 2>/dev/null || { echo "server exited, see $work/server.log" >&2; exit 1; }
  sleep 0.3
done
export DEMO_TRADERS="$work/demo-traders.csv"
"$java25" bench/FeedLoad.java listen "http://localhost:$port" "$traders" 1 120 "$work/accounts" >"$work/listen" 2>&1 &
listener=$!
until [ -f "$work/accounts.ready" ]; do sleep 0.2; done
open=$(cat "$work/accounts.ready")
lines_before=$(wc -l <"$work/server.log")
t0=$(date +%s%N)
kill -TERM $server
while kill -0 $server 2>/dev/null; do sleep 0.05; done
t1=$(date +%s%N)
errors=$(tail -n +"$((lines_before + 1))" "$work/server.log" | grep -cE " ERROR |Exception" || true)
echo "shutdown  open_streams=$open seconds_to_exit=$(awk -v d=$((t1 - t0)) 'BEGIN {printf "%.2f", d / 1e9}') error_lines_after_sigterm=$errors"
[ "$errors" = 0 ] || tail -n +"$((lines_before + 1))" "$work/server.log" | grep -E " ERROR |Exception" | head -5
