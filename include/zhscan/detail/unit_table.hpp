// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_UNIT_TABLE_HPP
#define ZHSCAN_DETAIL_UNIT_TABLE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../common.hpp"

namespace zhscan {

/** Category of a metric's unit (the gold set's `category` field plus a few physical ones). */
enum class unit_category : std::uint8_t {
  currency,   ///< yuan, wan yuan, US dollar ...
  area,       ///< square metre, mu, hectare ...
  length,     ///< metre, kilometre ...
  mass,       ///< tonne, kilogram ...
  volume,     ///< cubic metre, litre ...
  duration,   ///< year (as a duration), month, day, hour ...
  data_size,  ///< KB, MB, GB ...
  multiple,   ///< bei (times)
  percent,    ///< %, per mille, percentage point, cheng (tenths)
  score,      ///< fen (exam points)
  count,      ///< measure-word counts: suo, ge, xiang ...
  person,     ///< ren, ming, wei, ren ci
  ratio,      ///< 45:55
  rate,       ///< 90 yuan per student-month; amounts after a per-word (sheng jun, mei nian)
  other,      ///< age, power, fractions ...
};

/** English name of a category as the gold set spells it ("currency", "data_size", ...). */
constexpr std::string_view to_string(unit_category c) noexcept {
  switch (c) {
    case unit_category::currency: return "currency";
    case unit_category::area: return "area";
    case unit_category::length: return "length";
    case unit_category::mass: return "mass";
    case unit_category::volume: return "volume";
    case unit_category::duration: return "duration";
    case unit_category::data_size: return "data_size";
    case unit_category::multiple: return "multiple";
    case unit_category::percent: return "percent";
    case unit_category::score: return "score";
    case unit_category::count: return "count";
    case unit_category::person: return "person";
    case unit_category::ratio: return "ratio";
    case unit_category::rate: return "rate";
    case unit_category::other: return "other";
  }
  return "other";
}

namespace detail {

/**
 * Flags of a lexicon entry: the context rules of metric.hpp that the unit takes part in.
 * An entry without flags is a plain unit: number + unit is a metric.
 */
enum unit_flag : std::uint32_t {
  u_magnitude = 1u << 0,          ///< the unit text holds a magnitude (wan yuan = 10^4 yuan)
  u_latin = 1u << 1,              ///< ASCII unit: must not be followed by an ASCII letter/digit
  u_arabic_only = 1u << 2,        ///< only after Arabic digits (jiao, ke: san jiao is a triangle)
  u_han_guard = 1u << 3,          ///< after a lone Han yi/er it is a word (yi yuan hua, er yuan)
  u_year = 1u << 4,               ///< nian: a duration, unless the number is a calendar year
  u_date = 1u << 5,               ///< month, day, hao, clock hour, century: the number is a date
  u_ordinal = 1u << 6,            ///< grade / prize / rank word: the number is an ordinal
  u_grade = 1u << 7,              ///< ji lei duan qi jie: a rank unless the context counts
  u_big = 1u << 8,                ///< da (san da mubiao): only after a single Han digit 2..9
  u_medal = 1u << 9,              ///< jin yin tong: only inside a medal tally (3 jin 2 yin)
  u_cheng = 1u << 10,             ///< cheng: tenths, value x10 in percent
  u_fen = 1u << 11,               ///< fen (score): only before a non-Han char or a hedge word
  u_time_part = 1u << 12,         ///< fen / miao after a clock hour (8 shi 30 fen) is a time
  u_no_yi = 1u << 13,             ///< yi + this unit is never a count (yi pi, yi qi, yi fangmian)
  u_denominator_only = 1u << 14,  ///< only as the denominator of a rate (yuan / sheng)
  u_tael = 1u << 15,              ///< liang (tael): only where no numeral or measure word follows
  u_temp = 1u << 16,              ///< a temperature: ling xia / fu before the number is a minus
  u_money = 1u << 17,             ///< yuan / kuai: jiao / mao / fen may follow (wu yuan san jiao)
};

/**
 * One lexicon entry.
 *
 *  - `text`: the unit as written (simplified or traditional; one entry per spelling);
 *  - `norm`: the normalised unit the value is expressed in (simplified, magnitude folded);
 *  - `category`: see unit_category;
 *  - `multiplier`: applied to the number (wan yuan = 1e4, everything else 1);
 *  - `flags`: unit_flag bits;
 *  - `not_before`: characters that, directly after the unit text, make it the first
 *    character of an ordinary word instead of a unit (suo + yi = suoyi "therefore"); CJK
 *    (3-byte) characters only, a static_assert checks it.
 */
struct unit_entry {
  std::string_view text;
  std::string_view norm;
  unit_category category;
  double multiplier;
  std::uint32_t flags;
  std::string_view not_before;
  /** Derived: the UTF-8 bytes of `norm` as one big-endian integer when it is one 3-byte
   *  character, else 0, so that the context rules test a unit with one compare. */
  std::uint32_t norm_key = norm.size() == 3 ? (std::uint32_t(static_cast<unsigned char>(norm[0])) << 16) |
                                                   (std::uint32_t(static_cast<unsigned char>(norm[1])) << 8) |
                                                   static_cast<unsigned char>(norm[2])
                                             : 0u;
};

/**
 * Base unit of a unit_table row (unit_bases[i] belongs to unit_table[i]), from the `base`,
 * `factor` and `offset` columns of data/units.tsv:
 *  - `base`: "kg", "m", "m2", "m3", "s", "month", "\u00B0C", "W", "J", "V", "B", "B/s", "%", "pp",
 *    "x", an ISO 4217 code, or the counted noun for counts; empty when nothing applies (no
 *    conversion: non-units, ambiguous units such as du, rupee, franc, school terms);
 *  - `factor`: the data file's exact factor of ONE WRITTEN UNIT (wan yuan: "10000", mu:
 *    "2000/3"), for display and review;
 *  - `num`, `den`, `exp10`: the factor of one unit of metric::value, i.e. of the row's `norm`
 *    (metric::value already holds the multiplier, and x10 for cheng), exactly:
 *    num / den * 10^exp10 (mu: 2 / 3 * 10^3; inch: 254 / 1 * 10^-4; wan yuan: 1 / 1 * 10^0);
 *  - `offset`: added to the value before scaling (degree Fahrenheit: -32, then * 5/9 to Celsius).
 * So base_value = (value + offset) * num / den * 10^exp10.
 */
struct unit_base {
  std::string_view base;
  std::string_view factor;
  std::uint64_t num;
  std::uint64_t den;
  int exp10;
  int offset;
};

/**
 * THE unit lexicon, generated from data/units.tsv (edit the data file and run
 * scripts/gen_tables.py; see CONTRIBUTING.md). Sorted by the UTF-8 bytes of `text` (a
 * static_assert checks it), so that the rows sharing a first character are contiguous
 * (find_unit's index relies on it). Non-metric words that end a number (month, day, grade ...)
 * are entries too: their flags tell the scanner to report nothing for the number before them.
 * unit_bases (same order) gives each row's base unit.
 */
#include "gen_units.hpp"

inline constexpr std::size_t unit_table_size = sizeof(unit_table) / sizeof(unit_table[0]);

constexpr bool unit_table_sorted() noexcept {
  for (std::size_t i = 1; i < unit_table_size; ++i)
    if (!(unit_table[i - 1].text < unit_table[i].text)) return false;
  return true;
}
static_assert(unit_table_sorted(), "unit_table must be sorted by UTF-8 bytes, without duplicates");
static_assert(sizeof(unit_bases) / sizeof(unit_bases[0]) == unit_table_size,
              "unit_bases has one row per unit_table row");

/** Length of the UTF-8 sequence announced by lead byte `b` (1 for ASCII and stray bytes). */
constexpr std::size_t utf8_lead_length(unsigned char b) noexcept {
  return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/** True when every character of `set` is a 3-byte UTF-8 sequence (what char_in_set3 needs). */
constexpr bool all_three_byte_chars(std::string_view set) noexcept {
  if (set.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < set.size(); i += 3)
    if (utf8_lead_length(static_cast<unsigned char>(set[i])) != 3) return false;
  return true;
}

constexpr bool not_before_sets_are_three_byte() noexcept {
  for (const unit_entry& e : unit_table)
    if (!all_three_byte_chars(e.not_before)) return false;
  return true;
}
static_assert(not_before_sets_are_three_byte(),
              "unit_entry::not_before must list 3-byte characters only (CJK): see char_in_set3");

/**
 * True when the character starting at `p` (within [p, end)) is one of the characters of
 * `set`, a string of 3-byte UTF-8 characters: byte comparisons, no decoding.
 */
constexpr bool char_in_set3(const char* p, const char* end, std::string_view set) noexcept {
  if (set.empty() || end - p < 3 || utf8_lead_length(static_cast<unsigned char>(*p)) != 3) return false;
  for (std::size_t i = 0; i < set.size(); i += 3)
    if (set[i + 2] == p[2] && set[i + 1] == p[1] && set[i] == p[0]) return true;
  return false;
}

/** Bit of the 3-byte character b0 b1 b2 in a 64-bit Bloom mask of not_before characters. */
constexpr std::uint64_t not_before_bit(unsigned char b0, unsigned char b1, unsigned char b2) noexcept {
  const std::uint32_t key = (std::uint32_t(b0) << 16) | (std::uint32_t(b1) << 8) | b2;
  return std::uint64_t(1) << ((key * 0x9E3779B1u) >> 26);
}

/** Per row of unit_table, the Bloom mask of its not_before characters: most characters after
 *  a unit are in no set, and one bit test says so. */
struct unit_not_before_masks {
  std::uint64_t m[unit_table_size];
};
constexpr unit_not_before_masks make_not_before_masks() noexcept {
  unit_not_before_masks t{};
  for (std::size_t i = 0; i < unit_table_size; ++i) {
    const std::string_view set = unit_table[i].not_before;
    for (std::size_t k = 0; k + 3 <= set.size(); k += 3)
      t.m[i] |= not_before_bit(static_cast<unsigned char>(set[k]), static_cast<unsigned char>(set[k + 1]),
                               static_cast<unsigned char>(set[k + 2]));
  }
  return t;
}
inline constexpr unit_not_before_masks unit_not_before = make_not_before_masks();

/** Key of the first character of a UTF-8 string: its bytes big-endian in a uint32. */
constexpr std::uint32_t first_char_key(const char* p, std::size_t n) noexcept {
  std::uint32_t k = 0;
  for (std::size_t i = 0; i < n; ++i) k = (k << 8) | static_cast<unsigned char>(p[i]);
  return k;
}

/**
 * The lexicon indexed by first character: an open-addressing hash table (linear probing)
 * from the first character's key to the rows [first, last) of unit_table that start with it
 * (contiguous, since the table is sorted by bytes). Built at compile time.
 */
struct unit_index_slot {
  std::uint32_t key;  // 0 = empty (no first character has key 0)
  std::uint16_t first;
  std::uint16_t last;
};
inline constexpr std::size_t unit_index_bits = 10;
struct unit_index_table {
  unit_index_slot slot[std::size_t(1) << unit_index_bits];
};

constexpr std::uint32_t unit_index_hash(std::uint32_t key) noexcept {
  return (key * 0x9E3779B1u) >> (32 - unit_index_bits);
}

constexpr unit_index_table make_unit_index() noexcept {
  unit_index_table t{};
  constexpr std::uint32_t mask = (std::uint32_t(1) << unit_index_bits) - 1;
  for (std::size_t i = 0; i < unit_table_size;) {
    const std::string_view text = unit_table[i].text;
    const std::uint32_t key =
        first_char_key(text.data(), utf8_lead_length(static_cast<unsigned char>(text[0])));
    std::size_t j = i + 1;
    while (j < unit_table_size &&
           first_char_key(unit_table[j].text.data(),
                          utf8_lead_length(static_cast<unsigned char>(unit_table[j].text[0]))) == key)
      ++j;
    std::uint32_t h = unit_index_hash(key);
    while (t.slot[h].key != 0) h = (h + 1) & mask;
    t.slot[h] = {key, static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(j)};
    i = j;
  }
  return t;
}
inline constexpr unit_index_table unit_index = make_unit_index();

/**
 * Rows of unit_table reordered so that each first-character group lists its longest texts
 * first: the first row of a group that matches and passes its checks is the longest one.
 * (Two rows of a group with the same length cannot both match at one position.)
 */
struct unit_order_table {
  std::uint16_t row[unit_table_size];
};
constexpr unit_order_table make_unit_order() noexcept {
  unit_order_table t{};
  for (std::size_t i = 0; i < unit_table_size; ++i) t.row[i] = static_cast<std::uint16_t>(i);
  for (const unit_index_slot& g : unit_index.slot) {
    if (g.key == 0) continue;
    for (std::size_t i = g.first + 1u; i < g.last; ++i)  // insertion sort, longest first
      for (std::size_t j = i; j > g.first && unit_table[t.row[j - 1]].text.size() <
                                                  unit_table[t.row[j]].text.size();
           --j) {
        const std::uint16_t x = t.row[j];
        t.row[j] = t.row[j - 1];
        t.row[j - 1] = x;
      }
  }
  return t;
}
inline constexpr unit_order_table unit_order = make_unit_order();

/**
 * What find_unit reads of a row, packed and stored in unit_order (group by group, longest
 * first), so that trying the rows of a group reads one or two cache lines instead of a
 * 72-byte row of unit_table each.
 */
struct unit_probe {
  const char* text;                ///< unit_table[row].text.data()
  std::uint64_t not_before_mask;   ///< unit_not_before.m[row]
  std::uint16_t size;              ///< unit_table[row].text.size()
  std::uint16_t row;               ///< index in unit_table
  bool latin;                      ///< flags & u_latin
  /** The 3 bytes after the first character, big-endian, when the text has 3 or more there
   *  (most rows: a second Han character), else 0: one compare rejects most rows of a group. */
  std::uint32_t next3;
};
struct unit_probe_table {
  unit_probe p[unit_table_size];
};
constexpr unit_probe_table make_unit_probes() noexcept {
  unit_probe_table t{};
  for (std::size_t i = 0; i < unit_table_size; ++i) {
    const std::size_t row = unit_order.row[i];
    const unit_entry& e = unit_table[row];
    const std::size_t first = utf8_lead_length(static_cast<unsigned char>(e.text[0]));
    const std::uint32_t next3 = e.text.size() >= first + 3 ? first_char_key(e.text.data() + first, 3) : 0;
    t.p[i] = {e.text.data(), unit_not_before.m[row], static_cast<std::uint16_t>(e.text.size()),
              static_cast<std::uint16_t>(row), (e.flags & u_latin) != 0, next3};
  }
  return t;
}
inline constexpr unit_probe_table unit_probes = make_unit_probes();

constexpr std::size_t unit_index_used() noexcept {
  std::size_t n = 0;
  for (const unit_index_slot& s : unit_index.slot) n += s.key != 0;
  return n;
}
static_assert(unit_index_used() <= (std::size_t(1) << unit_index_bits) / 2,
              "unit_index: grow unit_index_bits to keep the hash table at most half full");

/** Fast reject: which code points (< U+10000) start some entry; indexed by cp >> 6. */
struct unit_start_bitmap {
  std::uint64_t bits[1024];
};
constexpr unit_start_bitmap make_unit_starts() noexcept {
  unit_start_bitmap b{};
  for (std::size_t i = 0; i < unit_table_size; ++i) {
    const std::string_view t = unit_table[i].text;
    const auto c0 = static_cast<unsigned char>(t[0]);
    unsigned cp = c0;
    if (c0 >= 0xE0 && c0 < 0xF0)
      cp = ((c0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(t[1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(t[2]) & 0x3Fu);
    else if (c0 >= 0xC0 && c0 < 0xE0)
      cp = ((c0 & 0x1Fu) << 6) | (static_cast<unsigned char>(t[1]) & 0x3Fu);
    b.bits[cp >> 6] |= std::uint64_t(1) << (cp & 63);
  }
  return b;
}
inline constexpr unit_start_bitmap unit_starts = make_unit_starts();

/** True when some lexicon entry starts with code point `cp` (a cheap filter). */
constexpr bool may_start_unit(char32_t cp) noexcept {
  return cp < 0x10000 && ((unit_starts.bits[cp >> 6] >> (cp & 63)) & 1u);
}

/** Byte equality without a library call (short strings). */
constexpr bool bytes_equal(const char* a, const char* b, std::size_t n) noexcept {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

/**
 * Longest lexicon entry whose text starts at `p` (and passes its `not_before` and Latin
 * boundary checks), or nullptr. Reads only [p, end). A bitmap rejects characters that start
 * no entry; a hash probe on the first character gives the few rows to try. No throw, no alloc.
 */
inline const unit_entry* find_unit(const char* p, const char* end) noexcept {
  if (p >= end) return nullptr;
  const auto c0 = static_cast<unsigned char>(*p);
  const std::size_t first = utf8_lead_length(c0);
  const std::size_t avail = static_cast<std::size_t>(end - p);
  if (avail < first || first == 4) return nullptr;
  unsigned cp = c0;
  if (first == 3)
    cp = ((c0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(p[1]) & 0x3Fu) << 6) |
         (static_cast<unsigned char>(p[2]) & 0x3Fu);
  else if (first == 2)
    cp = ((c0 & 0x1Fu) << 6) | (static_cast<unsigned char>(p[1]) & 0x3Fu);
  if (!((unit_starts.bits[(cp >> 6) & 1023] >> (cp & 63)) & 1u)) return nullptr;
  const std::uint32_t key = first == 3   ? (std::uint32_t(c0) << 16) |
                                             (std::uint32_t(static_cast<unsigned char>(p[1])) << 8) |
                                             static_cast<unsigned char>(p[2])
                             : first == 2 ? (std::uint32_t(c0) << 8) | static_cast<unsigned char>(p[1])
                                          : c0;
  constexpr std::uint32_t mask = (std::uint32_t(1) << unit_index_bits) - 1;
  std::uint32_t h = unit_index_hash(key);
  while (unit_index.slot[h].key != key) {
    if (unit_index.slot[h].key == 0) return nullptr;  // bitmap false positive (ill-formed bytes)
    h = (h + 1) & mask;
  }
  // the group's rows, longest first: the first one that matches and passes wins
  for (std::size_t i = unit_index.slot[h].first, last = unit_index.slot[h].last; i < last; ++i) {
    const unit_probe& u = unit_probes.p[i];
    if (u.size > avail) continue;
    const std::size_t rest = u.size - first;
    if (rest >= 3) {  // (u.size <= avail: the 3 bytes are in the text)
      if (first_char_key(p + first, 3) != u.next3) continue;
      if (!bytes_equal(p + first + 3, u.text + first + 3, rest - 3)) continue;
    } else if (!bytes_equal(p + first, u.text + first, rest)) {
      continue;
    }
    const char* after = p + u.size;
    if (u.latin) {
      if (after < end) {
        const unsigned c = static_cast<unsigned char>(*after);
        if ((c | 0x20u) - 'a' < 26u || c - '0' < 10u) continue;
      }
    } else if (end - after >= 3 &&
               (u.not_before_mask &
                not_before_bit(static_cast<unsigned char>(after[0]), static_cast<unsigned char>(after[1]),
                               static_cast<unsigned char>(after[2]))) &&
               char_in_set3(after, end, unit_table[u.row].not_before)) {
      continue;  // (char_in_set3 needs 3 bytes too: fewer is never in the set)
    }
    return &unit_table[u.row];
  }
  return nullptr;
}

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_UNIT_TABLE_HPP
