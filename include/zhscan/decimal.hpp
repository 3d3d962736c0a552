// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DECIMAL_HPP
#define ZHSCAN_DECIMAL_HPP

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <system_error>

#include "common.hpp"
#include "detail/numeral_decimal.hpp"

/**
 * zhscan::decimal: the exact value of a number as written, significand * 10^exponent.
 *
 * Why: 2.01 is not a double, so 2.01 * 10000 in doubles is 20099.999999999996. The parsers
 * keep the digits as an integer (201) and a power of ten (-2), scale by a magnitude exactly
 * (wan: -2 + 4 = 2, i.e. 20100) and convert to double once, correctly rounded, only where a
 * double is asked for (to_double).
 *
 * Precision: the significand holds up to 19 significant digits (any value below 2^64).
 * Numbers with more digits, products that do not fit and quotients that do not terminate
 * keep their first 19 (or more, up to 2^64) significant digits, TRUNCATED toward zero, and
 * set `inexact`. to_double() then rounds as if a non-zero digit followed the kept ones
 * (a sticky digit), so it stays correctly rounded except when a rounding boundary of the
 * double falls inside the dropped digits (beyond the 19th significant digit). to_chars
 * prints the kept digits of an inexact decimal as they are (callers that want the old
 * double output print to_double() instead when `inexact` is set: the CLI does).
 * The exponent saturates at +-max_exponent (to_double is then infinite or zero).
 * NaN (`nan == true`, the default of a default-constructed decimal) means "no value".
 *
 * All functions are constexpr (to_double through from_chars only at run time), noexcept,
 * and allocate nothing.
 */
#if defined(__GNUC__) || defined(__clang__)
#define ZHSCAN_DECIMAL_NOINLINE __attribute__((noinline))
#else
#define ZHSCAN_DECIMAL_NOINLINE
#endif

namespace zhscan {
namespace detail {
/** The general conversion, kept out of line so that to_double's fast path inlines. */
ZHSCAN_DECIMAL_NOINLINE constexpr double decimal_to_double_general(std::uint64_t m, std::int32_t e,
                                                                   bool inexact, bool neg) noexcept {
  const double v = decimal_to_double(m, e, inexact);
  return neg ? -v : v;
}
}  // namespace detail

/** Buffer size that always holds decimal::to_chars output. */
inline constexpr std::size_t decimal_buffer_size = 64;

struct decimal {
  std::uint64_t significand = 0;  ///< the digits as an integer (not necessarily normalised)
  std::int32_t exponent = 0;      ///< value = significand * 10^exponent
  bool negative = false;          ///< sign (never set on zero by the operations below)
  bool nan = true;                ///< no value (default); all other fields are then ignored
  bool inexact = false;           ///< digits were dropped (see the header comment)

  /** Largest |exponent| kept; beyond it scaling saturates. */
  static constexpr std::int32_t max_exponent = 1000000;

  /** significand * 10^exponent, with sign. */
  static constexpr decimal make(std::uint64_t m, std::int32_t e = 0, bool neg = false,
                                bool inexact = false) noexcept {
    decimal d;
    d.significand = m;
    d.exponent = e;
    d.negative = neg && m != 0;
    d.nan = false;
    d.inexact = inexact;
    return d;
  }
  /** A signed integer, exactly. */
  static constexpr decimal from_int(std::int64_t v) noexcept {
    return v < 0 ? make(0 - static_cast<std::uint64_t>(v), 0, true) : make(static_cast<std::uint64_t>(v));
  }
  /** "no value". */
  static constexpr decimal none() noexcept { return decimal{}; }

  /** True for "no value". */
  constexpr bool is_nan() const noexcept { return nan; }
  /** True for 0 (either sign). */
  constexpr bool is_zero() const noexcept { return !nan && significand == 0; }

  /**
   * The double nearest to the value (correctly rounded for exact decimals; see the header
   * comment for inexact ones); quiet NaN for nan, +-infinity on overflow.
   */
  ZHSCAN_ALWAYS_INLINE constexpr double to_double() const noexcept {
    // Clinger's fast path inline (the common case: a value, exact, significand <= 2^53,
    // |exponent| <= 22): one correctly rounded IEEE operation; one test of the flags and
    // one unsigned range test of the exponent
    if (ZHSCAN_LIKELY(!nan && !inexact && significand <= 9007199254740992ull &&
                      static_cast<std::uint32_t>(exponent) + 22u <= 44u)) {
      const double m = static_cast<double>(significand);
      const double v = exponent >= 0 ? m * detail::pow10_f64[exponent] : m / detail::pow10_f64[-exponent];
      return negative ? -v : v;
    }
    if (nan) return std::numeric_limits<double>::quiet_NaN();
    return detail::decimal_to_double_general(significand, exponent, inexact, negative);
  }

  /** True when to_double() is finite (cheap for the common exponents). */
  constexpr bool is_finite() const noexcept {
    if (nan) return false;
    if (exponent <= 288) return true;  // significand < 2^64 < 1e20: below 1e308
    const double v = to_double();
    return v - v == 0;
  }

  /** The same value with the trailing zeros of the significand moved to the exponent. */
  constexpr decimal normalized() const noexcept {
    decimal d = *this;
    if (d.nan) return d;
    if (d.significand == 0) {
      d.exponent = 0;
      d.negative = false;
      return d;
    }
    while (d.significand % 10u == 0 && d.exponent < max_exponent) {
      d.significand /= 10u;
      ++d.exponent;
    }
    return d;
  }

  /** value * 10^e, exactly (the exponent saturates at +-max_exponent). */
  constexpr decimal scaled(std::int32_t e) const noexcept {
    decimal d = *this;
    const std::int64_t x = static_cast<std::int64_t>(d.exponent) + e;
    d.exponent = static_cast<std::int32_t>(x > max_exponent ? max_exponent : x < -max_exponent ? -max_exponent : x);
    return d;
  }

  /** -value (zero stays positive). */
  constexpr decimal operator-() const noexcept {
    decimal d = *this;
    d.negative = !d.negative && d.significand != 0;
    return d;
  }

  /** Shortest exact form: see decimal_to_chars. */
  constexpr std::to_chars_result to_chars(char* first, char* last) const noexcept;
};

namespace detail {

/** Number of decimal digits of m (1 for 0). */
constexpr int dec_digits(std::uint64_t m) noexcept {
  int n = 1;
  while (n < 20 && m >= pow10_u64[n]) ++n;
  return n;
}

/** Exponent sum, saturated. */
constexpr std::int32_t dec_exp_add(std::int64_t a, std::int64_t b) noexcept {
  const std::int64_t x = a + b;
  return static_cast<std::int32_t>(x > decimal::max_exponent    ? decimal::max_exponent
                                   : x < -decimal::max_exponent ? -decimal::max_exponent
                                                                : x);
}

/** Divides a value of magnitude m * 10^e by 10^k (k >= 0) by truncation; sets `lost` when a
 *  non-zero digit goes. */
constexpr std::uint64_t dec_shift_down(std::uint64_t m, int k, bool& lost) noexcept {
  if (k <= 0) return m;
  if (k >= 20) {
    if (m != 0) lost = true;
    return 0;
  }
  const std::uint64_t q = m / pow10_u64[k];
  if (q * pow10_u64[k] != m) lost = true;
  return q;
}

}  // namespace detail

/** a * b, exactly when the product of the significands fits 64 bits, else truncated to its
 *  leading digits with `inexact`. NaN if either is NaN. */
constexpr decimal operator*(const decimal& a, const decimal& b) noexcept {
  if (a.nan || b.nan) return decimal{};
  decimal x = a.normalized(), y = b.normalized();
  const bool inexact = a.inexact || b.inexact;
  // 64 x 64 -> 128 bits in 32-bit halves (portable, constexpr)
  const std::uint64_t a0 = x.significand & 0xFFFFFFFFu, a1 = x.significand >> 32;
  const std::uint64_t b0 = y.significand & 0xFFFFFFFFu, b1 = y.significand >> 32;
  const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const std::uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
  std::uint64_t lo = (p00 & 0xFFFFFFFFu) | (mid << 32);
  std::uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  std::int64_t e = static_cast<std::int64_t>(x.exponent) + y.exponent;
  bool lost = false;
  while (hi != 0) {  // divide the 128-bit product by 10 until it fits
    const std::uint64_t qh = hi / 10u;
    std::uint64_t r = hi % 10u;
    std::uint64_t t = (r << 32) | (lo >> 32);
    const std::uint64_t q1 = t / 10u;
    r = t % 10u;
    t = (r << 32) | (lo & 0xFFFFFFFFu);
    const std::uint64_t q0 = t / 10u;
    r = t % 10u;
    if (r != 0) lost = true;
    hi = qh;
    lo = (q1 << 32) | q0;
    ++e;
  }
  return decimal::make(lo, detail::dec_exp_add(e, 0), x.negative != y.negative, inexact || lost);
}

/** a + b, exactly when both align within 64 bits, else truncated with `inexact`. */
constexpr decimal operator+(const decimal& a, const decimal& b) noexcept {
  if (a.nan || b.nan) return decimal{};
  if (a.significand == 0 || b.significand == 0) {
    decimal r = a.significand == 0 ? b : a;
    r.inexact = a.inexact || b.inexact;
    return r;
  }
  decimal x = a, y = b;
  if (x.exponent < y.exponent) {
    const decimal t = x;
    x = y;
    y = t;
  }
  // x has the larger exponent: scale it down to y's as far as 64 bits allow, then truncate y
  bool lost = false;
  while (x.exponent > y.exponent && x.significand <= (~std::uint64_t{0}) / 10u) {
    x.significand *= 10u;
    --x.exponent;
  }
  if (x.exponent > y.exponent) {
    y.significand = detail::dec_shift_down(y.significand, x.exponent - y.exponent, lost);
    y.exponent = x.exponent;
  }
  std::uint64_t m = 0;
  bool neg = false;
  if (x.negative == y.negative) {
    m = x.significand + y.significand;
    neg = x.negative;
    if (m < x.significand) {  // carry out of 64 bits: drop one digit of both
      bool l2 = false;
      const std::uint64_t xs = detail::dec_shift_down(x.significand, 1, l2);
      const std::uint64_t ys = detail::dec_shift_down(y.significand, 1, l2);
      m = xs + ys;  // below 2^64 now (each below 1.9e18)
      lost = lost || l2;
      ++x.exponent;
    }
  } else if (x.significand >= y.significand) {
    m = x.significand - y.significand;
    neg = x.negative;
  } else {
    m = y.significand - x.significand;
    neg = y.negative;
  }
  return decimal::make(m, x.exponent, neg, a.inexact || b.inexact || lost);
}

/** a - b. */
constexpr decimal operator-(const decimal& a, const decimal& b) noexcept { return a + (-b); }

/**
 * a / b: exact when the quotient terminates within 19 significant digits, else its first
 * 19 digits truncated with `inexact`. NaN if either is NaN or b is zero.
 */
constexpr decimal quotient(const decimal& a, const decimal& b) noexcept {
  if (a.nan || b.nan || b.significand == 0) return decimal{};
  const decimal x = a.normalized(), y = b.normalized();
  const bool neg = x.negative != y.negative;
  if (x.significand == 0) return decimal::make(0);
  std::uint64_t d = y.significand;
  std::int64_t e = static_cast<std::int64_t>(x.exponent) - y.exponent;
  bool lost = false;
  if (d > (~std::uint64_t{0}) / 10u) {  // a 20-digit divisor: rem * 10 could wrap
    d = detail::dec_shift_down(d, 1, lost);
    --e;
  }
  std::uint64_t q = x.significand / d;
  std::uint64_t r = x.significand % d;
  while (r != 0 && q < 1000000000000000000ull) {
    r *= 10u;
    q = q * 10u + r / d;
    r %= d;
    --e;
  }
  return decimal::make(q, detail::dec_exp_add(e, 0), neg, a.inexact || b.inexact || lost || r != 0);
}

/** Three-way comparison of the values: -1, 0, 1; 2 when either is NaN (unordered). */
constexpr int compare(const decimal& a, const decimal& b) noexcept {
  if (a.nan || b.nan) return 2;
  const decimal x = a.normalized(), y = b.normalized();
  const bool xz = x.significand == 0, yz = y.significand == 0;
  if (xz && yz) return 0;
  const bool xn = !xz && x.negative, yn = !yz && y.negative;
  if (xn != yn) return xn ? -1 : 1;
  const int s = xn ? -1 : 1;  // compare magnitudes, flip for negatives
  if (xz) return -s;
  if (yz) return s;
  const std::int64_t ax = static_cast<std::int64_t>(x.exponent) + detail::dec_digits(x.significand);
  const std::int64_t ay = static_cast<std::int64_t>(y.exponent) + detail::dec_digits(y.significand);
  if (ax != ay) return ax > ay ? s : -s;
  // same leading place: the one with the smaller exponent has more digits
  if (x.exponent == y.exponent) return x.significand == y.significand ? 0 : (x.significand > y.significand ? s : -s);
  const bool x_long = x.exponent < y.exponent;
  const std::uint64_t lng = x_long ? x.significand : y.significand;
  const std::uint64_t sht = x_long ? y.significand : x.significand;
  const int k = static_cast<int>(x_long ? y.exponent - x.exponent : x.exponent - y.exponent);
  const std::uint64_t q = k >= 20 ? 0 : lng / detail::pow10_u64[k];
  const bool rem = k >= 20 ? lng != 0 : q * detail::pow10_u64[k] != lng;
  int c = q == sht ? (rem ? 1 : 0) : (q > sht ? 1 : -1);  // long vs short
  if (!x_long) c = -c;
  return c * s;
}

constexpr bool operator==(const decimal& a, const decimal& b) noexcept { return compare(a, b) == 0; }
constexpr bool operator!=(const decimal& a, const decimal& b) noexcept { return compare(a, b) != 0; }
constexpr bool operator<(const decimal& a, const decimal& b) noexcept { return compare(a, b) == -1; }
constexpr bool operator>(const decimal& a, const decimal& b) noexcept { return compare(a, b) == 1; }
constexpr bool operator<=(const decimal& a, const decimal& b) noexcept {
  const int c = compare(a, b);
  return c == -1 || c == 0;
}
constexpr bool operator>=(const decimal& a, const decimal& b) noexcept {
  const int c = compare(a, b);
  return c == 1 || c == 0;
}

/**
 * Writes the shortest exact form of `d` to [first, last): the digits with a point where the
 * exponent puts it and no trailing zeros after it (20100, 8.5, 0.25, -3, 9007199254740993).
 * Plain notation while it takes at most 40 digits (integers up to 10^40, fractions down to
 * 10^-20), else scientific with an 'e' (1.5e60, 2e-30). NaN writes "nan". An inexact
 * decimal writes its kept digits. On success `ec == std::errc()` and `ptr` is one past the
 * last byte; when the buffer is too small, `ec == std::errc::value_too_large` and `ptr ==
 * last`. decimal_buffer_size bytes always suffice. No throw, no alloc.
 */
constexpr std::to_chars_result decimal_to_chars(char* first, char* last, const decimal& v) noexcept {
  char buf[decimal_buffer_size] = {};
  int n = 0;
  if (v.nan) {
    buf[n++] = 'n';
    buf[n++] = 'a';
    buf[n++] = 'n';
  } else {
    const decimal d = v.normalized();
    if (d.negative && d.significand != 0) buf[n++] = '-';
    char dig[20] = {};
    int nd = 0;
    {
      std::uint64_t m = d.significand;
      char tmp[20] = {};
      int k = 0;
      do {
        tmp[k++] = static_cast<char>('0' + m % 10u);
        m /= 10u;
      } while (m != 0);
      while (k > 0) dig[nd++] = tmp[--k];
    }
    const std::int64_t e = d.significand == 0 ? 0 : d.exponent;
    if (e >= 0 && nd + e <= 40) {
      for (int i = 0; i < nd; ++i) buf[n++] = dig[i];
      for (std::int64_t i = 0; i < e; ++i) buf[n++] = '0';
    } else if (e < 0 && -e < nd) {
      const int ip = nd + static_cast<int>(e);
      for (int i = 0; i < ip; ++i) buf[n++] = dig[i];
      buf[n++] = '.';
      for (int i = ip; i < nd; ++i) buf[n++] = dig[i];
    } else if (e < 0 && -e - nd <= 20) {
      buf[n++] = '0';
      buf[n++] = '.';
      for (std::int64_t i = 0; i < -e - nd; ++i) buf[n++] = '0';
      for (int i = 0; i < nd; ++i) buf[n++] = dig[i];
    } else {
      buf[n++] = dig[0];
      if (nd > 1) {
        buf[n++] = '.';
        for (int i = 1; i < nd; ++i) buf[n++] = dig[i];
      }
      buf[n++] = 'e';
      std::int64_t x = e + nd - 1;
      if (x < 0) {
        buf[n++] = '-';
        x = -x;
      }
      char tmp[12] = {};
      int k = 0;
      do {
        tmp[k++] = static_cast<char>('0' + x % 10);
        x /= 10;
      } while (x != 0);
      while (k > 0) buf[n++] = tmp[--k];
    }
  }
  if (last - first < n) return {last, std::errc::value_too_large};
  for (int i = 0; i < n; ++i) first[i] = buf[i];
  return {first + n, std::errc()};
}

constexpr std::to_chars_result decimal::to_chars(char* first, char* last) const noexcept {
  return decimal_to_chars(first, last, *this);
}

}  // namespace zhscan

#endif  // ZHSCAN_DECIMAL_HPP
