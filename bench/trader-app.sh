#!/usr/bin/env bash
# The trader app's first load on a phone: Lighthouse (npm `lighthouse`, Debian's chromium, mobile preset with
# its simulated slow 4G and 4x CPU slowdown) on /trader, logged in as the demo trader, against ./cho40 demo.
# Prints the performance and accessibility scores and the bytes transferred by the first load.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8196}
work=$(mktemp -d /tmp/cho40-lh.XXXX)
lh_dir=${LIGHTHOUSE_DIR:-/tmp/cho40-lighthouse}
if [ ! -x "$lh_dir/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$lh_dir" && (cd "$lh_dir" && npm install --silent lighthouse@12 >/dev/null)
fi
./cho40 --help >/dev/null
CHO40_DEMO_DIR="$work" SERVER_PORT=$port CHO40_ADMIN_PASSWORD=bench-password-1 \
  ./cho40 demo --cho40.demo.traffic-per-minute=0 >"$work/server.log" 2>&1 &
trap 'kill $(pgrep -f "cho40.jar demo --cho40.demo.traffic-per-minute=0" || true) 2>/dev/null || true' EXIT
until [ -s "$work/demo-traders.csv" ]; do sleep 0.3; done   # written by the demo once its province is loaded
jar="$work/cookies"
base="http://localhost:$port"
csrf() { curl -fs -c "$jar" -b "$jar" "$base$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
phone=0961000000
page=$(curl -fs -c "$jar" -b "$jar" --data-urlencode "phone=$phone" --data-urlencode "_csrf=$(csrf /trader/login)" \
  "$base/trader/login/code")
code=$(echo "$page" | grep -o 'demo-sms[^<]*<[^>]*>[^<]*\|[0-9]\{6\}' | grep -o '[0-9]\{6\}' | head -1)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "phone=$phone" --data-urlencode "code=$code" \
  --data-urlencode "_csrf=$(csrf /trader/login)" "$base/trader/login"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
CHROME_PATH=/usr/bin/chromium "$lh_dir/node_modules/.bin/lighthouse" "$base/trader" --quiet --output=json \
  --output-path="$work/report.json" --only-categories=performance,accessibility --max-wait-for-load=15000 \
  --extra-headers="{\"Cookie\":\"JSESSIONID=$session\"}" \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking" >/dev/null 2>&1 || true
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
a = r["audits"]
print("url=%s performance=%d accessibility=%d transferred_kb=%.1f fcp_ms=%d lcp_ms=%d tbt_ms=%d cls=%.3f" % (
    r["finalDisplayedUrl"], round(r["categories"]["performance"]["score"] * 100),
    round(r["categories"]["accessibility"]["score"] * 100), a["total-byte-weight"]["numericValue"] / 1024,
    a["first-contentful-paint"]["numericValue"], a["largest-contentful-paint"]["numericValue"],
    a["total-blocking-time"]["numericValue"], a["cumulative-layout-shift"]["numericValue"]))
for k, v in a.items():
    if v.get("score") is not None and v["score"] < 1 and v.get("scoreDisplayMode") == "binary":
        print("  failing:", k, "-", v["title"])
PY
