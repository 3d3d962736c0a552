// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_COMMON_HPP
#define ZHSCAN_COMMON_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

/** Types and macros shared by every zhscan header. */

// ZHSCAN_LIKELY / ZHSCAN_UNLIKELY: branch hints for the scanners' hot loops.
// ZHSCAN_ALWAYS_INLINE: forces inlining of small helpers on GCC and Clang.
#if defined(__GNUC__) || defined(__clang__)
#define ZHSCAN_LIKELY(x) __builtin_expect(!!(x), 1)
#define ZHSCAN_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ZHSCAN_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ZHSCAN_LIKELY(x) (x)
#define ZHSCAN_UNLIKELY(x) (x)
#define ZHSCAN_ALWAYS_INLINE inline
#endif

namespace zhscan {

/** Error codes of the single-shot parsers (from_chars style: `errc{}` is success). */
enum class errc : std::uint8_t {
  ok = 0,            ///< success
  invalid_utf8,      ///< the input is not well-formed UTF-8 at the reported offset
  empty,             ///< nothing to parse
  invalid_argument,  ///< the input does not start with something of the expected form
  out_of_range,      ///< the value does not fit the result type (or is not finite)
};

/** Short English name of an error code ("ok", "invalid_utf8", ...). No throw, no alloc. */
constexpr std::string_view to_string(errc e) noexcept {
  switch (e) {
    case errc::ok: return "ok";
    case errc::invalid_utf8: return "invalid_utf8";
    case errc::empty: return "empty";
    case errc::invalid_argument: return "invalid_argument";
    case errc::out_of_range: return "out_of_range";
  }
  return "unknown";
}

/** A half-open byte range [start, end) into the caller's buffer. */
struct byte_span {
  std::size_t start = 0;  ///< byte offset of the first byte
  std::size_t end = 0;    ///< byte offset one past the last byte

  /** Length in bytes. */
  constexpr std::size_t size() const noexcept { return end - start; }
  /** True for a zero-length span. */
  constexpr bool empty() const noexcept { return end == start; }
  /** The bytes of this span in `text` (the buffer the span was computed on). */
  constexpr std::string_view in(std::string_view text) const noexcept {
    return text.substr(start, end - start);
  }
  /** Spans are equal when both offsets are. */
  friend constexpr bool operator==(byte_span a, byte_span b) noexcept {
    return a.start == b.start && a.end == b.end;
  }
  friend constexpr bool operator!=(byte_span a, byte_span b) noexcept { return !(a == b); }
};

/** "No index" value for parent links and similar optional indices. */
inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

}  // namespace zhscan

#endif  // ZHSCAN_COMMON_HPP
