// SPDX-License-Identifier: MIT
// Benchmarks of zhscan::find_markers and zhscan::outline (include/zhscan/list_marker.hpp,
// include/zhscan/outline.hpp).
//
//   list_marker/<input>           find_markers + outline, reused vectors (the figure)
//   list_marker_find/<input>      find_markers only
//   list_marker_rejects/corpus    find_markers collecting rejected candidates (debug path)
//   list_marker_level/<input>_<level>  the SIMD prefilter capped at avx2 / scalar
//   list_marker_adversarial/<name>     64 MB of one repeated pattern: linear-time check
//   list_marker_tokenizer_ref/<input>  zhscan::tokenize into token_columns, the reference
//                                      the ">= 50% of the tokenizer" is measured
//                                      against, in this same binary
// Inputs: bench/bench_data.hpp (corpus_text, generated_text, mixed_text, repeat_to).
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/tokenize.hpp"

namespace {

using input_fn = const std::string& (*)();

void set_bytes(benchmark::State& state, const std::string& s, std::size_t markers) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(s.size()));
  state.counters["markers"] = static_cast<double>(markers);
}

void list_marker(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::section> secs;
  zhscan::find_markers(s, ms);  // size the vectors outside the timed loop
  zhscan::outline(s, ms, secs);
  for (auto _ : state) {
    zhscan::find_markers(s, ms);
    zhscan::outline(s, ms, secs);
    benchmark::DoNotOptimize(secs.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s, ms.size());
}

void list_marker_find(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::vector<zhscan::marker> ms;
  zhscan::find_markers(s, ms);
  for (auto _ : state) {
    zhscan::find_markers(s, ms);
    benchmark::DoNotOptimize(ms.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s, ms.size());
}

void list_marker_level(benchmark::State& state, input_fn in, zhscan::simd_level level) {
  const std::string& s = in();
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::section> secs;
  zhscan::find_markers(s, ms, nullptr, level);
  for (auto _ : state) {
    zhscan::find_markers(s, ms, nullptr, level);
    zhscan::outline(s, ms, secs);
    benchmark::DoNotOptimize(secs.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s, ms.size());
}

void list_marker_rejects(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::rejected_marker> rej;
  zhscan::find_markers(s, ms, &rej);
  for (auto _ : state) {
    zhscan::find_markers(s, ms, &rej);
    benchmark::DoNotOptimize(rej.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s, ms.size());
  state.counters["rejected"] = static_cast<double>(rej.size());
}

void list_marker_tokenizer_ref(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  zhscan::token_columns cols;
  zhscan::tokenize(s, cols);
  for (auto _ : state) {
    zhscan::tokenize(s, cols);
    benchmark::DoNotOptimize(cols.kinds());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(s.size()));
}

// ---- adversarial inputs: 64 MB of one pattern, one line ------------------------------------

constexpr std::size_t adversarial_bytes = std::size_t(64) << 20;

#define ZHSCAN_ADVERSARIAL(name, pattern)                                          \
  const std::string& name() {                                                      \
    static const std::string s = zhscan_bench::repeat_to(pattern, adversarial_bytes); \
    return s;                                                                      \
  }

ZHSCAN_ADVERSARIAL(adv_han_dun, "\u4E00\u3001")                // yi + dunhao, repeated
ZHSCAN_ADVERSARIAL(adv_open_parens, "((((((")                  // no closing bracket anywhere
ZHSCAN_ADVERSARIAL(adv_fw_open_parens, "\uFF08\uFF08\uFF08")   // full-width, same
ZHSCAN_ADVERSARIAL(adv_decimal_chain, "1.1.1.1.")              // one endless decimal outline
ZHSCAN_ADVERSARIAL(adv_arabic_dun, "1\u3001")                  // 1 + dunhao, repeated
ZHSCAN_ADVERSARIAL(adv_paren_arabic, "(1)")                    // (1)(1)(1)...
ZHSCAN_ADVERSARIAL(adv_counting, "(1)(2)(3)(4)(5)(6)(7)(8)(9)")  // valid sequence, no text
// alternating styles with no text: yi-dun (yi) 1. (1) circled-1 yi-shi di-yi-zhang
ZHSCAN_ADVERSARIAL(adv_alternating,
                   "\u4E00\u3001\uFF08\u4E00\uFF091.\uFF081\uFF09\u2460\u4E00\u662F"
                   "\u7B2C\u4E00\u7AE0")
// markers each followed by a short text and a sentence end: the densest realistic input
ZHSCAN_ADVERSARIAL(adv_dense_items,
                   "\u4E00\u3001\u52A0\u5F3A\u3002\uFF08\u4E00\uFF09\u843D\u5B9E\u3002"
                   "1.\u63A8\u8FDB\u3002\uFF081\uFF09\u5B8C\u5584\u3002\n")
// a Han numeral after every boundary: the prefilter passes all of them
ZHSCAN_ADVERSARIAL(adv_numeral_after_comma, "\u4E00\uFF0C")

}  // namespace

#define ZHSCAN_MARKER_INPUTS(fn)                                   \
  BENCHMARK_CAPTURE(fn, corpus, &zhscan_bench::corpus_text);       \
  BENCHMARK_CAPTURE(fn, generated, &zhscan_bench::generated_text); \
  BENCHMARK_CAPTURE(fn, mixed, &zhscan_bench::mixed_text)

ZHSCAN_MARKER_INPUTS(list_marker);
ZHSCAN_MARKER_INPUTS(list_marker_find);
ZHSCAN_MARKER_INPUTS(list_marker_tokenizer_ref);
BENCHMARK_CAPTURE(list_marker_rejects, corpus, &zhscan_bench::corpus_text);
BENCHMARK_CAPTURE(list_marker_level, corpus_avx2, &zhscan_bench::corpus_text, zhscan::simd_level::avx2);
BENCHMARK_CAPTURE(list_marker_level, corpus_scalar, &zhscan_bench::corpus_text, zhscan::simd_level::scalar);
BENCHMARK_CAPTURE(list_marker_level, generated_avx2, &zhscan_bench::generated_text, zhscan::simd_level::avx2);
BENCHMARK_CAPTURE(list_marker_level, generated_scalar, &zhscan_bench::generated_text, zhscan::simd_level::scalar);
BENCHMARK_CAPTURE(list_marker, adv_han_dun, &adv_han_dun);
BENCHMARK_CAPTURE(list_marker, adv_open_parens, &adv_open_parens);
BENCHMARK_CAPTURE(list_marker, adv_fw_open_parens, &adv_fw_open_parens);
BENCHMARK_CAPTURE(list_marker, adv_decimal_chain, &adv_decimal_chain);
BENCHMARK_CAPTURE(list_marker, adv_arabic_dun, &adv_arabic_dun);
BENCHMARK_CAPTURE(list_marker, adv_paren_arabic, &adv_paren_arabic);
BENCHMARK_CAPTURE(list_marker, adv_counting, &adv_counting);
BENCHMARK_CAPTURE(list_marker, adv_alternating, &adv_alternating);
BENCHMARK_CAPTURE(list_marker, adv_dense_items, &adv_dense_items);
BENCHMARK_CAPTURE(list_marker, adv_numeral_after_comma, &adv_numeral_after_comma);
