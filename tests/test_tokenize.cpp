// SPDX-License-Identifier: MIT
// Tests of include/zhscan/tokenize.hpp: every kind, line breaks, ill-formed input, the lazy
// range, the bulk forms, the tiling invariant, SIMD == scalar, and no allocation per token.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <iterator>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "zhscan/tokenize.hpp"

// ---- allocation counter (replaces the global operator new of this test program) --------
namespace {
std::atomic<std::size_t> g_news{0};
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
  g_news.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
#if defined(__cpp_exceptions)
  throw std::bad_alloc();
#else
  std::abort();
#endif
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  g_news.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

using zhscan::simd_level;
using zhscan::token;
using zhscan::token_kind;

const simd_level all_levels[] = {simd_level::scalar, simd_level::avx2, simd_level::avx512,
                                 simd_level::neon, simd_level::best};

std::vector<token> lazy_tokens(std::string_view s) {
  std::vector<token> v;
  for (const token& t : zhscan::tokens(s)) v.push_back(t);
  return v;
}

std::vector<token> column_tokens(std::string_view s, simd_level lv) {
  zhscan::token_columns c;
  zhscan::tokenize(s, c, lv);
  REQUIRE(c.offsets()[c.size()] == s.size());
  std::vector<token> v;
  for (std::size_t i = 0; i < c.size(); ++i) v.push_back(c[i]);
  return v;
}

std::vector<token> array_tokens(std::string_view s, std::size_t cap, simd_level lv) {
  std::vector<std::size_t> off(cap);
  std::vector<token_kind> kinds(cap);
  std::vector<token> v;
  std::size_t base = 0;
  std::string_view rest = s;
  while (!rest.empty()) {
    const zhscan::columns_result r = zhscan::tokenize_columns(rest, off.data(), kinds.data(), cap, lv);
    REQUIRE(r.count <= cap);
    REQUIRE((r.count > 0 || r.consumed == rest.size()));
    for (std::size_t i = 0; i < r.count; ++i) {
      const std::size_t end = i + 1 < r.count ? off[i + 1] : r.consumed;
      v.push_back(token{base + off[i], end - off[i], kinds[i]});
    }
    base += r.consumed;
    rest.remove_prefix(r.consumed);
  }
  return v;
}

// Tiling: contiguous, non-empty, inside the input, covering it exactly.
void check_tiling(std::string_view s, const std::vector<token>& v) {
  std::size_t at = 0;
  std::string joined;
  for (const token& t : v) {
    REQUIRE(t.offset == at);
    REQUIRE(t.length > 0);
    REQUIRE(t.end() <= s.size());
    joined += t.text(s);
    at = t.end();
  }
  REQUIRE(at == s.size());
  REQUIRE(joined == s);
}

// Every API and level gives the lazy range's tokens, which tile the input.
std::vector<token> tokens_all_ways(std::string_view s) {
  const std::vector<token> ref = lazy_tokens(s);
  check_tiling(s, ref);
  for (simd_level lv : all_levels) {
    REQUIRE(column_tokens(s, lv) == ref);
    std::vector<token> v;
    zhscan::tokenize(s, v, lv);
    REQUIRE(v == ref);
    REQUIRE(array_tokens(s, 1000, lv) == ref);
  }
  REQUIRE(zhscan::tokenize(s) == ref);
  return ref;
}

using expect = std::vector<std::pair<std::string, token_kind>>;

void check_tokens(std::string_view s, const expect& want) {
  INFO(std::string(s));
  const std::vector<token> got = tokens_all_ways(s);
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("token " << i);
    CHECK(std::string(got[i].text(s)) == want[i].first);
    CHECK(zhscan::to_string(got[i].kind) == zhscan::to_string(want[i].second));
  }
  // Also embedded after padding, so the text crosses SIMD block boundaries.
  for (std::size_t pad : {std::size_t(50), std::size_t(62), std::size_t(63), std::size_t(64)}) {
    const std::string padded = std::string(pad, '\x01') + std::string(s) + std::string(80, '\x01');
    tokens_all_ways(padded);
  }
}

struct rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// One fragment of every kind and of every ill-formed class.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> f = {
      "中", "国", "经济", "〇", "々", "\xE4\xB7\x80" /* U+4DC0 symbol */, "a", "Z", "7", "０", "Ａ",
      "ｚ", " ", "\t", "\u3000", "\u00A0", "\n", "\r", "\r\n", "\u2028", "\u0085", "，", "。",
      "、", "：", "；", "（", "）", "“", "”", "—", "…", "·", "《", "》", ",", ".", "%", "％",
      "①", "⑴", "⒈", "㈠", "㊀", "Ⅲ", "ⅻ", "😀", "℃", "￥", "+", "é", "α", "ア", "\u200B",
      std::string("\0", 1), "\xEF\xBF\xBD", "𠀀" /* U+20000 */,
      // ill-formed
      "\x80", "\xBF", "\xC0\x80", "\xC1", "\xC3", "\xE4\xB8", "\xE4", "\xF0\x9F\x98", "\xE0\x80",
      "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5", "\xFF", "\xFE"};
  return f;
}

std::string random_text(rng& r, std::size_t len, unsigned han_percent) {
  const auto& f = fragments();
  std::string s;
  while (s.size() < len) {
    const std::size_t what = r.below(100);
    if (what < han_percent) s += "中";
    else if (what < han_percent + 5) s += "，";
    else s += f[r.below(f.size())];
  }
  return s;
}

}  // namespace

TEST_CASE("which SIMD kernels this machine exercises", "[tokenize]") {
  const simd_level have = zhscan::supported_simd_level();
  if (have == simd_level::scalar) WARN("no AVX2/AVX-512 here: only the scalar path is tested");
  else if (have == simd_level::avx2) WARN("no AVX-512 VBMI2 here: the AVX-512 kernel is not tested");
#if ZHSCAN_NEON_SIMD
  CHECK(have == simd_level::neon);  // aarch64: the NEON kernel is the one under test
#endif
  CHECK(zhscan::detail::effective_simd_level(simd_level::avx2) <= have);
}

TEST_CASE("to_string names every kind exactly", "[tokenize]") {
  const char* names[] = {"han", "ascii_letter", "fullwidth_letter", "ascii_digit",
                         "fullwidth_digit", "space", "newline", "punct", "enclosed_numeral",
                         "roman_numeral", "symbol", "other", "invalid"};
  for (int i = 0; i <= static_cast<int>(token_kind::invalid); ++i)
    CHECK(zhscan::to_string(static_cast<token_kind>(i)) == names[i]);
}

TEST_CASE("classify: one code point of each class", "[tokenize]") {
  using K = token_kind;
  const std::pair<char32_t, K> cases[] = {
      {0x4E00, K::han},     {0x9FFF, K::han},      {0x3400, K::han},   {0x4DBF, K::han},
      {0x3005, K::han},     {0x3007, K::han},      {0xF900, K::han},   {0xFAD9, K::han},
      {0x20000, K::han},    {0x2A700, K::han},     {0x2B740, K::han},  {0x2B820, K::han},
      {0x2CEB0, K::han},    {0x30000, K::han},     {0x31350, K::han},  {0x2EBF0, K::han},
      {0x2F800, K::han},    {0x4DC0, K::symbol},   {'a', K::ascii_letter},
      {'Z', K::ascii_letter}, {0xFF21, K::fullwidth_letter}, {0xFF5A, K::fullwidth_letter},
      {'0', K::ascii_digit}, {0xFF10, K::fullwidth_digit}, {0xFF19, K::fullwidth_digit},
      {' ', K::space},      {'\t', K::space},      {'\v', K::space},   {'\f', K::space},
      {0xA0, K::space},     {0x3000, K::space},    {0x2000, K::space}, {0x200A, K::space},
      {0x202F, K::space},   {0x205F, K::space},    {'\n', K::newline}, {'\r', K::newline},
      {0x85, K::newline},   {0x2028, K::newline},  {0x2029, K::newline},
      {0x3001, K::punct},   {0x3002, K::punct},    {0xFF0C, K::punct}, {0xFF1B, K::punct},
      {0xFF1A, K::punct},   {0xFF1F, K::punct},    {0xFF01, K::punct}, {0x201C, K::punct},
      {0x201D, K::punct},   {0x2018, K::punct},    {0x2019, K::punct}, {0x300A, K::punct},
      {0x300B, K::punct},   {0x3008, K::punct},    {0xFF08, K::punct}, {0xFF09, K::punct},
      {0x3010, K::punct},   {0x3011, K::punct},    {0x3014, K::punct}, {0x3015, K::punct},
      {0x2014, K::punct},   {0x2026, K::punct},    {0xB7, K::punct},   {0xFF05, K::punct},
      {0xFF0B, K::punct},   {'!', K::punct},       {'$', K::punct},    {'+', K::punct},
      {'~', K::punct},      {'%', K::punct},       {0x2030, K::punct},
      {0x2460, K::enclosed_numeral}, {0x2473, K::enclosed_numeral},
      {0x2474, K::enclosed_numeral}, {0x2487, K::enclosed_numeral},
      {0x2488, K::enclosed_numeral}, {0x249B, K::enclosed_numeral},
      {0x3220, K::enclosed_numeral}, {0x3229, K::enclosed_numeral},
      {0x3280, K::enclosed_numeral}, {0x3289, K::enclosed_numeral},
      {0x2776, K::enclosed_numeral}, {0x249C, K::symbol} /* (a) */,
      {0x2160, K::roman_numeral}, {0x216B, K::roman_numeral}, {0x2170, K::roman_numeral},
      {0x217F, K::roman_numeral}, {0x1F600, K::symbol}, {0x2103, K::symbol},
      {0x2264, K::symbol},  {0x25A0, K::symbol},   {0x2605, K::symbol}, {0xFFE5, K::symbol},
      {0x33A1, K::symbol},  {0, K::other},         {0x7F, K::other},   {0x200B, K::other},
      {0xFEFF, K::other},   {0xE9, K::other},      {0x3B1, K::other},  {0x30A2, K::other},
      {0xE000, K::other},   {0x301, K::other},     {0x378, K::other},  {0x10FFFF, K::other},
      {0x110000, K::other}};
  for (const auto& c : cases) {
    INFO("U+" << std::hex << static_cast<std::uint32_t>(c.first));
    CHECK(zhscan::to_string(zhscan::classify(c.first)) == zhscan::to_string(c.second));
  }
}

TEST_CASE("class_of_sequence equals class_of for every code point", "[tokenize]") {
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    zhscan::utf8::append(s, cp);
    const auto d = zhscan::utf8::decode(s, 0);
    REQUIRE(zhscan::detail::class_of_sequence(s.data(), d.length, d.cp) == zhscan::detail::class_of(cp));
  }
}

TEST_CASE("is_han_numeral", "[tokenize]") {
  for (char32_t c : std::u32string(U"零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩貳參陸廿卅"))
    CHECK(zhscan::is_han_numeral(c));
  for (char32_t c : std::u32string(U"中国年月日个元a1０①Ⅰ第")) CHECK_FALSE(zhscan::is_han_numeral(c));
  static_assert(zhscan::is_han_numeral(U'\u4E07'), "wan");
}

TEST_CASE("runs and single-character kinds", "[tokenize]") {
  using K = token_kind;
  check_tokens("", {});
  check_tokens("中华人民共和国", {{"中华人民共和国", K::han}});
  check_tokens("〇々中", {{"〇々中", K::han}});
  check_tokens("abcXYZ123", {{"abcXYZ", K::ascii_letter}, {"123", K::ascii_digit}});
  check_tokens("ＡＢｃ１２３", {{"ＡＢｃ", K::fullwidth_letter}, {"１２３", K::fullwidth_digit}});
  check_tokens(" \t\u3000\u00A0\u2003x", {{" \t\u3000\u00A0\u2003", K::space}, {"x", K::ascii_letter}});
  check_tokens("，，。", {{"，", K::punct}, {"，", K::punct}, {"。", K::punct}});
  check_tokens("①②⑴㈠", {{"①", K::enclosed_numeral}, {"②", K::enclosed_numeral},
                          {"⑴", K::enclosed_numeral}, {"㈠", K::enclosed_numeral}});
  check_tokens("ⅠⅡ", {{"Ⅰ", K::roman_numeral}, {"Ⅱ", K::roman_numeral}});
  check_tokens("😀😀℃", {{"😀", K::symbol}, {"😀", K::symbol}, {"℃", K::symbol}});
  check_tokens("éé", {{"é", K::other}, {"é", K::other}});
  check_tokens(std::string_view("a\0\0b", 4),
               {{"a", K::ascii_letter}, {std::string(1, '\0'), K::other},
                {std::string(1, '\0'), K::other}, {"b", K::ascii_letter}});
}

TEST_CASE("line breaks: one token each, CR LF together", "[tokenize]") {
  using K = token_kind;
  check_tokens("a\r\nb", {{"a", K::ascii_letter}, {"\r\n", K::newline}, {"b", K::ascii_letter}});
  check_tokens("\r\r\n", {{"\r", K::newline}, {"\r\n", K::newline}});
  check_tokens("\n\r", {{"\n", K::newline}, {"\r", K::newline}});
  check_tokens("\n\n", {{"\n", K::newline}, {"\n", K::newline}});
  check_tokens("\r\n\n", {{"\r\n", K::newline}, {"\n", K::newline}});
  check_tokens("\u2028\u2029\u0085", {{"\u2028", K::newline}, {"\u2029", K::newline}, {"\u0085", K::newline}});
  // CR LF split across a SIMD block boundary at every offset
  for (std::size_t pad = 55; pad < 70; ++pad) {
    const std::string s = std::string(pad, 'a') + "\r\n" + std::string(80, 'b');
    const auto v = tokens_all_ways(s);
    REQUIRE(v.size() == 3);
    CHECK(v[1].length == 2);
  }
}

TEST_CASE("ill-formed input: one invalid token per maximal subpart", "[tokenize]") {
  using K = token_kind;
  check_tokens("a\xE4\xB8", {{"a", K::ascii_letter}, {"\xE4\xB8", K::invalid}});
  check_tokens("\xED\xA0\x80", {{"\xED", K::invalid}, {"\xA0", K::invalid}, {"\x80", K::invalid}});
  check_tokens("\xF0\x9F\x98" "中", {{"\xF0\x9F\x98", K::invalid}, {"中", K::han}});
  check_tokens("\xC0\xAF", {{"\xC0", K::invalid}, {"\xAF", K::invalid}});
  check_tokens("\xF4\x90\x80\x80", {{"\xF4", K::invalid}, {"\x90", K::invalid}, {"\x80", K::invalid}, {"\x80", K::invalid}});
  check_tokens("\xFF\xFE", {{"\xFF", K::invalid}, {"\xFE", K::invalid}});
  check_tokens("中\x80国", {{"中", K::han}, {"\x80", K::invalid}, {"国", K::han}});
  check_tokens("\xE4\xB8\xE4\xB8\x80", {{"\xE4\xB8", K::invalid}, {"\xE4\xB8\x80", K::han}});
  // invalid tokens never merge, and a cut sequence at every block position
  for (std::size_t pad = 58; pad < 70; ++pad) {
    const std::string s = std::string(pad, 'a') + "\xE4\xB8" + "\xE4\xB8\x80" + std::string(70, 'b');
    const auto v = tokens_all_ways(s);
    REQUIRE(v.size() == 4);
    CHECK(v[1].kind == K::invalid);
    CHECK(v[1].length == 2);
    CHECK(v[2].kind == K::han);
  }
}

TEST_CASE("mixed report text", "[tokenize]") {
  using K = token_kind;
  check_tokens("一、2023年完成投资465.5万元，同比增长54.96%。\r\n（一）ＧＤＰ增长",
               {{"一", K::han}, {"、", K::punct}, {"2023", K::ascii_digit}, {"年完成投资", K::han},
                {"465", K::ascii_digit}, {".", K::punct}, {"5", K::ascii_digit}, {"万元", K::han},
                {"，", K::punct}, {"同比增长", K::han}, {"54", K::ascii_digit}, {".", K::punct},
                {"96", K::ascii_digit}, {"%", K::punct}, {"。", K::punct}, {"\r\n", K::newline},
                {"（", K::punct}, {"一", K::han}, {"）", K::punct}, {"ＧＤＰ", K::fullwidth_letter},
                {"增长", K::han}});
}

TEST_CASE("lazy range: forward iterator, sentinel, multi-pass", "[tokenize]") {
  static_assert(std::is_same<std::iterator_traits<zhscan::token_iterator>::iterator_category,
                             std::forward_iterator_tag>::value, "");
  const std::string s = "中文abc，１２";
  auto r = zhscan::tokens(s);
  auto it = r.begin();
  REQUIRE(it != r.end());
  auto copy = it;
  CHECK((it++)->kind == token_kind::han);
  CHECK(copy->kind == token_kind::han);  // copies advance independently
  CHECK(it != copy);
  CHECK(it->kind == token_kind::ascii_letter);
  ++copy;
  CHECK(it == copy);
  std::size_t n = 0;
  for (auto t = r.begin(); t != r.end(); ++t) ++n;
  CHECK(n == 4);
  CHECK(r.source() == s);
  CHECK(zhscan::tokens("").begin() == zhscan::tokens("").end());
  // range-for with const references and text()
  std::string joined;
  for (const token& t : zhscan::tokens(s)) joined += t.text(s);
  CHECK(joined == s);
}

TEST_CASE("lazy range on long text: buffered iterators copy and advance independently",
          "[tokenize]") {
  std::string s;
  for (int i = 0; i < 300; ++i) s += "一、2023年完成投资465万元，同比增长54.96%。abc ①\r\n";
  const std::vector<token> ref = column_tokens(s, simd_level::scalar);
  auto it = zhscan::tokens(s).begin();
  std::vector<zhscan::token_iterator> marks;
  for (std::size_t i = 0; i < ref.size(); ++i, ++it) {
    REQUIRE(*it == ref[i]);
    if (i % 37 == 5) marks.push_back(it);  // copies taken mid-buffer
  }
  CHECK(it == zhscan::tokens(s).end());
  for (std::size_t m = 0; m < marks.size(); ++m) {
    std::size_t i = 5 + 37 * m;
    for (auto c = marks[m]; c != zhscan::tokens(s).end() && i < 5 + 37 * m + 300; ++c, ++i)
      REQUIRE(*c == ref[i]);
  }
}

TEST_CASE("bulk forms: vector append, deque, token_columns reuse", "[tokenize]") {
  const std::string s = "第一章　总则\n1. 目的";
  std::vector<token> v{token{0, 0, token_kind::other}};
  zhscan::tokenize(s, v);  // appends
  REQUIRE(v.size() == lazy_tokens(s).size() + 1);
  CHECK(std::vector<token>(v.begin() + 1, v.end()) == lazy_tokens(s));
  std::deque<token> d;
  zhscan::tokenize(s, d);
  CHECK(std::vector<token>(d.begin(), d.end()) == lazy_tokens(s));

  zhscan::token_columns c;
  zhscan::tokenize(std::string(10000, 'a') + "中", c);
  CHECK(c.size() == 2);
  zhscan::tokenize(s, c);  // reuse replaces the content
  CHECK(c.size() == lazy_tokens(s).size());
  CHECK(c[0].kind == token_kind::han);
  CHECK(c.offsets()[c.size()] == s.size());
  c.clear();
  CHECK(c.empty());
}

TEST_CASE("tokenize_columns resumes at any capacity", "[tokenize]") {
  rng r{3};
  for (int it = 0; it < 200; ++it) {
    const std::string s = random_text(r, r.below(2000), 50);
    const auto ref = lazy_tokens(s);
    for (std::size_t cap : {std::size_t(1), std::size_t(2), std::size_t(7), std::size_t(80),
                            std::size_t(81), std::size_t(200)})
      for (simd_level lv : all_levels) REQUIRE(array_tokens(s, cap, lv) == ref);
  }
}

TEST_CASE("random and adversarial bytes: tiling, SIMD == scalar", "[tokenize]") {
  rng r{11};
  for (int it = 0; it < 1500; ++it) {
    const std::string s = random_text(r, r.below(600), static_cast<unsigned>(r.below(90)));
    tokens_all_ways(s);
  }
  for (int it = 0; it < 500; ++it) {  // uniform random bytes
    std::string s(r.below(400), '\0');
    for (char& ch : s) ch = static_cast<char>(r.below(256));
    tokens_all_ways(s);
  }
  // Long inputs made of one repeated pattern (every alignment against the blocks).
  for (const std::string& f : fragments()) {
    std::string s;
    while (s.size() < 300) s += f;
    tokens_all_ways(s);
  }
  // invalid-token rule: the invalid tokens are exactly the maximal subparts
  for (int it = 0; it < 300; ++it) {
    const std::string s = random_text(r, r.below(500), 30);
    std::vector<std::pair<std::size_t, std::size_t>> want, got;
    for (std::size_t p = 0; p < s.size();) {
      const auto d = zhscan::utf8::decode(s, p);
      if (!d.valid) want.emplace_back(p, d.length);
      p += d.length;
    }
    for (const token& t : zhscan::tokens(s))
      if (t.kind == token_kind::invalid) got.emplace_back(t.offset, t.length);
    REQUIRE(got == want);
  }
}

TEST_CASE("no heap allocation per token", "[tokenize]") {
  std::string s;
  for (int i = 0; i < 2000; ++i) s += "一、2023年完成投资465万元，同比增长54.96%。abc ①\r\n";
  // lazy range: nothing at all
  std::size_t before = g_news.load();
  std::size_t n = 0;
  for (const token& t : zhscan::tokens(s)) n += t.length;
  CHECK(n == s.size());
  CHECK(g_news.load() == before);
  // token_columns reused: the second fill allocates nothing
  zhscan::token_columns c;
  zhscan::tokenize(s, c);
  before = g_news.load();
  for (simd_level lv : all_levels) zhscan::tokenize(s, c, lv);
  CHECK(g_news.load() == before);
  // pre-reserved vector
  std::vector<token> v;
  v.reserve(c.size());
  before = g_news.load();
  zhscan::tokenize(s, v);
  CHECK(v.size() == c.size());
  CHECK(g_news.load() == before);
  // caller arrays
  std::vector<std::size_t> off(c.size() + 100);
  std::vector<token_kind> kinds(off.size());
  before = g_news.load();
  const auto r = zhscan::tokenize_columns(s, off.data(), kinds.data(), off.size());
  CHECK(r.count == c.size());
  CHECK(r.consumed == s.size());
  CHECK(g_news.load() == before);
  // validate
  before = g_news.load();
  CHECK(zhscan::utf8::validate(s).ok());
  CHECK(g_news.load() == before);
}
