// SPDX-License-Identifier: MIT
// Tests of zhscan::find_markers on the numbering systems of issue 11 (brackets, chapter /
// section / article, nested restarts, run-in enumerations, Markdown headings, spread-out
// markers and near-misses). Every snippet is original text written for these tests.
//
// Each style is checked on a short text (scalar path: the SIMD prefilter needs 256 bytes)
// and on the same text after more than 64 KiB of unnumbered prose, at every SIMD level the
// CPU has, so that a trigger byte the prefilters do not know fails here.
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/list_marker.hpp"

namespace {

using zhscan::find_markers;
using zhscan::marker;
using zhscan::simd_level;

// One line per marker: text|style|ordinal|level|parent text (or -), offsets relative to
// `base` (the markers before it are left out).
std::string render(std::string_view s, std::size_t base, simd_level level) {
  std::vector<marker> ms;
  find_markers(s, ms, nullptr, level);
  std::string out;
  for (const marker& m : ms) {
    if (m.span.start < base) continue;
    out += std::string(m.span.in(s));
    out += '|';
    out += std::string(zhscan::to_string(m.style));
    out += '|' + std::to_string(m.ordinal) + '|' + std::to_string(m.level) + '|';
    out += m.parent == zhscan::npos ? std::string("-") : std::string(ms[m.parent].span.in(s));
    out += '\n';
  }
  return out;
}

// More than 64 KiB of prose with no numeral, so the text after it takes the SIMD path.
const std::string& padding() {
  static const std::string pad = [] {
    std::string p;
    const std::string line =
        "这里是没有任何编号的说明文字，用来把文本拉长到向量化路径的门槛之上，内容本身并不重要。\n";
    while (p.size() <= 70 * 1024) p += line;
    return p;
  }();
  return pad;
}

// The markers of `doc` on its own and after the padding must be the same at every level.
// Levels in the long text are shifted by nothing: the padding has no marker.
std::string both(const std::string& doc) {
  const std::string shortr = render(doc, 0, simd_level::scalar);
  CHECK(render(doc, 0, simd_level::best) == shortr);
  const std::string longdoc = padding() + doc;
  REQUIRE(longdoc.size() > 65536);
  for (simd_level lv : {simd_level::scalar, simd_level::avx2, simd_level::avx512, simd_level::neon,
                        simd_level::best}) {
    INFO("SIMD level " << int(lv));
    CHECK(render(longdoc, padding().size(), lv) == shortr);
  }
  return shortr;
}

}  // namespace

TEST_CASE("styles: lenticular brackets, Han and Arabic", "[markers][styles]") {
  CHECK(both("【一】总体要求\n坚持稳中求进的工作总基调。\n【二】主要任务\n推进重点领域改革。\n"
             "【三】保障措施\n加强组织领导。\n") ==
        "【一】|bracket_han|1|1|-\n【二】|bracket_han|2|1|-\n【三】|bracket_han|3|1|-\n");
  CHECK(both("【1】基本情况\n全年运行平稳。\n【2】存在问题\n投入仍然不足。\n") ==
        "【1】|bracket_arabic|1|1|-\n【2】|bracket_arabic|2|1|-\n");
}

TEST_CASE("styles: tortoise-shell and square brackets, with a following dunhao or dot",
          "[markers][styles]") {
  CHECK(both("〔一〕指导思想\n以发展为主线。\n〔二〕工作目标\n到年底完成改造。\n") ==
        "〔一〕|bracket_han|1|1|-\n〔二〕|bracket_han|2|1|-\n");
  CHECK(both("〔1〕项目概况\n项目位于城区北部。\n〔2〕建设内容\n新建道路两条。\n") ==
        "〔1〕|bracket_arabic|1|1|-\n〔2〕|bracket_arabic|2|1|-\n");
  CHECK(both("［一］、组织机构\n成立工作专班。\n［二］、职责分工\n各部门各司其职。\n") ==
        "［一］、|bracket_han|1|1|-\n［二］、|bracket_han|2|1|-\n");
  CHECK(both("［1］．申报条件\n企业依法登记。\n［2］．申报材料\n提交申请书。\n") ==
        "［1］．|bracket_arabic|1|1|-\n［2］．|bracket_arabic|2|1|-\n");
  CHECK(both("[1]. 适用范围\n本细则适用于全区。\n[2]. 职责分工\n区财政局负责审核。\n") ==
        "[1].|bracket_arabic|1|1|-\n[2].|bracket_arabic|2|1|-\n");
}

TEST_CASE("styles: brackets that are not markers", "[markers][styles]") {
  // citations after a word, a document number in tortoise shells, a bracket before a comma
  CHECK(both("相关研究已有论述[1]，本文不再展开[2]。\n") == "");
  CHECK(both("根据市政发〔2023〕12号文件精神，现将有关事项通知如下。\n") == "");
  CHECK(both("见【1】，不再赘述。\n另见【2】，同上。\n") == "");
  // two kinds of brackets are two levels
  CHECK(both("【一】总体要求\n坚持稳中求进。\n〔1〕工作原则\n依法依规。\n〔2〕工作目标\n按期完成。\n"
             "【二】主要任务\n推进改革。\n") ==
        "【一】|bracket_han|1|1|-\n〔1〕|bracket_arabic|1|2|【一】\n〔2〕|bracket_arabic|2|2|【一】\n"
        "【二】|bracket_han|2|1|-\n");
}

TEST_CASE("styles: sections alone at the top level (annual report)", "[markers][styles]") {
  CHECK(both("某某股份有限公司2023年年度报告\n第一节 重要提示\n董事会保证报告内容真实。\n"
             "第二节 公司简介和主要财务指标\n公司于多年前成立。\n第三节 管理层讨论与分析\n"
             "一、报告期内公司所处行业情况\n行业保持增长。\n二、报告期内公司从事的主要业务\n"
             "主营业务未发生变化。\n第四节 公司治理\n公司治理结构完善。\n") ==
        "第一节|section|1|1|-\n第二节|section|2|1|-\n第三节|section|3|1|-\n"
        "一、|han_dun|1|2|第三节\n二、|han_dun|2|2|第三节\n第四节|section|4|1|-\n");
}

TEST_CASE("styles: regulation, chapters > sections > articles numbered on, references",
          "[markers][styles]") {
  CHECK(both("第一章 总则\n第一条 为了规范档案管理，制定本办法。\n第二条 本办法适用于本市各级机关。\n"
             "第二章 档案的收集\n第一节 一般规定\n第三条 机关应当依照第二款的规定移交档案。\n"
             "第四条 中华人民共和国公民可以依法利用档案。\n第二节 特别规定\n"
             "第五条 按照本章第一节和第三条第二项的规定执行，见5.2。\n第三章 附则\n"
             "第六条 本办法自发布之日起施行。\n") ==
        "第一章|chapter|1|1|-\n第一条|article|1|2|第一章\n第二条|article|2|2|第一章\n"
        "第二章|chapter|2|1|-\n第一节|section|1|2|第二章\n第三条|article|3|3|第一节\n"
        "第四条|article|4|3|第一节\n第二节|section|2|2|第二章\n第五条|article|5|3|第二节\n"
        "第三章|chapter|3|1|-\n第六条|article|6|2|第三章\n");
  // an article whose text follows without a space and starts with a name
  CHECK(both("第二十条 本条例所称单位。\n第二十一条中华人民共和国公民有权申请。\n"
             "第二十二条 根据第二十一条中的规定办理。\n") ==
        "第二十条|article|20|1|-\n第二十一条|article|21|1|-\n第二十二条|article|22|1|-\n");
}

TEST_CASE("styles: nested restarts decided by the outer sequence", "[markers][styles]") {
  CHECK(both("1、总体情况\n工作稳步推进。\n2、主要问题\n存在一些不足。\n3、下一步打算\n"
             "1、加强学习\n认真学习文件。\n2、改进作风\n深入基层调研。\n4、保障措施\n加强组织领导。\n") ==
        "1、|arabic_dun|1|1|-\n2、|arabic_dun|2|1|-\n3、|arabic_dun|3|1|-\n"
        "1、|arabic_dun|1|2|3、\n2、|arabic_dun|2|2|3、\n4、|arabic_dun|4|1|-\n");
  // no outer continuation: a restart (a new list at the same level), as before
  CHECK(both("1、总体情况\n工作稳步推进。\n2、主要问题\n存在一些不足。\n1、加强学习\n认真学习文件。\n"
             "2、改进作风\n深入基层调研。\n3、狠抓落实\n确保见到实效。\n") ==
        "1、|arabic_dun|1|1|-\n2、|arabic_dun|2|1|-\n1、|arabic_dun|1|1|-\n"
        "2、|arabic_dun|2|1|-\n3、|arabic_dun|3|1|-\n");
}

TEST_CASE("styles: a nested list announced by a lead-in reaches the outer number",
          "[markers][styles]") {
  // 3 items nested in item 3, then 4: both lists could take 4; the colon says nested.
  CHECK(both("1、党建引领\n坚持党建引领。\n2、民生服务\n完善服务体系。\n3、平安建设\n主要包括以下方面：\n"
             "1、矛盾调解\n建立排查机制。\n2、治安防控\n加强巡逻。\n3、消防安全\n开展排查。\n"
             "4、文化建设\n丰富生活。\n") ==
        "1、|arabic_dun|1|1|-\n2、|arabic_dun|2|1|-\n3、|arabic_dun|3|1|-\n1、|arabic_dun|1|2|3、\n"
        "2、|arabic_dun|2|2|3、\n3、|arabic_dun|3|2|3、\n4、|arabic_dun|4|1|-\n");
  // ... unless the outer 4 comes again after the nested list's own 4 and 5
  CHECK(both("1、党建引领\n坚持党建引领。\n2、民生服务\n完善服务体系。\n3、平安建设\n主要包括以下方面：\n"
             "1、矛盾调解\n建立排查机制。\n2、治安防控\n加强巡逻。\n3、消防安全\n开展排查。\n"
             "4、交通安全\n整治隐患。\n5、网格管理\n细化网格。\n4、文化建设\n丰富生活。\n") ==
        "1、|arabic_dun|1|1|-\n2、|arabic_dun|2|1|-\n3、|arabic_dun|3|1|-\n1、|arabic_dun|1|2|3、\n"
        "2、|arabic_dun|2|2|3、\n3、|arabic_dun|3|2|3、\n4、|arabic_dun|4|2|3、\n5、|arabic_dun|5|2|3、\n"
        "4、|arabic_dun|4|1|-\n");
}

TEST_CASE("styles: a nested restart inside a nested restart", "[markers][styles]") {
  CHECK(both("1、总体情况\n稳步推进。\n2、主要做法\n1、建立制度\n明确职责。\n2、完善机制\n健全流程。\n"
             "3、创新方式\n1、定期会商\n每月一次。\n2、联合督查\n每季一次。\n4、强化保障\n落实经费。\n"
             "3、下一步打算\n继续推进。\n") ==
        "1、|arabic_dun|1|1|-\n2、|arabic_dun|2|1|-\n1、|arabic_dun|1|2|2、\n2、|arabic_dun|2|2|2、\n"
        "3、|arabic_dun|3|2|2、\n1、|arabic_dun|1|3|3、\n2、|arabic_dun|2|3|3、\n4、|arabic_dun|4|2|2、\n"
        "3、|arabic_dun|3|1|-\n");
}

TEST_CASE("styles: depth six and more, with a nested restart at the bottom", "[markers][styles]") {
  CHECK(both("一、总体要求\n（一）指导思想\n1.基本原则\n（1）依法行政\n①权责一致\nA.职能清晰\n"
             "a.分工明确\n内容一。\nb.衔接顺畅\n内容二。\nc.考核到位\n  a.先行试点\n内容三。\n"
             "  b.逐步推开\n内容四。\nd.总结提高\n内容五。\nB.程序规范\n内容六。\n②执法严明\n内容七。\n"
             "二、主要任务\n推进改革。\n") ==
        "一、|han_dun|1|1|-\n（一）|paren_han|1|2|一、\n1.|arabic_dot|1|3|（一）\n"
        "（1）|paren_arabic|1|4|1.\n①|circled|1|5|（1）\nA.|latin_dot|1|6|①\n"
        "a.|latin_dot|1|7|A.\nb.|latin_dot|2|7|A.\nc.|latin_dot|3|7|A.\na.|latin_dot|1|8|c.\n"
        "b.|latin_dot|2|8|c.\nd.|latin_dot|4|7|A.\nB.|latin_dot|2|6|①\n②|circled|2|5|（1）\n"
        "二、|han_dun|2|1|-\n");
}

TEST_CASE("styles: run-in enumerations", "[markers][styles]") {
  CHECK(both("工作安排如下：第一是加强学习，提高认识；第二是完善制度；第三是强化监督。\n") ==
        "第一是|enum_shi|1|1|-\n第二是|enum_shi|2|1|-\n第三是|enum_shi|3|1|-\n");
  CHECK(both("原因有三：其一，基础薄弱；其二，投入不足；其三，人才缺乏。\n") ==
        "其一，|qi_ordinal|1|1|-\n其二，|qi_ordinal|2|1|-\n其三，|qi_ordinal|3|1|-\n");
  CHECK(both("这样安排有好处，一来可以节省时间，二来可以提高效率。\n") ==
        "一来|enum_shi|1|1|-\n二来|enum_shi|2|1|-\n");
  CHECK(both("重点抓好三项工作：一  是加强领导；二  是改进作风；三  是狠抓落实。\n") ==
        "一  是|enum_shi|1|1|-\n二  是|enum_shi|2|1|-\n三  是|enum_shi|3|1|-\n");
  // not enumerations: a rank, an idiom, a lone member
  CHECK(both("他在比赛中获得第一是因为训练刻苦。\n") == "");
  CHECK(both("两人一来二去就熟悉了，他一来就开始工作。\n") == "");
}

TEST_CASE("styles: GB/T 1.1 and Markdown headings", "[markers][styles]") {
  CHECK(both("1 范围\n本标准规定了技术要求。\n2 术语和定义\n2.1 样品\n用于检测的物品。\n2.1.1 批次\n"
             "同一条件生产。\n2.2 要求\n应符合下列要求：\na) 外观完好；\nb) 标志清晰：\n1) 字体端正；\n"
             "2) 颜色统一。\n3 试验方法\n见5.2，按4.3.1的规定执行。\n") ==
        "1|decimal_outline|1|1|-\n2|decimal_outline|2|1|-\n2.1|decimal_outline|1|2|2\n"
        "2.1.1|decimal_outline|1|3|2.1\n2.2|decimal_outline|2|2|2\na)|latin_paren|1|3|2.2\n"
        "b)|latin_paren|2|3|2.2\n1)|arabic_paren|1|4|b)\n2)|arabic_paren|2|4|b)\n"
        "3|decimal_outline|3|1|-\n");
  CHECK(both("# 消息队列使用手册\n## 1 生产者\n生产者负责发送消息。\n### 1.1 使用\n调用接口即可。\n"
             "#### 1 Keys的使用\n键的说明。\n#### 2 Values的使用\n值的说明。\n### 1.2 配置\n修改配置文件。\n"
             "#### 1 基本配置\n说明。\n## 2 消费者\n消费者负责接收消息。\n") ==
        "1|decimal_outline|1|1|-\n1.1|decimal_outline|1|2|1\n1|decimal_outline|1|3|1.1\n"
        "2|decimal_outline|2|3|1.1\n1.2|decimal_outline|2|2|1\n1|decimal_outline|1|3|1.2\n"
        "2|decimal_outline|2|1|-\n");
}

TEST_CASE("styles: enclosed, stems, Latin, Roman, full-width and financial numerals",
          "[markers][styles]") {
  CHECK(both("㈠总体要求\n稳中求进。\n㈡主要任务\n推进改革。\n") ==
        "㈠|enclosed_han|1|1|-\n㈡|enclosed_han|2|1|-\n");
  CHECK(both("⑴总体要求\n稳中求进。\n⑵主要任务\n推进改革。\n") ==
        "⑴|enclosed_paren|1|1|-\n⑵|enclosed_paren|2|1|-\n");
  CHECK(both("⒈总体要求\n稳中求进。\n⒉主要任务\n推进改革。\n") ==
        "⒈|enclosed_stop|1|1|-\n⒉|enclosed_stop|2|1|-\n");
  CHECK(both("㉑第二十一项任务\n推进改革。\n㉒第二十二项任务\n加强监管。\n") ==
        "㉑|circled|21|1|-\n㉒|circled|22|1|-\n");
  CHECK(both("甲、总体要求\n稳中求进。\n乙、主要任务\n推进改革。\n丙、保障措施\n加强领导。\n") ==
        "甲、|tiangan|1|1|-\n乙、|tiangan|2|1|-\n丙、|tiangan|3|1|-\n");
  CHECK(both("A. 总体要求\n稳中求进。\nB. 主要任务\n推进改革。\n") ==
        "A.|latin_dot|1|1|-\nB.|latin_dot|2|1|-\n");
  CHECK(both("(a)总体要求\n稳中求进。\n(b)主要任务\n推进改革。\n") ==
        "(a)|latin_paren|1|1|-\n(b)|latin_paren|2|1|-\n");
  CHECK(both("Ⅰ. 总体要求\n稳中求进。\nⅡ. 主要任务\n推进改革。\n") ==
        "Ⅰ.|roman|1|1|-\nⅡ.|roman|2|1|-\n");
  CHECK(both("ⅰ. 总体要求\n稳中求进。\nⅱ. 主要任务\n推进改革。\n") ==
        "ⅰ.|roman|1|1|-\nⅱ.|roman|2|1|-\n");
  CHECK(both("I. 总体要求\n稳中求进。\nII. 主要任务\n推进改革。\n") ==
        "I.|roman|1|1|-\nII.|roman|2|1|-\n");
  CHECK(both("１．总体要求\n稳中求进。\n２．主要任务\n推进改革。\n") ==
        "１．|arabic_dot|1|1|-\n２．|arabic_dot|2|1|-\n");
  CHECK(both("壹、总体要求\n稳中求进。\n贰、主要任务\n推进改革。\n叁、保障措施\n加强领导。\n") ==
        "壹、|han_dun|1|1|-\n贰、|han_dun|2|1|-\n叁、|han_dun|3|1|-\n");
}

TEST_CASE("styles: spread-out markers and near-misses", "[markers][styles]") {
  CHECK(both("第 一 章 总则\n内容从略。\n第 二 章 管理\n内容从略。\n") ==
        "第 一 章|chapter|1|1|-\n第 二 章|chapter|2|1|-\n");
  CHECK(both("（ 一 ）总体要求\n稳中求进。\n（ 二 ）主要任务\n推进改革。\n") ==
        "（ 一 ）|paren_han|1|1|-\n（ 二 ）|paren_han|2|1|-\n");
  CHECK(both("全市Ⅲ类水质断面比例提高，\n二级公路里程增加，一类地区补贴标准提高，"
             "第一、二、三产业协调发展。\n") == "");
}

TEST_CASE("styles: every SIMD level finds the same bracket markers in noise", "[markers][styles]") {
  // Pseudo-random text over an alphabet dense in bracket shapes and their near-misses.
  const char* const parts[] = {"【", "】", "〔", "〕", "［", "］", "[", "]", "〖", "〒", "一", "二", "三",
                               "1", "2", "3", "１", "、", ".", "．", "。", "，", "\n", " ", "文", "字",
                               "工作", "X", "+", "(", ")", "第", "节", "条", "是", "来", "#", "：", "a"};
  const std::size_t np = sizeof(parts) / sizeof(parts[0]);
  std::uint32_t seed = 12345;
  std::string t;
  while (t.size() < 100 * 1024) {
    seed = seed * 1103515245u + 12345u;
    t += parts[(seed >> 16) % np];
  }
  std::vector<marker> a, b;
  find_markers(t, a, nullptr, simd_level::scalar);
  REQUIRE(!a.empty());
  for (simd_level lv : {simd_level::avx2, simd_level::avx512, simd_level::neon, simd_level::best}) {
    find_markers(t, b, nullptr, lv);
    REQUIRE(b.size() == a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(b[i].span.start == a[i].span.start);
      CHECK(b[i].span.end == a[i].span.end);
      CHECK(b[i].level == a[i].level);
    }
  }
}
