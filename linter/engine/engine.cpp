#include "loclint/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

#include "loclint/core_rules.h"
#include "loclint/locate.h"
#include "loclint/read_file.h"
#include "loclint/suppression.h"
#include "loclint/workspace.h"
#include "paths.h"
#include "work_queue.h"

namespace loclint {

namespace {

constexpr size_t kBinaryProbe = 8000;  // a NUL byte in the first 8000 bytes: a binary file

class CollectingReporter : public Reporter {
 public:
  CollectingReporter(const Config& config, std::vector<Diagnostic>& out, NoteCounts* notes)
      : config_(config), out_(out), notes_(notes) {}
  using Reporter::report;
  void report(Diagnostic d) override {
    if (!d.rule || !config_.enabled(*d.rule)) return;
    // What the source has too is the source's defect: reported apart, at --inherited's level.
    if (d.inherited()) {
      std::optional<Severity> s = config_.inherited_severity_of(*d.rule);
      if (!s) return;
      d.severity = *s;
      out_.push_back(std::move(d));
      return;
    }
    // A check may report a milder case of a defect below its rule's default (an include found
    // only in the source tree); the user's --severity for the rule or its family still wins.
    const bool overridden = config_.severity.count(std::string(d.rule->id)) ||
                            config_.severity.count(std::string(d.rule->family()));
    if (overridden || d.severity > d.rule->severity) d.severity = config_.severity_of(*d.rule);
    out_.push_back(std::move(d));
  }
  void count(const SummaryNote& note) override {
    if (notes_ && config_.enabled(*note.rule)) notes_->add(note);
  }

 private:
  const Config& config_;
  std::vector<Diagnostic>& out_;
  NoteCounts* notes_;
};

}  // namespace

Engine::Engine(const Config& config, std::vector<Check> checks) : config_(config), checks_(std::move(checks)) {
  known_rules_ = core_rules();
  for (const Check& c : checks_)
    for (const Rule* r : c.rules)
      if (std::find(known_rules_.begin(), known_rules_.end(), r) == known_rules_.end()) known_rules_.push_back(r);
}

void Engine::set_config_lookup(ConfigLookup lookup) { config_lookup_ = std::move(lookup); }
void Engine::set_document_text(std::string path, std::string text) { document_text_.emplace(std::move(path), std::move(text)); }
void Engine::set_progress(Progress progress) { progress_ = std::move(progress); }

std::shared_ptr<const Config> Engine::config_for(const std::string& path) const {
  if (config_lookup_) return config_lookup_(path);
  return std::shared_ptr<const Config>(std::shared_ptr<const Config>(), &config_);  // not owned
}

std::vector<Finding> Engine::lint_document(const Document& doc, Workspace& workspace) const {
  return lint_document(doc, workspace, config_);
}

std::vector<Finding> Engine::lint_document(const Document& doc, Workspace& workspace, const Config& config,
                                           NoteCounts* notes) const {
  std::vector<Diagnostic> diags;
  CollectingReporter reporter(config, diags, notes);
  for (const InputProblem& p : doc.input_problems()) {
    if (p.kind == InputProblem::InvalidUtf8) {
      std::string bytes;
      static const char* hex = "0123456789ABCDEF";
      for (uint32_t i = p.offset; i < doc.text().size() && i < p.offset + 4; ++i) {
        uint8_t c = static_cast<uint8_t>(doc.text()[i]);
        if (i > p.offset && c < 0x80) break;
        if (!bytes.empty()) bytes += ' ';
        bytes += "0x";
        bytes += hex[c >> 4];
        bytes += hex[c & 15];
      }
      reporter.report(kInvalidUtf8, {p.offset, p.offset + 1}, "invalid UTF-8 byte sequence (" + bytes + ")");
    } else {
      reporter.report(kNulByte, {p.offset, p.offset + 1}, "NUL byte in a text document");
    }
  }
  std::shared_ptr<const Pair> pair = workspace.pairing().pair_of(doc, config);
  Env env{config, workspace, pair.get()};
  for (const Check& check : checks_) {
    bool any = std::any_of(check.rules.begin(), check.rules.end(), [&](const Rule* r) { return config.enabled(*r); });
    if (any) check.run(doc, env, reporter);
  }
  // Suppressions apply to what the checks reported, centrally, after every check ran.
  for (Diagnostic& u : apply_suppressions(doc, diags, config, known_rules_)) reporter.report(std::move(u));
  std::vector<Finding> out = locate_all(doc, std::move(diags));
  sort_findings(out);
  return out;
}

bool looks_binary(std::string_view bytes) {
  return std::memchr(bytes.data(), 0, std::min<size_t>(bytes.size(), kBinaryProbe)) != nullptr;
}

namespace {
// TOC.yml and friends: YAML files that are not documents.
bool yaml_but_not_document(std::string_view path, std::string_view bytes) {
  return is_yaml(path) && !Document::is_yaml_mime(bytes);
}
}  // namespace

bool engine_parses(std::string_view path, std::string_view bytes) {
  return !looks_binary(bytes) && !yaml_but_not_document(path, bytes);
}

std::vector<Finding> Engine::lint_file(const std::string& path, std::shared_ptr<const Document> doc,
                                       Workspace& workspace, RunStats& stats) const {
  // This file's configuration: the nearest .loclint.yaml with the command line on top.
  std::shared_ptr<const Config> config = config_for(path);
  if (!doc) {
    std::string bytes, error;
    bool too_large = false;
    if (document_text_ && document_text_->first == path) {
      bytes = document_text_->second;
    } else if (!read_file(path, bytes, error, too_large)) {
      if (too_large)
        return {path_finding(path, kFileTooLarge, config->severity_of(kFileTooLarge),
                             "file is larger than 256 MiB; it was not linted")};
      stats.tool_failure = true;
      return {path_finding(path, kUnreadableFile, config->severity_of(kUnreadableFile), "cannot read file: " + error)};
    }
    stats.bytes += bytes.size();
    if (looks_binary(bytes)) {
      if (!config->enabled(kBinaryFile)) return {};
      return {path_finding(path, kBinaryFile, config->severity_of(kBinaryFile),
                           "file looks binary (NUL byte in its first 8000 bytes); it was not linted")};
    }
    if (yaml_but_not_document(path, bytes)) return {};  // not parsed
    doc = Document::parse(path, std::move(bytes));
    workspace.add_anchors(*doc);
  } else {
    stats.bytes += doc->text().size();
  }
  ++stats.files;
  stats.segments += doc->segments().size();
  return lint_document(*doc, workspace, *config, &stats.summary_notes);
}

// A publish config that names docset folders the repository does not have: once per repository,
// at the line of the first missing folder, whatever number of its articles were linted.
std::vector<Finding> Engine::publish_config_findings(const Workspace& workspace) const {
  std::vector<Finding> out;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  for (const auto& repo : workspace.repositories()) {
    if (repo->missing_docset_folders.empty() || repo->publish_config.empty()) continue;
    fs::path rel = ec ? fs::path() : repo->publish_config.lexically_relative(cwd);
    std::string shown = !rel.empty() && *rel.begin() != ".." ? rel.generic_string() : repo->publish_config.string();
    std::shared_ptr<const Config> config = config_for(shown);
    if (!config->enabled(kStalePublishConfig)) continue;
    std::string names;
    for (const std::string& f : repo->missing_docset_folders) names += (names.empty() ? "'" : ", '") + f + "'";
    bool one = repo->missing_docset_folders.size() == 1;
    std::string message = fmt::format(
        "docset folder{} {} {} not exist{}", one ? "" : "s", names, one ? "does" : "do",
        repo->docsets.empty() ? ": no docset is left, so every article of the repository is linted as published"
                              : ": those docsets are ignored");
    Finding f = path_finding(shown, kStalePublishConfig, config->severity_of(kStalePublishConfig), std::move(message));
    f.fingerprint += ":" + names;
    std::string bytes, error;
    bool too_large = false;
    if (read_file(repo->publish_config.string(), bytes, error, too_large)) {
      size_t at = bytes.find("\"" + repo->missing_docset_folders.front() + "\"");
      if (at != std::string::npos) {
        LineIndex lines(bytes);
        f.whole_file = false;
        f.start = lines.position(static_cast<uint32_t>(at + 1));
        f.start_utf16 = lines.position(static_cast<uint32_t>(at + 1), ColumnUnit::Utf16);
        f.start_byte = lines.position(static_cast<uint32_t>(at + 1), ColumnUnit::Byte);
        uint32_t end = static_cast<uint32_t>(at + 1 + repo->missing_docset_folders.front().size());
        f.end = lines.position(end);
        f.end_utf16 = lines.position(end, ColumnUnit::Utf16);
        f.end_byte = lines.position(end, ColumnUnit::Byte);
        f.line_text = std::string(bytes.substr(lines.line_span(f.start.line).begin, lines.line_span(f.start.line).size()));
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

RunResult Engine::run(const std::vector<std::string>& inputs, unsigned jobs) const {
  RunResult result;
  Discovery disc = discover(inputs);
  result.stats.tool_failure = disc.tool_failure;
  auto owned = std::make_unique<Workspace>();
  Workspace& workspace = *owned;
  workspace.set_census_cache_dir(census_cache_dir_);
  WorkQueue queue(disc.files);
  workspace.set_anchor_parser(&queue);
  if (document_text_) {
    // The document from standard input is what links to its path see: it exists, and its
    // anchors are its own (the file on disk, if any, is never read).
    const auto& [path, text] = *document_text_;
    workspace.assume_exists(path);
    if (engine_parses(path, text)) workspace.add_anchors(*Document::parse(path, text));
  }
  const size_t n = disc.files.size();
  std::vector<std::vector<Finding>> per_file(n);
  std::vector<RunStats> per_thread(std::max(1u, jobs));
  std::atomic<size_t> linted{0};
  auto worker = [&](unsigned t) {
    size_t i;
    std::shared_ptr<const Document> doc;
    while (queue.next(i, doc)) {
      per_file[i] = lint_file(disc.files[i], std::move(doc), workspace, per_thread[t]);
      sort_findings(per_file[i]);  // on the worker threads: the run's order is then a merge
      if (progress_) progress_(linted.fetch_add(1) + 1, n);
    }
  };
  unsigned threads = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(n, 1))));
  // A census reads a whole docset even when one file is linted (an editor, a pre-commit hook):
  // it gets every job asked for, not only as many as there are files.
  workspace.set_jobs(std::max(1u, jobs));
  workspace.set_spare_jobs(std::max(1u, jobs) - threads);
  if (threads == 1) {
    worker(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker, t);
    for (auto& th : pool) th.join();
  }
  for (const RunStats& s : per_thread) {
    result.stats.files += s.files;
    result.stats.segments += s.segments;
    result.stats.bytes += s.bytes;
    result.stats.tool_failure |= s.tool_failure;
    result.stats.summary_notes.merge(s.summary_notes);
  }
  // The files' findings, each file's sorted by its worker, in the files' order (discovery sorts
  // them by path): sorted as a whole when every finding of a file names that file (else sorted
  // again). Findings about paths (discovery, the publish config) are merged in before the files'
  // own at equal keys, the order a stable sort of them all gives.
  std::vector<Finding> files_findings;
  size_t total = 0;
  for (const auto& v : per_file) total += v.size();
  files_findings.reserve(total);
  for (auto& v : per_file)
    for (auto& f : v) files_findings.push_back(std::move(f));
  if (!std::is_sorted(files_findings.begin(), files_findings.end(), finding_less)) sort_findings(files_findings);
  std::vector<Finding> about_paths = std::move(disc.findings);
  for (Finding& f : publish_config_findings(workspace)) about_paths.push_back(std::move(f));
  sort_findings(about_paths);
  std::vector<Finding> all;
  all.reserve(about_paths.size() + files_findings.size());
  std::merge(std::make_move_iterator(about_paths.begin()), std::make_move_iterator(about_paths.end()),
             std::make_move_iterator(files_findings.begin()), std::make_move_iterator(files_findings.end()),
             std::back_inserter(all), finding_less);
  result.stats.census_files_read = workspace.census_files_read();
  result.stats.census_files_cached = workspace.census_files_cached();
  result.stats.count_severities(all);
  result.findings = std::move(all);
  result.files = std::move(disc.files);
  if (leave_caches_to_exit_) {
    // Reachable from a static that is never destroyed, until the process ends.
    static std::mutex kept_mutex;
    static auto* kept = new std::vector<Workspace*>;
    std::lock_guard lock(kept_mutex);
    kept->push_back(owned.release());
  }
  return result;
}

}  // namespace loclint
