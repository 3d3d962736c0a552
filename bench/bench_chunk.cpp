// SPDX-License-Identifier: MIT
// Benchmarks of heading-path chunks (include/zhscan/chunk.hpp) and of the section of every
// metric (include/zhscan/section.hpp), beside the steps they build on, in one binary:
//
//   chunk_markers_outline/<input>  find_markers + outline (what chunks needs first)
//   chunk_library/<input>          find_markers + outline + find_chunks (vector)
//   chunk_write_ref/<input>        the whole text as one JSON string (what any writer of
//                                  the text pays)
//   chunk_write_only/<input>       the JSON lines of `zhscan chunks` from chunks computed
//                                  beforehand: writing the output, nothing else
//   chunk_cli/<input>              `zhscan chunks` into a string: markers, outline, chunks,
//                                  heading paths and the JSON lines
//   chunk_metrics_sections/corpus  find_metrics + find_markers + outline + assign_sections
//                                  (`zhscan metrics` with "section"); compare metric/corpus
// The bar: chunk_cli <= chunk_markers_outline + chunk_write_only; the chunking
// itself is chunk_library - chunk_markers_outline.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "cli_chunks.hpp"
#include "cli_common.hpp"
#include "zhscan/chunk.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"

namespace {

using input_fn = const std::string& (*)();

void set_bytes(benchmark::State& state, const std::string& s) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(s.size()));
}

void chunk_markers_outline(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::section> secs;
  zhscan::find_markers(s, ms);
  zhscan::outline(s, ms, secs);
  for (auto _ : state) {
    zhscan::find_markers(s, ms);
    zhscan::outline(s, ms, secs);
    benchmark::DoNotOptimize(secs.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s);
}

void chunk_library(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::section> secs;
  std::vector<zhscan::chunk> cs;
  zhscan::find_markers(s, ms);
  zhscan::outline(s, ms, secs);
  zhscan::find_chunks(s, ms, secs, zhscan::default_chunk_bytes, cs);
  for (auto _ : state) {
    zhscan::find_markers(s, ms);
    zhscan::outline(s, ms, secs);
    zhscan::find_chunks(s, ms, secs, zhscan::default_chunk_bytes, cs);
    benchmark::DoNotOptimize(cs.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s);
  state.counters["chunks"] = static_cast<double>(cs.size());
}

void chunk_write_ref(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (auto _ : state) {
    out.clear();
    zhscan_cli::json_string(out, s);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s);
}

void chunk_write_only(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::section> secs;
  std::vector<zhscan::chunk> cs;
  zhscan::find_markers(s, ms);
  zhscan::outline(s, ms, secs);
  zhscan::find_chunks(s, ms, secs, zhscan::default_chunk_bytes, cs);
  std::string out;
  zhscan_cli::write_chunks(s, ms, secs, cs, out);
  for (auto _ : state) {
    out.clear();
    zhscan_cli::write_chunks(s, ms, secs, cs, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s);
}

void chunk_cli(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::string out;
  zhscan_cli::cli_chunks(s, out);
  for (auto _ : state) {
    out.clear();
    zhscan_cli::cli_chunks(s, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s);
  state.counters["out_MB"] = static_cast<double>(out.size()) / 1e6;
}

void chunk_metrics_sections(benchmark::State& state, input_fn in) {
  const std::string& s = in();
  std::vector<zhscan::metric> mt;
  std::vector<zhscan::marker> ms;
  std::vector<zhscan::section> secs;
  zhscan::find_metrics(s, mt);
  for (auto _ : state) {
    zhscan::find_metrics(s, mt);
    zhscan::find_markers(s, ms);
    zhscan::outline(s, ms, secs);
    zhscan::assign_sections(ms, secs, mt);
    benchmark::DoNotOptimize(mt.data());
    benchmark::ClobberMemory();
  }
  set_bytes(state, s);
}

}  // namespace

#define ZHSCAN_CHUNK_INPUTS(fn)                                                              \
  BENCHMARK_CAPTURE(fn, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond); \
  BENCHMARK_CAPTURE(fn, generated, &zhscan_bench::generated_text)->Unit(benchmark::kMillisecond)

ZHSCAN_CHUNK_INPUTS(chunk_markers_outline);
ZHSCAN_CHUNK_INPUTS(chunk_library);
ZHSCAN_CHUNK_INPUTS(chunk_write_ref);
ZHSCAN_CHUNK_INPUTS(chunk_write_only);
ZHSCAN_CHUNK_INPUTS(chunk_cli);
BENCHMARK_CAPTURE(chunk_metrics_sections, corpus, &zhscan_bench::corpus_text)->Unit(benchmark::kMillisecond);
