#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Builds and runs every consumer project of tests/consumers/ the way users consume zhscan
# (the `consumers` step of scripts/test.sh runs this). Each part prints a header and its
# time; the first failure stops the run with a non-zero status.
#
#   tests/consumers/run.sh [PART...]     default: all parts, in this order
#
# Parts:
#   readme        the README's integration snippets appear verbatim in these projects
#   matrix        consumer.cpp with g++/clang++ x C++17/C++20 x (default, -fno-exceptions
#                 -fno-rtti), plain -I include; the README's api_example.cpp
#   single        consumer.cpp with nothing but -I single_include -std=c++17 (g++, clang++)
#   fetchcontent  CMake FetchContent from a local clone of this repository at HEAD
#   subdirectory  CMake add_subdirectory of a copy of the working tree
#   find_package  cmake --install to a scratch prefix, find_package(zhscan 0.1); asking for
#                 1, 1.0 or 0.2 must fail
#   meson_wrap    Meson dependency('zhscan') through subprojects/zhscan.wrap (a wrap-git
#                 pointing at the local clone, at HEAD)
#   meson_pc      the same Meson consumer through pkg-config (wrap fallback disabled), once
#                 with a `meson install`ed and once with a `cmake --install`ed zhscan
#   version       version.hpp, the CMake package, the Meson project and both zhscan.pc agree
#
# FetchContent and the wrap fetch COMMITTED work (the repository's HEAD), as users do; the
# other parts use the working tree. No network is needed.
#
# Environment: ZHSCAN_JOBS (2), ZHSCAN_CONSUMERS_DIR (scratch folder, default
# <repo>/build/test/consumers; emptied first), CXX_GCC (g++), CXX_CLANG (clang++),
# ZHSCAN_CONSUMERS_SNAPSHOT=1 (FetchContent and the wrap fetch a scratch commit of the
# working tree instead of HEAD: for trying uncommitted changes; CI leaves it unset).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
JOBS=${ZHSCAN_JOBS:-2}
WORK=${ZHSCAN_CONSUMERS_DIR:-$REPO/build/test/consumers}
GXX=${CXX_GCC:-g++}
CLANGXX=${CXX_CLANG:-clang++}
ALL_PARTS=(readme matrix single fetchcontent subdirectory find_package meson_wrap meson_pc version)
if (($# == 0)); then PARTS=("${ALL_PARTS[@]}"); else PARTS=("$@"); fi
for p in "${PARTS[@]}"; do
  [[ " ${ALL_PARTS[*]} " == *" $p "* ]] || { echo "unknown part '$p' (parts: ${ALL_PARTS[*]})" >&2; exit 2; }
done
want() { [[ " ${PARTS[*]} " == *" $1 "* ]]; }

rm -rf "$WORK"
mkdir -p "$WORK"
VERSION=$(sed -n 's/^#define ZHSCAN_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\).*/\2/p' \
          "$REPO/include/zhscan/version.hpp" | paste -sd.)
WARN=(-Wall -Wextra -Wpedantic -Werror)

PART_T0=0
part() {
  PART_T0=$SECONDS
  printf '\n---- consumers: %s: %s\n' "$1" "$2"
}
part_done() { printf -- '---- ok (%ss)\n' "$((SECONDS - PART_T0))"; }
fail() {
  echo "consumers: FAILED: $*" >&2
  exit 1
}
# quiet <log> <command...>: runs the command with its output in <log>; prints the log on failure.
quiet() {
  local log=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 80 "$log"
    fail "$* (log: $log)"
  fi
}

# A local clone of this repository (its committed history) for FetchContent and the wrap.
ORIGIN=
COMMIT=
need_clone() {
  [[ -n $ORIGIN ]] && return 0
  command -v git >/dev/null || fail "git is needed for the FetchContent and Meson wrap consumers"
  if [[ ${ZHSCAN_CONSUMERS_SNAPSHOT:-0} == 1 ]]; then
    # A developer's option: commit a copy of the working tree in a scratch repository (the
    # repository itself is not touched) and fetch that.
    ORIGIN=$WORK/snapshot.git
    copy_tree "$ORIGIN"
    quiet "$WORK/clone.log" git -C "$ORIGIN" init --quiet
    quiet "$WORK/clone.log" git -C "$ORIGIN" add -A
    quiet "$WORK/clone.log" git -C "$ORIGIN" -c user.name=zhscan-test -c user.email=test@invalid \
      commit --quiet --no-verify -m "working tree snapshot"
    COMMIT=$(git -C "$ORIGIN" rev-parse HEAD)
    echo "snapshot of the working tree: $ORIGIN at $COMMIT"
    return 0
  fi
  # safe.directory: CI may run as root in a checkout owned by another user.
  local git_repo=(git -c safe.directory="$REPO" -C "$REPO")
  "${git_repo[@]}" rev-parse --verify -q HEAD >/dev/null ||
    fail "$REPO is not a git checkout with a commit: FetchContent and the Meson wrap fetch the " \
         "repository's history (in a copy: git init && git add -A && git commit -m snapshot)"
  COMMIT=$("${git_repo[@]}" rev-parse HEAD)
  if [[ -n $("${git_repo[@]}" status --porcelain 2>/dev/null | head -n 1) ]]; then
    echo "note: the working tree has uncommitted changes; FetchContent and the wrap test the" \
         "last commit ($COMMIT) (ZHSCAN_CONSUMERS_SNAPSHOT=1: a snapshot of the working tree)"
  fi
  ORIGIN=$WORK/origin.git
  quiet "$WORK/clone.log" git -c safe.directory="$REPO" clone --quiet --no-local --bare "$REPO" "$ORIGIN"
  # HEAD may be detached (a CI checkout) and on no branch: give the clone a ref to it.
  quiet "$WORK/clone.log" git -c safe.directory="$REPO" -C "$ORIGIN" fetch --quiet "$REPO" \
    "+HEAD:refs/heads/zhscan-consumer-test"
  echo "local clone: $ORIGIN at $COMMIT"
}

# The working tree without VCS data and build folders (what a vendoring user copies).
copy_tree() {
  mkdir -p "$1"
  tar -C "$REPO" --exclude=./.git --exclude='./build*' --exclude='./builddir*' -cf - . | tar -C "$1" -xf -
}

# run_consumer <binary> [version]: the consumer program must pass its checks.
run_consumer() {
  local out
  out=$("$@") || fail "$1 failed its checks"
  echo "  $out"
}
# ctest_consumer <build dir>: the consumer's own test (ctest passes the package version
# where CMake knows it), then the program once more for the log.
ctest_consumer() {
  quiet "$1/ctest.log" ctest --test-dir "$1" --output-on-failure -V
  run_consumer "$1/consumer"
}

# ---------------------------------------------------------------------------------------
if want readme; then
  part readme "README integration snippets are copied from the consumer projects"
  python3 "$HERE/readme_snippets.py" "$REPO/README.md"
  part_done
fi

# ---------------------------------------------------------------------------------------
if want matrix; then
  part matrix "consumer.cpp: {g++, clang++} x {C++17, C++20} x {default, -fno-exceptions -fno-rtti}"
  mkdir -p "$WORK/matrix"
  specs=()
  for cxx in "$GXX" "$CLANGXX"; do
    for std in c++17 c++20; do
      for mode in default noexcept; do specs+=("$cxx $std $mode"); done
    done
  done
  build_one() {
    local cxx=$1 std=$2 mode=$3 flags=()
    [[ $mode == noexcept ]] && flags=(-fno-exceptions -fno-rtti)
    local bin="$WORK/matrix/consumer-$(basename "$cxx")-$std-$mode"
    if "$cxx" -std="$std" -O1 "${WARN[@]}" "${flags[@]}" -I "$REPO/include" \
        "$HERE/consumer.cpp" -o "$bin" >"$bin.log" 2>&1 && "$bin" >>"$bin.log" 2>&1; then
      echo "  ok    $cxx -std=$std ${flags[*]}"
    else
      echo "  FAIL  $cxx -std=$std ${flags[*]} (log: $bin.log)"
      tail -n 40 "$bin.log"
      return 1
    fi
  }
  export -f build_one
  export WORK REPO HERE
  export WARN_FLAGS="${WARN[*]}"
  # Compile JOBS at a time; every combination is reported, then any failure fails the part.
  status=0
  printf '%s\n' "${specs[@]}" |
    xargs -P "$JOBS" -I{} bash -c 'WARN=($WARN_FLAGS); build_one {}' || status=1
  ((status == 0)) || fail "the compiler matrix"
  # The README's API example builds and runs.
  quiet "$WORK/matrix/api_example.log" "$GXX" -std=c++17 -O1 "${WARN[@]}" -I "$REPO/include" \
    "$HERE/api_example.cpp" -o "$WORK/matrix/api_example"
  quiet "$WORK/matrix/api_example.log" "$WORK/matrix/api_example"
  echo "  ok    api_example.cpp (the README's API example)"
  part_done
fi

# ---------------------------------------------------------------------------------------
if want single; then
  part single "drop-in single header: -I single_include -std=c++17 and nothing else"
  header=$REPO/single_include/zhscan/zhscan.hpp
  [[ -f $header ]] || fail "no $header: run scripts/amalgamate.py"
  mkdir -p "$WORK/single"
  # Exactly what a user types, then with clang and our warnings (nothing hidden).
  bin=$WORK/single/consumer-plain
  quiet "$bin.log" "$GXX" -std=c++17 -I "$REPO/single_include" "$HERE/consumer.cpp" -o "$bin"
  run_consumer "$bin"
  bin=$WORK/single/consumer-clang-warnings
  quiet "$bin.log" "$CLANGXX" -std=c++17 -O1 "${WARN[@]}" -I "$REPO/single_include" \
    "$HERE/consumer.cpp" -o "$bin"
  run_consumer "$bin"
  # It really is one file: no quoted include left.
  if grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$header"; then
    fail "the single header still includes other files"
  fi
  part_done
fi

# ---------------------------------------------------------------------------------------
if want fetchcontent; then
  part fetchcontent "CMake FetchContent_Declare(GIT_REPOSITORY <local clone> GIT_TAG <HEAD>)"
  need_clone
  dir=$WORK/fetchcontent
  quiet "$WORK/fetchcontent.configure.log" cmake -S "$HERE/fetchcontent" -B "$dir" -G Ninja \
    -DZHSCAN_GIT_REPOSITORY="$ORIGIN" -DZHSCAN_GIT_TAG="$COMMIT"
  grep -h 'zhscan subproject check' "$WORK/fetchcontent.configure.log" | sed 's/^/  /'
  fetched=$(git -C "$dir/_deps/zhscan-src" rev-parse HEAD)
  [[ $fetched == "$COMMIT" ]] || fail "FetchContent checked out $fetched, not $COMMIT"
  quiet "$WORK/fetchcontent.build.log" cmake --build "$dir" -j "$JOBS"
  # Only the consumer was built: no zhscan program, test or benchmark binary in the tree.
  stray=$(find "$dir/_deps/zhscan-build" -type f -perm -u+x \( -name 'zhscan*' -o -name 'fuzz_*' \) | head -n 5)
  [[ -z $stray ]] || fail "zhscan built its own programs in the consumer's tree: $stray"
  ctest_consumer "$dir"
  part_done
fi

# ---------------------------------------------------------------------------------------
if want subdirectory; then
  part subdirectory "CMake add_subdirectory(third_party/zhscan) of a copy of the repository"
  src=$WORK/subdirectory/src
  mkdir -p "$src"
  cp "$HERE/add_subdirectory/CMakeLists.txt" "$HERE/consumer.cpp" "$HERE/check_subproject.cmake" "$src/"
  copy_tree "$src/third_party/zhscan"
  quiet "$WORK/subdirectory.configure.log" cmake -S "$src" -B "$WORK/subdirectory/build" -G Ninja
  grep -h 'zhscan subproject check' "$WORK/subdirectory.configure.log" | sed 's/^/  /'
  quiet "$WORK/subdirectory.build.log" cmake --build "$WORK/subdirectory/build" -j "$JOBS"
  ctest_consumer "$WORK/subdirectory/build"
  part_done
fi

# ---------------------------------------------------------------------------------------
CMAKE_PREFIX=$WORK/prefix-cmake
cmake_install() {
  [[ -f $CMAKE_PREFIX/share/cmake/zhscan/zhscanConfig.cmake ]] && return 0
  quiet "$WORK/cmake-install.log" cmake -S "$REPO" -B "$WORK/cmake-install-build" -G Ninja \
    -DZHSCAN_BUILD_TESTS=OFF -DZHSCAN_BUILD_BENCH=OFF -DZHSCAN_BUILD_EXAMPLES=OFF -DZHSCAN_BUILD_FUZZ=OFF
  quiet "$WORK/cmake-install.log" cmake --install "$WORK/cmake-install-build" --prefix "$CMAKE_PREFIX"
}
MESON_PREFIX=$WORK/prefix-meson
meson_install() {
  [[ -f $MESON_PREFIX/share/pkgconfig/zhscan.pc ]] && return 0
  quiet "$WORK/meson-install.log" meson setup "$WORK/meson-install-build" "$REPO" \
    -Dtests=disabled -Dexamples=disabled --prefix "$MESON_PREFIX"
  quiet "$WORK/meson-install.log" meson install -C "$WORK/meson-install-build"
}

if want find_package; then
  part find_package "cmake --install, then find_package(zhscan 0.1 REQUIRED); 1, 1.0, 0.2 refused"
  cmake_install
  dir=$WORK/find_package
  quiet "$WORK/find_package.configure.log" cmake -S "$HERE/find_package" -B "$dir" -G Ninja \
    -DCMAKE_PREFIX_PATH="$CMAKE_PREFIX"
  grep -h 'found zhscan' "$WORK/find_package.configure.log" | sed 's/^/  /'
  grep -q "found zhscan $VERSION in $CMAKE_PREFIX/" "$WORK/find_package.configure.log" ||
    fail "find_package did not find zhscan $VERSION in $CMAKE_PREFIX"
  quiet "$WORK/find_package.build.log" cmake --build "$dir" -j "$JOBS"
  ctest_consumer "$dir"
  grep -q 'package version checked' "$dir/ctest.log" ||
    fail "ctest did not pass the package version to the consumer"
  # Version compatibility (SameMajorVersion): another major version, or a newer minor
  # than installed, must not be accepted, and for that reason, not another.
  for req in 1 1.0 0.2; do
    log=$WORK/find_package_version-$req.log
    if cmake -S "$HERE/find_package_version" -B "$WORK/find_package_version-$req" -G Ninja \
        -DCMAKE_PREFIX_PATH="$CMAKE_PREFIX" -DZHSCAN_REQUEST="$req" >"$log" 2>&1; then
      cat "$log"
      fail "find_package(zhscan $req REQUIRED) succeeded against zhscan $VERSION"
    fi
    tr -s ' \n' '  ' <"$log" | grep -q 'compatible with requested version' || { cat "$log"; fail "find_package(zhscan $req) failed for another reason"; }
    echo "  find_package(zhscan $req REQUIRED) refused as expected"
  done
  part_done
fi

# ---------------------------------------------------------------------------------------
# meson_consumer <name> <expected dependency type> <meson setup args...>: copies the Meson
# consumer to a scratch folder, builds and tests it, and checks how zhscan was found.
meson_consumer() {
  local name=$1 type=$2
  shift 2
  local root=$WORK/$name
  mkdir -p "$root"
  cp -r "$HERE/meson" "$root/meson"
  cp "$HERE/consumer.cpp" "$root/"
  if [[ $type == internal ]]; then
    # The committed wrap names a placeholder URL and tag: point it at the local clone.
    sed -i -e "s|^url = .*|url = $ORIGIN|" -e "s|^revision = .*|revision = $COMMIT|" \
      "$root/meson/subprojects/zhscan.wrap"
  fi
  quiet "$root/setup.log" meson setup "$root/build" "$root/meson" "$@"
  local found
  found=$(grep -o 'zhscan dependency: type [a-z]*, version [0-9.]*' "$root/setup.log" | head -n 1)
  echo "  $found"
  [[ $found == "zhscan dependency: type $type, version $VERSION" ]] ||
    fail "expected a '$type' zhscan $VERSION dependency ($root/setup.log)"
  quiet "$root/compile.log" meson compile -C "$root/build" -j "$JOBS"
  quiet "$root/test.log" meson test -C "$root/build" --print-errorlogs
  grep -q 'package version checked' "$root/build/meson-logs/testlog.txt" ||
    fail "meson test did not pass the dependency version to the consumer"
  run_consumer "$root/build/consumer"
  # The subproject/package contributed no target of its own.
  local targets
  targets=$(meson introspect --targets "$root/build" |
            python3 -c 'import json,sys; print(" ".join(sorted(t["name"] for t in json.load(sys.stdin))))')
  [[ $targets == consumer ]] || fail "targets in the Meson consumer: '$targets' (expected only consumer)"
}

if want meson_wrap; then
  part meson_wrap "Meson: dependency('zhscan') through subprojects/zhscan.wrap (wrap-git, [provide])"
  need_clone
  # --force-fallback-for: the wrap is used even if a zhscan is installed on this machine.
  meson_consumer meson_wrap internal --force-fallback-for=zhscan
  rev=$(git -C "$WORK/meson_wrap/meson/subprojects/zhscan" rev-parse HEAD)
  [[ $rev == "$COMMIT" ]] || fail "the wrap checked out $rev, not $COMMIT"
  part_done
fi

if want meson_pc; then
  part meson_pc "Meson: the same consumer through pkg-config (--wrap-mode=nofallback)"
  meson_install
  cmake_install
  echo "  installed by meson install:"
  PKG_CONFIG_PATH=$MESON_PREFIX/share/pkgconfig meson_consumer meson_pc_meson pkgconfig --wrap-mode=nofallback
  echo "  installed by cmake --install:"
  PKG_CONFIG_PATH=$CMAKE_PREFIX/share/pkgconfig meson_consumer meson_pc_cmake pkgconfig --wrap-mode=nofallback
  part_done
fi

# ---------------------------------------------------------------------------------------
if want version; then
  part version "one version everywhere: version.hpp, CMake, Meson, zhscan.pc, zhscan::version"
  cmake_install
  meson_install
  cmake_version=$(sed -n 's/^set(PACKAGE_VERSION "\(.*\)")$/\1/p' "$CMAKE_PREFIX/share/cmake/zhscan/zhscanConfigVersion.cmake")
  meson_version=$(meson introspect --projectinfo "$WORK/meson-install-build" |
                  python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
  pc_cmake=$(PKG_CONFIG_PATH=$CMAKE_PREFIX/share/pkgconfig pkg-config --modversion zhscan)
  pc_meson=$(PKG_CONFIG_PATH=$MESON_PREFIX/share/pkgconfig pkg-config --modversion zhscan)
  printf '  %-28s %s\n' "include/zhscan/version.hpp" "$VERSION" "CMake package" "$cmake_version" \
    "Meson project" "$meson_version" "zhscan.pc (cmake --install)" "$pc_cmake" \
    "zhscan.pc (meson install)" "$pc_meson"
  for v in "$cmake_version" "$meson_version" "$pc_cmake" "$pc_meson"; do
    [[ $v == "$VERSION" ]] || fail "version mismatch: $v != $VERSION"
  done
  # zhscan::version and ZHSCAN_VERSION, compiled against the installed headers.
  cat >"$WORK/version.cpp" <<'EOF'
#include <zhscan/version.hpp>
#include <cstdio>
int main() {
  std::printf("%d.%d.%d %s\n", zhscan::version.major, zhscan::version.minor, zhscan::version.patch,
              ZHSCAN_VERSION);
}
EOF
  "$GXX" -std=c++17 "${WARN[@]}" -I "$CMAKE_PREFIX/include" "$WORK/version.cpp" -o "$WORK/version"
  got=$("$WORK/version")
  echo "  zhscan::version, ZHSCAN_VERSION: $got"
  [[ $got == "$VERSION $VERSION" ]] || fail "zhscan::version / ZHSCAN_VERSION say '$got', expected $VERSION"
  part_done
fi

echo
echo "consumers: all parts passed (${PARTS[*]})"
