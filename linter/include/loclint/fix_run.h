// Applying the fixes of a run to its files; fix.h does the editing, the engine the linting again.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "loclint/engine.h"
#include "loclint/run.h"

namespace loclint {

// `loclint --fix` over a finished run: every file with a fix is read again, fixed, linted again
// and fixed again until no fix applies (at most `kMaxFixPasses` passes, so fixes that overlap
// are all applied in one run), then written (unless `write` is false) and its findings replaced
// by those of the fixed text (the caller recounts the severities). With `diff`, the unified
// diff of each changed file (paths `a/PATH` and `b/PATH`) is written to it.
struct FixOptions {
  bool write = true;
  std::ostream* diff = nullptr;
};
struct FixSummary {
  size_t fixes = 0;         // fixes applied
  size_t files = 0;         // files changed
  std::vector<std::string> errors;  // "PATH: reason" for files that could not be fixed or written
};
inline constexpr int kMaxFixPasses = 10;
FixSummary fix_run(const Engine& engine, RunResult& result, const FixOptions& options);

}  // namespace loclint
