// SPDX-License-Identifier: MIT
// Tests of include/zhscan/utf8.hpp: decoding with maximal subparts (expectations computed
// once with CPython's bytes.decode('utf-8', errors=handler) recording each error's
// start/end), validation offsets, and every SIMD level against the scalar reference.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "catch.hpp"
#include "zhscan/utf8.hpp"

namespace {

struct span {
  std::size_t offset, length;
};
struct decode_case {
  const char* name;
  std::string bytes;
  std::vector<char32_t> cps;  // decoded text, U+FFFD per maximal subpart
  std::vector<span> errors;   // byte offset and length of each maximal subpart
};

// Produced by CPython 3.11: codecs.register_error('rec', h) with h recording
// (exc.start, exc.end) and returning ('\ufffd', exc.end); then bytes.decode('utf-8', 'rec').
const std::vector<decode_case>& python_cases() {
  static const std::vector<decode_case> cases = {
  {"ascii", std::string("\x61\x62\x63", 3), {0x61,0x62,0x63}, {}},
  {"nul", std::string("\x61\x00\x62", 3), {0x61,0x0,0x62}, {}},
  {"two_byte", std::string("\xC2\xA0\xDF\xBF", 4), {0xA0,0x7FF}, {}},
  {"three_byte", std::string("\xE4\xB8\x80\xEF\xBC\x8C", 6), {0x4E00,0xFF0C}, {}},
  {"four_byte", std::string("\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF", 8), {0x1F600,0x10FFFF}, {}},
  {"c0_c1", std::string("\xC0\x80\xC1\xBF", 4), {0xFFFD,0xFFFD,0xFFFD,0xFFFD}, {{0,1},{1,1},{2,1},{3,1}}},
  {"overlong_e0", std::string("\xE0\x80\x80\xE0\x9F\xBF", 6), {0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD}, {{0,1},{1,1},{2,1},{3,1},{4,1},{5,1}}},
  {"overlong_f0", std::string("\xF0\x80\x80\x80\xF0\x8F\xBF\xBF", 8), {0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD}, {{0,1},{1,1},{2,1},{3,1},{4,1},{5,1},{6,1},{7,1}}},
  {"surrogate", std::string("\xED\xA0\x80\xED\xBF\xBF", 6), {0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD}, {{0,1},{1,1},{2,1},{3,1},{4,1},{5,1}}},
  {"surrogate_pair_cesu", std::string("\xED\xA0\xBD\xED\xB8\x80", 6), {0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD}, {{0,1},{1,1},{2,1},{3,1},{4,1},{5,1}}},
  {"above_10ffff", std::string("\xF4\x90\x80\x80", 4), {0xFFFD,0xFFFD,0xFFFD,0xFFFD}, {{0,1},{1,1},{2,1},{3,1}}},
  {"f5_ff", std::string("\xF5\x80\x80\x80\xF8\xFC\xFE\xFF", 8), {0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD,0xFFFD}, {{0,1},{1,1},{2,1},{3,1},{4,1},{5,1},{6,1},{7,1}}},
  {"stray_cont", std::string("\x61\x80\xBF\x62\x80", 5), {0x61,0xFFFD,0xFFFD,0x62,0xFFFD}, {{1,1},{2,1},{4,1}}},
  {"trunc2_end", std::string("\x61\xC3", 2), {0x61,0xFFFD}, {{1,1}}},
  {"trunc3_end", std::string("\x61\xE4\xB8", 3), {0x61,0xFFFD}, {{1,2}}},
  {"trunc3_end1", std::string("\x61\xE4", 2), {0x61,0xFFFD}, {{1,1}}},
  {"trunc4_end", std::string("\x61\xF0\x9F\x98", 4), {0x61,0xFFFD}, {{1,3}}},
  {"trunc_mid", std::string("\xE4\xB8\x61\xF0\x9F\x98\x62\xC3\x63", 9), {0xFFFD,0x61,0xFFFD,0x62,0xFFFD,0x63}, {{0,2},{3,3},{7,1}}},
  {"lead_lead", std::string("\xE4\xE4\xB8\x80", 4), {0xFFFD,0x4E00}, {{0,1}}},
  {"ed_ok", std::string("\xED\x9F\xBF", 3), {0xD7FF}, {}},
  {"e0_ok", std::string("\xE0\xA0\x80", 3), {0x800}, {}},
  {"f4_bad2", std::string("\xF4\x90", 2), {0xFFFD,0xFFFD}, {{0,1},{1,1}}},
  {"unicode_example", std::string("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13), {0x61,0xFFFD,0xFFFD,0xFFFD,0x62,0xFFFD,0x63,0xFFFD,0xFFFD,0x64}, {{1,3},{4,2},{6,1},{8,1},{10,1},{11,1}}},
  {"nul_in_seq", std::string("\xE4\x00\x80", 3), {0xFFFD,0x0,0xFFFD}, {{0,1},{2,1}}},
  {"fe_ff_bom", std::string("\xFF\xFE\xEF\xBB\xBF", 5), {0xFFFD,0xFFFD,0xFEFF}, {{0,1},{1,1}}},
  };
  return cases;
}

std::vector<zhscan::utf8::decoded> decode_all(const std::string& s) {
  std::vector<zhscan::utf8::decoded> out;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const zhscan::utf8::decoded d = zhscan::utf8::decode(p, end);
    REQUIRE(d.length >= 1);
    REQUIRE(d.length <= end - p);
    out.push_back(d);
    p += d.length;
  }
  return out;
}

// Deterministic generator for random inputs.
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

// Fragments mixing valid text with every ill-formed class, so random concatenations put
// errors at every position of a SIMD block (including its last bytes).
const char* const fragments[] = {
    "\xE4\xB8\x80", "\xEF\xBC\x8C", "\xE3\x80\x82", "a", "1", " ", "\n", "\xC2\xB7",
    "\xF0\x9F\x98\x80", "\xED\x9F\xBF", "\xE0\xA0\x80", "\xF4\x8F\xBF\xBF",
    // ill-formed
    "\x80", "\xBF", "\xC0", "\xC1\xBF", "\xC3", "\xE4\xB8", "\xE4", "\xF0\x9F\x98", "\xF0",
    "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5", "\xFF", "\xFE", "\xF0\x8F",
    "" /* stands for a NUL byte */};

std::string random_text(rng& r, std::size_t len, unsigned bad_percent) {
  std::string s;
  const std::size_t nfrag = sizeof fragments / sizeof *fragments;
  while (s.size() < len) {
    const bool bad = r.below(100) < bad_percent;
    const std::size_t i = bad ? 12 + r.below(nfrag - 12) : r.below(12);
    if (i == nfrag - 1) s.push_back('\0');
    else s += fragments[i];
  }
  return s;
}

const zhscan::simd_level all_levels[] = {zhscan::simd_level::scalar, zhscan::simd_level::avx2,
                                          zhscan::simd_level::avx512, zhscan::simd_level::neon,
                                          zhscan::simd_level::best};

}  // namespace

TEST_CASE("decode follows maximal subparts exactly as CPython", "[utf8]") {
  for (const decode_case& c : python_cases()) {
    INFO(c.name);
    const std::vector<zhscan::utf8::decoded> got = decode_all(c.bytes);
    REQUIRE(got.size() == c.cps.size());
    std::size_t offset = 0, e = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].cp == c.cps[i]);
      CHECK(got[i].valid == (c.cps[i] != 0xFFFD));
      if (!got[i].valid) {
        REQUIRE(e < c.errors.size());
        CHECK(offset == c.errors[e].offset);
        CHECK(got[i].length == c.errors[e].length);
        ++e;
      }
      offset += got[i].length;
    }
    CHECK(e == c.errors.size());
    CHECK(zhscan::utf8::count_invalid(c.bytes) == c.errors.size());
    CHECK(zhscan::utf8::count_code_points(c.bytes) == c.cps.size());
  }
}

TEST_CASE("validate reports the first maximal subpart at every SIMD level", "[utf8]") {
  for (const decode_case& c : python_cases()) {
    INFO(c.name);
    // Also embedded at every offset of a long valid buffer, to cross SIMD block edges.
    for (std::size_t pad : {std::size_t(0), std::size_t(1), std::size_t(61), std::size_t(62),
                            std::size_t(63), std::size_t(64), std::size_t(95), std::size_t(127),
                            std::size_t(200)}) {
      std::string s(pad, 'x');
      s += c.bytes;
      s += std::string(70, 'y');
      for (zhscan::simd_level lv : all_levels) {
        const zhscan::utf8::validate_result r = zhscan::utf8::validate(s, lv);
        if (c.errors.empty()) {
          CHECK(r.ok());
          CHECK(r.error_offset == s.size());
        } else {
          CHECK(r.ec == zhscan::errc::invalid_utf8);
          CHECK(r.error_offset == pad + c.errors[0].offset);
        }
      }
    }
  }
}

TEST_CASE("validate: empty, ASCII, long valid Chinese", "[utf8]") {
  for (zhscan::simd_level lv : all_levels) {
    CHECK(zhscan::utf8::validate("", lv).ok());
    CHECK(zhscan::utf8::validate(std::string(1000, 'a'), lv).ok());
    std::string zh;
    for (int i = 0; i < 500; ++i) zh += "中文，测试。";
    CHECK(zhscan::utf8::validate(zh, lv).ok());
    zh.pop_back();  // cut the last character (E3 80 82): error at its lead byte
    const auto r = zhscan::utf8::validate(zh, lv);
    CHECK_FALSE(r.ok());
    CHECK(r.error_offset == zh.size() - 2);
  }
}

TEST_CASE("validate: an ASCII block after a block ending in a lead byte", "[utf8]") {
  // Regression: the SIMD check of a character cut at a block boundary must also fire when
  // the next block is pure ASCII.
  for (std::size_t cut = 1; cut <= 3; ++cut) {
    for (std::size_t at = 60; at < 64; ++at) {
      std::string s(at, 'a');
      s += std::string("\xF0\x9F\x98\x80").substr(0, cut);
      s += std::string(200, 'b');
      for (zhscan::simd_level lv : all_levels) {
        const auto r = zhscan::utf8::validate(s, lv);
        CHECK(r.error_offset == at);
      }
      std::string ok(at, 'a');
      ok += "\xF0\x9F\x98\x80";
      ok += std::string(200, 'b');
      for (zhscan::simd_level lv : all_levels) CHECK(zhscan::utf8::validate(ok, lv).ok());
    }
  }
}

TEST_CASE("validate: SIMD levels agree with the scalar reference on random bytes", "[utf8]") {
  rng r{42};
  for (int it = 0; it < 3000; ++it) {
    const unsigned bad = it % 3 == 0 ? 0u : static_cast<unsigned>(r.below(5));
    const std::string s = random_text(r, r.below(700), bad);
    const auto ref = zhscan::utf8::detail::validate_scalar(s);
    for (zhscan::simd_level lv : all_levels) {
      const auto got = zhscan::utf8::validate(s, lv);
      REQUIRE(got.ec == ref.ec);
      REQUIRE(got.error_offset == ref.error_offset);
    }
  }
  // Uniformly random bytes too.
  for (int it = 0; it < 2000; ++it) {
    std::string s(r.below(300), '\0');
    for (char& c : s) c = static_cast<char>(r.below(256));
    const auto ref = zhscan::utf8::detail::validate_scalar(s);
    for (zhscan::simd_level lv : all_levels) {
      const auto got = zhscan::utf8::validate(s, lv);
      REQUIRE(got.error_offset == ref.error_offset);
    }
  }
}

TEST_CASE("validate agrees with the first invalid decode step", "[utf8]") {
  rng r{7};
  for (int it = 0; it < 1000; ++it) {
    const std::string s = random_text(r, r.below(300), 2);
    std::size_t first = s.size();
    for (std::size_t p = 0; p < s.size();) {
      const auto d = zhscan::utf8::decode(s, p);
      if (!d.valid) {
        first = p;
        break;
      }
      p += d.length;
    }
    CHECK(zhscan::utf8::validate(s).error_offset == first);
  }
}

TEST_CASE("decode never reads past the end", "[utf8]") {
  // Every prefix of a 4-byte sequence, in an exact-size buffer.
  const std::string full = "\xF0\x9F\x98\x80";
  for (std::size_t n = 1; n <= 4; ++n) {
    std::vector<char> buf(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    const auto d = zhscan::utf8::decode(buf.data(), buf.data() + buf.size());
    CHECK(d.length == n);
    CHECK(d.valid == (n == 4));
  }
}

TEST_CASE("append encodes and replaces non-scalar values", "[utf8]") {
  std::string s;
  zhscan::utf8::append(s, U'a');
  zhscan::utf8::append(s, 0xA0);
  zhscan::utf8::append(s, 0x4E00);
  zhscan::utf8::append(s, 0x1F600);
  zhscan::utf8::append(s, 0xD800);
  zhscan::utf8::append(s, 0x110000);
  CHECK(s == "a\xC2\xA0\xE4\xB8\x80\xF0\x9F\x98\x80\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(zhscan::utf8::validate(s).ok());
}

TEST_CASE("supported_simd_level is stable and clamps requests", "[utf8]") {
  const zhscan::simd_level have = zhscan::supported_simd_level();
  CHECK(zhscan::supported_simd_level() == have);
  CHECK(zhscan::detail::effective_simd_level(zhscan::simd_level::scalar) == zhscan::simd_level::scalar);
  CHECK(zhscan::detail::effective_simd_level(zhscan::simd_level::best) == have);
}
