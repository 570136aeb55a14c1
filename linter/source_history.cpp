#include "loclint/source_history.h"

#include <algorithm>

#include "loclint/git.h"
#include "loclint/workspace.h"

namespace loclint {

namespace fs = std::filesystem;

struct SourceHistory::Diff {
  std::once_flag once;
  bool known = false;  // the commit exists in the repository
  std::unordered_map<std::string, FileDiff> files;  // path relative to the work tree top
};

namespace {

// A commit id as a front matter writes it: 7 to 64 hexadecimal digits (abbreviated, SHA-1,
// SHA-256). Anything else is not asked to git at all (it could be an option or a ref name).
bool commit_id(std::string_view s) {
  if (s.size() < 7 || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

// `"a b\tc"` (git quotes paths with special characters even with core.quotepath=off).
std::string unquote(std::string_view p) {
  if (p.size() < 2 || p.front() != '"' || p.back() != '"') return std::string(p);
  std::string out;
  for (size_t i = 1; i + 1 < p.size(); ++i) {
    if (p[i] != '\\' || i + 2 >= p.size()) {
      out += p[i];
      continue;
    }
    const char c = p[++i];
    if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c >= '0' && c <= '7' && i + 2 < p.size()) {
      out += static_cast<char>(((c - '0') << 6) | ((p[i + 1] - '0') << 3) | (p[i + 2] - '0'));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

uint32_t number_at(std::string_view s, size_t& i) {
  uint32_t n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') n = n * 10 + static_cast<uint32_t>(s[i++] - '0');
  return n;
}

}  // namespace

std::unordered_map<std::string, FileDiff> parse_unified_diff(std::string_view text) {
  std::unordered_map<std::string, FileDiff> out;
  std::string old_path;
  FileDiff* current = nullptr;
  uint32_t old_left = 0, new_left = 0;  // lines of the current hunk still to read
  size_t i = 0;
  while (i < text.size()) {
    size_t e = text.find('\n', i);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(i, e - i);
    i = e + 1;
    // Inside a hunk every line is content, even one that reads `--- x` (a deleted `-- x`).
    if (old_left + new_left > 0) {
      if (line.starts_with("-") && old_left > 0) --old_left;
      else if (line.starts_with("+") && new_left > 0) --new_left;
      else if (line.starts_with("\\")) continue;  // "\ No newline at end of file"
      else {
        old_left = new_left = 0;  // malformed: leave the hunk
        continue;
      }
      if (current) ++current->lines;
      continue;
    }
    if (line.starts_with("diff --git ")) {
      current = nullptr;
      old_path.clear();
    } else if (line.starts_with("--- ")) {
      std::string_view p = line.substr(4);
      old_path = p == "/dev/null" ? "" : unquote(p);
      if (old_path.starts_with("a/")) old_path.erase(0, 2);
    } else if (line.starts_with("+++ ")) {
      std::string p = unquote(line.substr(4));
      if (p == "/dev/null") p = old_path;  // deleted: known by its old name
      else if (p.starts_with("b/")) p.erase(0, 2);
      current = &out[p];
    } else if (line.starts_with("@@ -") && current) {
      // @@ -a[,b] +c[,d] @@: b lines removed at a, d lines added from line c of the new file
      // (d = 0: a deletion after line c). An omitted count is 1.
      size_t k = 4;
      number_at(line, k);
      uint32_t b = 1, c = 0, d = 1;
      if (k < line.size() && line[k] == ',') {
        ++k;
        b = number_at(line, k);
      }
      if (line.substr(k, 2) != " +") continue;
      k += 2;
      c = number_at(line, k);
      if (k < line.size() && line[k] == ',') {
        ++k;
        d = number_at(line, k);
      }
      old_left = b;
      new_left = d;
      const uint32_t first = d == 0 ? std::max<uint32_t>(c, 1) : c;
      if (current->first_line == 0 || first < current->first_line) current->first_line = first;
    }
  }
  return out;
}

SourceHistory::SourceHistory(fs::path source_root) : root_(absolute_normal(source_root)) {}
SourceHistory::~SourceHistory() = default;

bool SourceHistory::tracked() {
  std::call_once(top_once_, [this] {
    std::string out;
    if (run_git(root_, {"rev-parse", "--show-toplevel"}, out) != 0) return;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    top_ = absolute_normal(out);
  });
  return !top_.empty();
}

std::shared_ptr<SourceHistory::Diff> SourceHistory::diff_since(const std::string& commit) {
  std::shared_ptr<Diff> d;
  {
    std::lock_guard lock(mutex_);
    auto& slot = diffs_[commit];
    if (!slot) slot = std::make_shared<Diff>();
    d = slot;
  }
  std::call_once(d->once, [&] {
    std::string out;
    if (!commit_id(commit) || run_git(top_, {"cat-file", "-e", commit + "^{commit}"}, out) != 0) return;
    d->known = true;
    // The commit against the working tree (what loclint reads), documents only, no context
    // lines: the size of the output is the size of the change.
    if (run_git(top_, {"diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", commit, "--",
                       // Any letter case, and MDX (Docusaurus): every source a pairing may name.
                       ":(icase)*.md", ":(icase)*.mdx", ":(icase)*.markdown", ":(icase)*.yml", ":(icase)*.yaml"},
                out) == 0)
      d->files = parse_unified_diff(out);
  });
  return d;
}

SourceChange SourceHistory::change(std::string_view commit, const fs::path& file) {
  SourceChange c;
  if (!tracked()) return c;
  std::shared_ptr<Diff> d = diff_since(std::string(commit));
  if (!d->known) {
    c.state = SourceChange::State::UnknownCommit;
    return c;
  }
  const std::string rel = absolute_normal(file).lexically_relative(top_).generic_string();
  auto it = d->files.find(rel);
  if (it == d->files.end() || it->second.lines == 0) {
    c.state = SourceChange::State::Unchanged;
    return c;
  }
  c.state = SourceChange::State::Changed;
  c.lines = it->second.lines;
  c.first_line = it->second.first_line;
  return c;
}

}  // namespace loclint
