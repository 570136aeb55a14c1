// `.loclint.yaml`: the configuration a docs repository commits.
//
//   enable: [segment, code/command-mismatch]   # rules or families to turn on (list or one)
//   disable: [link/missing-anchor]             # ... or off (a rule id beats its family; `all` is every rule)
//   severity: {metadata/missing-key: warning}  # rule or family -> error | warning | note
//   options:                                   # rule or family -> option -> value or list
//     metadata/missing-key: {required: [title, description]}
//   locale: fr-FR
//   source-root: ../en-us                      # relative to the folder of this file
//   pairing:                                   # where each translation's source is (pairing.h)
//     paths: [{translation: "content/{locale}/{path}", source: "content/en/{path}"}]
//     source-commit-key: [ms.sourcegitcommit, l10n.sourceCommit]
//   include: ["articles/**"]                   # globs relative to the folder of this file
//   exclude: ["includes/**"]
//
// The file that applies to a document is the nearest `.loclint.yaml` found by walking up from the
// document's folder (or the one given with --config). Files do not combine: the nearest one wins
// whole, so what a folder's file says is all there is to read. Command-line flags are applied on
// top of it and win: their enable/disable come after the file's, their severities and options
// replace the file's for the same rule, --locale and --source-root replace the file's values,
// and --exclude adds to the file's exclusions.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loclint/config.h"
#include "loclint/diagnostic.h"

namespace loclint {

inline constexpr const char* kConfigFileName = ".loclint.yaml";

// A configuration file that cannot be used: the message names the file, line, column and key,
// as `path:line:col: message`.
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The top-level keys a configuration file may have, in the order messages list them.
const std::vector<std::string_view>& config_file_keys();

// Reads one configuration file: a regular file (relative paths in it are resolved against its
// folder) of at most kMaxConfigFileSize (1 MiB, read_file.h). `rules` is every known rule (to
// check rule, family and option names). Throws ConfigError: "PATH: cannot read configuration
// file: REASON" (read_whole_file's words), or a YAML or setting error at its line and column.
Config load_config_file(const std::filesystem::path& file, const std::vector<const Rule*>& rules);

// The file's configuration with the command line's applied on top (the command line wins).
Config merge_configs(const Config& from_file, const Config& cli);

// Finds and caches the configuration of each folder. Thread-safe.
class ConfigResolver {
 public:
  // `explicit_file`: --config FILE (empty: search for .loclint.yaml). Loads it now (may throw).
  ConfigResolver(Config cli, std::filesystem::path explicit_file, std::vector<const Rule*> rules);

  // The effective configuration of a document. Throws ConfigError for a bad file.
  std::shared_ptr<const Config> for_path(const std::filesystem::path& document);

  // The nearest .loclint.yaml above `dir` (absolute), or empty.
  static std::filesystem::path find_config(const std::filesystem::path& dir);

 private:
  std::shared_ptr<const Config> for_config_file(const std::filesystem::path& file);

  Config cli_;
  std::vector<const Rule*> rules_;
  std::shared_ptr<const Config> fixed_;  // from --config
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Config>> by_dir_;
  std::unordered_map<std::string, std::shared_ptr<const Config>> by_file_;
};

}  // namespace loclint
