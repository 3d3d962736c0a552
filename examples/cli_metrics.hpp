// SPDX-License-Identifier: MIT
// `zhscan metrics`: one JSON object per quantity.
#ifndef ZHSCAN_EXAMPLES_CLI_METRICS_HPP
#define ZHSCAN_EXAMPLES_CLI_METRICS_HPP

#include <string>
#include <string_view>
#include <vector>

#include "cli_common.hpp"
#include "zhscan/base_unit.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/change.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"

namespace zhscan_cli {

/** Appends "direction":..,"measure":..,"delta":..,"base":.. of a change record (the fields
 *  that `metrics` and `table` print alike). */
inline void change_core_fields(std::string_view text, const zhscan::metric_change& c, std::string& out) {
  out += "\"direction\":";
  json_string(out, zhscan::to_string(c.direction));
  out += ",\"measure\":";
  json_string(out, zhscan::to_string(c.measure));
  out += ",\"delta\":";
  json_decimal(out, c.delta_exact);
  out += ",\"base\":";
  if (c.base.empty()) out += "null";
  else json_string(out, c.base.in(text));
}

/** Appends ,"change":{...}|null,"indicator":{...}|null for one metric's change record. */
inline void cli_change_fields(std::string_view text, const std::vector<zhscan::metric>& ms,
                              const zhscan::metric_change& c, std::string& out) {
  out += ",\"change\":";
  if (!c.has_change) {
    out += "null";
  } else {
    out.push_back('{');
    change_core_fields(text, c, out);
    out += ",\"level\":";
    if (c.level == zhscan::npos) out += "null";
    else json_uint(out, ms[c.level].span.start);
    out.push_back('}');
  }
  out += ",\"indicator\":";
  if (c.indicator.empty()) {
    out += "null";
  } else {
    out += "{\"start\":";
    json_uint(out, c.indicator.start);
    out += ",\"end\":";
    json_uint(out, c.indicator.end);
    out += ",\"text\":";
    json_string(out, c.indicator.in(text));
    out.push_back('}');
  }
}

/**
 * Appends one JSON line per metric of `text` to `out`:
 * {"start","end","text","value","low","high","ratio","approx","unit","unit_text","category"}
 * then the extras "numeral", "number" (the number as written) and "change_from" (index of
 * the metric this one changes from, or null), "section" (the start offset of the marker of
 * the innermost outline section holding the metric: the markers and outline of
 * `zhscan markers` / `zhscan outline` on the same text; null before the first marker), then
 * "change" ({"direction","measure","delta","base","level"}: level is the byte start of the
 * level metric; see zhscan/change.hpp), "indicator" ({"start","end","text"}) and "terms"
 * (every term of a ratio, [8.3,41.4,50.3]; null for other shapes).
 * Fields that do not apply are null.
 */
inline void cli_metrics(std::string_view text, std::string& out) {
  std::vector<zhscan::metric> ms;
  zhscan::find_metrics(text, ms);
  std::vector<zhscan::marker> markers;
  zhscan::find_markers(text, markers);
  std::vector<zhscan::section> sections;
  zhscan::outline(text, markers, sections);
  zhscan::assign_sections(markers, sections, ms);
  std::vector<zhscan::metric_change> cs;
  zhscan::find_changes(text, ms, cs);
  std::string unit;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const zhscan::metric& m = ms[i];
    out += "{\"start\":";
    json_uint(out, m.span.start);
    out += ",\"end\":";
    json_uint(out, m.span.end);
    out += ",\"text\":";
    json_string(out, m.span.in(text));
    out += ",\"value\":";
    json_decimal(out, m.value_exact());
    out += ",\"low\":";
    json_decimal(out, m.low_exact());
    out += ",\"high\":";
    json_decimal(out, m.high_exact());
    out += ",\"ratio\":";
    if (m.shape == zhscan::metric_shape::ratio) {
      out.push_back('[');
      json_decimal(out, m.ratio_a_exact());
      out.push_back(',');
      json_decimal(out, m.ratio_b_exact());
      out.push_back(']');
    } else {
      out += "null";
    }
    out += ",\"approx\":";
    if (m.approx == zhscan::approximation::none) out += "null";
    else json_string(out, zhscan::to_string(m.approx));
    out += ",\"unit\":";
    unit.clear();
    m.append_unit(unit);
    if (unit.empty()) out += "null";
    else json_string(out, unit);
    out += ",\"unit_text\":";
    if (m.unit_text.empty()) out += "null";
    else json_string(out, m.unit_text.in(text));
    out += ",\"category\":";
    json_string(out, zhscan::to_string(m.category));
    out += ",\"numeral\":";
    json_string(out, zhscan::to_string(m.numeral));
    out += ",\"number\":";
    json_string(out, m.number.in(text));
    out += ",\"change_from\":";
    if (m.change_from == zhscan::npos) out += "null";
    else json_uint(out, m.change_from);
    const zhscan::base_amount b = zhscan::base_quantity(m);
    out += ",\"base_value\":";
    json_decimal(out, b.value);
    out += ",\"base_low\":";
    json_decimal(out, b.low);
    out += ",\"base_high\":";
    json_decimal(out, b.high);
    out += ",\"base_unit\":";
    if (b.unit.empty()) out += "null";
    else json_string(out, b.unit);
    out += ",\"section\":";
    if (m.section == zhscan::npos) out += "null";
    else json_uint(out, m.section);
    cli_change_fields(text, ms, cs[i], out);
    out += ",\"terms\":";  // every term of a ratio (8.3:41.4:50.3), read from its number span
    zhscan::decimal terms[16];
    const std::size_t nt = m.ratio_terms(text, terms, 16);
    if (nt == 0) {
      out += "null";
    } else {
      out.push_back('[');
      for (std::size_t k = 0; k < nt && k < 16; ++k) {
        if (k) out.push_back(',');
        json_decimal(out, terms[k]);
      }
      out.push_back(']');
    }
    out += "}\n";
  }
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_METRICS_HPP
