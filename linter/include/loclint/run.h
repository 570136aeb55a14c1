// What a run produced besides its findings: counts for the summary and --stats, and the
// run-level notes that checks contribute instead of a finding per occurrence.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "loclint/diagnostic.h"

namespace loclint {

// How often each SummaryNote was counted. Sorted by note id, so output is the same for any -j.
class NoteCounts {
 public:
  void add(const SummaryNote& note, size_t n = 1);
  void merge(const NoteCounts& other);
  const std::vector<std::pair<const SummaryNote*, size_t>>& counts() const { return counts_; }
  bool empty() const { return counts_.empty(); }

 private:
  std::vector<std::pair<const SummaryNote*, size_t>> counts_;
};

struct RunStats {
  size_t files = 0;     // documents linted
  size_t segments = 0;  // segments found in them
  size_t bytes = 0;     // bytes read
  size_t errors = 0, warnings = 0, notes = 0;  // findings by severity (count_severities)
  size_t inherited = 0;                        // of those, inherited from the source
  // Articles whose front matter the metadata census read, and those it took from its cache.
  size_t census_files_read = 0, census_files_cached = 0;
  bool tool_failure = false;  // an input could not be read: exit code 2
  NoteCounts summary_notes;   // counted by checks over the run

  // Sets errors, warnings and notes from the findings (after a baseline removed some, again).
  void count_severities(const std::vector<Finding>& findings);
};

struct RunResult {
  std::vector<std::string> files;  // the files the run linted (or tried to), as named, sorted
  std::vector<Finding> findings;
  RunStats stats;
};

}  // namespace loclint
