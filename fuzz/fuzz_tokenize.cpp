// SPDX-License-Identifier: MIT
// libFuzzer harness for the tokenizer. Invariants: tokens are non-empty, contiguous, inside
// the input and tile it; a token is `invalid` iff it is exactly one ill-formed maximal
// subpart of the decode loop; run kinds never have two adjacent tokens of the same kind
// (except newline); every SIMD level equals the scalar path; the lazy range equals the bulk
// forms; tokenize_columns with a small capacity, resumed, gives the same tokens.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "zhscan/tokenize.hpp"

#define ZHSCAN_FUZZ_CHECK(cond) \
  do {                          \
    if (!(cond)) __builtin_trap(); \
  } while (0)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::unique_ptr<char[]> buf(new char[size ? size : 1]);
  if (size) std::memcpy(buf.get(), data, size);
  const std::string_view s(buf.get(), size);

  // Lazy range: the reference.
  std::vector<zhscan::token> lazy;
  for (const zhscan::token& t : zhscan::tokens(s)) lazy.push_back(t);

  std::size_t at = 0;
  for (std::size_t i = 0; i < lazy.size(); ++i) {
    const zhscan::token& t = lazy[i];
    ZHSCAN_FUZZ_CHECK(t.offset == at);
    ZHSCAN_FUZZ_CHECK(t.length > 0);
    ZHSCAN_FUZZ_CHECK(t.length <= size - t.offset);
    ZHSCAN_FUZZ_CHECK(t.kind <= zhscan::token_kind::invalid);
    // invalid token <=> one maximal subpart
    const zhscan::utf8::decoded d = zhscan::utf8::decode(s.data() + t.offset, s.data() + size);
    if (t.kind == zhscan::token_kind::invalid) {
      ZHSCAN_FUZZ_CHECK(!d.valid && d.length == t.length);
    } else {
      // every character of a valid token is well-formed and of the token's class
      for (std::size_t p = t.offset; p < t.end();) {
        const zhscan::utf8::decoded c = zhscan::utf8::decode(s.data() + p, s.data() + size);
        ZHSCAN_FUZZ_CHECK(c.valid);
        ZHSCAN_FUZZ_CHECK(zhscan::classify(c.cp) == t.kind);
        p += c.length;
        ZHSCAN_FUZZ_CHECK(p <= t.end());
      }
    }
    if (i > 0 && lazy[i - 1].kind == t.kind) {
      // adjacent tokens of one kind only for single-character kinds and line breaks
      ZHSCAN_FUZZ_CHECK(!zhscan::detail::is_run_class(static_cast<std::uint8_t>(t.kind)));
      if (t.kind == zhscan::token_kind::newline)
        ZHSCAN_FUZZ_CHECK(!(s[t.offset - 1] == '\r' && s[t.offset] == '\n'));
    }
    at = t.end();
  }
  ZHSCAN_FUZZ_CHECK(at == size);

  const zhscan::simd_level levels[] = {zhscan::simd_level::scalar, zhscan::simd_level::avx2,
                                       zhscan::simd_level::avx512, zhscan::simd_level::neon,
                                       zhscan::simd_level::best};
  for (zhscan::simd_level lv : levels) {
    zhscan::token_columns cols;
    zhscan::tokenize(s, cols, lv);
    ZHSCAN_FUZZ_CHECK(cols.size() == lazy.size());
    ZHSCAN_FUZZ_CHECK(cols.offsets()[cols.size()] == size);
    for (std::size_t i = 0; i < cols.size(); ++i) ZHSCAN_FUZZ_CHECK(cols[i] == lazy[i]);

    std::vector<zhscan::token> v;
    zhscan::tokenize(s, v, lv);
    ZHSCAN_FUZZ_CHECK(v == lazy);
  }

  // Caller arrays with a small capacity (exact-size heap arrays), resumed until done.
  const std::size_t cap = 1 + (size ? static_cast<unsigned char>(data[0]) % 100 : 0);
  std::unique_ptr<std::size_t[]> off(new std::size_t[cap]);
  std::unique_ptr<zhscan::token_kind[]> kinds(new zhscan::token_kind[cap]);
  std::size_t base = 0, k = 0;
  while (base < size) {
    const zhscan::columns_result r =
        zhscan::tokenize_columns(s.substr(base), off.get(), kinds.get(), cap);
    ZHSCAN_FUZZ_CHECK(r.count <= cap && r.consumed <= size - base);
    ZHSCAN_FUZZ_CHECK(r.count > 0 || r.consumed == size - base);
    for (std::size_t i = 0; i < r.count; ++i, ++k) {
      ZHSCAN_FUZZ_CHECK(k < lazy.size());
      const std::size_t end = i + 1 < r.count ? off[i + 1] : r.consumed;
      ZHSCAN_FUZZ_CHECK(lazy[k] == (zhscan::token{base + off[i], end - off[i], kinds[i]}));
    }
    base += r.consumed;
  }
  ZHSCAN_FUZZ_CHECK(k == lazy.size());
  return 0;
}
