// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_NUMERAL_HPP
#define ZHSCAN_NUMERAL_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "common.hpp"
#include "decimal.hpp"
#include "detail/numeral_decimal.hpp"
#include "detail/numeral_table.hpp"

/**
 * Numerals: Arabic, Chinese and mixed numerals to double (parse_number, from_chars style),
 * and integers/doubles back to Chinese numerals (format_chinese, to_chars style).
 *
 * Notation. Headers are ASCII, so Chinese numerals are written here in pinyin, one
 * syllable per character, joined by hyphens ("liang-wan-san-qian" = 23000):
 *   ling U+96F6 and U+3007 (0), yi U+4E00 (1), er U+4E8C (2), liang U+4E24 (2), san U+4E09,
 *   si U+56DB, wu U+4E94, liu U+516D, qi U+4E03, ba U+516B, jiu U+4E5D, shi U+5341 (10),
 *   bai U+767E (100), qian U+5343 (1000), wan U+4E07 (10^4), Yi U+4EBF (10^8, capital Y to
 *   tell it from yi = 1), dian U+70B9 (point), ban U+534A (half), fu U+8D1F (minus),
 *   nian U+5EFF (20), sa U+5345 (30), xi U+534C (40), duo U+591A (more),
 *   fen-zhi U+5206 U+4E4B ("parts of"). Financial (daxie) forms: U+58F9 U+8D30 U+53C1
 *   U+8086 U+4F0D U+9646 U+67D2 U+634C U+7396 (1..9), U+62FE U+4F70 U+4EDF (10 100 1000);
 *   traditional U+842C (wan) U+5104 (Yi) U+5169 (liang) U+8CB3 U+53C3 U+9678 (2 3 6) U+9EDE
 *   (dian) U+8CA0 (fu); variants U+5F0C (1) U+5F0D U+8CAE (2) U+53C4 U+5F0E (3) U+5344 (20).
 *
 * Grammar accepted by parse_number. The numeral is the longest well-formed PREFIX of the
 * input; the end pointer stops at the first character that cannot continue it.
 *
 * Arabic: [sign] digits [3-digit groups] [point digits]
 *   - digits: ASCII 0-9 and full-width U+FF10..U+FF19, mixed freely.
 *   - sign (only at s[0], only directly before a digit): - + U+FF0D U+FF0B U+2212.
 *   - groups: separator ',' or full-width U+FF0C, only after a first run of 1-3 digits
 *     not starting with 0, each separator followed by exactly three digits and then a
 *     non-digit, one separator kind per numeral: "1,200" = 1200, "12,345,678",
 *     "1,2" stops after "1", "1234,567" stops after "1234".
 *   - point: '.' or U+FF0E, consumed only when a digit follows ("3." stops before '.').
 * Mixed: Arabic digits with Chinese magnitudes (numeral_form::mixed):
 *   - decimal or very large mantissa: one magnitude chain [bai|qian] [wan] [Yi]:
 *     13.73wan = 137300 exactly, 3.5wan-Yi = 3.5e12, 1.5qian-wan = 1.5e7, 12.9wan.
 *   - integer mantissa: positional as in Chinese with Arabic coefficients: 1qian, 5bai,
 *     2qian-wan, 1,200wan, 12000wan (the first coefficient may have any size before
 *     wan/Yi), 3wan5qian = 35000, 1Yi2000wan = 1.2e8, 3qian5bai-wan = 3.5e7. Before
 *     bai/qian the coefficient is one digit 1-9 ("2019 bai-qiang" stops after 2019); shi
 *     never follows Arabic digits ("2019 shi-da" stops after 2019); a trailing bare
 *     coefficient is not consumed ("3wan5" stops after 3wan).
 * Chinese, positional, values below 10^16:
 *   - liang is 2 only before a unit or alone: "shi-liang" stops before liang, "liang-shi"
 *     before shi. nian/sa/xi are twenty/thirty/forty (nian-wu = 25). Zhao U+5146 is not a
 *     numeral character (10^6 or 10^12 depending on the region): numerals stop before it.
 *     The simplified can U+53C2 is not the financial three (it is "participate").
 *   - small units descend inside a section (qian > bai > shi); wan at most once per Yi
 *     part; Yi at most once; yi-wan-Yi = 1e12; "wan-wan" right after a coefficient is Yi
 *     (yi-wan-wan = 1e8); a third wan stops.
 *   - a bare shi starts a numeral (shi-wu, shi-wan) or follows ling (yi-qian-ling-shi =
 *     1010); a bare financial shi U+62FE, bai, qian, wan or Yi never starts one (bai-wan,
 *     qian-wan are words more often than numbers: the metric layer decides).
 *   - ling marks a skipped place: after bai/qian it needs a gap (yi-bai-ling-wu = 105,
 *     yi-qian-ling-wu-shi = 1050; "yi-bai-ling-wu-shi" stops after yi-bai-ling-wu); after
 *     wan/Yi it is always accepted (shi-wan-ling-yi-shi = 100010, and the cheque style
 *     10wan-ling-7qian = 107000). "ling-ling" and a trailing ling are not consumed.
 *   - abbreviation: a final digit right after bai/qian/wan/Yi takes the next lower place:
 *     yi-bai-wu = 150, san-qian-ba = 3800, liang-wan-wu = 25000, yi-Yi-wu = 1.5e8 (flag
 *     abbreviated); if a bigger unit follows, it multiplies the section: yi-qian-wu-wan =
 *     1.5e7, san-wan-wu-Yi = 3.5e12 (but yi-Yi-wu-wan = 100050000).
 *   - decimals: integer part, dian, digits one by one, then (if the integer part has no
 *     wan/Yi) one magnitude chain: wu-dian-wu = 5.5, ling-dian-wu = 0.5, san-dian-wu-Yi =
 *     3.5e8. "san-dian" and "san-dian-ban" (a clock time) stop before dian.
 *   - digit by digit: a run of at least THREE digit characters (ling allowed anywhere, the
 *     white circles U+25CB / U+25EF, typed for U+3007 in years, after the first), e.g.
 *     er-ling-er-san = 2023, yi-jiu-jiu-ba = 1998 (flag digit_by_digit). Two adjacent
 *     digits are an approximate range in prose (san-si ge, liang-san nian, wu-liu-shi), so
 *     "san-si" reads san and stops before si: the caller combines ranges.
 *   - ban alone (at s[0]) = 0.5; fu/fu-traditional before a Chinese or Arabic numeral is
 *     a minus sign.
 * Left to the caller (not consumed): duo U+591A, yu U+4F59, ji U+51E0 (san-qian-duo-wan:
 * san-qian stops before duo; read the wan with parse_magnitude), %, cheng U+6210 (tenths),
 * yi-ge-ban (one and a half), X fen-zhi Y (see parse_fraction), "2/3": the base grammar leaves
 * them, parse_number's colloquial forms (see parse_number; off with no_colloquial) read them.
 *
 * API (all noexcept, no allocation, no locale; parsers constexpr):
 *   parse_number(s, options)      longest numeral prefix -> number_result {value, ptr, ec,
 *                                 form, flags}; options = numeral_options bits
 *   parse_han_number(s, options)  the same, Chinese numerals only
 *   parse_magnitude(s)            [shi|bai|qian][wan][Yi] chain -> exponent (after duo/yu)
 *   parse_fraction(s, options)    X fen-zhi Y -> value, numerator, denominator
 *   is_han_numeral_char(cp), han_digit_value(cp), and for scanners working on bytes
 *   detail::numeral_info_at(p, end) / detail::numeral_info(cp) -> {kind, value, financial}
 *   format_chinese(first, last, integer or double, chinese_style) -> format_result {ptr, ec}
 *   to_chinese(v, style) -> std::string (allocates; convenience only)
 */
namespace zhscan {

/** Script of a numeral: Arabic digits, Chinese numerals, or Arabic digits with a Chinese magnitude
 * (3.5wan). */
enum class numeral_form : std::uint8_t {
  arabic,  ///< ASCII or full-width digits only (1,200  3.5  -3.5)
  han,     ///< Chinese numerals only (liang wan san qian, er ling er san)
  mixed,   ///< Arabic digits with a Chinese magnitude (3.5 wan, 1 yi)
};

/** Short name of a numeral_form ("arabic", "han", "mixed"). No throw, no alloc. */
constexpr std::string_view to_string(numeral_form f) noexcept {
  switch (f) {
    case numeral_form::arabic:
      return "arabic";
    case numeral_form::han:
      return "han";
    case numeral_form::mixed:
      return "mixed";
  }
  return "unknown";
}

/** Bits of number_result::flags: what the parsed numeral contained. */
namespace numeral_flags {
/// a minus sign or fu was consumed
inline constexpr std::uint16_t negative = 1u << 0;
/// a decimal point with digits
inline constexpr std::uint16_t decimal = 1u << 1;
/// thousands separators (1,200)
inline constexpr std::uint16_t grouped = 1u << 2;
/// a full-width digit, point or separator
inline constexpr std::uint16_t fullwidth = 1u << 3;
/// a financial form (U+58F9 U+62FE ...)
inline constexpr std::uint16_t financial = 1u << 4;
/// er-ling-er-san: digits one by one (a year or a code more often than a quantity)
inline constexpr std::uint16_t digit_by_digit = 1u << 5;
/// yi-bai-wu = 150, the colloquial abbreviation
inline constexpr std::uint16_t abbreviated = 1u << 6;
/// a wan/Yi (or a bai/qian after Arabic digits) was consumed
inline constexpr std::uint16_t magnitude = 1u << 7;
/// the numeral is ban (0.5)
inline constexpr std::uint16_t half = 1u << 8;
/// any sign was consumed (+ too)
inline constexpr std::uint16_t sign = 1u << 9;
/// an ordinal: di before the numeral (di-yi-bai-ling-yi = 101; colloquial forms only)
inline constexpr std::uint16_t ordinal = 1u << 10;
/// a lower bound: duo / yu between the numeral and its magnitude (shi-yu-wan = 100000 or
/// more; colloquial forms only)
inline constexpr std::uint16_t more = 1u << 11;
/// a percent or per-mille sign after the numeral (5% = 0.05; colloquial forms only)
inline constexpr std::uint16_t percent = 1u << 12;
}  // namespace numeral_flags

/** Bits of the `options` argument of the parsers: each one disables a feature. */
namespace numeral_options {
/// do not consume - + fu
inline constexpr unsigned no_sign = 1u << 0;
/// no thousands separators at all
inline constexpr unsigned no_grouping = 1u << 1;
/// no U+FF0C separator (it is the clause comma too)
inline constexpr unsigned no_fullwidth_grouping = 1u << 2;
/// no er-ling-er-san runs
inline constexpr unsigned no_digit_by_digit = 1u << 3;
/// yi-bai-wu stops after yi-bai
inline constexpr unsigned no_abbreviation = 1u << 4;
/// ban is not a numeral
inline constexpr unsigned no_half = 1u << 5;
/// Arabic: never consume wan/Yi/bai/qian (the numeral stays numeral_form::arabic)
inline constexpr unsigned no_magnitude = 1u << 6;
/// Arabic and mixed numerals only
inline constexpr unsigned no_han = 1u << 7;
/// Chinese numerals only
inline constexpr unsigned no_arabic = 1u << 8;
/// none of parse_number's colloquial and shorthand forms (see parse_number): bai-san,
/// 15k, 2e5, .77, 3/2, yi-you-er-fen-zhi-yi, yi-ge-ban, ling-xia ... (the metric scanner
/// reads numbers without them)
inline constexpr unsigned no_colloquial = 1u << 9;
}  // namespace numeral_options

/**
 * Result of parse_number, in the std::from_chars style.
 * - success: `ec == errc::ok`, `value` finite, `ptr` one past the last byte consumed.
 * - no numeral at s.data(): `ec == errc::invalid_argument`, `ptr == s.data()`, value 0.
 * - a numeral whose value is not finite (1e400): `ec == errc::out_of_range`, `ptr` past
 *   it, value +-infinity.
 */
struct number_result {
  double value = 0.0;  ///< the value (0 on failure; +-inf when out of range)
  const char* ptr = nullptr;  ///< one past the last byte consumed (= input on failure)
  errc ec = errc::invalid_argument;  ///< errc::ok on success
  numeral_form form = numeral_form::arabic;  ///< how the numeral was written
  std::uint16_t flags = 0;  ///< numeral_flags bits
  /** The exact value as written (digits scaled by the magnitude exactly; `value ==
   *  exact.to_double()`); NaN on failure. */
  decimal exact = {};

  /** True on success. */
  constexpr explicit operator bool() const noexcept { return ec == errc::ok; }
  /** True when `flags` contains the numeral_flags bit `flag`. */
  constexpr bool has(std::uint16_t flag) const noexcept { return (flags & flag) != 0; }
};

/** Result of parse_magnitude: value() = 10^exponent; `ptr` past the magnitude on success. */
struct magnitude_result {
  int exponent =
      0;  ///< 2 bai, 3 qian, 4 wan, 5 shi-wan, 6 bai-wan, 7 qian-wan, 8 Yi, 12 wan-Yi, 15
  const char* ptr = nullptr;  ///< one past the magnitude (= input on failure)
  errc ec = errc::invalid_argument;  ///< errc::ok on success
  bool financial = false;  ///< used U+4F70 / U+4EDF / U+62FE

  /** True on success. */
  constexpr explicit operator bool() const noexcept { return ec == errc::ok; }
  /** 10^exponent (exact). */
  constexpr double value() const noexcept { return detail::pow10_f64[exponent]; }
};

/**
 * Result of parse_fraction (X fen-zhi Y = Y / X). On success `value == numerator / denominator`
 * (negated for a leading sign), `ptr` past Y. On failure `ec == errc::invalid_argument`,
 * `ptr == s.data()`.
 */
struct fraction_result {
  double value = 0.0;  ///< numerator / denominator
  double numerator = 0.0;    ///< Y (after fen-zhi)
  double denominator = 0.0;  ///< X (before fen-zhi): 100 for bai-fen-zhi, 1000 for qian-fen-zhi
  const char* ptr = nullptr;  ///< one past the fraction (= input on failure)
  errc ec = errc::invalid_argument;  ///< errc::ok on success
  numeral_form form = numeral_form::han;  ///< han or arabic when both parts agree, else mixed
  std::uint16_t flags = 0;                ///< numeral_flags of both parts, or-ed
  /** Exact numerator / denominator: terminating quotients exactly (1/4 = 0.25), others
   *  truncated to 19 digits with `inexact` (value == exact.to_double() either way). */
  decimal exact = {};
  decimal numerator_exact = {};    ///< Y exactly
  decimal denominator_exact = {};  ///< X exactly

  /** True on success. */
  constexpr explicit operator bool() const noexcept { return ec == errc::ok; }
};

/**
 * True for the characters that make up Chinese numerals: the digits ling (both) to jiu,
 * liang (both), nian/sa/xi, the units shi bai qian wan Yi, and the financial/traditional
 * forms listed atop this header. False for dian, ban, fu, the white circles (digits only
 * inside a year run), zhao, can U+53C2, and everything else. Financial forms are ordinary
 * words too (U+4F0D in "team", U+9646 in "mainland", U+62FE in "tidy up"): see
 * detail::numeral_info(cp).financial. No throw, no alloc.
 */
constexpr bool is_han_numeral_char(char32_t cp) noexcept {
  switch (detail::numeral_info(cp).kind) {
    case detail::numeral_kind::digit:
    case detail::numeral_kind::liang:
    case detail::numeral_kind::tens:
    case detail::numeral_kind::small_unit:
    case detail::numeral_kind::big_unit:
      return true;
    default:
      return false;
  }
}

/** Value 0..9 of a Chinese digit character (liang = 2, U+58F9 = 1, U+3007 = 0), else -1. No throw,
 * no alloc. */
constexpr int han_digit_value(char32_t cp) noexcept {
  const detail::numeral_char c = detail::numeral_info(cp);
  if (c.kind == detail::numeral_kind::digit || c.kind == detail::numeral_kind::liang)
    return c.value;
  return -1;
}

namespace detail {

/** yi * 10^8 + wan * 10^4 + rest, exactly (as a decimal). */
constexpr decimal compose_exact(std::uint64_t yi, std::uint64_t wan, std::uint64_t rest) noexcept {
  return decimal::make(yi, 8) + decimal::make(wan * 10000u + rest);
}

/** yi * 10^8 + wan * 10^4 + rest, exact while it fits 64 bits. */
constexpr double compose_value(std::uint64_t yi, std::uint64_t wan, std::uint64_t rest) noexcept {
  const std::uint64_t low = wan * 10000u + rest;
  if (yi < 100000000000ull) return static_cast<double>(yi * 100000000u + low);
  return static_cast<double>(yi) * 1e8 + static_cast<double>(low);
}

/**
 * Magnitude chain [shi|bai|qian] [wan] [Yi] at p (at least one character). A leading shi
 * needs a following wan/Yi (shi-wan, shi-Yi); `allow_ten` / `allow_small` switch the small
 * lead off.
 */
constexpr magnitude_result parse_magnitude_at(const char* p, const char* last, bool allow_small,
                                              bool allow_ten) noexcept {
  magnitude_result r;
  r.ptr = p;
  const char* q = p;
  int e = 0;
  bool fin = false;
  numeral_char c = numeral_info_at(q, last);
  if (c.kind == numeral_kind::small_unit) {
    const bool ok = c.value == 1 ? allow_ten : allow_small;
    if (ok) {
      if (c.value == 1 && numeral_info_at(q + 3, last).kind != numeral_kind::big_unit) return r;
      e += c.value;
      fin = c.financial;
      q += 3;
      c = numeral_info_at(q, last);
    }
  }
  if (c.kind == numeral_kind::big_unit && c.value == 4) {
    e += 4;
    q += 3;
    c = numeral_info_at(q, last);
  }
  if (c.kind == numeral_kind::big_unit && c.value == 8) {
    e += 8;
    q += 3;
  }
  if (q == p) return r;
  r.exponent = e;
  r.ptr = q;
  r.ec = errc::ok;
  r.financial = fin;
  return r;
}

constexpr bool is_finite_value(double v) noexcept {
  return v <= 1.7976931348623157e308 && v >= -1.7976931348623157e308;
}

/** True when an ASCII letter is at p (p < last). */
constexpr bool ascii_letter_after(const char* p, const char* last) noexcept {
  return p < last && (static_cast<unsigned>(static_cast<unsigned char>(*p) | 0x20u) - 'a') <= 25u;
}

/** A digit-by-digit run of >= 3 digit characters at first (a year, a code); else invalid.
 *  `latin_o`: an ASCII O / o not before another letter is a ling too (er O er san). */
constexpr number_result parse_digit_run(const char* first, const char* last, bool latin_o = false) noexcept {
  number_result r;
  r.ptr = first;
  r.form = numeral_form::han;
  const char* q = first;
  int n = 0;
  bool fin = false;
  decimal_acc acc;
  for (;;) {
    const numeral_char c = numeral_info_at(q, last);
    if (c.kind == numeral_kind::digit || (c.kind == numeral_kind::circle && n > 0)) {
      acc.push_int(c.value);
      fin = fin || c.financial;
      ++n;
      q += 3;
    } else if (latin_o && n > 0 && q < last && (*q == 'O' || *q == 'o') && !ascii_letter_after(q + 1, last)) {
      acc.push_int(0);  // er O er san: the Latin letter typed for ling (colloquial forms)
      ++n;
      ++q;
    } else {
      break;
    }
  }
  if (n < 3) return r;
  r.exact = decimal::make(acc.m, acc.exp, false, acc.truncated);
  r.value = r.exact.to_double();
  r.ptr = q;
  r.ec = is_finite_value(r.value) ? errc::ok : errc::out_of_range;
  r.flags = static_cast<std::uint16_t>(numeral_flags::digit_by_digit |
                                       (fin ? numeral_flags::financial : 0u));
  return r;
}

/** Chinese numeral (no sign) at [first, last). See the grammar atop this header. */
constexpr number_result parse_han_unsigned(const char* first, const char* last,
                                           unsigned opts) noexcept {
  number_result r;
  r.ptr = first;
  r.form = numeral_form::han;
  const numeral_char c0 = numeral_info_at(first, last);
  switch (c0.kind) {
    case numeral_kind::half:
      if (opts & numeral_options::no_half) return r;
      r.value = 0.5;
      r.exact = decimal::make(5, -1);
      r.ptr = first + 3;
      r.ec = errc::ok;
      r.flags = numeral_flags::half;
      return r;
    case numeral_kind::digit:
    case numeral_kind::liang:
    case numeral_kind::tens:
    case numeral_kind::small_unit:
      break;
    default:
      return r;
  }

  // Positional numeral. Sections below 10^4 (sec), the wan coefficient of the current Yi
  // part (wan) and the Yi coefficient (yi); `pend` is a digit whose place is decided by
  // what follows it.
  std::uint64_t yi = 0, wan = 0, sec = 0;
  int small = 4;  // exponent of the last small unit of this section; 4 = none yet
  bool have_wan = false, have_yi = false;
  int pend = -1;
  bool pend_liang = false;
  int pend_prev = -2;  // unit exponent right before the pending digit; -1 after ling; -2 at start
  int prev_unit = -2;  // unit exponent of the token just consumed; -1 not a unit; -2 at start
  bool zero = false, zero_only = false, started = false;
  std::uint16_t flags = 0;
  const char* good = nullptr;
  std::uint64_t good_val = 0;  // Chinese numerals stay below 10^16
  std::uint16_t good_flags = 0;
  const char* p = first;
  for (;;) {
    const numeral_char c = numeral_info_at(p, last);
    const bool latin_o = !(opts & numeral_options::no_colloquial) && c.kind == numeral_kind::none && p < last &&
                         (*p == 'O' || *p == 'o') && pend >= 0 && pend_prev == -2 && !pend_liang;
    if (((c.kind == numeral_kind::digit || c.kind == numeral_kind::circle) &&
         (zero_only || (pend >= 0 && pend_prev == -2 && !pend_liang))) ||
        latin_o) {
      // A second digit right after a lone first one: only a digit-by-digit run continues.
      if (!(opts & numeral_options::no_digit_by_digit)) {
        const number_result run = parse_digit_run(first, last, !(opts & numeral_options::no_colloquial));
        if (run.ec != errc::invalid_argument) return run;
      }
      break;
    }
    if (c.financial) flags |= numeral_flags::financial;
    if (c.kind == numeral_kind::digit && c.value == 0) {
      if (!started) {  // ling alone, or ling-dian-wu
        zero_only = started = true;
        p += 3;
        good = p;
        good_val = 0;
        good_flags = flags;
        continue;
      }
      if (zero_only || zero || pend >= 0 || prev_unit < 1) break;
      if (small < 2) break;  // after shi no place is left to skip
      zero = true;
      prev_unit = -1;
      p += 3;
      continue;
    }
    if (c.kind == numeral_kind::digit || c.kind == numeral_kind::liang) {
      if (zero_only || pend >= 0) break;
      pend = c.value;
      pend_liang = c.kind == numeral_kind::liang;
      pend_prev = zero ? -1 : prev_unit;
      prev_unit = -1;
      started = true;
      p += 3;
      if (pend_liang) {  // liang ends a numeral only when it is the whole numeral
        if (pend_prev == -2) {
          good = p;
          good_val = 2;
          good_flags = flags;
        }
        continue;
      }
      std::uint64_t contrib = 0;
      bool ok = true;
      std::uint16_t extra = 0;
      if (pend_prev == -2 || pend_prev == -1 || pend_prev == 1) {
        contrib = static_cast<std::uint64_t>(pend);
      } else if (!(opts & numeral_options::no_abbreviation)) {
        contrib = static_cast<std::uint64_t>(pend) * pow10_u64[pend_prev - 1];
        extra = numeral_flags::abbreviated;
      } else {
        ok = false;
      }
      if (ok) {
        good = p;
        good_val = yi * 100000000u + wan * 10000u + sec + contrib;
        good_flags = static_cast<std::uint16_t>(flags | extra);
      }
      continue;
    }
    if (c.kind == numeral_kind::tens) {  // nian = er-shi
      if (zero_only || pend >= 0 || small <= 1) break;
      if (zero && small != 4 && small < 3) break;
      sec += static_cast<std::uint64_t>(c.value) * 10u;
      small = 1;
      prev_unit = 1;
      zero = false;
      started = true;
      p += 3;
      good = p;
      good_val = yi * 100000000u + wan * 10000u + sec;
      good_flags = flags;
      continue;
    }
    if (c.kind == numeral_kind::small_unit) {
      const int x = c.value;
      if (zero_only || x >= small) break;
      std::uint64_t coef = 1;
      if (pend >= 0) {
        if (pend_liang && x == 1) break;  // liang-shi is not a numeral
        // yi-qian-wu-shi: a digit abbreviated after qian cannot take a unit two places down
        if (!zero && (pend_prev == 2 || pend_prev == 3) && x != pend_prev - 1) break;
        coef = static_cast<std::uint64_t>(pend);
      } else {
        if (x != 1 || c.financial) break;  // only a bare shi (not U+62FE) ...
        // ... at the start, after ling, or (colloquial) right after bai: yi-bai-shi-yi = 111
        if (started && !zero && !(prev_unit == 2 && !(opts & numeral_options::no_colloquial))) break;
      }
      if (zero && small != 4 && x >= small - 1) break;  // ling must mark a skipped place
      sec += coef * pow10_u64[x];
      small = x;
      pend = -1;
      pend_liang = false;
      zero = false;
      prev_unit = x;
      started = true;
      p += 3;
      good = p;
      good_val = yi * 100000000u + wan * 10000u + sec;
      good_flags = flags;
      continue;
    }
    if (c.kind == numeral_kind::big_unit) {
      const int x = c.value;
      if (zero_only || !started) break;
      if (x == 4 && pend < 0 && sec == 0 && !zero && prev_unit == 4 && !have_yi) {
        yi = wan;  // wan-wan = Yi
        wan = 0;
        have_wan = false;
        have_yi = true;
        prev_unit = 8;
        p += 3;
        flags |= numeral_flags::magnitude;
        good = p;
        good_val = yi * 100000000u + wan * 10000u + sec;
        good_flags = flags;
        continue;
      }
      std::uint64_t part = sec;
      if (pend >= 0) {
        std::uint64_t contrib = static_cast<std::uint64_t>(pend);
        if (!zero && (pend_prev == 2 || pend_prev == 3 || (pend_prev == 4 && x == 8))) {
          if (opts & numeral_options::no_abbreviation) break;
          contrib *= pow10_u64[pend_prev - 1];  // yi-qian-wu-wan = 1500wan, san-wan-wu-Yi = 35000Yi
          flags |= numeral_flags::abbreviated;
        }
        part += contrib;
      }
      if (x == 4) {
        if (have_wan || part == 0) break;
        wan = part;
        have_wan = true;
      } else {
        if (have_yi) break;
        const std::uint64_t v = wan * 10000u + part;
        if (v == 0) break;
        yi = v;
        wan = 0;
        have_wan = false;
        have_yi = true;
      }
      sec = 0;
      small = 4;
      pend = -1;
      pend_liang = false;
      zero = false;
      prev_unit = x;
      p += 3;
      flags |= numeral_flags::magnitude;
      good = p;
      good_val = yi * 100000000u + wan * 10000u + sec;
      good_flags = flags;
      continue;
    }
    if (c.kind == numeral_kind::point) {
      if (!started || pend_liang || (zero && pend < 0)) break;  // yi-bai-ling-dian-wu
      std::uint64_t contrib = 0;
      if (pend >= 0) {
        if (!(pend_prev == -2 || pend_prev == -1 || pend_prev == 1)) break;  // yi-bai-wu-dian-wu
        contrib = static_cast<std::uint64_t>(pend);
      }
      const char* q = p + 3;
      decimal_acc acc;
      acc.m = yi * 100000000u + wan * 10000u + sec + contrib;  // < 10^16
      int nd = 0;
      for (;;) {
        const numeral_char d = numeral_info_at(q, last);
        if (d.kind != numeral_kind::digit) break;
        if (d.financial) flags |= numeral_flags::financial;
        acc.push_frac(d.value);
        q += 3;
        ++nd;
      }
      if (nd == 0) break;
      flags |= numeral_flags::decimal;
      int mexp = 0;
      if (!have_wan && !have_yi && !(opts & numeral_options::no_magnitude)) {
        const magnitude_result mg = parse_magnitude_at(q, last, true, false);
        if (mg) {
          mexp = mg.exponent;
          q = mg.ptr;
          flags |= numeral_flags::magnitude;
          if (mg.financial) flags |= numeral_flags::financial;
        }
      }
      r.exact = decimal::make(acc.m, acc.exp + mexp, false, acc.truncated);
      r.value = r.exact.to_double();
      r.ptr = q;
      r.ec = errc::ok;
      r.flags = flags;
      return r;
    }
    break;
  }
  if (!good) return r;
  r.value = static_cast<double>(good_val);
  r.exact = decimal::make(good_val);
  r.ptr = good;
  r.ec = errc::ok;
  r.flags = good_flags;
  return r;
}

/** Reads 1..4 plain digits (no separators) at p; -1 when none or more than 4. */
constexpr int read_coefficient(const char*& p, const char* last, bool& fullwidth) noexcept {
  const char* q = p;
  int v = 0, n = 0;
  bool fw = false;
  unsigned len = 0;
  for (int d = arabic_digit_at(q, last, len); d >= 0; d = arabic_digit_at(q, last, len)) {
    if (++n > 4) return -1;
    v = v * 10 + d;
    fw = fw || len == 3;
    q += len;
  }
  if (n == 0) return -1;
  p = q;
  fullwidth = fw;
  return v;
}

/**
 * The end of an Arabic numeral: the digits (acc, flags, is_dec) end at p; reads an optional
 * Chinese magnitude (mixed numeral) and builds the result.
 */
constexpr number_result arabic_tail(const char* p, const char* last, decimal_acc acc,
                                    std::uint16_t flags, bool is_dec, unsigned opts) noexcept {
  number_result r;
  r.form = numeral_form::arabic;
  const numeral_char c = (opts & numeral_options::no_magnitude)
                             ? numeral_char{numeral_kind::none, 0, false}
                             : numeral_info_at(p, last);
  const bool unit_next =
      (c.kind == numeral_kind::small_unit && c.value >= 2) || c.kind == numeral_kind::big_unit;
  if (unit_next && (is_dec || acc.truncated || acc.exp != 0 || acc.m >= 100000000000ull)) {
    // One magnitude chain after a decimal or huge mantissa: 13.73wan, 3.5wan-Yi, 1.5qian-wan.
    const magnitude_result mg = parse_magnitude_at(p, last, is_dec, false);
    if (mg) {
      r.exact = decimal::make(acc.m, acc.exp + mg.exponent, false, acc.truncated);
      r.value = r.exact.to_double();
      r.ptr = mg.ptr;
      r.form = numeral_form::mixed;
      r.flags = static_cast<std::uint16_t>(flags | numeral_flags::magnitude |
                                           (mg.financial ? numeral_flags::financial : 0u));
      r.ec = is_finite_value(r.value) ? errc::ok : errc::out_of_range;
      return r;
    }
  } else if (unit_next) {
    // Positional with Arabic coefficients: 1qian, 2qian-wan, 12000wan, 3wan5qian, 1Yi2000wan.
    std::uint64_t yi = 0, wan = 0, sec = 0;
    int small = 4;
    bool have_wan = false, have_yi = false;
    std::uint64_t pend = acc.m;
    bool has_pend = true;
    int pend_prev = -2;
    int prev_unit = -2;
    const char* good = nullptr;
    decimal good_val = decimal::make(0);
    std::uint16_t good_flags = 0;
    bool after_ling = false;
    const char* q = p;
    for (;;) {
      const numeral_char u = numeral_info_at(q, last);
      if (u.kind == numeral_kind::small_unit && u.value >= 2) {
        const int x = u.value;
        if (!has_pend || pend < 1 || pend > 9 || x >= small) break;
        if (pend_prev == 2 || pend_prev == 3) {
          if (x != pend_prev - 1) break;
        }
        sec += pend * pow10_u64[x];
        small = x;
        has_pend = false;
        prev_unit = x;
      } else if (u.kind == numeral_kind::big_unit) {
        const int x = u.value;
        if (!has_pend && prev_unit >= 4) break;  // no wan-wan / Yi-wan after Arabic digits
        if (has_pend && (pend_prev == 2 || pend_prev == 3 || (pend_prev == 4 && x == 8))) break;
        const std::uint64_t part = sec + (has_pend ? pend : 0u);
        if ((have_wan || have_yi) && part >= 10000u) break;
        if (x == 4) {
          if (have_wan || part == 0) break;
          wan = part;
          have_wan = true;
        } else {
          if (have_yi) break;
          const std::uint64_t v = wan * 10000u + part;
          if (v == 0) break;
          yi = v;
          wan = 0;
          have_wan = false;
          have_yi = true;
        }
        sec = 0;
        small = 4;
        has_pend = false;
        prev_unit = x;
      } else if (!has_pend && (prev_unit == 2 || prev_unit == 3) && u.kind == numeral_kind::digit &&
                 u.value == 0 && !(opts & numeral_options::no_colloquial) && !after_ling) {
        // 2 qian ling 30 wan: ling marks the skipped place, the next coefficient is below it
        unsigned dl = 0;
        if (arabic_digit_at(q + 3, last, dl) < 0) break;
        after_ling = true;
        q += 3;
        continue;
      } else if (!has_pend && prev_unit >= 2) {
        bool fw = false;
        const char* t = q;
        const int v = read_coefficient(t, last, fw);
        if (v < 0) break;
        if (after_ling && static_cast<std::uint64_t>(v) >= pow10_u64[small - 1]) break;
        pend = static_cast<std::uint64_t>(v);
        has_pend = true;
        pend_prev = after_ling ? -1 : prev_unit;
        prev_unit = -1;
        if (after_ling) {  // 2 qian ling 30: a valid end
          good = t;
          good_val = compose_exact(yi, wan, sec + pend);
          good_flags = flags;
        }
        if (fw) flags |= numeral_flags::fullwidth;
        q = t;
        continue;  // not a valid end: a unit must follow
      } else {
        break;
      }
      if (u.financial) flags |= numeral_flags::financial;
      q += 3;
      good = q;
      good_val = compose_exact(yi, wan, sec);
      good_flags = flags;
    }
    if (good) {
      r.exact = good_val;
      r.value = good_val.to_double();
      r.ptr = good;
      r.form = numeral_form::mixed;
      r.flags = static_cast<std::uint16_t>(good_flags | numeral_flags::magnitude);
      r.ec = errc::ok;
      return r;
    }
  }
  r.exact = decimal::make(acc.m, acc.exp, false, acc.truncated);
  r.value = r.exact.to_double();
  r.ptr = p;
  r.flags = flags;
  r.ec = is_finite_value(r.value) ? errc::ok : errc::out_of_range;
  return r;
}

/** Arabic or mixed numeral (no sign) at [first, last). See the grammar atop this header. */
constexpr number_result parse_arabic_unsigned(const char* first, const char* last,
                                              unsigned opts) noexcept {
  number_result r;
  r.ptr = first;
  r.form = numeral_form::arabic;
  const char* p = first;
  unsigned len = 0;
  int d = 0;
  decimal_acc acc;
  std::uint16_t flags = 0;
  int ndig = 0;
  bool lead_zero = false;
  if (p < last) lead_zero = *p == '0';
  if (p < last && static_cast<unsigned>(static_cast<unsigned char>(*p) - '0') <= 9u) {
    // ASCII digits, the common case: a tight loop while 19 digits fit in 64 bits.
    std::uint64_t m = 0;
    const char* const run = p;
    unsigned b = 0;
    while (p < last && (b = static_cast<unsigned>(static_cast<unsigned char>(*p) - '0')) <= 9u &&
           p - run < 19) {
      m = m * 10u + b;
      ++p;
    }
    acc.m = m;
    ndig = static_cast<int>(p - run);
  }
  for (;;) {
    if (p < last) {
      const unsigned b = static_cast<unsigned char>(*p);
      if (b - '0' <= 9u) {  // beyond 19 digits, or after full-width digits
        if (ndig == 0) lead_zero = b == '0';
        acc.push_int(b - '0');
        ++p;
        ++ndig;
        continue;
      }
      if (b == 0xEFu && (d = arabic_digit_at(p, last, len)) >= 0) {
        if (ndig == 0) lead_zero = d == 0;
        acc.push_int(static_cast<unsigned>(d));
        flags |= numeral_flags::fullwidth;
        p += len;
        ++ndig;
        continue;
      }
    }
    break;
  }
  if (ndig == 0) return r;
  // Fast exit: an ASCII byte other than ',' and '.' (or the end) cannot continue it.
  if (p == last || (static_cast<unsigned char>(*p) < 0x80u && *p != ',' && *p != '.')) {
    r.exact = decimal::make(acc.m, acc.exp, false, acc.truncated);
    r.value = r.exact.to_double();
    r.ptr = p;
    r.flags = flags;
    r.ec = is_finite_value(r.value) ? errc::ok : errc::out_of_range;
    return r;
  }
  if (!(opts & numeral_options::no_grouping) && ndig <= 3 && !lead_zero) {
    int kind = 0;  // 1 = ',' 2 = U+FF0C
    for (;;) {
      int k = 0;
      unsigned sl = 0;
      if (p < last && *p == ',') {
        k = 1;
        sl = 1;
      } else if (last - p >= 3 && static_cast<unsigned char>(p[0]) == 0xEFu &&
                 static_cast<unsigned char>(p[1]) == 0xBCu &&
                 static_cast<unsigned char>(p[2]) == 0x8Cu) {  // U+FF0C full-width comma
        if (opts & numeral_options::no_fullwidth_grouping) break;
        k = 2;
        sl = 3;
      }
      if (k == 0 || (kind != 0 && k != kind)) break;
      const char* q = p + sl;
      unsigned l1 = 0, l2 = 0, l3 = 0, l4 = 0;
      const int d1 = arabic_digit_at(q, last, l1);
      if (d1 < 0) break;
      const int d2 = arabic_digit_at(q + l1, last, l2);
      if (d2 < 0) break;
      const int d3 = arabic_digit_at(q + l1 + l2, last, l3);
      if (d3 < 0) break;
      const char* q2 = q + l1 + l2 + l3;
      if (arabic_digit_at(q2, last, l4) >= 0) break;
      acc.push_int(static_cast<unsigned>(d1));
      acc.push_int(static_cast<unsigned>(d2));
      acc.push_int(static_cast<unsigned>(d3));
      if (k == 2 || l1 == 3 || l2 == 3 || l3 == 3) flags |= numeral_flags::fullwidth;
      flags |= numeral_flags::grouped;
      p = q2;
      kind = k;
    }
  }
  bool is_dec = false;
  {
    unsigned pl = 0;
    if (p < last && *p == '.') {
      pl = 1;
    } else if (last - p >= 3 && static_cast<unsigned char>(p[0]) == 0xEFu &&
               static_cast<unsigned char>(p[1]) == 0xBCu &&
               static_cast<unsigned char>(p[2]) == 0x8Eu) {  // U+FF0E full-width full stop
      pl = 3;
    }
    if (pl != 0 && arabic_digit_at(p + pl, last, len) >= 0) {
      if (pl == 3) flags |= numeral_flags::fullwidth;
      p += pl;
      while ((d = arabic_digit_at(p, last, len)) >= 0) {
        acc.push_frac(static_cast<unsigned>(d));
        if (len == 3) flags |= numeral_flags::fullwidth;
        p += len;
      }
      is_dec = true;
      flags |= numeral_flags::decimal;
    }
  }

  return arabic_tail(p, last, acc, flags, is_dec, opts);
}

/** Length of a sign at p (0 if none); `neg` set for minus signs; `han` for fu (both forms). */
constexpr unsigned sign_length(const char* p, const char* last, bool& neg, bool& han) noexcept {
  neg = false;
  han = false;
  if (p >= last) return 0;
  if (*p == '-') {
    neg = true;
    return 1;
  }
  if (*p == '+') return 1;
  const unsigned b0 = static_cast<unsigned char>(*p);
  if (b0 != 0xE2u && b0 != 0xE8u && b0 != 0xEFu) return 0;  // lead bytes of the signs below
  const char32_t c = peek3(p, last);
  switch (c) {
    case U'\uFF0D':  // full-width hyphen-minus
    case U'\u2212':  // minus sign
      neg = true;
      return 3;
    case U'\uFF0B':
      return 3;      // full-width plus
    case U'\u8D1F':  // fu, negative
    case U'\u8CA0':  // fu, negative (traditional)
      neg = true;
      han = true;
      return 3;
    default:
      return 0;
  }
}

/** True when the 6 bytes at q are U+5206 U+4E4B (fen zhi, "parts of" in X fen zhi Y). */
constexpr bool is_fenzhi(const char* q, const char* e) noexcept {
  return e - q >= 6 && static_cast<unsigned char>(q[0]) == 0xE5u &&
         static_cast<unsigned char>(q[1]) == 0x88u && static_cast<unsigned char>(q[2]) == 0x86u &&
         static_cast<unsigned char>(q[3]) == 0xE4u && static_cast<unsigned char>(q[4]) == 0xB9u &&
         static_cast<unsigned char>(q[5]) == 0x8Bu;
}

/** Everything but the plain ASCII decimal: signs, groups, full width, Chinese numerals. */
ZHSCAN_DETAIL_NOINLINE constexpr number_result parse_number_general(const char* first,
                                                                    const char* last,
                                                                    unsigned opts) noexcept {
  const char* p = first;
  bool neg = false, han_sign = false;
  unsigned sl = 0;
  if (!(opts & numeral_options::no_sign)) sl = sign_length(p, last, neg, han_sign);
  p += sl;
  number_result r;
  unsigned dl = 0;
  const bool arabic_next = arabic_digit_at(p, last, dl) >= 0;
  if (arabic_next) {
    if (!(opts & numeral_options::no_arabic)) r = parse_arabic_unsigned(p, last, opts);
  } else if (sl == 0 || han_sign) {
    if (!(opts & numeral_options::no_han)) r = parse_han_unsigned(p, last, opts);
  }
  if (r.ec == errc::invalid_argument) {
    r.ptr = first;
    r.value = 0;
    r.flags = 0;
    return r;
  }
  if (sl != 0) {
    r.flags |= numeral_flags::sign;
    if (neg) {
      r.flags |= numeral_flags::negative;
      if (r.value != 0) r.value = -r.value;
      r.exact = -r.exact;
    }
  }
  return r;
}

/** parse_number: an inlined fast path for short ASCII decimals, else parse_number_general. */
ZHSCAN_ALWAYS_INLINE constexpr number_result parse_number_impl(const char* first, const char* last,
                                                               unsigned opts) noexcept {
  if (first < last && static_cast<unsigned>(static_cast<unsigned char>(*first) - '0') <= 9u) {
    if (opts & numeral_options::no_arabic) {
      return number_result{0.0, first, errc::invalid_argument, numeral_form::arabic, 0};
    }
    // The common case, kept small enough to inline: ASCII digits [. ASCII digits] followed
    // by the end or an ASCII byte that cannot continue a numeral. Anything else (groups,
    // full-width forms, magnitudes, more than 18 digits) takes the general path.
    const char* p = first;
    std::uint64_t m = 0;
    unsigned b = 0;
    while (p < last && (b = static_cast<unsigned>(static_cast<unsigned char>(*p) - '0')) <= 9u) {
      m = m * 10u + b;
      ++p;
    }
    int exp = 0;
    std::uint16_t flags = 0;
    if (last - p >= 2 && *p == '.' &&
        static_cast<unsigned>(static_cast<unsigned char>(p[1]) - '0') <= 9u) {
      const char* q = p + 1;
      while (q < last && (b = static_cast<unsigned>(static_cast<unsigned char>(*q) - '0')) <= 9u) {
        m = m * 10u + b;
        ++q;
        --exp;
      }
      p = q;
      flags = numeral_flags::decimal;
    }
    if (p - first <= 16 + (exp != 0) && exp >= -16 &&
        (p == last || (static_cast<unsigned char>(*p) < 0x80u && *p != ',' && *p != '.'))) {
      // <= 16 digits: m < 10^16 < 2^63 (no wrap above), exact when <= 2^53, and 10^-exp is
      // an exact double, so one IEEE operation rounds correctly.
      if (m <= 9007199254740992ull) {
        const double v =
            exp == 0 ? static_cast<double>(m) : static_cast<double>(m) / pow10_f64[-exp];
        return number_result{v, p, errc::ok, numeral_form::arabic, flags, decimal::make(m, exp)};
      }
    }
    if (p - first <= 16 + (exp != 0) && p < last && static_cast<unsigned char>(*p) >= 0x80u &&
        static_cast<unsigned char>(*p) != 0xEFu) {
      // A non-ASCII byte that is not a full-width digit, point or comma: maybe a magnitude.
      decimal_acc acc;
      acc.m = m;
      acc.exp = exp;
      return arabic_tail(p, last, acc, flags, exp != 0, opts);
    }
    return parse_arabic_unsigned(first, last, opts);
  }
  // Cheap rejection of the bytes that start no numeral (a scanner calls this at many
  // positions that hold none): ASCII other than signs, and non-numeral Han characters.
  const number_result none{0.0, first, errc::invalid_argument, numeral_form::arabic, 0};
  if (first >= last) return none;
  const unsigned b0 = static_cast<unsigned char>(*first);
  if (b0 < 0x80u) {
    if (b0 != '-' && b0 != '+') return none;
  } else if (b0 >= 0xE3u && b0 <= 0xE9u) {
    if (numeral_info_at(first, last).kind == numeral_kind::none) return none;
  } else if (b0 != 0xE2u && b0 != 0xEFu) {  // U+2212 minus, full-width digits and signs
    return none;
  }
  return parse_number_general(first, last, opts);
}

}  // namespace detail

/**
 * Parses the longest numeral at the start of `s` (Arabic, Chinese or mixed; see the
 * grammar atop this header) like std::from_chars: `ptr` is one past the last byte of the
 * numeral, so a scanner can call it at any position and continue at `ptr`.
 *
 * `options` is a set of numeral_options bits (0 = everything enabled). Values are exact
 * for integers up to 2^53 and correctly rounded for decimals (13.73wan == 137300.0 exactly,
 * 0.1 == 0.1); Chinese integers are exact below 10^16 where the double is.
 * Errors: errc::invalid_argument (nothing consumed, ptr == s.data()) when no numeral starts
 * at s.data() (including empty input); errc::out_of_range when the value is not finite.
 * Never reads outside `s`. No throw, no alloc, no locale.
 */
constexpr number_result parse_number(std::string_view s, unsigned options = 0) noexcept;

/**
 * Chinese numerals only (yi-bai-ling-wu, san-dian-wu-Yi, er-ling-er-san, ban, fu-san): what a
 * scanner looking at a Han character calls to learn how much of the text is a numeral. Same result
 * contract as parse_number. No throw, no alloc.
 */
constexpr number_result parse_han_number(std::string_view s, unsigned options = 0) noexcept {
  return detail::parse_number_impl(s.data(), s.data() + s.size(),
                                   options | numeral_options::no_arabic);
}

/**
 * Parses a Chinese magnitude chain at the start of `s`: [shi|bai|qian] [wan] [Yi], at
 * least one character, shi only before wan/Yi (wan = 4, qian-wan = 7, wan-Yi = 12, shi-wan
 * = 5, bai = 2). For callers that found duo/yu/ji between a number and its magnitude
 * (3000-duo-wan: 3000, duo, then wan).
 * Success: ptr past the chain. Failure: errc::invalid_argument, ptr == s.data().
 * No throw, no alloc.
 */
constexpr magnitude_result parse_magnitude(std::string_view s) noexcept {
  return detail::parse_magnitude_at(s.data(), s.data() + s.size(), true, true);
}

/**
 * Parses a fraction "X fen-zhi Y" at the start of `s` (value Y / X): san-fen-zhi-yi = 1/3,
 * "3 fen-zhi 2", bai-fen-zhi-san-shi = 0.3 (denominator 100), qian-fen-zhi-san, wan-fen-zhi-wu,
 * bai-fen-zhi-bai = 1. X and Y are numerals as parse_number reads them (no sign of their
 * own; a sign or fu before X negates the result); X may be a bare bai/qian/wan, Y a bare
 * bai/qian. A zero denominator, a missing fen-zhi or a missing Y is errc::invalid_argument
 * with ptr == s.data(). No throw, no alloc.
 */
constexpr fraction_result parse_fraction(std::string_view s, unsigned options = 0) noexcept {
  fraction_result r;
  const char* const first = s.data();
  const char* const last = first + s.size();
  r.ptr = first;
  const char* p = first;
  bool neg = false, han_sign = false;
  unsigned sl = 0;
  if (!(options & numeral_options::no_sign)) sl = detail::sign_length(p, last, neg, han_sign);
  p += sl;
  const unsigned sub = options | numeral_options::no_sign | numeral_options::no_half;
  decimal den_x = decimal::make(0);
  numeral_form den_form = numeral_form::han;
  std::uint16_t flags = 0;
  const detail::numeral_char c = detail::numeral_info_at(p, last);
  const bool bare_unit = (c.kind == detail::numeral_kind::small_unit && c.value >= 2) ||
                         (c.kind == detail::numeral_kind::big_unit && c.value == 4);
  if (bare_unit && detail::is_fenzhi(p + 3, last)) {
    den_x = decimal::make(1, c.value);
    p += 3;
  } else {
    const number_result d = detail::parse_number_impl(p, last, sub);
    if (!d) return r;
    den_x = d.exact;
    den_form = d.form;
    flags = d.flags;
    p = d.ptr;
  }
  if (!detail::is_fenzhi(p, last)) return r;
  p += 6;
  decimal num_x = decimal::make(0);
  numeral_form num_form = numeral_form::han;
  const number_result n = detail::parse_number_impl(p, last, sub);
  if (n) {
    num_x = n.exact;
    num_form = n.form;
    flags |= n.flags;
    p = n.ptr;
  } else {
    const detail::numeral_char u = detail::numeral_info_at(p, last);
    if (u.kind != detail::numeral_kind::small_unit || u.value < 2) return r;
    // bai-fen-zhi-bai
    num_x = decimal::make(1, u.value);
    p += 3;
  }
  if (den_x.is_zero()) return r;
  r.numerator_exact = num_x;
  r.denominator_exact = den_x;
  r.exact = quotient(num_x, den_x);
  if (sl != 0) {
    flags |= numeral_flags::sign;
    if (neg) {
      flags |= numeral_flags::negative;
      r.exact = -r.exact;
    }
  }
  r.numerator = num_x.to_double();
  r.denominator = den_x.to_double();
  r.value = r.exact.to_double();
  r.form = den_form == num_form ? den_form : numeral_form::mixed;
  r.flags = flags;
  r.ptr = p;
  r.ec = errc::ok;
  return r;
}

namespace detail {

constexpr bool ascii_alnum_at(const char* p, const char* last) noexcept {
  if (p >= last) return false;
  const unsigned c = static_cast<unsigned char>(*p);
  return c - '0' <= 9u || (c | 0x20u) - 'a' <= 25u;
}

/** `r` with the exact value `x` (and its double). */
constexpr number_result with_exact(number_result r, const decimal& x) noexcept {
  r.exact = x;
  r.value = x.to_double();
  r.ec = is_finite_value(r.value) ? errc::ok : errc::out_of_range;
  return r;
}

/** ASCII digits at p (at most 19): their value, count in `n`, end in `p`. */
constexpr std::uint64_t ascii_digits(const char*& p, const char* last, int& n) noexcept {
  std::uint64_t m = 0;
  n = 0;
  while (p < last && n < 19 && static_cast<unsigned>(static_cast<unsigned char>(*p) - '0') <= 9u) {
    m = m * 10u + static_cast<unsigned>(static_cast<unsigned char>(*p) - '0');
    ++p;
    ++n;
  }
  return m;
}

/** The forms of the base grammar's tail, after a numeral `r` (no sign) ending at r.ptr. */
constexpr number_result colloquial_tail(number_result r, const char* last, unsigned opts) noexcept {
  const char* p = r.ptr;
  const bool integer = !r.has(numeral_flags::decimal);
  // Latin notation after Arabic digits: 2e5, -127.32e13, 15k, 100K, 3M, 1.2M, .0012G, 30w
  if (r.form == numeral_form::arabic && !r.has(numeral_flags::magnitude) && p < last) {
    const char c = *p;
    if ((c == 'e' || c == 'E') && p + 1 < last) {
      const char* q = p + 1;
      bool neg = false;
      if (*q == '-' || *q == '+') {
        neg = *q == '-';
        ++q;
      }
      int n = 0;
      const std::uint64_t e = ascii_digits(q, last, n);
      if (n >= 1 && n <= 3 && !ascii_alnum_at(q, last)) {
        const auto ex = static_cast<std::int32_t>(e);
        r = with_exact(r, r.exact.scaled(neg ? -ex : ex));
        r.ptr = q;
        return r;
      }
    }
    int pw = 0;
    unsigned ll = 1;
    if (c == 'k' || c == 'K') pw = 3;
    else if (c == 'M') pw = 6;
    else if (c == 'G') pw = 9;
    else if (c == 'T') pw = 12;
    else if (c == 'w') pw = 4;
    else if (static_cast<unsigned char>(c) == 0xEFu) {  // full-width K k M G T
      const char32_t fw = peek3(p, last);
      ll = 3;
      if (fw == U'\uFF2B' || fw == U'\uFF4B') pw = 3;
      else if (fw == U'\uFF2D') pw = 6;
      else if (fw == U'\uFF27') pw = 9;
      else if (fw == U'\uFF34') pw = 12;
    }
    if (pw != 0 && !ascii_alnum_at(p + ll, last)) {
      r = with_exact(r, r.exact.scaled(pw));
      r.ptr = p + ll;
      r.flags |= numeral_flags::magnitude;
      return r;
    }
    // 3 1/2: a whole number, one space, a proper fraction of Arabic integers
    if (c == ' ' && !r.has(numeral_flags::decimal)) {
      const unsigned ao = numeral_options::no_sign | numeral_options::no_han | numeral_options::no_magnitude |
                          numeral_options::no_grouping;
      const number_result n = parse_number_impl(p + 1, last, ao);
      if (n && !n.has(numeral_flags::decimal) && n.ptr < last && (*n.ptr == '/' || peek3(n.ptr, last) == U'\uFF0F')) {
        const number_result d = parse_number_impl(n.ptr + (*n.ptr == '/' ? 1 : 3), last, ao);
        if (d && !d.has(numeral_flags::decimal) && !ascii_alnum_at(d.ptr, last) && n.exact < d.exact) {
          r = with_exact(r, r.exact + quotient(n.exact, d.exact));
          r.ptr = d.ptr;
          return r;
        }
      }
    }
  }
  // 3wan4000, 1bai23, 3qian500: after wan / bai / qian, exactly four / two / three ASCII
  // digits fill the places below
  if (r.form == numeral_form::mixed && integer && last - p >= 2) {
    const char32_t prev = peek3(p - 3, last);
    const int places = prev == U'\u4E07' || prev == U'\u842C'   ? 4
                       : prev == U'\u767E' || prev == U'\u4F70' ? 2
                       : prev == U'\u5343' || prev == U'\u4EDF' ? 3
                                                                : 0;
    if (places != 0) {
      const char* q = p;
      int n = 0;
      const std::uint64_t m = ascii_digits(q, last, n);
      if (n == places && !(q < last && (*q == '.' || *q == ','))) {
        unsigned dl = 0;
        if (arabic_digit_at(q, last, dl) < 0 && numeral_info_at(q, last).kind == numeral_kind::none) {
          r = with_exact(r, r.exact + decimal::make(m));
          r.ptr = q;
          return r;
        }
      }
    }
  }
  const char32_t nx = peek3(p, last);
  // 5%, 12.5 full-width %, 3 per-mille: the value as a fraction
  if (p < last && !r.has(numeral_flags::percent) && (*p == '%' || nx == U'\uFF05' || nx == U'\u2030')) {
    r = with_exact(r, quotient(r.exact, decimal::make(nx == U'\u2030' ? 1000 : 100)));
    r.ptr = p + (*p == '%' ? 1 : 3);
    r.flags |= numeral_flags::percent;
    return r;
  }
  // shi yu wan, san qian duo wan, 3000 duo wan: duo / yu before a magnitude, a lower bound
  if (integer && (nx == U'\u591A' || nx == U'\u4F59' || nx == U'\u9918')) {
    const magnitude_result mg = parse_magnitude_at(p + 3, last, true, true);
    if (mg) {
      r = with_exact(r, r.exact.scaled(mg.exponent));
      r.ptr = mg.ptr;
      r.flags |= numeral_flags::more | numeral_flags::magnitude;
      if (r.form == numeral_form::arabic) r.form = numeral_form::mixed;
      return r;
    }
    if (p + 3 == last) {  // wu bai yu, yi bai wu shi duo: a lower bound ending the input
      r.ptr = last;
      r.flags |= numeral_flags::more;
      return r;
    }
  }
  // 1 qian 2 bai 3 shi 4, 3 shi 4, 5 shi: an Arabic digit before shi (and one after it)
  if (integer && (r.form == numeral_form::mixed || (r.form == numeral_form::arabic && r.exact > decimal::make(0) &&
                                                    r.exact < decimal::make(10))) &&
      p < last) {
    const bool after_bai = r.form == numeral_form::mixed && (peek3(p - 3, last) == U'\u767E' || peek3(p - 3, last) == U'\u4F70');
    const char* q = p;
    std::uint64_t tens = 0;
    if (after_bai && last - q >= 4 && static_cast<unsigned>(*q - '1') <= 8u && peek3(q + 1, last) == U'\u5341') {
      tens = static_cast<unsigned>(*q - '0');
      q += 4;
    } else if (r.form == numeral_form::arabic && peek3(q, last) == U'\u5341') {
      tens = 0;  // the digit read is the tens digit
      q += 3;
    } else {
      q = nullptr;
    }
    if (q) {
      std::uint64_t ones = 0;
      if (q < last && static_cast<unsigned>(*q - '1') <= 8u &&
          !(q + 1 < last && (static_cast<unsigned>(q[1] - '0') <= 9u || q[1] == '.' || q[1] == ','))) {
        ones = static_cast<unsigned>(*q - '0');
        ++q;
      }
      if (numeral_info_at(q, last).kind == numeral_kind::none) {
        const decimal add = r.form == numeral_form::arabic ? r.exact * decimal::make(9) + decimal::make(ones)
                                                           : decimal::make(tens * 10u + ones);
        r = with_exact(r, r.exact + add);
        r.ptr = q;
        r.form = numeral_form::mixed;
        r.flags |= numeral_flags::magnitude;
        return r;
      }
    }
  }
  // yi ban = 0.5 (the numeral is yi alone)
  if (nx == U'\u534A' && r.form == numeral_form::han && r.flags == 0 && r.exact == decimal::make(1) &&
      peek3(p - 3, last) == U'\u4E00') {
    r = with_exact(r, decimal::make(5, -1));
    r.ptr = p + 3;
    r.flags |= numeral_flags::half;
    return r;
  }
  if (r.has(numeral_flags::half) && r.exact == decimal::make(5, -1)) {
    // ban ge = 0.5; ban bai = 50, ban wan = 5000 (half of a magnitude)
    if (nx == U'\u4E2A' || nx == U'\u500B') {
      r.ptr = p + 3;
      return r;
    }
    const numeral_char u = numeral_info_at(p, last);
    if ((u.kind == numeral_kind::small_unit && u.value >= 2) || u.kind == numeral_kind::big_unit) {
      r = with_exact(r, r.exact.scaled(u.value));
      r.ptr = p + 3;
      r.flags |= numeral_flags::magnitude;
      return r;
    }
  }
  // Forms read only when they end the input (a numeral on its own; in running text they
  // are other words): san ge = 3, wu fen yi = 1/5, 1 dian 5 = 1.5
  if (integer && (nx == U'\u4E2A' || nx == U'\u500B') && p + 3 == last) {
    r.ptr = last;
    return r;
  }
  if (integer && nx == U'\u5206' && !r.exact.is_zero() && !is_fenzhi(p, last)) {
    const number_result n = parse_number_impl(p + 3, last, numeral_options::no_sign | numeral_options::no_half);
    if (n && n.ptr == last) {
      r = with_exact(r, quotient(n.exact, r.exact));
      r.ptr = last;
      r.flags |= n.flags;
      return r;
    }
  }
  // ling-dian 77: a Han integer, the Han point, Arabic digits (an Arabic integer too when
  // the digits end the input: 1 dian 5)
  if ((r.form == numeral_form::han || r.form == numeral_form::arabic) && integer &&
      (nx == U'\u70B9' || nx == U'\u9EDE')) {
    const char* q = p + 3;
    int n = 0;
    const std::uint64_t m = ascii_digits(q, last, n);
    if (n > 0 && !(q < last && static_cast<unsigned>(static_cast<unsigned char>(*q) - '0') <= 9u) &&
        (r.form == numeral_form::han || q == last)) {
      r = with_exact(r, r.exact + decimal::make(m, -n));
      r.ptr = q;
      r.flags |= numeral_flags::decimal;
      return r;
    }
  }
  // 3/2, full-width 3/5: a fraction of two Arabic integers
  if (r.form == numeral_form::arabic && integer && p < last && (*p == '/' || nx == U'\uFF0F')) {
    const char* q = p + (*p == '/' ? 1 : 3);
    const number_result d = parse_number_impl(q, last, numeral_options::no_sign | numeral_options::no_han |
                                                           numeral_options::no_magnitude);
    if (d && !d.has(numeral_flags::decimal) && !d.exact.is_zero()) {
      r = with_exact(r, quotient(r.exact, d.exact));
      r.ptr = d.ptr;
      r.flags |= d.flags;
      return r;
    }
  }
  // yi you er fen zhi yi, 3 you qian fen zhi 23: a whole number and a fraction
  if (integer && nx == U'\u53C8') {  // you
    const fraction_result f =
        parse_fraction(std::string_view(p + 3, static_cast<std::size_t>(last - p - 3)), opts | numeral_options::no_sign);
    if (f) {
      r = with_exact(r, r.exact + f.exact);
      r.ptr = f.ptr;
      r.flags |= f.flags;
      if (f.form != r.form) r.form = numeral_form::mixed;
      return r;
    }
  }
  if (integer && (nx == U'\u4E2A' || nx == U'\u500B') && peek3(p + 3, last) == U'\u534A') {  // ge ban
    r = with_exact(r, r.exact + decimal::make(5, -1));
    r.ptr = p + 6;
    return r;
  }
  if (nx == U'\u6253') {  // da, a dozen
    r = with_exact(r, r.exact * decimal::make(12));
    r.ptr = p + 3;
    return r;
  }
  if (nx == U'\u5BF9' || nx == U'\u5C0D' || nx == U'\u53CC' || nx == U'\u96D9') {  // dui, shuang: a pair
    r = with_exact(r, r.exact * decimal::make(2));
    r.ptr = p + 3;
    return r;
  }
  return r;
}

/** parse_number without a sign, with the colloquial forms. */
constexpr number_result parse_colloquial_unsigned(const char* first, const char* last, unsigned opts) noexcept {
  number_result r = parse_number_impl(first, last, opts | numeral_options::no_sign);
  if (r.ec == errc::invalid_argument && first < last) {
    const char32_t c = peek3(first, last);
    unsigned dl = 0;
    if ((*first == '.' || c == U'\uFF0E') && arabic_digit_at(first + (*first == '.' ? 1 : 3), last, dl) >= 0 &&
        !(opts & numeral_options::no_arabic)) {
      // .77, .0012G: a decimal with no integer part
      const char* q = first + (*first == '.' ? 1 : 3);
      decimal_acc acc;
      for (int d = arabic_digit_at(q, last, dl); d >= 0; d = arabic_digit_at(q, last, dl)) {
        acc.push_frac(static_cast<unsigned>(d));
        q += dl;
      }
      r = number_result{};
      r.form = numeral_form::arabic;
      r.flags = numeral_flags::decimal;
      r = with_exact(r, decimal::make(acc.m, acc.exp, false, acc.truncated));
      r.ptr = q;
    } else if ((c == U'\u4FE9' || c == U'\u5006' || c == U'\u4EE8') &&
               !(opts & numeral_options::no_han)) {  // lia (s/t), sa: 2, 3
      r = number_result{};
      r.form = numeral_form::han;
      r = with_exact(r, decimal::make(c == U'\u4EE8' ? 3 : 2));
      r.ptr = first + 3;
    } else if (!(opts & numeral_options::no_han) && last - first == 3 &&
               (numeral_info_at(first, last).kind == numeral_kind::big_unit ||
                numeral_info_at(first, last).kind == numeral_kind::small_unit)) {
      // bai, qian, wan, Yi as the whole input: one of it (bai = 100)
      r = number_result{};
      r.form = numeral_form::han;
      const numeral_char u = numeral_info_at(first, last);
      r = with_exact(r, decimal::make(1, u.value));
      if (u.financial) r.flags |= numeral_flags::financial;
      r.ptr = last;
    } else if (!(opts & numeral_options::no_han)) {
      // bai-san = 130, qian-yi = 1100, wan-jiu = 19000, bai-er-wan, shi (financial) = 10,
      // wan-wan: a leading bare unit has an implicit yi
      // (only before a digit, as wan-wan, or a financial shi ending the input: a bare bai,
      // qian-wan, wan stay words)
      const numeral_char u = numeral_info_at(first, last);
      const numeral_char u2 = numeral_info_at(first + 3, last);
      const bool lead = (u.kind == numeral_kind::small_unit || u.kind == numeral_kind::big_unit) &&
                        (u2.kind == numeral_kind::digit || u2.kind == numeral_kind::liang ||
                         (u.kind == numeral_kind::big_unit && u.value == 4 && u2.kind == numeral_kind::big_unit &&
                          u2.value == 4 && numeral_info_at(first + 6, last).kind == numeral_kind::none) ||
                         (u.kind == numeral_kind::small_unit && u.value == 1 && u.financial && last - first == 3));
      if (lead) {
        char buf[3 + 96] = {'\xE4', '\xB8', '\x80'};  // yi
        const auto n = static_cast<int>(last - first < 96 ? last - first : 96);
        for (int i = 0; i < n; ++i) buf[3 + i] = first[i];
        const number_result h = parse_han_unsigned(buf, buf + 3 + n, opts);
        // past the unit (qian-ling-30 reads nothing: a bare qian is not read alone), or the
        // financial shi ending the input
        if (h && (h.ptr > buf + 6 || (h.ptr == buf + 6 && last - first == 3))) {
          r = h;
          r.ptr = first + (h.ptr - (buf + 3));
        }
      }
    }
  }
  if (r.ec == errc::ok) r = colloquial_tail(r, last, opts);
  // a fraction starting here (wu fen zhi yi, bai fen zhi wu, 3 fen zhi 2) when longer
  const fraction_result f =
      parse_fraction(std::string_view(first, static_cast<std::size_t>(last - first)), opts | numeral_options::no_sign);
  if (f && f.ptr > r.ptr) {
    number_result q;
    q.form = f.form;
    q.flags = f.flags;
    q = with_exact(q, f.exact);
    q.ptr = f.ptr;
    return q;
  }
  return r;
}

/** parse_number: the base grammar, then the colloquial forms when they read further. */
constexpr number_result parse_number_colloquial(const char* first, const char* last, unsigned opts) noexcept {
  const number_result r = parse_number_impl(first, last, opts);
  if (opts & numeral_options::no_colloquial) return r;
  // The common case: an ASCII numeral followed by an ASCII byte that continues no form.
  if (r.ec == errc::ok && r.ptr < last) {
    const unsigned b = static_cast<unsigned char>(*r.ptr);
    if (b < 0x80u && b - '0' > 9u && b != '/' && b != 'e' && b != 'E' && b != 'k' && b != 'K' && b != 'M' &&
        b != 'G' && b != 'T' && b != 'w' && b != '%' && b != ' ')
      return r;
  }
  // di yi bai ling yi: an ordinal (the numeral after di)
  if (r.ec == errc::invalid_argument && last - first > 3 && peek3(first, last) == U'\u7B2C' &&
      peek3(first + 3, last) != U'\u7B2C') {  // (one di: no recursion on di di di ...)
    number_result o = parse_number_colloquial(first + 3, last, opts | numeral_options::no_sign);
    if (o.ec == errc::invalid_argument) return r;
    o.flags |= numeral_flags::ordinal;
    return o;
  }
  bool neg = false, han = false;
  unsigned sl = 0;
  if (!(opts & numeral_options::no_sign)) {
    sl = sign_length(first, last, neg, han);
    if (sl == 0 && peek3(first, last) == U'\u96F6' && peek3(first + 3, last) == U'\u4E0B') {  // ling xia
      sl = 6;
      neg = true;
      han = true;
    }
    if (sl != 0 && !han) {  // an ASCII or full-width sign goes with Arabic digits (or .5) only
      unsigned dl = 0;
      const char* q = first + sl;
      if (arabic_digit_at(q, last, dl) < 0 && !(q < last && *q == '.') && peek3(q, last) != U'\uFF0E') return r;
    }
  }
  number_result u = parse_colloquial_unsigned(first + sl, last, opts);
  if (u.ec == errc::invalid_argument || u.ptr <= r.ptr) return r;
  if (sl != 0) {
    u.flags |= numeral_flags::sign;
    if (neg) {
      u.flags |= numeral_flags::negative;
      u.exact = -u.exact;
      u.value = u.exact.to_double();
    }
  }
  return u;
}

}  // namespace detail

/**
 * Parses the longest numeral at the start of `s` (Arabic, Chinese or mixed; see the
 * grammar atop this header) like std::from_chars: `ptr` is one past the last byte of the
 * numeral, so a scanner can call it at any position and continue at `ptr`.
 *
 * Besides the grammar atop this header it reads (unless numeral_options::no_colloquial)
 * the colloquial and shorthand forms: a leading bare unit with an implicit one (bai-san =
 * 130, qian-yi = 1100, wan-jiu = 19000, bai-er-wan = 1200000, financial shi = 10, shi-yi
 * = 11, wan-wan = 1e8); lia = 2, sa = 3; Latin notation after Arabic digits (2e5,
 * -127.32e13, 15k, 100K, 3M, 1.2M, 30w = 30wan; not before another letter: 15km); .77,
 * -.5, .0012G; 3wan4000 (four digits after wan); ling-dian 77 (Arabic digits after the Han
 * point); fractions 3/2 (also full width), X fen-zhi Y (wu fen zhi yi, bai fen zhi wu),
 * yi you er fen zhi yi = 1.5, 3 you qian fen zhi 23 = 3.023; N ge ban = N + 0.5; N da = 12N
 * (dozen); N dui / shuang = 2N (pair); ling xia (below zero) as a minus sign. Also (issue 10,
 * the forms the numeral libraries document): yi-bai-shi-yi = 111 (a bare shi after bai);
 * lia (traditional) = 2; yi ban = ban ge = 0.5, ban bai = 50, ban wan = 5000; duo / yu before
 * a magnitude or ending the input (shi yu wan = 100000, wu bai yu = 500: flag `more`);
 * 1bai23 = 123, 3qian500 (two / three digits after bai / qian, as four after wan); an Arabic
 * digit before shi (1 qian 2 bai 3 shi 4 = 1234, 3 shi 4, 5 shi); 5%, full-width %, per mille
 * (value / 100 or / 1000: flag `percent`); di N (ordinal: flag `ordinal`); 3T, full-width K k
 * M G T; 3 1/2 (a whole number, one space, a proper fraction); a Latin O typed for ling in a
 * digit run (er O er san); bai, qian, wan, Yi as the whole input (one of it). Read only when
 * they end the input (a numeral on its own line; in running text they are other words):
 * N ge = N, wu fen yi = 1/5, 1 dian 5 = 1.5.
 *
 * `options` is a set of numeral_options bits (0 = everything enabled). `exact` is the
 * exact decimal of what is written (2.01wan = 20100 exactly); `value` is exact.to_double(),
 * correctly rounded (13.73wan == 137300.0, 0.1 == 0.1).
 * Errors: errc::invalid_argument (nothing consumed, ptr == s.data()) when no numeral starts
 * at s.data() (including empty input); errc::out_of_range when the value is not finite.
 * Never reads outside `s`. No throw, no alloc, no locale.
 */
constexpr number_result parse_number(std::string_view s, unsigned options) noexcept {
  return detail::parse_number_colloquial(s.data(), s.data() + s.size(), options);
}

/** Character set of format_chinese. */
enum class chinese_style : std::uint8_t {
  lower,  ///< xiaoxie: U+4E00.. digits, U+5341 U+767E U+5343, U+4E07 U+4EBF, zero U+96F6
  upper,  ///< daxie (financial, simplified): U+58F9 U+8D30 U+53C1 ... U+62FE U+4F70 U+4EDF
  lower_traditional,  ///< lower with the traditional U+842C (wan) U+5104 (yi) U+9EDE (dian) U+8CA0
                      ///< (fu)
  upper_traditional,  ///< financial, traditional: U+8CB3 (er) U+53C3 (san) U+9678 (liu) ...
};

/** Result of format_chinese, in the std::to_chars style. */
struct format_result {
  char* ptr = nullptr;  ///< one past the last byte written
  errc ec = errc::ok;  ///< ok; out_of_range (buffer too small); invalid_argument (|v| >= 1e16, NaN)
  /** True on success. */
  constexpr explicit operator bool() const noexcept { return ec == errc::ok; }
};

/** A buffer of this many bytes always holds format_chinese's output (any double, any integer). */
inline constexpr std::size_t chinese_buffer_size = 1152;

namespace detail {

struct chinese_glyphs {
  char32_t digit[10];
  char32_t unit[4];  // [1] shi [2] bai [3] qian
  char32_t wan, yi, point, minus;
};

constexpr chinese_glyphs glyphs_of(chinese_style s) noexcept {
  switch (s) {
    case chinese_style::upper:
      return {{U'\u96F6', U'\u58F9', U'\u8D30', U'\u53C1', U'\u8086', U'\u4F0D', U'\u9646',
               U'\u67D2', U'\u634C', U'\u7396'},
              {0, U'\u62FE', U'\u4F70', U'\u4EDF'},
              U'\u4E07',
              U'\u4EBF',
              U'\u70B9',
              U'\u8D1F'};
    case chinese_style::upper_traditional:
      return {{U'\u96F6', U'\u58F9', U'\u8CB3', U'\u53C3', U'\u8086', U'\u4F0D', U'\u9678',
               U'\u67D2', U'\u634C', U'\u7396'},
              {0, U'\u62FE', U'\u4F70', U'\u4EDF'},
              U'\u842C',
              U'\u5104',
              U'\u9EDE',
              U'\u8CA0'};
    case chinese_style::lower_traditional:
      return {{U'\u96F6', U'\u4E00', U'\u4E8C', U'\u4E09', U'\u56DB', U'\u4E94', U'\u516D',
               U'\u4E03', U'\u516B', U'\u4E5D'},
              {0, U'\u5341', U'\u767E', U'\u5343'},
              U'\u842C',
              U'\u5104',
              U'\u9EDE',
              U'\u8CA0'};
    case chinese_style::lower:
    default:
      return {{U'\u96F6', U'\u4E00', U'\u4E8C', U'\u4E09', U'\u56DB', U'\u4E94', U'\u516D',
               U'\u4E03', U'\u516B', U'\u4E5D'},
              {0, U'\u5341', U'\u767E', U'\u5343'},
              U'\u4E07',
              U'\u4EBF',
              U'\u70B9',
              U'\u8D1F'};
  }
}

/** Writes a BMP code point >= U+0800 (3 UTF-8 bytes); nullptr when it does not fit. */
constexpr char* put3(char* p, char* last, char32_t cp) noexcept {
  if (p == nullptr || last - p < 3) return nullptr;
  p[0] = static_cast<char>(0xE0u | (cp >> 12));
  p[1] = static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
  p[2] = static_cast<char>(0x80u | (cp & 0x3Fu));
  return p + 3;
}

/**
 * n < 10^16 as a positional Chinese numeral. Zero rules: a run of zeros inside the number
 * reads as one zero (1010 = yi qian ling yi shi), zeros at the end of a 4-digit group are
 * silent (101000 = shi wan yi qian), an all-zero group reads as one zero when something
 * follows (100001000 = yi yi ling yi qian). Lower case drops the one of a leading ten.
 */
constexpr format_result format_integer(char* first, char* last, std::uint64_t n,
                                       chinese_style style, bool neg) noexcept {
  const chinese_glyphs g = glyphs_of(style);
  const bool lower = style == chinese_style::lower || style == chinese_style::lower_traditional;
  char* p = first;
  if (neg && n != 0) p = put3(p, last, g.minus);
  if (n == 0) {
    p = put3(p, last, g.digit[0]);
    return p ? format_result{p, errc::ok} : format_result{last, errc::out_of_range};
  }
  unsigned d[16] = {};
  int top = 0;
  for (int i = 0; i < 16 && n != 0; ++i) {
    d[i] = static_cast<unsigned>(n % 10u);
    n /= 10u;
    if (d[i] != 0) top = i;
  }
  bool pending_zero = false;
  for (int i = top; i >= 0; --i) {
    if (d[i] != 0) {
      if (pending_zero) p = put3(p, last, g.digit[0]);
      pending_zero = false;
      const int s = i % 4;
      if (!(lower && d[i] == 1 && s == 1 && i == top)) p = put3(p, last, g.digit[d[i]]);
      if (s != 0) p = put3(p, last, g.unit[s]);
    } else {
      pending_zero = true;
    }
    if (i == 4 || i == 12) {
      if (d[i] | d[i + 1] | d[i + 2] | d[i + 3]) {
        p = put3(p, last, g.wan);
        pending_zero = false;
      }
    } else if (i == 8) {
      // top >= 8 here, so something at or above 10^8 is non-zero
      p = put3(p, last, g.yi);
      pending_zero = false;
    }
  }
  return p ? format_result{p, errc::ok} : format_result{last, errc::out_of_range};
}

/** See zhscan::format_chinese(char*, char*, double, chinese_style). */
inline format_result format_double(char* first, char* last, double v,
                                   chinese_style style) noexcept {
  if (!(v == v) || !is_finite_value(v)) return {first, errc::invalid_argument};
  const bool neg = v < 0;
  const double a = neg ? -v : v;
  if (a >= 1e16) return {first, errc::invalid_argument};
  if (a == std::floor(a))
    return format_integer(first, last, static_cast<std::uint64_t>(a), style, neg);
  // Shortest round-trip decimal digits, fixed notation: "123.45" or "0.000123".
  char buf[400];
  const std::to_chars_result tr = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed);
  if (tr.ec != std::errc()) return {first, errc::invalid_argument};
  std::uint64_t ip = 0;
  const char* q = buf;
  for (; q < tr.ptr && *q != '.'; ++q) ip = ip * 10u + static_cast<unsigned>(*q - '0');
  const chinese_glyphs g = glyphs_of(style);
  char* p = first;
  if (neg) {  // written here: format_integer drops the sign of a zero integer part (-0.5)
    p = put3(p, last, g.minus);
    if (!p) return {last, errc::out_of_range};
  }
  const format_result r = format_integer(p, last, ip, style, false);
  if (!r) return r;
  if (q >= tr.ptr) return r;  // no fraction digits (cannot happen for a non-integer)
  p = put3(r.ptr, last, g.point);
  for (++q; q < tr.ptr && p; ++q) p = put3(p, last, g.digit[*q - '0']);
  return p ? format_result{p, errc::ok} : format_result{last, errc::out_of_range};
}

}  // namespace detail

/**
 * Writes `v` as a Chinese numeral into [first, last), in the std::to_chars style:
 * success returns {one past the last byte written, errc::ok}; a buffer too small returns
 * {last, errc::out_of_range}; |v| >= 10^16 (not readable back as a Chinese numeral) returns
 * {first, errc::invalid_argument}. Rules: 10 = shi (lower) / U+58F9 U+62FE (upper),
 * 110 = yi-bai-yi-shi, 1010 = yi-qian-ling-yi-shi, 100000 = shi-wan, 100010 =
 * shi-wan-ling-yi-shi, 101000 = shi-wan-yi-qian, 10^8 = yi-Yi, 10^12 = yi-wan-Yi, 0 = ling,
 * negative numbers start with fu; lower case writes er (never liang). `chinese_buffer_size` bytes
 * always suffice. parse_number reads every output back to `v`. No throw, no alloc.
 */
template <class Int,
          typename std::enable_if<std::is_integral<Int>::value && !std::is_same<Int, bool>::value,
                                  int>::type = 0>
constexpr format_result format_chinese(char* first, char* last, Int v,
                                       chinese_style style = chinese_style::lower) noexcept {
  bool neg = false;
  std::uint64_t mag = 0;
  if constexpr (std::is_signed<Int>::value) {
    neg = v < 0;
    mag = neg ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  } else {
    mag = static_cast<std::uint64_t>(v);
  }
  if (mag >= 10000000000000000ull) return {first, errc::invalid_argument};
  return detail::format_integer(first, last, mag, style, neg);
}

/**
 * Writes a double as a Chinese numeral: the integer part as format_chinese writes integers,
 * then dian and the fraction digit by digit, using the shortest decimal that reads back to the
 * same double (0.5 = ling-dian-wu, 12.05 = shi-er-dian-ling-wu, -3.5 = fu-san-dian-wu). NaN,
 * infinities and |v| >= 10^16 give {first, errc::invalid_argument}; a short buffer {last,
 * errc::out_of_range}. parse_number reads every output back to exactly `v`. No throw, no alloc.
 */
inline format_result format_chinese(char* first, char* last, double v,
                                    chinese_style style = chinese_style::lower) noexcept {
  return detail::format_double(first, last, v, style);
}

/**
 * Convenience (allocates; not for hot paths): `v` as a Chinese numeral in a std::string,
 * empty when format_chinese fails.
 */
template <class T>
std::string to_chinese(T v, chinese_style style = chinese_style::lower) {
  char buf[chinese_buffer_size];
  const format_result r = format_chinese(buf, buf + sizeof buf, v, style);
  if (!r) return std::string();
  return std::string(buf, static_cast<std::size_t>(r.ptr - buf));
}

}  // namespace zhscan

#endif  // ZHSCAN_NUMERAL_HPP
