// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_SECTION_HPP
#define ZHSCAN_SECTION_HPP

#include <cstddef>
#include <vector>

#include "common.hpp"
#include "list_marker.hpp"
#include "metric.hpp"
#include "outline.hpp"

/**
 * Which section a byte of the text belongs to, over an outline built by `outline`
 * (outline.hpp), and the heading path of a section.
 *
 * The extent of a section is its marker, heading and body: from the start of its marker to
 * the end of its body. A section's body runs at least to the start of the next marker (it
 * ends at the next marker of the same or a higher level, or at the end of the text), so
 * the innermost section holding a byte is always the LAST section whose marker starts at
 * or before that byte; bytes before the first marker belong to no section. The lookups
 * below rely on this (markers and sections as produced by find_markers and outline on the
 * same text); given other vectors they still never read out of bounds.
 *
 * Heading label of a section: the text from the start of its marker to the end of its
 * heading, as written (the marker and its heading joined by whatever white space separates
 * them on the line: none in "yi-dun zong ti qing kuang", one space in "di si jie guan li
 * ceng tao lun yu fen xi"); the marker alone when the heading is empty (run-in
 * enumerations, articles, a marker followed directly by running text). Where a heading
 * ends is defined in outline.hpp: at the first sentence end, colon, line end, gap of
 * white space or next marker.
 */
namespace zhscan {

/**
 * Index of the innermost section holding the byte at `offset` (any value; offsets at or
 * past the end of the text belong to the last section): the last section whose marker
 * starts at or before `offset`, npos when `offset` lies before the first marker (or there
 * are no sections). `markers` and `sections` are the output of find_markers and outline
 * on the same text. O(log n) (binary search), no throw, no alloc.
 */
inline std::size_t section_at(const std::vector<marker>& markers,
                              const std::vector<section>& sections, std::size_t offset) noexcept {
  std::size_t lo = 0, hi = sections.size();  // answer: last i in [0, hi) with start <= offset
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::size_t mk = sections[mid].marker;
    const std::size_t start = mk < markers.size() ? markers[mk].span.start : npos;
    if (start <= offset)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo == 0 ? npos : lo - 1;
}

/**
 * Byte offset of the start of the marker of section `i`, npos when `i` is npos or out of
 * range. No throw, no alloc.
 */
inline std::size_t section_start(const std::vector<marker>& markers,
                                 const std::vector<section>& sections, std::size_t i) noexcept {
  if (i >= sections.size() || sections[i].marker >= markers.size()) return npos;
  return markers[sections[i].marker].span.start;
}

/**
 * Sets `metric::section` of every metric to the byte offset of the marker of the innermost
 * section holding the metric's first byte (span.start), npos before the first marker.
 * `markers` and `sections` come from find_markers and outline on the text `metrics` were
 * found in (find_metrics does not see the outline, so its metrics carry npos until this is
 * called). Linear in the number of metrics plus sections when the metrics are in text order
 * (as find_metrics gives them); O(log n) per metric otherwise. No throw, no alloc.
 */
inline void assign_sections(const std::vector<marker>& markers,
                            const std::vector<section>& sections,
                            std::vector<metric>& metrics) noexcept {
  std::size_t cur = npos;  // section of the previous metric
  std::size_t prev = 0;    // span.start of the previous metric
  bool first = true;
  for (metric& m : metrics) {
    const std::size_t x = m.span.start;
    if (first || x < prev) {
      cur = section_at(markers, sections, x);
    } else {  // in text order: walk on from the previous metric's section
      for (std::size_t next = cur == npos ? 0 : cur + 1;
           next < sections.size() && section_start(markers, sections, next) <= x; ++next)
        cur = next;
    }
    first = false;
    prev = x;
    m.section = section_start(markers, sections, cur);
  }
}

/**
 * The heading label of section `i` (see the header comment): [marker start, heading end),
 * or the marker's span when the heading is empty; an empty span at 0 when `i` is out of
 * range. No throw, no alloc.
 */
inline byte_span heading_label(const std::vector<marker>& markers,
                               const std::vector<section>& sections, std::size_t i) noexcept {
  if (i >= sections.size() || sections[i].marker >= markers.size()) return {};
  const byte_span m = markers[sections[i].marker].span;
  const byte_span h = sections[i].heading;
  if (h.empty() || h.end < m.end) return m;
  return {m.start, h.end};
}

/**
 * Replaces the contents of `out` with the heading labels of section `i` and its ancestors,
 * from the top level down to `i` (so `out.back()` is `i`'s own label); empty when `i` is
 * npos. Follows parent links (each parent precedes its child, so the walk ends). Allocates
 * only by growing `out`.
 */
inline void heading_path(const std::vector<marker>& markers, const std::vector<section>& sections,
                         std::size_t i, std::vector<byte_span>& out) {
  out.clear();
  std::size_t prev = npos;
  while (i < sections.size() && i < prev) {
    out.push_back(heading_label(markers, sections, i));
    prev = i;
    i = sections[i].parent;
  }
  // collected bottom-up: reverse in place
  for (std::size_t a = 0, b = out.size(); a + 1 < b; ++a, --b) {
    const byte_span t = out[a];
    out[a] = out[b - 1];
    out[b - 1] = t;
  }
}

}  // namespace zhscan

#endif  // ZHSCAN_SECTION_HPP
