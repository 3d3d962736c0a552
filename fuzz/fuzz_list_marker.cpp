// SPDX-License-Identifier: MIT
// libFuzzer harness for zhscan::find_markers, zhscan::outline, zhscan::section_at and
// zhscan::chunks.
//
// Invariants checked on every input (a violation traps):
//  - marker spans are non-empty, inside the input, in increasing order and disjoint;
//  - ordinals >= 1, levels >= 1; a parent precedes its child and has level = child - 1;
//    top-level markers (and only they) have no parent;
//  - the SIMD prefilter (best level), the scalar path and the rejected-candidates path
//    give the same markers (spans, styles, ordinals, levels, parents);
//  - rejected spans are inside the input;
//  - sections: one per marker, same level/parent; heading and body inside the input,
//    heading after the marker and before the body; a child's marker, heading and body lie
//    inside its parent's body;
//  - section_at: npos before the first marker, the section itself at each marker start;
//  - chunks (a limit taken from the input's first byte): they tile the input, are non-empty,
//    start and end on character boundaries of the UTF-8 decoding, never contain a marker
//    start after their first byte, carry section == section_at(start), are at most the limit
//    unless no break character (line end, full-width sentence end) lies before their last
//    break; the lazy range equals find_chunks; heading paths end with the chunk's section.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "zhscan/list_marker.hpp"
#include "zhscan/chunk.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"
#include "zhscan/utf8.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool same(const zhscan::marker& a, const zhscan::marker& b) {
  return a.span == b.span && a.style == b.style && a.ordinal == b.ordinal && a.level == b.level &&
         a.parent == b.parent && a.flags == b.flags && a.confidence == b.confidence;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // An exact-size copy so that AddressSanitizer sees any read past the end.
  std::unique_ptr<char[]> buf(new char[size ? size : 1]);
  if (size) std::memcpy(buf.get(), data, size);
  const std::string_view s(buf.get(), size);

  std::vector<zhscan::marker> ms, scalar, with_rej;
  std::vector<zhscan::rejected_marker> rej;
  zhscan::find_markers(s, ms);
  zhscan::find_markers(s, scalar, nullptr, zhscan::simd_level::scalar);
  zhscan::find_markers(s, with_rej, &rej);

  check(ms.size() == scalar.size() && ms.size() == with_rej.size());
  std::size_t prev_end = 0;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const zhscan::marker& m = ms[i];
    check(same(m, scalar[i]) && same(m, with_rej[i]));
    check(m.span.start < m.span.end && m.span.end <= size);
    check(m.span.start >= prev_end);
    prev_end = m.span.end;
    check(m.ordinal >= 1 && m.level >= 1);
    if (m.parent == zhscan::npos) {
      check(m.level == 1);
    } else {
      check(m.parent < i);
      check(ms[m.parent].level + 1 == m.level);
    }
  }
  for (const zhscan::rejected_marker& r : rej) check(r.span.start <= r.span.end && r.span.end <= size);

  std::vector<zhscan::section> secs;
  zhscan::outline(s, ms, secs);
  check(secs.size() == ms.size());
  for (std::size_t i = 0; i < secs.size(); ++i) {
    const zhscan::section& c = secs[i];
    check(c.marker == i && c.level == ms[i].level && c.parent == ms[i].parent);
    check(c.heading.start <= c.heading.end && c.heading.end <= size);
    check(c.body.start <= c.body.end && c.body.end <= size);
    check(ms[i].span.end <= c.body.start);
    if (!c.heading.empty()) check(ms[i].span.end <= c.heading.start && c.heading.end == c.body.start);
    if (c.parent != zhscan::npos) {
      const zhscan::section& p = secs[c.parent];
      check(p.body.start <= ms[i].span.start && c.body.end <= p.body.end);
      check(p.body.start <= c.heading.start && c.heading.end <= p.body.end);
    }
  }

  // section_at
  if (!ms.empty()) {
    check(ms[0].span.start == 0 || zhscan::section_at(ms, secs, ms[0].span.start - 1) == zhscan::npos);
    for (std::size_t i = 0; i < ms.size(); ++i) check(zhscan::section_at(ms, secs, ms[i].span.start) == i);
  }

  // chunks
  const std::size_t max = size ? (static_cast<unsigned char>(data[0]) * 7u) % 600u : 0;
  std::vector<zhscan::chunk> cs;
  zhscan::find_chunks(s, ms, secs, max, cs);
  std::vector<bool> boundary(size + 1, false), mstart(size + 1, false);
  for (std::size_t p = 0; p < size;) {
    boundary[p] = true;
    p += zhscan::utf8::decode(s.data() + p, s.data() + size).length;
  }
  boundary[size] = true;
  for (const zhscan::marker& m : ms) mstart[m.span.start] = true;
  std::size_t pos = 0, k = 0;
  std::vector<zhscan::byte_span> path;
  for (const zhscan::chunk& c : zhscan::chunks(s, ms, secs, max)) {
    check(k < cs.size() && cs[k].span == c.span && cs[k].section == c.section);
    ++k;
    check(c.span.start == pos && c.span.end > c.span.start && c.span.end <= size);
    check(boundary[c.span.start] && boundary[c.span.end]);
    for (std::size_t x = c.span.start + 1; x < c.span.end; ++x) check(!mstart[x]);
    check(c.section == zhscan::section_at(ms, secs, c.span.start));
    if (c.span.size() > max) {
      // one sentence: no line end or full-width sentence end before the final break run
      std::size_t from = c.span.start;
      if (c.section != zhscan::npos && ms[c.section].span.start == c.span.start) from = ms[c.section].span.end;
      std::size_t last_text = from;  // end of the last character that is not a break mark
      for (std::size_t p = from; p < c.span.end;) {
        const zhscan::utf8::decoded d = zhscan::utf8::decode(s.data() + p, s.data() + c.span.end);
        const char32_t u = d.valid ? d.cp : 0xFFFD;
        const bool mark = u == '\n' || u == '\r' || u == 0x85 || u == 0x2028 || u == 0x2029 ||
                          u == 0x3002 || u == 0xFF01 || u == 0xFF1F || u == 0xFF1B;
        const bool closer_or_end = mark || u == '.' || u == '!' || u == '?' || u == ';' ||
                                   u == '"' || u == '\'' || u == ')' || u == ']' || u == 0x201D ||
                                   u == 0x2019 || u == 0xFF09 || u == 0xFF3D || u == 0x3009 ||
                                   u == 0x300B || u == 0x300D || u == 0x300F || u == 0x3011 ||
                                   u == 0x3015 || u == 0x3017;
        p += d.length;
        if (!closer_or_end) last_text = p;
      }
      for (std::size_t p = from; p < last_text;) {
        const zhscan::utf8::decoded d = zhscan::utf8::decode(s.data() + p, s.data() + last_text);
        const char32_t u = d.valid ? d.cp : 0xFFFD;
        check(!(u == '\n' || u == '\r' || u == 0x85 || u == 0x2028 || u == 0x2029 || u == 0x3002 ||
                u == 0xFF01 || u == 0xFF1F || u == 0xFF1B));
        p += d.length;
      }
    }
    zhscan::heading_path(ms, secs, c.section, path);
    check(c.section == zhscan::npos ? path.empty()
                                    : !path.empty() && path.back() == zhscan::heading_label(ms, secs, c.section));
    pos = c.span.end;
  }
  check(k == cs.size() && pos == size);
  return 0;
}
