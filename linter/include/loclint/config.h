// Settings that steer the engine and the checks: from the command line and `.loclint.yaml`.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "loclint/diagnostic.h"

namespace loclint {

// The lowest severity that makes the run fail (exit code 1), or Never: findings never fail it.
enum class FailOn : uint8_t { Note = 0, Warning = 1, Error = 2, Never = 3 };  // Note..Error as Severity

// "note", "warning", "error" or "never"; nullopt for anything else.
std::optional<FailOn> parse_fail_on(std::string_view s);
// Whether a finding of severity `s` fails the run.
bool fails(FailOn fail_on, Severity s);

struct Config {
  // Rule selection: entries are rule ids, family names or "all". The most specific selector
  // wins (`--disable metadata --enable metadata/syntax` keeps that one rule); among equals, the last.
  std::vector<std::pair<std::string, bool>> enable;  // (selector, enabled)
  std::map<std::string, Severity> severity;          // rule id or family -> severity
  FailOn fail_on = FailOn::Error;

  std::vector<std::string> include;  // globs; empty: the defaults (*.md, YamlMime *.yml)
  std::vector<std::string> exclude;
  // `include`/`exclude` of a .loclint.yaml: globs relative to the folder of `file`. They apply to
  // every file under that folder, named on the command line or found in a folder (a pre-commit
  // hook names files one by one and must skip the same files as `loclint .`).
  std::vector<std::string> file_include;
  std::vector<std::string> file_exclude;

  // `--shard K/N`: lint only the files whose path (relative to the folder given on the command
  // line) hashes to shard K of N (1-based). Links still resolve against the whole tree.
  unsigned shard_index = 1, shard_count = 1;

  // Options shared by several families.
  std::optional<std::string> locale;              // expected locale of the tree (metadata, code)
  std::optional<std::filesystem::path> source_root;  // source-language tree (link/missing-image, metadata)

  // Per-rule or per-family options: option name -> list of values (a scalar is a list of one).
  // Keys are "rule-or-family.option", e.g. "metadata/missing-key.required".
  std::map<std::string, std::vector<std::string>> options;

  // Where the config came from, for messages ("" when none).
  std::filesystem::path file;

  // Values of an option for a rule: the rule's own entry, then its family's, else `fallback`.
  std::vector<std::string> option(std::string_view rule_id, std::string_view name,
                                  std::vector<std::string> fallback = {}) const;
  bool enabled(const Rule& rule) const;
  Severity severity_of(const Rule& rule) const;
};

}  // namespace loclint
