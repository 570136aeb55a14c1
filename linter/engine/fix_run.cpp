#include "loclint/fix_run.h"

#include <map>

#include "loclint/document.h"
#include "loclint/fix.h"
#include "loclint/read_file.h"
#include "loclint/workspace.h"

namespace loclint {

FixSummary fix_run(const Engine& engine, RunResult& result, const FixOptions& options) {
  FixSummary summary;
  // Files with at least one fix, in path order (findings are sorted by path).
  std::vector<std::string> paths;
  for (const Finding& f : result.findings)
    if (f.diagnostic.fix && (paths.empty() || paths.back() != f.path)) paths.push_back(f.path);
  if (paths.empty()) return summary;
  Workspace workspace;
  workspace.set_census_cache_dir(engine.census_cache_dir());
  std::map<std::string, std::vector<Finding>> refreshed;
  for (const std::string& path : paths) {
    std::string original, error;
    bool too_large = false;
    if (!read_file(path, original, error, too_large)) {
      summary.errors.push_back(path + ": " + (too_large ? "too large" : error));
      continue;
    }
    std::shared_ptr<const Config> config = engine.config_for(path);
    std::string text = original;
    std::vector<Finding> findings;
    size_t applied = 0;
    for (int pass = 0;; ++pass) {
      auto doc = Document::parse(path, text);
      findings = engine.lint_document(*doc, workspace, *config);
      if (pass == kMaxFixPasses) break;
      std::vector<const Fix*> fixes;
      for (const Finding& f : findings)
        if (f.diagnostic.fix) fixes.push_back(&*f.diagnostic.fix);
      AppliedFixes a = apply_fixes(text, fixes, doc->valid_utf8());
      if (a.applied == 0) break;
      applied += a.applied;
      text = std::move(a.text);
    }
    if (text == original) continue;
    if (options.diff) {
      // git's labels; an absolute path loses its leading '/' so that `patch -p1` finds it again.
      std::string label = path;
      while (label.starts_with('/')) label.erase(0, 1);
      *options.diff << unified_diff(original, text, "a/" + label, "b/" + label);
    }
    if (options.write && !write_file_atomically(path, text, error)) {
      summary.errors.push_back(path + ": " + error);
      continue;
    }
    summary.fixes += applied;
    ++summary.files;
    refreshed[path] = std::move(findings);
  }
  // The fixed files' findings are those of their new text.
  if (options.write && !refreshed.empty()) {
    std::vector<Finding> all;
    for (Finding& f : result.findings) {
      auto it = refreshed.find(f.path);
      if (it == refreshed.end()) {
        all.push_back(std::move(f));
        continue;
      }
      // A file's findings are contiguous: its first one brings in the new list, the rest go.
      for (Finding& r : it->second) all.push_back(std::move(r));
      it->second.clear();
    }
    result.findings = std::move(all);
  }
  return summary;
}

}  // namespace loclint
