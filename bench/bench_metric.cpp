// SPDX-License-Identifier: MIT
// find_metrics throughput on the shared corpus and generated text; RE2 and PCRE2-JIT
// scanning an equivalent digits+magnitude+unit pattern over the same input (counting
// matches only: they do not normalise anything); adversarial 64 MB inputs that must stay
// linear (all digits, yi er san si ..., wan wan wan ..., duo duo duo ..., one giant grouped
// number, one giant Han numeral chain, "3 wan duo ge baifendian" repeated: one metric per 19
// bytes). The corpus also runs with the candidate finder capped at AVX2 and at scalar.
// Ratios: compare the bytes_per_second of zhscan_find_metrics/corpus with
// zhscan_tokenize*/corpus, re2_units/corpus and pcre2_jit_units/corpus of the same run.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "zhscan/metric.hpp"

#if defined(ZHSCAN_HAVE_RE2)
#include <re2/re2.h>
#endif
#if defined(ZHSCAN_HAVE_PCRE2)
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif

namespace {

// The peers' pattern: Arabic digits (ASCII or full-width), decimals, magnitude, duo/yu,
// magnitude, then one of the common units. UTF-8 literal text (a .cpp file may hold it).
const char* const unit_pattern =
    "[0-9０-９]+(?:[.．][0-9０-９]+)?[万亿千百萬億]?[多余]?[万亿萬億]?"
    "(?:元|平方米|所|个|個|名|人次|人|%|％|项|項|次|年|天|倍|亩|畝|分|位|处|處|件|条|份)";

void run_metrics(benchmark::State& state, const std::string& text,
                 zhscan::simd_level level = zhscan::simd_level::best) {
  std::vector<zhscan::metric> out;
  out.reserve(text.size() / 64);
  std::size_t n = 0;
  for (auto _ : state) {
    zhscan::find_metrics(text, out, level);
    n = out.size();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["metrics"] = static_cast<double>(n);
}

void zhscan_find_metrics(benchmark::State& state, const std::string& (*input)()) {
  run_metrics(state, input());
}

// The same with the candidate finder capped at a SIMD level (the fallbacks of other CPUs).
void zhscan_find_metrics_level(benchmark::State& state, const std::string& (*input)(),
                               zhscan::simd_level level) {
  run_metrics(state, input(), level);
}

// Candidate finder alone (the floor of one pass): how much of the time is the scan. Counts
// every trigger (each digit of a number), more than the scanner asks for.
void zhscan_metric_triggers(benchmark::State& state, const std::string& (*input)()) {
  const std::string& text = input();
  std::size_t n = 0;
  for (auto _ : state) {
    n = 0;
    const char* p = text.data();
    const char* const e = p + text.size();
    zhscan::detail::trigger_cursor triggers(text.data(), e);
    while ((p = triggers.next(p)) < e) {
      ++n;
      ++p;
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["triggers"] = static_cast<double>(n);
}

constexpr std::size_t adversarial_bytes = std::size_t(64) << 20;

const std::string& adv_digits() {
  static const std::string s = zhscan_bench::repeat_to("1234567890", adversarial_bytes);
  return s;
}
const std::string& adv_han_digits() {
  static const std::string s = zhscan_bench::repeat_to("一二三四五六七八九十", adversarial_bytes);
  return s;
}
const std::string& adv_wan() {
  static const std::string s = zhscan_bench::repeat_to("万", adversarial_bytes);
  return s;
}
const std::string& adv_duo() {
  static const std::string s = zhscan_bench::repeat_to("多", adversarial_bytes);
  return s;
}
const std::string& adv_grouped() {
  static const std::string s = "1" + zhscan_bench::repeat_to(",000", adversarial_bytes) + "元";
  return s;
}
const std::string& adv_han_chain() {
  static const std::string s = zhscan_bench::repeat_to("九千九百九十九万", adversarial_bytes) + "元";
  return s;
}
const std::string& adv_units() {
  static const std::string s = zhscan_bench::repeat_to("3万多个百分点", adversarial_bytes);
  return s;
}

#if defined(ZHSCAN_HAVE_RE2)
void re2_units(benchmark::State& state, const std::string& (*input)()) {
  const std::string& text = input();
  RE2 re(unit_pattern);
  if (!re.ok()) {
    state.SkipWithError("RE2 pattern");
    return;
  }
  std::size_t n = 0;
  for (auto _ : state) {
    n = 0;
    re2::StringPiece in(text);
    while (RE2::FindAndConsume(&in, re)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["matches"] = static_cast<double>(n);
}
#endif

#if defined(ZHSCAN_HAVE_PCRE2)
void pcre2_jit_units(benchmark::State& state, const std::string& (*input)()) {
  const std::string& text = input();
  int err = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code* re = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(unit_pattern), PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_NO_UTF_CHECK, &err, &erroff, nullptr);
  if (!re || pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0) {
    state.SkipWithError("PCRE2 JIT");
    if (re) pcre2_code_free(re);
    return;
  }
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(re, nullptr);
  std::size_t n = 0;
  for (auto _ : state) {
    n = 0;
    PCRE2_SIZE at = 0;
    while (at < text.size()) {
      const int rc = pcre2_jit_match(re, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), at,
                                     0, md, nullptr);
      if (rc < 0) break;
      const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
      ++n;
      at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    benchmark::DoNotOptimize(n);
  }
  pcre2_match_data_free(md);
  pcre2_code_free(re);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
  state.counters["matches"] = static_cast<double>(n);
}
#endif

}  // namespace

BENCHMARK_CAPTURE(zhscan_find_metrics, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_find_metrics, generated, &zhscan_bench::generated_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_find_metrics, mixed, &zhscan_bench::mixed_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_find_metrics_level, corpus_avx2, &zhscan_bench::corpus_text, zhscan::simd_level::avx2)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_find_metrics_level, corpus_scalar, &zhscan_bench::corpus_text, zhscan::simd_level::scalar)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(zhscan_metric_triggers, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
#if defined(ZHSCAN_HAVE_RE2)
BENCHMARK_CAPTURE(re2_units, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(re2_units, generated, &zhscan_bench::generated_text)->Unit(benchmark::kMillisecond);
#endif
#if defined(ZHSCAN_HAVE_PCRE2)
BENCHMARK_CAPTURE(pcre2_jit_units, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(pcre2_jit_units, generated, &zhscan_bench::generated_text)->Unit(benchmark::kMillisecond);
#endif
// Adversarial 64 MB inputs: linear time means MB/s of the same order as the corpus.
BENCHMARK_CAPTURE(zhscan_find_metrics, adv_digits, &adv_digits)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(zhscan_find_metrics, adv_han_digits, &adv_han_digits)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(zhscan_find_metrics, adv_wan, &adv_wan)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(zhscan_find_metrics, adv_duo, &adv_duo)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(zhscan_find_metrics, adv_grouped_number, &adv_grouped)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(zhscan_find_metrics, adv_han_chain, &adv_han_chain)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(zhscan_find_metrics, adv_units, &adv_units)->Unit(benchmark::kMillisecond)->Iterations(2);
