// SPDX-License-Identifier: MIT
// Tests of the colloquial and shorthand numeral forms of zhscan::parse_number (issue 10 item 1):
// implicit leading one, Latin notation, fractions, counting words, negatives; each case
// written for this file. The whole line is the numeral and its exact value is checked.
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/numeral.hpp"

namespace {

std::string exact_text(const zhscan::decimal& d) {
  char buf[zhscan::decimal_buffer_size];
  const auto r = d.to_chars(buf, buf + sizeof buf);
  return std::string(buf, r.ptr);
}

}  // namespace

TEST_CASE("numeral forms: every colloquial and shorthand form reads whole, exactly") {
  struct row {
    const char* text;
    const char* exact;
  };
  const row rows[] = {
      {"\xE7\x99\xBE\xE4\xB8\x89", "130"},  // \u767e\u4e09
      {"\xE5\x8D\x83\xE4\xB8\x80", "1100"},  // \u5343\u4e00
      {"\xE8\x90\xAC\xE4\xB9\x9D", "19000"},  // \u842c\u4e5d
      {"\xE7\x99\xBE\xE4\xBA\x8C\xE8\x90\xAC", "1200000"},  // \u767e\u4e8c\u842c
      {"\xE4\xB8\xA4\xE5\x8D\x83\xE4\xB8\x89", "2300"},  // \u4e24\u5343\u4e09
      {"\xE4\xB8\x89\xE4\xB8\x87\xE4\xBA\x94", "35000"},  // \u4e09\u4e07\u4e94
      {"\xE4\xB8\x80\xE4\xB8\x87\xE9\x9B\xB6\xE4\xBA\x94\xE7\x99\xBE", "10500"},  // \u4e00\u4e07\u96f6\u4e94\u767e
      {"\xE5\x8D\x81\xE4\xB8\x87\xE5\x85\xAB\xE5\x8D\x83", "108000"},  // \u5341\u4e07\u516b\u5343
      {"\xE4\xBA\x8C\xE5\x8D\x81\xE4\xB8\x87\xE4\xBA\xBF", "20000000000000"},  // \u4e8c\u5341\u4e07\u4ebf
      {"\xE4\xB8\x87\xE4\xB8\x87", "100000000"},  // \u4e07\u4e07
      {"3\xE4\xB8\x87""4000", "34000"},  // 3\u4e074000
      {"25\xE4\xB8\x87""6\xE5\x8D\x83", "256000"},  // 25\u4e076\u5343
      {"2\xE5\x8D\x83\xE9\x9B\xB6""30\xE4\xB8\x87", "20300000"},  // 2\u5343\u96f630\u4e07
      {"2\xE5\x8D\x83\xE9\x9B\xB6""30", "2030"},  // 2\u5343\u96f630
      {"12\xE4\xBA\xBF""3456\xE4\xB8\x87", "1234560000"},  // 12\u4ebf3456\u4e07
      {"\xE5\xBB\xBF", "20"},  // \u5eff
      {"\xE5\x8D\x85", "30"},  // \u5345
      {"\xE5\x8D\x8C", "40"},  // \u534c
      {"\xE5\xBB\xBF\xE4\xBA\x94", "25"},  // \u5eff\u4e94
      {"\xE4\xBF\xA9", "2"},  // \u4fe9
      {"\xE4\xBB\xA8", "3"},  // \u4ee8
      {"\xE6\x8B\xBE", "10"},  // \u62fe
      {"\xE6\x8B\xBE\xE5\xA3\xB9", "11"},  // \u62fe\u58f9
      {"15k", "15000"},  // 15k
      {"100K", "100000"},  // 100K
      {"3M", "3000000"},  // 3M
      {"1.2M", "1200000"},  // 1.2M
      {".0012G", "1200000"},  // .0012G
      {"30w", "300000"},  // 30w
      {"2e5", "200000"},  // 2e5
      {"-127.32e13", "-1273200000000000"},  // -127.32e13
      {"2.5e-3", "0.0025"},  // 2.5e-3
      {".77", "0.77"},  // .77
      {"-.5", "-0.5"},  // -.5
      {"\xEF\xBC\x90\xEF\xBC\x8E\xEF\xBC\x95", "0.5"},  // \uff10\uff0e\uff15
      {"\xE9\x9B\xB6\xE9\xBB\x9E""77", "0.77"},  // \u96f6\u9ede77
      {"\xE9\x9B\xB6\xE7\x82\xB9""05", "0.05"},  // \u96f6\u70b905
      {"3/2", "1.5"},  // 3/2
      {"\xEF\xBC\x93\xEF\xBC\x8F\xEF\xBC\x95", "0.6"},  // \uff13\uff0f\uff15
      {"\xE4\xB8\x80\xE5\x8F\x88\xE4\xBA\x8C\xE5\x88\x86\xE4\xB9\x8B\xE4\xB8\x80", "1.5"},  // \u4e00\u53c8\u4e8c\u5206\u4e4b\u4e00
      {"3\xE5\x8F\x88\xE5\x8D\x83\xE5\x88\x86\xE4\xB9\x8B""23", "3.023"},  // 3\u53c8\u5343\u5206\u4e4b23
      {"\xE4\xBA\x94\xE5\x88\x86\xE4\xB9\x8B\xE4\xB8\x80", "0.2"},  // \u4e94\u5206\u4e4b\u4e00
      {"\xE7\x99\xBE\xE5\x88\x86\xE4\xB9\x8B\xE4\xBA\x94", "0.05"},  // \u767e\u5206\u4e4b\u4e94
      {"\xE5\x8D\x83\xE5\x88\x86\xE4\xB9\x8B\xE4\xBA\x8C\xE7\x82\xB9\xE4\xBA\x94", "0.0025"},  // \u5343\u5206\u4e4b\u4e8c\u70b9\u4e94
      {"\xE4\xB8\x87\xE5\x88\x86\xE4\xB9\x8B\xE4\xB8\x83", "0.0007"},  // \u4e07\u5206\u4e4b\u4e03
      {"\xE4\xB8\x80\xE4\xB8\xAA\xE5\x8D\x8A", "1.5"},  // \u4e00\u4e2a\u534a
      {"\xE4\xB8\xA4\xE4\xB8\xAA\xE5\x8D\x8A", "2.5"},  // \u4e24\u4e2a\u534a
      {"\xE4\xB8\x80\xE6\x89\x93", "12"},  // \u4e00\u6253
      {"\xE4\xB8\xA4\xE6\x89\x93", "24"},  // \u4e24\u6253
      {"\xE4\xB8\x80\xE5\xAF\xB9", "2"},  // \u4e00\u5bf9
      {"\xE4\xB8\x89\xE5\x8F\x8C", "6"},  // \u4e09\u53cc
      {"\xE4\xB8\x80\xE9\x9B\x99", "2"},  // \u4e00\u96d9
      {"\xE8\xB4\x9F\xE4\xB8\x89", "-3"},  // \u8d1f\u4e09
      {"\xE9\x9B\xB6\xE4\xB8\x8B\xE4\xBA\x94", "-5"},  // \u96f6\u4e0b\u4e94
      {"\xE9\x9B\xB6\xE4\xB8\x8B""5.5", "-5.5"},  // \u96f6\u4e0b5.5
      {"\xEF\xBC\x8D""5", "-5"},  // \uff0d5
      {"\xE8\xB4\x9F""1.5\xE4\xB8\x87", "-15000"},  // \u8d1f1.5\u4e07
      {"1,234,567", "1234567"},  // 1,234,567
      {"1\xEF\xBC\x8C""234", "1234"},  // 1\uff0c234
      {"9007.199254740993\xE4\xB8\x87\xE4\xBA\xBF", "9007199254740993"},  // 9007.199254740993\u4e07\u4ebf
      {"\xE4\xB8\x80\xE7\x99\xBE\xE5\x8D\x81\xE4\xB8\x80", "111"},  // \u4e00\u767e\u5341\u4e00
      {"\xE4\xB8\x80\xE7\x99\xBE\xE5\x8D\x81", "110"},  // \u4e00\u767e\u5341
      {"\xE5\x80\x86", "2"},  // \u5006
      {"\xE4\xB8\x80\xE5\x8D\x8A", "0.5"},  // \u4e00\u534a
      {"\xE5\x8D\x8A\xE4\xB8\xAA", "0.5"},  // \u534a\u4e2a
      {"\xE5\x8D\x8A\xE7\x99\xBE", "50"},  // \u534a\u767e
      {"\xE5\x8D\x8A\xE4\xB8\x87", "5000"},  // \u534a\u4e07
      {"\xE5\x8D\x81\xE4\xBD\x99\xE4\xB8\x87", "100000"},  // \u5341\u4f59\u4e07
      {"\xE4\xB8\x89\xE5\x8D\x83\xE5\xA4\x9A\xE4\xB8\x87", "30000000"},  // \u4e09\u5343\u591a\u4e07
      {"3000\xE5\xA4\x9A\xE4\xB8\x87", "30000000"},  // 3000\u591a\u4e07
      {"1\xE7\x99\xBE""23", "123"},  // 1\u767e23
      {"3\xE5\x8D\x83""500", "3500"},  // 3\u5343500
      {"\xE7\xAC\xAC\xE4\xB8\x80\xE7\x99\xBE\xE9\x9B\xB6\xE4\xB8\x80", "101"},  // \u7b2c\u4e00\u767e\u96f6\u4e00
      {"\xE7\xAC\xAC""3", "3"},  // \u7b2c3
      {"5%", "0.05"},  // 5%
      {"12.5\xEF\xBC\x85", "0.125"},  // 12.5\uff05
      {"3\xE2\x80\xB0", "0.003"},  // 3\u2030
      {"\xE7\x99\xBE", "100"},  // \u767e
      {"\xE5\x8D\x83", "1000"},  // \u5343
      {"\xE4\xB8\x87", "10000"},  // \u4e07
      {"\xE4\xBA\xBF", "100000000"},  // \u4ebf
      {"\xE4\xB8\x89\xE4\xB8\xAA", "3"},  // \u4e09\u4e2a
      {"3 1/2", "3.5"},  // 3 1/2
      {"3T", "3000000000000"},  // 3T
      {"\xEF\xBC\x91\xEF\xBC\x95\xEF\xBC\xAB", "15000"},  // \uff11\uff15\uff2b
      {"\xE4\xBA\x94\xE5\x88\x86\xE4\xB8\x80", "0.2"},  // \u4e94\u5206\u4e00
      {"1\xE7\x82\xB9""5", "1.5"},  // 1\u70b95
  };
  for (const row& r : rows) {
    const std::string_view s(r.text);
    const zhscan::number_result n = zhscan::parse_number(s);
    INFO(r.exact);
    REQUIRE(n);
    CHECK(n.ptr == s.data() + s.size());
    CHECK(exact_text(n.exact) == r.exact);
    CHECK(n.value == std::strtod(r.exact, nullptr));
  }
}

TEST_CASE("numeral forms: where the forms stop") {
  struct row {
    const char* text;
    const char* prefix;  // what is read
  };
  const row rows[] = {
      {"15km", "15"},
      {"3\xE4\xB8\x87""5", "3\xE4\xB8\x87"},
      {"2\xE5\x8D\x83\xE9\x9B\xB6""3000\xE4\xB8\x87", "2\xE5\x8D\x83"},
      {"100KB", "100"},
      {"2e", "2"},
      {"3/0", "3"},
  };
  for (const row& r : rows) {
    const zhscan::number_result n = zhscan::parse_number(r.text);
    INFO(r.text);
    REQUIRE(n);
    CHECK(std::string_view(r.text, static_cast<std::size_t>(n.ptr - r.text)) == r.prefix);
  }
  CHECK_FALSE(zhscan::parse_number("abc"));
  CHECK_FALSE(zhscan::parse_number("e5"));
  CHECK_FALSE(zhscan::parse_number("/3"));
  CHECK_FALSE(zhscan::parse_number("k"));
  // a bare unit is read with an implicit one only when something after it is read too
  CHECK_FALSE(zhscan::parse_number("\xE5\x8D\x83\xE9\x9B\xB6""30\xE4\xB8\x87"));  // qian ling 30 wan (found by fuzzing)
  // ... or when it is the whole input (bai = 100, qian = 1000)
  CHECK(zhscan::parse_number("\xE5\x8D\x83").value == 1000);  // qian
  CHECK(zhscan::parse_number("\xE5\x8D\x83x").ec == zhscan::errc::invalid_argument);  // qian x
  // forms read only at the end of the input: san ge, wu fen yi, 1 dian 5
  const char* ends[][2] = {
      {"\xE4\xB8\x89\xE4\xB8\xAA\xE4\xBA\xBA", "\xE4\xB8\x89"},                          // san ge ren -> san
      {"\xE5\x8D\x81\xE5\x88\x86\xE4\xB8\x80\xE8\x87\xB4", "\xE5\x8D\x81"},              // shi fen yi zhi -> shi
      {"1\xE7\x82\xB9""5\xE5\x88\x86", "1"},                                                    // 1 dian 5 fen -> 1
      {"2 3", "2"},                                                                             // two numbers
      {"3 4/3", "3"},                                                                           // not a proper fraction
      {"4K\xE7\x94\xB5\xE8\xA7\x86", "4K"},  // 4K dianshi: the numeral 4K (find_metrics leaves 4K dianshi alone)
  };
  for (const auto& e : ends) {
    const zhscan::number_result n = zhscan::parse_number(e[0]);
    INFO(e[0]);
    REQUIRE(n);
    CHECK(std::string_view(e[0], static_cast<std::size_t>(n.ptr - e[0])) == e[1]);
  }
  // the flags of the new forms
  CHECK(zhscan::parse_number("\xE7\xAC\xAC""3").has(zhscan::numeral_flags::ordinal));  // di 3
  CHECK(zhscan::parse_number("\xE5\x8D\x81\xE4\xBD\x99\xE4\xB8\x87").has(zhscan::numeral_flags::more));  // shi yu wan
  CHECK(zhscan::parse_number("5%").has(zhscan::numeral_flags::percent));
  CHECK_FALSE(zhscan::parse_number("\xE7\xAC\xAC\xE7\xAC\xAC""3"));  // di di 3
}

TEST_CASE("numeral forms: no_colloquial keeps the base grammar (the metric scanner's)") {
  using namespace zhscan::numeral_options;
  CHECK_FALSE(zhscan::parse_number("\xE7\x99\xBE\xE4\xB8\x89", no_colloquial));  // bai san
  const zhscan::number_result k = zhscan::parse_number("15k", no_colloquial);
  REQUIRE(k);
  CHECK(k.value == 15);
  const zhscan::number_result w = zhscan::parse_number("3\xE4\xB8\x87""4000", no_colloquial);  // 3 wan 4000
  REQUIRE(w);
  CHECK(w.value == 30000);
  CHECK_FALSE(zhscan::parse_number(".5", no_colloquial));
  CHECK_FALSE(zhscan::parse_number("\xE9\x9B\xB6\xE4\xB8\x8B\xE4\xBA\x94", no_colloquial).has(zhscan::numeral_flags::negative));  // ling xia wu
  // the same numerals in running text: the form needs its own end
  const zhscan::number_result t = zhscan::parse_number("15kg");
  REQUIRE(t);
  CHECK(t.value == 15);
}

TEST_CASE("numeral forms: spaced-out lines are read through their spaces, other lines are not") {
  // a line spaced out by PDF extraction, then an ordinary line
  const std::string text =
      "\xE5\x88\xA9 \xE6\xB6\xA6 7 \xE4\xB8\x87 5 \xE5\x8D\x83 4 \xE7\x99\xBE \xE5\x85\x83 \xEF\xBC\x8C "
      "\xE5\xA2\x9E \xE9\x95\xBF \xE7\x99\xBE \xE5\x88\x86 \xE4\xB9\x8B 2.4\n"  // li run 7 wan 5 qian 4 bai yuan , zeng zhang bai fen zhi 2.4
      "\xE5\x85\xB1\xE6\x9C\x89 2 3 \xE4\xB8\xAA\xE5\xB0\x8F\xE7\xBB\x84\n";   // gong you 2 3 ge xiao zu
  const std::vector<zhscan::metric> ms = zhscan::find_metrics(text);
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].span.in(text) == "7 \xE4\xB8\x87 5 \xE5\x8D\x83 4 \xE7\x99\xBE \xE5\x85\x83");
  CHECK(exact_text(ms[0].value_exact()) == "75400");
  CHECK(ms[0].number.in(text) == "7 \xE4\xB8\x87 5 \xE5\x8D\x83 4");
  CHECK(ms[1].span.in(text) == "\xE7\x99\xBE \xE5\x88\x86 \xE4\xB9\x8B 2.4");
  CHECK(exact_text(ms[1].value_exact()) == "2.4");
  CHECK(ms[2].span.in(text) == "3 \xE4\xB8\xAA");  // the ordinary line keeps 2 and 3 apart
  for (const zhscan::metric& m : ms) CHECK(m.span.end <= text.size());
}

TEST_CASE("numeral forms: inside metrics") {
  struct row {
    const char* text;
    const char* span;
    const char* exact;
  };
  const row rows[] = {
      {"\xE9\xA2\x84\xE7\xAE\x97""15k\xE5\x85\x83", "15k\xE5\x85\x83", "15000"},                       // yu suan 15k yuan
      {"\xE9\x87\x91\xE9\xA2\x9D""3M\xE7\xBE\x8E\xE5\x85\x83", "3M\xE7\xBE\x8E\xE5\x85\x83", "3000000"},  // jin e 3M mei yuan
      {"\xE5\xB9\xB4\xE8\x96\xAA""30w\xE5\x85\x83", "30w\xE5\x85\x83", "300000"},                     // nian xin 30w yuan
      {"\xE5\xA2\x9E\xE9\x95\xBF\xE9\x9B\xB6\xE9\xBB\x9E""77%", "\xE9\x9B\xB6\xE9\xBB\x9E""77%", "0.77"},  // zeng zhang ling dian 77%
      {"\xE5\xA2\x9E\xE9\x95\xBF\xE4\xB8\x89\xE7\x82\xB9\xE4\xB8\x80\xE5\x9B\x9B%", "\xE4\xB8\x89\xE7\x82\xB9\xE4\xB8\x80\xE5\x9B\x9B%", "3.14"},  // san dian yi si %
      {"\xE6\x8A\x95\xE8\xB5\x84""2\xE5\x8D\x83\xE9\x9B\xB6""30\xE4\xB8\x87\xE5\x85\x83", "2\xE5\x8D\x83\xE9\x9B\xB6""30\xE4\xB8\x87\xE5\x85\x83", "20300000"},  // 2 qian ling 30 wan yuan
      {"\xE5\x88\xA9\xE6\xB6\xA6""5\xE5\x8D\x83""4\xE7\x99\xBE\xE5\x85\x83", "5\xE5\x8D\x83""4\xE7\x99\xBE\xE5\x85\x83", "5400"},  // 5 qian 4 bai yuan
      {"\xE5\x8D\xA0\xE4\xB8\x80\xE5\x8F\x88\xE4\xBA\x8C\xE5\x88\x86\xE4\xB9\x8B\xE4\xB8\x80", "\xE4\xB8\x80\xE5\x8F\x88\xE4\xBA\x8C\xE5\x88\x86\xE4\xB9\x8B\xE4\xB8\x80", "1.5"},  // yi you er fen zhi yi
  };
  for (const row& r : rows) {
    const std::string_view t(r.text);
    INFO(r.span);
    const std::vector<zhscan::metric> ms = zhscan::find_metrics(t);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].span.in(t) == r.span);
    CHECK(exact_text(ms[0].value_exact()) == r.exact);
  }
  // the letters stay names and codes where no unit follows
  CHECK(zhscan::find_metrics("4K\xE7\x94\xB5\xE8\xA7\x86").empty());   // 4K dianshi
  CHECK(zhscan::find_metrics("3M\xE5\x85\xAC\xE5\x8F\xB8").empty());   // 3M gongsi
  // a clock time is no decimal
  CHECK(zhscan::find_metrics("\xE4\xB8\x89\xE7\x82\xB9""15\xE5\x88\x86").empty());  // san dian 15 fen
}
