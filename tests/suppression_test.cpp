// Inline suppressions, applied by the engine. loclint/invalid-utf8 (one finding per bad line)
// and metadata/syntax serve as the rules being suppressed: they fire on any document.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "loclint/engine.h"
#include "loclint/suppression.h"
#include "registry.h"

using namespace loclint;

namespace {

const std::string kFrontMatter = "---\ntitle: T\n---\n\n";
const std::string kBad = "caf\xE9";  // invalid UTF-8: loclint/invalid-utf8 on that line

// "line rule" for every finding of a document.
std::vector<std::string> lint(const std::string& text, Config config = {}) {
  // The sample documents carry only a title; narrow the required metadata to it, as a repository
  // would in its .loclint.yaml, so that only the findings under test appear.
  config.options.emplace("metadata/missing-key.required", std::vector<std::string>{"title"});
  Engine engine(config, checks::all_checks());
  Workspace ws;
  auto doc = Document::parse("doc.md", text);
  std::vector<std::string> out;
  for (const Finding& f : engine.lint_document(*doc, ws))
    out.push_back(fmt::format("{} {}{}", f.start.line, f.diagnostic.rule->id,
                              f.diagnostic.rule->id == "loclint/unused-suppression" ? ": " + f.diagnostic.message : ""));
  return out;
}

using V = std::vector<std::string>;

TEST(Suppression, DisableNextLineCoversOnlyTheNextLine) {
  std::string text = kFrontMatter + "<!-- loclint-disable-next-line loclint/invalid-utf8 -->\n" + kBad + "\n" + kBad + "\n";
  EXPECT_EQ(lint(text), V({"7 loclint/invalid-utf8"}));
}

TEST(Suppression, DisableUntilEnableByRuleFamilyOrAll) {
  for (std::string sel : {"loclint/invalid-utf8", "loclint", "", "loclint/nul-byte, loclint/invalid-utf8"}) {
    std::string text = kFrontMatter + kBad + "\n<!-- loclint-disable " + sel + " -->\n" + kBad + "\n" + kBad +
                       "\n<!-- loclint-enable " + sel + " -->\n" + kBad + "\n";
    V got = lint(text);
    // The `nul-byte` half of the last selector list suppresses nothing and says so.
    if (sel.find("nul-byte") != std::string::npos) {
      EXPECT_EQ(got, V({"5 loclint/invalid-utf8",
                        "6 loclint/unused-suppression: 'loclint-disable loclint/nul-byte' suppresses nothing",
                        "10 loclint/invalid-utf8"}));
    } else {
      EXPECT_EQ(got, V({"5 loclint/invalid-utf8", "10 loclint/invalid-utf8"})) << "selector '" << sel << "'";
    }
  }
}

TEST(Suppression, EnableOfOneRuleInsideABroaderDisable) {
  std::string text = kFrontMatter + "<!-- loclint-disable -->\n" + kBad + "\n<!-- loclint-enable loclint/invalid-utf8 -->\n" +
                     kBad + "\n";
  EXPECT_EQ(lint(text), V({"8 loclint/invalid-utf8"}));
}

TEST(Suppression, DisableWithoutEnableRunsToTheEndOfTheFile) {
  std::string text = kFrontMatter + kBad + "\n<!-- loclint-disable loclint/invalid-utf8 -->\n\n" + kBad + "\n\n" + kBad + "\n";
  EXPECT_EQ(lint(text), V({"5 loclint/invalid-utf8"}));
}

TEST(Suppression, DisableFileCoversTheFrontMatterToo) {
  std::string text = "---\ntitle: Titre: sous-titre\n---\n\n" + kBad + "\n\n<!-- loclint-disable-file metadata/syntax -->\n";
  EXPECT_EQ(lint(text), V({"5 loclint/invalid-utf8"}));
  text = "---\ntitle: Titre: sous-titre\n---\n\n" + kBad + "\n\n<!-- loclint-disable-file -->\n";
  EXPECT_EQ(lint(text), V({}));
}

TEST(Suppression, CommentsInCodeAreNotSuppressions) {
  std::string text = kFrontMatter + "```\n<!-- loclint-disable-file -->\n```\n\n`<!-- loclint-disable-next-line -->`\n" + kBad +
                     "\n\n    <!-- loclint-disable -->\n\n" + kBad + "\n";
  EXPECT_EQ(lint(text), V({"10 loclint/invalid-utf8", "14 loclint/invalid-utf8"}));
}

TEST(Suppression, AnHtmlCommentThatIsNotADirectiveIsIgnored) {
  std::string text = kFrontMatter + "<!-- loclint: disable -->\n<!-- loclint-disabled x -->\n" + kBad + "\n";
  EXPECT_EQ(lint(text), V({"7 loclint/invalid-utf8"}));
}

TEST(Suppression, UnusedAndUnknownSuppressionsAreReported) {
  std::string text = kFrontMatter +
                     "<!-- loclint-disable-next-line loclint/invalid-utf8 -->\nclean line\n"
                     "<!-- loclint-disable-next-line nope/rule -->\n" + kBad + "\n"
                     "<!-- loclint-disable-file metadata -->\n"
                     "<!-- loclint-enable loclint/nul-byte -->\n";
  EXPECT_EQ(lint(text),
            V({"5 loclint/unused-suppression: 'loclint-disable-next-line loclint/invalid-utf8' suppresses nothing",
               "7 loclint/unused-suppression: 'loclint-disable-next-line' names an unknown rule 'nope/rule'",
               "8 loclint/invalid-utf8",
               "9 loclint/unused-suppression: 'loclint-disable-file metadata' suppresses nothing",
               "10 loclint/unused-suppression: 'loclint-enable' has no loclint-disable before it to end"}));
}

TEST(Suppression, UnusedSuppressionCanItselfBeSilencedOrTurnedOff) {
  std::string text = kFrontMatter + "<!-- loclint-disable-next-line loclint/invalid-utf8 -->\nclean\n" +
                     "<!-- loclint-disable-file loclint/unused-suppression -->\n";
  EXPECT_EQ(lint(text), V({}));
  Config off;
  off.enable.emplace_back("loclint/unused-suppression", false);
  EXPECT_EQ(lint(kFrontMatter + "<!-- loclint-disable-next-line loclint/invalid-utf8 -->\nclean\n", off), V({}));
}

TEST(Suppression, ARuleTurnedOffByConfigurationLeavesItsSuppressionsAlone) {
  // Off here, maybe on in another folder's .loclint.yaml: the comment is not stale.
  Config config;
  config.enable.emplace_back("loclint/invalid-utf8", false);
  std::string text = kFrontMatter + "<!-- loclint-disable-next-line loclint/invalid-utf8 -->\n" + kBad + "\n";
  EXPECT_EQ(lint(text, config), V({}));
}

TEST(Suppression, ParsesSelectorsSeparatedBySpacesAndCommas) {
  auto doc = Document::parse("d.md", kFrontMatter + "<!--loclint-disable a/b,c/d  e -->\n<!-- loclint-disable-file-->\n");
  auto dirs = parse_suppressions(*doc);
  ASSERT_EQ(dirs.size(), 2u);
  EXPECT_EQ(dirs[0].kind, SuppressionDirective::Disable);
  EXPECT_EQ(dirs[0].selectors, std::vector<std::string>({"a/b", "c/d", "e"}));
  EXPECT_EQ(dirs[1].kind, SuppressionDirective::DisableFile);
  EXPECT_TRUE(dirs[1].selectors.empty());
}

}  // namespace
