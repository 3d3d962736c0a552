// SPDX-License-Identifier: MIT
// `zhscan chunks [--max-bytes N]`: heading-path chunks for retrieval, one JSON object per
// chunk, in text order:
//   {"start":B,"end":E,"section":S,"path":["...","..."],"text":"..."}
// The chunks tile the input (every byte in exactly one chunk); "section" is the start
// offset of the marker of the chunk's section (null before the first marker), "path" the
// heading labels from the top level down to that section ([] before the first marker).
// Rules: include/zhscan/chunk.hpp (where chunks break) and include/zhscan/section.hpp
// (what a heading label is).
#ifndef ZHSCAN_EXAMPLES_CLI_CHUNKS_HPP
#define ZHSCAN_EXAMPLES_CLI_CHUNKS_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli_common.hpp"
#include "zhscan/chunk.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"

namespace zhscan_cli {

/** Largest chunk in bytes (--max-bytes); set once before any document is processed. */
inline std::size_t chunk_max_bytes = zhscan::default_chunk_bytes;

/** Appends `"path":[...]` for section `sec` to `out` (the heading labels, top down). */
inline void json_heading_path(std::string& out, std::string_view text,
                              const std::vector<zhscan::marker>& ms,
                              const std::vector<zhscan::section>& secs, std::size_t sec,
                              std::vector<zhscan::byte_span>& scratch) {
  zhscan::heading_path(ms, secs, sec, scratch);
  out.push_back('[');
  for (std::size_t i = 0; i < scratch.size(); ++i) {
    if (i) out.push_back(',');
    json_string(out, scratch[i].in(text));
  }
  out.push_back(']');
}

/**
 * Appends one JSON line per chunk of `chunks` (any sequence of zhscan::chunk over `text`:
 * the lazy range or a vector) to `out`.
 */
template <class Chunks>
void write_chunks(std::string_view text, const std::vector<zhscan::marker>& ms,
                  const std::vector<zhscan::section>& secs, const Chunks& chunks, std::string& out) {
  std::vector<zhscan::byte_span> scratch;
  std::string path = "[]";  // "path" of the current section, reused while it lasts
  std::size_t path_of = zhscan::npos;
  out.reserve(out.size() + text.size() + text.size() / 4);
  for (const zhscan::chunk& c : chunks) {
    if (c.section != path_of) {
      path.clear();
      json_heading_path(path, text, ms, secs, c.section, scratch);
      path_of = c.section;
    }
    out += "{\"start\":";
    json_uint(out, c.span.start);
    out += ",\"end\":";
    json_uint(out, c.span.end);
    out += ",\"section\":";
    const std::size_t st = zhscan::section_start(ms, secs, c.section);
    if (st == zhscan::npos) out += "null";
    else json_uint(out, st);
    out += ",\"path\":";
    out += path;
    out += ",\"text\":";
    json_string(out, c.span.in(text));
    out += "}\n";
  }
}

/** Appends one JSON line per chunk of `text` to `out` (chunks of chunk_max_bytes). */
inline void cli_chunks(std::string_view text, std::string& out) {
  std::vector<zhscan::marker> ms;
  zhscan::find_markers(text, ms);
  std::vector<zhscan::section> secs;
  zhscan::outline(text, ms, secs);
  write_chunks(text, ms, secs, zhscan::chunks(text, ms, secs, chunk_max_bytes), out);
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_CHUNKS_HPP
