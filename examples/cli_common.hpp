// SPDX-License-Identifier: MIT
// Helpers shared by the zhscan command-line program's subcommands: JSON output.
#ifndef ZHSCAN_EXAMPLES_CLI_COMMON_HPP
#define ZHSCAN_EXAMPLES_CLI_COMMON_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <algorithm>
#include <string>
#include <string_view>
#include <system_error>

#include "zhscan/common.hpp"
#include "zhscan/decimal.hpp"
#include "zhscan/utf8.hpp"

namespace zhscan_cli {

/**
 * An output buffer for the hot paths (metrics and tokens of large inputs): appending a
 * literal or a short string is an inline copy, and json_string and the numbers below write
 * straight into it. Used like std::string in the line writers, which take either.
 * operator+= with a char array takes the array's length less one: string literals only.
 */
class json_buf {
 public:
  json_buf() = default;
  json_buf(const json_buf&) = delete;
  json_buf& operator=(const json_buf&) = delete;
  json_buf(json_buf&& o) noexcept { swap(o); }
  json_buf& operator=(json_buf&& o) noexcept {
    swap(o);
    return *this;
  }
  ~json_buf() { std::free(p_); }
  void swap(json_buf& o) noexcept {
    std::swap(p_, o.p_);
    std::swap(n_, o.n_);
    std::swap(cap_, o.cap_);
    std::swap(vb_, o.vb_);
    std::swap(ve_, o.ve_);
  }

  std::size_t size() const noexcept { return n_; }
  const char* data() const noexcept { return p_; }
  std::string_view view() const noexcept { return p_ ? std::string_view(p_, n_) : std::string_view(); }
  void clear() noexcept { n_ = 0; }

  /** Declares `t` well-formed UTF-8 (checked by the caller): json_string of a piece of it
   *  that starts and ends at character boundaries takes the fast path. */
  void set_valid_text(std::string_view t) noexcept {
    vb_ = t.data();
    ve_ = t.data() + t.size();
  }
  /** Whether `s` lies in the declared text at character boundaries (so is well-formed). */
  bool known_valid(std::string_view s) const noexcept {
    const char* b = s.data();
    const char* e = b + s.size();
    if (!vb_ || b < vb_ || e > ve_ || s.empty()) return false;
    return (static_cast<unsigned char>(*b) & 0xC0u) != 0x80u &&
           (e == ve_ || (static_cast<unsigned char>(*e) & 0xC0u) != 0x80u);
  }

  /** Capacity for `n` bytes in all; returns whether it grew (then the new storage is untouched). */
  bool reserve(std::size_t n) {
    if (cap_ > n) return false;
    grow(n - n_);
    return true;
  }

  /** Room for `k` more bytes: write there, then commit() the end of what was written. */
  ZHSCAN_ALWAYS_INLINE char* room(std::size_t k) {
    if (cap_ - n_ <= k) grow(k);
    return p_ + n_;
  }
  ZHSCAN_ALWAYS_INLINE void commit(char* end) noexcept { n_ = static_cast<std::size_t>(end - p_); }

  ZHSCAN_ALWAYS_INLINE void append(const char* s, std::size_t k) {
    std::memcpy(room(k), s, k);
    n_ += k;
  }
  template <std::size_t N>
  ZHSCAN_ALWAYS_INLINE json_buf& operator+=(const char (&lit)[N]) {
    append(lit, N - 1);
    return *this;
  }
  ZHSCAN_ALWAYS_INLINE json_buf& operator+=(std::string_view s) {
    append(s.data(), s.size());
    return *this;
  }
  ZHSCAN_ALWAYS_INLINE void push_back(char c) {
    *room(1) = c;
    ++n_;
  }

 private:
  void grow(std::size_t k) {
    std::size_t c = std::max<std::size_t>(cap_ * 2, 4096);
    while (c - n_ <= k) c *= 2;
    void* q = std::realloc(p_, c);
    if (!q) std::abort();
    p_ = static_cast<char*>(q);
    cap_ = c;
  }

  char* p_ = nullptr;
  std::size_t n_ = 0, cap_ = 0;
  const char* vb_ = nullptr;
  const char* ve_ = nullptr;
};

namespace detail {

inline constexpr char digit_pairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

inline constexpr std::uint64_t pow10_table[20] = {
    1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
    1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
    100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
    1000000000000000000ull, 10000000000000000000ull};

/** Writes the decimal digits of `v` at `p` (at most 20 bytes); returns the end. */
inline char* write_u64(char* p, std::uint64_t v) noexcept {
  char tmp[20];
  char* const e = tmp + 20;
  char* q = e;
  while (v >= 100) {
    const auto r = static_cast<unsigned>(v % 100);
    v /= 100;
    q -= 2;
    std::memcpy(q, digit_pairs + 2 * r, 2);
  }
  if (v >= 10) {
    q -= 2;
    std::memcpy(q, digit_pairs + 2 * v, 2);
  } else {
    *--q = static_cast<char>('0' + v);
  }
  const auto n = static_cast<std::size_t>(e - q);
  std::memcpy(p, q, n);
  return p + n;
}

/**
 * Writes an exact decimal as decimal::to_chars does (the shortest exact form: 20100, 8.5,
 * 0.05, -3) when its integer digits fit 64 bits and it has at most 19 fraction digits (at
 * most 42 bytes); returns nullptr, writing nothing, otherwise.
 */
inline char* write_decimal_short(char* p, const zhscan::decimal& d) noexcept {
  std::uint64_t m = d.significand;
  std::int32_t e = d.exponent;
  if (m == 0) {
    *p = '0';
    return p + 1;
  }
  while (e < 0 && m % 10u == 0) {
    m /= 10u;
    ++e;
  }
  if (e >= 0) {
    if (e > 19 || m > ~std::uint64_t(0) / pow10_table[e]) return nullptr;
    if (d.negative) *p++ = '-';
    return write_u64(p, m * pow10_table[e]);
  }
  if (e < -19) return nullptr;
  const std::uint64_t pw = pow10_table[-e];
  if (d.negative) *p++ = '-';
  p = write_u64(p, m / pw);
  *p++ = '.';
  char frac[20];
  char* const fe = write_u64(frac, m % pw);
  const auto nf = static_cast<std::size_t>(fe - frac), want = static_cast<std::size_t>(-e);
  for (std::size_t i = nf; i < want; ++i) *p++ = '0';
  std::memcpy(p, frac, nf);
  return p + nf;
}

}  // namespace detail

/**
 * Writes `s` as a JSON string literal at `o`, which has room for 2 + 6 * s.size() bytes (an
 * escape takes at most 6 bytes per input byte); returns the end. Ill-formed UTF-8 becomes
 * U+FFFD (as \ufffd, one per maximal subpart), the ASCII controls, DEL, '"' and '\\' are
 * escaped, and so are U+2028 and U+2029 (they break JavaScript consumers of JSON).
 * `known_valid`: `s` is well-formed UTF-8 (checked by the caller), so only those escapes are
 * looked for. Copies as it scans (the strings are short: no run is worth a memcpy call).
 */
inline char* json_string_to(char* o, std::string_view s, bool known_valid) noexcept {
  static const char hex[] = "0123456789abcdef";
  *o++ = '"';
  const char* p = s.data();
  const char* const end = p + s.size();
  if (known_valid) {  // well-formed: only the ASCII escapes and U+2028/U+2029 (E2 80 A8/A9)
    while (p < end) {
      const auto c = static_cast<unsigned char>(*p);
      if (ZHSCAN_LIKELY(c >= 0x20 && c != '"' && c != '\\' && c != 0x7F && c != 0xE2)) {
        *o++ = static_cast<char>(c);
        ++p;
        continue;
      }
      if (c == 0xE2 && p[1] == '\x80' && (p[2] == '\xA8' || p[2] == '\xA9')) {
        std::memcpy(o, p[2] == '\xA8' ? "\\u2028" : "\\u2029", 6);
        o += 6;
        p += 3;
        continue;
      }
      if (c == 0xE2) {
        *o++ = static_cast<char>(c);
        ++p;
        continue;
      }
      break;  // an ASCII escape: below
    }
  }
  while (p < end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      if (ZHSCAN_LIKELY(c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)) {
        *o++ = static_cast<char>(c);
        ++p;
        continue;
      }
      *o++ = '\\';
      switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        default:
          std::memcpy(o, "u00", 3);
          o[3] = hex[c >> 4];
          o[4] = hex[c & 15];
          o += 5;
      }
      ++p;
      continue;
    }
    if ((c & 0xF0u) == 0xE0u && end - p >= 3) {  // Han, CJK punctuation: inline
      const auto b1 = static_cast<unsigned char>(p[1]), b2 = static_cast<unsigned char>(p[2]);
      const char32_t cp = char32_t(((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
      if ((b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) &&
          cp != 0x2028 && cp != 0x2029) {
        o[0] = p[0];
        o[1] = p[1];
        o[2] = p[2];
        o += 3;
        p += 3;
        continue;
      }
    }
    const zhscan::utf8::decoded d = zhscan::utf8::decode(p, end);
    const std::size_t len = d.length ? d.length : 1;
    if (d.valid && d.cp != 0x2028 && d.cp != 0x2029) {
      std::memcpy(o, p, len);
      o += len;
    } else {
      std::memcpy(o, !d.valid ? "\\ufffd" : d.cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
      o += 6;
    }
    p += len;
  }
  *o++ = '"';
  return o;
}

/** Appends `s` as a JSON string literal (see json_string_to). */
inline void json_string(json_buf& out, std::string_view s) {
  out.commit(json_string_to(out.room(2 + 6 * s.size()), s, out.known_valid(s)));
}

/** Appends `s` as a JSON string literal; ill-formed UTF-8 becomes U+FFFD (as \ufffd). */
inline void json_string(std::string& out, std::string_view s) {
  if (s.size() <= 64) {  // the common case: made on the stack, appended at once
    char buf[2 + 6 * 64];
    out.append(buf, static_cast<std::size_t>(json_string_to(buf, s, false) - buf));
    return;
  }
  const std::size_t old = out.size();
  out.resize(old + 2 + 6 * s.size());
  out.resize(static_cast<std::size_t>(json_string_to(&out[old], s, false) - out.data()));
}

/** Appends `"name"`: a name that needs no escape (the ASCII names of the library's enums). */
template <class Out>
ZHSCAN_ALWAYS_INLINE void json_name(Out& out, std::string_view name) {
  out.push_back('"');
  out.append(name.data(), name.size());
  out.push_back('"');
}

/** Appends an unsigned integer. */
template <class Out>
inline void json_uint(Out& out, std::uint64_t v) {
  char buf[24];
  out.append(buf, static_cast<std::size_t>(detail::write_u64(buf, v) - buf));
}
inline void json_uint(json_buf& out, std::uint64_t v) { out.commit(detail::write_u64(out.room(20), v)); }

/** Appends a signed integer. */
template <class Out>
inline void json_int(Out& out, std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/**
 * Appends a number in its shortest round-trip form; integral values print without a
 * fraction (137300, not 137300.0); NaN and infinities print as null.
 */
template <class Out>
inline void json_double(Out& out, double v) {
  if (!std::isfinite(v)) {
    out.append("null", 4);
    return;
  }
  if (v == 0) v = 0;  // no "-0"
  if (std::fabs(v) < 9.007199254740992e15 && v == std::trunc(v)) {
    json_int(out, static_cast<std::int64_t>(v));
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/**
 * Appends an exact decimal in its shortest exact form (2.01 wan -> 20100, 8.5); NaN prints
 * as null; an inexact decimal (more than 19 significant digits, a quotient that does not
 * terminate: 1/3) prints its double as json_double does.
 */
template <class Out>
inline void json_decimal(Out& out, const zhscan::decimal& d) {
  if (d.nan || d.inexact) {
    json_double(out, d.to_double());
    return;
  }
  char buf[zhscan::decimal_buffer_size > 48 ? zhscan::decimal_buffer_size : 48];
  char* e = detail::write_decimal_short(buf, d);
  if (!e) e = d.to_chars(buf, buf + sizeof buf).ptr;
  out.append(buf, static_cast<std::size_t>(e - buf));
}

/** Appends `"key":` (key is a plain ASCII literal). */
template <class Out>
inline void json_key(Out& out, std::string_view key) {
  out.push_back('"');
  out.append(key.data(), key.size());
  out.append("\":", 2);
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_COMMON_HPP
