// SPDX-License-Identifier: MIT
// `zhscan markers` and `zhscan outline`.
//
// markers: one JSON object per outline marker, in text order:
//   {"start":B,"end":E,"text":"...","style":"...","ordinal":N,"level":L,"parent":P}
//   start/end are UTF-8 byte offsets (end exclusive); parent is the start offset of the
//   parent marker, or null for a top-level marker.
//
// outline: the section tree as ONE JSON document (then a newline):
//   {"bytes":N,"sections":[
//    {"index":0,"parent":null,"level":1,"marker":{"start":B,"end":E,"text":"...",
//     "style":"...","ordinal":N},"heading":{"start":B,"end":E,"text":"..."},
//     "body":{"start":B,"end":E},"children":[1,4]},
//    ...]}
//   One entry per marker, in text order, one entry per line. "parent" and "children" are
//   indices into "sections" (null for a top-level section); "heading" is empty (start ==
//   end, text "") when the marker is followed directly by body text; "body" runs from the
//   end of the heading (or of the marker) to the next marker of the same or a higher level,
//   or the end of the text (see zhscan/outline.hpp for the exact rules).
#ifndef ZHSCAN_EXAMPLES_CLI_MARKERS_HPP
#define ZHSCAN_EXAMPLES_CLI_MARKERS_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli_common.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/outline.hpp"

namespace zhscan_cli {

/** Appends the JSON line of marker `i` of `ms` (found in `text`) to `out`. */
inline void marker_line(std::string_view text, const std::vector<zhscan::marker>& ms, std::size_t i,
                        std::string& out) {
  const zhscan::marker& m = ms[i];
  out += "{\"start\":";
  json_uint(out, m.span.start);
  out += ",\"end\":";
  json_uint(out, m.span.end);
  out += ",\"text\":";
  json_string(out, m.span.in(text));
  out += ",\"style\":\"";
  out += zhscan::to_string(m.style);
  out += "\",\"ordinal\":";
  json_uint(out, m.ordinal);
  out += ",\"level\":";
  json_uint(out, m.level);
  out += ",\"parent\":";
  if (m.parent == zhscan::npos) {
    out += "null";
  } else {
    json_uint(out, ms[m.parent].span.start);
  }
  out += "}\n";
}

/** Appends one JSON line per outline marker of `text` to `out`. */
inline void cli_markers(std::string_view text, std::string& out) {
  std::vector<zhscan::marker> ms;
  zhscan::find_markers(text, ms);
  for (std::size_t i = 0; i < ms.size(); ++i) marker_line(text, ms, i, out);
}

/** Appends the section tree of `text` as one JSON document (and a newline) to `out`. */
inline void cli_outline(std::string_view text, std::string& out) {
  std::vector<zhscan::marker> ms;
  zhscan::find_markers(text, ms);
  std::vector<zhscan::section> secs;
  zhscan::outline(text, ms, secs);
  // children lists: first child / next sibling links, no per-section allocation
  std::vector<std::size_t> first_child(secs.size(), zhscan::npos), next_sib(secs.size(), zhscan::npos),
      last_child(secs.size(), zhscan::npos);
  for (std::size_t i = 0; i < secs.size(); ++i) {
    const std::size_t p = secs[i].parent;
    if (p == zhscan::npos) continue;
    if (first_child[p] == zhscan::npos) first_child[p] = i;
    else next_sib[last_child[p]] = i;
    last_child[p] = i;
  }
  out += "{\"bytes\":";
  json_uint(out, text.size());
  out += ",\"sections\":[";
  for (std::size_t i = 0; i < secs.size(); ++i) {
    const zhscan::section& s = secs[i];
    const zhscan::marker& m = ms[s.marker];
    out += i ? ",\n" : "\n";
    out += "{\"index\":";
    json_uint(out, i);
    out += ",\"parent\":";
    if (s.parent == zhscan::npos) out += "null";
    else json_uint(out, s.parent);
    out += ",\"level\":";
    json_uint(out, s.level);
    out += ",\"marker\":{\"start\":";
    json_uint(out, m.span.start);
    out += ",\"end\":";
    json_uint(out, m.span.end);
    out += ",\"text\":";
    json_string(out, m.span.in(text));
    out += ",\"style\":\"";
    out += zhscan::to_string(m.style);
    out += "\",\"ordinal\":";
    json_uint(out, m.ordinal);
    out += "},\"heading\":{\"start\":";
    json_uint(out, s.heading.start);
    out += ",\"end\":";
    json_uint(out, s.heading.end);
    out += ",\"text\":";
    json_string(out, s.heading.in(text));
    out += "},\"body\":{\"start\":";
    json_uint(out, s.body.start);
    out += ",\"end\":";
    json_uint(out, s.body.end);
    out += "},\"children\":[";
    bool firstc = true;
    for (std::size_t c = first_child[i]; c != zhscan::npos; c = next_sib[c]) {
      if (!firstc) out += ',';
      firstc = false;
      json_uint(out, c);
    }
    out += "]}";
  }
  out += secs.empty() ? "]}\n" : "\n]}\n";
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_MARKERS_HPP
