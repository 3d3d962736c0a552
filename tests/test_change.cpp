// SPDX-License-Identifier: MIT
// Tests of zhscan/change.hpp: every direction word, measure and base form of the change issue,
// the negatives (shares, completion rates, contributions, targets, ratios), level links and
// indicators, on sentences written for these tests; spans stay inside any input.
#include "zhscan/change.hpp"

#include <cmath>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

using zhscan::change_direction;
using zhscan::change_measure;
using zhscan::metric_role;

namespace {

/** The metrics of `text` and their change records. */
struct scan {
  std::string text;
  std::vector<zhscan::metric> ms;
  std::vector<zhscan::metric_change> cs;
  explicit scan(std::string t) : text(std::move(t)) {
    zhscan::find_metrics(text, ms);
    zhscan::find_changes(text, ms, cs);
  }
  /** Index of the metric whose span text is `span` (the n-th such), npos if none. */
  std::size_t index(std::string_view span, int nth = 0) const {
    for (std::size_t i = 0; i < ms.size(); ++i)
      if (ms[i].span.in(text) == span && nth-- == 0) return i;
    return zhscan::npos;
  }
  const zhscan::metric_change& at(std::string_view span, int nth = 0) const {
    const std::size_t i = index(span, nth);
    REQUIRE(i != zhscan::npos);
    return cs[i];
  }
  std::string_view base(std::string_view span) const { return at(span).base.in(text); }
  std::string_view indicator(std::string_view span) const { return at(span).indicator.in(text); }
  std::string_view level(std::string_view span) const {
    const auto& c = at(span);
    return c.level == zhscan::npos ? std::string_view() : ms[c.level].span.in(text);
  }
};

struct direction_case {
  const char* sentence;
  const char* span;
  change_direction dir;
  double delta;
};

}  // namespace

TEST_CASE("direction words: up, down and flat", "[change]") {
  const direction_case cases[] = {
      {"全年货运量增长3.4%。", "3.4%", change_direction::up, 3.4},
      {"年末存款余额增加120亿元。", "120亿元", change_direction::up, 1.2e10},
      {"小学入学率提高0.5个百分点。", "0.5个百分点", change_direction::up, 0.5},
      {"住宅价格指数上升1.2%。", "1.2%", change_direction::up, 1.2},
      {"猪肉价格上涨8.1%。", "8.1%", change_direction::up, 8.1},
      {"进出口顺差扩大36亿元。", "36亿元", change_direction::up, 3.6e9},
      {"个体工商户净增1.8万户。", "1.8万户", change_direction::up, 18000},
      {"城镇就业人数比上年多2.3万人。", "2.3万人", change_direction::up, 23000},
      {"全年能耗下降2.9%。", "2.9%", change_direction::down, -2.9},
      {"库存商品减少4.2亿元。", "4.2亿元", change_direction::down, -4.2e8},
      {"不良贷款率降低0.3个百分点。", "0.3个百分点", change_direction::down, -0.3},
      {"失业率回落0.4个百分点。", "0.4个百分点", change_direction::down, -0.4},
      {"贸易逆差收窄12亿元。", "12亿元", change_direction::down, -1.2e9},
      {"城乡收入差距缩小0.06倍。", "0.06倍", change_direction::down, -0.06},
      {"批发业销售额比上年少3.5亿元。", "3.5亿元", change_direction::down, -3.5e8},
      {"蔬菜价格持平于0%。", "0%", change_direction::flat, 0},
  };
  for (const direction_case& c : cases) {
    INFO(c.sentence);
    const scan s(c.sentence);
    const auto& r = s.at(c.span);
    REQUIRE(r.has_change);
    CHECK(r.role == metric_role::change);
    CHECK(r.direction == c.dir);
    CHECK(std::fabs(r.delta - c.delta) <= 1e-9 * std::max(1.0, std::fabs(c.delta)));
  }
}

TEST_CASE("growth slots take the sign written", "[change]") {
  const scan a("固定资产投资增速（14.9%）领先全省。");
  CHECK(a.at("14.9%").direction == change_direction::up);
  CHECK(a.at("14.9%").delta == 14.9);
  CHECK(a.indicator("14.9%") == "固定资产投资");
  const scan b("民间投资增速为-2.1%。");
  CHECK(b.at("-2.1%").direction == change_direction::down);
  CHECK(b.at("-2.1%").delta == -2.1);
  const scan c("税收收入增幅为3.2%，国有土地出让收入降幅为15.6%。");
  CHECK(c.at("3.2%").direction == change_direction::up);
  CHECK(c.at("15.6%").direction == change_direction::down);
  CHECK(c.at("15.6%").delta == -15.6);
  const scan d("全年农业增加值增长0%。");
  CHECK(d.at("0%").direction == change_direction::flat);
  const scan e("利润总额增长-3.5%。");  // a verb with a written minus: the sign decides
  CHECK(e.at("-3.5%").direction == change_direction::down);
}

TEST_CASE("one-character verbs count only right after a base", "[change]") {
  const scan a("新增市场主体12.4万户，同比增3.2%。");
  CHECK(a.at("3.2%").has_change);
  CHECK(a.base("3.2%") == "同比");
  const scan b("今年少3个项目。");  // no base: shao is no change verb here
  REQUIRE(b.index("3个") != zhscan::npos);
  CHECK_FALSE(b.at("3个").has_change);
}

TEST_CASE("measure from the unit", "[change]") {
  const scan s("营业收入增长12.6%，毛利率下降2.3个百分点，研发人员增加86人，出口额增长1.5倍。");
  CHECK(s.at("12.6%").measure == change_measure::percent);
  CHECK(s.at("2.3个百分点").measure == change_measure::pp);
  CHECK(s.at("86人").measure == change_measure::absolute);
  // zengzhang 1.5 bei: delta 1.5 in multiples of the base, i.e. +150%
  CHECK(s.at("1.5倍").measure == change_measure::times);
  CHECK(s.at("1.5倍").delta == 1.5);
  const scan r("高新技术产品出口额是上年的2.5倍。");  // a ratio, not a change
  CHECK_FALSE(r.at("2.5倍").has_change);
  CHECK(r.at("2.5倍").role == metric_role::other);
}

TEST_CASE("base as written", "[change]") {
  struct base_case {
    const char* sentence;
    const char* span;
    const char* base;
  };
  const base_case cases[] = {
      {"营业收入同比增长12.6%。", "12.6%", "同比"},
      {"工业增加值环比增长0.6%。", "0.6%", "环比"},
      {"地区生产总值比上年增长5.3%。", "5.3%", "上年"},
      {"常住人口比上年末增加3.2万人。", "3.2万人", "上年末"},
      {"再融资债券比上年同期减少12.4亿元。", "12.4亿元", "上年同期"},
      {"存款余额比年初增加1560亿元。", "1560亿元", "年初"},
      {"旅游人数比2020年增长48.6%。", "48.6%", "2020年"},
      {"总资产较上年末增长7.4%。", "7.4%", "上年末"},
      {"各项税收比上年分别增长3.2%。", "3.2%", "上年"},
      {"一般公共预算收入与上年相比，增长5.1%。", "5.1%", "上年"},
  };
  for (const base_case& c : cases) {
    INFO(c.sentence);
    const scan s(c.sentence);
    REQUIRE(s.at(c.span).has_change);
    CHECK(s.base(c.span) == c.base);
  }
  const scan none("全年可比增长4.2%。");  // kebi: comparable, no base written
  CHECK(none.at("4.2%").has_change);
  CHECK(none.at("4.2%").base.empty());
  const scan kebi("农林牧渔业增加值按可比价格计算增长4.0%。");
  CHECK(kebi.at("4.0%").base.empty());
  CHECK(kebi.indicator("4.0%") == "农林牧渔业增加值");
}

TEST_CASE("level: the quantity of the same sentence that the change qualifies", "[change]") {
  const scan s("营业收入4.35亿元，同比增长12.6%；净利润6120万元，同比下降8.3%。");
  CHECK(s.level("12.6%") == "4.35亿元");
  CHECK(s.level("8.3%") == "6120万元");
  CHECK(s.indicator("12.6%") == "营业收入");
  CHECK(s.at("12.6%").delta == 12.6);
  const scan t("全年全市地区生产总值7890.12亿元，按不变价计算，比上年增长5.3%。");
  CHECK(t.level("5.3%") == "7890.12亿元");
  CHECK(t.indicator("7890.12亿元") == "地区生产总值");
  CHECK(t.indicator("5.3%") == "地区生产总值");
  // two changes of one level; a completion rate between them is no level
  const scan u("一般公共预算收入620.4亿元，为调整预算的101.2%，比上年增长5.1%。");
  CHECK(u.at("101.2%").role == metric_role::completion);
  CHECK_FALSE(u.at("101.2%").has_change);
  CHECK(u.level("5.1%") == "620.4亿元");
  const scan v("存款余额18640亿元，比年初增加1560亿元，增长9.1%。");
  CHECK(v.level("1560亿元") == "18640亿元");
  CHECK(v.level("9.1%") == "18640亿元");
  // a change with words of its own starts a new statement: no level
  const scan w("地区生产总值7890亿元。其中，第一产业增加值增长3.9%。");
  CHECK(w.at("3.9%").level == zhscan::npos);
  CHECK(w.indicator("3.9%") == "第一产业增加值");
  // the rate alone: no level
  const scan x("工业用电量下降1.6%。");
  CHECK(x.at("1.6%").level == zhscan::npos);
  CHECK(x.indicator("1.6%") == "工业用电量");
  // never across a sentence
  const scan y("粮食产量168万吨。增长2.4%。");
  CHECK(y.at("2.4%").level == zhscan::npos);
}

TEST_CASE("a change of a growth rate qualifies the rate", "[change]") {
  const scan s("全市规模以上工业增加值同比增长6.2%，比上月加快0.8个百分点。");
  CHECK(s.at("0.8个百分点").direction == change_direction::up);
  CHECK(s.base("0.8个百分点") == "上月");
  CHECK(s.level("0.8个百分点") == "6.2%");
  const scan t("固定资产投资同比增长4.7%，增速比1—10月份回落0.3个百分点。");
  CHECK(t.at("0.3个百分点").direction == change_direction::down);
  CHECK(t.base("0.3个百分点") == "1—10月份");
  CHECK(t.level("0.3个百分点") == "4.7%");
  CHECK(t.indicator("0.3个百分点") == "固定资产投资");
}

TEST_CASE("indicator: the words before the level or the verb, less fillers", "[change]") {
  const scan list("电力、热力、燃气及水生产和供应业增长4.4%。");
  CHECK(list.indicator("4.4%") == "电力、热力、燃气及水生产和供应业");
  const scan s("年末全市常住人口800.5万人，其中，城镇常住人口521.9万人。");
  CHECK(s.indicator("800.5万人") == "常住人口");
  CHECK(s.indicator("521.9万人") == "城镇常住人口");
  const scan t("报告期内，公司实现营业收入4.35亿元。");
  CHECK(t.indicator("4.35亿元") == "营业收入");
  const scan u("全市“三保”支出412.6亿元，增长5.8%。");
  CHECK(u.indicator("412.6亿元") == "“三保”支出");
  const scan v("规模以上工业增加值按可比价格计算增长5.6%。");
  CHECK(v.indicator("5.6%") == "规模以上工业增加值");
  const scan w("在校生29.6万人，在建工程0.92亿元。");
  CHECK(w.indicator("29.6万人") == "在校生");
  CHECK(w.indicator("0.92亿元") == "在建工程");
}

TEST_CASE("you A tigao dao B: both ends get the direction", "[change]") {
  const scan s("农村居民人均消费支出由19800元增加到21120元。");
  const std::size_t a = s.index("19800元"), b = s.index("21120元");
  REQUIRE(a != zhscan::npos);
  REQUIRE(b != zhscan::npos);
  CHECK(s.ms[b].change_from == a);
  CHECK(s.cs[a].has_change);
  CHECK(s.cs[b].has_change);
  CHECK(s.cs[a].direction == change_direction::up);
  CHECK(s.cs[b].direction == change_direction::up);
  CHECK(s.cs[b].delta == 1320);
  CHECK(s.cs[b].measure == change_measure::absolute);
  CHECK(s.indicator("21120元") == "农村居民人均消费支出");
  const scan p("优良天数比例由84.4%降低到82.5%。");
  CHECK(p.at("82.5%").direction == change_direction::down);
  CHECK(p.at("82.5%").measure == change_measure::pp);
  CHECK(p.at("82.5%").delta == -1.9);  // to the precision written, no double residue
  const scan q("研发投入提高到5860万元。");  // no from: a level reached, not a change
  CHECK_FALSE(q.at("5860万元").has_change);
  CHECK(q.indicator("5860万元") == "研发投入");
}

TEST_CASE("negatives: shares, completion rates, contributions, targets", "[change]") {
  const scan share("第三产业增加值占地区生产总值的比重为56.6%，比上年提高1.2个百分点。");
  CHECK_FALSE(share.at("56.6%").has_change);
  CHECK(share.at("56.6%").role == metric_role::level);  // a share is a level of its own
  CHECK(share.level("1.2个百分点") == "56.6%");
  const scan done("全年一般公共预算收入完成年度预算的100.3%。");
  CHECK_FALSE(done.at("100.3%").has_change);
  CHECK(done.at("100.3%").role == metric_role::completion);
  const scan contrib("最终消费支出拉动经济增长3.1个百分点，对经济增长的贡献率为58.2%。");
  CHECK_FALSE(contrib.at("3.1个百分点").has_change);
  CHECK(contrib.at("3.1个百分点").role == metric_role::contribution);
  CHECK_FALSE(contrib.at("58.2%").has_change);
  CHECK(contrib.at("58.2%").role == metric_role::contribution);
  // targets are left unlinked: no change record, no level of anything
  const scan target("全年经济增长目标为6%左右，一般公共预算收入预期增长5%左右。");
  CHECK_FALSE(target.at("6%左右").has_change);
  CHECK(target.at("6%左右").role == metric_role::target);
  CHECK_FALSE(target.at("5%左右").has_change);
  CHECK(target.at("5%左右").role == metric_role::target);
  const scan goal("2026年公司力争营业收入增长15%以上。");
  CHECK(goal.at("15%以上").role == metric_role::target);
}

TEST_CASE("rules as small functions", "[change]") {
  namespace r = zhscan::detail::change_rules;
  const std::string t = "比上年末提高";
  const r::verb_match v = r::change_word_before(t.data(), t.data() + t.size());
  REQUIRE(v.start == t.data() + 12);
  CHECK(v.kind == r::cw::up);
  const r::base_match b = r::base_before(t.data(), t.data(), v.start);
  CHECK(b.start == t.data());
  CHECK(b.base.in(t) == "上年末");
  CHECK(r::prev_char(t.data(), t.data()).len == 0);
}

TEST_CASE("deltas are exact decimals", "[change]") {
  // 4.35 - 0.8 and 65.2 - 64.4 are not exact in binary; the delta is the exact difference.
  const std::string t = "\u5229\u6DA6\u7531\u0030\u002E\u0038\u4EBF\u5143\u589E\u52A0\u5230"
                        "4.35\u4EBF\u5143\u3002\u57CE\u9547\u5316\u7387\u7531\u0036\u0034"
                        ".4%\u63D0\u9AD8\u5230\u0036\u0035.2%\u3002\u4EA7\u91CF\u4E0B\u964D"
                        "2.01\u4E07\u5428\u3002";
  std::vector<zhscan::metric> ms;
  zhscan::find_metrics(t, ms);
  std::vector<zhscan::metric_change> cs;
  zhscan::find_changes(t, ms, cs);
  std::vector<std::string> deltas;
  for (const zhscan::metric_change& c : cs) {
    if (!c.has_change) continue;
    char buf[zhscan::decimal_buffer_size];
    const auto r = c.delta_exact.to_chars(buf, buf + sizeof buf);
    deltas.emplace_back(buf, r.ptr);
    CHECK(c.delta == c.delta_exact.to_double());
  }
  // both ends of each you A ... dao B carry B - A; xiajiang 2.01 wan dun is -20100
  CHECK(deltas == std::vector<std::string>{"355000000", "355000000", "0.8", "0.8", "-20100"});
}

TEST_CASE("spans stay inside any input", "[change]") {
  std::mt19937 rng(14);
  const std::string_view pieces[] = {"增长", "下降", "比上年", "同比", "3.5%", "12亿元", "，", "。", "由", "提高到",
                          "\xE5", "\x80", "\xFF", "占", "的", "比重为", "（", "到", "5个百分点", "倍",
                          std::string_view("\0", 1), "目标", "其中", "年末"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) text += pieces[rng() % (sizeof pieces / sizeof pieces[0])];
    std::vector<zhscan::metric> ms;
    zhscan::find_metrics(text, ms);
    std::vector<zhscan::metric_change> cs;
    zhscan::find_changes(text, ms, cs);
    REQUIRE(cs.size() == ms.size());
    for (std::size_t i = 0; i < cs.size(); ++i) {
      const auto& c = cs[i];
      CHECK(c.indicator.start <= c.indicator.end);
      CHECK(c.indicator.end <= text.size());
      CHECK(c.base.start <= c.base.end);
      CHECK(c.base.end <= text.size());
      CHECK(c.verb.end <= text.size());
      CHECK((c.level == zhscan::npos || c.level < i));
      CHECK((c.has_change || c.level == zhscan::npos));
    }
  }
}
