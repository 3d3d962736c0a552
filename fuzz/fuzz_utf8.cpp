// SPDX-License-Identifier: MIT
// libFuzzer harness for the UTF-8 layer: validate at every SIMD level equals the scalar
// reference, its first error offset equals the first ill-formed decode step, decode steps
// tile the input, and count_invalid / count_code_points agree with the decode loop.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include "zhscan/utf8.hpp"

#define ZHSCAN_FUZZ_CHECK(cond) \
  do {                          \
    if (!(cond)) __builtin_trap(); \
  } while (0)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Exact-size heap copy: any read past the end is an ASan error.
  std::unique_ptr<char[]> buf(new char[size ? size : 1]);
  if (size) std::memcpy(buf.get(), data, size);
  const std::string_view s(buf.get(), size);

  // Reference: decode loop.
  std::size_t first_error = size, invalid = 0, code_points = 0, at = 0;
  while (at < size) {
    const zhscan::utf8::decoded d = zhscan::utf8::decode(s.data() + at, s.data() + size);
    ZHSCAN_FUZZ_CHECK(d.length >= 1 && d.length <= 4 && d.length <= size - at);
    if (!d.valid) {
      ZHSCAN_FUZZ_CHECK(d.cp == 0xFFFD);
      if (first_error == size) first_error = at;
      ++invalid;
    } else {
      ZHSCAN_FUZZ_CHECK(d.cp <= 0x10FFFF && !(d.cp >= 0xD800 && d.cp <= 0xDFFF));
    }
    ++code_points;
    at += d.length;
  }
  ZHSCAN_FUZZ_CHECK(at == size);
  ZHSCAN_FUZZ_CHECK(zhscan::utf8::count_invalid(s) == invalid);
  ZHSCAN_FUZZ_CHECK(zhscan::utf8::count_code_points(s) == code_points);

  const zhscan::utf8::validate_result ref = zhscan::utf8::detail::validate_scalar(s);
  ZHSCAN_FUZZ_CHECK(ref.error_offset == first_error);
  ZHSCAN_FUZZ_CHECK(ref.ok() == (invalid == 0));
  for (zhscan::simd_level lv : {zhscan::simd_level::scalar, zhscan::simd_level::avx2,
                                zhscan::simd_level::avx512, zhscan::simd_level::neon,
                                zhscan::simd_level::best}) {
    const zhscan::utf8::validate_result r = zhscan::utf8::validate(s, lv);
    ZHSCAN_FUZZ_CHECK(r.ec == ref.ec);
    ZHSCAN_FUZZ_CHECK(r.error_offset == ref.error_offset);
  }
  return 0;
}
