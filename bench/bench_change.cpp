// SPDX-License-Identifier: MIT
// find_metrics + find_changes (change records, levels, indicators) against find_metrics
// alone, on the same inputs in the same run: the change pass must cost under 15%.
// Ratios: bytes_per_second of zhscan_metrics_changes/X over zhscan_metrics_only/X.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "zhscan/change.hpp"

namespace {

// Statistical prose written for this benchmark: a level and its changes per sentence, the
// densest case for the change pass (a metric every ~25 bytes), about 8 MB.
const std::string& stat_prose() {
  static const std::string text = [] {
    const char* const sentences[] = {
        "全年全市地区生产总值7890.12亿元，按不变价计算，比上年增长5.3%。",
        "其中，第一产业增加值310.58亿元，增长3.9%；第二产业增加值增长4.6%。",
        "城镇化率65.2%，比上年末提高0.8个百分点。",
        "新增债券50.27亿元，比上年增加8.19亿元。",
        "工业用电量下降1.6%，民间投资增速为-2.1%。",
        "公司实现营业收入4.35亿元，同比增长12.6%，占营业收入的比重为28.3%。",
        "一般公共预算收入完成年度预算的100.3%，目标增长6%左右。\n",
    };
    std::string s;
    while (s.size() < (std::size_t(8) << 20))
      for (const char* x : sentences) s += x;
    return s;
  }();
  return text;
}

void zhscan_metrics_only(benchmark::State& state, const std::string& (*input)()) {
  const std::string& text = input();
  std::vector<zhscan::metric> ms;
  for (auto _ : state) {
    zhscan::find_metrics(text, ms);
    benchmark::DoNotOptimize(ms.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["metrics"] = static_cast<double>(ms.size());
}

void zhscan_metrics_changes(benchmark::State& state, const std::string& (*input)()) {
  const std::string& text = input();
  std::vector<zhscan::metric> ms;
  std::vector<zhscan::metric_change> cs;
  std::size_t changes = 0;
  for (auto _ : state) {
    zhscan::find_metrics(text, ms);
    zhscan::find_changes(text, ms, cs);
    benchmark::DoNotOptimize(cs.data());
    benchmark::ClobberMemory();
  }
  for (const auto& c : cs) changes += c.has_change;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["metrics"] = static_cast<double>(ms.size());
  state.counters["changes"] = static_cast<double>(changes);
}

}  // namespace

BENCHMARK_CAPTURE(zhscan_metrics_only, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_metrics_changes, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_metrics_only, generated, &zhscan_bench::generated_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_metrics_changes, generated, &zhscan_bench::generated_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_metrics_only, stat_prose, &stat_prose)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_metrics_changes, stat_prose, &stat_prose)->Unit(benchmark::kMillisecond);
