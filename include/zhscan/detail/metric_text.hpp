// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_DETAIL_METRIC_TEXT_HPP
#define ZHSCAN_DETAIL_METRIC_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../common.hpp"
#include "../utf8.hpp"

/**
 * Small text helpers of the metric scanner: code point before/at a position, literal
 * matching in both directions, and the character classes the context rules use. Every
 * helper reads only inside [begin, end) and looks at most a few characters away.
 */
/** Marks a rarely taken helper of the scanner: kept out of line so that the common path of
 *  its caller stays small. */
#if defined(__GNUC__) || defined(__clang__)
#define ZHSCAN_METRIC_COLD __attribute__((noinline, cold))
#define ZHSCAN_METRIC_NOINLINE __attribute__((noinline))
#else
#define ZHSCAN_METRIC_COLD
#define ZHSCAN_METRIC_NOINLINE
#endif

namespace zhscan {
namespace detail {

/** A decoded character: code point and byte length (length 0 = none, at a buffer edge). */
struct mchar {
  char32_t cp;
  std::uint8_t len;
};

/** The slow path of mchar_at: any sequence but ASCII and well-formed 3-byte characters. */
inline mchar mchar_at_slow(const char* p, const char* end) noexcept {
  const utf8::decoded d = utf8::decode(p, end);
  return {d.valid ? d.cp : char32_t(0xFFFD), d.length};
}

/** The code point of the well-formed 3-byte sequence b0 b1 b2 (lead E0..EF), or 0 if the
 *  sequence is ill formed (bad continuation, overlong, surrogate). */
ZHSCAN_ALWAYS_INLINE char32_t decode3(unsigned b0, unsigned b1, unsigned b2) noexcept {
  const char32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  const bool cont = (((b1 & 0xC0u) << 8) | (b2 & 0xC0u)) == 0x8080u;
  return cont && cp >= 0x800 && (cp - 0xD800u) >= 0x800u ? cp : 0;
}

/** The character starting at `p` (U+FFFD, length 1.. for ill-formed bytes). */
ZHSCAN_ALWAYS_INLINE mchar mchar_at(const char* p, const char* end) noexcept {
  if (p >= end) return {0, 0};
  const auto b = static_cast<unsigned char>(*p);
  if (b < 0x80) return {b, 1};
  if ((b & 0xF0u) == 0xE0u && end - p >= 3) {  // fast path: a well-formed 3-byte character
    const char32_t cp = decode3(b, static_cast<unsigned char>(p[1]), static_cast<unsigned char>(p[2]));
    if (cp) return {cp, 3};
  }
  return mchar_at_slow(p, end);
}

/** The slow path of mchar_before. */
inline mchar mchar_before_slow(const char* begin, const char* p) noexcept {
  const char* q = p - 1;
  while (q > begin && p - q < 4 && (static_cast<unsigned char>(*q) & 0xC0u) == 0x80u) --q;
  const utf8::decoded d = utf8::decode(q, p);
  if (d.valid && q + d.length == p) return {d.cp, d.length};
  return {0xFFFD, 1};
}

/** The character ending at `p` (never reads before `begin`); {0,0} at the start. */
ZHSCAN_ALWAYS_INLINE mchar mchar_before(const char* begin, const char* p) noexcept {
  if (p <= begin) return {0, 0};
  const auto last = static_cast<unsigned char>(p[-1]);
  if (last < 0x80) return {last, 1};
  if (p - begin >= 3) {  // fast path: a well-formed 3-byte character ends here
    const auto b = static_cast<unsigned char>(p[-3]);
    if ((b & 0xF0u) == 0xE0u) {
      const char32_t cp = decode3(b, static_cast<unsigned char>(p[-2]), last);
      if (cp) return {cp, 3};
    }
  }
  return mchar_before_slow(begin, p);
}

/**
 * True when the 3 bytes at `p` are a character of U+4000..U+9FFF (lead byte E4..E9 and two
 * continuation bytes): always well formed and an ideograph, never punctuation or a quote,
 * so the look-around loops step over it without decoding. The caller checks 3 bytes remain.
 */
inline bool is_ideograph3(const char* p) noexcept {
  const auto b0 = static_cast<unsigned char>(p[0]);
  const auto b1 = static_cast<unsigned char>(p[1]);
  const auto b2 = static_cast<unsigned char>(p[2]);
  return static_cast<unsigned>(b0 - 0xE4u) <= 5u && (b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u;
}

/** True when [p, end) starts with `lit`. */
inline bool starts_with_at(const char* p, const char* end, std::string_view lit) noexcept {
  if (static_cast<std::size_t>(end - p) < lit.size()) return false;
  for (std::size_t i = 0; i < lit.size(); ++i)
    if (p[i] != lit[i]) return false;
  return true;
}

/** True when [begin, p) ends with `lit`. */
inline bool ends_with_at(const char* begin, const char* p, std::string_view lit) noexcept {
  if (static_cast<std::size_t>(p - begin) < lit.size()) return false;
  const char* q = p - lit.size();
  for (std::size_t i = 0; i < lit.size(); ++i)
    if (q[i] != lit[i]) return false;
  return true;
}

/** Index+1 of the first literal of `list` that [p, end) starts with, 0 if none. */
template <std::size_t N>
inline std::size_t starts_with_any(const char* p, const char* end,
                                   const std::string_view (&list)[N]) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (starts_with_at(p, end, list[i])) return i + 1;
  return 0;
}

/** Index+1 of the first literal of `list` that [begin, p) ends with, 0 if none. */
template <std::size_t N>
inline std::size_t ends_with_any(const char* begin, const char* p,
                                 const std::string_view (&list)[N]) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (ends_with_at(begin, p, list[i])) return i + 1;
  return 0;
}

/**
 * Key of the character at the start of [p, p + n): its byte if ASCII, else its first three
 * bytes (every non-ASCII word of the scanner's lists starts with a 3-byte character);
 * `no_key` when fewer than three bytes remain. Only used to pre-select candidate words.
 */
inline constexpr std::uint32_t no_key = 0xFFFFFFFFu;
constexpr std::uint32_t head_key(const char* p, std::size_t n) noexcept {
  if (n == 0) return no_key;
  const auto b0 = static_cast<unsigned char>(p[0]);
  if (b0 < 0x80) return b0;
  if (n < 3) return no_key;
  return (std::uint32_t(b0) << 16) | (std::uint32_t(static_cast<unsigned char>(p[1])) << 8) |
         static_cast<unsigned char>(p[2]);
}

/** Same for the character ending at `p` with `n` bytes before it (its last three bytes). */
constexpr std::uint32_t tail_key(const char* p, std::size_t n) noexcept {
  if (n == 0) return no_key;
  const auto b = static_cast<unsigned char>(p[-1]);
  if (b < 0x80) return b;
  if (n < 3) return no_key;
  return (std::uint32_t(static_cast<unsigned char>(p[-3])) << 16) |
         (std::uint32_t(static_cast<unsigned char>(p[-2])) << 8) | b;
}

/** A 512-bit Bloom mask of character keys (one hash; one cache line, so that lists of 30+
 *  words still reject most neighbouring characters with the single test). */
struct key_mask {
  std::uint64_t w[8]{};
  static constexpr unsigned slot(std::uint32_t key) noexcept { return (key * 0x9E3779B1u) >> 23; }
  constexpr void add(std::uint32_t key) noexcept {
    w[slot(key) >> 6] |= std::uint64_t(1) << (slot(key) & 63);
  }
  constexpr bool may_have(std::uint32_t key) const noexcept {
    return (w[slot(key) >> 6] >> (slot(key) & 63)) & 1u;
  }
};

/**
 * A word list prepared for matching at a position: each word's first and last character
 * keys, and a 256-bit Bloom mask of them, so that a position whose neighbouring character
 * starts (ends) no word is rejected with one test instead of a comparison per word. Lookups
 * return what the plain loops over the list would: the index + 1 of the FIRST word in list
 * order that matches (lists are written longest first), 0 if none.
 */
template <std::size_t N>
struct word_set {
  std::string_view word[N]{};
  std::uint32_t head[N]{};
  std::uint32_t tail[N]{};
  key_mask head_mask{};
  key_mask tail_mask{};
  bool ok = true;  ///< false if a word cannot be keyed (empty, or a cut multi-byte edge)

  /** Index + 1 of the first word that [p, end) starts with, 0 if none. */
  std::size_t find_prefix(const char* p, const char* end) const noexcept {
    if (p >= end) return 0;
    const std::uint32_t k = head_key(p, static_cast<std::size_t>(end - p));
    if (!head_mask.may_have(k)) return 0;
    for (std::size_t i = 0; i < N; ++i)
      if (head[i] == k && starts_with_at(p, end, word[i])) return i + 1;
    return 0;
  }

  /** Index + 1 of the first word that [begin, p) ends with, 0 if none. */
  std::size_t find_suffix(const char* begin, const char* p) const noexcept {
    if (p <= begin) return 0;
    const std::uint32_t k = tail_key(p, static_cast<std::size_t>(p - begin));
    if (!tail_mask.may_have(k)) return 0;
    for (std::size_t i = 0; i < N; ++i)
      if (tail[i] == k && ends_with_at(begin, p, word[i])) return i + 1;
    return 0;
  }
};

/** The text of a list item: a literal, or a struct's `text` member. */
constexpr std::string_view word_text(std::string_view w) noexcept { return w; }
template <class T>
constexpr std::string_view word_text(const T& item) noexcept {
  return item.text;
}

/** Builds a word_set from a list of literals (or of structs with a `text` member). */
template <class T, std::size_t N>
constexpr word_set<N> make_word_set(const T (&list)[N]) noexcept {
  word_set<N> s{};
  for (std::size_t i = 0; i < N; ++i) {
    const std::string_view w = word_text(list[i]);
    s.word[i] = w;
    if (w.empty()) {
      s.ok = false;
      continue;
    }
    s.head[i] = head_key(w.data(), w.size());
    s.tail[i] = tail_key(w.data() + w.size(), w.size());
    if (s.head[i] == no_key || s.tail[i] == no_key) s.ok = false;
    s.head_mask.add(s.head[i]);
    s.tail_mask.add(s.tail[i]);
  }
  return s;
}

/** CJK ideographs (URO, extension A, compatibility, supplementary planes) and U+3007. */
constexpr bool is_han_cp(char32_t c) noexcept {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3007;
}

constexpr bool is_ascii_alnum(char32_t c) noexcept {
  return (c >= '0' && c <= '9') || ((c | 0x20u) >= 'a' && (c | 0x20u) <= 'z');
}

constexpr bool is_ascii_alpha(char32_t c) noexcept {
  return (c | 0x20u) >= 'a' && (c | 0x20u) <= 'z';
}

/** ASCII or full-width Arabic digit. */
constexpr bool is_digit_cp(char32_t c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/** Space allowed between a number and its unit (ASCII space/tab, NBSP). */
constexpr bool is_inline_space(char32_t c) noexcept { return c == ' ' || c == '\t' || c == 0xA0; }

/** Punctuation that ends a sentence (and so bounds every look-around of a context rule).
 *  Keep this and the quotation marks below in U+0000..007F, U+2000..20FF, U+3000..303F or
 *  U+FF00..FF3F, the blocks metric.hpp's quote_stops bitmap is built from. */
constexpr bool is_sentence_end(char32_t c) noexcept {
  return c == 0x3002 || c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == '\n' || c == '\r' ||
         c == ';' || c == '!' || c == '?' || c == 0x2028 || c == 0x2029;
}

/** Punctuation that ends a clause: sentence ends plus commas, enumeration comma, colons. */
constexpr bool is_clause_end(char32_t c) noexcept {
  return is_sentence_end(c) || c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1A ||
         c == ':';
}

/** Opening quotation marks (double, single, corner brackets). */
constexpr bool is_open_quote(char32_t c) noexcept {
  return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E || c == 0xFF02 || c == '"';
}

/** Closing quotation marks (ASCII '"' is both). */
constexpr bool is_close_quote(char32_t c) noexcept {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF02 || c == '"';
}

/** A short list of code points with a 64-bit Bloom mask: has() is one bit test when the
 *  code point is not in the list (the common case), a scan of the list otherwise. */
struct cp_set {
  char32_t cp[64]{};
  std::size_t n = 0;
  std::uint64_t mask = 0;
  bool ok = true;  ///< false if the list was longer than 64
  constexpr bool has(char32_t c) const noexcept {
    if (!(mask & (std::uint64_t(1) << ((c * 0x9E3779B1u) >> 26)))) return false;
    for (std::size_t i = 0; i < n; ++i)
      if (cp[i] == c) return true;
    return false;
  }
};
constexpr cp_set make_cp_set(std::u32string_view list) noexcept {
  cp_set s{};
  for (char32_t c : list) {
    if (s.n == 64) {
      s.ok = false;
      break;
    }
    s.cp[s.n++] = c;
    s.mask |= std::uint64_t(1) << ((c * 0x9E3779B1u) >> 26);
  }
  return s;
}

/** Code point as a UTF-8 literal is awkward in a header: compare against this list instead. */
constexpr bool cp_in(char32_t c, std::u32string_view set) noexcept {
  for (char32_t x : set)
    if (x == c) return true;
  return false;
}

}  // namespace detail
}  // namespace zhscan

#endif  // ZHSCAN_DETAIL_METRIC_TEXT_HPP
