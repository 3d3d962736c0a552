// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_METRIC_HPP
#define ZHSCAN_METRIC_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "numeral.hpp"
#include "detail/cpu.hpp"
#include "detail/metric_number.hpp"
#include "detail/metric_scan.hpp"
#include "detail/metric_text.hpp"
#include "detail/unit_table.hpp"

/**
 * Quantities in Chinese prose: 465 wan yuan, 13.73 wan square metres, 3000 duo wan yuan,
 * 54.96%, bai fen zhi san shi, 45:55, 2-3 suo, with the value normalised (magnitude folded
 * in), the unit normalised, its category, and the approximation.
 *
 * The rules (each one a rule a reader states; see also ../shared/gold/README.md):
 *  - A metric is a number followed by a unit from the lexicon (detail/unit_table.hpp); a
 *    percent, ratio or fraction form; or a range of two numbers sharing a unit. A bare number
 *    is never a metric (identifiers, page numbers, codes, web counters have no unit).
 *  - Span = [hedge or da] + number + [magnitude] + [duo/yu] + [magnitude] + unit +
 *    [yishang / yixia / zuoyou / shangxia / zhiduo / ji yishang ...].
 *  - Calendar and clock: a number before month / day / hao / hour words is a date; nian after
 *    a 4-digit (or 0-led, or date-continued 2-digit) number, or a Han digit-by-digit run, is a
 *    calendar year. Otherwise N nian is a duration.
 *  - Ordinals and ranks: di + N, qian/hou N ming, grade/prize words (nianji, dengjiang), and
 *    ji/lei/duan/qi/jie ("yi ji", "er qi gongcheng") unless the context counts (liang,
 *    fen / gong / lianxu before, a list of levels before: shi xian liang ji).
 *  - Han er + measure word is an ordinal or a name (counts of two use liang); Han yi + measure
 *    word is the article "a" unless it answers "how many": a distributive (mei / ge / jun) in
 *    the clause, a postposed count (noun + yi ge + punctuation), or a restrictive (jin, zhi).
 *  - Names: a number inside a short quotation, fixed political terms and
 *    idioms (detail table below), xueqian N nian, N nian zhi / yiguan / yiwu.
 *  - Identifiers: digits glued to Latin letters or to * _ # @, chains with several separators
 *    (2022-03-15, 1.2.3), a:b:c, file sizes after a "daxiao:" label.
 *  - Hedges: adjacent ones are inside the span; yue + verb (yue xu 2600 wan yuan) sets the
 *    approximation but stays outside; jin before a duration means "recent" (jin wu nian) and
 *    is neither; da/da (reaches) is inside with no approximation, dadao / daoda are outside.
 *  - ji (a few): as a ones digit it counts 0 (shi ji suo = 10, more_than), before a unit it
 *    counts 1 (ji shi suo = 10, more_than): the value is the stated lower bound, like duo/yu.
 *  - Currency amounts after a per-word in the clause (sheng jun, ren jun, mei nian) are
 *    category rate with the plain unit; slash rates (yuan/sheng.yue) keep the whole rate.
 */
namespace zhscan {

/** Approximation of a metric's value. */
enum class approximation : std::uint8_t {
  none,       ///< exact as written (also da "reaches": it asserts the value)
  about,      ///< yue, zuoyou, shangxia, lai
  more_than,  ///< chao, chaoguo, yu, duo, yu (inside), ji (a few)
  less_than,  ///< budao, buzu
  at_least,   ///< yishang, bushaoyu, zhishao
  at_most,    ///< yixia, buchaoguo, zuiduo
  nearly,     ///< jin, jiangjin, jiejin
};

/** Gold-set spelling of an approximation ("about", "more_than", ...; "none" for none). */
constexpr std::string_view to_string(approximation a) noexcept {
  switch (a) {
    case approximation::none: return "none";
    case approximation::about: return "about";
    case approximation::more_than: return "more_than";
    case approximation::less_than: return "less_than";
    case approximation::at_least: return "at_least";
    case approximation::at_most: return "at_most";
    case approximation::nearly: return "nearly";
  }
  return "none";
}

/** Shape of a metric: one value, a range (low..high) or a ratio (a:b). */
enum class metric_shape : std::uint8_t { value, range, ratio };

/**
 * One quantity. Spans are byte offsets into the scanned text; `unit`, `per` and `per2` are
 * static strings of the lexicon (no allocation). Fields that do not apply are NaN / empty.
 */
struct metric {
  byte_span span;       ///< whole metric: hedge words, number, unit, trailing hedge
  byte_span number;     ///< the number as written (both ends for a range, both terms of a ratio)
  byte_span unit_text;  ///< the unit as written (with a rate's denominator); empty if none
  double value = std::numeric_limits<double>::quiet_NaN();  ///< normalised; NaN for range/ratio
  double low = std::numeric_limits<double>::quiet_NaN();    ///< range low (normalised)
  double high = std::numeric_limits<double>::quiet_NaN();   ///< range high (normalised)
  double ratio_a = std::numeric_limits<double>::quiet_NaN();  ///< ratio first term
  double ratio_b = std::numeric_limits<double>::quiet_NaN();  ///< ratio second term
  std::string_view unit;  ///< normalised unit (numerator of a rate); "ratio" for ratios
  std::string_view per;   ///< normalised denominator of a slash rate, empty otherwise
  std::string_view per2;  ///< second denominator (yuan/sheng.yue -> per "sheng", per2 "yue")
  metric_shape shape = metric_shape::value;
  approximation approx = approximation::none;
  unit_category category = unit_category::other;
  numeral_form numeral = numeral_form::arabic;
  /** Index (in the same result) of the metric this one changes from (you 800 yuan tigao dao
   *  1050 yuan), npos if none. */
  std::size_t change_from = npos;

  /** Appends the full normalised unit (unit, "/" per, "\u00B7" per2) to `out` (any string). */
  template <class String>
  void append_unit(String& out) const {
    out.append(unit.data(), unit.size());
    if (!per.empty()) {
      out.push_back('/');
      out.append(per.data(), per.size());
      if (!per2.empty()) {
        out.append("\xC2\xB7", 2);  // U+00B7 middle dot
        out.append(per2.data(), per2.size());
      }
    }
  }
};

namespace detail {

// ---------------------------------------------------------------------------------------
// Word lists of the context rules (UTF-8 escapes; pinyin / meaning beside each).

/** Hedges directly before a number, longest first. */
struct hedge_word {
  std::string_view text;
  approximation approx;
};
inline constexpr hedge_word hedges_before[] = {
    {"\u4E0D\u5C11\u4E8E", approximation::at_least},   // bushaoyu, not less than
    {"\u4E0D\u5C11\u65BC", approximation::at_least},   // bushaoyu (trad)
    {"\u4E0D\u4F4E\u4E8E", approximation::at_least},   // budiyu, not lower than
    {"\u4E0D\u4F4E\u65BC", approximation::at_least},   // budiyu (trad)
    {"\u4E0D\u8D85\u8FC7", approximation::at_most},    // buchaoguo, not more than
    {"\u4E0D\u8D85\u904E", approximation::at_most},    // buchaoguo (trad)
    {"\u4E0D\u9AD8\u4E8E", approximation::at_most},    // bugaoyu, not higher than
    {"\u4E0D\u591A\u4E8E", approximation::at_most},    // buduoyu, not more than
    {"\u8D85\u8FC7", approximation::more_than},        // chaoguo, over
    {"\u8D85\u904E", approximation::more_than},        // chaoguo (trad)
    {"\u5927\u7EA6", approximation::about},            // dayue, about
    {"\u5927\u7D04", approximation::about},            // dayue (trad)
    {"\u5927\u6982", approximation::about},            // dagai, roughly
    {"\u5C06\u8FD1", approximation::nearly},           // jiangjin, nearly
    {"\u5C07\u8FD1", approximation::nearly},           // jiangjin (trad)
    {"\u63A5\u8FD1", approximation::nearly},           // jiejin, close to
    {"\u4E0D\u5230", approximation::less_than},        // budao, under
    {"\u4E0D\u8DB3", approximation::less_than},        // buzu, fewer than
    {"\u672A\u6EE1", approximation::less_than},        // weiman, under
    {"\u672A\u6EFF", approximation::less_than},        // weiman (trad)
    {"\u5C11\u4E8E", approximation::less_than},        // shaoyu, less than
    {"\u4F4E\u4E8E", approximation::less_than},        // diyu, below
    {"\u81F3\u5C11", approximation::at_least},         // zhishao, at least
    {"\u6700\u5C11", approximation::at_least},         // zuishao, at least
    {"\u6700\u591A", approximation::at_most},          // zuiduo, at most
    {"\u81F3\u591A", approximation::at_most},          // zhiduo, at most
    {"\u7EA6", approximation::about},                  // yue, about
    {"\u7D04", approximation::about},                  // yue (trad)
    {"\u8FD1", approximation::nearly},                 // jin, nearly (not "recent": see rules)
    {"\u8D85", approximation::more_than},              // chao, over
    {"\u903E", approximation::more_than},              // yu, over
};

inline constexpr std::string_view da_words[] = {"\u8FBE", "\u9054"};  // da, reaches (s/t)
inline constexpr std::string_view dao_words[] = {"\u5230", "\u5230"};  // dao (daoda: outside)

/** Verbs between a hedge and its number: yue xu (about needs) keeps the hedge outside. */
inline constexpr std::string_view hedge_verbs[] = {
    "\u9700\u8981", "\u9700", "\u6709", "\u4E3A", "\u70BA", "\u5360", "\u8BA1", "\u8A08",
    "\u5408", "\u662F", "\u5728", "\u6295\u5165"};  // xuyao xu you wei wei zhan ji ji he shi zai touru

/** Hedges after the unit, longest first. */
inline constexpr hedge_word hedges_after[] = {
    {"\u53CA\u4EE5\u4E0A", approximation::at_least},  // ji yishang, and above
    {"\u53CA\u4EE5\u4E0B", approximation::at_most},   // ji yixia, and below
    {"\u4EE5\u4E0A", approximation::at_least},        // yishang, above
    {"\u4EE5\u4E0B", approximation::at_most},         // yixia, below
    {"\u5DE6\u53F3", approximation::about},           // zuoyou, about
    {"\u4E0A\u4E0B", approximation::about},           // shangxia, about
    {"\u4E4B\u591A", approximation::none},            // zhiduo, as many as (emphasis)
};

/** Range separators between two numbers. */
inline constexpr std::string_view range_seps[] = {
    "\u2014\u2014", "\u2014", "\u2013", "-", "~", "\uFF5E", "\u301C", "\uFF0D", "\u81F3",
    "\u5230"};  // em dash x2, em dash, en dash, -, ~, full-width ~, wave dash, full-width -, zhi, dao

/** Per-words: a currency amount after one of them (in the clause) is a rate. */
inline constexpr std::string_view per_words[] = {
    "\u751F\u5747", "\u4EBA\u5747", "\u6237\u5747", "\u6236\u5747", "\u4EA9\u5747",
    "\u5E74\u5747", "\u6708\u5747", "\u65E5\u5747", "\u6BCF\u5E74", "\u6BCF\u6708",
    "\u6BCF\u5929", "\u6BCF\u65E5", "\u6BCF\u4EBA", "\u6BCF\u751F", "\u6BCF\u540D",
    "\u6BCF\u4F4D", "\u6BCF\u6237", "\u6BCF\u6236", "\u6BCF\u4EA9", "\u6BCF\u5B66\u671F",
    "\u6BCF\u5B78\u671F", "\u6BCF\u8BFE\u65F6", "\u6BCF\u8AB2\u6642", "\u6BCF\u6B21",
    "\u6BCF\u5E73\u65B9\u7C73"};
// sheng jun, ren jun, hu jun x2, mu jun, nian jun, yue jun, ri jun, mei nian, mei yue,
// mei tian, mei ri, mei ren, mei sheng, mei ming, mei wei, mei hu x2, mei mu, mei xueqi x2,
// mei keshi x2, mei ci, mei pingfangmi

/** Fixed terms and idioms whose numeral + measure word is not a quantity. */
inline constexpr std::string_view fixed_terms[] = {
    "\u4E09\u756A\u4E94\u6B21", "\u4E09\u756A\u4E24\u6B21", "\u4E09\u756A\u5169\u6B21",  // san fan wu ci, san fan liang ci
    "\u4E09\u5929\u4E24\u5934", "\u4E09\u5929\u5169\u982D",                            // san tian liang tou
    "\u4E00\u5E74\u4E00\u5EA6", "\u4E09\u5E74\u4E94\u8F7D", "\u4E09\u5E74\u4E94\u8F09",  // yi nian yi du, san nian wu zai
    "\u4E00\u5E74\u534A\u8F7D", "\u4E00\u5E74\u534A\u8F09", "\u4E09\u4E94\u6210\u7FA4",  // yi nian ban zai, san wu cheng qun
    "\u4E09\u4E2A\u4EE3\u8868", "\u4E09\u500B\u4EE3\u8868",                            // san ge daibiao
    "\u4E24\u4E2A\u7EF4\u62A4", "\u5169\u500B\u7DAD\u8B77",                            // liang ge weihu
    "\u4E24\u4E2A\u786E\u7ACB", "\u5169\u500B\u78BA\u7ACB",                            // liang ge queli
    "\u56DB\u4E2A\u610F\u8BC6", "\u56DB\u500B\u610F\u8B58",                            // si ge yishi
    "\u56DB\u4E2A\u81EA\u4FE1", "\u56DB\u500B\u81EA\u4FE1",                            // si ge zixin
    "\u56DB\u4E2A\u5168\u9762", "\u56DB\u500B\u5168\u9762",                            // si ge quanmian
    "\u4E09\u4E2A\u9762\u5411", "\u4E09\u500B\u9762\u5411",                            // san ge mianxiang
    "\u4E24\u4E2A\u4E00\u767E\u5E74", "\u5169\u500B\u4E00\u767E\u5E74",                // liang ge yibai nian
    "\u4E94\u4F4D\u4E00\u4F53", "\u4E94\u4F4D\u4E00\u9AD4",                            // wu wei yi ti
    "\u4E09\u4F4D\u4E00\u4F53", "\u4E09\u4F4D\u4E00\u9AD4",                            // san wei yi ti
    "\u516B\u9879\u89C4\u5B9A", "\u516B\u9805\u898F\u5B9A",                            // ba xiang guiding
    "\u4E24\u6761\u7EBF", "\u5169\u689D\u7DDA",                                        // liang tiao xian
    "\u4E24\u6761\u817F", "\u5169\u689D\u817F",                                        // liang tiao tui
    "\u4E00\u56FD\u4E24\u5236", "\u4E00\u570B\u5169\u5236",                            // yi guo liang zhi
};

/**
 * The fixed terms indexed by their characters: one anchor per (term, character), keyed by the
 * character's three UTF-8 bytes and sorted by key, so that the terms around a numeral are
 * found by a binary search on the numeral instead of a comparison per term and offset.
 */
struct term_anchor {
  std::uint32_t key;
  std::uint32_t next;    // key of the term's next character, 0 if this one is its last
  std::uint16_t term;    // index in fixed_terms
  std::uint16_t offset;  // byte offset of the character in the term
};
constexpr std::size_t fixed_term_char_count() noexcept {
  std::size_t n = 0;
  for (std::string_view t : fixed_terms) n += t.size() / 3;
  return n;
}
struct term_anchor_table {
  term_anchor a[fixed_term_char_count()];
  bool ok;  // every term is made of 3-byte characters
};
constexpr term_anchor_table make_term_anchors() noexcept {
  term_anchor_table t{};
  t.ok = true;
  std::size_t n = 0;
  for (std::size_t i = 0; i < sizeof(fixed_terms) / sizeof(fixed_terms[0]); ++i) {
    const std::string_view w = fixed_terms[i];
    if (w.size() % 3 != 0) t.ok = false;
    for (std::size_t k = 0; k + 3 <= w.size(); k += 3) {
      if ((static_cast<unsigned char>(w[k]) & 0xF0u) != 0xE0u) t.ok = false;
      t.a[n++] = {head_key(w.data() + k, 3), k + 6 <= w.size() ? head_key(w.data() + k + 3, 3) : 0u,
                  static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(k)};
    }
  }
  for (std::size_t i = 1; i < n; ++i)  // insertion sort by key
    for (std::size_t j = i; j > 0 && t.a[j - 1].key > t.a[j].key; --j) {
      const term_anchor x = t.a[j];
      t.a[j] = t.a[j - 1];
      t.a[j - 1] = x;
    }
  return t;
}
inline constexpr term_anchor_table fixed_term_anchors = make_term_anchors();
static_assert(fixed_term_anchors.ok, "fixed_terms must be made of 3-byte characters");

/** Distributive words: "each X has one Y" makes yi + measure word a count. */
inline constexpr std::u32string_view distributive_cps = U"\u6BCF\u5404\u5747";  // mei ge jun
/** Characters before yi that make it part of a word (mei yi, tong yi, xin yi lun, zhe yi ...). */
inline constexpr std::u32string_view yi_word_prefix =
    U"\u6BCF\u540C\u65B0\u53E6\u8FD9\u9019\u90A3\u54EA\u552F\u7EDF\u7D71\u67D0\u4EFB\u4E07"
    U"\u842C\u4E4B\u4E0A\u4E0B\u5176\u5355\u55AE\u9010\u4E13\u5C08\u7B2C\u7684\u6574\u5168"
    U"\u5934\u982D\u524D\u540E\u5F8C\u53BB\u4ECA\u660E\u4E00\u8FDB\u9032";
// mei tong xin ling zhe zhe na na wei tong tong mou ren wan wan zhi shang xia qi dan dan zhu
// zhuan zhuan di de zheng quan tou tou qian hou hou qu jin ming yi jin jin
/** Restrictives before yi that state a count (jin yi suo "only one"). */
inline constexpr std::u32string_view yi_count_prefix = U"\u4EC5\u50C5\u53EA\u5171\u8BA1\u8A08\u5408";
// jin jin zhi gong ji ji he
/** Levels that a list before N ji names (shi xian liang ji, shi qu xiao san ji). */
inline constexpr std::u32string_view level_cps =
    U"\u7701\u5E02\u53BF\u7E23\u533A\u5340\u4E61\u9109\u9547\u93AE\u6751\u6821\u7EA7\u7D1A\u56FD\u570B";
// sheng shi xian xian qu qu xiang xiang zhen zhen cun xiao ji ji guo guo
/** Words before a grade measure word that make it a count (fen liang qi, gong san jie). */
inline constexpr std::string_view count_context[] = {
    "\u5206", "\u5171", "\u8FDE\u7EED", "\u9023\u7E8C", "\u5148\u540E", "\u5148\u5F8C",
    "\u5386", "\u6B77", "\u7D2F\u8BA1", "\u7D2F\u8A08", "\u4E3E\u529E", "\u8209\u8FA6",
    "\u529E", "\u8FA6", "\u4E3E\u884C", "\u8209\u884C", "\u5F00\u5C55", "\u958B\u5C55",
    "\u5F00\u529E", "\u958B\u8FA6", "\u57F9\u8BAD", "\u57F9\u8A13"};
// fen gong lianxu x2 xianhou x2 li li leiji x2 juban x2 ban ban juxing x2 kaizhan x2 kaiban x2 peixun x2

/** After N nian: a system or programme name (san nian zhi, jiu nian yiwu jiaoyu ...). */
inline constexpr std::string_view nian_name_after[] = {
    "\u5236", "\u4E00\u8D2F", "\u4E00\u8CAB", "\u4E49\u52A1", "\u7FA9\u52D9",
    "\u884C\u52A8\u8BA1\u5212", "\u884C\u52D5\u8A08\u5283", "\u89C4\u5212", "\u898F\u5283",
    "\u8BA1\u5212", "\u8A08\u5283"};
// zhi, yiguan x2, yiwu x2, xingdong jihua x2, guihua x2, jihua x2
/** After a 2-digit N nian: it is a calendar year (16 nian 3 yue, 09 nian du ...). */
inline constexpr std::string_view year_continuation[] = {
    "\u6708", "\u5EA6", "\u5E95", "\u521D", "\u672B", "\u6625", "\u590F", "\u79CB", "\u51AC",
    "\u4E0A\u534A\u5E74", "\u4E0B\u534A\u5E74", "\u5BD2\u5047", "\u6691\u5047", "\u5143\u65E6"};
// yue du di chu mo chun xia qiu dong shangbannian xiabannian hanjia shujia yuandan
inline constexpr std::string_view year_before[] = {"\u622A\u81F3", "\u622A\u6B62", "\u81EA",
                                                   "\u4E8E", "\u65BC"};  // jiezhi x2 zi yu yu
/** Change verbs linking two metrics (you X tigao dao Y). */
inline constexpr std::string_view change_verbs[] = {
    "\u63D0\u9AD8", "\u589E\u52A0", "\u589E\u957F", "\u589E\u9577", "\u4E0A\u5347",
    "\u4E0B\u964D", "\u51CF\u5C11", "\u6E1B\u5C11", "\u964D\u4F4E", "\u63D0\u5347",
    "\u6269\u5927", "\u64F4\u5927", "\u8C03\u6574", "\u8ABF\u6574", "\u589E", "\u964D",
    "\u5347"};
// tigao zengjia zengzhang x2 shangsheng xiajiang jianshao x2 jiangdi tisheng kuoda x2 tiaozheng x2 zeng jiang sheng

inline constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();

/** Besides numeral characters, unit starts and inline spaces: characters after a Han numeral
 *  that keep it a candidate (duo yu yu lai lai ban zhi dao, the range separators). */
inline constexpr std::u32string_view han_numeral_followers =
    U"\u591A\u4F59\u9918\u6765\u4F86\u534A\u81F3\u5230\u2014\u2013\uFF5E\u301C\uFF0D-~";

/** A set of code points below U+10000, one bit each. */
struct cp_bitmap {
  std::uint64_t bits[1024];
  constexpr void set(char32_t c) noexcept {
    if (c < 0x10000) bits[c >> 6] |= std::uint64_t(1) << (c & 63);
  }
  constexpr bool has(char32_t c) const noexcept {
    return c < 0x10000 && ((bits[c >> 6] >> (c & 63)) & 1u);
  }
};

/**
 * Characters that can follow the first character of a Han numeral candidate: one with a
 * han_role (numeral characters and ji), one that starts a unit, an inline space, or one of
 * han_numeral_followers. Any other character rejects the candidate at once (jin yi bu, tong
 * yi, yi xie: the common case), with one bit test instead of several lookups.
 */
constexpr cp_bitmap make_han_followers() noexcept {
  cp_bitmap b{};
  for (const numeral_entry& e : numeral_entries) {
    switch (e.info.kind) {
      case numeral_kind::digit:
      case numeral_kind::liang:
      case numeral_kind::tens:
      case numeral_kind::small_unit:
      case numeral_kind::big_unit:
      case numeral_kind::point:
      case numeral_kind::circle: b.set(e.cp); break;
      default: break;  // half, minus: no han_role
    }
  }
  b.set(cp_ji);
  b.set(cp_ji_trad);
  for (std::size_t i = 0; i < 1024; ++i) b.bits[i] |= unit_starts.bits[i];
  for (char32_t c : han_numeral_followers) b.set(c);
  b.set(' ');
  b.set('\t');
  b.set(0xA0);  // the inline spaces (is_inline_space)
  return b;
}
inline constexpr cp_bitmap han_followers = make_han_followers();

/**
 * The characters that stop the quotation look-around: sentence ends and quotation marks
 * (is_sentence_end, is_open_quote, is_close_quote of detail/metric_text.hpp; all of them lie
 * in the blocks checked below, so the bitmap is built from those blocks only).
 */
constexpr cp_bitmap make_quote_stops() noexcept {
  cp_bitmap b{};
  constexpr char32_t blocks[][2] = {
      {0x0000, 0x0080}, {0x2000, 0x2100}, {0x3000, 0x3040}, {0xFF00, 0xFF40}};
  for (const auto& blk : blocks)
    for (char32_t c = blk[0]; c < blk[1]; ++c)
      if (is_sentence_end(c) || is_open_quote(c) || is_close_quote(c)) b.set(c);
  return b;
}
inline constexpr cp_bitmap quote_stops = make_quote_stops();

/** True when `c` after a Han numeral character keeps the candidate (see make_han_followers). */
constexpr bool may_follow_han_numeral(char32_t c) noexcept { return han_followers.has(c); }

/** Percent words before a numeral: bai fen zhi, qian fen zhi, wan fen zhi (s/t). */
inline constexpr std::string_view fen_zhi_words[] = {"\u767E\u5206\u4E4B", "\u5343\u5206\u4E4B",
                                                     "\u4E07\u5206\u4E4B", "\u842C\u5206\u4E4B"};
/** Weekday words before a numeral: zhou (s/t), xingqi, libai (s/t). */
inline constexpr std::string_view week_words[] = {"\u5468", "\u9031", "\u661F\u671F", "\u793C\u62DC",
                                                  "\u79AE\u62DC"};

inline constexpr cp_set yi_word_prefix_set = make_cp_set(yi_word_prefix);
inline constexpr cp_set yi_count_prefix_set = make_cp_set(yi_count_prefix);
inline constexpr cp_set distributive_set = make_cp_set(distributive_cps);
inline constexpr cp_set level_set = make_cp_set(level_cps);
static_assert(yi_word_prefix_set.ok && yi_count_prefix_set.ok && distributive_set.ok && level_set.ok,
              "a code point list is longer than cp_set holds");

// The lists above, keyed for matching at a position (see word_set in detail/metric_text.hpp).
inline constexpr auto hedges_before_set = make_word_set(hedges_before);
inline constexpr auto hedge_verbs_set = make_word_set(hedge_verbs);
inline constexpr auto hedges_after_set = make_word_set(hedges_after);
inline constexpr auto range_seps_set = make_word_set(range_seps);
inline constexpr auto per_words_set = make_word_set(per_words);
inline constexpr auto count_context_set = make_word_set(count_context);
inline constexpr auto nian_name_after_set = make_word_set(nian_name_after);
inline constexpr auto year_continuation_set = make_word_set(year_continuation);
inline constexpr auto year_before_set = make_word_set(year_before);
inline constexpr auto change_verbs_set = make_word_set(change_verbs);
inline constexpr auto fen_zhi_set = make_word_set(fen_zhi_words);
inline constexpr auto da_set = make_word_set(da_words);
inline constexpr auto week_set = make_word_set(week_words);
static_assert(hedges_before_set.ok && hedge_verbs_set.ok && hedges_after_set.ok &&
                  range_seps_set.ok && per_words_set.ok && count_context_set.ok &&
                  nian_name_after_set.ok && year_continuation_set.ok && year_before_set.ok &&
                  change_verbs_set.ok && fen_zhi_set.ok && week_set.ok && da_set.ok,
              "a word list holds a word that word_set cannot key");

// ---------------------------------------------------------------------------------------

/** True for the lexicon's non-units (norm "-": month, day, grade ... words after a number
 *  that is then no quantity). */
constexpr bool is_non_unit(const unit_entry* u) noexcept {
  return u->norm.size() == 1 && u->norm[0] == '-';
}

/** True when the normalised unit of `u` is the one character `cp` (a 3-byte character). */
constexpr bool norm_is(const unit_entry* u, char32_t cp) noexcept {
  return u->norm.size() == 3 && head_key(u->norm.data(), 3) == utf8_key3(cp);
}

/** The scanner: one left-to-right pass over the text, a bounded look-around per candidate. */
class metric_scanner {
 public:
  metric_scanner(std::string_view text, std::vector<metric>& out) noexcept
      : b_(text.data()), e_(text.data() + text.size()), out_(out) {}

  void run(simd_level level) {
    const char* p = b_;
    trigger_cursor triggers(b_, e_, level);
    while (p < e_) {
      p = triggers.next(p);
      if (p >= e_) break;
      // the common case, rejected here at once (jin yi bu, tong yi, yi xie): a Han numeral
      // character followed by one that can neither continue a number nor start a unit
      if (!is_arabic_start(p) && !may_follow_han_numeral(at(p + 3).cp)) {
        p += 3;
        continue;
      }
      const char* next = candidate(p);
      p = next > p ? next : p + 1;
    }
  }

 private:
  const char* b_;
  const char* e_;
  std::vector<metric>& out_;

  /** Look-around bound: context rules look at most this many bytes away. */
  static constexpr std::size_t window = 48;

  const char* lo(const char* p, std::size_t n = window) const noexcept {
    return static_cast<std::size_t>(p - b_) > n ? p - n : b_;
  }
  const char* hi(const char* p, std::size_t n = window) const noexcept {
    return static_cast<std::size_t>(e_ - p) > n ? p + n : e_;
  }
  // the small helpers every rule uses: inlined (a call costs more than their work)
  ZHSCAN_ALWAYS_INLINE mchar before(const char* p) const noexcept { return mchar_before(lo(p, 4), p); }
  ZHSCAN_ALWAYS_INLINE mchar at(const char* p) const noexcept { return mchar_at(p, e_); }

  /** The 3 bytes at `p` as one big-endian integer (utf8_key3 of the character they encode),
   *  0 when fewer than 3 bytes remain: compared with utf8_key3 constants, it tests for a
   *  given character without decoding. */
  ZHSCAN_ALWAYS_INLINE std::uint32_t key_at(const char* p) const noexcept {
    return e_ - p >= 3 ? head_key(p, 3) : 0;
  }

  /** Byte length of the character at `q` as at() decodes it (1 for a cut or stray byte);
   *  an ideograph ending before `limit` without decoding. */
  ZHSCAN_ALWAYS_INLINE std::size_t char_length(const char* q, const char* limit) const noexcept {
    if (limit - q >= 3 && is_ideograph3(q)) return 3;
    const mchar c = at(q);
    return c.len ? c.len : 1;
  }

  /** End of an identifier-like chain (digits, letters, joined by - / . : _ ) from `p`. */
  const char* skip_chain(const char* p) const noexcept {
    const char* q = p;
    while (q < e_) {
      while (q < e_ && is_ascii_alnum(static_cast<unsigned char>(*q))) ++q;  // the bulk of a code
      if (q >= e_) break;
      const mchar c = at(q);
      if (is_ascii_alnum(c.cp) || is_digit_cp(c.cp) || c.cp == '*' || c.cp == '_') {
        q += c.len;
        continue;
      }
      if ((c.cp == '-' || c.cp == '/' || c.cp == '.' || c.cp == ':' || c.cp == 0xFF0E ||
           c.cp == 0xFF0F || c.cp == 0xFF1A || c.cp == 0x2236) &&
          q + c.len < e_) {
        const mchar n = at(q + c.len);
        if (is_ascii_alnum(n.cp) || is_digit_cp(n.cp)) {
          q += c.len;
          continue;
        }
      }
      break;
    }
    return q > p ? q : p + 1;
  }

  /** Where to resume after a rejected Arabic number at `p`: past its identifier-like chain,
   *  and past all of it when it is too long (a giant grouped number: never its tail). */
  const char* skip_code(const char* p, const number_run& n) const noexcept {
    const char* s = skip_chain(p);
    return n.too_long && n.skip > s ? n.skip : s;
  }

  /** Skips inline spaces after `p` when a unit follows them; returns the unit position. */
  const char* skip_space(const char* p) const noexcept {
    if (p >= e_ || (*p != ' ' && *p != '\t' && static_cast<unsigned char>(*p) != 0xC2u))
      return p;  // the common case: no space, tab or U+00A0 (C2 A0)
    const char* q = p;
    unsigned n = 0;
    while (q < e_ && n < 2) {
      const mchar c = at(q);
      if (!is_inline_space(c.cp)) break;
      q += c.len;
      ++n;
    }
    return q;
  }

  /** Start of the clause containing `p` (bounded by the window). */
  const char* clause_start(const char* p, std::size_t n = window) const noexcept {
    const char* l = lo(p, n);
    const char* q = p;
    while (q > l) {
      if (q - l >= 3 && is_ideograph3(q - 3)) {  // the common case: an ideograph
        q -= 3;
        continue;
      }
      const mchar c = mchar_before(l, q);
      if (c.len == 0 || is_clause_end(c.cp)) break;
      q -= c.len;
    }
    return q;
  }

  /**
   * False when [l, q) (at most 36 bytes) holds none of the byte sequences of an opening
   * quotation mark (" U+201C U+2018 U+300C U+300E U+FF02), so that no look-around for one can
   * succeed there. With SSE2, three 16-byte compares find the few bytes 22 / E2 / E3 / EF to
   * check; elsewhere it answers true and the look-around decides.
   */
  bool may_hold_open_quote(const char* l, const char* q) const noexcept {
#if ZHSCAN_X86_SIMD && defined(__SSE2__)
    if (q - l == 36) {
      // the bits of the bytes 22 E2 E3 EF among the 16 bytes at s
      const auto cand = [](const char* s) -> std::uint64_t {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
        const auto eq = [v](unsigned char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
        const __m128i m = _mm_or_si128(_mm_or_si128(eq('"'), eq(0xE2)), _mm_or_si128(eq(0xE3), eq(0xEF)));
        return static_cast<std::uint32_t>(_mm_movemask_epi8(m));
      };
      // bytes 0..15, 16..31 and 20..35 of the window (the last load overlaps)
      std::uint64_t bits = cand(l) | (cand(l + 16) << 16) | (cand(l + 20) << 20);
      for (; bits; bits &= bits - 1) {
        const char* s = l + __builtin_ctzll(bits);
        if (*s == '"') return true;
        if (q - s < 3) continue;
        const std::uint32_t k = head_key(s, 3);
        if (k == utf8_key3(0x201C) || k == utf8_key3(0x2018) || k == utf8_key3(0x300C) ||
            k == utf8_key3(0x300E) || k == utf8_key3(0xFF02))
          return true;
      }
      return false;
    }
#endif
    (void)l;
    (void)q;
    return true;
  }

  /** True when [start, end) sits inside a short quotation (a slogan or programme name). */
  bool inside_quote(const char* start, const char* end) const noexcept {
    // backwards: an opening mark before any closing mark or sentence end, within 12 chars
    const char* l = lo(start, 36);
    if (!may_hold_open_quote(l, start)) return false;  // the common case
    const char* q = start;
    char32_t open = 0;
    for (unsigned i = 0; i < 12 && q > l; ++i) {
      if (q - l >= 3 && is_ideograph3(q - 3)) {  // the common case: an ideograph
        q -= 3;
        continue;
      }
      const mchar c = mchar_before(l, q);
      if (!quote_stops.has(c.cp) && c.len != 0) {  // neither a quotation mark nor a sentence end
        q -= c.len;
        continue;
      }
      if (c.len == 0 || is_sentence_end(c.cp)) break;
      if (c.cp == '"') {
        open = '"';
        break;
      }
      if (is_close_quote(c.cp)) break;
      if (is_open_quote(c.cp)) {
        open = c.cp;
        break;
      }
      q -= c.len;
    }
    if (!open) return false;
    const char* h = hi(end, 36);
    const char* r = end;
    for (unsigned i = 0; i < 12 && r < h; ++i) {
      if (h - r >= 3 && is_ideograph3(r)) {  // the common case: an ideograph
        r += 3;
        continue;
      }
      const mchar c = mchar_at(r, h);
      if (!quote_stops.has(c.cp) && c.len != 0) {  // neither a quotation mark nor a sentence end
        r += c.len;
        continue;
      }
      if (c.len == 0 || is_sentence_end(c.cp)) break;
      if (is_close_quote(c.cp)) return true;
      if (is_open_quote(c.cp) && c.cp != '"') break;
      r += c.len;
    }
    return false;
  }

  /** True when the text around [p, ...) is one of the fixed terms / idioms. */
  bool in_fixed_term(const char* p) const noexcept {
    if (e_ - p < 3) return false;
    const std::uint32_t key = head_key(p, 3);
    const term_anchor* const a = fixed_term_anchors.a;
    constexpr std::size_t n = sizeof(fixed_term_anchors.a) / sizeof(fixed_term_anchors.a[0]);
    std::size_t i = 0, j = n;
    while (i < j) {  // first anchor with this key
      const std::size_t mid = (i + j) / 2;
      if (a[mid].key < key) i = mid + 1;
      else j = mid;
    }
    const std::uint32_t next = key_at(p + 3);
    for (; i < n && a[i].key == key; ++i) {
      if ((a[i].next == 0 || a[i].next == next) && static_cast<std::size_t>(p - b_) >= a[i].offset &&
          starts_with_at(p - a[i].offset, e_, fixed_terms[a[i].term]))
        return true;
    }
    return false;
  }

  /** Hedge directly before `p` (returns its start or p). */
  const char* hedge_before(const char* p, approximation& a) const noexcept {
    if (const std::size_t k = hedges_before_set.find_suffix(lo(p, 12), p)) {
      a = hedges_before[k - 1].approx;
      return p - hedges_before[k - 1].text.size();
    }
    return p;
  }

  struct unit_match {
    const unit_entry* entry = nullptr;
    const char* begin = nullptr;
    const char* end = nullptr;  // end of the unit text (rate denominators included)
    const unit_entry* per = nullptr;
    const unit_entry* per2 = nullptr;
    double mult = 1;
    bool half = false;           // ge ban yue: +0.5
    bool more = false;           // ge duo yue: more_than
  };

  mutable const char* unit_memo_at_ = nullptr;
  mutable unit_match unit_memo_;
  mutable const char* entry_memo_at_ = nullptr;
  mutable const unit_entry* entry_memo_ = nullptr;

  /** find_unit(p, e_), remembered for the last position asked: the tail of a number and
   *  its unit look at the same position several times. */
  const unit_entry* unit_entry_at(const char* p) const noexcept {
    if (p != entry_memo_at_) {
      entry_memo_ = find_unit(p, e_);
      entry_memo_at_ = p;
    }
    return entry_memo_;
  }

  /** Denominator unit at `p` (plain units and denominator-only ones). */
  const unit_entry* denominator_at(const char* p) const noexcept {
    const unit_entry* u = find_unit(p, e_);
    if (!u) return nullptr;
    if (u->flags & (u_ordinal | u_grade | u_medal | u_big | u_cheng | u_time_part)) return nullptr;
    if ((u->flags & u_date) && u->norm.size() == 1) return nullptr;
    if (is_non_unit(u)) return nullptr;
    return u;
  }

  /** Unit at `p` (after the number), remembered for the last position asked: a candidate
   *  asks once for its range check and once more for its value. The reference stays valid
   *  until unit_at is asked about another position (copy it to keep it longer). */
  const unit_match& unit_at(const char* p) const noexcept {
    if (p != unit_memo_at_) {
      find_unit_match(p, unit_memo_);
      unit_memo_at_ = p;
    }
    return unit_memo_;
  }

  /** Unit at `p`: lexicon entry, ge ban / ge duo forms, slash rates. */
  void find_unit_match(const char* p, unit_match& m) const noexcept {
    m.entry = nullptr;  // (field by field: cheaper than assigning a fresh unit_match)
    m.begin = p;
    m.end = nullptr;
    m.per = nullptr;
    m.per2 = nullptr;
    m.mult = 1;
    m.half = false;
    m.more = false;
    const char* q = p;
    // ge ban yue / ge duo yue: one and a half months, more than N months
    const std::uint32_t gk = key_at(q);
    if (gk == utf8_key3(0x4E2A) || gk == utf8_key3(0x500B)) {  // ge (s/t)
      const char* r = q + 3;
      const mchar c = at(r);
      if (c.cp == 0x534A || c.cp == 0x591A) {  // ban, duo
        static constexpr std::string_view yue_like[] = {"\u6708", "\u5C0F\u65F6", "\u5C0F\u6642",
                                                        "\u661F\u671F", "\u949F\u5934",
                                                        "\u9418\u982D", "\u5B66\u671F", "\u5B78\u671F"};
        if (std::size_t k = starts_with_any(r + c.len, e_, yue_like)) {
          // the normalised unit: ge yue for a month, the plain unit otherwise
          const char* ustart = r + c.len;
          static constexpr std::string_view ge_yue = "\u4E2A\u6708";  // ge yue
          const unit_entry* u = k == 1 ? find_unit(ge_yue.data(), ge_yue.data() + ge_yue.size())
                                       : find_unit(ustart, e_);
          if (u) {
            m.entry = u;
            m.end = ustart + yue_like[k - 1].size();
            (c.cp == 0x534A ? m.half : m.more) = true;
            return;
          }
        }
      }
    }
    const unit_entry* u = unit_entry_at(q);
    if (!u) return;
    m.entry = u;
    m.mult = u->multiplier;
    q += u->text.size();
    m.end = q;
    // slash rate: yuan / sheng . yue
    if ((u->flags & (u_date | u_ordinal | u_grade | u_medal | u_big | u_denominator_only)) == 0 &&
        !is_non_unit(u)) {
      const unsigned slash = q < e_ && *q == '/' ? 1u : key_at(q) == utf8_key3(0xFF0F) ? 3u : 0u;
      if (slash) {
        const unit_entry* d = denominator_at(q + slash);
        if (d) {
          m.per = d;
          const char* r = q + slash + d->text.size();
          m.end = r;
          const mchar sep = at(r);
          if (sep.cp == 0xB7 || sep.cp == 0x30FB || sep.cp == 0x2022 || sep.cp == 0x2027 ||
              sep.cp == 0x2219 || sep.cp == '?' || sep.cp == 0xFF1F || sep.cp == '.' ||
              sep.cp == '/' || sep.cp == 0xFF0F) {
            const unit_entry* d2 = denominator_at(r + sep.len);
            if (d2) {
              m.per2 = d2;
              m.end = r + sep.len + d2->text.size();
            }
          }
        }
      }
    }
  }

  /** Parses a number (Arabic with magnitude, or Han) at `p`. (One named result, built in
   *  place: a copy of it right after the parser wrote it would stall on store forwarding.) */
  number_run number_at(const char* p, bool allow_unit_start = false) const noexcept {
    const bool arabic = is_digit_cp(at(p).cp);
    number_run r = arabic ? parse_arabic(p, e_) : parse_han(p, e_, allow_unit_start);
    if (arabic) {
      if (r.ok) arabic_tail(r);
    } else if (r.ok && !r.digit_seq && !r.pair_range) {
      han_tail(r);
    }
    return r;
  }

  /** After Arabic digits: Han magnitudes (unless a magnitude unit such as wan yuan follows),
   *  duo / yu / lai, and a magnitude after them (3000 duo wan). */
  void arabic_tail(number_run& r) const noexcept {
    for (int round = 0; round < 2; ++round) {
      unsigned len;
      bool any = false;
      while (r.end < e_) {
        const unit_entry* u = unit_entry_at(r.end);
        if (u && (u->flags & u_magnitude)) break;
        if (u && u->text.size() > 3 && magnitude_at(r.end, e_, len)) break;  // qian mi, qian ke
        const unsigned pw = magnitude_at(r.end, e_, len);
        if (!pw) break;
        r.value *= pow10_f64[pw];
        r.end += len;
        r.magnitude = any = true;
      }
      if (round == 1) break;
      if (!inner_hedge(r)) break;
    }
    r.skip = r.end;
  }

  /** After a Han run: duo / yu / lai, then a magnitude (san qian duo wan). */
  void han_tail(number_run& r) const noexcept {
    if (!inner_hedge(r)) return;
    unsigned len;
    while (r.end < e_) {
      const unit_entry* u = unit_entry_at(r.end);
      if (u && (u->flags & u_magnitude)) break;
      const unsigned pw = magnitude_at(r.end, e_, len);
      if (!pw) break;
      r.value *= pow10_f64[pw];
      r.end += len;
    }
    r.skip = r.end;
  }

  /** duo / yu / lai directly after a number and before a unit or magnitude. */
  bool inner_hedge(number_run& r) const noexcept {
    const std::uint32_t k = key_at(r.end);
    const bool duo = k == utf8_key3(0x591A) || k == utf8_key3(0x4F59) ||  // duo, yu
                     k == utf8_key3(0x9918);                               // yu (trad)
    const bool lai = k == utf8_key3(0x6765) || k == utf8_key3(0x4F86);  // lai (s/t)
    if (!duo && !lai) return false;
    const char* after = r.end + 3;
    unsigned len;
    const unit_entry* u = unit_entry_at(after);
    if (!magnitude_at(after, e_, len) && !(u && !(u->flags & (u_date | u_ordinal)) && !is_non_unit(u)))
      return false;
    if (lai && !u && !magnitude_at(after, e_, len)) return false;
    r.end = after;
    (duo ? r.more : r.about) = true;
    return true;
  }

  // -------------------------------------------------------------------------------------
  /** True when the trigger at `p` (an ASCII digit or a well-formed 3-byte character: a
   *  full-width digit or a Han numeral) is an Arabic digit; the bytes tell, no decoding. */
  ZHSCAN_ALWAYS_INLINE bool is_arabic_start(const char* p) const noexcept {
    return static_cast<unsigned>(static_cast<unsigned char>(*p) - '0') <= 9u ||
           key_at(p) - utf8_key3(0xFF10) <= 9u;  // full-width 0..9
  }

  /** A number may start at the trigger `p` (run() has rejected the Han numerals followed by
   *  a character that can neither continue a number nor start a unit): the metric there, if
   *  any, is emitted; returns where the scan goes on. */
  const char* candidate(const char* p) {
    const bool arabic = is_arabic_start(p);
    if (arabic) {
      // glued to Latin letters or code characters: an identifier (5A, G20, b****3, No.3);
      // read from the bytes: an ASCII byte before p, or the 3 bytes of U+FF0E (full-width .)
      const unsigned pb = p > b_ ? static_cast<unsigned char>(p[-1]) : 0u;
      if (pb < 0x80u ? (is_ascii_alpha(pb) || pb == '_' || pb == '*' || pb == '#' || pb == '@' ||
                        pb == '&' || pb == '+' || pb == '=' || pb == '\\' || pb == '/' || pb == '.')
                     : (p - b_ >= 3 && tail_key(p, 3) == utf8_key3(0xFF0E)))
        return skip_chain(p);
    } else {
      // bai fen zhi N / qian fen zhi N / wan fen zhi N
      if (std::size_t k = fen_zhi_set.find_prefix(p, e_)) {
        return percent_words(p, k);
      }
      // weekday: zhou yi, xingqi san, libai wu
      if (week_set.find_suffix(lo(p, 8), p)) {
        number_run r = parse_han(p, e_, false);
        return r.skip;
      }
    }

    number_run n1 = number_at(p, false);
    if (!n1.ok) {
      // bai yu suo, qian duo ren, jin qian ren, shu bai ren, shang qian ren: a bare
      // magnitude is a number when a hedge says how it is meant
      if (!arabic) {
        const magnitude_result mg = parse_magnitude(std::string_view(p, static_cast<std::size_t>(e_ - p)));
        if (mg && mg.exponent >= 2) {
          number_run r;
          r.begin = p;
          r.end = mg.ptr;
          r.skip = mg.ptr;
          r.value = mg.value();
          r.ok = true;
          const mchar pv = before(p);
          const bool shu = pv.cp == 0x6570 || pv.cp == 0x6578;  // shu (several), s/t
          const bool shang = pv.cp == 0x4E0A;                    // shang (up to)
          approximation hh = approximation::none;
          // jin qian, yu wan, chao bai (not yue wan: "yue wan ren ci" is a redacted figure)
          const bool jin = hedge_before(p, hh) != p &&
                           (hh == approximation::nearly || hh == approximation::more_than);
          han_tail(r);
          if (r.more || shu || shang || jin) {
            if (shu) r.more = true;
            if (shang) r.about = true;
            const char* q = finish_value(p, r);
            if (!out_.empty() && out_.back().number.start == off(p) && (shu || shang)) {
              metric& m = out_.back();
              if (m.span.start == off(p)) m.span.start = off(p - pv.len);
              m.approx = shu ? approximation::more_than : approximation::about;
            }
            return q;
          }
        }
      }
      return arabic ? skip_code(p, n1) : n1.skip;
    }

    if (arabic) {
      // chains that are dates, versions or codes: 2022-03-15, 1.2.3, 11:42:00 (all the
      // characters tested below are ASCII or start with E2 / EF)
      const unsigned nb = n1.end < e_ ? static_cast<unsigned char>(*n1.end) : 0u;
      if (!n1.magnitude && !n1.more && !n1.about && (nb < 0x80u || nb == 0xE2u || nb == 0xEFu)) {
        const mchar nx = at(n1.end);
        if (is_ascii_alpha(nx.cp)) {
          const unit_entry* u = find_unit(n1.end, e_);
          if (!u || !(u->flags & u_latin)) return skip_chain(p);
        }
        if (nx.cp == '.' || nx.cp == 0xFF0E) {
          const mchar n2 = at(n1.end + nx.len);
          if (is_digit_cp(n2.cp)) return skip_chain(p);
        }
        if (nx.cp == ':' || nx.cp == 0x2236 || nx.cp == 0xFF1A) return ratio_or_time(p, n1);
        if (nx.cp == '/' || nx.cp == 0xFF0F) {
          const mchar n2 = at(n1.end + nx.len);
          if (is_digit_cp(n2.cp)) return slash_number(p, n1);
        }
      }
    }

    // fractions: san fen zhi yi
    if (key_at(n1.end) == utf8_key3(0x5206) && key_at(n1.end + 3) == utf8_key3(0x4E4B) &&  // fen zhi
        !n1.more && !n1.about) {
      return fraction(p, n1);
    }

    // ranges: 2-3 suo, san zhi wu nian, 1 wan - 5 wan yuan, 5%-10%
    {
      const char* sep_at = n1.end;
      const unit_match* own = nullptr;  // the first number's own unit (1 wan - 5 wan yuan)
      if (!n1.pair_range) {
        const unit_match& u = unit_at(skip_space(n1.end));
        if (u.entry && !(u.entry->flags & (u_date | u_ordinal)) && !is_non_unit(u.entry)) {
          sep_at = u.end;
          own = &u;
        }
      }
      if (const std::size_t k = range_seps_set.find_prefix(sep_at, e_)) {
        const unit_match u1 = own ? *own : unit_match{};  // a copy: unit_at is asked again below
        const char* p2 = sep_at + range_seps[k - 1].size();
        const mchar c2 = at(p2);
        if (arabic ? is_digit_cp(c2.cp) : !is_digit_cp(c2.cp)) {
          number_run n2 = number_at(p2, false);
          if (n2.ok && !n2.pair_range && !n2.digit_seq) {
            if (const char* r = range(p, n1, u1, n2)) return r;
          }
        }
      }
    }

    if (n1.pair_range) return finish_range(p, n1, n1.low, n1.high, n1.end, nullptr);
    if (n1.digit_seq) {
      // digit-by-digit Han runs only write years: report nothing (er ling yi ling nian)
      return n1.skip;
    }
    return finish_value(p, n1);
  }

  // -------------------------------------------------------------------------------------
  /** bai fen zhi san shi, qian fen zhi san, bai fen zhi wu dian wu, bai fen zhi 30. */
  const char* percent_words(const char* p, std::size_t kind) {
    const char* q = p + 9;
    const fraction_result fr = parse_fraction(std::string_view(p, static_cast<std::size_t>(e_ - p)),
                                              numeral_options::no_sign);
    if (!fr || !std::isfinite(fr.numerator)) return p + 3;
    number_run n;
    n.ok = true;
    n.value = fr.numerator;
    n.end = fr.ptr;
    n.arabic = is_digit_cp(at(q).cp);
    static constexpr std::string_view norms[] = {"%", "\u2030", "\u2031", "\u2031"};  // % per-mille per-ten-thousand
    metric m;
    m.shape = metric_shape::value;
    m.value = n.value;
    m.unit = norms[kind - 1];
    m.category = unit_category::percent;
    m.numeral = n.arabic ? numeral_form::arabic : numeral_form::han;
    m.number = {off(q), off(n.end)};
    m.unit_text = {off(p), off(q)};
    const char* end = n.end;
    approximation a = approximation::none;
    end = hedge_after(end, a);
    const char* start = prefix(p, a, unit_category::percent, false);
    if (inside_quote(p, end)) return n.end;
    m.approx = a;
    m.span = {off(start), off(end)};
    emit(m);
    return end;
  }

  /** a:b ratio, or a clock time (11:42, 8:30:00). */
  const char* ratio_or_time(const char* p, const number_run& n1) {
    const mchar sep = at(n1.end);
    const char* p2 = n1.end + sep.len;
    if (!is_digit_cp(at(p2).cp)) return n1.end;
    number_run n2 = parse_arabic(p2, e_);
    if (!n2.ok) return skip_code(p, n2);
    const mchar nx = at(n2.end);
    if (nx.cp == ':' || nx.cp == 0x2236 || nx.cp == 0xFF1A || nx.cp == '.' || nx.cp == '-' ||
        is_ascii_alpha(nx.cp))
      return skip_chain(p);
    // a time: hour <= 24 and two-digit minutes < 60, unless bi (ratio) is in the clause
    const bool ratio_mark = sep.cp == 0x2236;
    bool bi = false;
    {
      const char* cs = clause_start(p, 24);
      for (const char* q = cs; q < p;) {
        const mchar c = at(q);
        if (c.cp == 0x6BD4) bi = true;  // bi, ratio / compare
        q += c.len;
      }
    }
    const bool clock = n1.integer && n2.integer && n1.value <= 24 && n2.int_digits == 2 &&
                       n2.value < 60 && !n2.leading_zero ? true
                       : (n1.integer && n2.integer && n1.value <= 24 && n2.int_digits == 2 &&
                          n2.value < 60);
    if (clock && !ratio_mark && !bi) return n2.end;
    metric m;
    m.shape = metric_shape::ratio;
    m.ratio_a = n1.value;
    m.ratio_b = n2.value;
    m.unit = "ratio";
    m.category = unit_category::ratio;
    m.numeral = numeral_form::arabic;
    m.number = {off(p), off(n2.end)};
    m.unit_text = {off(n1.end), off(p2)};
    m.span = m.number;
    if (inside_quote(p, n2.end)) return n2.end;
    emit(m);
    return n2.end;
  }

  /** a/b: a fraction when it is one (2/3, followed by a hedge or de), else a date/code. */
  const char* slash_number(const char* p, const number_run& n1) {
    const mchar sep = at(n1.end);
    const char* p2 = n1.end + sep.len;
    number_run n2 = parse_arabic(p2, e_);
    if (!n2.ok) return skip_code(p, n2);
    const mchar nx = at(n2.end);
    if (nx.cp == '/' || nx.cp == 0xFF0F || nx.cp == '-' || nx.cp == '.' || is_ascii_alnum(nx.cp))
      return skip_chain(p);
    const mchar pv = before(p);
    const bool share = pv.cp == 0x5360 || pv.cp == 0x7684;  // zhan (accounts for), de
    approximation a = approximation::none;
    const char* end = hedge_after(n2.end, a);
    const bool ok = n1.integer && n2.integer && n1.value < n2.value && n2.value <= 100 &&
                    n1.value >= 1 && (share || end != n2.end || at(n2.end).cp == 0x7684);
    if (!ok) return skip_chain(p);
    metric m;
    m.value = n1.value / n2.value;
    m.category = unit_category::other;
    m.numeral = numeral_form::arabic;
    m.number = {off(p), off(n2.end)};
    m.unit_text = {off(n2.end), off(n2.end)};
    const char* start = prefix(p, a, unit_category::other, false);
    m.approx = a;
    m.span = {off(start), off(end)};
    emit(m);
    return end;
  }

  /** san fen zhi yi: one third. */
  const char* fraction(const char* p, const number_run& n1) {
    const fraction_result fr = parse_fraction(std::string_view(p, static_cast<std::size_t>(e_ - p)),
                                              numeral_options::no_sign);
    if (!fr || !std::isfinite(fr.value) || (fr.flags & numeral_flags::digit_by_digit)) return n1.end;
    number_run n2;
    n2.end = fr.ptr;
    metric m;
    m.value = fr.value;
    m.category = unit_category::other;
    m.numeral = n1.arabic ? numeral_form::arabic : numeral_form::han;
    m.number = {off(p), off(n2.end)};
    m.unit_text = {off(n2.end), off(n2.end)};
    approximation a = approximation::none;
    const char* end = hedge_after(n2.end, a);
    const char* start = prefix(p, a, unit_category::other, false);
    if (inside_quote(p, end)) return end;
    m.approx = a;
    m.span = {off(start), off(end)};
    emit(m);
    return end;
  }

  /** Hedge after the unit (yishang, zuoyou ...); returns the new end. */
  const char* hedge_after(const char* end, approximation& a) const noexcept {
    if (const std::size_t k = hedges_after_set.find_prefix(end, e_)) {
      const hedge_word& h = hedges_after[k - 1];
      if (h.approx != approximation::none) a = h.approx;
      return end + h.text.size();
    }
    return end;
  }

  /**
   * Prefix of a metric starting at `p`: adjacent hedge (inside), da (inside, no approx),
   * hedge + verb (outside, sets approx). `recent_ok`: jin before a duration means "recent".
   */
  const char* prefix(const char* p, approximation& a, unit_category cat, bool duration) const noexcept {
    (void)cat;
    const char* start = p;
    // da / da directly before the number (not dadao / daoda)
    if (da_set.find_suffix(lo(p, 3), p)) {
      const char* d = p - 3;
      const mchar pv = before(d);
      if (pv.cp != 0x5230) {  // dao: daoda "arrive at" is a verb, not the hedge
        start = d;
      }
    }
    approximation h = approximation::none;
    const char* hs = hedge_before(start, h);
    if (hs != start) {
      const bool is_jin = (start - hs) == 3 && std::string_view(hs, 3) == "\u8FD1";  // jin
      const mchar pv = before(hs);
      const bool recent = is_jin && (duration || pv.cp == 0x6700 || pv.cp == 0x9644);  // zui, fu
      if (!recent) {
        if (a == approximation::none) a = h;
        start = hs;
      }
    } else if (a == approximation::none) {
      // hedge + verb: yue xu 2600 wan yuan (approx set, hedge outside)
      if (const std::size_t k = hedge_verbs_set.find_suffix(lo(start, 12), start)) {
        const std::string_view v = hedge_verbs[k - 1];
        approximation h2 = approximation::none;
        const char* hv = hedge_before(start - v.size(), h2);
        if (hv != start - v.size() && (h2 == approximation::about)) a = h2;
      }
    }
    return start;
  }

  /** Han yi + count: the article "a" unless it states how many (see the file comment). */
  bool yi_is_count(const char* p, const char* unit_end, const unit_entry* u) const noexcept {
    if (u->flags & u_no_yi) return false;
    const mchar pv = before(p);
    if (yi_word_prefix_set.has(pv.cp)) return false;
    if (yi_count_prefix_set.has(pv.cp)) return true;
    // distributive in the clause: mei wei jiaoshi peibei yi tai
    const char* cs = clause_start(p);
    for (const char* q = cs; q < p;) {
      const mchar c = at(q);
      if (distributive_set.has(c.cp)) return true;
      q += c.len ? c.len : 1;
    }
    // postposed count: shitang yi ge, (noun + yi + measure word + punctuation)
    const mchar nx = at(unit_end);
    if ((nx.len == 0 || is_clause_end(nx.cp)) && is_han_cp(pv.cp)) return true;
    return false;
  }

  /** Medal tally: 3 jin 2 yin 1 tong (a medal unit next to another medal count). */
  bool medal_context(const char* p, const char* unit_end) const noexcept {
    const mchar pv = before(p);
    const char* r = unit_end;
    const mchar nx = at(r);
    if (nx.cp == 0x724C || nx.cp == 0x5E2D) return true;  // pai (medal), xi
    if (is_digit_cp(nx.cp)) {
      number_run n = parse_arabic(r, e_);
      const unit_entry* u = n.ok ? find_unit(n.end, e_) : nullptr;
      if (u && (u->flags & u_medal)) return true;
    } else if (nx.len) {
      unsigned v;
      if (han_role_of(nx.cp, v) == han_role::digit) {
        const unit_entry* u = find_unit(r + nx.len, e_);
        if (u && (u->flags & u_medal)) return true;
      }
    }
    if (pv.len) {
      const unit_entry* u = find_unit(p - pv.len, e_);
      if (u && (u->flags & u_medal) && u->text.size() == pv.len) return true;
    }
    return false;
  }

  /** True when the 2-digit Arabic N nian at [p, ...) is a calendar year. */
  bool arabic_year_is_date(const char* p, const number_run& n, const char* unit_end) const noexcept {
    if (!n.integer || n.magnitude) return false;
    if (n.int_digits >= 3 || n.leading_zero) return true;
    {
      // N nian M yue: a date whatever N is (3 nian 6 ge yue is a duration: ge)
      const char* q = unit_end;
      unsigned len;
      while (arabic_digit_at(q, e_, len) >= 0) q += len;
      if (q != unit_end && (at(q).cp == 0x6708)) return true;  // yue, month
    }
    if (n.int_digits == 2 && n.value >= 13) {
      if (year_continuation_set.find_prefix(unit_end, e_)) return true;
      if (year_before_set.find_suffix(lo(p, 8), p)) return true;
    }
    return false;
  }

  /** Context check shared by values and ranges; false = not a metric. */
  bool unit_allowed(const char* p, const number_run& n, const unit_match& um, bool range) const noexcept {
    const unit_entry* u = um.entry;
    const std::uint16_t f = u->flags;
    const bool han = !n.arabic;
    if (is_non_unit(u) || (f & (u_date | u_ordinal | u_denominator_only))) return false;
    if ((f & u_arabic_only) && han) return false;
    if (f & u_latin) {
      if (han) return false;
      // file size in page metadata: daxiao: 25.44KB
      static constexpr std::string_view size_label[] = {"\u5927\u5C0F:", "\u5927\u5C0F\uFF1A",
                                                        "\u5927\u5C0F: ", "\u5927\u5C0F"};
      if (u->category == unit_category::data_size && ends_with_any(lo(p, 10), p, size_label))
        return false;
    }
    if ((f & u_han_guard) && han && (n.single == 1 || n.single == 2)) {
      // yi yuan hua, er yuan jiegou: only money when a clause-ending char or a hedge follows
      const mchar nx = at(um.end);
      if (!(nx.len == 0 || !is_han_cp(nx.cp))) return false;
    }
    if (f & u_big) {
      if (!han || n.single < 2 || n.single > 12 || n.single == 10 || n.single == 11) return false;
      if (!is_han_cp(at(um.end).cp)) return false;
    }
    if ((f & u_medal) && !medal_context(p, um.end)) return false;
    if (f & u_cheng) {
      if (!n.integer || n.value < 1 || n.value > 10 || n.more) return false;
    }
    if (f & u_fen) {
      const mchar nx = at(um.end);
      static constexpr std::u32string_view ok_after = U"\u4EE5\u5DE6\u4E0A\u7684\u53CA\u591A\u4E4B";  // yi zuo shang de ji duo zhi
      if (nx.len && is_han_cp(nx.cp) && !cp_in(nx.cp, ok_after)) return false;
    }
    if (f & u_time_part) {
      // 8 shi 30 fen, 10:30 fen: a clock time
      const mchar pv = before(p);
      static constexpr std::u32string_view clock_h = U"\u65F6\u6642\u70B9\u9EDE:";  // shi shi dian dian :
      static constexpr std::u32string_view clock_m = U"\u5206\u9418:";  // fen, zhong (minute) :
      if (cp_in(pv.cp, norm_is(u, 0x79D2) ? clock_m : clock_h)) return false;  // miao
    }
    if (f & u_grade) {
      // a rank (yi ji, er qi gongcheng, yi lei xiao) unless the context counts
      bool count = n.single == 12 || range;
      if (!count && n.arabic && !norm_is(u, 0x7EA7) && !norm_is(u, 0x7C7B)) count = true;  // ji, lei
      if (!count) {
        const mchar pv = before(p);
        if (level_set.has(pv.cp)) count = true;
        if (count_context_set.find_suffix(lo(p, 8), p)) count = true;
      }
      if (!count) return false;
    }
    if (norm_is(u, 0x540D) || norm_is(u, 0x4F4D) || norm_is(u, 0x5F3A)) {  // ming, wei, qiang
      // qian 100 ming: a rank cut-off
      const mchar pv = before(p);
      if (pv.cp == 0x524D || pv.cp == 0x540E || pv.cp == 0x5F8C) return false;  // qian, hou
    }
    if (f & u_year) {
      if (n.arabic) {
        if (arabic_year_is_date(p, n, um.end)) return false;
      } else if (n.value >= 1000 || n.digit_seq) {
        return false;
      }
      static constexpr std::string_view xueqian[] = {"\u5B66\u524D", "\u5B78\u524D"};  // xueqian
      if (ends_with_any(lo(p, 6), p, xueqian)) return false;
      if (nian_name_after_set.find_prefix(um.end, e_)) return false;
      if (han && n.single == 1) {
        const mchar pv = before(p);
        if (yi_word_prefix_set.has(pv.cp)) return false;
      }
    }
    if (han && n.single == 2 && !range &&
        (u->category == unit_category::count || u->category == unit_category::person ||
         u->category == unit_category::duration || (f & u_grade)))
      return false;  // er + measure word: an ordinal or a name (counts of two use liang)
    if (han && n.single == 1 && !range && (u->category == unit_category::count ||
                                           u->category == unit_category::person)) {
      if (!yi_is_count(p, um.end, u)) return false;
    }
    if (han && n.single == 1 && u->category == unit_category::duration && !(f & u_year)) {
      const mchar pv = before(p);
      if (yi_word_prefix_set.has(pv.cp)) return false;
    }
    if (han && in_fixed_term(p)) return false;
    if (norm_is(u, 0x9879)) {  // xiang: N xiang lian sai / quan neng name a competition
      static constexpr std::string_view events[] = {"\u8054\u8D5B", "\u806F\u8CFD",
                                                    "\u5168\u80FD", "\u8D5B", "\u8CFD"};
      if (starts_with_any(um.end, e_, events)) return false;  // liansai x2, quanneng, sai x2
    }
    return true;
  }

  /** Category, numeral form and normalised unit of a value metric. */
  void fill_unit(metric& m, const number_run& n, const unit_match& um, const char* p) const noexcept {
    const unit_entry* u = um.entry;
    m.unit = u->norm;
    m.category = u->category;
    m.unit_text = {off(um.begin), off(um.end)};
    if (um.per) {
      m.per = um.per->norm;
      if (um.per2) m.per2 = um.per2->norm;
      m.category = unit_category::rate;
    } else if (u->category == unit_category::currency) {
      // sheng jun 600 yuan, mei nian 800 yuan: an amount per something is a rate
      const char* cs = clause_start(p, 30);
      for (const char* q = cs; q < p;) {
        if (per_words_set.find_prefix(q, p)) {
          m.category = unit_category::rate;
          break;
        }
        q += char_length(q, p);
      }
    }
    if (n.arabic) m.numeral = (n.magnitude || (u->flags & u_magnitude)) ? numeral_form::mixed : numeral_form::arabic;
    else m.numeral = numeral_form::han;
  }

  /** Value metric: number + unit + hedges. */
  const char* finish_value(const char* p, number_run& n) {
    const char* q = skip_space(n.end);
    if (q != n.end && !n.arabic) q = n.end;  // a space after Han numerals ends them
    const unit_match& um = unit_at(q);
    const unit_entry* u = um.entry;
    if (!u) return n.skip;
    if (!unit_allowed(p, n, um, false)) {
      // a rejected unit that names a date/rank swallows the number (and its unit) for good
      return n.skip;
    }
    metric m;
    m.shape = metric_shape::value;
    double v = n.value * um.mult;
    const char* end = um.end;
    if (u->flags & u_cheng) {
      // qi cheng wu = 75%
      v = n.value * 10;
      const mchar nx = at(end);
      unsigned dv;
      if (!n.arabic && han_role_of(nx.cp, dv) == han_role::digit && dv > 0) {
        // the tenth digit, unless it starts a count of its own (qi cheng wu ge ...)
        const mchar nn = at(end + nx.len);
        unsigned nv;
        if (!find_unit(end + nx.len, e_) && han_role_of(nn.cp, nv) == han_role::none) {
          v += dv;
          end += nx.len;
        }
      }
    }
    if (um.half) v += 0.5;
    approximation a = n.more || um.more ? approximation::more_than
                      : n.about        ? approximation::about
                                       : approximation::none;
    // after the unit: ban (liang nian ban), duo (liang nian duo), hedges
    if (u->category == unit_category::duration || u->category == unit_category::multiple) {
      const mchar nx = at(end);
      if (nx.cp == 0x534A && !um.half && !n.more) {  // ban
        v += 0.5;
        end += nx.len;
      } else if (nx.cp == 0x591A && a == approximation::none) {  // duo
        a = approximation::more_than;
        end += nx.len;
      }
    }
    end = hedge_after(end, a);
    fill_unit(m, n, um, p);
    const bool duration = u->category == unit_category::duration;
    const char* start = prefix(p, a, m.category, duration);
    const mchar pv = before(p);
    if (pv.cp == 0x7B2C || pv.cp == 0x9996) return n.skip;  // di, shou: ordinal
    if (inside_quote(start, end)) return um.end;
    if (!std::isfinite(v)) return um.end;
    // a sign where it belongs: -3.5% (after a non-alphanumeric, before the digits)
    const char* num_start = p;
    if (n.arabic && start == p) {
      if (pv.cp == '-' || pv.cp == 0x2212 || pv.cp == 0xFF0D || pv.cp == '+' || pv.cp == 0xFF0B) {
        const mchar pp = before(p - pv.len);
        if (!is_ascii_alnum(pp.cp) && !is_digit_cp(pp.cp) && pp.cp != ')' && pp.cp != 0xFF09) {
          num_start = p - pv.len;
          start = num_start;
          if (pv.cp != '+' && pv.cp != 0xFF0B) v = -v;
        }
      }
    }
    m.value = v;
    m.approx = a;
    m.number = {off(num_start), off(n.end)};
    m.span = {off(start), off(end)};
    emit(m);
    return end;
  }

  /** Range N1 [unit] sep N2 unit; nullptr when it is not one (the caller goes on). */
  const char* range(const char* p, number_run& n1, const unit_match& u1, number_run& n2) {
    const char* q = skip_space(n2.end);
    if (!n2.arabic) q = n2.end;
    const unit_match um = unit_at(q);
    if (!um.entry) {
      // 9-10 yue fen, 2009-2013 nian, a code: report nothing for either number
      return n2.skip > p ? n2.skip : nullptr;
    }
    if (u1.entry && u1.entry->norm != um.entry->norm) return nullptr;
    if (!unit_allowed(p, n2, um, true) || !unit_allowed(p, n1, um, true)) {
      if (um.entry->flags & (u_date | u_ordinal | u_year)) return um.end;
      return nullptr;
    }
    double lo_v = n1.value, hi_v = n2.value;
    // 10-20 wan yuan: the second number's magnitude applies to a bare first number
    if (n2.magnitude && !n1.magnitude && n1.arabic && !u1.entry) {
      double m2 = 1;
      for (const char* s = n2.end; s > n2.begin;) {
        const mchar c = mchar_before(n2.begin, s);
        unsigned len;
        const unsigned pw = magnitude_at(s - c.len, e_, len);
        if (!pw) break;
        m2 *= pow10_f64[pw];
        s -= c.len;
      }
      lo_v *= m2;
    }
    if (!n1.arabic && !n2.arabic) {
      // san zhi wu nian: plain
    }
    const double mult = um.mult;
    // 1 wan - 5 wan yuan: a first number with its own magnitude takes no unit magnitude
    lo_v *= u1.entry ? u1.mult : (n1.magnitude && (um.entry->flags & u_magnitude)) ? 1.0 : mult;
    hi_v *= mult;
    if (!(lo_v <= hi_v) || !std::isfinite(lo_v) || !std::isfinite(hi_v)) return nullptr;
    return finish_range(p, n1, lo_v, hi_v, n2.end, &um, &n2);
  }

  const char* finish_range(const char* p, number_run& n1, double lo_v, double hi_v,
                           const char* num_end, const unit_match* um_in,
                           const number_run* n2 = nullptr) {
    unit_match um;
    if (um_in) {
      um = *um_in;
    } else {
      // pair ranges (liang san suo): the unit follows the run
      um = unit_at(num_end);
      if (!um.entry || !unit_allowed(p, n1, um, true)) return n1.skip;
      lo_v *= um.mult;
      hi_v *= um.mult;
    }
    metric m;
    m.shape = metric_shape::range;
    m.low = lo_v;
    m.high = hi_v;
    const char* end = um.end;
    approximation a = n1.pair_range ? approximation::about
                      : (n1.more || (n2 && n2->more)) ? approximation::more_than
                                                       : approximation::none;
    end = hedge_after(end, a);
    number_run both = n1;
    if (n2) both.magnitude = n1.magnitude || n2->magnitude;
    fill_unit(m, both, um, p);
    const char* start = prefix(p, a, m.category, um.entry->category == unit_category::duration);
    if (before(p).cp == 0x7B2C) return um.end;  // di
    if (inside_quote(start, end)) return um.end;
    m.approx = a;
    m.number = {off(p), off(num_end)};
    m.span = {off(start), off(end)};
    emit(m);
    return end;
  }

  std::size_t off(const char* p) const noexcept { return static_cast<std::size_t>(p - b_); }

  /** Appends `m`, linking it to the previous metric when the clause states a change. */
  void emit(metric& m) {
    if (!out_.empty() && m.span.start < out_.back().span.end) {
      // a hedge word already used by the previous metric: keep the spans disjoint
      m.span.start = out_.back().span.end;
      if (m.span.start > m.number.start) return;
    }
    if (!out_.empty()) {
      const metric& prev = out_.back();
      const std::size_t gap_lo = prev.span.end, gap_hi = m.span.start;
      if (gap_hi >= gap_lo && gap_hi - gap_lo <= 30) {
        const char* g = b_ + gap_lo;
        const char* ge = b_ + gap_hi;
        bool verb = false, clause_break = false, to = false;
        for (const char* q = g; q < ge;) {
          if (ge - q >= 3 && is_ideograph3(q)) {  // no clause break; a verb, dao, zhi, wei?
            if (!verb && change_verbs_set.find_prefix(q, ge)) verb = true;
            if (verb) {
              const std::uint32_t k = head_key(q, 3);
              if (k == utf8_key3(0x5230) || k == utf8_key3(0x81F3) || k == utf8_key3(0x4E3A) ||
                  k == utf8_key3(0x70BA))
                to = true;  // dao, zhi, wei
            }
            q += 3;
            continue;
          }
          const mchar c = mchar_at(q, ge);
          if (c.len == 0) break;
          if (is_sentence_end(c.cp) || c.cp == 0xFF0C || c.cp == ',') {
            clause_break = true;  // no link whatever follows
            break;
          }
          if (!verb && change_verbs_set.find_prefix(q, ge)) verb = true;
          if (verb && (c.cp == 0x5230 || c.cp == 0x81F3 || c.cp == 0x4E3A || c.cp == 0x70BA))
            to = true;  // dao, zhi, wei
          q += c.len;
        }
        if (verb && to && !clause_break) {
          // the first metric must follow you / cong (from) in its clause
          const char* ps = b_ + prev.span.start;
          const char* cs = clause_start(ps, 15);
          for (const char* q = cs; q < ps;) {
            const mchar c = at(q);
            if (c.cp == 0x7531 || c.cp == 0x4ECE || c.cp == 0x5F9E) {  // you, cong, cong
              m.change_from = out_.size() - 1;
              break;
            }
            q += c.len ? c.len : 1;
          }
        }
      }
    }
    out_.push_back(m);
  }
};

}  // namespace detail

/**
 * Finds every quantity in `text` (UTF-8; any bytes accepted) and stores them, in text
 * order, non-overlapping, in `out` (cleared first; its capacity is reused). One pass, each
 * candidate examined with a bounded look-around: linear time. The candidates are found by
 * a SIMD prefilter chosen at run time; `level` caps it (every level gives the same result).
 * No throw except std::bad_alloc from growing `out`; no other allocation.
 */
inline void find_metrics(std::string_view text, std::vector<metric>& out,
                         simd_level level = simd_level::best) {
  out.clear();
  detail::metric_scanner(text, out).run(level);
}

/** Same as the overload above, returning a new vector. */
inline std::vector<metric> find_metrics(std::string_view text, simd_level level = simd_level::best) {
  std::vector<metric> out;
  find_metrics(text, out, level);
  return out;
}

}  // namespace zhscan

#endif  // ZHSCAN_METRIC_HPP
