// The rule documentation is generated from the Rule constants (loclint/rule_docs.h): this test
// fails when a page of docs/rules/ or the README's rule table is stale, missing or left over,
// and when a rule's metadata breaks the conventions the pages rely on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/options.h"
#include "loclint/config.h"
#include "loclint/rule_docs.h"
#include "registry.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {

const fs::path kRoot = LOCLINT_SOURCE_DIR;
constexpr const char* kRegenerate = "run `build/loclint_docgen` from the repository root and commit the result";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RuleDocs, EveryPageIsUpToDate) {
  const auto files = rule_docs(checks::all_rules());
  for (const auto& [name, text] : files) {
    const fs::path page = kRoot / "docs" / "rules" / name;
    ASSERT_TRUE(fs::exists(page)) << page << " is missing: " << kRegenerate;
    EXPECT_EQ(read(page), text) << page << " is stale: " << kRegenerate;
  }
  for (const auto& e : fs::recursive_directory_iterator(kRoot / "docs" / "rules"))
    if (e.is_regular_file())
      EXPECT_TRUE(files.count(e.path().lexically_relative(kRoot / "docs" / "rules").generic_string()))
          << e.path() << " documents no rule: " << kRegenerate;
}

TEST(RuleDocs, ReadmeTableIsUpToDate) {
  const std::string readme = read(kRoot / "README.md");
  const std::string begin = "<!-- rules:begin -->\n", end = "<!-- rules:end -->";
  size_t b = readme.find(begin), e = readme.find(end);
  ASSERT_NE(b, std::string::npos);
  ASSERT_NE(e, std::string::npos);
  EXPECT_EQ(readme.substr(b + begin.size(), e - b - begin.size()), readme_rule_table(checks::all_rules())) << kRegenerate;
}

TEST(RuleDocs, RulesFollowTheConventionsThePagesRelyOn) {
  std::set<std::string_view> ids;
  for (const Rule* r : checks::all_rules()) {
    SCOPED_TRACE(std::string(r->id));
    EXPECT_TRUE(ids.insert(r->id).second) << "two rules share an id";
    // family/kebab-name
    EXPECT_NE(r->id.find('/'), std::string_view::npos);
    for (char c : r->id) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/');
    // A summary starts lowercase and has no final period; the sections are written.
    ASSERT_FALSE(r->summary.empty());
    EXPECT_TRUE(r->summary[0] >= 'a' && r->summary[0] <= 'z');
    EXPECT_NE(r->summary.back(), '.');
    EXPECT_FALSE(r->checks.empty());
    EXPECT_FALSE(r->why.empty());
    // An option's default parses as its type: the check and the page read the same value.
    for (const RuleOption& o : r->options) {
      SCOPED_TRACE(std::string(o.name));
      EXPECT_FALSE(o.description.empty());
      Config none;
      switch (o.type) {
        case OptionType::Bool:
          EXPECT_TRUE(o.default_value == "true" || o.default_value == "false");
          (void)checks::bool_option(none, *r, o.name);
          break;
        case OptionType::Count:
          EXPECT_EQ(std::to_string(checks::count_option(none, *r, o.name)), o.default_value);
          break;
        case OptionType::Text:
          EXPECT_EQ(checks::text_option(none, *r, o.name), o.default_value);
          break;
        case OptionType::List:
          EXPECT_EQ(checks::list_option(none, *r, o.name), checks::option_default(*r, o.name));
          break;
      }
    }
  }
}

TEST(RuleDocs, OptionsComeFromTheConfigurationAndFallBackToTheDeclaredDefault) {
  const Rule* r = checks::find_rule("metadata/description-length");
  ASSERT_TRUE(r);
  Config c;
  EXPECT_EQ(checks::count_option(c, *r, "min"), 75u);
  c.options["metadata/description-length.min"] = {"10"};
  EXPECT_EQ(checks::count_option(c, *r, "min"), 10u);
  c.options["metadata/description-length.min"] = {"ten"};  // not a count: the default
  EXPECT_EQ(checks::count_option(c, *r, "min"), 75u);
  c.options["metadata.max"] = {"20"};  // the family's value applies to its rules
  EXPECT_EQ(checks::count_option(c, *r, "max"), 20u);
  EXPECT_THROW(checks::count_option(c, *r, "no-such-option"), std::logic_error);
}

TEST(RuleDocs, FrontMatterExamplesEditTheStandardBlock) {
  Example e{.text = "-title\ntitre: Titre\nms.date: 18/08/2020\n---\nCorps.\n", .form = ExampleForm::FrontMatter};
  std::string doc = example_document(e);
  EXPECT_EQ(doc.find("\ntitle:"), std::string::npos);
  EXPECT_NE(doc.find("\nms.date: 18/08/2020\n"), std::string::npos);
  EXPECT_EQ(doc.find("08/18/2020"), std::string::npos);
  EXPECT_TRUE(doc.ends_with("titre: Titre\n---\nCorps.\n")) << doc;
}

}  // namespace
