// SPDX-License-Identifier: MIT
// `zhscan tokens`: one JSON object per token.
#ifndef ZHSCAN_EXAMPLES_CLI_TOKENS_HPP
#define ZHSCAN_EXAMPLES_CLI_TOKENS_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "cli_common.hpp"
#include "zhscan/tokenize.hpp"

namespace zhscan_cli {

/**
 * Appends one line `{"start":B,"end":E,"kind":"..."}` per token of `text` to `out`
 * (UTF-8 byte offsets, end exclusive; kinds as zhscan::to_string(token_kind)).
 */
inline void cli_tokens(std::string_view text, std::string& out) {
  zhscan::token_columns cols;
  zhscan::tokenize(text, cols);
  out.reserve(out.size() + cols.size() * 40);
  const std::size_t* off = cols.offsets();
  const zhscan::token_kind* kinds = cols.kinds();
  for (std::size_t i = 0; i < cols.size(); ++i) {
    out += "{\"start\":";
    json_uint(out, off[i]);
    out += ",\"end\":";
    json_uint(out, off[i + 1]);
    out += ",\"kind\":\"";
    out += zhscan::to_string(kinds[i]);
    out += "\"}\n";
  }
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_TOKENS_HPP
