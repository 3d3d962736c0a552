// SPDX-License-Identifier: MIT
// One large input file on N threads: `metrics` in parts merged in order, `markers` straight
// into the output buffer. The output is byte for byte that of the whole-input commands
// (cli_metrics, cli_markers) for every N, the "section" field included.
//
// metrics of a regular file of `size` bytes, mapped read-only:
//  1. the outline: find_markers over the whole file (marker levels depend on all of it). A
//     metric's section is the start of the last marker at or before it (section.hpp: one
//     section per marker, in text order), so only the markers' start offsets are kept. With
//     N > 1 this runs as one task beside the parts' tasks.
//  2. parts [from, to): cut after the first line end at or after k * part (a line end ends a
//     sentence for the change pass, change.hpp: no change record, level or indicator reaches
//     across it), else after a full stop, else at a character start. Each part is scanned
//     (find_metrics, find_changes) with `margin` bytes of context on both sides and writes
//     the JSON lines of the metrics starting within margin/2 of it, in three segments around
//     the two fields that need the whole input: "change_from" (an index into all metrics,
//     kept as a distance back) and "section".
//  3. the writer takes the parts in order, checks that the metrics within margin/2 of each
//     cut are the same seen from both sides (else scans the part again with four times the
//     context, up to three times), and prints the lines starting inside each part with both
//     fields filled in.
// Memory: the mapping (the page cache's pages), the markers' starts, and the JSON of the parts
// done ahead of the writer (about 1.1 bytes per input byte; up to 128 MB of input's worth while
// the markers are being found with -j 2 or more, then 2 parts per thread).
//
// markers of a regular file: mapped, find_markers, each line written into the output buffer,
// which is flushed as it fills (no whole-output string).
//
// ZHSCAN_CLI_PART=BYTES (>= 64) sets the part size and the size from which a file takes
// these paths (default 1 MiB parts, files over 2 MiB), for tests. ZHSCAN_CLI_STATS (set)
// prints the threads' CPU times of `metrics` on stderr.
#ifndef ZHSCAN_EXAMPLES_CLI_PARALLEL_HPP
#define ZHSCAN_EXAMPLES_CLI_PARALLEL_HPP

#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "cli_common.hpp"
#include "cli_io.hpp"
#include "cli_markers.hpp"
#include "cli_metrics.hpp"
#include "zhscan/change.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/utf8.hpp"

namespace zhscan_cli {
namespace par {

/** Part size, context margin and the size from which a file is processed here. */
struct part_sizes {
  std::size_t part = std::size_t(1) << 20;
  std::size_t margin = std::size_t(8) << 10;
  std::size_t threshold = std::size_t(2) << 20;
};

inline part_sizes part_settings() {
  part_sizes s;
  if (const char* w = std::getenv("ZHSCAN_CLI_PART")) {
    const unsigned long long v = std::strtoull(w, nullptr, 10);
    if (v >= 64) {
      s.part = static_cast<std::size_t>(v);
      s.margin = std::max<std::size_t>(s.part / 8, 64);
      s.threshold = s.part;
    }
  }
  return s;
}

/** A regular file mapped read-only (the whole of it). */
class mapped_file {
 public:
  mapped_file() = default;
  mapped_file(const mapped_file&) = delete;
  mapped_file& operator=(const mapped_file&) = delete;
  ~mapped_file() {
    if (data_) ::munmap(data_, size_);
  }
  /** Maps `size` bytes of `fd`; 0 or an errno. */
  int map(int fd, std::size_t size) {
    if (size == 0) return 0;
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) return errno;
    data_ = p;
    size_ = size;
    ::madvise(p, size, MADV_SEQUENTIAL);
    return 0;
  }
  std::string_view view() const noexcept {
    return data_ ? std::string_view(static_cast<const char*>(data_), size_) : std::string_view();
  }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

/** Where part k ends (k >= 1): after the first line end at or after k * part (within part/4,
 *  at most 64 KiB), else after a full stop (U+3002) there, else at the next character start. */
inline std::size_t cut_at(std::string_view t, std::size_t target, std::size_t part) {
  if (target >= t.size()) return t.size();
  const std::size_t stop = std::min(t.size(), target + std::min<std::size_t>(part / 4, 65536));
  if (const void* nl = std::memchr(t.data() + target, '\n', stop - target))
    return static_cast<std::size_t>(static_cast<const char*>(nl) - t.data()) + 1;
  for (std::size_t i = target; i + 3 <= stop; ++i)
    if (t[i] == '\xE3' && t[i + 1] == '\x80' && t[i + 2] == '\x82') return i + 3;
  std::size_t i = target;
  while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0u) == 0x80u) ++i;
  return i;
}

/** One metric's JSON line in a part's text: [b, cf) up to and with "change_from":, [cf, sec)
 *  up to and with "section":, [sec, e) the rest with the newline. */
struct line {
  std::size_t start = 0, end = 0;  ///< absolute byte offsets of the metric
  std::size_t back = 0;            ///< this metric's index minus change_from's; 0 for null
  std::size_t b = 0, cf = 0, sec = 0, e = 0;
};

struct part {
  std::size_t from = 0, to = 0;
  json_buf json;
  std::vector<line> lines;
  bool bad = false;  ///< change_from not before its metric: not expected from the library
  bool done = false;
};

/** Reused per thread: the scan's vectors. */
struct scratch {
  std::vector<zhscan::metric> ms;
  std::vector<zhscan::metric_change> cs;
  std::string unit;
};

/** Scans part p of `text` with `margin` bytes of context each side. */
inline void scan_part(std::string_view text, std::size_t margin, part& p, scratch& s) {
  const std::size_t ws = p.from > margin ? p.from - margin : 0;
  const std::size_t we = std::min(text.size(), p.to + margin);
  const std::string_view w = text.substr(ws, we - ws);
  // the window's characters (a margin may cut one): declared valid for json_string
  std::size_t vb = 0, ve = w.size();
  while (vb < ve && (static_cast<unsigned char>(w[vb]) & 0xC0u) == 0x80u) ++vb;
  if (we < text.size())
    while (ve > vb && (static_cast<unsigned char>(text[ws + ve]) & 0xC0u) == 0x80u) --ve;
  if (zhscan::utf8::validate(w.substr(vb, ve - vb)).ok()) p.json.set_valid_text(w.substr(vb, ve - vb));
  else p.json.set_valid_text({});
  zhscan::find_metrics(w, s.ms);
  zhscan::find_changes(w, s.ms, s.cs);
  const std::size_t half = margin / 2;
  const std::size_t lo = p.from - std::min(p.from, half), hi = p.to + half;
  p.json.clear();
  p.lines.clear();
  // room for the part's JSON (about 1.1 bytes per input byte) at once: no copies as it grows,
  // and new storage faulted in by one call rather than page by page
  if (p.json.reserve((hi - lo) + (hi - lo) / 4 + 4096)) {
#ifdef MADV_POPULATE_WRITE
    const std::uintptr_t pg = 4096, b = (reinterpret_cast<std::uintptr_t>(p.json.data()) + pg - 1) & ~(pg - 1);
    const std::uintptr_t e = (reinterpret_cast<std::uintptr_t>(p.json.data()) + (hi - lo)) & ~(pg - 1);
    if (e > b) ::madvise(reinterpret_cast<void*>(b), e - b, MADV_POPULATE_WRITE);
#endif
  }
  p.bad = false;
  for (std::size_t i = 0; i < s.ms.size(); ++i) {
    const zhscan::metric& m = s.ms[i];
    const std::size_t start = ws + m.span.start;
    if (start < lo) continue;
    if (start >= hi) break;
    line l;
    l.start = start;
    l.end = ws + m.span.end;
    if (m.change_from != zhscan::npos) {
      if (m.change_from >= i) p.bad = true;
      else l.back = i - m.change_from;
    }
    l.b = p.json.size();
    metric_line(
        w, ws, s.ms, s.cs, i, p.json, s.unit, [&](json_buf& o, std::size_t) { l.cf = o.size(); },
        [&](json_buf& o, std::size_t) { l.sec = o.size(); });
    l.e = p.json.size();
    p.lines.push_back(l);
  }
}

inline bool same_line(const part& pa, const line& a, const part& pb, const line& b) {
  const std::string_view x = pa.json.view(), y = pb.json.view();
  return a.start == b.start && a.end == b.end && a.back == b.back &&
         x.substr(a.b, a.e - a.b) == y.substr(b.b, b.e - b.b);
}

/** Whether the metrics starting within `half` bytes of `cut` are the same in a and b. */
inline bool agree_at(const part& a, const part& b, std::size_t cut, std::size_t half) {
  const std::size_t lo = cut - std::min(cut, half), hi = cut + half;
  std::size_t ia = 0, ib = 0;
  while (ia < a.lines.size() && a.lines[ia].start < lo) ++ia;
  while (ib < b.lines.size() && b.lines[ib].start < lo) ++ib;
  for (;; ++ia, ++ib) {
    const bool ea = ia == a.lines.size() || a.lines[ia].start >= hi;
    const bool eb = ib == b.lines.size() || b.lines[ib].start >= hi;
    if (ea || eb) return ea && eb;
    if (!same_line(a, a.lines[ia], b, b.lines[ib])) return false;
  }
}

/** `{"file":"path",` (or `{`): the start of every output line. */
inline std::string line_head(std::string_view tag_path) {
  std::string h = "{";
  if (!tag_path.empty()) {
    h += "\"file\":";
    json_string(h, tag_path);
    h.push_back(',');
  }
  return h;
}

/** CPU seconds of the calling thread (for ZHSCAN_CLI_STATS). */
inline double thread_cpu() noexcept {
  timespec ts{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/** The start offsets of the markers of `text`, in text order. */
inline void marker_starts(std::string_view text, std::vector<std::size_t>& starts) {
  std::vector<zhscan::marker> mk;
  mk.reserve(text.size() / 64 + 1024);  // address space only: no copy as it fills
  zhscan::find_markers(text, mk);
  starts.resize(mk.size());
  for (std::size_t i = 0; i < mk.size(); ++i) starts[i] = mk[i].span.start;
}

}  // namespace par

/**
 * `zhscan metrics` over the regular file open as `fd` (`size` bytes by fstat) on `jobs`
 * threads, into `out` (each line headed by a "file" field when `tag_path` is not empty).
 * False with a message in `err` when the file cannot be mapped; stops early when `out` fails.
 */
inline bool parallel_metrics_file(int fd, std::size_t size, unsigned jobs, output& out,
                                  std::string_view tag_path, std::string& err, const std::string& path) {
  const par::part_sizes sz = par::part_settings();
  par::mapped_file file;
  if (const int e = file.map(fd, size)) {
    err = "zhscan: cannot read " + path + ": " + std::strerror(e);
    return false;
  }
  const std::string_view text = file.view();
  const std::string head = par::line_head(tag_path);
  const std::size_t count = std::max<std::size_t>(1, (text.size() + sz.part - 1) / sz.part);
  std::vector<std::size_t> cuts(count + 1);
  for (std::size_t k = 1; k < count; ++k) cuts[k] = std::max(cuts[k - 1], par::cut_at(text, k * sz.part, sz.part));
  cuts[count] = text.size();

  std::vector<std::size_t> starts;  // the markers' starts (the sections)
  jobs = std::max(1u, jobs);
  // Parts done ahead of the writer: while one thread finds the markers (a third of the work
  // in one cold pass over a large file) the others run ahead by up to `far` parts, 128 MB of
  // input (enough to keep a second thread busy that long on a 256 MB file); after that by 2
  // per thread, so that the buffers in use stay few and warm (a free list, last freed first).
  const std::size_t near = 2 * static_cast<std::size_t>(jobs);
  const std::size_t far = std::max(near, (std::size_t(128) << 20) / sz.part);
  std::vector<std::unique_ptr<par::part>> done(jobs > 1 ? count : 0), spare;
  std::mutex mu;
  std::condition_variable cv;
  bool markers_taken = false, markers_done = false, stop = false;
  std::size_t next = 0, taken = 0;
  // ZHSCAN_CLI_STATS: each thread's CPU time on stderr (how evenly -j N spreads the work)
  const bool stats = std::getenv("ZHSCAN_CLI_STATS") != nullptr;
  std::vector<double> worker_cpu;
  double markers_cpu = 0;
  auto worker = [&] {
    par::scratch s;
    struct on_exit {
      decltype(mu)& m;
      std::vector<double>& v;
      bool on;
      ~on_exit() {
        if (!on) return;
        const double c = par::thread_cpu();
        std::lock_guard<std::mutex> lock(m);
        v.push_back(c);
      }
    } record{mu, worker_cpu, stats};
    for (;;) {
      std::size_t k = 0;
      bool do_markers = false;
      std::unique_ptr<par::part> p;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] {
          return stop || !markers_taken || next >= count || next < taken + (markers_done ? near : far);
        });
        if (stop) return;
        if (!markers_taken) {
          markers_taken = do_markers = true;
        } else {
          if (next >= count) return;
          k = next++;
          if (!spare.empty()) {
            p = std::move(spare.back());
            spare.pop_back();
          }
        }
      }
      if (do_markers) {
        std::vector<std::size_t> st;
        const double c0 = stats ? par::thread_cpu() : 0;
        par::marker_starts(text, st);
        if (stats) markers_cpu = par::thread_cpu() - c0;
        std::lock_guard<std::mutex> lock(mu);
        starts.swap(st);
        markers_done = true;
        cv.notify_all();
        continue;
      }
      if (!p) p.reset(new par::part);
      p->from = cuts[k];
      p->to = cuts[k + 1];
      par::scan_part(text, sz.margin, *p, s);
      std::lock_guard<std::mutex> lock(mu);
      done[k] = std::move(p);
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  if (jobs > 1) {
    for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return markers_done; });
  } else {
    const double c0 = stats ? par::thread_cpu() : 0;
    par::marker_starts(text, starts);
    if (stats) markers_cpu = par::thread_cpu() - c0;
  }

  par::scratch s;
  std::unique_ptr<par::part> prev(new par::part), cur(new par::part);
  std::size_t printed = 0, sp = 0;  // metrics printed; markers at or before the last one
  bool bad = false;
  for (std::size_t k = 0; k < count && out.ok(); ++k) {
    if (jobs > 1) {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return done[k] != nullptr; });
      spare.push_back(std::move(cur));  // the buffers of the part before last
      cur = std::move(done[k]);
      taken = k + 1;
      cv.notify_all();
    } else {
      cur->from = cuts[k];
      cur->to = cuts[k + 1];
      par::scan_part(text, sz.margin, *cur, s);
    }
    // the cut at cur.from: scan again with more context until both sides agree near it
    std::size_t margin = sz.margin;
    for (int attempt = 0; k > 0 && attempt < 3 && !par::agree_at(*prev, *cur, cur->from, sz.margin / 2);
         ++attempt) {
      margin *= 4;
      par::scan_part(text, margin, *cur, s);
    }
    if ((bad = cur->bad)) break;
    std::string& o = out.buffer();
    const char* j = cur->json.data();
    for (const par::line& l : cur->lines) {
      if (l.start < cur->from) continue;
      if (l.start >= cur->to) break;
      o += head;
      o.append(j + l.b + 1, l.cf - l.b - 1);
      if (l.back > printed) {
        bad = true;
        break;
      }
      if (l.back == 0) o += "null";
      else json_uint(o, printed - l.back);
      o.append(j + l.cf, l.sec - l.cf);
      while (sp < starts.size() && starts[sp] <= l.start) ++sp;
      if (sp == 0) o += "null";
      else json_uint(o, starts[sp - 1]);
      o.append(j + l.sec, l.e - l.sec);
      ++printed;
      if (o.size() >= (std::size_t(1) << 20)) out.flush_if_full();
    }
    if (bad) break;
    out.flush_if_full();
    std::swap(prev, cur);
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = true;
    cv.notify_all();
  }
  for (std::thread& t : pool) t.join();
  if (stats) {
    std::fprintf(stderr, "zhscan: %zu parts, markers %.3f s CPU; writer thread %.3f s CPU; workers:", count,
                 markers_cpu, par::thread_cpu());
    for (const double c : worker_cpu) std::fprintf(stderr, " %.3f", c);
    std::fprintf(stderr, " s CPU\n");
  }
  if (bad) {
    err = "zhscan: internal error in " + path + ": change_from out of order";
    return false;
  }
  return true;
}

/**
 * `zhscan markers` over the regular file open as `fd` (`size` bytes), written into `out` as
 * the lines are made. False with a message in `err` when the file cannot be mapped.
 */
inline bool markers_file(int fd, std::size_t size, output& out, std::string_view tag_path,
                         std::string& err, const std::string& path) {
  par::mapped_file file;
  if (const int e = file.map(fd, size)) {
    err = "zhscan: cannot read " + path + ": " + std::strerror(e);
    return false;
  }
  const std::string_view text = file.view();
  std::vector<zhscan::marker> ms;
  ms.reserve(text.size() / 64 + 1024);  // address space only: no copy as it fills
  zhscan::find_markers(text, ms);
  const std::string head = par::line_head(tag_path);
  for (std::size_t i = 0; i < ms.size() && out.ok(); ++i) {
    std::string& o = out.buffer();
    const std::size_t at = o.size();
    marker_line(text, ms, i, o);
    if (head.size() > 1) o.insert(at + 1, head, 1, std::string::npos);
    out.flush_if_full();
  }
  return true;
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_PARALLEL_HPP
