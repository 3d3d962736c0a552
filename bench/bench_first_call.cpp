// SPDX-License-Identifier: MIT
// find_metrics as a caller that keeps no vector pays it (a new vector per call: its growth,
// copies and first-touch page faults; glibc hands the pages of the previous call back for
// blocks under its mmap threshold, at most 32 MB, so the faults show on generated, 77 MB of
// metrics, not on the corpus), and as one that reuses a vector it has already filled once
// (steady state: no allocation, no page fault). zhscan_find_metrics (in bench_metric.cpp)
// reserves a fresh vector per run and so sits between the two.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "zhscan/metric.hpp"

namespace {

void zhscan_find_metrics_first_call(benchmark::State& state, const std::string& (*input)()) {
  const std::string& text = input();
  std::size_t n = 0;
  for (auto _ : state) {
    std::vector<zhscan::metric> out = zhscan::find_metrics(text);
    n = out.size();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["metrics"] = static_cast<double>(n);
}

void zhscan_find_metrics_steady(benchmark::State& state, const std::string& (*input)()) {
  const std::string& text = input();
  static std::vector<zhscan::metric> out;  // kept across runs: filled (paged in) once
  zhscan::find_metrics(text, out);
  for (auto _ : state) {
    zhscan::find_metrics(text, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["metrics"] = static_cast<double>(out.size());
}

}  // namespace

BENCHMARK_CAPTURE(zhscan_find_metrics_first_call, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_find_metrics_first_call, generated, &zhscan_bench::generated_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_find_metrics_steady, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_find_metrics_steady, generated, &zhscan_bench::generated_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_find_metrics_steady, mixed, &zhscan_bench::mixed_text)->Unit(benchmark::kMillisecond);
