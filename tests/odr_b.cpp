// SPDX-License-Identifier: MIT
// Second translation unit of the ODR check (see odr_a.cpp).
#include "zhscan/zhscan.hpp"

#include <string_view>

namespace odr {

const void* version_address_b() { return &zhscan::version; }
const void* npos_address_b() { return &zhscan::npos; }

// The same computations as in odr_a.cpp, through this TU's copies of the inline functions.
std::size_t invalid_count_b(std::string_view s) { return zhscan::utf8::count_invalid(s); }
std::size_t first_error_b(std::string_view s) { return zhscan::utf8::validate(s).error_offset; }
std::size_t token_count_b(std::string_view s) { return zhscan::tokenize(s).size(); }
std::size_t marker_count_b(std::string_view s) { return zhscan::find_markers(s).size(); }
std::size_t section_count_b(std::string_view s) { return zhscan::outline(s).size(); }
std::size_t metric_count_b(std::string_view s) { return zhscan::find_metrics(s).size(); }
double number_b(std::string_view s) { return zhscan::parse_number(s).value; }

}  // namespace odr
