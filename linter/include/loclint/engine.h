// The engine: finds the files, builds one Document per file, runs the checks in parallel,
// applies rule selection and severities, and returns findings sorted by path, line, column.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "loclint/check.h"
#include "loclint/config.h"
#include "loclint/diagnostic.h"

namespace loclint {

// Whether the engine parses and lints a file with these bytes: not when it looks binary (a NUL
// byte in its first 8000 bytes) nor when it is a YAML file without the `### YamlMime:` header.
bool engine_parses(std::string_view path, std::string_view bytes);

// Rules of the tool itself (unreadable files, encoding problems, ...).
const std::vector<const Rule*>& core_rules();

struct RunStats {
  size_t files = 0;     // documents linted
  size_t segments = 0;  // segments found in them
  size_t bytes = 0;     // bytes read
  size_t errors = 0, warnings = 0, notes = 0;
  bool tool_failure = false;  // an input could not be read: exit code 2
  size_t unchecked_images = 0;  // image links left unchecked (no media, no --source-root)
};

struct RunResult {
  std::vector<Finding> findings;
  RunStats stats;
};

class Engine {
 public:
  Engine(const Config& config, std::vector<Check> checks);

  // Lints every document under `inputs` (files and folders) with `jobs` threads.
  RunResult run(const std::vector<std::string>& inputs, unsigned jobs) const;

  // Lints one document already in memory (the fixture tests use this).
  std::vector<Finding> lint_document(const Document& doc, Workspace& workspace) const;
  // The same with a given configuration (the one of the document's folder).
  std::vector<Finding> lint_document(const Document& doc, Workspace& workspace, const Config& config) const;

  // Where each file's configuration comes from (a ConfigResolver: the nearest .loclint.yaml
  // merged with the command line). Without one, every file uses the constructor's config.
  // The lookup may throw (a bad configuration file); `run` and `discover` let it through,
  // and discovery asks for every file's configuration before any file is linted.
  using ConfigLookup = std::function<std::shared_ptr<const Config>(const std::string& path)>;
  void set_config_lookup(ConfigLookup lookup);
  // The configuration of one document (the lookup's answer, else the constructor's). May throw
  // as the lookup does.
  std::shared_ptr<const Config> config_for(const std::string& path) const;

  // The files `run` would lint, with the findings that discovery itself produced.
  struct Discovery {
    std::vector<std::string> files;  // display paths, sorted
    std::vector<Finding> findings;
    bool tool_failure = false;
  };
  Discovery discover(const std::vector<std::string>& inputs) const;

  const Config& config() const { return config_; }

 private:
  // `parsed`: the document when the workspace already parsed it for another file's links.
  std::vector<Finding> lint_file(const std::string& path, std::shared_ptr<const Document> parsed,
                                 Workspace& workspace, RunStats& stats) const;

  const Config& config_;
  std::vector<Check> checks_;
  std::vector<const Rule*> known_rules_;  // core rules and every check's rules
  ConfigLookup config_lookup_;
};

// The shard (0-based, of `count`) a file belongs to: a fixed hash (FNV-1a, 64 bits) of its path
// relative to the input it was found under, so the split is the same on every machine.
unsigned shard_of(std::string_view relative_path, unsigned count);

// Reads a whole file without ever blocking on a FIFO (opened non-blocking) and refusing anything
// over 256 MiB (`too_large`). On failure returns false and sets `error` (strerror text). The one
// reader of the core: linted files and link targets read for their anchors alike.
bool read_file(const std::string& path, std::string& out, std::string& error, bool& too_large);

// Matches a path (forward slashes) against a glob: `*` within a segment, `**` across segments,
// `?` one character. A glob without '/' matches the file name alone.
bool glob_match(std::string_view glob, std::string_view path);

// Makes a Finding from a diagnostic: positions in every column unit, line text, fingerprint.
Finding locate(const Document& doc, Diagnostic d);
// A finding about a path rather than a place in a document (unreadable file, no documents).
Finding path_finding(const std::string& path, const Rule& rule, Severity severity, std::string message);

}  // namespace loclint
