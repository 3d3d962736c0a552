#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The whole zhscan test suite (the README's test command; .ci/run calls it).
#
#   ./scripts/test.sh                 every step below, in order
#   ./scripts/test.sh gcc meson       only the named steps
#
# Steps: deps gcc clang asan meson fuzz bench single consumers gold python install nosimd arm
#   deps     install the missing Debian packages (as root, apt-get; skipped when all present)
#   gcc      g++ -O3 build (tests, CLI, benchmarks, fuzz harnesses as replay tools) + ctest
#   clang    clang++ build (tests, CLI, benchmarks, libFuzzer harnesses) + ctest
#   asan     g++ with ASan+UBSan (tests, CLI, replayed fuzz seeds) + ctest
#   meson    meson setup/compile/test
#   fuzz     each libFuzzer harness for ZHSCAN_FUZZ_SECONDS (default 60) seconds
#   bench    benchmarks, one short smoke run
#   single   single_include/zhscan/zhscan.hpp is what scripts/amalgamate.py generates now
#   consumers the consumer projects of tests/consumers/ (tests/consumers/run.sh):
#            FetchContent, add_subdirectory, find_package after install, Meson wrap and
#            pkg-config, the single header, g++/clang++ x C++17/20 x -fno-exceptions
#            -fno-rtti, README snippets, one version everywhere
#   gold     the CLI over ../shared/corpus, scored against ../shared/gold; then
#            tests/regression/check.py: tests/heldout and tests/regression/eval*/ with floors
#   python   the Python package (python/) pip-installed into a venv of Debian's Python, then
#            pytest tests/python: the API, and examples/dask_pipeline.py on a 2-worker
#            LocalCluster compared with the CLI (the gcc step's, or one built here)
#   install  cmake --install to a temporary prefix, check the package files
#   nosimd   g++ -O1 build with ZHSCAN_NO_SIMD (scalar paths only, -Werror) + ctest
#   arm      aarch64 cross build (g++-aarch64-linux-gnu, -Werror) of the unit tests, the fuzz
#            harnesses (seed replay) and the CLI, run under qemu-aarch64 (NEON paths against
#            scalar); the CLI's metrics/markers/tokens output on the shared corpus compared
#            with x86-64's (scripts/arm_check.sh)
# (noexcept/ODR checks are ctest/meson tests, so they run in every build.)
#
# Environment: ZHSCAN_SHARED_DIR (default <repo>/../shared), ZHSCAN_FUZZ_SECONDS (60),
# ZHSCAN_JOBS (2), ZHSCAN_BUILD_DIR (<repo>/build/test).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

JOBS=${ZHSCAN_JOBS:-2}
FUZZ_SECONDS=${ZHSCAN_FUZZ_SECONDS:-60}
BUILD=${ZHSCAN_BUILD_DIR:-$REPO/build/test}
ZHSCAN_SHARED_DIR=${ZHSCAN_SHARED_DIR:-$REPO/../shared}
if [[ -d $ZHSCAN_SHARED_DIR ]]; then
  ZHSCAN_SHARED_DIR=$(cd "$ZHSCAN_SHARED_DIR" && pwd)
fi
export ZHSCAN_SHARED_DIR
FUZZERS=(utf8 tokenize numeral list_marker metric)
ALL_STEPS=(deps gcc clang asan meson fuzz bench single consumers gold python install nosimd arm)

if (($# == 0)); then
  STEPS=("${ALL_STEPS[@]}")
else
  STEPS=("$@")
  for s in "${STEPS[@]}"; do
    [[ " ${ALL_STEPS[*]} " == *" $s "* ]] || { echo "unknown step '$s' (steps: ${ALL_STEPS[*]})" >&2; exit 2; }
  done
fi

# ---------------------------------------------------------------------------------------
# Reporting: a header per step, its duration, and a closing "N passed, N failed" line.
T0=$SECONDS
CURRENT=
PASSED=()
declare -A DURATION
section() {
  CURRENT=$1
  STEP_T0=$SECONDS
  printf '\n==================== %s: %s ====================\n' "$1" "$2"
}
section_done() {
  DURATION[$CURRENT]=$((SECONDS - STEP_T0))
  PASSED+=("$CURRENT")
  printf -- '---- %s passed (%ss)\n' "$CURRENT" "${DURATION[$CURRENT]}"
  CURRENT=
}
on_exit() {
  local rc=$?
  echo
  echo "==================== summary ===================="
  for s in "${PASSED[@]}"; do printf '  %-9s passed  %4ss\n' "$s" "${DURATION[$s]}"; done
  if ((rc != 0)); then
    printf '  %-9s FAILED (exit status %s)\n' "${CURRENT:-setup}" "$rc"
    echo "total $((SECONDS - T0))s"
    echo "test.sh: ${#PASSED[@]} passed, 1 failed"
  else
    echo "total $((SECONDS - T0))s"
    echo "test.sh: ${#PASSED[@]} passed, 0 failed"
  fi
}
trap on_exit EXIT

want() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }

# ---------------------------------------------------------------------------------------
# deps: Debian 12 packages. Only the missing ones are installed; no apt run when none is.
install_missing_packages() {
  local pkgs=(g++ cmake ninja-build meson pkgconf python3 git clang libclang-rt-14-dev llvm
              catch2 libbenchmark-dev libicu-dev libutf8proc-dev libutfcpp-dev libre2-dev
              libpcre2-dev
              python3-dev python3-venv pybind11-dev python3-pybind11 python3-mesonpy python3-numpy
              python3-pandas python3-pytest python3-dask python3-distributed)
  if ! command -v dpkg-query >/dev/null; then
    echo "not a Debian system: install by hand the equivalents of: ${pkgs[*]} libhyperscan-dev"
    return 0
  fi
  # Hyperscan (a benchmark peer) exists for x86-64 only; the arm step cross-builds from x86-64.
  [[ $(dpkg --print-architecture) == amd64 ]] && pkgs+=(libhyperscan-dev g++-aarch64-linux-gnu qemu-user)
  local missing=() p
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    echo "all ${#pkgs[@]} packages present: ${pkgs[*]}"
    return 0
  fi
  echo "installing: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "not root and no sudo: install ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

if want deps; then
  section deps "install missing packages"
  install_missing_packages
  section_done
fi

echo
echo "repo:   $REPO"
echo "shared: $ZHSCAN_SHARED_DIR $([[ -d $ZHSCAN_SHARED_DIR/corpus ]] && echo "(present)" || echo "(ABSENT: corpus tests and scores are skipped)")"
echo "jobs:   $JOBS    fuzz seconds per harness: $FUZZ_SECONDS"

# ---------------------------------------------------------------------------------------
# cmake_build <name> <cmake args...>: configure (Ninja), build, run ctest.
cmake_build() {
  local name=$1
  shift
  local dir=$BUILD/$name
  cmake -S "$REPO" -B "$dir" -G Ninja -DZHSCAN_SHARED_DIR="$ZHSCAN_SHARED_DIR" "$@"
  cmake --build "$dir" -j "$JOBS"
  (cd "$dir" && ctest --output-on-failure -j "$JOBS" --timeout 600)
}

if want gcc; then
  section gcc "g++ -O3 build + ctest (tests, CLI, benchmarks, fuzz replay)"
  # Release (-O3) as users build it: some -Wmaybe-uninitialized reports appear only there.
  cmake_build gcc -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Release \
    -DZHSCAN_BUILD_BENCH=ON -DZHSCAN_BUILD_FUZZ=ON -DZHSCAN_FUZZ_LINKMAIN=ON
  section_done
fi

if want clang; then
  section clang "clang++ -O2 build + ctest (tests, CLI, benchmarks, libFuzzer harnesses)"
  cmake_build clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DZHSCAN_BUILD_BENCH=ON -DZHSCAN_BUILD_FUZZ=ON
  section_done
fi

if want asan; then
  section asan "g++ with AddressSanitizer + UndefinedBehaviorSanitizer + ctest"
  export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  # Debug keeps assertions on; -O1 keeps the corpus tests quick.
  cmake_build asan -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
    -DZHSCAN_SANITIZE=address,undefined -DZHSCAN_BUILD_BENCH=OFF \
    -DZHSCAN_BUILD_FUZZ=ON -DZHSCAN_FUZZ_LINKMAIN=ON
  section_done
fi

if want meson; then
  section meson "meson setup + compile + test"
  if [[ -f $BUILD/meson/build.ninja ]]; then
    meson setup --reconfigure "$BUILD/meson" -Dshared_dir="$ZHSCAN_SHARED_DIR"
  else
    meson setup "$BUILD/meson" -Dshared_dir="$ZHSCAN_SHARED_DIR"
  fi
  meson compile -C "$BUILD/meson" -j "$JOBS"
  meson test -C "$BUILD/meson" --print-errorlogs --num-processes "$JOBS"
  section_done
fi

if want fuzz; then
  section fuzz "libFuzzer, ${FUZZ_SECONDS}s per harness"
  seeds=$BUILD/clang/fuzz/seeds
  [[ -d $seeds ]] || { echo "no clang build with fuzzers: run the 'clang' step first" >&2; exit 1; }
  dict=()
  [[ -f $REPO/fuzz/zhscan.dict ]] && dict=(-dict="$REPO/fuzz/zhscan.dict")
  for name in "${FUZZERS[@]}"; do
    bin=$BUILD/clang/fuzz/fuzz_$name
    if [[ ! -x $bin ]]; then
      if grep -q LLVMFuzzerTestOneInput "$REPO/fuzz/fuzz_$name.cpp" 2>/dev/null; then
        echo "fuzz_$name was not built" >&2
        exit 1
      fi
      echo "WARN: fuzz/fuzz_$name.cpp has no harness yet: skipped"
      continue
    fi
    work=$BUILD/fuzz-run/$name
    rm -rf "$work"
    mkdir -p "$work/corpus" "$work/artifacts"
    echo "fuzz_$name: ${FUZZ_SECONDS}s (log: $work/log.txt)"
    # New inputs go to $work/corpus; the seeds are read only. A crash, a sanitizer report,
    # a trap in the harness's invariant checks, a >10 s input or >2 GB memory all fail.
    if ! "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${dict[@]}" \
        "$work/corpus" "$seeds" >"$work/log.txt" 2>&1; then
      tail -n 60 "$work/log.txt"
      echo "fuzz_$name FAILED; reproducer(s): $(ls "$work/artifacts")" >&2
      exit 1
    fi
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+.*DONE' "$work/log.txt" | sed 's/^/  /' || true
  done
  section_done
fi

if want bench; then
  section bench "benchmarks (smoke run: small inputs, short times)"
  bench=$BUILD/gcc/bench/zhscan_bench
  [[ -x $bench ]] || { echo "no $bench: run the 'gcc' step first" >&2; exit 1; }
  # A check that every benchmark builds and runs (one short pass each), not a measurement.
  timeout 900 "$bench" --benchmark_min_time=0.01 --benchmark_color=false
  section_done
fi

if want single; then
  section single "the committed single header is up to date (scripts/amalgamate.py --check)"
  python3 "$REPO/scripts/amalgamate.py" --check
  section_done
fi

if want consumers; then
  section consumers "consumer projects: FetchContent, add_subdirectory, find_package, Meson wrap/pkg-config, single header, compiler matrix"
  ZHSCAN_JOBS=$JOBS ZHSCAN_CONSUMERS_DIR=$BUILD/consumers bash "$REPO/tests/consumers/run.sh"
  section_done
fi

if want gold; then
  section gold "zhscan CLI over the shared corpus, scored against the gold files"
  cli=$BUILD/gcc/examples/zhscan
  [[ -x $cli ]] || { echo "no $cli: run the 'gcc' step first" >&2; exit 1; }
  python3 "$REPO/tests/gold_check.py" --zhscan "$cli" --shared "$ZHSCAN_SHARED_DIR"
  python3 "$REPO/tests/regression/check.py" --zhscan "$cli" --shared "$ZHSCAN_SHARED_DIR"
  section_done
fi

if want python; then
  section python "Python package in a venv; pytest tests/python (API, Dask example vs the CLI)"
  cli=$BUILD/gcc/examples/zhscan
  if [[ ! -x $cli ]]; then
    cmake -S "$REPO" -B "$BUILD/python-cli" -G Ninja -DCMAKE_BUILD_TYPE=Release -DZHSCAN_BUILD_TESTS=OFF \
      -DZHSCAN_BUILD_BENCH=OFF -DZHSCAN_BUILD_FUZZ=OFF >/dev/null
    cmake --build "$BUILD/python-cli" --target zhscan_cli -j "$JOBS"
    cli=$BUILD/python-cli/examples/zhscan
  fi
  venv=$BUILD/python-venv
  rm -rf "$venv"
  # Debian's Python by its path (another python3 may come first on PATH); no PyPI.
  /usr/bin/python3 -m venv --system-site-packages "$venv"
  "$venv/bin/pip" install --no-build-isolation --no-index "$REPO/python"
  # From outside python/ (a folder named like the package would shadow the installed one).
  junit=$BUILD/python-junit.xml
  (cd "$BUILD" && ZHSCAN_CLI=$cli "$venv/bin/python" -m pytest -q -rs -p no:cacheprovider \
     --junitxml="$junit" "$REPO/tests/python")
  # A run that collected nothing (exit status 5 is already an error) or skipped a test it
  # could run must not pass: the only allowed skips are the corpus ones, without a corpus.
  python3 - "$junit" "$([[ -d $ZHSCAN_SHARED_DIR/corpus ]] && echo 1 || echo 0)" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root if root.tag == "testsuite" else root.find("testsuite")
tests, skipped = int(suite.get("tests")), int(suite.get("skipped"))
print(f"pytest: {tests} tests, {skipped} skipped")
if tests < 10:
    sys.exit(f"only {tests} Python tests ran")
if skipped and sys.argv[2] == "1":
    sys.exit(f"{skipped} Python tests skipped although the shared corpus is present")
PY
  section_done
fi

if want install; then
  section install "cmake --install to a temporary prefix"
  prefix=$(mktemp -d)
  cmake -S "$REPO" -B "$BUILD/install" -G Ninja -DZHSCAN_BUILD_TESTS=OFF -DZHSCAN_BUILD_BENCH=OFF \
    -DZHSCAN_BUILD_EXAMPLES=OFF -DZHSCAN_BUILD_FUZZ=OFF >/dev/null
  cmake --install "$BUILD/install" --prefix "$prefix"
  version=$(sed -n 's/^#define ZHSCAN_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\).*/\2/p' \
            include/zhscan/version.hpp | paste -sd.)
  for f in include/zhscan/zhscan.hpp share/cmake/zhscan/zhscanConfig.cmake \
           share/cmake/zhscan/zhscanConfigVersion.cmake share/cmake/zhscan/zhscanTargets.cmake \
           share/pkgconfig/zhscan.pc; do
    [[ -f $prefix/$f ]] || { echo "missing after install: $f" >&2; exit 1; }
  done
  # Every header of the source tree is installed.
  (cd include && find zhscan -name '*.hpp') | while read -r h; do
    [[ -f $prefix/include/$h ]] || { echo "header not installed: $h" >&2; exit 1; }
  done
  pc_version=$(PKG_CONFIG_PATH=$prefix/share/pkgconfig pkg-config --modversion zhscan)
  pc_cflags=$(PKG_CONFIG_PATH=$prefix/share/pkgconfig pkg-config --cflags zhscan)
  echo "pkg-config: version $pc_version, cflags $pc_cflags"
  [[ $pc_version == "$version" ]] || { echo "zhscan.pc version $pc_version != $version" >&2; exit 1; }
  pc_incdir=${pc_cflags#-I}
  pc_incdir=${pc_incdir%% *}
  [[ -f $pc_incdir/zhscan/zhscan.hpp ]] || { echo "zhscan.pc cflags do not point at the headers" >&2; exit 1; }
  grep -q "PACKAGE_VERSION \"$version\"" "$prefix/share/cmake/zhscan/zhscanConfigVersion.cmake"
  rm -rf "$prefix"
  section_done
fi

if want nosimd; then
  section nosimd "g++ -O1 build with ZHSCAN_NO_SIMD (scalar paths only) + ctest"
  cmake_build nosimd -DCMAKE_CXX_COMPILER=g++ -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
    -DCMAKE_CXX_FLAGS=-DZHSCAN_NO_SIMD -DZHSCAN_BUILD_BENCH=OFF -DZHSCAN_BUILD_FUZZ=OFF
  section_done
fi

if want arm; then
  section arm "aarch64 cross build (-Werror) + unit tests and CLI under qemu-aarch64"
  x86_cli=()
  [[ -x $BUILD/gcc/examples/zhscan ]] && x86_cli=("$BUILD/gcc/examples/zhscan")
  ZHSCAN_JOBS=$JOBS bash "$REPO/scripts/arm_check.sh" "$BUILD/arm" "${x86_cli[@]}"
  section_done
fi
