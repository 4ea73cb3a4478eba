#!/usr/bin/env bash
# Local products: the size of a product page (HTML + CSS + JS, before images) and the Google feed of a province
# with 5,000 products, on the database bench/rollout.sh left (run it first, then this with the same keys).
# Usage: bench/products.sh. Goals: a product page <= 50 KB; the province feed <= 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8195}
db=cho40kpi
keys=/tmp/$db.keys
pg="psql -h 127.0.0.1 -U postgres -q -t -A"
[[ -s "$keys" ]] || { echo "run bench/rollout.sh first (it makes $db and $keys)" >&2; exit 1; }
./cho40 --help >/dev/null
work=$(mktemp -d /tmp/cho40-products.XXXX)
CHO40_DEMO_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" CHO40_DATA_KEYS="$(sed -n 1p "$keys")" \
  CHO40_INDEX_KEY="$(sed -n 2p "$keys")" CHO40_ADMIN_PASSWORD=bench-password-1 CHO40_DEMO_DIR="$work" \
  SERVER_PORT=$port ./cho40 demo --cho40.demo.traffic-per-minute=0 \
  --spring.flyway.validate-on-migrate=false >"$work/server.log" 2>&1 &   # the kept database was migrated earlier
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
base="http://localhost:$port"
until curl -fs -o /dev/null "$base/dac-san"; do
  kill -0 "$server" 2>/dev/null || { echo "server exited, see $work/server.log" >&2; exit 1; }
  sleep 0.5
done
sleep 3 # the demo's products are added after the port opens
if [[ "$($pg -d "$db" -c "SELECT count(*) FROM product WHERE created_by = 'bench'")" == 0 ]]; then
  $pg -d "$db" -f bench/products-data.sql
fi
id=$($pg -d "$db" -c "SELECT id FROM product WHERE created_by = 'demo' ORDER BY name LIMIT 1")
html=$(curl -s -o "$work/page.html" -w '%{size_download}' "$base/dac-san/$id")
css=$(curl -s -o /dev/null -w '%{size_download}' "$base/css/app.css")
scripts=$( (grep -o '<script[^>]*src="[^"]*"' "$work/page.html" || true) | wc -l)
echo "product page: html=${html} B, css=${css} B, script files=${scripts}, total=$((html + css)) B (goal <= 51200)"
for _ in 1 2 3; do curl -s -o /dev/null "$base/feeds/google/province/19.xml"; done
for _ in $(seq 10); do
  curl -s -o "$work/feed.xml" -w '%{http_code} %{time_total} %{size_download}\n' "$base/feeds/google/province/19.xml"
done >"$work/feed-times"
items=$( (grep -o "<item>" "$work/feed.xml" || true) | wc -l)
sort -k2 -n "$work/feed-times" | awk -v items="$items" '
  { t[NR] = $2; b = $3 } END { printf "province feed (19): items=%s bytes=%d median_ms=%.0f max_ms=%.0f (goal <= 1000)\n",
    items, b, t[5] * 1000, t[10] * 1000 }'
