// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), converter chunk numbers and page furniture: the paragraph before a line-start marker.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_PARAGRAPHS_HPP
#define ZHSCAN_DETAIL_MARKER_PARAGRAPHS_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

/**
 * True when the text ending at byte `end` ends with a word that introduces a list
 * (qi zhong: among them, bao kuo: including, ru xia: as follows, fen bie shi/wei:
 * respectively, ju ti shi/wei: namely, zhu yao you/shi: mainly, you yi xia ji dian: the
 * following points; simplified and traditional). A line ending so is a finished lead-in,
 * not a paragraph cut by a page boundary. Looks back at most 15 bytes; no throw, no alloc.
 */
template <class Sink>
bool scanner<Sink>::ends_with_introducer(std::size_t end) const noexcept {
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
template <class Sink>
auto scanner<Sink>::previous_paragraph(std::size_t line_start) const noexcept -> cut_kind {
  // A page footer or running header between two paragraphs is not the paragraph the
  // number follows: look at the one before it (text_line_end_before skips them).
  const std::size_t pe = text_line_end_before(line_start);
  if (pe == npos) return cut_kind::none;
  const cp_info c = before(pe);
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
template <class Sink>
void scanner<Sink>::find_title() noexcept {
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
template <class Sink>
std::size_t scanner<Sink>::furniture_line_start(std::size_t end) const noexcept {
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

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_PARAGRAPHS_HPP
