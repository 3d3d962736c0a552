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

// One line per marker: indentation by level, marker text (the outline without headings).
std::string skeleton(std::string_view s) {
  std::vector<marker> ms;
  zhscan::find_markers(s, ms);
  std::string out;
  for (const marker& m : ms) {
    out.append(2 * (m.level - 1), ' ');
    out += std::string(m.span.in(s));
    out += '\n';
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
        "1[建设目标]\n"
        "  1.1[总体目标]\n"
        "  1.2[具体目标]\n"
        "    ㈠[网络全覆盖]\n"
        "    ㈡[应用常态化]\n"
        "2[建设任务]\n"
        "  2.1[基础设施]\n"
        "  2.2[资源平台]\n");
  check_nesting(doc);
}

TEST_CASE("document: one-line report whose headings run straight into their first item", "[outline]") {
  const std::string doc =
      "一、项目建设提速（一）重点项目。全年开工项目十二个。（二）招商引资。签约项目八个。"
      "二、安全生产形势平稳一是隐患排查全覆盖，排查企业四百家；二是执法检查常态化。"
      "三、相关工作推进情况（一）督查。开展督查三次。（二）考核。";
  CHECK(skeleton(doc) ==
        "一、\n  （一）\n  （二）\n二、\n  一是\n  二是\n三、\n  （一）\n  （二）\n");
  check_nesting(doc);
}

TEST_CASE("document: standard with bare chapter numbers and three decimal levels", "[outline]") {
  const std::string doc =
      "园林绿化养护技术规程\n"
      "1 总则\n1.1 为提高养护水平，制定本规程。\n1.2 本规程适用于城市公共绿地。\n"
      "2 术语\n2.1 绿地\n以植被为主要存在形态的用地。\n2.1.1 公园绿地\n向公众开放的绿地。\n"
      "2.1.2 防护绿地\n具有卫生隔离功能的绿地。\n2.2 养护\n对植物采取的管理措施。\n"
      "3 基本规定\n3.1 养护单位应具备相应能力，并按第2.1节的分类实施。\n";
  CHECK(skeleton(doc) ==
        "1\n  1.1\n  1.2\n2\n  2.1\n    2.1.1\n    2.1.2\n  2.2\n3\n  3.1\n");
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

// ---- more documents: original texts of the kinds users scrape, each with the noise of its
// source (converter chunk numbers, page footers, running headers, lost Word numbering, web
// frames and teaser lists). The expected outlines are a reader's judgement, written before
// the rules that produce them: chunk numbers, page furniture and teasers are not markers;
// unnumbered headings are not levels (gold rule 3), so lists under them sit at the level the
// heading's siblings' lists have.

TEST_CASE("document: city government work report with run-in lists in every shape", "[outline][documents]") {
  const std::string doc =
      "某市2024年政府工作报告\n"
      "——2024年1月15日在某市第十七届人民代表大会第三次会议上\n"
      "市长 王某某\n"
      "\n"
      "各位代表：\n"
      "现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n"
      "\n"
      "一、2023年工作回顾\n"
      "过去一年，面对复杂严峻的外部环境，我们坚持稳中求进工作总基调，全市经济社会发展呈现稳中有进、进中向好的良好态势。全市地区生产总值完成2860.5亿元，增长5.6%；一般公共预算收入完成186.3亿元，增长7.2%。\n"
      "一、二季度全市经济增速均高于全省平均水平，三季度起增速有所回落。\n"
      "（一）坚持项目为王，发展后劲持续增强。全年实施市级重点项目326个，完成投资1120亿元。一是招商引资成效明显，新签约亿元以上项目158个；二是要素保障更加有力，新增建设用地指标1.2万亩；三是营商环境持续优化，“一网通办”事项占比达到98.6%。\n"
      "（二）坚持创新驱动，产业结构不断优化。新增国家高新技术企业132家，总数达到865家。科技是第一生产力，全社会研发投入强度提高到2.35%。\n"
      "（三）坚持人民至上，民生福祉有效增进。民生支出占一般公共预算支出的78.5%。\n"
      "1.就业形势总体稳定。城镇新增就业5.8万人，城镇调查失业率控制在5.5%以内。\n"
      "2.教育事业优质均衡发展。新建改扩建中小学校24所，新增学位2.6万个。\n"
      "3.医疗卫生服务能力提升。市第一人民医院新院区建成投用。\n"
      "\n"
      "二、2024年工作安排\n"
      "今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长6.5%。重点抓好以下工作：\n"
      "（一）着力扩大有效需求。\n"
      "1.积极扩大有效投资。全年计划实施重点项目350个，年度计划投资1200亿元。\n"
      "2.全力促进消费恢复。举办各类促消费活动200场以上。\n"
      "（二）着力推进产业升级。坚持把发展经济的着力点放在实体经济上。\n"
      "（三）着力保障和改善民生。继续办好十件民生实事。\n"
      "\n"
      "三、全面加强政府自身建设\n"
      "新时代新征程，我们将从三个方面加强政府自身建设：第一，坚持依法行政，自觉接受人大法律监督和政协民主监督；第二，坚持务实高效，大力弘扬“马上就办”的工作作风；第三，坚持廉洁从政，驰而不息纠治“四风”。\n"
      "\n"
      "各位代表，奋斗成就梦想，实干赢得未来！让我们团结一心、砥砺前行，为奋力谱写现代化建设新篇章而努力奋斗！\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "  （一）\n"
        "    一是\n"
        "    二是\n"
        "    三是\n"
        "  （二）\n"
        "  （三）\n"
        "    1.\n"
        "    2.\n"
        "    3.\n"
        "二、\n"
        "  （一）\n"
        "    1.\n"
        "    2.\n"
        "  （二）\n"
        "  （三）\n"
        "三、\n"
        "  第一，\n"
        "  第二，\n"
        "  第三，\n");
  check_nesting(doc);
}

TEST_CASE("document: hospital summary with a chunk number before the title and page footers", "[outline][documents]") {
  const std::string doc =
      "1、某县人民医院2023年度工作总结\n"
      "\n"
      "2023年，在县委、县政府的坚强领导下，我院以患者为中心，以提高医疗质量为核心，圆满完成了全年各项工作任务。现将一年来的工作总结如下：\n"
      "一、主要业务指标完成情况\n"
      "全年门诊量达到42.6万人次，同比增长8.3%；出院患者2.15万人次，同比增长6.1%；床位使用率91.2%，平均住院日7.8天。\n"
      "二、医疗质量与安全\n"
      "（一）强化质量管理。\n"
      "1、落实核心制度。严格执行十八项医疗质量安全核心制度，全年开展病历质量检查12次。\n"
      "2、加强院感防控。院内感染发生率控制在1.5%以下。\n"
      "第 2 页 共 4 页\n"
      "3、提升护理水平。优质护理服务病区覆盖率达到100%。\n"
      "（二）推进学科建设。心血管内科获评市级重点专科，新开展新技术新项目23项，三级手术占比提高到\n"
      "第 3 页 共 4 页\n"
      "35.6%。\n"
      "三、人才队伍建设\n"
      "全年引进高层次人才8名，招聘医学院校毕业生46名，选派骨干医师赴上级医院进修学习19人次。\n"
      "1、加强人才培养。与省人民医院建立对口帮扶关系。\n"
      "2、完善绩效考核。修订绩效考核方案，分配向临床一线倾斜。\n"
      "四、存在的问题\n"
      "一是医疗服务能力与群众需求还有差距；二是人才引进难、留住难的问题仍然突出；三是信息化建设相对滞后。\n"
      "五、2024年工作计划\n"
      "（一）持续提升医疗质量。\n"
      "（二）加快推进新院区建设。力争年底前完成主体工程。\n"
      "（三）深化智慧医院建设。\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "二、\n"
        "  （一）\n"
        "    1、\n"
        "    2、\n"
        "    3、\n"
        "  （二）\n"
        "三、\n"
        "  1、\n"
        "  2、\n"
        "四、\n"
        "  一是\n"
        "  二是\n"
        "  三是\n"
        "五、\n"
        "  （一）\n"
        "  （二）\n"
        "  （三）\n");
  check_nesting(doc);
}

TEST_CASE("document: police summary, ASCII brackets, a footer and a running header between items", "[outline][documents]") {
  const std::string doc =
      "某县公安局2023年工作总结\n"
      "\n"
      "2023年，全县公安机关坚持以人民为中心的发展思想，全力防风险、保安全、护稳定、促发展，各项工作取得新成效。\n"
      "一、社会治安形势持续平稳\n"
      "全年共接报警情3.6万起，同比下降9.4%。刑事案件立案1,842起，同比下降12.6%；破获刑事案件1,205起，破案率65.4%。\n"
      "(一)严厉打击违法犯罪。\n"
      "1.深入推进常态化扫黑除恶斗争。打掉涉恶团伙3个，抓获犯罪嫌疑人27名。\n"
      "2.严打电信网络诈骗犯罪。破获电诈案件136起，止付冻结涉案资金2,360万元。\n"
      "- 2 -\n"
      "3.严厉打击“两抢一盗”犯罪。侦破盗窃案件412起。\n"
      "(二)强化治安防控体系建设。新建高清视频监控点位860个，“雪亮工程”覆盖率达到100%。\n"
      "二、道路交通安全形势总体稳定\n"
      "1.事故预防。全年发生道路交通事故1,326起，同比下降7.8%。\n"
      "某县公安局2023年工作总结\n"
      "2.严查交通违法。查处各类交通违法行为9.8万起，其中酒驾醉驾612起。\n"
      "3.宣传教育。开展交通安全“进农村、进学校、进企业”活动210场次。\n"
      "三、队伍建设\n"
      "坚持从严管党治警，全年开展警示教育12场次。(1)班子建设得到加强；(2)民警素质稳步提升。\n"
      "四、2024年工作打算\n"
      "(一)全力维护政治安全和社会稳定。\n"
      "(二)持续深化平安建设。\n"
      "(三)锻造过硬公安铁军。\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "  (一)\n"
        "    1.\n"
        "    2.\n"
        "    3.\n"
        "  (二)\n"
        "二、\n"
        "  1.\n"
        "  2.\n"
        "  3.\n"
        "三、\n"
        "  (1)\n"
        "  (2)\n"
        "四、\n"
        "  (一)\n"
        "  (二)\n"
        "  (三)\n");
  check_nesting(doc);
}

TEST_CASE("document: company summary whose Word numbering was lost (lists restart and continue)", "[outline][documents]") {
  const std::string doc =
      "某某科技股份有限公司2023年度工作总结\n"
      "\n"
      "2023年是公司实施“十四五”发展规划的关键一年。一年来，公司上下团结一心，攻坚克难，较好地完成了年初确定的各项目标任务。\n"
      "\n"
      "经营业绩稳中有升\n"
      "1、全年实现营业收入3.25亿元，同比增长12.8%；实现利润总额4,120万元，同比增长9.6%。\n"
      "2、新签合同额4.6亿元，创历史新高。\n"
      "3、应收账款周转天数下降至86天。\n"
      "研发创新成果丰硕\n"
      "1、全年研发投入2,860万元，占营业收入的8.8%。\n"
      "2、新申请发明专利18项，获得授权发明专利9项。\n"
      "管理水平不断提升\n"
      "4、完成ERP系统升级，实现业务财务一体化。\n"
      "5、通过ISO9001质量管理体系复审。\n"
      "存在的不足\n"
      "（1）市场开拓能力有待加强；\n"
      "（2）高端人才储备不足。\n"
      "2024年工作思路\n"
      "2024年，公司将重点做好以下工作：一是巩固传统市场，二是开拓海外市场，三是加快数字化转型。\n";
  CHECK(skeleton(doc) ==
        "1、\n"
        "2、\n"
        "3、\n"
        "1、\n"
        "2、\n"
        "4、\n"
        "5、\n"
        "（1）\n"
        "（2）\n"
        "一是\n"
        "二是\n"
        "三是\n");
  check_nesting(doc);
}

TEST_CASE("document: traditional-character report with chapters and sections", "[outline][documents]") {
  const std::string doc =
      "某縣教育局2023年度工作報告\n"
      "\n"
      "第一章　總體情況\n"
      "2023年，全縣教育系統深入貫徹落實黨的教育方針，各項事業取得新進展。全縣共有各級各類學校126所，在校學生8.65萬人。\n"
      "第一節　基礎教育\n"
      "一、學前教育普及普惠\n"
      "全縣學前三年毛入園率達到95.2%，普惠性幼兒園覆蓋率達到91.6%。\n"
      "二、義務教育優質均衡\n"
      "(一)推進集團化辦學。組建教育集團12個，覆蓋學校48所。\n"
      "(二)落實「雙減」政策。課後服務實現全覆蓋，學生參與率達到96.8%。\n"
      "第二節　職業教育\n"
      "一、產教融合深入推進。與36家企業簽訂合作協議。\n"
      "二、技能大賽成績優異。學生在省級技能大賽中獲一等獎3項、二等獎7項。\n"
      "第二章　存在問題\n"
      "一是城鄉教育資源配置仍不均衡；二是教師隊伍結構性矛盾突出；三是部分學校辦學條件有待改善。\n"
      "第三章　2024年工作打算\n"
      "第一節　重點任務\n"
      "一、加快學校建設。新建中小學3所。\n"
      "二、加強教師隊伍建設。全年招聘教師150名。\n"
      "第二節　保障措施\n"
      "一、加強組織領導。\n"
      "二、強化經費保障。\n";
  CHECK(skeleton(doc) ==
        "第一章\n"
        "  第一節\n"
        "    一、\n"
        "    二、\n"
        "      (一)\n"
        "      (二)\n"
        "  第二節\n"
        "    一、\n"
        "    二、\n"
        "第二章\n"
        "  一是\n"
        "  二是\n"
        "  三是\n"
        "第三章\n"
        "  第一節\n"
        "    一、\n"
        "    二、\n"
        "  第二節\n"
        "    一、\n"
        "    二、\n");
  check_nesting(doc);
}

TEST_CASE("document: forum repost with the site's frame and a teaser list", "[outline][documents]") {
  const std::string doc =
      "【转帖】2023年社区工作总结（供参考）\n"
      "发表于 2023-12-20 09:15 | 只看该作者 | 倒序浏览 | 阅读 1526 | 回复 8\n"
      "楼主\n"
      "2023年，我社区在街道党工委的正确领导下，紧紧围绕年初制定的工作目标，扎实开展各项工作，现总结如下：\n"
      "一、党建工作\n"
      "1. 加强班子建设。社区“两委”班子坚持每月召开一次民主生活会。\n"
      "2. 规范组织生活。全年召开党员大会4次，开展主题党日活动12次。\n"
      "二、民生服务\n"
      "1. 做好就业服务。全年帮助128名居民实现就业。\n"
      "2. 落实社会救助。为52户低保家庭发放低保金36.8万元。\n"
      "三、存在的不足\n"
      "社区工作人员少、任务重，精细化服务水平有待提高。\n"
      "四、明年打算\n"
      "一是抓好党建引领；二是提升服务水平；三是加强队伍建设。\n"
      "\n"
      "本帖最后由 社区小王 于 2023-12-21 10:02 编辑\n"
      "2楼\n"
      "感谢分享，写得很实在！\n"
      "3楼\n"
      "学习了，收藏备用。\n"
      "\n"
      "相关文章：\n"
      "1. 2023年社区党建工作总结范文\n"
      "2. 社区居委会年度工作报告（2023）\n"
      "3. 2024年社区工作计划方案\n"
      "上一篇：街道办事处2023年工作总结\n"
      "下一篇：2024年社区治理工作要点\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "  1.\n"
        "  2.\n"
        "二、\n"
        "  1.\n"
        "  2.\n"
        "三、\n"
        "四、\n"
        "  一是\n"
        "  二是\n"
        "  三是\n");
  check_nesting(doc);
}

TEST_CASE("document: PDF-wrapped plan with page footers inside sentences", "[outline][documents]") {
  const std::string doc =
      "某区卫生健康局2024年工作计划\n"
      "为深入贯彻落实健康中国战略，进一步提升全区卫生健康服\n"
      "务水平，结合我区实际，制定本计划。\n"
      "一、总体目标\n"
      "到2024年底，全区每千人口执业（助理）医师数达到3.2人，\n"
      "婴儿死亡率控制在4‰以下，居民健康素养水平达到30%以\n"
      "上。\n"
      "二、重点任务\n"
      "（一）深化医药卫生体制改革。推进紧密型县域医共体建\n"
      "设，实现乡镇卫生院全覆盖。\n"
      "1. 完善分级诊疗制度。推动优质医疗资源下沉，基层诊疗量\n"
      "占比达到65%以上。\n"
      "2. 加强公立医院运营管理。全面推行预算管理和成本核\n"
      "第 1 页 共 3 页\n"
      "算，公立医院医疗服务收入占比提高到35%。\n"
      "（二）提升公共卫生服务能力。按照《某某规定》第十二条第\n"
      "（一）项的要求，完善疾控体系。\n"
      "1. 加强疾病预防控制体系建设，区疾控中心实验室检测能力\n"
      "达到国家标准。\n"
      "2. 做好重点人群健康管理，65岁及以上老年人健康管理率达\n"
      "到72%。\n"
      "第 2 页 共 3 页\n"
      "3. 推进妇幼健康服务，孕产妇系统管理率保持在95%以上。\n"
      "三、保障措施\n"
      "（一）加强组织领导。成立工作领导小组，定期研究解决重大\n"
      "问题。\n"
      "（二）强化督导考核。将重点任务完成情况纳入年度绩效考核。\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "二、\n"
        "  （一）\n"
        "    1.\n"
        "    2.\n"
        "  （二）\n"
        "    1.\n"
        "    2.\n"
        "    3.\n"
        "三、\n"
        "  （一）\n"
        "  （二）\n");
  check_nesting(doc);
}

TEST_CASE("document: a flattened web page with a chunk number, run-in headings and a teaser", "[outline][documents]") {
  const std::string doc =
      "1、某乡镇2023年工作总结 首页 > 范文大全 > 工作总结 2023年，我镇在县委、县政府的正确领导下，紧紧围绕全年目标任务，各项工作取得了明显成效。现将有关情况总结如下： 一、经济发展稳中有进 全镇实现地区生产总值18.6亿元，同比增长6.2%。（一）农业生产稳定。粮食播种面积稳定在6.8万亩，总产量达到3.1万吨。（二）项目建设加快。全年实施重点项目15个，完成投资4.3亿元。 二、社会事业全面进步 （一）教育事业。投入资金860万元改造中心小学教学楼。（二）医疗卫生。镇卫生院新增床位20张。 三、2024年工作打算 一是抓好项目建设；二是抓好乡村振兴；三是抓好社会治理。 相关文章： 1. 2023年乡镇工作总结范文 2. 乡镇年度工作报告 3. 2024年乡镇工作计划方案\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "  （一）\n"
        "  （二）\n"
        "二、\n"
        "  （一）\n"
        "  （二）\n"
        "三、\n"
        "  一是\n"
        "  二是\n"
        "  三是\n");
  check_nesting(doc);
}

TEST_CASE("document: district summary with unnumbered top headings over (yi) and 1、", "[outline][documents]") {
  const std::string doc =
      "某街道办事处2023年工作总结\n"
      "\n"
      "今年以来，街道党工委、办事处紧紧围绕区委、区政府的决策部署，扎实推进各项工作。\n"
      "\n"
      "主要工作完成情况\n"
      "（一）经济发展稳中向好。全年完成固定资产投资12.6亿元。\n"
      "1、招商引资。新引进项目18个，总投资26亿元。\n"
      "2、服务企业。走访企业320家次，解决问题86个。\n"
      "（二）城市管理持续加强。\n"
      "1、环境整治。清理卫生死角1,260处。\n"
      "2、违建治理。拆除违法建设4.2万平方米。\n"
      "存在的问题\n"
      "（一）经济发展后劲不足。\n"
      "（二）社区治理精细化水平不高。\n"
      "2024年工作打算\n"
      "（一）全力抓好经济发展。\n"
      "（二）持续改善城市面貌。\n";
  CHECK(skeleton(doc) ==
        "（一）\n"
        "  1、\n"
        "  2、\n"
        "（二）\n"
        "  1、\n"
        "  2、\n"
        "（一）\n"
        "（二）\n"
        "（一）\n"
        "（二）\n");
  check_nesting(doc);
}

TEST_CASE("document: school summary with converter chunk numbers among its own 1、 lists", "[outline][documents]") {
  const std::string doc =
      "2、某镇中心小学2022—2023学年度工作总结\n"
      "\n"
      "本学年，我校以办人民满意教育为宗旨，全面落实立德树人根本任务，各项工作取得了较好成绩。\n"
      "一、德育工作\n"
      "1、加强养成教育。学校以行为习惯养成为抓手，开展文明班级评比活动，每周一评，每月一总结，学生的文明素养明显提高。\n"
      "2、开展主题活动。围绕重要节日开展爱国主义教育活动八次，组织学生参观红色教育基地，参加\n"
      "\n"
      "3、活动的学生达一千二百人次。\n"
      "3、加强家校共育。召开家长会两次，开展家访活动，教师家访率达到百分之百。\n"
      "二、教学工作\n"
      "1、抓好教学常规。每学期开展教学常规检查四次，及时反馈，限期整改。\n"
      "2、深化课堂改革。推进“学案导学”模式，组织青年教师赛课活动，十二名教师获奖。\n"
      "\n"
      "4、全校形成了比学赶超的良好氛围。\n"
      "3、重视质量监测。全区质量监测中，我校六年级语文、数学平均分均位居全镇第一。\n"
      "三、存在的问题\n"
      "（一）部分教师教育观念陈旧，课堂教学效率不高。\n"
      "（二）学校基础设施较为薄弱，功能室配备不足。\n"
      "\n"
      "5、四、今后努力方向\n"
      "（一）加强师资队伍建设。\n"
      "（二）改善办学条件。\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "  1、\n"
        "  2、\n"
        "  3、\n"
        "二、\n"
        "  1、\n"
        "  2、\n"
        "  3、\n"
        "三、\n"
        "  （一）\n"
        "  （二）\n"
        "四、\n"
        "  （一）\n"
        "  （二）\n");
  check_nesting(doc);
}

TEST_CASE("document: class teacher's summary with class names, dates and enumerations in sentences", "[outline][documents]") {
  const std::string doc =
      "2023—2024学年度第一学期班主任工作总结\n"
      "七年级（3）班 李老师\n"
      "\n"
      "本学期，我担任七年级（3）班班主任。回顾一学期的工作，现总结如下：\n"
      "一、班级基本情况\n"
      "本班共有学生48人，其中男生25人，女生23人。开学初，学生行为习惯较差，经过一学期的努力，班风明显好转。\n"
      "二、主要工作\n"
      "（一）加强班级常规管理。\n"
      "1.建立班干部队伍。通过民主选举产生班委会，明确分工：①班长负责全面工作；②学习委员负责作业收交；③劳动委员负责卫生安排。\n"
      "2.制定班级公约。全班同学共同讨论制定班级公约十条。\n"
      "（二）开展丰富多彩的班级活动。\n"
      "10.1前夕，组织“我和我的祖国”主题班会。\n"
      "（1）班和（2）班联合举办了拔河比赛，我班获得年级第一名。\n"
      "3、4月份将组织春季研学活动。\n"
      "（三）做好家校沟通。本学期共家访12次，电话联系家长60余人次。首先，建立班级家长群，及时发布通知；其次，定期召开家长会；最后，对特殊学生进行重点关注。\n"
      "三、存在的不足\n"
      "1.个别学生学习积极性不高，成绩提升缓慢，数学平均分与平行班相差1.5分。\n"
      "2.班级活动的组织还不够精细。\n"
      "四、下学期打算\n"
      "继续加强班级管理，力争把本班建设成为优秀班集体。\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "二、\n"
        "  （一）\n"
        "    1.\n"
        "      ①\n"
        "      ②\n"
        "      ③\n"
        "    2.\n"
        "  （二）\n"
        "  （三）\n"
        "    首先\n"
        "    其次\n"
        "    最后\n"
        "三、\n"
        "  1.\n"
        "  2.\n"
        "四、\n");
  check_nesting(doc);
}

TEST_CASE("document: traditional school report with financial numerals above yi-dun", "[outline][documents]") {
  const std::string doc =
      "某某國民小學112學年度校務工作報告\n"
      "\n"
      "壹、前言\n"
      "本校秉持「適性揚才、多元發展」之辦學理念，在全體教職員工共同努力下，校務推動順利。\n"
      "貳、校務推動成果\n"
      "一、教務工作\n"
      "(一)課程發展：完成校訂課程計畫之審查，並於校內公開展示。\n"
      "(二)教學精進：辦理教師專業學習社群6個，參與教師達42人。\n"
      "1.公開授課：全校教師皆完成至少1次公開授課。\n"
      "2.共同備課：各學年每週三下午進行共同備課。\n"
      "二、學務工作\n"
      "(一)品德教育：推動「品德核心價值」月主題活動。\n"
      "(二)體育活動：本校田徑隊於縣運動會獲得金牌3面、銀牌2面。\n"
      "參、未來展望\n"
      "一、持續精進教師教學專業。\n"
      "二、強化校園安全維護工作。\n"
      "三、深化親師合作，共創優質學習環境。\n";
  CHECK(skeleton(doc) ==
        "壹、\n"
        "貳、\n"
        "  一、\n"
        "    (一)\n"
        "    (二)\n"
        "      1.\n"
        "      2.\n"
        "  二、\n"
        "    (一)\n"
        "    (二)\n"
        "參、\n"
        "  一、\n"
        "  二、\n"
        "  三、\n");
  check_nesting(doc);
}

TEST_CASE("document: district summary with sub-headings, a footer and a running header inside a list, a teaser", "[outline][documents]") {
  const std::string doc =
      "某区市场监督管理局2023年工作总结\n"
      "（2024年1月8日）\n"
      "\n"
      "今年以来，区市场监管局坚持以习近平新时代中国特色社会主义思想为指导，聚焦“三个安全”，各项工作取得新进展。\n"
      "一、优化营商环境\n"
      "（一）深化商事制度改革。\n"
      "全年新登记各类市场主体1.26万户，同比增长8.7%。\n"
      "企业开办\n"
      "1.推行企业开办“一窗通办”，平均用时压缩至0.5个工作日。\n"
      "2.实施“证照分离”改革全覆盖。\n"
      "— 2 —\n"
      "某区市场监督管理局2023年工作总结\n"
      "个体工商户\n"
      "3.开展个体工商户分型分类培育，新增“名特优新”个体户56户。\n"
      "（二）加强知识产权保护。全区有效发明专利拥有量达到3,215件。\n"
      "二、守牢安全底线\n"
      "（一）食品安全。完成食品抽检2,860批次，合格率98.2%。\n"
      "（二）特种设备安全。检验特种设备4,120台（套），排查隐患136处，全部整改到位。\n"
      "三、存在的问题和下步打算\n"
      "一是监管力量与监管任务不匹配；二是智慧监管手段有待提升。下一步，我们将重点做好以下工作：\n"
      "1.持续优化营商环境；\n"
      "2.全面加强质量安全监管；\n"
      "3.加强干部队伍建设。\n"
      "\n"
      "热门文章\n"
      "1、2023年市场监管工作总结范文\n"
      "2、市场监督管理局个人述职报告\n"
      "3、2024年市场监管工作计划\n";
  CHECK(skeleton(doc) ==
        "一、\n"
        "  （一）\n"
        "    1.\n"
        "    2.\n"
        "    3.\n"
        "  （二）\n"
        "二、\n"
        "  （一）\n"
        "  （二）\n"
        "三、\n"
        "  一是\n"
        "  二是\n"
        "  1.\n"
        "  2.\n"
        "  3.\n");
  check_nesting(doc);
}

TEST_CASE("deep documents: every marker family nests four to six levels", "[outline]") {
  const std::string gbt =
      "第一章 总体要求\n一、指导思想\n（一）基本原则\n1.坚持统筹兼顾\n（1）科学规划。合理布局。\n"
      "①加强监测。及时预警。\n②完善机制。明确责任。\n（2）分步实施。逐年推进。\n2.坚持改革创新\n"
      "（二）主要目标\n二、重点任务\n第二章 保障措施\n";
  CHECK(skeleton(gbt) ==
        "第一章\n  一、\n    （一）\n      1.\n        （1）\n          ①\n          ②\n        （2）\n"
        "      2.\n    （二）\n  二、\n第二章\n");
  check_nesting(gbt);
  const std::string latin =
      "Ⅰ.发展现状\nA.基本情况\n1.人口规模\na)城镇人口稳步增长。\nb)农村人口有所减少。\n2.经济总量\n"
      "B.存在问题\nⅡ.对策建议\nA.加强规划\n";
  CHECK(skeleton(latin) == "Ⅰ.\n  A.\n    1.\n      a)\n      b)\n    2.\n  B.\nⅡ.\n  A.\n");
  check_nesting(latin);
  const std::string enclosed =
      "一、工作回顾\n㈠农业生产\n⒈粮食生产。全年播种面积稳定。\n⑴小麦。单产提高。\n⑵玉米。总产增加。\n"
      "⒉畜牧生产。存栏稳定。\n㈡工业生产\n二、工作打算\n";
  CHECK(skeleton(enclosed) == "一、\n  ㈠\n    ⒈\n      ⑴\n      ⑵\n    ⒉\n  ㈡\n二、\n");
  const std::string legal =
      "第一部分 总则\n第一章 一般规定\n第一节 适用范围\n第一条 本办法适用于全市。\n本条所称单位包括以下两类：\n"
      "第一款 行政机关。\n第二款 事业单位。\n第二条 本办法由市政府负责解释。\n第二节 职责分工\n第二章 附则\n"
      "第二部分 附录\n";
  CHECK(skeleton(legal) ==
        "第一部分\n  第一章\n    第一节\n      第一条\n        第一款\n        第二款\n      第二条\n"
        "    第二节\n  第二章\n第二部分\n");
  check_nesting(legal);
  const std::string run_in =
      "一、工作回顾\n（一）农业生产\n全年粮食生产稳定。其一，播种面积稳定；其二，单产有所提高。\n"
      "（二）工业生产\n第一，规模以上工业增加值增长。第二，技改投资增长较快。\n二、工作打算\n"
      "i.加强学习。深入领会精神。\nii.抓好落实。确保取得实效。\n";
  CHECK(skeleton(run_in) ==
        "一、\n  （一）\n    其一，\n    其二，\n  （二）\n    第一，\n    第二，\n二、\n  i.\n  ii.\n");
  check_nesting(run_in);
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
