// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_CHANGE_HPP
#define ZHSCAN_CHANGE_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "metric.hpp"

/**
 * Statistical prose: which quantities state a change (zengzhang 5.3%, xiajiang 1.6%, tigao
 * 0.8 ge baifendian, zengjia 8.19 yi yuan), in which direction, measured how, against which
 * base period, qualifying which level (yingye shouru 4.35 yi yuan, tongbi zengzhang 12.6%),
 * and which words name the indicator measured (diqu shengchan zongzhi, gongye yongdianliang).
 *
 * A linear post-pass over the text and the metrics of find_metrics: each metric looks back
 * over a bounded window of its own clause and sentence (never past the previous metric for
 * its own words), and at most a bounded number of metrics back for its level.
 *
 * The rules (each a small named function in detail::, examples in tests/test_change.cpp):
 *  - direction: a change verb right before the number (after le / wei / da / an opening
 *    bracket): up = zengzhang zengjia tigao shangsheng shangzhang kuoda jingzeng tisheng
 *    huisheng pansheng; down = xiajiang jianshao jiangdi huiluo shouzhai suoxiao xiadie
 *    xiahua; flat = chiping. The one-character verbs zeng jiang jian sheng zhang die and
 *    duo / shao (bi shangnian duo 3.2 wan ren) count only right after a base (tongbi zeng
 *    3.2%). A bare rate in a growth slot (zengsu (14.9%), zengsu wei -2.1%, zengfu, zhangfu,
 *    zengzhanglv) takes the sign written; jiangfu / diefu (a fall of) are down.
 *    The direction is the sign of the delta: zengzhang -2.1% is down; zengzhang 0% is flat.
 *  - measure, from the unit: % -> percent; (ge) baifendian -> pp; bei after a verb ->
 *    times (zengzhang 1.5 bei means +150%: delta 1.5, measure times; shi shangnian de 2.5
 *    bei has no verb: a ratio, no change); any other amount -> absolute.
 *  - base as written, the period named after bi / jiao (bi shangnian -> "shangnian",
 *    bi 2020 nian -> "2020 nian", jiao nianchu -> "nianchu", bi shangnian tongqi ->
 *    "shangnian tongqi"), or the words tongbi / huanbi themselves; none when none is
 *    written in the change's clause (kebi zengzhang has none).
 *  - level: a change without its own indicator words qualifies the nearest level metric
 *    before it in the same sentence (a sentence ends at ju hao, fen hao, ! ?); completion
 *    rates, contributions and targets are no levels; a change with its own indicator words
 *    (qizhong, diyi chanye zengjiazhi zengzhang 3.9%) starts a new statement and has none.
 *  - you A tigao dao B (metric::change_from): both ends get the change, delta B - A.
 *  - negatives (no change record): a share (zhan ... bizhong wei X%, zhanbi), a completion
 *    rate (wancheng niandu yusuan de 100.3%), a contribution (gongxianlv, ladong ... zengzhang
 *    2.1 ge baifendian) and a target (mubiao, yuqi, yuji, lizheng ... zengzhang 6% zuoyou):
 *    targets are left UNLINKED (role target, no change record, no level of anything).
 *    Shares are levels of their own indicator (a change may qualify them).
 *  - indicator: the run of words before the level (or before the change's base and verb)
 *    in the same clause, back to a punctuation mark, a digit or the previous metric, less
 *    the leading fillers (quannian, nianmo, qizhong, quanshi, chubu hesuan ...) and the
 *    trailing ones (wei, da, gongji, an bubianjia jisuan, adverbs ...). A change without
 *    words of its own takes its level's indicator, else its sentence subject's.
 */
namespace zhscan {

/** Direction of a change. */
enum class change_direction : std::uint8_t { up, down, flat };
/** How a change is measured. */
enum class change_measure : std::uint8_t {
  percent,   ///< zengzhang 5.3%: delta in percent of the base
  pp,        ///< tigao 0.8 ge baifendian: delta in percentage points
  absolute,  ///< zengjia 8.19 yi yuan: delta in the metric's normalised unit
  times,     ///< zengzhang 1.5 bei: delta in multiples of the base (1.5 = +150%)
};
/** What a metric is in its statement. */
enum class metric_role : std::uint8_t {
  level,         ///< a level (or a share): may be qualified by changes
  change,        ///< a change of a level (has a change record)
  completion,    ///< a completion rate (wancheng yusuan de 100.3%): no change, no level
  contribution,  ///< a contribution (gongxianlv, ladong): no change, no level
  target,        ///< a target or forecast (mubiao zengzhang 6% zuoyou): left unlinked
  other,         ///< not part of a statement (dates, ages ...)
};

/** "up" / "down" / "flat". */
constexpr std::string_view to_string(change_direction d) noexcept {
  switch (d) {
    case change_direction::up: return "up";
    case change_direction::down: return "down";
    case change_direction::flat: return "flat";
  }
  return "flat";
}
/** "percent" / "pp" / "absolute" / "times". */
constexpr std::string_view to_string(change_measure m) noexcept {
  switch (m) {
    case change_measure::percent: return "percent";
    case change_measure::pp: return "pp";
    case change_measure::absolute: return "absolute";
    case change_measure::times: return "times";
  }
  return "absolute";
}
/** "level" / "change" / "completion" / "contribution" / "target" / "other". */
constexpr std::string_view to_string(metric_role r) noexcept {
  switch (r) {
    case metric_role::level: return "level";
    case metric_role::change: return "change";
    case metric_role::completion: return "completion";
    case metric_role::contribution: return "contribution";
    case metric_role::target: return "target";
    case metric_role::other: return "other";
  }
  return "other";
}

/**
 * What the change pass says of one metric (same index as the metric). `has_change` tells
 * whether the change fields are set; empty spans mean none.
 */
struct metric_change {
  metric_role role = metric_role::level;
  bool has_change = false;
  change_direction direction = change_direction::flat;
  change_measure measure = change_measure::absolute;
  /** Signed delta, exact (see detail::change_delta: the one place that turns a metric into
   *  it): the metric's exact value (metric::value_exact) with the verb's sign, or B - A for
   *  you A tigao dao B; NaN for a range. */
  decimal delta_exact;
  /** delta_exact.to_double(). */
  double delta = std::numeric_limits<double>::quiet_NaN();
  byte_span base;       ///< comparison base as written (shangnian, tongbi ...); empty if none
  std::size_t level = npos;  ///< index of the level metric this change qualifies, or npos
  byte_span indicator;  ///< words naming what is measured; empty if none
  byte_span verb;       ///< the change verb or slot word; empty if none
};

namespace detail {
namespace change_rules {

// ---------------------------------------------------------------------------------------
// Word tables of the change pass, in one place (to move to data/*.tsv with the generator).
// Each entry: the word (UTF-8 escapes; pinyin beside it) and what it does.

enum class cw : std::uint8_t {
  up,           ///< verb of increase
  down,         ///< verb of decrease
  flat,         ///< chiping
  slot,         ///< growth-rate slot: the sign as written
  slot_down,    ///< rate-of-fall slot: down whatever the sign
  up_short,     ///< one-character up verb: only right after a base
  down_short,   ///< one-character down verb: only right after a base
};
struct change_word {
  std::string_view text;
  cw kind;
};
/** Change verbs and growth slots, matched as the words ending right before the number;
 *  longer first where one ends another. */
inline constexpr change_word change_words[] = {
    {"\u53D8\u52A8\u5E45\u5EA6", cw::slot}, {"\u589E\u51CF\u5E45\u5EA6", cw::slot}, {"\u53D8\u52A8\u6BD4\u4F8B", cw::slot},
    {"\u589E\u957F\u901F\u5EA6", cw::slot}, {"\u589E\u957F\u7387", cw::slot}, {"\u589E\u901F", cw::slot},
    {"\u589E\u5E45", cw::slot}, {"\u6DA8\u5E45", cw::slot}, {"\u5347\u5E45", cw::slot},
    {"\u964D\u5E45", cw::slot_down}, {"\u8DCC\u5E45", cw::slot_down}, {"\u51CF\u5E45", cw::slot_down},
    {"\u51C0\u589E\u52A0", cw::up}, {"\u51C0\u589E", cw::up}, {"\u589E\u957F", cw::up}, {"\u589E\u52A0", cw::up},
    {"\u63D0\u9AD8", cw::up}, {"\u4E0A\u5347", cw::up}, {"\u4E0A\u6DA8", cw::up}, {"\u6269\u5927", cw::up},
    {"\u63D0\u5347", cw::up}, {"\u56DE\u5347", cw::up}, {"\u6500\u5347", cw::up}, {"\u589E\u591A", cw::up},
    {"\u51C0\u51CF\u5C11", cw::down}, {"\u4E0B\u964D", cw::down}, {"\u51CF\u5C11", cw::down}, {"\u964D\u4F4E", cw::down},
    {"\u56DE\u843D", cw::down}, {"\u653E\u7F13", cw::down}, {"\u51CF\u7F13", cw::down}, {"\u52A0\u5FEB", cw::up}, {"\u6536\u7A84", cw::down}, {"\u7F29\u5C0F", cw::down}, {"\u4E0B\u8DCC", cw::down},
    {"\u4E0B\u6ED1", cw::down}, {"\u51CF\u5C0F", cw::down}, {"\u51C0\u51CF", cw::down},
    {"\u6301\u5E73", cw::flat},
    {"\u589E", cw::up_short}, {"\u5347", cw::up_short}, {"\u6DA8", cw::up_short}, {"\u591A", cw::up_short},
    {"\u964D", cw::down_short}, {"\u51CF", cw::down_short}, {"\u8DCC", cw::down_short},
    {"\u5C11", cw::down_short},
};
/** Words between a change verb (or a level's indicator) and its number. */
inline constexpr std::string_view connectors[] = {
    "\u8FBE\u5230", "\u4E86", "\u4E3A", "\u9054", "\u8FBE", "\u662F", "\u4E8E", "\uFF08", "(", "\uFF1A", ":", "\u5230", "\u81F3"};
/** Adverbs between a base and its verb (bi shangnian fenbie zengzhang), stripped. */
inline constexpr std::string_view adverbs[] = {
    "\u5206\u522B", "\u5747", "\u90FD", "\u4E5F", "\u7565\u6709", "\u7565", "\u5927\u5E45", "\u5C0F\u5E45", "\u660E\u663E", "\u7A33\u6B65", "\u6301\u7EED",
    "\u5B9E\u9645", "\u540D\u4E49", "\u53EF\u6BD4", "\u7D2F\u8BA1", "\u5E74\u5747", "\u5E73\u5747", "\u518D", "\u53C8", "\u8FDB\u4E00\u6B65", "\u540C\u6837", "\u7EE7\u7EED", "\u5171",
    "\u5408\u8BA1", "\u603B\u8BA1"};
/** Two-character bases that name themselves (tongbi, huanbi). */
inline constexpr std::string_view self_bases[] = {"\u540C\u6BD4", "\u73AF\u6BD4", "\u540C\u6BD4\u4F8B"};
/** Prepositions that introduce a base period (bi shangnian, jiao nianchu). */
inline constexpr std::string_view base_preps[] = {"\u6BD4", "\u8F83", "\u5C0D\u6BD4", "\u5BF9\u6BD4"};
/** Characters before bi that make it part of a word (tongbi, huanbi, kebi, zhanbi, duibi,
 *  xiangbi, leibi, wubi). */
inline constexpr std::string_view not_before_bi[] = {"\u540C", "\u73AF", "\u53EF", "\u5360", "\u5BF9", "\u76F8", "\u7C7B", "\u65E0"};
/** Words starting with bi that are no base preposition (bizhong, bili, bilv). */
inline constexpr std::string_view bi_words[] = {"\u6BD4\u91CD", "\u6BD4\u4F8B", "\u6BD4\u7387", "\u6BD4\u503C", "\u6BD4\u8F83"};
/** Filler words before an indicator, stripped from the front (repeatedly). */
inline constexpr std::string_view lead_fillers[] = {
    "\u521D\u6B65\u6838\u7B97", "\u62A5\u544A\u671F\u5185", "\u62A5\u544A\u671F\u672B", "\u62A5\u544A\u671F", "\u622A\u81F3\u5E74\u672B", "\u622A\u81F3", "\u622A\u6B62", "\u5168\u5E74", "\u5E74\u672B",
    "\u5E74\u5E95", "\u5E74\u521D", "\u4E0A\u534A\u5E74", "\u4E0B\u534A\u5E74", "\u524D\u4E09\u5B63\u5EA6", "\u4E00\u5B63\u5EA6", "\u4E8C\u5B63\u5EA6", "\u4E09\u5B63\u5EA6", "\u56DB\u5B63\u5EA6",
    "\u5176\u4E2D", "\u5168\u5E02", "\u5168\u7701", "\u5168\u533A", "\u5168\u53BF", "\u5168\u56FD", "\u5168\u5DDE", "\u5168\u65D7", "\u672C\u5E74", "\u4ECA\u5E74", "\u5F53\u5E74",
    "\u672C\u671F", "\u672C\u516C\u53F8", "\u516C\u53F8", "\u96C6\u56E2", "\u5B9E\u73B0", "\u5B8C\u6210", "\u5171\u6709", "\u62E5\u6709", "\u6708\u672B", "\u6708\u4EFD",
    "\u4E3B\u8981\u9884\u671F\u76EE\u6807", "\u9884\u671F\u76EE\u6807", "\u76EE\u6807", "\u9884\u671F", "\u9884\u8BA1", "\u529B\u4E89", "\u8BA1\u5212",
    "\u5E74", "\u6708", "\u672B", "\u5E95", "\u53CA", "\u3001", "\u8FBE\u5230", "\u8FBE", "\u800C", "\u4F46", "\u5219", "\u4ECE", "\u7531"};
/** Verbs of achieving inside a run of words: the indicator is what follows them. */
inline constexpr std::string_view achieve_verbs[] = {"\u5B9E\u73B0", "\u5B8C\u6210"};
/** Filler words after an indicator, stripped from the back (repeatedly). */
inline constexpr std::string_view tail_fillers[] = {
    "\u6309\u4E0D\u53D8\u4EF7\u8BA1\u7B97", "\u6309\u53EF\u6BD4\u4EF7\u683C\u8BA1\u7B97", "\u6309\u53EF\u6BD4\u4EF7\u8BA1\u7B97", "\u6309\u53EF\u6BD4\u53E3\u5F84\u8BA1\u7B97", "\u6263\u9664\u4EF7\u683C\u56E0\u7D20",
    "\u8FBE\u5230", "\u5171\u8BA1", "\u5408\u8BA1", "\u603B\u8BA1", "\u7D2F\u8BA1", "\u5B9E\u73B0", "\u5B8C\u6210", "\u63D0\u9AD8\u5230", "\u589E\u52A0\u5230", "\u589E\u957F\u5230",
    "\u4E0B\u964D\u5230", "\u964D\u4F4E\u5230", "\u9884\u671F\u76EE\u6807", "\u76EE\u6807", "\u9884\u671F", "\u9884\u8BA1", "\u529B\u4E89", "\u8BA1\u5212", "\u8981",
    "\u5B89\u6392", "\u4E3A", "\u9054", "\u8FBE", "\u662F", "\u5171", "\u7EA6", "\u7531", "\u4ECE", "\u4E86",
    "\uFF08", "(", "\uFF1A", ":"};
/** Words before "de" that make a percent a completion rate (yusuan de, jihua de). */
inline constexpr std::string_view completion_words[] = {
    "\u9884\u7B97\u7684", "\u8BA1\u5212\u7684", "\u76EE\u6807\u7684", "\u4EFB\u52A1\u7684", "\u8C03\u6574\u9884\u7B97\u7684", "\u8FDB\u5EA6"};
/** Words in a metric's clause that make it a contribution. */
inline constexpr std::string_view contribution_words[] = {"\u8D21\u732E\u7387", "\u8D21\u732E", "\u62C9\u52A8"};
/** Words in a metric's sentence before it that make it a target or a forecast. */
inline constexpr std::string_view target_words[] = {"\u76EE\u6807", "\u9884\u671F", "\u529B\u4E89", "\u8BA1\u5212"};

// ---------------------------------------------------------------------------------------

/**
 * A word list prepared for matching at a position, like word_set (metric_text.hpp) and with
 * the same answers (the index + 1 of the FIRST word in list order that matches, 0 if none),
 * but the words are also bucketed by a 7-bit hash of their first (last) character key: a
 * lookup compares the few words of its bucket, not every word of the list.
 */
template <std::size_t N>
struct keyed_word_set {
  static_assert(N < 255, "a keyed_word_set holds fewer than 255 words");
  static constexpr unsigned buckets = 128;
  static constexpr unsigned bucket(std::uint32_t key) noexcept { return (key * 0x9E3779B1u) >> 25; }
  std::string_view word[N]{};
  std::uint32_t head[N]{};
  std::uint32_t tail[N]{};
  std::uint8_t head_order[N]{};  ///< word indices by (bucket of head, index)
  std::uint8_t tail_order[N]{};  ///< word indices by (bucket of tail, index)
  std::uint8_t head_start[buckets + 1]{};  ///< head_order[head_start[b] .. head_start[b + 1]): bucket b
  std::uint8_t tail_start[buckets + 1]{};
  bool ok = true;  ///< false if a word cannot be keyed (empty, or a cut multi-byte edge)

  /** Index + 1 of the first word that [p, end) starts with, 0 if none. */
  std::size_t find_prefix(const char* p, const char* end) const noexcept {
    if (p >= end) return 0;
    const std::uint32_t k = head_key(p, static_cast<std::size_t>(end - p));
    const unsigned b = bucket(k);
    for (unsigned j = head_start[b], je = head_start[b + 1]; j < je; ++j) {
      const unsigned i = head_order[j];
      if (head[i] == k && starts_with_at(p, end, word[i])) return i + 1;
    }
    return 0;
  }

  /** Index + 1 of the first word that [begin, p) ends with, 0 if none. */
  std::size_t find_suffix(const char* begin, const char* p) const noexcept {
    if (p <= begin) return 0;
    const std::uint32_t k = tail_key(p, static_cast<std::size_t>(p - begin));
    const unsigned b = bucket(k);
    for (unsigned j = tail_start[b], je = tail_start[b + 1]; j < je; ++j) {
      const unsigned i = tail_order[j];
      if (tail[i] == k && ends_with_at(begin, p, word[i])) return i + 1;
    }
    return 0;
  }
};

/** Counting sort of the word indices by bucket (stable: list order within a bucket). */
template <std::size_t N>
constexpr void bucket_words(const std::uint32_t (&keys)[N], std::uint8_t (&order)[N],
                            std::uint8_t (&start)[keyed_word_set<N>::buckets + 1]) noexcept {
  constexpr unsigned nb = keyed_word_set<N>::buckets;
  unsigned count[nb + 1] = {};
  for (std::size_t i = 0; i < N; ++i) ++count[keyed_word_set<N>::bucket(keys[i]) + 1];
  for (unsigned b = 0; b < nb; ++b) count[b + 1] += count[b];
  for (unsigned b = 0; b <= nb; ++b) start[b] = static_cast<std::uint8_t>(count[b]);
  for (std::size_t i = 0; i < N; ++i)
    order[count[keyed_word_set<N>::bucket(keys[i])]++] = static_cast<std::uint8_t>(i);
}

/** Builds a keyed_word_set from a list of literals (or of structs with a `text` member). */
template <class T, std::size_t N>
constexpr keyed_word_set<N> make_keyed_word_set(const T (&list)[N]) noexcept {
  keyed_word_set<N> s{};
  for (std::size_t i = 0; i < N; ++i) {
    const std::string_view w = word_text(list[i]);
    s.word[i] = w;
    if (w.empty()) {
      s.ok = false;
      continue;
    }
    s.head[i] = head_key(w.data(), w.size());
    s.tail[i] = tail_key(w.data() + w.size(), w.size());
    if (s.head[i] == no_key || s.tail[i] == no_key) s.ok = false;
  }
  bucket_words(s.head, s.head_order, s.head_start);
  bucket_words(s.tail, s.tail_order, s.tail_start);
  return s;
}

/** The tables prepared for matching at a position (first/last-character keys, buckets). */
inline constexpr auto change_words_set = make_keyed_word_set(change_words);
inline constexpr auto connectors_set = make_keyed_word_set(connectors);
inline constexpr auto adverbs_set = make_keyed_word_set(adverbs);
inline constexpr auto self_bases_set = make_keyed_word_set(self_bases);
inline constexpr auto lead_fillers_set = make_keyed_word_set(lead_fillers);
inline constexpr auto tail_fillers_set = make_keyed_word_set(tail_fillers);
inline constexpr auto completion_set = make_keyed_word_set(completion_words);
inline constexpr auto contribution_set = make_keyed_word_set(contribution_words);
inline constexpr auto target_set = make_keyed_word_set(target_words);
static_assert(change_words_set.ok && connectors_set.ok && adverbs_set.ok && self_bases_set.ok &&
                  lead_fillers_set.ok && tail_fillers_set.ok && completion_set.ok &&
                  contribution_set.ok && target_set.ok,
              "change word tables must be keyable");

/** The code point ending at `p` (not before `lo`) and its length; {0,0} at `lo`; an
 *  ill-formed tail counts as one byte U+FFFD. */
inline mchar prev_char(const char* lo, const char* p) noexcept {
  if (p <= lo) return {0, 0};
  // the common cases first (the same answers as the general path below): ASCII, and a
  // well-formed 3-byte character (its lead byte is no continuation byte, so the loop below
  // would stop on it)
  const auto last = static_cast<unsigned char>(p[-1]);
  if (last < 0x80u) return {last, 1};
  if (p - lo >= 3) {
    const auto b0 = static_cast<unsigned char>(p[-3]);
    if ((b0 & 0xF0u) == 0xE0u) {
      const char32_t cp = decode3(b0, static_cast<unsigned char>(p[-2]), last);
      if (cp) return {cp, 3};
    }
  }
  const char* q = p - 1;
  int n = 0;
  while (q > lo && n < 3 && (static_cast<unsigned char>(*q) & 0xC0u) == 0x80u) {
    --q;
    ++n;
  }
  const mchar c = mchar_at(q, p);
  if (c.len == static_cast<std::size_t>(p - q)) return c;
  return {0xFFFD, 1};
}

/** True for a mark that ends a sentence for the statement rules (ju hao, fen hao, ! ? and
 *  line breaks). */
constexpr bool is_sentence_break(char32_t c) noexcept {
  return c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == ';' || c == '!' ||
         c == '?' || c == '\n' || c == '\r' || c == 0x2029;
}
/** True for a mark that ends a clause (a sentence break, comma, dun hao, colon ...). */
constexpr bool is_clause_break(char32_t c) noexcept {
  return is_sentence_break(c) || c == 0xFF0C || c == ',' || c == 0xFF1A ||
         c == ':' || c == 0xFF08 || c == 0xFF09 || c == '(' || c == ')' || c == '\t';
}
/** True for characters an indicator's words may contain (ideographs, Latin letters). */
constexpr bool is_word_char(char32_t c) noexcept {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x201C ||
         c == 0x3001 ||  // dun hao inside a name: dianli, reli, ranqi ji shui ... gongyingye
         c == 0x201D || c == 0x300A || c == 0x300B ||  // quoted names: "san bao" zhichu
         (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}

inline constexpr std::size_t max_look = 96;  ///< bytes looked back for a clause (32 chars)

/** Start of the clause ending at `p`: just after the nearest clause break, at most
 *  max_look bytes back and never before `lo`; an opening bracket or colon right before `p`
 *  belongs to the clause (zengsu (14.9%), zongzhi: 7890 yi yuan). */
inline const char* clause_begin(const char* lo, const char* p) noexcept {
  const char* floor = static_cast<std::size_t>(p - lo) > max_look ? p - max_look : lo;
  const char* q = p;
  const mchar last = prev_char(floor, q);
  if (last.cp == 0xFF08 || last.cp == '(' || last.cp == 0xFF1A || last.cp == ':') q -= last.len;
  while (q > floor) {
    const mchar c = prev_char(floor, q);
    if (is_clause_break(c.cp)) return q;
    q -= c.len;
  }
  return q;
}

/** `p` moved back over the first word of `set` (list order) that [lo, p) ends with, once;
 *  `p` if none. */
template <class Set>
inline const char* strip_back(const char* lo, const char* p, const Set& set) noexcept {
  const std::size_t k = set.find_suffix(lo, p);
  return k ? p - set.word[k - 1].size() : p;
}
/** Same, repeatedly. */
template <class Set>
inline const char* strip_back_all(const char* lo, const char* p, const Set& set) noexcept {
  for (;;) {
    const char* q = strip_back(lo, p, set);
    if (q == p) return p;
    p = q;
  }
}
/** `p` moved forward over the words of `set` that [p, hi) starts with, repeatedly. */
template <class Set>
inline const char* strip_front_all(const char* p, const char* hi, const Set& set) noexcept {
  for (std::size_t k; p < hi && (k = set.find_prefix(p, hi)) != 0;) p += set.word[k - 1].size();
  return p;
}

/** The change word found before a number. */
struct verb_match {
  const char* start = nullptr;  ///< first byte of the word; nullptr if none
  const char* end = nullptr;    ///< one past its last byte
  cw kind = cw::up;
  bool reached = false;  ///< followed by dao / zhi (tigao dao B): B is a level, not a change
};

/** The change word (verb or slot) ending at `p` in [lo, p), after at most two connectors;
 *  none if none. Rule: a change word sits right before its number (zengzhang 5.3%, zengsu
 *  (14.9%), zengzhang le 3%); after dao / zhi it names the level reached. */
inline verb_match change_word_before(const char* lo, const char* p) noexcept {
  const char* q = strip_back(lo, p, connectors_set);
  if (q != p) q = strip_back(lo, q, connectors_set);  // "wei (" and the like: two at most
  const std::size_t k = change_words_set.find_suffix(lo, q);
  if (!k) return {};
  const bool reached = ends_with_at(lo, p, "\u5230") || ends_with_at(lo, p, "\u81F3");
  const change_word& w = change_words[k - 1];
  return {q - w.text.size(), q, w.kind, reached};
}

/** The base as written, ending at `p` (after adverbs): tongbi / huanbi, or the period
 *  after bi / jiao (bi shangnian -> shangnian); `b.start` is set to the base phrase's
 *  first byte (the preposition). Empty span if none. */
struct base_match {
  byte_span base;         ///< offsets relative to `origin`
  const char* start = nullptr;  ///< first byte of the base phrase (with bi); nullptr if none
};
inline base_match base_before(const char* origin, const char* lo, const char* p) noexcept {
  base_match r;
  const char* q = strip_back_all(lo, p, adverbs_set);
  if (const std::size_t k = self_bases_set.find_suffix(lo, q)) {
      r.start = q - self_bases[k - 1].size();
      r.base = {static_cast<std::size_t>(r.start - origin), static_cast<std::size_t>(q - origin)};
      return r;
    }
  // the nearest bi / jiao in at most 10 characters back, the period after it
  const char* s = q;
  for (int n = 0; n < 10 && s > lo; ++n) {
    const mchar c = prev_char(lo, s);
    if (is_sentence_break(c.cp) || c.cp == 0xFF0C || c.cp == ',') break;  // 1-10 yuefen: dashes inside
    s -= c.len;
    // every base preposition starts with bi, jiao or dui (s/t): anything else is none
    if (q - s < 3) continue;
    const std::uint32_t k3 = head_key(s, 3);
    if (k3 != utf8_key3(0x6BD4) && k3 != utf8_key3(0x8F83) && k3 != utf8_key3(0x5C0D) && k3 != utf8_key3(0x5BF9))
      continue;
    for (std::string_view w : base_preps) {
      if (!starts_with_at(s, q, w) || s + w.size() >= q) continue;
      bool word = false;
      for (std::string_view b : bi_words) word = word || starts_with_at(s, q, b);
      if (word) continue;
      if (w.size() == 3 && starts_with_any(s - std::min<std::size_t>(3, static_cast<std::size_t>(s - lo)), s, not_before_bi))
        continue;  // tong bi / huan bi are self bases, ke bi (kebi jiage) no base, zhan bi a share
      r.start = s;
      r.base = {static_cast<std::size_t>(s + w.size() - origin), static_cast<std::size_t>(q - origin)};
      return r;
    }
  }
  return r;
}

/** The base of a clause "yu X xiangbi" ending at `p` with a comma (yu shangnian xiangbi,
 *  zengzhang 5.1%): X, and the phrase's first byte (yu); none if the clause is not one. */
inline base_match compared_with_before(const char* origin, const char* lo, const char* p) noexcept {
  base_match r;
  const mchar comma = prev_char(lo, p);
  if (comma.cp != 0xFF0C && comma.cp != ',') return r;
  const char* e = p - comma.len;
  if (!ends_with_at(lo, e, "\u76F8\u6BD4")) return r;
  e -= 6;
  const char* s = e;
  for (int n = 0; n < 8 && s > lo; ++n) {
    const mchar c = prev_char(lo, s);
    if (is_clause_break(c.cp)) break;
    s -= c.len;
    if ((starts_with_at(s, e, "\u4E0E") || starts_with_at(s, e, "\u540C") || starts_with_at(s, e, "\u548C")) && s + 3 < e) {
      r.start = s;
      r.base = {static_cast<std::size_t>(s + 3 - origin), static_cast<std::size_t>(e - origin)};
      return r;
    }
  }
  return r;
}

/** Sign of a change word: +1 up, -1 down, 0 flat or a slot (sign as written). */
constexpr int verb_sign(cw k) noexcept {
  return (k == cw::up || k == cw::up_short) ? 1 : (k == cw::down || k == cw::down_short || k == cw::slot_down) ? -1 : 0;
}

/** Measure of a change from its metric's unit: % -> percent, baifendian -> pp, bei ->
 *  times, anything else -> absolute. */
inline change_measure measure_of(const metric& m) noexcept {
  const std::string_view u = m.unit;
  if (u == "%" || u == "\uFF05") return change_measure::percent;
  if (u.size() >= 9 && u.substr(u.size() - 9) == "\u767E\u5206\u70B9") return change_measure::pp;
  if (u == "\u500D") return change_measure::times;
  return change_measure::absolute;
}

/** The number a metric states, as used for a delta: its exact value (NaN for ranges and
 *  ratios). */
inline decimal metric_number(std::string_view, const metric& m) noexcept { return m.value_exact(); }

/** Signed delta of a change: the metric's number times the verb's sign (a slot keeps the
 *  written sign; slot_down makes it negative). */
inline decimal change_delta(std::string_view text, const metric& m, cw k) noexcept {
  decimal v = metric_number(text, m);
  if (v.nan || k == cw::slot || k == cw::flat) return v;
  if (k == cw::slot_down) {
    v.negative = v.significand != 0;
    return v;
  }
  return verb_sign(k) < 0 ? -v : v;
}

/** Difference b - a of two metrics (you A tigao dao B), exactly. */
inline decimal difference(std::string_view text, const metric& a, const metric& b) noexcept {
  return metric_number(text, b) - metric_number(text, a);
}

/** Bit b: some tail filler, adverb or self base ends with a character of tail bucket b. */
struct bucket_bits {
  std::uint64_t w[2];
};
template <class Set>
constexpr void add_tail_buckets(bucket_bits& bits, const Set& set) noexcept {
  for (unsigned b = 0; b < Set::buckets; ++b)
    if (set.tail_start[b] != set.tail_start[b + 1]) bits.w[b >> 6] |= std::uint64_t(1) << (b & 63);
}
constexpr bucket_bits make_filler_tail_buckets() noexcept {
  bucket_bits bits{{0, 0}};
  add_tail_buckets(bits, tail_fillers_set);
  add_tail_buckets(bits, adverbs_set);
  add_tail_buckets(bits, self_bases_set);
  return bits;
}
inline constexpr bucket_bits filler_tail_buckets = make_filler_tail_buckets();
static_assert(decltype(tail_fillers_set)::buckets == 128 && decltype(adverbs_set)::buckets == 128 &&
                  decltype(self_bases_set)::buckets == 128,
              "filler_tail_buckets holds 128 buckets");

/** False when no tail filler, adverb or self base can end at `p` (false never misses one). */
inline bool may_end_filler(const char* lo, const char* p) noexcept {
  if (p <= lo) return false;
  const unsigned b = decltype(tail_fillers_set)::bucket(tail_key(p, static_cast<std::size_t>(p - lo)));
  return (filler_tail_buckets.w[b >> 6] >> (b & 63)) & 1u;
}

/** The run of whole 3-byte ideographs (is_ideograph3, stepped back 3 bytes at a time)
 *  that walk_back crossed first: [lo, end), with or without a shi / wan (the first
 *  characters of achieve_verbs) among them. Lets indicator_before step over it at once. */
struct ideograph_run {
  const char* lo = nullptr;
  const char* end = nullptr;  ///< nullptr: no run known
  bool achieve = false;
};

/** The indicator words in [lo, p): the run of word characters ending at `p` after the
 *  trailing fillers and adverbs are stripped, less its leading fillers; empty if none. */
inline byte_span indicator_before(const char* origin, const char* lo, const char* p,
                                   const ideograph_run& run = {}) noexcept {
  const char* e = p;
  // (no trailing word to strip, the common case: one bucket test instead of three lookups)
  if (may_end_filler(lo, e)) {
    for (const char* prev = nullptr; prev != e;) {
      prev = e;
      e = strip_back_all(lo, e, tail_fillers_set);
      e = strip_back_all(lo, e, adverbs_set);
      e = strip_back_all(lo, e, self_bases_set);
    }
  }
  const char* s = e;
  const char* after_verb = nullptr;  // gongsi shixian yingye shouru: the words after the verb
  int n = 0;
  if (run.end && !run.achieve && e <= run.end && e >= run.lo && (run.end - e) % 3 == 0) {
    // e lies on a run of ideographs known to hold no shi / wan: the loop below would step
    // over its characters one by one with nothing to do
    const char* const floor = run.lo > lo ? run.lo : lo;
    const std::size_t k = std::min<std::size_t>(32, static_cast<std::size_t>(e - floor) / 3);
    s = e - 3 * k;
    n = static_cast<int>(k);
  }
  for (; n < 32 && s > lo; ++n) {
    if (s - lo >= 3 && is_ideograph3(s - 3)) {
      s -= 3;
      // shi (shixian) / wan (wancheng): the first characters of achieve_verbs
      if (!after_verb && ((s[0] == '\xE5' && s[1] == '\xAE' && s[2] == '\x9E') ||
                          (s[0] == '\xE5' && s[1] == '\xAE' && s[2] == '\x8C'))) {
        for (std::string_view v : achieve_verbs)
          if (starts_with_at(s, e, v) && s + v.size() < e) after_verb = s + v.size();
      }
      continue;
    }
    const mchar c = prev_char(lo, s);
    if (!is_word_char(c.cp)) break;
    s -= c.len;
  }
  if (after_verb) s = after_verb;
  s = strip_front_all(s, e, lead_fillers_set);
  if (e <= s) return {};
  return {static_cast<std::size_t>(s - origin), static_cast<std::size_t>(e - origin)};
}

/** What the words of a metric's clause (or sentence) say (see walk_back). */
struct context {
  const char* clause = nullptr;  ///< start reached: the clause's (or sentence's) first byte
  bool target = false;           ///< a target word (mubiao, yuqi, lizheng, jihua) on the way
  bool contribution = false;     ///< a contribution word (gongxianlv, ladong) on the way
  ideograph_run run;             ///< the ideographs crossed first (for indicator_before)
};

inline constexpr std::size_t max_walk = 96;  ///< bytes walked back from a metric (32 chars)

/** First characters of the target and contribution words (mu yu li ji gong la). */
constexpr bool is_context_trigger(char32_t c) noexcept {
  return c == 0x76EE || c == 0x9884 || c == 0x529B || c == 0x8BA1 || c == 0x8D21 || c == 0x62C9;
}
/** The low six bits of the last UTF-8 byte of each trigger above: one bit test rejects
 *  most ideographs before they are decoded (AE 84 9B A1 A1 89). */
inline constexpr std::uint64_t context_trigger_tails =
    (std::uint64_t(1) << 0x2E) | (std::uint64_t(1) << 0x04) | (std::uint64_t(1) << 0x1B) |
    (std::uint64_t(1) << 0x21) | (std::uint64_t(1) << 0x09);
/** The same with the last bytes of shi / wan (9E 8C), for walk_back's ideograph_run. */
inline constexpr std::uint64_t context_or_achieve_tails =
    context_trigger_tails | (std::uint64_t(1) << 0x1E) | (std::uint64_t(1) << 0x0C);
/** Same for the target words alone (mu yu li ji: AE 84 9B A1). */
inline constexpr std::uint64_t target_trigger_tails =
    (std::uint64_t(1) << 0x2E) | (std::uint64_t(1) << 0x04) | (std::uint64_t(1) << 0x1B) |
    (std::uint64_t(1) << 0x21);

/** Walks back from `p` over [lo, p), at most max_walk bytes, to the first clause break (with
 *  `sentence`, to the first sentence break): the start reached and the target / contribution
 *  words met on the way. An opening bracket or colon right before `p` belongs to the clause
 *  (zengsu (14.9%), zongzhi: 7890 yi yuan). */
inline context walk_back(const char* lo, const char* p, bool sentence = false) noexcept {
  context x;
  const char* floor = static_cast<std::size_t>(p - lo) > max_walk ? p - max_walk : lo;
  const char* q = p;
  const mchar last = prev_char(floor, q);
  if (!sentence && (last.cp == 0xFF08 || last.cp == '(' || last.cp == 0xFF1A || last.cp == ':')) q -= last.len;
  x.run.end = q;
  bool in_run = true;
  while (q > floor) {
    if (q - floor >= 3) {  // the common case: an ideograph (no break), maybe a trigger
      const auto b0 = static_cast<unsigned char>(q[-3]);
      const auto b1 = static_cast<unsigned char>(q[-2]);
      const auto b2 = static_cast<unsigned char>(q[-1]);
      if (static_cast<unsigned>(b0 - 0xE4u) <= 5u && (b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u) {
        q -= 3;
        if (ZHSCAN_UNLIKELY((context_or_achieve_tails >> (b2 & 63u)) & 1u)) {
          if (b0 == 0xE5u && b1 == 0xAEu && (b2 == 0x9Eu || b2 == 0x8Cu)) x.run.achieve |= in_run;  // shi, wan
          else if (is_context_trigger(decode3(b0, b1, b2))) {
            if (target_set.find_prefix(q, p)) x.target = true;
            if (contribution_set.find_prefix(q, p)) x.contribution = true;
          }
        }
        continue;
      }
    }
    if (in_run) {
      x.run.lo = q;
      in_run = false;
    }
    const mchar c = prev_char(floor, q);
    if (sentence ? is_sentence_break(c.cp) : is_clause_break(c.cp)) break;
    q -= c.len;
  }
  if (in_run) x.run.lo = q;
  x.clause = q;
  return x;
}

/** True when a target word (mubiao, yuqi, lizheng, jihua) ends in [q, p) for a q that
 *  walk_back(lo, p, true) steps over: walk_back(lo, p, true).target, stopping at the
 *  first one found (the sentence rule needs no more). */
inline bool target_in_sentence_before(const char* lo, const char* p) noexcept {
  const char* floor = static_cast<std::size_t>(p - lo) > max_walk ? p - max_walk : lo;
  const char* q = p;
  while (q > floor) {
    if (q - floor >= 3) {
      const auto b0 = static_cast<unsigned char>(q[-3]);
      const auto b1 = static_cast<unsigned char>(q[-2]);
      const auto b2 = static_cast<unsigned char>(q[-1]);
      if (static_cast<unsigned>(b0 - 0xE4u) <= 5u && (b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u) {
        q -= 3;
        if (ZHSCAN_UNLIKELY((target_trigger_tails >> (b2 & 63u)) & 1u) && target_set.find_prefix(q, p))
          return true;
        continue;
      }
    }
    const mchar c = prev_char(floor, q);
    if (is_sentence_break(c.cp)) break;
    q -= c.len;
  }
  return false;
}

/** True when [s, e) holds a sentence break, or is longer than max_walk bytes (too far apart
 *  to be one statement). */
inline bool sentence_break_in(const char* s, const char* e) noexcept {
  if (e < s || static_cast<std::size_t>(e - s) > max_walk) return true;
  for (const char* q = s; q < e;) {
    if (e - q >= 3 && is_ideograph3(q)) {  // never a break
      q += 3;
      continue;
    }
    const mchar c = mchar_at(q, e);
    if (is_sentence_break(c.cp)) return true;
    q += c.len ? c.len : 1;
  }
  return false;
}

/** The indicator of the nearest metric before `i` in its sentence that has one (the
 *  sentence's subject, at most 12 metrics back); empty if none. */
inline byte_span subject_before(const char* b, const std::vector<metric>& ms,
                                const std::vector<metric_change>& out, std::size_t i) noexcept {
  for (std::size_t j = i, n = 0; j-- > 0 && n < 12; ++n) {
    if (sentence_break_in(b + ms[j].span.end, b + ms[j + 1].span.start)) break;
    if (!out[j].indicator.empty()) return out[j].indicator;
  }
  return {};
}

/** The target and contribution words of the sentence before the clause start `cs` (at most
 *  max_walk bytes back), with those of the clause itself (`x`). Rule: a target or
 *  contribution word holds for the rest of its sentence. */
inline context sentence_words(const char* b, const char* cs, const context& x) noexcept {
  context y = walk_back(b, cs, true);
  y.target |= x.target;
  y.contribution |= x.contribution;
  return y;
}

/** Role of a metric that states no change, from its context and the words right before it:
 *  completion (yusuan de 100.3%, jindu wei 98.6%), contribution, target, other (durations,
 *  scores, multiples without a verb: shi shangnian de 2.5 bei, ratios) or level. */
inline metric_role non_change_role(const metric& m, bool target, bool contribution,
                                   const char* lo, const char* p) noexcept {
  if (m.category == unit_category::percent) {
    const char* q = strip_back(lo, p, connectors_set);
    if (completion_set.find_suffix(lo, q)) return metric_role::completion;
    if (contribution) return metric_role::contribution;
  }
  if (target) return metric_role::target;
  if (m.category == unit_category::duration || m.category == unit_category::score ||
      m.category == unit_category::multiple || m.shape == metric_shape::ratio)
    return metric_role::other;
  return metric_role::level;
}

}  // namespace change_rules
}  // namespace detail

/**
 * Reads the changes, levels and indicators of the metrics `ms` found by find_metrics in
 * `text` (same text) into `out` (cleared first; one entry per metric, same index). Linear:
 * each metric walks back at most 32 characters, and at most 12 metrics back for its level.
 * Any bytes accepted; spans lie in `text`. No throw except std::bad_alloc from growing `out`.
 */
inline void find_changes(std::string_view text, const std::vector<metric>& ms,
                         std::vector<metric_change>& out) {
  namespace r = detail::change_rules;
  out.clear();
  out.reserve(ms.size());  // (each entry is made when its metric's turn comes, while in cache)
  const char* const b = text.data();
  for (std::size_t i = 0; i < ms.size(); ++i) {
    // The text of a large input is far out of cache by now: ask for the line before a metric
    // a few metrics ahead (the walk reads back from its start).
    if (i + 16 < ms.size()) {
      const char* ahead = b + ms[i + 16].span.start;
      __builtin_prefetch(ahead - 1);
    }
    const metric& m = ms[i];
    metric_change& c = out.emplace_back();
    const char* const p = b + m.span.start;
    const char* const lo = b + (i ? ms[i - 1].span.end : 0);  // own words: after the previous metric
    const r::context x = r::walk_back(lo, p);
    const char* const own_lo = x.clause > lo ? x.clause : lo;

    // you A tigao dao B: both ends carry the change
    if (m.change_from != npos && m.change_from < i) {
      const metric& a = ms[m.change_from];
      const decimal d = r::difference(text, a, m);
      const int sgn = compare(d, decimal::make(0));
      metric_change ch;
      ch.role = metric_role::level;
      ch.has_change = true;
      ch.delta_exact = d;
      ch.delta = d.to_double();
      ch.direction = sgn == 1 ? change_direction::up : sgn == -1 ? change_direction::down : change_direction::flat;
      ch.measure = (m.unit == "%") ? change_measure::pp : change_measure::absolute;
      const r::verb_match v = r::change_word_before(lo, p);
      if (v.start) ch.verb = {static_cast<std::size_t>(v.start - b), static_cast<std::size_t>(v.end - b)};
      metric_change& ca = out[m.change_from];
      ch.indicator = ca.indicator;
      ch.base = ca.base;
      ca.has_change = true;
      ca.direction = ch.direction;
      ca.measure = ch.measure;
      ca.delta_exact = d;
      ca.delta = ch.delta;
      ca.verb = ch.verb;
      c = ch;
      continue;
    }

    const r::verb_match v = r::change_word_before(own_lo, p);
    bool is_change = v.start != nullptr && !v.reached;
    r::base_match base;
    if (is_change) {
      base = r::base_before(b, own_lo, v.start);
      if ((v.kind == r::cw::up_short || v.kind == r::cw::down_short) && !base.start) is_change = false;
      if (m.unit == "\xE5\x80\x8D" && v.kind != r::cw::up && v.kind != r::cw::down) is_change = false;
      if (m.shape == metric_shape::ratio) is_change = false;
    }
    // targets and contributions: for a change, the words of its sentence; for another metric,
    // those of its clause, or the role of the previous metric of its sentence (gongxianlv,
    // xiaofei wei 58.2%, touzi wei 31.4%)
    // (for a change only the sentence's target words count: sentence_words(b, x.clause, x)
    // .target, without the walk when the clause already has one)
    r::context sw = x;
    if (is_change && !x.target) sw.target = r::target_in_sentence_before(b, x.clause);
    if (!is_change && i && (out[i - 1].role == metric_role::target || out[i - 1].role == metric_role::contribution) &&
        !r::sentence_break_in(lo, p)) {
      sw.target |= out[i - 1].role == metric_role::target;
      sw.contribution |= out[i - 1].role == metric_role::contribution;
    }
    if (is_change && sw.target) {
      c.role = metric_role::target;  // unlinked: no change record, no level
      c.indicator = r::indicator_before(b, own_lo, base.start ? base.start : v.start, x.run);
      continue;
    }
    if (is_change && x.contribution) {
      c.role = metric_role::contribution;
      continue;
    }
    if (!is_change) {
      c.role = r::non_change_role(m, sw.target, sw.contribution, own_lo, p);
      if (c.role == metric_role::other) continue;
      if (c.role == metric_role::completion || c.role == metric_role::contribution) {
        c.indicator = r::subject_before(b, ms, out, i);  // wancheng yusuan de 100.3%: of its subject
        continue;
      }
      c.indicator = r::indicator_before(b, own_lo, v.start && v.reached ? v.start : p, x.run);
      continue;
    }
    c.role = metric_role::change;
    c.has_change = true;
    c.verb = {static_cast<std::size_t>(v.start - b), static_cast<std::size_t>(v.end - b)};
    c.delta_exact = r::change_delta(text, m, v.kind);
    c.delta = c.delta_exact.to_double();
    c.measure = r::measure_of(m);
    const int sgn = compare(c.delta_exact, decimal::make(0));
    if (v.kind == r::cw::flat) c.direction = change_direction::flat;
    else if (sgn == 1) c.direction = change_direction::up;
    else if (sgn == -1) c.direction = change_direction::down;
    else if (sgn == 0) c.direction = change_direction::flat;
    else c.direction = r::verb_sign(v.kind) < 0 ? change_direction::down : change_direction::up;
    c.base = base.base;
    const char* head = base.start ? base.start : v.start;
    c.indicator = r::indicator_before(b, own_lo, head, x.run);
    if (!base.start && c.indicator.empty()) {  // yu shangnian xiangbi, zengzhang 5.1%
      const r::base_match xb = r::compared_with_before(b, lo, own_lo);
      if (xb.start) {
        c.base = xb.base;
        c.indicator = r::indicator_before(b, r::clause_begin(lo, xb.start), xb.start);
      }
    }
    // zengsu bi 1-10 yuefen huiluo 0.3 ge baifendian: a growth slot alone names the rate
    // before it, no indicator of its own
    if (!c.indicator.empty()) {
      const std::size_t k = r::change_words_set.find_suffix(b + c.indicator.start, b + c.indicator.end);
      if (k && r::change_words[k - 1].text.size() == c.indicator.size()) c.indicator = {};
    }
    const bool own_words = !c.indicator.empty();
    // level: the nearest level before it in the sentence, when it has no words of its own
    if (!own_words) {
      for (std::size_t j = i, n = 0; j-- > 0 && n < 12; ++n) {
        if (r::sentence_break_in(b + ms[j].span.end, b + ms[j + 1].span.start)) break;
        const metric_change& cj = out[j];
        if (cj.role == metric_role::level && !(j + 1 < ms.size() && ms[j + 1].change_from == j)) {
          c.level = j;
          break;
        }
        // a change of a growth rate (zengzhang 6.2%, bi shangyue jiakuai 0.8 ge baifendian):
        // the rate right before it is what it qualifies
        if (j + 1 == i && cj.role == metric_role::change && cj.measure == change_measure::percent &&
            c.measure == change_measure::pp) {
          c.level = j;
          break;
        }
        if (cj.role == metric_role::change && !cj.indicator.empty() && cj.level == npos) break;
      }
    }
    if (!own_words) {
      if (c.level != npos) c.indicator = out[c.level].indicator;
      else
          c.indicator = r::subject_before(b, ms, out, i);
    }
  }
}

/** Same as above, returning a new vector. */
inline std::vector<metric_change> find_changes(std::string_view text, const std::vector<metric>& ms) {
  std::vector<metric_change> out;
  find_changes(text, ms, out);
  return out;
}

}  // namespace zhscan

#endif  // ZHSCAN_CHANGE_HPP
