// SPDX-License-Identifier: MIT
// `zhscan markers` and `zhscan outline`.
#ifndef ZHSCAN_EXAMPLES_CLI_MARKERS_HPP
#define ZHSCAN_EXAMPLES_CLI_MARKERS_HPP

#include <string>
#include <string_view>

#include "cli_common.hpp"

namespace zhscan_cli {

/** Appends one JSON line per outline marker of `text` to `out`. */
inline void cli_markers(std::string_view text, std::string& out) {
  (void)text;
  (void)out;  // TODO(markers): not implemented yet
}

/** Appends the section tree of `text` as one JSON document (and a newline) to `out`. */
inline void cli_outline(std::string_view text, std::string& out) {
  (void)text;
  out += "{\"sections\":[]}\n";  // TODO(markers): not implemented yet
}

}  // namespace zhscan_cli

#endif
