// SPDX-License-Identifier: MIT
// zhscan: command-line front end of the zhscan library.
//
//   zhscan tokens  [FILE|-]   one JSON object per token
//   zhscan markers [FILE|-]   one JSON object per outline marker
//   zhscan outline [FILE|-]   the section tree as one JSON document
//   zhscan metrics [FILE|-]   one JSON object per quantity
//   zhscan number             one numeral string per stdin line -> its value
//
// A missing or unreadable file prints one line on stderr and exits with status 2.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "cli_common.hpp"
#include "cli_markers.hpp"
#include "cli_metrics.hpp"
#include "cli_number.hpp"
#include "cli_tokens.hpp"
#include "zhscan/version.hpp"

namespace {

constexpr int exit_usage = 2;
constexpr int exit_io = 2;

void usage(std::FILE* f) {
  std::fputs(
      "usage: zhscan COMMAND [FILE|-]\n"
      "commands:\n"
      "  tokens   one JSON object per token: {\"start\",\"end\",\"kind\"}\n"
      "  markers  one JSON object per outline marker\n"
      "  outline  the section tree as one JSON document\n"
      "  metrics  one JSON object per quantity (value, unit, approximation)\n"
      "  number   reads one numeral per stdin line, prints its value\n"
      "  --version, --help\n"
      "FILE defaults to standard input ('-'). Offsets are UTF-8 byte offsets, end exclusive.\n",
      f);
}

// Reads all of `f` into `out`; false on a read error.
bool slurp(std::FILE* f, std::string& out) {
  char buf[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buf, 1, sizeof buf, f);
    out.append(buf, n);
    if (n < sizeof buf) return std::ferror(f) == 0;
  }
}

bool read_input(const char* path, std::string& out) {
  if (std::strcmp(path, "-") == 0) {
    if (slurp(stdin, out)) return true;
    std::fprintf(stderr, "zhscan: cannot read standard input: %s\n", std::strerror(errno));
    return false;
  }
  std::FILE* f = std::fopen(path, "rb");
  if (!f) {
    std::fprintf(stderr, "zhscan: cannot open %s: %s\n", path, std::strerror(errno));
    return false;
  }
  const bool ok = slurp(f, out);
  const int err = errno;
  std::fclose(f);
  if (!ok) std::fprintf(stderr, "zhscan: cannot read %s: %s\n", path, std::strerror(err));
  return ok;
}

bool write_all(const std::string& s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size();
}

int run_number() {
  std::string all;
  if (!slurp(stdin, all)) {
    std::fprintf(stderr, "zhscan: cannot read standard input\n");
    return exit_io;
  }
  std::string out;
  std::string_view rest(all);
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    zhscan_cli::cli_number(line, out);
  }
  return write_all(out) ? 0 : exit_io;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return exit_usage;
  }
  const std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h") {
    usage(stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::puts("zhscan " ZHSCAN_VERSION);
    return 0;
  }
  if (cmd == "number") return run_number();

  void (*fn)(std::string_view, std::string&) = nullptr;
  if (cmd == "tokens") fn = zhscan_cli::cli_tokens;
  else if (cmd == "markers") fn = zhscan_cli::cli_markers;
  else if (cmd == "outline") fn = zhscan_cli::cli_outline;
  else if (cmd == "metrics") fn = zhscan_cli::cli_metrics;
  if (!fn || argc > 3) {
    usage(stderr);
    return exit_usage;
  }
  std::string text;
  if (!read_input(argc == 3 ? argv[2] : "-", text)) return exit_io;
  std::string out;
  fn(text, out);
  return write_all(out) ? 0 : exit_io;
}
