// The engine: finds the files (discovery), builds one Document per file, runs the checks in
// parallel, applies rule selection, severities and suppressions, and returns findings sorted by
// path, line, column.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loclint/check.h"
#include "loclint/config.h"
#include "loclint/diagnostic.h"
#include "loclint/run.h"

namespace loclint {

// Whether the engine parses and lints a file with these bytes: not when it looks binary (a NUL
// byte in its first 8000 bytes) nor when it is a YAML file without the `### YamlMime:` header.
bool engine_parses(std::string_view path, std::string_view bytes);
// Whether bytes look binary: a NUL byte in the first 8000 (loclint/binary-file).
bool looks_binary(std::string_view bytes);

class Engine {
 public:
  Engine(const Config& config, std::vector<Check> checks);

  // Lints every document under `inputs` (files and folders) with `jobs` threads.
  RunResult run(const std::vector<std::string>& inputs, unsigned jobs) const;

  // Lints one document already in memory (the fixture tests use this).
  std::vector<Finding> lint_document(const Document& doc, Workspace& workspace) const;
  // The same with a given configuration (the one of the document's folder). `notes`, when
  // given, receives the run-level notes the checks counted.
  std::vector<Finding> lint_document(const Document& doc, Workspace& workspace, const Config& config,
                                     NoteCounts* notes = nullptr) const;

  // Where each file's configuration comes from (a ConfigResolver: the nearest .loclint.yaml
  // merged with the command line). Without one, every file uses the constructor's config.
  // The lookup may throw (a bad configuration file); `run` and `discover` let it through,
  // and discovery asks for every file's configuration before any file is linted.
  using ConfigLookup = std::function<std::shared_ptr<const Config>(const std::string& path)>;
  void set_config_lookup(ConfigLookup lookup);
  // The configuration of one document (the lookup's answer, else the constructor's). May throw
  // as the lookup does.
  std::shared_ptr<const Config> config_for(const std::string& path) const;

  // The text of `path` is `text`, not what is on disk (a document read from standard input,
  // `--stdin-filename`): it is linted at that path (its configuration, links and locale are
  // those of the path) whether or not a file exists there, and the disk is not read for it.
  void set_document_text(std::string path, std::string text);

  // Called after each file is linted, from the worker threads, with the files linted so far and
  // the number the run will lint (the progress line of the CLI).
  using Progress = std::function<void(size_t done, size_t total)>;
  void set_progress(Progress progress);

  // Where the metadata census keeps what it read between runs (Workspace::set_census_cache_dir;
  // census_cache_dir() gives the user's folder); empty (the default): no cache.
  void set_census_cache_dir(std::filesystem::path dir) { census_cache_dir_ = std::move(dir); }
  const std::filesystem::path& census_cache_dir() const { return census_cache_dir_; }

  // For a process that exits after one run (the CLI): the run's caches (every listing, anchor
  // set and parsed publish config of the workspace) are left to the operating system instead of
  // freed one by one on the main thread after the workers stop, serial time that a one-shot
  // process does not need (clang's -disable-free is the same choice). They stay reachable (no
  // leak report). Default false: a server or a test that runs many times frees each run's.
  void set_leave_caches_to_exit(bool leave) { leave_caches_to_exit_ = leave; }

  // The files `run` would lint, with the findings that discovery itself produced. An input
  // that is not a path but holds `*` or `?` is a glob (`docs/**/*.md`): the folder before its
  // first wildcard is searched, and the files whose path matches the glob are linted.
  struct Discovery {
    std::vector<std::string> files;  // display paths, sorted
    std::vector<Finding> findings;
    bool tool_failure = false;
  };
  Discovery discover(const std::vector<std::string>& inputs) const;

  const Config& config() const { return config_; }

 private:
  // `parsed`: the document when the work queue already parsed it for another file's links.
  std::vector<Finding> lint_file(const std::string& path, std::shared_ptr<const Document> parsed,
                                 Workspace& workspace, RunStats& stats) const;
  std::vector<Finding> publish_config_findings(const Workspace& workspace) const;

  const Config& config_;
  std::vector<Check> checks_;
  std::vector<const Rule*> known_rules_;  // core rules and every check's rules
  ConfigLookup config_lookup_;
  std::optional<std::pair<std::string, std::string>> document_text_;  // path, text
  Progress progress_;
  std::filesystem::path census_cache_dir_;
  bool leave_caches_to_exit_ = false;
};

// The shard (0-based, of `count`) a file belongs to: a fixed hash (FNV-1a, 64 bits) of its path
// relative to the input it was found under, so the split is the same on every machine.
unsigned shard_of(std::string_view relative_path, unsigned count);

// Whether searching `folder` (an input that is a folder) finds `file`, which need not exist: it
// is below `folder` in no hidden (`.git`) or `node_modules` folder, has a Markdown or YAML name,
// and its path relative to `folder` matches `include` (empty: `*.md`, `*.yml`) and not `exclude`
// (Config::include, Config::exclude). The walk of Engine::discover decides by the same test; the
// `.loclint.yaml` globs and the shard, which the run applies to what the walk finds, are not in it.
bool search_finds(const std::filesystem::path& folder, const std::filesystem::path& file,
                  const std::vector<std::string>& include, const std::vector<std::string>& exclude);

}  // namespace loclint
