// SPDX-License-Identifier: MIT
// `zhscan metrics`.
#ifndef ZHSCAN_EXAMPLES_CLI_METRICS_HPP
#define ZHSCAN_EXAMPLES_CLI_METRICS_HPP

#include <string>
#include <string_view>

#include "cli_common.hpp"

namespace zhscan_cli {

/** Appends one JSON line per metric of `text` to `out`. */
inline void cli_metrics(std::string_view text, std::string& out) {
  (void)text;
  (void)out;  // TODO(metrics): not implemented yet
}

}  // namespace zhscan_cli

#endif
