// SPDX-License-Identifier: MIT
// Consistency tests that walk the generated tables (data/*.tsv -> detail/gen_*.hpp): every
// numeral character works in parse_number, inside a metric and (the Han digits 1-9) as a
// list marker in every style that takes Han numerals; every marker style row is found;
// every unit row gives a metric with that unit; every hedge word gives its approximation. A character, word or unit that the data lists and a recogniser ignores
// fails here. Each check also runs inside a text longer than the SIMD threshold (64 KiB of
// filler before and after the frame), where the vector trigger filters decide what the
// scanner sees.
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/base_unit.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/numeral.hpp"

namespace {

using zhscan::approximation;
using zhscan::metric;
using zhscan::simd_level;
namespace d = zhscan::detail;

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

/** 64 KiB and more of report prose without a numeral, a unit after a number or a marker:
 *  what the vector paths skip in 128-byte blocks. */
const std::string& filler() {
  static const std::string f = [] {
    std::string s;
    while (s.size() < 66 * 1024) s += "\xE6\x88\x91\xE4\xBB\xAC\xE7\xBB\xA7\xE7\xBB\xAD\xE6\x8E\xA8\xE8\xBF\x9B\xE5\x90\x84\xE9\xA1\xB9\xE5\xB7\xA5\xE4\xBD\x9C\xEF\xBC\x8C";  // 我们继续推进各项工作，
    s += "\xE3\x80\x82";                                                                                     // 。
    return s;
  }();
  return f;
}

/** The metrics of `frame`, alone (scalar and best SIMD level) and in the middle of a text of
 *  more than 128 KiB (at two alignments, so that the frame lies inside the 128-byte blocks the
 *  vector paths filter, not in the scalar tail); all must agree (same spans relative to the
 *  frame, same values). */
std::vector<metric> metrics_everywhere(const std::string& frame) {
  const auto alone = zhscan::find_metrics(frame, simd_level::best);
  const auto scalar = zhscan::find_metrics(frame, simd_level::scalar);
  INFO(frame);
  REQUIRE(scalar.size() == alone.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    CHECK(scalar[i].span.start == alone[i].span.start);
    CHECK(scalar[i].span.end == alone[i].span.end);
  }
  for (const std::string& lead : {filler(), filler() + " "}) {
    const std::string long_text = lead + frame + filler();
    for (const simd_level level : {simd_level::best, simd_level::scalar}) {
      const auto in_long = zhscan::find_metrics(long_text, level);
      REQUIRE(in_long.size() == alone.size());
      for (std::size_t i = 0; i < alone.size(); ++i) {
        CHECK(in_long[i].span.start == alone[i].span.start + lead.size());
        CHECK(in_long[i].span.end == alone[i].span.end + lead.size());
        CHECK((in_long[i].value == alone[i].value || (std::isnan(in_long[i].value) && std::isnan(alone[i].value))));
      }
    }
  }
  return alone;
}

/** The metric whose number covers the character bytes `needle` of `frame`, or nullptr. */
const metric* metric_over(const std::vector<metric>& ms, const std::string& frame, const std::string& needle) {
  const std::size_t at = frame.find(needle);
  for (const metric& m : ms)
    if (at != std::string::npos && m.number.start <= at && at + needle.size() <= m.number.end) return &m;
  return nullptr;
}

std::string unit_of(const metric& m) {
  std::string u;
  m.append_unit(u);
  return u;
}

bool is_trigger(char32_t cp) {
  for (const d::metric_trigger& t : d::metric_trigger_cps)
    if (t.cp == cp) return true;
  return false;
}

const std::string gong_you = "\xE5\x85\xB1\xE6\x9C\x89";   // 共有
const std::string bai = "\xE7\x99\xBE";                    // 百
const std::string ren_can_jia = "\xE4\xBA\xBA\xE5\x8F\x82\xE5\x8A\xA0\xE3\x80\x82";  // 人参加。
const std::string san = "\xE4\xB8\x89";                    // 三
const std::string wu = "\xE4\xBA\x94";                     // 五
const std::string yi_bai = "\xE4\xB8\x80\xE7\x99\xBE";     // 一百

}  // namespace

TEST_CASE("knowledge: every numeral character of the table is a trigger of the metric scanner",
          "[knowledge]") {
  // What went wrong before the tables were generated from one data file: five characters
  // parse_number reads as digits were missing from the scanner's hand-written trigger list.
  for (const d::numeral_entry& e : d::numeral_entries) {
    INFO("U+" << std::hex << static_cast<unsigned>(e.cp));
    switch (e.info.kind) {
      case d::numeral_kind::digit:
      case d::numeral_kind::liang:
      case d::numeral_kind::tens:
      case d::numeral_kind::small_unit:
      case d::numeral_kind::big_unit: CHECK(is_trigger(e.cp)); break;
      default: CHECK_FALSE(is_trigger(e.cp)); break;  // point, half, minus, circle follow a number
    }
  }
  for (char32_t c = 0xFF10; c <= 0xFF19; ++c) CHECK(is_trigger(c));  // full-width digits
  CHECK(is_trigger(d::cp_ji));
  CHECK(is_trigger(d::cp_ji_trad));
}

TEST_CASE("knowledge: every numeral character works in parse_number", "[knowledge]") {
  for (const d::numeral_entry& e : d::numeral_entries) {
    const std::string c = utf8(e.cp);
    const unsigned v = e.info.value;
    std::string s;
    double want = 0;
    switch (e.info.kind) {
      case d::numeral_kind::digit:
        if (v == 0) {
          s = yi_bai + c + wu;  // 一百零五
          want = 105;
        } else {
          s = c;
          want = v;
        }
        break;
      case d::numeral_kind::liang: s = c + bai; want = 200; break;
      case d::numeral_kind::tens: s = c; want = v * 10.0; break;
      case d::numeral_kind::small_unit:
      case d::numeral_kind::big_unit: s = san + c; want = 3 * std::pow(10.0, v); break;
      case d::numeral_kind::point: s = san + c + wu; want = 3.5; break;
      case d::numeral_kind::half: s = c; want = 0.5; break;
      case d::numeral_kind::minus: s = c + wu; want = -5; break;
      case d::numeral_kind::circle: s = "\xE4\xBA\x8C" + c + "\xE4\xBA\x8C\xE4\xB8\x89"; want = 2023; break;  // 二X二三
      case d::numeral_kind::none: FAIL("a row of kind none in numeral_entries"); break;
    }
    INFO(s);
    const auto r = zhscan::parse_number(s);
    REQUIRE(r);
    CHECK(r.ptr == s.data() + s.size());
    CHECK(r.value == want);
  }
  for (unsigned v = 0; v <= 9; ++v) {  // full-width digits (arabic rows of data/numerals.tsv)
    const std::string s = utf8(0xFF10 + v);
    const auto r = zhscan::parse_number(s);
    REQUIRE(r);
    CHECK(r.value == v);
  }
}

TEST_CASE("knowledge: every number character works inside a metric (共有X百人参加。)", "[knowledge]") {
  // the numeral table's characters that start or continue a number, the full-width digits
  // and ji (data/numerals.tsv roles digit liang tens small_unit big_unit arabic ji)
  std::vector<char32_t> chars;
  for (const d::numeral_entry& e : d::numeral_entries)
    if (d::numeral_kind::digit == e.info.kind || d::numeral_kind::liang == e.info.kind ||
        d::numeral_kind::tens == e.info.kind || d::numeral_kind::small_unit == e.info.kind ||
        d::numeral_kind::big_unit == e.info.kind)
      chars.push_back(e.cp);
  for (char32_t c = 0xFF10; c <= 0xFF19; ++c) chars.push_back(c);
  chars.push_back(d::cp_ji);
  chars.push_back(d::cp_ji_trad);
  // (and the word triggers, no numerals: fan of fan fan; tests/test_quantity_forms.cpp)
  CHECK(chars.size() + sizeof(d::metric_word_trigger_cps) / sizeof(d::metric_word_trigger_cps[0]) ==
        sizeof(d::metric_trigger_cps) / sizeof(d::metric_trigger_cps[0]));
  for (const char32_t w : d::metric_word_trigger_cps) CHECK(is_trigger(w));
  for (const char32_t cp : chars) {
    const d::metric_trigger t{cp, 0};
    const std::string c = utf8(t.cp);
    std::string frame;
    double want = 0;
    approximation approx = approximation::none;
    const bool fullwidth = t.cp >= 0xFF10 && t.cp <= 0xFF19;
    const d::numeral_char n = d::numeral_info(t.cp);
    if (fullwidth) {
      const unsigned v = static_cast<unsigned>(t.cp - 0xFF10);
      if (v == 0) {
        frame = gong_you + utf8(0xFF11) + c + utf8(0xFF15) + ren_can_jia;  // 共有１０５人参加。
        want = 105;
      } else {
        frame = gong_you + c + bai + ren_can_jia;
        want = v * 100.0;
      }
    } else if (t.cp == d::cp_ji || t.cp == d::cp_ji_trad) {
      frame = gong_you + c + bai + ren_can_jia;  // 几百人: a few hundred, 200..900 (README "Vague amounts")
      want = -1;
      approx = approximation::about;
    } else {
      switch (n.kind) {
        case d::numeral_kind::digit:
          if (n.value == 0) {
            frame = gong_you + yi_bai + c + wu + ren_can_jia;  // 共有一百零五人参加。
            want = 105;
          } else {
            frame = gong_you + c + bai + ren_can_jia;
            want = n.value * 100.0;
          }
          break;
        case d::numeral_kind::liang: frame = gong_you + c + bai + ren_can_jia; want = 200; break;
        case d::numeral_kind::tens: frame = gong_you + c + ren_can_jia; want = n.value * 10.0; break;
        case d::numeral_kind::small_unit:
        case d::numeral_kind::big_unit:
          frame = gong_you + san + c + ren_can_jia;
          want = 3 * std::pow(10.0, n.value);
          break;
        default: FAIL("trigger U+" << std::hex << static_cast<unsigned>(t.cp) << " is no number character");
      }
    }
    const auto ms = metrics_everywhere(frame);
    INFO(frame);
    const metric* m = metric_over(ms, frame, c);
    REQUIRE(m != nullptr);
    if (want < 0) {
      CHECK(m->low == 200);
      CHECK(m->high == 900);
    } else {
      CHECK(m->value == want);
    }
    CHECK(unit_of(*m) == "\xE4\xBA\xBA");  // 人
    CHECK(m->approx == approx);
  }
}

namespace {

/** The markers of `text` alone (scalar and best SIMD level) and after more than 64 KiB of
 *  unnumbered prose (every SIMD level), shifted back to `text`'s offsets; all must agree. */
std::vector<zhscan::marker> markers_everywhere(const std::string& text) {
  std::vector<zhscan::marker> alone, other;
  zhscan::find_markers(text, alone, nullptr, simd_level::scalar);
  zhscan::find_markers(text, other, nullptr, simd_level::best);
  INFO(text);
  auto same = [&](const std::vector<zhscan::marker>& x, std::size_t shift) {
    REQUIRE(x.size() == alone.size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
      CHECK(x[i].span.start == alone[i].span.start + shift);
      CHECK(x[i].span.end == alone[i].span.end + shift);
      CHECK(x[i].style == alone[i].style);
      CHECK(x[i].ordinal == alone[i].ordinal);
      CHECK(x[i].level == alone[i].level);
    }
  };
  same(other, 0);
  const std::string lead = filler() + "\n";
  const std::string long_text = lead + text + "\n" + filler();
  REQUIRE(long_text.size() > 128 * 1024);
  for (const simd_level level : {simd_level::scalar, simd_level::avx2, simd_level::avx512, simd_level::best}) {
    zhscan::find_markers(long_text, other, nullptr, level);
    same(other, lead.size());
  }
  return alone;
}

std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= s.size()) {
    const std::size_t e = s.find(' ', b);
    out.emplace_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

/** A text numbered by `items` in the way style `st` is written: run-in styles inside one
 *  sentence after a lead-in, the others one per line before a heading and a sentence. */
std::string list_text(zhscan::marker_style st, const std::vector<std::string>& items) {
  std::string t;
  if (zhscan::is_inline_style(st)) {
    t = "\xE5\xB7\xA5\xE4\xBD\x9C\xE5\xAE\x89\xE6\x8E\x92\xE5\xA6\x82\xE4\xB8\x8B\xEF\xBC\x9A";  // 工作安排如下：
    for (const std::string& m : items) t += m + "\xE5\x8A\xA0\xE5\xBC\xBA\xE5\xAD\xA6\xE4\xB9\xA0\xEF\xBC\x9B";  // X加强学习；
    t += "\xE5\x85\xB6\xE4\xBB\x96\xE4\xBA\x8B\xE9\xA1\xB9\xE7\x85\xA7\xE5\xB8\xB8\xE3\x80\x82\n";  // 其他事项照常。
    return t;
  }
  const char* sep = st == zhscan::marker_style::decimal_outline ? " " : "";
  for (const std::string& m : items)
    t += m + sep + "\xE5\x8A\xA0\xE5\xBC\xBA\xE7\xBB\x84\xE7\xBB\x87\xE9\xA2\x86\xE5\xAF\xBC\n"  // X加强组织领导\n
                   "\xE8\x90\xBD\xE5\xAE\x9E\xE5\xB7\xA5\xE4\xBD\x9C\xE8\xB4\xA3\xE4\xBB\xBB\xE3\x80\x82\n";  // 落实工作责任。\n
  return t;
}

const zhscan::marker* marker_at(const std::vector<zhscan::marker>& ms, const std::string& text, std::size_t at,
                                const std::string& span) {
  for (const zhscan::marker& m : ms)
    if (m.span.start == at && m.span.in(text) == span) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("knowledge: every marker style row is found, on a short text and beyond 64 KiB", "[knowledge]") {
  // data/marker_styles.tsv: each row's example markers numbering a list written the way the
  // style is used; every marker is found with the row's style (han_bare: the last one, the
  // numeral whose delimiter was lost after a first item 一、), on every path.
  std::set<int> styles;
  for (const d::mk::marker_style_row& row : d::mk::marker_style_rows) {
    const std::vector<std::string> items = split_spaces(row.example);
    REQUIRE(items.size() >= 2);
    const std::string text = list_text(row.style, items);
    INFO("style " << zhscan::to_string(row.style) << ": " << text);
    const auto ms = markers_everywhere(text);
    std::size_t from = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::size_t at = text.find(items[i], from);
      REQUIRE(at != std::string::npos);
      from = at + items[i].size();
      const zhscan::marker* m = marker_at(ms, text, at, items[i]);
      INFO("item " << items[i]);
      REQUIRE(m != nullptr);
      if (row.style != zhscan::marker_style::han_bare || i + 1 == items.size()) CHECK(m->style == row.style);
    }
    styles.insert(static_cast<int>(row.style));
  }
  CHECK(styles.size() == zhscan::marker_style_count);
}

TEST_CASE("knowledge: every Han digit 1-9 numbers every style that takes Han numerals", "[knowledge]") {
  // The marker numerals are the numeral table's (han_digit reads data/numerals.tsv), so
  // every character `zhscan number` reads as a digit 1-9 opens X、, （X）, 第X章, X是, 【X】 ...
  // Not marker numerals, deliberately: liang 两/兩 (role liang: "两、" numbers no list).
  const char32_t plain[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
  const char32_t financial[] = {0x58F9, 0x8D30, 0x53C1, 0x8086, 0x4F0D, 0x9646, 0x67D2, 0x634C, 0x7396, 0x62FE};
  std::size_t digits = 0, checks = 0;
  for (const d::numeral_entry& e : d::numeral_entries) {
    if (e.info.kind != d::numeral_kind::digit || e.info.value == 0) continue;
    ++digits;
    CHECK(d::mk::han_digit(e.cp) == e.info.value);
    CHECK(d::mk::is_financial_digit(e.cp) == e.info.financial);
    for (const d::mk::marker_style_row& row : d::mk::marker_style_rows) {
      if (row.numerals != "han" || row.style == zhscan::marker_style::han_bare) continue;
      const std::string open(row.open), close(row.close);
      // a list of the same family counting up to this character, and the next item (a
      // one-item list of a rare style inside a long document is no list)
      std::vector<std::string> items;
      for (unsigned k = 1; k < e.info.value; ++k)
        items.push_back(open + utf8((e.info.financial ? financial : plain)[k - 1]) + close);
      items.push_back(open + utf8(e.cp) + close);
      items.push_back(open + utf8((e.info.financial ? financial : plain)[e.info.value]) + close);
      const std::string text = list_text(row.style, items);
      INFO("style " << zhscan::to_string(row.style) << ": " << text);
      const auto ms = markers_everywhere(text);
      std::size_t at = 0;
      for (std::size_t i = 0; i + 2 < items.size(); ++i) at = text.find(items[i], at) + items[i].size();
      at = text.find(items[items.size() - 2], at);
      const zhscan::marker* m = marker_at(ms, text, at, items[items.size() - 2]);
      REQUIRE(m != nullptr);
      CHECK(m->ordinal == e.info.value);
      CHECK(m->style == row.style);
      ++checks;
    }
  }
  CHECK(digits >= 26);  // 9 plain, 9 financial, 8 variants (U+5F0C..5F0E, traditional and old forms)
  CHECK(checks >= digits * 10);
}

namespace {

/** A sentence that puts the unit of row `u` after a number in the context its flags need;
 *  `number` gets the numeral written, `want` the metric's expected value. */
std::string unit_frame(const d::unit_entry& u, std::string& number, double& want) {
  const std::string t(u.text);
  number = "3";
  want = 3 * u.multiplier;
  if (u.flags & d::u_cheng) {  // tenths, in percent: 三成 = 30 %
    number = san;
    want = 30;
    return "\xE5\xA2\x9E\xE9\x95\xBF\xE4\xBA\x86" + number + t + "\xE3\x80\x82";  // 增长了三成。
  }
  if (u.flags & d::u_big) {  // 三大目标
    number = san;
    return "\xE6\x8F\x90\xE5\x87\xBA" + number + t + "\xE7\x9B\xAE\xE6\xA0\x87\xE3\x80\x82";  // 提出三大目标。
  }
  if (u.flags & d::u_medal) {  // a medal tally: 3金2银1铜
    return "\xE8\x8E\xB7\xE5\xBE\x97" + number + t + "2\xE9\x93\xB6" "1\xE9\x93\x9C\xE3\x80\x82";  // 获得3X2银1铜。
  }
  if (u.flags & d::u_grade) {  // counted, not a rank: 分3期实施
    return "\xE5\x88\x86" + number + t + "\xE5\xAE\x9E\xE6\x96\xBD\xE3\x80\x82";  // 分3X实施。
  }
  if (u.flags & d::u_fen) {  // a score: 考了90分。
    number = "90";
    want = 90;
    return "\xE8\x80\x83\xE4\xBA\x86" + number + t + "\xE3\x80\x82";
  }
  if (u.flags & d::u_year) return "\xE7\x94\xA8\xE4\xBA\x86" + number + t + "\xE3\x80\x82";  // 用了3年。
  return gong_you + number + t + "\xE3\x80\x82";  // 共有3X。
}

}  // namespace

TEST_CASE("knowledge: every unit row gives a metric with that unit and its base unit", "[knowledge]") {
  std::size_t units = 0, non_units = 0, rates = 0, based = 0;
  for (std::size_t i = 0; i < d::unit_table_size; ++i) {
    const d::unit_entry& u = d::unit_table[i];
    const std::string t(u.text);
    INFO("unit row " << i << ": " << t);
    if (d::is_non_unit(&u) || (u.flags & (d::u_date | d::u_ordinal))) {
      if (u.flags & d::u_date && !d::is_non_unit(&u)) {
        // month / day: a calendar word after a number, a unit only as a rate's denominator
        const std::string frame = "\xE6\xAF\x8F\xE4\xBA\xBA" "100\xE5\x85\x83/" + t + "\xE3\x80\x82";  // 每人100元/X。
        const auto ms = metrics_everywhere(frame);
        INFO(frame);
        CHECK(ms.size() == 1);
        if (ms.size() == 1) CHECK(ms[0].per == u.norm);
        ++rates;
        continue;
      }
      // a date, clock, grade or rank word: the number before it is no quantity
      const std::string frame = "\xE5\x9C\xA8" "3" + t + "\xE3\x80\x82";  // 在3X。
      const auto ms = metrics_everywhere(frame);
      INFO(frame);
      CHECK(ms.empty());
      ++non_units;
      continue;
    }
    if (u.flags & d::u_denominator_only) {  // only as a rate's denominator: 100元/生
      const std::string frame = "\xE6\xAF\x8F\xE4\xBA\xBA" "100\xE5\x85\x83/" + t + "\xE3\x80\x82";  // 每人100元/X。
      const auto ms = metrics_everywhere(frame);
      INFO(frame);
      CHECK(ms.size() == 1);
      if (ms.size() == 1) CHECK(ms[0].per == u.norm);
      ++rates;
      continue;
    }
    std::string number;
    double want = 0;
    const std::string frame = unit_frame(u, number, want);
    const auto ms = metrics_everywhere(frame);
    INFO(frame);
    const std::size_t at = frame.find(number + t);
    REQUIRE(at != std::string::npos);
    const metric* m = nullptr;
    for (const metric& x : ms)
      if (x.number.start == at) m = &x;
    CHECK(m != nullptr);
    if (!m) continue;
    CHECK(m->unit_text.in(frame) == t);
    CHECK(m->unit == u.norm);
    CHECK(m->category == u.category);
    CHECK(m->value == want);
    // the base unit of the row the scanner used: the same row, found again by its text
    const d::unit_entry* found = d::find_unit(frame.data() + m->unit_text.start, frame.data() + frame.size());
    REQUIRE(found == &u);
    // and the metric converts to the row's base unit (base_quantity reads the norm's row)
    const d::unit_base& b = d::unit_bases[i];
    if (!b.base.empty()) {
      CHECK(zhscan::base_quantity(*m).unit == b.base);
      ++based;
    }
    ++units;
  }
  CHECK(units > 300);
  CHECK(based > 250);
  CHECK(non_units > 20);
  CHECK(rates >= 8);
}

TEST_CASE("knowledge: base units of the unit rows", "[knowledge]") {
  // unit_bases walks with unit_table; rows sharing a norm convert alike (the generator
  // checks it, so does this), and a few factors as the data file writes them
  REQUIRE(sizeof(d::unit_bases) / sizeof(d::unit_bases[0]) == d::unit_table_size);
  auto row = [](std::string_view text) -> const d::unit_base* {
    for (std::size_t i = 0; i < d::unit_table_size; ++i)
      if (d::unit_table[i].text == text) return &d::unit_bases[i];
    return nullptr;
  };
  auto factor = [](const d::unit_base& b) { return double(b.num) / double(b.den) * std::pow(10.0, b.exp10); };
  for (std::size_t i = 0; i < d::unit_table_size; ++i) {
    const d::unit_entry& u = d::unit_table[i];
    const d::unit_base& b = d::unit_bases[i];
    INFO(std::string(u.text));
    CHECK(b.base.empty() == b.factor.empty());
    if (d::is_non_unit(&u)) CHECK(b.base.empty());
    if (!b.base.empty()) {
      CHECK(b.num > 0);
      CHECK(b.den > 0);
    }
    for (std::size_t j = 0; j < i; ++j)
      if (d::unit_table[j].norm == u.norm) {
        CHECK(d::unit_bases[j].base == b.base);
        CHECK(d::unit_bases[j].num == b.num);
        CHECK(d::unit_bases[j].den == b.den);
        CHECK(d::unit_bases[j].exp10 == b.exp10);
      }
  }
  const d::unit_base* jin = row("\xE6\x96\xA4");  // 斤
  REQUIRE(jin != nullptr);
  CHECK(jin->base == "kg");
  CHECK(jin->factor == "0.5");
  const d::unit_base* inch = row("\xE8\x8B\xB1\xE5\xAF\xB8");  // 英寸
  REQUIRE(inch != nullptr);
  CHECK(inch->base == "m");
  CHECK((inch->num == 254 && inch->den == 1 && inch->exp10 == -4));
  const d::unit_base* wan_yuan = row("\xE4\xB8\x87\xE5\x85\x83");  // 万元: value already in yuan
  REQUIRE(wan_yuan != nullptr);
  CHECK(wan_yuan->base == "CNY");
  CHECK(wan_yuan->factor == "10000");
  CHECK(factor(*wan_yuan) == 1);
  const d::unit_base* mu = row("\xE4\xBA\xA9");  // 亩
  REQUIRE(mu != nullptr);
  CHECK(mu->factor == "2000/3");
  CHECK((mu->num == 2 && mu->den == 3 && mu->exp10 == 3));
  const d::unit_base* fahrenheit = row("\xE2\x84\x89");  // ℉
  REQUIRE(fahrenheit != nullptr);
  CHECK(fahrenheit->base == "\xC2\xB0" "C");
  CHECK(fahrenheit->offset == -32);
  CHECK((fahrenheit->num == 5 && fahrenheit->den == 9));
  const d::unit_base* cheng = row("\xE6\x88\x90");  // 成: value already x10 in percent
  REQUIRE(cheng != nullptr);
  CHECK(cheng->base == "%");
  CHECK(factor(*cheng) == 1);
}

TEST_CASE("knowledge: every hedge word gives its approximation", "[knowledge]") {
  // before the number: X 300 万元。 (the verb frame keeps 约 from reading as part of 签约 ...)
  for (const d::hedge_word& h : d::hedges_before) {
    const std::string frame = "\xE6\x8A\x95\xE8\xB5\x84" + std::string(h.text) + "300\xE4\xB8\x87\xE5\x85\x83\xE3\x80\x82";  // 投资X300万元。
    const auto ms = metrics_everywhere(frame);
    INFO(frame);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].approx == h.approx);
    CHECK(ms[0].span.in(frame).substr(0, h.text.size()) == h.text);
  }
  // after the unit: 300万元X。
  for (const d::hedge_word& h : d::hedges_after) {
    const std::string frame = "\xE6\x8A\x95\xE8\xB5\x84" "300\xE4\xB8\x87\xE5\x85\x83" + std::string(h.text) + "\xE3\x80\x82";
    const auto ms = metrics_everywhere(frame);
    INFO(frame);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].approx == h.approx);
  }
}

TEST_CASE("knowledge: every range separator joins two numbers", "[knowledge]") {
  for (std::string_view sep : d::range_seps) {
    const std::string frame = "\xE6\x8A\x95\xE8\xB5\x84" "3" + std::string(sep) + "5\xE4\xB8\x87\xE5\x85\x83\xE3\x80\x82";  // 投资3X5万元。
    const auto ms = metrics_everywhere(frame);
    INFO(frame);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].shape == zhscan::metric_shape::range);
    CHECK(ms[0].low == 30000);
    CHECK(ms[0].high == 50000);
  }
}
