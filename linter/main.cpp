// The loclint command line. Only this file chooses an exit code:
// 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or I/O failure.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <iostream>
#include <thread>

#include "../checks/registry.h"
#include "loclint/baseline.h"
#include "loclint/changed_files.h"
#include "loclint/config.h"
#include "loclint/config_file.h"
#include "loclint/config_schema.h"
#include "loclint/dump.h"
#include "loclint/engine.h"
#include "loclint/glob.h"
#include "loclint/output.h"
#include "loclint/progress.h"
#include "loclint/rule_docs.h"
#include "loclint/version.h"

using namespace loclint;

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      std::string item = v.substr(start, comma - start);
      if (!item.empty()) out.push_back(item);
      start = comma + 1;
    }
  }
  return out;
}

// The paths of a --files-from list: NUL-separated when the list holds a NUL byte (git ls-files
// -z, find -print0: any file name, newlines included), else one per line (a final CR, from a
// list written on Windows, is dropped). Empty entries are skipped.
std::vector<std::string> split_path_list(const std::string& list) {
  const char sep = list.find('\0') != std::string::npos ? '\0' : '\n';
  std::vector<std::string> out;
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(sep, start);
    if (end == std::string::npos) end = list.size();
    std::string p = list.substr(start, end - start);
    if (sep == '\n' && !p.empty() && p.back() == '\r') p.pop_back();
    if (!p.empty()) out.push_back(std::move(p));
    start = end + 1;
  }
  return out;
}

// An option name is known when a rule it selects (the rule itself, or any rule of the family)
// declares it.
bool known_option(const std::string& selector, const std::string& name) {
  for (const Rule* r : checks::all_rules())
    if (r->id == selector || r->family() == selector)
      if (r->option(name)) return true;
  return false;
}

bool known_selector(const std::string& s) {
  if (s == "all") return true;
  for (const Rule* r : checks::all_rules())
    if (r->id == s || r->family() == s) return true;
  return false;
}

void list_rules(std::ostream& out) {
  for (const Rule* r : checks::all_rules())
    out << fmt::format("{:<36} {:<8} {}\n", r->id, to_string(r->severity), r->summary);
}

int explain(const std::string& id, std::ostream& out) {
  const Rule* r = checks::find_rule(id);
  if (!r) {
    std::cerr << "loclint: unknown rule '" << id << "' (see --list-rules)\n";
    return kExitUsage;
  }
  out << rule_page(*r);  // the rule's page of docs/rules/, generated from the same constant
  return kExitClean;
}

// The folder SARIF and GitHub paths are relative to: the git work tree around `dir`, else `dir`.
std::string repository_root(const std::filesystem::path& dir) {
  std::error_code ec;
  for (std::filesystem::path d = dir;; d = d.parent_path()) {
    if (std::filesystem::exists(d / ".git", ec)) return d.string();
    if (d == d.parent_path() || d.empty()) return dir.string();
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"loclint: a localization QA linter for Markdown documentation"};
  app.set_version_flag("--version", "loclint " + std::string(kVersion));
  std::vector<std::string> paths;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> include, exclude, enable, disable, severities, options;
  std::string fail_on = "error", format = "compiler", column_unit = "codepoint", color = "auto";
  std::string explain_rule, locale, source_root, inherited;
  bool list = false, stats = false;

  // Repeatable options take one value per occurrence (`--exclude a --exclude b`), so that they
  // never swallow the paths that follow them.
  app.add_option("paths", paths, "Markdown files and folders to lint (folders are searched recursively)");
  app.add_option("-j,--jobs", jobs, "number of files linted in parallel (default: all cores)")->check(CLI::Range(1u, 1024u));
  app.add_option("--include", include, "glob of files to lint in folders (default: *.md and YamlMime *.yml)")
      ->allow_extra_args(false);
  app.add_option("--exclude", exclude, "glob of files to skip")
      ->allow_extra_args(false);
  app.add_option("--fail-on", fail_on, "lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  app.add_option("--enable", enable, "enable a rule or a family (comma-separated)")
      ->allow_extra_args(false);
  app.add_option("--disable", disable, "disable a rule or a family (comma-separated)")
      ->allow_extra_args(false);
  app.add_option("--severity", severities, "override a severity: RULE=error|warning|note (or FAMILY=...)")
      ->allow_extra_args(false);
  app.add_option("--option", options, "set a rule option: RULE.NAME=VALUE[,VALUE...]")
      ->allow_extra_args(false);
  app.add_option("--locale", locale, "expected locale of the documents, e.g. fr-FR");
  app.add_option("--source-root", source_root, "folder of the source-language tree (images are resolved there)");
  app.add_option("--inherited", inherited,
                 "how findings the source has too are reported: off, note (default), warning or error")
      ->check(CLI::IsMember({"off", "note", "warning", "error"}));
  app.add_option("--format", format, "output format")->check(CLI::IsMember(output_formats()));
  app.add_option("--column-unit", column_unit, "unit of printed columns")->check(CLI::IsMember({"codepoint", "utf16", "byte"}));
  app.add_option("--color", color, "colour output")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--list-rules", list, "list every rule with its default severity and summary");
  app.add_option("--explain", explain_rule, "explain a rule, with an example");
  bool print_schema = false;
  app.add_flag("--config-schema", print_schema, "print the JSON Schema of .loclint.yaml (for editors)");
  std::string dump_path;
  app.add_option("--dump", dump_path, "print the document model of one file as JSON (what loclint sees)");
  app.add_flag("--stats", stats, "print files, segments, bytes and time to stderr");
  // A repeatable option takes one value per occurrence: `--exclude X a.md b.md` (what pre-commit
  // runs, file names appended after the hook's args) must lint a.md and b.md, not exclude them.
  for (const char* name : {"--include", "--exclude", "--enable", "--disable", "--severity", "--option"})
    app.get_option(name)->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  // Configuration, baseline and changed files (README: Configuration and suppressions).
  std::string config_file, baseline_file, write_baseline_file, changed_since;
  bool no_config = false;
  app.add_option("--config", config_file, "use this configuration file for every path (default: the nearest .loclint.yaml)");
  app.add_flag("--no-config", no_config, "ignore .loclint.yaml files");
  app.add_option("--baseline", baseline_file, "report only findings that are not in this baseline file");
  app.add_option("--write-baseline", write_baseline_file, "record the current findings in this baseline file and exit 0");
  app.add_option("--changed-since", changed_since,
                 "lint only the Markdown/YAML files changed since the merge base with this git ref (and uncommitted ones)");
  // Inputs other than paths on the command line (README: Usage).
  std::string stdin_filename, files_from;
  bool quiet = false;
  app.add_option("--stdin-filename", stdin_filename,
                 "lint the document read from standard input (the path '-') as if it were at this path");
  app.add_option("--files-from", files_from,
                 "read the paths to lint from this file ('-': standard input), one per line, or NUL-separated");
  app.add_flag("-q,--quiet", quiet, "print findings only: no summary, no notes (errors of loclint itself still go to stderr)");
  std::string shard;
  app.add_option("--shard", shard, "lint only shard K of N (K/N): split a tree across CI jobs")
      ->check(CLI::Validator([](std::string& s) { unsigned k = 0, n = 0; char c = 0; return std::sscanf(s.c_str(), "%u/%u%c", &k, &n, &c) == 2 && k >= 1 && k <= n ? "" : "expected K/N with 1 <= K <= N"; }, "K/N"));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "loclint: " << e.what() << "\n";
    return kExitUsage;
  }

  if (list) {
    list_rules(std::cout);
    return kExitClean;
  }
  if (!explain_rule.empty()) return explain(explain_rule, std::cout);
  if (print_schema) {
    std::cout << config_schema_json(checks::all_rules());
    return kExitClean;
  }
  if (!dump_path.empty()) {
    std::ifstream in(dump_path, std::ios::binary);
    if (!in) {
      std::cerr << "loclint: cannot read " << dump_path << "\n";
      return kExitUsage;
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::cout << dump_json(*Document::parse(dump_path, std::move(bytes))) << "\n";
    return kExitClean;
  }
  // `-` is the document on standard input; --stdin-filename says where it is linted.
  const bool stdin_document = std::count(paths.begin(), paths.end(), "-") > 0 || (!stdin_filename.empty() && paths.empty());
  if (stdin_document && stdin_filename.empty()) {
    std::cerr << "loclint: '-' reads a document from standard input: give the path it is linted as with --stdin-filename PATH\n";
    return kExitUsage;
  }
  if (stdin_document && files_from == "-") {
    std::cerr << "loclint: --stdin-filename and --files-from - cannot both read standard input\n";
    return kExitUsage;
  }
  if (stdin_document && !changed_since.empty()) {
    std::cerr << "loclint: --stdin-filename and --changed-since exclude each other\n";
    return kExitUsage;
  }
  std::erase(paths, std::string("-"));
  std::string stdin_text;
  if (stdin_document) {
    stdin_text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    paths.push_back(stdin_filename);
  }
  if (!files_from.empty()) {
    std::string list;
    if (files_from == "-") {
      list.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::ifstream in(files_from, std::ios::binary);
      if (!in) {
        std::cerr << "loclint: --files-from: cannot read " << files_from << "\n";
        return kExitUsage;
      }
      list.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (std::string& p : split_path_list(list)) paths.push_back(std::move(p));
    if (paths.empty() && changed_since.empty()) {
      // An empty list (a pre-commit or xargs pipeline with nothing to do) is a clean run.
      if (!quiet) std::cerr << summary_line(RunStats{}) << "\n";
      return kExitClean;
    }
  }
  if (paths.empty() && changed_since.empty()) {
    std::cerr << "loclint: no path given (try: loclint docs/, or --help)\n";
    return kExitUsage;
  }
  if (!config_file.empty() && no_config) {
    std::cerr << "loclint: --config and --no-config exclude each other\n";
    return kExitUsage;
  }

  Config config;
  for (const std::string& s : split_list(enable)) config.enable.emplace_back(s, true);
  for (const std::string& s : split_list(disable)) config.enable.emplace_back(s, false);
  for (const auto& [s, on] : config.enable)
    if (!known_selector(s)) {
      std::cerr << "loclint: unknown rule or family '" << s << "' (see --list-rules)\n";
      return kExitUsage;
    }
  for (const std::string& s : severities) {
    size_t eq = s.find('=');
    auto sev = eq == std::string::npos ? std::nullopt : parse_severity(s.substr(eq + 1));
    if (!sev || !known_selector(s.substr(0, eq))) {
      std::cerr << "loclint: bad --severity '" << s << "': expected RULE=error|warning|note with a known rule\n";
      return kExitUsage;
    }
    config.severity[s.substr(0, eq)] = *sev;
  }
  for (const std::string& s : options) {
    size_t eq = s.find('=');
    size_t dot = s.rfind('.', eq);
    if (eq == std::string::npos || dot == std::string::npos || !known_selector(s.substr(0, dot))) {
      std::cerr << "loclint: bad --option '" << s << "': expected RULE.NAME=VALUE with a known rule or family\n";
      return kExitUsage;
    }
    if (!known_option(s.substr(0, dot), s.substr(dot + 1, eq - dot - 1))) {
      std::cerr << "loclint: unknown option '" << s.substr(dot + 1, eq - dot - 1) << "' for '" << s.substr(0, dot)
                << "' (loclint --explain RULE lists a rule's options)\n";
      return kExitUsage;
    }
    config.options[s.substr(0, eq)] = split_list({s.substr(eq + 1)});
  }
  if (!shard.empty()) std::sscanf(shard.c_str(), "%u/%u", &config.shard_index, &config.shard_count);
  config.include = include;
  config.exclude = exclude;
  if (!locale.empty()) config.locale = locale;
  if (!source_root.empty()) config.source_root = source_root;
  config.fail_on = *parse_fail_on(fail_on);  // CLI11 admitted only the four names
  if (!inherited.empty()) config.inherited = *parse_inherited(inherited);  // likewise

  if (!changed_since.empty()) {
    std::vector<ChangedFile> changed;
    try {
      changed = changed_files(changed_since, paths);
    } catch (const ChangedFilesError& e) {
      std::cerr << "loclint: " << e.what() << "\n";
      return kExitUsage;
    }
    paths.clear();
    for (const ChangedFile& f : changed) {
      bool in = config.include.empty() || std::any_of(config.include.begin(), config.include.end(),
                                                      [&](const std::string& g) { return glob_match(g, f.relative); });
      if (in) paths.push_back(f.path);
    }
  }

  // A baseline that does not exist yet is empty: it hides nothing, so the gate is at its
  // strictest, and a mistyped path cannot let a finding through (README: Baseline). The run
  // says so, naming the path, so that the typo shows.
  std::optional<Baseline> baseline, previous_baseline;
  try {
    if (!baseline_file.empty() && write_baseline_file.empty()) baseline = Baseline::load_or_empty(baseline_file);
    // The file being rewritten: its entries of files this run does not lint are kept.
    if (!write_baseline_file.empty()) previous_baseline = Baseline::load_or_empty(write_baseline_file);
  } catch (const BaselineError& e) {
    std::cerr << "loclint: " << e.what() << (write_baseline_file.empty() ? "" : " (delete it to write a new one)") << "\n";
    return kExitUsage;
  }

  Engine engine(config, checks::all_checks());
  if (stdin_document) engine.set_document_text(stdin_filename, std::move(stdin_text));
  std::optional<ProgressLine> progress;
  if (progress_wanted(quiet)) {
    progress.emplace(STDERR_FILENO, ProgressLine::delay_from_environment());
    engine.set_progress([&](size_t done, size_t total) { progress->update(done, total); });
  }
  std::optional<ConfigResolver> resolver;
  RunResult result;
  auto t0 = std::chrono::steady_clock::now();
  try {
    if (!no_config) {
      resolver.emplace(config, config_file, checks::all_rules());
      engine.set_config_lookup([&](const std::string& path) { return resolver->for_path(path); });
    }
    result = engine.run(paths, jobs);
  } catch (const ConfigError& e) {
    if (progress) progress->finish();
    std::cerr << "loclint: " << e.what() << "\n";
    return kExitUsage;
  }
  if (progress) progress->finish();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  // What this run looked at: a baseline's entries of other files are left alone.
  BaselineScope scope;
  scope.linted = result.files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) scope.folders.push_back(p);
  }
  scope.include = config.include;
  scope.exclude = config.exclude;
  scope.shard_index = config.shard_index;
  scope.shard_count = config.shard_count;

  if (!write_baseline_file.empty()) {
    size_t kept = 0;
    try {
      kept = Baseline::write(write_baseline_file, result.findings, previous_baseline->exists() ? &*previous_baseline : nullptr,
                             &scope);
    } catch (const BaselineError& e) {
      std::cerr << "loclint: " << e.what() << "\n";
      return kExitUsage;
    }
    if (!quiet) {
      std::cerr << fmt::format("loclint: wrote {} finding{} to {}", result.findings.size(),
                               result.findings.size() == 1 ? "" : "s", write_baseline_file);
      if (kept)
        std::cerr << fmt::format(" (and kept {} entr{} of files this run did not lint)", kept, kept == 1 ? "y" : "ies");
      std::cerr << "\n";
    }
    return result.stats.tool_failure ? kExitUsage : kExitClean;
  }
  size_t baselined = 0;
  if (baseline) {
    baselined = baseline->filter(result.findings);
    result.stats.count_severities(result.findings);
  }

  RenderOptions ro;
  ro.column_unit = column_unit == "utf16" ? ColumnUnit::Utf16 : column_unit == "byte" ? ColumnUnit::Byte : ColumnUnit::CodePoint;
  ro.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) && getenv("NO_COLOR") == nullptr);
  ro.rules = checks::all_rules();
  std::error_code cwd_ec;
  ro.working_dir = std::filesystem::current_path(cwd_ec).string();
  ro.base_dir = repository_root(ro.working_dir);
  auto renderer = make_renderer(format, std::cout, ro);
  renderer->render(result.findings, result.stats);
  std::cout.flush();
  if (!quiet) {
    std::cerr << summary_line(result.stats) << "\n";
    for (const std::string& note : summary_note_lines(result.stats)) std::cerr << note << "\n";
  }
  if (quiet) {
    // Findings only.
  } else if (baseline && !baseline->exists()) {
    std::cerr << fmt::format("note: baseline {} does not exist yet, so no finding is baselined (write it with "
                             "--write-baseline {})\n", baseline_file, baseline_file);
  } else if (baseline) {
    std::cerr << fmt::format("{} finding{} matched the baseline {}", baselined, baselined == 1 ? "" : "s", baseline_file);
    if (size_t fixed = baseline->unmatched(&scope))
      std::cerr << fmt::format("; {} baseline entr{} no longer found (fixed? refresh it with --write-baseline)", fixed,
                               fixed == 1 ? "y is" : "ies are");
    std::cerr << "\n";
  }
  if (stats)
    std::cerr << fmt::format("{} files, {} segments, {:.1f} MB in {:.3f} s ({:.1f} MB/s)\n", result.stats.files,
                             result.stats.segments, result.stats.bytes / 1e6, seconds,
                             seconds > 0 ? result.stats.bytes / 1e6 / seconds : 0.0);

  if (result.stats.tool_failure) return kExitUsage;
  for (const Finding& f : result.findings)
    if (fails(config.fail_on, f.diagnostic)) return kExitFindings;
  return kExitClean;
}
