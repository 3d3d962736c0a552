// SPDX-License-Identifier: MIT
// libFuzzer harness for zhscan::find_markers and zhscan::outline.
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
//    inside its parent's body.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "zhscan/list_marker.hpp"
#include "zhscan/outline.hpp"

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
  return 0;
}
