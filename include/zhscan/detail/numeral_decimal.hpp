// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_NUMERAL_DECIMAL_HPP
#define ZHSCAN_DETAIL_NUMERAL_DECIMAL_HPP

#include <charconv>
#include <cstdint>
#include <limits>
#include <system_error>

#include "../common.hpp"
#include "numeral_table.hpp"

/**
 * Decimal mantissa/exponent accumulation and its conversion to double.
 *
 * Why not `mantissa * 10000.0`: 13.73 is not a double, so 13.73 * 10000 gives
 * 137299.99999999999. The parser keeps the digits as an integer (1373) and a power of ten
 * (-2 + 4 = 2) and converts once: an integer below 2^53 times or divided by an exact power
 * of ten (<= 1e22) is correctly rounded by IEEE arithmetic (Clinger's fast path, the same
 * one fast_float uses first). Other inputs (more than 19 significant digits or exponents
 * beyond +-22) go through std::from_chars at run time when the compiler can tell run time
 * from constant evaluation, else through an approximation within a few ulp.
 */
#if defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
#define ZHSCAN_DETAIL_HAS_IS_CONSTANT_EVALUATED 1
#endif
#endif
#if !defined(ZHSCAN_DETAIL_HAS_IS_CONSTANT_EVALUATED) && defined(__GNUC__) && \
    !defined(__clang__) && __GNUC__ >= 9
#define ZHSCAN_DETAIL_HAS_IS_CONSTANT_EVALUATED 1
#endif
#if !defined(ZHSCAN_DETAIL_HAS_IS_CONSTANT_EVALUATED) && defined(_MSC_VER) && _MSC_VER >= 1925
#define ZHSCAN_DETAIL_HAS_IS_CONSTANT_EVALUATED 1
#endif

namespace zhscan {
namespace detail {

/** A decimal number m * 10^exp under construction (m keeps at most 19 digits). */
struct decimal_acc {
  std::uint64_t m = 0;
  int exp = 0;
  bool truncated = false;  ///< a non-zero digit was dropped (more than 19 significant digits)

  /** Appends a digit of the integer part. */
  constexpr void push_int(unsigned d) noexcept {
    if (m < 1000000000000000000ull) {
      m = m * 10 + d;
    } else {
      ++exp;
      if (d != 0) truncated = true;
    }
  }
  /** Appends a digit after the decimal point. */
  constexpr void push_frac(unsigned d) noexcept {
    if (m < 1000000000000000000ull) {
      m = m * 10 + d;
      --exp;
    } else if (d != 0) {
      truncated = true;
    }
  }
};

/** 10^e as a double for 0 <= e (repeated products beyond 1e22: approximate). */
constexpr double pow10_approx(int e) noexcept {
  double r = 1.0;
  while (e > 22) {
    r *= 1e22;
    e -= 22;
    if (r > 1e308) return r;  // already infinite or about to be
  }
  return r * pow10_f64[e];
}

/** Approximate m * 10^exp, used only off the exact paths. */
constexpr double decimal_approx(std::uint64_t m, int exp) noexcept {
  const double dm = static_cast<double>(m);
  if (exp >= 0) return dm * pow10_approx(exp);
  // Divide in steps so that 1e-300-style values do not underflow the divisor.
  double r = dm;
  int e = -exp;
  while (e > 22) {
    r /= 1e22;
    e -= 22;
  }
  return r / pow10_f64[e];
}

#if defined(__cpp_lib_to_chars)
/** Correctly rounded m * 10^exp through std::from_chars (run time only). */
inline double decimal_from_chars(std::uint64_t m, int exp, bool truncated) noexcept {
  char buf[48];
  std::to_chars_result tr = std::to_chars(buf, buf + 24, m);
  char* q = tr.ptr;
  if (truncated) {  // a sticky digit keeps the rounding direction of the dropped digits
    *q++ = '1';
    --exp;
  }
  *q++ = 'e';
  tr = std::to_chars(q, buf + sizeof buf, exp);
  q = tr.ptr;
  double v = 0;
  const std::from_chars_result fr = std::from_chars(buf, q, v);
  if (fr.ec == std::errc::result_out_of_range) {
    return exp > 0 ? decimal_approx(m, exp) : 0.0;  // overflow -> inf, underflow -> 0
  }
  return v;
}
#endif

/**
 * The double nearest to m * 10^exp (correctly rounded on the fast path and, at run time,
 * on the slow path too). Infinite on overflow. No throw, no alloc.
 */
constexpr double decimal_to_double(std::uint64_t m, int exp, bool truncated) noexcept {
  if (m == 0) return 0.0;
  constexpr std::uint64_t two53 = 9007199254740992ull;
  if (!truncated && m <= two53) {
    if (exp == 0) return static_cast<double>(m);
    if (exp > 0 && exp <= 22) return static_cast<double>(m) * pow10_f64[exp];
    if (exp < 0 && exp >= -22) return static_cast<double>(m) / pow10_f64[-exp];
    if (exp > 22 && exp <= 22 + 16) {
      // m * 10^(exp-22) may still be an exact integer below 2^53
      const std::uint64_t f = pow10_u64[exp - 22];
      if (m <= two53 / f) return static_cast<double>(m * f) * 1e22;
    }
  }
  if (exp > 330) return std::numeric_limits<double>::infinity();  // m >= 1: certainly infinite
  if (exp < -400) return 0.0;                                         // certainly zero
#if defined(ZHSCAN_DETAIL_HAS_IS_CONSTANT_EVALUATED) && defined(__cpp_lib_to_chars)
  if (!__builtin_is_constant_evaluated()) return decimal_from_chars(m, exp, truncated);
#endif
  return decimal_approx(m, exp);
}

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_NUMERAL_DECIMAL_HPP
