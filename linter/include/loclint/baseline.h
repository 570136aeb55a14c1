// Baselines: adopt the gate on a repository with legacy findings.
//
// `--write-baseline FILE` records every current finding; `--baseline FILE` then drops the
// findings the file holds. A finding is matched by its path (relative to the baseline file's
// folder, so the run may start from any folder), its rule and a hash of the text involved and
// the message: never by line number, so editing other lines does not bring old findings back.
// Each recorded entry absorbs one finding, so a second copy of the same defect is still new.
//
// A run may lint part of the tree (a pre-commit hook naming files, --changed-since, --shard, a
// subfolder). Entries of files that run did not lint say nothing about it: they are neither
// counted as "no longer found" nor dropped when the baseline is written again (BaselineScope).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "loclint/diagnostic.h"

namespace loclint {

// The part of the tree a run looked at. An entry is in it when the run linted its file, or when
// its file no longer exists and lies in a folder the run searched whole, where the run would
// have found it (the same --include, --exclude and --shard selection): a deleted file's entries
// are stale, but only a run that would have seen the file can tell.
struct BaselineScope {
  std::vector<std::string> linted;   // the files the run linted (RunResult::files), as it named them
  std::vector<std::string> folders;  // the folders it searched, as named on the command line
  std::vector<std::string> include, exclude;  // command-line globs, relative to each folder
  unsigned shard_index = 1, shard_count = 1;
};

// 64-bit FNV-1a of a string, as 16 hex digits (stable across platforms and versions).
std::string stable_hash(std::string_view s);

struct BaselineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Baseline {
 public:
  // Reads a baseline file: a regular file of at most kMaxBaselineFileSize (128 MiB, read_file.h).
  // Throws BaselineError (file and reason: "cannot read baseline file: not a regular file (a
  // FIFO)", "... larger than 128 MiB (134217728 bytes)", "not a loclint baseline (invalid JSON:
  // ...)") when it cannot.
  static Baseline load(const std::filesystem::path& file);
  // The same, but a file that does not exist is an empty baseline whose exists() is false. Any
  // other failure (permissions, a folder, a FIFO, too large, invalid JSON) still throws.
  static Baseline load_or_empty(const std::filesystem::path& file);
  // Writes `findings` to `file`, and, when `previous` (the file's former content) is given, its
  // entries outside `scope` as they were, sorted by path with the new ones. Returns how many
  // entries were kept that way. Throws BaselineError when it cannot write.
  static size_t write(const std::filesystem::path& file, const std::vector<Finding>& findings,
                      const Baseline* previous = nullptr, const BaselineScope* scope = nullptr);

  // Removes the findings the baseline holds. Returns how many were removed.
  size_t filter(std::vector<Finding>& findings);
  // Entries that matched no finding in the last filter() (fixed since the baseline was written),
  // counting only entries inside `scope` when one is given.
  size_t unmatched(const BaselineScope* scope = nullptr) const;
  size_t size() const;
  bool exists() const { return exists_; }

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // path, rule, hash
  struct Entry {
    Key key;
    std::optional<int64_t> line;  // for people, as read; written back when the entry is kept
    std::string message;
  };
  static Key key_of(const Finding& f, const std::filesystem::path& dir);
  // The key path (relative to `dir`, '/', invalid UTF-8 as U+FFFD) of a path as a run names it.
  static std::string key_path(const std::string& path, const std::filesystem::path& dir);
  // Whether an entry's file is inside `scope` (see BaselineScope).
  class ScopeTest;

  std::filesystem::path dir_;  // absolute folder of the baseline file
  bool exists_ = true;
  std::vector<Entry> list_;  // in file order
  std::map<Key, size_t> entries_;
  std::map<Key, size_t> used_;
};

}  // namespace loclint
