#include "command_line.h"

#include <cstdio>
#include <iostream>
#include <iterator>

#include "registry.h"
#include "loclint/output.h"
#include "loclint/read_file.h"

namespace loclint::cli {

namespace {

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

}  // namespace

CLI::App* declare_options(CLI::App& app, CommandLine& cl) {
  // Repeatable options take one value per occurrence (`--exclude a --exclude b`), so that they
  // never swallow the paths that follow them.
  app.add_option("paths", cl.paths, "Markdown files and folders to lint (folders are searched recursively)");
  app.add_option("-j,--jobs", cl.jobs, "number of files linted in parallel (default: all cores)")->check(CLI::Range(1u, 1024u));
  app.add_option("--include", cl.include, "glob of files to lint in folders (default: *.md and YamlMime *.yml)")
      ->allow_extra_args(false);
  app.add_option("--exclude", cl.exclude, "glob of files to skip")
      ->allow_extra_args(false);
  app.add_option("--fail-on", cl.fail_on, "lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  app.add_option("--enable", cl.enable, "enable a rule or a family (comma-separated)")
      ->allow_extra_args(false);
  app.add_option("--disable", cl.disable, "disable a rule or a family (comma-separated)")
      ->allow_extra_args(false);
  app.add_option("--severity", cl.severities, "override a severity: RULE=error|warning|note (or FAMILY=...)")
      ->allow_extra_args(false);
  app.add_option("--option", cl.options, "set a rule option: RULE.NAME=VALUE[,VALUE...]")
      ->allow_extra_args(false);
  app.add_option("--locale", cl.locale, "expected locale of the documents, e.g. fr-FR");
  app.add_option("--source-root", cl.source_root, "folder of the source-language tree: the fallback for images, downloads, pages and includes missing here; the source of each translated document (its front-matter keys, pairing)");
  app.add_option("--source-version", cl.source_version,
                 "which version of its source a translation is compared with: auto (git decides from the commit "
                 "it names), translated (the source tree is the version translated), unknown; overrides "
                 "pairing.source-version when not auto")
      ->check(CLI::IsMember({"auto", "translated", "unknown"}));
  app.add_option("--inherited", cl.inherited,
                 "how findings the source has too are reported: off, note (default), warning or error")
      ->check(CLI::IsMember({"off", "note", "warning", "error"}));
  app.add_option("--format", cl.format, "output format")->check(CLI::IsMember(output_formats()));
  app.add_option("--column-unit", cl.column_unit, "unit of printed columns")->check(CLI::IsMember({"codepoint", "utf16", "byte"}));
  app.add_option("--color", cl.color, "colour output")->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--list-rules", cl.list, "list every rule with its default severity and summary");
  app.add_option("--explain", cl.explain_rule, "explain a rule, with an example");
  app.add_flag("--config-schema", cl.print_schema, "print the JSON Schema of .loclint.yaml (for editors)");
  app.add_option("--dump", cl.dump_path, "print the document model of one file as JSON (what loclint sees)");
  app.add_flag("--stats", cl.stats, "print files, segments, bytes and time to stderr");
  // A repeatable option takes one value per occurrence: `--exclude X a.md b.md` (what pre-commit
  // runs, file names appended after the hook's args) must lint a.md and b.md, not exclude them.
  for (const char* name : {"--include", "--exclude", "--enable", "--disable", "--severity", "--option"})
    app.get_option(name)->expected(1)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  // Configuration, baseline and changed files (README: Configuration and suppressions).
  app.add_option("--config", cl.config_file, "use this configuration file for every path (default: the nearest .loclint.yaml)");
  app.add_flag("--no-config", cl.no_config, "ignore .loclint.yaml files");
  app.add_flag("--no-cache", cl.no_cache,
               "neither read nor write the metadata census cache (default: in $LOCLINT_CACHE_DIR, "
               "$XDG_CACHE_HOME/loclint or ~/.cache/loclint)");
  app.add_option("--baseline", cl.baseline_file, "report only findings that are not in this baseline file");
  app.add_option("--write-baseline", cl.write_baseline_file, "record the current findings in this baseline file and exit 0");
  app.add_option("--changed-since", cl.changed_since,
                 "lint only the Markdown/YAML files changed since the merge base with this git ref (and uncommitted ones)");
  // Inputs other than paths on the command line (README: Usage).
  app.add_option("--stdin-filename", cl.stdin_filename,
                 "lint the document read from standard input (the path '-') as if it were at this path");
  app.add_option("--files-from", cl.files_from,
                 "read the paths to lint from this file ('-': standard input), one per line, or NUL-separated");
  app.add_flag("-q,--quiet", cl.quiet, "print findings only: no summary, no notes (errors of loclint itself still go to stderr)");
  app.add_flag("--fix", cl.fix, "apply every safe fix to the files (rules marked fixable), then report what remains");
  app.add_flag("--diff", cl.diff, "with --fix: print the fixes as a unified diff instead of writing them");
  app.add_option("--shard", cl.shard, "lint only shard K of N (K/N): split a tree across CI jobs")
      ->check(CLI::Validator([](std::string& s) { unsigned k = 0, n = 0; char c = 0; return std::sscanf(s.c_str(), "%u/%u%c", &k, &n, &c) == 2 && k >= 1 && k <= n ? "" : "expected K/N with 1 <= K <= N"; }, "K/N"));

  // `loclint lsp`: the language server on stdin/stdout. Options not its own (--config,
  // --disable, ...) fall through to the main command and apply as on the command line.
  CLI::App* lsp_command = app.add_subcommand("lsp", "run the Language Server Protocol server on stdin and stdout");
  lsp_command->fallthrough();
  lsp_command->add_flag("--stdio", cl.stdio, "communicate over stdin and stdout (the default and only channel)");
  return lsp_command;
}

std::optional<int> read_inputs(CommandLine& cl, std::string& stdin_text) {
  if (cl.lsp && (!cl.paths.empty() || cl.fix || !cl.changed_since.empty() || !cl.baseline_file.empty() || !cl.write_baseline_file.empty() ||
              !cl.stdin_filename.empty() || !cl.files_from.empty())) {
    // Checked before anything reads standard input: it is the language server's channel.
    std::cerr << "loclint: lsp takes no paths and no --fix, --changed-since, --stdin-filename, --files-from or baseline options\n";
    return kExitUsage;
  }
  // `-` is the document on standard input; --stdin-filename says where it is linted.
  cl.stdin_document = std::count(cl.paths.begin(), cl.paths.end(), "-") > 0 || (!cl.stdin_filename.empty() && cl.paths.empty());
  if (cl.stdin_document && cl.stdin_filename.empty()) {
    std::cerr << "loclint: '-' reads a document from standard input: give the path it is linted as with --stdin-filename PATH\n";
    return kExitUsage;
  }
  if (cl.stdin_document && cl.files_from == "-") {
    std::cerr << "loclint: --stdin-filename and --files-from - cannot both read standard input\n";
    return kExitUsage;
  }
  if (cl.stdin_document && !cl.changed_since.empty()) {
    std::cerr << "loclint: --stdin-filename and --changed-since exclude each other\n";
    return kExitUsage;
  }
  if (cl.stdin_document && cl.fix) {
    std::cerr << "loclint: --fix writes the files it fixes; a document read from standard input has none\n";
    return kExitUsage;
  }
  std::erase(cl.paths, std::string("-"));
  if (cl.stdin_document) {
    stdin_text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    cl.paths.push_back(cl.stdin_filename);
  }
  if (!cl.files_from.empty()) {
    std::string list;
    if (cl.files_from == "-") {
      list.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      // A FIFO too: `--files-from <(git diff --name-only)`.
      std::string error;
      std::optional<std::string> text = read_whole_file(cl.files_from, kMaxFileSize, /*regular_only=*/false, error);
      if (!text) {
        std::cerr << "loclint: --files-from: cannot read " << cl.files_from << ": " << error << "\n";
        return kExitUsage;
      }
      list = std::move(*text);
    }
    for (std::string& p : split_path_list(list)) cl.paths.push_back(std::move(p));
    if (cl.paths.empty() && cl.changed_since.empty()) {
      // An empty list (a pre-commit or xargs pipeline with nothing to do) is a clean run.
      if (!cl.quiet) std::cerr << summary_line(RunStats{}) << "\n";
      return kExitClean;
    }
  }
  if (cl.paths.empty() && cl.changed_since.empty() && !cl.lsp && cl.dump_path.empty()) {
    std::cerr << "loclint: no path given (try: loclint docs/, or --help)\n";
    return kExitUsage;
  }
  if (cl.diff && !cl.fix) {
    std::cerr << "loclint: --diff goes with --fix (loclint --fix --diff PATH...)\n";
    return kExitUsage;
  }
  if (!cl.config_file.empty() && cl.no_config) {
    std::cerr << "loclint: --config and --no-config exclude each other\n";
    return kExitUsage;
  }
  return std::nullopt;
}

std::optional<Config> config_of(const CommandLine& cl) {
  Config config;
  for (const std::string& s : split_list(cl.enable)) config.enable.emplace_back(s, true);
  for (const std::string& s : split_list(cl.disable)) config.enable.emplace_back(s, false);
  for (const auto& [s, on] : config.enable)
    if (!known_selector(s)) {
      std::cerr << "loclint: unknown rule or family '" << s << "' (see --list-rules)\n";
      return std::nullopt;
    }
  for (const std::string& s : cl.severities) {
    size_t eq = s.find('=');
    auto sev = eq == std::string::npos ? std::nullopt : parse_severity(s.substr(eq + 1));
    if (!sev || !known_selector(s.substr(0, eq))) {
      std::cerr << "loclint: bad --severity '" << s << "': expected RULE=error|warning|note with a known rule\n";
      return std::nullopt;
    }
    config.severity[s.substr(0, eq)] = *sev;
  }
  for (const std::string& s : cl.options) {
    size_t eq = s.find('=');
    size_t dot = s.rfind('.', eq);
    if (eq == std::string::npos || dot == std::string::npos || !known_selector(s.substr(0, dot))) {
      std::cerr << "loclint: bad --option '" << s << "': expected RULE.NAME=VALUE with a known rule or family\n";
      return std::nullopt;
    }
    if (!known_option(s.substr(0, dot), s.substr(dot + 1, eq - dot - 1))) {
      std::cerr << "loclint: unknown option '" << s.substr(dot + 1, eq - dot - 1) << "' for '" << s.substr(0, dot)
                << "' (loclint --explain RULE lists a rule's options)\n";
      return std::nullopt;
    }
    config.options[s.substr(0, eq)] = split_list({s.substr(eq + 1)});
  }
  if (!cl.shard.empty()) std::sscanf(cl.shard.c_str(), "%u/%u", &config.shard_index, &config.shard_count);
  config.include = cl.include;
  config.exclude = cl.exclude;
  if (!cl.locale.empty()) config.locale = cl.locale;
  if (!cl.source_root.empty()) config.source_root = cl.source_root;
  if (cl.source_version == "translated") config.pairing.source_version = PairingSettings::SourceVersion::Translated;
  if (cl.source_version == "unknown") config.pairing.source_version = PairingSettings::SourceVersion::Unknown;
  config.fail_on = *parse_fail_on(cl.fail_on);  // CLI11 admitted only the four names
  if (!cl.inherited.empty()) config.inherited = *parse_inherited(cl.inherited);  // likewise
  return config;
}

}  // namespace loclint::cli
