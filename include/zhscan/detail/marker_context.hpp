// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), the left context of a marker and the line before it (line starts, lead-ins, unnumbered headings).
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_CONTEXT_HPP
#define ZHSCAN_DETAIL_MARKER_CONTEXT_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

template <class Sink>
std::uint8_t scanner<Sink>::left_context(std::size_t pos) const noexcept {
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

/**
 * For a marker at a line start: the line before it ends (white space aside, at most 16
 * bytes looked at) with a colon. Raw bytes: ':' or U+FF1A (EF BC 9A).
 */
template <class Sink>
bool scanner<Sink>::line_before_ends_with_colon(std::size_t b) const noexcept {
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

/**
 * One past the last line feed or carriage return in [floor, b), or npos if there is none.
 * Eight bytes at a time (the scanner calls this once per marker).
 */
template <class Sink>
std::size_t scanner<Sink>::line_break_after(std::size_t floor, std::size_t b) const noexcept {
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
template <class Sink>
std::size_t scanner<Sink>::text_line_end_before(std::size_t q) const noexcept {
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
template <class Sink>
std::uint8_t scanner<Sink>::after_unnumbered_heading(std::size_t b, std::uint8_t cx, marker_style st) noexcept {
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
  return unnumbered_title_before(q);
}

/**
 * The line before the line starting at `q` (across white space and page furniture) is an
 * unnumbered title: 2..30 characters, at least two ideographs, no clause punctuation, not
 * opened by a marker, not the document's title. Returns ctx_after_heading, with
 * ctx_heading_after_text when the paragraph before the title is finished; else 0.
 */
template <class Sink>
std::uint8_t scanner<Sink>::unnumbered_title_before(std::size_t q) const noexcept {
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

/** An opening bracket right before `pos`, white space allowed in between. */
template <class Sink>
bool scanner<Sink>::prev_is_open_paren(std::size_t pos) const noexcept {
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

template <class Sink>
bool scanner<Sink>::closes_paren(std::size_t pos) const noexcept {
  const cp_info c = at(skip_spaces(pos, 8));
  return c.valid && (c.cp == ')' || c.cp == ch_fw_rparen);
}

/**
 * Markdown ATX heading marks before `pos`: the number of '#' (1..6) when the line is
 * "#... " followed by the marker at `pos` (spaces between), else 0. Passed to phase 2
 * with a decimal outline's depth (bits 3..5): the heading depth is evidence for the level.
 */
template <class Sink>
unsigned scanner<Sink>::markdown_hashes(std::size_t pos) const noexcept {
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
 * True when the line before the line starting at `line_start` ends (white space aside,
 * at most 16 bytes skipped) in an ideograph. No throw, no alloc.
 */
template <class Sink>
bool scanner<Sink>::line_ends_in_ideograph(std::size_t line_start) const noexcept {
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
template <class Sink>
bool scanner<Sink>::after_di(std::size_t pos) const noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_CONTEXT_HPP
