// SPDX-License-Identifier: MIT
// A main() for the fuzz harnesses when no fuzzing engine is linked (ZHSCAN_FUZZ_LINKMAIN=ON):
// replays every file given on the command line, and every regular file inside the folders
// given (recursively), through LLVMFuzzerTestOneInput. With no argument it replays standard
// input. Arguments starting with '-' are ignored, so a libFuzzer command line works as is.
// Each input is copied into a heap buffer of exactly its size, so a sanitizer sees any
// read past the end. Failures show as the harness's trap/abort.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void run_one(const std::vector<char>& bytes) {
  // An exact-size allocation (size 0 still gets a unique pointer) for ASan.
  std::unique_ptr<std::uint8_t[]> buf(new std::uint8_t[bytes.size() ? bytes.size() : 1]);
  std::copy(bytes.begin(), bytes.end(), buf.get());
  LLVMFuzzerTestOneInput(buf.get(), bytes.size());
}

bool replay_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot open %s\n", p.string().c_str());
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  run_one(bytes);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::size_t n = 0;
  bool ok = true;
  bool any_path = false;
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] == '-' && argv[i][1] != '\0') continue;  // a libFuzzer flag
    any_path = true;
    const fs::path arg(argv[i]);
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<fs::path> files;  // sorted, so a replay is reproducible
      for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        ok = replay_file(f) && ok;
        ++n;
      }
    } else {
      ok = replay_file(arg) && ok;
      ++n;
    }
  }
  if (!any_path) {
    std::vector<char> bytes;
    char chunk[1 << 16];
    for (std::size_t got; (got = std::fread(chunk, 1, sizeof chunk, stdin)) > 0;)
      bytes.insert(bytes.end(), chunk, chunk + got);
    run_one(bytes);
    ++n;
  }
  std::fprintf(stderr, "replay: %zu inputs run%s\n", n, ok ? "" : " (some could not be read)");
  return ok ? 0 : 1;
}
