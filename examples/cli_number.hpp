// SPDX-License-Identifier: MIT
// `zhscan number`: one numeral string per line -> its value.
#ifndef ZHSCAN_EXAMPLES_CLI_NUMBER_HPP
#define ZHSCAN_EXAMPLES_CLI_NUMBER_HPP

#include <string>
#include <string_view>

#include "cli_common.hpp"
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

/**
 * Appends `{"input":"...","value":V}` when the whole line (blanks trimmed) is one numeral
 * (parse_number) or one fraction "X fen-zhi Y" (parse_fraction), else
 * `{"input":"...","error":"<errc name>"}` ("empty" for a blank line, "out_of_range" for a
 * numeral that overflows a double, "invalid_argument" otherwise), and a newline.
 */
inline void cli_number(std::string_view line, std::string& out) {
  out += "{\"input\":";
  json_string(out, line);
  const std::string_view s = trim_numeral_line(line);
  const char* const end = s.data() + s.size();
  zhscan::errc ec = zhscan::errc::invalid_argument;
  zhscan::decimal value;
  if (s.empty()) {
    ec = zhscan::errc::empty;
  } else {
    const zhscan::number_result r = zhscan::parse_number(s);
    if (r.ptr == end && r.ec != zhscan::errc::invalid_argument) {
      ec = r.ec;
      value = r.exact;
    } else {
      const zhscan::fraction_result f = zhscan::parse_fraction(s);
      if (f && f.ptr == end) {
        ec = zhscan::errc::ok;
        value = f.exact;
      }
    }
  }
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
