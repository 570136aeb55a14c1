// The one sequence diff of loclint: Myers' shortest edit script ("An O(ND) Difference Algorithm
// and Its Variations", Algorithmica 1986), used for `--fix --diff` (fix.h, lines of a file) and
// pair/code-block-mismatch (lines of code of a translation and its source).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace loclint {

enum class EditOp : uint8_t {
  Equal,   // the next elements of `a` and `b` are equal: both are kept
  Delete,  // the next element of `a` is dropped
  Insert,  // the next element of `b` is added
};

// A shortest edit script turning `a` (n elements) into `b` (m elements): read in order, Equal and
// Delete consume an element of `a`, Equal and Insert one of `b`. Elements are compared as bytes.
// The common head and tail are matched first; the rest takes O((n + m) * D) time and O(D^2)
// memory for D differences. Past `max_differences` the middle becomes one run of deletions and
// one run of insertions: still a correct script, not a shortest one, and bounded in time and
// memory.
std::vector<EditOp> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b,
                                size_t max_differences = 2000);

// A run of an edit script with no Equal in it: elements [a_begin, a_end) of `a` stand where
// [b_begin, b_end) of `b` stand (either range may be empty, not both).
struct ChangedRun {
  size_t a_begin, a_end, b_begin, b_end;
  bool operator==(const ChangedRun&) const = default;
};

// The changed runs of `ops`, in order; adjacent Delete and Insert ops form one run.
std::vector<ChangedRun> changed_runs(const std::vector<EditOp>& ops);

}  // namespace loclint
