// SPDX-License-Identifier: MIT
// ODR check: two translation units include the umbrella header and are linked into one
// program. A header that defines a non-inline function or variable fails to link here;
// an inline variable that is not really one program-wide object shows two addresses.
#include "zhscan/zhscan.hpp"

#include <cstdio>
#include <string_view>

namespace odr {
const void* version_address_b();
const void* npos_address_b();
std::size_t invalid_count_b(std::string_view s);
std::size_t first_error_b(std::string_view s);
std::size_t token_count_b(std::string_view s);
std::size_t marker_count_b(std::string_view s);
std::size_t section_count_b(std::string_view s);
std::size_t metric_count_b(std::string_view s);
double number_b(std::string_view s);
}  // namespace odr

int main() {
  int failures = 0;
  auto check = [&failures](bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "odr check failed: %s\n", what);
      ++failures;
    }
  };
  check(&zhscan::version == odr::version_address_b(), "zhscan::version is one object");
  check(&zhscan::npos == odr::npos_address_b(), "zhscan::npos is one object");

  // "\xE4\xB8\x80" yi (one), then an overlong, a stray continuation byte and a cut sequence.
  const std::string_view s("a\xE4\xB8\x80\xC0\xAF\x80\xE4\xB8", 9);
  check(zhscan::utf8::count_invalid(s) == odr::invalid_count_b(s), "count_invalid agrees");
  check(zhscan::utf8::validate(s).error_offset == odr::first_error_b(s), "validate agrees");
  check(odr::first_error_b(s) == 4, "first error at byte 4");
  check(zhscan::tokenize(s).size() == odr::token_count_b(s), "tokenize agrees");
  check(odr::token_count_b(s) == 6, "6 tokens: a, yi, then 4 invalid subparts");

  // "\u4E00\u3001" yi + dunhao (a marker), "\u6295\u5165" touru (invest),
  // "\u4E07\u5143" wan-yuan, "\u3002" full stop, "\u4E8C\u3001" er + dunhao.
  const std::string_view doc =
      "\u4E00\u3001\u6295\u5165" "465\u4E07\u5143\u3002\n\u4E8C\u3001" "12.5%\u3002\n";
  check(zhscan::find_markers(doc).size() == odr::marker_count_b(doc), "find_markers agrees");
  check(zhscan::outline(doc).size() == odr::section_count_b(doc), "outline agrees");
  check(zhscan::find_metrics(doc).size() == odr::metric_count_b(doc), "find_metrics agrees");
  check(zhscan::parse_number("465\u4E07").value == odr::number_b("465\u4E07"), "parse_number agrees");
  if (failures == 0) std::puts("odr: ok");
  return failures == 0 ? 0 : 1;
}
