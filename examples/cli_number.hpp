// SPDX-License-Identifier: MIT
// `zhscan number`: one numeral string per line -> its value.
#ifndef ZHSCAN_EXAMPLES_CLI_NUMBER_HPP
#define ZHSCAN_EXAMPLES_CLI_NUMBER_HPP

#include <string>
#include <string_view>

#include "cli_common.hpp"

namespace zhscan_cli {

/** Appends `{"input":"...","value":V}` or `{"input":"...","error":"..."}` and a newline. */
inline void cli_number(std::string_view line, std::string& out) {
  out += "{\"input\":";
  json_string(out, line);
  out += ",\"error\":\"invalid_argument\"}\n";  // TODO(numeral): not implemented yet
}

}  // namespace zhscan_cli

#endif
