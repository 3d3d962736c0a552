// SPDX-License-Identifier: MIT
// `zhscan tokens`: one JSON object per token.
#ifndef ZHSCAN_EXAMPLES_CLI_TOKENS_HPP
#define ZHSCAN_EXAMPLES_CLI_TOKENS_HPP

#include <string>
#include <string_view>

#include "cli_common.hpp"

namespace zhscan_cli {

/** Appends one line `{"start":B,"end":E,"kind":"..."}` per token of `text` to `out`. */
inline void cli_tokens(std::string_view text, std::string& out) {
  (void)text;
  (void)out;  // TODO(tokenizer): not implemented yet
}

}  // namespace zhscan_cli

#endif
