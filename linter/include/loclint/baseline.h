// Baselines: adopt the gate on a repository with legacy findings.
//
// `--write-baseline FILE` records every current finding; `--baseline FILE` then drops the
// findings the file holds. A finding is matched by its path (relative to the baseline file's
// folder, so the run may start from any folder), its rule and a hash of the text involved and
// the message: never by line number, so editing other lines does not bring old findings back.
// Each recorded entry absorbs one finding, so a second copy of the same defect is still new.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "loclint/diagnostic.h"

namespace loclint {

// 64-bit FNV-1a of a string, as 16 hex digits (stable across platforms and versions).
std::string stable_hash(std::string_view s);

struct BaselineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Baseline {
 public:
  // Reads a baseline file; throws BaselineError (file and reason) when it cannot.
  static Baseline load(const std::filesystem::path& file);
  // Writes `findings` to `file`; throws BaselineError when it cannot.
  static void write(const std::filesystem::path& file, const std::vector<Finding>& findings);

  // Removes the findings the baseline holds. Returns how many were removed.
  size_t filter(std::vector<Finding>& findings);
  // Entries that matched no finding in the last filter() (fixed since the baseline was written).
  size_t unmatched() const;
  size_t size() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // path, rule, hash
  static Key key_of(const Finding& f, const std::filesystem::path& dir);
  std::filesystem::path dir_;  // absolute folder of the baseline file
  std::map<Key, size_t> entries_;
  std::map<Key, size_t> used_;
};

}  // namespace loclint
