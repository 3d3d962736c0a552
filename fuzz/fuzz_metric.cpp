// SPDX-License-Identifier: MIT
// libFuzzer harness for find_metrics. Invariants: spans inside the input, sorted and
// non-overlapping, number and unit spans inside the metric span, finite values (NaN only
// where a field does not apply), low <= high for ranges, the vector-reusing overload equals
// the returning one, every SIMD level gives the same metrics, and the vector candidate
// finders equal the scalar one; base_quantity's amounts are the values times the unit row's
// exact factor (exactly where that terminates, else within 15 significant digits); a single
// value's number span read by parse_number gives the metric's exact value (where the
// metric grammar does not read it differently on purpose, see the loop).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <memory>
#include <string_view>
#include <vector>

#include "zhscan/base_unit.hpp"
#include "zhscan/metric.hpp"

#define ZHSCAN_FUZZ_CHECK(cond)      \
  do {                               \
    if (!(cond)) __builtin_trap();   \
  } while (0)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::unique_ptr<char[]> buf(new char[size ? size : 1]);
  if (size) std::memcpy(buf.get(), data, size);
  const std::string_view s(buf.get(), size);

  const std::vector<zhscan::metric> ms = zhscan::find_metrics(s);
  std::size_t last_end = 0;
  for (const zhscan::metric& m : ms) {
    ZHSCAN_FUZZ_CHECK(m.span.start < m.span.end && m.span.end <= size);
    ZHSCAN_FUZZ_CHECK(m.span.start >= last_end);
    last_end = m.span.end;
    ZHSCAN_FUZZ_CHECK(m.number.start >= m.span.start && m.number.end <= m.span.end);
    ZHSCAN_FUZZ_CHECK(m.number.start < m.number.end);
    ZHSCAN_FUZZ_CHECK(m.unit_text.start <= m.unit_text.end && m.unit_text.end <= m.span.end);
    switch (m.shape) {
      case zhscan::metric_shape::value:
        ZHSCAN_FUZZ_CHECK(std::isfinite(m.value));
        break;
      case zhscan::metric_shape::range:
        ZHSCAN_FUZZ_CHECK(std::isnan(m.value));
        ZHSCAN_FUZZ_CHECK(std::isfinite(m.low) && std::isfinite(m.high) && m.low <= m.high);
        break;
      case zhscan::metric_shape::ratio:
        ZHSCAN_FUZZ_CHECK(std::isfinite(m.ratio_a) && std::isfinite(m.ratio_b));
        break;
    }
    ZHSCAN_FUZZ_CHECK(m.change_from == zhscan::npos || m.change_from < ms.size());
    // each double is its exact twin converted once, and an exact decimal prints to text
    // that strtod reads back to the same double
    const double ds[5] = {m.value, m.low, m.high, m.ratio_a, m.ratio_b};
    const zhscan::decimal xs[5] = {m.value_exact(), m.low_exact(), m.high_exact(), m.ratio_a_exact(),
                                   m.ratio_b_exact()};
    for (int i = 0; i < 5; ++i) {
      const double x = xs[i].to_double();
      ZHSCAN_FUZZ_CHECK(ds[i] == x || (std::isnan(ds[i]) && std::isnan(x)));
      if (!xs[i].nan && !xs[i].inexact) {
        char text[zhscan::decimal_buffer_size + 1];
        const auto tr = xs[i].to_chars(text, text + zhscan::decimal_buffer_size);
        ZHSCAN_FUZZ_CHECK(tr.ec == std::errc());
        *tr.ptr = '\0';
        ZHSCAN_FUZZ_CHECK(std::strtod(text, nullptr) == x);
      }
    }
  }
  for (const zhscan::metric& m : ms) {
    const zhscan::base_amount b = zhscan::base_quantity(m);
    if (b.unit.empty()) {
      ZHSCAN_FUZZ_CHECK(b.value.nan && b.low.nan && b.high.nan);
      continue;
    }
    // the row of the unit (kuai as money: yuan); a speed: the numerator's row over the
    // denominator's
    const bool kuai_money = m.category == zhscan::unit_category::currency && m.unit == "\u5757";
    const zhscan::detail::unit_base* row = zhscan::detail::find_unit_base(kuai_money ? "\u5143" : m.unit);
    ZHSCAN_FUZZ_CHECK(row != nullptr);
    zhscan::detail::unit_base speed{};
    if (!m.per.empty()) {
      const zhscan::detail::unit_base* d = zhscan::detail::find_unit_base(m.per);
      ZHSCAN_FUZZ_CHECK(d != nullptr && row->base == "m" && d->base == "s");
      speed = {"m/s", "", row->num * d->den, row->den * d->num, row->exp10 - d->exp10, 0};
      row = &speed;
    }
    ZHSCAN_FUZZ_CHECK(row->base == b.unit);
    const zhscan::decimal vs[3] = {m.value_exact(), m.low_exact(), m.high_exact()};
    const zhscan::decimal bs[3] = {b.value, b.low, b.high};
    for (int i = 0; i < 3; ++i) {
      ZHSCAN_FUZZ_CHECK(vs[i].nan == bs[i].nan);
      if (vs[i].nan) continue;
      ZHSCAN_FUZZ_CHECK(!bs[i].inexact);
      // base * den == (value + offset) * num * 10^exp10
      const zhscan::decimal lhs = bs[i] * zhscan::decimal::make(row->den);
      const zhscan::decimal rhs =
          ((row->offset ? vs[i] + zhscan::decimal::from_int(row->offset) : vs[i]) * zhscan::decimal::make(row->num))
              .scaled(row->exp10);
      if (row->den == 1 && !rhs.inexact) {
        ZHSCAN_FUZZ_CHECK(lhs == rhs);  // exact: value times the factor
      } else if (!lhs.inexact && !rhs.inexact) {
        const double x = lhs.to_double(), y = rhs.to_double();
        ZHSCAN_FUZZ_CHECK(lhs == rhs || std::fabs(x - y) <= 1e-14 * std::fabs(y) * row->den);
      }
    }
  }
  // The metric's number reading and parse_number agree: a single value whose number span
  // parse_number reads completely, with a unit that does not scale it (multiplier 1, not
  // cheng) and without a numeral_form the metric grammar reads differently on purpose
  // (documented in metric.hpp: percent and multiple forms, ban after a unit adding a half,
  // magnitude units such as wan yuan), has parse_number's exact value.
  for (const zhscan::metric& m : ms) {
    if (m.shape != zhscan::metric_shape::value || !m.per.empty()) continue;
    if (m.category == zhscan::unit_category::percent || m.category == zhscan::unit_category::multiple) continue;
    const zhscan::detail::unit_entry* u =
        m.unit_text.start < m.unit_text.end ? zhscan::detail::find_unit(s.data() + m.unit_text.start, s.data() + size)
                                            : nullptr;
    if (u != nullptr && (u->multiplier != 1 || (u->flags & zhscan::detail::u_cheng))) continue;
    // ban after a unit adds a half (yi dun ban, yi ge ban yue: the half is in the unit text)
    // the amount goes on after the number: ban after a unit adds a half (yi dun ban, yi ge
    // ban yue), a money compound its jiao and fen (wu yuan san jiao); a numeral after the
    // number span means parse_number reads only part of the amount
    bool more = false;
    for (std::size_t q = m.number.end; q < m.span.end; ++q) {
      unsigned len = 0;
      if (zhscan::detail::arabic_digit_at(s.data() + q, s.data() + m.span.end, len) >= 0 ||
          zhscan::detail::numeral_info_at(s.data() + q, s.data() + m.span.end).kind != zhscan::detail::numeral_kind::none)
        more = true;
    }
    if (more) continue;
    // a sign word before the number (ling xia before a temperature, fu before an amount)
    const std::string_view lead = s.substr(m.span.start, m.number.start - m.span.start);
    if (lead.find("\u96F6\u4E0B") != std::string_view::npos || lead.find("\u8D1F") != std::string_view::npos ||
        lead.find("\u8CA0") != std::string_view::npos)
      continue;
    const std::string_view num = m.number.in(s);
    const zhscan::number_result r = zhscan::parse_number(num);
    if (!r || r.ptr != num.data() + num.size() || r.exact.nan) continue;
    ZHSCAN_FUZZ_CHECK(r.exact == m.value_exact());
  }

  std::vector<zhscan::metric> again(3);
  zhscan::find_metrics(s, again);
  ZHSCAN_FUZZ_CHECK(again.size() == ms.size());
  for (std::size_t i = 0; i < ms.size(); ++i) ZHSCAN_FUZZ_CHECK(again[i].span == ms[i].span);

  // every SIMD level finds the same metrics
  for (zhscan::simd_level level : {zhscan::simd_level::scalar, zhscan::simd_level::avx2}) {
    std::vector<zhscan::metric> other;
    zhscan::find_metrics(s, other, level);
    ZHSCAN_FUZZ_CHECK(other.size() == ms.size());
    for (std::size_t i = 0; i < ms.size(); ++i) {
      ZHSCAN_FUZZ_CHECK(other[i].span == ms[i].span && other[i].number == ms[i].number);
      ZHSCAN_FUZZ_CHECK(other[i].unit == ms[i].unit && other[i].approx == ms[i].approx);
    }
  }

  // candidate finders agree: every level walks the same triggers, ill-formed input included
  // (a trigger never starts on a continuation byte, the only bytes the scalar walk skips)
  const char* b = s.data();
  const char* e = b + size;
  zhscan::detail::trigger_cursor best(b, e);
  zhscan::detail::trigger_cursor avx2(b, e, zhscan::simd_level::avx2);
  for (const char* p = b;;) {
    const char* a1 = zhscan::detail::next_trigger_scalar(p, e);
    const char* a2 = best.next(p);
    const char* a3 = avx2.next(p);
    ZHSCAN_FUZZ_CHECK(a1 >= p && a1 <= e);
    ZHSCAN_FUZZ_CHECK(a1 == a2 && a1 == a3);
    if (a1 >= e) break;
    p = a1 + 1;
  }
  return 0;
}
