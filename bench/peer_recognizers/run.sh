#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Peer comparison: Microsoft Recognizers-Text (npm, culture zh-cn, all number and
# number-with-unit models, line by line) vs zhscan on the shared corpus, both scored by
# ../shared/gold/score_metrics.py; prints both scores and both throughputs (MB/s).
# usage: bench/peer_recognizers/run.sh [SHARED_DIR]   (default: <repo>/../shared)
# Installs the npm packages into bench/peer_recognizers/node_modules (not committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${1:-${ZHSCAN_SHARED_DIR:-$repo/../shared}}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
docs=("$shared"/corpus/*.txt)

if [ ! -d "$here/node_modules/@microsoft/recognizers-text-number-with-unit" ]; then
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error)
fi

echo "== building zhscan"
"${CXX:-g++}" -std=c++17 -O2 -I"$repo/include" "$repo/examples/zhscan.cpp" -o "$work/zhscan"
"${CXX:-g++}" -std=c++17 -O2 -I"$repo/include" "$here/zhscan_speed.cpp" -o "$work/zhscan_speed"

mkdir -p "$work/zhscan_pred"
for d in "${docs[@]}"; do "$work/zhscan" metrics "$d" > "$work/zhscan_pred/$(basename "$d").jsonl"; done

echo "== running recognizers-text (slow: minutes)"
node "$here/run.js" "$work/rt_pred" "${docs[@]}"

score() {
  python3 "$shared/gold/score_metrics.py" "$shared/gold/metrics" "$1" --seeds "$shared/corpus" --json |
    python3 -c '
import json, sys
txt = sys.stdin.read()
data = json.loads(txt[txt.index("\n{") + 1:])["OVERALL"]
for g in ("all", "arabic", "mixed", "han"):
    d = data[g]
    print("  [%-6s] exact F1 %.4f  overlap F1 %.4f  value acc %.4f  unit acc %.4f" %
          (g, d["exact_f1"], d["overlap_f1"], d["value_acc"], d["unit_acc"]))'
}
echo "== scores (score_metrics.py, overall)"
echo "zhscan:"; score "$work/zhscan_pred"
echo "recognizers-text:"; score "$work/rt_pred"
echo "== throughput"
zs="$("$work/zhscan_speed" "${docs[@]}")"
echo "$zs"
rt="$(cat "$work/rt_pred/speed.txt")"
python3 - "$zs" "$rt" <<'PY'
import re, sys
z = float(re.search(r"median ([0-9.]+) MB/s", sys.argv[1]).group(1))
r = float(sys.argv[2])
print("recognizers-text: %.4f MB/s\nzhscan / recognizers-text speed ratio: %.0fx" % (r, z / r))
PY
