// SPDX-License-Identifier: MIT
// Every SIMD path available on this machine (AVX2 and AVX-512 on x86-64, NEON on aarch64)
// against the scalar path, on short, long and adversarial text built here: the UTF-8
// validator, the tokenizer, the marker prefilter (find_markers) and the metric trigger
// prefilter (trigger_cursor and find_metrics). Inputs are also shifted by 0..63 bytes so
// that every character and error meets every position of a 16/32/64-byte block.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "zhscan/list_marker.hpp"
#include "zhscan/metric.hpp"
#include "zhscan/tokenize.hpp"
#include "zhscan/utf8.hpp"

namespace {

using zhscan::simd_level;

/** The SIMD levels this machine runs (each compared with scalar). */
std::vector<simd_level> vector_levels() {
  std::vector<simd_level> v;
  for (simd_level lv : {simd_level::avx2, simd_level::avx512, simd_level::neon})
    if (zhscan::detail::effective_simd_level(lv) == lv) v.push_back(lv);
  return v;
}

// Fragments of report-like text, markers and numbers, and bytes that stress the kernels:
// ill-formed sequences (overlong, surrogate, truncated, stray continuation), 4-byte
// characters, CR LF, NUL, Latin-1, other scripts.
const char* const fragments[] = {
    "一、", "（二）", "第三章", "3.", "12)", "iv.", "(a)", "【四】", "① ", "⑵", "Ⅻ",
    "增长", "百分之十二", "同比增长8.5%", "营业收入12.3亿元", "约三千万吨", "，", "。", "、",
    "“", "”", "：", "；", "——", "…", "１２３", "ＡＢ", "ab", "GDP", "2024年", " ", "\t",
    "\r\n", "\n", "\r", "\xC2\xA0", "é", "\xCE\xB1\xCE\xB2", "\xD0\x96", "\xE0\xB8\x81",
    "\xF0\x9F\x98\x80", "\xF0\xA0\x80\x80", "\xFF", "\xC0\x80", "\xED\xA0\x80", "\xE4\xB8",
    "\x80", "\xBF\xBF", "\xF4\x90\x80\x80", "\xE0\x9F\xBF", "\xC2", "" /* NUL */,
    "两千", "万", "亿", "〇", "〔五〕", "ⅱ", "＜", "ｚ", "×", "·", "\xE2\x80\xA8", "\xC2\x85",
};

struct rng {
  std::uint64_t s;
  std::uint32_t next() {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(s >> 33);
  }
};

std::string random_text(rng& r, std::size_t bytes) {
  const std::size_t nf = sizeof(fragments) / sizeof(fragments[0]);
  std::string s;
  while (s.size() < bytes) {
    const std::uint32_t k = r.next() % (nf + 6);
    if (k < nf) {
      const std::string_view f = fragments[k];
      if (f.empty()) s.push_back('\0');  // the NUL fragment
      else s += f;
    } else {
      s += "经济运行总体平稳";  // plain Han runs, most of Chinese text
    }
  }
  s.resize(bytes);  // may cut a character: an ill-formed tail
  return s;
}

std::vector<zhscan::token> tokens_at(std::string_view s, simd_level lv) {
  zhscan::token_columns c;
  zhscan::tokenize(s, c, lv);
  std::vector<zhscan::token> v;
  for (std::size_t i = 0; i < c.size(); ++i) v.push_back(c[i]);
  return v;
}

void compare_paths(const std::string& s, simd_level lv) {
  INFO("level " << int(lv) << ", " << s.size() << " bytes");
  const zhscan::utf8::validate_result vr = zhscan::utf8::validate(s, simd_level::scalar);
  const zhscan::utf8::validate_result vs = zhscan::utf8::validate(s, lv);
  CHECK(vs.ec == vr.ec);
  CHECK(vs.error_offset == vr.error_offset);
  CHECK(tokens_at(s, lv) == tokens_at(s, simd_level::scalar));

  std::vector<zhscan::marker> ma, mb;
  zhscan::find_markers(s, ma, nullptr, simd_level::scalar);
  zhscan::find_markers(s, mb, nullptr, lv);
  REQUIRE(mb.size() == ma.size());
  for (std::size_t i = 0; i < ma.size(); ++i) {
    CHECK(mb[i].span == ma[i].span);
    CHECK(mb[i].level == ma[i].level);
    CHECK(mb[i].ordinal == ma[i].ordinal);
  }

  const char* b = s.data();
  const char* e = b + s.size();
  zhscan::detail::trigger_cursor cur(b, e, lv);
  std::size_t differ = 0;
  for (const char* p = b;;) {
    const char* t = zhscan::detail::next_trigger_scalar(p, e);
    if (cur.next(p) != t) ++differ;
    if (t >= e) break;
    p = t + 1;
  }
  CHECK(differ == 0);

  std::vector<zhscan::metric> xa, xb;
  zhscan::find_metrics(s, xa, simd_level::scalar);
  zhscan::find_metrics(s, xb, lv);
  REQUIRE(xb.size() == xa.size());
  for (std::size_t i = 0; i < xa.size(); ++i) {
    CHECK(xb[i].span == xa[i].span);
    CHECK(xb[i].unit == xa[i].unit);
    CHECK((xb[i].value == xa[i].value || (std::isnan(xb[i].value) && std::isnan(xa[i].value))));
  }
}

}  // namespace

TEST_CASE("SIMD paths equal scalar on short adversarial text", "[simd]") {
  const std::vector<simd_level> levels = vector_levels();
  if (levels.empty()) WARN("no SIMD path on this machine or build: nothing to compare");
  rng r{20261207};
  for (std::size_t len = 0; len <= 300; len += 1 + len / 16) {
    const std::string s = random_text(r, len);
    for (simd_level lv : levels) compare_paths(s, lv);
  }
}

TEST_CASE("SIMD paths equal scalar at every block offset", "[simd]") {
  const std::vector<simd_level> levels = vector_levels();
  rng r{7};
  const std::string body = random_text(r, 3000);
  for (std::size_t shift = 0; shift < 64; ++shift) {
    const std::string s = std::string(shift, 'x') + body;
    for (simd_level lv : levels) compare_paths(s, lv);
  }
}

TEST_CASE("SIMD paths equal scalar on long text", "[simd]") {
  const std::vector<simd_level> levels = vector_levels();
  rng r{99};
  std::string s = random_text(r, 200000);
  for (simd_level lv : levels) compare_paths(s, lv);
  // Well-formed only (the kernels' fast paths, not their scalar fallbacks).
  std::string clean;
  for (int i = 0; i < 3000; ++i)
    clean += "一、总体要求\r\n2024年营业收入12.3亿元，同比增长8.5%。（二）主要任务：推进“十四五”规划，Ⅻ ① ａｂ１２。\n";
  for (simd_level lv : levels) compare_paths(clean, lv);
  CHECK(zhscan::utf8::validate(clean).ok());
}
