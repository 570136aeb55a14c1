// loclint_docgen: writes docs/rules/ and the rule table of README.md from the Rule constants.
//
//   build/loclint_docgen [REPO]      REPO: the repository root (default: the current folder)
//
// Run it after changing a rule; tests/rule_docs_test.cpp fails while a page is stale or missing.
// Pages of rules that no longer exist are deleted.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "loclint/rule_docs.h"
#include "registry.h"

namespace fs = std::filesystem;

namespace {

bool write_if_changed(const fs::path& path, const std::string& text) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream old;
  old << in.rdbuf();
  if (in && old.str() == text) return false;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path root = argc > 1 ? fs::path(argv[1]) : fs::current_path();
  const fs::path docs = root / "docs" / "rules";
  const fs::path readme = root / "README.md";
  if (!fs::exists(readme)) {
    std::cerr << "loclint_docgen: " << readme.string() << " not found (give the repository root)\n";
    return 2;
  }
  const auto rules = loclint::checks::all_rules();
  const auto files = loclint::rule_docs(rules);
  size_t changed = 0;
  for (const auto& [name, text] : files) changed += write_if_changed(docs / name, text);
  // Pages of removed rules.
  if (fs::exists(docs))
    for (const auto& e : fs::recursive_directory_iterator(docs))
      if (e.is_regular_file() && !files.count(e.path().lexically_relative(docs).generic_string())) {
        fs::remove(e.path());
        ++changed;
      }
  // The README's table, between its markers.
  std::ifstream in(readme, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  const std::string begin = "<!-- rules:begin -->\n", end = "<!-- rules:end -->";
  size_t b = text.find(begin), e = text.find(end);
  if (b == std::string::npos || e == std::string::npos || e < b) {
    std::cerr << "loclint_docgen: README.md has no '<!-- rules:begin -->' ... '<!-- rules:end -->' block\n";
    return 2;
  }
  text.replace(b + begin.size(), e - b - begin.size(), loclint::readme_rule_table(rules));
  changed += write_if_changed(readme, text);
  std::cerr << "loclint_docgen: " << files.size() << " files of docs/rules/ and the README table; " << changed
            << " changed\n";
  return 0;
}
