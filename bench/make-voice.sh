#!/usr/bin/env bash
# Makes the pre-recorded number words the trader app plays when the phone has no Vietnamese speech voice
# (src/main/resources/static/audio/vi/*.wav): espeak-ng's Northern Vietnamese voice, 8 kHz 8-bit mono, a few
# kilobytes each, fetched only when needed. Needs Debian's espeak-ng and sox. The names match feed.js.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/static/audio/vi
mkdir -p "$out"
while read -r name word; do
  espeak-ng -v vi -s 150 -w /tmp/cho40-word.wav "$word"
  sox /tmp/cho40-word.wav -r 8000 -c 1 -e u-law "$out/$name.wav" silence 1 0.02 1% reverse silence 1 0.02 1% reverse
done <<'WORDS'
khong không
mot một
mot-sac mốt
hai hai
ba ba
bon bốn
tu tư
nam năm
lam lăm
sau sáu
bay bảy
tam tám
chin chín
muoi-huyen mười
muoi mươi
linh linh
tram trăm
nghin nghìn
trieu triệu
ty tỷ
dong đồng
da-nhan đã nhận
WORDS
ls -l "$out" | awk '{s+=$5} END {print NR-1 " files, " s " bytes"}'
