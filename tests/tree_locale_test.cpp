// The locale of a tree (Workspace::tree_locale): the docset's, a docfx.json's, the one every
// docset of the publish config names (even a stale config's), then a locale-named folder.
// And what a locale tag is (locale_tag.h).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "loclint/locale_tag.h"
#include "loclint/workspace.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {
class TreeLocale : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/loclint-locale-XXXXXX";
    dir_ = mkdtemp(tmpl);
    fs::create_directories(dir_ / "business-central" / "includes");
    std::ofstream(dir_ / "business-central" / "includes" / "wave.md") << "included\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  void config(const std::string& json) { std::ofstream(dir_ / ".openpublishing.publish.config.json") << json; }
  std::string locale(std::string* source = nullptr) {
    Workspace ws;
    return ws.tree_locale(dir_ / "business-central" / "includes" / "wave.md", source);
  }
  fs::path dir_;
};
}  // namespace

TEST_F(TreeLocale, DocsetThatHoldsTheFile) {
  config(R"({"docsets_to_publish": [{"docset_name": "bc", "build_source_folder": "business-central", "locale": "it-IT"}]})");
  std::string source;
  EXPECT_EQ(locale(&source), "it-it");
  EXPECT_EQ(source, "docset 'bc' of .openpublishing.publish.config.json");
}

TEST_F(TreeLocale, StaleConfigWhoseDocsetsAllNameOneLocale) {
  // dynamics365smb-docs-pr.it-it: the docsets name folders that are gone, every one says it-it.
  config(R"({"docsets_to_publish": [
      {"docset_name": "financialssmb", "build_source_folder": "financials", "locale": "it-it"},
      {"docset_name": "other", "build_source_folder": "gone", "locale": "it-it"}]})");
  std::string source;
  EXPECT_EQ(locale(&source), "it-it");
  EXPECT_EQ(source, "the locale of every docset of .openpublishing.publish.config.json");
}

TEST_F(TreeLocale, DocsetsThatDisagreeOrNameNoneSayNothing) {
  config(R"({"docsets_to_publish": [
      {"docset_name": "a", "build_source_folder": "a", "locale": "it-it"},
      {"docset_name": "b", "build_source_folder": "b", "locale": "de-de"}]})");
  EXPECT_EQ(locale(), "");
  config(R"({"docsets_to_publish": [
      {"docset_name": "a", "build_source_folder": "a", "locale": "it-it"},
      {"docset_name": "b", "build_source_folder": "b"}]})");
  EXPECT_EQ(locale(), "");
}

TEST_F(TreeLocale, ADocfxJsonWithTrailingCommasAndCommentsAsJsonNetReadsIt) {
  // docfx and the publishing pipeline read their configs with Json.NET, which takes a comma
  // before a closing brace or bracket (dynamics365smb-docs's docfx.json has them) and comments.
  std::ofstream(dir_ / "business-central" / "docfx.json") << R"({
    // the build
    "build": {
      "content": [{"files": ["**/*.md",], "exclude": ["a, }",],},],
      "globalMetadata": {"ms.contentlocale": "pt-BR", /* a comma, } in a comment */ "x": "y, ]",},
    },
  })";
  std::string source;
  EXPECT_EQ(locale(&source), "pt-br");
  EXPECT_EQ(source, "the docfx.json in 'business-central'");
  Workspace ws;
  auto meta = ws.docfx_metadata(dir_ / "business-central" / "includes" / "wave.md");
  EXPECT_EQ(meta->global_keys, (std::vector<std::string>{"ms.contentlocale", "x"}));
  // Not JSON at all: nothing, as before.
  std::ofstream(dir_ / "business-central" / "docfx.json") << R"({"build": {"globalMetadata": {"ms.contentlocale": "pt-BR"})";
  EXPECT_EQ(locale(), "");
}

TEST(LocaleTag, LanguageScriptRegionKnownToIcu) {
  for (const char* tag : {"fr-fr", "fr-FR", "zh_CN", "zh-Hans", "sr-Latn-RS", "es-419", "pt-br", "ar-sa", "tr-tr"})
    EXPECT_TRUE(is_locale_tag(tag)) << tag;
  // Words joined by a dash, unknown codes, bad shapes.
  for (const char* word : {"how-to", "set-up", "step-by-step", "sign-in", "qq-zz", "fr-xx", "en-us-x", "fr", "e-fr",
                           "fr-", "-fr", "fr-1234", "", "no-code", "co-host", "os-disk"})
    EXPECT_FALSE(is_locale_tag(word)) << word;
  EXPECT_TRUE(is_locale_tag("de", /*language_alone=*/true));
  EXPECT_FALSE(is_locale_tag("xq", /*language_alone=*/true));
}

TEST(TreeLocaleFolder, ALocaleAmongTheDottedPartsOfAFolderName) {
  char tmpl[] = "/tmp/loclint-locale-XXXXXX";
  const fs::path dir = mkdtemp(tmpl);
  for (const char* name : {"docs-pr.it-it.live", "partner-center-pr.fr-fr", "ja-jp"}) {
    fs::create_directories(dir / name / "articles");
    std::ofstream(dir / name / "articles" / "a.md") << "text\n";
  }
  fs::create_directories(dir / "how-to.live" / "articles");
  Workspace ws;
  std::string source;
  EXPECT_EQ(ws.tree_locale(dir / "docs-pr.it-it.live" / "articles" / "a.md", &source), "it-it");
  EXPECT_EQ(source, "folder name 'docs-pr.it-it.live'");
  EXPECT_EQ(ws.tree_locale(dir / "partner-center-pr.fr-fr" / "articles" / "a.md"), "fr-fr");
  EXPECT_EQ(ws.tree_locale(dir / "ja-jp" / "articles" / "a.md"), "ja-jp");
  EXPECT_EQ(ws.tree_locale(dir / "how-to.live" / "articles" / "a.md"), "");
  fs::remove_all(dir);
}
