// SPDX-License-Identifier: MIT
// Integration test: tokenises every document of <shared>/corpus/*.txt (the environment
// variable ZHSCAN_SHARED_DIR overrides the macro of the same name) and checks the tiling
// invariant, SIMD == scalar, and that the invalid tokens are exactly the ill-formed maximal
// subparts found by an independent decoder written below (the WHATWG Encoding Standard's
// UTF-8 decoder algorithm: byte-at-a-time state machine with "bytes needed" and
// lower/upper boundaries; it shares no code with zhscan's utf8.hpp). Also checks synthetic
// documents with injected bad bytes. WARNs and passes when the folder is absent.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "zhscan/tokenize.hpp"

namespace {

using error_list = std::vector<std::pair<std::size_t, std::size_t>>;  // (offset, length)

// WHATWG "UTF-8 decoder" (https://encoding.spec.whatwg.org/#utf-8-decoder): returns the
// byte span of every error, i.e. of every U+FFFD a replacing decoder emits.
error_list whatwg_errors(const std::string& s) {
  error_list errors;
  unsigned needed = 0, seen = 0, lower = 0x80, upper = 0xBF;
  std::size_t start = 0;  // first byte of the sequence in progress
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned byte = static_cast<unsigned char>(s[i]);
    if (needed == 0) {
      start = i;
      if (byte <= 0x7F) {
        // one code point
      } else if (byte >= 0xC2 && byte <= 0xDF) {
        needed = 1;
      } else if (byte >= 0xE0 && byte <= 0xEF) {
        if (byte == 0xE0) lower = 0xA0;
        if (byte == 0xED) upper = 0x9F;
        needed = 2;
      } else if (byte >= 0xF0 && byte <= 0xF4) {
        if (byte == 0xF0) lower = 0x90;
        if (byte == 0xF4) upper = 0x8F;
        needed = 3;
      } else {
        errors.emplace_back(i, 1);
      }
      ++i;
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence so far is one error; the byte is processed again ("prepend").
      errors.emplace_back(start, i - start);
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    ++seen;
    ++i;
    if (seen == needed) needed = seen = 0;
  }
  if (needed != 0) errors.emplace_back(start, s.size() - start);  // cut by the end
  return errors;
}

std::string shared_dir() {
  if (const char* env = std::getenv("ZHSCAN_SHARED_DIR"))
    if (*env) return env;
#ifdef ZHSCAN_SHARED_DIR
  return ZHSCAN_SHARED_DIR;
#else
  return "../shared";
#endif
}

std::vector<std::pair<std::string, std::string>> corpus_documents() {
  std::vector<std::pair<std::string, std::string>> docs;
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::path(shared_dir()) / "corpus";
  if (!std::filesystem::is_directory(dir, ec)) return docs;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::FILE* fp = std::fopen(f.string().c_str(), "rb");
    REQUIRE(fp != nullptr);
    std::string text;
    char buf[1 << 16];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) text.append(buf, n);
    std::fclose(fp);
    docs.emplace_back(f.filename().string(), std::move(text));
  }
  return docs;
}

// Tiling, SIMD == scalar == lazy, invalid tokens == independent error spans.
void check_document(const std::string& text) {
  zhscan::token_columns simd, scalar;
  zhscan::tokenize(text, simd, zhscan::simd_level::best);
  zhscan::tokenize(text, scalar, zhscan::simd_level::scalar);
  REQUIRE(simd.size() == scalar.size());
  error_list invalid;
  std::size_t at = 0;
  auto lazy = zhscan::tokens(text).begin();
  for (std::size_t i = 0; i < simd.size(); ++i, ++lazy) {
    const zhscan::token t = simd[i];
    REQUIRE(t == scalar[i]);
    REQUIRE(t == *lazy);
    REQUIRE(t.offset == at);
    REQUIRE(t.length > 0);
    at = t.end();
    if (t.kind == zhscan::token_kind::invalid) invalid.emplace_back(t.offset, t.length);
  }
  REQUIRE(lazy == zhscan::tokens(text).end());
  REQUIRE(at == text.size());
  const error_list expected = whatwg_errors(text);
  CHECK(invalid.size() == expected.size());
  CHECK(invalid == expected);
  CHECK(zhscan::utf8::validate(text).ok() == expected.empty());
  if (!expected.empty()) CHECK(zhscan::utf8::validate(text).error_offset == expected[0].first);
}

// Replaces or inserts bad bytes at deterministic pseudo-random places.
std::string inject_bad_bytes(std::string text, std::uint64_t seed, std::size_t count) {
  static const char* const bad[] = {"\x80", "\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xE4\xB8",
                                    "\xF0\x9F\x98", "\xF4\x90\x80\x80", "\xC3", "\xFE\xFE"};
  std::uint64_t x = seed;
  for (std::size_t k = 0; k < count && !text.empty(); ++k) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    const std::size_t pos = static_cast<std::size_t>((x >> 20) % text.size());
    const char* b = bad[(x >> 8) % (sizeof bad / sizeof *bad)];
    if ((x >> 4) & 1) text.insert(pos, b);
    else text[pos] = b[0];  // may cut a character in the middle
  }
  return text;
}

}  // namespace

TEST_CASE("the independent decoder agrees with hand-checked cases", "[corpus]") {
  CHECK(whatwg_errors("a\xF1\x80\x80\xE1\x80\xC2" "b\x80" "c\x80\xBF" "d") ==
        error_list{{1, 3}, {4, 2}, {6, 1}, {8, 1}, {10, 1}, {11, 1}});
  CHECK(whatwg_errors("\xED\xA0\x80") == error_list{{0, 1}, {1, 1}, {2, 1}});
  CHECK(whatwg_errors("x\xF0\x9F\x98") == error_list{{1, 3}});
  CHECK(whatwg_errors("\xE4\xB8\x80").empty());
}

TEST_CASE("every shared corpus document tokenises losslessly", "[corpus]") {
  const auto docs = corpus_documents();
  if (docs.empty()) {
    WARN("no corpus documents under " << shared_dir() << "/corpus: integration test skipped");
    return;
  }
  for (const auto& d : docs) {
    INFO(d.first);
    check_document(d.second);
  }
}

TEST_CASE("documents with injected bad bytes", "[corpus]") {
  auto docs = corpus_documents();
  if (docs.empty()) {
    // A synthetic document keeps this test meaningful without the corpus.
    std::string text;
    for (int i = 0; i < 300; ++i) text += "一、2023年完成投资465万元，同比增长54.96%。（一）ＧＤＰ①\r\n";
    docs.emplace_back("synthetic", text);
  }
  for (const auto& d : docs) {
    INFO(d.first);
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      const std::string bad = inject_bad_bytes(d.second, seed, 1 + seed * seed * 3);
      check_document(bad);
      CHECK_FALSE(whatwg_errors(bad).empty());
    }
  }
}
