#!/bin/sh
# Build the CLI, run it over the held-out documents and score it against the hand annotations.
# usage: tests/heldout/score.sh [CLI]   (run from the repository root; CLI defaults to a fresh build)
set -e
here=$(cd "$(dirname "$0")" && pwd)
gold=${ZHSCAN_SHARED_DIR:-$here/../../../shared}/gold
cli=${1:-}
if [ -z "$cli" ]; then
  cli=$(mktemp -d)/zhscan
  g++ -std=c++17 -O2 -I"$here/../../include" "$here/../../examples/zhscan.cpp" -o "$cli" -pthread
fi
pred=$(mktemp -d)
mkdir -p "$pred/markers" "$pred/metrics"
for f in "$here"/*.txt; do
  n=$(basename "$f")
  "$cli" markers "$f" > "$pred/markers/$n.jsonl"
  "$cli" metrics "$f" > "$pred/metrics/$n.jsonl"
done
python3 "$gold/score_outline.py" "$here/outline" "$pred/markers" --errors
python3 "$gold/score_metrics.py" "$here/metrics" "$pred/metrics" --seeds "$here" --errors
