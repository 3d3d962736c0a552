// SPDX-License-Identifier: MIT
// Character classes used by the outline-marker detector (list_marker.hpp): the characters
// that can start a marker, the values of Han (from the numeral table of data/numerals.tsv),
// Heavenly-Stem, enclosed and Roman numerals, the marker styles of data/marker_styles.tsv
// (gen_marker_styles.hpp), and the punctuation classes that make up a marker's left context.
#ifndef ZHSCAN_DETAIL_MARKER_CHARS_HPP
#define ZHSCAN_DETAIL_MARKER_CHARS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "marker_types.hpp"
#include "numeral_table.hpp"

namespace zhscan {
namespace detail {
namespace mk {

// ---------------------------------------------------------------------------------------
// Numeral characters

/**
 * Value of one Han numeral character as used in outline ordinals: 0..9, 10 for shi, 100
 * for bai; -1 for anything else. Read from the numeral table of parse_number
 * (data/numerals.tsv: role digit, and small_unit 10 / 100), so every character that
 * `zhscan number` reads as a digit is a marker numeral too: plain, financial (daxie),
 * traditional and old forms (yi er san written U+5F0C..U+5F0E). The measure-word 2 (liang)
 * has a role of its own and is deliberately absent: it never numbers an outline item.
 */
constexpr int han_digit(char32_t c) noexcept {
  const numeral_char n = numeral_info(c);
  if (n.kind == numeral_kind::digit) return n.value;
  if (n.kind == numeral_kind::small_unit && n.value <= 2) return n.value == 1 ? 10 : 100;
  return -1;
}

/** True for the financial (daxie) numeral characters of han_digit, simplified and traditional. */
constexpr bool is_financial_digit(char32_t c) noexcept {
  return han_digit(c) >= 0 && numeral_info(c).financial;
}

/** True for the Han numeral characters that can open an ordinal (1..9, 10). */
constexpr bool is_han_start(char32_t c) noexcept {
  const int v = han_digit(c);
  return v >= 1 && v <= 10;
}

/** 1..10 for the Heavenly Stems jia, yi, bing, ding, wu, ji, geng, xin, ren, gui; else 0. */
constexpr int tiangan_value(char32_t c) noexcept {
  switch (c) {
    case U'\u7532': return 1;   // jia
    case U'\u4E59': return 2;   // yi (2nd stem)
    case U'\u4E19': return 3;   // bing
    case U'\u4E01': return 4;   // ding
    case U'\u620A': return 5;   // wu (5th stem)
    case U'\u5DF1': return 6;   // ji (6th stem)
    case U'\u5E9A': return 7;   // geng
    case U'\u8F9B': return 8;   // xin
    case U'\u58EC': return 9;   // ren
    case U'\u7678': return 10;  // gui
    default: return 0;
  }
}

/** Kinds of one-character enclosed numerals. */
enum class enclosed : std::uint8_t { none, circled, paren, stop, han_paren, han_circled, roman_upper, roman_lower };

struct enclosed_value {
  enclosed kind;
  std::uint8_t value;
};

/** Value and kind of an enclosed/Roman numeral character (circled 1..50, (1)..(20), ...). */
constexpr enclosed_value enclosed_numeral(char32_t c) noexcept {
  if (c < 0x2160 || c > 0x32BF) return {enclosed::none, 0};
  if (c >= U'\u2460' && c <= U'\u2473') return {enclosed::circled, std::uint8_t(c - 0x2460 + 1)};
  if (c >= U'\u2474' && c <= U'\u2487') return {enclosed::paren, std::uint8_t(c - 0x2474 + 1)};
  if (c >= U'\u2488' && c <= U'\u249B') return {enclosed::stop, std::uint8_t(c - 0x2488 + 1)};
  if (c >= U'\u24EB' && c <= U'\u24F4') return {enclosed::circled, std::uint8_t(c - 0x24EB + 11)};
  if (c >= U'\u2776' && c <= U'\u277F') return {enclosed::circled, std::uint8_t(c - 0x2776 + 1)};
  if (c >= U'\u2780' && c <= U'\u2789') return {enclosed::circled, std::uint8_t(c - 0x2780 + 1)};
  if (c >= U'\u278A' && c <= U'\u2793') return {enclosed::circled, std::uint8_t(c - 0x278A + 1)};
  if (c >= U'\u3251' && c <= U'\u325F') return {enclosed::circled, std::uint8_t(c - 0x3251 + 21)};
  if (c >= U'\u32B1' && c <= U'\u32BF') return {enclosed::circled, std::uint8_t(c - 0x32B1 + 36)};
  if (c >= U'\u3220' && c <= U'\u3229') return {enclosed::han_paren, std::uint8_t(c - 0x3220 + 1)};
  if (c >= U'\u3280' && c <= U'\u3289') return {enclosed::han_circled, std::uint8_t(c - 0x3280 + 1)};
  if (c >= U'\u2160' && c <= U'\u216B') return {enclosed::roman_upper, std::uint8_t(c - 0x2160 + 1)};
  if (c >= U'\u2170' && c <= U'\u217B') return {enclosed::roman_lower, std::uint8_t(c - 0x2170 + 1)};
  return {enclosed::none, 0};
}

/** 0..9 for ASCII and full-width digits, else -1. */
constexpr int digit_value(char32_t c) noexcept {
  if (c >= U'0' && c <= U'9') return int(c - U'0');
  if (c >= U'\uFF10' && c <= U'\uFF19') return int(c - 0xFF10);
  return -1;
}

/** ASCII or full-width Latin letter: its ASCII form, else 0. */
constexpr char latin_letter(char32_t c) noexcept {
  if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) return char(c);
  if (c >= U'\uFF21' && c <= U'\uFF3A') return char('A' + (c - 0xFF21));
  if (c >= U'\uFF41' && c <= U'\uFF5A') return char('a' + (c - 0xFF41));
  return 0;
}

// ---------------------------------------------------------------------------------------
// Marker styles as data (data/marker_styles.tsv, generated into gen_marker_styles.hpp)

/** Traits of one marker style (see data/marker_styles.tsv: family, rank). */
struct marker_style_trait {
  marker_style style;
  std::uint8_t family;  ///< 0: a family of its own; styles of one family interchange at one level
  std::int8_t rank;     ///< GB/T 9704 rank 0..5 (chapter forms 0, yi-dun 1 ... circled 5), -1 none
  bool run_in;          ///< rank "inline": a run-in enumeration (zhscan::is_inline_style)
};

/**
 * Bracket marker styles: one row per bracket pair. A numeral of the systems marked true
 * (Han, Arabic) between the pair is a marker ([yi], [1]), optionally followed by an
 * enumeration comma or a dot. Each row is its own level key (a document may use two kinds
 * of brackets at two levels). Rows come from the bracket_han / bracket_arabic rows of
 * data/marker_styles.tsv: the scanner, the trigger table and the SIMD prefilters (through
 * marker_opener_patterns) pick a new row up.
 */
struct bracket_style {
  char32_t open;
  char32_t close;
  bool han;     ///< takes Han numerals (bracket_han)
  bool arabic;  ///< takes Arabic numerals, ASCII or full-width (bracket_arabic)
};

/**
 * A SIMD test of 3-byte bracket openers: lead byte b0, second byte b1, third byte b2 with
 * (b2 | fold) == b2_folded. The generator writes one per (b0, b1) of the openers outside
 * the full-width block EF BC/BD (which the prefilters test as a class of its own).
 */
struct opener_pattern {
  std::uint8_t b0, b1, fold, b2_folded;
};

/** One row of data/marker_styles.tsv, as the consistency tests walk them. */
struct marker_style_row {
  marker_style style;
  std::string_view open, close;  ///< punctuation before and after the numeral (may be empty)
  std::string_view numerals;     ///< numeral system: han, arabic, circled, roman, ...
  std::string_view example;      ///< the first markers of a list in this style, space-separated
};

#include "gen_marker_styles.hpp"

/** Number of rows of bracket_styles (each a level key of its own). */
inline constexpr std::size_t bracket_style_count = sizeof(bracket_styles) / sizeof(bracket_styles[0]);

/** Traits of style `s` (from data/marker_styles.tsv). */
constexpr const marker_style_trait& style_trait(marker_style s) noexcept {
  return marker_style_traits[static_cast<std::size_t>(s)];
}

constexpr bool style_traits_in_enum_order() noexcept {
  if (sizeof(marker_style_traits) / sizeof(marker_style_traits[0]) != marker_style_count) return false;
  for (std::size_t i = 0; i < marker_style_count; ++i) {
    const marker_style_trait& t = marker_style_traits[i];
    if (static_cast<std::size_t>(t.style) != i || t.run_in != is_inline_style(t.style) || t.family >= 10)
      return false;
  }
  return true;
}
static_assert(style_traits_in_enum_order(),
              "marker_style_traits must list every marker_style in enum order, rank inline exactly for "
              "is_inline_style, fewer than 10 families: check data/marker_styles.tsv and gen_tables.py");

/** Row of bracket_styles opened by `c`, or -1. */
constexpr int bracket_open_row(char32_t c) noexcept {
  for (std::size_t i = 0; i < bracket_style_count; ++i)
    if (bracket_styles[i].open == c) return static_cast<int>(i);
  return -1;
}

/** True when the SIMD prefilters see opener `c`: ASCII '(' or '[', the full-width block
 *  EF BC/BD, or one of marker_opener_patterns. */
constexpr bool opener_prefiltered(char32_t c) noexcept {
  if (c < 0x80) return c == U'(' || c == U'[';
  if (c < 0x800 || c > 0xFFFF) return false;
  const unsigned b0 = 0xE0u | unsigned(c >> 12), b1 = 0x80u | unsigned((c >> 6) & 0x3F),
                 b2 = 0x80u | unsigned(c & 0x3F);
  if (b0 == 0xEF && (b1 == 0xBC || b1 == 0xBD)) return true;
  for (const opener_pattern& p : marker_opener_patterns)
    if (p.b0 == b0 && p.b1 == b1 && (b2 | p.fold) == p.b2_folded) return true;
  return false;
}

constexpr bool bracket_openers_fit_prefilters() noexcept {
  for (const bracket_style& b : bracket_styles)
    if (!opener_prefiltered(b.open)) return false;
  return true;
}
static_assert(bracket_openers_fit_prefilters(),
              "a bracket opener the SIMD prefilters do not test: regenerate gen_marker_styles.hpp");

/**
 * The first opener pattern as the two constants the SIMD kernels used before the patterns
 * were generated: (b | bracket_e3_fold) == bracket_e3_byte after E3 80. Kept for kernels
 * not yet looping over marker_opener_patterns; the assertion stops the build when the data
 * needs more than this one pattern.
 */
constexpr unsigned bracket_e3_fold = marker_opener_patterns[0].fold,
                   bracket_e3_byte = marker_opener_patterns[0].b2_folded;
static_assert(sizeof(marker_opener_patterns) / sizeof(marker_opener_patterns[0]) == 1 &&
                  marker_opener_patterns[0].b0 == 0xE3 && marker_opener_patterns[0].b1 == 0x80,
              "the bracket openers need more SIMD tests than bracket_e3_fold/byte: make every kernel "
              "loop over marker_opener_patterns, then drop this assertion");

// ---------------------------------------------------------------------------------------
// Words

constexpr char32_t ch_di = U'\u7B2C';       // di, ordinal prefix
constexpr char32_t ch_qi = U'\u5176';       // qi, "its" (qi yi: firstly)
constexpr char32_t ch_ci = U'\u6B21';       // ci, next (qi ci: secondly)
constexpr char32_t ch_shou = U'\u9996';     // shou (shou xian: first of all)
constexpr char32_t ch_xian = U'\u5148';     // xian
constexpr char32_t ch_zui = U'\u6700';      // zui (zui hou: finally)
constexpr char32_t ch_hou = U'\u540E';      // hou, after
constexpr char32_t ch_hou_t = U'\u5F8C';    // hou, traditional
constexpr char32_t ch_zai = U'\u518D';      // zai (zai ci: thirdly)
constexpr char32_t ch_shi = U'\u662F';      // shi, "is" (yi shi: firstly)
constexpr char32_t ch_lai = U'\u6765';      // lai, "come" (yi lai: for one thing)
constexpr char32_t ch_dun = U'\u3001';      // enumeration comma (dunhao)
constexpr char32_t ch_fw_dot = U'\uFF0E';   // full-width full stop
constexpr char32_t ch_fw_lparen = U'\uFF08';
constexpr char32_t ch_fw_rparen = U'\uFF09';
constexpr char32_t ch_fw_comma = U'\uFF0C';
constexpr char32_t ch_fw_colon = U'\uFF1A';
constexpr char32_t ch_ideo_space = U'\u3000';
constexpr char32_t ch_replacement = U'\uFFFD';

/** The suffix after di + numeral that makes a heading: chapter, section, article, ... */
enum class di_suffix : std::uint8_t { none, chapter, section, article, clause, part };

constexpr di_suffix di_suffix_of(char32_t c) noexcept {
  switch (c) {
    case U'\u7AE0': return di_suffix::chapter;  // zhang, chapter
    case U'\u8282':                              // jie, section
    case U'\u7BC0': return di_suffix::section;  // jie, traditional
    case U'\u6761':                              // tiao, article
    case U'\u689D': return di_suffix::article;  // tiao, traditional
    case U'\u6B3E': return di_suffix::clause;   // kuan, clause
    case U'\u7F16':                              // bian, part (book)
    case U'\u7DE8':                              // bian, traditional
    case U'\u7BC7':                              // pian, part
    case U'\u5377': return di_suffix::part;     // juan, volume
    default: return di_suffix::none;
  }
}

constexpr char32_t ch_bu = U'\u90E8';   // bu (bu fen: part)
constexpr char32_t ch_fen = U'\u5206';  // fen

/**
 * Characters that, right after a numeral, make it part of a word or a quantity rather than
 * an outline number: measure words, time units, rank words (nian ji: grade, deng jiang:
 * prize class), and the commonest words a numeral starts (shi fen: very, yi qi: together).
 * Used where a numeral has no delimiter of its own (lost delimiter) and after an
 * enumeration run such as "1, 2 grade".
 */
constexpr bool is_quantity_follower(char32_t c) noexcept {
  switch (c) {
    case U'\u5E74':  // nian, year
    case U'\u6708':  // yue, month
    case U'\u65E5':  // ri, day
    case U'\u53F7':  // hao, number
    case U'\u865F':  // hao, traditional
    case U'\u65F6':  // shi, hour
    case U'\u6642':  // shi, traditional
    case U'\u70B9':  // dian, o'clock / point
    case U'\u9EDE':  // dian, traditional
    case U'\u5206':  // fen, minute / point (shi fen: very)
    case U'\u79D2':  // miao, second
    case U'\u5929':  // tian, day
    case U'\u5468':  // zhou, week
    case U'\u9031':  // zhou, traditional
    case U'\u5C81':  // sui, age
    case U'\u6B72':  // sui, traditional
    case U'\u4E2A':  // ge, measure word
    case U'\u500B':  // ge, traditional
    case U'\u540D':  // ming, persons / rank
    case U'\u4F4D':  // wei, persons
    case U'\u4EBA':  // ren, person
    case U'\u9879':  // xiang, item
    case U'\u9805':  // xiang, traditional
    case U'\u6761':  // tiao, strip
    case U'\u689D':  // tiao, traditional
    case U'\u6B21':  // ci, times
    case U'\u6279':  // pi, batch
    case U'\u5C4A':  // jie, session
    case U'\u5C46':  // jie, traditional
    case U'\u671F':  // qi, phase
    case U'\u7EA7':  // ji, grade
    case U'\u7D1A':  // ji, traditional
    case U'\u7B49':  // deng, class (er deng jiang)
    case U'\u7C7B':  // lei, category
    case U'\u985E':  // lei, traditional
    case U'\u79CD':  // zhong, kind
    case U'\u7A2E':  // zhong, traditional
    case U'\u6240':  // suo, measure word (schools)
    case U'\u5BB6':  // jia, measure word
    case U'\u5EA7':  // zuo, measure word
    case U'\u53F0':  // tai, measure word
    case U'\u81FA':  // tai, traditional
    case U'\u4EF6':  // jian, measure word
    case U'\u5957':  // tao, set
    case U'\u672C':  // ben, volume
    case U'\u518C':  // ce, volume
    case U'\u7AE0':  // zhang, chapter
    case U'\u8282':  // jie, section
    case U'\u7BC0':  // jie, traditional
    case U'\u6B3E':  // kuan, clause
    case U'\u7BC7':  // pian, measure word (articles)
    case U'\u5377':  // juan, volume
    case U'\u7F16':  // bian, part (book)
    case U'\u7DE8':  // bian, traditional
    case U'\u90E8':  // bu, part
    case U'\u5C42':  // ceng, floor
    case U'\u5C64':  // ceng, traditional
    case U'\u697C':  // lou, building
    case U'\u6A13':  // lou, traditional
    case U'\u73ED':  // ban, class
    case U'\u7EC4':  // zu, group
    case U'\u7D44':  // zu, traditional
    case U'\u8F6E':  // lun, round
    case U'\u8F2A':  // lun, traditional
    case U'\u500D':  // bei, times (multiple)
    case U'\u6210':  // cheng, tenth
    case U'\u5143':  // yuan, currency
    case U'\u4E07':  // wan, 10^4
    case U'\u842C':  // wan, traditional
    case U'\u4EBF':  // yi, 10^8
    case U'\u5104':  // yi, traditional
    case U'\u5343':  // qian, 1000
    case U'\u7C73':  // mi, metre
    case U'\u91CC':  // li, mile
    case U'\u516C':  // gong (gong li, gong jin)
    case U'\u65A4':  // jin, weight
    case U'\u5428':  // dun, ton
    case U'\u4EA9':  // mu, area
    case U'\u755D':  // mu, traditional
    case U'\u5E73':  // ping (ping fang: square)
    case U'\u5EA6':  // du, degree
    case U'\u5B63':  // ji, season
    case U'\u4EE3':  // dai, generation
    case U'\u4EA7':  // chan, industry (san chan)
    case U'\u7522':  // chan, traditional
    case U'\u4E2D':  // zhong (yi zhong: No. 1 middle school)
    case U'\u5C0F':  // xiao (er xiao: No. 2 primary school)
    case U'\u804C':  // zhi (er zhi zhuan: No. 2 vocational school)
    case U'\u8077':  // zhi, traditional
    case U'\u628A':  // ba, measure word
    case U'\u7EBF':  // xian, line
    case U'\u7DDA':  // xian, traditional
    case U'\u5904':  // chu, place
    case U'\u8655':  // chu, traditional
    case U'\u65B9':  // fang (yi fang mian: on the one hand)
    case U'\u4E9B':  // xie (yi xie: some)
    case U'\u76F4':  // zhi (yi zhi: always)
    case U'\u5B9A':  // ding (yi ding: surely)
    case U'\u822C':  // ban (yi ban: generally)
    case U'\u8D77':  // qi (yi qi: together)
    case U'\u6837':  // yang (yi yang: same)
    case U'\u6A23':  // yang, traditional
    case U'\u5207':  // qie (yi qie: all)
    case U'\u81F4':  // zhi (yi zhi: consistent)
    case U'\u4F53':  // ti (yi ti: one body)
    case U'\u9AD4':  // ti, traditional
    case U'\u540C':  // tong (yi tong: together)
    case U'\u65E6':  // dan (yi dan: once)
    case U'\u4E3E':  // ju (yi ju: at one stroke)
    case U'\u8209':  // ju, traditional
    case U'\u5FC3':  // xin (yi xin: wholeheartedly)
    case U'\u9053':  // dao, measure word
    case U'\u624B':  // shou (er shou: second-hand)
    case U'\u519C':  // nong (san nong: rural issues)
    case U'\u8FB2':  // nong, traditional
    case U'\u8DB3':  // zu (shi zu: full)
    case U'\u89D2':  // jiao, corner / dime
    case U'\u80A1':  // gu, share
    case U'\u4EFD':  // fen, copy
    case U'\u58F0':  // sheng, sound
    case U'\u8072':  // sheng, traditional
    case U'\u5C40':  // ju, round
    case U'\u573A':  // chang, session
    case U'\u5834':  // chang, traditional
    case U'\u8FB9':  // bian, side
    case U'\u908A':  // bian, traditional
    case U'\u5411':  // xiang, direction (yi xiang: always)
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------
// Punctuation classes (the left context of a marker)

/** Horizontal white space, including the ideographic space used for indentation. */
constexpr bool is_space(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == U'\v' || c == U'\f' || c == U'\u00A0' ||
         c == ch_ideo_space || (c >= U'\u2000' && c <= U'\u200B') || c == U'\u202F' ||
         c == U'\u205F' || c == U'\uFEFF';
}

constexpr bool is_newline(char32_t c) noexcept {
  return c == U'\n' || c == U'\r' || c == U'\u0085' || c == U'\u2028' || c == U'\u2029';
}

/** Sentence-final punctuation: the text after it starts a new sentence. */
constexpr bool is_sentence_end(char32_t c) noexcept {
  switch (c) {
    case U'\u3002':  // ideographic full stop
    case U'\uFF01':  // full-width !
    case U'\uFF1F':  // full-width ?
    case U'!':
    case U'?':
    case U'.':
    case U'\uFF0E':  // full-width full stop
    case U'\uFF61':  // half-width ideographic full stop
    case U'\u2026':  // ellipsis
      return true;
    default:
      return false;
  }
}

/** Semicolons and colons: a new clause (often a new list item) follows. */
constexpr bool is_clause_end(char32_t c) noexcept {
  return c == U'\uFF1B' || c == U';' || c == ch_fw_colon || c == U':' || c == U'\uFE55' ||
         c == U'\uFE54';
}

/** Commas, including the enumeration comma. */
constexpr bool is_comma(char32_t c) noexcept {
  return c == ch_fw_comma || c == U',' || c == ch_dun || c == U'\uFF64' || c == U'\uFE50';
}

/** Opening quotes and brackets. */
constexpr bool is_open_punct(char32_t c) noexcept {
  switch (c) {
    case U'"': case U'\'': case U'(': case U'[': case U'{': case U'<':
    case U'\u201C': case U'\u2018':  // curly quotes
    case U'\u300A': case U'\u3008':  // double / single angle brackets
    case U'\u300C': case U'\u300E':  // corner brackets
    case U'\u3010': case U'\u3014': case U'\u3016':  // lenticular, tortoise shell
    case U'\uFF08': case U'\uFF3B': case U'\uFF5B': case U'\uFF1C':
      return true;
    default:
      return false;
  }
}

/** Closing quotes and brackets. */
constexpr bool is_close_punct(char32_t c) noexcept {
  switch (c) {
    case U')': case U']': case U'}': case U'>':
    case U'\u201D': case U'\u2019':
    case U'\u300B': case U'\u3009':
    case U'\u300D': case U'\u300F':
    case U'\u3011': case U'\u3015': case U'\u3017':
    case U'\uFF09': case U'\uFF3D': case U'\uFF5D': case U'\uFF1E':
      return true;
    default:
      return false;
  }
}

/** Bullets, dashes, table rules: a layout separator, read like white space. */
constexpr bool is_bullet(char32_t c) noexcept {
  switch (c) {
    case U'-': case U'*': case U'#': case U'|': case U'>': case U'=': case U'_': case U'~':
    case U'\u00B7':  // middle dot
    case U'\u2022':  // bullet
    case U'\u2014': case U'\u2015': case U'\u2013':  // dashes
    case U'\u25CF': case U'\u25CB': case U'\u25A0': case U'\u25A1':  // circles, squares
    case U'\u25C6': case U'\u25C7': case U'\u25B2': case U'\u25B3':  // diamonds, triangles
    case U'\u2605': case U'\u2606':  // stars
    case U'\u203B':  // reference mark
    case U'\u25AA': case U'\u25AB': case U'\u25CE': case U'\u2192':
    case U'\uFF5E': case U'\uFF0D': case U'\uFF5C': case U'\uFF0A': case U'\uFF03':
    case U'\u3000':
      return true;
    default:
      return false;
  }
}

/** Punctuation that cannot follow a marker: it closes or continues a clause instead. */
constexpr bool is_clause_punct(char32_t c) noexcept {
  return is_comma(c) || is_clause_end(c) || c == U'\u3002' || c == U'\uFF01' ||
         c == U'\uFF1F' || c == U'!' || c == U'?';
}

/** Punctuation that properly ends a line of running text (the line is finished). */
constexpr bool ends_text_line(char32_t c) noexcept {
  return is_sentence_end(c) || is_clause_end(c) || is_close_punct(c) || c == U'\u2014' ||
         c == U'\uFF5E' || c == U'~' || c == U'\u2015';
}

/**
 * Labels under which a web page lists teasers of other pages (after the document's body):
 * a numbered list right after one of them is the site's boilerplate, not the document's
 * outline. UTF-8.
 */
inline constexpr std::string_view teaser_labels[] = {
    "\u76F8\u5173\u6587\u7AE0",  // related articles
    "\u76F8\u95DC\u6587\u7AE0",  // related articles, traditional
    "\u76F8\u5173\u9605\u8BFB",  // related reading
    "\u76F8\u95DC\u95B1\u8B80",  // related reading, traditional
    "\u76F8\u5173\u63A8\u8350",  // related recommendations
    "\u76F8\u95DC\u63A8\u85A6",  // related recommendations, traditional
    "\u76F8\u5173\u94FE\u63A5",  // related links
    "\u76F8\u95DC\u93C8\u63A5",  // related links, traditional
    "\u76F8\u5173\u8303\u6587",  // related model texts
    "\u76F8\u5173\u5185\u5BB9",  // related content
    "\u70ED\u95E8\u6587\u7AE0",  // popular articles
    "\u71B1\u9580\u6587\u7AE0",  // popular articles, traditional
    "\u70ED\u95E8\u63A8\u8350",  // popular picks
    "\u71B1\u9580\u63A8\u85A6",  // popular picks, traditional
    "\u70ED\u95E8\u9605\u8BFB",  // popular reading
    "\u731C\u4F60\u559C\u6B22",  // you may like
    "\u731C\u4F60\u559C\u6B61",  // you may like, traditional
    "\u731C\u60A8\u559C\u6B22",  // you may like, polite
    "\u63A8\u8350\u9605\u8BFB",  // recommended reading
    "\u63A8\u85A6\u95B1\u8B80",  // recommended reading, traditional
    "\u5EF6\u4F38\u9605\u8BFB",  // further reading
    "\u5EF6\u4F38\u95B1\u8B80",  // further reading, traditional
    "\u7CBE\u5F69\u63A8\u8350",  // highlights
    "\u7CBE\u5F69\u63A8\u85A6",  // highlights, traditional
    "\u4E0A\u4E00\u7BC7",  // previous article
    "\u4E0B\u4E00\u7BC7",  // next article
    "\u6700\u65B0\u6587\u7AE0",  // latest articles
    "\u63A8\u8350\u6587\u7AE0",  // recommended articles
    "\u63A8\u85A6\u6587\u7AE0",  // recommended articles, traditional
    "\u6587\u7AE0\u63A8\u8350",  // article picks
    "\u6587\u7AE0\u63A8\u85A6",  // article picks, traditional
    "\u4E3A\u4F60\u63A8\u8350",  // picked for you
    "\u4E3A\u60A8\u63A8\u8350",  // picked for you, polite
    "\u70BA\u4F60\u63A8\u85A6",  // picked for you, traditional
    "\u53EF\u80FD\u611F\u5174\u8DA3",  // may interest you
    "\u53EF\u80FD\u611F\u8208\u8DA3",  // may interest you, traditional
    "\u5927\u5BB6\u90FD\u5728\u770B",  // everyone is reading
    "\u66F4\u591A\u76F8\u5173",  // more related
    "\u7CBE\u9009\u6587\u7AE0",  // selected articles
    "\u70ED\u70B9\u6587\u7AE0",  // hot articles
    "\u9605\u8BFB\u6392\u884C",  // most read
    "\u76F8\u5173\u6587\u7AE0\u63A8\u8350",  // related articles, recommended
    "\u66F4\u591A\u76F8\u5173\u6587\u7AE0",  // more related articles
    "\u70ED\u95E8\u63A8\u8350\u6587\u7AE0",  // popular picks
    "\u76F8\u5173\u63A8\u8350\u6587\u7AE0",  // related picks
    "\u5176\u4ED6\u4EBA\u8FD8\u770B\u4E86",  // others also read
    "\u672C\u6587\u76F8\u5173",  // related to this article
};

/**
 * First words of the teaser-label family ("related ...", "popular ...", "recommended ...",
 * "past issues ...", "latest ...", "more ..."): a short line made of one of them and up to
 * four more ideographs labels a web page's list of other pages, whatever the rest of the
 * label says. UTF-8, two ideographs each.
 */
inline constexpr std::string_view teaser_label_heads[] = {
    "\u76F8\u5173",  // xiang guan, related
    "\u76F8\u95DC",  // xiang guan, traditional
    "\u70ED\u95E8",  // re men, popular
    "\u71B1\u9580",  // re men, traditional
    "\u63A8\u8350",  // tui jian, recommended
    "\u63A8\u85A6",  // tui jian, traditional
    "\u5F80\u671F",  // wang qi, past issues
    "\u6700\u65B0",  // zui xin, latest
    "\u66F4\u591A",  // geng duo, more
};

/** Bit (b & 63) set for the third byte b of the first ideograph of every teaser_label_heads
 *  entry: a one-test prefilter. */
constexpr std::uint64_t make_teaser_head_bits() noexcept {
  std::uint64_t bits = 0;
  for (const std::string_view head : teaser_label_heads)
    bits |= std::uint64_t(1) << (static_cast<unsigned char>(head[2]) & 0x3Fu);
  return bits;
}

/** See make_teaser_head_bits. */
inline constexpr std::uint64_t teaser_head_bits = make_teaser_head_bits();

/**
 * Characters that make a word with a following yi ("one"), so that "X yi shi" reads "X-one is"
 * and not "firstly": tong yi (unified), wei yi (only), tong yi (same), wan yi (in case), di yi
 * (first), zhi yi (one of), dan yi (single), zhu yi (one by one), zhuan yi (focused), he yi
 * (united), gui yi (unify), mei yi (every), ling yi (another), zhe/na yi (this/that), mou yi
 * (a certain), ci yi (this), ren yi (any), hua yi (uniform), qi yi / qi zhong yi (one of
 * them), bu yi (not uniform).
 */
constexpr bool binds_following_yi(char32_t c) noexcept {
  switch (c) {
    case U'\u7EDF': case U'\u7D71':  // tong, unify (and traditional)
    case U'\u552F':                   // wei, only
    case U'\u540C':                   // tong, same
    case U'\u4E07': case U'\u842C':  // wan, ten thousand (wan yi: in case)
    case U'\u7B2C':                   // di, ordinal prefix
    case U'\u4E4B':                   // zhi, of
    case U'\u5355': case U'\u55AE':  // dan, single
    case U'\u9010':                   // zhu, one by one
    case U'\u4E13': case U'\u5C08':  // zhuan, focused
    case U'\u5408':                   // he, unite
    case U'\u5F52': case U'\u6B78':  // gui, return (gui yi: unify)
    case U'\u6BCF':                   // mei, every
    case U'\u53E6':                   // ling, another
    case U'\u8FD9': case U'\u9019':  // zhe, this
    case U'\u90A3':                   // na, that
    case U'\u67D0':                   // mou, a certain
    case U'\u6B64':                   // ci, this
    case U'\u4EFB':                   // ren, any
    case U'\u5212': case U'\u5283':  // hua, (hua yi: uniform)
    case U'\u5176':                   // qi (qi yi: the first of them)
    case U'\u4E2D':                   // zhong (qi zhong yi: one of them)
    case U'\u4E0D':                   // bu (bu yi: not uniform)
      return true;
    default:
      return false;
  }
}

/** Bit (b & 63) set for the last byte b of every teaser label: a one-test prefilter. */
constexpr std::uint64_t make_teaser_tail_bits() noexcept {
  std::uint64_t bits = 0;
  for (const std::string_view label : teaser_labels)
    bits |= std::uint64_t(1) << (static_cast<unsigned char>(label.back()) & 0x3Fu);
  return bits;
}

inline constexpr std::uint64_t teaser_tail_bits = make_teaser_tail_bits();

// ---------------------------------------------------------------------------------------
// Trigger table: the characters that can start a marker.

/** The Han trigger characters besides the numerals of han_digit: the Heavenly Stems and the
 *  ordinal prefixes and words di, qi, shou, zui, zai. */
inline constexpr char32_t han_word_triggers[] = {
    U'\u7532', U'\u4E59', U'\u4E19', U'\u4E01', U'\u620A',  // stems jia yi bing ding wu
    U'\u5DF1', U'\u5E9A', U'\u8F9B', U'\u58EC', U'\u7678',  // stems ji geng xin ren gui
    ch_di, ch_qi, ch_shou, ch_zui, ch_zai};


/**
 * Bit set over three-byte UTF-8 sequences: index ((b0 & 0x0F) << 6 | (b1 & 0x3F)) selects a
 * 64-bit word, bit (b2 & 0x3F) the character (16 * 64 words = 8 KB, L1-resident).
 */
struct trigger_table {
  std::uint64_t bits[16 * 64];
};

constexpr void set_trigger(trigger_table& t, char32_t c) noexcept {
  if (c < 0x800 || c > 0xFFFF) return;
  const unsigned b0 = 0xE0u | unsigned(c >> 12);
  const unsigned b1 = 0x80u | unsigned((c >> 6) & 0x3F);
  const unsigned b2 = 0x80u | unsigned(c & 0x3F);
  t.bits[((b0 & 0x0Fu) << 6) | (b1 & 0x3Fu)] |= std::uint64_t(1) << (b2 & 0x3Fu);
}

constexpr trigger_table make_trigger_table() noexcept {
  trigger_table t{};
  // Han numerals that open an ordinal (the numeral table's, see han_digit), Heavenly
  // Stems, and the ordinal prefixes and words di, qi, shou, zui, zai.
  for (const numeral_entry& e : numeral_entries)
    if (is_han_start(e.cp)) set_trigger(t, e.cp);
  for (char32_t c : han_word_triggers) set_trigger(t, c);
  // Full-width opening parenthesis, digits 1..9, letters.
  set_trigger(t, ch_fw_lparen);
  for (char32_t c = 0xFF11; c <= 0xFF19; ++c) set_trigger(t, c);
  for (char32_t c = 0xFF21; c <= 0xFF3A; ++c) set_trigger(t, c);
  for (char32_t c = 0xFF41; c <= 0xFF5A; ++c) set_trigger(t, c);
  // Enclosed and Roman numerals.
  for (char32_t c = 0x2160; c <= 0x217F; ++c)
    if (enclosed_numeral(c).kind != enclosed::none) set_trigger(t, c);
  for (char32_t c = 0x2460; c <= 0x24FF; ++c)
    if (enclosed_numeral(c).kind != enclosed::none) set_trigger(t, c);
  for (char32_t c = 0x2776; c <= 0x2793; ++c) set_trigger(t, c);
  for (char32_t c = 0x3220; c <= 0x32BF; ++c)
    if (enclosed_numeral(c).kind != enclosed::none) set_trigger(t, c);
  // Bracket openers (the ASCII one is ascii_trigger's).
  for (const bracket_style& b : bracket_styles) set_trigger(t, b.open);
  return t;
}

inline constexpr trigger_table triggers = make_trigger_table();

// ---------------------------------------------------------------------------------------
// Text test: a marker must be followed by words.

/**
 * Ideographs that make up markers rather than words: the numerals 1..10, the Heavenly
 * Stems 1..4, and the ordinal words (shi, di, zhang, jie, qi, ci, kuan, shou, xian, zui,
 * hou, zai). Grouped by (lead byte, second byte): at most 16 groups, so one 16-bit AND of
 * three 64-entry lookups identifies them exactly (the SIMD kernels use the same tables).
 */
inline constexpr char32_t marker_ideographs[] = {
    U'\u4E00', U'\u4E09', U'\u4E03', U'\u4E01', U'\u4E19',  // yi san qi ding bing
    U'\u4E8C', U'\u4E94',                                  // er wu
    U'\u4E5D', U'\u4E59',                                  // jiu, yi (2nd stem)
    U'\u56DB',                                             // si
    U'\u516D', U'\u516B', U'\u5176', U'\u5148',              // liu ba qi (its) xian
    U'\u5341',                                             // shi (10)
    U'\u662F',                                             // shi (is)
    U'\u7B2C',                                             // di
    U'\u7AE0',                                             // zhang
    U'\u8282',                                             // jie
    U'\u9996',                                             // shou
    U'\u6700',                                             // zui
    U'\u540E',                                             // hou
    U'\u518D',                                             // zai
    U'\u6B21', U'\u6B3E',                                  // ci kuan
    U'\u7532',                                             // jia
};

/** Lookup tables: t[k][i] = 16-bit group set for byte k (0: lead, 1, 2) with low 6 bits i. */
struct text_tables {
  std::uint16_t t[3][64];
};

constexpr text_tables make_text_tables() noexcept {
  text_tables r{};
  unsigned lead_of[16] = {};
  unsigned second_of[16] = {};
  unsigned groups = 0;
  for (char32_t c : marker_ideographs) {
    const unsigned b0 = 0xE0u | unsigned(c >> 12);
    const unsigned b1 = 0x80u | unsigned((c >> 6) & 0x3F);
    const unsigned b2 = 0x80u | unsigned(c & 0x3F);
    unsigned g = 0;
    while (g < groups && !(lead_of[g] == b0 && second_of[g] == b1)) ++g;
    if (g == groups) {
      lead_of[g] = b0;
      second_of[g] = b1;
      ++groups;
    }
    const std::uint16_t bit = static_cast<std::uint16_t>(1u << g);
    r.t[0][b0 & 0x3F] = static_cast<std::uint16_t>(r.t[0][b0 & 0x3F] | bit);
    r.t[1][b1 & 0x3F] = static_cast<std::uint16_t>(r.t[1][b1 & 0x3F] | bit);
    r.t[2][b2 & 0x3F] = static_cast<std::uint16_t>(r.t[2][b2 & 0x3F] | bit);
  }
  return r;
}

constexpr unsigned count_text_groups() noexcept {
  unsigned lead_of[32] = {}, second_of[32] = {}, groups = 0;
  for (char32_t c : marker_ideographs) {
    const unsigned b0 = 0xE0u | unsigned(c >> 12), b1 = 0x80u | unsigned((c >> 6) & 0x3F);
    unsigned g = 0;
    while (g < groups && !(lead_of[g] == b0 && second_of[g] == b1)) ++g;
    if (g == groups && groups < 32) {
      lead_of[g] = b0;
      second_of[g] = b1;
      ++groups;
    }
  }
  return groups;
}
static_assert(count_text_groups() <= 16, "marker ideographs must fit 16 (lead, 2nd byte) groups");

inline constexpr text_tables text_lut = make_text_tables();

/**
 * True when a character of item text starts at p[0] (three bytes readable): an ASCII
 * letter; a CJK ideograph (lead E4..E9, two continuation bytes) other than the marker
 * ideographs; a full-width letter; a four-byte character (CJK extensions, emoji).
 * Digits, brackets, punctuation, white space and numeral characters are not text.
 */
constexpr bool text_byte(const unsigned char* p) noexcept {
  const unsigned b0 = p[0];
  if (b0 < 0x80) return ((b0 | 0x20u) >= 'a' && (b0 | 0x20u) <= 'z');
  if (b0 >= 0xF0 && b0 <= 0xF4) return true;
  const unsigned b1 = p[1], b2 = p[2];
  if ((b1 & 0xC0u) != 0x80u || (b2 & 0xC0u) != 0x80u) return false;
  if (b0 >= 0xE4 && b0 <= 0xE9)
    return (text_lut.t[0][b0 & 0x3F] & text_lut.t[1][b1 & 0x3F] & text_lut.t[2][b2 & 0x3F]) == 0;
  if (b0 == 0xEF) return (b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) || (b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A);
  return false;
}

/**
 * Han trigger characters (numerals, financial numerals, Heavenly Stems, di, qi, shou, zui,
 * zai) as three 64-entry tables of 16-bit bin sets, like text_lut: a character may be a
 * trigger only if t[0][b0] & t[1][b1] & t[2][b2] != 0. Pairs (lead, 2nd byte) are spread
 * over 16 bins, several pairs per bin, so the test is a superset (the exact trigger table
 * decides); it lets the AVX-512 prefilter drop ordinary ideographs after punctuation.
 * Built from the same lists as the trigger table (numeral_entries through han_digit, and
 * han_word_triggers), so a numeral of data/numerals.tsv is never filtered out.
 */

/** Adds the (lead, 2nd byte) bin bits of `c` to the tables (see han_trigger_lut). */
constexpr void add_han_trigger(text_tables& r, unsigned (&lead_of)[64], unsigned (&second_of)[64],
                               unsigned& pairs, char32_t c) noexcept {
  const unsigned b0 = 0xE0u | unsigned(c >> 12);
  const unsigned b1 = 0x80u | unsigned((c >> 6) & 0x3F);
  const unsigned b2 = 0x80u | unsigned(c & 0x3F);
  unsigned g = 0;
  while (g < pairs && !(lead_of[g] == b0 && second_of[g] == b1)) ++g;
  if (g == pairs && pairs < 64) {
    lead_of[g] = b0;
    second_of[g] = b1;
    ++pairs;
  }
  const std::uint16_t bit = static_cast<std::uint16_t>(1u << (g % 16));
  r.t[0][b0 & 0x3F] = static_cast<std::uint16_t>(r.t[0][b0 & 0x3F] | bit);
  r.t[1][b1 & 0x3F] = static_cast<std::uint16_t>(r.t[1][b1 & 0x3F] | bit);
  r.t[2][b2 & 0x3F] = static_cast<std::uint16_t>(r.t[2][b2 & 0x3F] | bit);
}

constexpr text_tables make_han_trigger_tables() noexcept {
  text_tables r{};
  unsigned lead_of[64] = {}, second_of[64] = {}, pairs = 0;
  for (const numeral_entry& e : numeral_entries)
    if (is_han_start(e.cp)) add_han_trigger(r, lead_of, second_of, pairs, e.cp);
  for (char32_t c : han_word_triggers) add_han_trigger(r, lead_of, second_of, pairs, c);
  return r;
}

inline constexpr text_tables han_trigger_lut = make_han_trigger_tables();

/** Bytes after a marker's start within which its item text must begin. */
constexpr std::size_t text_window = 64;

/** ASCII bytes that can start a marker: digits 1..9 (no leading zero), '(', '[' and letters. */
constexpr bool ascii_trigger(unsigned char b) noexcept {
  return (b >= '1' && b <= '9') || b == '(' || b == '[' || (b >= 'A' && b <= 'Z') ||
         (b >= 'a' && b <= 'z');
}

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_CHARS_HPP
