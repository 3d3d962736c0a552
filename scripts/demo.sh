#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The README's first Quick start command: installs what is missing (Debian: g++, cmake,
# ninja-build), builds the `zhscan` command-line program, and runs it on the bundled
# sample work report: outline markers, the section tree, and the quantities.
#
#   ./scripts/demo.sh [FILE]      (default FILE: samples/report.txt)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
INPUT=${1:-$REPO/samples/report.txt}
BUILD=${ZHSCAN_BUILD_DIR:-$REPO/build/demo}

# Only the missing packages; no apt run when all are there.
pkgs=(g++ cmake ninja-build)
missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
fi
if ((${#missing[@]})); then
  echo "== installing ${missing[*]}"
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "not root and no sudo: install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

echo "== building the zhscan program in $BUILD"
cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DZHSCAN_BUILD_TESTS=OFF -DZHSCAN_BUILD_BENCH=OFF -DZHSCAN_BUILD_FUZZ=OFF \
  -DZHSCAN_BUILD_EXAMPLES=ON -DZHSCAN_INSTALL=OFF -DZHSCAN_WERROR=OFF >/dev/null
mkdir -p "$BUILD"
if ! cmake --build "$BUILD" --target zhscan_cli -j 2 >"$BUILD/build.log" 2>&1; then
  cat "$BUILD/build.log"
  exit 1
fi
zhscan=$BUILD/examples/zhscan

for cmd in markers outline metrics; do
  echo
  echo "== zhscan $cmd ${INPUT#"$REPO"/}"
  "$zhscan" "$cmd" "$INPUT"
done
