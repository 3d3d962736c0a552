// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_METRIC_HPP
#define ZHSCAN_METRIC_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "decimal.hpp"
#include "numeral.hpp"
#include "detail/cpu.hpp"
#include "detail/metric_number.hpp"
#include "detail/metric_scan.hpp"
#include "detail/metric_text.hpp"
#include "detail/numeral_spaced.hpp"
#include "detail/unit_table.hpp"

/**
 * Quantities in Chinese prose: 465 wan yuan, 13.73 wan square metres, 3000 duo wan yuan,
 * 54.96%, bai fen zhi san shi, 45:55, 2-3 suo, with the value normalised (magnitude folded
 * in), the unit normalised, its category, and the approximation.
 *
 * The rules (each one a rule a reader states; see also ../shared/gold/README.md):
 *  - A metric is a number followed by a unit from the lexicon (detail/unit_table.hpp); a
 *    percent, ratio or fraction form; or a range of two numbers sharing a unit. A bare number
 *    is never a metric (identifiers, page numbers, codes, web counters have no unit), except
 *    after a currency sign (RMB / $ / EUR / GBP signs: 30 meiyuan), and an Arabic number with
 *    a Han magnitude that ends its clause (xinzeng daikuan 35 yi, renkou 1.2 wan duo): unit
 *    empty, category other (a judgement call; not after a page-counter label).
 *  - The unit is the LONGEST lexicon word at the position (chang ci, not chang; tai bi, not
 *    tai), normalised only by simplification and the stated folds (wan yuan / yi yuan ->
 *    yuan with the value scaled; ping mi / ping fang / the square-metre sign -> ping fang mi;
 *    full-width % -> %); every other unit is kept as written (xueshi, zhousui, gongfen,
 *    qianke, ge gongzuori, ge xiaoshi).
 *  - Span = [hedge or da] + number + [magnitude] + [duo/yu] + [magnitude] + unit +
 *    [ban / duo] + [yishang / yixia / yinei / zuoyou / shangxia / zhiduo / ji yishang ...].
 *    yinei (within) is at_most like yixia; ban after a unit adds a half (yi dun ban, liang
 *    sui ban, liang ge ban baifendian), duo after it is more_than, unless either starts a
 *    word with a measure of its own (liang nian duo ci).
 *  - Chained magnitudes are one number, combined as in a Chinese numeral: 3 Yi 2,450 wan
 *    yuan = 324500000, 1 qian 5 bai wan yuan = 1.5e7, 6 wan 1 qian yu ren = 61000, and a
 *    plain integer that fills the places below the last magnitude before a measure (7 wan
 *    8,600 ren = 78600).
 *  - Bare magnitudes: shu / jin / shang / yu before it, duo / yu after it, or a bound word
 *    after its unit (bai sui yishang, yi yuan yishang, qian wan yuan ji) make it one of it
 *    (an implicit yi); shu + a round Han magnitude is "several" (shu shi suo: 10, more_than)
 *    unless shu ends a noun (zong shu shi suo: the total is ten). A financial shi without yi
 *    is ten (shi yuan).
 *  - Money: X yuan Y jiao Z fen and X kuai Y mao (wu yuan san jiao = 5.3 yuan, shi kuai san
 *    mao = 10.3 kuai), X kuai Y (liang kuai wu = 2.5), X kuai qian (span X kuai): kuai is
 *    money there, a count of pieces elsewhere. fu before a percent, an amount or a
 *    temperature and ling xia before a temperature are a minus sign (inside the span).
 *  - liang after a number is the weight (tael) when no numeral or measure word follows (san
 *    liang chaye, er liang zuoyou), the numeral "two / a few" otherwise (san liang tian).
 *  - Calendar and clock: a number before month / day / hao / hour words is a date; nian after
 *    a 4-digit (or 0-led, or date-continued 2-digit) number, or a Han digit-by-digit run, is a
 *    calendar year; so is a bare 2-digit N nian that opens its clause (or follows zai / yu /
 *    cong / zi / zhi / dao) and is followed by the clause's words rather than a duration word
 *    (16 nian wo men kaishi: 2016; 16 nian lai, 16 nian jian, gongling 16 nian: durations).
 *    Two 4-digit years joined by a range sign before a period word are a year range (2022-2023
 *    xuenian). Otherwise N nian is a duration. N ri before nei / yinei / zhinei is a duration
 *    (sanshi ri nei), not a day of the month.
 *  - Period references: yi nian after a describing word or in a "shi ..." clause, ending the
 *    clause (jinnian shi guanjian yi nian), like "fendou de yi nian", is no duration.
 *  - Ordinals and ranks: di + N, qian/hou N ming, grade/prize words (nianji, dengjiang), and
 *    ji/lei/duan/qi/jie ("yi ji", "er qi gongcheng") unless the context counts (liang,
 *    fen / gong / lianxu / juban before, a list of levels before: shi xian liang ji, yinei
 *    after, the structure the levels form after N ji: si ji liandong, si ji wangge tixi; an
 *    Arabic N lei or a Han one >= 10: kuoda dao 25 lei). Even then N ji / N lei before an institution or rank noun is a grade (sheng san
 *    ji you'er yuan), and N jie before a body or meeting is its ordinal (shi ba jie ren da;
 *    and the "N ci huiyi" of that session), unless a counting verb precedes. N ceng after a
 *    building number is a floor (3 hao lou 12 ceng).
 *  - Han er + measure word is an ordinal or a name (counts of two use liang); Han yi + measure
 *    word is the article "a" unless it answers "how many": a distributive (mei / ge / jun) in
 *    the clause, a postposed count (noun + yi ge + punctuation), a restrictive (jin, zhi,
 *    jin you, zhi you, weiyi), or a verb of building / setting up before it (xinjian, sheli,
 *    peibei ...) unless a short describing phrase + de follows (jianli yi ge lianghao de ...).
 *  - Weekdays: zhou / xingqi / libai + a Han digit is a weekday unless a measure word follows
 *    the single digit, or the numeral is liang (mei zhou yi ci, mei zhou liang ci: counts).
 *  - Names: a number inside a short quotation, fixed political terms and
 *    idioms (detail table below), xueqian N nian, N nian zhi / yiguan / yiwu / xingdong.
 *  - Cross-references: a dotted number before jie / tiao / kuan / zhang (jian 3.4 jie, an 4.2
 *    tiao) is a section number, not a count.
 *  - Identifiers: digits glued to Latin letters or to * _ # @, chains with several separators
 *    (2022-03-15, 1.2.3), a:b:c, file sizes after a "daxiao:" label; page counters (liulan /
 *    yuedu / dianji [shu]: N ci) and teaser titles of other documents (fanwen 3 pian) or
 *    teaser labels of the page (tuijian yuedu 3 pian).
 *  - Ratios: a:b (a clock time when it reads as one, unless bi is in the clause or a ratio
 *    ends just before: you 1:45 gaishan zhi 1:38); Arabic N bi M when the context names a
 *    ratio (bi earlier in the clause, yi before: a score, de bili after).
 *  - Hedges: adjacent ones are inside the span (zuigao / zuidi directly before the number
 *    too: at_most / at_least, a judgement call, see hedges_before); yue + verb (yue xu 2600 wan yuan) sets the
 *    approximation but stays outside; yue closing a verb compound (qianyue, jieyue, zhiyue,
 *    heyue ...: one character back) is no hedge at all. A multi-character comparative earlier
 *    in the clause also sets it from outside before "... de" + a share (bu shao yu zongshu de san cheng); jin before a
 *    duration means "recent" (jin wu nian) and is neither; da/da (reaches) is inside with no
 *    approximation, dadao / daoda are outside. An approximate pair (san si ge, liang san
 *    nian) is a range low..high with no approximation.
 *  - ji (a few): as a ones digit it counts 0 (shi ji suo = 10, more_than), before a unit it
 *    counts 1 (ji shi suo = 10, more_than): the value is the stated lower bound, like duo/yu.
 *  - Currency amounts after a per-word in the clause (sheng jun, ren jun, mei nian) are
 *    category rate with the plain unit; slash rates (yuan/sheng.yue, wei ke / li fang mi,
 *    80 hao ke / 100 hao sheng with a numeric denominator) keep the whole rate.
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
enum class metric_shape : std::uint8_t {
  value,  ///< one number: `value` is set, `low`/`high`/`ratio_*` are NaN
  range,  ///< "2-3", "san zhi wu": `low` and `high` are set, `value` is NaN
  ratio,  ///< "45:55": `ratio_a` and `ratio_b` are set, `value` is NaN
};

/**
 * One quantity. Spans are byte offsets into the scanned text; `unit`, `per` and `per2` are
 * static strings of the lexicon (no allocation), except a numeric denominator in `per`,
 * which views the scanned text. Fields that do not apply are NaN / empty.
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
  /** The values exactly (digits as written, scaled by magnitudes, units and percent forms
   *  exactly; see decimal.hpp), stored by shape: `value` (value), `low` (range) or
   *  `ratio_a` (ratio) in exact_a; `high` or `ratio_b` in exact_b. Read them through
   *  value_exact() ... ratio_b_exact(). Each double above is its exact twin's to_double(). */
  decimal exact_a;
  decimal exact_b;  ///< see exact_a
  std::string_view unit;  ///< normalised unit (numerator of a rate); "ratio" for ratios
  /** Normalised denominator of a slash rate, empty otherwise; a numeric denominator (80 mg /
   *  100 ml) is a view of the scanned text (digits and unit as written, simplified). */
  std::string_view per;
  std::string_view per2;  ///< second denominator (yuan/sheng.yue -> per "sheng", per2 "yue")
  metric_shape shape = metric_shape::value;
  approximation approx = approximation::none;
  unit_category category = unit_category::other;
  numeral_form numeral = numeral_form::arabic;
  /** Index (in the same result) of the metric this one changes from (you 800 yuan tigao dao
   *  1050 yuan), npos if none. */
  std::size_t change_from = npos;
  /** Byte offset of the marker of the innermost outline section holding the metric, npos
   *  before the first marker. find_metrics leaves npos: assign_sections (section.hpp)
   *  fills it from the outline of the same text. */
  std::size_t section = npos;

  /** `value` exactly (NaN unless shape == value). */
  constexpr decimal value_exact() const noexcept { return shape == metric_shape::value ? exact_a : decimal{}; }
  /** `low` exactly (NaN unless shape == range). */
  constexpr decimal low_exact() const noexcept { return shape == metric_shape::range ? exact_a : decimal{}; }
  /** `high` exactly (NaN unless shape == range). */
  constexpr decimal high_exact() const noexcept { return shape == metric_shape::range ? exact_b : decimal{}; }
  /** `ratio_a` exactly (NaN unless shape == ratio). */
  constexpr decimal ratio_a_exact() const noexcept { return shape == metric_shape::ratio ? exact_a : decimal{}; }
  /** `ratio_b` exactly (NaN unless shape == ratio). */
  constexpr decimal ratio_b_exact() const noexcept { return shape == metric_shape::ratio ? exact_b : decimal{}; }

  /**
   * The terms of a ratio, read from its `number` span in `text` (the text find_metrics
   * scanned) when asked: 8.3 : 41.4 : 50.3 -> 8.3, 41.4, 50.3; 1 bi 6 -> 1, 6. Writes the
   * first `cap` terms to `out` (exact, as written) and returns how many there are (0 unless
   * shape == ratio, or when the span is not inside `text`). No allocation, no copy.
   */
  std::size_t ratio_terms(std::string_view text, decimal* out, std::size_t cap) const noexcept {
    if (shape != metric_shape::ratio || number.end > text.size() || number.start >= number.end) return 0;
    const char* q = text.data() + number.start;
    const char* e = text.data() + number.end;
    std::size_t n = 0;
    while (q < e) {
      const detail::number_run t = detail::parse_arabic(q, e);
      if (!t.ok || t.end <= q) break;
      if (n < cap) out[n] = t.x;
      ++n;
      q = t.end;
      if (q >= e) break;
      const detail::mchar c = detail::mchar_at(q, e);  // the separator: a colon or bi
      q += c.len ? c.len : 1;
    }
    return n;
  }

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
// Word lists of the context rules.

/** A hedge word and the approximation it gives. */
struct hedge_word {
  std::string_view text;
  approximation approx;
};

// The word lists (hedges_before, hedges_after, per_words, fixed_terms ...): generated from
// data/word_lists.tsv and data/words.tsv, Chinese written as Chinese there, with a note per
// list (edit the data files and run scripts/gen_tables.py; see CONTRIBUTING.md).
#include "detail/gen_words.hpp"

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

inline constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();

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

inline constexpr cp_set yi_word_prefix_set = make_cp_set(yi_word_prefix);
inline constexpr cp_set yi_count_prefix_set = make_cp_set(yi_count_prefix);
inline constexpr cp_set yue_compound_heads_set = make_cp_set(yue_compound_heads);
inline constexpr auto yi_count_words_set = make_word_set(yi_count_words);
inline constexpr auto yi_build_verbs_set = make_word_set(yi_build_verbs);
static_assert(yue_compound_heads_set.ok && yi_count_words_set.ok && yi_build_verbs_set.ok,
              "yi / yue word lists must be keyable");
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
inline constexpr auto year_duration_after_set = make_word_set(year_duration_after);
inline constexpr auto year_describers_set = make_word_set(year_describers);
inline constexpr auto grade_nouns_set = make_word_set(grade_nouns);
inline constexpr auto session_bodies_set = make_word_set(session_bodies);
inline constexpr auto ci_meetings_set = make_word_set(ci_meetings);
inline constexpr auto web_counter_set = make_word_set(web_counter_labels);
inline constexpr auto web_counter_tail_set = make_word_set(web_counter_tails);
inline constexpr auto floor_before_set = make_word_set(floor_before);
inline constexpr auto title_before_pian_set = make_word_set(title_before_pian);
inline constexpr auto level_structures_set = make_word_set(level_structures);
inline constexpr auto teaser_labels_set = make_word_set(teaser_labels);
inline constexpr cp_set shu_noun_set = make_cp_set(shu_noun_before);
inline constexpr auto wei_bits_set = make_word_set(wei_bits_after);
static_assert(wei_bits_set.ok, "wei_bits_after holds a word that word_set cannot key");
static_assert(year_duration_after_set.ok && year_describers_set.ok && grade_nouns_set.ok &&
                  session_bodies_set.ok && ci_meetings_set.ok && web_counter_set.ok && web_counter_tail_set.ok &&
                  floor_before_set.ok && title_before_pian_set.ok && shu_noun_set.ok,
              "a word list holds a word that word_set cannot key");
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

/** Key of the normalised unit of `u` (utf8_key3 of it), 0 unless one 3-byte character. */
constexpr std::uint32_t norm_key(const unit_entry* u) noexcept { return u->norm_key; }

/** True when the normalised unit of `u` is the one character `cp` (a 3-byte character). */
constexpr bool norm_is(const unit_entry* u, char32_t cp) noexcept { return u->norm_key == utf8_key3(cp); }

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

 /** True when run() stopped at a spaced-out line (find_metrics then scans a copy of the text
   *  without the spaces of such lines); `detect` = false reads every line as it is. */
  bool spaced_found() const noexcept { return spaced_found_; }
  void detect_spaced(bool detect) noexcept { detect_spaced_ = detect; }

 private:
  const char* b_;
  const char* e_;
  std::vector<metric>& out_;
  bool detect_spaced_ = true;
  bool spaced_found_ = false;
  const char* checked_lb_ = nullptr;  // the last line tested by spaced_line_at (not spaced out)
  const char* checked_le_ = nullptr;

  /** True when the line holding `p` is spaced out (each line is tested once). */
  ZHSCAN_METRIC_COLD bool spaced_line_at(const char* p) noexcept {
    if (p >= checked_lb_ && p < checked_le_) return false;
    // first the neighbourhood (a few characters either side), then the whole line
    {
      const char* wb = lo(p, 24);
      const char* we = hi(p, 24);
      for (const char* q = p; q > wb; --q)
        if (q[-1] == '\n') {
          wb = q;
          break;
        }
      for (const char* q = p; q < we; ++q)
        if (*q == '\n') {
          we = q;
          break;
        }
      if (!is_spaced_line(wb, we)) return false;
    }
    const char* lb = p;
    while (lb > b_ && lb[-1] != '\n') --lb;
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(e_ - p));
    const char* le = nl ? static_cast<const char*>(nl) : e_;
    checked_lb_ = lb;
    checked_le_ = le;
    return is_spaced_line(lb, le);
  }

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
  ZHSCAN_ALWAYS_INLINE bool may_hold_open_quote(const char* l, const char* q) const noexcept {
#if ZHSCAN_X86_SIMD && defined(__SSE2__)
    if (q - l == 36 && e_ - q >= 2) {
      // The exact answer from the bytes: E2 E3 EF lead most CJK punctuation, so testing
      // each of them (below) costs a loop and a mispredicted branch per metric. Here every
      // quote sequence is matched in the vector registers (loads reach q + 1, inside the text).
      const auto eq = [](__m128i v, unsigned char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
      // bit i: a " at s + i (dq), an opening 3-byte quotation mark starting at s + i (tri)
      const auto quotes = [&eq](const char* s, std::uint32_t& dq) -> std::uint32_t {
        const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
        const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + 1));
        const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + 2));
        const __m128i c80 = eq(v1, 0x80);
        const __m128i e2 = _mm_and_si128(_mm_and_si128(eq(v0, 0xE2), c80), _mm_or_si128(eq(v2, 0x9C), eq(v2, 0x98)));
        const __m128i e3 = _mm_and_si128(_mm_and_si128(eq(v0, 0xE3), c80), _mm_or_si128(eq(v2, 0x8C), eq(v2, 0x8E)));
        const __m128i ef = _mm_and_si128(_mm_and_si128(eq(v0, 0xEF), eq(v1, 0xBC)), eq(v2, 0x82));
        dq = static_cast<std::uint32_t>(_mm_movemask_epi8(eq(v0, '"')));
        return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(e2, e3), ef)));
      };
      std::uint32_t d0, d1, d2;
      const std::uint64_t tri = std::uint64_t(quotes(l, d0)) | (std::uint64_t(quotes(l + 16, d1)) << 16) |
                                (std::uint64_t(quotes(l + 20, d2)) << 20);
      const std::uint64_t dq = std::uint64_t(d0) | (std::uint64_t(d1) << 16) | (std::uint64_t(d2) << 20);
      // a 3-byte mark must end by q (start <= l + 33); a " anywhere in the 36 bytes
      return (dq | (tri & ((std::uint64_t(1) << 34) - 1))) != 0;
    }
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
  ZHSCAN_ALWAYS_INLINE bool inside_quote(const char* start, const char* end) const noexcept {
    // (every metric asks, and almost none has a quotation mark near: the vector test is
    // inlined, the look-around is a call)
    const char* l = lo(start, 36);
    if (!may_hold_open_quote(l, start)) return false;  // the common case
    return inside_quote_marks(l, start, end);
  }

  /** inside_quote past its byte test: `l` is lo(start, 36). */
  ZHSCAN_METRIC_NOINLINE bool inside_quote_marks(const char* l, const char* start, const char* end) const noexcept {
    // backwards: an opening mark before any closing mark or sentence end, within 12 chars
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

  /** Hedge directly before `p` (returns its start or p). Called once per metric: the miss
   *  (almost every call) stays a Bloom test inlined into prefix; a hit goes out of line. */
  ZHSCAN_ALWAYS_INLINE const char* hedge_before(const char* p, approximation& a) const noexcept {
    if (const std::size_t k = hedges_before_set.find_suffix(lo(p, 12), p)) return hedge_hit(p, k, a);
    return p;
  }

  /** The hedge word k (index + 1 into hedges_before) ends at `p`: its start and approximation,
   *  or p when it is the yue of a verb compound. No throw, no alloc. */
  ZHSCAN_METRIC_COLD const char* hedge_hit(const char* p, std::size_t k, approximation& a) const noexcept {
    // yue / yue (trad) closing a verb compound (qianyue, jieyue ...): one character back
    if (hedges_before[k - 1].text.size() == 3 && p[-3] == '\xE7' &&
        ((p[-2] == '\xBA' && p[-1] == '\xA6') || (p[-2] == '\xB4' && p[-1] == '\x84')) &&
        yue_compound_at(p - 3))
      return p;
    a = hedges_before[k - 1].approx;
    return p - hedges_before[k - 1].text.size();
  }

  /** True when the yue at `y` closes a verb compound (qianyue, jieyue ...; see
   *  yue_compound_heads): a bounded one-character look-back. No throw, no alloc. */
  ZHSCAN_METRIC_COLD bool yue_compound_at(const char* y) const noexcept {
    return yue_compound_heads_set.has(before(y).cp);
  }

  struct unit_match {
    const unit_entry* entry = nullptr;
    const char* begin = nullptr;
    const char* end = nullptr;  // end of the unit text (rate denominators included)
    const unit_entry* per = nullptr;
    const unit_entry* per2 = nullptr;
    double mult = 1;
    bool per_numeric = false;    // 80 mg / 100 ml: the denominator is [per text, end)
    bool half = false;           // ge ban yue: +0.5
    bool more = false;           // ge duo yue: more_than
  };

  // Chained magnitudes of the Arabic number starting at chain_at_ (3 Yi 2450 wan): the part
  // of its value closed by its largest wan / Yi, and that magnitude's power. A magnitude unit
  // after it (wan yuan) scales only what follows the head when it is smaller (see scaled).
  mutable const char* chain_at_ = nullptr;
  mutable decimal chain_head_ = decimal::make(0);
  mutable unsigned chain_pow_ = 0;

  mutable const char* unit_memo_at_ = nullptr;
  mutable unit_match unit_memo_;
  const unit_match unit_match_none_{};
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
    if (u->flags & (u_ordinal | u_grade | u_medal | u_big | u_cheng)) return nullptr;
    if ((u->flags & u_time_part) && !norm_is(u, 0x79D2)) return nullptr;  // (10 mi / miao)
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
    m.per_numeric = false;
    m.half = false;
    m.more = false;
    const char* q = p;
    // ge ban yue / ge duo yue / liang ge ban baifendian: one and a half months, more than N
    // months, two and a half percentage points. The unit is the ge-form as written without
    // the ban (ge yue, ge xiaoshi, ge baifendian), as for "N ge xiaoshi".
    const std::uint32_t gk = key_at(q);
    if (gk == utf8_key3(0x4E2A) || gk == utf8_key3(0x500B)) {  // ge (s/t)
      const char* r = q + 3;
      const mchar c = at(r);
      if (c.cp == 0x534A || c.cp == 0x591A) {  // ban, duo
        // (written after ban, the ge-unit of the lexicon it stands for)
        static constexpr std::string_view after_ban[] = {
            "\u6708", "\u5C0F\u65F6", "\u5C0F\u6642", "\u661F\u671F", "\u949F\u5934", "\u9418\u982D",
            "\u5B66\u671F", "\u5B78\u671F", "\u767E\u5206\u70B9", "\u767E\u5206\u9EDE",
            "\u5DE5\u4F5C\u65E5", "\u5B63\u5EA6"};
        // yue, xiaoshi x2, xingqi, zhongtou x2, xueqi x2, baifendian x2, gongzuori, jidu
        static constexpr std::string_view ge_units[] = {
            "\u4E2A\u6708", "\u4E2A\u5C0F\u65F6", "\u4E2A\u5C0F\u65F6", "\u4E2A\u661F\u671F",
            "\u4E2A\u949F\u5934", "\u4E2A\u949F\u5934", "\u4E2A\u5B66\u671F", "\u4E2A\u5B66\u671F",
            "\u4E2A\u767E\u5206\u70B9", "\u4E2A\u767E\u5206\u70B9", "\u4E2A\u5DE5\u4F5C\u65E5",
            "\u4E2A\u5B63\u5EA6"};
        static_assert(sizeof(after_ban) == sizeof(ge_units), "one ge-unit per word");
        if (std::size_t k = starts_with_any(r + c.len, e_, after_ban)) {
          const std::string_view g = ge_units[k - 1];
          if (const unit_entry* u = find_unit(g.data(), g.data() + g.size())) {
            m.entry = u;
            m.end = r + c.len + after_ban[k - 1].size();
            (c.cp == 0x534A ? m.half : m.more) = true;
            return;
          }
        }
      }
    }
    if (gk == utf8_key3(0x5206) && key_at(q + 3) == utf8_key3(0x534A)) {  // fen ban
      // wu fen ban zhong: five and a half minutes (the unit fen zhong around the ban)
      const std::uint32_t zk = key_at(q + 6);
      if (zk == utf8_key3(0x949F) || zk == utf8_key3(0x9418)) {  // zhong (s/t)
        static constexpr std::string_view fenzhong = "\u5206\u949F";
        if (const unit_entry* fz = find_unit(fenzhong.data(), fenzhong.data() + fenzhong.size())) {
          m.entry = fz;
          m.end = q + 9;
          m.half = true;
          return;
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
        if (!d && is_digit_cp(at(q + slash).cp)) {
          // 80 mg / 100 ml: a numeric denominator, kept as written in the unit
          const number_run dn = parse_arabic(q + slash, e_);
          const unit_entry* d2 = dn.ok ? denominator_at(dn.end) : nullptr;
          if (d2 && d2->text == d2->norm) {  // (a traditional spelling would need a copy)
            m.per = d2;
            m.per_numeric = true;
            m.end = dn.end + d2->text.size();
          }
          return;
        }
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
   *  chained terms (3 Yi 2450 wan, 1 qian 5 bai wan, 7 wan 8600), duo / yu / lai, and a
   *  magnitude after them (3000 duo wan). The terms combine as in a Chinese numeral: wan /
   *  Yi multiply everything before them that is smaller (1 qian 5 bai wan = 1500 wan) and
   *  are added to what is bigger (3 Yi 2450 wan). */
  void arabic_tail(number_run& r) const noexcept {
    // 15k yuan, 3M meiyuan, 30w yuan: a Latin magnitude letter before a unit (one byte test)
    const unsigned lb = r.end < e_ ? static_cast<unsigned char>(*r.end) : 0u;
    if (ZHSCAN_UNLIKELY(lb == 'k' || lb == 'K' || lb == 'M' || lb == 'G' || lb == 'T' || lb == 'w') &&
        latin_magnitude(r, lb)) {
      r.skip = r.end;
      return;
    }
    // the common case: neither a magnitude nor duo / yu / lai after the digits
    unsigned len;
    const unit_entry* u = unit_entry_at(r.end);
    if ((u && (u->flags & u_magnitude)) || !magnitude_at(r.end, e_, len) ||
        (u && u->text.size() > 3)) {  // (wan yuan, qian mi: a unit)
      if (inner_hedge(r)) arabic_magnitudes(r, true);
    } else {
      arabic_magnitudes(r, false);
    }
    r.skip = r.end;
  }

  /** 15k yuan, 100K ren, 3M meiyuan, 1.2G, 30w yuan (k K = 10^3, M = 10^6, G = 10^9, T =
   *  10^12, w = wan): the letter right after the digits, then a unit written in Han
   *  characters (4K dianshi, 5G shouji, 3M gongsi and 15kg stay what they are). */
  ZHSCAN_METRIC_COLD bool latin_magnitude(number_run& r, unsigned letter) const noexcept {
    const char* q = r.end + 1;
    if (q < e_ && is_ascii_alnum(static_cast<unsigned char>(*q))) return false;
    const unit_entry* u = unit_entry_at(q);
    if (!u || is_non_unit(u) || (u->flags & (u_date | u_year | u_ordinal | u_latin | u_magnitude))) return false;
    const int pw = letter == 'w' ? 4 : letter == 'M' ? 6 : letter == 'G' ? 9 : letter == 'T' ? 12 : 3;
    r.x = r.x.scaled(pw);
    r.value = r.x.to_double();
    r.end = q;
    r.magnitude = true;
    return true;
  }

  /** arabic_tail past a magnitude (or past an inner hedge when `hedged`). */
  ZHSCAN_METRIC_NOINLINE void arabic_magnitudes(number_run& r, bool hedged) const noexcept {
    decimal head = decimal::make(0), sec = decimal::make(0), pend = r.x;  // value = head + sec + pend
    unsigned max_big = 0;   // largest wan / Yi power applied
    unsigned sec_pow = 99;  // smallest bai / qian power applied since the last wan / Yi
    for (;;) {
      unsigned len;
      unsigned last_pow = 0;  // power of the last magnitude of this term
      while (r.end < e_) {
        const unit_entry* u = unit_entry_at(r.end);
        if (u && (u->flags & u_magnitude)) break;
        if (u && u->text.size() > 3 && magnitude_at(r.end, e_, len)) break;  // qian mi, qian ke
        const unsigned pw = magnitude_at(r.end, e_, len);
        if (!pw) break;
        if (pw >= 4) {  // wan, Yi
          if (pw >= max_big) {
            head = (head + sec + pend).scaled(static_cast<std::int32_t>(pw));
            max_big = pw;
          } else {
            head = head + (sec + pend).scaled(static_cast<std::int32_t>(pw));
          }
          sec = decimal::make(0);
        } else if (last_pow) {
          sec = sec.scaled(static_cast<std::int32_t>(pw));  // two small magnitudes in a row multiply
        } else {
          sec = sec + pend.scaled(static_cast<std::int32_t>(pw));
        }
        pend = decimal::make(0);
        last_pow = pw;
        sec_pow = pw >= 4 ? 99 : (pw < sec_pow ? pw : sec_pow);
        r.end += len;
        r.magnitude = true;
      }
      if (!hedged && (last_pow == 2 || last_pow == 3) && key_at(r.end) == utf8_key3(0x96F6) && e_ - r.end > 3 &&
          static_cast<unsigned>(static_cast<unsigned char>(r.end[3]) - '0') <= 9u) {
        // 2 qian ling 30 wan: ling marks the skipped place, the next term is below it
        const number_run t = parse_arabic(r.end + 3, e_);
        if (t.ok && t.integer && t.x < decimal::make(1, static_cast<std::int32_t>(last_pow - 1))) {
          pend = t.x;
          r.end = t.end;
          continue;
        }
      }
      if (!hedged && last_pow >= 1 && r.end < e_ && is_digit_cp(at(r.end).cp)) {
        // a next term: 3 Yi | 2450 wan yuan, 6 wan | 1 qian yu ren, 7 wan | 8,600 ren
        if (chain_term(r.end, last_pow, pend, r)) continue;
      }
      if (hedged || !inner_hedge(r)) break;
      hedged = true;
    }
    const unit_entry* mu = sec_pow < 4 ? unit_entry_at(r.end) : nullptr;
    if (mu && (mu->flags & u_magnitude) && mu->multiplier < pow10_f64[sec_pow]) {
      // a magnitude unit below the last bai / qian multiplies the last term alone (7 wan 5
      // qian 4 bai yuan = 75400, 5 qian 4 bai yuan = 5400)
      chain_at_ = r.begin;
      chain_head_ = head + sec;
      chain_pow_ = sec_pow;
    } else if (max_big) {
      chain_at_ = r.begin;
      chain_head_ = head;
      chain_pow_ = max_big;
    }
    r.x = head + sec + pend;
    r.value = r.x.to_double();
  }

  /**
   * The Arabic term at `q` after a magnitude of power `last_pow`, when it continues the
   * number: its own magnitude (or that of a magnitude unit after it: 2450 wan yuan) is
   * smaller than `last_pow`, or it is a plain integer of exactly `last_pow` digits filling
   * the places below, followed by a measure (7 wan 8,600 ren; "3 wan 5" is colloquial 35000
   * and stays unread, "12 wan 2021 nian" is an amount and a year). On success `pend` is its
   * value and r.end its end.
   */
  ZHSCAN_METRIC_COLD bool chain_term(const char* q, unsigned last_pow, decimal& pend, number_run& r) const noexcept {
    const number_run t = parse_arabic(q, e_);
    if (!t.ok || t.end >= e_) return false;
    unsigned len;
    unsigned next_pow = magnitude_at(t.end, e_, len);
    const unit_entry* u = unit_entry_at(t.end);
    if (u && (u->flags & u_magnitude)) {
      next_pow = 0;
      for (double m = u->multiplier; m >= 10 && next_pow < 16; m /= 10) ++next_pow;
    } else if (u && u->text.size() > 3 && next_pow) {
      next_pow = 0;  // qian mi
    }
    if (next_pow ? next_pow >= last_pow : (!t.integer || t.int_digits != last_pow)) return false;
    // a plain tail only before a measure (12 wan | 2021 nian is a year after an amount)
    if (!next_pow && !(u && !is_non_unit(u) && !(u->flags & (u_date | u_year | u_ordinal)))) return false;
    pend = t.x;
    r.end = t.end;
    if (!t.integer) r.integer = false;
    return true;
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
      r.x = r.x.scaled(static_cast<std::int32_t>(pw));
      r.value = r.x.to_double();
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
    // A space next to the number: is the line spaced out (PDF, OCR)? Then find_metrics starts
    // again on a copy without those spaces (numeral_spaced.hpp). Tested for Arabic digits
    // after a lone Han character between spaces (" wan 5") and a Han numeral between spaces.
    const unsigned pb = p > b_ ? static_cast<unsigned char>(p[-1]) : 0u;
    if (ZHSCAN_UNLIKELY(pb == ' ') && p - b_ >= 5 &&
        (arabic ? p[-5] == ' ' && spaced_han_lead(static_cast<unsigned char>(p[-4])) : e_ - p > 3 && p[3] == ' ') &&
        detect_spaced_ && spaced_line_at(p)) {
      spaced_found_ = true;
      return e_;
    }
    if (arabic) {
      // glued to Latin letters or code characters: an identifier (5A, G20, b****3, No.3);
      // read from the bytes: an ASCII byte before p, or the 3 bytes of U+FF0E (full-width .)
      if (pb < 0x80u ? (is_ascii_alpha(pb) || pb == '_' || pb == '*' || pb == '#' || pb == '@' ||
                        pb == '&' || pb == '+' || pb == '=' || pb == '\\' || pb == '/' || pb == '.')
                     : (p - b_ >= 3 && tail_key(p, 3) == utf8_key3(0xFF0E)))
        return skip_chain(p);
    } else {
      if (ZHSCAN_UNLIKELY(key_at(p) == utf8_key3(0x7FFB))) return fan_fan(p);  // fan (a word trigger)
      // bai fen zhi N / qian fen zhi N / wan fen zhi N
      if (std::size_t k = fen_zhi_set.find_prefix(p, e_)) {
        return percent_words(p, k);
      }
      // weekday: zhou yi, xingqi san, libai wu; but mei zhou yi ci / liang ci / wu ci is
      // a count per week (a measure word follows a single digit, or it is liang)
      if (week_set.find_suffix(lo(p, 8), p)) {
        number_run r = parse_han(p, e_, false);
        if (!(r.ok && (r.single == 12 || (r.single >= 1 && r.single <= 7 && real_unit_at(r.end)))))
          return r.skip;
      }
    }

    if (!arabic && key_at(p) == utf8_key3(0x96F6)) {  // ling
      // zhao ling san yuan: ling ends the word before it; the number starts after it
      unsigned v;
      const mchar pv = before(p);
      if (is_han_cp(pv.cp) && han_role_of(pv.cp, v) == han_role::none &&
          han_role_at(p + 3, e_, v) == han_role::digit)
        return p + 3;
    }
    number_run n1 = number_at(p, false);
    if (!n1.ok) {
      // bai yu suo, qian duo ren, jin qian ren, shu bai ren, shang qian ren: a bare
      // magnitude is a number when a hedge says how it is meant
      if (!arabic) {
        if (key_at(p) == utf8_key3(0x62FE)) return bare_financial_ten(p);  // shi (financial)
        const magnitude_result mg = parse_magnitude(std::string_view(p, static_cast<std::size_t>(e_ - p)));
        if (mg && mg.exponent >= 2) {
          number_run r;
          r.begin = p;
          r.end = mg.ptr;
          r.skip = mg.ptr;
          r.value = mg.value();
          r.x = decimal::make(1, mg.exponent);
          r.ok = true;
          const mchar pv = before(p);
          const bool shu = shu_before(p);   // shu (several)
          const bool shang = pv.cp == 0x4E0A;  // shang (up to)
          approximation hh = approximation::none;
          // jin qian, yu wan, chao bai (not yue wan: "yue wan ren ci" is a redacted figure)
          const bool jin = hedge_before(p, hh) != p &&
                           (hh == approximation::nearly || hh == approximation::more_than);
          han_tail(r);
          bool bound = false;
          if (!(r.more || shu || shang || jin)) {
            // bai sui yishang, yi yuan yishang, qian wan yuan ji: before a unit and a bound
            // word (or ji, "class") a bare magnitude is one of it (an implicit yi)
            const unit_match& um = may_start_unit(at(r.end).cp) ? unit_at(r.end) : unit_match_none_;
            bound = um.entry && !is_non_unit(um.entry) &&
                    (hedges_after_set.find_prefix(um.end, e_) || key_at(um.end) == utf8_key3(0x7EA7) ||
                     key_at(um.end) == utf8_key3(0x7D1A));  // ji (s/t)
          }
          if (r.more || shu || shang || jin || bound) {
            const bool inner = r.more || r.about;  // bai yu, qian duo: a stated lower bound
            if (shu) r.more = true;
            if (shang) r.about = true;
            const char* q = finish_value(p, r);
            if (!out_.empty() && out_.back().number.start == off(p) && (shu || shang)) {
              metric& m = out_.back();
              if (m.span.start == off(p)) m.span.start = off(p - pv.len);
              m.approx = shu ? approximation::more_than : approximation::about;
              if (!inner) vague_magnitude(p, m, shu);
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
      } else if (nb == 0xE6u && key_at(n1.end) == utf8_key3(0x6BD4)) {
        // 1 bi 6: a ratio where the context names one (the lead byte of bi, E6 AF 94, is
        // tested first, reusing nb)
        if (const char* r = bi_ratio(p, n1)) return r;
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

    if (n1.pair_range) return finish_range(p, n1, decimal::make(static_cast<std::uint64_t>(n1.low)),
                                             decimal::make(static_cast<std::uint64_t>(n1.high)), n1.end, nullptr);
    if (n1.digit_seq) {
      // san liang chaye, er liang zuoyou: a number, then liang the weight (tael)
      if (!arabic && n1.end - p >= 6) {
        const std::uint32_t k = key_at(n1.end - 3);
        if (k == utf8_key3(0x4E24) || k == utf8_key3(0x5169)) {  // liang (s/t)
          number_run t = parse_han(p, n1.end - 3, false);
          if (t.ok && !t.digit_seq && !t.pair_range && t.end == n1.end - 3) {
            t.skip = n1.skip;
            return finish_value(p, t);
          }
        }
      }
      // ba wu zhe = 85 %: two digits before zhe are the tenths and hundredths of the price
      if (!arabic && n1.end - p == 6 && key_at(n1.end) == utf8_key3(0x6298)) return zhe_digits(p, n1);
      // digit-by-digit Han runs only write years: report nothing (er ling yi ling nian)
      return n1.skip;
    }
    if (ZHSCAN_LIKELY(arabic || !(n1.more || shu_before(p)))) return finish_value(p, n1);
    const char* r = finish_value(p, n1);
    vague_han(p, n1);  // (rare: a Han number with ji, or after shu)
    return r;
  }

  /** Makes the value metric `m` (just emitted) the range lo..hi, approximation about unless
   *  a hedge word set another one (yishang: at_least). */
  static void vague_to_range(metric& m, const decimal& lo, const decimal& hi) noexcept {
    m.shape = metric_shape::range;
    m.exact_a = lo;
    m.exact_b = hi;
    m.value = nan_v;
    m.low = lo.to_double();
    m.high = hi.to_double();
    if (m.approx == approximation::more_than || m.approx == approximation::none) m.approx = approximation::about;
  }

  /**
   * Vague amounts with a bare magnitude (m: the metric just emitted for the magnitude at
   * `p`, its value V = the magnitude times the unit's): shu bai, shu wan ("several"):
   * 2V..9V; shang bai, shang qian ("up to hundreds"): V..9V; cheng qian shang wan, cheng bai
   * shang qian ("thousands upon tens of thousands"): the first magnitude..9V, from cheng on.
   * Approximation about.
   */
  ZHSCAN_METRIC_COLD void vague_magnitude(const char* p, metric& m, bool shu) noexcept {
    if (m.shape != metric_shape::value || !m.exact_a.is_finite()) return;
    const decimal v = m.exact_a;
    decimal lo = shu ? v * decimal::make(2) : v;
    if (!shu && p - b_ >= 9 && key_at(p - 9) == utf8_key3(0x6210)) {  // cheng qian shang wan
      unsigned len;
      const unsigned first = magnitude_at(p - 6, e_, len), second = magnitude_at(p, e_, len);
      if (first && first < second && m.span.start == off(p - 3)) {
        lo = v.scaled(static_cast<std::int32_t>(first) - static_cast<std::int32_t>(second));
        m.span.start = off(p - 9);
      }
    }
    vague_to_range(m, lo, v * decimal::make(9));
  }

  /**
   * Vague Han amounts with ji or shu (the metric just emitted for the number `n` at `p`,
   * value V): ji / shu + a magnitude (ji shi, shu shi, ji bai wan: "a few tens"): 2V..9V;
   * a tens number + ji (shi ji, er shi ji: "ten-odd"): V+1..V+9 in the ones' unit. Approximation
   * about. Other numbers with ji, and shu before a number with digits, stay as they are.
   */
  ZHSCAN_METRIC_COLD void vague_han(const char* p, const number_run& n) noexcept {
    if (n.arabic || out_.empty()) return;
    metric& m = out_.back();
    if (m.number.start != off(p) || m.shape != metric_shape::value || !m.exact_a.is_finite()) return;
    const decimal v = m.exact_a;
    unsigned jv;
    const han_role r0 = han_role_at(p, e_, jv);
    if (r0 == han_role::ji || (shu_before(p) && m.span.start == off(p - 3) && r0 != han_role::digit &&
                               r0 != han_role::liang)) {
      vague_to_range(m, v * decimal::make(2), v * decimal::make(9));  // ji shi, shu shi
      return;
    }
    // shi ji, er shi ji: ji right after shi, ending the number
    if (n.end - p < 6 || han_role_at(n.end - 3, e_, jv) != han_role::ji) return;
    const std::uint32_t k = key_at(n.end - 6);
    if (k != utf8_key3(0x5341) && k != utf8_key3(0x62FE)) return;  // shi (s/financial)
    const decimal place = quotient(v, n.x);  // the unit's multiplier (shi ji wan yuan: 10^4)
    if (place.inexact || place.nan) return;
    vague_to_range(m, v + place, v + place * decimal::make(9));
  }

  /** fan N fan (fan le N fan): doubled N times, a multiple of 2^N (fan yi fan = 2, fan liang
   *  fan = 4), category multiple, unit bei; `n` is followed by fan (the second). The first fan
   *  (and le) starts the span. Otherwise no metric. */
  ZHSCAN_METRIC_COLD const char* fan_multiple(const char* p, const number_run& n) {
    const char* start = p;
    if (p - b_ >= 3 && key_at(p - 3) == utf8_key3(0x4E86)) start = p - 3;  // le
    if (start - b_ < 3 || key_at(start - 3) != utf8_key3(0x7FFB)) return n.skip;  // fan (turn over)
    start -= 3;
    if (!n.integer || n.value < 1 || n.value > 16 || n.more || n.about || n.magnitude) return n.skip;
    const char* end = n.end + 3;
    metric m;
    m.exact_a = decimal::make(std::uint64_t(1) << static_cast<unsigned>(n.value));
    m.unit = "\u500D";  // bei
    m.category = unit_category::multiple;
    m.numeral = n.arabic ? numeral_form::arabic : numeral_form::han;
    m.number = {off(p), off(n.end)};
    m.unit_text = {off(n.end), off(end)};
    approximation a = approximation::none;
    end = hedge_after(end, a);
    if (inside_quote(start, end)) return end;
    m.approx = a;
    m.span = {off(start), off(end)};
    emit(m);
    return end;
  }

  /** fan fan (the trigger fan at `p`, then fan): doubled, a multiple of 2 (unit bei). Fan
   *  with a numeral (fan liang fan) is read from the numeral (fan_multiple); any other fan
   *  (fanyi, fanxin) is no quantity. */
  ZHSCAN_METRIC_COLD const char* fan_fan(const char* p) {
    if (key_at(p + 3) != utf8_key3(0x756A)) return p + 3;  // fan (times)
    const char* end = p + 6;
    metric m;
    m.exact_a = decimal::make(2);
    m.unit = "\u500D";  // bei
    m.category = unit_category::multiple;
    m.numeral = numeral_form::han;
    m.number = {off(p), off(end)};  // (the word is the number and its unit)
    m.unit_text = {off(p), off(end)};
    approximation a = approximation::none;
    end = hedge_after(end, a);
    if (inside_quote(p, end)) return end;
    m.approx = a;
    m.span = {off(p), off(end)};
    emit(m);
    return end;
  }

  /** ba wu zhe (two Han digits 1..9, then zhe): 85 % of the price, read as 8.5 zhe. */
  ZHSCAN_METRIC_COLD const char* zhe_digits(const char* p, const number_run& n1) {
    unsigned a, b;
    if (han_role_at(p, e_, a) != han_role::digit || han_role_at(p + 3, e_, b) != han_role::digit || a == 0 ||
        b == 0)
      return n1.skip;
    number_run t;
    t.begin = p;
    t.end = n1.end;
    t.skip = n1.skip;
    t.x = decimal::make(a * 10u + b, -1);
    t.value = t.x.to_double();
    t.integer = false;
    t.han_chars = 2;
    t.ok = true;
    return finish_value(p, t);
  }

  /** A financial shi without yi before it (shi yuan shouxufei, shi wu yuan): ten. */
  ZHSCAN_METRIC_COLD const char* bare_financial_ten(const char* p) {
    number_run r;
    r.begin = p;
    r.end = p + 3;
    r.value = 10;
    r.x = decimal::make(10);
    r.ok = true;
    unsigned v;
    const han_role role = han_role_at(r.end, e_, v);
    if (role == han_role::digit && v > 0) {
      r.value += v;
      r.x = decimal::make(10 + v);
      r.end += 3;
    }
    unsigned len;
    if (const unsigned pw = magnitude_at(r.end, e_, len)) {  // shi wan (unless wan yuan)
      const unit_entry* u = find_unit(r.end, e_);
      if (pw >= 4 && !(u && (u->flags & u_magnitude))) {
        r.x = r.x.scaled(static_cast<std::int32_t>(pw));
        r.value = r.x.to_double();
        r.end += len;
      }
    }
    r.skip = r.end;
    han_tail(r);
    return finish_value(p, r);
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
    n.x = fr.numerator_exact;
    n.end = fr.ptr;
    n.arabic = is_digit_cp(at(q).cp);
    static constexpr std::string_view norms[] = {"%", "\u2030", "\u2031", "\u2031"};  // % per-mille per-ten-thousand
    metric m;
    m.shape = metric_shape::value;
    m.exact_a = n.x;
    m.unit = norms[kind - 1];
    m.category = unit_category::percent;
    m.numeral = n.arabic ? numeral_form::arabic : numeral_form::han;
    m.number = {off(q), off(n.end)};
    m.unit_text = {off(p), off(q)};
    const char* end = n.end;
    // bai fen zhi wu dao bai fen zhi shi: a range of two percent words of the same kind
    if (const std::size_t k = range_seps_set.find_prefix(end, e_)) {
      const char* p2 = end + range_seps[k - 1].size();
      if (fen_zhi_set.find_prefix(p2, e_) == kind) {
        const fraction_result f2 = parse_fraction(std::string_view(p2, static_cast<std::size_t>(e_ - p2)),
                                                  numeral_options::no_sign);
        if (f2 && std::isfinite(f2.numerator) && n.value <= f2.numerator) {
          m.shape = metric_shape::range;
          m.exact_a = n.x;
          m.exact_b = f2.numerator_exact;
          end = f2.ptr;
          m.number = {off(q), off(end)};
        }
      }
    }
    approximation a = approximation::none;
    end = hedge_after(end, a);
    const char* start = prefix(p, a, unit_category::percent, false);
    if (inside_quote(p, end)) return end;
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
    const bool ratio_mark = sep.cp == 0x2236;
    if (nx.cp == sep.cp && is_digit_cp(at(n2.end + nx.len).cp)) {
      // a:b:c: a ratio of more terms where the ratio sign or bi says so (8.3 : 41.4 : 50.3),
      // else a clock time or a code (11:42:00)
      if (const char* r = ratio_terms_after(p, n1, sep, ratio_mark)) return r;
      return skip_chain(p);
    }
    if (nx.cp == ':' || nx.cp == 0x2236 || nx.cp == 0xFF1A || nx.cp == '.' || nx.cp == '-' ||
        is_ascii_alpha(nx.cp))
      return skip_chain(p);
    // a time: hour <= 24 and two-digit minutes < 60, unless bi (ratio) is in the clause
    bool bi = false;
    {
      const char* cs = clause_start(p, 24);
      for (const char* q = cs; q < p;) {
        const mchar c = at(q);
        if (c.cp == 0x6BD4) bi = true;  // bi, ratio / compare
        q += c.len;
      }
    }
    // the change-of-ratio look-back only when the last metric is a ratio (rare): no call otherwise
    if (!bi && !ratio_mark && !out_.empty() && out_.back().shape == metric_shape::ratio)
      bi = ratio_just_before(p);
    const bool clock = n1.integer && n2.integer && n1.value <= 24 && n2.int_digits == 2 &&
                       n2.value < 60;  // 8:30 (a leading zero, 8:05, is a clock time as well)
    if (clock && !ratio_mark && !bi) return n2.end;
    return emit_arabic_ratio(p, n1, n2, p2);
  }

  /**
   * A ratio of three or more terms, a : b : c (the same separator each time): a ratio where
   * the separator is the ratio sign U+2236 or bi stands earlier in the clause; nullptr
   * otherwise (a clock time, a code). At most 16 terms, each a plain Arabic number. The
   * metric holds the first two terms (ratio_a, ratio_b); ratio_terms() reads all of them
   * from the number span.
   */
  ZHSCAN_METRIC_COLD const char* ratio_terms_after(const char* p, const number_run& n1, const mchar& sep,
                                                   bool ratio_mark) {
    bool bi = ratio_mark;
    if (!bi) {
      const char* cs = clause_start(p, 24);
      for (const char* q = cs; q < p; q += char_length(q, p))
        if (key_at(q) == utf8_key3(0x6BD4)) bi = true;  // bi, ratio / compare
    }
    if (!bi) return nullptr;
    const char* q = n1.end;
    number_run second;
    const char* p2 = nullptr;
    unsigned terms = 1;
    while (terms < 16 && at(q).cp == sep.cp && is_digit_cp(at(q + sep.len).cp)) {
      const number_run t = parse_arabic(q + sep.len, e_);
      if (!t.ok || n1.magnitude) return nullptr;
      if (terms == 1) {
        second = t;
        p2 = q + sep.len;
      }
      ++terms;
      q = t.end;
    }
    const mchar nx = at(q);
    if (terms < 3 || nx.cp == sep.cp || nx.cp == '.' || nx.cp == '-' || is_ascii_alnum(nx.cp) || is_digit_cp(nx.cp))
      return nullptr;
    metric m;
    m.shape = metric_shape::ratio;
    m.exact_a = n1.x;
    m.exact_b = second.x;
    m.unit = "ratio";
    m.category = unit_category::ratio;
    m.numeral = numeral_form::arabic;
    m.number = {off(p), off(q)};
    m.unit_text = {off(n1.end), off(p2)};
    m.span = m.number;
    if (!inside_quote(p, q)) emit(m);
    return q;
  }

  /** Emits the ratio n1 SEP n2 (SEP = [n1.end, p2)) unless it sits inside a quotation;
   *  returns where the scan goes on. */
  const char* emit_arabic_ratio(const char* p, const number_run& n1, const number_run& n2,
                                const char* p2) {
    metric m;
    m.shape = metric_shape::ratio;
    m.exact_a = n1.x;
    m.exact_b = n2.x;
    m.unit = "ratio";
    m.category = unit_category::ratio;
    m.numeral = numeral_form::arabic;
    m.number = {off(p), off(n2.end)};
    m.unit_text = {off(n1.end), off(p2)};
    m.span = m.number;
    if (!inside_quote(p, n2.end)) emit(m);
    return n2.end;
  }

  /** True when the last metric is a ratio ending at most 8 ideographs (words, no
   *  punctuation) before `p`, among them the target of a change (zhi, dao, wei, cheng): the
   *  second ratio of a change (you 1:45 gaishan zhi 1:38, tiaozheng wei 1:15). */
  ZHSCAN_METRIC_COLD bool ratio_just_before(const char* p) const noexcept {
    if (out_.empty() || out_.back().shape != metric_shape::ratio) return false;
    const char* q = b_ + out_.back().span.end;
    if (q >= p || p - q > 24) return false;
    bool to = false;
    while (q < p) {
      if (p - q < 3 || !is_ideograph3(q)) return false;
      const std::uint32_t k = head_key(q, 3);
      to = to || k == utf8_key3(0x81F3) || k == utf8_key3(0x5230) || k == utf8_key3(0x4E3A) ||
           k == utf8_key3(0x70BA) || k == utf8_key3(0x6210);  // zhi dao wei wei cheng
      q += 3;
    }
    return to;
  }

  /**
   * Arabic N bi Arabic M (touru chanchu bi wei 1 bi 6, yi 3 bi 1 huosheng, an 1 bi 1 de
   * bili): a ratio or a score when the context names one: bi earlier in the clause (bili,
   * zhi bi, bi fen), yi directly before (a score), or de bili / de bi after. bi "than"
   * (bi 2022 nian, bi shang nian duo 3 suo) never has digits on both sides without a unit
   * after M. Returns nullptr when it is no ratio (the caller goes on).
   */
  ZHSCAN_METRIC_COLD const char* bi_ratio(const char* p, const number_run& n1) {
    const char* p2 = n1.end + 3;
    if (!is_digit_cp(at(p2).cp)) return nullptr;
    const number_run n2 = parse_arabic(p2, e_);
    if (!n2.ok || n2.magnitude || n2.more || n2.about || n1.magnitude || n1.more || n1.about) return nullptr;
    const mchar nx = at(n2.end);
    if (nx.cp == '.' || nx.cp == ':' || nx.cp == '-' || nx.cp == '/' || is_ascii_alnum(nx.cp) ||
        is_digit_cp(nx.cp) || find_unit(n2.end, e_))
      return nullptr;  // bi 2022 nian, a code, a number with a unit
    bool ctx = before(p).cp == 0x4EE5;  // yi (by): a score
    if (!ctx) {
      for (const char* q = clause_start(p, 30); q < p;) {
        const mchar c = at(q);
        if (c.cp == 0x6BD4) {  // bi
          ctx = true;
          break;
        }
        q += c.len ? c.len : 1;
      }
    }
    if (!ctx) ctx = starts_with_at(n2.end, e_, "\u7684\u6BD4");  // de bi (de bili)
    if (!ctx) return nullptr;
    return emit_arabic_ratio(p, n1, n2, p2);
  }

  /**
   * Arabic number with a Han magnitude and no unit, ending its clause (xinzeng daikuan 35
   * yi, changzhu renkou 1.2 wan): a metric with no unit, category other (judgement call of
   * this project). Not after a page-counter label (yuedu 1.2 wan), nor in a quotation.
   */
  ZHSCAN_METRIC_COLD const char* bare_magnitude(const char* p, const number_run& n) {
    approximation a = n.more ? approximation::more_than : n.about ? approximation::about : approximation::none;
    const char* end = n.end;
    const std::uint32_t k = key_at(end);
    if (!n.more && (k == utf8_key3(0x591A) || k == utf8_key3(0x4F59) || k == utf8_key3(0x9918))) {
      a = approximation::more_than;  // 1.2 wan duo / yu (s/t)
      end += 3;
    }
    end = hedge_after(end, a);
    if (end < e_) {
      const mchar nx = at(end);
      if (nx.len == 0 || !is_clause_end(nx.cp)) return n.skip;
    }
    const mchar pv = before(p);
    if (pv.cp == 0x7B2C || web_counter_before(p) || !std::isfinite(n.value)) return n.skip;  // di
    metric m;
    m.exact_a = n.x;
    m.category = unit_category::other;
    m.numeral = numeral_form::mixed;
    m.number = {off(p), off(n.end)};
    m.unit_text = {off(n.end), off(n.end)};
    const char* start = prefix(p, a, unit_category::other, false);
    if (inside_quote(start, end)) return end;
    m.approx = a;
    m.span = {off(start), off(end)};
    emit(m);
    return end;
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
    m.exact_a = quotient(n1.x, n2.x);
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
    m.exact_a = fr.exact;
    if (ZHSCAN_UNLIKELY(key_at(p - 3 >= b_ ? p - 3 : p) == utf8_key3(0x53C8)) && p - 3 > b_ &&
        (out_.empty() || b_ + out_.back().span.end <= p - 3)) {
      // yi you er fen zhi yi, 3 you qian fen zhi 23: the whole number before you (yi) joins
      const char* w = p - 3;
      const char* const stop = lo(w, 36);
      while (w > stop) {
        if (static_cast<unsigned>(static_cast<unsigned char>(w[-1]) - '0') <= 9u) {
          --w;
          continue;
        }
        if (w - stop >= 3 && is_han_numeral_char(at(w - 3).cp) && at(w - 3).len == 3) {
          w -= 3;
          continue;
        }
        break;
      }
      if (w < p - 3) {
        const number_result whole = parse_number(std::string_view(w, static_cast<std::size_t>(e_ - w)),
                                                 numeral_options::no_sign | numeral_options::no_half);
        if (whole && whole.ptr == fr.ptr) {
          m.exact_a = whole.exact;
          p = w;
        }
      }
    }
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

  /** True when `c` before da/da makes a word ending in da (dao, lei, chuan, biao, xia, zhi, song,
   *  fa, tong, di, zhuan, ma, chang, huo; s/t): that da is no "reaches" prefix. */
  static constexpr bool da_word_head(char32_t c) noexcept {
    switch (c) {
      case 0x5230: case 0x96F7: case 0x4F20: case 0x50B3: case 0x8868: case 0x4E0B:  // dao lei chuan(s/t) biao xia
      case 0x76F4: case 0x9001: case 0x53D1: case 0x767C: case 0x901A: case 0x62B5:  // zhi song fa(s/t) tong di
      case 0x8F6C: case 0x8F49: case 0x9A6C: case 0x99AC: case 0x7545: case 0x66A2:  // zhuan(s/t) ma(s/t) chang(s/t)
      case 0x8C41:                                                                     // huo
        return true;
      default:
        return false;
    }
  }

  /**
   * Prefix of a metric starting at `p`: adjacent hedge (inside), da (inside, no approx),
   * hedge + verb (outside, sets approx). `recent_ok`: jin before a duration means "recent".
   */
  const char* prefix(const char* p, approximation& a, unit_category cat, bool duration) const noexcept {
    const char* start = p;
    // da / da directly before the number (not dadao / daoda)
    if (da_set.find_suffix(lo(p, 3), p)) {
      const char* d = p - 3;
      const mchar pv = before(d);
      if (!da_word_head(pv.cp)) start = d;  // only a free da: not the da of leida, daoda ...

    }
    approximation h = approximation::none;
    const char* hs = hedge_before(start, h);
    if (hs != start && start != p && start - hs == 6 &&
        (std::string_view(hs, 6) == "\u6700\u9AD8" || std::string_view(hs, 6) == "\u6700\u4F4E"))
      hs = start;  // zuigao da 800 yuan: zuigao / zuidi only adjacent to the number (zuigao, zuidi)
    if (hs != start) {
      const bool is_jin = (start - hs) == 3 && std::string_view(hs, 3) == "\u8FD1";  // jin
      const mchar pv = before(hs);
      const bool recent = is_jin && (duration || pv.cp == 0x6700 || pv.cp == 0x9644);  // zui, fu
      if (!recent) {
        if (a == approximation::none) a = h;
        start = hs;
      }
    } else if ((cat == unit_category::percent || cat == unit_category::other) && a == approximation::none &&
               start - b_ >= 3 && start[-1] == '\x84' && start[-2] == '\x9A' && start[-3] == '\xE7') {  // de
      a = comparative_in_clause(start);
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

  /** bu shao yu ... zongshu de san cheng: a comparative earlier in the clause bounds the
   *  share after de (approx set, the hedge outside; one-character hedges are too loose). */
  ZHSCAN_METRIC_COLD approximation comparative_in_clause(const char* start) const noexcept {
    const char* cs = clause_start(start, 36);
    for (const char* q = cs; q < start; q += char_length(q, start)) {
      if (const std::size_t k = hedges_before_set.find_prefix(q, start))
        if (hedges_before[k - 1].text.size() >= 6) return hedges_before[k - 1].approx;
    }
    return approximation::none;
  }

  /** Han yi + count: the article "a" unless it states how many (see the file comment). */
  bool yi_is_count(const char* p, const char* unit_end, const unit_entry* u) const noexcept {
    if (u->flags & u_no_yi) return u->norm_key == utf8_key3(0x8D77) && yi_qi_incident(p, unit_end);  // qi
    if (yi_count_words_set.find_suffix(lo(p, 6), p)) return true;  // jin you / weiyi yi ge
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
    // the verb test inline (a Bloom miss almost always); the look-ahead out of line
    return yi_build_verbs_set.find_suffix(lo(p, 6), p) && yi_after_build_verb(unit_end);
  }

  /** faxian huodian yi qi. : yi qi closing its clause after an incident verb in the clause
   *  (fasheng, faxian, chachu, shouli, zhenpo, chuzhi; s/t) counts one incident, unlike
   *  "together" (zai yi qi, yi qi zuo). Bounded look-back; no throw, no alloc. */
  ZHSCAN_METRIC_COLD bool yi_qi_incident(const char* p, const char* unit_end) const noexcept {
    const mchar nx = at(unit_end);
    if (!(nx.len == 0 || is_clause_end(nx.cp))) return false;
    static constexpr std::string_view verbs[] = {
        "\u53D1\u751F", "\u767C\u751F", "\u53D1\u73B0", "\u767C\u73FE", "\u67E5\u5904",
        "\u67E5\u8655", "\u53D7\u7406", "\u4FA6\u7834", "\u5075\u7834", "\u5904\u7F6E",
        "\u8655\u7F6E"};
    // fasheng x2, faxian x2, chachu x2, shouli, zhenpo x2, chuzhi x2
    const char* cs = clause_start(p, 36);
    for (const char* q = cs; q < p; q += char_length(q, p))
      if (starts_with_any(q, p, verbs)) return true;
    return false;
  }

  /** xinjian / sheli / peibei ... + yi + measure word (the caller found the verb before
   *  `p`): a count, unless up to three Han characters and de follow (jianli yi ge lianghao de
   *  jizhi, yi ge quanxin de jieduan: the article "a" before a description). Bounded
   *  look-ahead; no throw, no alloc. */
  ZHSCAN_METRIC_COLD bool yi_after_build_verb(const char* unit_end) const noexcept {
    const char* q = unit_end;
    for (unsigned i = 0; i < 4; ++i) {
      const mchar c = at(q);
      if (c.len == 0 || !is_han_cp(c.cp)) break;
      if (c.cp == 0x7684) return false;  // de: a describing phrase follows
      q += c.len;
    }
    return true;
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
      if (u && (u->flags & u_medal) && u->text.size() == pv.len) {
        // 5 jin 3 yin: that medal unit has its own count (not the jin of zijin, jijin)
        const mchar pp = before(p - pv.len);
        unsigned v;
        if (is_digit_cp(pp.cp) || han_role_of(pp.cp, v) != han_role::none) return true;
      }
    }
    return medal_list_or_verb(p, unit_end);
  }

  /** 21 jin, 17 yin, 23 tong (dunhao list) or huode er shi yi jin: a single medal count
   *  next to another one across a dunhao, or after a winning verb in its clause (huo, duo,
   *  zhai, de); the medal unit must end its word (not jin'e, jinrong: a non-Han char, a
   *  dunhao or de follows). */
  ZHSCAN_METRIC_COLD bool medal_list_or_verb(const char* p, const char* unit_end) const noexcept {
    const mchar nx = at(unit_end);
    if (nx.len && is_han_cp(nx.cp) && nx.cp != 0x3001 && nx.cp != 0x7684 && nx.cp != 0x548C)  // dunhao, de, he
      return false;
    if (nx.cp == 0x3001) {  // dunhao, then N + medal unit
      const char* r = unit_end + nx.len;
      const char* q = r;
      unsigned len, v;
      while (q < r + 24 && (arabic_digit_at(q, e_, len) >= 0 || han_role_at(q, e_, v) != han_role::none))
        q += len ? len : 3u;  // a Han numeral is 3 bytes
      if (q != r) {
        const unit_entry* u = find_unit(q, e_);
        if (u && (u->flags & u_medal)) return true;
      }
    }
    const mchar pv = before(p);
    if (pv.cp == 0x3001 && p - b_ >= static_cast<std::ptrdiff_t>(pv.len) + 3) {  // ... jin, 17 yin: a medal unit before the dunhao
      const char* u0 = p - pv.len - 3;
      const unit_entry* u = find_unit(u0, e_);
      if (u && (u->flags & u_medal) && u0 + u->text.size() == p - pv.len) return true;
    }
    const char* cs = clause_start(p, 36);
    for (const char* q = cs; q < p; q += char_length(q, p)) {
      const mchar c = at(q);
      switch (c.cp) {
        case 0x83B7: case 0x7372: case 0x593A: case 0x596A: case 0x6458: case 0x5F97:  // huo x2 duo x2 zhai de
          return true;
        default:
          break;
      }
    }
    return false;
  }

  /** True when the Arabic N nian at [p, ...) is a calendar year: 3+ digits or a leading
   *  0; N nian M yue; a 2-digit N with a date continuation (16 nian 3 yue, 09 nian du), after
   *  jiezhi / yu; or a bare 2-digit N nian opening its clause (or after zai / cong ...) and
   *  followed by the clause's words, not by a duration word (16 nian wo men kaishi shidian,
   *  but 16 nian lai / 16 nian jian / 16 nian de). */
  bool arabic_year_is_date(const char* p, const number_run& n, const unit_match& um) const noexcept {
    if (!n.integer || n.magnitude) return false;
    if (n.int_digits >= 3 || n.leading_zero) return true;
    const char* unit_end = um.end;
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
    if (n.int_digits == 2 && n.value >= 10 && norm_is(um.entry, 0x5E74)) {  // nian
      const mchar nx = at(unit_end);
      if (is_han_cp(nx.cp) && !year_duration_after_set.find_prefix(unit_end, e_)) {
        const mchar pv = before(p);
        if (pv.len == 0 || is_clause_end(pv.cp) || cp_in(pv.cp, year_prepositions)) return true;
      }
    }
    return false;
  }

  /** False when no nei / yi / zhi follows (the common day of a date). */
  bool may_be_duration_day(const char* unit_end) const noexcept {
    const std::uint32_t k = key_at(unit_end);
    return k == utf8_key3(0x5185) || k == utf8_key3(0x5167) || k == utf8_key3(0x4EE5) || k == utf8_key3(0x4E4B);
  }

  /** N ri before nei / yinei / zhinei / yishang (sanshi ri nei): a duration, not a day of
   *  the month (unless a month precedes: 3 yue 30 ri). */
  ZHSCAN_METRIC_COLD bool day_is_duration(const char* p, const char* unit_end) const noexcept {
    static constexpr std::string_view after[] = {"\u5185", "\u5167", "\u4EE5\u5185", "\u4EE5\u5167",
                                                 "\u4E4B\u5185", "\u4E4B\u5167", "\u4EE5\u4E0A"};
    // nei x2, yinei x2, zhinei x2, yishang
    if (!starts_with_any(unit_end, e_, after)) return false;
    return before(p).cp != 0x6708;  // yue
  }

  /** Han yi nian as a period reference, not a duration: "shi ... guanjian yi nian", "fendou
   *  yi nian li" (a describing word before it, or shi earlier in the clause), with the
   *  clause ending or li / zhong after it. */
  ZHSCAN_METRIC_COLD bool yi_nian_is_period(const char* p, const char* unit_end) const noexcept {
    const mchar nx = at(unit_end);
    if (!(nx.len == 0 || is_clause_end(nx.cp) || nx.cp == 0x91CC || nx.cp == 0x88E1 ||
          nx.cp == 0x4E2D))  // li x2, zhong
      return false;
    if (year_describers_set.find_suffix(lo(p, 12), p)) return true;
    const char* cs = clause_start(p);
    for (const char* q = cs; q < p;) {
      if (key_at(q) == utf8_key3(0x662F)) return true;  // shi (is)
      q += char_length(q, p);
    }
    return false;
  }

  /** jie (session) earlier in the clause of `p`. */
  ZHSCAN_METRIC_COLD bool jie_in_clause(const char* p) const noexcept {
    const char* cs = clause_start(p, 24);
    for (const char* q = cs; q < p; q += char_length(q, p))
      if (key_at(q) == utf8_key3(0x5C4A) || key_at(q) == utf8_key3(0x5C46)) return true;  // jie
    return false;
  }

  /** "liulan: 568 ci", "dianji shu 35 ci": a page counter before the number. */
  ZHSCAN_METRIC_COLD bool web_counter_before(const char* p) const noexcept {
    const char* q = p;
    for (unsigned i = 0; i < 3 && q > b_; ++i) {
      const mchar c = before(q);
      if (!(is_inline_space(c.cp) || c.cp == ':' || c.cp == 0xFF1A || c.cp == 0x3000)) break;
      q -= c.len;
    }
    if (const std::size_t k = web_counter_tail_set.find_suffix(lo(q, 6), q)) q -= web_counter_tails[k - 1].size();
    return web_counter_set.find_suffix(lo(q, 6), q) != 0;
  }

  /** Before N pian: the title of another document (fanwen 3 pian) or a teaser label of the
   *  web page, maybe followed by spaces or a colon (tuijian yuedu: 3 pian): web metadata. */
  ZHSCAN_METRIC_COLD bool teaser_before_pian(const char* p) const noexcept {
    if (title_before_pian_set.find_suffix(lo(p, 9), p)) return true;
    const char* q = p;
    for (unsigned i = 0; i < 3 && q > b_; ++i) {
      const mchar c = before(q);
      if (!(is_inline_space(c.cp) || c.cp == ':' || c.cp == 0xFF1A || c.cp == 0x3000)) break;
      q -= c.len;
    }
    // a title word or a label, maybe before spaces or a colon (jingxuan 5 pian, fanwen: 3 pian)
    return teaser_labels_set.find_suffix(lo(q, 15), q) != 0 ||
           (q != p && title_before_pian_set.find_suffix(lo(q, 9), q) != 0);
  }

  /** Context check shared by values and ranges; false = not a metric. */
  bool unit_allowed(const char* p, const number_run& n, const unit_match& um, bool range) const noexcept {
    const unit_entry* u = um.entry;
    const std::uint32_t f = u->flags;
    const bool han = !n.arabic;
    if (is_non_unit(u) || (f & (u_ordinal | u_denominator_only))) return false;
    const std::uint32_t nk = norm_key(u);
    if ((f & u_date) && !(nk == utf8_key3(0x65E5) && may_be_duration_day(um.end) && day_is_duration(p, um.end)))  // ri
      return false;
    if ((f & u_arabic_only) && han && nk == utf8_key3(0x6BDB)) {
      // mao after a Han number: only before a digit or qian (liang mao wu, wu mao qian; san mao
      // is a name)
      const mchar nx = at(um.end);
      unsigned dv;
      if (!(nx.cp == 0x94B1 || nx.cp == 0x9322 || (han_role_of(nx.cp, dv) == han_role::digit && dv > 0)))
        return false;
    } else if ((f & u_arabic_only) && han) {
      // a Han temperature: ling xia wu du, san shi du. (yi du, liang du huojiang: "once", "twice")
      if (!(f & u_temp)) return false;
      if (!ends_with_at(lo(p, 6), p, "\u96F6\u4E0B") && n.single != 1 && n.single != 12) {  // ling xia
        const mchar nx = at(um.end);
        if (nx.len && is_han_cp(nx.cp) && !hedges_after_set.find_prefix(um.end, e_)) return false;
      } else if (n.single == 1 || n.single == 12) {
        return false;
      }
    }
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
      // zhe also takes one decimal (7.5 zhe = 75 %); cheng and zhe whole tenths 1..10
      const bool zhe_tenth = !n.integer && key_at(um.begin) == utf8_key3(0x6298) &&
                             n.x.normalized().exponent == -1 && n.value < 10;  // zhe
      if ((!n.integer && !zhe_tenth) || n.value < 1 || n.value > 10 || n.more) return false;
    }
    if (f & u_tael) {
      // san liang chaye, er liang zuoyou: a weight only where no numeral or measure word
      // follows (san liang tian, liang ge: "a few")
      const char* r = um.end;
      unsigned v;
      if (han_role_at(r, e_, v) != han_role::none || is_digit_cp(at(r).cp)) return false;
      const unit_entry* nu = find_unit(r, e_);
      if (nu && !is_non_unit(nu) && !(nu->flags & (u_medal | u_denominator_only | u_big))) return false;
    }
    if (f & u_fen) {
      const mchar nx = at(um.end);
      static constexpr std::u32string_view ok_after = U"\u4EE5\u5DE6\u4E0A\u7684\u53CA\u591A\u4E4B";  // yi zuo shang de ji duo zhi
      // 108 fen he 95 fen: after Arabic digits a conjunction too (shi fen he: "very")
      static constexpr std::u32string_view ok_after_arabic = U"\u548C\u4E0E\u8207\u6216\u81F3\u5230";  // he yu yu huo zhi dao
      if (nx.len && is_han_cp(nx.cp) && !cp_in(nx.cp, ok_after) && !(n.arabic && cp_in(nx.cp, ok_after_arabic)))
        return false;
    }
    if (f & u_time_part) {
      // 8 shi 30 fen, 10:30 fen: a clock time
      const mchar pv = before(p);
      static constexpr std::u32string_view clock_h = U"\u65F6\u6642\u70B9\u9EDE:";  // shi shi dian dian :
      static constexpr std::u32string_view clock_m = U"\u5206\u9418:";  // fen, zhong (minute) :
      if (cp_in(pv.cp, nk == utf8_key3(0x79D2) ? clock_m : clock_h)) return false;  // miao
    }
    if (f & u_grade) {
      // a rank (yi ji, er qi gongcheng, yi lei xiao, shi ba jie ren da) unless the context counts
      const bool jie = nk == utf8_key3(0x5C4A);
      const bool ji_lei = nk == utf8_key3(0x7EA7) || nk == utf8_key3(0x7C7B);
      // yi zhi san ji danwei: a Han range of ji names grades (rule 12(c)); feng li 3-4 ji counts
      bool count = n.single == 12 || (range && !(ji_lei && !n.arabic && nk == utf8_key3(0x7EA7)));
      if (!count && n.arabic && !ji_lei) count = !jie || !is_han_cp(at(um.end).cp);
      if (!count && !n.arabic && nk == utf8_key3(0x671F)) {  // qi
        // chuban jianbao er shi qi, peixunban san qi: ten or more issues, or sessions of a
        // class (ban), are counted; yi qi gongcheng, er qi stay phases
        const mchar pv = before(p);
        count = (n.integer && n.value >= 10) || pv.cp == 0x73ED;  // ban
      }
      bool counted = false;  // a counting verb before: ju ban le shi san jie yundonghui
      if (!count) {
        const mchar pv = before(p);
        if (level_set.has(pv.cp) && !jie) count = true;
        if (count_context_set.find_suffix(lo(p, 8), p)) count = counted = true;
      }
      // ya jian zhi 3 ji yinei: a number of levels
      if (!count && starts_with_at(um.end, e_, "\u4EE5\u5185")) count = true;  // yinei
      if (!count && !range && n.integer && n.value >= 2) {
        // kuoda dao 25 lei: an Arabic (or a Han >= 10) number of categories is a count (grades
        // run I, II, III; yi lei, san lei renyuan stay ranks / terms)
        if (nk == utf8_key3(0x7C7B)) count = n.arabic || n.value >= 10;  // lei
        // si ji liandong jizhi, xian xiang cun zu si ji wangge tixi: a number of levels
        // before the structure they form (not a grade: san ji yiyuan, si ji yingyu)
        else if (nk == utf8_key3(0x7EA7)) count = level_structures_set.find_prefix(um.end, e_) != 0;  // ji
      }
      if (count && !range && !counted && n.single != 12) {
        // sheng san ji you'er yuan: a grade before an institution or rank noun, whatever
        // precedes; N jie before a body (ren da, quanhui): its ordinal
        if (ji_lei && grade_nouns_set.find_prefix(um.end, e_)) count = false;
        if (jie && session_bodies_set.find_prefix(um.end, e_)) count = false;
      }
      if (!count) return false;
    }
    switch (nk) {  // rules of single measure words
      case utf8_key3(0x540D): case utf8_key3(0x4F4D): case utf8_key3(0x5F3A): {  // ming, wei, qiang
        // qian 100 ming: a rank cut-off
        const mchar pv = before(p);
        if (pv.cp == 0x524D || pv.cp == 0x540E || pv.cp == 0x5F8C) return false;  // qian, hou
        // 64 wei caozuo xitong, liang wei xiaoshu: places (bits, digits), not people
        if (nk == utf8_key3(0x4F4D) && wei_bits_set.find_prefix(um.end, e_)) return false;  // wei
        break;
      }
      case utf8_key3(0x6B21):  // ci
        if (n.arabic && web_counter_before(p)) return false;  // liulan: 568 ci
        // shi ba jie ren da san ci huiyi: the session's ordinal
        if (ci_meetings_set.find_prefix(um.end, e_) && jie_in_clause(p)) return false;
        break;
      case utf8_key3(0x9879): {  // xiang: N xiang lian sai / quan neng name a competition
        static constexpr std::string_view events[] = {"\u8054\u8D5B", "\u806F\u8CFD",
                                                      "\u5168\u80FD", "\u8D5B", "\u8CFD"};
        if (starts_with_any(um.end, e_, events)) return false;  // liansai x2, quanneng, sai x2
        break;
      }
      case utf8_key3(0x9875): {  // ye: a page count of the web frame (gong 11 ye, di 1 ye, 11 ye zhencang ban) is
        // no metric; body text counts pages after a verb or object (saomiao wenjian 5 wan ye)
        const mchar pv = before(p);
        if (!is_han_cp(pv.cp) || pv.cp == 0x5171 || pv.cp == 0x7B2C || pv.cp == 0x6570 || pv.cp == 0x6578 ||
            pv.cp == 0x9875 || pv.cp == 0x9801)  // gong, di, shu x2, ye x2
          return false;
        const mchar nx = at(um.end);
        if (nx.cp == 0x73CD || nx.cp == 0x5171 || nx.cp == 0x7B2C) return false;  // zhen(cang), gong, di
        break;
      }
      case utf8_key3(0x5C42):  // ceng: 3 hao lou 12 ceng is a floor
        if (floor_before_set.find_suffix(lo(p, 9), p)) return false;
        break;
      case utf8_key3(0x7BC7):  // pian: fanwen 3 pian is the title of another document
        if (teaser_before_pian(p)) return false;
        break;
      case utf8_key3(0x8282): case utf8_key3(0x6761): case utf8_key3(0x6B3E): case utf8_key3(0x7AE0):
        // jie tiao kuan zhang after a dotted number: a cross-reference (jian 3.4 jie, an 4.2
        // tiao), not a count (a count of sections is whole; 2.5 jie ke: lessons)
        if (n.arabic && !n.integer && !n.magnitude && key_at(um.end) != utf8_key3(0x8BFE) &&
            key_at(um.end) != utf8_key3(0x8AB2))  // ke (s/t)
          return false;
        break;
      default: break;
    }
    if (f & u_year) {
      if (n.arabic) {
        if (arabic_year_is_date(p, n, um)) return false;
      } else if (n.value >= 1000 || n.digit_seq) {
        return false;
      }
      static constexpr std::string_view xueqian[] = {"\u5B66\u524D", "\u5B78\u524D"};  // xueqian
      if (ends_with_any(lo(p, 6), p, xueqian)) return false;
      if (nian_name_after_set.find_prefix(um.end, e_)) return false;
      if (han && n.single == 1) {
        const mchar pv = before(p);
        if (yi_word_prefix_set.has(pv.cp)) return false;
        if (!range && yi_nian_is_period(p, um.end)) return false;
      }
    }
    // (a medal tally counts with er and yi: er jin yi yin; medal_context has checked it)
    if (han && n.single == 2 && !range && !(f & u_medal) &&
        (u->category == unit_category::count || u->category == unit_category::person ||
         u->category == unit_category::duration || (f & u_grade)))
      return false;  // er + measure word: an ordinal or a name (counts of two use liang)
    if (han && n.single == 1 && !range && !(f & u_medal) &&
        (u->category == unit_category::count || u->category == unit_category::person)) {
      if (!yi_is_count(p, um.end, u)) return false;
    }
    if (han && n.single == 1 && u->category == unit_category::duration && !(f & u_year)) {
      const mchar pv = before(p);
      if (yi_word_prefix_set.has(pv.cp)) return false;
    }
    if (han && in_fixed_term(p)) return false;
    return true;
  }

  /**
   * False when the 30 bytes before `p` hold neither jun (U+5747) nor mei (U+6BCF) whole, so
   * that no per word (each has one of them) can end the clause before an amount: most
   * amounts skip the clause walk. With SSE2 three shifted 16-byte loads match the two
   * byte triples; elsewhere (and near the text start) it answers true.
   */
  ZHSCAN_ALWAYS_INLINE bool may_hold_per_word(const char* p) const noexcept {
    static_assert(sizeof(per_words) / sizeof(per_words[0]) == 25, "per_words: review may_hold_per_word");
#if ZHSCAN_X86_SIMD && defined(__SSE2__)
    if (p - b_ >= 34) {
      // bit j: a triple whose last byte is c[j], for the chunks c = p - 32 and p - 16
      const auto triples = [](const char* c) -> std::uint32_t {
        const auto eq = [](__m128i v, unsigned char x) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(x))); };
        const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(c - 2));
        const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(c - 1));
        const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(c));
        const __m128i jun = _mm_and_si128(_mm_and_si128(eq(v0, 0xE5), eq(v1, 0x9D)), eq(v2, 0x87));  // U+5747
        const __m128i mei = _mm_and_si128(_mm_and_si128(eq(v0, 0xE6), eq(v1, 0xAF)), eq(v2, 0x8F));  // U+6BCF
        return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(jun, mei)));
      };
      // triples starting at p - 30 or later: bits 4.. of the first chunk, all of the second
      return ((triples(p - 32) & 0xFFF0u) | triples(p - 16)) != 0;
    }
#endif
    (void)p;
    return true;
  }

  /** Category, numeral form and normalised unit of a value metric. */
  void fill_unit(metric& m, const number_run& n, const unit_match& um, const char* p) const noexcept {
    const unit_entry* u = um.entry;
    m.unit = u->norm;
    m.category = u->category;
    m.unit_text = {off(um.begin), off(um.end)};
    if (um.per) {
      if (um.per_numeric) {  // the text after the numerator's unit and its slash
        const char* d = um.begin + u->text.size();
        d += *d == '/' ? 1 : 3;
        m.per = std::string_view(d, static_cast<std::size_t>(um.end - d));
      } else {
        m.per = um.per->norm;
      }
      if (um.per2) m.per2 = um.per2->norm;
      m.category = unit_category::rate;
    } else if (u->category == unit_category::currency && may_hold_per_word(p)) {
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

  /** Value of `n` in a unit whose multiplier is `mult` (wan yuan = 1e4): when the chained
   *  number's head is bigger than the unit's magnitude, only the rest is scaled (3 Yi 2450
   *  wan yuan = 3e8 + 2450e4). */
  decimal scaled(const number_run& n, double mult) const noexcept {
    if (mult == 1) return n.x;
    if (ZHSCAN_UNLIKELY(mult > 1 && n.begin == chain_at_ && mult < pow10_f64[chain_pow_]))
      return chain_head_ + times(n.x - chain_head_, mult);
    return times(n.x, mult);
  }

  /** `v` times a unit multiplier (1, or a power of ten: wan yuan = 1e4), exactly. */
  static decimal times(const decimal& v, double mult) noexcept {
    if (mult == 1) return v;
    for (std::int32_t e = 1; e <= 8; ++e)
      if (mult == pow10_f64[e]) return v.scaled(e);
    return v * decimal::make(static_cast<std::uint64_t>(mult));  // (no such unit today)
  }

  struct money_tail_result {
    decimal add = decimal::make(0);  // jiao / mao and fen, in yuan
    const char* end = nullptr;  // end of the tail (the unit's end when none)
    bool money = false;         // kuai is money here (kuai qian, a tail)
  };

  /** One digit (Arabic not followed by another, or a Han digit) at `r`, -1 if none. */
  int single_digit_at(const char* r, unsigned& len) const noexcept {
    const int d = arabic_digit_at(r, e_, len);
    if (d >= 0) {
      unsigned l2;
      return arabic_digit_at(r + len, e_, l2) >= 0 ? -1 : d;
    }
    unsigned v;
    const han_role role = han_role_at(r, e_, v);
    if (role != han_role::digit && role != han_role::liang) return -1;
    len = 3;
    return static_cast<int>(v);
  }

  /**
   * After yuan / kuai at `q`: jiao / mao and fen (wu yuan san jiao, shi kuai san mao, 3 kuai 5
   * mao 2 fen), a bare tenth after kuai (liang kuai wu), ling and a hundredth (san kuai ling si
   * = 3.04, wu yuan ling wu fen = 5.05), and kuai qian ("12 kuai qian": qian
   * stays outside the span). Each makes kuai money instead of a count of pieces.
   */
  ZHSCAN_METRIC_NOINLINE money_tail_result money_tail(const char* q, bool kuai, bool man = false) const noexcept {
    money_tail_result t;
    t.end = q;
    if (key_at(q) == utf8_key3(0x96F6)) {  // ling: san kuai ling si = 3.04, wu yuan ling wu fen
      unsigned l2;
      const int d2 = single_digit_at(q + 3, l2);
      if (d2 > 0) {
        const char* r = q + 3 + l2;
        unsigned v;
        bool ok = false;
        if (key_at(r) == utf8_key3(0x5206) && !find_unit(r + 3, e_)) {  // fen
          r += 3;
          ok = true;
        } else {
          ok = han_role_at(r, e_, v) == han_role::none && !is_digit_cp(at(r).cp) && !find_unit(r, e_);
        }
        if (ok) {
          t.add = decimal::make(static_cast<std::uint64_t>(d2), -2);
          t.end = r;
          t.money = true;
        }
      }
      return t;
    }
    unsigned len;
    const int d = single_digit_at(q, len);
    if (d >= 0) {
      const std::uint32_t k = key_at(q + len);
      if (k == utf8_key3(0x89D2) || k == utf8_key3(0x6BDB) ||  // jiao, mao
          (man && k == utf8_key3(0x6BEB) && !find_unit(q + len, e_))) {  // hou after man (not hao mi)
        t.add = decimal::make(static_cast<std::uint64_t>(d), -1);
        t.end = q + len + 3;
        t.money = true;
        unsigned len2;
        const int d2 = single_digit_at(t.end, len2);
        if (d2 >= 0 && key_at(t.end + len2) == utf8_key3(0x5206) &&  // fen
            !find_unit(t.end + len2 + 3, e_)) {
          t.add = t.add + decimal::make(static_cast<std::uint64_t>(d2), -2);
          t.end += len2 + 3;
        }
        return t;
      }
      if (kuai && len == 3) {  // liang kuai wu: then no numeral and no unit
        unsigned v;
        if (han_role_at(q + 3, e_, v) == han_role::none && !is_digit_cp(at(q + 3).cp) &&
            !find_unit(q + 3, e_)) {
          t.add = decimal::make(static_cast<std::uint64_t>(d), -1);
          t.end = q + 3;
          t.money = true;
        }
      }
      return t;
    }
    if (kuai) {
      const std::uint32_t k = key_at(q);
      t.money = k == utf8_key3(0x94B1) || k == utf8_key3(0x9322);  // qian (s/t)
    }
    return t;
  }

  /**
   * After mi / jin / mao at `q` (a Han number before): the tenths of the unit written as its
   * own digits (yi mi qi wu = 1.75 m, yi mi ba = 1.8 m; liang mao wu = 2.5 mao, one digit) or, after jin, a digit and liang (3 jin 5
   * liang = 3.5 jin, 1 liang = 0.1 jin). Not when a numeral, a digit or a unit follows the
   * digits (wu mi san ge: san ge is a count of its own).
   */
  money_tail_result measure_tail(const char* q, bool jin, bool han, bool one_digit) const noexcept {
    money_tail_result t;
    t.end = q;
    unsigned l1;
    const int d1 = single_digit_at(q, l1);
    if (d1 < 0) return t;
    const char* r = q + l1;
    if (jin) {
      if (key_at(r) == utf8_key3(0x4E24) || key_at(r) == utf8_key3(0x5169)) {  // liang (s/t)
        unsigned v;
        const char* a = r + 3;
        if (han_role_at(a, e_, v) == han_role::none && !is_digit_cp(at(a).cp) && !find_unit(a, e_)) {
          t.add = decimal::make(static_cast<std::uint64_t>(d1), -1);
          t.end = a;
        }
      }
      return t;
    }
    if (!han || l1 != 3 || d1 == 0) return t;
    decimal add = decimal::make(static_cast<std::uint64_t>(d1), -1);
    unsigned l2;
    const int d2 = single_digit_at(r, l2);
    if (d2 >= 0 && l2 == 3 && !one_digit) {
      add = add + decimal::make(static_cast<std::uint64_t>(d2), -2);
      r += 3;
    }
    unsigned v;
    if (han_role_at(r, e_, v) != han_role::none || is_digit_cp(at(r).cp) || find_unit(r, e_)) return t;
    t.add = add;
    t.end = r;
    return t;
  }

  /** A duration in two units (duration_tail): written only when duration_tail finds one. */
  struct duration_tail_result {
    std::uint64_t factor = 1;        // smaller units per larger one
    decimal add = decimal::make(0);  // the count of smaller units
    const char* end = nullptr;       // end of the smaller unit
  };
  mutable duration_tail_result dur_;

  /**
   * After a duration unit `u` at `q`: [ling / you] + a whole number + the next smaller unit,
   * fewer of them than make one `u`: nian -> ge yue (x12), tian -> xiaoshi (x24), zhou /
   * xingqi -> tian (x7), xiaoshi -> fenzhong or fen (x60, given as fenzhong), fenzhong / fen ->
   * miao (x60). liang nian ling san ge yue = 27 ge yue, 1 xiaoshi 20 fen = 80 fenzhong.
   */
  ZHSCAN_METRIC_NOINLINE const unit_entry* duration_tail(const char* q, const unit_entry* u) const noexcept {
    const unit_entry* const t = nullptr;
    {
      // the common case: no ling / you, digit or Han numeral after the unit (3 nian lai)
      unsigned v;
      const std::uint32_t k0 = key_at(q);
      if (!(k0 == utf8_key3(0x96F6) || k0 == utf8_key3(0x53C8) || is_digit_cp(at(q).cp))) {
        const han_role r0 = han_role_at(q, e_, v);
        if (r0 != han_role::digit && r0 != han_role::liang && r0 != han_role::small_unit) return t;
      }
    }
    static constexpr std::string_view xiaoshi = "\u5C0F\u65F6", ge_xiaoshi = "\u4E2A\u5C0F\u65F6",
                                      fenzhong = "\u5206\u949F", xingqi = "\u661F\u671F",
                                      ge_xingqi = "\u4E2A\u661F\u671F", ge_yue = "\u4E2A\u6708";
    const std::string_view nm = u->norm;
    enum { none, months, hours, days, minutes, seconds } want = none;
    std::uint64_t factor = 1;
    if (nm == "\u5E74") want = months, factor = 12;                                    // nian
    else if (nm == "\u5929") want = hours, factor = 24;                                // tian
    else if (nm == "\u5468" || nm == xingqi || nm == ge_xingqi) want = days, factor = 7;  // zhou
    else if (nm == xiaoshi || nm == ge_xiaoshi) want = minutes, factor = 60;
    else if (nm == fenzhong || nm == "\u5206") want = seconds, factor = 60;
    if (want == none) return t;
    const char* r = q;
    const std::uint32_t k = key_at(r);
    if (k == utf8_key3(0x96F6) || k == utf8_key3(0x53C8)) r += 3;  // ling, you
    number_run n;
    if (is_digit_cp(at(r).cp)) {
      n = parse_arabic(r, e_);
    } else {
      unsigned v;
      const han_role r0 = han_role_at(r, e_, v);
      if (r0 == han_role::none || r0 == han_role::ji) return t;
      n = parse_han(r, e_, false);
    }
    if (!n.ok || !n.integer || n.digit_seq || n.pair_range || n.more || n.value < 1 ||
        n.value >= static_cast<double>(factor))
      return t;
    const unit_entry* s = find_unit(n.end, e_);
    if (s == nullptr) return t;
    const std::string_view sn = s->norm;
    bool ok = false;
    switch (want) {
      case months: ok = sn == ge_yue; break;
      case hours: ok = sn == xiaoshi || sn == ge_xiaoshi; break;
      case days: ok = sn == "\u5929"; break;  // tian
      case minutes:
        ok = sn == fenzhong || sn == "\u5206";  // fenzhong, fen (given as fenzhong)
        if (ok && sn != fenzhong) s = find_unit(fenzhong.data(), fenzhong.data() + fenzhong.size());
        break;
      case seconds: ok = sn == "\u79D2"; break;  // miao
      default: break;
    }
    if (!ok || s == nullptr) return t;
    const char* end = n.end + find_unit(n.end, e_)->text.size();
    dur_.factor = factor;
    dur_.add = n.x;
    dur_.end = end;
    return s;
  }

  /** False when no money tail can start at `q` (its first byte is no digit and no lead byte
   *  of an ideograph or a full-width digit): the common case after yuan, a punctuation mark. */
  bool may_start_money_tail(const char* q) const noexcept {
    if (q >= e_) return false;
    const unsigned b = static_cast<unsigned char>(*q);
    return b - '0' <= 9u || b - 0xE4u <= 5u || (b == 0xEFu && key_at(q) - utf8_key3(0xFF10) <= 9u);
  }

  /** shu shi suo, shu bai ren: shu ("several") directly before a round magnitude, unless it
   *  ends a noun (zong shu shi suo: "the total is ten"). */
  bool shu_before(const char* p) const noexcept {
    // shu (s/t): E6 95 B0 / E6 95 B8, tested on the bytes (the common case: neither)
    if (p - b_ < 3 || (p[-1] != '\xB0' && p[-1] != '\xB8')) return false;
    if (p[-2] != '\x95' || p[-3] != '\xE6') return false;
    return !shu_noun_set.has(before(p - 3).cp);
  }

  /** Currency sign before an Arabic number without a unit: RMB 1000, $30, EUR 20. */
  ZHSCAN_METRIC_COLD const char* currency_sign(const char* p, const number_run& n) {
    const mchar pv = before(p);
    std::string_view unit;
    switch (pv.cp) {
      case 0xFFE5: case 0xA5: unit = "\u5143"; break;            // yuan sign: yuan
      case '$': case 0xFF04: unit = "\u7F8E\u5143"; break;       // dollar sign: meiyuan
      case 0x20AC: unit = "\u6B27\u5143"; break;                 // euro sign: ouyuan
      case 0xA3: case 0xFFE1: unit = "\u82F1\u9551"; break;      // pound sign: yingbang
      default: return n.skip;
    }
    const char* sign = p - pv.len;
    if (pv.cp == '$' && sign - b_ >= 2 && sign[-1] == 'S' && sign[-2] == 'U') sign -= 2;  // US$
    else if (pv.cp == '$' && is_ascii_alnum(before(sign).cp)) return n.skip;  // a code
    if (!std::isfinite(n.value)) return n.skip;
    metric m;
    m.exact_a = n.x;
    m.unit = unit;
    m.category = unit_category::currency;
    m.numeral = n.magnitude ? numeral_form::mixed : numeral_form::arabic;
    m.number = {off(p), off(n.end)};
    m.unit_text = {off(sign), off(p)};
    approximation a = n.more ? approximation::more_than : n.about ? approximation::about : approximation::none;
    const char* end = hedge_after(n.end, a);
    const char* start = prefix(sign, a, unit_category::currency, false);
    m.approx = a;
    m.span = {off(start), off(end)};
    emit(m);
    return end;
  }

  /** Categories where ban / duo after the unit belong to the quantity (yi dun ban, liang
   *  nian ban, 3 dun duo, liang sui ban). */
  static constexpr bool takes_ban_after(unit_category c) noexcept {
    return c == unit_category::duration || c == unit_category::multiple || c == unit_category::mass ||
           c == unit_category::length || c == unit_category::volume || c == unit_category::area ||
           c == unit_category::currency || c == unit_category::other;
  }

  /** A real unit (not a date / rank word) starts at `q`. */
  bool real_unit_at(const char* q) const noexcept {
    const unit_entry* u = find_unit(q, e_);
    return u && !is_non_unit(u) && !(u->flags & (u_date | u_ordinal));
  }

  /** Value metric: number + unit + hedges. */
  const char* finish_value(const char* p, number_run& n) {
    const char* q = skip_space(n.end);
    if (q != n.end && !n.arabic) q = n.end;  // a space after Han numerals ends them
    const unit_match& um = unit_at(q);
    const unit_entry* u = um.entry;
    if (!u) {
      // RMB 1000, $30: a currency sign before the digits (checked from the byte before)
      if (n.arabic && p > b_) {
        // $ (24), yen sign C2 A5 / EF BF A5, euro sign E2 82 AC, pound sign C2 A3 / EF BF A1,
        // full-width $ EF BC 84
        const unsigned c = static_cast<unsigned char>(p[-1]);
        const unsigned c2 = p - b_ >= 2 ? static_cast<unsigned char>(p[-2]) : 0u;
        if (c == '$' || ((c == 0xA5u || c == 0xA3u) && (c2 == 0xC2u || c2 == 0xBFu)) ||
            (c == 0xACu && c2 == 0x82u) || (c == 0xA1u && c2 == 0xBFu) || (c == 0x84u && c2 == 0xBCu))
          return currency_sign(p, n);
      }
      if (n.magnitude) return bare_magnitude(p, n);
      if (key_at(n.end) == utf8_key3(0x756A)) return fan_multiple(p, n);  // fan: fan liang fan
      return n.skip;
    }
    // kuai / yuan followed by jiao-mao-fen or qian: money (a copy: unit_at is asked again)
    money_tail_result mt;
    const bool kuai = (u->flags & u_money) && u->norm_key == utf8_key3(0x5757);  // kuai
    if ((u->flags & u_money) && !um.per && may_start_money_tail(um.end)) {
      const bool man = key_at(um.begin) == utf8_key3(0x868A);  // man (Cantonese dollar): like kuai
      mt = money_tail(um.end, kuai || man, man);
    }
    else if ((u->norm_key == utf8_key3(0x7C73) || u->norm_key == utf8_key3(0x65A4) ||
              u->norm_key == utf8_key3(0x6BDB)) && !um.per && !um.half &&
             n.integer && may_start_money_tail(um.end))  // mi, jin
      mt = measure_tail(um.end, u->norm_key == utf8_key3(0x65A4), !n.arabic, u->norm_key == utf8_key3(0x6BDB));
    // liang nian ling san ge yue, 1 xiaoshi 20 fen: a duration in two units, in the smaller one
    const unit_entry* small = nullptr;  // the smaller unit of a duration in two units (dur_)
    if (mt.money && kuai ? (n.arabic ? false : in_fixed_term(p)) : !unit_allowed(p, n, um, false)) {
      // a rejected unit that names a date/rank swallows the number (and its unit) for good
      // (but a rejected fen is the minute before miao: liang fen san shi miao)
      // (and not after an hour of the clock: 8 dian 30 fen 20 miao is a time of day)
      if (!(u->norm_key == utf8_key3(0x5206) && !um.per && n.integer && !n.more && !n.about &&
            !cp_in(before(p).cp, U"\u65F6\u6642\u70B9\u9EDE:\uFF1A") &&  // shi shi dian dian : :
            (small = duration_tail(um.end, u)) != nullptr))
        return n.skip;
    } else if (ZHSCAN_UNLIKELY(u->category == unit_category::duration || u->norm_key == utf8_key3(0x5206)) &&
               !um.per && !um.half && n.integer && !n.more && !n.about && may_start_money_tail(um.end)) {
      small = duration_tail(um.end, u);
    }
    metric m;
    m.shape = metric_shape::value;
    decimal v = scaled(n, um.mult);
    const char* end = um.end;
    if (mt.end && mt.end != um.end) {
      v = v + mt.add;
      end = mt.end;
    }
    if (ZHSCAN_UNLIKELY(small != nullptr)) {
      v = v * decimal::make(dur_.factor) + dur_.add;
      end = dur_.end;
    }
    bool cheng_more = false;
    if (u->flags & u_cheng) {
      // qi cheng wu = 75%
      v = n.x.scaled(1);
      const mchar nx = at(end);
      unsigned dv;
      if (!n.arabic && han_role_of(nx.cp, dv) == han_role::digit && dv > 0 &&
          key_at(um.begin) != utf8_key3(0x6298)) {  // (not after zhe: qi zhe ba kou)
        // the tenth digit, unless it starts a count of its own (qi cheng wu ge ...)
        const mchar nn = at(end + nx.len);
        unsigned nv;
        if (!find_unit(end + nx.len, e_) && han_role_of(nn.cp, nv) == han_role::none) {
          v = v + decimal::make(dv);
          end += nx.len;
        }
      }
      if (end == um.end && !n.arabic) {
        // qi cheng ban = 75% (ban = half a cheng, like qi cheng wu); qi cheng duo: more_than
        // inside the span (rule 4), unless they start a word with a unit of its own
        const std::uint32_t k = key_at(end);
        if (k == utf8_key3(0x534A) && !real_unit_at(end + 3)) {  // ban
          v = v + decimal::make(5);
          end += 3;
        } else if (k == utf8_key3(0x591A) && !n.about && !real_unit_at(end + 3)) {  // duo
          cheng_more = true;
          end += 3;
        }
      }
    }
    if (um.half) v = v + decimal::make(5, -1);
    approximation a = n.more || um.more || cheng_more ? approximation::more_than
                      : n.about        ? approximation::about
                                       : approximation::none;
    // after the unit: ban (liang nian ban, yi dun ban), duo (liang nian duo), unless they
    // start a word with a unit of its own (liang nian duo ci: "many times")
    if (takes_ban_after(u->category) && end == um.end) {
      const std::uint32_t k = key_at(end);
      if (k == utf8_key3(0x534A) && !um.half && !n.more && um.mult == 1 && !real_unit_at(end + 3)) {  // ban
        v = v + decimal::make(5, -1);
        end += 3;
      } else if (k == utf8_key3(0x591A) && a == approximation::none && !real_unit_at(end + 3)) {  // duo
        a = approximation::more_than;
        end += 3;
      }
    }
    end = hedge_after(end, a);
    fill_unit(m, n, um, p);
    if (mt.money) m.category = unit_category::currency;
    if (ZHSCAN_UNLIKELY(small != nullptr)) {
      m.unit = small->norm;
      m.category = unit_category::duration;
      m.unit_text.end = off(dur_.end);
    }
    const bool duration = u->category == unit_category::duration;
    const char* start = prefix(p, a, m.category, duration);
    const mchar pv = before(p);
    if (pv.cp == 0x7B2C || pv.cp == 0x9996) return n.skip;  // di, shou: ordinal
    if (inside_quote(start, end)) return um.end;
    if (!v.is_finite()) return um.end;
    const char* num_start = p;
    if (start == p) {
      if (n.arabic && (pv.cp == '-' || pv.cp == 0x2212 || pv.cp == 0xFF0D || pv.cp == '+' || pv.cp == 0xFF0B)) {
        // a sign where it belongs: -3.5% (after a non-alphanumeric, before the digits)
        const mchar pp = before(p - pv.len);
        if (!is_ascii_alnum(pp.cp) && !is_digit_cp(pp.cp) && pp.cp != ')' && pp.cp != 0xFF09) {
          num_start = p - pv.len;
          start = num_start;
          if (pv.cp != '+' && pv.cp != 0xFF0B) v = -v;
        }
      } else if ((pv.cp == 0x8D1F || pv.cp == 0x8CA0) &&  // fu (s/t): minus, for a rate or amount
                 (m.category == unit_category::percent || m.category == unit_category::currency ||
                  (u->flags & u_temp))) {
        num_start = start = p - 3;
        v = -v;
      } else if ((u->flags & u_temp) && pv.cp == 0x4E0B && before(p - 3).cp == 0x96F6) {  // ling xia
        start = p - 6;
        v = -v;
      } else if ((u->flags & u_temp) && norm_is(u, 0x5EA6) && pv.cp == 0x6C0F) {  // du after shi
        // she shi 30 du, hua shi 98 du: the scale before the number, the unit "she shi du"
        const mchar pp = before(p - 3);
        if (pp.cp == 0x6444 || pp.cp == 0x651D) m.unit = "\u6444\u6C0F\u5EA6";       // she (s/t)
        else if (pp.cp == 0x534E || pp.cp == 0x83EF) m.unit = "\u534E\u6C0F\u5EA6";  // hua (s/t)
        if (m.unit != u->norm) start = p - 6;
      } else if (!n.arabic && a == approximation::none && shu_before(p)) {
        // shu shi suo: "several tens", the stated lower bound
        unsigned v0;
        const han_role r0 = han_role_at(p, e_, v0);
        if (r0 == han_role::tens || r0 == han_role::small_unit || r0 == han_role::big_unit) {
          start = p - 3;
          a = approximation::more_than;
        }
      }
    }
    m.exact_a = v;
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
    // 2022-2023 xuenian, 2009-2013 nian: two calendar years before a period word
    if (um.entry->category == unit_category::duration && n1.arabic && n2.arabic && n1.integer &&
        n2.integer && n1.int_digits == 4 && n2.int_digits == 4 && !n1.magnitude && !n2.magnitude)
      return um.end;
    if (!unit_allowed(p, n2, um, true) || !unit_allowed(p, n1, um, true)) {
      if (um.entry->flags & (u_date | u_ordinal | u_year)) return um.end;
      return nullptr;
    }
    decimal lo_v = n1.x, hi_v = n2.x;
    // 10-20 wan yuan: the second number's magnitude applies to a bare first number
    if (n2.magnitude && !n1.magnitude && n1.arabic && !u1.entry) {
      std::int32_t m2 = 0;
      for (const char* s = n2.end; s > n2.begin;) {
        const mchar c = mchar_before(n2.begin, s);
        unsigned len;
        const unsigned pw = magnitude_at(s - c.len, e_, len);
        if (!pw) break;
        m2 += static_cast<std::int32_t>(pw);
        s -= c.len;
      }
      lo_v = lo_v.scaled(m2);
    } else if (!n1.arabic && !n2.arabic && !u1.entry && n1.single >= 1 && n2.han_chars >= 2) {
      lo_v = lo_v.scaled(shared_han_magnitude(n2));  // liang dao san wan yuan: 2 wan .. 3 wan
    }
    const double mult = um.mult;
    // 1 wan - 5 wan yuan: a first number with its own magnitude takes no unit magnitude
    lo_v = times(lo_v, u1.entry ? u1.mult : (n1.magnitude && (um.entry->flags & u_magnitude)) ? 1.0 : mult);
    hi_v = times(hi_v, mult);
    if (!(lo_v <= hi_v) || !lo_v.is_finite() || !hi_v.is_finite()) return nullptr;
    return finish_range(p, n1, lo_v, hi_v, n2.end, &um, &n2);
  }

  /** The magnitude a one-digit Han first number of a range shares with the second `n2`:
   *  the magnitude characters ending n2 after its first digit (san wan: 4, san bai wan: 6),
   *  or those after its first character when it starts with one (shi wan: 4); 0 otherwise
   *  (er shi san: the first number stays as written). */
  ZHSCAN_METRIC_COLD std::int32_t shared_han_magnitude(const number_run& n2) const noexcept {
    const char* s = n2.end;
    std::int32_t pw = 0;
    while (s - n2.begin >= 6) {  // the magnitude characters ending n2, never its first one
      unsigned len;
      const unsigned m = magnitude_at(s - 3, e_, len);
      if (!m) break;
      pw += static_cast<std::int32_t>(m);
      s -= 3;
    }
    if (s - n2.begin != 3 || pw == 0) return 0;
    unsigned v;
    const han_role r0 = han_role_at(n2.begin, e_, v);
    return r0 == han_role::digit || r0 == han_role::liang || r0 == han_role::small_unit ? pw : 0;
  }

  const char* finish_range(const char* p, number_run& n1, decimal lo_v, decimal hi_v,
                           const char* num_end, const unit_match* um_in,
                           const number_run* n2 = nullptr) {
    unit_match um;
    if (um_in) {
      um = *um_in;
    } else {
      // pair ranges (liang san suo): the unit follows the run
      um = unit_at(num_end);
      if (!um.entry || !unit_allowed(p, n1, um, true)) return n1.skip;
      lo_v = times(lo_v, um.mult);
      hi_v = times(hi_v, um.mult);
    }
    metric m;
    m.shape = metric_shape::range;
    m.exact_a = lo_v;
    m.exact_b = hi_v;
    const char* end = um.end;
    // (liang san nian: an approximate range, stated by low and high, approx none)
    approximation a = (n1.more || (n2 && n2->more)) ? approximation::more_than : approximation::none;
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

  /**
   * Room for the metrics still to come, `done` bytes into the text: the count so far
   * extrapolated to the whole text, plus an eighth, instead of push_back's doubling, so that a
   * first call on a large text copies and touches (page faults) about half as much. At least
   * 1.5 times the present count (amortised linear), at most 4 times it until a 32nd of the
   * text is read (no wild guess from a dense head), never more than one metric per 48 bytes
   * still to read beyond that, so a big text reserves no more than 4 bytes per byte.
   */
  ZHSCAN_METRIC_NOINLINE void grow(std::size_t done) {
    const std::size_t n = out_.size();
    if (n < 64) return;  // push_back's doubling for the first few
    const std::size_t total = static_cast<std::size_t>(e_ - b_);
    if (done == 0 || done > total) done = total ? total : 1;
    const double est = static_cast<double>(n) * (static_cast<double>(total) / static_cast<double>(done));
    const std::size_t least = n + n / 2;
    std::size_t most = n + (total - done) / (sizeof(metric) / 4);
    if (done < total / 32 && most > 4 * n) most = 4 * n;
    if (most < least) most = least;
    std::size_t want = est * 1.125 + 64.0 < static_cast<double>(most) ? static_cast<std::size_t>(est * 1.125) + 64 : most;
    if (want < least) want = least;
    if (want > out_.max_size()) want = out_.max_size();
    out_.reserve(want);
  }

  /** Appends `m`, linking it to the previous metric when the clause states a change. */
  void emit(metric& m) {
    // the doubles are the exact values converted once (NaN by default)
    if (ZHSCAN_LIKELY(m.shape == metric_shape::value)) {
      m.value = m.exact_a.to_double();
    } else if (m.shape == metric_shape::range) {
      m.low = m.exact_a.to_double();
      m.high = m.exact_b.to_double();
    } else {
      m.ratio_a = m.exact_a.to_double();
      m.ratio_b = m.exact_b.to_double();
    }
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
    if (ZHSCAN_UNLIKELY(out_.size() == out_.capacity())) grow(m.span.end);
    out_.push_back(m);
    // The result vector is far bigger than the caches: writing a metric into a line not in
    // cache waits for it to be read first. Ask now for the lines of the next slot, which the
    // next metric (some hundred ns away on dense text) will fill.
    if (out_.capacity() - out_.size() >= 4) {
      const char* next = reinterpret_cast<const char*>(out_.data() + out_.size() + 3);
      __builtin_prefetch(next, 1);
      __builtin_prefetch(next + 64, 1);
      __builtin_prefetch(next + sizeof(metric) - 1, 1);
    }
  }
};

/**
 * find_metrics on a text with spaced-out lines (numeral_spaced.hpp), once the scanner found
 * one (a number next to a space on a spaced-out line): the removable spaces of those lines
 * are left out of a copy of the text, the copy is scanned, and every offset is mapped back
 * (a metric's span then covers the spaces inside it).
 */
inline void find_metrics_spaced(std::string_view text, std::vector<metric>& out, simd_level level) {
  const char* const tb = text.data();
  const char* const te = tb + text.size();
  std::string compact;
  compact.reserve(text.size());
  std::vector<std::size_t> gaps;  // compact offsets of the characters that followed a removed space
  for (const char* lb = tb; lb < te;) {
    const void* nl = std::memchr(lb, '\n', static_cast<std::size_t>(te - lb));
    const char* const le = nl ? static_cast<const char*>(nl) : te;
    const bool spaced = is_spaced_line(lb, le);
    const char* from = lb;
    if (spaced) {
      for (const char* q = lb; q < le; ++q) {
        if (*q == ' ' && removable_space(lb, le, q)) {
          compact.append(from, static_cast<std::size_t>(q - from));
          gaps.push_back(compact.size());
          from = q + 1;
        }
      }
    }
    compact.append(from, static_cast<std::size_t>(le - from));
    if (le < te) compact.push_back('\n');
    lb = nl ? le + 1 : te;
  }
  metric_scanner scanner(compact, out);
  scanner.detect_spaced(false);
  scanner.run(level);
  if (gaps.empty()) return;
  const auto start_of = [&](std::size_t c) {
    return c + static_cast<std::size_t>(std::upper_bound(gaps.begin(), gaps.end(), c) - gaps.begin());
  };
  const auto end_of = [&](std::size_t c) {
    return c + static_cast<std::size_t>(std::lower_bound(gaps.begin(), gaps.end(), c) - gaps.begin());
  };
  const auto map = [&](byte_span& s) {
    if (s.empty()) {
      s.start = s.end = end_of(s.start);  // (an empty unit right after a number stays at its end)
      return;
    }
    s.start = start_of(s.start);
    s.end = end_of(s.end);
  };
  const char* const cb = compact.data();
  std::vector<std::size_t> index(out.size(), npos);  // new index of each metric (npos: dropped)
  std::size_t kept = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    metric m = out[i];
    map(m.span);
    map(m.number);
    map(m.unit_text);
    if (!m.per.empty() && m.per.data() >= cb && m.per.data() < cb + compact.size()) {
      // a numeric denominator views the scanned text: view the original, or drop the metric
      const std::size_t ps = start_of(static_cast<std::size_t>(m.per.data() - cb));
      if (ps + m.per.size() > text.size() || text.compare(ps, m.per.size(), m.per) != 0) continue;
      m.per = text.substr(ps, m.per.size());
    }
    if (m.change_from != npos) m.change_from = index[m.change_from];  // (always an earlier one)
    index[i] = kept;
    out[kept++] = m;
  }
  out.resize(kept);
}

}  // namespace detail

/**
 * Finds every quantity in `text` (UTF-8; any bytes accepted) and stores them, in text
 * order, non-overlapping, in `out` (cleared first; its capacity is reused). One pass, each
 * candidate examined with a bounded look-around: linear time. The candidates are found by
 * a SIMD prefilter chosen at run time; `level` caps it (every level gives the same result).
 * Lines spaced out by PDF extraction or OCR (a space after most Han characters; see
 * detail/numeral_spaced.hpp) are read through their spaces: such a text is scanned as a copy
 * without those spaces and the offsets mapped back (spans then include the spaces).
 * No throw except std::bad_alloc from growing `out` (or from that copy); no other allocation.
 */
inline void find_metrics(std::string_view text, std::vector<metric>& out,
                         simd_level level = simd_level::best) {
  out.clear();
  detail::metric_scanner scanner(text, out);
  scanner.run(level);
  if (ZHSCAN_UNLIKELY(scanner.spaced_found())) {
    out.clear();
    detail::find_metrics_spaced(text, out, level);
  }
}

/** Same as the overload above, returning a new vector. */
inline std::vector<metric> find_metrics(std::string_view text, simd_level level = simd_level::best) {
  std::vector<metric> out;
  find_metrics(text, out, level);
  return out;
}

}  // namespace zhscan

#endif  // ZHSCAN_METRIC_HPP
