// The parametrized fixture test: every rule runs on every fixture under fixtures/, and the
// sorted list of `line:col rule` found must equal the one the fixture declares.
//
// Expectations are comments in the fixture itself, about a line relative to the comment
// (`expect@-1`) or absolute (`expect@1`), with an optional column (`expect@-1:5`):
//     <!-- expect@-1 code/command-mismatch -->
//     # expect@-1 metadata/invalid-date          (inside YAML front matter or YamlMime files)
// Several rules may follow one marker. A fixture may set options for its run:
//     <!-- fixture-option metadata/missing-key.required=title,description -->
//     <!-- fixture-locale fr-fr -->
//     <!-- fixture-source-root ../link/source-tree -->
// An unexpected diagnostic fails as loudly as a missing one.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "loclint/engine.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {

const fs::path kFixtures = fs::path(LOCLINT_SOURCE_DIR) / "fixtures";

std::vector<std::string> fixture_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(kFixtures)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    std::string name = e.path().filename().string();
    if (name == "README.md") continue;
    // Folders named "targets" hold files that fixtures link to; they are not fixtures.
    if (e.path().string().find("/targets/") != std::string::npos) continue;
    if (ext != ".md" && ext != ".yml") continue;
    out.push_back(fs::relative(e.path(), kFixtures).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Expectations {
  std::vector<std::string> expected;  // "line:col rule" or "line rule"
  Config config;
};

Expectations parse_expectations(const std::string& text, const fs::path& dir) {
  Expectations e;
  static const std::regex marker(R"(expect@([+-]?)(\d+)(?::(\d+))?((?:\s+[a-z0-9-]+/[a-z0-9-]+)+))");
  static const std::regex option(R"(fixture-option\s+(\S+?)=(\S*))");
  static const std::regex locale(R"(fixture-locale\s+(\S+))");
  static const std::regex source_root(R"(fixture-source-root\s+(\S+))");
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::smatch m;
    if (std::regex_search(line, m, option)) {
      std::vector<std::string> values;
      std::stringstream ss(m[2].str());
      for (std::string v; std::getline(ss, v, ',');) values.push_back(v);
      e.config.options[m[1].str()] = values;
    }
    if (std::regex_search(line, m, locale)) e.config.locale = m[1].str();
    if (std::regex_search(line, m, source_root)) e.config.source_root = (dir / m[1].str()).lexically_normal();
    for (auto it = std::sregex_iterator(line.begin(), line.end(), marker); it != std::sregex_iterator(); ++it) {
      const std::smatch& mm = *it;
      int target = std::stoi(mm[2].str());
      if (mm[1].str() == "-") target = number - target;
      else if (mm[1].str() == "+") target = number + target;
      std::istringstream rules(mm[4].str());
      for (std::string rule; rules >> rule;) {
        e.expected.push_back(mm[3].matched ? fmt::format("{}:{} {}", target, mm[3].str(), rule)
                                           : fmt::format("{} {}", target, rule));
      }
    }
  }
  std::sort(e.expected.begin(), e.expected.end());
  return e;
}

class FixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureTest, DiagnosticsMatchExpectations) {
  const fs::path path = kFixtures / GetParam();
  std::string bytes = read(path);
  Expectations e = parse_expectations(bytes, path.parent_path());
  Engine engine(e.config, checks::all_checks());
  Workspace workspace;
  auto doc = Document::parse(path.string(), bytes);
  std::vector<Finding> findings = engine.lint_document(*doc, workspace);

  // Compare with the precision each expectation asks for (line only, or line and column).
  std::vector<std::string> actual;
  std::string details;
  for (const Finding& f : findings) {
    std::string with_col = fmt::format("{}:{} {}", f.start.line, f.start.column, f.diagnostic.rule->id);
    std::string without = fmt::format("{} {}", f.start.line, f.diagnostic.rule->id);
    bool wants_col = std::find(e.expected.begin(), e.expected.end(), with_col) != e.expected.end();
    actual.push_back(wants_col ? with_col : without);
    details += fmt::format("  {}:{}:{}: {}: {} [{}]\n", GetParam(), f.start.line, f.start.column,
                           to_string(f.diagnostic.severity), f.diagnostic.message, f.diagnostic.rule->id);
  }
  std::sort(actual.begin(), actual.end());
  EXPECT_EQ(actual, e.expected) << "diagnostics produced:\n" << details;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(fixture_files()), test_name);

// The harness itself must be able to fail: a fixture whose expectation is wrong must not pass.
TEST(FixtureHarness, ParsesRelativeAbsoluteAndColumnMarkers) {
  Expectations e = parse_expectations("a\n<!-- expect@-1 x/y -->\n<!-- expect@1:4 a/b c/d -->\n", kFixtures);
  std::vector<std::string> want = {"1 x/y", "1:4 a/b", "1:4 c/d"};
  EXPECT_EQ(e.expected, want);
}

}  // namespace
