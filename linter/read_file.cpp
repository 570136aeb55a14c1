#include "loclint/read_file.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace loclint {

namespace {

std::string_view file_type_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "neither a file nor a directory";
}

// "1 MiB (1048576 bytes)": a limit as a person reads it, and exactly.
std::string size_name(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return fmt::format("{} MiB ({} bytes)", bytes >> 20, bytes);
  if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} KiB ({} bytes)", bytes >> 10, bytes);
  return fmt::format("{} bytes", bytes);
}

}  // namespace

bool read_file(const std::string& path, std::string& out, std::string& error, bool& too_large,
               std::optional<size_t> limit, bool regular_only) {
  too_large = false;
  const size_t cap = limit ? std::min(*limit, kMaxFileSize) : kMaxFileSize;
  // O_NONBLOCK: opening a FIFO without a writer blocks forever; non-blocking, it opens at once
  // and reads as empty. Reads are blocking again (a pipe given as a path still works).
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    error = std::strerror(errno);
    ::close(fd);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "is a directory";
    ::close(fd);
    return false;
  }
  if (regular_only && !S_ISREG(st.st_mode)) {
    error = fmt::format("not a regular file ({})", file_type_name(st.st_mode));
    ::close(fd);
    return false;
  }
  // A regular file never blocks; anything else (a FIFO, a device) is read blocking again.
  if (!S_ISREG(st.st_mode))
    if (int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  if (!limit && static_cast<size_t>(st.st_size) > kMaxFileSize) {
    too_large = true;
    ::close(fd);
    return false;
  }
  out.clear();
  out.resize(std::min(static_cast<size_t>(st.st_size), cap));
  auto fail = [&] {
    error = std::strerror(errno);
    ::close(fd);
    return false;
  };
  // Enough is read at the limit, or, without one, one byte past kMaxFileSize (then `too_large`):
  // a FIFO whose writer stays open would block the next read.
  const size_t enough = limit ? cap : kMaxFileSize + 1;
  size_t got = 0;
  while (true) {
    if (got >= enough) break;
    if (got == out.size()) {
      // A regular file of the size fstat gave is read whole (or up to the limit): no probe (one
      // read call less per file). A size of 0 may be a /proc file whose size is unknown: probe it.
      if (S_ISREG(st.st_mode) && st.st_size > 0) break;
      // The expected size is read: probe for more in a small buffer, so that the usual end of
      // file does not zero-fill (and free) a 64 KiB tail for every file.
      char probe[512];
      ssize_t n = ::read(fd, probe, sizeof probe);
      if (n < 0) {
        if (errno == EINTR) continue;
        return fail();
      }
      if (n == 0) break;
      out.append(probe, static_cast<size_t>(n));  // the file grew, or st_size was 0 (a pipe, /proc)
      got += static_cast<size_t>(n);
      out.resize(out.size() + 65536);
      continue;
    }
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail();
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  if (limit) {
    out.resize(std::min(got, cap));  // the probe and the reads after it may pass the limit
    return true;
  }
  out.resize(got);
  if (got > kMaxFileSize) {
    too_large = true;
    return false;
  }
  return true;
}

std::optional<std::string> read_whole_file(const std::string& path, size_t max_bytes, bool regular_only,
                                           std::string& error) {
  max_bytes = std::min(max_bytes, kMaxFileSize);
  // A regular file is refused from its size, before a byte is read.
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(path, ec); !ec && size > max_bytes) {
    error = "larger than " + size_name(max_bytes);
    return std::nullopt;
  }
  // A FIFO the user names is waited for, as `cat` waits: a blocking open returns once a writer
  // has opened it (bash's `<(...)` where /dev/fd is missing, `mkfifo list; git diff > list &`),
  // and held open it keeps what the writer wrote, even if the writer closed before read_file's
  // own (non-blocking) open. Without the wait a writer that opens a moment late reads as empty.
  int waited_fd = -1;
  if (struct stat st {}; !regular_only && ::stat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode)) {
    do waited_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (waited_fd < 0 && errno == EINTR);
  }
  std::string bytes;
  bool too_large = false;
  // One byte past the limit tells a file at the limit from a longer one without reading the rest;
  // at kMaxFileSize, read_file's own limit decides.
  const std::optional<size_t> prefix = max_bytes < kMaxFileSize ? std::optional<size_t>(max_bytes + 1) : std::nullopt;
  const bool read = read_file(path, bytes, error, too_large, prefix, regular_only);
  if (waited_fd >= 0) ::close(waited_fd);
  if (!read) {
    if (too_large) error = "larger than " + size_name(max_bytes);
    return std::nullopt;
  }
  if (bytes.size() > max_bytes) {
    error = "larger than " + size_name(max_bytes);
    return std::nullopt;
  }
  return bytes;
}

bool readable_document(const std::filesystem::path& p) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return false;
  auto size = std::filesystem::file_size(p, ec);
  return !ec && size <= kMaxFileSize;
}

}  // namespace loclint
