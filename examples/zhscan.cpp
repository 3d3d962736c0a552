// SPDX-License-Identifier: MIT
// zhscan: command-line front end of the zhscan library, meant to run over whole corpora.
//
//   zhscan COMMAND [-j N] [--progress|--no-progress] [INPUT...]
//   zhscan COMMAND --batch            JSON Lines {"id":..,"text":..} on stdin
//   zhscan number                     one numeral string per stdin line
//
// COMMAND is tokens, markers, outline, metrics, chunks, table or html (one input only, no --batch). INPUT is a file, a directory (searched
// recursively for *.txt, in sorted order) or - for standard input (the default). With more
// than one input file every output line gets a "file" field. Files are processed on N
// threads (default: all cores); output keeps the input order. A missing or unreadable input
// prints one line on stderr; the run goes on and exits with status 2.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include "cli_chunks.hpp"
#include "cli_common.hpp"
#include "cli_html.hpp"
#include "cli_json_input.hpp"
#include "cli_markers.hpp"
#include "cli_metrics.hpp"
#include "cli_number.hpp"
#include "cli_table.hpp"
#include "cli_tokens.hpp"
#include "zhscan/version.hpp"

namespace {

constexpr int exit_usage = 2;
constexpr int exit_io = 2;

using command_fn = void (*)(std::string_view, std::string&);

struct command {
  std::string_view name;
  command_fn fn;
  bool one_document;  // prints one JSON document per input rather than one line per item
};

const command commands[] = {
    {"tokens", zhscan_cli::cli_tokens, false},
    {"markers", zhscan_cli::cli_markers, false},
    {"outline", zhscan_cli::cli_outline, true},
    {"metrics", zhscan_cli::cli_metrics, false},
    {"chunks", zhscan_cli::cli_chunks, false},
    {"html", zhscan_cli::cli_html, true},
    {"table", zhscan_cli::cli_table, false},
};
const command table_csv_command{"table", zhscan_cli::cli_table_csv, false};  // table --csv

void usage(std::FILE* f) {
  std::fputs(
      "usage: zhscan COMMAND [OPTIONS] [INPUT...]\n"
      "       zhscan COMMAND --batch < records.jsonl\n"
      "       zhscan number < numerals.txt\n"
      "commands:\n"
      "  tokens   one JSON object per token: {\"start\",\"end\",\"kind\"}\n"
      "  markers  one JSON object per outline marker\n"
      "  outline  the section tree as one JSON document per input\n"
      "  metrics  one JSON object per quantity (value, unit, approximation)\n"
      "  chunks   one JSON object per heading-path chunk: {\"start\",\"end\",\"section\",\"path\",\"text\"}\n"
      "  html     one self-contained HTML page showing the parse of one input\n"
      "  table    one JSON object per indicator statement (indicator, level, changes);\n"
      "           --csv prints CSV rows under one header row instead\n"
      "  number   reads one numeral per stdin line, prints its value\n"
      "inputs: files, directories (recursing into *.txt) or - for standard input (default)\n"
      "options:\n"
      "  -j N, --jobs N   worker threads (default: all cores); output keeps input order\n"
      "  --batch          read {\"id\":..,\"text\":..} per stdin line, write\n"
      "                   {\"id\":..,\"COMMAND\":[..]} per line (a map step for Hadoop/Spark)\n"
      "  --max-bytes N    chunks: largest chunk in bytes (default 2000; only a longer\n"
      "                   single sentence exceeds it)\n"
      "  --progress, --no-progress\n"
      "                   progress on stderr (default: when stderr is a terminal)\n"
      "  --version, --help\n"
      "Offsets are UTF-8 byte offsets into each input, end exclusive.\n",
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

// Reads a whole input; on failure returns false with a one-line message in `err`.
bool read_input(const std::string& path, std::string& out, std::string& err) {
  if (path == "-") {
    if (slurp(stdin, out)) return true;
    err = "zhscan: cannot read standard input: " + std::string(std::strerror(errno));
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    err = "zhscan: cannot open " + path + ": " + std::strerror(errno);
    return false;
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) out.reserve(static_cast<std::size_t>(size));
  const bool ok = slurp(f, out);
  const int e = errno;
  std::fclose(f);
  if (!ok) err = "zhscan: cannot read " + path + ": " + std::strerror(e);
  return ok;
}

bool write_all(std::string_view s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size();
}

// Expands directories into their *.txt files (recursively, sorted); other inputs stay.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args, int& status) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (a != "-" && fs::is_directory(a, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        std::error_code fec;
        if (it->is_regular_file(fec) && it->path().extension() == ".txt")
          found.push_back(it->path().string());
      }
      if (ec) {
        std::fprintf(stderr, "zhscan: cannot list %s: %s\n", a.c_str(), ec.message().c_str());
        status = exit_io;
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(a);
    }
  }
  return out;
}

// Joins a multi-line JSON document (outline) into one line. The line breaks in our JSON
// are structural only (json_string escapes them inside strings), so dropping them keeps
// the document; the final newline stays.
void to_one_line(std::string& s) {
  s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
  if (!s.empty()) s.push_back('\n');
}

// Inserts "file":"<path>", after the opening brace of every line of `s`.
std::string tag_lines(std::string_view s, std::string_view path) {
  std::string tag = "\"file\":";
  zhscan_cli::json_string(tag, path);
  tag.push_back(',');
  std::string out;
  out.reserve(s.size() + 64);
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl == std::string_view::npos ? s.size() : nl + 1);
    s.remove_prefix(line.size());
    if (!line.empty() && line.front() == '{') {
      out.push_back('{');
      out += tag;
      out.append(line.data() + 1, line.size() - 1);
    } else {
      out.append(line.data(), line.size());
    }
  }
  return out;
}

struct progress {
  bool enabled = false;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last{};
  std::size_t files = 0, total_files = 0;
  double bytes = 0;

  void update(std::size_t add_bytes, bool final_line = false) {
    if (!enabled) return;
    ++files;
    bytes += static_cast<double>(add_bytes);
    const auto now = std::chrono::steady_clock::now();
    if (!final_line && now - last < std::chrono::milliseconds(200)) return;
    last = now;
    const double secs = std::chrono::duration<double>(now - start).count();
    const double mb = bytes / 1e6;
    std::fprintf(stderr, "\r%zu/%zu files, %.1f MB, %.1f MB/s   ", files, total_files, mb,
                 secs > 0 ? mb / secs : 0.0);
    if (final_line) std::fputc('\n', stderr);
    std::fflush(stderr);
  }
};

struct job {
  std::string path;
  std::string output;
  std::string error;
  std::size_t bytes = 0;
  bool done = false;
};

int run_files(const command& cmd, const std::vector<std::string>& inputs, unsigned jobs,
              bool show_progress, int status) {
  const bool tag = inputs.size() > 1;
  std::vector<job> work(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) work[i].path = inputs[i];

  std::mutex mu;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= work.size()) return;
      job& j = work[i];
      std::string text, out, err;
      if (read_input(j.path, text, err)) {
        cmd.fn(text, out);
        if (tag && cmd.one_document) to_one_line(out);  // JSON Lines: one line per input
        if (tag) out = tag_lines(out, j.path);
      }
      std::lock_guard<std::mutex> lock(mu);
      j.output = std::move(out);
      j.error = std::move(err);
      j.bytes = text.size();
      j.done = true;
      cv.notify_all();
    }
  };
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(work.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker);
  if (jobs == 1) worker();

  progress prog;
  prog.enabled = show_progress;
  prog.total_files = work.size();
  for (std::size_t i = 0; i < work.size(); ++i) {
    std::string out, err;
    std::size_t bytes = 0;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return work[i].done; });
      out.swap(work[i].output);
      err.swap(work[i].error);
      bytes = work[i].bytes;
    }
    if (!err.empty()) {
      if (prog.enabled) std::fputc('\n', stderr);
      std::fprintf(stderr, "%s\n", err.c_str());
      status = exit_io;
    }
    if (!write_all(out)) status = exit_io;
    prog.update(bytes, i + 1 == work.size());
  }
  for (std::thread& t : pool) t.join();
  return status;
}

// Batch mode: one JSON record in, one JSON record out, per line; never stops on bad input.
int run_batch(const command& cmd) {
  std::string all;
  if (!slurp(stdin, all)) {
    std::fprintf(stderr, "zhscan: cannot read standard input\n");
    return exit_io;
  }
  std::string out, items;
  zhscan_cli::batch_record rec;
  std::string_view rest(all);
  std::size_t line_no = 0;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (const char* e = zhscan_cli::parse_batch_line(line, rec)) {
      out += "{\"line\":";
      zhscan_cli::json_uint(out, line_no);
      if (!rec.id_raw.empty()) {
        out += ",\"id\":";
        out.append(rec.id_raw.data(), rec.id_raw.size());
      }
      out += ",\"error\":";
      zhscan_cli::json_string(out, e);
      out += "}\n";
      continue;
    }
    items.clear();
    cmd.fn(rec.text, items);
    out += "{\"id\":";
    if (rec.id_raw.empty())
      out += "null";
    else
      out.append(rec.id_raw.data(), rec.id_raw.size());
    out += ",\"";
    out.append(cmd.name.data(), cmd.name.size());
    out += "\":";
    if (cmd.one_document) {
      to_one_line(items);
      while (!items.empty() && items.back() == '\n') items.pop_back();
      out += items.empty() ? std::string("null") : items;
    } else {  // the item lines become the elements of one array
      out.push_back('[');
      bool first = true;
      std::string_view it(items);
      while (!it.empty()) {
        const std::size_t k = it.find('\n');
        const std::string_view item = it.substr(0, k);
        it = k == std::string_view::npos ? std::string_view() : it.substr(k + 1);
        if (item.empty()) continue;
        if (!first) out.push_back(',');
        first = false;
        out.append(item.data(), item.size());
      }
      out.push_back(']');
    }
    out += "}\n";
    if (out.size() > (1u << 20)) {
      if (!write_all(out)) return exit_io;
      out.clear();
    }
  }
  return write_all(out) ? 0 : exit_io;
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

bool parse_jobs(const char* s, unsigned& jobs) {
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(s, &end, 10);
  if (errno || end == s || *end || v < 1 || v > 1024) return false;
  jobs = static_cast<unsigned>(v);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return exit_usage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h") {
    usage(stdout);
    return 0;
  }
  if (name == "--version") {
    std::puts("zhscan " ZHSCAN_VERSION);
    return 0;
  }
  if (name == "number") {
    if (argc != 2) {
      usage(stderr);
      return exit_usage;
    }
    return run_number();
  }
  const command* cmd = nullptr;
  for (const command& c : commands)
    if (c.name == name) cmd = &c;
  if (!cmd) {
    std::fprintf(stderr, "zhscan: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return exit_usage;
  }

  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  bool batch = false;
  bool show_progress = isatty(STDERR_FILENO) != 0;
  std::vector<std::string> inputs;
  bool options_done = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (!options_done && a.size() > 1 && a[0] == '-') {
      if (a == "--") {
        options_done = true;
      } else if (a == "-j" || a == "--jobs") {
        if (i + 1 >= argc || !parse_jobs(argv[i + 1], jobs)) {
          std::fprintf(stderr, "zhscan: %s needs a number of threads (1..1024)\n", argv[i]);
          return exit_usage;
        }
        ++i;
      } else if (a.size() > 2 && a.substr(0, 2) == "-j") {
        if (!parse_jobs(argv[i] + 2, jobs)) {
          std::fprintf(stderr, "zhscan: bad thread count in %s\n", argv[i]);
          return exit_usage;
        }
      } else if (a == "--max-bytes" && cmd->name == "chunks") {
        char* end = nullptr;
        errno = 0;
        const unsigned long long v = i + 1 < argc ? std::strtoull(argv[i + 1], &end, 10) : 0;
        if (i + 1 >= argc || errno || end == argv[i + 1] || *end || v < 1 || argv[i + 1][0] == '-') {
          std::fprintf(stderr, "zhscan: --max-bytes needs a number of bytes (>= 1)\n");
          return exit_usage;
        }
        zhscan_cli::chunk_max_bytes = static_cast<std::size_t>(v);
        ++i;
      } else if (a == "--batch") {
        batch = true;
      } else if (a == "--csv" && cmd->name == "table") {
        cmd = &table_csv_command;
      } else if (a == "--progress") {
        show_progress = true;
      } else if (a == "--no-progress") {
        show_progress = false;
      } else {
        std::fprintf(stderr, "zhscan: unknown option '%s'\n", argv[i]);
        usage(stderr);
        return exit_usage;
      }
    } else {
      inputs.emplace_back(argv[i]);
    }
  }
  if (cmd->name == "html" && (batch || inputs.size() > 1)) {
    std::fprintf(stderr, "zhscan: html takes one input file\n");
    return exit_usage;
  }
  if (batch && cmd == &table_csv_command) {
    std::fprintf(stderr, "zhscan: --csv does not go with --batch\n");
    return exit_usage;
  }
  if (batch) {
    if (!inputs.empty()) {
      std::fprintf(stderr, "zhscan: --batch reads standard input only\n");
      return exit_usage;
    }
    return run_batch(*cmd);
  }
  if (inputs.empty()) inputs.emplace_back("-");
  int status = 0;
  const std::vector<std::string> files = expand_inputs(inputs, status);
  if (files.empty()) return status;
  if (cmd->name == "html" && files.size() > 1) {
    std::fprintf(stderr, "zhscan: html takes one input file\n");
    return exit_usage;
  }
  if (cmd == &table_csv_command && !write_all(zhscan_cli::table_csv_header)) return exit_io;
  return run_files(*cmd, files, jobs, show_progress, status);
}
