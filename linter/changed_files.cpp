#include "loclint/changed_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "loclint/git.h"
#include "loclint/workspace.h"

namespace loclint {

namespace fs = std::filesystem;

namespace {

// ":" and git's own message on the lines after ours, or nothing when git said nothing.
std::string git_said(const std::string& error) { return error.empty() ? std::string() : ":\n" + error; }

std::vector<std::string> split_nul(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\0', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_document_name(std::string_view p) {
  for (std::string_view ext : {".md", ".MD", ".markdown", ".yml", ".yaml", ".YML", ".YAML"})
    if (p.ends_with(ext)) return true;
  return false;
}

// `path` is `root` or below it.
bool under(const fs::path& path, const fs::path& root) {
  auto r = path.lexically_relative(root);
  return !r.empty() && *r.begin() != "..";
}

}  // namespace

std::vector<ChangedFile> changed_files(const std::string& ref, const std::vector<std::string>& roots) {
  std::vector<std::string> inputs = roots.empty() ? std::vector<std::string>{"."} : roots;
  fs::path first = absolute_normal(inputs.front());
  std::error_code ec;
  fs::path dir = fs::is_directory(first, ec) ? first : first.parent_path();

  std::string out, error;
  const int top_level = run_git(dir, {"rev-parse", "--show-toplevel"}, out, &error);
  if (top_level == -1 && error.empty())
    throw ChangedFilesError("--changed-since: git is not installed (no 'git' on PATH)");
  if (top_level != 0)
    throw ChangedFilesError(fmt::format("--changed-since: git cannot use the repository of {}{}", dir.string(),
                                        git_said(error)));
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  const fs::path top = fs::path(out).lexically_normal();

  // `--quiet`: an unknown ref prints nothing, and "unknown git ref" is the whole story.
  if (ref.empty() || ref[0] == '-' || run_git(top, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"}, out) != 0)
    throw ChangedFilesError(fmt::format("--changed-since: unknown git ref '{}'", ref));
  std::string base;
  if (run_git(top, {"merge-base", ref, "HEAD"}, base, &error) != 0)
    throw ChangedFilesError(fmt::format("--changed-since: '{}' has no common history with HEAD{}", ref, git_said(error)));
  while (!base.empty() && (base.back() == '\n' || base.back() == '\r')) base.pop_back();

  if (run_git(top, {"diff", "--name-only", "-z", "--no-ext-diff", "--diff-filter=ACMR", "-M", base, "--"}, out, &error) != 0)
    throw ChangedFilesError(fmt::format("--changed-since: git diff against '{}' failed{}", ref, git_said(error)));
  std::vector<std::string> names = split_nul(out);
  if (run_git(top, {"ls-files", "-z", "--others", "--exclude-standard"}, out, &error) != 0)
    throw ChangedFilesError(fmt::format("--changed-since: git ls-files failed{}", git_said(error)));
  for (std::string& n : split_nul(out)) names.push_back(std::move(n));

  fs::path cwd = absolute_normal(".");
  std::vector<ChangedFile> result;
  for (const std::string& name : names) {
    if (!is_document_name(name)) continue;
    fs::path abs = (top / name).lexically_normal();
    if (!fs::is_regular_file(abs, ec)) continue;  // deleted since, or not a file
    for (const std::string& root : inputs) {
      fs::path r = absolute_normal(root);
      if (abs != r && !under(abs, r)) continue;
      ChangedFile f;
      bool relative_root = !fs::path(root).is_absolute();
      f.path = relative_root ? abs.lexically_relative(cwd).generic_string() : abs.generic_string();
      f.relative = abs == r ? abs.filename().generic_string() : abs.lexically_relative(r).generic_string();
      result.push_back(std::move(f));
      break;
    }
  }
  std::sort(result.begin(), result.end(), [](const ChangedFile& a, const ChangedFile& b) { return a.path < b.path; });
  result.erase(std::unique(result.begin(), result.end(), [](const ChangedFile& a, const ChangedFile& b) { return a.path == b.path; }),
               result.end());
  return result;
}

}  // namespace loclint
