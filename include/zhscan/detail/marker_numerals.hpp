// SPDX-License-Identifier: MIT
// Outline-marker scanner (phase 1), numerals of markers: Han ordinals, Arabic and Roman numbers, enumeration runs.
// Part of detail/marker_scan.hpp: the rules of class scanner, declared there with their
// one-line contracts and defined here; included by marker_scan.hpp after the class, never
// on its own.
#ifndef ZHSCAN_DETAIL_MARKER_NUMERALS_HPP
#define ZHSCAN_DETAIL_MARKER_NUMERALS_HPP

#ifndef ZHSCAN_DETAIL_MARKER_SCAN_HPP
#error "include zhscan/detail/marker_scan.hpp (or zhscan/list_marker.hpp), not this part of it"
#endif

namespace zhscan {
namespace detail {
namespace mk {

/**
 * Han ordinal at `pos`, read by zhscan::parse_han_number (numeral.hpp): an integer
 * 1..999 written positionally (yi, shi-er, er-shi, yi-bai-ling-wu; financial and
 * traditional forms). Digit-by-digit years (er-ling-er-san), decimals, signs and
 * abbreviations are not ordinals. The numeral is the longest prefix, so "san-si" (three
 * or four) reads san and stops before si, which then fails the delimiter test.
 */
template <class Sink>
auto scanner<Sink>::parse_han(std::size_t pos) const noexcept -> num {
  if (pos >= n_) return {pos, 0, false};
  const number_result r = parse_han_number(
      std::string_view(s_ + pos, n_ - pos),
      numeral_options::no_sign | numeral_options::no_digit_by_digit |
          numeral_options::no_abbreviation | numeral_options::no_half);
  if (!r || r.form != numeral_form::han || r.has(numeral_flags::decimal) || r.value < 1 ||
      r.value > 999 || r.value != static_cast<double>(static_cast<std::uint32_t>(r.value)))
    return {pos, 0, false};
  return {static_cast<std::size_t>(r.ptr - s_), static_cast<std::uint32_t>(r.value), true};
}

/** 1..999 in ASCII or full-width digits (one kind), no leading zero. */
template <class Sink>
auto scanner<Sink>::parse_digits(std::size_t pos, bool* fullwidth) const noexcept -> num {
  std::uint32_t value = 0;
  std::size_t q = pos;
  int count = 0;
  bool fw = false;
  for (;;) {
    const cp_info c = at(q);
    if (!c.valid) break;
    const int d = digit_value(c.cp);
    if (d < 0) break;
    const bool this_fw = c.cp >= 0x80;
    if (count == 0) {
      if (d == 0) return {pos, 0, false};
      fw = this_fw;
    } else if (this_fw != fw) {
      break;
    }
    if (++count > 3) return {pos, 0, false};
    value = value * 10 + std::uint32_t(d);
    q = c.end;
  }
  if (count == 0) return {pos, 0, false};
  if (fullwidth) *fullwidth = fw;
  return {q, value, true};
}

/** Value of a Roman numeral written in ASCII letters (one case), 1..39; 0 if not one. */
template <class Sink>
std::uint32_t scanner<Sink>::roman_value(const char* p, std::size_t len) noexcept {
  std::uint32_t total = 0;
  for (std::size_t i = 0; i < len; ++i) {
    const char c = static_cast<char>(p[i] | 0x20);
    const std::uint32_t v = c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : 0;
    if (v == 0) return 0;
    std::uint32_t next = 0;
    if (i + 1 < len) {
      const char d = static_cast<char>(p[i + 1] | 0x20);
      next = d == 'i' ? 1 : d == 'v' ? 5 : d == 'x' ? 10 : 0;
    }
    if (v < next) total -= v; else total += v;
  }
  if (total == 0 || total > 39) return 0;
  // Only canonical spellings: re-encode and compare.
  char buf[8] = {};  // initialised: g++ 12 -O3 reports -Wmaybe-uninitialized otherwise
  std::size_t k = 0;
  std::uint32_t t = total;
  const bool upper = (p[0] & 0x20) == 0;
  const char I = upper ? 'I' : 'i', V = upper ? 'V' : 'v', X = upper ? 'X' : 'x';
  while (t >= 10) { buf[k++] = X; t -= 10; }
  if (t == 9) { buf[k++] = I; buf[k++] = X; t = 0; }
  if (t >= 5) { buf[k++] = V; t -= 5; }
  if (t == 4) { buf[k++] = I; buf[k++] = V; t = 0; }
  while (t > 0 && k < 8) { buf[k++] = I; --t; }
  if (k != len) return 0;
  for (std::size_t i = 0; i < len; ++i)
    if (buf[i] != p[i]) return 0;
  return total;
}

template <class Sink>
auto scanner<Sink>::parse_kind(std::size_t pos, num_kind k) const noexcept -> num {
  if (k == num_kind::han) return parse_han(pos);
  if (k == num_kind::arabic) return parse_digits(pos);
  const cp_info c = at(pos);
  const int v = c.valid ? tiangan_value(c.cp) : 0;
  if (v == 0) return {pos, 0, false};
  return {c.end, std::uint32_t(v), true};
}

/**
 * After "X + enumeration comma" at `pos`: true when what follows is the next numeral of
 * the same kind and the run ends in a word ("yi, er nian ji": grades one and two; "jia,
 * yi shuang fang": both parties). A reader takes that as numbers listed in a sentence.
 */
template <class Sink>
bool scanner<Sink>::enumeration_run(std::size_t pos, num_kind k, std::uint32_t value) const noexcept {
  for (int step = 0; step < 16; ++step) {
    const num m = parse_kind(pos, k);
    if (!m.ok || m.value != value + 1) return false;
    const cp_info c = at(m.end);
    if (c.valid && c.cp == ch_dun) {
      value = m.value;
      pos = c.end;
      continue;
    }
    if (!c.valid || c.cp == no_cp) return false;
    if (k == num_kind::han && c.cp == ch_shi) return false;
    if (is_ideograph(c.cp) || latin_letter(c.cp) != 0 || digit_value(c.cp) >= 0) return true;
    return false;
  }
  return false;
}

/**
 * 1 when the Han numeral in [b, e) is written in financial forms (yi for 1 written as the
 * daxie character ...): Word's legal numbering, a level of its own above plain yi-dun
 * (passed to phase 2 in the candidate's depth byte); else 0.
 */
template <class Sink>
std::uint8_t scanner<Sink>::financial(std::size_t b, std::size_t e) const noexcept {
  while (b < e) {
    const cp_info c = at(b);
    if (c.valid && is_financial_digit(c.cp)) return 1;
    b = c.end;
  }
  return 0;
}

}  // namespace mk
}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_MARKER_NUMERALS_HPP
