// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_SIMD_SCALAR_HPP
#define ZHSCAN_DETAIL_SIMD_SCALAR_HPP

#include <cstddef>
#include <cstdint>

#include "../utf8.hpp"
#include "char_class.hpp"

/**
 * The portable tokenizer: the reference the SIMD kernels must reproduce, the fallback for
 * CPUs without them, and the lazy iterator's engine near the end of the input.
 *
 * Rule (per character c, preceded by character p): c starts a new token unless
 *   (class(c) is a run class and class(c) == class(p)), or (c is LF and p is CR).
 * Ill-formed maximal subparts are characters of class `invalid` (not a run class).
 */
namespace zhscan {
namespace detail {

/** Slots a SIMD kernel needs free before it processes one more 64-byte block. */
inline constexpr std::size_t kernel_slack = 80;

/** Tokenizer state between two characters. */
struct scan_state {
  std::uint8_t prev = 0xFF;  ///< class of the previous character (0xFF: none)
  bool prev_cr = false;      ///< previous character was CR
};

/** Class and length of the character at p (< end); ill-formed subparts are cc_invalid. */
struct char_info {
  std::uint8_t cls;
  std::uint8_t len;
};

/** Class of each byte when it is a whole (ASCII) character, 0xFF for bytes >= 0x80. */
struct byte_class_table {
  std::uint8_t v[256];
};
constexpr byte_class_table make_byte_class_table() noexcept {
  byte_class_table t{};
  for (int b = 0; b < 256; ++b) t.v[b] = b < 0x80 ? ascii_class[b] : 0xFF;
  return t;
}
inline constexpr byte_class_table byte_class = make_byte_class_table();

/**
 * Class of a 3-byte sequence in two lookups: page[lead & 15][2nd & 63] is a row of `row`,
 * indexed by 3rd & 63. Rows 0..12 are uniform (that class), 16..24 the third-level tables,
 * 31 all 0xFF (page of mixed classes: the general classifier decides).
 */
struct class3_tables {
  std::uint8_t page[16][64];
  std::uint8_t row[32][64];
};
constexpr class3_tables make_class3_tables() noexcept {
  class3_tables t{};
  for (int l = 0; l < 16; ++l)
    for (int i = 0; i < 64; ++i) {
      const std::uint8_t v = page_tables.page3[l][i];
      t.page[l][i] = static_cast<std::uint8_t>(v < 0x40 ? v : v < page_slow ? 16 + (v & 15) : 31);
    }
  for (int r = 0; r < 32; ++r)
    for (int i = 0; i < 64; ++i)
      t.row[r][i] = static_cast<std::uint8_t>(r < 13 ? r : r >= 16 && r < 25 ? page_tables.third[r - 16][i] : 0xFF);
  return t;
}
inline constexpr class3_tables class3 = make_class3_tables();

/** True for a well-formed U+5000..9FFF at p (lead E5..E9): most of Chinese text. */
ZHSCAN_ALWAYS_INLINE constexpr bool is_common_han(const char* p, const char* end) noexcept {
  return static_cast<unsigned char>(static_cast<unsigned char>(p[0]) - 0xE5u) <= 4u && end - p >= 3 &&
         (static_cast<unsigned char>(p[1]) & 0xC0u) == 0x80u &&
         (static_cast<unsigned char>(p[2]) & 0xC0u) == 0x80u;
}

ZHSCAN_ALWAYS_INLINE constexpr char_info char_at(const char* p, const char* end) noexcept {
  const auto b0 = static_cast<unsigned char>(*p);
  if (b0 < 0x80) return {ascii_class[b0], 1};
  if (is_common_han(p, end)) return {cc_han, 3};
  // Other well-formed 3-byte sequences (CJK and full-width punctuation): page tables,
  // without the general decoder.
  if (b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && end - p >= 3) {
    const auto b1 = static_cast<unsigned char>(p[1]);
    const auto b2 = static_cast<unsigned char>(p[2]);
    if ((b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u) {
      const std::uint8_t v = page_tables.page3[b0 & 15][b1 & 63];
      if (v < 0x40) return {v, 3};
      if (v < page_slow) return {page_tables.third[v & 15][b2 & 63], 3};
      return {class_of(static_cast<char32_t>(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu))), 3};
    }
  }
  const utf8::decoded d = utf8::decode(p, end);
  if (!d.valid) return {cc_invalid, d.length};
  return {class_of_sequence(p, d.length, d.cp), d.length};
}

/**
 * Scans characters starting in [pos, stop) (they may extend to `size`), appending token
 * starts to off/kind at `count`. Stops early, with `pos` at a token start that is not
 * emitted and `st` unchanged for it, when the start would need slot `cap`.
 */
inline void scalar_scan(const char* s, std::size_t size, std::size_t& pos, std::size_t stop,
                        scan_state& st, std::size_t* off, std::uint8_t* kind,
                        std::size_t& count, std::size_t cap) noexcept {
  const char* const end = s + size;
  std::size_t p = pos;
  std::size_t n = count;
  std::uint8_t prev = st.prev;
  bool prev_cr = st.prev_cr;
  while (p < stop) {
    const unsigned b0 = static_cast<unsigned char>(s[p]);
    // ASCII and well-formed 3-byte characters (Han, CJK and full-width punctuation) take
    // one predicted branch each; inside it the class comes from tables and the start is
    // written unconditionally (count advances only for a real start), so mixed text
    // mispredicts at most at ASCII / non-ASCII switches, not per decision.
    if (b0 < 0x80) {
      const unsigned c = byte_class.v[b0];
      const unsigned start = 1u ^ ((static_cast<unsigned>(c <= cc_space) & static_cast<unsigned>(c == prev)) |
                                   (static_cast<unsigned>(b0 == '\n') & static_cast<unsigned>(prev_cr)));
      if (ZHSCAN_UNLIKELY(n >= cap)) {
        if (start) break;
      } else {
        off[n] = p;
        kind[n] = static_cast<std::uint8_t>(c);
        n += start;
      }
      prev = static_cast<std::uint8_t>(c);
      prev_cr = b0 == '\r';
      ++p;
      continue;
    }
    if (ZHSCAN_LIKELY(size - p >= 3)) {
      const unsigned b1 = static_cast<unsigned char>(s[p + 1]);
      const unsigned b2 = static_cast<unsigned char>(s[p + 2]);
      const unsigned c = class3.row[class3.page[b0 & 15u][b1 & 63u]][b2 & 63u];
      const unsigned is3 = static_cast<unsigned>(b0 - 0xE1u <= 14u) &
                           static_cast<unsigned>(b0 != 0xED) &
                           static_cast<unsigned>(((b1 & 0xC0u) | ((b2 & 0xC0u) << 8)) == 0x8080u) &
                           static_cast<unsigned>(c != 0xFFu);
      if (ZHSCAN_LIKELY(is3 != 0)) {
        const unsigned start = 1u ^ (static_cast<unsigned>(c <= cc_space) & static_cast<unsigned>(c == prev));
        if (ZHSCAN_UNLIKELY(n >= cap)) {
          if (start) break;
        } else {
          off[n] = p;
          kind[n] = static_cast<std::uint8_t>(c);
          n += start;
        }
        prev = static_cast<std::uint8_t>(c);
        prev_cr = false;
        p += 3;
        continue;
      }
    }
    const char_info c = char_at(s + p, end);
    const bool cont = (is_run_class(c.cls) && c.cls == prev) || (b0 == '\n' && prev_cr);
    if (!cont) {
      if (n >= cap) break;
      off[n] = p;
      kind[n] = c.cls;
      ++n;
    }
    prev = c.cls;
    prev_cr = b0 == '\r';
    p += c.len;
  }
  pos = p;
  count = n;
  st.prev = prev;
  st.prev_cr = prev_cr;
}

/** End and class of the token that starts at `pos` (< size). */
struct next_token_result {
  std::size_t end;
  std::uint8_t kind;
};

/** The token starting at `pos` (< size): its end and kind. No throw, no alloc. */
constexpr next_token_result next_token(const char* s, std::size_t size, std::size_t pos) noexcept {
  const char* const end = s + size;
  const char_info first = char_at(s + pos, end);
  std::size_t p = pos + first.len;
  if (first.cls == cc_newline) {
    if (s[pos] == '\r' && p < size && s[p] == '\n') ++p;
    return {p, first.cls};
  }
  if (!is_run_class(first.cls)) return {p, first.cls};
  if (first.cls == cc_han) {
    // Tight loop for the common 3-byte Han run (U+4E00..9FFF).
    while (p < size) {
      if (is_common_han(s + p, end)) {
        p += 3;
        continue;
      }
      const char_info c = char_at(s + p, end);
      if (c.cls != cc_han) break;
      p += c.len;
    }
    return {p, first.cls};
  }
  if (first.cls == cc_ascii_letter || first.cls == cc_ascii_digit || first.cls == cc_space) {
    while (p < size) {
      const auto b = static_cast<unsigned char>(s[p]);
      if (b < 0x80) {
        if (ascii_class[b] != first.cls) break;
        ++p;
        continue;
      }
      const char_info c = char_at(s + p, end);
      if (c.cls != first.cls) break;
      p += c.len;
    }
    return {p, first.cls};
  }
  while (p < size) {
    const char_info c = char_at(s + p, end);
    if (c.cls != first.cls) break;
    p += c.len;
  }
  return {p, first.cls};
}

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_SIMD_SCALAR_HPP
