// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_UTF8_HPP
#define ZHSCAN_UTF8_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common.hpp"
#include "detail/cpu.hpp"
#include "detail/simd_utf8.hpp"

/**
 * UTF-8 decoding and validation.
 *
 * Ill-formed input follows the Unicode "maximal subpart" practice (The Unicode Standard,
 * ch. 3, "U+FFFD Substitution of Maximal Subparts", Table 3-7 of well-formed byte
 * sequences; the same rule as the WHATWG Encoding Standard's UTF-8 decoder and Python's
 * `bytes.decode('utf-8', 'replace')`): a lead byte followed by the longest prefix of a
 * well-formed sequence that the bytes allow is one error; every other ill-formed byte is an
 * error on its own. Overlongs (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF),
 * code points above U+10FFFF (F4 90.., F5..FF), stray continuation bytes and sequences cut
 * by the end of the buffer are all errors. NUL is a valid code point.
 */
namespace zhscan {
namespace utf8 {

/** Result of decoding one code point. */
struct decoded {
  char32_t cp;          ///< the code point, or U+FFFD when `!valid`
  std::uint8_t length;  ///< bytes consumed, 1..4; for an error the maximal subpart's length
  bool valid;           ///< false for an ill-formed (maximal) subpart
};

namespace detail {

// Range of the second byte allowed after each lead byte (Unicode Table 3-7); a lead byte
// that can start no sequence has lo > hi. Index: lead byte - 0xC0.
struct second_range {
  std::uint8_t lo, hi, length;
};

constexpr second_range second_byte_range(unsigned char lead) noexcept {
  if (lead < 0xC2) return {1, 0, 1};
  if (lead < 0xE0) return {0x80, 0xBF, 2};
  if (lead == 0xE0) return {0xA0, 0xBF, 3};
  if (lead == 0xED) return {0x80, 0x9F, 3};
  if (lead < 0xF0) return {0x80, 0xBF, 3};
  if (lead == 0xF0) return {0x90, 0xBF, 4};
  if (lead < 0xF4) return {0x80, 0xBF, 4};
  if (lead == 0xF4) return {0x80, 0x8F, 4};
  return {1, 0, 1};
}

constexpr bool is_continuation(unsigned char b) noexcept { return (b & 0xC0) == 0x80; }

}  // namespace detail

/**
 * Decodes the code point that starts at `p`.
 *
 * Requires `p < end`. Never reads at or past `end`. On a well-formed sequence returns the
 * code point and its length; otherwise returns `{U+FFFD, n, false}` where `n` is the length
 * of the maximal subpart starting at `p` (at least 1). No throw, no alloc.
 */
constexpr decoded decode(const char* p, const char* end) noexcept {
  const auto b0 = static_cast<unsigned char>(p[0]);
  if (b0 < 0x80) return {b0, 1, true};
  const detail::second_range r = detail::second_byte_range(b0);
  if (r.lo > r.hi) return {0xFFFD, 1, false};
  if (end - p < 2) return {0xFFFD, 1, false};
  const auto b1 = static_cast<unsigned char>(p[1]);
  if (b1 < r.lo || b1 > r.hi) return {0xFFFD, 1, false};
  if (r.length == 2) return {static_cast<char32_t>(((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu)), 2, true};
  if (end - p < 3) return {0xFFFD, 2, false};
  const auto b2 = static_cast<unsigned char>(p[2]);
  if (!detail::is_continuation(b2)) return {0xFFFD, 2, false};
  if (r.length == 3)
    return {static_cast<char32_t>(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu)), 3,
            true};
  if (end - p < 4) return {0xFFFD, 3, false};
  const auto b3 = static_cast<unsigned char>(p[3]);
  if (!detail::is_continuation(b3)) return {0xFFFD, 3, false};
  return {static_cast<char32_t>(((b0 & 0x07u) << 18) | ((b1 & 0x3Fu) << 12) |
                                ((b2 & 0x3Fu) << 6) | (b3 & 0x3Fu)),
          4, true};
}

/** Decodes the code point at byte offset `pos` of `s` (requires `pos < s.size()`). */
constexpr decoded decode(std::string_view s, std::size_t pos) noexcept {
  return decode(s.data() + pos, s.data() + s.size());
}

/** Result of `validate`. */
struct validate_result {
  errc ec;                   ///< errc::ok or errc::invalid_utf8
  std::size_t error_offset;  ///< byte offset of the first ill-formed subpart; size() when ok
  /** True when the input is well-formed UTF-8. */
  constexpr bool ok() const noexcept { return ec == errc::ok; }
  /** Same as `ok()`. */
  constexpr explicit operator bool() const noexcept { return ok(); }
};

namespace detail {
/** Portable scalar validation; the reference for the SIMD paths. */
constexpr validate_result validate_scalar(std::string_view s) noexcept {
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* p = begin;
  while (p < end) {
    const auto b0 = static_cast<unsigned char>(*p);
    if (b0 < 0x80) {
      ++p;
      continue;
    }
    // Fast path for the 3-byte sequences of Chinese text: leads E1..EC, EE, EF accept any
    // two continuation bytes.
    if (b0 >= 0xE1 && b0 != 0xED && b0 <= 0xEF && end - p >= 3 &&
        detail::is_continuation(static_cast<unsigned char>(p[1])) &&
        detail::is_continuation(static_cast<unsigned char>(p[2]))) {
      p += 3;
      continue;
    }
    const decoded d = decode(p, end);
    if (!d.valid) return {errc::invalid_utf8, static_cast<std::size_t>(p - begin)};
    p += d.length;
  }
  return {errc::ok, s.size()};
}
}  // namespace detail

/**
 * Checks that `s` is well-formed UTF-8.
 *
 * Returns `{errc::ok, s.size()}` for valid input, else `{errc::invalid_utf8, offset}` with
 * the offset of the first ill-formed subpart. Uses AVX-512 or AVX2 when the CPU has them (NEON on aarch64)
 * (chosen at run time; `level` caps the choice, simd_level::scalar forces the portable
 * code); every level gives the same result. No throw, no alloc.
 */
inline validate_result validate(std::string_view s, simd_level level = simd_level::best) noexcept {
  std::size_t start = 0;
#if ZHSCAN_X86_SIMD
  const simd_level lv = zhscan::detail::effective_simd_level(level);
  if (lv == simd_level::avx512) start = zhscan::detail::validate_prefix_avx512(s.data(), s.size());
  else if (lv == simd_level::avx2) start = zhscan::detail::validate_prefix_avx2(s.data(), s.size());
#elif ZHSCAN_NEON_SIMD
  if (zhscan::detail::effective_simd_level(level) == simd_level::neon)
    start = zhscan::detail::validate_prefix_neon(s.data(), s.size());
#else
  (void)level;
#endif
  const validate_result r = detail::validate_scalar(s.substr(start));
  return r.ok() ? validate_result{errc::ok, s.size()}
                : validate_result{errc::invalid_utf8, start + r.error_offset};
}

/** Number of code points in `s`, counting each ill-formed maximal subpart as one. */
constexpr std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    p += decode(p, end).length;
    ++n;
  }
  return n;
}

/** Number of ill-formed maximal subparts in `s` (= U+FFFD a replacing decoder emits). */
constexpr std::size_t count_invalid(std::string_view s) noexcept {
  std::size_t n = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const decoded d = decode(p, end);
    n += d.valid ? 0u : 1u;
    p += d.length;
  }
  return n;
}

/** Appends the UTF-8 encoding of `cp` (U+FFFD if not a scalar value) to `out` via push_back. */
template <class String>
void append(String& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace utf8
}  // namespace zhscan

#endif  // ZHSCAN_UTF8_HPP
