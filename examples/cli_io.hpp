// SPDX-License-Identifier: MIT
// Input and output of the zhscan program: files read with read(2) in blocks, standard output
// written with write(2) through one large buffer, every error kept and reported.
//
// Exit statuses (README, "The command-line program"): 0 success; 2 a usage error, or an
// input could not be listed, opened or read (the other inputs are still processed); 3 the
// output could not be written (a message on stderr, the run stops); 141 (128 + SIGPIPE) the
// reader of the output went away: the run stops quietly (killed by SIGPIPE, or exit status
// 141 when SIGPIPE is ignored).
#ifndef ZHSCAN_EXAMPLES_CLI_IO_HPP
#define ZHSCAN_EXAMPLES_CLI_IO_HPP

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace zhscan_cli {

constexpr int exit_input = 2;   ///< an input could not be listed, opened or read
constexpr int exit_write = 3;   ///< the output could not be written
constexpr int exit_pipe = 141;  ///< the output's reader went away (EPIPE): no message

/** Writes all of [p, p+n) to `fd`; returns 0 or the errno of the failure. */
inline int write_fd(int fd, const char* p, std::size_t n) {
  while (n) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return 0;
}

/**
 * Standard output through one buffer. Commands append to buffer(); flush_if_full() writes it
 * out once it holds `capacity` bytes. The first write error is kept; after it nothing more is
 * written (every later call returns false at once).
 */
class output {
 public:
  explicit output(int fd = STDOUT_FILENO, std::size_t capacity = std::size_t(1) << 20)
      : fd_(fd), capacity_(capacity) {
    buf_.reserve(capacity + capacity / 4);
  }

  std::string& buffer() noexcept { return buf_; }
  bool ok() const noexcept { return err_ == 0; }
  int error() const noexcept { return err_; }

  bool append(std::string_view s) {
    buf_.append(s.data(), s.size());
    return flush_if_full();
  }
  bool flush_if_full() { return buf_.size() < capacity_ || flush(); }
  bool flush() {
    if (err_ == 0 && !buf_.empty()) err_ = write_fd(fd_, buf_.data(), buf_.size());
    buf_.clear();
    return err_ == 0;
  }

  /**
   * Flushes, then returns the exit status for a failed output (0 if none): a message on stderr
   * and exit_write, or exit_pipe without a message for a closed pipe.
   */
  int finish() {
    flush();
    if (err_ == 0) return 0;
    if (err_ == EPIPE) return exit_pipe;
    std::fprintf(stderr, "zhscan: cannot write the output: %s\n", std::strerror(err_));
    return exit_write;
  }

 private:
  int fd_;
  std::size_t capacity_;
  std::string buf_;
  int err_ = 0;
};

/** A file or standard input, read in blocks. */
class input_file {
 public:
  input_file() = default;
  input_file(const input_file&) = delete;
  input_file& operator=(const input_file&) = delete;
  ~input_file() { close(); }

  /** Opens `path` ("-": standard input); false with a message in `err` on failure. */
  bool open(const std::string& path, std::string& err) {
    close();
    path_ = path;
    if (path == "-") {
      fd_ = STDIN_FILENO;
      own_ = false;
      return true;
    }
    do fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) {
      err = "zhscan: cannot open " + path + ": " + std::strerror(errno);
      return false;
    }
    own_ = true;
    struct stat st;
    if (::fstat(fd_, &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        err = "zhscan: cannot read " + path + ": " + std::strerror(EISDIR);
        close();
        return false;
      }
      if (S_ISREG(st.st_mode)) size_hint_ = static_cast<std::size_t>(st.st_size);
    }
    return true;
  }

  int fd() const noexcept { return fd_; }
  /** The size of a regular file as stat reports it (0 for pipes and /proc files). */
  std::size_t size_hint() const noexcept { return size_hint_; }

  /**
   * Appends up to `max` bytes to `out`; returns the count (0 at the end of the input), or -1
   * on a read error, with a message naming the input in `err`.
   */
  long long read_some(std::string& out, std::size_t max, std::string& err) {
    const std::size_t old = out.size();
    out.resize(old + max);
    for (;;) {
      const ssize_t r = ::read(fd_, &out[old], max);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) {
        const int e = errno;
        out.resize(old);
        err = "zhscan: cannot read " + (path_ == "-" ? std::string("standard input") : path_) +
              ": " + std::strerror(e);
        return -1;
      }
      out.resize(old + static_cast<std::size_t>(r));
      return r;
    }
  }

  /** Appends the rest of the input to `out`; false with a message in `err` on failure. */
  bool read_all(std::string& out, std::string& err) {
    if (size_hint_) out.reserve(out.size() + size_hint_ + (std::size_t(1) << 16));
    for (;;) {
      const std::size_t room = out.capacity() - out.size();
      const long long r = read_some(out, std::max<std::size_t>(room, std::size_t(1) << 16), err);
      if (r < 0) return false;
      if (r == 0) return true;
    }
  }

  void close() {
    if (own_ && fd_ >= 0) ::close(fd_);
    fd_ = -1;
    own_ = false;
    size_hint_ = 0;
  }

 private:
  std::string path_;
  int fd_ = -1;
  bool own_ = false;
  std::size_t size_hint_ = 0;
};

/**
 * Standard input line by line, in blocks (a line is held whole; the rest of the input is
 * not). next() gives each line without its '\n'; false at the end or on a read error
 * (failed() then tells, with the message in error()).
 */
class line_reader {
 public:
  explicit line_reader(std::size_t block = std::size_t(1) << 20) : block_(block) {
    std::string e;
    in_.open("-", e);
  }

  bool next(std::string_view& line) {
    for (;;) {
      const std::size_t nl = buf_.find('\n', scan_);
      if (nl != std::string::npos) {
        line = std::string_view(buf_).substr(pos_, nl - pos_);
        pos_ = scan_ = nl + 1;
        return true;
      }
      if (eof_) {
        if (pos_ == buf_.size()) return false;
        line = std::string_view(buf_).substr(pos_);
        pos_ = scan_ = buf_.size();
        return true;
      }
      // drop the lines already given, then read more
      buf_.erase(0, pos_);
      pos_ = 0;
      scan_ = buf_.size();
      const long long r = in_.read_some(buf_, block_, err_);
      if (r < 0) {
        failed_ = true;
        return false;
      }
      if (r == 0) eof_ = true;
    }
  }

  bool failed() const noexcept { return failed_; }
  const std::string& error() const noexcept { return err_; }

 private:
  input_file in_;
  std::size_t block_;
  std::string buf_;
  std::size_t pos_ = 0, scan_ = 0;
  bool eof_ = false, failed_ = false;
  std::string err_;
};

}  // namespace zhscan_cli

#endif  // ZHSCAN_EXAMPLES_CLI_IO_HPP
