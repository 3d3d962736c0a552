// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), marker styles of Arabic numerals: 1. 1、 1) 1.2.3 and bare GB/T chapter numbers.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_STYLE_ARABIC_HPP
#define ZHSCAN_DETAIL_MARKER_STYLE_ARABIC_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

// 1. 1+dunhao 1) 1.2.3 and their full-width forms
template <class Sink>
void scanner<Sink>::on_digit(std::size_t pos) noexcept {
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
template <class Sink>
void scanner<Sink>::on_bare_number(std::size_t pos, num m, std::uint16_t flags) noexcept {
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
 * A calendar year and nian at `pos` ("2023 nian"): after "1." that is the item's text
 * ("1.2023 nian quan xian ...": item 1 opens with a year), since nobody writes a decimal
 * 1.2023 before nian.
 */
template <class Sink>
bool scanner<Sink>::year_follows(std::size_t pos) const noexcept {
  if (pos + 7 > n_) return false;
  const unsigned y0 = byte(pos), y1 = byte(pos + 1);
  if (!((y0 == '1' && y1 == '9') || (y0 == '2' && y1 == '0'))) return false;
  if (byte(pos + 2) - '0' > 9u || byte(pos + 3) - '0' > 9u) return false;
  return byte(pos + 4) == 0xE5 && byte(pos + 5) == 0xB9 && byte(pos + 6) == 0xB4;  // U+5E74 nian
}

// 1.1 / 1.2.3 headings, else a decimal number
template <class Sink>
void scanner<Sink>::on_decimal(std::size_t pos, num first, std::uint16_t flags) noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_STYLE_ARABIC_HPP
