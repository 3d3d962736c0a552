// SPDX-License-Identifier: MIT
// Helpers shared by the zhscan command-line program's subcommands: JSON output.
#ifndef ZHSCAN_EXAMPLES_CLI_COMMON_HPP
#define ZHSCAN_EXAMPLES_CLI_COMMON_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

#include "zhscan/decimal.hpp"
#include "zhscan/utf8.hpp"

namespace zhscan_cli {

/** Appends `s` as a JSON string literal; ill-formed UTF-8 becomes U+FFFD (as \ufffd). */
inline void json_string(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out.push_back('"');
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    // a run that needs no escape is appended at once
    const char* const run = p;
    while (p < end) {
      const auto b = static_cast<unsigned char>(*p);
      if (b < 0x80) {
        if (b < 0x20 || b == '"' || b == '\\' || b == 0x7F) break;
        ++p;
        continue;
      }
      const zhscan::utf8::decoded d = zhscan::utf8::decode(p, end);
      if (!d.valid || d.cp == 0x2028 || d.cp == 0x2029) break;
      p += d.length;
    }
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
          } else {
            out.push_back(static_cast<char>(c));
          }
      }
      ++p;
      continue;
    }
    const zhscan::utf8::decoded d = zhscan::utf8::decode(p, end);
    if (d.valid && d.cp != 0x2028 && d.cp != 0x2029) {
      out.append(p, d.length);
    } else if (d.valid) {  // U+2028/2029 break JavaScript consumers of JSON
      out += d.cp == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out += "\\ufffd";
    }
    p += d.length;
  }
  out.push_back('"');
}

/** Appends an unsigned integer. */
inline void json_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

/** Appends a signed integer. */
inline void json_int(std::string& out, std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

/**
 * Appends a number in its shortest round-trip form; integral values print without a
 * fraction (137300, not 137300.0); NaN and infinities print as null.
 */
inline void json_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  if (v == 0) v = 0;  // no "-0"
  if (std::fabs(v) < 9.007199254740992e15 && v == std::trunc(v)) {
    json_int(out, static_cast<std::int64_t>(v));
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

/**
 * Appends an exact decimal in its shortest exact form (2.01 wan -> 20100, 8.5); NaN prints
 * as null; an inexact decimal (more than 19 significant digits, a quotient that does not
 * terminate: 1/3) prints its double as json_double does.
 */
inline void json_decimal(std::string& out, const zhscan::decimal& d) {
  if (d.nan || d.inexact) {
    json_double(out, d.to_double());
    return;
  }
  char buf[zhscan::decimal_buffer_size];
  const auto r = d.to_chars(buf, buf + sizeof buf);
  out.append(buf, r.ptr);
}

/** Appends `"key":` (key is a plain ASCII literal). */
inline void json_key(std::string& out, std::string_view key) {
  out.push_back('"');
  out.append(key.data(), key.size());
  out += "\":";
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_COMMON_HPP
