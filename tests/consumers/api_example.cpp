// SPDX-License-Identifier: MIT
// The README's API example, compiled and run by tests/consumers/run.sh (part `matrix`) so
// that the README cannot show code that no longer builds.
#include <zhscan/zhscan.hpp>

#include <cstdio>
#include <string_view>
#include <vector>

int main() {
  std::string_view text = "一、总体情况\n全年投入资金465万元，同比增长8.5%。\n";

  for (const zhscan::token& t : zhscan::tokens(text))  // lazy range, no allocation
    std::printf("%.*s:%s ", int(t.length), text.data() + t.offset,
                zhscan::to_string(t.kind).data());  // 一:han 、:punct 总体情况:han ...

  std::vector<zhscan::marker> markers;  // reuse the vectors across documents
  zhscan::find_markers(text, markers);  // 一、 style han_dun, ordinal 1, level 1
  std::vector<zhscan::section> sections;
  zhscan::outline(text, markers, sections);  // heading 总体情况, body up to the next marker
  for (const zhscan::section& s : sections) {
    std::string_view heading = s.heading.in(text);
    std::printf("\nsection level %d: %.*s", s.level, int(heading.size()), heading.data());
  }

  std::vector<zhscan::metric> metrics;
  zhscan::find_metrics(text, metrics);  // 465万元 = 4650000 元 (currency); 8.5% = 8.5 %
  for (const zhscan::metric& m : metrics) {
    std::string_view span = m.span.in(text);
    std::printf("\n%.*s = %.15g %.*s (%s)", int(span.size()), span.data(), m.value,
                int(m.unit.size()), m.unit.data(), zhscan::to_string(m.category).data());
  }
  std::printf("\n");
  return metrics.size() == 2 && sections.size() == 1 ? 0 : 1;
}
