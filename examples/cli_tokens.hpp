// SPDX-License-Identifier: MIT
// `zhscan tokens`: one JSON object per token.
#ifndef ZHSCAN_EXAMPLES_CLI_TOKENS_HPP
#define ZHSCAN_EXAMPLES_CLI_TOKENS_HPP

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "cli_common.hpp"
#include "zhscan/tokenize.hpp"

namespace zhscan_cli {

/**
 * Appends the line of one token: `head` (`{`, or `{"file":"...",`) then
 * `"start":B,"end":E,"kind":"..."}` and a newline. The line is made in a local buffer and
 * appended at once (two appends a token: the writing is most of `zhscan tokens`' work).
 */
inline void token_line(std::string& out, std::string_view head, std::size_t start, std::size_t end,
                       zhscan::token_kind k) {
  char buf[96];  // 8 + 20 + 7 + 20 + 9 + 16 (longest kind) + 3 bytes at most
  char* p = buf;
  std::memcpy(p, "\"start\":", 8);
  p = detail::write_u64(p + 8, start);
  std::memcpy(p, ",\"end\":", 7);
  p = detail::write_u64(p + 7, end);
  std::memcpy(p, ",\"kind\":\"", 9);
  p += 9;
  const std::string_view name = zhscan::to_string(k);
  std::memcpy(p, name.data(), std::min<std::size_t>(name.size(), 24));
  p += std::min<std::size_t>(name.size(), 24);
  std::memcpy(p, "\"}\n", 3);
  p += 3;
  out.append(head.data(), head.size());
  out.append(buf, static_cast<std::size_t>(p - buf));
}

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
  for (std::size_t i = 0; i < cols.size(); ++i) token_line(out, "{", off[i], off[i + 1], kinds[i]);
}

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_TOKENS_HPP
