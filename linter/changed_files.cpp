#include "loclint/changed_files.h"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "loclint/workspace.h"

namespace loclint {

namespace fs = std::filesystem;

namespace {

std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Git {
  int exit = -1;       // 127: the shell found no git
  std::string out;     // stdout
  std::string error;   // stderr, trimmed: git's own words ("fatal: detected dubious ownership ...")
};

// Runs `git -C dir ARGS`. stderr goes to a temporary file so that a failure can show git's own
// message: "not a git repository", "detected dubious ownership", a broken index all read the same
// from an exit code alone.
Git git(const fs::path& dir, const std::string& args) {
  Git g;
  std::error_code ec;
  std::string tmpl = (fs::temp_directory_path(ec) / "loclint-git-XXXXXX").string();
  int fd = ::mkstemp(tmpl.data());
  std::string err_path = fd >= 0 ? tmpl : "/dev/null";
  if (fd >= 0) ::close(fd);
  std::string cmd = "git -c core.quotepath=off -C " + sh_quote(dir.string()) + " " + args + " 2>" + sh_quote(err_path);
  if (FILE* pipe = ::popen(cmd.c_str(), "r")) {
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) g.out.append(buf, n);
    int status = ::pclose(pipe);
    g.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  if (fd >= 0) {
    std::ifstream in(err_path, std::ios::binary);
    g.error.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    ::unlink(err_path.c_str());
    while (!g.error.empty() && (g.error.back() == '\n' || g.error.back() == '\r' || g.error.back() == ' '))
      g.error.pop_back();
  }
  return g;
}

// ":" and git's own message on the lines after ours, or nothing when git said nothing.
std::string git_said(const Git& g) { return g.error.empty() ? std::string() : ":\n" + g.error; }

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

  Git top_level = git(dir, "rev-parse --show-toplevel");
  if (top_level.exit == 127)
    throw ChangedFilesError("--changed-since: git is not installed (no 'git' on PATH)");
  if (top_level.exit != 0)
    throw ChangedFilesError(fmt::format("--changed-since: git cannot use the repository of {}{}", dir.string(),
                                        git_said(top_level)));
  std::string& out = top_level.out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  const fs::path top = fs::path(out).lexically_normal();

  // `--quiet`: an unknown ref prints nothing, and "unknown git ref" is the whole story.
  if (ref.empty() || ref[0] == '-' || git(top, "rev-parse --verify --quiet " + sh_quote(ref + "^{commit}")).exit != 0)
    throw ChangedFilesError(fmt::format("--changed-since: unknown git ref '{}'", ref));
  Git merge_base = git(top, "merge-base " + sh_quote(ref) + " HEAD");
  if (merge_base.exit != 0)
    throw ChangedFilesError(fmt::format("--changed-since: '{}' has no common history with HEAD{}", ref, git_said(merge_base)));
  std::string base = merge_base.out;
  while (!base.empty() && (base.back() == '\n' || base.back() == '\r')) base.pop_back();

  Git diff = git(top, "diff --name-only -z --no-ext-diff --diff-filter=ACMR -M " + sh_quote(base) + " --");
  if (diff.exit != 0)
    throw ChangedFilesError(fmt::format("--changed-since: git diff against '{}' failed{}", ref, git_said(diff)));
  std::vector<std::string> names = split_nul(diff.out);
  Git untracked = git(top, "ls-files -z --others --exclude-standard");
  if (untracked.exit != 0)
    throw ChangedFilesError(fmt::format("--changed-since: git ls-files failed{}", git_said(untracked)));
  for (std::string& n : split_nul(untracked.out)) names.push_back(std::move(n));

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
