#include "loclint/changed_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "loclint/git.h"
#include "loclint/workspace.h"

namespace loclint {

namespace fs = std::filesystem;

namespace {

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

  std::string out;
  if (run_git(dir, {"rev-parse", "--show-toplevel"}, out) != 0)
    throw ChangedFilesError(fmt::format("--changed-since: {} is not inside a git repository (or git is missing)", dir.string()));
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  const fs::path top = fs::path(out).lexically_normal();

  if (ref.empty() || ref[0] == '-' || run_git(top, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"}, out) != 0)
    throw ChangedFilesError(fmt::format("--changed-since: unknown git ref '{}'", ref));
  std::string base;
  if (run_git(top, {"merge-base", ref, "HEAD"}, base) != 0)
    throw ChangedFilesError(fmt::format("--changed-since: '{}' has no common history with HEAD", ref));
  while (!base.empty() && (base.back() == '\n' || base.back() == '\r')) base.pop_back();

  std::vector<std::string> names;
  if (run_git(top, {"diff", "--name-only", "-z", "--no-ext-diff", "--diff-filter=ACMR", "-M", base, "--"}, out) != 0)
    throw ChangedFilesError(fmt::format("--changed-since: git diff against '{}' failed", ref));
  names = split_nul(out);
  if (run_git(top, {"ls-files", "-z", "--others", "--exclude-standard"}, out) == 0)
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
