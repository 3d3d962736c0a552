// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), marker styles of letters and enclosed characters: A. a) I. ii., circled and parenthesized numerals.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_STYLE_LETTERS_HPP
#define ZHSCAN_DETAIL_MARKER_STYLE_LETTERS_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

// circled, parenthesized and full-stop digit characters, Roman numeral characters
template <class Sink>
void scanner<Sink>::on_enclosed(std::size_t pos, std::size_t after, enclosed_value ev) noexcept {
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

/**
 * A. a. A) a) I. ii. at `pos` in ASCII or full-width letters (one width): one letter, or a
 * canonical Roman numeral of letters, then '.', a full-width stop, an enumeration comma or a
 * closing parenthesis; not after a letter, digit, dot or the like, not inside a
 * parenthesis (the parenthesis rule's). The item text is checked by emit_latin.
 */
template <class Sink>
void scanner<Sink>::on_letter(std::size_t pos) noexcept {
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
  emit_latin(pos, q, d.end, letters[0], fw, len, v, st, flags);
}

/**
 * The Latin or Roman marker [pos, de) (letters end at `q`, the first is `first`): emitted
 * when Chinese item text follows (or a digit or a quote), not clause punctuation or another
 * marker, and not after a word. An ASCII word after it ("A.G320 guo dao") keeps it only for
 * one ASCII letter at a line or sentence start whose code ends in Chinese text and whose
 * sibling letter opens a nearby line; "B. Russell", "U.S." or "a.com" are English.
 */
template <class Sink>
void scanner<Sink>::emit_latin(std::size_t pos, std::size_t q, std::size_t de, char first, bool fw,
                               std::size_t len, std::uint32_t v, marker_style st,
                               std::uint16_t flags) noexcept {
  // A reader of a Chinese document takes "B. Russell" or "U.S." for English: the item
  // text after a Latin or Roman marker is Chinese (or a digit, or a quote).
  const std::size_t r = skip_spaces(de, 4);
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
                     !code_word_ends(r) || !latin_sibling(pos, q, de, first)))
    return;
  emit(pos, de, v, st, cx, flags);
}

/**
 * For the ASCII word starting at `r` after a Latin marker: true when it ends in text that
 * is not part of an abbreviation, an initialism, an address or an e-mail (the next
 * character is neither '.', '@', '/', ':', '-', '_' nor ASCII white space or the input
 * end). Looks at most 24 bytes ahead; no throw, no alloc.
 */
template <class Sink>
bool scanner<Sink>::code_word_ends(std::size_t r) const noexcept {
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
template <class Sink>
bool scanner<Sink>::latin_sibling(std::size_t pos, std::size_t dp, std::size_t de, char l) const noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_STYLE_LETTERS_HPP
