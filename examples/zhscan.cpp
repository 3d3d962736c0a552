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
// prints one line on stderr; the run goes on and exits with status 2. A write error prints a
// message and exits with status 3; a closed pipe ends the run quietly (status 141).
#include <sys/stat.h>
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
#include "cli_io.hpp"
#include "cli_json_input.hpp"
#include "cli_markers.hpp"
#include "cli_metrics.hpp"
#include "cli_number.hpp"
#include "cli_parallel.hpp"
#include "cli_table.hpp"
#include "cli_stream.hpp"
#include "cli_tokens.hpp"
#include "cli_views.hpp"
#include "zhscan/version.hpp"

namespace {

constexpr int exit_usage = 2;

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

const char usage_text[] =
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
      "  --tree           outline: an indented tree for reading (not JSON)\n"
      "  --table          metrics: an aligned table for reading (not JSON)\n"
      "                   (colour when stdout is a terminal and NO_COLOR is unset)\n"
      "  --progress, --no-progress\n"
      "                   progress on stderr (default: when stderr is a terminal)\n"
      "  --version, --help\n"
      "Offsets are UTF-8 byte offsets into each input, end exclusive.\n"
      "exit status: 0 success, 2 usage error or an input could not be read, 3 the output\n"
      "could not be written, 141 the output's reader went away (SIGPIPE)\n";

void usage(std::FILE* f) { std::fputs(usage_text, f); }

// Expands directories into their *.txt files (recursively, sorted); other inputs stay.
// Symbolic links to directories are not followed; a *.txt entry that cannot be examined (a
// dangling link, a file that vanished) stays in the list, so that reading it reports it.
// A directory that cannot be listed prints a message and sets `status`.
void list_directory(const std::filesystem::path& dir, std::vector<std::string>& found,
                    int& status) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code sec;
    const fs::file_status ls = it->symlink_status(sec);
    if (fs::is_directory(ls)) {
      list_directory(it->path(), found, status);
      continue;
    }
    if (it->path().extension() != ".txt") continue;
    const fs::file_status st = it->status(sec);
    if (sec || fs::is_regular_file(st)) found.push_back(it->path().string());
  }
  if (ec) {
    std::fprintf(stderr, "zhscan: cannot list %s: %s\n", dir.string().c_str(), ec.message().c_str());
    status = zhscan_cli::exit_input;
  }
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& args, int& status) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (a != "-" && fs::is_directory(a, ec)) {
      std::vector<std::string> found;
      list_directory(a, found, status);
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
  bool stream = false;  // read and written in windows by the writer thread (cli_stream.hpp)
  bool par = false;     // a large file: in parts on the threads, or mapped (cli_parallel.hpp)
};

// The streamed form of `cmd` (cli_stream.hpp) in `sc`; false for none (html, the views) or
// when it would not print what the whole-input form prints.
bool stream_form(const command& cmd, zhscan_cli::stream_cmd& sc) {
  using zhscan_cli::stream_cmd;
  if (cmd.fn == zhscan_cli::cli_tokens) sc = stream_cmd::tokens;
  else if (cmd.fn == zhscan_cli::cli_markers) sc = stream_cmd::markers;
  else if (cmd.fn == zhscan_cli::cli_metrics) sc = stream_cmd::metrics;
  else if (cmd.fn == zhscan_cli::cli_table) sc = stream_cmd::table;
  else if (cmd.fn == zhscan_cli::cli_table_csv) sc = stream_cmd::table_csv;
  else if (cmd.fn == zhscan_cli::cli_chunks) sc = stream_cmd::chunks;
  else if (cmd.fn == zhscan_cli::cli_outline) sc = stream_cmd::outline;
  else return false;
  return zhscan_cli::stream_ok(sc, cmd.fn);
}

// Whether `path` is read in blocks: standard input, or a file larger than the threshold.
bool is_large(const std::string& path, std::size_t window) {
  if (path == "-") return true;
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         static_cast<unsigned long long>(st.st_size) > window;
}

// Streams one input straight into `out` (the writer's turn has come).
void stream_file(zhscan_cli::stream_cmd sc, bool tag, job& j, zhscan_cli::output& out) {
  zhscan_cli::input_file in;
  std::string err;
  std::size_t bytes = 0;
  const std::string_view tag_path = tag ? std::string_view(j.path) : std::string_view();
  if (in.open(j.path, err)) zhscan_cli::stream_run(sc, in, out, tag_path, zhscan_cli::stream_settings(), bytes, err);
  j.error = std::move(err);
  j.bytes = bytes;
}

// Whether `cmd` has a form for one large regular file in cli_parallel.hpp.
bool has_par_form(const command& cmd) {
  return cmd.fn == zhscan_cli::cli_metrics || cmd.fn == zhscan_cli::cli_markers;
}

// Processes one large regular file straight into `out` (the writer's turn has come):
// metrics in parts on `jobs` threads, markers from a mapping.
void par_file(const command& cmd, bool tag, unsigned jobs, job& j, zhscan_cli::output& out) {
  zhscan_cli::input_file in;
  std::string err;
  const std::string_view tag_path = tag ? std::string_view(j.path) : std::string_view();
  if (in.open(j.path, err)) {
    if (cmd.fn == zhscan_cli::cli_metrics)
      zhscan_cli::parallel_metrics_file(in.fd(), in.size_hint(), jobs, out, tag_path, err, j.path);
    else
      zhscan_cli::markers_file(in.fd(), in.size_hint(), out, tag_path, err, j.path);
  }
  j.error = std::move(err);
  j.bytes = in.size_hint();
}

// Reads and processes one input into `j` (output, error, bytes). `human`: a view for the
// terminal (--tree, --table), headed by the file name when there are several inputs.
void process_file(const command& cmd, bool tag, bool human, job& j) {
  std::string text, out, err;
  zhscan_cli::input_file in;
  if (in.open(j.path, err) && in.read_all(text, err)) {
    if (human && tag) {
      out += "==> ";
      zhscan_cli::append_display(out, j.path);
      out += " <==\n";
    }
    cmd.fn(text, out);
    if (tag && !human && cmd.one_document) to_one_line(out);  // JSON Lines: one line per input
    if (tag && !human) out = tag_lines(out, j.path);
  }
  j.output = std::move(out);
  j.error = std::move(err);
  j.bytes = text.size();
}

// `piece_jobs`: threads over the parts of one large file (the -j given, 1 without -j): with 2
// or more, metrics and markers of a large regular file take the parallel form of
// cli_parallel.hpp (faster, the file mapped: resident up to its size); otherwise a large input
// streams in bounded memory (cli_stream.hpp).
int run_files(const command& cmd, const std::vector<std::string>& inputs, unsigned jobs,
              unsigned piece_jobs, bool show_progress, int status, zhscan_cli::output& out,
              bool human) {
  const bool tag = inputs.size() > 1;
  std::vector<job> work(inputs.size());
  zhscan_cli::stream_cmd sc = zhscan_cli::stream_cmd::tokens;
  const bool streamed = !human && stream_form(cmd, sc);
  const zhscan_cli::stream_sizes sizes = zhscan_cli::stream_settings();
  const std::size_t window = cmd.fn == zhscan_cli::cli_tokens ? sizes.token_threshold : sizes.threshold;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    work[i].path = inputs[i];
    work[i].stream = streamed && is_large(inputs[i], window);
    work[i].par = !human && piece_jobs > 1 && has_par_form(cmd) && inputs[i] != "-" &&
                  is_large(inputs[i], zhscan_cli::par::part_settings().threshold);
    if (work[i].par) work[i].stream = false;
  }
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(work.size())));
  // Workers run at most `ahead` inputs ahead of the writer: memory holds a few inputs' output.
  const std::size_t ahead = 2 * static_cast<std::size_t>(jobs);

  std::mutex mu;
  std::condition_variable cv;
  std::size_t next = 0, written = 0;
  bool stop = false;
  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stop || next >= work.size() || next < written + ahead; });
        if (stop || next >= work.size()) return;
        i = next++;
      }
      job j;
      j.path = work[i].path;
      if (!work[i].stream && !work[i].par) process_file(cmd, tag, human, j);
      std::lock_guard<std::mutex> lock(mu);
      work[i].output = std::move(j.output);
      work[i].error = std::move(j.error);
      work[i].bytes = j.bytes;
      work[i].done = true;
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  if (jobs > 1)
    for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);

  progress prog;
  prog.enabled = show_progress;
  prog.total_files = work.size();
  for (std::size_t i = 0; i < work.size(); ++i) {
    job j;
    bool ok = true;
    if (work[i].par) {
      j.path = work[i].path;
      par_file(cmd, tag, piece_jobs, j, out);
    } else if (work[i].stream) {
      j.path = work[i].path;
      stream_file(sc, tag, j, out);
    } else if (jobs == 1) {
      j.path = work[i].path;
      process_file(cmd, tag, human, j);
    } else {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return work[i].done; });
      j.output.swap(work[i].output);
      j.error.swap(work[i].error);
      j.bytes = work[i].bytes;
    }
    if (!j.error.empty()) {
      if (prog.enabled) std::fputc('\n', stderr);
      std::fprintf(stderr, "%s\n", j.error.c_str());
      status = zhscan_cli::exit_input;
    }
    ok = out.append(j.output) && ok && out.ok();
    {
      std::lock_guard<std::mutex> lock(mu);
      written = i + 1;
      if (!ok) stop = true;
      cv.notify_all();
    }
    if (!ok) break;
    prog.update(j.bytes, i + 1 == work.size());
  }
  for (std::thread& t : pool) t.join();
  const int w = out.finish();
  return w ? w : status;
}

// Batch mode: one JSON record in, one JSON record out, per line; never stops on bad input.
// Standard input is read in blocks (one line at a time is held); the output goes through
// `out`, whose first write error ends the run.
int run_batch(const command& cmd, zhscan_cli::output& output) {
  zhscan_cli::line_reader in;
  std::string items;
  zhscan_cli::batch_record rec;
  std::string_view line;
  std::size_t line_no = 0;
  while (output.ok() && in.next(line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string& out = output.buffer();
    if (const char* e = zhscan_cli::parse_batch_line(line, rec)) {
      out += "{\"line\":";
      zhscan_cli::json_uint(out, line_no);
      if (!rec.id_raw.empty()) {
        out += ",\"id\":";
        zhscan_cli::json_raw_utf8(out, rec.id_raw);
      }
      out += ",\"error\":";
      zhscan_cli::json_string(out, e);
      out += "}\n";
      output.flush_if_full();
      continue;
    }
    items.clear();
    cmd.fn(rec.text, items);
    out += "{\"id\":";
    if (rec.id_raw.empty())
      out += "null";
    else
      zhscan_cli::json_raw_utf8(out, rec.id_raw);
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
    output.flush_if_full();
  }
  int status = 0;
  if (in.failed()) {
    std::fprintf(stderr, "%s\n", in.error().c_str());
    status = zhscan_cli::exit_input;
  }
  const int w = output.finish();
  return w ? w : status;
}

int run_number(zhscan_cli::output& output) {
  zhscan_cli::line_reader in;
  std::string_view line;
  while (output.ok() && in.next(line)) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    zhscan_cli::cli_number(line, output.buffer());
    output.flush_if_full();
  }
  int status = 0;
  if (in.failed()) {
    std::fprintf(stderr, "%s\n", in.error().c_str());
    status = zhscan_cli::exit_input;
  }
  const int w = output.finish();
  return w ? w : status;
}

// Prints a fixed text on stdout (--help, --version); a write error is reported.
int print_text(std::string_view text) {
  zhscan_cli::output out;
  out.append(text);
  return out.finish();
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
    return print_text(usage_text);
  }
  if (name == "--version") {
    return print_text("zhscan " ZHSCAN_VERSION "\n");
  }
  if (name == "number") {
    if (argc != 2) {
      usage(stderr);
      return exit_usage;
    }
    zhscan_cli::output out;
    return run_number(out);
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
  bool jobs_given = false;  // -j N given: N threads also split one large file (run_files)
  bool batch = false;
  std::string_view view_flag;  // --tree (outline) or --table (metrics): a view for a person
  bool show_progress = isatty(STDERR_FILENO) != 0;
  std::vector<std::string> inputs;
  bool options_done = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (!options_done && a.size() > 1 && a[0] == '-') {
      if (a == "--") {
        options_done = true;
      } else if (a == "-j" || a == "--jobs") {
        jobs_given = true;
        if (i + 1 >= argc || !parse_jobs(argv[i + 1], jobs)) {
          std::fprintf(stderr, "zhscan: %s needs a number of threads (1..1024)\n", argv[i]);
          return exit_usage;
        }
        ++i;
      } else if (a.size() > 2 && a.substr(0, 2) == "-j") {
        jobs_given = true;
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
      } else if (a == "--tree" || a == "--table") {
        view_flag = a;
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
  command view{};
  if (!view_flag.empty()) {
    if (view_flag == "--tree" && cmd->name == "outline") {
      view = {cmd->name, zhscan_cli::cli_outline_tree, true};
    } else if (view_flag == "--table" && cmd->name == "metrics") {
      view = {cmd->name, zhscan_cli::cli_metrics_table, true};
    } else {
      std::fprintf(stderr, "zhscan: %s goes with %s only\n", view_flag.data(),
                   view_flag == "--tree" ? "outline" : "metrics");
      return exit_usage;
    }
    if (batch) {
      std::fprintf(stderr, "zhscan: %s does not go with --batch\n", view_flag.data());
      return exit_usage;
    }
    cmd = &view;
    const char* no_colour = std::getenv("NO_COLOR");
    zhscan_cli::view_colour = isatty(STDOUT_FILENO) && !(no_colour && *no_colour);
  }
  if (batch) {
    if (!inputs.empty()) {
      std::fprintf(stderr, "zhscan: --batch reads standard input only\n");
      return exit_usage;
    }
    zhscan_cli::output out;
    return run_batch(*cmd, out);
  }
  if (inputs.empty()) inputs.emplace_back("-");
  int status = 0;
  const std::vector<std::string> files = expand_inputs(inputs, status);
  if (files.empty()) return status;
  if (cmd->name == "html" && files.size() > 1) {
    std::fprintf(stderr, "zhscan: html takes one input file\n");
    return exit_usage;
  }
  zhscan_cli::output out;
  if (cmd == &table_csv_command) out.append(zhscan_cli::table_csv_header);
  return run_files(*cmd, files, jobs, jobs_given ? jobs : 1u, show_progress, status, out,
                   !view.name.empty());
}
