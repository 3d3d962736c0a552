// SPDX-License-Identifier: MIT
// Driver for instruction counts per byte (bench/insn_per_byte.sh): tokenizes the files given
// (concatenated) REPEAT times into one token_columns at simd level LEVEL, so that the
// difference between two REPEAT values is the tokenizer's own cost (reading the files and
// process start cancel out). Prints the byte and token counts.
//   insn_tokenize LEVEL REPEAT INPUT...    LEVEL: scalar avx2 avx512 neon best
// INPUT: a file, or @generated / @mixed (bench_data.hpp's generated report text, 1 MiB;
// @mixed has much more ASCII: the benchmark's "mixed ASCII/Chinese" input).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "bench_data.hpp"
#include "zhscan/tokenize.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s LEVEL REPEAT FILE...\n", argv[0]);
    return 2;
  }
  const std::string lv = argv[1];
  zhscan::simd_level level = zhscan::simd_level::best;
  if (lv == "scalar") level = zhscan::simd_level::scalar;
  else if (lv == "avx2") level = zhscan::simd_level::avx2;
  else if (lv == "avx512") level = zhscan::simd_level::avx512;
  else if (lv == "neon") level = zhscan::simd_level::neon;
  else if (lv != "best") {
    std::fprintf(stderr, "unknown level %s\n", argv[1]);
    return 2;
  }
  if (zhscan::detail::effective_simd_level(level) != level && level != zhscan::simd_level::best) {
    std::fprintf(stderr, "level %s is not available here\n", argv[1]);
    return 3;
  }
  const long repeat = std::strtol(argv[2], nullptr, 10);
  std::string text;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "@generated" || arg == "@mixed") {
      zhscan_bench::generate_report(text, std::size_t(1) << 20, arg == "@mixed" ? 7 : 20240601,
                                    arg == "@mixed" ? 60 : 10);
      continue;
    }
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", argv[i]);
      return 2;
    }
    text.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  zhscan::token_columns cols;
  cols.reserve(text.size() + 64);  // no growth inside the measured passes
  std::size_t tokens = 0;
  for (long r = 0; r < repeat; ++r) {
    zhscan::tokenize(text, cols, level);
    tokens = cols.size();
  }
  std::printf("bytes %zu tokens %zu\n", text.size(), tokens);
  return 0;
}
