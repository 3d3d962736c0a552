// SPDX-License-Identifier: MIT
// Tests of include/zhscan/chunk.hpp: heading-path chunks. Original text written for these
// tests; the invariants are also checked on random bytes and, when ZHSCAN_SHARED_DIR (the
// variable, else the macro) names a folder with corpus/*.txt, on every corpus document.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/chunk.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/outline.hpp"
#include "zhscan/section.hpp"
#include "zhscan/utf8.hpp"

namespace {

using zhscan::byte_span;
using zhscan::chunk;
using zhscan::marker;
using zhscan::npos;
using zhscan::section;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Break characters as the header comment lists them (UTF-8).
const std::string_view line_ends[] = {"\n", "\r", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"};
const std::string_view fw_ends[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9B"};
const std::string_view closers[] = {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99",
                                    "\xE3\x80\x89", "\xE3\x80\x8B", "\xE3\x80\x8D", "\xE3\x80\x8F",
                                    "\xE3\x80\x91", "\xE3\x80\x95", "\xE3\x80\x97", "\xEF\xBC\x89",
                                    "\xEF\xBC\xBD"};

// Strips one trailing item of `list` from `s`; true if it did.
template <std::size_t N>
bool strip_one(std::string_view& s, const std::string_view (&list)[N]) {
  for (std::string_view e : list)
    if (ends_with(s, e)) {
      s.remove_suffix(e.size());
      return true;
    }
  return false;
}

// True when `body` holds a break character (a line end, a full-width sentence end, or an
// ASCII one followed by white space).
bool holds_break(std::string_view body) {
  for (std::string_view e : line_ends)
    if (body.find(e) != std::string_view::npos) return true;
  for (std::string_view e : fw_ends)
    if (body.find(e) != std::string_view::npos) return true;
  for (std::size_t i = 0; i + 1 < body.size(); ++i) {
    const char c = body[i], d = body[i + 1];
    if ((c == '.' || c == '!' || c == '?' || c == ';') &&
        (d == ' ' || d == '\t' || d == '\v' || d == '\f'))
      return true;
  }
  return false;
}

// Every invariant of the header comment, on `text` with limit `max`.
void check_chunks(std::string_view text, std::size_t max) {
  std::vector<marker> ms;
  zhscan::find_markers(text, ms);
  std::vector<section> secs;
  zhscan::outline(text, ms, secs);
  std::vector<chunk> cs;
  zhscan::find_chunks(text, ms, secs, max, cs);

  // the lazy range gives the same chunks
  std::vector<chunk> lazy;
  for (const chunk& c : zhscan::chunks(text, ms, secs, max)) lazy.push_back(c);
  REQUIRE(lazy.size() == cs.size());
  for (std::size_t i = 0; i < cs.size(); ++i) {
    CHECK(lazy[i].span == cs[i].span);
    CHECK(lazy[i].section == cs[i].section);
  }

  // character boundaries of the decoding from the start of the text
  std::vector<bool> boundary(text.size() + 1, false);
  for (std::size_t p = 0; p < text.size();) {
    boundary[p] = true;
    p += zhscan::utf8::decode(text.data() + p, text.data() + text.size()).length;
  }
  boundary[text.size()] = true;
  std::vector<bool> section_start(text.size() + 1, false);
  for (const marker& m : ms) section_start[m.span.start] = true;

  if (text.empty()) CHECK(cs.empty());
  std::size_t pos = 0;
  std::vector<byte_span> path;
  for (const chunk& c : cs) {
    INFO("chunk [" << c.span.start << ", " << c.span.end << ") of " << text.size()
                   << " bytes, max " << max);
    REQUIRE(c.span.start == pos);  // tiling
    REQUIRE(c.span.end > c.span.start);
    REQUIRE(c.span.end <= text.size());
    pos = c.span.end;
    CHECK(boundary[c.span.start]);
    CHECK(boundary[c.span.end]);
    // one innermost section, none starting inside
    CHECK(c.section == zhscan::section_at(ms, secs, c.span.start));
    for (std::size_t x = c.span.start + 1; x < c.span.end; ++x) REQUIRE_FALSE(section_start[x]);
    // the cut: the end of the text, a section start, or after a break (and closing marks)
    std::string_view piece = c.span.in(text);
    const bool at_section = c.span.end == text.size() || section_start[c.span.end];
    if (!at_section) {
      std::string_view t = piece;
      bool ok = strip_one(t, line_ends);
      if (!ok) {
        while (strip_one(t, closers)) {
        }
        const std::size_t before = t.size();
        while (strip_one(t, fw_ends) || (!t.empty() && (t.back() == '.' || t.back() == '!' ||
                                                        t.back() == '?' || t.back() == ';') &&
                                         (t.remove_suffix(1), true))) {
          while (strip_one(t, closers)) {
          }
        }
        ok = t.size() < before;
      }
      CHECK(ok);
    }
    // the size: at most max, unless the chunk is one sentence (no break before its end)
    if (c.span.size() > max) {
      std::string_view body = piece;
      if (c.section != npos && ms[secs[c.section].marker].span.start == c.span.start)
        body.remove_prefix(ms[secs[c.section].marker].span.size());  // never cut in a marker
      // the final break: a line end, the closing marks and sentence ends before it
      if (strip_one(body, line_ends) && ends_with(body, "\r")) body.remove_suffix(1);
      while (strip_one(body, closers) || strip_one(body, fw_ends) ||
             (!body.empty() && (body.back() == '.' || body.back() == '!' ||
                                body.back() == '?' || body.back() == ';') &&
              (body.remove_suffix(1), true))) {
      }
      CHECK_FALSE(holds_break(body));
    }
    // the path: top level down to the chunk's own section
    zhscan::heading_path(ms, secs, c.section, path);
    if (c.section == npos) {
      CHECK(path.empty());
    } else {
      REQUIRE_FALSE(path.empty());
      CHECK(path.back() == zhscan::heading_label(ms, secs, c.section));
      std::size_t depth = 0;
      for (std::size_t s = c.section; s != npos; s = secs[s].parent) ++depth;
      CHECK(path.size() == depth);
      for (const byte_span& h : path) {
        CHECK(h.end <= text.size());
        CHECK(h.start < h.end);
        CHECK(h.start <= c.span.start);  // the chunk's section or an ancestor
      }
    }
  }
  CHECK(pos == text.size());
}

std::vector<std::string> spans_of(std::string_view text, std::size_t max) {
  std::vector<marker> ms;
  zhscan::find_markers(text, ms);
  std::vector<section> secs;
  zhscan::outline(text, ms, secs);
  std::vector<std::string> out;
  for (const chunk& c : zhscan::chunks(text, ms, secs, max)) out.emplace_back(c.span.in(text));
  check_chunks(text, max);
  return out;
}

// A second, plain implementation of the rules (quadratic, by decoded characters): the
// candidates of a stretch first, then the choice among them.
struct cand {
  std::size_t start, mid, end;  // mid: end of the sentence part (== end unless a line end follows)
  bool para;
};

bool is_line_end(char32_t u) { return u == U'\n' || u == U'\r' || u == 0x85 || u == 0x2028 || u == 0x2029; }
bool is_fw_end(char32_t u) { return u == 0x3002 || u == 0xFF01 || u == 0xFF1F || u == 0xFF1B; }
bool is_ascii_end(char32_t u) { return u == U'.' || u == U'!' || u == U'?' || u == U';'; }
bool is_closer(char32_t u) {
  switch (u) {
    case U'"': case U'\'': case U')': case U']': case 0x201D: case 0x2019: case 0x3009: case 0x300B:
    case 0x300D: case 0x300F: case 0x3011: case 0x3015: case 0x3017: case 0xFF09: case 0xFF3D:
      return true;
    default:
      return false;
  }
}

std::vector<cand> candidates(std::string_view t, std::size_t a, std::size_t b) {
  auto dec = [&](std::size_t p, char32_t& u) {
    const zhscan::utf8::decoded d = zhscan::utf8::decode(t.data() + p, t.data() + b);
    u = d.valid ? d.cp : 0xFFFD;
    return d.length;
  };
  std::vector<cand> out;
  std::size_t p = a;
  while (p < b) {
    char32_t u;
    const std::size_t len = dec(p, u);
    if (is_line_end(u)) {
      std::size_t e = p + len;
      if (u == U'\r' && e < b && t[e] == '\n') ++e;
      out.push_back({p, e, e, true});
      p = e;
      continue;
    }
    if (is_fw_end(u) || is_ascii_end(u)) {
      std::size_t q = p + len;
      for (;;) {  // the run of ends and closers
        if (q >= b) break;
        char32_t v;
        const std::size_t l2 = dec(q, v);
        if (!(is_fw_end(v) || is_ascii_end(v) || is_closer(v))) break;
        q += l2;
      }
      if (is_ascii_end(u) && q < t.size()) {
        const char c = t[q];
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')) {
          p += len;
          continue;
        }
      }
      if (q < b) {
        char32_t v;
        std::size_t l2 = dec(q, v);
        if (is_line_end(v)) {
          if (v == U'\r' && q + 1 < b && t[q + 1] == '\n') l2 = 2;
          out.push_back({p, q, q + l2, true});
          p = q + l2;
          continue;
        }
      }
      out.push_back({p, q, q, false});
      p = q;
      continue;
    }
    p += len;
  }
  return out;
}

std::vector<byte_span> reference_chunks(std::string_view t, const std::vector<marker>& ms,
                                        std::size_t max) {
  std::vector<byte_span> out;
  std::vector<std::size_t> cuts{0};
  for (const marker& m : ms)
    if (m.span.start > 0) cuts.push_back(m.span.start);
  cuts.push_back(t.size());
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const std::size_t a = cuts[k], b = cuts[k + 1];
    if (a >= b) continue;
    std::size_t from = a;
    for (const marker& m : ms)
      if (m.span.start == a) from = m.span.end;
    const std::vector<cand> cs = candidates(t, from, b);
    std::size_t pos = a;
    while (pos < b) {
      std::size_t end = b;
      if (b - pos > max) {
        const std::size_t limit = pos + max;
        std::size_t best_para = 0, best_sent = 0;
        cand first{0, 0, 0, false};
        bool have_first = false;
        for (cand c : cs) {
          if (c.start < pos && c.end > pos && c.para && c.mid <= pos)
            c = cand{pos, c.end, c.end, true};  // the line end left after a cut at its sentence
          if (c.start < pos) continue;
          if (!have_first) first = c, have_first = true;
          if (c.end <= limit) (c.para ? best_para : best_sent) = c.end;
        }
        if (best_para) end = best_para;
        else if (best_sent) end = best_sent;
        else if (have_first) end = first.mid <= limit ? first.mid : first.end;
      }
      out.push_back({pos, end});
      pos = end;
    }
  }
  return out;
}

using strings = std::vector<std::string>;

// Short original sentences (each 3 ideographs + full stop = 12 bytes).
const std::string s1 = "\u6295\u5165\u5927\u3002";  // tou ru da.
const std::string s2 = "\u6548\u679C\u597D\u3002";  // xiao guo hao.
const std::string s3 = "\u7EE7\u7EED\u5E72\u3002";  // ji xu gan.

}  // namespace

TEST_CASE("chunks: one per section when everything fits, paths top down", "[chunk]") {
  const std::string text =
      "\u524D\u8A00\u3002\n"                                // preface
      "\u4E00\u3001\u603B\u4F53\u60C5\u51B5\n" + s1 + "\n"  // yi-dun zong ti qing kuang
      "\uFF08\u4E00\uFF09\u961F\u4F0D\n" + s2 + "\n"        // (yi) dui wu
      "\u4E8C\u3001\u4E0B\u4E00\u6B65\n" + s3 + "\n";       // er-dun xia yi bu
  std::vector<marker> ms;
  zhscan::find_markers(text, ms);
  std::vector<section> secs;
  zhscan::outline(text, ms, secs);
  REQUIRE(ms.size() == 3);
  std::vector<chunk> cs;
  zhscan::find_chunks(text, ms, secs, zhscan::default_chunk_bytes, cs);
  REQUIRE(cs.size() == 4);
  CHECK(cs[0].section == npos);
  CHECK(cs[0].span.in(text) == "\u524D\u8A00\u3002\n");
  CHECK(cs[1].section == 0);
  CHECK(cs[2].section == 1);
  CHECK(cs[3].section == 2);
  CHECK(cs[2].span.in(text) == "\uFF08\u4E00\uFF09\u961F\u4F0D\n" + s2 + "\n");
  std::vector<byte_span> path;
  zhscan::heading_path(ms, secs, cs[2].section, path);
  REQUIRE(path.size() == 2);
  CHECK(path[0].in(text) == "\u4E00\u3001\u603B\u4F53\u60C5\u51B5");
  CHECK(path[1].in(text) == "\uFF08\u4E00\uFF09\u961F\u4F0D");
  check_chunks(text, zhscan::default_chunk_bytes);
  check_chunks(text, 1);
  // every chunk is one section however small, even with a huge limit
  CHECK(spans_of(text, npos).size() == 4);
}

TEST_CASE("chunks: whole paragraphs first, then whole sentences", "[chunk]") {
  // three paragraphs of 2 sentences (24 bytes + LF = 25 bytes each), no markers
  const std::string p1 = s1 + s2 + "\n", p2 = s2 + s3 + "\n", p3 = s3 + s1 + "\n";
  const std::string text = p1 + p2 + p3;
  CHECK(spans_of(text, 75) == strings{text});
  CHECK(spans_of(text, 74) == strings{p1 + p2, p3});
  CHECK(spans_of(text, 50) == strings{p1 + p2, p3});
  CHECK(spans_of(text, 49) == strings{p1, p2, p3});
  CHECK(spans_of(text, 25) == strings{p1, p2, p3});
  // a paragraph does not fit: as many whole sentences as fit
  CHECK(spans_of(text, 37) == strings{p1, p2, p3});
  // a sentence end before a line end ends the paragraph: no chunk starts with that line end
  CHECK(spans_of(text, 24) == strings{s1, s2 + "\n", s2, s3 + "\n", s3, s1 + "\n"});
  CHECK(spans_of(text, 13) == strings{s1, s2 + "\n", s2, s3 + "\n", s3, s1 + "\n"});
  // a paragraph end beats a later sentence end within the limit
  const std::string q = s1 + "\n" + s2 + s3 + s1 + s2;  // 13 + 48 bytes
  CHECK(spans_of(q, 40) == strings{s1 + "\n", s2 + s3 + s1, s2});
}

TEST_CASE("chunks: a sentence longer than the limit is kept whole", "[chunk]") {
  std::string longs;
  for (int i = 0; i < 40; ++i) longs += "\u5B57";  // 120 bytes without a break
  longs += "\u3002";
  const std::string text = s1 + longs + s2;
  CHECK(spans_of(text, 50) == strings{s1, longs, s2});
  CHECK(spans_of(text, 1) == strings{s1, longs, s2});
  CHECK(spans_of(text, 0) == strings{s1, longs, s2});  // 0: one sentence per chunk
  // no break at all: the whole text
  std::string nobreak;
  for (int i = 0; i < 100; ++i) nobreak += "\u8BCD\uFF0C";  // commas do not break
  CHECK(spans_of(nobreak, 10) == strings{nobreak});
  // never inside a character: a limit that falls inside one
  CHECK(spans_of(s1 + s2, 13) == strings{s1, s2});
  CHECK(spans_of(s1 + s2, 11) == strings{s1, s2});
}

TEST_CASE("chunks: sentence ends, closing marks, ASCII ends, line ends", "[chunk]") {
  const std::string quoted = "\u4ED6\u8BF4\uFF1A\u201C\u597D\u3002\u201D";  // ta shuo: "hao."
  CHECK(spans_of(quoted + s1, 14) == strings{quoted, s1});
  const std::string bang = "\u771F\u597D\uFF01\uFF1F";  // zhen hao!?
  CHECK(spans_of(bang + s1, 10) == strings{bang, s1});
  const std::string semi = "\u4E00\u662F\u5EFA\uFF1B";  // semicolon ends a sentence too
  CHECK(spans_of("\u603B\u91CF\uFF1B" + s1, 12) == strings{"\u603B\u91CF\uFF1B", s1});
  // ASCII: a dot before white space ends a sentence, inside a number or a name it does not
  CHECK(spans_of("Pi is 3.14 here. Next one.", 20) == strings{"Pi is 3.14 here.", " Next one."});
  CHECK(spans_of("see example.com now", 5) == strings{"see example.com now"});
  CHECK(spans_of("He said \"go.\" Then", 14) == strings{"He said \"go.\"", " Then"});
  CHECK(spans_of("a? b! c; d.", 3) == strings{"a?", " b!", " c;", " d."});
  // CR LF stays whole; CR alone and U+2028 are line ends
  CHECK(spans_of(s1 + "\r\n" + s2 + "\r\n", 15) == strings{s1 + "\r\n", s2 + "\r\n"});
  CHECK(spans_of(s1 + "\r\n" + s2, 13) == strings{s1, "\r\n", s2});  // the line end does not fit
  CHECK(spans_of(s1 + "\r\n" + s2, 14) == strings{s1 + "\r\n", s2});
  CHECK(spans_of("ab\rcd\ref", 3) == strings{"ab\r", "cd\r", "ef"});
  CHECK(spans_of("ab\u2028cd\u2029ef", 6) == strings{"ab\u2028", "cd\u2029", "ef"});
  (void)semi;
}

TEST_CASE("chunks: never cut inside the marker a chunk starts with", "[chunk]") {
  // "1. " ends no sentence although a dot and a space follow each other
  const std::string text = "1. \u57F9\u8BAD\u5DE5\u4F5C\n" + s1 + "\n2. \u8003\u6838\n" + s2 + "\n";
  std::vector<marker> ms;
  zhscan::find_markers(text, ms);
  REQUIRE(ms.size() == 2);
  const strings got = spans_of(text, 2);
  REQUIRE_FALSE(got.empty());
  CHECK(starts_with(got[0], "1. \u57F9\u8BAD\u5DE5\u4F5C\n"));
  for (const std::string& g : got) CHECK(g != "1.");
}

TEST_CASE("chunks: ill-formed UTF-8, NUL and control bytes", "[chunk]") {
  const std::string bad[] = {
      std::string("\xE4\xB8\xE3\x80\x82\xFF\n\x00\xC2\x85x", 12),
      std::string("\xF0\xE3\x80\x82\x80\x80\xE2\x80\xA8\xED\xA0\x80\xEF\xBC\x81", 16),
      "\xE3\x80",  // a truncated full stop is no sentence end
      std::string("\x00\x00\x00", 3),
      "\r",
      "",
  };
  for (const std::string& b : bad)
    for (std::size_t max : {std::size_t(0), std::size_t(1), std::size_t(3), std::size_t(2000)})
      check_chunks(b, max);
  CHECK(spans_of("\xE3\x80", 0) == strings{"\xE3\x80"});
  CHECK(spans_of(std::string("\xF0\xE3\x80\x82z", 5), 1) ==
        strings{std::string("\xF0\xE3\x80\x82", 4), "z"});
}

TEST_CASE("chunks: invariants on random bytes and random report pieces", "[chunk]") {
  std::uint64_t st = 0x1234567ull;
  auto next = [&st]() {
    std::uint64_t z = (st += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  const char* const pieces[] = {
      "\u4E00\u3001", "\u4E8C\u3001", "\uFF08\u4E00\uFF09", "\uFF08\u4E8C\uFF09", "1.", "2.",
      "\uFF081\uFF09", "\u2460", "\u4E00\u662F", "\u4E8C\u662F", "\u7B2C\u4E00\u7AE0",
      "\u5DE5\u4F5C", "\u63A8\u8FDB", "465\u4E07\u5143", "\u3002", "\uFF01", "\uFF1B", "\uFF0C",
      "\u201D", "\n", "\r\n", " ", ". ", "\u3000", "abc", "\xE3\x80", "\xFF", "\u2028"};
  for (int round = 0; round < 400; ++round) {
    std::string t;
    const std::size_t n = next() % 400;
    if (round % 3 == 0) {
      for (std::size_t i = 0; i < n; ++i) t.push_back(static_cast<char>(next() & 0xFF));
    } else {
      for (std::size_t i = 0; i < n; ++i) t += pieces[next() % (sizeof pieces / sizeof *pieces)];
    }
    const std::size_t max = next() % 64;
    check_chunks(t, max);
    // the same chunks as the plain implementation of the rules
    std::vector<marker> ms;
    zhscan::find_markers(t, ms);
    std::vector<section> secs;
    zhscan::outline(t, ms, secs);
    std::vector<chunk> cs;
    zhscan::find_chunks(t, ms, secs, max, cs);
    const std::vector<byte_span> ref = reference_chunks(t, ms, max);
    INFO("round " << round << ", max " << max);
    for (std::size_t i = 0; i < cs.size() && i < ref.size(); ++i) {
      if (cs[i].span != ref[i]) {
        std::string ctx;
        for (std::size_t x = ref[i].start; x < ref[i].end + 12 && x < t.size(); ++x) {
          char h[8];
          std::snprintf(h, sizeof h, "%02x ", static_cast<unsigned char>(t[x]));
          ctx += h;
        }
        FAIL_CHECK("chunk " << i << ": [" << cs[i].span.start << "," << cs[i].span.end << ") vs reference ["
                   << ref[i].start << "," << ref[i].end << ") bytes " << ctx);
        break;
      }
    }
    REQUIRE(cs.size() == ref.size());
  }
}

TEST_CASE("chunks: invariants on the shared corpus", "[chunk]") {
  std::string dir;
  if (const char* env = std::getenv("ZHSCAN_SHARED_DIR")) dir = env;
#ifdef ZHSCAN_SHARED_DIR
  if (dir.empty()) dir = ZHSCAN_SHARED_DIR;
#endif
  std::error_code ec;
  const std::filesystem::path corpus = std::filesystem::path(dir) / "corpus";
  if (dir.empty() || !std::filesystem::is_directory(corpus, ec)) {
    WARN("no shared corpus: chunk invariants on it skipped");
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(corpus, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::size_t checked = 0;
  for (const auto& f : files) {
    std::FILE* fp = std::fopen(f.string().c_str(), "rb");
    REQUIRE(fp != nullptr);
    std::string text;
    char buf[1 << 16];
    std::size_t got;
    while ((got = std::fread(buf, 1, sizeof buf, fp)) > 0) text.append(buf, got);
    std::fclose(fp);
    INFO(f.filename().string());
    check_chunks(text, zhscan::default_chunk_bytes);
    check_chunks(text, 300);
    ++checked;
  }
  CHECK(checked == files.size());
}
