// SPDX-License-Identifier: MIT
// Views for a person at a terminal (JSON Lines stays the default output):
//   zhscan outline --tree    the section tree, indented two columns per depth
//   zhscan metrics --table   one row per metric: text, value, unit, approx, section
// Columns are aligned by display width (East Asian wide and fullwidth characters count two
// columns, combining marks none); control characters print as spaces and ill-formed UTF-8 as
// U+FFFD. Colour (ANSI) only when `view_colour` is set (stdout a terminal, NO_COLOR unset).
#ifndef ZHSCAN_EXAMPLES_CLI_VIEWS_HPP
#define ZHSCAN_EXAMPLES_CLI_VIEWS_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli_common.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"
#include "zhscan/utf8.hpp"

namespace zhscan_cli {

/** Whether the views print ANSI colours (set by main: stdout is a terminal). */
inline bool view_colour = false;

/** Columns a code point takes in a terminal (wcwidth-like; East Asian Wide/Fullwidth = 2). */
inline int display_width(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF ||
      (c >= 0xFE00 && c <= 0xFE0F))
    return 0;  // combining marks, zero-width characters, variation selectors
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
      (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD))
    return 2;
  return 1;
}

/**
 * Appends `s` for display: control characters (line ends included) become one space each,
 * ill-formed UTF-8 becomes U+FFFD; stops before the character that would pass `max_cols`
 * columns and then ends with an ellipsis (within `max_cols`). Returns the columns written.
 */
inline std::size_t append_display(std::string& out, std::string_view s, std::size_t max_cols = 1u << 30) {
  std::size_t cols = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const zhscan::utf8::decoded d = zhscan::utf8::decode(p, end);
    char32_t c = d.valid ? d.cp : 0xFFFD;
    if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029 || (c >= 0x80 && c < 0xA0)) c = ' ';
    const int w = display_width(c);
    if (cols + static_cast<std::size_t>(w) > max_cols ||
        (cols + static_cast<std::size_t>(w) == max_cols && p + d.length < end)) {
      if (cols < max_cols) {
        out += "\u2026";  // ellipsis, one column
        ++cols;
      }
      return cols;
    }
    zhscan::utf8::append(out, c);
    cols += static_cast<std::size_t>(w);
    p += d.length;
  }
  return cols;
}

/** Columns `s` takes when displayed (as append_display prints it, uncut). */
inline std::size_t display_columns(std::string_view s) {
  std::string tmp;
  return append_display(tmp, s);
}

namespace detail {
inline void colour_on(std::string& out, const char* code) {
  if (!view_colour) return;
  out += "\x1b[";
  out += code;
  out.push_back('m');
}
inline void colour_off(std::string& out) {
  if (view_colour) out += "\x1b[0m";
}
inline void trim(std::string_view& s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
}
}  // namespace detail

/**
 * `zhscan outline --tree`: one line per section, indented two columns per depth:
 *   marker heading  [body start-end]
 * (a space between marker and heading only where the text has blanks between them).
 * The heading is cut at 60 columns (with an ellipsis); "(no sections)" when there is none.
 */
inline void cli_outline_tree(std::string_view text, std::string& out) {
  std::vector<zhscan::marker> ms;
  zhscan::find_markers(text, ms);
  std::vector<zhscan::section> secs;
  zhscan::outline(text, ms, secs);
  if (secs.empty()) {
    out += "(no sections)\n";
    return;
  }
  std::vector<std::size_t> depth(secs.size(), 0);
  for (std::size_t i = 0; i < secs.size(); ++i)
    if (secs[i].parent != zhscan::npos) depth[i] = depth[secs[i].parent] + 1;
  for (std::size_t i = 0; i < secs.size(); ++i) {
    const zhscan::section& s = secs[i];
    out.append(2 * depth[i], ' ');
    detail::colour_on(out, "1;36");
    append_display(out, ms[s.marker].span.in(text));
    detail::colour_off(out);
    std::string_view heading = s.heading.in(text);
    const bool apart = s.heading.start > ms[s.marker].span.end;  // blanks between them
    detail::trim(heading);
    if (!heading.empty()) {
      if (apart) out.push_back(' ');
      append_display(out, heading, 60);
    }
    out += "  ";
    detail::colour_on(out, "2");
    out.push_back('[');
    json_uint(out, s.body.start);
    out.push_back('-');
    json_uint(out, s.body.end);
    out.push_back(']');
    detail::colour_off(out);
    out.push_back('\n');
  }
}

namespace detail {
/** The value column of the table: a value, low~high for a range, a:b for a ratio. */
inline void table_value(const zhscan::metric& m, std::string& out) {
  if (m.shape == zhscan::metric_shape::range) {
    json_double(out, m.low);
    out.push_back('~');
    json_double(out, m.high);
  } else if (m.shape == zhscan::metric_shape::ratio) {
    json_double(out, m.ratio_a);
    out.push_back(':');
    json_double(out, m.ratio_b);
  } else {
    json_double(out, m.value);
  }
}
}  // namespace detail

/**
 * `zhscan metrics --table`: a header and one row per metric, columns text, value, unit,
 * approx (empty when exact), section (the heading label of the metric's innermost section:
 * its marker and heading text, zhscan::heading_label; empty before the first marker), separated by two spaces and
 * aligned by display width; texts longer than 40 columns are cut with an ellipsis. Nothing
 * when the text holds no metric.
 */
inline void cli_metrics_table(std::string_view text, std::string& out) {
  std::vector<zhscan::metric> ms;
  zhscan::find_metrics(text, ms);
  if (ms.empty()) return;
  std::vector<zhscan::marker> markers;
  zhscan::find_markers(text, markers);
  std::vector<zhscan::section> sections;
  zhscan::outline(text, markers, sections);
  constexpr std::size_t ncol = 5;
  static const char* const header[ncol] = {"text", "value", "unit", "approx", "section"};
  static const char* const colour[ncol] = {"1", "33", "32", "35", "36"};
  std::vector<std::array<std::string, ncol>> rows(ms.size() + 1);
  for (std::size_t c = 0; c < ncol; ++c) rows[0][c] = header[c];
  std::string unit;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const zhscan::metric& m = ms[i];
    auto& row = rows[i + 1];
    append_display(row[0], m.span.in(text), 40);
    detail::table_value(m, row[1]);
    unit.clear();
    m.append_unit(unit);
    append_display(row[2], unit, 30);
    if (m.approx != zhscan::approximation::none) row[3] = std::string(zhscan::to_string(m.approx));
    const std::size_t sec = zhscan::section_at(markers, sections, m.span.start);
    if (sec != zhscan::npos) append_display(row[4], zhscan::heading_label(markers, sections, sec).in(text), 30);
  }
  std::array<std::size_t, ncol> width{};
  for (const auto& row : rows)
    for (std::size_t c = 0; c < ncol; ++c) width[c] = std::max(width[c], display_columns(row[c]));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::size_t pad = 0;
    for (std::size_t c = 0; c < ncol; ++c) {  // empty cells at the end leave no blanks
      const std::string& cell = rows[r][c];
      if (cell.empty() && r != 0) {
        pad += width[c] + 2;
        continue;
      }
      out.append(pad, ' ');
      const bool right = c == 1 && r != 0;  // numbers right-aligned
      const std::size_t w = display_columns(cell);
      if (right) out.append(width[c] - w, ' ');
      detail::colour_on(out, r == 0 ? "4" : colour[c]);
      out += cell;
      detail::colour_off(out);
      pad = (right ? 0 : width[c] - w) + 2;
    }
    out.push_back('\n');
  }
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_VIEWS_HPP
