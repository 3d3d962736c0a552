// SPDX-License-Identifier: MIT
// Tests of include/zhscan/section.hpp: the section of a byte offset (section_at), of every
// metric (assign_sections), heading labels and heading paths. Original text written for
// these tests.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"

namespace {

using zhscan::byte_span;
using zhscan::marker;
using zhscan::npos;
using zhscan::section;

struct parsed {
  std::string text;
  std::vector<marker> ms;
  std::vector<section> secs;
  explicit parsed(std::string t) : text(std::move(t)) {
    zhscan::find_markers(text, ms);
    zhscan::outline(text, ms, secs);
  }
  std::size_t offset_of(std::string_view needle, std::size_t from = 0) const {
    const std::size_t p = text.find(needle, from);
    REQUIRE(p != std::string::npos);
    return p;
  }
  std::vector<std::string> path(std::size_t sec) const {
    std::vector<byte_span> spans;
    zhscan::heading_path(ms, secs, sec, spans);
    std::vector<std::string> out;
    for (const byte_span& s : spans) out.emplace_back(s.in(text));
    return out;
  }
};

// A report with text before the first heading, three levels, and a return to level 1.
const char* const report =
    "\u672C\u62A5\u544A\u5171\u6709\u0033\u6240\u5B66\u6821\u53C2\u4E0E\u3002\n"  // preface: 3 suo
    "\u4E00\u3001\u62A5\u544A\u671F\u5185\u516C\u53F8\u4ECE\u4E8B\u7684\u4E3B\u8981\u4E1A\u52A1\n"
    "\u516C\u53F8\u4E3B\u8425\u4E1A\u52A1\u6536\u5165\u0034\u0036\u0035\u4E07\u5143\u3002\n"  // 465 wan yuan
    "\uFF08\u4E00\uFF09\u8425\u4E1A\u6536\u5165\n"  // (yi) ying ye shou ru
    "\u672C\u671F\u8425\u4E1A\u6536\u5165\u0031\u0032\u0030\u4E07\u5143\u3002\n"  // 120 wan yuan
    "1. \u5206\u4EA7\u54C1\n"  // "1. fen chan pin": marker, space, heading
    "\u4EA7\u54C1\u7532\u9500\u552E\u0035\u0030\u0030\u5428\u3002\n"  // 500 dun
    "2. \u5206\u5730\u533A\n"
    "\u534E\u4E1C\u5730\u533A\u5360\u6BD4\u0036\u0030\u0025\u3002\n"  // 60%
    "\u4E8C\u3001\u6838\u5FC3\u7ADE\u4E89\u529B\n"
    "\u516C\u53F8\u62E5\u6709\u4E13\u5229\u0033\u0035\u9879\u3002\n";  // 35 xiang

}  // namespace

TEST_CASE("section_at: the last section whose marker starts at or before the offset",
          "[section]") {
  const parsed p(report);
  REQUIRE(p.ms.size() == 5);  // yi-dun, (yi), 1., 2., er-dun
  const std::size_t m0 = p.ms[0].span.start, m1 = p.ms[1].span.start,
                    m4 = p.ms[4].span.start;
  CHECK(zhscan::section_at(p.ms, p.secs, 0) == npos);
  CHECK(zhscan::section_at(p.ms, p.secs, m0 - 1) == npos);
  CHECK(zhscan::section_at(p.ms, p.secs, m0) == 0);
  CHECK(zhscan::section_at(p.ms, p.secs, m0 + 1) == 0);  // inside the marker
  CHECK(zhscan::section_at(p.ms, p.secs, m1 - 1) == 0);
  CHECK(zhscan::section_at(p.ms, p.secs, m1) == 1);
  CHECK(zhscan::section_at(p.ms, p.secs, m4 - 1) == 3);  // end of the 2. section
  CHECK(zhscan::section_at(p.ms, p.secs, m4) == 4);
  CHECK(zhscan::section_at(p.ms, p.secs, p.text.size() - 1) == 4);
  CHECK(zhscan::section_at(p.ms, p.secs, p.text.size()) == 4);
  CHECK(zhscan::section_at(p.ms, p.secs, npos) == 4);
  const std::vector<marker> no_markers;
  const std::vector<section> no_sections;
  CHECK(zhscan::section_at(no_markers, no_sections, 0) == npos);
  CHECK(zhscan::section_at(no_markers, no_sections, 100) == npos);
  // mismatched vectors (sections without their markers): no read out of bounds
  CHECK(zhscan::section_at(no_markers, p.secs, 100) == npos);
  CHECK(zhscan::section_start(no_markers, p.secs, 0) == npos);
  CHECK(zhscan::section_start(p.ms, p.secs, npos) == npos);
}

TEST_CASE("section_at is the innermost section whose extent holds the offset", "[section]") {
  // Brute force over every offset: the deepest section with marker start <= x < body end.
  const char* const docs[] = {
      report,
      // a run-in list inside a sub-item, then a heading that closes both
      "\u4E00\u3001\u603B\u4F53\n\uFF08\u4E00\uFF09\u961F\u4F0D\n\u4E00\u662F\u52A0\u5F3A"
      "\u57F9\u8BAD\uFF1B\u4E8C\u662F\u5B8C\u5584\u5236\u5EA6\u3002\n\u4E8C\u3001\u4E0B\u4E00"
      "\u6B65\n\u7EE7\u7EED\u63A8\u8FDB\u3002",
      // run-in list before any heading (no parent)
      "\u4E00\u662F\u6295\u5165\u52A0\u5927\uFF1B\u4E8C\u662F\u6548\u679C\u660E\u663E\u3002\n",
      "",
  };
  for (const char* d : docs) {
    const parsed p(d);
    for (std::size_t x = 0; x <= p.text.size(); ++x) {
      std::size_t want = npos;
      for (std::size_t i = 0; i < p.secs.size(); ++i) {
        const std::size_t st = p.ms[p.secs[i].marker].span.start;
        const std::size_t end = p.secs[i].body.end;
        if (st <= x && (x < end || (x == p.text.size() && end == x))) want = i;
      }
      INFO("offset " << x);
      CHECK(zhscan::section_at(p.ms, p.secs, x) == want);
    }
  }
}

TEST_CASE("assign_sections: the marker offset of each metric's section", "[section]") {
  const parsed p(report);
  std::vector<zhscan::metric> mt;
  zhscan::find_metrics(p.text, mt);
  REQUIRE(mt.size() == 6);
  for (const zhscan::metric& m : mt) CHECK(m.section == npos);  // find_metrics alone: none
  zhscan::assign_sections(p.ms, p.secs, mt);
  const std::size_t want[] = {npos, p.ms[0].span.start, p.ms[1].span.start,
                              p.ms[2].span.start, p.ms[3].span.start, p.ms[4].span.start};
  for (std::size_t i = 0; i < mt.size(); ++i) {
    INFO(std::string(mt[i].span.in(p.text)));
    CHECK(mt[i].section == want[i]);
  }
  CHECK(mt[0].span.in(p.text) == "3\u6240");
  CHECK(mt[3].span.in(p.text) == "500\u5428");

  // Out of text order (reversed): the same sections.
  std::vector<zhscan::metric> rev(mt.rbegin(), mt.rend());
  for (zhscan::metric& m : rev) m.section = 12345;
  zhscan::assign_sections(p.ms, p.secs, rev);
  for (std::size_t i = 0; i < rev.size(); ++i) CHECK(rev[i].section == want[mt.size() - 1 - i]);

  // No outline: every metric before the first heading.
  const std::vector<marker> no_markers;
  const std::vector<section> no_sections;
  zhscan::assign_sections(no_markers, no_sections, mt);
  for (const zhscan::metric& m : mt) CHECK(m.section == npos);
}

TEST_CASE("assign_sections agrees with section_at on many metrics per section", "[section]") {
  std::string t;
  for (int i = 1; i <= 9; ++i) {
    t += "\uFF08";  // (
    t += std::to_string(i);
    t += "\uFF09\u6307\u6807\n";  // ) zhi biao
    for (int k = 0; k < i; ++k) t += "\u65B0\u5EFA" + std::to_string(k + 2) + "\u6240\u3002";
    t += "\n";
  }
  const parsed p(t);
  REQUIRE(p.ms.size() == 9);
  std::vector<zhscan::metric> mt;
  zhscan::find_metrics(p.text, mt);
  REQUIRE(mt.size() == 45);
  zhscan::assign_sections(p.ms, p.secs, mt);
  for (const zhscan::metric& m : mt)
    CHECK(m.section == zhscan::section_start(p.ms, p.secs,
                                             zhscan::section_at(p.ms, p.secs, m.span.start)));
}

TEST_CASE("heading labels and heading paths", "[section]") {
  const parsed p(report);
  REQUIRE(p.secs.size() == 5);
  CHECK(p.path(npos).empty());
  CHECK(p.path(0) == std::vector<std::string>{
                         "\u4E00\u3001\u62A5\u544A\u671F\u5185\u516C\u53F8\u4ECE\u4E8B\u7684"
                         "\u4E3B\u8981\u4E1A\u52A1"});
  // the marker and its heading joined as written: "1." + space + heading
  CHECK(p.path(2) == std::vector<std::string>{
                         "\u4E00\u3001\u62A5\u544A\u671F\u5185\u516C\u53F8\u4ECE\u4E8B\u7684"
                         "\u4E3B\u8981\u4E1A\u52A1",
                         "\uFF08\u4E00\uFF09\u8425\u4E1A\u6536\u5165", "1. \u5206\u4EA7\u54C1"});
  CHECK(p.path(3).back() == "2. \u5206\u5730\u533A");
  CHECK(p.path(3).size() == 3);
  CHECK(p.path(4) == std::vector<std::string>{"\u4E8C\u3001\u6838\u5FC3\u7ADE\u4E89\u529B"});
  CHECK(zhscan::heading_label(p.ms, p.secs, 99).empty());

  // A run-in enumeration has no heading: its label is the marker alone.
  const parsed q(
      "\u4E00\u3001\u603B\u4F53\n\u4E00\u662F\u52A0\u5F3A\u57F9\u8BAD\uFF1B\u4E8C\u662F\u5B8C"
      "\u5584\u5236\u5EA6\u3002\n");
  REQUIRE(q.secs.size() == 3);
  CHECK(q.path(2) == std::vector<std::string>{"\u4E00\u3001\u603B\u4F53", "\u4E8C\u662F"});
  // A marker followed by running text longer than a title: the marker alone.
  std::string long_item = "1.";
  for (int i = 0; i < 70; ++i) long_item += "\u5B57";
  long_item += "\u3002\n2.";
  for (int i = 0; i < 70; ++i) long_item += "\u8BCD";
  long_item += "\u3002\n";
  const parsed r(long_item);
  REQUIRE(r.secs.size() == 2);
  CHECK(r.path(1) == std::vector<std::string>{"2."});
}
