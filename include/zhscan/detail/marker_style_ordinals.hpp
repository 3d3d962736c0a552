// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), ordinal marker styles: di X zhang / jie / tiao, di X + comma, qi yi, shou xian / qi ci / zui hou.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_STYLE_ORDINALS_HPP
#define ZHSCAN_DETAIL_MARKER_STYLE_ORDINALS_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

/**
 * di + a Han or Arabic numeral at `pos`, then: a heading suffix (on_di_heading), shi (a
 * run-in di yi shi: enum_shi), a comma, colon or enumeration comma (di_comma), a decimal
 * (di 4.2 tiao: a reference); anything else makes an ordinal adjective (di yi fang zhen).
 */
template <class Sink>
void scanner<Sink>::on_di(std::size_t pos, std::size_t after) noexcept {
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
  di_suffix suf = di_suffix_of(s.cp);
  std::size_t e = s.end;
  if (suf == di_suffix::none && s.cp == ch_bu) {
    const cp_info f2 = at(s.end);
    if (f2.valid && f2.cp == ch_fen) {
      suf = di_suffix::part;
      e = f2.end;
    }
  }
  if (suf != di_suffix::none) {
    const marker_style st = suf == di_suffix::chapter   ? marker_style::chapter
                            : suf == di_suffix::section ? marker_style::section
                            : suf == di_suffix::article ? marker_style::article
                            : suf == di_suffix::clause  ? marker_style::clause
                                                        : marker_style::part;
    return on_di_heading(pos, e, m, st, cx, flags);
  }
  on_di_run_in(pos, s, m, han, cx, flags);
}

/**
 * di + numeral [pos, m.end) followed by `s`, not a heading suffix: shi makes a run-in di yi
 * shi (enum_shi), a comma, colon or enumeration comma a run-in di yi, (di_comma) unless the
 * numerals are listed (di yi, er, san chan ye) or no item follows; a decimal point makes a
 * cross-reference (di 4.2 tiao); anything else an ordinal adjective (di yi fang zhen).
 */
template <class Sink>
void scanner<Sink>::on_di_run_in(std::size_t pos, const cp_info& s, num m, bool han, std::uint8_t cx,
                                 std::uint16_t flags) noexcept {
  if (s.cp == ch_shi) {  // di yi shi / di er shi: a run-in enumeration like yi shi / er shi
    const marker_style st = marker_style::enum_shi;
    if (cx == ctx_mid) return reject(pos, s.end, m.value, st, reject_reason::ordinal_word);
    if (starts_marker_shape(at(skip_spaces(s.end))))
      return reject(pos, s.end, m.value, st, reject_reason::no_text);
    return emit(pos, s.end, m.value, st, cx, flags);
  }
  if (s.cp == ch_fw_comma || s.cp == ',' || s.cp == ch_dun || s.cp == ch_fw_colon ||
      s.cp == ':') {
    const marker_style st = marker_style::di_comma;
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
 * di X + a heading suffix (zhang, jie, tiao, kuan, bu fen, bian, pian, juan) spanning
 * [pos, e): a heading unless it is run into a word (reference) or continues like a
 * cross-reference (di san tiao gui ding, ... de, ... zhong, clause punctuation, another
 * marker). At a line or sentence start a heading whose text is set off by a space or
 * starts with a proper name stays a heading even before such a word.
 */
template <class Sink>
void scanner<Sink>::on_di_heading(std::size_t pos, std::size_t e, num m, marker_style st,
                                  std::uint8_t cx, std::uint16_t flags) noexcept {
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

/**
 * A proper name at `pos` that starts with a character a cross-reference may continue
 * with: zhong hua / zhong guo / zhong yang / zhong gong (China, central, the Party),
 * shang hai (Shanghai). No throw, no alloc.
 */
template <class Sink>
bool scanner<Sink>::proper_name_at(std::size_t pos) const noexcept {
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
template <class Sink>
void scanner<Sink>::on_qi(std::size_t pos, std::size_t after) noexcept {
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
template <class Sink>
void scanner<Sink>::on_seq(std::size_t pos, std::size_t after, char32_t first) noexcept {
  const cp_info c = at(after);
  if (!c.valid) return;
  if (first == ch_shou && c.cp == ch_xian) return on_seq_word(pos, c.end, 1);
  if (first == ch_zai && c.cp == ch_ci) return on_seq_word(pos, c.end, 3);
  if (first == ch_zui && (c.cp == ch_hou || c.cp == ch_hou_t)) return on_seq_word(pos, c.end, 99);
}

template <class Sink>
void scanner<Sink>::on_seq_word(std::size_t pos, std::size_t end, std::uint32_t ord) noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_STYLE_ORDINALS_HPP
