#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Instructions per byte of the tokenizer (tokenize into token_columns), per SIMD path,
# counted rather than timed (exact, and the same on a loaded machine):
#   x86-64   callgrind (valgrind) on a g++ -O3 build (as Release) of bench/insn_tokenize.cpp, paths scalar
#            and avx2 (valgrind does not emulate AVX-512, so that path cannot be counted here);
#   aarch64  qemu-aarch64 user mode on a static g++-aarch64-linux-gnu -O3 build, paths scalar
#            and neon, counted from qemu's own trace: `-d in_asm,exec,nochain` logs every
#            translation block's guest instructions once and every execution of a block
#            (Debian's qemu ships no TCG plugins, so no libinsn.so).
# Each count is the difference between 3 and 1 tokenizing passes, divided by 2 x bytes, so
# process start and input reading cancel out.
#
#   bench/insn_per_byte.sh [x86|arm|all] [INPUT...]
#
# INPUT: files, or @generated / @mixed (1 MiB of bench_data.hpp's generated text; @mixed is
# the "mixed ASCII/Chinese" input). Default: the shared corpus (ZHSCAN_SHARED_DIR, default
# <repo>/../shared) as one text, and @mixed. Work files go to $TMPDIR (or /tmp).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WHICH=${1:-all}
shift || true
SHARED=${ZHSCAN_SHARED_DIR:-$REPO/../shared}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/zhscan_insn.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

inputs=("$@")
if [[ ${#inputs[@]} -eq 0 ]]; then
  if compgen -G "$SHARED/corpus/*.txt" >/dev/null; then
    cat "$SHARED"/corpus/*.txt >"$WORK/corpus.txt"
    inputs+=("$WORK/corpus.txt")
  fi
  inputs+=("@mixed")
fi

FLAGS=(-std=c++17 -O3 -DNDEBUG -I"$REPO/include" -I"$REPO/bench" "$REPO/bench/insn_tokenize.cpp")

# The guest instructions of a qemu "-d in_asm,exec,nochain" log (read on stdin).
qemu_count() {
  awk '
    function key(a) { sub(/^0x0*/, "", a); return a }
    /^IN:/ { inblk = 1; start = ""; next }
    inblk && /^0x[0-9a-f]+:/ { a = $1; sub(":", "", a); if (start == "") start = key(a); n[start]++; next }
    inblk && !/^0x/ { inblk = 0 }
    /^Trace / { split($0, f, "/"); pc = key("0x" f[2]); if (pc in n) total += n[pc]; else miss++; next }
    END { if (miss) print "qemu_count: " miss " blocks without code" > "/dev/stderr"; print total + 0 }'
}

# count TOOL LEVEL REPEAT INPUT: instructions of one run.
count() {
  local tool=$1 level=$2 rep=$3 input=$4
  case $tool in
    x86)
      valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" "$WORK/insn_x86" "$level" "$rep" "$input" \
        >"$WORK/run.txt" 2>/dev/null
      awk '/^(summary|totals):/ { print $2; exit }' "$WORK/cg.out" ;;
    arm)
      qemu-aarch64 -d in_asm,exec,nochain -D /dev/stderr "$WORK/insn_arm" "$level" "$rep" "$input" \
        2> >(qemu_count >"$WORK/qc.txt") >"$WORK/run.txt"
      wait
      cat "$WORK/qc.txt" ;;
  esac
}

report() {
  local tool=$1 level=$2 input=$3
  local c1 c3 bytes tokens
  c1=$(count "$tool" "$level" 1 "$input")
  c3=$(count "$tool" "$level" 3 "$input")
  read -r _ bytes _ tokens <"$WORK/run.txt"
  awk -v a="$c1" -v b="$c3" -v n="$bytes" -v t="$tokens" -v tool="$tool" -v lv="$level" -v in_="$(basename "$input")" \
    'BEGIN { d = (b - a) / 2; printf "%-4s %-7s %-12s %9d bytes %7d tokens  %6.2f instructions/byte  %5.1f per token\n", tool, lv, in_, n, t, d / n, d / t }'
}

if [[ $WHICH == x86 || $WHICH == all ]]; then
  command -v valgrind >/dev/null || { echo "no valgrind (Debian: valgrind)" >&2; exit 1; }
  g++ "${FLAGS[@]}" -o "$WORK/insn_x86"
  for input in "${inputs[@]}"; do
    for level in scalar avx2; do report x86 "$level" "$input"; done
  done
fi
if [[ $WHICH == arm || $WHICH == all ]]; then
  command -v aarch64-linux-gnu-g++ >/dev/null || { echo "no aarch64-linux-gnu-g++ (Debian: g++-aarch64-linux-gnu)" >&2; exit 1; }
  command -v qemu-aarch64 >/dev/null || { echo "no qemu-aarch64 (Debian: qemu-user)" >&2; exit 1; }
  aarch64-linux-gnu-g++ -static "${FLAGS[@]}" -o "$WORK/insn_arm"
  for input in "${inputs[@]}"; do
    for level in scalar neon; do report arm "$level" "$input"; done
  done
fi
