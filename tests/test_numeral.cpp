// SPDX-License-Identifier: MIT
// Tests of include/zhscan/numeral.hpp: parse_number, parse_han_number, parse_magnitude,
// parse_fraction, format_chinese and their round trip. Expected values are written from
// the meaning of the numerals.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "catch.hpp"
#include "zhscan/numeral.hpp"

namespace {

using zhscan::errc;
using zhscan::numeral_form;
namespace nf = zhscan::numeral_flags;
namespace no = zhscan::numeral_options;

struct parsed {
  double value;
  std::size_t len;  // bytes consumed
  errc ec;
  numeral_form form;
  std::uint16_t flags;
};

parsed num(std::string_view s, unsigned opts = 0) {
  const zhscan::number_result r = zhscan::parse_number(s, opts);
  return {r.value, static_cast<std::size_t>(r.ptr - s.data()), r.ec, r.form, r.flags};
}

// The whole of `s` is one numeral of value `v` and form `f`.
void check_whole(std::string_view s, double v, numeral_form f) {
  INFO("input: " << s);
  const parsed p = num(s);
  CHECK(p.ec == errc::ok);
  CHECK(p.value == v);
  CHECK(p.len == s.size());
  CHECK(p.form == f);
}

// `s` starts with a numeral of `len` bytes and value `v`.
void check_prefix(std::string_view s, double v, std::size_t len, unsigned opts = 0) {
  INFO("input: " << s);
  const parsed p = num(s, opts);
  CHECK(p.ec == errc::ok);
  CHECK(p.value == v);
  CHECK(p.len == len);
}

void check_invalid(std::string_view s, unsigned opts = 0) {
  INFO("input: " << s);
  const zhscan::number_result r = zhscan::parse_number(s, opts);
  CHECK(r.ec == errc::invalid_argument);
  CHECK(r.ptr == s.data());
  CHECK(r.value == 0);
}

std::string fmt(std::int64_t v, zhscan::chinese_style st = zhscan::chinese_style::lower) {
  char buf[zhscan::chinese_buffer_size];
  const zhscan::format_result r = zhscan::format_chinese(buf, buf + sizeof buf, v, st);
  REQUIRE(r.ec == errc::ok);
  return std::string(buf, r.ptr);
}

std::string fmtd(double v, zhscan::chinese_style st = zhscan::chinese_style::lower) {
  char buf[zhscan::chinese_buffer_size];
  const zhscan::format_result r = zhscan::format_chinese(buf, buf + sizeof buf, v, st);
  REQUIRE(r.ec == errc::ok);
  return std::string(buf, r.ptr);
}

// splitmix64: a deterministic generator for the random round trips.
struct splitmix {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

const zhscan::chinese_style all_styles[] = {
    zhscan::chinese_style::lower, zhscan::chinese_style::upper,
    zhscan::chinese_style::lower_traditional, zhscan::chinese_style::upper_traditional};

}  // namespace

// ---------------------------------------------------------------------------------------
// Compile-time evaluation (the parsers are constexpr).
static_assert(zhscan::parse_number(std::string_view("13.73\u4E07")).value == 137300.0, "13.73 wan");
static_assert(zhscan::parse_number(std::string_view("\u4E24\u4E07\u4E09\u5343")).value == 23000.0,
              "liang wan san qian");
static_assert(zhscan::parse_number(std::string_view("1,200")).value == 1200.0, "grouping");
static_assert(!zhscan::parse_number(std::string_view("abc")), "not a numeral");
static_assert(zhscan::is_han_numeral_char(U'\u842C') && !zhscan::is_han_numeral_char(U'\u5146'),
              "wan yes, zhao no");
static_assert(zhscan::han_digit_value(U'\u5169') == 2, "liang (traditional) is 2");
constexpr bool format_ten_is_shi() {
  char b[16] = {};
  const zhscan::format_result r = zhscan::format_chinese(b, b + sizeof b, 10);
  return r && r.ptr == b + 3 && b[0] == '\xE5' && b[1] == '\x8D' && b[2] == '\x81';  // U+5341
}
static_assert(format_ten_is_shi(), "format_chinese is constexpr for integers");

TEST_CASE("Arabic numerals", "[numeral]") {
  check_whole("0", 0, numeral_form::arabic);
  check_whole("7", 7, numeral_form::arabic);
  check_whole("123", 123, numeral_form::arabic);
  check_whole("00012", 12, numeral_form::arabic);
  check_whole("3.14", 3.14, numeral_form::arabic);
  check_whole("0.1", 0.1, numeral_form::arabic);
  check_whole("54.96", 54.96, numeral_form::arabic);
  check_whole("１２３", 123, numeral_form::arabic);
  check_whole("５４", 54, numeral_form::arabic);
  check_whole("３．５", 3.5, numeral_form::arabic);
  check_whole("１2３", 123, numeral_form::arabic);                            // widths mixed
  check_whole("9007199254740993", 9007199254740992.0, numeral_form::arabic);  // rounds to even
  CHECK(num("１２３").flags == nf::fullwidth);
  CHECK(num("3.14").flags == nf::decimal);
  CHECK(num("123").flags == 0);

  SECTION("end pointer") {
    check_prefix("3.", 3, 1);
    check_prefix("3.x", 3, 1);
    check_prefix("1.2.3", 1.2, 3);
    check_prefix("1e5", 1e5, 3);  // Latin notation (colloquial forms, see test_numeral_forms)
    check_prefix("1e5x", 1, 1);
    check_prefix("12人", 12, 2);
    check_prefix("54.96%", 54.96, 5, zhscan::numeral_options::no_colloquial);
    check_prefix("５４％", 54, 6, zhscan::numeral_options::no_colloquial);
    check_prefix("2—3所", 2, 1);
    check_prefix("2-3所", 2, 1);
    check_prefix("45:55", 45, 2);
    check_prefix("3。5", 3, 1);  // an ideographic full stop is not a decimal point
  }
  SECTION("nothing to parse") {
    check_invalid("");
    check_invalid("abc");
    check_invalid(".");
    check_invalid(",1");
    check_invalid("元");
    check_invalid(" 12");  // no leading blanks: the caller positions the parser
  }
  SECTION("huge and tiny") {
    const std::string big(400, '9');
    const zhscan::number_result r = zhscan::parse_number(big);
    CHECK(r.ec == errc::out_of_range);
    CHECK(r.ptr == big.data() + big.size());
    const std::string long_ok = std::string(300, '1');
    const parsed p = num(long_ok);
    CHECK(p.ec == errc::ok);
    CHECK(p.len == 300);
    CHECK(p.value == zhscan_test::approx(1.1111111111111111e299));
    const std::string tiny = "0." + std::string(400, '0') + "1";
    const parsed t = num(tiny);
    CHECK(t.ec == errc::ok);
    CHECK(t.value == 0);
    CHECK(t.len == tiny.size());
  }
}

TEST_CASE("signs", "[numeral]") {
  check_whole("-3.5", -3.5, numeral_form::arabic);
  check_whole("－3.5", -3.5, numeral_form::arabic);  // U+FF0D
  check_whole("−2", -2, numeral_form::arabic);       // U+2212
  check_whole("+5", 5, numeral_form::arabic);
  check_whole("＋5", 5, numeral_form::arabic);
  check_whole("负三", -3, numeral_form::han);
  check_whole("負三點五", -3.5, numeral_form::han);
  check_whole("负3.5", -3.5, numeral_form::arabic);
  check_whole("-3.5万", -35000, numeral_form::mixed);
  CHECK(num("-3").flags == (nf::negative | nf::sign));
  CHECK(num("+3").flags == nf::sign);
  const parsed z = num("-0");
  CHECK(z.value == 0);
  CHECK_FALSE(std::signbit(z.value));
  check_invalid("-");
  check_invalid("负");
  check_invalid("-三");  // ASCII signs go with Arabic digits only
  check_invalid("- 3");
  check_invalid("--3");
  check_invalid("-3", no::no_sign);
  check_invalid("负三", no::no_sign);
}

TEST_CASE("thousands separators", "[numeral]") {
  check_whole("1,200", 1200, numeral_form::arabic);
  check_whole("1，200", 1200, numeral_form::arabic);
  check_whole("12,345,678", 12345678, numeral_form::arabic);
  check_whole("1,234,567.89", 1234567.89, numeral_form::arabic);
  check_whole("１，２００", 1200, numeral_form::arabic);
  CHECK(num("1,200").flags == nf::grouped);
  CHECK(num("1，200").flags == (nf::grouped | nf::fullwidth));
  check_prefix("1,2", 1, 1);
  check_prefix("1,23", 1, 1);
  check_prefix("1,2345", 1, 1);         // a group has exactly three digits
  check_prefix("1234,567", 1234, 4);    // the first group has at most three
  check_prefix("0,123", 0, 1);          // no group after a leading zero
  check_prefix("1,200，300", 1200, 5);  // one separator kind per numeral
  check_prefix("1,200,", 1200, 5);
  check_prefix("1,200,3", 1200, 5);
  check_prefix("1,200人", 1200, 5);
  check_prefix("1,200", 1, 1, no::no_grouping);
  check_prefix("1，200", 1, 1, no::no_fullwidth_grouping);
  check_prefix("1,200", 1200, 5, no::no_fullwidth_grouping);
}

TEST_CASE("mixed numerals: Arabic digits with a Chinese magnitude", "[numeral]") {
  check_whole("3.5万", 35000, numeral_form::mixed);
  check_whole("1亿", 100000000, numeral_form::mixed);
  check_whole("3.5万亿", 3.5e12, numeral_form::mixed);
  check_whole("13.73万", 137300, numeral_form::mixed);
  check_whole("13.73萬", 137300, numeral_form::mixed);
  check_whole("1千", 1000, numeral_form::mixed);
  check_whole("12.9万", 129000, numeral_form::mixed);
  check_whole("2千万", 20000000, numeral_form::mixed);
  check_whole("5百", 500, numeral_form::mixed);
  check_whole("1,200万", 12000000, numeral_form::mixed);
  check_whole("12000万", 120000000, numeral_form::mixed);
  check_whole("15000亿", 1.5e12, numeral_form::mixed);
  check_whole("3万5千", 35000, numeral_form::mixed);
  check_whole("1亿2000万", 120000000, numeral_form::mixed);
  check_whole("2亿1千万", 210000000, numeral_form::mixed);
  check_whole("3千5百万", 35000000, numeral_form::mixed);
  check_whole("1.5千万", 15000000, numeral_form::mixed);
  check_whole("0.5亿", 50000000, numeral_form::mixed);
  check_whole("３．５万", 35000, numeral_form::mixed);
  check_whole("4900万", 49000000, numeral_form::mixed);
  check_whole("2.5千", 2500, numeral_form::mixed);
  CHECK(num("3.5万").flags == (nf::decimal | nf::magnitude));

  SECTION("exact doubles, not mantissa * 10000") {
    // 13.73 * 10000 == 137299.99999999999 and 1.1 * 10000 == 11000.000000000002 in double.
    CHECK(num("13.73万").value == 137300.0);
    CHECK(num("1.1万").value == 11000.0);
    CHECK(num("12.34万").value == 123400.0);
    CHECK(num("4.56亿").value == 456000000.0);
    CHECK(num("0.01亿").value == 1000000.0);
    CHECK(num("1.2345万").value == 12345.0);
    CHECK(num("3.14159亿").value == 314159000.0);
    CHECK(num("9999.9999万亿").value == 9999999900000000.0);
    CHECK(num("0.07万").value == 700.0);
  }
  SECTION("where a mixed numeral stops") {
    check_prefix("465万元", 4650000, 6);
    check_prefix("2亿元", 200000000, 4);
    check_prefix("3.5万亿元", 3.5e12, 9);
    check_prefix("13.73萬平方米", 137300, 8);
    check_prefix("3000多万元", 3000, 4, zhscan::numeral_options::no_colloquial);  // the caller reads 多 and then parse_magnitude
    check_prefix("6.5万多平米", 65000, 6);
    check_prefix("2万余名", 20000, 4);
    check_prefix("2019百强", 2019, 4);  // bai after a multi-digit number is not a magnitude
    check_prefix("2019十大", 2019, 4);  // nor shi
    check_prefix("3十万", 3, 1);
    check_prefix("3万5", 30000, 4);  // a trailing bare coefficient stays out
    check_prefix("1亿2000元", 100000000, 4);
    check_prefix("1亿20000万", 100000000, 4);  // the coefficient after Yi must be < 10^4
    check_prefix("3千5万", 3000, 4);           // no abbreviation between Arabic groups
    check_prefix("1万万", 10000, 4);           // wan-wan only in Chinese numerals
    check_prefix("0万", 0, 1);
    check_prefix("3万兆", 30000, 4);
    check_prefix("3兆", 3, 1);
    check_prefix("3.5万", 3.5, 3, no::no_magnitude);
    check_prefix("1千", 1, 1, no::no_magnitude);
  }
}

TEST_CASE("Chinese numerals: positional forms", "[numeral]") {
  check_whole("零", 0, numeral_form::han);
  check_whole("〇", 0, numeral_form::han);
  check_whole("一", 1, numeral_form::han);
  check_whole("九", 9, numeral_form::han);
  check_whole("十", 10, numeral_form::han);
  check_whole("十五", 15, numeral_form::han);
  check_whole("一十五", 15, numeral_form::han);
  check_whole("二十", 20, numeral_form::han);
  check_whole("九十九", 99, numeral_form::han);
  check_whole("一百", 100, numeral_form::han);
  check_whole("一百零五", 105, numeral_form::han);
  check_whole("一百〇五", 105, numeral_form::han);
  check_whole("一百一十", 110, numeral_form::han);
  check_whole("两百", 200, numeral_form::han);
  check_whole("两万三千", 23000, numeral_form::han);
  check_whole("三千零五十", 3050, numeral_form::han);
  check_whole("两千万", 20000000, numeral_form::han);
  check_whole("一万万", 100000000, numeral_form::han);
  check_whole("四万万", 400000000, numeral_form::han);
  check_whole("十万八千", 108000, numeral_form::han);
  check_whole("一千二百万", 12000000, numeral_form::han);
  check_whole("一千零一十", 1010, numeral_form::han);
  check_whole("一千零十", 1010, numeral_form::han);
  check_whole("一千〇一十", 1010, numeral_form::han);
  check_whole("十万", 100000, numeral_form::han);
  check_whole("十万零一十", 100010, numeral_form::han);
  check_whole("十万一千", 101000, numeral_form::han);
  check_whole("十万零一千", 101000, numeral_form::han);  // ling after wan is always accepted
  check_whole("一万零五百", 10500, numeral_form::han);
  check_whole("一万零五", 10005, numeral_form::han);
  check_whole("一亿", 100000000, numeral_form::han);
  check_whole("一亿零一千", 100001000, numeral_form::han);
  check_whole("一亿五千万", 150000000, numeral_form::han);
  check_whole("一亿零五百万", 105000000, numeral_form::han);
  check_whole("十亿", 1e9, numeral_form::han);
  check_whole("一万亿", 1e12, numeral_form::han);
  check_whole("三万五千亿", 3.5e12, numeral_form::han);
  check_whole("一万零一亿", 1000100000000.0, numeral_form::han);
  check_whole("一千万亿", 1e15, numeral_form::han);
  check_whole("九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九",
              static_cast<double>(9999999999999999ull), numeral_form::han);
  check_whole("廿", 20, numeral_form::han);
  check_whole("廿五", 25, numeral_form::han);
  check_whole("卅", 30, numeral_form::han);
  check_whole("卅一", 31, numeral_form::han);
  check_whole("卌", 40, numeral_form::han);
  check_whole("两", 2, numeral_form::han);
  CHECK(num("两万三千").flags == nf::magnitude);
  CHECK(num("一百零五").flags == 0);
}

TEST_CASE("Chinese numerals: colloquial abbreviation", "[numeral]") {
  check_whole("一百五", 150, numeral_form::han);
  check_whole("两百五", 250, numeral_form::han);
  check_whole("三千八", 3800, numeral_form::han);
  check_whole("两万五", 25000, numeral_form::han);
  check_whole("一万二", 12000, numeral_form::han);
  check_whole("一亿五", 150000000, numeral_form::han);
  check_whole("一千二百五", 1250, numeral_form::han);
  check_whole("两万三千五", 23500, numeral_form::han);
  CHECK(num("一百五").flags == nf::abbreviated);
  // A bigger unit after the abbreviated digit multiplies the whole section.
  check_whole("一千五万", 15000000, numeral_form::han);
  check_whole("三万五亿", 3.5e12, numeral_form::han);
  // A smaller big unit takes the digit as its own coefficient.
  check_whole("一亿五万", 100050000, numeral_form::han);
  check_prefix("一百五", 100, 6, no::no_abbreviation);
  check_prefix("两万五", 20000, 6, no::no_abbreviation);
  check_prefix("一千五十", 1500, 9);   // two places down without ling: stop after the digit
  check_prefix("一百五点五", 150, 9);  // no decimal after an abbreviated digit
  check_prefix("一万两", 10000, 6);    // liang is never a trailing digit (it is a weight)
}

TEST_CASE("Chinese numerals: decimals", "[numeral]") {
  check_whole("五点五", 5.5, numeral_form::han);
  check_whole("零点五", 0.5, numeral_form::han);
  check_whole("三点一四", 3.14, numeral_form::han);
  check_whole("十二点零五", 12.05, numeral_form::han);
  check_whole("一百点五", 100.5, numeral_form::han);
  check_whole("一万点五", 10000.5, numeral_form::han);
  check_whole("三点五亿", 350000000, numeral_form::han);
  check_whole("二点五万", 25000, numeral_form::han);
  check_whole("一点二千万", 12000000, numeral_form::han);
  check_whole("一百二十点五万", 1205000, numeral_form::han);
  check_whole("零点零零一", 0.001, numeral_form::han);
  check_whole("五點五", 5.5, numeral_form::han);
  check_whole("叁点壹肆", 3.14, numeral_form::han);
  CHECK(num("三点五亿").flags == (nf::decimal | nf::magnitude));
  check_prefix("三点", 3, 3);
  check_prefix("三点半", 3, 3);
  check_prefix("两点", 2, 3);
  check_prefix("一百零点五", 100, 6);
  check_prefix("一万点五万", 10000.5, 12);  // no magnitude after a numeral that has one
}

TEST_CASE("Chinese numerals: digit by digit", "[numeral]") {
  check_whole("二〇二三", 2023, numeral_form::han);
  check_whole("一九九八", 1998, numeral_form::han);
  check_whole("二零零八", 2008, numeral_form::han);
  check_whole("二○○八", 2008, numeral_form::han);   // U+25CB typed for U+3007
  check_whole("二◯二一", 2021, numeral_form::han);  // U+25EF
  check_whole("一二三", 123, numeral_form::han);
  check_whole("贰零贰叁", 2023, numeral_form::han);
  check_whole("〇〇七", 7, numeral_form::han);
  CHECK(num("二〇二三").flags == nf::digit_by_digit);
  CHECK(num("贰零贰叁").flags == (nf::digit_by_digit | nf::financial));
  check_prefix("二〇二三年", 2023, 12);
  check_prefix("一九九八年十月", 1998, 12);
  // Two adjacent digits are a range in prose: only the first is read.
  check_prefix("三四个", 3, 3);
  check_prefix("两三年", 2, 3);
  check_prefix("五六十", 5, 3);
  check_prefix("十一二", 11, 6);
  check_prefix("一二年级", 1, 3);
  check_invalid("○一二");  // a white circle never starts a numeral
  check_invalid("○");
  check_prefix("二〇二三", 2, 3, no::no_digit_by_digit);
}

TEST_CASE("Chinese numerals: malformed shapes stop early", "[numeral]") {
  check_prefix("十十", 10, 3);
  check_invalid("万万万");
  check_prefix("一万万万", 100000000, 9);
  check_prefix("零零", 0, 3);
  check_prefix("零五", 0, 3);
  check_prefix("五五万", 5, 3);
  check_prefix("十两", 10, 3);
  check_prefix("两十", 2, 3);
  check_prefix("一百零", 100, 6);
  check_prefix("一百零五十", 105, 12);
  check_prefix("十零", 10, 3);
  check_prefix("一百零零五", 100, 6);
  check_prefix("一千百", 1000, 6);
  check_prefix("一亿亿", 100000000, 6);
  check_prefix("一万十五", 10000, 6);
  check_prefix("五十十", 50, 6);
  check_prefix("三兆", 3, 3);  // zhao is not read (10^6 or 10^12 depending on the region)
  check_invalid("百", zhscan::numeral_options::no_colloquial);  // (base grammar; colloquial: a bare unit alone is one of it)
  check_invalid("千万");
  check_invalid("百万");
  check_invalid("万", zhscan::numeral_options::no_colloquial);  // (base grammar; colloquial: a bare unit alone is one of it)
  check_invalid("亿元");
  check_prefix("拾", 10, 3);  // the whole input: ten (colloquial forms)
  check_invalid("拾金");  // a bare financial ten starts no word (收拾, 拾金不昧)
  check_invalid("点五");
  check_invalid("参加");  // simplified can is not a numeral
  check_invalid("兆");
  check_invalid("多");
}

TEST_CASE("Chinese numerals: where they stop inside text", "[numeral]") {
  check_prefix("三千多万", 3000, 6, zhscan::numeral_options::no_colloquial);
  check_prefix("十几所", 10, 3);
  check_prefix("四十多名", 40, 6);
  check_prefix("一个半月", 1.5, 9);  // yi ge ban (colloquial forms)
  check_prefix("两万三千元", 23000, 12);
  check_prefix("八项重点工作", 8, 3);
  check_prefix("十五項", 15, 6);
  check_prefix("兩個", 2, 3, zhscan::numeral_options::no_colloquial);
  check_prefix("十一五", 11, 6);
  check_prefix("三年以上", 3, 3);
  check_prefix("半年", 0.5, 3);
  CHECK(num("半").flags == nf::half);
  check_invalid("半", no::no_half);
  check_prefix("一半", 1, 3, zhscan::numeral_options::no_colloquial);
  // The parser never looks past the end of the view it is given.
  const std::string text = "13.73万元一百五";
  check_prefix(std::string_view(text.data(), 7), 13.73, 5);  // wan cut in the middle
  check_prefix(std::string_view(text.data(), 8), 137300, 8);
  const std::string tail = text.substr(11);  // 一百五
  check_prefix(std::string_view(tail.data(), 6), 100, 6);
  check_prefix(std::string_view(tail.data(), 8), 100, 6);  // 五 cut
}

TEST_CASE("traditional and financial forms", "[numeral]") {
  check_whole("壹拾", 10, numeral_form::han);
  check_whole("壹佰零伍", 105, numeral_form::han);
  check_whole("贰拾", 20, numeral_form::han);
  check_whole("貳拾參", 23, numeral_form::han);
  check_whole("弍拾叄", 23, numeral_form::han);
  check_whole("叁仟", 3000, numeral_form::han);
  check_whole("參萬", 30000, numeral_form::han);
  check_whole("肆佰伍拾陆", 456, numeral_form::han);
  check_whole("陸佰柒拾捌", 678, numeral_form::han);
  check_whole("玖仟玖佰玖拾玖", 9999, numeral_form::han);
  check_whole("壹億", 100000000, numeral_form::han);
  check_whole("壹亿贰仟万", 120000000, numeral_form::han);
  check_whole("兩萬", 20000, numeral_form::han);
  check_whole("兩", 2, numeral_form::han);
  check_whole("壹拾万零柒仟", 107000, numeral_form::han);  // cheque style
  check_whole("一百萬", 1000000, numeral_form::han);
  check_whole("三千億", 3e11, numeral_form::han);
  check_whole("壹万贰仟", 12000, numeral_form::han);
  CHECK(num("壹拾").flags == nf::financial);
  CHECK(num("一百萬").flags == nf::magnitude);
  check_invalid("拾万");
  check_prefix("伍分", 5, 3);
}

TEST_CASE("options select scripts", "[numeral]") {
  check_invalid("3万", no::no_arabic);
  check_invalid("三万", no::no_han);
  check_prefix("负3", -3, 4, no::no_han);
  check_invalid("负3", no::no_arabic);
  const zhscan::number_result h = zhscan::parse_han_number("两万三千元");
  CHECK(h.ec == errc::ok);
  CHECK(h.value == 23000);
  CHECK(h.form == numeral_form::han);
  CHECK(zhscan::parse_han_number("23000").ec == errc::invalid_argument);
}

TEST_CASE("parse_magnitude", "[numeral]") {
  const auto mag = [](std::string_view s) {
    const zhscan::magnitude_result m = zhscan::parse_magnitude(s);
    return std::make_pair(m ? m.exponent : -1, static_cast<std::size_t>(m.ptr - s.data()));
  };
  CHECK(mag("万") == std::make_pair(4, std::size_t{3}));
  CHECK(mag("万元") == std::make_pair(4, std::size_t{3}));
  CHECK(mag("萬人") == std::make_pair(4, std::size_t{3}));
  CHECK(mag("千万") == std::make_pair(7, std::size_t{6}));
  CHECK(mag("百万") == std::make_pair(6, std::size_t{6}));
  CHECK(mag("十万") == std::make_pair(5, std::size_t{6}));
  CHECK(mag("亿") == std::make_pair(8, std::size_t{3}));
  CHECK(mag("億元") == std::make_pair(8, std::size_t{3}));
  CHECK(mag("万亿") == std::make_pair(12, std::size_t{6}));
  CHECK(mag("千亿") == std::make_pair(11, std::size_t{6}));
  CHECK(mag("百亿") == std::make_pair(10, std::size_t{6}));
  CHECK(mag("十亿") == std::make_pair(9, std::size_t{6}));
  CHECK(mag("千万亿") == std::make_pair(15, std::size_t{9}));
  CHECK(mag("亿万") == std::make_pair(8, std::size_t{3}));
  CHECK(mag("百") == std::make_pair(2, std::size_t{3}));
  CHECK(mag("千") == std::make_pair(3, std::size_t{3}));
  CHECK(mag("十") == std::make_pair(-1, std::size_t{0}));
  CHECK(mag("十人") == std::make_pair(-1, std::size_t{0}));
  CHECK(mag("元") == std::make_pair(-1, std::size_t{0}));
  CHECK(mag("") == std::make_pair(-1, std::size_t{0}));
  CHECK(zhscan::parse_magnitude("万亿").value() == 1e12);
}

TEST_CASE("parse_fraction", "[numeral]") {
  const auto frac = [](std::string_view s) { return zhscan::parse_fraction(s); };
  {
    const std::string_view s = "三分之一";
    const zhscan::fraction_result f = frac(s);
    REQUIRE(f);
    CHECK(f.value == 1.0 / 3.0);
    CHECK(f.numerator == 1);
    CHECK(f.denominator == 3);
    CHECK(f.ptr == s.data() + s.size());
    CHECK(f.form == numeral_form::han);
  }
  {
    const zhscan::fraction_result f = frac("百分之三十");
    REQUIRE(f);
    CHECK(f.numerator == 30);
    CHECK(f.denominator == 100);
    CHECK(f.value == 0.3);
  }
  CHECK(frac("百分之五点五").numerator == 5.5);
  CHECK(frac("百分之五点五").denominator == 100);
  CHECK(frac("千分之三").value == 0.003);
  CHECK(frac("万分之五").value == 0.0005);
  CHECK(frac("百分之百").value == 1);
  CHECK(frac("十分之一").value == 0.1);
  CHECK(frac("五分之一点五").value == 0.3);
  CHECK(frac("3分之2").value == 2.0 / 3.0);
  CHECK(frac("3分之2").form == numeral_form::arabic);
  CHECK(frac("三分之2").form == numeral_form::mixed);
  CHECK(frac("负三分之一").value == -1.0 / 3.0);
  {
    const std::string_view s = "三分之一以上";
    CHECK(frac(s).ptr == s.data() + 12);
  }
  for (const std::string_view bad :
       {"零分之一", "三分", "三分之", "三分之多", "分之一", "三", "", "-分之一"}) {
    INFO("input: " << bad);
    const zhscan::fraction_result f = frac(bad);
    CHECK(f.ec == errc::invalid_argument);
    CHECK(f.ptr == bad.data());
  }
}

TEST_CASE("character tables", "[numeral]") {
  for (const char32_t c : {U'零', U'〇', U'一', U'二', U'两', U'兩', U'三', U'四', U'五', U'六',
                           U'七', U'八', U'九', U'十', U'百', U'千', U'万', U'萬', U'亿', U'億',
                           U'廿', U'卅', U'卌', U'壹', U'贰', U'貳', U'弍', U'叁', U'參', U'叄',
                           U'肆', U'伍', U'陆', U'陸', U'柒', U'捌', U'玖', U'拾', U'佰', U'仟'}) {
    INFO("code point " << static_cast<std::uint32_t>(c));
    CHECK(zhscan::is_han_numeral_char(c));
  }
  for (const char32_t c :
       {U'点', U'半', U'负', U'○', U'兆', U'参', U'多', U'个', U'a', U'5', U'５', U'元'}) {
    INFO("code point " << static_cast<std::uint32_t>(c));
    CHECK_FALSE(zhscan::is_han_numeral_char(c));
  }
  CHECK(zhscan::han_digit_value(U'零') == 0);
  CHECK(zhscan::han_digit_value(U'〇') == 0);
  CHECK(zhscan::han_digit_value(U'壹') == 1);
  CHECK(zhscan::han_digit_value(U'两') == 2);
  CHECK(zhscan::han_digit_value(U'貳') == 2);
  CHECK(zhscan::han_digit_value(U'參') == 3);
  CHECK(zhscan::han_digit_value(U'陸') == 6);
  CHECK(zhscan::han_digit_value(U'九') == 9);
  CHECK(zhscan::han_digit_value(U'十') == -1);
  CHECK(zhscan::han_digit_value(U'万') == -1);
  CHECK(zhscan::detail::numeral_info(U'伍').financial);
  CHECK_FALSE(zhscan::detail::numeral_info(U'五').financial);
}

TEST_CASE("format_chinese: lower and upper case", "[numeral]") {
  using st = zhscan::chinese_style;
  CHECK(fmt(0) == "零");
  CHECK(fmt(7) == "七");
  CHECK(fmt(10) == "十");
  CHECK(fmt(15) == "十五");
  CHECK(fmt(20) == "二十");
  CHECK(fmt(105) == "一百零五");
  CHECK(fmt(110) == "一百一十");
  CHECK(fmt(1010) == "一千零一十");
  CHECK(fmt(1001) == "一千零一");
  CHECK(fmt(3050) == "三千零五十");
  CHECK(fmt(23000) == "二万三千");
  CHECK(fmt(100000) == "十万");
  CHECK(fmt(100010) == "十万零一十");
  CHECK(fmt(101000) == "十万一千");
  CHECK(fmt(110000) == "十一万");
  CHECK(fmt(1000000) == "一百万");
  CHECK(fmt(10500) == "一万零五百");
  CHECK(fmt(20000300) == "二千万零三百");
  CHECK(fmt(100000000) == "一亿");
  CHECK(fmt(100000001) == "一亿零一");
  CHECK(fmt(100001000) == "一亿零一千");
  CHECK(fmt(101000000) == "一亿零一百万");
  CHECK(fmt(110000000) == "一亿一千万");
  CHECK(fmt(1000000000) == "十亿");
  CHECK(fmt(1000000000000) == "一万亿");
  CHECK(fmt(1000100000000) == "一万零一亿");
  CHECK(fmt(10000000000000) == "十万亿");
  CHECK(fmt(-5) == "负五");
  CHECK(fmt(-23000) == "负二万三千");
  CHECK(fmt(9999999999999999) == "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九");
  CHECK(fmt(10, st::upper) == "壹拾");
  CHECK(fmt(15, st::upper) == "壹拾伍");
  CHECK(fmt(105, st::upper) == "壹佰零伍");
  CHECK(fmt(23000, st::upper) == "贰万叁仟");
  CHECK(fmt(100000, st::upper) == "壹拾万");
  CHECK(fmt(678, st::upper) == "陆佰柒拾捌");
  CHECK(fmt(100000000, st::upper) == "壹亿");
  CHECK(fmt(-9, st::upper) == "负玖");
  CHECK(fmt(23000, st::lower_traditional) == "二萬三千");
  CHECK(fmt(100000000, st::lower_traditional) == "一億");
  CHECK(fmt(23006, st::upper_traditional) == "貳萬參仟零陸");
  CHECK(fmt(-2, st::upper_traditional) == "負貳");
  CHECK(zhscan::to_chinese(110) == "一百一十");
  CHECK(zhscan::to_chinese(110u, st::upper) == "壹佰壹拾");
}

TEST_CASE("format_chinese: decimals, limits and errors", "[numeral]") {
  CHECK(fmtd(0.5) == "零点五");
  CHECK(fmtd(12.05) == "十二点零五");
  CHECK(fmtd(-3.5) == "负三点五");
  CHECK(fmtd(-0.25) == "负零点二五");
  CHECK(fmtd(3.14) == "三点一四");
  CHECK(fmtd(0.1) == "零点一");
  CHECK(fmtd(1e-3) == "零点零零一");
  CHECK(fmtd(100000.5) == "十万点五");
  CHECK(fmtd(2.5, zhscan::chinese_style::upper) == "贰点伍");
  CHECK(fmtd(2.5, zhscan::chinese_style::lower_traditional) == "二點五");
  CHECK(fmtd(23000.0) == "二万三千");
  CHECK(fmtd(-0.0) == "零");
  CHECK(fmtd(9999999999999998.0) ==
        "九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十八");
  char buf[zhscan::chinese_buffer_size];
  char* const end = buf + sizeof buf;
  for (const double bad :
       {1e16, -1e16, 1e300, std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
    const zhscan::format_result r = zhscan::format_chinese(buf, end, bad);
    CHECK(r.ec == errc::invalid_argument);
    CHECK(r.ptr == buf);
  }
  CHECK(zhscan::format_chinese(buf, end, 10000000000000000ll).ec == errc::invalid_argument);
  CHECK(zhscan::format_chinese(buf, end, std::numeric_limits<std::int64_t>::min()).ec ==
        errc::invalid_argument);
  CHECK(zhscan::format_chinese(buf, end, std::numeric_limits<std::uint64_t>::max()).ec ==
        errc::invalid_argument);
  // Too small a buffer: out_of_range, ptr == last, nothing written past it.
  {
    char small[9];  // "一百零五" needs 12 bytes
    const zhscan::format_result r = zhscan::format_chinese(small, small + sizeof small, 105);
    CHECK(r.ec == errc::out_of_range);
    CHECK(r.ptr == small + sizeof small);
    char exact[12];
    const zhscan::format_result ok = zhscan::format_chinese(exact, exact + sizeof exact, 105);
    CHECK(ok.ec == errc::ok);
    CHECK(std::string(exact, ok.ptr) == "一百零五");
    const zhscan::format_result none = zhscan::format_chinese(exact, exact, 0);
    CHECK(none.ec == errc::out_of_range);
    const zhscan::format_result d = zhscan::format_chinese(exact, exact + 8, 0.5);
    CHECK(d.ec == errc::out_of_range);  // 零点五 needs 9 bytes
    CHECK(d.ptr == exact + 8);
  }
  // The smallest positive subnormal still fits the documented buffer size.
  {
    const double tiny = std::numeric_limits<double>::denorm_min();
    const zhscan::format_result r = zhscan::format_chinese(buf, end, -tiny);
    REQUIRE(r.ec == errc::ok);
    const zhscan::number_result p = zhscan::parse_number(std::string_view(buf, r.ptr - buf));
    CHECK(p.value == -tiny);
    CHECK(p.ptr == r.ptr);
  }
  {
    const double largest = std::nextafter(1e16, 0.0);
    CHECK(zhscan::parse_number(zhscan::to_chinese(largest)).value == largest);
  }
}

TEST_CASE("round trip: every integer 0..100000, all styles", "[numeral]") {
  char buf[zhscan::chinese_buffer_size];
  std::size_t failures = 0;
  for (const zhscan::chinese_style st : all_styles) {
    for (std::int64_t n = 0; n <= 100000; ++n) {
      const zhscan::format_result w = zhscan::format_chinese(buf, buf + sizeof buf, n, st);
      const zhscan::number_result r = zhscan::parse_number(std::string_view(buf, w.ptr - buf));
      if (!w || !r || r.ptr != w.ptr || r.value != static_cast<double>(n) ||
          r.form != numeral_form::han) {
        if (++failures < 10)
          FAIL_CHECK("round trip failed for " << n << ": " << std::string(buf, w.ptr));
      }
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("round trip: random integers up to 10^16 and random doubles", "[numeral]") {
  char buf[zhscan::chinese_buffer_size];
  splitmix rng{20240601};
  std::size_t failures = 0;
  const auto check_one = [&](auto v, zhscan::chinese_style st) {
    const zhscan::format_result w = zhscan::format_chinese(buf, buf + sizeof buf, v, st);
    const zhscan::number_result r = zhscan::parse_number(std::string_view(buf, w.ptr - buf));
    if (!w || !r || r.ptr != w.ptr || r.value != static_cast<double>(v)) {
      if (++failures < 10)
        FAIL_CHECK("round trip failed for " << v << ": " << std::string(buf, w.ptr));
    }
  };
  for (int i = 0; i < 50000; ++i) {
    const zhscan::chinese_style st = all_styles[i % 4];
    const std::uint64_t u = rng.next();
    // uniform over 10^0..10^16 in magnitude, so short and long numbers are both common
    const int digits = static_cast<int>(u % 16) + 1;
    std::uint64_t m = 1;
    for (int k = 0; k < digits; ++k) m *= 10;
    const std::uint64_t n = (rng.next() % m);
    check_one(n, st);
    check_one(-static_cast<std::int64_t>(n), st);
    // numbers with many zeros (the zero rules): keep a few random digits
    std::uint64_t sparse = 0;
    for (std::uint64_t pos = 1, bits = rng.next(); pos < 10000000000000000ull;
         pos *= 10, bits >>= 4) {
      if ((bits & 15u) < 3) sparse += pos * (1 + (bits >> 4) % 9);
    }
    check_one(sparse % 10000000000000000ull, st);
    check_one(static_cast<double>(n % 100000000) / 100.0, st);  // money-like decimals
    check_one(static_cast<double>(n % 1000000) / 1e6, st);      // 0.xxxxxx
    // random finite doubles below 10^16 in magnitude, any precision
    double d = 0;
    const std::uint64_t bits = rng.next();
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d) && std::fabs(d) < 1e16) check_one(d, st);
  }
  CHECK(failures == 0);
}

TEST_CASE("shared corpus: parse_number at every offset keeps its contract", "[numeral]") {
#ifdef ZHSCAN_SHARED_DIR
  std::string dir = ZHSCAN_SHARED_DIR;
#else
  std::string dir;
#endif
  if (const char* env = std::getenv("ZHSCAN_SHARED_DIR")) dir = env;
  std::size_t files = 0, numerals = 0;
  for (const char* name :
       {"000_9ea387d2fcb035c5.txt", "001_a6c8c882fd1a3a93.txt", "002_3c62344577e56e27.txt"}) {
    std::ifstream in(dir + "/corpus/" + name, std::ios::binary);
    if (!in) continue;
    ++files;
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const char* const end = text.data() + text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::string_view s(text.data() + i, text.size() - i);
      const zhscan::number_result r = zhscan::parse_number(s);
      if (r.ec == errc::invalid_argument) {
        if (r.ptr != s.data()) FAIL("invalid result moved ptr at offset " << i);
        continue;
      }
      if (!(r.ptr > s.data() && r.ptr <= end && std::isfinite(r.value)))
        FAIL("bad result at offset " << i);
      ++numerals;
    }
  }
  if (files == 0) {
    WARN("shared corpus not found under '" << dir << "': skipped");
  } else {
    CHECK(numerals > 0);
  }
}
