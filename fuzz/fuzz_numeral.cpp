// SPDX-License-Identifier: MIT
// Fuzz harness for zhscan::parse_number / parse_han_number / parse_fraction /
// parse_magnitude / format_chinese.
//
// Invariants checked (a violation traps):
// - every parser, at every start offset: ptr stays inside [start, end]; on failure ptr is
//   the start; ok results have finite values; out_of_range results consumed something;
// - parse_number's prefix property: parsing exactly the consumed prefix again gives the
//   same value and the same end;
// - format then parse round trip, for integers and doubles derived from the input bytes,
//   in the four styles: the output parses back completely and to the same value.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <system_error>
#include <type_traits>

#include "zhscan/numeral.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool same_value(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

void check_number(const zhscan::number_result& r, const char* first, const char* last) {
  check(r.ptr >= first && r.ptr <= last);
  switch (r.ec) {
    case zhscan::errc::ok:
      check(std::isfinite(r.value) && r.ptr > first);
      break;
    case zhscan::errc::out_of_range:
      check(!std::isfinite(r.value) && r.ptr > first);
      break;
    case zhscan::errc::invalid_argument:
      check(r.ptr == first && r.value == 0 && r.exact.nan);
      break;
    default:
      check(false);
  }
  if (r.ec != zhscan::errc::invalid_argument) {
    // the double is the exact decimal converted once; the decimal prints to text that
    // strtod reads back to the same double
    check(same_value(r.value, r.exact.to_double()));
    if (!r.exact.inexact && r.ec == zhscan::errc::ok) {
      char text[zhscan::decimal_buffer_size + 1];
      const auto tr = r.exact.to_chars(text, text + zhscan::decimal_buffer_size);
      check(tr.ec == std::errc());
      *tr.ptr = '\0';
      check(std::strtod(text, nullptr) == r.value);
    }
  }
}

void check_parsers_at(const char* first, const char* last) {
  const std::string_view s(first, static_cast<std::size_t>(last - first));
  const zhscan::number_result r = zhscan::parse_number(s);
  check_number(r, first, last);
  if (r) {
    // The consumed prefix on its own is the same numeral (nothing after it was looked at
    // in a way that changes the value).
    const std::string_view pre(first, static_cast<std::size_t>(r.ptr - first));
    const zhscan::number_result again = zhscan::parse_number(pre);
    check(again.ec == zhscan::errc::ok && again.ptr == r.ptr && same_value(again.value, r.value));
    check(again.form == r.form && again.flags == r.flags);
  }
  const zhscan::number_result h = zhscan::parse_han_number(s);
  check_number(h, first, last);
  if (h) check(h.form == zhscan::numeral_form::han);

  const unsigned opts = zhscan::numeral_options::no_sign | zhscan::numeral_options::no_grouping |
                        zhscan::numeral_options::no_digit_by_digit |
                        zhscan::numeral_options::no_abbreviation;
  const zhscan::number_result o = zhscan::parse_number(s, opts);
  check_number(o, first, last);
  if (o) check(o.ptr <= r.ptr || !r);  // disabling features never lengthens a numeral

  const zhscan::fraction_result f = zhscan::parse_fraction(s);
  check(f.ptr >= first && f.ptr <= last);
  if (f) {
    check(f.ptr > first && f.denominator != 0 && !std::isnan(f.value));
    check(same_value(f.value, f.exact.to_double()));
  } else {
    check(f.ptr == first);
  }
  const zhscan::magnitude_result m = zhscan::parse_magnitude(s);
  check(m.ptr >= first && m.ptr <= last);
  if (m)
    check(m.ptr > first && m.exponent >= 2 && m.exponent <= 15);
  else
    check(m.ptr == first);
}

template <class T>
void round_trip(T v) {
  static const zhscan::chinese_style styles[] = {
      zhscan::chinese_style::lower, zhscan::chinese_style::upper,
      zhscan::chinese_style::lower_traditional, zhscan::chinese_style::upper_traditional};
  for (const zhscan::chinese_style st : styles) {
    char* buf = static_cast<char*>(std::malloc(zhscan::chinese_buffer_size));
    if (!buf) return;
    const zhscan::format_result w =
        zhscan::format_chinese(buf, buf + zhscan::chinese_buffer_size, v, st);
    const double dv = static_cast<double>(v);
    bool representable = false;
    if constexpr (std::is_integral<T>::value && std::is_signed<T>::value) {
      representable = v < 10000000000000000LL && v > -10000000000000000LL;
    } else if constexpr (std::is_integral<T>::value) {
      representable = v < 10000000000000000ULL;
    } else {
      representable = std::isfinite(dv) && std::fabs(dv) < 1e16;
    }
    if (!representable) {
      check(w.ec == zhscan::errc::invalid_argument);
      std::free(buf);
      continue;
    }
    check(w.ec == zhscan::errc::ok && w.ptr > buf && w.ptr <= buf + zhscan::chinese_buffer_size);
    // Parse from an exact-size copy so ASan sees any over-read.
    const std::size_t n = static_cast<std::size_t>(w.ptr - buf);
    char* exact = static_cast<char*>(std::malloc(n));
    if (exact) {
      std::memcpy(exact, buf, n);
      const zhscan::number_result r = zhscan::parse_number(std::string_view(exact, n));
      check(r.ec == zhscan::errc::ok && r.ptr == exact + n && r.form == zhscan::numeral_form::han);
      check(r.value == dv || (dv == 0 && r.value == 0));
      // A buffer one byte short reports out_of_range and stays inside it.
      const zhscan::format_result s = zhscan::format_chinese(exact, exact + n - 1, v, st);
      check(s.ec == zhscan::errc::out_of_range && s.ptr == exact + n - 1);
      std::free(exact);
    }
    std::free(buf);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Exact-size heap copy: reading one byte past the input is an ASan error.
  char* buf = static_cast<char*>(std::malloc(size ? size : 1));
  if (!buf) return 0;
  if (size) {
    std::memcpy(buf, data, size);
  } else {
    buf[0] = 0;  // never read (the view is empty); keeps -Wmaybe-uninitialized quiet
  }
  const char* const last = buf + size;
  // Every start offset for short inputs; for long ones the first 256 and a stride.
  const std::size_t limit = size < 512 ? size : 256;
  for (std::size_t i = 0; i <= limit; ++i) check_parsers_at(buf + i, last);
  for (std::size_t i = limit; i < size; i += 61) check_parsers_at(buf + i, last);

  // Values derived from the input bytes.
  if (size >= 8) {
    std::uint64_t u = 0;
    std::memcpy(&u, data, 8);
    round_trip(u % 10000000000000000ull);
    round_trip(static_cast<std::int64_t>(u % 20000000000000000ull) - 10000000000000000ll);
    round_trip(u % 100000u);
    double d = 0;
    std::memcpy(&d, data, 8);
    round_trip(d);  // any bit pattern: NaN/inf/huge must be refused, the rest round-trips
    round_trip(static_cast<double>(u % 1000000000ull) / 100.0);
  }
  std::free(buf);
  return 0;
}
