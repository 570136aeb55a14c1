// The loclint command line: what runs for the options given (linter/cli/ declares and checks
// them). Only this file and linter/cli/ choose an exit code: 0 clean, 1 findings at or above
// --fail-on, 2 usage, configuration or I/O failure.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <iostream>

#include "../checks/registry.h"
#include "cli/command_line.h"
#include "loclint/baseline.h"
#include "loclint/census_cache.h"
#include "loclint/changed_files.h"
#include "loclint/config.h"
#include "loclint/config_file.h"
#include "loclint/config_schema.h"
#include "loclint/dump.h"
#include "loclint/workspace.h"
#include "loclint/engine.h"
#include "loclint/fix_run.h"
#include "loclint/glob.h"
#include "loclint/output.h"
#include "loclint/progress.h"
#include "loclint/read_file.h"
#include "loclint/rule_docs.h"
#include "loclint/version.h"
#include "lsp/server.h"

using namespace loclint;
using namespace loclint::cli;

namespace {

void list_rules(std::ostream& out) {
  for (const Rule* r : checks::all_rules())
    out << fmt::format("{:<36} {:<8} {}{}\n", r->id, to_string(r->severity), r->summary, r->opt_in ? " (off by default)" : "");
}

int explain(const std::string& id, std::ostream& out) {
  const Rule* r = checks::find_rule(id);
  if (!r) {
    std::cerr << "loclint: unknown rule '" << id << "' (see --list-rules)\n";
    return kExitUsage;
  }
  out << rule_page(*r);  // the rule's page of docs/rules/, generated from the same constant (and the hover text)
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

// --dump: the document model of one file, as JSON.
int dump(const CommandLine& cl, const Config& config) {
  // Read as a run reads a document given on the command line (a FIFO included).
  std::string error;
  std::optional<std::string> bytes = read_whole_file(cl.dump_path, kMaxFileSize, /*regular_only=*/false, error);
  if (!bytes) {
    std::cerr << "loclint: --dump: cannot read " << cl.dump_path << ": " << error << "\n";
    return kExitUsage;
  }
  auto doc = Document::parse(cl.dump_path, std::move(*bytes));
  // Paired as a run would pair it: the file's .loclint.yaml with the command line on top.
  std::shared_ptr<const Config> effective = std::make_shared<const Config>(config);
  try {
    if (!cl.no_config) effective = ConfigResolver(config, cl.config_file, checks::all_rules()).for_path(cl.dump_path);
  } catch (const ConfigError& e) {
    std::cerr << "loclint: " << e.what() << "\n";
    return kExitUsage;
  }
  Workspace workspace;
  std::shared_ptr<const Pair> pair = workspace.pairing().pair_of(*doc, *effective);
  std::cout << dump_json(*doc, pair.get()) << "\n";
  return kExitClean;
}

// The lint run: the files the paths (or --changed-since) name, the baseline, --fix, the findings
// rendered, the summary, and the exit code.
int lint(CommandLine& cl, const Config& config, std::string stdin_text) {
  if (!cl.changed_since.empty()) {
    std::vector<ChangedFile> changed;
    try {
      changed = changed_files(cl.changed_since, cl.paths);
    } catch (const ChangedFilesError& e) {
      std::cerr << "loclint: " << e.what() << "\n";
      return kExitUsage;
    }
    cl.paths.clear();
    for (const ChangedFile& f : changed) {
      bool in = config.include.empty() || std::any_of(config.include.begin(), config.include.end(),
                                                      [&](const std::string& g) { return glob_match(g, f.relative); });
      if (in) cl.paths.push_back(f.path);
    }
  }

  // A baseline that does not exist yet is empty: it hides nothing, so the gate is at its
  // strictest, and a mistyped path cannot let a finding through (README: Baseline). The run
  // says so, naming the path, so that the typo shows.
  std::optional<Baseline> baseline, previous_baseline;
  try {
    if (!cl.baseline_file.empty() && cl.write_baseline_file.empty()) baseline = Baseline::load_or_empty(cl.baseline_file);
    // The file being rewritten: its entries of files this run does not lint are kept.
    if (!cl.write_baseline_file.empty()) previous_baseline = Baseline::load_or_empty(cl.write_baseline_file);
  } catch (const BaselineError& e) {
    std::cerr << "loclint: " << e.what() << (cl.write_baseline_file.empty() ? "" : " (delete it to write a new one)") << "\n";
    return kExitUsage;
  }

  Engine engine(config, checks::all_checks());
  if (!cl.no_cache) engine.set_census_cache_dir(census_cache_dir());
  engine.set_leave_caches_to_exit(true);
  if (cl.stdin_document) engine.set_document_text(cl.stdin_filename, std::move(stdin_text));
  std::optional<ProgressLine> progress;
  if (progress_wanted(cl.quiet)) {
    progress.emplace(STDERR_FILENO, ProgressLine::delay_from_environment());
    engine.set_progress([&](size_t done, size_t total) { progress->update(done, total); });
  }
  std::optional<ConfigResolver> resolver;
  RunResult result;
  auto t0 = std::chrono::steady_clock::now();
  try {
    if (!cl.no_config) {
      resolver.emplace(config, cl.config_file, checks::all_rules());
      engine.set_config_lookup([&](const std::string& path) { return resolver->for_path(path); });
    }
    result = engine.run(cl.paths, cl.jobs);
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
  for (const std::string& p : cl.paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) scope.folders.push_back(p);
  }
  scope.include = config.include;
  scope.exclude = config.exclude;
  scope.shard_index = config.shard_index;
  scope.shard_count = config.shard_count;

  if (!cl.write_baseline_file.empty()) {
    size_t kept = 0;
    try {
      kept = Baseline::write(cl.write_baseline_file, result.findings, previous_baseline->exists() ? &*previous_baseline : nullptr,
                             &scope);
    } catch (const BaselineError& e) {
      std::cerr << "loclint: " << e.what() << "\n";
      return kExitUsage;
    }
    if (!cl.quiet) {
      std::cerr << fmt::format("loclint: wrote {} finding{} to {}", result.findings.size(),
                               result.findings.size() == 1 ? "" : "s", cl.write_baseline_file);
      if (kept)
        std::cerr << fmt::format(" (and kept {} entr{} of files this run did not lint)", kept, kept == 1 ? "y" : "ies");
      std::cerr << "\n";
    }
    return result.stats.tool_failure ? kExitUsage : kExitClean;
  }
  if (cl.fix) {
    FixOptions fo;
    fo.write = !cl.diff;
    if (cl.diff) fo.diff = &std::cout;
    FixSummary fixed = fix_run(engine, result, fo);
    for (const std::string& e : fixed.errors) std::cerr << "loclint: cannot fix " << e << "\n";
    const std::string counts = fmt::format("{} fix{} in {} file{}", fixed.fixes, fixed.fixes == 1 ? "" : "es",
                                           fixed.files, fixed.files == 1 ? "" : "s");
    if (cl.diff) {
      // Like diff(1): 1 when there is a difference to show, 0 when nothing would change.
      std::cout.flush();
      if (!cl.quiet) std::cerr << "loclint: " << counts << " would be applied (--diff: nothing written)\n";
      if (!fixed.errors.empty() || result.stats.tool_failure) return kExitUsage;
      return fixed.files ? kExitFindings : kExitClean;
    }
    if (!cl.quiet) std::cerr << "loclint: applied " << counts << "\n";
    result.stats.count_severities(result.findings);
    if (!fixed.errors.empty()) result.stats.tool_failure = true;
  }
  size_t baselined = 0;
  if (baseline) {
    baselined = baseline->filter(result.findings);
    result.stats.count_severities(result.findings);
  }

  RenderOptions ro;
  ro.column_unit = cl.column_unit == "utf16" ? ColumnUnit::Utf16 : cl.column_unit == "byte" ? ColumnUnit::Byte : ColumnUnit::CodePoint;
  ro.color = cl.color == "always" || (cl.color == "auto" && isatty(STDOUT_FILENO) && getenv("NO_COLOR") == nullptr);
  ro.rules = checks::all_rules();
  std::error_code cwd_ec;
  ro.working_dir = std::filesystem::current_path(cwd_ec).string();
  ro.base_dir = repository_root(ro.working_dir);
  ro.jobs = cl.jobs;
  auto renderer = make_renderer(cl.format, std::cout, ro);
  renderer->render(result.findings, result.stats);
  std::cout.flush();
  if (!cl.quiet) {
    std::cerr << summary_line(result.stats) << "\n";
    for (const std::string& note : summary_note_lines(result.stats)) std::cerr << note << "\n";
  }
  if (cl.quiet) {
    // Findings only.
  } else if (baseline && !baseline->exists()) {
    std::cerr << fmt::format("note: baseline {} does not exist yet, so no finding is baselined (write it with "
                             "--write-baseline {})\n", cl.baseline_file, cl.baseline_file);
  } else if (baseline) {
    std::cerr << fmt::format("{} finding{} matched the baseline {}", baselined, baselined == 1 ? "" : "s", cl.baseline_file);
    if (size_t fixed = baseline->unmatched(&scope))
      std::cerr << fmt::format("; {} baseline entr{} no longer found (fixed? refresh it with --write-baseline)", fixed,
                               fixed == 1 ? "y is" : "ies are");
    std::cerr << "\n";
  }
  if (cl.stats)
    std::cerr << fmt::format("{} files, {} segments, {:.1f} MB in {:.3f} s ({:.1f} MB/s)\n", result.stats.files,
                             result.stats.segments, result.stats.bytes / 1e6, seconds,
                             seconds > 0 ? result.stats.bytes / 1e6 / seconds : 0.0);
  if (cl.stats && (result.stats.census_files_read || result.stats.census_files_cached))
    std::cerr << fmt::format("metadata census: {} articles read, {} from the cache\n", result.stats.census_files_read,
                             result.stats.census_files_cached);

  if (result.stats.tool_failure) return kExitUsage;
  for (const Finding& f : result.findings)
    if (fails(config.fail_on, f.diagnostic)) return kExitFindings;
  return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"loclint: a localization QA linter for Markdown documentation"};
  app.set_version_flag("--version", "loclint " + std::string(kVersion));
  CommandLine cl;
  CLI::App* lsp_command = declare_options(app, cl);

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

  if (cl.list) {
    list_rules(std::cout);
    return kExitClean;
  }
  if (!cl.explain_rule.empty()) return explain(cl.explain_rule, std::cout);
  if (cl.print_schema) {
    std::cout << config_schema_json(checks::all_rules());
    return kExitClean;
  }
  cl.lsp = lsp_command->parsed();
  std::string stdin_text;
  if (std::optional<int> exit_code = read_inputs(cl, stdin_text)) return *exit_code;
  std::optional<Config> parsed_config = config_of(cl);
  if (!parsed_config) return kExitUsage;
  Config config = std::move(*parsed_config);

  if (!cl.dump_path.empty()) return dump(cl, config);
  if (cl.lsp) {
    lsp::ServerOptions so{checks::all_checks(), checks::all_rules(), config, cl.config_file, cl.no_config,
                          cl.no_cache ? std::filesystem::path() : census_cache_dir()};
    return lsp::serve(STDIN_FILENO, STDOUT_FILENO, std::move(so));
  }
  return lint(cl, config, std::move(stdin_text));
}
