// SPDX-License-Identifier: MIT
// The program every consumer project under tests/consumers/ builds, however it gets zhscan
// (FetchContent, find_package, add_subdirectory, Meson wrap, pkg-config, the single header):
// it tokenises, outlines and extracts the metrics of a short work-report excerpt and checks
// every result. Exit status 0 when all checks pass, 1 otherwise (each failure is printed).
// It uses no exceptions and no RTTI, so the same file also builds with -fno-exceptions
// -fno-rtti, as C++17 and C++20, with g++ and clang++.
//
//   consumer [VERSION]   VERSION: the version the build system found for the package
//                        (CMake's zhscan_VERSION, Meson's dependency version); it must
//                        equal the headers' ZHSCAN_VERSION.
#include <zhscan/zhscan.hpp>

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "consumer check failed: %s\n", what);
    ++failures;
  }
}

// Written for this test (not taken from any shared document).
constexpr std::string_view report =
    "一、总体情况\n"
    "全年投入资金465万元，同比增长8.5%。\n"
    "二、主要措施\n"
    "（一）新建学校12所，总投资3000多万元。\n"
    "（二）培训教师5644人次。\n";

const zhscan::metric* metric_with_text(const std::vector<zhscan::metric>& ms, std::string_view t) {
  for (const zhscan::metric& m : ms)
    if (m.span.in(report) == t) return &m;
  return nullptr;
}

void check_version(const char* expected) {
  check(zhscan::version.major == ZHSCAN_VERSION_MAJOR && zhscan::version.minor == ZHSCAN_VERSION_MINOR &&
            zhscan::version.patch == ZHSCAN_VERSION_PATCH,
        "zhscan::version equals the ZHSCAN_VERSION_* macros");
  const std::string dotted = std::to_string(zhscan::version.major) + "." +
                             std::to_string(zhscan::version.minor) + "." +
                             std::to_string(zhscan::version.patch);
  check(dotted == ZHSCAN_VERSION, "ZHSCAN_VERSION is MAJOR.MINOR.PATCH");
  if (expected && std::string_view(expected) != ZHSCAN_VERSION) {
    std::fprintf(stderr, "build system version %s, headers %s\n", expected, ZHSCAN_VERSION);
    check(false, "the package version equals the headers' version");
  }
}

void check_tokens() {
  check(zhscan::utf8::validate(report).ok(), "utf8::validate accepts the report");

  // Bulk form: a vector of {offset, length, kind}; the tokens tile the input.
  const std::vector<zhscan::token> toks = zhscan::tokenize(report);
  check(toks.size() == 39, "39 tokens");
  std::string joined;
  std::size_t han = 0, digits = 0, newlines = 0;
  for (const zhscan::token& t : toks) {
    joined += t.text(report);
    han += t.kind == zhscan::token_kind::han;
    digits += t.kind == zhscan::token_kind::ascii_digit;
    newlines += t.kind == zhscan::token_kind::newline;
  }
  check(joined == report, "the tokens tile the input");
  check(han == 15 && digits == 6 && newlines == 5, "15 Han runs, 6 digit runs, 5 newlines");
  check(toks.size() > 5 && toks[5].text(report) == "465" && toks[6].text(report) == "万元",
        "tokens 5 and 6 are 465 and wan-yuan");

  // Lazy form: the same tokens, no allocation.
  std::size_t n = 0;
  bool same = true;
  for (const zhscan::token& t : zhscan::tokens(report)) {
    same = same && n < toks.size() && t == toks[n];
    ++n;
  }
  check(same && n == toks.size(), "tokens() gives the same tokens as tokenize()");

  // Ill-formed UTF-8 is one invalid token per maximal subpart, never an error.
  const std::string_view bad("\xE4\xB8" "1\xFF", 4);
  const std::vector<zhscan::token> bt = zhscan::tokenize(bad);
  check(bt.size() == 3 && bt[0].kind == zhscan::token_kind::invalid && bt[0].length == 2 &&
            bt[2].kind == zhscan::token_kind::invalid,
        "ill-formed bytes become invalid tokens");
}

void check_outline() {
  std::vector<zhscan::marker> markers;
  zhscan::find_markers(report, markers);
  check(markers.size() == 4, "4 outline markers");
  if (markers.size() != 4) return;
  check(markers[0].span.in(report) == "一、" && markers[0].style == zhscan::marker_style::han_dun &&
            markers[0].ordinal == 1 && markers[0].level == 1,
        "marker 0 is yi-dun, level 1");
  check(markers[2].span.in(report) == "（一）" && markers[2].style == zhscan::marker_style::paren_han &&
            markers[2].level == 2 && markers[2].parent == 1,
        "marker 2 is (yi), level 2 under marker 1");
  check(markers[3].ordinal == 2 && markers[3].parent == 1, "marker 3 is (er) under marker 1");

  std::vector<zhscan::section> sections;
  zhscan::outline(report, markers, sections);
  check(sections.size() == 4, "4 sections");
  if (sections.size() != 4) return;
  check(sections[0].heading.in(report) == "总体情况", "section 0 heading");
  check(sections[1].heading.in(report) == "主要措施", "section 1 heading");
  check(sections[3].heading.in(report) == "培训教师5644人次", "section 3 heading");
  check(sections[0].parent == zhscan::npos && sections[2].parent == 1 && sections[3].parent == 1,
        "section parents");
  check(sections[1].body.start <= markers[2].span.start && sections[1].body.end == report.size(),
        "section 1's body holds its children and runs to the end");
  check(sections[2].body.end == markers[3].span.start, "section 2 ends where section 3 starts");
}

void check_metrics() {
  std::vector<zhscan::metric> ms;
  zhscan::find_metrics(report, ms);
  check(ms.size() == 5, "5 metrics");

  const zhscan::metric* m = metric_with_text(ms, "465万元");
  check(m && m->value == 4650000.0 && m->unit == "元" && m->unit_text.in(report) == "万元" &&
            m->category == zhscan::unit_category::currency &&
            m->approx == zhscan::approximation::none,
        "465 wan yuan = 4650000 yuan, currency");
  m = metric_with_text(ms, "8.5%");
  check(m && std::fabs(m->value - 8.5) < 1e-12 && m->unit == "%" &&
            m->category == zhscan::unit_category::percent,
        "8.5% is a percent of 8.5");
  m = metric_with_text(ms, "12所");
  check(m && m->value == 12.0 && m->category == zhscan::unit_category::count, "12 suo, a count");
  m = metric_with_text(ms, "3000多万元");
  check(m && m->value == 3.0e7 && m->approx == zhscan::approximation::more_than &&
            zhscan::to_string(m->approx) == "more_than",
        "3000 duo wan yuan = 3e7, more_than");
  m = metric_with_text(ms, "5644人次");
  check(m && m->value == 5644.0 && m->category == zhscan::unit_category::person,
        "5644 ren ci, persons");
}

void check_numerals() {
  const zhscan::number_result r = zhscan::parse_number("一千零五十");
  check(r && r.value == 1050.0 && r.form == zhscan::numeral_form::han, "yi-qian-ling-wu-shi = 1050");
  const zhscan::number_result w = zhscan::parse_number("13.73万平方米");
  check(w && w.value == 137300.0 && std::string_view(w.ptr) == "平方米", "13.73 wan = 137300");
  check(zhscan::to_chinese(2025) == "二千零二十五", "to_chinese(2025)");
}

}  // namespace

int main(int argc, char** argv) {
  check_version(argc > 1 ? argv[1] : nullptr);
  check_tokens();
  check_outline();
  check_metrics();
  check_numerals();
  if (failures != 0) {
    std::fprintf(stderr, "%d consumer check(s) failed\n", failures);
    return 1;
  }
  std::printf("zhscan %s consumer: tokens, outline, metrics and numerals OK%s\n", ZHSCAN_VERSION,
              argc > 1 ? " (package version checked)" : "");
  return 0;
}
