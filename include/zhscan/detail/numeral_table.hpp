// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_NUMERAL_TABLE_HPP
#define ZHSCAN_DETAIL_NUMERAL_TABLE_HPP

#include <cstddef>
#include <cstdint>

#include "../common.hpp"

/**
 * Character tables of the numeral parser: which code points are Chinese numeral
 * characters and what they mean, looked up by their UTF-8 bytes. Every non-ASCII character the
 * numeral grammar uses is a 3-byte UTF-8 sequence (U+2212 .. U+FF19), so the parser never
 * needs a general decoder.
 */
#if defined(__GNUC__) || defined(__clang__)
#define ZHSCAN_DETAIL_NOINLINE __attribute__((noinline))
#else
#define ZHSCAN_DETAIL_NOINLINE
#endif

namespace zhscan {
namespace detail {

/** Role of a character in a numeral. */
enum class numeral_kind : std::uint8_t {
  none,        ///< not part of a numeral
  digit,       ///< 0..9 (value); includes ling U+96F6 / U+3007 (0) and the financial forms
  liang,       ///< liang (two, value 2): only before a unit or alone, never a ones digit
  tens,        ///< nian/sa/xi (20/30/40): digit and shi (ten) in one character (value 2/3/4)
  small_unit,  ///< shi bai qian, 10 100 1000 (value = power of ten 1..3)
  big_unit,    ///< wan yi, 10^4 10^8 (value = power of ten 4 or 8)
  point,       ///< dian, the decimal point of Han numerals
  half,        ///< ban, one half
  minus,       ///< fu, negative sign of Han numerals
  circle,      ///< white circle typed for U+3007 in years: a zero only inside digit-by-digit runs
};

/** What the numeral tables know about one code point. */
struct numeral_char {
  numeral_kind kind;
  std::uint8_t value;  ///< digit value, tens count, or power of ten (see numeral_kind)
  /// A financial (daxie) form such as U+58F9 (yi) or U+62FE (shi); ordinary words use
  /// several of them too (U+4F0D in "team", U+9646 in "mainland").
  bool financial;
};

/** One row of the numeral character list. */
struct numeral_entry {
  char32_t cp;
  numeral_char info;
};

/**
 * Every numeral character: numeral_entries, generated from data/numerals.tsv (edit the data
 * file and run scripts/gen_tables.py; see CONTRIBUTING.md). The data file also lists, with
 * their reasons, the characters deliberately absent (role none: zhao, can, yao). The
 * generator also chooses numeral_hash_bits and numeral_hash_multiplier, the parameters of a
 * collision-free hash of the rows (a static_assert below checks it).
 */
#include "gen_numerals.hpp"

/** The three UTF-8 bytes of a code point in U+0800..U+FFFF as one big-endian integer. */
constexpr std::uint32_t utf8_key3(char32_t cp) noexcept {
  return ((0xE0u | (static_cast<std::uint32_t>(cp) >> 12)) << 16) |
         ((0x80u | ((static_cast<std::uint32_t>(cp) >> 6) & 0x3Fu)) << 8) |
         (0x80u | (static_cast<std::uint32_t>(cp) & 0x3Fu));
}

/** Slot of a key in the 2^numeral_hash_bits-entry table: a multiplicative hash whose
 *  multiplier and size gen_tables.py chooses collision-free on the list (gen_numerals.hpp). */
constexpr std::uint32_t numeral_slot_of(std::uint32_t key) noexcept {
  return (key * numeral_hash_multiplier) >> (32 - numeral_hash_bits);
}

/** One slot of numeral_table. */
struct numeral_slot {
  std::uint32_t key;  // 0 = empty (no valid key is 0)
  numeral_char info;
};

/** The slots of numeral_table and the number of collisions found while building it. */
struct numeral_hash_table {
  numeral_slot slot[std::size_t(1) << numeral_hash_bits];
  int collisions;
};

/** Builds numeral_table from numeral_entries at compile time. */
constexpr numeral_hash_table make_numeral_table() noexcept {
  numeral_hash_table t{};
  for (const numeral_entry& e : numeral_entries) {
    const std::uint32_t key = utf8_key3(e.cp);
    numeral_slot& s = t.slot[numeral_slot_of(key)];
    if (s.key != 0) ++t.collisions;
    s.key = key;
    s.info = e.info;
  }
  return t;
}

/** Lookup table of the numeral characters, keyed by their UTF-8 bytes (no decoding needed). */
inline constexpr numeral_hash_table numeral_table = make_numeral_table();
static_assert(numeral_table.collisions == 0,
              "numeral_entries collide in numeral_table: run scripts/gen_tables.py, which chooses "
              "numeral_hash_multiplier");

/** Info of the 3-byte key `key` (the bytes b0 b1 b2 as b0 << 16 | b1 << 8 | b2). */
constexpr numeral_char numeral_info_key(std::uint32_t key) noexcept {
  const numeral_slot& s = numeral_table.slot[numeral_slot_of(key)];
  return s.key == key ? s.info : numeral_char{numeral_kind::none, 0, false};
}

/** Looks `cp` up in the numeral table; unknown code points give {none, 0, false}. No throw. */
constexpr numeral_char numeral_info(char32_t cp) noexcept {
  if (cp < 0x800 || cp > 0xFFFF) return {numeral_kind::none, 0, false};
  return numeral_info_key(utf8_key3(cp));
}

/**
 * Code point of the 3-byte UTF-8 sequence at `p`, or 0 when fewer than 3 bytes remain or
 * the bytes are not a lead E0..EF plus two continuation bytes. Overlong and surrogate
 * sequences decode to code points that no numeral table contains, so they need no check.
 */
constexpr char32_t peek3(const char* p, const char* end) noexcept {
  if (end - p < 3) return 0;
  const unsigned b0 = static_cast<unsigned char>(p[0]);
  const unsigned b1 = static_cast<unsigned char>(p[1]);
  const unsigned b2 = static_cast<unsigned char>(p[2]);
  if ((b0 & 0xF0u) != 0xE0u || (b1 & 0xC0u) != 0x80u || (b2 & 0xC0u) != 0x80u) return 0;
  return static_cast<char32_t>(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
}

/**
 * Numeral info of the character at `p`: a table probe on the next three bytes, so
 * anything that is not exactly the UTF-8 of a numeral character (ASCII, invalid bytes, a
 * sequence cut by `end`) is none.
 */
constexpr numeral_char numeral_info_at(const char* p, const char* end) noexcept {
  // Every numeral character starts with E2, E3 or E4..E9: reject ASCII and the rest fast.
  if (end - p < 3) return {numeral_kind::none, 0, false};
  const std::uint32_t b0 = static_cast<unsigned char>(p[0]);
  if (b0 - 0xE2u > 0xE9u - 0xE2u) return {numeral_kind::none, 0, false};
  const std::uint32_t key = (b0 << 16) |
                            (static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8) |
                            static_cast<unsigned char>(p[2]);
  return numeral_info_key(key);
}

/**
 * Value of the Arabic digit at `p` (ASCII 0-9 or full-width U+FF10..U+FF19) and its byte
 * length in `len`; -1 (len 0) when there is none.
 */
constexpr int arabic_digit_at(const char* p, const char* end, unsigned& len) noexcept {
  len = 0;
  if (p >= end) return -1;
  const unsigned b0 = static_cast<unsigned char>(*p);
  if (b0 - '0' <= 9u) {
    len = 1;
    return static_cast<int>(b0 - '0');
  }
  // full-width digits: EF BC 90 .. EF BC 99
  if (b0 == 0xEFu && end - p >= 3 && static_cast<unsigned char>(p[1]) == 0xBCu) {
    const unsigned b2 = static_cast<unsigned char>(p[2]);
    if (b2 - 0x90u <= 9u) {
      len = 3;
      return static_cast<int>(b2 - 0x90u);
    }
  }
  return -1;
}

/** Exact powers of ten as integers, 10^0 .. 10^19. */
inline constexpr std::uint64_t pow10_u64[20] = {1ull,
                                                10ull,
                                                100ull,
                                                1000ull,
                                                10000ull,
                                                100000ull,
                                                1000000ull,
                                                10000000ull,
                                                100000000ull,
                                                1000000000ull,
                                                10000000000ull,
                                                100000000000ull,
                                                1000000000000ull,
                                                10000000000000ull,
                                                100000000000000ull,
                                                1000000000000000ull,
                                                10000000000000000ull,
                                                100000000000000000ull,
                                                1000000000000000000ull,
                                                10000000000000000000ull};

/** Powers of ten that are exact doubles, 1e0 .. 1e22. */
inline constexpr double pow10_f64[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                         1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                         1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_NUMERAL_TABLE_HPP
