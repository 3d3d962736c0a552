// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_NUMERAL_SPACED_HPP
#define ZHSCAN_DETAIL_NUMERAL_SPACED_HPP

#include <cstddef>
#include <cstdint>

/**
 * Spaced-out lines: PDF extraction, OCR and speech transcripts put a space between the
 * characters of a line ("bai fen zhi 2.4", "7 wan5 qian4 bai" with a space after every
 * character). Numerals and quantities on such a line are read through the spaces; on any
 * other line a space separates (2 3 is two numbers).
 *
 * The rule (one line = the bytes between two line feeds):
 *  - a Han character is a 3-byte UTF-8 sequence with lead byte E4..E9 (U+4000..U+9FFF, the
 *    CJK ideographs);
 *  - a line is spaced out when at least 3 of its Han characters are followed by exactly one
 *    ASCII space and then a character that is no space, and these are at least twice as
 *    many as the Han characters followed directly by another Han character (most Han
 *    characters of the line stand apart: a line of ordinary prose with a few spaces is not
 *    spaced out);
 *  - on a spaced-out line a single ASCII space (no space on either side) is removed when a
 *    non-ASCII character is on one side of it, or when both sides are single ASCII
 *    characters (1 2 0 0 -> 1200); a space between two longer ASCII words stays.
 * find_metrics tests a line only when a number stands next to a space in it (once per line),
 * and then scans a copy of the text without the removable spaces of the spaced-out lines.
 */
namespace zhscan {
namespace detail {

constexpr bool spaced_han_lead(unsigned char c) noexcept { return c >= 0xE4u && c <= 0xE9u; }

/** True when the line [b, e) (no line feed inside) is spaced out (see above). */
inline bool is_spaced_line(const char* b, const char* e) noexcept {
  std::size_t apart = 0, joined = 0;
  for (const char* p = b; p + 3 <= e;) {
    const auto c = static_cast<unsigned char>(*p);
    if (!spaced_han_lead(c)) {
      ++p;
      continue;
    }
    const char* q = p + 3;
    if (q < e && static_cast<unsigned char>(*q) >= 0xE4u && static_cast<unsigned char>(*q) <= 0xE9u) {
      ++joined;
    } else if (e - q >= 2 && *q == ' ' && q[1] != ' ' && q[1] != '\t' && q[1] != '\r') {
      ++apart;
    }
    p = q;
  }
  return apart >= 3 && apart >= 2 * joined;
}

/** True when the space at `sp` (inside the spaced-out line [b, e)) is to be removed. */
inline bool removable_space(const char* b, const char* e, const char* sp) noexcept {
  if (sp <= b || sp + 1 >= e) return false;
  const auto l = static_cast<unsigned char>(sp[-1]);
  const auto r = static_cast<unsigned char>(sp[1]);
  if (l == ' ' || l == '\t' || r == ' ' || r == '\t' || r == '\r') return false;
  if (l >= 0x80u || r >= 0x80u) return true;
  // both ASCII: only single characters (1 2 0 0), not words
  const bool l_single = sp - 1 == b || static_cast<unsigned char>(sp[-2]) == ' ';
  const bool r_single = sp + 2 >= e || sp[2] == ' ' || sp[2] == '\r';
  return l_single && r_single;
}

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_NUMERAL_SPACED_HPP
