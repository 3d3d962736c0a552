// SPDX-License-Identifier: MIT
// `zhscan html`: one self-contained page (no network resources) showing a parse at a glance:
// the outline as a collapsible tree beside the text, markers and metrics highlighted inline
// (value / unit / category and the heading path of the metric's section on hover),
// rejected marker candidates shown distinctly.
//
// The page is well-formed XML as well as HTML (every element closed, only the five XML
// entities), so a strict XML parser can check it. The text pane holds the input verbatim:
// its character data equals the input, except that ill-formed UTF-8 and control characters
// other than tab, LF and CR (which XML cannot carry) become U+FFFD.
#ifndef ZHSCAN_EXAMPLES_CLI_HTML_HPP
#define ZHSCAN_EXAMPLES_CLI_HTML_HPP

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli_common.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"
#include "zhscan/utf8.hpp"

namespace zhscan_cli {

namespace html_detail {

/** Appends `s` escaped for HTML/XML text and attribute values. */
inline void escape(std::string& out, std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\r': out += "&#13;"; break;  // keep CR: XML parsers would fold CRLF
        case '\t':
        case '\n': out.push_back(static_cast<char>(c)); break;
        default:
          if (c < 0x20 || c == 0x7F)
            out += "\xEF\xBF\xBD";
          else
            out.push_back(static_cast<char>(c));
      }
      ++p;
      continue;
    }
    const zhscan::utf8::decoded d = zhscan::utf8::decode(p, end);
    const bool xml_ok = d.valid && !(d.cp >= 0x80 && d.cp <= 0x9F) && d.cp != 0xFFFE &&
                        d.cp != 0xFFFF;
    if (xml_ok)
      out.append(p, d.length);
    else
      out += "\xEF\xBF\xBD";
    p += d.length;
  }
}

/** A highlighted span of the text pane. */
struct mark {
  std::size_t start, end;
  int kind;  // 0 marker, 1 metric, 2 rejected candidate (outer first when nested)
  std::size_t index;
};

inline void append_number(std::string& out, const zhscan::decimal& v) { json_decimal(out, v); }

/**
 * Appends the heading path of section `sec` (labels from the top level down, joined by
 * " > "), or "(before the first heading)" for npos.
 */
inline void append_path(std::string& t, std::string_view text, const std::vector<zhscan::marker>& ms,
                        const std::vector<zhscan::section>& secs, std::size_t sec,
                        std::vector<zhscan::byte_span>& scratch) {
  zhscan::heading_path(ms, secs, sec, scratch);
  if (scratch.empty()) t += "(before the first heading)";
  for (std::size_t i = 0; i < scratch.size(); ++i) {
    if (i) t += " > ";
    t += scratch[i].in(text);
  }
}

inline void metric_title(std::string& out, std::string_view text, const zhscan::metric& m,
                         std::string_view path) {
  std::string t;
  if (m.shape == zhscan::metric_shape::ratio) {
    t += "ratio ";
    append_number(t, m.ratio_a_exact());
    t += ":";
    append_number(t, m.ratio_b_exact());
  } else if (m.shape == zhscan::metric_shape::range) {
    t += "range ";
    append_number(t, m.low_exact());
    t += " .. ";
    append_number(t, m.high_exact());
  } else {
    t += "value ";
    append_number(t, m.value_exact());
  }
  t += " | unit ";
  m.append_unit(t);
  t += " (written ";
  t += m.unit_text.in(text);
  t += ") | category ";
  t += zhscan::to_string(m.category);
  if (m.approx != zhscan::approximation::none) {
    t += " | approx ";
    t += zhscan::to_string(m.approx);
  }
  t += " | section ";
  t += path;
  escape(out, t);
}

}  // namespace html_detail

/** Appends the HTML page for `text` to `out`. */
inline void cli_html(std::string_view text, std::string& out) {
  using namespace html_detail;
  std::vector<zhscan::marker> markers;
  std::vector<zhscan::rejected_marker> rejected;
  zhscan::find_markers(text, markers, &rejected);
  std::vector<zhscan::section> sections;
  zhscan::outline(text, markers, sections);
  std::vector<zhscan::metric> metrics;
  zhscan::find_metrics(text, metrics);
  std::vector<zhscan::byte_span> scratch;
  std::string path;

  std::vector<mark> marks;
  marks.reserve(markers.size() + metrics.size() + rejected.size());
  for (std::size_t i = 0; i < markers.size(); ++i)
    marks.push_back({markers[i].span.start, markers[i].span.end, 0, i});
  for (std::size_t i = 0; i < metrics.size(); ++i)
    marks.push_back({metrics[i].span.start, metrics[i].span.end, 1, i});
  for (std::size_t i = 0; i < rejected.size(); ++i)
    marks.push_back({rejected[i].span.start, rejected[i].span.end, 2, i});
  for (mark& m : marks) {  // never trust a span to stay inside the text
    m.start = std::min(m.start, text.size());
    m.end = std::min(std::max(m.end, m.start), text.size());
  }
  std::sort(marks.begin(), marks.end(), [](const mark& a, const mark& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;  // outer span first
    return a.kind < b.kind;
  });

  out +=
      "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh\">\n<head>\n"
      "<meta charset=\"utf-8\"/>\n<title>zhscan</title>\n<style>\n"
      "body{margin:0;font:15px/1.7 sans-serif;display:flex;height:100vh}\n"
      "nav{width:32%;overflow:auto;border-right:1px solid #ccc;padding:8px;box-sizing:border-box;"
      "background:#fafafa}\n"
      "main{flex:1;overflow:auto;padding:8px 16px}\n"
      "#text{white-space:pre-wrap;word-break:break-all;margin:0;font:inherit}\n"
      "details{margin-left:14px}summary{cursor:pointer}nav a{color:#124;text-decoration:none}\n"
      "nav a:hover{text-decoration:underline}.leaf{margin-left:28px}\n"
      ".mk{background:#ffe08a;font-weight:bold;border-radius:3px}\n"
      ".mt{background:#bfe6c8;border-bottom:2px solid #2a8a45;border-radius:3px}\n"
      ".rj{text-decoration:line-through wavy #c33;background:#f6dede}\n"
      ".legend span{padding:0 4px;margin-right:6px}:target{outline:2px solid #d60}\n"
      "</style>\n</head>\n<body>\n<nav>\n<div class=\"legend\"><span class=\"mk\">marker</span>"
      "<span class=\"mt\">metric</span><span class=\"rj\">rejected candidate</span></div>\n";
  out += "<p>";
  json_uint(out, markers.size());
  out += " markers, ";
  json_uint(out, metrics.size());
  out += " metrics, ";
  json_uint(out, rejected.size());
  out += " rejected candidates</p>\n";

  // Tree: sections in text order; a section's children follow it (parent-indexed vector).
  std::vector<std::vector<std::size_t>> children(sections.size());
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const std::size_t p = sections[i].parent;
    (p < i ? children[p] : roots).push_back(i);
  }
  auto label = [&](std::size_t i) {
    const zhscan::marker& m = markers[sections[i].marker];
    out += "<a href=\"#m";
    json_uint(out, sections[i].marker);
    out += "\" title=\"";
    escape(out, zhscan::to_string(m.style));
    out += " #";
    json_uint(out, m.ordinal);
    out += " level ";
    json_uint(out, m.level);
    out += "\">";
    escape(out, m.span.in(text));
    out += " ";
    std::string_view h = sections[i].heading.in(text);
    bool excerpt = false;
    if (h.empty()) {  // a run-in item: show the start of its body instead
      h = sections[i].body.in(text);
      excerpt = true;
    }
    // At most 30 characters, cut on a character boundary.
    std::size_t cut = 0;
    for (int n = 0; cut < h.size() && n < 30; ++n)
      cut += zhscan::utf8::decode(h.data() + cut, h.data() + h.size()).length;
    const bool longer = cut < h.size();
    h = h.substr(0, cut);
    if (excerpt) out += "<i>";
    escape(out, h);
    if (longer) out += "\u2026";
    if (excerpt) out += "</i>";
    out += "</a>";
  };
  // Iterative depth-first walk (deep trees must not exhaust the stack).
  std::vector<std::pair<std::size_t, std::size_t>> stack;  // (section, next child)
  for (std::size_t r : roots) {
    stack.push_back({r, 0});
    while (!stack.empty()) {
      auto& top = stack.back();
      const std::size_t s = top.first;
      if (top.second == 0) {
        if (children[s].empty()) {
          out += "<div class=\"leaf\">";
          label(s);
          out += "</div>\n";
          stack.pop_back();
          continue;
        }
        out += "<details open=\"open\"><summary>";
        label(s);
        out += "</summary>\n";
      }
      if (top.second < children[s].size()) {
        const std::size_t c = children[s][top.second++];
        stack.push_back({c, 0});
      } else {
        out += "</details>\n";
        stack.pop_back();
      }
    }
  }
  out += "</nav>\n<main>\n<pre id=\"text\">";

  // Text pane: spans nest properly; one that crosses its enclosing span's end is clipped.
  std::vector<std::size_t> open_ends;
  std::size_t pos = 0;
  auto close_until = [&](std::size_t upto) {
    while (!open_ends.empty() && open_ends.back() <= upto) {
      escape(out, text.substr(pos, open_ends.back() - pos));
      pos = open_ends.back();
      out += "</span>";
      open_ends.pop_back();
    }
  };
  for (const mark& m : marks) {
    close_until(m.start);
    std::size_t end = m.end;
    if (!open_ends.empty()) end = std::min(end, open_ends.back());
    if (end <= m.start) continue;
    escape(out, text.substr(pos, m.start - pos));
    pos = m.start;
    if (m.kind == 0) {
      const zhscan::marker& k = markers[m.index];
      out += "<span class=\"mk\" id=\"m";
      json_uint(out, m.index);
      out += "\" title=\"";
      escape(out, zhscan::to_string(k.style));
      out += " #";
      json_uint(out, k.ordinal);
      out += " level ";
      json_uint(out, k.level);
      out += " confidence ";
      json_uint(out, k.confidence);
      out += "\">";
    } else if (m.kind == 1) {
      out += "<span class=\"mt\" title=\"";
      path.clear();
      append_path(path, text, markers, sections,
                  zhscan::section_at(markers, sections, metrics[m.index].span.start), scratch);
      metric_title(out, text, metrics[m.index], path);
      out += "\">";
    } else {
      const zhscan::rejected_marker& r = rejected[m.index];
      out += "<span class=\"rj\" title=\"rejected ";
      escape(out, zhscan::to_string(r.style));
      out += ": ";
      escape(out, zhscan::to_string(r.reason));
      out += "\">";
    }
    open_ends.push_back(end);
  }
  close_until(text.size());
  escape(out, text.substr(pos));
  out += "</pre>\n</main>\n</body>\n</html>\n";
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_HTML_HPP
