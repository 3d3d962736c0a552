// SPDX-License-Identifier: MIT
// `zhscan number`: one numeral string per line -> its value.
#ifndef ZHSCAN_EXAMPLES_CLI_NUMBER_HPP
#define ZHSCAN_EXAMPLES_CLI_NUMBER_HPP

#include <string>
#include <string_view>

#include "cli_common.hpp"
#include "zhscan/detail/numeral_spaced.hpp"
#include "zhscan/numeral.hpp"

namespace zhscan_cli {

/** `line` without leading and trailing ASCII blanks and ideographic spaces (U+3000). */
inline std::string_view trim_numeral_line(std::string_view line) {
  const auto blank_at_front = [](std::string_view s) -> std::size_t {
    if (s.empty()) return 0;
    const char c = s.front();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (s.size() >= 3 && s.compare(0, 3, "\xE3\x80\x80") == 0) return 3;  // U+3000
    return 0;
  };
  const auto blank_at_back = [](std::string_view s) -> std::size_t {
    if (s.empty()) return 0;
    const char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
    if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE3\x80\x80") == 0) return 3;
    return 0;
  };
  for (std::size_t n; (n = blank_at_front(line)) != 0;) line.remove_prefix(n);
  for (std::size_t n; (n = blank_at_back(line)) != 0;) line.remove_suffix(n);
  return line;
}

/** `s` read whole as one numeral (parse_number) or one fraction (parse_fraction): errc::ok
 *  and `value`, or the error. */
inline zhscan::errc whole_numeral(std::string_view s, zhscan::decimal& value) {
  const char* const end = s.data() + s.size();
  const zhscan::number_result r = zhscan::parse_number(s);
  if (r.ptr == end && r.ec != zhscan::errc::invalid_argument) {
    value = r.exact;
    return r.ec;
  }
  const zhscan::fraction_result f = zhscan::parse_fraction(s);
  if (f && f.ptr == end) {
    value = f.exact;
    return zhscan::errc::ok;
  }
  return zhscan::errc::invalid_argument;
}

/**
 * The value of one line of `zhscan number` (blanks trimmed): the whole line as one numeral
 * or fraction; failing that, when the line has a Han character and single spaces (text from
 * PDF or OCR: "yi bai wu shi" with spaces, "fu 1,200,000", "1 2 0 0 wan"), the line without
 * the spaces a spaced-out line loses in find_metrics (zhscan/detail/numeral_spaced.hpp).
 * A line of ASCII only keeps its spaces ("2 3" is no numeral). errc::empty for a blank line.
 */
inline zhscan::errc numeral_line_value(std::string_view line, zhscan::decimal& value) {
  const std::string_view s = trim_numeral_line(line);
  if (s.empty()) return zhscan::errc::empty;
  const zhscan::errc ec = whole_numeral(s, value);
  if (ec != zhscan::errc::invalid_argument || s.find(' ') == std::string_view::npos) return ec;
  bool han = false;
  for (const char c : s) han = han || static_cast<unsigned char>(c) >= 0x80u;
  if (!han) return ec;
  std::string joined;
  joined.reserve(s.size());
  const char* const b = s.data();
  const char* const e = b + s.size();
  for (const char* q = b; q < e; ++q)
    if (!(*q == ' ' && zhscan::detail::removable_space(b, e, q))) joined.push_back(*q);
  return joined.size() < s.size() ? whole_numeral(joined, value) : ec;
}

/**
 * Appends `{"input":"...","value":V}` when the line is one numeral (numeral_line_value), else
 * `{"input":"...","error":"<errc name>"}` ("empty" for a blank line, "out_of_range" for a
 * numeral that overflows a double, "invalid_argument" otherwise), and a newline.
 */
inline void cli_number(std::string_view line, std::string& out) {
  out += "{\"input\":";
  json_string(out, line);
  zhscan::decimal value;
  const zhscan::errc ec = numeral_line_value(line, value);
  if (ec == zhscan::errc::ok) {
    out += ",\"value\":";
    json_decimal(out, value);
  } else {
    out += ",\"error\":";
    json_string(out, zhscan::to_string(ec));
  }
  out += "}\n";
}

}  // namespace zhscan_cli

#endif
