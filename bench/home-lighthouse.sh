#!/usr/bin/env bash
# A staff member's start page on a phone: Lighthouse (npm `lighthouse`, Debian's chromium, mobile preset with its
# simulated slow 4G and 4x CPU slowdown) on /home, logged in through the staff login form, against ./cho40 demo.
# Usage: bench/home-lighthouse.sh [username ...] (default: the cashier and the province admin of Thái Nguyên).
# Prints, per user, the performance and accessibility scores and the bytes of the first load (goal: both >= 95).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8193}
users=("$@")
[ ${#users[@]} -gt 0 ] || users=(thungan.daitu tinh.thainguyen)
work=$(mktemp -d /tmp/cho40-home-lh.XXXX)
lh_dir=${LIGHTHOUSE_DIR:-/tmp/cho40-lighthouse}
if [ ! -x "$lh_dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$lh_dir" && (cd "$lh_dir" && npm install --silent lighthouse@12 >/dev/null)
fi
./cho40 --help >/dev/null
CHO40_DEMO_DIR="$work" SERVER_PORT=$port CHO40_ADMIN_PASSWORD=bench-password-1 \
  ./cho40 demo --cho40.demo.traffic-per-minute=0 >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
until [ -s "$work/demo-traders.csv" ]; do
  kill -0 "$server" 2>/dev/null || { echo "server exited, see $work/server.log" >&2; exit 1; }
  sleep 0.3
done
base="http://localhost:$port"
for user in "${users[@]}"; do
  jar="$work/cookies.$user"
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  landed=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$user" \
    --data-urlencode "password=cho40-demo-2026" --data-urlencode "_csrf=$token" "$base/login")
  [[ "$landed" == */home ]] || { echo "$user: login did not land on /home ($landed)" >&2; exit 1; }
  session=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
  CHROME_PATH=/usr/bin/chromium "$lh_dir/node_modules/.bin/lighthouse" "$base/home" --quiet --output=json \
    --output-path="$work/$user.json" --only-categories=performance,accessibility --max-wait-for-load=15000 \
    --extra-headers="{\"Cookie\":\"JSESSIONID=$session\"}" \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking" >/dev/null 2>&1 || true
  python3 - "$work/$user.json" "$user" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a = r["audits"]
print("%s url=%s performance=%d accessibility=%d transferred_kb=%.1f fcp_ms=%d lcp_ms=%d tbt_ms=%d cls=%.3f" % (
    sys.argv[2], r["finalDisplayedUrl"], round(r["categories"]["performance"]["score"] * 100),
    round(r["categories"]["accessibility"]["score"] * 100), a["total-byte-weight"]["numericValue"] / 1024,
    a["first-contentful-paint"]["numericValue"], a["largest-contentful-paint"]["numericValue"],
    a["total-blocking-time"]["numericValue"], a["cumulative-layout-shift"]["numericValue"]))
for k, v in a.items():
    if v.get("score") is not None and v["score"] < 1 and v.get("scoreDisplayMode") == "binary":
        print("  failing:", k, "-", v["title"])
PY
done
