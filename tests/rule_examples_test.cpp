// Every rule's examples, run through the real loclint in a scratch tree: `fires` reports that rule
// and no other, `passes` reports nothing at all. The examples are what --explain, the rule's page
// of docs/rules/ and SARIF's help show, so a reader can trust them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "loclint/read_file.h"
#include "loclint/rule_docs.h"
#include "process_util.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;
using namespace loclint::testing;

namespace {

// The rule ids of what loclint reports on `example` (laid out as the docs describe it).
std::vector<std::string> run_example(const Example& example, std::string* output) {
  ScratchDir dir;
  for (const ExampleFile& f : example.files) write_file(dir / std::string(f.path), std::string(f.text));
  const fs::path path = dir / std::string(example.path);
  switch (example.form) {
    case ExampleForm::Absent:
      break;
    case ExampleForm::Oversized:
      write_file(path, "");
      fs::resize_file(path, kMaxFileSize + 1);  // sparse: nothing is written or read
      break;
    default:
      write_file(path, example_document(example));
  }
  Result r = run(sh_quote(LOCLINT_BINARY) + " --no-config --format json " + std::string(example.args) + " " +
                     sh_quote(std::string(example.path)),
                 dir.path());
  *output = r.out + r.err;
  std::vector<std::string> rules;
  const nlohmann::json log = nlohmann::json::parse(r.out);
  for (const auto& d : log["diagnostics"]) rules.push_back(d["rule"]);
  return rules;
}

class RuleExample : public ::testing::TestWithParam<const Rule*> {};

// Rules about a source file's git history: a scratch folder of files has none. Their examples
// run in a real git repository in tests/paired_trees_test.cpp (Docfx, SourceHistory).
bool needs_git_history(const Rule& rule) { return rule.id == "pair/stale-translation"; }

TEST_P(RuleExample, FiresItsRuleAndNoOther) {
  const Rule& rule = *GetParam();
  if (needs_git_history(rule)) GTEST_SKIP() << rule.id << " needs a source tree with git history";
  std::string output;
  std::vector<std::string> rules = run_example(rule.fires, &output);
  ASSERT_FALSE(rules.empty()) << rule.id << "'s example reports nothing:\n" << output;
  for (const std::string& r : rules) EXPECT_EQ(r, rule.id) << output;
}

TEST_P(RuleExample, CounterexampleFiresNothing) {
  const Rule& rule = *GetParam();
  std::string output;
  std::vector<std::string> rules = run_example(rule.passes, &output);
  EXPECT_TRUE(rules.empty()) << rule.id << "'s counterexample reports:\n" << output;
}

std::string test_name(const ::testing::TestParamInfo<const Rule*>& info) {
  std::string n(info.param->id);
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleExample, ::testing::ValuesIn(checks::all_rules()), test_name);

}  // namespace
