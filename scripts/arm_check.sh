#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The aarch64 build, checked on an x86-64 machine (the `arm` step of scripts/test.sh):
#   1. cross-builds the unit tests and the command-line program with g++-aarch64-linux-gnu,
#      -Wall -Wextra -Wpedantic -Werror (the default build's warnings), -O1;
#   2. runs the unit tests under qemu-aarch64 (user mode, -L /usr/aarch64-linux-gnu): on
#      aarch64 the NEON paths (simd_level::neon) are compared with the scalar ones;
#   3. cross-builds the fuzz harnesses with fuzz/replay_main.cpp and replays the seed corpus
#      (fuzz/seeds, plus the shared corpus documents) under qemu: each harness checks every
#      path against the scalar one;
#   4. when the shared corpus is present, compares the aarch64 program's `metrics`,
#      `markers` and `tokens` output over it with an x86-64 build's, byte for byte, and the
#      windowed `metrics`/`tokens` (4 KiB windows) with the x86-64 whole-input output.
#
#   scripts/arm_check.sh BUILD_DIR [X86_ZHSCAN]
#
# X86_ZHSCAN: an x86-64 build of the program to compare with (default: built here, -O1).
# Environment: ZHSCAN_SHARED_DIR (default <repo>/../shared), ZHSCAN_JOBS (2).
# Needs the Debian packages g++-aarch64-linux-gnu, qemu-user and catch2 (2.13, header part).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:?usage: arm_check.sh BUILD_DIR [X86_ZHSCAN]}
X86=${2:-}
JOBS=${ZHSCAN_JOBS:-2}
SHARED=${ZHSCAN_SHARED_DIR:-$REPO/../shared}
CXX=aarch64-linux-gnu-g++
SYSROOT=/usr/aarch64-linux-gnu
QEMU=(qemu-aarch64 -L "$SYSROOT")

command -v "$CXX" >/dev/null || { echo "no $CXX (Debian: g++-aarch64-linux-gnu)" >&2; exit 1; }
command -v qemu-aarch64 >/dev/null || { echo "no qemu-aarch64 (Debian: qemu-user)" >&2; exit 1; }
[[ -f /usr/include/catch2/catch.hpp ]] || { echo "no Catch2 2.x header (Debian: catch2)" >&2; exit 1; }

mkdir -p "$OUT/inc" "$OUT/obj"
# Only the Catch2 header directory is shared with the host (no host include path).
ln -sfn /usr/include/catch2 "$OUT/inc/catch2"
printf '#define CATCH_CONFIG_MAIN\n#include <catch2/catch.hpp>\n' >"$OUT/catch_main.cpp"

FLAGS=(-std=c++17 -O1 -Wall -Wextra -Wpedantic -Werror -I"$REPO/include" -I"$REPO/tests"
       -isystem "$OUT/inc")
$CXX --version | head -n 1

# 1. Cross build: the test files in parallel (ZHSCAN_JOBS), then the program.
sources=("$OUT/catch_main.cpp")
for f in "$REPO"/tests/test_*.cpp; do sources+=("$f"); done
rm -f "$OUT"/obj/*.o
printf '%s\n' "${sources[@]}" | xargs -P "$JOBS" -I{} sh -c \
  'o="$1/obj/$(basename "$2" .cpp).o"; src=$2; shift 2; echo "  $src"; exec "$@" -c "$src" -o "$o"' \
  sh "$OUT" {} "$CXX" "${FLAGS[@]}"
$CXX -o "$OUT/zhscan_tests" "$OUT"/obj/*.o -pthread
$CXX "${FLAGS[@]}" -pthread "$REPO/examples/zhscan.cpp" -o "$OUT/zhscan"
file "$OUT/zhscan_tests" | sed 's/,.*//'

# 2. The unit tests under emulation.
"${QEMU[@]}" "$OUT/zhscan_tests"

# 3. The fuzz harnesses' seed corpora under emulation.
mkdir -p "$OUT/fuzz"
ls "$REPO"/fuzz/fuzz_*.cpp | xargs -P "$JOBS" -I{} sh -c \
  'o="$1/fuzz/$(basename "$2" .cpp)"; src=$2; shift 2; echo "  $src"; exec "$@" "$src" -o "$o"' \
  sh "$OUT" {} "$CXX" "${FLAGS[@]}" "$REPO/fuzz/replay_main.cpp"
seed_dirs=("$REPO/fuzz/seeds")
[[ -d $SHARED/corpus ]] && seed_dirs+=("$SHARED/corpus")
for h in "$OUT"/fuzz/fuzz_*; do
  "${QEMU[@]}" "$h" "${seed_dirs[@]}"
  echo "$(basename "$h"): seeds replayed under qemu-aarch64 (${seed_dirs[*]})"
done

# 4. The program's output on the shared corpus: aarch64 against x86-64.
if [[ ! -d $SHARED/corpus ]]; then
  echo "no shared corpus at $SHARED/corpus: program output not compared"
  exit 0
fi
if [[ -z $X86 ]]; then
  X86=$OUT/zhscan_x86
  g++ "${FLAGS[@]}" -pthread "$REPO/examples/zhscan.cpp" -o "$X86"
fi
for cmd in metrics markers tokens; do
  "${QEMU[@]}" "$OUT/zhscan" "$cmd" -j 2 "$SHARED/corpus" >"$OUT/$cmd.arm.jsonl"
  "$X86" "$cmd" -j 2 "$SHARED/corpus" >"$OUT/$cmd.x86.jsonl"
  if ! cmp "$OUT/$cmd.arm.jsonl" "$OUT/$cmd.x86.jsonl"; then
    diff "$OUT/$cmd.arm.jsonl" "$OUT/$cmd.x86.jsonl" | head -n 20
    echo "zhscan $cmd: aarch64 and x86-64 outputs differ on the shared corpus" >&2
    exit 1
  fi
  echo "zhscan $cmd: aarch64 output = x86-64 output ($(wc -l <"$OUT/$cmd.x86.jsonl") lines, $(ls "$SHARED/corpus" | wc -l) documents)"
done
# The windowed paths (cli_stream.hpp) under emulation: the corpus as one file, small windows.
cat "$SHARED"/corpus/*.txt >"$OUT/corpus.txt"
for cmd in metrics tokens; do
  ZHSCAN_CLI_WINDOW=4096 "${QEMU[@]}" "$OUT/zhscan" "$cmd" -j 2 "$OUT/corpus.txt" >"$OUT/$cmd.win.arm.jsonl"
  "$X86" "$cmd" "$OUT/corpus.txt" >"$OUT/$cmd.whole.x86.jsonl"
  cmp "$OUT/$cmd.win.arm.jsonl" "$OUT/$cmd.whole.x86.jsonl" || {
    echo "zhscan $cmd in 4 KiB windows on aarch64 differs from the whole-input output on x86-64" >&2
    exit 1
  }
  echo "zhscan $cmd in 4 KiB windows (aarch64) = whole input (x86-64)"
done
