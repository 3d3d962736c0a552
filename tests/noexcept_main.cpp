// SPDX-License-Identifier: MIT
// Built with -fno-exceptions -fno-rtti (see tests/CMakeLists.txt and meson.build): proves
// that the public headers compile and work without exceptions and RTTI. No test framework
// (Catch2 needs exceptions): a few calls of each public function on small strings, exit
// status 1 on any wrong result.
#include "zhscan/zhscan.hpp"

#include <cstddef>
#include <cstdio>
#include <string_view>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "noexcept test failed: %s\n", what);
    ++failures;
  }
}

void test_version() {
  check(zhscan::version.major == ZHSCAN_VERSION_MAJOR, "version.major");
  check(zhscan::version.minor == ZHSCAN_VERSION_MINOR, "version.minor");
  check(zhscan::version.patch == ZHSCAN_VERSION_PATCH, "version.patch");
  check(std::string_view(ZHSCAN_VERSION).find('.') != std::string_view::npos, "ZHSCAN_VERSION");
}

void test_common() {
  check(zhscan::to_string(zhscan::errc::ok) == "ok", "to_string(errc::ok)");
  check(zhscan::to_string(zhscan::errc::invalid_utf8) == "invalid_utf8", "to_string(invalid_utf8)");
  constexpr zhscan::byte_span sp{2, 5};
  static_assert(sp.size() == 3, "byte_span::size");
  check(sp.in("abcdefg") == "cde", "byte_span::in");
  check(!sp.empty() && sp != zhscan::byte_span{2, 6}, "byte_span compare");
}

void test_utf8() {
  namespace u = zhscan::utf8;
  // "\xE4\xB8\x80" U+4E00 yi (one); "\xE3\x80\x81" U+3001 dunhao (enumeration comma).
  const std::string_view good = "\xE4\xB8\x80\xE3\x80\x81" "12.5%";
  check(u::validate(good).ok(), "validate(good)");
  check(static_cast<bool>(u::validate(good)), "validate(good) as bool");
  check(u::validate(good).error_offset == good.size(), "validate(good).error_offset");
  check(u::count_code_points(good) == 7, "count_code_points(good)");
  check(u::count_invalid(good) == 0, "count_invalid(good)");

  const u::decoded d = u::decode(good, 0);
  check(d.valid && d.cp == 0x4E00 && d.length == 3, "decode(U+4E00)");

  // Overlong C0 AF, surrogate ED A0 80, F5, stray 80, truncated E4 B8 at the end:
  // Python's decode('utf-8', 'replace') gives 1 + 1 + 3 + 1 + 1 + 1 = 8 U+FFFD.
  const std::string_view bad("x\xC0\xAF\xED\xA0\x80\xF5\x80\xE4\xB8", 10);
  const u::validate_result r = u::validate(bad);
  check(!r.ok() && r.ec == zhscan::errc::invalid_utf8 && r.error_offset == 1, "validate(bad)");
  check(u::count_invalid(bad) == 8, "count_invalid(bad)");
  const u::decoded cut = u::decode(bad, 8);
  check(!cut.valid && cut.length == 2 && cut.cp == 0xFFFD, "decode(truncated)");
  const std::string_view nul("\0", 1);
  check(u::validate(nul).ok() && u::decode(nul, 0).valid, "NUL is valid");

  std::string_view empty;
  check(u::validate(empty).ok() && u::count_invalid(empty) == 0, "empty input");
}

// A short report-like line: "\u4E00\u3001" yi + dunhao (the marker "1、"), "\u6295\u5165"
// touru (invest), "465", "\u4E07\u5143" wan-yuan, "\uFF0C" full-width comma, "12.5%",
// "\u3002" full stop, LF, then an ill-formed byte.
constexpr std::string_view report_line =
    "\u4E00\u3001\u6295\u5165" "465\u4E07\u5143\uFF0C" "12.5%\u3002\n\xFF";

void test_tokenize() {
  using zhscan::token_kind;
  const std::string_view s = report_line;
  // Lazy range: tiles the input, kinds as expected.
  std::vector<zhscan::token> lazy;
  std::size_t pos = 0;
  for (const zhscan::token& t : zhscan::tokens(s)) {
    check(t.offset == pos && t.length > 0, "tokens(): tiling");
    pos = t.end();
    lazy.push_back(t);
  }
  check(pos == s.size(), "tokens(): covers the input");
  const token_kind want[] = {token_kind::han,   token_kind::punct,       token_kind::han,
                             token_kind::ascii_digit, token_kind::han,   token_kind::punct,
                             token_kind::ascii_digit, token_kind::punct, token_kind::ascii_digit,
                             token_kind::punct, token_kind::punct,       token_kind::newline,
                             token_kind::invalid};
  check(lazy.size() == sizeof want / sizeof want[0], "tokens(): count");
  for (std::size_t i = 0; i < lazy.size() && i < sizeof want / sizeof want[0]; ++i)
    check(lazy[i].kind == want[i], "tokens(): kinds");
  check(!lazy.empty() && lazy[0].text(s) == "\u4E00", "token::text");
  check(zhscan::to_string(token_kind::han) == "han", "to_string(token_kind)");

  // Bulk forms give the same tokens, SIMD and scalar alike.
  for (zhscan::simd_level lv : {zhscan::simd_level::scalar, zhscan::simd_level::best}) {
    std::vector<zhscan::token> bulk;
    zhscan::tokenize(s, bulk, lv);
    check(bulk == lazy, "tokenize(s, vector) == tokens(s)");
    zhscan::token_columns cols;
    zhscan::tokenize(s, cols, lv);
    bool same = cols.size() == lazy.size();
    for (std::size_t i = 0; same && i < lazy.size(); ++i)
      same = cols.offsets()[i] == lazy[i].offset && cols.kinds()[i] == lazy[i].kind;
    check(same && cols.offsets()[cols.size()] == s.size(), "tokenize(s, token_columns)");
  }
  // Caller-provided arrays, too small on purpose: resumable.
  std::size_t offsets[4];
  token_kind kinds[4];
  std::size_t done = 0, count = 0;
  while (done < s.size()) {
    const zhscan::columns_result r = zhscan::tokenize_columns(s.substr(done), offsets, kinds, 4);
    if (r.count == 0) break;
    count += r.count;
    done += r.consumed;
  }
  check(done == s.size() && count == lazy.size(), "tokenize_columns: resumable");

  check(zhscan::is_han_numeral(U'\u4E07') && !zhscan::is_han_numeral(U'\u6295'), "is_han_numeral");
  check(zhscan::classify(U'\u3007') == token_kind::han, "classify(U+3007 ling)");
}

void test_numeral() {
  // "465\u4E07" 465 wan = 4,650,000; "\u4E24\u4E07\u4E09\u5343" liang-wan-san-qian = 23,000.
  const std::string_view a = "465\u4E07\u5143";
  const zhscan::number_result r = zhscan::parse_number(a);
  check(static_cast<bool>(r) && r.value == 4650000.0 && r.ptr == a.data() + 6, "parse_number(465 wan)");
  const zhscan::number_result h = zhscan::parse_number("\u4E24\u4E07\u4E09\u5343");
  check(static_cast<bool>(h) && h.value == 23000.0, "parse_number(liang-wan-san-qian)");
  const zhscan::number_result none = zhscan::parse_number("\u6295\u5165");
  check(!none && none.ec == zhscan::errc::invalid_argument, "parse_number(no numeral)");
  check(!zhscan::parse_number(std::string_view()), "parse_number(empty)");
}

// Markers, outline and metrics: invariants and a few readings any version must get right.
constexpr std::string_view report =
    "一、总体情况\n"
    "（一）基础设施\n"
    "1．全年投入465万元。\n"
    "2．同比增长12.5%。\n"
    "二、存在问题\n"
    "经费不足。\n";

void test_markers() {
  std::vector<zhscan::marker> ms;
  zhscan::find_markers(report, ms);
  check(ms.size() == 5, "find_markers: 5 markers");
  std::size_t prev_end = 0;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const zhscan::marker& m = ms[i];
    check(m.span.start >= prev_end && m.span.end <= report.size() && !m.span.empty(),
          "find_markers: spans in order, inside the text");
    prev_end = m.span.end;
    check(m.ordinal >= 1 && m.level >= 1, "find_markers: ordinal and level");
    check(m.level == 1 ? m.parent == zhscan::npos
                       : (m.parent < i && ms[m.parent].level + 1 == m.level),
          "find_markers: parent one level up");
  }
  if (ms.size() == 5) {
    check(ms[0].span.in(report) == "一、" && ms[0].level == 1, "find_markers: 一、 level 1");
    check(ms[1].span.in(report) == "（一）" && ms[1].level == 2 && ms[1].parent == 0,
          "find_markers: （一） level 2");
    check(ms[2].level == 3 && ms[2].parent == 1, "find_markers: 1． level 3");
    check(ms[3].ordinal == 2 && ms[3].level == 3 && ms[3].parent == 1, "find_markers: 2． level 3");
    check(ms[4].ordinal == 2 && ms[4].level == 1, "find_markers: 二、 level 1");
  }
  std::vector<zhscan::section> secs;
  zhscan::outline(report, ms, secs);
  check(secs.size() == ms.size(), "outline: one section per marker");
  for (const zhscan::section& sec : secs)
    check(sec.body.start <= sec.body.end && sec.body.end <= report.size(), "outline: body span");
  if (!secs.empty()) check(secs[0].heading.in(report) == "总体情况", "outline: heading");
  check(zhscan::outline(std::string_view()).empty(), "outline(empty)");
}

void test_metrics() {
  std::vector<zhscan::metric> found;
  zhscan::find_metrics(report, found);
  bool money = false, percent = false;
  for (const zhscan::metric& m : found) {
    check(m.span.end <= report.size() && !m.span.empty(), "find_metrics: span inside the text");
    if (m.span.in(report) == "465万元") money = m.value == 4650000.0 && m.unit == "元";
    if (m.span.in(report) == "12.5%") percent = m.value == 12.5 && m.unit == "%";
  }
  check(money, "find_metrics: 465万元 = 4650000 元");
  check(percent, "find_metrics: 12.5% = 12.5 %");
  check(zhscan::find_metrics("\xFF\xFE\x80").empty(), "find_metrics(invalid bytes)");
}

}  // namespace

int main() {
  test_version();
  test_common();
  test_utf8();
  test_tokenize();
  test_numeral();
  test_markers();
  test_metrics();
  if (failures == 0) std::puts("noexcept: ok");
  return failures == 0 ? 0 : 1;
}
