// SPDX-License-Identifier: MIT
// libFuzzer harness for zhscan/stream.hpp: the tokens, markers (level, parent, heading) and
// metrics (section, change record) of the input fed in chunks equal the whole-buffer results.
// The first two bytes choose the chunking (sizes 1..N cycling through the input's own bytes)
// and the piece size (64..319 bytes, so that the stream's cuts fall everywhere); the rest is
// the text. A cut the stream itself reports as unverified (stream_stats) is allowed to differ.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "zhscan/change.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"
#include "zhscan/stream.hpp"
#include "zhscan/tokenize.hpp"

#define ZHSCAN_FUZZ_CHECK(cond)      \
  do {                               \
    if (!(cond)) __builtin_trap();   \
  } while (0)

namespace {

struct sink {
  std::vector<zhscan::stream_marker> markers;
  std::vector<zhscan::stream_metric> metrics;
  const zhscan::text_stream* ts = nullptr;
  std::size_t size = 0;
  void on_marker(const zhscan::stream_marker& k) {
    ZHSCAN_FUZZ_CHECK(ts->text(k.m.span).size() == k.m.span.size());
    markers.push_back(k);
  }
  void on_metric(const zhscan::stream_metric& x) {
    ZHSCAN_FUZZ_CHECK(ts->text(x.m.span).size() == x.m.span.size());
    ZHSCAN_FUZZ_CHECK(ts->text(x.change.indicator).size() == x.change.indicator.size());
    metrics.push_back(x);
  }
};

bool same_value(const zhscan::decimal& a, const zhscan::decimal& b) {
  return (a.nan && b.nan) || (!a.nan && !b.nan && zhscan::compare(a, b) == 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t max_chunk = 1 + data[0] % 97;
  zhscan::stream_options opt;
  opt.piece = 64 + data[1];
  data += 2;
  size -= 2;
  std::unique_ptr<char[]> buf(new char[size ? size : 1]);
  if (size) std::memcpy(buf.get(), data, size);
  const std::string_view s(buf.get(), size);
  // chunk sizes: the input's bytes, 1..max_chunk
  auto chunk_at = [&](std::size_t k) { return size ? 1 + static_cast<unsigned char>(s[k % size]) % max_chunk : 1; };

  // tokens
  std::vector<zhscan::token> want_t, got_t;
  zhscan::tokenize(s, want_t);
  {
    zhscan::token_stream ts;
    auto add = [&got_t](const zhscan::token& t) { got_t.push_back(t); };
    std::size_t pos = 0, k = 0;
    while (pos < size) {
      std::size_t n = chunk_at(k++);
      if (n > size - pos) n = size - pos;
      ts.feed(s.substr(pos, n), add);
      pos += n;
    }
    ts.finish(add);
  }
  ZHSCAN_FUZZ_CHECK(got_t.size() == want_t.size());
  for (std::size_t i = 0; i < want_t.size(); ++i) ZHSCAN_FUZZ_CHECK(got_t[i] == want_t[i]);

  // markers and metrics
  std::vector<zhscan::marker> mk;
  zhscan::find_markers(s, mk);
  std::vector<zhscan::section> secs;
  zhscan::outline(s, mk, secs);
  std::vector<zhscan::metric> ms;
  zhscan::find_metrics(s, ms);
  zhscan::assign_sections(mk, secs, ms);
  std::vector<zhscan::metric_change> cs;
  zhscan::find_changes(s, ms, cs);
  zhscan::text_stream ts(opt);
  sink got;
  got.ts = &ts;
  std::size_t pos = 0, k = 0;
  while (pos < size) {
    std::size_t n = chunk_at(k++);
    if (n > size - pos) n = size - pos;
    ts.feed(s.substr(pos, n), got);
    pos += n;
    ZHSCAN_FUZZ_CHECK(ts.settled() <= ts.size());
  }
  ts.finish(got);
  ZHSCAN_FUZZ_CHECK(ts.settled() == size);
  if (!ts.stats().exact()) return 0;
  ZHSCAN_FUZZ_CHECK(got.markers.size() == mk.size());
  for (std::size_t i = 0; i < mk.size(); ++i) {
    const zhscan::stream_marker& a = got.markers[i];
    const zhscan::marker& b = mk[i];
    ZHSCAN_FUZZ_CHECK(a.index == i && a.m.span == b.span && a.m.style == b.style && a.m.ordinal == b.ordinal);
    ZHSCAN_FUZZ_CHECK(a.m.level == b.level && a.m.parent == b.parent && a.m.flags == b.flags &&
                      a.m.confidence == b.confidence);
    ZHSCAN_FUZZ_CHECK(a.parent_start == (b.parent == zhscan::npos ? zhscan::npos : mk[b.parent].span.start));
    ZHSCAN_FUZZ_CHECK(a.heading == secs[i].heading);
  }
  ZHSCAN_FUZZ_CHECK(got.metrics.size() == ms.size());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const zhscan::stream_metric& a = got.metrics[i];
    const zhscan::metric& b = ms[i];
    const zhscan::metric_change& c = cs[i];
    ZHSCAN_FUZZ_CHECK(a.index == i && a.m.span == b.span && a.m.number == b.number && a.m.unit_text == b.unit_text);
    ZHSCAN_FUZZ_CHECK(a.m.unit == b.unit && a.m.per == b.per && a.m.per2 == b.per2);
    ZHSCAN_FUZZ_CHECK(same_value(a.m.value_exact(), b.value_exact()) && same_value(a.m.low_exact(), b.low_exact()) &&
                      same_value(a.m.high_exact(), b.high_exact()));
    ZHSCAN_FUZZ_CHECK(a.m.change_from == b.change_from && a.m.section == b.section);
    ZHSCAN_FUZZ_CHECK(a.change.role == c.role && a.change.has_change == c.has_change &&
                      a.change.direction == c.direction && a.change.measure == c.measure);
    ZHSCAN_FUZZ_CHECK(a.change.base == c.base && a.change.indicator == c.indicator && a.change.verb == c.verb &&
                      a.change.level == c.level && same_value(a.change.delta_exact, c.delta_exact));
    ZHSCAN_FUZZ_CHECK(a.level_start == (c.level == zhscan::npos ? zhscan::npos : ms[c.level].span.start));
  }
  return 0;
}
