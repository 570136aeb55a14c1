// The parametrized fixture test: every check runs on every fixture under fixtures/, and the
// sorted list of `line[:col] rule: message` found must equal the one the fixture declares.
//
// Expectations are comments in the fixture itself, about a line relative to the comment
// (`expect@-1`) or absolute (`expect@1`), with an optional column (`expect@-1:5`, 1-based code
// points), naming the rule and the whole message, as clang-tidy's CHECK-MESSAGES do:
//     <!-- expect@-1 code/command-mismatch: command differs from source: 'X' in translation, 'Y' in source -->
//     # expect@-1 metadata/invalid-date: 'ms.date' is '18/08/2020', ...   (in YAML front matter or YamlMime files)
// One marker per diagnostic; several HTML comments may share a line. A negative case names the
// rule that must not fire on its line:
//     <!-- no-expect@-1 code/command-mismatch -->
// A line that `--fix` changes says what it reads after every fix of the fixture is applied,
// naming the rule whose fix it is (every other line must stay as it is, and fixing the fixed
// text again must change nothing):
//     <!-- fix@-1 link/backslash: Voir [la page](targets/page.md). -->
// A fixture may set options for its run:
//     <!-- fixture-option metadata/missing-key.required=title,description -->
//     <!-- fixture-locale fr-fr -->
//     <!-- fixture-source-root ../link/source-tree -->
//     <!-- fixture-source-version translated -->   (pairing.source-version: what pair/ may compare)
// An unexpected diagnostic fails as loudly as a missing one, and every rule must have a fixture
// where it fires and one where it is declared not to (EveryRuleFiresAndIsSeenNotToFire).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "loclint/core_rules.h"
#include "loclint/engine.h"
#include "loclint/fix.h"
#include "loclint/fix_run.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {

const fs::path kFixtures = fs::path(LOCLINT_SOURCE_DIR) / "fixtures";

std::vector<std::string> fixture_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(kFixtures)) {
    if (!e.is_regular_file()) continue;
    const fs::path rel = fs::relative(e.path(), kFixtures);
    std::string ext = e.path().extension().string();
    if (rel.filename() == "README.md" || (ext != ".md" && ext != ".yml")) continue;
    // Folders named "targets" inside fixtures/ hold files that fixtures link to; they are not
    // fixtures (only the path below fixtures/ is looked at, wherever the checkout is).
    const fs::path folder = rel.parent_path();
    if (std::find(folder.begin(), folder.end(), fs::path("targets")) != folder.end()) continue;
    out.push_back(rel.generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Expectations {
  std::vector<std::string> expected;                // "line:col rule: message" or "line rule: message"
  std::set<std::pair<int, std::string>> negatives;  // (line, rule) that must not fire
  std::set<std::string> fired, not_fired;           // rules named by expect / no-expect markers
  std::map<int, std::pair<std::string, std::string>> fixed;  // line -> (rule, the line after --fix)
  std::set<std::string> rules_fixed;                // rules named by fix@ markers
  std::vector<std::string> errors;                  // malformed markers
  Config config;
};

Expectations parse_expectations(const std::string& text, const fs::path& dir) {
  Expectations e;
  // The message runs to the end of its HTML comment, or to the end of a YAML comment's line.
  static const std::regex marker(
      R"((no-)?expect@([+-]?)(\d+)(?::(\d+))?\s+([a-z0-9-]+/[a-z0-9-]+)(?::[ \t]*(.*?))?[ \t]*(?=-->|$))");
  static const std::regex fix_marker(R"(fix@([+-]?)(\d+)\s+([a-z0-9-]+/[a-z0-9-]+):[ \t](.*?)[ \t]*(?=-->|$))");
  static const std::regex option(R"(fixture-option\s+(\S+?)=(\S*))");
  static const std::regex locale(R"(fixture-locale\s+(\S+))");
  static const std::regex source_root(R"(fixture-source-root\s+(\S+))");
  static const std::regex source_version(R"(fixture-source-version\s+(auto|translated|unknown))");
  static const std::regex enable(R"(fixture-enable\s+(\S+))");
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_search(line, m, option)) {
      std::vector<std::string> values;
      std::stringstream ss(m[2].str());
      for (std::string v; std::getline(ss, v, ',');) values.push_back(v);
      e.config.options[m[1].str()] = values;
    }
    if (std::regex_search(line, m, locale)) e.config.locale = m[1].str();
    if (std::regex_search(line, m, source_root)) e.config.source_root = (dir / m[1].str()).lexically_normal();
    for (auto it = std::sregex_iterator(line.begin(), line.end(), fix_marker); it != std::sregex_iterator(); ++it) {
      const std::smatch& mm = *it;
      int target = std::stoi(mm[2].str());
      if (mm[1].str() == "-") target = number - target;
      else if (mm[1].str() == "+") target = number + target;
      if (!e.fixed.emplace(target, std::make_pair(mm[3].str(), mm[4].str())).second)
        e.errors.push_back(fmt::format("line {}: a second fix@ for line {}", number, target));
      e.rules_fixed.insert(mm[3].str());
    }
    if (std::regex_search(line, m, source_version))
      e.config.pairing.source_version = m[1] == "translated" ? PairingSettings::SourceVersion::Translated
                                        : m[1] == "unknown"  ? PairingSettings::SourceVersion::Unknown
                                                             : PairingSettings::SourceVersion::Auto;
    if (std::regex_search(line, m, enable)) e.config.enable.emplace_back(m[1].str(), true);
    for (auto it = std::sregex_iterator(line.begin(), line.end(), marker); it != std::sregex_iterator(); ++it) {
      const std::smatch& mm = *it;
      int target = std::stoi(mm[3].str());
      if (mm[2].str() == "-") target = number - target;
      else if (mm[2].str() == "+") target = number + target;
      const std::string rule = mm[5].str();
      if (mm[1].matched) {
        e.negatives.emplace(target, rule);
        e.not_fired.insert(rule);
        continue;
      }
      if (!mm[6].matched || mm[6].str().empty()) {
        e.errors.push_back(fmt::format("line {}: expect@ for {} without its message", number, rule));
        continue;
      }
      e.fired.insert(rule);
      std::string where = mm[4].matched ? fmt::format("{}:{}", target, mm[4].str()) : std::to_string(target);
      e.expected.push_back(fmt::format("{} {}: {}", where, rule, mm[6].str()));
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
  for (const std::string& error : e.errors) ADD_FAILURE() << error;
  Engine engine(e.config, checks::all_checks());
  Workspace workspace;
  auto doc = Document::parse(path.string(), bytes);
  std::vector<Finding> findings = engine.lint_document(*doc, workspace);

  // Compare with the precision each expectation asks for (line only, or line and column).
  std::vector<std::string> actual;
  std::string details;
  for (const Finding& f : findings) {
    const auto& d = f.diagnostic;
    // An inherited finding's expectation ends as the compiler format prints it.
    const std::string message = d.message + (d.inherited() ? " (inherited from the source)" : "");
    std::string with_col = fmt::format("{}:{} {}: {}", f.start.line, f.start.column, d.rule->id, message);
    std::string without = fmt::format("{} {}: {}", f.start.line, d.rule->id, message);
    bool wants_col = std::find(e.expected.begin(), e.expected.end(), with_col) != e.expected.end();
    actual.push_back(wants_col ? with_col : without);
    details += fmt::format("  {}:{}:{}: {}: {} [{}]\n", GetParam(), f.start.line, f.start.column,
                           to_string(d.severity), message, d.rule->id);
    EXPECT_FALSE(e.negatives.count({static_cast<int>(f.start.line), std::string(d.rule->id)}))
        << d.rule->id << " fires on line " << f.start.line << ", declared not to (no-expect)";
  }
  std::sort(actual.begin(), actual.end());
  EXPECT_EQ(actual, e.expected) << "diagnostics produced:\n" << details;

  // The fixes: only rules that declare one give one, and the text after all of them is what
  // the fix@ markers say, line by line. Fixes that overlap apply on later passes, as --fix does.
  std::map<int, std::string> fixing_rule;  // line -> rule whose finding there has a fix
  for (const Finding& f : findings)
    if (f.diagnostic.fix) {
      EXPECT_TRUE(f.diagnostic.rule->fixable()) << f.diagnostic.rule->id << " gives a fix but declares none (Rule::fix)";
      fixing_rule.emplace(static_cast<int>(f.start.line), std::string(f.diagnostic.rule->id));
    }
  std::string text = bytes;
  for (int pass = 0;; ++pass) {
    auto current = Document::parse(path.string(), text);
    std::vector<const Fix*> fixes;
    std::vector<Finding> now = engine.lint_document(*current, workspace);
    for (const Finding& f : now)
      if (f.diagnostic.fix) fixes.push_back(&*f.diagnostic.fix);
    AppliedFixes a = apply_fixes(text, fixes, current->valid_utf8());
    if (a.applied == 0) break;
    ASSERT_LT(pass, kMaxFixPasses) << "fixes keep applying";
    text = std::move(a.text);
  }
  std::vector<std::string> before = split_lines(bytes), after = split_lines(text);
  ASSERT_EQ(before.size(), after.size()) << "a fix added or removed a line:\n" << text;
  for (size_t i = 0; i < before.size(); ++i) {
    const int line = static_cast<int>(i + 1);
    auto it = e.fixed.find(line);
    if (it == e.fixed.end()) {
      EXPECT_EQ(after[i], before[i]) << "line " << line << " changed by --fix without a fix@ marker";
      continue;
    }
    EXPECT_EQ(after[i], it->second.second) << "line " << line << " after --fix";
    EXPECT_EQ(fixing_rule[line], it->second.first) << "line " << line << ": the fix@ marker names another rule";
  }
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(fixture_files()), test_name);

// Every rule is shown firing in some fixture and declared not to fire (no-expect) in another
// place. The rules about a path rather than a document (a fixture is a document) are shown by
// their examples instead (rule_examples_test.cpp runs them on real files).
TEST(FixtureCoverage, EveryRuleFiresAndIsSeenNotToFire) {
  const std::set<std::string_view> about_a_path = {kUnreadableFile.id, kBinaryFile.id, kFileTooLarge.id,
                                                   kNoDocuments.id, kStalePublishConfig.id};
  std::set<std::string> fired, not_fired, fixed;
  for (const std::string& f : fixture_files()) {
    Expectations e = parse_expectations(read(kFixtures / f), (kFixtures / f).parent_path());
    fired.insert(e.fired.begin(), e.fired.end());
    not_fired.insert(e.not_fired.begin(), e.not_fired.end());
    fixed.insert(e.rules_fixed.begin(), e.rules_fixed.end());
  }
  for (const Rule* r : checks::all_rules()) {
    if (about_a_path.count(r->id)) continue;
    EXPECT_EQ(fixed.count(std::string(r->id)) == 1, r->fixable())
        << r->id << (r->fixable() ? ": no fixture shows its fix (fix@)" : ": a fix@ marker names it, but it declares no fix");
    // A fixture has no git history: pair/stale-translation fires in tests/paired_trees_test.cpp
    // and in its examples (tests/rule_examples_test.cpp).
    if (r->id != "pair/stale-translation")
      EXPECT_TRUE(fired.count(std::string(r->id))) << "no fixture shows " << r->id << " firing";
    EXPECT_TRUE(not_fired.count(std::string(r->id))) << "no fixture shows " << r->id << " not firing (no-expect)";
  }
}

// The harness itself must be able to fail: a fixture whose expectation is wrong must not pass.
TEST(FixtureHarness, ParsesRelativeAbsoluteColumnAndNegativeMarkers) {
  Expectations e = parse_expectations(
      "a\n<!-- expect@-1 x/y: a message -->\n<!-- expect@1:4 a/b: one --> <!-- expect@1 c/d: two -->\n"
      "# expect@-2 e/f: to the end of the line\n<!-- no-expect@-4 g/h -->\n<!-- expect@1 i/j -->\n",
      kFixtures);
  std::vector<std::string> want = {"1 c/d: two", "1 x/y: a message", "1:4 a/b: one", "2 e/f: to the end of the line"};
  EXPECT_EQ(e.expected, want);
  EXPECT_EQ(e.negatives, (std::set<std::pair<int, std::string>>{{1, "g/h"}}));
  ASSERT_EQ(e.errors.size(), 1u);  // i/j has no message
}

TEST(FixtureHarness, ParsesFixMarkers) {
  Expectations e = parse_expectations("a\n<!-- fix@-1 k/l: [x](a/b.md) -->\n# fix@3 m/n: key: value\n", kFixtures);
  ASSERT_EQ(e.fixed.size(), 2u);
  EXPECT_EQ(e.fixed[1], std::make_pair(std::string("k/l"), std::string("[x](a/b.md)")));
  EXPECT_EQ(e.fixed[3], std::make_pair(std::string("m/n"), std::string("key: value")));
  EXPECT_EQ(e.rules_fixed, (std::set<std::string>{"k/l", "m/n"}));
  EXPECT_TRUE(e.expected.empty());
}

TEST(FixtureHarness, TargetsFoldersAreSkippedWhereverTheCheckoutIs) {
  for (const std::string& f : fixture_files()) {
    EXPECT_EQ(f.find("targets/"), std::string::npos) << f;
    EXPECT_FALSE(f.starts_with("/")) << f;
  }
  EXPECT_GT(fixture_files().size(), 50u);
}

}  // namespace
