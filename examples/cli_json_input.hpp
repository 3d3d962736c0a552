// SPDX-License-Identifier: MIT
// A small strict JSON reader for the batch mode of the zhscan program: one object per
// line, {"id": <any JSON value>, "text": "<string>"}. It never throws; errors come back
// as a message so that the run can go on with the next line.
#ifndef ZHSCAN_EXAMPLES_CLI_JSON_INPUT_HPP
#define ZHSCAN_EXAMPLES_CLI_JSON_INPUT_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "zhscan/utf8.hpp"

namespace zhscan_cli {

/** One parsed batch record. */
struct batch_record {
  std::string_view id_raw;  ///< the id's JSON text as written (any JSON value); empty if absent
  std::string text;         ///< the decoded "text" string
  bool has_text = false;
};

namespace detail {

class json_reader {
 public:
  explicit json_reader(std::string_view s) : s_(s) {}

  // Parses one object; returns nullptr on success or a static message.
  const char* parse_record(batch_record& rec) {
    skip_ws();
    if (!eat('{')) return "expected '{'";
    skip_ws();
    if (eat('}')) return finish();
    for (;;) {
      skip_ws();
      std::string key;
      if (const char* e = parse_string(&key)) return e;
      skip_ws();
      if (!eat(':')) return "expected ':'";
      skip_ws();
      const std::size_t vstart = i_;
      if (key == "text") {
        if (i_ >= s_.size() || s_[i_] != '"') return "\"text\" must be a string";
        rec.text.clear();
        if (const char* e = parse_string(&rec.text)) return e;
        rec.has_text = true;
      } else {
        if (const char* e = skip_value(0)) return e;
        if (key == "id") rec.id_raw = s_.substr(vstart, i_ - vstart);
      }
      skip_ws();
      if (eat(',')) continue;
      if (eat('}')) return finish();
      return "expected ',' or '}'";
    }
  }

 private:
  const char* finish() {
    skip_ws();
    return i_ == s_.size() ? nullptr : "trailing characters after the object";
  }
  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n'))
      ++i_;
  }
  bool eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool read_hex4(unsigned& v) {
    if (s_.size() - i_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex_value(s_[i_ + static_cast<std::size_t>(k)]);
      if (h < 0) return false;
      v = v * 16 + static_cast<unsigned>(h);
    }
    i_ += 4;
    return true;
  }
  // Parses a string at i_ into *out (if non-null). Invalid UTF-8 inside is kept as bytes:
  // the scanner handles it like any other input.
  const char* parse_string(std::string* out) {
    if (!eat('"')) return "expected a string";
    for (;;) {
      if (i_ >= s_.size()) return "unterminated string";
      const char c = s_[i_];
      if (c == '"') {
        ++i_;
        return nullptr;
      }
      if (static_cast<unsigned char>(c) < 0x20) return "control character in string";
      if (c != '\\') {
        if (out) out->push_back(c);
        ++i_;
        continue;
      }
      ++i_;
      if (i_ >= s_.size()) return "unterminated escape";
      const char e = s_[i_++];
      char32_t cp = 0;
      switch (e) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u': {
          unsigned u = 0;
          if (!read_hex4(u)) return "bad \\u escape";
          cp = u;
          if (u >= 0xD800 && u <= 0xDBFF && s_.size() - i_ >= 6 && s_[i_] == '\\' &&
              s_[i_ + 1] == 'u') {
            const std::size_t save = i_;
            i_ += 2;
            unsigned lo = 0;
            if (read_hex4(lo) && lo >= 0xDC00 && lo <= 0xDFFF)
              cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            else
              i_ = save;
          }
          break;
        }
        default: return "bad escape";
      }
      if (out) zhscan::utf8::append(*out, cp);
    }
  }
  const char* skip_value(int depth) {
    if (depth > 256) return "nesting too deep";
    skip_ws();
    if (i_ >= s_.size()) return "expected a value";
    const char c = s_[i_];
    if (c == '"') return parse_string(nullptr);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      skip_ws();
      if (eat(close)) return nullptr;
      for (;;) {
        skip_ws();
        if (c == '{') {
          if (const char* e = parse_string(nullptr)) return e;
          skip_ws();
          if (!eat(':')) return "expected ':'";
        }
        if (const char* e = skip_value(depth + 1)) return e;
        skip_ws();
        if (eat(',')) continue;
        if (eat(close)) return nullptr;
        return "expected ',' or a closing bracket";
      }
    }
    for (std::string_view lit : {std::string_view("true"), std::string_view("false"),
                                 std::string_view("null")}) {
      if (s_.substr(i_, lit.size()) == lit) {
        i_ += lit.size();
        return nullptr;
      }
    }
    // number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const std::size_t start = i_;
    eat('-');
    auto digits = [&] {
      const std::size_t d = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ - d;
    };
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (digits() == 0) {
      i_ = start;
      return "expected a value";
    }
    if (eat('.') && digits() == 0) return "bad number";
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (!eat('+')) eat('-');
      if (digits() == 0) return "bad number";
    }
    return nullptr;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace detail

/**
 * Appends a JSON value's text as read (a batch record's id) with every ill-formed UTF-8
 * sequence replaced by the escape \ufffd (U+FFFD), so that the output stays UTF-8. The
 * reader accepts bytes >= 0x80 only inside strings, where the escape is valid JSON.
 */
inline void json_raw_utf8(std::string& out, std::string_view raw) {
  const char* p = raw.data();
  const char* const end = p + raw.size();
  while (p < end) {
    const char* q = p;
    while (q < end && static_cast<unsigned char>(*q) < 0x80) ++q;
    out.append(p, q);
    p = q;
    if (p == end) break;
    const zhscan::utf8::decoded d = zhscan::utf8::decode(p, end);
    if (d.valid) out.append(p, d.length);
    else out += "\\ufffd";
    p += d.length;
  }
}

/** Parses one batch line; returns nullptr on success or a short error message. */
inline const char* parse_batch_line(std::string_view line, batch_record& rec) {
  rec.id_raw = {};
  rec.has_text = false;
  detail::json_reader r(line);
  if (const char* e = r.parse_record(rec)) return e;
  if (!rec.has_text) return "missing \"text\" string";
  return nullptr;
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_JSON_INPUT_HPP
