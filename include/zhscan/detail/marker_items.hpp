// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), what follows a marker: item text, emission, marker shapes, headings glued to their first item.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_ITEMS_HPP
#define ZHSCAN_DETAIL_MARKER_ITEMS_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

/**
 * True when item text (see text_byte) starts within text_window bytes of `pos`. A string
 * of numerals, brackets and punctuation with no word in reach ("yi, yi, yi, ...",
 * "(1)(2)(3)...") numbers nothing.
 */
template <class Sink>
bool scanner<Sink>::has_text(std::size_t pos) const noexcept {
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

template <class Sink>
void scanner<Sink>::emit(std::size_t b, std::size_t e, std::uint32_t ord, marker_style st, std::uint8_t cx,
          std::uint16_t flags, std::uint8_t depth, std::uint32_t prefix) noexcept {
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
 * One-line pages run a heading without final punctuation straight into its first
 * sub-marker ("san, an quan sheng chan xing shi ping wen yi shi ...", "yi, xiang mu jian she
 * ti su (yi) zhong dian xiang mu"). Looks over the heading after the marker ending at `e`
 * (2..30 ideographs, letters or digits, nothing else) for a glued "(yi)", "(1)" or "yi shi"
 * and emits it as a mid-line candidate: phase 2 accepts it only when its next sibling
 * follows in the section. A yi bound to the word before ("tong yi shi": unification is,
 * "zhi yi shi") and an item reference after "tiao"/"kuan"/"xiang" are not items.
 */
template <class Sink>
void scanner<Sink>::glued_first_item(std::size_t e, marker_style host) noexcept {
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
    if (chars >= 2 && glued_item_at(c, prev, host)) return;
    const bool word = is_ideograph(c.cp) || (c.cp < 0x80 && ((c.cp >= '0' && c.cp <= '9') ||
                                                            ((c.cp | 0x20u) >= 'a' && (c.cp | 0x20u) <= 'z')));
    if (!word) return;
    prev = c;
    q = c.end;
  }
}

/**
 * Inside a heading after its third character: `c` opens a glued first sub-item, "(" or
 * "（" (not after tiao / kuan / xiang / zhang / jie / di: an item reference) or yi shi (not
 * after a word that binds yi, not the idiom yi shi yi, not before another marker), which is
 * then emitted as a mid-line candidate. True when the heading walk stops here.
 */
template <class Sink>
bool scanner<Sink>::glued_item_at(const cp_info& c, const cp_info& prev, marker_style host) noexcept {
  if (c.cp == '(' || c.cp == ch_fw_lparen) {
    switch (prev.cp) {
      case U'\u6761': case U'\u689D':  // tiao, article (and traditional)
      case U'\u6B3E':                   // kuan, clause
      case U'\u9879': case U'\u9805':  // xiang, item (and traditional)
      case U'\u7AE0':                   // zhang, chapter
      case U'\u8282': case U'\u7BC0':  // jie, section (and traditional)
      case ch_di:
        return true;
      default:
        break;
    }
    glued_ = true;
    glued_host_ = host;
    on_paren(c.pos, c.end);
    glued_ = false;
    return true;
  }
  if (c.cp == U'\u4E00' && !binds_following_yi(prev.cp)) {  // yi, one
    const cp_info d = at(c.end);
    if (d.valid && d.cp == ch_shi) {
      const num again = parse_han(d.end);
      if (again.ok && again.value == 1) return true;  // yi shi yi: an idiom
      if (starts_marker_shape(at(skip_spaces(d.end)))) return true;
      glued_ = true;
      emit(c.pos, d.end, 1, marker_style::enum_shi, ctx_mid, 0);
      glued_ = false;
      return true;
    }
  }
  return false;
}

/**
 * What follows a marker: an item starts there unless the next character is punctuation
 * that continues a clause (reason followed_by_punct) or another marker follows at once
 * (reason no_text: "yi, yi, yi," or "(1)(2)(3)" open no items). Returns true if no item.
 */
template <class Sink>
bool scanner<Sink>::no_item(std::size_t pos, reject_reason& why) const noexcept {
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
template <class Sink>
bool scanner<Sink>::starts_marker_shape(const cp_info& c) const noexcept {
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
template <class Sink>
bool scanner<Sink>::bracketed_numeral(std::size_t pos, char32_t close) const noexcept {
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

/**
 * The character after a numeral; white space before an enumeration comma or full-width
 * stop is skipped ("yi , jia qiang": spaces inside the marker, flagged `spaced`). After
 * Arabic digits (`narrow`) only a space, a tab or an ideographic space may open the gap:
 * the SIMD prefilter lets only those through, and every path must agree.
 */
template <class Sink>
cp_info scanner<Sink>::spaced_delimiter(std::size_t end, std::uint16_t& flags, bool narrow) const noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_ITEMS_HPP
