// SPDX-License-Identifier: MIT
// Inputs shared by every zhscan benchmark (tokenizer, markers, metrics).
//
//   corpus_text()     every .txt of ZHSCAN_SHARED_DIR/corpus concatenated (one '\n' between
//                     documents) and repeated to >= 32 MB; generated_text() when absent
//   generated_text()  >= 32 MB of deterministic, original report-like text (Han prose,
//                     outline markers, quantities, CJK punctuation, some ASCII)
//   mixed_text()      >= 32 MB, same generator with much more ASCII (English words, codes)
//   repeat_to(p, n)   `p` repeated to exactly n bytes (adversarial inputs)
//   generate_report(n, seed, ascii_share)  the generator itself
// The shared directory is the environment variable ZHSCAN_SHARED_DIR if set, else the macro
// ZHSCAN_SHARED_DIR (the build defines it), else none. Results are built once and cached.
#ifndef ZHSCAN_BENCH_BENCH_DATA_HPP
#define ZHSCAN_BENCH_BENCH_DATA_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zhscan_bench {

/** Minimum size of the benchmark inputs. */
inline constexpr std::size_t min_bench_bytes = std::size_t(32) << 20;

namespace data_detail {

// two- to four-character report vocabulary (develop, build, advance, work, economy, ...)
inline constexpr const char* words[] = {
    "\u53D1\u5C55", "\u5EFA\u8BBE", "\u63A8\u8FDB", "\u5DE5\u4F5C", "\u7ECF\u6D4E",
    "\u793E\u4F1A", "\u9879\u76EE", "\u5B8C\u6210", "\u6295\u8D44", "\u589E\u957F",
    "\u540C\u6BD4", "\u5168\u5E74", "\u5168\u5E02", "\u5168\u53BF", "\u4F01\u4E1A",
    "\u670D\u52A1", "\u6539\u9769", "\u521B\u65B0", "\u6C11\u751F", "\u4FDD\u969C",
    "\u7BA1\u7406", "\u843D\u5B9E", "\u52A0\u5F3A", "\u63D0\u5347", "\u5B9E\u65BD",
    "\u5F00\u5C55", "\u7EC4\u7EC7", "\u7FA4\u4F17", "\u57FA\u5C42", "\u515A\u5EFA",
    "\u5B89\u5168", "\u751F\u4EA7", "\u73AF\u5883", "\u6CBB\u7406", "\u6559\u80B2",
    "\u533B\u7597", "\u536B\u751F", "\u6587\u5316", "\u65C5\u6E38", "\u519C\u4E1A",
    "\u519C\u6751", "\u4E61\u6751", "\u632F\u5174", "\u4EA7\u4E1A", "\u56ED\u533A",
    "\u4EA4\u901A", "\u6C34\u5229", "\u57CE\u5E02", "\u66F4\u65B0", "\u5C31\u4E1A",
    "\u6536\u5165", "\u8D22\u653F", "\u7A0E\u6536", "\u9884\u7B97", "\u8D44\u91D1",
    "\u653F\u7B56", "\u5236\u5EA6", "\u673A\u5236", "\u4F53\u7CFB", "\u80FD\u529B",
    "\u6C34\u5E73", "\u8D28\u91CF", "\u6548\u76CA", "\u89C4\u6A21", "\u7ED3\u6784",
    "\u91CD\u70B9", "\u4EFB\u52A1", "\u76EE\u6807", "\u6307\u6807", "\u8BA1\u5212",
    "\u65B9\u6848", "\u63AA\u65BD", "\u6210\u6548", "\u95EE\u9898", "\u56F0\u96BE",
    "\u98CE\u9669", "\u9690\u60A3", "\u6574\u6539", "\u76D1\u7763", "\u68C0\u67E5",
    "\u8003\u6838", "\u8BC4\u4F30", "\u57F9\u8BAD", "\u4EBA\u624D", "\u961F\u4F0D",
    "\u4F5C\u98CE", "\u7EAA\u5F8B", "\u5EC9\u653F", "\u6CD5\u6CBB", "\u8425\u5546",
    "\u5E02\u573A", "\u4E3B\u4F53", "\u62DB\u5546", "\u5F15\u8D44", "\u5916\u8D38",
    "\u51FA\u53E3", "\u6D88\u8D39", "\u96F6\u552E", "\u56FA\u5B9A\u8D44\u4EA7",
    "\u57FA\u7840\u8BBE\u65BD", "\u516C\u5171\u670D\u52A1", "\u751F\u6001", "\u6C61\u67D3",
    "\u9632\u6CBB", "\u7EFF\u8272", "\u4F4E\u78B3", "\u8282\u80FD", "\u51CF\u6392",
    "\u6570\u5B57", "\u4FE1\u606F\u5316", "\u5E73\u53F0", "\u7CFB\u7EDF", "\u6570\u636E",
    "\u79D1\u6280", "\u7814\u53D1", "\u4E13\u5229", "\u6210\u679C", "\u8F6C\u5316",
    "\u5408\u4F5C", "\u4EA4\u6D41", "\u4F1A\u8BAE", "\u6587\u4EF6", "\u7CBE\u795E",
    "\u90E8\u7F72", "\u8981\u6C42", "\u7EDF\u7B79", "\u534F\u8C03", "\u63A8\u52A8",
    "\u6DF1\u5316", "\u5DE9\u56FA", "\u62D3\u5C55", "\u4F18\u5316", "\u5B8C\u5584",
    "\u5065\u5168", "\u5F3A\u5316", "\u624E\u5B9E", "\u7A33\u6B65", "\u6301\u7EED",
    "\u79EF\u6781", "\u6709\u6548", "\u5168\u9762", "\u8FDB\u4E00\u6B65", "\u660E\u663E",
    "\u663E\u8457", "\u7D2F\u8BA1", "\u65B0\u589E", "\u5B9E\u73B0", "\u8FBE\u5230",
    "\u8D85\u8FC7", "\u8986\u76D6", "\u60E0\u53CA", "\u5176\u4E2D", "\u4EE5\u53CA",
    "\u540C\u65F6", "\u901A\u8FC7", "\u56F4\u7ED5", "\u6309\u7167", "\u6839\u636E",
    "\u575A\u6301", "\u805A\u7126", "\u7740\u529B", "\u4E0D\u65AD", "\u5207\u5B9E",
    "\u6709\u529B", "\u6709\u5E8F", "\u5706\u6EE1",
};

// single-character function words and measure words (de, le, he, yu, zai, ...)
inline constexpr const char* connectives[] = {
    "\u7684", "\u4E86", "\u548C", "\u4E0E", "\u5728", "\u5BF9", "\u4E3A", "\u5C06", "\u53CA",
    "\u7B49", "\u662F", "\u6709", "\u628A", "\u5411", "\u4ECE", "\u4E2D", "\u4E0A", "\u4E0B",
    "\u5E74", "\u6708", "\u65E5", "\u4E2A", "\u9879", "\u5BB6", "\u6237", "\u4EBA", "\u6B21",
    "\u6240", "\u5EA7", "\u6761",
};

// units after a number (wan yuan, yi yuan, yuan, wan ren, ... , ge baifendian)
inline constexpr const char* units[] = {
    "\u4E07\u5143", "\u4EBF\u5143", "\u5143", "\u4E07\u4EBA", "\u4EBA", "\u4EBA\u6B21",
    "\u6237", "\u5BB6", "\u4E2A", "\u9879", "\u6240", "\u5EA7", "\u516C\u91CC", "\u5343\u7C73",
    "\u5E73\u65B9\u7C73", "\u4E07\u5E73\u65B9\u7C73", "\u4EA9", "\u4E07\u4EA9", "\u5428",
    "\u4E07\u5428", "\u5343\u74E6\u65F6", "\u8F86", "\u5957", "\u4EF6", "\u500D",
    "\u4E2A\u767E\u5206\u70B9",
};

// yi .. shi, 1..10
inline constexpr const char* han_digits[] = {
    "\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D", "\u4E03", "\u516B", "\u4E5D",
    "\u5341",
};

// duo, yu: 'more than' after a number
inline constexpr const char* approx_words[] = {
    "\u591A", "\u4F59",
};


/** splitmix64: small, fast, deterministic on every platform. */
struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) { return a[below(N)]; }
};

inline constexpr const char* ascii_terms[] = {"GDP", "CPI", "PM2.5", "5G", "AI", "PPP", "APP",
                                              "ETC", "VR", "IPO", "R&D", "ISO9001", "EPC"};
inline constexpr const char* english[] = {
    "the", "project", "report", "annual", "growth", "rate", "investment", "service",
    "data", "platform", "city", "county", "of", "and", "in", "for", "total", "new",
    "digital", "green", "index", "quality", "target", "review", "plan", "system"};
// full-width comma, ideographic full stop, enumeration comma, full-width semicolon
inline constexpr const char* clause_punct[] = {"\uFF0C", "\uFF0C", "\uFF0C", "\u3001", "\uFF1B"};

inline void append_number(std::string& out, rng& r) {
  const std::size_t form = r.below(10);
  char buf[48];
  if (form < 5) {
    std::snprintf(buf, sizeof buf, "%u", static_cast<unsigned>(r.below(form < 2 ? 100 : 100000)));
  } else if (form < 8) {
    std::snprintf(buf, sizeof buf, "%u.%02u", static_cast<unsigned>(r.below(1000)),
                  static_cast<unsigned>(r.below(100)));
  } else if (form < 9) {
    std::snprintf(buf, sizeof buf, "%u", static_cast<unsigned>(2000 + r.below(30)));
    out += buf;
    out += "\u5E74";  // nian, year
    return;
  } else {
    // full-width digits, as some converters emit them (fullwidth 0 is U+FF10)
    const unsigned v = static_cast<unsigned>(1 + r.below(99));
    std::snprintf(buf, sizeof buf, "%u", v);
    for (const char* p = buf; *p; ++p) {
      const unsigned cp = 0xFF10u + static_cast<unsigned>(*p - '0');
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return;
  }
  out += buf;
}

inline void append_quantity(std::string& out, rng& r) {
  const std::size_t form = r.below(12);
  if (form < 6) {
    append_number(out, r);
    if (r.chance(15)) out += r.pick(approx_words);
    out += r.pick(units);
  } else if (form < 8) {
    append_number(out, r);
    out += r.chance(70) ? "%" : "\uFF05";  // ASCII or full-width percent
  } else if (form < 9) {
    out += "\u767E\u5206\u4E4B";  // baifenzhi, "percent of"
    out += han_digits[r.below(9)];
    out += "\u5341";  // shi, 10
  } else if (form < 10) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%u:%u", static_cast<unsigned>(r.below(100)),
                  static_cast<unsigned>(r.below(100)));
    out += buf;
  } else if (form < 11) {
    char buf[32];
    const unsigned a = static_cast<unsigned>(1 + r.below(9));
    std::snprintf(buf, sizeof buf, "%u\u2014%u", a, a + 1);  // em dash range
    out += buf;
    out += r.pick(units);
  } else {
    out += r.pick(han_digits);
    out += r.pick(connectives);
  }
}

inline void append_clause(std::string& out, rng& r, unsigned ascii_share) {
  const std::size_t n = 2 + r.below(5);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t what = r.below(100);
    if (what < 55) {
      out += r.pick(words);
    } else if (what < 75) {
      out += r.pick(connectives);
    } else if (what < 86) {
      append_quantity(out, r);
    } else if (what < 86 + ascii_share / 4) {
      out += r.pick(ascii_terms);
    } else if (what < 90) {
      const std::size_t q = r.below(3);
      if (q == 0) {
        out += "\u201C";  // left double quotation mark
        out += r.pick(words);
        out += "\u201D";
      } else if (q == 1) {
        out += "\u300A";  // left double angle bracket (book title)
        out += r.pick(words);
        out += r.pick(words);
        out += "\u300B";
      } else {
        out += "\uFF08";  // full-width parentheses
        out += r.pick(words);
        out += "\uFF09";
      }
    } else {
      out += r.pick(words);
    }
  }
  if (ascii_share > 0 && r.chance(ascii_share)) {
    const std::size_t m = 2 + r.below(8);
    out += ' ';
    for (std::size_t i = 0; i < m; ++i) {
      out += r.pick(english);
      out += ' ';
    }
  }
}

inline void append_heading(std::string& out, rng& r, unsigned counters[4]) {
  const std::size_t level = r.below(6);
  char buf[32];
  switch (level) {
    case 0:
      out += han_digits[counters[0]++ % 10];
      out += "\u3001";  // enumeration comma
      break;
    case 1:
      out += "\uFF08";
      out += han_digits[counters[1]++ % 10];
      out += "\uFF09";
      break;
    case 2:
      std::snprintf(buf, sizeof buf, "%u.", ++counters[2] % 20 + 1);
      out += buf;
      break;
    case 3:
      std::snprintf(buf, sizeof buf, "\uFF08%u\uFF09", ++counters[3] % 20 + 1);
      out += buf;
      break;
    case 4: {
      const unsigned cp = 0x2460u + static_cast<unsigned>(r.below(10));  // circled digits
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      break;
    }
    default:
      out += "\u7B2C";  // di (ordinal prefix)
      out += r.pick(han_digits);
      out += "\u7AE0";  // zhang, chapter
      out += "\u3000";  // ideographic space
      break;
  }
  out += r.pick(words);
  out += r.pick(words);
  if (r.chance(50)) out += r.pick(words);
}

}  // namespace data_detail

/**
 * Appends about `bytes` bytes (stops at the first paragraph end past it) of original
 * report-like text to `out`, deterministic for a given seed. `ascii_share` (0..100) raises
 * the amount of ASCII terms and English word runs.
 */
inline void generate_report(std::string& out, std::size_t bytes, std::uint64_t seed,
                            unsigned ascii_share = 10) {
  using namespace data_detail;
  rng r{seed};
  unsigned counters[4] = {0, 0, 0, 0};
  const std::size_t target = out.size() + bytes;
  while (out.size() < target) {
    if (r.chance(30)) {
      append_heading(out, r, counters);
      out += '\n';
    }
    const std::size_t sentences = 1 + r.below(5);
    for (std::size_t s = 0; s < sentences; ++s) {
      const std::size_t clauses = 1 + r.below(4);
      for (std::size_t c = 0; c < clauses; ++c) {
        if (c) out += r.pick(clause_punct);
        append_clause(out, r, ascii_share);
      }
      out += "\u3002";  // ideographic full stop
    }
    out += r.chance(3) ? "\r\n" : "\n";
  }
}

/** `pattern` repeated and cut to exactly `n` bytes ("" for an empty pattern). */
inline std::string repeat_to(std::string_view pattern, std::size_t n) {
  std::string s;
  if (pattern.empty()) return s;
  s.reserve(n);
  while (s.size() + pattern.size() <= n) s.append(pattern.data(), pattern.size());
  s.append(pattern.data(), n - s.size());
  return s;
}

/** The shared data directory ("" when neither the variable nor the macro is set). */
inline std::string shared_dir() {
  if (const char* env = std::getenv("ZHSCAN_SHARED_DIR")) {
    if (*env) return env;
  }
#ifdef ZHSCAN_SHARED_DIR
  return ZHSCAN_SHARED_DIR;
#else
  return std::string();
#endif
}

/** Contents of every .txt file in <shared_dir>/corpus, sorted by file name; empty if none. */
inline std::vector<std::string> corpus_documents() {
  std::vector<std::string> docs;
  const std::string dir = shared_dir();
  if (dir.empty()) return docs;
  std::error_code ec;
  const std::filesystem::path p = std::filesystem::path(dir) / "corpus";
  if (!std::filesystem::is_directory(p, ec)) return docs;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(p, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::FILE* fp = std::fopen(f.string().c_str(), "rb");
    if (!fp) continue;
    std::string text;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) text.append(buf, n);
    std::fclose(fp);
    docs.push_back(std::move(text));
  }
  return docs;
}

/** >= 32 MB of generated report-like text (deterministic; built once). */
inline const std::string& generated_text() {
  static const std::string text = [] {
    std::string s;
    s.reserve(min_bench_bytes + 4096);
    generate_report(s, min_bench_bytes, 20240601, 10);
    return s;
  }();
  return text;
}

/** >= 32 MB of generated text with much more ASCII (deterministic; built once). */
inline const std::string& mixed_text() {
  static const std::string text = [] {
    std::string s;
    s.reserve(min_bench_bytes + 4096);
    generate_report(s, min_bench_bytes, 7, 60);
    return s;
  }();
  return text;
}

/** True when the shared corpus has at least one document. */
inline bool corpus_available() {
  static const bool ok = !corpus_documents().empty();
  return ok;
}

/**
 * The shared corpus concatenated ('\n' between documents) and repeated to >= 32 MB;
 * generated_text() when the corpus is absent. Built once.
 */
inline const std::string& corpus_text() {
  static const std::string text = [] {
    const std::vector<std::string> docs = corpus_documents();
    if (docs.empty()) return generated_text();
    std::string once;
    for (const std::string& d : docs) {
      once += d;
      if (!once.empty() && once.back() != '\n') once += '\n';
    }
    std::string s;
    s.reserve(min_bench_bytes + once.size());
    while (s.size() < min_bench_bytes) s += once;
    return s;
  }();
  return text;
}

}  // namespace zhscan_bench

#endif  // ZHSCAN_BENCH_BENCH_DATA_HPP
