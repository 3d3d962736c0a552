// SPDX-License-Identifier: MIT
// Tests of include/zhscan/stream.hpp: tokens, markers (levels, parents, headings) and metrics
// (sections, change records) of a text fed in chunks equal the whole-buffer results, for
// chunks of one byte, of random sizes, cut inside UTF-8 characters and inside numerals, and
// for small pieces (so that the stream's own cuts fall everywhere). Original text written for
// these tests; the corpus documents too when ZHSCAN_SHARED_DIR names a folder with them.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/change.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"
#include "zhscan/stream.hpp"
#include "zhscan/tokenize.hpp"

namespace {

using zhscan::npos;

// A report in the style of a statistical communique, with three heading levels, levels and
// changes, a "you A tigao dao B", a list whose items need their successor to be believed, and
// a Han numeral split by chunks everywhere.
const std::string report =
    "某市2025年国民经济和社会发展统计公报\n"
    "一、综合\n"
    "全年全市地区生产总值7890.12亿元，按不变价计算，比上年增长5.3%。其中，第一产业增加值"
    "增长3.9%；第二产业增加值2345.6亿元，增长6.1%。城镇化率由64.4%提高到65.2%。\n"
    "（一）工业\n"
    "1. 规模以上工业增加值增长6.8%，工业用电量下降1.6%。\n"
    "2. 新增债券五十亿零二千七百万元，比上年增加8.19亿元。\n"
    "（二）财政\n"
    "一般公共预算收入一千二百三十四万元，完成年度预算的100.3%。\n"
    "二、人口\n"
    "年末常住人口约3万人，比上年末减少0.2万人，出生率8.5‰。\n"
    "①第一项 ②第二项\n"
    "三、附注\n"
    "本公报数据为初步统计数，每平方米1.2万元，第 2 页 共 5 页\n";

struct collected {
  std::vector<zhscan::stream_marker> markers;
  std::vector<zhscan::stream_metric> metrics;
  std::vector<std::string> texts;  // each metric's text and its indicator's, seen in the callback
  const zhscan::text_stream* ts = nullptr;
  void on_marker(const zhscan::stream_marker& k) { markers.push_back(k); }
  void on_metric(const zhscan::stream_metric& x) {
    metrics.push_back(x);
    texts.push_back(std::string(ts->text(x.m.span)) + "|" + std::string(ts->text(x.change.indicator)) +
                    "|" + std::string(x.m.per));
  }
};

std::vector<std::size_t> sizes_one() { return {1}; }

bool same_value(const zhscan::decimal& a, const zhscan::decimal& b) {
  return (a.nan && b.nan) || (!a.nan && !b.nan && zhscan::compare(a, b) == 0);
}

/** Feeds `text` in chunks of the sizes `sizes` (cycled) to a text_stream; checks against the
 *  whole-buffer results. */
void check_text_stream(const std::string& text, const std::vector<std::size_t>& sizes,
                       zhscan::stream_options opt = zhscan::stream_options()) {
  std::vector<zhscan::marker> mk;
  zhscan::find_markers(text, mk);
  std::vector<zhscan::section> secs;
  zhscan::outline(text, mk, secs);
  std::vector<zhscan::metric> ms;
  zhscan::find_metrics(text, ms);
  zhscan::assign_sections(mk, secs, ms);
  std::vector<zhscan::metric_change> cs;
  zhscan::find_changes(text, ms, cs);

  zhscan::text_stream ts(opt);
  collected got;
  got.ts = &ts;
  std::size_t pos = 0, k = 0;
  while (pos < text.size()) {
    const std::size_t n = std::min(sizes[k++ % sizes.size()], text.size() - pos);
    ts.feed(std::string_view(text).substr(pos, n), got);
    pos += n;
  }
  ts.finish(got);
  CHECK(ts.stats().exact());
  REQUIRE(got.markers.size() == mk.size());
  for (std::size_t i = 0; i < mk.size(); ++i) {
    const zhscan::stream_marker& a = got.markers[i];
    const zhscan::marker& b = mk[i];
    INFO("marker " << i << " at " << b.span.start);
    CHECK(a.index == i);
    CHECK(a.m.span == b.span);
    CHECK(a.m.style == b.style);
    CHECK(a.m.ordinal == b.ordinal);
    CHECK(int(a.m.level) == int(b.level));
    CHECK(a.m.parent == b.parent);
    CHECK(a.m.flags == b.flags);
    CHECK(int(a.m.confidence) == int(b.confidence));
    CHECK(a.parent_start == (b.parent == npos ? npos : mk[b.parent].span.start));
    CHECK(a.heading == secs[i].heading);
  }
  REQUIRE(got.metrics.size() == ms.size());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const zhscan::stream_metric& a = got.metrics[i];
    const zhscan::metric& b = ms[i];
    const zhscan::metric_change& c = cs[i];
    INFO("metric " << i << " at " << b.span.start);
    CHECK(a.index == i);
    CHECK(a.m.span == b.span);
    CHECK(a.m.number == b.number);
    CHECK(a.m.unit_text == b.unit_text);
    CHECK(a.m.unit == b.unit);
    CHECK(same_value(a.m.value_exact(), b.value_exact()));
    CHECK(same_value(a.m.low_exact(), b.low_exact()));
    CHECK(same_value(a.change.delta_exact, c.delta_exact));
    CHECK(a.m.change_from == b.change_from);
    CHECK(a.m.section == b.section);
    CHECK(a.change.role == c.role);
    CHECK(a.change.has_change == c.has_change);
    CHECK(a.change.direction == c.direction);
    CHECK(a.change.measure == c.measure);
    CHECK(a.change.base == c.base);
    CHECK(a.change.indicator == c.indicator);
    CHECK(a.change.level == c.level);
    CHECK(a.level_start == (c.level == npos ? npos : ms[c.level].span.start));
    CHECK(got.texts[i] == std::string(b.span.in(text)) + "|" + std::string(c.indicator.in(text)) + "|" +
                              std::string(b.per));
  }
}

/** Tokens of `text` fed in chunks of `sizes` (cycled) equal tokenize's. */
void check_token_stream(const std::string& text, const std::vector<std::size_t>& sizes) {
  std::vector<zhscan::token> want;
  zhscan::tokenize(text, want);
  std::vector<zhscan::token> got;
  zhscan::token_stream ts;
  auto add = [&got](const zhscan::token& t) { got.push_back(t); };
  std::size_t pos = 0, k = 0;
  while (pos < text.size()) {
    const std::size_t n = std::min(sizes[k++ % sizes.size()], text.size() - pos);
    ts.feed(std::string_view(text).substr(pos, n), add);
    pos += n;
  }
  ts.finish(add);
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    INFO("token " << i);
    CHECK(got[i] == want[i]);
  }
}

std::vector<std::size_t> random_sizes(unsigned seed, std::size_t max) {
  std::mt19937 rng(seed);
  std::vector<std::size_t> v;
  for (int i = 0; i < 97; ++i) v.push_back(1 + rng() % max);
  return v;
}

zhscan::stream_options small_pieces() {
  zhscan::stream_options o;
  o.piece = 64;  // cuts every ~64 bytes (the margin stays at its floor, 1 KiB)
  return o;
}

std::string shared_dir() {
  if (const char* env = std::getenv("ZHSCAN_SHARED_DIR"))
    if (*env) return env;
#ifdef ZHSCAN_SHARED_DIR
  return ZHSCAN_SHARED_DIR;
#else
  return "../shared";
#endif
}

}  // namespace

TEST_CASE("token_stream equals tokenize for every chunking", "[stream]") {
  std::string text = report;
  text += "\r\n\xFF\xE4\xB8 abc\xF0\x9F\x98\x80 ";  // CR LF, ill-formed bytes, an emoji
  text += std::string(3000, 'a') + std::string(300, ' ');
  for (int i = 0; i < 500; ++i) text += "\xE6\x95\x99";  // a run of 500 ideographs
  text += "\r";
  SECTION("one byte at a time") { check_token_stream(text, sizes_one()); }
  SECTION("random sizes") {
    for (unsigned seed = 1; seed <= 5; ++seed) check_token_stream(text, random_sizes(seed, 40));
    check_token_stream(text, random_sizes(9, 5000));
  }
  SECTION("two bytes: every three-byte character split") { check_token_stream(text, {2}); }
  SECTION("a run longer than every chunk is one token") {
    const std::string run(100000, '7');
    std::vector<zhscan::token> got;
    zhscan::token_stream ts;
    auto add = [&got](const zhscan::token& t) { got.push_back(t); };
    for (std::size_t p = 0; p < run.size(); p += 1000) ts.feed(std::string_view(run).substr(p, 1000), add);
    ts.finish(add);
    REQUIRE(got.size() == 1);
    CHECK(got[0].offset == 0);
    CHECK(got[0].length == run.size());
    CHECK(got[0].kind == zhscan::token_kind::ascii_digit);
  }
  SECTION("empty") {
    zhscan::token_stream ts;
    std::size_t n = 0;
    ts.finish([&n](const zhscan::token&) { ++n; });
    CHECK(n == 0);
  }
}

TEST_CASE("text_stream equals the whole-buffer markers and metrics", "[stream]") {
  SECTION("one byte at a time, one piece") { check_text_stream(report, sizes_one()); }
  SECTION("one byte at a time, pieces of 64 bytes") { check_text_stream(report, sizes_one(), small_pieces()); }
  SECTION("random sizes, small pieces") {
    for (unsigned seed = 1; seed <= 4; ++seed) check_text_stream(report, random_sizes(seed, 50), small_pieces());
  }
  SECTION("sizes that split characters and numerals") {
    check_text_stream(report, {2}, small_pieces());
    check_text_stream(report, {5, 1, 7}, small_pieces());
  }
  SECTION("the report repeated on one line (pieces cut inside lines)") {
    std::string line;
    for (int i = 0; i < 20; ++i) line += report;
    std::replace(line.begin(), line.end(), '\n', ' ');
    check_text_stream(line, random_sizes(7, 300), small_pieces());
  }
  SECTION("the report repeated, with CR LF") {
    std::string doc;
    for (int i = 0; i < 20; ++i) doc += report;
    std::string crlf;
    for (char c : doc) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    check_text_stream(crlf, random_sizes(3, 1000), small_pieces());
  }
  SECTION("empty and tiny texts") {
    check_text_stream("", sizes_one());
    check_text_stream("1.", sizes_one());
    check_text_stream("一、", sizes_one());
    check_text_stream("\xE4\xB8", sizes_one());
  }
}

TEST_CASE("text_stream: delivery order, offsets, settled", "[stream]") {
  zhscan::text_stream ts(small_pieces());
  struct order_sink {
    std::vector<std::pair<std::size_t, char>> seen;  // start, 'k' marker / 'm' metric
    void on_marker(const zhscan::stream_marker& k) { seen.push_back({k.m.span.start, 'k'}); }
    void on_metric(const zhscan::stream_metric& x) { seen.push_back({x.m.span.start, 'm'}); }
  } s;
  std::string doc;
  for (int i = 0; i < 5; ++i) doc += report;
  for (std::size_t p = 0; p < doc.size(); p += 13) {
    ts.feed(std::string_view(doc).substr(p, 13), s);
    CHECK(ts.settled() <= ts.size());
    // everything starting before settled() has been delivered, nothing is held past the end
    for (const auto& e : s.seen) CHECK(e.first < ts.size());
  }
  ts.finish(s);
  CHECK(ts.settled() == doc.size());
  // a metric comes after every marker starting at or before it; each kind in text order
  std::size_t last_k = 0, last_m = 0;
  for (std::size_t i = 0; i < s.seen.size(); ++i) {
    if (s.seen[i].second == 'k') {
      CHECK(s.seen[i].first >= last_k);
      last_k = s.seen[i].first;
    } else {
      CHECK(s.seen[i].first >= last_m);
      last_m = s.seen[i].first;
      for (std::size_t j = i + 1; j < s.seen.size(); ++j)
        if (s.seen[j].second == 'k') CHECK(s.seen[j].first > s.seen[i].first);
    }
  }
  CHECK(last_k > report.size() * 4);  // offsets are absolute: the fifth copy's markers
}

TEST_CASE("text_stream: memory stays bounded on a long text", "[stream]") {
  zhscan::stream_options o;
  o.piece = 4096;
  zhscan::text_stream ts(o);
  struct count_sink {
    std::size_t markers = 0, metrics = 0;
    void on_marker(const zhscan::stream_marker&) { ++markers; }
    void on_metric(const zhscan::stream_metric&) { ++metrics; }
  } s;
  std::size_t most = 0;
  for (int i = 0; i < 2000; ++i) {  // ~1.2 MB
    ts.feed(report, s);
    most = std::max(most, ts.held());
  }
  ts.finish(s);
  // 8 margins of context, two pieces, 64 KiB left for a bulk erase, the chunk being fed
  CHECK(most <= 8 * 16384 + 2 * 4096 + 65536 + 2 * report.size());
  CHECK(s.markers > 2000);
  CHECK(s.metrics > 2000 * 10);
  CHECK(ts.stats().exact());
}

TEST_CASE("text_stream: a marker whose evidence lies past max_delay is decided early", "[stream]") {
  // "1." at a line start opens a list only when no higher-ranked heading follows before its
  // "2." (GB/T order): the stream waits for that evidence; far away it decides without it.
  std::string doc = "1. 说明\n";
  doc += std::string(300000, 'x');
  doc += "\n一、总则\n二、附则\n2. 其他\n";
  zhscan::stream_options o;
  o.piece = 4096;
  o.max_delay = 65536;
  collected got;
  zhscan::text_stream ts(o);
  got.ts = &ts;
  for (std::size_t p = 0; p < doc.size(); p += 1000) ts.feed(std::string_view(doc).substr(p, 1000), got);
  ts.finish(got);
  CHECK(ts.stats().forced >= 1);
  CHECK(ts.held() < 200000);
  // with the default max_delay the wait covers it, and the result is the whole-buffer one
  check_text_stream(doc, {1000});
}

TEST_CASE("text_stream equals the whole-buffer results on the corpus", "[stream]") {
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::path(shared_dir()) / "corpus";
  if (!std::filesystem::is_directory(dir, ec)) return;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".txt") continue;
    std::FILE* fp = std::fopen(e.path().string().c_str(), "rb");
    REQUIRE(fp != nullptr);
    std::string text;
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, fp)) > 0;) text.append(buf, n);
    std::fclose(fp);
    INFO(e.path().string());
    check_text_stream(text, random_sizes(11, 3000), small_pieces());
    check_token_stream(text, random_sizes(12, 100));
  }
}
