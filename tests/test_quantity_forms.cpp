// SPDX-License-Identifier: MIT
// Tests of the quantity forms of issue 10 inside find_metrics (README "Readings of quantity
// forms"): each rule with the sentences it is for and the ones it must leave alone. The
// sentences are written for this file. tests/quantities/cases.tsv runs more of them through
// the command-line program.
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/base_unit.hpp"
#include "zhscan/metric.hpp"

namespace {

using zhscan::approximation;
using zhscan::metric;
using zhscan::metric_shape;

std::string dec(const zhscan::decimal& d) {
  if (d.nan) return "null";
  char buf[zhscan::decimal_buffer_size];
  const auto r = d.to_chars(buf, buf + sizeof buf);
  return std::string(buf, r.ptr);
}

/** value (or low..high) unit | base value base unit | approx of the metric spanning `span`,
 *  "none" when no metric has that span. */
std::string reading(std::string_view text, std::string_view span) {
  const std::vector<metric> ms = zhscan::find_metrics(text);
  for (const metric& m : ms) {
    if (m.span.in(text) != span) continue;
    const zhscan::base_amount b = zhscan::base_quantity(m);
    std::string s = m.shape == metric_shape::range ? dec(m.low_exact()) + ".." + dec(m.high_exact())
                                                   : dec(m.value_exact());
    std::string unit;
    m.append_unit(unit);
    s += " " + unit + " | ";
    s += m.shape == metric_shape::range ? dec(b.low) + ".." + dec(b.high) : dec(b.value);
    s += " " + std::string(b.unit) + " | " + std::string(zhscan::to_string(m.approx));
    return s;
  }
  return "none";
}

/** True when some metric of `text` overlaps the bytes of `part`. */
bool any_over(std::string_view text, std::string_view part) {
  const std::size_t a = text.find(part);
  REQUIRE(a != std::string_view::npos);
  for (const metric& m : zhscan::find_metrics(text))
    if (m.span.start < a + part.size() && m.span.end > a) return true;
  return false;
}

}  // namespace

TEST_CASE("quantity forms: durations in two units are one duration in the smaller unit", "[quantity_forms]") {
  CHECK(reading("等了五分半钟。", "五分半钟") == "5.5 分钟 | 330 s | none");
  CHECK(reading("两年零三个月后。", "两年零三个月") == "27 个月 | 27 month | none");
  CHECK(reading("历时1年3个月。", "1年3个月") == "15 个月 | 15 month | none");
  CHECK(reading("用了1小时20分。", "1小时20分") == "80 分钟 | 4800 s | none");
  CHECK(reading("用了1小时20分钟左右。", "1小时20分钟左右") == "80 分钟 | 4800 s | about");
  CHECK(reading("成绩是2分15秒。", "2分15秒") == "135 秒 | 135 s | none");
  CHECK(reading("短片只有两分三十秒。", "两分三十秒") == "150 秒 | 150 s | none");
  CHECK(reading("持续了两天三小时。", "两天三小时") == "51 小时 | 183600 s | none");
  CHECK(reading("工期3周2天。", "3周2天") == "23 天 | 1987200 s | none");
  // not one duration: the second count is not smaller than one of the first unit, or the
  // first number is a calendar year, or a clock time
  CHECK(reading("用了1小时70分钟。", "1小时") == "1 小时 | 3600 s | none");
  CHECK(reading("须在2020年3个月内完成。", "3个月") == "3 个月 | 3 month | none");
  CHECK_FALSE(any_over("会议于8时30分开始。", "8时30分"));
  CHECK_FALSE(any_over("地震发生于10时15分30秒。", "15分30秒"));  // a time of day
  CHECK_FALSE(any_over("列车8点30分20秒出发。", "30分20秒"));
  CHECK(reading("他考了95分。", "95分") == "95 分 | 95 分 | none");
}

TEST_CASE("quantity forms: Cantonese dollars", "[quantity_forms]") {
  CHECK(reading("一碗面五蚊六毫。", "五蚊六毫") == "5.6 港元 | 5.6 HKD | none");
  CHECK(reading("一支笔两蚊五。", "两蚊五") == "2.5 港元 | 2.5 HKD | none");
  CHECK(reading("这本书卖5蚊。", "5蚊") == "5 港元 | 5 HKD | none");
  CHECK_FALSE(any_over("房间里有三只蚊子。", "蚊子"));
  CHECK(reading("找零五元六毫米。", "五元") == "5 元 | 5 CNY | none");  // hao only after man
}

TEST_CASE("quantity forms: a one-digit first number shares the second's magnitude", "[quantity_forms]") {
  CHECK(reading("投资两到三万元。", "两到三万元") == "20000..30000 元 | 20000..30000 CNY | none");
  CHECK(reading("预计一至两亿元。", "一至两亿元") == "100000000..200000000 元 | 100000000..200000000 CNY | none");
  CHECK(reading("补贴五到十万元。", "五到十万元") == "50000..100000 元 | 50000..100000 CNY | none");
  CHECK(reading("需要两到三千名志愿者。", "两到三千名") == "2000..3000 名 | 2000..3000 人 | none");
  CHECK(reading("合同期为两到三年。", "两到三年") == "2..3 年 | 24..36 month | none");
  CHECK(reading("新建三至十二所。", "三至十二所") == "3..12 所 | 3..12 所 | none");
}

TEST_CASE("quantity forms: ratios of any number of terms", "[quantity_forms]") {
  const std::string_view text = "三次产业之比为8.3∶41.4∶50.3，男女之比为3:2，会议在10:30:00开始。";
  const std::vector<metric> ms = zhscan::find_metrics(text);
  std::vector<std::string> ratios;
  for (const metric& m : ms) {
    if (m.shape != metric_shape::ratio) {
      zhscan::decimal t[2];
      CHECK(m.ratio_terms(text, t, 2) == 0);
      continue;
    }
    zhscan::decimal t[3];
    const std::size_t n = m.ratio_terms(text, t, 3);
    std::string s(m.span.in(text));
    for (std::size_t i = 0; i < n && i < 3; ++i) s += " " + dec(t[i]);
    ratios.push_back(s);
    CHECK(dec(m.ratio_a_exact()) == dec(t[0]));
    CHECK(dec(m.ratio_b_exact()) == dec(t[1]));
    CHECK(m.ratio_terms(std::string_view(text.data(), 3), t, 3) == 0);  // span outside the text
  }
  CHECK(ratios == std::vector<std::string>{"8.3∶41.4∶50.3 8.3 41.4 50.3", "3:2 3 2"});
  // four terms, only the first `cap` written
  const std::string_view four = "人数比为1∶1∶2∶3。";
  const std::vector<metric> m4 = zhscan::find_metrics(four);
  REQUIRE(m4.size() == 1);
  zhscan::decimal t[2];
  CHECK(m4[0].ratio_terms(four, t, 2) == 4);
  CHECK(dec(t[1]) == "1");
  // a:b:c with ASCII colons and no bi in the clause: a clock time
  CHECK_FALSE(any_over("时间为8:30:15整。", "8:30:15"));
  CHECK(zhscan::find_metrics("配料为3:2:1的比例").empty());
}

TEST_CASE("quantity forms: medal tallies, one count per medal type", "[quantity_forms]") {
  CHECK(reading("获得二金一银。", "二金") == "2 金 | 2 金 | none");
  CHECK(reading("获得二金一银。", "一银") == "1 银 | 1 银 | none");
  CHECK(reading("夺得二金一银一铜的好成绩。", "一铜") == "1 铜 | 1 铜 | none");
  CHECK(reading("获得3金2银1铜。", "2银") == "2 银 | 2 银 | none");
  CHECK_FALSE(any_over("设立二金融中心。", "二金"));
}

TEST_CASE("quantity forms: zhe and cheng", "[quantity_forms]") {
  CHECK(reading("这件衣服八五折。", "八五折") == "85 % | 85 % | none");
  CHECK(reading("全场打九五折。", "九五折") == "95 % | 95 % | none");
  CHECK(reading("会员价7.5折。", "7.5折") == "75 % | 75 % | none");
  CHECK(reading("这件衣服打八折。", "八折") == "80 % | 80 % | none");
  CHECK(reading("有七成六的学生。", "七成六") == "76 % | 76 % | none");
  CHECK(reading("全场7.55折。", "7.55折") == "none");  // one decimal only
  CHECK(reading("成绩7.5成。", "7.5成") == "none");     // cheng takes whole tenths
  CHECK_FALSE(any_over("费用七折八扣。", "七折八扣"));
  CHECK_FALSE(any_over("二〇二三年五折。", "二〇二三"));
}

TEST_CASE("quantity forms: fan N fan is a multiple of 2^N", "[quantity_forms]") {
  CHECK(reading("产值翻番。", "翻番") == "2 倍 | 2 x | none");  // fan: a word trigger (data/numerals.tsv)
  CHECK(reading("产值翻两番。", "翻两番") == "4 倍 | 4 x | none");
  CHECK(reading("收入翻了一番。", "翻了一番") == "2 倍 | 2 x | none");
  CHECK(reading("产值翻三番以上。", "翻三番以上") == "8 倍 | 8 x | at_least");
  CHECK_FALSE(any_over("他三番五次来找我。", "三番"));
  CHECK_FALSE(any_over("经过两番努力。", "两番"));
  CHECK_FALSE(any_over("他翻译了三本书。", "翻译"));
  CHECK_FALSE(any_over("“翻番”工程启动。", "翻番"));  // a name in quotation marks
}

TEST_CASE("quantity forms: vague amounts are ranges, approximation about", "[quantity_forms]") {
  CHECK(reading("来了十几个人。", "十几个") == "11..19 个 | 11..19 个 | about");
  CHECK(reading("来了二十几个人。", "二十几个") == "21..29 个 | 21..29 个 | about");
  CHECK(reading("投资十几万元。", "十几万元") == "110000..190000 元 | 110000..190000 CNY | about");
  CHECK(reading("来了几十人。", "几十人") == "20..90 人 | 20..90 人 | about");
  CHECK(reading("投资几百万元。", "几百万元") == "2000000..9000000 元 | 2000000..9000000 CNY | about");
  CHECK(reading("建了数百家。", "数百家") == "200..900 家 | 200..900 家 | about");
  CHECK(reading("数十所学校受益。", "数十所") == "20..90 所 | 20..90 所 | about");
  CHECK(reading("上百人参加。", "上百人") == "100..900 人 | 100..900 人 | about");
  CHECK(reading("吸引了成千上万人。", "成千上万人") == "1000..90000 人 | 1000..90000 人 | about");
  CHECK(reading("来了成百上千人。", "成百上千人") == "100..9000 人 | 100..9000 人 | about");
  CHECK(reading("几十人以上。", "几十人以上") == "20..90 人 | 20..90 人 | at_least");
  // pairs state their range (no approximation); stated bounds stay values
  CHECK(reading("需要两三个人。", "两三个") == "2..3 个 | 2..3 个 | none");
  CHECK(reading("休息三五天。", "三五天") == "3..5 天 | 259200..432000 s | none");
  CHECK(reading("来了十多个人。", "十多个") == "10 个 | 10 个 | more_than");
  CHECK(reading("组织百余人参加。", "百余人") == "100 人 | 100 人 | more_than");
  CHECK(reading("近千人到场。", "近千人") == "1000 人 | 1000 人 | nearly");
  CHECK(reading("总数十所。", "十所") == "10 所 | 10 所 | none");  // shu ends a noun
}

TEST_CASE("quantity forms: wei counts people, not places", "[quantity_forms]") {
  CHECK(reading("共有专家12位。", "12位") == "12 位 | 12 人 | none");
  CHECK(reading("共有12位数学老师。", "12位") == "none");  // (wei + shu: the lexicon's not_before)
  CHECK_FALSE(any_over("装的是64位操作系统。", "64位"));
  CHECK_FALSE(any_over("结果保留两位小数。", "两位"));
  CHECK(reading("来了3位小学生。", "3位") == "3 位 | 3 人 | none");
}
