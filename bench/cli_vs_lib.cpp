// SPDX-License-Identifier: MIT
// The library side of bench/cli_vs_lib.py: reads one file into memory, then times, in this
// process, each library call the command-line program makes for it, over the whole buffer:
//
//   cli_vs_lib FILE RUNS
//
// prints one line per measure, `name wall_seconds cpu_seconds` (medians of RUNS runs; cpu:
// the thread's CPU time, which a busy machine disturbs less than the wall time):
//   metrics       find_metrics (the bare call: the yardstick)
//   metrics_calls find_metrics + find_markers + find_changes: every library call whose result
//                 `zhscan metrics` prints (sections come from the markers, change records
//                 and indicators from find_changes)
//   metrics_json  metrics_calls + writing the JSON lines `zhscan metrics` prints (the tool's
//                 line writer, cli_metrics.hpp, into a json_buf of 1 MiB that is reused)
//   markers       find_markers + outline
//   markers_json  find_markers + writing the lines `zhscan markers` prints
//   tokenize      tokenize into token_columns
//   tokens        tokenize + writing the JSON lines `zhscan tokens` prints (the tool's
//                 token_line, into a 1 MiB buffer that is reused)
// Build: g++ -std=c++17 -O2 -Iinclude -Iexamples bench/cli_vs_lib.cpp
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli_common.hpp"
#include "cli_markers.hpp"
#include "cli_metrics.hpp"
#include "cli_tokens.hpp"
#include "zhscan/zhscan.hpp"

namespace {

double cpu_now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct times {
  double wall, cpu;
};

template <class F>
times median_seconds(int runs, F&& f) {
  std::vector<double> t, c;
  for (int i = 0; i < runs; ++i) {
    const auto a = std::chrono::steady_clock::now();
    const double ca = cpu_now();
    f();
    c.push_back(cpu_now() - ca);
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  std::sort(c.begin(), c.end());
  return {t[t.size() / 2], c[c.size() / 2]};
}

void print(const char* name, times t) { std::printf("%s %.6f %.6f\n", name, t.wall, t.cpu); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: cli_vs_lib FILE RUNS\n");
    return 2;
  }
  std::ifstream f(argv[1], std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const int runs = std::max(1, std::atoi(argv[2]));
  std::size_t sink = 0;

  std::vector<zhscan::metric> ms;
  print("metrics", median_seconds(runs, [&] {
                zhscan::find_metrics(text, ms);
                sink += ms.size();
              }));
  std::vector<zhscan::marker> mk;
  std::vector<zhscan::metric_change> cs;
  print("metrics_calls", median_seconds(runs, [&] {
                zhscan::find_metrics(text, ms);
                zhscan::find_markers(text, mk);
                zhscan::find_changes(text, ms, cs);
                sink += ms.size() + mk.size() + cs.size();
              }));
  zhscan_cli::json_buf jb;
  std::string unit;
  print("metrics_json", median_seconds(runs, [&] {
                zhscan::find_metrics(text, ms);
                zhscan::find_markers(text, mk);
                zhscan::find_changes(text, ms, cs);
                std::size_t sp = 0;
                for (std::size_t i = 0; i < ms.size(); ++i) {
                  zhscan_cli::metric_line(
                      text, 0, ms, cs, i, jb, unit,
                      [&](zhscan_cli::json_buf& o, std::size_t k) {
                        if (ms[k].change_from == zhscan::npos) o += "null";
                        else zhscan_cli::json_uint(o, ms[k].change_from);
                      },
                      [&](zhscan_cli::json_buf& o, std::size_t k) {
                        while (sp < mk.size() && mk[sp].span.start <= ms[k].span.start) ++sp;
                        if (sp == 0) o += "null";
                        else zhscan_cli::json_uint(o, mk[sp - 1].span.start);
                      });
                  if (jb.size() >= (std::size_t(1) << 20)) {
                    sink += jb.size();
                    jb.clear();
                  }
                }
              }));
  std::vector<zhscan::section> secs;
  print("markers", median_seconds(runs, [&] {
                zhscan::find_markers(text, mk);
                zhscan::outline(text, mk, secs);
                sink += secs.size();
              }));
  std::string out;
  out.reserve((std::size_t(1) << 20) + 4096);
  print("markers_json", median_seconds(runs, [&] {
                zhscan::find_markers(text, mk);
                for (std::size_t i = 0; i < mk.size(); ++i) {
                  zhscan_cli::marker_line(text, mk, i, out);
                  if (out.size() >= (std::size_t(1) << 20)) {
                    sink += out.size();
                    out.clear();
                  }
                }
              }));
  zhscan::token_columns cols;
  print("tokenize", median_seconds(runs, [&] {
                zhscan::tokenize(text, cols);
                sink += cols.size();
              }));
  print("tokens", median_seconds(runs, [&] {
                zhscan::tokenize(text, cols);
                const std::size_t* off = cols.offsets();
                const zhscan::token_kind* kinds = cols.kinds();
                for (std::size_t i = 0; i < cols.size(); ++i) {
                  zhscan_cli::token_line(out, "{", off[i], off[i + 1], kinds[i]);
                  if (out.size() >= (std::size_t(1) << 20)) {
                    sink += out.size();
                    out.clear();
                  }
                }
              }));
  std::fprintf(stderr, "(%zu)\n", sink);
  return 0;
}
