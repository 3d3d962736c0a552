// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), web-page boilerplate: teaser lists under labels such as xiang guan wen zhang.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_BOILERPLATE_HPP
#define ZHSCAN_DETAIL_MARKER_BOILERPLATE_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

/**
 * A web page's teaser list: the item is a short title (no sentence inside before its line
 * ends) and it follows a teaser label ("related articles:", "recommended reading", "next
 * article" ...) across white space, a colon or a bracket, or it follows the previous
 * teaser item after a title's worth of text on the same or the next line.
 */
template <class Sink>
bool scanner<Sink>::in_teaser_list(std::size_t b, std::size_t e, std::uint8_t cx) const noexcept {
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
template <class Sink>
bool scanner<Sink>::after_teaser_label(std::size_t b) const noexcept {
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
template <class Sink>
bool scanner<Sink>::label_stands_alone(std::size_t ls) const noexcept {
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
template <class Sink>
bool scanner<Sink>::teaser_family_label(std::size_t q) const noexcept {
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
template <class Sink>
bool scanner<Sink>::follows_teaser_item(std::size_t b) const noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_BOILERPLATE_HPP
