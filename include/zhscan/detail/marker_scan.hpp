// SPDX-License-Identifier: MIT
// Phase 1 of the outline-marker detector: find every marker-shaped candidate and decide
// what can be decided from the candidate's own neighbourhood (bounded look-behind and
// look-ahead). Sequence, hierarchy and run support are phase 2 (list_marker.hpp).
#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#define ZHSCAN_DETAIL_MARKER_SCAN_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../common.hpp"
#include "../numeral.hpp"
#include "../utf8.hpp"
#include "cpu.hpp"
#include "marker_chars.hpp"
#include "marker_simd.hpp"
#include "marker_types.hpp"

namespace zhscan {
namespace detail {
namespace mk {

/** Left context of a candidate: what precedes it on its line. */
enum ctx : std::uint8_t {
  ctx_bol = 0,     // start of a line (after optional indentation)
  ctx_space = 1,   // after white space, a bullet or a broken character (flattened layouts)
  ctx_sent = 2,    // after a sentence end
  ctx_clause = 3,  // after a semicolon or colon
  ctx_comma = 4,   // after a comma or enumeration comma
  ctx_open = 5,    // after an opening quote or bracket
  ctx_close = 6,   // after a closing quote or bracket
  ctx_mid = 7,     // after a letter, digit or ideograph: inside running text
};

/** Bits of a candidate's context byte above the ctx value (which fits the low nibble). */
constexpr std::uint8_t ctx_mask = 0x0F;
/** The candidate is the first marker of a line that follows an unnumbered heading line. */
constexpr std::uint8_t ctx_after_heading = 0x40;
/** ... and that heading line follows a finished paragraph (not a title of its own). */
constexpr std::uint8_t ctx_heading_after_text = 0x20;
/** The candidate starts a line and the text line before it ends with a colon (a lead-in). */
constexpr std::uint8_t ctx_after_colon = 0x80;

/** Internal flag: a single Latin letter that could also be a Roman numeral (i, v, x). */
constexpr std::uint16_t flag_letter_roman = 1u << 15;
/** Internal flag: an Arabic marker at a line start right after an unfinished paragraph. */
constexpr std::uint16_t flag_after_cut = 1u << 14;
/** Internal flag: an Arabic marker at a line start right after a short unfinished line. */
constexpr std::uint16_t flag_after_short = 1u << 13;

/** A candidate that passed the local tests. */
struct candidate {
  byte_span span;
  std::uint32_t ordinal;
  marker_style style;
  std::uint8_t context;  // ctx
  std::uint8_t depth;    // components of a decimal outline (1.2.3 -> 3); 0 otherwise
  std::uint16_t flags;
  // Decimal outline: the components before the last, 10 bits each, the nearest in the low
  // bits, at most three (1.2.3 -> 1 << 10 | 2); 0 otherwise.
  std::uint32_t prefix = 0;
};

struct cp_info {
  char32_t cp;       // U+FFFD for ill-formed bytes; 0x110000 past either end
  std::size_t pos;   // start of the character
  std::size_t end;   // one past its last byte
  bool valid;
};

constexpr char32_t no_cp = 0x110000;

constexpr bool is_ideograph(char32_t c) noexcept {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/**
 * Candidate scanner over one text. `Sink` receives `accept(const candidate&)` and
 * `reject(byte_span, ordinal, style, reject_reason)`; rejections are only reported when
 * `want_rejects` is set (the cheap paths skip building them otherwise).
 */
template <class Sink>
class scanner {
 public:
  scanner(std::string_view text, Sink& sink, bool want_rejects) noexcept
      : s_(text.data()), n_(text.size()), sink_(sink), want_rejects_(want_rejects) {
    find_title();
  }

  /**
   * Scans the whole text; candidates arrive in increasing start order. `level` selects the
   * SIMD prefilter (every level reports the same candidates).
   */
  void run(simd_level level = simd_level::best) noexcept {
    const simd_level lv = effective_simd_level(level);
    if (want_rejects_ || lv == simd_level::scalar || n_ < 256) {
      scalar_scan(0, n_);
      return;
    }
#if ZHSCAN_X86_SIMD
    const auto* const base = reinterpret_cast<const unsigned char*>(s_);
    std::size_t p = scalar_scan(0, 3);
    auto check = [this, base](std::size_t pos) noexcept { check_position(base, pos); };
    p = lv == simd_level::avx512 ? scan_blocks_avx512(base, p, n_, check)
                                 : scan_blocks_avx2(base, p, n_, check);
    scalar_scan(p, n_);
#elif ZHSCAN_NEON_SIMD
    const auto* const base = reinterpret_cast<const unsigned char*>(s_);
    std::size_t p = scalar_scan(0, 3);
    auto check = [this, base](std::size_t pos) noexcept { check_position(base, pos); };
    p = scan_blocks_neon(base, p, n_, check);
    scalar_scan(p, n_);
#endif
  }

  /** The title found by find_title in this text: [start, start + size), size 0 if none. */
  byte_span title() const noexcept { return {title_n_ ? title_b_ : 0, title_n_ ? title_b_ + title_n_ : 0}; }
  /**
   * Streaming (stream.hpp): this text is a window of a document whose title is `t` (bytes
   * that outlive the scan), found at `at` in this window (npos when outside it).
   */
  void use_title(std::string_view t, std::size_t at) noexcept {
    title_p_ = t.data();
    title_n_ = t.size();
    title_b_ = t.empty() ? 0 : at;
  }

 private:
  /** The scalar check of one prefiltered position (shared by the SIMD paths). */
  void check_position(const unsigned char* base, std::size_t pos) noexcept {
    const unsigned char* p = base + pos;
    const unsigned b0 = p[0];
    if (b0 < 0x80) {
      if (ascii_trigger(static_cast<unsigned char>(b0)) && !after_word(p, base)) on_trigger(pos);
      return;
    }
    if ((b0 & 0xF0u) != 0xE0u || pos + 2 >= n_) return;
    const unsigned b1 = p[1], b2 = p[2];
    if ((b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u &&
        ((triggers.bits[((b0 & 0x0Fu) << 6) | (b1 & 0x3Fu)] >> (b2 & 0x3Fu)) & 1u) &&
        (b0 == 0xE2u || b0 == 0xE3u || !after_word(p, base)))
      on_trigger(pos);
  }

  /**
   * Portable scan of the characters starting in [begin, stop); returns where it stopped
   * (>= stop, or the end). Positions after a word character are skipped unless rejected
   * candidates are wanted (they cannot be markers).
   */
  std::size_t scalar_scan(std::size_t begin, std::size_t stop) noexcept {
    const auto* const base = reinterpret_cast<const unsigned char*>(s_);
    const unsigned char* p = base + begin;
    const unsigned char* const end = base + n_;
    const unsigned char* const lim = base + (stop < n_ ? stop : n_);
    const std::uint64_t* const bits = triggers.bits;
    const bool prefilter = !want_rejects_;
    // Main loop: three bytes of look-ahead are always readable.
    while (p < lim && end - p >= 4) {
      const unsigned b0 = p[0];
      if (b0 < 0x80) {
        if (ZHSCAN_UNLIKELY(ascii_trigger(static_cast<unsigned char>(b0)))) {
          if (!(prefilter && after_word(p, base))) on_trigger(static_cast<std::size_t>(p - base));
        }
        ++p;
        continue;
      }
      if ((b0 & 0xF0u) == 0xE0u) {
        const unsigned b1 = p[1], b2 = p[2];
        if (ZHSCAN_LIKELY(((b1 & 0xC0u) == 0x80u) & ((b2 & 0xC0u) == 0x80u))) {
          if (ZHSCAN_UNLIKELY((bits[((b0 & 0x0Fu) << 6) | (b1 & 0x3Fu)] >> (b2 & 0x3Fu)) & 1u)) {
            // Enclosed numerals (leads E2, E3) may follow a word; nothing else may.
            if (!(prefilter && b0 != 0xE2u && b0 != 0xE3u && after_word(p, base)))
              on_trigger(static_cast<std::size_t>(p - base));
          }
          p += 3;
        } else {
          ++p;
        }
        continue;
      }
      if (b0 >= 0xC2 && b0 < 0xE0 && (p[1] & 0xC0u) == 0x80u) {
        p += 2;
      } else if (b0 >= 0xF0 && b0 < 0xF5 && (p[1] & 0xC0u) == 0x80u &&
                 (p[2] & 0xC0u) == 0x80u && (p[3] & 0xC0u) == 0x80u) {
        p += 4;
      } else {
        ++p;
      }
    }
    // The last bytes: decode carefully.
    while (p < lim && p < end) {
      const std::size_t pos = static_cast<std::size_t>(p - base);
      const utf8::decoded d = utf8::decode(s_ + pos, s_ + n_);
      if (d.valid && is_trigger_cp(d.cp)) {
        const bool encl = d.cp >= 0x2000 && d.cp < 0x4000;
        if (!(prefilter && !encl && after_word(p, base))) on_trigger(pos);
      }
      p += d.length;
    }
    return static_cast<std::size_t>(p - base);
  }

  static constexpr bool is_trigger_cp(char32_t c) noexcept {
    if (c < 0x80) return ascii_trigger(static_cast<unsigned char>(c));
    if (c < 0x800 || c > 0xFFFF) return false;
    const unsigned b0 = 0xE0u | unsigned(c >> 12);
    const unsigned b1 = 0x80u | unsigned((c >> 6) & 0x3F);
    const unsigned b2 = 0x80u | unsigned(c & 0x3F);
    return (triggers.bits[((b0 & 0x0Fu) << 6) | (b1 & 0x3Fu)] >> (b2 & 0x3Fu)) & 1u;
  }

  /**
   * Raw-byte test: the character before `p` is a CJK ideograph (U+4E00..U+9FFF: lead byte
   * E4..E9) or an ASCII letter or digit, or a dot before an ASCII digit or letter. A marker never starts there, so the common
   * case (a numeral inside a word: "jin yi bu", "2010 nian") costs three byte loads.
   */
  static bool after_word(const unsigned char* p, const unsigned char* base) noexcept {
    if (p == base) return false;
    const unsigned c = p[-1];
    if (c < 0x80) {
      if ((c >= '0' && c <= '9') || ((c | 0x20u) >= 'a' && (c | 0x20u) <= 'z')) return true;
      // After a dot a digit or letter continues a number or an abbreviation (1.2, U.S.);
      // anything else follows a sentence end.
      const unsigned t = p[0];
      return c == '.' && ((t >= '0' && t <= '9') || ((t | 0x20u) >= 'a' && (t | 0x20u) <= 'z'));
    }
    if (p - base < 3) return false;
    const unsigned l = p[-3];
    return l >= 0xE4 && l <= 0xE9 && (p[-2] & 0xC0u) == 0x80u && (c & 0xC0u) == 0x80u;
  }

  // ----- decoding helpers ---------------------------------------------------------------

  unsigned byte(std::size_t i) const noexcept { return static_cast<unsigned char>(s_[i]); }

  ZHSCAN_ALWAYS_INLINE cp_info at(std::size_t pos) const noexcept {
    if (pos >= n_) return {no_cp, n_, n_, false};
    const unsigned b0 = byte(pos);
    if (b0 < 0x80) return {char32_t(b0), pos, pos + 1, true};
    if ((b0 & 0xF0u) == 0xE0u && pos + 2 < n_) {
      const unsigned b1 = byte(pos + 1), b2 = byte(pos + 2);
      if ((b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u) {
        const char32_t c = char32_t(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) return {c, pos, pos + 3, true};
      }
    }
    const utf8::decoded d = utf8::decode(s_ + pos, s_ + n_);
    return {d.cp, pos, pos + d.length, d.valid};
  }

  /** The character that ends at `pos` (pos > 0), or an invalid one-byte character. */
  ZHSCAN_ALWAYS_INLINE cp_info before(std::size_t pos) const noexcept {
    if (pos == 0 || pos > n_) return {no_cp, 0, 0, false};
    const unsigned last = byte(pos - 1);
    if (last < 0x80) return {char32_t(last), pos - 1, pos, true};
    if (pos >= 3) {
      const unsigned b0 = byte(pos - 3), b1 = byte(pos - 2);
      if ((b0 & 0xF0u) == 0xE0u && (b1 & 0xC0u) == 0x80u && (last & 0xC0u) == 0x80u) {
        const char32_t c = char32_t(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (last & 0x3Fu));
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) return {c, pos - 3, pos, true};
      }
    }
    return before_slow(pos);
  }

  cp_info before_slow(std::size_t pos) const noexcept {
    std::size_t q = pos - 1;
    std::size_t k = 0;
    while (q > 0 && (byte(q) & 0xC0u) == 0x80u && k < 3) {
      --q;
      ++k;
    }
    const utf8::decoded d = utf8::decode(s_ + q, s_ + n_);
    if (d.valid && q + d.length == pos) return {d.cp, q, pos, true};
    return {ch_replacement, pos - 1, pos, false};
  }

  /** Skips horizontal white space (not line breaks) from `pos`, at most `limit` bytes. */
  ZHSCAN_ALWAYS_INLINE std::size_t skip_spaces(std::size_t pos, std::size_t limit = 16) const noexcept {
    if (pos < n_) {  // the common case: no space at all
      const unsigned b = byte(pos);
      if (b > ' ' && b < 0x80 && b != 0x7F) return pos;
      if (b >= 0xE4 && b <= 0xE9) return pos;  // an ideograph
    }
    const std::size_t stop = pos + limit < n_ ? pos + limit : n_;
    while (pos < stop) {
      const cp_info c = at(pos);
      if (!c.valid || !is_space(c.cp)) break;
      pos = c.end;
    }
    return pos;
  }
  // ----- numerals (marker_numerals.hpp) --------------------------------------------------

  struct num {
    std::size_t end;
    std::uint32_t value;
    bool ok;
  };
  enum class num_kind : std::uint8_t { han, arabic, tiangan };

  /** Han ordinal 1..999 at `pos` (parse_han_number, no years, signs or decimals): 二十三 -> 23. */
  num parse_han(std::size_t pos) const noexcept;
  /** 1..999 in ASCII or full-width digits (one kind), no leading zero: 12 -> 12, 012 fails. */
  num parse_digits(std::size_t pos, bool* fullwidth = nullptr) const noexcept;
  /** Canonical Roman numeral of ASCII letters, one case, 1..39 (iv -> 4, iiii -> 0). */
  static std::uint32_t roman_value(const char* p, std::size_t len) noexcept;
  /** The numeral of kind `k` at `pos` (Han, Arabic or one Heavenly Stem). */
  num parse_kind(std::size_t pos, num_kind k) const noexcept;
  /** After "X、" at `pos`: the next numeral of the kind follows and the run ends in a word (一、二年级). */
  bool enumeration_run(std::size_t pos, num_kind k, std::uint32_t value) const noexcept;
  /** 1 when the Han numeral in [b, e) uses a financial form (壹、: a level above 一、), else 0. */
  std::uint8_t financial(std::size_t b, std::size_t e) const noexcept;

  // ----- left context (marker_context.hpp) -----------------------------------------------

  /** What precedes `pos` on its line: line start, space, sentence end, clause end, comma, bracket, word. */
  std::uint8_t left_context(std::size_t pos) const noexcept;
  /** For a line-start marker at `b`: the line before ends with a colon (a lead-in). */
  bool line_before_ends_with_colon(std::size_t b) const noexcept;
  /** One past the last LF or CR in [floor, b), or npos. */
  std::size_t line_break_after(std::size_t floor, std::size_t b) const noexcept;
  /** The end of the text line before `q`, past white space and up to three furniture lines, or npos. */
  std::size_t text_line_end_before(std::size_t q) const noexcept;
  /** ctx_after_heading (| ctx_heading_after_text) when `b` opens the first line under an unnumbered title. */
  std::uint8_t after_unnumbered_heading(std::size_t b, std::uint8_t cx, marker_style st) noexcept;
  /** The line before `q` is an unnumbered title: ctx_after_heading (| ctx_heading_after_text), else 0. */
  std::uint8_t unnumbered_title_before(std::size_t q) const noexcept;
  /** An opening parenthesis right before `pos` (white space between allowed). */
  bool prev_is_open_paren(std::size_t pos) const noexcept;
  /** A closing parenthesis at `pos` (white space before it allowed). */
  bool closes_paren(std::size_t pos) const noexcept;
  /** di right before `pos` (white space and one line break between allowed): 第（一）项. */
  bool after_di(std::size_t pos) const noexcept;
  /** The line before the line starting at `line_start` ends in an ideograph. */
  bool line_ends_in_ideograph(std::size_t line_start) const noexcept;
  /** The number of '#' (1..6) of a Markdown heading line whose marker is at `pos`, else 0. */
  unsigned markdown_hashes(std::size_t pos) const noexcept;

  // ----- the paragraph before a line start (marker_paragraphs.hpp) -----------------------

  enum class cut_kind { none, maybe, cut, split };

  /** The text ending at `end` ends with a list-introducing word (其中, 包括, 如下, 分别是 ...). */
  bool ends_with_introducer(std::size_t end) const noexcept;
  /** How the paragraph before `line_start` ends: finished, maybe a heading, cut by a chunk, split marker. */
  cut_kind previous_paragraph(std::size_t line_start) const noexcept;
  /** Records the document's first line (4..120 bytes) as its title for the running-header test. */
  void find_title() noexcept;
  /** The start of the line ending at `end` when it is a page number or the title repeated, else npos. */
  std::size_t furniture_line_start(std::size_t end) const noexcept;

  // ----- boilerplate (marker_boilerplate.hpp) --------------------------------------------

  /** The item [b, e) is a short title in a web page's teaser list (after a label or a teaser item). */
  bool in_teaser_list(std::size_t b, std::size_t e, std::uint8_t cx) const noexcept;
  /** A teaser label (相关文章, 推荐阅读 ...) ends right before `b`, across space, colon or bracket. */
  bool after_teaser_label(std::size_t b) const noexcept;
  /** The label starting at `ls` stands alone (text start, line break, space, sentence end, bracket). */
  bool label_stands_alone(std::size_t ls) const noexcept;
  /** A label of the teaser family (相关 / 热门 / 推荐 / 往期 / 最新 / 更多 + up to four ideographs) ends at `q`. */
  bool teaser_family_label(std::size_t q) const noexcept;
  /** `b` follows the previous teaser item within a title's worth of text. */
  bool follows_teaser_item(std::size_t b) const noexcept;

  // ----- items: what follows a marker (marker_items.hpp) ---------------------------------

  /** Item text (text_byte) starts within text_window bytes of `pos`. */
  bool has_text(std::size_t pos) const noexcept;
  /** Passes candidate [b, e) to the sink unless it has no text or is boilerplate; adds its context bits. */
  void emit(std::size_t b, std::size_t e, std::uint32_t ord, marker_style st, std::uint8_t cx,
            std::uint16_t flags, std::uint8_t depth = 0, std::uint32_t prefix = 0) noexcept;
  /** Heading styles whose heading may run straight into its first sub-marker. */
  static constexpr bool glued_host(marker_style st) noexcept {
    return st == marker_style::han_dun || st == marker_style::paren_han ||
           st == marker_style::chapter || st == marker_style::section ||
           st == marker_style::part;
  }
  /** After a heading marker ending at `e`: emits a sub-marker glued to its heading (…提速（一）重点项目). */
  void glued_first_item(std::size_t e, marker_style host) noexcept;
  /** `c` (after `prev`) opens a glued first sub-item (（一） or 一是), emitted; true when the walk stops. */
  bool glued_item_at(const cp_info& c, const cp_info& prev, marker_style host) noexcept;
  /** No item follows `pos` (clause punctuation, or another marker at once); `why` says which. */
  bool no_item(std::size_t pos, reject_reason& why) const noexcept;
  /** A marker shape (numeral + its delimiter or brackets) starts with `c`. */
  bool starts_marker_shape(const cp_info& c) const noexcept;
  /** After an opening bracket at `pos`: a numeral and the closing bracket `close` (0: a parenthesis). */
  bool bracketed_numeral(std::size_t pos, char32_t close = 0) const noexcept;
  /** The delimiter after a numeral ending at `end`, across spaces before 、 ． 是 (flag spaced). */
  cp_info spaced_delimiter(std::size_t end, std::uint16_t& flags, bool narrow = false) const noexcept;

  // ----- triggers ---------------------------------------------------------------------------

  // Rejections never move last_end_: the prefiltered paths do not even see most rejected
  // candidates, and every path must report the same markers.
  void reject(std::size_t b, std::size_t e, std::uint32_t ord, marker_style st,
              reject_reason r) noexcept {
    if (want_rejects_) sink_.reject(byte_span{b, e}, ord, st, r);
  }

  /** Dispatches a trigger character at `pos` to the rule of its marker style. */
  void on_trigger(std::size_t pos) noexcept {
    if (pos < last_end_) return;
    const cp_info c = at(pos);
    if (!c.valid) return;
    const char32_t cp = c.cp;
    if (cp < 0x80) {
      if (cp == '(') return on_paren(pos, c.end);
      if (cp >= '1' && cp <= '9') return on_digit(pos);
      if (cp == '[') return on_bracket(pos, c.end, bracket_open_row(cp));
      return on_letter(pos);
    }
    if (cp == ch_fw_lparen) return on_paren(pos, c.end);
    {
      const int row = bracket_open_row(cp);
      if (row >= 0) return on_bracket(pos, c.end, row);
    }
    if (cp >= 0xFF11 && cp <= 0xFF19) return on_digit(pos);
    if (latin_letter(cp) != 0) return on_letter(pos);
    if (cp == ch_di) return on_di(pos, c.end);
    if (cp == ch_qi) return on_qi(pos, c.end);
    if (cp == ch_shou || cp == ch_zui || cp == ch_zai) return on_seq(pos, c.end, cp);
    if (tiangan_value(cp) != 0) {
      // yi (U+4E59, 2nd stem) is not a Han numeral, so the stems never collide with them.
      return on_tiangan(pos, c.end, cp);
    }
    if (is_han_start(cp)) return on_han(pos);
    const enclosed_value ev = enclosed_numeral(cp);
    if (ev.kind != enclosed::none) return on_enclosed(pos, c.end, ev);
  }

  // ----- Arabic numerals (marker_style_arabic.hpp) ---------------------------------------

  /** 1. 1、 1) 1.2.3 and their full-width forms at `pos` (arabic_dot, arabic_dun, arabic_paren). */
  void on_digit(std::size_t pos) noexcept;
  /** GB/T 1.1 bare chapter number + space + short heading alone on its line (1 总则). */
  void on_bare_number(std::size_t pos, num m, std::uint16_t flags) noexcept;
  /** A calendar year + nian at `pos` (1.2023年: item 1, not a decimal). */
  bool year_follows(std::size_t pos) const noexcept;
  /** 1.1 / 1.2.3 outline headings (decimal_outline), else a rejected decimal number. */
  void on_decimal(std::size_t pos, num first, std::uint16_t flags) noexcept;

  // ----- brackets (marker_style_brackets.hpp) --------------------------------------------

  /** The numeral inside a parenthesis opened before `q`: its style, value and end (or !ok). */
  num paren_numeral(std::size_t q, const cp_info& c, marker_style& st, std::uint16_t& flags) const noexcept;
  /** Inside a parenthesis at `q`: one Latin letter or a Roman numeral of letters (latin_paren, paren_roman). */
  num paren_letters(std::size_t q, const cp_info& c, marker_style& st, std::uint16_t& flags) const noexcept;
  /** （一） (1) (a) (i) （甲） with ASCII or full-width parentheses, spaces allowed inside. */
  void on_paren(std::size_t pos, std::size_t after) noexcept;
  /** 【一】 〔1〕 [1] in the bracket pairs of bracket_styles (row `row`), with an optional 、 or dot. */
  void on_bracket(std::size_t pos, std::size_t after, int row) noexcept;
  /** After "(1) 班" at `pos`: 班 names class 1, not a word of its own (班子, 班级, 班主任 ...). */
  bool class_name_follows(std::size_t pos) const noexcept;

  // ----- Han numerals (marker_style_han.hpp) ---------------------------------------------

  /** 一、 一是 一来 一） at `pos` (han_dun, enum_shi, han_paren), else the delimiter-less forms. */
  void on_han(std::size_t pos) noexcept;
  /** A Han numeral [pos, m.end) without delimiter: split by a chunk number, or lost (han_bare). */
  void on_han_without_delimiter(std::size_t pos, num m, std::uint8_t cx, std::uint16_t flags) noexcept;
  /** 甲、 乙． at `pos` (tiangan); （甲） is the parenthesis rule's. */
  void on_tiangan(std::size_t pos, std::size_t after, char32_t cp) noexcept;

  // ----- ordinals (marker_style_ordinals.hpp) --------------------------------------------

  /** 第X章/节/条/款/部分/编 第X是 第X， at `pos`; otherwise an ordinal adjective (rejected). */
  void on_di(std::size_t pos, std::size_t after) noexcept;
  /** 第X + heading suffix [pos, e): a heading, or a cross-reference (第三条规定, 第二条的). */
  void on_di_heading(std::size_t pos, std::size_t e, num m, marker_style st, std::uint8_t cx,
                     std::uint16_t flags) noexcept;
  /** 第X是 (enum_shi), 第X， (di_comma), 第4.2 (a reference) or an ordinal adjective: di + numeral + `s`. */
  void on_di_run_in(std::size_t pos, const cp_info& s, num m, bool han, std::uint8_t cx,
                    std::uint16_t flags) noexcept;
  /** A proper name at `pos` that starts like a reference's continuation (中华, 中国, 中央, 中共, 上海). */
  bool proper_name_at(std::size_t pos) const noexcept;
  /** 其一， 其二是 其次 at `pos` (qi_ordinal, seq_word). */
  void on_qi(std::size_t pos, std::size_t after) noexcept;
  /** 首先 再次 最后 at `pos` (seq_word). */
  void on_seq(std::size_t pos, std::size_t after, char32_t first) noexcept;
  /** The sequence word [pos, end) with ordinal `ord`: a marker unless an adverb (再次 without comma, 最后的). */
  void on_seq_word(std::size_t pos, std::size_t end, std::uint32_t ord) noexcept;

  // ----- letters and enclosed characters (marker_style_letters.hpp) ----------------------

  /** ① ⑴ ⒈ ㈠ ㊀ Ⅰ at `pos`; a circled number after a word and before punctuation is a footnote. */
  void on_enclosed(std::size_t pos, std::size_t after, enclosed_value ev) noexcept;
  /** A. a) I. ii. at `pos` in ASCII or full-width letters, before Chinese item text. */
  void on_letter(std::size_t pos) noexcept;
  /** Emits the Latin / Roman marker [pos, de) when Chinese item text follows it (not "B. Russell"). */
  void emit_latin(std::size_t pos, std::size_t q, std::size_t de, char first, bool fw, std::size_t len,
                  std::uint32_t v, marker_style st, std::uint16_t flags) noexcept;
  /** The ASCII word at `r` after a Latin marker ends in Chinese text (no abbreviation, address, e-mail). */
  bool code_word_ends(std::size_t r) const noexcept;
  /** A sibling letter (l-1 or l+1, same delimiter) opens a line within 600 bytes of `pos`. */
  bool latin_sibling(std::size_t pos, std::size_t dp, std::size_t de, char l) const noexcept;

  const char* s_;
  std::size_t n_;
  Sink& sink_;
  bool want_rejects_;
  std::size_t last_end_ = 0;
  // The document's first line (see find_title): its bytes, and where it is in this text
  // (npos when this text is a window of a stream that does not hold it: stream.hpp).
  std::size_t title_b_ = 0;
  const char* title_p_ = nullptr;
  std::size_t title_n_ = 0;
  std::size_t teaser_end_ = 0;             // end of the last teaser-list item, 0 if none
  std::size_t prev_emit_ = 0;              // start of the last marker emitted
  bool glued_ = false;                     // emitting a sub-marker glued to a heading
  marker_style glued_host_ = marker_style::han_dun;  // that heading's style
};

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

// The rules of the scanner, one file per concept (declared above with their contracts).
#include "marker_numerals.hpp"
#include "marker_context.hpp"
#include "marker_paragraphs.hpp"
#include "marker_boilerplate.hpp"
#include "marker_items.hpp"
#include "marker_style_arabic.hpp"
#include "marker_style_brackets.hpp"
#include "marker_style_han.hpp"
#include "marker_style_ordinals.hpp"
#include "marker_style_letters.hpp"

#endif  // ZHSCAN_DETAIL_MARKER_SCAN_HPP
