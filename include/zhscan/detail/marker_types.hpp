// SPDX-License-Identifier: MIT
// Public types of the outline-marker detector. Include "zhscan/list_marker.hpp", not this.
#ifndef ZHSCAN_DETAIL_MARKER_TYPES_HPP
#define ZHSCAN_DETAIL_MARKER_TYPES_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../common.hpp"

namespace zhscan {

/**
 * Surface form of an outline marker. The first nineteen names are the annotation styles of
 * the shared gold files; the rest name shapes the gold has no name for.
 */
enum class marker_style : std::uint8_t {
  han_dun,          ///< Han numeral + enumeration comma (or a dot): yi-dun, shi'er-dun, yi.
  paren_han,        ///< Han numeral in parentheses, ASCII or full-width: (yi)
  arabic_dot,       ///< 1.  1 + full-width stop U+FF0E; full-width digits too
  arabic_dun,       ///< 1 + enumeration comma
  paren_arabic,     ///< (1)
  circled,          ///< circled 1..50, negative circled, dingbat circled
  roman,            ///< Roman numeral characters or ASCII I. II. i. ii. (optionally + dot/comma)
  tiangan,          ///< Heavenly Stem + enumeration comma or dot: jia-dun, yi-dun (2nd stem)
  latin_dot,        ///< A. B. a. b. (also with an enumeration comma)
  chapter,          ///< di X zhang
  section,          ///< di X jie
  article,          ///< di X tiao
  clause,           ///< di X kuan
  part,             ///< di X bu fen / bian / pian / juan
  enum_shi,         ///< yi shi, er shi: "firstly, secondly", usually inline
  di_comma,         ///< di yi + comma / colon / enumeration comma
  qi_ordinal,       ///< qi yi, qi er
  seq_word,         ///< shou xian, qi ci, zai ci, zui hou (ordinals 1, 2, 3, 99)
  han_bare,         ///< Han numeral that lost its delimiter (recognised from the sequence)
  arabic_paren,     ///< 1)  1 + full-width closing parenthesis
  decimal_outline,  ///< 1.1  1.2.3 (ordinal = last component)
  enclosed_paren,   ///< parenthesized digit characters U+2474..U+2487
  enclosed_han,     ///< parenthesized ideographs U+3220..U+3229
  latin_paren,      ///< a)  (a)  A)
  enclosed_stop,    ///< digit full stop characters U+2488..U+249B
  circled_han,      ///< circled ideographs U+3280..U+3289
  han_paren,        ///< Han numeral + closing parenthesis only: yi)
  paren_roman,      ///< (i) (ii) (IV)
  paren_tiangan,    ///< (jia) (yi)
  bracket_han,      ///< Han numeral in lenticular, tortoise-shell or square brackets: [yi]
  bracket_arabic,   ///< Arabic numeral in those brackets: [1], full-width or ASCII
};

/** Number of marker styles. */
inline constexpr std::size_t marker_style_count = 31;

/** Name of a style: the gold's name ("han_dun", ...) or the extension's ("arabic_paren"). */
constexpr std::string_view to_string(marker_style s) noexcept {
  switch (s) {
    case marker_style::han_dun: return "han_dun";
    case marker_style::paren_han: return "paren_han";
    case marker_style::arabic_dot: return "arabic_dot";
    case marker_style::arabic_dun: return "arabic_dun";
    case marker_style::paren_arabic: return "paren_arabic";
    case marker_style::circled: return "circled";
    case marker_style::roman: return "roman";
    case marker_style::tiangan: return "tiangan";
    case marker_style::latin_dot: return "latin_dot";
    case marker_style::chapter: return "chapter";
    case marker_style::section: return "section";
    case marker_style::article: return "article";
    case marker_style::clause: return "clause";
    case marker_style::part: return "part";
    case marker_style::enum_shi: return "enum_shi";
    case marker_style::di_comma: return "di_comma";
    case marker_style::qi_ordinal: return "qi_ordinal";
    case marker_style::seq_word: return "seq_word";
    case marker_style::han_bare: return "han_bare";
    case marker_style::arabic_paren: return "arabic_paren";
    case marker_style::decimal_outline: return "decimal_outline";
    case marker_style::enclosed_paren: return "enclosed_paren";
    case marker_style::enclosed_han: return "enclosed_han";
    case marker_style::latin_paren: return "latin_paren";
    case marker_style::enclosed_stop: return "enclosed_stop";
    case marker_style::circled_han: return "circled_han";
    case marker_style::han_paren: return "han_paren";
    case marker_style::paren_roman: return "paren_roman";
    case marker_style::paren_tiangan: return "paren_tiangan";
    case marker_style::bracket_han: return "bracket_han";
    case marker_style::bracket_arabic: return "bracket_arabic";
  }
  return "unknown";
}

/**
 * True for the run-in enumeration styles (yi shi, di yi + comma, qi yi, shou xian ...):
 * they open items inside a section's body rather than sections of their own, sit one level
 * below the section they appear in, and never have a heading.
 */
constexpr bool is_inline_style(marker_style s) noexcept {
  return s == marker_style::enum_shi || s == marker_style::di_comma ||
         s == marker_style::qi_ordinal || s == marker_style::seq_word;
}

/** Bits of `marker::flags`. */
struct marker_flag {
  /** A Han numeral whose enumeration comma was lost (han_bare), accepted because the
   *  sequence makes it unambiguous ("er" right after a section "yi-dun"). */
  static constexpr std::uint16_t delimiter_missing = 1u << 0;
  /** The ordinal skips numbers (3 after 1) within its level. */
  static constexpr std::uint16_t sequence_gap = 1u << 1;
  /** The ordinal repeats or goes back (not a restart at 1). */
  static constexpr std::uint16_t sequence_repeat = 1u << 2;
  /** The ordinal restarts at 1 at an already open level (a new list, or a new document
   *  of a compilation). */
  static constexpr std::uint16_t sequence_restart = 1u << 3;
  /** The marker opens a level but its ordinal continues the numbering of an earlier,
   *  closed level of the same style (1..30 running across top-level sections). */
  static constexpr std::uint16_t sequence_continued = 1u << 4;
  /** The marker is run in: not at the start of a line. */
  static constexpr std::uint16_t inline_position = 1u << 5;
  /** A converter's page-chunk number split the marker from its delimiter; the span is
   *  the numeral only. */
  static constexpr std::uint16_t split_by_chunk = 1u << 6;
  /** Delimiter other than the standard one (1 + enumeration comma, yi + dot). */
  static constexpr std::uint16_t nonstandard_delimiter = 1u << 7;
  /** White space inside the marker: "( yi )". */
  static constexpr std::uint16_t spaced = 1u << 8;
  /** ASCII and full-width brackets mixed: ASCII "(" with full-width ")" or the reverse. */
  static constexpr std::uint16_t mixed_brackets = 1u << 9;
  /** Full-width digits, letters or dot. */
  static constexpr std::uint16_t fullwidth = 1u << 10;
  /** Lower-case Latin letter or Roman numeral. */
  static constexpr std::uint16_t lowercase = 1u << 11;
  /** Accepted on sequence evidence alone (mid-sentence position). */
  static constexpr std::uint16_t weak_context = 1u << 12;
};

/**
 * One outline marker found in a text. `span` covers the numeral and its own delimiter or
 * brackets, never surrounding spaces or the heading text: "(yi)" in "(yi)heading", "di yi
 * zhang" in "di yi zhang zong ze", "yi shi" in "yi shi ...".
 */
struct marker {
  byte_span span;             ///< UTF-8 byte offsets into the text, end exclusive
  std::size_t parent = npos;  ///< index of the parent marker in the same vector, or npos
  std::uint32_t ordinal = 0;  ///< value of the numeral (>= 1); zui hou (finally) = 99
  marker_style style = marker_style::han_dun;
  std::uint8_t level = 0;       ///< depth in the marker tree, 1 = top
  std::uint8_t confidence = 0;  ///< 0..100: how sure the reading is (context + sequence)
  std::uint16_t flags = 0;      ///< marker_flag bits

  /** True when every bit of `f` is set. */
  constexpr bool has(std::uint16_t f) const noexcept { return (flags & f) == f; }
};

/** Why a marker-shaped candidate was rejected (see `find_markers`). */
enum class reject_reason : std::uint8_t {
  decimal_number,   ///< 13.73, 1.5, 98.9: a digit follows the dot
  enumeration,      ///< numerals listed in a sentence: "yi, er nian ji" (grades 1 and 2)
  chunk_number,     ///< page/chunk number of a document converter, or a marker split by one
  ordinal_word,     ///< di yi as an adjective or rank: "di yi fang zhen", "pai ming di yi"
  reference,        ///< cross-reference: "di san tiao gui ding", "di 4.2 tiao", "see (2)."
  mid_word,         ///< no boundary before it: the numeral is inside a word or idiom
  followed_by_punct,///< punctuation right after the delimiter ("5, , ...")
  footnote,         ///< circled number right after a word and before punctuation
  no_sequence,      ///< position too weak and no sequence (predecessor/successor) supports it
  idiom,            ///< "yi shi yi, er shi er" and similar fixed phrases
  no_text,          ///< another marker follows at once: no item text (a listing of numerals)
  boilerplate,      ///< a web page's teaser list under "related articles" and similar labels
};

/** Name of a reject reason ("decimal_number", ...). */
constexpr std::string_view to_string(reject_reason r) noexcept {
  switch (r) {
    case reject_reason::decimal_number: return "decimal_number";
    case reject_reason::enumeration: return "enumeration";
    case reject_reason::chunk_number: return "chunk_number";
    case reject_reason::ordinal_word: return "ordinal_word";
    case reject_reason::reference: return "reference";
    case reject_reason::mid_word: return "mid_word";
    case reject_reason::followed_by_punct: return "followed_by_punct";
    case reject_reason::footnote: return "footnote";
    case reject_reason::no_sequence: return "no_sequence";
    case reject_reason::idiom: return "idiom";
    case reject_reason::no_text: return "no_text";
    case reject_reason::boilerplate: return "boilerplate";
  }
  return "unknown";
}

/** A marker-shaped candidate that a reader would not take as a marker. */
struct rejected_marker {
  byte_span span;                              ///< the candidate's bytes, as a marker would span them
  std::uint32_t ordinal = 0;                   ///< the number it would carry (1 for "yi", 3 for "(3)")
  marker_style style = marker_style::han_dun;  ///< the style it would have had
  reject_reason reason = reject_reason::mid_word;  ///< the first rule that rejected it
};

}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_TYPES_HPP
