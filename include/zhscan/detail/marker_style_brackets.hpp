// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), marker styles in brackets: (yi) (1) (a) (i) (jia) and the bracket pairs of bracket_styles.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_STYLE_BRACKETS_HPP
#define ZHSCAN_DETAIL_MARKER_STYLE_BRACKETS_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

/**
 * Inside a parenthesis at `q` (first character `c`, a letter): one Latin letter (latin_paren;
 * i is paren_roman, v and x may be either: flag_letter_roman) or a canonical Roman numeral of
 * letters of one case (paren_roman). Sets `st` and the width / case bits of `flags`.
 */
template <class Sink>
auto scanner<Sink>::paren_letters(std::size_t q, const cp_info& c, marker_style& st,
                                  std::uint16_t& flags) const noexcept -> num {
  std::size_t r = q;
  char letters[8];
  std::size_t len = 0;
  for (;;) {
    const cp_info e = at(r);
    const char l = e.valid ? latin_letter(e.cp) : 0;
    if (l == 0) break;
    if (len == 7) return {q, 0, false};
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
      flags |= flag_letter_roman;
      return {r, 1, true};
    }
    st = marker_style::latin_paren;
    if (l == 'v' || l == 'x') flags |= flag_letter_roman;
    return {r, std::uint32_t(l - 'a' + 1), true};
  }
  for (std::size_t i = 1; i < len; ++i)
    if ((letters[i] >= 'a') != lower) return {q, 0, false};
  const std::uint32_t v = roman_value(letters, len);
  if (v == 0) return {q, 0, false};
  st = marker_style::paren_roman;
  return {r, v, true};
}

/**
 * The numeral starting with `c` at `q` inside a parenthesis: a Han numeral up to 99
 * (paren_han), Arabic digits (paren_arabic), a Heavenly Stem (paren_tiangan), one Latin
 * letter (latin_paren; i is paren_roman, v and x may be either: flag_letter_roman) or a
 * Roman numeral of ASCII letters or Roman numeral characters (paren_roman). Sets `st` and
 * the case / width bits of `flags`; !ok when none is there.
 */
template <class Sink>
auto scanner<Sink>::paren_numeral(std::size_t q, const cp_info& c, marker_style& st,
                                  std::uint16_t& flags) const noexcept -> num {
  num m{q, 0, false};
  if (is_han_start(c.cp)) {
    m = parse_han(q);
    if (!m.ok || m.value > 99) return {q, 0, false};
    st = marker_style::paren_han;
  } else if (digit_value(c.cp) >= 1) {
    bool fw = false;
    m = parse_digits(q, &fw);
    if (!m.ok) return {q, 0, false};
    if (fw) flags |= marker_flag::fullwidth;
    st = marker_style::paren_arabic;
  } else if (tiangan_value(c.cp) != 0) {
    m = {c.end, std::uint32_t(tiangan_value(c.cp)), true};
    st = marker_style::paren_tiangan;
  } else if (latin_letter(c.cp) != 0) {
    m = paren_letters(q, c, st, flags);
  } else {
    const enclosed_value ev = enclosed_numeral(c.cp);
    if (ev.kind != enclosed::roman_upper && ev.kind != enclosed::roman_lower) return {q, 0, false};
    st = marker_style::paren_roman;
    if (ev.kind == enclosed::roman_lower) flags |= marker_flag::lowercase;
    m = {c.end, ev.value, true};
  }
  return m;
}

/**
 * (yi) (1) (a) (i) (jia) with ASCII or full-width parentheses, spaces allowed inside: the
 * numeral (paren_numeral) and its closing parenthesis, then the context: not after a word,
 * not an item reference after di, not before clause punctuation or another marker, not a
 * class name "(1) ban"; an Arabic one at a line start after an unfinished paragraph is
 * flagged for phase 2 (maybe a chunk number).
 */
template <class Sink>
void scanner<Sink>::on_paren(std::size_t pos, std::size_t after) noexcept {
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
  marker_style st = marker_style::paren_han;
  const num m = paren_numeral(q, c, st, flags);
  if (!m.ok) return;
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
template <class Sink>
void scanner<Sink>::on_bracket(std::size_t pos, std::size_t after, int row) noexcept {
  if (row < 0 || after >= n_) return;
  const bracket_style& br = bracket_styles[row];
  std::uint16_t flags = 0;
  std::size_t q = skip_spaces(after, 8);
  if (q != after) flags |= marker_flag::spaced;
  const cp_info c = at(q);
  if (!c.valid) return;
  marker_style st;
  num m{q, 0, false};
  if (is_han_start(c.cp) && br.han) {
    m = parse_han(q);
    st = marker_style::bracket_han;
  } else if (digit_value(c.cp) >= 1 && br.arabic) {
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
 * After "(1) ban" (ban: class): true when ban names class 1, i.e. does not begin a word
 * of its own (ban zi: leadership team, ban ji: classes, ban zhu ren: head teacher, ban
 * zhang: monitor, ban zu: team, ban hui: class meeting, ban feng: class spirit, ban che:
 * shuttle bus), as in "(1) ban he (2) ban" (classes 1 and 2).
 */
template <class Sink>
bool scanner<Sink>::class_name_follows(std::size_t pos) const noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_STYLE_BRACKETS_HPP
