#!/bin/bash -eu
# SPDX-License-Identifier: MIT
# OSS-Fuzz build script (also usable by hand): builds every harness with the environment's
# $CXX/$CXXFLAGS and links $LIB_FUZZING_ENGINE, then puts each binary with its seed corpus
# (<name>_seed_corpus.zip) and dictionary (<name>.dict) into $OUT.
#   by hand: CXX=clang++ CXXFLAGS="-g -O1 -fsanitize=address,undefined,fuzzer-no-link" \
#            LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/zhscan-fuzz fuzz/build.sh
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${OUT:?set OUT to the output folder}"
: "${LIB_FUZZING_ENGINE:?set LIB_FUZZING_ENGINE, e.g. -fsanitize=fuzzer}"
WORK=${WORK:-$(mktemp -d)}
BUILD="$WORK/zhscan-fuzz-build"

cmake -S "$SRC_DIR" -B "$BUILD" \
  -DCMAKE_BUILD_TYPE=Release \
  -DZHSCAN_BUILD_TESTS=OFF -DZHSCAN_BUILD_BENCH=OFF -DZHSCAN_BUILD_EXAMPLES=OFF \
  -DZHSCAN_INSTALL=OFF -DZHSCAN_WERROR=OFF \
  -DZHSCAN_BUILD_FUZZ=ON -DZHSCAN_FUZZ_LDFLAGS="$LIB_FUZZING_ENGINE"
cmake --build "$BUILD" -j"$(nproc)"

mkdir -p "$OUT"
for src in "$SRC_DIR"/fuzz/fuzz_*.cpp; do
  name=$(basename "$src" .cpp)
  [[ -x "$BUILD/fuzz/$name" ]] || { echo "skipping $name (not built)"; continue; }
  cp "$BUILD/fuzz/$name" "$OUT/"
  [[ -f "$SRC_DIR/fuzz/zhscan.dict" ]] && cp "$SRC_DIR/fuzz/zhscan.dict" "$OUT/$name.dict"
  if command -v zip >/dev/null; then
    (cd "$BUILD/fuzz/seeds" && zip -q -j "$OUT/${name}_seed_corpus.zip" ./*)
  fi
done
