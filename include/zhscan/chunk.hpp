// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_CHUNK_HPP
#define ZHSCAN_CHUNK_HPP

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "common.hpp"
#include "list_marker.hpp"
#include "outline.hpp"
#include "section.hpp"

/**
 * Heading-path chunks for retrieval: the text tiled by consecutive chunks of at most a
 * given size, each inside one section of the outline, with that section's heading path
 * (section.hpp: heading_path, heading_label).
 *
 * Rules, in order:
 *  1. Section starts: every marker of the outline starts a chunk, so a chunk lies in
 *     exactly one innermost section (its `section`; npos for the text before the first
 *     marker) and never runs across a heading. A section whose text up to the next
 *     marker fits is one chunk, however small.
 *  2. Paragraph ends: a longer stretch is cut after its last line end (LF, CR LF, CR,
 *     U+0085, U+2028, U+2029) that keeps the chunk within `max_bytes`: as many whole
 *     paragraphs as fit.
 *  3. Sentence ends: if not even one paragraph fits, the cut comes after the last sentence
 *     end that fits: as many whole sentences as fit. Sentence ends are the full-width
 *     U+3002 (ideographic full stop), U+FF01 (!), U+FF1F (?) and U+FF1B (;), and the ASCII
 *     . ! ? ; when white space, a line end or the end of the text follows (so 3.14 and
 *     example.com are not cut). Closing quotes and brackets and further sentence-final
 *     marks right after the end stay with the sentence (a cut after the closing quote), and
     so does a line end right after them: the sentence then ends a paragraph (rule 2), so
     no chunk starts with the line break of the previous one, except when that sentence is
     the first of the chunk and fits within `max_bytes` but its line break does not.
 *  4. A single sentence longer than `max_bytes` (no sentence or paragraph end within
 *     `max_bytes` of the chunk start) is kept whole: the chunk runs to the first sentence or
 *     paragraph end after it, or to the next section start or the end of the text. No cut
 *     is ever made elsewhere, so a chunk exceeds `max_bytes` only in this case.
 * No cut falls inside a marker (the "1." of "1. zong ze" ends no sentence).
 * Every cut is at a section start, right after a line end or right after a sentence end
 * (or its closing marks), all of which are character boundaries of the UTF-8 decoding
 * (utf8::decode from the start of the text) also in ill-formed input: a chunk never
 * splits a character. Every byte of the text lies in exactly one chunk; chunks are
 * non-empty and in text order; an empty text has none.
 *
 * Cost: linear. A stretch that fits needs no scan; in a longer one the last line end
 * within the limit is searched backwards from the limit (a paragraph away, typically),
 * and only a paragraph longer than the limit is scanned forwards for sentence ends, with
 * a byte table; each byte is read at most six times. No allocation except by
 * `find_chunks` growing its output vector.
 */
namespace zhscan {

/** One chunk: a span of the text and the innermost section holding it. */
struct chunk {
  byte_span span;              ///< [start, end) byte offsets into the text, non-empty
  std::size_t section = npos;  ///< index into the sections vector; npos before the first marker
};

namespace detail {
namespace ck {

/** Bytes that can start a break character (line ends, sentence ends): all ASCII or lead
 *  bytes, never continuation bytes, so a match is always at a character boundary. */
struct break_table {
  bool t[256];
  constexpr break_table() noexcept : t() {
    t[static_cast<unsigned char>('\n')] = t[static_cast<unsigned char>('\r')] = true;
    t[static_cast<unsigned char>('.')] = t[static_cast<unsigned char>('!')] = true;
    t[static_cast<unsigned char>('?')] = t[static_cast<unsigned char>(';')] = true;
    t[0xC2] = t[0xE2] = t[0xE3] = t[0xEF] = true;
  }
};
inline constexpr break_table break_bytes{};

enum : int { none = 0, sentence = 1, paragraph = 2 };

inline bool at3(const char* s, std::size_t i, std::size_t lim, unsigned a, unsigned b,
                unsigned c) noexcept {
  return i + 3 <= lim && static_cast<unsigned char>(s[i]) == a &&
         static_cast<unsigned char>(s[i + 1]) == b && static_cast<unsigned char>(s[i + 2]) == c;
}

/** Length of the full-width sentence end at i (U+3002, U+FF01, U+FF1F, U+FF1B), else 0. */
inline std::size_t fw_sentence_end(const char* s, std::size_t i, std::size_t lim) noexcept {
  if (at3(s, i, lim, 0xE3, 0x80, 0x82)) return 3;
  if (i + 3 <= lim && static_cast<unsigned char>(s[i]) == 0xEF &&
      static_cast<unsigned char>(s[i + 1]) == 0xBC) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x81 || c == 0x9F || c == 0x9B) return 3;
  }
  return 0;
}

inline bool ascii_end(char c) noexcept { return c == '.' || c == '!' || c == '?' || c == ';'; }

/** Length of a closing quote or bracket at i, else 0. */
inline std::size_t closer(const char* s, std::size_t i, std::size_t lim) noexcept {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (at3(s, i, lim, 0xE2, 0x80, 0x9D) || at3(s, i, lim, 0xE2, 0x80, 0x99)) return 3;  // curly
  if (i + 3 <= lim && static_cast<unsigned char>(s[i]) == 0xE3 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    switch (static_cast<unsigned char>(s[i + 2])) {
      case 0x89: case 0x8B: case 0x8D: case 0x8F: case 0x91: case 0x95: case 0x97:
        return 3;  // angle, double angle, corner, white corner, lenticular, tortoise shell
      default: break;
    }
  }
  if (at3(s, i, lim, 0xEF, 0xBC, 0x89) || at3(s, i, lim, 0xEF, 0xBC, 0xBD)) return 3;  // ) ]
  return 0;
}

/** Length of the line end at i (LF, CR LF, CR, U+0085, U+2028, U+2029), else 0. */
inline std::size_t line_end(const char* s, std::size_t i, std::size_t lim) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b == '\n') return 1;
  if (b == '\r') return i + 1 < lim && s[i + 1] == '\n' ? 2 : 1;
  if (b == 0xC2) return i + 2 <= lim && static_cast<unsigned char>(s[i + 1]) == 0x85 ? 2 : 0;
  if (at3(s, i, lim, 0xE2, 0x80, 0xA8) || at3(s, i, lim, 0xE2, 0x80, 0xA9)) return 3;
  return 0;
}

/**
 * The break that the character at `i` (a break_bytes byte, i < lim) opens: its kind and,
 * in `end`, the position after it (after the closing marks of a sentence end, and after
 * a line end that follows them: a paragraph end then, with `sent` the position before
 * that line end; else `sent` == `end`). `lim` (a character boundary, the end of the
 * stretch) bounds every read of the break itself; the white space an ASCII sentence end
 * needs may be read up to `n` (the text size).
 */
inline int break_at(const char* s, std::size_t n, std::size_t i, std::size_t lim,
                    std::size_t& end, std::size_t& sent) noexcept {
  const auto b = static_cast<unsigned char>(s[i]);
  if (const std::size_t le = line_end(s, i, lim)) {
    end = sent = i + le;
    return paragraph;
  }
  const bool ascii = ascii_end(static_cast<char>(b));
  std::size_t j;
  if (ascii) {
    j = i + 1;
  } else {
    const std::size_t len = fw_sentence_end(s, i, lim);
    if (!len) return none;
    j = i + len;
  }
  // further sentence-final marks and closing quotes/brackets stay with the sentence
  while (j < lim) {
    std::size_t len = fw_sentence_end(s, j, lim);
    if (!len) len = ascii_end(s[j]) ? 1 : closer(s, j, lim);
    if (!len) break;
    j += len;
  }
  if (ascii && j < n) {
    const char c = s[j];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') return none;
  }
  end = sent = j;
  if (j < lim) {
    if (const std::size_t le = line_end(s, j, lim)) {
      end = j + le;
      return paragraph;
    }
  }
  return sentence;
}

/**
 * The end of the last line end inside [from, limit] (a paragraph end, rule 2), 0 if none;
 * a CR LF whose LF lies at `limit` does not fit. Scans backwards: paragraphs are short, so
 * the last one is near. Line ends are ASCII or valid sequences starting with a lead byte,
 * hence character boundaries.
 */
inline std::size_t last_line_end(const char* s, std::size_t from, std::size_t limit) noexcept {
  for (std::size_t j = limit; j > from; --j) {
    const auto b = static_cast<unsigned char>(s[j - 1]);  // the last byte of a line end at j
    if (b == '\n') return j;
    if (b == '\r') {
      if (s[j] == '\n') continue;  // j <= limit < the stretch end: CR LF ends after the LF
      return j;
    }
    // (j >= from + k, not j - k > from: j - k wraps below zero when j < k)
    if (b == 0x85 && j >= from + 2 && static_cast<unsigned char>(s[j - 2]) == 0xC2) return j;
    if ((b == 0xA8 || b == 0xA9) && j >= from + 3 && static_cast<unsigned char>(s[j - 2]) == 0x80 &&
        static_cast<unsigned char>(s[j - 3]) == 0xE2)
      return j;
  }
  return 0;
}

/**
 * End of the chunk that starts at `pos` inside the stretch [pos, seg_end) (no section
 * starts inside): see rules 2-4 in the header comment. Breaks are looked for from `from`
 * (pos, or the end of the marker the chunk starts with: "1. " is no sentence end).
 */
inline std::size_t chunk_end(const char* s, std::size_t n, std::size_t pos, std::size_t from,
                             std::size_t seg_end, std::size_t max_bytes) noexcept {
  if (seg_end - pos <= max_bytes) return seg_end;
  const std::size_t limit = pos + max_bytes;  // < seg_end
  std::size_t last_para = 0, last_sent = 0;   // 0: none (a cut is always > pos)
  std::size_t i = from < pos ? pos : from > seg_end ? seg_end : from;
  if (i < limit) {  // as many whole paragraphs as fit
    if (const std::size_t p = last_line_end(s, i, limit)) return p;
  }
  // No paragraph end fits: the forward scan below finds the sentence ends (its paragraph
  // candidates all end past the limit).
  std::size_t e = 0, mid = 0;
  bool across = false;  // a break starting before the limit ends after it, at e
  while (i < limit) {  // phase 1: the last cut within the limit
    if (!break_bytes.t[static_cast<unsigned char>(s[i])]) {
      ++i;
      continue;
    }
    const int k = break_at(s, n, i, seg_end, e, mid);
    if (k == none) {
      ++i;
      continue;
    }
    if (e > limit) {
      across = true;
      break;
    }
    (k == paragraph ? last_para : last_sent) = e;
    i = e;
  }
  if (last_para) return last_para;
  if (last_sent) return last_sent;
  if (across) return mid <= limit ? mid : e;  // the sentence fits but not its line end, or
                                              // one sentence longer than the limit
  while (i < seg_end) {     // phase 2: one sentence longer than the limit, kept whole
    if (break_bytes.t[static_cast<unsigned char>(s[i])] &&
        break_at(s, n, i, seg_end, e, mid) != none)
      return e;
    ++i;
  }
  return seg_end;
}

}  // namespace ck
}  // namespace detail

/** End marker of a chunk range. */
struct chunk_sentinel {};

/**
 * Forward iterator over the chunks of a text (see `chunks`). Holds views of the text and
 * of the caller's marker and section vectors (which must outlive it and stay unchanged);
 * no allocation. No throw.
 */
class chunk_iterator {
 public:
  using value_type = chunk;
  using difference_type = std::ptrdiff_t;
  using reference = const chunk&;
  using pointer = const chunk*;
  using iterator_category = std::forward_iterator_tag;

  /** A past-the-end iterator. */
  chunk_iterator() noexcept = default;
  /** Iterator at the first chunk (`max_bytes` as in `chunks`). */
  chunk_iterator(std::string_view text, const std::vector<marker>& markers,
                 const std::vector<section>& sections, std::size_t max_bytes) noexcept
      : s_(text.data()), n_(text.size()), markers_(&markers), sections_(&sections),
        max_(max_bytes) {
    advance();
  }

  /** The current chunk. */
  reference operator*() const noexcept { return cur_; }
  pointer operator->() const noexcept { return &cur_; }
  chunk_iterator& operator++() noexcept {
    advance();
    return *this;
  }
  chunk_iterator operator++(int) noexcept {
    chunk_iterator t = *this;
    advance();
    return t;
  }
  /** Iterators are equal at the same chunk (of the same text). */
  friend bool operator==(const chunk_iterator& a, const chunk_iterator& b) noexcept {
    return a.cur_.span == b.cur_.span;
  }
  friend bool operator!=(const chunk_iterator& a, const chunk_iterator& b) noexcept {
    return !(a == b);
  }
  /** An iterator equals the sentinel once every chunk has been visited. */
  friend bool operator==(const chunk_iterator& a, chunk_sentinel) noexcept { return a.cur_.span.empty(); }
  friend bool operator==(chunk_sentinel, const chunk_iterator& a) noexcept { return a.cur_.span.empty(); }
  friend bool operator!=(const chunk_iterator& a, chunk_sentinel) noexcept { return !a.cur_.span.empty(); }
  friend bool operator!=(chunk_sentinel, const chunk_iterator& a) noexcept { return !a.cur_.span.empty(); }

 private:
  std::size_t start_of(std::size_t k) const noexcept {
    return section_start(*markers_, *sections_, k);
  }

  void advance() noexcept {
    if (pos_ >= n_) {
      cur_ = chunk{{n_, n_}, npos};
      return;
    }
    // sections starting at or before pos: the chunk belongs to the last of them
    const std::size_t ns = sections_ ? sections_->size() : 0;
    while (next_ < ns && start_of(next_) <= pos_) sec_ = next_++;
    std::size_t seg_end = n_;
    if (next_ < ns) {
      const std::size_t st = start_of(next_);
      if (st < seg_end) seg_end = st;
    }
    // a chunk that starts with a marker is never cut inside it
    std::size_t from = pos_;
    if (sec_ != npos && start_of(sec_) == pos_) {
      const std::size_t mk = (*sections_)[sec_].marker;
      if (mk < markers_->size()) from = (*markers_)[mk].span.end;
    }
    const std::size_t end = detail::ck::chunk_end(s_, n_, pos_, from, seg_end, max_);
    cur_ = chunk{{pos_, end}, sec_};
    pos_ = end;
  }

  const char* s_ = nullptr;
  std::size_t n_ = 0;
  const std::vector<marker>* markers_ = nullptr;
  const std::vector<section>* sections_ = nullptr;
  std::size_t max_ = 0;
  std::size_t pos_ = 0;     // start of the next chunk
  std::size_t next_ = 0;    // first section whose marker starts after the current chunk
  std::size_t sec_ = npos;  // section of the current chunk
  chunk cur_{};
};

/** The lazy range returned by `chunks`: `begin()` is a chunk_iterator, `end()` a sentinel. */
class chunk_range {
 public:
  chunk_range(std::string_view text, const std::vector<marker>& markers,
              const std::vector<section>& sections, std::size_t max_bytes) noexcept
      : text_(text), markers_(&markers), sections_(&sections), max_(max_bytes) {}
  /** An iterator at the first chunk; each call starts a new pass. */
  chunk_iterator begin() const noexcept { return chunk_iterator(text_, *markers_, *sections_, max_); }
  /** The sentinel that ends every pass. */
  constexpr chunk_sentinel end() const noexcept { return {}; }

 private:
  std::string_view text_;
  const std::vector<marker>* markers_;
  const std::vector<section>* sections_;
  std::size_t max_;
};

/** Default chunk size of the command-line program, in bytes. */
inline constexpr std::size_t default_chunk_bytes = 2000;

/**
 * Lazy range over the chunks of `text` (rules in the header comment), in text order:
 * `for (const zhscan::chunk& c : zhscan::chunks(text, markers, sections, 2000)) ...`.
 * `markers` and `sections` are the output of find_markers and outline on `text`; all three
 * must outlive the range. `max_bytes` is the largest chunk in bytes (only a single longer
 * sentence exceeds it; 0 makes every sentence its own chunk). Any bytes are accepted.
 * No throw, no alloc.
 */
inline chunk_range chunks(std::string_view text, const std::vector<marker>& markers,
                          const std::vector<section>& sections, std::size_t max_bytes) noexcept {
  return chunk_range(text, markers, sections, max_bytes);
}

/**
 * Replaces the contents of `out` with the chunks of `text` (the same as `chunks`).
 * Linear time; allocates only by growing `out`.
 */
inline void find_chunks(std::string_view text, const std::vector<marker>& markers,
                        const std::vector<section>& sections, std::size_t max_bytes,
                        std::vector<chunk>& out) {
  out.clear();
  for (chunk_iterator it(text, markers, sections, max_bytes); it != chunk_sentinel{}; ++it)
    out.push_back(*it);
}

}  // namespace zhscan

#endif  // ZHSCAN_CHUNK_HPP
