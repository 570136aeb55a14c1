// Every rule's examples, run through the real loclint in a scratch tree (a git repository made
// with git for an example with a history): `fires` reports that rule and no other, `passes`
// reports nothing at all. The examples are what --explain, the rule's page of docs/rules/ and
// SARIF's help show, so a reader can trust them.
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

// The folder of an example with a history (pair/stale-translation): a git repository whose first
// commit holds `history` and whose second, when they differ, holds `files`; the document names
// the first commit. Returns the document with that commit's real hash for kExampleSourceCommit.
std::string make_history(const ScratchDir& dir, const Example& example, std::string document) {
  for (const ExampleFile& f : example.history) write_file(dir / std::string(f.path), std::string(f.text));
  git(dir.path(), "init -q");
  git(dir.path(), "add -A");
  git(dir.path(), "commit -q -m translated");
  const std::string commit = git(dir.path(), "rev-parse HEAD");
  for (const ExampleFile& f : example.files) write_file(dir / std::string(f.path), std::string(f.text));
  git(dir.path(), "add -A");
  if (!git(dir.path(), "status --porcelain").empty()) git(dir.path(), "commit -q -m changed");
  const size_t at = document.find(kExampleSourceCommit);
  EXPECT_NE(at, std::string::npos) << "an example with a history names no commit:\n" << document;
  if (at != std::string::npos) document.replace(at, kExampleSourceCommit.size(), commit);
  return document;
}

// The rule ids of what loclint reports on `example` (laid out as the docs describe it).
std::vector<std::string> run_example(const Example& example, std::string* output) {
  ScratchDir dir;
  std::string document = example_document(example);
  if (example.history.size()) document = make_history(dir, example, std::move(document));
  else
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
      write_file(path, document);
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

TEST_P(RuleExample, FiresItsRuleAndNoOther) {
  const Rule& rule = *GetParam();
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

// Examples with a history name their commit in the shared front matter; git is a test
// dependency (ci/setup), so they are never skipped.
TEST(RuleExampleHistory, TheFrontMatterNamesTheExampleCommit) {
  const std::string line = "ms.sourcegitcommit: " + std::string(kExampleSourceCommit) + "\n";
  EXPECT_NE(kExampleFrontMatter.find(line), std::string_view::npos);
  size_t with_history = 0;
  for (const Rule* r : checks::all_rules())
    for (const Example* e : {&r->fires, &r->passes})
      if (e->history.size()) {
        ++with_history;
        EXPECT_NE(example_document(*e).find(kExampleSourceCommit), std::string::npos) << r->id;
      }
  EXPECT_GE(with_history, 2u);  // pair/stale-translation's two
}

std::string test_name(const ::testing::TestParamInfo<const Rule*>& info) {
  std::string n(info.param->id);
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(AllRules, RuleExample, ::testing::ValuesIn(checks::all_rules()), test_name);

}  // namespace
