// SPDX-License-Identifier: MIT
// `zhscan table`: one JSON object (or CSV row) per indicator statement of statistical prose.
#ifndef ZHSCAN_EXAMPLES_CLI_TABLE_HPP
#define ZHSCAN_EXAMPLES_CLI_TABLE_HPP

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli_common.hpp"
#include "cli_metrics.hpp"
#include "zhscan/change.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"

namespace zhscan_cli {

/** One statement: an indicator, its level (metric index or npos) and its changes. */
struct table_statement {
  zhscan::byte_span indicator;
  std::size_t level = zhscan::npos;
  std::vector<std::size_t> changes;  // metric indices, in text order
  std::size_t start = 0, end = 0;
};

/**
 * Groups the metrics of `text` into statements: every level starts one (a level that is the
 * start of "you A tigao dao B" does not: B's does), every change joins the statement of its
 * level or, without one, starts its own. Completion rates, contributions, targets and other
 * metrics belong to none. Linear in the number of metrics.
 */
inline void table_statements(std::string_view text, const std::vector<zhscan::metric>& ms,
                             const std::vector<zhscan::metric_change>& cs,
                             std::vector<table_statement>& out) {
  (void)text;
  out.clear();
  std::vector<std::size_t> stmt_of(ms.size(), zhscan::npos);
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const zhscan::metric_change& c = cs[i];
    const bool from_start = i + 1 < ms.size() && ms[i + 1].change_from == i;
    if (c.role == zhscan::metric_role::level && !from_start) {
      table_statement s;
      s.indicator = c.indicator;
      s.level = i;
      if (c.has_change) s.changes.push_back(i);  // B of you A tigao dao B
      s.start = ms[ms[i].change_from != zhscan::npos ? ms[i].change_from : i].span.start;
      if (!c.indicator.empty()) s.start = std::min(s.start, c.indicator.start);
      s.end = ms[i].span.end;
      stmt_of[i] = out.size();
      out.push_back(std::move(s));
    } else if (c.role == zhscan::metric_role::change) {
      if (c.level != zhscan::npos && stmt_of[c.level] != zhscan::npos) {
        table_statement& s = out[stmt_of[c.level]];
        s.changes.push_back(i);
        s.end = std::max(s.end, ms[i].span.end);
        stmt_of[i] = stmt_of[c.level];
      } else {
        table_statement s;
        s.indicator = c.indicator;
        s.changes.push_back(i);
        s.start = c.verb.empty() ? ms[i].span.start : c.verb.start;
        if (!c.indicator.empty()) s.start = std::min(s.start, c.indicator.start);
        s.end = ms[i].span.end;
        stmt_of[i] = out.size();
        out.push_back(std::move(s));
      }
    }
  }
}

/** The text of a change as written: from its verb (or slot word; for "you A tigao dao B"
 *  from A) to the end of its metric. */
inline std::string_view change_text(std::string_view text, const std::vector<zhscan::metric>& ms,
                                    std::size_t i, const zhscan::metric_change& c) {
  const zhscan::metric& m = ms[i];
  std::size_t s = c.verb.empty() || c.verb.start > m.span.start ? m.span.start : c.verb.start;
  if (m.change_from != zhscan::npos && m.change_from < i) s = ms[m.change_from].span.start;
  return text.substr(s, m.span.end - s);
}

/** The outline of one document, for the heading paths of its statements. */
struct table_outline {
  std::vector<zhscan::marker> markers;
  std::vector<zhscan::section> sections;
  std::vector<zhscan::byte_span> path;  // scratch
  explicit table_outline(std::string_view text) {
    zhscan::find_markers(text, markers);
    zhscan::outline(text, markers, sections);
  }
  /** The heading path (zhscan::heading_path) of the section holding byte `at`. */
  const std::vector<zhscan::byte_span>& path_at(std::size_t at) {
    zhscan::heading_path(markers, sections, zhscan::section_at(markers, sections, at), path);
    return path;
  }
};

/** Appends the heading path of a statement starting at `at` as a JSON list of strings (the
 *  same labels as `zhscan chunks`' "path"); [] before the first heading. */
inline void table_path_json(std::string_view text, table_outline& o, std::size_t at, std::string& out) {
  out.push_back('[');
  bool first = true;
  for (const zhscan::byte_span& h : o.path_at(at)) {
    if (!first) out.push_back(',');
    first = false;
    json_string(out, h.in(text));
  }
  out.push_back(']');
}
/** The same path for CSV: the labels joined by " > ". */
inline void table_path_csv(std::string_view text, table_outline& o, std::size_t at, std::string& out) {
  bool first = true;
  for (const zhscan::byte_span& h : o.path_at(at)) {
    if (!first) out += " > ";
    first = false;
    out += h.in(text);
  }
}

/**
 * Appends one JSON line per statement of `text`:
 * {"indicator","level","changes","path","start","end"} where indicator is the text or null,
 * level {"value","unit","text"} or null, changes a list of {"direction","measure","delta",
 * "base","text"}, path the heading path (list of heading texts), start/end the statement's
 * byte span.
 */
inline void cli_table(std::string_view text, std::string& out) {
  std::vector<zhscan::metric> ms;
  zhscan::find_metrics(text, ms);
  std::vector<zhscan::metric_change> cs;
  zhscan::find_changes(text, ms, cs);
  std::vector<table_statement> st;
  table_statements(text, ms, cs, st);
  table_outline outline(text);
  std::string unit;
  for (const table_statement& s : st) {
    out += "{\"indicator\":";
    if (s.indicator.empty()) out += "null";
    else json_string(out, s.indicator.in(text));
    out += ",\"level\":";
    if (s.level == zhscan::npos) {
      out += "null";
    } else {
      const zhscan::metric& m = ms[s.level];
      out += "{\"value\":";
      json_decimal(out, zhscan::detail::change_rules::metric_number(text, m));
      out += ",\"unit\":";
      unit.clear();
      m.append_unit(unit);
      if (unit.empty()) out += "null";
      else json_string(out, unit);
      out += ",\"text\":";
      json_string(out, m.span.in(text));
      out.push_back('}');
    }
    out += ",\"changes\":[";
    for (std::size_t k = 0; k < s.changes.size(); ++k) {
      const std::size_t i = s.changes[k];
      const zhscan::metric_change& c = cs[i];
      if (k) out.push_back(',');
      out.push_back('{');
      change_core_fields(text, c, out);
      out += ",\"text\":";
      json_string(out, change_text(text, ms, i, c));
      out.push_back('}');
    }
    out += "],\"path\":";
    table_path_json(text, outline, s.start, out);
    out += ",\"start\":";
    json_uint(out, s.start);
    out += ",\"end\":";
    json_uint(out, s.end);
    out += "}\n";
  }
}

/** Appends one CSV field (RFC 4180: quoted when it holds a comma, quote or line break). */
inline void csv_field(std::string& out, std::string_view f) {
  if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(f.data(), f.size());
    return;
  }
  out.push_back('"');
  for (char ch : f) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  out.push_back('"');
}

/** The CSV header of `zhscan table --csv`. */
inline constexpr std::string_view table_csv_header =
    "indicator,level_value,level_unit,level_text,change_direction,change_measure,change_delta,"
    "change_base,change_text,path,start,end\n";

/**
 * Appends one CSV row per statement of `text` (columns of table_csv_header; several changes
 * of one statement are joined by "; " in each change column). The header is printed once by
 * the caller.
 */
inline void cli_table_csv(std::string_view text, std::string& out) {
  std::vector<zhscan::metric> ms;
  zhscan::find_metrics(text, ms);
  std::vector<zhscan::metric_change> cs;
  zhscan::find_changes(text, ms, cs);
  std::vector<table_statement> st;
  table_statements(text, ms, cs, st);
  table_outline outline(text);
  std::string cell;
  for (const table_statement& s : st) {
    csv_field(out, s.indicator.in(text));
    out.push_back(',');
    if (s.level != zhscan::npos) {
      const zhscan::metric& m = ms[s.level];
      cell.clear();
      json_decimal(cell, zhscan::detail::change_rules::metric_number(text, m));
      if (cell == "null") cell.clear();
      csv_field(out, cell);
      out.push_back(',');
      cell.clear();
      m.append_unit(cell);
      csv_field(out, cell);
      out.push_back(',');
      csv_field(out, m.span.in(text));
    } else {
      out += ",,";
    }
    for (int col = 0; col < 5; ++col) {
      out.push_back(',');
      cell.clear();
      for (std::size_t k = 0; k < s.changes.size(); ++k) {
        const std::size_t i = s.changes[k];
        const zhscan::metric_change& c = cs[i];
        if (k) cell += "; ";
        switch (col) {
          case 0: cell += zhscan::to_string(c.direction); break;
          case 1: cell += zhscan::to_string(c.measure); break;
          case 2: json_decimal(cell, c.delta_exact); break;
          case 3: cell += c.base.in(text); break;
          default: cell += change_text(text, ms, i, c); break;
        }
      }
      csv_field(out, cell);
    }
    out.push_back(',');
    cell.clear();
    table_path_csv(text, outline, s.start, cell);
    csv_field(out, cell);
    out.push_back(',');
    json_uint(out, s.start);
    out.push_back(',');
    json_uint(out, s.end);
    out.push_back('\n');
  }
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_TABLE_HPP
