// The progress line of a long run: `loclint: 1234/9650 files` on standard error, redrawn in place
// and erased when the run ends, so the output that follows starts on a clean line.
//
// It is shown only where a person watches: standard error is a terminal that can erase a line
// (TERM is not "dumb"), the run is not in CI (no CI environment variable: CI logs keep every
// carriage return), the run was not asked to be --quiet, and only once the run has taken
// longer than a delay (2 s; LOCLINT_PROGRESS_DELAY=SECONDS changes it), so quick runs never
// flicker.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>

namespace loclint {

// Whether a progress line belongs on this standard error (the conditions above, but the delay).
bool progress_wanted(bool quiet);

class ProgressLine {
 public:
  // `fd` is where the line is drawn; `delay` how long the run must last before it appears.
  ProgressLine(int fd, std::chrono::milliseconds delay);
  ~ProgressLine();  // finish()
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Any thread, after each file: `done` of `total` files are linted. Draws at most every
  // 100 ms, and never before the delay; a thread that finds another drawing does not wait.
  void update(size_t done, size_t total);
  // Erases the line if it was drawn. Call before anything else goes to the terminal.
  void finish();

  // LOCLINT_PROGRESS_DELAY in seconds when set and valid, else 2 s.
  static std::chrono::milliseconds delay_from_environment();

 private:
  using Clock = std::chrono::steady_clock;
  int fd_;
  Clock::time_point start_, last_;
  std::chrono::milliseconds delay_;
  std::mutex mutex_;
  size_t done_ = 0;
  bool drawn_ = false;
};

}  // namespace loclint
