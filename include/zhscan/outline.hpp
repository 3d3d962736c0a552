// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_OUTLINE_HPP
#define ZHSCAN_OUTLINE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "list_marker.hpp"
#include "utf8.hpp"

/**
 * The section tree of a document, built from its outline markers (list_marker.hpp).
 *
 * One section per marker, in text order, as a flat vector: section i belongs to marker i,
 * its parent is the section of the marker's parent. Each section has three consecutive
 * spans: the marker, the heading, the body.
 *
 * Heading: the text after the marker (leading spaces skipped) up to the first sentence end
 * (ideographic full stop, ! or ?), colon, line end, gap of white space inside the line
 * (documents flattened onto one line separate paragraphs by spaces), or the next marker,
 * whichever comes first. The heading is EMPTY when the marker is followed directly by body
 * text, which is the case when:
 *  - the marker is a run-in enumeration (yi shi, di yi + comma, qi yi, shou xian ...) or
 *    a legal article/clause (di X tiao/kuan): it opens a statement, not a titled section;
 *  - the first stretch is not a title but running text: it reaches a semicolon (a run-on
 *    list item) or is longer than 60 characters (titles are phrases);
 *  - nothing follows the marker on its line.
 * Body: from the end of the heading (or of the marker when the heading is empty) to the
 * start of the next marker whose level is the same or higher (smaller number), or the end
 * of the text. A section's descendants therefore lie inside its body, and every child's
 * marker, heading and body are nested in its parent's body.
 */
namespace zhscan {

/** One section of the outline. */
struct section {
  std::size_t marker = 0;      ///< index of its marker in the marker vector
  std::size_t parent = npos;   ///< index of the parent section, npos for a top section
  std::uint8_t level = 0;      ///< 1 = top (the marker's level)
  byte_span heading;           ///< title text after the marker; empty if none
  byte_span body;              ///< the section's content after its heading
};

namespace detail {
namespace mk {

/** Longest title, in characters, before the text after a marker reads as body text. */
constexpr int max_heading_chars = 60;

/** Decodes one character; the common 1- and 3-byte forms inline. */
ZHSCAN_ALWAYS_INLINE utf8::decoded decode_fast(const char* p, const char* end) noexcept {
  const auto b0 = static_cast<unsigned char>(p[0]);
  if (b0 < 0x80) return {b0, 1, true};
  if ((b0 & 0xF0u) == 0xE0u && end - p >= 3) {
    const auto b1 = static_cast<unsigned char>(p[1]), b2 = static_cast<unsigned char>(p[2]);
    if ((b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u) {
      const char32_t c = char32_t(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) return {c, 3, true};
    }
  }
  return utf8::decode(p, end);
}

inline byte_span heading_of(std::string_view text, const marker& m, std::size_t limit) noexcept {
  const std::size_t empty_at = m.span.end;
  if (is_inline_style(m.style) || m.style == marker_style::article ||
      m.style == marker_style::clause)
    return {empty_at, empty_at};
  const char* s = text.data();
  const char* const end = s + (limit < text.size() ? limit : text.size());
  std::size_t pos = m.span.end;
  // leading spaces
  while (s + pos < end) {
    const utf8::decoded d = decode_fast(s + pos, end);
    if (!d.valid || !is_space(d.cp)) break;
    pos += d.length;
  }
  const std::size_t start = pos;
  int chars = 0;
  std::size_t last_text = start;  // end of the last non-space character
  while (s + pos < end) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 >= 0xE4 && b0 <= 0xE9 && end - (s + pos) >= 3) {  // an ideograph: never a stop
      if (++chars > max_heading_chars) return {empty_at, empty_at};
      pos += 3;
      last_text = pos;
      continue;
    }
    const utf8::decoded d = decode_fast(s + pos, end);
    const char32_t c = d.valid ? d.cp : ch_replacement;
    if (is_newline(c) || c == U'\u3002' || c == U'\uFF01' || c == U'\uFF1F' || c == U'!' ||
        c == U'?' || c == ch_fw_colon || c == U':')
      break;
    if (c == U'\uFF1B' || c == U';') return {empty_at, empty_at};
    if (is_space(c)) break;
    if (++chars > max_heading_chars) return {empty_at, empty_at};
    pos += d.length;
    last_text = pos;
  }
  if (last_text == start) return {empty_at, empty_at};
  return {start, last_text};
}

}  // namespace mk
}  // namespace detail

/**
 * Builds the sections of `text` from `markers` (the output of `find_markers` on the same
 * text) into `out`, replacing its contents. Linear time; allocates only by growing `out`.
 * No throw (std::bad_alloc from vector growth terminates under noexcept).
 */
inline void outline(std::string_view text, const std::vector<marker>& markers,
                    std::vector<section>& out) noexcept {
  out.resize(markers.size());  // every field of every section is assigned below
  // Body ends: a marker closes every open section of the same or a deeper level. The open
  // sections form a chain of strictly increasing levels; walk it through parent links.
  std::size_t open = npos;  // deepest open section
  for (std::size_t i = 0; i < markers.size(); ++i) {
    const marker& m = markers[i];
    while (open != npos && markers[open].level >= m.level) {
      out[open].body.end = m.span.start;
      open = out[open].parent;
    }
    section& s = out[i];
    s.marker = i;
    s.parent = m.parent < i ? m.parent : npos;
    s.level = m.level;
    s.body.end = text.size();
    open = i;
  }
  for (std::size_t i = 0; i < markers.size(); ++i) {
#if defined(__GNUC__) || defined(__clang__)
    // The text after each marker was last read by find_markers long ago: fetch ahead.
    if (i + 8 < markers.size()) __builtin_prefetch(text.data() + markers[i + 8].span.end);
#endif
    const marker& m = markers[i];
    const std::size_t limit = i + 1 < markers.size() ? markers[i + 1].span.start : text.size();
    section& s = out[i];
    s.heading = detail::mk::heading_of(text, m, limit);
    s.body.start = s.heading.empty() ? m.span.end : s.heading.end;
    if (s.body.end < s.body.start) s.body.end = s.body.start;
  }
}

/** The sections of `text` as a new vector (runs `find_markers` first). */
inline std::vector<section> outline(std::string_view text) {
  std::vector<marker> ms;
  find_markers(text, ms);
  std::vector<section> out;
  outline(text, ms, out);
  return out;
}

}  // namespace zhscan

#endif  // ZHSCAN_OUTLINE_HPP
