// The census of front-matter keys (linter/metadata_census.cpp): what the articles of a docset
// carry, counting what docfx.json supplies, leaving out includes, TOC.md and generated pages.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "loclint/workspace.h"

namespace fs = std::filesystem;
using namespace loclint;

namespace {
class KeyCensusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/loclint-census-XXXXXX";
    dir_ = mkdtemp(tmpl);
    fs::create_directories(dir_ / "docs" / "admin");
    fs::create_directories(dir_ / "docs" / "includes");
    std::ofstream(dir_ / ".openpublishing.publish.config.json")
        << R"({"docsets_to_publish": [{"docset_name": "d", "build_source_folder": "docs", "locale": "fr-fr"}]})";
    std::ofstream(dir_ / "docs" / "docfx.json")
        << R"({"build": {"globalMetadata": {"ms.service": "x"},
                         "fileMetadata": {"ms.subservice": {"admin/**/*.md": "y"}, "titleSuffix": {"*.md": "z"}}}})";
    write("docs/a.md", "---\ntitle: A\nms.date: 01/02/2021\nms.locfileid: \"1\"\n---\n# A\n");
    write("docs/b.md", "---\ntitle: B\nms.date:\nms.locfileid: \"2\"\n---\n# B\n");
    write("docs/admin/c.md", "---\ntitle: C\nms.date: ''\n---\n# C\n");
    write("docs/admin/broken.md", "---\ntitle: [C\n---\n# broken YAML: not counted\n");
    write("docs/includes/i.md", "---\nms.locfileid: \"3\"\n---\nincluded\n");
    write("docs/TOC.md", "---\ntitle: toc\n---\n# [A](a.md)\n");
    write("docs/api.md", "---\nuid: N.T\ntitle: T\n---\n# T\n");
    write("docs/plain.md", "# no front matter\n");
    write("docs/hub.yml", "### YamlMime:Hub\ntitle: Hub\nmetadata:\n  title: Hub\n  ms.topic: hub-page\n");
    write("docs/toc.yml", "- name: A\n  href: a.md\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& rel, const std::string& text) { std::ofstream(dir_ / rel) << text; }
  fs::path dir_;
};
}  // namespace

TEST_F(KeyCensusTest, CountsArticlesAndWhatDocfxSupplies) {
  Workspace ws;
  auto census = ws.key_census(dir_ / "docs" / "a.md");
  ASSERT_TRUE(census);
  EXPECT_EQ(census->folder, dir_ / "docs");
  EXPECT_EQ(census->articles.files, 3u);  // a, b, admin/c: not the include, TOC.md, the uid page, nor broken YAML
  EXPECT_DOUBLE_EQ(census->articles.share("title"), 1.0);
  EXPECT_DOUBLE_EQ(census->articles.share("ms.date"), 1.0 / 3);  // empty values carry nothing
  EXPECT_DOUBLE_EQ(census->articles.share("ms.locfileid"), 2.0 / 3);
  EXPECT_DOUBLE_EQ(census->articles.share("ms.service"), 1.0);        // globalMetadata
  EXPECT_DOUBLE_EQ(census->articles.share("ms.subservice"), 1.0 / 3);  // fileMetadata, admin/ only
  EXPECT_DOUBLE_EQ(census->articles.share("titleSuffix"), 2.0 / 3);   // a glob without '/' is the docfx folder's
  EXPECT_DOUBLE_EQ(census->articles.share("author"), 0.0);
  // YamlMime files are tallied by type, apart from the Markdown articles; TOC.yml is neither.
  EXPECT_EQ(census->of("Hub").files, 1u);
  EXPECT_DOUBLE_EQ(census->of("Hub").share("ms.topic"), 1.0);
  EXPECT_DOUBLE_EQ(census->of("Hub").share("ms.locfileid"), 0.0);
  EXPECT_EQ(census->of("Landing").files, 0u);
  EXPECT_EQ(&census->of(""), &census->articles);
  // Every file of the docset gets the same census, computed once.
  EXPECT_EQ(ws.key_census(dir_ / "docs" / "admin" / "c.md").get(), census.get());
}

TEST_F(KeyCensusTest, OneCensusWhenThreadsAskAtOnce) {
  Workspace ws;
  std::vector<std::shared_ptr<const KeyCensus>> got(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i) threads.emplace_back([&, i] { got[i] = ws.key_census(dir_ / "docs" / "b.md"); });
  for (auto& t : threads) t.join();
  for (const auto& c : got) EXPECT_EQ(c.get(), got[0].get());
}

TEST_F(KeyCensusTest, FrontMatterKeysOfAnotherFile) {
  Workspace ws;
  auto keys = ws.front_matter_keys(dir_ / "docs" / "b.md");
  ASSERT_TRUE(keys && keys->parsed);
  EXPECT_TRUE(keys->has("ms.date"));
  EXPECT_FALSE(keys->has_value("ms.date"));
  EXPECT_EQ(*keys->value("ms.locfileid"), "2");
  EXPECT_FALSE(ws.front_matter_keys(dir_ / "docs" / "missing.md"));
  EXPECT_TRUE(Workspace::generated_page(*ws.front_matter_keys(dir_ / "docs" / "api.md")));
  EXPECT_FALSE(Workspace::generated_page(*keys));
}
