// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), marker styles of Han numerals without brackets: yi-dun, yi shi, yi lai, yi), lost delimiters, Heavenly Stems.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_STYLE_HAN_HPP
#define ZHSCAN_DETAIL_MARKER_STYLE_HAN_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

/**
 * yi-dun (also with a dot), yi shi, yi lai (run-in), yi) at `pos`: the delimiter after the
 * numeral decides the style; a numeral after another numeral, di, qi or liang is part of a
 * word, one inside brackets is the parenthesis rule's. Without a delimiter see
 * on_han_without_delimiter.
 */
template <class Sink>
void scanner<Sink>::on_han(std::size_t pos) noexcept {
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
  on_han_without_delimiter(pos, m, cx, flags);
}

/**
 * A Han numeral [pos, m.end) with no delimiter of its own, at a line start, after white
 * space or after a sentence: either a marker whose delimiter follows a converter's chunk
 * number on the next line (split_by_chunk), or, from 2 on, a numeral whose enumeration comma
 * was lost before item text ("er jia qiang ...": han_bare, delimiter_missing; phase 2 keeps
 * it only as the exact next number of an open yi-dun level).
 */
template <class Sink>
void scanner<Sink>::on_han_without_delimiter(std::size_t pos, num m, std::uint8_t cx,
                                             std::uint16_t flags) noexcept {
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

// jia-dun, (jia) is the parenthesis handler's
template <class Sink>
void scanner<Sink>::on_tiangan(std::size_t pos, std::size_t after, char32_t cp) noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_STYLE_HAN_HPP
