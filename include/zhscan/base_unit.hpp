// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_BASE_UNIT_HPP
#define ZHSCAN_BASE_UNIT_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "decimal.hpp"
#include "metric.hpp"
#include "detail/unit_table.hpp"

namespace zhscan {

/**
 * A metric's amount converted to its base unit (see base_quantity).
 *
 *  - `unit`: "kg", "m", "m2", "m3", "s", "\u00B0C", "m/s", "W", "V", "J", "B", "B/s", "%"
 *    (percent, also from cheng, zhe, per mille and baifenzhi), "pp" (percentage points),
 *    "x" (multiples), the ISO 4217 code for money (CNY, USD ...), the counted noun for counts
 *    and persons (ren, suo, ge ...), "month" for months, quarters and years (they have no
 *    exact length in seconds: liang nian ling san ge yue = 27 month); empty where nothing
 *    applies: ratios, rates (a unit with a denominator: yuan / ren) other than speeds
 *    (a length over a time: 120 gongli / xiaoshi = 33.3333333333333 m/s), units without a fixed
 *    base (du: degree or kilowatt-hour; semester, class hour, working day; rupee, franc),
 *    calendar words.
 *  - `value` (shape value), `low` and `high` (shape range): the amounts in `unit`, NaN where
 *    the shape does not have them or `unit` is empty.
 *
 * Exactness: base = (amount + offset) * num / den * 10^exp10 with the row's exact factor
 * (unit_bases in detail/unit_table.hpp). When that terminates within 19 significant digits
 * it is exact (6.1 inch = 0.15494 m, 12 GWh = 43200000000000 J, qianfenzhi 2.5 = 0.25 %);
 * otherwise (degrees Fahrenheit, mu: factors 5/9 and 2000/3; amounts of more than 19 digits)
 * it is rounded half up to 15 significant digits and returned as the exact decimal of those
 * digits (`inexact` cleared: 68 F = 20 C, 50 F = 10 C, 100 F = 37.7777777777778 C).
 */
struct base_amount {
  decimal value;
  decimal low;
  decimal high;
  std::string_view unit;
};

namespace detail {

/** Rows of unit_table sorted by `norm` (the unit a metric's value is in), for base lookup. */
struct unit_norm_order {
  std::uint16_t row[unit_table_size];
  std::size_t size;
};
constexpr unit_norm_order make_unit_norm_order() noexcept {
  // one row per norm with a base (all rows of a norm share the norm's factor; the data
  // generator's checks and tests/test_knowledge keep it so), sorted by norm: written by
  // scripts/gen_tables.py as data (gen_units.hpp), not sorted here at compile time
  unit_norm_order t{};
  for (const std::uint16_t r : unit_norm_rows) t.row[t.size++] = r;
  return t;
}
inline constexpr unit_norm_order unit_norms = make_unit_norm_order();

constexpr bool unit_norms_sorted() noexcept {
  for (std::size_t k = 1; k < unit_norms.size; ++k)
    if (!(unit_table[unit_norms.row[k - 1]].norm < unit_table[unit_norms.row[k]].norm)) return false;
  return true;
}
static_assert(unit_norms_sorted(), "unit_norm_rows must be sorted by norm: run scripts/gen_tables.py");

/** The unit_bases row of the normalised unit `norm`, or nullptr. Binary search, no alloc. */
constexpr const unit_base* find_unit_base(std::string_view norm) noexcept {
  std::size_t lo = 0, hi = unit_norms.size;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::string_view n = unit_table[unit_norms.row[mid]].norm;
    if (n == norm) return &unit_bases[unit_norms.row[mid]];
    if (n < norm) lo = mid + 1;
    else hi = mid;
  }
  return nullptr;
}

/** `d` rounded half up to 15 significant digits when inexact, as an exact decimal. */
constexpr decimal round_base(decimal d) noexcept {
  if (d.nan || !d.inexact) return d;
  d = d.normalized();
  d.inexact = false;
  const int n = dec_digits(d.significand);
  if (n <= 15) return d;
  const int k = n - 15;
  const std::uint64_t p = pow10_u64[k];
  std::uint64_t q = d.significand / p;
  if ((d.significand % p) >= p / 2 + (p % 2)) ++q;  // half up (p is even for k >= 1)
  return decimal::make(q, dec_exp_add(static_cast<std::int64_t>(d.exponent), k), d.negative).normalized();
}

/** (v + offset) * num / den * 10^exp10, see base_amount. */
constexpr decimal to_base(const decimal& v, const unit_base& b) noexcept {
  if (v.nan) return v;
  decimal x = b.offset != 0 ? v + decimal::from_int(b.offset) : v;
  if (b.num != 1) x = x * decimal::make(b.num);
  if (b.den != 1) x = quotient(x, decimal::make(b.den));
  if (b.exp10 != 0) x = x.scaled(b.exp10);
  if (!x.inexact && !x.nan) return x.normalized();
  return round_base(x);
}

}  // namespace detail

/**
 * The amount of `m` in its base unit (see base_amount). Looks the normalised unit up in the
 * unit table (a binary search over the rows' norms): find_metrics itself does no conversion,
 * so that scanning stays as fast as before; call this for the metrics you need. constexpr,
 * noexcept, no allocation.
 */
constexpr base_amount base_quantity(const metric& m) noexcept {
  base_amount r{};
  if (m.shape == metric_shape::ratio || !m.per2.empty()) return r;
  // kuai as money (wu kuai liu, shi kuai qian: category currency) is yuan; else a count of pieces
  const bool kuai_money = m.category == unit_category::currency && m.unit == "\u5757";
  const detail::unit_base* b = detail::find_unit_base(kuai_money ? std::string_view("\u5143") : m.unit);
  if (b == nullptr) return r;
  detail::unit_base speed{};
  if (!m.per.empty()) {
    // a speed (gongli / xiaoshi, km/h, mi / miao): length over time in m/s; other rates
    // have no base
    const detail::unit_base* d = detail::find_unit_base(m.per);
    if (d == nullptr || b->base != "m" || d->base != "s" || d->offset != 0) return r;
    speed = {"m/s", "", b->num * d->den, b->den * d->num, b->exp10 - d->exp10, 0};
    b = &speed;
  }
  r.unit = b->base;
  if (m.shape == metric_shape::value) {
    r.value = detail::to_base(m.exact_a, *b);
  } else {
    r.low = detail::to_base(m.exact_a, *b);
    r.high = detail::to_base(m.exact_b, *b);
  }
  return r;
}

}  // namespace zhscan

#endif  // ZHSCAN_BASE_UNIT_HPP
