// SPDX-License-Identifier: MIT
// Throughput of zhscan::find_metrics over the given documents (repeated for >= 2 s, one
// core, median of 5 runs); prints MB/s. Used by run.sh for the peer comparison.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "zhscan/metric.hpp"

int main(int argc, char** argv) {
  std::string all;
  for (int i = 1; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    all += ss.str();
    all += '\n';
  }
  std::string big;
  while (big.size() < (std::size_t(32) << 20)) big += all;
  std::vector<zhscan::metric> out;
  std::vector<double> runs;
  for (int r = 0; r < 5; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    zhscan::find_metrics(big, out);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    runs.push_back(double(big.size()) / 1e6 / s);
  }
  std::sort(runs.begin(), runs.end());
  std::printf("zhscan find_metrics: %zu bytes, %zu metrics, median %.1f MB/s\n", big.size(), out.size(), runs[2]);
  return 0;
}
