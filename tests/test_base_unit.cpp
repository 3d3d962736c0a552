// SPDX-License-Identifier: MIT
// Tests of zhscan/base_unit.hpp: base_quantity on original sentences (exact conversions,
// rounded ones, ranges, units without a base), and a walk over every unit row.
#include "zhscan/base_unit.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace {

std::string dec(const zhscan::decimal& d) {
  if (d.nan) return "null";
  char buf[zhscan::decimal_buffer_size];
  const auto r = d.to_chars(buf, buf + sizeof buf);
  return std::string(buf, r.ptr);
}

struct base_case {
  const char* sentence;
  const char* span;
  const char* value;  // base value, or "low..high" for a range
  const char* unit;   // "" for no base
};

}  // namespace

TEST_CASE("base_quantity: the amount in its base unit", "[base_unit]") {
  const base_case cases[] = {
      {"这款手机的屏幕为6.1英寸。", "6.1英寸", "0.15494", "m"},
      {"今年投资2.01万元用于维修。", "2.01万元", "20100", "CNY"},
      {"每人每月补贴300美元。", "300美元", "300", "USD"},
      {"合同金额为5亿港元。", "5亿港元", "500000000", "HKD"},
      {"发电量达到3千瓦时。", "3千瓦时", "10800000", "J"},
      {"装机容量为120兆瓦。", "120兆瓦", "120000000", "W"},
      {"输电电压为500千伏。", "500千伏", "500000", "V"},
      {"室外温度只有-5℃。", "-5℃", "-5", "\u00B0C"},
      {"中午气温为华氏68度。", "华氏68度", "20", "\u00B0C"},
      {"中午气温为100°F。", "100°F", "37.7777777777778", "\u00B0C"},
      {"全村共种植50亩蔬菜。", "50亩", "33333.3333333333", "m2"},
      {"新建厂房3公顷。", "3公顷", "30000", "m2"},
      {"购入大米5公斤。", "5公斤", "5", "kg"},
      {"运来煤炭2.5吨。", "2.5吨", "2500", "kg"},
      {"这包糖重250克。", "250克", "0.25", "kg"},
      {"铺设管道3.2公里。", "3.2公里", "3200", "m"},
      {"水深18厘米。", "18厘米", "0.18", "m"},
      {"水池容积为500立方米。", "500立方米", "500", "m3"},
      {"每瓶装水550毫升。", "550毫升", "0.00055", "m3"},
      {"会议持续了2小时。", "2小时", "7200", "s"},
      {"项目工期为18个月。", "18个月", "18", "month"},
      {"服务期限为3年。", "3年", "36", "month"},
      {"附件大小为100KB。", "100KB", "102400", "B"},
      {"营业收入增长12.5%。", "12.5%", "12.5", "%"},
      {"出生率下降千分之二点五。", "千分之二点五", "0.25", "%"},
      {"合格率提高了3个百分点。", "3个百分点", "3", "pp"},
      {"产量是去年的3倍。", "3倍", "3", "x"},
      {"新建学校12所。", "12所", "12", "所"},
      {"共有学生200人参加。", "200人", "200", "人"},
      {"共有教师15位参加。", "15位", "15", "人"},
      {"设计时速为120公里/小时。", "120公里/小时", "33.3333333333333", "m/s"},
      {"限速为72km/h。", "72km/h", "20", "m/s"},
      {"风速为10米/秒。", "10米/秒", "10", "m/s"},
      {"他家离学校有3里路。", "3里", "1500", "m"},
      {"年发电量12吉瓦时。", "12吉瓦时", "43200000000000", "J"},
      {"额定电压为220V。", "220V", "220", "V"},
      {"这件衣服打八折。", "八折", "80", "%"},
      {"加了三加侖汽油。", "三加侖", "0.011356235352", "m3"},
      {"门高8呎。", "8呎", "2.4384", "m"},
      {"屏幕为4英吋。", "4英吋", "0.1016", "m"},
      {"房屋面积1200平方英尺。", "1200平方英尺", "111.483648", "m2"},
      {"发动机排量1500cc。", "1500cc", "0.0015", "m3"},
      {"每支5毛钱。", "5毛", "0.5", "CNY"},
      {"合同期为3至5年。", "3至5年", "36..60", "month"},
      {"工程款500万至800万元。", "500万至800万元", "5000000..8000000", "CNY"},
  };
  for (const base_case& c : cases) {
    const std::string_view text = c.sentence;
    const std::vector<zhscan::metric> ms = zhscan::find_metrics(text);
    const zhscan::metric* hit = nullptr;
    for (const zhscan::metric& m : ms)
      if (m.span.in(text) == c.span) hit = &m;
    INFO(c.sentence);
    REQUIRE(hit != nullptr);
    const zhscan::base_amount b = zhscan::base_quantity(*hit);
    CHECK(b.unit == c.unit);
    if (hit->shape == zhscan::metric_shape::range) {
      CHECK(dec(b.low) + ".." + dec(b.high) == c.value);
      CHECK(b.value.nan);
    } else {
      CHECK(dec(b.value) == c.value);
      CHECK(b.low.nan);
      CHECK(b.high.nan);
    }
  }
}

TEST_CASE("base_quantity: no base for ratios, rates and units without a fixed base", "[base_unit]") {
  const char* no_base[][2] = {
      {"男女比例为3:2。", "3:2"},
      {"生均经费为900元/生。", "900元/生"},
      {"本学期共32课时。", "32课时"},
  };
  for (const auto& c : no_base) {
    const std::string_view text = c[0];
    const std::vector<zhscan::metric> ms = zhscan::find_metrics(text);
    INFO(c[0]);
    bool seen = false;
    for (const zhscan::metric& m : ms) {
      if (m.span.in(text) != c[1]) continue;
      seen = true;
      const zhscan::base_amount b = zhscan::base_quantity(m);
      CHECK(b.unit.empty());
      CHECK(b.value.nan);
      CHECK(b.low.nan);
      CHECK(b.high.nan);
    }
    CHECK(seen);
  }
}

TEST_CASE("base_quantity: exact and rounded conversions", "[base_unit]") {
  namespace d = zhscan::detail;
  // every row with a base converts 1 and 10^-3 of its norm to num / den * 10^exp10
  for (std::size_t i = 0; i < d::unit_table_size; ++i) {
    const d::unit_base& b = d::unit_bases[i];
    if (b.base.empty()) continue;
    const d::unit_base* found = d::find_unit_base(d::unit_table[i].norm);
    INFO(std::string(d::unit_table[i].text));
    REQUIRE(found != nullptr);
    CHECK(found->base == b.base);
    if (b.offset != 0) continue;
    const zhscan::decimal one = d::to_base(zhscan::decimal::make(1), b);
    const zhscan::decimal want =
        zhscan::quotient(zhscan::decimal::make(b.num), zhscan::decimal::make(b.den)).scaled(b.exp10);
    if (!want.inexact) CHECK(one == want);
    else CHECK(dec(one).size() <= 18);  // 15 significant digits, a point, a sign
  }
  // rounding half up at the 15th digit
  CHECK(dec(d::round_base(zhscan::decimal::make(123456789012345678ull, -3, false, true))) == "123456789012346");
  CHECK(dec(d::round_base(zhscan::decimal::make(123456789012344999ull, -3, false, true))) == "123456789012345");
  CHECK(dec(d::round_base(zhscan::decimal::make(999999999999999999ull, 0, true, true))) == "-1000000000000000000");
  CHECK(dec(d::round_base(zhscan::decimal::make(25, -1))) == "2.5");  // exact: unchanged
  // Fahrenheit: exact where (F - 32) * 5 / 9 terminates
  const d::unit_base* f = d::find_unit_base("\u2109");
  REQUIRE(f != nullptr);
  CHECK(dec(d::to_base(zhscan::decimal::make(212), *f)) == "100");
  CHECK(dec(d::to_base(zhscan::decimal::make(4, 0, true), *f)) == "-20");
  CHECK(dec(d::to_base(zhscan::decimal::make(0), *f)) == "-17.7777777777778");
  // (a runtime check: g++ with -fsanitize=undefined cannot constant-fold the pointer compare)
  CHECK(d::find_unit_base("\u516C\u65A4") != nullptr);  // gongjin has a base
}
