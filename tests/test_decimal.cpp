// SPDX-License-Identifier: MIT
// Tests of zhscan/decimal.hpp and of the exact values it carries through parse_number,
// parse_fraction and find_metrics: every X.XX wan yuan, X.XX Yi yuan and X.XXX wan ping
// fang mi amount prints exactly; ranges, ratios, percent forms, Han and traditional numerals;
// to_double correctly rounded (checked against strtod on the printed decimal).
#include "zhscan/decimal.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "catch.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/numeral.hpp"

using zhscan::decimal;

namespace {

std::string str(const decimal& d) {
  char buf[zhscan::decimal_buffer_size];
  const auto r = d.to_chars(buf, buf + sizeof buf);
  REQUIRE(r.ec == std::errc());
  return std::string(buf, r.ptr);
}

/** The only metric of `text` (REQUIREs exactly one). */
zhscan::metric only_metric(std::string_view text) {
  const std::vector<zhscan::metric> ms = zhscan::find_metrics(text);
  INFO(std::string(text));
  REQUIRE(ms.size() == 1);
  return ms[0];
}

/** strtod of the printed decimal equals to_double (correct rounding of the printed value). */
void check_round_trip(const decimal& d) {
  const std::string s = str(d);
  INFO(s);
  CHECK(std::strtod(s.c_str(), nullptr) == d.to_double());
}

}  // namespace

TEST_CASE("decimal: shortest exact printing") {
  CHECK(str(decimal::make(20100)) == "20100");
  CHECK(str(decimal::make(201, 2)) == "20100");
  CHECK(str(decimal::make(85, -1)) == "8.5");
  CHECK(str(decimal::make(850, -2)) == "8.5");
  CHECK(str(decimal::make(25, -2)) == "0.25");
  CHECK(str(decimal::make(5, -4)) == "0.0005");
  CHECK(str(decimal::make(9007199254740993ull)) == "9007199254740993");
  CHECK(str(decimal::make(0, 7)) == "0");
  CHECK(str(decimal::make(35, -1, true)) == "-3.5");
  CHECK(str(-decimal::make(0)) == "0");
  CHECK(str(decimal::make(1, 39)) == "1000000000000000000000000000000000000000");
  CHECK(str(decimal::make(1, 40)) == "1e40");
  CHECK(str(decimal::make(15, 59)) == "1.5e60");
  CHECK(str(decimal::make(2, -30)) == "2e-30");
  CHECK(str(decimal::make(18446744073709551615ull, -25)) == "0.0000018446744073709551615");
  CHECK(str(decimal{}) == "nan");
  char small[3];
  CHECK(decimal::make(12345).to_chars(small, small + 3).ec == std::errc::value_too_large);
}

TEST_CASE("decimal: arithmetic is exact, overflow truncates with inexact") {
  // 6.1 x 0.0254 (inches to metres) = 0.15494
  const decimal inch = decimal::make(61, -1) * decimal::make(254, -4);
  CHECK(str(inch) == "0.15494");
  CHECK_FALSE(inch.inexact);
  CHECK(str(decimal::make(201, -2).scaled(4)) == "20100");
  CHECK(str(decimal::make(3, 8) + decimal::make(2450, 4)) == "324500000");
  CHECK(str(decimal::make(1, -1) + decimal::make(2, -1)) == "0.3");
  CHECK((decimal::make(1, -1) + decimal::make(2, -1)).to_double() == 0.3);
  CHECK(str(decimal::make(5) - decimal::make(75, -1)) == "-2.5");
  CHECK(str(decimal::make(12, 0, true) * decimal::make(5, -1)) == "-6");
  // a product beyond 64 bits keeps its leading digits
  const decimal big = decimal::make(9999999999ull) * decimal::make(99999999999ull);
  CHECK(big.inexact);
  CHECK(big.to_double() == 9999999999.0 * 99999999999.0);
  const decimal sum = decimal::make(18446744073709551615ull) + decimal::make(18446744073709551615ull);
  CHECK(sum.inexact);  // the carry out of 64 bits drops the last digit
  CHECK(sum.to_double() == 36893488147419103230.0);
  CHECK(str(decimal::make(18446744073709551610ull) + decimal::make(10)) == "18446744073709551620");
  // quotients
  const decimal q = zhscan::quotient(decimal::make(1), decimal::make(4));
  CHECK(str(q) == "0.25");
  CHECK_FALSE(q.inexact);
  const decimal third = zhscan::quotient(decimal::make(1), decimal::make(3));
  CHECK(third.inexact);
  CHECK(third.to_double() == 1.0 / 3.0);
  CHECK(zhscan::quotient(decimal::make(2), decimal::make(3)).to_double() == 2.0 / 3.0);
  CHECK(zhscan::quotient(decimal::make(1), decimal::make(0)).nan);
  CHECK((decimal{} * decimal::make(1)).nan);
  // the exponent saturates
  CHECK(decimal::make(1, decimal::max_exponent).scaled(10).exponent == decimal::max_exponent);
  CHECK(std::isinf(decimal::make(1, 400).to_double()));
  CHECK(decimal::make(1, -400).to_double() == 0);
}

TEST_CASE("decimal: comparison") {
  CHECK(decimal::make(201, 2) == decimal::make(20100));
  CHECK(decimal::make(85, -1) == decimal::make(8500, -3));
  CHECK(decimal::make(1, -1) < decimal::make(2, -1));
  CHECK(decimal::make(19, -1) < decimal::make(2));
  CHECK(decimal::make(5, 0, true) < decimal::make(1, -3));
  CHECK_FALSE(decimal::make(5, 0, true) > decimal::make(4, 0, true));
  CHECK(decimal::make(4, 0, true) > decimal::make(5, 0, true));
  CHECK(decimal::make(0) == -decimal::make(0));
  CHECK(decimal::make(123456789012345678ull, -2) > decimal::make(1234567890123456, 0));
  CHECK(decimal::make(12345678901234567ull, -1) < decimal::make(123456789012345678ull, -2));
  CHECK_FALSE(decimal{} == decimal{});
  CHECK(decimal{} != decimal::make(1));
  CHECK_FALSE(decimal{} < decimal::make(1));
  CHECK_FALSE(decimal{} >= decimal::make(1));
  static_assert(decimal::make(201, -2).scaled(4) == decimal::make(20100), "constexpr");
}

TEST_CASE("decimal: to_double is correctly rounded") {
  std::mt19937_64 rng(20261207);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t m = rng() >> (rng() % 64);
    const auto e = static_cast<std::int32_t>(static_cast<int>(rng() % 80) - 40);
    check_round_trip(decimal::make(m, e, (rng() & 1) != 0));
  }
  // 2^53 + 1 rounds to even; halfway cases
  CHECK(decimal::make(9007199254740993ull).to_double() == 9007199254740992.0);
  CHECK(decimal::make(9007199254740995ull).to_double() == 9007199254740996.0);
  check_round_trip(decimal::make(9007199254740993ull, -3));
  check_round_trip(decimal::make(18446744073709551615ull, 10));
}

TEST_CASE("decimal: every X.XX wan yuan, X.XX Yi yuan and X.XXX wan ping fang mi is exact") {
  char text[96];
  for (int i = 1; i <= 999; ++i) {
    // "gong ji X.XX wan yuan."
    std::snprintf(text, sizeof text, "\xE5\x85\xB1\xE8\xAE\xA1%d.%02d\xE4\xB8\x87\xE5\x85\x83\xE3\x80\x82",
                  i / 100, i % 100);
    zhscan::metric m = only_metric(text);
    INFO(text);
    CHECK(str(m.value_exact()) == std::to_string(i * 100));
    CHECK(m.value == i * 100.0);
    // "X.XX Yi yuan"
    std::snprintf(text, sizeof text, "\xE5\x85\xB1\xE8\xAE\xA1%d.%02d\xE4\xBA\xBF\xE5\x85\x83\xE3\x80\x82",
                  i / 100, i % 100);
    m = only_metric(text);
    CHECK(str(m.value_exact()) == std::to_string(i * 1000000LL));
    CHECK(m.value == i * 1000000.0);
  }
  for (int i = 1; i <= 9999; ++i) {
    // "mian ji X.XXX wan ping fang mi"
    std::snprintf(text, sizeof text,
                  "\xE9\x9D\xA2\xE7\xA7\xAF%d.%03d\xE4\xB8\x87\xE5\xB9\xB3\xE6\x96\xB9\xE7\xB1\xB3\xE3\x80\x82",
                  i / 1000, i % 1000);
    const zhscan::metric m = only_metric(text);
    INFO(text);
    CHECK(str(m.value_exact()) == std::to_string(i * 10));
    CHECK(m.value == i * 10.0);
  }
}

TEST_CASE("decimal: metric values beyond 2^53, ranges, ratios, percentages, Han numerals") {
  struct row {
    const char* text;
    const char* value;  // value or low
    const char* high;   // range high or ratio second term, else nullptr
  };
  const row rows[] = {
      // 9007.199254740993 wan Yi yuan: beyond 2^53, exactly
      {"\xE5\x80\xBA\xE5\x8A\xA1""9007.199254740993\xE4\xB8\x87\xE4\xBA\xBF\xE5\x85\x83\xE3\x80\x82",
       "9007199254740993", nullptr},
      // 0.35 Yi (no unit, clause end)
      {"\xE6\x96\xB0\xE5\xA2\x9E\xE8\xB4\xB7\xE6\xAC\xBE""0.35\xE4\xBA\xBF\xE3\x80\x82", "35000000", nullptr},
      // 3.62 Yi yuan; 8.5%
      {"\xE6\x94\xB6\xE5\x85\xA5""3.62\xE4\xBA\xBF\xE5\x85\x83\xE3\x80\x82", "362000000", nullptr},
      {"\xE5\xA2\x9E\xE9\x95\xBF""8.5%\xE3\x80\x82", "8.5", nullptr},
      // -0.3% (a sign)
      {"\xE5\x90\x8C\xE6\xAF\x94 -0.3%\xE3\x80\x82", "-0.3", nullptr},
      // 1.1 wan - 2.3 wan yuan: a range
      {"\xE6\x8A\x95\xE8\xB5\x84""1.1\xE4\xB8\x87-2.3\xE4\xB8\x87\xE5\x85\x83\xE3\x80\x82", "11000", "23000"},
      // 0.1-0.7 wan yuan: the magnitude applies to both
      {"\xE8\xB4\xB9\xE7\x94\xA8""0.1-0.7\xE4\xB8\x87\xE5\x85\x83\xE3\x80\x82", "1000", "7000"},
      // 2.5%-4.5%
      {"\xE5\xA2\x9E\xE9\x80\x9F""2.5%-4.5%\xE3\x80\x82", "2.5", "4.5"},
      // bi li wei 1.1:2.3 (ratio)
      {"\xE6\xAF\x94\xE4\xBE\x8B\xE4\xB8\xBA""1.1:2.3\xE3\x80\x82", "1.1", "2.3"},
      // bai fen zhi ba dian wu = 8.5 (percent)
      {"\xE5\x8D\xA0\xE7\x99\xBE\xE5\x88\x86\xE4\xB9\x8B\xE5\x85\xAB\xE7\x82\xB9\xE4\xBA\x94\xE3\x80\x82", "8.5",
       nullptr},
      // qi cheng wu = 75 (%)
      {"\xE5\xAE\x8C\xE6\x88\x90\xE4\xB8\x83\xE6\x88\x90\xE4\xBA\x94\xE3\x80\x82", "75", nullptr},
      // 0.35 ge bai fen dian
      {"\xE4\xB8\x8B\xE9\x99\x8D""0.35\xE4\xB8\xAA\xE7\x99\xBE\xE5\x88\x86\xE7\x82\xB9\xE3\x80\x82", "0.35", nullptr},
      // 3 Yi 2450 wan yuan: chained terms
      {"\xE6\x8A\x95\xE5\x85\xA5""3\xE4\xBA\xBF""2450\xE4\xB8\x87\xE5\x85\x83\xE3\x80\x82", "324500000", nullptr},
      // san wan wu qian yuan; liang san wan yuan (20000..30000)
      {"\xE5\xA5\x96\xE5\x8A\xB1\xE4\xB8\x89\xE4\xB8\x87\xE4\xBA\x94\xE5\x8D\x83\xE5\x85\x83\xE3\x80\x82", "35000",
       nullptr},
      {"\xE8\x8A\xB1\xE8\xB4\xB9\xE4\xB8\xA4\xE4\xB8\x89\xE4\xB8\x87\xE5\x85\x83\xE3\x80\x82", "20000", "30000"},
      // traditional: 3.62 Yi (trad) yuan; yi bai er shi san wan (trad) yuan
      {"\xE7\x87\x9F\xE6\x94\xB6""3.62\xE5\x84\x84\xE5\x85\x83\xE3\x80\x82", "362000000", nullptr},
      {"\xE6\x92\xA5\xE6\xAC\xBE\xE4\xB8\x80\xE7\x99\xBE\xE4\xBA\x8C\xE5\x8D\x81\xE4\xB8\x89\xE8\x90\xAC\xE5\x85\x83"
       "\xE3\x80\x82",
       "1230000", nullptr},
      // financial: yi bai er shi san wan yuan (daxie)
      {"\xE9\x87\x91\xE9\xA2\x9D\xE5\xA3\xB9\xE4\xBD\xB0\xE8\xB4\xB0\xE6\x8B\xBE\xE5\x8F\x81\xE4\xB8\x87\xE5\x85\x83"
       "\xE3\x80\x82",
       "1230000", nullptr},
      // wu yuan san jiao = 5.3 yuan (money tail)
      {"\xE7\xA5\xA8\xE4\xBB\xB7\xE4\xBA\x94\xE5\x85\x83\xE4\xB8\x89\xE8\xA7\x92\xE3\x80\x82", "5.3", nullptr},
      // yi nian ban = 1.5 years
      {"\xE5\x8E\x86\xE6\x97\xB6\xE4\xB8\x80\xE5\xB9\xB4\xE5\x8D\x8A\xE3\x80\x82", "1.5", nullptr},
  };
  for (const row& r : rows) {
    const zhscan::metric m = only_metric(r.text);
    INFO(r.text);
    if (m.shape == zhscan::metric_shape::value) {
      CHECK(r.high == nullptr);
      CHECK(str(m.value_exact()) == r.value);
      CHECK(m.value == m.value_exact().to_double());
      CHECK(std::strtod(r.value, nullptr) == m.value);
      CHECK(m.low_exact().nan);
      CHECK(m.ratio_a_exact().nan);
    } else if (m.shape == zhscan::metric_shape::range) {
      REQUIRE(r.high != nullptr);
      CHECK(str(m.low_exact()) == r.value);
      CHECK(str(m.high_exact()) == r.high);
      CHECK(m.low == std::strtod(r.value, nullptr));
      CHECK(m.high == std::strtod(r.high, nullptr));
      CHECK(m.value_exact().nan);
    } else {
      REQUIRE(r.high != nullptr);
      CHECK(str(m.ratio_a_exact()) == r.value);
      CHECK(str(m.ratio_b_exact()) == r.high);
      CHECK(m.ratio_a == std::strtod(r.value, nullptr));
    }
  }
}

TEST_CASE("decimal: parse_number and parse_fraction expose the exact value") {
  struct row {
    const char* text;
    const char* exact;
  };
  const row rows[] = {
      {"2.01\xE4\xB8\x87", "20100"},                           // 2.01 wan
      {"0.35\xE4\xBA\xBF", "35000000"},                        // 0.35 Yi
      {"9007.199254740993\xE4\xB8\x87\xE4\xBA\xBF", "9007199254740993"},  // wan Yi
      {"\xE4\xB8\x89\xE7\x82\xB9\xE5\x85\xAD\xE4\xBA\x8C\xE4\xBA\xBF", "362000000"},  // san dian liu er Yi
      {"\xE5\x8F\x81\xE9\xBB\x9E\xE9\x99\xB8\xE8\xB2\xB3\xE5\x84\x84", "362000000"},  // financial trad
      {"13.73\xE4\xB8\x87", "137300"},
      {"1,234,567.89", "1234567.89"},
      {"\xEF\xBC\x91\xEF\xBC\x8E\xEF\xBC\x95", "1.5"},            // full-width 1.5
      {"-0.125", "-0.125"},
      {"\xE8\xB4\x9F\xE4\xB8\x89\xE7\x82\xB9\xE4\xBA\x94", "-3.5"},  // fu san dian wu
      {"\xE5\x8D\x8A", "0.5"},                                     // ban
      {"\xE4\xBA\x8C\xE3\x80\x87\xE4\xBA\x8C\xE4\xB8\x89", "2023"},  // er ling er san
      {"1\xE4\xBA\xBF""2000\xE4\xB8\x87", "120000000"},            // 1 Yi 2000 wan
      {"12345678901234567", "12345678901234567"},
      {"0.1", "0.1"},
  };
  for (const row& r : rows) {
    const zhscan::number_result n = zhscan::parse_number(r.text);
    INFO(r.text);
    REQUIRE(n);
    CHECK(str(n.exact) == r.exact);
    CHECK(n.value == n.exact.to_double());
    CHECK(n.value == std::strtod(r.exact, nullptr));
  }
  CHECK(zhscan::parse_number("abc").exact.nan);
  // fractions: san fen zhi yi (inexact: 1/3), bai fen zhi er shi wu = 0.25
  const zhscan::fraction_result third = zhscan::parse_fraction("\xE4\xB8\x89\xE5\x88\x86\xE4\xB9\x8B\xE4\xB8\x80");
  REQUIRE(third);
  CHECK(third.exact.inexact);
  CHECK(third.value == 1.0 / 3.0);
  const zhscan::fraction_result q =
      zhscan::parse_fraction("\xE7\x99\xBE\xE5\x88\x86\xE4\xB9\x8B\xE4\xBA\x8C\xE5\x8D\x81\xE4\xBA\x94");
  REQUIRE(q);
  CHECK(str(q.exact) == "0.25");
  CHECK(str(q.numerator_exact) == "25");
  CHECK(str(q.denominator_exact) == "100");
}
