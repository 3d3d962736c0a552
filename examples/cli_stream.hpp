// SPDX-License-Identifier: MIT
// Large inputs in bounded memory: `tokens` and `metrics` over one input read in windows of a
// fixed size, the output written as it is made, offsets absolute. The output is byte for byte
// the whole-input output:
//
// - tokens: exact by construction. The tokenizer is a left-to-right machine whose state at a
//   token boundary is its start state, and a token's end is decided by the character after it
//   (at most 4 bytes). A window emits the tokens that end at least 4 bytes before its end and
//   the next window starts at the last emitted end. A run longer than a window (han, letters,
//   digits, spaces: one token however long) is cut at a character boundary and its start
//   carried over; the next window's first token, of the same run kind, continues it.
// - metrics: the scanner looks at most 48 bytes around a candidate and links a metric to the
//   previous one only within 30 bytes. A piece [from, to) of the input, cut after a line end
//   where there is one (else after a sentence end, else at a character boundary), is scanned
//   with `margin` bytes of context on each side, and only the metrics starting inside the piece
//   are printed (offsets and change_from made absolute). On top, every cut is checked: the
//   metrics near the cut (within margin/2 of it) must be the same in the windows on both sides
//   of it, else the window is scanned again with a wider margin.
//
// Both are used only while the command's output has exactly the fields written here (a probe
// at start-up compares): a new field (one that may depend on the whole document, such as an
// outline section) switches the input back to whole-input processing until it is vetted here.
#ifndef ZHSCAN_EXAMPLES_CLI_STREAM_HPP
#define ZHSCAN_EXAMPLES_CLI_STREAM_HPP

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>
#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "cli_common.hpp"
#include "cli_io.hpp"
#include "cli_metrics.hpp"
#include "cli_tokens.hpp"
#include "zhscan/tokenize.hpp"

namespace zhscan_cli {

/** How many metrics windows were scanned again for want of agreement at a cut (a statistic). */
inline std::size_t& stream_retries() {
  static std::size_t n = 0;
  return n;
}

/** Window sizes. ZHSCAN_CLI_WINDOW (bytes, >= 64) overrides the window, for tests. */
struct stream_sizes {
  std::size_t window = std::size_t(1) << 20;     ///< input bytes per window
  std::size_t margin = std::size_t(16) << 10;    ///< metrics: context bytes each side
  std::size_t threshold = std::size_t(2) << 20;  ///< metrics: larger files are windowed
  std::size_t token_threshold = std::size_t(256) << 10;  ///< tokens (output ~40x the input)
};

inline stream_sizes stream_settings() {
  stream_sizes s;
  if (const char* w = std::getenv("ZHSCAN_CLI_WINDOW")) {
    const unsigned long long v = std::strtoull(w, nullptr, 10);
    if (v >= 64) {
      s.window = static_cast<std::size_t>(v);
      s.margin = std::max<std::size_t>(s.window / 8, 64);
      s.threshold = s.token_threshold = s.window;
    }
  }
  return s;
}

/** The bytes [base, base + data.size()) of an input, read in blocks. */
class window_buffer {
 public:
  explicit window_buffer(input_file& in) : in_(in) {}

  /** Reads until the buffer holds the input up to absolute offset `upto` (or its end). */
  bool fill(std::size_t upto, std::string& err) {
    while (!eof_ && base_ + data_.size() < upto) {
      const std::size_t want = std::max<std::size_t>(upto - base_ - data_.size(), std::size_t(1) << 16);
      const long long r = in_.read_some(data_, want, err);
      if (r < 0) return false;
      if (r == 0) eof_ = true;
    }
    return true;
  }
  /** Forgets the bytes before absolute offset `from`. */
  void drop_before(std::size_t from) {
    if (from <= base_) return;
    data_.erase(0, std::min(from - base_, data_.size()));
    base_ = std::max(base_, from);
  }
  bool eof() const noexcept { return eof_; }
  std::size_t base() const noexcept { return base_; }
  std::size_t end() const noexcept { return base_ + data_.size(); }
  std::string_view view(std::size_t from, std::size_t to) const noexcept {
    return std::string_view(data_).substr(from - base_, to - from);
  }

 private:
  input_file& in_;
  std::string data_;
  std::size_t base_ = 0;
  bool eof_ = false;
};

namespace detail {

inline bool run_kind(zhscan::token_kind k) {
  switch (k) {
    case zhscan::token_kind::han:
    case zhscan::token_kind::ascii_letter:
    case zhscan::token_kind::fullwidth_letter:
    case zhscan::token_kind::ascii_digit:
    case zhscan::token_kind::fullwidth_digit:
    case zhscan::token_kind::space: return true;
    default: return false;
  }
}

/** `{"file":"path",` (or `{` without a path): the start of every output line. */
inline std::string line_head(std::string_view tag_path) {
  std::string h = "{";
  if (!tag_path.empty()) {
    h += "\"file\":";
    json_string(h, tag_path);
    h.push_back(',');
  }
  return h;
}

inline void token_line(std::string& out, std::string_view head, std::size_t s, std::size_t e,
                       zhscan::token_kind k) {
  zhscan_cli::token_line(out, head, s, e, k);  // cli_tokens.hpp
}

/** The keys of a JSON Lines object line, in order (top level only). */
inline std::vector<std::string> line_keys(std::string_view line) {
  std::vector<std::string> keys;
  int depth = 0;
  bool in_str = false, key_next = false;
  std::string cur;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_str) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_str = false;
        if (key_next) keys.push_back(cur);
        key_next = false;
      } else if (key_next) {
        cur.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      in_str = true;
      cur.clear();
      key_next = depth == 1 && (i > 0 && (line[i - 1] == '{' || line[i - 1] == ','));
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return keys;
}

}  // namespace detail

/**
 * Whether the windowed paths print what cli_tokens and cli_metrics print: checked once on a
 * probe text (exact line for tokens, the set of fields for metrics).
 */
inline bool tokens_stream_ok() {
  static const bool ok = [] {
    const std::string_view probe = "\xE4\xB8\x80\xE3\x80\x81 ab12\r\n\xFF";
    std::string whole, mine;
    cli_tokens(probe, whole);
    zhscan::token_columns cols;
    zhscan::tokenize(probe, cols);
    for (std::size_t i = 0; i < cols.size(); ++i)
      detail::token_line(mine, "{", cols.offsets()[i], cols.offsets()[i + 1], cols.kinds()[i]);
    return whole == mine;
  }();
  return ok;
}

inline bool metrics_stream_ok() {
  static const bool ok = [] {
    // yi, dun hao, newline, "tou ru 3 wan yuan", full stop, newline
    const std::string_view probe =
        "\xE4\xB8\x80\xE3\x80\x81\n\xE6\x8A\x95\xE5\x85\xA5" "3\xE4\xB8\x87\xE5\x85\x83\xE3\x80\x82\n";
    std::string out;
    cli_metrics(probe, out);
    const std::vector<std::string> want = {"start", "end", "text", "value", "low", "high",
                                           "ratio", "approx", "unit", "unit_text", "category",
                                           "numeral", "number", "change_from"};
    const std::size_t nl = out.find('\n');
    return nl != std::string::npos && detail::line_keys(std::string_view(out).substr(0, nl)) == want;
  }();
  return ok;
}

/**
 * `zhscan tokens` over `in` in windows, into `out`. False on a read error (message in `err`);
 * stops early when `out` fails. `bytes` gets the input size read.
 */
inline bool stream_tokens(input_file& in, output& out, std::string_view tag_path,
                          const stream_sizes& sz, std::size_t& bytes, std::string& err) {
  const std::string head = detail::line_head(tag_path);
  window_buffer wb(in);
  zhscan::token_columns cols;
  std::size_t pos = 0;  // absolute offset of the next token
  std::size_t pend = zhscan::npos;  // start of a run carried over from the last window
  zhscan::token_kind pend_kind = zhscan::token_kind::han;
  const std::size_t window = std::max<std::size_t>(sz.window, 64);
  while (out.ok()) {
    if (!wb.fill(pos + window, err)) return false;
    const bool last = wb.eof() && wb.end() <= pos + window;
    const std::string_view t = wb.view(pos, std::min(wb.end(), pos + window));
    if (t.empty()) break;
    zhscan::tokenize(t, cols);
    const std::size_t* off = cols.offsets();
    const zhscan::token_kind* kinds = cols.kinds();
    const std::size_t limit = last ? t.size() : t.size() - 4;
    std::string& o = out.buffer();
    std::size_t done = 0;  // bytes of t emitted
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (off[i + 1] > limit) break;
      std::size_t s = pos + off[i];
      if (pend != zhscan::npos) {
        if (kinds[i] == pend_kind) s = pend;
        else detail::token_line(o, head, pend, pos, pend_kind);
        pend = zhscan::npos;
      }
      detail::token_line(o, head, s, pos + off[i + 1], kinds[i]);
      done = off[i + 1];
      if (o.size() >= (std::size_t(1) << 20)) out.flush_if_full();
    }
    if (last) break;
    if (done == 0) {
      // The first token reaches past the limit: a run longer than the window. Carry it.
      const zhscan::token_kind k = kinds[0];
      std::size_t cut = limit;
      while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0u) == 0x80u) --cut;
      if (!detail::run_kind(k) || cut == 0) cut = off[1];  // cannot happen: tokens <= 4 bytes
      if (pend != zhscan::npos && pend_kind != k) {
        detail::token_line(o, head, pend, pos, pend_kind);
        pend = zhscan::npos;
      }
      if (pend == zhscan::npos) {
        pend = pos;
        pend_kind = k;
      }
      done = cut;
    }
    pos += done;
    wb.drop_before(pos);
    out.flush_if_full();
  }
  if (pend != zhscan::npos && out.ok()) detail::token_line(out.buffer(), head, pend, wb.end(), pend_kind);
  bytes = wb.end();
  return true;
}

namespace detail {

/** Reads an unsigned integer at `p` in `s`, advancing p. */
inline std::size_t read_uint(std::string_view s, std::size_t& p) {
  std::size_t v = 0;
  while (p < s.size() && s[p] >= '0' && s[p] <= '9') v = v * 10 + static_cast<std::size_t>(s[p++] - '0');
  return v;
}

/** One metrics line of a window, its offsets made absolute, change_from left out. */
struct metric_line {
  std::size_t start = 0, end = 0;
  std::size_t change_back = 0;  ///< this index minus change_from; 0 for null
  std::string_view rest;        ///< after `"end":N` up to `"change_from":` (exclusive)
};

/** Splits cli_metrics output lines ({"start":S,"end":E,...,"change_from":C}) of a window. */
inline bool parse_metric_lines(std::string_view s, std::size_t base, std::vector<metric_line>& lines) {
  lines.clear();
  std::size_t index = 0;
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    const std::string_view line = s.substr(0, nl);
    s = nl == std::string_view::npos ? std::string_view() : s.substr(nl + 1);
    static constexpr std::string_view a = "{\"start\":", b = ",\"end\":", c = ",\"change_from\":";
    metric_line m;
    std::size_t p = a.size();
    if (line.substr(0, a.size()) != a) return false;
    m.start = base + read_uint(line, p);
    if (line.substr(p, b.size()) != b) return false;
    p += b.size();
    m.end = base + read_uint(line, p);
    const std::size_t q = line.rfind(c);
    if (q == std::string_view::npos || q < p) return false;
    m.rest = line.substr(p, q - p);
    std::size_t r = q + c.size();
    if (line.substr(r, 4) != "null") {
      const std::size_t from = read_uint(line, r);
      if (from >= index) return false;
      m.change_back = index - from;
    }
    lines.push_back(m);
    ++index;
  }
  return true;
}

inline bool same_metric(const metric_line& x, const metric_line& y) {
  return x.start == y.start && x.end == y.end && x.rest == y.rest && x.change_back == y.change_back;
}

/** Where to end a piece that starts at or before `target`: after the first line end at or
 *  after it within `slack` bytes, else after a full stop (U+3002), else at a character start. */
inline std::size_t piece_end(std::string_view t, std::size_t target, std::size_t slack) {
  const std::size_t stop = std::min(t.size(), target + slack);
  for (std::size_t i = target; i < stop; ++i)
    if (t[i] == '\n') return i + 1;
  for (std::size_t i = target; i + 3 <= stop; ++i)
    if (t[i] == '\xE3' && t[i + 1] == '\x80' && t[i + 2] == '\x82') return i + 3;
  std::size_t i = std::min(target, t.size());
  while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0u) == 0x80u) ++i;
  return i;
}

}  // namespace detail

/**
 * `zhscan metrics` over `in` in pieces with context margins, into `out`. False on a read
 * error (message in `err`); stops early when `out` fails.
 */
inline bool stream_metrics(input_file& in, output& out, std::string_view tag_path,
                           const stream_sizes& sz, std::size_t& bytes, std::string& err) {
  const std::string head = detail::line_head(tag_path);
  window_buffer wb(in);
  std::string text_out;
  std::vector<detail::metric_line> lines, prev;  // prev: the last window's lines
  std::string prev_text;                          // the text `prev` views
  std::size_t from = 0;                           // piece start (absolute)
  std::size_t printed = 0;                        // metrics printed so far
  const std::size_t window = std::max<std::size_t>(sz.window, 64);
  while (out.ok()) {
    std::size_t margin = std::max<std::size_t>(sz.margin, 64);
    // the piece [from, to): to after a line end near from + window
    if (!wb.fill(from + window + window / 4 + 4 * margin + 64, err)) return false;
    std::size_t to;
    {
      const std::size_t ws = std::max(wb.base(), from);
      const std::string_view t = wb.view(ws, wb.end());
      if (wb.eof() && wb.end() <= from + window + window / 4) to = wb.end();
      else to = ws + detail::piece_end(t, from + window - ws, window / 4);
    }
    for (int attempt = 0;; ++attempt) {
      const std::size_t ws = from > margin ? from - margin : 0;  // >= wb.base(): 4 margins kept
      const std::size_t we = std::min(wb.end(), to + margin);
      text_out.clear();
      cli_metrics(wb.view(ws, we), text_out);
      if (!detail::parse_metric_lines(text_out, ws, lines)) {
        err = "zhscan: internal error: unexpected metrics output";
        return false;
      }
      // the cut at `from`: the metrics within margin/2 of it agree with the last window's
      if (from == 0 || attempt == 2) break;
      const std::size_t half = sz.margin / 2, lo = from - std::min(from, half), hi = from + half;
      std::size_t ia = 0, ib = 0;
      while (ia < prev.size() && prev[ia].start < lo) ++ia;
      while (ib < lines.size() && lines[ib].start < lo) ++ib;
      bool agree = true;
      for (; agree; ++ia, ++ib) {
        const bool ea = ia == prev.size() || prev[ia].start >= hi;
        const bool eb = ib == lines.size() || lines[ib].start >= hi;
        if (ea || eb) {
          agree = ea && eb;
          break;
        }
        agree = detail::same_metric(prev[ia], lines[ib]);
      }
      if (agree) break;
      margin *= 2;  // not in step yet: scan again with more context
      ++stream_retries();
    }
    std::string& o = out.buffer();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const detail::metric_line& m = lines[i];
      if (m.start < from || m.start >= to) continue;
      o += head;
      o += "\"start\":";
      json_uint(o, m.start);
      o += ",\"end\":";
      json_uint(o, m.end);
      o += m.rest;
      o += ",\"change_from\":";
      if (m.change_back == 0) o += "null";
      else json_uint(o, printed - m.change_back);
      o += "}\n";
      ++printed;
      if (o.size() >= (std::size_t(1) << 20)) out.flush_if_full();
    }
    prev.swap(lines);
    prev_text.swap(text_out);  // prev's views point into prev_text
    out.flush_if_full();
    if (to >= wb.end() && wb.eof()) break;
    from = to;
    // keep 4 margins of context before the next piece (for a wider retry)
    const std::size_t keep = from > 4 * sz.margin ? from - 4 * sz.margin : 0;
    wb.drop_before(keep);
  }
  bytes = wb.end();
  return true;
}

namespace detail {

/** Reads [off, off + n) of `fd` (less at its end) into `out`; 0 or an errno. */
inline int pread_range(int fd, std::size_t off, std::size_t n, std::string& out) {
  out.resize(n);
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd, &out[got], n - got, static_cast<off_t>(off + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return errno;
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  out.resize(got);
  return 0;
}

/** One piece [from, to) of a file and the metrics lines of its window. */
struct piece {
  std::size_t from = 0, to = 0;
  std::string text;  // cli_metrics output of the window; `lines` view it
  std::vector<metric_line> lines;
  int error = 0;
  bool done = false;
};

/** Cut k of a file of `size` bytes in pieces of about `w`: 0, then after the first line end
 *  (else full stop, else character start) at or after k*w (within 16 KiB), then `size`. */
inline int piece_cut(int fd, std::size_t size, std::size_t w, std::size_t k, std::size_t& cut) {
  const std::size_t target = k * w;
  if (k == 0 || target >= size) {
    cut = k == 0 ? 0 : size;
    return 0;
  }
  const std::size_t slack = std::min<std::size_t>(w / 4, 16384);
  char tmp[16384 + 4];
  std::size_t got = 0;
  while (got < slack + 4) {
    const ssize_t r = ::pread(fd, tmp + got, slack + 4 - got, static_cast<off_t>(target + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return errno;
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  cut = std::min(size, target + piece_end(std::string_view(tmp, got), 0, slack));
  return 0;
}

/** Scans the window of piece [from, to) with `margin` bytes of context each side. */
inline void scan_piece(int fd, std::size_t size, std::size_t margin, piece& p) {
  const std::size_t ws = p.from > margin ? p.from - margin : 0;
  const std::size_t we = std::min(size, p.to + margin);
  static thread_local std::string buf;  // one read buffer per thread, reused
  p.text.clear();
  if ((p.error = pread_range(fd, ws, we - ws, buf)) != 0) return;
  cli_metrics(buf, p.text);
  if (!parse_metric_lines(p.text, ws, p.lines)) p.error = EPROTO;
}

/** Whether the metrics starting within `half` bytes of `cut` are the same in a and b. */
inline bool agree_at(const std::vector<metric_line>& a, const std::vector<metric_line>& b,
                     std::size_t cut, std::size_t half) {
  const std::size_t lo = cut - std::min(cut, half), hi = cut + half;
  std::size_t ia = 0, ib = 0;
  while (ia < a.size() && a[ia].start < lo) ++ia;
  while (ib < b.size() && b[ib].start < lo) ++ib;
  for (;; ++ia, ++ib) {
    const bool ea = ia == a.size() || a[ia].start >= hi;
    const bool eb = ib == b.size() || b[ib].start >= hi;
    if (ea || eb) return ea && eb;
    if (!same_metric(a[ia], b[ib])) return false;
  }
}

}  // namespace detail

/**
 * `zhscan metrics` over a regular file of `size` bytes (open as `fd`) in pieces of about one
 * window, on `jobs` threads, printed in order into `out`: the same pieces, checks and output
 * for every `jobs` (and the same output as the whole-input form). False on a read error.
 */
inline bool stream_metrics_file(int fd, std::size_t size, unsigned jobs, output& out,
                                std::string_view tag_path, const stream_sizes& sz,
                                std::string& err, const std::string& path) {
  const std::string head = detail::line_head(tag_path);
  const std::size_t w = std::max<std::size_t>(sz.window, 64);
  const std::size_t count = std::max<std::size_t>(1, (size + w - 1) / w);
  const std::size_t slots = 2 * static_cast<std::size_t>(std::max(1u, jobs));
  std::vector<detail::piece> ring(slots);
  std::mutex mu;
  std::condition_variable cv;
  std::size_t next = 0, taken = 0;  // next piece to hand out; pieces taken by the writer
  bool stop = false;
  auto make = [&](std::size_t k, detail::piece& p) {
    p.lines.clear();
    p.error = detail::piece_cut(fd, size, w, k, p.from);
    if (!p.error) p.error = detail::piece_cut(fd, size, w, k + 1, p.to);
    if (!p.error) detail::scan_piece(fd, size, std::max<std::size_t>(sz.margin, 64), p);
  };
  auto worker = [&] {
    for (;;) {
      std::size_t k;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stop || next >= count || next < taken + slots; });
        if (stop || next >= count) return;
        k = next++;
      }
      detail::piece p;
      make(k, p);
      std::lock_guard<std::mutex> lock(mu);
      ring[k % slots] = std::move(p);
      ring[k % slots].done = true;
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  if (jobs > 1)
    for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
  detail::piece prev, cur;
  std::size_t printed = 0;
  int error = 0;
  for (std::size_t k = 0; k < count && out.ok(); ++k) {
    if (jobs > 1) {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return ring[k % slots].done; });
      cur = std::move(ring[k % slots]);
      ring[k % slots] = detail::piece();
      taken = k + 1;
      cv.notify_all();
    } else {
      make(k, cur);
    }
    // the cut at cur.from: scan again with more context until both sides agree near it
    std::size_t margin = std::max<std::size_t>(sz.margin, 64);
    for (int attempt = 0; k > 0 && !cur.error && attempt < 2 &&
                          !detail::agree_at(prev.lines, cur.lines, cur.from, sz.margin / 2);
         ++attempt) {
      margin *= 2;
      ++stream_retries();
      detail::scan_piece(fd, size, margin, cur);
    }
    if (cur.error) {
      error = cur.error;
      break;
    }
    std::string& o = out.buffer();
    for (const detail::metric_line& m : cur.lines) {
      if (m.start < cur.from || m.start >= cur.to) continue;
      o += head;
      o += "\"start\":";
      json_uint(o, m.start);
      o += ",\"end\":";
      json_uint(o, m.end);
      o += m.rest;
      o += ",\"change_from\":";
      if (m.change_back == 0) o += "null";
      else json_uint(o, printed - m.change_back);
      o += "}\n";
      ++printed;
      if (o.size() >= (std::size_t(1) << 20)) out.flush_if_full();
    }
    out.flush_if_full();
    std::swap(prev, cur);
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
    cv.notify_all();
  }
  for (std::thread& t : pool) t.join();
  if (error) {
    err = "zhscan: cannot read " + path + ": " +
          (error == EPROTO ? std::string("internal error: unexpected metrics output") : std::strerror(error));
    return false;
  }
  return true;
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_STREAM_HPP
