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
template <class Out>
inline void change_core_fields(std::string_view text, const zhscan::metric_change& c, Out& out) {
  out += "\"direction\":";
  json_name(out, zhscan::to_string(c.direction));
  out += ",\"measure\":";
  json_name(out, zhscan::to_string(c.measure));
  out += ",\"delta\":";
  json_decimal(out, c.delta_exact);
  out += ",\"base\":";
  if (c.base.empty()) out += "null";
  else json_string(out, c.base.in(text));
}

/** Appends ,"change":{...}|null,"indicator":{...}|null for one metric's change record; `offset`
 *  is added to the byte offsets printed (the text is a part of a larger input starting there). */
template <class Out>
inline void cli_change_fields(std::string_view text, const std::vector<zhscan::metric>& ms,
                              const zhscan::metric_change& c, Out& out, std::size_t offset = 0) {
  if (!c.has_change && c.indicator.empty()) {
    out += ",\"change\":null,\"indicator\":null";  // the common case at once
    return;
  }
  out += ",\"change\":";
  if (!c.has_change) {
    out += "null";
  } else {
    out.push_back('{');
    change_core_fields(text, c, out);
    out += ",\"level\":";
    if (c.level == zhscan::npos) out += "null";
    else json_uint(out, offset + ms[c.level].span.start);
    out.push_back('}');
  }
  out += ",\"indicator\":";
  if (c.indicator.empty()) {
    out += "null";
  } else {
    out += "{\"start\":";
    json_uint(out, offset + c.indicator.start);
    out += ",\"end\":";
    json_uint(out, offset + c.indicator.end);
    out += ",\"text\":";
    json_string(out, c.indicator.in(text));
    out.push_back('}');
  }
}

/** Appends ,"terms":[...] (every term of a ratio, 8.3:41.4:50.3) or ,"terms":null for metric
 *  `m` whose number as written is `number`. */
template <class Out>
inline void json_terms(Out& out, const zhscan::metric& m, std::string_view number) {
  out += ",\"terms\":";
  if (m.shape != zhscan::metric_shape::ratio) {
    out += "null";
    return;
  }
  zhscan::metric local = m;  // ratio_terms reads the number span of the text it is given
  local.number = {0, number.size()};
  zhscan::decimal terms[16];
  std::size_t nt = local.ratio_terms(number, terms, 16);
  if (nt < 2) {  // terms not written in Arabic digits (san bi er): the two parsed terms
    terms[0] = m.ratio_a_exact();
    terms[1] = m.ratio_b_exact();
    nt = 2;
  }
  out.push_back('[');
  for (std::size_t k = 0; k < nt && k < 16; ++k) {
    if (k) out.push_back(',');
    json_decimal(out, terms[k]);
  }
  out.push_back(']');
}

/**
 * Appends the JSON line of metric `i` of `ms` (found in `text`, with change records `cs`) to
 * `out`; the fields are listed at cli_metrics. `offset` is added to every byte offset printed.
 * The two fields that depend on more than the metric's neighbourhood are written by the
 * callers' functions, called at their place: change_from(out, i) (an index into the metrics
 * of the whole input) and section(out, i) (from the outline of the whole input). `out` is a
 * std::string or a json_buf.
 */
template <class Out, class ChangeFrom, class Section>
inline void metric_line(std::string_view text, std::size_t offset, const std::vector<zhscan::metric>& ms,
                        const std::vector<zhscan::metric_change>& cs, std::size_t i, Out& out,
                        std::string& unit, ChangeFrom&& change_from, Section&& section) {
  const zhscan::metric& m = ms[i];
  out += "{\"start\":";
  json_uint(out, offset + m.span.start);
  out += ",\"end\":";
  json_uint(out, offset + m.span.end);
  out += ",\"text\":";
  json_string(out, m.span.in(text));
  out += ",\"value\":";
  json_decimal(out, m.value_exact());
  const zhscan::decimal low = m.low_exact(), high = m.high_exact();
  if (low.nan && high.nan && m.shape != zhscan::metric_shape::ratio) {
    out += ",\"low\":null,\"high\":null,\"ratio\":null";  // the common case at once
  } else {
    out += ",\"low\":";
    json_decimal(out, low);
    out += ",\"high\":";
    json_decimal(out, high);
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
  }
  out += ",\"approx\":";
  if (m.approx == zhscan::approximation::none) out += "null";
  else json_name(out, zhscan::to_string(m.approx));
  out += ",\"unit\":";
  unit.clear();
  m.append_unit(unit);
  if (unit.empty()) out += "null";
  else json_string(out, unit);
  out += ",\"unit_text\":";
  if (m.unit_text.empty()) out += "null";
  else json_string(out, m.unit_text.in(text));
  out += ",\"category\":";
  json_name(out, zhscan::to_string(m.category));
  out += ",\"numeral\":";
  json_name(out, zhscan::to_string(m.numeral));
  out += ",\"number\":";
  json_string(out, m.number.in(text));
  out += ",\"change_from\":";
  change_from(out, i);
  const zhscan::base_amount b = zhscan::base_quantity(m);
  out += ",\"base_value\":";
  json_decimal(out, b.value);
  if (b.low.nan && b.high.nan) {
    out += ",\"base_low\":null,\"base_high\":null";
  } else {
    out += ",\"base_low\":";
    json_decimal(out, b.low);
    out += ",\"base_high\":";
    json_decimal(out, b.high);
  }
  out += ",\"base_unit\":";
  if (b.unit.empty()) out += "null";
  else json_string(out, b.unit);
  out += ",\"section\":";
  section(out, i);
  cli_change_fields(text, ms, cs[i], out, offset);
  json_terms(out, m, m.number.in(text));
  out += "}\n";
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
  for (std::size_t i = 0; i < ms.size(); ++i)
    metric_line(
        text, 0, ms, cs, i, out, unit,
        [&](std::string& o, std::size_t k) {
          if (ms[k].change_from == zhscan::npos) o += "null";
          else json_uint(o, ms[k].change_from);
        },
        [&](std::string& o, std::size_t k) {
          if (ms[k].section == zhscan::npos) o += "null";
          else json_uint(o, ms[k].section);
        });
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_METRICS_HPP
