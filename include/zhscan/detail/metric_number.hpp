// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_METRIC_NUMBER_HPP
#define ZHSCAN_DETAIL_METRIC_NUMBER_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "../common.hpp"
#include "../numeral.hpp"
#include "metric_text.hpp"
#include "numeral_table.hpp"

/**
 * The number grammar of the metric scanner: the extent and structure of an Arabic or Han
 * numeral run at a trigger. Values come from zhscan::parse_number (numeral.hpp); the parts
 * that only quantities have (ji "a few" as a digit, liang san "two or three" as a range,
 * digit-by-digit runs that only years use) are classified here.
 */
namespace zhscan {
namespace detail {

inline constexpr char32_t cp_ji = 0x51E0;       // ji, "a few" (simplified)
inline constexpr char32_t cp_ji_trad = 0x5E7E;  // ji, "a few" (traditional)

/** Role of a character inside a Han numeral run (numeral_kind plus ji). */
enum class han_role : std::uint8_t { none, digit, liang, tens, small_unit, big_unit, point, circle, ji };

/** The grammar's role of a numeral character of kind `k` (ji is told apart by the callers). */
constexpr han_role han_role_of_kind(numeral_kind k) noexcept {
  switch (k) {
    case numeral_kind::digit: return han_role::digit;
    case numeral_kind::liang: return han_role::liang;
    case numeral_kind::tens: return han_role::tens;
    case numeral_kind::small_unit: return han_role::small_unit;
    case numeral_kind::big_unit: return han_role::big_unit;
    case numeral_kind::point: return han_role::point;
    case numeral_kind::circle: return han_role::circle;
    default: return han_role::none;
  }
}

/** Role of the decoded character `c`; its numeric value goes to `value`. */
inline han_role han_role_of(char32_t c, unsigned& value) noexcept {
  if (c == cp_ji || c == cp_ji_trad) {
    value = 0;
    return han_role::ji;
  }
  const numeral_char n = numeral_info(c);
  value = n.value;
  return han_role_of_kind(n.kind);
}

/**
 * Role of the character at `p` read from its bytes (no decoding): the same answer as
 * han_role_of on the decoded character, since every numeral character is a well-formed
 * 3-byte sequence and numeral_info_at matches exact bytes only.
 */
inline han_role han_role_at(const char* p, const char* end, unsigned& value) noexcept {
  if (end - p >= 3 && static_cast<unsigned char>(p[0]) == 0xE5u &&
      ((static_cast<unsigned char>(p[1]) == 0x87u && static_cast<unsigned char>(p[2]) == 0xA0u) ||
       (static_cast<unsigned char>(p[1]) == 0xB9u && static_cast<unsigned char>(p[2]) == 0xBEu))) {
    value = 0;  // U+51E0 / U+5E7E ji
    return han_role::ji;
  }
  const numeral_char n = numeral_info_at(p, end);
  value = n.value;
  return han_role_of_kind(n.kind);
}

/** What the grammar found at a trigger. */
struct number_run {
  const char* begin = nullptr;
  const char* end = nullptr;  ///< end of the numeral as written (magnitudes included)
  double value = 0;
  bool ok = false;            ///< a usable number
  bool arabic = false;        ///< Arabic digits
  bool magnitude = false;     ///< Arabic digits followed by a Han magnitude (3.5 wan)
  bool more = false;          ///< duo / yu / ji inside: a lower bound (more_than)
  bool about = false;         ///< lai inside (shi lai ge): about
  bool digit_seq = false;     ///< Han digit by digit (er ling er san): only years use it
  bool pair_range = false;    ///< liang san, san si shi: an approximate range low..high
  double low = 0, high = 0;   ///< for pair_range (integers a * 10^k below 10^9: exact)
  decimal x = decimal::make(0);  ///< `value` exactly (value == x.to_double())
  bool integer = true;        ///< no decimal part
  bool leading_zero = false;  ///< Arabic integer part written with a leading 0 (09)
  unsigned int_digits = 0;    ///< Arabic integer digits
  unsigned han_chars = 0;     ///< Han numeral characters
  int single = -1;            ///< the digit when the run is one Han digit char (yi, er, liang=12)
  bool too_long = false;      ///< Arabic: more than max_number_chars integer digits (a code)
  const char* skip = nullptr; ///< where scanning resumes when the run is rejected
};

/** Upper bound on digits / numeral characters of a number: longer runs are codes, not numbers. */
inline constexpr unsigned max_number_chars = 24;

/**
 * End of the run of Arabic digits (ASCII or full-width) at `p` together with the separators
 * inside it: , U+FF0C . U+FF0E, each only when a digit follows. A too long number is skipped
 * to there as a whole, so that its tail is never read as a number of its own.
 */
inline const char* arabic_run_end(const char* p, const char* end) noexcept {
  const char* q = p;
  unsigned len = 0;
  while (q < end) {
    if (static_cast<unsigned>(static_cast<unsigned char>(*q) - '0') <= 9u) {
      ++q;
      continue;
    }
    if (arabic_digit_at(q, end, len) >= 0) {
      q += len;
      continue;
    }
    unsigned sep = 0;
    if (*q == ',' || *q == '.') sep = 1;
    else if (starts_with_at(q, end, "\xEF\xBC\x8C") || starts_with_at(q, end, "\xEF\xBC\x8E")) sep = 3;
    if (sep == 0 || q == p || arabic_digit_at(q + sep, end, len) < 0) break;
    q += sep;
  }
  return q;
}

/**
 * Arabic digits at `p` (ASCII or full-width), with thousands separators (1,200 / 1 U+FF0C 200:
 * groups of exactly three) and a decimal part (. or full-width U+FF0E). No magnitude.
 * More than max_number_chars integer digits: not ok, `too_long`, and `skip` past the whole
 * run (arabic_run_end).
 */
inline number_run parse_arabic(const char* p, const char* end) noexcept {
  number_run r;
  r.begin = p;
  r.arabic = true;
  if (static_cast<std::size_t>(end - p) > max_number_chars &&
      static_cast<unsigned>(static_cast<unsigned char>(p[max_number_chars]) - '0') <= 9u) {
    // a plain run of more digits than any quantity has (a code, 64 MB of digits): rejected
    // without parsing it
    const char* s = p;
    while (s < end && static_cast<unsigned>(static_cast<unsigned char>(*s) - '0') <= 9u &&
           static_cast<std::size_t>(s - p) <= max_number_chars)
      ++s;
    if (static_cast<std::size_t>(s - p) > max_number_chars) {
      r.too_long = true;
      r.end = arabic_run_end(p, end);
      r.skip = r.end;
      return r;
    }
  }
  {
    // The common case, without the general parser: at most 15 ASCII digits [. digits] (so
    // the mantissa is below 2^53 and 10^-exp an exact double: one correctly rounded IEEE
    // operation, the value parse_number gives) followed by the end, an ASCII byte other
    // than , and . or a non-ASCII byte other than EF (full-width digits, comma, point).
    const char* s = p;
    std::uint64_t m = 0;
    while (s < end && static_cast<unsigned>(static_cast<unsigned char>(*s) - '0') <= 9u)
      m = m * 10u + static_cast<unsigned>(static_cast<unsigned char>(*s++) - '0');
    const auto int_len = static_cast<unsigned>(s - p);
    unsigned frac_len = 0;
    if (end - s >= 2 && *s == '.' &&
        static_cast<unsigned>(static_cast<unsigned char>(s[1]) - '0') <= 9u) {
      ++s;
      while (s < end && static_cast<unsigned>(static_cast<unsigned char>(*s) - '0') <= 9u) {
        m = m * 10u + static_cast<unsigned>(static_cast<unsigned char>(*s++) - '0');
        ++frac_len;
      }
    }
    const auto next = s < end ? static_cast<unsigned char>(*s) : 0u;
    if (int_len + frac_len <= 15 &&
        (s == end || (next < 0x80u ? next != ',' && next != '.' : next != 0xEFu))) {
      r.end = s;
      r.skip = s;
      r.int_digits = int_len;
      r.leading_zero = int_len > 1 && *p == '0';
      r.integer = frac_len == 0;
      r.value = frac_len == 0 ? static_cast<double>(m) : static_cast<double>(m) / pow10_f64[frac_len];
      r.x = decimal::make(m, -static_cast<std::int32_t>(frac_len));
      r.ok = true;
      return r;
    }
  }
  using namespace numeral_options;
  const number_result n =
      parse_number(std::string_view(p, static_cast<std::size_t>(end - p)), no_sign | no_magnitude | no_han | no_colloquial);
  // the extent of the digits even when the parser refused them (a 64 MB digit string)
  const char* q = n.ptr && n.ptr > p ? n.ptr : p;
  unsigned len = 0;
  if (q == p)
    while (arabic_digit_at(q, end, len) >= 0) q += len;
  r.end = q;
  r.skip = q > p ? q : p + 1;
  // integer digits (counted up to max_number_chars + 1), leading zero, decimal part
  unsigned digits = 0;
  bool first_zero = false;
  bool ascii = true;
  for (const char* s2 = p; s2 < q && digits <= max_number_chars; ++s2) {  // the common case
    const unsigned b = static_cast<unsigned char>(*s2);
    if (b >= 0x80u) {
      ascii = false;
      break;
    }
    if (b == '.') break;
    if (b - '0' <= 9u) {
      if (digits == 0) first_zero = b == '0';
      ++digits;
    }
  }
  if (!ascii) {  // full-width digits or separators
    digits = 0;
    first_zero = false;
    for (const char* s2 = p; s2 < q && digits <= max_number_chars;) {
      const int d = arabic_digit_at(s2, q, len);
      if (d < 0) {
        if (*s2 == '.' || starts_with_at(s2, q, "\xEF\xBC\x8E")) break;  // (full-width) point
        s2 += (static_cast<unsigned char>(*s2) < 0x80) ? 1 : 3;
        continue;
      }
      if (digits == 0) first_zero = d == 0;
      ++digits;
      s2 += len;
    }
  }
  if (digits > max_number_chars) {
    r.too_long = true;
    r.skip = arabic_run_end(p, end);
    return r;
  }
  r.int_digits = digits;
  r.leading_zero = digits > 1 && first_zero;
  r.integer = !n.has(numeral_flags::decimal);
  if (!n || digits > max_number_chars || !std::isfinite(n.value)) return r;
  r.value = n.value;
  r.x = n.exact;
  r.ok = true;
  return r;
}

/** Power of ten of the Han magnitude character at `p` (shi bai qian wan yi), 0 if none;
 *  `len` is its byte length (3), 0 if none. */
inline unsigned magnitude_at(const char* p, const char* end, unsigned& len) noexcept {
  unsigned v = 0;
  const han_role r = han_role_at(p, end, v);
  const bool mag = r == han_role::small_unit || r == han_role::big_unit;
  len = mag ? 3 : 0;
  return mag ? v : 0;
}

/**
 * Han numeral run at `p`: extent and value. `allow_unit_start` lets the run begin with
 * bai/qian/wan (bai fen zhi bai, bai yu suo); otherwise a run starts with a digit, liang,
 * shi/nian/sa, or ji before a unit.
 */
inline number_run parse_han(const char* p, const char* end, bool allow_unit_start) noexcept {
  number_run r;
  r.begin = p;
  // 1. extent: the maximal run of numeral characters (bounded work: every char once)
  // (every numeral character is 3 bytes; the roles of the first ones are kept for steps 2-5)
  const char* q = p;
  unsigned count = 0;
  bool any_unit = false, any_ji = false, any_point = false;
  unsigned vals[max_number_chars];
  han_role roles[max_number_chars];
  while (q < end) {
    unsigned v;
    const han_role role = han_role_at(q, end, v);
    if (role == han_role::none) break;
    if (role == han_role::point) {
      // a decimal point only between numeral characters: wu dian wu
      unsigned v2;
      const han_role r2 = han_role_at(q + 3, end, v2);
      if (count == 0 || any_point || !(r2 == han_role::digit || r2 == han_role::liang)) break;
      any_point = true;
    }
    if (role == han_role::small_unit || role == han_role::big_unit || role == han_role::tens)
      any_unit = true;
    if (role == han_role::ji) any_ji = true;
    if (count < max_number_chars) {
      roles[count] = role;
      vals[count] = v;
    }
    q += 3;
    ++count;
  }
  r.end = q;
  r.skip = q > p ? q : p + 1;
  r.han_chars = count;
  if (count == 0 || count > max_number_chars) return r;
  // ling dian 77, san dian 5: a Han integer, the Han point, Arabic digits (not a clock time:
  // no fen / miao / shi / ke after the digits)
  unsigned pv = 0;
  if (!any_point && !any_ji && end - q >= 4 && static_cast<unsigned>(static_cast<unsigned char>(q[3]) - '0') <= 9u &&
      han_role_at(q, end, pv) == han_role::point) {
    const number_result n = parse_number(std::string_view(p, static_cast<std::size_t>(end - p)),
                                         numeral_options::no_sign | numeral_options::no_half);
    const std::uint32_t k = n.ptr ? (end - n.ptr >= 3 ? head_key(n.ptr, 3) : 0u) : 0u;
    if (n && n.form == numeral_form::han && n.has(numeral_flags::decimal) && n.ptr > q + 3 &&
        static_cast<unsigned>(static_cast<unsigned char>(n.ptr[-1]) - '0') <= 9u && k != utf8_key3(0x5206) &&
        k != utf8_key3(0x79D2) && k != utf8_key3(0x65F6) && k != utf8_key3(0x6642) && k != utf8_key3(0x523B) &&
        !(n.ptr < end && (*n.ptr == ':' || *n.ptr == '.'))) {
      r.value = n.value;
      r.x = n.exact;
      r.end = n.ptr;
      r.skip = n.ptr;
      r.integer = false;
      r.ok = true;
      return r;
    }
  }
  // 2. how does it start?
  {
    const unsigned v = vals[0];
    const han_role r0 = roles[0];
    if (r0 == han_role::circle || r0 == han_role::point) return r;
    if (r0 == han_role::big_unit || (r0 == han_role::small_unit && v >= 2)) {
      if (!allow_unit_start) return r;
    }
    if (r0 == han_role::ji && !any_unit) return r;  // a bare ji is not a number
    if (r0 == han_role::digit && v == 0 && count == 1) return r;  // ling alone: "zero" words
  }
  // 3. single digit and the approximate pairs (liang san, san si shi, qi ba bai)
  if (count == 1 && (roles[0] == han_role::digit || roles[0] == han_role::liang))
    r.single = roles[0] == han_role::liang ? 12 : static_cast<int>(vals[0]);
  auto is_d = [&](unsigned i) {
    return roles[i] == han_role::digit || roles[i] == han_role::liang;
  };
  if (count >= 2 && is_d(0) && is_d(1) && vals[0] >= 1 && !any_ji) {
    const unsigned a = vals[0], b = vals[1];
    const bool pair = (b == a + 1) || (a == 3 && b == 5);
    unsigned rest_pow = 0;
    bool rest_ok = count == 2;
    if (count == 3 && (roles[2] == han_role::small_unit || roles[2] == han_role::big_unit)) {
      rest_pow = vals[2];
      rest_ok = true;
    }
    if (pair && rest_ok) {
      r.pair_range = true;
      r.low = a * pow10_f64[rest_pow];
      r.high = b * pow10_f64[rest_pow];
      r.ok = true;
      return r;
    }
  }
  // 4. digit by digit (er ling er san, wu yi): years and festival names, never a quantity
  for (unsigned i = 1; i < count; ++i) {
    if (roles[i] == han_role::point) break;  // digits after the point are one by one (san dian yi si)
    const bool d0 = is_d(i - 1) || roles[i - 1] == han_role::circle;
    const bool d1 = is_d(i) || roles[i] == han_role::circle;
    const bool zero_gap = roles[i - 1] == han_role::digit && vals[i - 1] == 0 && i >= 2 &&
                          !(is_d(i - 2) || roles[i - 2] == han_role::circle);
    if (d0 && d1 && !zero_gap) {
      r.digit_seq = true;
      r.ok = true;
      return r;
    }
  }
  // 5. value: ji (a few) is ours; everything else is zhscan::parse_han_number's, but for the
  // common one-digit run (yi ge, san nian): its value, which is what parse_han_number gives
  if (count == 1 && (roles[0] == han_role::digit || roles[0] == han_role::liang)) {
    r.value = vals[0];
    r.x = decimal::make(vals[0]);
    r.end = q;
    r.ok = true;
    return r;  // (a ji after it would have joined the run)
  }
  const std::string_view run(p, static_cast<std::size_t>(q - p));
  if (roles[0] == han_role::ji) {
    // ji shi / ji bai / ji qian / ji wan (shi wan): a few tens... -> the unit, more_than
    const char* t = p + 3;
    decimal v = decimal::make(1);
    if (count >= 2 && roles[1] == han_role::small_unit && vals[1] == 1) {  // shi
      v = decimal::make(10);
      t += 3;
    }
    const magnitude_result m = parse_magnitude(std::string_view(t, static_cast<std::size_t>(q - t)));
    if (m) {
      v = v.scaled(m.exponent);
      t = m.ptr;
    } else if (v.significand == 1) {
      return r;
    }
    r.x = v;
    r.value = v.to_double();
    r.end = t;
    r.skip = t;
    r.more = true;
    r.ok = true;
    return r;
  }
  const number_result n = parse_han_number(run, numeral_options::no_sign | numeral_options::no_half);
  if (!n || !std::isfinite(n.value) || n.has(numeral_flags::digit_by_digit)) {
    r.digit_seq = n && n.has(numeral_flags::digit_by_digit);
    r.ok = r.digit_seq;
    return r;
  }
  r.value = n.value;
  r.x = n.exact;
  r.end = n.ptr;
  r.integer = !n.has(numeral_flags::decimal);
  r.ok = true;
  // shi ji, er shi ji: ji as the ones digit = a lower bound
  unsigned jv;
  if (han_role_at(r.end, end, jv) == han_role::ji) {
    r.end += 3;
    r.more = true;
  }
  if (r.end != q) r.single = -1;
  return r;
}

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_METRIC_NUMBER_HPP
