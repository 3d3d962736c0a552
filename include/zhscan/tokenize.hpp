// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_TOKENIZE_HPP
#define ZHSCAN_TOKENIZE_HPP

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common.hpp"
#include "detail/char_class.hpp"
#include "detail/cpu.hpp"
#include "detail/simd_tokenize.hpp"
#include "detail/simd_scalar.hpp"
#include "utf8.hpp"

/**
 * Lossless, zero-copy tokenisation of UTF-8 text.
 *
 * Every byte of the input belongs to exactly one token; tokens are in order and tile the
 * input (concatenating their texts gives the input back byte for byte), for any bytes.
 *
 * Runs (consecutive characters of the same kind make one token): han, ascii_letter,
 * fullwidth_letter, ascii_digit, fullwidth_digit, space. newline: one token per line break,
 * CR LF is one token. Every other kind is one token per character, and `invalid` is one token
 * per ill-formed maximal subpart (the bytes Python's `bytes.decode('utf-8', 'replace')`
 * turns into one U+FFFD). Character classes: detail/char_class.hpp.
 *
 * APIs: `tokens(s)` is a lazy forward range (no allocation at all); `tokenize(s, container)`
 * appends `token` records; `tokenize(s, token_columns&)` and `tokenize_columns(...)` write
 * structure-of-arrays output (offsets, kinds), the fastest form. The bulk forms use SIMD
 * kernels chosen at run time (AVX-512 VBMI2 or AVX2, detail/cpu.hpp; no -march needed; NEON on
 * aarch64) and
 * produce exactly the scalar path's tokens; the lazy range uses the scalar path.
 */
namespace zhscan {

/** Kind of a token. The numeric values are stable (they index tables). */
enum class token_kind : std::uint8_t {
  han = 0,           ///< run of Han ideographs (incl. U+3005, U+3007)
  ascii_letter,      ///< run of A-Z a-z
  fullwidth_letter,  ///< run of U+FF21-FF3A, U+FF41-FF5A
  ascii_digit,       ///< run of 0-9
  fullwidth_digit,   ///< run of U+FF10-FF19
  space,             ///< run of horizontal white space (Zs, TAB, VT, FF)
  newline,           ///< one line break: LF, CR, CR LF, U+0085, U+2028, U+2029
  punct,             ///< one punctuation character (ASCII, CJK, full-width, general)
  enclosed_numeral,  ///< one circled/parenthesized/full-stop numeral (U+2460.., U+3220..)
  roman_numeral,     ///< one Roman numeral character (U+2160-217F)
  symbol,            ///< one symbol (Sm Sc Sk So: emoji, math, currency, ...)
  other,             ///< one character of any other kind (other scripts, marks, controls)
  invalid,           ///< one ill-formed UTF-8 maximal subpart
};

static_assert(static_cast<int>(token_kind::han) == detail::cc_han, "");
static_assert(static_cast<int>(token_kind::space) == detail::cc_space, "");
static_assert(static_cast<int>(token_kind::newline) == detail::cc_newline, "");
static_assert(static_cast<int>(token_kind::other) == detail::cc_other, "");
static_assert(static_cast<int>(token_kind::invalid) == detail::cc_invalid, "");

/** Name of a kind, exactly the enumerator ("han", "ascii_letter", ..., "invalid"). */
constexpr std::string_view to_string(token_kind k) noexcept {
  switch (k) {
    case token_kind::han: return "han";
    case token_kind::ascii_letter: return "ascii_letter";
    case token_kind::fullwidth_letter: return "fullwidth_letter";
    case token_kind::ascii_digit: return "ascii_digit";
    case token_kind::fullwidth_digit: return "fullwidth_digit";
    case token_kind::space: return "space";
    case token_kind::newline: return "newline";
    case token_kind::punct: return "punct";
    case token_kind::enclosed_numeral: return "enclosed_numeral";
    case token_kind::roman_numeral: return "roman_numeral";
    case token_kind::symbol: return "symbol";
    case token_kind::other: return "other";
    case token_kind::invalid: return "invalid";
  }
  return "unknown";
}

/**
 * Kind of the token a single code point would start (never `invalid`; values above
 * U+10FFFF and surrogates give `other`). No throw, no alloc.
 */
constexpr token_kind classify(char32_t cp) noexcept {
  return static_cast<token_kind>(detail::class_of(cp));
}

/**
 * True for the characters of Chinese numerals (code points listed below with their pinyin):
 * the digits ling/zero U+96F6 and U+3007, yi..jiu 1-9, liang U+4E24, shi/bai/qian/wan/yi
 * (10, 100, 1000, 10^4, 10^8); the financial forms (U+58F9 .. U+4EDF); the traditional
 * wan U+842C, yi U+5104, liang U+5169, financial U+8CB3, U+53C3, U+9678; nian U+5EFF (20)
 * and sa U+5345 (30). A cheap predicate for the numeral/marker layers. No throw, no alloc.
 */
constexpr bool is_han_numeral(char32_t cp) noexcept {
  switch (cp) {
    case U'\u96F6':  // ling, zero
    case U'\u3007':  // ideographic zero
    case U'\u4E00':  // yi, 1
    case U'\u4E8C':  // er, 2
    case U'\u4E24':  // liang, 2
    case U'\u4E09':  // san, 3
    case U'\u56DB':  // si, 4
    case U'\u4E94':  // wu, 5
    case U'\u516D':  // liu, 6
    case U'\u4E03':  // qi, 7
    case U'\u516B':  // ba, 8
    case U'\u4E5D':  // jiu, 9
    case U'\u5341':  // shi, 10
    case U'\u767E':  // bai, 100
    case U'\u5343':  // qian, 1000
    case U'\u4E07':  // wan, 10^4
    case U'\u4EBF':  // yi, 10^8
    case U'\u58F9':  // financial 1
    case U'\u8D30':  // financial 2
    case U'\u53C1':  // financial 3
    case U'\u8086':  // financial 4
    case U'\u4F0D':  // financial 5
    case U'\u9646':  // financial 6 (simplified)
    case U'\u67D2':  // financial 7
    case U'\u634C':  // financial 8
    case U'\u7396':  // financial 9
    case U'\u62FE':  // financial 10
    case U'\u4F70':  // financial 100
    case U'\u4EDF':  // financial 1000
    case U'\u842C':  // traditional wan, 10^4
    case U'\u5104':  // traditional yi, 10^8
    case U'\u5169':  // traditional liang, 2
    case U'\u8CB3':  // traditional financial 2
    case U'\u53C3':  // traditional financial 3
    case U'\u9678':  // traditional financial 6
    case U'\u5EFF':  // nian, 20
    case U'\u5345':  // sa, 30
      return true;
    default:
      return false;
  }
}

/**
 * One token: a span of the caller's buffer (UTF-8 byte offset and length) and its kind.
 * The token does not own or point to the text: `text(source)` views it in the buffer the
 * token was computed on.
 */
struct token {
  std::size_t offset = 0;  ///< byte offset of the first byte
  std::size_t length = 0;  ///< length in bytes (>= 1 for every produced token)
  token_kind kind = token_kind::other;

  /** Byte offset one past the last byte. */
  constexpr std::size_t end() const noexcept { return offset + length; }
  /** The token's bytes in `source` (the buffer it was computed on). */
  constexpr std::string_view text(std::string_view source) const noexcept {
    return source.substr(offset, length);
  }
  /** The span as a byte_span. */
  constexpr byte_span span() const noexcept { return {offset, offset + length}; }
  friend constexpr bool operator==(const token& a, const token& b) noexcept {
    return a.offset == b.offset && a.length == b.length && a.kind == b.kind;
  }
  friend constexpr bool operator!=(const token& a, const token& b) noexcept { return !(a == b); }
};

/** End marker of a token range. */
struct token_sentinel {};

namespace detail {
/**
 * Fills `off`/`kind` with the tokens that start in about the next `window` bytes from `pos`
 * (a token start), using the SIMD kernel of `level`; returns how many. Only the last token's
 * end is unknown (it is the next token's start). No throw, no alloc.
 */
inline std::size_t tokenize_window(const char* s, std::size_t size, std::size_t pos,
                                   std::size_t window, std::size_t* off, std::uint8_t* kind,
                                   std::size_t cap, simd_level level) noexcept {
  std::size_t count = 0;
  scan_state st;
#if ZHSCAN_X86_SIMD
  if (level == simd_level::avx512) tokenize_avx512(s, size, pos, st, off, kind, count, cap, pos + window);
  else if (level == simd_level::avx2) tokenize_avx2(s, size, pos, st, off, kind, count, cap, pos + window);
#elif ZHSCAN_NEON_SIMD
  if (level == simd_level::neon) tokenize_neon(s, size, pos, st, off, kind, count, cap, pos + window);
#else
  (void)s, (void)size, (void)pos, (void)window, (void)off, (void)kind, (void)cap, (void)level;
#endif
  return count;
}
}  // namespace detail

/**
 * Forward iterator over the tokens of a string (see `tokens`). Holds the current token, the
 * input and a small buffer of the following tokens (filled by the SIMD kernel a few blocks
 * at a time), so it needs no allocation and stays valid on its own; copies advance
 * independently. No throw, no alloc.
 */
class token_iterator {
 public:
  using value_type = token;
  using difference_type = std::ptrdiff_t;
  using reference = const token&;
  using pointer = const token*;
  using iterator_category = std::forward_iterator_tag;

  /** A past-the-end iterator (compares equal to the sentinel). */
  token_iterator() noexcept = default;
  /** Iterator at the first token of `s`. */
  explicit token_iterator(std::string_view s) noexcept
      : data_(s.data()), size_(s.size()), level_(supported_simd_level()) {
    load(0);
  }

  /** The current token (valid until the iterator advances). */
  reference operator*() const noexcept { return cur_; }
  /** Member access to the current token. */
  pointer operator->() const noexcept { return &cur_; }
  /** Advances to the next token; at the end the iterator equals the sentinel. */
  token_iterator& operator++() noexcept {
    load(cur_.end());
    return *this;
  }
  /** Post-increment: copies the iterator (about 440 bytes of buffered tokens). */
  token_iterator operator++(int) noexcept {
    token_iterator t = *this;
    ++*this;
    return t;
  }
  /** Iterators are equal when they point at the same token of the same text. */
  friend bool operator==(const token_iterator& a, const token_iterator& b) noexcept {
    return a.cur_.offset == b.cur_.offset && a.cur_.length == b.cur_.length;
  }
  friend bool operator!=(const token_iterator& a, const token_iterator& b) noexcept {
    return !(a == b);
  }
  /** An iterator equals the sentinel once every token has been visited. */
  friend bool operator==(const token_iterator& a, token_sentinel) noexcept { return a.cur_.length == 0; }
  friend bool operator==(token_sentinel, const token_iterator& a) noexcept { return a.cur_.length == 0; }
  friend bool operator!=(const token_iterator& a, token_sentinel) noexcept { return a.cur_.length != 0; }
  friend bool operator!=(token_sentinel, const token_iterator& a) noexcept { return a.cur_.length != 0; }

 private:
  static constexpr std::size_t buf_cap = 128;    // buffered tokens
  static constexpr std::size_t window = 512;     // bytes scanned per refill
  static constexpr std::size_t scratch = buf_cap + detail::kernel_slack + 1;

  // Fast path (inlined into operator++): the next buffered token.
  void load(std::size_t pos) noexcept {
    if (ZHSCAN_LIKELY(buf_i_ < buf_n_)) {
      take_buffered();
      return;
    }
    refill(pos);
  }

  void take_buffered() noexcept {
    const std::size_t a = buf_start_[buf_i_], b = buf_start_[buf_i_ + 1];
    cur_ = token{buf_base_ + a, b - a, static_cast<token_kind>(buf_kind_[buf_i_])};
    ++buf_i_;
  }

  void refill(std::size_t pos) noexcept {
    if (pos >= size_) {
      cur_ = token{size_, 0, token_kind::other};
      return;
    }
    if (level_ != simd_level::scalar && size_ - pos >= window) {
      std::size_t off[scratch];
      std::uint8_t kind[scratch];
      const std::size_t n = detail::tokenize_window(data_, size_, pos, window, off, kind, scratch, level_);
      if (n >= 2) {  // tokens 0 .. n-2 have known ends
        const std::size_t m = n - 1 < buf_cap ? n - 1 : buf_cap;
        buf_base_ = pos;
        for (std::size_t i = 0; i <= m; ++i) buf_start_[i] = static_cast<std::uint16_t>(off[i] - pos);
        for (std::size_t i = 0; i < m; ++i) buf_kind_[i] = kind[i];
        buf_n_ = static_cast<std::uint8_t>(m);
        buf_i_ = 0;
        take_buffered();
        return;
      }
    }
    const detail::next_token_result r = detail::next_token(data_, size_, pos);
    cur_ = token{pos, r.end - pos, static_cast<token_kind>(r.kind)};
  }

  const char* data_ = nullptr;
  std::size_t size_ = 0;
  token cur_{};
  std::size_t buf_base_ = 0;
  simd_level level_ = simd_level::scalar;
  std::uint8_t buf_n_ = 0, buf_i_ = 0;
  std::uint8_t buf_kind_[buf_cap] = {};
  std::uint16_t buf_start_[buf_cap + 1] = {};
};

/** The lazy range returned by `tokens`: `begin()` is a token_iterator, `end()` a sentinel. */
class token_range {
 public:
  /** An empty range. */
  constexpr token_range() noexcept = default;
  /** The tokens of `s` (the range only keeps the view; `s` must outlive it). */
  constexpr explicit token_range(std::string_view s) noexcept : s_(s) {}
  /** An iterator at the first token; each call starts a new pass over the text. */
  token_iterator begin() const noexcept { return token_iterator(s_); }
  /** The sentinel that ends every pass. */
  constexpr token_sentinel end() const noexcept { return {}; }
  /** The input the range tokenises. */
  constexpr std::string_view source() const noexcept { return s_; }

 private:
  std::string_view s_;
};

/**
 * Lazy range over the tokens of `s`, usable in a range-for:
 * `for (const zhscan::token& t : zhscan::tokens(s)) use(t.text(s), t.kind);`
 * `s` must outlive the range. Any bytes are accepted. No throw, no alloc.
 */
constexpr token_range tokens(std::string_view s) noexcept { return token_range(s); }

/**
 * Structure-of-arrays token storage: `offsets()[i]` and `kinds()[i]` for i < size(), plus
 * `offsets()[size()]` == the input length, so token i spans [offsets()[i], offsets()[i+1]).
 * Reuse one object across inputs to avoid reallocation; growth is geometric (amortised,
 * never per token). Filled by `tokenize(s, columns)`.
 */
class token_columns {
 public:
  token_columns() noexcept = default;
  token_columns(const token_columns&) = delete;
  token_columns& operator=(const token_columns&) = delete;
  token_columns(token_columns&&) noexcept = default;
  token_columns& operator=(token_columns&&) noexcept = default;

  /** Number of tokens. */
  std::size_t size() const noexcept { return size_; }
  /** True when no token is stored. */
  bool empty() const noexcept { return size_ == 0; }
  /** size()+1 offsets (the last one is the input length). Valid until the next fill. */
  const std::size_t* offsets() const noexcept { return offsets_.get(); }
  /** size() kinds. */
  const token_kind* kinds() const noexcept { return reinterpret_cast<const token_kind*>(kinds_.get()); }
  /** Token `i` as a record (requires i < size()). */
  token operator[](std::size_t i) const noexcept {
    return token{offsets_[i], offsets_[i + 1] - offsets_[i], kinds()[i]};
  }
  /** Number of tokens storable without reallocation. */
  std::size_t capacity() const noexcept { return cap_ > slack ? cap_ - slack : 0; }
  /** Ensures room for `n` tokens. May allocate. */
  void reserve(std::size_t n) { grow(n + slack); }
  /** Forgets the tokens, keeps the storage. */
  void clear() noexcept { size_ = 0; }

 private:
  // The kernels store whole vectors past the last token.
  static constexpr std::size_t slack = 160;

  void grow(std::size_t want) {
    if (want <= cap_) return;
    std::size_t cap = cap_ ? cap_ : 1024;
    while (cap < want) cap *= 2;
    std::unique_ptr<std::size_t[]> o(new std::size_t[cap + 1]);
    std::unique_ptr<std::uint8_t[]> k(new std::uint8_t[cap]);
    for (std::size_t i = 0; i < size_; ++i) {
      o[i] = offsets_[i];
      k[i] = kinds_[i];
    }
    offsets_ = std::move(o);
    kinds_ = std::move(k);
    cap_ = cap;
  }

  std::unique_ptr<std::size_t[]> offsets_;
  std::unique_ptr<std::uint8_t[]> kinds_;
  std::size_t size_ = 0;
  std::size_t cap_ = 0;

  friend void tokenize(std::string_view s, token_columns& out, simd_level level);
};

namespace detail {

/**
 * Tokenises s[pos, size) into offsets/kinds from index `count`, stopping when the input is
 * done or when a token start needs slot `cap` (then `pos` is that token's start, not yet
 * emitted, and `st` is ready to resume). Never writes at or past `cap`. The SIMD kernel
 * runs while `kernel_slack` slots remain, the scalar path finishes exactly.
 */
inline void tokenize_soa(const char* s, std::size_t size, std::size_t& pos, scan_state& st,
                         std::size_t* off, std::uint8_t* kind, std::size_t& count,
                         std::size_t cap, simd_level level) noexcept {
#if ZHSCAN_X86_SIMD
  if (level == simd_level::avx512) tokenize_avx512(s, size, pos, st, off, kind, count, cap);
  else if (level == simd_level::avx2) tokenize_avx2(s, size, pos, st, off, kind, count, cap);
#elif ZHSCAN_NEON_SIMD
  if (level == simd_level::neon) tokenize_neon(s, size, pos, st, off, kind, count, cap);
#else
  (void)level;
#endif
  scalar_scan(s, size, pos, size, st, off, kind, count, cap);
}

}  // namespace detail

/**
 * Tokenises `s` into `out` (replacing its previous content, keeping its storage).
 * `level` caps the SIMD instruction set (simd_level::scalar forces the portable path;
 * every level gives identical tokens). Allocates only when `out` must grow. No throw
 * (except std::bad_alloc from growth).
 */
inline void tokenize(std::string_view s, token_columns& out, simd_level level = simd_level::best) {
  const simd_level lv = detail::effective_simd_level(level);
  out.size_ = 0;
  std::size_t pos = 0;
  detail::scan_state st;
  out.grow(s.size() / 8 + token_columns::slack + 64);
  while (pos < s.size()) {
    if (out.cap_ - out.size_ < token_columns::slack)
      out.grow(out.cap_ + s.size() / 16 + token_columns::slack);
    detail::tokenize_soa(s.data(), s.size(), pos, st, out.offsets_.get(), out.kinds_.get(),
                         out.size_, out.cap_, lv);
  }
  out.offsets_[out.size_] = s.size();
}

/** Result of `tokenize_columns`. */
struct columns_result {
  std::size_t count;     ///< tokens written
  std::size_t consumed;  ///< input bytes covered by them (== s.size() when all done)
};

/**
 * Writes the tokens of `s` into caller-provided arrays: `offsets[i]`, `kinds[i]` for
 * i < count. Never writes at or past `capacity` (entries between count and capacity may be
 * scribbled on). When the arrays fill up,
 * `consumed` < s.size() is the start of the first token not written: call again with
 * `s.substr(consumed)` (offsets are then relative to that substring) to continue; the
 * tokens are the same as in one pass. A capacity of 0 makes no progress (count 0, consumed
 * 0 for non-empty input). No throw, no alloc.
 */
inline columns_result tokenize_columns(std::string_view s, std::size_t* offsets,
                                       token_kind* kinds, std::size_t capacity,
                                       simd_level level = simd_level::best) noexcept {
  std::size_t pos = 0, count = 0;
  detail::scan_state st;
  detail::tokenize_soa(s.data(), s.size(), pos, st, offsets, reinterpret_cast<std::uint8_t*>(kinds),
                       count, capacity, detail::effective_simd_level(level));
  return {count, pos};
}

namespace detail {
/** Reads token records out of offset/kind columns (for a range insert into a vector). */
struct columns_token_iterator {
  using value_type = token;
  using difference_type = std::ptrdiff_t;
  using reference = token;
  using pointer = void;
  using iterator_category = std::random_access_iterator_tag;
  const std::size_t* off;
  const std::uint8_t* kind;
  token operator*() const noexcept {
    return token{off[0], off[1] - off[0], static_cast<token_kind>(kind[0])};
  }
  columns_token_iterator& operator++() noexcept {
    ++off;
    ++kind;
    return *this;
  }
  columns_token_iterator operator++(int) noexcept {
    columns_token_iterator t = *this;
    ++*this;
    return t;
  }
  columns_token_iterator& operator--() noexcept {
    --off;
    --kind;
    return *this;
  }
  columns_token_iterator& operator+=(difference_type n) noexcept {
    off += n;
    kind += n;
    return *this;
  }
  difference_type operator-(const columns_token_iterator& o) const noexcept { return off - o.off; }
  bool operator==(const columns_token_iterator& o) const noexcept { return off == o.off; }
  bool operator!=(const columns_token_iterator& o) const noexcept { return off != o.off; }
};
}  // namespace detail

/**
 * Appends the tokens of `s` to `out` via `out.push_back(token)` (std::vector<token>,
 * std::deque<token>, ...). Uses the SIMD kernels into a fixed stack buffer, so the only
 * allocations are the container's own growth. `level` as for token_columns.
 */
template <class Container>
void tokenize(std::string_view s, Container& out, simd_level level = simd_level::best) {
  constexpr std::size_t chunk = 1024;
  std::size_t off[chunk + 1];
  std::uint8_t kind[chunk];
  const simd_level lv = detail::effective_simd_level(level);
  std::size_t pos = 0;
  detail::scan_state st;
  while (pos < s.size()) {
    std::size_t count = 0;
    detail::tokenize_soa(s.data(), s.size(), pos, st, off, kind, count, chunk, lv);
    off[count] = pos;  // pos is the start of the next (not yet emitted) token or the end
    if constexpr (std::is_same<Container, std::vector<token>>::value) {
      // One range insert per chunk: a single capacity check, no per-token branch.
      out.insert(out.end(), detail::columns_token_iterator{off, kind},
                 detail::columns_token_iterator{off + count, kind + count});
    } else {
      for (std::size_t i = 0; i < count; ++i)
        out.push_back(token{off[i], off[i + 1] - off[i], static_cast<token_kind>(kind[i])});
    }
  }
}

/** Convenience: the tokens of `s` as a new vector (allocates the vector only). */
inline std::vector<token> tokenize(std::string_view s, simd_level level = simd_level::best) {
  std::vector<token> v;
  v.reserve(s.size() / 6 + 16);
  tokenize(s, v, level);
  return v;
}

}  // namespace zhscan

#endif  // ZHSCAN_TOKENIZE_HPP
