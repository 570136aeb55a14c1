// The README's snippets, for the tests that run them exactly as written. A snippet is a fenced
// block right after a line `<!-- snippet: NAME -->`; tests/readme_test.cpp checks that every
// fenced block of the README has one and that some test names it.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "process_util.h"

namespace loclint::testing {

struct Snippet {
  std::string name;
  std::string info;  // the fence's info string (sh, yaml, ...)
  std::string text;  // the lines between the fences, each with its '\n'
  int line = 0;      // 1-based line of the opening fence
};

// Every fenced block of `markdown`, with its name ("" when no snippet comment precedes it).
inline std::vector<Snippet> fenced_blocks(const std::string& markdown) {
  std::vector<Snippet> out;
  std::vector<std::string> lines;
  for (size_t p = 0; p < markdown.size();) {
    size_t nl = markdown.find('\n', p);
    if (nl == std::string::npos) nl = markdown.size();
    lines.push_back(markdown.substr(p, nl - p));
    p = nl + 1;
  }
  const std::string tag = "<!-- snippet: ";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with("```")) continue;
    Snippet s;
    s.info = lines[i].substr(3);
    s.line = static_cast<int>(i + 1);
    if (i > 0 && lines[i - 1].starts_with(tag) && lines[i - 1].ends_with(" -->"))
      s.name = lines[i - 1].substr(tag.size(), lines[i - 1].size() - tag.size() - 4);
    size_t j = i + 1;
    for (; j < lines.size() && !lines[j].starts_with("```"); ++j) s.text += lines[j] + "\n";
    out.push_back(std::move(s));
    i = j;
  }
  return out;
}

inline std::vector<Snippet> readme_snippets() { return fenced_blocks(slurp(std::string(LOCLINT_SOURCE_DIR) + "/README.md")); }

// The README snippet called `name`; throws when there is none.
inline Snippet readme_snippet(const std::string& name) {
  for (Snippet& s : readme_snippets())
    if (s.name == name) return s;
  throw std::runtime_error("README.md has no snippet " + name);
}

// The workspace an editor test opens (tests/lsp_*_test.cpp): a repository whose config requires
// only `title`, a link target `sub/page.md`, and the README's setup snippet `snippet` written as
// `setup_file`.
inline void write_editor_workspace(const std::filesystem::path& root, const std::string& snippet,
                                   const std::string& setup_file) {
  std::filesystem::create_directories(root / ".git");
  write_file(root / ".loclint.yaml", kTitleOnlyConfig);
  write_file(root / "sub" / "page.md", "---\ntitle: Page\n---\n\n# Page\n");
  write_file(root / setup_file, readme_snippet(snippet).text);
}

}  // namespace loclint::testing
