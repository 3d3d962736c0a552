// SPDX-License-Identifier: MIT
#ifndef ZHSCAN_STREAM_HPP
#define ZHSCAN_STREAM_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "change.hpp"
#include "common.hpp"
#include "list_marker.hpp"
#include "metric.hpp"
#include "outline.hpp"
#include "tokenize.hpp"

/**
 * Streaming: text fed in chunks of any size (a character, a numeral, a line may be split
 * anywhere), results delivered with ABSOLUTE byte offsets (offsets into the concatenation of
 * every chunk fed), in bounded memory.
 *
 * `token_stream` gives exactly the tokens of `tokenize` on the whole text, for every
 * chunking. State carried across chunk ends: the bytes after the last token it could finish
 * (a token's end is decided by the character after it, so at most 4 bytes plus the start of
 * an open run of one kind, which is carried as an offset: a run of any length costs nothing).
 * Memory: the largest chunk fed, plus 8 bytes.
 *
 * `text_stream` gives the outline markers of `find_markers` (with level, parent and the
 * heading `outline` gives each section) and the metrics of `find_metrics` with their
 * `section` (as `assign_sections` sets it) and change records of `find_changes`. How:
 *  - Pieces. The text is cut into pieces of about `stream_options::piece` bytes, right after
 *    a line end (else after an ideographic full stop, else at a character start: a line
 *    longer than a piece plus a quarter). Where the cuts fall depends on the text only,
 *    never on how it was fed, so the output is the same for every chunking.
 *  - Local passes. The marker scanner (its candidates) and find_metrics + find_changes run
 *    on each piece with `margin` bytes of context on both sides (the document's title, which
 *    the marker scanner compares running headers with, is taken from its start); a piece
 *    keeps the results starting inside it. Both passes look a bounded distance around each
 *    position (markers: tens of characters; metrics: 48 bytes and 30 between linked metrics;
 *    changes: 32 characters and 12 metrics back within a sentence), and every cut is checked:
 *    the results within margin/2 of the cut must be the same in the windows on both sides of
 *    it, else the piece is scanned again with 2x, then 4x the margin.
 *  - Marker structure. The structuring pass of find_markers (sequences, levels, parents)
 *    decides each candidate from the open style stack and a look-ahead of at most 1024 later
 *    candidates (the next item of a list, a higher-ranked heading before it ...). The stream
 *    decides a candidate as soon as its look-ahead found its answer among the candidates
 *    seen so far; while it has not, the candidate waits (its text is kept). Delay is bounded
 *    by `max_delay` bytes: a candidate still undecided when the text has run that far past
 *    it is decided on the candidates seen (as if the text ended there).
 *  - Headings: a marker is delivered once the candidates up to `heading_bytes` after it are
 *    decided, with the heading `outline` computes (a heading is read from at most
 *    `heading_bytes` after its marker).
 *  - Metrics are delivered once every marker starting at or before them is, with `section`
 *    set to the start of the last marker starting at or before them.
 * Results therefore equal the whole-buffer results, for every chunking, except when:
 *  (a) a cut check still disagrees after the 4x margin (`stream_stats::unverified_cuts`),
 *      which takes a dependency reaching more than 2x the margin (32 KiB by default) across
 *      a cut: a line longer than a piece whose forced cut falls inside a construction, or a
 *      sentence with linked changes longer than that;
 *  (b) a marker's decision waited past `max_delay` (`stream_stats::forced`): its evidence is
 *      more than max_delay bytes (32 MiB by default) further on;
 *  (c) a heading with more than `heading_bytes` of white space before it;
 *  (d) a difference the cut check cannot see: the check compares the results within margin/2
 *      of a cut, so a dependency longer than the margin that changes nothing near the cut
 *      would pass it. None is known with the margin's floor of 1 KiB (every look-around of the
 *      passes is shorter); with a 64-byte margin one was (a marker reading its paragraph's
 *      start 200 characters back), which is why the floor is 1 KiB.
 * Each case is counted in `stats()`. Text held: 8 margins, 2 pieces and 64 KiB (bulk erase)
 * plus the chunk being fed, and at most max_delay when a marker waits; with
 * the undecided candidates (at most 1025 past the oldest) and the metrics
 * waiting for them; with the defaults under 40 MiB plus the chunk being fed.
 *
 * Order of delivery: markers in text order, metrics in text order; a metric comes after
 * every marker starting at or before it. During a callback, `text(span)` views any span of
 * the delivered item. No exception is thrown; allocation only by growing internal buffers
 * (reused), none per token or per item.
 */
namespace zhscan {

/**
 * Tokens of a text fed in chunks, with absolute offsets: exactly `tokenize` of the whole
 * text, for every chunking.
 *
 *   zhscan::token_stream ts;
 *   ts.feed(chunk, [](const zhscan::token& t) { ... });  // any number of times
 *   ts.finish([](const zhscan::token& t) { ... });
 */
class token_stream {
 public:
  /** Tokenizes `chunk` (the next bytes of the text); calls on_token(const token&) for every
   *  token that ends in it, in order. */
  template <class F>
  void feed(std::string_view chunk, F&& on_token) {
    buf_.append(chunk.data(), chunk.size());
    fed_ += chunk.size();
    if (buf_.size() >= 8) run(false, on_token);
  }
  /** The end of the text: delivers the remaining tokens; the stream can then be reused. */
  template <class F>
  void finish(F&& on_token) {
    run(true, on_token);
    buf_.clear();
    base_ = fed_ = 0;
    pend_ = npos;
  }
  /** Bytes fed so far. */
  std::size_t size() const noexcept { return fed_; }

 private:
  static bool run_kind(token_kind k) noexcept {
    return k == token_kind::han || k == token_kind::ascii_letter || k == token_kind::fullwidth_letter ||
           k == token_kind::ascii_digit || k == token_kind::fullwidth_digit || k == token_kind::space;
  }

  template <class F>
  void run(bool last, F& on_token) {
    if (buf_.empty()) {
      if (last && pend_ != npos) on_token(token{pend_, base_ - pend_, pend_kind_});
      return;
    }
    tokenize(buf_, cols_);
    const std::size_t* off = cols_.offsets();
    const token_kind* kinds = cols_.kinds();
    // A token is final when the character after it is whole in the buffer (<= 4 bytes).
    const std::size_t limit = last ? buf_.size() : buf_.size() - 4;
    std::size_t done = 0;
    for (std::size_t i = 0; i < cols_.size(); ++i) {
      if (off[i + 1] > limit) break;
      std::size_t s = base_ + off[i];
      if (pend_ != npos) {  // a run carried over: this token continues it, or it ended
        if (kinds[i] == pend_kind_) s = pend_;
        else on_token(token{pend_, base_ - pend_, pend_kind_});
        pend_ = npos;
      }
      on_token(token{s, base_ + off[i + 1] - s, kinds[i]});
      done = off[i + 1];
    }
    if (last) {
      if (pend_ != npos) on_token(token{pend_, base_ - pend_, pend_kind_});
      pend_ = npos;
      base_ += buf_.size();
      buf_.clear();
      return;
    }
    if (done == 0 && cols_.size() > 0 && run_kind(kinds[0])) {
      // The first token reaches past the limit: a run longer than the buffer. Carry its start
      // and cut it at a character start (the next token of its kind continues it).
      std::size_t cut = limit;
      while (cut > 0 && (static_cast<unsigned char>(buf_[cut]) & 0xC0u) == 0x80u) --cut;
      if (cut > 0) {
        if (pend_ != npos && pend_kind_ != kinds[0]) {
          on_token(token{pend_, base_ - pend_, pend_kind_});
          pend_ = npos;
        }
        if (pend_ == npos) {
          pend_ = base_;
          pend_kind_ = kinds[0];
        }
        done = cut;
      }
    }
    buf_.erase(0, done);
    base_ += done;
  }

  std::string buf_;       // the bytes from base_ not yet delivered
  std::size_t base_ = 0;  // absolute offset of buf_[0]
  std::size_t fed_ = 0;
  std::size_t pend_ = npos;  // start of an open run carried over
  token_kind pend_kind_ = token_kind::han;
  token_columns cols_;
};

/** Sizes of text_stream (see the header comment). */
struct stream_options {
  std::size_t piece = std::size_t(256) << 10;     ///< bytes per piece (about)
  std::size_t margin = std::size_t(16) << 10;     ///< context bytes on each side of a piece
  std::size_t max_delay = std::size_t(32) << 20;  ///< longest wait for a marker's evidence
  std::size_t heading_bytes = 4096;               ///< text read for a heading
};

/** Counts of the cases where a text_stream's results may differ from the whole-buffer ones. */
struct stream_stats {
  std::size_t pieces = 0;
  std::size_t retries = 0;          ///< pieces scanned again with a wider margin
  std::size_t unverified_cuts = 0;  ///< cuts still disagreeing at 4x the margin
  std::size_t forced = 0;           ///< markers decided before their look-ahead was complete
  /** True when none of the inexact cases happened. */
  bool exact() const noexcept { return unverified_cuts == 0 && forced == 0; }
};

/** A marker as find_markers gives it (absolute span; `parent` an index into the sequence of
 *  markers delivered, as in find_markers' vector), with the heading outline gives it. */
struct stream_marker {
  marker m;
  std::size_t index = 0;         ///< its index in find_markers' output
  std::size_t parent_start = npos;  ///< span.start of its parent, npos for none
  byte_span heading;             ///< section::heading of its section
};

/** A metric as find_metrics gives it (absolute spans; change_from an index into the sequence
 *  of metrics delivered) with `section` set, and its change record (absolute spans; `level`
 *  an index into the same sequence). */
struct stream_metric {
  metric m;
  metric_change change;
  std::size_t index = 0;            ///< its index in find_metrics' output
  std::size_t level_start = npos;   ///< span.start of the metric change.level names
};

namespace detail {
/** After the first line end at or after `target` within `slack` bytes of `t`; else after a
 *  full stop (U+3002); else at the first character start at or after target. */
inline std::size_t stream_piece_end(std::string_view t, std::size_t target, std::size_t slack) noexcept {
  if (target >= t.size()) return t.size();
  const std::size_t stop = target + slack < t.size() ? target + slack : t.size();
  for (std::size_t i = target; i < stop; ++i)
    if (t[i] == '\n') return i + 1;
  for (std::size_t i = target; i + 3 <= stop; ++i)
    if (t[i] == '\xE3' && t[i + 1] == '\x80' && t[i + 2] == '\x82') return i + 3;
  std::size_t i = target;
  while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0u) == 0x80u && i < target + 3) ++i;
  return i;
}
}  // namespace detail

/**
 * Markers (with levels, parents, headings) and metrics (with sections and change records) of
 * a text fed in chunks (see the header comment for the method and its limits).
 *
 * Sink: any object with
 *   void on_marker(const zhscan::stream_marker&);
 *   void on_metric(const zhscan::stream_metric&);
 * called from feed() and finish(); text(span) views a delivered item's spans meanwhile.
 */
class text_stream {
 public:
  explicit text_stream(stream_options o = stream_options()) : opt_(o), st_(cand_, nullptr) {
    if (opt_.piece < 64) opt_.piece = 64;
    if (opt_.margin < 1024) opt_.margin = 1024;  // the marker scanner reads ~200 characters back
    if (opt_.heading_bytes < 64) opt_.heading_bytes = 64;
    if (opt_.max_delay < opt_.piece) opt_.max_delay = opt_.piece;
  }
  text_stream(const text_stream&) = delete;
  text_stream& operator=(const text_stream&) = delete;

  /** The next bytes of the text. */
  template <class Sink>
  void feed(std::string_view chunk, Sink& sink) {
    buf_.append(chunk.data(), chunk.size());
    end_ += chunk.size();
    pump(sink);
  }
  /** The end of the text: delivers everything left. Feed no more after it. */
  template <class Sink>
  void finish(Sink& sink) {
    eof_ = true;
    pump(sink);
  }

  /** The bytes of an absolute span (valid for the item being delivered); empty if not held. */
  std::string_view text(byte_span s) const noexcept {
    if (s.start < base_ || s.end > end_ || s.end < s.start) return {};
    return std::string_view(buf_).substr(s.start - base_, s.end - s.start);
  }
  /** Bytes fed so far. */
  std::size_t size() const noexcept { return end_; }
  const stream_stats& stats() const noexcept { return stats_; }
  /**
   * Every marker and every metric starting before this offset has been delivered (after
   * finish(): the text's size).
   */
  std::size_t settled() const noexcept {
    if (eof_ && p_from_ >= end_ && cand_head_ == cand_.size() && pk_head_ == pk_.size()) return end_;
    std::size_t f = frontier();
    if (pk_head_ < pk_.size() && pk_[pk_head_].m.span.start < f) f = pk_[pk_head_].m.span.start;
    return f;
  }
  /**
   * Keeps the text from absolute offset `from` on held (text() views it) until a later call
   * moves it on; npos (the default) keeps nothing for the caller. Memory grows with what it
   * holds.
   */
  void keep_from(std::size_t from) noexcept { user_keep_ = from; }
  /** Bytes of text held now (for memory checks). */
  std::size_t held() const noexcept { return buf_.size(); }

 private:
  struct pending_metric {
    stream_metric x;
    std::size_t per_off = npos, per2_off = npos;  // unit denominators written in the text
    std::size_t keep = 0;                         // first byte any of its spans needs
  };

  std::string_view view(std::size_t from, std::size_t to) const noexcept {
    return std::string_view(buf_).substr(from - base_, to - from);
  }

  static bool same_candidate(const marker& a, const marker& b) noexcept {
    return a.span.start == b.span.start && a.span.end == b.span.end && a.ordinal == b.ordinal &&
           a.style == b.style && a.level == b.level && a.confidence == b.confidence &&
           a.parent == b.parent && a.flags == b.flags;
  }
  static bool same_metric(const stream_metric& a, const stream_metric& b) noexcept {
    const metric &x = a.m, &y = b.m;
    const metric_change &c = a.change, &d = b.change;
    return x.span.start == y.span.start && x.span.end == y.span.end && x.number.start == y.number.start &&
           x.number.end == y.number.end && x.unit_text.start == y.unit_text.start &&
           x.unit_text.end == y.unit_text.end && x.shape == y.shape && x.approx == y.approx &&
           x.category == y.category && x.numeral == y.numeral && x.unit == y.unit &&
           (x.change_from == npos) == (y.change_from == npos) &&
           (x.change_from == npos || a.index - x.change_from == b.index - y.change_from) &&
           c.role == d.role && c.has_change == d.has_change && c.direction == d.direction &&
           c.measure == d.measure && c.base.start == d.base.start && c.base.end == d.base.end &&
           c.indicator.start == d.indicator.start && c.indicator.end == d.indicator.end &&
           c.verb.start == d.verb.start && c.verb.end == d.verb.end &&
           (c.level == npos) == (d.level == npos) && (c.level == npos || a.index - c.level == b.index - d.level);
  }

  /** Scans window [ws, we) (markers' candidates and metrics), results absolute in wc_/wm_;
   *  metric indices are window indices (index field = window index). */
  void scan_window(std::size_t ws, std::size_t we) {
    const std::string_view w = view(ws, we);
    wc_.clear();
    detail::mk::collect_sink sink{wc_, nullptr};
    detail::mk::scanner<detail::mk::collect_sink> sc(w, sink, false);
    const std::size_t tat = title_.empty() || title_at_ < ws || title_at_ + title_.size() > we ? npos : title_at_ - ws;
    sc.use_title(title_, tat);
    sc.run();
    for (marker& m : wc_) {
      m.span.start += ws;
      m.span.end += ws;
    }
    find_metrics(w, wms_);
    find_changes(w, wms_, wcs_);
    wm_.resize(wms_.size());
    for (std::size_t i = 0; i < wms_.size(); ++i) {
      pending_metric& p = wm_[i];
      p.x.m = wms_[i];
      p.x.change = wcs_[i];
      p.x.index = i;
      metric& m = p.x.m;
      metric_change& c = p.x.change;
      p.x.level_start = c.level != npos ? wms_[c.level].span.start + ws : npos;
      auto shift = [ws](byte_span& s) {  // a span never set ({0, 0}) stays so
        if (s.start == 0 && s.end == 0) return;
        s.start += ws;
        s.end += ws;
      };
      std::size_t keep = m.span.start;
      auto low = [&keep](const byte_span& s) {
        if (!s.empty() && s.start < keep) keep = s.start;
      };
      shift(m.span);
      shift(m.number);
      shift(m.unit_text);
      shift(c.base);
      shift(c.indicator);
      shift(c.verb);
      keep = m.span.start;
      low(m.number);
      low(m.unit_text);
      low(c.base);
      low(c.indicator);
      low(c.verb);
      p.per_off = p.per2_off = npos;
      const char* wb = w.data();
      if (!m.per.empty() && m.per.data() >= wb && m.per.data() <= wb + w.size()) {
        p.per_off = static_cast<std::size_t>(m.per.data() - wb) + ws;
        if (p.per_off < keep) keep = p.per_off;
      }
      if (!m.per2.empty() && m.per2.data() >= wb && m.per2.data() <= wb + w.size()) {
        p.per2_off = static_cast<std::size_t>(m.per2.data() - wb) + ws;
        if (p.per2_off < keep) keep = p.per2_off;
      }
      p.keep = keep;
    }
  }

  /** Whether the window's results within `half` of `cut` are the previous window's. */
  bool agrees(std::size_t cut, std::size_t half) const noexcept {
    const std::size_t lo = cut > half ? cut - half : 0, hi = cut + half;
    std::size_t a = 0, b = 0;
    while (a < prev_c_.size() && prev_c_[a].span.start < lo) ++a;
    while (b < wc_.size() && wc_[b].span.start < lo) ++b;
    for (;; ++a, ++b) {
      const bool ea = a == prev_c_.size() || prev_c_[a].span.start >= hi;
      const bool eb = b == wc_.size() || wc_[b].span.start >= hi;
      if (ea || eb) {
        if (!(ea && eb)) return false;
        break;
      }
      if (!same_candidate(prev_c_[a], wc_[b])) return false;
    }
    a = b = 0;
    while (a < prev_m_.size() && prev_m_[a].x.m.span.start < lo) ++a;
    while (b < wm_.size() && wm_[b].x.m.span.start < lo) ++b;
    for (;; ++a, ++b) {
      const bool ea = a == prev_m_.size() || prev_m_[a].x.m.span.start >= hi;
      const bool eb = b == wm_.size() || wm_[b].x.m.span.start >= hi;
      if (ea || eb) return ea && eb;
      if (!same_metric(prev_m_[a].x, wm_[b].x)) return false;
    }
  }

  /** Scans the next piece if enough text is held; false if not. */
  bool next_piece() {
    const std::size_t from = p_from_;
    if (from >= end_ && eof_) return false;
    const std::size_t m4 = 4 * opt_.margin;
    const std::size_t need = from + opt_.piece + opt_.piece / 4 + m4 + 8;
    if (!eof_ && end_ < need) return false;
    if (title_at_ == npos) {  // the title, from the first 512 bytes (as find_markers reads it)
      if (!eof_ && end_ <= 512) return false;
      const std::string_view head = view(0, end_ < 4096 ? end_ : 4096);
      std::vector<marker> none;
      detail::mk::collect_sink sink{none, nullptr};
      detail::mk::scanner<detail::mk::collect_sink> sc(head, sink, false);
      const byte_span t = sc.title();
      title_.assign(head.data() + t.start, t.size());
      title_at_ = t.start;
    }
    std::size_t to;
    if (eof_ && end_ <= from + opt_.piece + opt_.piece / 4) to = end_;
    else to = from + detail::stream_piece_end(view(from, end_), opt_.piece, opt_.piece / 4);
    std::size_t margin = opt_.margin;
    for (int attempt = 0;; ++attempt) {
      const std::size_t ws = from > margin ? (from - margin > base_ ? from - margin : base_) : base_;
      const std::size_t we = to + margin < end_ ? to + margin : end_;
      scan_window(ws, we);
      if (from == 0 || agrees(from, opt_.margin / 2)) break;
      if (attempt == 2) {
        ++stats_.unverified_cuts;
        break;
      }
      margin *= 2;
      ++stats_.retries;
    }
    ++stats_.pieces;
    // candidates starting in the piece
    for (const marker& c : wc_)
      if (c.span.start >= from && c.span.start < to) cand_.push_back(c);
    // metrics starting in the piece: window index -> absolute index
    std::size_t first = wm_.size();
    for (std::size_t i = 0; i < wm_.size(); ++i)
      if (wm_[i].x.m.span.start >= from) {
        first = i;
        break;
      }
    for (std::size_t i = first; i < wm_.size() && wm_[i].x.m.span.start < to; ++i) {
      pending_metric p = wm_[i];
      const std::size_t abs = metric_count_ + (i - first);
      auto remap = [&](std::size_t j) -> std::size_t {
        if (j == npos || j > i) return npos;
        const std::size_t back = i - j;
        return back <= abs ? abs - back : npos;
      };
      p.x.m.change_from = remap(p.x.m.change_from);
      p.x.change.level = remap(p.x.change.level);
      if (p.x.change.level == npos) p.x.level_start = npos;
      p.x.index = abs;
      pm_.push_back(p);
    }
    // keep the results near the next cut for its check (indices made absolute alike)
    prev_c_.clear();
    for (const marker& c : wc_)
      if (c.span.start + opt_.margin >= to) prev_c_.push_back(c);
    prev_m_.clear();  // window indices: the checks compare index distances only
    for (const pending_metric& p : wm_)
      if (p.x.m.span.start + opt_.margin >= to) prev_m_.push_back(p);
    for (std::size_t i = first; i < wm_.size() && wm_[i].x.m.span.start < to; ++i) ++metric_count_;
    p_from_ = to;
    return true;
  }

  /** Start of the first byte whose candidates are not all decided. */
  std::size_t frontier() const noexcept {
    return cand_head_ < cand_.size() ? cand_[cand_head_].span.start : p_from_;
  }

  void decide_candidates() {
    const bool all_found = eof_ && p_from_ >= end_;
    while (cand_head_ < cand_.size()) {
      st_.stream_window(cand_.size(), all_found);
      marker c = cand_[cand_head_];
      int res = st_.stream_decide(cand_head_, accepted_, c);
      if (res < 0) {
        if (end_ - cand_[cand_head_].span.start <= opt_.max_delay) break;
        st_.stream_window(cand_.size(), true);  // waited too long: decide on what is seen
        ++stats_.forced;
        res = st_.stream_decide(cand_head_, accepted_, c);
      }
      ++cand_head_;
      if (res == 1) {
        stream_marker k;
        k.m = c;
        k.index = accepted_++;
        if (c.parent != npos && c.level >= 2 && last_idx_[c.level - 1] == c.parent)
          k.parent_start = last_start_[c.level - 1];
        last_idx_[c.level] = k.index;
        last_start_[c.level] = c.span.start;
        pk_.push_back(k);
      }
    }
    if (cand_head_ > 4096 && cand_head_ * 2 > cand_.size()) {
      cand_.erase(cand_.begin(), cand_.begin() + static_cast<std::ptrdiff_t>(cand_head_));
      cand_head_ = 0;
    }
  }

  template <class Sink>
  void deliver(Sink& sink) {
    const bool all = eof_ && p_from_ >= end_ && cand_head_ == cand_.size();
    const std::size_t f = all ? npos : frontier();
    for (;;) {
      const bool have_k = pk_head_ < pk_.size();
      const bool have_m = pm_head_ < pm_.size();
      if (have_k) {
        stream_marker& k = pk_[pk_head_];
        const std::size_t he = k.m.span.end + opt_.heading_bytes;
        const bool next_known = pk_head_ + 1 < pk_.size();
        const bool ready = all || next_known || f >= he;
        if (ready && (!have_m || k.m.span.start <= pm_[pm_head_].x.m.span.start)) {
          std::size_t limit = next_known ? pk_[pk_head_ + 1].m.span.start : all ? end_ : f;
          if (limit > end_) limit = end_;
          if (limit > he && !all) limit = he;
          if (limit < k.m.span.end) limit = k.m.span.end;
          marker rel = k.m;
          rel.span.start = 0;
          rel.span.end = k.m.span.end - k.m.span.start;
          const byte_span h = detail::mk::heading_of(view(k.m.span.start, limit), rel, limit - k.m.span.start);
          k.heading = {h.start + k.m.span.start, h.end + k.m.span.start};
          sink.on_marker(k);
          section_ = k.m.span.start;
          ++pk_head_;
          continue;
        }
      }
      if (have_m) {
        pending_metric& p = pm_[pm_head_];
        const std::size_t s = p.x.m.span.start;
        const bool ready = s < f && (!have_k || pk_[pk_head_].m.span.start > s);
        if (ready) {
          p.x.m.section = section_;
          if (p.per_off != npos) p.x.m.per = view(p.per_off, p.per_off + p.x.m.per.size());
          if (p.per2_off != npos) p.x.m.per2 = view(p.per2_off, p.per2_off + p.x.m.per2.size());
          sink.on_metric(p.x);
          ++pm_head_;
          continue;
        }
      }
      break;
    }
    if (pk_head_ > 1024 && pk_head_ * 2 > pk_.size()) {
      pk_.erase(pk_.begin(), pk_.begin() + static_cast<std::ptrdiff_t>(pk_head_));
      pk_head_ = 0;
    }
    if (pm_head_ > 1024 && pm_head_ * 2 > pm_.size()) {
      pm_.erase(pm_.begin(), pm_.begin() + static_cast<std::ptrdiff_t>(pm_head_));
      pm_head_ = 0;
    }
  }

  /** Forgets the text no pending item and no later check needs. */
  void trim() {
    std::size_t keep = p_from_ > 4 * opt_.margin ? p_from_ - 4 * opt_.margin : 0;
    if (title_at_ == npos) keep = 0;
    if (user_keep_ < keep) keep = user_keep_;
    if (cand_head_ < cand_.size() && cand_[cand_head_].span.start < keep) keep = cand_[cand_head_].span.start;
    if (pk_head_ < pk_.size() && pk_[pk_head_].m.span.start < keep) keep = pk_[pk_head_].m.span.start;
    for (std::size_t i = pm_head_; i < pm_.size(); ++i)
      if (pm_[i].keep < keep) keep = pm_[i].keep;
    if (keep <= base_) return;
    const std::size_t drop = keep - base_;
    if (drop < (std::size_t(1) << 16) && drop * 2 < buf_.size()) return;  // erase in bulk
    buf_.erase(0, drop);
    base_ = keep;
  }

  template <class Sink>
  void pump(Sink& sink) {
    for (;;) {
      const bool got = next_piece();
      decide_candidates();
      deliver(sink);
      if (!got) break;
      trim();
    }
    // the stream may hold metrics waiting on candidates that a forced decision settles
    decide_candidates();
    deliver(sink);
    trim();
  }

  stream_options opt_;
  std::string buf_;
  std::size_t base_ = 0, end_ = 0;
  bool eof_ = false;
  std::string title_;
  std::size_t title_at_ = npos;
  std::size_t p_from_ = 0;  // next piece start
  std::size_t user_keep_ = npos;
  // window results
  std::vector<marker> wc_, prev_c_;
  std::vector<metric> wms_;
  std::vector<metric_change> wcs_;
  std::vector<pending_metric> wm_, prev_m_;
  // candidates and the structuring pass
  std::vector<marker> cand_;
  std::size_t cand_head_ = 0;
  detail::mk::structurer st_;
  std::size_t accepted_ = 0;
  std::size_t last_idx_[256] = {};
  std::size_t last_start_[256] = {};
  // waiting to be delivered
  std::vector<stream_marker> pk_;
  std::size_t pk_head_ = 0;
  std::vector<pending_metric> pm_;
  std::size_t pm_head_ = 0;
  std::size_t metric_count_ = 0;
  std::size_t section_ = npos;
  stream_stats stats_;
};

}  // namespace zhscan

#endif  // ZHSCAN_STREAM_HPP
