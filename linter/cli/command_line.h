// The loclint command line (internal to the loclint executable): its options, the checks of how
// they combine, the inputs they name, and the Config they make. Only main.cpp and this folder
// choose an exit code: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or I/O
// failure.
#pragma once

#include <CLI/CLI.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "loclint/config.h"

namespace loclint::cli {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

// Every option of `loclint` and of `loclint lsp`, as given (README: Usage).
struct CommandLine {
  std::vector<std::string> paths;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> include, exclude, enable, disable, severities, options;
  std::string fail_on = "error", format = "compiler", column_unit = "codepoint", color = "auto";
  std::string explain_rule, locale, source_root, source_version = "auto", inherited;
  bool list = false, stats = false, print_schema = false;
  std::string dump_path;
  // Configuration, baseline and changed files (README: Configuration and suppressions).
  std::string config_file, baseline_file, write_baseline_file, changed_since;
  bool no_config = false;
  bool no_cache = false;  // --no-cache: no census cache read or written (README: Performance)
  // Inputs other than paths on the command line (README: Usage).
  std::string stdin_filename, files_from;
  bool quiet = false;
  bool fix = false, diff = false;
  std::string shard;
  bool lsp = false;             // the `lsp` subcommand was given
  bool stdio = true;            // lsp --stdio: the default and only channel
  bool stdin_document = false;  // set by read_inputs(): a document is read from standard input
};

// Declares every option on `app`, bound to `cl`; returns the `lsp` subcommand.
CLI::App* declare_options(CLI::App& app, CommandLine& cl);

// Checks how the options combine, then reads what they name: the document on standard input
// (into `stdin_text`, its path appended to cl.paths) and the --files-from list (appended to
// cl.paths). Returns the exit code when the run ends here (a usage error, said on stderr, or an
// empty --files-from list), else nothing.
std::optional<int> read_inputs(CommandLine& cl, std::string& stdin_text);

// The Config the command line sets (--enable, --severity, --option, --shard, ...), or nothing
// after saying on stderr which selector or option is unknown.
std::optional<Config> config_of(const CommandLine& cl);

}  // namespace loclint::cli
