// SPDX-License-Identifier: MIT
// The one main() of zhscan_bench; the benchmarks live in bench/bench_<name>.cpp.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
