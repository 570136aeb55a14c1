// What the git history of a source tree says about a translation's source file since the
// source commit the translation names (`ms.sourcegitcommit`, MDN's `l10n.sourceCommit`).
//
// It asks the real git, as a child process, rather than libgit2: git is there wherever the
// source tree is a checkout, and reads every repository it can (shallow and partial clones,
// worktrees, alternates, SHA-256 object formats, the user's safe.directory) exactly as the
// user's own commands do; loclint already runs it for --changed-since. One `git diff` per
// distinct commit and run answers for every file: translations of one handoff name the same
// commit, so a run costs a few git invocations, not one per file or per line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loclint {

struct SourceChange {
  enum class State : uint8_t {
    Unchanged,      // the source file is the same as at the commit
    Changed,        // it changed since: `lines` and `first_line` say how
    UnknownCommit,  // the repository does not have the commit (a shallow clone?), or it is no commit id
    NotTracked,     // the source tree is not in a git repository (or git is missing)
  };
  State state = State::NotTracked;
  uint32_t lines = 0;       // lines added plus lines deleted
  uint32_t first_line = 0;  // 1-based line of the file as it is now where the first change is
};

class SourceHistory {
 public:
  // `source_root`: any folder inside the source tree's git work tree (or not in one).
  explicit SourceHistory(std::filesystem::path source_root);
  ~SourceHistory();
  SourceHistory(const SourceHistory&) = delete;
  SourceHistory& operator=(const SourceHistory&) = delete;

  // How `file` (absolute) changed between `commit` and the working tree. Thread-safe; git runs
  // once per distinct commit (other threads asking for it wait).
  SourceChange change(std::string_view commit, const std::filesystem::path& file);

  // Whether the source tree is in a git work tree (asks git once).
  bool tracked();

 private:
  struct Diff;
  std::shared_ptr<Diff> diff_since(const std::string& commit);

  std::filesystem::path root_;
  std::once_flag top_once_;
  std::filesystem::path top_;  // the work tree's top folder; empty when not tracked
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<Diff>> diffs_;
};

// Parses `git diff -U0` output: per file (path relative to the work tree, as in `+++ b/PATH`),
// the lines added plus deleted and the first changed line of the new file. For tests.
struct FileDiff {
  uint32_t lines = 0;
  uint32_t first_line = 0;
};
std::unordered_map<std::string, FileDiff> parse_unified_diff(std::string_view text);

}  // namespace loclint
