// SPDX-License-Identifier: MIT
// Tests of zhscan::outline (include/zhscan/outline.hpp): headings, bodies, the tree of
// hand-written report-style documents (original text written for these tests).
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/outline.hpp"

namespace {

using zhscan::marker;
using zhscan::section;

// One line per section: indentation by level, marker text, [heading].
std::string tree(std::string_view s) {
  std::vector<marker> ms;
  zhscan::find_markers(s, ms);
  std::vector<section> secs;
  zhscan::outline(s, ms, secs);
  std::string out;
  for (const section& sec : secs) {
    out.append(2 * (sec.level - 1), ' ');
    out += std::string(ms[sec.marker].span.in(s));
    out += '[';
    out += std::string(sec.heading.in(s));
    out += "]\n";
  }
  return out;
}

void check_nesting(std::string_view s) {
  std::vector<marker> ms;
  zhscan::find_markers(s, ms);
  std::vector<section> secs;
  zhscan::outline(s, ms, secs);
  REQUIRE(secs.size() == ms.size());
  for (std::size_t i = 0; i < secs.size(); ++i) {
    const section& c = secs[i];
    CHECK(c.marker == i);
    CHECK(c.level == ms[i].level);
    CHECK(ms[i].span.end <= c.body.start);
    CHECK(c.heading.start <= c.heading.end);
    CHECK(c.body.start <= c.body.end);
    CHECK(c.body.end <= s.size());
    if (!c.heading.empty()) {
      CHECK(c.heading.start >= ms[i].span.end);
      CHECK(c.heading.end == c.body.start);
    }
    if (c.parent != zhscan::npos) {
      const section& p = secs[c.parent];
      CHECK(c.parent < i);
      CHECK(p.level + 1 == c.level);
      CHECK(p.body.start <= ms[i].span.start);
      CHECK(c.body.end <= p.body.end);
      CHECK(c.heading.end <= p.body.end);
    }
  }
}

}  // namespace

TEST_CASE("heading: the marker's line up to the first sentence end", "[outline]") {
  const std::string s =
      "一、总体要求\n（一）指导思想。坚持稳中求进。\n（二）主要目标：到2025年全面达标。\n";
  std::vector<marker> ms;
  zhscan::find_markers(s, ms);
  std::vector<section> secs;
  zhscan::outline(s, ms, secs);
  REQUIRE(secs.size() == 3);
  CHECK(secs[0].heading.in(s) == "总体要求");
  CHECK(secs[1].heading.in(s) == "指导思想");
  CHECK(secs[2].heading.in(s) == "主要目标");  // a colon ends a heading too
  CHECK(secs[1].parent == 0);
  CHECK(secs[1].body.in(s) == "。坚持稳中求进。\n");
  CHECK(secs[0].body.start == secs[0].heading.end);
  CHECK(secs[0].body.end == s.size());
}

TEST_CASE("heading: empty when the marker is followed directly by body text", "[outline]") {
  SECTION("run-in enumerations and legal articles open statements") {
    CHECK(tree("（一）保障。一是加大投入；二是优化结构。\n") == "（一）[保障]\n  一是[]\n  二是[]\n");
    CHECK(tree("第一条 为了规范管理，制定本办法。\n第二条 本办法自公布之日起施行。\n") ==
          "第一条[]\n第二条[]\n");
  }
  SECTION("a long first sentence is body text, not a title") {
    const std::string s =
        "1.在学前教育方面，完成城东幼儿园和城西幼儿园新建工程，及早投用三所小区配套幼儿园，实施机关幼儿园迁建工程，力争公办园在园幼儿占比达到六成。\n"
        "2.加快实施扩容。\n";
    CHECK(tree(s) == "1.[]\n2.[加快实施扩容]\n");
  }
  SECTION("a run-on item reaching a semicolon") {
    CHECK(tree("（1）增加预算；（2）争取补助。\n") == "（1）[]\n（2）[争取补助]\n");
  }
  SECTION("nothing after the marker on its line") {
    CHECK(tree("一、\n加强领导，落实责任。\n二、\n健全机制。\n") == "一、[]\n二、[]\n");
  }
}

TEST_CASE("heading: one-line documents separate paragraphs by spaces", "[outline]") {
  const std::string s =
      "一、2023年工作回顾 过去一年，全县上下攻坚克难。 （一）经济运行稳中向好。 地区生产总值增长百分之六。";
  CHECK(tree(s) == "一、[2023年工作回顾]\n  （一）[经济运行稳中向好]\n");
  CHECK(tree("第一章 总则\n第一节 目的\n") == "第一章[总则]\n  第一节[目的]\n");
}

TEST_CASE("body: to the next marker of the same or a higher level", "[outline]") {
  const std::string s = "一、甲项工作\n（一）子项\n内容一。\n（二）子项\n内容二。\n二、乙项工作\n内容三。\n";
  std::vector<marker> ms;
  zhscan::find_markers(s, ms);
  std::vector<section> secs;
  zhscan::outline(s, ms, secs);
  REQUIRE(secs.size() == 4);
  CHECK(secs[0].body.end == ms[3].span.start);
  CHECK(secs[1].body.end == ms[2].span.start);
  CHECK(secs[2].body.end == ms[3].span.start);
  CHECK(secs[3].body.end == s.size());
  check_nesting(s);
}

TEST_CASE("outline(text) convenience and empty input", "[outline]") {
  CHECK(zhscan::outline("").empty());
  CHECK(zhscan::outline("没有任何编号的一段话。").empty());
  const std::vector<section> v = zhscan::outline("一、回顾\n二、打算\n");
  REQUIRE(v.size() == 2);
  CHECK(v[1].parent == zhscan::npos);
}

// ---- hand-written report-style documents -------------------------------------------------

TEST_CASE("document: county government work report, full-width styles and circled items", "[outline]") {
  const std::string doc =
      "某县2024年政府工作报告\n\n"
      "各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n\n"
      "一、2023年工作回顾\n"
      "过去一年，我们坚持稳中求进工作总基调，主要做了以下工作：\n"
      "（一）坚持项目为王，经济运行回升向好。全年实施重点项目１２０个，完成投资８６亿元。\n"
      "１．工业经济提质增效。新增规上工业企业１８家，规上工业增加值增长９.２%。\n"
      "２．现代农业稳步发展。粮食总产量稳定在４０万吨以上。\n"
      "（二）坚持民生为本，群众福祉持续增进。民生支出占一般公共预算支出的比重达到八成。\n"
      "１．教育事业均衡发展。新建改扩建学校六所，新增学位三千个。其中：①城区新建小学两所；②乡镇改建初中四所。\n"
      "２．医疗服务不断完善。县人民医院新院区投入使用。\n\n"
      "二、2024年主要工作\n"
      "今年经济社会发展的主要预期目标是：地区生产总值增长６%左右。重点抓好以下工作：\n"
      "（一）扩大有效投资。首先，要抓好项目谋划；其次，要强化要素保障；最后，要优化服务环境。\n"
      "（二）增进民生福祉。办好十件民生实事。\n\n"
      "各位代表，新征程催人奋进，让我们团结一心，奋力谱写新篇章！\n";
  CHECK(tree(doc) ==
        "一、[2023年工作回顾]\n"
        "  （一）[坚持项目为王，经济运行回升向好]\n"
        "    １．[工业经济提质增效]\n"
        "    ２．[现代农业稳步发展]\n"
        "  （二）[坚持民生为本，群众福祉持续增进]\n"
        "    １．[教育事业均衡发展]\n"
        "      ①[]\n"  // a run-on item that reaches a semicolon: no title
        "      ②[乡镇改建初中四所]\n"
        "    ２．[医疗服务不断完善]\n"
        "二、[2024年主要工作]\n"
        "  （一）[扩大有效投资]\n"
        "    首先[]\n"
        "    其次[]\n"
        "    最后[]\n"
        "  （二）[增进民生福祉]\n");
  check_nesting(doc);
}

TEST_CASE("document: regulation with parts, chapters and articles, traditional text", "[outline]") {
  const std::string doc =
      "某市校外培訓機構管理辦法\n"
      "第一章　總則\n"
      "第一條　為規範校外培訓行為，根據有關法律法規，制定本辦法。\n"
      "第二條　本辦法適用於本市行政區域內的校外培訓機構。依照本辦法第一條規定的原則執行。\n"
      "第二章　設立與變更\n"
      "第三條　設立校外培訓機構，應當具備下列條件：\n"
      "（一）有符合規定的場所；\n"
      "（二）有相應的師資隊伍；\n"
      "（三）有穩定的資金來源。\n"
      "第四條　機構變更名稱的，應當辦理變更手續。\n"
      "第三章　附則\n"
      "第五條　本辦法自公布之日起施行。\n";
  CHECK(tree(doc) ==
        "第一章[總則]\n"
        "  第一條[]\n"
        "  第二條[]\n"
        "第二章[設立與變更]\n"
        "  第三條[]\n"
        "    （一）[]\n"
        "    （二）[]\n"
        "    （三）[有穩定的資金來源]\n"
        "  第四條[]\n"
        "第三章[附則]\n"
        "  第五條[]\n");
  check_nesting(doc);
}

TEST_CASE("document: one-line school summary with Roman and Latin levels", "[outline]") {
  const std::string doc =
      "实验学校2023学年工作总结 发布时间：2024-01-10 "
      "Ⅰ.办学成效 本学年学校各项工作稳步推进。 A.德育工作 开展主题班会四十场。 "
      "B.教学工作 中考平均分位居全区前列。 Ⅱ.问题与不足 "
      "A.师资结构 青年教师占比偏低。 B.办学空间 生均用地面积不足。 "
      "Ⅲ.下步打算 第一，优化师资结构；第二，推进校舍扩建；第三，深化课程改革。";
  CHECK(tree(doc) ==
        "Ⅰ.[办学成效]\n"
        "  A.[德育工作]\n"
        "  B.[教学工作]\n"
        "Ⅱ.[问题与不足]\n"
        "  A.[师资结构]\n"
        "  B.[办学空间]\n"
        "Ⅲ.[下步打算]\n"
        "  第一，[]\n"
        "  第二，[]\n"
        "  第三，[]\n");
  check_nesting(doc);
}

TEST_CASE("document: plan with decimal outline numbering and enclosed ideographs", "[outline]") {
  const std::string doc =
      "智慧校园建设实施方案\n"
      "1 建设目标\n"
      "1.1 总体目标\n到2025年，建成覆盖全市中小学的智慧校园体系。\n"
      "1.2 具体目标\n㈠网络全覆盖。所有学校接入千兆光纤。\n㈡应用常态化。师生平台使用率达到九成。\n"
      "2 建设任务\n"
      "2.1 基础设施\n更新教室多媒体设备一千套。\n"
      "2.2 资源平台\n建设市级教育资源平台。\n";
  CHECK(tree(doc) ==
        "1.1[总体目标]\n"
        "1.2[具体目标]\n"
        "  ㈠[网络全覆盖]\n"
        "  ㈡[应用常态化]\n"
        "2.1[基础设施]\n"
        "2.2[资源平台]\n");
  check_nesting(doc);
}

TEST_CASE("document: converter noise, lost delimiters and a preamble list", "[outline]") {
  const std::string doc =
      "镇中心学校工作总结\n"
      "上传时间：2023-07-08  文档页数：3\n第1页/共3页\n\n"
      "本学年，学校着力做好三方面工作：一是抓党建，二是抓质量，三是抓安全。\n"
      "一、加强党建引领\n"
      "（一）落实从严治党。全年开展主题党日活动十二次，组织集中学习二十次，党员参学率达到百分之百，"
      "评选优秀党员十五名，教师\n\n2、队伍的凝聚力明显增强。\n"
      "（二）推进文明创建。学校获评市级文明校园。\n"
      "二加强队伍建设\n"
      "（一）师德师风建设常抓不懈。\n"
      "（二）教师专业成长成效明显。\n"
      "三、提高教育质量\n"
      "小学部一、二年级学生全部参加了阅读节活动。\n"
      "（一）课堂教学改革深入推进。\n";
  CHECK(tree(doc) ==
        "一是[]\n"
        "二是[]\n"
        "三是[]\n"
        "一、[加强党建引领]\n"
        "  （一）[落实从严治党]\n"
        "  （二）[推进文明创建]\n"
        "二[加强队伍建设]\n"
        "  （一）[师德师风建设常抓不懈]\n"
        "  （二）[教师专业成长成效明显]\n"
        "三、[提高教育质量]\n"
        "  （一）[课堂教学改革深入推进]\n");
  check_nesting(doc);
}

TEST_CASE("nesting invariants on every shape at once", "[outline]") {
  std::string s;
  const char* lines[] = {"第一部分 回顾\n", "第一章 总则\n", "一、甲项\n", "（一）子项。内容。\n",
                         "1.细项。一是甲；二是乙。\n", "（1）条目。\n", "①要点。\n", "②要点。\n",
                         "（2）条目。\n", "2.细项。\n", "（二）子项。\n", "二、乙项\n",
                         "第二章 附则\n", "第二部分 打算\n"};
  for (int round = 0; round < 3; ++round)
    for (const char* l : lines) s += l;
  check_nesting(s);
}
