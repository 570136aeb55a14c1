#include "loclint/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

namespace loclint {

namespace {

void write_all(int fd, const std::string& s) {
  for (size_t off = 0; off < s.size();) {
    ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n <= 0) return;  // a closed terminal: the line is lost, the run goes on
    off += static_cast<size_t>(n);
  }
}

constexpr const char* kErase = "\r\x1b[K";  // to the start of the line, then clear it

}  // namespace

bool progress_wanted(bool quiet) {
  if (quiet || std::getenv("CI") != nullptr || !::isatty(STDERR_FILENO)) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

std::chrono::milliseconds ProgressLine::delay_from_environment() {
  if (const char* v = std::getenv("LOCLINT_PROGRESS_DELAY")) {
    char* end = nullptr;
    double seconds = std::strtod(v, &end);
    if (end != v && *end == '\0' && seconds >= 0 && seconds < 86400)
      return std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  }
  return std::chrono::seconds(2);
}

ProgressLine::ProgressLine(int fd, std::chrono::milliseconds delay) : fd_(fd), start_(Clock::now()), delay_(delay) {}

ProgressLine::~ProgressLine() { finish(); }

void ProgressLine::update(size_t done, size_t total) {
  const Clock::time_point now = Clock::now();
  if (now - start_ < delay_) return;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock) return;
  done_ = std::max(done_, done);  // workers finish out of order
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  write_all(fd_, fmt::format("{}loclint: {}/{} files", kErase, done_, total));
  drawn_ = true;
  last_ = now;
}

void ProgressLine::finish() {
  std::lock_guard lock(mutex_);
  if (drawn_) write_all(fd_, kErase);
  drawn_ = false;
}

}  // namespace loclint
