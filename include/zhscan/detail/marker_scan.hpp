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

  // ----- context ------------------------------------------------------------------------

  std::uint8_t left_context(std::size_t pos) const noexcept {
    if (pos == 0) return ctx_bol;
    cp_info c = before(pos);
    if (!c.valid) return ctx_space;
    if (is_space(c.cp)) {
      // Indentation or a layout gap: a line start if only white space precedes it.
      for (int k = 0; k < 32; ++k) {
        if (c.pos == 0) return ctx_bol;
        c = before(c.pos);
        if (!c.valid) return ctx_space;
        if (is_newline(c.cp)) return ctx_bol;
        if (!is_space(c.cp)) return ctx_space;
      }
      return ctx_space;
    }
    if (is_newline(c.cp)) return ctx_bol;
    if (is_sentence_end(c.cp)) return ctx_sent;
    if (is_clause_end(c.cp)) return ctx_clause;
    if (is_comma(c.cp)) return ctx_comma;
    if (is_open_punct(c.cp)) return ctx_open;
    if (is_close_punct(c.cp)) return ctx_close;
    if (is_bullet(c.cp)) return ctx_space;
    if (c.cp == ch_replacement) return ctx_space;
    return ctx_mid;
  }

  // ----- numerals -----------------------------------------------------------------------

  struct num {
    std::size_t end;
    std::uint32_t value;
    bool ok;
  };

  /**
   * Han ordinal at `pos`, read by zhscan::parse_han_number (numeral.hpp): an integer
   * 1..999 written positionally (yi, shi-er, er-shi, yi-bai-ling-wu; financial and
   * traditional forms). Digit-by-digit years (er-ling-er-san), decimals, signs and
   * abbreviations are not ordinals. The numeral is the longest prefix, so "san-si" (three
   * or four) reads san and stops before si, which then fails the delimiter test.
   */
  num parse_han(std::size_t pos) const noexcept {
    if (pos >= n_) return {pos, 0, false};
    const number_result r = parse_han_number(
        std::string_view(s_ + pos, n_ - pos),
        numeral_options::no_sign | numeral_options::no_digit_by_digit |
            numeral_options::no_abbreviation | numeral_options::no_half);
    if (!r || r.form != numeral_form::han || r.has(numeral_flags::decimal) || r.value < 1 ||
        r.value > 999 || r.value != static_cast<double>(static_cast<std::uint32_t>(r.value)))
      return {pos, 0, false};
    return {static_cast<std::size_t>(r.ptr - s_), static_cast<std::uint32_t>(r.value), true};
  }

  /** 1..999 in ASCII or full-width digits (one kind), no leading zero. */
  num parse_digits(std::size_t pos, bool* fullwidth = nullptr) const noexcept {
    std::uint32_t value = 0;
    std::size_t q = pos;
    int count = 0;
    bool fw = false;
    for (;;) {
      const cp_info c = at(q);
      if (!c.valid) break;
      const int d = digit_value(c.cp);
      if (d < 0) break;
      const bool this_fw = c.cp >= 0x80;
      if (count == 0) {
        if (d == 0) return {pos, 0, false};
        fw = this_fw;
      } else if (this_fw != fw) {
        break;
      }
      if (++count > 3) return {pos, 0, false};
      value = value * 10 + std::uint32_t(d);
      q = c.end;
    }
    if (count == 0) return {pos, 0, false};
    if (fullwidth) *fullwidth = fw;
    return {q, value, true};
  }

  /** Value of a Roman numeral written in ASCII letters (one case), 1..39; 0 if not one. */
  static std::uint32_t roman_value(const char* p, std::size_t len) noexcept {
    std::uint32_t total = 0;
    for (std::size_t i = 0; i < len; ++i) {
      const char c = static_cast<char>(p[i] | 0x20);
      const std::uint32_t v = c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : 0;
      if (v == 0) return 0;
      std::uint32_t next = 0;
      if (i + 1 < len) {
        const char d = static_cast<char>(p[i + 1] | 0x20);
        next = d == 'i' ? 1 : d == 'v' ? 5 : d == 'x' ? 10 : 0;
      }
      if (v < next) total -= v; else total += v;
    }
    if (total == 0 || total > 39) return 0;
    // Only canonical spellings: re-encode and compare.
    char buf[8] = {};  // initialised: g++ 12 -O3 reports -Wmaybe-uninitialized otherwise
    std::size_t k = 0;
    std::uint32_t t = total;
    const bool upper = (p[0] & 0x20) == 0;
    const char I = upper ? 'I' : 'i', V = upper ? 'V' : 'v', X = upper ? 'X' : 'x';
    while (t >= 10) { buf[k++] = X; t -= 10; }
    if (t == 9) { buf[k++] = I; buf[k++] = X; t = 0; }
    if (t >= 5) { buf[k++] = V; t -= 5; }
    if (t == 4) { buf[k++] = I; buf[k++] = V; t = 0; }
    while (t > 0 && k < 8) { buf[k++] = I; --t; }
    if (k != len) return 0;
    for (std::size_t i = 0; i < len; ++i)
      if (buf[i] != p[i]) return 0;
    return total;
  }

  enum class num_kind : std::uint8_t { han, arabic, tiangan };

  num parse_kind(std::size_t pos, num_kind k) const noexcept {
    if (k == num_kind::han) return parse_han(pos);
    if (k == num_kind::arabic) return parse_digits(pos);
    const cp_info c = at(pos);
    const int v = c.valid ? tiangan_value(c.cp) : 0;
    if (v == 0) return {pos, 0, false};
    return {c.end, std::uint32_t(v), true};
  }

  /**
   * After "X + enumeration comma" at `pos`: true when what follows is the next numeral of
   * the same kind and the run ends in a word ("yi, er nian ji": grades one and two; "jia,
   * yi shuang fang": both parties). A reader takes that as numbers listed in a sentence.
   */
  bool enumeration_run(std::size_t pos, num_kind k, std::uint32_t value) const noexcept {
    for (int step = 0; step < 16; ++step) {
      const num m = parse_kind(pos, k);
      if (!m.ok || m.value != value + 1) return false;
      const cp_info c = at(m.end);
      if (c.valid && c.cp == ch_dun) {
        value = m.value;
        pos = c.end;
        continue;
      }
      if (!c.valid || c.cp == no_cp) return false;
      if (k == num_kind::han && c.cp == ch_shi) return false;
      if (is_ideograph(c.cp) || latin_letter(c.cp) != 0 || digit_value(c.cp) >= 0) return true;
      return false;
    }
    return false;
  }

  // ----- emission -----------------------------------------------------------------------

  /**
   * True when item text (see text_byte) starts within text_window bytes of `pos`. A string
   * of numerals, brackets and punctuation with no word in reach ("yi, yi, yi, ...",
   * "(1)(2)(3)...") numbers nothing.
   */
  bool has_text(std::size_t pos) const noexcept {
    const auto* const base = reinterpret_cast<const unsigned char*>(s_);
    const std::size_t stop = n_ - pos > text_window ? pos + text_window : n_;
    for (std::size_t q = pos; q < stop; ++q) {
      if (q + 2 < n_) {
        if (text_byte(base + q)) return true;
      } else {
        const unsigned b = base[q];
        if (((b | 0x20u) >= 'a' && (b | 0x20u) <= 'z') || (b >= 0xF0 && b <= 0xF4)) return true;
      }
    }
    return false;
  }

  void emit(std::size_t b, std::size_t e, std::uint32_t ord, marker_style st, std::uint8_t cx,
            std::uint16_t flags, std::uint8_t depth = 0, std::uint32_t prefix = 0) noexcept {
    if (!has_text(b)) return reject(b, e, ord, st, reject_reason::no_text);
    if (!is_inline_style(st) && in_teaser_list(b, e, cx)) {
      teaser_end_ = e;
      return reject(b, e, ord, st, reject_reason::boilerplate);
    }
    candidate c{{b, e}, ord, st, cx, depth, flags, prefix};
    c.context = static_cast<std::uint8_t>(cx | after_unnumbered_heading(b, cx, st));
    if (cx == ctx_bol && line_before_ends_with_colon(b)) c.context |= ctx_after_colon;
    if (cx != ctx_bol) c.flags |= marker_flag::inline_position;
    sink_.accept(c);
    last_end_ = e;
    if (!glued_ && cx <= ctx_sent && glued_host(st)) glued_first_item(e, st);
  }

  /**
   * For a marker at a line start: the line before it ends (white space aside, at most 16
   * bytes looked at) with a colon. Raw bytes: ':' or U+FF1A (EF BC 9A).
   */
  bool line_before_ends_with_colon(std::size_t b) const noexcept {
    std::size_t q = b;
    bool newline = false;
    for (int k = 0; k < 16 && q > 0; ++k) {
      const unsigned c = byte(q - 1);
      if (c == '\n' || c == '\r') newline = true;
      else if (c != ' ' && c != '\t') break;
      --q;
    }
    if (!newline || q == 0) return false;
    if (byte(q - 1) == ':') return true;
    return q >= 3 && byte(q - 3) == 0xEF && byte(q - 2) == 0xBC && byte(q - 1) == 0x9A;
  }

  /** Heading styles whose heading may run straight into its first sub-marker. */
  static constexpr bool glued_host(marker_style st) noexcept {
    return st == marker_style::han_dun || st == marker_style::paren_han ||
           st == marker_style::chapter || st == marker_style::section ||
           st == marker_style::part;
  }

  /**
   * One-line pages run a heading without final punctuation straight into its first
   * sub-marker ("san, an quan sheng chan xing shi ping wen yi shi ...", "yi, xiang mu jian she
   * ti su (yi) zhong dian xiang mu"). Looks over the heading after the marker ending at `e`
   * (2..30 ideographs, letters or digits, nothing else) for a glued "(yi)", "(1)" or "yi shi"
   * and emits it as a mid-line candidate: phase 2 accepts it only when its next sibling
   * follows in the section. A yi bound to the word before ("tong yi shi": unification is,
   * "zhi yi shi") and an item reference after "tiao"/"kuan"/"xiang" are not items.
   */
  void glued_first_item(std::size_t e, marker_style host) noexcept {
    std::size_t q = skip_spaces(e, 8);
    cp_info prev{no_cp, 0, 0, false};
    for (int chars = 0; chars <= 30; ++chars) {
      // Raw bytes first: an ideograph (lead E4..E9) other than yi, or an ASCII letter or
      // digit, is heading text; anything else is decoded below.
      if (q + 2 < n_) {
        const unsigned b0 = byte(q);
        if (b0 >= 0xE4 && b0 <= 0xE9 && !(b0 == 0xE4 && byte(q + 1) == 0xB8 && byte(q + 2) == 0x80)) {
          if ((byte(q + 1) & 0xC0u) != 0x80u || (byte(q + 2) & 0xC0u) != 0x80u) return;
          prev = cp_info{char32_t(((b0 & 0x0Fu) << 12) | ((byte(q + 1) & 0x3Fu) << 6) |
                                  (byte(q + 2) & 0x3Fu)),
                         q, q + 3, true};
          q += 3;
          continue;
        }
        if (b0 < 0x80 && b0 != '(' && !((b0 >= '0' && b0 <= '9') ||
                                         ((b0 | 0x20u) >= 'a' && (b0 | 0x20u) <= 'z')))
          return;
        if (b0 >= 0x80 && b0 != 0xE4 && b0 != 0xEF && !(b0 > 0xE4 && b0 <= 0xE9)) return;
      }
      const cp_info c = at(q);
      if (!c.valid) return;
      if (chars >= 2 && (c.cp == '(' || c.cp == ch_fw_lparen)) {
        switch (prev.cp) {
          case U'\u6761': case U'\u689D':  // tiao, article (and traditional)
          case U'\u6B3E':                   // kuan, clause
          case U'\u9879': case U'\u9805':  // xiang, item (and traditional)
          case U'\u7AE0':                   // zhang, chapter
          case U'\u8282': case U'\u7BC0':  // jie, section (and traditional)
          case ch_di:
            return;
          default:
            break;
        }
        glued_ = true;
        glued_host_ = host;
        on_paren(c.pos, c.end);
        glued_ = false;
        return;
      }
      if (chars >= 2 && c.cp == U'\u4E00' && !binds_following_yi(prev.cp)) {  // yi, one
        const cp_info d = at(c.end);
        if (d.valid && d.cp == ch_shi) {
          const num again = parse_han(d.end);
          if (again.ok && again.value == 1) return;  // yi shi yi: an idiom
          if (starts_marker_shape(at(skip_spaces(d.end)))) return;
          glued_ = true;
          emit(c.pos, d.end, 1, marker_style::enum_shi, ctx_mid, 0);
          glued_ = false;
          return;
        }
      }
      const bool word = is_ideograph(c.cp) || (c.cp < 0x80 && ((c.cp >= '0' && c.cp <= '9') ||
                                                              ((c.cp | 0x20u) >= 'a' && (c.cp | 0x20u) <= 'z')));
      if (!word) return;
      prev = c;
      q = c.end;
    }
  }

  /**
   * One past the last line feed or carriage return in [floor, b), or npos if there is none.
   * Eight bytes at a time (the scanner calls this once per marker).
   */
  std::size_t line_break_after(std::size_t floor, std::size_t b) const noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    std::size_t q = b;
    while (q - floor >= 8) {
      std::uint64_t w;
      std::memcpy(&w, s_ + q - 8, 8);
      const std::uint64_t lf = w ^ (ones * 0x0A), cr = w ^ (ones * 0x0D);
      if (((lf - ones) & ~lf & highs) | ((cr - ones) & ~cr & highs)) break;  // one is in here
      q -= 8;
    }
    for (std::size_t stop = q - floor >= 8 ? q - 8 : floor; q > stop; --q) {
      const unsigned ch = byte(q - 1);
      if (ch == '\n' || ch == '\r') return q;
    }
    return npos;
  }

  /**
   * Walks back from `q` over white space, line breaks and page furniture lines (at most
   * three): the end of the last character of the text line before, or npos if there is
   * none within reach or no line break was crossed.
   */
  std::size_t text_line_end_before(std::size_t q) const noexcept {
    for (int furniture = 0;; ++furniture) {
      int budget = 256;
      bool newline_seen = false;
      cp_info c{no_cp, 0, 0, false};
      for (;;) {
        if (q == 0 || budget-- <= 0) return npos;
        c = before(q);
        if (!c.valid) return npos;
        if (is_newline(c.cp)) newline_seen = true;
        else if (!is_space(c.cp)) break;
        q = c.pos;
      }
      if (!newline_seen) return npos;
      if (furniture == 3) return c.end;
      const std::size_t ls = furniture_line_start(c.end);
      if (ls == npos) return c.end;
      q = ls;
    }
  }

  /**
   * Unnumbered headings (Word numbering lost on export): ctx_after_heading when `b` is the
   * first marker of its line and that line follows a short title line without number or
   * punctuation ("cun zai de bu zu": shortcomings), not the document's title; with
   * ctx_heading_after_text too when that title follows a finished paragraph. Such a title is
   * a heading of the document, not a sub-heading of the statement before it; the
   * structurer uses this to keep the list under it from nesting into the previous list.
   * The line start is looked for at most 64 bytes back (and not before the last marker).
   */
  std::uint8_t after_unnumbered_heading(std::size_t b, std::uint8_t cx, marker_style st) noexcept {
    // The first marker of its line: a line break between the previous marker and this
    // one, within 64 bytes before it. Inside a line only a run-in list or a list after a
    // colon opens a paragraph's first sentence.
    const std::size_t prev = prev_emit_;
    prev_emit_ = b;
    if (cx != ctx_bol && cx != ctx_clause && !is_inline_style(st)) return 0;
    const std::size_t lim = b > 64 ? b - 64 : 0;
    const std::size_t floor = lim > prev ? lim : prev;
    std::size_t q = b;
    if (cx == ctx_bol) {  // the line starts after the indentation
      while (q > floor && (byte(q - 1) == ' ' || byte(q - 1) == '\t' || byte(q - 1) >= 0x80)) {
        const cp_info c = before(q);
        if (!c.valid || !is_space(c.cp)) break;
        q = c.pos;
      }
      if (q <= floor) return 0;
    } else {
      q = line_break_after(floor, b);
      if (q == npos) return 0;
    }
    // The common case: the line before ends a sentence (neither a title nor a page number).
    {
      std::size_t t = q;
      for (int k = 0; k < 8 && t > 0; ++k) {
        const cp_info c = before(t);
        if (!c.valid) break;
        if (is_clause_punct(c.cp) || is_sentence_end(c.cp)) return 0;
        if (!is_newline(c.cp) && !is_space(c.cp)) break;
        t = c.pos;
      }
    }
    // The title line: 2..30 characters, at least two ideographs, no clause punctuation,
    // not opened by a marker, not the document's title.
    const std::size_t pe = text_line_end_before(q);
    if (pe == npos) return 0;
    std::size_t ps = pe;
    int chars = 0, ideographs = 0;
    for (;;) {  // raw bytes: ideographs are counted by lead byte, the rest decoded
      if (ps == 0) return 0;  // the first line of the text
      const unsigned last = byte(ps - 1);
      if (last == '\n' || last == '\r') break;
      if (++chars > 30) return 0;
      if (ps >= 3 && byte(ps - 3) >= 0xE4 && byte(ps - 3) <= 0xE9 && (last & 0xC0u) == 0x80u &&
          (byte(ps - 2) & 0xC0u) == 0x80u) {
        ++ideographs;
        ps -= 3;
        continue;
      }
      const cp_info c = before(ps);
      if (!c.valid) return 0;
      if (is_newline(c.cp)) break;
      if (is_clause_punct(c.cp) || is_sentence_end(c.cp)) return 0;
      ps = c.pos;
    }
    if (ideographs < 2) return 0;
    const std::size_t ts = skip_spaces(ps, 64);
    if (ts == title_b_ && title_n_ > 0) return 0;
    if (starts_marker_shape(at(ts))) return 0;
    // Is the paragraph before it finished?
    const std::size_t qe = text_line_end_before(ps);
    if (qe == npos) return ctx_after_heading;
    const cp_info l = before(qe);
    return l.valid && ends_text_line(l.cp) ? ctx_after_heading | ctx_heading_after_text
                                            : ctx_after_heading;
  }

  /**
   * A web page's teaser list: the item is a short title (no sentence inside before its line
   * ends) and it follows a teaser label ("related articles:", "recommended reading", "next
   * article" ...) across white space, a colon or a bracket, or it follows the previous
   * teaser item after a title's worth of text on the same or the next line.
   */
  bool in_teaser_list(std::size_t b, std::size_t e, std::uint8_t cx) const noexcept {
    // A label ends its line, or is followed by a colon, a space or a closing bracket.
    const bool label_ctx = cx == ctx_bol || cx == ctx_space || cx == ctx_clause || cx == ctx_close;
    if (!((label_ctx && after_teaser_label(b)) || follows_teaser_item(b))) return false;
    // The item is a title, not a sentence.
    std::size_t q = skip_spaces(e);
    const std::size_t stop = q + 180 < n_ ? q + 180 : n_;
    while (q < stop) {
      const cp_info c = at(q);
      if (c.valid && (is_newline(c.cp) || is_space(c.cp))) break;
      if (c.valid && (c.cp == U'\u3002' || c.cp == U'\uFF1B' || c.cp == U';')) return false;
      q = c.end;
    }
    return true;
  }

  /** A teaser label right before `b`, across white space, a colon or a closing bracket. */
  bool after_teaser_label(std::size_t b) const noexcept {
    // Fast exit on raw bytes: after ASCII white space, the character before must be a
    // colon, a closing bracket, an ideographic space or the last character of a label.
    {
      std::size_t t = b;
      while (t > 0 && b - t < 16 &&
             (byte(t - 1) == ' ' || byte(t - 1) == '\t' || byte(t - 1) == '\n' || byte(t - 1) == '\r'))
        --t;
      if (t < 9) return false;
      const unsigned l = byte(t - 1);
      if (l < 0x80) {
        if (l != ':' && l != ']') return false;
      } else {
        const unsigned l0 = byte(t - 3), l1 = byte(t - 2);
        const bool label_end = l0 >= 0xE4 && l0 <= 0xE9;  // an ideograph: maybe a label
        const bool colon = l0 == 0xEF && l1 == 0xBC && l == 0x9A;                 // U+FF1A
        const bool bracket_or_space = l0 == 0xE3 && l1 == 0x80 && (l == 0x91 || l == 0x80);  // U+3011, U+3000
        if (!label_end && !colon && !bracket_or_space) return false;
      }
    }
    std::size_t q = b;
    int breaks = 0;
    for (int k = 0; k < 16 && q > 0; ++k) {
      const cp_info c = before(q);
      if (!c.valid) break;
      if (is_newline(c.cp)) {
        if (++breaks > 3) break;
      } else if (!(is_space(c.cp) || c.cp == ch_fw_colon || c.cp == U':' ||
                   c.cp == U'\u3011' || c.cp == U']' || is_bullet(c.cp))) {
        break;
      }
      q = c.pos;
    }
    // Every label ends in an ideograph (lead byte E4..E9): the common case exits here.
    if (q == b || q < 6 || byte(q - 3) < 0xE4 || byte(q - 3) > 0xE9) return false;
    if (teaser_family_label(q)) return true;
    if (q < 9 || ((teaser_tail_bits >> (byte(q - 1) & 0x3Fu)) & 1u) == 0) return false;
    for (const std::string_view label : teaser_labels) {
      const std::size_t len = label.size();
      if (q < len || s_[q - 1] != label[len - 1] || s_[q - 2] != label[len - 2] ||
          std::string_view(s_ + q - len, len) != label)
        continue;
      // The label stands alone (a longer label may end with a shorter one: go on).
      const std::size_t ls = q - len;
      if (ls == 0) return true;
      const cp_info p = before(ls);
      if (!p.valid || is_newline(p.cp) || is_space(p.cp) || is_sentence_end(p.cp) ||
          is_bullet(p.cp) || is_open_punct(p.cp) || is_close_punct(p.cp))
        return true;
    }
    return false;
  }

  /** A label stands alone when it starts the text or follows a line break, a space, a
   *  sentence end, a bullet or a bracket (not a word or a marker: "san, xiang guan gong zuo"). */
  bool label_stands_alone(std::size_t ls) const noexcept {
    if (ls == 0) return true;
    const cp_info p = before(ls);
    return !p.valid || is_newline(p.cp) || is_space(p.cp) || is_sentence_end(p.cp) ||
           is_bullet(p.cp) || is_open_punct(p.cp) || is_close_punct(p.cp);
  }

  /**
   * A label of the teaser family ending at `q`: one of teaser_label_heads and up to four more
   * ideographs ("xiang guan gong bao", "wang qi hui gu", "zui xin fa bu"), standing alone.
   * At most six ideographs are read back from `q`.
   */
  bool teaser_family_label(std::size_t q) const noexcept {
    std::size_t ls = q;
    for (int k = 1; k <= 6; ++k) {
      if (ls < 3 || byte(ls - 3) < 0xE4 || byte(ls - 3) > 0xE9 ||
          (byte(ls - 2) & 0xC0u) != 0x80u || (byte(ls - 1) & 0xC0u) != 0x80u)
        return false;
      ls -= 3;
      // One test on the last byte of the first ideograph passes over most positions.
      if (k < 2 || ((teaser_head_bits >> (byte(ls + 2) & 0x3Fu)) & 1u) == 0) continue;
      for (const std::string_view head : teaser_label_heads) {
        if (std::memcmp(s_ + ls, head.data(), head.size()) == 0 && label_stands_alone(ls))
          return true;
      }
    }
    return false;
  }

  /** The next item of a teaser list: a title's worth of text after the previous item. */
  bool follows_teaser_item(std::size_t b) const noexcept {
    if (teaser_end_ == 0 || b < teaser_end_ || b - teaser_end_ > 240) return false;
    int breaks = 0;
    for (std::size_t r = teaser_end_; r < b;) {
      const cp_info c = at(r);
      if (c.valid && is_newline(c.cp) && ++breaks > 2) return false;
      if (c.valid && (c.cp == U'\u3002' || c.cp == U'\uFF1B')) return false;
      r = c.end;
    }
    return true;
  }

  // Rejections never move last_end_: the prefiltered paths do not even see most rejected
  // candidates, and every path must report the same markers.
  void reject(std::size_t b, std::size_t e, std::uint32_t ord, marker_style st,
              reject_reason r) noexcept {
    if (want_rejects_) sink_.reject(byte_span{b, e}, ord, st, r);
  }

  /**
   * What follows a marker: an item starts there unless the next character is punctuation
   * that continues a clause (reason followed_by_punct) or another marker follows at once
   * (reason no_text: "yi, yi, yi," or "(1)(2)(3)" open no items). Returns true if no item.
   */
  bool no_item(std::size_t pos, reject_reason& why) const noexcept {
    const std::size_t q = skip_spaces(pos);
    const cp_info c = at(q);
    if (!c.valid) return false;
    if (is_clause_punct(c.cp)) {
      why = reject_reason::followed_by_punct;
      return true;
    }
    if (starts_marker_shape(c)) {
      why = reject_reason::no_text;
      return true;
    }
    return false;
  }

  /** True when a marker shape (numeral + its delimiter or brackets) starts with `c`. */
  bool starts_marker_shape(const cp_info& c) const noexcept {
    const char32_t cp = c.cp;
    if (cp < 0x80) {
      if (cp >= '1' && cp <= '9') {
        const num m = parse_digits(c.pos);
        if (!m.ok) return false;
        const cp_info d = at(m.end);
        if (d.cp == '.' || d.cp == ch_fw_dot) {
          const cp_info nx = at(d.end);
          return !(nx.valid && digit_value(nx.cp) >= 0);
        }
        return d.cp == ch_dun || d.cp == ')' || d.cp == ch_fw_rparen;
      }
      if (cp == '(') return bracketed_numeral(c.end);
      if (cp == '[') return bracketed_numeral(c.end, U']');
      return false;
    }
    if (cp == ch_fw_lparen) return bracketed_numeral(c.end);
    if (bracket_open_row(cp) >= 0) return bracketed_numeral(c.end, bracket_styles[bracket_open_row(cp)].close);
    if (enclosed_numeral(cp).kind != enclosed::none) return true;
    if (digit_value(cp) >= 1) {
      const num m = parse_digits(c.pos);
      if (!m.ok) return false;
      const cp_info d = at(m.end);
      return d.cp == '.' || d.cp == ch_fw_dot || d.cp == ch_dun || d.cp == ')' ||
             d.cp == ch_fw_rparen;
    }
    if (is_han_start(cp)) {
      const num m = parse_han(c.pos);
      if (!m.ok) return false;
      const cp_info d = at(m.end);
      return d.cp == ch_dun || d.cp == ch_shi || d.cp == ch_fw_dot || d.cp == ')' ||
             d.cp == ch_fw_rparen || (d.cp == '.' && !(digit_value(at(d.end).cp) >= 0));
    }
    if (tiangan_value(cp) != 0) {
      const cp_info d = at(c.end);
      return d.cp == ch_dun || d.cp == '.' || d.cp == ch_fw_dot;
    }
    if (cp == ch_di) {
      const cp_info n = at(c.end);
      num m{c.end, 0, false};
      if (is_han_start(n.cp)) m = parse_han(c.end);
      else if (digit_value(n.cp) >= 1) m = parse_digits(c.end);
      if (!m.ok) return false;
      const cp_info d = at(m.end);
      return di_suffix_of(d.cp) != di_suffix::none || d.cp == ch_fw_comma || d.cp == ch_dun;
    }
    return false;
  }

  /** After an opening bracket: a numeral and the closing bracket (`close`; 0: a parenthesis). */
  bool bracketed_numeral(std::size_t pos, char32_t close = 0) const noexcept {
    const std::size_t q = skip_spaces(pos, 8);
    const cp_info c = at(q);
    if (!c.valid) return false;
    num m{q, 0, false};
    if (is_han_start(c.cp)) m = parse_han(q);
    else if (digit_value(c.cp) >= 1) m = parse_digits(q);
    else if (latin_letter(c.cp) != 0 || tiangan_value(c.cp) != 0) m = {c.end, 1, true};
    if (!m.ok) return false;
    if (close != 0) {
      const cp_info e = at(skip_spaces(m.end, 8));
      return e.valid && e.cp == close;
    }
    return closes_paren(m.end);
  }

  // ----- converter chunk numbers --------------------------------------------------------

  enum class cut_kind { none, maybe, cut, split };

  /**
   * True when the text ending at byte `end` ends with a word that introduces a list
   * (qi zhong: among them, bao kuo: including, ru xia: as follows, fen bie shi/wei:
   * respectively, ju ti shi/wei: namely, zhu yao you/shi: mainly, you yi xia ji dian: the
   * following points; simplified and traditional). A line ending so is a finished lead-in,
   * not a paragraph cut by a page boundary. Looks back at most 15 bytes; no throw, no alloc.
   */
  bool ends_with_introducer(std::size_t end) const noexcept {
    static constexpr const char* words[] = {
        "\u5176\u4E2D",              // qi zhong (among them)
        "\u5305\u62EC",              // bao kuo (including)
        "\u5982\u4E0B",              // ru xia (as follows)
        "\u5206\u522B\u662F",       // fen bie shi (respectively are)
        "\u5206\u522B\u4E3A",       // fen bie wei
        "\u5206\u5225\u662F",       // fen bie shi, traditional
        "\u5206\u5225\u70BA",       // fen bie wei, traditional
        "\u5177\u4F53\u662F",       // ju ti shi (namely)
        "\u5177\u4F53\u4E3A",       // ju ti wei
        "\u5177\u9AD4\u662F",       // ju ti shi, traditional
        "\u5177\u9AD4\u70BA",       // ju ti wei, traditional
        "\u4E3B\u8981\u6709",       // zhu yao you (mainly there are)
        "\u4E3B\u8981\u662F",       // zhu yao shi (mainly)
        "\u6709\u4EE5\u4E0B\u51E0\u70B9",  // you yi xia ji dian (the following points)
        "\u6709\u4EE5\u4E0B\u5E7E\u9EDE",  // same, traditional
    };
    for (const char* w : words) {
      const std::size_t len = std::strlen(w);
      if (len <= end && std::memcmp(s_ + end - len, w, len) == 0) return true;
    }
    return false;
  }

  /**
   * For a candidate at a line start: does the previous paragraph stop mid-sentence? A
   * paragraph that ends without closing punctuation was either a heading (short, no
   * sentence end inside: "maybe") or running text cut by a page/chunk boundary ("cut":
   * it ends in a comma, has a sentence end inside, or is 40+ characters of text that does
   * not start like a heading). A number standing at the start of the paragraph after a cut
   * is the converter's, not the author's. A paragraph ending in a lone Han numeral after a
   * boundary ("...zhi liang. er") had its marker split by the chunk number. A broken
   * character at the end means the line was truncated by a length limit, which says nothing
   * about the next line.
   */
  cut_kind previous_paragraph(std::size_t line_start) const noexcept {
    std::size_t q = line_start;
    cp_info c{no_cp, 0, 0, false};
    for (int furniture = 0;; ++furniture) {
      int budget = 256;
      bool newline_seen = false;
      for (;;) {
        if (q == 0 || budget-- <= 0) return cut_kind::none;
        c = before(q);
        if (!c.valid) return cut_kind::none;
        if (is_newline(c.cp)) newline_seen = true;
        else if (!is_space(c.cp)) break;
        q = c.pos;
      }
      if (!newline_seen) return cut_kind::none;
      // A page footer or running header between two paragraphs is not the paragraph the
      // number follows: look at the one before it.
      if (furniture == 3) break;
      const std::size_t ls = furniture_line_start(c.end);
      if (ls == npos) break;
      q = ls;
    }
    if (c.cp == ch_replacement || ends_text_line(c.cp)) return cut_kind::none;
    // "...qi zhong" (among them) ends the lead-in to a list as a colon does.
    if (ends_with_introducer(c.end)) return cut_kind::none;
    if (is_han_start(c.cp)) {
      const cp_info b = before(c.pos);
      if (c.pos == 0 || (b.valid && (is_sentence_end(b.cp) || is_clause_end(b.cp) ||
                                     is_comma(b.cp) || is_space(b.cp) || is_newline(b.cp))))
        return cut_kind::split;
    }
    if (is_comma(c.cp)) return cut_kind::cut;
    // Walk back to the start of that paragraph (at most 200 characters).
    std::size_t r = c.pos;
    int chars = 1;
    bool sentence_inside = false;
    for (;;) {
      if (r == 0) break;
      const cp_info b = before(r);
      if (b.valid && is_newline(b.cp)) break;
      if (b.valid && (b.cp == U'\u3002' || b.cp == U'\uFF01' || b.cp == U'\uFF1F' ||
                      b.cp == U'\uFF1B'))
        sentence_inside = true;
      r = b.pos;
      if (++chars > 200) return cut_kind::cut;
    }
    if (sentence_inside) return cut_kind::cut;
    if (chars < 40) {
      // A short line opened by a marker is a numbered heading, finished as it is.
      const cp_info f = at(skip_spaces(r));
      if (f.valid && starts_marker_shape(f)) return cut_kind::none;
      return cut_kind::maybe;
    }
    // A long line without a sentence end: a long heading if it starts like one.
    const cp_info f = at(skip_spaces(r));
    if (f.valid && (is_han_start(f.cp) || digit_value(f.cp) >= 1 || f.cp == '(' ||
                    f.cp == ch_fw_lparen || f.cp == ch_di ||
                    enclosed_numeral(f.cp).kind != enclosed::none))
      return cut_kind::maybe;
    return cut_kind::cut;
  }

  /**
   * The document's title for the running-header test: its first line with text, trimmed,
   * if it is 4..120 bytes long (else none).
   */
  void find_title() noexcept {
    std::size_t q = 0;
    const std::size_t lim = n_ < 512 ? n_ : 512;
    while (q < lim) {
      const cp_info c = at(q);
      if (!c.valid || !(is_space(c.cp) || is_newline(c.cp))) break;
      q = c.end;
    }
    std::size_t e = q, last = q;
    while (e < lim) {
      const cp_info c = at(e);
      if (c.valid && is_newline(c.cp)) break;
      e = c.end;
      if (!(c.valid && is_space(c.cp))) last = e;
    }
    if (e < lim && last - q >= 4 && last - q <= 120) {
      title_b_ = q;
      title_p_ = s_ + q;
      title_n_ = last - q;
    }
  }

  /**
   * Page furniture: the line ending at `end` (its last non-space character ends there) is
   * a page number line ("di 2 ye gong 5 ye", "- 3 -", "3/5", "Page 3 of 5") or repeats
   * the document's title as a running header. Returns the start of that line, or npos.
   */
  std::size_t furniture_line_start(std::size_t end) const noexcept {
    // A running header: the title again, alone on its line.
    const std::size_t tlen = title_n_;
    if (tlen > 0 && end >= tlen && end - tlen != title_b_ && s_[end - 1] == title_p_[tlen - 1] &&
        std::memcmp(s_ + end - tlen, title_p_, tlen) == 0) {
      std::size_t q = end - tlen;
      for (int k = 0; k < 16; ++k) {
        if (q == 0) return 0;
        const cp_info c = before(q);
        if (!c.valid) break;
        if (is_newline(c.cp)) return q;
        if (!is_space(c.cp)) break;
        q = c.pos;
      }
    }
    // A page number line: digits and the words and signs around page numbers only.
    std::size_t q = end;
    bool digit = false;
    for (int chars = 0; q > 0; ++chars) {
      const cp_info b = before(q);
      if (!b.valid || chars == 40) return npos;
      if (is_newline(b.cp)) break;
      q = b.pos;
      const char32_t c = b.cp;
      if (digit_value(c) >= 0) {
        digit = true;
        continue;
      }
      if (is_space(c)) continue;
      switch (c) {
        case U'\u7B2C':  // di, ordinal prefix
        case U'\u9875':  // ye, page
        case U'\u9801':  // ye, traditional
        case U'\u5171':  // gong, in total
        case U'\u7801':  // ma (ye ma: page number)
        case U'\u78BC':  // ma, traditional
        case U'/': case U'-': case U'_': case U'|': case U'~': case U':': case U',':
        case U'P': case U'p': case U'a': case U'g': case U'e': case U'o': case U'f':
        case U'\u2013': case U'\u2014': case U'\u2015':  // dashes
        case U'\u00B7':  // middle dot
        case U'\uFF0D': case U'\uFF0F': case U'\uFF5E': case U'\uFF1A': case U'\uFF0C':
          continue;
        default:
          return npos;
      }
    }
    return digit ? q : npos;
  }

  // ----- triggers -----------------------------------------------------------------------

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

  /**
   * The character after a numeral; white space before an enumeration comma or full-width
   * stop is skipped ("yi , jia qiang": spaces inside the marker, flagged `spaced`). After
   * Arabic digits (`narrow`) only a space, a tab or an ideographic space may open the gap:
   * the SIMD prefilter lets only those through, and every path must agree.
   */
  cp_info spaced_delimiter(std::size_t end, std::uint16_t& flags, bool narrow = false) const noexcept {
    const cp_info d = at(end);
    if (d.valid && is_space(d.cp) &&
        (!narrow || d.cp == U' ' || d.cp == U'\t' || d.cp == ch_ideo_space)) {
      const cp_info d2 = at(skip_spaces(end, 4));
      if (d2.valid && (d2.cp == ch_dun || d2.cp == ch_fw_dot || (!narrow && d2.cp == ch_shi))) {
        flags |= marker_flag::spaced;  // "san  shi": a PDF's spread-out yi shi
        return d2;
      }
    }
    return d;
  }

  /** An opening bracket right before `pos`, white space allowed in between. */
  bool prev_is_open_paren(std::size_t pos) const noexcept {
    if (pos == 0) return false;
    {  // fast exit: the byte before is neither a bracket, a space, nor a lead/trail byte
      const unsigned b = byte(pos - 1);
      if (b < 0x80 && b != '(' && b != ' ' && b != '\t' && b != 0x0B && b != 0x0C) return false;
    }
    for (int k = 0; k < 8 && pos > 0; ++k) {
      const cp_info b = before(pos);
      if (!b.valid) return false;
      if (b.cp == '(' || b.cp == ch_fw_lparen) return true;
      if (!is_space(b.cp)) return false;
      pos = b.pos;
    }
    return false;
  }

  bool closes_paren(std::size_t pos) const noexcept {
    const cp_info c = at(skip_spaces(pos, 8));
    return c.valid && (c.cp == ')' || c.cp == ch_fw_rparen);
  }

  // 1. 1+dunhao 1) 1.2.3 and their full-width forms
  void on_digit(std::size_t pos) noexcept {
    const cp_info b = before(pos);
    if (b.valid && pos > 0) {
      const char32_t pc = b.cp;
      if (digit_value(pc) >= 0 || latin_letter(pc) != 0 || pc == '.' || pc == ',' ||
          pc == ':' || pc == '/' || pc == '+' || pc == '%' || pc == '_' || pc == ch_fw_dot)
        return;
      if (pc == '-' || pc == '~' || pc == U'\uFF5E') {
        const cp_info bb = before(b.pos);
        if (bb.valid && digit_value(bb.cp) >= 0) return;  // 9-10: a range
      }
    }
    if (prev_is_open_paren(pos)) return;  // the parenthesis handler's
    bool fw = false;
    const num m = parse_digits(pos, &fw);
    if (!m.ok) return;
    std::uint16_t flags = fw ? marker_flag::fullwidth : 0;
    const cp_info d = spaced_delimiter(m.end, flags, true);
    if (!d.valid) return;
    marker_style st;
    if (d.cp == '.' || d.cp == ch_fw_dot) {
      if (d.cp == ch_fw_dot) flags |= marker_flag::fullwidth;
      const cp_info nx = at(d.end);
      if (nx.valid && digit_value(nx.cp) >= 0 && !year_follows(d.end))
        return on_decimal(pos, m, flags);
      st = marker_style::arabic_dot;
    } else if (d.cp == ch_dun) {
      st = marker_style::arabic_dun;
      flags |= marker_flag::nonstandard_delimiter;
    } else if (d.cp == ')' || d.cp == ch_fw_rparen) {
      st = marker_style::arabic_paren;
    } else {
      // Only the spaces the SIMD prefilter lets through after a digit (every path agrees).
      if (d.cp == U' ' || d.cp == U'\t' || d.cp == ch_ideo_space) on_bare_number(pos, m, flags);
      return;
    }
    const std::uint8_t cx = left_context(pos);
    if (cx == ctx_mid) return reject(pos, d.end, m.value, st, reject_reason::mid_word);
    {
      reject_reason why;
      if (no_item(d.end, why)) return reject(pos, d.end, m.value, st, why);
    }
    if (st == marker_style::arabic_dun && enumeration_run(d.end, num_kind::arabic, m.value))
      return reject(pos, d.end, m.value, st, reject_reason::enumeration);
    if (cx == ctx_bol) {
      const cut_kind k = previous_paragraph(pos);
      if (k == cut_kind::split) return reject(pos, d.end, m.value, st, reject_reason::chunk_number);
      if (k == cut_kind::cut) flags |= flag_after_cut;
      if (k == cut_kind::maybe) flags |= flag_after_short;
    }
    emit(pos, d.end, m.value, st, cx, flags);
  }

  /**
   * GB/T 1.1 chapter numbers: a bare number, a space and a short heading alone on its line
   * ("1 zong ze", "2 yuan lin lv hua"). Emitted as a decimal outline of one component; phase
   * 2 keeps it only when the document's decimal outline confirms it (an "N.x" child or a
   * bare sibling N-1 / N+1). Not a heading: a number with a measure word or unit after it
   * ("2 ren", "15 jia qi ye"), a digit after the space (a table row "12 345"), a line with
   * punctuation (a sentence, a wrapped line), a second field after a space, more than 30
   * characters, or a line after a paragraph cut mid-sentence. Away from a line start (a
   * flattened page) the heading must be followed on the same line by its "N.x" child.
   */
  void on_bare_number(std::size_t pos, num m, std::uint16_t flags) noexcept {
    if (m.value > 99) return;
    std::uint8_t cx = left_context(pos);
    if (cx != ctx_bol && cx != ctx_space && cx != ctx_sent) return;
    // A Markdown heading ("## 1 sheng chan zhe") starts a line as well; its text may
    // start with a Latin word ("#### 2 Keys de shi yong").
    const unsigned md = markdown_hashes(pos);
    if (md > 0) cx = ctx_bol;
    std::size_t q = skip_spaces(m.end, 8);
    const cp_info f = at(q);
    if (!f.valid || !(is_ideograph(f.cp) || (md > 0 && latin_letter(f.cp) != 0)) ||
        is_quantity_follower(f.cp) || han_digit(f.cp) >= 0)
      return;
    bool line_end = false, child = false;
    for (int chars = 0;; ++chars) {
      const cp_info c = at(q);
      if (c.cp == no_cp || (c.valid && is_newline(c.cp))) {
        line_end = true;
        break;
      }
      if (!c.valid || chars > 30) return;
      if (is_space(c.cp)) {
        const std::size_t r = skip_spaces(q, 16);
        const cp_info n = at(r);
        if (n.cp == no_cp || (n.valid && is_newline(n.cp))) {
          line_end = true;
        } else {
          const num k = parse_digits(r);
          const cp_info dot = at(k.end);
          child = k.ok && k.value == m.value && (dot.cp == '.' || dot.cp == ch_fw_dot) &&
                  digit_value(at(dot.end).cp) >= 1;
        }
        break;
      }
      if (is_clause_punct(c.cp) || is_sentence_end(c.cp) || is_comma(c.cp)) return;
      q = c.end;
    }
    if (!child && !(line_end && cx == ctx_bol)) return;
    if (cx == ctx_bol && md == 0 && previous_paragraph(pos) == cut_kind::cut) return;
    emit(pos, m.end, m.value, marker_style::decimal_outline, cx, flags,
         static_cast<std::uint8_t>(1u | md << 3), 0);
  }

  /**
   * Markdown ATX heading marks before `pos`: the number of '#' (1..6) when the line is
   * "#... " followed by the marker at `pos` (spaces between), else 0. Passed to phase 2
   * with a decimal outline's depth (bits 3..5): the heading depth is evidence for the level.
   */
  unsigned markdown_hashes(std::size_t pos) const noexcept {
    std::size_t q = pos;
    while (q > 0 && pos - q < 8 && (byte(q - 1) == ' ' || byte(q - 1) == '\t')) --q;
    if (q == pos) return 0;
    unsigned h = 0;
    while (q > 0 && byte(q - 1) == '#' && h < 7) {
      --q;
      ++h;
    }
    if (h == 0 || h > 6) return 0;
    return q == 0 || byte(q - 1) == '\n' || byte(q - 1) == '\r' ? h : 0;
  }

  /**
   * A calendar year and nian at `pos` ("2023 nian"): after "1." that is the item's text
   * ("1.2023 nian quan xian ...": item 1 opens with a year), since nobody writes a decimal
   * 1.2023 before nian.
   */
  bool year_follows(std::size_t pos) const noexcept {
    if (pos + 7 > n_) return false;
    const unsigned y0 = byte(pos), y1 = byte(pos + 1);
    if (!((y0 == '1' && y1 == '9') || (y0 == '2' && y1 == '0'))) return false;
    if (byte(pos + 2) - '0' > 9u || byte(pos + 3) - '0' > 9u) return false;
    return byte(pos + 4) == 0xE5 && byte(pos + 5) == 0xB9 && byte(pos + 6) == 0xB4;  // U+5E74 nian
  }

  // 1.1 / 1.2.3 headings, else a decimal number
  void on_decimal(std::size_t pos, num first, std::uint16_t flags) noexcept {
    std::uint32_t comps = 1, last = first.value, prefix = 0;
    bool small = first.end - pos <= 2 || (flags & marker_flag::fullwidth);
    std::size_t q = first.end;
    for (;;) {
      const cp_info d = at(q);
      if (!d.valid || (d.cp != '.' && d.cp != ch_fw_dot)) break;
      const cp_info nx = at(d.end);
      if (!nx.valid || digit_value(nx.cp) < 0) break;
      const cp_info zero = nx;
      if (digit_value(zero.cp) == 0) {
        small = false;
      }
      std::size_t r = d.end;
      std::uint32_t v = 0;
      int count = 0;
      for (;;) {
        const cp_info e = at(r);
        if (!e.valid || digit_value(e.cp) < 0) break;
        v = v * 10 + std::uint32_t(digit_value(e.cp));
        r = e.end;
        if (++count > 3) break;
      }
      if (count > 2 || v == 0) small = false;
      prefix = ((prefix << 10) | (last & 0x3FFu)) & 0x3FFFFFFFu;
      last = v;
      q = r;
      if (++comps > 6) {
        small = false;
        break;
      }
    }
    const std::uint8_t cx = left_context(pos);
    bool outline = small && comps >= 2 && comps <= 6 && (cx == ctx_bol || cx == ctx_space);
    if (outline) {
      const cp_info f = at(q);
      if (!f.valid || f.cp == no_cp) {
        outline = true;
      } else if (is_space(f.cp) || is_newline(f.cp)) {
        outline = true;
      } else if (is_ideograph(f.cp)) {
        outline = !is_quantity_follower(f.cp);
      } else {
        outline = f.cp == U'\u201C';  // an opening quote starts a heading
      }
    }
    if (outline) return emit(pos, q, last, marker_style::decimal_outline, cx, flags,
                             static_cast<std::uint8_t>(comps | markdown_hashes(pos) << 3), prefix);
    const cp_info dot = at(first.end);
    reject(pos, dot.end, first.value, marker_style::arabic_dot, reject_reason::decimal_number);
  }

  // (yi) (1) (a) (i) (jia) with ASCII or full-width parentheses, spaces allowed inside
  void on_paren(std::size_t pos, std::size_t after) noexcept {
    if (after >= n_) return;
    {
      // What can follow the bracket: a space, a digit 1-9, a letter, or a non-ASCII
      // numeral; any other ASCII byte (another bracket, punctuation) ends it here, and so
      // does a second full-width bracket. (The SIMD prefilter applies the same test.)
      const unsigned nb = byte(after);
      if (nb < 0x80 && nb != ' ' && nb != '\t' && !(nb >= '1' && nb <= '9') &&
          !((nb | 0x20u) >= 'a' && (nb | 0x20u) <= 'z'))
        return;
      if (nb == 0xEF && after + 2 < n_ && byte(after + 1) == 0xBC && byte(after + 2) == 0x88)
        return;
    }
    std::uint16_t flags = 0;
    const bool open_fw = at(pos).cp == ch_fw_lparen;
    std::size_t q = skip_spaces(after, 8);
    if (q != after) flags |= marker_flag::spaced;
    const cp_info c = at(q);
    if (!c.valid) return;
    marker_style st;
    num m{q, 0, false};
    if (is_han_start(c.cp)) {
      m = parse_han(q);
      if (!m.ok || m.value > 99) return;
      st = marker_style::paren_han;
    } else if (digit_value(c.cp) >= 1) {
      bool fw = false;
      m = parse_digits(q, &fw);
      if (!m.ok) return;
      if (fw) flags |= marker_flag::fullwidth;
      st = marker_style::paren_arabic;
    } else if (tiangan_value(c.cp) != 0) {
      m = {c.end, std::uint32_t(tiangan_value(c.cp)), true};
      st = marker_style::paren_tiangan;
    } else if (latin_letter(c.cp) != 0) {
      // One letter, or a Roman numeral of ASCII letters.
      std::size_t r = q;
      char letters[8];
      std::size_t len = 0;
      for (;;) {
        const cp_info e = at(r);
        const char l = e.valid ? latin_letter(e.cp) : 0;
        if (l == 0) break;
        if (len == 7) return;
        letters[len++] = l;
        r = e.end;
      }
      if (c.cp >= 0x80) flags |= marker_flag::fullwidth;
      const bool lower = letters[0] >= 'a';
      if (lower) flags |= marker_flag::lowercase;
      if (len == 1) {
        const char l = static_cast<char>(letters[0] | 0x20);
        if (l == 'i') {
          st = marker_style::paren_roman;
          m = {r, 1, true};
          flags |= flag_letter_roman;
        } else {
          st = marker_style::latin_paren;
          m = {r, std::uint32_t(l - 'a' + 1), true};
          if (l == 'v' || l == 'x') flags |= flag_letter_roman;
        }
      } else {
        for (std::size_t i = 1; i < len; ++i)
          if ((letters[i] >= 'a') != lower) return;
        const std::uint32_t v = roman_value(letters, len);
        if (v == 0) return;
        st = marker_style::paren_roman;
        m = {r, v, true};
      }
    } else {
      const enclosed_value ev = enclosed_numeral(c.cp);
      if (ev.kind != enclosed::roman_upper && ev.kind != enclosed::roman_lower) return;
      st = marker_style::paren_roman;
      if (ev.kind == enclosed::roman_lower) flags |= marker_flag::lowercase;
      m = {c.end, ev.value, true};
    }
    const std::size_t r = skip_spaces(m.end, 8);
    if (r != m.end) flags |= marker_flag::spaced;
    const cp_info close = at(r);
    if (!close.valid || (close.cp != ')' && close.cp != ch_fw_rparen)) return;
    if ((close.cp == ch_fw_rparen) != open_fw) flags |= marker_flag::mixed_brackets;
    if (glued_ && (m.value != 1 || st == glued_host_ ||
                   (st != marker_style::paren_han && st != marker_style::paren_arabic)))
      return;
    const std::uint8_t cx = left_context(pos);
    if (cx == ctx_mid && !glued_) return reject(pos, close.end, m.value, st, reject_reason::mid_word);
    if (after_di(pos))  // "di (yi) xiang": item (yi) of a legal text, even across a line wrap
      return reject(pos, close.end, m.value, st, reject_reason::reference);
    const cp_info f = at(skip_spaces(close.end));
    if (f.valid && is_clause_punct(f.cp) && f.cp != ch_dun && !is_clause_end(f.cp))
      return reject(pos, close.end, m.value, st, reject_reason::reference);
    if (f.valid && starts_marker_shape(f))
      return reject(pos, close.end, m.value, st, reject_reason::no_text);
    if (f.valid && f.cp == U'\u73ED' && class_name_follows(f.end))  // ban, class: "(1) ban"
      return reject(pos, close.end, m.value, st, reject_reason::mid_word);
    if (cx == ctx_bol && st == marker_style::paren_arabic) {
      cut_kind k = previous_paragraph(pos);
      // A bracketed number after a line that stops after a word (not a comma) may open a
      // list whose lead-in lost its colon: treated like an item after a short line, it
      // stands only when its next sibling follows (a chunk number has none).
      if (k == cut_kind::cut && line_ends_in_ideograph(pos)) k = cut_kind::maybe;
      if (k == cut_kind::cut) flags |= flag_after_cut;
      if (k == cut_kind::maybe) flags |= flag_after_short;
    }
    emit(pos, close.end, m.value, st, cx, flags);
  }

  /**
   * [yi] [1] in the bracket pairs of bracket_styles (row `row`), spaces allowed inside,
   * optionally followed by an enumeration comma or a dot (not a decimal point). The row is
   * passed to phase 2 in the candidate's depth byte: each pair is a level key of its own.
   * Not a marker: after a word (a citation "wen xian [1]"), before clause punctuation, before
   * another marker, or a number of more than two digits (a document number [2023]).
   */
  void on_bracket(std::size_t pos, std::size_t after, int row) noexcept {
    if (row < 0 || after >= n_) return;
    const bracket_style& br = bracket_styles[row];
    std::uint16_t flags = 0;
    std::size_t q = skip_spaces(after, 8);
    if (q != after) flags |= marker_flag::spaced;
    const cp_info c = at(q);
    if (!c.valid) return;
    marker_style st;
    num m{q, 0, false};
    if (is_han_start(c.cp)) {
      m = parse_han(q);
      st = marker_style::bracket_han;
    } else if (digit_value(c.cp) >= 1) {
      bool fw = false;
      m = parse_digits(q, &fw);
      if (fw) flags |= marker_flag::fullwidth;
      st = marker_style::bracket_arabic;
    } else {
      return;
    }
    if (!m.ok || m.value > 99) return;
    const std::size_t r = skip_spaces(m.end, 8);
    if (r != m.end) flags |= marker_flag::spaced;
    const cp_info close = at(r);
    if (!close.valid || close.cp != br.close) return;
    std::size_t e = close.end;
    {
      const cp_info d = at(e);
      if (d.valid && (d.cp == ch_dun || d.cp == ch_fw_dot || d.cp == '.')) {
        const cp_info nx = at(d.end);
        if (!(nx.valid && digit_value(nx.cp) >= 0)) {
          e = d.end;
          flags |= marker_flag::nonstandard_delimiter;
        }
      }
    }
    const std::uint8_t cx = left_context(pos);
    if (cx == ctx_mid) return reject(pos, e, m.value, st, reject_reason::mid_word);
    const cp_info f = at(skip_spaces(e));
    if (f.valid && is_clause_punct(f.cp))
      return reject(pos, e, m.value, st, reject_reason::reference);
    if (f.valid && starts_marker_shape(f)) return reject(pos, e, m.value, st, reject_reason::no_text);
    emit(pos, e, m.value, st, cx, flags, static_cast<std::uint8_t>(row));
  }

  /**
   * True when the line before the line starting at `line_start` ends (white space aside,
   * at most 16 bytes skipped) in an ideograph. No throw, no alloc.
   */
  bool line_ends_in_ideograph(std::size_t line_start) const noexcept {
    std::size_t q = line_start;
    for (int k = 0; k < 16 && q > 0; ++k) {
      const cp_info b = before(q);
      if (!b.valid) return false;
      if (!is_space(b.cp) && !is_newline(b.cp)) return is_ideograph(b.cp);
      q = b.pos;
    }
    return false;
  }

  /** di (ordinal prefix) right before `pos`, white space and one line break allowed between. */
  bool after_di(std::size_t pos) const noexcept {
    int breaks = 0;
    for (int k = 0; k < 8 && pos > 0; ++k) {
      const cp_info b = before(pos);
      if (!b.valid) return false;
      if (b.cp == ch_di) return true;
      if (is_newline(b.cp)) {
        if (++breaks > 2) return false;  // CR LF counts twice
      } else if (!is_space(b.cp)) {
        return false;
      }
      pos = b.pos;
    }
    return false;
  }

  /**
   * After "(1) ban" (ban: class): true when ban names class 1, i.e. does not begin a word
   * of its own (ban zi: leadership team, ban ji: classes, ban zhu ren: head teacher, ban
   * zhang: monitor, ban zu: team, ban hui: class meeting, ban feng: class spirit, ban che:
   * shuttle bus), as in "(1) ban he (2) ban" (classes 1 and 2).
   */
  bool class_name_follows(std::size_t pos) const noexcept {
    const cp_info c = at(pos);
    if (!c.valid) return true;
    switch (c.cp) {
      case U'\u5B50':                   // zi (ban zi)
      case U'\u7EA7': case U'\u7D1A':  // ji (ban ji), traditional
      case U'\u4E3B':                   // zhu (ban zhu ren)
      case U'\u957F': case U'\u9577':  // zhang (ban zhang), traditional
      case U'\u7EC4': case U'\u7D44':  // zu (ban zu), traditional
      case U'\u4F1A': case U'\u6703':  // hui (ban hui), traditional
      case U'\u98CE': case U'\u98A8':  // feng (ban feng), traditional
      case U'\u8F66': case U'\u8ECA':  // che (ban che), traditional
      case U'\u6B21':                   // ci (ban ci: scheduled runs)
        return false;
      default:
        return true;
    }
  }

  // yi-dun, yi shi, yi), a numeral that lost its delimiter, a marker split by a chunk number
  void on_han(std::size_t pos) noexcept {
    const cp_info b = before(pos);
    if (b.valid && pos > 0 &&
        (han_digit(b.cp) >= 0 || b.cp == ch_di || b.cp == ch_qi || b.cp == U'\u4E24' ||
         b.cp == U'\u5169'))
      return;
    if (prev_is_open_paren(pos)) {
      const num m0 = parse_han(pos);
      if (m0.ok && closes_paren(m0.end)) return;  // the parenthesis handler's
    }
    const std::uint8_t cx = left_context(pos);
    if (cx == ctx_mid && !want_rejects_) return;  // the common case: a numeral inside text
    const num m = parse_han(pos);
    if (!m.ok || m.value > 99) return;
    std::uint16_t flags = 0;
    const cp_info d = spaced_delimiter(m.end, flags);
    if (!d.valid && d.cp != no_cp) return;
    if (d.cp == ch_dun || d.cp == '.' || d.cp == ch_fw_dot) {
      if (d.cp != ch_dun) flags |= marker_flag::nonstandard_delimiter;
      if (cx == ctx_mid)
        return reject(pos, d.end, m.value, marker_style::han_dun, reject_reason::mid_word);
      reject_reason why;
      if (no_item(d.end, why)) return reject(pos, d.end, m.value, marker_style::han_dun, why);
      if (d.cp == ch_dun && enumeration_run(d.end, num_kind::han, m.value))
        return reject(pos, d.end, m.value, marker_style::han_dun, reject_reason::enumeration);
      if (d.cp == '.') {
        const cp_info nx = at(d.end);
        if (nx.valid && digit_value(nx.cp) >= 0) return;
      }
      return emit(pos, d.end, m.value, marker_style::han_dun, cx, flags, financial(pos, m.end));
    }
    if (d.cp == ch_lai && m.value <= 5) {  // yi lai, er lai: "for one thing, for another"
      if (cx == ctx_mid)
        return reject(pos, d.end, m.value, marker_style::enum_shi, reject_reason::mid_word);
      const cp_info nx = at(d.end);
      if (nx.valid && (han_digit(nx.cp) >= 0 || is_quantity_follower(nx.cp)))  // yi lai er qu
        return reject(pos, d.end, m.value, marker_style::enum_shi, reject_reason::idiom);
      return emit(pos, d.end, m.value, marker_style::enum_shi, cx, flags);
    }
    if (d.cp == ch_shi) {
      if (cx == ctx_mid)
        return reject(pos, d.end, m.value, marker_style::enum_shi, reject_reason::mid_word);
      const num again = parse_han(d.end);
      if (again.ok && again.value == m.value)  // yi shi yi, er shi er
        return reject(pos, d.end, m.value, marker_style::enum_shi, reject_reason::idiom);
      if (starts_marker_shape(at(skip_spaces(d.end))))
        return reject(pos, d.end, m.value, marker_style::enum_shi, reject_reason::no_text);
      return emit(pos, d.end, m.value, marker_style::enum_shi, cx, flags);
    }
    if (d.cp == ')' || d.cp == ch_fw_rparen) {
      if (cx == ctx_mid)
        return reject(pos, d.end, m.value, marker_style::han_paren, reject_reason::mid_word);
      reject_reason why;
      if (no_item(d.end, why)) return reject(pos, d.end, m.value, marker_style::han_paren, why);
      return emit(pos, d.end, m.value, marker_style::han_paren, cx, flags);
    }
    if (cx == ctx_mid || cx == ctx_comma || cx == ctx_open || cx == ctx_close) return;
    // A numeral alone at the end of a paragraph whose delimiter follows a chunk number on
    // the next line: "...er \n\n 5, shi tui jin" (er shi split by the number 5).
    {
      std::size_t q = skip_spaces(m.end);
      const cp_info nl = at(q);
      if (nl.valid && is_newline(nl.cp)) {
        int budget = 64;
        while (q < n_ && budget-- > 0) {
          const cp_info w = at(q);
          if (!w.valid || !(is_space(w.cp) || is_newline(w.cp))) break;
          q = w.end;
        }
        const num chunk = parse_digits(q);
        if (chunk.ok) {
          const cp_info dl = at(chunk.end);
          if (dl.valid && (dl.cp == ch_dun || dl.cp == '.' || dl.cp == ch_fw_dot)) {
            const cp_info nx = at(skip_spaces(dl.end));
            if (nx.valid && nx.cp == ch_shi)
              return emit(pos, m.end, m.value, marker_style::enum_shi, cx,
                          marker_flag::split_by_chunk);
            if (nx.valid && nx.cp == ch_dun)
              return emit(pos, m.end, m.value, marker_style::han_dun, cx,
                          marker_flag::split_by_chunk);
          }
        }
        return;
      }
    }
    // Lost delimiter: "er jia qiang ..." at a line start, after white space or a sentence.
    if (m.value < 2) return;
    std::size_t q = m.end;
    const std::size_t q2 = skip_spaces(q, 8);
    if (q2 != q) flags |= marker_flag::spaced;
    const cp_info f = at(q2);
    if (!f.valid) return;
    const bool texty = (is_ideograph(f.cp) && !is_quantity_follower(f.cp) &&
                        han_digit(f.cp) < 0 && f.cp != ch_shi && f.cp != U'\u4E24' &&
                        f.cp != U'\u5169') ||
                       f.cp == U'\u201C' || f.cp == U'\u300A';
    if (!texty) return;
    emit(pos, m.end, m.value, marker_style::han_bare, cx, flags | marker_flag::delimiter_missing,
         financial(pos, m.end));
  }

  /**
   * 1 when the Han numeral in [b, e) is written in financial forms (yi for 1 written as the
   * daxie character ...): Word's legal numbering, a level of its own above plain yi-dun
   * (passed to phase 2 in the candidate's depth byte); else 0.
   */
  std::uint8_t financial(std::size_t b, std::size_t e) const noexcept {
    while (b < e) {
      const cp_info c = at(b);
      if (c.valid && is_financial_digit(c.cp)) return 1;
      b = c.end;
    }
    return 0;
  }

  // jia-dun, (jia) is the parenthesis handler's
  void on_tiangan(std::size_t pos, std::size_t after, char32_t cp) noexcept {
    if (prev_is_open_paren(pos) && closes_paren(after)) return;
    const cp_info d = at(after);
    if (!d.valid || (d.cp != ch_dun && d.cp != '.' && d.cp != ch_fw_dot)) return;
    const std::uint32_t v = std::uint32_t(tiangan_value(cp));
    const std::uint8_t cx = left_context(pos);
    if (cx == ctx_mid)
      return reject(pos, d.end, v, marker_style::tiangan, reject_reason::mid_word);
    reject_reason why;
    if (no_item(d.end, why)) return reject(pos, d.end, v, marker_style::tiangan, why);
    if (d.cp == ch_dun && enumeration_run(d.end, num_kind::tiangan, v))
      return reject(pos, d.end, v, marker_style::tiangan, reject_reason::enumeration);
    emit(pos, d.end, v, marker_style::tiangan, cx,
         d.cp == ch_dun ? std::uint16_t(0) : marker_flag::nonstandard_delimiter);
  }

  // di X zhang/jie/tiao/kuan/bu fen, di X + comma; otherwise an ordinal adjective
  void on_di(std::size_t pos, std::size_t after) noexcept {
    std::uint16_t flags = 0;
    std::size_t q = skip_spaces(after, 4);
    if (q != after) flags |= marker_flag::spaced;
    const cp_info c = at(q);
    if (!c.valid) return;
    num m{q, 0, false};
    bool han = false;
    if (is_han_start(c.cp)) {
      m = parse_han(q);
      han = true;
    } else if (digit_value(c.cp) >= 1) {
      bool fw = false;
      m = parse_digits(q, &fw);
      if (fw) flags |= marker_flag::fullwidth;
    }
    if (!m.ok) return;
    std::size_t r = skip_spaces(m.end, 4);
    if (r != m.end) flags |= marker_flag::spaced;
    const cp_info s = at(r);
    if (!s.valid) return;
    const std::uint8_t cx = left_context(pos);
    marker_style st;
    std::size_t e;
    di_suffix suf = di_suffix_of(s.cp);
    e = s.end;
    if (suf == di_suffix::none && s.cp == ch_bu) {
      const cp_info f2 = at(s.end);
      if (f2.valid && f2.cp == ch_fen) {
        suf = di_suffix::part;
        e = f2.end;
      }
    }
    if (suf != di_suffix::none) {
      st = suf == di_suffix::chapter   ? marker_style::chapter
           : suf == di_suffix::section ? marker_style::section
           : suf == di_suffix::article ? marker_style::article
           : suf == di_suffix::clause  ? marker_style::clause
                                       : marker_style::part;
      if (cx == ctx_mid) return reject(pos, e, m.value, st, reject_reason::reference);
      const std::size_t fq = skip_spaces(e);
      const cp_info f = at(fq);
      // A heading at a line or sentence start whose text is set off by a space, or begins
      // with a proper name (zhong hua / zhong guo / zhong yang / zhong gong ...), is a
      // heading even when its first character is one a reference continues with ("di er
      // shi yi tiao zhong hua ren min gong he guo gong min ...": an article).
      const bool heading_pos = cx == ctx_bol || cx == ctx_space || cx == ctx_sent;
      if (f.valid && heading_pos && (fq != e || proper_name_at(fq))) {
        switch (f.cp) {
          case U'\u4E2D': case U'\u4E4B': case U'\u81F3': case U'\u548C': case U'\u53CA':
          case U'\u6216': case U'\u5230': case U'\u5185': case U'\u5167': case U'\u4E0A':
            return emit(pos, e, m.value, st, cx, flags);
          default:
            break;
        }
      }
      // gui ding (provides) makes a reference; gui hua (planning) and the like a heading
      const bool gui_word = f.valid && (f.cp == U'\u89C4' || f.cp == U'\u898F') &&
                            at(f.end).cp != U'\u5B9A';
      if (f.valid && !gui_word) {
        switch (f.cp) {
          case U'\u7684':  // de, possessive
          case U'\u89C4':  // gui (gui ding: provides)
          case U'\u898F':  // gui, traditional
          case U'\u6240':  // suo
          case U'\u4E2D':  // zhong, in
          case U'\u4E4B':  // zhi, of
          case U'\u81F3':  // zhi, to
          case U'\u548C':  // he, and
          case U'\u53CA':  // ji, and
          case U'\u6216':  // huo, or
          case U'\u5230':  // dao, to
          case U'\u5185':  // nei, within
          case U'\u5167':  // nei, traditional
          case U'\u4E0A':  // shang (shang shu: the above)
          case ch_di:
            return reject(pos, e, m.value, st, reject_reason::reference);
          default:
            if (is_clause_punct(f.cp)) return reject(pos, e, m.value, st, reject_reason::reference);
            if (starts_marker_shape(f)) return reject(pos, e, m.value, st, reject_reason::no_text);
        }
      }
      return emit(pos, e, m.value, st, cx, flags);
    }
    if (s.cp == ch_shi) {  // di yi shi / di er shi: a run-in enumeration like yi shi / er shi
      st = marker_style::enum_shi;
      if (cx == ctx_mid) return reject(pos, s.end, m.value, st, reject_reason::ordinal_word);
      if (starts_marker_shape(at(skip_spaces(s.end))))
        return reject(pos, s.end, m.value, st, reject_reason::no_text);
      return emit(pos, s.end, m.value, st, cx, flags);
    }
    if (s.cp == ch_fw_comma || s.cp == ',' || s.cp == ch_dun || s.cp == ch_fw_colon ||
        s.cp == ':') {
      st = marker_style::di_comma;
      if (cx == ctx_mid) return reject(pos, s.end, m.value, st, reject_reason::ordinal_word);
      if (s.cp == ch_dun &&
          enumeration_run(s.end, han ? num_kind::han : num_kind::arabic, m.value))
        return reject(pos, s.end, m.value, st, reject_reason::enumeration);
      reject_reason why;
      if (no_item(s.end, why)) return reject(pos, s.end, m.value, st, why);
      return emit(pos, s.end, m.value, st, cx, flags);
    }
    if (s.cp == '.' || s.cp == ch_fw_dot) {
      const cp_info nx = at(s.end);
      if (nx.valid && digit_value(nx.cp) >= 0)  // di 4.2 tiao: a cross-reference
        return reject(pos, m.end, m.value, marker_style::article, reject_reason::reference);
    }
    reject(pos, m.end, m.value, marker_style::di_comma, reject_reason::ordinal_word);
  }

  /**
   * A proper name at `pos` that starts with a character a cross-reference may continue
   * with: zhong hua / zhong guo / zhong yang / zhong gong (China, central, the Party),
   * shang hai (Shanghai). No throw, no alloc.
   */
  bool proper_name_at(std::size_t pos) const noexcept {
    const cp_info a = at(pos);
    if (!a.valid) return false;
    const cp_info b = at(a.end);
    if (!b.valid) return false;
    if (a.cp == U'\u4E2D')  // zhong
      return b.cp == U'\u534E' || b.cp == U'\u83EF' || b.cp == U'\u56FD' || b.cp == U'\u570B' ||
             b.cp == U'\u592E' || b.cp == U'\u5171';  // hua (2), guo (2), yang, gong
    if (a.cp == U'\u4E0A') return b.cp == U'\u6D77';  // shang hai
    return false;
  }

  // qi yi / qi er (firstly, secondly) and qi ci (secondly)
  void on_qi(std::size_t pos, std::size_t after) noexcept {
    const cp_info c = at(after);
    if (!c.valid) return;
    if (c.cp == ch_ci) return on_seq_word(pos, c.end, 2);
    if (!is_han_start(c.cp)) return;
    const int v = han_digit(c.cp);
    const cp_info d = at(c.end);
    if (!d.valid) return;
    std::size_t e;
    if (d.cp == ch_fw_comma || d.cp == ',' || d.cp == ch_dun || d.cp == ch_fw_colon ||
        d.cp == ':') {
      e = d.end;
    } else if (d.cp == ch_shi) {
      e = c.end;
    } else {
      return;
    }
    const std::uint8_t cx = left_context(pos);
    if (cx == ctx_mid)
      return reject(pos, e, std::uint32_t(v), marker_style::qi_ordinal, reject_reason::mid_word);
    emit(pos, e, std::uint32_t(v), marker_style::qi_ordinal, cx, 0);
  }

  // shou xian / zai ci / zui hou
  void on_seq(std::size_t pos, std::size_t after, char32_t first) noexcept {
    const cp_info c = at(after);
    if (!c.valid) return;
    if (first == ch_shou && c.cp == ch_xian) return on_seq_word(pos, c.end, 1);
    if (first == ch_zai && c.cp == ch_ci) return on_seq_word(pos, c.end, 3);
    if (first == ch_zui && (c.cp == ch_hou || c.cp == ch_hou_t)) return on_seq_word(pos, c.end, 99);
  }

  void on_seq_word(std::size_t pos, std::size_t end, std::uint32_t ord) noexcept {
    const std::uint8_t cx = left_context(pos);
    if (cx == ctx_mid)
      return reject(pos, end, ord, marker_style::seq_word, reject_reason::mid_word);
    const cp_info f = at(end);
    if (f.valid) {
      const bool comma = f.cp == ch_fw_comma || f.cp == ',' || f.cp == ch_fw_colon ||
                         f.cp == ':' || f.cp == ch_dun;
      // zai ci without a comma is the adverb "again"; zui hou + numeral / de is "the last".
      if (ord == 3 && !comma)
        return reject(pos, end, ord, marker_style::seq_word, reject_reason::ordinal_word);
      if (!comma && (han_digit(f.cp) >= 0 || digit_value(f.cp) >= 0 || f.cp == U'\u7684' ||
                     f.cp == U'\u4E24' || is_quantity_follower(f.cp)))
        return reject(pos, end, ord, marker_style::seq_word, reject_reason::ordinal_word);
    }
    emit(pos, end, ord, marker_style::seq_word, cx, 0);
  }

  // circled, parenthesized and full-stop digit characters, Roman numeral characters
  void on_enclosed(std::size_t pos, std::size_t after, enclosed_value ev) noexcept {
    marker_style st;
    std::uint16_t flags = 0;
    switch (ev.kind) {
      case enclosed::circled: st = marker_style::circled; break;
      case enclosed::paren: st = marker_style::enclosed_paren; break;
      case enclosed::stop: st = marker_style::enclosed_stop; break;
      case enclosed::han_paren: st = marker_style::enclosed_han; break;
      case enclosed::han_circled: st = marker_style::circled_han; break;
      case enclosed::roman_lower: flags |= marker_flag::lowercase; st = marker_style::roman; break;
      default: st = marker_style::roman; break;
    }
    if (st == marker_style::roman && prev_is_open_paren(pos) && closes_paren(after)) return;
    std::size_t e = after;
    const cp_info d = at(after);
    if (d.valid && (d.cp == ch_dun || d.cp == '.' || d.cp == ch_fw_dot) &&
        st != marker_style::enclosed_stop) {
      const cp_info nx = at(d.end);
      if (!(nx.valid && digit_value(nx.cp) >= 0)) e = d.end;
    }
    const std::uint8_t cx = left_context(pos);
    const cp_info f = at(skip_spaces(e));
    const bool text_follows = f.valid && f.cp != no_cp && !is_newline(f.cp) &&
                              !is_clause_punct(f.cp) && !is_close_punct(f.cp);
    if (!text_follows) {
      // After a word and before punctuation or a line end: a footnote reference.
      if (cx == ctx_mid || (f.valid && is_clause_punct(f.cp)))
        return reject(pos, e, ev.value, st, reject_reason::footnote);
    }
    if (cx == ctx_mid && st == marker_style::roman)
      return reject(pos, e, ev.value, st, reject_reason::mid_word);
    if (text_follows && starts_marker_shape(f))
      return reject(pos, e, ev.value, st, reject_reason::no_text);
    emit(pos, e, ev.value, st, cx, flags);
  }

  // A. a. A) a) I. ii. in ASCII or full-width letters
  void on_letter(std::size_t pos) noexcept {
    if (byte(pos) < 0x80 && pos + 1 < n_) {
      // Same test as the SIMD prefilter: one letter + delimiter, or two Roman letters.
      const unsigned nb = byte(pos + 1);
      const auto roman = [](unsigned c) { c |= 0x20u; return c == 'i' || c == 'v' || c == 'x'; };
      if (nb < 0x80 && nb != '.' && nb != ')' && !(roman(byte(pos)) && roman(nb))) return;
    }
    const cp_info b = before(pos);
    if (pos > 0 && b.valid &&
        (latin_letter(b.cp) != 0 || digit_value(b.cp) >= 0 || b.cp == '.' || b.cp == '-' ||
         b.cp == '_' || b.cp == '@' || b.cp == '/' || b.cp == '\'' || b.cp == ch_fw_dot))
      return;
    if (prev_is_open_paren(pos)) return;  // the parenthesis handler's
    char letters[8];
    std::size_t len = 0;
    std::size_t q = pos;
    const bool fw = at(pos).cp >= 0x80;
    for (;;) {
      const cp_info e = at(q);
      const char l = e.valid ? latin_letter(e.cp) : 0;
      if (l == 0 || (e.cp >= 0x80) != fw) break;
      if (len == 7) return;
      letters[len++] = l;
      q = e.end;
    }
    const cp_info d = at(q);
    if (!d.valid) return;
    const bool dot = d.cp == '.' || d.cp == ch_fw_dot || d.cp == ch_dun;
    const bool paren = d.cp == ')' || d.cp == ch_fw_rparen;
    if (!dot && !paren) return;
    std::uint16_t flags = fw ? marker_flag::fullwidth : 0;
    const bool lower = letters[0] >= 'a';
    if (lower) flags |= marker_flag::lowercase;
    marker_style st;
    std::uint32_t v;
    if (len == 1) {
      const char l = static_cast<char>(letters[0] | 0x20);
      if (l == 'i') {
        st = dot ? marker_style::roman : marker_style::paren_roman;
        v = 1;
        flags |= flag_letter_roman;
      } else {
        st = dot ? marker_style::latin_dot : marker_style::latin_paren;
        v = std::uint32_t(l - 'a' + 1);
        if (l == 'v' || l == 'x') flags |= flag_letter_roman;
      }
    } else {
      for (std::size_t i = 1; i < len; ++i)
        if ((letters[i] >= 'a') != lower) return;
      v = roman_value(letters, len);
      if (v == 0) return;
      st = dot ? marker_style::roman : marker_style::paren_roman;
    }
    if (d.cp == ch_dun || d.cp == ch_fw_dot) flags |= marker_flag::nonstandard_delimiter;
    // A reader of a Chinese document takes "B. Russell" or "U.S." for English: the item
    // text after a Latin or Roman marker is Chinese (or a digit, or a quote).
    const std::size_t r = skip_spaces(d.end, 4);
    const cp_info f = at(r);
    if (!f.valid || f.cp == no_cp) return;
    const bool ascii_word = f.cp < 0x80 && latin_letter(f.cp) != 0;
    if (!ascii_word && ((f.cp < 0x80 && digit_value(f.cp) < 0 && f.cp != '"') ||
                        latin_letter(f.cp) != 0))
      return;
    if (is_clause_punct(f.cp) || starts_marker_shape(f)) return;
    const std::uint8_t cx = left_context(pos);
    if (cx == ctx_mid) return;
    // "A.G320 guo dao": an item whose text starts with a code is still an item when a
    // sibling letter opens a nearby line too; "A.G." or "a.com" is not.
    if (ascii_word && (fw || len != 1 || (cx != ctx_bol && cx != ctx_space && cx != ctx_sent) ||
                       !code_word_ends(r) || !latin_sibling(pos, q, d.end, letters[0])))
      return;
    emit(pos, d.end, v, st, cx, flags);
  }

  /**
   * For the ASCII word starting at `r` after a Latin marker: true when it ends in text that
   * is not part of an abbreviation, an initialism, an address or an e-mail (the next
   * character is neither '.', '@', '/', ':', '-', '_' nor ASCII white space or the input
   * end). Looks at most 24 bytes ahead; no throw, no alloc.
   */
  bool code_word_ends(std::size_t r) const noexcept {
    for (int k = 0; k < 24 && r < n_; ++k, ++r) {
      const unsigned c = byte(r);
      if ((c >= '0' && c <= '9') || ((c | 0x20u) >= 'a' && (c | 0x20u) <= 'z')) continue;
      return c >= 0x80;  // the item text goes on in Chinese
    }
    return false;
  }

  /**
   * For the one-letter ASCII marker at `pos` (letter `l`, delimiter bytes [dp, de)): true
   * when the previous or the next letter with the same delimiter opens a line, or follows
   * white space or a sentence end, within 600 bytes. Bounded look-around; no throw, no alloc.
   */
  bool latin_sibling(std::size_t pos, std::size_t dp, std::size_t de, char l) const noexcept {
    const std::size_t dl = de - dp;
    const auto sibling_at = [&](std::size_t i, char want) {
      if (i + 1 + dl > n_ || s_[i] != want || std::memcmp(s_ + i + 1, s_ + dp, dl) != 0)
        return false;
      if (i == 0) return true;
      const unsigned b = byte(i - 1);
      if (b == '\n' || b == '\r' || b == ' ' || b == '\t') return true;
      // after a sentence end: ju hao U+3002 (E3 80 82), full-width space U+3000 (E3 80 80)
      return i >= 3 && byte(i - 3) == 0xE3 && byte(i - 2) == 0x80 &&
             (b == 0x82 || b == 0x80);
    };
    constexpr std::size_t window = 600;
    if (l != 'z' && l != 'Z') {
      const std::size_t lim = n_ - de > window ? de + window : n_;
      for (std::size_t i = de; i < lim; ++i)
        if (sibling_at(i, static_cast<char>(l + 1))) return true;
    }
    if (l != 'a' && l != 'A') {
      const std::size_t lo = pos > window ? pos - window : 0;
      for (std::size_t i = pos; i-- > lo;)
        if (sibling_at(i, static_cast<char>(l - 1))) return true;
    }
    return false;
  }

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

#endif  // ZHSCAN_DETAIL_MARKER_SCAN_HPP
